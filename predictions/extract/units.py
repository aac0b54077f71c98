"""The text cut into units that could be claims, with their character offsets.

A unit is a list item (numbered or bulleted, whole, as the seed's hand-made claims quote them) or, in prose, a
sentence. Table rows, headings and rules are skipped; a heading that names predictions, forecasts, an outlook or a
verdict marks the units under it, and so does one that names risks, limitations or open questions. Sentences are
split by a small splitter written here (terminal punctuation, then a capital, a digit or a quote; known
abbreviations and initials do not end a sentence): pysbd, used before, took a second per 200 KB and grows faster
than linearly on long sentences, which the input bound cannot afford.

A PDF's text (a transcript) has page furniture inside its paragraphs: "--- Page 15 ---", a running head with the
date and page number ("5/21/96 -10-", "1/30-31/96 -20-" for a two-day meeting, or the date alone; in the
transcripts of later years the month named and the page of the total, "January 26–27, 2010 117 of 260"). Those
lines, and the blank lines around them, neither end a paragraph nor a sentence: the sentence that runs over the page
break is one unit, whose ``text`` has the furniture and stage directions ("[Laughter]") blanked out (``quote`` keeps
the words verbatim). Lines wrapped at a fixed width are not headings, however short the wrapped line: a line as long as
most lines of the text, one that opens with a speaker's turn ("MR. PARRY.") or one that ends in a word that cannot
end a heading ("the", "of", ",") continues its paragraph.

Every unit is at most ``MAX_UNIT`` characters: a longer sentence is cut at its last clause boundary (";", ",", or a
space) before the limit, so no later step sees an unbounded string.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from predictions.extract import patterns

MAX_UNIT = 1200

_LIST_ITEM = patterns.compile(r"^[ \t]*(?:\d{1,3}[.)]|[-*•+▪●◦]|\([a-z0-9]{1,3}\))[ \t]+(?=\S)")
_HEADING = patterns.compile(r"^[ \t]*(?:#{1,6}[ \t]+.+|\*\*[^*]+\*\*:?|[^.!?|]{1,80}:)[ \t]*$")
_RISKS_HEADING = patterns.compile(r"\brisks?\b|limitations|open\s+questions|caveats|what\s+could\s+go\s+wrong", re.I)
_PREDICTIONS_HEADING = patterns.compile(r"predict|forecast|outlook|what\s+to\s+expect|what\s+we\s+expect|verdict", re.I)
_PAGE_FURNITURE = patterns.compile(
    r"^(?:-{2,}\s*page\s+\d+\s*-{2,}|\d{1,2}(?:-\d{1,2})?/\d{1,2}(?:-\d{1,2})?/\d{2,4}(?:\s+-\s*\d+\s*-)?|-\s*\d+\s*-|"
    r"page\s+\d+(?:\s+of\s+\d+)?|[a-z]+\.?\s+\d{1,2}(?:\s*[-–]\s*\d{1,2})?,\s+\d{4}\s+\d+\s+of\s+\d+)$",
    re.I,
)
# A transcript's stage directions: "[Laughter]", "[Inaudible]". Blanked like page furniture.
_STAGE = patterns.compile(
    r"\[(?:laughter|laughs|applause|inaudible|unintelligible|crosstalk|pause|silence|coughs?|chuckles?|"
    r"no\s+response|off\s+the\s+record|recording\s+\w+)[^\]\n]{0,20}\]",
    re.I,
)
_TURN_OPENS = patterns.compile(
    r"^(?:MR|MS|MRS|DR|CHAIRMAN|VICE\s+CHAIRMAN|GOVERNOR|PRESIDENT|SENATOR)\.?\s+[A-Z][A-Z'’-]+\.(?:\s|$)"
)
_OPEN_END = patterns.compile(
    r"(?:[,(\[-]|\b(?:the|a|an|of|in|on|at|to|for|from|with|by|and|or|but|that|which|as|is|are|was|were|be|has|have|"
    r"had|been|being|will|would|can|could|should|may|might|must|its|their|our|his|her|this|these|those|than|into|about|"
    r"over|under|between|we|I|it|they|not|no|more|less))$"
)
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "inc", "ltd", "co", "corp", "jr", "sr", "no", "nos", "vs", "etc", "approx",
    "gov", "sen", "rep", "gen", "lt", "col", "sgt", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "fig", "eq", "vol", "pp", "p", "e.g", "i.e", "u.s", "u.k", "u.n", "a.m", "p.m", "est", "dept",
    "univ", "assn", "bros", "ft", "mt", "ave", "blvd", "al", "cf", "ca",
}  # fmt: skip
# a sentence ends at its punctuation, or just after a footnote number stuck to it ("outcomes.5 Moreover") or in
# brackets ("supply chains.[2] This", "outcomes.(3) Moreover")
# or with no space where the text lost it ("five percent.That is", "growth.But economists"): a full stop between a
# lower-case word and a capitalised one
_END = patterns.compile(
    r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|(?<=[a-z)])[.!?]\d{1,2}(?=\s+[A-Z])|(?<=[a-z]{2})[.!?](?=[A-Z][a-z])"
    r"|(?<=[a-z)])[.!?](?:\[\d{1,3}\]|\(\d{1,3}\))(?=\s+[A-Z])"
)


@dataclass(frozen=True)
class Unit:
    """A piece of the text that could be a claim: its exact words, where they are, and what surrounds them."""

    text: str
    start: int
    end: int
    in_predictions: bool
    list_item: bool
    # the words verbatim, page furniture and all; ``text`` has the furniture blanked out and its typographic
    # apostrophes made plain ("we’ll" -> "we'll", the same length), so that every rule reads both typings alike
    quote: str = ""
    in_risks: bool = False  # under a heading that names risks, limitations or open questions
    heading: bool = False  # a heading line of its own (a headline, a chart's title), not a sentence of prose

    def __post_init__(self) -> None:
        if not self.quote:
            object.__setattr__(self, "quote", self.text)
        if "’" in self.text:
            object.__setattr__(self, "text", self.text.replace("’", "'"))


# An abbreviation that can close a sentence ("across much of the U.S.", "Acme Corp.") closes it when the next word
# can only open one ("The", "It", "However"): "... persist across much of the U.S. The greatest chance is ...". Before
# a name ("U.S. Treasury", "U.S. Steel") it goes on; a title ("Mr.", "Dr.") never closes one.
_CAN_CLOSE = {"u.s", "u.k", "u.n", "inc", "ltd", "co", "corp", "etc", "jr", "sr", "a.m", "p.m", "bros", "al"}
_OPENS_ONLY = patterns.compile(
    r"\s+[\"“‘(]?(?:The|This|These|Those|It|Its|In|A|An|But|And|However|He|She|They|We|I|Our|Their|There|Meanwhile|"
    r"Still|Yet|Also|If|When|While|After|Before|Although|Despite|Such|Some|Most|Many)\b"
)

# a dotted citation of a bill or a law, before its number: "H.R. 3970", "S.Con.Res. 33", "P.L. 115-97"
_CITATION = patterns.compile(r"\b(?:[A-Z][A-Za-z]{0,3}\.){2,}(?=\s*\d)")


def split_sentences(block: str, offset: int = 0) -> list[tuple[int, int]]:
    """The (start, end) spans of the sentences of ``block``, shifted by ``offset``; whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    citations = list(_CITATION.finditer(block))
    for m in _END.finditer(block):
        word = re.search(r"([\w.'’]+)[.!?]*[\"'”’)\]]*$", block[start : m.end()])
        token = word.group(1).lower().rstrip(".") if word else ""
        if block[m.start()] == "." and (token in _ABBREVIATIONS or re.fullmatch(r"[a-z]", token)):
            if not (token in _CAN_CLOSE and _OPENS_ONLY.match(block, m.end())):
                continue
        if any(c.start() <= m.start() < c.end() for c in citations):
            continue  # a bill's or a law's number: "H.R. 3970", "S.Con.Res. 33", "P.L. 115-97"
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(block)))
    out = []
    for s, e in spans:
        piece = block[s:e]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece.rstrip())
        if trail > lead:
            out.extend(_bounded(block, s + lead, s + trail, offset))
    return out


