"""Candidate claims from articles: each step on sentences whose answer was worked out by hand, then the seed.

Sentence-level recall and precision are not measured here: the texts under ``articles/`` were written by the
project itself, so figures on them would be in-sample. The labelled development set of real public-domain texts
(tests/predictions/extract_dev/, benchmarks/extract_eval.py) measures them, on a held-out half.
"""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from predictions.extract import (
    Candidate,
    extract_candidates,
    find_deadline,
    find_quantities,
    find_threshold,
    governing_cue,
    stated_confidence,
)
from predictions.ledger.schemas import ClaimCreate
from predictions.seed.seed import CLAIMS, INDICATORS, article_text

ARTICLES = Path(__file__).parent / "articles"
BASE = date(2025, 1, 15)


def _one(text: str, **kwargs: Any) -> dict[str, Any]:
    kwargs.setdefault("published_on", BASE)
    (candidate,) = extract_candidates(text, **kwargs)
    return candidate.to_claim()


# --- deadlines ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("by 2026", date(2026, 12, 31)),
        ("by the start of 2026", date(2026, 1, 1)),  # issue 18: was 2026-12-31
        ("before Q3 2025", date(2025, 6, 30)),  # issue 18: was 2025-09-30
        ("before March 2026", date(2026, 2, 28)),  # issue 18: was 2026-03-31
        ("by March 2026", date(2026, 3, 31)),
        ("before 3 March 2026", date(2026, 3, 2)),
        ("before 2030", date(2029, 12, 31)),
        ("before the end of 2026", date(2026, 12, 31)),
        ("by Q3 2025", date(2025, 9, 30)),
        ("by the end of the third quarter of 2025", date(2025, 9, 30)),
        ("by mid-2027", date(2027, 6, 30)),
        ("no later than H1 2026", date(2026, 6, 30)),
        ("in the second half of 2025", date(2025, 12, 31)),
        ("through fiscal 2027", date(2027, 9, 30)),  # the US federal fiscal year ends on 30 September
        ("next year", date(2026, 12, 31)),
        ("later this year", date(2025, 12, 31)),
        ("by the end of the decade", date(2029, 12, 31)),
        ("in three years", date(2028, 1, 15)),
        ("within 18 months", date(2026, 7, 15)),
        ("within eighteen months", date(2026, 7, 15)),
        ("over the next two years", date(2027, 1, 15)),
        ("during the next 6 months", date(2025, 7, 15)),
        ("ahead of the 3 March summit", date(2025, 3, 2)),  # the next 3 March after 2025-01-15, the day before
        ("between 2025 and 2030", date(2030, 12, 31)),
        ("in the second quarter", date(2025, 6, 30)),
        ("in the first half of next year", date(2026, 6, 30)),
        ("early next year", date(2026, 3, 31)),
        ("late this year", date(2025, 12, 31)),
        ("by the end of March", date(2025, 3, 31)),  # the next March after 2025-01-15
        ("before March", date(2025, 2, 28)),
        ("next week", date(2025, 1, 26)),  # 2025-01-15 is a Wednesday; the week ends on Sunday 26 January
        ("on Monday", date(2025, 1, 20)),
        ("on 15 March", date(2025, 3, 15)),
    ],
)
def test_deadline_phrases_resolve_against_the_publication_date(words: str, expected: date) -> None:
    found = find_deadline(f"It will happen {words}.", base=BASE)
    assert found is not None and found.on == expected


def test_a_fiscal_year_in_a_text_about_japan_ends_in_march() -> None:
    text = "Japan's economic growth is likely to accelerate, with the output gap turning positive in fiscal 2006."
    (claim,) = [c.to_claim() for c in extract_candidates(text, published_on=date(2005, 4, 28))]
    assert claim["deadline"] == "2007-03-31"  # fiscal 2006 runs from April 2006 to March 2007 in Japan
    us = find_deadline("Outlays will rise through fiscal 2027.", base=BASE)
    assert us is not None and us.on == date(2027, 9, 30)


