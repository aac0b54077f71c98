"""Forecasts an outlook states with no future word: what ``candidates`` takes when ``confidence`` finds no cue.

Agency outlooks (WASDE, CBO, EIA) and speeches state their forecasts as facts about the forecast period. The
labelling guide (tests/predictions/extract_dev/README.md) counts these kinds, which have no modal or forecast verb:

- **a revision that states the new level** ("Exports are raised 100 million bushels to 3.1 billion", "Ending stocks
  are lowered 15 million to 320 million"): present tense, passive; not a revision in the past tense, not the
  supplies or beginning stocks of a crop already harvested ("Supplies are raised on greater production, up 58
  million bushels to 1,985 million", an estimate), and not one whose periods are all over by the text's date; a
  forecast kept at its level ("Corn used for ethanol is unchanged at 5.6 billion bushels") likewise, also "up 10 cents
  on each end to $3.35 to $3.75" and "unchanged from last month at 251 million tons"; not a revision without its
  level ("Projected ending stocks are reduced 7 million cwt": ``confidence.revision_without_level``), nor one of a
  marketing year that ends in the text's year, from May on (the WASDE's "Est." year);
- **the outlook's own period named** ("Net interest outlays exceed defense spending in every year of the projection
  period", "over the 30-year period", "In later years, outlays increase faster than revenues"), and an elliptical
  comparison with an earlier forecast ("That is down from an earlier prediction of 3.3 percent");
- **a state in a later period** ("The deficit in fiscal year 2027 is $2.1 trillion", "Deficits remain large through
  2036"): "is/are" with an amount, or "remains/stays", in a fiscal or marketing year, or a calendar year after the
  text's own. A calendar year equal to the text's is not enough: "inflation is below 2 percent in 2012", written in
  2012, reports the year so far (the guide's FOMC call); a goal ("the target for 2030 is 50 percent") is no
  forecast; a record in a later marketing year ("Global 2026/27 ending stocks are the lowest since 2003/04") counts;
- **a chance with its window** ("The chance of a recession next year is about 30 percent"): the guide's formation
  chances, in any wording; the stated chance is the probability;
- **an outlook judged for a later period** ("The outlook for the rest of 2026 remains quite positive"): the guide's
  speech call; not "the outlook ... is for larger supplies" (a summary of revisions, which the guide leaves out);
- **a forecaster's figure put on a later period** ("Economists now put growth next year at 1.8 percent"), and
  markets' expectations ("Markets are pricing in two rate cuts by December");
- **a possibility not excluded** ("A recession next year cannot be ruled out"), hedged as "could" is (0.4);
- **a state said not to last** ("may be only a transitory response", "may not be of a permanent nature": 0.4; "is
  unsustainable", "an unsustainably high level");
- **spoken and news idioms**: a coming event in the present ("a slowdown is coming", "it is only a matter of time
  before prices fall"), a speaker's figure for a later period ("We're looking at something like 2 percent growth
  next year"), litotes ("I'd be surprised if inflation didn't move up next year": 0.75; without the negation 0.25;
  "I would not be surprised to see": 0.65), an event "about to" happen, a chance in words ("the chances of a
  recession next year are quite small": 0.2; "high", "good": 0.7), a forecast's content told as what it "has" ("Our
  projection has real GDP growing at 2-1/4 percent over 1997").

Each gives a ``Cue`` (probability 0.75, the table's "is projected to", except a chance, its own number, and a
possibility not excluded). Nothing here
reads the labelled set; the kinds come from the guide, and tests/predictions/test_extract_kinds.py has a sentence of
each, written for it.
"""

from __future__ import annotations

import re
from datetime import date

from predictions.extract import patterns
from predictions.extract.confidence import Cue, revision_without_level
from predictions.extract.deadlines import find_deadlines

