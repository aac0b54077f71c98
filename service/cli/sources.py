"""``predtrack sources sync``: pull new data from the sources that indicators name."""

from __future__ import annotations

import typer

import migrations
from predictions.data.sync import SyncResult
from predictions.ledger.clock import SystemClock
from predictions.ledger.errors import LedgerError
from service.cli import app
from service.cli.common import fail
from service.db import get_engine
from service.jobs.sources import build_sources, sync_sources
from service.settings import get_settings

sources_app = typer.Typer(help="Data sources that update indicators by themselves.", no_args_is_help=True)
app.add_typer(sources_app, name="sources")


@sources_app.command("sync")
def sync(
    indicator: list[str] = typer.Option([], "--indicator", "-i", help="Only this indicator (repeatable)."),
) -> None:
    """Fetch every indicator that names a source (dbnomics:, fred:, csv:) and ingest what is new."""
    engine = get_engine()
    migrations.upgrade(engine)

    def report(done: int, total: int, result: SyncResult) -> None:
        typer.echo(f"[{done}/{total}] {result.describe()}", err=True)

    settings = get_settings()
    try:
        results = sync_sources(
            engine,
            clock=SystemClock(),
            sources=build_sources(settings),
            allowed_hosts=settings.source_host_set,
            keys=list(indicator) or None,
            progress=report,
        )
    except LedgerError as exc:
        fail(exc.detail)
    if not results:
        typer.echo("no indicator names a fetchable source (dbnomics:..., fred:..., csv:URL)", err=True)
        return
    changed = sum(r.inserted + r.revised for r in results)
    failed = [r.key for r in results if not r.ok]
    typer.echo(
        f"synced {len(results) - len(failed)} of {len(results)} indicator(s), {changed} new or revised value(s)"
        + (f"; failed: {', '.join(failed)}" if failed else ""),
        err=True,
    )
    if changed:
        typer.echo("re-scores follow from a running scheduler or `predtrack rescore --pending`", err=True)
    if failed:
        raise typer.Exit(1)
