"""Request dependencies: one session per request, committed once after the handler succeeds."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

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