_NUMBER = r"(?:about\s+|around\s+|nearly\s+|almost\s+|roughly\s+|just\s+(?:over|under)\s+|a\s+record\s+)?[$£€]?\s?\d"
_REVISED = patterns.compile(
    r"\b(?:is|are)\s+(?:now\s+|also\s+|again\s+)?(?:raised|lowered|increased|decreased|reduced|cut|trimmed|boosted|lifted|"
    r"narrowed|widened|(?P<move>up|down)|revised\s+(?:up|down|upward|downward|higher|lower))\b"
    # not a range: "is down 5 to 6 percent"
    r"(?P<rest>(?:[^.;]|\.\d){0,80}?)(?<![\d%]\s)(?<!\bpercent\s)\bto\s+(?:a\s+)?(?:projected\s+)?" + _NUMBER + "|"
    # a forecast kept, with its level (the guide: "the core inflation forecast ... was unchanged at a level below 2")
    r"\b(?:is|are)\s+(?:left\s+)?unchanged\s+(?:from\s+(?:last\s+month|a\s+month\s+ago)\s+)?at\s+" + _NUMBER,
    re.I,
)
# the outlook's own period named: "in every year of the projection period", "over the forecast horizon"
_PROJECTION_PERIOD = patterns.compile(
    r"\b(?:in|over|through|during|throughout|by\s+the\s+end\s+of)\s+(?:every\s+year\s+of\s+|each\s+year\s+of\s+|"
    r"the\s+rest\s+of\s+|most\s+of\s+)?the\s+(?:(?:next\s+)?\d+-year\s+(?:projection\s+)?|projection\s+|forecast\s+|"
    r"outlook\s+|budget\s+)(?:period|window|horizon)\b"
    # "In later years, outlays increase faster than revenues": an outlook's later years, with a present verb
    r"|^\W*(?:in\s+(?:the\s+)?(?:later|subsequent|following|outer)\s+years|thereafter|after\s+that)\b(?=[^.;]*\b[a-z]+s?\b)",
    re.I,
)
# what tells that "is up ... to $160" revises a forecast: last month's, a range moved "on each end", a projection, or a
# marketing or fiscal year
_REVISION_CONTEXT = patterns.compile(
    r"\b(?:from\s+(?:last\s+month|a\s+month\s+ago)|this\s+month|on\s+each\s+end|projected|forecasts?|projections?|prospects|"
    r"fiscal\s+year|(?:19|20)\d\d\s*/\s*\d\d)\b",
    re.I,
)
# what a WASDE estimates rather than forecasts: the crop in hand
_ESTIMATED_SUBJECT = patterns.compile(r"\b(?:supplies|supply|beginning\s+stocks|harvested|carry-?in)\b", re.I)
_YEARS = patterns.compile(r"\b(?:19|20)\d\d(?:/\d\d)?\b")
_STATE = patterns.compile(r"\b(?:is|are)\b", re.I)
# ... and a trend lasting into the later period: "The decline in coal use continues through 2040"
_REMAINS = patterns.compile(
    r"\b(?:remains|remain|stays|stay)\b|(?<!will\s)(?<!would\s)(?<!to\s)(?<!shall\s)\b(?:continues|continue|persists|persist)"
    r"\s+(?:\w+ly\s+)?(?:through|until|into|beyond)\b",
    re.I,
)
_AMOUNT = patterns.compile(
    r"[$£€]\s?\d|\b\d[\d,]*(?:\.\d+)?\s*(?:%|percent\b|per\s+cent\b|trillion\b|billion\b|million\b)", re.I
)
# ... in a commodity's own units, for a state in a later period only: "U.S. 2026/27 sugar production is 9,300
# thousand short tons"; and a forecast named as the subject with its figures after the verb, the unit given before
# ("Cane sugar production forecasts for fiscal year 1995/96, in thousands of short tons, are: Florida 1,800")
_COMMODITY_AMOUNT = patterns.compile(
    r"\b\d[\d,]*(?:\.\d+)?\s*(?:thousand\s+|1,000\s+)?(?:(?:short|metric)\s+)?(?:tons|tonnes|bales|bushels|pounds|cwt|"
    r"hundredweight|barrels|acres|head|gallons)\b",
    re.I,
)
_FORECASTS_SUBJECT = patterns.compile(r"\b(?:forecasts?|projections?)\s+(?:for|of)\b", re.I)
# a record stated for a later period: "Global 2026/27 ending stocks are the lowest since 2003/04"
_RECORD = patterns.compile(
    r"\s+(?:\w+ly\s+)?(?:the\s+(?:\w+est|most|least)\b[^.;]{0,40}?\b(?:since|on\s+record|ever|in\s+\w+\s+years)\b|"
    r"a\s+record\b)",
    re.I,
)
_GOAL = patterns.compile(
    r"\b(?:target|targets|goal|goals|objective|aim|pledge|commitment|mandate|quota|limit|cap|priority|priorities|agenda)\b",
    re.I,
)
_PAST = patterns.compile(
    r"\b(?:was|were|had|did|been|rose|fell|grew|declined|increased|decreased|averaged|reached|showed|reported|said|"
    r"came|went|noted|recorded|posted|ended|began|estimated|registered|remained|occurred|ago)\b|"
    r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:been|\w+ed)\b|(?<!from\s)\blast\s+(?:month|week|quarter)\b|(?<!from\s)(?<!than\s)(?<!with\s)(?<!over\s)\blast\s+year\b",
    re.I,
)
# an aside that compares a state with how it has been ("remains about as it has been", "stays much as it was"): its
# past tense reports nothing, so it is blanked before the clause is read for a past verb (``_PAST``)
_AS_BEFORE = patterns.compile(
    r"\b(?:about|much|just|roughly|broadly|largely)?\s*as\s+(?:it|they)\s+(?:has|have|had)\s+been\b|"
    r"\b(?:about|much|just|roughly|broadly|largely)\s+as\s+(?:it|they)\s+(?:was|were|did)\b",
    re.I,
)
_MARKED_PERIOD = patterns.compile(r"\b(?:fiscal|FY|marketing\s+year|crop\s+year|(?:19|20)\d\d\s*/\s*\d\d)\b", re.I)
_CHANCE = patterns.compile(
    r"\b(?:chance|chances|probability|odds|likelihood)\b[^.;]{0,80}?\b(?P<n>\d{1,3}(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)",
    re.I,
)
_OUTLOOK = patterns.compile(
    r"\boutlook\s+for\b[^.;]{0,60}?\b(?:is|remains|looks|appears|seems)\s+(?:\w+\s+){0,2}?"
    r"(?:positive|good|bright|favou?rable|strong|solid|upbeat|encouraging|promising|healthy|robust|weak|poor|dim|"
    r"gloomy|bleak|negative|challenging|grim|subdued|sluggish)\b",
    re.I,
)
# markets' expectations ("Markets are pricing in two rate cuts by December") and a possibility not excluded ("A
# recession next year cannot be ruled out": a hedge, as "could" is)
_PRICED_IN = patterns.compile(r"\b(?:is|are)\s+(?:now\s+|already\s+|fully\s+)?pricing\s+in\b|\bpriced\s+in\b", re.I)
_NOT_RULED_OUT = patterns.compile(
    r"\b(?:cannot|can\s*not|can['’]t|could\s+not|couldn['’]t)\s+be\s+(?:ruled|excluded)\s*(?:out)?\b", re.I
)
# a coming event told in the present ("a slowdown is coming", "is only a matter of time before prices fall"), a
# speaker's figure ahead ("We're looking at something like 2 percent growth next year"), and litotes ("I'd be
# surprised if inflation didn't move up next year"), as transcripts and news put them
_COMING = patterns.compile(
    r"\b(?:is|are)\s+(?:\w+ly\s+)?(?:coming(?!\s+(?:in|from|out|back|up|down|to|under|off|through|along|into|online|"
    r"on\s*line|together|apart|due)\b)|on\s+(?:the|its|their)\s+way|around\s+the\s+corner|in\s+the\s+offing|in\s+store|"
    r"looming)\b|\b(?:only\s+)?a\s+matter\s+of\s+time\s+(?:before|until)\b",
    re.I,
)
_ABOUT_TO = patterns.compile(
    r"\b(?:is|are|am|be|['’]s|['’]re)\s+(?:\w+ly\s+)?about\s+to\s+(?!be\s+(?:released|published|held)\b)[a-z]+", re.I
)
_NOT_SURPRISED = patterns.compile(
    r"\b(?:would|['’]d)\s*(?:not|n['’]t)\s+be\s+(?:very\s+|at\s+all\s+)?surprised\s+(?:to\s+see|if)\b", re.I
)
# a forecast's content told as what it "has" ("Our projection has real GDP growing at 2-1/4 percent over 1997")
_FORECAST_HAS = patterns.compile(
    r"\b(?:our|the|its|their|staff['’]s|greenbook['’]?s?|baseline)\s+(?:\w+\s+)?(?:forecast|projection|outlook|baseline|"
    r"estimate)s?\s+(?:continues?\s+to\s+|still\s+)?(?:has|have|shows?|show|puts?|put|calls?\s+for|envisions?|envisages?|"
    r"sees|see)\b",
    re.I,
)
# a chance told in words ("the chances of a recession next year are quite small")
_CHANCE_WORDS = patterns.compile(
    r"\b(?:chance|chances|probability|odds|likelihood)\s+(?:of|that)\b[^.;]{0,80}?\b(?:is|are|seem|seems|look|looks)\s+"
    r"(?:\w+\s+)?(?:(?P<low>small|low|slim|remote|minimal|negligible|tiny)|high|good|great|substantial|significant|"
    r"considerable|strong)\b",
    re.I,
)
_LOOKING_AT = patterns.compile(r"\b(?:are|am|is)\s+looking\s+at\b|['’](?:re|m)\s+looking\s+at\b", re.I)
_SURPRISED = patterns.compile(
    r"\b(?:would|['’]d)\s+be\s+(?:very\s+)?surprised\s+if\b(?P<neg>[^.;]*(?:\bnot\b|n['’]t\b))?", re.I
)
# a projection named by its participle, with an amount: "Projected exports are down 40 million bushels from last year"
_PROJECTED_SUBJECT = patterns.compile(r"^\W*(?:projected|forecast)\s+[a-z]+(?:\s+[a-z]+)?\s+(?:is|are)\b", re.I)
# ... and, with no amount, compared with the year before: "Projected 1995/96 global wheat stocks are up slightly from
# last month, but still slightly below a year earlier" (the year-on-year direction is the content; a revision against
# last month alone is not, ``confidence.revision_without_level``)
_PROJECTED_VS_YEAR_BEFORE = patterns.compile(
    r"^\W*(?:projected|forecast)\s+(?:[\w/.-]+\s+){1,5}?(?:is|are)\b(?=[^.;]{0,120}?\b(?:above|below|up|down|higher|"
    r"lower|larger|smaller|greater|less|more)\s+(?:\w+\s+){0,2}?(?:than\s+|from\s+)?(?:a\s+year\s+(?:earlier|ago)|"
    r"last\s+year|the\s+(?:previous|prior)\s+year|year[- ]earlier)\b)",
    re.I,
)
# the verbs of a revision, in the past or the participle: "revised", "cut", "trimmed", "boosted" all state a new level
# when a figure follows "to" ("we've reduced our second-quarter forecast to 2 percent")
_REVISION_VERB = (
    r"(?:revised|raised|lowered|marked|reduced|increased|decreased|cut|trimmed|boosted|lifted|upgraded|downgraded|"
    r"pared|shaved|nudged|bumped)"
)
# a revision of one's own estimate told with its new level ("we have revised up our estimate of third-quarter growth
# from 3.5 to 4.5 percent"): the new level is the forecast, though the verb is past
_REVISED_OURS = patterns.compile(
    rf"\b(?:have|has|['’]ve)\s+(?:\w+ly\s+)?{_REVISION_VERB}\s+(?:up|down|upward|downward)?\s*(?:our|its|their|"
    r"the)\s+(?:[\w-]+\s+)?(?:estimate|forecast|projection|outlook)\b[^.;]{0,80}?\bto\s+" + _NUMBER,
    re.I,
)
# a projection revised in the past tense to a new figure, as accounts and testimony tell the latest round (the guide: a
# revision stated with its new level counts): "projected growth for 2027 had been revised up by 0.3 percentage points,
# to 1.4%", "The central tendency for the jobless rate was marked up to a range of 5 to 5-1/4 percent", "participants
# marked down their projections for inflation in 2026 to a central tendency of 1-1/2 to 2 percent"; the forecast word
# before the figure ("GDP growth in the first quarter was revised up to 3.1 percent" revises data, not a forecast)
_FORECAST_WORD = r"(?:projections?|projected|forecasts?|central\s+tendenc(?:y|ies)|outlook)"
_REVISION_TOLD = rf"(?:{_REVISION_VERB}|moved)(?:\s+(?:up|down|upward|downward|higher|lower)\b)?"
_REVISED_TOLD = patterns.compile(
    rf"(?:\b{_FORECAST_WORD}\b(?:[^.;]|\.\d){{0,100}}?\b{_REVISION_TOLD}|\b{_REVISION_TOLD}\s+(?:its|their|the|our|his|"
    rf"her)\s+(?:[\w-]+\s+){{0,3}}?{_FORECAST_WORD}\b)"
    # "to" a figure, not the second end of a range ("5 to 6 percent"), or to a central tendency or a range
    r"(?:[^.;]|\.\d){0,100}?(?:(?<![\d%]\s)(?<!\bpercent\s)\bto\s+|\bto\s+a\s+(?:central\s+tendency|range)\s+(?:of\s+|"
    r"bracketing\s+|around\s+|near\s+)?)" + _NUMBER,
    re.I,
)
# the central tendency or the range of a round of projections, with its figures, in any tense ("The central tendency
# for the unemployment rate at the end of 2026 was 4-1/2 to 4-3/4 percent", "The range of participants' projections for
# core inflation runs from 2.1 to 2.6 percent"): what the participants project
_CENTRAL_TENDENCY = patterns.compile(
    r"\bcentral\s+tendenc(?:y|ies)\b|\brange\s+of\s+(?:the\s+)?(?:participants['’]?|policymakers['’]?|members['’]?|their|"
    r"FOMC)\s+(?:[\w-]+\s+)?(?:projections|forecasts)\b",
    re.I,
)
# an outlook or prospect described by its content, in any tense (the guide: "remains quite positive" counts, and so
# does an outlook with content said to be unchanged): "the outlook for exports remained weak in the near term",
# "Further out, prospects remain bright", "Her upbeat outlook ... remains essentially unchanged", "the future of
# community lenders is bright", "prospects are less buoyant", an outlook viewed as benign, gains that augur well for
# future growth (in the present: "augured well" tells the past); not uncertainty, not "unchanged" with no content, not
# views or news about the outlook (a sentiment: ``_ABOUT_OUTLOOK``)
_OUTLOOK_CONTENT = (
    r"(?:positive|good|bright|favou?rable|strong|solid|upbeat|encouraging|promising|healthy|robust|weak|poor|dim|"
    r"gloomy|bleak|negative|challenging|grim|subdued|sluggish|muted|benign|mild|rosy|dismal|buoyant)"
)
_OUTLOOK_HELD = patterns.compile(
    r"\b(?:outlook|prospects?|future(?=\s+of\b))(?:\s+(?:for|of)\s+[^.;]{1,60}?)?\s+(?:\w+ly\s+)?(?:is|was|are|were|remains?|"
    r"remained|looks?|looked|appears?|appeared|seems?|seemed|stays?|stayed|continues?\s+to\s+be|continued\s+to\s+be)\s+"
    rf"(?:\w+\s+){{0,2}}?{_OUTLOOK_CONTENT}\b"
    r"|\b(?:views?|viewed|saw|sees?|regards?|regarded|judges?|judged|characteri[sz]ed|described)\s+the\s+(?:outlook|"
    rf"prospects?)\b[^.;]{{0,60}}?\bas\s+(?:\w+\s+){{0,3}}?{_OUTLOOK_CONTENT}\b"
    r"|\b(?:augurs?|bodes?)\s+(?:very\s+)?(?:well|ill|poorly|badly)\s+for\b"
    rf"|\b{_OUTLOOK_CONTENT}\s+(?:[\w-]+\s+)?(?:outlook|prospects?)\b[^.;]{{0,60}}?\b(?:is|was|remains?|remained|stays?|"
    r"stayed)\s+(?:\w+\s+)?unchanged\b",
    re.I,
)
_ABOUT_OUTLOOK = patterns.compile(
    r"\b(?:about|on|regarding|concerning|of|over)\s+(?:the\s+|their\s+|its\s+|our\s+)?(?:[\w'’-]+\s+){0,2}$", re.I
)
# a level stated and its revision, whatever the verb (the guide's WASDE call): "The corn yield of 181.0 bushels per
# acre is down slightly from last month"
_LEVEL_REVISED = patterns.compile(
    r"\b(?:yield|price|production|output|exports|imports|use|stocks|supplies|crush|consumption)\s+of\s+"
    + _NUMBER
    + r"[^;]{0,40}?\b(?:is|are)\s+(?:\w+\s+)?(?:down|up|unchanged|raised|lowered|higher|lower|reduced|increased)\b",
    re.I,
)
# a present state said not to last, hedged ("may be only a transitory response to inventory rebuilding", "may not be
# of a permanent nature": 0.4, as "may" is) or plain ("that's clearly an unsustainably high level", "which is
# unsustainable": 0.75): a forecast that it ends; not the past ("ran at an unsustainable pace"), not an explanation
# ("could be the result of transitory influences")
_NOT_LASTING = patterns.compile(
    r"\b(?P<h>may|might|could)\s+(?:well\s+)?(?:be|prove)\s+(?:only\s+|just\s+|merely\s+)?(?:an?\s+)?(?:temporary|"
    r"transitory|short-lived|fleeting)\b"
    r"|\b(?P<n>may|might|could)\s+not\s+(?:be|prove)\s+(?:of\s+an?\s+)?(?:permanent|lasting|durable|enduring)\b"
    r"|\b(?:is|are|['’]s|seems?|looks?|appears?)\s+(?:\w+ly\s+)?(?:an?\s+)?unsustainabl[ey]\b",
    re.I,
)
# a launch's weather: "currently 50% favorable" (the guide counts it as a formation chance is counted)
_FAVORABLE = patterns.compile(r"\b(?P<n>\d{1,3})\s*(?:%|percent)\s+(?:go|favou?rable)\b", re.I)
# an elliptical comparison that gives a forecast's number: "That is down from an earlier prediction of 3.3 percent"
_FROM_EARLIER = patterns.compile(
    r"\b(?:down|up|lower|higher|less|more)\s+(?:\w+\s+)?(?:from|than)\s+(?:an?|the|its|their|our)\s+(?:\w+\s+)?"
    r"(?:earlier|previous|prior|initial|original)\s+(?:prediction|forecast|projection|estimate|outlook)\s+of\b",
    re.I,
)
_PUT_AT = patterns.compile(r"\b(?:put|puts|peg|pegs|see|sees)\s+[^.;]{1,60}?\bat\s+" + _NUMBER, re.I)


