"""The scheduler's lock: only the process that holds it runs jobs; any other scheduler waits idle.

- **PostgreSQL**: a session-level ``pg_try_advisory_lock`` held on a dedicated autocommit connection. The
  server releases it when that connection ends, so a process that dies (even by kill -9) frees it at once.
- **SQLite** (no advisory locks): a row in the ``lease`` table with an expiry. The holder renews it well
  before it expires; a waiting scheduler takes it over once it has expired (the holder died or hung).
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Protocol

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, IntegrityError

from predictions.ledger.clock import Clock
from predictions.ledger.db import advisory_key
from predictions.ledger.tables import Lease

logger = logging.getLogger(__name__)

LOCK_NAME = "predtrack.scheduler"


class SchedulerLock(Protocol):
    """A lock that one process at a time may hold."""

    def acquire(self) -> bool:
        """Take the lock if it is free (or already ours); True when we hold it."""
        ...

    def renew(self) -> bool:
        """Keep holding the lock; False when it has been lost."""
        ...

    def release(self) -> None:
        """Let go of the lock."""
        ...


class AdvisoryLock:
    """A PostgreSQL session-level advisory lock held on its own connection."""

    def __init__(self, engine: Engine, *, name: str = LOCK_NAME) -> None:
        self.engine = engine
        self.key = advisory_key(name)
        self._connection: Connection | None = None

    def acquire(self) -> bool:
        """Take the lock if no other session holds it."""
        if self._connection is not None:
            return self.renew()
        connection = self.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        got = bool(connection.execute(sa.text("SELECT pg_try_advisory_lock(:key)"), {"key": self.key}).scalar())
        if got:
            self._connection = connection
        else:
            connection.close()
        return got

    def renew(self) -> bool:
        """The lock lives as long as its connection: check that the connection is still alive."""
        if self._connection is None:
            return False
        try:
            self._connection.execute(sa.text("SELECT 1"))
            return True
        except DBAPIError:
            logger.warning("the scheduler lock's connection died; the lock is lost")
            self._connection.invalidate()
            self._connection = None
            return False

    def release(self) -> None:
        """Unlock and close the connection."""
        if self._connection is None:
            return
        try:
            self._connection.execute(sa.text("SELECT pg_advisory_unlock(:key)"), {"key": self.key})
        except DBAPIError:
            logger.warning("could not unlock the scheduler lock; closing its connection frees it")
        finally:
            self._connection.close()
            self._connection = None


class LeaseLock:
    """A lease row with an expiry: taken when free or expired, renewed by its holder."""

    def __init__(self, engine: Engine, *, holder: str, clock: Clock, ttl: timedelta, name: str = LOCK_NAME) -> None:
        self.engine = engine
        self.name = name
        self.holder = holder
        self.clock = clock
        self.ttl = ttl

    def _update(self, *, also_if_expired: bool) -> bool:
        now = self.clock.now()
        table = Lease.__table__  # type: ignore[attr-defined]
        mine = table.c.holder == self.holder
        condition = sa.or_(mine, table.c.expires_at <= now) if also_if_expired else mine
        with self.engine.begin() as connection:
            result = connection.execute(
                sa.update(table)
                .where(table.c.name == self.name, condition)
                .values(holder=self.holder, expires_at=now + self.ttl)
            )
            return result.rowcount == 1

    def acquire(self) -> bool:
        """Take the lease if nobody holds it, it is ours, or it has expired."""
        if self._update(also_if_expired=True):
            return True
        try:
            with self.engine.begin() as connection:
                connection.execute(
                    sa.insert(Lease.__table__).values(  # type: ignore[attr-defined]
                        name=self.name, holder=self.holder, expires_at=self.clock.now() + self.ttl
                    )
                )
            return True
        except IntegrityError:  # someone else holds it
            return False

    def renew(self) -> bool:
        """Push the expiry on, if the lease is still ours."""
        return self._update(also_if_expired=False)

    def release(self) -> None:
        """Give the lease up (only if it is ours)."""
        table = Lease.__table__  # type: ignore[attr-defined]
        with self.engine.begin() as connection:
            connection.execute(sa.delete(table).where(table.c.name == self.name, table.c.holder == self.holder))


def make_lock(engine: Engine, *, holder: str, clock: Clock, ttl: timedelta, name: str = LOCK_NAME) -> SchedulerLock:
    """An advisory lock on PostgreSQL, a lease elsewhere (``name`` tells locks apart)."""
    if engine.dialect.name == "postgresql":
        return AdvisoryLock(engine, name=name)
    return LeaseLock(engine, holder=holder, clock=clock, ttl=ttl, name=name)
