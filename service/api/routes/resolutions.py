"""POST /claims/{id}/resolve, /unresolve (admin) and /forecasts: people resolving and forecasting claims."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field, StrictFloat

from predictions.claims.claims import get_claim
from predictions.claims.human_forecasts import add_forecast
from predictions.claims.resolve import STATUS_AFTER, resolve_claim, unresolve_claim
from predictions.ledger.schemas import ClaimRead, ConditionDecision, RequestModel, StrictDate, Text10k, Text5000
from predictions.ledger.tables import ClaimStatus, Outcome
from predictions.rescore.conditions import decide_condition
from service.api.auth import AdminDep, ResearcherDep
from service.api.deps import ClockDep, SessionDep
from service.api.pagination import ClaimId

router = APIRouter(tags=["resolution"])


class ResolutionCreate(RequestModel):
    """A person's resolution of a claim; ``annulled`` needs an admin key."""

    outcome: Outcome
    evidence: Text10k = Field(description="What settled the claim: a link, a figure, a ruling.")
    resolved_on: StrictDate | None = Field(default=None, description="When the outcome became known (default: today).")


class ResolutionRead(BaseModel):
    """A stored resolution."""

    id: int
    claim_id: int
    outcome: Outcome
    resolved_on: date
    evidence: str
    resolved_by: str
    created_at: datetime
    claim_status: ClaimStatus


class Unresolve(RequestModel):
    """Why a resolution is retracted."""

    reason: Text5000


class UnresolveRead(BaseModel):
    """The claim after its resolution was retracted."""

    claim_id: int
    status: ClaimStatus


class ForecastCreate(RequestModel):
    """A researcher's probability that the claim comes true (strictly between 0 and 1)."""

    # The bounds are the use case's (a 400 naming them); the document states them too.
    probability: StrictFloat = Field(examples=[0.3], json_schema_extra={"exclusiveMinimum": 0, "exclusiveMaximum": 1})
    rationale: Text5000 | None = None


class ForecastRead(BaseModel):
    """A stored human forecast."""

    id: int
    claim_id: int
    forecaster: str
    probability: float
    rationale: str | None
    at: datetime


@router.post("/claims/{claim_id}/resolve", status_code=201, response_model=ResolutionRead)
def post_resolution(
    claim_id: ClaimId, body: ResolutionCreate, session: SessionDep, clock: ClockDep, key: ResearcherDep
) -> dict[str, Any]:
    """Resolve a claim with evidence (researcher; annulment needs admin)."""
    resolution = resolve_claim(
        session, claim_id=claim_id, resolved_by=key.name, role=key.role, clock=clock, **body.model_dump()
    )
    return {**resolution.model_dump(), "claim_status": STATUS_AFTER[resolution.outcome]}


@router.post("/claims/{claim_id}/unresolve", response_model=UnresolveRead)
def post_unresolve(claim_id: ClaimId, body: Unresolve, session: SessionDep, clock: ClockDep, key: AdminDep) -> Any:
    """Retract a claim's resolution (admin); the claim reopens and is re-scored."""
    claim = unresolve_claim(session, claim_id=claim_id, reason=body.reason, retracted_by=key.name, clock=clock)
    return {"claim_id": claim.id, "status": claim.status}


@router.post("/claims/{claim_id}/forecasts", status_code=201, response_model=ForecastRead)
def post_forecast(
    claim_id: ClaimId, body: ForecastCreate, session: SessionDep, clock: ClockDep, key: ResearcherDep
) -> Any:
    """Record the caller's probability for a claim; the forecaster is the key's name."""
    return add_forecast(
        session,
        claim_id=claim_id,
        forecaster=key.name,
        probability=body.probability,
        rationale=body.rationale,
        clock=clock,
    )


@router.post("/claims/{claim_id}/condition")
def post_condition(
    claim_id: ClaimId, body: ConditionDecision, session: SessionDep, clock: ClockDep, key: ResearcherDep
) -> ClaimRead:
    """Decide a conditional claim's condition: met (researcher; the claim counts) or not met (admin; annulled)."""
    decide_condition(session, claim_id=claim_id, decision=body, decided_by=key.name, role=key.role, clock=clock)
    return get_claim(session, claim_id=claim_id)
