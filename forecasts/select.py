"""Rolling-origin backtests, calibration of the predictive spread, and the calibrated default forecaster.

For each series, a model is refitted at several past origins and its forecasts are compared with what
happened. The errors, divided by the sd the model claimed, tell how much wider (or narrower) the model's
spread needs to be on this series; the ratio is shrunk towards a prior (so a few lucky origins cannot make
intervals too narrow) and applied per horizon. The same backtest scores the model (MASE, coverage).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Self

import numpy as np
from numpy.typing import NDArray

from forecasts.errors import ForecastError, ModelFitError
from forecasts.metrics import mase_scale
from forecasts.models._common import PointSdModel, clean_values, make_forecast
from forecasts.models.base import Forecaster
from forecasts.types import Forecast, Series

logger = logging.getLogger(__name__)

#: Prior variance ratio and its weight (in pseudo-observations) when shrinking a series' own ratio.
#: Tuned on the M3 dev file's train/test split (coverage of the 80% and 95% intervals per frequency).
PRIOR_RATIO = 1.0
PRIOR_WEIGHT = 6.0
#: Pseudo-observations of the overall ratio when estimating one step's ratio.
HORIZON_WEIGHT = 4.0
#: Every origin the history allows, up to this many: more origins, steadier calibration (fits take milliseconds).
MAX_ORIGINS = 24
#: Extra relative sd per step beyond the model's own growth: backtests see mostly short horizons.
#: (Chosen together with the t innovations' tail, T_DF, by split-half validation on the dev file.)
GROWTH = 0.03


@dataclass(frozen=True)
class Backtest:
    """Errors of a model's forecasts from past origins: rows are origins, columns steps (NaN = not seen yet)."""

    origins: list[int]
    errors: NDArray[np.float64]
    sds: NDArray[np.float64]
    scale: float

    @property
    def n_errors(self) -> int:
        """How many (origin, step) errors were observed."""
        return int(np.sum(~np.isnan(self.errors)))


