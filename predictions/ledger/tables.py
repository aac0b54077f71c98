"""The ledger's tables, in one place.

Everything that matters is enforced by the database as well as by Python: foreign keys, the unique
vintage of an observation, probabilities strictly between 0 and 1, and enums for every closed vocabulary.
Observations, probability snapshots and resolutions are append-only: a revision or a retraction is a new
row or a timestamp, never an overwrite.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlmodel import JSON, Column, Field, SQLModel

from forecasts.periods import Frequency
from forecasts.rules import Aggregate, Op
from predictions.ledger.sqltypes import UTCDateTime, enum_column_type, utcnow

# Named constraints, so that migrations can find and drop them on every database.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class ClaimStatus(StrEnum):
    """Where a claim stands."""

    OPEN = "open"
    AWAITING_RESOLUTION = "awaiting_resolution"
    RESOLVED_TRUE = "resolved_true"
    RESOLVED_FALSE = "resolved_false"
    ANNULLED = "annulled"


class Outcome(StrEnum):
    """How a claim was resolved."""

    TRUE = "true"
    FALSE = "false"
    ANNULLED = "annulled"


class LinkRole(StrEnum):
    """What an indicator does for a claim: decide it by a rule, or only foreshadow it."""

    DECIDES = "decides"
    LEADING = "leading"


class SnapshotKind(StrEnum):
    """A snapshot computed when it says (live), or later, as the engine would have said then (hindcast)."""

    LIVE = "live"
    HINDCAST = "hindcast"


class Transformation(StrEnum):
    """How an official series is brought to the period of a reported figure."""

    MEAN = "mean"
    LAST = "last"
    SUM = "sum"


class CheckStatus(StrEnum):
    """What a figure check found."""

    CONSISTENT = "consistent"
    DIFFERS = "differs"
    INCOMPLETE = "incomplete"


class ConditionStatus(StrEnum):
    """Where a conditional claim's condition stands."""

    PENDING = "pending"
    MET = "met"
    NOT_MET = "not_met"


class KeyRole(StrEnum):
    """What an API key may do. An admin may do everything a researcher may."""

    RESEARCHER = "researcher"
    ADMIN = "admin"


def _ts(**kwargs: Any) -> Any:
    return Field(default=None, sa_column=Column(UTCDateTime(), **kwargs))


def _now_ts(**kwargs: Any) -> Any:
    return Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False, **kwargs))


class Source(SQLModel, table=True):
    """A document that makes predictions: an article, a report, a post."""

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=500)
    publisher: str | None = Field(default=None, max_length=200)
    author: str | None = Field(default=None, max_length=200)
    published_on: date | None = None
    published_on_note: str | None = Field(default=None, description="How published_on was established.")
    url: str | None = Field(default=None, max_length=2000)
    text: str | None = Field(default=None, sa_column=Column(sa.Text))
    created_at: datetime = _now_ts()


class Claim(SQLModel, table=True):
    """A resolvable prediction: the exact quote, what would make it true, and by when."""

    __table_args__ = (
        sa.CheckConstraint("prior IS NULL OR (prior > 0 AND prior < 1)", name="prior_between_0_and_1"),
        sa.CheckConstraint(
            "probability IS NULL OR (probability > 0 AND probability < 1)", name="probability_between_0_and_1"
        ),
        sa.CheckConstraint(
            "stated_probability IS NULL OR (stated_probability > 0 AND stated_probability < 1)",
            name="stated_probability_between_0_and_1",
        ),
        sa.CheckConstraint("deadline >= made_on", name="deadline_after_made_on"),
    )

    id: int | None = Field(default=None, primary_key=True)
    statement: str = Field(sa_column=Column(sa.Text, nullable=False))
    quote: str = Field(sa_column=Column(sa.Text, nullable=False))
    author: str = Field(max_length=200)
    source_id: int | None = Field(default=None, foreign_key="source.id", index=True)
    made_on: date
    deadline: date = Field(index=True)
    resolution_criteria: str = Field(sa_column=Column(sa.Text, nullable=False))
    interpretation: str | None = Field(default=None, sa_column=Column(sa.Text))
    prior: float | None = None
    stated_confidence: str | None = Field(default=None, max_length=500)
    stated_probability: float | None = None
    status: ClaimStatus = Field(
        default=ClaimStatus.OPEN,
        sa_column=Column(enum_column_type(ClaimStatus, "claim_status"), nullable=False, index=True),
    )
    needs_review: bool = Field(default=False, sa_column=Column(sa.Boolean, nullable=False, server_default="0"))
    review_note: str | None = Field(default=None, sa_column=Column(sa.Text))
    condition: str | None = Field(default=None, sa_column=Column(sa.Text))
    checked_through: date | None = Field(
        default=None, description="The latest date a researcher looked and found no event (see ClaimCheck)."
    )
    probability: float | None = None
    probability_updated_at: datetime | None = _ts()
    created_at: datetime = _now_ts()


