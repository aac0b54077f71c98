"""Exponential smoothing fitted by vectorised grid search (numpy only, fast and deterministic).

Every candidate parameter set is run side by side over the series, so a fit costs one pass of ``n`` small
vector operations. These kernels power the default combination; the statsmodels ETS model is the
full-featured (and slower) alternative.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

_ALPHAS = np.r_[np.linspace(0.02, 0.3, 15), np.linspace(0.35, 1.0, 14)]
_BETA_FRACTIONS = np.array([0.02, 0.05, 0.1, 0.2, 0.35, 0.6])
_PHIS = np.array([0.8, 0.88, 0.94, 0.98])


@dataclass(frozen=True)
class SmoothingFit:
    """A fitted level/trend smoother: final states, parameters and one-step residual scale."""

    alpha: float
    beta: float
    phi: float
    level: float
    trend: float
    sigma: float
    n: int

    def _damped_steps(self, steps: NDArray[np.int_]) -> NDArray[np.float64]:
        """phi + phi^2 + ... + phi^k for each k in ``steps``."""
        if self.phi == 1.0:
            return steps.astype(float)
        return np.asarray(self.phi * (1 - self.phi**steps) / (1 - self.phi), dtype=float)

    def point(self, h: int) -> NDArray[np.float64]:
        """Point forecasts for steps 1..h."""
        return self.level + self._damped_steps(np.arange(1, h + 1)) * self.trend

    def sd_multipliers(self, h: int) -> NDArray[np.float64]:
        """sqrt(1 + sum c_j^2): how the one-step error sd grows with the step (additive-error ETS)."""
        c = self.alpha + self.beta * self._damped_steps(np.arange(1, h))
        return np.sqrt(1.0 + np.r_[0.0, np.cumsum(c**2)])


def _run(y: NDArray[np.float64], alpha, beta, phi, level, trend):  # type: ignore[no-untyped-def]
    sse = np.zeros_like(alpha)
    for t in range(1, len(y)):
        fitted = level + phi * trend
        err = y[t] - fitted
        sse += err * err
        level = fitted + alpha * err
        trend = phi * trend + beta * err
    return sse, level, trend


INIT_WINDOW = 12


def _initial_states(y: NDArray[np.float64]) -> tuple[float, float]:
    """Level and trend before the first value, from a line through the first few values."""
    k = min(len(y), INIT_WINDOW)
    if k < 2:
        return float(y[0]), 0.0
    slope, intercept = np.polyfit(np.arange(k), y[:k], 1)
    return float(intercept), float(slope)


def fit_ses(y: NDArray[np.float64]) -> SmoothingFit:
    """Simple exponential smoothing, alpha chosen by in-sample one-step squared error."""
    alpha = _ALPHAS
    zeros = np.zeros_like(alpha)
    sse, level, _ = _run(y, alpha, zeros, np.ones_like(alpha), np.full_like(alpha, y[0]), zeros)
    best = int(np.argmin(sse))
    sigma = float(np.sqrt(sse[best] / max(len(y) - 2, 1)))
    return SmoothingFit(float(alpha[best]), 0.0, 1.0, float(level[best]), 0.0, sigma, len(y))


def fit_holt(y: NDArray[np.float64], *, damped: bool) -> SmoothingFit:
    """Holt's linear trend (optionally damped), parameters chosen by in-sample one-step squared error."""
    phis = _PHIS if damped else np.array([1.0])
    a, bf, p = (g.ravel() for g in np.meshgrid(_ALPHAS, _BETA_FRACTIONS, phis, indexing="ij"))
    b = a * bf
    level0, trend0 = _initial_states(y)
    sse, level, trend = _run(y, a, b, p, np.full_like(a, level0), np.full_like(a, trend0))
    best = int(np.argmin(sse))
    sigma = float(np.sqrt(sse[best] / max(len(y) - 4, 1)))
    return SmoothingFit(
        float(a[best]), float(b[best]), float(p[best]), float(level[best]), float(trend[best]), sigma, len(y)
    )


def fit_theta(y: NDArray[np.float64]) -> SmoothingFit:
    """The standard Theta method (Assimakopoulos & Nikolopoulos): SES plus half the linear-regression slope.

    Written as SES with drift b/2 (Hyndman & Billah 2003); the drift's start-up term is folded into the level.
    """
    ses = fit_ses(y)
    n = len(y)
    t = np.arange(n)
    slope = float(np.polyfit(t, y, 1)[0]) if n > 1 else 0.0
    drift = slope / 2.0
    alpha = ses.alpha
    # ŷ(n+h) = ℓ_n + b/2 * (h - 1 + 1/α - (1-α)^n / α)
    offset = drift * (1.0 / alpha - (1.0 - alpha) ** n / alpha - 1.0)
    return SmoothingFit(alpha, 0.0, 1.0, ses.level + offset, drift, ses.sigma, n)
