"""The claim page's indicator chart, drawn when the claim is re-scored and kept (``ClaimChart``), so that a reader
opening the page costs a lookup, not a forecast.

What is kept is the chart's numbers, not its picture (drawing is the dashboard's): the indicator's observed values
from ``CONTEXT_PERIODS`` before the rule's window (or the data's end) to the window's end, the window, the
threshold and, when the probability came from a forecast, that forecast's fan (quantiles of the very paths that
gave the snapshot its number). A chart is drawn for one live snapshot: a re-score that writes a new one replaces
it in the same unit of work. A claim whose kept chart is missing or older than its latest snapshot (re-scored
before migration 0018) has it drawn once and kept: by its next re-score even when that finds nothing new, by
``draw_missing_charts`` (``predtrack rescore --charts``), or else on its next view.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlmodel import Session

from forecasts.periods import Frequency, format_period, periods_between, shift
from forecasts.types import Forecast, Series
from predictions.data.repo_observations import observations_as_of, series_of
from predictions.ledger.errors import NotFound
from predictions.ledger.tables import Claim, ClaimIndicator, Indicator, ProbabilitySnapshot
from predictions.rescore.evaluation import (
    ForecastCache,
    RuleInputs,
    cached_forecast,
    forecast_key,
    prepare_rule,
    rule_window,
)
from predictions.rescore.repo import rule_claims_by_indicator, rule_snapshot_chart, store_chart, stored_chart

#: A chart whose ``version`` differs was drawn by other code: it is drawn again.
CHART_VERSION = 1
#: Observed periods shown before the rule's window (or the data's end), so the reader sees the recent path.
CONTEXT_PERIODS = 36
FAN_QUANTILES = ("0.05", "0.1", "0.5", "0.9", "0.95")


class NoFan:
    """Why a chart has no forecast fan (the dashboard says it in words)."""

    SETTLED = "settled"  # the observed values already settle the rule
    OBSERVED = "observed"  # every period of the window is observed (gaps are simulated, not drawn)
    BASE_RATE = "base_rate"  # past the forecast's reach or length caps: scored by its base rate
    NO_DATA = "no_data"  # the indicator has no data yet
    NOT_SCORED = "not_scored"  # no live snapshot yet: the fan comes with the first re-score


def chart_data(
    *,
    indicator: Indicator,
    rule: ClaimIndicator,
    series: Series | None,
    window_start: date,
    window_end: date,
    forecast: Forecast | None,
    no_fan: str | None,
) -> dict[str, Any]:
    """The chart's numbers: periods from ``first`` on, observed values, window, threshold and maybe the fan."""
    freq = Frequency(indicator.frequency)
    observed: list[float | None] = []
    if series is None:
        first, end = window_start, window_end
    else:
        last = series.end
        first = min(max(series.start, shift(min(last, window_start), -CONTEXT_PERIODS, freq)), window_start)
        end = max(window_end, last)
        observed = [None] * max(0, periods_between(first, series.start, freq))
        observed += [_number(v) for v in series.values[max(0, periods_between(series.start, first, freq)) :]]
    n = periods_between(first, end, freq) + 1
    observed = (observed + [None] * n)[:n]
    fan = None
    if forecast is not None and series is not None:
        start = periods_between(first, series.end, freq) + 1
        steps = n - start
        fan = {"start": start, **{q: [_number(v) for v in forecast.quantile(float(q))[:steps]] for q in FAN_QUANTILES}}
        no_fan = None
    return {
        "version": CHART_VERSION,
        "indicator": indicator.key,
        "name": indicator.name,
        "unit": indicator.unit,
        "frequency": freq.value,
        "first": format_period(first, freq),
        "observed": observed,
        "window": [periods_between(first, window_start, freq), periods_between(first, window_end, freq)],
        "op": str(rule.op),
        "threshold": rule.threshold,
        "fan": fan,
        "model": forecast.model if fan is not None and forecast is not None else None,
        "no_fan": no_fan,
    }


