"""Deadlines from the words of a prediction: "by 2026", "by Q3 2025", "next year", "within 18 months".

An absolute year or quarter gives the last day of that period ("by 2026" is read as by the end of 2026, as the
seed reads it; "before 2027" is the end of 2026). Relative phrases count from ``base``: the publication date
given by the researcher, or else a date found in the text. dateparser does the calendar arithmetic and reads
month names; the phrases that mark a deadline are written here.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import dateparser
from word2number import w2n

_QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4}
_MONTHS = "|".join(calendar.month_name[1:] + [m for m in calendar.month_abbr[1:] if m != "May"])
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_END = r"(?:the\s+)?(?:end\s+of\s+|end-|close\s+of\s+|start\s+of\s+|beginning\s+of\s+)?"
_LEAD = r"\b(?P<lead>by|before|until|through|throughout|in|during|within|for|of|around|no\s+later\s+than)\s+"

_QUARTER = re.compile(
    _LEAD
    + _END
    + r"(?:(?:Q(?P<q>[1-4])|(?P<qword>first|second|third|fourth|last)\s+quarter)(?:\s+of)?\s*,?\s*)"
    + _YEAR
    + r"\b",
    re.IGNORECASE,
)
_QUARTER_TIGHT = re.compile(
    r"\b(?P<year>(?:19|20)\d\d)\s*-?\s*Q(?P<q>[1-4])\b|\bQ(?P<q2>[1-4])\s+(?P<year2>(?:19|20)\d\d)\b"
)
_HALF = re.compile(
    _LEAD + _END + r"(?:H(?P<h>[12])|(?P<hword>first|second)\s+half)(?:\s+of)?\s*,?\s*" + _YEAR + r"\b",
    re.IGNORECASE,
)
_MID = re.compile(_LEAD + r"(?:the\s+)?mid(?:dle\s+of\s+|-|\s+)" + _YEAR + r"\b", re.IGNORECASE)
_MONTH = re.compile(
    _LEAD + _END + r"(?P<month>" + _MONTHS + r")\.?\s+(?:(?P<day>\d{1,2}),?\s+)?" + _YEAR + r"\b", re.IGNORECASE
)
_YEAR_ONLY = re.compile(_LEAD + _END + r"(?:the\s+year\s+)?" + _YEAR + r"\b(?!\s*-?\s*Q[1-4])", re.IGNORECASE)
_NUMBER = r"(?P<n>\d+(?:\.\d+)?|[a-z]+(?:[- ][a-z]+)?)"
_RELATIVE = re.compile(
    r"\b(?:within|in|over|during)\s+(?:the\s+)?(?:next|coming|following)?\s*"
    + _NUMBER
    + r"\s+(?P<unit>years?|months?|quarters?|weeks?)\b",
    re.IGNORECASE,
)
_NEXT = re.compile(
    r"\b(?:by\s+|in\s+|within\s+|during\s+|over\s+)?(?:the\s+)?(?P<which>next|coming|this|current)\s+"
    r"(?P<unit>year|quarter|month|decade)\b",
    re.IGNORECASE,
)
_FULL_DATE = re.compile(
    r"\b(?:(?P<iso>(?:19|20)\d\d-\d\d-\d\d)|(?:"
    + _MONTHS
    + r")\.?\s+\d{1,2},\s+(?:19|20)\d\d|\d{1,2}\s+(?:"
    + _MONTHS
    + r")\.?\s+(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Deadline:
    """A deadline read from the text: the date, the words it came from, and whether it needed a base date."""

    on: date
    words: str
    relative: bool = False
    span: tuple[int, int] = (0, 0)


def quarter_end(year: int, quarter: int) -> date:
    """The last day of a calendar quarter."""
    month = 3 * quarter
    return date(year, month, calendar.monthrange(year, month)[1])


def find_text_date(text: str) -> date | None:
    """The first full calendar date written in the text ("March 3, 2025", "3 March 2025", "2025-03-03")."""
    for match in _FULL_DATE.finditer(text):
        parsed = dateparser.parse(match.group(0), languages=["en"], settings={"STRICT_PARSING": True})
        if parsed is not None:
            return parsed.date()
    return None


def find_deadlines(sentence: str, *, base: date | None) -> list[Deadline]:
    """Every deadline phrase in ``sentence``, in order of appearance (relative ones only when ``base`` is known)."""
    found: list[tuple[int, Deadline]] = []
    taken: list[tuple[int, int]] = []

    def add(match: re.Match[str], on: date, relative: bool = False) -> None:
        span = match.span()
        if any(span[0] < end and start < span[1] for start, end in taken):
            return
        taken.append(span)
        found.append((span[0], Deadline(on, match.group(0).strip(), relative, span)))

    for m in _QUARTER.finditer(sentence):
        quarter = int(m.group("q")) if m.group("q") else _QUARTER_WORDS[m.group("qword").lower()]
        add(m, quarter_end(int(m.group("year")), quarter))
    for m in _QUARTER_TIGHT.finditer(sentence):
        said_year, said_quarter = (
            (m.group("year"), m.group("q")) if m.group("year") else (m.group("year2"), m.group("q2"))
        )
        add(m, quarter_end(int(said_year), int(said_quarter)))
    for m in _HALF.finditer(sentence):
        half = int(m.group("h")) if m.group("h") else (1 if m.group("hword").lower() == "first" else 2)
        half_year = int(m.group("year"))
        add(m, date(half_year, 6, 30) if half == 1 else date(half_year, 12, 31))
    for m in _MID.finditer(sentence):
        add(m, date(int(m.group("year")), 6, 30))
    for m in _MONTH.finditer(sentence):
        words = f"{m.group('month')} {m.group('day') + ', ' if m.group('day') else ''}{m.group('year')}"
        settings = {"PREFER_DAY_OF_MONTH": "last"} if not m.group("day") else {}
        parsed = dateparser.parse(words, languages=["en"], settings=settings)  # type: ignore[arg-type]
        if parsed is not None:
            add(m, parsed.date())
    for m in _YEAR_ONLY.finditer(sentence):
        year = int(m.group("year"))
        lead = m.group("lead").lower()
        on = date(year - 1, 12, 31) if lead == "before" else date(year, 12, 31)
        add(m, on)
    if base is not None:
        for m in _RELATIVE.finditer(sentence):
            counted = _relative(base, m.group("n"), m.group("unit"))
            if counted is not None:
                add(m, counted, relative=True)
        for m in _NEXT.finditer(sentence):
            add(m, _next(base, m.group("which").lower(), m.group("unit").lower()), relative=True)
    return [d for _, d in sorted(found, key=lambda item: item[0])]


def find_deadline(sentence: str, *, base: date | None) -> Deadline | None:
    """The first deadline phrase in ``sentence``, or None."""
    found = find_deadlines(sentence, base=base)
    return found[0] if found else None


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        pass
    try:
        return float(w2n.word_to_num(text.replace("-", " ")))
    except ValueError:
        return None


def _relative(base: date, amount: str, unit: str) -> date | None:
    n = _number(amount)
    if n is None or n != int(n) or n <= 0:
        return None
    unit = unit.lower().rstrip("s")
    if unit == "quarter":
        n, unit = n * 3, "month"
    start = datetime(base.year, base.month, base.day)
    parsed = dateparser.parse(
        f"in {int(n)} {unit}s", languages=["en"], settings={"RELATIVE_BASE": start, "PREFER_DATES_FROM": "future"}
    )
    return parsed.date() if parsed is not None else None


def _next(base: date, which: str, unit: str) -> date:
    offset = 1 if which in ("next", "coming") else 0
    if unit == "year":
        return date(base.year + offset, 12, 31)
    if unit == "decade":
        return date(base.year + 10 * offset, 12, 31) if offset else date(base.year // 10 * 10 + 9, 12, 31)
    if unit == "quarter":
        index = (base.month - 1) // 3 + offset
        return quarter_end(base.year + index // 4, index % 4 + 1)
    shifted = base.replace(day=1) + timedelta(days=32 * offset)
    return shifted.replace(day=calendar.monthrange(shifted.year, shifted.month)[1])
