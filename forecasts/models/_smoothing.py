"""Exponential smoothing fitted by vectorised grid search (numpy only, fast and deterministic).

Every candidate parameter set is run side by side over the series, so a fit costs one pass of ``n`` small
vector operations. These kernels power the default combination; the statsmodels ETS model is the
full-featured (and slower) alternative.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

#: The smoothing parameters every smoother searches (SES, Holt, damped; the optimised Theta line too).
ALPHAS = np.r_[np.linspace(0.02, 0.3, 15), np.linspace(0.35, 1.0, 14)]
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


@dataclass(frozen=True)
class _Grid:
    """One smoother's candidate parameters, searched side by side, and how it starts and counts its residuals."""

    alpha: NDArray[np.float64]
    beta: NDArray[np.float64]
    phi: NDArray[np.float64]
    trend: bool  # starts from a line through the first values (else flat, from the first value)
    dof_lost: int  # parameters the residual variance pays for


def _holt_grid(phis: NDArray[np.float64]) -> _Grid:
    a, bf, p = (g.ravel() for g in np.meshgrid(ALPHAS, _BETA_FRACTIONS, phis, indexing="ij"))
    return _Grid(a, a * bf, p, trend=True, dof_lost=4)


_GRIDS = {
    "ses": _Grid(ALPHAS, np.zeros_like(ALPHAS), np.ones_like(ALPHAS), trend=False, dof_lost=2),
    "holt": _holt_grid(np.array([1.0])),
    "damped": _holt_grid(_PHIS),
}
#: Theta lines by name and coefficient: SES plus a drift, so they need only SES's grid.
THETAS = {"theta": 2.0, "theta3": 3.0}
_BASE = {"ses": "ses", "holt": "holt", "damped": "damped", **dict.fromkeys(THETAS, "ses")}


INIT_WINDOW = 12


def _initial_states(y: NDArray[np.float64]) -> tuple[float, float]:
    """Level and trend before the first value, from a line through the first few values."""
    k = min(len(y), INIT_WINDOW)
    if k < 2:
        return float(y[0]), 0.0
    slope, intercept = np.polyfit(np.arange(k), y[:k], 1)
    return float(intercept), float(slope)


def _start(grid: _Grid, y: NDArray[np.float64]) -> tuple[float, float]:
    return _initial_states(y) if grid.trend else (float(y[0]), 0.0)


def _best(
    grid: _Grid, sse: NDArray[np.float64], level: NDArray[np.float64], trend: NDArray[np.float64], n: int
) -> SmoothingFit:
    """The candidate with the least in-sample one-step squared error."""
    best = int(np.argmin(sse))
    sigma = float(np.sqrt(sse[best] / max(n - grid.dof_lost, 1)))
    return SmoothingFit(
        float(grid.alpha[best]),
        float(grid.beta[best]),
        float(grid.phi[best]),
        float(level[best]),
        float(trend[best]) if grid.trend else 0.0,
        sigma,
        n,
    )


def theta_line(ses: SmoothingFit, y: NDArray[np.float64], theta: float) -> SmoothingFit:
    """The Theta method with coefficient ``theta`` from a fitted SES: SES plus (1 - 1/theta) of the OLS slope.

    ``theta = 2`` is the standard method of Assimakopoulos & Nikolopoulos (half the slope); a larger theta
    extrapolates more of the long-run trend. Written as SES with a drift (Hyndman & Billah 2003); the drift's
    start-up term is folded into the level.
    """
    n = len(y)
    slope = float(np.polyfit(np.arange(n), y, 1)[0]) if n > 1 else 0.0
    drift = slope * (1.0 - 1.0 / theta)
    alpha = ses.alpha
    offset = drift * (1.0 / alpha - (1.0 - alpha) ** n / alpha - 1.0)
    return SmoothingFit(alpha, 0.0, 1.0, ses.level + offset, drift, ses.sigma, n)


