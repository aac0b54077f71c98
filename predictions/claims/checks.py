"""Checks: a researcher looked for a claim's event and found none through a date.

Absence of a record is not evidence; a check is. It is the only thing that moves an event claim's base rate
(``predictions.rescore.baserate``). A check must be dated on or after the claim's ``made_on`` and not in the future,
and it needs a note that says where the researcher looked (an empty note is refused: a check nobody can
retrace is no evidence either). Checks of a resolved or annulled claim are refused. The claim carries its
latest ``checked_through``; an earlier check is kept in the record but does not move it back.

A check is re-scored in the same unit of work: the snapshot it causes (if the number changes) and the check
commit together, with the reason "checked through D: no event".
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from predictions.claims.audit_trail import EventKind, record_event
from predictions.claims.repo_audit import checks_of
from predictions.claims.repo_resolutions import RESOLVED, claim_for_update
from predictions.ledger.clock import Clock
from predictions.ledger.errors import Conflict, InvalidInput, NotFound
from predictions.ledger.tables import Claim, ClaimCheck
from predictions.rescore import RescoreOutcome, rescore_claim

logger = logging.getLogger(__name__)

__all__ = ["CheckOutcome", "add_check", "claim_checks"]


@dataclass(frozen=True)
class CheckOutcome:
    """A stored check, the claim's latest ``checked_through`` after it, and what the re-score did."""

    check: ClaimCheck
    claim_checked_through: date
    rescore: RescoreOutcome


def add_check(
    session: Session,
    *,
    claim_id: int,
    checked_through: date,
    note: str,
    checked_by: str,
    clock: Clock,
    n_paths: int = 1000,
    seed: int = 0,
) -> CheckOutcome:
    """Record that ``checked_by`` found no event through ``checked_through``, and re-score the claim."""
    claim = claim_for_update(session, claim_id=claim_id)
    if claim is None:
        raise NotFound(f"claim {claim_id} does not exist")
    now = clock.now()
    today = now.date()
    if checked_through < claim.made_on:
        raise InvalidInput(
            f"checked_through {checked_through} is before the claim was made ({claim.made_on}); "
            "a check covers the claim's life",
            field="checked_through",
        )
    if checked_through > today:
        raise InvalidInput(
            f"checked_through {checked_through} is in the future (today is {today})", field="checked_through"
        )
    if not note or not note.strip():
        raise InvalidInput(
            "note is empty: say where you looked (court registers, news archives, a search query)", field="note"
        )
    if claim.status in RESOLVED:
        raise Conflict(f"claim {claim_id} is already {claim.status.value}; checks are for unresolved claims")
    check = ClaimCheck(
        claim_id=claim_id, checked_through=checked_through, note=note.strip(), checked_by=checked_by, at=now
    )
    session.add(check)
    if claim.checked_through is None or checked_through > claim.checked_through:
        claim.checked_through = checked_through
    session.flush()
    record_event(
        session,
        claim_id=claim_id,
        kind=EventKind.CHECK,
        by=checked_by,
        at=now,
        details={"checked_through": checked_through.isoformat(), "note": check.note},
    )
    logger.info("claim %s checked through %s by %s", claim_id, checked_through, checked_by)
    outcome = rescore_claim(
        session,
        claim_id=claim_id,
        clock=clock,
        reason=f"checked through {checked_through.isoformat()}: no event ({checked_by})",
        n_paths=n_paths,
        seed=seed,
    )
    return CheckOutcome(check=check, claim_checked_through=claim.checked_through, rescore=outcome)


def claim_checks(session: Session, *, claim_id: int) -> list[ClaimCheck]:
    """The claim's checks, oldest first; NotFound for an unknown claim."""
    if session.get(Claim, claim_id) is None:
        raise NotFound(f"claim {claim_id} does not exist")
    return checks_of(session, claim_id=claim_id)
