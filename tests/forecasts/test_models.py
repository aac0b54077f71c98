"""Every registered model fits, predicts sensible seeded paths, and fails cleanly."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

import forecasts
from forecasts.errors import ModelFitError, UnknownModelError
from forecasts.models import available, get_model
from forecasts.types import Series
from tests.forecasts.conftest import seasonal_monthly, yearly

FAST_MODELS = ["naive", "snaive", "drift", "naive2", "ses", "holt", "damped", "stheta", "comb"]


def test_registry_lists_every_model() -> None:
    assert {"naive", "snaive", "drift", "naive2", "ets", "arima", "theta", "prophet", "comb"} <= set(available())
    with pytest.raises(UnknownModelError, match="choose one of"):
        get_model("nope")


@pytest.mark.parametrize("name", FAST_MODELS)
def test_fast_models_forecast_the_right_shape_and_place(name: str) -> None:
    series = seasonal_monthly()
    fc = get_model(name).fit(series).predict(12, n_paths=200, seed=3)
    assert fc.paths.shape == (200, 12)
    assert fc.start == date(2023, 1, 1)
    assert fc.model == name
    assert np.all(np.isfinite(fc.paths))
    # The forecast stays in the neighbourhood of the data.
    assert 60 < fc.mean.mean() < 180
    assert np.all(fc.quantile(0.9) >= fc.quantile(0.1))


def test_seasonal_naive_repeats_last_season() -> None:
    series = seasonal_monthly()
    fc = get_model("snaive").fit(series).predict(12, n_paths=10)
    assert np.allclose(fc.mean, series.values[-12:])


def test_drift_extends_the_line() -> None:
    series = Series(np.arange(10.0), "A", date(2000, 1, 1))
    fc = get_model("drift").fit(series).predict(3, n_paths=10)
    assert np.allclose(fc.mean, [10, 11, 12])


def test_naive2_reseasonalises_a_seasonal_series() -> None:
    fc = get_model("naive2").fit(seasonal_monthly()).predict(12, n_paths=10)
    assert np.ptp(fc.mean) > 10  # the season is put back, not a flat line


def test_combination_follows_a_trend() -> None:
    series = yearly()
    fc = get_model("comb").fit(series).predict(6, n_paths=100)
    assert fc.mean[-1] > fc.mean[0]


@pytest.mark.parametrize("name", ["ets", "arima", "theta"])
def test_statsmodels_models(name: str) -> None:
    series = yearly(16)
    fc = get_model(name).fit(series).predict(4, n_paths=50, seed=0)
    assert fc.paths.shape == (50, 4)
    assert np.all(np.isfinite(fc.paths))
    assert abs(fc.mean[0] - series.values[-1]) < 5 * np.std(np.diff(series.values)) + 1


def test_prophet_minimal() -> None:
    series = yearly(12)
    model = get_model("prophet").fit(series)
    fc = model.predict(3, n_paths=20)
    assert fc.paths.shape == (20, 3)
    assert '"__prophet_version"' in model.to_json()  # type: ignore[attr-defined]


def test_same_seed_same_paths_other_seed_other_paths() -> None:
    series = seasonal_monthly()
    a = forecasts.forecast(series, 6, n_paths=100, seed=7)
    b = forecasts.forecast(series, 6, n_paths=100, seed=7)
    c = forecasts.forecast(series, 6, n_paths=100, seed=8)
    assert np.array_equal(a.paths, b.paths)
    assert not np.array_equal(a.paths, c.paths)


def test_path_mean_is_the_point_forecast() -> None:
    model = get_model("comb").fit(seasonal_monthly())
    point, _, _ = model.point_sd(6)  # type: ignore[attr-defined]
    fc = model.predict(6, n_paths=100)
    assert np.allclose(fc.mean, point)


def test_paths_are_dependent_across_steps() -> None:
    fc = get_model("naive").fit(yearly()).predict(6, n_paths=2000)
    corr = np.corrcoef(fc.paths[:, 0], fc.paths[:, 5])[0, 1]
    assert corr > 0.2


def test_blow_up_is_detected() -> None:
    from forecasts.models._common import check_sane

    with pytest.raises(ModelFitError, match="blew up"):
        check_sane(np.array([1e12]), np.array([1.0]), np.array([1.0, 2.0, 3.0]), "ets")
    with pytest.raises(ModelFitError, match="non-finite"):
        check_sane(np.array([np.nan]), np.array([1.0]), np.array([1.0, 2.0, 3.0]), "ets")


def test_too_short_for_a_model_raises_fit_error() -> None:
    with pytest.raises(ModelFitError):
        get_model("comb").fit(Series(np.array([1.0, 2.0]), "M", date(2020, 1, 1)))


def test_innovations_are_centred_standard_normal() -> None:
    from forecasts.models._common import innovations

    z = innovations(200_000, 1, seed=1)[:, 0]
    assert z.mean() == 0.0  # antithetic pairs
    assert z.var() == pytest.approx(1.0, abs=0.02)
    assert np.quantile(np.abs(z), [0.8, 0.95]) == pytest.approx([1.2816, 1.96], abs=0.02)
