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


SessionDep = Annotated[Session, Depends(get_session)]
ClockDep = Annotated[Clock, Depends(get_clock)]
