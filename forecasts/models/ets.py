"""ETS (statsmodels ETSModel): error / trend / damping / season chosen by AICc."""

from __future__ import annotations

import itertools
import warnings

import numpy as np
from numpy.typing import NDArray

from forecasts.errors import ModelFitError
from forecasts.models._common import PointSdModel
from forecasts.models.base import register


def _configs(y: NDArray[np.float64], m: int) -> list[tuple[str, str | None, bool, str | None]]:
    positive = bool(np.all(y > 0))
    errors = ["add", "mul"] if positive else ["add"]
    seasons: list[str | None] = [None]
    if m > 1 and len(y) >= 2 * m + 2:
        seasons += ["add", "mul"] if positive else ["add"]
    trends: list[tuple[str | None, bool]] = [(None, False), ("add", False), ("add", True)]
    out = []
    for error, (trend, damped), season in itertools.product(errors, trends, seasons):
        if error == "add" and season == "mul":
            continue  # numerically unstable combination (Hyndman et al. exclude it)
        out.append((error, trend, damped, season))
    return out


class ETS(PointSdModel):
    """Exponential smoothing state-space model; the configuration with the lowest AICc wins."""

    name = "ets"
    min_length = 6

    def _fit(self, y: NDArray[np.float64]) -> None:
        import pandas as pd
        from statsmodels.tsa.exponential_smoothing.ets import ETSModel

        m = self.series_.season_length
        best = None
        for error, trend, damped, season in _configs(y, m):
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    model = ETSModel(
                        pd.Series(y),
                        error=error,
                        trend=trend,
                        damped_trend=damped,
                        seasonal=season,
                        seasonal_periods=m if season else None,
                    )
                    result = model.fit(disp=False, maxiter=200)
            except (ValueError, np.linalg.LinAlgError):
                continue
            aicc = float(result.aicc)
            if np.isfinite(aicc) and (best is None or aicc < best[0]):
                best = (aicc, result, (error, trend, damped, season))
        if best is None:
            raise ModelFitError("ets: no configuration could be fitted")
        self.result_ = best[1]
        self.config_ = best[2]
        self.alpha_ = float(np.clip(self.result_.params[0], 0.0, 1.0))

    def _point_sd(self, h: int) -> tuple[NDArray[np.float64], NDArray[np.float64], float]:
        n = len(self.y_)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            frame = self.result_.get_prediction(start=n, end=n + h - 1).summary_frame(alpha=0.05)
        point = frame["mean"].to_numpy(dtype=float)
        sd = (frame["pi_upper"].to_numpy(dtype=float) - frame["pi_lower"].to_numpy(dtype=float)) / (2 * 1.959964)
        return point, sd, self.alpha_


register("ets", ETS)
