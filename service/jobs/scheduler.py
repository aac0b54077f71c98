"""The scheduler: the outbox poll, the periodic full re-score, the daily deadline sweep, the weekly digest
and the data-source sync.

The digest goes out on Mondays at ``PREDTRACK_DIGEST_HOUR`` (07:00) in ``PREDTRACK_DIGEST_TIMEZONE``; an hourly
job retries the deliveries that temporary SMTP failures deferred.

APScheduler 3.x runs the jobs from a persistent ``SQLAlchemyJobStore`` on the ledger's own database, with
explicit job ids, ``replace_existing``, ``coalesce``, ``max_instances=1`` and a misfire grace time. The outbox
job alone lives in memory: it is re-added at every start and its work is recorded in the outbox table itself,
so a stored copy would add nothing but a database write and read (and, on SQLite, a wait for the write lock)
between every ``wake()`` and the job.

New outbox rows are heard at once: in the same process through ``service.jobs.wake()``, from other processes
on PostgreSQL through LISTEN/NOTIFY (``service.jobs.listen``); the outbox poll (``outbox_poll_seconds``) is the
fallback, and the only path between processes on SQLite.

Only one scheduler acts. ``SchedulerRunner`` first tends its lock (``service.jobs.lock``) on a small
in-memory standby scheduler: while another process holds the lock it waits idle; once it holds the lock it
starts the real scheduler, and it stops that again if it ever loses the lock. Every job also checks that its
runner is active before it touches anything.

Each job is thin: one ``session_scope()`` (one commit), one use case from ``predictions.rescore``. The job
functions take their engine, clock and settings as arguments, so tests call them directly with a fixed clock.
APScheduler stores only the textual reference of the module-level entry points and a runner id, never an
engine or a password.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.base import JobLookupError
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from sqlalchemy.engine import Engine
from sqlmodel import Session

from forecasts.executor import executor_for
from predictions.digest.digest import send_time, week_due
from predictions.ledger.clock import Clock, SystemClock
from predictions.ledger.job_runs import record_job_run
from predictions.rescore import (
    ForecastCache,
    Progress,
    RunSummary,
    merge,
    prefetch_forecasts,
    process_pending,
    rescore_all,
    sweep_deadlines,
)
from predictions.rescore.repo import claims_to_rescore
from service import jobs
from service.db import session_scope
from service.digest import EmailSender, SendReport, SmtpSender, send_week
from service.jobs.listen import OutboxListener
from service.jobs.lock import SchedulerLock, make_lock
from service.jobs.sources import build_sources, sync_sources
from service.settings import Settings

logger = logging.getLogger(__name__)

JOB_OUTBOX = "predtrack.rescore_outbox"
JOB_FULL = "predtrack.rescore_full"
JOB_SWEEP = "predtrack.deadline_sweep"
JOB_DIGEST = "predtrack.weekly_digest"
JOB_DIGEST_RETRY = "predtrack.weekly_digest_retry"
JOB_SOURCES = "predtrack.sources_sync"
JOBSTORE_TABLE = "apscheduler_jobs"
MEMORY = "memory"  # the jobstore of the outbox job
FULL_RUN_CHUNK = 100


@dataclass(frozen=True)
class JobContext:
    """What a job needs: where the data is, what time it is, and the settings."""

    engine: Engine
    clock: Clock
    settings: Settings
    runner: str = "cli"  # who runs the jobs, as recorded in ``job_run``


def run_outbox(ctx: JobContext) -> RunSummary:
    """Consume pending rescore requests, in one transaction (with its ``job_run`` row when there were any)."""
    started = ctx.clock.now()
    with session_scope(ctx.engine) as session:
        summary = process_pending(
            session, clock=ctx.clock, n_paths=ctx.settings.forecast_paths, seed=ctx.settings.forecast_seed
        )
        if summary.requests:
            _record(session, ctx, job=JOB_OUTBOX, started=started, summary=summary)
    return summary


def _record(session: Session, ctx: JobContext, *, job: str, started: datetime, summary: RunSummary) -> None:
    record_job_run(
        session,
        job=job,
        runner=ctx.runner,
        started_at=started,
        finished_at=ctx.clock.now(),
        requests=summary.requests,
        claims=summary.claims,
        snapshots=summary.written,
    )


def run_full(
    ctx: JobContext,
    *,
    claim_ids: list[int] | None = None,
    progress: Progress | None = None,
    chunk: int = FULL_RUN_CHUNK,
    reason: str = "periodic re-score",
) -> RunSummary:
    """Re-score every claim (or ``claim_ids``), committing every ``chunk`` claims.

    One transaction per chunk rather than per run: a run over thousands of claims would otherwise hold the
    SQLite write lock (or PostgreSQL row locks on the claims) for minutes and stall ingestion and the outbox.
    Every committed chunk is whole; a crash loses only the current chunk, which the next run redoes.
    """
    started = ctx.clock.now()
    with session_scope(ctx.engine) as session:
        ordered = claims_to_rescore(session, claim_ids=claim_ids)
    summary = RunSummary()
    cache: ForecastCache = {}  # shared across chunks: each indicator is forecast once per run
    settings = ctx.settings
    executor = executor_for(settings.executor, jobs=settings.executor_jobs)
    with executor:
        for first in range(0, len(ordered), chunk):
            part = ordered[first : first + chunk]

            def report(done: int, _total: int, first: int = first) -> None:
                if progress is not None:
                    progress(first + done, len(ordered))

            # The chunk's forecasts in parallel (pool or cluster), read-only and outside the chunk's write
            # transaction; the results come back to this process, which alone writes the ledger.
            with session_scope(ctx.engine) as session:
                prefetch_forecasts(
                    session,
                    claim_ids=part,
                    clock=ctx.clock,
                    n_paths=settings.forecast_paths,
                    seed=settings.forecast_seed,
                    cache=cache,
                    executor=executor,
                )
            with session_scope(ctx.engine) as session:
                result = rescore_all(
                    session,
                    clock=ctx.clock,
                    n_paths=settings.forecast_paths,
                    seed=settings.forecast_seed,
                    claim_ids=part,
                    reason=reason,
                    progress=report,
                    cache=cache,
                )
            merge(summary, result)
            logger.info("re-scored %s of %s claims", min(first + chunk, len(ordered)), len(ordered))
    with session_scope(ctx.engine) as session:
        _record(session, ctx, job=JOB_FULL, started=started, summary=summary)
    return summary


def run_sweep(ctx: JobContext) -> list[int]:
    """Move open claims past their deadline to awaiting_resolution, in one transaction."""
    started = ctx.clock.now()
    with session_scope(ctx.engine) as session:
        moved = sweep_deadlines(session, clock=ctx.clock)
        record_job_run(
            session,
            job=JOB_SWEEP,
            runner=ctx.runner,
            started_at=started,
            finished_at=ctx.clock.now(),
            claims=len(moved),
        )
    return moved


def run_digest(
    ctx: JobContext, *, sender: EmailSender | None = None, sleep: Callable[[float], None] = time.sleep
) -> SendReport:
    """Send last week's digest to each active subscriber who lacks it and had confirmed by the Monday.

    The Monday run sends; the hourly run catches up whatever is missing (deferred by temporary failures, left
    by a crashed run, or missed because no scheduler was up on Monday) and otherwise finds nothing to do.
    """
    settings = ctx.settings
    week = week_due(ctx.clock.now(), timezone=settings.digest_timezone, hour=settings.digest_hour)
    return send_week(
        engine=ctx.engine,
        sender=sender or SmtpSender.from_settings(ctx.settings),
        settings=ctx.settings,
        clock=ctx.clock,
        week=week,
        sleep=sleep,
        confirmed_before=send_time(week, timezone=settings.digest_timezone, hour=settings.digest_hour),
    )


def run_sources(ctx: JobContext) -> int:
    """Pull new data from every indicator's own source (one transaction per indicator); how many failed."""
    results = sync_sources(
        ctx.engine, clock=ctx.clock, sources=build_sources(ctx.settings), allowed_hosts=ctx.settings.source_host_set
    )
    return sum(1 for r in results if not r.ok)


