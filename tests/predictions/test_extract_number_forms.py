"""Number forms of outlooks, statements and news that the labelled texts rarely show (written here, not taken from
tests/predictions/extract_dev): each expected rule is worked out by hand. A point forecast is a band: for a rate,
half a point when written whole, a quarter with one decimal or a half, a tenth with more or a quarter; +-5% of an
amount.
"""

from __future__ import annotations

from datetime import date

import pytest

from predictions.extract import extract_candidates

BASE = date(2025, 11, 1)


def _rule(sentence: str) -> dict:
    (candidate,) = extract_candidates(sentence, published_on=BASE)
    claim = candidate.to_claim()
    return {"deadline": claim["deadline"], **(claim["proposed_rule"] or {})}


def _bound(sentence: str) -> tuple[str, float, str, str]:
    """The rule of a bound (no band): op, threshold, unit and metric."""
    rule = _rule(sentence)
    assert rule["high"] is None
    return rule["op"], rule["threshold"], rule["unit"], rule["metric"]


@pytest.mark.parametrize(
    ("sentence", "deadline", "low", "high", "unit"),
    [
        # figures for several years: the deadline is the last year, so the rule is that year's figure
        # (2.1 +-0.25; 2.0 +-0.25; 78 +-5% = 74.1 to 81.9; 2.6 +-5% = 2.47 to 2.73)
        (
            "Core PCE inflation is projected at 2.8 percent this year, 2.4 percent next year and 2.1 percent in 2027.",
            "2027-12-31",
            1.85,
            2.35,
            "%",
        ),
        (
            "The staff projects real GDP growth of 1.6% in 2026, 1.9% in 2027 and 2.0% in 2028.",
            "2028-12-31",
            1.75,
            2.25,
            "%",
        ),
        (
            "Brent crude is forecast to average $82 per barrel in 2026 and $78 per barrel in 2027.",
            "2027-12-31",
            74.1,
            81.9,
            "USD per barrel",
        ),
        (
            "We forecast the deficit at $1.8 trillion in 2026 and $2.6 trillion in 2035.",
            "2035-12-31",
            2.47,
            2.73,
            "trillion USD",
        ),
        # a level in the last year after a move: 118 +-0.5
        (
            "Debt held by the public is projected to rise to 100 percent of GDP in 2026 and to 118 percent in 2035.",
            "2035-12-31",
            117.5,
            118.5,
            "%",
        ),
        # a change for several years: each later figure is a change too, signed alike, and the last year's is the rule
        # (2.0 +-0.25; a fall of 0.2: -0.2 +-0.1, half the value; the range 2.5 to 2.75)
        (
            "Prices are projected to rise by 2.7 percent in 2025, 1.8 percent in 2026, and 2.0 percent in 2027.",
            "2027-12-31",
            1.75,
            2.25,
            "%",
        ),
        ("Output is expected to fall by 0.5% this year and 0.2% next year.", "2026-12-31", -0.3, -0.1, "%"),
        (
            "Real GDP is expected to expand roughly 2-1/4 to 2-1/2 percent in 2026 and 2-1/2 to 2-3/4 percent in 2027.",
            "2027-12-31",
            2.5,
            2.75,
            "%",
        ),
    ],
)
def test_the_rule_is_the_figure_of_the_deadlines_year(
    sentence: str, deadline: str, low: float, high: float, unit: str
) -> None:
    rule = _rule(sentence)
    assert (rule["deadline"], rule["op"], rule["unit"]) == (deadline, ">=", unit)
    assert (rule["threshold"], rule["high"]) == (pytest.approx(low), pytest.approx(high))


def test_one_figure_before_two_dates_stays_the_rule() -> None:
    # "2 percent next year and ... in 2027": one number; the deadline's year takes it (2 +-0.5)
    rule = _rule("Inflation is expected to fall to 2 percent next year and to stay there in 2027.")
    assert (rule["threshold"], rule["high"], rule["unit"]) == (1.5, 2.5, "%")


@pytest.mark.parametrize(
    ("sentence", "low", "high", "unit", "metric"),
    [
        # a change named by its noun with what changes between: signed, 1/2 +-0.25 (a half), 0.4 +-0.2 (half the value)
        ("We forecast a decline in output of 1/2 percent next year.", -0.75, -0.25, "%", "change in output"),
        (
            "The staff projects an increase in the unemployment rate of 0.4 percentage point next year.",
            0.2,
            0.6,
            "pp",
            "change in the unemployment rate",
        ),
        ("Analysts expect a fall in home prices of about 3 percent in 2026.", -3.5, -2.5, "%", "change in home prices"),
    ],
)
def test_a_change_noun_with_what_changes_before_its_size(
    sentence: str, low: float, high: float, unit: str, metric: str
) -> None:
    rule = _rule(sentence)
    assert (rule["op"], rule["unit"], rule["metric"]) == (">=", unit, metric)
    assert (rule["threshold"], rule["high"]) == (pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        # a range in words with the unit on its second end only: the band between its ends
        ("Inflation is expected to be between two and three percent next year.", 2.0, 3.0),
        ("Growth is expected to be two to three percent next year.", 2.0, 3.0),
        ("GDP growth should be between one and a half and two percent next year.", 1.5, 2.0),
        # a range whose ends carry their signs, as the Bank of Japan writes them: the band between the signed ends
        ("The CPI is likely to be +0.6 to +0.7 percent for fiscal 2026.", 0.6, 0.7),
        ("The CPI is likely to be -0.2 to +0.1 percent for fiscal 2026.", -0.2, 0.1),
        ("The CPI is likely to be -0.4 to -0.1 percent for fiscal 2026.", -0.4, -0.1),
        ("The output gap is expected to be between -1.5% and -0.5% in 2026.", -1.5, -0.5),
        ("The output gap is expected to be between -0.5 and +0.5 percent in 2026.", -0.5, 0.5),
    ],
)
def test_a_range_in_words_with_one_unit_or_signed_ends(sentence: str, low: float, high: float) -> None:
    rule = _rule(sentence)
    assert (rule["op"], rule["threshold"], rule["high"], rule["unit"]) == (">=", low, high, "%")


