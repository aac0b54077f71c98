"""GET /scores?by=author|source|method|tag: track records with calibration."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel

from predictions.ledger.schemas import MAX_ID
from predictions.scoring.kept import is_current, kept_track_record
from predictions.scoring.track_record import GroupBy
from service.api.deps import SessionDep
from service.api.limits import costly_read, sometimes_costly

router = APIRouter(tags=["scores"])


class CalibrationBinRead(BaseModel):
    """Forecasts in ``[lower, upper)``: how many, their mean, and how often the claims came true."""

    lower: float
    upper: float
    n: int
    mean_probability: float | None
    observed_frequency: float | None


class ScoreRead(BaseModel):
    """One method's scores within one group (lower is better; see predictions.scoring.scoring)."""

    group: str
    method: str
    n: int
    brier: float | None
    log: float | None
    time_averaged_brier: float | None
    calibration: list[CalibrationBinRead]


class ScoresRead(BaseModel):
    """Track records grouped by ``by``: one page of (group, method) items, ``total`` in all."""

    by: GroupBy
    items: list[ScoreRead]
    total: int
    limit: int
    offset: int


# A page of 40 items at the finest calibration (50 bins) is about 190 KB.
MAX_LIMIT = 40


@router.get("/scores", response_model=ScoresRead, dependencies=[Depends(sometimes_costly)])
def get_scores(
    request: Request,
    session: SessionDep,
    by: GroupBy = Query(GroupBy.METHOD, description="Group by author, source, method or tag."),
    bins: int = Query(10, ge=1, le=50, description="Number of calibration bins."),
    limit: int = Query(MAX_LIMIT, ge=1, le=MAX_LIMIT, description=f"How many items, 1 to {MAX_LIMIT}."),
    offset: int = Query(0, ge=0, le=MAX_ID, description="How many items to skip."),
) -> dict[str, Any]:
    """Brier, log score, time-averaged Brier and calibration of resolved claims, per group and method.

    Kept per ledger version (``predictions.scoring.kept``): computed once after each write, then looked up."""
    kept = request.app.state.kept_scores
    if not is_current(session, kept=kept, by=by, bins=bins):
        costly_read(request, session)  # a computation over every resolved claim: rate-limited unless kept
    groups = kept_track_record(session, kept=kept, by=by, bins=bins)
    items = [
        {
            "group": g.group,
            "method": g.method,
            "n": g.summary.n,
            "brier": g.summary.brier,
            "log": g.summary.log,
            "time_averaged_brier": g.summary.time_averaged_brier,
            "calibration": [vars(b) for b in g.summary.calibration],
        }
        for g in groups[offset : offset + limit]
    ]
    return {"by": by, "items": items, "total": len(groups), "limit": limit, "offset": offset}
