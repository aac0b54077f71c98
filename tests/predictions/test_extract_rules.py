"""Units, numbers and proposed rules of the kinds the first extractor got wrong (issue 20, dev half).

Every expected value is worked out by hand here: a band around a level is +-5% of it for an amount, and for a rate
(% or pp) half a point when written whole, a quarter with one decimal, a tenth with more; a change is signed.
"""

from __future__ import annotations

from datetime import date

import pytest

from predictions.extract import extract_candidates, find_quantities, find_threshold


@pytest.mark.parametrize(
    ("words", "value", "unit"),
    [
        ("export 14.9 billion cubic feet per day of LNG", 14.9, "billion cubic feet per day"),  # not 14.9e9
        ("remain over 500 million short tons", 500.0, "million short tons"),
        ("to 509 MMst", 509.0, "million short tons"),
        ("adding 2.1 Bcf/d of capacity", 2.1, "billion cubic feet per day"),
        ("about 1.3 million b/d below its targets", 1.3, "million barrels per day"),
        ("a yield of 181.0 bushels per acre", 181.0, "bushels per acre"),
        ("average $4.00/MMBtu", 4.0, "USD per MMBtu"),
        ("$3.90 per million British thermal units", 3.9, "USD per MMBtu"),
        ("be $47 per megawatthour (MWh)", 47.0, "USD per MWh"),
        ("an average of $54 per barrel (b)", 54.0, "USD per barrel"),
        ("average $68/bbl", 68.0, "USD per barrel"),
        ("below $3.00 per gal", 3.0, "USD per gallon"),
        ("just over $13.80 per thousand cubic feet", 13.8, "USD per thousand cubic feet"),
        ("is raised 10 cents to $4.00 per bushel", 4.0, "USD per bushel"),  # the second number
        ("40 cents per pound", 40.0, "US cents per pound"),
        ("grow two-point-one percent", 2.1, "%"),
        ("three-point-nine percent in developing countries", 3.9, "%"),
        ("go up one quarter of a percentage point", 0.25, "pp"),  # not 25% (a share)
        ("a 25-basis-point cut", 25.0, "bp"),
        ("£250 a week", 250.0, "GBP"),  # "a week" is no unit of a price
        # pence, as "US cents": a "p" stuck to its number, or the word; a price per litre
        ("rise by 5p a litre", 5.0, "pence per litre"),
        ("fall below 130p per litre", 130.0, "pence per litre"),
        ("cost 5 pence more", 5.0, "pence"),
        ("rise to 250p", 250.0, "pence"),
        ("rise by 5pp", 5.0, "pp"),  # percentage points still
    ],
)
def test_units_as_the_labelling_guide_spells_them(words: str, value: float, unit: str) -> None:
    quantity = find_quantities(words)[-1]
    assert (quantity.value, quantity.unit) == (pytest.approx(value), unit)


def test_a_range_with_and_and_a_unit_left_out() -> None:
    (band,) = find_quantities("to a range between 1.5 and 1.75 percent")
    assert (band.low, band.high, band.unit) == (1.5, 1.75, "%")
    first, second = find_quantities("Exports are raised 100 million bushels to 3.1 billion.")
    assert (first.value, first.unit) == (100.0, "million bushels")
    assert (second.value, second.unit) == (pytest.approx(3.1), "billion bushels")  # the unit of the one before


@pytest.mark.parametrize(
    "words",
    [
        "Golden Pass LNG Trains 1–2 and Corpus Christi Stage 3 Blocks 4–7 will ship",
        "changes are small (figure 2.A)",
        # a tally going down is no range: a vote, a score
        "The Committee voted 7-2 to cut rates",
        "economists expect a 6–3 vote",
        # a half of a period is a time, not a share of 50%
        "Unemployment rose in the first half of the year",
        "growth should recover in the second half of 2026",
    ],
)
def test_numbers_that_name_things_are_not_quantities(words: str) -> None:
    assert find_quantities(words) == []


