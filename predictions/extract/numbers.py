"""Quantities in a sentence: "$21bn", "3.6%", "0.25 percentage points", "€3 bn euros", "one in four", "at least one".

Written here rather than taken from quantulum3, which the extraction used to call: its unit guesser read "bn euros"
as bits times newtons, and it loads a machine-learning stack at import (a third of a second) for units this module
needs only a few of. The units read are the ones predictions turn on: percentages and percentage points, basis
points, currencies (symbols, codes and names), scale words (thousand, million, bn, trillion) and a short list of
physical units; any other number keeps ``unit=None``.

What is not a quantity: years (1900-2099 alone), quarters and halves ("Q3", "H1"), days of a date ("3 March"),
durations ("three years", "18 months": a window, not a threshold), ages ("aged 65", "over-65s", "18-year-olds",
"the retirement age of 67"), ordinals, and digits inside names ("M2", "G7", "COVID-19", "5G").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from word2number import w2n

_CURRENCY_SYMBOLS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "rmb": "CNY"}
_CURRENCY_CODES = {"usd", "eur", "gbp", "jpy", "cny", "chf", "cad", "aud", "inr"}
_CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "sterling": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
}
_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "trn": 1e12,
}
_UNIT_WORDS: list[tuple[str, str]] = [
    # "a 1/4 point increase": a point of a rate, as speakers say it; not "the index fell 200 points"
    (
        r"percentage\s+points?|pp|ppts?|pts?|points?(?=\s+(?:increase|rise|decline|decrease|drop|gain|higher|lower|"
        r"change|reduction|cut|hike|above|below|faster|slower|acceleration|deceleration)\b)",
        "pp",
    ),
    (r"basis\s+points?|bps?", "bp"),
    (r"%|per\s?cent|percent", "%"),
    (r"gigawatts?|gw", "GW"),
    (r"megawatts?|mw", "MW"),
    (r"terawatt[- ]hours?|twh", "TWh"),
    (r"gigawatt[- ]hours?|gwh", "GWh"),
    (r"(?:million\s+)?barrels?\s+(?:a|per)\s+day|b/d|bpd", "barrels per day"),
    (r"barrels?", "barrels"),
    (r"tonnes?|tons?|metric\s+tons?", "tonnes"),
    (r"bushels?|bu", "bushels"),
    (r"acres?", "acres"),
    (r"gallons?", "gallons"),
    (r"nm|nanometres?|nanometers?", "nm"),
    (r"degrees?(?:\s+(?:celsius|c))?|°c", "°C"),
]
_UNIT = "|".join(f"(?:{w})" for w, _ in _UNIT_WORDS)
_NUM = r"\d+(?:-|\s)\d/\d{1,2}(?![\d/])|(?<![\d/])\d/\d{1,2}(?![\d/])|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_QUANTITY = re.compile(
    r"(?<![\w.,/-])(?P<cur>US\$|\$|€|£|¥|(?:USD|EUR|GBP|JPY|CNY|RMB|CHF)\s?)?"
    rf"(?P<num>{_NUM})"
    rf"(?:\s*(?:-|–|to)\s*(?(cur)(?:US\$|\$|€|£|¥)?|)(?P<num2>{_NUM}))?"
    r"(?:\s*(?P<scale>trillion|billion|million|thousand|tn|trn|bn|mn|mln|[kmb])(?![a-z]))?"
    rf"(?:\s*(?P<unit>{_UNIT})(?![a-z]))?"
    r"(?:\s+(?P<curword>(?:US\s+)?(?:dollars?|euros?|pounds?(?:\s+sterling)?|yen|yuan|renminbi)\b))?",
    re.I,
)
# "between 1-1/2 and 2 percent": a range whose unit (and scale) come after its second end
_BETWEEN = re.compile(
    rf"\bbetween\s+(?P<cur>US\$|\$|€|£|¥)?(?P<num>{_NUM})(?:\s*(?:{_UNIT})(?![a-z]))?\s+and\s+(?:US\$|\$|€|£|¥)?"
    rf"(?P<num2>{_NUM})(?:\s*(?P<scale>trillion|billion|million|thousand|tn|trn|bn|mn|mln))?"
    rf"(?:\s*(?P<unit>{_UNIT})(?![a-z]))?",
    re.I,
)
_NUMBER_WORD = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred"
)
_WORD_QUANTITY = re.compile(
    rf"\b(?P<words>(?:{_NUMBER_WORD})(?:[- ](?:{_NUMBER_WORD}))?)\b"
    r"(?:\s+(?P<scale>trillion|billion|million|thousand))?"
    rf"(?:\s+(?P<unit>{_UNIT})(?![a-z]))?",
    re.I,
)
_ONE_IN = re.compile(rf"\b(?P<a>one|two|three|\d)\s+(?:in|out\s+of)\s+(?P<b>(?:{_NUMBER_WORD})|\d+)\b", re.I)
_FRACTION = re.compile(
    r"\b(?P<f>half|a\s+third|one[- ]third|two[- ]thirds|a\s+quarter|one[- ]quarter|three[- ]quarters)\s+of\b", re.I
)
# "one-half percentage point", "a quarter point": a fraction of a point of a rate, as speakers say it
_POINT_FRACTION = re.compile(
    r"\b(?P<f>one[- ]half|a\s+half|half\s+a|one[- ]quarter|a\s+quarter|three[- ]quarters|one[- ]third|two[- ]thirds|"
    r"one[- ]eighth|an\s+eighth)(?:\s+of\s+a)?\s+(?P<unit>percentage[- ]points?|points?|percent|per\s?cent)\b",
    re.I,
)
_POINT_FRACTIONS = {"half": 0.5, "quarter": 0.25, "quarters": 0.75, "third": 1 / 3, "thirds": 2 / 3, "eighth": 0.125}
_FRACTIONS = {"half": 50.0, "third": 100 / 3, "thirds": 200 / 3, "quarter": 25.0, "quarters": 75.0}
_DURATION_AFTER = re.compile(r"^\s*(?:-|\s)?(?:years?|months?|quarters?|weeks?|days?|decades?|hours?)\b", re.I)
_AGE_AFTER = re.compile(r"^(?:\s*-?\s*years?[- ]olds?|s\b|\s*-?\s*plus\b|\+)", re.I)
_AGE_BEFORE = re.compile(
    r"(?:\bage[sd]?\s+(?:of\s+|between\s+|over\s+|under\s+|above\s+|below\s+)?|\bage\s+of\s+|over-|under-|"
    r"\b(?:older|younger)\s+than\s+|retirement\s+age\s+(?:of\s+|to\s+|at\s+)?)$",
    re.I,
)
_DATE_AROUND = re.compile(
    r"^\s*(?:st|nd|rd|th)?\s*(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I
)
_MONTH_BEFORE = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+$", re.I)
_LETTERS_AFTER = re.compile(r"^[a-z]", re.I)


@dataclass(frozen=True)
class Quantity:
    """A number read from the text: its value (scaled: "$21bn" is 21e9), unit, span and the words."""

    value: float
    unit: str | None
    span: tuple[int, int]
    words: str
    low: float | None = None
    high: float | None = None


def word_number(words: str) -> float | None:
    """The value of number words ("eighteen", "twenty five"), or None."""
    try:
        return float(w2n.word_to_num(words))
    except (ValueError, IndexError):
        return None


def _unit_name(said: str | None) -> str | None:
    if not said:
        return None
    if re.fullmatch(r"points?", said.strip(), re.I):
        return "pp"  # matched only before "increase", "rise", ... (the look-ahead in _UNIT_WORDS)
    for pattern, name in _UNIT_WORDS:
        if re.fullmatch(pattern, said.strip(), re.I):
            return name
    return None


def _number(text: str) -> float:
    mixed = re.fullmatch(r"(?:(\d+)(?:-|\s))?(\d)/(\d{1,2})", text)
    if mixed:  # "2-1/4": two and a quarter; "1/4": a quarter
        return int(mixed.group(1) or 0) + int(mixed.group(2)) / int(mixed.group(3))
    return float(text.replace(",", ""))


def _excluded(sentence: str, start: int, end: int, *, value: float, plain: bool) -> bool:
    before, after = sentence[max(0, start - 40) : start], sentence[end : end + 20]
    if plain and float(value).is_integer() and 1900 <= value <= 2099:
        return True  # a year
    if plain and (_DURATION_AFTER.match(after) or _AGE_AFTER.match(after) or _AGE_BEFORE.search(before)):
        return True
    if plain and (_DATE_AROUND.match(after) or (_MONTH_BEFORE.search(before) and value <= 31)):
        return True
    if plain and _LETTERS_AFTER.match(after):
        return True  # "5G", "7th"
    return bool(re.search(r"\b[QH]$", before))


def find_quantities(sentence: str) -> list[Quantity]:
    """Every quantity in ``sentence``, in order."""
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for m in _BETWEEN.finditer(sentence):
        if not (m.group("cur") or m.group("unit")) and re.fullmatch(r"(?:19|20)\d\d", m.group("num2")):
            continue  # "between 2025 and 2030": years, not a range of quantities
        factor = _SCALES.get((m.group("scale") or "").lower(), 1.0)
        first, second = _number(m.group("num")) * factor, _number(m.group("num2")) * factor
        named = _CURRENCY_SYMBOLS.get((m.group("cur") or "").lower()) or _unit_name(m.group("unit"))
        span = (m.start("num") - (len(m.group("cur")) if m.group("cur") else 0), m.end())
        taken.append(span)
        found.append(Quantity(first, named, span, sentence[span[0] : span[1]], first, second))
    for m in _QUANTITY.finditer(sentence):
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        cur = (m.group("cur") or "").strip().lower()
        scale = (m.group("scale") or "").lower()
        unit = _unit_name(m.group("unit"))
        curword = (m.group("curword") or "").lower().split()[-1] if m.group("curword") else ""
        currency = _CURRENCY_SYMBOLS.get(cur) or (cur.upper() if cur in _CURRENCY_CODES else None)
        currency = currency or _CURRENCY_WORDS.get(curword)
        if scale in ("m", "b", "k") and not currency and re.match(r"\s", sentence[m.end("num") : m.end("num") + 1]):
            scale = ""  # "5 m" is more often metres than millions; only "$5m" / "5m" stay millions
        start, end = m.start(), m.end()
        if scale == "" and m.group("scale"):
            end = m.end("num2") if m.group("num2") else m.end("num")
        value = _number(m.group("num"))
        plain = not (currency or scale or unit)
        if _excluded(sentence, start, end, value=value, plain=plain):
            continue
        factor = _SCALES.get(scale, 1.0)
        low = high = None
        if m.group("num2"):
            low, high = value * factor, _number(m.group("num2")) * factor
            if (
                not plain
                and m.group(0)[m.end("num") - start : m.start("num2") - start].strip() in ("-", "–")
                and high < low
            ):
                low = high = None
        taken.append((start, end))
        found.append(Quantity(value * factor, currency or unit, (start, end), sentence[start:end].strip(), low, high))

    def free(span: tuple[int, int]) -> bool:
        return not any(span[0] < e and s < span[1] for s, e in taken)

    for m in _POINT_FRACTION.finditer(sentence):
        if free(m.span()):
            word = re.split(r"[- \s]", m.group("f").lower())
            value = _POINT_FRACTIONS[word[-1] if word[-1] in _POINT_FRACTIONS else word[0]]
            unit = "pp" if re.match(r"percentage|point", m.group("unit"), re.I) else "%"
            taken.append(m.span())
            found.append(Quantity(value, unit, m.span(), m.group(0)))
    for m in _ONE_IN.finditer(sentence):
        a = word_number(m.group("a")) if not m.group("a").isdigit() else float(m.group("a"))
        b = word_number(m.group("b")) if not m.group("b").isdigit() else float(m.group("b"))
        if a and b and free(m.span()):
            taken.append(m.span())
            found.append(Quantity(100 * a / b, "%", m.span(), m.group(0)))
    for m in _FRACTION.finditer(sentence):
        if free(m.span()):
            taken.append(m.span())
            found.append(
                Quantity(_FRACTIONS[m.group("f").split()[-1].split("-")[-1].lower()], "%", m.span(), m.group(0))
            )
    for m in _WORD_QUANTITY.finditer(sentence):
        if not free(m.span()):
            continue
        said = word_number(m.group("words").replace("-", " "))
        if said is None:
            continue
        value = said
        after = sentence[m.end() : m.end() + 20]
        if _DURATION_AFTER.match(after) or _AGE_AFTER.match(after) or re.match(r"\s+(?:of|in|out)\b", after):
            continue  # "three years", "one of the", "one in four" (read above)
        scale = (m.group("scale") or "").lower()
        taken.append(m.span())
        found.append(
            Quantity(value * _SCALES.get(scale, 1.0), _unit_name(m.group("unit")), m.span(), m.group(0), None, None)
        )
    return sorted(found, key=lambda q: q.span[0])
