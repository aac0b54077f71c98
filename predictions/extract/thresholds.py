"""The rule a number proposes: metric, comparison, threshold, unit, and, for a point forecast, a band.

Comparisons are read from the words before the number ("over 70%" is ``> 70``, "at least one" is ``>= 1``, "will not
exceed 3%" is ``<= 3``, "will not fall below 2%" is ``>= 2``), or after it ("2% or lower" is ``<= 2``). "at or below
2 percent" is ``<= 2``, "well below the Committee's 2 percent objective" ``< 2``, "overshoot 2 percent" ``> 2``,
"exceed their 50-year average of 3.0 percent" ``> 3``, "come within $500 million of" ``<= 500``. A number moving to
a level settles around it: "ease to 2.5%", "rise to $51/MWh", "reach 16 Bcf/d", "fall by 3% to 509 MMst", "raised 10
cents to $4.10", "lift the rate 25 basis points to 3.75%" are bands around the level (below), as is a bound softened
by "just" ("just over $13.80"). A **change** ("fall by 7 percent", "increase 45%", "up 16%", "7% fewer", "go up one
quarter of a percentage point", "a contraction of the economy of 1.8%", "grow by just 0.5%", "fall by just under
1%") is a band around the signed change on a metric named "change in ..." (-7 for a fall), as the labelling guide
writes it; so is each figure listed after it for another period ("rise by 2.7 percent in fiscal 2025, 1.8 percent in
fiscal 2026, and 2.0 percent in fiscal 2027"), so that the figure of the deadline's year is a change like the first.
A range ("3-5 critical domains", "between 3 and 4%", "$60-65 per barrel") is read as at least its low end when it
counts things, and as the band between its ends when it has a unit (a rate, a price, an amount).

A **point forecast** ("growth of 3.6% in 2004", "inflation at 2.5%", "will be 3%", "around 4%") gives no
direction, so it is read as a band, flagged for review (``_band``): for a rate or share in % or percentage points,
±0.5 when written whole ("2%"), ±0.25 with one decimal ("3.6%", "3½"), ±0.1 with more ("2-1/4"), never more than
half the value (a rise of a tenth of a point is 0.05 to 0.15); ±5% of the value otherwise.
The proposed rule is ``>= low`` with ``high`` as the band's upper edge. An amount with a unit and no comparison
("export 14.9 billion cubic feet per day") is a level, so a point forecast too.

Amounts are in the sentence's own scale, as the labelling guide writes them: "$1.9 trillion" is 1.9 "trillion USD",
"52 million smartphones" 52 "million units" (people are "people", goods by the piece "units", other counted nouns as
written: "11 named storms"), a bare "174.6 million" whose subject is employment 174.6 "million jobs", patients,
deaths and "five million of the new cancer cases" "million people". A time spent ("take 27 hours") is an amount in
hours. A multiple is in "times", as the labelling guide writes it: "double" is about 2 times (a band), "tenfold"
about 10, "halve" about 0.5, "more than double" more than 2; "rise three times as fast" is about 3 times, no change.

A farm price in dollars with no unit, in a sentence about a crop's price, is in the unit USDA quotes that crop in
("the price range for corn is $1.55 to $1.95": USD per bushel; rice, cattle: per cwt; soybean meal: per short ton).
Goods bought or sold, counted with a scale word right after the verb ("buy four million of them"), are "million
units".

Which number a sentence turns on (``find_threshold``): the ones the prediction makes (a number in a clause of its
own before the first forecasting word gives way), an amount with a unit before a bare count, the first of those,
and a level before the change that leads to it. An average over a span with no year of its own gives way to a level
the sentence dates ("averaging 6.3 percent of GDP ... and reaching 7.3 percent of GDP in 2055": 7.3).

The metric is what the number measures: "70% of the domestic AI market" is "share of the domestic AI market",
"growth of 3.6%" is "growth", otherwise the subject of the clause ("Wage growth will not exceed 3.5%").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from predictions.extract import patterns
from predictions.extract.numbers import DIGIT_RATE, INTERVAL_LIMITS, Quantity, find_quantities

MAX_NUMBERS = 12  # a sentence's first numbers: the rule is among them, and the work per sentence stays bounded
# Longest first: "no more than" must win over "more than".
_COMPARATORS: list[tuple[str, str]] = [
    (
        r"(?:will\s+not|won't|would\s+not|does\s+not|do\s+not|not\s+to|to\s+not|never|unlikely\s+to)\s+(?:exceed|surpass|"
        r"top|go\s+above|rise\s+above|climb\s+above|be\s+more\s+than|be\s+above|be\s+over)",
        "<=",
    ),
    (  # a level not reached stays under it ("unlikely to reach 9 percent"); one not exceeded may be met
        r"(?:will\s+not|won't|would\s+not|does\s+not|do\s+not|not\s+to|to\s+not|never|unlikely\s+to)\s+(?:reach|hit)",
        "<",
    ),
    (
        r"(?:will\s+not|won't|would\s+not|not\s+to|never|unlikely\s+to)\s+(?:fall|drop|dip|go|slip|be)\s+(?:below|under|"
        r"less\s+than)",
        ">=",
    ),
    (
        r"at\s+or\s+(?:below|under|beneath)|no\s+more\s+than|not\s+more\s+than|at\s+most|up\s+to|a\s+maximum\s+of|no\s+higher\s+than|capped\s+at|"
        r"as\s+(?:much|high|many)\s+as|no\s+better\s+than|"  # "could climb as much as 10 percent": its upper end
        r"as\s+(?:low|little|few)\s+as|"  # "brought down to as low as 3 percent": where it may go, and no further
        r"within",  # "come within 500 million dollars of", "within 0.5 percentage points of the target": a distance
        "<=",
    ),
    (
        r"at\s+or\s+(?:above|over)|no\s+less\s+than|no\s+fewer\s+than|not\s+less\s+than|at\s+least|a\s+minimum\s+of|no\s+lower\s+than|"
        r"cross(?:es|ed|ing)?",  # "cross the 400 million mark"
        ">=",
    ),
    (
        r"more\s+than|over|above|exceeds?|exceeding|(?:sur)?pass(?:es|ing)?|greater\s+than|in\s+excess\s+of|beyond|"
        r"higher\s+than|top(?:s|ping)?|upwards\s+of|overshoot(?:s|ing)?|better\s+than|north\s+of",
        ">",
    ),
    (
        r"less\s+than|fewer\s+than|below|under|lower\s+than|beneath|undershoot(?:s|ing)?|short\s+of|shy\s+of|south\s+of",
        "<",
    ),
    (
        r"(?:reach|hit|rise|climb|grow|increase|jump|surge|soar|swell|expand|double|rebound|recover|widen|"
        r"accelerate|pick\s+up|raise|lift|boost|push)(?:s|es|ed|d|ing)?\s+(?:[\w'’-]+\s+){0,8}?(?<!\bby\sup\s)to|reach(?:es|ing)?|hit(?:s|ting)?|to\s+at\s+least",
        ">=",
    ),
    (
        r"(?:fall|drop|decline|shrink|ease|slow|slip|dip|sink|narrow|contract|cool|moderate|decelerate|cut|"
        r"reduce|lower)(?:s|es|ed|d|ing|en)?\s+(?:[\w'’-]+\s+){0,8}?(?<!\bby\sup\s)to",  # "fall by up to": a bound
        "<=",
    ),
]
# "below the Committee's 2 percent objective": the number may follow a possessive and a few adjectives; "exceed the
# historical high of 106 percent", "exceed their 50-year average of 3.0 percent": a benchmark named before it.
_POSSESSOR = (
    r"(?:(?:the|its|their|our|his|her)\s+)?(?:[\w.-]+['’]s?\s+)?(?:(?:symmetric|longer-run|long-run|stated|official|"
    r"annual|medium-term|inflation|policy|\d+-year)\s+)*(?:(?:objective|target|goal|average|(?:(?:historical|"
    r"historic|previous|prior|all-time|post-?war|earlier)\s+)?(?:high|low|peak|record))\s+of\s+)?"
)
_COMPARATOR = patterns.compile(
    r"\b(?P<words>"
    + "|".join(f"(?P<c{i}>{words})" for i, (words, _) in enumerate(_COMPARATORS))
    + r")\s*(?:of\s+)?"
    + _POSSESSOR
    + "$",
    re.I,
)
_OR_BEYOND = patterns.compile(
    r"^\s*or\s+(?:a\s+(?:bit|little|touch)\s+|slightly\s+|somewhat\s+|even\s+|perhaps\s+)?"
    r"(?:(?P<le>lower|less|below|fewer|under|smaller)|(?P<ge>higher|more|above|over|greater|larger))\b",
    re.I,
)
_CHANGE_VERB = (
    r"(?:rise|climb|grow|increase|jump|gain|expand|fall|drop|decline|shrink|contract|slip|lose|cut|reduce|lower|"
    r"raise|lift|boost|decrease|slide|plunge|soar|surge|tumble|rebound|advance|add|go\s+up|go\s+down|move\s+up|"
    r"move\s+down|edge\s+up|edge\s+down|tick\s+up|tick\s+down|widen|narrow|hike|ease|slow)(?:s|es|ed|ing|n|d)?"
)
_ABOUT = (  # "grow by about 2%"; a size played down is still the size ("grow by just 0.5%", "fall by a modest 1%")
    r"(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+|approximately\s+|an\s+estimated\s+|"
    r"(?:only\s+)?just\s+|only\s+|a\s+(?:mere|modest|slight|small)\s+|an\s+average\s+of\s+)?"  # "fall by an average of"
)
_FURTHER = r"(?:another\s+|a\s+further\s+|an\s+additional\s+|an\s+extra\s+)?"
_CHANGE_NOUN = r"(?:declines?|falls?|drops?|contractions?|decreases?|reductions?|increases?|rises?|gains?|jumps?)"
# A change: "fall by 3%", "raise our forecast of exports in 2026 by 9%", "increase 45%", "go up one quarter of a
# percentage point", "up 16% from this year", "a decline of 1/2 percent", "a decline in output of 1/2 percent" (what
# changes named between), a revision's size ("revised up by 0.5 percentage points", "marked down by").
_CHANGE = patterns.compile(
    rf"(?:\b(?P<verb>{_CHANGE_VERB})\s+(?:[\w'’-]+\s+){{0,8}}?by\s+{_FURTHER}{_ABOUT}(?:between\s+)?"
    rf"|\b(?P<direct>{_CHANGE_VERB})\s+{_FURTHER}{_ABOUT}|\b(?P<updown>up|down)(?:wards?)?\s+(?:by\s+)?{_ABOUT}"
    rf"|\ban?\s+{_FURTHER}(?P<noun>{_CHANGE_NOUN})(?:\s+(?:in|of)\s+(?P<what>(?:[\w'’.-]+\s+){{0,4}}?[\w'’.-]+))?\s+of\s+"
    rf"{_ABOUT}){_FURTHER}$",
    re.I,
)
# "7% fewer HDDs", "15 MMst higher than forecast", "a 25-basis-point cut", "This 8% rise": a signed change.
_CHANGE_AFTER = patterns.compile(
    r"^\s*-?\s*(?:(?:rate|interest[- ]rate|policy[- ]rate|price|tax|wage)\s+)?"  # "a quarter-point rate cut"
    r"(?:(?P<down>fewer|less|lower|smaller|below|cuts?|reductions?|declines?|drops?|falls?|decreases?|"
    r"contractions?)|(?P<up>more|higher|greater|larger|above|increases?|rises?|hikes?|gains?|jumps?))\b"
    r"(?!\s+than\s+(?:that|in\s+the))",
    re.I,
)
# "move up to the objective of 2 percent", "a gradual path up to 3 percent": "up to" after a motion is a move
_MOVES_UP = patterns.compile(
    r"\b(?:move[sd]?|moving|go|goes|going|gone|went|come|comes|coming|came|path|way|climb\w*|ris(?:e|es|ing)|rose|pick\w*|"
    r"edg\w*|tick\w*|creep\w*|crept|drift\w*|inch\w*|ratchet\w*|head\w*|back|firm\w*)\s+up\s+to\b(?!.*\bup\s+to\b)",
    re.I,
)
# A bound on the size of a change ("fall by more than 10 percent", "a decline of at least 5%", "rise by up to 3
# percent"): the words that bound a size, not a level ("rise above 5 percent" is a level's bound).
_SIZE_WORDS = patterns.compile(
    r"(?:more|less|fewer)\s+than|at\s+(?:least|most)|as\s+(?:much|little)\s+as|up\s+to|(?:no|not)\s+(?:more|less)\s+than|"
    r"upwards\s+of|in\s+excess\s+of|a\s+(?:maximum|minimum)\s+of",
    re.I,
)
_SIZE_BOUND = patterns.compile(
    rf"(?:\b(?P<verb>{_CHANGE_VERB})\s+(?:by\s+)?|\ban?\s+(?P<noun>{_CHANGE_NOUN})\s+of\s+)"
    rf"(?P<words>{_SIZE_WORDS.pattern})\s*$",
    re.I,
)
_MIRRORED = {">": "<", ">=": "<=", "<": ">", "<=": ">="}
# the word that softens a bound to a point ("just", "a little"; ``_JUST``, ``_A_LITTLE``), at the end of the words
# before the bound
_SOFTENED = patterns.compile(
    r"(?:(?:only\s+)?just|barely|(?:a\s+(?:little|bit|touch|tad))|slightly|marginally)\s+$", re.I
)
# "just over $13.80": a point forecast written as a bound.
_JUST = patterns.compile(r"\b(?:just|only\s+just|barely)\s+$", re.I)
# "a little over three percent": a size given roughly, a point forecast; "a bit below 2 percent" keeps its direction
_A_LITTLE = patterns.compile(r"\b(?:only\s+)?(?:a\s+(?:little|bit|touch|tad)|slightly|marginally)\s+$", re.I)
# Where the prediction starts: numbers after it are the ones it makes ("This 8% rise ... we forecast ... will
# increase 45%"; "remained below 2 percent ... anticipated ... near 2 percent").
_PREDICTS = patterns.compile(
    r"\b(?:will|would|shall|expects?|expected|expecting|forecasts?|forecasted|forecasting|projects?|projected|"
    r"projecting|anticipates?|anticipated|anticipating|predicts?|predicted|predicting|likely|assumes?|assumed|should|could|see|sees|seen|estimated\s+to|set\s+to|"
    r"due\s+to|poised\s+to|tipped\s+to|on\s+track\s+to|going\s+to)\b",
    re.I,
)
_POINT = patterns.compile(
    r"(?:\b(?:of|at|be|is|are|to\s+be|was|were|around|about|roughly|approximately|some|near|nearly|almost|"
    r"close\s+to|total|totals|totaling|totalling|average|averages|averaging)\s+"
    r"(?:an?\s+)?(?:annual\s+|annualised\s+|annualized\s+|average\s+)?(?:rate\s+of\s+)?" + _POSSESSOR + r"$|^\s*$)",
    re.I,
)
_FALLING = patterns.compile(
    r"^(?:fall|fell|drop|decline|shrink|contract|slip|lose|lost|cut|reduc|lower|decrease|slid|plunge|tumble|"
    r"go(?:es|ing)?\s+down|went\s+down|gone\s+down|move[sd]?\s+down|moving\s+down|edge[sd]?\s+down|"
    r"tick(?:s|ed)?\s+down|down|narrow|eas|slow)",
    re.I,
)
_OF_NP = patterns.compile(
    r"^\s+of\s+(?P<np>(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,6}?[\w'’-]+)(?=\s*(?:[,.;)]|$|\s+(?:by|in|to|and|which|that|for|from|over|within|during|before|at|on|will|would|could|"
    r"should|may|might|is|are|was|were|plans?|expects?)\b))",
    re.I,
)
_METRIC_BEFORE = patterns.compile(
    r"(?P<np>(?:[\w'’-]+\s+){0,4}?(?:growth|inflation|rate|rates|unemployment|deficit|debt|revenue|revenues|sales|"
    r"prices?|output|demand|supply|production|share|yield|yields|spreads?|gap|gdp|income|spending|investment|exports?|"
    r"imports?|earnings|profit|profits|capacity|emissions|costs?|wages?|jobs|employment|payrolls|index|level|"
    r"value|volume|consumption|population|margin|ratio|balance|reserves|deposits|loans|lending|credit))"
    r"\s+(?:of|at|to|will|would|could|should|may|might|is|are|was|were|be|grew|rose|fell|reached|hit)\b[^.;]*$",
    re.I,
)
_NOUN_AFTER = patterns.compile(
    r"^\s+(?P<np>(?!(?:of|in|to|by|and|or|per|from|for|at|on|the|a|an)\b)[a-z][\w-]*(?:\s+(?!(?:of|in|to|by|and|or|"
    r"per|from|for|at|on|that|which|will|would|could|should|may|might|is|are|was|were)\b)[a-z][\w-]*){0,3})",
    re.I,
)
_VERB_IN_NP = patterns.compile(
    r"\b(?:forecasts?|expects?|sees|projects?|predicts?|estimates?|anticipates?|said|says|see|expected|predicted|"
    r"projected|forecasted|reported|showed|shows|look\s+for|looks\s+for)\b",
    re.I,
)
_SHARE_WORDS = patterns.compile(
    r"^(?:half|a\s+third|one[- ]third|two[- ]thirds|a\s+quarter|one[- ]quarter|three[- ]quarters"
    r"|\w+\s+(?:in|out\s+of)\s+\w+)",
    re.I,
)  # "half of all music", "one in four firms"
_RATE_AFTER = patterns.compile(
    r"^\s+(?P<np>(?:(?:annual|annualised|annualized|economic|GDP|real|core|headline|wage|price|earnings|sales|"
    r"revenue|job|employment|output|export|import)\s+){0,2}(?:growth|inflation|unemployment|rise|increase|fall|"
    r"decline|drop|gain|return|yield|interest\s+rate|rate))\b",
    re.I,
)
_STOP_HEAD = patterns.compile(
    r"^(?:the|a|an|its|their|our|this|that|these|those|and|but|with|by|in|on|of|for|at|around|about|roughly|to|"
    r"raise|cut|lower|lift|boost|push|keep|hold|set|increase|reduce)\s+",
    re.I,
)


@dataclass(frozen=True)
class Threshold:
    """A proposed rule read from the text: op and threshold (a band's low edge), unit, words, metric, high."""

    op: str | None
    value: float
    unit: str | None
    words: str
    low: float | None = None
    high: float | None = None
    metric: str | None = None
    point: bool = False
    change: bool = False
    span: tuple[int, int] = (0, 0)
    range: bool = False
    moved: bool = False
    count: bool = False  # the number counts things named freely ("named storms"; ``Quantity.count``)


def _op_before(sentence: str, start: int) -> tuple[str, str, bool] | None:
    """The comparison written before a number, its words, and whether "just" softens it ("just over $13.80")."""
    offset = max(0, start - 80)
    head = sentence[offset:start]
    match = _COMPARATOR.search(head)
    if match is None:
        return None
    index = next(i for i in range(len(_COMPARATORS)) if match.group(f"c{i}") is not None)
    before = sentence[max(0, offset + match.start() - 20) : offset + match.start()]
    just = _JUST.search(before) is not None or (
        _A_LITTLE.search(before) is not None
        and re.fullmatch(r"over|more\s+than", match.group("words"), re.I) is not None
    )
    return _COMPARATORS[index][1], match.group("words"), just


def _metric(sentence: str, quantity: Quantity) -> str | None:
    start, end = quantity.span
    if quantity.count:
        return quantity.unit  # "11 to 17 named storms": the number of named storms
    if quantity.unit in _TIME_UNITS and not _METRIC_BEFORE.search(sentence[max(0, start - 120) : start]):
        return "duration"  # "the journey is expected to take 27 hours"
    if quantity.unit == "%":
        m = _OF_NP.match((" of" if quantity.words.endswith("of") else "") + sentence[end:])
        if m:
            return f"share of {m.group('np')}"
    if quantity.unit in ("%", "pp"):
        named = _RATE_AFTER.match(sentence[end:])
        if named:
            return named.group("np")  # "4.3% growth", "2% inflation"
    m = _METRIC_BEFORE.search(sentence[max(0, start - 120) : start])
    if m:
        np = _VERB_IN_NP.split(m.group("np").strip())[-1].strip()
        np = re.split(r"\b(?:that|because|as|while|if|and|but|when|since|although)\s+", np)[-1]
        while _STOP_HEAD.match(np):
            np = _STOP_HEAD.sub("", np, count=1)
        return np
    if quantity.unit is None:
        after = _NOUN_AFTER.match(sentence[end:])
        if after:
            return after.group("np")  # a count: "3-5 critical domains", "10 new coal plants"
    return None


def _band(value: float, unit: str | None, written: str = "") -> tuple[float, float]:
    """The band around a point forecast: for a rate, half a point when written whole ("2%", "a third of"), a quarter
    with one decimal ("3.6%", "two-point-one percent"), a tenth with more ("0.25%"); a fraction as its decimals
    ("2-1/4", "2¼": a tenth; "2½": a quarter), never wider than half the value (a band does not cross zero); 5% of
    the value otherwise."""
    if unit in ("%", "pp"):
        if _SHARE_WORDS.match(written) and not re.search(r"per\s?cent|point", written, re.I):
            return round(value - 0.5, 10), round(value + 0.5, 10)  # "a third of", "one in three": whole words
        digits = re.search(r"\d", written) and not re.search(r"\d/\d|[½¼¾⅓⅔⅛⅜⅝⅞]", written)
        decimals = re.search(r"\.(\d+)", written if digits else f"{abs(value):g}")
        width = 0.5 if decimals is None else 0.25 if len(decimals.group(1)) == 1 else 0.1
        if value:
            width = min(width, abs(value) / 2)  # "a tenth of a point" (0.05 to 0.15): a rise is not met by a fall
    else:
        width = abs(value) * 0.05
    return round(value - width, 10), round(value + width, 10)


# the period a figure of a list is for, and the joint to the next figure: "2.7 percent in fiscal 2025, 1.8 percent in
# fiscal 2026, and 2.0 percent in fiscal 2027", "1% this year and by 1.5% next year"
_PERIOD = (
    r"(?:(?:in|for|during|over|by|at)\s+)?(?:the\s+)?(?:(?:fiscal|calendar|financial)\s+(?:year\s+)?)?"
    r"(?:(?:19|20)\d\d(?:[-/](?:19|20)?\d\d)?|(?:this|next|last|the\s+following|the\s+next|the\s+coming)\s+"
    r"(?:year|quarter|month)|(?:first|second|third|fourth|final)\s+(?:quarter|half)(?:\s+of\s+(?:the\s+year|"
    r"(?:19|20)\d\d|next\s+year|this\s+year))?|(?:(?:19|20)\d\d|the\s+year)\s+as\s+a\s+whole)"
)
_LIST_NEXT = patterns.compile(rf"\s*{_PERIOD}\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:by\s+)?{_ABOUT}", re.I)
# a sign named in words: "growth ... remained in positive territory", "inflation to move into negative territory"
_TERRITORY = patterns.compile(r"\b(?:in|into)\s+(?P<sign>positive|negative)\s+territory\b", re.I)


def find_thresholds(sentence: str, *, skip: list[tuple[int, int]] | tuple[()] = ()) -> list[Threshold]:
    """Every number in ``sentence`` read as a proposed rule (op None when no comparison or band applies)."""
    found: list[Threshold] = []
    quantities = find_quantities(sentence)[:MAX_NUMBERS]
    for index, quantity in enumerate(quantities):
        start, end = quantity.span
        if any(start < e and s < end for s, e in skip):
            continue
        if re.search(r"\bfrom\s+(?:about\s+|around\s+)?$", sentence[max(0, start - 20) : start], re.I) and any(
            re.search(
                r"\bto\s+(?:about\s+|around\s+|almost\s+|nearly\s+|roughly\s+|just\s+(?:over|under)\s+|"
                r"an\s+estimated\s+|approximately\s+|some\s+)?$",
                sentence[max(0, q.span[0] - 20) : q.span[0]],
                re.I,
            )
            for q in quantities[index + 1 :]
        ):
            continue  # "slow from 2.9 percent this year to 2.3 percent next year": the level it goes to
        scaled = _priced_by_crop(sentence, _in_own_scale(_counted_by_subject(sentence, quantity)))
        reading = _reading(sentence, scaled)
        listed = found[-1] if found else None
        if (
            listed is not None
            and listed.change
            and listed.point
            and reading.point
            and not reading.change
            and not reading.moved
            and reading.unit == listed.unit
            and _LIST_NEXT.fullmatch(sentence, listed.span[1], start)
        ):
            # "rise by 2.7 percent in fiscal 2025, 1.8 percent in fiscal 2026": a change of each period, signed alike
            falling = (listed.high or 0) <= 0
            if reading.range and reading.low is not None and reading.high is not None:  # "2-1/2 to 2-3/4 percent"
                low, high = (-reading.high, -reading.low) if falling else (reading.low, reading.high)
                reading = replace(reading, value=low, low=low, high=high, metric=listed.metric, change=True)
            else:
                signed = -scaled.value if falling else scaled.value
                reading = _point(scaled, scaled.words, listed.metric, value=signed, change=True)
        found.append(replace(reading, count=True) if quantity.count else reading)
    sign = _TERRITORY.search(sentence)
    if (
        sign is not None
        and not any(t.op is not None for t in found)
        and not any(sign.start() < e and s < sign.end() for s, e in skip)
    ):
        # "remained in positive territory": a rate above zero, though no number is said
        op = ">" if sign.group("sign").lower() == "positive" else "<"
        found.append(Threshold(op, 0.0, "%", sign.group(0), span=sign.span()))
    return found


_TIME_UNITS = ("minutes", "hours", "days", "weeks", "months", "years")
# A forecaster's words: a range of counts they give is an interval, not a minimum.
_FORECASTER = patterns.compile(r"\b(?:forecast|predict|project|expect|outlook|estimat|anticipat|foresee|see)\w*", re.I)
# What a bare count in millions counts when its subject says it ("Total employment is projected to increase to 174.6
# million", "the population ... to a level of 283.3 million"): as the labelling guide writes them.
_JOBS_SUBJECT = patterns.compile(r"\b(?:employment|payrolls?|jobs?|hiring)\b", re.I)
# jobs counted with a month in the rest of their clause ("jobs are expected to be created each month")
_MONTHLY = patterns.compile(r"[^.;\d]{0,60}?\b(?:(?:each|a|per|every)\s+month|monthly)\b", re.I)
# a payroll change, which the US reports by the month: "job gains of around 260,000", "payrolls to rise by 180,000"
_MONTHLY_JOBS = patterns.compile(
    r"\b(?:job\s+(?:gains|growth|creation)|jobs\s+(?:gains|growth)|payroll\s+(?:gains|growth|increases?)|"
    r"(?:nonfarm\s+)?payrolls|hiring)\b(?:(?!\b(?:year|annual|annually|quarter)\b)[^.;]){0,50}$",
    re.I,
)
# what a count of people names as its subject (``_counted_by_subject``)
_PEOPLE_SUBJECT = patterns.compile(
    r"\b(?:population|labou?r\s+force|workforce|unemployed|unemployment|jobless|out\s+of\s+work|people|death\s+toll|"
    r"visitors?|tourists?|passengers?|arrivals|uninsured|residents|citizens|voters|adults|children|"
    r"number\s+of\s+(?:[\w-]+\s+){0,2}?(?:americans|britons|canadians|workers|households|families|users|"
    r"subscribers|customers|homeowners|pensioners|students)|"
    r"subscribers|users|customers|viewers|migrants|immigrants|refugees|patients|deaths|victims|casualties|"
    # a group by race or origin: "Whites are expected to decline from 199 million"
    r"whites|blacks|hispanics|latinos|asians|(?:african|asian|native)[- ]americans)\b",
    re.I,
)
_COUNT_SUBJECT = [
    # goods bought or sold, counted right after the verb: "consumers will buy four million of them"
    (
        patterns.compile(
            r"\b(?:buy|buys|bought|buying|purchase[sd]?|purchasing|sell|sells|sold|selling|ship|ships|shipped|"
            r"shipping)\s+(?:(?:about|around|some|nearly|almost|roughly|over|more\s+than|at\s+least|another)\s+)?$",
            re.I,
        ),
        "units",
    ),
    (_JOBS_SUBJECT, "jobs"),
    (
        _PEOPLE_SUBJECT,
        "people",
    ),
    # goods counted by the piece: "deliveries will reach 2 million", "shipments of 300 million"
    (
        patterns.compile(
            r"\b(?:deliveries|shipments|unit\s+sales|sales\s+volumes?|registrations|"
            # dwellings begun or permitted, counted by the housing unit: "housing starts ... 1.35 million"
            r"(?:housing|home)\s+(?:starts|completions)|(?:building|housing)\s+permits|"
            # the sales of a good sold by the piece: "tablet sales will reach more than 81 million"
            r"(?:car|auto|vehicle|truck|tablet|smartphone|phone|handset|pc|computer|laptop|television|tv|console|camera|"
            r"home|house|device|chip)s?\s+sales|sales\s+of\s+(?:[\w-]+\s+){0,2}?(?:cars|vehicles|trucks|tablets|"
            r"smartphones|phones|handsets|pcs|computers|laptops|televisions|tvs|consoles|cameras|homes|houses|devices|"
            r"chips))\b",
            re.I,
        ),
        "units",
    ),
]


# a part of a count of people named after it: "five million of the new cancer cases", "40 million of these infections"
_PART_OF_PEOPLE = patterns.compile(
    r"\s+of\s+(?:the|these|those|all|its|their)\s+(?:[\w-]+\s+){0,2}?(?:cases|patients|deaths|infections|victims|"
    r"people|adults|children|workers)\b",
    re.I,
)


def _counted_by_subject(sentence: str, quantity: Quantity) -> Quantity:
    """A bare count with a scale word ("174.6 million") in the unit its clause's subject counts, in its own scale;
    jobs counted per month in "jobs per month" (the whole number, as the labelling guide writes it)."""
    if quantity.unit is None and re.match(r"\s+(?:a|per|each)\s+month\b", sentence[quantity.span[1] :], re.I):
        head = sentence[max(0, quantity.span[0] - 200) : quantity.span[0]]
        if _JOBS_SUBJECT.search(head):  # "Payroll growth will slow to 100,000 a month"
            return replace(quantity, unit="jobs per month")
    if quantity.unit in ("jobs", "thousand jobs", "million jobs") and _MONTHLY.match(sentence, quantity.span[1]):
        # "One hundred and sixty thousand jobs are expected to be created each month"
        factor = {"jobs": 1.0, "thousand jobs": 1e3, "million jobs": 1e6}[quantity.unit]
        return replace(quantity, value=quantity.value * factor, unit="jobs per month", count=False)
    if (
        quantity.unit is None
        and quantity.value >= 1000
        and re.fullmatch(r"[\d,]+", quantity.words)
        and _MONTHLY_JOBS.search(sentence, max(0, quantity.span[0] - 60), quantity.span[0])
    ):
        return replace(quantity, unit="jobs per month")  # "job gains of around 260,000": a month's payroll change
    scale = re.search(r"\b(thousand|million|billion)$", quantity.words, re.I)
    if quantity.unit is None and scale is None and re.fullmatch(r"\d{1,3}(?:,\d{3})+", quantity.words):
        # "the jobless total to rise by 20,000 to 870,000": a count in thousands written out, whose subject is near
        near = sentence[max(0, quantity.span[0] - 60) : quantity.span[0]]
        if _PEOPLE_SUBJECT.search(near) and not _JOBS_SUBJECT.search(near):
            return replace(quantity, unit="people")
    if quantity.unit is not None or scale is None:
        return quantity
    head = sentence[max(0, quantity.span[0] - 200) : quantity.span[0]]
    if _PART_OF_PEOPLE.match(sentence, quantity.span[1]):
        noun: str | None = "people"
    else:
        noun = next((noun for pattern, noun in _COUNT_SUBJECT if pattern.search(head)), None)
    if noun is None:
        return quantity
    factor = {"thousand": 1e3, "million": 1e6, "billion": 1e9}[scale.group(1).lower()]
    low = quantity.low / factor if quantity.low is not None else None
    high = quantity.high / factor if quantity.high is not None else None
    unit = f"{scale.group(1).lower()} {noun}"
    return replace(quantity, value=quantity.value / factor, unit=unit, low=low, high=high)


# The unit a US farm price is quoted in when the sentence leaves it out ("the price range for corn is $1.55 to
# $1.95"): USDA's, per crop, as the labelling guide spells them.
_CROP_PRICE_UNITS = [
    (patterns.compile(r"\bsoybean\s+meal\b", re.I), "short ton"),
    (patterns.compile(r"\b(?:wheat|corn|sorghum|barley|oats|soybeans?)\b", re.I), "bushel"),
    (patterns.compile(r"\b(?:rice|steers?|cattle|hogs|milk)\b", re.I), "cwt"),
]
_PRICE_WORD = patterns.compile(r"\bprices?\b", re.I)
# a price named by the quantity it is of: "the price of a barrel of crude", "the cost of a gallon of petrol"
_PRICE_OF_A = patterns.compile(
    r"\b(?:price|cost)\s+of\s+(?:a|one)\s+(?P<per>barrel|gallon|bushel)\b(?![^,;]*\bper\b)", re.I
)


def _priced_by_crop(sentence: str, quantity: Quantity) -> Quantity:
    """A dollar price with no unit, in a sentence about a crop's price, in the unit USDA quotes that crop in: the
    crop named last before the number, else the first after it ("soybean oil" is quoted in cents and left alone)."""
    if quantity.unit != "USD" or re.search(r"[a-z]\s*$", quantity.words, re.I) or not _PRICE_WORD.search(sentence):
        return quantity
    head, tail = sentence[: quantity.span[0]], sentence[quantity.span[1] :]
    per = _PRICE_OF_A.search(head[-120:])
    if per is not None:  # "the price of a barrel of crude could rise to $80": the unit the price is of
        return replace(quantity, unit=f"USD per {per.group('per').lower()}")
    if re.search(r"\bsoybean\s+oil\b", head[-80:], re.I):
        return quantity
    named: tuple[int, str] | None = None
    for pattern, unit in _CROP_PRICE_UNITS:
        for m in pattern.finditer(head):
            if named is None or m.start() > named[0]:
                named = (m.start(), unit)
    if named is None:
        after = [(hit.start(), unit) for pattern, unit in _CROP_PRICE_UNITS if (hit := pattern.search(tail[:80]))]
        named = min(after) if after else None
    return quantity if named is None else replace(quantity, unit=f"USD per {named[1]}")


_MONEY = {"USD", "EUR", "GBP", "JPY", "CNY", "CHF", "CAD", "AUD", "INR", "HKD", "SGD", "NZD", "KRW", "RUB"}
# "$1.9 trillion", "£2.5bn", or in words "one trillion two hundred billion dollars" (each scale word said)
_MONEY_SCALE = patterns.compile(
    r"(?:\d\s*(?P<s>trillion|billion|million|thousand|tn|trn|bn|mn|mln|[mbk])|(?<=[a-z])[\s-]+(?P<w>trillion|billion|million|"
    r"thousand))(?![a-z])",
    re.I,
)
_SCALE_NAMES = {"tn": "trillion", "trn": "trillion", "bn": "billion", "b": "billion", "mn": "million", "mln": "million"}
_SCALE_NAMES |= {"m": "million", "k": "thousand"}
_SCALE_FACTORS = {"trillion": 1e12, "billion": 1e9, "million": 1e6, "thousand": 1e3}


def _in_own_scale(quantity: Quantity) -> Quantity:
    """A sum of money in the sentence's own scale, as the labelling guide writes a rule: "$1.9 trillion" is 1.9
    "trillion USD", "£2.5bn" 2.5 "billion GBP" (``find_quantities`` gives the scaled sum, 1.9e12 USD)."""
    scales = list(_MONEY_SCALE.finditer(quantity.words)) if quantity.unit in _MONEY else []
    if not scales:
        return quantity
    # the largest scale word said: "one trillion two hundred billion dollars" in trillions, "four thousand million
    # dollars" in millions
    names = [_SCALE_NAMES.get(said, said) for m in scales if (said := (m.group("s") or m.group("w")).lower())]
    name = max(names, key=_SCALE_FACTORS.__getitem__)
    factor = _SCALE_FACTORS[name]
    low = quantity.low / factor if quantity.low is not None else None
    high = quantity.high / factor if quantity.high is not None else None
    unit = f"{name} {quantity.unit}"
    return replace(quantity, value=round(quantity.value / factor, 12), unit=unit, low=low, high=high)


def _point(quantity: Quantity, words: str, metric: str | None, *, value: float | None = None, **kw: bool) -> Threshold:
    """A point forecast (or a signed change) read as the band around it (``_band``)."""
    said = quantity.value if value is None else value
    low, high = _band(said, quantity.unit, quantity.words)
    return Threshold(">=", low, quantity.unit, words, low, high, metric, point=True, span=quantity.span, **kw)


# "to double its revenue": what doubles is the object after the verb, else the subject before it
_OBJECT = patterns.compile(
    r"\s+(?:(?:its|their|the|our|his|her|this|that)\s+)?(?P<np>(?!(?:by|in|to|over|within|from|and|or|at|on|next|"
    r"this|last|again|during|before|after)\b)[a-z][\w-]*(?:\s+(?!(?:by|in|to|over|within|from|and|or|at|on|next|"
    r"this|during|before|after)\b)[a-z][\w-]*)?)",
    re.I,
)


def _multiple(sentence: str, quantity: Quantity) -> Threshold:
    """A multiple ("double", "halve", "tenfold"; ``numbers.MULTIPLES``) in "times", as the labelling guide writes it:
    "will double" is about 2 times (a band), "more than double" more than 2 times, "at least triple" at least 3,
    "halve" about 0.5. It is a change on its base (``change``: the base period is to be set, and a level it leads to,
    "double to 10 million", is the rule)."""
    start, end = quantity.span
    head = sentence[max(0, start - 30) : start]
    obj = _OBJECT.match(sentence, end)
    named = obj.group("np") if obj else _metric(sentence, quantity)
    metric = f"multiple of {named}" if named else "multiple"
    words = quantity.words
    if re.match(r"\w+ed\b", words) and not re.search(r"\b(?:have|has|had|be|been)\s+$", head, re.I):
        return Threshold(None, quantity.value, "times", words, metric=metric, span=quantity.span)  # "profits doubled"
    compared = _op_before(sentence, start)
    said = re.sub(r"^to\s+", "", compared[1], flags=re.I) if compared is not None else ""
    if compared is not None and not compared[2] and _SIZE_WORDS.fullmatch(said):
        words = f"{said} {words}"  # "more than double", "(to) at least triple", "up to double"
        return Threshold(compared[0], quantity.value, "times", words, metric=metric, span=quantity.span, change=True)
    return _point(quantity, words, metric, change=True)


_DIGITS = patterns.compile(DIGIT_RATE, re.I)
# what is said to run at double digits, when it is a fall: "double-digit declines", "a double-digit drop in sales"
_FALL_AFTER = patterns.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:declines?|drops?|falls?|losses|contractions?|decreases?|cuts?|reductions?)\b", re.I
)


