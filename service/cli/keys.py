"""``predtrack keys create|list|revoke``: a new key is printed alone on stdout, once; list and revoke by id."""

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
    from predictions.access.keys import create_key
    from predictions.ledger.clock import SystemClock
    from predictions.ledger.errors import LedgerError
    from service.cli.common import fail, open_ledger

    try:
        with open_ledger() as session:
            new = create_key(session, role=role, name=name, clock=SystemClock())
    except LedgerError as exc:
        fail(exc.detail)
    typer.echo(new.secret)


@keys_app.command("list")
def list_() -> None:
    """List every key: id, role, name, prefix, created, revoked (secrets are never shown again)."""
    from predictions.access.keys import list_keys
    from service.cli.common import open_ledger

    with open_ledger() as session:
        rows = list_keys(session)
        typer.echo(f"{'id':>4}  {'role':<10}  {'prefix':<12}  {'created':<20}  {'revoked':<20}  name")
        for row in rows:
            revoked = row.revoked_at.strftime("%Y-%m-%d %H:%M:%S") if row.revoked_at else "-"
            created = row.created_at.strftime("%Y-%m-%d %H:%M:%S")
            typer.echo(f"{row.id:>4}  {row.role.value:<10}  {row.prefix:<12}  {created:<20}  {revoked:<20}  {row.name}")


@keys_app.command("revoke")
def revoke(
    key_id: int = typer.Argument(..., min=1, max=2**63 - 1, help="The key's id, from `predtrack keys list`."),
) -> None:
    """Revoke a key: every request with it gets 401 from now on."""
    from predictions.access.keys import revoke_key
    from predictions.ledger.clock import SystemClock
    from predictions.ledger.errors import LedgerError
    from service.cli.common import fail, open_ledger

    try:
        with open_ledger() as session:
            row = revoke_key(session, key_id=key_id, clock=SystemClock())
            typer.echo(f"revoked key {row.id} ({row.role.value}, {row.name})")
    except LedgerError as exc:
        fail(exc.detail)
