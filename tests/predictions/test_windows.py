"""A rule's window: explicit periods, or the periods that contain the claim's made_on and deadline."""

from datetime import date

import pytest

from forecasts.periods import Frequency
from predictions.rescore.windows import beyond_reach, effective_window, past_cap, periods_in_years, window_text

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