@pytest.mark.parametrize(
    ("sentence", "op", "low", "high", "unit"),
    [
        # a change is a band around the signed change: whole percent +-0.5, one decimal +-0.25
        ("Commodity prices are forecast to fall by a further 7 percent.", ">=", -7.5, -6.5, "%"),
        ("World output will expand by 4.1 percent this year.", ">=", 3.85, 4.35, "%"),
        ("The winter will be mild, with 7% fewer HDDs in 1Q26.", ">=", -7.5, -6.5, "%"),
        ("Rich nations are expected to grow two-point-one percent.", ">=", 1.85, 2.35, "%"),
        # a level reached after a change wins over the change: 509 +-5% = 483.55 to 534.45
        ("We expect 2026 total production to fall by 3% to 509 MMst.", ">=", 483.55, 534.45, "million short tons"),
        (
            "Economists say the rate will probably go up one quarter of a percentage point, "
            "to a range between 1.5 and 1.75 percent.",
            ">=",
            1.5,
            1.75,
            "%",
        ),
        # the number the prediction makes, not one in a clause of its own before it
        (
            "This 8% rise in the wholesale price is driven mostly by the ERCOT North hub, where we forecast "
            "the wholesale electricity will increase 45% in 2026.",
            ">=",
            44.5,
            45.5,
            "%",
        ),
        (
            "Although core inflation remained a little below 2 percent, many participants anticipated that "
            "stable expectations would keep overall inflation near 2 percent.",
            ">=",
            1.5,
            2.5,
            "%",
        ),
        # an amount with a unit before a bare count: 47 +-5% = 44.65 to 49.35
        (
            "We expect that the average of the 11 regional wholesale prices will be $47 per megawatthour (MWh).",
            ">=",
            44.65,
            49.35,
            "USD per MWh",
        ),
        # capacity added is a change: 2.1 +-5% = 1.995 to 2.205
        (
            "We expect Golden Pass LNG Trains 1–2 will begin shipping cargoes, adding 2.1 Bcf/d of export capacity.",
            ">=",
            1.995,
            2.205,
            "billion cubic feet per day",
        ),
        # "just over" softens the bound into a point forecast: 13.8 +-5% = 13.11 to 14.49
        (
            "The price will average just over $13.80 per thousand cubic feet.",
            ">=",
            13.11,
            14.49,
            "USD per thousand cubic feet",
        ),
        # an amount with a unit and no comparison is a level: 14.9 +-5% = 14.155 to 15.645
        (
            "The United States will export 14.9 billion cubic feet per day of LNG this year, which is 25% more.",
            ">=",
            14.155,
            15.645,
            "billion cubic feet per day",
        ),
    ],
)
def test_bands_for_levels_and_changes(sentence: str, op: str, low: float, high: float, unit: str) -> None:
    found = find_threshold(sentence)
    assert found is not None
    assert (found.op, found.value, found.high, found.unit) == (op, pytest.approx(low), pytest.approx(high), unit)
    assert found.point  # a band is flagged for review as a point forecast


@pytest.mark.parametrize(
    ("sentence", "op", "value", "unit"),
    [
        (
            "Coal production is expected to remain over 500 million short tons (MMst) in 2026.",
            ">",
            500.0,
            "million short tons",
        ),
        (
            "Inflation was projected to be slightly below the Committee's longer-run objective of 2 percent.",
            "<",
            2.0,
            "%",
        ),
        ("We expect gasoline prices to fall below $3.00 per gal (gal) on average in 2026.", "<", 3.0, "USD per gallon"),
    ],
)
def test_bounds_stay_bounds(sentence: str, op: str, value: float, unit: str) -> None:
    found = find_threshold(sentence)
    assert found is not None and (found.op, found.value, found.unit, found.point) == (op, value, unit, False)


def test_a_change_is_signed_on_a_change_metric() -> None:
    found = find_threshold("The energy price index is expected to fall by 12 percent in 2025.")
    assert found is not None and found.change and found.metric is not None and found.metric.startswith("change in")
    assert (found.value, found.high) == (-12.5, -11.5)


