"""A rule's window: explicit periods, or the periods that contain the claim's made_on and deadline."""

from datetime import date

import pytest

from forecasts.periods import Frequency
from predictions.rescore.windows import (
    beyond_reach,
    effective_window,
    max_window_periods,
    past_cap,
    periods_in_years,
    window_problem,
    window_text,
)

MADE, DEADLINE = date(2024, 5, 17), date(2026, 12, 31)


@pytest.mark.parametrize(
    ("frequency", "first", "last", "text"),
    [
        (Frequency.MONTHLY, date(2024, 5, 1), date(2026, 12, 1), ("2024-05", "2026-12")),
        (Frequency.QUARTERLY, date(2024, 4, 1), date(2026, 10, 1), ("2024-Q2", "2026-Q4")),
        (Frequency.ANNUAL, date(2024, 1, 1), date(2026, 1, 1), ("2024", "2026")),
        (Frequency.WEEKLY, date(2024, 5, 13), date(2026, 12, 28), ("2024-05-13", "2026-12-28")),  # Mondays
        (Frequency.DAILY, MADE, DEADLINE, ("2024-05-17", "2026-12-31")),
    ],
)
def test_by_default_the_window_runs_from_the_made_on_period_to_the_deadline_period(
    frequency: Frequency, first: date, last: date, text: tuple[str, str]
) -> None:
    kwargs = {"frequency": frequency, "made_on": MADE, "deadline": DEADLINE, "window_start": None, "window_end": None}
    assert effective_window(**kwargs) == (first, last)  # type: ignore[arg-type]
    assert window_text(**kwargs) == text  # type: ignore[arg-type]


def test_explicit_ends_win_each_on_its_own() -> None:
    monthly = {"frequency": Frequency.MONTHLY, "made_on": MADE, "deadline": DEADLINE}
    assert effective_window(**monthly, window_start="2025-01", window_end=None) == (  # type: ignore[arg-type]
        date(2025, 1, 1),
        date(2026, 12, 1),
    )
    assert effective_window(**monthly, window_start=None, window_end="2025-03") == (  # type: ignore[arg-type]
        date(2024, 5, 1),
        date(2025, 3, 1),
    )
    assert window_text(**monthly, window_start="2023-11", window_end="2024-02") == ("2023-11", "2024-02")  # type: ignore[arg-type]
    annual = window_text(
        frequency=Frequency.ANNUAL, made_on=MADE, deadline=DEADLINE, window_start="2026", window_end="2026"
    )
    assert annual == ("2026", "2026")


@pytest.mark.parametrize(
    ("frequency", "years", "periods"),
    [
        (Frequency.ANNUAL, 10, 10),
        (Frequency.QUARTERLY, 10, 40),
        (Frequency.MONTHLY, 10, 120),
        (Frequency.WEEKLY, 10, 530),
        (Frequency.DAILY, 2, 732),
    ],
)
def test_periods_in_years_rounds_up(frequency: Frequency, years: int, periods: int) -> None:
    assert periods_in_years(years, frequency) == periods


def test_a_window_is_beyond_reach_only_past_ten_years_of_periods() -> None:
    last = date(2025, 12, 1)
    monthly = Frequency.MONTHLY
    assert not beyond_reach(frequency=monthly, last_known=last, window_end=date(2035, 12, 1))  # exactly 120 steps
    assert beyond_reach(frequency=monthly, last_known=last, window_end=date(2036, 1, 1))  # 121
    annual = Frequency.ANNUAL
    assert not beyond_reach(frequency=annual, last_known=date(2025, 1, 1), window_end=date(2035, 1, 1))
    assert beyond_reach(frequency=annual, last_known=date(2025, 1, 1), window_end=date(2036, 1, 1))


