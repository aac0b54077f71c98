"""What goes in and out of the ledger's use cases: ``XCreate`` to write, ``XRead`` to read."""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StringConstraints,
    field_validator,
    model_validator,
)

from forecasts.periods import Frequency
from forecasts.rules import Aggregate, Op
from predictions.ledger.errors import InvalidPayload, TooLarge
from predictions.ledger.tables import CheckStatus, ClaimStatus, ConditionStatus, LinkRole, Outcome, Transformation

# Ids, offsets and counts are stored as 64-bit integers: anything larger is refused up front (422), not by the
# database driver (500).
MAX_ID = 2**63 - 1
Id = Annotated[StrictInt, Field(ge=1, le=MAX_ID)]
# Calendar dates that the ledger accepts for made_on, deadline, published_on, resolved_on and checks.
FIRST_DATE, LAST_DATE = date(1900, 1, 1), date(2199, 12, 31)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PERIOD = r"^\d{4}(-(Q[1-4]|\d{2}(-\d{2})?))?$"
_AS_OF = r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$"
_AS_OF_RE = re.compile(_AS_OF)
_MULTILINE_OK = frozenset("\n\r\t")
# Characters XML 1.0 does not allow (besides lone surrogates, refused as invalid Unicode): stored text ends up in
# the Atom feed, so it is refused at the door, as are the C1 controls (category Cc, like the C0 ones).
_NOT_XML = frozenset("\ufffe\uffff")
# The same rules as patterns in the OpenAPI document (ECMA-262 syntax), so that clients know them up front.
LINE_PATTERN = r"^[^\u0000-\u001f\u007f-\u009f\ufffe\uffff]*$"
TEXT_PATTERN = r"^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]*$"
_LINE_SCHEMA = Field(json_schema_extra={"pattern": LINE_PATTERN})
_TEXT_SCHEMA = Field(json_schema_extra={"pattern": TEXT_PATTERN})


def _check_text(value: str, *, multiline: bool) -> str:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("the text contains a lone surrogate (not valid Unicode)") from None
    for char in value:
        if unicodedata.category(char) == "Cc" and not (multiline and char in _MULTILINE_OK):
            raise ValueError(f"the text contains the control character {char!r}; remove it")
        if char in _NOT_XML:
            raise ValueError(f"the text contains {char!r}, a character XML does not allow; remove it")
    if not value.strip():
        raise ValueError("the text is empty or only whitespace")
    return value


def _line(value: str) -> str:
    return _check_text(value, multiline=False)


def _paragraphs(value: str) -> str:
    return _check_text(value, multiline=True)


def _iso_date(value: Any) -> Any:
    # Strict: "2026-12-31" or a date, never a number (0 is not 1970-01-01) or a datetime string.
    if value is None:  # an extracted claim's deadline the text did not give arrives as null
        raise ValueError("the date is missing (null): write it YYYY-MM-DD")
    if isinstance(value, datetime) or not isinstance(value, str | date):
        raise ValueError("a date is written YYYY-MM-DD")
    if isinstance(value, str) and not _ISO_DATE.match(value):
        raise ValueError(f"{value[:40]!r} is not a date: write it YYYY-MM-DD")
    return value


def _iso_time(value: Any) -> Any:
    # Strict: an ISO-8601 text (or a datetime), never a number (0 is not 1970-01-01T00:00).
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str) or not _AS_OF_RE.match(value):
        raise ValueError("a time is written like 2025-11-15T08:00:00Z (or a date, 2025-11-15)")
    return value


def _in_calendar(value: date) -> date:
    if not FIRST_DATE <= value <= LAST_DATE:
        raise ValueError(f"the date must lie between {FIRST_DATE} and {LAST_DATE}")
    return value


def _web_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ValueError("the URL must start with http:// or https:// and name a host")
    return value


