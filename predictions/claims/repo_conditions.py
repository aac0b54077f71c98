"""Queries for claims' conditions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlmodel import Session, col, select

from predictions.ledger.tables import Claim, ClaimCondition, ClaimStatus, ConditionStatus


def conditions_by_claim(session: Session, *, claim_ids: Sequence[int]) -> dict[int, ClaimCondition]:
    """The condition of each claim that has one."""
    if not claim_ids:
        return {}
    rows = session.exec(select(ClaimCondition).where(col(ClaimCondition.claim_id).in_(claim_ids)))
    return {row.claim_id: row for row in rows}


def pending_past_deadline(session: Session, *, today: date) -> list[tuple[Claim, ClaimCondition]]:
    """Unresolved claims whose deadline has passed while their condition is still pending."""
    query = (
        select(Claim, ClaimCondition)
        .join(ClaimCondition, col(ClaimCondition.claim_id) == col(Claim.id))
        .where(
            ClaimCondition.status == ConditionStatus.PENDING,
            col(Claim.deadline) < today,
            col(Claim.status).in_([ClaimStatus.OPEN, ClaimStatus.AWAITING_RESOLUTION]),
        )
        .order_by(col(Claim.id))
    )
    return [(claim, condition) for claim, condition in session.exec(query).all()]