# markets' pricing told in any tense, with what it implies for a time ahead (an account's "the futures curve extended
# this decline until 2024", "market-based measures of inflation compensation ... implied a return to 2% around
# mid-2024"): the market's forecast, read only with a named time after the text's date
_MARKET_TOLD = patterns.compile(
    r"\b(?:futures(?:\s+(?:curve|prices|market))?|forward\s+(?:curves?|rates|prices)|market[- ]based\s+(?:measures|"
    r"expectations|indicators)|market\s+pricing|(?:inflation\s+)?compensation)\b[^.;]{0,100}?\b(?:implied|implies|imply|"
    r"extended|extends|extend|signalled|signaled|signals|signal|indicated|indicates|indicate|pointed\s+to|points?\s+to|"
    r"suggested|suggests|suggest)\b",
    re.I,
)


def _market_told(text: str, base: date) -> re.Match[str] | None:
    m = _MARKET_TOLD.search(text)
    if m is None:
        return None
    ahead = [d for d in find_deadlines(text[m.end() :], base=base) if d.on > base and not d.vague and not d.pending]
    return m if ahead else None


# the estimate of a quarter that has ended but is not yet reported, with a forecasting word (the guide's twelfth and
# forty-second batches: "housing investment growth likely moderated in the third quarter of 2021", said about two
# months after the quarter's end): "likely" or "probably" before a past verb of change, the quarter named after it and
# ended at most _UNREPORTED_DAYS before the text (a quarter's national accounts, with their components, come out about
# two months after its end); not an explanation ("likely reflected", "probably explained")
_NOWCAST = patterns.compile(
    r"\b(?:likely|probably)\s+(?!(?:reflect|explain|indicat|captur|represent|account|stem|owe|mean|impl|mask|understat|"
    r"overstat|caus|contribut|attribut|relat|link|tie|driv|weigh)\w*\b)(?:[a-z]+ed|rose|fell|grew|held|remained|stayed|"
    r"came|went)\b(?=[^.;]{0,60}?\bin\s+the\s+(?P<q>first|second|third|fourth)\s+quarter(?:\s+of\s+(?P<y>(?:19|20)\d\d))?\b)",
    re.I,
)
_UNREPORTED_DAYS = 60
_QUARTER_ENDS = {"first": (3, 31), "second": (6, 30), "third": (9, 30), "fourth": (12, 31)}