class ClaimTag(SQLModel, table=True):
    """A tag on a claim (one row per tag, so that filters and scores by tag are plain joins)."""

    __tablename__ = "claim_tag"

    claim_id: int = Field(foreign_key="claim.id", primary_key=True, ondelete="CASCADE")
    tag: str = Field(primary_key=True, max_length=100, index=True)


class Indicator(SQLModel, table=True):
    """A time series that decides or foreshadows claims; derived ones are computed by ``formula``."""

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=100, unique=True, index=True)
    name: str = Field(max_length=300)
    unit: str | None = Field(default=None, max_length=100)
    frequency: Frequency = Field(sa_column=Column(enum_column_type(Frequency, "frequency"), nullable=False))
    description: str | None = Field(default=None, sa_column=Column(sa.Text))
    source: str | None = Field(default=None, max_length=500)
    # An admin set this source: the sync may fetch its host although PREDTRACK_SOURCE_HOSTS does not list it.
    source_set_by_admin: bool = Field(default=False, sa_column=Column(sa.Boolean, nullable=False, server_default="0"))
    formula: str | None = Field(default=None, max_length=1000, description="e.g. 'm2_yoy - m1_yoy'")
    last_fetched_at: datetime | None = _ts()
    last_fetch_error: str | None = Field(default=None, sa_column=Column(sa.Text))
    last_fetch_error_at: datetime | None = _ts()
    created_at: datetime = _now_ts()


class Observation(SQLModel, table=True):
    """One vintage of one period's value. A revision is a new row with a later ``as_of``."""

    __table_args__ = (
        sa.UniqueConstraint("indicator_id", "period", "as_of"),
        sa.Index("ix_observation_lookup", "indicator_id", "period_start", "as_of"),
    )

    id: int | None = Field(default=None, primary_key=True)
    indicator_id: int = Field(foreign_key="indicator.id", ondelete="RESTRICT")
    period: str = Field(max_length=10)
    period_start: date
    value: float
    as_of: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    recorded_at: datetime = _now_ts()
    origin: str | None = Field(default=None, max_length=300, description="Where this value came from.")


