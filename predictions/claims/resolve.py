"""Resolution by people: resolve a claim with evidence, annul it (admin), or un-resolve it (admin).

Resolutions are append-only. Un-resolving stamps the live resolution's ``retracted_at``/``retracted_by``/
``retraction_reason`` and puts the claim back to ``open`` (or ``awaiting_resolution`` once its deadline has
passed); the model is asked to re-score it through the outbox. Scores are computed from live resolutions
only, so they follow at once. Un-resolving an annulment for a condition not met puts the condition back to
pending too.

A resolution may be dated before ``made_on``: a claim made after its outcome was known is recorded truthfully,
flagged, and left out of every score (``predictions.scoring.track_record.counts_in_scores``).

**Decisions stick.** Un-resolving an *automatic* resolution flags the claim ``needs_review``: from then on the
automatic resolver leaves it alone (new data re-scores it, but never silently re-resolves it) until an admin
resolves it again, which clears the flag. Every change (resolve, annul, un-resolve, flag) is appended to the
claim's audit trail (``predictions.claims.audit_trail``) in the same unit of work.
"""

from __future__ import annotations

import logging
from datetime import date

from sqlmodel import Session

from predictions.claims import repo_resolutions as repo
from predictions.claims.audit_trail import EventKind, flag_claim, record_event
from predictions.claims.repo_conditions import conditions_by_claim
from predictions.ledger.clock import Clock
from predictions.ledger.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from predictions.ledger.tables import Claim, ClaimStatus, ConditionStatus, KeyRole, Outcome, RescoreRequest, Resolution

logger = logging.getLogger(__name__)

STATUS_AFTER = {
    # the claim status that each outcome sets
    Outcome.TRUE: ClaimStatus.RESOLVED_TRUE,
    Outcome.FALSE: ClaimStatus.RESOLVED_FALSE,
    Outcome.ANNULLED: ClaimStatus.ANNULLED,
}


def _claim(session: Session, claim_id: int) -> Claim:
    claim = repo.claim_for_update(session, claim_id=claim_id)
    if claim is None:
        raise NotFound(f"claim {claim_id} does not exist")
    return claim


def resolve_claim(
    session: Session,
    *,
    claim_id: int,
    outcome: Outcome | str,
    evidence: str,
    resolved_by: str,
    role: KeyRole,
    clock: Clock,
    resolved_on: date | None = None,
) -> Resolution:
    """Record a person's resolution of an open or awaiting claim; annulment needs the admin role."""
    try:
        outcome = Outcome(outcome)
    except ValueError:
        raise InvalidInput(f"unknown outcome {outcome!r}: use true, false or annulled", field="outcome") from None
    if outcome is Outcome.ANNULLED and role is not KeyRole.ADMIN:
        raise PermissionDenied("annulling a claim needs the admin role", field="outcome")
    if not evidence or not evidence.strip():
        raise InvalidInput(
            "evidence is empty: say what settled the claim (a link, a figure, a ruling)", field="evidence"
        )
    claim = _claim(session, claim_id)
    today = clock.now().date()
    resolved_on = resolved_on or today
    if resolved_on > today:
        raise InvalidInput(f"resolved_on {resolved_on} is in the future (today is {today})", field="resolved_on")
    condition = conditions_by_claim(session, claim_ids=[claim_id]).get(claim_id)
    if outcome is not Outcome.ANNULLED and condition is not None and condition.status is not ConditionStatus.MET:
        raise Conflict(
            f"claim {claim_id} counts only if its condition ({claim.condition}) is met, and that is not decided: "
            f"decide it first with POST /api/v1/claims/{claim_id}/condition"
        )
    live = repo.active_resolution(session, claim_id=claim_id)
    if live is not None or claim.status in repo.RESOLVED:
        what = f"{live.outcome.value} on {live.resolved_on} by {live.resolved_by}" if live else claim.status.value
        raise Conflict(
            f"claim {claim_id} is already resolved ({what}); an admin can un-resolve it first with "
            f"POST /api/v1/claims/{claim_id}/unresolve, then resolve it again"
        )
    resolution = Resolution(
        claim_id=claim_id,
        outcome=outcome,
        resolved_on=resolved_on,
        evidence=evidence.strip(),
        resolved_by=resolved_by,
        created_at=clock.now(),
    )
    claim.status = STATUS_AFTER[outcome]
    details = {"outcome": outcome.value, "resolved_on": resolved_on.isoformat(), "evidence": evidence.strip()}
    if role is KeyRole.ADMIN and claim.needs_review:  # an admin's decision is the review
        details["review_cleared"] = claim.review_note or ""
        claim.needs_review = False
        claim.review_note = None
    session.add_all([resolution, claim])
    session.flush()
    kind = EventKind.ANNUL if outcome is Outcome.ANNULLED else EventKind.RESOLVE
    record_event(
        session,
        claim_id=claim_id,
        kind=kind,
        by=resolved_by,
        at=resolution.created_at,
        details={**details, "resolution_id": resolution.id},
    )
    if resolved_on < claim.made_on and outcome is not Outcome.ANNULLED:
        note = (
            f"made after its outcome was known: {resolved_by} resolved it as known on {resolved_on.isoformat()}, "
            f"before the claim was made ({claim.made_on.isoformat()}); resolved truthfully, but left out of every score"
        )
        flag_claim(session, claim=claim, note=note, by=resolved_by, at=resolution.created_at)
    logger.info("claim %s resolved %s by %s", claim_id, outcome.value, resolved_by)
    return resolution