@pytest.mark.parametrize(
    "text",
    [
        "The deficit is on course to hit £100bn this financial year.",  # pounds sterling
        "Borrowing is on course to reach 90 billion this financial year.",  # the British term
        "The OBR expects borrowing to fall this fiscal year.",  # a British body named
    ],
)
def test_a_british_fiscal_year_ends_in_march(text: str) -> None:
    # published on 7 November 2024: the UK's year that runs April 2024 to March 2025
    (candidate,) = extract_candidates(text, published_on=date(2024, 11, 7))
    assert candidate.deadline == date(2025, 3, 31)


def test_the_year_of_phrase_is_a_deadline() -> None:
    found = find_deadline("2027 will be the year of the humanoid robot.", base=BASE)
    assert found is not None and found.on == date(2027, 12, 31)


@pytest.mark.parametrize(
    "sentence",
    [
        "Earlier this month the minister said prices will rise.",
        "Last year the bank said prices will rise.",
        "Prices will rise, the bank said on Tuesday.",
        "Oil prices fell on Monday after Opec said output would rise.",
        "The bank said on Tuesday that prices will rise.",
        "Prices will rise, the bank said in 2022.",  # a past year read with "in" is a reference, not a deadline
    ],
)
def test_the_time_of_the_utterance_is_not_a_deadline(sentence: str) -> None:
    assert find_deadline(sentence, base=BASE) is None


def test_relative_phrases_need_a_base_date() -> None:
    assert find_deadline("It will happen next year.", base=None) is None


def test_a_deadline_before_the_texts_date_is_flagged_and_replaced_by_the_default() -> None:
    claim = _one("Sales at the new plant will double by 2023.")  # (a company's plan to open one is no prediction)
    assert claim["deadline"] == "2027-12-31"  # 2025 + 2
    assert any("before the text's date" in point for point in claim["needs_review"])


def test_no_date_gives_the_default_horizon_flagged_for_review() -> None:
    claim = _one("Inflation will fall sharply.")
    assert claim["deadline"] == "2027-12-31"  # the end of the second calendar year after 2025-01-15
    assert claim["extraction"]["deadline_default"] is True
    assert any("default horizon" in point for point in claim["needs_review"])
    assert claim["statement"] == "Inflation will fall sharply by the end of 2027."


def test_a_long_run_goal_gets_the_long_default_horizon() -> None:
    claim = _one("Eventually the city will run entirely on renewable power.")
    assert claim["deadline"] == "2031-12-31"  # 2025 + 6


# --- numbers and rules -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "value", "unit"),
    [
        ("a deficit of 3.5 bn euros", 3.5e9, "EUR"),  # quantulum3 read "bn euros" as bits times newtons
        ("sales of $21bn", 21e9, "USD"),
        ("£3.2 billion", 3.2e9, "GBP"),
        ("one in four adults", 25.0, "%"),
        ("half of all music", 50.0, "%"),
        ("rates up 0.25 percentage points", 0.25, "pp"),
        ("a rise of 50 basis points", 50.0, "bp"),
        ("capture over 70% of the market", 70.0, "%"),
    ],
)
def test_quantities_and_units(words: str, value: float, unit: str) -> None:
    (quantity,) = find_quantities(words)
    assert (quantity.value, quantity.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    "words",
    [
        "people aged 65 and over",
        "the retirement age of 67",
        "65-year-olds",
        "on 3 March",
        "the M2-M1 spread and COVID-19 and 5G",
        "in 2026",
        "the 2024-25 season",
        "in three years",
    ],
)
def test_ages_dates_durations_and_names_are_not_quantities(words: str) -> None:
    assert find_quantities(words) == []


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("capture over 70% of the market", (">", 70.0)),
        ("at least one case", (">=", 1.0)),
        ("will not exceed 3.5%", ("<=", 3.5)),
        ("will not fall below 2%", (">=", 2.0)),
        ("fewer than 10 plants", ("<", 10.0)),
        ("at most five firms", ("<=", 5.0)),
        ("to 2% or lower", ("<=", 2.0)),
        ("revenue will grow to $21bn", (">=", 19.95)),  # a level reached: the band 21 billion USD +-5% (issue 20)
        ("at or below 2 percent", ("<=", 2.0)),
        ("well below the Committee's 2 percent objective", ("<", 2.0)),
        ("inflation is likely to overshoot 2 percent", (">", 2.0)),
    ],
)
def test_comparison_words(words: str, expected: tuple[str, float]) -> None:
    found = find_threshold(words)
    assert found is not None and (found.op, found.value) == (expected[0], pytest.approx(expected[1]))


