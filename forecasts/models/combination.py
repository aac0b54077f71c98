"""The default point forecaster: an equal-weight combination of simple, robust smoothers.

Seasonality is removed first (M4's 90% autocorrelation test, classical decomposition); positive series
are then taken to logs; the Theta method and damped Holt forecast the adjusted series and their forecasts
are averaged. On the M3 dev file this pair beat SES+damped+Theta, a median of four, and per-series
backtest selection or weighting; logs took OWA from 0.800 to 0.775, in every frequency. Combinations of
such methods are the classic winners of the M3 and M4 competitions; each one is fitted in milliseconds.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from forecasts.decompose import NONE, seasonal_component
from forecasts.models._common import FIT_FAILURES, PointSdModel
from forecasts.models._smoothing import SmoothingFit, fit_holt, fit_ses, fit_smoothers, fit_theta
from forecasts.models.base import register
from forecasts.types import Series

COMPONENTS = ("theta", "damped")


def fit_component(name: str, y: NDArray[np.float64]) -> SmoothingFit:
    """Fit one named smoother on (seasonally adjusted) values."""
    if name == "ses":
        return fit_ses(y)
    if name == "holt":
        return fit_holt(y, damped=False)
    if name == "damped":
        return fit_holt(y, damped=True)
    if name == "theta":
        return fit_theta(y)
    raise ValueError(name)


class Combination(PointSdModel):
    """Mean of Theta and damped Holt on the seasonally adjusted series."""

    name = "comb"
    min_length = 4

    def __init__(self, components: tuple[str, ...] = COMPONENTS, how: str = "mean") -> None:
        self.components = components
        self.how = how

    def _fit(self, y: NDArray[np.float64]) -> None:
        self.fits_ = fit_smoothers([self._target(y)], self.components)[0]

    def _target(self, y: NDArray[np.float64]) -> NDArray[np.float64]:
        """The values the smoothers see: seasonally adjusted, in logs when positive."""
        self.season_ = seasonal_component(y, self.series_.season_length)
        adjusted = self.season_.remove(y) if self.season_ is not NONE else y
        self.n_ = len(y)
        # Positive series are smoothed in logs: trends and errors then scale with the level.
        self.log_ = bool(np.all(adjusted > 0))
        return np.log(adjusted) if self.log_ else adjusted

    def fit_batch(self, many: Sequence[Series]) -> list[Combination | None]:
        """A copy of this model fitted on each series (None where that fit failed), the smoothers in one pass.

        The fits are exactly those of ``fit`` one series at a time (see ``fit_smoothers``); a backtest's
        refits at many origins cost about one.
        """
        models: list[Combination | None] = []
        targets = []
        for series in many:
            model: Combination | None = Combination(self.components, self.how)
            try:
                targets.append(model._target(model._clean(series)))  # type: ignore[union-attr]
            except FIT_FAILURES:
                model = None
            models.append(model)
        fitted = [m for m in models if m is not None]
        for model, fits in zip(fitted, fit_smoothers(targets, self.components), strict=True):
            model.fits_ = fits
        return models

    @property
    def weights(self) -> dict[str, float]:
        """Each component's weight in the combination."""
        return {name: 1.0 / len(self.components) for name in self.components}

    def _point_sd(self, h: int) -> tuple[NDArray[np.float64], NDArray[np.float64], float]:
        points = np.array([fit.point(h) for fit in self.fits_])
        point = np.median(points, axis=0) if self.how == "median" else points.mean(axis=0)
        # The spread of a combination is at most that of its members; Theta's (SES's) is a fair, simple proxy.
        base = self.fits_[0]
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
