"""Fan-chart data for an indicator: the default engine's forecast, cached by the data it used.

The cache row is keyed by a hash of everything the forecast depends on: the series' values as known (each
period's latest vintage), its first period and frequency, the horizon, the engine version and the seed. Any
change to those (a new period, a revision, a back-dated vintage that leaves ``data_as_of`` where it was, a new
engine) makes a new key, so a stale forecast is never served and nothing needs invalidating.

A forecast that fails is cached the same way, as a row with its ``error``: the same data fails the same way, so
every process answers ``ForecastFailed`` at once from then on, until the data (and so the key) changes. The row
is flushed before ``ForecastFailed`` is raised; the caller commits its unit of work to keep it.
"""

from __future__ import annotations

import logging
import math
from datetime import datetime
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, select

import forecasts
from forecasts.periods import shift
from predictions.data.repo_observations import data_as_of, load_series
from predictions.ledger.errors import Conflict, ForecastFailed, InvalidInput, NotFound
from predictions.ledger.hashing import canonical_hash
from predictions.ledger.sqltypes import utcnow
from predictions.ledger.tables import Indicator, IndicatorForecast

logger = logging.getLogger(__name__)

FAN_QUANTILES = (0.05, 0.1, 0.5, 0.9, 0.95)
MAX_HORIZON = 120
# The forecast reads at most this many of the latest periods (a 200,000-day series once took 62 s); ten years of
# daily data, more than any model here needs.
MAX_HISTORY = 3660
SEED = 0


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite(v) for v in value]
    return value


def _payload(fc: forecasts.Forecast) -> dict[str, Any]:
    mean = fc.mean
    quantiles = {q: fc.quantile(q) for q in FAN_QUANTILES}
    points = [
        {"period": period, "mean": float(mean[i]), "quantiles": {str(q): float(v[i]) for q, v in quantiles.items()}}
        for i, period in enumerate(fc.periods())
    ]
    return _finite(
        {
            "model": fc.model,
            "points": points,
            "backtest": fc.info.get("backtest", {}),
            "fallback_from": fc.info.get("fallback_from", []),
            "seed": fc.seed,
            "n_paths": int(fc.paths.shape[0]),
        }
    )


def recent(series: forecasts.Series, *, periods: int) -> forecasts.Series:
    """The last ``periods`` values of ``series`` (all of it when shorter)."""
    if len(series) <= periods:
        return series
    skipped = len(series) - periods
    return forecasts.Series(
        series.values[skipped:], series.freq, shift(series.start, skipped, series.freq), series.name
    )


def forecast_key(series: forecasts.Series, *, horizon: int) -> str:
    """The cache key of a forecast of ``series``: a hash of its data, the horizon, the engine and the seed."""
    return canonical_hash(
        {
            "frequency": str(series.freq),
            "start": series.start.isoformat(),
            "values": [None if math.isnan(v) else v for v in series.values.tolist()],
            "horizon": horizon,
            "engine_version": forecasts.ENGINE_VERSION,
            "seed": SEED,
        }
    )


def indicator_forecast(session: Session, *, key: str, horizon: int, as_of: datetime | None = None) -> IndicatorForecast:
    """The cached (or freshly computed and cached) forecast of indicator ``key`` over ``horizon`` periods.

    Raises ``ForecastFailed`` when no model can forecast the data, now or at an earlier request (on any replica).
    """
    if not 1 <= horizon <= MAX_HORIZON:
        raise InvalidInput(f"horizon must be between 1 and {MAX_HORIZON}, got {horizon}")
    indicator = session.exec(select(Indicator).where(Indicator.key == key)).first()
    if indicator is None:
        raise NotFound(f"no indicator with key {key!r}")
    assert indicator.id is not None
    known_at = data_as_of(session, indicator_id=indicator.id, as_of=as_of)
    if known_at is None:
        raise Conflict(f"indicator {key!r} has no observations yet: add data before asking for a forecast")
    series = load_series(session, indicator=indicator, as_of=as_of)
    if series is None:  # pragma: no cover - data_as_of said there was data
        raise Conflict(f"indicator {key!r} has no observations yet")
    series = recent(series, periods=MAX_HISTORY)
    data_hash = forecast_key(series, horizon=horizon)
    cached = _cached(session, indicator_id=indicator.id, data_hash=data_hash)
    if cached is None:
        try:
            fc = forecasts.forecast(series, horizon, seed=SEED)
        except (forecasts.ForecastError, ArithmeticError, ValueError) as exc:
            logger.warning("forecast of %s failed (cached): %s", key, exc)
            detail = f"no forecast of {key!r} from its data: {str(exc)[:300]}"
            values: dict[str, Any] = {"model": "", "payload": {}, "error": detail}
        else:
            logger.info("forecast %s over %s periods with %s", key, horizon, fc.model)
            values = {"model": fc.model, "payload": _payload(fc), "error": None}
        # Two requests (on one replica or two) may compute the same forecast at once: the first insert wins and
        # the other keeps it (the forecast is seeded, so both computed the same numbers), instead of failing on
        # the key.
        table = IndicatorForecast.__table__  # type: ignore[attr-defined]
        insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
        session.execute(
            insert(table)
            .values(
                indicator_id=indicator.id,
                data_hash=data_hash,
                data_as_of=known_at,
                horizon=horizon,
                engine_version=forecasts.ENGINE_VERSION,
                created_at=utcnow(),
                **values,
            )
            .on_conflict_do_nothing(index_elements=["indicator_id", "data_hash"])
        )
        cached = _cached(session, indicator_id=indicator.id, data_hash=data_hash)
        assert cached is not None
    if cached.error is not None:
        raise ForecastFailed(cached.error)
    return cached


def _cached(session: Session, *, indicator_id: int, data_hash: str) -> IndicatorForecast | None:
    return session.exec(
        select(IndicatorForecast).where(
            IndicatorForecast.indicator_id == indicator_id, IndicatorForecast.data_hash == data_hash
        )
    ).first()
