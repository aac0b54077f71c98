"""Queries over probability snapshots, rescore requests, the rules that link claims to indicators, and the
charts kept for claim pages."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from predictions.ledger.tables import (
    Claim,
    ClaimChart,
    ClaimCondition,
    ClaimIndicator,
    ClaimStatus,
    LinkRole,
    Observation,
    ProbabilitySnapshot,
    RescoreRequest,
    SnapshotKind,
)


def latest_snapshot(session: Session, *, claim_id: int) -> ProbabilitySnapshot | None:
    """The claim's newest live snapshot, or None (hindcasts never stand for the claim's current number)."""
    query = (
        select(ProbabilitySnapshot)
        .where(ProbabilitySnapshot.claim_id == claim_id, ProbabilitySnapshot.kind == SnapshotKind.LIVE)
        .order_by(col(ProbabilitySnapshot.at).desc(), col(ProbabilitySnapshot.id).desc())
        .limit(1)
    )
    return session.exec(query).first()


def list_snapshots(
    session: Session, *, claim_id: int, limit: int, offset: int
) -> tuple[list[ProbabilitySnapshot], int]:
    """One page of the claim's snapshots, oldest first, and how many there are in all (retired hindcasts, computed
    for a rule the claim no longer has, are left out)."""
    total = session.exec(select(sa.func.count()).select_from(ProbabilitySnapshot).where(*_shown(claim_id))).one()
    return snapshots_page(session, claim_id=claim_id, limit=limit, offset=offset), int(total)


def snapshots_page(session: Session, *, claim_id: int, limit: int, offset: int) -> list[ProbabilitySnapshot]:
    """``list_snapshots``' page without the total (one statement instead of two)."""
    query = (
        select(ProbabilitySnapshot)
        .where(*_shown(claim_id))
        .order_by(col(ProbabilitySnapshot.at), col(ProbabilitySnapshot.id))
        .limit(limit)
        .offset(offset)
    )
    return list(session.exec(query).all())


def _shown(claim_id: int) -> tuple[Any, ...]:
    return (ProbabilitySnapshot.claim_id == claim_id, col(ProbabilitySnapshot.retired_at).is_(None))


def deciding_rule(session: Session, *, claim_id: int) -> ClaimIndicator | None:
    """The rule that decides the claim, if it has one."""
    query = select(ClaimIndicator).where(ClaimIndicator.claim_id == claim_id, ClaimIndicator.role == LinkRole.DECIDES)
    return session.exec(query).first()


def claims_linked_to(session: Session, *, indicator_ids: Iterable[int]) -> list[int]:
    """Ids of the claims linked (deciding or leading) to any of the indicators, or whose condition is on one."""
    ids = sorted(set(indicator_ids))
    if not ids:
        return []
    links = select(ClaimIndicator.claim_id).where(col(ClaimIndicator.indicator_id).in_(ids))
    conditions = select(ClaimCondition.claim_id).where(col(ClaimCondition.indicator_id).in_(ids))
    return sorted(set(session.exec(links).all()) | set(session.exec(conditions).all()))


def claims_to_rescore(session: Session, *, claim_ids: Iterable[int] | None = None) -> list[int]:
    """Claims worth a periodic re-score (not annulled, not manually resolved), grouped by deciding indicator.

    Grouping claims of one indicator together lets a run forecast each indicator once and share it.
    """
    rule = sa.orm.aliased(ClaimIndicator)
    query = (
        select(Claim.id)
        .outerjoin(rule, sa.and_(col(rule.claim_id) == col(Claim.id), col(rule.role) == LinkRole.DECIDES))
        .where(col(Claim.status) != ClaimStatus.ANNULLED)
        .order_by(col(rule.indicator_id), col(Claim.id))
    )
    if claim_ids is not None:
        query = query.where(col(Claim.id).in_(list(claim_ids)))
    return [int(i) for i in session.exec(query).all() if i is not None]


def pending_requests(session: Session, *, limit: int) -> list[RescoreRequest]:
    """Outbox rows still to do, oldest first, locked against other workers until this transaction ends."""
    query = (
        select(RescoreRequest)
        .where(col(RescoreRequest.done_at).is_(None))
        .order_by(col(RescoreRequest.id))
        .limit(limit)
        .with_for_update()
    )
    return list(session.exec(query).all())


def observation_for(session: Session, *, indicator_id: int, period_start: date, as_of: object) -> Observation | None:
    """The vintage of one period known at ``as_of`` (the latest one not after it)."""
    query = (
        select(Observation)
        .where(
            Observation.indicator_id == indicator_id,
            Observation.period_start == period_start,
            col(Observation.as_of) <= as_of,
        )
        .order_by(col(Observation.as_of).desc())
        .limit(1)
    )
    return session.exec(query).first()


