"""Kinds of spoken wording in meeting transcripts (issue 20): the procedural talk, preferences and speech acts that are
no forecast, decided by the labelling guide (tests/predictions/extract_dev/README.md, "Not predictive": policy
descriptions and procedures, wishes, questions), and beside each kind the forecasts of like shape that must stay.

Every sentence here was written for this file (none is copied from the labelled set). Each is run through
``extract_candidates`` as a text of its own, without the sentence classifier, so that the rules alone are tested.
"""

from __future__ import annotations

from datetime import date

import pytest

from predictions.extract import classify, extract_candidates

BASE = date(2025, 6, 2)


def _taken(sentence: str) -> bool:
    with classify.using(None):
        return bool(extract_candidates(sentence, published_on=BASE))


# An aim, a task or a difficulty defined by an infinitive ("my objective is to ...", "what we ought to do is to ...",
# "the hard part is to judge ..."), and a purpose put as a condition ("if the recovery is to last"): "is to" names what
# someone means to do or must do, not a coming event. A forecast elsewhere in the sentence still counts.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("My objective here, once again, is to keep the statement short and balanced.", False),
        ("What I think we should do at this meeting is to leave the funds rate where it is.", False),
        ("The hardest question is to judge how tight policy really is at the moment.", False),
        ("The real measure of a framework is to be able to explain it to the public.", False),
        ("A central aim of the program is to widen access to credit for small farms.", False),
        ("If the expansion is to last, credit conditions must ease from here.", False),
        ("What we have done is to assume that the dollar will fall 5 percent next year.", True),
        ("Our objective is to reach 2 percent, and we expect inflation to get there in 2027.", True),
        ("Output is to slow to 1 percent next year, according to the staff.", True),
    ],
)
def test_an_aim_told_with_is_to_is_no_prediction(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# The speaker's own speech acts and stance put with "might", "may" or "could" as well as "would" ("I might add", "if
# I may put it so", "I could support alternative B"), a wording change the speaker proposes ("I would change 'will' to
# 'may'"), the audience addressed ("an article you may have read"), and what would make the speaker comfortable: acts
# and preferences, not forecasts (the guide: wishes, policy descriptions and procedures). A forecast in the same
# sentence still counts.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("I might add, in passing, that the staff has been very helpful on this point.", False),
        ("It is a matter of confidence, if I may put it that way.", False),
        ("I could support alternative B as it is written.", False),
        ("I might suggest a change that would make me more comfortable with the larger move.", False),
        ("So in the second sentence I would simply change 'considerable' to 'some'.", False),
        ("The Board's staff wrote a good paper on the 1937 episode that you may have read.", False),
        ("I might add that I expect unemployment to rise to 5 percent next year.", True),
        ("I could support alternative B, though I think inflation will rise above 3 percent next year.", True),
        ("A stronger dollar would make exporters more cautious next year.", True),
    ],
)
def test_a_speakers_act_or_stance_is_no_prediction(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# "we have" as a speaker's forecast takes the forecast's content ("we have inflation running at 3 percent next year");
# "we have to" is an obligation, "we have not distinguished" a present perfect, and "we had a meeting", "we have a
# great deal of easing in the pipeline", "we have a task coming out of this meeting" name things the speakers have or
# had, not a path of the economy.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("We have to keep in mind that we have a lot of tightening still working through the system.", False),
        ("Last month we had a meeting with builders about their plans for 2026.", False),
        ("We have not separated who is holding the loans in these figures.", False),
        ("We have a hard communication task coming out of this meeting.", False),
        ("We have the jobless rate edging up to 4-1/2 percent by the end of next year.", True),
        ("In our forecast we have core inflation gradually falling to 2.2 percent in 2027.", True),
    ],
)
def test_what_the_speakers_have_is_no_forecast_unless_it_is_a_path(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# An indirect question a speaker looks forward to seeing, is unsure about or says something settles ("I look forward to
# seeing how the recovery will unfold", "what its effects may turn out to be", "that settles what retailers will
# charge") names no outcome (the guide: questions, and "it remains to be seen whether"). A forecast in a clause of its
# own stays.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("I look forward to seeing how the recovery in housing will unfold.", False),
        ("We are unsure about the size of the last move and what its effects may turn out to be.", False),
        ("Their costs largely determine what retailers will charge for imported goods.", False),
        ("It is hard to explain how the dollar could keep rising in the face of these deficits.", False),
        ("I look forward to seeing the data, and I think growth will reach 3 percent next year.", True),
        ("Seeing how strong orders are, I expect output to rise next year.", True),
    ],
)
def test_an_indirect_question_is_no_prediction(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# A future word inside an "if" clause is part of the condition, not a forecast ("if the economy were going to stall",
# "if they anticipate that they will need capital", "if I know where prices are going to go"); the guide counts what
# the main clause says will happen under it. "As if" is no condition, and a forecast with its condition after it stays.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("If the economy were going to stall, it would have done so by now.", False),
        ("If banks anticipate that they will need more capital, they can cut their dividends.", False),
        ("Stable prices help, because if I know where prices are going to go, I can plan my spending.", False),
        ("It looks as if inflation will rise above 3 percent next year.", True),
        ("Unemployment will rise to 5 percent next year if oil prices keep climbing.", True),
        ("Even if sales drop off, this should not affect production schedules next quarter.", True),
    ],
)
def test_a_future_word_inside_a_condition_is_no_forecast(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# A hypothetical consequence under a condition put in the past tense, with no time ahead (the guide: general or
# hypothetical claims that name no future state; the condition first was read so already): "they would be the first
# to lose their jobs if things went wrong", a long condition before "it might be a long time". A time ahead keeps it,
# and so does a "could" before the condition (a risk stated as what could happen, test_extract_accounts).
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Younger workers would be the first to lose their jobs if the expansion went wrong.", False),
        (
            "Both of these would make for a very poor situation if the central bank began to lose its credibility.",
            False,
        ),
        (
            "If something were to happen just as markets were beginning to trust us and we were doubted once again, "
            "it might be a very long time before we could win that trust back.",
            False,
        ),
        ("Exports would fall 5 percent next year if the dollar rose any further.", True),
        ("Tariffs could eventually become a drag on car sales if more of them were imposed.", True),
        ("Depositors could run much faster than in the past if they lost confidence in their bank.", True),
        ("If the dollar rose any further, exports would fall 5 percent in 2026.", True),
    ],
)
def test_a_consequence_of_a_past_tense_condition_is_hypothetical(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# A forecast told only as a gap from another forecast or path (the guide: a speaker's projection said only to differ
# from the staff's; a simulation's gap between constrained and unconstrained paths is a counterfactual; the results of
# a staff simulation are not forecasts): "our forecast runs 0.3 percentage point lower than that of the private
# forecasters", "1 percentage point higher on the constrained path than on the unconstrained path", "the unemployment
# rate would be roughly three-tenths lower". A forecast with its own level, or a change from today, stays.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        (
            "At the moment our model's inflation forecast for the next five years runs about 0.3 percentage point "
            "lower than that of the private forecasters.",
            False,
        ),
        (
            "As the staff memo shows, unemployment is projected to run about 1 percentage point higher on the "
            "constrained path than on the unconstrained path over the next three years.",
            False,
        ),
        ("As the Tealbook notes, the unemployment rate at the end of 2026 would be roughly three-tenths lower.", False),
        ("Our forecast has inflation at 2.4 percent next year, a bit lower than that of private forecasters.", True),
        ("In my forecast the unemployment rate will be three-tenths higher at the end of 2026 than it is today.", True),
    ],
)
def test_a_forecast_told_only_as_a_gap_from_another_is_no_prediction(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# "may" about the present with its adverb after "be" as well as before it ("which may be just coming into its own", as
# "which may just be coming into its own" was read): a hedge about what is happening now, with no time ahead (the
# guide: "may / might" about the present). A time ahead keeps it.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Most of these drags have faded, except the last, which may be just coming into play.", False),
        ("The gains in software might be only now coming through in the productivity data.", False),
        ("Business spending may be just coming back, and it should rise faster next year.", True),
        ("Hiring may be just starting to slow, and unemployment could rise to 5 percent in 2026.", True),
    ],
)
def test_may_about_the_present_with_its_adverb_after_be_is_no_prediction(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# The speaker's act with an adverb after the modal ("I would also like to stress", "I would just add") and in the
# negative ("I won't repeat what he said"): procedure, as "I would add" and "I will be brief" are. What the speaker
# would not be surprised by is a risk stated as what could happen (the guide) and stays, as does a forecast beside.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("I would also like to stress that the staff's work on this has been first rate.", False),
        ("I would just add that the survey teams did fine work under a tight deadline.", False),
        ("I won't repeat what the previous speaker said about the regional data.", False),
        ("I would also add that I expect inflation to reach 3 percent next year.", True),
        ("I won't be surprised if unemployment climbs to 5 percent next year.", True),
    ],
)
def test_a_speakers_act_with_an_adverb_or_a_negation_is_no_prediction(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# Looking for an opportunity or a way to act is a search, not the speaker's forecast ("we look for growth of 2 percent"
# is one); and "we don't want to assume that ..." is a caution, as "we cannot assume that ..." is (the guide: doubts).
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("I think it is time that we look for opportunities to raise the target rate.", False),
        ("We look for ways to make the statement shorter.", False),
        ("We don't want to assume that all of these firms will survive.", False),
        ("We look for some slowing in consumer spending next year.", True),
        ("We don't want to wait too long, since inflation will rise to 4 percent next year.", True),
    ],
)
def test_a_search_or_a_caution_is_no_forecast(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# A remark to the audience about the speaker's own stance ("it will not surprise you that I still favor a pause", "it
# will come as no surprise to any of you that ...") is no forecast; what the that-clause says is read on its own, and
# an outcome said to be such that it would not come as a surprise is a risk stated as what could happen (the guide).
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("It will not surprise any of you that I still favor a pause today.", False),
        ("It will come as no surprise to you that I would rather wait.", False),
        ("It will not surprise you that I expect inflation to rise to 4 percent next year.", True),
        ("It would not come as a surprise if unemployment rose to 5 percent next year.", True),
    ],
)
def test_a_remark_to_the_audience_is_no_prediction(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# An option or an outcome measured against what others expect ("goes beyond what most are expecting at this point",
# "above what markets expect") is a comparison with an expectation, as "than expected" is (the guide), not one. What
# most expect, told with its content, stays.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("I think the third alternative goes beyond what most people are expecting at this point.", False),
        ("A half-point step would be well above what the markets expect.", False),
        ("What most people are expecting is a quarter-point cut in March.", True),
        ("Growth will exceed what most forecasters expect, reaching 3 percent next year.", True),
    ],
)
def test_a_comparison_with_what_others_expect_is_no_expectation(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# A scheduled change coming into force ("another $20 a ton increase will go into effect in April", "the new schedule
# will take effect on March 1") is a schedule, not a forecast (the guide: the scheduled increase itself does not
# count, while what buyers expect of it does). What follows from it, told with its own "will", stays.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Another $15 a ton increase will go into effect in April.", False),
        ("The new price schedule will take effect on March 1.", False),
        ("Once the increase takes effect in April, prices will rise about 3 percent over the year.", True),
        ("Most buyers expect the April increase to stick.", True),
    ],
)
def test_a_change_coming_into_force_is_a_schedule(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# What a speaker or contacts watch for ("paying close attention to any signal that spending may shift", "watching for
# signs that prices could turn") is a possibility looked out for, as an indirect question is, not a claim that it
# comes. A forecast in a clause of its own stays.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Retailers are paying close attention to any signal that holiday demand may weaken.", False),
        ("We are watching for signs that rents could start to turn down.", False),
        ("We are watching the data closely, and rents could start to turn down next year.", True),
    ],
)
def test_what_is_watched_for_is_no_prediction(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# It being hard to judge something, said with a modal ("while it may be difficult to make a judgment as to the size of
# that effect"), is an explicit non-prediction, as "it is hard to say" is (the guide).
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        (
            "While it may be difficult to make a judgment about the size of that effect, we need some sense of the "
            "long-term neutral rate.",
            False,
        ),
        ("It might be hard to say how much of the rise in rents will last.", False),
        ("It may be difficult for exporters to recover their lost market share next year.", True),
    ],
)
def test_a_difficulty_of_judging_said_with_a_modal_is_no_prediction(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# What the Committee's position or message ought to be ("our position ought to be that we won't hesitate to act") is a
# view on policy, not a forecast; a forecast the speaker gives as the reason stays.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("I think our position ought to be that we won't hesitate to change policy if necessary.", False),
        ("Our message should be that we are watching the data very closely.", False),
        ("Our message should be clear, because inflation will rise to 4 percent next year.", True),
    ],
)
def test_what_a_position_ought_to_be_is_no_prediction(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# A forecast reported as revised in the present perfect, without its new level ("their forecasts for light vehicle
# sales in 2026 have been raised"), is a revision without its content (the guide), as "is revised up" is; with its new
# level, or with a forecast of its own beside it, it counts.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Last week we met with the carmakers, and their forecasts for vehicle sales in 2026 have been raised.", False),
        ("The analysts' projections for home sales in 2026 have been lowered.", False),
        ("Their forecasts for vehicle sales in 2026 have been raised to 16 million units.", True),
        ("Their forecasts have been raised, and sales will reach 16 million units next year.", True),
    ],
)
def test_a_forecast_revised_without_its_level_is_no_prediction(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# "The outlook has improved since November" is a present perfect, a change in the outlook told without its content
# (the guide: an outlook said unchanged with no content does not count, nor a revision without its content), not a
# forecast that "has" an outcome ("our forecast has core inflation falling to 2.5 percent next year").
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        (
            "Besides, the outlook has improved since the spring because of lower rates and a firmer world economy in "
            "the second half of the year.",
            False,
        ),
        ("Our forecast has core inflation falling to 2.5 percent in the second half of next year.", True),
    ],
)
def test_an_outlook_that_has_improved_is_no_forecast(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence
