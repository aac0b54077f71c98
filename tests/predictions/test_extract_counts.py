"""Rules and deadlines by kind, second round (issue 20): counts of things named freely, forecasters' ranges of
counts, multiples ("double", "halve"), durations as the predicted quantity, and the event dates news and agency
texts give ("when the March data are released", "the hurricane season").

Every sentence was written for this file (none is copied from the labelled set). Expected values are worked out by
hand: a point forecast of an amount is a band of +-5% of it (52 million: 49.4 to 54.6), of a rate written whole
+-0.5; a multiple is the signed change in percent (double: +100, halve: -50).
"""

from __future__ import annotations

from datetime import date

import pytest

from predictions.extract import find_quantities, find_threshold

BASE = date(2025, 11, 12)


@pytest.mark.parametrize(
    ("words", "value", "unit"),
    [
        ("fifty-two million smartphones", 52.0, "million units"),  # goods by the piece are "units"
        ("12 million TV sets", 12.0, "million units"),
        ("3.5 million electric cars", 3.5, "million units"),
        ("1.5 million housing units", 1.5, "million housing units"),  # kept as written
        ("2.5 million visitors", 2.5, "million people"),  # people of any kind are "people"
        ("40 million Americans", 40.0, "million people"),
        ("283.3 million people", 283.3, "million people"),
        ("6.7 million new jobs", 6.7, "million jobs"),
        ("11 named storms", 11.0, "named storms"),  # a count without a scale word keeps its noun
        ("two coal plants", 2.0, "coal plants"),
        ("4 million doses", 4.0, "million doses"),
    ],
)
def test_a_count_is_in_the_unit_of_what_it_counts(words: str, value: float, unit: str) -> None:
    (quantity,) = find_quantities(f"The agency expects {words} next year.")
    assert (quantity.value, quantity.unit) == (value, unit)


@pytest.mark.parametrize(
    "sentence",
    [
        "It costs 5 times more than that.",  # "times" counts nothing
        "He said 3 of them agreed.",  # a function word after the number
        "It took 3 years.",  # a duration
        "Prices rose 5 percent in 12 months.",
    ],
)
def test_words_after_a_number_that_are_no_count(sentence: str) -> None:
    assert all(q.unit in (None, "%") for q in find_quantities(sentence))


@pytest.mark.parametrize(
    ("sentence", "low", "high", "unit"),
    [
        ("Forecasters expect 5-9 hurricanes this season.", 5.0, 9.0, "hurricanes"),
        ("The outlook calls for 11 to 17 named storms.", 11.0, 17.0, "named storms"),
        ("The agency projects between 3 and 6 major hurricanes.", 3.0, 6.0, "major hurricanes"),
        ("Analysts see 40-45 million units shipped next year.", 40.0, 45.0, "million units"),
    ],
)
def test_a_forecasters_range_of_counts_is_a_band(sentence: str, low: float, high: float, unit: str) -> None:
    rule = find_threshold(sentence)
    assert rule is not None and rule.point
    assert (rule.value, rule.high, rule.unit) == (low, high, unit)


def test_a_goals_range_of_counts_stays_at_least_its_low_end() -> None:
    rule = find_threshold("Success will mean leading positions in 4-6 key industries.")
    assert rule is not None and (rule.op, rule.value, rule.point) == (">=", 4.0, False)


@pytest.mark.parametrize(
    ("sentence", "low", "high", "unit"),
    [
        # a bare count in millions takes the unit its subject counts: 174.6 +-5% (8.73)
        ("Total employment is projected to increase to 174.6 million by 2033.", 165.87, 183.33, "million jobs"),
        ("The labor force will reach 170 million in 2030.", 161.5, 178.5, "million people"),
        ("Payrolls are forecast to grow by 2 million next year.", 1.9, 2.1, "million jobs"),
        # a measured amount wins over a count named freely before it
        ("The 11 regional markets will see prices of $40 per MWh.", 38.0, 42.0, "USD per MWh"),
    ],
)
def test_counts_in_millions_and_their_subjects(sentence: str, low: float, high: float, unit: str) -> None:
    rule = find_threshold(sentence)
    assert rule is not None and rule.unit == unit
    assert (rule.value, rule.high) == pytest.approx((low, high))
