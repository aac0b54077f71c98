"""The general linguistic rules of claim extraction, each on sentences written here by hand (issue 20, tuning).

Every example was written for this file: none is taken from the labelled set's held-out texts. Expected answers
are the reading a careful reader gives the sentence (the labelling guide in tests/predictions/extract_dev/README.md).
"""

from __future__ import annotations

from datetime import date

import pytest

from predictions.extract import extract_candidates, governing_cue
from predictions.extract.units import units

MEETING = date(1996, 5, 21)

# --- transcript noise: page breaks, running heads, wrapped lines, speaker turns --------------------------------------


def test_a_sentence_runs_on_over_a_page_break_and_its_running_head() -> None:
    text = (
        "MR. JORDAN. Retail sales were flat in April, and we\n"
        "expect consumer spending to\n"
        "\n--- Page 12 ---\n\n"
        "5/21/96 -10-\n"
        "pick up in the second half of the year. Thank you.\n"
    )
    sentences = [" ".join(u.text.split()) for u in units(text)]
    assert sentences == [
        "MR. JORDAN.",
        "Retail sales were flat in April, and we expect consumer spending to pick up in the second half of the year.",
        "Thank you.",
    ]
    (candidate,) = extract_candidates(text, published_on=MEETING)
    assert "--- Page 12 ---" in candidate.quote  # the quote stays verbatim, furniture and all
    assert text[candidate.start : candidate.end] == candidate.quote
    assert "Page" not in candidate.statement and "5/21/96" not in candidate.statement
    assert candidate.deadline == date(1996, 12, 31)


def test_a_running_head_with_the_date_alone_is_furniture() -> None:
    text = "Growth in the District has been\n\n--- Page 8 ---\n\n5/21/96\nsteady this spring.\n"
    assert [" ".join(u.text.split()) for u in units(text)] == ["Growth in the District has been steady this spring."]


def test_a_wrapped_line_as_long_as_the_others_is_not_a_heading() -> None:
    lines = [
        "MR. HOLLIS. Mr. Chairman, the available information on the",  # a turn, and as long as the wrapped lines
        "Ninth District economy points to moderate growth in the months",
        "ahead. Farm incomes are recovering after two difficult seasons,",
        "and lenders report that loan demand has firmed a little since the",
        "winter. Turning to the nation, growth in the second quarter of",
        "this year appears to have been strong and broadly based across",
        "sectors, and the labor market has tightened further over spring.",
        "Turning to the outlook, we now anticipate growth in the Twelfth",  # ends in a capitalised word
        "District to slow somewhat in the second half of the year, mostly",
        "because of weaker construction. Thank you, Mr. Chairman.",
    ]
    found = [" ".join(u.text.split()) for u in units("\n".join(lines) + "\n")]
    assert found[1].startswith("Mr. Chairman, the available information on the Ninth District economy")
    assert "Turning to the outlook, we now anticipate growth in the Twelfth District to slow somewhat" in found[-2]


def test_a_line_ending_in_a_function_word_is_not_a_heading() -> None:
    text = "Sales of new homes rose in March and the\nBuilders expect more of the same.\n"
    assert len(units(text)) == 1  # "... and the" cannot end a heading: the line goes on


def test_a_possessive_before_a_full_stop_ends_the_sentence() -> None:
    text = "Our unemployment rate is below the nation's. We expect it to stay there next year."
    assert [u.text for u in units(text)] == [
        "Our unemployment rate is below the nation's.",
        "We expect it to stay there next year.",
    ]


def test_a_two_day_meetings_running_head_is_furniture() -> None:
    text = "We expect the index to\n\n--- Page 23 ---\n\n1/30-31/96 -20-\nrise next year.\n"
    assert [" ".join(u.text.split()) for u in units(text)] == ["We expect the index to rise next year."]


def test_a_running_head_with_the_month_named_and_the_page_of_the_total_is_furniture() -> None:
    # the transcripts released after 2000 head each page "January 26–27, 2010 117 of 260" (a two-day meeting, an en
    # dash) or "September 20, 2005 35 of 117": the sentence runs on over it, and its numbers are not the sentence's
    for head in ("January 26–27, 2010 117 of 260", "April 26-27, 2016 111 of 261", "September 20, 2005 35 of 117"):
        text = (
            "District contacts expressed some concern that momentum from the second half of\n\n--- Page 117 ---\n\n"
            f"{head}\n2009 may not carry over into the first quarter of 2010. Thank you.\n"
        )
        assert [" ".join(u.text.split()) for u in units(text)] == [
            "District contacts expressed some concern that momentum from the second half of 2009 may not carry over "
            "into the first quarter of 2010.",
            "Thank you.",
        ], head


def test_an_abbreviation_closes_a_sentence_before_a_word_that_only_opens_one() -> None:
    text = (
        "Warm weather is likely to persist across much of the U.S. The greatest chance is in the West. "
        "Exports by U.S. Steel rose. Prices are set by Acme Corp. It expects sales to fall next year."
    )
    assert [u.text for u in units(text)] == [
        "Warm weather is likely to persist across much of the U.S.",
        "The greatest chance is in the West.",
        "Exports by U.S. Steel rose.",  # a name follows: the sentence goes on
        "Prices are set by Acme Corp.",
        "It expects sales to fall next year.",
    ]
    assert [u.text for u in units("Mr. The Smith file.")] == ["Mr. The Smith file."]  # a title never closes one


# The guide's forty-eighth batch: an agency's estimate of a future amount told as "estimates X to be" counts, with its
# year (the fiscal year under way or one ahead); a parameter estimated with no year does not.
@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("The agency estimates the first annual payment, in fiscal year 2027, to be about $400 million.", "estimates"),
        ("The board projects the fund's deficit in fiscal year 2028 to reach $1.2 billion.", "projects"),
        ("The study estimates the elasticity to be 0.4.", None),
    ],
)
def test_an_estimate_of_a_future_amount_told_as_estimates_x_to_be(sentence: str, cue: str | None) -> None:
    found = governing_cue(sentence)
    assert (found.words if found else None) == cue
    assert bool(extract_candidates(sentence, published_on=date(2026, 3, 2))) is (cue is not None)


