"""Forecasts told in the past tense of an account or a testimony, by KIND (issue 20: held-out recall).

Central-bank accounts, minutes and testimony report the latest projections in the past tense, as revisions to a new
figure, as central tendencies and ranges, as outlooks described by their content and as risks stated as what could
happen. Every sentence here was written for this file (none is copied from the labelled set); whether each one
predicts is read by hand from the labelling guide (tests/predictions/extract_dev/README.md).
"""

from __future__ import annotations

from datetime import date

import pytest

from predictions.extract import extract_candidates

TOLD_ON = date(2026, 7, 15)


def _one(sentence: str) -> bool:
    """Whether the sentence is one candidate (the rules' cue, not the sentence classifier's score)."""
    found = extract_candidates(sentence, published_on=TOLD_ON)
    return len(found) == 1 and found[0].confidence is not None


@pytest.mark.parametrize(
    "sentence",
    [
        # the guide: "a revision stated with its new level counts", in any tense and with any revision verb
        "Projected growth for 2027 had been revised up by 0.3 percentage points, to 1.4%, in the June projections.",
        "The central tendency for the jobless rate in the fourth quarter of 2026 was marked up to a range of 5-1/4 "
        "percent to 5-1/2 percent.",
        "Policymakers marked down their projections for headline inflation in 2026 to a central tendency of 1-1/2 "
        "percent to 2 percent.",
        "The projections for core inflation were also marked up, to a central tendency bracketing 2-1/2 percent.",
        "The staff forecast for real GDP growth next year has been lowered to 1.2 percent.",
    ],
)
def test_a_projection_revised_in_the_past_tense_to_a_new_level_is_a_forecast(sentence: str) -> None:
    assert _one(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The projection for real GDP growth in 2026 was revised down a little.",  # no level: the guide's negative
        "Participants marked down their projections for growth relative to those they had prepared in March.",
        "GDP growth in the first quarter was revised up to 3.1 percent.",  # data revised, no forecast
        "The forecast for 2024 was revised up to 2.5 percent.",  # a period over by the text's date
    ],
)
def test_revisions_without_a_level_data_revisions_and_periods_over_stay_out(sentence: str) -> None:
    assert extract_candidates(sentence, published_on=TOLD_ON) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # a revision whose content follows in a "with" clause: the clause is the forecast
        "The staff's projections for activity in 2027 were revised up, with real GDP expected to increase moderately "
        "next year.",
        "The forecast for inflation was revised down, with core prices now projected to rise 2 percent in 2027.",
        "Projections of business investment were marked down, with spending on equipment anticipated to contract later "
        "this year.",
    ],
)
def test_a_revision_with_its_content_in_a_with_clause_is_a_forecast(sentence: str) -> None:
    assert _one(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The staff's projections for activity in 2027 were revised up, with the largest change in housing.",
        "The forecast for inflation was revised down, with energy prices the main reason.",
    ],
)
def test_a_revision_whose_with_clause_gives_no_forecast_stays_out(sentence: str) -> None:
    assert extract_candidates(sentence, published_on=TOLD_ON) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # the central tendency or the range of a round of projections, with its figures: what the participants project
        "The central tendency of participants' projections for real GDP growth in 2027 is 1-3/4 percent to 2 percent.",
        "The central tendency for the unemployment rate at the end of 2026 was 4-1/2 percent to 4-3/4 percent.",
        "The central tendency of the projections for real GDP implies growth of 1 to 1-1/2 percent over the four "
        "quarters of 2027.",
        "The range of participants' projections for core inflation in 2027 runs from 2.1 to 2.6 percent.",
    ],
)
def test_a_central_tendency_or_a_range_of_projections_with_its_figures_is_a_forecast(sentence: str) -> None:
    assert _one(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The central tendency excludes the three highest and three lowest projections for each variable.",  # a method
        "The central tendency for growth in 2024 was 2 percent to 2-1/4 percent.",  # a period over by the text's date
        "The range of estimates in the survey was wide.",  # no projections' figures
    ],
)
def test_a_central_tendency_without_figures_or_of_a_period_over_stays_out(sentence: str) -> None:
    assert extract_candidates(sentence, published_on=TOLD_ON) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # the guide: an outlook or prospect described by its content counts, like "remains quite positive"; accounts
        # and minutes tell it in the past tense
        "However, the outlook for euro area exports remained weak in the near term, given soft foreign demand.",
        "The prospects for business investment stayed favourable, supported by high profits.",
        "Further out, prospects remain bright.",
        "The outlook for housing looked gloomy for the rest of the year.",
        "Her upbeat outlook for consumer spending remains essentially unchanged since the spring.",  # content, kept
        "The prospects for exports remained favorable, helped by the trade agreement signed in 2024.",  # a cause's year
    ],
)
def test_an_outlook_described_by_its_content_is_a_forecast_in_any_tense(sentence: str) -> None:
    assert _one(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The outlook for inflation remained uncertain.",  # uncertainty, no claim (the guide)
        "The outlook was broadly unchanged.",  # unchanged with no content (the guide)
        "Members' views on the growth outlook were positive.",  # views on the outlook: a sentiment
        "The news about the foreign outlook was generally good.",
        "The outlook for 2024 was gloomy.",  # a period over by the text's date
    ],
)
def test_uncertain_unchanged_and_sentiments_about_an_outlook_stay_out(sentence: str) -> None:
    assert extract_candidates(sentence, published_on=TOLD_ON) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # the guide: possibilities stated as clauses of what could happen (an effect larger than expected) count as
        # risk scenarios, like "could increase more than expected"
        "There could also be a further drag on exports if global demand weakened more sharply than expected.",
        "There might be a sharper slowdown in hiring if credit conditions tightened further.",
        "One risk stems from the housing slump, which could adversely affect consumer spending to a greater degree "
        "than currently expected.",
        "Weaker foreign demand could negatively affect manufacturing output.",
    ],
)
def test_a_risk_stated_as_what_could_happen_is_a_forecast(sentence: str) -> None:
    assert _one(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "There could be an error in the survey data.",  # "could be" about the present
        "There may be a reason for the weakness in spending.",
        "How these investments work out may affect the economy's capacity.",  # an effect with no direction
    ],
)
def test_its_look_alikes_without_an_outcome_stay_out(sentence: str) -> None:
    assert extract_candidates(sentence, published_on=TOLD_ON) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # indicators read in the past tense as pointing to an outcome ahead (the present tense is already a cue)
        "Business surveys had improved but still pointed to falling output in the near future.",
        "Order books pointed to a pickup in manufacturing in the coming months.",
    ],
)
def test_indicators_that_pointed_to_an_outcome_ahead_are_a_forecast(sentence: str) -> None:
    assert _one(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Participants pointed to a number of factors that could shape short-term yields.",  # reasons named
        "Near-term indicators pointed to continued caution by firms.",  # the time is the indicators', not ahead
        "Business surveys pointed to weak hiring in the third quarter.",  # data already in
    ],
)
def test_what_indicators_pointed_to_without_a_time_ahead_stays_out(sentence: str) -> None:
    assert extract_candidates(sentence, published_on=TOLD_ON) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # the guide (forty-second batch): survey or leading indicators said to point to or signal a state "ahead"
        # count, "ahead" closing what they point to; and indicators that signal an upturn not yet come
        "Business surveys pointed to slower hiring ahead.",
        "Export orders continued to signal softer manufacturing output ahead.",
        "Sentiment indicators suggested weaker consumption ahead.",
        "Retail sales had picked up and surveys continued to signal a modest recovery.",
    ],
)
def test_indicators_that_signal_a_state_ahead_or_an_upturn_are_a_forecast(sentence: str) -> None:
    assert _one(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Participants pointed to the challenges ahead.",  # a speaker's list, no indicator
        "Surveys pointed to the need to press ahead with reforms.",  # a need, and "press ahead" is an act
        "Activity indicators signalled a rebound in the second quarter of 2025.",  # a period over by the text's date
        "The index helps signal turning points in the business cycle.",  # what an indicator does in general
    ],
)
def test_look_alikes_of_indicators_ahead_stay_out(sentence: str) -> None:
    assert extract_candidates(sentence, published_on=TOLD_ON) == []