def test_a_rate_moving_to_a_level_is_a_band_around_it() -> None:
    found = find_threshold("inflation will ease to 2.5%")
    # one decimal written: a quarter of a point either side
    assert found is not None and (found.op, found.value, found.high, found.point) == (">=", 2.25, 2.75, True)


@pytest.mark.parametrize(
    ("words", "band", "unit"),
    [
        ("output growth in the 2 to 2-1/2 percent range", (2.0, 2.5), "%"),
        ("an acceleration of 1/4 to 1/2 percentage point in 1997", (0.25, 0.5), "pp"),
    ],
)
def test_a_range_of_rates_is_a_band(words: str, band: tuple[float, float], unit: str) -> None:
    found = find_threshold(words)
    assert found is not None and (found.op, found.value, found.high, found.unit) == (">=", *band, unit)


def test_an_age_cut_off_is_not_the_threshold() -> None:
    claim = _one("The government will raise the pension for people aged over 65 to £250 a week by 2026.")
    rule = claim["proposed_rule"]
    # "to £250 a week" is a level reached: the band 250 +-5% (237.5 to 262.5), not the age
    assert (rule["op"], rule["threshold"], rule["high"], rule["unit"]) == (">=", 237.5, 262.5, "GBP")


def test_a_point_forecast_gets_a_band_flagged_for_review() -> None:
    claim = _one("The IMF forecasts growth of 3.6% in 2004.", published_on=date(2003, 9, 1))
    rule = claim["proposed_rule"]
    # 3.6% is a rate written with one decimal: the band is +-0.25 points, for the year the text names.
    assert (rule["op"], rule["threshold"], rule["high"], rule["unit"]) == (">=", 3.35, 3.85, "%")
    assert (rule["metric"], rule["window_start"], rule["window_end"]) == ("growth", "2004", "2004")
    assert claim["deadline"] == "2004-12-31"
    assert any("point forecast" in point for point in claim["needs_review"])


def test_a_named_forecasters_forecast_is_a_prediction_with_its_metric() -> None:
    claim = _one("The IMF's forecast of 4.3% growth in 2005 is unchanged.", published_on=date(2005, 1, 20))
    rule = claim["proposed_rule"]
    assert (claim["stated_confidence"], rule["metric"], rule["threshold"], rule["high"]) == (
        "IMF's forecast of",
        "growth",
        4.05,  # 4.3 written with one decimal: +-0.25
        4.55,
    )
    assert claim["deadline"] == "2005-12-31"


def test_a_level_reached_in_n_years_gets_a_band_and_its_deadline() -> None:
    claim = _one("The company said revenue would rise to $21bn in three years.")
    rule = claim["proposed_rule"]
    # a point forecast of an amount (the labelling guide's "about"), in the sentence's own scale as the guide writes
    # it ("trillion USD"): 21 billion USD +-5%, flagged for review
    assert (rule["op"], rule["unit"]) == (">=", "billion USD")
    assert (rule["threshold"], rule["high"]) == pytest.approx((19.95, 22.05))
    assert claim["deadline"] == "2028-01-15"
    assert any("point forecast" in point for point in claim["needs_review"])


def test_a_matching_indicator_is_proposed() -> None:
    catalog = [
        {"key": "uk_cpi_yoy", "name": "UK consumer price inflation", "aliases": ["CPI inflation"]},
        {"key": "uk_unemployment", "name": "UK unemployment rate"},
    ]
    claim = _one("UK consumer price inflation will fall below 2% by 2026.", indicators=catalog)
    assert claim["proposed_rule"]["indicator"] == "uk_cpi_yoy"
    unmatched = _one("Tourist arrivals will exceed 5 million by 2026.", indicators=catalog)
    assert unmatched["proposed_rule"]["indicator"] is None


