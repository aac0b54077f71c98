"""``predtrack backup FILE`` and ``predtrack restore FILE``: a consistent copy of a SQLite ledger, even while the
service runs, and back (``predictions.ledger.backup``). PostgreSQL: docs/deploy.md."""

from __future__ import annotations

from pathlib import Path

import typer

from service.cli import app


@app.command()
def backup(file: Path = typer.Argument(..., help="The new file to write the copy to (never overwritten).")) -> None:
    """Copy the SQLite ledger to FILE with SQLite's online backup API (safe while the service runs)."""
    from predictions.ledger import backup as backups
    from predictions.ledger.errors import LedgerError
    from service.cli.common import fail
    from service.db import get_engine

    try:
        copied = backups.backup(get_engine(), to=file)
    except LedgerError as exc:
        fail(exc.detail)
    typer.echo(f"backed up {copied.claims} claims and {copied.sources} sources to {copied.path}")


@app.command()
def restore(
    file: Path = typer.Argument(..., help="A file written by `predtrack backup`."),
    replace: bool = typer.Option(False, "--replace", help="Overwrite a ledger that already holds claims."),
) -> None:
    """Replace the SQLite ledger by the backup FILE, then migrate it to this version of predtrack."""
    import migrations
    from predictions.ledger import backup as backups
    from predictions.ledger.errors import LedgerError
    from service.cli.common import fail
    from service.db import get_engine

    engine = get_engine()
    try:
        copied = backups.restore(engine, source=file, replace=replace)
    except LedgerError as exc:
        fail(exc.detail)
    migrations.upgrade(engine)
    typer.echo(f"restored {copied.claims} claims and {copied.sources} sources from {copied.path}")
