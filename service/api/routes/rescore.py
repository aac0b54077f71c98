"""POST /claims/{id}/rescore (re-score now), GET /claims/{id}/history (the claim's probability snapshots) and
GET /snapshots/{id}/verify (recompute a snapshot from its recorded inputs)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field

from predictions.rescore import claim_history, rescore_claim, verify_snapshot
from service.api.auth import ResearcherDep
from service.api.deps import ClockDep, SessionDep
from service.api.limits import costly_read
from service.api.pagination import ClaimId, Offset, SnapshotId

router = APIRouter(tags=["re-scoring"])


class RescoreRead(BaseModel):
    """What an on-demand re-score did."""

    claim_id: int
    probability: float | None
    snapshot_written: bool
    snapshot_id: int | None
    method: str | None
    status: str
    note: str


class SnapshotRead(BaseModel):
    """One probability snapshot in a claim's history."""

    id: int
    kind: str = Field(description="live, or hindcast: what the engine would have said at `at`, computed later")
    at: datetime
    computed_at: datetime
    probability: float
    method: str
    model: str
    model_version: str
    data_as_of: datetime | None
    seed: int
    inputs_hash: str
    reason: str | None
    details: dict[str, Any]


class HistoryRead(BaseModel):
    """A page of a claim's history, oldest first."""

    items: list[SnapshotRead]
    total: int
    limit: int
    offset: int


class VerificationRead(BaseModel):
    """A snapshot's recorded probability beside the one recomputed from its recorded inputs."""

    snapshot_id: int
    recorded: float
    recomputed: float
    identical: bool
    engine_version_recorded: str
    engine_version_used: str
    same_engine: bool = Field(description="false when this server's engine is not the one that computed it")
    detail: str


@router.post("/claims/{claim_id}/rescore", response_model=RescoreRead)
def rescore(
    claim_id: ClaimId, request: Request, session: SessionDep, clock: ClockDep, key: ResearcherDep
) -> RescoreRead:
    """Re-score the claim now; a snapshot is written only if something changed."""
    settings = request.app.state.settings
    outcome = rescore_claim(
        session,
        claim_id=claim_id,
        clock=clock,
        reason=f"on demand ({key.name})",
        n_paths=settings.forecast_paths,
        seed=settings.forecast_seed,
    )
    return RescoreRead(
        claim_id=outcome.claim_id,
        probability=outcome.probability,
        snapshot_written=outcome.written,
        snapshot_id=outcome.snapshot_id,
        method=outcome.method,
        status=outcome.status.value,
        note=outcome.note,
    )


@router.get("/claims/{claim_id}/history", response_model=HistoryRead)
def history(
    claim_id: ClaimId,
    session: SessionDep,
    limit: int = Query(100, ge=1, le=1000),
    offset: Offset = 0,
) -> HistoryRead:
    """The claim's probability snapshots, oldest first."""
    rows, total = claim_history(session, claim_id=claim_id, limit=limit, offset=offset)
    items = [SnapshotRead.model_validate(row, from_attributes=True) for row in rows]
    return HistoryRead(items=items, total=total, limit=limit, offset=offset)


@router.get("/snapshots/{snapshot_id}/verify", response_model=VerificationRead, dependencies=[Depends(costly_read)])
def verify(snapshot_id: SnapshotId, request: Request, session: SessionDep) -> VerificationRead:
    """Recompute the snapshot from its recorded inputs (observations, rule, seed, paths) and compare.

    Costly: rate-limited like a forecast for anonymous clients (429 with Retry-After); the recomputed number is
    kept by the snapshot's inputs hash, so asking again costs a lookup.
    """
    result = verify_snapshot(session, snapshot_id=snapshot_id, cache=request.app.state.recompute_cache)
    return VerificationRead.model_validate(result, from_attributes=True)