def test_from_one_word_number_to_a_rate_is_a_move_not_a_range() -> None:
    # "from two to three percent": the level it goes to, 3 +-0.5
    rule = _rule("Inflation is expected to rise from two to three percent next year.")
    assert (rule["threshold"], rule["high"], rule["unit"]) == (2.5, 3.5, "%")


@pytest.mark.parametrize(
    ("sentence", "op", "threshold", "metric"),
    [
        # the labelling guide: a growth threshold stated as "double-digit" is >= 10 %
        ("Analysts forecast double-digit earnings growth next year.", ">=", 10.0, "earnings growth"),
        ("Inflation is likely to stay in the double digits next year.", ">=", 10.0, "Inflation"),
        ("Inflation is likely to remain in single digits next year.", "<", 10.0, "Inflation"),
        # of a fall, the signed change: at most -10
        ("Home sales are expected to post double-digit declines in 2026.", "<=", -10.0, "change"),
    ],
)
def test_double_and_single_digits_are_bounds_on_ten_percent(
    sentence: str, op: str, threshold: float, metric: str
) -> None:
    assert _bound(sentence) == (op, threshold, "%", metric)


def test_digits_of_something_else_are_no_rate() -> None:
    # a poll's lead is in points, a count of digits no rate: no rule on 10 %
    (candidate,) = extract_candidates("The party is expected to keep a double-digit lead in 2026.", published_on=BASE)
    assert candidate.to_claim()["proposed_rule"] is None


@pytest.mark.parametrize(
    ("sentence", "low", "high", "unit"),
    [
        # dwellings and cars counted by the unit, in the sentence's scale: 1.35 +-5% = 1.2825 to 1.4175
        (
            "Housing starts will run at a seasonally adjusted annual rate of 1.35 million next year.",
            1.2825,
            1.4175,
            "million units",
        ),
        ("Auto sales are expected to reach 16.2 million in 2026.", 15.39, 17.01, "million units"),
        # "pc" is percent in the UK and Indian press: 3.5 +-0.25 on the signed change, 5 +-0.5
        ("House prices are expected to rise by 3.5pc in 2026.", 3.25, 3.75, "%"),
        ("Unemployment is expected to rise to 5 pc next year.", 4.5, 5.5, "%"),
        # megatonnes and gigatonnes: 30.5 +-5% = 28.975 to 32.025; 36.5 +-5% = 34.675 to 38.325
        ("Australia's wheat crop is forecast at 30.5 Mt in 2025-26.", 28.975, 32.025, "million metric tons"),
        ("Emissions are projected to fall to 36.5 Gt CO2 in 2030.", 34.675, 38.325, "billion metric tons"),
        # pence: a fall by 3.5p gives way to the level it leads to, 148.2 +-5% = 140.79 to 155.61; a rise by 5p
        # a litre is the signed change, 5 +-5% = 4.75 to 5.25
        ("The RAC expects diesel to fall 3.5p to 148.2p a litre by May.", 140.79, 155.61, "pence per litre"),
        ("Petrol prices are expected to rise by 5p a litre next month.", 4.75, 5.25, "pence per litre"),
    ],
)
def test_units_of_dwellings_cars_pc_tonnes_and_pence(sentence: str, low: float, high: float, unit: str) -> None:
    rule = _rule(sentence)
    assert (rule["op"], rule["unit"]) == (">=", unit)
    assert (rule["threshold"], rule["high"]) == (pytest.approx(low), pytest.approx(high))


def test_a_small_mt_is_still_a_metric_ton() -> None:
    rule = _rule("Copper is forecast at $9,000/mt next year.")  # 9,000 +-5%
    assert (rule["threshold"], rule["high"], rule["unit"]) == (8550.0, 9450.0, "USD per metric ton")


@pytest.mark.parametrize(
    ("sentence", "op", "threshold", "metric"),
    [
        # a bound on the size of a change is a bound on the signed change: a fall of more than 10% is below -10
        ("Sales are expected to fall by more than 10 percent next year.", "<", -10.0, "change in Sales"),
        ("Sales are expected to fall by as much as 10 percent next year.", ">=", -10.0, "change in Sales"),
        ("Output is expected to contract by less than 1 percent next year.", ">", -1.0, "change in Output"),
        ("Revenue will likely grow by at least 5% in 2026.", ">=", 5.0, "change in Revenue"),
        ("Prices are expected to rise by up to 3 percent in 2026.", "<=", 3.0, "change in Prices"),
        # a bound on a level stays one
        ("Growth will slow to less than 1 percent in 2026.", "<", 1.0, "Growth"),
        ("Bond yields are likely to rise above 5 percent next year.", ">", 5.0, "Bond yields"),
    ],
)
def test_a_bound_on_a_changes_size_is_signed(sentence: str, op: str, threshold: float, metric: str) -> None:
    assert _bound(sentence) == (op, threshold, "%", metric)
