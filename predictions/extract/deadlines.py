"""Deadlines from the words of a prediction, resolved against the publication date.

How each kind of phrase is read (``base`` is the publication date; "the end of" a period is its last day):

| words | deadline |
|---|---|
| by / in / through / until / during 2026, by the end of 2026, 2026 will be the year of | 2026-12-31 |
| by the start (beginning) of 2026 | 2026-01-01 |
| before 2027 | 2026-12-31 (the end of the period before) |
| by / in Q3 2025, by the end of the third quarter of 2025 | 2025-09-30 |
| before Q3 2025 | 2025-06-30 |
| by / in H1 2026, by mid-2027, by early 2026, by late 2026 | 2026-06-30, 2027-06-30, 2026-03-31, 2026-12-31 |
| in the second quarter, in the second half of the year, early next year | the end of that part of ``base``'s year |
| by March 2026 / before March 2026 | 2026-03-31 / 2026-02-28 |
| by 3 March 2026 / before 3 March 2026 | 2026-03-03 / 2026-03-02 |
| ahead of (before) the 3 March summit (no year) | the day before the next 3 March on or after ``base`` |
| through / in fiscal 2027, FY2027 | 2027-09-30 (US federal), 2028-03-31 in a text about Japan, India, Canada, the UK |
| next year, this year, later this year, by the end of the year, next quarter, next month | the end of that period |
| in three years, within 18 months, over (during) the next two years / N months | ``base`` + N units |
| by the end of the decade | the last day of ``base``'s decade |
| in (over) the year ahead, in the next twelve months | ``base`` + 12 months |
| for the year, later in the year, in the latter part of the year | the end of ``base``'s year |
| in November (said in December or January: the month or two just past) | the end of that past month (flagged) |
| following (after, at) the October meeting | the end of the next October |
| early in 1997, late in 1997 | 1997-03-31, 1997-12-31 |
| for another quarter or two (another year) | the end of the quarter after next (without "or two": the next) |
| by midyear, by mid-year | 30 June of ``base``'s year (of the next, once it is past) |
| by the fall, in the spring, next summer, in the winter of next year | the end of the next such season (below) |

Seasons are the meteorological ones of the northern hemisphere: spring ends on 31 May, summer on 31 August, fall
(autumn) on 30 November, winter in February of the next year.

Phrases that date the utterance rather than the prediction ("earlier this month", "last year", "this week",
"on Tuesday") are not deadlines, nor is a relative phrase in a clause about the past ("sales were flat in April",
"the biggest rise they have had in 10 years"): a clause, cut at commas, semicolons and conjunctions, with a verb in
the past and no word of the future. A year in the past read with "in" or "during" ("in 2022") is a past reference,
not a deadline; one read with "by", "before" or "until" is kept and flagged by the caller as before the text's date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from predictions.extract.numbers import word_number

_MONTH_NAMES = [m.lower() for m in calendar.month_name[1:]]
_MONTH_ABBR = [m.lower() for m in calendar.month_abbr[1:]]
_MONTH = r"(?:" + "|".join(calendar.month_name[1:]) + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
_YEAR = r"(?:19|20)\d\d"
_BY = r"by|in|into|within|during|for|through|throughout|until|till|to|around|no\s+later\s+than|at|of"
_BEFORE = r"before|ahead\s+of|prior\s+to"
_BEFORE_WORDS = re.compile(_BEFORE)
_LEAD = rf"\b(?P<lead>{_BEFORE}|{_BY})\s+"
_EDGE = r"(?:the\s+)?(?P<edge>end\s+of\s+|end-|close\s+of\s+|start\s+of\s+|beginning\s+of\s+|turn\s+of\s+)?"
_PART = r"(?:the\s+)?(?P<part>early|late|mid|middle\s+of)[- ]?(?:in\s+)?"
_QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4}

_QUARTER = re.compile(
    _LEAD
    + _EDGE
    + rf"(?:(?:the\s+)?(?P<qword>first|second|third|fourth|last)\s+quarter(?:\s+of)?\s*,?\s*(?P<y1>{_YEAR})"
    + rf"|Q(?P<q>[1-4])\s*(?:of\s+)?'?(?P<y2>{_YEAR})|(?P<y3>{_YEAR})\s*-?\s*Q(?P<q3>[1-4]))\b",
    re.I,
)
_HALF = re.compile(
    _LEAD
    + _EDGE
    + rf"(?:(?:the\s+)?(?P<hword>first|second)\s+half(?:\s+of)?\s*,?\s*(?P<y1>{_YEAR})|H(?P<h>[12])\s*(?P<y2>{_YEAR})"
    + rf"|(?P<y3>{_YEAR})\s*H(?P<h3>[12]))\b",
    re.I,
)
_FISCAL = re.compile(
    rf"(?:{_LEAD})?{_EDGE}(?:fiscal\s+(?:year\s+)?|FY\s?)(?P<year>{_YEAR}|\d\d)\b",
    re.I,
)
_DAY_MONTH = re.compile(
    rf"\b(?P<lead>{_BEFORE}|{_BY}|on)\s+"
    + r"(?:the\s+)?"
    + rf"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH})"
    + rf"|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)"
    + rf"(?:,?\s+(?P<year>{_YEAR}))?\b",
    re.I,
)
_MONTH_YEAR = re.compile(_LEAD + _EDGE + rf"(?:{_PART})?(?P<month>{_MONTH})\s*,?\s*(?:of\s+)?(?P<year>{_YEAR})\b", re.I)
# A quarter, a half or a part of "this year" / "next year" without the year's number.
_PART_NO_YEAR = re.compile(
    r"\b(?:(?P<lead>in|by|during|through|for|over|before)\s+)?(?:the\s+)?(?:(?P<q>first|second|third|fourth|current)"
    r"\s+quarter(?:\s+of\s+(?P<qwhich>this|next)\s+year)?"
    r"|(?P<h>first|second)\s+half(?:\s+of\s+(?:the\s+|(?P<hwhich>this|next)\s+)year)?"
    r"|(?P<part>early|late|mid|the\s+middle\s+of|the\s+end\s+of)[- ]?\s*(?P<which>this|next)\s+year)"
    r"\b(?!\s+(?:of\s+)?(?:19|20)\d\d)",
    re.I,
)
_PART_YEAR = re.compile(_LEAD + _PART + rf"(?P<year>{_YEAR})\b", re.I)
_YEAR_ONLY = re.compile(
    _LEAD
    + _EDGE
    + rf"(?:the\s+(?:calendar\s+)?year\s+)?(?P<year>{_YEAR})\b(?!\s*-?\s*[QH][1-4]|\s*-\d|%|\s*(?:levels?|average))",
    re.I,
)
_SPAN_YEARS = re.compile(rf"\b(?:between\s+)?(?P<y0>{_YEAR})\s*(?:-|–|to|and|through)\s*(?P<year>{_YEAR}|\d\d)\b", re.I)
_YEAR_OF = re.compile(rf"\b(?P<year>{_YEAR})\s+(?:will|is\s+set\s+to|could|should|may|might)\s+be\s+the\s+year\b", re.I)
_NUMBER = r"(?P<n>\d+(?:\.\d+)?|an?|[a-z]+(?:[- ][a-z]+)?)"
_RELATIVE = re.compile(
    r"\b(?P<lead>within|in|over|during|for|after|by)\s+(?:the\s+)?(?:next|coming|following)?\s*(?:(?:few|couple\s+of)\s+)?"
    + _NUMBER
    + r"\s+(?P<unit>years?|months?|quarters?|weeks?|days?)\b(?!\s+(?:ago|earlier|before|since))",
    re.I,
)
_NEXT = re.compile(
    r"\b(?:(?P<edge>by\s+the\s+end\s+of|by\s+the\s+start\s+of|end\s+of|start\s+of)\s+)?"
    r"(?:(?P<later>later)\s+)?(?:the\s+)?(?P<which>next|coming|this|current|the)\s+(?P<unit>year|quarter|month|decade|week)\b",
    re.I,
)
_MONTH_ONLY = re.compile(
    rf"\b(?P<lead>by|before|until|till|through|ahead\s+of|in)\s+{_EDGE}(?P<month>{_MONTH})\b(?!\s*,?\s*(?:\d|of\s+(?:19|20)))",
    re.I,
)
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY = re.compile(r"\b(?P<lead>on|by|before|until)\s+(?:next\s+)?(?P<day>" + "|".join(_WEEKDAYS) + r")\b", re.I)
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|told|announced|reported|warned|added|stated|confirmed|revealed|disclosed|published|released)"
    r"(?:\s+\w+){0,3}\s*$|\b(?:[a-z]+ed|fell|rose|grew|was|were|had|did|met|held|made|came|went)\s+$",
    re.I,
)
_YEAR_AHEAD = re.compile(r"\b(?P<lead>in|over|during|for|through)\s+the\s+(?P<unit>year|quarter|month)\s+ahead\b", re.I)
_THE_YEAR = re.compile(
    r"\b(?:for\s+the\s+(?:year|calendar\s+year)(?:\s+as\s+a\s+whole)?(?!\s+(?:ahead|ago|before|earlier|\d))"
    r"|later\s+in\s+the\s+year|(?:in|during)\s+the\s+(?:latter|last)\s+part\s+of\s+the\s+year)\b",
    re.I,
)
# "following the October meeting": the end of that month (the next such month); "early in 1997": its first quarter
_MONTH_EVENT = re.compile(
    rf"\b(?P<lead>following|after|at|by|before|until)\s+the\s+(?P<month>{_MONTH})\s+(?:\w+\s+)?(?:meeting|summit|"
    r"conference|session|elections?|vote)\b",
    re.I,
)
_PART_IN_YEAR = re.compile(rf"\b(?P<part>early|late)\s+in\s+(?P<year>{_YEAR})\b", re.I)
# "for another quarter or two": the end of the quarter after next (of the next quarter without "or two")
_ANOTHER = re.compile(r"\b(?:for|over)\s+(?:another|one\s+more)\s+(?P<unit>quarter|year)(?P<two>\s+or\s+two)?\b", re.I)
_MIDYEAR = re.compile(r"\b(?P<lead>by|around|before|until|at)\s+(?:the\s+)?mid-?year\b(?!\s*(?:19|20)\d\d)", re.I)
_SEASONS = {"spring": 5, "summer": 8, "fall": 11, "autumn": 11, "winter": 2}  # the month each season ends in
_SEASON = re.compile(
    r"\b(?P<lead>by|in|during|through|until|before|over|this|next|coming)\s+(?:the\s+)?(?P<season>spring|summer|fall|autumn|"
    r"winter)(?:\s+of\s+(?P<which>this|next)\s+year|(?:\s+of)?\s+(?P<year>(?:19|20)\d\d))?\b",
    re.I,
)
_YEAR_END = re.compile(r"\bby\s+(?P<edge>year[- ]end|the\s+year'?s\s+end)\b", re.I)
_ANY_YEAR = re.compile(r"(?:19|20)\d\d|\bFY\s?\d\d", re.I)
_ANY_MONTH = re.compile(_MONTH, re.I)
_ANY_UNIT = re.compile(r"year|month|quarter|week|day|decade", re.I)
# Times of the utterance, never deadlines.
_UTTERANCE = re.compile(
    r"\b(?:earlier|last|past|previous|so\s+far|this\s+past|since|ago|yesterday|today|on\s+(?:monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday))\b",
    re.I,
)


_CLAUSE_EDGE = re.compile(
    r"[,;:(]|--|\b(?:and|but|while|although|though|whereas|because|so|that|which|who|where)\b", re.I
)
_PAST_VERB = re.compile(
    r"\b(?:was|were|did|rose|fell|grew|came|went|began|saw|(?:have|has|had)\s+(?:\w+ly\s+)?(?:been|had|seen|[a-z]+ed|"
    r"[a-z]+en)|had)\b|\b(?!(?:expected|projected|forecasted|anticipated|predicted|estimated|scheduled|planned)\b)"
    r"[a-z]{3,}ed\b",
    re.I,
)
_FUTURE_WORD = re.compile(
    r"\b(?:will|would|shall|should|could|may|might|going\s+to|to\s+[a-z]+|expect\w*|project\w*|forecast\w*|"
    r"anticipat\w*|predict\w*|likely|plan\w*|due|set|next|coming|ahead|later)\b",
    re.I,
)


# "the largest they have had in 10 years": a perfect right before the phrase looks back over it
_PERFECT_BEFORE = re.compile(
    r"(?<!\bwill\s)(?<!\bwould\s)\b(?:have|has|had)\s+(?:\w+ly\s+)?(?:been|had|seen|[a-z]+ed|[a-z]+en)(?:\s+\w+){0,2}\s*$",
    re.I,
)


def _past_clause(sentence: str, span: tuple[int, int]) -> bool:
    """Whether the clause around ``span`` is about the past: a past verb in it and no word of the future, or a
    perfect right before it."""
    if _PERFECT_BEFORE.search(sentence, max(0, span[0] - 60), span[0]):
        return True
    start = max((m.end() for m in _CLAUSE_EDGE.finditer(sentence, 0, span[0])), default=0)
    after = _CLAUSE_EDGE.search(sentence, span[1])
    clause = sentence[start : after.start() if after else len(sentence)]
    return _PAST_VERB.search(clause) is not None and _FUTURE_WORD.search(clause) is None


@dataclass(frozen=True)
class Deadline:
    """A deadline read from the text: the date, the words, whether it counts from ``base``, and a note."""

    on: date
    words: str
    relative: bool = False
    span: tuple[int, int] = (0, 0)
    note: str | None = None


def quarter_end(year: int, quarter: int) -> date:
    """The last day of a calendar quarter."""
    return _month_end(year, 3 * quarter)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(base: date, months: int) -> date:
    """``base`` moved by whole months, the day clipped to the month's length (2024-01-31 + 1 = 2024-02-29)."""
    index = base.year * 12 + base.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(base.day, calendar.monthrange(year, month + 1)[1]))


