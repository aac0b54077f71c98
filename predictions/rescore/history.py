"""History: writing a claim's probability snapshots, reading them back, and re-running one.

**Snapshots are append-only** and record everything that determines their number: the canonical inputs are
hashed into ``inputs_hash`` (see ``evaluation``). A new snapshot is written only when that hash changes, i.e. on
new data (a new ``data_as_of``), a new model or engine version, a new method, or an edited rule; a re-score with
nothing new writes nothing.

**Reproducible.** A snapshot also keeps its canonical inputs in ``inputs``, with the ids of the exact observation
rows (vintages) it used. ``recompute_snapshot`` re-runs it from those recorded inputs only: the same rows, rule,
window, seed and number of paths. A vintage ingested later, even one dated before the snapshot's ``data_as_of``,
cannot change the answer. ``verify_snapshot`` compares the recomputed number with the recorded one and says so
when the engine running now is not the one that computed the snapshot. Since a snapshot's inputs never change,
``RecomputeCache`` keeps each recomputed number by (inputs hash, engine version): a stranger asking again costs a
lookup, and two asking at once pay for one computation.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from sqlmodel import Session

import forecasts
from forecasts.periods import Frequency
from forecasts.rules import Aggregate, Op
from predictions.data.repo_observations import observations_by_ids
from predictions.ledger.errors import Conflict, NotFound
from predictions.ledger.kept import KeptByVersion
from predictions.ledger.tables import Claim, ClaimIndicator, Indicator, LinkRole, ProbabilitySnapshot, SnapshotKind
from predictions.rescore import baserate
from predictions.rescore.evaluation import (
    METHOD_MODEL,
    Evaluation,
    RecordedRule,
    evaluate_base_rate,
    finish_rule,
    prepare_from_rows,
    recorded_window,
)
from predictions.rescore.explain import MEDIANS_KEY, arrived_value, explain, revisions
from predictions.rescore.repo import latest_snapshot, list_snapshots, snapshots_page

logger = logging.getLogger(__name__)


def write_snapshot(
    session: Session,
    *,
    claim: Claim,
    ev: Evaluation,
    now: datetime,
    reason: str,
    seed: int,
    kind: SnapshotKind = SnapshotKind.LIVE,
    at: datetime | None = None,
    previous: ProbabilitySnapshot | None | Literal["look up"] = "look up",
) -> ProbabilitySnapshot:
    """Append a snapshot computed ``now``; a live one becomes the claim's probability, a hindcast stands for ``at``.

    ``previous`` is the claim's latest live snapshot when the caller has already read it (else it is looked up):
    a live snapshot explains its move from that one.
    """
    recorded = dict(ev.inputs, observation_ids=list(ev.observation_ids)) if ev.method == METHOD_MODEL else ev.inputs
    details = ev.details
    sentence = None
    if kind == SnapshotKind.LIVE:
        if previous == "look up":
            previous = latest_snapshot(session, claim_id=claim.id) if claim.id is not None else None
        sentence = _explain(session, claim=claim, ev=ev, previous=previous)
    if sentence is not None:  # the explained move is the reason the history shows; the trigger stays in details
        details, reason = dict(ev.details, explanation=sentence, trigger=reason), sentence
    snapshot = ProbabilitySnapshot(
        claim_id=claim.id,  # type: ignore[arg-type]
        at=now if at is None else at,
        computed_at=now,
        kind=kind,
        probability=ev.probability,
        method=ev.method,
        model=ev.model,
        model_version=ev.model_version,
        data_as_of=ev.data_as_of,
        seed=seed if ev.method == METHOD_MODEL else 0,
        inputs_hash=ev.inputs_hash,
        inputs=recorded,
        reason=reason,
        details=details,
    )
    session.add(snapshot)
    if kind == SnapshotKind.LIVE:
        claim.probability = ev.probability
        claim.probability_updated_at = now
    session.flush()
    logger.info("claim %s: %s P=%.4f by %s (%s): %s", claim.id, kind, ev.probability, ev.method, ev.model, reason)
    return snapshot


def _explain(session: Session, *, claim: Claim, ev: Evaluation, previous: ProbabilitySnapshot | None) -> str | None:
    """The one-sentence reason for the move from the claim's previous live snapshot, when data explains it."""
    if ev.method != METHOD_MODEL or ev.indicator is None or claim.id is None or previous is None:
        return None
    previous_inputs = previous.inputs if previous.method == METHOD_MODEL and previous.inputs else None
    without = None
    if previous_inputs is not None and revisions(previous_inputs, ev.inputs) and _new_periods(previous, ev):
        without = _without_revisions(session, previous_inputs=previous_inputs, ev=ev)
    return explain(
        previous_details=previous.details,
        previous_probability=previous.probability,
        inputs=ev.inputs,
        probability=ev.probability,
        indicator=ev.indicator.name,
        unit=ev.indicator.unit,
        previous_inputs=previous_inputs,
        without_revisions=without,
    )


