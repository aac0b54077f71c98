"""GET /health: is the service up, and can it reach its database."""

from __future__ import annotations

import sqlalchemy as sa
from fastapi import APIRouter

from service.api.deps import SessionDep

router = APIRouter(tags=["health"])


@router.get("/health")
def health(session: SessionDep) -> dict[str, str]:
    """Answer ok when the database answers."""
    session.exec(sa.select(1))  # type: ignore[call-overload]
    return {"status": "ok", "database": session.get_bind().dialect.name}
