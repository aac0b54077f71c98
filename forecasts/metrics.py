"""Forecast accuracy metrics with the M4 conventions (pure functions, shared by the CLI and the benchmark).

- sMAPE = mean(200·|y−f| / (|y|+|f|))
- MASE = mean|y−f| / mean in-sample |y_t − y_{t−m}| (m = season length; 1 when the series is too short)
- MSIS (α = 0.05) = mean(u − l + 2/α·(l−y)·[y<l] + 2/α·(y−u)·[y>u]) on the same scale as MASE
- OWA = ½(sMAPE/sMAPE_Naive2 + MASE/MASE_Naive2), computed on totals over many series
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray


def _arr(x: ArrayLike) -> NDArray[np.float64]:
    return np.asarray(x, dtype=float)


def smape(actual: ArrayLike, forecast: ArrayLike) -> float:
    """Symmetric MAPE in percent (0 where both are 0)."""
    y, f = _arr(actual), _arr(forecast)
    denom = np.abs(y) + np.abs(f)
    terms = np.where(denom == 0, 0.0, 200.0 * np.abs(y - f) / np.where(denom == 0, 1.0, denom))
    return float(terms.mean())


def mase_scale(insample: ArrayLike, m: int) -> float:
    """Mean absolute seasonal difference of the training data (the MASE and MSIS denominator)."""
    x = _arr(insample)
    x = x[~np.isnan(x)]
    lag = m if len(x) > m else 1
    if len(x) <= lag:
        return float("nan")
    scale = float(np.mean(np.abs(x[lag:] - x[:-lag])))
    return scale


def mase(actual: ArrayLike, forecast: ArrayLike, insample: ArrayLike, m: int) -> float:
    """Mean absolute scaled error."""
    scale = mase_scale(insample, m)
    err = float(np.mean(np.abs(_arr(actual) - _arr(forecast))))
    return err / scale if scale > 0 else (0.0 if err == 0 else float("inf"))


def msis(
    actual: ArrayLike, lower: ArrayLike, upper: ArrayLike, insample: ArrayLike, m: int, alpha: float = 0.05
) -> float:
    """Mean scaled interval score of the central (1 − alpha) interval."""
    y, lo, hi = _arr(actual), _arr(lower), _arr(upper)
    score = (hi - lo) + (2.0 / alpha) * (lo - y) * (y < lo) + (2.0 / alpha) * (y - hi) * (y > hi)
    scale = mase_scale(insample, m)
    total = float(score.mean())
    return total / scale if scale > 0 else (0.0 if total == 0 else float("inf"))


def coverage(actual: ArrayLike, lower: ArrayLike, upper: ArrayLike) -> float:
    """Share of actual values inside [lower, upper]."""
    y = _arr(actual)
    return float(np.mean((y >= _arr(lower)) & (y <= _arr(upper))))


@dataclass(frozen=True)
class SeriesScore:
    """One series' scores for one method."""

    smape: float
    mase: float
    msis: float
    coverage_80: float
    coverage_95: float
    n: int


def score_series(
    *,
    actual: ArrayLike,
    mean: ArrayLike,
    q: Mapping[float, ArrayLike],
    insample: ArrayLike,
    m: int,
) -> SeriesScore:
    """Score a forecast (point ``mean`` and quantiles ``q`` incl. 0.025/0.1/0.9/0.975) against ``actual``."""
    y = _arr(actual)
    return SeriesScore(
        smape=smape(y, mean),
        mase=mase(y, mean, insample, m),
        msis=msis(y, q[0.025], q[0.975], insample, m),
        coverage_80=coverage(y, q[0.1], q[0.9]),
        coverage_95=coverage(y, q[0.025], q[0.975]),
        n=len(y),
    )


@dataclass(frozen=True)
class Summary:
    """Averages over series (each series counts once, coverage included)."""

    smape: float
    mase: float
    msis: float
    coverage_80: float
    coverage_95: float
    n_series: int


def summarise(scores: Iterable[SeriesScore]) -> Summary:
    """Mean over series of each metric (as in the M4 results and the data README's peer figures)."""
    items = list(scores)
    if not items:
        nan = float("nan")
        return Summary(nan, nan, nan, nan, nan, 0)
    return Summary(
        smape=float(np.mean([s.smape for s in items])),
        mase=float(np.mean([s.mase for s in items])),
        msis=float(np.mean([s.msis for s in items])),
        coverage_80=float(np.mean([s.coverage_80 for s in items])),
        coverage_95=float(np.mean([s.coverage_95 for s in items])),
        n_series=len(items),
    )


def owa(summary: Summary, naive2: Summary) -> float:
    """Overall weighted average of sMAPE and MASE relative to Naive2."""
    return 0.5 * (summary.smape / naive2.smape + summary.mase / naive2.mase)
