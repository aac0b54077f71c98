"""The FastAPI application: routers under /api/v1, the dashboard at /, one error mapping."""

from __future__ import annotations

import logging
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import timedelta
from functools import partial
from typing import Any

import anyio
import anyio.to_thread
from fastapi import APIRouter, Depends, FastAPI
from fastapi_offline import FastAPIOffline
from sqlalchemy.engine import Engine
from sqlmodel import Session

from predictions.claims.orders import ClaimListing, ClaimOrders
from predictions.extract import intake
from predictions.ledger.clock import Clock, SystemClock
from predictions.ledger.kept import KeptByVersion
from predictions.ledger.repo import CommittedVersions
from predictions.rescore import RecomputeCache
from predictions.scoring.kept import KeptScores
from service.api import metrics, openapi
from service.api.auth import reader
from service.api.deps import get_session
from service.api.errors import install_error_handlers
from service.api.fast_reads import FastReads, warm_up
from service.api.http_cache import HttpCaching
from service.api.limits import RequestGuard, route_table
from service.api.metrics import RequestMetrics
from service.api.read_cache import ReadCache
from service.api.routes import (
    audit,
    claims,
    digest,
    export,
    extract,
    forecast,
    health,
    indicators,
    ingest,
    keys,
    rescore,
    resolutions,
    scores,
    sources,
    subscriptions,
)
from service.api.score_keeper import ScoreKeeper
from service.digest.sender import EmailSender, SmtpSender
from service.settings import Settings, get_settings
from service.web import actions
from service.web import intake as intake_pages
from service.web import views as dashboard
from service.web.views import keep_first_page, warm_pages

logger = logging.getLogger(__name__)
API_PREFIX = "/api/v1"
# Each area adds its router module here.
ROUTE_MODULES = (
    sources,
    claims,
    indicators,
    forecast,
    ingest,
    resolutions,
    scores,
    rescore,
    audit,
    subscriptions,
    digest,
    keys,
    export,
    extract,
)


def match_every_route(app: FastAPI) -> None:
    """Walk every route once, as a request for no page does: FastAPI builds an included router's routes (their
    dependencies and models) when a request first walks them, which cost each process's first request ~150 ms."""
    for path in ("/", f"{API_PREFIX}/"):
        scope = {"type": "http", "method": "GET", "path": path + "-", "root_path": "", "headers": [], "app": app}
        for route in app.router.routes:
            route.matches(scope)


# How long a thread may hold the GIL while another waits for it (Python's default: 5 ms). The fast reads run on the
# event loop and give the GIL up at every database call; each time, a thread rendering a page kept it for up to
# the whole interval, so one uncached claim read waited ~5 ms a statement behind the pages.
SWITCH_INTERVAL_SECONDS = 0.001


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    match_every_route(app)
    # Under the GIL the pages' threads only take turns: a few, and short turns, keep the event loop answering. With
    # anyio's 40 threads and the 5 ms interval, 100 mixed requests/s on the 10,000-claim ledger (2 workers, 2 CPUs)
    # had a p99 of 14 s; with 8 threads and 1 ms, 0.4 s (docs/deploy.md, "Readers at scale").
    settings = app.state.settings
    anyio.to_thread.current_default_thread_limiter().total_tokens = settings.threads
    # Ending a request's session (its commit) has threads of its own, as many as the connections it can hold.
    app.state.ending_threads = anyio.CapacityLimiter(settings.db_pool_size + settings.db_max_overflow)
    switch_interval = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_INTERVAL_SECONDS)
    warm_up(app)
    keeper = None
    if app.state.settings.scores_refresh_seconds and get_session not in app.dependency_overrides:
        keeper = ScoreKeeper(
            engine=app.state.engine,
            kept=app.state.kept_scores,
            every_seconds=app.state.settings.scores_refresh_seconds,
            also=[partial(keep_feed, app), partial(keep_claim_order, app), partial(keep_first_page, app)],
        )
        # Before the process takes traffic (uvicorn accepts once startup is done): no first reader waits for it.
        try:
            await anyio.to_thread.run_sync(keeper.run_once)
        except Exception:  # a database hiccup: the keeper's thread tries again, readers compute on demand
            logger.warning("keeping the track records at start failed", exc_info=True)
        keeper.start()
    warm_pages(app)
    intake.warm_up()  # the extraction workers start warming now, not in the first POST /extract
    yield
    if keeper is not None:
        keeper.stop()
    app.state.committed_versions.close()  # the connection the read cache's version checks kept
    app.state.page_versions.close()
    if app.state.read_engine is not app.state.engine:
        app.state.read_engine.dispose()
    sys.setswitchinterval(switch_interval)


def keep_claim_order(app: FastAPI, session: Session) -> int:
    """Sort the default claims listing (every claim, by deadline) at the ledger's version, if not kept yet: each
    page of ``/api/v1/claims`` is then a slice of it (without this, a new worker's first pages each sorted all
    the claims, and a write left the next reader to sort them again); 1 if it was sorted now."""
    orders = app.state.claim_orders
    before = orders.computed
    orders.ids(session, listing=ClaimListing())
    return int(orders.computed - before)