def _digits(sentence: str, quantity: Quantity) -> Threshold:
    """A rate said by its digits (the labelling guide: "double-digit" growth is ``>=`` 10 %): double digits are at
    least 10, single digits under 10; of a fall ("double-digit declines") the signed change, at most -10 or above
    -10."""
    double = "double" in quantity.words.lower()
    if _FALL_AFTER.match(sentence, quantity.span[1]):
        op = "<=" if double else ">"
        return Threshold(op, -10.0, "%", quantity.words, metric="change", span=quantity.span, change=True)
    metric = _metric(sentence, quantity)
    return Threshold(">=" if double else "<", 10.0, "%", quantity.words, metric=metric, span=quantity.span)


def _reading(sentence: str, quantity: Quantity) -> Threshold:
    """What one number proposes: a comparison, a band around a level or a change, or nothing (op None)."""
    start, end = quantity.span
    if quantity.unit == "%" and _DIGITS.fullmatch(quantity.words):
        return _digits(sentence, quantity)
    if quantity.unit == "times" and re.fullmatch(
        r"(?:doubl|tripl|quadrupl|halv|cuts?\s|falls?\s|drops?\s|shrinks?\s)"
        r"[\w\s]*|[\w.]+[- ]?fold",
        quantity.words,
        re.I,
    ):
        return _multiple(sentence, quantity)
    metric = _metric(sentence, quantity)
    compared = _op_before(sentence, start)
    beyond = _OR_BEYOND.match(sentence[end:])
    head = sentence[max(0, start - 100) : start]
    if quantity.low is not None and quantity.high is not None:
        words = f"{compared[1]} {quantity.words}" if compared else quantity.words
        # a range of rates or amounts is a band; of counts "at least" its low end ("capabilities in 3-5 critical
        # domains"), unless a forecaster gives it ("an outlook of 11 to 17 named storms": its interval)
        rate = quantity.unit is not None and (not quantity.count or _FORECASTER.search(sentence) is not None)
        low, high = quantity.low, quantity.high
        change = _CHANGE.search(head) if compared is None and rate else None
        if change is not None:  # "fall 5% to 10%": the band of the signed change, -10 to -5
            verb = change.group("verb") or change.group("direct") or change.group("updown") or change.group("noun")
            if _FALLING.match(verb):
                low, high = -high, -low
            words = f"{change.group(0).strip()} {quantity.words}"
            metric = f"change in {metric}" if metric else "change"
        return Threshold(
            ">=",
            low,
            quantity.unit,
            words,
            low,
            high,
            metric,
            point=rate,
            span=quantity.span,
            range=True,
            change=change is not None,
        )
    if compared is None and beyond is not None:
        op = "<=" if beyond.group("le") else ">="
        words = f"{quantity.words}{beyond.group(0)}"
        return Threshold(op, quantity.value, quantity.unit, words, metric=metric, span=quantity.span)
    if compared is not None:
        words = f"{compared[1]} {quantity.words}"
        # "rise to $51/MWh", "reach 16.3 Bcf/d", "hit 5 percent": a level, not a bound
        moved = re.search(r"\bto$|^(?:reach|hit)", compared[1], re.I) is not None
        if moved and re.fullmatch(r"up\s+to", compared[1], re.I) and not _MOVES_UP.search(head):
            moved = False  # "could destroy up to half", "be up to four times": a bound; "move up to 2 percent": a move
        if compared[2] and not moved:
            # "fall by just under 1%": the size of a change, softened to a point: the band of the signed change
            lead = _SOFTENED.sub("", head[: head.lower().rfind(compared[1].lower())])
            change = _CHANGE.search(lead) if quantity.unit != "times" else None
            if change is not None:
                verb = change.group("verb") or change.group("direct") or change.group("updown") or change.group("noun")
                signed = -quantity.value if _FALLING.match(verb) else quantity.value
                change_metric = f"change in {metric}" if metric else "change"
                said = f"{head[change.start() :].strip()} {quantity.words}"  # "fall by just under 1%"
                return _point(quantity, said, change_metric, value=signed, change=True)
        reached = re.match(r"(?:reach|hit)", compared[1], re.I) is not None and _is_price(quantity.unit)
        if reached and _COULD_REACH.search(head[: head.lower().rfind(compared[1].lower())]):
            # "oil could hit $60 a barrel": a price level that may be reached is at least that level (the labelling
            # guide); a count that "could reach" a number stays a point ("deaths could reach seventeen million")
            return Threshold(">=", quantity.value, quantity.unit, words, metric=metric, span=quantity.span)
        if moved or compared[2]:
            return _point(quantity, words, metric, moved=moved)
        sized = _SIZE_BOUND.search(head) if _SIZE_WORDS.fullmatch(compared[1]) else None
        if sized is not None and sized.group("words").lower() == compared[1].lower():
            # "fall by more than 10 percent": a bound on the signed change, below -10
            falling = _FALLING.match(sized.group("verb") or sized.group("noun")) is not None
            op = _MIRRORED[compared[0]] if falling else compared[0]
            value = -quantity.value if falling else quantity.value
            change_metric = f"change in {metric}" if metric else "change"
            return Threshold(op, value, quantity.unit, words, metric=change_metric, span=quantity.span, change=True)
        return Threshold(compared[0], quantity.value, quantity.unit, words, metric=metric, span=quantity.span)
    # a multiple is of the figure it names, not a change: "rise three times as fast", "three times higher than"
    multiple = quantity.unit == "times"
    change = _CHANGE.search(head) if not multiple else None
    after = _CHANGE_AFTER.match(sentence[end:]) if quantity.unit is not None and not multiple else None
    if change is not None or after is not None:
        if change is not None:
            verb = change.group("verb") or change.group("direct") or change.group("updown") or change.group("noun")
            falling = _FALLING.match(verb) is not None
            words = f"{change.group(0).strip()} {quantity.words}"
        else:
            assert after is not None
            falling = after.group("down") is not None
            words = f"{quantity.words}{after.group(0)}"
        change_metric = f"change in {metric}" if metric else "change"
        if change is not None and change.group("what"):  # "a decline in output of 1/2 percent"
            change_metric = f"change in {change.group('what')}"
        signed = -quantity.value if falling else quantity.value
        return _point(quantity, words, change_metric, value=signed, change=True)
    if _POINT.search(head[-60:]) or metric is not None or _SHARE_WORDS.match(quantity.words) or quantity.unit:
        return _point(quantity, quantity.words, metric)  # an amount with a unit and no comparison: a level
    return Threshold(None, quantity.value, quantity.unit, quantity.words, metric=metric, span=quantity.span)


