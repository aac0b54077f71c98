"""The labelled extraction set is whole and consistent, and the evaluation's matching and figures are right."""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from benchmarks.extract_eval import Label, kept_unedited, load_set, markdown, match, rule_right, score_text

ROOT = Path(__file__).resolve().parent / "extract_dev"
MANIFEST = json.loads((ROOT / "manifest.json").read_text(encoding="utf-8"))


def test_manifest_lists_every_text_and_label_with_provenance_and_split() -> None:
    ids = [t["id"] for t in MANIFEST["texts"]]
    assert len(ids) == len(set(ids))
    assert sorted(p.stem for p in (ROOT / "texts").glob("*.txt")) == sorted(ids)
    assert sorted(p.stem for p in (ROOT / "labels").glob("*.json")) == sorted(ids)
    for entry in MANIFEST["texts"]:
        for key in ("title", "publisher", "original_url", "licence", "excerpt", "published_on_note"):
            assert entry[key].strip(), (entry["id"], key)
        source = entry["source"]
        if "repo" in source:  # a file of a public repository, at a commit
            assert source["repo"] and source["path"]
            assert re.fullmatch(r"[0-9a-f]{40}", source["commit"])
        else:  # a stored copy of a web page, named by the address it was stored under
            assert source["stored_page"].startswith(("https://", "http://")) and source["read_with"].strip()
        assert entry["original_url"].startswith("https://")
        date.fromisoformat(entry["published_on"])
        assert entry["split"] in {"dev", "heldout"}