def _bounded(block: str, start: int, end: int, offset: int) -> list[tuple[int, int]]:
    pieces = []
    while end - start > MAX_UNIT:
        window = block[start : start + MAX_UNIT]
        cut = max(window.rfind("; "), window.rfind(", "))
        if cut < MAX_UNIT // 2:
            cut = window.rfind(" ")
        if cut < MAX_UNIT // 4:
            cut = MAX_UNIT - 1
        pieces.append((offset + start, offset + start + cut + 1))
        start += cut + 1
        while start < end and block[start].isspace():
            start += 1
    if end > start:
        pieces.append((offset + start, offset + end))
    return pieces


def _short_heading(lines: list[str], index: int, *, open_block: bool, width: int) -> bool:
    """A short line without final punctuation is a heading, unless it is a wrapped line of a paragraph: one that
    continues a sentence, that the next line continues in lower case, that is about as long as the text's wrapped
    lines (``width``), that opens with a speaker's turn, or that ends in a word no heading ends with."""
    stripped = lines[index].strip()
    if len(stripped) >= 60 or re.search(r"[.!?:\"”,;-]$", stripped):
        return False
    if (width and len(stripped) >= 0.8 * width) or _TURN_OPENS.match(stripped) or _OPEN_END.search(stripped):
        return False
    following = next((line.strip() for line in lines[index + 1 :] if line.strip()), "")
    if following[:1].islower():
        return False
    previous = lines[index - 1].strip() if index > 0 else ""
    return not (open_block and previous and not re.search(r"[.!?:\"”)]$", previous))


