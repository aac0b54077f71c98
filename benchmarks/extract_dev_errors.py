"""The dev half's false candidates and misses, per text: what to read when tuning the extractor's rules.

    PYTHONPATH=$PWD python benchmarks/extract_dev_errors.py            # every dev text with errors
    PYTHONPATH=$PWD python benchmarks/extract_dev_errors.py --genre news
    PYTHONPATH=$PWD python benchmarks/extract_dev_errors.py --checks        # wrong rules, deadlines, statements
    PYTHONPATH=$PWD python benchmarks/extract_dev_errors.py --checks --text usda-wasde-2005-06

Only the ``dev`` half of tests/predictions/extract_dev is read: the held-out half must not be tuned on, so this
script never loads its texts (``benchmarks/extract_eval.py`` gives its figures, not its sentences). Each false
candidate is printed with the rule's cue or the classifier's score that took it, so that a kind of error can be
traced to the code that made it. With ``--checks`` it lists instead, for the true candidates, the checks of
``benchmarks/extract_eval.py`` that fail (rule, deadline, kept unedited, author) with the label beside what was
proposed, the author beside the labelled one, and the dev half's figures for the four checks (``--author`` lists only
the author check's failures). Held-out entries of the manifest
are skipped before their files are opened.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks.extract_eval import (
    DEFAULT_SET,
    _proposed,
    author_right,
    deadline_right,
    kept_unedited,
    load_text,
    match,
    rule_right,
    score_text,
)


def _why(candidate: object) -> str:
    confidence = getattr(candidate, "confidence", None)
    if confidence:
        return f"cue {confidence[0]!r}"
    review = [r for r in getattr(candidate, "needs_review", []) if "classifier scores" in r]
    return review[0].split("scores ")[1].split(" ")[0].join(("classifier ", "")) if review else "list item"


def load_dev(root: Path, *, genre: str | None = None, ids: list[str] | None = None) -> list[dict[str, Any]]:
    """The manifest's ``dev`` texts with their text and labels; a held-out entry's files are never opened."""
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    docs = []
    for entry in manifest["texts"]:
        if entry["split"] != "dev" or (genre and entry.get("genre") != genre) or (ids and entry["id"] not in ids):
            continue
        docs.append(load_text(root, entry))
    return docs


def _short(text: str, width: int = 150) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 3] + "..."


def _rule_text(rule: dict[str, Any] | None) -> str:
    if not rule:
        return "none"
    value = rule.get("threshold")
    high = rule.get("high")
    op = rule.get("op", rule.get("comparison"))
    shown = f"{value}-{high}" if high is not None else f"{value}"
    return f"{op} {shown} {rule.get('unit')!r} [{rule.get('metric')}]"


def checks(docs: list[dict[str, Any]], *, only_author: bool = False) -> dict[str, int]:
    """Print the failing checks of each dev text's true candidates (``only_author``: the author check's only); return
    the counts summed over ``docs``."""
    from predictions.extract import extract_candidates

    totals = dict.fromkeys(("true", "deadline_right", "numbered", "rule_right", "kept", "author_right"), 0)
    for doc in docs:
        candidates = extract_candidates(doc["text"], published_on=date.fromisoformat(doc["published_on"]))
        counts = score_text(doc["text"], doc["labels"], candidates, genre=doc.get("genre"))
        totals["true"] += counts["true_candidates"]
        for key in ("deadline_right", "numbered", "rule_right", "kept", "author_right"):
            totals[key] += counts[key]
        lines = []
        seen: set[int] = set()
        for candidate in candidates:
            proposed = _proposed(candidate, doc["text"])
            span = (proposed.start, proposed.end) if proposed.start is not None and proposed.end is not None else None
            label = match(span, doc["labels"])
            if label is None or id(label) in seen:
                continue
            seen.add(id(label))
            data = label.data
            wrong = []
            if data.get("has_number") and not rule_right(proposed.rule, data["rule"]):
                wrong.append(f"    RULE  want {_rule_text(data['rule'])}\n          got  {_rule_text(proposed.rule)}")
            if not deadline_right(proposed, data):
                also = data.get("deadline_also_ok") or []
                wrong.append(
                    f"    DEADLINE want {data['deadline']} {also or ''} ({data.get('deadline_phrase')!r}); "
                    f"got {proposed.deadline} flagged={proposed.deadline_flagged} "
                    f"words={getattr(candidate, 'deadline_words', None)!r}"
                )
            if not kept_unedited(proposed.statement):
                wrong.append(f"    STATEMENT {_short(proposed.statement, 200)}")
            if only_author:
                wrong = []
            if not author_right(proposed.author, data, news=doc.get("genre") == "news"):
                wrong.append(
                    f"    AUTHOR want {data.get('author')!r} ({data.get('author_words')!r}); got {proposed.author!r}"
                )
            author = proposed.author
            if wrong:
                lines.append(f"  * {_short(label.sentence)}\n    author want {data.get('author')!r} got {author!r}")
                lines.extend(wrong)
        if lines:
            print(f"## {doc['id']} ({doc.get('genre')})")
            print("\n".join(lines))
    true = totals["true"] or 1
    print(
        f"checks on {len(docs)} dev texts: deadline {totals['deadline_right']}/{totals['true']} "
        f"({totals['deadline_right'] / true:.3f}), rule {totals['rule_right']}/{totals['numbered']}, "
        f"kept {totals['kept']}/{totals['true']} ({totals['kept'] / true:.3f}), "
        f"author {totals['author_right']}/{totals['true']} ({totals['author_right'] / true:.3f})"
    )
    return totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=DEFAULT_SET, help="the labelled set's folder")
    parser.add_argument("--genre", help="only texts of this genre")
    parser.add_argument("--text", action="append", help="only this dev text (an id; may be repeated)")
    parser.add_argument(
        "--checks", action="store_true", help="list the true candidates' failing checks (rule, deadline, statement)"
    )
    parser.add_argument("--author", action="store_true", help="with --checks: list only the author check's failures")
    args = parser.parse_args(argv)
    docs = load_dev(args.set, genre=args.genre, ids=args.text)
    if args.checks:
        checks(docs, only_author=args.author)
        return 0
    from predictions.extract import extract_candidates

    totals = {"labelled": 0, "found": 0, "candidates": 0, "true_candidates": 0}
    for doc in docs:
        candidates = extract_candidates(doc["text"], published_on=date.fromisoformat(doc["published_on"]))
        counts = score_text(doc["text"], doc["labels"], candidates)
        for key in totals:
            totals[key] += counts[key]
        by_quote = {c.quote: c for c in candidates}
        wrong = counts["false"] + counts["duplicate"]
        if not wrong and not counts["missed"]:
            continue
        print(f"## {doc['id']} ({doc.get('genre')})")
        for quote in counts["false"]:
            print(f"  FALSE [{_why(by_quote[quote])}] {' '.join(quote.split())}")
        for quote in counts["duplicate"]:
            print(f"  DUPLICATE {' '.join(quote.split())}")
        for sentence in counts["missed"]:
            print(f"  MISSED {' '.join(sentence.split())}")
    recall = totals["found"] / totals["labelled"] if totals["labelled"] else 0.0
    precision = totals["true_candidates"] / totals["candidates"] if totals["candidates"] else 0.0
    print(
        f"dev: recall {recall:.3f} ({totals['found']}/{totals['labelled']}), precision {precision:.3f} "
        f"({totals['true_candidates']}/{totals['candidates']})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
