"""The hottest reads, answered before FastAPI routes them: one claim, and any claims query a route has answered.

Why: a cached answer costs ~0.05 ms to look up, but ~0.5 ms of CPU to reach through FastAPI (routing, solving
the dependencies, validating the parameters, two hops to the thread pool). Under load that overhead, not the
ledger, decides the latency (docs/BENCHMARKS.md, "REST API under load").

Still needed with HTTP caching in place: a client's first read of a claim, and every read by a client that keeps
no cache, still pays for it. On a plain `predtrack serve` (one worker, the seed, `python -m
benchmarks.fast_reads_ab`, 2026-12-06) the path answers one cached claim in a median 0.68 ms against 1.38 ms
without it, for 0.28 ms of server CPU against 0.89 ms; ``PREDTRACK_FAST_READS=false`` turns it off to measure.

What it answers, and why the bytes are the route's own:
- ``GET /api/v1/claims/{id}`` with a plain decimal id and no query string: through
  ``routes.claims.claim_answer``, the function the route itself answers with (same cache, same key, same
  computation); an unknown id goes on to the route, which answers 404.
- Any other ``GET`` under ``/api/v1/claims`` whose exact path and query string a route has already answered with
  200 from the read cache: the route noted which question the request asked (``read_cache.QUESTION``), and the
  answer to that question is looked up at the ledger's committed version, as the route would. A route's reading
  of a request never changes; only the answer does, and that is versioned.
Anything else, and every request when reads are private (``PREDTRACK_PRIVATE_READS``: a key must be checked),
goes on to FastAPI unchanged. Every answer is checked against the ledger's version read for that request (or, for
a claim this process has no answer to yet, read by the same statement as the claim), so this is as exact as the
cache: no answer older than the last commit is ever sent. It runs inside ``limits.RequestGuard``, so the security
headers are added as to every other answer.
"""

from __future__ import annotations

import logging
import re
from typing import Any
from urllib.parse import parse_qsl

from fastapi.routing import APIRoute
from sqlmodel import Session
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from predictions.claims import claims
from predictions.ledger.errors import NotFound
from predictions.ledger.repo import committed_version
from predictions.ledger.schemas import MAX_ID
from service.api.deps import app_session, get_session
from service.api.read_cache import QUESTION, ReadCache
from service.api.routes.claims import claim_answer, claim_question, fresh_claim_answer, keep_first_list_pages
from service.db import warm_connections

logger = logging.getLogger(__name__)

CLAIMS = "/api/v1/claims"
_CLAIM = re.compile(r"/api/v1/claims/([1-9][0-9]{0,18})")


class FastReads:
    """ASGI middleware: answers the claims reads it can answer exactly from the read cache; the rest go on."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not scope["path"].startswith(CLAIMS):
            await self.app(scope, receive, send)
            return
        app = scope["app"]
        if app.state.settings.private_reads:
            await self.app(scope, receive, send)
            return
        cache: ReadCache = app.state.read_cache
        request = (scope["path"], scope["query_string"])
        body = await _answer(app, cache, request)
        if body is not None:
            await send({"type": "http.response.start", "status": 200, "headers": _headers(body)})
            await send({"type": "http.response.body", "body": body})
            return
        state = scope.setdefault("state", {})
        status = 0

        async def watching(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        await self.app(scope, receive, watching)
        question = state.get(QUESTION)
        if status == 200 and question is not None and _canonical(scope.get("route"), request[1]):
            cache.remember(request, question)


MAX_QUERY_BYTES = 4096


def _canonical(route: Any, query: bytes) -> bool:
    """Whether a query string names only parameters of the route that answered, each once, in a bounded size.

    Only such requests are remembered: junk parameters make endless distinct requests that ask one question (300
    requests with unique 60 KB junk grew a process by 17.7 MB).
    """
    if len(query) > MAX_QUERY_BYTES or not isinstance(route, APIRoute):
        return False
    names = [name for name, _ in parse_qsl(query.decode("latin-1"), keep_blank_values=True)]
    return len(names) == len(set(names)) and set(names) <= _query_names(route)


def _query_names(route: APIRoute) -> frozenset[str]:
    names: frozenset[str] | None = getattr(route, "query_names", None)
    if names is None:  # worked out once per route, and kept on it
        names = frozenset(_names(route.dependant))
        route.query_names = names  # type: ignore[attr-defined]
    return names


def _names(dependant: Any) -> set[str]:
    """The query parameters of a route's dependant and of all its dependencies."""
    names = {param.alias for param in dependant.query_params}
    for dependency in dependant.dependencies:
        names |= _names(dependency)
    return names


