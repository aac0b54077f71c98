"""A claim's audit trail: every change to its resolution (and other decisions about it), who made it and when.

The trail is append-only (table ``claim_event``). Each entry has a ``kind`` (see ``EventKind``; other use cases
may add their own, e.g. ``edit`` for a PATCH), the actor (``by``: a key's name, or ``auto``), the time, and
``details``: a JSON object with what changed (outcome, evidence, reason, note, before/after values...).

Use cases call ``record_event`` inside their own unit of work, so a change and its entry commit together.
"""

from __future__ import annotations

import logging
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlmodel import Session

from predictions.claims.repo_audit import events_of
from predictions.ledger.errors import NotFound
from predictions.ledger.tables import Claim, ClaimEvent

logger = logging.getLogger(__name__)

__all__ = ["EventKind", "claim_events", "flag_claim", "record_event"]


class EventKind(StrEnum):
    """The kinds of entry the ledger itself writes."""

    RESOLVE = "resolve"  # a person resolved the claim true or false
    ANNUL = "annul"  # an admin annulled it
    AUTO_RESOLVE = "auto_resolve"  # the data settled it
    UNRESOLVE = "unresolve"  # an admin retracted the live resolution
    FLAG = "flag"  # the claim was flagged needs_review (a contradicting revision, a claim made too late...)
    CHECK = "check"  # a researcher looked and found no event through a date
    EDIT = "edit"  # a researcher changed the claim (PATCH /claims/{id}): every field's old and new value
    CONDITION = "condition"  # a conditional claim's condition was met (by the data or a researcher)


def record_event(
    session: Session, *, claim_id: int, kind: EventKind | str, by: str, at: datetime, details: dict[str, Any]
) -> ClaimEvent:
    """Append one entry to the claim's audit trail (flushes; the caller commits)."""
    event = ClaimEvent(claim_id=claim_id, kind=str(kind), by=by, at=at, details=details)
    session.add(event)
    session.flush()
    return event


def claim_events(session: Session, *, claim_id: int) -> list[ClaimEvent]:
    """The claim's audit trail, oldest first; NotFound for an unknown claim."""
    if session.get(Claim, claim_id) is None:
        raise NotFound(f"claim {claim_id} does not exist")
    return events_of(session, claim_id=claim_id)


def flag_claim(session: Session, *, claim: Claim, note: str, by: str, at: datetime) -> ClaimEvent:
    """Mark the claim ``needs_review`` with ``note``, and record the flag in its audit trail."""
    assert claim.id is not None
    claim.needs_review = True
    claim.review_note = note
    session.flush()
    logger.warning("claim %s needs review: %s", claim.id, note)
    return record_event(session, claim_id=claim.id, kind=EventKind.FLAG, by=by, at=at, details={"note": note})