def backtest_origins(n: int, h: int, m: int, *, max_origins: int = MAX_ORIGINS) -> list[int]:
    """Training lengths to refit at: the last value held out, then every ceil(h/3) values further back."""
    step = max(1, -(-h // 3))
    min_train = max(8, min(3 * m if m > 1 else 0, n - h))
    return [o for o in (n - 1 - i * step for i in range(max_origins)) if o >= min_train]


def point_sd_model(model: Forecaster) -> PointSdModel:
    """The model as one that exposes point and sd forecasts (every built-in model does)."""
    if not isinstance(model, PointSdModel):
        raise ModelFitError(f"model {model.name!r} cannot be backtested: it has no point/sd forecast")
    return model


def run_backtest(make: Callable[[], Forecaster], series: Series, h: int) -> Backtest:
    """Refit ``make()`` at each origin and collect its errors and claimed sds per step."""
    y = clean_values(series)
    clean = Series(y, series.freq, series.start, series.name)
    origins = backtest_origins(len(y), h, series.season_length)
    errors = np.full((len(origins), h), np.nan)
    sds = np.full((len(origins), h), np.nan)
    kept = []
    for row, origin in enumerate(origins):
        try:
            point, sd, _ = point_sd_model(make()).fit(clean.head(origin)).point_sd(h)
        except (ForecastError, ValueError, FloatingPointError, np.linalg.LinAlgError):
            continue
        seen = min(h, len(y) - origin)
        errors[row, :seen] = y[origin : origin + seen] - point[:seen]
        sds[row, :seen] = sd[:seen]
        kept.append(row)
    scale = mase_scale(y, series.season_length)
    return Backtest([origins[r] for r in kept], errors[kept], sds[kept], scale)


def variance_ratio(bt: Backtest, *, prior: float = PRIOR_RATIO, weight: float = PRIOR_WEIGHT) -> float:
    """How much the claimed variance must grow to match the backtest errors, shrunk towards ``prior``."""
    ok = ~np.isnan(bt.errors) & (bt.sds > 0)
    if not ok.any():
        return prior
    r2 = (bt.errors[ok] / bt.sds[ok]) ** 2
    r2 = np.minimum(r2, 25.0)  # one wild origin must not explode the width
    return float((r2.sum() + weight * prior) / (len(r2) + weight))


def horizon_ratios(bt: Backtest, h: int, overall: float, *, weight: float = HORIZON_WEIGHT) -> NDArray[np.float64]:
    """Variance ratio per step: each step's own backtest evidence, shrunk towards the overall ratio.

    Models' sd often grows with the step in the wrong shape (too wide early on trending yearly series);
    the per-step evidence corrects the shape, the overall ratio keeps steps with little evidence sane.
    """
    out = np.full(h, overall)
    if not len(bt.errors):
        return out
    r2 = np.minimum((bt.errors / np.where(bt.sds > 0, bt.sds, np.nan)) ** 2, 25.0)
    for j in range(h):
        col = r2[:, j][~np.isnan(r2[:, j])] if j < r2.shape[1] else np.array([])
        out[j] = (col.sum() + weight * overall) / (len(col) + weight)
    return out


def backtest_metrics(bt: Backtest, ratio: float) -> dict[str, float | int]:
    """MASE and the coverage of the calibrated 80% / 95% normal intervals on the backtest."""
    ok = ~np.isnan(bt.errors)
    if not ok.any():
        return {"mase": float("nan"), "coverage_80": float("nan"), "coverage_95": float("nan"), "n_errors": 0}
    err = np.abs(bt.errors[ok])
    sd = bt.sds[ok] * np.sqrt(ratio)
    scale = bt.scale if bt.scale and bt.scale > 0 else float("nan")
    return {
        "mase": float(err.mean() / scale),
        "coverage_80": float(np.mean(err <= 1.2816 * sd)),
        "coverage_95": float(np.mean(err <= 1.96 * sd)),
        "n_errors": int(ok.sum()),
        "origins": len(bt.origins),
    }


class Calibrated:
    """A model whose spread is rescaled by its own rolling-origin backtest on the series."""

    def __init__(self, make: Callable[[], Forecaster], name: str | None = None) -> None:
        self.make = make
        self.name = name or make().name

    def fit(self, series: Series) -> Self:
        """Fit on the whole series and backtest at past origins (the horizon is fixed at predict time)."""
        self.series_ = series
        self.model_ = point_sd_model(self.make()).fit(series)
        return self

    def predict(self, h: int, *, n_paths: int = 1000, seed: int = 0) -> Forecast:
        """Paths with the backtest-calibrated spread; metrics in ``info['backtest']``."""
        point, sd, alpha = self.model_.point_sd(h)
        sd = sd * (1 + GROWTH * np.arange(h))
        bt = run_backtest(self.make, self.series_, h)
        ratio = variance_ratio(bt)
        ratio_h = horizon_ratios(bt, h, ratio)
        info = {
            "backtest": {
                "model": self.model_.name,
                "weights": getattr(self.model_, "weights", {self.model_.name: 1.0}),
                "variance_ratio": ratio,
                "variance_ratio_by_step": [float(r) for r in ratio_h],
                **backtest_metrics(bt, ratio),
            }
        }
        return make_forecast(
            self.series_,
            point,
            sd * np.sqrt(ratio_h),
            model=self.model_.name,
            alpha=alpha,
            n_paths=n_paths,
            seed=seed,
            info=info,
        )


def fallback_chain(model: str) -> Sequence[str]:
    """The models to try, in order, when ``model`` fails on a series."""
    chain = {"auto": ["comb", "naive2", "naive"], "comb": ["comb", "naive2", "naive"]}.get(model, [model])
    return [*chain, *(m for m in ("naive2", "naive") if m not in chain)]