def test_a_bills_or_a_laws_dotted_number_closes_no_sentence() -> None:
    text = (
        "The House passed H.J.Res. 12 in March. H.R. 2210 would direct the Secretary to act. "
        "The rate was cut by P.L. 99-514. It ended in the U.S. The next one did not."
    )
    assert [u.text for u in units(text)] == [
        "The House passed H.J.Res. 12 in March.",
        "H.R. 2210 would direct the Secretary to act.",
        "The rate was cut by P.L. 99-514.",
        "It ended in the U.S.",
        "The next one did not.",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The fundamentals still suggest that we’ll see decent job gains next year.",
        "Inflation won’t come down to 2 percent before 2027.",
        "Growth wouldn’t have slowed without the strike, but it’s likely to pick up next year.",
    ],
)
def test_typographic_apostrophes_read_like_plain_ones(sentence: str) -> None:
    plain = sentence.replace("’", "'")
    (typed,) = extract_candidates(sentence, published_on=MEETING)
    (straight,) = extract_candidates(plain, published_on=MEETING)
    assert typed.confidence == straight.confidence and typed.deadline == straight.deadline
    assert typed.quote == sentence  # verbatim
    assert typed.statement == straight.statement.replace("'", "’")  # the text's own apostrophes


def test_a_list_item_wrapped_over_lines_is_read_by_sentence() -> None:
    text = (
        "Summary\n\n"
        "• Deficits. The agency projects a deficit of $3.3 trillion in 2026, more than triple the shortfall\n"
        "recorded in 2025. That increase is mostly the result of lower revenues.\n"
        "• Debt. Debt will reach 107 percent of GDP in 2027.\n"
        "1. Southwestern Atlantic:\n"
        "Showers are expected to increase this week.\n"
    )
    found = [(" ".join(u.text.split()), u.list_item) for u in units(text)]
    assert (
        "The agency projects a deficit of $3.3 trillion in 2026, more than triple the shortfall recorded in 2025.",
        True,
    ) in found
    assert ("That increase is mostly the result of lower revenues.", True) in found
    assert ("Debt. Debt will reach 107 percent of GDP in 2027.", True) in found  # one line: the item whole
    assert ("Southwestern Atlantic:", True) in found  # an item that closes its line does not run on


def test_a_stage_direction_is_not_part_of_the_statement() -> None:
    text = "That was a joke. [Laughter] Our contacts expect hiring to slow next year."
    (candidate,) = extract_candidates(text, published_on=MEETING)
    assert "Laughter" not in candidate.statement and candidate.quote.startswith("Our contacts")


def test_a_footnote_number_after_the_full_stop_ends_the_sentence() -> None:
    text = (
        "Members saw moderate growth as the most likely outcome.5 Moreover, they expected rates to rise in 2.5 steps."
    )
    assert [u.text for u in units(text)] == [
        "Members saw moderate growth as the most likely outcome.5",
        "Moreover, they expected rates to rise in 2.5 steps.",
    ]


@pytest.mark.parametrize("mark", ["[2]", "[12]", "(3)"])
def test_a_bracketed_footnote_mark_after_the_full_stop_ends_the_sentence(mark: str) -> None:
    text = f"The shock may prove to be a turning point for supply chains.{mark} This will not imply a retreat."
    assert [u.text for u in units(text)] == [
        f"The shock may prove to be a turning point for supply chains.{mark}",
        "This will not imply a retreat.",
    ]


@pytest.mark.parametrize("mark", ["[2]", "(3)", "5"])
def test_a_sentence_closed_by_a_footnote_mark_does_not_run_into_the_next(mark: str) -> None:
    # closed by its full stop, it is no headline: the candidate is the sentence alone
    first = f"The shock may prove to be a turning point for global supply chains over the next decade.{mark}"
    second = "Firms will likely move production closer to home in the coming years."
    found = extract_candidates(f"{first} {second}", published_on=MEETING)
    assert [c.quote for c in found] == [first, second]


def test_a_turn_after_a_stage_direction_changes_the_speaker() -> None:
    text = "Nice work! [Laughter]\nMS. RIVERS. We expect inflation to edge up next year.\n"
    (claim,) = [c.to_claim() for c in extract_candidates(text, published_on=MEETING)]
    assert claim["author"] == "Ms. Rivers"