_JOBS = {
    JOB_OUTBOX: run_outbox,
    JOB_FULL: run_full,
    JOB_SWEEP: run_sweep,
    JOB_DIGEST: run_digest,
    JOB_DIGEST_RETRY: run_digest,
    JOB_SOURCES: run_sources,
}
_runners: dict[str, SchedulerRunner] = {}


def scheduled_job(runner_id: str, job_id: str) -> None:
    """The entry point APScheduler stores: find this process's runner and run the job through it."""
    runner = _runners.get(runner_id)
    if runner is None:
        logger.warning("job %s fired for runner %s, which is not running here; skipped", job_id, runner_id)
        return
    runner.run(job_id)


class SchedulerRunner:
    """One scheduler process's life: wait for the lock, then run the jobs; stop cleanly."""

    def __init__(
        self,
        *,
        engine: Engine,
        settings: Settings,
        clock: Clock | None = None,
        lock: SchedulerLock | None = None,
        lease: timedelta | None = None,
        outbox_seconds: float | None = None,
        misfire_grace_seconds: int = 300,
    ) -> None:
        self.id = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.ctx = JobContext(engine=engine, clock=clock or SystemClock(), settings=settings, runner=self.id)
        self.lease = lease if lease is not None else timedelta(seconds=settings.scheduler_lease_seconds)
        self.lock = lock or make_lock(engine, holder=self.id, clock=self.ctx.clock, ttl=self.lease)
        self.outbox_seconds = outbox_seconds if outbox_seconds is not None else settings.outbox_poll_seconds
        self.misfire_grace_seconds = misfire_grace_seconds
        self.executions: Counter[str] = Counter()  # jobs started by this runner
        self.completed: Counter[str] = Counter()  # jobs finished (successfully or not) by this runner
        self.active = False
        self._woken = threading.Event()  # new data arrived since the outbox job last looked
        self._scheduler: BackgroundScheduler | None = None
        self._standby = BackgroundScheduler(timezone=UTC)
        # On PostgreSQL the outbox's trigger NOTIFYs on commit: the active runner LISTENs and wakes its job.
        self.listener: OutboxListener | None = None
        if engine.dialect.name == "postgresql" and settings.outbox_listen:
            self.listener = OutboxListener(engine.url.render_as_string(hide_password=False), on_notify=self.wake)

    # --- lifecycle ---

    def start(self) -> None:
        """Try for the lock now, and keep trying (or renewing) every third of the lease."""
        _runners[self.id] = self
        jobs.on_wake(self.wake)
        self.tend_lock()
        self._standby.add_job(
            self.tend_lock,
            "interval",
            seconds=max(self.lease.total_seconds() / 3, 0.5),
            id="predtrack.tend_lock",
            coalesce=True,
            max_instances=1,
        )
        self._standby.start()
        if not self.active:
            logger.info("scheduler %s: another scheduler holds the lock; waiting", self.id)

    def stop(self) -> None:
        """Stop the jobs, let go of the lock, and forget this runner."""
        if self._standby.running:
            self._standby.shutdown(wait=True)
        self._stop_jobs()
        jobs.remove_wake_listener(self.wake)
        _runners.pop(self.id, None)

    def tend_lock(self) -> None:
        """Take the lock when free (then start the jobs), or renew it (and stop the jobs if it was lost)."""
        try:
            if self.active:
                if not self.lock.renew():
                    logger.warning("scheduler %s lost its lock; stopping its jobs", self.id)
                    self._stop_jobs(release=False)
            elif self.lock.acquire():
                logger.info("scheduler %s holds the lock; starting its jobs", self.id)
                self._start_jobs()
        except Exception:  # a database hiccup must not kill the standby loop; the next turn retries
            logger.exception("scheduler %s: tending the lock failed", self.id)

    def _start_jobs(self) -> None:
        scheduler = BackgroundScheduler(
            jobstores={
                "default": SQLAlchemyJobStore(engine=self.ctx.engine, tablename=JOBSTORE_TABLE),
                MEMORY: MemoryJobStore(),
            },
            executors={"default": ThreadPoolExecutor(max_workers=3)},
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": self.misfire_grace_seconds},
            timezone=UTC,
        )
        now = datetime.now(UTC)
        common = {"replace_existing": True, "coalesce": True, "max_instances": 1}
        scheduler.add_job(
            scheduled_job,
            "interval",
            seconds=self.outbox_seconds,
            id=JOB_OUTBOX,
            name="re-score claims touched by new data",
            kwargs={"runner_id": self.id, "job_id": JOB_OUTBOX},
            next_run_time=now,
            misfire_grace_time=30,
            jobstore=MEMORY,
            **common,
        )
        scheduler.add_job(
            scheduled_job,
            "interval",
            seconds=self.ctx.settings.rescore_interval_minutes * 60,
            id=JOB_FULL,
            name="periodic full re-score",
            kwargs={"runner_id": self.id, "job_id": JOB_FULL},
            **common,
        )
        scheduler.add_job(
            scheduled_job,
            "cron",
            hour=0,
            minute=5,
            id=JOB_SWEEP,
            name="daily deadline sweep",
            kwargs={"runner_id": self.id, "job_id": JOB_SWEEP},
            next_run_time=now,  # also catch up at start, in case the last sweep was missed
            **common,
        )
        scheduler.add_job(
            scheduled_job,
            CronTrigger(
                day_of_week="mon", hour=self.ctx.settings.digest_hour, timezone=self.ctx.settings.digest_timezone
            ),
            id=JOB_DIGEST,
            name="weekly digest",
            kwargs={"runner_id": self.id, "job_id": JOB_DIGEST},
            **common,
        )
        scheduler.add_job(
            scheduled_job,
            "cron",
            minute=30,
            id=JOB_DIGEST_RETRY,
            name="weekly digest: catch up deferred or missed deliveries",
            kwargs={"runner_id": self.id, "job_id": JOB_DIGEST_RETRY},
            **common,
        )
        if self.ctx.settings.sources_sync_interval_minutes > 0:
            scheduler.add_job(
                scheduled_job,
                "interval",
                minutes=self.ctx.settings.sources_sync_interval_minutes,
                id=JOB_SOURCES,
                name="sync indicators from their data sources",
                kwargs={"runner_id": self.id, "job_id": JOB_SOURCES},
                **common,
            )
        scheduler.start()
        self._scheduler = scheduler
        self.active = True
        try:  # a copy stored by a version that kept the outbox job in the database: it would fire for nobody
            scheduler.remove_job(JOB_OUTBOX, jobstore="default")
        except JobLookupError:
            pass
        if self.listener is not None:
            self.listener.start()

    def _stop_jobs(self, *, release: bool = True) -> None:
        self.active = False
        if self.listener is not None:
            self.listener.stop()
        if self._scheduler is not None and self._scheduler.running:
            self._scheduler.shutdown(wait=True)
        self._scheduler = None
        if release:
            self.lock.release()

    # --- jobs ---

    def wake(self) -> None:
        """Run the outbox job now (new data was just committed in this process)."""
        self._woken.set()
        scheduler = self._scheduler
        if self.active and scheduler is not None:
            scheduler.modify_job(JOB_OUTBOX, jobstore=MEMORY, next_run_time=datetime.now(UTC))

    def run(self, job_id: str) -> None:
        """Run one job, if this runner holds the lock."""
        if not self.active:
            logger.info("scheduler %s is not active; %s skipped", self.id, job_id)
            return
        self.executions[job_id] += 1
        try:
            if job_id == JOB_OUTBOX:
                # A wake while this job runs cannot start a second instance (max_instances=1): look again now.
                while True:
                    self._woken.clear()
                    run_outbox(self.ctx)
                    if not self._woken.is_set():
                        break
            else:
                _JOBS[job_id](self.ctx)
        except Exception:
            logger.exception("job %s failed; it runs again at its next turn", job_id)
        finally:
            self.completed[job_id] += 1