def _is_price(unit: str | None) -> bool:
    """A currency or a price per unit ("USD", "billion GBP", "USD per barrel", "pence per litre")."""
    if unit is None:
        return False
    money = unit.split(" per ")[0].split()[-1]
    return money in {"USD", "EUR", "GBP", "JPY", "CNY", "CAD", "AUD", "CHF", "INR", "pence", "cents"}


# a level said to be possible: "could hit", "might reach", "may even reach" (right before the comparator's verb)
_COULD_REACH = patterns.compile(r"\b(?:could|might|may)\s+(?:even\s+|well\s+|eventually\s+|soon\s+)?$", re.I)
# A number right after a verb in the past: what happened, not what is predicted ("rose by 64 percent").
_HAPPENED = patterns.compile(
    r"\b(?:rose|fell|grew|was|were|jumped|dropped|declined|increased|decreased|climbed|slid|surged|gained|averaged|"
    r"totaled|totalled|reached|hit|soared|plunged|tumbled|slipped|shrank|contracted|expanded|(?:edged|ticked|went|moved)"
    r"\s+(?:up|down))\s+(?:by\s+)?(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|some\s+|just\s+|"
    r"an?\s+(?:estimated\s+)?)?"
    # and the level it led to: "rose 5p to 245p", "fell 2% to $40"
    r"(?:[$£€]?\d[\d.,]*\s?(?:p|%|pence|cents?|percent|per\s?cent|points?|bn|m|billion|million)?\s+to\s+)?$",
    re.I,
)
# what a change is measured against when it is a revision of a forecast: "from the earlier plan", "from last
# month", "than forecast in June", "compared with our previous projection"
_REVISION_BASE = patterns.compile(
    r"[^,;.]{0,25}?\b(?:from|than|compared\s+(?:with|to)|relative\s+to|versus|below|above|under|over)\s+"
    r"(?:(?:the|our|its|their|this|that)\s+)?"
    r"(?:(?:earlier|previous|prior|original|initial|last\s+month['’]s|last\s+year['’]s|january|february|march|april|"
    r"may|june|july|august|september|october|november|december)\s+)?(?:plans?|forecasts?|estimates?|projections?|"
    r"outlooks?|expectations?|guidance|budgets?)\b|[^,;.]{0,25}?\bfrom\s+(?:a\s+|one\s+)?(?:last|a)\s+month\b",
    re.I,
)
# the forecasters or models a share counts: "half of the statistical and coupled model forecasts", "two-thirds of the
# economists surveyed"
_OF_FORECASTERS = patterns.compile(
    r"(?:(?<=\bof)|\s+of)\s+(?:the\s+|all\s+|those\s+|these\s+)?(?:[\w-]+\s+){0,4}?(?:forecasts|forecasters|models|"
    r"economists|analysts|respondents|participants|experts|panel(?:l)?ists)\b",
    re.I,
)
# a gap in points from another figure: "1/2 percentage point more growth", "3/4 of a point lower than the Greenbook"
_GAP_AFTER = patterns.compile(
    r"\s+(?:[a-z]+\s+)?(?:more|less|higher|lower|above|below|faster|slower|greater|smaller)\b", re.I
)
_AVERAGE_BEFORE = patterns.compile(r"\baverag(?:e|es|ed|ing)\s+(?:of\s+|about\s+|around\s+|roughly\s+)*$", re.I)
# a named year right after a number's words: "7.3 percent of GDP in 2055", "$2.1 trillion by fiscal year 2034"
_DATED_AFTER = patterns.compile(
    r"[^,;.—–]{0,40}?\b(?:in|by)\s+(?:(?:fiscal|calendar)\s+(?:year\s+)?)?(?:19|20)\d\d\b", re.I
)
# ... and "and" that opens a clause of its own ("The 2025/26 range is narrowed to $6.65-$6.75 and the projected range
# for 2026/27 is ..."): what it joins to the prediction is no part of it
_CLAUSE_BREAK = patterns.compile(
    r"[,;:–—(]|\b(?:where|while|which|whereas|but)\b|\band\s+(?:the|its|their|this|that|these|those)\b", re.I
)