def _wrap_width(lines: list[str]) -> int:
    """The width a text's lines are wrapped at (the median length of its lines of prose), or 0 if it is not wrapped."""
    lengths = sorted(len(line.strip()) for line in lines if len(line.strip()) > 20)
    if len(lengths) < 8:
        return 0
    median = lengths[len(lengths) // 2]
    return median if 40 <= median <= 100 else 0


def _page_breaks(lines: list[str]) -> list[bool]:
    """For each line, whether page furniture comes before the next line of text (so that a blank line there belongs
    to a page break); one pass from the end, so that a run of blank lines costs no more than its length."""
    out = [False] * len(lines)
    furniture_next = False
    for index in range(len(lines) - 1, -1, -1):
        stripped = lines[index].strip()
        if _PAGE_FURNITURE.match(stripped):
            furniture_next = True
        elif stripped:
            furniture_next = False
        out[index] = furniture_next
    return out


# the words of a heading, without its markup: "#### Inflation will decline next year", "**Outlook:**"
_HEADING_BODY = patterns.compile(r"^[ \t]*(?:#{1,6}[ \t]+|\*\*)?(?P<b>.*?)(?:\*\*)?:?[ \t]*$")


def _heading_units(text: str, line_start: int, line: str, *, in_risks: bool) -> list[Unit]:
    """A heading that is a sentence of its own ("Inflation has increased but will decline next year", a headline)
    as units, so that one which predicts is read; a heading of fewer than four words ("Outlook", "Risks to the
    outlook") names a section and is no unit. A text's title (its first line) is no unit either: a headline counts only
    through the sentence that follows it. The units under a heading are marked by ``units``."""
    m = _HEADING_BODY.match(line.rstrip("\r\n"))
    if m is None or len(m.group("b").split()) < 4:
        return []
    start = line_start + m.start("b")
    return [
        Unit(text[s:e], s, e, False, list_item=False, in_risks=in_risks, heading=True)
        for s, e in split_sentences(m.group("b"), start)
    ]


def _wraps(lines: list[str], index: int) -> bool:
    """Whether the list item on ``lines[index]`` is wrapped: it stops without closing punctuation and the next line
    is text, not a blank line, another item or page furniture ("• Deficits. CBO projects a federal budget deficit of
    $3.3 trillion in 2020, more than triple the shortfall" / "recorded in 2019. That increase is ...")."""
    if index + 1 >= len(lines) or re.search(r"[.!?:;\"”’)]\s*$", lines[index]):
        return False
    following = lines[index + 1].strip()
    return bool(following) and not _LIST_ITEM.match(lines[index + 1]) and not _PAGE_FURNITURE.match(following)


def _first_line(lines: list[str]) -> int:
    return next((i for i, line in enumerate(lines) if line.strip()), 0)


def units(text: str) -> list[Unit]:
    """The units of ``text`` in order."""
    found: list[Unit] = []
    in_predictions = in_risks = False
    block_start: int | None = None
    block_end = 0
    item_block = False  # the open block is a list item wrapped over several lines (``_wraps``)
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    furniture = [
        (starts[i], starts[i] + len(ln.rstrip())) for i, ln in enumerate(lines) if _PAGE_FURNITURE.match(ln.strip())
    ]
    width = _wrap_width(lines)
    title = _first_line(lines)
    page_break = _page_breaks(lines)

    def flush() -> None:
        nonlocal block_start, item_block
        if block_start is not None:
            pieces, done = [], block_start
            at = bisect_left(furniture, (block_start, 0))
            while at < len(furniture) and furniture[at][0] < block_end:  # blanked: the sentence runs on over it
                s0, e0 = furniture[at]
                pieces += [text[done:s0], " " * (e0 - s0)]
                done, at = e0, at + 1
            block = "".join([*pieces, text[done:block_end]])
            block = _STAGE.sub(lambda m: " " * len(m.group(0)), block)
            for s, e in split_sentences(block, block_start):
                words = block[s - block_start : e - block_start]
                found.append(
                    Unit(words, s, e, in_predictions, list_item=item_block, quote=text[s:e], in_risks=in_risks)
                )
        block_start, item_block = None, False

    for index, line in enumerate(lines):
        line_start = starts[index]
        stripped = line.strip()
        item = _LIST_ITEM.match(line)
        if _PAGE_FURNITURE.match(stripped):
            continue  # "--- Page 15 ---", "9/24/96 -13-": the page, not the text
        if not stripped and block_start is not None and page_break[index]:
            continue  # the paragraph goes on over the page break
        if not stripped or stripped.startswith("|") or set(stripped) <= set("-=*_ "):
            flush()
        elif item is not None:
            flush()
            body_start = line_start + item.end()
            body_end = line_start + len(line.rstrip())
            if _wraps(lines, index):  # the item goes on over the next lines: read like a paragraph, by sentence
                block_start, block_end, item_block = body_start, body_end, True
                continue
            for s, e in _bounded(text, body_start, body_end, 0):
                found.append(Unit(text[s:e], s, e, in_predictions, list_item=True, in_risks=in_risks))
        elif _HEADING.match(line) or _short_heading(lines, index, open_block=block_start is not None, width=width):
            flush()
            # the title, a headline, counts through the sentence after it; a line typed alone has none after it, and
            # counts on its own ("UK growth to slow, CBI predicts", "Inflation will fall to 2 percent next year")
            if index != title or not any(line.strip() for line in lines[index + 1 :]):
                found.extend(_heading_units(text, line_start, line, in_risks=in_risks))
            in_predictions = bool(_PREDICTIONS_HEADING.search(stripped))
            in_risks = bool(_RISKS_HEADING.search(stripped)) and not in_predictions
        else:
            if block_start is None:
                block_start = line_start + (len(line) - len(line.lstrip()))
            block_end = line_start + len(line.rstrip())
    flush()
    return found
