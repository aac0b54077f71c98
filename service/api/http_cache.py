"""HTTP caching of reads: a strong ``ETag`` on every successful read, ``If-None-Match`` answered with 304, and a
``Cache-Control`` that says who may keep the answer and for how long.

The policy, in one place (``cache_control``):
- **Public reads** (the API and the Atom feed, asked without a key): ``public, no-cache``. Any cache may store the
  answer, and must revalidate it before reusing it: a read is never served older than the last commit (the read
  cache's promise, ``service.api.read_cache``), and revalidating costs the client one round trip and a 304 with
  no body.
- **Dashboard pages** for a reader who is not signed in: ``private, no-cache``. The page carries this browser's
  CSRF token, so it is never stored by a shared cache.
- **Anything personal**: a request with ``Authorization``, or with the dashboard's session cookie, any answer
  that sets a cookie, and the subscription links from emails (they act): ``private, no-store``, and no ETag
  (nothing is kept, so nothing is revalidated).
- Errors, redirects and writes: left as the route made them.

**The ETag** is the BLAKE2b digest of the exact bytes sent, so it is strong (RFC 9110 §8.8.1: same tag, same
bytes) whatever made the answer, including ``service.api.fast_reads``, which answers before FastAPI does: this
middleware wraps it. It changes exactly when the bytes do, so it changes after every write a read can see; an
answer that only reads from caches keyed on the ledger's version (claims, scores, the feed) costs a lookup and a
hash to revalidate. A route may set its own ``ETag``; it is kept and compared.
"""

from __future__ import annotations

import hashlib

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.web.auth import SESSION_COOKIE

READS = frozenset({"GET", "HEAD"})
PUBLIC = b"public, no-cache"
BROWSER_ONLY = b"private, no-cache"
PERSONAL = b"private, no-store"
# Answers larger than this are sent as they come (exports stream): no ETag, no 304, still a Cache-Control.
MAX_HASHED_BYTES = 8_000_000
_SHARED_PREFIXES = ("/api/", "/feeds/", "/openapi.json")
# Links from emails act on a subscription (GET, so that one click works): their answers are nobody else's.
_ACTION_PREFIXES = ("/api/v1/subscriptions/", "/api/v1/unsubscribe")


def strong_etag(body: bytes) -> bytes:
    """The strong entity tag of ``body`` (quoted, as the header carries it)."""
    return b'"' + hashlib.blake2b(body, digest_size=16).hexdigest().encode() + b'"'


def personal(scope: Scope) -> bool:
    """Whether the request carries a key or a dashboard session: its answers are never stored."""
    for name, value in scope["headers"]:
        if name == b"authorization":
            return True
        if name == b"cookie" and SESSION_COOKIE.encode() + b"=" in value:
            return True
    return False


def cache_control(scope: Scope, headers: list[tuple[bytes, bytes]]) -> bytes:
    """The Cache-Control of a successful read (see the module docstring)."""
    if personal(scope) or any(name.lower() == b"set-cookie" for name, _ in headers):
        return PERSONAL
    if scope["path"].startswith(_ACTION_PREFIXES):
        return PERSONAL
    return PUBLIC if scope["path"].startswith(_SHARED_PREFIXES) else BROWSER_ONLY


def matches(if_none_match: bytes, etag: bytes) -> bool:
    """RFC 9110 §13.1.2: ``*`` or any listed tag equal under the weak comparison."""
    if if_none_match.strip() == b"*":
        return True
    bare = etag.removeprefix(b"W/")
    return any(tag.strip().removeprefix(b"W/") == bare for tag in if_none_match.split(b","))


class HttpCaching:
    """ASGI middleware: ETag, 304 and Cache-Control on successful GET and HEAD answers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in READS:
            await self.app(scope, receive, send)
            return
        start: Message | None = None
        chunks: list[bytes] = []
        size = 0
        passing = False  # not held back: an error, a personal answer, or too large to hash

        async def caching(message: Message) -> None:
            nonlocal start, size, passing
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                if message["status"] != 200:
                    passing = True
                    await send(message)
                    return
                control = _header(headers, b"cache-control") or cache_control(scope, headers)
                if not _has(headers, b"cache-control"):
                    headers.append((b"cache-control", control))
                message = {**message, "headers": headers}
                if b"no-store" in control or scope["method"] == "HEAD":  # a HEAD's empty body has no tag of its own
                    passing = True
                    await send(message)
                    return
                start = message
                return
            if message["type"] != "http.response.body" or passing:
                await send(message)
                return
            assert start is not None
            body = message.get("body", b"")
            size += len(body)
            if size > MAX_HASHED_BYTES:  # give up on the tag: send what was held back, then stream the rest
                passing = True
                await send(start)
                for chunk in chunks:
                    await send({"type": "http.response.body", "body": chunk, "more_body": True})
                chunks.clear()
                await send(message)
                return
            chunks.append(body)
            if message.get("more_body", False):
                return
            await self._finish(scope, start, b"".join(chunks), send)

        await self.app(scope, receive, caching)

    async def _finish(self, scope: Scope, start: Message, body: bytes, send: Send) -> None:
        headers = start["headers"]
        etag = _header(headers, b"etag")
        if etag is None:
            etag = strong_etag(body)
            headers.append((b"etag", etag))
        asked = _request_header(scope, b"if-none-match")
        if asked is not None and matches(asked, etag):
            # RFC 9110 §15.4.5: a 304 carries the validators and Cache-Control the 200 would have, and no body.
            kept = [(name, value) for name, value in headers if name.lower() in _KEPT_ON_304]
            await send({"type": "http.response.start", "status": 304, "headers": kept})
            await send({"type": "http.response.body", "body": b""})
            return
        await send({**start, "headers": headers})
        await send({"type": "http.response.body", "body": body})


_KEPT_ON_304 = frozenset({b"etag", b"cache-control", b"vary", b"content-location", b"date", b"expires"})


def _has(headers: list[tuple[bytes, bytes]], name: bytes) -> bool:
    return any(key.lower() == name for key, _ in headers)


def _header(headers: list[tuple[bytes, bytes]], name: bytes) -> bytes | None:
    return next((value for key, value in headers if key.lower() == name), None)


def _request_header(scope: Scope, name: bytes) -> bytes | None:
    return next((value for key, value in scope["headers"] if key == name), None)
