"""Reading series in the long format of ``m3_dev.csv``: ``series_id,frequency,split,ds,y``.

``split`` is optional (all rows are then training rows); ``ds`` is the period start date or period text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from forecasts.errors import SeriesError
from forecasts.periods import Frequency, PeriodError, parse_period, period_of, periods_between
from forecasts.types import Series

REQUIRED_COLUMNS = ("series_id", "frequency", "ds", "y")


@dataclass(frozen=True)
class Item:
    """One series of a long-format file: its training part and (if the file has them) its test values."""

    series_id: str
    train: Series
    test: NDArray[np.float64]


def _start(text: str, freq: Frequency) -> pd.Timestamp:
    try:
        return period_of(pd.Timestamp(text).date(), freq)
    except (ValueError, TypeError):
        return parse_period(text, freq)


def read_long(path: str | Path) -> list[Item]:
    """Parse a long-format CSV into items, in order of first appearance; raise SeriesError on bad input."""
    path = Path(path)
    if not path.is_file():
        raise SeriesError(f"data file {str(path)!r} does not exist")
    try:
        frame = pd.read_csv(path, dtype={"series_id": str, "frequency": str, "split": str, "ds": str})
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise SeriesError(f"cannot read {str(path)!r} as CSV: {exc}") from None
    missing = [c for c in REQUIRED_COLUMNS if c not in frame.columns]
    if missing:
        raise SeriesError(f"{path.name} lacks column(s) {', '.join(missing)}: expected series_id,frequency,split,ds,y")
    if "split" not in frame.columns:
        frame["split"] = "train"
    frame["y"] = pd.to_numeric(frame["y"], errors="coerce")
    items = []
    for series_id, rows in frame.groupby("series_id", sort=False):
        freqs = rows["frequency"].dropna().unique()
        if len(freqs) != 1:
            raise SeriesError(f"series {series_id}: needs exactly one frequency, got {list(freqs)}")
        try:
            freq = Frequency.parse(str(freqs[0]))
            starts = [_start(d, freq) for d in rows["ds"]]
        except PeriodError as exc:
            raise SeriesError(f"series {series_id}: {exc}") from None
        first = min(starts)
        index = np.array([periods_between(first, s, freq) for s in starts])
        values = np.full(index.max() + 1, np.nan)
        values[index] = rows["y"].to_numpy(dtype=float)
        is_test = np.zeros(index.max() + 1, dtype=bool)
        is_test[index] = rows["split"].astype(str).str.lower().eq("test").to_numpy()
        train_len = int(np.argmax(is_test)) if is_test.any() else len(values)
        if train_len == 0:
            raise SeriesError(f"series {series_id}: has no train rows")
        train = Series(values[:train_len], freq, first, str(series_id))
        items.append(Item(str(series_id), train, values[train_len:]))
    if not items:
        raise SeriesError(f"{path.name} has no rows")
    return items
