"""Alembic migrations for the ledger, and helpers to apply them from code."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Connection, Engine

from predictions.ledger.db import take_turns

HERE = Path(__file__).resolve().parent
# Tables in the same database that are not the ledger's: APScheduler's persistent job store makes its own.
FOREIGN_TABLES = frozenset({"apscheduler_jobs"})


def include_name(name: str | None, type_: str, _parent_names: object) -> bool:
    """Alembic's filter: compare and autogenerate only the ledger's own tables."""
    return not (type_ == "table" and name in FOREIGN_TABLES)


def alembic_config(bind: Engine | Connection | str) -> Config:
    """An Alembic config for this package's scripts, bound to an engine, a connection or a URL."""
    config = Config()
    config.set_main_option("script_location", str(HERE))
    if isinstance(bind, str):
        config.set_main_option("sqlalchemy.url", bind.replace("%", "%%"))
    else:
        config.attributes["connection"] = bind
    return config


def upgrade(bind: Engine | Connection | str, revision: str = "head") -> None:
    """Apply migrations up to ``revision`` (processes starting at once on PostgreSQL take turns)."""
    if isinstance(bind, Engine):
        with bind.begin() as connection:
            take_turns(connection, name="predtrack.migrations")
            command.upgrade(alembic_config(connection), revision)
        return
    command.upgrade(alembic_config(bind), revision)


def downgrade(bind: Engine | Connection | str, revision: str = "base") -> None:
    """Revert migrations down to ``revision``."""
    if isinstance(bind, Engine):
        with bind.begin() as connection:
            command.downgrade(alembic_config(connection), revision)
        return
    command.downgrade(alembic_config(bind), revision)
