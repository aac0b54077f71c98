"""Errors raised by the forecasts package.

Hierarchy::

    ForecastError
    ├── PeriodError        a period string does not fit its frequency
    ├── SeriesError        a series cannot be forecast at all (empty, all NaN)
    ├── ModelFitError      one model failed to fit or produced an absurd forecast
    └── UnknownModelError  a model name that the registry does not know
"""


class ForecastError(Exception):
    """Base class of every error in ``forecasts``."""


class PeriodError(ForecastError, ValueError):
    """A period string does not fit its frequency."""


class SeriesError(ForecastError, ValueError):
    """A series cannot be forecast at all."""


class ModelFitError(ForecastError):
    """A model failed to fit, or its forecast is absurd."""


class UnknownModelError(ForecastError, KeyError):
    """A model name that the registry does not know."""
