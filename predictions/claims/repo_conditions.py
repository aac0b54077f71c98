"""Queries for claims' conditions."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col, select

from predictions.ledger.tables import ClaimCondition


def conditions_by_claim(session: Session, *, claim_ids: Sequence[int]) -> dict[int, ClaimCondition]:
    """The condition of each claim that has one."""
    if not claim_ids:
        return {}
    rows = session.exec(select(ClaimCondition).where(col(ClaimCondition.claim_id).in_(claim_ids)))
    return {row.claim_id: row for row in rows}
