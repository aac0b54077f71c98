"""Conditional claims: a claim that counts only if something happens first.

A claim's condition is ``Claim.condition`` in words, and a ``ClaimCondition`` row: either a rule on an indicator
("world GDP growth below 1% in any quarter of 2025-2026"), decided by the data like any rule, or a statement that
a researcher decides (``decide_condition``), optionally with a ``prior`` for P(condition) meanwhile.

- The claim's own probability is read as **P(outcome | condition)**: the engine scores the outcome as if the
  condition holds (it assumes the outcome's indicator does not depend on the condition beyond what its own data
  show). **P(condition)** is kept beside it, on the condition row.
- While the condition is pending, data that settle the outcome do **not** resolve the claim: the outcome only
  counts once the condition is met. A researcher cannot resolve it either until the condition is decided.
- When the condition is met, the claim is scored and resolved as usual.
- A condition decided by data stays **pending until its data settle it**: the data for a window's last period
  are published after the deadline, so the deadline alone decides nothing (the claim meanwhile awaits
  resolution). Met or not met, it is dated when its deciding value first arrived (its ``as_of``).
- When the data show the condition was not met, the claim is **annulled automatically** with the reason as
  evidence; annulled claims are left out of every score. Deciding by hand that a condition was not met is an
  annulment too, so it needs an admin.
- An admin's un-resolve of such an annulment puts the condition back to pending, and the data do not annul
  the claim again (decisions stick): an admin decides it.

Use cases flush; the caller commits.
"""

from __future__ import annotations

import logging
from datetime import date, datetime

from sqlmodel import Session

from forecasts.periods import format_period
from predictions.claims import repo_conditions as repo
from predictions.claims.audit_trail import EventKind, record_event
from predictions.claims.repo_resolutions import active_resolution, automatic_resolution_retracted
from predictions.ledger.clock import Clock
from predictions.ledger.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from predictions.ledger.schemas import ClaimCreate, ConditionDecision
from predictions.ledger.tables import (
    Claim,
    ClaimCondition,
    ClaimIndicator,
    ClaimStatus,
    ConditionStatus,
    Indicator,
    KeyRole,
    LinkRole,
    Outcome,
    RescoreRequest,
    Resolution,
)
from predictions.rescore.baserate import constant_prior
from predictions.rescore.evaluation import AUTO, Evaluation, ForecastCache, finish_rule, prepare_rule
from predictions.rescore.settlement import Settlement, exact, first_settlement

logger = logging.getLogger(__name__)


def store_condition(session: Session, *, claim: Claim, data: ClaimCreate, indicator: Indicator | None) -> None:
    """Write the condition row of a new claim that has one (``indicator`` is the condition rule's)."""
    if not data.condition:
        return
    assert claim.id is not None
    rule = data.condition_rule
    session.add(
        ClaimCondition(
            claim_id=claim.id,
            indicator_id=indicator.id if indicator is not None else None,
            op=rule.op if rule else None,
            threshold=rule.threshold if rule else None,
            aggregate=rule.aggregate if rule else None,
            window_start=rule.window_start if rule else None,
            window_end=rule.window_end if rule else None,
            prior=data.condition_prior,
            probability=data.condition_prior,
        )
    )


def condition_link(condition: ClaimCondition) -> ClaimIndicator:
    """The condition's rule in the shape the rule engine reads (never added to the session)."""
    return ClaimIndicator(
        claim_id=condition.claim_id,
        indicator_id=condition.indicator_id,  # type: ignore[arg-type]
        role=LinkRole.DECIDES,
        op=condition.op,
        threshold=condition.threshold,
        aggregate=condition.aggregate,
        window_start=condition.window_start,
        window_end=condition.window_end,
    )


def update_condition(
    session: Session,
    *,
    claim: Claim,
    condition: ClaimCondition,
    now: datetime,
    n_paths: int,
    seed: int,
    cache: ForecastCache | None = None,
) -> ConditionStatus:
    """Re-evaluate a pending condition: P(condition), and met / not met once its data settle it.

    The deadline alone decides nothing: the data for a window's last period are published after it, so a
    condition stays pending (the claim awaiting resolution) until its data settle it or a person decides it.
    """
    if condition.status is not ConditionStatus.PENDING:
        return condition.status
    if condition.indicator_id is not None:
        rule = condition_link(condition)
        prepared = prepare_rule(session, claim=claim, rule=rule, as_of=now, n_paths=n_paths, seed=seed)
        if prepared is not None:
            evaluation = finish_rule(prepared, cache=cache)
            condition.probability, condition.probability_at = evaluation.probability, now
            if evaluation.settled is not None:
                _settle_by_data(session, claim=claim, condition=condition, rule=rule, ev=evaluation, now=now)
            session.flush()
            return condition.status
    if condition.prior is not None:
        condition.probability, condition.probability_at = constant_prior(prior=condition.prior), now
    session.flush()
    return condition.status


