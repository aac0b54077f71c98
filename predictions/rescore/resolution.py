"""Re-scoring one claim and resolving it automatically when the observed data settle its rule.

Every use case here takes a session and a clock, only flushes, and leaves the commit to its caller (a
request, a job, the CLI), so that snapshots, resolutions and the outbox rows they consume commit together.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass
from datetime import UTC, datetime, time

from sqlmodel import Session

from forecasts.periods import format_period
from predictions.claims.audit_trail import EventKind, flag_claim, record_event
from predictions.claims.repo_conditions import conditions_by_claim
from predictions.claims.repo_resolutions import AUTO_RESOLVER, active_resolution, automatic_resolution_retracted
from predictions.ledger.clock import Clock
from predictions.ledger.errors import NotFound
from predictions.ledger.tables import (
    Claim,
    ClaimIndicator,
    ClaimStatus,
    ConditionStatus,
    Observation,
    Outcome,
    ProbabilitySnapshot,
    Resolution,
)
from predictions.rescore.charts import keep_chart, keep_missing_chart
from predictions.rescore.conditions import update_condition
from predictions.rescore.evaluation import (
    Evaluation,
    ForecastCache,
    evaluate_base_rate,
    finish_rule,
    prepare_rule,
)
from predictions.rescore.history import write_snapshot
from predictions.rescore.repo import deciding_rule, latest_snapshot
from predictions.rescore.settlement import exact, first_settlement

logger = logging.getLogger(__name__)

RESOLVED = (ClaimStatus.RESOLVED_TRUE, ClaimStatus.RESOLVED_FALSE)


@dataclass(frozen=True)
class RescoreOutcome:
    """What one re-score did."""

    claim_id: int
    probability: float | None
    written: bool
    status: ClaimStatus
    note: str
    snapshot_id: int | None = None
    method: str | None = None


def rescore_claim(
    session: Session,
    *,
    claim_id: int,
    clock: Clock,
    reason: str,
    n_paths: int = 1000,
    seed: int = 0,
    cache: ForecastCache | None = None,
) -> RescoreOutcome:
    """Re-score one claim: maybe write a snapshot, maybe resolve it, maybe flag a contradicting revision."""
    claim = session.get(Claim, claim_id, with_for_update=True)  # one re-score of a claim at a time (PostgreSQL)
    if claim is None:
        raise NotFound(f"claim {claim_id} does not exist")
    now = clock.now()

    def nothing(note: str) -> RescoreOutcome:
        return RescoreOutcome(claim_id, claim.probability, False, ClaimStatus(claim.status), note)

    if claim.status == ClaimStatus.ANNULLED:
        return nothing("the claim is annulled; it is not re-scored")
    resolution = active_resolution(session, claim_id=claim_id) if claim.status in RESOLVED else None
    if claim.status in RESOLVED and (resolution is None or resolution.resolved_by != AUTO_RESOLVER):
        return nothing("the claim was resolved by hand; it is not re-scored")

    condition = conditions_by_claim(session, claim_ids=[claim_id]).get(claim_id)
    if condition is not None:
        state = update_condition(
            session, claim=claim, condition=condition, now=now, n_paths=n_paths, seed=seed, cache=cache
        )
        if state is ConditionStatus.NOT_MET:
            return nothing(f"annulled: {condition.evidence}")
    # While its condition is pending, data that settle the outcome do not resolve the claim: it only counts once
    # the condition is met.
    outcome_counts = condition is None or condition.status is ConditionStatus.MET
    just_counts = condition is not None and outcome_counts and resolution is None  # settled data now resolve it

    rule = deciding_rule(session, claim_id=claim_id)
    latest = latest_snapshot(session, claim_id=claim_id)  # read once: nothing below writes one before the end
    evaluation, prepared = None, None
    if rule is not None:
        prepared = prepare_rule(session, claim=claim, rule=rule, as_of=now, n_paths=n_paths, seed=seed)
        if prepared is not None:
            if latest is not None and latest.inputs_hash == prepared.inputs_hash and not just_counts:
                # Nothing new: no forecast, unless the snapshot's chart was never kept (scored before they were).
                keep_missing_chart(
                    session, claim=claim, rule=rule, latest=latest, prepared=prepared, now=now, cache=cache
                )
                return nothing(f"nothing new since snapshot {latest.id}")
            evaluation = finish_rule(prepared, cache=cache)
    if evaluation is None and claim.prior is not None and resolution is None:
        evaluation = evaluate_base_rate(claim=claim, rule=rule, checked_through=claim.checked_through)
    if evaluation is None:
        what = "its indicator has no data yet" if rule is not None else "it has no deciding rule"
        return nothing(f"no probability: {what} and it has no prior")

    forecast = evaluation.forecast

    def keep_chart_of(snapshot_id: int | None) -> None:
        """The page's chart, drawn now from the forecast that gave the snapshot its number, not when a reader asks."""
        if rule is not None and snapshot_id is not None:
            keep_chart(
                session, claim=claim, rule=rule, snapshot_id=snapshot_id, prepared=prepared, forecast=forecast, now=now
            )

    if resolution is not None:
        checked = _check_automatic_resolution(
            session, claim=claim, resolution=resolution, ev=evaluation, now=now, reason=reason, latest=latest
        )
        keep_chart_of(checked.snapshot_id)
        return checked

    if latest is not None and latest.inputs_hash == evaluation.inputs_hash:
        if just_counts and evaluation.settled is not None and rule is not None:
            if _retracted(session, claim=claim):
                return nothing(f"nothing new since snapshot {latest.id}; {LEFT_FOR_REVIEW}")
            _resolve_automatically(session, claim=claim, rule=rule, ev=evaluation, now=now)
            return nothing(f"condition met: resolved from the data of snapshot {latest.id}")
        return nothing(f"nothing new since snapshot {latest.id}")
    if condition is not None:
        beside = {"status": condition.status.value, "probability": condition.probability}
        evaluation = dataclasses.replace(evaluation, details={**evaluation.details, "condition": beside})
    snapshot = write_snapshot(session, claim=claim, ev=evaluation, now=now, reason=reason, seed=seed, previous=latest)
    keep_chart_of(snapshot.id)
    note = reason
    if evaluation.settled is not None and outcome_counts and rule is not None:
        if _retracted(session, claim=claim):
            note = f"{reason}; {LEFT_FOR_REVIEW}"
        else:
            _resolve_automatically(session, claim=claim, rule=rule, ev=evaluation, now=now)
    return RescoreOutcome(
        claim_id, snapshot.probability, True, ClaimStatus(claim.status), note, snapshot.id, evaluation.method
    )


