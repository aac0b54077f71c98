"""Queries over claims, their tags, links, snapshots and resolutions."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from predictions.schemas import ClaimSort, SortOrder
from predictions.tables import (
    Claim,
    ClaimIndicator,
    ClaimStatus,
    ClaimTag,
    Indicator,
    LinkRole,
    Observation,
    ProbabilitySnapshot,
    Resolution,
    SnapshotKind,
)

# What each ``sort`` key orders by; the claim id breaks ties in the same direction, so pages are stable.
_SORT_COLUMNS: dict[ClaimSort, Any] = {
    ClaimSort.DEADLINE: Claim.deadline,
    ClaimSort.PROBABILITY: Claim.probability,
    ClaimSort.UPDATED: sa.func.coalesce(col(Claim.probability_updated_at), col(Claim.created_at)),
    ClaimSort.CREATED: Claim.created_at,
    ClaimSort.STATUS: sa.case(
        {
            ClaimStatus.AWAITING_RESOLUTION: 0,
            ClaimStatus.OPEN: 1,
            ClaimStatus.RESOLVED_TRUE: 2,
            ClaimStatus.RESOLVED_FALSE: 3,
            ClaimStatus.ANNULLED: 4,
        },
        value=col(Claim.status),
        else_=5,
    ),
}


def _like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, with LIKE's own wildcards taken literally."""
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def filtered_claims(
    session: Session,
    *,
    q: str | None = None,
    status: ClaimStatus | None = None,
    tag: str | None = None,
    source_id: int | None = None,
    due_before: date | None = None,
    sort: ClaimSort = ClaimSort.DEADLINE,
    order: SortOrder = SortOrder.ASC,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[Claim], int]:
    """One page of claims matching the filters, in the given order (claims without a value last), and the total."""
    # Filter and sort ids only, then load the page's rows: sorting whole rows (statement, quote, criteria texts)
    # made deep pages of 10,000 claims several times slower on SQLite.
    query = select(Claim.id)
    if q:
        pattern = _like_pattern(q)
        query = query.where(
            sa.or_(
                sa.func.lower(col(Claim.statement)).like(pattern, escape="\\"),
                sa.func.lower(col(Claim.quote)).like(pattern, escape="\\"),
            )
        )
    if status is not None:
        query = query.where(Claim.status == status)
    if tag is not None:
        query = query.where(col(Claim.id).in_(select(ClaimTag.claim_id).where(ClaimTag.tag == tag.lower())))
    if source_id is not None:
        query = query.where(Claim.source_id == source_id)
    if due_before is not None:
        query = query.where(col(Claim.deadline) < due_before)
    total = session.exec(select(sa.func.count()).select_from(query.subquery())).one()
    key = _SORT_COLUMNS[sort]
    direction = sa.desc if order is SortOrder.DESC else sa.asc
    # "IS NULL" first keeps claims without a value at the end in both directions, on SQLite and PostgreSQL alike.
    ordering = [sa.case((key.is_(None), 1), else_=0), direction(key), direction(col(Claim.id))]
    ids = list(session.exec(query.order_by(*ordering).limit(limit).offset(offset)).all())
    rows = {c.id: c for c in session.exec(select(Claim).where(col(Claim.id).in_(ids))).all()} if ids else {}
    return [rows[i] for i in ids], int(total)


def tags_by_claim(session: Session, *, claim_ids: Sequence[int]) -> dict[int, list[str]]:
    """Tags of each claim, sorted."""
    result: dict[int, list[str]] = defaultdict(list)
    rows = session.exec(select(ClaimTag).where(col(ClaimTag.claim_id).in_(claim_ids)).order_by(col(ClaimTag.tag)))
    for row in rows:
        result[row.claim_id].append(row.tag)
    return result


def links_by_claim(
    session: Session, *, claim_ids: Sequence[int]
) -> dict[int, list[tuple[ClaimIndicator, Indicator, bool]]]:
    """Each claim's indicator links, with the indicator and whether it has any data."""
    has_data = sa.exists().where(col(Observation.indicator_id) == col(Indicator.id))
    rows = session.exec(
        select(ClaimIndicator, Indicator, has_data)  # type: ignore[call-overload]
        .join(Indicator, col(Indicator.id) == ClaimIndicator.indicator_id)
        .where(col(ClaimIndicator.claim_id).in_(claim_ids))
        .order_by(col(ClaimIndicator.role), col(Indicator.key))
    )
    result: dict[int, list[tuple[ClaimIndicator, Indicator, bool]]] = defaultdict(list)
    for link, indicator, data in rows:
        result[link.claim_id].append((link, indicator, bool(data)))
    return result


