"""Queries over sources and indicators."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Session, col, select

from predictions.ledger.tables import Claim, ClaimIndicator, Indicator, LinkRole, Observation, Source


def indicator_by_key(session: Session, *, key: str) -> Indicator | None:
    """The indicator with ``key``, or None."""
    return session.exec(select(Indicator).where(Indicator.key == key)).first()


def indicators_by_keys(session: Session, *, keys: Collection[str]) -> dict[str, Indicator]:
    """The indicators among ``keys`` that exist, by key (unknown keys are simply missing)."""
    if not keys:
        return {}
    rows = session.exec(select(Indicator).where(col(Indicator.key).in_(sorted(keys))))
    return {row.key: row for row in rows}


def paged_indicators(session: Session, *, limit: int, offset: int) -> tuple[list[Indicator], int]:
    """One page of indicators by key, and how many there are."""
    total = session.exec(select(sa.func.count()).select_from(Indicator)).one()
    rows = session.exec(select(Indicator).order_by(col(Indicator.key)).limit(limit).offset(offset)).all()
    return list(rows), int(total)


def data_summaries(
    session: Session, *, indicator_ids: Sequence[int]
) -> dict[int, tuple[int, date | None, date | None, datetime | None]]:
    """Per indicator: number of distinct periods, first and last period, newest as_of."""
    rows = session.exec(
        select(  # type: ignore[call-overload]
            Observation.indicator_id,
            sa.func.count(sa.distinct(col(Observation.period))),
            sa.func.min(Observation.period_start),
            sa.func.max(Observation.period_start),
            sa.func.max(Observation.as_of),
        )
        .where(col(Observation.indicator_id).in_(indicator_ids))
        .group_by(col(Observation.indicator_id))
    )
    return {row[0]: (int(row[1]), row[2], row[3], row[4]) for row in rows}


def claim_ids_by_indicator(session: Session, *, indicator_ids: Sequence[int]) -> dict[int, list[int]]:
    """Ids of the claims linked to each indicator."""
    result: dict[int, list[int]] = defaultdict(list)
    rows = session.exec(
        select(ClaimIndicator.indicator_id, ClaimIndicator.claim_id)  # type: ignore[call-overload]
        .where(col(ClaimIndicator.indicator_id).in_(indicator_ids))
        .order_by(col(ClaimIndicator.claim_id))
    )
    for indicator_id, claim_id in rows:
        result[indicator_id].append(claim_id)
    return result


def paged_sources(session: Session, *, limit: int, offset: int) -> tuple[list[Source], int]:
    """One page of sources, newest first, and how many there are."""
    total = session.exec(select(sa.func.count()).select_from(Source)).one()
    rows = session.exec(select(Source).order_by(col(Source.id).desc()).limit(limit).offset(offset)).all()
    return list(rows), int(total)


def claim_counts_by_source(session: Session, *, source_ids: Sequence[int]) -> dict[int, int]:
    """How many claims each source has."""
    rows = session.exec(
        select(Claim.source_id, sa.func.count())  # type: ignore[call-overload]
        .where(col(Claim.source_id).in_(source_ids))
        .group_by(col(Claim.source_id))
    )
    return {source_id: int(n) for source_id, n in rows if source_id is not None}


def recent_vintages(session: Session, *, indicator_id: int, periods: int) -> list[Observation]:
    """Every vintage of the indicator's last ``periods`` periods, newest period first, newest vintage first."""
    starts = (
        select(col(Observation.period_start))
        .where(Observation.indicator_id == indicator_id)
        .distinct()
        .order_by(col(Observation.period_start).desc())
        .limit(periods)
        .subquery()
    )
    first = session.exec(select(sa.func.min(starts.c.period_start))).one()  # type: ignore[call-overload]
    if first is None:
        return []
    rows = session.exec(
        select(Observation)
        .where(Observation.indicator_id == indicator_id, col(Observation.period_start) >= first)
        .order_by(col(Observation.period_start).desc(), col(Observation.as_of).desc())
    )
    return list(rows.all())


def indicators_with_source(session: Session) -> list[Indicator]:
    """Indicators that name a source (fetchable or not), in key order."""
    query = select(Indicator).where(col(Indicator.source).is_not(None)).order_by(col(Indicator.key))
    return list(session.exec(query).all())


def indicators_by_ids(session: Session, *, ids: Collection[int]) -> list[Indicator]:
    """The indicators with these ids."""
    if not ids:
        return []
    return list(session.exec(select(Indicator).where(col(Indicator.id).in_(ids))).all())


def linked_claims(session: Session, *, indicator_id: int) -> list[tuple[Claim, LinkRole]]:
    """The claims linked to an indicator, with the link's role, by claim id."""
    rows = session.exec(
        select(Claim, ClaimIndicator.role)  # type: ignore[call-overload]
        .join(ClaimIndicator, col(ClaimIndicator.claim_id) == Claim.id)
        .where(ClaimIndicator.indicator_id == indicator_id)
        .order_by(col(Claim.id))
    )
    return [(claim, LinkRole(role)) for claim, role in rows]
