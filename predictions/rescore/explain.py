"""One sentence that says why a claim's probability moved: what arrived, what the model expected, what it did.

"China M2-M1 growth spread for 2025-12 came in at 3.0 ppt (the forecast median was 3.4 ppt), so
P(China M2-M1 growth spread < 4 ppt in 2025-12) rose from 48% to 61%."

Pure functions. The re-score keeps each forecast's medians for its first ``MEDIAN_STEPS`` periods in the
snapshot's details (``forecast_medians``); when the next snapshot sees a value for one of those periods, the
previous snapshot's median for it is "what the model had expected". The sentence becomes the new snapshot's
``reason``, so the dashboard's history, the digest and the feed all say the same thing.

**It names what moved the probability.** A release often brings a new value *and* revises earlier ones. The
sentence names every change (new values and revisions, read from the two snapshots' recorded values); when both
came at once, the caller also gives ``without_revisions``, the probability from the new values with the revised
periods at their old values, and the sentence says which of the two moved the number ("which alone left it
at 30%"). Without that number it names both and blames neither. A move with another cause (an edited rule, a
new engine) gets no sentence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from forecasts.periods import Frequency, format_period, parse_period, periods_between, shift

MEDIAN_STEPS = 6  # data rarely arrives more than a few periods at a time
MEDIANS_KEY = "forecast_medians"
_OP_WORDS = {">": "above", ">=": "at or above", "<": "below", "<=": "at or below"}


def step_medians(
    paths: NDArray[np.float64], *, first_period: str, freq: Frequency, steps: int = MEDIAN_STEPS
) -> dict[str, float]:
    """The median of the sample paths for each of the first ``steps`` forecast periods, by period text."""
    start = parse_period(first_period, freq)
    n = min(steps, paths.shape[1])
    medians = np.median(paths[:, :n], axis=0) if n else np.empty(0)
    return {format_period(shift(start, i, freq), freq): round(float(medians[i]), 6) for i in range(n)}


def _number(value: float) -> str:
    return f"{value:.3g}" if abs(value) < 1000 else f"{value:,.0f}"


def _with_unit(value: float, unit: str | None) -> str:
    if not unit:
        return _number(value)
    return f"{_number(value)}{unit}" if unit in ("%", "‰") else f"{_number(value)} {unit}"


def event_label(
    *, indicator: str, op: str, threshold: float, unit: str | None, aggregate: str, window: Sequence[str]
) -> str:
    """The claim's event in a few words, e.g. ``P(China M2-M1 growth spread below 4 ppt in 2025-12)``."""
    first, last = window
    span = last if first == last else f"{first} to {last}"
    limit = f"{_OP_WORDS.get(op, op)} {_with_unit(threshold, unit)}"
    if aggregate == "last":
        text = f"{indicator} {limit} in {last}"
    elif aggregate == "mean":
        text = f"mean {indicator} over {span} {limit}"
    elif aggregate == "any":
        text = f"{indicator} {limit} at least once in {span}"
    else:
        text = f"{indicator} {limit} in every period of {span}"
    return f"P({text})"


def arrived_value(inputs: Mapping[str, Any], *, period: str) -> float | None:
    """The value a snapshot's recorded inputs hold for ``period`` (None when that period is not observed)."""
    freq = Frequency(inputs["frequency"])
    index = periods_between(parse_period(inputs["series_start"], freq), parse_period(period, freq), freq)
    values = inputs.get("values") or []
    if not 0 <= index < len(values) or values[index] is None:
        return None
    return float(values[index])


def move_sentence(
    *,
    indicator: str,
    unit: str | None,
    period: str,
    value: float,
    median: float,
    event: str,
    before: float,
    after: float,
) -> str:
    """The sentence: what arrived, the forecast median for it, and how the probability moved."""
    arrival = _arrival(indicator=indicator, unit=unit, period=period, value=value, median=median)
    return f"{arrival}, so {_moved(event, before, after)}."


def _arrival(*, indicator: str, unit: str | None, period: str, value: float, median: float) -> str:
    return (
        f"{indicator} for {period} came in at {_with_unit(value, unit)} "
        f"(the forecast median was {_with_unit(median, unit)})"
    )


