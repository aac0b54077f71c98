"""GET /scores?by=author|source|method|tag: track records with calibration."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query
from pydantic import BaseModel

from predictions.scoring.track_record import GroupBy, track_record
from service.api.deps import SessionDep

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
    """Track records grouped by ``by``."""

    by: GroupBy
    items: list[ScoreRead]
    total: int


@router.get("/scores", response_model=ScoresRead)
def get_scores(
    session: SessionDep,
    by: GroupBy = Query(GroupBy.METHOD, description="Group by author, source, method or tag."),
    bins: int = Query(10, ge=1, le=50, description="Number of calibration bins."),
) -> dict[str, Any]:
    """Brier, log score, time-averaged Brier and calibration of resolved claims, per group and method."""
    groups = track_record(session, by=by, bins=bins)
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
        for g in groups
    ]
    return {"by": by, "items": items, "total": len(items)}
