"""How well ``predictions.extract.extract_candidates`` finds the predictions of real texts labelled by hand.

    PYTHONPATH=$PWD python benchmarks/extract_eval.py            # Markdown tables
    PYTHONPATH=$PWD python benchmarks/extract_eval.py --json     # the same figures as JSON
    PYTHONPATH=$PWD python benchmarks/extract_eval.py --by-genre # and a table per genre and split
    PYTHONPATH=$PWD python benchmarks/extract_eval.py --half dev # the dev half only (the other is not opened)
    PYTHONPATH=$PWD python benchmarks/extract_eval.py --strict   # strict mode: the review page's checked set

The set is tests/predictions/extract_dev (texts, labels, manifest; README.md there has the labelling guide). Each
text is run with ``published_on`` from the manifest; figures are given per text and overall, separately for the
``dev`` and ``heldout`` halves, and per genre (the manifest's ``genre``) and half. Deterministic: no timing, no
randomness.

Matching a candidate to a labelled sentence (``match``): the candidate's quote is located in the text (its own
position when the candidate carries one, else the first occurrence of the quote, whitespace-insensitive); it
matches a labelled sentence when the two character spans overlap by at least half of the shorter one. Each labelled
sentence matched by some candidate is found (recall = found / labelled), and the candidate that overlaps it most is
a true candidate (precision = true candidates / candidates); further candidates on the same sentence count as
false (duplicates a reviewer would drop), and so does a candidate whose quote cannot be located at all.

Among true candidates (each judged against the labelled sentence it overlaps most):
- deadline: right when the candidate's deadline is the labelled date (or one of ``deadline_also_ok``); where the
  label has no date (the text gives none), right when the candidate proposes a date and flags it for review (an
  honest default), whatever the date; no date at all is wrong (it does not import);
- rule (only where the label ``has_number``): comparison, threshold and unit equal to the label's, the metric
  ignored; a label ``about`` x (a point forecast) is met by ``=``/``about`` x or by a band whose ends enclose x;
  ``between`` a-b by a band a-b (a band is ``low``/``high``, a two-number threshold, or ``>=`` threshold with
  ``high``);
- kept unedited (a proxy for "a reviewer keeps the statement as written"): the statement contains no hedge word
  (could, might, may, would, should, likely, possibly, probably, perhaps), no attribution word (said, according
  to, expect(s/ed), anticipate(d), forecast, project(ed), predict(ed), judged, noted, observed, viewed, saw,
  believe(s), indicated, reported, participants, members, staff, contacts), and does not start with a pronoun
  (it, they, this, these, those, he, she, we, its, their);
- author (``author_right``): the candidate's author is its claim's ``author`` with no author passed
  (``to_claim(author=None)``: the speaker the extractor found, else, in a transcript, the member speaking, else
  none, which stands for the text's own voice: a reviewer's ``--author``). Names are compared normalised: lower
  case, with possessives (and my, our, their, ...), articles, "of/at/for/and/in/on/by", titles (Mr, Dr, Chairman,
  Governor, President, ...), quantifiers (some, most, a few, several, one, another, ...; unless nothing else is
  left: "Many") and punctuation left out. A label's ``author`` is cut at its first "(" and "," (its head); what its
  parentheses hold counts too when it spells the head out ("FOMC (Federal Open Market Committee)"), not otherwise
  ("(as reported by VOA)").
  A candidate **names** the labelled party when, against the label's ``author_words`` (unless a pronoun) or the
  head of its ``author`` (or that spelled-out name), rapidfuzz's ``ratio`` or ``token_set_ratio`` of the two
  normalised names is at least 90 (the latter is 100 when the words of one are all among the other's: "Mr. Parry"
  names "Robert Parry", "Participants" names "participants generally", and a body's generic name, "the Committee",
  "the staff", names a party whose name holds it, as texts refer back to a body named before), or one is the
  other's acronym ("IMF", "International Monetary Fund"). Then it is right when:
  - the label's ``author_words`` is null (the text's own author predicts) or a first-person word (I, we, my, our,
    us, me, you), outside news: the candidate names no speaker, or names the labelled party;
  - in news (genre ``news``), a first-person word is a quoted speaker's, not the news organisation's: the candidate
    must name the labelled party;
  - any other ``author_words`` (a name, a group, or a third-person pronoun such as "they", "he", "it", whose
    ``author`` says who they are): the candidate must name the labelled party.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

DEFAULT_SET = Path(__file__).resolve().parent.parent / "tests" / "predictions" / "extract_dev"

_HEDGES = r"could|might|may|would|should|likely|possibly|probably|perhaps"
_ATTRIBUTION = (
    r"said|says|according\s+to|expects?|expected|expecting|anticipated?|anticipates|forecasts?|forecasted|"
    r"projects?|projected|predicts?|predicted|judged|noted|observed|viewed|saw|believes?|indicated|reported|"
    r"participants?|members|staff|contacts"
)
_NOT_KEPT = re.compile(rf"\b(?:{_HEDGES}|{_ATTRIBUTION})\b", re.IGNORECASE)
_LEADING_PRONOUN = re.compile(r"^\s*(?:it|they|this|these|those|he|she|we|its|their)\b", re.IGNORECASE)
_UNITS = {
    "%": "%",
    "percent": "%",
    "per cent": "%",
    "pct": "%",
    "percentage": "%",
    "pp": "pp",
    "percentage point": "pp",
    "percentage points": "pp",
    "percentage-point": "pp",
}


@dataclass(frozen=True)
class Label:
    """One hand-labelled predictive sentence and where it sits in its text."""

    sentence: str
    start: int
    end: int
    data: dict[str, Any]


@dataclass(frozen=True)
class Proposed:
    """What the evaluation reads off a candidate, whatever shape the extractor gives it."""

    quote: str
    start: int | None
    end: int | None
    deadline: str | None
    deadline_flagged: bool
    rule: dict[str, Any] | None
    statement: str
    author: str | None = None


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters two half-open spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match(span: tuple[int, int] | None, labels: list[Label]) -> Label | None:
    """The labelled sentence a span matches (overlap >= half the shorter span); the largest overlap wins."""
    if span is None:
        return None
    best: tuple[int, Label] | None = None
    for label in labels:
        shared = overlap(span, (label.start, label.end))
        shorter = min(span[1] - span[0], label.end - label.start)
        if shorter > 0 and shared * 2 >= shorter and (best is None or shared > best[0]):
            best = (shared, label)
    return best[1] if best else None


def locate(quote: str, text: str) -> tuple[int, int] | None:
    """The span of ``quote`` in ``text``: exact first, then ignoring differences in whitespace."""
    at = text.find(quote)
    if at >= 0:
        return at, at + len(quote)
    words = quote.split()
    if not words:
        return None
    found = re.search(r"\s+".join(re.escape(w) for w in words), text)
    return (found.start(), found.end()) if found else None


def deadline_right(proposed: Proposed, label: dict[str, Any]) -> bool:
    """The labelled date (or an accepted alternative), or, where the text gives none, a default flagged for review."""
    if label["deadline"] is None:
        return proposed.deadline is not None and proposed.deadline_flagged
    return proposed.deadline in {label["deadline"], *label.get("deadline_also_ok", [])}


def _unit(unit: Any) -> str | None:
    if unit is None:
        return None
    text = str(unit).strip().lower()
    return _UNITS.get(text, text)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def rule_right(rule: dict[str, Any] | None, label_rule: dict[str, Any]) -> bool:
    """Comparison, threshold and unit as labelled (the metric ignored); see the module docstring for point forecasts."""
    if not rule:
        return False
    op = str(rule.get("op", rule.get("comparison", ""))).strip().lower()
    unit = _unit(rule.get("unit"))
    if unit != _unit(label_rule["unit"]):
        return False
    value: Any = rule.get("threshold", rule.get("value"))
    low: Any = rule.get("low")
    high: Any = rule.get("high")
    if isinstance(value, (list, tuple)) and len(value) == 2:
        low, high = value
        value = None
    elif high is not None and low is None and op in {">=", ">"}:
        low = value  # a band written as a lower bound with a "high" end: {"op": ">=", "threshold": 1.5, "high": 2.5}
    wanted = label_rule["comparison"]
    if wanted == "about":
        target = float(label_rule["threshold"])
        if op in {"=", "==", "about", "~", "≈"} and value is not None and _close(float(value), target):
            return True
        return low is not None and high is not None and float(low) <= target <= float(high)
    if wanted == "between":
        lo, hi = (float(x) for x in label_rule["threshold"])
        return low is not None and high is not None and _close(float(low), lo) and _close(float(high), hi)
    return op == wanted and value is not None and _close(float(value), float(label_rule["threshold"]))


def kept_unedited(statement: str) -> bool:
    """The proxy for a statement a reviewer keeps as written (module docstring)."""
    return bool(statement.strip()) and not _NOT_KEPT.search(statement) and not _LEADING_PRONOUN.match(statement)


_FIRST_PERSON = {"i", "we", "my", "our", "us", "me", "you"}
_TITLES = {
    "mr", "ms", "mrs", "miss", "dr", "sir", "dame", "lord", "lady", "professor", "prof", "chairman", "chairwoman",
    "governor", "president", "vice", "chair", "secretary", "senator", "deputy",
}  # fmt: skip
_STOP = {
    "the",
    "a",
    "an",
    "of",
    "at",
    "for",
    "and",
    "in",
    "on",
    "by",
    "s",
    "my",
    "our",
    "your",
    "his",
    "her",
    "its",
    "their",
}
# how many of a group hold the view: "Some participants" names "FOMC participants"
_QUANTIFIERS = {
    "some", "most", "many", "several", "few", "one", "two", "three", "another", "other", "others", "all", "these",
    "those", "number", "couple", "majority", "generally",
}  # fmt: skip
_NAME_THRESHOLD = 90


def _tokens(name: str) -> list[str]:
    """A name's words, normalised: lower case, no possessive, article, title or punctuation."""
    flat = re.sub(r"['’]s?\b", " ", name.lower())
    words = re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", flat)
    named = [w for w in words if w not in _STOP and w not in _TITLES]
    return [w for w in named if w not in _QUANTIFIERS] or named  # "Many" alone names the group it stands for


