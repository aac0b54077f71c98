"""A claim's checks (POST/GET /claims/{id}/checks) and its audit trail (GET /claims/{id}/audit)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from predictions.claims.audit_trail import claim_events
from predictions.claims.checks import add_check, claim_checks
from predictions.ledger.schemas import RequestModel, StrictDate, Text5000
from service.api.auth import ResearcherDep
from service.api.deps import ClockDep, SessionDep
from service.api.pagination import ClaimId

router = APIRouter(tags=["audit"])


class CheckCreate(RequestModel):
    """A researcher looked for the claim's event and found none through ``checked_through``."""

    checked_through: StrictDate = Field(description="The last day covered by the search: on/after made_on, not future.")
    note: Text5000 = Field(description="Where you looked (required, not blank): registers, archives, a search query.")


class CheckRead(BaseModel):
    """A stored check."""

    id: int
    claim_id: int
    checked_through: date
    note: str
    checked_by: str
    at: datetime


class CheckCreated(CheckRead):
    """A stored check and what the re-score it caused did."""

    claim_checked_through: date | None
    probability: float | None
    snapshot_id: int | None


class EventRead(BaseModel):
    """One entry of a claim's audit trail."""

    id: int
    claim_id: int
    kind: str
    by: str
    at: datetime
    details: dict[str, Any]


@router.post("/claims/{claim_id}/checks", status_code=201, response_model=CheckCreated)
def post_check(
    claim_id: ClaimId, body: CheckCreate, request: Request, session: SessionDep, clock: ClockDep, key: ResearcherDep
) -> Any:
    """Record a check (researcher): no event through ``checked_through``; the claim is re-scored at once."""
    settings = request.app.state.settings
    done = add_check(
        session,
        claim_id=claim_id,
        checked_through=body.checked_through,
        note=body.note,
        checked_by=key.name,
        clock=clock,
        n_paths=settings.forecast_paths,
        seed=settings.forecast_seed,
    )
    return {
        **done.check.model_dump(),
        "claim_checked_through": done.claim_checked_through,
        "probability": done.rescore.probability,
        "snapshot_id": done.rescore.snapshot_id,
    }


@router.get("/claims/{claim_id}/checks", response_model=list[CheckRead])
def get_checks(claim_id: ClaimId, session: SessionDep) -> Any:
    """The claim's checks, oldest first."""
    return claim_checks(session, claim_id=claim_id)


@router.get("/claims/{claim_id}/audit", response_model=list[EventRead])
def get_audit(claim_id: ClaimId, session: SessionDep) -> Any:
    """The claim's audit trail, oldest first: resolutions, annulments, un-resolves, flags and checks."""
    return claim_events(session, claim_id=claim_id)
