"""The dashboard: a claims table, a claim page and the track record, rendered on the server (works offline)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from sqlmodel import Session

from forecasts.periods import format_period, parse_period, periods_between, shift
from predictions import catalog, claims
from predictions.errors import LedgerError
from predictions.forecasting import indicator_forecast
from predictions.rescore import claim_history
from predictions.schemas import ClaimRead
from predictions.tables import ClaimStatus
from predictions.track_record import GroupBy, track_record
from service.api.deps import SessionDep
from service.web.charts import Band, Chart, Line, calibration_plot, percent, render, sparkline

logger = logging.getLogger(__name__)
templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
templates.env.filters["pct"] = percent
router = APIRouter(include_in_schema=False)
# Observed periods shown before the rule's window, so the reader sees the indicator's recent path.
CONTEXT_PERIODS = 36
HISTORY_LIMIT = 200
TREND_POINTS = 20


@router.get("/", response_class=HTMLResponse)
def claims_page(request: Request, session: SessionDep, status: ClaimStatus | None = Query(None)) -> HTMLResponse:
    """Every claim with its status, probability, trend and deadline."""
    items, total = claims.list_claims(session, status=status, limit=1000)
    trends = claims.probability_trends(session, claim_ids=[c.id for c in items], last=TREND_POINTS)
    rows = [{"claim": c, "spark": sparkline(trends.get(c.id, []))} for c in items]
    return templates.TemplateResponse(
        request,
        "claims.html",
        {"rows": rows, "total": total, "status": status.value if status else None, "statuses": list(ClaimStatus)},
    )


@router.get("/claims/{claim_id}", response_class=HTMLResponse)
def claim_page(request: Request, claim_id: int, session: SessionDep) -> HTMLResponse:
    """One claim: quote, probability and its history, the indicator's fan chart with the threshold."""
    claim = claims.get_claim(session, claim_id=claim_id)
    source = catalog.get_source(session, source_id=claim.source_id) if claim.source_id else None
    history, _ = claim_history(session, claim_id=claim_id, limit=HISTORY_LIMIT, offset=0)
    history_chart = render(
        Chart(
            x_labels=[h.at.strftime("%Y-%m-%d") for h in history],
            lines=[Line([h.probability for h in history], 0, "prob", "probability")],
            y_range=(0.0, 1.0),
            height=180,
        )
    )
    indicator_chart, forecast_note = _indicator_chart(session, claim)
    return templates.TemplateResponse(
        request,
        "claim.html",
        {
            "claim": claim,
            "source": source,
            "history": list(reversed(history)),
            "history_chart": history_chart,
            "indicator_chart": indicator_chart,
            "forecast_note": forecast_note,
        },
    )


@router.get("/track-record", response_class=HTMLResponse)
def track_record_page(request: Request, session: SessionDep, by: GroupBy = Query(GroupBy.METHOD)) -> HTMLResponse:
    """Scores per group and method, each with its calibration plot."""
    rows = [
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
        for group in track_record(session, by=by)
    ]
    return templates.TemplateResponse(
        request, "track_record.html", {"rows": rows, "by": by.value, "groupings": [g.value for g in GroupBy]}
    )


def _indicator_chart(session: Session, claim: ClaimRead) -> tuple[Any, str | None]:
    if claim.rule is None:
        return None, None
    indicator = catalog.get_indicator(session, key=claim.rule.indicator)
    observed, _ = catalog.list_observations(session, key=indicator.key, as_of=None, limit=100_000, offset=0)
    freq = indicator.frequency
    window_start = parse_period(claim.rule.window_start, freq)
    window_end = parse_period(claim.rule.window_end, freq)
    if observed:
        first = min(parse_period(observed[0].period, freq), window_start)
        last_observed = parse_period(observed[-1].period, freq)
        first = max(first, shift(min(last_observed, window_start), -CONTEXT_PERIODS, freq))
    else:
        first, last_observed = window_start, None
    horizon = periods_between(last_observed, window_end, freq) if last_observed else 0
    end = max(window_end, last_observed) if last_observed else window_end
    n = periods_between(first, end, freq) + 1
    labels = [format_period(shift(first, i, freq), freq) for i in range(n)]
    values = [float("nan")] * n
    for obs in observed:
        i = periods_between(first, parse_period(obs.period, freq), freq)
        if 0 <= i < n:
            values[i] = obs.value
    chart = Chart(
        x_labels=labels,
        lines=[Line(values, 0, "observed", "observed")],
        threshold=claim.rule.threshold,
        threshold_label=f"{claim.rule.op.value} {claim.rule.threshold:g}",
        shade=(periods_between(first, window_start, freq), periods_between(first, window_end, freq)),
    )
    note = None
    if horizon > 0 and last_observed is not None:
        try:
            forecast = indicator_forecast(session, key=indicator.key, horizon=horizon).payload
        except LedgerError as exc:
            note = f"No forecast: {exc.detail}"
        else:
            start = periods_between(first, last_observed, freq) + 1
            points = forecast["points"]
            q = [{k: p["quantiles"][k] for k in p["quantiles"]} for p in points]
            chart.bands = [
                Band([x["0.05"] for x in q], [x["0.95"] for x in q], start, 0.15, "5-95%"),
                Band([x["0.1"] for x in q], [x["0.9"] for x in q], start, 0.25, "10-90%"),
            ]
            chart.lines.append(Line([x["0.5"] for x in q], start, "median", "median forecast", dashed=True))
            note = f"Forecast by {forecast['model']}: shaded bands are the 80% and 90% predictive intervals."
    elif not observed:
        note = "This indicator has no data yet."
    return render(chart), note
