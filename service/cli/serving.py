"""``predtrack serve``: the API, the dashboard and (unless told not to) the scheduler.

With ``--workers N`` (default: the number of CPUs) uvicorn runs N worker processes, each building the app with
``create_app()``; this process prepares the database first (migrations, the seed), then supervises them and runs
the scheduler itself: the scheduler runs in ONE process, never in every worker (the scheduler's database lock
would keep extra ones idle, but they would still poll). A worker's ingestion cannot wake that scheduler directly;
it hears new outbox rows at its next poll (``PREDTRACK_OUTBOX_POLL_SECONDS``), or at once on PostgreSQL
(LISTEN/NOTIFY). ``/metrics`` then adds up every worker's request metrics (prometheus-client's multiprocess mode,
in a fresh temporary directory unless ``PROMETHEUS_MULTIPROC_DIR`` names one).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from typing import TYPE_CHECKING, Any

import typer

from service.cli import app

if TYPE_CHECKING:
    from service.settings import Settings


def proxy_options(settings: Settings) -> dict[str, Any]:
    """uvicorn's proxy options: ``X-Forwarded-For`` and ``-Proto`` are believed only from PREDTRACK_TRUSTED_PROXIES.

    uvicorn alone believes any loopback peer; with no trusted proxy set, the client is the peer, so nobody can
    pick their own rate-limit bucket by sending the header.
    """
    trusted = settings.trusted_proxies.strip()
    return {"proxy_headers": bool(trusted), "forwarded_allow_ips": trusted or ""}


@app.command()
def serve(
    host: str | None = typer.Option(None, help="Interface to bind (default PREDTRACK_HOST or 127.0.0.1)."),
    port: int | None = typer.Option(None, help="Port (default PREDTRACK_PORT or 8000)."),
    no_scheduler: bool = typer.Option(False, "--no-scheduler", help="Run the API only (for extra replicas)."),
    workers: int | None = typer.Option(
        None, min=1, max=64, help="Web worker processes (default PREDTRACK_WORKERS, else the CPUs); one scheduler."
    ),
) -> None:
    """Apply migrations, load the seed on first start, and serve the API and dashboard."""
    import uvicorn

    import migrations
    from predictions.ledger.clock import SystemClock
    from predictions.ledger.db import take_turns
    from predictions.rescore import hindcast_all
    from predictions.seed.seed import seed_if_empty
    from service.api.app import create_app
    from service.api.metrics import MULTIPROCESS_ENV
    from service.db import get_engine, session_scope
    from service.settings import get_settings

    settings = get_settings()
    engine = get_engine(settings.database_url)
    migrations.upgrade(engine)
    with session_scope(engine) as session:
        take_turns(session.connection(), name="predtrack.seed")  # replicas started at once load it once
        report = seed_if_empty(session, clock=SystemClock())
    if report is not None:
        typer.echo(f"first start: loaded the seed ({report.claims} claims, {report.indicators} indicators)", err=True)
        # The seed's claims were made in 2024 but enter the ledger today: show what the engine would have said
        # then (about half a second for the seed; `predtrack rescore --hindcast` does it for later claims).
        started = time.perf_counter()
        with session_scope(engine) as session:
            hindcasts = hindcast_all(
                session, clock=SystemClock(), n_paths=settings.forecast_paths, seed=settings.forecast_seed
            )
        typer.echo(
            f"first start: {hindcasts.written} hindcasts from the claims' made_on "
            f"in {time.perf_counter() - started:.1f} s",
            err=True,
        )
    workers = workers or settings.workers
    runner = None
    if settings.scheduler_enabled and not no_scheduler:
        # The scheduler runs in this process (beside the app, or supervising the workers); never in every worker.
        from service.jobs.scheduler import SchedulerRunner

        runner = SchedulerRunner(engine=engine, settings=settings)
        runner.start()
    bind = {"host": host or settings.host, "port": port or settings.port, **proxy_options(settings)}
    metrics_dir = None
    try:
        if workers == 1:
            uvicorn.run(create_app(engine=engine, settings=settings), **bind)
        else:
            # Set before the workers start (they inherit it): prometheus-client reads it when first imported.
            if not os.environ.get(MULTIPROCESS_ENV):
                metrics_dir = tempfile.mkdtemp(prefix="predtrack-metrics-")
                os.environ[MULTIPROCESS_ENV] = metrics_dir
            uvicorn.run("service.api.app:create_app", factory=True, workers=workers, **bind)
    finally:
        if runner is not None:
            runner.stop()
        if metrics_dir is not None:
            shutil.rmtree(metrics_dir, ignore_errors=True)
