"""Digest subscriptions: ask (double opt-in), confirm, and unsubscribe in one click (RFC 8058).

The links in emails open a page with a button (GET changes nothing, so a mail scanner that follows every link
subscribes and unsubscribes nobody); the button, or a mail client's one-click POST, acts.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, BackgroundTasks, Depends, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from markupsafe import escape

from predictions.digest import subscriptions
from predictions.ledger.clock import Clock
from predictions.ledger.schemas import SubscriptionCreate
from service.api.deps import ClockDep, SessionDep, app_session
from service.api.limits import body_limit, costly_read
from service.digest import send_confirmation, token_signer

logger = logging.getLogger(__name__)
router = APIRouter(tags=["subscriptions"])  # behind the reader check, like every read
public = APIRouter(tags=["subscriptions"])  # token-authorised: works for anyone holding the emailed link

MAX_BODY_BYTES = 256 * 1024  # an address and at most 20 tags
ACCEPTED = (
    "If this address can receive the digest, a confirmation email is on its way; "
    "the subscription starts when its link is followed."
)


@router.post(
    "/subscriptions", status_code=202, dependencies=[Depends(costly_read), Depends(body_limit(MAX_BODY_BYTES))]
)
def subscribe(
    data: SubscriptionCreate, request: Request, clock: ClockDep, background: BackgroundTasks
) -> dict[str, str]:
    """Ask for the weekly digest. The answer is the same whether or not the address was known, and so is the time
    it takes: only the address and tags are checked before it (400); the rest happens after it.

    Rate-limited per client like the costly reads (429 with Retry-After); the confirmation email names only the
    tags that claims carry.
    """
    address = subscriptions.normalise_email(data.email)
    tags = subscriptions.normalise_tags(data.tags)
    background.add_task(_subscribe_and_confirm, request.app, email=address, tags=tags, clock=clock)
    return {"status": "accepted", "detail": ACCEPTED}


def _subscribe_and_confirm(app: Any, *, email: str, tags: list[str], clock: Clock) -> None:
    """After the answer, in a unit of work of its own: record the request, then send the confirmation email.

    A known address and a new one differ here (an insert, an email or none): in the request they would make the
    answer's time say which it is (3.9 ms against 10.1 ms in the probe of issue 19).
    """
    settings = app.state.settings
    try:
        with app_session(app, commit=True) as session:
            signer = token_signer(session, settings=settings, clock=clock)
            outcome = subscriptions.subscribe(session, email=email, tags=tags, signer=signer, clock=clock)
            shown = subscriptions.tags_to_show(session, tags=tags)
    except Exception:
        logger.exception("a subscription request was not recorded")
        return
    send_confirmation(app.state.email_sender(), outcome, tags=shown, settings=settings, clock=clock)


def _signed_link(
    path: str,
    act: Callable[..., object],
    *,
    page: tuple[str, str, str],
    answer: tuple[str, str],
    docs: tuple[str, str],
) -> None:
    """Register a link from an email: GET shows ``page`` (title, text, button), a button that POSTs back, so that a
    link scanner following it changes nothing; POST checks the signed token, runs ``act`` and gives ``answer``."""
    title, text, button = page

    def show(token: str = Query(..., max_length=2000, description="From the email.")) -> HTMLResponse:
        return _button_page(title, text, action=f"/api/v1{path}?{urlencode({'token': token})}", button=button)

    def post(
        request: Request,
        session: SessionDep,
        clock: ClockDep,
        token: str = Query(..., max_length=2000, description="From the email."),
    ) -> Response:
        signer = token_signer(session, settings=request.app.state.settings, clock=clock)
        act(session, token=token, signer=signer, clock=clock)
        return _answer(request, *answer)

    name = path.strip("/").replace("/", "_")
    show.__name__, show.__doc__ = f"{name}_page", docs[0]
    post.__name__, post.__doc__ = name, docs[1]
    public.get(path, response_class=HTMLResponse)(show)
    public.post(path)(post)


_signed_link(
    "/subscriptions/confirm",
    subscriptions.confirm,
    page=(
        "Confirm your subscription",
        "Confirm that this address should get the predtrack weekly digest.",
        "Confirm my subscription",
    ),
    answer=("active", "Subscribed: the digest comes every Monday morning."),
    docs=(
        "The confirmation link's page: a button that confirms (a link scanner following the link changes nothing).",
        "Confirm: the subscription becomes active (a link confirms once, and never after an unsubscribe).",
    ),
)
_signed_link(
    "/unsubscribe",
    subscriptions.unsubscribe,
    page=("Unsubscribe", "Stop sending the predtrack weekly digest to this address.", "Unsubscribe"),
    answer=("unsubscribed", "Unsubscribed: no more digests will be sent to this address."),
    docs=(
        "The unsubscribe link's page: a button that unsubscribes (a link scanner following it changes nothing).",
        "Unsubscribe: the page's button, or RFC 8058's one-click POST (``List-Unsubscribe=One-Click``) from a mail "
        "client.",
    ),
)


def _answer(request: Request, status: str, detail: str) -> Response:
    """JSON for a program; a short page for a browser (its form post asks for HTML)."""
    if "text/html" in request.headers.get("accept", ""):
        return HTMLResponse(f"<!doctype html><title>predtrack</title><main><h1>{escape(detail)}</h1></main>")
    return JSONResponse({"status": status, "detail": detail})


def _button_page(title: str, text: str, *, action: str, button: str) -> HTMLResponse:
    return HTMLResponse(
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)} · predtrack</title>'
        f"</head><body><main><h1>{escape(title)}</h1><p>{escape(text)}</p>"
        f'<form method="post" action="{escape(action)}"><button type="submit">{escape(button)}</button></form>'
        "</main></body></html>"
    )
