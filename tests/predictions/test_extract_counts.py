"""Rules and deadlines by kind, second round (issue 20): counts of things named freely, forecasters' ranges of
counts, multiples ("double", "halve"), durations as the predicted quantity, and the event dates news and agency
texts give ("when the March data are released", "the hurricane season").

Every sentence was written for this file (none is copied from the labelled set). Expected values are worked out by
hand: a point forecast of an amount is a band of +-5% of it (52 million: 49.4 to 54.6), of a rate written whole
+-0.5; a multiple is in "times", as the labelling guide writes it (double: about 2, a band of +-5%, 1.9 to 2.1;
halve: about 0.5, 0.475 to 0.525; "more than double": > 2).
"""

from __future__ import annotations

from datetime import date

import pytest

from predictions.extract import extract_candidates, find_quantities, find_threshold
from predictions.extract.deadlines import find_deadlines

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
        "It costs 5 times more than that.",  # "times" counts nothing (a multiple, in "times" as the guide spells it)
        "He said 3 of them agreed.",  # a function word after the number
        "It took 3 years.",  # a duration
        "Prices rose 5 percent in 12 months.",
    ],
)
def test_words_after_a_number_that_are_no_count(sentence: str) -> None:
    assert all(q.unit in (None, "%", "times") for q in find_quantities(sentence))


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


@pytest.mark.parametrize(
    ("sentence", "op", "value", "unit"),
    [
        ("The crossing is expected to take 30 hours.", ">=", 28.5, "hours"),  # a point: 30 +-5% (1.5)
        ("The strike could last two weeks.", ">=", 1.9, "weeks"),
        ("Repairs will take more than 18 months.", ">", 18.0, "months"),
        ("Approval is likely to require about six months.", ">=", 5.7, "months"),
    ],
)
def test_a_time_spent_is_the_amount_predicted(sentence: str, op: str, value: float, unit: str) -> None:
    rule = find_threshold(sentence)
    assert rule is not None and (rule.op, rule.unit) == (op, unit)
    assert rule.value == pytest.approx(value)


@pytest.mark.parametrize(
    "sentence",
    ["It took 3 years to build the plant.", "Prices rose over the last 12 months."],  # the past, and a window
)
def test_a_window_or_a_past_duration_is_no_amount(sentence: str) -> None:
    assert find_quantities(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a time spent also dates the claim: base + 30 hours rounds up to two days; two weeks is 14 days
        ("The crossing is expected to take 30 hours.", date(2025, 11, 14)),
        ("The strike could last two weeks.", date(2025, 11, 26)),
    ],
)
def test_a_time_spent_dates_the_claim(sentence: str, expected: date) -> None:
    assert [d.on for d in find_deadlines(sentence, base=BASE)] == [expected]


def test_the_last_twelve_months_is_no_time_spent() -> None:
    assert find_deadlines("Prices rose over the last 12 months.", base=BASE) == []


@pytest.mark.parametrize(
    ("sentence", "op", "value", "high", "metric"),
    [
        # about the multiple: a band of +-5% (2: 1.9 to 2.1; 0.5: 0.475 to 0.525; 3: 2.85 to 3.15; 5: 4.75 to 5.25;
        # 12: 11.4 to 12.6), a change on its base
        ("The company expects to double its revenue within 18 months.", ">=", 1.9, 2.1, "multiple of revenue"),
        ("Analysts expect the firm to halve its debt by 2027.", ">=", 0.475, 0.525, "multiple of debt"),
        ("Solar capacity is set to triple by 2030.", ">=", 2.85, 3.15, "multiple of Solar capacity"),
        ("Output could be cut in half next year.", ">=", 0.475, 0.525, "multiple of Output"),
        ("Exports are expected to have doubled by 2030.", ">=", 1.9, 2.1, "multiple of Exports"),
        ("Exports to Asia will grow fivefold by 2030.", ">=", 4.75, 5.25, "multiple of Exports"),
        ("Solar output will rise 12-fold by 2035.", ">=", 11.4, 12.6, "multiple of Solar output"),
        (
            "Deployment will reach about double the expected deployment.",
            ">=",
            1.9,
            2.1,
            "multiple of expected deployment",
        ),
        # a bound said before it: more than 2, at least 3
        ("Sales will more than double by 2030.", ">", 2.0, None, "multiple of Sales"),
        ("Sales are expected to at least triple by 2030.", ">=", 3.0, None, "multiple of Sales"),
        # a multiple of a figure named after it is no change: "rise three times as fast" is about 3 times, not +3
        ("Rents are expected to rise three times as fast as wages next year.", ">=", 2.85, 3.15, None),
        ("Prices will be three times higher in 2026.", ">=", 2.85, 3.15, "Prices"),
    ],
)
def test_a_multiple_is_in_times(sentence: str, op: str, value: float, high: float | None, metric: str | None) -> None:
    rule = find_threshold(sentence)
    assert rule is not None and rule.change == (metric is not None and metric.startswith("multiple"))
    assert (rule.op, rule.value, rule.high, rule.unit, rule.metric) == (
        op,
        pytest.approx(value),
        pytest.approx(high),
        "times",
        metric,
    )


