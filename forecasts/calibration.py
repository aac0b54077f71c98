"""Calibrating the predictive spread from out-of-sample errors: the series' own, shrunk to a pooled estimate.

A forecast's errors, divided by the sd its model claimed, are *scores*. Two sources say how large they get:

- **The series' own rolling-origin backtest.** Its typical score (root mean square, clipped) says whether the
  model's sd is too narrow or too wide on this series. With few origins the evidence is thin, so the ratio to
  the pooled typical score is shrunk towards 1: ``factor = (own / pooled) ** (n / (n + weight))``, with ``n``
  the number of origins.
- **A pooled table** per frequency and step: the empirical quantiles of the absolute scores (divided by each
  series' factor) that forecasts of many development series made on their real hold-out. It carries the shape
  of the error distribution (its tails, and how they grow with the step) that one series cannot estimate.

The half-width of the central interval at level ``L`` and step ``j`` is then ``sd_j * factor * knot_j(L)``: a
normalised split-conformal interval whose calibration set is the pooled hold-out errors, rescaled per series.
Sample paths keep the dependence across steps of the model's error recursion (a Gaussian copula) and take
these marginals: each step's standard normal draw is mapped through the piecewise-linear function that sends
the normal's quantiles to the knots.

The pooled tables live in ``forecasts/_calibration_table.py``, written by ``benchmarks/forecast_tune.py`` from
the development set (the M3 dev file and M1). The benchmark checks them on held-out halves: learnt on one half,
scored on the other.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

#: Central interval levels the pooled table holds knots for.
LEVELS: tuple[float, ...] = (0.5, 0.8, 0.9, 0.95, 0.98)
#: The standard normal's quantile at (1 + level) / 2 for each level: where the copula maps each knot from.
NORMAL_KNOTS: NDArray[np.float64] = np.array([0.6744898, 1.2815516, 1.6448536, 1.9599640, 2.3263479])
#: Scores beyond this many sds count as this many (one wild origin must not explode the width).
CLIP = 5.0


@dataclass(frozen=True)
class Prior:
    """The pooled calibration of one frequency.

    ``scale`` is the typical backtest score of the development series (their geometric mean), ``weight`` the
    pseudo-origins it counts for, and ``knots[j][i]`` the |score| quantile at ``LEVELS[i]`` for step ``j + 1``.
    """

    scale: float
    weight: float
    knots: tuple[tuple[float, ...], ...]

    def knots_for(self, h: int) -> NDArray[np.float64]:
        """Knots for steps 1..h, shape (h, len(LEVELS)); steps beyond the table repeat its last step."""
        table = np.asarray(self.knots, dtype=float)
        return table[np.minimum(np.arange(h), len(table) - 1)]


def series_score(errors: NDArray[np.float64], sds: NDArray[np.float64]) -> tuple[float, int]:
    """The root mean square of the clipped scores of a backtest and the number of origins that have any."""
    ok = ~np.isnan(errors) & (sds > 0)
    if not ok.any():
        return float("nan"), 0
    z = np.minimum(np.abs(errors[ok] / sds[ok]), CLIP)
    return float(np.sqrt(np.mean(z**2))), int(np.sum(ok.any(axis=1)))


def shrunk_factor(score: float, n: int, prior: Prior) -> float:
    """The series' spread relative to the pooled one, shrunk towards 1 by the prior's weight."""
    if n == 0 or not np.isfinite(score) or score <= 0:
        return 1.0
    return float((score / prior.scale) ** (n / (n + prior.weight)))


def half_widths(sd: NDArray[np.float64], factor: float, prior: Prior) -> NDArray[np.float64]:
    """Half-width of each central interval (columns: LEVELS) per step (rows)."""
    return np.asarray(sd, dtype=float)[:, None] * factor * prior.knots_for(len(sd))


def marginal_map(z: NDArray[np.float64], widths: NDArray[np.float64]) -> NDArray[np.float64]:
    """Map standard normal draws ``z`` (n_paths, h) to errors whose quantiles are the ``widths`` (h, levels).

    Piecewise linear and odd in each step: the normal's quantile at (1 + L) / 2 goes to the level-L half-width,
    and the tail beyond the last knot continues the last segment's slope. Odd, so antithetic draws keep the
    path mean at the point forecast; monotone, so the dependence across steps is that of ``z``.
    """
    xs = np.r_[0.0, NORMAL_KNOTS]
    out = np.empty_like(z)
    a = np.abs(z)
    for j in range(z.shape[1]):
        ys = np.r_[0.0, widths[j]]
        slope = (ys[-1] - ys[-2]) / (xs[-1] - xs[-2])
        col = np.interp(a[:, j], xs, ys)
        beyond = a[:, j] > xs[-1]
        col[beyond] = ys[-1] + slope * (a[beyond, j] - xs[-1])
        out[:, j] = np.sign(z[:, j]) * col
    return out


def out_of_sample_coverage(
    origins: list[int], errors: NDArray[np.float64], sds: NDArray[np.float64], prior: Prior
) -> dict[str, float]:
    """Coverage of the calibrated 80% / 95% intervals on the backtest, each origin calibrated on the past only.

    The interval at origin ``o`` uses only the errors that were known by then (an error at step ``j`` of an
    earlier origin ``o'`` is known once ``o' + j <= o``) and the pooled table, never its own errors.
    """
    if not origins:
        return {"coverage_80": float("nan"), "coverage_95": float("nan")}
    i80, i95 = LEVELS.index(0.8), LEVELS.index(0.95)
    steps = np.arange(1, errors.shape[1] + 1)
    hits80 = hits95 = total = 0
    knots = prior.knots_for(errors.shape[1])
    for row, origin in enumerate(origins):
        seen = (np.asarray(origins)[:, None] + steps[None, :]) <= origin
        past_err = np.where(seen, errors, np.nan)
        score, n = series_score(past_err, sds)
        factor = shrunk_factor(score, n, prior)
        ok = ~np.isnan(errors[row])
        err = np.abs(errors[row, ok])
        width = sds[row, ok] * factor
        hits80 += int(np.sum(err <= width * knots[ok, i80]))
        hits95 += int(np.sum(err <= width * knots[ok, i95]))
        total += int(ok.sum())
    if total == 0:
        return {"coverage_80": float("nan"), "coverage_95": float("nan")}
    return {"coverage_80": hits80 / total, "coverage_95": hits95 / total}


def prior_for(freq: str) -> Prior:
    """The pooled calibration of ``freq`` (weekly and daily series borrow the monthly table)."""
    from forecasts._calibration_table import PRIORS

    return PRIORS.get(freq) or PRIORS["M"]
