"""Limits that hold before any handler runs: security headers, body size, key before body, rate of costly reads.

- Every response carries a Content-Security-Policy (no third-party anything; ``frame-ancestors 'none'``),
  ``X-Content-Type-Options: nosniff``, ``X-Frame-Options: DENY`` and ``Referrer-Policy``.
- A request body is refused with 413 when its ``Content-Length`` says it is over ``PREDTRACK_MAX_BODY_MB``, or as
  soon as a streamed body passes that size: nothing is parsed.
- A write to a route that needs a key gets its key checked (401) before one byte of its body is read, because
  FastAPI reads and parses a body before it solves a route's dependencies.
- Costly anonymous reads (forecasts, exports) take a token from a per-client bucket kept in the database
  (``predictions.access.rate_limits``, shared by every replica); an empty bucket answers 429 with ``Retry-After``. A
  request with a valid key is not limited.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.routing import APIRoute
from starlette.responses import JSONResponse
from starlette.routing import compile_path
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from predictions.access.keys import authenticate
from predictions.access.rate_limits import take_token
from service.api.auth import CHALLENGE, MISSING_KEY, UNKNOWN_KEY, bearer_token
from service.api.deps import SessionDep, app_session

logger = logging.getLogger(__name__)

# The dashboard and the API: everything from this origin, inline styles (server-rendered SVG), no inline script.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
# Swagger UI starts itself with an inline script; that page alone allows one.
DOCS_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
DOCS_PATHS = ("/docs", "/redoc")
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def _security_headers(path: str) -> list[tuple[bytes, bytes]]:
    csp = DOCS_CSP if path.startswith(DOCS_PATHS) else CSP
    return [
        (b"content-security-policy", csp.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"x-frame-options", b"DENY"),
        (b"referrer-policy", b"same-origin"),
    ]


@dataclass(frozen=True)
class RouteInfo:
    """What the guard and the error handler need to know of one route, independent of FastAPI's internals."""

    methods: frozenset[str]
    regex: re.Pattern[str]
    needs_key: bool
    template: str = ""  # the path as mounted, with its parameters: /api/v1/claims/{claim_id}
    costly: bool = False  # rate-limited for anonymous clients (``costly_read``)
    max_body: int | None = None  # a tighter bound on the body than the app's (``body_limit``)


def route_table(routers: Iterable[tuple[str, APIRouter]]) -> list[RouteInfo]:
    """One entry per route of each ``(prefix, router)``, as mounted under ``prefix``."""
    table = []
    for prefix, router in routers:
        for route in router.routes:
            if isinstance(route, APIRoute):
                regex, _, _ = compile_path(prefix + route.path)
                costly = _depends_on(route.dependant, costly_read) or _depends_on(route.dependant, sometimes_costly)
                info = RouteInfo(
                    frozenset(route.methods),
                    regex,
                    _needs_key(route.dependant),
                    template=prefix + route.path,
                    costly=costly,
                    max_body=_max_body(route.dependant),
                )
                table.append(info)
    return table


def allowed_methods(table: Iterable[RouteInfo], path: str) -> list[str]:
    """Every method some route answers on ``path``."""
    return sorted({m for info in table if info.regex.match(path) for m in info.methods})


