"""The record of scheduler job runs: which scheduler ran what, when, and how much work it consumed."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from predictions.ledger.tables import JobRun

__all__ = ["record_job_run"]


def record_job_run(
    session: Session,
    *,
    job: str,
    runner: str,
    started_at: datetime,
    finished_at: datetime,
    requests: int = 0,
    claims: int = 0,
    snapshots: int = 0,
) -> JobRun:
    """Add one job run to the caller's transaction (so it commits, or not, with the job's own work)."""
    run = JobRun(
        job=job,
        runner=runner,
        started_at=started_at,
        finished_at=finished_at,
        requests=requests,
        claims=claims,
        snapshots=snapshots,
    )
    session.add(run)
    session.flush()
    return run
