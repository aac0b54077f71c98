"""The dashboard: a claims table, a claim page and the track record, rendered on the server (works offline)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup
from sqlmodel import Session

from forecasts.periods import Frequency, format_period, parse_period, periods_between, shift
from predictions.claims import claims
from predictions.claims.audit_trail import claim_events
from predictions.claims.checks import claim_checks
from predictions.claims.human_forecasts import claim_forecasts
from predictions.claims.orders import ClaimOrders
from predictions.data import catalog, figures
from predictions.data.formula import parse_formula
from predictions.ledger.clock import Clock
from predictions.ledger.errors import LedgerError
from predictions.ledger.kept import KeptByVersion
from predictions.ledger.schemas import MAX_ID, ClaimSort, IndicatorRead, SortOrder
from predictions.ledger.tables import ApiKey, Claim, ClaimStatus, SnapshotKind, Source
from predictions.rescore import ChartState, NoFan, chart_state, claim_chart, first_snapshots
from predictions.rescore.forecasting import indicator_forecast
from predictions.scoring.kept import is_current, kept_track_record
from predictions.scoring.track_record import GroupBy, ScoreGroup
from service.api.deps import SessionDep, get_session
from service.api.fast_reads import warm_connection_count
from service.api.limits import costly_read
from service.api.pagination import ClaimId, SourceId
from service.db import warm_connections
from service.formatting import percent
from service.settings import Settings
from service.templating import bytecode_cache
from service.web.auth import WebKeyDep, csrf_token, load_secret, remember_csrf
from service.web.charts import Band, Chart, Line, calibration_plot, probability_history, render, sparkline

logger = logging.getLogger(__name__)
templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
templates.env.bytecode_cache = bytecode_cache()
templates.env.filters["pct"] = percent
templates.env.filters["figure"] = lambda value, like: figures.format_figure(value, like=like)
router = APIRouter(include_in_schema=False, dependencies=[Depends(load_secret)])
# Observed periods before the forecast on an indicator's own page, and how far its fan reaches by default.
INDICATOR_CONTEXT = {
    Frequency.ANNUAL: 20,
    Frequency.QUARTERLY: 24,
    Frequency.MONTHLY: 60,
    Frequency.WEEKLY: 104,
    Frequency.DAILY: 180,
}
DEFAULT_HORIZON = {
    Frequency.ANNUAL: 6,
    Frequency.QUARTERLY: 8,
    Frequency.MONTHLY: 18,
    Frequency.WEEKLY: 26,
    Frequency.DAILY: 60,
}
BACKTEST_SHOWN = ("mase", "coverage_80", "coverage_95", "origins", "n_errors")
VINTAGE_PERIODS = 36
SOURCE_CLAIMS = 500
FAVICON = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#2357a5"/>'
    '<path d="M6 24 L13 15 L18 19 L26 8" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round"/></svg>'
)
HISTORY_LIMIT = 200
PAGE_SIZE = 50
# Track-record rows a page: each carries a calibration plot (~4 KB), so 30 keep a page near 150 KB.
SCORE_PAGE = 30
MAX_PAGE = MAX_ID // PAGE_SIZE  # a page whose offset fits the database's 64-bit integers, as the API's offset
TREND_POINTS = 20


def page(
    request: Request, name: str, context: dict[str, Any], *, key: ApiKey | None, status_code: int = 200
) -> HTMLResponse:
    """A dashboard page, with who is signed in and this browser's CSRF token for its forms."""
    response = templates.TemplateResponse(
        request, name, {**context, "user": key, "csrf_token": csrf_token(request)}, status_code=status_code
    )
    remember_csrf(request, response)
    if key is not None:  # a signed-in page shows what only its reader may see: no cache keeps it
        response.headers["Cache-Control"] = "no-store"
    return response


