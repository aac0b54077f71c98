"""Helpers shared by the CLI commands: clean failures and a migrated ledger session."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, NoReturn

import typer

if TYPE_CHECKING:
    from sqlmodel import Session


def fail(message: str, code: int = 2) -> NoReturn:
    """Print ``message`` to stderr and exit with ``code``."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


@contextmanager
def open_ledger() -> Iterator[Session]:
    """A session on the configured database, migrated to head first; commits once at the end."""
    # Imported here: commands that never open the ledger (extract) start without the database layer.
    import migrations
    from service.db import get_engine, session_scope

    engine = get_engine()
    migrations.upgrade(engine)
    with session_scope(engine) as session:
        yield session