class RequestGuard:
    """ASGI middleware: headers on every response, body size and key checks before a body is read."""

    def __init__(self, app: ASGIApp, *, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = _security_headers(scope["path"])

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []), *(h for h in extra if h[0] not in names)]
            await send(message)

        if scope["method"] in WRITE_METHODS:
            limit = self._body_limit(scope)
            refusal = self._refusal(scope, limit)
            if refusal is not None:
                await refusal(scope, receive, send_with_headers)
                return
            receive = self._limited(receive, limit)
        await self.app(scope, receive, send_with_headers)

    def _refusal(self, scope: Scope, limit: int) -> JSONResponse | None:
        headers = dict(scope["headers"])
        length = headers.get(b"content-length")
        if length is not None:
            try:
                size = int(length)
            except ValueError:
                return JSONResponse({"detail": "Content-Length is not a number"}, status_code=400)
            if size > limit:
                return _too_large(limit)
        if not self._route_needs_key(scope):
            return None
        token = bearer_token(headers.get(b"authorization", b"").decode("latin-1"))
        if token is None:
            return JSONResponse({"detail": MISSING_KEY}, status_code=401, headers=CHALLENGE)
        with app_session(scope["app"]) as session:
            if authenticate(session, key=token) is None:
                return JSONResponse({"detail": UNKNOWN_KEY}, status_code=401, headers=CHALLENGE)
        return None

    def _route_needs_key(self, scope: Scope) -> bool:
        table: list[RouteInfo] = getattr(scope["app"].state, "routes", [])
        method, path = scope["method"], scope["path"]
        return any(info.needs_key for info in table if method in info.methods and info.regex.match(path))

    def _body_limit(self, scope: Scope) -> int:
        """The app's bound on a body, or the route's own when it is tighter (a form, a subscription)."""
        table: list[RouteInfo] = getattr(scope["app"].state, "routes", [])
        method, path = scope["method"], scope["path"]
        limits = [
            info.max_body for info in table if info.max_body and method in info.methods and info.regex.match(path)
        ]
        return min([self.max_body_bytes, *limits])

    def _limited(self, receive: Receive, limit: int) -> Receive:
        seen = 0

        async def receive_limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise HTTPException(status_code=413, detail=_too_large_detail(limit))
            return message

        return receive_limited


def _needs_key(dependant: Any) -> bool:
    return any(getattr(d.call, "needs_key", False) or _needs_key(d) for d in dependant.dependencies)


def body_limit(max_bytes: int) -> Any:
    """A dependency that only declares a route's bound on its body: the guard refuses a larger one (413) by its
    Content-Length, or as soon as a streamed body passes it, before anything reads it."""

    async def declared() -> None:
        return None

    declared.max_body_bytes = max_bytes  # type: ignore[attr-defined]
    return declared


def _max_body(dependant: Any) -> int | None:
    limits = [getattr(d.call, "max_body_bytes", None) for d in dependant.dependencies]
    limits += [_max_body(d) for d in dependant.dependencies]
    found = [limit for limit in limits if limit]
    return min(found) if found else None


def _depends_on(dependant: Any, call: Any) -> bool:
    return any(d.call is call or _depends_on(d, call) for d in dependant.dependencies)


def _too_large_detail(limit: int) -> str:
    if limit < 1_000_000:
        return f"the request body is over {limit // 1024} KB, this form's or request's limit"
    return (
        f"the request body is over {limit / 1_000_000:g} MB (PREDTRACK_MAX_BODY_MB); "
        "split the data into smaller batches"
    )


def _too_large(limit: int) -> JSONResponse:
    return JSONResponse({"detail": _too_large_detail(limit)}, status_code=413)


def sometimes_costly() -> None:
    """Marks a route that calls ``costly_read`` itself only when its answer is not kept (``/scores`` computes a
    track record the first time a ledger version is asked for), so that its 429 is documented like the others'."""


def costly_read(request: Request, session: SessionDep) -> None:
    """Dependency of expensive reads: an anonymous client past its rate gets 429 with Retry-After.

    The token is taken in a transaction of its own (one statement), committed before the handler runs: a read
    that then fails still spent it, and the bucket's row is not locked while the read works.
    """
    token = bearer_token(request.headers.get("authorization"))
    if token is not None and authenticate(session, key=token) is not None:
        return  # a key's holder is known and answerable
    settings = request.app.state.settings
    client = request.client.host if request.client else "unknown"
    with app_session(request.app, commit=True) as bucket_session:
        taken = take_token(
            bucket_session,
            client=client[:100],
            now=request.app.state.clock.now().timestamp(),
            per_minute=settings.rate_limit_per_minute,
            burst=settings.rate_limit_burst,
        )
    if not taken.granted:
        seconds = max(1, math.ceil(taken.wait))
        raise HTTPException(
            status_code=429,
            detail=f"too many expensive requests from this client: retry in {seconds} s, or send an API key",
            headers={"Retry-After": str(seconds)},
        )
