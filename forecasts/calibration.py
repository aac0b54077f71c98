"""Calibrating the predictive spread from out-of-sample errors: the series' own, shrunk to a pooled estimate.

A forecast's errors, divided by the sd its model claimed, are *scores*. Both numbers that set a width come from
rolling-origin backtests (the model refitted at past origins on the values known then, ``forecasts.select``):

- **The series' own scale.** The root mean square of its clipped backtest scores, the later origins counting
  more (an origin's weight halves every ``half_life`` origins back: volatility drifts, and the recent origins
  are the ones most like the forecast's). With few origins the evidence is thin, so the ratio to the pooled
  scale is shrunk towards 1: ``factor = (own / pooled) ** (n / (n + weight))``, with ``n`` the effective
  number of origins ``(sum w) ** 2 / sum w ** 2``. A series with no backtest gets factor 1 (the pooled scale).
- **A pooled shape** per frequency and step: the empirical quantiles of the absolute backtest scores of many
  development series, each divided by its series' factor. It carries what one series cannot estimate: the
  tails, and how the scores grow with the step. It is learnt from backtests only, never from a hold-out, so it
  says how a series' past out-of-sample errors relate to its future ones without a dataset-specific constant
  for the hold-out period (a table of hold-out errors transferred badly between M1 and M3, see
  ``benchmarks/forecast_tune.py --collections``).

The half-width of the central interval at level ``L`` and step ``j`` is then ``sd_j * factor * knot_j(L)``: a
normalised split-conformal interval whose calibration set is the pooled backtest scores, rescaled per series.
Sample paths keep the dependence across steps of the model's error recursion (a Gaussian copula) and take
these marginals: each step's standard normal draw is mapped through the piecewise-linear function that sends
the normal's quantiles to the knots.

Where the numbers come from: ``LEVELS`` and ``NORMAL_KNOTS`` are definitions; ``CLIP`` (5 typical scores)
bounds one wild origin's influence. The pooled tables, ``weight`` and ``half_life`` live in
``forecasts/_calibration_table.py``, written by ``benchmarks/forecast_tune.py --write`` from the development set
(the M3 dev file and M1): the tables from the dev series' backtests, the weight and half-life chosen by MSIS on
the dev hold-outs. The benchmark checks them on held-out halves and with one whole collection held out (learnt on
M1, scored on M3 dev, and the reverse). ``tests/forecasts/test_calibration.py`` checks that a shape learnt on one
synthetic family gives the nominal coverage on another whose errors are three times wider and more varied.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

#: Central interval levels the pooled table holds knots for.
LEVELS: tuple[float, ...] = (0.5, 0.8, 0.9, 0.95, 0.98)
#: The standard normal's quantile at (1 + level) / 2 for each level: where the copula maps each knot from.
NORMAL_KNOTS: NDArray[np.float64] = np.array([0.6744898, 1.2815516, 1.6448536, 1.9599640, 2.3263479])
#: Scores beyond this many typical scores count as this many (one wild origin must not explode the width).
CLIP = 5.0


def clipped_scores(errors: NDArray[np.float64], sds: NDArray[np.float64]) -> NDArray[np.float64]:
    """|errors / sds|, NaN where unknown, clipped at ``CLIP`` times the series' typical score.

    The typical score is the median |score| over the normal's (0.674), and never below 1: an honest model's
    scores are clipped at 5 sds, and a model whose sd is three times too narrow at 15, so clipping never
    hides how wrong the claimed sd is (the calibration stays the same whatever the scale of the errors).
    """
    ok = ~np.isnan(errors) & (sds > 0)
    z = np.abs(np.where(ok, errors, np.nan) / np.where(ok, sds, 1.0))
    if not ok.any():
        return z
    typical = max(1.0, float(np.median(z[ok])) / NORMAL_KNOTS[0])
    return np.minimum(z, CLIP * typical)


@dataclass(frozen=True)
class Prior:
    """The pooled calibration of one frequency.

    ``scale`` is the typical backtest score of the development series (their geometric mean), ``weight`` the
    pseudo-origins it counts for, ``knots[j][i]`` the quantile at ``LEVELS[i]`` of the |score| at step ``j + 1``
    divided by the series' factor, and ``half_life`` (in origins) how fast older origins count less in a series'
    own score (infinite: all count the same).
    """

    scale: float
    weight: float
    knots: tuple[tuple[float, ...], ...]
    half_life: float = float("inf")

    def knots_for(self, h: int) -> NDArray[np.float64]:
        """Knots for steps 1..h, shape (h, len(LEVELS)); steps beyond the table repeat its last step."""
        table = np.asarray(self.knots, dtype=float)
        return table[np.minimum(np.arange(h), len(table) - 1)]


def origin_weights(has: NDArray[np.bool_], half_life: float) -> NDArray[np.float64]:
    """Weights of backtest origins (rows latest first): halving every ``half_life`` origins with errors back."""
    rank = np.cumsum(has) - 1.0
    return np.where(has, 0.5 ** (rank / half_life), 0.0)


def series_score(
    errors: NDArray[np.float64], sds: NDArray[np.float64], half_life: float = float("inf")
) -> tuple[float, float]:
    """The weighted root mean square of a backtest's clipped scores and its effective number of origins.

    Rows are origins, latest first (as ``forecasts.select.Backtest`` holds them); an origin's weight halves
    every ``half_life`` origins further back, and the effective number is ``(sum w) ** 2 / sum w ** 2`` (the
    count of origins with any error when all weigh the same).
    """
    ok = ~np.isnan(errors) & (sds > 0)
    if not ok.any():
        return float("nan"), 0.0
    w = origin_weights(np.asarray(ok.any(axis=1)), half_life)
    z = np.where(ok, clipped_scores(errors, sds), 0.0)
    cell_w = np.where(ok, w[:, None], 0.0)
    score = float(np.sqrt(np.sum(cell_w * z**2) / np.sum(cell_w)))
    return score, float(np.sum(w) ** 2 / np.sum(w**2))


def shrunk_factor(score: float, n: float, prior: Prior) -> float:
    """The series' spread relative to the pooled one, shrunk towards 1 by the prior's weight."""
    if n == 0 or not np.isfinite(score) or score <= 0:
        return 1.0
    return float((score / prior.scale) ** (n / (n + prior.weight)))


def half_widths(sd: NDArray[np.float64], factor: float, prior: Prior) -> NDArray[np.float64]:
    """Half-width of each central interval (columns: LEVELS) per step (rows)."""
    return np.asarray(sd, dtype=float)[:, None] * factor * prior.knots_for(len(sd))


def marginal_map(z: NDArray[np.float64], widths: NDArray[np.float64]) -> NDArray[np.float64]:
    """Map standard normal draws ``z`` (n_paths, h) to errors whose quantiles are the ``widths`` (h, levels).

    Piecewise linear and odd in each step: the normal's quantile at (1 + L) / 2 goes to the level-L half-width,
    and the tail beyond the last knot continues the last segment's slope. Odd, so antithetic draws keep the
    path mean at the point forecast; monotone, so the dependence across steps is that of ``z``.
    """
    xs = np.r_[0.0, NORMAL_KNOTS]
    out = np.empty_like(z)
    a = np.abs(z)
    for j in range(z.shape[1]):
        ys = np.r_[0.0, widths[j]]
        slope = (ys[-1] - ys[-2]) / (xs[-1] - xs[-2])
        col = np.interp(a[:, j], xs, ys)
        beyond = a[:, j] > xs[-1]
        col[beyond] = ys[-1] + slope * (a[beyond, j] - xs[-1])
        out[:, j] = np.sign(z[:, j]) * col
    return out


def past_scores(
    origins: Sequence[int], errors: NDArray[np.float64], sds: NDArray[np.float64], half_life: float
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Per origin (row), the series' score and effective origins from the errors known by then only.

    An error at step ``j`` of an earlier origin ``o'`` is known once ``o' + j <= o``. The same numbers as
    ``series_score`` on each origin's known errors, computed for all origins at once.
    """
    at = np.asarray(origins)
    if len(at) == 0:
        return np.full(0, np.nan), np.zeros(0)
    steps = np.arange(1, errors.shape[1] + 1)
    valid = ~np.isnan(errors) & (sds > 0)
    z = np.abs(np.where(valid, errors, np.nan) / np.where(valid, sds, 1.0))
    seen = (at[None, :, None] + steps[None, None, :]) <= at[:, None, None]  # (origin, past row, step)
    known = seen & valid[None]
    past = np.where(known, z[None], np.nan).reshape(len(at), -1)
    has_any = known.reshape(len(at), -1).any(axis=1)
    median = np.zeros(len(at))
    if has_any.any():
        median[has_any] = np.nanmedian(past[has_any], axis=1)
    clip = CLIP * np.maximum(1.0, median / NORMAL_KNOTS[0])
    zc = np.minimum(np.where(known, z[None], 0.0), clip[:, None, None])
    has = known.any(axis=2)  # (origin, past row)
    rank = np.cumsum(has, axis=1) - 1.0
    w = np.where(has, 0.5 ** (rank / half_life), 0.0)
    cell_w = np.where(known, w[:, :, None], 0.0)
    total = cell_w.sum(axis=(1, 2))
    with np.errstate(invalid="ignore", divide="ignore"):
        scores = np.sqrt((cell_w * zc**2).sum(axis=(1, 2)) / total)
        counts = np.where(has_any, w.sum(axis=1) ** 2 / (w**2).sum(axis=1), 0.0)
    return np.where(has_any, scores, np.nan), counts


