"""``predtrack digest --preview | --send [--week W]``: the weekly digest from the command line."""

from __future__ import annotations

import typer

from service.cli import app
from service.cli.common import fail


@app.command()
def digest(
    preview: bool = typer.Option(False, "--preview", help="Print the digest's plain-text part."),
    send: bool = typer.Option(False, "--send", help="Send the digest to every active subscriber who lacks it."),
    week: str | None = typer.Option(
        None, "--week", help="ISO week, e.g. 2026-W48 (default: this week for --preview, last week for --send)."
    ),
    tag: list[str] = typer.Option([], "--tag", help="Preview only: claims with this tag (repeatable)."),
) -> None:
    """Preview or send the weekly digest (SMTP from PREDTRACK_SMTP_*, links under PREDTRACK_PUBLIC_URL)."""
    import migrations
    from predictions.digest import digest as content
    from predictions.ledger.clock import SystemClock
    from predictions.ledger.errors import LedgerError
    from service.db import get_engine, session_scope
    from service.digest import Links, SmtpSender, preview_text, render_digest, send_week
    from service.settings import get_settings

    if preview == send:
        fail("say what to do: --preview or --send (one of them)")
    settings = get_settings()
    engine = get_engine(settings.database_url)
    migrations.upgrade(engine)
    clock = SystemClock()
    try:
        if week:
            chosen = content.parse_week(week)
        else:
            chosen = content.week_of(clock.now().date()) if preview else content.last_complete_week(clock)
    except LedgerError as exc:
        fail(exc.detail)
    if preview:
        with session_scope(engine) as session:
            built = content.build_digest(session, week=chosen, tags=tag)
        typer.echo(preview_text(render_digest(built, links=Links.under(settings.public_url))), nl=False)
        return
    if tag:
        fail("--tag is for --preview: each subscriber's own tags filter the digest they get")

    def report(done: int) -> None:
        typer.echo(f"\rdigest {chosen.label}: {done} subscribers done", err=True, nl=False)

    result = send_week(
        engine=engine,
        sender=SmtpSender.from_settings(settings),
        settings=settings,
        clock=clock,
        week=chosen,
        progress=report,
    )
    typer.echo("", err=True)
    if result.busy:
        fail(
            f"digest {result.week}: another run is sending this week's digest; nothing sent (try again when it ends)",
            code=1,
        )
    typer.echo(
        f"digest {result.week}: {result.sent} sent, {result.skipped} already sent or in progress, "
        f"{result.empty} with nothing to say, {result.deferred} deferred, {result.failed} failed"
        + (f", {len(result.flagged)} subscriptions flagged after repeated bounces" if result.flagged else "")
        + ("; stopped early: the SMTP server kept failing (run it again later)" if result.stopped_early else "")
    )
    if result.deferred:
        raise typer.Exit(1)