def test_a_multiple_in_the_past_gives_way_to_the_forecast() -> None:
    rule = find_threshold("Profits doubled last year and will rise 5% in 2026.")
    assert rule is not None and (rule.value, rule.high, rule.unit) == (4.5, 5.5, "%")


def test_double_as_an_adjective_is_no_multiple() -> None:
    assert find_quantities("The party will keep a double-digit lead.") == []


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        # a share in words is whole: +-0.5 around 100/3 and 25
        ("A third of households will own an electric car by 2030.", 100 / 3 - 0.5, 100 / 3 + 0.5),
        ("One in four firms will cut jobs by 2030.", 24.5, 25.5),
    ],
)
def test_a_share_in_words_is_a_whole_band(sentence: str, low: float, high: float) -> None:
    rule = find_threshold(sentence)
    assert rule is not None and (rule.value, rule.high, rule.unit) == (pytest.approx(low), pytest.approx(high), "%")


def test_a_multiple_round_trips_with_its_review_note() -> None:
    (candidate,) = extract_candidates("The company expects to double its revenue by 2027.", published_on=BASE)
    claim = candidate.to_claim()
    rule = claim["proposed_rule"]
    assert (rule["op"], rule["threshold"], rule["high"], rule["unit"]) == (">=", 1.9, 2.1, "times")  # about 2 times
    assert claim["deadline"] == "2027-12-31"
    assert any("set the base it is a multiple of" in note for note in claim["needs_review"])


@pytest.mark.parametrize(
    ("sentence", "base", "expected"),
    [
        # a month's figures come out in the month after it: the end of that month, the first one not before base
        ("Inflation will step up when the March data are released.", date(2024, 4, 3), date(2024, 4, 30)),
        ("Inflation will jump once the December figures are published.", date(2025, 11, 12), date(2026, 1, 31)),
        ("Payrolls will rebound after the May jobs report comes out.", date(2025, 2, 1), date(2025, 6, 30)),
        # the hurricane season ends on 30 November: named, or a season in a sentence about storms
        ("Forecasters expect a busy 2026 hurricane season.", date(2025, 11, 12), date(2026, 11, 30)),
        ("The Atlantic hurricane season will be quieter than usual.", date(2025, 12, 5), date(2026, 11, 30)),
        ("They predict a below-normal season with 8 to 12 named storms.", date(2024, 5, 23), date(2024, 11, 30)),
        # a figure compared with last winter is this winter's (November-March by default: December-March)
        ("Demand will be 4% lower than last winter.", date(2025, 11, 12), date(2026, 3, 31)),
    ],
)
def test_event_and_season_dates(sentence: str, base: date, expected: date) -> None:
    assert [d.on for d in find_deadlines(sentence, base=base)] == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "Prices are projected to rise another 5 percent, after a rally of about 40 percent in 2025.",
        "Copper will ease further following a surge of 20 percent in 2025.",
    ],
)
def test_a_year_in_a_clause_about_what_came_before_is_no_deadline(sentence: str) -> None:
    assert find_deadlines(sentence, base=date(2025, 10, 29)) == []


def test_a_future_year_after_after_stays_a_deadline() -> None:
    assert [d.on for d in find_deadlines("Prices will rise after the election in 2026.", base=BASE)] == [
        date(2026, 12, 31)
    ]