async def _answer(app: Any, cache: ReadCache, request: tuple[str, bytes]) -> bytes | None:
    """The answer the route would give ``request``, if it can be had exactly without the route, else None.

    Everything runs inline, on the event loop: the version on a kept autocommit connection (one primary-key lookup),
    and an uncached claim at that version (one statement of indexed lookups, ~0.7 ms; on PostgreSQL on an autocommit
    connection without a ping, ``service.db.read_engine``). A claim this process holds no answer for at all skips
    the separate version read: one statement reads the claim and the version together, and the answer is kept at
    that version (under load most claims are first reads: the caches are per process). The loop waits meanwhile, but
    the hop to the thread pool and the threads' contention for the GIL cost more than the waits they would hide:
    with 50 clients at 500 requests/s on PostgreSQL, one uncached claim took a median of 19 ms and a p99 of 170 ms
    from the thread pool, 4 ms and 35 ms inline (docs/BENCHMARKS.md). Several workers keep the CPU busy.
    """
    question = cache.question(request)
    claim_id = _claim_id(request)
    if claim_id is not None:
        question = claim_question(claim_id)
    if question is None:
        return None
    try:
        overridden = get_session in app.dependency_overrides
        if claim_id is not None and not overridden and not cache.holds(question):
            # A claim this process has never answered: the answer and the version it holds at, in one statement.
            with app.state.read_engine.connect() as connection, Session(bind=connection) as session:
                return fresh_claim_answer(session, cache, claim_id)
        version = _test_version(app) if overridden else app.state.committed_versions.read()
        found = cache.cached(question, version)
        if found is not None or claim_id is None:
            return found
        if overridden:
            with app_session(app) as session:
                return claim_answer(session, cache, claim_id)
        with app.state.read_engine.connect() as connection, Session(bind=connection) as session:
            return claim_answer(session, cache, claim_id, version=version)
    except NotFound:
        return None  # the route answers 404, with its detail
    except Exception:  # the route will meet the same problem and answer it in the error model's terms
        logger.exception("fast read of %s failed; the route answers instead", request[0])
        return None


def _test_version(app: Any) -> int:
    """Tests share one transaction among requests (an override of ``get_session``): the version it sees."""
    with app_session(app) as session:
        version = committed_version(session)
    return -1 if version is None else version  # -1: uncommitted writes, which no cached answer holds


def _claim_id(request: tuple[str, bytes]) -> int | None:
    path, query = request
    match = _CLAIM.fullmatch(path)
    if match is None or query:
        return None
    claim_id = int(match.group(1))
    return claim_id if claim_id <= MAX_ID else None


def _headers(body: bytes) -> list[tuple[bytes, bytes]]:
    """The headers of the routes' ``JSONBytes`` answers (content-length, then content-type)."""
    return [(b"content-length", str(len(body)).encode()), (b"content-type", b"application/json")]


def warm_up(app: Any) -> None:
    """Before a new process takes traffic: open the version connection and compile the claims reads on both
    engines. Without it the first second of load queued behind each worker's first compilations, which set
    the p99 of a 15 s run. A failure (no database yet, say) is logged and the process starts all the same.

    On PostgreSQL it also opens the connections that load would open at once (``warm_connection_count``), each
    running the claims reads once, and as many version connections for the request sessions (``page_versions``):
    a new connection is a new server process whose first statement on each table reads the catalog.

    It also keeps the default listing's pages (``routes.claims.keep_first_list_pages``).

    The version connections are opened first: they come from the fast reads' pool and stay checked out, and
    opened after the warm ones they took those, which left the fast reads' pool with none idle. The event loop's
    first uncached claim then opened a cold connection inline, and every request of the worker waited for it."""
    if get_session in app.dependency_overrides:
        return  # tests: requests share the test's transaction, which this must not touch
    try:
        count = warm_connection_count(app)
        app.state.committed_versions.keep_open(1)
        app.state.page_versions.keep_open(count)
        for engine in {app.state.engine, app.state.read_engine}:
            warm_connections(engine, count=min(count, _room(engine)), warm=claims.warm_reads)
        with Session(app.state.read_engine) as session:
            keep_first_list_pages(app, session)
    except Exception:
        logger.warning("warming the claims reads failed; the first requests will do it", exc_info=True)


def _room(engine: Any) -> int:
    """How many connections ``engine``'s pool can still lend at once without overflowing (opening them all at
    once past that would wait for the pool's timeout); a pool without a size (SQLite in memory) lends one."""
    pool = engine.pool
    if not hasattr(pool, "size") or not hasattr(pool, "checkedout"):
        return 1
    return max(0, int(pool.size()) - int(pool.checkedout()))


def warm_connection_count(app: Any) -> int:
    """How many connections of each pool to open before traffic: on PostgreSQL one per route thread and one for
    the event loop (bounded by the pool's size), elsewhere one (SQLite opens a file: nothing to warm)."""
    if app.state.engine.dialect.name != "postgresql":
        return 1
    settings = app.state.settings
    return max(1, min(settings.threads + 1, settings.db_pool_size))