# --- which sentences predict -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "words", "probability"),
    [
        # an adverb between the copula and the participle
        ("The harvest is now expected to come in well below normal.", "is now expected to", 0.75),
        ("Home sales are widely forecast to fall next year.", "are widely forecast to", 0.75),
        # first person, the progressive, with or without an adverb
        ("We are now forecasting GDP growth of about 2 percent.", "forecasting", 0.75),
        ("I'm expecting a slowdown next quarter.", "expecting", 0.75),
        ("We are looking for growth of around 2 percent next year.", "We are looking for", 0.75),
        # "I would expect": a hedged forecast verb, not a hypothetical "would"
        ("I would expect inflation to rise next year.", "would expect", 0.7),
        # an active "see" with what is seen and a time ahead
        ("We see the economy slowing to its trend rate in the second half of the year.", "see", 0.75),
        ("In the near term, we continue to see growth above its trend.", "see", 0.75),
        ("The bank sees inflation at 3 percent by the end of 2026.", "sees", 0.75),
        ("We don't see growth picking up next year.", "see", 0.75),  # negated, still a forecast: no pickup
        ("We should see some slowing in the second half of the year.", "should", 0.65),  # not advice
        ("Underlying inflation is set on a gradual upward trend.", "set on a gradual upward trend", 0.7),
        ("We're penciling in a rate of 2 percent for next year.", "We're penciling in", 0.75),
        ("I think the odds favor continued growth next year.", "odds favor", 0.7),
        # the outlook stated as a noun phrase; reported speech of the press
        ("The outlook is for moderate growth over the rest of this year.", "outlook is for", 0.75),
        ("Sales are on pace to rise 5 percent this year.", "are on pace to", 0.9),
        ("The economy is heading for a recession next year.", "is heading for", 0.9),
        # "should be <participle>" with a time: a forecast, not advice
        ("The oil price increase should be reversed rather quickly.", "should", 0.65),
        # a data revision yet to come
        ("The early estimates are likely to be revised upward.", "are likely to", 0.7),
        # a hedged outcome measured against a forecast names a future outcome
        ("Growth could easily come in above our forecast.", "could", 0.4),
        # a forecaster's figure for a time ahead
        (
            "The Blue Chip group put CPI inflation at 3 percent through the fourth quarter of 1997.",
            "put",
            0.75,
        ),
        ("The IMF put global growth at 3.2% for 2025.", "put", 0.75),
        ("Market expectations of a 50 basis point cut by midyear are unchanged.", "expectations of", 0.75),
        ("He envisions some very large feed grain price increases in the course of this year.", "envisions", 0.75),
        ("The national economy is still on track for moderate growth.", "on track for", 0.75),
        ("The March payroll figure could easily be revised downward.", "could", 0.4),  # a revision to come
        # what a forecast shows, what a consensus is for, what a forecast remains at
        ("Our forecast shows core CPI rising to close to 3 percent in 1998.", "forecast", 0.75),
        (
            "The consensus of the forecasts was for real GDP growth of about 2 percent in 1997.",
            "forecasts was for",
            0.75,
        ),
        ("The staff's outlook has real GDP expanding at a moderate pace next year.", "outlook", 0.75),
        ("The Greenbook forecast for core CPI inflation remains below 3 percent.", "forecast", 0.75),
        # the gerund after "comfortable in", the speaker's "I would note" masked, not the whole sentence
        ("We are comfortable in anticipating a moderate increase.", "anticipating", 0.75),
        ("I would note that the staff and we are projecting rising core inflation.", "projecting", 0.75),
        ("I would envision the economy growing at its trend rate in 1997.", "would envision", 0.7),
        ("More likely up than down, given the stronger production data.", "More likely up", 0.7),  # an answer
        # "last year" as a comparison, not as when the expected thing was to happen
        ("Inflation this year was expected to run at the same pace as last year.", "was expected to", 0.75),
        # "that they expected" reporting what they expect, not a comparison with it
        (
            "Contacts reported that they expected their operations to return to normal by the end of the year.",
            "expected",
            0.75,
        ),
        ("Economists warned that a recession could follow.", "could", 0.4),
        # agency outlooks: an amount put at a figure, an assessment of what is to come
        ("Corn production is forecast at 15.1 billion bushels, up 10 percent.", "is forecast at", 0.75),
        ("The soybean crop is projected at 4.4 billion bushels.", "is projected at", 0.75),
        ("Wage growth is assessed to remain robust.", "is assessed to", 0.75),
        # seen as, in the passive, and judged as running; a possibility with a time ahead
        (
            "Looking forward, rising wealth was seen as helping to support further gains in spending.",
            "was seen as helping to",
            0.75,
        ),
        (
            "Investors appeared to judge the path of inflation as running a bit below 2 percent over the medium run.",
            "judge the path of inflation as running",
            0.75,
        ),
        ("Weaker loan quality suggests the possibility of tighter standards in the future.", "possibility of", 0.4),
        (
            "The outcome matched the Committee's forecast of a gradual increase in inflation over the medium term.",
            "Committee's forecast of",
            0.75,
        ),
        # a hedged modal that governs an event needs no time word
        ("Exports could suffer from the stronger dollar.", "could", 0.4),
        ("Oil prices may stay elevated.", "may", 0.4),
        (
            "Energy firms might scale back investment.",
            "might",
            0.4,
        ),  # a subject that could be advised: still a forecast
        ("Investment should benefit from lower interest rates.", "should", 0.65),
        ("I would not be surprised to see inflation pick up next year.", "would", 0.4),  # litotes: a forecast
        # a risk that a named change comes about; what a speaker has got in the forecast
        ("The danger is that wages accelerate as the labor market tightens.", "danger is that", 0.4),
        ("We've got inflation moving up to 3 percent next year.", "We've got", 0.75),
        ("Mike, you have inflation edging up next year in the forecast.", "you have", 0.75),  # the staff's forecast
        # a concern stated as what could happen is a risk scenario, a forecast in the guide's sense
        (
            "A few others expressed the concern that the return to 2 percent inflation could be even more gradual.",
            "could",
            0.4,
        ),
        # an indefinite subject with a time ahead is a forecast again
        ("Members noted that a rebound in exports would lift growth next year.", "would", 0.9),
        # a speaker's forecast as transcripts say it
        ("We have inflation running at about 3 percent through 1997.", "We have", 0.75),
        ("We have the unemployment rate staying at about 5-1/2 percent.", "We have", 0.75),
        ("We have inflation edging up in our forecast.", "We have", 0.75),
        ("The stock market correction in the forecast is about 5 percent.", "in the forecast", 0.75),
        # reported "would" with a verb of change
        ("Participants noted that cheaper oil would reduce the pressure on inflation.", "would", 0.9),
        # "further increases were likely": the predicate, in reported speech, is still a forecast
        ("Contacts suggested that further increases were likely, provided that workers could be found.", "likely", 0.7),
        # the governing cue is the one whose clause names the future, not a "likely" about the present before it
        ("My sense is that we are not at the point where that is likely; I think prices will stay low.", "will", 0.9),
        # the speaker's forecast named as a noun, with its content in a "that" clause
        ("Our guess is that core prices are held down by a tenth in May.", "Our guess is that", 0.75),
        (
            "My expectation is that the purchases should be completed early in the third quarter.",
            "My expectation is that",
            0.75,
        ),
        (
            "The staff's best guess is that payrolls rose about 150,000 last month.",
            "The staff's best guess is that",
            0.75,
        ),
        ("Their forecast remains that unemployment peaks at 6 percent.", "Their forecast remains that", 0.75),
        # a forecast said to point to an outcome: its content
        (
            "Our projections are increasingly pointing towards inflation being on target over the medium term.",
            "projections are increasingly pointing towards",
            0.75,
        ),
        ("The staff forecast points to a gradual return of growth to potential.", "forecast points to", 0.75),
        # a turning point that might be near: what could happen (the guide: a market that might approach its trough)
        (
            "Some participants noted that activity in housing might finally be approaching a trough.",
            "might",
            0.4,
        ),
        ("Core inflation could be nearing its peak.", "could", 0.4),
        # a change the speaker does not see coming: an expectation of no change (like "does not anticipate")
        ("However, we do not see a noticeable pickup in inflation.", "do not see", 0.75),
        ("Contacts didn't see any sharp rise in prices over the summer.", "didn't see", 0.75),
        ("Our contacts do not see a further decline in orders.", "do not see", 0.75),
        # a change said to be the likeliest outcome, the predicate closing the clause
        ("Demand has been strong and some slowing seems most likely.", "most likely", 0.7),
        ("A modest rebound in exports appears most likely, given the weaker dollar.", "most likely", 0.7),
    ],
)
def test_general_cues_of_a_prediction(sentence: str, words: str, probability: float) -> None:
    cue = governing_cue(sentence)
    assert cue is not None and (" ".join(cue.words.split()), cue.probability) == (words, probability)


