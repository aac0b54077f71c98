"""Shared helpers for models: cleaning a series and turning (point, sd) into dependent sample paths."""

from __future__ import annotations

from typing import Self

import numpy as np
from numpy.typing import NDArray

from forecasts.errors import ForecastError, SeriesError
from forecasts.periods import shift
from forecasts.types import Forecast, Series

#: What a fit on a short or awkward history may raise; a backtest skips that origin.
FIT_FAILURES = (ForecastError, ValueError, FloatingPointError, np.linalg.LinAlgError)


def clean_values(series: Series) -> NDArray[np.float64]:
    """Values with inner gaps interpolated, leading gaps dropped and trailing gaps carried forward."""
    values = np.asarray(series.values, dtype=float)
    values = np.where(np.isfinite(values), values, np.nan)
    known = ~np.isnan(values)
    if not known.any():
        raise SeriesError("cannot forecast a series with no values")
    first = int(np.argmax(known))
    values = values[first:]
    known = known[first:]
    values = _drop_absurd(values)
    known = ~np.isnan(values)
    if not known.all():
        index = np.arange(len(values))
        values = np.interp(index, index[known], values[known])
    return values


def _drop_absurd(values: NDArray[np.float64]) -> NDArray[np.float64]:
    """NaN for values absurdly far from their neighbourhood (100x the typical step) and from all other data.

    One typo (an extra digit, a unit mix-up) would otherwise dominate every fit; a real level shift
    moves the neighbourhood median with it, and a real spike stays near the data's range, so both are kept.
    """
    known = values[~np.isnan(values)]
    if len(known) < 5:
        return values
    steps = np.abs(np.diff(known))
    scale = max(float(np.median(steps)), 1e-3 * float(np.median(np.abs(known))), 1e-12)
    if float(np.ptp(known)) <= 100 * scale:
        return values  # no value can be 100 steps from any neighbourhood median: skip the sliding medians
    padded = np.pad(values, 3, mode="edge")
    windows = np.lib.stride_tricks.sliding_window_view(padded, 7)
    local = np.nanmedian(windows, axis=1)
    candidates = np.abs(values - local) > 100 * scale
    others = values[~candidates & ~np.isnan(values)]
    if not candidates.any() or len(others) < 2:
        return values
    # A real spike stays within a few ranges of the rest of the data; a typo (an extra digit) does not.
    reach = 5 * float(np.ptp(others)) + scale
    absurd = candidates & (np.abs(values - float(np.median(others))) > reach)
    return np.where(absurd, np.nan, values)


def innovations(n_paths: int, h: int, seed: int) -> NDArray[np.float64]:
    """Exactly centred (antithetic) standard normal draws, shape (n_paths, h)."""
    rng = np.random.default_rng(seed)
    half = (n_paths + 1) // 2
    draws = rng.standard_normal(size=(half, h))
    return np.concatenate([draws, -draws])[:n_paths]


def standard_paths(h: int, *, alpha: float, n_paths: int, seed: int) -> NDArray[np.float64]:
    """Standard normal error trajectories (every step N(0, 1)) with random-walk-like dependence across steps.

    Errors follow the additive-error smoothing recursion e_h = z_h + alpha·Σ_{j<h} z_j, so a path that starts
    high tends to stay high (what rules over whole windows need); each step is then rescaled to unit sd.
    """
    z = innovations(n_paths, h, seed)
    alpha = float(np.clip(alpha, 0.0, 1.0))
    cum = np.cumsum(z, axis=1) - z
    e = z + alpha * cum
    natural = np.sqrt(1.0 + alpha**2 * np.arange(h))
    return np.asarray(e / natural)


def error_paths(sd: NDArray[np.float64], *, alpha: float, n_paths: int, seed: int) -> NDArray[np.float64]:
    """Zero-mean Gaussian error trajectories with per-step sd ``sd`` (see ``standard_paths``)."""
    return standard_paths(len(sd), alpha=alpha, n_paths=n_paths, seed=seed) * sd


