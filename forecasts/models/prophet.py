"""Prophet (Meta): trend changepoints plus yearly seasonality, fitted with Stan."""

from __future__ import annotations

import logging

import numpy as np
from numpy.typing import NDArray

from forecasts.models._common import PointSdModel
from forecasts.models.base import register
from forecasts.periods import shift

_PANDAS_FREQ = {"A": "YS", "Q": "QS", "M": "MS", "W": "W-MON", "D": "D"}


class Prophet(PointSdModel):
    """Prophet with its defaults (80% interval read as ±1.28 sd); weekly/daily seasonality as the data allow."""

    name = "prophet"
    min_length = 3

    def _fit(self, y: NDArray[np.float64]) -> None:
        import pandas as pd
        from prophet import Prophet as _Prophet

        for noisy in ("cmdstanpy", "prophet"):
            logging.getLogger(noisy).setLevel(logging.WARNING)
        freq = self.series_.freq.value
        start = self.series_.end
        first = shift(start, -(len(y) - 1), self.series_.freq)
        ds = pd.date_range(pd.Timestamp(first), periods=len(y), freq=_PANDAS_FREQ[freq])
        model = _Prophet(
            yearly_seasonality=freq in ("M", "W", "D", "Q"),
            weekly_seasonality=freq == "D",
            daily_seasonality=False,
            uncertainty_samples=200,
        )
        model.fit(pd.DataFrame({"ds": ds, "y": y}))
        self.model_ = model
        self.ds_ = ds

    def _point_sd(self, h: int) -> tuple[NDArray[np.float64], NDArray[np.float64], float]:
        future = self.model_.make_future_dataframe(periods=h, freq=self.ds_.freq, include_history=False)
        frame = self.model_.predict(future)
        point = frame["yhat"].to_numpy(dtype=float)
        sd = (frame["yhat_upper"].to_numpy(dtype=float) - frame["yhat_lower"].to_numpy(dtype=float)) / (2 * 1.2816)
        return point, sd, 1.0

    def to_json(self) -> str:
        """The fitted model as Prophet's versioned JSON (no pickles)."""
        from prophet.serialize import model_to_json

        return str(model_to_json(self.model_))


register("prophet", Prophet)
