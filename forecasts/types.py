"""The values that flow through the forecasts package: a Series in, a Forecast out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
from numpy.typing import NDArray

from forecasts.periods import Frequency, format_period, shift

QUANTILES: tuple[float, ...] = (0.025, 0.05, 0.1, 0.5, 0.9, 0.95, 0.975)


@dataclass(frozen=True)
class Series:
    """A regular time series: one value per period from ``start`` on; NaN marks a missing value."""

    values: NDArray[np.float64]
    freq: Frequency
    start: date
    name: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "values", np.asarray(self.values, dtype=float))
        object.__setattr__(self, "freq", Frequency(self.freq))

    def __len__(self) -> int:
        return len(self.values)

    @property
    def season_length(self) -> int:
        """Periods in one seasonal cycle."""
        return self.freq.season_length

    @property
    def end(self) -> date:
        """Start of the last period."""
        return shift(self.start, len(self.values) - 1, self.freq)

    def period_starts(self) -> list[date]:
        """Start date of every period."""
        return [shift(self.start, i, self.freq) for i in range(len(self.values))]

    def head(self, n: int) -> Series:
        """The first ``n`` values, as a series (for rolling-origin backtests)."""
        return Series(self.values[:n], self.freq, self.start, self.name)


@dataclass(frozen=True)
class Interval:
    """A central predictive interval at one level (e.g. 0.8), per horizon step."""

    level: float
    lower: NDArray[np.float64]
    upper: NDArray[np.float64]


@dataclass(frozen=True)
class Forecast:
    """A predictive distribution over the next ``h`` periods, as seeded sample paths.

    ``paths`` has shape (n_paths, h). Quantiles, means and intervals are read off the paths so that
    rules over whole paths ("every month below 6") and the fan chart agree.
    """

    paths: NDArray[np.float64]
    freq: Frequency
    start: date
    model: str
    seed: int = 0
    info: dict[str, Any] = field(default_factory=dict)

    @property
    def horizon(self) -> int:
        """Number of periods forecast."""
        return int(self.paths.shape[1])

    @property
    def mean(self) -> NDArray[np.float64]:
        """Mean of the paths per step."""
        return np.asarray(self.paths.mean(axis=0))

    def quantile(self, q: float) -> NDArray[np.float64]:
        """The ``q`` quantile per step."""
        return np.asarray(np.quantile(self.paths, q, axis=0))

    def interval(self, level: float) -> Interval:
        """The central interval at ``level`` per step."""
        alpha = (1.0 - level) / 2.0
        return Interval(level, self.quantile(alpha), self.quantile(1.0 - alpha))

    def period_starts(self) -> list[date]:
        """Start date of every forecast period."""
        return [shift(self.start, i, self.freq) for i in range(self.horizon)]

    def periods(self) -> list[str]:
        """Canonical text of every forecast period."""
        return [format_period(d, self.freq) for d in self.period_starts()]