def _aliases(label: dict[str, Any]) -> list[str]:
    """The names of the labelled party: the ``author_words`` unless a pronoun, the head of ``author`` (before its
    first "(" and ","), and what its parentheses spell out when that is the head's name written in full."""
    out = []
    words = label.get("author_words")
    if words and not re.fullmatch(
        r"(?:i|we|my|our|us|me|you|they|he|she|it|their|his|her|its|them|these|those|this)", words.strip().lower()
    ):
        out.append(words)
    author = str(label.get("author") or "")
    head = re.split(r"\s*[(,]", author, maxsplit=1)[0]
    if head.strip():
        out.append(head)
    inside = re.search(r"\(([^()]*)\)", author)
    if inside:
        first = re.split(r"[,;]", inside.group(1), maxsplit=1)[0]
        if _acronym(head, first) or _acronym(first, head):
            out.append(first)
    return out


def _acronym(short: str, long: str) -> bool:
    """Whether ``short`` is one word in capitals that spells the initials of ``long``'s words."""
    short = re.sub(r"[.\s]", "", short)
    words = [w for w in re.findall(r"[A-Za-z]+", long) if w.lower() not in _STOP]
    return (
        2 <= len(short) <= 8 and short.isupper() and len(words) >= 2 and short == "".join(w[0] for w in words).upper()
    )


