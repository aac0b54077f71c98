"""Pure time-series forecasting for predtrack: no web, no database, no scheduler.

The public API::

    from forecasts import Series, Frequency, forecast
    fc = forecast(Series(values, Frequency.MONTHLY, start), h=18, seed=0)
    fc.paths, fc.quantile(0.9), fc.model, fc.info["backtest"]
"""

import logging
from dataclasses import replace
from functools import partial

import numpy as np

from forecasts.errors import ForecastError, ModelFitError, PeriodError, SeriesError, UnknownModelError
from forecasts.periods import Frequency, format_period, parse_period, period_range, shift
from forecasts.types import QUANTILES, Forecast, Interval, Series

ENGINE_VERSION = "1.6.0"
DEFAULT_MODEL = "comb"

logger = logging.getLogger(__name__)


def forecast(series: Series, h: int, *, model: str = "auto", n_paths: int = 1000, seed: int = 0) -> Forecast:
    """Forecast ``series`` over ``h`` periods with ``model`` ("auto": the calibrated default combination).

    The spread is calibrated on the series' own rolling-origin backtest. Series the default cannot calibrate
    get an explicit, labelled fallback (``forecasts.fallbacks``): fewer than four values, or a constant history.
    When the model fails on the series (a blow-up), simpler models are tried in turn; ``Forecast.model`` names
    the one that produced the forecast and ``info["fallback_from"]`` the ones that failed. The model name also
    says when gaps were filled or missing last periods were forecast.
    """
    if h < 1:
        raise ValueError(f"horizon must be at least 1, got {h}")
    values = np.asarray(series.values, dtype=float)
    known = np.isfinite(values)
    if not known.any():
        raise SeriesError(f"cannot forecast {series.name or 'a series'} with no values")
    # Missing last periods are forecast like future ones (not carried forward), then dropped from the output.
    missing_end = len(values) - 1 - int(np.flatnonzero(known)[-1])
    observed = series.head(len(values) - missing_end)
    fc = _forecast_observed(observed, h + missing_end, model=model, n_paths=n_paths, seed=seed)
    inner_gaps = int(np.sum(~known[int(np.argmax(known)) : len(values) - missing_end]))
    notes = []
    if inner_gaps:
        notes.append(f"{inner_gaps} gap{'s' if inner_gaps > 1 else ''} filled")
        fc.info["gaps_filled"] = inner_gaps
    if missing_end:
        notes.append(f"last {missing_end} missing, forecast")
        fc.info["missing_at_end"] = missing_end
        fc = replace(fc, paths=fc.paths[:, missing_end:], start=shift(fc.start, missing_end, fc.freq))
    if notes:
        fc = replace(fc, model=f"{fc.model} ({'; '.join(notes)})")
    fc.info["engine_version"] = ENGINE_VERSION
    return fc


def _forecast_observed(series: Series, h: int, *, model: str, n_paths: int, seed: int) -> Forecast:
    from forecasts.fallbacks import fallback_forecast, why_fallback
    from forecasts.models import available, get_model
    from forecasts.select import Calibrated, fallback_chain

    if model != "auto" and model not in available():
        get_model(model)  # raises UnknownModelError with the list of names
    if model == "auto":
        label = why_fallback(series)
        if label is not None:
            return fallback_forecast(series, h, label, n_paths=n_paths, seed=seed)
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
