"""Periods: the canonical text of a time series' periods, per frequency.

Periods are written ``YYYY`` (A), ``YYYY-Qn`` (Q), ``YYYY-MM`` (M) and ``YYYY-MM-DD`` (W, D).
Internally each period is identified by the date it starts on.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from enum import StrEnum

from forecasts.errors import PeriodError


class Frequency(StrEnum):
    """How often a series has a value."""

    DAILY = "D"
    WEEKLY = "W"
    MONTHLY = "M"
    QUARTERLY = "Q"
    ANNUAL = "A"

    @classmethod
    def parse(cls, text: str) -> Frequency:
        """Accept ``A|Q|M|W|D`` or the long names ``Yearly|Annual|Quarterly|Monthly|Weekly|Daily``."""
        key = text.strip().lower()
        for freq, names in _NAMES.items():
            if key in names:
                return freq
        raise PeriodError(
            f"unknown frequency {text!r}: use one of A, Q, M, W, D (or Yearly, Quarterly, Monthly, Weekly, Daily)"
        )

    @property
    def season_length(self) -> int:
        """Periods in one seasonal cycle (M4 conventions; weekly and daily use a year and a week)."""
        return {"A": 1, "Q": 4, "M": 12, "W": 52, "D": 7}[self.value]

    @property
    def default_horizon(self) -> int:
        """The M-competition horizon for this frequency."""
        return {"A": 6, "Q": 8, "M": 18, "W": 13, "D": 14}[self.value]


_NAMES: dict[Frequency, set[str]] = {
    Frequency.ANNUAL: {"a", "y", "yearly", "annual", "year"},
    Frequency.QUARTERLY: {"q", "quarterly", "quarter"},
    Frequency.MONTHLY: {"m", "monthly", "month"},
    Frequency.WEEKLY: {"w", "weekly", "week"},
    Frequency.DAILY: {"d", "daily", "day"},
}

_PATTERNS = {
    Frequency.ANNUAL: re.compile(r"^(\d{4})$"),
    Frequency.QUARTERLY: re.compile(r"^(\d{4})-Q([1-4])$"),
    Frequency.MONTHLY: re.compile(r"^(\d{4})-(\d{2})$"),
}
_EXAMPLES = {"A": "2024", "Q": "2024-Q1", "M": "2024-01", "W": "2024-01-01", "D": "2024-01-01"}


def parse_period(text: str, freq: Frequency | str) -> date:
    """Return the first day of the period written ``text`` at frequency ``freq``."""
    freq = Frequency(freq)
    raw = str(text).strip()
    try:
        if freq in (Frequency.DAILY, Frequency.WEEKLY):
            day = date.fromisoformat(raw)
            return day - timedelta(days=day.weekday()) if freq is Frequency.WEEKLY else day
        match = _PATTERNS[freq].match(raw)
        if match is None:
            raise ValueError(raw)
        year = int(match.group(1))
        if freq is Frequency.ANNUAL:
            return date(year, 1, 1)
        if freq is Frequency.QUARTERLY:
            return date(year, 3 * int(match.group(2)) - 2, 1)
        return date(year, int(match.group(2)), 1)
    except ValueError:
        raise PeriodError(
            f"period {raw!r} does not fit frequency {freq.value}: write it like {_EXAMPLES[freq.value]!r}"
        ) from None


def format_period(start: date, freq: Frequency | str) -> str:
    """Write the period that contains ``start`` in its canonical text."""
    freq = Frequency(freq)
    if freq is Frequency.ANNUAL:
        return f"{start.year:04d}"
    if freq is Frequency.QUARTERLY:
        return f"{start.year:04d}-Q{(start.month - 1) // 3 + 1}"
    if freq is Frequency.MONTHLY:
        return f"{start.year:04d}-{start.month:02d}"
    if freq is Frequency.WEEKLY:
        return (start - timedelta(days=start.weekday())).isoformat()
    return start.isoformat()


def period_of(day: date, freq: Frequency | str) -> date:
    """Return the start of the period that contains ``day``."""
    freq = Frequency(freq)
    if freq is Frequency.ANNUAL:
        return date(day.year, 1, 1)
    if freq is Frequency.QUARTERLY:
        return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    if freq is Frequency.MONTHLY:
        return date(day.year, day.month, 1)
    if freq is Frequency.WEEKLY:
        return day - timedelta(days=day.weekday())
    return day


def shift(start: date, n: int, freq: Frequency | str) -> date:
    """Return the start of the period ``n`` periods after the one starting at ``start``."""
    freq = Frequency(freq)
    if freq is Frequency.DAILY:
        return start + timedelta(days=n)
    if freq is Frequency.WEEKLY:
        return start + timedelta(weeks=n)
    months = {Frequency.MONTHLY: 1, Frequency.QUARTERLY: 3, Frequency.ANNUAL: 12}[freq] * n
    index = start.year * 12 + (start.month - 1) + months
    return date(index // 12, index % 12 + 1, 1)


def periods_between(first: date, last: date, freq: Frequency | str) -> int:
    """Count the periods from ``first`` to ``last`` (0 when equal; negative when ``last`` is earlier)."""
    freq = Frequency(freq)
    if freq is Frequency.DAILY:
        return (last - first).days
    if freq is Frequency.WEEKLY:
        return (last - first).days // 7
    months = (last.year - first.year) * 12 + (last.month - first.month)
    return months // {Frequency.MONTHLY: 1, Frequency.QUARTERLY: 3, Frequency.ANNUAL: 12}[freq]


def period_range(first: date, last: date, freq: Frequency | str) -> list[date]:
    """Every period start from ``first`` to ``last``, both included."""
    count = periods_between(first, last, freq)
    return [shift(first, i, freq) for i in range(count + 1)]
