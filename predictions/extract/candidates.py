"""Candidate claims from an article: which units predict, and each one as a claim ready to import.

A unit (``units``) is a candidate when a future cue governs it (``confidence``), when it is a list item under a
predictions heading, or, in a transcript, when it opens the answer to a question with a figure and nothing past
("About 5 percent from where we are now.": confidence 0.5, flagged for restating from the question). The sentence
classifier (``classify``) then has its say: a unit the rules take is dropped when it scores below the model's veto,
and one they do not take (not a question, four words or more) comes in when it scores at least the model's admit,
flagged for review with its score and no stated confidence. Each candidate
gets its quote and offsets, its speaker (``restate``), a restated statement, a deadline (``deadlines``; else the
default horizon below), a proposed rule where it has a number (``thresholds``, with a ledger indicator when one
matches: ``indicators``), a condition where a real "if" (or "unless", "during the next downturn") states one, and
the points a reviewer must settle (``needs_review``).

**Default horizon** (no date in the sentence): the text's own horizon where it has one (``deadlines.text_horizon``:
the date the text names most often, a weather product's valid period); else the end of the second calendar year
after the publication date (2024-05-01 -> 2026-12-31); for a long-run goal ("ultimate", "eventually", "in the long
run", "long-term goal") the end of the sixth (2024 -> 2030-12-31). The deadline is flagged for review with a note; a
deadline before the text's date is flagged and replaced by the default, so the output always imports.

**Strict** (``strict=True``, opt-in): a candidate a rule cue takes is left out when the classifier scores it below
``DOUBTED``, instead of kept and flagged. On texts the rules had never seen (``benchmarks/extract_history.py``, 1,124
candidates) that took precision 0.632 -> 0.776 and recall 0.795 -> 0.732: for a long speech or report with few
predictions. It is not the default, since the model scores the seed article's own predictions 0.001-0.065. A
sentence in a section the author heads as predictions stays (the author says it predicts), and so does every
candidate of a text shorter than ``STRICT_MIN_UNITS`` units (a sentence typed alone is asked about on purpose);
without a model it changes nothing. Without strict, the same candidates come out marked ``doubted`` (and flagged), so
that a reviewer can leave them unchecked (the dashboard does) instead of not seeing them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from predictions.extract import classify, patterns
from predictions.extract.confidence import (
    DATED_AHEAD,
    MONTH_NAME,
    Cue,
    governing_cue,
    not_a_prediction,
    ruled_out,
    states_no_claim,
    without_wishes,
)
from predictions.extract.deadlines import (
    NO_CROP,
    Deadline,
    Horizon,
    find_deadlines,
    find_text_date,
    fiscal_year_end,
    sentence_key,
    text_horizon,
)
from predictions.extract.indicators import IndicatorMatch, match_indicator
from predictions.extract.numbers import find_quantities
from predictions.extract.restate import (
    PARAGRAPH_BREAK,
    Speaker,
    find_speaker,
    quotations,
    restate,
    subject_of,
    with_known_body,
)
from predictions.extract.stated import stated_cue
from predictions.extract.thresholds import Threshold, find_threshold
from predictions.extract.units import Unit, units

DEFAULT_YEARS = 2
LONG_RUN_YEARS = 6
_LONG_RUN = patterns.compile(
    r"\b(?:ultimate(?:ly)?|eventually|in\s+the\s+long\s+(?:run|term)|over\s+the\s+long\s+(?:run|term|haul)|"
    r"long[- ]term\s+(?:goals?|objectives?|targets?|ambitions?|aims?|visions?|plans?)|"
    r"in\s+the\s+coming\s+decades?|over\s+the\s+(?:coming\s+)?decades?)\b",
    re.I,
)
# A speaker's turn in a transcript: "MR. PARRY.", "CHAIRMAN GREENSPAN."
_TURN = patterns.compile(
    r"^(?:\[[^\]]{1,40}\]\s*)?(?P<title>MR|MS|MRS|DR|CHAIRMAN|VICE\s+CHAIRMAN|GOVERNOR|PRESIDENT|SENATOR)\.?\s+(?P<name>[A-Z][A-Z'’-]+)\.$"
)
# "Although core inflation remained a little below 2 percent, participants anticipated ...": a concession about the
# present that opens the sentence; its numbers are not the prediction's when the cue comes after it
_CONCESSION = patterns.compile(
    r"^\s*(?:although|though|even\s+though|while|whereas|despite|notwithstanding)\b[^;]*?,\s+", re.I
)
_CURRENCIES = ("USD", "EUR", "GBP", "JPY", "CNY", "CHF")
_EVENT = (
    r"downturn|recession|crisis|crash|war|conflict|shock|slowdown|pandemic|default|election|sanctions|embargo|"
    r"correction|bubble|sell-?off|depression|stagflation|shutdown"
)
_DURING = patterns.compile(
    r"\b(?:during|amid|in\s+the\s+event\s+of|in\s+case\s+of)\s+(?P<c>(?:the\s+|a\s+|an\s+|any\s+)?(?:next\s+)?"
    rf"[^,.;]{{0,60}}?\b(?:{_EVENT})s?)\b",
    re.I,
)
# "the pandemic", "the recession", "the 2008 crisis": an event the text takes as known (past or under way); "the next
# downturn", "a recession", "any crisis" are ones to wait for
_KNOWN_EVENT = patterns.compile(r"the\s+(?!next\b|coming\b|future\b)", re.I)
_IF = patterns.compile(
    r"(?:^|[,;:]\s*|\b)(?P<lead>if|provided\s+(?:that\s+)?|as\s+long\s+as|assuming\s+(?:that\s+)?|on\s+condition\s+that)\s+"
    r"(?P<c>[^,;]+?)(?=,|;|\s+then\b|$|\.\s*$)",
    re.I,
)
_INVERTED = patterns.compile(r"^(?:should|were|had)\s+(?P<c>[^,;]{5,}?),", re.I)
_UNLESS = patterns.compile(r"\bunless\s+(?P<c>[^,;.]+)", re.I)
_RHETORICAL_IF = patterns.compile(
    r"(?:\b(?:even|as|what|only|wonders?|wondered|asks?|asked|see|seeing|know|knowing|unclear|uncertain|doubt|"
    r"decide|deciding|check|test|matter|whether)\s+$)",
    re.I,
)
_RHETORICAL_BODY = patterns.compile(
    r"^(?:anything|any|not|so|ever|at\s+all|only|you|we're|we\s+are|i|history|past|the\s+past|precedent|experience|"
    r"recent\s+history|necessary|needed|appropriate|possible|applicable|true|anyone|nothing\s+else)\b",
    re.I,
)
_CLAUSE_VERB = patterns.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|do|does|did|can|will|would|[a-z]{2,}(?:s|ed))\b", re.I
)
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


@dataclass
class Candidate:
    """A proposed claim: the fields of ``ClaimCreate`` plus what a researcher must still decide."""

    quote: str
    start: int
    end: int
    statement: str
    author: str | None
    source: str | None
    made_on: date | None
    deadline: date | None
    deadline_words: str | None
    deadline_default: bool
    threshold: Threshold | None
    indicator: IndicatorMatch | None
    confidence: tuple[str, float] | None
    condition: str | None
    tags: list[str]
    speaker: str | None = None
    rule_period: str | None = None
    interpretation: list[str] = field(default_factory=list)
    needs_review: list[str] = field(default_factory=list)
    score: float | None = None  # the sentence classifier's P(prediction), None without a model
    doubted: bool = False  # a rule candidate the classifier doubts (``DOUBTED``): what strict mode leaves out

    def to_claim(self, *, author: str | None = None, source_id: int | None = None) -> dict[str, Any]:
        """The candidate as a claim object for ``predtrack claims import`` (dates as ISO text).

        ``author`` is used when the text names no speaker (the candidate's own author wins)."""
        claim: dict[str, Any] = {
            "statement": self.statement,
            "quote": self.quote,
            "author": (_line(self.speaker or self.author or author) or "")[:200] or None,
            "source_id": source_id,
            "made_on": self.made_on.isoformat() if self.made_on else None,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "resolution_criteria": self._criteria(),
            "interpretation": " ".join(self.interpretation) or None,
            "tags": self.tags,
            "stated_confidence": _line(self.confidence[0]) if self.confidence else None,
            "stated_probability": self.confidence[1] if self.confidence else None,
            "condition": self.condition,
            "proposed_rule": self._proposed_rule(),
            "needs_review": [_line(point) for point in self.needs_review][:50],
            "extraction": {
                "quote_start": self.start,
                "quote_end": self.end,
                "source": _line(self.source),
                "speaker": _line(self.speaker),
                "cue": _line(self.confidence[0]) if self.confidence else None,
                "deadline_words": _line(self.deadline_words),
                "deadline_default": self.deadline_default,
                "classifier_score": None if self.score is None else round(self.score, 3),
                "doubted": self.doubted,
            },
        }
        if source_id is None:
            del claim["source_id"]
        return claim

    def _proposed_rule(self) -> dict[str, Any] | None:
        t = self.threshold
        if t is None or t.op is None:
            return None
        window = self.rule_period
        return {
            "op": t.op,
            "threshold": t.value,
            "unit": t.unit,
            "words": _line(t.words),
            "metric": _line(t.metric),
            "high": t.high if t.point else None,
            "aggregate": "last" if window else None,
            "window_start": window,
            "window_end": window,
            "indicator": self.indicator.key if self.indicator else None,
        }

    def _criteria(self) -> str:
        by = self.deadline.isoformat() if self.deadline else "the deadline"
        t = self.threshold
        if t is not None and t.op is not None:
            what = t.metric or "the figure the quote names"
            unit = _unit(t.unit)
            if t.point and t.high is not None:
                test = f"between {_number(t.value)}{unit} and {_number(t.high)}{unit}"
            else:
                test = f"{t.op} {_number(t.value)}{unit}"
            return (
                f"True if {what}, for the period ending {by}, is {test} according to a published source "
                f'(the text says "{t.words}"); false otherwise.'
            )
        return f"True if, by {by}, this has come true, as shown by a researcher's evidence: {self.statement}"


def extract_candidates(
    text: str,
    *,
    published_on: date | None = None,
    author: str | None = None,
    publisher: str | None = None,
    indicators: list[Any] | None = None,
    horizon: Horizon | None = None,
    strict: bool = False,
    whole_units: int | None = None,
) -> list[Candidate]:
    """Candidate claims in ``text``, in the order they appear; deterministic for a given text and arguments.

    ``author`` is the text's author (who "we" is, and who predicts when no speaker is named), ``publisher`` the
    source, ``indicators`` a catalog to propose indicators from (see ``indicators``), ``horizon`` the horizon of the
    whole text when ``text`` is a part of it (``deadlines.text_horizon``; else read from ``text``). ``strict`` leaves
    out the rule candidates the classifier doubts (the module's docstring); ``whole_units`` is the whole text's count
    of units, or a lower bound of it, when ``text`` is a part of it (``text_units``; else counted in ``text``)."""
    found_date = find_text_date(text) if published_on is None else None
    base = published_on or found_date
    fiscal = fiscal_year_end(f"{publisher or ''} {text}")
    horizon = horizon or text_horizon(text, base=base, fiscal=fiscal)

    def short() -> bool:  # a sentence or two typed alone: read in full, nothing in it doubted
        return (text_units(text) if whole_units is None else whole_units) < STRICT_MIN_UNITS

    strict = strict and not short()
    candidates: list[Candidate] = []
    headed: list[Candidate] = []  # candidates of the heading lines since the last sentence of prose
    for unit, previous, speaker, voice, answer in _walk(text, author):
        candidate = _candidate(
            unit,
            speaker=speaker,
            previous=previous,
            base=base,
            from_text=found_date is not None,
            author=voice,
            publisher=publisher,
            indicators=indicators,
            fiscal=fiscal,
            answer=answer,
            horizon=horizon,
            strict=strict,
        )
        if _heading_line(unit):  # a heading line that is no candidate (a chart's title) does not end the run
            if candidate is not None:
                headed.append(candidate)
                candidates.append(candidate)
            continue
        if candidate is not None and headed and not unit.list_item:
            candidate = _run_into(text, headed, candidate)
            del candidates[-len(headed) :]
        headed = []
        if candidate is not None:
            candidates.append(candidate)
    if any(c.doubted for c in candidates) and short():
        for candidate in candidates:
            candidate.doubted = False
    return candidates


def text_units(text: str) -> int:
    """How many units ``text`` has (``units``): what strict mode counts to leave a short text alone."""
    return len(units(text))


# closing punctuation, with a footnote mark after it ("supply chains.[2]", "outcomes.5") still closing the sentence
_SENTENCE_END = patterns.compile(r"[.!?;:][\"'”’)\]]*(?:(?<=[a-z)][.!?])(?:\[\d{1,3}\]|\(\d{1,3}\)|\d{1,2}))?\s*$")


def _heading_line(unit: Unit) -> bool:
    """A heading line, or a short line of prose with no closing punctuation (a headline, a chart's title or a source
    line that the next line continues in lower case, so that it was not read as a heading)."""
    return unit.heading or (not unit.list_item and len(unit.text) <= 200 and not _SENTENCE_END.search(unit.text))


def _run_into(text: str, headed: list[Candidate], sentence: Candidate) -> Candidate:
    """The sentence's candidate, its quote reaching back over the heading lines right before it that predict too: the
    guide labels a headline with no full stop (with a chart's title or a source line after it) as one unit with the
    sentence it runs into, so a reviewer gets one candidate, not the headline's and the sentence's twice."""
    start = headed[0].start
    return replace(sentence, quote=text[start : sentence.end], start=start)


# a programme's sign-on: "This is the VOA Special English Agriculture Report.", "This is the Farm Radio Market Program."
_SIGN_ON = patterns.compile(
    r"^This\s+is\s+(?:the\s+)?(?:[A-Z][\w.&'’-]*\s+){1,8}(?:Report|Program|Programme|Show|Broadcast|Newscast)\.$"
)


def _title_into_sign_on(text: str, found: list[Unit]) -> list[Unit]:
    """``found`` with a text's title (its first line, which ``units`` reads as no unit) run into the programme's
    sign-on under it when the title itself predicts: the guide (twenty-seventh batch) labels such a headline, with no
    full stop, as one unit with the sign-on it runs into ("World food prices expected to stay high or keep rising" /
    "This is the VOA Special English Agriculture Report.")."""
    if not found or not _SIGN_ON.match(" ".join(found[0].text.split())):
        return found
    start = len(text) - len(text.lstrip())
    title = text[start : found[0].start].rstrip()
    if not title or "\n" in title or _SENTENCE_END.search(title) or len(title.split()) < 4:
        return found
    if governing_cue(title) is None:
        return found
    merged = Unit(text[start : found[0].end], start, found[0].end, False, list_item=False)
    return [merged, *found[1:]]


def _walk(text: str, author: str | None) -> Iterator[tuple[Unit, Unit | None, Speaker | None, str | None, bool]]:
    """Each unit that could be a claim, with the unit before it, its speaker, who "I" is, and whether it opens the
    answer to a question (a transcript's speaker turns are skipped)."""
    previous: Unit | None = None
    last_speaker: str | None = None
    told: str | None = None  # the speaker of the unit before, if it named one
    bodies: dict[str, str] = {}  # the body each person named speaks for, by surname
    voice = author  # who "I" and "we" are: the text's author, or in a transcript the member speaking
    asked = opening = False  # the turn before ended in a question; this unit opens the turn that answers it
    found = _title_into_sign_on(text, units(text))
    gaps = [text[found[i - 1].end if i else 0 : u.start] for i, u in enumerate(found)]
    closes = quotations([u.quote for u in found], gaps)
    quoted: Speaker | None = None  # who speaks the quotation the unit before closed with their name after it
    for index, unit in enumerate(found):
        turn = _TURN.match(unit.text)
        if turn is not None:
            title = turn.group("title").title()
            voice = f"{title}{'.' if title in ('Mr', 'Ms', 'Mrs', 'Dr') else ''} {turn.group('name').title()}"
            asked = previous is not None and classify.QUESTION.search(previous.text) is not None
            opening = True
            previous, told = unit, None
            continue
        answer, opening = asked and opening, False
        if previous is not None and told is None:
            told = subject_of(previous.text)  # what the sentence before is about, when it names no speaker
        speaker = find_speaker(unit.text, last_speaker=last_speaker, author=voice, before=told)
        if previous is not None and PARAGRAPH_BREAK.search(gaps[index]):
            quoted = None  # a quotation's speaker does not carry over a paragraph's end
        speaker, quoted = _quoted(unit, index, found, closes, speaker, quoted, (last_speaker, voice, told))
        speaker = with_known_body(speaker, bodies)
        told = None
        if speaker is not None and speaker.name:
            last_speaker = told = speaker.name
        yield unit, previous, speaker, voice, answer
        previous = unit


def _quoted(
    unit: Unit,
    index: int,
    found: list[Unit],
    closes: list[int | None],
    speaker: Speaker | None,
    carried: Speaker | None,
    context: tuple[str | None, str | None, str | None],
) -> tuple[Speaker | None, Speaker | None]:
    """The unit's speaker when it stands in a direct quotation and names no one itself ("“I think prices will fall.",
    "We expect ..."): who is named after the quotation closes ('..., ” said Tom Reed.'), else who spoke the quotation
    the unit before closed in the same paragraph ('"Hiring has slowed," she said. "We expect ..."'); and the speaker
    to carry to the unit after (``restate.quotations``; ``context``: the last speaker, the voice, the subject
    before)."""
    close = closes[index]
    if close is None:
        return speaker, None
    if speaker is not None and speaker.name:
        mark = max(unit.text.rfind("”"), unit.text.rfind('"'))
        return speaker, speaker if close == index and speaker.span[1] > mark >= 0 else None
    named = carried
    if close > index:
        last_speaker, voice, told = context
        ending = found[close].text
        mark = max(ending.rfind("”"), ending.rfind('"'))
        # the attribution after the closing mark ('...," he said.'), not an "I think" before it
        after = (
            find_speaker(ending[mark + 1 :], last_speaker=last_speaker, author=voice, before=told)
            if mark >= 0
            else None
        )
        named = after if after is not None and after.name else None
    if named is None:
        return speaker, None
    return Speaker(named.name, speaker.span if speaker is not None else (0, 0), named.org), named


def unit_features(text: str, *, published_on: date | None = None) -> list[tuple[Unit, list[str], bool]]:
    """Each unit ``extract_candidates`` weighs, with the classifier's features of it (``classify.features``) and
    whether the rules take it: what the training script (``benchmarks/extract_train.py``) fits on."""
    base = published_on or find_text_date(text)
    out = []
    for unit, _previous, _speaker, _voice, answer in _walk(text, None):
        cue, listed = _rule_cue(unit, base, answer)
        names = classify.features(unit.text, base=base, listed=listed, answer=answer)
        out.append((unit, names, cue is not None or listed))
    return out


def _rule_cue(unit: Unit, base: date | None, answer: bool) -> tuple[Cue | None, bool]:
    """The rules' cue for a unit, and whether it is a list item under a predictions heading."""
    cue = _predicts(unit, base)
    if cue is None and answer:
        cue = _answer_cue(unit.text)
    return cue, unit.in_predictions and unit.list_item and not classify.QUESTION.search(unit.text)


# An answer in a transcript that gives a figure and nothing past ("About 5 percent from where we were as of last
# night."): the forecast the question asked about, stated in its context.
_ANSWER_PAST = patterns.compile(
    r"\b(?:was|were|had|did|rose|fell|grew|came|went|showed|increased|decreased|declined|last|ago|yesterday)\b", re.I
)


def _answer_cue(text: str) -> Cue | None:
    if len(text.split()) > 25 or classify.QUESTION.search(text) or _ANSWER_PAST.search(text):
        return None
    figure = next((q for q in find_quantities(text) if q.unit in ("%", "pp", "bp") or q.unit in _CURRENCIES), None)
    return None if figure is None else Cue("an answer with a figure", figure.span, 0.5, False, True)


# A news headline on its own, in title case with no full stop ("India's Tech Titans Will Plead Visas Case Before
# Officials"): the guide counts a headline only through the sentence it runs into, not alone.
_TITLE_WORD = patterns.compile(r"[A-Za-z][\w’'-]*")


def _headline(text: str) -> bool:
    if re.search(r"[.!?:;\"”’)]\s*$", text):
        return False
    words = [w for w in _TITLE_WORD.findall(text) if len(w) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _predicts(unit: Unit, base: date | None = None) -> Cue | None:
    if classify.QUESTION.search(unit.text) or len(unit.text.split()) < 4 or _headline(unit.text):
        return None
    cue = governing_cue(unit.text)  # None for a sentence that says it does not predict (``not_a_prediction``)
    if cue is None and not not_a_prediction(unit.text):
        hoped = without_wishes(unit.text)  # "I hope the labor market stays strong next year": a hope
        cue = _present_with_future_date(hoped, base) or stated_cue(hoped, base)
        if cue is not None and states_no_claim(unit.text):
            cue = None  # "no other changes are projected for 2026/27": an assessment, no present tense of a forecast
    if cue is not None and (
        _past_forecast(unit.text, base) or _told_over(cue, unit.text, base) or _set_in_the_past(cue, unit.text, base)
    ):
        return None
    return cue


# a sentence set in a year that is over, by its opening: "In 2025, the Antminer S19 could operate with a hashrate of
# ...", "In March 2023, depositors could move their money within hours", "During 2022, firms would often ..."
_PAST_OPENING = patterns.compile(
    r"^\W*(?:in|during|throughout|at\s+the\s+(?:start|end|beginning|height)\s+of)\s+(?:(?:early|late|mid)[- ]?\s*)?"
    r"(?:" + MONTH_NAME + r"\s+)?"
    r"(?P<y>(?:19|20)\d\d)\b",
    re.I,
)


def _clause_stop(text: str, at: int) -> int:
    """The end of the clause a modal at ``at`` stands in: the next semicolon or the sentence's end."""
    stop = text.find(";", at)
    return len(text) if stop < 0 else stop


def _set_in_the_past(cue: Cue, text: str, base: date | None) -> bool:
    """Whether a modal ("could", "would", "might", "may") stands in a sentence that opens in a year over by the text's
    date and names no later year and no time ahead: "could" or "would" as the past of "can" or "will" (the guide:
    past-tense reports; forecasts recalled for a period that has passed)."""
    opening = _PAST_OPENING.match(text)
    if base is None or opening is None or not cue.modal:
        return False
    if cue.words.split()[0].lower() not in ("could", "would", "might", "may"):
        return False
    if int(opening.group("y")) >= base.year or any(int(y) >= base.year for y in _YEAR.findall(text)):
        return False
    # a clause of its own before the modal, told now or by others ("In 2024, the economy grew 2.8 percent; it could
    # slow to 2 percent", "During 2024 prices fell sharply, but analysts say they could stabilize by summer"), or a
    # named time after the opening ("this year", "on Thursday", "within a decade"), takes the modal out of that year
    if re.search(
        r";|,\s*(?:and|but|yet|while|so)\b|\bbut\b|\b(?:now|say|says|expect|expects|see|sees|forecast|project|projects)\b",
        text[opening.end() : cue.span[0]],
        re.I,
    ) or re.search(DATED_AHEAD, text[opening.end() : _clause_stop(text, cue.span[1])], re.I):
        return False
    return not re.search(r"\b(?:next|coming|ahead|future|later|soon|within\s+the\s+next)\b", text, re.I)


# A forecast made in the past and told as such, its period over by the text's date (the guide: past-tense reports are
# not predictions): "We anticipated that it would be more rapid at this point", "At the time, analysts expected the
# recovery to be quick", "Last year, the staff had projected that inflation would rise", "A year ago, forecasters
# predicted that unemployment would rise in 2024" (in 2025). A restated outlook whose period is still ahead ("NOAA's
# initial outlook in May predicted an above-normal season") stays: a named time after the text's date keeps it.
_FORECAST_PAST = (
    r"(?:anticipated|expected|predicted|projected|forecast|forecasted|foresaw|foreseen|thought|believed|estimated)"
)
_PAST_FORECAST = patterns.compile(
    rf"(?P<now>\b{_FORECAST_PAST}\b[^.;]{{0,120}}?\b(?:at\s+this\s+(?:point|stage|time|juncture)|by\s+now|by\s+this\s+time)\b)"
    r"|^\W*(?:at\s+the\s+time|back\s+(?:in|then)|(?:a|one|two|three|four|five|six|several|a\s+few|\d+)\s+(?:years?|months?|"
    r"weeks?|quarters?)\s+ago|in\s+the\s+past|last\s+(?:year|month|spring|summer|autumn|fall|winter)|earlier\s+this\s+year)\b"
    rf"[^.;]{{0,80}}?\b{_FORECAST_PAST}\b"
    # the pluperfect of a forecast verb with its content: "had projected that", "had expected inflation to stay"
    rf"|\bhad\s+(?:\w+ly\s+)?{_FORECAST_PAST}(?=\s+(?:that\b|(?:[\w'’-]+\s+){{1,5}}?to\s+[a-z]))"
    # the past progressive: "some people were expecting up to 25% unemployment at the height of the pandemic"
    r"|(?P<progressive>\b(?:was|were)\s+(?:\w+ly\s+|all\s+|still\s+)?(?:expecting|anticipating|predicting|forecasting|"
    r"projecting)\b)",
    re.I,
)
_COMPARED = patterns.compile(r"\b(?:than|as)\s+(?:\w+\s+){0,3}$", re.I)


# A forecast told in the past tense, its cue the past forecast verb, about periods that are all over by the text's
# date: "We expected growth to pick up last year", "Prices were projected to rise in 2025, and they did" (said in 2026).
# Only with such a period named: the FOMC minutes tell every forecast in the past tense ("participants expected that
# spending would rise").
_FORECAST_TOLD = patterns.compile(
    rf"^(?:(?:was|were|had)\s+)?(?:\w+ly\s+)?{_FORECAST_PAST}(?:\s+to)?$"
    # an estimate with its figure, of periods long over: "we estimate that 33 percent of museums conducted an
    # assessment from 2014 through 2024" (a period just ended is pending and keeps it: ``_all_over``)
    r"|^estimates?(?:\s+(?:that|of|for))?$",
    re.I,
)


# the past forecast verb that governs a "would" (or "could", "might") after it, in the same clause: "the budget office
# projected that the deficit would reach 5 percent in 2023", "forecasters predicted home prices would fall"; not a
# comparison with what was expected ("stronger than expected, which would ...")
_TOLD_BEFORE = patterns.compile(
    rf"(?<!\bthan\s)(?<!\bas\s)\b{_FORECAST_PAST}\b(?=(?:(?!\b(?:will|shall|is|are|am)\b|['’]ll\b)[^.;:])*$)", re.I
)


def _told_over(cue: Cue, text: str, base: date | None) -> bool:
    """Whether the cue is a past forecast verb whose clause names only periods that are over (the period read after
    the cue: "Tax changes enacted last year were expected to provide a boost" keeps its forecast), or the "would" of
    the content such a verb reports ("In 2021 the budget office projected that unemployment would be 4.6 percent at
    the end of 2023", said in 2024)."""
    if base is None:
        return False
    if cue.words.split()[0].lower() in ("would", "could", "might"):
        verb = _TOLD_BEFORE.search(text, 0, cue.span[0])
        if verb is None:
            return False
        told = text[verb.end() :]
        if re.search(r"\b(?:next|coming|ahead|future|later)\b", told, re.I):
            return False
        return _all_over(told, base) or _recalled(text[: verb.start()], told, base)
    if _FORECAST_TOLD.match(" ".join(cue.words.split())) is None:
        return False
    told = text[cue.span[1] :]
    return not re.search(r"\b(?:next|coming|ahead|future|later)\b", told, re.I) and _all_over(told, base)


def _recalled(made: str, told: str, base: date) -> bool:
    """Whether a forecast told after a year of its making ("In February 2021, the budget office projected that ...")
    is of a year that is over, even one that ended too recently for its figures to be out (``Deadline.pending``): the
    text says when the forecast was made, so it is recalled, not a current estimate of a period just ended."""
    made_in = [int(y) for y in _YEAR.findall(made)]
    told_of = [int(y) for y in _YEAR.findall(told)]
    if not made_in or not told_of or max(made_in) >= min(told_of) or max(told_of) >= base.year:
        return False
    return not any(d.on >= base and not d.vague and not d.pending for d in find_deadlines(told, base=base))


# what the holder expects to do, after a past progressive: "Consumers ... were expecting to make fewer major purchases"
_TO_VERB = patterns.compile(r"\s+to\s+(?!the\b|a\b|an\b|\d)[a-z]+\b")


def _past_forecast(text: str, base: date | None) -> bool:
    told = next((m for m in _PAST_FORECAST.finditer(text) if not _COMPARED.search(text[: m.start()])), None)
    if told is None or re.search(r"\b(?:next|coming|ahead|future|later)\b", text, re.I):
        return False
    if told.group("progressive") and _TO_VERB.match(text, told.end()) and base is not None:
        # an account's reported present of what the holders expect to do (the guide: consumers said to expect fewer
        # major purchases count like respondents' expectations of their own future), unless a period named is over
        return _all_over(text, base)
    if told.group("now"):
        return True  # its period is the present: "would be more rapid at this point"
    return base is None or not any(d.on > base and not d.vague for d in find_deadlines(text, base=base))


_LAST_PERIOD = patterns.compile(
    r"\blast\s+(?:year|month|quarter|week|spring|summer|fall|autumn|winter)\b|\bago\b", re.I
)


# a past period named as what a change is measured from, not as when it happens: "to increase by 5.7 percent over last
# year", "up 3 percent on last year", "from last year's level", "compared with last year"; "over" and "on" only after
# an amount ("rise over last year's holiday season" is when)
_FROM_PERIOD = patterns.compile(
    r"(?:\b(?:from|than|versus|vs\.?)|\bcompared\s+(?:with|to)|(?:percent|%|points?|\d)\s+(?:over|on|above|below))"
    r"\s+(?:the\s+same\s+\w+\s+(?:of\s+)?)?$",
    re.I,
)


# a past year named as what a level is compared with: "down 20 percent from their early 2006 peak", "above the 2023
# level", "from their mid-2025 highs" (the year of a reference point, not when the forecast comes true)
_YEAR_AS_BASE = patterns.compile(
    r"(?:\b(?:from|than|versus|vs\.?|since|above|below|under|over)|\bcompared\s+(?:with|to))\s+"
    r"(?:(?:the|their|its|our|his|her|a)\s+)?(?:(?:early|late|mid)[- ]?\s*)?$",
    re.I,
)
_BASE_NOUN = patterns.compile(r"['’]?s?\s+(?:peaks?|levels?|highs?|lows?|averages?|troughs?|records?)\b", re.I)


def _all_over(text: str, base: date) -> bool:
    """Whether the text names a past period ("last year", "in 2025" said in 2026) and none that ends after ``base``.
    A past period that is only the base of a comparison ("increase by 5.7 percent over last year", "down 20 percent
    from their 2006 peak") does not count."""
    years = [
        int(m.group(0))
        for m in _YEAR.finditer(text)
        if not (_YEAR_AS_BASE.search(text[: m.start()]) and _BASE_NOUN.match(text, m.end()))
    ]
    named = (m for m in _LAST_PERIOD.finditer(text) if not _FROM_PERIOD.search(text[: m.start()]))
    past = next(named, None) is not None or (bool(years) and max(years) < base.year)
    return past and not any(d.on >= base and not d.vague for d in find_deadlines(text, base=base))


# An outlook's present tense for its forecast period: "CO2 emissions from coal ... all rise in 2025", "Decreases in
# 2026 occur mostly from coal", "These increases contribute 34% of the growth ... in 2026". A verb of change or of
# amount in the present, a period that ends after the text's date, and no verb in the past; not a definition or a
# rule ("is", "are", "has": a state, which the FOMC's "inflation is below 2 percent in 2012" shows is a report).
_PRESENT_CHANGE = patterns.compile(  # not an adjective's last part: "near-average temperatures", "above-average odds"
    # "average" is the verb only before its amount ("Exports average 3 million"), not in "average hourly earnings"
    r"(?<!-)\b(?:rises?|increases?|decreases?|falls?|declines?|grows?|reach(?:es)?|occurs?|contributes?|drives?|"
    r"averages?(?=\s+(?:about|around|roughly|nearly|almost|just|some|more|less|over|under|above|below|close|an?\s|"
    r"[$£€]|\d))|"
    r"climbs?|drops?|peaks?|exceeds?|totals?|accounts?\s+for|makes?\s+up|offsets?|outpaces?|slows?|accelerates?|"
    r"recovers?|rebounds?|shrinks?|expands?|contracts?|doubles?|halves?|equals?|surpasses?|tops?)\b"
)
_WILL = patterns.compile(r"\b(?:will|shall)\b|['’]ll\b", re.I)
_PAST_VERB = patterns.compile(
    r"\b(?:was|were|had|did|been|rose|fell|grew|declined|increased|decreased|averaged|reached|showed|released|reported|"
    r"said|came|went|saw|noted|revised|recorded|posted|ended|began|estimated|registered|remained|occurred|continued|"
    r"persisted|stayed|eased|slowed|strengthened|weakened|dropped|climbed|rebounded|expanded|contracted)\b|"
    r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:been|\w+ed)\b|\b(?:since|ago|last\s+(?:year|month|week|quarter))\b"
    # a habit or an explanation, not the forecast: "prices typically rise during the winter", "the increase results
    # from rising demand", "these factors include"
    r"|\b(?:typically|usually|generally|normally|often|tends?\s+to|results?\s+from|reflects?|includes?|attributed|"
    r"can|may|might)\b",
    re.I,
)
# a verb of change after a determiner, an adjective or a preposition is a noun: "the increase in power prices", "the
# largest declines", "a 0.4-million-ton drop"
_NOUN_BEFORE = patterns.compile(
    # after a copula the word is an adjective: "employment growth is now equal to that in the country"
    r"\b(?:is|are|was|were|be|been|being)\s+(?:(?:now|still|also|roughly|about|almost|nearly|\w+ly)\s+)?$|"
    r"(?:\b(?:the|a|an|its|their|our|this|that|these|those|of|in|on|for|from|with|by|to|smaller|larger|higher|lower|"
    r"any|some|further|annual|seasonal|[a-z]+est|most|main|sharp|steep|modest|slight)|['’]s|\w-[a-z]+)\s+$"
    # the head of a phrase after a preposition and a determiner: "even after our rate increases this year"
    r"|\b(?:after|before|despite|following|amid|given|since)\s+(?:the|our|its|their|his|her|these|those|recent)\s+"
    r"[a-z-]+\s+$",
    re.I,
)
# the reasons for a projected change, not a further forecast (the guide's CBO call): "spending for Social Security ...
# drive that increase", "These factors account for the rise"
_EXPLAINS = patterns.compile(
    r"\b(?:drives?|explains?|accounts?\s+for|underlies?|underpins?|causes?)\s+(?:that|this|these|those|the|much\s+of\s+the|"
    r"most\s+of\s+the)\s+(?:\w+\s+)?(?:increases?|rises?|growth|declines?|decreases?|changes?|gap|shortfall)\b",
    re.I,
)


# Where a clause about something else begins: a past verb after it ("exceeding the peak it reached after the war",
# "more than the 3.8 percent that deficits have averaged") is that clause's, not the forecast's.
_ASIDE = patterns.compile(r",|—|--|\s-\s|\bthan\b|\bthat\b|\bwhich\b|\bwhen\b|\bsince\b", re.I)
# a horizon that is vague but ahead: "over the next few years", "in coming years"
_AHEAD_VAGUE = patterns.compile(r"\b(?:next|coming)\b", re.I)


def _present_with_future_date(text: str, base: date | None) -> Cue | None:
    # a "will" that ``governing_cue`` did not take (a schedule, a procedure) is not made a forecast by a present tense
    if base is None or _WILL.search(text) or _EXPLAINS.search(text):
        return None
    verb = next((m for m in _PRESENT_CHANGE.finditer(text) if not _NOUN_BEFORE.search(text[: m.start()])), None)
    if verb is None:
        return None
    aside = _ASIDE.search(text, verb.end())
    if _PAST_VERB.search(text, 0, aside.start() if aside else len(text)):
        return None
    later = [
        d
        for d in find_deadlines(text, base=base)
        if d.on > base and not d.pending and (not d.vague or _AHEAD_VAGUE.search(d.words))
    ]
    if not later:
        return None
    return Cue("a present tense with a future date", verb.span(), 0.75, False, False)


def _candidate(
    unit: Unit,
    *,
    speaker: Speaker | None,
    previous: Unit | None,
    base: date | None,
    from_text: bool,
    author: str | None,
    publisher: str | None,
    indicators: list[Any] | None,
    fiscal: tuple[int, int, int],
    answer: bool = False,
    horizon: Horizon | None = None,
    strict: bool = False,
) -> Candidate | None:
    text = unit.text
    cue, listed = _rule_cue(unit, base, answer)
    if cue is not None and cue.hedged and unit.in_risks:
        return None  # "may inadvertently isolate researchers", under "Risks": a caveat the author lists, not a forecast
    admitted, score = _admitted(unit, cue, listed=listed, answer=answer, base=base, strict=strict)
    if not admitted:
        return None
    deadlines = find_deadlines(text, base=base, fiscal=fiscal, horizon=horizon.last if horizon else None)
    condition = _condition(text, base=base)
    cond_span = condition[1] if condition else (0, 0)
    dated = [d for d in deadlines if not (cond_span[0] <= d.span[0] < cond_span[1])] or deadlines
    skip = [d.span for d in deadlines] + ([speaker.span] if speaker else [])
    conceded = _CONCESSION.match(text)
    if conceded is not None and cue is not None and cue.span[0] >= conceded.end():
        skip.append((0, conceded.end()))
    review: list[str] = []
    notes: list[str] = []
    deadline, words, default = _deadline(
        text, dated, base=base, from_text=from_text, review=review, notes=notes, horizon=horizon
    )
    # the rule is the figure of the deadline's period ("... 2.4 percent next year and 2.1 percent in 2027": 2.1)
    due = next((d.span for d in dated if d.words == words), None) if words and not default else None
    threshold = find_threshold(text, skip=[*skip, cond_span], due=due) or (
        find_threshold(text, skip=skip, due=due) if condition else None
    )
    antecedent = subject_of(previous.text, text) if previous is not None else None
    stated = text
    if condition is not None and condition[1][0] <= 1:
        stated = " " * condition[1][1] + text[condition[1][1] :]  # the condition opens the sentence: its own field
    statement = restate(
        stated,
        speaker=speaker,
        antecedent=antecedent,
        author=author,
        cue=(cue.span[0], cue.span[1], cue.modal) if cue else None,
        deadline_words=words,
        by=_by(deadline) if deadline else None,
    )
    if condition is not None:
        statement = _without_condition(statement, condition[2])
    if "’" in unit.quote and "'" not in unit.quote:  # the text's own apostrophes (``Unit.text`` reads them plain)
        statement = statement.replace("'", "’")
    indicator = match_indicator(threshold.metric, indicators) if threshold and indicators else None
    candidate = Candidate(
        quote=unit.quote,
        start=unit.start,
        end=unit.end,
        statement=statement,
        author=author,
        source=publisher,
        made_on=base,
        deadline=deadline,
        deadline_words=words,
        deadline_default=default,
        threshold=threshold if threshold is not None and threshold.op is not None else None,
        indicator=indicator,
        confidence=(cue.words, cue.probability) if cue else None,
        condition=None,
        tags=_tags(text),
        speaker=(speaker.name or None) if speaker else None,
        interpretation=notes,
        needs_review=review,
        score=score,
    )
    if condition is not None:
        said = condition[0]
        if deadline is not None and base is not None and said.endswith(" begins"):
            said = f"{said} between {base.isoformat()} and {deadline.isoformat()}"
        candidate.condition = said
        candidate.interpretation.append(f"Conditional: scored only if {said} ('{condition[2]}').")
        candidate.needs_review.append("condition: decide how the condition is resolved (a rule or a researcher)")
    if candidate.threshold is not None and not default:
        after = [d for d in dated if d.span[0] >= candidate.threshold.span[1]]
        nearest = after[0] if after else next((d for d in dated if d.on == deadline), None)
        candidate.rule_period = _window(nearest.words, nearest.on) if nearest else None
    _read_threshold(candidate, threshold)
    if answer and cue is not None and cue.words == "an answer with a figure":
        candidate.needs_review.append(
            "statement: an answer to the question before it; restate the forecast the question asked about"
        )
    if cue is None and not listed and score is not None:
        candidate.needs_review.append(
            f"prediction: no rule marks it, the sentence classifier scores it {score:.2f} (predictions.extract."
            "classify); check that it predicts"
        )
    candidate.doubted = _doubted(unit, cue, score)
    if candidate.doubted:
        candidate.needs_review.append(
            f"prediction: the sentence classifier scores it {score:.2f}; on texts the rules had never seen, 57 of the "
            f"281 rule candidates it scored below {DOUBTED} were predictions (benchmarks/extract_history.py); check "
            "that it predicts"
        )
    if cue is None:
        candidate.needs_review.append("confidence: the text states none")
    else:
        candidate.interpretation.append(
            f"Stated confidence '{cue.words}' maps to {cue.probability} (predictions.extract.confidence)."
        )
    if base is None:
        candidate.needs_review.append("made_on: no publication date; pass --published-on or set it")
    return candidate


# A rule candidate the classifier scores below this is flagged for review, not dropped: on first sight
# (``benchmarks/extract_history.py``, 2026-12-07, batches 3-54) 57 of the 281 candidates below 0.2 were predictions
# and 655 of the 843 above it; dropping them (a veto) traded recall 0.795 -> 0.732 for precision 0.632 -> 0.776, and
# the model scores the seed article's own predictions 0.003-0.065 (``classify``). Strict mode drops them instead.
DOUBTED = 0.2
# Strict mode leaves a text with fewer units than this alone: a sentence typed alone is read in full.
STRICT_MIN_UNITS = 6


def _doubted(unit: Unit, cue: Cue | None, score: float | None) -> bool:
    """Whether the classifier doubts a rule candidate: a cue's unit scored below ``DOUBTED``, unless it stands in a
    section the author heads as predictions ("Our predictions", "Verdict & Predictions": the author says it
    predicts). The text's length is ``extract_candidates``' to weigh."""
    return cue is not None and score is not None and score < DOUBTED and not unit.in_predictions


def _admitted(
    unit: Unit, cue: Cue | None, *, listed: bool, answer: bool, base: date | None, strict: bool = False
) -> tuple[bool, float | None]:
    """Whether the unit is a candidate, and the classifier's score of it (None without a model): a unit the rules
    take (a cue, or a list item under a predictions heading) stays unless it scores below the model's ``veto`` (or,
    ``strict``, the classifier doubts it: ``_doubted``); one
    they do not take comes in when it scores at least ``admit`` (``classify``), unless it is a question or shorter
    than four words, which the rules never take either, or the rules have read it as a non-prediction: every future
    word in it is something else (``confidence.ruled_out``: a schedule, the speaker's own act, "likely" about the
    past), a forecast made in the past whose period is over (``_past_forecast``, ``_told_over``), or a report of the
    past with nothing that looks ahead (``_past_report``)."""
    ruled = cue is not None or listed
    model = classify.current()
    if model is None or (not ruled and (classify.QUESTION.search(unit.text) or len(unit.text.split()) < 4)):
        return ruled, None
    score = model.score(classify.features(unit.text, base=base, listed=listed, answer=answer))
    if ruled:
        return score >= model.veto and not (strict and _doubted(unit, cue, score)), score
    if score < model.admit:
        return False, score
    # the checks on what the rules read as no prediction, only for the few units the classifier would admit
    text = unit.text
    told = governing_cue(text)
    over = told is not None and (_told_over(told, text, base) or _set_in_the_past(told, text, base))
    excluded = ruled_out(text) or _past_forecast(text, base) or over or _past_report(text, base) or _headline(text)
    return not excluded, score


# A report of the past with no word that looks ahead ("Core inflation climbed to 3.5 percent in 2019", "Exports
# surged in the first quarter"): the guide's "past-tense reports of decisions or data", which the classifier is not
# let to admit (it may still score such a sentence high on its numbers and nouns).
_REPORTED = patterns.compile(
    r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:been|\w+ed)\b|"  # "has recovered more slowly than expected"
    r"\b(?:was|were|had|did|rose|fell|grew|declined|increased|decreased|averaged|reached|showed|remained|climbed|"
    r"reported|"
    r"dropped|slowed|edged|eased|jumped|surged|plunged|recorded|posted|ended|came|went|accelerated|decelerated|"
    r"rebounded|contracted|expanded|peaked|doubled|halved|widened|narrowed|strengthened|weakened)\b",
    re.I,
)
_LOOKS_AHEAD = patterns.compile(
    r"\b(?:will|would|shall|could|may|might|should|can|expect\w*|forecast\w*|project\w*|predict\w*|anticipat\w*|"
    r"outlook|likely|probabl\w*|next|coming|ahead|future|later|soon|forward|through|until|by\s+the\s+end|"
    r"(?:19|20)\d\d/\d\d)\b|['’]ll\b"
    # a nowcast in the present tense, of a period whose data is not out (the guide's fourteenth batch): "staff
    # estimate that core prices rose 3.9 percent over the first five months of the year"
    r"|\b(?:staff|we|I|they|economists|analysts|forecasters|models?)\s+(?:now\s+|currently\s+)?estimates?\s+that\b",
    re.I,
)
_YEAR = patterns.compile(r"\b(?:19|20)\d\d\b")


