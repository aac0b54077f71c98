"""A rule's window of periods: explicit, or the periods containing the claim's made_on and deadline."""

from __future__ import annotations

from datetime import date

from forecasts.periods import Frequency, format_period, parse_period, period_of


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