def test_a_price_forecast_becomes_a_proposed_rule_with_its_unit() -> None:
    text = "We forecast the Brent oil price will fall to an average of $54 per barrel (b) in the first quarter of 2026."
    (candidate,) = extract_candidates(text, published_on=date(2025, 11, 12))
    claim = candidate.to_claim()
    rule = claim["proposed_rule"]
    # 54 +-5%: 51.3 to 56.7, in the quarter the sentence names
    assert (rule["op"], rule["threshold"], rule["high"], rule["unit"]) == (">=", 51.3, 56.7, "USD per barrel")
    assert claim["deadline"] == "2026-03-31"
    assert any("point forecast" in point for point in claim["needs_review"])


def test_a_range_of_prices_is_a_band_and_a_range_of_counts_at_least_its_low_end() -> None:
    prices = find_threshold("Brent will trade at $60-65 per barrel next year.")
    assert prices is not None and (prices.op, prices.value, prices.high, prices.unit) == (
        ">=",
        60.0,
        65.0,
        "USD per barrel",
    )
    counts = find_threshold("The plan will cover 3-5 critical domains.")
    assert counts is not None and (counts.op, counts.value, counts.point) == (">=", 3.0, False)


@pytest.mark.parametrize(
    ("sentence", "low", "high", "unit"),
    [
        # a cut named by its size is a signed change: -25 +-5% (1.25) = -26.25 to -23.75
        ("Financial markets expect a 25-basis-point cut in September.", -26.25, -23.75, "bp"),
        # a 0.25 pp increase: two decimals, +-0.1
        ("We expect a 0.25 percentage point increase at the next meeting.", 0.15, 0.35, "pp"),
        # what changes named with "of": a contraction of 1.8 is -1.8 +-0.25
        ("The Commission expects a contraction of the EU economy of 1.8% in 2026.", -2.05, -1.55, "%"),
        # a size played down is still the size of the change: -0.2 +-0.1 (half the value), -1 +-0.5, 0.5 +-0.25;
        # "just under 1%" is a point on the signed change, -1 +-0.5
        ("Output is expected to fall by a modest 0.2% next year.", -0.3, -0.1, "%"),
        ("Output is expected to fall just 1% next year.", -1.5, -0.5, "%"),
        ("Output is expected to fall by just under 1% next year.", -1.5, -0.5, "%"),
        ("Income is expected to grow by only 0.5% a year.", 0.25, 0.75, "%"),
    ],
)
def test_a_change_named_by_its_size(sentence: str, low: float, high: float, unit: str) -> None:
    found = find_threshold(sentence)
    assert found is not None and found.change
    assert (found.value, found.high, found.unit) == (pytest.approx(low), pytest.approx(high), unit)


def test_or_a_bit_higher_and_cubic_meters() -> None:
    found = find_threshold("I expect the CPI to rise 3 percent or a bit higher next year.")
    assert found is not None and (found.op, found.value, found.unit) == (">=", 3.0, "%")
    (gas,) = find_quantities("imports of 120 bcm")
    assert (gas.value, gas.unit) == (120.0, "billion cubic meters")
    (metres,) = find_quantities("storage of 100 billion cubic metres")
    assert (metres.value, metres.unit) == (100.0, "billion cubic meters")


@pytest.mark.parametrize(
    ("words", "value", "unit"),
    [
        ("rise two-tenths of a percentage point", 0.2, "pp"),
        ("fall a tenth of a percentage point", 0.1, "pp"),
        ("rise a full percentage point", 1.0, "pp"),
        ("grow two and a half percent", 2.5, "%"),
        ("a 3.5 pct rise", 3.5, "%"),
    ],
)
def test_more_numbers_in_words(words: str, value: float, unit: str) -> None:
    (quantity,) = find_quantities(words)
    assert (quantity.value, quantity.unit) == (pytest.approx(value), unit)


def test_a_point_in_time_is_no_quantity() -> None:
    assert find_quantities("Rates will rise at a point when growth is firm.") == []


