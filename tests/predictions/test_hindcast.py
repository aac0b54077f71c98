"""Hindcasts: what the engine would have said at made_on and at each later vintage, from what was known then."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import Session, col, select

import forecasts
from forecasts.periods import Frequency, format_period, parse_period, shift
from forecasts.rules import Aggregate, Op
from predictions.claims.audit_trail import claim_events
from predictions.claims.claims import update_claim
from predictions.claims.resolve import resolve_claim
from predictions.ledger.clock import FixedClock
from predictions.ledger.schemas import ClaimUpdate, RuleIn
from predictions.ledger.tables import (
    Claim,
    ClaimCheck,
    Indicator,
    KeyRole,
    Observation,
    ProbabilitySnapshot,
    Resolution,
    SnapshotKind,
)
from predictions.rescore import claim_history, hindcast_all, hindcast_claim, rescore_claim, verify_snapshot
from predictions.scoring.track_record import track_record
from tests.factories import link_rule, make_claim, make_indicator

NOW = datetime(2026, 11, 28, 12, tzinfo=UTC)
CLOCK = FixedClock(NOW)
MADE_ON = date(2024, 5, 1)


def _release(period: str) -> datetime:
    """Each month's value is known on the 15th of the next month (as the seed has the PBOC's)."""
    nxt = shift(parse_period(period, Frequency.MONTHLY), 1, Frequency.MONTHLY)
    return datetime(nxt.year, nxt.month, 15, tzinfo=UTC)


def _monthly(session: Session, indicator: Indicator, values: dict[str, float]) -> None:
    for period, value in values.items():
        start = parse_period(period, Frequency.MONTHLY)
        session.add(
            Observation(
                indicator_id=indicator.id,  # type: ignore[arg-type]
                period=period,
                period_start=start,
                value=value,
                as_of=_release(period),
            )
        )
    session.flush()


def _spread_claim(session: Session) -> Claim:
    """The seed's M2-M1 claim in miniature: "at most 6 in every month from 2024-05 to 2026-12", entered today.

    The spread sits near 5 through 2024-04, jumps to 11.2 in 2024-05 (known 2024-06-15) and stays high.
    """
    indicator = make_indicator(session, key="spread")
    history = {
        format_period(shift(date(2021, 1, 1), i, Frequency.MONTHLY), "M"): 5.0 + 0.1 * (i % 3) for i in range(39)
    }
    _monthly(session, indicator, history | {"2024-04": 5.3, "2024-05": 11.2, "2024-06": 9.0, "2024-07": 8.0})
    claim = make_claim(session, made_on=MADE_ON, deadline=date(2026, 12, 31))
    claim.created_at = NOW - timedelta(hours=1)
    link_rule(session, claim=claim, indicator=indicator, op=Op.LE, threshold=6.0, aggregate=Aggregate.ALL)
    return claim


def _snapshots(session: Session, claim: Claim, kind: SnapshotKind) -> list[ProbabilitySnapshot]:
    query = select(ProbabilitySnapshot).where(
        ProbabilitySnapshot.claim_id == claim.id, ProbabilitySnapshot.kind == kind
    )
    return list(session.exec(query.order_by(col(ProbabilitySnapshot.at))).all())


def test_hindcasts_from_made_on_to_the_vintage_that_settled_the_rule(session: Session) -> None:
    claim = _spread_claim(session)
    assert hindcast_claim(session, claim_id=claim.id, clock=CLOCK, n_paths=200, seed=3) == 3  # type: ignore[arg-type]
    first, second, settled = _snapshots(session, claim, SnapshotKind.HINDCAST)
    # At made_on only 2024-03 (released 2024-04-15) was known; then 2024-04; then 2024-05 = 11.2 broke the rule.
    assert [s.at for s in (first, second, settled)] == [
        datetime(2024, 5, 1, tzinfo=UTC),
        datetime(2024, 5, 15, tzinfo=UTC),
        datetime(2024, 6, 15, tzinfo=UTC),
    ]
    assert [s.data_as_of for s in (first, second, settled)] == [
        datetime(2024, 4, 15, tzinfo=UTC),
        datetime(2024, 5, 15, tzinfo=UTC),
        datetime(2024, 6, 15, tzinfo=UTC),
    ]
    for snapshot in (first, second, settled):
        assert snapshot.computed_at == NOW and snapshot.model_version == forecasts.ENGINE_VERSION
        assert snapshot.method == "model" and snapshot.seed == 3 and "hindcast" in (snapshot.reason or "")
    assert first.inputs is not None and len(first.inputs["observation_ids"]) == 39  # 2021-01 .. 2024-03
    assert first.details["last_observed"] == "2024-03" and first.model != "observed"
    assert first.details["settled"] is None and first.details["observed"] == 0  # a forecast of the whole window
    assert settled.model == "observed" and settled.probability == 0.5 / 201  # (0 + 0.5) / (200 + 1)
    # Hindcasts are history: the claim's own number, status and resolutions are untouched.
    assert claim.probability is None and claim.status == "open"
    assert session.exec(select(Resolution).where(Resolution.claim_id == claim.id)).all() == []
    # ... and each verifies from what it recorded.
    assert all(verify_snapshot(session, snapshot_id=s.id).identical for s in (first, settled))  # type: ignore[arg-type]


def test_running_twice_writes_nothing_new_and_live_scores_still_follow(session: Session) -> None:
    claim = _spread_claim(session)
    hindcast_claim(session, claim_id=claim.id, clock=CLOCK, n_paths=100)  # type: ignore[arg-type]
    later = FixedClock(NOW + timedelta(days=1))
    assert hindcast_claim(session, claim_id=claim.id, clock=later, n_paths=100) == 0  # type: ignore[arg-type]
    assert len(_snapshots(session, claim, SnapshotKind.HINDCAST)) == 3
    # The latest hindcast does not stand in for the claim's current number: a live re-score still writes one.
    live = rescore_claim(session, claim_id=claim.id, clock=CLOCK, reason="live", n_paths=100)  # type: ignore[arg-type]
    assert live.written and claim.probability == live.probability
    assert [s.kind for s in _snapshots(session, claim, SnapshotKind.LIVE)] == [SnapshotKind.LIVE]


def test_a_claim_entered_on_its_made_on_gets_no_hindcast(session: Session) -> None:
    claim = make_claim(session, made_on=MADE_ON, deadline=date(2026, 12, 31), prior=0.3)
    claim.created_at = datetime(2024, 5, 1, tzinfo=UTC)
    assert hindcast_claim(session, claim_id=claim.id, clock=CLOCK) == 0  # type: ignore[arg-type]


def test_a_base_rate_claim_gets_its_prior_at_made_on_and_a_hindcast_per_check(session: Session) -> None:
    claim = make_claim(session, made_on=MADE_ON, deadline=date(2025, 12, 31), prior=0.35)
    claim.created_at = NOW - timedelta(days=60)
    checked_at = NOW - timedelta(days=30)
    session.add(
        ClaimCheck(claim_id=claim.id, checked_through=date(2024, 11, 1), note="n", checked_by="r", at=checked_at)  # type: ignore[arg-type]
    )
    session.flush()
    assert hindcast_claim(session, claim_id=claim.id, clock=CLOCK) == 2  # type: ignore[arg-type]
    at_made_on, after_check = _snapshots(session, claim, SnapshotKind.HINDCAST)
    assert at_made_on.at == datetime(2024, 5, 1, tzinfo=UTC) and at_made_on.method == "base_rate"
    assert at_made_on.probability == pytest.approx(0.35)  # nobody had checked: the prior
    assert after_check.at == checked_at and after_check.probability < 0.35
    # The life is 2024-05-01 through 2025-12-31, both included: 610 days. The check covers 2024-05-01 through
    # 2024-11-01 (185 days), so 425 are left: 1 - 0.65 ** (425 / 610).
    assert after_check.probability == pytest.approx(1 - 0.65 ** (425 / 610), abs=1e-12)


def test_hindcasts_score_apart_when_a_live_forecast_at_their_time_would(session: Session) -> None:
    """Old behaviour caught: this test compared the scorer with itself (hindcasts turned live, scored again).

    Hindcasts stand for 2024-05-01 (p1), 2024-05-15 (p2) and 2024-06-15 (the settled one). The deciding value
    (2024-05 = 11.2) became known 2024-06-15 00:00: the cutoff. The rule was broken (false), so the last counted
    forecast, p2, scores p2^2; the time-averaged Brier covers 2024-05-01 .. 2024-06-14, 14 days at p1 and 31 at
    p2: (14 p1^2 + 31 p2^2) / 45. The live snapshot, computed today, comes after the cutoff and does not count.
    """
    claim = _spread_claim(session)
    hindcast_all(session, clock=CLOCK, n_paths=100, claim_ids=[claim.id])  # type: ignore[list-item]
    rescore_claim(session, claim_id=claim.id, clock=CLOCK, reason="live", n_paths=100)  # type: ignore[arg-type]
    assert claim.status == "resolved_false"
    p1, p2, _ = (s.probability for s in _snapshots(session, claim, SnapshotKind.HINDCAST))
    groups = {g.method: g.summary for g in track_record(session, by="method")}
    assert set(groups) == {"model (hindcast)"}
    hindcasts = groups["model (hindcast)"]
    assert hindcasts.n == 1 and hindcasts.brier == pytest.approx(p2**2, abs=1e-12)
    assert hindcasts.time_averaged_brier == pytest.approx((14 * p1**2 + 31 * p2**2) / 45, abs=1e-12)


def test_editing_the_rule_retires_the_old_rules_hindcasts(session: Session) -> None:
    """Old behaviour caught: after the rule changed from "at most 6" to "at most 20", the three hindcasts of the
    old rule stayed and were scored against the new rule's outcome.

    The edit retires them (kept, never scored or shown) and the audit trail lists them; hindcasting again computes
    the new rule's. Under "at most 20" nothing settles before today, so one hindcast per vintage from made_on:
    2024-05-01, 2024-05-15, 2024-06-15, 2024-07-15, 2024-08-15 (the last value, 2024-07, known that day).
    """
    claim = _spread_claim(session)
    assert hindcast_claim(session, claim_id=claim.id, clock=CLOCK, n_paths=100) == 3  # type: ignore[arg-type]
    old = _snapshots(session, claim, SnapshotKind.HINDCAST)
    rule = RuleIn(indicator="spread", op=Op.LE, threshold=20.0, aggregate=Aggregate.ALL)
    update_claim(session, claim_id=claim.id, data=ClaimUpdate(rule=rule), by="ana", clock=CLOCK)  # type: ignore[arg-type]
    assert all(s.retired_at == NOW for s in old)
    [edit] = [e for e in claim_events(session, claim_id=claim.id) if e.kind == "edit"]  # type: ignore[arg-type]
    assert edit.details["hindcasts_retired"] == {
        "ids": [s.id for s in old],
        "why": "computed for the claim's old rule",
        "recompute": f"predtrack rescore --hindcast --claim {claim.id}",
    }
    history, total = claim_history(session, claim_id=claim.id, limit=50, offset=0)  # type: ignore[arg-type]
    assert (history, total) == ([], 0)  # retired hindcasts are not the claim's line
    resolve_claim(
        session,
        claim_id=claim.id,  # type: ignore[arg-type]
        outcome="true",
        evidence="every month at most 20",
        resolved_by="ana",
        role=KeyRole.RESEARCHER,
        clock=CLOCK,
        resolved_on=date(2026, 11, 1),
    )
    assert track_record(session, by="method") == []  # the old rule's hindcasts are not scored
    assert hindcast_claim(session, claim_id=claim.id, clock=CLOCK, n_paths=100) == 5  # type: ignore[arg-type]
    new = [s for s in _snapshots(session, claim, SnapshotKind.HINDCAST) if s.retired_at is None]
    assert [s.at.date() for s in new] == [
        date(2024, 5, 1),
        date(2024, 5, 15),
        date(2024, 6, 15),
        date(2024, 7, 15),
        date(2024, 8, 15),
    ]
    assert all(s.inputs and s.inputs["rule"]["threshold"] == 20.0 for s in new)
    assert {g.method for g in track_record(session, by="method")} == {"model (hindcast)"}


def test_hindcast_all_reports_progress_and_skips_failures(session: Session) -> None:
    good = _spread_claim(session)
    bad = make_claim(session, made_on=MADE_ON, deadline=date(2026, 12, 31))
    bad.created_at = NOW
    indicator = session.exec(select(Indicator).where(Indicator.key == "spread")).one()
    link_rule(session, claim=bad, indicator=indicator, window_start="2026-06", window_end="2026-01")
    seen: list[tuple[int, int]] = []
    summary = hindcast_all(
        session,
        clock=CLOCK,
        n_paths=100,
        claim_ids=[good.id, bad.id],
        progress=lambda d, t: seen.append((d, t)),  # type: ignore[list-item]
    )
    assert summary.written == 3 and [c for c, _ in summary.failures] == [bad.id]
    assert seen == [(1, 2), (2, 2)]


def test_the_seed_gets_the_hindcast_model_beside_the_articles_stated_confidence(session: Session) -> None:
    from predictions.claims.resolve import resolve_claim
    from predictions.ledger.tables import KeyRole
    from predictions.seed.seed import load_seed

    load_seed(session, clock=CLOCK)
    hindcast_all(session, clock=CLOCK, n_paths=100)
    court = session.exec(select(Claim).where(col(Claim.statement).contains("court case"))).one()
    assert court.stated_probability is not None  # the article's unhedged "will"
    resolve_claim(
        session,
        claim_id=court.id,  # type: ignore[arg-type]
        outcome="true",
        evidence="a case was accepted",
        resolved_by="ana",
        role=KeyRole.RESEARCHER,
        clock=CLOCK,
        resolved_on=date(2025, 6, 1),
    )
    groups = {g.method: g.summary for g in track_record(session, by="method")}
    assert groups["base_rate (hindcast)"].n == 1 and groups["stated_confidence"].n == 1
    # The base rate said its prior, 35%, on the article's date; the article said "will".
    assert groups["base_rate (hindcast)"].brier == pytest.approx((1 - 0.35) ** 2)