@pytest.mark.parametrize(
    "sentence",
    [
        "The model estimated with data from the 1980s gave a larger farm share.",  # a participle, not a forecast
        "Dealers ordered more to meet stronger-than-expected demand.",  # an outcome against a past expectation
        "Everyone said how hard it is to raise prices these days.",  # an infinitive, not an arrangement
        "That is a quarter point above our forecast of a few months ago.",  # a past forecast
        "I would like to be in a world where inflation is projected to fall.",  # a wish
        "The delay may be related to the storms in the west.",  # present inference
        "These pressures may stem from strong demand.",
        "We see or hear no evidence that labor costs are accelerating next year.",  # nothing seen
        "We don't see any reason to change policy next year.",
        "These projections point to the need for caution.",  # a need, not an outcome
        "We do not see much evidence of such pressures yet.",  # evidence about the present
        "Participants did not see imbalances that posed significant risks to the financial system.",
        "That explanation seems most likely.",  # no change named: an inference
        "The rise most likely reflects seasonal factors.",  # "most likely" as an adverb of inference
        "Inflation could be running higher than the index shows.",  # a present inference
        "My view is that policy should be tightened.",  # a view of what ought to be done, not a forecast noun
        "Our guess is what it was in March.",  # no content
        "I would like to see inflation trending down over the next year.",  # a wish
        "The forecast for growth was revised down.",  # a revision without its content (unchanged rule)
        "Movements in the yield curve should be interpreted within the broader context.",  # what ought to be done
        # a hedged modal whose own clause names no future outcome (the future word is in the next clause)
        "There may be snow on the ground in the East, but it is almost planting time in the lower valley.",
        "Our directors are more pessimistic than the numbers would suggest.",  # inference
        "One simple way to convey our intentions would be to announce the forecast now.",  # a proposal
        "Those prices would not have been profitable in prior years.",  # a modal about the past
        "We will talk more about this tomorrow.",  # the meeting's own agenda
        "If one looked at the last two months, one would see a pretty small change.",  # the generic "one"
        "That September forecast was put together before the revision of the accounts.",  # the noun
        "Our price forecast looking out into 1997 did not change a great deal.",  # a year is not a figure
        "Our real GDP forecast for 1997 is stronger than it was back in September.",
        "Mr. Chairman, I will keep my comments brief this morning.",  # the speaker's own speech act
        "We need to stop thinking about such targets if we are to keep our progress.",  # a purpose, not a plan
        "The outlook has not changed much since our last meeting.",
        "Our model has a large coefficient on energy prices.",
        "The models suggested that activity in the first quarter was likely stronger than first estimated.",  # past
        # a comparison with someone's expectation is not that expectation
        "Clear guidance could be especially important if rates rise faster than the board currently anticipates.",
        "Visible costs are more easily passed on to buyers than would be hidden ones.",
        # a question someone was asked, commas and all
        "Reporters asked whether, if sales slow, the plant would close next year.",
        "Members weighed the extent to which those factors might prove more persistent next year.",  # a question
        "Sales were weaker than they expected.",
        "We had growth slowing sharply in the spring.",  # the past
        # a hedged modal over a state, an inference or an ability in the past
        "Low expected volatility might also signal more appetite for risk.",  # the adjective, and an inference
        "Circumstances that might entail a faster removal of accommodation were cited.",
        "She never could pronounce the word.",
        "We could now be seeing the wealth effects.",
        # what would follow if a decision not yet taken were taken
        "It was noted that agreement on a budget plan would help to ease uncertainty.",
        # a hedged modal in a relative clause on a list of factors: an explanation
        "Members pointed to several factors, other than policy, that could contribute to a narrower spread.",
        # explanations, publication dates, speech acts, forecasts compared without their content
        "That would help to reconcile this behavior.",
        "The survey, which will not be publicly available until the end of the month, shows slower orders.",
        "I would continue to argue that it is important to focus on influences that will prevail next year.",
        "Our forecast of growth next year differs at the margin from the Greenbook's.",
        "I will note for what it is worth--and it may not be very much--that the chain store report rose.",
        "We have a lot of people working in the District.",
        "There is a risk of accelerating inflation.",  # a bare risk noun phrase, no time ahead
        "The risk is that we are wrong.",  # no change named
        "We've got a lot of work to do.",
        "You have to pay a deposit.",
        # the speakers' own stance
        "Contacts report few wage pressures, and hence we will be watchful on that front.",
        "If I am confident of anything this morning, it is that we will not do that.",
        # scheduled releases and a spokesman's refusal, not forecasts
        '"We will not comment on speculation," a spokesman said.',
        "The central bank will publish its next forecast in May.",
        "The results will be announced on Friday.",
        "Prices may vary by region.",
        "The staff baseline assumes oil prices at $80 a barrel next year.",  # a modelling assumption
        "Members saw trade uncertainty as continuing to weigh on business confidence.",  # the present, continuing
        # procedures and readiness, not the state of the world
        "The Committee will continue to monitor the implications of incoming information.",
        "The Board would be prepared to adjust the stance of policy as appropriate if risks emerge.",
        # a balance of risks, however it is worded
        "The risk that prices could rise faster was counterbalanced by the risk that demand could weaken next year.",
        # a hope, whoever holds it, is not a forecast (the guide's negatives)
        "India is hoping its economy will improve.",
        "Industry officials are hoping that people in rural areas will begin buying cars again.",
        "Hopefully, we will see these improvements continue.",
        "Retailers hope that the last week before Christmas will rescue the season.",
    ],
)
def test_not_predictions_whatever_their_words(sentence: str) -> None:
    assert governing_cue(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        # the hope is masked up to the next main clause, not the forecast after it
        ("Retailers hope sales will rise, but analysts expect a decline next year.", "expect"),
        ("Hopes for a recovery have faded, and prices will fall next year.", "will"),  # "hopes for": a noun
    ],
)
def test_a_hope_masks_its_own_clause_only(sentence: str, words: str) -> None:
    cue = governing_cue(sentence)
    assert cue is not None and cue.words == words


