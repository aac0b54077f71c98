"""Hindcasts: what the engine would have said at past moments, for claims added to the ledger after ``made_on``.

Every seed claim was made in 2024 but entered the ledger later, so its first live probability comes after the
fact and the track record has nothing to set against the source's own words. A hindcast fills that gap:

- it stands for a past moment ``at``: the claim's ``made_on`` (00:00 UTC), then each later moment at which a new
  vintage of the deciding indicator (or a researcher's check) became known, up to now;
- it uses only what was known at ``at`` (the latest vintage of each period with ``as_of <= at``, the checks
  recorded by then) and the engine running now, chosen exactly as a live re-score would choose (the rule over
  the data when there is data, else the base rate);
- it is written with ``kind = hindcast``, ``at`` and ``data_as_of`` at the past moment and ``computed_at`` now.
  It never changes the claim's current probability and never resolves the claim; the hindcasts stop at the
  first moment the data settle the rule, as a live re-score would have resolved the claim there.

Scores count a hindcast exactly when they would count a live forecast made at its ``at``, and keep it apart
(method ``<method> (hindcast)``). Running the hindcasts again writes nothing new: a moment that already has a
hindcast with the same inputs is skipped before any forecast is paid for, and a moment whose inputs did not
change since the previous hindcast is not written again.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

from sqlmodel import Session

from forecasts.errors import ForecastError
from predictions.claims.repo_audit import checks_of
from predictions.data.repo_observations import vintage_times
from predictions.ledger.clock import Clock
from predictions.ledger.errors import LedgerError, NotFound
from predictions.ledger.tables import Claim, ClaimCheck, ClaimIndicator, ClaimStatus, SnapshotKind
from predictions.rescore.evaluation import Evaluation, ForecastCache, evaluate_base_rate, finish_rule, prepare_rule
from predictions.rescore.history import write_snapshot
from predictions.rescore.outbox import Progress
from predictions.rescore.repo import claims_to_rescore, deciding_rule, hindcasts_of

logger = logging.getLogger(__name__)


@dataclass
class HindcastSummary:
    """What a hindcast run did."""

    claims: int = 0
    written: int = 0
    failures: list[tuple[int, str]] = field(default_factory=list)


def hindcast_claim(
    session: Session,
    *,
    claim_id: int,
    clock: Clock,
    n_paths: int = 1000,
    seed: int = 0,
    cache: ForecastCache | None = None,
) -> int:
    """Write the claim's missing hindcasts; returns how many were written (0 when it entered on its made_on)."""
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFound(f"claim {claim_id} does not exist")
    now = clock.now()
    start = datetime.combine(claim.made_on, time(0), tzinfo=UTC)
    if claim.status == ClaimStatus.ANNULLED or claim.created_at <= start:
        return 0
    rule = deciding_rule(session, claim_id=claim_id)
    checks = checks_of(session, claim_id=claim_id)
    existing = {(s.at, s.inputs_hash) for s in hindcasts_of(session, claim_id=claim_id)}
    previous: str | None = None
    written = 0
    for at in _moments(session, rule=rule, checks=checks, start=start, now=now):
        evaluation = None
        if rule is not None:
            prepared = prepare_rule(session, claim=claim, rule=rule, as_of=at, n_paths=n_paths, seed=seed)
            if prepared is not None and (at, prepared.inputs_hash) in existing:  # done before: no forecast
                previous = prepared.inputs_hash
                if prepared.outcome is not None:
                    break
                continue
            if prepared is not None:
                evaluation = finish_rule(prepared, cache=cache)
        if evaluation is None and claim.prior is not None:
            evaluation = evaluate_base_rate(claim=claim, rule=rule, checked_through=_checked_through(checks, at))
        if evaluation is None:
            continue
        if evaluation.inputs_hash != previous and (at, evaluation.inputs_hash) not in existing:
            write_snapshot(
                session,
                claim=claim,
                ev=evaluation,
                now=now,
                reason=_reason(evaluation, at),
                seed=seed,
                kind=SnapshotKind.HINDCAST,
                at=at,
            )
            written += 1
        previous = evaluation.inputs_hash
        if evaluation.settled is not None:
            break
    if written:
        logger.info("claim %s: %s hindcasts from %s", claim_id, written, start.date().isoformat())
    return written


def hindcast_all(
    session: Session,
    *,
    clock: Clock,
    n_paths: int = 1000,
    seed: int = 0,
    claim_ids: Iterable[int] | None = None,
    progress: Progress | None = None,
) -> HindcastSummary:
    """Hindcast every claim (or those in ``claim_ids``); a claim that fails is logged and skipped."""
    ordered = claims_to_rescore(session, claim_ids=claim_ids)
    summary = HindcastSummary()
    cache: ForecastCache = {}
    for done, claim_id in enumerate(ordered, 1):
        try:
            summary.written += hindcast_claim(
                session, claim_id=claim_id, clock=clock, n_paths=n_paths, seed=seed, cache=cache
            )
            summary.claims += 1
        except (ForecastError, LedgerError, ValueError) as exc:
            logger.exception("claim %s: hindcast failed", claim_id)
            summary.failures.append((claim_id, str(exc)))
        if progress is not None:
            progress(done, len(ordered))
    logger.info("hindcasts: %s claims, %s written, %s failures", summary.claims, summary.written, len(summary.failures))
    return summary


def _moments(
    session: Session, *, rule: ClaimIndicator | None, checks: list[ClaimCheck], start: datetime, now: datetime
) -> list[datetime]:
    """``start``, then every later moment something the claim's probability reads became known, up to ``now``."""
    moments = {start} | {check.at for check in checks if start < check.at <= now}
    if rule is not None:
        moments |= set(vintage_times(session, indicator_id=rule.indicator_id, after=start, until=now))
    return sorted(moments)


def _checked_through(checks: list[ClaimCheck], at: datetime) -> date | None:
    known = [check.checked_through for check in checks if check.at <= at]
    return max(known) if known else None


def _reason(evaluation: Evaluation, at: datetime) -> str:
    known = evaluation.data_as_of.date().isoformat() if evaluation.data_as_of else "nothing"
    return f"hindcast: what the engine says now from what was known on {at.date().isoformat()} (data as of {known})"