def keep_chart(
    session: Session,
    *,
    claim: Claim,
    rule: ClaimIndicator,
    snapshot_id: int,
    prepared: RuleInputs | None,
    forecast: Forecast | None,
    now: datetime,
) -> dict[str, Any]:
    """Draw the claim's chart for the live snapshot just written (from ``prepared`` and the ``forecast`` that
    gave its number) and keep it in place of the one before."""
    assert claim.id is not None
    data = _draw(session, claim=claim, rule=rule, prepared=prepared, forecast=forecast, now=now)
    store_chart(session, claim_id=claim.id, snapshot_id=snapshot_id, data=data, at=now)
    return data


def claim_chart(
    session: Session,
    *,
    claim_id: int,
    now: datetime,
    n_paths: int,
    seed: int,
    cache: ForecastCache | None = None,
    state: ChartState | None = None,
) -> dict[str, Any] | None:
    """The chart the claim's page shows (None without a deciding rule): the kept one when it was drawn for the
    claim's latest live snapshot, else drawn now, from the data as known now, and kept for that snapshot.

    A claim with no live snapshot yet gets its observed data without a fan, kept nowhere: its first re-score
    draws the fan. ``n_paths`` and ``seed`` are the re-score's (the latest snapshot's own, when it recorded them).
    ``state``: the claim's ``chart_state`` read just before in this session, not read again.
    """
    return _chart(session, claim_id=claim_id, now=now, n_paths=n_paths, seed=seed, cache=cache, state=state)[0]


def draw_missing_charts(
    session: Session, *, now: datetime, n_paths: int, seed: int, progress: Callable[[int, int], None] | None = None
) -> int:
    """Draw and keep the chart of every rule claim whose kept one is missing or stale; how many were drawn.

    Claims on one indicator come together and share their forecasts (one indicator's at a time in memory).
    """
    drawn, indicator = 0, -1
    cache: ForecastCache = {}
    rules = rule_claims_by_indicator(session)
    for done, (indicator_id, claim_id) in enumerate(rules, start=1):
        if indicator_id != indicator:
            indicator, cache = indicator_id, {}
        drawn += _chart(session, claim_id=claim_id, now=now, n_paths=n_paths, seed=seed, cache=cache)[1]
        if progress is not None:
            progress(done, len(rules))
    return drawn


@dataclass(frozen=True)
class ChartState:
    """What a claim's page knows of its chart before drawing it (``chart_state``): the deciding rule, the latest
    live snapshot, and the chart kept for that snapshot if it is."""

    rule: ClaimIndicator | None
    latest: ProbabilitySnapshot | None
    kept: dict[str, Any] | None

    @property
    def is_kept(self) -> bool:
        """Whether the page gets its chart without a forecast: the claim has no rule or no live snapshot yet, or
        the chart kept is its latest snapshot's (else the page draws it once, the cost of a forecast)."""
        return self.rule is None or self.latest is None or self.kept is not None


def chart_state(session: Session, *, claim_id: int) -> ChartState:
    """The claim's ``ChartState``, in one statement (pass it on to ``claim_chart`` to draw without reading it
    again)."""
    found = rule_snapshot_chart(session, claim_id=claim_id)
    if found is None:
        return ChartState(None, None, None)
    rule, latest, kept = found
    current = kept is not None and latest is not None and kept.snapshot_id == latest.id
    data = kept.data if current and kept and kept.data.get("version") == CHART_VERSION else None
    return ChartState(rule, latest, data)


def chart_is_kept(session: Session, *, claim_id: int) -> bool:
    """Whether the claim's page gets its chart without a forecast (``ChartState.is_kept``)."""
    return chart_state(session, claim_id=claim_id).is_kept