def test_a_window_is_past_the_cap_only_beyond_fifty_years_from_todays_period() -> None:
    today = date(2026, 11, 28)  # in the period 2026-11
    assert not past_cap(frequency=Frequency.MONTHLY, today=today, window_end=date(2076, 11, 1))  # 600 months
    assert past_cap(frequency=Frequency.MONTHLY, today=today, window_end=date(2076, 12, 1))  # 601
    assert not past_cap(frequency=Frequency.ANNUAL, today=today, window_end=date(2076, 1, 1))
    assert past_cap(frequency=Frequency.ANNUAL, today=today, window_end=date(2077, 1, 1))


@pytest.mark.parametrize(
    ("frequency", "periods"),
    # 100 years of each frequency (1, 4, 12, 53, 366 a year), but never more than 3660 periods.
    [(Frequency.ANNUAL, 100), (Frequency.QUARTERLY, 400), (Frequency.MONTHLY, 1200), (Frequency.WEEKLY, 3660),
     (Frequency.DAILY, 3660)],
)  # fmt: skip
def test_a_window_spans_at_most_a_hundred_years_and_3660_periods(frequency: Frequency, periods: int) -> None:
    assert max_window_periods(frequency) == periods


def test_a_window_starts_at_most_a_hundred_years_before_made_on() -> None:
    monthly = {"frequency": Frequency.MONTHLY, "made_on": MADE}  # 2024-05-17: 1924-05 is the earliest start
    assert window_problem(**monthly, first=date(1924, 5, 1), last=date(1924, 5, 1)) is None  # type: ignore[arg-type]
    assert window_problem(**monthly, first=date(1924, 4, 1), last=date(1924, 5, 1)) == (  # type: ignore[arg-type]
        "the window starts in 1924-04, more than 100 years before the claim's made_on (2024-05-17); "
        "start it in 1924-05 or later"
    )
    # 29 February 2000: a hundred years before is 28 February 1900 (1900 is no leap year).
    daily = {"frequency": Frequency.DAILY, "made_on": date(2000, 2, 29)}
    assert window_problem(**daily, first=date(1900, 2, 28), last=date(1900, 3, 1)) is None  # type: ignore[arg-type]
    assert window_problem(**daily, first=date(1900, 2, 27), last=date(1900, 3, 1)) == (  # type: ignore[arg-type]
        "the window starts in 1900-02-27, more than 100 years before the claim's made_on (2000-02-29); "
        "start it in 1900-02-28 or later"
    )
    # Made in the year 90: the earliest start is the year 1, not a year before it.
    early = {"frequency": Frequency.ANNUAL, "made_on": date(90, 6, 15)}
    assert window_problem(**early, first=date(1, 1, 1), last=date(90, 1, 1)) is None  # type: ignore[arg-type]


def test_a_window_longer_than_its_cap_is_a_problem() -> None:
    monthly = {"frequency": Frequency.MONTHLY, "made_on": MADE}
    # 1924-05 .. 2024-04 is 1200 months (100 years); one more month is too many.
    assert window_problem(**monthly, first=date(1924, 5, 1), last=date(2024, 4, 1)) is None  # type: ignore[arg-type]
    assert window_problem(**monthly, first=date(1924, 5, 1), last=date(2024, 5, 1)) == (  # type: ignore[arg-type]
        "the window spans 1201 periods (1924-05..2024-05); a window spans at most 1200 periods of its indicator's "
        "frequency: narrow it"
    )
    daily = {"frequency": Frequency.DAILY, "made_on": MADE}
    # 2020-01-01 .. 2030-01-07 is 3660 days (3653 days to 2030-01-01, then 7 more); 2030-01-08 is one too many.
    assert window_problem(**daily, first=date(2020, 1, 1), last=date(2030, 1, 7)) is None  # type: ignore[arg-type]
    assert window_problem(**daily, first=date(2020, 1, 1), last=date(2030, 1, 8)) == (  # type: ignore[arg-type]
        "the window spans 3661 periods (2020-01-01..2030-01-08); a window spans at most 3660 periods of its "
        "indicator's frequency: narrow it"
    )
