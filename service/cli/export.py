"""``predtrack export DIR``: claims.json (which `predtrack claims import` reads back) and claims.csv."""

from __future__ import annotations

from pathlib import Path

import typer

from service.cli import app


@app.command("export")
def export(directory: Path = typer.Argument(..., help="Where to write claims.json and claims.csv.")) -> None:
    """Write the sources and every claim with its resolutions, checks, forecasts, audit trail and probability history
    to DIR/claims.json (`predtrack claims import` reads it into another ledger) and DIR/claims.csv."""
    from predictions.transfer.export import csv_export, json_export
    from service.cli.common import open_ledger

    directory.mkdir(parents=True, exist_ok=True)
    with open_ledger() as session:
        for name, chunks in (("claims.json", json_export), ("claims.csv", csv_export)):
            with (directory / name).open("w", encoding="utf-8", newline="") as handle:
                for chunk in chunks(session):
                    handle.write(chunk)
            typer.echo(f"wrote {directory / name}", err=True)
