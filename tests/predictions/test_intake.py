"""Intake's shaping of candidates: offsets, defaults, parts of a long text, the time-bounded workers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from predictions.extract import intake
from predictions.ledger.schemas import ClaimCreate

ARTICLES = Path(__file__).parent / "articles"
ENERGY = (ARTICLES / "energy_bullets.md").read_text(encoding="utf-8")
HOUSING = (ARTICLES / "hedged_housing.txt").read_text(encoding="utf-8")
TODAY = date(2026, 12, 6)


@pytest.fixture(scope="module")
def workers() -> None:
    intake.warm_up()
    assert intake.wait_until_warm(120)


def test_offsets_point_at_each_quote_even_when_it_repeats() -> None:
    text = ENERGY + "\n\n" + ENERGY
    found = intake.candidate_claims(text, published_on=date(2025, 1, 15), today=TODAY)
    assert len(found) % 2 == 0 and found
    half = len(found) // 2
    for first, second in zip(found[:half], found[half:], strict=True):
        assert first.claim["quote"] == second.claim["quote"]
        # The second copy's quote is found after the first's, not at the same place.
        assert second.quote_start == first.quote_start + len(ENERGY) + 2
    for candidate in found:
        assert text[candidate.quote_start : candidate.quote_end] == candidate.claim["quote"]


def test_no_date_in_the_sentence_gets_the_texts_horizon_or_the_default_flagged_and_imports() -> None:
    found = intake.candidate_claims(HOUSING, published_on=date(2025, 3, 3), author="Desk", today=TODAY)
    undated = [c.claim for c in found if any("names most often" in n for n in c.claim["needs_review"])]
    assert undated, [c.claim["deadline"] for c in found]
    # The text names 31 December 2025 three times ("by the end of 2025", "before 2026", "in 2025") and no other
    # future date but once: undated predictions get it, flagged.
    assert {c["deadline"] for c in undated} == {"2025-12-31"}
    bare = "The recovery may continue. Rents might ease, and builders could struggle for a while."
    dateless = intake.candidate_claims(bare, published_on=date(2025, 3, 3), author="Desk", today=TODAY)
    assert dateless
    # a text that names no date: 31 December of the second year after the text's date, worked by hand from 2025-03-03
    assert {c.claim["deadline"] for c in dateless} == {"2027-12-31"}
    assert all(any("default horizon" in n for n in c.claim["needs_review"]) for c in dateless)
    for candidate in [*found, *dateless]:
        ClaimCreate.model_validate(candidate.claim)  # each one imports as it is


def test_a_long_text_in_parts_gives_what_the_whole_gives() -> None:
    text = "\n\n".join([ENERGY] * 40)  # about 24,000 characters: three parts
    assert len(text) > 2 * intake.PART_CHARS
    whole = intake.candidate_claims(text, published_on=date(2025, 1, 15), today=TODAY)
    parts = list(intake.candidate_parts(text, published_on=date(2025, 1, 15), today=TODAY))
    assert len(parts) == 3 and parts[-1][1] == len(text)
    assert all(text[end - 2 : end] == "\n\n" for _, end in parts[:-1])  # cut between paragraphs
    joined = [c for found, _ in parts for c in found]
    assert [(c.quote_start, c.quote_end, c.claim) for c in joined] == [
        (c.quote_start, c.quote_end, c.claim) for c in whole
    ]


def test_past_the_time_limit_the_parts_read_are_the_answer(workers: None) -> None:
    # About 9.6 million characters: some 30 s of reading on an idle machine, far more than the 6 s limit; the limit
    # is long enough that a first 10,000-character part (about 0.03 s idle) is done even on a machine loaded many
    # times over (at 2 s, the whole suite beside other jobs on two cores once saw no part done).
    text = "\n\n".join([ENERGY] * 16000)
    found = intake.bounded_candidate_claims(text, published_on=date(2025, 1, 15), today=TODAY, time_limit=6.0)
    assert not found.complete and 0 < found.read_chars < len(text)
    assert found.candidates and all(c.quote_end <= found.read_chars for c in found.candidates)
    # A short text afterwards is read whole, by the other worker or the replacement.
    again = intake.bounded_candidate_claims(ENERGY, published_on=date(2025, 1, 15), today=TODAY, time_limit=30)
    assert again.complete and again.read_chars == len(ENERGY) and again.candidates


def test_normalised_quotes_compare_equal() -> None:
    assert intake.normalise_quote("  It’s LIKELY — to rise.\n") == intake.normalise_quote("it s likely to rise")
    assert intake.normalise_quote("Prices will rise") != intake.normalise_quote("Prices will fall")


def test_every_part_of_a_long_text_gets_the_whole_texts_horizon() -> None:
    dated = "We expect production to fall in 2026. Exports will rise in 2026 and in 2026.\n\n"
    undated = "Prices will ease further.\n\n"
    # the first part names 2026 three times; the last part's sentences name 2027 once but no date of their own
    tail = "Imports will grow in 2027.\n\n" + undated * 10
    text = dated + "Filler text with no prediction at all here.\n\n" * 600 + tail
    assert len(text) > 2 * intake.PART_CHARS
    parts = list(intake.candidate_parts(text, published_on=date(2025, 11, 12), today=TODAY))
    last = [c for c in parts[-1][0] if c.claim["quote"] == "Prices will ease further."]
    assert last and {c.claim["deadline"] for c in last} == {"2026-12-31"}  # the whole text's, not the part's 2027