def open_claims_past_deadline(session: Session, *, today: date) -> list[Claim]:
    """Open claims whose deadline is before ``today``."""
    query = select(Claim).where(Claim.status == ClaimStatus.OPEN, col(Claim.deadline) < today).order_by(col(Claim.id))
    return list(session.exec(query).all())


def hindcasts_of(session: Session, *, claim_id: int) -> list[ProbabilitySnapshot]:
    """The claim's hindcast snapshots (retired ones left out), by the moment they stand for."""
    query = (
        select(ProbabilitySnapshot)
        .where(
            ProbabilitySnapshot.claim_id == claim_id,
            ProbabilitySnapshot.kind == SnapshotKind.HINDCAST,
            col(ProbabilitySnapshot.retired_at).is_(None),
        )
        .order_by(col(ProbabilitySnapshot.at), col(ProbabilitySnapshot.id))
    )
    return list(session.exec(query).all())


def retire_hindcasts(session: Session, *, claim_id: int, at: datetime) -> list[int]:
    """Retire the claim's hindcasts (stamp ``retired_at``); the ids of those retired now, oldest first."""
    retired = hindcasts_of(session, claim_id=claim_id)
    for snapshot in retired:
        snapshot.retired_at = at
        session.add(snapshot)
    session.flush()
    return [s.id for s in retired if s.id is not None]


def rule_snapshot_chart(
    session: Session, *, claim_id: int
) -> tuple[ClaimIndicator, ProbabilitySnapshot | None, ClaimChart | None] | None:
    """The claim's deciding rule, its newest live snapshot (``latest_snapshot``) and the chart kept for it
    (``stored_chart``, whichever snapshot it was drawn for), in one statement; None without a deciding rule.

    One round trip instead of three: on PostgreSQL each is a wake-up of the database's process, a few
    milliseconds on a busy machine, and a claim page asks this first."""
    newest = (
        select(ProbabilitySnapshot.id)
        .where(ProbabilitySnapshot.claim_id == claim_id, ProbabilitySnapshot.kind == SnapshotKind.LIVE)
        .order_by(col(ProbabilitySnapshot.at).desc(), col(ProbabilitySnapshot.id).desc())
        .limit(1)
        .scalar_subquery()
    )
    query = (
        select(ClaimIndicator, ProbabilitySnapshot, ClaimChart)
        .select_from(ClaimIndicator)
        .outerjoin(ProbabilitySnapshot, col(ProbabilitySnapshot.id) == newest)
        .outerjoin(ClaimChart, col(ClaimChart.claim_id) == col(ClaimIndicator.claim_id))
        .where(ClaimIndicator.claim_id == claim_id, ClaimIndicator.role == LinkRole.DECIDES)
        .limit(1)
        .execution_options(populate_existing=True)  # the chart fresh after an upsert in this session
    )
    found = session.exec(query).first()
    return None if found is None else (found[0], found[1], found[2])


def stored_chart(session: Session, *, claim_id: int) -> ClaimChart | None:
    """The chart kept for the claim's page, whichever snapshot it was drawn for."""
    return session.get(ClaimChart, claim_id, populate_existing=True)  # fresh after an upsert in this session


def store_chart(session: Session, *, claim_id: int, snapshot_id: int, data: dict[str, Any], at: datetime) -> None:
    """Keep ``data`` as the claim's chart, drawn for ``snapshot_id``, replacing the one kept before.

    One statement (insert, or update on the claim's key), so that two readers drawing a missing chart at once
    both succeed: they drew the same numbers from the same snapshot.
    """
    table = ClaimChart.__table__  # type: ignore[attr-defined]
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    values = {"claim_id": claim_id, "snapshot_id": snapshot_id, "data": data, "computed_at": at}
    statement = insert(table).values(**values)
    session.execute(
        statement.on_conflict_do_update(
            index_elements=["claim_id"],
            set_={"snapshot_id": snapshot_id, "data": statement.excluded.data, "computed_at": at},
        )
    )


def rule_claims_by_indicator(session: Session) -> list[tuple[int, int]]:
    """(indicator id, claim id) of every claim's deciding rule, those on one indicator together."""
    query = (
        select(ClaimIndicator.indicator_id, ClaimIndicator.claim_id)
        .where(ClaimIndicator.role == LinkRole.DECIDES)
        .order_by(col(ClaimIndicator.indicator_id), col(ClaimIndicator.claim_id))
    )
    return [(int(indicator_id), int(claim_id)) for indicator_id, claim_id in session.exec(query).all()]
