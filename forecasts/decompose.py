"""Seasonality: the M4 autocorrelation test and classical decomposition (as used by Naive2 and Theta).

Pure numpy so that the default engine never imports statsmodels.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray


def acf(values: NDArray[np.float64], nlags: int) -> NDArray[np.float64]:
    """Sample autocorrelations at lags 0..nlags."""
    x = values - values.mean()
    denom = float(np.dot(x, x))
    if denom == 0.0:
        return np.zeros(nlags + 1)
    return np.array([1.0] + [float(np.dot(x[lag:], x[:-lag])) / denom for lag in range(1, nlags + 1)])


def is_seasonal(values: NDArray[np.float64], m: int) -> bool:
    """M4's 90% test: is the autocorrelation at the seasonal lag significant?"""
    n = len(values)
    if m <= 1 or n < 3 * m:
        return False
    r = acf(values, m)
    limit = 1.645 * np.sqrt((1.0 + 2.0 * float(np.sum(r[1:m] ** 2))) / n)
    return bool(abs(r[m]) > limit)


@dataclass(frozen=True)
class Seasonal:
    """Seasonal indices (one per position in the cycle) and how they combine with the level."""

    indices: NDArray[np.float64]
    multiplicative: bool
    phase: int = 0  # position in the cycle of the series' first value

    def factor(self, start: int, length: int) -> NDArray[np.float64]:
        """Indices for ``length`` values from position ``start`` (0 = the series' first value)."""
        positions = (np.arange(start, start + length) + self.phase) % len(self.indices)
        return self.indices[positions]

    def remove(self, values: NDArray[np.float64]) -> NDArray[np.float64]:
        """The seasonally adjusted series."""
        f = self.factor(0, len(values))
        return values / f if self.multiplicative else values - f

    def restore(self, adjusted: NDArray[np.float64], start: int) -> NDArray[np.float64]:
        """Put the season back on values (or on the last axis of paths) starting at position ``start``."""
        f = self.factor(start, adjusted.shape[-1])
        return adjusted * f if self.multiplicative else adjusted + f


NONE = Seasonal(np.zeros(1), multiplicative=False)


def _ratios(values: NDArray[np.float64], m: int, multiplicative: bool) -> tuple[NDArray[np.float64], int]:
    """Detrended values (ratios or differences to the centred moving average) and the first one's position."""
    weights = np.r_[0.5, np.ones(m - 1), 0.5] / m if m % 2 == 0 else np.ones(m) / m
    trend = np.convolve(values, weights, mode="valid")
    offset = (len(weights) - 1) // 2
    detrended = values[offset : offset + len(trend)]
    detrended = detrended / trend if multiplicative else detrended - trend
    return detrended, offset


def classical(values: NDArray[np.float64], m: int) -> Seasonal:
    """Classical decomposition indices (multiplicative when every value is positive, else additive)."""
    multiplicative = bool(np.all(values > 0))
    ratio, offset = _ratios(values, m, multiplicative)
    # ratio[j] sits at position (offset + j) % m in the cycle, so position p's ratios are every m-th from
    # (p - offset) % m: a strided view (the same values in the same order as a mask would pick, without one).
    firsts = [(p - offset) % m for p in range(m)]
    indices = np.array([ratio[first::m].mean() if first < len(ratio) else np.nan for first in firsts])
    indices = np.where(np.isnan(indices), 1.0 if multiplicative else 0.0, indices)
    if multiplicative:
        indices = indices / indices.mean()
        if np.any(indices <= 0) or not np.all(np.isfinite(indices)):
            return NONE
    else:
        indices = indices - indices.mean()
    return Seasonal(indices, multiplicative)


def seasonal_component(values: NDArray[np.float64], m: int) -> Seasonal:
    """Classical indices when the M4 test finds seasonality, else none."""
    if is_seasonal(values, m):
        return classical(values, m)
    return NONE


def shrunk_seasonal(values: NDArray[np.float64], m: int, *, min_cycles: int = 2) -> Seasonal:
    """Classical indices shrunk towards no season by how clearly the data separate them from noise.

    Instead of an all-or-nothing test, each index moves towards 1 (0 if additive) by the positive-part
    James-Stein factor ``max(0, 1 - noise / spread)``: ``spread`` is the variance of the indices across the
    cycle and ``noise`` the variance one index has from sampling alone (the within-position variance of the
    detrended values over the number of cycles). A clear season is kept whole, a faint one damped, pure noise
    removed; two cycles are enough to start. On the development set's held-out halves this beat the 90% test
    on every frequency with a season (``benchmarks/point_variants.py``).
    """
    if m <= 1 or len(values) < min_cycles * m:
        return NONE
    season = classical(values, m)
    if season is NONE:
        return NONE
    detrended, offset = _ratios(values, m, season.multiplicative)
    positions = np.arange(offset, offset + len(detrended)) % m
    counts = np.bincount(positions, minlength=m)
    if np.any(counts == 0):
        return season  # cannot happen once len(values) >= 2m; kept as the classical indices if it did
    means = np.bincount(positions, weights=detrended, minlength=m) / counts
    within = detrended - means[positions]
    dof = max(len(detrended) - m, 1)
    noise = float(np.sum(within**2)) / dof / (len(detrended) / m)
    spread = float(np.var(means))
    weight = max(0.0, 1.0 - noise / spread) if spread > 0 else 0.0
    centre = 1.0 if season.multiplicative else 0.0
    if weight == 0.0:
        return NONE
    return Seasonal(centre + weight * (season.indices - centre), season.multiplicative, season.phase)
