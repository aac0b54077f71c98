"""Queries over a claim's checks and its audit trail."""

from __future__ import annotations

from sqlmodel import Session, col, select

from predictions.ledger.tables import ClaimCheck, ClaimEvent


def checks_of(session: Session, *, claim_id: int) -> list[ClaimCheck]:
    """The claim's checks, oldest first."""
    query = select(ClaimCheck).where(ClaimCheck.claim_id == claim_id).order_by(col(ClaimCheck.at), col(ClaimCheck.id))
    return list(session.exec(query).all())


def events_of(session: Session, *, claim_id: int) -> list[ClaimEvent]:
    """The claim's audit trail, oldest first."""
    query = select(ClaimEvent).where(ClaimEvent.claim_id == claim_id).order_by(col(ClaimEvent.at), col(ClaimEvent.id))
    return list(session.exec(query).all())