def names(candidate: str, alias: str) -> bool:
    """Whether a candidate's author names the party ``alias`` names (module docstring)."""
    from rapidfuzz import fuzz

    if _acronym(candidate.strip(), alias) or _acronym(alias.strip(), candidate):
        return True
    mine, theirs = " ".join(_tokens(candidate)), " ".join(_tokens(alias))
    if not mine or not theirs:
        return False
    return max(fuzz.ratio(mine, theirs), fuzz.token_set_ratio(mine, theirs)) >= _NAME_THRESHOLD


def author_right(author: str | None, label: dict[str, Any], *, news: bool = False) -> bool:
    """The candidate's author (None: the text's own voice) against the label's ``author`` and ``author_words``."""
    named = author is not None and any(names(author, alias) for alias in _aliases(label))
    words = label.get("author_words")
    own_voice = words is None or (words.strip().lower() in _FIRST_PERSON and not news)
    return named or (own_voice and author is None)


def _proposed(candidate: Any, text: str) -> Proposed:
    claim: dict[str, Any] = {}
    if hasattr(candidate, "to_claim"):
        try:
            claim = candidate.to_claim(author=None, source_id=None)
        except TypeError:
            claim = candidate.to_claim()
    elif isinstance(candidate, dict):
        claim = candidate
    quote = str(getattr(candidate, "quote", None) or claim.get("quote") or "")
    start = end = None
    for name in ("start", "quote_start", "offset"):
        value = getattr(candidate, name, None) if not isinstance(candidate, dict) else candidate.get(name)
        if isinstance(value, int):
            start, end = value, value + len(quote)
            break
    span = getattr(candidate, "span", None) if not isinstance(candidate, dict) else candidate.get("span")
    if start is None and isinstance(span, (list, tuple)) and len(span) == 2 and all(isinstance(x, int) for x in span):
        start, end = span
    if start is None:
        located = locate(quote, text)
        if located is not None:
            start, end = located
    deadline = claim.get("deadline")
    if deadline is None and getattr(candidate, "deadline", None) is not None:
        on = getattr(candidate.deadline, "on", candidate.deadline)
        deadline = on.isoformat() if isinstance(on, date) else str(on)
    needs_review = claim.get("needs_review", getattr(candidate, "needs_review", [])) or []
    flagged = any("deadline" in str(item).lower() for item in needs_review)
    rule = claim.get("proposed_rule")
    statement = str(claim.get("statement", getattr(candidate, "statement", "")) or "")
    author = claim.get("author") if claim else getattr(candidate, "author", None)
    return Proposed(quote, start, end, deadline, flagged, rule, statement, str(author) if author else None)


