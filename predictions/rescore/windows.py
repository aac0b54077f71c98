"""A rule's window of periods: explicit, or the periods containing the claim's made_on and deadline.

Two horizons bound the work a window can cause (a daily rule to 9999-12-31 once asked for 10.8 GiB):
- ``REACH_YEARS``: the model forecasts at most this far past an indicator's last value. A window that ends
  further out is scored by the claim's base rate until it comes within reach.
- ``CAP_YEARS``: a rule whose window ends more than this far past today is refused when the claim is made.
"""

from __future__ import annotations

from datetime import date

from forecasts.periods import Frequency, format_period, parse_period, period_of, periods_between

REACH_YEARS = 10
CAP_YEARS = 50
_PER_YEAR = {Frequency.ANNUAL: 1, Frequency.QUARTERLY: 4, Frequency.MONTHLY: 12, Frequency.WEEKLY: 53,
             Frequency.DAILY: 366}  # fmt: skip


def periods_in_years(years: int, frequency: Frequency) -> int:
    """How many periods of ``frequency`` fit in ``years`` years (rounded up)."""
    return years * _PER_YEAR[Frequency(frequency)]


def beyond_reach(*, frequency: Frequency, last_known: date, window_end: date) -> bool:
    """Whether forecasting from ``last_known`` to ``window_end`` would go past ``REACH_YEARS``."""
    return periods_between(last_known, window_end, frequency) > periods_in_years(REACH_YEARS, frequency)


def past_cap(*, frequency: Frequency, today: date, window_end: date) -> bool:
    """Whether a window ending at ``window_end`` lies more than ``CAP_YEARS`` past ``today``."""
    return periods_between(period_of(today, frequency), window_end, frequency) > periods_in_years(CAP_YEARS, frequency)


def effective_window(
    *, frequency: Frequency, made_on: date, deadline: date, window_start: str | None, window_end: str | None
) -> tuple[date, date]:
    """Start dates of the first and last period of the window."""
    first = parse_period(window_start, frequency) if window_start else period_of(made_on, frequency)
    last = parse_period(window_end, frequency) if window_end else period_of(deadline, frequency)
    return first, last


def window_text(
    *, frequency: Frequency, made_on: date, deadline: date, window_start: str | None, window_end: str | None
) -> tuple[str, str]:
    """The window as canonical period text."""
    first, last = effective_window(
        frequency=frequency, made_on=made_on, deadline=deadline, window_start=window_start, window_end=window_end
    )
    return format_period(first, frequency), format_period(last, frequency)
