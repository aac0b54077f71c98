"""Agency projections by KIND (USDA WASDE, CBO): rules and deadlines (issue 20, the eighth batch's genres).

Every sentence here was written for this file; none is copied from the labelled set. Expected values are worked out
by hand: a point forecast is a band of +-5% of an amount, and for a rate in % +-0.5 when written whole, +-0.25 with
one decimal; US marketing years end on 31 May (wheat, barley, oats), 31 July (rice), 31 August (corn, sorghum,
soybeans); a crop year "2026/27" ends in 2027.
"""

from __future__ import annotations

from datetime import date

import pytest

from predictions.extract import find_quantities, find_threshold
from predictions.extract.deadlines import find_deadlines, text_horizon


def _rule(sentence: str) -> tuple[str | None, float, float | None, str | None]:
    found = find_threshold(sentence)
    assert found is not None
    return found.op, found.value, found.high, found.unit


# --- a move "from X in YEAR to Y in YEAR": the year is no range's low end, the rule is about Y -------------------


def test_a_year_between_a_move_is_not_the_low_end_of_a_range() -> None:
    sentence = "Outlays for veterans rise from 1.2 percent of GDP in 2027 to 1.6 percent in 2040."
    assert [(q.value, q.unit, q.low) for q in find_quantities(sentence)] == [(1.2, "%", None), (1.6, "%", None)]
    assert _rule(sentence) == (">=", 1.35, 1.85, "%")  # 1.6 with one decimal: +-0.25


def test_a_move_between_two_sums_with_years_takes_the_later_sum() -> None:
    # $3.0 trillion +-5%: 2.85 to 3.15
    assert _rule("Interest costs climb from $1.4 trillion in 2028 to $3.0 trillion in 2045.") == (
        ">=",
        2.85,
        3.15,
        "trillion USD",
    )


def test_a_span_of_years_stays_a_span() -> None:
    # "between 2026 and 2030" names years only: no quantity at all
    assert find_quantities("Receipts grow between 2026 and 2030.") == []


# --- a farm price with no unit takes the unit USDA quotes the crop in ------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The farm price range for oats is lowered to $2.90 to $3.30.", (">=", 2.9, 3.3, "USD per bushel")),
        ("The sorghum price range of $4.05 to $4.65 is unchanged.", (">=", 4.05, 4.65, "USD per bushel")),
        # a rice price in cwt; $16 to $17 is the band itself
        ("Rice prices are projected at $16 to $17.", (">=", 16.0, 17.0, "USD per cwt")),
        # a level: $5.20 +-5% = 4.94 to 5.46
        ("The barley price is expected to be $5.20.", (">=", 4.94, 5.46, "USD per bushel")),
        ("The price of soybean meal is seen at $280 to $320.", (">=", 280.0, 320.0, "USD per short ton")),
    ],
)
def test_a_crop_price_without_its_unit(sentence: str, expected: tuple[str, float, float, str]) -> None:
    assert _rule(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("Wheat exports will earn $8 billion, the most in a decade.", "billion USD"),  # a sum, not a price
        ("The soybean oil price range is $0.40 to $0.44.", "USD"),  # quoted in cents a pound: left to a reviewer
        ("Farm income will be $150 next year.", "USD"),  # no crop and no price
    ],
)
def test_other_dollar_amounts_keep_their_unit(sentence: str, unit: str) -> None:
    found = find_threshold(sentence)
    assert found is not None and found.unit == unit


# --- deadlines -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Hard red winter wheat output is forecast higher.",
        "Spring wheat yields should recover.",
        "Spring-planted crops will need more rain.",
    ],
)
def test_winter_and_spring_wheat_are_crops_not_seasons(sentence: str) -> None:
    assert find_deadlines(sentence, base=date(2026, 6, 12)) == []


def test_a_season_is_still_a_season() -> None:
    # said on 12 June 2026: the coming winter runs to the end of March 2027
    assert [d.on for d in find_deadlines("Grain stocks will tighten this winter.", base=date(2026, 6, 12))] == [
        date(2027, 3, 31)
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Global barley trade is projected at 30 million tons, 2 million above 2026/27.",
        "Corn exports are forecast down 5 percent from 2026/27.",
        "Sorghum use is expected to be higher than 2026/27.",
        "Oats imports are projected at 90 million bushels compared with 2026/27.",
    ],
)
def test_a_crop_year_compared_with_is_no_deadline(sentence: str) -> None:
    assert find_deadlines(sentence, base=date(2027, 6, 11)) == []


def test_the_crop_year_forecast_stays_beside_the_one_it_is_compared_with() -> None:
    found = find_deadlines("Corn exports in 2027/28 are 5 percent below 2026/27.", base=date(2027, 6, 11))
    assert [d.on for d in found] == [date(2028, 8, 31)]  # corn: 31 August of the crop year's second year


