"""The default point forecaster: a weighted combination of simple, robust smoothers.

Seasonality is removed first (classical decomposition, its indices shrunk towards none by how clearly the
data show them: ``forecasts.decompose.shrunk_seasonal``); positive series are then taken to logs; Theta
lines (fixed, and one with theta chosen per series: ``forecasts.models._optimised_theta``) and damped Holt
forecast the adjusted series and their forecasts are averaged with per-frequency weights; SES gives the spread.
Combinations of such methods are the classic winners of the M3 and M4 competitions; each one is fitted in
milliseconds.

Engine 1.4 chose the seasonal shrinkage, the members and their weights on the development set (M3 dev file
+ M1) with ``benchmarks/point_variants.py``, keeping a change only when it won on held-out random halves:
shrinkage instead of the 90% test (OWA 0.836 -> 0.810), a Theta line with theta = 3 (more of the long-run
trend) for yearly and quarterly series, and Theta (2 and 3) + damped + SES for monthly ones (0.810 -> 0.801).
Engine 1.5 added the optimised Theta line, judged one step ahead (yearly), over 8 steps (quarterly) or over
up to 99 steps (monthly, where it replaces SES): 0.801 -> 0.793.
Logs took OWA from 0.800 to 0.775 on the M3 dev file (engine 1.1).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from forecasts.decompose import NONE, seasonal_component, shrunk_seasonal
from forecasts.models._common import FIT_FAILURES, PointSdModel
from forecasts.models._optimised_theta import fit_optimised_theta, ses_levels
from forecasts.models._smoothing import THETAS, SmoothingFit, fit_holt, fit_ses, fit_smoothers, theta_line
from forecasts.models.base import register
from forecasts.types import Series

#: Members and weights per frequency (weekly and daily series take the monthly ones), chosen on held-out halves.
WEIGHTS: dict[str, dict[str, float]] = {
    "A": {"theta3": 1 / 3, "damped": 1 / 3, "otheta": 1 / 3},
    "Q": {"theta3": 0.48, "damped": 0.32, "otheta8": 0.2},
    "M": {"theta": 0.25, "theta3": 0.25, "damped": 0.25, "otheta99": 0.25},
}
#: Optimised Theta lines by name and the steps ahead their choice of theta is judged on (at most).
OPTIMISED_THETAS: dict[str, int] = {"otheta": 1, "otheta8": 8, "otheta99": 99}


def fit_component(name: str, y: NDArray[np.float64]) -> SmoothingFit:
    """Fit one named smoother on (seasonally adjusted) values."""
    if name == "ses":
        return fit_ses(y)
    if name == "holt":
        return fit_holt(y, damped=False)
    if name == "damped":
        return fit_holt(y, damped=True)
    if name in THETAS:
        return theta_line(fit_ses(y), y, THETAS[name])
    if name in OPTIMISED_THETAS:
        return fit_optimised_theta(y, ses_levels([y])[0], OPTIMISED_THETAS[name])
    raise ValueError(name)


class Combination(PointSdModel):
    """Weighted mean of Theta lines (fixed and optimised) and damped Holt (per frequency), seasonally adjusted."""

    name = "comb"
    min_length = 4

    def __init__(self, weights: dict[str, float] | None = None) -> None:
        self.fixed_weights = weights

    def _fit(self, y: NDArray[np.float64]) -> None:
        self._set_fits(self._fit_members([self._target(y)])[0])

    def _target(self, y: NDArray[np.float64]) -> NDArray[np.float64]:
        """The values the smoothers see: seasonally adjusted, in logs when positive."""
        self.season_ = shrunk_seasonal(y, self.series_.season_length)
        adjusted = self.season_.remove(y) if self.season_ is not NONE else y
        self.n_ = len(y)
        # Positive series are smoothed in logs: trends and errors then scale with the level.
        self.log_ = bool(np.all(adjusted > 0))
        self.weights_ = self.fixed_weights or WEIGHTS.get(self.series_.freq.value, WEIGHTS["M"])
        return np.log(adjusted) if self.log_ else adjusted

    def _fit_members(self, targets: list[NDArray[np.float64]]) -> list[list[SmoothingFit]]:
        """SES (the spread's proxy) and each member on each target: ``fits[target]`` in that order.

        The smoothers and the fixed Theta lines share one grid search (``fit_smoothers``); the optimised Theta
        lines share one pass of SES over the targets (``ses_levels``).
        """
        smoothers = ["ses", *(name for name in self.weights_ if name not in OPTIMISED_THETAS)]
        fitted = [dict(zip(smoothers, fits, strict=True)) for fits in fit_smoothers(targets, smoothers)]
        optimised = [name for name in self.weights_ if name in OPTIMISED_THETAS]
        if optimised:
            levels = ses_levels(targets)
            for y, level, fits in zip(targets, levels, fitted, strict=True):
                for name in optimised:
                    fits[name] = fit_optimised_theta(y, level, OPTIMISED_THETAS[name])
        return [[fits["ses"], *(fits[name] for name in self.weights_)] for fits in fitted]

    def _set_fits(self, fits: list[SmoothingFit]) -> None:
        self.ses_ = fits[0]
        self.fits_ = dict(zip(self.weights_, fits[1:], strict=True))

    def fit_batch(self, many: Sequence[Series]) -> list[Combination | None]:
        """A copy of this model fitted on each series (None where that fit failed), the smoothers in one pass.

        The fits are exactly those of ``fit`` one series at a time (see ``fit_smoothers``); a backtest's
        refits at many origins cost about one. The series share a frequency, hence the members.
        """
        models: list[Combination | None] = []
        targets = []
        for series in many:
            model: Combination | None = Combination(self.fixed_weights)
            try:
                targets.append(model._target(model._clean(series)))  # type: ignore[union-attr]
            except FIT_FAILURES:
                model = None
            models.append(model)
        fitted = [m for m in models if m is not None]
        if fitted:
            for model, fits in zip(fitted, fitted[0]._fit_members(targets), strict=True):
                model._set_fits(fits)
        return models

    @property
    def weights(self) -> dict[str, float]:
        """Each component's weight in the combination."""
        return dict(self.weights_)

    def _point_sd(self, h: int) -> tuple[NDArray[np.float64], NDArray[np.float64], float]:
        points = np.array([fit.point(h) for fit in self.fits_.values()])
        point = np.average(points, axis=0, weights=list(self.weights_.values()))
        # The spread of a combination is at most that of its members; SES's is a fair, simple proxy.
        base = self.ses_
        sd = base.sigma * base.sd_multipliers(h)
        if self.log_:
            # Median forecast back on the original scale; sd by the delta method (paths stay additive
            # around the point, so the path mean is the point forecast).
            point = np.exp(np.clip(point, -700, 700))
            sd = point * sd
        if self.season_ is not NONE:
            point = self.season_.restore(point, self.n_)
            if self.season_.multiplicative:
                sd = sd * self.season_.factor(self.n_, h)
        return point, sd, base.alpha


class Smoother(PointSdModel):
    """One smoother alone (ses, holt, damped or theta) on the seasonally adjusted series."""

    min_length = 3

    def __init__(self, component: str, name: str | None = None) -> None:
        self.component = component
        self.name = name or component

    def _fit(self, y: NDArray[np.float64]) -> None:
        self.season_ = seasonal_component(y, self.series_.season_length)
        adjusted = self.season_.remove(y) if self.season_ is not NONE else y
        self.n_ = len(y)
        self.fit_ = fit_component(self.component, adjusted)

    def _point_sd(self, h: int) -> tuple[NDArray[np.float64], NDArray[np.float64], float]:
        point, sd = self.fit_.point(h), self.fit_.sigma * self.fit_.sd_multipliers(h)
        if self.season_ is not NONE:
            point = self.season_.restore(point, self.n_)
            if self.season_.multiplicative:
                sd = sd * self.season_.factor(self.n_, h)
        return point, sd, self.fit_.alpha


register("comb", Combination)

register("ses", lambda: Smoother("ses"))
register("holt", lambda: Smoother("holt"))
register("damped", lambda: Smoother("damped"))
register("stheta", lambda: Smoother("theta", "stheta"))
