"""The two-reader agreement figures (benchmarks/extract_agreement.py) on a hand-made two-text set, worked by hand."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from benchmarks.extract_agreement import (
    GROUPS,
    agreement,
    bootstrap,
    deadline_accepted,
    kappa,
    main,
    markdown,
    quoted_in,
)
from predictions.extract.units import units

TEXT_A = (
    "Growth will slow next year. Prices rose last month. Inflation is expected to fall to 2 percent in 2027. "
    "The board met on Tuesday."
)
TEXT_B = "Output could rise. Rates were cut. Unemployment is projected to reach 4 percent by 2026."


def _label(sentence: str, deadline: str | None, also: list[str] | None = None, rule: Any = None) -> dict[str, Any]:
    return {
        "sentence": sentence,
        "is_prediction": True,
        "author": "x",
        "author_words": None,
        "deadline": deadline,
        "deadline_also_ok": also or [],
        "deadline_phrase": None,
        "has_number": rule is not None,
        "rule": rule,
        "confidence_word": "x",
    }


ABOUT_2 = {"metric": "inflation", "comparison": "about", "threshold": 2, "unit": "%"}
ABOUT_4 = {"metric": "unemployment", "comparison": "about", "threshold": 4, "unit": "%"}


def _write(path: Path, text_id: str, items: list[dict[str, Any]]) -> None:
    path.mkdir(parents=True, exist_ok=True)
    (path / f"{text_id}.json").write_text(json.dumps({"id": text_id, "predictive_sentences": items}), encoding="utf-8")


@pytest.fixture
def two_texts(tmp_path: Path) -> Path:
    root = tmp_path / "set"
    (root / "texts").mkdir(parents=True)
    (root / "texts" / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (root / "texts" / "b.txt").write_text(TEXT_B, encoding="utf-8")
    entries = [{"id": i, "split": "dev", "genre": "g"} for i in ("a", "b")]
    (root / "manifest.json").write_text(json.dumps({"texts": entries}), encoding="utf-8")
    # The README quotes one unit of text a whole (51 characters), with curly quotes and a line break folded away.
    (root / "README.md").write_text(
        "Guide: “Inflation is expected to fall\nto 2 percent in 2027.” counts.", encoding="utf-8"
    )
    # Text a: the first reader takes sentences 1 and 3; the second takes 1, 2 (an extra) and 3, all alike.
    _write(
        root / "labels",
        "a",
        [
            _label("Growth will slow next year.", "2026-12-31"),
            _label("Inflation is expected to fall to 2 percent in 2027.", "2027-12-31", rule=ABOUT_2),
        ],
    )
    _write(
        root / "second_reader" / "labels",
        "a",
        [
            _label("Growth will slow next year.", "2026-12-31"),
            _label("Prices rose last month.", None),
            _label("Inflation is expected to fall to 2 percent in 2027.", "2027-12-31", rule=ABOUT_2),
        ],
    )
    # Text b: the first reader takes 1 and 3; the second only part of 3 (still a match: the overlap is all of the
    # shorter span), with another date the first reader accepts, and no number.
    _write(
        root / "labels",
        "b",
        [
            _label("Output could rise.", None),
            _label("Unemployment is projected to reach 4 percent by 2026.", "2026-12-31", ["2026-06-30"], rule=ABOUT_4),
        ],
    )
    _write(
        root / "second_reader" / "labels",
        "b",
        [
            _label("Unemployment is projected to reach 4 percent", "2026-06-30"),
        ],
    )
    return root


def test_the_splitter_gives_the_units_the_hand_figures_assume() -> None:
    assert len(units(TEXT_A)) == 4
    assert len(units(TEXT_B)) == 3


def test_agreement_on_two_texts_matches_the_hand_worked_figures(two_texts: Path) -> None:
    result = agreement(two_texts)
    a, b = result["texts"]
    # a: 2 first, 3 second, 2 found: recall 1, precision 2/3, F1 = 2(2/3)/(5/3) = 0.8.
    # Units 4: both yes 2, second only 1, both no 1. p_o 3/4; yes shares 1/2 and 3/4, p_e = 3/8 + 1/8 = 1/2;
    # kappa (3/4 - 1/2) / (1/2) = 0.5.
    assert (a["first"], a["second"], a["found"], a["true"]) == (2, 3, 2, 2)
    assert a["recall"] == 1.0 and a["precision"] == pytest.approx(2 / 3) and a["f1"] == pytest.approx(0.8)
    assert (a["units"], a["yy"], a["yn"], a["ny"], a["nn"]) == (4, 2, 0, 1, 1)
    assert a["kappa"] == pytest.approx(0.5)
    assert (a["deadline_exact"], a["deadline_accepted"], a["has_number_same"], a["rule_same"]) == (2, 2, 2, 1)
    assert a["second_only"] == ["Prices rose last month."]
    # b: 2 first, 1 second, 1 found: recall 1/2, precision 1, F1 = 2(1/2)/(3/2) = 2/3.
    # Units 3: both yes 1, first only 1, both no 1. p_o 2/3; yes shares 2/3 and 1/3, p_e = 2/9 + 2/9 = 4/9;
    # kappa (6/9 - 4/9) / (5/9) = 0.4. The pair's dates differ (exact 0) but 2026-06-30 is accepted (1);
    # has_number differs (0); no pair has two rules.
    assert (b["first"], b["second"], b["found"]) == (2, 1, 1)
    assert b["recall"] == 0.5 and b["precision"] == 1.0 and b["f1"] == pytest.approx(2 / 3)
    assert (b["units"], b["yy"], b["yn"], b["ny"], b["nn"]) == (3, 1, 1, 0, 1)
    assert b["kappa"] == pytest.approx(0.4)
    assert (b["deadline_exact"], b["deadline_accepted"], b["has_number_same"], b["both_numbered"]) == (0, 1, 0, 0)
    assert b["first_only"] == ["Output could rise."]
    # Pooled: 4 first, 4 second, 3 found: recall = precision = F1 = 0.75. Units 7: 3, 1, 1, 2; p_o 5/7,
    # yes shares 4/7 each, p_e = 16/49 + 9/49 = 25/49; kappa (35/49 - 25/49) / (24/49) = 10/24.
    o = result["overall"]
    assert (o["recall"], o["precision"], o["f1"]) == (0.75, 0.75, 0.75)
    assert (o["units"], o["yy"], o["yn"], o["ny"], o["nn"]) == (7, 3, 1, 1, 2)
    assert o["kappa"] == pytest.approx(10 / 24)
    assert (o["deadline_exact"], o["deadline_accepted"], o["pairs"]) == (2, 3, 3)
    assert o["off_units"] == {"first": 0, "second": 0}
    # Quoted: the one unit both readers take (a 1x1 table, kappa undefined); the other six units are unquoted.
    assert o["by_quote"]["quoted"] | {"kappa": None} == {
        "yy": 1,
        "yn": 0,
        "ny": 0,
        "nn": 0,
        "units": 1,
        "kappa": None,
        "unit_recall": 1.0,
        "unit_precision": 1.0,
    }
    unquoted = o["by_quote"]["unquoted"]
    assert (unquoted["yy"], unquoted["yn"], unquoted["ny"], unquoted["nn"]) == (2, 1, 1, 2)
    # p_o 4/6, yes shares 1/2 each, p_e 1/2: kappa 1/3.
    assert unquoted["kappa"] == pytest.approx(1 / 3)
    table = markdown(result)
    assert "| **overall** | 4 | 4 | 3 | 0.75 | 0.75 | 0.75 | 7 | 0.42 | 0.67 | 1.00 | 0.67 | 1.00 (1/1) |" in table


def test_quoted_in_needs_the_run_and_bootstrap_of_one_text_is_its_figures(two_texts: Path) -> None:
    readme = "a guide that quotes: growth will slow next year and prices rise."
    assert quoted_in("growth will slow next year", readme)  # shorter than the run: the whole passage
    assert not quoted_in("growth will slow next year.", readme)
    # 60 characters sharing 42 in a row, from offset 0: the window at 0 (40 characters) is in the README.
    assert quoted_in("growth will slow next year and prices rise, said nobody at all", readme)
    # The same 42 from offset 5: no window at 0, 10, 20 fits inside them, so not quoted at the default run of 50.
    assert not quoted_in("abcd growth will slow next year and prices rise, said nobody at all", readme)
    assert quoted_in("abcd growth will slow next year and prices rise, said nobody", readme, run=30)
    row = agreement(two_texts)["texts"][1]
    boot = bootstrap([row], draws=20)
    assert (
        boot["recall"] == [0.5, 0.5] and boot["precision"] == [1.0, 1.0] and boot["kappa"] == pytest.approx([0.4, 0.4])
    )


def test_kappa_and_accepted_deadlines_by_hand() -> None:
    assert kappa({"yy": 5, "yn": 0, "ny": 0, "nn": 5}) == 1.0
    assert kappa({"yy": 0, "yn": 5, "ny": 5, "nn": 0}) == -1.0
    assert kappa({"yy": 3, "yn": 0, "ny": 0, "nn": 0}) is None  # both say yes to everything: p_e = 1
    first = {"deadline": "2026-12-31", "deadline_also_ok": ["2026-06-30"]}
    assert deadline_accepted(first, {"deadline": "2026-06-30", "deadline_also_ok": []})
    assert deadline_accepted({"deadline": "2027-12-31", "deadline_also_ok": ["2026-12-31"]}, first)
    assert not deadline_accepted(first, {"deadline": None, "deadline_also_ok": []})
    assert deadline_accepted({"deadline": None, "deadline_also_ok": []}, {"deadline": None, "deadline_also_ok": []})


def test_ids_pick_texts_and_genres_pool_their_texts(two_texts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    only_b = agreement(two_texts, ids=["b"])
    assert [r["id"] for r in only_b["texts"]] == ["b"]
    assert (only_b["overall"]["first"], only_b["overall"]["found"], only_b["overall"]["kappa"]) == (
        2,
        1,
        pytest.approx(0.4),
    )
    with pytest.raises(ValueError, match="not labelled"):
        agreement(two_texts, ids=["b", "c"])
    # One genre: its pooled row is the overall row.
    (g,) = agreement(two_texts)["genres"]
    assert (g["genre"], g["texts"], g["recall"], g["kappa"]) == ("g", 2, 0.75, pytest.approx(10 / 24))
    # Two genres: each row is its own text's figures.
    manifest = {"texts": [{"id": "a", "split": "dev", "genre": "news"}, {"id": "b", "split": "dev", "genre": "fomc"}]}
    (two_texts / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    fomc, news = agreement(two_texts)["genres"]
    assert (fomc["genre"], fomc["recall"], fomc["precision"]) == ("fomc", 0.5, 1.0)
    assert (news["genre"], news["recall"], news["precision"], news["kappa"]) == ("news", 1.0, pytest.approx(2 / 3), 0.5)
    assert main(["--set", str(two_texts), "--ids", "a", "--by-genre"]) == 0
    out = capsys.readouterr().out
    assert "| news (1) | 2 | 3 | 2 | 1.00 | 0.67 | 0.80 | 4 | 0.50 |" in out and "fomc" not in out
    assert len(GROUPS["first-12"]) == 12 and len(GROUPS["batches-20-28"]) == 27 and len(GROUPS["batches-45-59"]) == 12
