"""Baselines: naive (last value), seasonal naive, drift, and M4's Naive2 (naive on seasonally adjusted data)."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from forecasts.decompose import NONE, seasonal_component
from forecasts.models._common import PointSdModel
from forecasts.models.base import register


def _sigma(steps: NDArray[np.float64], last: float) -> float:
    if len(steps) == 0:
        return abs(last) * 0.05 + 1e-9
    return float(np.sqrt(np.mean(steps**2)))


class Naive(PointSdModel):
    """Random walk: every future value equals the last one; sd grows like sqrt(h)."""

    name = "naive"

    def _fit(self, y: NDArray[np.float64]) -> None:
        self.last_ = float(y[-1])
        self.sigma_ = _sigma(np.diff(y), self.last_)

    def _point_sd(self, h: int) -> tuple[NDArray[np.float64], NDArray[np.float64], float]:
        steps = np.arange(1, h + 1)
        return np.full(h, self.last_), self.sigma_ * np.sqrt(steps), 1.0


class SeasonalNaive(PointSdModel):
    """Each future value equals the value one season earlier."""

    name = "snaive"

    def _fit(self, y: NDArray[np.float64]) -> None:
        m = self.series_.season_length
        self.m_ = m if len(y) >= m else 1
        self.last_season_ = y[-self.m_ :]
        self.sigma_ = _sigma(y[self.m_ :] - y[: -self.m_], float(y[-1]))

    def _point_sd(self, h: int) -> tuple[NDArray[np.float64], NDArray[np.float64], float]:
        steps = np.arange(h)
        point = self.last_season_[steps % self.m_]
        return point, self.sigma_ * np.sqrt(steps // self.m_ + 1.0), 0.0


class Drift(PointSdModel):
    """The line from the first to the last value, extended."""

    name = "drift"

    def _fit(self, y: NDArray[np.float64]) -> None:
        self.n_ = len(y)
        self.last_ = float(y[-1])
        self.slope_ = float((y[-1] - y[0]) / (len(y) - 1)) if len(y) > 1 else 0.0
        self.sigma_ = _sigma(np.diff(y) - self.slope_, self.last_)

    def _point_sd(self, h: int) -> tuple[NDArray[np.float64], NDArray[np.float64], float]:
        steps = np.arange(1, h + 1)
        sd = self.sigma_ * np.sqrt(steps * (1.0 + steps / max(self.n_ - 1, 1)))
        return np.asarray(self.last_ + self.slope_ * steps, dtype=float), sd, 1.0


class Naive2(PointSdModel):
    """M4's benchmark: the naive forecast of the seasonally adjusted series, reseasonalised."""

    name = "naive2"

    def _fit(self, y: NDArray[np.float64]) -> None:
        self.season_ = seasonal_component(y, self.series_.season_length)
        adjusted = self.season_.remove(y) if self.season_ is not NONE else y
        self.n_ = len(y)
        self.last_ = float(adjusted[-1])
        self.sigma_ = _sigma(np.diff(adjusted), self.last_)

    def _point_sd(self, h: int) -> tuple[NDArray[np.float64], NDArray[np.float64], float]:
        steps = np.arange(1, h + 1)
        point, sd = np.full(h, self.last_), self.sigma_ * np.sqrt(steps)
        if self.season_ is not NONE:
            point = self.season_.restore(point, self.n_)
            if self.season_.multiplicative:
                sd = sd * self.season_.factor(self.n_, h)
        return point, sd, 1.0


register("naive", Naive)
register("snaive", SeasonalNaive)
register("drift", Drift)
register("naive2", Naive2)
