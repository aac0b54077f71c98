"""Baselines: the last value carried forward, with residual-bootstrap paths."""

from __future__ import annotations

from typing import Self

import numpy as np

from forecasts.errors import SeriesError
from forecasts.models.base import register
from forecasts.periods import shift
from forecasts.types import Forecast, Series


class Naive:
    """Random walk: tomorrow equals today plus a step drawn from the past steps."""

    name = "naive"

    def fit(self, series: Series) -> Self:
        """Remember the last value and the one-step changes."""
        values = series.values[~np.isnan(series.values)]
        if len(values) == 0:
            raise SeriesError("cannot forecast a series with no values")
        steps = np.diff(values)
        self.series_ = series
        self.last_ = float(values[-1])
        self.sigma_ = float(np.std(steps, ddof=1)) if len(steps) > 1 else abs(self.last_) * 0.05 + 1e-9
        return self

    def predict(self, h: int, *, n_paths: int = 1000, seed: int = 0) -> Forecast:
        """Gaussian random-walk paths around the last value."""
        rng = np.random.default_rng(seed)
        steps = rng.normal(0.0, self.sigma_, size=(n_paths, h))
        paths = self.last_ + np.cumsum(steps, axis=1)
        start = shift(self.series_.end, 1, self.series_.freq)
        return Forecast(paths=paths, freq=self.series_.freq, start=start, model=self.name, seed=seed)


register("naive", Naive)
