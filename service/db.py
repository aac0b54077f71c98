"""Sessions: one unit of work per request or job, committed once at the end."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from sqlalchemy.engine import Engine
from sqlmodel import Session

from predictions.ledger.db import make_engine
from service.settings import get_settings


@lru_cache
def get_engine(url: str | None = None) -> Engine:
    """The process's engine for ``url`` (default: the configured database)."""
    settings = get_settings()
    url = url or settings.database_url
    if url.startswith("sqlite") and (":memory:" in url or url.rstrip("/") in ("sqlite:", "sqlite+pysqlite:")):
        return make_engine(url)  # one in-memory database: SQLAlchemy's single-connection pool, no sizes
    return make_engine(url, pool_size=settings.db_pool_size, max_overflow=settings.db_max_overflow)


@contextmanager
def session_scope(engine: Engine | None = None) -> Iterator[Session]:
    """A session that commits once on success and rolls back on any error (for jobs and the CLI)."""
    with Session(engine or get_engine(), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def read_engine(engine: Engine, *, pool_size: int, max_overflow: int) -> Engine:
    """For reads that hold no writes (the API's fast path): on PostgreSQL an engine on the same database whose
    connections are in autocommit and are not pinged on checkout, so a read is its statements and nothing else
    (no BEGIN, no ROLLBACK, no ping: half the round trips of a one-claim read). A connection that died is found
    by its first statement, which fails; the caller then answers through ``engine`` instead. On SQLite, where
    those cost nothing over the wire, ``engine`` itself."""
    if engine.dialect.name != "postgresql":
        return engine
    url = engine.url.render_as_string(hide_password=False)
    return make_engine(
        url, isolation_level="AUTOCOMMIT", pool_pre_ping=False, pool_size=pool_size, max_overflow=max_overflow
    )
