from datetime import UTC, date, datetime

import sqlalchemy as sa
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, func, select

from predictions.ledger.clock import FixedClock
from predictions.ledger.tables import Claim, ClaimStatus, ProbabilitySnapshot, RescoreRequest
from service import jobs
from service.jobs.scheduler import (
    JOB_DIGEST,
    JOB_DIGEST_RETRY,
    JOB_FULL,
    JOB_OUTBOX,
    JOB_SOURCES,
    JOB_SWEEP,
    JOBSTORE_TABLE,
    MEMORY,
    JobContext,
    SchedulerRunner,
    run_full,
    run_outbox,
    run_sweep,
    scheduled_job,
)
from service.settings import Settings
from tests.factories import T0, make_claim
from tests.service.fresh_db import eventually, fresh_engine, fresh_url, seed_rule_claims  # noqa: F401

CLOCK = FixedClock(datetime(2026, 2, 1, tzinfo=UTC))


def _settings(url: str) -> Settings:
    return Settings(database_url=url, forecast_paths=100, forecast_seed=5, rescore_interval_minutes=60)


def _count(engine: Engine, model: type, *where: object) -> int:
    with Session(engine) as session:
        return int(session.exec(select(func.count()).select_from(model).where(*where)).one())  # type: ignore[arg-type]


def _pending(engine: Engine) -> int:
    return _count(engine, RescoreRequest, col(RescoreRequest.done_at).is_(None))


def test_job_functions_each_commit_their_work(fresh_url: str, fresh_engine: Engine) -> None:  # noqa: F811
    claim_ids = seed_rule_claims(fresh_engine, n=3)
    with Session(fresh_engine) as session:
        late_id = make_claim(session, made_on=date(2024, 1, 1), deadline=date(2025, 1, 1), prior=0.3).id
        session.commit()
    ctx = JobContext(engine=fresh_engine, clock=CLOCK, settings=_settings(fresh_url))
    assert run_outbox(ctx).written == 3 and _pending(fresh_engine) == 0
    assert _count(fresh_engine, ProbabilitySnapshot) == 3
    progress: list[tuple[int, int]] = []
    summary = run_full(ctx, progress=lambda done, total: progress.append((done, total)), chunk=2)
    assert summary.claims == 4 and summary.written == 1  # only the base-rate claim is new
    assert progress == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert run_sweep(ctx) == [late_id]
    with Session(fresh_engine) as session:
        assert session.get(Claim, late_id).status == ClaimStatus.AWAITING_RESOLUTION  # type: ignore[union-attr]
        assert all(session.get(Claim, i).probability for i in claim_ids)  # type: ignore[union-attr]


def test_two_schedulers_started_at_once_only_one_acts(fresh_url: str, fresh_engine: Engine) -> None:  # noqa: F811
    settings = _settings(fresh_url)
    first = SchedulerRunner(engine=fresh_engine, settings=settings, outbox_seconds=3600)
    second = SchedulerRunner(engine=fresh_engine, settings=settings, outbox_seconds=3600)
    first.start()
    second.start()
    try:
        leader, standby = (first, second) if first.active else (second, first)
        assert leader.active and not standby.active
        with fresh_engine.connect() as connection:
            stored = connection.execute(sa.text(f"SELECT id FROM {JOBSTORE_TABLE} ORDER BY id")).scalars().all()
        assert stored == sorted([JOB_FULL, JOB_SOURCES, JOB_SWEEP, JOB_DIGEST, JOB_DIGEST_RETRY])
        assert leader._scheduler is not None and leader._scheduler.get_job(JOB_OUTBOX, jobstore=MEMORY) is not None
        # Let the start-up run of the outbox finish, then give it work and wake it (no 1 s poll here).
        assert eventually(lambda: leader.completed[JOB_OUTBOX] >= 1)
        claim_ids = seed_rule_claims(fresh_engine, n=3)
        jobs.wake()
        assert eventually(lambda: _pending(fresh_engine) == 0)
        for claim_id in claim_ids:  # each claim re-scored exactly once
            assert _count(fresh_engine, ProbabilitySnapshot, ProbabilitySnapshot.claim_id == claim_id) == 1
        assert sum(standby.executions.values()) == 0
        # The leader goes away; the standby takes over at its next turn (called directly here).
        leader.stop()
        assert eventually(lambda: (standby.tend_lock(), standby.active)[1], timeout=10)
        with Session(fresh_engine) as session:
            session.add(RescoreRequest(claim_id=claim_ids[0], reason="rule edited", requested_at=T0))
            session.commit()
        jobs.wake()
        assert eventually(lambda: _pending(fresh_engine) == 0)
        assert standby.executions[JOB_OUTBOX] >= 1
        assert _count(fresh_engine, ProbabilitySnapshot) == 3  # nothing new to score: nothing written
    finally:
        first.stop()
        second.stop()


def test_a_runner_that_lost_its_lock_runs_nothing(fresh_url: str, fresh_engine: Engine) -> None:  # noqa: F811
    runner = SchedulerRunner(engine=fresh_engine, settings=_settings(fresh_url), outbox_seconds=3600)
    runner.run(JOB_OUTBOX)  # never started, so never active
    assert runner.executions[JOB_OUTBOX] == 0


def test_an_outbox_job_stored_by_an_older_version_does_not_take_the_wakes(
    fresh_url: str,  # noqa: F811
    fresh_engine: Engine,  # noqa: F811
) -> None:
    # Before, the outbox job was stored in the database with the id of the runner that added it; a wake that
    # moved that stale copy fired it for a runner that no longer exists, and the new data waited for the poll.
    old = BackgroundScheduler(
        jobstores={"default": SQLAlchemyJobStore(engine=fresh_engine, tablename=JOBSTORE_TABLE)}, timezone=UTC
    )
    stale = {"runner_id": "gone", "job_id": JOB_OUTBOX}
    old.add_job(scheduled_job, "interval", seconds=3600, id=JOB_OUTBOX, kwargs=stale)
    old.start(paused=True)
    old.shutdown(wait=False)
    runner = SchedulerRunner(engine=fresh_engine, settings=_settings(fresh_url), outbox_seconds=3600)
    runner.start()
    try:
        assert runner.active
        with fresh_engine.connect() as connection:
            stored = connection.execute(sa.text(f"SELECT id FROM {JOBSTORE_TABLE}")).scalars().all()
        assert JOB_OUTBOX not in stored
        assert eventually(lambda: runner.completed[JOB_OUTBOX] >= 1)  # the start-up look at the outbox
        seed_rule_claims(fresh_engine, n=1)
        jobs.wake()  # the outbox poll is an hour away: only the wake can run the job
        assert eventually(lambda: _pending(fresh_engine) == 0)
    finally:
        runner.stop()
