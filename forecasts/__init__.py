"""Pure time-series forecasting for predtrack: no web, no database, no scheduler.

The public API::

    from forecasts import Series, Frequency, forecast
    fc = forecast(Series(values, Frequency.MONTHLY, start), h=18, seed=0)
    fc.paths, fc.quantile(0.9), fc.model, fc.info["backtest"]
"""

import logging
from functools import partial

from forecasts.errors import ForecastError, ModelFitError, PeriodError, SeriesError, UnknownModelError
from forecasts.periods import Frequency, format_period, parse_period, period_range, shift
from forecasts.types import QUANTILES, Forecast, Interval, Series

ENGINE_VERSION = "1.3.0"
DEFAULT_MODEL = "comb"

logger = logging.getLogger(__name__)


def forecast(series: Series, h: int, *, model: str = "auto", n_paths: int = 1000, seed: int = 0) -> Forecast:
    """Forecast ``series`` over ``h`` periods with ``model`` ("auto": the calibrated default combination).

    The spread is calibrated on the series' own rolling-origin backtest. When the model fails on the
    series (too short, a blow-up), simpler models are tried in turn; ``Forecast.model`` names the one
    that produced the forecast and ``info["fallback_from"]`` the ones that failed.
    """
    from forecasts.models import available, get_model
    from forecasts.select import Calibrated, fallback_chain

    if h < 1:
        raise ValueError(f"horizon must be at least 1, got {h}")
    if model != "auto" and model not in available():
        get_model(model)  # raises UnknownModelError with the list of names
    failed: list[str] = []
    last_error: Exception | None = None
    for name in fallback_chain(DEFAULT_MODEL if model == "auto" else model):
        try:
            fc = Calibrated(partial(get_model, name)).fit(series).predict(h, n_paths=n_paths, seed=seed)
        except SeriesError:
            raise
        except Exception as exc:  # any model failure falls through to a simpler model
            logger.info("model %s failed on %s: %s", name, series.name or "series", exc)
            failed.append(name)
            last_error = exc
            continue
        if failed:
            fc.info["fallback_from"] = failed
        fc.info["engine_version"] = ENGINE_VERSION
        return fc
    raise ModelFitError(f"every model failed on {series.name or 'the series'}: {last_error}")


__all__ = [
    "DEFAULT_MODEL",
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