def _new_periods(previous: ProbabilitySnapshot, ev: Evaluation) -> bool:
    """Whether ``ev`` reads a value for a period the previous forecast had a median for (a value that arrived)."""
    medians = previous.details.get(MEDIANS_KEY) or {}
    return any(arrived_value(ev.inputs, period=period) is not None for period in medians)


def _without_revisions(session: Session, *, previous_inputs: dict[str, Any], ev: Evaluation) -> float | None:
    """The probability from this snapshot's data with each period the previous one had at its old vintage: what
    the new values alone would have made of it (None when the previous rows are gone)."""
    indicator = ev.indicator
    assert indicator is not None
    old_ids = [int(i) for i in previous_inputs.get("observation_ids", [])]
    old_rows = observations_by_ids(session, ids=old_ids)
    if not old_ids or len(old_rows) != len(set(old_ids)):
        return None
    kept = {row.period_start for row in old_rows}
    new_rows = [
        row for row in observations_by_ids(session, ids=list(ev.observation_ids)) if row.period_start not in kept
    ]
    prepared = prepare_from_rows(
        indicator=indicator,
        rule=_recorded_rule(ev.inputs),
        window=recorded_window(ev.inputs, frequency=Frequency(indicator.frequency)),
        rows=sorted([*old_rows, *new_rows], key=lambda row: row.period_start),
        n_paths=int(ev.inputs["n_paths"]),
        seed=int(ev.inputs["seed"]),
    )
    return None if prepared is None else finish_rule(prepared).probability


def claim_history(session: Session, *, claim_id: int, limit: int, offset: int) -> tuple[list[ProbabilitySnapshot], int]:
    """A page of the claim's snapshots, oldest first, and their total; NotFound for an unknown claim."""
    if session.get(Claim, claim_id) is None:
        raise NotFound(f"claim {claim_id} does not exist")
    return list_snapshots(session, claim_id=claim_id, limit=limit, offset=offset)


def first_snapshots(session: Session, *, claim_id: int, limit: int) -> list[ProbabilitySnapshot]:
    """The claim's first ``limit`` snapshots, oldest first (``claim_history``'s first page, without counting them
    all); NotFound for an unknown claim."""
    if session.get(Claim, claim_id) is None:
        raise NotFound(f"claim {claim_id} does not exist")
    return snapshots_page(session, claim_id=claim_id, limit=limit, offset=0)


def recompute_snapshot(session: Session, *, snapshot_id: int) -> Evaluation:
    """Re-run a snapshot from its recorded inputs only (its observation rows, rule, window, seed and paths).

    The engine is today's; ``verify_snapshot`` says when that is not the one that computed the snapshot.
    """
    snapshot = session.get(ProbabilitySnapshot, snapshot_id)
    if snapshot is None:
        raise NotFound(f"snapshot {snapshot_id} does not exist")
    recorded = snapshot.inputs
    if not recorded:
        raise Conflict(
            f"snapshot {snapshot_id} was written before snapshots recorded their inputs, so it cannot be recomputed "
            "from them; re-score the claim for a snapshot that can be verified"
        )
    if snapshot.method == baserate.METHOD:
        return _recompute_base_rate(recorded)
    return _recompute_rule(session, snapshot_id=snapshot_id, recorded=recorded)


def _recompute_base_rate(recorded: dict[str, Any]) -> Evaluation:
    # Transient rows, never added to the session: they carry only the recorded values the base rate reads.
    claim = Claim(  # type: ignore[call-arg]
        prior=recorded["prior"],
        made_on=date.fromisoformat(recorded["made_on"]),
        deadline=date.fromisoformat(recorded["deadline"]),
    )
    event = recorded["model"] == baserate.MODEL
    rule = None if event else ClaimIndicator(role=LinkRole.DECIDES, aggregate=Aggregate.LAST)  # type: ignore[call-arg]
    checked = recorded.get("checked_through")
    return evaluate_base_rate(claim=claim, rule=rule, checked_through=date.fromisoformat(checked) if checked else None)