def test_a_paragraph_does_not_carry_a_crop_year_that_has_ended() -> None:
    # published 12 June 2026: wheat's 2025/26 year ended on 31 May 2026, so the feed-use sentence keeps the
    # paragraph's 2026/27 (wheat: 31 May 2027), not the year just ended
    text = (
        "Projected 2026/27 supplies of wheat are lowered this month.  Beginning stocks are raised on larger "
        "exports for 2025/26.  Feed use is cut 10 million bushels to 90 million."
    )
    horizon = text_horizon(text, base=date(2026, 6, 12))
    assert horizon is not None
    on, _words = horizon.context["Feed use is cut 10 million bushels to 90 million."]
    assert on == date(2027, 5, 31)


# --- CBO: periods by their length, calendar years, averages beside a dated level ----------------------------------

BUDGET_DAY = date(2026, 2, 4)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the N years from the text's year: 2026 + 30 = 2056, 2026 + 10 = 2036
        ("Primary deficits average 1.8 percent of GDP over the 30-year period.", date(2056, 12, 31)),
        ("Mandatory outlays climb during the 10-year projection period.", date(2036, 12, 31)),
        ("Debt will grow across the ten-year budget window.", date(2036, 12, 31)),
        # a calendar year without "the"
        ("Real GDP will expand by 2.1 percent in calendar year 2027.", date(2027, 12, 31)),
        # "over the next decade": ten years from 4 February 2026
        ("Revenues will average 17.9 percent of GDP over the next decade.", date(2036, 2, 4)),
    ],
)
def test_budget_periods(sentence: str, expected: date) -> None:
    assert [d.on for d in find_deadlines(sentence, base=BUDGET_DAY)] == [expected]


def test_a_period_by_its_length_is_flagged_and_a_bare_length_is_no_period() -> None:
    (found,) = find_deadlines("Outlays rise over the 20-year period.", base=BUDGET_DAY)
    assert found.on == date(2046, 12, 31) and found.note is not None
    assert find_deadlines("A 20-year period of growth will follow.", base=BUDGET_DAY) == []


def test_in_the_next_decade_is_still_the_calendar_decade() -> None:
    # "in the next decade" (no "over"): the 2030s, as before
    assert [d.on for d in find_deadlines("Fusion power will arrive in the next decade.", base=BUDGET_DAY)] == [
        date(2039, 12, 31)
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the average over a span gives way to the level in a named year: 6.9 +-0.25
        (
            "The deficit stays high over the next 25 years, averaging 5.4 percent of GDP, and reaching 6.9 percent "
            "of GDP in 2051.",
            (">=", 6.65, 7.15, "%"),
        ),
        # 4.4 +-0.25
        (
            "Interest costs, averaging 3.5 percent of GDP over the decade, climb to 4.4 percent in 2036.",
            (">=", 4.15, 4.65, "%"),
        ),
        # an average with its own year stays the rule: 2.3 +-0.25
        ("We see inflation averaging 2.3% in 2026, 1.9% in 2027 and 2.0% in 2028.", (">=", 2.05, 2.55, "%")),
        # $71 +-5%; the bracket before the year does not hide it
        (
            "The oil price is forecast to average $71/bbl (Brent) in 2026 and $64/bbl in 2027.",
            (">=", 67.45, 74.55, "USD per barrel"),
        ),
    ],
)
def test_an_average_beside_a_dated_level(sentence: str, expected: tuple[str, float, float, str]) -> None:
    assert _rule(sentence) == expected


# --- counts of goods bought or sold --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "three million of them": a number with its scale, in the goods' units; 3 +-5%
        ("Shoppers are expected to buy three million of them next year.", (">=", 2.85, 3.15, "million units")),
        ("Dealers should sell more than 1.5 million next year.", (">", 1.5, None, "million units")),
    ],
)
def test_goods_bought_or_sold(sentence: str, expected: tuple[str, float, float | None, str]) -> None:
    assert _rule(sentence) == expected


def test_one_of_is_still_no_number() -> None:
    assert find_quantities("One of the firms will close two of its plants.") == []


# --- crop years carried in a paragraph, and world wheat ---------------------------------------------------------

HARVEST_DAY = date(2026, 9, 11)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # world (global, foreign) wheat: the July-June trade year, so 2026/27 ends on 30 June 2027
        ("Global wheat ending stocks for 2026/27 are projected at 270 million tons.", date(2027, 6, 30)),
        ("Foreign wheat output in 2026/27 is raised.", date(2027, 6, 30)),
        # US wheat stays in the June-May year, whatever "world demand" the sentence mentions
        ("U.S. wheat exports for 2026/27 are raised on strong world demand.", date(2027, 5, 31)),
        # world rice: the US rice year (to 31 July)
        ("Global rice trade for 2026/27 is forecast at a record 60 million tons.", date(2027, 7, 31)),
    ],
)
def test_world_wheat_ends_in_june(sentence: str, expected: date) -> None:
    assert [d.on for d in find_deadlines(sentence, base=HARVEST_DAY)] == [expected]


