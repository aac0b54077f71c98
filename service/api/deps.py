"""Request dependencies: one session per request, committed once after the handler succeeds."""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from functools import partial
from typing import Annotated, Any

import anyio
import anyio.to_thread
from fastapi import Depends, Request
from sqlmodel import Session

from predictions.ledger.clock import Clock
from predictions.ledger.repo import VERSIONS_INFO


async def get_session(request: Request) -> AsyncIterator[Session]:
    """The request's unit of work: commit on success, roll back on any error.

    Async, so that opening it costs no hop to the thread pool (a Session connects only when first used): a sync
    generator cost two hops per request, a fifth of a cached read's CPU. Committing or rolling back does I/O, so it
    runs in a thread, shielded, so that a cancelled request still gives its connection back.
    """
    session = Session(request.app.state.engine, expire_on_commit=False)
    versions = getattr(request.app.state, "page_versions", None)
    if versions is not None:  # the version of a session not begun yet: one round trip on a kept connection
        session.info[VERSIONS_INFO] = versions
    try:
        yield session
    except BaseException:
        with anyio.CancelScope(shield=True):
            await _end_in_thread(request, session, commit=False)
        raise
    with anyio.CancelScope(shield=True):
        await _end_in_thread(request, session, commit=True)


async def _end_in_thread(request: Request, session: Session, *, commit: bool) -> None:
    """End the session on a thread of its own (``app.state.ending_threads``), not one of the routes'.

    A request that has done its work holds its connection until it ends. Queued for the routes' few threads
    (PREDTRACK_THREADS), behind the requests still waiting to start, finished requests came to hold every
    connection of the pool, and the routes' threads then waited the pool's 30 s for one (150 mixed requests/s on
    PostgreSQL: 517 of 2,250 failed).
    """
    if not session.in_transaction():  # it never began (a page kept at the version): no I/O to do, no hop
        session.close()
        return
    limiter = getattr(request.app.state, "ending_threads", None)
    await anyio.to_thread.run_sync(partial(_end, session, commit=commit), limiter=limiter)


def _end(session: Session, *, commit: bool) -> None:
    try:
        if commit:
            session.commit()
        else:
            session.rollback()
    finally:
        session.close()


def read_only(session: Session) -> Session:
    """``session``, for a request that only reads: on PostgreSQL, if it has not begun, its connection in autocommit,
    so that its statements are all its round trips (no BEGIN and no COMMIT: two of a list page's five, each a
    wake-up of the database's process; under load a list page computed afresh took a median of 14-31 ms this way
    against 24-46 ms). Its statements each see what is committed when they run, as in a read-committed
    transaction. A session that has begun (tests share one transaction among requests) is left as it is."""
    if not session.in_transaction() and session.get_bind().dialect.name == "postgresql":
        session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})  # reset when it goes back
    return session


def get_clock(request: Request) -> Clock:
    """The app's clock (injected so tests decide what now is)."""
    clock: Clock = request.app.state.clock
    return clock


# scope="function": commit before the response is sent (FastAPI's default "request" scope runs the exit code
# after the response and after background tasks), so a client never sees 200 for a write that later fails to
# commit, and background tasks such as jobs.wake() see the committed data.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
ClockDep = Annotated[Clock, Depends(get_clock)]


@contextmanager
def app_session(app: Any, *, commit: bool = False) -> Iterator[Session]:
    """A session for code outside the request's unit of work (middleware, the rate limit), as requests get one.

    Read-only unless ``commit``: then it is a short transaction of its own, committed on success whatever the
    request does afterwards.

    Tests override ``get_session`` so that requests share their rolled-back transaction; this code must see
    that same data, so the override is honoured here too.
    """
    override = app.dependency_overrides.get(get_session)
    if override is None:
        with Session(app.state.engine, expire_on_commit=False) as session:
            try:
                yield session
                if commit:
                    session.commit()
            finally:
                session.rollback()
        return
    produced = override()
    if inspect.isgenerator(produced):
        try:
            yield next(produced)
        finally:
            produced.close()
    else:
        yield produced
