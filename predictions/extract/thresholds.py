"""The number a prediction turns on, with its comparison: "over 70%" is ``> 70``, "at least one" is ``>= 1``.

quantulum3 finds the quantities (with units and ranges such as "3-5"); word2number reads number words that
quantulum3 leaves alone ("at least one"). The comparison words are the rules written here, negations
included: "will not exceed 3%" is ``<= 3`` and "will not fall below 2%" is ``>= 2``.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass

from word2number import w2n

with warnings.catch_warnings():
    # quantulum3 warns that its optional ML classifier is missing; its rule-based parser is what we want.
    warnings.simplefilter("ignore")
    from quantulum3 import parser as _quantities

# Longest first: "no more than" must win over "more than".
_COMPARATORS: list[tuple[str, str]] = [
    (
        r"(?:will\s+not|won't|would\s+not|does\s+not|do\s+not|not\s+to|to\s+not|never)\s+(?:exceed|surpass|top|go\s+above|"
        r"rise\s+above|climb\s+above|be\s+more\s+than|be\s+above|be\s+over)",
        "<=",
    ),
    (
        r"(?:will\s+not|won't|would\s+not|not\s+to|never)\s+(?:fall|drop|dip|go|slip|be)\s+(?:below|under|less\s+than)",
        ">=",
    ),
    (r"no\s+more\s+than|not\s+more\s+than|at\s+most|up\s+to|a\s+maximum\s+of|no\s+higher\s+than|capped\s+at", "<="),
    (r"no\s+less\s+than|no\s+fewer\s+than|not\s+less\s+than|at\s+least|a\s+minimum\s+of|no\s+lower\s+than", ">="),
    (
        r"more\s+than|over|above|exceeds?|exceeding|surpass(?:es|ing)?|greater\s+than|in\s+excess\s+of|beyond|"
        r"higher\s+than|top(?:s|ping)?",
        ">",
    ),
    (r"less\s+than|fewer\s+than|below|under|lower\s+than|beneath", "<"),
    (r"reach(?:es|ing)?|hit(?:s|ting)?|rise\s+to|climb\s+to|grow\s+to|increase\s+to|to\s+at\s+least", ">="),
    (r"fall\s+to|drop\s+to|decline\s+to|shrink\s+to|ease\s+to|fall\s+below\s+to", "<="),
]
_COMPARATOR = re.compile(
    r"\b(?P<words>" + "|".join(f"(?:{words})" for words, _ in _COMPARATORS) + r")\s*(?:of\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_OR_BEYOND = re.compile(
    r"^\s*(?:or\s+(?P<le>lower|less|below|fewer|under)|or\s+(?P<ge>higher|more|above|over|greater))\b", re.IGNORECASE
)
_WORD_NUMBER = re.compile(
    r"\b(?P<words>(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    r"hundred|dozen)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine|hundred))?)\b",
    re.IGNORECASE,
)
_UNITS = {"percentage": "%", "dollar": "USD", "euro": "EUR", "yuan": "CNY", "pound sterling": "GBP"}
_YEARISH = re.compile(r"^(?:19|20)\d\d$")


@dataclass(frozen=True)
class Threshold:
    """An operator and a number read from the text (with the unit and the words they came from)."""

    op: str | None
    value: float
    unit: str | None
    words: str
    low: float | None = None
    high: float | None = None


def _op_before(sentence: str, start: int) -> tuple[str, str] | None:
    head = sentence[max(0, start - 60) : start]
    match = _COMPARATOR.search(head)
    if match is None:
        return None
    said = match.group("words")
    for words, op in _COMPARATORS:
        if re.fullmatch(words, said, re.IGNORECASE):
            return op, said
    return None


def find_thresholds(sentence: str, *, skip: list[tuple[int, int]] = ()) -> list[Threshold]:  # type: ignore[assignment]
    """Every number in ``sentence`` with the comparison in front of it (if any); spans in ``skip`` are dates."""
    found: list[tuple[int, Threshold]] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return not any(start < e and s < end for s, e in [*skip, *taken])

    for quantity in _quantities.parse(sentence):
        start, end = quantity.span
        surface = quantity.surface
        if not free(start, end) or _YEARISH.match(surface.strip()) or re.search(r"Q[1-4]|\d{4}-", surface):
            continue
        taken.append((start, end))
        unit_name = quantity.unit.name
        unit = _UNITS.get(unit_name, None if unit_name == "dimensionless" else unit_name)
        low = high = None
        value = float(quantity.value)
        if quantity.uncertainty and re.search(r"\d\s*[-–]\s*\d", surface):
            low, high = value - float(quantity.uncertainty), value + float(quantity.uncertainty)
        compared = _op_before(sentence, start)
        beyond = _OR_BEYOND.match(sentence[end:])
        if compared is None and beyond is not None:
            compared = ("<=" if beyond.group("le") else ">=", "")
            surface = f"{surface}{beyond.group(0)}"
        op = compared[0] if compared else None
        words = f"{compared[1]} {surface}".strip() if compared else surface
        if low is not None and op is None:
            op, value = ">=", low
        found.append((start, Threshold(op, value, unit, words, low, high)))
    for match in _WORD_NUMBER.finditer(sentence):
        if not free(*match.span()):
            continue
        try:
            value = float(w2n.word_to_num(match.group("words").replace("-", " ")))
        except ValueError:
            continue
        compared = _op_before(sentence, match.start())
        if compared is None:
            continue  # a bare "one" is usually an article ("one of the ..."), not a threshold
        taken.append(match.span())
        found.append((match.start(), Threshold(compared[0], value, None, f"{compared[1]} {match.group('words')}")))
    return [t for _, t in sorted(found, key=lambda item: item[0])]


def find_threshold(sentence: str, *, skip: list[tuple[int, int]] = ()) -> Threshold | None:  # type: ignore[assignment]
    """The number the sentence turns on: the first one with a comparison, else the first number, else None."""
    found = find_thresholds(sentence, skip=skip)
    for threshold in found:
        if threshold.op is not None:
            return threshold
    return found[0] if found else None
