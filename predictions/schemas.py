"""What goes in and out of the ledger's use cases: ``XCreate`` to write, ``XRead`` to read."""

from __future__ import annotations

import math
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from forecasts.periods import Frequency
from forecasts.rules import Aggregate, Op
from predictions.tables import CheckStatus, ClaimStatus, ConditionStatus, LinkRole, Outcome, Transformation


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


class SourceCreate(BaseModel):
    """A new source document."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=1, max_length=500)
    publisher: str | None = Field(default=None, max_length=200)
    author: str | None = Field(default=None, max_length=200)
    published_on: date | None = None
    published_on_note: str | None = None
    url: str | None = Field(default=None, max_length=2000)
    text: str | None = None


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


class RuleIn(BaseModel):
    """A claim's deciding rule on one indicator."""

    model_config = ConfigDict(extra="forbid")

    indicator: str = Field(min_length=1, description="The indicator's key.")
    op: Op
    threshold: float
    aggregate: Aggregate = Aggregate.LAST
    window_start: str | None = Field(default=None, description="A period; defaults to the one containing made_on.")
    window_end: str | None = Field(default=None, description="A period; defaults to the one containing the deadline.")

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


class ProposedRule(BaseModel):
    """A comparison read from the text ("over 70%" is ``> 70``) before any indicator is linked to it."""

    model_config = ConfigDict(extra="forbid")

    op: Op
    threshold: float
    unit: str | None = None
    words: str | None = Field(default=None, description="The words it was read from.")


class ClaimCreate(BaseModel):
    """A new resolvable claim."""

    model_config = ConfigDict(extra="forbid")

    statement: str = Field(min_length=1, description="The claim in resolvable form.")
    quote: str = Field(min_length=1, description="The exact words of the source.")
    author: str = Field(min_length=1, max_length=200)
    source_id: int | None = None
    made_on: date
    deadline: date
    resolution_criteria: str = Field(min_length=1)
    interpretation: str | None = None
    tags: list[str] = Field(default_factory=list)
    prior: float | None = Field(default=None, gt=0, lt=1, description="Base rate for claims no data decides.")
    stated_confidence: str | None = Field(default=None, max_length=500)
    stated_probability: float | None = Field(default=None, gt=0, lt=1)
    rule: RuleIn | None = None
    leading_indicators: list[str] = Field(default_factory=list, description="Keys of indicators that foreshadow it.")
    condition: str | None = Field(
        default=None, max_length=2000, description="What must happen first for the claim to be scored."
    )
    condition_rule: RuleIn | None = Field(
        default=None, description="The condition as a rule on an indicator (else a researcher decides it)."
    )
    condition_prior: float | None = Field(
        default=None, gt=0, lt=1, description="P(condition by the deadline) while no data decides it."
    )
    proposed_rule: ProposedRule | None = Field(
        default=None, description="A threshold read from the text, kept in the review note until a rule uses it."
    )
    needs_review: bool | list[str] = Field(
        default=False, description="True, or the list of what a researcher must still decide (from `extract`)."
    )

    @field_validator("tags")
    @classmethod
    def _clean_tags(cls, tags: list[str]) -> list[str]:
        cleaned = sorted({t.strip().lower() for t in tags if t.strip()})
        if any(len(t) > 100 for t in cleaned):
            raise ValueError("a tag is at most 100 characters")
        return cleaned

    @model_validator(mode="after")
    def _deadline_after_made_on(self) -> ClaimCreate:
        if self.deadline < self.made_on:
            raise ValueError(f"deadline {self.deadline} is before made_on {self.made_on}")
        if (self.condition_rule is not None or self.condition_prior is not None) and not self.condition:
            raise ValueError("condition_rule and condition_prior need the condition in words (condition)")
        return self


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


class IndicatorRead(BaseModel):
    """An indicator and a summary of its data."""

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


class FigureCheckCreate(BaseModel):
    """A figure as the source reported it, to be checked against an official series."""

    model_config = ConfigDict(extra="forbid")

    reported_indicator: str = Field(min_length=1, description="Key of the indicator holding the source's figures.")
    period: str = Field(min_length=1, description="The reported figure's period, e.g. '2023' or '2024-Q1'.")
    official_indicator: str = Field(min_length=1, description="Key of the official series.")
    transformation: Transformation = Field(description="How the official series is brought to that period.")
    tolerance: float = Field(ge=0, description="The largest difference still called consistent, in the unit.")
    note: str | None = None

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


class SubscriptionCreate(BaseModel):
    """A request for the weekly digest; ``tags`` narrow it to claims carrying any of them."""

    model_config = ConfigDict(extra="forbid")

    email: str = Field(min_length=3, max_length=320)
    tags: list[str] = Field(default_factory=list, max_length=20)


class ConditionDecision(BaseModel):
    """A researcher's decision on a claim's condition."""

    model_config = ConfigDict(extra="forbid")

    met: bool
    evidence: str = Field(min_length=1)
    decided_on: date | None = Field(default=None, description="When it was met (or found impossible); default today.")
