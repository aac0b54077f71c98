"""Snapshots record their exact inputs and recompute from those alone (GET /snapshots/{id}/verify)."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest
from sqlmodel import Session, col, select

import forecasts
from forecasts.rules import Aggregate, Op
from predictions.ledger.clock import FixedClock
from predictions.ledger.errors import Conflict, NotFound
from predictions.ledger.tables import Claim, Observation, ProbabilitySnapshot, SnapshotKind
from predictions.rescore import evaluate_rule, rescore_claim, verify_snapshot
from predictions.rescore.repo import deciding_rule
from tests.factories import T0, add_observations, link_rule, make_claim, make_indicator

NOW = T0 + timedelta(days=1)
CLOCK = FixedClock(NOW)


def _rule_claim(session: Session) -> tuple[Claim, list[Observation]]:
    """A claim on "m2_yoy > 5 in 2026-06", with 240 months of data to 2025-12, all known at T0."""
    indicator = make_indicator(session, key="m2_yoy")
    values = list(5.0 + np.cumsum(np.random.default_rng(1).normal(0, 0.1, 240)))
    rows = add_observations(session, indicator=indicator, start="2006-01", values=values)
    claim = make_claim(session, made_on=date(2025, 6, 1), deadline=date(2026, 6, 30))
    link_rule(session, claim=claim, indicator=indicator, op=Op.GT, threshold=5.0)
    return claim, rows


def _only_snapshot(session: Session, claim: Claim) -> ProbabilitySnapshot:
    [snapshot] = session.exec(select(ProbabilitySnapshot).where(ProbabilitySnapshot.claim_id == claim.id)).all()
    return snapshot


def test_a_snapshot_records_its_observations_engine_seed_and_paths(session: Session) -> None:
    claim, rows = _rule_claim(session)
    rescore_claim(session, claim_id=claim.id, clock=CLOCK, reason="t", n_paths=300, seed=5)  # type: ignore[arg-type]
    snapshot = _only_snapshot(session, claim)
    assert snapshot.kind == SnapshotKind.LIVE and snapshot.computed_at == snapshot.at == NOW
    inputs = snapshot.inputs or {}
    assert inputs["observation_ids"] == [row.id for row in rows]
    assert (inputs["engine_version"], inputs["seed"], inputs["n_paths"]) == (forecasts.ENGINE_VERSION, 5, 300)
    assert inputs["rule"] == {
        "op": ">",
        "threshold": 5.0,
        "aggregate": "last",
        "window_start": "2025-06",
        "window_end": "2026-06",
    }


def test_a_back_dated_vintage_cannot_change_a_verified_snapshot(session: Session) -> None:
    claim, rows = _rule_claim(session)
    rescore_claim(session, claim_id=claim.id, clock=CLOCK, reason="t", n_paths=300, seed=5)  # type: ignore[arg-type]
    snapshot = _only_snapshot(session, claim)
    indicator = rows[0].indicator_id
    # Later, a value for 2026-01 arrives, dated before the snapshot's data_as_of: the data "as of" then now differ.
    session.add(
        Observation(
            indicator_id=indicator,
            period="2026-01",
            period_start=date(2026, 1, 1),
            value=9.0,
            as_of=T0 - timedelta(hours=1),
        )
    )
    session.flush()
    rule = deciding_rule(session, claim_id=claim.id)  # type: ignore[arg-type]
    assert rule is not None and snapshot.data_as_of == T0
    as_of_then = evaluate_rule(session, claim=claim, rule=rule, as_of=T0, n_paths=300, seed=5)
    assert as_of_then is not None and as_of_then.probability != snapshot.probability  # re-reading "as of" drifts

    result = verify_snapshot(session, snapshot_id=snapshot.id)  # type: ignore[arg-type]
    assert result.identical and result.recomputed == result.recorded == snapshot.probability
    assert result.same_engine and result.engine_version_used == forecasts.ENGINE_VERSION
    assert "240 observations" in result.detail


def test_verifying_under_another_engine_says_so(session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    claim, _ = _rule_claim(session)
    rescore_claim(session, claim_id=claim.id, clock=CLOCK, reason="t", n_paths=200)  # type: ignore[arg-type]
    snapshot = _only_snapshot(session, claim)
    monkeypatch.setattr(forecasts, "ENGINE_VERSION", "99.0")
    result = verify_snapshot(session, snapshot_id=snapshot.id)  # type: ignore[arg-type]
    assert not result.same_engine
    assert (result.engine_version_recorded, result.engine_version_used) == (snapshot.model_version, "99.0")
    assert "engine 99.0" in result.detail and snapshot.model_version in result.detail


def test_a_settled_and_a_base_rate_snapshot_verify_identical(session: Session) -> None:
    indicator = make_indicator(session, key="unemp")
    add_observations(session, indicator=indicator, start="2024-01", values=[4.0, 6.3])
    settled = make_claim(session, made_on=date(2024, 1, 1), deadline=date(2024, 12, 31))
    link_rule(session, claim=settled, indicator=indicator, op=Op.GT, threshold=6.0, aggregate=Aggregate.ANY)
    base = make_claim(session, made_on=date(2024, 1, 1), deadline=date(2026, 12, 31), prior=0.3)
    for claim in (settled, base):
        rescore_claim(session, claim_id=claim.id, clock=CLOCK, reason="t", n_paths=100)  # type: ignore[arg-type]
        snapshot = _only_snapshot(session, claim)
        assert verify_snapshot(session, snapshot_id=snapshot.id).identical  # type: ignore[arg-type]


def test_unknown_and_unrecorded_snapshots(session: Session) -> None:
    with pytest.raises(NotFound, match="snapshot 987654 does not exist"):
        verify_snapshot(session, snapshot_id=987654)
    claim = make_claim(session, prior=0.2)
    old = ProbabilitySnapshot(
        claim_id=claim.id,  # type: ignore[arg-type]
        at=T0,
        probability=0.2,
        method="base_rate",
        model="constant_hazard",
        model_version="1",
        inputs_hash="x",
    )
    session.add(old)
    session.flush()
    with pytest.raises(Conflict, match="before snapshots recorded their inputs"):
        verify_snapshot(session, snapshot_id=old.id)  # type: ignore[arg-type]
    assert session.exec(select(ProbabilitySnapshot).where(col(ProbabilitySnapshot.id) > old.id)).all() == []
