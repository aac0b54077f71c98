"""Which parts of an article predict something, and what each one claims.

The text is cut into units: list items (numbered or bulleted) and, in prose, sentences (pysbd). Table rows,
headings and questions are never claims. A unit is a candidate when it carries confidence words (see
``confidence``) and either sits in a predictions section, or is an unhedged prediction ("will", "expect",
"likely"...), or, when merely hedged ("may", "could"), names a date or a threshold. Everything the rules could
not settle goes into the candidate's ``needs_review`` list, for the researcher who reviews the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pysbd

from predictions.extract.confidence import stated_confidence
from predictions.extract.deadlines import Deadline, find_deadlines, find_text_date
from predictions.extract.thresholds import Threshold, find_threshold

_LIST_ITEM = re.compile(r"^[ \t]*(?:\d{1,3}[.)]|[-*•+])[ \t]+(?P<body>\S.*?)[ \t]*$")
_HEADING = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+.+|\*\*[^*]+\*\*:?|[^.!?|]{1,80}:)[ \t]*$")
_PREDICTIONS_HEADING = re.compile(r"predict|forecast|outlook|what\s+to\s+expect|what\s+we\s+expect|verdict", re.I)
_QUESTION = re.compile(r"\?[\"')\]]*\s*$")
_HEDGE_ONLY = {"could", "may", "might", "possibly", "should"}
_CONDITIONS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            r"\b(?:during|amid|in\s+the\s+event\s+of|in\s+case\s+of)\s+(?P<c>(?:the\s+|a\s+|an\s+|any\s+)?(?:next\s+)?"
            r"[^,.;]*?\b(?:downturn|recession|crisis|crash|war|conflict|shock|slowdown|pandemic|default|election|"
            r"sanctions|embargo)s?)\b",
            re.I,
        ),
        "{c} occurs",
    ),
    (
        re.compile(
            r"(?:^|[,;]\s*|\b)(?:if|provided\s+that|as\s+long\s+as|assuming)\s+"
            r"(?P<c>[^,;]+?)(?=,|;|\s+then\b|$)",
            re.I,
        ),
        "{c}",
    ),
    (re.compile(r"\bunless\s+(?P<c>[^,;.]+)", re.I), "it is not the case that {c}"),
    (re.compile(r"^(?:should|once)\s+(?P<c>[^,;]+),", re.I), "{c}"),
]
_TAGS: dict[str, tuple[str, ...]] = {
    "ai": ("ai", "artificial intelligence", "llm", "large language model", "machine learning"),
    "semiconductors": ("semiconductor", "chip", "chips", "foundry", "wafer", "nm process"),
    "monetary": ("m1", "m2", "money supply", "central bank", "pboc", "interest rate", "policy rate", "liquidity"),
    "inflation": ("inflation", "cpi", "consumer prices", "price index"),
    "growth": ("gdp", "economic growth", "recession", "downturn"),
    "labour": ("unemployment", "jobless", "payrolls", "employment"),
    "markets": ("stock", "index", "bond", "yield", "asset class", "funds", "valuation"),
    "law": ("court", "legal", "law", "regulation", "lawsuit", "statute"),
    "energy": ("oil", "gas", "solar", "wind power", "electricity", "energy", "battery", "batteries"),
    "trade": ("tariff", "export", "import", "trade"),
    "housing": ("house prices", "housing", "mortgage", "property"),
    "china": ("china", "chinese", "beijing"),
    "us": ("united states", "u.s.", "us ", "american", "federal reserve"),
    "europe": ("europe", "european", "eurozone", "ecb"),
}
_SEGMENTER = pysbd.Segmenter(language="en", clean=False)


@dataclass(frozen=True)
class Unit:
    """A piece of the text that could be a claim: its exact words and whether it sits in a predictions section."""

    text: str
    in_predictions: bool
    list_item: bool


@dataclass
class Candidate:
    """A proposed claim: the fields of ``ClaimCreate`` plus what a researcher must still decide."""

    quote: str
    statement: str
    deadline: Deadline | None
    threshold: Threshold | None
    confidence: tuple[str, float] | None
    condition: str | None
    tags: list[str]
    made_on: date | None
    interpretation: list[str] = field(default_factory=list)
    needs_review: list[str] = field(default_factory=list)

    def to_claim(self, *, author: str | None, source_id: int | None) -> dict[str, Any]:
        """The candidate as a claim object for ``predtrack claims import`` (dates as ISO text)."""
        by = self.deadline.on.isoformat() if self.deadline else "the deadline"
        if self.threshold is not None and self.threshold.op is not None:
            criteria = (
                f"True if, by {by}, the figure the quote names is {self.threshold.op} "
                f"{_number(self.threshold.value)}{_unit(self.threshold.unit)} according to a published source "
                f'(the quote says "{self.threshold.words}"); false otherwise.'
            )
        else:
            criteria = f"True if, by {by}, {_lower_first(self.statement)}, as shown by a researcher's evidence."
        claim: dict[str, Any] = {
            "statement": self.statement,
            "quote": self.quote,
            "author": author,
            "source_id": source_id,
            "made_on": self.made_on.isoformat() if self.made_on else None,
            "deadline": self.deadline.on.isoformat() if self.deadline else None,
            "resolution_criteria": criteria,
            "interpretation": " ".join(self.interpretation) or None,
            "tags": self.tags,
            "stated_confidence": self.confidence[0] if self.confidence else None,
            "stated_probability": self.confidence[1] if self.confidence else None,
            "condition": self.condition,
            "proposed_rule": (
                {
                    "op": self.threshold.op,
                    "threshold": self.threshold.value,
                    "unit": self.threshold.unit,
                    "words": self.threshold.words,
                }
                if self.threshold is not None and self.threshold.op is not None
                else None
            ),
            "needs_review": self.needs_review,
        }
        if source_id is None:
            del claim["source_id"]
        return claim


def extract_candidates(text: str, *, published_on: date | None = None) -> list[Candidate]:
    """Candidate claims in ``text``, in the order they appear; deterministic for a given text and date."""
    found_date = find_text_date(text) if published_on is None else None
    base = published_on or found_date
    candidates = []
    for unit in _units(text):
        candidate = _candidate(unit, base=base, from_text=found_date is not None)
        if candidate is not None:
            candidates.append(candidate)
    return candidates


def _units(text: str) -> list[Unit]:
    units: list[Unit] = []
    in_predictions = False
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            block = "\n".join(paragraph)
            for sentence in _SEGMENTER.segment(block):
                if sentence.strip():
                    units.append(Unit(sentence.strip(), in_predictions, list_item=False))
            paragraph.clear()

    for line in text.splitlines():
        stripped = line.strip()
        item = _LIST_ITEM.match(line)
        if not stripped or stripped.startswith("|") or set(stripped) <= set("-=*_ "):
            flush()
        elif item is not None:
            flush()
            units.append(Unit(item.group("body"), in_predictions, list_item=True))
        elif _HEADING.match(line) or (len(stripped) < 60 and not re.search(r"[.!?]$", stripped)):
            flush()
            in_predictions = bool(_PREDICTIONS_HEADING.search(stripped))
        else:
            paragraph.append(stripped)
    flush()
    return units


def _candidate(unit: Unit, *, base: date | None, from_text: bool) -> Candidate | None:
    text = unit.text
    if _QUESTION.search(text) or re.match(r"^(?:will|can|does|do|is|are|should|could)\b", text, re.I):
        return None
    confidence = stated_confidence(text)
    if confidence is None and not (unit.in_predictions and unit.list_item):
        return None
    deadlines = find_deadlines(text, base=base)
    condition = _condition(text, base=base)
    skip = [d.span for d in deadlines] + ([condition[1]] if condition else [])
    threshold = find_threshold(text, skip=skip) or (find_threshold(text, skip=skip[:-1]) if condition else None)
    hedged_only = confidence is not None and confidence[0].lower() in _HEDGE_ONLY
    if not unit.in_predictions and hedged_only and not deadlines and (threshold is None or threshold.op is None):
        return None
    if re.search(r"\bwould\b", text, re.I) and not deadlines:
        return None
    deadline = deadlines[0] if deadlines else None
    candidate = Candidate(
        quote=text,
        statement=_statement(text),
        deadline=deadline,
        threshold=threshold,
        confidence=confidence,
        condition=condition[0] if condition else None,
        tags=_tags(text),
        made_on=base,
    )
    _read_deadline(candidate, deadlines, from_text=from_text)
    _read_threshold(candidate)
    if condition is not None:
        candidate.interpretation.append(
            f"Conditional: scored only if {condition[0]} before the deadline ('{condition[2]}')."
        )
        candidate.needs_review.append("condition: decide how the condition is resolved (a rule or a researcher)")
    if confidence is None:
        candidate.needs_review.append("confidence: the text states none")
    else:
        candidate.interpretation.append(
            f"Stated confidence '{confidence[0]}' maps to {confidence[1]} (predictions.extract.confidence)."
        )
    if base is None:
        candidate.needs_review.append("made_on: no publication date; pass --published-on or set it")
    return candidate


def _read_deadline(candidate: Candidate, deadlines: list[Deadline], *, from_text: bool) -> None:
    if not deadlines:
        candidate.needs_review.append("deadline: the text gives no date; set one")
        return
    first = deadlines[0]
    if first.relative:
        origin = "a date found in the text" if from_text else "the publication date"
        candidate.interpretation.append(f"'{first.words}' is counted from {origin} ({candidate.made_on}): {first.on}.")
        if from_text:
            candidate.needs_review.append(f"deadline: counted from {candidate.made_on}, a date found in the text")
    else:
        candidate.interpretation.append(f"'{first.words}' is read as {first.on} (the end of the period).")
    others = sorted({d.on for d in deadlines[1:]} - {first.on})
    if others:
        candidate.needs_review.append(
            f"deadline: the quote names other dates too ({', '.join(d.isoformat() for d in others)}); "
            f"the first was taken"
        )


def _read_threshold(candidate: Candidate) -> None:
    threshold = candidate.threshold
    if threshold is None:
        return
    if threshold.op is None:
        candidate.needs_review.append(
            f"threshold: '{threshold.words}' has no comparison word; say which way the figure must go"
        )
        candidate.threshold = None
        return
    shown = f"{threshold.op} {_number(threshold.value)}{_unit(threshold.unit)}"
    if threshold.low is not None:
        candidate.needs_review.append(
            f"threshold: the range '{threshold.words}' is read as at least {_number(threshold.value)}"
        )
    candidate.interpretation.append(f"'{threshold.words}' is read as {shown}.")
    candidate.needs_review.append(f"rule: link an indicator to turn '{shown}' into a rule, or leave it to a researcher")


def _condition(text: str, *, base: date | None) -> tuple[str, tuple[int, int], str] | None:
    """The condition in ``text`` (in words), the span of the clause that states it, and that clause."""
    for pattern, template in _CONDITIONS:
        match = pattern.search(text)
        if match is None:
            continue
        said = " ".join(match.group("c").split()).rstrip(".;:!")
        if find_deadlines(said, base=base) and len(said.split()) <= 5:
            continue  # "if by 2026" / "during the next two years" are dates, not conditions
        return template.format(c=said), match.span(), match.group(0).strip()
    return None


def _statement(text: str) -> str:
    first = _SEGMENTER.segment(" ".join(text.split()))[0].strip()
    return first[:1].upper() + first[1:]


def _tags(text: str) -> list[str]:
    lowered = f" {text.lower()} "
    return sorted(
        tag
        for tag, words in _TAGS.items()
        if any(re.search(rf"(?<![a-z0-9]){re.escape(w)}(?![a-z0-9])", lowered) for w in words)
    )


def _number(value: float) -> str:
    return f"{value:,.12g}"


def _unit(unit: str | None) -> str:
    return "" if unit is None else ("%" if unit == "%" else f" {unit}")


def _lower_first(text: str) -> str:
    text = text.rstrip(".")
    return text[:1].lower() + text[1:] if text[1:2].islower() else text
