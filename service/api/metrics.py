"""``GET /metrics``: Prometheus text for operators (prometheus-client, the reference client library).

What it exposes:
- ``predtrack_http_requests_total{method,route,status}`` and ``predtrack_http_request_duration_seconds{method,
  route}`` (a histogram), by route *template* (``/api/v1/claims/{claim_id}``, never the raw path, so the label
  set stays bounded; a path no route knows is ``unmatched``). Counted by ``RequestMetrics``, the outermost
  middleware, so the time covers everything the service does for the request.
- Read from the database at scrape time, so every replica reports the same ledger-wide figures:
  ``predtrack_outbox_depth`` (re-score requests not done yet) and ``predtrack_outbox_oldest_pending_seconds``;
  ``predtrack_rescore_lag_seconds{stat="mean|max"}`` over the requests done in the last hour, from the data
  arriving (the request is written in the same transaction as the data) to the new probability being written;
  ``predtrack_source_sync_failing`` (indicators whose last fetch failed); ``predtrack_digest_deliveries{status}``.

Several processes: the request metrics are per process unless ``PROMETHEUS_MULTIPROC_DIR`` names a directory
(``predtrack serve --workers N`` makes one), in which case prometheus-client's multiprocess mode adds up every
worker's (https://prometheus.github.io/client_python/multiprocess/).
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from datetime import timedelta

import sqlalchemy as sa
from fastapi import APIRouter, Request
from fastapi.responses import Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy.engine import Engine
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from predictions.ledger.clock import Clock
from predictions.ledger.tables import DigestDelivery, Indicator, RescoreRequest
from service.api.limits import RouteInfo

router = APIRouter(tags=["operations"], include_in_schema=False)

# The multiprocess directory is prometheus-client's own setting, read by the library when it is imported.
MULTIPROCESS_ENV = "PROMETHEUS_MULTIPROC_DIR"
LAG_WINDOW = timedelta(hours=1)
BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

REQUESTS = Counter("predtrack_http_requests", "HTTP requests answered.", ["method", "route", "status"])
LATENCY = Histogram(
    "predtrack_http_request_duration_seconds", "Time to answer an HTTP request.", ["method", "route"], buckets=BUCKETS
)
# Answers made before FastAPI routes the request (service.api.fast_reads) name their template here.
_FAST = [
    (re.compile(r"/api/v1/claims/[0-9]+"), "/api/v1/claims/{claim_id}"),
    (re.compile(r"/api/v1/claims"), "/api/v1/claims"),
]


def route_template(scope: Scope) -> str:
    """The template of the route that answered, or of the fast read, else ``unmatched``."""
    route = getattr(scope.get("route"), "path", None)
    if isinstance(route, str):
        # FastAPI names the route without the prefixes it was included under: find it in the app's table.
        table: list[RouteInfo] = getattr(scope["app"].state, "routes", [])
        for info in table:
            if info.template.endswith(route) and info.regex.match(scope["path"]):
                return info.template
        return route
    for pattern, template in _FAST:
        if pattern.fullmatch(scope["path"]):
            return template
    return "unmatched"


class RequestMetrics:
    """ASGI middleware: counts and times every HTTP request by method, route template and status."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        statuses: list[int] = []  # the status sent, if any (none: the app failed before answering, counted 500)

        async def counting(message: Message) -> None:
            if message["type"] == "http.response.start":
                statuses.append(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, counting)
        finally:
            route = route_template(scope)
            REQUESTS.labels(scope["method"], route, str(statuses[0] if statuses else 500)).inc()
            LATENCY.labels(scope["method"], route).observe(time.perf_counter() - started)


class LedgerCollector(Collector):
    """Figures read from the database at each scrape (a handful of indexed counts)."""

    def __init__(self, engine: Engine, clock: Clock) -> None:
        self.engine = engine
        self.clock = clock

    def collect(self) -> Iterator[GaugeMetricFamily]:
        now = self.clock.now()
        pending = sa.select(sa.func.count(), sa.func.min(RescoreRequest.requested_at)).where(
            RescoreRequest.done_at.is_(None)  # type: ignore[union-attr]
        )
        done = sa.select(RescoreRequest.requested_at, RescoreRequest.done_at).where(
            RescoreRequest.done_at >= now - LAG_WINDOW  # type: ignore[operator]
        )
        failing = sa.select(sa.func.count()).where(
            Indicator.last_fetch_error_at.is_not(None),  # type: ignore[union-attr]
            sa.or_(
                Indicator.last_fetched_at.is_(None),  # type: ignore[union-attr]
                Indicator.last_fetch_error_at > Indicator.last_fetched_at,  # type: ignore[operator]
            ),
        )
        deliveries = sa.select(DigestDelivery.status, sa.func.count()).group_by(DigestDelivery.status)
        with self.engine.connect() as connection:
            depth, oldest = connection.execute(pending).one()
            lags = [(d - r).total_seconds() for r, d in connection.execute(done).all() if r and d]
            failing_now = connection.execute(failing).scalar_one()
            sent = connection.execute(deliveries).all()
        yield GaugeMetricFamily("predtrack_outbox_depth", "Re-score requests not done yet.", value=depth)
        oldest_seconds = (now - oldest).total_seconds() if oldest is not None else 0.0
        yield GaugeMetricFamily(
            "predtrack_outbox_oldest_pending_seconds", "Age of the oldest pending re-score request.", oldest_seconds
        )
        lag = GaugeMetricFamily(
            "predtrack_rescore_lag_seconds",
            "New data to new probability, over the re-score requests done in the last hour.",
            labels=["stat"],
        )
        lag.add_metric(["mean"], sum(lags) / len(lags) if lags else 0.0)
        lag.add_metric(["max"], max(lags, default=0.0))
        lag.add_metric(["count"], len(lags))
        yield lag
        yield GaugeMetricFamily(
            "predtrack_source_sync_failing", "Indicators whose last fetch from their source failed.", failing_now
        )
        digests = GaugeMetricFamily("predtrack_digest_deliveries", "Digest deliveries by status.", labels=["status"])
        for status, count in sent:
            digests.add_metric([str(getattr(status, "value", status))], count)
        yield digests


def exposition(engine: Engine, clock: Clock) -> bytes:
    """The metrics in Prometheus text format: this process's (or every worker's) requests and the ledger's."""
    registry = CollectorRegistry()
    if os.environ.get(MULTIPROCESS_ENV):
        from prometheus_client import multiprocess

        multiprocess.MultiProcessCollector(registry)
    else:
        registry.register(REQUESTS)
        registry.register(LATENCY)
    registry.register(LedgerCollector(engine, clock))
    return generate_latest(registry)


@router.get("/metrics")
def metrics(request: Request) -> Response:
    """Prometheus text (see the module docstring); private like every read under PREDTRACK_PRIVATE_READS."""
    body = exposition(request.app.state.engine, request.app.state.clock)
    return Response(body, media_type=CONTENT_TYPE_LATEST, headers={"Cache-Control": "no-store"})