@pytest.mark.parametrize(
    ("words", "value", "unit"),
    [
        ("rises to 678 quadrillion Btu in 2030", 678.0, "quadrillion Btu"),
        ("from 472 quadrillion British thermal units (Btu) in 2006", 472.0, "quadrillion Btu"),
        ("uses 97.5 quadrillion British thermal units", 97.5, "quadrillion Btu"),
        ("consumption of 3.2 trillion Btu", 3.2, "trillion Btu"),  # the scale word stays in the unit
    ],
)
def test_energy_in_british_thermal_units(words: str, value: float, unit: str) -> None:
    (quantity,) = find_quantities(words)
    assert (quantity.value, quantity.unit) == (value, unit)


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        # an age statistic is counted in years, said or not: 43 +-5%, 85.6 +-5%
        ("By 2060, the median age in the U.S. will be 43 as opposed to 38 now.", 40.85, 45.15),
        ("Life expectancy is projected to rise to 85.6 years by 2060.", 81.32, 89.88),
        ("The average age of the fleet will reach 12 years in 2030.", 11.4, 12.6),
    ],
)
def test_an_age_statistic_is_in_years(sentence: str, low: float, high: float) -> None:
    rule = find_threshold(sentence)
    assert rule is not None and rule.point and rule.unit == "years"
    assert (rule.low, rule.high) == (pytest.approx(low), pytest.approx(high))


def test_a_span_of_years_is_still_no_quantity() -> None:
    assert find_quantities("The economy will grow for three years.") == []
    assert find_quantities("Growth will slow over the next 2 years.") == []


@pytest.mark.parametrize(
    ("sentence", "op"),
    [
        # a sign named with no number: "positive territory" is above zero, "negative territory" below
        ("Business investment growth was expected to have remained in positive territory in the third quarter.", ">"),
        ("Headline inflation is likely to move into negative territory in the coming months.", "<"),
        ("Growth should stay in positive territory next year.", ">"),
    ],
)
def test_a_sign_named_in_words_is_a_rule_on_zero(sentence: str, op: str) -> None:
    rule = find_threshold(sentence)
    assert rule is not None and (rule.op, rule.value, rule.unit, rule.point) == (op, 0.0, "%", False)


def test_a_number_said_beats_a_sign_named() -> None:
    rule = find_threshold("Growth will stay in positive territory, at about 1.5% in 2026.")
    assert rule is not None and (rule.op, rule.low, rule.high) == (">=", 1.25, 1.75)


@pytest.mark.parametrize(
    ("words", "value", "unit"),
    [
        # a fraction in digits of a point or a percent, as transcripts write it
        ("about 3/4 of a point lower", 0.75, "pp"),
        ("1/2 of a percentage point", 0.5, "pp"),
        ("some 1/4 of a percent", 0.25, "%"),
    ],
)
def test_a_fraction_in_digits_of_a_point(words: str, value: float, unit: str) -> None:
    (quantity,) = find_quantities(words)
    assert (quantity.value, quantity.unit) == (value, unit)


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        # the gap from another forecast ("3/4 of a point lower than the Greenbook") gives way to the level forecast:
        # 3 percent, a rate written whole, +- half a point
        (
            "We're projecting about 1/2 percentage point more growth in real GNP and we're forecasting only a 3 "
            "percent rise in the CPI, which is about 3/4 of a point lower than the Greenbook and well below most "
            "other forecasts that we've seen.",  # "we're projecting" is the cue, not the "forecasts" compared with
            2.5,
            3.5,
        ),
        (
            "Our forecast is 1/4 percentage point higher than the staff's, with growth of 2.5 percent in 1999.",
            2.25,
            2.75,
        ),
    ],
)
def test_a_gap_from_another_forecast_gives_way_to_the_level(sentence: str, low: float, high: float) -> None:
    rule = find_threshold(sentence)
    assert rule is not None and (rule.unit, rule.low, rule.high) == ("%", low, high)


