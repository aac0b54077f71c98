"""The weekly digest in a browser, and the changes feed for readers."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from sqlmodel import Session

from predictions.digest import digest
from predictions.ledger.clock import FixedClock
from service.api.deps import ClockDep, SessionDep
from service.api.limits import costly_read
from service.digest import Links, preview_html, render_digest
from service.digest.feed import atom_feed

router = APIRouter(prefix="/digest", tags=["digest"])
feeds = APIRouter(tags=["feeds"])

ATOM = "application/atom+xml"
# Checked before the handler runs, so an empty or malformed ``week`` is a 422, never silently the current week.
WEEK_PATTERN = r"^[0-9]{4}-W[0-9]{2}$"


# Building a week's digest reads the whole week (1.4 s on the 10,000-claim ledger): rate-limited like exports.
@router.get("/preview", response_class=HTMLResponse, dependencies=[Depends(costly_read)])
def preview(
    request: Request,
    session: SessionDep,
    clock: ClockDep,
    week: str | None = Query(
        None,
        pattern=WEEK_PATTERN,
        description="ISO week such as 2026-W48 (default: the current week so far).",
        examples=["2026-W48"],
    ),
    tag: str | None = Query(None, max_length=100, description="Only claims with this tag (as the claims list)."),
) -> HTMLResponse:
    """The digest's HTML as a subscriber would see it (costly: rate-limited for anonymous clients)."""
    chosen = digest.parse_week(week) if week else digest.week_of(clock.now().date())
    content = digest.build_digest(session, week=chosen, tags=_tags(tag))
    rendered = render_digest(content, links=Links.under(request.app.state.settings.public_url))
    return HTMLResponse(preview_html(rendered))


@feeds.get("/feeds/changes.atom", response_class=Response)
def changes_feed(
    request: Request,
    session: SessionDep,
    clock: ClockDep,
    tag: str | None = Query(None, max_length=100, description="Only claims with this tag (as the claims list)."),
) -> Response:
    """Explained probability moves and resolutions of the last 90 days, as Atom.

    Kept per ledger version and minute (``predictions.ledger.kept``): the window moves on by the minute, so a
    reader gets a lookup, and the same bytes (and ETag) until the next write or the next minute."""
    minute = clock.now().replace(second=0, microsecond=0)
    return Response(kept_changes_feed(request.app, session, tags=_tags(tag), minute=minute), media_type=ATOM)


def kept_changes_feed(app: Any, session: Session, *, tags: list[str], minute: datetime) -> bytes:
    """The changes feed as of ``minute``, built once per ledger version (kept in ``app.state.kept_feeds``)."""
    links = Links.under(app.state.settings.public_url)

    def build(session: Session) -> bytes:
        changes = digest.recent_changes(session, clock=FixedClock(minute), tags=tags)
        return atom_feed(changes, links=links, tags=tags, now=minute)

    body: bytes = app.state.kept_feeds.get(session, key=(tuple(tags), minute), compute=build)
    return body


def _tags(tag: str | None) -> list[str]:
    # One tag, as the claims list takes it: a repeated array parameter reads the same as a scalar in a query
    # string, so a list here could not tell a malformed request from a good one.
    return [tag] if tag else []
