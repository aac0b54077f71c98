"""History: writing a claim's probability snapshots, reading them back, and re-running one.

**Snapshots are append-only** and record everything that determines their number: the canonical inputs are
hashed into ``inputs_hash`` (see ``evaluation``). A new snapshot is written only when that hash changes, i.e. on
new data (a new ``data_as_of``), a new model or engine version, a new method, or an edited rule; a re-score with
nothing new writes nothing. ``recompute_snapshot`` re-runs a snapshot from what it recorded and must give the
same number bit for bit.
"""

from __future__ import annotations

import logging
from datetime import date, datetime

from sqlmodel import Session

from predictions import baserate
from predictions.errors import InvalidInput, NotFound
from predictions.repo.snapshots import deciding_rule, list_snapshots
from predictions.rescore.evaluation import METHOD_MODEL, Evaluation, evaluate_base_rate, evaluate_rule
from predictions.tables import Claim, ProbabilitySnapshot

logger = logging.getLogger(__name__)


def write_snapshot(
    session: Session, *, claim: Claim, ev: Evaluation, now: datetime, reason: str, seed: int
) -> ProbabilitySnapshot:
    snapshot = ProbabilitySnapshot(
        claim_id=claim.id,  # type: ignore[arg-type]
        at=now,
        probability=ev.probability,
        method=ev.method,
        model=ev.model,
        model_version=ev.model_version,
        data_as_of=ev.data_as_of,
        seed=seed if ev.method == METHOD_MODEL else 0,
        inputs_hash=ev.inputs_hash,
        reason=reason,
        details=ev.details,
    )
    session.add(snapshot)
    claim.probability = ev.probability
    claim.probability_updated_at = now
    session.flush()
    logger.info("claim %s: P=%.4f by %s (%s): %s", claim.id, ev.probability, ev.method, ev.model, reason)
    return snapshot


def claim_history(session: Session, *, claim_id: int, limit: int, offset: int) -> tuple[list[ProbabilitySnapshot], int]:
    """A page of the claim's snapshots, oldest first, and their total; NotFound for an unknown claim."""
    if session.get(Claim, claim_id) is None:
        raise NotFound(f"claim {claim_id} does not exist")
    return list_snapshots(session, claim_id=claim_id, limit=limit, offset=offset)


def recompute_snapshot(session: Session, *, snapshot_id: int) -> Evaluation:
    """Re-run a snapshot from what it recorded (data as of its data_as_of, its seed, paths and horizon)."""
    snapshot = session.get(ProbabilitySnapshot, snapshot_id)
    if snapshot is None:
        raise NotFound(f"snapshot {snapshot_id} does not exist")
    claim = session.get(Claim, snapshot.claim_id)
    assert claim is not None
    if snapshot.method == baserate.METHOD:
        assert snapshot.data_as_of is not None
        return evaluate_base_rate(
            claim=claim,
            rule=deciding_rule(session, claim_id=snapshot.claim_id),
            checked_through=_date(snapshot.details.get("checked_through")),
        )
    rule = deciding_rule(session, claim_id=claim.id)  # type: ignore[arg-type]
    if rule is None or snapshot.data_as_of is None:
        raise InvalidInput(f"snapshot {snapshot_id}: its claim no longer has a deciding rule")
    evaluation = evaluate_rule(
        session,
        claim=claim,
        rule=rule,
        as_of=snapshot.data_as_of,
        n_paths=int(snapshot.details.get("n_paths", 1000)),
        seed=snapshot.seed,
    )
    if evaluation is None:
        raise InvalidInput(f"snapshot {snapshot_id}: no data as of {snapshot.data_as_of.isoformat()}")
    return evaluation


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None
