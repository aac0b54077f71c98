"""The optimised Theta line: alpha and theta chosen per series on errors made without look-ahead.

The standard Theta method fixes theta (2: half the long-run slope); the engine's Theta(3) line fixes it higher.
Fiorucci et al. (2016, the dynamic optimised Theta model) choose it per series instead. At every in-sample origin
t, the forecast is what ``theta_line`` gives from the first t values alone: SES's level plus (1 - 1/theta) of the
OLS slope *of those t values*, so an origin never sees the slope of the values it is scored on. The pair (alpha,
theta) with the least squared error wins, and forecasts with the whole series' slope.

``steps`` says which errors count: one step ahead (``1``), or the mean over steps 1..k of each step's mean
squared error over the origins that reach it (``k``, at most what the series allows). Longer steps favour the
theta that has matched the series' long-run drift.

Every term of the criterion is a quadratic in ``w = 1 - 1/theta`` whose coefficients are sums over origins that
depend on alpha only, so all (alpha, theta) pairs cost one pass of SES over the alpha grid plus O(n * steps).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from forecasts.models._smoothing import ALPHAS, SmoothingFit

#: Candidate thetas (theta = 1 is SES; 10 takes 90% of the slope).
THETA_GRID = np.array([1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 7.0, 10.0])
#: The first origin knows this many values (a slope needs two; three keep the first slopes from being wild).
MIN_KNOWN = 3


def ses_levels(targets: Sequence[NDArray[np.float64]]) -> list[NDArray[np.float64]]:
    """SES's level after each value, for every alpha of the grid: one (n, alphas) array per target.

    The targets run side by side (padded), the same recursion and start (the first value) as ``fit_ses``.
    """
    lengths = np.array([len(y) for y in targets])
    n_max = int(lengths.max(initial=0))
    values = np.zeros((len(targets), n_max))
    for i, y in enumerate(targets):
        values[i, : len(y)] = y
    out = np.empty((len(targets), n_max, len(ALPHAS)))
    level = np.repeat(values[:, :1], len(ALPHAS), axis=1)
    if n_max:
        out[:, 0] = level
    for t in range(1, n_max):
        level = level + ALPHAS * (values[:, t, None] - level)
        out[:, t] = level
    return [out[i, : len(y)] for i, y in enumerate(targets)]


def running_slopes(y: NDArray[np.float64]) -> NDArray[np.float64]:
    """The OLS slope of y[0..t] for every t (0 where t = 0)."""
    t = np.arange(len(y), dtype=float)
    count = t + 1
    sx, sy, sxx, sxy = np.cumsum(t), np.cumsum(y), np.cumsum(t * t), np.cumsum(t * y)
    den = count * sxx - sx * sx
    return np.where(den > 0, (count * sxy - sx * sy) / np.where(den > 0, den, 1.0), 0.0)


def _start_up(alpha: NDArray[np.float64], known: NDArray[np.float64]) -> NDArray[np.float64]:
    """``theta_line``'s start-up term per unit of drift, (1 - (1 - alpha)^n) / alpha - 1, for n values known."""
    return np.asarray((1.0 - (1.0 - alpha) ** known) / alpha - 1.0, dtype=float)


def squared_errors(
    y: NDArray[np.float64], levels: NDArray[np.float64], slope: NDArray[np.float64], steps: int
) -> NDArray[np.float64]:
    """The criterion for every (alpha, theta) of the grids: shape (alphas, thetas); needs len(y) > MIN_KNOWN."""
    n = len(y)
    w = 1.0 - 1.0 / THETA_GRID
    origins = np.arange(MIN_KNOWN - 1, n - 1)  # index of the last value known at each origin
    k_max = max(1, min(steps, n - MIN_KNOWN))
    k = np.arange(1.0, k_max + 1)
    # Each step's errors are averaged over the origins that reach it (n - MIN_KNOWN + 1 - k of them), then
    # the steps are averaged: origin o's error at step j weighs 1 / reach_j when o + j is in the series.
    weight = 1.0 / (n - MIN_KNOWN + 1 - k)
    # Per origin, the weighted sums of 1, j, j^2 (over the steps it reaches) and of y, j y, y^2 where it
    # lands; past the end the padded zeros add nothing.
    last = np.minimum(k_max, n - 1 - origins) - 1
    a, b, c = (np.cumsum(weight * k**p)[last] for p in (0, 1, 2))
    padded = np.r_[y, np.zeros(k_max)]
    d, e = (np.correlate(padded, weight * k**p, "valid")[origins + 1] for p in (0, 1))
    f = np.correlate(padded * padded, weight, "valid")[origins + 1]
    # Forecast from origin o at step j: u + j * v with u = L + w S c, v = w S (L: level, S: slope,
    # c: start-up term); the weighted squared errors sum to p0 + w p1 + w^2 p2, each a sum over origins
    # (written as products with the (origins, alphas) matrices L and c).
    lv = levels[origins]
    cu = _start_up(ALPHAS[None, :], np.asarray(origins + 1.0, dtype=np.float64)[:, None])
    sl = slope[origins]
    p0 = float(np.sum(f)) - 2 * (d @ lv) + a @ (lv * lv)
    p1 = 2 * ((sl * a) @ (cu * lv) - (sl * d) @ cu + (sl * b) @ lv - float(sl @ e))
    p2 = (sl * sl * a) @ (cu * cu) + 2 * ((sl * sl * b) @ cu) + float((sl * sl) @ c)
    return np.asarray(p0[:, None] + p1[:, None] * w[None, :] + p2[:, None] * (w * w)[None, :])


def fit_optimised_theta(y: NDArray[np.float64], levels: NDArray[np.float64], steps: int) -> SmoothingFit:
    """The optimised Theta line on ``y`` given SES's levels on it (``ses_levels``); see the module docstring."""
    n = len(y)
    slope = running_slopes(y)
    best_alpha, best_theta = 0, 0  # too short to judge: the smallest alpha and theta (SES)
    if n > MIN_KNOWN:
        sse = squared_errors(y, levels, slope, steps)
        best_alpha, best_theta = (int(i) for i in np.unravel_index(int(np.argmin(sse)), sse.shape))
    alpha = float(ALPHAS[best_alpha])
    drift = float(slope[-1] * (1.0 - 1.0 / THETA_GRID[best_theta]))
    level = float(levels[-1, best_alpha])
    one_step = y[1:] - levels[:-1, best_alpha]
    sigma = float(np.sqrt(np.sum(one_step**2) / max(n - 2, 1)))
    offset = drift * float(_start_up(np.array(alpha), np.array(float(n))))
    return SmoothingFit(alpha, 0.0, 1.0, level + offset, drift, sigma, n)