def test_a_gap_alone_stays_the_rule() -> None:
    rule = find_threshold("We expect growth to come in 1/2 percentage point lower than the Greenbook.")
    assert rule is not None and rule.unit == "pp"


@pytest.mark.parametrize(
    ("sentence", "low", "high", "unit"),
    [
        # the share of the forecasters or models that say it gives way to what they say
        (
            "Slightly more than half of the statistical and coupled model forecasts indicate near neutral conditions "
            "in the tropical Pacific (Nino 3.4 SST anomalies between -0.5°C and +0.5°C) through the fall.",
            -0.5,
            0.5,
            "°C",
        ),
        ("Two-thirds of the economists surveyed expect growth of 2 percent next year.", 1.5, 2.5, "%"),
        ("About 60% of respondents see inflation at 3.5% by December.", 3.25, 3.75, "%"),
    ],
)
def test_the_share_of_forecasters_gives_way_to_their_forecast(
    sentence: str, low: float, high: float, unit: str
) -> None:
    rule = find_threshold(sentence)
    assert rule is not None and (rule.unit, rule.low, rule.high) == (unit, low, high)


def test_a_share_is_of_the_forecasters_only_with_of() -> None:
    # the next sentence's "forecasters" are not what "10 Percent" counts
    rule = find_threshold(
        "Prices Likely to Fall Another 10 Percent\n\nTop forecasters predicted a further 5 percent fall."
    )
    assert rule is not None and (rule.low, rule.high) == (-10.5, -9.5)


def test_the_share_of_forecasters_alone_stays_the_rule() -> None:
    rule = find_threshold("Sixty percent of the economists surveyed expect a recession next year.")
    assert rule is not None and (rule.unit, rule.low, rule.high) == ("%", 59.5, 60.5)


@pytest.mark.parametrize(
    ("sentence", "low", "high", "unit"),
    [
        # from one level to another, the level it goes to, however the second is hedged: 56 +-5%
        (
            "Visitors will increase from 35 million in 2018 to an estimated 56 million in 2021.",
            53.2,
            58.8,
            "million people",
        ),
        (
            "Exports will rise from 2.0 million b/d to approximately 2.4 million b/d in 2027.",
            2.28,
            2.52,
            "million barrels per day",
        ),
    ],
)
def test_from_a_level_to_a_hedged_level(sentence: str, low: float, high: float, unit: str) -> None:
    rule = find_threshold(sentence)
    assert rule is not None and (rule.unit, rule.low, rule.high) == (unit, pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize(
    ("sentence", "low", "high", "unit"),
    [
        # "between X and Y" keeps the currency, the scale and what a price is per, written on either end
        ("Brent will average between $60 and $70/bbl in 2026.", 60.0, 70.0, "USD per barrel"),
        ("Power will cost between €50 and €60 per MWh next winter.", 50.0, 60.0, "EUR per MWh"),
        ("Spending will be between $2 and $3 billion next year.", 2.0, 3.0, "billion USD"),
        ("Oil will sell for between 60 and 70 dollars a barrel.", 60.0, 70.0, "USD per barrel"),
    ],
)
def test_between_keeps_the_price_unit(sentence: str, low: float, high: float, unit: str) -> None:
    rule = find_threshold(sentence)
    assert rule is not None and (rule.unit, rule.low, rule.high) == (unit, pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize(
    ("sentence", "op", "value"),
    [
        # a level not reached stays under it; one not exceeded may be met
        ("Prices will not reach $100 a barrel this year.", "<", 100.0),
        ("Growth is unlikely to reach 9 percent again.", "<", 9.0),
        ("Unemployment will never hit 10 percent in this cycle.", "<", 10.0),
        ("Growth is unlikely to exceed 3 percent next year.", "<=", 3.0),
        ("Inflation will not rise above 4 percent.", "<=", 4.0),
    ],
)
def test_a_level_not_reached_is_strictly_below(sentence: str, op: str, value: float) -> None:
    rule = find_threshold(sentence)
    assert rule is not None and (rule.op, rule.value) == (op, value)
