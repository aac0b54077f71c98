"""The probability that a claim's rule holds, over observed values joined to simulated futures.

A rule compares an aggregate of an indicator over a window of periods with a threshold:
``last`` is the window's final period, ``any`` / ``all`` ask whether some / every period passes,
``mean`` is the window's mean. The window's periods that are already observed are fixed; the rest come
from the forecast's sample paths, so each path is one complete possible window.

**Only what decides counts.** A ``last`` rule is settled as soon as its final period is observed, whatever the
earlier periods are (they may still be gaps), and only that period settles it.

**Unknown is unknown.** A period that no model can simulate (before the series' first value) stays NaN on
every path. It never passes or fails: a path whose outcome would differ with that value at +inf and at -inf
(every rule is monotone in each value, so those two bound every completion) is undetermined and counts 1/2,
so an unknown that matters keeps the probability away from 0 and 1; a path that holds (or fails) whatever the
unknown is counts as it is.

**Comparisons are exact for values as written.** The data are published with a few decimals; a mean computed in
binary floats carries noise in its last digits (the mean of 0.1, 0.2 and 0.3 is 0.20000000000000004), which
would tip a comparison at the threshold. So a mean is read back as written, rounded to ``SIGNIFICANT_DIGITS``
significant digits (far more than any published figure has), before it is compared: mean(0.1, 0.2, 0.3) <= 0.2
holds. Single values (``last``, ``any``, ``all``) are compared as stored.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
from numpy.typing import ArrayLike, NDArray


class Op(StrEnum):
    """Comparison of a value with the threshold."""

    GT = ">"
    GE = ">="
    LT = "<"
    LE = "<="


class Aggregate(StrEnum):
    """How the window's values are reduced before (or while) comparing."""

    LAST = "last"
    ANY = "any"
    ALL = "all"
    MEAN = "mean"


SIGNIFICANT_DIGITS = 12

_COMPARE: dict[Op, Callable[[NDArray[np.float64], float], NDArray[np.bool_]]] = {
    Op.GT: operator.gt,
    Op.GE: operator.ge,
    Op.LT: operator.lt,
    Op.LE: operator.le,
}


@dataclass(frozen=True)
class RuleResult:
    """The share of complete windows on which the rule holds, and whether observed data alone decides it."""

    probability: float
    settled: bool | None
    n_paths: int
    decisive_index: int | None = None
    undetermined: int = 0  # paths whose outcome rests on a period no model can simulate (each counts 1/2)


def settled_by_observed(
    *, op: Op | str, threshold: float, aggregate: Aggregate | str, observed: ArrayLike, window_length: int
) -> tuple[bool | None, int | None]:
    """(outcome, index of the deciding value) when the observed values alone decide the rule, else (None, None)."""
    op, aggregate = Op(op), Aggregate(aggregate)
    values = np.asarray(observed, dtype=float)
    known = ~np.isnan(values)
    passes = _COMPARE[op](values, threshold) & known
    fails = ~_COMPARE[op](values, threshold) & known
    complete = len(values) >= window_length and bool(known[:window_length].all())
    last = window_length - 1
    if aggregate is Aggregate.LAST:  # only the final period decides, whatever came before it
        if len(values) < window_length or not known[last]:
            return None, None
        return bool(_COMPARE[op](values[last : last + 1], threshold)[0]), last
    if aggregate is Aggregate.ANY and passes.any():
        return True, int(np.argmax(passes))
    if aggregate is Aggregate.ALL and fails.any():
        return False, int(np.argmax(fails))
    if not complete:
        return None, None
    window = values[:window_length]
    if aggregate is Aggregate.ANY:
        return False, last
    if aggregate is Aggregate.ALL:
        return True, last
    return bool(_COMPARE[op](_as_written(np.array([window.mean()])), threshold)[0]), last


