"""Digest subscriptions: ask (double opt-in), confirm, and unsubscribe in one click (RFC 8058)."""

from __future__ import annotations

from fastapi import APIRouter, BackgroundTasks, Depends, Query, Request

from predictions.digest import subscriptions
from predictions.ledger.schemas import SubscriptionCreate
from service.api.deps import ClockDep, SessionDep
from service.api.limits import body_limit, costly_read
from service.digest import send_confirmation, token_signer

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
    data: SubscriptionCreate, request: Request, session: SessionDep, clock: ClockDep, background: BackgroundTasks
) -> dict[str, str]:
    """Ask for the weekly digest. The answer is the same whether or not the address was known.

    Rate-limited per client like the costly reads (429 with Retry-After); the confirmation email names only the
    tags that claims carry.
    """
    settings = request.app.state.settings
    signer = token_signer(session, settings=settings, clock=clock)
    outcome = subscriptions.subscribe(session, email=data.email, tags=data.tags, signer=signer, clock=clock)
    tags = subscriptions.tags_to_show(session, tags=subscriptions.normalise_tags(data.tags))
    # After the commit, and off the request: the answer takes as long for a known address as for a new one.
    background.add_task(
        send_confirmation, request.app.state.email_sender(), outcome, tags=tags, settings=settings, clock=clock
    )
    return {"status": "accepted", "detail": ACCEPTED}


@public.get("/subscriptions/confirm")
def confirm(
    request: Request, session: SessionDep, clock: ClockDep, token: str = Query(..., description="From the email.")
) -> dict[str, str]:
    """Follow the confirmation link: the subscription becomes active."""
    signer = token_signer(session, settings=request.app.state.settings, clock=clock)
    subscriptions.confirm(session, token=token, signer=signer, clock=clock)
    return {"status": "active", "detail": "Subscribed: the digest comes every Monday morning."}


@public.get("/unsubscribe")
def unsubscribe(
    request: Request, session: SessionDep, clock: ClockDep, token: str = Query(..., description="From the email.")
) -> dict[str, str]:
    """One click from the digest's footer: no more digests."""
    signer = token_signer(session, settings=request.app.state.settings, clock=clock)
    subscriptions.unsubscribe(session, token=token, signer=signer, clock=clock)
    return {"status": "unsubscribed", "detail": "Unsubscribed: no more digests will be sent to this address."}


@public.post("/unsubscribe")
def unsubscribe_one_click(
    request: Request, session: SessionDep, clock: ClockDep, token: str = Query(..., description="From the email.")
) -> dict[str, str]:
    """RFC 8058 one-click unsubscribe: the mail client POSTs ``List-Unsubscribe=One-Click`` to the link."""
    return unsubscribe(request, session, clock, token)
