"""General kinds of sentences that are NOT predictions, written as grammatical kinds rather than wordings (issue 20:
masks written for particular wordings did not transfer to new batches), each beside the predictions it must not take
with it.

Every sentence here was written for this file (none is copied from the labelled set). Each is run through
``extract_candidates`` as a text of its own, with the sentence classifier, as a user's article would be.
"""

from __future__ import annotations

from datetime import date

import pytest

from predictions.extract import extract_candidates

BASE = date(2025, 6, 2)


def _taken(sentence: str, base: date = BASE) -> bool:
    return bool(extract_candidates(sentence, published_on=base))


# The guide (fifty-second and fifty-sixth batches, and its older "a company's or broadcaster's plan does not" count):
# what agents will do in their own work is their plan or schedule, whoever they are and however "will" is spelled: a
# speech's content ("he'll highlight", "who will talk about"), a trip, an inquiry ("the agencies will examine",
# "will analyze the results"), a rule proposed, a meeting held, results released. What those agents expect, and what
# the world will do, stay.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Next week she'll travel to Ohio to meet with factory workers.", False),
        ("He'll lay out his plan for lowering drug prices in a speech on Monday.", False),
        ("As the Secretary will highlight in her remarks, the program is working.", False),
        ("I now turn to Senator Alvarez, who will talk about the farm bill.", False),
        ("The regional offices will examine a sample of loan files for compliance.", False),
        ("Afterwards the agencies will analyze the findings and decide on next steps.", False),
        ("By the end of the year, we will propose new rules on overdraft fees.", False),
        ("We'll be holding a roundtable with small business owners on Thursday.", False),
        ("The survey results, which we will release in May, cover all fifty states.", False),
        ("The regulators will share their findings with state authorities.", False),
        ("The examiners from the regional office will conduct on-site reviews of each lender.", False),
        ("We expect inflation will fall to 2 percent next year.", True),
        ("She expects the agencies will propose tighter rules next year.", True),
        ("Prices will hold steady through the summer, analysts say.", True),
        ("Output will meet demand by the end of next year.", True),
        ("They'll see growth slow to 1 percent next year.", True),
    ],
)  # fmt: skip
def test_what_agents_will_do_in_their_own_work_is_a_plan(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# "going to" before a place or a thing is motion, not the future: "shoppers who are going to the store".
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Families who are going to the pharmacy pay more than they did.", False),
        ("Many workers are going to their offices only twice a week.", False),
        ("Prices are going to rise next year.", True),
        ("Rates are going to zero by the end of next year.", True),
    ],
)  # fmt: skip
def test_going_to_a_place_is_motion(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# The guide: an explicit non-prediction ("there is no way of predicting how long ... will last"), whatever the subject
# of "is difficult to predict".
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("How long the slowdown in hiring will last is difficult to predict.", False),
        ("The pace of the recovery from such a deep recession is difficult to predict.", False),
        ("The timing of the next recession remains hard to forecast.", False),
        ("Growth will be difficult to sustain next year.", True),
    ],
)  # fmt: skip
def test_what_is_hard_to_predict_is_no_prediction(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# The guide (fifty-ninth batch: a "may be more likely" clause is relative odds): what a group is more or less likely
# to do than another is a comparison of kinds, not an outcome ahead. A likelihood with its outcome stays.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("Wealthy households are less likely to spend an extra dollar of income.", False),
        ("Younger borrowers are more likely to miss a payment than older ones.", False),
        ("Unemployment is likely to rise next year.", True),
    ],
)  # fmt: skip
def test_relative_odds_of_a_kind_are_no_forecast(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence


# The guide ("likely" about the present): views or prices that are "likely the result of" a cause are an explanation.
@pytest.mark.parametrize(
    ("sentence", "predicts"),
    [
        ("These gloomy views are likely the result of years of weak wage growth.", False),
        ("The rise in rents is probably a reflection of low vacancy rates.", False),
        ("Rents are likely to rise next year as vacancies fall.", True),
    ],
)  # fmt: skip
def test_likely_the_result_of_a_cause_is_an_explanation(sentence: str, predicts: bool) -> None:
    assert _taken(sentence) is predicts, sentence