class ClaimIndicator(SQLModel, table=True):
    """A link from a claim to an indicator: the rule that decides it, or a leading indicator."""

    __tablename__ = "claim_indicator"
    __table_args__ = (
        sa.UniqueConstraint("claim_id", "indicator_id", "role"),
        sa.CheckConstraint(
            "role = 'leading' OR (op IS NOT NULL AND threshold IS NOT NULL AND aggregate IS NOT NULL)",
            name="rule_complete",
        ),
        # A claim is decided by at most one rule.
        sa.Index(
            "uq_claim_indicator_one_rule",
            "claim_id",
            unique=True,
            sqlite_where=sa.text("role = 'decides'"),
            postgresql_where=sa.text("role = 'decides'"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", ondelete="CASCADE", index=True)
    indicator_id: int = Field(foreign_key="indicator.id", ondelete="RESTRICT", index=True)
    role: LinkRole = Field(sa_column=Column(enum_column_type(LinkRole, "link_role"), nullable=False))
    op: Op | None = Field(default=None, sa_column=Column(enum_column_type(Op, "rule_op")))
    threshold: float | None = None
    aggregate: Aggregate | None = Field(default=None, sa_column=Column(enum_column_type(Aggregate, "rule_aggregate")))
    window_start: str | None = Field(default=None, max_length=10, description="Period; defaults to made_on.")
    window_end: str | None = Field(default=None, max_length=10, description="Period; defaults to deadline.")
    note: str | None = Field(default=None, sa_column=Column(sa.Text))


class FigureCheck(SQLModel, table=True):
    """A figure as a source reported it, checked against the official series over the same period.

    The result columns (``official_value`` to ``checked_at``) are recomputed whenever either series changes.
    """

    __tablename__ = "figure_check"
    __table_args__ = (
        sa.UniqueConstraint("reported_indicator_id", "period", "official_indicator_id", name="uq_figure_check_figure"),
        sa.CheckConstraint("tolerance >= 0", name="tolerance_not_negative"),
    )

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id", ondelete="CASCADE", index=True)
    reported_indicator_id: int = Field(foreign_key="indicator.id", ondelete="CASCADE", index=True)
    period: str = Field(max_length=10, description="The reported figure's period, e.g. '2023' or '2024-Q1'.")
    official_indicator_id: int = Field(foreign_key="indicator.id", ondelete="CASCADE", index=True)
    transformation: Transformation = Field(
        sa_column=Column(enum_column_type(Transformation, "transformation"), nullable=False)
    )
    tolerance: float
    note: str | None = Field(default=None, sa_column=Column(sa.Text))
    reported_value: float | None = None
    official_value: float | None = None
    difference: float | None = Field(default=None, description="reported - official")
    official_periods: int = 0
    expected_periods: int = 0
    status: CheckStatus = Field(
        default=CheckStatus.INCOMPLETE,
        sa_column=Column(enum_column_type(CheckStatus, "check_status"), nullable=False),
    )
    official_data_as_of: datetime | None = _ts()
    checked_at: datetime | None = _ts()
    created_at: datetime = _now_ts()


class ClaimCondition(SQLModel, table=True):
    """What must happen first for a claim to be scored: a rule on an indicator, or a statement a researcher decides.

    The statement is ``Claim.condition``. ``probability`` is P(condition by the deadline), shown beside the claim's
    own probability, which then reads P(outcome | condition).
    """

    __tablename__ = "claim_condition"
    __table_args__ = (
        sa.CheckConstraint("prior IS NULL OR (prior > 0 AND prior < 1)", name="prior_between_0_and_1"),
        sa.CheckConstraint(
            "indicator_id IS NULL OR (op IS NOT NULL AND threshold IS NOT NULL AND aggregate IS NOT NULL)",
            name="rule_complete",
        ),
    )

    claim_id: int = Field(foreign_key="claim.id", primary_key=True, ondelete="CASCADE")
    indicator_id: int | None = Field(default=None, foreign_key="indicator.id", ondelete="RESTRICT", index=True)
    op: Op | None = Field(default=None, sa_column=Column(enum_column_type(Op, "condition_op")))
    threshold: float | None = None
    aggregate: Aggregate | None = Field(
        default=None, sa_column=Column(enum_column_type(Aggregate, "condition_aggregate"))
    )
    window_start: str | None = Field(default=None, max_length=10)
    window_end: str | None = Field(default=None, max_length=10)
    prior: float | None = Field(default=None, description="P(condition by the deadline) when no data decides it.")
    status: ConditionStatus = Field(
        default=ConditionStatus.PENDING,
        sa_column=Column(enum_column_type(ConditionStatus, "condition_status"), nullable=False),
    )
    probability: float | None = None
    probability_at: datetime | None = _ts()
    decided_on: date | None = None
    decided_by: str | None = Field(default=None, max_length=200)
    evidence: str | None = Field(default=None, sa_column=Column(sa.Text))


class ProbabilitySnapshot(SQLModel, table=True):
    """One computed probability for a claim, with everything needed to recompute it bit for bit.

    ``at`` is the moment the probability stands for. A live snapshot is computed then (``computed_at == at``);
    a hindcast is computed later (``computed_at``) from only the vintages known at ``at``. ``inputs`` records
    exactly what was used: the observations (ids and vintages), the rule and window, the engine version, the
    seed and the number of paths.
    """

    __tablename__ = "probability_snapshot"
    __table_args__ = (
        sa.CheckConstraint("probability > 0 AND probability < 1", name="probability_between_0_and_1"),
        sa.Index("ix_probability_snapshot_claim_at", "claim_id", "at"),
        sa.Index("ix_probability_snapshot_at", "at"),  # the changes feed walks the newest first
    )

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", ondelete="CASCADE")
    at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    probability: float
    method: str = Field(max_length=50, description="model | base_rate | ...")
    model: str = Field(max_length=100)
    model_version: str = Field(max_length=50)
    data_as_of: datetime | None = _ts()
    seed: int = 0
    inputs_hash: str = Field(max_length=64)
    reason: str | None = Field(default=None, sa_column=Column(sa.Text))
    details: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    kind: SnapshotKind = Field(
        default=SnapshotKind.LIVE,
        sa_column=Column(enum_column_type(SnapshotKind, "snapshot_kind"), nullable=False, server_default="live"),
    )
    computed_at: datetime = _now_ts()
    inputs: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    # A hindcast computed for a rule (or made_on) the claim no longer has: kept as a record, never scored, shown
    # or reused. The edit that retired it says so in the audit trail.
    retired_at: datetime | None = _ts()


class ClaimChart(SQLModel, table=True):
    """What a claim page's indicator chart draws, computed when the claim was re-scored (``snapshot_id``).

    One row per claim, replaced by each re-score that writes a live snapshot, so that opening the page costs a
    lookup instead of a forecast. ``data`` is the chart's numbers (``predictions.rescore.charts``), not its SVG:
    drawing is the dashboard's business.
    """

    __tablename__ = "claim_chart"

    claim_id: int = Field(foreign_key="claim.id", primary_key=True, ondelete="CASCADE")
    snapshot_id: int = Field(foreign_key="probability_snapshot.id", ondelete="CASCADE", index=True)
    data: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    computed_at: datetime = _now_ts()


class Resolution(SQLModel, table=True):
    """A claim's outcome, with evidence. A retraction (un-resolve) stamps ``retracted_at``; rows stay."""

    __table_args__ = (sa.Index("ix_resolution_created_at", "created_at"),)  # the changes feed, newest first

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", ondelete="CASCADE", index=True)
    outcome: Outcome = Field(sa_column=Column(enum_column_type(Outcome, "outcome"), nullable=False))
    resolved_on: date
    evidence: str = Field(sa_column=Column(sa.Text, nullable=False))
    resolved_by: str = Field(max_length=200, description="A researcher's name, or 'auto'.")
    decisive_observation_id: int | None = Field(default=None, foreign_key="observation.id")
    created_at: datetime = _now_ts()
    retracted_at: datetime | None = _ts()
    retracted_by: str | None = Field(default=None, max_length=200)
    retraction_reason: str | None = Field(default=None, sa_column=Column(sa.Text))


class ClaimCheck(SQLModel, table=True):
    """A researcher looked for the claim's event and found none up to ``checked_through``. Append-only."""

    __tablename__ = "claim_check"

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", ondelete="CASCADE", index=True)
    checked_through: date
    note: str = Field(sa_column=Column(sa.Text, nullable=False))
    checked_by: str = Field(max_length=200)
    at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


class ClaimEvent(SQLModel, table=True):
    """One entry of a claim's audit trail: who changed what, when (``kind`` e.g. resolve, unresolve, flag).

    Append-only; ``details`` holds what the change was (outcome, evidence, reason, note...) as JSON.
    """

    __tablename__ = "claim_event"

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", ondelete="CASCADE", index=True)
    kind: str = Field(max_length=50)
    by: str = Field(max_length=200, description="A key's name, or 'auto' for the automatic resolver.")
    at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    details: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class HumanForecast(SQLModel, table=True):
    """A researcher's own probability for a claim; scored like the model."""

    __tablename__ = "human_forecast"
    __table_args__ = (sa.CheckConstraint("probability > 0 AND probability < 1", name="probability_between_0_and_1"),)

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", ondelete="CASCADE", index=True)
    forecaster: str = Field(max_length=200)
    probability: float
    rationale: str | None = Field(default=None, sa_column=Column(sa.Text))
    at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


class ApiKey(SQLModel, table=True):
    """An API key, stored as a hash; ``prefix`` finds the row, the hash proves the key."""

    __tablename__ = "api_key"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    prefix: str = Field(max_length=16, unique=True, index=True)
    key_hash: str = Field(max_length=128)
    role: KeyRole = Field(sa_column=Column(enum_column_type(KeyRole, "key_role"), nullable=False))
    created_at: datetime = _now_ts()
    revoked_at: datetime | None = _ts()
    # Dashboard sessions of this key signed before this moment are over (signing out ends them on the server).
    sessions_ended_at: datetime | None = _ts()


class IndicatorForecast(SQLModel, table=True):
    """A cached forecast of an indicator, keyed by a hash of exactly the data, horizon, engine and seed it used.

    ``data_as_of`` alone is no key: a back-dated vintage changes the data without moving it. A forecast that
    failed is cached too, with its ``error`` (and an empty payload): the same data fails the same way, so every
    replica answers 409 at once instead of paying for it again.
    """

    __tablename__ = "indicator_forecast"
    __table_args__ = (sa.UniqueConstraint("indicator_id", "data_hash"),)

    id: int | None = Field(default=None, primary_key=True)
    indicator_id: int = Field(foreign_key="indicator.id", ondelete="CASCADE", index=True)
    data_hash: str = Field(max_length=64)
    data_as_of: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    horizon: int
    engine_version: str = Field(max_length=50)
    model: str = Field(max_length=100)
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    error: str | None = Field(default=None, sa_column=Column(sa.Text, nullable=True))
    created_at: datetime = _now_ts()


class RescoreRequest(SQLModel, table=True):
    """Work to do, written in the same transaction as the data that caused it (an outbox).

    A crashed worker leaves ``done_at`` empty, so the request runs again after a restart.
    """

    __tablename__ = "rescore_request"

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int | None = Field(default=None, foreign_key="claim.id", ondelete="CASCADE", index=True)
    indicator_id: int | None = Field(default=None, foreign_key="indicator.id", ondelete="CASCADE", index=True)
    reason: str = Field(max_length=500)
    requested_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    done_at: datetime | None = _ts(index=True)


class JobRun(SQLModel, table=True):
    """One run of a scheduler job that did something, and which scheduler ran it.

    Written in the job's own transaction (the outbox job's run commits with the requests it consumed), so the
    ledger can show that no piece of work ran twice and when each job last ran.
    """

    __tablename__ = "job_run"
    __table_args__ = (sa.Index("ix_job_run_job_started_at", "job", "started_at"),)

    id: int | None = Field(default=None, primary_key=True)
    job: str = Field(max_length=100)
    runner: str = Field(max_length=200)
    started_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    finished_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    requests: int = 0
    claims: int = 0
    snapshots: int = 0


class RateBucket(SQLModel, table=True):
    """One anonymous client's token bucket for costly reads, shared by every replica.

    ``at`` and ``since`` are seconds since the epoch by the app's clock: when the bucket last changed and when the
    row was made. A row idle long enough to be full again says nothing, so it may be deleted at any time.
    """

    __tablename__ = "rate_bucket"

    client: str = Field(primary_key=True, max_length=100)
    tokens: float
    at: float = Field(index=True)
    since: float
    granted: bool


class Lease(SQLModel, table=True):
    """A named lock with an expiry, so that only one scheduler acts (used where advisory locks are missing)."""

    name: str = Field(primary_key=True, max_length=100)
    holder: str = Field(max_length=200)
    expires_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


class AppSecret(SQLModel, table=True):
    """A secret generated on first start and kept here, used when no secret is configured."""

    __tablename__ = "app_secret"

    name: str = Field(primary_key=True, max_length=100)
    value: str = Field(max_length=200)
    created_at: datetime = _now_ts()


class SubscriptionStatus(StrEnum):
    """Where a digest subscription stands."""

    PENDING = "pending"  # waiting for its confirmation link to be followed
    ACTIVE = "active"
    UNSUBSCRIBED = "unsubscribed"
    BOUNCING = "bouncing"  # flagged after repeated permanent delivery failures; no more digests


class Subscription(SQLModel, table=True):
    """A weekly-digest subscription; ``public_id`` (random, never the row id) goes inside the signed tokens."""

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=320, description="The normalised address mail is sent to.")
    email_key: str = Field(max_length=320, unique=True, description="The address lower-cased: one row per mailbox.")
    public_id: str = Field(max_length=64, unique=True)
    tags: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    status: SubscriptionStatus = Field(
        default=SubscriptionStatus.PENDING,
        sa_column=Column(enum_column_type(SubscriptionStatus, "subscription_status"), nullable=False, index=True),
    )
    created_at: datetime = _now_ts()
    confirmation_sent_at: datetime | None = _ts()
    confirmed_at: datetime | None = _ts()
    unsubscribed_at: datetime | None = _ts()
    bounce_count: int = Field(default=0, sa_column=Column(sa.Integer, nullable=False, server_default="0"))
    last_error: str | None = Field(default=None, sa_column=Column(sa.Text))


class DeliveryStatus(StrEnum):
    """Where one (subscription, week) digest stands."""

    SENDING = "sending"  # claimed by a run; the send may or may not have happened
    SENT = "sent"
    DEFERRED = "deferred"  # temporary failures used up this run's retries; the next run tries again
    FAILED = "failed"  # permanent failure (the server refused the address)


class DigestDelivery(SQLModel, table=True):
    """One digest to one subscriber for one ISO week: claimed before the send, marked after it."""

    __tablename__ = "digest_delivery"
    __table_args__ = (sa.UniqueConstraint("subscription_id", "week"),)

    id: int | None = Field(default=None, primary_key=True)
    subscription_id: int = Field(foreign_key="subscription.id", ondelete="CASCADE", index=True)
    week: str = Field(max_length=8, description="ISO week, YYYY-Www")
    status: DeliveryStatus = Field(
        sa_column=Column(enum_column_type(DeliveryStatus, "delivery_status"), nullable=False, index=True)
    )
    message_id: str = Field(max_length=300)
    attempts: int = Field(default=0, sa_column=Column(sa.Integer, nullable=False, server_default="0"))
    claimed_by: str = Field(max_length=100)
    claimed_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    sent_at: datetime | None = _ts()
    error: str | None = Field(default=None, sa_column=Column(sa.Text))


class LedgerVersion(SQLModel, table=True):
    """One row whose ``version`` grows with every committed write to what a claim's view reads.

    Triggers (migrations 0013, 0014) bump it: claims, tags, links, indicators, an indicator's first observation,
    snapshots, resolutions, conditions, human forecasts and sources. On PostgreSQL the bump runs at commit,
    through ``LedgerTouch``, so that concurrent writers hold the row's lock only while they commit. Readers use it
    to know whether an answer they computed earlier still stands; every replica reads the same row, so no two of
    them can disagree.
    """

    __tablename__ = "ledger_version"

    id: int = Field(default=1, primary_key=True)
    version: int = Field(default=0, sa_column=Column(sa.BigInteger, nullable=False, server_default="0"))


class LedgerTouch(SQLModel, table=True):
    """PostgreSQL only: a transaction that wrote to the ledger, until its commit bumps ``LedgerVersion``."""

    __tablename__ = "ledger_touch"

    txid: int = Field(sa_column=Column(sa.BigInteger, primary_key=True, autoincrement=False))