def _chart(
    session: Session,
    *,
    claim_id: int,
    now: datetime,
    n_paths: int,
    seed: int,
    cache: ForecastCache | None,
    state: ChartState | None = None,
) -> tuple[dict[str, Any] | None, bool]:
    """``claim_chart``, and whether it was drawn and kept now."""
    state = state or chart_state(session, claim_id=claim_id)
    rule, latest, kept = state.rule, state.latest, state.kept
    if rule is None or kept is not None:
        return kept, False
    claim = session.get(Claim, claim_id)
    if claim is None:  # pragma: no cover - the rule's foreign key says it exists
        raise NotFound(f"claim {claim_id} does not exist")
    recorded = latest.inputs if latest is not None and latest.inputs else {}
    prepared = prepare_rule(
        session,
        claim=claim,
        rule=rule,
        as_of=now,
        n_paths=int(recorded.get("n_paths", n_paths)),
        seed=int(recorded.get("seed", seed)),
    )
    if latest is None:
        return _draw(session, claim=claim, rule=rule, prepared=prepared, forecast=None, now=now), False
    return _draw_and_keep(session, claim=claim, rule=rule, latest=latest, prepared=prepared, now=now, cache=cache), True


def keep_missing_chart(
    session: Session,
    *,
    claim: Claim,
    rule: ClaimIndicator,
    latest: ProbabilitySnapshot,
    prepared: RuleInputs,
    now: datetime,
    cache: ForecastCache | None = None,
) -> bool:
    """After a re-score that found nothing new since ``latest``: draw and keep its chart if none is kept for it (a
    claim scored before charts were kept), from the same inputs, so that the periodic re-score draws what readers
    would otherwise wait for. Whether it was drawn (one query when it is kept)."""
    assert claim.id is not None
    kept = stored_chart(session, claim_id=claim.id)
    if kept is not None and kept.snapshot_id == latest.id and kept.data.get("version") == CHART_VERSION:
        return False
    _draw_and_keep(session, claim=claim, rule=rule, latest=latest, prepared=prepared, now=now, cache=cache)
    return True


def _draw_and_keep(
    session: Session,
    *,
    claim: Claim,
    rule: ClaimIndicator,
    latest: ProbabilitySnapshot,
    prepared: RuleInputs | None,
    now: datetime,
    cache: ForecastCache | None,
) -> dict[str, Any]:
    """The chart of ``latest``, with the forecast its inputs name (paid for now), kept for it."""
    assert claim.id is not None and latest.id is not None
    key = forecast_key(prepared) if prepared is not None else None
    forecast = cached_forecast(cache, key=key, series=prepared.series) if key and prepared else None
    data = _draw(session, claim=claim, rule=rule, prepared=prepared, forecast=forecast, now=now)
    store_chart(session, claim_id=claim.id, snapshot_id=latest.id, data=data, at=now)
    return data


def _draw(
    session: Session,
    *,
    claim: Claim,
    rule: ClaimIndicator,
    prepared: RuleInputs | None,
    forecast: Forecast | None,
    now: datetime,
) -> dict[str, Any]:
    if prepared is not None:
        if prepared.outcome is not None:
            no_fan: str | None = NoFan.SETTLED
        elif prepared.unobserved == 0:
            no_fan = NoFan.OBSERVED
        else:
            no_fan = NoFan.NOT_SCORED
        return chart_data(
            indicator=prepared.indicator,
            rule=rule,
            series=prepared.series,
            window_start=prepared.window.start,
            window_end=prepared.window.end,
            forecast=forecast,
            no_fan=no_fan,
        )
    # No rule inputs: the indicator has no data yet, or the window is past the forecast's caps (base rate).
    indicator = session.get(Indicator, rule.indicator_id)
    assert indicator is not None and indicator.id is not None
    window = rule_window(claim, rule, Frequency(indicator.frequency))
    series = series_of(observations_as_of(session, indicator_id=indicator.id, as_of=now), indicator=indicator)
    return chart_data(
        indicator=indicator,
        rule=rule,
        series=series,
        window_start=window.start,
        window_end=window.end,
        forecast=None,
        no_fan=NoFan.NO_DATA if series is None else NoFan.BASE_RATE,
    )


def _number(value: float) -> float | None:
    number = float(value)
    return number if math.isfinite(number) else None