# --- which sentences predict, and with what confidence ----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "words", "probability"),
    [
        ("The bank said growth would slow to 1% next year.", "would", 0.9),  # reported speech
        ("Output is projected to rise by 2% in 2026.", "is projected to", 0.75),
        ("The project is estimated to cost $3bn by 2027.", "is estimated to", 0.75),
        ("Oil prices look set to climb further next year.", "look set to", 0.9),
        ("The plant is due to open in 2026.", "is due to", 0.9),
        ("The IMF forecasts growth of 3.6% in 2004.", "forecasts", 0.75),
        ("Inflation should ease over time.", "should", 0.65),  # should, no date
        ("Rates could rise again.", "could", 0.4),  # could, no date
        # the modal of the predicted clause decides, not the reporting verb before it
        ("Analysts predict that prices could fall next year.", "could", 0.4),
        ("Officials expect that growth will probably slow.", "will probably", 0.7),
        ("Prices will almost certainly rise.", "will almost certainly", 0.93),
        ("Prices are unlikely to rise.", "are unlikely to", 0.25),
    ],
)
def test_predictions_and_their_governing_modal(sentence: str, words: str, probability: float) -> None:
    assert stated_confidence(sentence) == (words, probability)


@pytest.mark.parametrize(
    "sentence",
    [
        "It remains to be seen whether the recovery will last.",  # explicit non-prediction
        "It is too early to say whether rates will fall.",
        "The Committee decided to raise the target range to 5 percent.",  # a past decision
        "The board announced that it would cut the dividend.",  # a reported decision
        "Inflation was higher than expected in March.",
        "Prices rose 3% last year.",
        "Growth would have been stronger without the strike.",  # a modal about the past
        "It would be appropriate to maintain the current stance.",  # a judgement
        "This report will examine the risks to the outlook.",  # text about the text
        "Investors should consider the risks carefully.",  # advice
        "In May the index fell.",  # the month, not the modal
        "Innovation projects receive targeted subsidies.",  # "projects" the noun
        "Political will is lacking.",
        "The aim is to grow sales.",  # a purpose, not an arrangement
        "If you want to buy a house, you will need a deposit.",  # the generic reader
        "The deal was expected to close last year but was delayed.",  # an expectation about the past
        # a speech's plan and what it will ask, not a forecast
        "Tonight I will discuss how we see the economy and how that view is likely to shape our policy.",
        "My main focus today will be on how the rules have changed, and what they are likely to imply for banks.",
        "Our remarks tonight will focus on the housing market.",
        # an institution's own acts and aims
        "As announced, over the next few quarters the Federal Reserve will purchase large amounts of agency debt.",
        "The Federal Reserve will continue to consider ways of using its balance sheet to support credit markets.",
        "The focus of the Committee's policy going forward will be to support the functioning of markets.",
        "Because the limit was reached, the Treasury Department will begin implementing extraordinary measures.",
    ],
)
def test_not_predictions(sentence: str) -> None:
    assert governing_cue(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The staff viewed the risks to the forecast for real GDP growth as roughly balanced.",  # risk balance
        "The staff continued to assume that projected employment gains would manifest in lower unemployment.",
        "The projection for GDP growth was revised down somewhat.",  # a revision without its content
        "A few others questioned whether tight labor markets would have a lasting effect next year.",  # a doubt
        "Those readings may partially reflect the effects of the mild winter weather.",  # present inference
        "Adjustments to the policy rate would depend on incoming data over the coming months.",
        "Prices could be higher.",  # a hedged modal that names no future time
        "I would point out that our directors continue to report healthy conditions.",  # politeness
        "The first concerns consumer demand and specifically when it will pick up.",  # an indirect question
        "The Committee agreed that, beginning in May, it would add $20 billion a month and would reinvest.",
    ],
)
def test_assessments_that_name_no_future_state_are_not_predictions(sentence: str) -> None:
    assert governing_cue(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        # a past verb with a month that reads as next year's: no "present tense with a future date"
        "During August, neutral conditions continued as reflected by near-average sea temperatures across the Pacific.",
        "In August, sea temperatures stayed near-average across most of the Pacific.",
    ],
)
def test_a_past_report_with_a_hyphenated_average_is_not_a_present_tense_forecast(sentence: str) -> None:
    assert extract_candidates(sentence, published_on=date(2019, 9, 12)) == []


