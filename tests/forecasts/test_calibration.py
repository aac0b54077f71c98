"""forecasts.calibration: own-evidence scores, past-only calibration scores, and a pooled shape that transfers."""

from __future__ import annotations

import numpy as np
import pytest

from forecasts.calibration import (
    LEVELS,
    Prior,
    calibration_scores,
    learn_prior,
    past_factors,
    past_scores,
    series_score,
    shrunk_factor,
)

I80, I95 = LEVELS.index(0.8), LEVELS.index(0.95)


def test_series_score_weights_later_origins_by_the_half_life() -> None:
    # Rows are origins, latest first: scores 2 (weight 1) and 1 (weight 0.5 with a half-life of one origin).
    errors = np.array([[2.0], [1.0]])
    score, n = series_score(errors, np.ones_like(errors), half_life=1.0)
    assert score == pytest.approx(np.sqrt((4 * 1 + 1 * 0.5) / 1.5))
    assert n == pytest.approx(1.5**2 / 1.25)  # (sum w)^2 / sum w^2
    # A row with no error yet (a later origin than the one being calibrated) takes no rank.
    padded = np.array([[np.nan], [2.0], [1.0]])
    assert series_score(padded, np.ones_like(padded), half_life=1.0) == pytest.approx((score, n))
    # Without a half-life every origin weighs the same and n counts them.
    assert series_score(errors, np.ones_like(errors)) == pytest.approx((np.sqrt(2.5), 2.0))


def test_calibration_scores_divide_each_origin_by_what_its_past_said() -> None:
    prior = Prior(scale=1.0, weight=0.0, knots=((1.0,) * 5,))
    # Origin 20 knows origin 10's error (10 + 1 <= 20): factor 3, so its score 3 / 1 becomes 1. Origin 10 has no
    # past: no forecast is ever calibrated on nothing, so it is no calibration score.
    errors, sds = np.array([[3.0], [3.0]]), np.ones((2, 1))
    z = calibration_scores(errors, sds, *past_factors([20, 10], errors, sds, prior))
    assert z[0, 0] == pytest.approx(1.0)
    assert np.isnan(z[1, 0])


def _family(rng: np.random.Generator, n: int, *, scale: float, spread: float, df: float) -> list[dict]:
    """Synthetic series: errors ``scale_i * sqrt(step) * t(df)`` where the model claims sd ``sqrt(step)``.

    ``scale_i`` (the model's sd is off by this much on series i) is lognormal around ``scale``. Each has a
    backtest (12 origins, two values apart, the last one value before the end) and a 6-step hold-out.
    """
    h, end = 6, 60
    origins = [end - 1 - 2 * r for r in range(12)]
    sd = np.sqrt(np.arange(1, h + 1, dtype=float))
    out = []
    for _ in range(n):
        s = scale * np.exp(spread * rng.standard_normal())
        errors = s * sd * rng.standard_t(df, size=(len(origins), h))
        for row, o in enumerate(origins):
            errors[row, end - o :] = np.nan  # not seen yet at the end of the series
        holdout = s * sd * rng.standard_t(df, size=h)
        out.append({"origins": origins, "errors": errors, "sds": np.tile(sd, (len(origins), 1)), "holdout": holdout})
    return out


def _coverage(family: list[dict], prior: Prior) -> tuple[float, float]:
    """Share of hold-out errors inside the calibrated 80% and 95% intervals."""
    hits80 = hits95 = total = 0
    for s in family:
        score, n = series_score(s["errors"], s["sds"], prior.half_life)
        width = s["sds"][0] * shrunk_factor(score, n, prior)
        knots = prior.knots_for(len(width))
        hits80 += int(np.sum(np.abs(s["holdout"]) <= width * knots[:, I80]))
        hits95 += int(np.sum(np.abs(s["holdout"]) <= width * knots[:, I95]))
        total += len(width)
    return hits80 / total, hits95 / total


@pytest.mark.parametrize(
    ("half_life", "bounds95"),
    # With every origin weighing the same, the forecast's own scale rests on all 12 origins while an early
    # origin's calibration score rests on its few past ones: the table is a little wide, never narrow.
    [(0.5, (0.935, 0.965)), (float("inf"), (0.935, 0.975))],
)
def test_a_shape_learnt_on_one_family_covers_another_with_other_scales(
    half_life: float, bounds95: tuple[float, float]
) -> None:
    """The pooled shape is learnt from backtest scores divided by each series' own scale, so it carries to a
    family whose models are off by a different amount (3x wider errors, twice the spread across series): with
    the series' own evidence in full (weight 0) the intervals cover what they claim there too.

    Expected values are the nominal levels; 1,800 hold-out errors give a binomial sd of 0.009 at 80% and 0.005
    at 95%, and the own scale rests on few origins, so the tolerance is 0.03 / 0.015. Scores are clipped
    relative to the series' typical score, so the three times wider family is not clipped more.
    """
    rng = np.random.default_rng(7)
    learn_on = _family(rng, 300, scale=1.0, spread=0.3, df=5)
    score_on = _family(rng, 300, scale=3.0, spread=0.6, df=5)
    backtests = [(s["origins"], s["errors"], s["sds"]) for s in learn_on]
    prior = learn_prior(backtests, 6, weight=0.0, half_life=half_life)
    cov80, cov95 = _coverage(score_on, prior)
    assert cov80 == pytest.approx(0.80, abs=0.03)
    assert bounds95[0] <= cov95 <= bounds95[1]
    # A pooled table without the series' own scale (weight "infinite") is tuned to the first family and does
    # not carry: the second family's errors are three times wider than it expects.
    pooled_only = learn_prior(backtests, 6, weight=1e9, half_life=half_life)
    assert _coverage(score_on, pooled_only)[0] < 0.5


def test_learn_prior_never_decreases_with_the_level_and_needs_a_past() -> None:
    rng = np.random.default_rng(1)
    family = _family(rng, 40, scale=1.0, spread=0.3, df=5)
    prior = learn_prior([(s["origins"], s["errors"], s["sds"]) for s in family], 6, weight=2.0, half_life=0.5)
    knots = np.asarray(prior.knots)
    assert knots.shape == (6, len(LEVELS)) and np.all(np.diff(knots, axis=1) >= 0)
    assert (prior.weight, prior.half_life) == (2.0, 0.5)
    with pytest.raises(ValueError, match="no backtest has an origin with a past"):
        learn_prior([([10], np.array([[1.0]]), np.ones((1, 1)))], 1, weight=2.0, half_life=0.5)


def test_past_scores_are_series_score_on_what_each_origin_knew() -> None:
    # Property: the vectorised past-only scores equal series_score on each origin's known errors (masked by hand),
    # with gaps, a failed origin and a wild error in the backtest.
    rng = np.random.default_rng(3)
    origins = [40, 38, 36, 34, 30, 28]
    errors = rng.standard_normal((6, 5)) * rng.uniform(0.5, 4)
    errors[2, 1] = np.nan
    errors[4] = np.nan
    errors[5, 0] = 80.0
    sds = np.ones_like(errors)
    for half_life in (0.5, 2.0, float("inf")):
        scores, counts = past_scores(origins, errors, sds, half_life)
        for row, origin in enumerate(origins):
            known = np.array([[o + j <= origin for j in range(1, 6)] for o in origins])
            expected = series_score(np.where(known, errors, np.nan), sds, half_life)
            if expected[1] == 0:
                assert np.isnan(scores[row]) and counts[row] == 0
            else:
                assert (scores[row], counts[row]) == pytest.approx(expected)