# The phrases issue 20 names, end to end (published 12 November 2025); bands worked by hand: an amount +-5%, a
# rate written whole +-0.5, a share in words +-0.5.
@pytest.mark.parametrize(
    ("sentence", "deadline", "rule"),
    [
        ("One in four firms will cut jobs by 2030.", "2030-12-31", (">=", 24.5, "%")),
        ("More than half of voters will back the deal ahead of the 3 March summit.", "2026-03-02", (">", 50.0, "%")),
        ("Sales will reach at least 3 million units through fiscal 2027.", "2027-09-30", (">=", 3.0, "million units")),
        ("The deficit will hit 2.5bn euros by the end of the decade.", "2029-12-31", (">=", 2.375, "billion EUR")),
        ("Borrowing will total £2.5bn within 18 months.", "2027-05-12", (">=", 2.375, "billion GBP")),
        ("Unemployment will rise 0.5pp by the start of 2026.", "2026-01-01", (">=", 0.25, "pp")),
        ("The bank will cut rates by 50 basis points by 2026.", "2026-12-31", (">=", -52.5, "bp")),
        ("Revenue is expected to rise to $21bn in three years.", "2028-11-12", (">=", 19.95, "billion USD")),
        ("The economy will see growth of 3.6% in 2026.", "2026-12-31", (">=", 3.35, "%")),
        ("Americans will buy 12 million smartphones next year.", "2026-12-31", (">=", 11.4, "million units")),
    ],
)
def test_the_phrases_issue_20_names(sentence: str, deadline: str, rule: tuple[str, float, str]) -> None:
    (candidate,) = extract_candidates(sentence, published_on=BASE)
    claim = candidate.to_claim()
    proposed = claim["proposed_rule"]
    assert claim["deadline"] == deadline
    assert (proposed["op"], proposed["unit"]) == (rule[0], rule[2])
    assert proposed["threshold"] == pytest.approx(rule[1])


@pytest.mark.parametrize(
    ("sentence", "low", "high", "unit"),
    [
        # a sum of money in the sentence's own scale (the labelling guide's "trillion USD"): 1.9 +-5% (0.095)
        ("The deficit will be $1.9 trillion in 2027.", 1.805, 1.995, "trillion USD"),
        ("Costs will reach $5m next year.", 4.75, 5.25, "million USD"),
        ("The levy will raise €800 million.", 760.0, 840.0, "million EUR"),
        ("The plan will cost between $2 billion and $3 billion.", 2.0, 3.0, "billion USD"),  # a range with "and"
        ("The fund will raise $1.5-2 billion.", 1.5, 2.0, "billion USD"),
        ("Oil will average $65 per barrel.", 61.75, 68.25, "USD per barrel"),  # a price keeps its unit
    ],
)
def test_money_in_the_sentences_own_scale(sentence: str, low: float, high: float, unit: str) -> None:
    rule = find_threshold(sentence)
    assert rule is not None and rule.unit == unit
    assert (rule.value, rule.high) == pytest.approx((low, high))


def test_the_scaled_sum_is_still_what_find_quantities_gives() -> None:
    (quantity,) = find_quantities("The deficit will be $1.9 trillion in 2027.")
    assert (quantity.value, quantity.unit) == (1.9e12, "USD")


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        # a range after a verb of change is the band of the signed change
        ("Home prices will fall 5% to 10% next year.", -10.0, -5.0),
        ("Shipments are expected to drop 2-3 percent in 2026.", -3.0, -2.0),
        ("World trade volume is projected to rise by 3-4 percent in 2026.", 3.0, 4.0),
    ],
)
def test_a_range_of_change_is_signed(sentence: str, low: float, high: float) -> None:
    rule = find_threshold(sentence)
    assert rule is not None and rule.change and rule.point
    assert (rule.value, rule.high, rule.unit) == (low, high, "%")
    assert rule.metric is not None and rule.metric.startswith("change")


@pytest.mark.parametrize(
    ("sentence", "base", "expected"),
    [
        ("Retail sales are seen rising 4 percent this holiday season.", date(2025, 11, 12), date(2025, 12, 31)),
        ("Spending will be weak in the holiday shopping season.", date(2024, 10, 1), date(2024, 12, 31)),
    ],
)
def test_the_holiday_season_ends_with_the_year(sentence: str, base: date, expected: date) -> None:
    assert [d.on for d in find_deadlines(sentence, base=base)] == [expected]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Payroll growth will slow to 100,000 a month in 2026.", 100_000.0),
        ("Employers are expected to add jobs at 75,000 per month next year.", 75_000.0),
    ],
)
def test_a_monthly_count_of_jobs_named_by_its_subject(sentence: str, value: float) -> None:
    rule = find_threshold(sentence)
    assert rule is not None and rule.unit == "jobs per month"
    assert (rule.value, rule.high) == pytest.approx((value * 0.95, value * 1.05))