@dataclass(frozen=True)
class ClaimsListing:
    """One page of the claims table, as the URL asks for it: the key its rows are kept under."""

    q: str | None = None
    status: ClaimStatus | None = None
    tag: str | None = None
    sort: ClaimSort = ClaimSort.DEADLINE
    order: SortOrder = SortOrder.ASC
    page: int = 1

    def rows(
        self, session: Session, *, orders: ClaimOrders | None = None
    ) -> tuple[list[dict[str, Any]], int, list[tuple[str, int]]]:
        """The page's rows (claim and trend sparkline), how many claims match, and the tags in use (``orders``:
        where the listing's order is kept, see ``list_claim_documents``)."""
        items, total = claims.list_claims(
            session,
            orders=orders,
            q=self.q,
            status=self.status,
            tag=self.tag,
            sort=self.sort,
            order=self.order,
            limit=PAGE_SIZE,
            offset=(self.page - 1) * PAGE_SIZE,
        )
        trends = claims.probability_trends(session, claim_ids=[c.id for c in items], last=TREND_POINTS)
        rows = [{"claim": c, "spark": sparkline(trends.get(c.id, []))} for c in items]
        return rows, total, claims.tags_in_use(session)


@router.get("/", response_class=HTMLResponse)
def claims_page(
    request: Request,
    session: SessionDep,
    key: WebKeyDep,
    q: str | None = Query(None, max_length=200),
    status_text: str | None = Query(None, alias="status", description="A status; empty means any."),
    tag: str | None = Query(None, max_length=100),
    sort: ClaimSort = Query(ClaimSort.DEADLINE),
    order: SortOrder = Query(SortOrder.ASC),
    page_number: int = Query(1, alias="page", ge=1, le=MAX_PAGE),
) -> HTMLResponse:
    """One page of claims: search, filters and sort kept in the URL; status, probability, trend, deadline.

    The rows are kept per ledger version (``app.state.kept_pages``): everything they show bumps it when it
    changes, so a page asked for again at the same version costs a lookup; the first page is kept before anyone
    asks (``keep_first_page``)."""
    q = q.strip() if q and q.strip() else None
    tag = tag or None
    # The filter form sends "status=" for "any": an empty value is no filter, an unknown one a 422.
    try:
        status = ClaimStatus(status_text) if status_text else None
    except ValueError:
        raise HTTPException(
            status_code=422, detail=f"unknown status {status_text!r}: use one of {', '.join(ClaimStatus)}"
        ) from None
    listing = ClaimsListing(q=q, status=status, tag=tag, sort=sort, order=order, page=page_number)
    rows, total, tags = request.app.state.kept_pages.get(
        session, key=listing, compute=partial(listing.rows, orders=request.app.state.claim_orders)
    )
    state = {"q": q, "status": status.value if status else None, "tag": tag, "sort": sort.value, "order": order.value}

    def url(**changes: Any) -> str:
        params = {k: v for k, v in {**state, **changes}.items() if v not in (None, "")}
        if params.get("sort") == ClaimSort.DEADLINE.value:
            params.pop("sort")
        if params.get("order") == SortOrder.ASC.value:
            params.pop("order")
        if params.get("page") == 1:
            params.pop("page")
        return "/" + ("?" + urlencode(params) if params else "")

    pages = max(1, -(-total // PAGE_SIZE))
    context = {
        "rows": rows,
        "total": total,
        "state": state,
        "url": url,
        "page": page_number,
        "pages": pages,
        "first": (page_number - 1) * PAGE_SIZE + 1,
        "last": min(page_number * PAGE_SIZE, total),
        "statuses": list(ClaimStatus),
        "sorts": list(ClaimSort),
        "tags": tags,
    }
    if key is not None:
        return page(request, "claims.html", context, key=key)

    # Every anonymous reader sees the same page (no name, no form token in it): kept rendered, per ledger version.
    def render(_: Session) -> bytes:
        anonymous = {**context, "request": request, "user": None, "csrf_token": None}
        return templates.get_template("claims.html").render(anonymous).encode()

    response = HTMLResponse(request.app.state.kept_pages.get(session, key=("html", listing), compute=render))
    csrf_token(request)  # as on every dashboard page: the browser gets its form token on its first visit
    remember_csrf(request, response)
    return response


@router.get("/claims/{claim_id}", response_class=HTMLResponse)
def claim_page(request: Request, claim_id: ClaimId, session: SessionDep, key: WebKeyDep) -> HTMLResponse:
    """One claim: quote, probability and its history, the indicator's fan chart with the threshold."""
    chart = chart_state(session, claim_id=claim_id)
    if not chart.is_kept:
        costly_read(request, session)  # its chart is drawn now (a forecast), once: rate-limited like other such reads
    state = request.app.state
    return page(
        request,
        "claim.html",
        claim_context(session, claim_id=claim_id, clock=state.clock, settings=state.settings, chart=chart),
        key=key,
    )


def claim_context(
    session: Session, *, claim_id: int, clock: Clock, settings: Settings, chart: ChartState | None = None
) -> dict[str, Any]:
    """What the claim page shows (the researcher forms re-render it with their errors); ``chart``: its
    ``chart_state`` if the caller has just read it.

    Each read below is a round trip to the database (on PostgreSQL on a busy machine, a few milliseconds each),
    so none is made twice: several of them check that the claim or its source exists with ``session.get``, which
    the session's identity map answers without a statement only while the object is referenced (it holds them
    weakly), so the page holds both until it is done."""
    held: list[object] = [session.get(Claim, claim_id)]
    claim = claims.get_claim(session, claim_id=claim_id)
    if claim.source_id:
        held.append(session.get(Source, claim.source_id))
    # Drawn when the claim was re-scored; a claim re-scored before charts were kept has it drawn once, now.
    fan_data = claim_chart(
        session,
        claim_id=claim_id,
        now=clock.now(),
        n_paths=settings.forecast_paths,
        seed=settings.forecast_seed,
        state=chart,
    )
    source = catalog.get_source(session, source_id=claim.source_id) if claim.source_id else None
    history = first_snapshots(session, claim_id=claim_id, limit=HISTORY_LIMIT)
    hindcasts = sum(h.kind == SnapshotKind.HINDCAST for h in history)
    history_chart = render(
        probability_history(
            [(h.at.strftime("%Y-%m-%d"), h.probability, h.kind == SnapshotKind.HINDCAST) for h in history],
            description=f"Probability history: {len(history)} snapshot(s)"
            + (f", {hindcasts} of them hindcasts (dashed)" if hindcasts else "")
            + (f", from {percent(history[0].probability)} to {percent(history[-1].probability)}" if history else ""),
        )
    )
    checks = figures.source_checks(session, source_id=claim.source_id) if claim.source_id else None
    return {
        "claim": claim,
        "source": source,
        "history": list(reversed(history)),
        "history_chart": history_chart,
        "fan": None if fan_data is None else _fan_of(fan_data),
        "checks": checks,
        "forecasts": claim_forecasts(session, claim_id=claim_id),
        "claim_checks": claim_checks(session, claim_id=claim_id),
        "events": claim_events(session, claim_id=claim_id),
        "errors": {},
        "values": {},
    }


@router.get("/track-record", response_class=HTMLResponse)
def track_record_page(
    request: Request,
    session: SessionDep,
    key: WebKeyDep,
    by: GroupBy = Query(GroupBy.METHOD),
    page_number: int = Query(1, alias="page", ge=1, le=1_000_000),
) -> HTMLResponse:
    """Scores per group and method, each with its calibration plot, ``SCORE_PAGE`` rows a page."""
    kept = request.app.state.kept_scores
    if not is_current(session, kept=kept, by=by):
        costly_read(request, session)  # a computation over every resolved claim: rate-limited unless kept
    groups = kept_track_record(session, kept=kept, by=by)
    pages = max(1, -(-len(groups) // SCORE_PAGE))
    rows = _score_rows(groups[(page_number - 1) * SCORE_PAGE : page_number * SCORE_PAGE])
    counts = {}
    if not groups:
        counts = {
            "resolved": sum(
                claims.list_claims(session, status=s, limit=0)[1]
                for s in (ClaimStatus.RESOLVED_TRUE, ClaimStatus.RESOLVED_FALSE)
            ),
            "awaiting": claims.list_claims(session, status=ClaimStatus.AWAITING_RESOLUTION, limit=0)[1],
        }
    return page(
        request,
        "track_record.html",
        {
            "rows": rows,
            "by": by.value,
            "groupings": [g.value for g in GroupBy],
            "counts": counts,
            "page": page_number,
            "pages": pages,
            "total": len(groups),
        },
        key=key,
    )


@router.get("/indicators/{key}", response_class=HTMLResponse)
def indicator_page(request: Request, key: str, session: SessionDep, user: WebKeyDep) -> HTMLResponse:
    """One indicator: its fan chart and backtest, recent values with their vintages, formula, linked claims."""
    indicator = catalog.get_indicator(session, key=key)
    fan = _fan(session, indicator, context=INDICATOR_CONTEXT[indicator.frequency])
    inputs = sorted(parse_formula(indicator.formula).inputs) if indicator.formula else []
    return page(
        request,
        "indicator.html",
        {
            "indicator": indicator,
            "fan": fan,
            "inputs": inputs,
            "vintages": catalog.indicator_vintages(session, key=key, periods=VINTAGE_PERIODS),
            "claims": claims.get_claims(session, claim_ids=indicator.claim_ids),
        },
        key=user,
    )


@router.get("/sources/{source_id}", response_class=HTMLResponse)
def source_page(request: Request, source_id: SourceId, session: SessionDep, key: WebKeyDep) -> HTMLResponse:
    """One source: its claims and the track record of everyone who forecast them."""
    source = catalog.get_source(session, source_id=source_id)
    items, total = claims.list_claims(session, source_id=source_id, limit=SOURCE_CLAIMS)
    return page(
        request,
        "source.html",
        {
            "source": source,
            "claims": items,
            "total": total,
            "scores": _score_rows(
                kept_track_record(session, kept=request.app.state.kept_scores, by=GroupBy.METHOD, source_id=source_id)
            ),
            "checks": figures.source_checks(session, source_id=source_id),
        },
        key=key,
    )


@router.get("/favicon.ico", include_in_schema=False)
@router.get("/favicon.svg", include_in_schema=False)
def favicon() -> Response:
    """The site icon (browsers ask for /favicon.ico whatever the page says)."""
    return Response(FAVICON, media_type="image/svg+xml", headers={"Cache-Control": "public, max-age=86400"})


def _score_rows(groups: list[ScoreGroup]) -> list[dict[str, Any]]:
    return [
        {
            "group": group,
            "plot": calibration_plot(
                [
                    (b.mean_probability, b.observed_frequency, b.n)
                    for b in group.summary.calibration
                    if b.n and b.mean_probability is not None and b.observed_frequency is not None
                ],
                size=180,
            ),
        }
        for group in groups
    ]


@dataclass
class Fan:
    """An indicator's chart with its forecast fan, and what the reader needs to judge the forecast."""

    chart: Markup
    note: str | None = None
    model: str | None = None
    backtest: dict[str, Any] | None = None


# Why a claim's chart has no fan (predictions.rescore.charts.NoFan), in words.
NO_FAN = {
    NoFan.SETTLED: "The observed values already settle the rule: no forecast is needed.",
    NoFan.OBSERVED: "Every period of the rule's window is observed: no forecast is needed.",
    NoFan.BASE_RATE: "The rule's window is beyond the forecast's reach: the claim is scored by its base rate.",
    NoFan.NO_DATA: "This indicator has no data yet.",
    NoFan.NOT_SCORED: "The forecast fan is drawn when the claim is first scored, within seconds of its creation.",
}


def _fan_of(data: dict[str, Any]) -> Fan:
    """The chart of ``data`` (``predictions.rescore.charts.chart_data``'s shape): observed values from period
    ``first`` on, maybe the rule's window and threshold, maybe the forecast's fan."""
    freq = Frequency(data["frequency"])
    first = parse_period(data["first"], freq)
    nan = float("nan")
    observed = [nan if v is None else v for v in data["observed"]]
    labels = [format_period(shift(first, i, freq), freq) for i in range(len(observed))]
    threshold = data.get("threshold")
    threshold_label = f"{data['op']} {threshold:g}" if threshold is not None else ""
    window = data.get("window")
    chart = Chart(
        x_labels=labels,
        lines=[Line(observed, 0, "observed", "observed")],
        threshold=threshold,
        threshold_label=threshold_label,
        shade=(window[0], window[1]) if window else None,
    )
    unit = f" {data['unit']}" if data.get("unit") else ""
    described = f"{data['name']}: observed from {labels[0]}" if labels else f"{data['name']}"
    seen = [i for i, v in enumerate(data["observed"]) if v is not None]
    if seen:
        described += f" to {labels[seen[-1]]} (last value {observed[seen[-1]]:g}{unit})"
    fan, model = data.get("fan"), data.get("model")
    note = NO_FAN.get(data.get("no_fan") or "")
    if fan:
        start = fan["start"]
        q = {k: [nan if v is None else v for v in fan[k]] for k in ("0.05", "0.1", "0.5", "0.9", "0.95")}
        chart.bands = [
            Band(q["0.05"], q["0.95"], start, 0.15, "5-95%"),
            Band(q["0.1"], q["0.9"], start, 0.25, "10-90%"),
        ]
        chart.lines.append(Line(q["0.5"], start, "median", "median forecast", dashed=True))
        described += (
            f"; forecast by {model} to {labels[start + len(q['0.5']) - 1]}: median {q['0.5'][-1]:.3g}{unit}, "
            f"90% interval {q['0.05'][-1]:.3g} to {q['0.95'][-1]:.3g}"
        )
        note = f"Forecast by {model}: shaded bands are the 80% and 90% predictive intervals."
    if threshold is not None:
        described += f"; the claim's threshold is {threshold_label}"
    chart.description = described + "."
    return Fan(chart=render(chart), note=note, model=model)


def _fan(session: Session, indicator: IndicatorRead, *, context: int) -> Fan:
    """Observed values (``context`` periods before the data's end), then the forecast fan (computed on demand,
    cached by the data it used)."""
    freq = indicator.frequency
    if indicator.last_period is None or indicator.first_period is None:
        return Fan(chart=Markup('<p class="muted">No data yet.</p>'), note="This indicator has no data yet.")
    last_observed = parse_period(indicator.last_period, freq)
    end = shift(last_observed, DEFAULT_HORIZON[freq], freq)
    first = max(parse_period(indicator.first_period, freq), shift(last_observed, -context, freq))
    # Only the periods drawn are read, not the indicator's whole history.
    observed: list[float | None] = [None] * (periods_between(first, last_observed, freq) + 1)
    for obs in catalog.observations_since(session, key=indicator.key, since=format_period(first, freq)):
        i = periods_between(first, parse_period(obs.period, freq), freq)
        if 0 <= i < len(observed):
            observed[i] = obs.value
    data: dict[str, Any] = {
        "frequency": freq.value,
        "first": format_period(first, freq),
        "observed": observed + [None] * periods_between(last_observed, end, freq),
        "name": indicator.name,
        "unit": indicator.unit,
    }
    note, backtest = None, None
    try:
        forecast = indicator_forecast(session, key=indicator.key, horizon=periods_between(last_observed, end, freq))
    except LedgerError as exc:
        note = f"No forecast: {exc.detail}"
    else:
        q = [p["quantiles"] for p in forecast.payload["points"]]
        start = len(observed)
        data["fan"] = {"start": start, **{k: [x[k] for x in q] for k in ("0.05", "0.1", "0.5", "0.9", "0.95")}}
        data["model"] = forecast.payload["model"]
        backtest = {k: v for k, v in (forecast.payload.get("backtest") or {}).items() if k in BACKTEST_SHOWN}
    fan = _fan_of(data)
    fan.note = note or fan.note
    fan.backtest = backtest
    return fan


def keep_first_page(app: Any, session: Session) -> int:
    """Keep the claims table's first page (the home page) at the ledger's version; 1 if it was computed now."""
    kept: KeptByVersion[Any] = app.state.kept_pages
    before = kept.computed
    kept.get(session, key=ClaimsListing(), compute=partial(ClaimsListing().rows, orders=app.state.claim_orders))
    return kept.computed - before


def warm_pages(app: Any) -> None:
    """Before the process takes traffic: compile the dashboard's templates and run a claim page's reads once (the
    first view of each page paid for compiling them), and keep the home page's rows."""
    for name in templates.env.list_templates(filter_func=lambda name: name.endswith(".html")):
        templates.env.get_template(name)
    if get_session in app.dependency_overrides:
        return  # tests: requests share the test's transaction, which this must not touch
    try:
        with Session(app.state.engine) as session:
            keep_first_page(app, session)
            first = claims.list_claims(session, limit=1)[0]
            session.rollback()
        if first:
            # On every connection the pages' threads will use (on PostgreSQL, a server process each, whose first
            # statement on each table reads the catalog). A chart drawn here is drawn again by its first reader:
            # each is rolled back, nothing is half-kept.
            page = partial(claim_context, claim_id=first[0].id, clock=app.state.clock, settings=app.state.settings)
            warm_connections(app.state.engine, count=warm_connection_count(app), warm=page)
    except Exception:  # no database yet, say: the first readers do it
        logger.warning("warming the dashboard's pages failed; the first readers will do it", exc_info=True)
