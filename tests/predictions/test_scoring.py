import math
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from predictions.scoring.scoring import (
    LOG_EPS,
    Scored,
    brier,
    calibration_bins,
    log_score,
    summarise,
    time_averaged_brier,
)

probabilities = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)


def test_brier_of_known_forecasts() -> None:
    assert brier(0.8, True) == pytest.approx(0.04)
    assert brier(0.8, False) == pytest.approx(0.64)
    assert brier(0.5, True) == brier(0.5, False) == 0.25


def test_log_score_is_the_natural_log_loss() -> None:
    assert log_score(0.8, True) == pytest.approx(-math.log(0.8))
    assert log_score(0.8, False) == pytest.approx(-math.log(0.2))
    assert log_score(0.5, True) == pytest.approx(math.log(2))


def test_log_score_clips_certainty_to_a_finite_cost() -> None:
    assert log_score(0.0, True) == pytest.approx(-math.log(LOG_EPS))
    assert log_score(1.0, True) == pytest.approx(-math.log(1 - LOG_EPS))


@given(probabilities, st.booleans())
def test_scores_are_bounded_and_proper_direction(p: float, outcome: bool) -> None:
    assert 0.0 <= brier(p, outcome) <= 1.0
    assert 0.0 <= log_score(p, outcome) <= -math.log(LOG_EPS) + 1e-9
    # Moving towards what happened never makes a score worse.
    closer = (p + float(outcome)) / 2
    assert brier(closer, outcome) <= brier(p, outcome) + 1e-12
    assert log_score(closer, outcome) <= log_score(p, outcome) + 1e-12


@pytest.mark.parametrize("bad", [-0.1, 1.1, float("nan")])
def test_probabilities_outside_0_1_are_refused(bad: float) -> None:
    with pytest.raises(ValueError, match="between 0 and 1"):
        brier(bad, True)


def test_time_averaged_brier_weights_each_day_by_the_standing_forecast() -> None:
    # 0.2 for 2 days (Jan 1, Jan 2), then 0.9 for 2 days (Jan 3, Jan 4); resolved true on Jan 5.
    forecasts = [(datetime(2025, 1, 1, 9, tzinfo=UTC), 0.2), (datetime(2025, 1, 3, 18, tzinfo=UTC), 0.9)]
    expected = (2 * brier(0.2, True) + 2 * brier(0.9, True)) / 4
    assert time_averaged_brier(forecasts, outcome=True, resolved_on=date(2025, 1, 5)) == pytest.approx(expected)


def test_time_averaged_brier_starts_at_the_later_of_made_on_and_first_forecast() -> None:
    forecasts = [(date(2025, 1, 3), 0.5)]
    # Days before the first forecast are not scored, even when made_on is earlier.
    assert time_averaged_brier(forecasts, outcome=True, resolved_on=date(2025, 1, 5), start=date(2025, 1, 1)) == 0.25
    # A forecast made before made_on counts from made_on.
    early = [(date(2024, 12, 1), 0.1), (date(2025, 1, 2), 0.9)]
    got = time_averaged_brier(early, outcome=False, resolved_on=date(2025, 1, 4), start=date(2025, 1, 1))
    assert got == pytest.approx((brier(0.1, False) + 2 * brier(0.9, False)) / 3)


def test_time_averaged_brier_edge_cases() -> None:
    assert time_averaged_brier([], outcome=True, resolved_on=date(2025, 1, 1)) is None
    # Forecasts after the resolution do not count.
    assert time_averaged_brier([(date(2025, 2, 1), 0.9)], outcome=True, resolved_on=date(2025, 1, 1)) is None
    # Resolved on the day of the only forecast: that one day is scored.
    assert time_averaged_brier([(date(2025, 1, 1), 0.7)], outcome=True, resolved_on=date(2025, 1, 1)) == (
        pytest.approx(brier(0.7, True))
    )


def test_calibration_bins_count_and_average() -> None:
    pairs = [(0.05, False), (0.15, False), (0.12, True), (0.95, True), (1.0, True), (0.5, False)]
    bins = calibration_bins(pairs, bins=10)
    assert len(bins) == 10
    assert [b.n for b in bins] == [1, 2, 0, 0, 0, 1, 0, 0, 0, 2]
    assert bins[1].mean_probability == pytest.approx(0.135)
    assert bins[1].observed_frequency == pytest.approx(0.5)
    assert bins[2].mean_probability is None and bins[2].observed_frequency is None
    assert bins[9].lower == pytest.approx(0.9) and bins[9].upper == pytest.approx(1.0)
    assert sum(b.n for b in bins) == len(pairs)


def test_summary_means_over_the_group() -> None:
    scored = [
        Scored(probability=0.9, outcome=True, time_averaged_brier=0.1),
        Scored(probability=0.2, outcome=False, time_averaged_brier=None),
    ]
    summary = summarise(scored, bins=5)
    assert summary.n == 2
    assert summary.brier == pytest.approx((0.01 + 0.04) / 2)
    assert summary.log == pytest.approx((-math.log(0.9) - math.log(0.8)) / 2)
    assert summary.time_averaged_brier == pytest.approx(0.1) and summary.n_time_averaged == 1
    assert [b.n for b in summary.calibration] == [0, 1, 0, 0, 1]
    empty = summarise([])
    assert empty.n == 0 and empty.brier is None and empty.log is None


