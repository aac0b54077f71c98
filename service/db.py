"""Sessions: one unit of work per request or job, committed once at the end."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
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
    """For reads that hold no writes (the API's fast path, which runs on the event loop): an engine of its own on
    the same database, so that the event loop never waits for a connection the worker threads hold. With one
    pool for both, 300 mixed requests/s on SQLite filled it with the threads' sessions, and every fast read then
    blocked the whole process for the pool's 30 s timeout (the requests it held back timed out in turn).

    On PostgreSQL its connections are also in autocommit and are not pinged on checkout, so a read is its
    statements and nothing else (no BEGIN, no ROLLBACK, no ping: half the round trips of a one-claim read). A
    connection that died is found by its first statement, which fails; the caller then answers through ``engine``
    instead. An in-memory SQLite database (tests) is one connection's: ``engine`` itself."""
    url = engine.url.render_as_string(hide_password=False)
    if engine.dialect.name != "postgresql":
        if engine.url.database in (None, "", ":memory:"):
            return engine
        return make_engine(url, pool_size=pool_size, max_overflow=max_overflow)
    return make_engine(
        url, isolation_level="AUTOCOMMIT", pool_pre_ping=False, pool_size=pool_size, max_overflow=max_overflow
    )


def warm_connections(engine: Engine, *, count: int, warm: Callable[[Session], object]) -> None:
    """Open ``count`` connections of ``engine`` at once and run ``warm`` on each (rolled back), so that its pool
    keeps them ready (up to its size) before the process takes traffic.

    On PostgreSQL a new connection is a new server process, and its first statement on each table reads the
    catalog: the first second of load used to open the connections its threads needed, and waited for them."""
    with ExitStack() as stack:
        connections = [stack.enter_context(engine.connect()) for _ in range(count)]
        for connection in connections:
            with Session(bind=connection) as session:
                warm(session)
                session.rollback()
