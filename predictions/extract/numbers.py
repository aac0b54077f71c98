"""Quantities in a sentence: "$21bn", "3.6%", "0.25 percentage points", "€3 bn euros", "one in four", "at least one".

Written here rather than taken from quantulum3, which the extraction used to call: its unit guesser read "bn euros"
as bits times newtons, and it loads a machine-learning stack at import (a third of a second) for units this module
needs only a few of (pint was not taken either: it knows no industry spellings such as MMst, Bcf/d or "$/b", and
costs start-up time the CLI cannot spend). The units read are the ones predictions turn on: percentages and
percentage points, basis points, currencies (symbols, codes and names, US cents, pence: "5p", "10 pence"), scale
words (thousand, million, bn, trillion), prices per unit ("$54 per barrel", "$4.00/MMBtu", "5p a litre": "USD per
barrel", "USD per MMBtu", "pence per litre") and the physical units of energy and farm outlooks, spelt as the
labelling guide of tests/predictions/extract_dev writes them; any other number keeps ``unit=None``. A physical
amount keeps its scale word in the unit ("14.9 billion cubic feet per day" is 14.9 "billion cubic feet per day"); a
currency amount is scaled ("$21bn" is 21e9; a proposed rule gives it back in the sentence's scale, 21 "billion USD":
``thresholds._in_own_scale``). Numbers in words are read, in the largest scale word said ("seven thousand two
hundred million" is 7200 million, "four thousand million" 4000 million), with decimals ("two-point-one percent"),
fractions ("two and a quarter percent", "2½ percent"), multiples of an earlier figure ("three times the size": 3
"times"; "double", "halve", "tenfold": 2, 0.5, 10 "times"), "half the" as half of, and fractions of a point or a
percent ("one quarter of a percentage point" is 0.25 pp, "three-quarters of a percent" 0.75 %). A minus sign or
"minus" makes a number negative ("-0.5%"; not the hyphen of "COVID-19"). Ranges: "2-3%", "between 2 and 3 percent",
"2% to 3%", with signed ends ("+0.6 to +0.7 percent", "-0.2 to +0.1 percent", "between -1.5% and -0.5%"); but
"raised $0.20 to $14.20" is a change and the level it leads to, and "from 2% to 3%" a move. A bare "tons" is metric
tons (short tons are written so); "pounds" is a weight ("25.6 billion pounds"), sterling only in a text about the
UK.

What is not a quantity: years (1900-2099 alone), quarters and halves ("Q3", "H1"), days of a date ("3 March"),
durations ("three years", "18 months": a window, not a threshold), ages ("aged 65", "over-65s", "18-year-olds", "the
retirement age of 67"; but the number of an age statistic, "the median age ... will be 43", "life expectancy ...
85.6 years", is an amount in "years"), ordinals, digits inside names ("M2", "G7", "COVID-19", "5G"), numbers that
name a thing ("Trains 1-2", "Stage 3", "figure 2.A", "table 1"), tallies and scores that go down ("voted 7-2", "a
6–3 vote"), and the half of a period ("the first half of the year" is a time, not 50%).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from word2number import w2n

from predictions.extract import patterns

_CURRENCY_SYMBOLS = {
    "$": "USD",
    "us$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "rmb": "CNY",
    "c$": "CAD",
    "a$": "AUD",
    "hk$": "HKD",
    "s$": "SGD",
    "nz$": "NZD",
}
_CURRENCY_CODES = {"usd", "eur", "gbp", "jpy", "cny", "chf", "cad", "aud", "inr", "hkd", "sgd", "krw", "nzd"}
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
    "cent": "US cents",
    "cents": "US cents",
    "rupee": "INR",
    "rupees": "INR",
    "won": "KRW",
    "rouble": "RUB",
    "roubles": "RUB",
    "ruble": "RUB",
    "rubles": "RUB",
    "francs": "CHF",  # only as "Swiss francs" (``_QUANTITY_TAIL``)
}
# a dollar named by its country: "Canadian dollars" are CAD, not USD
_NAMED_DOLLARS = {"canadian": "CAD", "australian": "AUD", "hong kong": "HKD", "singapore": "SGD", "new zealand": "NZD"}
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
# Units, written out as the labelling guide spells them (tests/predictions/extract_dev/README.md): an amount of a
# physical unit keeps the sentence's own scale in the unit ("14.9 billion cubic feet per day" is 14.9
# "billion cubic feet per day", "509 MMst" is 509 "million short tons"); a currency amount is scaled ("$21bn" is
# 21e9 USD) and a price per unit is "USD per barrel". Longest first: "barrels per day" must win over "barrels".
_UNIT_WORDS: list[tuple[str, str]] = [
    # "3/4 of a point" (a fraction in digits of a point, as transcripts write it)
    (r"percentage[- ]points?|pp|ppts?|pts?|of\s+an?\s+(?:percentage[- ])?point", "pp"),
    (r"basis[- ]points?|bps?", "bp"),
    (r"%|per\s?cent|percent|pct|pc|of\s+an?\s+(?:per\s?cent|percent)(?!age)", "%"),  # "3.5pc" (UK, Indian press)
    (r"(?<!\D)p|pence", "pence"),  # "5p a litre", "10 pence" (a "p" only stuck to its number)
    (r"mmst", "million short tons"),
    (r"mmmt|mmt|(?-i:Mt)", "million metric tons"),  # "30.5 Mt" (megatonnes; a small "mt" is a metric ton)
    (r"(?-i:Gt)", "billion metric tons"),  # "36.5 Gt CO2" (gigatonnes)
    (r"mmb/d|mb/d|mmbpd", "million barrels per day"),
    (r"kb/d", "thousand barrels per day"),
    (r"bcf/d|bcfd", "billion cubic feet per day"),
    (r"bcf", "billion cubic feet"),
    (r"tcf", "trillion cubic feet"),
    (r"bcm", "billion cubic meters"),
    # energy in British thermal units: "678 quadrillion Btu", "472 quadrillion British thermal units (Btu)"
    (r"quadrillion\s+(?:british\s+thermal\s+units?(?:\s*\(btu\))?|btu)", "quadrillion Btu"),
    (r"british\s+thermal\s+units?(?:\s*\(btu\))?|btu", "Btu"),
    (r"gigawatts?|gw", "GW"),
    (r"megawatts?|mw", "MW"),
    (r"terawatt[- ]?hours?|twh", "TWh"),
    (r"gigawatt[- ]?hours?|gwh", "GWh"),
    (r"barrels?\s+(?:a|per)\s+day|b/d|bpd|bbl/d", "barrels per day"),
    (r"cubic\s+feet\s+(?:a|per)\s+day|cf/d", "cubic feet per day"),
    (r"cubic\s+feet", "cubic feet"),
    (r"cubic\s+met(?:er|re)s", "cubic meters"),
    (r"bushels?\s+(?:per|an|a)\s+acres?|bu/acre", "bushels per acre"),  # also misprinted: "bushel per acres"
    (r"pounds?\s+(?:per|an|a)\s+acre|lbs?/acre", "pounds per acre"),
    (r"jobs\s+(?:per|a)\s+month", "jobs per month"),
    (r"barrels?|bbl", "barrels"),
    (r"bushels?", "bushels"),
    (r"cwt|hundredweight", "cwt"),
    (r"short\s+tons?", "short tons"),
    (r"metric\s+tons?|tonnes?", "metric tons"),
    (r"tons?", "metric tons"),  # a bare "tons" of a world outlook is metric (US short tons are written so)
    (r"bales?", "bales"),
    (r"acres?", "acres"),
    (r"hectares?", "hectares"),
    (r"gallons?", "gallons"),
    (r"head(?=\s+of\s+(?:cattle|hogs|pigs|sheep|livestock)|\s*[,.;)]|$)", "head"),
    (r"nm|nanometres?|nanometers?", "nm"),
    (r"degrees?(?:\s+(?:celsius|c))?|°c", "°C"),
]
# Units whose amount keeps the sentence's scale word ("million short tons"); the others are rates or come scaled.
_SCALED_UNITS = {
    "barrels per day",
    "cubic feet per day",
    "cubic feet",
    "cubic meters",
    "barrels",
    "bushels",
    "cwt",
    "short tons",
    "metric tons",
    "tons",
    "bushels per acre",
    "pounds per acre",
    "bales",
    "acres",
    "hectares",
    "gallons",
    "head",
    "pounds",
    "Btu",
}
_SCALE_WORDS = {1e3: "thousand", 1e6: "million", 1e9: "billion", 1e12: "trillion"}
# What a price is per: "$54 per barrel (b)", "$4.00/MMBtu", "$47 per megawatthour", "$3.00 per gal".
_PER_UNITS: list[tuple[str, str]] = [
    (r"million\s+british\s+thermal\s+units?|mmbtu", "MMBtu"),
    (r"megawatt[- ]?hours?|mwh", "MWh"),
    (r"kilowatt[- ]?hours?|kwh", "kilowatthour"),  # "US cents per kilowatthour", as the labelling guide spells it
    (r"thousand\s+cubic\s+feet|mcf", "thousand cubic feet"),
    (r"barrels?|bbl|b", "barrel"),
    (r"gallons?|gal", "gallon"),
    (r"bushels?|bu", "bushel"),
    (r"cwt|hundredweight", "cwt"),
    (r"short\s+tons?", "short ton"),
    (r"metric\s+tons?|tonnes?|mt", "metric ton"),
    (r"tons?", "ton"),
    (r"pounds?|lbs?", "pound"),
    (r"(?:troy\s+)?ounces?|oz", "ounce"),
    (r"litres?|liters?", "litre"),  # "155p per litre", "$1.80 a liter"
]
_UNIT = "|".join(f"(?:{w})" for w, _ in _UNIT_WORDS)
_PER_UNIT = "|".join(f"(?:{w})" for w, _ in _PER_UNITS)
_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875}
_NUM = r"\d*[½¼¾⅓⅔⅛⅜⅝⅞]|" + (
    r"\d+(?:-|\s)\d/\d{1,2}(?![\d/])|(?<![\d/])\d/\d{1,2}(?![\d/])|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
)
# a minus sign is read ("-0.5%", "(−0.3%)"); a hyphen after a word or a number is not one ("COVID-19", "2024-25")
_QUANTITY_HEAD = (
    r"(?<![\w.,/])(?<![\w.,/][-−–])(?P<cur>US\$|(?:C|A|HK|S|NZ)\$|\$|€|£|¥|"
    r"(?:USD|EUR|GBP|JPY|CNY|RMB|CHF|CAD|AUD|INR|HKD|SGD|KRW)\s?)?"
    rf"(?P<num>{_NUM})"
)
_QUANTITY_TAIL = (
    r"(?:\s*(?P<scale>trillion|billion|million|thousand|tn|trn|bn|mn|mln|[kmb])(?![a-z]))?"
    rf"(?:(?:\s*|-)(?P<unit>{_UNIT})(?![a-z]))?"
    r"(?:\s+(?P<curword>(?:(?:U\.?S\.?|Canadian|Australian|Hong\s+Kong|Singapore|New\s+Zealand)\s+)?"
    r"(?:dollars?|euros?|pounds?(?:\s+sterling)?(?!\s+(?:per|an?)\s+acre)|yen|yuan|renminbi|cents?|rupees?|"
    r"roubles?|rubles?|Swiss\s+francs|(?<=illion\s)won)\b))?"
    rf"(?:\s*(?:per|/|an?)\s*(?P<per>{_PER_UNIT})(?![a-z]))?"
)
_QUANTITY = patterns.compile(
    _QUANTITY_HEAD
    # the second end may carry its sign: "+0.6 to +0.7 percent", "-0.2 to +0.1 percent" (a minus only after "to")
    + rf"(?:\s*(?P<sep>-|–|to)\s*(?P<sign2>(?<=to\s)(?:[-−]|minus\s+)|\+)?(?(cur)(?:US\$|\$|€|£|¥)?|)(?P<num2>{_NUM}))?"
    + _QUANTITY_TAIL,
    re.I,
)
# The same without a second number: "raised $0.20 to $14.20" is a change and the level it leads to, not a range.
_SINGLE_QUANTITY = patterns.compile(_QUANTITY_HEAD + r"(?P<sep>)?(?P<sign2>)?(?P<num2>)?" + _QUANTITY_TAIL, re.I)
# A revision or change right before "X to Y": "raised 10 cents to", "lowered $0.15 to", "up 2.0 million cwt to".
# a minus sign at the start or after a space or a bracket ("-0.5%", "(−0.3%)"; not "2%-3%"), or the word
_MINUS_BEFORE = patterns.compile(r"(?:^|(?<=[\s(\[]))[-−]$|\b(?:minus|negative)\s+$", re.I)
_PLUS_BEFORE = patterns.compile(r"(?:(?<=^)|(?<=[\s(\[]))\+")
_REVISED_BEFORE = patterns.compile(
    r"\b(?:raised|lowered|reduced|increased|decreased|cut|boosted|trimmed|lifted|revised\s+(?:up|down)(?:ward)?|"
    r"up|down|(?:rise|rises|rising|fall|falls|falling|grow|grows|growing|increase|increases|increasing|decline|"
    r"declines|declining|drop|drops|dropping|climb|climbs|climbing)\s+by)\s+(?:by\s+)?"  # "rise by 20,000 to 870,000"
    r"(?:about\s+|nearly\s+|almost\s+|roughly\s+)?$",
    re.I,
)
# "pounds" is sterling in a text about the UK, else a weight ("25.6 billion pounds" of beef).
_STERLING_CONTEXT = patterns.compile(
    r"\b(?:UK|U\.K\.|Britain|British|England|English|Scotland|Scottish|Wales|Welsh|sterling|London|Chancellor|"
    r"Exchequer|BoE|Bank\s+of\s+England)\b|£",
)
_NUMBER_WORD = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred"
)
_DIGIT_WORD = r"zero|oh|one|two|three|four|five|six|seven|eight|nine"
_DIGITS = {
    w: str(i) for i, w in enumerate(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"])
}
# Number words up to a hundred ("sixty", "twenty-five"), hundreds ("one hundred and sixty") and a compound with
# scale words inside ("one trillion two hundred billion", "two million five hundred thousand"), hyphenated or not
# ("two-hundred-seventeen-thousand-million", as VOA Special English writes): the last scale word stays outside, as
# the amount's scale.
_ONES = r"one|two|three|four|five|six|seven|eight|nine"
_UNDER_100 = (
    rf"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:{_ONES}))?|ten|eleven|twelve|thirteen|"
    rf"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|{_ONES})"
)
_UNDER_1000 = rf"(?:(?:(?:{_ONES}|a)[- ])?hundred(?:(?:\s+and)?[- ]{_UNDER_100})?|{_UNDER_100})"
_WORD_QUANTITY = patterns.compile(
    rf"\b(?P<words>{_UNDER_1000}(?:[\s-]+(?:trillion|billion|million|thousand)(?:\s+and)?[\s-]+{_UNDER_1000})*|zero|"
    # "a million more children", "half a million Americans" (not "a million-dollar home", "one in a million")
    r"(?<!\bin\s)(?:half\s+)?a(?=\s+(?:trillion|billion|million)\b(?!-)))"
    rf"(?:[- ]point[- ](?P<decimals>(?:{_DIGIT_WORD})(?:[- ](?:{_DIGIT_WORD}))*))?\b"
    r"(?P<half>[- ]and[- ](?:(?:a|one)[- ](?P<fw>half|quarter|third)|(?P<fn>three)[- ](?P<fp>quarters)|"
    r"(?P<fn2>two)[- ](?P<fp2>thirds))\b)?"
    r"(?:[\s-]+(?P<scale>(?:thousand[\s-]+)?(?:trillion|billion|million)|thousand))?"  # "four thousand million"
    rf"(?:\s+(?P<unit>{_UNIT})(?![a-z]))?"
    r"(?:\s+(?P<curword>(?:US\s+)?(?:dollars?|euros?|yen|yuan|renminbi)\b))?"
    rf"(?:\s*(?:per|/|an?)\s*(?P<per>{_PER_UNIT})(?![a-z]))?",
    re.I,
)
_A_SCALE = {"a": 1.0, "half a": 0.5}  # "a million", "half a million": of the scale word after them
_WORD_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def compound_number(words: str) -> float | None:
    """The value of number words with scale words inside ("one trillion two hundred billion" is 1.2e12, "one
    hundred and sixty" 160, "seven thousand two hundred million" 7.2e9), or None; word2number reads no trillions."""
    total, chunk, largest = 0.0, list[str](), 0.0
    for token in re.split(r"[\s-]+", words.lower()):
        if token in _WORD_SCALES:
            said = word_number(" ".join(chunk)) if chunk else 0.0 if total else 1.0  # "a thousand million"
            if said is None:
                return None
            scale = _WORD_SCALES[token]
            if scale > largest and total:  # "seven thousand two hundred million": (7000 + 200) million
                total, chunk = (total + said) * scale, []
            else:
                total, chunk = total + said * scale, []
            largest = max(largest, scale)
        elif token != "and":
            chunk.append(token)
    if chunk:
        rest = word_number(" ".join(chunk))
        if rest is None:
            return None
        total += rest
    return total


_ONE_IN = patterns.compile(
    rf"\b(?P<a>one|two|three|four|five|six|seven|eight|nine|\d)\s+(?:in|out\s+of)\s+(?:every\s+)?"
    rf"(?P<b>(?:{_NUMBER_WORD})|(?!(?:19|20)\d\d\b)\d+)\b",  # "five in 2026" is no share
    re.I,
)
# a half of a period is a time, not a share: "the first half of the year", "the second half of 2026"
_PERIOD_HALF = r"(?<!first\s)(?<!second\s)(?<!latter\s)(?<!former\s)(?<!back\s)(?<!front\s)"
_FRACTION = patterns.compile(
    rf"{_PERIOD_HALF}\b(?P<f>half|a\s+third|one[- ]third|two[- ]thirds|a\s+quarter|one[- ]quarter|three[- ]quarters)"
    rf"\s+of\b|{_PERIOD_HALF}\b(?P<h>half)\s+the\b",  # "about half the increase"
    re.I,
)
# a multiple of an earlier figure: "three times the size", "2.5 times as large" (the labelling guide's "times"); not
# a frequency ("three times a year")
_TIMES = patterns.compile(
    r"\b(?P<n>\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten)\s+times(?=\s+(?:the|as|its|their|that|"
    r"larger|higher|bigger|greater|more|smaller|lower)\b)",
    re.I,
)
# a rate said by its digits: "double-digit growth", "inflation in double digits", "single-digit returns"; its value
# is the bound, 10 percent (``thresholds`` reads double as at least 10, single as under 10). Only of a rate: "a
# double-digit lead" in a poll is in points, "double-digit numbers" a count.
DIGIT_RATE = r"\b(?:(?:low|high|mid)[- ])?(?:double|single)[- ]digits?\b"
_DIGIT_RATE = patterns.compile(
    rf"(?:(?<=\b(?:in|to|at)\s)|(?<=\b(?:in|to|at)\sthe\s)|(?<=\breach\s)|(?<=\binto\s)){DIGIT_RATE}|{DIGIT_RATE}(?=\s+(?:[\w-]+\s+){{0,2}}?(?:growth|inflation|"
    r"unemployment|gains?|increases?|rises?|returns?|rates?|yields?|declines?|drops?|falls?|losses|contractions?|"
    r"decreases?|cuts?|reductions?|hikes?|pace|percent(?:age)?|per\s?cent)\b)",
    re.I,
)
# the size of a change as a fraction: "profits will fall by a quarter", "cut costs by a third" (a share of the level,
# in %; "by a quarter of a percentage point" is read above, and "by half" is left: a fall or a multiple)
FRACTION_CHANGE = patterns.compile(
    r"\b(?:ris|fall|fell|grow|grew|increas|declin|drop|cut|reduc|shrink|shrank|climb|jump|lower|rais|boost|slash|"
    r"expand|contract|decreas|slump|soar|surg|plung|tumbl)\w*\s+(?:[\w'’-]+\s+){0,4}?by\s+"
    r"(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|more\s+than\s+|up\s+to\s+|at\s+least\s+|as\s+much\s+as\s+)?"
    r"(?P<f>(?:a|one)[- ](?:quarter|third)|two[- ]thirds|three[- ]quarters)\b"
    r"(?![- ]?(?:of|point|percent|per|century)\b)",
    re.I,
)
_FRACTIONS = {"half": 50.0, "third": 100 / 3, "thirds": 200 / 3, "quarter": 25.0, "quarters": 75.0}
# "one quarter of a percentage point", "half a point", "a quarter-point": a fraction of a point, not a share.
_FRACTION_OF_POINT = patterns.compile(
    r"\b(?:(?P<f>(?:a|one)[- ]quarter|(?:(?:a|one)[- ])?half|three[- ]quarters|(?P<tenths>a|one|two|three|four|five|"
    r"six|seven|eight|nine)[- ]tenths?)(?:\s+of)?(?:\s+(?:a|one))?[- ](?:(?:percentage[- ])?points?|"
    r"(?P<pct>percent|per\s?cent)(?!age))"
    r"|(?P<whole>a(?:\s+full)?\s+percentage[- ]point))\b",
    re.I,
)
# A multiple as a verb: "sales will double", "to halve its debt", "more than triple", "cut in half", or of a figure
# named after it ("about double the expected deployment"). Read as the multiple in "times" (the labelling guide:
# double 2, triple 3, halve 0.5); "double-digit" is no verb.
_MULTIPLE = patterns.compile(
    r"\b(?:(?P<base>(?:to|will|would|could|may|might|should|can|shall|nearly|almost|roughly|more\s+than|at\s+least)"
    r"\s+(?:\w+ly\s+)?(?:double|triple|quadruple|halve)|(?:about|around|nearly|almost|roughly|some)\s+"
    r"(?:double|triple|quadruple)(?=\s+(?:the|its|their|that|what|last)\b))|doubles|doubled|doubling|triples|tripled|tripling|quadruples|"
    r"quadrupled|quadrupling|halves|halved|halving|(?:cut|cuts|fall|falls|drop|drops|shrink|shrinks)\s+(?:by\s+)?"
    r"in\s+half|(?:cut|cuts)\s+(?:(?:the|its|their|our|this|that)\s+(?:[\w'’-]+\s+){1,3}?|(?:it|them)\s+)in\s+half)\b(?![-‐‑])",
    re.I,
)
MULTIPLES = {"doub": 2.0, "trip": 3.0, "quad": 4.0, "halv": 0.5, "half": 0.5}
# "grow tenfold", "a 20-fold rise": N times as much
_FOLD = patterns.compile(
    r"\b(?P<n>\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|fifty|"
    r"hundred)[- ]?fold\b",
    re.I,
)
_WHOLE_AND = patterns.compile(rf"(?:\d|\b(?:{_NUMBER_WORD}))[- ]and[- ]$", re.I)
_POINT_FRACTIONS = {"quarter": 0.25, "half": 0.5, "quarters": 0.75}
# "between 1.5 and 1.75 percent": a range written with "and".
_BETWEEN = patterns.compile(
    rf"\bbetween\s+(?P<cur>US\$|\$|€|£|¥)?(?P<num>{_NUM})\s*(?:%|percent|per\s?cent)?\s+and\s+(?:US\$|\$|€|£|¥)?"
    rf"(?P<num2>{_NUM})(?![\d.,])",
    re.I,
)
# A number that names a thing: "Trains 1-2", "Stage 3", "figure 2.A", "table 1", "Article 50".
_NAME_BEFORE = patterns.compile(
    r"(?:\b(?:figure|fig|table|chart|box|section|page|annex|appendix|chapter|part|phase|stage|no|number|article|"
    r"item|footnote|note|line|row|column)\.?\s+$|(?<=[\w,;:()])\s+[A-Z][a-zA-Z]+\s+$"
    # an index or a class named by its number: "the S&P 500", "FTSE 100", "Russell 2000", "Class 8 trucks"
    r"|\b(?:S&P|FTSE|Russell|Nikkei|STOXX|Stoxx|Hang\s+Seng|KOSPI|Nasdaq|Wilshire|Class|Tier|Fortune)\s+$)",
)
_DURATION_AFTER = patterns.compile(r"^\s*(?:-|\s)?(?:years?|months?|quarters?|weeks?|days?|decades?|hours?)\b", re.I)
# A duration that is itself the predicted quantity ("the journey is expected to take 27 hours", "the strike could
# last two weeks"): the verb of time spent governs it, so it is an amount in its unit, not a window.
_TAKES_BEFORE = patterns.compile(
    r"\b(?:take|takes|taking|(?:will|would|could|may|might|should|can|to)\s+last|lasts|lasting|require|requires|"
    r"need|needs)\s+(?:(?:about|around|roughly|nearly|"
    r"almost|some|just|only|up\s+to|at\s+least|at\s+most|more\s+than|less\s+than|over|under|another)\s+)?$",
    re.I,
)
_TIME_UNIT = patterns.compile(r"\s*(?:-|\s)?(?P<unit>years?|months?|weeks?|days?|hours?|minutes?)\b", re.I)


def _time_spent(sentence: str, start: int, end: int) -> tuple[str, int] | None:
    """The unit ("hours") and the end of its word when the number at ``start:end`` is a time spent ("take 27
    hours"), else None."""
    unit = _TIME_UNIT.match(sentence, end)
    if unit is None or not _TAKES_BEFORE.search(sentence, max(0, start - 40), start):
        return None
    word = unit.group("unit").lower()
    return (word if word.endswith("s") else f"{word}s"), unit.end()


# an age statistic, whose number is an age in years: "the median age in the U.S. will be 43", "life expectancy is
# projected to rise to 85.6 years" (no other number, and no clause break, between)
_AGE_STATISTIC_BEFORE = patterns.compile(
    r"\b(?:(?:median|average|mean)\s+age|life\s+expectancy)\b[^;:\d]{0,60}$",
    re.I,
)
_YEARS_AFTER = patterns.compile(r"\s*-?\s*years?\b(?![- ]old)", re.I)
_AGE_AFTER = patterns.compile(r"^(?:\s*-?\s*years?[- ]olds?|s\b|\s*-?\s*plus\b|\+)", re.I)
_AGE_BEFORE = patterns.compile(
    r"(?:\bage[sd]?\s+(?:of\s+|between\s+|over\s+|under\s+|above\s+|below\s+)?|\bage\s+of\s+|over-|under-|"
    r"\b(?:older|younger)\s+than\s+|retirement\s+age\s+(?:of\s+|to\s+|at\s+)?)$",
    re.I,
)
_DATE_AROUND = patterns.compile(
    r"^\s*(?:st|nd|rd|th)?\s*(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I
)
_MONTH_BEFORE = patterns.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+$", re.I)
_LETTERS_AFTER = patterns.compile(r"^[a-z]", re.I)


@dataclass(frozen=True)
class Quantity:
    """A number read from the text: its value (scaled: "$21bn" is 21e9), unit, span and the words."""

    value: float
    unit: str | None
    span: tuple[int, int]
    words: str
    low: float | None = None
    high: float | None = None
    count: bool = False  # a count of things named freely ("11 named storms"): a unit below a measured one


def word_number(words: str) -> float | None:
    """The value of number words ("eighteen", "twenty five"), or None."""
    try:
        return float(w2n.word_to_num(words))
    except (ValueError, IndexError):
        return None


def _unit_name(said: str | None, table: list[tuple[str, str]] = _UNIT_WORDS) -> str | None:
    """The name ``table`` gives the unit written as ``said`` (``_UNIT_WORDS``, or ``_PER_UNITS`` for a price's)."""
    if not said:
        return None
    for pattern, name in table:
        if re.fullmatch(pattern, said.strip(), re.I):
            return name
    return None


def _year_like(text: str) -> bool:
    """A number written as a year ("2025", not "2,025" or "2025.5")."""
    return re.fullmatch(r"(?:19|20)\d\d", text) is not None


def _number(text: str) -> float:
    if text and text[-1] in _VULGAR:  # "2½", "¼"
        return float(text[:-1] or 0) + _VULGAR[text[-1]]
    mixed = re.fullmatch(r"(?:(\d+)(?:-|\s))?(\d)/(\d{1,2})", text)
    if mixed:  # "2-1/4": two and a quarter; "1/4": a quarter
        return int(mixed.group(1) or 0) + int(mixed.group(2)) / int(mixed.group(3))
    return float(text.replace(",", ""))


# What a count counts, named freely: the words after the number up to the first plural noun ("11 to 17 named
# storms", "52 million smartphones", "6.7 million jobs"), at most three words, none a function word. As the labelling
# guide writes them, people of any kind are "people" and goods sold by the piece are "units"; other nouns stay as
# written ("named storms", "coal plants"). A count with a scale word keeps it in its unit ("million jobs").
_COUNT_NOUN = patterns.compile(
    r"\s+(?:(?:new|more|additional|fewer|net|extra|other|\d+-(?:pound|lb))\s+)?(?P<noun>(?:[a-z][a-z-]*\s+){0,2}?(?:[a-z][a-z-]*[a-rt-z]s|people|children|men|women))\b",
    re.I,
)
_NOT_COUNTED = patterns.compile(
    r"\b(?:of|in|to|by|and|or|per|from|for|at|on|the|a|an|this|that|these|those|its|their|our|is|was|has|as|us|"
    r"plus|less|times|points?|is|will|would|could|should|may|might|can|are|were|be|been|more|than|each|every|"
    r"years?|months?|weeks?|days?|hours?|quarters?|decades?|minutes?|seconds?|percent|cents|dollars|euros|pounds|"
    r"bps|basis|levels?|highs?|lows?|terms|cases\s+of)\b",
    re.I,
)
_PEOPLE = patterns.compile(
    r"(?:people|persons|workers|residents|adults|children|citizens|voters|visitors|tourists|passengers|customers|"
    r"subscribers|users|students|immigrants|migrants|refugees|americans|britons|consumers|patients|viewers|"
    r"listeners|readers|members|employees|shoppers|travell?ers|buyers|homeowners|renters|retirees|seniors|"
    r"unemployed)$",
    re.I,
)
_GOODS = patterns.compile(
    r"(?:units|smartphones|phones|handsets|devices|computers|pcs|laptops|tablets|televisions|tvs|sets|cars|"
    r"vehicles|evs|trucks|homes|houses|consoles|cameras|headsets|wearables|watches|chips|machines|appliances)$",
    re.I,
)

# what a count is shared over: "children per woman", "workers for every retirement-age person" (not a period: "cars
# per year" is a flow of goods)
_PER_HEAD = patterns.compile(
    r"\s+(?:per|for\s+(?:every|each))\s+(?!(?:year|month|week|day|hour|quarter|annum|cent|capita)\b)"
    r"(?P<head>(?:[a-z]+-[a-z-]+\s+)?[a-z]+)\b",
    re.I,
)


def _counted(sentence: str, end: int, factor: float) -> str | None:
    """The unit of a count with a counted noun after it: "6.7 million jobs" is "million jobs", "52 million
    smartphones" "million units", "283 million people" "million people", "11 named storms" "named storms"; a count
    per head of something else, "two children per woman", "children per woman"."""
    if factor != 1.0 and factor not in _SCALE_WORDS:
        return None
    m = _COUNT_NOUN.match(sentence, end)
    if m is None or _NOT_COUNTED.search(m.group("noun")):
        return None
    noun = " ".join(m.group("noun").lower().split())
    head = _PER_HEAD.match(sentence, m.end())
    if head is not None:  # "two children per woman": a ratio, both nouns as written
        ratio = f"{noun} per {' '.join(head.group('head').lower().split())}"
        return f"{_SCALE_WORDS[factor]} {ratio}" if factor != 1.0 else ratio
    if _PEOPLE.search(noun):
        noun = "people"
    elif noun == "jobs" or noun.endswith(" jobs"):
        noun = "jobs"
    elif _GOODS.search(noun) and not noun.endswith("units"):
        noun = "units"  # "smartphones", "TV sets" (but "housing units" stay as written)
    return f"{_SCALE_WORDS[factor]} {noun}" if factor != 1.0 else noun


def _second(m: re.Match[str]) -> float:
    """The second end of a range, with its sign ("-0.2 to +0.1 percent": 0.1; "to -0.1": -0.1)."""
    said = _number(m.group("num2"))
    sign = (m.group("sign2") or "").strip().lower()
    return -said if sign in ("-", "−", "minus") else said  # "-0.2 to -0.1", "minus 1.2 to minus 1.0 percent"


def _quantity_matches(sentence: str) -> list[re.Match[str]]:
    """The ``_QUANTITY`` matches of ``sentence`` in order; "X to Y" after a revision ("raised $0.20 to $14.20") is
    two quantities, a change and the level it leads to, when Y is not a range's plausible upper end (not above X, or
    three times X or more): "raised 2 to 3 percent" stays a range."""
    out: list[re.Match[str]] = []
    at = 0
    while (m := _QUANTITY.search(sentence, at)) is not None:
        if m.group("num2") and not m.group("cur") and _year_like(m.group("num")) and not _year_like(m.group("num2")):
            at = m.start("num2")  # "from 3.1 percent in 2025 to 4.2 percent": a year, then the level it goes to
            continue
        revised = _REVISED_BEFORE.search(sentence, max(0, m.start() - 40), m.start()) is not None
        if revised and (m.group("sep") or "").lower() == "to":
            low, high = _number(m.group("num")), _second(m)
            if high <= low or high >= 3 * low:
                single = _SINGLE_QUANTITY.match(sentence, m.start())
                if single is not None and single.end() > m.start():
                    out.append(single)
                    at = single.end()
                    continue
        out.append(m)
        at = max(m.end(), at + 1)
    return out


def _excluded(sentence: str, start: int, end: int, *, value: float, plain: bool) -> bool:
    before, after = sentence[max(0, start - 40) : start], sentence[end : end + 20]
    if plain and float(value).is_integer() and 1900 <= value <= 2099 and "," not in sentence[start:end]:
        return True  # a year ("2,000 jobs", with its thousands comma, is an amount)
    if plain and (_DURATION_AFTER.match(after) or _AGE_AFTER.match(after) or _AGE_BEFORE.search(before)):
        return True
    if plain and (_DATE_AROUND.match(after) or (_MONTH_BEFORE.search(before) and value <= 31)):
        return True
    if plain and _LETTERS_AFTER.match(after):
        return True  # "5G", "7th"
    if plain and _NAME_BEFORE.search(before):
        return True  # "Trains 1-2", "figure 2": a name, not an amount
    return bool(re.search(r"\b[QH]$", before))


def _decimals(words: str | None) -> str:
    return "".join(_DIGITS.get(w, "0") for w in re.split(r"[- ]", words.lower())) if words else ""


# "--- Page 32 --- May 9, 2007 32 of 130", "--- Page 17 --- 5/17/94 -15-": a transcript PDF's page break and running
# head inside a sentence; its numbers are not the sentence's
PAGE_MARK = patterns.compile(
    r"-{3}\s*Page\s+\d+\s*-{3}(?:\s*(?:[A-Z][a-z]+\.?\s+\d{1,2}(?:\s*[-–]\s*\d{1,2})?,\s+\d{4}\s+\d+\s+of\s+\d+|"
    r"\d{1,2}/\d{1,2}/\d{2,4}\s+-\d+-))?"
)


def find_quantities(sentence: str) -> list[Quantity]:
    """Every quantity in ``sentence``, in order."""
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = [m.span() for m in PAGE_MARK.finditer(sentence)] if "Page" in sentence else []

    def free(span: tuple[int, int]) -> bool:
        return not any(span[0] < e and s < span[1] for s, e in taken)

    for m in _FRACTION_OF_POINT.finditer(sentence):
        if _WHOLE_AND.search(sentence, max(0, m.start() - 20), m.start()):
            continue  # "two and a half percent": the fraction of a whole number, read with it below
        if re.search(r"\d\s+of\s+$", sentence[max(0, m.start() - 12) : m.start()]):
            continue  # "1/2 of a percentage point": the fraction in digits, read with its unit below
        taken.append(m.span())
        share = (m.group("f") or "").lower().split()[-1:] or [""]
        value = _POINT_FRACTIONS.get(share[0].split("-")[-1], 0.5)
        if m.group("tenths"):  # "two-tenths of a percentage point"
            value = (word_number(m.group("tenths")) if m.group("tenths").lower() not in ("a", "one") else 1.0) or 1.0
            value /= 10
        elif m.group("whole"):  # "a full percentage point"
            value = 1.0
        found.append(Quantity(value, "%" if m.group("pct") else "pp", m.span(), m.group(0)))
    for m in _FOLD.finditer(sentence) if "fold" in sentence.lower() else ():
        times = float(m.group("n")) if m.group("n")[0].isdigit() else word_number(m.group("n"))
        if times is not None and times > 1:
            taken.append(m.span())
            found.append(Quantity(times, "times", m.span(), m.group(0)))
    for m in _DIGIT_RATE.finditer(sentence) if "digit" in sentence.lower() else ():
        if free(m.span()):  # "double-digit growth": a rate of 10 percent or more (a bound, ``thresholds``)
            taken.append(m.span())
            found.append(Quantity(10.0, "%", m.span(), m.group(0)))
    for m in _TIMES.finditer(sentence) if "times" in sentence.lower() else ():
        times = float(m.group("n")) if m.group("n")[0].isdigit() else word_number(m.group("n"))
        if times is not None and free(m.span()):
            taken.append(m.span())
            found.append(Quantity(times, "times", m.span(), m.group(0)))
    for m in _ONE_IN.finditer(sentence):  # before the digits: "one in 4 households" is 25%, not 4 households
        a = word_number(m.group("a")) if not m.group("a").isdigit() else float(m.group("a"))
        b = word_number(m.group("b")) if not m.group("b").isdigit() else float(m.group("b"))
        if a and b and free(m.span()):
            taken.append(m.span())
            found.append(Quantity(100 * a / b, "%", m.span(), m.group(0)))
    for m in _BETWEEN.finditer(sentence):
        upper = _QUANTITY.match(sentence, m.start("num2"))
        if upper is None or not free(m.span()):
            continue
        unit = _unit_name(upper.group("unit"))
        bottom, top = _number(m.group("num")), _number(upper.group("num"))
        # the currency, its scale and what a price is per, on either end: "between $60 and $70/bbl", "between $2
        # and $3 billion" (scaled, as any sum of money), "between 60 and 70 dollars a barrel"
        symbol = (m.group("cur") or upper.group("cur") or "").strip().lower()
        said = upper.group("curword")
        currency = _CURRENCY_SYMBOLS.get(symbol) or (_CURRENCY_WORDS.get(said.split()[-1].lower()) if said else None)
        if unit is None and currency is not None:
            per = _unit_name(upper.group("per"), _PER_UNITS)
            unit = f"{currency} per {per}" if per else currency
            factor = _SCALES.get((upper.group("scale") or "").lower(), 1.0)
            bottom, top = bottom * factor, top * factor
        stop = upper.end()
        named = None if unit or upper.group("scale") or upper.group("curword") else _counted(sentence, stop, 1.0)
        taken.append((m.start("num") - (len(m.group("cur") or "")), stop))
        words = sentence[m.start("num") : stop]
        found.append(Quantity(bottom, unit or named, (m.start("num"), stop), words, bottom, top, named is not None))
    sterling = _STERLING_CONTEXT.search(sentence) is not None
    for m in _quantity_matches(sentence):
        if not free(m.span()):
            continue
        cur = (m.group("cur") or "").strip().lower()
        scale = (m.group("scale") or "").lower()
        unit = _unit_name(m.group("unit"))
        curword = (m.group("curword") or "").lower().split()[-1] if m.group("curword") else ""
        currency = _CURRENCY_SYMBOLS.get(cur) or (cur.upper() if cur in _CURRENCY_CODES else None)
        if curword in ("pound", "pounds") and not sterling and "sterling" not in (m.group("curword") or "").lower():
            unit, curword = unit or "pounds", ""  # a weight: "25.6 billion pounds" of beef
        named = (m.group("curword") or "").lower().rsplit(" ", 1)[0]
        currency = currency or _NAMED_DOLLARS.get(" ".join(named.split())) or _CURRENCY_WORDS.get(curword)
        if scale in ("m", "b", "k") and not currency and re.match(r"\s", sentence[m.end("num") : m.end("num") + 1]):
            scale = ""  # "5 m" is more often metres than millions; only "$5m" / "5m" stay millions
        start, end = m.start(), m.end()
        if scale == "" and m.group("scale"):
            end = m.end("num2") if m.group("num2") else m.end("num")
        value = _number(m.group("num"))
        if _MINUS_BEFORE.search(sentence, max(0, start - 12), start):
            value = -value  # "-0.5%", "minus 0.5 percent"
        plain = not (currency or scale or unit)
        if start and (sentence[start - 1] in "-−" and value < 0 or _PLUS_BEFORE.match(sentence, start - 1)):
            start -= 1  # the sign is part of the words: "-0.2 to +0.1 percent", "+0.5 percent"
        spent = _time_spent(sentence, start, end) if plain and not m.group("num2") else None
        if spent is not None:  # "take 27 hours": the amount predicted
            taken.append((start, spent[1]))
            found.append(Quantity(value, spent[0], (start, spent[1]), sentence[start : spent[1]]))
            continue
        if plain and not m.group("num2") and _AGE_STATISTIC_BEFORE.search(sentence, max(0, start - 80), start):
            # "the median age ... will be 43", "life expectancy ... to 85.6 years": an age in years, not a window
            years_word = _YEARS_AFTER.match(sentence, end)
            stop = years_word.end() if years_word else end
            taken.append((start, stop))
            found.append(Quantity(value, "years", (start, stop), sentence[start:stop]))
            continue
        if _excluded(sentence, start, end, value=value, plain=plain) or _CONFIDENCE_AFTER.match(sentence, end):
            continue
        factor = _SCALES.get(scale, 1.0)
        per = _unit_name(m.group("per"), _PER_UNITS)
        if currency and per:
            unit, currency = f"{currency} per {per}", None
        elif unit == "pence" and per:
            unit = f"pence per {per}"  # "5p a litre", as "US cents per pound"
        if unit in _SCALED_UNITS and factor != 1.0:
            unit, factor = f"{_SCALE_WORDS.get(factor, scale)} {unit}", 1.0  # "500 million short tons"
        counted = _counted(sentence, m.end(), factor) if unit is None and currency is None else None
        if counted is not None:
            unit, factor = counted, 1.0  # "6.7 million jobs", "11 to 17 named storms"
        low = high = None
        dashed = (
            sentence[m.end("num") : m.start("num2")].strip().rstrip("+") in ("-", "–") if m.group("num2") else False
        )
        if plain and dashed and _second(m) < value:
            continue  # a tally or a score going down, "voted 7-2", "a 6–3 vote": no amount
        if m.group("num2"):
            low, high = value * factor, _second(m) * factor
            if not plain and dashed and high < low:
                low = high = None
        taken.append((start, end))
        count = counted is not None and not scale
        found.append(
            Quantity(value * factor, currency or unit, (start, end), sentence[start:end].strip(), low, high, count)
        )

    for m in _MULTIPLE.finditer(sentence) if re.search(r"doubl|tripl|quadrupl|halv|half", sentence, re.I) else ():
        verb = re.search(r"doubl|tripl|quadrupl|halv|half", m.group(0), re.I)
        if verb is None or not free(m.span()):
            continue
        at = m.start() if re.match(r"cut|fall|drop|shrink", m.group(0), re.I) else m.start() + verb.start()
        if m.group("base"):  # "to double": the verb alone is the quantity, the words before it read by the rule
            at = m.start() + m.group(0).lower().rindex(m.group(0).split()[-1].lower())
        taken.append((at, m.end()))
        found.append(Quantity(MULTIPLES[verb.group(0).lower()[:4]], "times", (at, m.end()), sentence[at : m.end()]))
    for m in FRACTION_CHANGE.finditer(sentence) if re.search(r"quarter|third", sentence, re.I) else ():
        if free(m.span("f")):  # "fall by a quarter": the change in %, read by the rule as one
            taken.append(m.span("f"))
            said = m.group("f")
            value = _FRACTIONS[re.split(r"[- ]", said)[-1].lower()]
            found.append(Quantity(value, "%", m.span("f"), said))
    for m in _FRACTION.finditer(sentence):
        if free(m.span()):
            taken.append(m.span())
            said = m.group("f") or m.group("h")
            found.append(Quantity(_FRACTIONS[said.split()[-1].split("-")[-1].lower()], "%", m.span(), m.group(0)))
    for m in _WORD_QUANTITY.finditer(sentence):
        if not free(m.span()):
            continue
        said = _A_SCALE.get(m.group("words").lower()) or (
            compound_number(m.group("words")) if m.group("words").lower() != "zero" else 0.0
        )
        if said is None:
            continue
        value = float(f"{int(said)}.{_decimals(m.group('decimals'))}") if m.group("decimals") else said
        if m.group("half"):  # "two and a half percent", "one and three-quarters percent"
            value += _FRACTIONS[(m.group("fw") or m.group("fp") or m.group("fp2")).lower()] / 100
        after = sentence[m.end() : m.end() + 20]
        spent = _time_spent(sentence, m.start(), m.end()) if not m.group("unit") and not m.group("scale") else None
        if spent is not None:  # "last two weeks"
            taken.append((m.start(), spent[1]))
            found.append(Quantity(value, spent[0], (m.start(), spent[1]), sentence[m.start() : spent[1]]))
            continue
        if _DURATION_AFTER.match(after) or _AGE_AFTER.match(after):
            continue  # "three years", "eighteen-year-olds"
        if not m.group("unit") and not m.group("scale") and re.match(r"\s+(?:of|in|out)\b", after):
            continue  # "one of the", "one in four" (read above); "four million of them" is a number
        if value == 0 and not m.group("unit"):
            continue  # "zero" alone is a word, not an amount
        scale = " ".join(re.split(r"[\s-]+", (m.group("scale") or "").lower())).strip()
        said_scales = re.findall(r"\b(?:trillion|billion|million|thousand)\b", f"{m.group('words')} {scale}", re.I)
        if len(said_scales) > 1:
            # "one trillion two hundred billion": 1.2 in trillions; "seven thousand two hundred million", "four
            # thousand million": 7200 and 4000 in millions (the largest scale word said)
            whole = compound_number(f"{m.group('words')} {scale}") if not m.group("decimals") else None
            if whole is None:
                continue
            scale = max((w.lower() for w in said_scales), key=_WORD_SCALES.__getitem__)
            value = whole / _WORD_SCALES[scale]
        taken.append(m.span())
        factor = _SCALES.get(scale, 1.0)
        unit = _unit_name(m.group("unit"))
        if unit in _SCALED_UNITS and factor != 1.0:
            unit, factor = f"{scale} {unit}", 1.0  # "three million tons": 3 "million metric tons", as in digits
        currency = _CURRENCY_WORDS.get(m.group("curword").split()[-1].lower()) if m.group("curword") else None
        per = _unit_name(m.group("per"), _PER_UNITS)
        if currency is not None:  # "one trillion two hundred billion dollars", "sixty dollars a barrel"
            unit = f"{currency} per {per}" if per else currency
        counted = _counted(sentence, m.end(), factor) if unit is None else None
        if counted is not None:
            unit, factor = counted, 1.0  # "two million jobs", "fifty-two million smartphones"
        found.append(
            Quantity(value * factor, unit, m.span(), m.group(0), None, None, counted is not None and not scale)
        )
    read = _elided_units(_ranges(sorted(found, key=lambda q: q.span[0]), sentence), sentence)
    return [q for q in read if not _no_amount(q, sentence)]


# A bare "one" with no unit is a determiner or a pronoun ("one participant thought", "one that will ensure", "one
# step at a time", "but one will fall faster"), not an amount a rule could test; "one percent", "one million jobs",
# "one to two percent" have their unit, and "at least one case" is compared. A figure opening the sentence, a
# capitalised word after it, is a footnote's mark left by the page ("2 For all these reasons", "1 Moreover, ...").
_FOOTNOTE_MARK = patterns.compile(r"\d{1,3}\s+[A-Z][a-z]")
_COMPARED = patterns.compile(
    r"\b(?:at\s+least|at\s+most|(?:no\s+)?(?:more|fewer|less)\s+than|exactly|only|over|under|just)\s+$", re.I
)


def _no_amount(quantity: Quantity, sentence: str) -> bool:
    if quantity.unit is not None or quantity.low is not None:
        return False
    if quantity.words.strip().lower() == "one":
        return _COMPARED.search(sentence[: quantity.span[0]]) is None  # "at least one case" is an amount
    return quantity.span[0] == 0 and _FOOTNOTE_MARK.match(sentence) is not None


# a scale word said on an amount ("four million jobs", "three billion dollars") and a number said bare ("three")
_SCALE_AT_END = patterns.compile(
    r"\b(thousand|million|billion|trillion)\b(?!.*\b(?:thousand|million|billion|trillion)\b)", re.I
)
_PLAIN_NUMBER = patterns.compile(rf"(?:{_UNDER_100}|\d+(?:\.\d+)?)", re.I)
_RANGE_JOIN = patterns.compile(r"\s*(?:-|–|—|to)\s*(?:US\$|\$|€|£|¥)?")
_CURRENCY_DASH = patterns.compile(r"\s*[-–—]\s*(?:US\$|\$|€|£|¥)")
_FROM_BEFORE = patterns.compile(r"\bfrom\s+(?:about\s+|around\s+)?$", re.I)
_AND_JOIN = patterns.compile(r"\s+and\s+[-−+]?")  # "between -1.5% and -0.5%", "between -0.5°C and +0.5°C"
_OR_JOIN = patterns.compile(r"\s+or\s+")
_BETWEEN_BEFORE = patterns.compile(r"\bbetween\s+[-−+]?$", re.I)
# an interval's ends named before them: "establishing the lower and upper limits of the 95% confidence interval ...
# at $34/bbl and $76/bbl"
INTERVAL_LIMITS = patterns.compile(r"\blower\s+and\s+upper\s+(?:limits?|bounds?|ends?)\b[^.;]*$", re.I)
# the level of a confidence interval ("the 95% confidence interval") names the interval; it is no amount
_CONFIDENCE_AFTER = patterns.compile(
    r"\s*(?:confidence|credible|prediction)\s+(?:intervals?|levels?|bands?|ranges?)\b", re.I
)


def _ranges(found: list[Quantity], sentence: str) -> list[Quantity]:
    """Two amounts of one unit joined by a dash or "to" are a range ("2% to 3%", "2 per cent to 3 per cent",
    "1.75%-2%"), unless they are a move ("from 2% to 3%", "raised 1% to 4%": ``_quantity_matches``) or go down; so
    are two joined by "and" after "between" (signed: "between -0.5°C and +0.5°C") or after an interval's "lower and
    upper limits", however far apart, and two rates at most a point apart joined by "or" ("5 or 6 percent"); a
    rate's unit may be written on the second end only ("two to three percent", "between two and three percent")."""
    out: list[Quantity] = []
    for quantity in found:
        previous = out[-1] if out else None
        if (
            previous is not None
            and quantity.unit is None
            and previous.unit in _CURRENCY_SYMBOLS.values()
            and _CURRENCY_DASH.fullmatch(sentence[previous.span[1] : quantity.span[0]])
        ):  # "$1.5 trillion-$2 trillion": the symbol after the dash is the second amount's
            quantity = Quantity(quantity.value, previous.unit, quantity.span, quantity.words)
        paired = (
            previous is not None
            and previous.unit is not None
            and previous.unit == quantity.unit
            and previous.low is None
            and quantity.low is None
            and previous.value < quantity.value
        )
        joined = sentence[previous.span[1] : quantity.span[0]] if previous is not None else ""
        elided = (  # a rate's unit written once, on the second end
            previous is not None
            and previous.unit is None
            and quantity.unit in ("%", "pp")
            and previous.low is None
            and quantity.low is None
            and previous.value < quantity.value
        )
        if (
            previous is not None
            and elided
            and (
                (  # "5 or 6 percent"
                    _OR_JOIN.fullmatch(joined) and 0 <= previous.value and quantity.value <= previous.value + 1
                )
                or (  # "two to three percent" (in digits, "2 to 3 percent" is one quantity)
                    _RANGE_JOIN.fullmatch(joined)
                    and 0 <= previous.value
                    and (quantity.value < 3 * previous.value or quantity.value - previous.value <= 1)
                    and not _FROM_BEFORE.search(sentence, max(0, previous.span[0] - 20), previous.span[0])
                )
                # "between one and a half and two percent", "between -0.5 and +0.5 percent"
                or (
                    _AND_JOIN.fullmatch(joined)
                    and _BETWEEN_BEFORE.search(sentence, max(0, previous.span[0] - 14), previous.span[0])
                )
            )
        ):
            span = (previous.span[0], quantity.span[1])
            out[-1] = Quantity(
                previous.value, quantity.unit, span, sentence[span[0] : span[1]], previous.value, quantity.value
            )
            continue
        said_scale = _SCALE_AT_END.search(quantity.words) if previous is not None else None
        if (
            previous is not None
            and said_scale is not None
            and previous.unit is None
            and previous.low is None
            and quantity.low is None
            and quantity.unit is not None
            and _PLAIN_NUMBER.fullmatch(previous.words)
            and 0 <= previous.value
            and (
                (
                    _RANGE_JOIN.fullmatch(joined)
                    and not _FROM_BEFORE.search(sentence, max(0, previous.span[0] - 20), previous.span[0])
                )
                or (
                    _AND_JOIN.fullmatch(joined)
                    and _BETWEEN_BEFORE.search(sentence, max(0, previous.span[0] - 14), previous.span[0])
                )
            )
        ):
            # "three to four million jobs", "between two and three billion dollars": the scale and the unit are said
            # once, on the second end; a currency amount is scaled, a unit with its scale word ("million jobs") is not
            factor = (
                1.0 if quantity.unit.split(" ", 1)[0] in _SCALE_WORDS.values() else _SCALES[said_scale.group(1).lower()]
            )
            low = previous.value * factor
            if low < quantity.value <= 5 * low:
                span = (previous.span[0], quantity.span[1])
                out[-1] = Quantity(
                    low, quantity.unit, span, sentence[span[0] : span[1]], low, quantity.value, quantity.count
                )
                continue
        if previous is not None and (
            (  # "1.75%-2%", "2 per cent to 3 per cent"
                paired
                and 0 <= previous.value
                # far apart it is two figures, unless a rate's ends lie within a point ("1/4 percent to 1 percent")
                and (
                    quantity.value < 3 * previous.value
                    or (quantity.unit in ("%", "pp") and quantity.value - previous.value <= 1)
                )
                and _RANGE_JOIN.fullmatch(joined)
                and not _FROM_BEFORE.search(sentence, max(0, previous.span[0] - 20), previous.span[0])
            )
            # "between $2 billion and $3 billion", "between -0.5°C and +0.5°C", "lower and upper limits of $28 and $112"
            or (
                paired
                and _AND_JOIN.fullmatch(joined)
                and (
                    _BETWEEN_BEFORE.search(sentence, max(0, previous.span[0] - 14), previous.span[0])
                    or INTERVAL_LIMITS.search(sentence, max(0, previous.span[0] - 160), previous.span[0])
                )
            )
        ):
            span = (previous.span[0], quantity.span[1])
            words = sentence[span[0] : span[1]]
            out[-1] = Quantity(
                previous.value, quantity.unit, span, words, previous.value, quantity.value, quantity.count
            )
            continue
        out.append(quantity)
    return out


# what a count counts when the guide folds it: people, goods by the piece, jobs (``_counted``)
_COUNTED_KINDS = {"people", "units", "jobs"}


def _elided_units(found: list[Quantity], sentence: str) -> list[Quantity]:
    """A scaled amount without a unit takes the unit of the amount before it ("raised 100 million bushels to 3.1
    billion": 3.1 "billion bushels"; "from 1.2 million vehicles in 2018 to 1.4 million": "million units"), in its
    own scale."""
    out: list[Quantity] = []
    for quantity in found:
        previous = out[-1] if out else None
        scale = re.search(r"(thousand|million|billion|trillion)\s*$", quantity.words, re.I)
        if previous is not None and previous.unit and quantity.unit is None and scale is not None:
            base = previous.unit.split(" ", 1)
            if base[0] in _SCALE_WORDS.values() and len(base) == 2 and base[1] in _SCALED_UNITS | _COUNTED_KINDS:
                factor = _SCALES[scale.group(1).lower()]
                unit = f"{scale.group(1).lower()} {base[1]}"
                low = quantity.low / factor if quantity.low is not None else None
                high = quantity.high / factor if quantity.high is not None else None
                quantity = Quantity(quantity.value / factor, unit, quantity.span, quantity.words, low, high)
        out.append(quantity)
    return out