def _month_number(word: str) -> int:
    word = word.lower().rstrip(".")
    if word in _MONTH_NAMES:
        return _MONTH_NAMES.index(word) + 1
    return _MONTH_ABBR.index(word[:3]) + 1


def _before(lead: str | None) -> bool:
    return lead is not None and _BEFORE_WORDS.fullmatch(lead.lower()) is not None


def _period(start: date, end: date, *, lead: str | None, edge: str | None) -> date:
    """The deadline for a period [start, end]: its end; its first day for "the start of"; the day before for
    "before"."""
    if edge and edge.lower().startswith(("start", "beginning", "turn")):
        return start - timedelta(days=1) if _before(lead) else start
    if edge:
        return end  # "before the end of 2026" is still the end of 2026
    return start - timedelta(days=1) if _before(lead) else end


def find_text_date(text: str) -> date | None:
    """The first full calendar date written in the text ("March 3, 2025", "3 March 2025", "2025-03-03")."""
    pattern = re.compile(
        rf"\b(?:(?P<iso>{_YEAR})-(?P<im>\d\d)-(?P<id>\d\d)|(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}}),\s+(?P<y1>{_YEAR})"
        rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH})\s+(?P<y2>{_YEAR}))\b",
        re.I,
    )
    for m in pattern.finditer(text[:20000]):
        try:
            if m.group("iso"):
                return date(int(m.group("iso")), int(m.group("im")), int(m.group("id")))
            if m.group("m1"):
                return date(int(m.group("y1")), _month_number(m.group("m1")), int(m.group("d1")))
            return date(int(m.group("y2")), _month_number(m.group("m2")), int(m.group("d2")))
        except ValueError:
            continue
    return None


