"""Scale-out on one PostgreSQL database: two `serve --no-scheduler` replicas writing, two `predtrack scheduler`s.

The schedulers record every job run that did something in ``job_run``, in the job's own transaction, so the
ledger itself shows that each piece of work ran once: the outbox runs together consumed exactly as many
requests as were ever written, and only the scheduler holding the lock ran anything. Killing that scheduler
with SIGKILL hands the lock to the other one; its first run (the deadline sweep it runs on taking over) comes
within the stated bound. Lease and poll timings are set short through settings; waits poll the database.
"""

from __future__ import annotations

import os
import signal
import subprocess
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, func, select

from predictions.access.keys import create_key
from predictions.ledger.clock import SystemClock
from predictions.ledger.tables import Claim, JobRun, KeyRole, ProbabilitySnapshot, RescoreRequest
from service.jobs.scheduler import JOB_FULL, JOB_OUTBOX, JOB_SWEEP
from tests.service.conftest import free_port, start_cli, stop
from tests.service.fresh_db import eventually, fresh_engine, fresh_url, seed_rule_claims  # noqa: F401

LEASE_SECONDS = 1.5  # a standby tries for the lock every 0.5 s
# Stated bound on replacing a killed scheduler: PostgreSQL frees its advisory lock as soon as the killed
# process's connection closes, the standby takes it at its next try (lease / 3) and starts its jobs; the rest
# is slack for a machine shared by eight engineers.
TAKEOVER_BOUND = timedelta(seconds=LEASE_SECONDS / 3 + 4)


@pytest.fixture
def pg_url(fresh_url: str) -> str:  # noqa: F811
    if not fresh_url.startswith("postgresql"):
        pytest.skip("scale-out runs on PostgreSQL (set PREDTRACK_TEST_DATABASE_URL)")
    return fresh_url


def _env(url: str) -> dict[str, str]:
    return {
        "PREDTRACK_DATABASE_URL": url,
        "PREDTRACK_SCHEDULER_LEASE_SECONDS": str(LEASE_SECONDS),
        "PREDTRACK_OUTBOX_POLL_SECONDS": "0.25",
        "PREDTRACK_RESCORE_INTERVAL_MINUTES": "0.02",  # a full re-score every 1.2 s, to count them too
        "PREDTRACK_FORECAST_PATHS": "100",
        "PREDTRACK_EXECUTOR_JOBS": "1",
    }


def _runs(engine: Engine) -> list[JobRun]:
    with Session(engine) as session:
        return list(session.exec(select(JobRun).order_by(col(JobRun.started_at))))


def _count(engine: Engine, model: type, *where: object) -> int:
    with Session(engine) as session:
        return int(session.exec(select(func.count()).select_from(model).where(*where)).one())  # type: ignore[arg-type]


def _pending(engine: Engine) -> int:
    return _count(engine, RescoreRequest, col(RescoreRequest.done_at).is_(None))


def _pid(runner: str) -> int:
    return int(runner.split(":")[1])  # host:pid:nonce


def _post_rounds(replicas: list[str], key: str, *, periods: list[str], indicators: int) -> None:
    """Each replica, in its own thread, posts new months of every indicator (two writers at once)."""

    def write(base_and_offset: tuple[str, int]) -> None:
        base, offset = base_and_offset
        # A new connection per request: a kept-alive one that the server closes after its 5 s idle timeout, just
        # as a starved client thread sends on it, ends as "Server disconnected" (seen once in CI at high load).
        fresh = httpx.Limits(max_keepalive_connections=0)
        with httpx.Client(
            base_url=base, headers={"Authorization": f"Bearer {key}"}, timeout=60, limits=fresh
        ) as client:
            for period in periods:
                for i in range(offset, indicators, len(replicas)):
                    answer = client.post(
                        f"/api/v1/indicators/series_{i}/observations",
                        json={"observations": [{"period": period, "value": 5.0 + 0.05 * i}]},
                    )
                    assert answer.status_code == 200, answer.text

    with ThreadPoolExecutor(len(replicas)) as pool:
        list(pool.map(write, [(base, n) for n, base in enumerate(replicas)]))


