"""Intake: from an article's text to candidates a researcher reviews, and from the chosen ones to claims.

- ``candidate_claims`` runs the extraction (``extract_candidates``) and shapes each candidate as a claim object
  that ``ClaimCreate`` (so ``predtrack claims import``) takes unchanged, with the quote's place in the text beside
  it. Where the extraction leaves a claim's date or deadline empty, a documented default is put in and flagged
  for review (``DEFAULT_HORIZON``), so that no output is refused for a missing date. ``strict`` leaves out the
  rule candidates the sentence classifier doubts (``candidates``: precision up, recall down; off by default).
- ``bounded_candidate_claims`` does the same in a warm worker process that is killed past a time limit
  (``workers``): the server answers any input within its bound, whatever the rules do with it (a 100 KB
  sentence, say).
- ``mark_tracked`` says which candidates' quotes the ledger already holds (same words, or the same once case,
  quotation marks, dashes, punctuation and spacing are set aside).
- ``accept_candidates`` creates the chosen claims in one savepoint with the claims use case: all or none, and
  a quote already tracked is skipped, not added twice.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from predictions.extract.workers import WorkerBusy, WorkerFailed, WorkerPool, WorkerTimeout
from predictions.ledger.errors import InvalidInput, LedgerError

if TYPE_CHECKING:
    from predictions.extract.deadlines import Horizon

logger = logging.getLogger(__name__)

# The time one extraction may take in the server; the rest of the 2 s answer is reading the input and the ledger.
TIME_LIMIT_S = 1.2
# Extraction workers of a server process (each a process of its own, warm): as many texts are read at once, and
# a worker stopped by the time limit leaves the other to answer while its replacement starts.
MAX_RUNNING = 2
# A long text is read in parts of at most this many characters (paragraphs kept whole), each answered when done.
PART_CHARS = 10_000
# Candidates one review page (or one accept) may carry.
MAX_CANDIDATES = 200
# What the extraction may put beside a claim's fields: the quote's place in the text, kept out of the claim.
OFFSET_FIELDS = ("quote_start", "quote_end")
DEFAULT_HORIZON = "31 December of the second year after the text's date, as the extraction's own default"


class ExtractionTimeout(LedgerError):
    """The rules took longer than the server gives one text."""

    status_code = 422


class ExtractionBusy(LedgerError):
    """Every extraction slot stayed busy for the whole time limit."""

    status_code = 503


@dataclass
class Candidate:
    """One proposed claim: the claim object (``ClaimCreate``'s fields), where its quote sits in the text, and the
    ledger's claim that already tracks the quote (``tracked_id``, ``tracked_match``: exact or normalised)."""

    claim: dict[str, Any]
    quote_start: int | None
    quote_end: int | None
    tracked_id: int | None = None
    tracked_match: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """The candidate as the API answers it."""
        return {
            "claim": self.claim,
            "quote_start": self.quote_start,
            "quote_end": self.quote_end,
            "tracked": {"claim_id": self.tracked_id, "match": self.tracked_match} if self.tracked_id else None,
        }


@dataclass
class Accepted:
    """What an accept did: the new claims' ids, the quotes skipped as already tracked (index, claim id), and the
    source created for them (if one was asked for)."""

    created: list[int] = field(default_factory=list)
    skipped: list[tuple[int, int]] = field(default_factory=list)
    source_id: int | None = None


def candidate_claims(
    text: str,
    *,
    published_on: date | None,
    author: str | None = None,
    source_id: int | None = None,
    today: date,
    horizon: Horizon | None = None,
    strict: bool = False,
    whole_units: int | None = None,
) -> list[Candidate]:
    """The candidates in ``text``, in order; ``today`` stands in for a text with no date of its own, ``horizon``
    and ``whole_units`` are the whole text's when ``text`` is a part of it, ``strict`` leaves out the rule
    candidates the classifier doubts (``extract_candidates``)."""
    from predictions.extract import extract_candidates

    candidates = []
    cursor = 0
    for found in extract_candidates(
        text, published_on=published_on, author=author, horizon=horizon, strict=strict, whole_units=whole_units
    ):
        raw = found.to_claim(author=author, source_id=source_id)
        start, end = _offsets(text, raw, cursor)
        if start is not None and end is not None:
            cursor = start + 1
        claim = {name: value for name, value in raw.items() if name not in OFFSET_FIELDS}
        _fill_defaults(claim, published_on=published_on, today=today)
        candidates.append(Candidate(claim=claim, quote_start=start, quote_end=end))
    return candidates


def _offsets(text: str, raw: dict[str, Any], cursor: int) -> tuple[int | None, int | None]:
    where = raw.get("extraction") or {}
    start, end = where.get("quote_start", raw.get("quote_start")), where.get("quote_end", raw.get("quote_end"))
    if isinstance(start, int) and isinstance(end, int):
        return start, end
    quote = raw.get("quote") or ""
    at = text.find(quote, cursor)
    if at < 0:
        at = text.find(quote)
    return (at, at + len(quote)) if at >= 0 and quote else (None, None)


def _fill_defaults(claim: dict[str, Any], *, published_on: date | None, today: date) -> None:
    """A date where the extraction left none, each with a review note: the output imports as it is."""
    review = claim.get("needs_review")
    notes: list[str] = list(review) if isinstance(review, list) else []
    if not claim.get("made_on"):
        made_on = published_on or today
        claim["made_on"] = made_on.isoformat()
        notes.append(f"made_on: the text gives no date; {made_on} (the day it was read) was put in")
    made = date.fromisoformat(claim["made_on"])
    from predictions.extract.candidates import DEFAULT_YEARS

    default = date(made.year + DEFAULT_YEARS, 12, 31)
    if not claim.get("deadline"):
        claim["deadline"] = default.isoformat()
        notes.append(f"deadline: the text gives none; the default horizon ({DEFAULT_HORIZON}: {default}) was put in")
    elif date.fromisoformat(claim["deadline"]) < made:
        notes.append(
            f"deadline: {claim['deadline']} read from the text is before the text's date {made}; "
            f"the default horizon ({default}) was put in"
        )
        claim["deadline"] = default.isoformat()
    if any(n.startswith("deadline: the text gives none; the default") for n in notes):
        notes = [n for n in notes if not n.startswith("deadline: the text gives no date")]
    if notes or isinstance(review, list):
        claim["needs_review"] = notes


@dataclass
class Extraction:
    """What the server read in its time limit: the candidates, whether the whole text was read, and how much."""

    candidates: list[Candidate]
    complete: bool
    read_chars: int


def candidate_parts(
    text: str,
    *,
    published_on: date | None,
    author: str | None = None,
    source_id: int | None = None,
    today: date,
    strict: bool = False,
) -> Iterator[tuple[list[Candidate], int]]:
    """``candidate_claims`` over a long text part by part (paragraphs up to ``PART_CHARS``), each part's
    candidates with their place in the whole text and the characters read so far. A short text is one part."""
    from predictions.extract.candidates import STRICT_MIN_UNITS
    from predictions.extract.deadlines import text_horizon

    start = 0
    base = published_on
    horizon = text_horizon(text, base=published_on)  # the whole text's: undated predictions get it in every part
    ends = _part_ends(text)
    # a text of more than one part (over PART_CHARS characters) is no sentence or two typed alone: strict holds and
    # doubts stand in every part, a short last part too (a lower bound of its units, not a count: counting would read
    # a long text once more before its first part)
    whole_units = STRICT_MIN_UNITS if len(ends) > 1 else None
    for end in ends:
        found = candidate_claims(
            text[start:end],
            published_on=base,
            author=author,
            source_id=source_id,
            today=today,
            horizon=horizon,
            strict=strict,
            whole_units=whole_units,
        )
        for candidate in found:
            if candidate.quote_start is not None and candidate.quote_end is not None:
                candidate.quote_start += start
                candidate.quote_end += start
            where = candidate.claim.get("extraction")
            if isinstance(where, dict):  # the extraction's own note of the quote's place, in the whole text too
                where.update(quote_start=candidate.quote_start, quote_end=candidate.quote_end)
            if base is not published_on:
                candidate.claim["needs_review"] = [
                    *(candidate.claim.get("needs_review") or []),
                    f"made_on: {base} is a date found at the start of the text; check it",
                ]
        yield found, end
        if start == 0 and published_on is None:
            from predictions.extract import find_text_date

            base = find_text_date(text)  # what the rules read the first part's dates from, for the other parts
        start = end


def _part_ends(text: str) -> list[int]:
    """Where each part ends: at a paragraph break (else a line break, else a sentence's end) within
    ``PART_CHARS``."""
    ends = []
    start = 0
    while len(text) - start > PART_CHARS:
        end = start + PART_CHARS  # no break at all: cut (rare)
        for mark in ("\n\n", "\n", ". "):  # a paragraph, else a line, else a sentence
            cut = text.rfind(mark, start, start + PART_CHARS)
            if cut > start:
                end = cut + len(mark)
                break
        ends.append(end)
        start = end
    return [*ends, len(text)]


def bounded_candidate_claims(
    text: str,
    *,
    published_on: date | None,
    author: str | None = None,
    source_id: int | None = None,
    today: date,
    time_limit: float = TIME_LIMIT_S,
    strict: bool = False,
) -> Extraction:
    """``candidate_parts`` in a warm worker process, stopped past ``time_limit`` seconds: the parts read by then
    (``complete`` False), or ``ExtractionTimeout`` when not even the first part was."""
    job = {
        "text": text,
        "published_on": published_on,
        "author": author,
        "source_id": source_id,
        "today": today,
        "strict": strict,
    }
    try:
        parts, complete = _pool.run(job, time_limit=time_limit)
    except WorkerTimeout:
        raise ExtractionTimeout(
            f"reading this text took longer than {time_limit:g} s, the server's limit: split it into shorter parts "
            "(a very long sentence is the usual cause)",
            field="text",
        ) from None
    except WorkerBusy:
        raise ExtractionBusy("the extraction workers are busy or starting: try again in a few seconds") from None
    except WorkerFailed as exc:
        logger.error("extraction failed in its worker: %s", exc)
        raise InvalidInput(
            "the text could not be read by the extraction rules: the server's log has the details", field="text"
        ) from None
    candidates = [Candidate(**item) for items, _ in parts for item in items]
    return Extraction(candidates=candidates, complete=complete, read_chars=parts[-1][1] if parts else len(text))


def warm_up() -> None:
    """Start the extraction workers now (they warm in the background) rather than in the first request."""
    _pool.start(MAX_RUNNING)


def wait_until_warm(timeout: float) -> bool:
    """Wait until the started workers are warm (for tests and benchmarks that time requests)."""
    return _pool.wait_ready(timeout)


_pool = WorkerPool(MAX_RUNNING)


def normalise_quote(text: str) -> str:
    """The quote's words for comparison: case, accents' forms, quotation marks, dashes, punctuation and
    spacing set aside ("It’s  LIKELY — " and "it's likely -" compare equal)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", folded).split())


def mark_tracked(session: Any, candidates: list[Candidate]) -> list[Candidate]:
    """Set ``tracked_id`` on each candidate whose quote a claim of the ledger already has."""
    from predictions.extract.repo import tracked_quotes

    exact = {c.claim.get("quote"): c for c in candidates}
    normal: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        normal.setdefault(normalise_quote(candidate.claim.get("quote") or ""), []).append(candidate)
    for claim_id, quote in tracked_quotes(session):
        hit = exact.get(quote)
        if hit is not None and hit.tracked_match != "exact":
            hit.tracked_id, hit.tracked_match = claim_id, "exact"
        for candidate in normal.get(normalise_quote(quote), []):
            if candidate.tracked_id is None:
                candidate.tracked_id, candidate.tracked_match = claim_id, "normalised"
    return candidates


def accept_candidates(session: Any, *, claims: list[Any], clock: Any, source: Any = None) -> Accepted:
    """Create ``claims`` (``ClaimCreate``) in one savepoint: all or none. With ``source`` (``SourceCreate``: the
    article, its publisher and date) the source is created first and every claim added belongs to it. A claim
    whose quote the ledger (or an earlier claim of the same list) already tracks is skipped. A ``LedgerError``
    names the claim (``claim N``)."""
    from predictions.claims.claims import create_claim
    from predictions.data.catalog import create_source

    if not claims:
        raise InvalidInput("choose at least one candidate to accept", field="accept")
    found = mark_tracked(
        session, [Candidate(claim={"quote": c.quote}, quote_start=None, quote_end=None) for c in claims]
    )
    accepted = Accepted()
    seen: dict[str, int] = {}
    with session.begin_nested():
        if source is not None:
            accepted.source_id = create_source(session, data=source, clock=clock).id
            claims = [c.model_copy(update={"source_id": accepted.source_id}) for c in claims]
        for index, (data, match) in enumerate(zip(claims, found, strict=True), start=1):
            key = normalise_quote(data.quote)
            if match.tracked_id is not None or key in seen:
                accepted.skipped.append((index, match.tracked_id or seen[key]))
                continue
            try:
                claim = create_claim(session, data=data, clock=clock)
            except LedgerError as exc:
                exc.detail = f"claim {index}: {exc.detail}"
                raise
            assert claim.id is not None
            seen[key] = claim.id
            accepted.created.append(claim.id)
    logger.info("intake: %s claim(s) created, %s already tracked", len(accepted.created), len(accepted.skipped))
    return accepted


def extract_article(
    session: Any,
    *,
    article: Any,
    published_on: date | None,
    author: str | None,
    source_id: int | None,
    today: date,
    time_limit: float = TIME_LIMIT_S,
    strict: bool = False,
) -> Extraction:
    """The server's extraction: ``article``'s candidates within ``time_limit``, each marked if already tracked
    (``strict``: without the rule candidates the classifier doubts)."""
    found = bounded_candidate_claims(
        article.text,
        published_on=published_on,
        author=author,
        source_id=source_id,
        today=today,
        time_limit=time_limit,
        strict=strict,
    )
    mark_tracked(session, found.candidates)
    return found
