"""Evaluation: a claim's probability from its rule and data, or from its base rate, and the hash of its inputs.

**Claims with a rule** (a ``decides`` link): the rule's window defaults to the periods containing ``made_on``
and ``deadline``. The window's observed values are fixed; the unobserved rest comes from the sample paths of
``forecasts.forecast(series, h, model="auto")``. The share of paths on which the rule holds, ``k / n``, can be
0 or 1, but the ledger keeps probabilities strictly inside (0, 1), so the snapshot records the smoothed share
``(k + 0.5) / (n + 1)`` (the Jeffreys / Krichevsky-Trofimov estimate), with ``k`` and ``n`` in its details.
A **gap** (a missing period inside the window's observed part) is unknown, like a future period: every path
simulates it, from a forecast of the series cut before the window's first gap, so no gap ever passes, fails or
settles a rule. A period before the series' first value cannot be simulated (no model runs backwards): it
stays **unknown**, and a path whose outcome rests on it counts 1/2 (``forecasts.rules``), so ``k`` can be a
half-integer and such a period never pushes the probability to 0 or 1 nor settles the rule (the details list
these ``unknown_periods`` and the ``undetermined_paths``). When the observed values alone settle the rule,
every path agrees (``k = n`` or ``k = 0``) and the evaluation says so (``settled``), so that the claim can be
resolved automatically.

**Claims without data** but with a ``prior`` use the base rates of ``predictions.rescore.baserate``.

The canonical inputs (values, data_as_of, rule, window, horizon, paths, seed, engine version) are hashed into
``inputs_hash``. The horizon of a forecast is the steps needed to reach the window's end, rounded up to a
multiple of the frequency's standard horizon, so that claims on one indicator share one forecast within a run
(``ForecastCache``).
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any, Protocol

import numpy as np
from sqlmodel import Session

import forecasts
from forecasts.periods import Frequency, format_period, parse_period, periods_between, shift
from forecasts.rules import Aggregate, Op, rule_probability, settled_by_observed, settling_indices
from forecasts.types import Forecast, Series
from predictions.data.repo_observations import observations_as_of, series_of
from predictions.ledger.errors import InvalidInput
from predictions.ledger.tables import Claim, ClaimIndicator, Indicator, Observation
from predictions.rescore import baserate
from predictions.rescore.explain import MEDIANS_KEY, step_medians
from predictions.rescore.windows import REACH_YEARS, effective_window, max_window_periods, periods_in_years

METHOD_MODEL = "model"
MODEL_OBSERVED = "observed"
AUTO = "auto"
SMOOTHING = "(k + 0.5) / (n + 1)"

# (indicator id, data_as_of, horizon, n_paths, seed, engine version) -> the forecast, shared within a run.
ForecastKey = tuple[int, str, int, int, int, str]
ForecastCache = dict[ForecastKey, Forecast]


@dataclass(frozen=True)
class Evaluation:
    """A claim's probability and everything that determined it."""

    probability: float
    method: str
    model: str
    model_version: str
    data_as_of: datetime | None
    inputs: dict[str, Any]
    inputs_hash: str
    details: dict[str, Any]
    settled: bool | None = None
    # When the observed data settle the rule: the periods whose values settle it, and whether all of them are
    # needed (a complete window) or each one alone settles it (an ``any`` met, an ``all`` broken).
    settling_periods: tuple[date, ...] = ()
    settling_needs_all: bool = False
    indicator: Indicator | None = None
    observation_ids: tuple[int, ...] = ()  # the exact vintages the number was computed from
    # The forecast whose paths gave the number (None when the data alone decide, or by base rate): the claim
    # page's fan chart is drawn from it when the snapshot is written (``predictions.rescore.charts``).
    forecast: Forecast | None = field(default=None, compare=False, repr=False)


def smoothed(k: float, n: int) -> float:
    """The share k / n pulled strictly inside (0, 1): (k + 0.5) / (n + 1)."""
    return (k + 0.5) / (n + 1)


def inputs_hash(inputs: dict[str, Any]) -> str:
    """sha256 of the canonical JSON of ``inputs`` (sorted keys, no spaces, floats written exactly)."""
    text = json.dumps(inputs, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True)
class _Window:
    start: date
    end: date
    length: int