@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        # the revision is conceded in the opening clause; the main clause predicts
        (
            "Although the staff had revised down its projection since March, it still expected output to expand next "
            "year.",
            True,
        ),
        (
            "While members marked down their forecasts since the autumn, they anticipated that hiring would pick up "
            "through 2027.",
            True,
        ),
        # the main clause is the revision, or the risk balance: no claim of its own
        ("Although the staff kept its outlook for spending, the projection for exports was revised down.", False),
        ("While hiring slowed in the spring, the risks to the outlook were seen as roughly balanced.", False),
    ],
)
def test_an_assessment_in_an_opening_concessive_clause_does_not_rule_out_the_main_clause(
    sentence: str, predicts: bool
) -> None:
    assert (governing_cue(sentence) is not None) is predicts


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("The unemployment rate was projected to decline further over the next few years.", "was projected to"),
        ("A trade surplus of 40 billion dollars is predicted for 2027.", "is predicted"),  # passive, no "to"
        (
            "Precipitation is slightly favored to be above average in the Southeast this spring.",
            "is slightly favored to",
        ),
        (
            "Most dynamical models continue to favor ENSO-neutral conditions through next spring.",
            "models continue to favor",
        ),
        ("Tonight I will discuss the outlook; I expect growth to slow next year.", "expect"),  # the plan, then one
        ("Most anticipated a gradual decline in the unemployment rate.", "anticipated"),
        ("More layoffs are expected in coming months.", "are expected"),
        ("Crop producers are expecting a sharp boost in income this year.", "expecting"),
        ("Participants viewed inflation near 2 percent as the most likely outcomes.", "likely"),
        ("Trade uncertainty looked likely to persist.", "looked likely to"),
        ("The owners of Yukos are to ask the buyer to pay back a loan.", "are to"),
        ("He said the firm might have to cut 1,000 jobs.", "might"),
        ("Retail sales are seen rising 2% this year.", "are seen"),  # an outcome verb: a hedged prediction
        ("The merger may face opposition from regulators.", "may"),
        ("Oil futures suggested this may continue.", "may"),  # lower-case "may" is the modal, never the month
        (
            "Participants saw the news as consistent with continued growth next year.",
            "saw the news as consistent with continued",
        ),
        ("It would likely be appropriate to continue raising the target range.", "would likely"),  # not a judgement
    ],
)
def test_more_kinds_of_prediction(sentence: str, words: str) -> None:
    cue = governing_cue(sentence)
    assert cue is not None and cue.words == words


def test_a_transcripts_speaker_turn_is_the_author_and_wrapped_lines_join() -> None:
    text = (
        "CHAIRMAN GREENSPAN. President Parry.\n"
        "MR. PARRY. Mr. Chairman, I still expect growth in\n"
        "aggregate demand to slow to a more modest pace late this year.\n"
        "\n--- Page 15 ---\n\n"
        "MS. MINEHAN. We look for real GDP to advance at around\n"
        "the trend rate next year.\n"
    )
    claims = [c.to_claim() for c in extract_candidates(text, published_on=date(1996, 9, 24))]
    assert [(c["author"], c["quote"][:20]) for c in claims] == [
        ("Mr. Parry", "Mr. Chairman, I stil"),
        ("Ms. Minehan", "We look for real GDP"),
    ]
    assert claims[0]["statement"] == "Growth in aggregate demand will slow to a more modest pace late this year."
    assert claims[0]["deadline"] == "1996-12-31"


def test_questions_are_not_candidates() -> None:
    assert extract_candidates("Will rates fall next year?", published_on=BASE) == []


# --- conditions -----------------------------------------------------------------------------------------------------


def test_a_real_if_is_a_condition() -> None:
    claim = _one("If unemployment rises above 5%, the central bank will cut rates by 2026.")
    assert claim["condition"] == "unemployment rises above 5%"
    assert claim["statement"] == "The central bank will cut rates by 2026."  # the condition is its own field


def test_an_inverted_should_is_a_condition_not_the_modal() -> None:
    claim = _one("Should the yen strengthen further, exporters will suffer next year.")
    assert (claim["condition"], claim["stated_confidence"]) == ("the yen strengthen further", "will")
    assert claim["statement"] == "Exporters will suffer next year."


def test_unless_is_a_negated_condition_and_a_month_is_the_next_one() -> None:
    claim = _one("Unless a buyer is found, the plant will close in June.")
    assert claim["condition"] == "it is not the case that a buyer is found"
    assert (claim["statement"], claim["deadline"]) == ("The plant will close in June.", "2025-06-30")