# One line of text (no control characters) or free text (new lines and tabs allowed); never blank.
Line100 = Annotated[str, StringConstraints(min_length=1, max_length=100), AfterValidator(_line), _LINE_SCHEMA]
Line200 = Annotated[str, StringConstraints(min_length=1, max_length=200), AfterValidator(_line), _LINE_SCHEMA]
Line500 = Annotated[str, StringConstraints(min_length=1, max_length=500), AfterValidator(_line), _LINE_SCHEMA]
Text2000 = Annotated[str, StringConstraints(min_length=1, max_length=2000), AfterValidator(_paragraphs), _TEXT_SCHEMA]
Text5000 = Annotated[str, StringConstraints(min_length=1, max_length=5000), AfterValidator(_paragraphs), _TEXT_SCHEMA]
Text10k = Annotated[str, StringConstraints(min_length=1, max_length=10_000), AfterValidator(_paragraphs), _TEXT_SCHEMA]
Text1M = Annotated[
    str, StringConstraints(min_length=1, max_length=1_000_000), AfterValidator(_paragraphs), _TEXT_SCHEMA
]
# The calendar's years (1900..2199) in the OpenAPI document too.
DATE_PATTERN = r"^(19[0-9]{2}|2[01][0-9]{2})-[0-9]{2}-[0-9]{2}$"
StrictDate = Annotated[
    date,
    BeforeValidator(_iso_date),
    AfterValidator(_in_calendar),
    Field(json_schema_extra={"pattern": DATE_PATTERN, "description": f"A date from {FIRST_DATE} to {LAST_DATE}."}),
]
StrictDateTime = Annotated[datetime, BeforeValidator(_iso_time)]
WebUrl = Annotated[str, StringConstraints(max_length=2000), AfterValidator(_line), AfterValidator(_web_url)]
Key = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,99}$")]
Period = Annotated[str, StringConstraints(max_length=10, pattern=_PERIOD)]


