"""GET /indicators/{key}/forecast: fan-chart data (mean and quantiles per period) for an indicator."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from predictions.ledger.errors import ForecastFailed
from predictions.rescore.forecasting import MAX_HORIZON, indicator_forecast
from service.api.deps import SessionDep
from service.api.limits import costly_read

router = APIRouter(tags=["forecasts"])


class ForecastPointRead(BaseModel):
    """One forecast period: the mean and the 0.05/0.1/0.5/0.9/0.95 quantiles."""

    period: str
    mean: float
    quantiles: dict[str, float]


class ForecastRead(BaseModel):
    """An indicator's forecast, with the model that made it and its backtest metrics."""

    key: str
    horizon: int
    model: str
    data_as_of: datetime
    engine_version: str
    points: list[ForecastPointRead]
    backtest: dict[str, Any]


@router.get("/indicators/{key}/forecast", response_model=ForecastRead, dependencies=[Depends(costly_read)])
def get_forecast(
    key: str,
    session: SessionDep,
    horizon: int = Query(12, ge=1, le=MAX_HORIZON, description="Periods ahead."),
) -> ForecastRead | JSONResponse:
    """The default engine's calibrated forecast, cached until new data arrives.

    Costly: an anonymous client gets ``PREDTRACK_RATE_LIMIT_BURST`` at once, then
    ``PREDTRACK_RATE_LIMIT_PER_MINUTE`` a minute (429 with Retry-After past that); a key lifts the limit.
    """
    try:
        row = indicator_forecast(session, key=key, horizon=horizon)
    except ForecastFailed as exc:
        # Answered, not raised: the request's unit of work then commits the cached failure, which every replica
        # sees (raising would roll it back, and the next request would pay for the failing forecast again).
        return JSONResponse(status_code=409, content={"detail": exc.detail})
    return ForecastRead(
        key=key,
        horizon=row.horizon,
        model=row.model,
        data_as_of=row.data_as_of,
        engine_version=row.engine_version,
        points=row.payload["points"],
        backtest=row.payload.get("backtest", {}),
    )