# a comparison with what was expected is no look ahead: "recovered more slowly than expected", "as forecast"
_AS_EXPECTED = patterns.compile(
    r"\b(?:than|as)\s+(?:\w+\s+)?(?:had\s+been\s+|was\s+|were\s+)?(?:expected|anticipated|forecast|projected|predicted)\b",
    re.I,
)
# a habit, not a forecast (the guide: "would typically"): "the increase tends to reflect spikes in the summer"
_HABIT = patterns.compile(r"\b(?:tends?|tended)\s+to\b|\b(?:typically|usually|normally|habitually)\b", re.I)


def _past_report(text: str, base: date | None) -> bool:
    if base is None or _HABIT.search(text):
        return base is not None
    if not _REPORTED.search(text) or _LOOKS_AHEAD.search(_AS_EXPECTED.sub(" ", text)):
        return False
    return all(int(year) <= base.year for year in _YEAR.findall(text))


def _without_condition(statement: str, clause: str) -> str:
    """The statement without the clause that states its condition (the condition is its own field)."""
    said = " ".join(clause.split())
    if statement.lower().startswith(said.lower()) and len(said) < len(statement) - 10:
        rest = statement[len(said) :].lstrip(" ,;")
        return rest[:1].upper() + rest[1:]
    return statement


def _by(on: date) -> str:
    if (on.month, on.day) == (12, 31):
        return f"by the end of {on.year}"
    return f"by {on.isoformat()}"


