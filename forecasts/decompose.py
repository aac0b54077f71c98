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


def classical(values: NDArray[np.float64], m: int) -> Seasonal:
    """Classical decomposition indices (multiplicative when every value is positive, else additive)."""
    n = len(values)
    multiplicative = bool(np.all(values > 0))
    if m % 2 == 0:
        weights = np.r_[0.5, np.ones(m - 1), 0.5] / m
    else:
        weights = np.ones(m) / m
    trend = np.convolve(values, weights, mode="valid")
    offset = (len(weights) - 1) // 2
    ratio = values[offset : offset + len(trend)]
    ratio = ratio / trend if multiplicative else ratio - trend
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
    del n
    return Seasonal(indices, multiplicative)


def seasonal_component(values: NDArray[np.float64], m: int) -> Seasonal:
    """Classical indices when the M4 test finds seasonality, else none."""
    if is_seasonal(values, m):
        return classical(values, m)
    return NONE