@pytest.mark.parametrize(
    "sentence",
    [
        "If anything, prices will rise faster next year.",
        "If history is any guide, the rally will fade by 2026.",
        "Even if rates fall, house prices will keep rising next year.",
        "Analysts wonder if the rally will last into next year.",
    ],
)
def test_rhetorical_ifs_are_not_conditions(sentence: str) -> None:
    candidates = extract_candidates(sentence, published_on=BASE)
    assert all(c.to_claim()["condition"] is None for c in candidates)


# --- speaker and statement ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "author"),
    [
        ("The economy will grow 2% next year, the Bundesbank said.", "Bundesbank"),
        ("According to Goldman Sachs, oil will reach $100 next year.", "Goldman Sachs"),
        ("Fed Chair Jerome Powell said rates would stay high through 2025.", "Fed Chair Jerome Powell"),
        ("Analyst firm Gartner expects AI spending to double by 2027.", "Gartner"),
        ("We expect inflation to fall below 2% by 2026.", "Text Author"),
        ("Broadband users are set to double by 2027, according to a report by Jupiter Research.", "Jupiter Research"),
        ('"Sales will grow 10% next year," Mr Smith told the BBC.', "Mr Smith"),
        ('"We will double our sales by 2027," said chief executive John Smith.', "John Smith"),
        ("Chief executive John Smith said sales would double by 2027.", "John Smith"),
        ("Economists at Goldman Sachs expect oil to hit $100 next year.", "Economists at Goldman Sachs"),
    ],
)
def test_the_speaker_is_the_author(sentence: str, author: str) -> None:
    claim = _one(sentence, author="Text Author", publisher="The Daily")
    assert claim["author"] == author
    assert claim["extraction"]["source"] == "The Daily"


def test_a_pronoun_speaker_is_the_last_speaker_named() -> None:
    text = "Jerome Powell said the labour market was strong. He added that rates would stay high next year."
    (claim,) = [c.to_claim() for c in extract_candidates(text, published_on=BASE)]
    assert claim["author"] == "Jerome Powell"


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        (
            "Analyst firm Gartner predicts that AI spending will likely double by 2027.",
            "AI spending will double by 2027.",
        ),
        ("The Bundesbank said Germany's economy could shrink next year.", "Germany's economy will shrink next year."),
        ("Nvidia is expected to remain dominant through 2026.", "Nvidia will remain dominant through 2026."),
        ("Analyst firm IDC expects PC shipments to fall 5% in 2026.", "PC shipments will fall 5% in 2026."),
        (
            "Tesla unveiled a new factory in Berlin. It will produce 500,000 cars a year by 2026.",
            "Tesla will produce 500,000 cars a year by 2026.",
        ),
        (
            "Moreover, most participants anticipated that inflation would move up to 2 percent by 2026.",
            "Inflation will move up to 2 percent by 2026.",
        ),
        ("They thought the recovery would gain strength in 2026.", "The recovery will gain strength in 2026."),
        (
            "Some participants said they thought the actions taken in Europe would ease stress in 2026.",
            "The actions taken in Europe will ease stress in 2026.",
        ),
        (
            "With growth anticipated to remain above trend, they anticipated wage inflation to pick up in 2026.",
            "Wage inflation will pick up in 2026.",
        ),
        ("Retail sales are seen rising 2% this year, the association said.", "Retail sales will rise 2% this year."),
        (
            "Microsoft has said it will release the software next year.",
            "Microsoft will release the software next year.",
        ),
        ('"Sales will grow 10% next year," Mr Smith told the BBC.', "Sales will grow 10% next year."),
        (
            "US growth could slow to 3% this year, the Fed chairman warned, adding that inflation was under control.",
            "US growth will slow to 3% this year.",
        ),
        (
            "Yukos' owner Menatep Group says it will ask Rosneft to repay the loan in 2026.",
            "Yukos' owner Menatep Group will ask Rosneft to repay the loan in 2026.",  # "it" after it is the speaker
        ),
        (
            "Earlier this month, the central bank said it would cut rates in 2026.",
            "The central bank will cut rates in 2026.",
        ),
        (
            "The owners of Yukos are to ask Rosneft to pay back a $900m loan by 2026.",
            "The owners of Yukos will ask Rosneft to pay back a $900m loan by 2026.",  # "are to": an arrangement
        ),
    ],
)
def test_statements_are_restated_without_attribution_hedges_or_pronouns(text: str, statement: str) -> None:
    claims = [c.to_claim() for c in extract_candidates(text, published_on=BASE)]
    assert claims[-1]["statement"] == statement


