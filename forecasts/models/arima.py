"""ARIMA (statsmodels) with automatic order: differencing by the KPSS test, (p, q) by AICc.

Seasonality is handled as in Theta and Naive2: the series is seasonally adjusted first (M4's test and
classical decomposition) and the season put back on the forecast. This keeps the search small and fast.
"""

from __future__ import annotations

import itertools
import warnings

import numpy as np
from numpy.typing import NDArray

from forecasts.decompose import NONE, seasonal_component
from forecasts.errors import ModelFitError
from forecasts.models._common import PointSdModel
from forecasts.models.base import register

MAX_P = 2
MAX_Q = 2


def _differences(y: NDArray[np.float64]) -> int:
    from statsmodels.tsa.stattools import kpss

    d = 0
    x = y
    while d < 2 and len(x) > 8 and np.ptp(x) > 0:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            p_value = kpss(x, regression="c", nlags="auto")[1]
        if p_value >= 0.05:
            break
        x = np.diff(x)
        d += 1
    return d


class Arima(PointSdModel):
    """Non-seasonal ARIMA on the seasonally adjusted series, order chosen by AICc."""

    name = "arima"
    min_length = 8

    def _fit(self, y: NDArray[np.float64]) -> None:
        from statsmodels.tsa.arima.model import ARIMA

        self.season_ = seasonal_component(y, self.series_.season_length)
        adjusted = self.season_.remove(y) if self.season_ is not NONE else y
        d = _differences(adjusted)
        trend = "c" if d == 0 else ("t" if d == 1 else "n")
        best = None
        for p, q in itertools.product(range(MAX_P + 1), range(MAX_Q + 1)):
            if p + q + d + 2 >= len(adjusted):
                continue
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    result = ARIMA(adjusted, order=(p, d, q), trend=trend).fit()
            except (ValueError, np.linalg.LinAlgError):
                continue
            if np.isfinite(result.aicc) and (best is None or result.aicc < best[0]):
                best = (float(result.aicc), result, (p, d, q))
        if best is None:
            raise ModelFitError("arima: no order could be fitted")
        self.result_, self.order_ = best[1], best[2]
        self.n_ = len(y)

    def _point_sd(self, h: int) -> tuple[NDArray[np.float64], NDArray[np.float64], float]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pred = self.result_.get_forecast(h)
        point = np.asarray(pred.predicted_mean, dtype=float)
        sd = np.sqrt(np.asarray(pred.var_pred_mean, dtype=float))
        if self.season_ is not NONE:
            point = self.season_.restore(point, self.n_)
            if self.season_.multiplicative:
                sd = sd * self.season_.factor(self.n_, h)
        return point, sd, 1.0 if self.order_[1] > 0 else 0.3


register("arima", Arima)
