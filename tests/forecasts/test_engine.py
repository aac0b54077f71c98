"""forecasts.forecast: calibrated default, fallbacks, and robustness to awkward series."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

import forecasts
from forecasts.errors import SeriesError, UnknownModelError
from forecasts.models import register
from forecasts.models.naive import Naive
from forecasts.types import Series
from tests.forecasts.conftest import seasonal_monthly


def _series(values: list[float] | np.ndarray, freq: str = "M") -> Series:
    return Series(np.asarray(values, dtype=float), freq, date(2020, 1, 1), "s")  # type: ignore[arg-type]


def test_auto_is_the_calibrated_combination_with_backtest_info() -> None:
    fc = forecasts.forecast(seasonal_monthly(), 12, n_paths=200)
    assert fc.model == "comb"
    bt = fc.info["backtest"]
    assert {"mase", "coverage_80", "coverage_95", "model", "spread_factor"} <= set(bt)
    assert bt["mase"] > 0
    # Monthly series: Theta (theta 2 and 3), damped Holt and the optimised Theta line, equally weighted.
    assert bt["weights"] == {"theta": 0.25, "theta3": 0.25, "damped": 0.25, "otheta99": 0.25}
    assert fc.info["engine_version"] == forecasts.ENGINE_VERSION


@pytest.mark.parametrize(
    ("values", "expected_model"),
    [
        ([5.0], "naive (short series: 1 value)"),  # an article's annual table with one point
        ([3.0, 4.0], "naive (short series: 2 values)"),
        ([np.nan, 3.0, np.nan, 4.0, 4.5], "naive (short series: 3 values) (1 gap filled)"),
        ([7.0] * 30, "naive (constant series)"),
        (list(-np.arange(1.0, 40.0)), "comb"),  # negative
        ([1, 2, np.nan, 4, 5, np.nan, np.nan, 8, 9, 10, 11, 12, 13], "comb (3 gaps filled)"),
        ([np.nan, np.nan, 3, 4, 5, 6, 7, 8, 9, 10, 11], "comb"),  # leading gaps: the series starts later
        ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, np.nan, np.nan], "comb (last 2 missing, forecast)"),
    ],
)
def test_awkward_series_get_a_labelled_forecast_never_a_crash(values: list[float], expected_model: str) -> None:
    fc = forecasts.forecast(_series(values), 4, n_paths=50)
    assert fc.model == expected_model
    assert fc.paths.shape == (50, 4)
    assert np.all(np.isfinite(fc.paths))
    # Never an absurd interval: the paths stay within a few times the data's level and range.
    known = np.asarray(values, dtype=float)[np.isfinite(values)]
    reach = 3 * (np.ptp(known) + np.abs(known).max())
    assert np.all(np.abs(fc.paths - known[-1]) <= reach)


def test_short_series_spread_is_the_dev_sets_relative_naive_spread() -> None:
    from forecasts._calibration_table import RELATIVE

    fc = forecasts.forecast(_series([200.0, 210.0], "A"), 3, n_paths=20_000)
    assert fc.model == "naive (short series: 2 values)"
    assert np.allclose(fc.mean, 210.0)
    # The 80% half-width is 210 x the table's 80% knot x the factor the one observed change gives: the pooled
    # one-step sd is knot / 1.2816; the change 10 / 210 in those units, squared, joins 4 pseudo-observations of 1.
    knots80 = np.array([row[1] for row in RELATIVE["A"][:3]])
    pooled_sd = knots80[0] / 1.2815516
    factor = np.sqrt((4 + (10 / 210 / pooled_sd) ** 2) / 5)
    assert fc.info["spread_factor"] == pytest.approx(factor)
    assert np.allclose(fc.quantile(0.9) - 210.0, 210.0 * factor * knots80, rtol=0.03)
    assert np.all(np.diff(fc.quantile(0.9)) >= 0)  # wider with every step


def test_constant_series_forecasts_the_constant_with_an_honest_spread() -> None:
    fc = forecasts.forecast(_series([7.0] * 30), 4, n_paths=400)
    assert np.allclose(fc.mean, 7.0) and np.allclose(fc.quantile(0.5), 7.0)
    width = fc.quantile(0.975) - fc.quantile(0.025)
    assert np.all(width > 0) and np.all(width < 7.0)  # not certainty, not absurd
    assert fc.info["spread_factor"] == pytest.approx(np.sqrt(4 / (4 + 29)))  # 29 changes of 0
    assert "fallback" in fc.info


def test_a_zero_level_with_too_few_values_is_a_point_and_says_so() -> None:
    fc = forecasts.forecast(_series([0.0]), 2, n_paths=10)
    assert np.all(fc.paths == 0.0)
    assert "no level" in fc.info["fallback"]


def test_missing_last_periods_are_forecast_not_carried_forward() -> None:
    values = [float(v) for v in range(1, 31)] + [np.nan, np.nan]
    fc = forecasts.forecast(_series(values, "A"), 3, n_paths=200)
    # Output starts after the last (missing) period; a trend of +1 per year continues through the gap.
    assert fc.start == date(2020 + 32, 1, 1)
    assert fc.info["missing_at_end"] == 2
    assert fc.mean[0] > 31.5  # carried forward, the gap would hold 30 and the forecast start near 30


def test_one_absurd_value_is_ignored() -> None:
    values = 10 + np.sin(np.arange(40))
    values[25] = 1e9
    fc = forecasts.forecast(_series(values), 3, n_paths=50)
    assert np.all(np.abs(fc.mean - 10) < 3)


def test_a_real_spike_is_kept() -> None:
    from forecasts.models._common import clean_values

    # Unemployment in April 2020: a jump, then a slow way down.
    values = np.r_[np.full(20, 3.5) + np.arange(20) * 0.01, 14.7, 13.2, 11.0, 10.2, 8.4, 7.8, 6.9, 6.7]
    assert clean_values(_series(values))[20] == 14.7


def test_all_nan_series_is_a_series_error() -> None:
    with pytest.raises(SeriesError, match="no values"):
        forecasts.forecast(_series([np.nan, np.nan]), 3)


def test_unknown_model_and_bad_horizon() -> None:
    with pytest.raises(UnknownModelError):
        forecasts.forecast(seasonal_monthly(), 3, model="nope")
    with pytest.raises(ValueError, match="horizon"):
        forecasts.forecast(seasonal_monthly(), 0)


class _Exploding(Naive):
    name = "exploding"

    def _point_sd(self, h: int):  # type: ignore[no-untyped-def]
        return np.full(h, 1e15), np.full(h, 1e15), 1.0


def test_a_blown_up_model_falls_back_and_says_so() -> None:
    register("exploding", _Exploding)
    fc = forecasts.forecast(seasonal_monthly(), 3, model="exploding", n_paths=20)
    assert fc.model == "naive2"
    assert fc.info["fallback_from"] == ["exploding"]


@pytest.mark.parametrize(("freq", "n"), [("W", 170), ("D", 60), ("Q", 12), ("A", 9)])
def test_every_frequency_forecasts(freq: str, n: int) -> None:
    rng = np.random.default_rng(4)
    values = 20 + np.sin(np.arange(n) * 2 * np.pi / 7) + rng.normal(0, 0.3, n)
    fc = forecasts.forecast(Series(values, freq, date(2021, 1, 4)), 5, n_paths=40)  # type: ignore[arg-type]
    assert fc.paths.shape == (40, 5)
    assert np.all(np.abs(fc.mean - 20) < 5)


@pytest.mark.parametrize("n_paths", [1, 7, 200])
def test_paths_contract_shape_and_seeding(n_paths: int) -> None:
    series = seasonal_monthly()
    a = forecasts.forecast(series, 5, n_paths=n_paths, seed=11)
    assert a.paths.shape == (n_paths, 5)
    assert a.seed == 11
    assert np.array_equal(a.paths, forecasts.forecast(series, 5, n_paths=n_paths, seed=11).paths)
    if n_paths > 1:
        assert not np.array_equal(a.paths, forecasts.forecast(series, 5, n_paths=n_paths, seed=12).paths)
