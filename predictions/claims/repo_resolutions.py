"""Queries over resolutions, human forecasts and what the track record needs."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from datetime import datetime
from typing import TypeVar

from sqlmodel import Session, col, select

from predictions.ledger.tables import (
    Claim,
    ClaimStatus,
    ClaimTag,
    HumanForecast,
    Observation,
    ProbabilitySnapshot,
    Resolution,
    Source,
)

RESOLVED = (ClaimStatus.RESOLVED_TRUE, ClaimStatus.RESOLVED_FALSE, ClaimStatus.ANNULLED)
AUTO_RESOLVER = "auto"  # the resolved_by of automatic resolutions


def claim_for_update(session: Session, *, claim_id: int) -> Claim | None:
    """The claim, locked against concurrent resolution where the database can (PostgreSQL ``FOR UPDATE``)."""
    return session.exec(select(Claim).where(Claim.id == claim_id).with_for_update()).first()


def active_resolution(session: Session, *, claim_id: int) -> Resolution | None:
    """The claim's resolution that has not been retracted, if any."""
    query = (
        select(Resolution)
        .where(Resolution.claim_id == claim_id, col(Resolution.retracted_at).is_(None))
        .order_by(col(Resolution.id).desc())
    )
    return session.exec(query).first()


def automatic_resolution_retracted(session: Session, *, claim_id: int) -> bool:
    """Whether the claim's latest resolution is an automatic one that an admin retracted (un-resolved)."""
    query = select(Resolution).where(Resolution.claim_id == claim_id).order_by(col(Resolution.id).desc()).limit(1)
    latest = session.exec(query).first()
    return latest is not None and latest.retracted_at is not None and latest.resolved_by == AUTO_RESOLVER


def resolved_claims(session: Session, *, source_id: int | None = None) -> list[tuple[Claim, Resolution]]:
    """Claims resolved true or false, with their live resolution (annulled and retracted ones are left out)."""
    query = (
        select(Claim, Resolution)
        .join(Resolution, col(Resolution.claim_id) == col(Claim.id))
        .where(
            col(Claim.status).in_([ClaimStatus.RESOLVED_TRUE, ClaimStatus.RESOLVED_FALSE]),
            col(Resolution.retracted_at).is_(None),
        )
        .order_by(col(Claim.id))
    )
    if source_id is not None:
        query = query.where(Claim.source_id == source_id)
    return [(claim, resolution) for claim, resolution in session.exec(query).all()]


def decisive_as_of(session: Session, *, resolutions: Collection[Resolution]) -> dict[int, datetime]:
    """Per resolution id, when its decisive observation became known (automatic resolutions only)."""
    # Keyed by resolution: two claims settled by one observation each keep their date.
    wanted = {r.id: r.decisive_observation_id for r in resolutions if r.decisive_observation_id and r.id}
    if not wanted:
        return {}
    rows = session.exec(select(Observation).where(col(Observation.id).in_(sorted(set(wanted.values()))))).all()
    known = {row.id: row.as_of for row in rows}
    return {resolution_id: known[obs_id] for resolution_id, obs_id in wanted.items() if obs_id in known}


def snapshots_of(session: Session, *, claim_ids: Collection[int]) -> dict[int, list[ProbabilitySnapshot]]:
    """Every probability snapshot of these claims, oldest first."""
    return _by_claim(session, ProbabilitySnapshot, claim_ids=claim_ids)


def human_forecasts_of(session: Session, *, claim_ids: Collection[int]) -> dict[int, list[HumanForecast]]:
    """Every human forecast of these claims, oldest first."""
    return _by_claim(session, HumanForecast, claim_ids=claim_ids)


_Timed = TypeVar("_Timed", ProbabilitySnapshot, HumanForecast)


def _by_claim(session: Session, table: type[_Timed], *, claim_ids: Collection[int]) -> dict[int, list[_Timed]]:
    found: dict[int, list[_Timed]] = defaultdict(list)
    if claim_ids:
        query = (
            select(table)
            .where(col(table.claim_id).in_(sorted(claim_ids)))
            .order_by(col(table.claim_id), col(table.at), col(table.id))
        )
        for row in session.exec(query).all():
            found[row.claim_id].append(row)
    return found


def tags_of(session: Session, *, claim_ids: Collection[int]) -> dict[int, list[str]]:
    """The tags of these claims."""
    found: dict[int, list[str]] = defaultdict(list)
    if claim_ids:
        query = select(ClaimTag).where(col(ClaimTag.claim_id).in_(sorted(claim_ids))).order_by(col(ClaimTag.tag))
        for row in session.exec(query).all():
            found[row.claim_id].append(row.tag)
    return found


def source_titles(session: Session, *, source_ids: Collection[int]) -> dict[int, str]:
    """Titles of these sources."""
    if not source_ids:
        return {}
    rows = session.exec(select(Source).where(col(Source.id).in_(sorted(source_ids)))).all()
    return {row.id: row.title for row in rows if row.id is not None}