def _deadline(
    text: str,
    dated: list[Deadline],
    *,
    base: date | None,
    from_text: bool,
    review: list[str],
    notes: list[str],
    horizon: Horizon | None = None,
) -> tuple[date | None, str | None, bool]:
    """The deadline, the words it came from, and whether it is the default horizon."""
    chosen = max(dated, key=lambda d: d.on) if dated else None  # the whole prediction is due by its last date
    crop_year = horizon.context.get(sentence_key(text)) if horizon is not None and chosen is not None else None
    if chosen is not None and chosen.note and NO_CROP in chosen.note and crop_year is not None:
        # "2025/26" with no crop in the sentence: the crop its paragraph is about decides the marketing year
        review.append(f"deadline: '{_line(crop_year[1])}' is read as that crop's US marketing year ({crop_year[0]})")
        notes.append(f"'{_line(crop_year[1])}' is read as {crop_year[0]}, the crop named earlier in the paragraph.")
        return crop_year[0], chosen.words, False
    if chosen is not None and base is not None and chosen.on < base:
        review.append(
            f"deadline: '{chosen.words}' ({chosen.on}) is before the text's date ({base}); the default horizon is "
            "used instead: check that this is a prediction and set the deadline"
        )
        chosen = None
    if chosen is None:
        if base is None:
            review.append("deadline: the text gives no date and no publication date is known; set one")
            return None, None, True
        long_run = _LONG_RUN.search(text) is not None
        carried = horizon.context.get(sentence_key(text)) if horizon is not None and not dated else None
        if carried is not None and not long_run:
            on, said = carried
            review.append(
                f"deadline: the sentence gives no date; its paragraph named '{_line(said)}' before it ({on}), "
                "which is proposed"
            )
            notes.append(f"No date in the sentence: '{_line(said)}', named earlier in its paragraph, is used ({on}).")
            return on, None, True
        if horizon is not None and not long_run:
            review.append(f"deadline: the text gives no date; {horizon.why}, {horizon.on}, is proposed")
            notes.append(f"No date in the text: {horizon.why} ({horizon.on}) is used.")
            return horizon.on, None, True
        years = LONG_RUN_YEARS if long_run else DEFAULT_YEARS
        on = date(base.year + years, 12, 31)
        kind = "a long-run goal, " if long_run else ""
        review.append(
            f"deadline: the text gives no date; {kind}the default horizon (the end of the {_ordinal(years)} calendar "
            f"year after publication, {on}) is proposed"
        )
        notes.append(f"No date in the text: the default horizon {on} is used.")
        return on, None, True
    if chosen.relative:
        origin = "a date found in the text" if from_text else "the publication date"
        notes.append(f"'{chosen.words}' is counted from {origin} ({base}): {chosen.on}.")
        if from_text:
            review.append(f"deadline: counted from {base}, a date found in the text")
    else:
        notes.append(f"'{chosen.words}' is read as {chosen.on}.")
    if chosen.note:
        review.append(f"deadline: {chosen.note}")
    others = sorted({d.on for d in dated} - {chosen.on})
    if others:
        review.append(
            f"deadline: the quote names other dates too ({', '.join(d.isoformat() for d in others)}); "
            "the last was taken"
        )
    return chosen.on, chosen.words, False


