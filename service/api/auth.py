"""Bearer-key auth: writes need a researcher key, annulment and key management an admin key."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from predictions.access.keys import allows, authenticate
from predictions.ledger.tables import ApiKey, KeyRole
from service.api.deps import SessionDep, app_session

_bearer = HTTPBearer(auto_error=False, description="An API key from `predtrack keys create`.")


MISSING_KEY = (
    "this request needs an API key: send 'Authorization: Bearer <key>' "
    "(create one with `predtrack keys create --role researcher`)"
)
UNKNOWN_KEY = "unknown or revoked API key"
CHALLENGE = {"WWW-Authenticate": "Bearer"}


def bearer_token(authorization: str | None) -> str | None:
    """The key in an ``Authorization: Bearer <key>`` header, or None."""
    scheme, _, token = (authorization or "").partition(" ")
    token = token.strip()
    return token if scheme.lower() == "bearer" and token else None


def _require(role: KeyRole):  # type: ignore[no-untyped-def]
    def dependency(session: SessionDep, credentials: HTTPAuthorizationCredentials | None = Depends(_bearer)) -> ApiKey:
        if credentials is None:
            raise HTTPException(status_code=401, detail=MISSING_KEY, headers=CHALLENGE)
        key = authenticate(session, key=credentials.credentials)
        if key is None:
            raise HTTPException(status_code=401, detail=UNKNOWN_KEY, headers=CHALLENGE)
        if not allows(key.role, role):
            raise HTTPException(status_code=403, detail=f"this request needs the {role.value} role")
        return key

    # The request guard (service.api.limits) checks the key of such routes before it reads their body.
    dependency.needs_key = True  # type: ignore[attr-defined]
    return dependency


async def reader(
    request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(_bearer)
) -> ApiKey | None:
    """Reads are public unless PREDTRACK_PRIVATE_READS is set; then any valid key may read.

    Async, and without the request's session, because it runs before every read: public reads then cost no
    thread-pool hop here. A private read checks its key in the pool, on a session of its own.
    """
    if not request.app.state.settings.private_reads:
        return None

    def check() -> ApiKey:
        with app_session(request.app) as session:
            key = _require(KeyRole.RESEARCHER)(session, credentials)
            session.expunge(key)  # still readable after the session ends
            return key

    return await run_in_threadpool(check)


ResearcherDep = Annotated[ApiKey, Depends(_require(KeyRole.RESEARCHER))]
AdminDep = Annotated[ApiKey, Depends(_require(KeyRole.ADMIN))]
ReaderDep = Annotated[ApiKey | None, Depends(reader)]