def keep_feed(app: FastAPI, session: Session) -> int:
    """Build the changes feed of this minute, and in its last quarter the next minute's, if not kept yet (the feed
    is kept per minute: without this, the first reader of every minute paid for building it)."""
    now = app.state.clock.now()
    minute = now.replace(second=0, microsecond=0)
    minutes = [minute] + ([minute + timedelta(minutes=1)] if now.second >= 45 else [])
    before = app.state.kept_feeds.computed
    for at in minutes:
        digest.kept_changes_feed(app, session, tags=[], minute=at)
    return int(app.state.kept_feeds.computed - before)


def create_app(
    *,
    engine: Engine | None = None,
    settings: Settings | None = None,
    clock: Clock | None = None,
    email_sender: Callable[[], EmailSender] | None = None,
) -> FastAPI:
    """Build the app; ``engine``, ``clock`` and ``email_sender`` (a factory) are injectable for tests."""
    settings = settings or get_settings()
    # fastapi-offline serves Swagger UI's and ReDoc's assets from the installed package: /docs needs no CDN.
    app = FastAPIOffline(
        title="predtrack",
        version="0.1.0",
        description="Predictions as resolvable claims, forecast indicators, and honest scores.",
        openapi_url="/openapi.json",
        lifespan=_lifespan,
    )
    set_state(app, engine=engine, settings=settings, clock=clock, email_sender=email_sender)
    install_error_handlers(app)
    # Inside the guard (added later, so outer): fast answers get the security headers like every other.
    if settings.fast_reads:
        app.add_middleware(FastReads)
    # Outside the fast reads, so that their answers get an ETag and a 304 like every other read.
    app.add_middleware(HttpCaching)
    app.add_middleware(RequestGuard, max_body_bytes=int(settings.max_body_mb * 1_000_000))
    app.add_middleware(RequestMetrics)  # outermost: its time covers everything done for the request
    app.include_router(health.router, prefix=API_PREFIX)
    # Links from emails carry their own signed token, and mail providers POST one-click unsubscribes keyless.
    app.include_router(subscriptions.public, prefix=API_PREFIX)
    # Every other route answers only to readers when PREDTRACK_PRIVATE_READS is set.
    api = APIRouter(prefix=API_PREFIX, dependencies=[Depends(reader)])
    for module in ROUTE_MODULES:
        api.include_router(module.router)
    app.include_router(api)
    app.include_router(digest.feeds, dependencies=[Depends(reader)])
    app.include_router(metrics.router, dependencies=[Depends(reader)])
    # The dashboard's pages check the session cookie themselves (service.web.auth.web_reader).
    app.include_router(actions.router)
    app.include_router(intake_pages.router)
    app.include_router(dashboard.router)
    app.state.routes = route_table(
        [(API_PREFIX, module.router) for module in (health, *ROUTE_MODULES)]
        + [
            (API_PREFIX, subscriptions.public),
            ("", digest.feeds),
            ("", metrics.router),
            ("", actions.router),
            ("", intake_pages.router),
            ("", dashboard.router),
        ]
    )
    openapi.install(app)
    return app


def set_state(
    app: FastAPI,
    *,
    engine: Engine | None,
    settings: Settings,
    clock: Clock | None,
    email_sender: Callable[[], EmailSender] | None,
) -> None:
    """Give ``app`` its state: settings, engines, clock and empty caches (everything but its routes).

    ``create_app`` calls it once. The tests' ``client`` fixture calls it again on an app it built for an earlier
    test with equal settings, after emptying ``app.state``: building the routes costs ~0.1 s of CPU per app, paid
    by 260 tests.
    """
    from service.db import get_engine, read_engine

    app.state.settings = settings
    app.state.engine = engine or get_engine(settings.database_url)
    app.state.clock = clock or SystemClock()
    app.state.email_sender = email_sender or (lambda: SmtpSender.from_settings(settings))
    # The dashboard's cookie secret: PREDTRACK_SECRET_KEY, else the database's (loaded on the first request).
    app.state.session_secret = settings.secret_key.get_secret_value() if settings.secret_key else None
    app.state.read_cache = ReadCache()
    app.state.kept_scores = KeptScores()
    app.state.kept_feeds = KeptByVersion[bytes](max_keys=64)
    app.state.kept_pages = KeptByVersion[Any](max_keys=64)  # the claims table's pages (service.web.views)
    app.state.claim_orders = ClaimOrders()  # the claims listings' orders: a page is a slice (list_claims)
    app.state.recompute_cache = RecomputeCache(max_keys=10_000)
    # At most PREDTRACK_DB_POOL_SIZE connections more per process: fast reads wait for one rather than open more.
    app.state.read_engine = read_engine(app.state.engine, pool_size=settings.db_pool_size, max_overflow=0)
    app.state.committed_versions = CommittedVersions(app.state.read_engine)
    # The request sessions' (predictions.ledger.repo.committed_version): one connection per route thread at most,
    # never more than half the read pool, which the event loop's reads must always find room in, and never the
    # last connection beside the fast reads' own version connection (with a pool of 2 the two version readers
    # took both, and the start's first read waited out the pool's 30 s timeout); with none, sessions read it.
    app.state.page_versions = CommittedVersions(
        app.state.read_engine,
        most=max(0, min(settings.threads + 1, settings.db_pool_size // 2, settings.db_pool_size - 2)),
    )
