"""``predtrack export DIR``: claims.json (which `predtrack claims import` reads back) and claims.csv."""

from __future__ import annotations

from pathlib import Path

import typer

from service.cli import app


@app.command("export")
def export(directory: Path = typer.Argument(..., help="Where to write claims.json and claims.csv.")) -> None:
    """Write every claim with its resolution, checks and probability history to DIR/claims.json and claims.csv."""
    from predictions.export import claim_items, csv_chunks, json_chunks
    from service.cli.common import open_ledger

    directory.mkdir(parents=True, exist_ok=True)
    with open_ledger() as session:
        for name, chunks in (("claims.json", json_chunks), ("claims.csv", csv_chunks)):
            with (directory / name).open("w", encoding="utf-8", newline="") as handle:
                for chunk in chunks(claim_items(session)):
                    handle.write(chunk)
            typer.echo(f"wrote {directory / name}", err=True)