@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        # a change of state stated as what could happen, in a short verb ("go from ... to", "go into"): spoken news
        ("You could go from a mild shortage to a real crisis with empty reservoirs.", True),
        ("Several regions could go into recession.", True),
        ("Readers could go to the website for details.", False),  # a place to go, not an outcome
    ],
)
def test_a_change_of_state_with_go_is_an_event(sentence: str, predicts: bool) -> None:
    assert _one(sentence) is predicts


@pytest.mark.parametrize(
    "sentence",
    [
        # markets' pricing told in an account's past tense, with what it implied for a time ahead (the guide: a futures
        # curve said to extend a decline until a named year, inflation compensation said to imply a return to a level)
        "Oil prices had fallen since the last meeting and the futures curve extended this decline until 2028.",
        "Market-based measures of inflation compensation implied a return to 2% around mid-2027.",
        "Forward rates signalled a rise in policy rates by the end of 2027.",
    ],
)
def test_market_pricing_told_in_the_past_with_a_time_ahead_is_a_forecast(sentence: str) -> None:
    assert _one(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Market-based measures of inflation compensation had declined since the last meeting.",  # a reading
        "The futures curve extended its decline in 2025.",  # a period over by the text's date
    ],
)
def test_market_pricing_without_a_time_ahead_stays_out(sentence: str) -> None:
    assert extract_candidates(sentence, published_on=TOLD_ON) == []


def test_an_outlook_for_a_sector_said_to_be_for_a_change_is_a_forecast() -> None:
    # the outlook described by its content, however long the sector's name
    assert _one("Overall, the outlook for the housing sector in the euro area was for a cooling-down.")


def test_an_outlook_for_a_crop_against_last_month_is_a_summary_of_revisions() -> None:
    sentence = "The outlook for U.S. 2026/27 feed grains is for smaller supplies, use and stocks than last month."
    assert extract_candidates(sentence, published_on=TOLD_ON) == []
