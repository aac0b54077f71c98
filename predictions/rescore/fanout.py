"""Fan-out: forecast every indicator a batch of claims needs, through an executor, before the claims are scored.

The forecasts run wherever the executor runs them (local processes, a Dask cluster). Their results come back
to this process and fill the run's ``ForecastCache``, and the re-score that follows finds them there. Only the
calling process touches the database: the workers get a series and a key, and return a forecast.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from sqlmodel import Session

from forecasts.errors import ForecastError
from forecasts.executor import Executor
from forecasts.types import Forecast, Series
from predictions.ledger.clock import Clock
from predictions.ledger.errors import LedgerError
from predictions.ledger.tables import Claim, ClaimStatus
from predictions.rescore.evaluation import ForecastCache, ForecastKey, forecast_key, prepare_rule, run_forecast
from predictions.rescore.repo import deciding_rule, latest_snapshot

logger = logging.getLogger(__name__)

_SCORED = (ClaimStatus.OPEN, ClaimStatus.AWAITING_RESOLUTION)


def forecast_or_error(task: tuple[Series, ForecastKey]) -> Forecast | ForecastError:
    """One forecast for an executor; a series that cannot be forecast comes back as its error, not a crash."""
    series, key = task
    try:
        return run_forecast(series, key)
    except ForecastError as exc:
        return exc


def prefetch_forecasts(
    session: Session,
    *,
    claim_ids: Iterable[int],
    clock: Clock,
    n_paths: int,
    seed: int,
    cache: ForecastCache,
    executor: Executor,
) -> int:
    """Put in ``cache`` the forecasts that re-scoring ``claim_ids`` now will need; returns how many were made.

    Claims whose inputs have not changed since their latest snapshot need no forecast and get none. A forecast
    that fails is left out: the claim's own re-score then tries again and records the failure.
    """
    now = clock.now()
    wanted: dict[ForecastKey, Series] = {}
    for claim_id in claim_ids:
        claim = session.get(Claim, claim_id)
        rule = deciding_rule(session, claim_id=claim_id) if claim is not None and claim.status in _SCORED else None
        if claim is None or rule is None:
            continue
        try:
            prepared = prepare_rule(session, claim=claim, rule=rule, as_of=now, n_paths=n_paths, seed=seed)
        except (LedgerError, ValueError):  # a bad window: the re-score reports it
            continue
        key = forecast_key(prepared) if prepared is not None else None
        if prepared is None or key is None or key in cache or key in wanted:
            continue
        latest = latest_snapshot(session, claim_id=claim_id)
        if latest is not None and latest.inputs_hash == prepared.inputs_hash:
            continue
        wanted[key] = prepared.series
    made = 0
    tasks = [(series, key) for key, series in wanted.items()]
    for key, result in zip(wanted, executor.map(forecast_or_error, tasks), strict=True):
        if isinstance(result, ForecastError):
            logger.warning("forecast of indicator %s failed in the fan-out: %s", key[0], result)
            continue
        cache[key] = result
        made += 1
    logger.info("fan-out: %s forecasts for %s claims", made, len(wanted))
    return made