def test_phrases_wrapped_over_lines_are_one_line_in_the_claim() -> None:
    text = "MR. PARRY. I look for real GDP to grow 2 percent\nin the second half\nof this year.\n"
    (claim,) = [c.to_claim() for c in extract_candidates(text, published_on=date(1996, 9, 24))]
    ClaimCreate.model_validate(claim)  # a line field with a line break is refused
    assert claim["extraction"]["deadline_words"] == "in the second half of this year"
    assert claim["deadline"] == "1996-12-31"


def test_review_points_quoting_wrapped_words_are_one_line() -> None:
    (claim,) = [c.to_claim() for c in extract_candidates("Sales will rise\nto $18bn next year.", published_on=BASE)]
    claim["author"] = "A"
    ClaimCreate.model_validate(claim)  # a review point is a line: the wrapped "rise\nto $18bn" was refused
    assert any("'rise to $18bn'" in point for point in claim["needs_review"])


def test_quotes_and_offsets_are_verbatim() -> None:
    for article in sorted(ARTICLES.iterdir()):
        text = article.read_text(encoding="utf-8")
        for candidate in extract_candidates(text, published_on=BASE):
            assert text[candidate.start : candidate.end] == candidate.quote


# --- the seed ---------------------------------------------------------------------------------------------------------


def _seed() -> list[dict[str, Any]]:
    found = extract_candidates(article_text(), published_on=date(2024, 5, 1), author="AINews", indicators=INDICATORS)
    return [c.to_claim() for c in found]


def test_the_seed_predictions_have_the_hand_made_claims_deadlines_rule_and_condition() -> None:
    claims = _seed()
    hand = {c.quote[:30]: c for c in CLAIMS}
    by_quote = {c["quote"][:30]: c for c in claims}
    for start in (
        "By 2026, a dominant domestic A",
        "The 'M2-M1 stability' will fac",
        "We will see the rise of 'Sover",
        "At least one major legal test ",
        "The ultimate success metric wi",
    ):
        assert by_quote[start]["deadline"] == hand[start].deadline.isoformat(), start
        assert by_quote[start]["author"] == "AINews"
    first = by_quote["By 2026, a dominant domestic A"]["proposed_rule"]
    assert (first["op"], first["threshold"], first["indicator"]) == (">", 70.0, "cn_domestic_ai_stack_share")
    assert (first["window_start"], first["window_end"], first["aggregate"]) == ("2026", "2026", "last")
    second = by_quote["The 'M2-M1 stability' will fac"]
    assert second["condition"] == "a global financial downturn begins between 2024-05-01 and 2026-12-31"
    assert second["stated_probability"] == 0.9
    metric = by_quote["The ultimate success metric wi"]["proposed_rule"]
    assert (metric["op"], metric["threshold"]) == (">=", 3.0)  # "3-5 critical domains": at least three
    assert by_quote["We will see the rise of 'Sover"]["statement"].startswith("There will be the rise of")
    assert "The resilience of the 'M2-M1 stability' will prove" in second["statement"]


def test_the_seed_candidates_import_unchanged() -> None:
    for claim in _seed():
        ClaimCreate.model_validate(claim)


# --- bounds -----------------------------------------------------------------------------------------------------------


def cpu_seconds(text: str) -> tuple[float, list[Candidate]]:
    """The CPU one extraction of ``text`` costs in a warm process (as the server's extraction workers are), the
    smaller of two runs: process time still grows with the machine's other load (shared caches, a busy sibling
    core), and the smaller run is the one least disturbed by it. Also what the extraction found."""
    extract_candidates("Growth will slow next year.", published_on=BASE)  # the rules' lazy loading, not the text
    costs = []
    for _ in range(2):
        started = time.process_time()
        found = extract_candidates(text, published_on=BASE)
        costs.append(time.process_time() - started)
    return min(costs), found


