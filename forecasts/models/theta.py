"""Theta (statsmodels ThetaModel), deseasonalised when its seasonality test says so."""

from __future__ import annotations

import warnings

import numpy as np
from numpy.typing import NDArray

from forecasts.models._common import PointSdModel
from forecasts.models.base import register


class Theta(PointSdModel):
    """The Theta method of Assimakopoulos and Nikolopoulos, as implemented by statsmodels."""

    name = "theta"
    min_length = 4

    def _fit(self, y: NDArray[np.float64]) -> None:
        from statsmodels.tsa.forecasting.theta import ThetaModel

        m = self.series_.season_length
        seasonal = m > 1 and len(y) >= 2 * m
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            self.result_ = ThetaModel(y, period=m if seasonal else None, deseasonalize=seasonal, use_test=True).fit()
        self.alpha_ = float(np.clip(self.result_.params["alpha"], 0.0, 1.0))

    def _point_sd(self, h: int) -> tuple[NDArray[np.float64], NDArray[np.float64], float]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            point = np.asarray(self.result_.forecast(h), dtype=float)
            bounds = np.asarray(self.result_.prediction_intervals(h, alpha=0.05), dtype=float)
        sd = (bounds[:, 1] - bounds[:, 0]) / (2 * 1.959964)
        return point, sd, self.alpha_


register("theta", Theta)
