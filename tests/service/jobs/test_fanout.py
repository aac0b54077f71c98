"""The full re-score fans its forecasts out (local pool or a Dask cluster) and gets the same probabilities."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from forecasts.executor import executor_for
from predictions.ledger.clock import FixedClock
from predictions.ledger.tables import ProbabilitySnapshot
from predictions.rescore import ForecastCache, prefetch_forecasts, recompute_snapshot
from service.jobs.scheduler import JobContext, run_full
from service.settings import Settings
from tests.service.fresh_db import fresh_engine, fresh_url, seed_rule_claims  # noqa: F401

CLOCK = FixedClock(datetime(2026, 2, 1, tzinfo=UTC))


def _prefetched(engine: Engine, claim_ids: list[int], spec: str) -> ForecastCache:
    cache: ForecastCache = {}
    with Session(engine) as session, executor_for(spec, jobs=2) as executor:
        made = prefetch_forecasts(
            session, claim_ids=claim_ids, clock=CLOCK, n_paths=100, seed=3, cache=cache, executor=executor
        )
    assert made == len(cache) == len(claim_ids)  # one indicator per claim
    return cache


def test_the_cluster_and_the_pool_make_the_same_forecasts(
    fresh_engine: Engine,  # noqa: F811
    dask_address: str,
) -> None:
    claim_ids = seed_rule_claims(fresh_engine, n=4, points=48)
    pooled = _prefetched(fresh_engine, claim_ids, "local")
    clustered = _prefetched(fresh_engine, claim_ids, dask_address)
    assert pooled.keys() == clustered.keys()
    for key in pooled:
        assert np.array_equal(pooled[key].paths, clustered[key].paths)


def test_a_full_rescore_on_dask_writes_the_probabilities_a_serial_run_computes(
    fresh_url: str,  # noqa: F811
    fresh_engine: Engine,  # noqa: F811
    dask_address: str,
) -> None:
    claim_ids = seed_rule_claims(fresh_engine, n=3, points=48)
    settings = Settings(database_url=fresh_url, forecast_paths=100, forecast_seed=3, executor=dask_address)
    summary = run_full(JobContext(engine=fresh_engine, clock=CLOCK, settings=settings), chunk=2)
    assert summary.claims == 3 and summary.written == 3 and not summary.failures
    with Session(fresh_engine) as session:
        snapshots = session.exec(select(ProbabilitySnapshot).order_by(ProbabilitySnapshot.claim_id)).all()
        assert [s.claim_id for s in snapshots] == claim_ids
        for snapshot in snapshots:  # recomputed here, in this process, without any executor
            assert snapshot.id is not None
            assert recompute_snapshot(session, snapshot_id=snapshot.id).probability == snapshot.probability