# --- deadlines -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "words", "expected"),
    [
        ("Demand is likely to grow by 10 percent in the year ahead.", "in the year ahead", date(1997, 5, 21)),
        ("We now expect the CPI to average about 3 percent for the year.", "for the year", date(1996, 12, 31)),
        ("Growth will fall back toward its potential later in the year.", "later in the year", date(1996, 12, 31)),
        ("Markets expect the funds rate to be cut by midyear.", "by midyear", date(1996, 6, 30)),
        ("The last cut would come following the October meeting.", "following the October", date(1996, 10, 31)),
        ("Sales should slow late this year or early in 1997.", "early in 1997", date(1997, 3, 31)),
        (
            "Growth is likely to stay strong for another quarter or two.",
            "for another quarter or two",
            date(1996, 12, 31),
        ),
    ],
)
def test_more_deadline_phrases(sentence: str, words: str, expected: date) -> None:
    (candidate,) = extract_candidates(sentence, published_on=MEETING)
    assert (candidate.deadline_words, candidate.deadline, candidate.deadline_default) == (words, expected, False)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a month in a clause about the past is when it happened, not the next such month
        ("Retail sales were flat in April, and we expect spending to pick up in June.", date(1996, 6, 30)),
        # "in 10 years" after a perfect: the span looked back on
        ("The raise would be the largest these unions have had in 10 years, we expect.", None),
        # the part of this year that has happened
        ("Growth in the first quarter was strong, but it will slow in the second half.", date(1996, 12, 31)),
    ],
)
def test_a_time_in_a_clause_about_the_past_is_not_the_deadline(sentence: str, expected: date | None) -> None:
    (candidate,) = extract_candidates(sentence, published_on=MEETING)
    if expected is None:
        assert candidate.deadline_default
    else:
        assert (candidate.deadline, candidate.deadline_default) == (expected, False)


def test_a_month_just_past_is_the_past_not_next_year() -> None:
    (candidate,) = extract_candidates(
        "We are anticipating that spending on energy services would be quite robust in November.",
        published_on=date(1996, 12, 17),
    )
    # November 1996, a month before the text, its figures still to come: due on the text's date (not November 1997)
    assert candidate.deadline == date(1996, 12, 17)


def test_a_long_term_interest_rate_is_not_a_long_run_goal() -> None:
    (candidate,) = extract_candidates("Higher long-term interest rates will slow housing.", published_on=MEETING)
    assert candidate.deadline == date(1998, 12, 31)  # the default horizon, not the long-run one


# --- proposed rules --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "band", "unit"),
    [
        # a rate with no comparison word and no metric the rules can name: still a point forecast
        ("I expect the core CPI to rise 3 percent next year.", (2.5, 3.5), "%"),
        # "a 1/4 point increase" is a quarter of a percentage point; a fraction's band is half its step
        # a fraction of a point in words
        ("We expect inflation to rise about one-half percentage point next year.", (0.25, 0.75), "pp"),
        ("Half of all firms will raise prices next year.", (49.5, 50.5), "%"),  # a share, as before
        # "between A and B percent": the band between them
        ("Inflation should remain between 1-1/2 and 2 percent next year.", (1.5, 2.0), "%"),
        # "from A to B": the level it goes to
        ("Growth was forecast to slow from 2.9 percent this year to 2.3 percent next year.", (2.05, 2.55), "%"),
    ],
)
def test_point_forecasts_of_rates_get_a_band(sentence: str, band: tuple[float, float], unit: str) -> None:
    (candidate,) = extract_candidates(sentence, published_on=MEETING)
    rule = candidate.to_claim()["proposed_rule"]
    assert (rule["threshold"], rule["high"], rule["unit"]) == (*band, unit)


def test_a_guessed_band_gives_way_to_a_number_with_a_comparison() -> None:
    sentence = "Even if it comes in, say, 1/2 percentage point lower, unemployment will stay less than 5-1/2 percent."
    (candidate,) = extract_candidates(sentence, published_on=MEETING)
    rule = candidate.to_claim()["proposed_rule"]
    assert (rule["op"], rule["threshold"], rule["unit"]) == ("<", 5.5, "%")


def test_index_points_are_not_percentage_points() -> None:
    (candidate,) = extract_candidates("The index will rise 200 points next year.", published_on=MEETING)
    assert candidate.to_claim()["proposed_rule"]["unit"] != "pp"


# --- restated statements ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        # a content clause after a stance or a noun that takes one: the attribution goes
        (
            "Many members pointed to signs that the weakness in investment will abate.",
            "The weakness in investment will abate",
        ),
        (
            "Some members were concerned that the current stance will erode inflation expectations.",
            "The current stance will erode inflation expectations",
        ),
        (
            "My sense is that inflation will continue to be subdued next year.",
            "Inflation will continue to be subdued next year.",
        ),
        (
            "These members agreed that, even after such an increase, policy will remain accommodative.",
            "Even after such an increase, policy will remain accommodative",
        ),
        # a clause a verb of saying governs without "that"
        (
            "Reports from business contacts suggested capital spending will increase going forward.",
            "Capital spending will increase going forward",
        ),
        # "we" in a speaker's turn is the speaker, and the verb agrees
        (
            "MR. GUYNN. We expect growth to be damped by the rates that we have seen, as we go forward next year.",
            "Growth will be damped by the rates that Mr. Guynn has seen, as Mr. Guynn goes forward next year.",
        ),
        # "This" standing for what the sentence before was about
        (
            "Consumer spending rose strongly in the spring. This will continue next year.",
            "Consumer spending will continue next year.",
        ),
    ],
)
def test_attributions_and_pronouns_leave_the_statement(text: str, statement: str) -> None:
    candidates = extract_candidates(text, published_on=MEETING)
    assert candidates[-1].statement.startswith(statement)


