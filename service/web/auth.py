"""Dashboard sign-in: the key is checked once, then a signed session cookie stands for it; CSRF tokens for forms.

The session cookie carries only the key's row id, signed with itsdangerous (never the key itself), and is
HttpOnly, SameSite=Strict, and Secure when the request came over HTTPS. Each request re-reads the key row, so
revoking a key ends its dashboard sessions too, and signing out ends the key's sessions on the server (a copy of
the cookie is refused from then on). CSRF uses a signed double-submit token: a random value in its
own cookie that every form must echo in a hidden field.
"""

from __future__ import annotations

import hmac
import logging
import secrets
from typing import Annotated

from fastapi import Depends, HTTPException, Request, Response
from fastapi.concurrency import run_in_threadpool
from itsdangerous import BadSignature, TimestampSigner, URLSafeTimedSerializer

from predictions.access.app_secret import signing_secret
from predictions.access.keys import live_key
from predictions.ledger.tables import ApiKey
from service.api.deps import SessionDep

logger = logging.getLogger(__name__)

SESSION_COOKIE = "predtrack_session"
CSRF_COOKIE = "predtrack_csrf"
CSRF_FIELD = "csrf_token"
SESSION_MAX_AGE = 12 * 3600
CSRF_MAX_AGE = 24 * 3600


async def load_secret(request: Request, session: SessionDep) -> None:
    """Make sure the app knows its cookie secret: PREDTRACK_SECRET_KEY, else the one kept in the database.

    Async, like ``web_reader``: a sync dependency is a hop to the routes' threads, queued behind every request
    waiting for one, so a page under load waited its turn once per dependency. Only the database read (the
    process's first page) goes to a thread."""
    if request.app.state.session_secret is None:
        secret = await run_in_threadpool(signing_secret, session, configured=None, clock=request.app.state.clock)
        request.app.state.session_secret = secret


def _signer(request: Request, purpose: str) -> URLSafeTimedSerializer:
    # The salt keeps these signatures apart from the subscription links signed with the same secret.
    clock = request.app.state.clock

    class Signer(TimestampSigner):
        def get_timestamp(self) -> int:  # the app's clock, not the wall's: sign-outs are dated by it too
            return int(clock.now().timestamp())

    return URLSafeTimedSerializer(
        request.app.state.session_secret, salt=f"predtrack-dashboard-{purpose}", signer=Signer
    )


def _secure(request: Request) -> bool:
    # Behind a TLS-terminating proxy listed in PREDTRACK_TRUSTED_PROXIES, uvicorn turns X-Forwarded-Proto into the
    # scheme.
    return request.url.scheme == "https"


def start_session(request: Request, response: Response, *, key: ApiKey) -> None:
    """Set the session cookie for ``key`` (after the key itself was checked)."""
    value = _signer(request, "session").dumps({"key_id": key.id})
    response.set_cookie(
        SESSION_COOKIE,
        value,
        max_age=SESSION_MAX_AGE,
        httponly=True,
        samesite="strict",
        secure=_secure(request),
        path="/",
    )


def end_session(response: Response) -> None:
    """Drop the session cookie."""
    response.delete_cookie(SESSION_COOKIE, path="/")


def current_key(request: Request, session: SessionDep) -> ApiKey | None:
    """The live key behind the request's session cookie, or None."""
    raw = request.cookies.get(SESSION_COOKIE)
    if not raw:
        return None
    try:
        data, signed_at = _signer(request, "session").loads(raw, max_age=SESSION_MAX_AGE, return_timestamp=True)
    except BadSignature:
        return None
    key_id = data.get("key_id") if isinstance(data, dict) else None
    key = live_key(session, key_id=key_id) if isinstance(key_id, int) else None
    # Signed (to the second) no later than the key's last sign-out: that session was ended on the server.
    if key is not None and key.sessions_ended_at is not None and signed_at <= key.sessions_ended_at:
        return None
    return key


def csrf_token(request: Request) -> str:
    """The token that this browser's forms must carry (read from its cookie, or a new one)."""
    token: str | None = getattr(request.state, "csrf_token", None)
    if token is None:
        raw = request.cookies.get(CSRF_COOKIE)
        try:
            token = _signer(request, "csrf").loads(raw, max_age=CSRF_MAX_AGE) if raw else None
        except BadSignature:
            token = None
        if not isinstance(token, str):
            token = secrets.token_urlsafe(24)
            request.state.new_csrf = True
        request.state.csrf_token = token
    return token


def remember_csrf(request: Request, response: Response) -> None:
    """Set the CSRF cookie on ``response`` when this request drew a new token."""
    if getattr(request.state, "new_csrf", False):
        response.set_cookie(
            CSRF_COOKIE,
            _signer(request, "csrf").dumps(request.state.csrf_token),
            max_age=CSRF_MAX_AGE,
            httponly=True,
            samesite="strict",
            secure=_secure(request),
            path="/",
        )


def check_csrf(request: Request, submitted: str | None) -> None:
    """Refuse a form whose token does not match this browser's CSRF cookie (403)."""
    raw = request.cookies.get(CSRF_COOKIE)
    try:
        expected = _signer(request, "csrf").loads(raw, max_age=CSRF_MAX_AGE) if raw else None
    except BadSignature:
        expected = None
    if not isinstance(expected, str) or not submitted or not hmac.compare_digest(expected, submitted):
        raise HTTPException(
            status_code=403,
            detail="the form's security token is missing or stale: reload the page and submit the form again",
        )


async def web_reader(request: Request, session: SessionDep) -> ApiKey | None:
    """Dashboard reads: public unless PREDTRACK_PRIVATE_READS is set; then a signed-in session is needed (its key
    is looked up in a thread; an anonymous reader costs no hop to one, see ``load_secret``)."""
    key = await run_in_threadpool(current_key, request, session) if request.cookies.get(SESSION_COOKIE) else None
    if request.app.state.settings.private_reads and key is None:
        raise HTTPException(
            status_code=303, detail="sign in to read", headers={"Location": f"/login?next={request.url.path}"}
        )
    return key


WebKeyDep = Annotated[ApiKey | None, Depends(web_reader)]
CurrentKeyDep = Annotated[ApiKey | None, Depends(current_key)]
