"""The outbox and batch runs: pending re-score requests, periodic re-scores, and the deadline sweep.

Every use case here takes a session and a clock, only flushes, and leaves the commit to its caller, so that
the snapshots and the outbox rows they consume commit together.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlmodel import Session

from forecasts.errors import ForecastError
from predictions.ledger.clock import Clock
from predictions.ledger.errors import LedgerError
from predictions.ledger.tables import ClaimStatus
from predictions.rescore.evaluation import ForecastCache
from predictions.rescore.repo import (
    claims_linked_to,
    claims_to_rescore,
    open_claims_past_deadline,
    pending_requests,
)
from predictions.rescore.resolution import RESOLVED, RescoreOutcome, rescore_claim

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


@dataclass
class RunSummary:
    """What a batch of re-scores did."""

    claims: int = 0
    written: int = 0
    resolved: int = 0
    requests: int = 0
    failures: list[tuple[int, str]] = field(default_factory=list)

    def add(self, outcome: RescoreOutcome) -> None:
        """Count one claim's outcome."""
        self.claims += 1
        self.written += int(outcome.written)
        self.resolved += int(outcome.written and outcome.status in RESOLVED)


def _rescore_guarded(
    session: Session,
    summary: RunSummary,
    *,
    claim_id: int,
    clock: Clock,
    reason: str,
    n_paths: int,
    seed: int,
    cache: ForecastCache,
) -> None:
    """Re-score one claim; a claim whose inputs fail (bad window, unforecastable series) is logged and skipped.

    ``rescore_claim`` works everything out before it writes anything, so a claim that fails leaves nothing
    behind and needs no savepoint (SAVEPOINT is unreliable under the pysqlite driver's transaction handling:
    releasing the outermost one commits).
    """
    try:
        outcome = rescore_claim(
            session, claim_id=claim_id, clock=clock, reason=reason, n_paths=n_paths, seed=seed, cache=cache
        )
    except (ForecastError, LedgerError, ValueError) as exc:
        logger.exception("claim %s: re-score failed", claim_id)
        summary.failures.append((claim_id, str(exc)))
        return
    summary.add(outcome)


def _reason(reasons: Iterable[str]) -> str:
    unique = list(dict.fromkeys(reasons))
    text = "; ".join(unique[:3])
    return text + (f" (+{len(unique) - 3} more)" if len(unique) > 3 else "")


def process_pending(
    session: Session,
    *,
    clock: Clock,
    n_paths: int = 1000,
    seed: int = 0,
    limit: int = 10_000,
    progress: Progress | None = None,
) -> RunSummary:
    """Consume the outbox: re-score every claim its pending requests touch, once each, and mark them done.

    The requests are marked done in the caller's transaction, together with the snapshots: a crash before the
    commit leaves them pending, and the work runs again.
    """
    requests = pending_requests(session, limit=limit)
    summary = RunSummary(requests=len(requests))
    if not requests:
        return summary
    linked = {
        indicator_id: claims_linked_to(session, indicator_ids=[indicator_id])
        for indicator_id in {r.indicator_id for r in requests if r.indicator_id is not None}
    }
    reasons: dict[int, list[str]] = {}  # per claim, in the order the requests came
    for request in requests:
        targets = [request.claim_id] if request.claim_id is not None else []
        targets += linked.get(request.indicator_id, []) if request.indicator_id is not None else []
        for claim_id in targets:
            reasons.setdefault(claim_id, []).append(request.reason)
    cache: ForecastCache = {}
    ordered = claims_to_rescore(session, claim_ids=reasons)
    for done, claim_id in enumerate(ordered, 1):
        _rescore_guarded(
            session,
            summary,
            claim_id=claim_id,
            clock=clock,
            reason=_reason(reasons[claim_id]),
            n_paths=n_paths,
            seed=seed,
            cache=cache,
        )
        if progress is not None:
            progress(done, len(ordered))
    now = clock.now()
    for request in requests:
        request.done_at = now
    session.flush()
    logger.info(
        "outbox: %s requests -> %s claims re-scored, %s snapshots", len(requests), summary.claims, summary.written
    )
    return summary


def rescore_all(
    session: Session,
    *,
    clock: Clock,
    n_paths: int = 1000,
    seed: int = 0,
    claim_ids: Iterable[int] | None = None,
    reason: str = "periodic re-score",
    progress: Progress | None = None,
    cache: ForecastCache | None = None,
) -> RunSummary:
    """Re-score every claim (or those in ``claim_ids``); each indicator is forecast once and shared by its claims."""
    ordered = claims_to_rescore(session, claim_ids=claim_ids)
    summary = RunSummary()
    cache = {} if cache is None else cache
    for done, claim_id in enumerate(ordered, 1):
        _rescore_guarded(
            session, summary, claim_id=claim_id, clock=clock, reason=reason, n_paths=n_paths, seed=seed, cache=cache
        )
        if progress is not None:
            progress(done, len(ordered))
    logger.info(
        "re-score: %s claims, %s snapshots, %s failures", summary.claims, summary.written, len(summary.failures)
    )
    return summary


def merge(total: RunSummary, part: RunSummary) -> None:
    """Add ``part``'s counts to ``total``."""
    total.claims += part.claims
    total.written += part.written
    total.resolved += part.resolved
    total.requests += part.requests
    total.failures.extend(part.failures)


def sweep_deadlines(session: Session, *, clock: Clock) -> list[int]:
    """Open claims past their deadline without a decision become ``awaiting_resolution``; returns their ids.

    A conditional claim whose condition is still pending awaits resolution too: the deadline alone does not
    annul it, since the data that decide its condition may still be on their way.
    """
    today = clock.now().date()
    claims = open_claims_past_deadline(session, today=today)
    for claim in claims:
        claim.status = ClaimStatus.AWAITING_RESOLUTION
    session.flush()
    if claims:
        logger.info("deadline sweep: %s claims now await resolution", len(claims))
    return [c.id for c in claims if c.id is not None]
