"""Rolling-origin backtests and the calibration of the spread."""

from __future__ import annotations

from datetime import date

import numpy as np

from forecasts.models import get_model
from forecasts.select import (
    Backtest,
    Calibrated,
    backtest_metrics,
    backtest_origins,
    run_backtest,
    variance_ratio,
)
from forecasts.types import Series


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


def _bt(errors: np.ndarray, sds: np.ndarray) -> Backtest:
    return Backtest(list(range(len(errors))), errors, sds, 1.0)


def test_variance_ratio_grows_when_errors_exceed_the_claimed_sd() -> None:
    sds = np.ones((6, 4))
    small = variance_ratio(_bt(np.full((6, 4), 0.5), sds))
    large = variance_ratio(_bt(np.full((6, 4), 3.0), sds))
    assert small < 1.0 < large


def test_variance_ratio_is_shrunk_to_the_prior_with_little_evidence() -> None:
    assert variance_ratio(_bt(np.full((0, 4), np.nan), np.ones((0, 4))), prior=2.0) == 2.0
    one = np.full((1, 4), np.nan)
    one[0, 0] = 0.0
    assert 1.0 < variance_ratio(_bt(one, np.ones((1, 4))), prior=2.0, weight=6.0) < 2.0


def test_calibration_widens_intervals_to_cover_what_they_claim() -> None:
    # Heavy-noise series: the model's own sd is honest, so about 80% of a fresh draw falls in the 80% interval.
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
    # (2.4). The model's own 80% intervals cover 93 of them on these draws: calibration widens them.
    assert 87 <= hits80 <= 105 and total == 120
    assert hits80 > raw80
    assert 110 <= hits95 <= 118


def test_backtest_metrics_report_mase_and_coverage() -> None:
    # |errors| 1, 1.5, 3 (one step unseen), claimed sd 1, in-sample scale 2: MASE = mean(1, 1.5, 3) / 2 = 11/12.
    # Unscaled, 1.28 sd holds 1 of 3 errors and 1.96 sd holds 2; with the variance ratio 4 (sd x 2) the 80%
    # bound is 2.56 (2 of 3) and the 95% bound 3.92 (all 3).
    errors = np.array([[1.0, -1.5], [3.0, np.nan]])
    bt = Backtest([10, 12], errors, np.ones_like(errors), 2.0)
    assert backtest_metrics(bt, 1.0) == {
        "mase": 11 / 12,
        "coverage_80": 1 / 3,
        "coverage_95": 2 / 3,
        "n_errors": 3,
        "origins": 2,
    }
    wider = backtest_metrics(bt, 4.0)
    assert (wider["coverage_80"], wider["coverage_95"]) == (2 / 3, 1.0)


def test_horizon_ratios_follow_each_steps_evidence_shrunk_to_the_overall() -> None:
    from forecasts.select import horizon_ratios

    errors = np.array([[0.5, 3.0], [0.5, 3.0], [0.5, np.nan]])
    ratios = horizon_ratios(_bt(errors, np.ones_like(errors)), 3, 1.0, weight=4.0)
    assert ratios[0] < 1.0 < ratios[1]
    assert ratios[2] == 1.0  # no evidence at step 3: the overall ratio
