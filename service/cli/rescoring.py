"""``predtrack rescore`` (on demand, with progress on stderr) and ``predtrack scheduler`` (the scheduler alone)."""

from __future__ import annotations

import logging
import signal
import threading
from types import FrameType
from typing import TYPE_CHECKING

import typer

from service.cli import app

if TYPE_CHECKING:
    from service.jobs.scheduler import JobContext

logger = logging.getLogger(__name__)


def _progress(label: str):  # type: ignore[no-untyped-def]
    """A progress callback that writes ``label done/total`` to stderr about a hundred times per run."""

    def report(done: int, total: int) -> None:
        if done == total or done % max(total // 100, 1) == 0:
            typer.echo(f"\r{label} {done}/{total}", err=True, nl=done == total)

    return report


@app.command()
def rescore(
    claim: int | None = typer.Option(None, "--claim", help="Re-score this claim only."),
    all_: bool = typer.Option(False, "--all", help="Re-score every claim."),
    pending: bool = typer.Option(False, "--pending", help="Consume the rescore requests left by new data."),
    hindcast: bool = typer.Option(
        False,
        "--hindcast",
        help="Compute the missing hindcasts (what the engine would have said from made_on on) of every claim, "
        "or of --claim ID; running it again writes nothing new.",
    ),
    charts: bool = typer.Option(
        False,
        "--charts",
        help="Draw the claim pages' charts that are missing or older than the claim's latest snapshot (claims "
        "re-scored before charts were kept); running it again draws nothing.",
    ),
) -> None:
    """Re-score claims now: one (--claim ID), all of them (--all), or what new data asked for (--pending).

    With --hindcast, compute hindcasts instead: of every claim, or of --claim ID. With --charts, draw the
    missing claim charts.
    """
    # Options are checked before the engine is imported, so that a wrong call is answered at once; --claim ID
    # needs neither the scheduler nor its jobs.
    if charts:
        if hindcast or all_ or pending or claim is not None:
            typer.echo("--charts works on every claim; it does not combine with other options", err=True)
            raise typer.Exit(2)
        _charts()
        return
    if hindcast and (all_ or pending):
        typer.echo(
            "--hindcast works on every claim, or on --claim ID; it does not combine with --all or --pending", err=True
        )
        raise typer.Exit(2)
    if not hindcast and [claim is not None, all_, pending].count(True) != 1:
        typer.echo("say what to re-score: --claim ID, --all or --pending (one of them)", err=True)
        raise typer.Exit(2)
    import migrations
    from predictions.ledger.clock import SystemClock
    from service.db import get_engine, session_scope
    from service.settings import get_settings

    settings = get_settings()
    engine = get_engine(settings.database_url)
    migrations.upgrade(engine)
    if claim is not None and not hindcast:
        from predictions.ledger.errors import LedgerError
        from predictions.rescore import rescore_claim

        try:
            with session_scope(engine) as session:
                outcome = rescore_claim(
                    session,
                    claim_id=claim,
                    clock=SystemClock(),
                    reason="on demand (predtrack rescore)",
                    n_paths=settings.forecast_paths,
                    seed=settings.forecast_seed,
                )
        except LedgerError as exc:
            typer.echo(exc.detail, err=True)
            raise typer.Exit(1) from None
        probability = "none" if outcome.probability is None else f"{outcome.probability:.4f}"
        written = "snapshot written" if outcome.written else f"no new snapshot ({outcome.note})"
        typer.echo(f"claim {claim}: P={probability}, {outcome.status}, {written}")
        return
    from service.jobs.scheduler import JobContext, run_full, run_outbox

    ctx = JobContext(engine=engine, clock=SystemClock(), settings=settings)
    if hindcast:
        _hindcast(ctx, claim_ids=None if claim is None else [claim])
        return
    if pending:
        summary = run_outbox(ctx)
        typer.echo(f"{summary.requests} requests: {summary.claims} claims re-scored, {summary.written} snapshots")
        return
    summary = run_full(ctx, progress=_progress("re-scored"), reason="on demand (predtrack rescore --all)")
    typer.echo(
        f"{summary.claims} claims re-scored: {summary.written} snapshots, {summary.resolved} resolved, "
        f"{len(summary.failures)} failed"
    )
    for claim_id, problem in summary.failures:
        typer.echo(f"claim {claim_id} failed: {problem}", err=True)
    if summary.failures:
        raise typer.Exit(1)


def _charts() -> None:
    """Draw and commit the missing claim charts, with progress on stderr."""
    import migrations
    from predictions.ledger.clock import SystemClock
    from predictions.rescore import draw_missing_charts
    from service.db import get_engine, session_scope
    from service.settings import get_settings

    settings = get_settings()
    engine = get_engine(settings.database_url)
    migrations.upgrade(engine)
    with session_scope(engine) as session:
        drawn = draw_missing_charts(
            session,
            now=SystemClock().now(),
            n_paths=settings.forecast_paths,
            seed=settings.forecast_seed,
            progress=_progress("charts"),
        )
    typer.echo(f"{drawn} claim charts drawn")


def _hindcast(ctx: JobContext, *, claim_ids: list[int] | None) -> None:
    """Compute and commit the missing hindcasts, with progress on stderr."""
    from predictions.ledger.errors import NotFound
    from predictions.ledger.tables import Claim
    from predictions.rescore import hindcast_all
    from service.db import session_scope

    with session_scope(ctx.engine) as session:
        for claim_id in claim_ids or []:
            if session.get(Claim, claim_id) is None:
                typer.echo(NotFound(f"claim {claim_id} does not exist").detail, err=True)
                raise typer.Exit(1)
        summary = hindcast_all(
            session,
            clock=ctx.clock,
            n_paths=ctx.settings.forecast_paths,
            seed=ctx.settings.forecast_seed,
            claim_ids=claim_ids,
            progress=_progress("hindcast"),
        )
    typer.echo(f"{summary.claims} claims hindcast: {summary.written} hindcasts written, {len(summary.failures)} failed")
    for claim_id, problem in summary.failures:
        typer.echo(f"claim {claim_id} failed: {problem}", err=True)
    if summary.failures:
        raise typer.Exit(1)


@app.command()
def scheduler() -> None:
    """Run the scheduler alone (for scale-out) until SIGTERM or SIGINT; a second one waits idle."""
    import migrations
    from service.db import get_engine
    from service.jobs.scheduler import SchedulerRunner
    from service.settings import get_settings

    settings = get_settings()
    engine = get_engine(settings.database_url)
    migrations.upgrade(engine)
    stop = threading.Event()

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        logger.info("signal %s: stopping the scheduler", signum)
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    runner = SchedulerRunner(engine=engine, settings=settings)
    runner.start()
    typer.echo(f"scheduler {runner.id} {'active' if runner.active else 'waiting for the lock'}", err=True)
    try:
        stop.wait()
    finally:
        runner.stop()