def test_a_carried_crop_year_ends_with_the_crop_the_sentence_names() -> None:
    text = (
        "Soybean crush for 2026/27 is raised on stronger demand.  The soybean meal price is forecast at $300 per "
        "short ton.  The soybean oil price is forecast at 50 cents per pound.  Barley exports are lowered."
    )
    horizon = text_horizon(text, base=HARVEST_DAY)
    assert horizon is not None
    by_sentence = {key: on for key, (on, _words) in horizon.context.items()}
    # soybeans end on 31 August, soybean meal and oil on 30 September, barley on 31 May (of 2027)
    assert by_sentence["The soybean meal price is forecast at $300 per short ton."] == date(2027, 9, 30)
    assert by_sentence["The soybean oil price is forecast at 50 cents per pound."] == date(2027, 9, 30)
    assert by_sentence["Barley exports are lowered."] == date(2027, 5, 31)


def test_a_paragraph_about_world_wheat_carries_the_june_year() -> None:
    text = (
        "The global wheat outlook for 2026/27 is for larger supplies.  Argentina is raised 1.0 million tons to "
        "20.0 million on good rains.  World ending stocks are projected at 265.0 million tons."
    )
    horizon = text_horizon(text, base=HARVEST_DAY)
    assert horizon is not None
    (on, _words) = horizon.context["World ending stocks are projected at 265.0 million tons."]
    assert on == date(2027, 6, 30)


def test_a_cropless_year_in_a_crop_paragraph_is_carried_as_that_crops_year() -> None:
    # "2026/27" without a crop after a sentence about wheat: wheat's year (31 May 2027), carried to the price
    text = (
        "Wheat supplies are raised this month.  Projected 2026/27 ending stocks are up 30 million bushels to 880 "
        "million.  The season-average farm price is lowered 10 cents to $5.10 per bushel."
    )
    horizon = text_horizon(text, base=HARVEST_DAY)
    assert horizon is not None
    (on, _words) = horizon.context["The season-average farm price is lowered 10 cents to $5.10 per bushel."]
    assert on == date(2027, 5, 31)


# --- changes from last year, revisions to a level, cotton bales ---------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a change from last year's figure is a signed change: +75 +-5% = 71.25 to 78.75; -15 +-5% = -15.75 to -14.25
        (
            "Projected feed use is unchanged from last month but is up 75 million bushels from last year.",
            (">=", 71.25, 78.75, "million bushels"),
        ),
        (
            "Oats ending stocks are projected 15 million bushels below last year.",
            (">=", -15.75, -14.25, "million bushels"),
        ),
        # a revision to a level: the level, 240 +-5% = 228 to 252
        (
            "Sorghum exports for 2026/27 are raised 25 million bushels to 240 million.",
            (">=", 228.0, 252.0, "million bushels"),
        ),
        # cotton in 480-pound bales: 12.0 +-5% = 11.4 to 12.6 million bales
        ("Exports are forecast at 12.0 million 480-lb bales.", (">=", 11.4, 12.6, "million bales")),
    ],
)
def test_changes_and_revisions(sentence: str, expected: tuple[str, float, float, str]) -> None:
    assert _rule(sentence) == expected


def test_the_quarters_of_a_named_year_end_with_that_year() -> None:
    # "over the four quarters of 2027" is 2027 (Q4 ends 31 December), not four quarters from the text's date
    assert [
        d.on for d in find_deadlines("GDP will grow 2 percent over the four quarters of 2027.", base=BUDGET_DAY)
    ] == [date(2027, 12, 31)]
    # without the year: four quarters after the first quarter of 2026, the end of March 2027
    assert [d.on for d in find_deadlines("Growth will slow over the next four quarters.", base=BUDGET_DAY)] == [
        date(2027, 3, 31)
    ]


# --- months in pairs, spans looking back, softened bounds, revisions against an earlier forecast ----------------

