"""The ledger's version: one counter that triggers bump with every committed write a claim's view can see."""

from __future__ import annotations

import threading

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session

_POSTGRESQL = sa.text(
    "SELECT version, pg_current_xact_id_if_assigned() IS NULL FROM ledger_version WHERE id = 1"
).columns(sa.column("version", sa.BigInteger), sa.column("clean", sa.Boolean))
_VERSION = sa.text("SELECT version FROM ledger_version WHERE id = 1")


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
    return int(connection.execute(_VERSION).scalar_one())


class CommittedVersions:
    """The ledger's committed version, read on one autocommit connection kept for that alone.

    For a process that checks the version before every cached read: one round trip (no BEGIN, no ROLLBACK, no
    pool checkout), ~0.15 ms on PostgreSQL instead of ~0.6 ms through a session. An autocommit connection holds
    no writes of its own, so what it reads is committed. Thread-safe; a failed read drops the connection (the next
    read opens a new one) and raises.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._connection: Connection | None = None
        self._lock = threading.Lock()

    def read(self) -> int:
        """The committed version now."""
        with self._lock:
            try:
                if self._connection is None:
                    self._connection = self.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
                return int(self._connection.execute(_VERSION).scalar_one())
            except Exception:
                self._close()
                raise

    def close(self) -> None:
        """Give the connection back (reading again opens a new one)."""
        with self._lock:
            self._close()

    def _close(self) -> None:
        if self._connection is not None:
            connection, self._connection = self._connection, None
            try:
                connection.close()
            except Exception:  # a broken connection is discarded by the pool all the same
                pass