def _nowcast(text: str, base: date) -> re.Match[str] | None:
    m = _NOWCAST.search(text)
    if m is None:
        return None
    month, day = _QUARTER_ENDS[m.group("q").lower()]
    year = int(m.group("y")) if m.group("y") else base.year - (date(base.year, month, day) >= base)
    ended = date(year, month, day)
    return m if ended < base and (base - ended).days <= _UNREPORTED_DAYS else None


def stated_cue(text: str, base: date | None) -> Cue | None:
    """The cue of a forecast stated with no future word (module docstring), or None. A sentence of clauses joined by
    semicolons is read a clause at a time ("Primary deficits average 2.0 percent of GDP over the 30-year period; over
    the past 50 years, they averaged 1.7 percent")."""
    if base is None or revision_without_level(text):
        return None
    m = _REVISED_OURS.search(text) or _LEVEL_REVISED.search(text) or _round_told(_REVISED_TOLD, text, base)
    if m is not None:
        return Cue("a revision to a new level", m.span(), 0.75, False, False)
    m = _round_told(_CENTRAL_TENDENCY, text, base, figure=True)
    if m is not None:
        return Cue("a central tendency of projections", m.span(), 0.75, False, False)
    m = _round_told(_OUTLOOK_HELD, text, base)
    if m is not None and not _ABOUT_OUTLOOK.search(text, 0, m.start()):
        return Cue(m.group(0), m.span(), 0.75, False, False)
    m = _NOT_LASTING.search(text)
    if m is not None:
        hedged = bool(m.group("h") or m.group("n"))
        return Cue("a state said not to last", m.span(), 0.4 if hedged else 0.75, False, hedged)
    m = _FAVORABLE.search(text)
    if m is not None:
        return Cue(m.group(0), m.span(), min(1.0, float(m.group("n")) / 100), False, False)
    m = _market_told(text, base)
    if m is not None:
        return Cue("markets' pricing of a time ahead", m.span(), 0.75, False, False)
    m = _nowcast(text, base)
    if m is not None:
        return Cue(m.group(0).split()[0], m.span(), 0.7, False, False)
    at = 0
    for clause in text.split(";") if ";" in text else [text]:
        # a revision to a level is told in the present passive, whose participle ("are increased") is no past verb
        aside = _AS_BEFORE.sub(lambda m: " " * len(m.group(0)), clause) if _REMAINS.search(clause) else clause
        cue = _revision_cue(clause, base) or (None if _PAST.search(aside) else _clause_cue(clause, base))
        if cue is not None:
            return Cue(cue.words, (cue.span[0] + at, cue.span[1] + at), cue.probability, cue.modal, cue.hedged)
        at += len(clause) + 1
    return None


