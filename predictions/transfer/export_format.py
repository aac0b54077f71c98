"""The shape of a ledger export (``predtrack-claims-export/2``), one model per kind of row, used both ways.

The export writes each model from its table row (``from_attributes``) and the import validates the file against
the same models (unknown fields, non-finite numbers, naive times and out-of-range probabilities refused), so
what goes out is exactly what comes back in.

A claim item is the claim as the API shows it (``ClaimRead``) plus what a faithful copy needs beyond it: when
it was made, its condition's state, every resolution (retracted ones too), its checks, human forecasts, audit
trail and probability snapshots with their recorded inputs. Observation ids are the exporting ledger's; each
item maps the ones it mentions (snapshot inputs, decisive observations) to ``indicator``, ``period`` and
``as_of``, which identify an observation in any ledger.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from predictions.ledger.tables import ClaimStatus, ConditionStatus, Outcome, SnapshotKind

FORMAT = "predtrack-claims-export/2"
FORMAT_V1 = "predtrack-claims-export/1"  # claims and resolutions by people only; still read

Probability = Annotated[float, Field(gt=0, lt=1)]


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, from_attributes=True)


class SourceItem(_Row):
    """A source document; ``id`` is the exporting ledger's, which the claims' ``source_id`` refer to."""

    id: int
    title: str = Field(max_length=500)
    publisher: str | None = Field(default=None, max_length=200)
    author: str | None = Field(default=None, max_length=200)
    published_on: date | None = None
    published_on_note: str | None = None
    url: str | None = Field(default=None, max_length=2000)
    text: str | None = None
    created_at: AwareDatetime


class ObservationRef(_Row):
    """An observation named by what identifies it in any ledger."""

    indicator: str
    period: str
    as_of: AwareDatetime


class CheckItem(_Row):
    """A researcher's check: no event found through ``checked_through``."""

    checked_through: date
    note: str
    checked_by: str = Field(max_length=200)
    at: AwareDatetime


class SnapshotItem(_Row):
    """A probability snapshot with everything it recorded."""

    at: AwareDatetime
    probability: Probability
    method: str = Field(max_length=50)
    model: str = Field(max_length=100)
    model_version: str = Field(max_length=50)
    kind: SnapshotKind
    data_as_of: AwareDatetime | None = None
    seed: int
    inputs_hash: str = Field(max_length=64)
    reason: str | None = None
    details: dict[str, Any]
    computed_at: AwareDatetime
    inputs: dict[str, Any] | None = None
    retired_at: AwareDatetime | None = None  # a hindcast of a rule the claim no longer has: never scored


class ResolutionItem(_Row):
    """A resolution, by a person or ``auto``, and its retraction if any; audit events name it by ``id``."""

    id: int
    outcome: Outcome
    resolved_on: date
    evidence: str
    resolved_by: str = Field(max_length=200)
    decisive_observation_id: int | None = None
    created_at: AwareDatetime
    retracted_at: AwareDatetime | None = None
    retracted_by: str | None = Field(default=None, max_length=200)
    retraction_reason: str | None = None


class HumanForecastItem(_Row):
    """A researcher's own probability."""

    forecaster: str = Field(max_length=200)
    probability: Probability
    rationale: str | None = None
    at: AwareDatetime


class EventItem(_Row):
    """One entry of the audit trail."""

    kind: str = Field(max_length=50)
    by: str = Field(max_length=200)
    at: AwareDatetime
    details: dict[str, Any]


class ConditionState(_Row):
    """Where a conditional claim's condition stands (its rule or statement is in the claim itself)."""

    status: ConditionStatus
    prior: Probability | None = None
    probability: Probability | None = None
    probability_at: AwareDatetime | None = None
    decided_on: date | None = None
    decided_by: str | None = Field(default=None, max_length=200)
    evidence: str | None = None


class ClaimLedger(BaseModel):
    """What an import restores beyond what ``POST /claims`` takes (the rest of the item is ``ClaimRead``)."""

    model_config = ConfigDict(extra="ignore", allow_inf_nan=False)

    id: int
    source_id: int | None
    status: ClaimStatus
    probability: Probability | None
    probability_updated_at: AwareDatetime | None
    needs_review: bool
    review_note: str | None
    checked_through: date | None = None
    created_at: AwareDatetime
    condition_state: ConditionState | None = None
    resolutions: list[ResolutionItem]
    checks: list[CheckItem]
    human_forecasts: list[HumanForecastItem]
    events: list[EventItem]
    history: list[SnapshotItem]
    observations: dict[int, ObservationRef]