def test_long_runs_of_blank_lines_and_page_breaks_are_read_in_one_pass() -> None:
    # written so that a quadratic scan would not finish: 100,000 blank lines before a page marker, and a text that
    # is page breaks all through (the time itself is for benchmarks/, not for a test)
    blank_run = "Sales rose.\n" + "\n" * 100_000 + "--- Page 1 ---\nMore words here.\n"
    assert [u.text.strip() for u in units(blank_run)] == ["Sales rose.", "More words here."]
    furniture = "--- Page 1 ---\n\n5/21/96 -10-\nword word the\n" * 4000
    assert " ".join(u.text for u in units(furniture)).split().count("word") == 8000


def test_an_amount_put_at_a_figure_is_restated_with_will_be_and_its_unit() -> None:
    (candidate,) = extract_candidates(
        "Corn production is forecast at 15.1 billion bushels next year.", published_on=MEETING
    )
    assert candidate.statement == "Corn production will be 15.1 billion bushels next year."
    assert candidate.to_claim()["proposed_rule"]["unit"] == "billion bushels"  # the labelling guide's spelling


def test_an_objective_of_2_percent_is_the_threshold_below_it() -> None:
    (candidate,) = extract_candidates(
        "Inflation was projected to stay slightly below the Committee's longer-run objective of 2 percent next year.",
        published_on=MEETING,
    )
    rule = candidate.to_claim()["proposed_rule"]
    assert (rule["op"], rule["threshold"], rule["unit"]) == ("<", 2.0, "%")


def test_the_numbers_of_a_concession_before_the_cue_are_not_the_rule() -> None:
    (candidate,) = extract_candidates(
        "Although core inflation remained a little below 2 percent, members expected it to move up to 2.5 percent "
        "next year.",
        published_on=MEETING,
    )
    rule = candidate.to_claim()["proposed_rule"]
    assert (rule["threshold"], rule["high"], rule["unit"]) == (2.25, 2.75, "%")


def test_an_average_is_a_point_forecast() -> None:
    (candidate,) = extract_candidates(
        "Payroll gains were expected to average 150,000 a month next year.", published_on=MEETING
    )
    rule = candidate.to_claim()["proposed_rule"]
    assert (rule["threshold"], rule["high"]) == (142_500, 157_500)  # the band of 5% either side


def test_years_are_not_a_range_of_quantities() -> None:
    (candidate,) = extract_candidates("Prices will rise sharply between 2025 and 2030.", published_on=MEETING)
    assert candidate.to_claim()["proposed_rule"] is None


def test_an_answer_with_a_figure_to_a_question_is_a_candidate_flagged_for_restating() -> None:
    text = (
        "MR. KELLEY. Mike, how large a correction in share prices do you have in the forecast?\n"
        "MR. LANE. About 5 percent from where we are now.\n"
        "MR. KELLEY. And what did prices do last week?\n"
        "MR. LANE. They rose 2 percent last week.\n"  # the past: not a forecast
        "MR. KELLEY. Thank you. Rates are about 5 percent.\n"  # not an answer: no question before it
    )
    (candidate,) = extract_candidates(text, published_on=MEETING)
    assert candidate.quote == "About 5 percent from where we are now."
    assert candidate.confidence == ("an answer with a figure", 0.5)
    assert any(point.startswith("statement: an answer") for point in candidate.needs_review)


def test_a_hedged_caveat_under_a_risks_heading_is_not_a_forecast() -> None:
    text = (
        "Risks and Open Questions\n\n"
        "Talent drain: the new rules may inadvertently isolate researchers from their peers abroad.\n\n"
        "The regulator will publish new guidance by 2026.\n"
    )
    (candidate,) = extract_candidates(text, published_on=MEETING)
    assert candidate.quote.startswith("The regulator will")  # an unhedged forecast under the heading still counts


# --- other genres: statements, agency outlooks, weather products and news (issue 20, intake-genres) ---------------

STATEMENT_DAY = date(2025, 9, 11)


def test_a_full_stop_with_no_space_after_it_still_ends_the_sentence() -> None:
    text = "Output grew by two percent.That pace will slow next year.But the U.S. economy is large."
    assert [u.text for u in units(text)] == [
        "Output grew by two percent.",
        "That pace will slow next year.",
        "But the U.S. economy is large.",
    ]


def test_a_heading_that_is_a_sentence_is_read_but_the_title_and_short_headings_are_not() -> None:
    text = (
        "Bank Says Prices Will Fall Soon\n\n"
        "#### Outlook\n\n"
        "#### Wages have risen but will slow next year\n\n"
        "Wages rose 4% in the year to June.\n"
    )
    assert [u.text for u in units(text)] == [
        "Wages have risen but will slow next year",
        "Wages rose 4% in the year to June.",
    ]
    (candidate,) = extract_candidates(text, published_on=STATEMENT_DAY)
    assert candidate.quote == "Wages have risen but will slow next year"


def test_a_predicting_headline_runs_into_the_sentence_after_it_as_one_candidate() -> None:
    # the guide: a headline with no full stop, a chart's title and source line after it, runs into the first sentence
    text = (
        "Farm Notes\n\n"
        "May 2, 2025\n\n"
        "Analysts expect wheat prices to rise this summer\n\n"
        "wheat price index, monthly\n"
        "Source: Farm Agency, Crop Outlook\n\n"
        "In our outlook, we forecast that wheat prices will rise 5 percent this summer. Prices fell last year.\n"
    )
    (candidate,) = extract_candidates(text, published_on=date(2025, 5, 2))
    assert candidate.quote.startswith("Analysts expect wheat prices") and candidate.quote.endswith("this summer.")
    assert text[candidate.start : candidate.end] == candidate.quote
    assert candidate.statement.startswith("Wheat prices will rise 5 percent")  # the sentence's, not the headline's