def _recompute_rule(session: Session, *, snapshot_id: int, recorded: dict[str, Any]) -> Evaluation:
    ids = [int(i) for i in recorded.get("observation_ids", [])]
    rows = observations_by_ids(session, ids=ids)
    if not ids or len(rows) != len(set(ids)):
        raise Conflict(f"snapshot {snapshot_id}: some of the observations it recorded no longer exist")
    indicator = session.get(Indicator, rows[0].indicator_id)
    assert indicator is not None
    prepared = prepare_from_rows(
        indicator=indicator,
        rule=_recorded_rule(recorded),
        window=recorded_window(recorded, frequency=Frequency(indicator.frequency)),
        rows=rows,
        n_paths=int(recorded["n_paths"]),
        seed=int(recorded["seed"]),
    )
    if prepared is None:  # rows is not empty: the window is past today's caps on its reach or length
        raise Conflict(
            f"snapshot {snapshot_id}: its window is past the caps on a window's reach and length "
            "(predictions.rescore.windows), so this server does not recompute it"
        )
    return finish_rule(prepared)


def _recorded_rule(inputs: dict[str, Any]) -> RecordedRule:
    rule = inputs["rule"]
    return RecordedRule(op=Op(rule["op"]), threshold=float(rule["threshold"]), aggregate=Aggregate(rule["aggregate"]))


@dataclass(frozen=True)
class Verification:
    """A snapshot's recorded probability beside the one recomputed from its recorded inputs."""

    snapshot_id: int
    recorded: float
    recomputed: float
    identical: bool
    engine_version_recorded: str
    engine_version_used: str
    same_engine: bool
    detail: str


#: Recomputed (probability, engine version) by (inputs hash, engine version). A snapshot's inputs never change, so
#: every answer stands at one version (0) for good; ``KeptByVersion`` gives the bound and one computation per key
#: at a time (a second caller waits for the first one's answer).
RecomputeCache = KeptByVersion[tuple[float, str]]


def verify_snapshot(session: Session, *, snapshot_id: int, cache: RecomputeCache | None = None) -> Verification:
    """Recompute a snapshot from its recorded inputs and say whether it gives the recorded number exactly.

    With a ``cache``, a snapshot whose inputs hash was recomputed before by this engine is answered from it.
    """
    snapshot = session.get(ProbabilitySnapshot, snapshot_id)
    if snapshot is None:
        raise NotFound(f"snapshot {snapshot_id} does not exist")

    def compute() -> tuple[float, str]:
        evaluation = recompute_snapshot(session, snapshot_id=snapshot_id)
        return evaluation.probability, evaluation.model_version

    if cache is None:
        recomputed, used = compute()
    else:
        key = (snapshot.inputs_hash, forecasts.ENGINE_VERSION)
        recomputed, used = cache.at(session, key=key, version=0, compute=lambda _session: compute())
    identical = recomputed == snapshot.probability
    same_engine = used == snapshot.model_version
    if not same_engine:
        detail = (
            f"recomputed with engine {used}, not {snapshot.model_version} that computed the snapshot: the inputs "
            f"are the recorded ones, but a different engine may give a different number"
        )
    elif identical:
        detail = f"recomputed from its {_inputs_text(snapshot)} with the same engine: identical"
    else:
        detail = f"recomputed from its {_inputs_text(snapshot)} with the same engine, but the number differs"
    return Verification(
        snapshot_id=snapshot_id,
        recorded=snapshot.probability,
        recomputed=recomputed,
        identical=identical,
        engine_version_recorded=snapshot.model_version,
        engine_version_used=used,
        same_engine=same_engine,
        detail=detail,
    )


def _inputs_text(snapshot: ProbabilitySnapshot) -> str:
    if snapshot.method == METHOD_MODEL:
        count = len((snapshot.inputs or {}).get("observation_ids", []))
        return f"recorded inputs ({count} observations, seed {snapshot.seed})"
    return "recorded inputs"