def find_threshold(
    sentence: str, *, skip: list[tuple[int, int]] | tuple[()] = (), due: tuple[int, int] | None = None
) -> Threshold | None:
    """The number the sentence turns on, among those with a comparison or a band:

    - the ones the prediction makes: a number in a clause of its own before the first forecasting word ("This 8%
      rise ..., where we forecast ... will increase 45%") gives way to those after it;
    - an amount with a unit before a bare count ("the 11 regional prices ... will be $47 per MWh");
    - the first of those; but a change followed by the level it leads to ("fall by 3% to 509 MMst", "go up a quarter
      of a point, to a range between 1.5 and 1.75 percent") gives way to the level;
    - with ``due``, the span of the words the deadline was read from, a later figure of the same kind dated by those
      words ("2.8 percent this year, 2.4 percent next year and 2.1 percent in 2027", due "in 2027": 2.1), so that
      the rule and the deadline are of one period.

    With no comparison or band anywhere, the first number (op None)."""
    found = find_thresholds(sentence, skip=skip)
    ruled = [t for t in found if t.op is not None]
    if not ruled:
        return found[0] if found else None
    choice = _turned_on(sentence, ruled)
    return _of_the_period(sentence, ruled, choice, due) if due is not None else choice


# the words between a figure and the period it is for: "2.1 percent in 2027", "$78 per barrel in 2027", "118 percent
# of GDP by 2035" (no other number, and no clause break)
_TO_ITS_PERIOD = patterns.compile(r"[^\d,;:.()—–]{0,40}")
# a clause of its own between two figures: "growth of 2% in 2026, while unemployment will be 4.5% in 2027"
_OTHER_CLAUSE = patterns.compile(r";|\b(?:while|whereas|but|although|though)\b", re.I)