LEFT_FOR_REVIEW = "the data settle it, but an admin un-resolved its automatic resolution: left for review"


def _retracted(session: Session, *, claim: Claim) -> bool:
    """Decisions stick: once an admin un-resolved what the data decided, only an admin resolves it again."""
    assert claim.id is not None
    if not automatic_resolution_retracted(session, claim_id=claim.id):
        return False
    claim.needs_review = True
    return True


def _evidence(*, ev: Evaluation, observation: Observation | None) -> str:
    indicator = ev.indicator
    assert indicator is not None
    rule = ev.inputs["rule"]
    if observation is None:  # cannot happen for values that settled the rule; say so rather than guess
        return f"{indicator.key} settles the rule (observation not found)"
    period = format_period(observation.period_start, indicator.frequency)
    how = "completes the window and settles" if ev.settling_needs_all else "settles"
    return (
        f"{indicator.key} {period} = {exact(observation.value)} (as of {observation.as_of.isoformat()}) {how} the "
        f"rule {rule['aggregate']} {rule['op']} {exact(rule['threshold'])} over "
        f"{rule['window_start']}..{rule['window_end']}: {'true' if ev.settled else 'false'}"
    )


def _resolve_automatically(
    session: Session, *, claim: Claim, rule: ClaimIndicator, ev: Evaluation, now: datetime
) -> Resolution:
    """Resolve from the data, dated when the data first settled the rule; flag a claim made after that."""
    assert claim.id is not None
    # The outcome was known when the data, as then known, first settled the rule: a later revision that keeps
    # the outcome does not move that date, so neither does it let later forecasts into the scores.
    first = first_settlement(session, claim=claim, rule=rule, current=ev, now=now)
    observation = first.observation
    evidence = _evidence(ev=first.evaluation, observation=observation)
    known = first.known or now
    resolution = Resolution(
        claim_id=claim.id,
        outcome=Outcome.TRUE if ev.settled else Outcome.FALSE,
        # The claim was settled when the deciding value became known, not when predtrack noticed; scoring only
        # counts forecasts made before then.
        resolved_on=known.date(),
        evidence=evidence,
        resolved_by=AUTO_RESOLVER,
        decisive_observation_id=observation.id if observation is not None else None,
        created_at=now,
    )
    session.add(resolution)
    claim.status = ClaimStatus.RESOLVED_TRUE if ev.settled else ClaimStatus.RESOLVED_FALSE
    session.flush()
    details = {"outcome": resolution.outcome.value, "resolved_on": resolution.resolved_on.isoformat()}
    record_event(
        session,
        claim_id=claim.id,
        kind=EventKind.AUTO_RESOLVE,
        by=AUTO_RESOLVER,
        at=now,
        details={**details, "resolution_id": resolution.id, "evidence": evidence},
    )
    logger.info("claim %s resolved automatically: %s", claim.id, evidence)
    # Known at or before the start of made_on: the track record leaves it out (``counts_in_scores``), so say so.
    if known <= datetime.combine(claim.made_on, time(), tzinfo=UTC):
        note = (
            f"made after its outcome was known: the data settled it on {known.date().isoformat()}, before the claim "
            f"was made ({claim.made_on.isoformat()}); resolved truthfully, but left out of every score"
        )
        flag_claim(session, claim=claim, note=note, by=AUTO_RESOLVER, at=now)
    return resolution


