"""The rule a number proposes: metric, comparison, threshold, unit, and, for a point forecast, a band.

Comparisons are read from the words before the number ("over 70%" is ``> 70``, "at least one" is ``>= 1``,
"will not exceed 3%" is ``<= 3``, "will not fall below 2%" is ``>= 2``), or after it ("2% or lower" is ``<= 2``).
"at or below 2 percent" is ``<= 2``, "well below the Committee's 2 percent objective" (or "its objective of 2
percent") ``< 2``, "overshoot 2
percent" ``> 2``. An amount moving to a level takes its direction: "rise / grow / climb to $21bn" is ``>= 21e9``,
"fall to 500 units" ``<= 500``; a rate (% or percentage points) moving to a level settles around it, so "ease to
2.5%" is the band below. A range ("3-5 critical domains", "between 3 and 4%") is read as at least its low end
when it counts things, and as the band between its ends when it is a rate (% or percentage points).

A **point forecast** ("growth of 3.6% in 2004", "inflation at 2.5%", "will be 3%", "around 4%") gives no
direction, so it is read as a band, flagged for review (``_band``): for a rate or share in % or percentage points,
±0.5 when written whole ("2%"), ±0.25 with one decimal ("3.6%"), ±0.1 with more, half the fraction's step
with a fraction ("2-1/4%": ±0.125); ±5% of the value otherwise. A rate with no comparison word and no named metric
("to rise 3 percent") is read as a band too, but only when the sentence has no better-supported number.
The proposed rule is ``>= low`` with ``high`` as the band's upper edge.

The metric is what the number measures: "70% of the domestic AI market" is "share of the domestic AI market",
"growth of 3.6%" is "growth", otherwise the subject of the clause ("Wage growth will not exceed 3.5%").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from predictions.extract.numbers import Quantity, find_quantities

MAX_NUMBERS = 12  # a sentence's first numbers: the rule is among them, and the work per sentence stays bounded
# Longest first: "no more than" must win over "more than".
_COMPARATORS: list[tuple[str, str]] = [
    (
        r"(?:will\s+not|won't|would\s+not|does\s+not|do\s+not|not\s+to|to\s+not|never|unlikely\s+to)\s+(?:exceed|surpass|"
        r"top|go\s+above|rise\s+above|climb\s+above|be\s+more\s+than|be\s+above|be\s+over|reach|hit)",
        "<=",
    ),
    (
        r"(?:will\s+not|won't|would\s+not|not\s+to|never|unlikely\s+to)\s+(?:fall|drop|dip|go|slip|be)\s+(?:below|under|"
        r"less\s+than)",
        ">=",
    ),
    (
        r"at\s+or\s+(?:below|under|beneath)|no\s+more\s+than|not\s+more\s+than|at\s+most|up\s+to|a\s+maximum\s+of|no\s+higher\s+than|capped\s+at",
        "<=",
    ),
    (
        r"at\s+or\s+(?:above|over)|no\s+less\s+than|no\s+fewer\s+than|not\s+less\s+than|at\s+least|a\s+minimum\s+of|no\s+lower\s+than",
        ">=",
    ),
    (
        r"more\s+than|over|above|exceeds?|exceeding|surpass(?:es|ing)?|greater\s+than|in\s+excess\s+of|beyond|"
        r"higher\s+than|top(?:s|ping)?|upwards\s+of|overshoot(?:s|ing)?",
        ">",
    ),
    (r"less\s+than|fewer\s+than|below|under|lower\s+than|beneath|undershoot(?:s|ing)?|short\s+of", "<"),
    (
        r"(?:reach|hit|rise|climb|grow|increase|jump|surge|soar|swell|expand|double|rebound|recover|widen|"
        r"accelerate|pick\s+up|raise|lift|boost|push)(?:s|es|ed|ing)?\s+(?:[\w'’-]+\s+){0,8}?to|reach(?:es|ing)?|hit(?:s|ting)?|to\s+at\s+least",
        ">=",
    ),
    (
        r"(?:fall|drop|decline|shrink|ease|slow|slip|dip|sink|narrow|contract|cool|moderate|decelerate|cut|"
        r"reduce|lower)(?:s|es|ed|ing|en)?\s+(?:[\w'’-]+\s+){0,8}?to",
        "<=",
    ),
]
# "below the Committee's 2 percent objective": the number may follow a possessive and a few adjectives.
_POSSESSOR = (
    r"(?:(?:the|its|their|our|his|her)\s+)?(?:[\w.-]+['’]s?\s+)?(?:(?:symmetric|longer-run|long-run|stated|official|"
    r"annual|medium-term|inflation|policy)\s+)*"
    r"(?:(?:objective|target|goal|mandate|ceiling|floor)\s+of\s+)?"  # "below the Committee's objective of 2 percent"
)
_COMPARATOR = re.compile(
    r"\b(?P<words>"
    + "|".join(f"(?P<c{i}>{words})" for i, (words, _) in enumerate(_COMPARATORS))
    + r")\s*(?:of\s+)?"
    + _POSSESSOR
    + "$",
    re.I,
)
_OR_BEYOND = re.compile(
    r"^\s*(?:or\s+(?P<le>lower|less|below|fewer|under|smaller)|or\s+(?P<ge>higher|more|above|over|greater|larger))\b",
    re.I,
)
_CHANGE = re.compile(
    r"\b(?P<verb>(?:rise|climb|grow|increase|jump|gain|expand|fall|drop|decline|shrink|contract|slip|lose|cut|"
    r"reduce|lower)(?:s|es|ed|ing|n)?)\s+(?:\w+\s+){0,3}?by\s+(?:about\s+|around\s+|roughly\s+|some\s+)?$",
    re.I,
)
_POINT = re.compile(
    r"(?:\b(?:of|at|be|is|are|to\s+be|was|were|around|about|roughly|approximately|some|near|nearly|close\s+to|"
    r"average|averaging|averaged|averages|total|totaling|totalling)\s+"
    r"(?:an?\s+)?(?:annual\s+|annualised\s+|annualized\s+|average\s+)?(?:rate\s+of\s+)?" + _POSSESSOR + r"$|^\s*$)",
    re.I,
)
_FALLING = re.compile(r"^(?:fall|drop|decline|shrink|contract|slip|lose|cut|reduce|lower)", re.I)
_OF_NP = re.compile(
    r"^\s+of\s+(?P<np>(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,6}?[\w'’-]+)(?=\s*(?:[,.;)]|$|\s+(?:by|in|to|and|which|that|for|from|over|within|during|before|at|on|will|would|could|"
    r"should|may|might|is|are|was|were|plans?|expects?)\b))",
    re.I,
)
_METRIC_BEFORE = re.compile(
    r"(?P<np>(?:[\w'’-]+\s+){0,4}?(?:growth|inflation|rate|rates|unemployment|deficit|debt|revenue|revenues|sales|"
    r"prices?|output|demand|supply|production|share|yield|yields|spread|gdp|income|spending|investment|exports?|"
    r"imports?|earnings|profit|profits|capacity|emissions|costs?|wages?|jobs|employment|payrolls|index|level|"
    r"value|volume|consumption|population|margin|ratio|balance|reserves|deposits|loans|lending|credit))"
    r"\s+(?:of|at|to|will|would|could|should|may|might|is|are|was|were|be|grew|rose|fell|reached|hit)\b[^.;]*$",
    re.I,
)
_NOUN_AFTER = re.compile(
    r"^\s+(?P<np>(?!(?:of|in|to|by|and|or|per|from|for|at|on|the|a|an)\b)[a-z][\w-]*(?:\s+(?!(?:of|in|to|by|and|or|"
    r"per|from|for|at|on|that|which|will|would|could|should|may|might|is|are|was|were)\b)[a-z][\w-]*){0,3})",
    re.I,
)
_VERB_IN_NP = re.compile(
    r"\b(?:forecasts?|expects?|sees|projects?|predicts?|estimates?|anticipates?|said|says|see|expected|predicted|"
    r"projected|forecasted|reported|showed|shows|look\s+for|looks\s+for)\b",
    re.I,
)
_SHARE_WORDS = re.compile(
    r"^(?:half|a\s+third|one[- ]third|two[- ]thirds|a\s+quarter|one[- ]quarter|three[- ]quarters"
    r"|\w+\s+(?:in|out\s+of)\s+\w+)",
    re.I,
)  # "half of all music", "one in four firms"
_RATE_AFTER = re.compile(
    r"^\s+(?P<np>(?:(?:annual|annualised|annualized|economic|GDP|real|core|headline|wage|price|earnings|sales|"
    r"revenue|job|employment|output|export|import)\s+){0,2}(?:growth|inflation|unemployment|rise|increase|fall|"
    r"decline|drop|gain|return|yield|interest\s+rate|rate))\b",
    re.I,
)
_STOP_HEAD = re.compile(
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
    guessed: bool = False  # a band around a rate that no comparison word or named metric supports


def _op_before(sentence: str, start: int) -> tuple[str, str] | None:
    head = sentence[max(0, start - 80) : start]
    match = _COMPARATOR.search(head)
    if match is None:
        return None
    index = next(i for i in range(len(_COMPARATORS)) if match.group(f"c{i}") is not None)
    return _COMPARATORS[index][1], match.group("words")


def _metric(sentence: str, quantity: Quantity) -> str | None:
    start, end = quantity.span
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
    """The band around a point forecast: for a rate, half a point when written whole ("2%"), a quarter with one
    decimal ("3.6%"), a tenth with more ("0.25%"), half the step of a fraction ("2-1/4%"); 5% of the value
    otherwise."""
    if unit in ("%", "pp"):
        decimals = re.search(r"\.(\d+)", written)
        fraction = re.search(r"\d/(\d{1,2})", written)
        width = 0.5 if decimals is None else 0.25 if len(decimals.group(1)) == 1 else 0.1
        if fraction is not None and int(fraction.group(1)) > 0:
            width = 0.5 / int(fraction.group(1))  # "2-1/4%": half a quarter point either side
        elif abs(value) < 5 and re.search(r"half|quarter|third|eighth", written, re.I):
            width = abs(value) / 2  # "a quarter point": an eighth either side
    else:
        width = abs(value) * 0.05
    return round(value - width, 10), round(value + width, 10)


def find_thresholds(sentence: str, *, skip: list[tuple[int, int]] | tuple[()] = ()) -> list[Threshold]:
    """Every number in ``sentence`` read as a proposed rule (op None when no comparison or band applies)."""
    found = []
    quantities = find_quantities(sentence)[:MAX_NUMBERS]
    for index, quantity in enumerate(quantities):
        start, end = quantity.span
        if any(start < e and s < end for s, e in skip):
            continue
        if re.search(r"\bfrom\s+(?:about\s+|around\s+)?$", sentence[max(0, start - 20) : start], re.I) and any(
            re.search(r"\bto\s+(?:about\s+|around\s+)?$", sentence[max(0, q.span[0] - 20) : q.span[0]], re.I)
            for q in quantities[index + 1 :]
        ):
            continue  # "slow from 2.9 percent this year to 2.3 percent next year": the level it goes to
        metric = _metric(sentence, quantity)
        compared = _op_before(sentence, start)
        beyond = _OR_BEYOND.match(sentence[end:])
        head = sentence[max(0, start - 60) : start]
        if quantity.low is not None and quantity.high is not None:
            words = f"{compared[1]} {quantity.words}" if compared else quantity.words
            rate = quantity.unit in ("%", "pp")  # a range of rates is a band; a range of counts "at least" its low end
            low, high = quantity.low, quantity.high
            found.append(
                Threshold(
                    ">=", low, quantity.unit, words, low, high, metric, point=rate, span=quantity.span, range=True
                )
            )
            continue
        if compared is None and beyond is not None:
            op = "<=" if beyond.group("le") else ">="
            found.append(
                Threshold(
                    op,
                    quantity.value,
                    quantity.unit,
                    f"{quantity.words}{beyond.group(0)}",
                    metric=metric,
                    span=quantity.span,
                )
            )
            continue
        if compared is not None and quantity.unit in ("%", "pp") and re.search(r"\bto$", compared[1], re.I):
            low, high = _band(
                quantity.value, quantity.unit, quantity.words
            )  # a rate moving to a level settles around it
            words = f"{compared[1]} {quantity.words}"
            found.append(Threshold(">=", low, quantity.unit, words, low, high, metric, point=True, span=quantity.span))
            continue
        if compared is not None:
            words = f"{compared[1]} {quantity.words}"
            moved = re.search(r"\bto$", compared[1], re.I) is not None  # "rise to $21bn": a direction, not a bound
            found.append(
                Threshold(
                    compared[0], quantity.value, quantity.unit, words, metric=metric, span=quantity.span, moved=moved
                )
            )
            continue
        change = _CHANGE.search(head)
        if change is not None:
            falling = _FALLING.match(change.group("verb")) is not None
            op, value = ("<=", -quantity.value) if falling else (">=", quantity.value)
            change_metric = f"change in {metric}" if metric else "change"
            found.append(
                Threshold(
                    op,
                    value,
                    quantity.unit,
                    f"{change.group(0).strip()} {quantity.words}",
                    metric=change_metric,
                    change=True,
                    span=quantity.span,
                )
            )
            continue
        # a rate in a prediction with no comparison word is a point forecast, whether or not its metric is named
        supported = _POINT.search(head) or metric is not None or _SHARE_WORDS.match(quantity.words)
        if supported or quantity.unit in ("%", "pp"):
            low, high = _band(quantity.value, quantity.unit, quantity.words)
            found.append(
                Threshold(
                    ">=",
                    low,
                    quantity.unit,
                    quantity.words,
                    low,
                    high,
                    metric,
                    point=True,
                    span=quantity.span,
                    guessed=not supported,
                )
            )
            continue
        found.append(Threshold(None, quantity.value, quantity.unit, quantity.words, metric=metric, span=quantity.span))
    return found


def find_threshold(sentence: str, *, skip: list[tuple[int, int]] | tuple[()] = ()) -> Threshold | None:
    """The number the sentence turns on: the first with a comparison or a band (a guessed band only when there is no
    other), else the first number."""
    found = find_thresholds(sentence, skip=skip)
    ruled = [t for t in found if t.op is not None]
    return next((t for t in ruled if not t.guessed), ruled[0] if ruled else found[0] if found else None)
