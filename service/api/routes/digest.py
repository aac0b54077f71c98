"""The weekly digest in a browser, and the changes feed for readers."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from predictions import digest
from service.api.deps import ClockDep, SessionDep
from service.digest import Links, preview_html, render_digest
from service.digest.feed import atom_feed

router = APIRouter(prefix="/digest", tags=["digest"])
feeds = APIRouter(tags=["feeds"])


@router.get("/preview", response_class=HTMLResponse)
def preview(
    request: Request,
    session: SessionDep,
    clock: ClockDep,
    week: str | None = Query(None, description="ISO week such as 2026-W48 (default: the current week so far)."),
    tag: list[str] = Query([], description="Only claims with any of these tags."),
) -> HTMLResponse:
    """The digest's HTML as a subscriber would see it."""
    chosen = digest.parse_week(week) if week else digest.week_of(clock.now().date())
    content = digest.build_digest(session, week=chosen, tags=tag)
    rendered = render_digest(content, links=Links.under(request.app.state.settings.public_url))
    return HTMLResponse(preview_html(rendered))


@feeds.get("/feeds/changes.atom", response_class=Response)
def changes_feed(
    request: Request,
    session: SessionDep,
    clock: ClockDep,
    tag: list[str] = Query([], description="Only claims with any of these tags."),
) -> Response:
    """Explained probability moves and resolutions of the last 90 days, as Atom."""
    changes = digest.recent_changes(session, clock=clock, tags=tag)
    body = atom_feed(changes, links=Links.under(request.app.state.settings.public_url), tags=tag, now=clock.now())
    return Response(body, media_type="application/atom+xml")