def settling_indices(
    *, op: Op | str, threshold: float, aggregate: Aggregate | str, observed: ArrayLike, window_length: int
) -> tuple[tuple[int, ...], bool]:
    """The window indices of the observed values that settle the rule, and whether all of them are needed.

    An ``any`` already met is settled by each passing value on its own (``all_needed`` False), an ``all`` already
    broken by each failing value, a ``last`` by its final period alone; otherwise only the complete window
    settles it (every value needed). Empty when the observed values do not settle the rule.
    """
    op, aggregate = Op(op), Aggregate(aggregate)
    values = np.asarray(observed, dtype=float)[:window_length]
    outcome, _ = settled_by_observed(
        op=op, threshold=threshold, aggregate=aggregate, observed=values, window_length=window_length
    )
    if outcome is None:
        return (), False
    known = ~np.isnan(values)
    passes = _COMPARE[op](values, threshold) & known
    if aggregate is Aggregate.ANY and outcome:
        return tuple(int(i) for i in np.flatnonzero(passes)), False
    if aggregate is Aggregate.ALL and not outcome:
        return tuple(int(i) for i in np.flatnonzero(known & ~passes)), False
    if aggregate is Aggregate.LAST:
        return (window_length - 1,), False
    return tuple(range(window_length)), True


def rule_probability(
    *,
    op: Op | str,
    threshold: float,
    aggregate: Aggregate | str,
    observed: ArrayLike,
    future: NDArray[np.float64] | None,
    window_length: int,
    gaps: NDArray[np.float64] | None = None,
) -> RuleResult:
    """P(rule holds) over ``observed`` (the window's observed values, in order) joined to each row of ``future``.

    ``future`` has shape (n_paths, >= window_length - len(observed)); extra columns are ignored. A **gap** (NaN
    among the observed values) is unknown, not a pass or a fail: it cannot settle the rule, and, like a future
    period, it takes a simulated value on every path: ``gaps`` has shape (n_paths, number of gaps), each row
    that path's values for the gaps in order. A gap whose simulated value is itself NaN (a period no model can
    simulate, before the series' first value) stays unknown: see the module docstring.
    """
    op, aggregate = Op(op), Aggregate(aggregate)
    values = np.asarray(observed, dtype=float)[:window_length]
    outcome, index = settled_by_observed(
        op=op, threshold=threshold, aggregate=aggregate, observed=values, window_length=window_length
    )
    if outcome is not None:
        return RuleResult(float(outcome), outcome, 0 if future is None else len(future), index)
    missing = window_length - len(values)
    if future is None or future.ndim != 2 or future.shape[1] < missing:
        raise ValueError(f"need simulated paths for the {missing} unobserved periods of the window")
    future = np.asarray(future, dtype=float)[:, :missing]
    known = np.broadcast_to(values, (len(future), len(values)))
    holes = np.flatnonzero(np.isnan(values))
    if len(holes):
        if gaps is None or gaps.ndim != 2 or gaps.shape != (len(future), len(holes)):
            raise ValueError(
                f"need simulated values for the {len(holes)} gaps in the observed values, on each of the "
                f"{len(future)} paths"
            )
        known = known.copy()
        known[:, holes] = gaps
    windows = np.concatenate([known, future], axis=1)
    unknown = np.isnan(windows)
    high = _holds(np.where(unknown, np.inf, windows), op=op, threshold=threshold, aggregate=aggregate)
    low = _holds(np.where(unknown, -np.inf, windows), op=op, threshold=threshold, aggregate=aggregate)
    undetermined = high != low  # the outcome rests on a value nobody knows: half a pass
    share = np.where(undetermined, 0.5, high.astype(float))
    return RuleResult(float(share.mean()), None, len(future), undetermined=int(undetermined.sum()))


def _holds(windows: NDArray[np.float64], *, op: Op, threshold: float, aggregate: Aggregate) -> NDArray[np.bool_]:
    compare = _COMPARE[op]
    if aggregate is Aggregate.LAST:
        return compare(windows[:, -1], threshold)
    if aggregate is Aggregate.MEAN:
        return compare(_as_written(windows.mean(axis=1)), threshold)
    passes = compare(windows, threshold)
    if aggregate is Aggregate.ANY:
        return np.asarray(passes.any(axis=1))
    return np.asarray(passes.all(axis=1))


def _as_written(values: NDArray[np.float64]) -> NDArray[np.float64]:
    """Each value rounded to SIGNIFICANT_DIGITS significant digits: binary noise of arithmetic removed."""
    return np.array([float(f"{v:.{SIGNIFICANT_DIGITS}g}") for v in values.tolist()])
