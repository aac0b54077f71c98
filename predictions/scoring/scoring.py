"""Scores of probability forecasts of yes/no claims: pure functions, no database.

Conventions (lower is better for every score here):
- **Brier**: ``(p - o)^2`` with ``o`` = 1 if the claim came true, else 0. 0 is perfect, 0.25 is always saying 50%.
- **Log score**: the natural-log loss ``-ln(p)`` if true, ``-ln(1 - p)`` if false. ``p`` is first clipped to
  ``[LOG_EPS, 1 - LOG_EPS]`` so that a confident miss costs a large but finite ``-ln(1e-6) ≈ 13.8``, not infinity.
  ``ln 2 ≈ 0.693`` is always saying 50%.
- **Time-averaged Brier** (as Good Judgment Open and Fatebook score questions): the Brier score of the forecast
  standing at the end of each day, averaged over the days from the start (the claim's ``made_on``, or the first
  forecast if that came later: days before a forecaster's first forecast are not scored) up to the day before
  resolution. A forecaster who was right early scores better than one who was right only at the end.
- **Calibration**: forecasts grouped into equal-width probability bins; each bin reports how many forecasts fell
  in it, their mean probability and how often those claims came true.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

LOG_EPS = 1e-6
DEFAULT_BINS = 10


@dataclass(frozen=True)
class CalibrationBin:
    """One probability bin: ``[lower, upper)`` (the last one includes 1)."""

    lower: float
    upper: float
    n: int
    mean_probability: float | None
    observed_frequency: float | None


@dataclass(frozen=True)
class Scored:
    """One forecaster's forecast of one resolved claim, ready to score."""

    probability: float
    outcome: bool
    time_averaged_brier: float | None = None


@dataclass(frozen=True)
class Summary:
    """Scores of a group of forecasts: means over ``n`` claims and calibration bins."""

    n: int
    brier: float | None
    log: float | None
    time_averaged_brier: float | None
    n_time_averaged: int
    calibration: list[CalibrationBin]


def _check(probability: float) -> float:
    if not (0.0 <= probability <= 1.0) or math.isnan(probability):
        raise ValueError(f"probability {probability!r} is not between 0 and 1")
    return probability


def brier(probability: float, outcome: bool) -> float:
    """Brier score of one forecast: ``(p - o)^2``."""
    return (_check(probability) - float(outcome)) ** 2


def log_score(probability: float, outcome: bool, *, eps: float = LOG_EPS) -> float:
    """Natural-log loss of one forecast, with ``p`` clipped to ``[eps, 1 - eps]``."""
    p = min(max(_check(probability), eps), 1.0 - eps)
    return -math.log(p if outcome else 1.0 - p)


def time_averaged_brier(
    forecasts: Iterable[tuple[datetime | date, float]],
    *,
    outcome: bool,
    resolved_on: date,
    start: date | None = None,
) -> float | None:
    """Mean daily Brier of the standing forecast from ``start`` (or the first forecast) to the day before resolution.

    ``forecasts`` are ``(when, probability)``; the forecast standing on a day is the last one made on or before
    it. A claim resolved on the day of its first forecast is scored on that one day. None without forecasts.
    """
    ordered = sorted(((_day(when), _check(p)) for when, p in forecasts), key=lambda pair: pair[0])
    ordered = [pair for pair in ordered if pair[0] <= resolved_on]
    if not ordered:
        return None
    first_day = max(ordered[0][0], start) if start is not None else ordered[0][0]
    last_day = max(resolved_on - timedelta(days=1), first_day)
    # The standing forecast is constant between two forecasts: each stretch of days is added at once, so the cost
    # follows the number of forecasts, not of days (a claim open for years has a thousand days and few forecasts).
    total, days, standing, day = 0.0, 0, None, first_day
    for when, probability in ordered:
        if when > last_day:
            break
        if when > day:  # the standing forecast held from ``day`` to the day before ``when``
            if standing is not None:
                stretch = (when - day).days
                total += brier(standing, outcome) * stretch
                days += stretch
            day = when
        standing = probability
    if standing is not None:
        stretch = (last_day - day).days + 1
        total += brier(standing, outcome) * stretch
        days += stretch
    return total / days if days else None


def _day(when: datetime | date) -> date:
    return when.date() if isinstance(when, datetime) else when


def bin_index(probability: float, *, bins: int) -> int:
    """The bin ``[i / bins, (i + 1) / bins)`` that holds ``probability`` as written (the last bin holds 1).

    Exact decimal arithmetic on the number as written: in binary floats 0.58 * 50 is 28.999999999999996, which
    would put 0.58 in [0.56, 0.58) instead of [0.58, 0.60).
    """
    return min(int(Decimal(repr(float(probability))) * bins), bins - 1)


def calibration_bins(pairs: Iterable[tuple[float, bool]], *, bins: int = DEFAULT_BINS) -> list[CalibrationBin]:
    """Equal-width bins over [0, 1] with counts, mean forecast and observed frequency (None when empty)."""
    if bins < 1:
        raise ValueError("bins must be at least 1")
    members: list[list[tuple[float, bool]]] = [[] for _ in range(bins)]
    for probability, outcome in pairs:
        members[bin_index(_check(probability), bins=bins)].append((probability, outcome))
    result = []
    for index, inside in enumerate(members):
        n = len(inside)
        result.append(
            CalibrationBin(
                lower=index / bins,
                upper=(index + 1) / bins,
                n=n,
                mean_probability=sum(p for p, _ in inside) / n if n else None,
                observed_frequency=sum(1 for _, o in inside if o) / n if n else None,
            )
        )
    return result


def summarise(scored: Sequence[Scored], *, bins: int = DEFAULT_BINS) -> Summary:
    """Mean Brier, log score and time-averaged Brier of a group, with its calibration bins."""
    n = len(scored)
    averaged = [s.time_averaged_brier for s in scored if s.time_averaged_brier is not None]
    return Summary(
        n=n,
        brier=sum(brier(s.probability, s.outcome) for s in scored) / n if n else None,
        log=sum(log_score(s.probability, s.outcome) for s in scored) / n if n else None,
        time_averaged_brier=sum(averaged) / len(averaged) if averaged else None,
        n_time_averaged=len(averaged),
        calibration=calibration_bins(((s.probability, s.outcome) for s in scored), bins=bins),
    )