def make_forecast(
    series: Series,
    point: NDArray[np.float64],
    sd: NDArray[np.float64],
    *,
    model: str,
    alpha: float,
    n_paths: int,
    seed: int,
    info: dict | None = None,
    widths: NDArray[np.float64] | None = None,
) -> Forecast:
    """Forecast whose paths are ``point`` plus dependent errors.

    The errors are Gaussian with per-step sd ``sd``; or, given ``widths`` (calibrated half-widths per step
    and level, see ``forecasts.calibration``), they have those quantiles and the same dependence across steps.
    """
    if widths is not None:
        from forecasts.calibration import marginal_map

        z = standard_paths(len(point), alpha=alpha, n_paths=n_paths, seed=seed)
        widths = np.where(np.isfinite(widths) & (widths > 0), widths, 0.0)
        paths = point[None, :] + marginal_map(z, widths)
    else:
        sd = np.where(np.isfinite(sd) & (sd > 0), sd, 0.0)
        paths = point[None, :] + error_paths(sd, alpha=alpha, n_paths=n_paths, seed=seed)
    return Forecast(
        paths=paths,
        freq=series.freq,
        start=shift(series.end, 1, series.freq),
        model=model,
        seed=seed,
        info=dict(info or {}),
    )


def check_sane(point: NDArray[np.float64], sd: NDArray[np.float64], history: NDArray[np.float64], name: str) -> None:
    """Raise ModelFitError when a forecast is non-finite or absurdly far from the data (e.g. an ETS blow-up)."""
    from forecasts.errors import ModelFitError

    if not (np.all(np.isfinite(point)) and np.all(np.isfinite(sd))):
        raise ModelFitError(f"{name}: non-finite forecast")
    span = float(np.ptp(history)) + float(np.mean(np.abs(history))) + 1e-9
    if np.max(np.abs(point - history[-1])) > 50 * span or np.max(sd) > 50 * span:
        raise ModelFitError(f"{name}: forecast blew up (far outside the data's range)")


class PointSdModel:
    """Base for models that forecast a point and a per-step sd; paths come from ``make_forecast``.

    Subclasses set ``name`` and implement ``_fit(y)`` (clean values) and ``_point_sd(h) -> (point, sd, alpha)``.
    """

    name = "base"
    min_length = 1

    def fit(self, series: Series) -> Self:
        """Learn from ``series`` (gaps interpolated) and return self."""
        self._fit(self._clean(series))
        return self

    def _clean(self, series: Series) -> NDArray[np.float64]:
        """The values to learn from (see ``clean_values``), kept with ``series``; ModelFitError when too few."""
        from forecasts.errors import ModelFitError

        y = clean_values(series)
        if len(y) < self.min_length:
            raise ModelFitError(f"{self.name} needs at least {self.min_length} values, got {len(y)}")
        self.series_ = series
        self.y_ = y
        return y

    def _fit(self, y: NDArray[np.float64]) -> None:
        raise NotImplementedError

    def _point_sd(self, h: int) -> tuple[NDArray[np.float64], NDArray[np.float64], float]:
        raise NotImplementedError

    def point_sd(self, h: int) -> tuple[NDArray[np.float64], NDArray[np.float64], float]:
        """Point forecast, per-step sd and the path-dependence parameter, checked for blow-ups."""
        point, sd, alpha = self._point_sd(h)
        point, sd = np.asarray(point, dtype=float), np.asarray(sd, dtype=float)
        check_sane(point, sd, self.y_, self.name)
        return point, sd, alpha

    def predict(self, h: int, *, n_paths: int = 1000, seed: int = 0) -> Forecast:
        """Simulate ``n_paths`` seeded paths over the next ``h`` periods."""
        point, sd, alpha = self.point_sd(h)
        return make_forecast(self.series_, point, sd, model=self.name, alpha=alpha, n_paths=n_paths, seed=seed)