HALVES = ("dev", "heldout")


def load_set(root: Path, halves: tuple[str, ...] = HALVES) -> list[dict[str, Any]]:
    """The manifest's texts of ``halves`` with their text and labels, in manifest order; the files of the other half
    are not opened."""
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    return [load_text(root, entry) for entry in manifest["texts"] if entry["split"] in halves]


def load_text(root: Path, entry: dict[str, Any]) -> dict[str, Any]:
    """One manifest entry with its text and its labels located in the text."""
    text = (root / "texts" / f"{entry['id']}.txt").read_text(encoding="utf-8")
    labelled = json.loads((root / "labels" / f"{entry['id']}.json").read_text(encoding="utf-8"))
    labels = []
    for item in labelled["predictive_sentences"]:
        at = text.index(item["sentence"])
        labels.append(Label(item["sentence"], at, at + len(item["sentence"]), item))
    return {**entry, "text": text, "labels": labels}


def score_text(text: str, labels: list[Label], candidates: list[Any], *, genre: str | None = None) -> dict[str, Any]:
    """Counts for one text: labelled, candidates, found, true candidates, and the checks on true candidates.

    One candidate per labelled sentence is true: where several match the same sentence (a sentence cut in two, a
    quote repeated), the one with the largest overlap is, and the others count as false ("duplicate"), since a
    reviewer would have to drop them.
    """
    proposed = [_proposed(c, text) for c in candidates]
    spans = [(p.start, p.end) if p.start is not None and p.end is not None else None for p in proposed]
    matched = [match(span, labels) for span in spans]
    best: dict[int, int] = {}  # id(label) -> index of the candidate that overlaps it most
    for index, (span, label) in enumerate(zip(spans, matched, strict=True)):
        if label is None or span is None:
            continue
        shared = overlap(span, (label.start, label.end))
        held = best.get(id(label))
        held_span = spans[held] if held is not None else None
        if held_span is None or shared > overlap(held_span, (label.start, label.end)):
            best[id(label)] = index
    true_indexes = set(best.values())
    true = [(proposed[i], matched[i]) for i in sorted(true_indexes)]
    true_pairs = [(p, m) for p, m in true if m is not None]
    numbered = [(p, m) for p, m in true_pairs if m.data.get("has_number")]
    return {
        "labelled": len(labels),
        "candidates": len(proposed),
        "found": len(best),
        "true_candidates": len(true_pairs),
        "deadline_right": sum(deadline_right(p, m.data) for p, m in true_pairs),
        "numbered": len(numbered),
        "rule_right": sum(rule_right(p.rule, m.data["rule"]) for p, m in numbered),
        "kept": sum(kept_unedited(p.statement) for p, _ in true_pairs),
        "author_right": sum(author_right(p.author, m.data, news=genre == "news") for p, m in true_pairs),
        "missed": [label.sentence for label in labels if id(label) not in best],
        "false": [p.quote for i, p in enumerate(proposed) if matched[i] is None],
        "duplicate": [p.quote for i, p in enumerate(proposed) if matched[i] is not None and i not in true_indexes],
    }


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 3) if den else None


