"""GET /health: is the service up, and can it reach its database."""

from __future__ import annotations

import sqlalchemy as sa
from fastapi import APIRouter, Request

from service.api.deps import SessionDep

router = APIRouter(tags=["health"])


@router.get("/health")
def health(request: Request, session: SessionDep) -> dict[str, str]:
    """Answer ok when the database answers; which database, only while reads are public (a private deployment
    tells a stranger nothing about itself)."""
    session.exec(sa.select(1))  # type: ignore[call-overload]
    if request.app.state.settings.private_reads:
        return {"status": "ok"}
    return {"status": "ok", "database": session.get_bind().dialect.name}
