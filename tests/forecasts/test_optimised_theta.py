"""The optimised Theta line: theta and alpha chosen on in-sample errors that never see the future slope."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.typing import NDArray

from forecasts.models._optimised_theta import MIN_KNOWN, THETA_GRID, fit_optimised_theta, ses_levels
from forecasts.models._smoothing import ALPHAS, SmoothingFit, theta_line


def ses_with(y: NDArray[np.float64], alpha: float) -> SmoothingFit:
    """SES with a fixed alpha, written out: the level starts at the first value."""
    level = float(y[0])
    for value in y[1:]:
        level += alpha * (float(value) - level)
    return SmoothingFit(alpha, 0.0, 1.0, level, 0.0, 1.0, len(y))


def brute_force(y: NDArray[np.float64], steps: int) -> tuple[float, float]:
    """(alpha, theta) by refitting ``theta_line`` on every prefix and scoring it on the values after it."""
    n = len(y)
    best, best_pair = np.inf, (0.0, 0.0)
    for alpha in ALPHAS:
        for theta in THETA_GRID:
            per_step: dict[int, list[float]] = {}
            for known in range(MIN_KNOWN, n):
                past = y[:known]
                reach = min(steps, n - known)
                point = theta_line(ses_with(past, float(alpha)), past, float(theta)).point(reach)
                for j in range(reach):
                    per_step.setdefault(j, []).append(float(y[known + j] - point[j]) ** 2)
            score = float(np.mean([np.mean(v) for v in per_step.values()]))
            if score < best - 1e-12:
                best, best_pair = score, (float(alpha), float(theta))
    return best_pair


@pytest.mark.parametrize(("seed", "steps"), [(0, 1), (1, 1), (2, 4), (3, 8), (4, 99)])
def test_the_choice_is_that_of_refitting_on_every_prefix(seed: int, steps: int) -> None:
    rng = np.random.default_rng(seed)
    y = 20 + np.cumsum(rng.normal(0.3, 1.0, 24))
    fit = fit_optimised_theta(y, ses_levels([y])[0], steps)
    alpha, theta = brute_force(y, steps)
    expected = theta_line(ses_with(y, alpha), y, theta)
    assert fit.alpha == alpha
    assert fit.point(6) == pytest.approx(expected.point(6), rel=1e-9)


def test_on_an_exact_line_it_takes_the_most_slope_and_the_last_value() -> None:
    # On 5 + 2t every prefix has slope 2 and SES lags by (1 - alpha) / alpha * 2, so a forecast from any origin
    # falls short by (1 - w) * 2 * ((1 - alpha) / alpha + j) with w = 1 - 1/theta: least with alpha = 1 and the
    # largest theta (10, w = 0.9). With alpha = 1 the line starts from the last value and drifts by 0.9 * 2.
    y = 5.0 + 2.0 * np.arange(20)
    for steps in (1, 8):
        fit = fit_optimised_theta(y, ses_levels([y])[0], steps)
        assert fit.alpha == 1.0
        assert fit.trend == pytest.approx(1.8)
        assert fit.point(3) == pytest.approx([y[-1] + 1.8, y[-1] + 3.6, y[-1] + 5.4])


def test_levels_of_many_targets_are_those_of_each_alone() -> None:
    rng = np.random.default_rng(5)
    targets = [rng.normal(0, 1, n).cumsum() for n in (5, 30, 17)]
    together = ses_levels(targets)
    for y, levels in zip(targets, together, strict=True):
        assert np.array_equal(levels, ses_levels([y])[0])
        assert levels[-1, 3] == ses_with(y, float(ALPHAS[3])).level