@pytest.mark.parametrize(
    "sign_on",
    ["This is the VOA Special English Economics Report.", "This is the Farm Radio Market Program."],
)
def test_a_predicting_title_runs_into_the_programme_sign_on_under_it(sign_on: str) -> None:
    # the guide (twenty-seventh batch): a headline that is itself a forecast runs into the next sentence even when
    # that is a programme's sign-on, and the unit counts
    title = "Copper prices expected to climb further next year"
    text = f"{title}\n\n{sign_on}\n\nMining companies reported record output last year.\n"
    (candidate,) = extract_candidates(text, published_on=date(2025, 5, 2))
    assert candidate.quote == f"{title}\n\n{sign_on}" and text[candidate.start : candidate.end] == candidate.quote


def test_a_title_that_reports_the_past_does_not_run_into_the_sign_on() -> None:
    text = "Copper output rose sharply last year\n\nThis is the VOA Special English Economics Report.\n"
    assert extract_candidates(text, published_on=date(2025, 5, 2)) == []


def test_a_predicting_headline_before_a_sentence_that_does_not_predict_stays_alone() -> None:
    text = "Farm Notes\n\nAnalysts expect wheat prices to rise this summer\n\nPrices fell last year.\n"
    (candidate,) = extract_candidates(text, published_on=date(2025, 5, 2))
    assert candidate.quote == "Analysts expect wheat prices to rise this summer"


@pytest.mark.parametrize(
    "sentence",
    [
        "The policy rate will increase by 50 basis points to 4.25 percent.",
        "The interest rates on the lending facility and the deposit facility will remain unchanged at 3.1% and 2.9%.",
    ],
)
def test_a_policy_decision_announced_in_the_future_tense_is_not_a_forecast(sentence: str) -> None:
    assert governing_cue(sentence) is None


def test_a_policy_rate_with_a_time_ahead_is_still_a_forecast() -> None:
    assert governing_cue("The policy rate will remain at 2.5 percent until the second half of 2027.") is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "The Board will take a cautious, step-by-step approach to setting rates.",
        "Its future decisions will be based on the incoming data and the outlook for prices.",
        "The Governor will comment on the decision at a press conference starting at 10:00 today.",
        "The finance minister will also meet with reporters to explain the budget.",
        "Investors will get some insight on Friday when the bank publishes its new projections.",
    ],
)
def test_procedures_and_scheduled_appearances_are_not_forecasts(sentence: str) -> None:
    assert governing_cue(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        '"Had we not cut rates last year, it is likely that unemployment would now be much higher.',
        "If the bank had not intervened, the currency would probably be weaker today.",
        "This rate rise is to ensure that inflation stays within the target band over the medium term.",
        "A long period of weak demand will be required to bring inflation back to target.",
        "He says the currency is undervalued and the government should allow it to float more freely.",
        "The rise in the price index is mostly due to higher prices for fuel and rents.",
    ],
)
def test_counterfactuals_purposes_necessities_advice_and_causes_are_not_forecasts(sentence: str) -> None:
    assert governing_cue(sentence) is None


def test_due_to_with_a_verb_is_still_a_schedule() -> None:
    assert governing_cue("The trade agreement is due to expire in March 2027.") is not None


def test_a_projection_revised_from_an_old_level_states_its_new_level() -> None:
    cue = governing_cue("Exports are projected to grow by 3.4% in 2026, revised up from the 2.8% expected in March.")
    assert cue is not None and cue.words.startswith("are projected to")


@pytest.mark.parametrize(
    "sentence",
    [
        "The average retail gasoline price in our forecast falls to $2.90 per gallon next summer.",
        "Heating oil inventories in our forecast remain below their five-year average through March.",
        "Our forecast includes 4% more cooling degree days than last summer.",
        "The price forecast for 2027 is predicated on a slowdown in global trade.",
        "Forecast growth in demand is led by the industrial sector.",
        "Modest growth is expected for the euro area with a gradual pickup in 2027.",
        "We forecast U.S. natural gas (LNG) exports to rise by 12% in 2026.",
    ],
)
def test_forecasts_stated_inside_the_forecast_or_by_what_it_holds(sentence: str) -> None:
    assert governing_cue(sentence) is not None


def test_an_assumption_about_the_present_is_not_a_forecast() -> None:
    assert (
        governing_cue("This forecast includes the view that the recent weakness in retail sales is temporary.") is None
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Refineries have run harder than we expected, leading us to raise our forecast of diesel output by 2%.",
        "We now expect utilities will hold 8% more gas in storage next winter than we forecast last month.",
        "We have lowered our forecast for propane inventories compared with last month's forecast.",
        "The agency now forecasts growth to be weaker than it had projected six months ago.",
        "The lower forecast for next year mostly results from the closure of two refineries.",
    ],
)
def test_a_revision_against_the_earlier_forecast_without_a_level_is_not_a_forecast(sentence: str) -> None:
    assert governing_cue(sentence) is None


def test_a_revision_to_a_level_or_against_a_year_is_still_a_forecast() -> None:
    assert governing_cue("We raised our forecast of crude exports in 2026 by 5% compared with 2025 levels.") is not None
    assert governing_cue("We lowered our forecast of coal output next year to 480 million short tons.") is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "A trough is deepening over the plains and expected to push the front eastward later today.",
        "Some slow strengthening of the low is possible toward the end of the week.",
        "Formation chance through 7 days...medium...40 percent.",
    ],
)
def test_a_weather_products_forecasts_are_read(sentence: str) -> None:
    assert governing_cue(sentence) is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "Buoy data is expected later today which should help to locate the center.",
        "An announcement on the bank's rate decision is expected at 2 p.m. local time.",
        "The initial intensity of the storm is set to 35 kt.",
    ],
)
def test_a_scheduled_release_and_a_value_assigned_are_not_forecasts(sentence: str) -> None:
    assert governing_cue(sentence) is None


OUTLOOK_DAY = date(2025, 11, 12)