def _check_automatic_resolution(
    session: Session,
    *,
    claim: Claim,
    resolution: Resolution,
    ev: Evaluation,
    now: datetime,
    reason: str,
    latest: ProbabilitySnapshot | None,
) -> RescoreOutcome:
    """An automatically resolved claim: if revised data contradict the resolution, record it and flag the claim.

    Only new inputs reach here (``rescore_claim`` returns early when nothing changed since ``latest``).
    """
    claim_id = claim.id
    assert claim_id is not None
    agrees = ev.settled is not None and ev.settled == (resolution.outcome == Outcome.TRUE)
    if agrees:
        return RescoreOutcome(
            claim_id,
            claim.probability,
            False,
            ClaimStatus(claim.status),
            f"resolved automatically (resolution {resolution.id}); the data still agree",
        )
    assert ev.indicator is not None  # the evaluation of a rule on data that once settled it
    assert ev.data_as_of is not None
    indicator, known = ev.indicator.key, ev.data_as_of.isoformat()
    now_says = "settle it the other way" if ev.settled is not None else "no longer settle it"
    note = (
        f"revision: {indicator} as of {known} would now {now_says} (P={ev.probability:.4f}); the automatic "
        f"resolution {resolution.id} ({resolution.outcome}) is kept until a researcher reviews it"
    )
    details = dict(ev.details, contradicts_resolution=resolution.id, revision=note)
    flagged = dataclasses.replace(ev, details=details)
    snapshot = write_snapshot(
        session,
        claim=claim,
        ev=flagged,
        now=now,
        reason=f"{reason}; {note}",
        seed=ev.inputs["seed"],
        previous=latest,
    )
    flag_claim(session, claim=claim, note=note, by=AUTO_RESOLVER, at=now)
    return RescoreOutcome(
        claim_id,
        snapshot.probability,
        True,
        ClaimStatus(claim.status),
        note,
        snapshot.id,
        ev.method,
    )
