"""The ledger's version: one counter that triggers bump with every committed write a claim's view can see."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session

_POSTGRESQL = sa.text(
    "SELECT version, pg_current_xact_id_if_assigned() IS NULL FROM ledger_version WHERE id = 1"
).columns(sa.column("version", sa.BigInteger), sa.column("clean", sa.Boolean))
_SQLITE = sa.text("SELECT version FROM ledger_version WHERE id = 1")


def committed_version(session: Session) -> int | None:
    """The ledger's version as this session sees it, or None when the session has written and not committed
    (what it reads then is its own, and may yet be rolled back)."""
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        version, clean = connection.execute(_POSTGRESQL).one()
        return int(version) if clean else None
    # pysqlite opens a transaction only before a write, so an open one holds uncommitted writes.
    if getattr(connection.connection.dbapi_connection, "in_transaction", True):
        return None
    return int(connection.execute(_SQLITE).scalar_one())
