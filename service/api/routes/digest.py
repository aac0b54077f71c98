"""The weekly digest in a browser, and the changes feed for readers."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from predictions.digest import digest
from service.api.deps import ClockDep, SessionDep
from service.api.limits import costly_read
from service.digest import Links, preview_html, render_digest
from service.digest.feed import atom_feed

router = APIRouter(prefix="/digest", tags=["digest"])
feeds = APIRouter(tags=["feeds"])

# Checked before the handler runs, so an empty or malformed ``week`` is a 422, never silently the current week.
WEEK_PATTERN = r"^[0-9]{4}-W[0-9]{2}$"


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
    """Explained probability moves and resolutions of the last 90 days, as Atom."""
    tags = _tags(tag)
    changes = digest.recent_changes(session, clock=clock, tags=tags)
    body = atom_feed(changes, links=Links.under(request.app.state.settings.public_url), tags=tags, now=clock.now())
    return Response(body, media_type="application/atom+xml")


def _tags(tag: str | None) -> list[str]:
    # One tag, as the claims list takes it: a repeated array parameter reads the same as a scalar in a query
    # string, so a list here could not tell a malformed request from a good one.
    return [tag] if tag else []
