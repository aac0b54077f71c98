"""The dev half's false candidates and misses, per text: what to read when tuning the extractor's rules.

    PYTHONPATH=$PWD python benchmarks/extract_dev_errors.py            # every dev text with errors
    PYTHONPATH=$PWD python benchmarks/extract_dev_errors.py --genre news

Only the ``dev`` half of tests/predictions/extract_dev is read: the held-out half must not be tuned on, so this
script never loads its texts (``benchmarks/extract_eval.py`` gives its figures, not its sentences). Each false
candidate is printed with the rule's cue or the classifier's score that took it, so that a kind of error can be
traced to the code that made it.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from benchmarks.extract_eval import DEFAULT_SET, load_set, score_text


def _why(candidate: object) -> str:
    confidence = getattr(candidate, "confidence", None)
    if confidence:
        return f"cue {confidence[0]!r}"
    review = [r for r in getattr(candidate, "needs_review", []) if "classifier scores" in r]
    return review[0].split("scores ")[1].split(" ")[0].join(("classifier ", "")) if review else "list item"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=DEFAULT_SET, help="the labelled set's folder")
    parser.add_argument("--genre", help="only texts of this genre")
    args = parser.parse_args(argv)
    from predictions.extract import extract_candidates

    totals = {"labelled": 0, "found": 0, "candidates": 0, "true_candidates": 0}
    for doc in load_set(args.set, ("dev",)):  # the held-out files are not opened
        if args.genre and doc.get("genre") != args.genre:
            continue
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
