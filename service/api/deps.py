"""Request dependencies: one session per request, committed once after the handler succeeds."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlmodel import Session

from predictions.clock import Clock


def get_session(request: Request) -> Iterator[Session]:
    """The request's unit of work: commit on success, roll back on any error."""
    with Session(request.app.state.engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


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
