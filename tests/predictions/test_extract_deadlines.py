"""Deadlines of the kinds the first extractor missed (issue 20, dev half), each worked out by hand.

``BASE`` is Wednesday 12 November 2025 (2025-01-15 is a Wednesday and 301 days = 43 weeks later).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from predictions.extract import extract_candidates, find_deadlines
from predictions.extract.deadlines import fiscal_year_end, text_horizon
from predictions.ledger.schemas import ClaimCreate

BASE = date(2025, 11, 12)


def _dates(sentence: str, base: date = BASE) -> list[date]:
    return [d.on for d in find_deadlines(sentence, base=base)]


def _claims(text: str, base: date = BASE) -> list[dict[str, Any]]:
    return [c.to_claim() for c in extract_candidates(text, published_on=base)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The ridge is expected to turn the depression eastward later today.", [date(2025, 11, 12)]),
        ("A low could form tonight or Thursday.", [date(2025, 11, 12), date(2025, 11, 13)]),
        ("It is expected to lose its convection over the weekend.", [date(2025, 11, 16)]),  # Sunday
        ("Development is possible into the early part of the weekend.", [date(2025, 11, 15)]),  # Saturday
        ("Officials are expected to raise the rate slightly Wednesday.", [date(2025, 11, 12)]),  # the same day
        ("It should turn east on Thursday before drifting on Friday.", [date(2025, 11, 13), date(2025, 11, 14)]),
        ("Temperatures will be above average for much of the month.", [date(2025, 11, 30)]),
        ("We assume the country will have a cooler November this year.", [date(2025, 11, 30)]),
        ("We expect rising exports to increase demand this winter.", [date(2026, 3, 31)]),
        ("Consumption will fall during the 2025–26 winter heating season (November–March).", [date(2026, 3, 31)]),
        ("Demand will peak next summer.", [date(2026, 9, 30)]),  # summer runs June-September
        ("Degree days will be 7% fewer in 1Q26.", [date(2026, 3, 31)]),
        ("We expect production will fall to 125 MMst in 4Q25.", [date(2025, 12, 31)]),
        ("We expect inventories to end the year at 107 MMst.", [date(2025, 12, 31)]),
        ("We expect 2026 total production to fall by 3%.", [date(2026, 12, 31)]),
        ("Growth will be slow over the next 12 to 18 months.", [date(2027, 5, 12)]),  # the later end
        ("Growth will be slow over the next twelve to eighteen months.", [date(2027, 5, 12)]),
        ("Formation chance through 48 hours...low...20 percent.", [date(2025, 11, 14)]),
        ("Formation chance through 7 days...low...30 percent.", [date(2025, 11, 19)]),
        ("There should be a brief period in about a day or so when shear relaxes.", [date(2025, 11, 13)]),
        ("Prices will fall in the first half of next year.", [date(2026, 6, 30)]),
    ],
)
def test_phrases_of_the_day_week_season_and_quarter(sentence: str, expected: list[date]) -> None:
    assert _dates(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Our forecast is 15 MMst higher than in the October STEO.",  # a report of a month past, said in November
        "The IMF Thursday released a forecast that growth will slow.",  # when it was said
        "Demand was lower last winter, and prices will rise.",
        "The fall in prices will continue.",  # "fall" the noun, not autumn
    ],
)
def test_past_reports_and_nouns_are_not_deadlines(sentence: str) -> None:
    assert _dates(sentence) == []


def test_quarters_and_wrapped_parts_of_a_year_in_1996() -> None:
    base = date(1996, 9, 24)
    # the third quarter of 1996 plus two quarters: the first quarter of 1997
    assert _dates("Growth seems likely to remain strong for another quarter or two.", base) == [date(1997, 3, 31)]
    assert _dates("Demand will slow late this year or early\nin 1997.", base) == [date(1996, 12, 31), date(1997, 3, 31)]


def test_a_named_meeting_later_this_year_and_two_and_a_half_years() -> None:
    base = date(2014, 7, 9)
    assert _dates("This final reduction would occur following the October meeting.", base) == [date(2014, 10, 31)]
    assert _dates("They expect activity to expand over the next two and a half years.", base) == [date(2017, 1, 9)]


def test_a_quarter_that_just_ended_is_due_on_the_texts_date_and_flagged() -> None:
    (claim,) = _claims("The staff forecast that growth would slow markedly in the first quarter.", date(2019, 4, 10))
    # its figures come out after the minutes of 10 April; the ledger takes no deadline before the claim's date
    assert claim["deadline"] == "2019-04-10"
    assert any("ended on 2019-03-31, before the text's date" in point for point in claim["needs_review"])
    ClaimCreate.model_validate(claim)


def test_a_vague_horizon_is_flagged_alone_or_with_a_date() -> None:
    (alone,) = _claims("We expect crude oil prices to fall in the coming months.")
    assert alone["deadline"] == "2026-05-12"  # six months after 2025-11-12
    assert any("vague" in point for point in alone["needs_review"])
    (dated,) = _claims("We expect prices to fall in the coming months, and our forecast for 2026 is higher.")
    assert dated["deadline"] == "2026-12-31"
    assert any("vague horizon" in point for point in dated["needs_review"])


def test_an_undated_prediction_gets_the_date_the_text_names_most_often() -> None:
    text = (
        "We expect coal production to fall in 2026. Exports will rise in 2026. Prices fell in 2024.\n\n"
        "We expect production to drop further."
    )  # a paragraph of its own: no date named before it in its paragraph (test_extract_kinds has that case)
    undated = _claims(text)[-1]
    assert undated["quote"] == "We expect production to drop further."
    assert undated["deadline"] == "2026-12-31"  # named twice, against no other future date
    assert undated["extraction"]["deadline_default"] is True
    assert any("names most often" in point for point in undated["needs_review"])


@pytest.mark.parametrize(
    "last",
    [
        "Inflation will ease over the forecast period.",
        # its second half or its end: the period's end too (not the second half of 2025)
        "Inflation will reach the target in the second half of the projection period.",
        "Growth will be subdued towards the end of the projection horizon.",
    ],
)
def test_the_forecast_period_is_the_latest_date_the_text_names(last: str) -> None:
    text = f"Inflation will be 2% in 2025 and in 2025. Prices will rise in 2027. {last}"
    claim = _claims(text)[-1]
    assert (claim["deadline"], claim["extraction"]["deadline_default"]) == ("2027-12-31", False)  # read, not carried


def test_a_weather_products_horizon_is_its_valid_period_or_a_week() -> None:
    spc = "Day 2 Convective Outlook\nNWS Storm Prediction Center\n\nValid 131200Z - 141200Z\n\nHail is possible."
    horizon = text_horizon(spc, base=BASE)
    assert horizon is not None and horizon.on == date(2025, 11, 14)
    plain = text_horizon("Tropical Weather Outlook\nNWS National Hurricane Center\n\nA low may form.", base=BASE)
    assert plain is not None and plain.on == date(2025, 11, 19)  # 7 days
    assert text_horizon("Inflation will fall.", base=BASE) is None  # the caller's default applies


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the US marketing years (USDA): wheat to 31 May, rice to 31 July, corn and soybeans to 31 August,
        # soybean meal and oil to 30 September; a crop year without a crop is the calendar year
        ("The 2025/26 season-average farm price for wheat is lowered to $5.00 per bushel.", date(2026, 5, 31)),
        ("Rice ending stocks for 2025/26 are forecast at 45.0 million cwt.", date(2026, 7, 31)),
        ("Soybean exports in 2025/26 are forecast at 1.6 billion bushels.", date(2026, 8, 31)),
        ("The 2025/26 soybean oil price is forecast at 53 cents per pound.", date(2026, 9, 30)),
        ("Exports for 2025/26 are raised.", date(2026, 12, 31)),
    ],
)
def test_a_crop_year_ends_with_its_marketing_year(sentence: str, expected: date) -> None:
    assert _dates(sentence) == [expected]


def test_a_meeting_month_the_days_ahead_and_a_weekday_possessive() -> None:
    base = date(2025, 8, 28)
    # "at the September meeting", said on 28 August: September of this year
    assert _dates("Markets expect a cut at the September meeting.", base) == [date(2025, 9, 30)]
    # vague: a week for days, six months for months, both flagged by the caller
    (days,) = find_deadlines("The system should move westward during the next few days.", base=base)
    assert (days.on, days.vague) == (date(2025, 9, 4), True)
    (months,) = find_deadlines("Inflation will ease in the months ahead.", base=base)
    assert (months.on, months.vague) == (date(2026, 2, 28), True)  # 28 February: six months on
    assert _dates("Thursday's report will show slower growth.", base) == []  # whose report, said when: unknown


def test_a_year_or_a_months_quarter_just_ended_is_kept_and_flagged() -> None:
    (year,) = find_deadlines("Staff estimated that growth in 2018 would be about 3 percent.", base=date(2019, 1, 30))
    assert (year.on, year.pending) == (date(2019, 1, 30), True)  # the annual figures come after the minutes
    assert _dates("The bank said in 2018 that rates would rise.", date(2019, 1, 30)) == []  # when it was said
    (quarter,) = find_deadlines("GDP is expected to have risen in the June quarter.", base=date(2009, 8, 10))
    assert (quarter.on, quarter.pending) == (date(2009, 8, 10), True)
    assert _dates("Growth will pick up in the March quarter.", date(2009, 8, 10)) == [date(2010, 3, 31)]


@pytest.mark.parametrize(
    ("sentence", "base", "expected"),
    [
        # the fourth quarter, said in February 2014: the one that ended 50 days before (due on the text's date),
        # not December 2014
        ("Growth in the fourth quarter would be solid.", date(2014, 2, 19), date(2014, 2, 19)),
        ("Growth in the fourth quarter of last year would be solid.", date(2014, 2, 19), date(2014, 2, 19)),
        ("Growth will pick up in the fourth quarter.", date(2014, 7, 9), date(2014, 12, 31)),
        ("Inflation should ease by mid-year.", date(2014, 2, 19), date(2014, 6, 30)),
        ("Inflation should ease by mid-year.", date(2014, 7, 9), date(2015, 6, 30)),
        ("Purchases would likely end later in the year.", date(2014, 2, 19), date(2014, 12, 31)),
        ("Rates could rise around the turn of the year.", date(2014, 7, 9), date(2014, 12, 31)),
    ],
)
def test_quarters_without_a_year_mid_year_and_later_in_the_year(sentence: str, base: date, expected: date) -> None:
    assert _dates(sentence, base) == [expected]


def test_a_quarter_without_a_year_long_past_is_the_next_one() -> None:
    # "the first quarter", said in November 2025: the first quarter of 2026 (that of 2025 ended 226 days before)
    assert _dates("Growth would slow markedly in the first quarter.") == [date(2026, 3, 31)]
    # said in April 2019, 10 days after it ended: that quarter, due on the text's date
    assert _dates("Growth would slow markedly in the first quarter.", date(2019, 4, 10)) == [date(2019, 4, 10)]


# --- other genres (issue 20, intake-genres) --------------------------------------------------------------------------


def test_the_date_of_an_earlier_forecast_is_not_the_deadline() -> None:
    sentence = "Output is projected to grow by 1.4% in 2026, revised up from the 1.1% expected in June."
    assert [d.on for d in find_deadlines(sentence, base=date(2025, 9, 11))] == [date(2026, 12, 31)]


def test_an_adjective_in_ed_does_not_make_the_clause_past() -> None:
    sentence = "The spot price rises to $4.10 this winter (November–March) alongside increased heating demand."
    assert [d.on for d in find_deadlines(sentence, base=date(2025, 11, 12))] == [date(2026, 3, 31)]
    # a past verb still does: "prices increased in April" is a report
    assert find_deadlines("Spot prices increased in April.", base=date(2025, 11, 12)) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # years in words, as VOA's Special English writes them
        ("The population could reach nine billion in two thousand fifty.", date(2050, 12, 31)),
        ("Nine countries will account for half the increase by twenty fifty.", date(2050, 12, 31)),
        ("Sales will double by the year two thousand ten.", date(2010, 12, 31)),
        ("Output will keep falling until nineteen ninety-nine.", date(1999, 12, 31)),
        ("Prices will stay high before two thousand and eight.", date(2007, 12, 31)),
        ("By the middle of the century, the population could reach nine billion.", date(2050, 12, 31)),
        # a script's line wrapped inside the year
        ("This will probably happen by two thousand\nthirteen.", date(2013, 12, 31)),
        ("The population will reach nine thousand million by twenty\nfifty.", date(2050, 12, 31)),
    ],
)
def test_a_year_in_words_and_the_middle_of_the_century(sentence: str, expected: date) -> None:
    assert [d.on for d in find_deadlines(sentence, base=date(2005, 3, 6))] == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "Prices will rise to two thousand dollars.",  # an amount
        "The plant will cost two thousand five hundred dollars.",
        "Exports will grow to twenty thousand tons.",
    ],
)
def test_an_amount_in_words_is_not_a_year(sentence: str) -> None:
    assert find_deadlines(sentence, base=date(2005, 3, 6)) == []


def test_a_year_and_a_percentage_after_it_are_not_a_span_of_years() -> None:
    # "79 percent at the end of 2019 and 35 percent in 2007": not "2019 and 35" (2019-2035)
    sentence = (
        "Debt is projected to rise to 98 percent of GDP in 2020, compared with 79 percent at the end of 2019 and "
        "35 percent in 2007."
    )
    assert date(2035, 12, 31) not in [d.on for d in find_deadlines(sentence, base=date(2020, 9, 2))]
    assert [d.on for d in find_deadlines("Sales will grow between 2024 and 26.", base=date(2023, 1, 5))] == [
        date(2026, 12, 31)
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "over the next year" is twelve months from the text's date, like "over the next 12 months" (said 15 Jan 2014)
        ("Growth will speed up a bit over the next year.", [date(2015, 1, 15)]),
        ("Prices will rise during the coming year.", [date(2015, 1, 15)]),
        # without "the", the calendar year
        ("Growth will speed up over next year.", [date(2015, 12, 31)]),
        # "this July" with no preposition: that month of the text's year
        ("The number of people is expected to reach 6.5 billion this July.", [date(2014, 7, 31)]),
        ("Prices will peak this June, analysts said.", [date(2014, 6, 30)]),
    ],
)
def test_the_next_year_and_this_month(sentence: str, expected: list[date]) -> None:
    assert [d.on for d in find_deadlines(sentence, base=date(2014, 1, 15))] == expected


def test_this_may_is_a_modal_not_a_month() -> None:
    assert find_deadlines("This may take a while.", base=date(2014, 1, 15)) == []


# --- British news and central-bank wording (probe of sentences written for the purpose) -----------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a superlative or an "Nth time" looks back over the span after it: no deadline there
        ("Inflation is expected to hit its highest level in 18 months in January.", [date(2026, 1, 31)]),
        ("Prices will fall for the first time in four years, the survey suggests.", []),
        ("Unemployment is forecast to rise to 5%, its highest rate in a decade.", []),
        ("The pound is set for its biggest weekly fall for two years.", []),
        ("The economy is likely to grow at the fastest pace in three years next year.", [date(2026, 12, 31)]),
        ("Wages could rise at the slowest rate in two and a half years.", []),
        # no superlative: still a time ahead (12 November 2025 + 2 years)
        ("Interest rates are expected to fall in two years.", [date(2027, 11, 12)]),
        ("The interest bill will double in two years.", [date(2027, 11, 12)]),
        # a perfect with a participle not in -ed or -en ("has cut", "has held", "have kept") makes its clause past
        ("The Bank has cut rates for the second time this year, but warned that prices could rise.", []),
        ("The firm has kept prices flat this year but expects to raise them next year.", [date(2026, 12, 31)]),
        ("Lenders have held rates for two months, and they will cut them in December.", [date(2025, 12, 31)]),
        # a future clause keeps its date
        ("The Bank is expected to cut rates for the third time this year.", [date(2025, 12, 31)]),
        # "from April" is when a change starts: that month's end (the next April after November 2025); a day, that day
        ("The energy price cap will rise from April, Ofgem said.", [date(2026, 4, 30)]),
        ("Households will pay £100 more a year from next April.", [date(2026, 4, 30)]),
        ("The new rules will come into force from 1 April.", [date(2026, 4, 1)]),
        ("Bills are expected to rise from April 2026.", [date(2026, 4, 30)]),
        ("The petrol car ban will apply from 2030.", [date(2030, 12, 31)]),
        ("Bills will rise next April.", [date(2026, 4, 30)]),
        ("Prices will be higher next November.", [date(2026, 11, 30)]),  # said in November: a year on
        # figures of a month, or a comparison with it, are no start
        ("Data from April suggests inflation will ease.", []),
        ("Inflation is expected to fall, down from April's 3.5%.", []),
        ("Inflation is expected to fall to 3%, down from 3.8% in April 2025.", []),
        ("Prices have risen 5% from April.", []),
        # "as soon as December", "as early as February": the earliest month named
        ("Economists think a cut could come as soon as December.", [date(2025, 12, 31)]),
        ("A rate rise could come as early as February.", [date(2026, 2, 28)]),
        # "over 2026": the year a forecast runs through
        ("The central bank expects growth to average 1.5% over 2026.", [date(2026, 12, 31)]),
        # fiscal years: in Japan, fiscal 2026 runs from April 2026 to March 2027; the US federal one ends in September
        ("Japan's economy is likely to grow above potential in fiscal 2026 and 2027.", [date(2028, 3, 31)]),
        ("The CPI is projected at 2.0% for fiscal years 2026 and 2027, the Bank of Japan said.", [date(2028, 3, 31)]),
        ("The CBO expects the deficit to shrink in fiscal 2026 and 2027.", [date(2027, 9, 30)]),
        (
            "In Japan, inflation is likely to be 2.7 percent in fiscal 2025 and 30 percent of firms will act.",
            [date(2026, 3, 31)],
        ),  # "and 30 percent" is an amount, not fiscal 2030
        ("In Japan, prices are expected to rise faster in the first half of fiscal 2026.", [date(2026, 9, 30)]),
        (
            "The Bank of Japan expects the output gap to turn positive in the second half of fiscal 2025.",
            [date(2026, 3, 31)],
        ),
        # "2026-27" in a text whose fiscal years end in March (pounds, Canada): its fiscal year, not the calendar 2027
        ("Borrowing is forecast to fall to £70bn in 2026-27.", [date(2027, 3, 31)]),
        ("The OBR expects debt to peak at £3tn by 2029-30.", [date(2030, 3, 31)]),
        ("The Canadian deficit is expected to narrow to $50 billion in 2026-27.", [date(2027, 3, 31)]),
        ("Ticket sales in Britain will rise in the 2025-26 season.", [date(2026, 12, 31)]),  # a season
        ("The US deficit will be $1.9 trillion in 2026-27.", [date(2027, 12, 31)]),  # a US text: as before
        # a commodity's year in a text that names Japan among trading partners: a marketing year, as before (no crop
        # named: the calendar year of its end)
        ("Japan will buy more; world production is projected at 410 million tons in 2026/27.", [date(2027, 12, 31)]),
        # parts of a year: early next year is its first quarter (also "in the new year", said in November)
        ("Mortgage rates are expected to fall in the new year.", [date(2026, 3, 31)]),
        (
            "A cut is expected next month, followed by another early in the new year.",
            [
                date(2025, 12, 31),
                date(2026, 3, 31),
            ],
        ),
        ("Growth is likely to remain weak in the early part of next year.", [date(2026, 3, 31)]),
        ("Growth should pick up in the latter part of next year.", [date(2026, 12, 31)]),
        ("Inflation should fall back to target by the middle of the year.", [date(2026, 6, 30)]),  # the next 30 June
        # a half of a period that is not a year is no half of 2025
        ("Underlying inflation is likely to reach the target in the second half of the projection period.", []),
        ("Growth will be slower in the first half of the decade.", []),
        # Christmas: the next 25 December; "next Christmas" said in November is a year on; the run-up ends the day
        # before, the Christmas period with the year
        ("Retailers expect sales this Christmas to be weaker than last year.", [date(2025, 12, 25)]),
        ("Prices will rise next Christmas.", [date(2026, 12, 25)]),
        ("Shoppers are expected to spend £1bn in the run-up to Christmas.", [date(2025, 12, 24)]),
        ("Spending is expected to fall over the Christmas period.", [date(2025, 12, 31)]),
        ("Sales last Christmas were weak but will recover.", []),
        # "a couple of months" is two; "within weeks", "in a few months", "in a matter of days" are vague (a month, six
        # months, a week: ``VAGUE_HORIZONS``), not when counted from an event ("within weeks of the vote")
        ("Rates will fall in a couple of months.", [date(2026, 1, 12)]),
        ("Unemployment is likely to rise within months.", [date(2026, 5, 12)]),
        ("The company expects to complete the deal within weeks.", [date(2025, 12, 12)]),
        ("Prices should stabilise in a few months.", [date(2026, 5, 12)]),
        ("The plant will reopen in a matter of days.", [date(2025, 11, 19)]),
        ("Food inflation is set to fall to its lowest in a couple of years.", []),  # looked back over
        ("Within weeks of the vote, prices will rise.", []),
        # "the three months to December": those months' end, the next December; one ended at most 45 days before
        # (September, 43 days before 12 November) is still to be reported: due on the text's date
        ("The economy is expected to grow by 0.2% in the three months to December.", [date(2025, 12, 31)]),
        ("Unemployment is expected to have risen to 5% in the three months to September.", [date(2025, 11, 12)]),
        ("Inflation is expected to average 3.5% in the year to March.", [date(2026, 3, 31)]),
        # a report named by a month of the last five is out ("its August report", said in November); one further
        # back is the next ("its February report": February 2026)
        ("In its August report, the Bank forecast that inflation would peak at 4% in September.", [date(2025, 11, 12)]),
        ("Inflation will stay above target, the Bank said in its October Monetary Policy Report.", []),
        ("The Bank will publish new forecasts in its February report.", [date(2026, 2, 28)]),
        ("The Bank will publish new forecasts in February.", [date(2026, 2, 28)]),
        # the figure a forecast is compared with dates nothing
        (
            "Unemployment will rise to 5.1% by the end of the year, from 4.8% in the three months to August.",
            [date(2025, 12, 31)],
        ),
    ],
)
def test_british_news_and_central_bank_time_phrases(sentence: str, expected: list[date]) -> None:
    # said on Wednesday 12 November 2025; a text about Japan, the UK or Canada has fiscal years ending in March
    assert [d.on for d in find_deadlines(sentence, base=BASE, fiscal=fiscal_year_end(sentence))] == expected


def test_a_date_in_the_past_clause_of_a_warning_leaves_the_forecast_undated() -> None:
    (claim,) = _claims(
        "The Bank of England has cut interest rates for the second time this year, but warned that higher energy "
        "costs could keep inflation higher."
    )
    # no date of its own: the default horizon, the end of the second calendar year after 2025
    assert (claim["deadline"], claim["extraction"]["deadline_default"]) == ("2027-12-31", True)