def test_split_is_the_seeded_draws_recorded_in_the_manifest() -> None:
    expected: dict[str, str] = {}
    for draw in MANIFEST["split_draws"]:
        universe = sorted(draw["universe"])
        heldout = set(random.Random(draw["seed"]).sample(universe, len(universe) // 2))
        for doc_id in universe:
            assert doc_id not in expected, f"{doc_id} is in two draws"
            expected[doc_id] = "heldout" if doc_id in heldout else "dev"
    for entry in MANIFEST["texts"]:
        assert entry["split"] == expected[entry["id"]], entry["id"]


def test_set_is_big_enough() -> None:
    docs = load_set(ROOT)
    assert len(docs) >= 20
    assert sum(len(d["labels"]) for d in docs) >= 300
    assert {d["split"] for d in docs} == {"dev", "heldout"}


@pytest.mark.parametrize("entry", MANIFEST["texts"], ids=lambda e: e["id"])
def test_labels_are_verbatim_sentences_of_their_text_with_complete_fields(entry: dict[str, Any]) -> None:
    text = (ROOT / "texts" / f"{entry['id']}.txt").read_text(encoding="utf-8")
    labels = json.loads((ROOT / "labels" / f"{entry['id']}.json").read_text(encoding="utf-8"))
    assert labels["id"] == entry["id"]
    sentences = [item["sentence"] for item in labels["predictive_sentences"]]
    assert len(sentences) == len(set(sentences))
    for item in labels["predictive_sentences"]:
        assert text.count(item["sentence"]) == 1, item["sentence"]
        assert item["is_prediction"] is True
        assert item["author"] and item["confidence_word"]
        for on in [item["deadline"], *item["deadline_also_ok"]]:
            if on is not None:
                date.fromisoformat(on)
        if item["deadline_phrase"] is not None:
            assert item["deadline_phrase"] in item["sentence"]
        assert item["has_number"] == (item["rule"] is not None)
        if item["rule"] is not None:
            assert item["rule"]["comparison"] in {">", ">=", "<", "<=", "about", "between"}
            assert item["rule"]["unit"] and item["rule"]["metric"]


# --- the evaluation on a tiny hand-made example -------------------------------------------------------------

TEXT = (
    "Sales rose in May. The staff expected sales to grow 3 percent next year. "
    "It remains to be seen whether prices fall. Output could slip below 2 percent in 2026."
)
# Hand-made labels: two predictive sentences; the other two are negatives.
S1 = "The staff expected sales to grow 3 percent next year."
S2 = "Output could slip below 2 percent in 2026."


def _labels() -> list[Label]:
    def label(sentence: str, data: dict[str, Any]) -> Label:
        at = TEXT.index(sentence)
        return Label(sentence, at, at + len(sentence), data)

    return [
        label(
            S1,
            {
                "deadline": "2026-12-31",
                "deadline_also_ok": [],
                "has_number": True,
                "rule": {"metric": "sales growth", "comparison": "about", "threshold": 3.0, "unit": "%"},
            },
        ),
        label(
            S2,
            {
                "deadline": None,
                "deadline_also_ok": [],
                "has_number": True,
                "rule": {"metric": "output", "comparison": "<", "threshold": 2.0, "unit": "%"},
            },
        ),
    ]


@dataclass
class FakeCandidate:
    quote: str
    statement: str
    deadline: str | None
    rule: dict[str, Any] | None
    needs_review: list[str] = field(default_factory=list)

    def to_claim(self, *, author: str | None, source_id: int | None) -> dict[str, Any]:
        return {
            "quote": self.quote,
            "statement": self.statement,
            "deadline": self.deadline,
            "proposed_rule": self.rule,
            "needs_review": self.needs_review,
        }


def test_match_needs_half_of_the_shorter_span() -> None:
    labels = _labels()
    s1 = labels[0]
    # 20 of the 53 characters of S1, and the candidate span is 20 long: half of the shorter -> a match.
    assert match((s1.start, s1.start + 20), labels) is s1
    # A span reaching 5 characters into S1 from the sentence before, 25 long: 5 < 12.5 -> no match.
    assert match((s1.start - 20, s1.start + 5), labels) is None
    assert match(None, labels) is None


def test_score_text_counts_recall_precision_deadline_rule_and_kept_by_hand() -> None:
    candidates = [
        # True (S1), right deadline, point forecast 3% read as a band 2.5-3.5 that encloses it, statement clean.
        FakeCandidate(
            S1, "Sales grow 3 percent in 2026.", "2026-12-31", {"op": "between", "threshold": [2.5, 3.5], "unit": "%"}
        ),
        # False: a non-prediction.
        FakeCandidate("It remains to be seen whether prices fall.", "Prices fall.", "2026-12-31", None),
        # True (S2): no date in the text and a default flagged for review -> right; rule op wrong ('>' not '<');
        # the statement keeps the hedge 'could' -> not kept.
        FakeCandidate(
            S2,
            "Output could slip below 2 percent.",
            "2027-06-01",
            {"op": ">", "threshold": 2, "unit": "percent"},
            ["deadline: the text gives no date; a default horizon was set"],
        ),
    ]
    counts = score_text(TEXT, _labels(), candidates)
    assert counts["labelled"] == 2 and counts["candidates"] == 3
    assert counts["found"] == 2 and counts["true_candidates"] == 2  # recall 2/2, precision 2/3
    assert counts["deadline_right"] == 2
    assert counts["numbered"] == 2 and counts["rule_right"] == 1
    assert counts["kept"] == 1
    assert counts["false"] == ["It remains to be seen whether prices fall."]
    assert counts["missed"] == []


def test_score_text_counts_a_sentence_cut_in_two_once() -> None:
    first_half, second_half = "The staff expected sales", "to grow 3 percent next year."
    candidates = [
        FakeCandidate(first_half, "Sales grow.", "2026-12-31", None),  # 24 characters of S1
        FakeCandidate(second_half, "Sales grow 3 percent.", "2026-12-31", None),  # 28 characters of S1: the true one
    ]
    counts = score_text(TEXT, _labels(), candidates)
    assert (counts["found"], counts["true_candidates"], counts["candidates"]) == (1, 1, 2)  # precision 1/2
    assert counts["duplicate"] == [first_half]
    assert counts["kept"] == 1  # the true one's statement, "Sales grow 3 percent."


def test_score_text_misses_a_sentence_and_a_wrong_date() -> None:
    candidates = [FakeCandidate(S1, "The staff expected sales to grow.", "2025-12-31", None)]
    counts = score_text(TEXT, _labels(), candidates)
    assert (counts["found"], counts["true_candidates"], counts["deadline_right"], counts["rule_right"]) == (1, 1, 0, 0)
    assert counts["missed"] == [S2]
    assert counts["kept"] == 0  # 'staff', 'expected'


def test_a_missing_deadline_is_not_an_honest_default() -> None:
    flagged = ["deadline: the text gives no date; set one"]
    counts = score_text(TEXT, _labels(), [FakeCandidate(S2, "Output slips below 2 percent.", None, None, flagged)])
    assert (counts["true_candidates"], counts["deadline_right"]) == (1, 0)
    counts = score_text(TEXT, _labels(), [FakeCandidate(S2, "Output slips below 2 percent.", "2027-06-01", None)])
    assert counts["deadline_right"] == 0  # a date, but not flagged for review


def test_rule_right_reads_comparison_threshold_and_unit_not_the_metric() -> None:
    label = {"metric": "unemployment rate", "comparison": "<", "threshold": 4.0, "unit": "%"}
    assert rule_right({"op": "<", "threshold": 4, "unit": "%", "metric": "anything"}, label)
    assert not rule_right({"op": "<=", "threshold": 4, "unit": "%"}, label)
    assert not rule_right({"op": "<", "threshold": 4, "unit": "pp"}, label)
    assert not rule_right(None, label)
    about = {"metric": "inflation", "comparison": "about", "threshold": 2.0, "unit": "%"}
    assert rule_right({"op": "=", "threshold": 2.0, "unit": "%"}, about)
    assert rule_right({"op": "between", "low": 1.75, "high": 2.25, "unit": "%"}, about)
    assert not rule_right({"op": "between", "low": 2.1, "high": 2.5, "unit": "%"}, about)
    # A band given as a lower bound with a "high" end encloses 2; it is not a "<" rule.
    assert rule_right({"op": ">=", "threshold": 1.5, "high": 2.5, "unit": "%"}, about)
    assert not rule_right({"op": ">=", "threshold": 1.5, "high": 2.5, "unit": "%"}, label)


def test_kept_unedited_proxy() -> None:
    assert kept_unedited("US real GDP grows by more than 2% in 2019.")
    assert not kept_unedited("It will face competition by 2026.")
    assert not kept_unedited("Participants expected inflation to reach 2% in 2019.")
    assert not kept_unedited("Inflation could reach 2% in 2019.")
    assert not kept_unedited("")


def test_markdown_by_genre_has_a_row_per_genre_and_half_with_texts() -> None:
    def row(texts: int, labelled: int, found: int) -> dict[str, Any]:
        return {"texts": texts, "labelled": labelled, "candidates": found, "found": found, "true_candidates": found,
                "deadline_right": 0, "numbered": 0, "rule_right": 0, "kept": 0, "recall": found / max(labelled, 1),
                "precision": 1.0, "deadline_share": 0.0, "rule_share": None, "kept_share": 0.0}  # fmt: skip

    result = {
        "texts": [],
        "splits": {"dev": row(1, 4, 2), "heldout": row(1, 4, 2)},
        "genres": {
            "energy-outlook": {"dev": row(1, 4, 2), "heldout": row(0, 0, 0), "all": row(1, 4, 2)},
            "weather-forecast": {"dev": row(0, 0, 0), "heldout": row(1, 4, 2), "all": row(1, 4, 2)},
        },
    }
    text = markdown(result, by_genre=True)
    assert "| energy-outlook (dev) | 4 | 2 | 2 | 2 | 0.50 |" in text
    assert "| weather-forecast (heldout) | 4 |" in text
    assert "energy-outlook (heldout)" not in text and "weather-forecast (dev)" not in text  # no texts there
    assert "by genre" not in markdown(result)


def test_load_set_of_one_half_does_not_open_the_other(tmp_path: Path) -> None:
    # a set whose held-out files do not exist: reading the dev half must not touch them
    (tmp_path / "texts").mkdir()
    (tmp_path / "labels").mkdir()
    manifest = {"texts": [{"id": "d1", "split": "dev"}, {"id": "h1", "split": "heldout"}]}
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    (tmp_path / "texts" / "d1.txt").write_text("Prices will rise next year. Sales fell.", encoding="utf-8")
    labels = {"predictive_sentences": [{"sentence": "Prices will rise next year."}]}
    (tmp_path / "labels" / "d1.json").write_text(json.dumps(labels), encoding="utf-8")
    (doc,) = load_set(tmp_path, ("dev",))
    assert doc["id"] == "d1" and [label.start for label in doc["labels"]] == [0]
    with pytest.raises(FileNotFoundError):
        load_set(tmp_path)  # both halves: the missing held-out file is opened


def test_evaluate_strict_scores_only_what_strict_mode_keeps(tmp_path: Path) -> None:
    from benchmarks.extract_eval import evaluate
    from predictions.extract import classify

    # six units: four no rule takes and two cue sentences, one of them labelled; a controlled model scores every
    # unit 1 / (1 + e^3) = 0.047, under the 0.2 below which a rule candidate is doubted
    (tmp_path / "texts").mkdir()
    (tmp_path / "labels").mkdir()
    manifest = {"texts": [{"id": "d1", "split": "dev", "genre": "news", "published_on": "2025-01-15"}]}
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    text = (
        "The committee met on Tuesday. Members discussed housing. Staff presented a survey. The chair thanked "
        "the staff. Prices will rise next year. Wages will rise in 2026."
    )
    (tmp_path / "texts" / "d1.txt").write_text(text, encoding="utf-8")
    labels = {"predictive_sentences": [{"sentence": "Prices will rise next year.", "deadline": "2025-12-31"}]}
    (tmp_path / "labels" / "d1.json").write_text(json.dumps(labels), encoding="utf-8")
    with classify.using(classify.Model(intercept=-3.0, weights={}, veto=0.0, admit=1.0)):
        loose = evaluate(tmp_path, ("dev",))["splits"]["dev"]
        strict = evaluate(tmp_path, ("dev",), strict=True)
    assert (loose["candidates"], loose["found"], loose["recall"], loose["precision"]) == (2, 1, 1.0, 0.5)
    assert strict["strict"] is True
    assert (strict["splits"]["dev"]["candidates"], strict["splits"]["dev"]["found"]) == (0, 0)