def _window(claim: Claim, rule: ClaimIndicator, freq: Frequency) -> _Window:
    start, end = effective_window(
        frequency=freq,
        made_on=claim.made_on,
        deadline=claim.deadline,
        window_start=rule.window_start,
        window_end=rule.window_end,
    )
    length = periods_between(start, end, freq) + 1
    if length < 1:
        raise InvalidInput(
            f"claim {claim.id}: the rule's window ends ({format_period(end, freq)}) "
            f"before it starts ({format_period(start, freq)})"
        )
    return _Window(start, end, length)


def rule_window(claim: Claim, rule: ClaimIndicator, freq: Frequency) -> _Window:
    """The periods the claim's rule covers (its own window, or the periods of ``made_on`` .. ``deadline``)."""
    return _window(claim, rule, freq)


def _values_json(values: np.ndarray) -> list[float | None]:
    return [None if math.isnan(v) else float(v) for v in values.tolist()]


def _horizon(needed: int, freq: Frequency) -> int:
    step = freq.default_horizon
    return max(step, -(-needed // step) * step)


def _json_safe(value: Any) -> Any:
    """Numbers from numpy become floats, and NaN or infinities become None, so the details are valid JSON."""
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_safe(v) for v in value]
    if isinstance(value, bool | str) or value is None:
        return value
    if isinstance(value, int | float | np.integer | np.floating):
        number = float(value)
        return number if math.isfinite(number) else None
    return str(value)


def run_forecast(series: Series, key: ForecastKey) -> Forecast:
    """The default engine's forecast that ``key`` names (a module-level function, so executors can ship it)."""
    _indicator_id, _known, h, n_paths, seed, _engine = key
    return forecasts.forecast(series, h, model=AUTO, n_paths=n_paths, seed=seed)


def cached_forecast(cache: ForecastCache | None, *, key: ForecastKey, series: Series) -> Forecast:
    """The forecast ``key`` names: from ``cache`` when it is there, else run (and put there)."""
    if cache is not None and key in cache:
        return cache[key]
    fc = run_forecast(series, key)
    if cache is not None:
        cache[key] = fc
    return fc


class RuleLike(Protocol):
    """What a rule compares: a claim's ``ClaimIndicator`` link, or the rule a snapshot recorded."""

    @property
    def op(self) -> Op | None: ...

    @property
    def threshold(self) -> float | None: ...

    @property
    def aggregate(self) -> Aggregate | None: ...


@dataclass(frozen=True)
class RecordedRule:
    """A rule as a snapshot recorded it."""

    op: Op
    threshold: float
    aggregate: Aggregate


@dataclass(frozen=True)
class RuleInputs:
    """Everything that determines a rule claim's probability, worked out before any forecast is paid for."""

    indicator: Indicator
    rule: RuleLike
    window: _Window
    series: Series
    known: datetime
    observed: np.ndarray
    unobserved: int
    needed: int  # forecast steps from the last value to the window's end
    horizon: int
    n_paths: int
    seed: int
    outcome: bool | None
    decisive: int | None
    inputs: dict[str, Any]
    inputs_hash: str
    details: dict[str, Any]
    observation_ids: tuple[int, ...] = ()


def prepare_rule(
    session: Session, *, claim: Claim, rule: ClaimIndicator, as_of: datetime, n_paths: int, seed: int
) -> RuleInputs | None:
    """The inputs of the claim's rule from the data known at ``as_of`` (None when there is no data yet)."""
    indicator = session.get(Indicator, rule.indicator_id)
    assert indicator is not None and indicator.id is not None
    window = _window(claim, rule, Frequency(indicator.frequency))
    rows = observations_as_of(session, indicator_id=indicator.id, as_of=as_of)
    return prepare_from_rows(indicator=indicator, rule=rule, window=window, rows=rows, n_paths=n_paths, seed=seed)


def recorded_window(inputs: dict[str, Any], *, frequency: Frequency) -> _Window:
    """The window a snapshot recorded in its inputs."""
    start = parse_period(inputs["rule"]["window_start"], frequency)
    end = parse_period(inputs["rule"]["window_end"], frequency)
    return _Window(start, end, periods_between(start, end, frequency) + 1)


def prepare_from_rows(
    *, indicator: Indicator, rule: RuleLike, window: _Window, rows: Sequence[Observation], n_paths: int, seed: int
) -> RuleInputs | None:
    """The inputs of a rule over exactly these observation rows (one vintage per period); None without rows."""
    assert rule.op and rule.aggregate and rule.threshold is not None
    freq = Frequency(indicator.frequency)
    series = series_of(rows, indicator=indicator)
    if series is None:
        return None
    known = max(row.as_of for row in rows)
    observed_count = min(window.length, max(0, periods_between(window.start, series.end, freq) + 1))
    observed = np.full(observed_count, np.nan)
    for i in range(observed_count):
        index = periods_between(series.start, shift(window.start, i, freq), freq)
        if 0 <= index < len(series):
            observed[i] = series.values[index]
    missing = window.length - observed_count
    needed = periods_between(series.end, window.end, freq)
    outcome, decisive = settled_by_observed(
        op=rule.op, threshold=rule.threshold, aggregate=rule.aggregate, observed=observed, window_length=window.length
    )
    if outcome is None and needed > periods_in_years(REACH_YEARS, freq):
        return None  # past the forecast's reach: the base rate scores the claim until the window comes closer
    if outcome is None and window.length > max_window_periods(freq):
        return None  # a window stored before the cap on its length: scored by its base rate, never simulated
    horizon = _horizon(needed, freq) if missing > 0 and outcome is None else 0
    inputs: dict[str, Any] = {
        "method": METHOD_MODEL,
        "engine_version": forecasts.ENGINE_VERSION,
        "model": AUTO,
        "indicator": indicator.key,
        "frequency": freq.value,
        "series_start": format_period(series.start, freq),
        "values": _values_json(series.values),
        "data_as_of": known.isoformat(),
        "rule": {
            "op": str(rule.op),
            "threshold": float(rule.threshold),
            "aggregate": str(rule.aggregate),
            "window_start": format_period(window.start, freq),
            "window_end": format_period(window.end, freq),
        },
        "horizon": horizon,
        "n_paths": n_paths,
        "seed": seed,
    }
    details: dict[str, Any] = {
        "indicator": indicator.key,
        "window": [format_period(window.start, freq), format_period(window.end, freq)],
        "window_length": window.length,
        "observed": observed_count,
        "observed_known": int((~np.isnan(observed)).sum()),
        "unobserved": missing,
        "last_observed": format_period(series.end, freq),
        "horizon": horizon,
        "n_paths": n_paths,
        "smoothing": SMOOTHING,
        "settled": outcome,
    }
    return RuleInputs(
        indicator=indicator,
        rule=rule,
        window=window,
        series=series,
        known=known,
        observed=observed,
        unobserved=missing,
        needed=needed,
        horizon=horizon,
        n_paths=n_paths,
        seed=seed,
        outcome=outcome,
        decisive=decisive,
        inputs=inputs,
        inputs_hash=inputs_hash(inputs),
        details=details,
        observation_ids=tuple(row.id for row in rows if row.id is not None),
    )


#: Periods before a series' first value listed one by one in a snapshot's details; more are given as a range.
UNKNOWN_LISTED = 60


def forecast_key(prepared: RuleInputs) -> ForecastKey | None:
    """The key of the forecast that ``finish_rule`` needs for these inputs (None when the data alone decide)."""
    if prepared.outcome is not None or prepared.unobserved == 0:
        return None
    indicator_id = prepared.indicator.id
    assert indicator_id is not None
    known = prepared.known.isoformat()
    return (indicator_id, known, prepared.horizon, prepared.n_paths, prepared.seed, forecasts.ENGINE_VERSION)


def finish_rule(prepared: RuleInputs, *, cache: ForecastCache | None = None) -> Evaluation:
    """The probability from prepared inputs: settled by the data, or over the forecast's sample paths."""
    p = prepared
    rule, freq, details = p.rule, Frequency(p.indicator.frequency), dict(p.details)
    assert rule.op and rule.aggregate and rule.threshold is not None and p.indicator.id is not None
    common: dict[str, Any] = {
        "method": METHOD_MODEL,
        "model_version": forecasts.ENGINE_VERSION,
        "data_as_of": p.known,
        "inputs": p.inputs,
        "inputs_hash": p.inputs_hash,
        "indicator": p.indicator,
        "observation_ids": p.observation_ids,
    }
    if p.outcome is not None:
        settling, needs_all = settling_indices(
            op=rule.op,
            threshold=rule.threshold,
            aggregate=rule.aggregate,
            observed=p.observed,
            window_length=p.window.length,
        )
        k = p.n_paths if p.outcome else 0
        details.update(k=k, raw_share=float(p.outcome))
        return Evaluation(
            probability=smoothed(k, p.n_paths),
            model=MODEL_OBSERVED,
            details=details,
            settled=p.outcome,
            settling_periods=tuple(shift(p.window.start, i, freq) for i in settling),
            settling_needs_all=needs_all,
            **common,
        )
    # The window's periods before the series' first value: no model can simulate them, so they are unknown (see
    # ``forecasts.rules``). They stand as ONE unknown column, not a column of NaN per period on every path (a
    # window from 2020 over a daily series from 2026 would be 1,000 paths x 2,192 periods): every rule is monotone
    # in each value, so one unknown decides a path exactly when several would. The last period always stays its
    # own, so that ``last`` still reads the window's final period.
    skip = min(max(0, periods_between(p.window.start, p.series.start, freq)), p.window.length - 1)
    observed, start = p.observed[skip:], shift(p.window.start, skip, freq)
    gaps, gap_model = _simulate_gaps(p, observed=observed, start=start, cache=cache)
    if gaps is not None:
        holes = np.flatnonzero(np.isnan(observed))
        details.update(gaps=[format_period(shift(start, int(i), freq), freq) for i in holes], gap_model=gap_model)
        unknown = [i for column, i in enumerate(holes) if np.isnan(gaps[:, column]).all()]
        if unknown:
            details["unknown_periods"] = [format_period(shift(start, int(i), freq), freq) for i in unknown]
    if skip:
        before = [format_period(shift(p.window.start, i, freq), freq) for i in range(min(skip, UNKNOWN_LISTED))]
        if skip > UNKNOWN_LISTED:
            before = [f"{before[0]}..{format_period(shift(p.window.start, skip - 1, freq), freq)} ({skip} periods)"]
        details["unknown_periods"] = before + details.get("unknown_periods", [])
        observed = np.concatenate([[np.nan], observed])
        column = np.full((p.n_paths, 1), np.nan)
        gaps = column if gaps is None else np.hstack([column, gaps])
    forecast: Forecast | None = None
    if p.unobserved == 0:  # the window is past but has gaps: they alone are simulated
        future = np.empty((p.n_paths, 0))
        model = gap_model or MODEL_OBSERVED
    else:
        key = forecast_key(p)
        assert key is not None
        fc = forecast = cached_forecast(cache, key=key, series=p.series)
        offset = p.needed - p.unobserved  # forecast steps before the first unobserved period of the window
        future = fc.paths[:, offset : offset + p.unobserved]
        model = fc.model
        if "backtest" in fc.info:
            details["backtest"] = _json_safe(fc.info["backtest"])
        # What the model expects next, so that the next snapshot can say what arrived against it.
        details[MEDIANS_KEY] = step_medians(fc.paths, first_period=format_period(fc.start, freq), freq=freq)
    result = rule_probability(
        op=rule.op,
        threshold=rule.threshold,
        aggregate=rule.aggregate,
        observed=observed,
        future=future,
        window_length=p.window.length - skip + (1 if skip else 0),
        gaps=gaps,
    )
    n = len(future)
    halves = round(result.probability * n * 2)  # a path resting on an unknown period counts 1/2
    share = halves // 2 if halves % 2 == 0 else halves / 2
    details.update(model=model, k=share, raw_share=result.probability)
    if result.undetermined:
        details["undetermined_paths"] = result.undetermined
    return Evaluation(probability=smoothed(share, n), model=model, details=details, forecast=forecast, **common)


def _simulate_gaps(
    p: RuleInputs, *, observed: np.ndarray, start: date, cache: ForecastCache | None
) -> tuple[np.ndarray | None, str | None]:
    """Each path's values for the gaps among ``observed`` (the window's observed values from period ``start``),
    and the model that simulated them.

    A gap is unknown, like a future period: it is forecast from the values before it (the series cut at the
    last value before the window's first gap), on every path, with the same engine, paths and seed. A gap
    before the series' first value cannot be simulated: it stays NaN, unknown (see ``forecasts.rules``).
    """
    holes = np.flatnonzero(np.isnan(observed))
    if not len(holes):
        return None, None
    freq, series = Frequency(p.indicator.frequency), p.series
    index = [periods_between(series.start, shift(start, int(i), freq), freq) for i in holes]
    fillable = [(column, i) for column, i in enumerate(index) if i > 0]
    gaps = np.full((p.n_paths, len(holes)), np.nan)
    if not fillable:
        return gaps, None
    first = min(i for _, i in fillable)
    known_before = np.flatnonzero(~np.isnan(series.values[:first]))
    cut = int(known_before[-1]) + 1  # the series up to its last value before the first gap
    history = Series(values=series.values[:cut], freq=freq, start=series.start, name=series.name)
    needed = max(i for _, i in fillable) - cut + 1
    assert p.indicator.id is not None
    key: ForecastKey = (
        p.indicator.id,
        f"{p.known.isoformat()} gaps from {format_period(shift(series.start, cut, freq), freq)}",
        _horizon(needed, freq),
        p.n_paths,
        p.seed,
        forecasts.ENGINE_VERSION,
    )
    fc = cached_forecast(cache, key=key, series=history)
    for column, i in fillable:
        gaps[:, column] = fc.paths[:, i - cut]
    return gaps, fc.model


def evaluate_rule(
    session: Session,
    *,
    claim: Claim,
    rule: ClaimIndicator,
    as_of: datetime,
    n_paths: int,
    seed: int,
    cache: ForecastCache | None = None,
) -> Evaluation | None:
    """P(the claim's rule holds) from the data known at ``as_of``; None when the indicator has no data yet."""
    prepared = prepare_rule(session, claim=claim, rule=rule, as_of=as_of, n_paths=n_paths, seed=seed)
    return None if prepared is None else finish_rule(prepared, cache=cache)


def evaluate_base_rate(*, claim: Claim, rule: ClaimIndicator | None, checked_through: date | None) -> Evaluation:
    """The base rate of a claim with a prior, given the latest check (see ``predictions.rescore.baserate``).

    An event claim (no rule, or an ``any`` rule without data) uses the constant hazard conditioned on no event
    through ``checked_through`` (the prior before any check); a claim about a state keeps its prior. The
    calendar is no input: without a new check, the inputs (and the number) never change, before or past the
    deadline.
    """
    assert claim.prior is not None
    event = rule is None or rule.aggregate == Aggregate.ANY
    model = baserate.MODEL if event else baserate.STATE_MODEL
    # A check through a day before made_on covers none of the claim's life: it is no check of this claim.
    looked = event and checked_through is not None and checked_through >= claim.made_on
    checked = min(checked_through, claim.deadline) if looked and checked_through else None
    inputs: dict[str, Any] = {
        "method": baserate.METHOD,
        "model": model,
        "model_version": baserate.VERSION,
        "prior": float(claim.prior),
        "made_on": claim.made_on.isoformat(),
        "deadline": claim.deadline.isoformat(),
        "checked_through": checked.isoformat() if checked else None,
    }
    if event:
        probability = baserate.hazard_probability(
            prior=claim.prior, made_on=claim.made_on, deadline=claim.deadline, checked_through=checked
        )
        explanation = (
            f"constant hazard fitted to the prior; P(event by deadline | no event through {checked.isoformat()})"
            if checked
            else "the prior: nobody has checked for the event yet, and the calendar alone is not evidence"
        )
    else:
        probability = baserate.constant_prior(prior=claim.prior)
        explanation = "the prior, held until the claim's indicator has data (a claim about a state, not an event)"
    return Evaluation(
        probability=probability,
        method=baserate.METHOD,
        model=model,
        model_version=baserate.VERSION,
        # The latest check is this model's only moving input: the day checked is its data_as_of.
        data_as_of=datetime.combine(checked or claim.made_on, time(0), tzinfo=UTC),
        inputs=inputs,
        inputs_hash=inputs_hash(inputs),
        details={
            "prior": claim.prior,
            "model": explanation,
            "checked_through": checked.isoformat() if checked else None,
        },
    )
