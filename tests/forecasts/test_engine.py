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
    assert bt["weights"] == {"theta": 0.5, "damped": 0.5}
    assert fc.info["engine_version"] == forecasts.ENGINE_VERSION


@pytest.mark.parametrize(
    ("values", "expected_model"),
    [
        ([5.0], "naive2"),  # too short for the combination
        ([3.0, 4.0], "naive2"),
        ([7.0] * 30, "comb"),  # constant
        (list(-np.arange(1.0, 40.0)), "comb"),  # negative
        ([1, 2, np.nan, 4, 5, np.nan, np.nan, 8, 9, 10, 11, 12, 13], "comb"),  # gaps
        ([np.nan, np.nan, 3, 4, 5, 6, 7, 8, 9, 10, 11], "comb"),  # leading gaps
    ],
)
def test_awkward_series_never_crash(values: list[float], expected_model: str) -> None:
    fc = forecasts.forecast(_series(values), 4, n_paths=50)
    assert fc.model == expected_model
    assert np.all(np.isfinite(fc.paths))
    if expected_model != "comb":
        assert fc.info["fallback_from"] == ["comb"]


def test_constant_series_forecasts_the_constant() -> None:
    fc = forecasts.forecast(_series([7.0] * 30), 4, n_paths=50)
    assert np.allclose(fc.paths, 7.0)


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
    with pytest.raises(SeriesError):
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