def _revised(*, indicator: str, unit: str | None, revisions: Sequence[tuple[str, float, float]]) -> str:
    """``X for 2025-10 was revised from 4 to 6``, or ``X was revised for 2025-09 (from 3 to 3.2) and ...``."""
    if len(revisions) == 1:
        [(period, old, new)] = revisions
        return f"{indicator} for {period} was revised from {_with_unit(old, unit)} to {_with_unit(new, unit)}"
    each = [f"{period} (from {_with_unit(old, unit)} to {_with_unit(new, unit)})" for period, old, new in revisions]
    return f"{indicator} was revised for {', '.join(each[:-1])} and {each[-1]}"


def revisions(previous_inputs: Mapping[str, Any], inputs: Mapping[str, Any]) -> list[tuple[str, float, float]]:
    """(period, old value, new value) of each period both snapshots observed whose value changed, oldest first."""
    if "series_start" not in previous_inputs or "series_start" not in inputs:
        return []
    freq = Frequency(inputs["frequency"])
    start = parse_period(previous_inputs["series_start"], freq)
    changed = []
    for i, old in enumerate(previous_inputs.get("values") or []):
        period = format_period(shift(start, i, freq), freq)
        new = arrived_value(inputs, period=period)
        if old is not None and new is not None and float(old) != new:
            changed.append((period, float(old), new))
    return changed


def _moved(event: str, before: float, after: float) -> str:
    b, a = _percent(before), _percent(after)
    return f"{event} stayed at {a}" if b == a else f"{event} {'rose' if after > before else 'fell'} from {b} to {a}"


def _percent(p: float) -> str:
    if p < 0.01:
        return "<1%"
    if p > 0.99:
        return ">99%"
    return f"{p:.0%}"


def explain(
    *,
    previous_details: Mapping[str, Any],
    previous_probability: float,
    inputs: Mapping[str, Any],
    probability: float,
    indicator: str,
    unit: str | None,
    previous_inputs: Mapping[str, Any] | None = None,
    without_revisions: float | None = None,
) -> str | None:
    """The sentence for a move from the previous snapshot to one computed from ``inputs``, naming what moved it
    (see the module docstring); None when neither a value arrived for a period the previous forecast had a
    median for nor an earlier value was revised, or when something else changed (the rule, the engine)."""
    if inputs.get("rule") is None or "series_start" not in inputs:
        return None
    if previous_inputs is not None and any(
        previous_inputs.get(key) != inputs.get(key) for key in ("rule", "engine_version", "n_paths", "seed")
    ):
        return None  # the number moved for another reason than the data
    medians = previous_details.get(MEDIANS_KEY) or {}
    arrived = [(period, arrived_value(inputs, period=period)) for period in medians]
    known = [(period, value) for period, value in arrived if value is not None]
    revised = revisions(previous_inputs, inputs) if previous_inputs is not None else []
    if not known and not revised:
        return None
    rule = inputs["rule"]
    event = event_label(
        indicator=indicator,
        op=rule["op"],
        threshold=float(rule["threshold"]),
        unit=unit,
        aggregate=rule["aggregate"],
        window=(rule["window_start"], rule["window_end"]),
    )
    if not revised:
        period, value = known[-1]  # the newest period that arrived
        return move_sentence(
            indicator=indicator,
            unit=unit,
            period=period,
            value=value,
            median=float(medians[period]),
            event=event,
            before=previous_probability,
            after=probability,
        )
    revision = _revised(indicator=indicator, unit=unit, revisions=revised)
    if not known:
        return f"{revision}, so {_moved(event, previous_probability, probability)}."
    period, value = known[-1]
    arrival = _arrival(indicator=indicator, unit=unit, period=period, value=value, median=float(medians[period]))
    moved = _moved(event, previous_probability, probability)
    if without_revisions is None:  # which of the two moved it is not known: name both, blame neither
        return f"{arrival} and {revision}, so {moved}."
    if _percent(without_revisions) == _percent(previous_probability):
        return f"{revision}, so {moved}; {arrival}, which alone left it at {_percent(previous_probability)}."
    if _percent(without_revisions) == _percent(probability):
        return f"{arrival}, so {moved}; {revision}, which left it there."
    return f"{arrival}, which alone took it to {_percent(without_revisions)}, and {revision}, so {moved}."