def test_a_monthly_figure_of_something_else_keeps_no_unit() -> None:
    rule = find_threshold("Output will rise to 100,000 a month in 2026.")
    assert rule is not None and rule.unit is None


@pytest.mark.parametrize(
    ("sentence", "low", "high", "unit"),
    [
        # a bare count in millions whose subject counts goods or people: 2 +-5%, 1.2 +-5%
        ("Tesla deliveries will reach 2 million in 2026.", 1.9, 2.1, "million units"),
        ("Smartphone shipments are forecast at 1.2 billion next year.", 1.14, 1.26, "billion units"),
        ("Passenger numbers are expected to reach 40 million next year.", 38.0, 42.0, "million people"),
        ("Sales will reach $3 million next year.", 2.85, 3.15, "million USD"),  # money stays money
    ],
)
def test_a_bare_count_takes_the_unit_its_subject_counts(sentence: str, low: float, high: float, unit: str) -> None:
    rule = find_threshold(sentence)
    assert rule is not None and rule.unit == unit
    assert (rule.value, rule.high) == pytest.approx((low, high))


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        # a count per head of something else is a ratio, named with both nouns as written
        ("Fertility is expected to fall to two children per woman by 2050.", 2.0, "children per woman"),
        (
            "There will be only two-and-a-half workers for every retirement-age person.",
            2.5,
            "workers per retirement-age person",
        ),
        ("The rate will fall to 1.8 births per woman.", 1.8, "births per woman"),
        ("Ownership may reach 1.5 cars per household by 2030.", 1.5, "cars per household"),
    ],
)
def test_a_count_per_head_is_a_ratio(sentence: str, value: float, unit: str) -> None:
    rule = find_threshold(sentence)
    assert rule is not None and rule.point and rule.unit == unit
    assert (rule.low, rule.high) == (pytest.approx(value * 0.95), pytest.approx(value * 1.05))


def test_a_count_per_period_is_no_ratio() -> None:
    # "per year" is the period of a flow, not a head the count is shared over: the goods stay "units"
    (quantity,) = find_quantities("Sales will reach 300 cars per year.")
    assert (quantity.value, quantity.unit) == (300.0, "units")


@pytest.mark.parametrize(
    ("sentence", "op", "value", "high", "unit"),
    [
        # the sales of goods sold by the piece count units; a group of people by race or origin counts people
        ("Worldwide, tablet sales will reach more than 81 million in 2012.", ">", 81.0, None, "million units"),
        ("Smartphone sales are expected to reach 1.5 billion next year.", ">=", 1.425, 1.575, "billion units"),
        (
            "Whites are expected to decline from 199 million in 2020 to 179 million in 2060.",
            ">=",
            170.05,
            187.95,
            "million people",
        ),
        ("Hispanics will number 111 million by 2060.", ">=", 105.45, 116.55, "million people"),
    ],
)
def test_more_subjects_that_name_what_a_count_counts(
    sentence: str, op: str, value: float, high: float | None, unit: str
) -> None:
    rule = find_threshold(sentence)
    assert rule is not None and (rule.op, rule.unit) == (op, unit)
    assert (rule.value, rule.high) == (pytest.approx(value), None if high is None else pytest.approx(high))


@pytest.mark.parametrize(
    "sentence",
    [
        "One participant thought that inflation would rise next year.",  # a determiner
        "It is a valuable investment, one that will ensure a thorough review next year.",  # a pronoun
        "The Council will weigh further cuts one decision at a time.",  # an idiom
        "Both will rise, but one will fall faster next year.",
        "2 For all these reasons, the risk of deflation will stay low next year.",  # a footnote's mark
        "14 Moreover, growth will slow next year.",
    ],
)
def test_a_bare_one_or_a_footnote_mark_is_no_amount(sentence: str) -> None:
    assert find_quantities(sentence) == []
    (candidate,) = extract_candidates(sentence, published_on=BASE)
    assert candidate.threshold is None


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("At least one bank will fail next year.", 1.0, None),  # compared: an amount
        ("More than one candidate will run next year.", 1.0, None),
        ("The economy will grow one percent next year.", 1.0, "%"),
        ("One million jobs will be added next year.", 1.0, "million jobs"),
        ("2 percent inflation will return next year.", 2.0, "%"),  # a figure with its unit opens the sentence
    ],
)
def test_a_one_compared_or_with_its_unit_is_an_amount(sentence: str, value: float, unit: str | None) -> None:
    (quantity,) = find_quantities(sentence)
    assert (quantity.value, quantity.unit) == (value, unit)