def _assert_each_job_ran_once(engine: Engine) -> None:
    runs = _runs(engine)
    outbox = [r for r in runs if r.job == JOB_OUTBOX]
    # Every request consumed by exactly one outbox run: none counted twice, none left.
    assert sum(r.requests for r in outbox) == _count(engine, RescoreRequest)
    assert _pending(engine) == 0
    for job in (JOB_FULL, JOB_OUTBOX):  # no two runs of one job at once (one scheduler acts at a time)
        mine = sorted((r for r in runs if r.job == job), key=lambda r: r.started_at)
        for before, after in zip(mine, mine[1:], strict=False):
            assert after.started_at >= before.finished_at, (before, after)


def test_two_replicas_and_two_schedulers_on_one_postgresql_database(
    pg_url: str,
    fresh_engine: Engine,  # noqa: F811
    tmp_path: Path,
) -> None:
    env = _env(pg_url)
    processes: list[subprocess.Popen[str]] = []
    try:
        # Two replicas started at once on an empty ledger: they take turns, and the seed is loaded once.
        ports = [free_port(), free_port()]
        with ThreadPoolExecutor(2) as pool:
            replicas_started = pool.map(
                lambda port: start_cli(
                    tmp_path, "serve", "--no-scheduler", "--port", str(port), ready="Uvicorn running on", env=env
                ),
                ports,
            )
            processes += list(replicas_started)
        replicas = [f"http://127.0.0.1:{port}" for port in ports]
        seeded = _count(fresh_engine, Claim)
        assert seeded >= 5 and _count(fresh_engine, JobRun) == 0
        schedulers = [start_cli(tmp_path, "scheduler", ready="scheduler ", env=env) for _ in range(2)]
        processes += schedulers

        # The active scheduler announces itself with the sweep it runs on taking the lock.
        assert eventually(lambda: any(r.job == JOB_SWEEP for r in _runs(fresh_engine)), timeout=30)
        [first] = {r.runner for r in _runs(fresh_engine)}
        active = next(p for p in schedulers if p.pid == _pid(first))
        standby = next(p for p in schedulers if p is not active)

        indicators = 4
        seed_rule_claims(fresh_engine, n=indicators, points=48, pending=False)
        with Session(fresh_engine) as session:
            key = create_key(session, role=KeyRole.RESEARCHER, name="scale-out", clock=SystemClock()).secret
            session.commit()
        _post_rounds(replicas, key, periods=["2024-01", "2024-02", "2024-03"], indicators=indicators)
        assert eventually(lambda: _pending(fresh_engine) == 0, timeout=60)
        assert eventually(lambda: any(r.job == JOB_FULL for r in _runs(fresh_engine)), timeout=30)
        _assert_each_job_ran_once(fresh_engine)
        assert {r.runner for r in _runs(fresh_engine)} == {first}  # the standby ran nothing
        assert _count(fresh_engine, ProbabilitySnapshot) > seeded

        # SIGKILL the active scheduler: no goodbye, no release; the standby must take over by itself.
        killed_at = datetime.now(UTC)
        os.kill(active.pid, signal.SIGKILL)
        assert active.wait(timeout=30) == -signal.SIGKILL
        _post_rounds(replicas, key, periods=["2024-04", "2024-05"], indicators=indicators)

        def taken_over() -> bool:
            return any(r.runner != first for r in _runs(fresh_engine))

        assert eventually(taken_over, timeout=30)
        second = {r.runner for r in _runs(fresh_engine)} - {first}
        assert len(second) == 1 and _pid(next(iter(second))) == standby.pid
        took = min(r.started_at for r in _runs(fresh_engine) if r.runner != first) - killed_at
        assert took <= TAKEOVER_BOUND, f"replaced after {took.total_seconds():.2f} s"
        assert eventually(lambda: _pending(fresh_engine) == 0, timeout=60)
        _assert_each_job_ran_once(fresh_engine)
        assert all(r.started_at < killed_at for r in _runs(fresh_engine) if r.runner == first)
        for base in replicas:  # both replicas answer the same, from the same database
            assert httpx.get(f"{base}/api/v1/claims?limit=1", timeout=30).json()["total"] == seeded + indicators
    finally:
        for process in processes:
            stop(process)