def _of_the_period(sentence: str, ruled: list[Threshold], choice: Threshold, due: tuple[int, int]) -> Threshold:
    """The figure of the deadline's period: the one right before the deadline's words, when it comes after the
    choice and is of its kind (the same unit, a change or a level alike); else the choice."""
    owners = [t for t in ruled if t.span[1] <= due[0] and _TO_ITS_PERIOD.fullmatch(sentence, t.span[1], due[0])]
    if not owners:
        return choice
    owner = owners[-1]
    if (
        owner.span[0] <= choice.span[0]
        or owner.unit != choice.unit
        or owner.change != choice.change
        or _OTHER_CLAUSE.search(sentence, choice.span[1], owner.span[0])
    ):
        return choice
    return owner


def _turned_on(sentence: str, ruled: list[Threshold]) -> Threshold:
    """The choice of ``find_threshold`` among the numbers with a comparison or a band."""
    cue = _PREDICTS.search(sentence)
    if cue is not None:
        made = [
            t for t in ruled if t.span[0] >= cue.start() or not _CLAUSE_BREAK.search(sentence[t.span[1] : cue.start()])
        ]
        if any(t.span[0] >= cue.start() for t in made):
            # "Prices rose 5 percent in 2024 and are expected to rise 3 percent": what happened gives way
            made = [t for t in made if t.span[0] >= cue.start() or not _HAPPENED.search(sentence, 0, t.span[0])]
        ruled = made or ruled
    # a measured amount before a count of things named freely ("the 11 regional prices ... will be $47 per MWh")
    ruled = [t for t in ruled if t.unit is not None and not t.count] or [t for t in ruled if t.unit] or ruled
    # an interval's limits ("the lower and upper limits of the 95% confidence interval ... at $34/bbl and $76/bbl") are
    # the forecast; the level they are drawn around ("futures averaged $51/bbl") is the market's present
    limits = [t for t in ruled if t.range and INTERVAL_LIMITS.search(sentence, max(0, t.span[0] - 160), t.span[0])]
    ruled = limits + [t for t in ruled if t not in limits]
    if len(ruled) > 1 and ruled[0].change and _REVISION_BASE.match(sentence, ruled[0].span[1]):
        # "down 10 percent from the earlier plan but still up 10 percent over the previous fiscal year": the change
        # against the earlier forecast is a revision; the forecast is the other number
        others = [t for t in ruled[1:] if not _REVISION_BASE.match(sentence, t.span[1])]
        ruled = others + [ruled[0]] if others else ruled
    polled = [t for t in ruled if t.unit == "%" and _OF_FORECASTERS.match(sentence, t.span[1])]
    if polled and len(polled) < len(ruled):
        # "half of the model forecasts indicate ... anomalies between -0.5°C and +0.5°C": the share of those who say
        # it gives way to what they say
        ruled = [t for t in ruled if t not in polled] + polled
    gaps = [t for t in ruled if t.unit == "pp" and _GAP_AFTER.match(sentence, t.span[1])]
    if gaps and any(t.unit == "%" and t not in gaps for t in ruled):
        # "a 3 percent rise in the CPI, which is about 3/4 of a point lower than the Greenbook": the gap from another
        # forecast gives way to the level forecast
        ruled = [t for t in ruled if t not in gaps] + gaps
    choice = ruled[0]
    if _AVERAGE_BEFORE.search(sentence, max(0, choice.span[0] - 30), choice.span[0]) and not _DATED_AFTER.match(
        sentence, choice.span[1]
    ):
        # "averaging 6.3 percent of GDP over the period ... and reaching 7.3 percent of GDP in 2055": the level in the
        # named year is what a reviewer can check; an average given with its own year ("averaging 2.1% in 2025,
        # 1.7% in 2026") stays
        dated = [t for t in ruled[1:] if not t.change and _DATED_AFTER.match(sentence, t.span[1])]
        if dated:
            return dated[0]
    for later in ruled[1:]:
        between = sentence[choice.span[1] : later.span[0]]
        # "to" as a word, not inside "stocks-to-use" or "debt-to-GDP"
        if later.change or len(between) > 60 or ";" in between or not re.search(r"(?<![\w-])to(?![\w-])", between):
            continue
        if choice.change:
            return later
        if later.moved and not choice.moved and not re.search(r"\band\b|,", between):
            return later  # "lift its policy rate 25 basis points to 3.75%": the level the verb moves it to
    return choice
