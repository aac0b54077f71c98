"""The forecaster interface (statsforecast-like) and the registry of model factories.

A model takes its hyperparameters in ``__init__``, learns in ``fit(series) -> self`` and keeps what it
learnt in attributes ending in ``_``; ``predict(h, n_paths=, seed=)`` returns a Forecast of sample paths.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, Self

from forecasts.errors import UnknownModelError
from forecasts.types import Forecast, Series


class Forecaster(Protocol):
    """What every model offers."""

    name: str

    def fit(self, series: Series) -> Self:
        """Learn from ``series`` and return self."""
        ...

    def predict(self, h: int, *, n_paths: int = 1000, seed: int = 0) -> Forecast:
        """Simulate ``n_paths`` seeded paths over the next ``h`` periods."""
        ...


_REGISTRY: dict[str, Callable[[], Forecaster]] = {}


def register(name: str, factory: Callable[[], Forecaster]) -> None:
    """Make ``factory`` available under ``name``."""
    _REGISTRY[name] = factory


def get_model(name: str) -> Forecaster:
    """A fresh, unfitted model by name."""
    _load_builtin_models()
    try:
        return _REGISTRY[name]()
    except KeyError:
        raise UnknownModelError(f"unknown model {name!r}: choose one of {', '.join(available())}") from None


def available() -> list[str]:
    """Names of every registered model."""
    _load_builtin_models()
    return sorted(_REGISTRY)


def _load_builtin_models() -> None:
    # Imported lazily so that importing the registry does not import statsmodels and prophet.
    from forecasts.models import arima, combination, ets, naive, prophet, theta  # noqa: F401