def _ordinal(n: int) -> str:
    return {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth"}.get(n, f"{n}th")


def _read_threshold(candidate: Candidate, threshold: Threshold | None) -> None:
    if threshold is None:
        return
    if threshold.op is None:
        candidate.needs_review.append(
            f"rule: '{threshold.words}' has no comparison word; say which way the figure must go"
        )
        return
    shown = f"{threshold.op} {_number(threshold.value)}{_unit(threshold.unit)}"
    if threshold.point:
        shown = f"between {_number(threshold.value)} and {_number(threshold.high or 0)}{_unit(threshold.unit)}"
        kind = "a range of rates" if threshold.range else "a point forecast"
        candidate.needs_review.append(
            f"rule: '{threshold.words}' is {kind}, read as the band {shown} (predictions.extract.thresholds); "
            "keep, narrow or give it a direction"
        )
    elif threshold.low is not None:
        candidate.needs_review.append(
            f"rule: the range '{threshold.words}' is read as at least {_number(threshold.value)}"
        )
    elif threshold.change:
        candidate.needs_review.append(
            f"rule: '{threshold.words}' is read as a change of {shown} on {threshold.metric or 'the figure'} "
            "(predictions.extract.thresholds); set the period the change is measured from"
        )
    elif threshold.moved:
        candidate.needs_review.append(
            f"rule: '{threshold.words}' is a point forecast of an amount, read as its direction ({shown}); "
            "keep it or make it a band"
        )
    if threshold.unit == "times":
        candidate.needs_review.append(
            f"rule: '{threshold.words}' is a multiple; set the base it is a multiple of (a period's level, or the "
            "figure the text names)"
        )
    candidate.interpretation.append(f"'{threshold.words}' is read as {threshold.metric or 'the figure'} {shown}.")
    if candidate.indicator is not None:
        candidate.needs_review.append(
            f"rule: indicator {candidate.indicator.key} ({candidate.indicator.name}) matches "
            f"'{threshold.metric}'; confirm it to turn the proposed rule into a rule"
        )
    else:
        candidate.needs_review.append(
            f"rule: link an indicator to turn '{shown}' into a rule, or leave it to a researcher"
        )


def _condition(text: str, *, base: date | None) -> tuple[str, tuple[int, int], str] | None:
    """The condition in ``text`` (in words), the span of the clause that states it, and that clause."""
    m = _DURING.search(text)
    if m is not None and _KNOWN_EVENT.match(m.group("c")):
        m = None  # "the lows seen during the pandemic": a known event the text names, no condition to wait for
    if m is not None:
        said = re.sub(r"^(?:the\s+next|the|any|next|an?)\s+", "", " ".join(m.group("c").split()), flags=re.I)
        article = "an" if said[:1].lower() in "aeiou" else "a"
        return f"{article} {said} begins", m.span(), m.group(0).strip()
    for m in _IF.finditer(text):
        body = " ".join(m.group("c").split()).rstrip(".;:!")
        if _RHETORICAL_IF.search(text[: m.start("lead")]) or _RHETORICAL_BODY.match(body):
            continue  # "even if", "if anything", "if history is any guide": not a condition
        if len(body.split()) < 3 or not _CLAUSE_VERB.search(body):
            continue
        if find_deadlines(body, base=base) and len(body.split()) <= 5:
            continue  # "if by 2026": a date, not a condition
        return body, m.span(), m.group(0).strip(" ,;")
    m = _UNLESS.search(text)
    if m is not None:
        body = " ".join(m.group("c").split())
        return f"it is not the case that {body}", m.span(), m.group(0).strip()
    m = _INVERTED.search(text)
    if m is not None:  # "Should the yen strengthen further, exporters will suffer"
        return " ".join(m.group("c").split()), m.span(), m.group(0).strip(" ,")
    return None


def _window(words: str | None, deadline: date | None) -> str | None:
    """The period a dated rule looks at: the year or quarter its deadline phrase names."""
    if not words or deadline is None:
        return None
    if re.search(r"\bQ[1-4]\b|quarter", words, re.I):
        return f"{deadline.year}-Q{(deadline.month - 1) // 3 + 1}"
    if re.search(r"\b(?:19|20)\d\d\b", words) and (deadline.month, deadline.day) == (12, 31):
        return str(deadline.year)
    return None


_TAG_PATTERNS = {
    tag: patterns.compile(r"(?<![a-z0-9])(?:" + "|".join(re.escape(w) for w in words) + r")(?![a-z0-9])")
    for tag, words in _TAGS.items()
}


def _tags(text: str) -> list[str]:
    lowered = f" {text.lower()} "
    return sorted(tag for tag, pattern in _TAG_PATTERNS.items() if pattern.search(lowered))


def _line(text: str | None) -> str | None:
    """One line: a phrase the text wraps over lines ("in the second half\\nof this year") in single spaces."""
    return " ".join(text.split())[:500] or None if text is not None else None


def _number(value: float) -> str:
    return f"{value:,.12g}"


def _unit(unit: str | None) -> str:
    return "" if unit is None else ("%" if unit == "%" else f" {unit}")