def _round_told(pattern: re.Pattern[str], text: str, base: date, *, figure: bool = False) -> re.Match[str] | None:
    """A forecast told in any tense (``_REVISED_TOLD``, ``_CENTRAL_TENDENCY``, ``_OUTLOOK_HELD``), with ``figure`` an
    amount after it, not of a period over: the years read are those from the match to its figure, so that a cause's
    year ("the tax cuts enacted in 2001") does not date the forecast."""
    m = pattern.search(text)
    if m is None:
        return None
    end = m.end()
    if figure:
        amount = _AMOUNT.search(text, m.end())
        if amount is None:
            return None
        end = amount.end()
    years = _YEARS.findall(text, m.start(), end)
    return None if years and all(_year_over(y, base) for y in years) else m


def _revision_cue(text: str, base: date) -> Cue | None:
    m = _REVISED.search(text)
    if m is None or _ESTIMATED_SUBJECT.search(text[: m.start()]):
        return None
    if m.group("move") and not _REVISION_CONTEXT.search(text):
        return None  # "Traffic is down to 4 percent": a report; "prices are up from last month to $160": a revision
    # a year or marketing year that is over, or in its last months, by the text's date is an estimate ("2024/25
    # exports are raised" in 2026, "For 2025/26, imports are reduced" in June 2026)
    years = _YEARS.findall(text)
    if years and all(_year_over(y, base) for y in years):
        return None
    kept = "unchanged" in m.group(0).lower()
    return Cue("a forecast kept at its level" if kept else "a revision to a new level", m.span(), 0.75, False, False)


