"""Candidate claims from articles: the first source and five articles written for these tests.

Gold standard (written by hand, before looking at the output): every resolvable prediction made by the text's
own author, with its deadline, comparison and condition. Measured on 2026-11-28 with the rules as committed:

| text | candidates | correct | gold | precision | recall |
|---|---|---|---|---|---|
| first source (AINews) | 5 | 5 | 5 | 1.00 | 1.00 |
| inflation_prose (prose, relative dates, quarter, negation) | 4 | 4 | 4 | 1.00 | 1.00 |
| tech_list (numbered list, quarters, word numbers, money) | 5 | 5 | 5 | 1.00 | 1.00 |
| hedged_housing (hedges, questions, reported speech) | 4 | 3 | 3 | 0.75 | 1.00 |
| energy_bullets (bullets, mid-year, "before", negation) | 5 | 5 | 5 | 1.00 | 1.00 |
| conditional_rates ("if", "in the event of", "unless") | 3 | 3 | 3 | 1.00 | 1.00 |
| **all** | 26 | 25 | 25 | **0.96** | **1.00** |

The one false positive is reported speech ("Developers say planning reform will help"). These texts were written
by the same person who wrote the rules, so the figures are in-sample: expect lower recall on other authors' prose.
Field accuracy on the 25 hits (deadline, operator and threshold, condition present or not) is checked exactly below.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from predictions.extract import extract_candidates, find_deadline, find_threshold, stated_confidence
from predictions.seed.seed import article_text

ARTICLES = Path(__file__).parent / "articles"

# (start of the quote, deadline, (op, threshold) or None, condition expected)
Gold = tuple[str, str | None, tuple[str, float] | None, bool]
GOLD: dict[str, list[Gold]] = {
    "seed": [
        ("By 2026, a dominant domestic AI software stack", "2026-12-31", (">", 70), False),
        ("The 'M2-M1 stability' will face", None, None, True),
        ("We will see the rise of 'Sovereign Tech'", None, None, False),
        ("At least one major legal test case", "2025-12-31", (">=", 1), False),
        ("The ultimate success metric", None, (">=", 3), False),
    ],
    "inflation_prose.txt": [
        ("We expect headline inflation", "2025-09-30", ("<", 2), False),
        ("The ECB will cut its deposit rate", "2026-09-03", ("<=", 2), False),
        ("Wage growth will not exceed 3.5%", "2026-12-31", ("<=", 3.5), False),
        ("Germany's economy is likely to grow", "2025-12-31", ("<", 1), False),
    ],
    "tech_list.md": [
        ("TSMC will start volume production", "2025-12-31", None, False),
        ("At least two US hyperscalers", "2026-06-30", (">=", 2), False),
        ("Nvidia's share", "2026-12-31", (">", 80), False),
        ("Global semiconductor revenue", "2025-12-31", (">", 700e9), False),
        ("Intel spins off", "2027-12-31", None, False),
    ],
    "hedged_housing.txt": [
        ("Prices could rise by more than 5%", "2025-12-31", (">", 5), True),
        ("Approvals are unlikely to exceed", "2025-12-31", (">", 80000), False),
        ("Housebuilders are likely to complete", "2025-12-31", ("<", 200000), False),
    ],
    "energy_bullets.md": [
        ("China will install at least 250 GW", "2025-12-31", (">=", 250), False),
        ("Battery pack prices will fall below", "2027-06-30", ("<", 80), False),
        ("Oil demand will not fall below", "2029-12-31", (">=", 100e6), False),
        ("The EU will probably miss", None, None, False),
        ("Fewer than 10 new coal plants", None, ("<", 10), False),
    ],
    "conditional_rates.txt": [
        ("If unemployment rises above 5%", "2026-06-15", (">=", 100), True),
        ("In the event of a US recession", "2026-12-31", ("<", 3.5), True),
        ("Unless inflation reaccelerates", "2025-12-31", None, True),
    ],
}


def _claims(name: str) -> list[dict[str, Any]]:
    if name == "seed":
        text, published = article_text(), date(2024, 5, 1)
    else:
        text, published = (ARTICLES / name).read_text(encoding="utf-8"), None
    return [c.to_claim(author="A", source_id=None) for c in extract_candidates(text, published_on=published)]


def _match(claims: list[dict[str, Any]], gold: list[Gold]) -> tuple[int, int]:
    hits = sum(1 for g in gold if any(c["quote"].startswith(g[0]) for c in claims))
    correct = sum(1 for c in claims if any(c["quote"].startswith(g[0]) for g in gold))
    return hits, correct


def test_precision_and_recall_over_all_texts_are_as_documented() -> None:
    totals = {"candidates": 0, "correct": 0, "gold": 0, "hits": 0}
    for name, gold in GOLD.items():
        claims = _claims(name)
        hits, correct = _match(claims, gold)
        totals["candidates"] += len(claims)
        totals["correct"] += correct
        totals["gold"] += len(gold)
        totals["hits"] += hits
    assert totals == {"candidates": 26, "correct": 25, "gold": 25, "hits": 25}


@pytest.mark.parametrize("name", list(GOLD))
def test_each_gold_prediction_has_its_deadline_threshold_and_condition(name: str) -> None:
    claims = _claims(name)
    for start, deadline, threshold, conditional in GOLD[name]:
        (claim,) = [c for c in claims if c["quote"].startswith(start)]
        assert claim["deadline"] == deadline, start
        rule = claim["proposed_rule"]
        assert (None if rule is None else (rule["op"], rule["threshold"])) == (
            None if threshold is None else (threshold[0], pytest.approx(threshold[1]))
        ), start
        assert (claim["condition"] is not None) is conditional, start
        if deadline is None:
            assert any(p.startswith("deadline") for p in claim["needs_review"])


def test_every_quote_appears_verbatim_in_its_text() -> None:
    for name in GOLD:
        text = article_text() if name == "seed" else (ARTICLES / name).read_text(encoding="utf-8")
        for claim in _claims(name):
            assert claim["quote"] in text


def test_the_first_sources_downturn_is_the_condition_of_its_second_prediction() -> None:
    (second,) = [c for c in _claims("seed") if c["quote"].startswith("The 'M2-M1 stability'")]
    assert second["condition"] == "the next global financial downturn occurs"
    assert second["stated_confidence"] == "will" and second["stated_probability"] == 0.9


def test_the_success_metric_reads_its_range_as_at_least_the_low_end() -> None:
    (metric,) = [c for c in _claims("seed") if c["quote"].startswith("The ultimate success metric")]
    assert "3-5 critical domains" in metric["quote"]
    assert any("range '3-5'" in point for point in metric["needs_review"])


@pytest.mark.parametrize(
    ("words", "base", "expected"),
    [
        ("by 2026", None, date(2026, 12, 31)),
        ("by Q3 2025", None, date(2025, 9, 30)),
        ("by the end of the third quarter of 2025", None, date(2025, 9, 30)),
        ("before 2030", None, date(2029, 12, 31)),
        ("by mid-2027", None, date(2027, 6, 30)),
        ("by June 2026", None, date(2026, 6, 30)),
        ("no later than H1 2026", None, date(2026, 6, 30)),
        ("next year", date(2024, 5, 1), date(2025, 12, 31)),
        ("within 18 months", date(2024, 5, 1), date(2025, 11, 1)),
        ("within eighteen months", date(2024, 5, 1), date(2025, 11, 1)),
        ("over the next two years", date(2024, 5, 1), date(2026, 5, 1)),
        ("next year", None, None),
    ],
)
def test_deadline_phrases(words: str, base: date | None, expected: date | None) -> None:
    found = find_deadline(f"It will happen {words}.", base=base)
    assert (found.on if found else None) == expected


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
    ],
)
def test_comparison_words(words: str, expected: tuple[str, float]) -> None:
    found = find_threshold(words)
    assert found is not None and (found.op, found.value) == expected


@pytest.mark.parametrize(
    ("sentence", "words", "probability"),
    [
        ("Prices will rise.", "will", 0.9),
        ("Prices will likely rise.", "will likely", 0.7),
        ("Prices are unlikely to rise.", "are unlikely to", 0.25),
        ("Prices may rise.", "may", 0.4),
        ("Prices will almost certainly rise.", "will almost certainly", 0.93),
        ("Prices rose.", None, None),
    ],
)
def test_confidence_table(sentence: str, words: str | None, probability: float | None) -> None:
    found = stated_confidence(sentence)
    assert (found[0] if found else None, found[1] if found else None) == (words, probability)


def test_output_is_deterministic() -> None:
    assert _claims("seed") == _claims("seed")