class RequestModel(BaseModel):
    """A request body: unknown fields and non-finite numbers are refused (422)."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


class ClaimSort(StrEnum):
    """What a list of claims can be ordered by (``updated``: the probability's last change, else creation)."""

    DEADLINE = "deadline"
    PROBABILITY = "probability"
    UPDATED = "updated"
    CREATED = "created"
    STATUS = "status"  # what needs attention first: awaiting resolution, open, resolved true/false, annulled


class SortOrder(StrEnum):
    """Ascending or descending."""

    ASC = "asc"
    DESC = "desc"


class SourceCreate(RequestModel):
    """A new source document."""

    title: Line500
    publisher: Line200 | None = None
    author: Line200 | None = None
    published_on: StrictDate | None = None
    published_on_note: Text2000 | None = None
    url: WebUrl | None = Field(default=None, examples=["https://example.org/analysis"])
    text: Text1M | None = Field(default=None, description="The document's text (up to 1,000,000 characters).")


class SourceRead(BaseModel):
    """A source as the API shows it (``text`` only on the single-source view)."""

    id: int
    title: str
    publisher: str | None
    author: str | None
    published_on: date | None
    published_on_note: str | None
    url: str | None
    n_claims: int = 0
    text: str | None = None


class RuleIn(RequestModel):
    """A claim's deciding rule on one indicator."""

    indicator: Key = Field(description="The indicator's key.", examples=["m2_m1_spread"])
    op: Op
    threshold: StrictFloat
    aggregate: Aggregate = Aggregate.LAST
    window_start: Period | None = Field(default=None, description="A period; defaults to the one containing made_on.")
    window_end: Period | None = Field(
        default=None, description="A period; defaults to the one containing the deadline."
    )

    @field_validator("threshold")
    @classmethod
    def _finite(cls, value: float) -> float:
        if not math.isfinite(value):
            raise ValueError("threshold must be a finite number")
        return value


class RuleRead(BaseModel):
    """A rule with its window filled in."""

    indicator: str
    op: Op
    threshold: float
    aggregate: Aggregate
    window_start: str
    window_end: str


class ProposedRule(RequestModel):
    """A comparison read from the text ("over 70%" is ``> 70``) before any indicator is linked to it."""

    op: Op
    threshold: StrictFloat
    unit: Line100 | None = None
    words: Text2000 | None = Field(default=None, description="The words it was read from.")
    metric: Line500 | None = Field(default=None, description="What the number measures, in the text's words.")
    high: StrictFloat | None = Field(
        default=None, description="A band's upper edge (a point forecast): the figure must also be <= high."
    )
    aggregate: Aggregate | None = None
    window_start: Period | None = None
    window_end: Period | None = None
    indicator: Key | None = Field(default=None, description="A ledger indicator whose name matches the metric.")


class ExtractionNote(RequestModel):
    """Where ``extract`` found a candidate and what it read; for the reviewer, not stored with the claim."""

    quote_start: StrictInt | None = Field(default=None, ge=0, description="Offset of the quote in the text.")
    quote_end: StrictInt | None = Field(default=None, ge=0)
    source: Line500 | None = Field(default=None, description="The text's publisher.")
    speaker: Line500 | None = Field(default=None, description="Who the text says made the prediction.")
    cue: Line200 | None = Field(default=None, description="The words that make the sentence a prediction.")
    deadline_words: Line500 | None = None
    deadline_default: StrictBool = False
    classifier_score: StrictFloat | None = Field(
        default=None, ge=0.0, le=1.0, description="The sentence classifier's P(prediction)."
    )
    doubted: StrictBool = Field(
        default=False, description="A rule candidate the classifier doubts: what strict mode leaves out."
    )


class ClaimCreate(RequestModel):
    """A new resolvable claim."""

    statement: Text2000 = Field(description="The claim in resolvable form.")
    quote: Text10k = Field(description="The exact words of the source.")
    author: Line200
    source_id: Id | None = None
    made_on: StrictDate
    deadline: StrictDate
    resolution_criteria: Text5000
    interpretation: Text5000 | None = None
    tags: list[Line100] = Field(default_factory=list, max_length=50)
    prior: StrictFloat | None = Field(default=None, gt=0, lt=1, description="Base rate for claims no data decides.")
    stated_confidence: Line500 | None = None
    stated_probability: StrictFloat | None = Field(default=None, gt=0, lt=1)
    rule: RuleIn | None = None
    leading_indicators: list[Key] = Field(
        default_factory=list, max_length=50, description="Keys of indicators that foreshadow it."
    )
    condition: Text2000 | None = Field(default=None, description="What must happen first for the claim to be scored.")
    condition_rule: RuleIn | None = Field(
        default=None, description="The condition as a rule on an indicator (else a researcher decides it)."
    )
    condition_prior: StrictFloat | None = Field(
        default=None, gt=0, lt=1, description="P(condition by the deadline) while no data decides it."
    )
    proposed_rule: ProposedRule | None = Field(
        default=None, description="A threshold read from the text, kept in the review note until a rule uses it."
    )
    needs_review: StrictBool | Annotated[list[Line500], Field(max_length=50)] = Field(
        default=False,
        description="True, or the list of what a researcher must still decide (from `extract`).",
    )
    extraction: ExtractionNote | None = Field(
        default=None, description="What `extract` read (offsets, publisher, speaker); not stored with the claim."
    )

    @field_validator("tags")
    @classmethod
    def _clean_tags(cls, tags: list[str]) -> list[str]:
        return sorted({t.strip().lower() for t in tags})

    @model_validator(mode="after")
    def _deadline_after_made_on(self) -> ClaimCreate:
        if self.deadline < self.made_on:
            raise ValueError(f"deadline {self.deadline} is before made_on {self.made_on}")
        if (self.condition_rule is not None or self.condition_prior is not None) and not self.condition:
            raise ValueError("condition_rule and condition_prior need the condition in words (condition)")
        return self


class ClaimUpdate(RequestModel):
    """A researcher's edit of a claim: only the fields sent change (``rule: null`` removes the rule).

    The rule may change only before the claim's first resolution; quote, author and made_on only while no
    forecast on the claim has been scored (it is not resolved).
    """

    tags: list[Line100] | None = Field(default=None, max_length=50)
    interpretation: Text5000 | None = None
    resolution_criteria: Text5000 | None = None
    rule: RuleIn | None = None
    quote: Text10k | None = None
    author: Line200 | None = None
    made_on: StrictDate | None = None

    @field_validator("tags")
    @classmethod
    def _clean_tags(cls, tags: list[str] | None) -> list[str] | None:
        return None if tags is None else sorted({t.strip().lower() for t in tags})


class ResolutionRead(BaseModel):
    """How a claim was resolved."""

    outcome: Outcome
    resolved_on: date
    evidence: str
    resolved_by: str
    decisive_observation_id: int | None = None


class LinkRead(BaseModel):
    """An indicator linked to a claim."""

    indicator: str
    name: str
    role: LinkRole
    has_data: bool


class ClaimRead(BaseModel):
    """A claim with its rule, tags, resolution and current probability."""

    id: int
    statement: str
    quote: str
    author: str
    source_id: int | None
    made_on: date
    deadline: date
    status: ClaimStatus
    probability: float | None
    probability_updated_at: datetime | None
    probability_method: str | None = None
    probability_model: str | None = None
    backtest: dict[str, Any] | None = None
    rule: RuleRead | None
    tags: list[str]
    resolution: ResolutionRead | None
    resolution_criteria: str
    interpretation: str | None
    prior: float | None
    stated_confidence: str | None
    stated_probability: float | None
    needs_review: bool
    review_note: str | None
    checked_through: date | None = None
    indicators: list[LinkRead]
    condition: str | None = None
    condition_status: ConditionStatus | None = None
    condition_probability: float | None = Field(
        default=None, description="P(condition by the deadline); the claim's probability is P(outcome | condition)."
    )
    condition_rule: RuleRead | None = None
    condition_decided_on: date | None = None


class LinkedClaim(BaseModel):
    """A claim linked to an indicator, and what the indicator does for it."""

    id: int
    statement: str
    status: ClaimStatus
    probability: float | None
    role: LinkRole


class IndicatorRead(BaseModel):
    """An indicator and a summary of its data (the single view adds its latest value and linked claims)."""

    key: str
    name: str
    unit: str | None
    frequency: Frequency
    description: str | None
    source: str | None
    formula: str | None
    n_periods: int
    first_period: str | None
    last_period: str | None
    data_as_of: datetime | None
    has_data: bool
    claim_ids: list[int] = Field(default_factory=list)
    last_fetched_at: datetime | None = None
    last_fetch_error: str | None = None
    last_fetch_error_at: datetime | None = None
    latest_value: float | None = Field(default=None, description="The last period's newest vintage (single view).")
    latest_value_as_of: datetime | None = None
    claims: list[LinkedClaim] = Field(default_factory=list, description="Linked claims (single view).")


class ObservationRead(BaseModel):
    """One period's value as known at ``as_of``."""

    period: str
    value: float
    as_of: datetime
    origin: str | None = None


class ObservationVintages(BaseModel):
    """One period's current value, and the earlier vintages it revised (newest first)."""

    period: str
    value: float
    as_of: datetime
    origin: str | None = None
    earlier: list[ObservationRead] = Field(default_factory=list)


class FigureCheckCreate(RequestModel):
    """A figure as the source reported it, to be checked against an official series."""

    reported_indicator: Key = Field(description="Key of the indicator holding the source's figures.")
    period: Period = Field(description="The reported figure's period, e.g. '2023' or '2024-Q1'.")
    official_indicator: Key = Field(description="Key of the official series.")
    transformation: Transformation = Field(description="How the official series is brought to that period.")
    tolerance: StrictFloat = Field(ge=0, description="The largest difference still called consistent, in the unit.")
    note: Text5000 | None = None

    @field_validator("tolerance")
    @classmethod
    def _finite_tolerance(cls, value: float) -> float:
        if not math.isfinite(value):
            raise ValueError("tolerance must be a finite number")
        return value


class FigureCheckRead(BaseModel):
    """One reported figure against the official series: both values, the difference and the verdict."""

    id: int
    source_id: int
    reported_indicator: str
    reported_name: str
    period: str
    reported_value: float | None
    official_indicator: str
    official_name: str
    unit: str | None
    transformation: Transformation
    official_value: float | None
    official_periods: int
    expected_periods: int
    difference: float | None
    tolerance: float
    status: CheckStatus
    official_data_as_of: datetime | None
    checked_at: datetime | None
    note: str | None
    explanation: str


class SourceChecksRead(BaseModel):
    """A source's figure checks with a one-line summary (the list shape of every list endpoint)."""

    source_id: int
    summary: str
    checked: int
    differ: int
    consistent: int
    incomplete: int
    items: list[FigureCheckRead]
    total: int
    limit: int
    offset: int


class SubscriptionCreate(RequestModel):
    """A request for the weekly digest; ``tags`` narrow it to claims carrying any of them."""

    # Checked by the use case, which names what is wrong with an address (400), header injection included.
    email: str = Field(min_length=3, max_length=320)
    tags: list[Annotated[str, StringConstraints(max_length=100)]] = Field(default_factory=list, max_length=20)


class ConditionDecision(RequestModel):
    """A researcher's decision on a claim's condition."""

    met: StrictBool
    evidence: Text10k
    decided_on: StrictDate | None = Field(
        default=None, description="When it was met (or found impossible); default today."
    )


# Observation batches are checked by hand, row by row, instead of through pydantic models: a model per row
# costs about ten times the JSON's size in memory, and the rows are handed to ingestion as they are checked.
_ROW_FIELDS = frozenset({"period", "value", "as_of"})


def observation_batch_schema(*, max_rows: int) -> dict[str, Any]:
    """The JSON schema of ``POST /indicators/{key}/observations``, for the OpenAPI document."""
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["observations"],
        "properties": {
            "observations": {
                "type": "array",
                "maxItems": max_rows,
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["period", "value"],
                    "properties": {
                        "period": {"type": "string", "maxLength": 10, "examples": ["2025-11"]},
                        "value": {"type": "number", "description": "A finite number.", "examples": [7.5]},
                        "as_of": {
                            "anyOf": [{"type": "string", "pattern": _AS_OF}, {"type": "null"}],
                            "description": "When the value became known (ISO-8601; a bare date is midnight UTC; "
                            "no zone is UTC; default: now).",
                        },
                    },
                },
            }
        },
    }


