"""Rolling-origin backtests and the calibration of the spread."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from forecasts.calibration import (
    Prior,
    half_widths,
    marginal_map,
    out_of_sample_coverage,
    prior_for,
    series_score,
    shrunk_factor,
)
from forecasts.models import get_model
from forecasts.models._common import PointSdModel
from forecasts.select import Backtest, Calibrated, backtest_metrics, backtest_origins, run_backtest
from forecasts.types import Series
from tests.forecasts.conftest import seasonal_monthly


def test_origins_step_back_from_the_end_and_keep_enough_training() -> None:
    assert backtest_origins(100, 18, 12) == [99, 93, 87, 81, 75, 69, 63, 57, 51, 45, 39]
    assert len(backtest_origins(1000, 18, 12)) == 24
    assert all(o >= 8 for o in backtest_origins(14, 6, 1))
    assert backtest_origins(5, 6, 1) == []


def test_backtest_errors_are_actual_minus_forecast() -> None:
    series = Series(np.arange(40.0), "A", date(1980, 1, 1))
    bt = run_backtest(lambda: get_model("drift"), series, 3)
    assert bt.origins
    assert np.nanmax(np.abs(bt.errors)) < 1e-9  # a straight line is forecast exactly
    assert bt.scale == 1.0


class _Spy(PointSdModel):
    """A drift model that records every history it is fitted on."""

    name = "spy"
    seen: list[np.ndarray] = []

    def _fit(self, y: np.ndarray) -> None:
        _Spy.seen.append(y.copy())
        self.last_, self.slope_ = float(y[-1]), float((y[-1] - y[0]) / (len(y) - 1))

    def _point_sd(self, h: int) -> tuple[np.ndarray, np.ndarray, float]:
        steps = np.arange(1, h + 1)
        return self.last_ + self.slope_ * steps, np.ones(h), 1.0


def test_backtest_cleans_each_origin_with_the_past_only() -> None:
    # A straight line 0..29, a gap at 30, then a jump to 1000. Filling the gap from the whole series would put
    # 514.5 there (half-way to the future jump); at origin 31 only the past is known, so it is carried forward.
    values = np.r_[np.arange(30.0), np.nan, np.full(9, 1000.0)]
    _Spy.seen = []
    bt = run_backtest(_Spy, Series(values, "A", date(1980, 1, 1)), 3)
    assert 31 in bt.origins
    fitted_at_31 = next(y for y in _Spy.seen if len(y) == 31)
    assert fitted_at_31[-1] == 29.0
    assert all(np.max(y) < 1000 for y in _Spy.seen if len(y) <= 30)
    # The gap is never an error to score against: it was not observed.
    row = bt.origins.index(30)
    assert np.isnan(bt.errors[row, 0])
    assert bt.errors[row, 1] == 1000.0 - 31.0  # the first known value after the gap, forecast as 29 + 2 * 1


def test_series_score_is_the_rms_of_clipped_scores_and_counts_origins() -> None:
    errors = np.array([[0.5, 0.6], [np.nan, 10.0], [np.nan, np.nan]])
    score, n = series_score(errors, np.ones_like(errors))
    assert score == pytest.approx(np.sqrt((0.25 + 0.36 + 25) / 3))  # median 0.6 < 0.674: 10 is clipped at 5 sds
    assert n == 2
    # A series whose model's sd is far too narrow is clipped at 5 of its typical scores, not at 5 sds: median 20,
    # typical 20 / 0.6744898, so 1000 counts as 5 * 20 / 0.6744898.
    wide = np.array([[10.0, 20.0], [np.nan, 1000.0]])
    clip = 5 * 20 / 0.6744898
    assert series_score(wide, np.ones_like(wide))[0] == pytest.approx(np.sqrt((100 + 400 + clip**2) / 3))


def test_series_factor_is_shrunk_towards_one() -> None:
    prior = Prior(scale=1.0, weight=16.0, knots=((1.0,) * 5,))
    assert shrunk_factor(4.0, 16, prior) == pytest.approx(2.0)  # half-way in logs: 4 ** (16 / 32)
    assert shrunk_factor(4.0, 0, prior) == 1.0
    assert shrunk_factor(float("nan"), 3, prior) == 1.0


def test_marginal_map_sends_normal_quantiles_to_the_knots() -> None:
    widths = np.array([[1.0, 2.0, 3.0, 4.0, 6.0]])
    z = np.array([[0.0], [0.6744898], [-1.2815516], [1.959964], [2.3263479 + 0.3636364]])
    out = marginal_map(z, widths).ravel()
    # Beyond the last knot the slope of the last segment (6 - 4) / (2.3263479 - 1.959964) continues.
    assert out == pytest.approx([0.0, 1.0, -2.0, 4.0, 6.0 + 0.3636364 * 2 / 0.3663839], rel=1e-6)


def test_out_of_sample_coverage_calibrates_each_origin_on_the_past_only() -> None:
    prior = Prior(scale=1.0, weight=0.0, knots=((0.5, 1.0, 1.5, 2.0, 2.5),))
    # Origin 10 has no past: factor 1, so an error of 3 misses both intervals. By origin 20 the error of
    # origin 10 is known: factor 3, widths 3 and 6, so the same error is covered. (Using each origin's own
    # errors would cover both.)
    cov = out_of_sample_coverage([20, 10], np.array([[3.0], [3.0]]), np.ones((2, 1)), prior)
    assert cov == {"coverage_80": 0.5, "coverage_95": 0.5}


def test_calibrated_paths_have_the_calibrated_quantiles() -> None:
    fc = Calibrated(lambda: get_model("comb")).fit(seasonal_monthly()).predict(6, n_paths=20_000, seed=3)
    point, sd, _ = get_model("comb").fit(seasonal_monthly()).point_sd(6)  # type: ignore[attr-defined]
    prior = prior_for("M")
    widths = half_widths(sd, fc.info["backtest"]["spread_factor"], prior)
    assert np.allclose(fc.mean, point)
    assert np.allclose(fc.quantile(0.9) - point, widths[:, 1], rtol=0.03)
    assert np.allclose(point - fc.quantile(0.025), widths[:, 3], rtol=0.05)


def test_calibration_widens_intervals_to_cover_what_they_claim() -> None:
    # Heavy-noise series: about 80% of a fresh draw falls in the 80% interval.
    rng = np.random.default_rng(0)
    hits80 = hits95 = raw80 = total = 0
    for k in range(30):
        values = 100 + rng.normal(0, 5, 80).cumsum() * 0.3 + rng.normal(0, 5, 80)
        series = Series(values[:-4], "A", date(1900, 1, 1))
        fc = Calibrated(lambda: get_model("comb")).fit(series).predict(4, n_paths=400, seed=k)
        raw = get_model("comb").fit(series).predict(4, n_paths=400, seed=k)
        actual = values[-4:]
        raw80 += int(np.sum((actual >= raw.quantile(0.1)) & (actual <= raw.quantile(0.9))))
        lo80, hi80 = fc.quantile(0.1), fc.quantile(0.9)
        lo95, hi95 = fc.quantile(0.025), fc.quantile(0.975)
        hits80 += int(np.sum((actual >= lo80) & (actual <= hi80)))
        hits95 += int(np.sum((actual >= lo95) & (actual <= hi95)))
        total += 4
    # 120 forecast values: an honest 80% interval covers 96 +- 2 binomial sd (4.4), an honest 95% one 114 +- 2 sd
    # (2.4). The model's own sd is honest on this noise, and calibration must not spoil that.
    assert 87 <= hits80 <= 105 and total == 120
    assert 87 <= raw80 <= 105
    assert 110 <= hits95 <= 118


def test_backtest_metrics_report_mase_and_out_of_sample_coverage() -> None:
    # |errors| 1, 1.5, 3 (one step unseen), claimed sd 1, in-sample scale 2: MASE = mean(1, 1.5, 3) / 2 = 11/12.
    # Origin 10 has no past: factor 1, bounds 1 and 2, its error 3 misses both. By origin 12 that error is known
    # (10 + 1 <= 12): factor 3 (weight 0), bounds 3 and 6, so errors 1 and 1.5 are inside both: 2 of 3.
    errors = np.array([[1.0, -1.5], [3.0, np.nan]])
    bt = Backtest([12, 10], errors, np.ones_like(errors), 2.0)
    prior = Prior(scale=1.0, weight=0.0, knots=((0.5, 1.0, 1.5, 2.0, 2.5),))
    assert backtest_metrics(bt, "A", prior=prior) == {
        "mase": 11 / 12,
        "coverage_80": 2 / 3,
        "coverage_95": 2 / 3,
        "n_errors": 3,
        "origins": 2,
    }
