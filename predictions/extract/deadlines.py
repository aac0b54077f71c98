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
| in the second quarter, the second (back) half of the year, early next year | the end of that part of ``base``'s year |
| the final (fourth) quarter of the year | the end of ``base``'s year |
| in the current (this) fiscal year, next fiscal year | the end of the fiscal year running at ``base``, the one after |
| by March 2026 / before March 2026 | 2026-03-31 / 2026-02-28 |
| from April, from next April, next April, as soon as December; from 1 April | the next such month's end; that day |
| from April 2026, from 2030 | 2026-04-30, 2030-12-31 |
| over 2026 | 2026-12-31 |
| by 3 March 2026 / before 3 March 2026 | 2026-03-03 / 2026-03-02 |
| ahead of (before) the 3 March summit (no year) | the day before the next 3 March on or after ``base`` |
| through / in fiscal 2027, FY2027 | 2027-09-30 (US federal), 2028-03-31 in a text about Japan, India, Canada, the UK |
| next year, this year, later this year, by the end of the year, next quarter, next month | the end of that period |
| by the beginning of next year; by end-year, by end of year, by year's end | 1 January; 31 December |
| in three years, within 18 months, over (during) the next two years / N months, a decade | ``base`` + N units |
| by the end of the decade | the last day of ``base``'s decade |
| by the mid-2020s, in the early 2030s, in the late 2020s, the 2040s | 2025-12-31, 2033-12-31, 2029-12-31, 2049-12-31 |
| 1Q26, 4Q2025, Q1'26, Q1/2026, first-quarter 2026, the 2026 first quarter, the March quarter of 2026 | its last day |
| 1H26, 2H 2026, H2'26, the 2026 second half | the half's last day |
| beyond (after, past) the first quarter | the end of the quarter (half) after it |
| a (the next) couple of years, the next year or two, a year from now (this time next year) | ``base`` + 2, 2, 1 years |
| in the year (three months) to March (no year) | the next March's end; ``base`` (pending) if it ended 45 days ago |
| the 2026/27 fiscal year | the end of that fiscal year (``fiscal_year_end``) |
| fiscal 2026-27, FY26/27, fiscal year 1995/96 | the end of the fiscal year that starts in the first year named |
| fiscal years 2026 to 2028, FY2026-2030, fiscal 2026 and 2027 | the end of the last fiscal year named |
| the first (second) half of fiscal 2026 | its first (last) six months' end: 2026-09-30 (2027-03-31) in Japan |
| 2026-27, by 2029-30 (no commodity named) in a text whose fiscal years end in March | 2027-03-31, 2030-03-31 |
| 2026 total production, the 2026 price forecast (a year as an adjective) | 2026-12-31 |
| 2025/26 wheat (corn, soybeans, rice, soybean oil ...) | the US marketing year's end (``MARKETING_YEAR_ENDS``) |
| the 2025-26 corn marketing year; 2025/26 with no crop named | the same; the calendar year, flagged |
| global (world, foreign) wheat in 2025/26 | 30 June 2026 (its trade year); other world crops: the US year |
| 8.6 million tons above (from, than, compared with) 2024/25 | none: the base of the comparison |
| in calendar year 2026, in calendar 2026 | 2026-12-31 |
| by Q4, in 4Q (no year) | the nearest such quarter's end (as "the fourth quarter") |
| over the 30-year period, during the 10-year projection period | the end of ``base``'s year + N, flagged |
| over (during, within) the next decade | ``base`` + 10 years ("in the next decade": the next calendar decade) |
| this winter, the 2025-26 winter heating season (November-March) | 31 March 2026 (``SEASON_MONTHS``) |
| November this year, for much of the month, later in the year, end the year | that month's or year's end |
| by mid-year, by the middle of the year | the next 30 June |
| in the new year, the early (latter) part of next year | 31 March (31 December) of the next year |
| by mid-decade, by the middle of the decade | the end of the decade's fifth year, flagged |
| by (at, this, next) Christmas | the next (the following year's) 25 December |
| in the run-up to Christmas; over the Christmas period | 24 December; 31 December |
| by the end of the first half (no year) | the nearest such half's end (as a quarter without a year) |
| later today, tonight, tomorrow, Wednesday, on Thursday night | that day (``base`` itself on its weekday) |
| over the weekend, the early part of the weekend | that weekend's Sunday, Saturday |
| over the next 12 to 18 months, two and a half years, through 48 hours | ``base`` + the later end |
| for another quarter or two | the end of the second quarter after ``base``'s |
| following the October meeting, at the September meeting | that month of ``base``'s year |
| at our (its) next meeting, by the next policy meeting | the end of the month after ``base``'s, flagged |
| as soon as the December meeting (a meeting named by its month) | the end of the next such month |
| the forecast (projection) period, its second half or end, over this period | the last period end the text names |
| take 27 hours, could last two weeks (a time spent, also the rule's amount) | ``base`` + that time |
| when (once, after) the March data (figures, jobs report) are released | the end of the month after March |
| the 2026 hurricane season, this season (with named storms or hurricanes) | 30 November (the Atlantic season) |
| 3% fewer heating degree days than last winter | the end of this winter |
| the sales forecast has been raised (no period named) | the end of ``base``'s year, flagged |
| the coming months, over the medium term, within weeks, a few months (vague) | ``base`` + ``VAGUE_HORIZONS``, flagged |

A season without months in brackets runs to the end of the month its astronomical end falls in; a vague horizon
beside a real date flags that date; "the October outlook" said in November is a report past, not a deadline.

Phrases that date the utterance rather than the prediction ("earlier this month", "last year", "this week", "on
Tuesday", "The IMF Thursday released") are not deadlines, nor is a year of this or an earlier year in a clause about
what the forecast follows ("rise another 5 percent, after a rally of 40 percent in 2025"), nor is a relative phrase in a
clause about the past ("sales were flat in April", "the biggest rise they have had in 10 years": a clause, cut at
commas, semicolons and conjunctions, with a verb in the past and no word of the future: "has cut rates for the second
time this year"), nor a span a superlative looks back over ("its highest level in 18 months", "for the first time in
four years"). "In (over) the year ahead" is ``base`` + 12 months; "for the year" the end of ``base``'s year. A year in
the past read with "in" or "during" ("in 2022", also "from", "over") is a past reference, not a deadline; one read with
"by", "before" or "until" is kept and flagged by the caller as before the text's date. A quarter, month or year that
ended at most ``PENDING_DAYS`` before ``base`` ("growth would slow in the first quarter", in minutes of April) is kept
with ``pending``: its figures come out after the text, so its deadline is ``base`` itself (the ledger takes no deadline
before a claim's date), with a note. A quarter named without a year is the nearest one ("the fourth quarter", said in
February, just ended).

"Winter wheat" and "spring-planted crops" are crops, not seasons.

A prediction with no date gets the latest date its paragraph named last before it (``paragraph_dates``; a crop year
carried to a sentence that names another crop ends with that crop's year, and one already over is not carried), else
the text's
horizon (``text_horizon``: the date the text names most often, a weather product's valid period), flagged for
review, before the caller's fixed default.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from predictions.extract import patterns
from predictions.extract.numbers import FRACTION_CHANGE, PAGE_MARK, word_number

_MONTH_NAMES = [m.lower() for m in calendar.month_name[1:]]
_MONTH_ABBR = [m.lower() for m in calendar.month_abbr[1:]]
_MONTH = r"(?:" + "|".join(calendar.month_name[1:]) + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
_YEAR = r"(?:19|20)\d\d"
_BY = r"by|in|into|within|during|for|through|throughout|until|till|to|around|no\s+later\s+than|at|of"
_BEFORE = r"before|ahead\s+of|prior\s+to"
_BEFORE_WORDS = patterns.compile(_BEFORE)
_LEAD = rf"\b(?P<lead>{_BEFORE}|{_BY})\s+"
# "from April 2026" (when a change starts), "over 2026" (a year a forecast runs through): for a month or a year
_LEAD_FROM = rf"\b(?P<lead>{_BEFORE}|{_BY}|from|over)\s+"
_EDGE = (
    r"(?:the\s+)?(?P<edge>end\s+of\s+|end-|year[- ]end\s+|close\s+of\s+|start\s+of\s+|beginning\s+of\s+|"
    r"turn\s+of\s+)?"
)
_PART = r"(?:the\s+)?(?P<part>early|late|mid|middle\s+of)(?:-|\s*)(?:in\s+)?"
_QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4, "final": 4}

_QUARTER_MONTHS = {"march": 1, "june": 2, "september": 3, "december": 4}
# A quarter with its year, however written: "the first quarter of 2026", "first-quarter 2026", "Q1 2026", "Q1/2026",
# "2026Q1", "the 2026 first quarter", "2026's first quarter", "the March quarter of 2026" (named by its last month).
_QUARTER = patterns.compile(
    _LEAD
    + _EDGE
    + rf"(?:(?:the\s+)?(?P<qword>first|second|third|fourth|last)(?:\s+|-)quarter(?:\s+of)?\s*,?\s*(?P<y1>{_YEAR})"
    + rf"|(?:the\s+)?(?P<qmonth>March|June|September|December)\s+quarter(?:\s+of)?\s*,?\s*(?P<y4>{_YEAR})"
    + rf"|(?:the\s+)?(?P<y5>{_YEAR})(?:['’]s)?\s+(?P<qword5>first|second|third|fourth|last)(?:\s+|-)quarter"
    + rf"|Q(?P<q>[1-4])\s*(?:of\s+|/)?'?(?P<y2>{_YEAR})|(?P<y3>{_YEAR})\s*[-/]?\s*Q(?P<q3>[1-4]))\b",
    re.I,
)
# A half with its year: "the first half of 2026", "first-half 2026", "H1 2026", "2026H1", "the 2026 second half".
_HALF = patterns.compile(
    _LEAD
    + _EDGE
    + rf"(?:(?:the\s+)?(?P<hword>first|second)(?:\s+|-)half(?:\s+of)?\s*,?\s*(?P<y1>{_YEAR})"
    + rf"|(?:the\s+)?(?P<y4>{_YEAR})(?:['’]s)?\s+(?P<hword4>first|second)(?:\s+|-)half"
    + rf"|H(?P<h>[12])\s*(?:of\s+|/)?(?P<y2>{_YEAR})|(?P<y3>{_YEAR})\s*[-/]?\s*H(?P<h3>[12]))\b",
    re.I,
)
# Half codes with a short or long year: "1H26", "2H 2026", "H2'26".
_HALF_CODE = patterns.compile(
    rf"(?:{_LEAD})?{_EDGE}\b(?:(?P<h1>[12])H\s?(?P<y1>\d\d(?:\d\d)?)|H(?P<h2>[12])\s?['’](?P<y2>\d\d))\b", re.I
)
# "fiscal 2027", "FY2027", and a year named by the two it spans ("fiscal 2026-27", "FY26/27", "fiscal year 1995/96")
# or a run of years ("fiscal years 2026 to 2028")
# or two ("fiscal 2026 and 2027": the later, with four digits or "FY" after "and", since "fiscal 2025 and 30 ..." is
# an amount), and half of one ("the first half of fiscal 2026": its first six months)
_FISCAL = patterns.compile(
    rf"(?:{_LEAD})?{_EDGE}(?:(?:the\s+)?(?P<half>first|second|latter)(?:\s+|-)half\s+of\s+)?"
    rf"(?:fiscal\s+(?:years?\s+)?|FY\s?)(?P<year>{_YEAR}|\d\d)\b"
    r"(?:(?P<sep>\s*[-‐‑‒–—―/]\s*|\s+(?:to|through)\s+(?:(?:fiscal\s+(?:year\s+)?|FY\s?))?"
    r"|\s+and\s+(?:fiscal\s+(?:year\s+)?)?(?=(?:19|20)\d\d\b)|\s+and\s+FY\s?)"
    r"(?P<year2>(?:19|20)?\d\d)\b(?!\s*%))?",
    re.I,
)
_BEFORE_FISCAL = patterns.compile(r"^.*?(?=\b(?:fiscal|FY))", re.I | re.S)
_DAY_MONTH = patterns.compile(
    rf"\b(?P<lead>{_BEFORE}|{_BY}|on|from)\s+"
    + r"(?:the\s+)?"
    + rf"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH})"
    + rf"|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)"
    + rf"(?:,?\s+(?P<year>{_YEAR}))?\b",
    re.I,
)
_MONTH_YEAR = patterns.compile(
    _LEAD_FROM + _EDGE + rf"(?:{_PART})?(?P<month>{_MONTH})\s*,?\s*(?:of\s+)?(?P<year>{_YEAR})\b", re.I
)
# A quarter, a half or a part of "this year" / "next year" without the year's number.
# "in the current fiscal year", "next fiscal year": the fiscal year running at the text's date, or the one after
_FISCAL_WHICH = patterns.compile(
    r"\b(?:(?P<lead>in|by|for|during|through|over|throughout)\s+)?(?:the\s+)?(?P<which>this|current|next|coming)\s+"
    r"(?:fiscal|financial|budget)\s+year\b",
    re.I,
)
_PART_NO_YEAR = patterns.compile(
    r"\b(?:(?P<lead>in|by|during|through|for|over|before|beyond|past|after)\s+)?(?:the\s+)?"
    r"(?:(?P<q>first|second|third|fourth|final|current)"
    r"(?:\s+|-)quarter(?:\s+of\s+(?:(?P<qwhich>this|next|last)|(?P<qyear>the))\s+year)?"
    r"|(?P<h>first|second|latter|back|front)(?:\s+|-)half(?:\s+of\s+(?:the\s+|(?P<hwhich>this|next)\s+)year)?"
    # "by Q4", "in 4Q", "in H2": the nearest such quarter or half; "in Q1 next year"
    r"|(?:Q(?P<qn>[1-4])|(?P<qn2>[1-4])Q|H(?P<hn>[12]))(?![\w'’/])(?:\s+(?:of\s+)?(?P<cwhich>this|next)\s+year)?"
    # "the latter part of the year", "the early part of next year"
    r"|(?P<latter>latter|later|early|earlier|first)\s+part\s+of\s+(?:the|this|(?P<pwhich>next))\s+year"
    r"|(?P<part>early|late|mid|the\s+middle\s+of|the\s+end\s+of)[- ]?\s*(?P<which>this|next)\s+year)"
    # not a part of a year: "the second half of the projection period", "the first half of the decade"
    r"\b(?!\s+(?:of\s+)?(?:19|20)\d\d|\s+of\s+(?:the|its|this|that|our|their)\s+(?!year\b)[a-z])",
    re.I,
)
_PART_YEAR = patterns.compile(rf"(?:{_LEAD})?" + _PART + rf"(?P<year>{_YEAR})\b", re.I)
_DASH = r"[-‐‑‒–—―]"
_YEAR_ONLY = patterns.compile(
    _LEAD_FROM
    + _EDGE
    + rf"(?:(?:the\s+)?(?:calendar\s+(?:year\s+)?|year\s+))?(?P<year>{_YEAR})\b"
    + rf"(?!\s*-?\s*[QH][1-4]|\s*{_DASH}\s*\d|%|\s*(?:levels?|average))",
    re.I,
)
_SPAN_YEARS = patterns.compile(
    rf"\b(?:between\s+)?(?P<y0>{_YEAR})\s*(?:{_DASH}|/|to|and|through)\s*(?P<year>{_YEAR}|\d\d)\b"
    r"(?!\s*(?:%|percent|per\s*cent|basis\s+points?)\b|\s*%)",
    re.I,
)
# A year used as an adjective: "2026 total production", "the 2026 energy price forecast".
_YEAR_ADJECTIVE = patterns.compile(
    rf"\b(?P<year>{_YEAR})\s+(?!(?:and|or|to|through|levels?|average|was|were|had|has|is|are|when|as|in|on|at|by|"
    r"for|from|with|the|a|an|than|compared|versus|vs|of|dollars?|prices?|percent|per|will|would|could|should|may|"
    r"might|and|after|before|until|onwards?|onward|highs?|lows?|peaks?)\b)(?=[a-z])",
    re.I,
)
# Quarter codes: "1Q26", "4Q2025", "Q1'26".
_QUARTER_CODE = patterns.compile(
    rf"(?:{_LEAD})?{_EDGE}\b(?:(?P<q1>[1-4])Q\s?(?P<y1>\d\d(?:\d\d)?)|Q(?P<q2>[1-4])\s?['’](?P<y2>\d\d))\b", re.I
)
# A decade or a part of it: "by the mid-2020s", "in the early 2030s", "by the 2040s", "before the late 2020s"
_DECADE = patterns.compile(
    rf"\b(?P<lead>{_BEFORE}|{_BY})\s+(?:the\s+)?(?:(?P<part>early|mid|late|middle\s+of\s+the)[- ]?\s*)?"
    r"(?P<decade>(?:19|20)\d0)['’]?s\b",
    re.I,
)
# where each part of a decade is read to start and end (years after the decade's first): the middle is its 2025
_DECADE_PARTS = {"early": (0, 3), "mid": (4, 5), "middle": (4, 5), "late": (7, 9), "": (0, 9)}
_YEAR_OF = patterns.compile(
    rf"\b(?P<year>{_YEAR})\s+(?:will|is\s+set\s+to|could|should|may|might)\s+be\s+(?:the|a)\s+year\b", re.I
)
_NUMBER = (
    # "12 to 18 months", "the next 13-20 years": the later end counts ("the 2013-23 decade" is no count)
    r"(?:(?P<n0>\d+|[a-z]+)\s+(?:to|or|-|–)\s+|(?<![\d/])\d{1,3}[-–](?=\d{1,3}\b))?"
    r"(?P<n>\d+(?:\.\d+)?|an?|[a-z]+(?:[- ][a-z]+)?)"
)
_RELATIVE = patterns.compile(
    r"\b(?P<lead>within|in|over|during|for|after|by|through|throughout|take|takes|taking|last|lasts|lasting)\s+(?:the\s+)?"
    r"(?!(?:past|last|previous|prior|preceding)\b)(?:next|coming|following)?\s*"
    # "in less than a decade", "within under five years": by then at the latest
    r"(?:(?:less|fewer)\s+than\s+|under\s+)?"
    r"(?:(?:about|around|roughly|approximately)\s+)?(?:(?:few|couple\s+of)\s+)?"
    + _NUMBER
    + r"\s+(?P<unit>years?|months?|quarters?|weeks?|days?|hours?|decades?)\b(?!\s+(?:ago|earlier|before|since))"
    + r"(?![- ](?:of\s+an?\s+)?(?:percentage[- ])?points?\b)",  # "cut by a quarter point": a rate, not a time
    re.I,
)
# "its highest level in 18 months", "the biggest fall for two years", "for the first time in over a year": a span
# that a superlative (or an "Nth time") looks back over, not a time ahead
_LOOKS_BACK = patterns.compile(
    r"(?:\b(?:the|its|their|his|her|our|a|an)\s+(?:\w+[\s-]+)?(?!(?:interest|latest|harvest|forest|request|protest|"
    r"contest|inquest|conquest|digest|modest|honest)\b)(?:[a-z]{2,}est|best|worst|most|least)"
    r"|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|only|last)\s+time)"
    r"(?:\s+[a-z-]+){0,3}\s+$",
    re.I,
)
_OF_A_YEAR = patterns.compile(r"\s+of\s+(?:the\s+)?(?:(?:19|20)\d\d\b|(?:this|next|the\s+current)\s+year\b)", re.I)
# "over the next couple of years": two of them.
# "when the March data are released", "once the June figures are published", "after the May jobs report comes out"
_MONTH_DATA = patterns.compile(
    rf"\b(?:when|once|after|until|before)\s+(?:the\s+)?(?P<month>{_MONTH})(?:['’]s)?\s+(?:data|figures|numbers|"
    r"reading|readings|statistics|report|jobs\s+report|CPI|PCE|payrolls)\s+(?:are|is|come|comes|get|gets)\s+"
    r"(?:released|published|out|reported|in)\b",
    re.I,
)
# The hurricane season (Atlantic and eastern Pacific, 1 June to 30 November): named, or a "season" in a sentence
# about storms ("an above-normal season with 11 to 17 named storms").
_HURRICANE_SEASON = patterns.compile(
    r"\b(?:(?:the\s+)?(?P<year>(?:19|20)\d\d)\s+)?(?:(?:atlantic|pacific)\s+)?(?:hurricane|tropical\s+storm|storm)"
    r"\s+season\b|\b(?:this|the|an?)\s+(?:[\w-]+\s+){0,2}season\b(?=[^.;]{0,80}\b(?:named\s+storms|hurricanes)\b)",
    re.I,
)
# "after (following) a rally of 40 percent in 2025": a clause about what came before the forecast
_AFTER_BEFORE = patterns.compile(
    r"\b(?:after|following|on\s+top\s+of)\s+(?:an?|the|its|their|this|last)\b[^.;:]*$", re.I
)
# "this holiday season", "the holiday shopping season": November and December
_HOLIDAY_SEASON = patterns.compile(
    r"\b(?:this|the|this\s+year['’]s)\s+holiday\s+(?:shopping\s+|sales\s+)?season\b", re.I
)
_WILL_BEFORE = patterns.compile(r"\b(?:will|would|could|may|might|should|can|to)\s+$", re.I)
_COUPLE = patterns.compile(
    r"\b(?P<lead>within|in|over|during|for)\s+(?:the\s+|a\s+)?(?:next\s+|coming\s+)?couple\s+(?:of\s+)?"
    r"(?P<unit>years|months|quarters|weeks|days)\b",
    re.I,
)
# "a year from now", "six months from now".
_FROM_NOW = patterns.compile(
    r"\b(?P<n>\d+|an?|[a-z]+)\s+(?P<unit>years?|months?|quarters?|weeks?|days?)\s+from\s+now\b", re.I
)
# "in the year to March", "over the 12 months to June", "in the three months to September": the months ending with
# that month.
_YEAR_TO = patterns.compile(
    r"\b(?:year|quarter|(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+months)\s+"
    rf"(?:to|ending|ended)\s+(?P<month>{_MONTH})\b"
    r"(?!\s*,?\s*(?:\d|of\s+(?:19|20)))",
    re.I,
)
_NEXT = patterns.compile(
    r"\b(?:(?P<edge>by\s+the\s+end\s+of|by\s+the\s+(?:start|beginning)\s+of|end\s+of|start\s+of|beginning\s+of|"
    r"turn\s+of)\s+)?"
    r"(?:(?P<later>later)\s+)?(?:the\s+)?(?P<which>next|coming|this|current|the)\s+(?P<unit>year|quarter|month|decade|week)\b",
    re.I,
)
# the second month of a pair after ``_MONTH_ONLY``: "February and March", "August-September", "June to August"
_MONTH_PAIR = patterns.compile(
    rf"\s*(?:[-‐‑‒–—]|\s(?:and|or|to|through|into)\s)\s*(?P<month>{_MONTH})\b(?!\s*,?\s*\d)", re.I
)
# "as soon as the December meeting": a meeting named by its month, in the month it is held
_MONTH_MEETING = patterns.compile(
    rf"\bthe\s+(?P<month>{_MONTH})\s+(?:(?:FOMC|policy|Committee|board|Governing\s+Council|MPC)\s+)?(?:meeting|session)\b",
    re.I,
)
_PAST_MEETING = patterns.compile(r"\b(?:at|since|after|following|before)\s+$|\b(?:was|were|had|did)\b[^.;]*$", re.I)
# "by this time next year": a year from the text's date ("this time last year" is the past, dropped as before it)
_THIS_TIME = patterns.compile(r"\b(?:(?:by|at|around)\s+)?this\s+time\s+(?P<which>next|last)\s+year\b", re.I)
_MONTH_ONLY = patterns.compile(
    rf"\b(?P<lead>by|before|until|till|through|ahead\s+of|in|following|after|during|at|for|from|"
    rf"as\s+(?:soon|early|late)\s+as)\s+{_EDGE}"
    rf"(?:(?:its|their|our|this|(?P<next>next))\s+)?(?P<month>{_MONTH})\b"
    r"(?!\s*,?\s*(?:\d|of\s+(?:19|20)|(?:of\s+)?(?:last|this|next)\s+year))",
    re.I,
)
# "from April" is when a change starts ("bills will rise from April"), except after figures or a comparison: "data
# from April", "up from April's 3.5%"
_FROM_NOT_START = patterns.compile(
    r"\b(?:data|figures|numbers|statistics|readings?|surveys?|reports?|minutes|up|down|higher|lower)\s+$", re.I
)
# "this July" without a preposition (with one, ``_MONTH_ONLY`` reads it); the month capitalised, since "this may" is
# a modal
_THIS_MONTH = patterns.compile(
    r"\b(?P<which>[Tt]his|[Nn]ext)\s+(?P<month>" + "|".join(calendar.month_name[1:]) + r")\b(?!\s*,?\s*\d)"
)
_LEAD_BEFORE = patterns.compile(rf"\b(?:{_BEFORE}|{_BY})\s+$", re.I)
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY = patterns.compile(
    r"\b(?P<lead>on|by|before|until)\s+(?:next\s+)?(?P<day>" + "|".join(_WEEKDAYS) + r")\b", re.I
)
_SAID_BEFORE = patterns.compile(
    r"\b(?:said|says|told|announced|reported|warned|added|stated|confirmed|revealed|disclosed|published|released)"
    r"(?:\s+\w+){0,3}\s*$|\b(?:(?!(?:expected|projected|forecasted|predicted|anticipated|scheduled|planned|slated|"
    r"needed|required|delayed|postponed|extended)\b)[a-z]+ed|fell|rose|grew|was|were|had|did|met|held|made|came|went)"
    r"\s+$",  # "is expected through Friday" looks ahead
    re.I,
)
_YEAR_END = patterns.compile(
    r"\bby\s+(?P<edge>year[- ]end|(?:the\s+)?year['’]?s\s+end|end[- ]year|end\s+of\s+year)\b(?!\s*,?\s*(?:19|20)\d\d)",
    re.I,
)
_ANY_YEAR = patterns.compile(r"(?:19|20)\d\d|\bFY\s?\d\d", re.I)
_DAY_HINTS = ("today", "tonight", "tomorrow", "this morning", "this afternoon", "this evening", "weekend")
_CODE_HINT = patterns.compile(r"[1-4]q|q[1-4]")
_HALF_HINT = patterns.compile(r"[12]h|h[12]")
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_ANY_UNIT = patterns.compile(r"year|month|quarter|week|day|decade|hour", re.I)
PENDING_DAYS = 92  # a quarter or month that ended this recently before the text is still to be reported
# a period "to" a month ("the three months to September") is reported within some six weeks of that month's end
REPORTED_DAYS = 45
# Times of the utterance, never deadlines.
_UTTERANCE = patterns.compile(
    r"\b(?:earlier|last|past|previous|so\s+far|this\s+past|since|ago|yesterday|today|on\s+(?:monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday))\b",
    re.I,
)

# Times of the day or week the text is published in: "later today", "tonight", "tomorrow", "over the weekend".
_DAY_WORDS = patterns.compile(
    r"\b(?P<lead>by|before|until|through|into|over|during|in|for)?\s*(?:the\s+)?(?P<word>later\s+today|"
    r"today(?!['’]s)|tonight|tomorrow|this\s+(?:morning|afternoon|evening)|(?:(?P<early>early|late)\s+(?:part\s+of\s+)?"
    r"(?:the\s+)?|(?P<wwhich>this|next|the)\s+)weekend)\b",
    re.I,
)
# "Today, ..." opening its clause (the sentence's start, or after a conjunction or a comma) speaks of the present
_TODAY_NOWADAYS = patterns.compile(r"today\s*,", re.I)
_CLAUSE_OPENS = patterns.compile(r"(?:^|[,;:]|\b(?:but|and|yet|while|whereas|though|although))\s*$", re.I)
_PAST_VERB_AFTER = patterns.compile(
    r"^\s+(?:(?:morning|afternoon|evening|night)\s+)?(?:[a-z]+ed|said|says|told|rose|fell|grew|was|were|had|did|"
    r"made|held|met|cut|set|kept|left|saw|took|gave|came|went)\b",
    re.I,
)
_BARE_WEEKDAY = patterns.compile(
    r"\b(?:(?P<lead>on|by|before|until|till|through|into|late|early|next)\s+)?(?P<day>"
    + "|".join(_WEEKDAYS)
    + r")(?:\s+(?:morning|afternoon|evening|night))?\b(?!['’]s)",
    re.I,
)
# "for much of the month", "the rest of the year", "through the remainder of this quarter".
_REST_OF = patterns.compile(
    r"\b(?:(?:much|most|all|the\s+rest|the\s+remainder|the\s+balance)\s+of|later\s+in)\s+(?:the|this)\s+"
    r"(?P<unit>week|month|quarter|year)\b",
    re.I,
)
# "at our next meeting", "by the next FOMC meeting": a policy committee meets every six to eight weeks, so the end of
# the month after the text's is proposed, flagged (the text gives no date; the committee's calendar does)
_NEXT_MEETING = patterns.compile(
    r"\b(?:at|by|before|after|following|until|in)\s+(?:the|our|its|their)\s+(?:next|upcoming|coming|following)\s+"
    r"(?:(?:FOMC|policy|monetary\s+policy|Committee|board|Governing\s+Council|MPC|rate[- ]setting|council)\s+)?"
    r"(?:meeting|session|gathering)\b",
    re.I,
)
# "by mid-decade", "by the middle of the decade": the decade's fifth year (the next decade's once it has passed)
_MID_DECADE = patterns.compile(
    r"\b(?P<lead>by|in|around|until|before|through)\s+(?:the\s+)?(?:mid[- ]decade|middle\s+of\s+the\s+decade)\b", re.I
)
# a year in words, as VOA's Special English writes it: "in two thousand fifty", "by twenty fifty", "until nineteen
# ninety-nine"; not an amount ("to two thousand tons", "two thousand five hundred")
_TENS_WORDS = (
    r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety"
)
_UNIT_WORDS = r"one|two|three|four|five|six|seven|eight|nine"
_YEAR_WORDS = patterns.compile(
    rf"\b(?P<lead>{_BY}|{_BEFORE})\s+(?:the\s+year\s+)?(?P<words>(?P<century>nineteen|twenty)(?:-|\s+)"
    rf"(?P<rest>(?:{_TENS_WORDS})(?:(?:-|\s+)(?:{_UNIT_WORDS}))?|o(?:-|\s+)(?:{_UNIT_WORDS}))|two\s+thousand(?:\s+and)?"
    rf"(?:(?:-|\s+)(?P<after>(?:{_TENS_WORDS})(?:(?:-|\s+)(?:{_UNIT_WORDS}))?|{_UNIT_WORDS}))?)\b"
    r"(?!(?:-|\s+)(?:hundred|thousand|million|billion|trillion|percent|per\s+cent|[a-z]+s)\b)",
    re.I,
)
# "by the middle of the century", "by mid-century": the century's fiftieth year
_MID_CENTURY = patterns.compile(
    r"\b(?P<lead>by|in|around|until|before|through)\s+(?:the\s+)?(?:mid-?century|middle\s+of\s+(?:the|this)\s+century)\b",
    re.I,
)
# "by Christmas", "this (next) Christmas", "in the run-up to Christmas", "over the Christmas period"
_CHRISTMAS = patterns.compile(
    r"\b(?:(?P<lead>by|before|until|till|ahead\s+of|over|at|around|in\s+time\s+for|during|in\s+the\s+(?P<run>run|lead)"
    r"[- ]up\s+to)\s+(?:the\s+)?(?:(?P<which>this|next)\s+)?|(?P<which2>this|next)\s+)Christmas\b",
    re.I,
)
# "by mid-year": the next 30 June.
_MIDYEAR = patterns.compile(
    r"\b(?:(?:by|at|around|in|until|through)\s+)?(?:mid-?year|the\s+middle\s+of\s+the\s+year)\b", re.I
)
# "in the new year", said in November: early next year (its first quarter)
_NEW_YEAR = patterns.compile(r"\b(?:(?:early\s+)?in|into|by|after|until)\s+the\s+new\s+year\b", re.I)
# "end the year at 107 MMst", "close out the year".
_END_THE_YEAR = patterns.compile(r"\b(?:end|close|finish)(?:s|ed|ing)?\s+(?:out\s+)?(?:the|this)\s+year\b", re.I)
# "November this year", "in March of next year".
_MONTH_WHICH = patterns.compile(
    rf"(?:{_LEAD})?{_EDGE}(?:(?P<part>early|mid|late)[- ]?)?(?P<month>{_MONTH})\s+"
    r"(?:of\s+)?(?P<which>this|next)\s+year\b",
    re.I,
)
# Seasons (the northern hemisphere's): "this winter", "the 2025-26 winter heating season (November-March)".
_SEASON = patterns.compile(
    rf"\b(?:(?P<lead>{_BEFORE}|{_BY}|over)\s+)?(?:the\s+)?(?:(?P<which>this|next|coming|current|upcoming)\s+|"
    rf"(?P<y0>{_YEAR})\s*(?:(?:{_DASH}|/)\s*(?P<y1>(?:19|20)?\d\d)\s+)?)?"
    r"(?P<season>winter|spring|summer|autumn|fall)\b"
    rf"(?:\s+(?:of\s+)?(?P<y2>{_YEAR})(?:\s*(?:{_DASH}|/)\s*(?P<y3>(?:19|20)?\d\d))?\b)?"
    r"(?:\s+(?:heating|cooling|driving|planting|harvest(?:ing)?|growing)\s+season)?"
    rf"(?:\s*\((?P<m0>{_MONTH})\s*(?:{_DASH}|to)\s*(?P<m1>{_MONTH})\))?",
    re.I,
)
# the words before a crop year that make it the base of a comparison ("up 3 percent from 2024/25", "above 2024/25")
_COMPARED_WITH = patterns.compile(
    r"\b(?:above|below|than|compared\s+(?:with|to)|versus|vs\.?|from|over|against|relative\s+to)\s+(?:the\s+)?$", re.I
)
_SEASON_CROP = patterns.compile(
    r"[\s-]+(?:wheat|barley|canola|rapeseed|oats|rye|triticale|crops?|grains?|cereals?|varieties|plant(?:ed|ings?))\b",
    re.I,
)
# Where a season runs when the text does not say: the months of its astronomical span, to the end of the month it
# ends in, so that a reviewer checks after the whole season.
_THAN_LAST = patterns.compile(r"\bthan\s+(?:(?:in|during)\s+)?(?:the\s+)?(?:last|previous|past|prior)\s+$", re.I)
SEASON_MONTHS = {"winter": (12, 3), "spring": (3, 6), "summer": (6, 9), "autumn": (9, 12), "fall": (9, 12)}
_LAST_BEFORE = patterns.compile(r"\b(?:last|previous|past|prior|preceding)\s+$", re.I)
# "two and a half years", "a year and a half".
_AND_A_HALF = patterns.compile(
    r"\b(?P<lead>within|in|over|during|for|after|by|through)\s+(?:the\s+)?(?:next\s+|coming\s+)?"
    r"(?:(?P<n>\d+|an?|[a-z]+)\s+and\s+a\s+half\s+(?P<unit>years?|months?)|(?:an?|one)\s+(?P<unit2>year|month)\s+and\s+a\s+half)\b",
    re.I,
)
# "in about a day or so", "for another quarter or two", "within a week or two".
_OR_SO = patterns.compile(
    r"\b(?:in|within|over|during|for|after)\s+(?:about\s+|around\s+|roughly\s+)?(?:the\s+next\s+|the\s+coming\s+)?"
    r"(?:another\s+|an?\s+|one\s+)?(?P<unit>day|week|month|quarter|year)\s+or\s+(?P<n>so|two|three)\b",
    re.I,
)
# Vague horizons: a date is proposed for them, always flagged for review (``VAGUE_HORIZONS``).
_VAGUE = patterns.compile(
    # "within weeks", "in a few months", "in a matter of days" (not "within weeks of the vote": counted from an event)
    r"\b(?:within\s+(?P<within>days|weeks|months)(?!\s+of\b)|(?:in|within)\s+a\s+(?:few|matter\s+of)\s+"
    r"(?P<few>days|weeks|months|years)(?!\s+of\b)|"
    r"(?:(?:in|over|during|within)\s+)?(?:the\s+)?(?:(?:coming|next\s+few|next\s+several|following|upcoming)\s+"
    r"(?P<unit>days|weeks|months|quarters|years)|(?P<ahead>days|weeks|months|quarters|years)\s+(?:ahead|to\s+come)|"
    r"(?P<term>near|short|medium)[- ](?:term|run)|near\s+future))\b",
    re.I,
)
VAGUE_HORIZONS = {"weeks": 1, "months": 6, "quarters": 12, "years": 36, "near": 12, "short": 12, "medium": 36}
VAGUE_DAYS = 7  # "in the next few days", "in the days ahead": a week
# The forecast's own period: resolved to the text's horizon (``text_horizon``) when the caller knows it.
_FORECAST_PERIOD = patterns.compile(
    r"\b(?P<lead>throughout|through|over|during|for|by\s+the\s+end\s+of|until\s+the\s+end\s+of|in|by|towards?)\s+"
    r"(?:the\s+|our\s+)?"
    # "in the second half of the projection period", "towards the end of the forecast horizon": its end too
    r"(?:(?:(?:second|latter|back)\s+half|end)\s+of\s+(?:the\s+|our\s+)?)?"
    r"(?:(?:rest\s+of\s+the\s+)?(?:forecast|projection|outlook)\s+(?:period|horizon)|(?<=\bover\s)this\s+period)\b",
    re.I,
)

# A projection's span named by its length: "over the 30-year period", "during the 10-year projection period", "the
# 75-year valuation period". Counted in whole years from the text's year (CBO's 10-year window of January 2025 ends
# in 2035, its 30-year one of March 2025 in 2055); flagged, as the text may start it a year later.
_N_YEAR_PERIOD = patterns.compile(
    r"\b(?P<lead>over|during|for|in|throughout|through|across)\s+(?:the|this|that|its|their|our)\s+"
    r"(?P<n>\d{1,3}|[a-z]+(?:[- ][a-z]+)?)[- ]year\s+(?:(?:budget|projection|forecast|valuation|planning)\s+)?"
    r"(?:period|window|horizon|span)\b",
    re.I,
)
# "over the next decade": the ten years from the text's date, not the calendar decade after this one
_OVER_BEFORE = patterns.compile(r"\b(?:over|during|within|throughout|across|for)\s+$", re.I)
_LOOSE_AFTER = patterns.compile(r"\s+(?:or\s+(?:so|two|more)|and\s+(?:a\s+half|beyond))\b", re.I)


@dataclass(frozen=True)
class Deadline:
    """A deadline read from the text: the date, the words, whether it counts from ``base``, and a note."""

    on: date
    words: str
    relative: bool = False
    span: tuple[int, int] = (0, 0)
    note: str | None = None
    pending: bool = False  # a period that ended shortly before ``base`` (``on`` is then ``base``; the note says)
    vague: bool = False  # a vague horizon ("in the coming months") read as a date (``VAGUE_HORIZONS``)


def quarter_end(year: int, quarter: int) -> date:
    """The last day of a calendar quarter."""
    return _month_end(year, 3 * quarter)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def divmod_month(year: int, month: int) -> tuple[int, int]:
    """``year`` and ``month`` with a month past December carried into the next year (13 is January after)."""
    carried, index = divmod(month - 1, 12)
    return year + carried, index + 1


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


def _year_in_words(m: re.Match[str]) -> int | None:
    """The year of a ``_YEAR_WORDS`` match: "twenty fifty" 2050, "nineteen o five" 1905, "two thousand and ten" 2010."""
    if m.group("century"):
        rest = re.sub(r"^o(?:-|\s+)", "", m.group("rest").lower())
        value = word_number(" ".join(rest.replace("-", " ").split()))
        return None if value is None else (19 if m.group("century").lower() == "nineteen" else 20) * 100 + int(value)
    after = m.group("after")
    value = word_number(" ".join(after.replace("-", " ").split())) if after else 0
    return None if value is None else 2000 + int(value)


def _period(start: date, end: date, *, lead: str | None, edge: str | None) -> date:
    """The deadline for a period [start, end]: its end; its first day for "the start of"; the day before for
    "before"."""
    if edge and edge.lower().startswith(("start", "beginning", "turn")):
        return start - timedelta(days=1) if _before(lead) else start
    if edge:
        return end  # "before the end of 2026" is still the end of 2026
    return start - timedelta(days=1) if _before(lead) else end


_TEXT_DATE = patterns.compile(
    rf"\b(?:(?P<iso>{_YEAR})-(?P<im>\d\d)-(?P<id>\d\d)|(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}}),\s+(?P<y1>{_YEAR})"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH})\s+(?P<y2>{_YEAR}))\b",
    re.I,
)


def find_text_date(text: str) -> date | None:
    """The first full calendar date written in the text ("March 3, 2025", "3 March 2025", "2025-03-03")."""
    for m in _TEXT_DATE.finditer(text[:20000]):
        try:
            if m.group("iso"):
                return date(int(m.group("iso")), int(m.group("im")), int(m.group("id")))
            if m.group("m1"):
                return date(int(m.group("y1")), _month_number(m.group("m1")), int(m.group("d1")))
            return date(int(m.group("y2")), _month_number(m.group("m2")), int(m.group("d2")))
        except ValueError:
            continue
    return None


# Where a US marketing year ends (USDA): a crop year written "2025/26" ends in 2026 on this day. The first crop
# a sentence names decides.
MARKETING_YEAR_ENDS = {
    "soybean meal": (9, 30),
    "soybean oil": (9, 30),
    "wheat": (5, 31),
    "barley": (5, 31),
    "oats": (5, 31),
    "rice": (7, 31),
    "cotton": (7, 31),
    "corn": (8, 31),
    "sorghum": (8, 31),
    "soybeans": (8, 31),
    "sugar": (9, 30),
    # the aggregates take the year of the crop that makes most of them in the US: corn, soybeans
    "coarse grains": (8, 31),
    "feed grains": (8, 31),
    "oilseeds": (8, 31),
}
_MARKETING_CROP = patterns.compile(
    r"\b(?:soybean\s+meal|soybean\s+oil|wheat|barley|oats|rice|cotton|corn|sorghum|soybeans?|sugar|"
    r"(?:coarse|feed)\s+grains?|oilseeds?)\b",
    re.I,
)
# where a sentence turns to the causes of its figure: a crop named after it ("Foreign output is projected down, as a
# smaller barley crop in Ukraine more than offsets ...") is not what the paragraph is about
_CAUSE_CLAUSE = patterns.compile(
    r",?\s+(?:as|because|while|since|reflecting|largely\s+because|partly\s+because|due\s+to|on)\s+(?:of\s+)?(?:an?|the)\b",
    re.I,
)

# World wheat is counted in the international trade year, July to June; other world figures in the US year
_WORLD = patterns.compile(
    r"^\W*(?:the\s+)?(?:world|global|foreign)\b|\b(?:world|global|foreign)\s+(?:(?:19|20)\d\d/\d\d\s+)?"
    r"(?:wheat|coarse\s+grains?|rice|oilseeds?|production|ending\s+stocks|stocks|trade|consumption|supplies|outlook|use|"
    r"imports|exports)\b",
    re.I,
)


def _year_end(crop: str, *, world: bool) -> tuple[int, int]:
    """(month, day) a crop's marketing year ends on: the US one, or 30 June for world wheat."""
    return (6, 30) if world and crop == "wheat" else MARKETING_YEAR_ENDS[crop]


NO_CROP = "names no crop here"  # the note on a marketing year read without its crop (``paragraph_dates`` finds it)
# Words that make "2025-26" a crop's marketing year as "2025/26" is.
_MARKETING_WORDS = patterns.compile(r"\b(?:marketing|crop|trade)\s+years?\b|\bMY\s*(?:19|20)\d\d|season-average", re.I)

_FISCAL_WORDS = patterns.compile(r"\b(?:fiscal|financial|budget)\s+years?\b|\bFY\b", re.I)

# Where a fiscal year ends: (month, day, years after the year's number). "Fiscal 2006" in Japan runs from April
# 2006 to March 2007; the US federal one from October 2005 to September 2006 (the default).
FISCAL_YEAR_ENDS = {"us": (9, 30, 0), "march": (3, 31, 1)}
_MARCH_FISCAL = patterns.compile(
    r"\b(?:Japan(?:ese)?|Bank\s+of\s+Japan|BOJ|India(?:n)?|Canad(?:a|ian)|U\.?K\.?|Britain|British|England|"
    r"Scotland|Wales|BBC|OBR|ONS|HMRC)\b|£|\bfinancial\s+year\b"  # the British term (US texts say "fiscal")
)


def fiscal_year_end(text: str) -> tuple[int, int, int]:
    """The fiscal year a text means: ending in March of the next year when it is about Japan, India, Canada or
    the UK (named, or told by pounds sterling or the British "financial year"), else the US federal year (ending
    30 September)."""
    return FISCAL_YEAR_ENDS["march"] if _MARCH_FISCAL.search(text[:20000]) else FISCAL_YEAR_ENDS["us"]


_CLAUSE_EDGE = patterns.compile(
    r"[,;:(]|--|\b(?:and|but|while|although|though|whereas|because|so|that|which|who|where)\b", re.I
)
# how far a clause is read either side of its deadline: a run of deadlines with no clause edge ("Q4 Q4 ...") costs
# linear time, not the run's length for each of them
_CLAUSE_REACH = 400
# past participles not in -ed or -en: "has cut rates for the second time this year", "has held", "have kept"
_PARTICIPLES = (
    r"cut|set|put|hit|kept|held|left|made|paid|sold|bought|brought|spent|lost|won|met|sent|built|shed|led|told|said|"
    r"found|grown|shown|done|gone|come|become|begun|run|sunk|shrunk|struck|slid|dealt|meant"
)
_PAST_VERB = patterns.compile(
    r"\b(?:was|were|did|rose|fell|grew|came|went|began|saw|(?:have|has|had)\s+(?:\w+ly\s+)?(?:been|had|seen|[a-z]+ed|"
    rf"[a-z]+en|{_PARTICIPLES})|had)\b|\b(?!(?:expected|projected|forecasted|anticipated|predicted|estimated|"
    r"scheduled|planned|followed\s+by)\b)[a-z]{3,}ed\b",
    re.I,
)
_FUTURE_WORD = patterns.compile(
    r"\b(?:will|would|shall|should|could|may|might|going\s+to|to\s+[a-z]+|expect\w*|project\w*|forecast\w*|"
    r"anticipat\w*|predict\w*|likely|plan\w*|due|set|next|coming|ahead|later)\b",
    re.I,
)
# "the largest they have had in 10 years": a perfect right before the phrase looks back over it
_PERFECT_BEFORE = patterns.compile(
    r"(?<!\bwill\s)(?<!\bwould\s)\b(?:have|has|had)\s+(?:\w+ly\s+)?(?:been|had|seen|[a-z]+ed|[a-z]+en|"
    rf"{_PARTICIPLES})(?:\s+\w+){{0,2}}\s*$",
    re.I,
)
# an earlier forecast that the sentence compares with, right before a date: "(revised up) from the 0.9% expected in
# June", "than the 2.1% projected in March", "compared with our forecast in September"
_EARLIER_FORECAST = patterns.compile(
    r"\b(?:from|than|versus|compared\s+(?:with|to))\s+(?:the\s+|our\s+|its\s+|their\s+)?[^,;]{0,30}?"
    r"\b(?:expected|projected|forecast|estimated|predicted|anticipated|forecasts?|projections?)\s+$",
    re.I,
)
# A report named right before a month: the month dates the report ("the outlook in May", "its forecast in June").
_REPORT_BEFORE = patterns.compile(
    r"\b(?:outlooks?|forecasts?|reports?|projections?|estimates?|surveys?|statements?|releases?|updates?|minutes)\s+$",
    re.I,
)
# A report named right after a month: "in its August report", "the October Monetary Policy Report", "the March
# forecast" (up to three words between, capitalised or "economic").
_REPORT_AFTER = patterns.compile(
    r"(?:\s+(?:[A-Z][a-z]+|economic|fiscal|financial|policy|inflation|interim)){0,3}\s+(?i:outlook|forecasts?|reports?|"
    r"projections?|estimates?|survey|statement|release|update|minutes|budget|review)\b"
)
# the base a forecast is compared with: "rise to 5.1% by the end of the year, from 4.8% in the three months to August"
_FROM_FIGURE = patterns.compile(
    r"\bfrom\s+(?:an?\s+)?[£$€]?\d[\d.,]*\s*(?:%|per\s*cent|percent|bn|billion|m|million|trillion)?\s+"
    r"(?:(?:in|during|over|for|at)\s+)?(?:the\s+)?$",
    re.I,
)
# a forecast revised with no period named: an annual forecast is the current year's
_REVISED_FORECAST = patterns.compile(
    r"\bforecasts?\s+(?:has|have|had|was|were|is|are)\s+(?:been\s+)?(?:\w+ly\s+)?(?:raised|lowered|revised|cut|"
    r"increased|reduced|boosted|trimmed|marked\s+(?:up|down)|upgraded|downgraded)\b",
    re.I,
)
_YEAR_AHEAD = patterns.compile(
    r"\b(?P<lead>in|over|during|for|through)\s+the\s+(?P<unit>year|quarter|month)\s+ahead\b", re.I
)
_FOR_THE_YEAR = patterns.compile(
    r"\bfor\s+the\s+(?:year|calendar\s+year)(?:\s+as\s+a\s+whole)?(?!\s+(?:ahead|ago|before|earlier|\d))\b", re.I
)


def _past_clause(sentence: str, span: tuple[int, int]) -> bool:
    """Whether the clause around ``span`` is about the past: a past verb in it and no word of the future, or a
    perfect right before it ("sales were flat in April"; "the largest rise they have had in 10 years")."""
    if _PERFECT_BEFORE.search(sentence, max(0, span[0] - 60), span[0]):
        return True
    reach = max(0, span[0] - _CLAUSE_REACH), min(len(sentence), span[1] + _CLAUSE_REACH)
    start = max((m.end() for m in _CLAUSE_EDGE.finditer(sentence, reach[0], span[0])), default=reach[0])
    after = _CLAUSE_EDGE.search(sentence, span[1], reach[1])
    clause = sentence[start : after.start() if after else reach[1]]
    if _FUTURE_WORD.search(clause) is not None:
        return False
    return any(
        not (m.group(0).lower().endswith("ed") and _ADJECTIVE_SLOT.search(clause, max(0, m.start() - 30), m.start()))
        for m in _PAST_VERB.finditer(clause)
    )


# a word in "-ed" after a preposition or a determiner is an adjective, not a past verb: "alongside increased space
# heating demand", "the increased supply"
_ADJECTIVE_SLOT = patterns.compile(
    r"\b(?:the|a|an|its|their|our|this|these|those|of|in|on|at|for|from|with|by|to|alongside|amid|despite|after|"
    r"before|into|toward|towards)\s+(?:\w+ly\s+)?$",
    re.I,
)


def find_deadlines(
    sentence: str,
    *,
    base: date | None,
    fiscal: tuple[int, int, int] = FISCAL_YEAR_ENDS["us"],
    horizon: date | None = None,
) -> list[Deadline]:
    """Every deadline phrase in ``sentence``, in order of appearance (relative ones only when ``base`` is known);
    ``fiscal`` is where the text's fiscal years end (``fiscal_year_end``), ``horizon`` the text's own horizon
    (``text_horizon``), which "the forecast period" means."""
    found: list[Deadline] = []
    # a transcript's page break and running head ("--- Page 32 --- May 9, 2007 32 of 130") dates nothing
    taken: list[tuple[int, int]] = [m.span() for m in PAGE_MARK.finditer(sentence)] if "Page" in sentence else []

    def add(
        match: re.Match[str],
        on: date | None,
        *,
        relative: bool = False,
        note: str | None = None,
        may_be_pending: bool = False,
        span: tuple[int, int] | None = None,
    ) -> None:
        span = span or match.span()
        if on is None or any(span[0] < end and start < span[1] for start, end in taken):
            return
        lead = match.groupdict().get("lead")
        if (lead or "").lower() == "from" and (
            _FROM_NOT_START.search(sentence, max(0, span[0] - 20), span[0]) or re.match(r"['’]s\b", sentence[span[1] :])
        ):
            return  # "data from April", "up from April's 3.5%": not when a change starts
        pending = False
        if (
            base is not None
            and on.year <= base.year
            and (lead or "").lower() in ("in", "during")
            and _AFTER_BEFORE.search(sentence, max(0, span[0] - 120), span[0])
        ):
            return  # "rise another 5 percent, after a rally of about 40 percent in 2025": what the forecast follows
        if (
            base is not None
            and on < base
            and (lead is None or lead.lower() in ("in", "during", "for", "of", "at", "from", "over"))
        ):
            if not (may_be_pending and (base - on).days <= PENDING_DAYS):
                return  # "in 2022": a past reference, not a deadline
            # "growth would slow in the first quarter", said in April: its figures are still to come. The ledger
            # takes no deadline before the claim's date, so the text's date stands in for the period's end.
            pending = True
            note = (
                f"'{match.group(0).strip()}' ended on {on}, before the text's date; its figures come out after it, "
                f"so the text's date ({base}) is proposed: the claim is due as soon as they are published"
            )
            on = base
        if relative and not pending and _past_clause(sentence, span):
            return  # "sales were flat in April", "the largest rise they have had in 10 years": the past
        if _FROM_FIGURE.search(sentence, max(0, span[0] - 40), span[0]):
            return  # "from 4.8% in the three months to August": what the forecast is compared with
        if _EARLIER_FORECAST.search(sentence, max(0, span[0] - 60), span[0]):
            return  # "revised up from the 0.9% expected in June": when an earlier forecast was made
        taken.append(span)
        found.append(Deadline(on, match.group(0).strip(), relative, span, note, pending))

    has_year = _ANY_YEAR.search(sentence) is not None
    low = sentence.lower()  # cheap tests before the costly patterns: most sentences name no season or weekday
    has_month = any(m in low for m in _MONTH_STEMS)
    if base is not None and horizon is not None and horizon >= base:
        for m in _FORECAST_PERIOD.finditer(sentence):
            add(m, horizon, relative=True, note=f"'the forecast period' is read as the text's horizon ({horizon})")
    for m in _N_YEAR_PERIOD.finditer(sentence) if "year" in low else ():
        years = _amount(m.group("n"))
        if base is not None and years is not None and years > 1:
            end = date(base.year + years, 12, 31)
            note = f"'{m.group(0)}' is read as the {years} years from the text's year, to {end}; check the text's span"
            add(m, end, relative=True, note=note)
    for m in _HURRICANE_SEASON.finditer(sentence) if "season" in low else ():
        named = m.group("year")
        if named:
            year = int(named)
        elif base is not None:
            year = base.year + (1 if base > date(base.year, 11, 30) else 0)
        else:
            continue
        add(m, date(year, 11, 30), relative=named is None, note="the Atlantic hurricane season ends on 30 November")
    if base is not None and "holiday" in low:
        for m in _HOLIDAY_SEASON.finditer(sentence):
            add(m, date(base.year, 12, 31), relative=True, note="the holiday season is read as ending on 31 December")
    for m in _DECADE.finditer(sentence) if has_year and re.search(r"\d0['’]?s\b", sentence) else ():
        decade = int(m.group("decade"))
        first, last = _DECADE_PARTS[(m.group("part") or "").lower().split()[0] if m.group("part") else ""]
        on = _period(date(decade + first, 1, 1), date(decade + last, 12, 31), lead=m.group("lead"), edge=None)
        said = " ".join(m.group(0).split())
        add(m, on, note=f"'{said}' is read as {on}; a part of a decade is approximate, check the text's")
    for m in _YEAR_OF.finditer(sentence) if has_year else ():
        add(m, date(int(m.group("year")), 12, 31))
    for m in _FISCAL.finditer(sentence) if has_year and _has(low, "fiscal", "fy") else ():
        year = int(m.group("year"))
        year = year + 2000 if year < 100 else year
        month, day, later = fiscal
        end = date(year + later, month, day)
        if m.group("year2"):
            second = int(m.group("year2"))
            last = second if second >= 100 else year // 100 * 100 + second
            two_years = m.group("sep").strip() in ("/", *"-‐‑‒–—―")
            if two_years and last == year + 1:
                end = date(last, month, day)  # "fiscal 2026-27": the year that starts in 2026, however it runs
            elif year < last <= year + 50:
                end = date(last + later, month, day)  # "fiscal years 2026 to 2028": the last of them
        start = add_months(end, -12) + timedelta(days=1)
        # "fiscal 2026-27", "FY26/27" as written, without the lead and the edge ("in", "by the end of")
        said = _BEFORE_FISCAL.sub("", m.group(0), count=1) if m.group("year2") else f"fiscal {year}"
        if m.group("half"):  # "the first half of fiscal 2026": its first six months; the second, its last six
            half_end = _month_end(*divmod_month(start.year, start.month + 5))
            start, end = (
                (start, half_end) if m.group("half").lower() == "first" else (half_end + timedelta(days=1), end)
            )
            said = f"the {m.group('half').lower()} half of {said}"
        note = f"{said} is read as ending {end} (predictions.extract.deadlines.fiscal_year_end); check the text's"
        add(m, _period(start, end, lead=m.group("lead"), edge=m.group("edge")), note=note)
    for m in _FISCAL_WHICH.finditer(sentence) if "year" in low else ():
        if base is None:
            break
        month, day, _later = fiscal
        end = date(base.year, month, day)
        end = end if end >= base else date(base.year + 1, month, day)
        if m.group("which").lower() in ("next", "coming"):
            end = date(end.year + 1, month, day)
        note = f"'{m.group(0)}' is read as the fiscal year ending {end} (predictions.extract.deadlines.fiscal_year_end)"
        add(m, end, relative=True, note=note)
    for m in _SEASON.finditer(sentence) if _has(low, "winter", "spring", "summer", "autumn", "fall") else ():
        add(m, _season(m, base, sentence), relative=m.group("y0") is None and m.group("y2") is None)
    for m in _QUARTER.finditer(sentence) if has_year and _has(low, "quarter", "q") else ():
        year = int(m.group("y1") or m.group("y2") or m.group("y3") or m.group("y4") or m.group("y5"))
        word = m.group("qword") or m.group("qword5")
        if m.group("qmonth"):
            quarter = _QUARTER_MONTHS[m.group("qmonth").lower()]
        else:
            quarter = _QUARTER_WORDS[word.lower()] if word else int(m.group("q") or m.group("q3"))
        start = date(year, 3 * quarter - 2, 1)
        end = _period(start, quarter_end(year, quarter), lead=m.group("lead"), edge=m.group("edge"))
        add(m, end, may_be_pending=True)
    for m in _QUARTER_CODE.finditer(sentence) if _CODE_HINT.search(low) else ():
        year = int(m.group("y1") or m.group("y2"))
        year = year + 2000 if year < 100 else year
        quarter = int(m.group("q1") or m.group("q2"))
        start = date(year, 3 * quarter - 2, 1)
        end = _period(start, quarter_end(year, quarter), lead=m.group("lead"), edge=m.group("edge"))
        add(m, end, may_be_pending=True)
    for m in _HALF_CODE.finditer(sentence) if _HALF_HINT.search(low) else ():
        year = int(m.group("y1") or m.group("y2"))
        year = year + 2000 if year < 100 else year
        half = int(m.group("h1") or m.group("h2"))
        start, end = date(year, 1 if half == 1 else 7, 1), date(year, 6, 30) if half == 1 else date(year, 12, 31)
        add(m, _period(start, end, lead=m.group("lead"), edge=m.group("edge")), may_be_pending=True)
    for m in _HALF.finditer(sentence) if has_year and _has(low, "half", "h1", "h2") else ():
        year = int(m.group("y1") or m.group("y2") or m.group("y3") or m.group("y4"))
        word = m.group("hword") or m.group("hword4")
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
    for m in _DAY_MONTH.finditer(sentence) if has_month else ():
        if m.group("lead").lower() == "on" and _SAID_BEFORE.search(_before_words(sentence, m.start())):
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
    for m in _MONTH_YEAR.finditer(sentence) if has_year and has_month else ():
        year, month = int(m.group("year")), _month_number(m.group("month"))
        start, end = date(year, month, 1), _month_end(year, month)
        part = (m.group("part") or "").lower()
        if part == "early":
            end = date(year, month, 10)
        elif part.startswith("mid"):
            end = date(year, month, 15)
        add(m, _period(start, end, lead=m.group("lead"), edge=m.group("edge")), may_be_pending=True)
    for m in _PART_YEAR.finditer(sentence) if has_year and _has(low, "early", "late", "mid") else ():
        year, part = int(m.group("year")), m.group("part").lower()
        on = date(year, 3, 31) if part == "early" else date(year, 12, 31) if part == "late" else date(year, 6, 30)
        add(m, date(year - 1, 12, 31) if _before(m.group("lead")) and part == "early" else on)
    for m in _SPAN_YEARS.finditer(sentence) if has_year else ():
        y0, said = int(m.group("y0")), m.group("year")
        end_year = int(said) if len(said) == 4 else y0 // 100 * 100 + int(said)
        if not y0 < end_year <= y0 + 50:
            continue
        near = sentence[max(0, m.start() - 25) : m.end() + 25]
        if end_year == y0 + 1 and (_FISCAL_WORDS.search(near) or _march_fiscal_span(sentence, m, fiscal)):
            # "the 2026/27 fiscal year": the fiscal year that starts in 2026 (``fiscal_year_end``)
            month, day, later = fiscal
            ends = date(y0 + later, month, day) if later else date(end_year, month, day)
            add(m, ends, note=f"'{m.group(0)}' is read as the fiscal year ending {ends}; check the text's")
            continue
        crop_year = end_year == y0 + 1 and ("/" in m.group(0) or _MARKETING_WORDS.search(sentence) is not None)
        if crop_year and _COMPARED_WITH.search(sentence, max(0, m.start() - 30), m.start()):
            continue  # "8.6 million tons above 2024/25": the year the forecast is compared with, not its period
        crop = _MARKETING_CROP.search(sentence) if crop_year else None
        if crop is None:
            unsure = (
                f"'{m.group(0)}' {NO_CROP} and is read as ending with the calendar year {end_year}; "
                "if it is a crop's marketing year, set that year's end"
            )
            add(m, date(end_year, 12, 31), note=unsure if crop_year else None)
            continue
        month, day = _year_end(_crop(crop.group(0)), world=_WORLD.search(sentence) is not None)
        note = f"'{m.group(0)}' is read as the US marketing year for {crop.group(0).lower()}; check the crop"
        add(m, date(end_year, month, day), note=note)
    for m in _YEAR_ONLY.finditer(sentence) if has_year else ():
        year = int(m.group("year"))
        on = _period(date(year, 1, 1), date(year, 12, 31), lead=m.group("lead"), edge=m.group("edge"))
        add(m, on, may_be_pending=not _said_or_past(sentence, m.start()))  # "growth in 2018", said in January
    for m in _YEAR_WORDS.finditer(sentence) if "thousand" in low or "twenty" in low or "nineteen" in low else ():
        in_words = _year_in_words(m)
        if in_words is not None:
            add(m, _period(date(in_words, 1, 1), date(in_words, 12, 31), lead=m.group("lead"), edge=None))
    for m in _YEAR_ADJECTIVE.finditer(sentence) if has_year else ():
        add(m, date(int(m.group("year")), 12, 31))
    if base is not None:
        for m in _MONTH_WHICH.finditer(sentence) if has_month and " year" in low else ():
            year = base.year + (1 if m.group("which").lower() == "next" else 0)
            month = _month_number(m.group("month"))
            add(m, _period(date(year, month, 1), _month_end(year, month), lead=m.group("lead"), edge=m.group("edge")))
        for m in (
            _PART_NO_YEAR.finditer(sentence)
            if _has(low, "quarter", "half", "year") or _CODE_HINT.search(low) or _HALF_HINT.search(low)
            else ()
        ):
            on = _part_of_year(base, m)
            coded = m.group("qn") or m.group("qn2") or m.group("hn")
            if (coded and not m.group("cwhich")) or (
                m.group("q") and not (m.group("qwhich") or m.group("qyear")) and m.group("q").lower() != "current"
            ):
                on = _nearest(on, base)  # "the fourth quarter": in February the one just ended; in May the next
            elif m.group("h") and "year" not in m.group(0).lower():
                on = _nearest(on, base)  # "by the end of the first half", said in November: next year's
            if (m.group("lead") or "").lower() in ("beyond", "past", "after") and (
                m.group("q") or m.group("h") or coded
            ):
                # "persist beyond the first quarter": checked at the end of the period after it
                on = add_months(on.replace(day=1), 3 if m.group("q") else 6)
                on = _month_end(on.year, on.month)
            add(m, on, relative=True, may_be_pending=True)
        for m in _NEXT_MEETING.finditer(sentence) if "meeting" in low or "session" in low else ():
            end = _month_end(*divmod_month(base.year, base.month + 1))
            note = f"'{m.group(0)}' is read as the end of next month ({end}); check the meeting calendar"
            add(m, end, relative=True, note=note)
        for m in _MID_CENTURY.finditer(sentence) if "century" in low else ():
            middle = base.year // 100 * 100 + 50
            add(m, date(middle if middle >= base.year else middle + 100, 12, 31), relative=True)
        for m in _MID_DECADE.finditer(sentence) if "decade" in low else ():
            middle = base.year // 10 * 10 + 5
            on = date(middle if middle >= base.year else middle + 10, 12, 31)
            add(m, on, relative=True, note=f"'{m.group(0)}' is read as the end of {on.year}; check the text's")
        for m in _CHRISTMAS.finditer(sentence) if "christmas" in low else ():
            christmas = date(base.year, 12, 25) if base <= date(base.year, 12, 25) else date(base.year + 1, 12, 25)
            if (m.group("which") or m.group("which2") or "").lower() == "next" and christmas.year == base.year:
                christmas = christmas.replace(year=base.year + 1)  # "next Christmas", said in November: a year on
            before = _before(m.group("lead")) or m.group("run") is not None  # "in the run-up to Christmas"
            if re.match(r"\s+(?:period|season|holidays?|break)\b", sentence[m.end() :], re.I):
                christmas = christmas.replace(day=31)  # "over the Christmas period": to the year's end
            add(m, christmas - timedelta(days=1) if before else christmas, relative=True)
        for m in _NEW_YEAR.finditer(sentence) if "new year" in low else ():
            year = base.year + (base.month > 1)  # said in January, the year just begun
            note = f"'{m.group(0)}' is read as early in {year}, by the end of its first quarter"
            add(m, date(year, 3, 31), relative=True, note=note)
        for m in _MIDYEAR.finditer(sentence) if "year" in low else ():
            add(m, date(base.year, 6, 30) if base <= date(base.year, 6, 30) else date(base.year + 1, 6, 30))
        for m in _MONTH_DATA.finditer(sentence) if has_month else ():
            month = _month_number(m.group("month"))
            # a month's figures come out in the month after it: the first such release month ending on or after
            # ``base`` ("when the March data are released", said in April: the end of April)
            year = base.year - 1
            while _month_end(*divmod_month(year, month + 1)) < base:
                year += 1
            said = " ".join(m.group(0).split())
            note = f"'{said}': a month's figures are read as published by the end of the month after it"
            add(m, _month_end(*divmod_month(year, month + 1)), relative=True, note=note)
        for m in _YEAR_TO.finditer(sentence) if has_month else ():
            month = _month_number(m.group("month"))
            ended = _month_end(base.year - (month >= base.month), month)  # the last such month before ``base``'s
            if (base - ended).days <= REPORTED_DAYS:
                # "the economy is expected to have grown 0.2% in the three months to September", said in October:
                # its figures are still to come
                add(m, ended, relative=True, may_be_pending=True)
                continue
            # else a forecast for the year to March is for the next March (one long ended has its figures out)
            add(m, _month_end(ended.year + 1, month), relative=True)
        for m in _MONTH_ONLY.finditer(sentence) if has_month else ():
            month = _month_number(m.group("month"))
            year = base.year if month >= base.month else base.year + 1  # the next such month
            if m.group("next") and month == base.month:
                year += 1  # "next November", said in November: a year on
            # a report named with a month of the last five: when it came out ("NOAA's initial outlook in May
            # predicted ...", "in its August report", said in November); one with a month further back is the next
            # one ("will publish new forecasts in its February report", said in November)
            recent = 1 <= (base.month - month) % 12 <= 5
            if recent and _REPORT_BEFORE.search(sentence, max(0, m.start() - 30), m.start()):
                continue
            if recent and _REPORT_AFTER.match(sentence, m.end()):
                continue
            named = re.search(r"\bthe\s+$", sentence[max(0, m.start("month") - 4) : m.start("month")], re.I)
            if named and month < base.month and month % 3 == 0 and re.match(r"\s+quarter\b", sentence[m.end() :]):
                # "in the June quarter" (a quarter named by its last month), said in August: just ended; said in
                # December, the next one
                ended = _month_end(base.year, month)
                recent = (base - ended).days <= PENDING_DAYS
                add(m, ended if recent else _month_end(base.year + 1, month), relative=True, may_be_pending=recent)
                continue
            if named and month < base.month and not _before(m.group("lead")) and m.group("lead").lower() != "by":
                continue  # "than in the October outlook", said in November: a month past, not a deadline
            if m.group("lead").lower() == "in" and (base.month - month) % 12 in (1, 2):
                # "would be quite robust in November", said in December: the month just past, its figures to come
                ended = _month_end(base.year - (1 if month > base.month else 0), month)
                add(m, ended, relative=True, may_be_pending=(base - ended).days <= PENDING_DAYS)
                continue
            pair = _MONTH_PAIR.match(sentence, m.end())
            if pair is not None and not _before(m.group("lead")):
                # "for February and March", "in the August-September timeframe": the period ends with the later month
                later = _month_number(pair.group("month"))
                end_year = year + (1 if later < month else 0)
                add(m, _month_end(end_year, later), relative=True, span=(m.start(), pair.end()))
                continue
            add(
                m,
                _period(date(year, month, 1), _month_end(year, month), lead=m.group("lead"), edge=m.group("edge")),
                relative=True,
            )
        for m in _THIS_MONTH.finditer(sentence) if has_month else ():
            # "is expected to reach 6.5 billion this July", said in March: the end of that month this year
            month = _month_number(m.group("month"))
            if _LEAD_BEFORE.search(sentence, max(0, m.start() - 24), m.start()):
                continue  # "by next April": ``_MONTH_ONLY`` reads it
            if m.group("which").lower() == "next":  # "next April": the next one after this month
                add(m, _month_end(base.year + (month <= base.month), month), relative=True)
            elif month >= base.month:
                add(m, _month_end(base.year, month), relative=True)
        for m in _DAY_WORDS.finditer(sentence) if _has(low, *_DAY_HINTS) else ():
            if _said_or_past(sentence, m.start()):
                continue  # "said today", "last weekend"
            if _TODAY_NOWADAYS.match(sentence, m.start("word")) and _CLAUSE_OPENS.search(sentence, 0, m.start("word")):
                continue  # "but today, as young people leave education, ...": the present, not a deadline
            add(m, _day_word(base, m), relative=True)
        for m in _BARE_WEEKDAY.finditer(sentence) if "day" in low else ():
            if _said_or_past(sentence, m.start()):
                continue  # "the bank said on Tuesday": when it was said
            if _PAST_VERB_AFTER.match(sentence[m.end() :]):
                continue  # "The IMF Thursday released a forecast": when it was said
            lead = (m.group("lead") or "").lower()
            ahead = (_WEEKDAYS.index(m.group("day").lower()) - base.weekday()) % 7
            ahead = 7 if ahead == 0 and lead == "next" else ahead
            on = base + timedelta(days=ahead)
            add(m, on - timedelta(days=1) if _before(lead) else on, relative=True)
    if base is not None and has_month and "meeting" in low:
        for m in _MONTH_MEETING.finditer(sentence):
            month = _month_number(m.group("month"))
            if month < base.month and (month - base.month) % 12 > 3:
                continue  # "the March meeting" in minutes of May: the meeting past, not one a year ahead
            year = base.year if month >= base.month else base.year + 1  # the next such meeting
            if _said_or_past(sentence, m.start()) or _PAST_MEETING.search(sentence, max(0, m.start() - 40), m.start()):
                continue  # "since the October meeting", "at the October meeting, members voted": when it happened
            add(m, _month_end(year, month), relative=True)
    if base is not None and _ANY_UNIT.search(sentence):
        for m in _YEAR_END.finditer(sentence):
            add(m, date(base.year, 12, 31), relative=True)
        for m in _END_THE_YEAR.finditer(sentence):
            add(m, date(base.year, 12, 31), relative=True)
        for m in _YEAR_AHEAD.finditer(sentence):
            add(m, _relative_end(base, 1, m.group("unit")), relative=True)
        for m in _FOR_THE_YEAR.finditer(sentence):
            add(m, date(base.year, 12, 31), relative=True)
        for m in _REST_OF.finditer(sentence):
            add(m, _next(base, "this", m.group("unit").lower(), edge=None), relative=True)
        for m in _AND_A_HALF.finditer(sentence):
            if _looks_back(sentence, m.start()):
                continue  # "its highest level in 18 months": a span looked back over
            n = 1 if m.group("unit2") else _amount(m.group("n"))
            unit = (m.group("unit") or m.group("unit2")).lower()
            if n is not None:
                add(
                    m,
                    add_months(
                        base, (12 if unit.startswith("year") else 1) * n + (6 if unit.startswith("year") else 0)
                    ),
                    relative=True,
                )
        for m in _COUPLE.finditer(sentence):
            if _looks_back(sentence, m.start()):
                continue
            add(m, _relative_end(base, 2, m.group("unit")), relative=True)
        for m in _FROM_NOW.finditer(sentence):
            n = _amount(m.group("n"))
            if n is not None:
                add(m, _relative_end(base, n, m.group("unit")), relative=True)
        for m in _OR_SO.finditer(sentence):
            if _looks_back(sentence, m.start()):
                continue
            n = 1 if m.group("n").lower() == "so" else _amount(m.group("n"))
            add(m, _relative_end(base, n or 1, m.group("unit")), relative=True)
        # "profits will fall by a quarter": the size of a change (a share, as ``numbers`` reads it), not a time
        sizes = {f.start("f") for f in FRACTION_CHANGE.finditer(sentence)} if "quarter" in low else set()
        for m in _RELATIVE.finditer(sentence):
            if _looks_back(sentence, m.start()):
                continue
            if m.group("lead").lower() == "by" and m.start("n") in sizes:
                continue
            n = _amount(m.group("n"))
            if n is not None and not _UTTERANCE.search(sentence[max(0, m.start() - 12) : m.start()]):
                # "take 27 hours": the time spent is also the amount predicted, so the date keeps to the verb's span
                # and leaves the number to the rule (``numbers._time_spent``)
                if _OF_A_YEAR.match(sentence, m.end()):
                    continue  # "over the four quarters of 1998", "in the last months of next year": that year's
                spent = m.group("lead").lower().startswith(("take", "last"))
                if m.group("lead").lower() == "last" and not _WILL_BEFORE.search(sentence, 0, m.start()):
                    continue  # "the last 12 months": the past, not a time spent
                span = m.span("lead") if spent else None
                add(m, _relative_end(base, n, m.group("unit")), relative=True, span=span)
        for m in _THIS_TIME.finditer(sentence) if "time" in low else ():
            add(m, add_months(base, 12 if m.group("which").lower() == "next" else -12), relative=True)
        for m in _NEXT.finditer(sentence):
            if _UTTERANCE.search(sentence[max(0, m.start() - 12) : m.start()]):
                continue  # "earlier this month", "last year": when it was said
            which = m.group("which").lower()
            if which == "the" and not m.group("edge"):
                continue  # "the year" alone is not a date; "by the end of the year" is
            if which in ("this", "current") and m.group("unit").lower() in ("month", "week") and not m.group("edge"):
                if re.match(r"['’]s\b", sentence[m.end() :]):
                    continue  # "this month's outlook": when the report came out, not a deadline
            unit = m.group("unit").lower()
            if unit == "decade" and which in ("next", "coming") and not m.group("edge"):
                if _OVER_BEFORE.search(sentence, max(0, m.start() - 12), m.start()):
                    add(m, add_months(base, 120), relative=True)  # "over the next decade": ten years from now
                    continue
            the = m.group(0)[:4].lower() == "the "
            if unit == "year" and which in ("next", "coming") and not m.group("edge") and the:
                # "over the next year", "during the coming year": twelve months from now, like "the next 12 months";
                # "over next year" is the calendar year, and "the next year or so" a loose end of next year
                over = _OVER_BEFORE.search(sentence, max(0, m.start() - 12), m.start())
                if over and not _LOOSE_AFTER.match(sentence, m.end()):
                    add(m, add_months(base, 12), relative=True)
                    continue
            add(m, _next(base, which, unit, edge=m.group("edge")), relative=True)
    if base is not None:
        found = _with_vague(sentence, found, base)
    if base is not None and not found and "forecast" in low:
        revised = _REVISED_FORECAST.search(sentence)
        if revised is not None:  # "The sales forecast has been raised again, this time to 195,000 units"
            end = date(base.year, 12, 31)
            note = f"'{revised.group(0)}' names no period; read as this year's ({end}), check the text's"
            found = [Deadline(end, revised.group(0), True, revised.span(), note)]
    return sorted(found, key=lambda d: d.span[0])


def _with_vague(sentence: str, found: list[Deadline], base: date) -> list[Deadline]:
    """A vague horizon ("in the coming months") flags the dates found with it, or, alone, proposes its own date
    (``VAGUE_HORIZONS``, months from ``base``) flagged for review."""
    vague = next(
        (m for m in _VAGUE.finditer(sentence) if not any(m.start() < d.span[1] and d.span[0] < m.end() for d in found)),
        None,
    )
    if vague is None:
        return found
    words = vague.group(0).strip()
    if found:
        note = f"the quote also names a vague horizon ('{words}'); check which date the prediction is due by"
        return [replace(d, note=d.note or note) for d in found]
    key = next((vague.group(g) for g in ("unit", "ahead", "within", "few", "term") if vague.group(g)), "near").lower()
    if key == "days":
        on, said = base + timedelta(days=VAGUE_DAYS), f"{VAGUE_DAYS} days"
    else:
        on, said = add_months(base, VAGUE_HORIZONS[key]), f"{VAGUE_HORIZONS[key]} months"
    note = f"'{words}' is vague: read as {said} from the text's date ({on}); set the deadline"
    return [Deadline(on, words, True, vague.span(), note, vague=True)]


def _season(m: re.Match[str], base: date | None, sentence: str) -> date | None:
    """The last day of the season ``m`` names (``SEASON_MONTHS``, or the months the text gives in brackets)."""
    season = m.group("season").lower()
    if _SEASON_CROP.match(sentence, m.end("season")):
        return None  # "winter wheat", "spring-planted crops": a kind of crop, not a season
    if season == "fall" and not (m.group("which") or m.group("y0") or m.group("y2")):
        lead = (m.group("lead") or "").lower()
        if lead not in ("in", "during", "by", "over", "until", "through", "before") or re.match(
            r"\s+(?:in|of)\b|\s+(?:back|off|short|below|to)\b", sentence[m.end() :], re.I
        ):
            return None  # "the fall in prices": a noun, not autumn; "during the fall, ..." is autumn
    if _LAST_BEFORE.search(_before_words(sentence, m.start("season"))):
        if not _THAN_LAST.search(sentence, max(0, m.start("season") - 40), m.start("season")):
            return None  # "last winter"
        # "3% fewer heating degree days than last winter": the figure is for this one
    first, last = SEASON_MONTHS[season]
    if m.group("m0") and m.group("m1"):
        first, last = _month_number(m.group("m0")), _month_number(m.group("m1"))
    spans_years = last < first
    said = m.group("y1") or m.group("y3")
    year = m.group("y0") or m.group("y2")
    if year is not None:
        start_year = int(year)
        end_year = start_year + (1 if spans_years else 0)
        if said is not None:
            end_year = int(said) if len(said) == 4 else start_year // 100 * 100 + int(said)
        return _month_end(end_year, last)
    if base is None:
        return None
    # The season running at ``base``, else the next one; "next winter" is the one after that.
    end_year = base.year + (1 if spans_years and base.month >= first else 0)
    if _month_end(end_year, last) < base:
        end_year += 1
    if (m.group("which") or "").lower() in ("next", "coming", "upcoming"):
        start = date(end_year - (1 if spans_years else 0), first, 1)
        if start <= base:
            end_year += 1
    return _month_end(end_year, last)


def _nearest(on: date, base: date) -> date:
    """The occurrence of a yearly period end (``on`` in ``base``'s year) a text without a year means: one that
    ended at most ``PENDING_DAYS`` before ``base``, else the next one."""
    ends = [on.replace(year=on.year + shift) for shift in (-1, 0, 1)]
    recent = [end for end in ends if end < base and (base - end).days <= PENDING_DAYS]
    return recent[-1] if recent else next(end for end in ends if end >= base)


def _day_word(base: date, m: re.Match[str]) -> date:
    """ "later today", "tonight" are ``base``; "tomorrow" the day after; a weekend ends on its Sunday (its
    Saturday for "the early part of the weekend")."""
    word = m.group("word").lower()
    if "tomorrow" in word:
        return base + timedelta(days=1)
    if "weekend" not in word:
        return base
    sunday = base + timedelta(days=6 - base.weekday())
    if (m.group("wwhich") or "").lower() == "next" and base.weekday() < 5:
        sunday += timedelta(days=7)
    return sunday - timedelta(days=1) if (m.group("early") or "").lower() == "early" else sunday


def _has(low: str, *words: str) -> bool:
    return any(word in low for word in words)


def _before_words(sentence: str, at: int) -> str:
    """The few words before ``at`` (the checks on them look no further; a whole text's prefix would cost)."""
    return sentence[max(0, at - 80) : at]


# what a "2025-26" other than a fiscal year runs through: a sports season, a school year
_SPAN_NOT_FISCAL = patterns.compile(r"\s+(?:season|academic|school|football|league|term)\b", re.I)


def _march_fiscal_span(sentence: str, m: re.Match[str], fiscal: tuple[int, int, int]) -> bool:
    """Whether a "2026-27" (with a dash or a slash) in a text whose fiscal years end in March is one of them: a British,
    Canadian or Indian budget's year ("borrowing is forecast to fall to £70bn in 2026-27"), not a crop year or a
    season."""
    return (
        fiscal == FISCAL_YEAR_ENDS["march"]
        and re.search(r"\d\s*[-‐‑‒–—―/]\s*\d", m.group(0)) is not None
        and _MARKETING_WORDS.search(sentence) is None
        and _MARKETING_CROP.search(sentence) is None
        and _COMMODITY_WORDS.search(sentence) is None
        and _SPAN_NOT_FISCAL.match(sentence, m.end()) is None
    )


# a commodity's year, though no crop is named ("World production is projected at 410.4 million tons ... 2004/05",
# "2025/26 China rapeseed imports"): a USDA text that names Japan, India or Canada among trading partners still
# counts its years as marketing years
_COMMODITY_WORDS = patterns.compile(
    r"\b(?:bushels?|tons?|tonnes|cwt|bales|acres|hectares|stocks|production|imports?|exports?|crops?|harvests?|"
    r"yields?|meal|rapeseed|palm|cattle|hogs|milk|beef|pork|poultry)\b",
    re.I,
)


def _looks_back(sentence: str, at: int) -> bool:
    """Whether a superlative or an "Nth time" right before ``at`` makes the span after it one looked back over
    ("its highest level in 18 months", "for the first time in four years")."""
    return _LOOKS_BACK.search(sentence, max(0, at - 60), at) is not None


def _said_or_past(sentence: str, at: int) -> bool:
    """Whether the words before ``at`` date the utterance ("said", "last"): then a day named there is no deadline."""
    before = _before_words(sentence, at)
    return _SAID_BEFORE.search(before) is not None or _LAST_BEFORE.search(before) is not None


def _crop(word: str) -> str:
    """The ``MARKETING_YEAR_ENDS`` key of a crop as written ("Soybean" is soybeans)."""
    word = " ".join(word.lower().split())
    return word if word in MARKETING_YEAR_ENDS else f"{word}s" if f"{word}s" in MARKETING_YEAR_ENDS else "corn"


def find_deadline(sentence: str, *, base: date | None) -> Deadline | None:
    """The first deadline phrase in ``sentence``, or None."""
    found = find_deadlines(sentence, base=base)
    return found[0] if found else None


def _part_of_year(base: date, m: re.Match[str]) -> date:
    """ "in the second quarter" (of ``base``'s year), "in the first half", "early next year"."""
    year = base.year
    year += 1 if (m.group("cwhich") or "").lower() == "next" else 0
    if m.group("qn") or m.group("qn2"):
        return quarter_end(year, int(m.group("qn") or m.group("qn2")))
    if m.group("hn"):
        return date(year, 6, 30) if m.group("hn") == "1" else date(year, 12, 31)
    if m.group("q"):
        word = m.group("q").lower()
        quarter = (base.month - 1) // 3 + 1 if word == "current" else _QUARTER_WORDS[word]
        shift = {"next": 1, "last": -1}.get((m.group("qwhich") or "").lower(), 0)
        return quarter_end(year + shift, quarter)
    if m.group("latter"):
        year += 1 if m.group("pwhich") else 0
        return date(year, 3, 31) if m.group("latter").lower() in ("early", "earlier", "first") else date(year, 12, 31)
    if m.group("h"):
        year += 1 if (m.group("hwhich") or "").lower() == "next" else 0
        return date(year, 6, 30) if m.group("h").lower() in ("first", "front") else date(year, 12, 31)
    year += 1 if m.group("which").lower() == "next" else 0
    part = m.group("part").lower()
    return date(year, 3, 31) if part == "early" else date(year, 6, 30) if "mid" in part else date(year, 12, 31)


def _amount(text: str) -> int | None:
    text = text.lower()
    if text in ("a", "an"):
        return 1
    try:
        value = float(text)
    except ValueError:
        value = word_number(text.replace("-", " ")) or 0.0
    return int(value) if value == int(value) and 0 < value <= 100 else None


def _relative_end(base: date, n: int, unit: str) -> date | None:
    """``base`` plus N units; N quarters end with the quarter N after ``base``'s ("for another quarter or two"
    said in September 1996: the end of March 1997); N hours round up to whole days."""
    unit = unit.lower().rstrip("s")
    if unit == "hour":
        return base + timedelta(days=-(-n // 24))
    if unit == "quarter":
        index = (base.month - 1) // 3 + n
        return quarter_end(base.year + index // 4, index % 4 + 1)
    if unit == "day":
        return base + timedelta(days=n)
    if unit == "week":
        return base + timedelta(weeks=n)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120}[unit] * n
    return add_months(base, months)


def _next(base: date, which: str, unit: str, *, edge: str | None) -> date:
    offset = 1 if which in ("next", "coming") else 0
    start_wanted = edge is not None and ("start" in edge.lower() or "beginning" in edge.lower())
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


@dataclass(frozen=True)
class Horizon:
    """The date a text's undated predictions are proposed to be due by, and why (for the review note)."""

    on: date
    why: str
    last: date | None = None  # the latest date the text names: where its forecast period ends
    # for a sentence that names no date (its words, whitespace folded), the date the paragraph named last before it,
    # with its words: "The 2025/26 corn outlook is for ... Exports are raised ..." (``paragraph_dates``)
    context: dict[str, tuple[date, str]] = field(default_factory=dict, compare=False)


HORIZON_SCAN = 20_000  # characters of the text read for its horizon: the work stays bounded on any input
WEATHER_DAYS = 7  # a weather product's outlooks run a week at most ("Formation chance through 7 days")
_WEATHER = patterns.compile(
    r"National\s+Weather\s+Service|\bNWS\b|Storm\s+Prediction\s+Center|Hurricane\s+Center|Weather\s+Prediction\s+Center|"
    r"Convective\s+Outlook|Tropical\s+Weather\s+Outlook|Forecast\s+Discussion|Area\s+Forecast",
    re.I,
)
# A product's valid period, "Valid 071200Z - 081200Z": day, hour and minute (UTC) of its start and end.
_ROUGH_SENTENCE = patterns.compile(r"(?<=[.!?])\s+|\n\s*\n")
_VALID = patterns.compile(r"\bValid\s+(?P<d0>\d\d)\d{4}Z\s*-\s*(?P<d1>\d\d)\d{4}Z\b", re.I)


def sentence_key(sentence: str) -> str:
    """A sentence's words with whitespace folded: how ``Horizon.context`` is looked up."""
    return " ".join(sentence.split())


def paragraph_dates(text: str, *, base: date, fiscal: tuple[int, int, int]) -> dict[str, tuple[date, str]]:
    """For each sentence of ``text`` that names no date, the date the sentences before it in its paragraph named last
    (on or after ``base``, not vague, not a period just ended), with its words. A blank line or a heading ends a
    paragraph. An outlook names its period once and then goes on without it: "This month's 2025/26 U.S. corn outlook
    is for larger supplies. Exports are raised 75 million bushels to 3.1 billion." """
    from predictions.extract.units import units  # here: units imports nothing of this module, but keep it lazy

    out: dict[str, tuple[date, str]] = {}
    carried: tuple[date, str] | None = None
    carried_crop_year: int | None = None  # the year a carried crop year ends in, for a sentence naming another crop
    crop: str | None = None
    world = False
    previous_end: int | None = None
    for unit in units(text):
        gap = text[previous_end : unit.start] if previous_end is not None else ""
        if previous_end is None or "\n" in gap and (re.search(r"\n\s*\n", gap) or gap.strip()):
            carried, carried_crop_year, crop = None, None, None  # a new paragraph, or a heading between
            world = False
        previous_end = unit.end
        world = world or _WORLD.search(unit.text) is not None  # a paragraph about world figures
        found = find_deadlines(unit.text, base=base, fiscal=fiscal)
        named: list[tuple[date, str, int | None]] = []
        for d in found:
            if d.on < base or d.vague or d.pending:
                continue
            crop_year = d.on.year if d.note and (NO_CROP in d.note or "marketing year" in d.note) else None
            if d.note and NO_CROP in d.note and crop is not None:
                # "2025/26" in a sentence that names no crop, in a paragraph about corn: corn's marketing year
                month, day = _year_end(crop, world=world)
                crop_end = date(d.on.year, month, day)
                if crop_end < base:  # "exports for 2024/25" in June 2025, about wheat: a year just ended
                    continue
                out.setdefault(sentence_key(unit.text), (crop_end, f"{d.words} ({crop})"))
                named.append((crop_end, f"{d.words} ({crop})", crop_year))
                continue
            named.append((d.on, d.words, crop_year))
        said = _MARKETING_CROP.search(unit.text)
        if named:
            on, words, carried_crop_year = max(named, key=lambda n: n[0])  # a sentence is due by its last date
            carried = (on, words)
        elif carried is not None:
            here = _crop(said.group(0)) if said is not None else None
            if carried_crop_year is not None and here is not None:
                # "The soybean meal price is forecast at $310" after "2026/27" soybeans: soybean meal's year
                month, day = _year_end(here, world=world)
                out.setdefault(sentence_key(unit.text), (date(carried_crop_year, month, day), f"{carried[1]} ({here})"))
            else:
                out.setdefault(sentence_key(unit.text), carried)
        cause = _CAUSE_CLAUSE.search(unit.text)
        topic = _MARKETING_CROP.search(unit.text, 0, cause.start()) if cause is not None else said
        crop = _crop(topic.group(0)) if topic is not None else crop
    return out


def text_horizon(
    text: str, *, base: date | None, fiscal: tuple[int, int, int] = FISCAL_YEAR_ENDS["us"]
) -> Horizon | None:
    """The horizon of a text, for its predictions that name no date (always flagged for review):

    - a weather product: the end of its valid period ("Valid 071200Z - 081200Z" -> the 8th), else the date its
      sentences name most often, else ``WEATHER_DAYS`` after ``base``;
    - any other text: the date on or after ``base`` that its sentences name most often (ties: the later), the period
      the text is about (an outlook's "2026", a news story's "this year"); None when it names none, and the caller's
      default applies.

    ``last`` is the latest end of a period the text names (the latest date when it names none), which "the forecast
    period" means.
    """
    if base is None:
        return None
    head = text[:HORIZON_SCAN]
    weather = _WEATHER.search(head[:3000]) is not None
    valid = _VALID.search(head[:3000]) if weather else None
    if valid is not None:
        day = int(valid.group("d1"))
        month = base.replace(day=1) if day >= base.day else add_months(base.replace(day=1), 1)
        try:
            return Horizon(month.replace(day=day), "the end of the product's valid period")
        except ValueError:
            pass
    counts: dict[date, int] = {}
    for piece in _ROUGH_SENTENCE.split(head):  # sentence by sentence: each check looks at its own words
        for found in find_deadlines(piece, base=base, fiscal=fiscal):
            if found.on >= base and not found.vague and not found.pending:
                counts[found.on] = counts.get(found.on, 0) + 1
    if counts:
        on = max(counts, key=lambda d: (counts[d], d))
        # the forecast period ends with the last period the text names ("2014 through 2016"), not with a span
        # counted from its date ("over the next two and a half years")
        ends = [d for d in counts if d == _month_end(d.year, d.month)]
        why = f"the date the text names most often ({counts[on]} times)"
        return Horizon(on, why, max(ends or counts), paragraph_dates(head, base=base, fiscal=fiscal))
    if weather:
        return Horizon(base + timedelta(days=WEATHER_DAYS), f"a weather product's week ({WEATHER_DAYS} days)")
    return None