def test_a_200_kb_input_costs_what_its_parts_cost() -> None:
    # The 2 s answer is the server's bound (tests/service/test_extract_bounds.py: it reads in parts and stops at its
    # time limit). Here: no blow-up with length (one 109 KB sentence once took 36 s). 200 KB costs about ten times
    # its first 20 KB, both measured in the same conditions, so the ratio holds on a loaded machine where an
    # absolute 2 s of CPU did not (2.3 s in a CI run, 1.3-1.6 s alone).
    text = ((article_text() + "\n\n") * 18)[:200_000]
    assert len(text) == 200_000
    whole, part = cpu_seconds(text)[0], cpu_seconds(text[:20_000])[0]
    # Only the ratio: an absolute cap is the host's speed, not the code's (5 s of CPU held here until a host 2.9
    # times slower took 6.2 s, 2026-12-07); the extraction's speed is a benchmark's figure (intake_cli).
    assert whole < 1.5 * 10 * part


def test_a_109_kb_sentence_is_bounded() -> None:
    # The seed's prose without its full stops: one sentence of 109 KB (one such took 36 s).
    sentence = " ".join(article_text().replace(".", "").split()) + " "
    sentence = (sentence * 12)[:109_000]
    (cost, found), part = cpu_seconds(sentence), cpu_seconds(sentence[:10_900])[0]
    # Linear in length: about 7-8 times its first tenth (a blow-up like the old 36 s is 100 times), measured in the
    # same conditions; an absolute 2 s of CPU did not hold on this shared machine (1.8-2.1 s alone on 2026-12-07,
    # the same at the session's first commit). The server bounds the answer's time (test_extract_bounds.py).
    assert cost < 1.5 * 10 * part  # the ratio only, as above
    assert found and all(len(c.quote) <= 1200 for c in found)


def test_a_run_of_deadlines_with_no_clause_edge_costs_what_its_parts_cost() -> None:
    # "Q4" without a year is a deadline (the nearest fourth quarter), and each one's clause was read to the run's
    # ends: 20 KB of "sales in Q4" (text_horizon reads 20 KB pieces) cost 25 s of CPU, a hundred times their first
    # 2 KB (in November, when the fourth quarter is ahead)
    from predictions.extract.deadlines import find_deadlines

    def cost(text: str) -> float:
        costs = []
        for _ in range(2):
            started = time.process_time()
            find_deadlines(text, base=date(2025, 11, 12))
            costs.append(time.process_time() - started)
        return min(costs)

    run = " ".join(["sales in Q4"] * 2000)[:20_000]
    whole, part = cost(run), cost(run[:2_000])
    # ten times the text costs 11-12 times as much on an idle machine (at 70a76ec and since); the bound leaves room
    # for a loaded one (a CI run measured 15.1) and still catches the hundredfold cost this guards against
    assert whole < 2.5 * 10 * part


def test_importing_the_package_loads_nothing_heavy() -> None:
    code = (
        "import sys, predictions.extract; "
        "print(sorted(m for m in ('quantulum3', 'dateparser', 'sklearn', 'pandas', 'rapidfuzz', 'pysbd', 'sqlmodel') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


_WORDS = [
    "The", "bank", "said", "growth", "will", "would", "could", "may", "is", "expected", "to", "rise", "fall", "above",
    "below", "3.5%", "$21bn", "2 to 2-1/2 percent", "by", "2026", "next", "year", "within", "18", "months", "if",
    "unless", "inflation", "\n", ".", ",", '"', "Q3", "fiscal", "March", "on", "Monday", "it", "we", "according",
    "one in four", "aged", "65", "M2", "earlier", "this", "month", "\n\n", "1.", "-", "?", "Should", "MR. SMITH.",
]  # fmt: skip


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=80))
def test_any_text_gives_candidates_that_import_unchanged(words: list[str]) -> None:
    text = " ".join(words)
    for candidate in extract_candidates(text, published_on=BASE, author="A"):
        assert text[candidate.start : candidate.end] == candidate.quote
        ClaimCreate.model_validate(candidate.to_claim())


def test_output_is_deterministic() -> None:
    assert _seed() == _seed()
