"""The smoothers' grid search: fitting many histories in one pass gives exactly the fits one at a time."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from numpy.typing import NDArray

from forecasts.decompose import classical
from forecasts.models import get_model
from forecasts.models._smoothing import _BETA_FRACTIONS, _PHIS, ALPHAS, SmoothingFit, fit_smoothers
from forecasts.select import backtest_origins, run_backtest
from forecasts.types import Series
from tests.forecasts.conftest import seasonal_monthly

COMPONENTS = ["ses", "holt", "damped", "theta"]


def _reference(y: NDArray[np.float64], name: str) -> SmoothingFit:
    """One smoother on one history, as engine 1.3.1 first wrote it: one loop over t per grid."""

    def run(alpha, beta, phi, level, trend):  # type: ignore[no-untyped-def]
        sse = np.zeros_like(alpha)
        for t in range(1, len(y)):
            fitted = level + phi * trend
            err = y[t] - fitted
            sse += err * err
            level = fitted + alpha * err
            trend = phi * trend + beta * err
        return sse, level, trend

    if name in ("ses", "theta"):
        zeros = np.zeros_like(ALPHAS)
        sse, level, _ = run(ALPHAS, zeros, np.ones_like(ALPHAS), np.full_like(ALPHAS, y[0]), zeros)
        best = int(np.argmin(sse))
        sigma = float(np.sqrt(sse[best] / max(len(y) - 2, 1)))
        ses = SmoothingFit(float(ALPHAS[best]), 0.0, 1.0, float(level[best]), 0.0, sigma, len(y))
        if name == "ses":
            return ses
        n = len(y)
        drift = (float(np.polyfit(np.arange(n), y, 1)[0]) if n > 1 else 0.0) / 2.0
        offset = drift * (1.0 / ses.alpha - (1.0 - ses.alpha) ** n / ses.alpha - 1.0)
        return SmoothingFit(ses.alpha, 0.0, 1.0, ses.level + offset, drift, ses.sigma, n)
    phis = _PHIS if name == "damped" else np.array([1.0])
    a, bf, p = (g.ravel() for g in np.meshgrid(ALPHAS, _BETA_FRACTIONS, phis, indexing="ij"))
    k = min(len(y), 12)
    slope, intercept = np.polyfit(np.arange(k), y[:k], 1) if k >= 2 else (0.0, float(y[0]))
    sse, level, trend = run(a, a * bf, p, np.full_like(a, intercept), np.full_like(a, slope))
    best = int(np.argmin(sse))
    sigma = float(np.sqrt(sse[best] / max(len(y) - 4, 1)))
    return SmoothingFit(
        float(a[best]), float(a[best] * bf[best]), float(p[best]), float(level[best]), float(trend[best]), sigma, len(y)
    )


def _bits(fit: SmoothingFit) -> bytes:
    return np.array([fit.alpha, fit.beta, fit.phi, fit.level, fit.trend, fit.sigma, fit.n], dtype=float).tobytes()


@pytest.mark.parametrize("nested", [True, False], ids=["nested histories", "unrelated histories"])
def test_one_pass_over_many_histories_is_bit_for_bit_one_at_a_time(nested: bool) -> None:
    rng = np.random.default_rng(3)
    y = 5.0 + np.cumsum(rng.normal(0, 0.1, 60))
    lengths = [60, 59, 40, 13, 12, 5, 2, 1]  # a backtest's nested pasts, and short ones (other start states)
    targets = [y[:n] if nested else y[:n] * (1 + 0.01 * i) for i, n in enumerate(lengths)]
    fits = fit_smoothers(targets, COMPONENTS)
    for target, row in zip(targets, fits, strict=True):
        assert [_bits(f) for f in row] == [_bits(_reference(target, name)) for name in COMPONENTS]


def test_backtest_of_the_combination_is_the_same_as_refitting_at_each_origin() -> None:
    for series in (seasonal_monthly(n=90), Series(np.random.default_rng(4).normal(50, 2, 70), "M", date(2000, 1, 1))):
        bt = run_backtest(lambda: get_model("comb"), series, 6)
        assert bt.origins == backtest_origins(len(series), 6, 12)
        for row, origin in enumerate(bt.origins):
            past = Series(series.values[:origin], series.freq, series.start)
            point, sd, _ = get_model("comb").fit(past).point_sd(6)  # type: ignore[attr-defined]
            seen = min(6, len(series) - origin)
            assert bt.errors[row, :seen].tobytes() == (series.values[origin : origin + seen] - point[:seen]).tobytes()
            assert bt.sds[row, :seen].tobytes() == sd[:seen].tobytes()


def test_classical_indices_are_the_mean_ratio_to_the_moving_average_at_each_position() -> None:
    # Quarterly, additive (some values are negative): a line 2t plus the pattern -3, 1, -1, 3. The centred 2x4
    # moving average keeps the line and cancels the pattern, so the ratios (differences) are the pattern itself.
    values = 2.0 * np.arange(14) + np.tile([-3.0, 1.0, -1.0, 3.0], 4)[:14] - 20
    season = classical(values, 4)
    assert not season.multiplicative
    np.testing.assert_allclose(season.indices, [-3.0, 1.0, -1.0, 3.0], atol=1e-12)
