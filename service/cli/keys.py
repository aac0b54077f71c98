"""``predtrack keys create``: make an API key and print it, alone, on stdout (it is shown once)."""

from __future__ import annotations

import typer

from service.cli import app

keys_app = typer.Typer(help="Manage API keys (stored hashed; a key is shown once, when it is created).")
app.add_typer(keys_app, name="keys")


@keys_app.command("create")
def create(
    role: str = typer.Option(..., "--role", help="researcher (writes) or admin (also annulment and un-resolve)."),
    name: str = typer.Option("researcher", "--name", help="Who holds the key; recorded as forecaster / resolver."),
) -> None:
    """Create a key and print it alone on stdout; store it now, it cannot be shown again."""
    from predictions.clock import SystemClock
    from predictions.errors import LedgerError
    from predictions.keys import create_key
    from service.cli.common import fail, open_ledger

    try:
        with open_ledger() as session:
            new = create_key(session, role=role, name=name, clock=SystemClock())
    except LedgerError as exc:
        fail(exc.detail)
    typer.echo(new.secret)