def _clause_cue(text: str, base: date) -> Cue | None:
    m = _PROJECTION_PERIOD.search(text) or _FROM_EARLIER.search(text)
    if m is not None:
        return Cue(m.group(0).strip(), m.span(), 0.75, False, False)
    m = _PROJECTED_SUBJECT.search(text)
    if m is not None and _AMOUNT.search(text, m.end()):
        return Cue("a projection's present tense", m.span(), 0.75, False, False)
    m = _PROJECTED_VS_YEAR_BEFORE.search(text)
    years = _YEARS.findall(text[: m.end()]) if m is not None else []
    if m is not None and not (years and all(_year_over(y, base) for y in years)):
        # not "Projected 2024/25 exports are below a year earlier", said in 2026: an estimate
        return Cue("a projection's present tense", m.span(), 0.75, False, False)
    m = _COMING.search(text) or _ABOUT_TO.search(text)
    if m is not None:
        return Cue(m.group(0), m.span(), 0.75, False, False)
    m = _NOT_SURPRISED.search(text)
    if m is not None:  # "I would not be surprised to see": a likely outcome, hedged
        return Cue(m.group(0), m.span(), 0.65, False, True)
    later = [d for d in find_deadlines(text, base=base) if d.on > base and not d.pending]
    if not later:
        return None
    m = _SURPRISED.search(text)
    if m is not None:  # "surprised if it didn't": likely; "surprised if it did": unlikely
        return Cue(m.group(0).split(" if")[0] + " if", m.span(), 0.75 if m.group("neg") else 0.25, False, True)
    m = _LOOKING_AT.search(text)
    if m is not None and _AMOUNT.search(text, m.end()):
        return Cue(m.group(0), m.span(), 0.75, False, False)
    m = _CHANCE.search(text)
    if m is not None:
        return Cue(m.group(0), m.span(), min(1.0, float(m.group("n")) / 100), False, False)
    m = _CHANCE_WORDS.search(text)
    if m is not None:
        return Cue(m.group(0), m.span(), 0.2 if m.group("low") else 0.7, False, True)
    m = _FORECAST_HAS.search(text)
    if m is not None:
        return Cue(m.group(0), m.span(), 0.75, False, False)
    m = _OUTLOOK.search(text) or _PUT_AT.search(text) or _PRICED_IN.search(text)
    if m is not None:
        return Cue(m.group(0), m.span(), 0.75, False, False)
    m = _NOT_RULED_OUT.search(text)
    if m is not None:
        return Cue(m.group(0), m.span(), 0.4, False, True)
    if _GOAL.search(text):
        return None
    dated = [d for d in later if not d.vague]
    marked = any(_MARKED_PERIOD.search(d.words) for d in dated) or _MARKED_PERIOD.search(text) is not None
    if not dated or not (marked or any(d.on.year > base.year for d in dated)):
        return None
    state = _STATE.search(text)
    if state is not None and _ESTIMATED_SUBJECT.search(text[: state.start()]):
        return None  # "Beginning stocks are down 14 million bushels": the crop in hand, estimated
    if state is not None and (
        _AMOUNT.search(text, state.end())
        or _RECORD.match(text, state.end())
        or (_commodity_amount(text, state) and not all(_year_over(y, base) for y in _YEARS.findall(text)))
    ):
        return Cue("a projection's present tense", state.span(), 0.75, False, False)
    state = _REMAINS.search(text)
    if state is not None:
        return Cue("a projection's present tense", state.span(), 0.75, False, False)
    return None


def _commodity_amount(text: str, state: re.Match[str]) -> bool:
    """Whether a commodity's amount follows the verb, or a forecast named before it has its figures after it."""
    if _COMMODITY_AMOUNT.search(text, state.end()) is not None:
        return True
    named = _FORECASTS_SUBJECT.search(text, 0, state.start()) is not None
    return named and re.search(r"\d", text[state.end() :]) is not None


def _year_over(year: str, base: date) -> bool:
    """Whether a year ("2025") or marketing year ("2024/25") the text names is over or in its last months by ``base``:
    a calendar year before the text's, or a marketing year ending in the text's year when the text is from May on
    (when the WASDE starts the new year's projections, the old year's figures become estimates: "Est." in its
    tables)."""
    end = int(year[:4]) + (1 if "/" in year else 0)
    return end < base.year or ("/" in year and end == base.year and base.month >= 5)
