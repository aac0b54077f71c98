"""Digest subscriptions: ask (double opt-in), confirm, and unsubscribe in one click (RFC 8058).

The links in emails open a page with a button (GET changes nothing, so a mail scanner that follows every link
subscribes and unsubscribes nobody); the button, or a mail client's one-click POST, acts.
"""

from __future__ import annotations

import logging
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


@public.get("/subscriptions/confirm", response_class=HTMLResponse)
def confirm_page(token: str = Query(..., max_length=2000, description="From the email.")) -> HTMLResponse:
    """The confirmation link's page: a button that confirms (a link scanner following the link changes nothing)."""
    return _button_page(
        "Confirm your subscription",
        "Confirm that this address should get the predtrack weekly digest.",
        action=f"/api/v1/subscriptions/confirm?{urlencode({'token': token})}",
        button="Confirm my subscription",
    )


@public.post("/subscriptions/confirm")
def confirm(
    request: Request,
    session: SessionDep,
    clock: ClockDep,
    token: str = Query(..., max_length=2000, description="From the email."),
) -> Response:
    """Confirm: the subscription becomes active (a link confirms once, and never after an unsubscribe)."""
    signer = token_signer(session, settings=request.app.state.settings, clock=clock)
    subscriptions.confirm(session, token=token, signer=signer, clock=clock)
    return _answer(request, "active", "Subscribed: the digest comes every Monday morning.")


@public.get("/unsubscribe", response_class=HTMLResponse)
def unsubscribe_page(token: str = Query(..., max_length=2000, description="From the email.")) -> HTMLResponse:
    """The unsubscribe link's page: a button that unsubscribes (a link scanner following it changes nothing)."""
    return _button_page(
        "Unsubscribe",
        "Stop sending the predtrack weekly digest to this address.",
        action=f"/api/v1/unsubscribe?{urlencode({'token': token})}",
        button="Unsubscribe",
    )


@public.post("/unsubscribe")
def unsubscribe(
    request: Request,
    session: SessionDep,
    clock: ClockDep,
    token: str = Query(..., max_length=2000, description="From the email."),
) -> Response:
    """Unsubscribe: the page's button, or RFC 8058's one-click POST (``List-Unsubscribe=One-Click``) from a mail
    client."""
    signer = token_signer(session, settings=request.app.state.settings, clock=clock)
    subscriptions.unsubscribe(session, token=token, signer=signer, clock=clock)
    return _answer(request, "unsubscribed", "Unsubscribed: no more digests will be sent to this address.")


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