def test_time_averaged_brier_orders_forecasts_by_day_and_the_later_one_of_a_day_stands() -> None:
    # Given out of order: 0.9 from Jan 1, 0.2 from Jan 3; resolved false on Jan 5 -> 2 days at 0.81, 2 at 0.04.
    shuffled = [(date(2025, 1, 3), 0.2), (date(2025, 1, 1), 0.9)]
    assert time_averaged_brier(shuffled, outcome=False, resolved_on=date(2025, 1, 5)) == pytest.approx(0.425)
    # Two forecasts on one day: the one made later that day stands (0.2, not the larger 0.9).
    same_day = [(datetime(2025, 1, 1, 9, tzinfo=UTC), 0.9), (datetime(2025, 1, 1, 18, tzinfo=UTC), 0.2)]
    assert time_averaged_brier(same_day, outcome=False, resolved_on=date(2025, 1, 3)) == pytest.approx(0.04)


def test_one_bin_is_allowed_and_none_is_refused() -> None:
    [single] = calibration_bins([(0.2, False), (0.6, True)], bins=1)
    assert (single.lower, single.upper, single.n) == (0.0, 1.0, 2)
    assert single.mean_probability == pytest.approx(0.4) and single.observed_frequency == 0.5
    with pytest.raises(ValueError, match="^bins must be at least 1$"):
        calibration_bins([], bins=0)


def test_summary_averages_the_time_averaged_briers_it_has() -> None:
    scored = [
        Scored(probability=0.5, outcome=True, time_averaged_brier=0.1),
        Scored(probability=0.5, outcome=True, time_averaged_brier=0.3),
        Scored(probability=0.5, outcome=True, time_averaged_brier=None),
    ]
    summary = summarise(scored)
    assert summary.time_averaged_brier == pytest.approx(0.2) and summary.n_time_averaged == 2


def test_a_probability_on_a_bin_edge_falls_in_the_bin_that_starts_there() -> None:
    """Old behaviour caught: 0.58 * 50 is 28.999999999999996 in floats, so 0.58 fell in [0.56, 0.58)."""
    bins = calibration_bins([(0.58, True)], bins=50)
    [filled] = [b for b in bins if b.n]
    assert (filled.lower, filled.upper) == (0.58, 0.6)  # 29/50 and 30/50


@pytest.mark.parametrize("bins", [10, 20, 25, 50, 100])
def test_every_edge_written_with_two_decimals_opens_its_own_bin(bins: int) -> None:
    # Edge i/bins written with two decimals (bins divides 100) belongs to bin i, never to bin i - 1.
    for i in range(bins):
        edge = float(f"{i / bins:.2f}")
        [filled] = [index for index, b in enumerate(calibration_bins([(edge, True)], bins=bins)) if b.n]
        assert filled == i, (edge, bins)


def _daily_reference(forecasts: list[tuple[date, float]], *, outcome: bool, resolved_on: date, start: date | None):
    """The definition, day by day: the Brier of the forecast standing at the end of each day, averaged."""
    ordered = sorted((d, p) for d, p in forecasts if d <= resolved_on)
    if not ordered:
        return None
    first = max(ordered[0][0], start) if start else ordered[0][0]
    last = max(resolved_on - timedelta(days=1), first)
    scores = []
    day = first
    while day <= last:
        standing = [p for d, p in ordered if d <= day]
        if standing:
            scores.append((standing[-1] - float(outcome)) ** 2)
        day += timedelta(days=1)
    return sum(scores) / len(scores) if scores else None


@settings(max_examples=200, derandomize=True)
@given(
    forecasts=st.lists(st.tuples(st.integers(0, 400), st.floats(0, 1)), max_size=8),
    outcome=st.booleans(),
    resolved=st.integers(0, 400),
    start=st.one_of(st.none(), st.integers(0, 400)),
)
def test_time_averaged_brier_by_stretches_equals_the_day_by_day_definition(forecasts, outcome, resolved, start):
    """Issue 21: it was computed day by day (most of a track record's time); now one stretch at a time."""
    base = date(2024, 1, 1)
    # one forecast a day at most: which of two same-day forecasts stands is the order's business, tested above
    dated = list({base + timedelta(days=d): p for d, p in forecasts}.items())
    got = time_averaged_brier(
        dated,
        outcome=outcome,
        resolved_on=base + timedelta(days=resolved),
        start=None if start is None else base + timedelta(days=start),
    )
    want = _daily_reference(
        dated,
        outcome=outcome,
        resolved_on=base + timedelta(days=resolved),
        start=None if start is None else base + timedelta(days=start),
    )
    assert (got is None) == (want is None)
    if want is not None:
        assert got == pytest.approx(want, rel=1e-12, abs=1e-15)
