"""Pure time-series forecasting for predtrack: no web, no database, no scheduler.

The public API::

    from forecasts import Series, Frequency, forecast
    fc = forecast(Series(values, Frequency.MONTHLY, start), h=18, seed=0)
    fc.paths, fc.quantile(0.9), fc.model, fc.info["backtest"]
"""

from forecasts.errors import ForecastError, ModelFitError, PeriodError, SeriesError, UnknownModelError
from forecasts.periods import Frequency, format_period, parse_period, period_range, shift
from forecasts.types import QUANTILES, Forecast, Interval, Series

ENGINE_VERSION = "0.1.0"


def forecast(series: Series, h: int, *, model: str = "auto", n_paths: int = 1000, seed: int = 0) -> Forecast:
    """Forecast ``series`` over ``h`` periods with ``model`` ("auto" picks the default forecaster)."""
    from forecasts.models import get_model

    name = "naive" if model == "auto" else model
    return get_model(name).fit(series).predict(h, n_paths=n_paths, seed=seed)


__all__ = [
    "ENGINE_VERSION",
    "QUANTILES",
    "Forecast",
    "ForecastError",
    "Frequency",
    "Interval",
    "ModelFitError",
    "PeriodError",
    "Series",
    "SeriesError",
    "UnknownModelError",
    "forecast",
    "format_period",
    "parse_period",
    "period_range",
    "shift",
]
