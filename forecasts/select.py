"""Rolling-origin backtests and the calibrated default forecaster.

For each series, a model is refitted at several past origins, each time on the values known at that origin
only (gaps are filled and typos dropped from those values alone), and its forecasts are compared with what
happened. The errors, divided by the sd the model claimed, calibrate the spread of the forecast together with
a pooled shape learnt from the development set's backtest errors (``forecasts.calibration``). The same backtest
scores the model: MASE, and the coverage of intervals calibrated at each origin on the past only.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Self

import numpy as np
from numpy.typing import NDArray

from forecasts.calibration import Prior, half_widths, out_of_sample_coverage, prior_for, series_score, shrunk_factor
from forecasts.errors import ModelFitError
from forecasts.metrics import mase_scale
from forecasts.models._common import FIT_FAILURES, PointSdModel, clean_values, make_forecast
from forecasts.models.base import Forecaster
from forecasts.types import Forecast, Series

logger = logging.getLogger(__name__)

#: Every origin the history allows, up to this many: more origins, steadier calibration (fits take milliseconds).
MAX_ORIGINS = 24


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


def fit_at_origins(make: Callable[[], Forecaster], pasts: Sequence[Series]) -> list[PointSdModel | None]:
    """``make()`` fitted on each past (None where the fit failed).

    A model with a ``fit_batch`` (the default combination) fits every past in one vectorised pass, with the
    same results as one at a time.
    """
    try:
        batch = getattr(point_sd_model(make()), "fit_batch", None)
    except FIT_FAILURES:
        return [None] * len(pasts)
    if batch is not None:
        try:
            fitted: list[PointSdModel | None] = batch(pasts)
            return fitted
        except FIT_FAILURES:
            pass  # one awkward past spoils the shared pass: fit one at a time, skipping only that one
    models: list[PointSdModel | None] = []
    for past in pasts:
        try:
            models.append(point_sd_model(make()).fit(past))
        except FIT_FAILURES:
            models.append(None)
    return models


def run_backtest(make: Callable[[], Forecaster], series: Series, h: int) -> Backtest:
    """Refit ``make()`` at each origin on the values known then; collect its errors and claimed sds per step."""
    raw = np.where(np.isfinite(series.values), series.values, np.nan)
    known = ~np.isnan(raw)
    if not known.any():
        return Backtest([], np.full((0, h), np.nan), np.full((0, h), np.nan), float("nan"))
    raw = raw[int(np.argmax(known)) :]
    # What the forecasts are scored against: the observed values (typos dropped), never filled-in gaps.
    actual = np.where(np.isnan(raw), np.nan, clean_values(Series(raw, series.freq, series.start)))
    origins = backtest_origins(len(raw), h, series.season_length)
    errors = np.full((len(origins), h), np.nan)
    sds = np.full((len(origins), h), np.nan)
    kept = []
    pasts = [Series(raw[:origin], series.freq, series.start, series.name) for origin in origins]
    for row, (origin, model) in enumerate(zip(origins, fit_at_origins(make, pasts), strict=True)):
        if model is None:
            continue
        try:
            point, sd, _ = model.point_sd(h)
        except FIT_FAILURES:
            continue
        seen = min(h, len(raw) - origin)
        errors[row, :seen] = actual[origin : origin + seen] - point[:seen]
        sds[row, :seen] = sd[:seen]
        kept.append(row)
    scale = mase_scale(actual, series.season_length)
    return Backtest([origins[r] for r in kept], errors[kept], sds[kept], scale)


def backtest_metrics(bt: Backtest, freq: str, *, prior: Prior | None = None) -> dict[str, float | int]:
    """MASE on the backtest and the out-of-sample coverage of its calibrated 80% / 95% intervals."""
    ok = ~np.isnan(bt.errors)
    if not ok.any():
        return {"mase": float("nan"), "coverage_80": float("nan"), "coverage_95": float("nan"), "n_errors": 0}
    scale = bt.scale if bt.scale and bt.scale > 0 else float("nan")
    return {
        "mase": float(np.abs(bt.errors[ok]).mean() / scale),
        **out_of_sample_coverage(bt.origins, bt.errors, bt.sds, prior or prior_for(freq)),
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
        """Paths with the calibrated spread; the calibration and backtest metrics in ``info['backtest']``."""
        point, sd, alpha = self.model_.point_sd(h)
        bt = run_backtest(self.make, self.series_, h)
        freq = self.series_.freq.value
        prior = prior_for(freq)
        score, n = series_score(bt.errors, bt.sds, prior.half_life)
        factor = shrunk_factor(score, n, prior)
        info = {
            "backtest": {
                "model": self.model_.name,
                "weights": getattr(self.model_, "weights", {self.model_.name: 1.0}),
                "spread_factor": factor,
                "score": score if np.isfinite(score) else None,
                **backtest_metrics(bt, freq),
            }
        }
        return make_forecast(
            self.series_,
            point,
            sd,
            model=self.model_.name,
            alpha=alpha,
            n_paths=n_paths,
            seed=seed,
            info=info,
            widths=half_widths(sd, factor, prior),
        )


def fallback_chain(model: str) -> Sequence[str]:
    """The models to try, in order, when ``model`` fails on a series."""
    chain = {"auto": ["comb", "naive2", "naive"], "comb": ["comb", "naive2", "naive"]}.get(model, [model])
    return [*chain, *(m for m in ("naive2", "naive") if m not in chain)]