# Where a fiscal year ends: (month, day, years after the year's number). "Fiscal 2006" in Japan runs from April
# 2006 to March 2007; the US federal one from October 2005 to September 2006 (the default).
FISCAL_YEAR_ENDS = {"us": (9, 30, 0), "march": (3, 31, 1)}
_MARCH_FISCAL = re.compile(
    r"\b(?:Japan(?:ese)?|Bank\s+of\s+Japan|BOJ|India(?:n)?|Canad(?:a|ian)|U\.?K\.?|Britain|British)\b"
)


def fiscal_year_end(text: str) -> tuple[int, int, int]:
    """The fiscal year a text means: ending in March of the next year when it is about Japan, India, Canada or
    the UK, else the US federal year (ending 30 September)."""
    return FISCAL_YEAR_ENDS["march"] if _MARCH_FISCAL.search(text[:20000]) else FISCAL_YEAR_ENDS["us"]


def find_deadlines(
    sentence: str, *, base: date | None, fiscal: tuple[int, int, int] = FISCAL_YEAR_ENDS["us"]
) -> list[Deadline]:
    """Every deadline phrase in ``sentence``, in order of appearance (relative ones only when ``base`` is known);
    ``fiscal`` is where the text's fiscal years end (``fiscal_year_end``)."""
    found: list[Deadline] = []
    taken: list[tuple[int, int]] = []

    def add(match: re.Match[str], on: date | None, *, relative: bool = False, note: str | None = None) -> None:
        span = match.span()
        if on is None or any(span[0] < end and start < span[1] for start, end in taken):
            return
        lead = match.groupdict().get("lead")
        if base is not None and on < base and (lead is None or lead.lower() in ("in", "during", "for", "of", "at")):
            return  # "in 2022": a past reference, not a deadline
        if relative and _past_clause(sentence, span):
            return  # "sales were flat in April": the past, whatever month comes next
        taken.append(span)
        found.append(Deadline(on, match.group(0).strip(), relative, span, note))

    has_year = _ANY_YEAR.search(sentence) is not None
    for m in _YEAR_OF.finditer(sentence) if has_year else ():
        add(m, date(int(m.group("year")), 12, 31))
    for m in _FISCAL.finditer(sentence) if has_year else ():
        year = int(m.group("year"))
        year = year + 2000 if year < 100 else year
        month, day, later = fiscal
        end = date(year + later, month, day)
        start = add_months(end, -12) + timedelta(days=1)
        note = (
            f"fiscal {year} is read as ending {end} (predictions.extract.deadlines.fiscal_year_end); check the text's"
        )
        add(m, _period(start, end, lead=m.group("lead"), edge=m.group("edge")), note=note)
    for m in _QUARTER.finditer(sentence) if has_year else ():
        year = int(m.group("y1") or m.group("y2") or m.group("y3"))
        word = m.group("qword")
        quarter = _QUARTER_WORDS[word.lower()] if word else int(m.group("q") or m.group("q3"))
        start = date(year, 3 * quarter - 2, 1)
        add(m, _period(start, quarter_end(year, quarter), lead=m.group("lead"), edge=m.group("edge")))
    for m in _HALF.finditer(sentence) if has_year else ():
        year = int(m.group("y1") or m.group("y2") or m.group("y3"))
        word = m.group("hword")
        half = (1 if word.lower() == "first" else 2) if word else int(m.group("h") or m.group("h3"))
        start = date(year, 1 if half == 1 else 7, 1)
        add(
            m,
            _period(
                start,
                date(year, 6, 30) if half == 1 else date(year, 12, 31),
                lead=m.group("lead"),
                edge=m.group("edge"),
            ),
        )
    for m in _DAY_MONTH.finditer(sentence) if _ANY_MONTH.search(sentence) else ():
        if m.group("lead").lower() == "on" and _SAID_BEFORE.search(sentence[: m.start()]):
            continue  # "said on 3 March": when it was said
        month = _month_number(m.group("m1") or m.group("m2"))
        day = int(m.group("d1") or m.group("d2"))
        try:
            if m.group("year"):
                on = date(int(m.group("year")), month, day)
            elif base is not None:
                on = date(base.year, month, day)
                on = on if on >= base else date(base.year + 1, month, day)
            else:
                continue
        except ValueError:
            continue
        add(m, on - timedelta(days=1) if _before(m.group("lead")) else on, relative=not m.group("year"))
    for m in _MONTH_YEAR.finditer(sentence) if has_year else ():
        year, month = int(m.group("year")), _month_number(m.group("month"))
        start, end = date(year, month, 1), _month_end(year, month)
        part = (m.group("part") or "").lower()
        if part == "early":
            end = date(year, month, 10)
        elif part.startswith("mid"):
            end = date(year, month, 15)
        add(m, _period(start, end, lead=m.group("lead"), edge=m.group("edge")))
    for m in _PART_YEAR.finditer(sentence) if has_year else ():
        year, part = int(m.group("year")), m.group("part").lower()
        on = date(year, 3, 31) if part == "early" else date(year, 12, 31) if part == "late" else date(year, 6, 30)
        add(m, date(year - 1, 12, 31) if _before(m.group("lead")) and part == "early" else on)
    for m in _SPAN_YEARS.finditer(sentence) if has_year else ():
        y0, said = int(m.group("y0")), m.group("year")
        end_year = int(said) if len(said) == 4 else y0 // 100 * 100 + int(said)
        if y0 < end_year <= y0 + 50:
            add(m, date(end_year, 12, 31))
    for m in _PART_IN_YEAR.finditer(sentence) if has_year else ():
        year = int(m.group("year"))
        add(m, date(year, 3, 31) if m.group("part").lower() == "early" else date(year, 12, 31))
    if base is not None:
        for m in _MONTH_EVENT.finditer(sentence):
            month = _month_number(m.group("month"))
            year = base.year if month >= base.month else base.year + 1
            end = _month_end(year, month)
            add(m, end if m.group("lead").lower() not in ("before", "until") else date(year, month, 1), relative=True)
        for m in _ANOTHER.finditer(sentence):
            steps = 2 if m.group("two") else 1
            if m.group("unit").lower() == "year":
                add(m, date(base.year + steps, 12, 31), relative=True)
            else:
                index = (base.month - 1) // 3 + steps
                add(m, quarter_end(base.year + index // 4, index % 4 + 1), relative=True)
        for m in _MIDYEAR.finditer(sentence):
            mid = date(base.year, 6, 30)
            add(m, mid if mid >= base else date(base.year + 1, 6, 30), relative=True)
    for m in _SEASON.finditer(sentence):
        if m.group("year") or base is not None:
            add(m, _season_end(base, m), relative=m.group("year") is None)
    for m in _YEAR_ONLY.finditer(sentence) if has_year else ():
        year = int(m.group("year"))
        add(m, _period(date(year, 1, 1), date(year, 12, 31), lead=m.group("lead"), edge=m.group("edge")))
    if base is not None:
        for m in _PART_NO_YEAR.finditer(sentence):
            add(m, _part_of_year(base, m), relative=True)
        for m in _MONTH_ONLY.finditer(sentence) if _ANY_MONTH.search(sentence) else ():
            month = _month_number(m.group("month"))
            year = base.year if month >= base.month else base.year + 1  # the next such month
            if m.group("lead").lower() == "in" and (base.month - month) % 12 in (1, 2):
                year = base.year - (1 if month > base.month else 0)  # "in November", said in December: just past
            add(
                m,
                _period(date(year, month, 1), _month_end(year, month), lead=m.group("lead"), edge=m.group("edge")),
                relative=True,
            )
        for m in _WEEKDAY.finditer(sentence):
            if _SAID_BEFORE.search(sentence[: m.start()]):
                continue  # "the bank said on Tuesday": when it was said
            ahead = (_WEEKDAYS.index(m.group("day").lower()) - base.weekday() - 1) % 7 + 1
            on = base + timedelta(days=ahead)
            add(m, on - timedelta(days=1) if _before(m.group("lead")) else on, relative=True)
    if base is not None and _ANY_UNIT.search(sentence):
        for m in _YEAR_END.finditer(sentence):
            add(m, date(base.year, 12, 31), relative=True)
        for m in _YEAR_AHEAD.finditer(sentence):
            add(m, _relative(base, 1, m.group("unit")), relative=True)
        for m in _THE_YEAR.finditer(sentence):
            add(m, date(base.year, 12, 31), relative=True)
        for m in _RELATIVE.finditer(sentence):
            n = _amount(m.group("n"))
            if n is not None and not _UTTERANCE.search(sentence[max(0, m.start() - 12) : m.start()]):
                add(m, _relative(base, n, m.group("unit")), relative=True)
        for m in _NEXT.finditer(sentence):
            if _UTTERANCE.search(sentence[max(0, m.start() - 12) : m.start()]):
                continue  # "earlier this month", "last year": when it was said
            which = m.group("which").lower()
            if which == "the" and not m.group("edge"):
                continue  # "the year" alone is not a date; "by the end of the year" is
            add(m, _next(base, which, m.group("unit").lower(), edge=m.group("edge")), relative=True)
    return sorted(found, key=lambda d: d.span[0])


def find_deadline(sentence: str, *, base: date | None) -> Deadline | None:
    """The first deadline phrase in ``sentence``, or None."""
    found = find_deadlines(sentence, base=base)
    return found[0] if found else None


def _part_of_year(base: date, m: re.Match[str]) -> date:
    """ "in the second quarter" (of ``base``'s year), "in the first half", "early next year"."""
    year = base.year
    if m.group("q"):
        word = m.group("q").lower()
        quarter = (base.month - 1) // 3 + 1 if word == "current" else _QUARTER_WORDS[word]
        return quarter_end(year + (1 if (m.group("qwhich") or "").lower() == "next" else 0), quarter)
    if m.group("h"):
        year += 1 if (m.group("hwhich") or "").lower() == "next" else 0
        return date(year, 6, 30) if m.group("h").lower() == "first" else date(year, 12, 31)
    year += 1 if m.group("which").lower() == "next" else 0
    part = m.group("part").lower()
    return date(year, 3, 31) if part == "early" else date(year, 6, 30) if "mid" in part else date(year, 12, 31)


def _season_end(base: date | None, m: re.Match[str]) -> date:
    """The last day of the season named: of the year given, else the next such season that has not ended."""
    month = _SEASONS[m.group("season").lower()]
    winter = 1 if month == 2 else 0  # the winter of a year ends in February of the next
    if m.group("year"):
        return _month_end(int(m.group("year")) + winter, month)
    assert base is not None
    if (m.group("which") or "").lower() == "next":
        return _month_end(base.year + 1 + winter, month)
    year = base.year + winter
    return _month_end(year if _month_end(year, month) >= base else year + 1, month)


def _amount(text: str) -> int | None:
    text = text.lower()
    if text in ("a", "an"):
        return 1
    try:
        value = float(text)
    except ValueError:
        value = word_number(text.replace("-", " ")) or 0.0
    return int(value) if value == int(value) and 0 < value <= 100 else None


def _relative(base: date, n: int, unit: str) -> date | None:
    unit = unit.lower().rstrip("s")
    if unit == "day":
        return base + timedelta(days=n)
    if unit == "week":
        return base + timedelta(weeks=n)
    months = {"month": 1, "quarter": 3, "year": 12}[unit] * n
    return add_months(base, months)


def _next(base: date, which: str, unit: str, *, edge: str | None) -> date:
    offset = 1 if which in ("next", "coming") else 0
    start_wanted = edge is not None and "start" in edge.lower()
    if unit == "year":
        return date(base.year + offset, 1, 1) if start_wanted else date(base.year + offset, 12, 31)
    if unit == "week":  # weeks end on Sunday
        sunday = base + timedelta(days=6 - base.weekday() + 7 * offset)
        return sunday - timedelta(days=6) if start_wanted else sunday
    if unit == "decade":
        first = base.year // 10 * 10 + 10 * offset
        return date(first, 1, 1) if start_wanted else date(first + 9, 12, 31)
    if unit == "quarter":
        index = (base.month - 1) // 3 + offset
        year, quarter = base.year + index // 4, index % 4 + 1
        return date(year, 3 * quarter - 2, 1) if start_wanted else quarter_end(year, quarter)
    shifted = add_months(base.replace(day=1), offset)
    return shifted if start_wanted else _month_end(shifted.year, shifted.month)