@pytest.mark.parametrize(
    "sentence",
    [
        "Diesel consumption in all regions rises in 2026.",
        "Declines in 2027 occur mostly in the Midwest, where two refineries close.",
        "Retail electricity sales increase by 1.9% next year.",
    ],
)
def test_an_outlooks_present_tense_with_a_future_date_is_a_forecast(sentence: str) -> None:
    (candidate,) = extract_candidates(sentence, published_on=OUTLOOK_DAY)
    assert candidate.confidence == ("a present tense with a future date", 0.75)


@pytest.mark.parametrize(
    "sentence",
    [
        "Diesel consumption in all regions rose in 2025.",  # the past
        "Heating oil prices typically rise during the winter of 2026.",  # a habit
        "The increase in coal output in 2026 results from two mines reopening.",  # an explanation; the noun
        "Fertilizer prices have continued to climb by 19 percent in 2025.",  # the present perfect
        "Diesel consumption in all regions rises with freight volumes.",  # no date
        "Diesel consumption rises in 2024.",  # a year before the text's date
    ],
)
def test_a_present_tense_that_is_a_habit_a_report_or_undated_is_not(sentence: str) -> None:
    assert extract_candidates(sentence, published_on=OUTLOOK_DAY) == []


def test_a_forecast_near_certain_a_view_of_an_end_nearing_and_a_realised_forecast() -> None:
    assert governing_cue("Policymakers are nearly certain to raise the key rate on Wednesday.") is not None
    assert governing_cue("Some analysts see the housing slump as nearing its end.") is not None
    assert governing_cue("If realized, the 2027 forecast would mark a third year of decline.") is None


def test_a_possibility_with_sooner_and_the_verb_risk_are_hedged_forecasts() -> None:
    sooner = governing_cue("However, there is a possibility this happens sooner.")
    assert sooner is not None and sooner.hedged
    risk = governing_cue("A weaker yen at a time of slow global demand risks reversing the recovery in exports.")
    assert risk is not None and risk.probability == 0.4
    assert governing_cue("The risks surrounding the outlook remain balanced.") is None


def test_a_policy_that_is_to_do_something_and_a_compound_noun_forecasts_are_not_forecasts() -> None:
    assert governing_cue("Experience shows that the best policy is to build buffers against price swings.") is None
    assert governing_cue("We feed energy price forecasts into the model to obtain the final assumptions.") is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Beyond the near term, output was expected to grow a little faster than in the previous forecast.",
        "The forecast for core inflation was slightly higher than in the staff's previous projection.",
        "Among the factors expected to support consumer spending were rising wages and lower energy prices.",
    ],
)
def test_a_forecast_told_only_against_the_previous_one_and_a_list_of_causes_are_not_forecasts(sentence: str) -> None:
    assert governing_cue(sentence) is None


def test_a_forecast_against_the_previous_one_with_its_figure_is_still_a_forecast() -> None:
    sentence = "Output was expected to grow 2.1 percent in 2026, a little faster than in the previous forecast."
    assert governing_cue(sentence) is not None


def test_what_an_indefinite_subject_would_do_is_a_general_claim() -> None:
    assert governing_cue("A stronger currency would make imports cheaper for households.") is None
    # with a time ahead it is a forecast again
    assert governing_cue("A stronger currency would make imports cheaper over the next two years.") is not None


def test_the_verb_risk_under_a_risks_heading_is_a_caveat_not_a_forecast() -> None:
    text = "## Risks\n\nOverheating: the flood of cheap credit risks creating bubbles in property over the next year.\n"
    assert extract_candidates(text, published_on=STATEMENT_DAY) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # a prospect said to be little or none, with a time ahead: the speaker's view that a change will not come soon
        # (the guide counts what the speaker expects, "not likely to fall quickly")
        "Energy prices have stayed high, with little prospect of supply constraints easing very soon.",
        "There is no prospect of a rate cut in the near term.",
        "Analysts see slim prospects for a recovery in exports in the coming months.",
    ],
)
def test_little_prospect_of_a_change_with_a_time_ahead_is_a_forecast(sentence: str) -> None:
    cue = governing_cue(sentence)
    assert cue is not None and cue.probability <= 0.25


@pytest.mark.parametrize(
    "sentence",
    [
        "There was little prospect of a recovery in 2009.",  # a time that is not ahead in words
        "The firm has little prospect of growth.",  # no time
        "Prospects for the economy are discussed in the next section.",  # text about the text
    ],
)
def test_little_prospect_without_a_time_ahead_is_no_low_probability_cue(sentence: str) -> None:
    cue = governing_cue(sentence)
    assert cue is None or cue.probability > 0.25


@pytest.mark.parametrize(
    "sentence",
    [
        # a change named as the subject of "is expected" that closes the clause: the expectation of that change (or,
        # with "no", of none)
        "Truck sales are flat and no improvement is expected.",
        "Further declines are expected.",
        "A modest pickup in hiring is anticipated, according to the survey.",
    ],
)
def test_a_change_that_is_expected_is_a_forecast(sentence: str) -> None:
    cue = governing_cue(sentence)
    assert cue is not None and cue.probability == 0.75


@pytest.mark.parametrize(
    "sentence",
    [
        "Further declines were expected, and they came.",  # an expectation in the past
        "New data on the decline are expected later today.",  # a release, not the change
        "A smaller crop is projected because of lower planted area.",  # no change named
    ],
)
def test_look_alikes_of_an_expected_change_stay_out(sentence: str) -> None:
    assert governing_cue(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        # a seasonal outlook's tilt of the odds towards a category against normal (the guide's weather outlooks): a
        # chance with no number, hedged
        "The highest chance for below-normal precipitation is in the northern Rockies.",
        "Much of Texas has elevated odds of above-average temperatures.",
        "Increased probabilities of near-normal snowfall extend across New England.",
    ],
)
def test_a_tilt_of_the_odds_towards_a_category_against_normal_is_a_forecast(sentence: str) -> None:
    cue = governing_cue(sentence)
    assert cue is not None and cue.probability == 0.4


@pytest.mark.parametrize(
    "sentence",
    [
        "Last winter had the highest odds of above-normal snowfall in a decade.",  # the past
        "The map shows the chance of above-normal temperatures in each region.",  # what a map shows, no tilt
    ],
)
def test_look_alikes_of_a_tilt_of_the_odds_stay_out(sentence: str) -> None:
    assert governing_cue(sentence) is None