def current_resolutions(session: Session, *, claim_ids: Sequence[int]) -> dict[int, Resolution]:
    """The live (not retracted) resolution of each resolved claim."""
    rows = session.exec(
        select(Resolution)
        .where(col(Resolution.claim_id).in_(claim_ids), col(Resolution.retracted_at).is_(None))
        .order_by(col(Resolution.created_at))
    )
    return {row.claim_id: row for row in rows}


def latest_snapshots(session: Session, *, claim_ids: Sequence[int]) -> dict[int, ProbabilitySnapshot]:
    """The newest live probability snapshot of each claim (hindcasts are history, not the current number)."""
    newest = (
        select(ProbabilitySnapshot.claim_id, sa.func.max(ProbabilitySnapshot.id).label("id"))
        .where(col(ProbabilitySnapshot.claim_id).in_(claim_ids), ProbabilitySnapshot.kind == SnapshotKind.LIVE)
        .group_by(col(ProbabilitySnapshot.claim_id))
        .subquery()
    )
    rows = session.exec(select(ProbabilitySnapshot).join(newest, col(ProbabilitySnapshot.id) == newest.c.id))
    return {row.claim_id: row for row in rows}


def probability_histories(session: Session, *, claim_ids: Sequence[int]) -> dict[int, list[float]]:
    """Each claim's live snapshot probabilities, oldest first."""
    result: dict[int, list[float]] = defaultdict(list)
    rows = session.exec(
        select(ProbabilitySnapshot.claim_id, ProbabilitySnapshot.probability)  # type: ignore[call-overload]
        .where(col(ProbabilitySnapshot.claim_id).in_(claim_ids), ProbabilitySnapshot.kind == SnapshotKind.LIVE)
        .order_by(col(ProbabilitySnapshot.claim_id), col(ProbabilitySnapshot.id))
    )
    for claim_id, probability in rows:
        result[claim_id].append(probability)
    return result


def claims_by_ids(session: Session, *, claim_ids: Sequence[int]) -> list[Claim]:
    """These claims, by deadline then id (unknown ids are left out)."""
    if not claim_ids:
        return []
    query = select(Claim).where(col(Claim.id).in_(sorted(set(claim_ids))))
    return list(session.exec(query.order_by(col(Claim.deadline), col(Claim.id))).all())


def tag_counts(session: Session) -> list[tuple[str, int]]:
    """Every tag in use with its number of claims, by tag."""
    rows = session.exec(
        select(ClaimTag.tag, sa.func.count())  # type: ignore[call-overload]
        .group_by(col(ClaimTag.tag))
        .order_by(col(ClaimTag.tag))
    )
    return [(tag, int(n)) for tag, n in rows]


def claims_after(session: Session, *, after_id: int, limit: int) -> list[Claim]:
    """Up to ``limit`` claims with ids above ``after_id``, by id (for walking the whole ledger in batches)."""
    return list(session.exec(select(Claim).where(col(Claim.id) > after_id).order_by(col(Claim.id)).limit(limit)))


def snapshot_histories(session: Session, *, claim_ids: Sequence[int]) -> dict[int, list[ProbabilitySnapshot]]:
    """Each claim's snapshots, oldest first."""
    result: dict[int, list[ProbabilitySnapshot]] = defaultdict(list)
    rows = session.exec(
        select(ProbabilitySnapshot)
        .where(col(ProbabilitySnapshot.claim_id).in_(claim_ids))
        .order_by(col(ProbabilitySnapshot.claim_id), col(ProbabilitySnapshot.id))
    )
    for row in rows:
        result[row.claim_id].append(row)
    return result


def has_resolutions(session: Session, *, claim_id: int) -> bool:
    """Whether the claim was ever resolved (retracted resolutions count)."""
    return session.exec(select(Resolution.id).where(Resolution.claim_id == claim_id).limit(1)).first() is not None


def delete_rule(session: Session, *, claim_id: int) -> None:
    """Remove the claim's deciding rule, if it has one."""
    session.execute(
        sa.delete(ClaimIndicator).where(
            col(ClaimIndicator.claim_id) == claim_id, col(ClaimIndicator.role) == LinkRole.DECIDES
        )
    )
    session.flush()


def replace_tags(session: Session, *, claim_id: int, tags: Sequence[str]) -> None:
    """Make ``tags`` the claim's tags."""
    session.execute(sa.delete(ClaimTag).where(col(ClaimTag.claim_id) == claim_id))
    session.add_all(ClaimTag(claim_id=claim_id, tag=tag) for tag in tags)
    session.flush()