def _rates(counts: dict[str, Any]) -> dict[str, Any]:
    return {
        "recall": _ratio(counts["found"], counts["labelled"]),
        "precision": _ratio(counts["true_candidates"], counts["candidates"]),
        "deadline_share": _ratio(counts["deadline_right"], counts["true_candidates"]),
        "rule_share": _ratio(counts["rule_right"], counts["numbered"]),
        "kept_share": _ratio(counts["kept"], counts["true_candidates"]),
        "author_share": _ratio(counts.get("author_right", 0), counts["true_candidates"]),
    }


_SUMMED = (
    "labelled",
    "candidates",
    "found",
    "true_candidates",
    "deadline_right",
    "numbered",
    "rule_right",
    "kept",
    "author_right",
)


def evaluate(root: Path = DEFAULT_SET, halves: tuple[str, ...] = HALVES, *, strict: bool = False) -> dict[str, Any]:
    """Per-text and per-split figures for the extractor importable now (``halves``: which halves are read;
    ``strict``: strict mode, which leaves out the candidates the review page leaves unchecked)."""
    from predictions.extract import extract_candidates

    result: dict[str, Any] = {"set": str(root), "strict": strict, "texts": [], "splits": {}, "genres": {}}
    for doc in load_set(root, halves):
        published_on = date.fromisoformat(doc["published_on"])
        candidates = extract_candidates(doc["text"], published_on=published_on, strict=strict)
        genre = doc.get("genre", "unknown")
        counts = score_text(doc["text"], doc["labels"], candidates, genre=genre)
        result["texts"].append({"id": doc["id"], "split": doc["split"], "genre": genre, **counts, **_rates(counts)})
    for split in halves:
        result["splits"][split] = _total([t for t in result["texts"] if t["split"] == split])
    for genre in sorted({t["genre"] for t in result["texts"]}):
        rows = [t for t in result["texts"] if t["genre"] == genre]
        result["genres"][genre] = {
            split: _total([t for t in rows if t["split"] == split]) for split in (*halves, "all")
        }
    return result


def _total(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Counts summed over some texts' rows, with their rates (a genre's ``all`` entry sums both halves)."""
    total = {key: sum(r[key] for r in rows) for key in _SUMMED}
    return {"texts": len(rows), **total, **_rates(total)}


def _cell(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def markdown(result: dict[str, Any], by_genre: bool = False) -> str:
    """The figures as Markdown: one table per split, a row per text and an overall row; with ``by_genre`` a table
    with a row per genre and half (genres with no text in a half get no row for it)."""
    lines = []
    for split in result["splits"]:
        lines += [
            f"### {split}",
            "",
            "| text | labelled | candidates | found | true | recall | precision | deadline | rule | kept | author |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for row in (r for r in result["texts"] if r["split"] == split):
            lines.append(_row(row["id"], row))
        lines += [_row("**overall**", result["splits"][split]), ""]
    if by_genre:
        lines += [
            "### by genre",
            "",
            "| genre (half) | labelled | candidates | found | true | recall | precision | deadline | rule | kept "
            "| author |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for genre, halves in result["genres"].items():
            lines += [_row(f"{genre} ({half})", r) for half, r in halves.items() if r["texts"]]
        lines.append("")
    return "\n".join(lines)


def _row(name: str, r: dict[str, Any]) -> str:
    return (
        f"| {name} | {r['labelled']} | {r['candidates']} | {r['found']} | {r['true_candidates']} | "
        f"{_cell(r['recall'])} | {_cell(r['precision'])} | {_cell(r['deadline_share'])} | "
        f"{_cell(r['rule_share'])} ({r['rule_right']}/{r['numbered']}) | {_cell(r['kept_share'])} | "
        f"{_cell(r.get('author_share'))} |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    parser.add_argument("--set", type=Path, default=DEFAULT_SET, help="the labelled set's folder")
    parser.add_argument("--by-genre", action="store_true", help="add a table per genre and half (Markdown)")
    parser.add_argument(
        "--half", choices=("dev", "heldout", "both"), default="both", help="read and score only this half of the set"
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="strict mode: score only the candidates the classifier does not doubt (the review page's checked ones)",
    )
    args = parser.parse_args(argv)
    result = evaluate(args.set, HALVES if args.half == "both" else (args.half,), strict=args.strict)
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        print(markdown(result, by_genre=args.by_genre))
    return 0


if __name__ == "__main__":
    sys.exit(main())
