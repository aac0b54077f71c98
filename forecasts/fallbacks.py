"""Explicit, labelled forecasts for series the default engine cannot calibrate: too short, or constant.

The ledger's indicators are often like that: an article's annual table gives one or two points, a policy rate
sits unchanged for years. The default combination needs four values and a backtest to learn its spread, and on
a constant history it would claim certainty (a zero-width interval). Instead:

- **fewer than four known values**: ``naive (short series: N values)``;
- **a constant history**: ``naive (constant series)``.

Both forecast the last value with the spread of a naive forecast of the development series at the same
frequency and step, relative to the level (``RELATIVE`` in ``forecasts/_calibration_table.py``: quantiles of
|change| / |last value| from the end of each series' train part to its hold-out values). The few changes the
series does show update that spread like a variance with ``PRIOR_CHANGES`` pseudo-observations of the pooled
one: ``factor**2 = (PRIOR_CHANGES + sum((change / pooled sd)**2)) / (PRIOR_CHANGES + changes)``, so a history
of 30 equal values narrows it to about a third, and two wildly different values widen it. (``PRIOR_CHANGES``
is a hand choice: the development set has no series this short or constant to learn it from.) Paths
accumulate their errors like a random walk. A last value of zero has no level to scale by, so its interval is
a point and ``info["fallback"]`` says so.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from forecasts.models._common import clean_values, make_forecast
from forecasts.types import Forecast, Series

MIN_LENGTH = 4
#: Pseudo-observations of the pooled relative spread when the series' own changes update it.
PRIOR_CHANGES = 4.0


def relative_knots(freq: str, h: int) -> NDArray[np.float64]:
    """|change| / |level| quantiles per step (rows) and central level (columns); weekly and daily use monthly."""
    from forecasts._calibration_table import RELATIVE

    table = np.asarray(RELATIVE.get(freq) or RELATIVE["M"], dtype=float)
    return table[np.minimum(np.arange(h), len(table) - 1)]


def why_fallback(series: Series) -> str | None:
    """The label of the fallback ``series`` needs, or None when the default engine can forecast it."""
    values = np.asarray(series.values, dtype=float)
    known = values[np.isfinite(values)]
    if 0 < len(known) < MIN_LENGTH:
        return f"naive (short series: {len(known)} value{'s' if len(known) > 1 else ''})"
    if len(known) >= MIN_LENGTH and np.ptp(clean_values(series)) == 0:
        return "naive (constant series)"
    return None


def fallback_forecast(series: Series, h: int, label: str, *, n_paths: int, seed: int) -> Forecast:
    """The last value, with the development set's relative naive spread per step, labelled ``label``."""
    y = clean_values(series)
    last = float(y[-1])
    knots = relative_knots(series.freq.value, h)
    factor = 1.0
    if last != 0:
        pooled_sd = knots[0, 1] / 1.2815516  # one step's relative sd, from the pooled 80% half-width
        changes = np.diff(y) / abs(last)
        factor = float(np.sqrt((PRIOR_CHANGES + np.sum((changes / pooled_sd) ** 2)) / (PRIOR_CHANGES + len(changes))))
    widths = abs(last) * factor * knots
    note = "spread: naive forecasts of the development series at this frequency, relative to the level"
    if last == 0:
        note = "the last value is 0: no level to scale the spread by, so the interval is a point"
    return make_forecast(
        series,
        np.full(h, last),
        np.zeros(h),
        model=label,
        alpha=1.0,
        n_paths=n_paths,
        seed=seed,
        info={"fallback": note, "known_values": int(np.sum(np.isfinite(series.values))), "spread_factor": factor},
        widths=widths,
    )