WINTER_DAY = date(2026, 1, 20)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the period ends with the later month of the pair (said in January 2026)
        ("Producers will hold output steady, at least for April and May.", date(2026, 5, 31)),
        ("Buyers expect a rebound in the June-July window.", date(2026, 7, 31)),
        ("Shipments should recover in October or November.", date(2026, 11, 30)),
    ],
)
def test_a_pair_of_months_ends_with_the_later(sentence: str, expected: date) -> None:
    assert [d.on for d in find_deadlines(sentence, base=WINTER_DAY)] == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "Margins will stay near their level of the past three quarters.",
        "Imports will keep the pace seen over the previous two months.",
    ],
)
def test_a_span_looking_back_is_no_deadline(sentence: str) -> None:
    assert find_deadlines(sentence, base=WINTER_DAY) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "a little over 4 percent": a rough size, the band around 4 (+-0.5)
        ("The bank expects output to grow a little over 4 percent in 2027.", (">=", 3.5, 4.5, "%")),
        # "slightly below 2 percent" keeps its direction
        ("Inflation should stay slightly below 2 percent in 2027.", ("<", 2.0, None, "%")),
        # a change against the earlier plan is a revision; the forecast is the change over last year: +6 +-0.5
        (
            "Capital outlays are now seen 8 percent below the original budget but still up 6 percent over last year.",
            (">=", 5.5, 6.5, "%"),
        ),
        # a change from last month gives way to the change from last year: +2 +-0.5
        (
            "Sales are revised up 3 percent from last month and will rise 2 percent from last year.",
            (">=", 1.5, 2.5, "%"),
        ),
    ],
)
def test_softened_bounds_and_revisions(sentence: str, expected: tuple[str, float, float | None, str]) -> None:
    assert _rule(sentence) == expected


def test_numbers_and_dates_in_a_page_break_are_skipped() -> None:
    sentence = "Exports --- Page 7 --- 4/12/99 -5- should grow next year."
    assert find_quantities(sentence) == []
    assert [d.on for d in find_deadlines(sentence, base=date(1999, 4, 12))] == [date(2000, 12, 31)]


@pytest.mark.parametrize(
    ("sentence", "fiscal", "base", "expected"),
    [
        # the US federal year runs October-September: on 10 March 2026 the current one ends 30 September 2026
        ("Receipts will rise in the current fiscal year.", (9, 30, 0), date(2026, 3, 10), date(2026, 9, 30)),
        # on 5 October 2026 the current one is fiscal 2027
        ("Receipts will rise this fiscal year.", (9, 30, 0), date(2026, 10, 5), date(2027, 9, 30)),
        # a fiscal year ending in March (Japan, India ...): on 5 May 2026 the next one ends 31 March 2028
        ("Output will grow next fiscal year.", (3, 31, 1), date(2026, 5, 5), date(2028, 3, 31)),
    ],
)
def test_the_current_and_next_fiscal_year(
    sentence: str, fiscal: tuple[int, int, int], base: date, expected: date
) -> None:
    assert [d.on for d in find_deadlines(sentence, base=base, fiscal=fiscal)] == [expected]


def test_the_final_quarter_of_the_year() -> None:
    # "of the year": this year's fourth quarter, even in March when last year's has just ended
    assert [
        d.on for d in find_deadlines("Sales will fall in the final quarter of the year.", base=date(2026, 3, 10))
    ] == [date(2026, 12, 31)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an index named by its number gives it no rule: the level 5,800 +-5% = 5,510 to 6,090
        ("The S&P 500 should finish 2027 at 5,800.", (">=", 5510.0, 6090.0, None)),
        ("The Russell 2000 is expected to gain 7% in 2027.", (">=", 6.5, 7.5, "%")),
        # job gains in thousands a month: 120,000 +-5% = 114,000 to 126,000 jobs per month
        (
            "Job gains are expected to cool to 120 thousand a month in 2027.",
            (">=", 114000.0, 126000.0, "jobs per month"),
        ),
    ],
)
def test_index_names_and_job_gains(sentence: str, expected: tuple[str, float, float, str | None]) -> None:
    assert _rule(sentence) == expected


def test_this_time_next_year_is_a_year_from_the_text() -> None:
    base = date(2026, 10, 6)
    assert [d.on for d in find_deadlines("Output will recover by this time next year.", base=base)] == [
        date(2027, 10, 6)
    ]
    assert find_deadlines("Prices are higher than this time last year.", base=base) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # said on 30 November 2026: the next December, and the January after it
        ("A slower pace of increases may come as soon as the December meeting.", [date(2026, 12, 31)]),
        ("Members see a pause by the January policy meeting.", [date(2027, 1, 31)]),
        # a meeting in the past dates what happened
        ("Since the September meeting, yields have risen.", []),
        ("The minutes of the October meeting were released.", []),
    ],
)
def test_a_meeting_named_by_its_month(sentence: str, expected: list[date]) -> None:
    assert [d.on for d in find_deadlines(sentence, base=date(2026, 11, 30))] == expected


def test_a_meeting_months_back_is_the_past_one() -> None:
    # in minutes of May, "the March meeting" is the one two months ago, not next year's
    assert find_deadlines("Members will revisit the March meeting's decision.", base=date(2026, 5, 20)) == []
