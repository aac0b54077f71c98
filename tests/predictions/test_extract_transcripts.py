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
