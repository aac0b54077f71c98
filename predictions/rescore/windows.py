"""A rule's window of periods: explicit, or the periods containing the claim's made_on and deadline.

Two horizons bound the work a window can cause (a daily rule to 9999-12-31 once asked for 10.8 GiB):
- ``REACH_YEARS``: the model forecasts at most this far past an indicator's last value. A window that ends
  further out is scored by the claim's base rate until it comes within reach.
- ``CAP_YEARS``: a rule whose window ends more than this far past today is refused when the claim is made.

And two bound its near end and its length (a daily window from 1900 once added 1.5 GB to the server per re-score):
- ``BACK_YEARS``: a window starts at most this far before the claim's ``made_on``;
- ``MAX_WINDOW_PERIODS`` and ``SPAN_YEARS``: a window spans at most this many periods (ten years of days), and
  never more than this many years (``max_window_periods``).
A claim past either is refused when it is made (400); a window stored before these caps is scored by its base
rate, like a window past the reach.
"""

from __future__ import annotations

from datetime import date

from forecasts.periods import Frequency, format_period, parse_period, period_of, periods_between

REACH_YEARS = 10
CAP_YEARS = 50
BACK_YEARS = 100
SPAN_YEARS = 100
MAX_WINDOW_PERIODS = 3660
_PER_YEAR = {Frequency.ANNUAL: 1, Frequency.QUARTERLY: 4, Frequency.MONTHLY: 12, Frequency.WEEKLY: 53,
             Frequency.DAILY: 366}  # fmt: skip


def periods_in_years(years: int, frequency: Frequency) -> int:
    """How many periods of ``frequency`` fit in ``years`` years (rounded up)."""
    return years * _PER_YEAR[Frequency(frequency)]


def beyond_reach(*, frequency: Frequency, last_known: date, window_end: date) -> bool:
    """Whether forecasting from ``last_known`` to ``window_end`` would go past ``REACH_YEARS``."""
    return periods_between(last_known, window_end, frequency) > periods_in_years(REACH_YEARS, frequency)


def max_window_periods(frequency: Frequency) -> int:
    """How many periods of ``frequency`` a window may span: ``SPAN_YEARS`` of them, at most ``MAX_WINDOW_PERIODS``."""
    return min(periods_in_years(SPAN_YEARS, frequency), MAX_WINDOW_PERIODS)


def window_problem(*, frequency: Frequency, made_on: date, first: date, last: date) -> str | None:
    """Why a window from ``first`` to ``last`` (period starts) is past the caps on its start and length, or None."""
    freq = Frequency(frequency)
    earliest = period_of(made_on.replace(year=max(1, made_on.year - BACK_YEARS), day=min(made_on.day, 28)), freq)
    if first < earliest:
        return (
            f"the window starts in {format_period(first, freq)}, more than {BACK_YEARS} years before the claim's "
            f"made_on ({made_on}); start it in {format_period(earliest, freq)} or later"
        )
    span = periods_between(first, last, freq) + 1
    if span > max_window_periods(freq):
        return (
            f"the window spans {span} periods ({format_period(first, freq)}..{format_period(last, freq)}); a "
            f"window spans at most {max_window_periods(freq)} periods of its indicator's frequency: narrow it"
        )
    return None


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