def _settle_by_data(
    session: Session, *, claim: Claim, condition: ClaimCondition, rule: ClaimIndicator, ev: Evaluation, now: datetime
) -> None:
    """Decide the condition as its data settle it, dated when its deciding value first arrived."""
    assert claim.id is not None
    if not ev.settled and automatic_resolution_retracted(session, claim_id=claim.id):
        # An admin un-resolved the annulment the data made: the data do not annul it again; an admin decides.
        claim.needs_review = True
        return
    first = first_settlement(session, claim=claim, rule=rule, current=ev, now=now)
    on = (first.known or now).date()
    if ev.settled:
        _decide(
            session, claim=claim, condition=condition, on=on, by=AUTO,
            evidence=f"the data settle the condition rule: {_value(first)}", now=now,
        )  # fmt: skip
    else:
        annul_for_condition(
            session, claim=claim, condition=condition, now=now, on=on,
            reason=f"the data show the condition ({claim.condition}) was not met: {_value(first)}",
        )  # fmt: skip


def _value(settlement: Settlement) -> str:
    observation, indicator = settlement.observation, settlement.evaluation.indicator
    if observation is None or indicator is None:
        return f"P={settlement.evaluation.probability:.4f}"
    period = format_period(observation.period_start, indicator.frequency)
    return f"{indicator.key} {period} = {exact(observation.value)} (as of {observation.as_of.isoformat()})"


def decide_condition(
    session: Session, *, claim_id: int, decision: ConditionDecision, decided_by: str, role: KeyRole, clock: Clock
) -> ClaimCondition:
    """A person says whether the condition was met (by ``decided_on``); not met annuls the claim (admin only)."""
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFound(f"claim {claim_id} does not exist")
    condition = repo.conditions_by_claim(session, claim_ids=[claim_id]).get(claim_id)
    if condition is None:
        raise InvalidInput(f"claim {claim_id} has no condition")
    if not decision.met and role is not KeyRole.ADMIN:
        raise PermissionDenied(
            "deciding that a condition was not met annuls the claim, and annulling needs the admin role: "
            "ask an admin, or decide it as met if it was",
            field="met",
        )
    if condition.status is not ConditionStatus.PENDING:
        raise Conflict(f"the condition of claim {claim_id} is already decided ({condition.status.value})")
    now = clock.now()
    on = decision.decided_on or now.date()
    if on > now.date():
        raise InvalidInput(f"decided_on {on} is in the future (today is {now.date()})")
    if on < claim.made_on:
        raise InvalidInput(f"decided_on {on} is before the claim was made ({claim.made_on})")
    if decision.met and on > claim.deadline:
        raise InvalidInput(
            f"a condition met on {on}, after the deadline {claim.deadline}, does not count: decide it as not met"
        )
    if decision.met:
        _decide(
            session, claim=claim, condition=condition, on=on, by=decided_by,
            evidence=decision.evidence.strip(), now=now,
        )  # fmt: skip
    else:
        annul_for_condition(
            session, claim=claim, condition=condition, now=now,
            reason=f"the condition was not met: {decision.evidence.strip()}", by=decided_by, on=on,
        )  # fmt: skip
    session.flush()
    return condition


def annul_for_condition(
    session: Session,
    *,
    claim: Claim,
    condition: ClaimCondition,
    now: datetime,
    on: date,
    reason: str,
    by: str = AUTO,
) -> None:
    """Mark the condition not met on ``on`` and annul the claim, with the reason as evidence and in the audit trail."""
    assert claim.id is not None
    condition.status = ConditionStatus.NOT_MET
    condition.decided_on, condition.decided_by, condition.evidence = on, by, reason
    if active_resolution(session, claim_id=claim.id) is None:
        session.add(
            Resolution(
                claim_id=claim.id,
                outcome=Outcome.ANNULLED,
                resolved_on=max(condition.decided_on, claim.made_on),
                evidence=f"annulled: {reason}",
                resolved_by=by,
                created_at=now,
            )
        )
    claim.status = ClaimStatus.ANNULLED
    session.flush()
    record_event(session, claim_id=claim.id, kind=EventKind.ANNUL, by=by, at=now, details={"reason": reason})
    logger.info("claim %s annulled: %s", claim.id, reason)


def _decide(
    session: Session,
    *,
    claim: Claim,
    condition: ClaimCondition,
    on: date,
    by: str,
    evidence: str,
    now: datetime,
) -> None:
    """Mark the condition met on ``on`` and ask for the claim's re-score: its outcome counts from now on."""
    assert claim.id is not None
    condition.status = ConditionStatus.MET
    condition.decided_on, condition.decided_by, condition.evidence = on, by, evidence
    session.add(RescoreRequest(claim_id=claim.id, reason="condition met", requested_at=now))
    session.flush()
    record_event(
        session, claim_id=claim.id, kind=EventKind.CONDITION, by=by, at=now,
        details={"decided_on": on.isoformat(), "evidence": evidence},
    )  # fmt: skip
    logger.info("claim %s: condition met on %s (%s)", claim.id, on, evidence)