def fit_smoothers(targets: Sequence[NDArray[np.float64]], components: Sequence[str]) -> list[list[SmoothingFit]]:
    """Each named smoother (ses, holt, damped, theta, theta3) fitted on each target: ``fits[target][component]``.

    One vectorised pass serves them all: every candidate of every smoother runs side by side on every target
    (a row per target), and a target that starts a longer one (same values, same start states) reads its
    states off that row at its own length. Each candidate's recursion is the same elementwise arithmetic as
    when fitted alone, so the fits are bit for bit those of one smoother on one target at a time; a rolling-origin
    backtest refits on many nested histories, and this is what makes it cheap.
    """
    grids = list(dict.fromkeys(_BASE[name] for name in components))
    columns, first = {}, 0
    for name in grids:
        columns[name] = slice(first, first + len(_GRIDS[name].alpha))
        first = columns[name].stop
    alpha, beta, phi = (np.concatenate([getattr(_GRIDS[name], p) for name in grids]) for p in ("alpha", "beta", "phi"))

    # Rows: the distinct histories, longest first; each target reads its fit off a row at its length.
    rows: list[tuple[NDArray[np.float64], list[tuple[float, float]]]] = []
    row_of: dict[int, int] = {}
    for i in sorted(range(len(targets)), key=lambda i: -len(targets[i])):
        y = np.asarray(targets[i], dtype=float)
        starts = [_start(_GRIDS[name], y) for name in grids]
        same = (
            r for r, (longer, at) in enumerate(rows) if _same_floats(at, starts) and np.array_equal(longer[: len(y)], y)
        )
        row_of[i] = next(same, len(rows))
        if row_of[i] == len(rows):
            rows.append((y, starts))
    lengths = np.array([len(y) for y, _ in rows])
    level = np.empty((len(rows), first))
    trend = np.empty((len(rows), first))
    for r, (_, starts) in enumerate(rows):
        for name, (level0, trend0) in zip(grids, starts, strict=True):
            level[r, columns[name]] = level0
            trend[r, columns[name]] = trend0
    values = np.zeros((len(rows), int(lengths.max(initial=0))))
    for r, (y, _) in enumerate(rows):
        values[r, : len(y)] = y
    sse = np.zeros_like(level)

    due: dict[int, list[int]] = {}  # step -> targets whose last value it is
    states: dict[int, tuple[NDArray[np.float64], ...]] = {}
    for i, y in enumerate(targets):
        if len(y) <= 1:
            r = row_of[i]
            states[i] = (sse[r].copy(), level[r].copy(), trend[r].copy())
        else:
            due.setdefault(len(y) - 1, []).append(i)
    running = (lengths[None, :] > np.arange(values.shape[1])[:, None]).sum(axis=1)  # rows still going at t
    damped, fitted, err, scratch = (np.empty_like(level) for _ in range(4))
    for t in range(1, values.shape[1]):
        k = int(running[t])  # the rows are sorted longest first: rows[:k] are the ones still running
        # The recursion of one smoother on one history, written in place to save allocating per step:
        # fitted = level + phi * trend; err = y[t] - fitted; sse += err * err;
        # level = fitted + alpha * err; trend = phi * trend + beta * err.
        d, f, e, x = damped[:k], fitted[:k], err[:k], scratch[:k]
        np.multiply(phi, trend[:k], out=d)
        np.add(level[:k], d, out=f)
        np.subtract(values[:k, t, None], f, out=e)
        np.multiply(e, e, out=x)
        sse[:k] += x
        np.multiply(alpha, e, out=x)
        np.add(f, x, out=level[:k])
        np.multiply(beta, e, out=x)
        np.add(d, x, out=trend[:k])
        for i in due.get(t, ()):
            r = row_of[i]
            states[i] = (sse[r].copy(), level[r].copy(), trend[r].copy())

    fits = []
    for i, y in enumerate(targets):
        s, lv, tr = states[i]
        base = {name: _best(_GRIDS[name], s[c], lv[c], tr[c], len(y)) for name, c in columns.items()}
        fits.append([theta_line(base["ses"], y, THETAS[name]) if name in THETAS else base[name] for name in components])
    return fits


def _same_floats(a: Sequence[tuple[float, float]], b: Sequence[tuple[float, float]]) -> bool:
    return np.array(a, dtype=float).tobytes() == np.array(b, dtype=float).tobytes()


def fit_ses(y: NDArray[np.float64]) -> SmoothingFit:
    """Simple exponential smoothing, alpha chosen by in-sample one-step squared error."""
    return fit_smoothers([y], ["ses"])[0][0]


def fit_holt(y: NDArray[np.float64], *, damped: bool) -> SmoothingFit:
    """Holt's linear trend (optionally damped), parameters chosen by in-sample one-step squared error."""
    return fit_smoothers([y], ["damped" if damped else "holt"])[0][0]


def fit_theta(y: NDArray[np.float64]) -> SmoothingFit:
    """The standard Theta method: SES plus half the linear-regression slope (see ``theta_line``)."""
    return fit_smoothers([y], ["theta"])[0][0]