def observation_rows(payload: Any, *, max_rows: int) -> list[tuple[int, str, float, str | None]]:
    """Check a batch's shape; answer ``(row, period, value, as_of)`` tuples, dropping each dict once checked.

    Raises InvalidPayload (422) naming up to ten bad rows, or TooLarge (413) past ``max_rows`` rows.
    """
    if not isinstance(payload, dict) or set(payload) != {"observations"}:
        raise InvalidPayload('the body must be {"observations": [{"period", "value", "as_of"?}, ...]}')
    rows = payload["observations"]
    if not isinstance(rows, list):
        raise InvalidPayload("observations must be a list")
    if len(rows) > max_rows:
        raise TooLarge(
            f"the batch has {len(rows)} observations; one request takes at most {max_rows} "
            "(PREDTRACK_MAX_BATCH_ROWS): split it, or use `predtrack ingest FILE`"
        )
    problems: list[str] = []
    checked = []
    for i in range(len(rows)):
        raw, rows[i] = rows[i], None
        try:
            checked.append(_observation_row(raw, row=i + 1))
        except ValueError as exc:
            if len(problems) < 10:
                problems.append(f"row {i + 1}: {exc}")
    if problems:
        raise InvalidPayload(f"batch refused, nothing was written: {'; '.join(problems)}")
    return checked


def _observation_row(raw: Any, *, row: int) -> tuple[int, str, float, str | None]:
    if not isinstance(raw, dict):
        raise ValueError("each observation is an object with period, value and as_of")
    unknown = sorted(set(raw) - _ROW_FIELDS)
    if unknown:
        raise ValueError(f"unknown field(s) {', '.join(map(repr, unknown))}; use period, value, as_of")
    period, value, as_of = raw.get("period"), raw.get("value"), raw.get("as_of")
    if not isinstance(period, str) or not 1 <= len(period) <= 10:
        raise ValueError("period must be text of at most 10 characters, like '2025-11'")
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("value must be a number")
    try:
        number = float(value)
    except OverflowError:
        raise ValueError("value is too large for a 64-bit float") from None
    if not math.isfinite(number):
        raise ValueError("value must be a finite number")
    if as_of is not None and (not isinstance(as_of, str) or not _AS_OF_RE.match(as_of)):
        raise ValueError("as_of must be an ISO-8601 time like '2025-11-15T08:00:00Z' or a date like '2025-11-15'")
    return row, period, number, as_of
