"""Rule probabilities: examples, and hypothesis properties (monotone, decided by data, longer windows)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forecasts.rules import rule_probability, settled_by_observed

values = st.floats(min_value=-100, max_value=100, allow_nan=False, width=32)
ops = st.sampled_from([">", ">=", "<", "<="])
aggregates = st.sampled_from(["last", "any", "all", "mean"])


@st.composite
def windows(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray, int]:
    """(observed values, future paths, window length) with at least one unobserved period."""
    length = draw(st.integers(min_value=1, max_value=6))
    n_obs = draw(st.integers(min_value=0, max_value=length - 1))
    observed = np.array(draw(st.lists(values, min_size=n_obs, max_size=n_obs)), dtype=float)
    n_paths = draw(st.integers(min_value=1, max_value=8))
    flat = draw(st.lists(values, min_size=n_paths * length, max_size=n_paths * length))
    future = np.array(flat, dtype=float).reshape(n_paths, length)
    return observed, future, length


def test_every_month_below_uses_whole_paths() -> None:
    future = np.array([[1.0, 2.0, 3.0], [1.0, 9.0, 1.0]])
    result = rule_probability(op="<", threshold=6, aggregate="all", observed=[], future=future, window_length=3)
    assert result.probability == 0.5 and result.settled is None


@given(windows(), ops, aggregates, values, values)
@settings(max_examples=150, deadline=None)
def test_probability_is_monotone_in_the_threshold(
    window: tuple[np.ndarray, np.ndarray, int], op: str, aggregate: str, t1: float, t2: float
) -> None:
    observed, future, length = window
    low, high = sorted((t1, t2))
    p_low = rule_probability(
        op=op, threshold=low, aggregate=aggregate, observed=observed, future=future, window_length=length
    ).probability
    p_high = rule_probability(
        op=op, threshold=high, aggregate=aggregate, observed=observed, future=future, window_length=length
    ).probability
    if op in (">", ">="):
        assert p_high <= p_low
    else:
        assert p_high >= p_low


@given(windows(), ops, aggregates, values)
@settings(max_examples=150, deadline=None)
def test_probability_is_zero_or_one_when_the_data_decides(
    window: tuple[np.ndarray, np.ndarray, int], op: str, aggregate: str, threshold: float
) -> None:
    observed, future, length = window
    outcome, _ = settled_by_observed(
        op=op, threshold=threshold, aggregate=aggregate, observed=observed, window_length=length
    )
    result = rule_probability(
        op=op, threshold=threshold, aggregate=aggregate, observed=observed, future=future, window_length=length
    )
    if outcome is not None:
        assert result.probability == float(outcome)
        assert result.settled is outcome
    assert 0.0 <= result.probability <= 1.0


@given(st.lists(values, min_size=1, max_size=6), ops, values)
@settings(max_examples=100, deadline=None)
def test_complete_observed_window_always_settles(observed: list[float], op: str, threshold: float) -> None:
    for aggregate in ("last", "any", "all", "mean"):
        result = rule_probability(
            op=op, threshold=threshold, aggregate=aggregate, observed=observed, future=None, window_length=len(observed)
        )
        assert result.settled is not None
        assert result.probability in (0.0, 1.0)


@given(windows(), ops, values, st.integers(min_value=1, max_value=4))
@settings(max_examples=150, deadline=None)
def test_any_over_a_longer_window_is_never_less_likely(
    window: tuple[np.ndarray, np.ndarray, int], op: str, threshold: float, extra: int
) -> None:
    observed, future, length = window
    longer_future = np.concatenate([future, np.tile(future[:, -1:], (1, extra))], axis=1)
    short = rule_probability(
        op=op, threshold=threshold, aggregate="any", observed=observed, future=future, window_length=length
    )
    long = rule_probability(
        op=op,
        threshold=threshold,
        aggregate="any",
        observed=observed,
        future=longer_future,
        window_length=length + extra,
    )
    assert long.probability >= short.probability


def test_missing_paths_for_an_open_window_is_an_error() -> None:
    with pytest.raises(ValueError, match="simulated paths"):
        rule_probability(op=">", threshold=0, aggregate="last", observed=[1.0], future=None, window_length=3)
