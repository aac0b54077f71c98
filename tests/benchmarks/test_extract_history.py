"""The pure helpers of benchmarks/extract_history.py, on hand-made inputs (no git, no extractor run)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from benchmarks.extract_eval import Label, score_text
from benchmarks.extract_history import (
    as_record,
    auc,
    batch_bootstrap,
    best_threshold,
    best_unit,
    call_kwargs,
    compact,
    f1_of,
    first_commit,
    nested_choice,
    parse_adds,
    rates,
    record_for,
    summed,
)

LOG = """@bbb 200
tests/predictions/extract_dev/labels/b.json

@aaa 100
tests/predictions/extract_dev/labels/a.json
tests/predictions/extract_dev/labels/c.json
@ccc 300
tests/predictions/extract_dev/labels/a.json
"""


def test_parse_adds_maps_each_path_to_the_commits_that_added_it() -> None:
    adds = parse_adds(LOG)
    assert adds == {
        "tests/predictions/extract_dev/labels/b.json": [(200, "bbb")],
        "tests/predictions/extract_dev/labels/a.json": [(100, "aaa"), (300, "ccc")],
        "tests/predictions/extract_dev/labels/c.json": [(100, "aaa")],
    }


def test_first_commit_is_the_earliest_add_of_any_path_of_the_batch() -> None:
    adds = parse_adds(LOG)
    assert first_commit(adds, ["tests/predictions/extract_dev/labels/b.json"]) == "bbb"
    assert (
        first_commit(
            adds, ["tests/predictions/extract_dev/labels/b.json", "tests/predictions/extract_dev/labels/a.json"]
        )
        == "aaa"
    )
    assert first_commit(adds, ["tests/predictions/extract_dev/labels/zzz.json"]) is None
    # a tie in time: the smaller sha, so the choice does not depend on the log's order
    assert first_commit({"x": [(5, "f00")], "y": [(5, "a00")]}, ["x", "y"]) == "a00"


def test_call_kwargs_follow_the_old_signature() -> None:
    # the first extractor: published_on only
    assert call_kwargs({"published_on": True}, "2019-03-20", "Someone") == {"published_on": date(2019, 3, 20)}
    # an optional author is not passed (the evaluation passes none) ...
    assert call_kwargs({"published_on": True, "author": True}, "2019-03-20", "Someone") == {
        "published_on": date(2019, 3, 20)
    }
    # ... a required one is
    assert call_kwargs({"published_on": True, "author": False}, "2019-03-20", "Someone") == {
        "published_on": date(2019, 3, 20),
        "author": "Someone",
    }
    assert call_kwargs({}, "2019-03-20", None) == {}


@dataclass
class _Old:
    """A candidate of an old shape: quote and a to_claim that takes keywords, no offsets."""

    quote: str

    def to_claim(self, *, author: str | None, source_id: int | None) -> dict:
        return {
            "quote": self.quote,
            "statement": "S",
            "deadline": "2020-12-31",
            "needs_review": ["deadline: x"],
            "proposed_rule": None,
        }


@dataclass
class _New:
    quote: str
    start: int

    def to_claim(self) -> dict:
        return {"statement": "T", "deadline": None, "needs_review": [], "proposed_rule": {"op": ">="}}


def test_as_record_reads_every_shape() -> None:
    assert as_record(_Old("Growth will slow.")) == {
        "quote": "Growth will slow.",
        "start": None,
        "statement": "S",
        "deadline": "2020-12-31",
        "needs_review": ["deadline: x"],
        "proposed_rule": None,
    }
    assert as_record(_New("Prices will rise.", 12))["start"] == 12
    assert as_record(_New("Prices will rise.", 12))["proposed_rule"] == {"op": ">="}
    assert as_record({"quote": "Q", "span": [3, 4]})["start"] == 3


TEXT = "Sales fell last year. Growth will slow next year. Prices will rise in 2027."
#       0                   21 22                       49 50                     76


def _labels() -> list[Label]:
    out = []
    for sentence in ("Growth will slow next year.", "Prices will rise in 2027."):
        at = TEXT.index(sentence)
        out.append(Label(sentence, at, at + len(sentence), {"deadline": None}))
    return out


def test_compact_rows_score_as_the_records_they_came_from() -> None:
    long_quote = "Growth will slow next year."
    row = compact("t", long_quote, (22, 49), object())
    assert row == {"id": "t", "start": 22, "end": 49, "quote": long_quote[:160], "matched": True}
    assert record_for(row, TEXT) == {"quote": long_quote, "start": 22}
    unlocated = compact("t", "words not in the text", None, None)
    assert unlocated["quote"] == "words not in the text" and unlocated["matched"] is False
    assert record_for(unlocated, TEXT) == {"quote": "words not in the text", "start": None}
    # scored by the current evaluation: one found, one false (the unlocated quote), one labelled sentence missed
    counts = score_text(TEXT, _labels(), [record_for(row, TEXT), record_for(unlocated, TEXT)])
    assert (counts["labelled"], counts["candidates"], counts["found"], counts["true_candidates"]) == (2, 2, 1, 1)


def test_cut_quotes_keep_their_span() -> None:
    quote = "x" * 200
    text = "a" * 10 + quote
    row = compact("t", quote, (10, 210), None)
    assert len(row["quote"]) == 160
    assert record_for(row, text) == {"quote": quote, "start": 10}


def test_best_unit_is_the_largest_overlap() -> None:
    units = [(0, 21), (22, 49), (50, 76)]
    assert best_unit((22, 49), units) == 1
    assert best_unit((15, 30), units) == 1  # 8 characters in the second, 6 in the first
    assert best_unit((18, 25), units) == 0  # 3 each: the first
    assert best_unit((100, 120), units) is None
    assert best_unit(None, units) is None


def test_auc_counts_pairs_and_ties() -> None:
    assert auc([0.9, 0.8, 0.1], [True, True, False]) == 1.0
    assert auc([0.1, 0.9], [True, False]) == 0.0
    assert auc([0.5, 0.5], [True, False]) == 0.5
    assert auc([0.9, 0.4, 0.6, 0.2], [True, True, False, False]) == pytest.approx(0.75)
    assert auc([0.3], [True]) is None


def test_rates_and_sums() -> None:
    counts = [
        {"labelled": 4, "candidates": 5, "found": 3, "true_candidates": 3, "kept": 9},
        {"labelled": 0, "candidates": 1, "found": 0, "true_candidates": 0, "kept": 1},
    ]
    total = summed(counts)
    assert total == {"labelled": 4, "candidates": 6, "found": 3, "true_candidates": 3}
    assert rates(total) == {"recall": 0.75, "precision": 0.5}
    assert rates({"labelled": 0, "candidates": 0, "found": 0, "true_candidates": 0}) == {
        "recall": None,
        "precision": None,
    }


def test_best_threshold_by_f1_then_the_smaller() -> None:
    def entry(recall: float, precision: float) -> dict:
        return {"overall": {"recall": recall, "precision": precision}}

    table = {"0.0": entry(0.8, 0.6), "0.1": entry(0.75, 0.7), "0.2": entry(0.7, 0.75)}
    # F1: 0.686, 0.724, 0.724 -> the smaller of the tie
    assert best_threshold(table) == "0.1"
    assert best_threshold({"0.0": entry(0.8, 0.8), "0.3": entry(0.5, 0.9)}) == "0.0"


def test_f1_and_the_batch_bootstrap() -> None:
    def c(labelled: int, candidates: int, found: int) -> dict:
        return {"labelled": labelled, "candidates": candidates, "found": found, "true_candidates": found}

    assert f1_of(c(4, 4, 2)) == pytest.approx(0.5)
    assert f1_of(c(0, 0, 0)) == 0.0
    before = [c(10, 10, 8), c(10, 10, 8)]
    better = [c(10, 8, 8), c(10, 9, 8)]  # same finds, fewer false candidates in both batches
    result = batch_bootstrap(before, better, draws=200, seed=1)
    assert result["share_up"] == 1.0 and (result["batches_up"], result["batches_down"]) == (2, 0)
    assert result["delta_f1"] == pytest.approx(f1_of(c(20, 17, 16)) - 0.8, abs=1e-4)
    same = batch_bootstrap(before, before, draws=50)
    assert same == {"delta_f1": 0.0, "share_up": 0.0, "batches_up": 0, "batches_down": 0}


def test_nested_choice_never_uses_the_batch_it_scores() -> None:
    def c(labelled: int, candidates: int, found: int) -> dict:
        return {"labelled": labelled, "candidates": candidates, "found": found, "true_candidates": found}

    # batch "a" alone would prefer the veto (0.3); "b" and "c" are better without it
    table = {
        "0.0": {"a": c(10, 20, 10), "b": c(10, 10, 10), "c": c(10, 10, 10)},
        "0.3": {"a": c(10, 10, 10), "b": c(10, 10, 5), "c": c(10, 10, 5)},
    }
    result = nested_choice(table)
    # for "a": the others' F1 is 1.0 without the veto, 0.5 with it -> 0.0; for "b": a+c 0.8 vs 0.75 -> 0.0
    assert result["chosen"] == {"a": "0.0", "b": "0.0", "c": "0.0"}
    assert (result["labelled"], result["candidates"], result["found"]) == (30, 40, 30)
    assert result["recall"] == 1.0 and result["precision"] == 0.75