def unresolve_claim(session: Session, *, claim_id: int, reason: str, retracted_by: str, clock: Clock) -> Claim:
    """Retract the claim's live resolution (admin) and reopen it; the model re-scores it."""
    if not reason or not reason.strip():
        raise InvalidInput("reason is empty: say why the resolution is retracted")
    claim = _claim(session, claim_id)
    live = repo.active_resolution(session, claim_id=claim_id)
    if live is None:
        raise Conflict(f"claim {claim_id} is not resolved ({claim.status.value}); there is nothing to un-resolve")
    now = clock.now()
    live.retracted_at = now
    live.retracted_by = retracted_by
    live.retraction_reason = reason.strip()
    claim.status = ClaimStatus.AWAITING_RESOLUTION if claim.deadline < now.date() else ClaimStatus.OPEN
    condition = conditions_by_claim(session, claim_ids=[claim_id]).get(claim_id)
    if live.outcome is Outcome.ANNULLED and condition is not None and condition.status is ConditionStatus.NOT_MET:
        # The annulment was the condition's "not met": retracting it undoes that decision too, so the condition
        # can be decided again (by a person, or by data that arrive later).
        condition.status = ConditionStatus.PENDING
        condition.decided_on = condition.decided_by = condition.evidence = None
        session.add(condition)
    session.add_all(
        [
            live,
            claim,
            RescoreRequest(
                claim_id=claim_id, reason=f"resolution retracted by {retracted_by}: {reason.strip()}", requested_at=now
            ),
        ]
    )
    session.flush()
    record_event(
        session,
        claim_id=claim_id,
        kind=EventKind.UNRESOLVE,
        by=retracted_by,
        at=now,
        details={
            "resolution_id": live.id,
            "outcome": live.outcome.value,
            "resolved_by": live.resolved_by,
            "reason": reason.strip(),
        },
    )
    if live.resolved_by == repo.AUTO_RESOLVER:
        note = (
            f"{retracted_by} un-resolved the automatic resolution {live.id} ({live.outcome.value}): {reason.strip()}; "
            "the data will re-score this claim but not resolve it again until an admin resolves it"
        )
        flag_claim(session, claim=claim, note=note, by=retracted_by, at=now)
    logger.info("claim %s un-resolved by %s", claim_id, retracted_by)
    return claim
