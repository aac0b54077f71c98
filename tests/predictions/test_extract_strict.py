"""Strict extraction: a rule candidate the classifier doubts is left out, not flagged, and only when asked.

The model is controlled: intercept -3 and no weights score every unit 1 / (1 + e^3) = 0.0474, under ``DOUBTED``
(0.2) and over the veto (0); admit 1.0 lets no unit in that the rules do not take.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator
from datetime import date

import pytest

from predictions.extract import classify, extract_candidates, intake, workers
from predictions.extract.candidates import DOUBTED, STRICT_MIN_UNITS

BASE = date(2025, 3, 1)
TODAY = date(2026, 1, 1)
CUE = "Inflation will fall below 2 percent by the end of 2026."
# Five sentences no rule takes (no future cue, no date after the text's) and the cue sentence: six units.
FILLER = [
    "The committee met on Tuesday.",
    "Members discussed the housing market at length.",
    "Several noted weak demand in the spring.",
    "Staff presented new survey results.",
    "The chair thanked the staff for their work.",
]
PROSE = " ".join([*FILLER, CUE])
# A title (no unit), three sentences no rule takes, a cue sentence of prose, and two list items under a
# "Predictions" heading: six units.
LISTED = (
    "Notes from the March meeting\n\n"
    f"{FILLER[0]} {FILLER[1]} {FILLER[2]} The chair expects that rates will be cut in 2026.\n\n"
    "## Predictions\n\n"
    f"- {CUE}\n"
    "- Unemployment will stay under 5 percent through 2026.\n"
)


@pytest.fixture(autouse=True)
def doubting_model() -> Iterator[None]:
    with classify.using(classify.Model(intercept=-3.0, weights={}, veto=0.0, admit=1.0)):
        yield


def _quotes(text: str, **options: bool) -> list[str]:
    return [c.quote for c in extract_candidates(text, published_on=BASE, **options)]


def test_the_controlled_model_doubts_every_unit() -> None:
    assert 1 / (1 + math.exp(3.0)) == pytest.approx(0.0474, abs=1e-4) and 0.0474 < DOUBTED
    assert STRICT_MIN_UNITS == 6


def test_a_doubted_cue_sentence_of_a_longer_text_is_left_out_only_when_strict() -> None:
    assert _quotes(PROSE) == [CUE]  # kept and flagged by default
    assert _quotes(PROSE, strict=True) == []


def test_a_text_of_fewer_than_six_units_is_read_in_full() -> None:
    assert _quotes(CUE, strict=True) == [CUE]  # a sentence typed alone
    five = " ".join([*FILLER[:4], CUE])
    assert _quotes(five, strict=True) == [CUE]


def test_a_list_item_under_a_predictions_heading_stays() -> None:
    items = [CUE, "Unemployment will stay under 5 percent through 2026."]
    assert _quotes(LISTED) == ["The chair expects that rates will be cut in 2026.", *items]
    assert _quotes(LISTED, strict=True) == items  # the prose cue sentence goes, the listed ones stay


def test_prose_in_a_section_headed_as_predictions_stays() -> None:
    # As the seed's "Verdict & Predictions": a numbered list, then a paragraph of prose under the same heading.
    outside = "The chair expects that rates will be cut in 2026."
    metric = "Exports will recover to their 2019 level by 2027."
    text = f"{FILLER[0]} {FILLER[1]} {outside}\n\nVerdict & Predictions\n\n1. {CUE}\n\n{FILLER[2]} {metric}\n"
    assert _quotes(text) == [outside, CUE, metric]
    assert _quotes(text, strict=True) == [CUE, metric]


def test_doubted_marks_exactly_what_strict_leaves_out() -> None:
    for text in (PROSE, LISTED):
        loose = extract_candidates(text, published_on=BASE)
        kept = [c.quote for c in loose if not c.doubted]
        assert kept == _quotes(text, strict=True)
        for candidate in loose:
            note = candidate.to_claim()["extraction"]
            assert note["doubted"] is candidate.doubted and note["classifier_score"] == 0.047
            flagged = any(p.startswith("prediction: the sentence classifier scores it 0.05;") for p in
                          candidate.needs_review)  # fmt: skip
            assert flagged is candidate.doubted
    assert [c.doubted for c in extract_candidates(LISTED, published_on=BASE)] == [True, False, False]
    # a sentence typed alone is read in full, so nothing in it is doubted (it is still flagged with its score)
    (alone,) = extract_candidates(CUE, published_on=BASE)
    assert alone.doubted is False and alone.to_claim()["extraction"]["doubted"] is False
    with classify.using(None):
        assert [c.doubted for c in extract_candidates(PROSE, published_on=BASE)] == [False]


def test_without_a_model_strict_changes_nothing() -> None:
    with classify.using(None):
        assert _quotes(PROSE, strict=True) == _quotes(PROSE) == [CUE]


def test_a_long_texts_short_last_part_is_not_read_as_a_short_text() -> None:
    # A paragraph of filler sentences just under PART_CHARS, then a last paragraph of two units, read as a part of
    # its own: the whole text is long, so strict holds there too.
    head = FILLER[0]
    for sentence in itertools.cycle(FILLER[1:]):
        if len(head) + 1 + len(sentence) > intake.PART_CHARS - 2:
            break
        head = f"{head} {sentence}"
    text = f"{head}\n\nThe meeting ended at noon. {CUE}\n"
    parts = list(intake.candidate_parts(text, published_on=BASE, today=TODAY, strict=True))
    assert [read for _, read in parts] == [len(head) + 2, len(text)]
    assert [found for found, _ in parts] == [[], []]
    loose = [c.claim for found, _ in intake.candidate_parts(text, published_on=BASE, today=TODAY) for c in found]
    assert [claim["quote"] for claim in loose] == [CUE]
    assert loose[0]["extraction"]["doubted"] is True  # what strict leaves out, and the review page leaves unchecked


def test_the_workers_job_carries_strict() -> None:
    # what ``bounded_candidate_claims`` sends a worker process, run here in the test's process
    job = {"text": PROSE, "published_on": BASE, "author": None, "source_id": None, "today": TODAY}
    assert [c["claim"]["quote"] for found, _ in workers.work(job) for c in found] == [CUE]
    assert [found for found, _ in workers.work({**job, "strict": True})] == [[]]