def past_factors(
    origins: Sequence[int],
    errors: NDArray[np.float64],
    sds: NDArray[np.float64],
    prior: Prior,
    *,
    past: tuple[NDArray[np.float64], NDArray[np.float64]] | None = None,
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Per origin, the factor its forecast would have had (from ``past_scores``) and the origins it rests on."""
    scores, counts = past if past is not None else past_scores(origins, errors, sds, prior.half_life)
    factors = np.array([shrunk_factor(sc, n, prior) for sc, n in zip(scores, counts, strict=True)])
    return factors, counts


def calibration_scores(
    errors: NDArray[np.float64], sds: NDArray[np.float64], factors: NDArray[np.float64], counts: NDArray[np.float64]
) -> NDArray[np.float64]:
    """A backtest's clipped |scores|, each divided by the factor its origin had from the past only.

    ``factors`` and ``counts`` per origin come from ``past_factors``. Rows of origins with no past are NaN: their
    factor would rest on nothing, unlike any forecast's. These are the exchangeable calibration scores of a
    normalised split-conformal interval: an interval of half-width ``sd * factor * q`` covers a future error as
    often as ``q`` covers these scores.
    """
    z = clipped_scores(errors, sds) / factors[:, None]
    z[counts == 0] = np.nan
    return z


def learn_prior(
    backtests: Sequence[tuple[Sequence[int], NDArray[np.float64], NDArray[np.float64]]],
    h: int,
    *,
    weight: float,
    half_life: float,
    smooth: bool = True,
    own: Sequence[tuple[float, float]] | None = None,
    past: Sequence[tuple[NDArray[np.float64], NDArray[np.float64]]] | None = None,
) -> Prior:
    """The pooled calibration of one frequency from many series' backtests (origins, errors, sds).

    ``scale`` is the geometric mean of the series' scores; ``knots[j]`` the empirical quantiles at ``LEVELS``
    of every step ``j + 1`` calibration score (``calibration_scores``), averaged in logs over neighbouring
    steps when ``smooth`` (steps past a series' backtest width borrow its last step), and never decreasing
    with the level. Nothing but backtests goes in: no hold-out, no constant of a collection. ``own`` and
    ``past`` may bring each backtest's ``series_score`` and ``past_scores`` at ``half_life``, computed before.
    """
    if own is None:
        own = [series_score(errors, sds, half_life) for _, errors, sds in backtests]
    scores = np.array([sc for sc, n in own if n > 0 and np.isfinite(sc) and sc > 0])
    scale = float(np.exp(np.mean(np.log(scores)))) if len(scores) else 1.0
    provisional = Prior(scale, weight, ((1.0,) * len(LEVELS),), half_life)
    columns: list[list[NDArray[np.float64]]] = [[] for _ in range(h)]
    for k, (origins, errors, sds) in enumerate(backtests):
        if len(origins) == 0:
            continue
        known = past_factors(origins, errors, sds, provisional, past=None if past is None else past[k])
        z = calibration_scores(errors, sds, *known)
        for j in range(h):
            columns[j].append(z[:, min(j, z.shape[1] - 1)])
    pooled = [np.concatenate(c) if c else np.array([np.nan]) for c in columns]
    pooled = [c[~np.isnan(c)] for c in pooled]
    if not any(len(c) for c in pooled):
        raise ValueError("no backtest has an origin with a past: nothing to learn a calibration from")
    knots = np.array([np.quantile(c, LEVELS) if len(c) else np.full(len(LEVELS), np.nan) for c in pooled])
    knots = np.where(np.isnan(knots), np.nanmax(knots, axis=0), knots)
    if smooth and h >= 3:
        logk = np.log(knots)
        padded = np.vstack([logk[:1], logk, logk[-1:]])
        knots = np.exp((padded[:-2] + padded[1:-1] + padded[2:]) / 3)
    knots = np.maximum.accumulate(knots, axis=1)
    return Prior(scale, weight, tuple(tuple(float(round(v, 4)) for v in row) for row in knots), half_life)


def out_of_sample_coverage(
    origins: list[int], errors: NDArray[np.float64], sds: NDArray[np.float64], prior: Prior
) -> dict[str, float]:
    """Coverage of the calibrated 80% / 95% intervals on the backtest, each origin calibrated on the past only.

    The interval at origin ``o`` uses only the errors that were known by then (``past_factors``) and the pooled
    table, never its own errors.
    """
    if not origins:
        return {"coverage_80": float("nan"), "coverage_95": float("nan")}
    i80, i95 = LEVELS.index(0.8), LEVELS.index(0.95)
    knots = prior.knots_for(errors.shape[1])
    factors, _ = past_factors(origins, errors, sds, prior)
    ok = ~np.isnan(errors)
    err = np.abs(np.where(ok, errors, 0.0))
    width = np.where(ok, sds, 0.0) * factors[:, None]
    total = int(ok.sum())
    if total == 0:
        return {"coverage_80": float("nan"), "coverage_95": float("nan")}
    hits80 = int(np.sum(ok & (err <= width * knots[None, :, i80])))
    hits95 = int(np.sum(ok & (err <= width * knots[None, :, i95])))
    return {"coverage_80": hits80 / total, "coverage_95": hits95 / total}


def prior_for(freq: str) -> Prior:
    """The pooled calibration of ``freq`` (weekly and daily series borrow the monthly table)."""
    from forecasts._calibration_table import PRIORS

    return PRIORS.get(freq) or PRIORS["M"]
