"""Rules and deadlines of the kinds issue 20 names that a reviewer must get right (intake, rules-t).

Every sentence here was written for this file; none is copied from the labelled set. Expected values are worked by
hand: a point forecast is a band of +-5% of an amount, and for a rate (% or pp) +-0.5 when written whole, +-0.25
with one decimal, +-0.1 with more, never more than half the value; the US fiscal year ends on 30 September, a
Japanese one on 31 March of the year after its number.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from predictions.extract import extract_candidates, find_quantities, find_threshold
from predictions.extract.deadlines import FISCAL_YEAR_ENDS, find_deadlines

BASE = date(2025, 11, 12)


def _claim(sentence: str, base: date = BASE) -> dict[str, Any]:
    (claim,) = [c.to_claim() for c in extract_candidates(sentence, published_on=base)]
    return claim


def _flagged(claim: dict[str, Any]) -> bool:
    return any(point.startswith("deadline") for point in claim["needs_review"])


# --- numbers in words -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "value", "unit"),
    [
        ("one hundred and twenty thousand jobs", 120.0, "thousand jobs"),
        ("a hundred thousand workers", 100.0, "thousand people"),
        ("two hundred fifty dollars", 250.0, "USD"),
        ("seventy-five dollars a barrel", 75.0, "USD per barrel"),
        ("four million seven hundred thousand units", 4.7, "million units"),
        ("two trillion three hundred billion euros", 2.3e12, "EUR"),  # scaled; the rule gives 2.3 trillion EUR
    ],
)
def test_compound_number_words(words: str, value: float, unit: str) -> None:
    (quantity,) = find_quantities(f"The plan counts {words}.")
    assert (quantity.value, quantity.unit) == (pytest.approx(value), unit)


def test_an_amount_in_words_keeps_its_own_scale_in_the_rule() -> None:
    rule = find_threshold("Spending will reach two trillion three hundred billion euros in 2027.")
    assert rule is not None and (rule.unit, rule.low, rule.high) == ("trillion EUR", 2.185, 2.415)  # 2.3 +- 5%


def test_ranges_in_words_and_in_eighths_stay_ranges() -> None:
    (words,) = find_quantities("between two and three percent")  # "two and three" is no compound: a range
    assert (words.low, words.high, words.unit) == (2.0, 3.0, "%")
    rule = find_threshold("We see core inflation at 1-3/4 to 2-1/4 percent in 2027.")
    assert rule is not None and (rule.op, rule.low, rule.high, rule.unit) == (">=", 1.75, 2.25, "%")


# --- jobs counted per month --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        # 140,000 +- 5%: 133,000 to 147,000
        ("About one hundred and forty thousand jobs are expected to be added each month in 2026.", 133_000, 147_000),
        ("Forecasters expect job gains of about 140,000 in December.", 133_000, 147_000),
        ("Nonfarm payrolls are projected to rise by 140,000 in January.", 133_000, 147_000),
    ],
)
def test_a_payroll_change_is_in_jobs_per_month(sentence: str, low: float, high: float) -> None:
    rule = find_threshold(sentence)
    assert rule is not None and (rule.unit, rule.low, rule.high) == ("jobs per month", low, high)


def test_jobs_over_years_stay_a_count() -> None:
    rule = find_threshold("The economy is projected to add 4.2 million jobs over the decade.")
    assert rule is not None and rule.unit == "million jobs"
    # the month belongs to the other number
    rule = find_threshold("The plan will create 3 million jobs next year, or about 250,000 a month.")
    assert rule is not None and rule.unit == "million jobs"


# --- comparisons -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "op", "value", "unit"),
    [
        ("India's economy should grow at a better than 6 percent rate next year.", ">", 6.0, "%"),
        ("Exports will do better than 4% in 2026.", ">", 4.0, "%"),
        ("Rents could climb as much as 9 percent in 2026.", "<=", 9.0, "%"),  # read like "up to"
        ("As many as 40,000 workers could lose their jobs next year.", "<=", 40_000.0, "people"),
    ],
)
def test_better_than_and_as_much_as(sentence: str, op: str, value: float, unit: str) -> None:
    rule = find_threshold(sentence)
    assert rule is not None and (rule.op, rule.value, rule.unit) == (op, value, unit)


@pytest.mark.parametrize(
    ("sentence", "low", "high", "unit", "metric"),
    [
        ("Credit spreads are expected to widen 30 basis points in 2026.", 28.5, 31.5, "bp", "change in Credit spreads"),
        ("Spreads should narrow 30 bps next year.", -31.5, -28.5, "bp", "change in Spreads"),
        ("The output gap will narrow by 0.4 percentage point in 2026.", -0.6, -0.2, "pp", "change in output gap"),
    ],
)
def test_widen_and_narrow_are_signed_changes(sentence: str, low: float, high: float, unit: str, metric: str) -> None:
    rule = find_threshold(sentence)
    assert rule is not None and rule.change
    assert (rule.low, rule.high, rule.unit, rule.metric) == (pytest.approx(low), pytest.approx(high), unit, metric)


def test_narrow_to_a_level_is_still_a_level() -> None:
    rule = find_threshold("The deficit will narrow to 4% in 2027.")
    assert rule is not None and not rule.change and (rule.low, rule.high) == (3.5, 4.5)


# --- deadlines -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "fiscal", "expected"),
    [
        ("The fiscal 2027-28 deficit will be 5% of GDP.", "us", date(2028, 9, 30)),
        ("Borrowing will fall in FY2027-28.", "us", date(2028, 9, 30)),
        ("Receipts will rise 6% in FY27/28.", "us", date(2028, 9, 30)),
        ("Output in fiscal year 2027/28 is projected at 9 million tons.", "us", date(2028, 9, 30)),
        ("Growth will reach 1.5% in fiscal 2027-28.", "march", date(2028, 3, 31)),
        ("Outlays will exceed receipts in fiscal years 2027 to 2029.", "us", date(2029, 9, 30)),
        ("Outlays will exceed receipts over FY2027-2031.", "us", date(2031, 9, 30)),
        ("Revenue will rise in fiscal 2027.", "us", date(2027, 9, 30)),  # unchanged
    ],
)
def test_fiscal_years_named_by_two_years_or_a_run(sentence: str, fiscal: str, expected: date) -> None:
    assert [d.on for d in find_deadlines(sentence, base=BASE, fiscal=FISCAL_YEAR_ENDS[fiscal])] == [expected]


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        ("The fiscal 2027-28 deficit will be 5% of GDP.", "fiscal 2027-28"),
        ("Growth will reach 1.5% in fiscal 2027-28.", "fiscal 2027-28"),
        ("Receipts will rise 6% in FY27/28.", "FY27/28"),
        ("Output in fiscal year 2027/28 is projected at 9 million tons.", "fiscal year 2027/28"),
        ("Debt will peak by the end of fiscal years 2027 to 2029.", "fiscal years 2027 to 2029"),
    ],
)
def test_a_fiscal_year_of_two_years_is_named_once_in_its_note(sentence: str, named: str) -> None:
    # the note quoted the lead and the edge after a second "fiscal": "fiscal in fiscal year 2027/28", "fiscal FY27/28"
    (found,) = find_deadlines(sentence, base=BASE)
    assert found.note is not None and found.note.startswith(f"{named} is read as ending "), found.note


@pytest.mark.parametrize(
    ("sentence", "base", "expected"),
    [
        ("The Committee will likely cut rates at its next meeting.", date(2025, 11, 12), "2025-12-31"),
        ("We expect a 50 basis point increase at our next policy meeting.", date(2026, 1, 20), "2026-02-28"),
        ("Rates are likely to stay on hold until the next meeting.", date(2026, 12, 3), "2027-01-31"),
    ],
)
def test_the_next_meeting_is_the_end_of_next_month_flagged(sentence: str, base: date, expected: str) -> None:
    claim = _claim(sentence, base)
    assert claim["deadline"] == expected
    assert _flagged(claim) and any("meeting calendar" in point for point in claim["needs_review"])


def test_today_opening_a_clause_is_the_present_not_a_deadline() -> None:
    sentence = "Prices may settle in time, but today, as stocks run low, they are likely to stay high."
    assert find_deadlines(sentence, base=BASE) == []
    assert [d.on for d in find_deadlines("The front is expected to stall today.", base=BASE)] == [BASE]
    assert [d.on for d in find_deadlines("Showers are likely today, mainly late.", base=BASE)] == [BASE]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Oil demand will peak by the mid-2030s.", date(2035, 12, 31)),
        ("Coal output will fall sharply in the early 2030s.", date(2033, 12, 31)),
        ("Nuclear capacity will shrink by the late 2020s.", date(2029, 12, 31)),
        ("Emissions will stabilise in the 2040s.", date(2049, 12, 31)),
        ("Costs will fall before the mid-2030s.", date(2033, 12, 31)),  # the middle runs 2034-2035
    ],
)
def test_a_decade_or_a_part_of_it_is_flagged(sentence: str, expected: date) -> None:
    (found,) = find_deadlines(sentence, base=BASE)
    assert found.on == expected and found.note is not None and "approximate" in found.note
    assert find_deadlines("Inflation ran high in the 1970s.", base=BASE) == []  # past


@pytest.mark.parametrize(
    ("sentence", "base", "expected"),
    [
        ("Orders should recover in the back half of the year.", date(2026, 2, 3), date(2026, 12, 31)),
        ("Orders should recover in the front half of next year.", date(2026, 2, 3), date(2027, 6, 30)),
        ("Margins will widen by Q3.", date(2026, 2, 3), date(2026, 9, 30)),
        ("Margins will widen in 2Q.", date(2026, 8, 3), date(2026, 8, 3)),  # just ended: due on the text's date
        ("Rates should fall in the next 9-15 months.", date(2026, 2, 3), date(2027, 5, 3)),
        ("Rates should fall over the next 6 to 9 months.", date(2026, 2, 3), date(2026, 11, 3)),
        ("Output will double within a decade.", date(2026, 2, 3), date(2036, 2, 3)),
        ("Output will double over the next two decades.", date(2026, 2, 3), date(2046, 2, 3)),
        ("Retail sales will rise 3% in calendar 2027.", date(2026, 2, 3), date(2027, 12, 31)),
        ("Jobs will grow 1% a year over the 2026-36 decade.", date(2026, 2, 3), date(2036, 12, 31)),  # no count
    ],
)
def test_halves_quarters_spans_and_decades_of_time(sentence: str, base: date, expected: date) -> None:
    assert [d.on for d in find_deadlines(sentence, base=base)] == [expected]


@pytest.mark.parametrize(
    ("sentence", "low", "high", "unit"),
    [
        ("The Fed is expected to hike rates by 75bps in June.", 71.25, 78.75, "bp"),
        ("The ECB will ease by 50 basis points in March.", -52.5, -47.5, "bp"),
        ("Losses could reach $2.5 trillion-$3 trillion in 2026.", 2.5, 3.0, "trillion USD"),
        ("Seven out of ten new homes will have heat pumps by 2030.", 69.5, 70.5, "%"),
    ],
)
def test_hikes_eases_currency_ranges_and_shares(sentence: str, low: float, high: float, unit: str) -> None:
    rule = find_threshold(sentence)
    assert rule is not None and (rule.low, rule.high, rule.unit) == (low, high, unit)


def test_ease_to_a_level_is_still_a_level() -> None:
    rule = find_threshold("Inflation will ease to 2.5% in 2026.")
    assert rule is not None and not rule.change and (rule.low, rule.high) == (2.25, 2.75)


def test_a_revised_forecast_with_no_period_is_this_years_flagged() -> None:
    (found,) = find_deadlines("The truck sales forecast has been lowered again, to 210,000 units.", base=BASE)
    assert found.on == date(2025, 12, 31) and found.note is not None and "names no period" in found.note
    # a period named wins: no default is added beside it
    dated = find_deadlines("The forecast has been raised to 3 percent for 2027.", base=BASE)
    assert [d.on for d in dated] == [date(2027, 12, 31)]


@pytest.mark.parametrize(
    ("sentence", "low", "high", "unit", "change"),
    [
        # a quarter point is 0.25, written with two decimals: +-0.1
        ("The bank will make a quarter-point rate cut in June.", -0.35, -0.15, "pp", True),
        ("Expect a 50 basis point rate hike in July.", 47.5, 52.5, "bp", True),
        ("Growth will slow by half a percentage point in 2026.", -0.75, -0.25, "pp", True),
        # a fraction is read as its decimals: 2-3/4 is 2.75 (+-0.1), 3½ is 3.5 (+-0.25)
        ("Core inflation should be 2-3/4 percent in 2026.", 2.65, 2.85, "%", False),
        ("Unemployment should be 3½ percent in 2026.", 3.25, 3.75, "%", False),
        ("Imports will reach 40 billion U.S. dollars in 2026.", 38.0, 42.0, "billion USD", False),
    ],
)
def test_rate_moves_fractions_and_us_dollars(sentence: str, low: float, high: float, unit: str, change: bool) -> None:
    rule = find_threshold(sentence)
    assert rule is not None and (rule.low, rule.high, rule.unit, rule.change) == (low, high, unit, change)


def test_slow_to_a_level_is_still_a_level() -> None:
    rule = find_threshold("Growth will slow to 1.5% in 2026.")
    assert rule is not None and not rule.change and (rule.low, rule.high) == (1.25, 1.75)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("2028 will be a year of consolidation for the industry.", date(2028, 12, 31)),
        ("Tariffs should be lifted by the beginning of next year.", date(2026, 1, 1)),
        ("The index will close higher by end-year.", date(2025, 12, 31)),
        ("The index will close higher by end of year.", date(2025, 12, 31)),
        ("The index will close higher by year’s end.", date(2025, 12, 31)),
        ("Sales should pick up in H2 next year.", date(2026, 12, 31)),
        ("Sales should pick up in Q2 next year.", date(2026, 6, 30)),
        ("Sales should pick up in H2.", date(2025, 12, 31)),  # said in November: this half
    ],
)
def test_years_of_starts_of_ends_of_and_codes_with_next_year(sentence: str, expected: date) -> None:
    assert [d.on for d in find_deadlines(sentence, base=BASE)] == [expected]


@pytest.mark.parametrize("phrase", ["in the medium run", "in the months to come", "over the years to come"])
def test_more_vague_horizons_are_flagged(phrase: str) -> None:
    (found,) = find_deadlines(f"Price pressures should ease {phrase}.", base=BASE)
    assert found.vague and found.note is not None and "vague" in found.note


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("The province will run a deficit of C$7 billion in 2026.", 7.0, "billion CAD"),
        ("Iron ore sales should reach A$90bn in 2026.", 90.0, "billion AUD"),
        ("The reserve will grow to HK$50 billion in 2026.", 50.0, "billion HKD"),
        ("The scheme will cost 25 billion rupees in 2026.", 25.0, "billion INR"),
        ("The insurer expects losses of 2 billion Swiss francs in 2026.", 2.0, "billion CHF"),
        ("Chip exports will top 150 trillion won in 2026.", 150.0, "trillion KRW"),
        ("Exports will reach 40 billion Canadian dollars in 2026.", 40.0, "billion CAD"),
    ],
)
def test_other_currencies_in_their_own_scale(sentence: str, value: float, unit: str) -> None:
    rule = find_threshold(sentence)
    assert rule is not None and rule.unit == unit
    assert rule.value == value if rule.op == ">" else rule.low < value < (rule.high or 0)


def test_won_is_a_currency_only_after_a_scale_word() -> None:
    assert find_quantities("The party won 40 seats.")[0].unit != "KRW"


@pytest.mark.parametrize(
    ("sentence", "op", "low", "high"),
    [
        # a band is never wider than half the value: a change of a tenth is 0.05 to 0.15, not -0.15 to 0.35
        ("Rates will rise a tenth of a percentage point in June.", ">=", 0.05, 0.15),
        ("Unemployment will rise 0.2 pp in 2026.", ">=", 0.1, 0.3),
        ("The Fed will cut by between 25 and 50 basis points in 2026.", ">=", -50.0, -25.0),
    ],
)
def test_small_changes_and_ranges_of_cuts(sentence: str, op: str, low: float, high: float | None) -> None:
    rule = find_threshold(sentence)
    assert rule is not None and rule.op == op and rule.unit in ("%", "pp", "bp") and rule.change
    assert (rule.value, rule.high) == (low, high) if high is None else (rule.low, rule.high) == (low, high)


@pytest.mark.parametrize(
    ("sentence", "op", "value"),
    [
        ("Output growth will be no better than 1.5 percent in 2026.", "<=", 1.5),
        ("Brent will trade north of $90 a barrel in 2026.", ">", 90.0),
        ("Brent will trade south of $50 a barrel in 2026.", "<", 50.0),
        ("Growth will fall shy of 2 percent in 2026.", "<", 2.0),
    ],
)
def test_no_better_than_north_south_and_shy_of(sentence: str, op: str, value: float) -> None:
    rule = find_threshold(sentence)
    assert rule is not None and (rule.op, rule.value) == (op, value)


@pytest.mark.parametrize(
    ("sentence", "base", "expected"),
    [
        # a half without a year, as a quarter: said in November, the first half is next year's
        ("Margins should recover by the end of the first half.", date(2025, 11, 12), date(2026, 6, 30)),
        ("Margins should recover in the first half.", date(2026, 2, 3), date(2026, 6, 30)),
        ("Demand will stabilise by mid-decade.", date(2026, 2, 3), date(2035, 12, 31)),  # 2025 has passed
        ("Demand will stabilise by the middle of the decade.", date(2023, 5, 1), date(2025, 12, 31)),
        ("Toy prices will rise by Christmas.", date(2026, 2, 3), date(2026, 12, 25)),
        ("Toy prices will rise ahead of Christmas.", date(2026, 12, 28), date(2027, 12, 24)),
    ],
)
def test_halves_without_a_year_mid_decade_and_christmas(sentence: str, base: date, expected: date) -> None:
    assert [d.on for d in find_deadlines(sentence, base=base)] == [expected]


@pytest.mark.parametrize(
    ("words", "value"),
    [("one in 4 households", 25.0), ("One in 10 firms", 10.0), ("two out of 5 voters", 40.0), ("six in ten", 60.0)],
)
def test_one_in_n_with_digits_is_a_share(words: str, value: float) -> None:
    (quantity,) = find_quantities(f"By 2030, {words} will be affected.")
    assert (quantity.value, quantity.unit) == (value, "%")


def test_a_year_after_in_is_no_share() -> None:
    assert [q.unit for q in find_quantities("Five in 2027 will close.")] == []


# --- rules-f: kinds of wrong rules seen on the dev half, in sentences written for this file -------------------------


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        # "to" inside a hyphenated word ("stocks-to-use", "debt-to-GDP") is no move to a level: the change stays
        ("Ending stocks are projected to fall 8 percent with a stocks-to-use ratio of 25 percent.", -8.5, -7.5),
        ("Revenue is expected to rise 4 percent, leaving the debt-to-GDP ratio at 90 percent.", 3.5, 4.5),
    ],
)
def test_a_hyphenated_to_is_no_level_after_a_change(sentence: str, low: float, high: float) -> None:
    rule = find_threshold(sentence)
    assert rule is not None and rule.change and (rule.unit, rule.low, rule.high) == ("%", low, high)


@pytest.mark.parametrize(
    ("words", "value", "unit"),
    [
        # a thousand million is a milliard: the amount stays in millions, the larger scale word said
        ("seven thousand two hundred million people", 7200.0, "million people"),
        ("four thousand million people", 4000.0, "million people"),
        ("two million five hundred thousand units", 2.5, "million units"),
        # a physical amount in words keeps its scale word in the unit, as in digits ("2 million tons")
        ("three million tons", 3.0, "million metric tons"),
        ("four thousand million tons", 4000.0, "million metric tons"),
    ],
)
def test_thousand_million_in_words(words: str, value: float, unit: str) -> None:
    (quantity,) = find_quantities(f"The plan counts {words}.")
    assert (quantity.value, quantity.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("sentence", "op", "low", "high", "unit"),
    [
        # 7200 million +- 5%: 6840 to 7560
        (
            "The world population is expected to reach seven thousand two hundred million by 2040.",
            ">=",
            6840.0,
            7560.0,
            "million people",
        ),
        ("The population could reach more than nine thousand million by 2060.", ">", 9000.0, None, "million people"),
        # from one level to another: the level it goes to, "almost" 6000 million +- 5%
        (
            "Their population is expected to increase from four thousand million today to almost six thousand million.",
            ">=",
            5700.0,
            6300.0,
            "million people",
        ),
        ("Aid will reach four thousand million dollars in 2030.", ">=", 3800.0, 4200.0, "million USD"),
    ],
)
def test_thousand_million_in_a_rule(sentence: str, op: str, low: float, high: float | None, unit: str) -> None:
    rule = find_threshold(sentence)
    assert rule is not None and (rule.op, rule.unit) == (op, unit)
    assert (rule.value, rule.high) == (pytest.approx(low), None if high is None else pytest.approx(high))


@pytest.mark.parametrize(
    ("sentence", "op", "low", "high"),
    [
        # people counted as patients, deaths or cases of a disease are "people", in the sentence's scale
        ("The number of new malaria patients could reach twelve million a year by 2030.", ">=", 11.4, 12.6),
        ("Road deaths could climb to three million by 2040.", ">=", 2.85, 3.15),
        ("More than two million of the new flu cases will be in Asia.", ">", 2.0, None),
        ("Some 40 million of these infections will occur in cities.", ">=", 38.0, 42.0),
    ],
)
def test_patients_deaths_and_cases_are_people(sentence: str, op: str, low: float, high: float | None) -> None:
    rule = find_threshold(sentence)
    assert rule is not None and (rule.op, rule.unit) == (op, "million people")
    assert (rule.value, rule.high) == (pytest.approx(low), None if high is None else pytest.approx(high))


@pytest.mark.parametrize(
    ("sentence", "low", "high", "unit"),
    [
        # "between" with signed ends, each with its unit
        ("Models favor neutral conditions (the index between -0.5°C and +0.5°C) through spring.", -0.5, 0.5, "°C"),
        ("Real rates will be between -1% and +1% next year.", -1.0, 1.0, "%"),
        # a confidence interval's lower and upper limits are the band, however wide, and its level is no amount
        (
            "The 90% confidence interval for prices in June 2026 has lower and upper limits of $30 and $95.",
            30.0,
            95.0,
            "USD",
        ),
        (
            "Futures averaged $60/bbl, establishing the lower and upper limits of the 95% confidence interval for "
            "prices in June 2026 at $45/bbl and $80/bbl, respectively.",
            45.0,
            80.0,
            "USD per barrel",
        ),
    ],
)
def test_signed_between_and_an_intervals_limits_are_a_band(sentence: str, low: float, high: float, unit: str) -> None:
    rule = find_threshold(sentence)
    assert rule is not None and (rule.op, rule.low, rule.high, rule.unit) == (">=", low, high, unit)


def test_a_confidence_level_is_no_amount() -> None:
    assert find_quantities("The 95% confidence interval widens over time.") == []
    assert find_quantities("at the 90 percent confidence level") == []


@pytest.mark.parametrize(
    ("sentence", "op", "value", "unit"),
    [
        # a bound against an average named before the number
        ("Deficits exceed their 30-year average of 3.5 percent in every year through 2035.", ">", 3.5, "%"),
        ("Unemployment will stay above its long-run average of 5 percent.", ">", 5.0, "%"),
        # "within" a distance: at most that distance
        (
            "Exports to Mexico are predicted to come within 200 million dollars of those to Canada.",
            "<=",
            200.0,
            "million USD",
        ),
        ("Inflation should be within 0.5 percentage points of the target by 2026.", "<=", 0.5, "pp"),
    ],
)
def test_bounds_against_an_average_and_within(sentence: str, op: str, value: float, unit: str) -> None:
    rule = find_threshold(sentence)
    assert rule is not None and (rule.op, rule.value, rule.unit) == (op, value, unit)


@pytest.mark.parametrize(
    ("sentence", "op", "low", "high", "unit"),
    [
        # a multiple of an earlier figure is in "times" (the labelling guide's spelling), not the count before it
        ("Eight cities are expected to be at least four times the size they are now.", ">=", 4.0, None, "times"),
        ("Output could be 2.5 times as large by 2040.", ">=", 2.375, 2.625, "times"),
        # "half the" is half of: a share, before the count of those it is shared by
        ("Five firms will account for about half the growth in sales by 2030.", ">=", 49.5, 50.5, "%"),
    ],
)
def test_times_the_size_and_half_the(sentence: str, op: str, low: float, high: float | None, unit: str) -> None:
    rule = find_threshold(sentence)
    assert rule is not None and (rule.op, rule.unit) == (op, unit)
    assert (rule.value, rule.high) == (pytest.approx(low), None if high is None else pytest.approx(high))


def test_times_a_year_and_the_second_half_are_no_multiple_or_share() -> None:
    assert "times" not in [q.unit for q in find_quantities("Prices rise three times a year.")]
    assert [q.unit for q in find_quantities("In the second half the economy will slow.")] == []


# --- a projection revised to a new level ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "low", "high", "unit"),
    [
        # the size of a revision ("up by", "down by", "upward by") is a change; the level after "to" is the forecast
        (
            "Growth for 2027 had been revised up by 0.4 percentage points, to 1.3%, in the staff projections.",
            1.05,
            1.55,
            "%",
        ),
        ("The forecast for inflation was marked down by 0.3 percentage point to 1.8 percent.", 1.55, 2.05, "%"),
        ("Projected unemployment was revised upward by 0.2 percentage point, to 4.6 percent.", 4.35, 4.85, "%"),
    ],
)
def test_a_revision_by_a_size_to_a_level_is_the_level(sentence: str, low: float, high: float, unit: str) -> None:
    rule = find_threshold(sentence)
    assert rule is not None and (rule.op, rule.unit) == (">=", unit)
    assert (rule.value, rule.high) == (pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        # a range of rates with the unit on both ends stays a range when its high end is many times its low end
        ("Projections for inflation were marked down to a central tendency of 1/4 percent to 1 percent.", 0.25, 1.0),
        ("Core inflation will run at 0 percent to 1/2 percent next year.", 0.0, 0.5),
        ("Growth will be 0.3% to 1.2% in 2026.", 0.3, 1.2),
    ],
)
def test_a_range_of_small_rates_is_a_band(sentence: str, low: float, high: float) -> None:
    rule = find_threshold(sentence)
    assert rule is not None and (rule.op, rule.unit) == (">=", "%")
    assert (rule.value, rule.high) == (pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        # a change named by its noun ("a decline of", "an increase of") is signed like the verb's
        ("The projections imply a decline of 1/2 percent to 1-1/4 percent in real GDP over 2009.", -1.25, -0.5),
        ("Staff expect a contraction of 2 percent in output next year.", -2.5, -1.5),
        ("Analysts see an increase of 4.5% in sales in 2026.", 4.25, 4.75),
    ],
)
def test_a_change_named_by_its_noun_is_signed(sentence: str, low: float, high: float) -> None:
    rule = find_threshold(sentence)
    assert rule is not None and rule.change and (rule.op, rule.unit) == (">=", "%")
    assert (rule.value, rule.high) == (pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize(
    ("sentence", "low", "high", "unit"),
    [
        # "from X in 2018 to Y in 2023": Y is the level the verb moves to, even when X has decimals or a comma, and a
        # bare "1.4 million" counts what the "from" amount counted
        (
            "The fleet is projected to grow from 1.2 million vehicles in 2018 to 1.4 million in 2023, an average "
            "annual growth rate of 2.2 percent.",
            1.33,
            1.47,
            "million units",
        ),
        ("Sales will rise from 2 million cars in 2024 to 3 million in 2026.", 2.85, 3.15, "million units"),
        (
            "Exports will climb from 1,250 million bushels in 2024 to 1,400 million in 2027.",
            1330.0,
            1470.0,
            "million bushels",
        ),
    ],
)
def test_from_a_dated_amount_to_a_level(sentence: str, low: float, high: float, unit: str) -> None:
    rule = find_threshold(sentence)
    assert rule is not None and (rule.op, rule.unit) == (">=", unit)
    assert (rule.value, rule.high) == (pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize(
    ("sentence", "op", "value", "unit"),
    [
        # "up to" is a bound, not a move "to" a level
        ("Imports will be up to three times larger than exports by 2030.", "<=", 3.0, "times"),
        ("Floods could destroy up to half of the wheat crop next year.", "<=", 50.0, "%"),
        # "as low as" is an upper bound on where it goes
        ("Unemployment could be brought down next year to as low as 4 percent.", "<=", 4.0, "%"),
        # crossing a mark is reaching at least it
        ("The city's population will cross the 10 million mark in 2040.", ">=", 10.0, "million people"),
    ],
)
def test_up_to_as_low_as_and_crossing_a_mark_are_bounds(sentence: str, op: str, value: float, unit: str) -> None:
    rule = find_threshold(sentence)
    assert rule is not None and (rule.op, rule.value, rule.unit) == (op, pytest.approx(value), unit)


@pytest.mark.parametrize(
    "sentence",
    [
        "Inflation will move up to the Committee's objective of 2 percent by 2027.",
        "The plan is a gradual path up to 2 percent in 2027.",
    ],
)
def test_up_to_after_a_motion_is_still_a_move_to_a_level(sentence: str) -> None:
    rule = find_threshold(sentence)
    assert rule is not None and rule.point and (rule.op, rule.value, rule.high) == (">=", 1.5, 2.5)


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        # "5 or 6 percent": the unit written once, on the second end, is a range like "5 to 6 percent"
        ("Growth is expected to increase by as much as 5 or 6 percent over the next two years.", 5.0, 6.0),
        ("Prices should rise 2 or 3 percent in 2026.", 2.0, 3.0),
    ],
)
def test_two_numbers_joined_by_or_with_one_unit_are_a_range(sentence: str, low: float, high: float) -> None:
    rule = find_threshold(sentence)
    assert rule is not None and (rule.op, rule.unit) == (">=", "%")
    assert (rule.value, rule.low, rule.high) == (pytest.approx(low), pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize(
    ("words", "value", "unit"),
    [
        # VOA Special English hyphenates its number words whole, scale words and all
        ("about two-hundred-seventeen-thousand-million dollars", 217000.0, "million USD"),
        ("some seven-hundred-thousand people", 700.0, "thousand people"),
        ("three-million tons", 3.0, "million metric tons"),
    ],
)
def test_number_words_hyphenated_with_their_scale(words: str, value: float, unit: str) -> None:
    rule = find_threshold(f"The group expects {words} this year.")
    assert rule is not None and rule.point and rule.unit == unit
    assert (rule.low, rule.high) == (pytest.approx(value * 0.95), pytest.approx(value * 1.05))
