"""Queries the weekly digest and the changes feed need: what happened in a time window, by tag."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Session, col, select

from predictions.ledger.tables import (
    Claim,
    ClaimIndicator,
    ClaimStatus,
    ClaimTag,
    Indicator,
    Observation,
    ProbabilitySnapshot,
    Resolution,
    SnapshotKind,
)

LIVE = SnapshotKind.LIVE  # the digest and the feed report what the model said at the time, not hindcasts


def claim_ids_with_tags(session: Session, *, tags: Collection[str]) -> set[int]:
    """Ids of the claims carrying any of ``tags``."""
    query = select(ClaimTag.claim_id).where(col(ClaimTag.tag).in_(sorted(tags))).distinct()
    return {int(i) for i in session.exec(query).all()}


def _only(query, column, claim_ids: Collection[int] | None):  # type: ignore[no-untyped-def]
    return query if claim_ids is None else query.where(col(column).in_(sorted(claim_ids)))


def snapshots_between(
    session: Session, *, start: datetime, end: datetime, claim_ids: Collection[int] | None
) -> list[ProbabilitySnapshot]:
    """Snapshots taken in ``[start, end)``, by claim and time."""
    query = select(ProbabilitySnapshot).where(
        col(ProbabilitySnapshot.at) >= start, col(ProbabilitySnapshot.at) < end, ProbabilitySnapshot.kind == LIVE
    )
    query = _only(query, ProbabilitySnapshot.claim_id, claim_ids)
    return list(session.exec(query.order_by(col(ProbabilitySnapshot.claim_id), col(ProbabilitySnapshot.at))).all())


def moves_newest_first(
    session: Session, *, start: datetime, end: datetime, claim_ids: Collection[int] | None, offset: int, limit: int
) -> list[tuple[ProbabilitySnapshot, float | None]]:
    """Live snapshots taken in ``[start, end)``, newest first (``offset``, ``limit``), each with the probability of
    its claim's previous live snapshot (None for a claim's first).

    The feed's read: the window is walked backwards on the index on ``at`` and each predecessor is one seek on
    (claim_id, at), so the cost follows the page asked for, not the number of snapshots in the window.
    """
    earlier = sa.orm.aliased(ProbabilitySnapshot)
    before = (
        select(earlier.probability)
        .where(
            earlier.claim_id == ProbabilitySnapshot.claim_id,
            earlier.kind == LIVE,
            sa.or_(
                col(earlier.at) < col(ProbabilitySnapshot.at),
                sa.and_(col(earlier.at) == col(ProbabilitySnapshot.at), col(earlier.id) < col(ProbabilitySnapshot.id)),
            ),
        )
        .order_by(col(earlier.at).desc(), col(earlier.id).desc())
        .limit(1)
        .scalar_subquery()
    )
    query = select(ProbabilitySnapshot, before).where(
        col(ProbabilitySnapshot.at) >= start, col(ProbabilitySnapshot.at) < end, ProbabilitySnapshot.kind == LIVE
    )
    query = _only(query, ProbabilitySnapshot.claim_id, claim_ids)
    query = query.order_by(col(ProbabilitySnapshot.at).desc(), col(ProbabilitySnapshot.id).desc())
    return [(snapshot, p) for snapshot, p in session.exec(query.offset(offset).limit(limit)).all()]


def statements_of(session: Session, *, claim_ids: Collection[int]) -> dict[int, str]:
    """The statements of these claims."""
    if not claim_ids:
        return {}
    rows = session.exec(select(Claim.id, Claim.statement).where(col(Claim.id).in_(sorted(claim_ids)))).all()
    return {claim_id: statement for claim_id, statement in rows if claim_id is not None}


def last_snapshots_before(
    session: Session, *, at: datetime, claim_ids: Collection[int]
) -> dict[int, ProbabilitySnapshot]:
    """Each claim's newest snapshot taken before ``at``."""
    if not claim_ids:
        return {}
    newest = (
        select(ProbabilitySnapshot.claim_id, sa.func.max(ProbabilitySnapshot.at).label("at"))
        .where(
            col(ProbabilitySnapshot.claim_id).in_(sorted(claim_ids)),
            col(ProbabilitySnapshot.at) < at,
            ProbabilitySnapshot.kind == LIVE,
        )
        .group_by(col(ProbabilitySnapshot.claim_id))
        .subquery()
    )
    query = (
        select(ProbabilitySnapshot)
        .join(
            newest,
            sa.and_(col(ProbabilitySnapshot.claim_id) == newest.c.claim_id, col(ProbabilitySnapshot.at) == newest.c.at),
        )
        .order_by(col(ProbabilitySnapshot.id))
    )
    return {row.claim_id: row for row in session.exec(query).all()}


