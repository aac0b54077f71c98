"""Rule probabilities: examples, and hypothesis properties (monotone, decided by data, longer windows)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forecasts.rules import RuleResult, rule_probability, settled_by_observed, settling_indices

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


BIG = 1e9  # beyond every drawn value: an unknown period set to +BIG or -BIG is as extreme as it can be


def _by_hand(window: list[float], op: str, threshold: float, aggregate: str) -> bool:
    """The rule over one complete window, in plain Python (the reference the numpy code is checked against)."""
    compare = {">": lambda v: v > threshold, ">=": lambda v: v >= threshold, "<": lambda v: v < threshold}
    compare["<="] = lambda v: v <= threshold
    if aggregate == "last":
        return compare[op](window[-1])
    if aggregate == "mean":  # compared as written: to 12 significant digits (see forecasts.rules)
        return compare[op](float(f"{sum(window) / len(window):.12g}"))
    if aggregate == "any":
        return any(compare[op](v) for v in window)
    return all(compare[op](v) for v in window)


@given(windows(), ops, aggregates, values)
@settings(max_examples=200, deadline=None)
def test_the_data_settle_a_rule_exactly_when_no_unobserved_value_could_change_it(
    window: tuple[np.ndarray, np.ndarray, int], op: str, aggregate: str, threshold: float
) -> None:
    # Every rule is monotone in each value, so the unknown periods at +BIG and at -BIG bound every completion:
    # the observed values decide the rule if and only if both extremes give the same answer.
    observed, _, length = window
    known = list(observed)
    high = _by_hand(known + [BIG] * (length - len(known)), op, threshold, aggregate)
    low = _by_hand(known + [-BIG] * (length - len(known)), op, threshold, aggregate)
    outcome, index = settled_by_observed(
        op=op, threshold=threshold, aggregate=aggregate, observed=observed, window_length=length
    )
    assert outcome == (high if high == low else None)
    assert (index is None) == (outcome is None)


@given(st.lists(st.one_of(values, st.just(float("nan"))), min_size=1, max_size=6), ops, aggregates, values)
@settings(max_examples=300, deadline=None)
def test_the_data_settle_a_complete_window_with_gaps_exactly_when_no_gap_could_change_it(
    observed: list[float], op: str, aggregate: str, threshold: float
) -> None:
    """Old behaviour caught: a `last` whose final period is in waited for every gap before it to be filled."""
    high = _by_hand([BIG if np.isnan(v) else v for v in observed], op, threshold, aggregate)
    low = _by_hand([-BIG if np.isnan(v) else v for v in observed], op, threshold, aggregate)
    outcome, index = settled_by_observed(
        op=op, threshold=threshold, aggregate=aggregate, observed=observed, window_length=len(observed)
    )
    assert outcome == (high if high == low else None)
    assert (index is None) == (outcome is None)


@given(windows(), ops, aggregates, values)
@settings(max_examples=200, deadline=None)
def test_probability_is_the_share_of_paths_whose_window_holds(
    window: tuple[np.ndarray, np.ndarray, int], op: str, aggregate: str, threshold: float
) -> None:
    observed, future, length = window
    missing = length - len(observed)
    holds = [_by_hand(list(observed) + list(path[:missing]), op, threshold, aggregate) for path in future]
    result = rule_probability(
        op=op, threshold=threshold, aggregate=aggregate, observed=observed, future=future, window_length=length
    )
    if result.settled is None:
        assert result.probability == sum(holds) / len(holds)
    else:  # settled: every path agrees with the observed values
        assert set(holds) == {result.settled} and result.probability == float(result.settled)


# Hand-worked examples. Window of 3 periods; "obs" are the observed values, each row of "future" one path.


@pytest.mark.parametrize(
    ("op", "expected"),
    [(">", 0.0), (">=", 1.0), ("<", 0.0), ("<=", 1.0)],
)
def test_a_value_equal_to_the_threshold_passes_only_the_inclusive_ops(op: str, expected: float) -> None:
    future = np.array([[4.0, 5.0], [1.0, 5.0]])  # both paths end exactly on the threshold
    result = rule_probability(op=op, threshold=5.0, aggregate="last", observed=[9.0], future=future, window_length=3)
    assert result.probability == expected and result.settled is None


@pytest.mark.parametrize(("op", "outcome"), [(">", False), (">=", True), ("<", False), ("<=", True)])
def test_a_complete_window_whose_mean_equals_the_threshold(op: str, outcome: bool) -> None:
    # mean(1, 2, 6) = 3 exactly; max is 6 and median 2, so neither can stand in for the mean here.
    result = rule_probability(
        op=op, threshold=3.0, aggregate="mean", observed=[1.0, 2.0, 6.0], future=None, window_length=3
    )
    assert result.settled is outcome and result.probability == float(outcome) and result.decisive_index == 2


def test_mean_averages_observed_and_simulated_values() -> None:
    # Path 1: mean(1, 2, 4) = 7/3 < 3; path 2: mean(1, 2, 9) = 4 >= 3.  (max: 4, 9 both >= 3; median: 2, 2.)
    future = np.array([[4.0], [9.0]])
    result = rule_probability(
        op=">=", threshold=3.0, aggregate="mean", observed=[1.0, 2.0], future=future, window_length=3
    )
    assert result.probability == 0.5


def test_observed_values_come_first_and_the_paths_fill_the_rest_in_order() -> None:
    # Window = 1 (observed), then path[0], path[1]; the path's third column lies beyond the window.
    future = np.array([[2.0, 9.0, 0.0], [9.0, 2.0, 9.0], [2.0, 9.0, 9.0], [9.0, 9.0, 0.0]])
    last = rule_probability(op=">", threshold=5.0, aggregate="last", observed=[1.0], future=future, window_length=3)
    assert last.probability == 0.75  # windows end 9, 2, 9, 9
    first_two = rule_probability(op=">", threshold=5.0, aggregate="all", observed=[6.0], future=future, window_length=3)
    assert first_two.probability == 0.25  # only [6, 9, 9] passes everywhere
    any_ = rule_probability(op="<", threshold=1.5, aggregate="any", observed=[1.0], future=future, window_length=3)
    assert any_.settled is True and any_.decisive_index == 0


@pytest.mark.parametrize(
    ("aggregate", "observed", "outcome", "index"),
    [
        ("any", [1.0, 6.0, 2.0], True, 1),  # the first passing value decides
        ("any", [1.0, 2.0, 3.0], False, 2),  # complete, none passed: decided by the last
        ("all", [6.0, 1.0, 7.0], False, 1),  # the first failing value decides
        ("all", [6.0, 7.0, 8.0], True, 2),
        ("last", [9.0, 9.0, 1.0], False, 2),
        ("mean", [4.0, 5.0, 7.0], True, 2),  # 16/3 > 5
        ("any", [1.0, 6.0], True, 1),  # already met before the window is over
        ("all", [1.0], False, 0),  # already broken before the window is over
    ],
)
def test_what_the_observed_values_settle(aggregate: str, observed: list[float], outcome: bool, index: int) -> None:
    assert settled_by_observed(op=">", threshold=5.0, aggregate=aggregate, observed=observed, window_length=3) == (
        outcome,
        index,
    )


@pytest.mark.parametrize(
    ("aggregate", "observed"),
    [
        ("all", [6.0, np.nan, 7.0]),  # every known value passes; the gap could fail
        ("any", [1.0, np.nan, 2.0]),  # no known value passes; the gap could pass
        ("last", [9.0, 9.0, np.nan]),
        ("mean", [9.0, np.nan, 9.0]),
        ("all", [6.0, 7.0]),  # incomplete
        ("last", [9.0, 9.0]),
        ("mean", [100.0, 100.0]),
    ],
)
def test_a_gap_or_an_unobserved_period_never_settles_a_rule(aggregate: str, observed: list[float]) -> None:
    assert settled_by_observed(op=">", threshold=5.0, aggregate=aggregate, observed=observed, window_length=3) == (
        None,
        None,
    )


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


def test_a_complete_window_whose_last_value_passes_settles_true() -> None:
    assert settled_by_observed(op=">", threshold=5.0, aggregate="last", observed=[1.0, 1.0, 9.0], window_length=3) == (
        True,
        2,
    )


def test_the_result_counts_the_paths_it_used() -> None:
    future = np.array([[9.0, 9.0], [1.0, 1.0], [9.0, 1.0], [1.0, 9.0]])
    open_window = rule_probability(
        op=">", threshold=5.0, aggregate="any", observed=[1.0], future=future, window_length=3
    )
    assert (open_window.probability, open_window.n_paths, open_window.settled) == (0.75, 4, None)
    settled = rule_probability(op=">", threshold=5.0, aggregate="any", observed=[6.0], future=future, window_length=3)
    assert (settled.probability, settled.n_paths, settled.settled) == (1.0, 4, True)
    no_paths = rule_probability(op=">", threshold=5.0, aggregate="any", observed=[6.0], future=None, window_length=3)
    assert no_paths.n_paths == 0


def test_paths_too_short_for_the_unobserved_periods_are_an_error() -> None:
    with pytest.raises(ValueError, match="the 2 unobserved periods"):
        rule_probability(op=">", threshold=0, aggregate="last", observed=[1.0], future=np.ones((3, 1)), window_length=3)


@pytest.mark.parametrize(("op", "outcome"), [("<=", True), (">=", True), ("<", False), (">", False)])
def test_a_mean_equal_to_the_threshold_as_written_is_equal(op: str, outcome: bool) -> None:
    """Old behaviour caught: mean(0.1, 0.2, 0.3) is 0.20000000000000004 in floats, so `<= 0.2` failed."""
    settled = rule_probability(
        op=op, threshold=0.2, aggregate="mean", observed=[0.1, 0.2, 0.3], future=None, window_length=3
    )
    assert settled.settled is outcome
    # Path 1 completes the window with 0.3 (mean 0.2 exactly as written), path 2 with 0.31 (mean 0.20333...).
    future = np.array([[0.3], [0.31]])
    simulated = rule_probability(
        op="<=", threshold=0.2, aggregate="mean", observed=[0.1, 0.2], future=future, window_length=3
    )
    assert simulated.probability == 0.5


# Gaps: a missing observed value (NaN) is unknown; each path simulates it, like a future period.


def test_last_with_a_missing_last_period_splits_the_paths_between_a_rule_and_its_complement() -> None:
    """Old behaviour caught: the NaN last value failed every comparison, so P(> 5) and P(<= 5) were both 0."""
    gaps = np.array([[3.0], [7.0], [9.0], [2.0]])  # each path's value for the gap (the window's last period)
    empty = np.empty((4, 0))
    above = rule_probability(
        op=">", threshold=5.0, aggregate="last", observed=[1.0, np.nan], future=empty, window_length=2, gaps=gaps
    )
    at_most = rule_probability(
        op="<=", threshold=5.0, aggregate="last", observed=[1.0, np.nan], future=empty, window_length=2, gaps=gaps
    )
    assert (above.probability, at_most.probability) == (0.5, 0.5) and above.settled is None


@pytest.mark.parametrize(
    ("aggregate", "observed", "expected"),
    [
        ("all", [6.0, np.nan, 7.0], 0.5),  # old: the gap passed: 1.0. Paths: [6, 1, 7] fails, [6, 8, 7] passes
        ("any", [1.0, np.nan, 2.0], 0.5),  # old: the gap failed: 0.0. Paths: [1, 1, 2] fails, [1, 8, 2] passes
        ("mean", [4.0, np.nan, 8.0], 0.5),  # old: nanmean 6 > 5: 1.0. Paths: mean 13/3 fails, mean 20/3 passes
    ],
)
def test_a_gap_takes_each_paths_simulated_value(aggregate: str, observed: list[float], expected: float) -> None:
    """Old behaviour caught: gaps were skipped, counted as passes (all) or as failures (any)."""
    result = _past_window(aggregate, observed, gaps=np.array([[1.0], [8.0]]))
    assert result.probability == expected and result.settled is None


def _past_window(aggregate: str, observed: list[float], *, gaps: np.ndarray) -> RuleResult:
    """``> 5`` over a past window of 3 periods with one gap, each path (a row of ``gaps``) giving the gap its value."""
    return rule_probability(
        op=">",
        threshold=5.0,
        aggregate=aggregate,
        observed=observed,
        future=np.empty((len(gaps), 0)),
        window_length=3,
        gaps=gaps,
    )


def test_gaps_and_future_periods_are_both_simulated_in_their_places() -> None:
    # Window [2, gap, observed 9, future]: path 1 = [2, 1, 9, 8] (all > 0.5) , path 2 = [2, 0, 9, 8] (fails at the gap).
    result = rule_probability(
        op=">",
        threshold=0.5,
        aggregate="all",
        observed=[2.0, np.nan, 9.0],
        future=np.array([[8.0], [8.0]]),
        window_length=4,
        gaps=np.array([[1.0], [0.0]]),
    )
    assert result.probability == 0.5


@pytest.mark.parametrize("gaps", [None, np.ones((3, 1)), np.ones((2, 2))])
def test_gaps_without_one_simulated_value_per_gap_and_path_are_an_error(gaps: np.ndarray | None) -> None:
    with pytest.raises(ValueError, match="the 1 gaps in the observed values, on each of the 2 paths"):
        rule_probability(
            op=">",
            threshold=5.0,
            aggregate="last",
            observed=[1.0, np.nan],
            future=np.empty((2, 0)),
            window_length=2,
            gaps=gaps,
        )


@pytest.mark.parametrize(
    ("aggregate", "observed", "expected"),
    [
        ("any", [1.0, 6.0, 9.0], ((1, 2), False)),  # each passing value settles it alone
        ("any", [1.0, 6.0], ((1,), False)),  # already met before the window is over
        ("all", [6.0, 1.0, np.nan, 2.0], ((1, 3), False)),  # each failing value settles it; the gap does not
        ("any", [1.0, 2.0, 3.0], ((0, 1, 2), True)),  # none passed: the complete window settles it
        ("all", [6.0, 7.0, 8.0], ((0, 1, 2), True)),
        ("last", [9.0, 9.0, 1.0], ((2,), False)),  # old: all three; only the final period decides a `last`
        ("last", [np.nan, np.nan, 1.0], ((2,), False)),  # old: (); the gaps before it do not matter
        ("mean", [4.0, 5.0, 7.0], ((0, 1, 2), True)),
        ("last", [9.0, 9.0, np.nan], ((), False)),  # a gap settles nothing
        ("all", [6.0, 7.0], ((), False)),
    ],
)
def test_which_observed_values_settle_a_rule(
    aggregate: str, observed: list[float], expected: tuple[tuple[int, ...], bool]
) -> None:
    window = max(3, len(observed))
    assert (
        settling_indices(op=">", threshold=5.0, aggregate=aggregate, observed=observed, window_length=window)
        == expected
    )


def test_a_mean_is_compared_to_twelve_significant_digits_not_fewer() -> None:
    # 0.20000000001 differs from 0.2 in the 11th significant digit: still above it, as written.
    result = rule_probability(
        op="<=", threshold=0.2, aggregate="mean", observed=[0.20000000001] * 3, future=None, window_length=3
    )
    assert result.settled is False


def test_a_last_whose_final_period_is_in_is_settled_whatever_came_before() -> None:
    """Old behaviour caught: a gap before the final period kept a `last` open (and every path simulated it)."""
    assert settled_by_observed(
        op=">", threshold=5.0, aggregate="last", observed=[np.nan, 2.0, 9.0], window_length=3
    ) == (
        True,
        2,
    )
    result = rule_probability(
        op=">", threshold=5.0, aggregate="last", observed=[np.nan, 2.0, 1.0], future=None, window_length=3
    )
    assert (result.probability, result.settled, result.decisive_index) == (0.0, False, 2)


# Unknown periods: before the series' first value no model can simulate a value; the gap stays NaN on every path.

UNKNOWN = np.array([[np.nan], [np.nan]])  # two paths, one gap that neither can simulate


@pytest.mark.parametrize(
    ("aggregate", "observed"),
    [
        ("all", [np.nan, 6.0, 7.0]),  # old 1.0: the unknown read as a pass
        ("any", [np.nan, 1.0, 2.0]),  # old 0.0: the unknown read as "no event"
        ("mean", [np.nan, 4.0, 8.0]),  # old 1.0: the mean dropped it (mean 6 > 5)
    ],
)
def test_an_unknown_period_that_could_decide_the_rule_leaves_it_at_one_half(
    aggregate: str, observed: list[float]
) -> None:
    # Both paths: the unknown at +inf makes the rule hold, at -inf makes it fail: each path counts 1/2.
    result = _past_window(aggregate, observed, gaps=UNKNOWN)
    assert (result.probability, result.settled, result.undetermined) == (0.5, None, 2)


@pytest.mark.parametrize(
    ("aggregate", "expected"),
    [
        ("any", 0.75),
        ("all", 0.25),
    ],
)
def test_a_path_that_holds_or_fails_whatever_the_unknown_is_counts_as_it_is(aggregate: str, expected: float) -> None:
    observed = [np.nan, 1.0] if aggregate == "any" else [np.nan, 9.0]
    future = np.array([[9.0], [1.0]])
    # any: [?, 1, 9] holds (1), [?, 1, 1] undetermined (1/2): 0.75.
    # all: [?, 9, 9] undetermined (1/2), [?, 9, 1] fails at 1 (0): 0.25.
    result = rule_probability(
        op=">", threshold=5.0, aggregate=aggregate, observed=observed, future=future, window_length=3, gaps=UNKNOWN
    )
    assert (result.probability, result.undetermined) == (expected, 1)


@given(windows(), ops, aggregates, values, st.integers(min_value=1, max_value=3))
@settings(max_examples=200, deadline=None)
def test_each_path_counts_one_half_exactly_when_the_unknown_periods_could_decide_it(
    window: tuple[np.ndarray, np.ndarray, int], op: str, aggregate: str, threshold: float, unknown: int
) -> None:
    # ``unknown`` periods before the series' first value open the window; no path can simulate them. A path holds
    # (1) or fails (0) when it does so with them at +BIG and at -BIG alike (every rule is monotone in each value),
    # else it counts 1/2.
    observed, future, length = window
    missing = length - len(observed)
    shares = []
    for path in future:
        rest = list(observed) + list(path[:missing])
        high = _by_hand([BIG] * unknown + rest, op, threshold, aggregate)
        low = _by_hand([-BIG] * unknown + rest, op, threshold, aggregate)
        shares.append(float(high) if high == low else 0.5)
    result = rule_probability(
        op=op,
        threshold=threshold,
        aggregate=aggregate,
        observed=np.concatenate([np.full(unknown, np.nan), observed]),
        future=future,
        window_length=length + unknown,
        gaps=np.full((len(future), unknown), np.nan),
    )
    assert result.probability == pytest.approx(sum(shares) / len(shares), abs=1e-12)


def test_simulated_gap_values_are_used_not_treated_as_unknown() -> None:
    # [6, gap, 7] with `all > 5`: the gap is 1, 8 and 9 on three paths: 2 of 3 hold (unknown would give 1/2).
    result = _past_window("all", [6.0, np.nan, 7.0], gaps=np.array([[1.0], [8.0], [9.0]]))
    assert (result.probability, result.undetermined) == (2 / 3, 0)