def snapshot_histories(
    session: Session, *, claim_ids: Collection[int], before: datetime
) -> dict[int, list[ProbabilitySnapshot]]:
    """Each claim's snapshots taken before ``before``, oldest first."""
    found: dict[int, list[ProbabilitySnapshot]] = {}
    if not claim_ids:
        return found
    query = (
        select(ProbabilitySnapshot)
        .where(
            col(ProbabilitySnapshot.claim_id).in_(sorted(claim_ids)),
            col(ProbabilitySnapshot.at) < before,
            ProbabilitySnapshot.kind == LIVE,
        )
        .order_by(col(ProbabilitySnapshot.claim_id), col(ProbabilitySnapshot.at), col(ProbabilitySnapshot.id))
    )
    for row in session.exec(query).all():
        found.setdefault(row.claim_id, []).append(row)
    return found


def resolutions_between(
    session: Session,
    *,
    start: datetime,
    end: datetime,
    claim_ids: Collection[int] | None,
    newest: int | None = None,
) -> list[tuple[Claim, Resolution]]:
    """Claims resolved (and not retracted) by a resolution recorded in ``[start, end)``, oldest first; only the
    ``newest`` ones, if given."""
    query = (
        select(Claim, Resolution)
        .join(Resolution, col(Resolution.claim_id) == col(Claim.id))
        .where(
            col(Resolution.created_at) >= start,
            col(Resolution.created_at) < end,
            col(Resolution.retracted_at).is_(None),
        )
    )
    query = _only(query, Claim.id, claim_ids)
    if newest is not None:
        latest = query.order_by(col(Resolution.created_at).desc(), col(Resolution.id).desc()).limit(newest)
        return [(c, r) for c, r in reversed(session.exec(latest).all())]
    return [(c, r) for c, r in session.exec(query.order_by(col(Resolution.created_at), col(Resolution.id))).all()]


def claims_due_between(session: Session, *, first: date, last: date, claim_ids: Collection[int] | None) -> list[Claim]:
    """Open claims whose deadline falls in ``[first, last]``, soonest first."""
    query = select(Claim).where(
        Claim.status == ClaimStatus.OPEN, col(Claim.deadline) >= first, col(Claim.deadline) <= last
    )
    query = _only(query, Claim.id, claim_ids)
    return list(session.exec(query.order_by(col(Claim.deadline), col(Claim.id))).all())


def claims_awaiting(session: Session, *, claim_ids: Collection[int] | None) -> list[Claim]:
    """Claims past their deadline that wait for a researcher's resolution, oldest deadline first."""
    query = select(Claim).where(Claim.status == ClaimStatus.AWAITING_RESOLUTION)
    query = _only(query, Claim.id, claim_ids)
    return list(session.exec(query.order_by(col(Claim.deadline), col(Claim.id))).all())


def claims_created_between(
    session: Session, *, start: datetime, end: datetime, claim_ids: Collection[int] | None
) -> list[Claim]:
    """Claims added in ``[start, end)``."""
    query = select(Claim).where(col(Claim.created_at) >= start, col(Claim.created_at) < end)
    query = _only(query, Claim.id, claim_ids)
    return list(session.exec(query.order_by(col(Claim.created_at), col(Claim.id))).all())


def new_observations_by_indicator(
    session: Session, *, start: datetime, end: datetime, claim_ids: Collection[int] | None
) -> list[tuple[Indicator, int, str, str]]:
    """Per indicator with values recorded in ``[start, end)``: how many, and the earliest and latest period.

    With ``claim_ids``, only indicators linked to those claims.
    """
    query = (
        select(
            Observation.indicator_id,
            sa.func.count(),
            sa.func.min(Observation.period_start),
            sa.func.max(Observation.period_start),
        )
        .where(col(Observation.recorded_at) >= start, col(Observation.recorded_at) < end)
        .group_by(col(Observation.indicator_id))
    )
    if claim_ids is not None:
        linked = select(ClaimIndicator.indicator_id).where(col(ClaimIndicator.claim_id).in_(sorted(claim_ids)))
        query = query.where(col(Observation.indicator_id).in_(linked))
    counts = {row[0]: (int(row[1]), row[2], row[3]) for row in session.exec(query).all()}  # type: ignore[call-overload]
    if not counts:
        return []
    indicators = session.exec(select(Indicator).where(col(Indicator.id).in_(sorted(counts))).order_by(Indicator.key))
    result = []
    for indicator in indicators.all():
        assert indicator.id is not None
        n, first, last = counts[indicator.id]
        result.append((indicator, n, _period_of(session, indicator.id, first), _period_of(session, indicator.id, last)))
    return result


def _period_of(session: Session, indicator_id: int | None, period_start: date) -> str:
    query = select(Observation.period).where(
        Observation.indicator_id == indicator_id, Observation.period_start == period_start
    )
    return str(session.exec(query.limit(1)).one())


def latest_value(session: Session, *, indicator_id: int, before: datetime) -> Observation | None:
    """The newest period's latest vintage recorded before ``before``."""
    query = (
        select(Observation)
        .where(Observation.indicator_id == indicator_id, col(Observation.recorded_at) < before)
        .order_by(col(Observation.period_start).desc(), col(Observation.as_of).desc())
        .limit(1)
    )
    return session.exec(query).first()
