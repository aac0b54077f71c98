import logging
from datetime import UTC, date, datetime, timedelta

import numpy as np
import pytest
from sqlmodel import Session, col, select

import forecasts
from forecasts.periods import Frequency
from forecasts.rules import Aggregate, Op
from forecasts.types import Series
from predictions import rescore
from predictions.claims.audit_trail import claim_events
from predictions.claims.resolve import resolve_claim, unresolve_claim
from predictions.data.ingest import BatchIn, ObservationIn, create_indicator, ingest_batches
from predictions.digest.digest import biggest_moves
from predictions.ledger.clock import FixedClock
from predictions.ledger.errors import NotFound
from predictions.ledger.tables import (
    Claim,
    ClaimIndicator,
    ClaimStatus,
    Indicator,
    KeyRole,
    LinkRole,
    Observation,
    Outcome,
    ProbabilitySnapshot,
    RescoreRequest,
    Resolution,
)
from predictions.rescore import (
    RescoreOutcome,
    process_pending,
    recompute_snapshot,
    rescore_all,
    rescore_claim,
    sweep_deadlines,
)
from predictions.scoring.track_record import counts_in_scores, cutoff_for
from tests.factories import T0, add_observations, link_rule, make_claim, make_indicator

NOW = T0 + timedelta(days=1)
CLOCK = FixedClock(NOW)


def _snapshots(session: Session, claim: Claim) -> list[ProbabilitySnapshot]:
    query = select(ProbabilitySnapshot).where(ProbabilitySnapshot.claim_id == claim.id)
    return list(session.exec(query.order_by(col(ProbabilitySnapshot.id))).all())


def _history(n: int = 240, level: float = 5.0, seed: int = 1) -> list[float]:
    rng = np.random.default_rng(seed)
    return list(level + np.cumsum(rng.normal(0, 0.1, n)))


def _rule_claim(session: Session, *, key: str = "m2_yoy", threshold: float = 5.0, **rule: object) -> Claim:
    """A claim on a 240-month indicator ending 2025-12, decided by its value in 2026-06."""
    indicator = make_indicator(session, key=key)
    add_observations(session, indicator=indicator, start="2006-01", values=_history())
    claim = make_claim(session, made_on=date(2025, 6, 1), deadline=date(2026, 6, 30))
    link_rule(session, claim=claim, indicator=indicator, op=Op.GT, threshold=threshold, **rule)  # type: ignore[arg-type]
    return claim


def _count_forecasts(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The horizon of every forecast run from now on, in order."""
    calls: list[int] = []
    real = forecasts.forecast

    def counting(series, h, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(h)
        return real(series, h, **kwargs)

    monkeypatch.setattr(forecasts, "forecast", counting)
    return calls


def test_rule_claim_gets_a_reproducible_snapshot(session: Session) -> None:
    claim = _rule_claim(session)
    outcome = rescore_claim(session, claim_id=claim.id, clock=CLOCK, reason="test", n_paths=500, seed=7)
    assert outcome.written and 0 < outcome.probability < 1  # type: ignore[operator]
    [snap] = _snapshots(session, claim)
    assert (
        snap.method == "model" and snap.model not in ("", "observed") and snap.model_version == forecasts.ENGINE_VERSION
    )
    assert snap.data_as_of == T0 and snap.seed == 7 and len(snap.inputs_hash) == 64
    assert snap.details["n_paths"] == 500 and snap.details["unobserved"] == 6 and snap.details["observed"] == 7
    # Worked out apart from the evaluation: the same engine, series, horizon (a monthly forecast runs 18 steps,
    # enough for the 6 to 2026-06), paths and seed; 2026-06 is the 6th step after 2025-12 (column 5).
    paths = forecasts.forecast(
        Series(np.array(_history()), Frequency.MONTHLY, date(2006, 1, 1), "m2_yoy"), 18, n_paths=500, seed=7
    ).paths
    k = int(np.sum(paths[:, 5] > 5.0))
    assert snap.details["k"] == k and snap.probability == (k + 0.5) / 501
    assert claim.probability == snap.probability and claim.probability_updated_at == NOW
    again = recompute_snapshot(session, snapshot_id=snap.id)  # type: ignore[arg-type]
    assert again.probability == snap.probability and again.inputs_hash == snap.inputs_hash


def test_rescore_with_nothing_new_writes_nothing_and_new_data_writes_one(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    claim = _rule_claim(session)
    rescore_claim(session, claim_id=claim.id, clock=CLOCK, reason="first", n_paths=200)
    later = FixedClock(NOW + timedelta(hours=1))
    calls = _count_forecasts(monkeypatch)
    again = rescore_claim(session, claim_id=claim.id, clock=later, reason="again", n_paths=200)
    assert calls == []  # nothing new: not even a forecast
    [only] = _snapshots(session, claim)
    assert again == RescoreOutcome(
        claim.id, only.probability, False, ClaimStatus.OPEN, f"nothing new since snapshot {only.id}"
    )  # type: ignore[arg-type]
    indicator = session.get(Indicator, _rule(session, claim).indicator_id)
    assert indicator is not None
    add_observations(session, indicator=indicator, start="2026-01", values=[9.0], as_of=NOW)
    outcome = rescore_claim(session, claim_id=claim.id, clock=later, reason="new data: m2_yoy 2026-01", n_paths=200)
    first, second = _snapshots(session, claim)
    assert outcome == RescoreOutcome(
        claim.id,
        second.probability,
        True,
        ClaimStatus.OPEN,
        "new data: m2_yoy 2026-01",
        second.id,
        "model",  # type: ignore[arg-type]
    )
    assert second.data_as_of == NOW and second.details["trigger"] == "new data: m2_yoy 2026-01"
    assert second.probability > first.probability  # a jump to 9 makes "> 5 in 2026-06" likelier
    # The reason says what arrived against what the previous forecast expected for that month, and what it did.
    median = first.details["forecast_medians"]["2026-01"]
    before = "<1%" if first.probability < 0.01 else f"{first.probability:.0%}"  # the ledger's floor reads "<1%"
    assert (
        second.reason
        == second.details["explanation"]
        == (
            f"{indicator.name} for 2026-01 came in at 9% (the forecast median was {median:.3g}%), so "
            f"P({indicator.name} above 5% in 2026-06) rose from {before} to {second.probability:.0%}."
        )
    )
    # The older snapshot still recomputes from the data known when it was taken.
    assert recompute_snapshot(session, snapshot_id=first.id).probability == first.probability  # type: ignore[arg-type]


def test_same_inputs_give_the_same_number_and_seed_matters(session: Session) -> None:
    claim = _rule_claim(session)
    a = rescore.evaluate_rule(session, claim=claim, rule=_rule(session, claim), as_of=NOW, n_paths=300, seed=3)
    b = rescore.evaluate_rule(session, claim=claim, rule=_rule(session, claim), as_of=NOW, n_paths=300, seed=3)
    c = rescore.evaluate_rule(session, claim=claim, rule=_rule(session, claim), as_of=NOW, n_paths=300, seed=4)
    assert a and b and c
    assert a.probability == b.probability and a.inputs_hash == b.inputs_hash
    assert c.inputs_hash != a.inputs_hash


def _rule(session: Session, claim: Claim) -> ClaimIndicator:
    return session.exec(select(ClaimIndicator).where(ClaimIndicator.claim_id == claim.id)).one()


def test_data_ending_before_the_window_starts(session: Session) -> None:
    indicator = make_indicator(session, key="early")
    add_observations(session, indicator=indicator, start="2020-01", values=[10.0] * 24)  # ends 2021-12
    claim = make_claim(session, made_on=date(2025, 1, 1), deadline=date(2025, 12, 31))
    link_rule(session, claim=claim, indicator=indicator, op=Op.GT, threshold=5.0, aggregate=Aggregate.ALL)
    outcome = rescore_claim(session, claim_id=claim.id, clock=CLOCK, reason="t", n_paths=200)
    [snap] = _snapshots(session, claim)
    assert snap.details["observed"] == 0 and snap.details["unobserved"] == 12
    # A constant series gets the labelled constant-series fallback: 10 with a narrow spread that grows over the
    # 12 unobserved months after a 36-month gap, so nearly (but not) every path stays above 5.
    assert snap.model == "naive (constant series)"
    assert 0.95 < outcome.probability < 200.5 / 201  # (k + 0.5) / (200 + 1) with k < 200
    assert claim.status == ClaimStatus.OPEN  # forecast certainty is not an observed settlement


def test_observed_data_settle_the_rule_and_resolve_the_claim(session: Session) -> None:
    indicator = make_indicator(session, key="unemp")
    rows = add_observations(session, indicator=indicator, start="2024-01", values=[4.0, 4.2, 6.3, 4.1])
    claim = make_claim(session, made_on=date(2024, 1, 15), deadline=date(2024, 12, 31))
    link_rule(session, claim=claim, indicator=indicator, op=Op.GT, threshold=6.0, aggregate=Aggregate.ANY)
    outcome = rescore_claim(session, claim_id=claim.id, clock=CLOCK, reason="new data", n_paths=100)
    assert outcome.written and outcome.status == ClaimStatus.RESOLVED_TRUE
    [resolution] = session.exec(select(Resolution).where(Resolution.claim_id == claim.id)).all()
    assert resolution.resolved_by == "auto" and resolution.outcome == Outcome.TRUE
    assert resolution.decisive_observation_id == rows[2].id
    assert resolution.resolved_on == rows[2].as_of.date()  # settled when the value became known
    assert "2024-03 = 6.3" in resolution.evidence and T0.isoformat() in resolution.evidence
    [snap] = _snapshots(session, claim)
    assert snap.model == "observed" and snap.details["settled"] is True and snap.probability == 100.5 / 101
    # Another re-score does not resolve twice.
    assert not rescore_claim(session, claim_id=claim.id, clock=CLOCK, reason="again", n_paths=100).written
    assert len(session.exec(select(Resolution).where(Resolution.claim_id == claim.id)).all()) == 1


def test_a_revision_that_flips_an_automatic_resolution_flags_the_claim(session: Session) -> None:
    indicator = make_indicator(session, key="cpi")
    add_observations(session, indicator=indicator, start="2024-01", values=[1.0, 2.0, 3.0])
    claim = make_claim(session, made_on=date(2024, 1, 1), deadline=date(2024, 3, 31))
    link_rule(session, claim=claim, indicator=indicator, op=Op.GE, threshold=2.5, aggregate=Aggregate.LAST)
    rescore_claim(session, claim_id=claim.id, clock=CLOCK, reason="data", n_paths=100)
    assert claim.status == ClaimStatus.RESOLVED_TRUE
    revised_at = NOW + timedelta(days=2)
    add_observations(session, indicator=indicator, start="2024-03", values=[2.4], as_of=revised_at)
    later = FixedClock(revised_at + timedelta(minutes=1))
    outcome = rescore_claim(session, claim_id=claim.id, clock=later, reason="new data: cpi 2024-03", n_paths=100)
    assert outcome.written
    assert claim.status == ClaimStatus.RESOLVED_TRUE  # history is not rewritten
    assert claim.needs_review and "cpi" in (claim.review_note or "") and "other way" in (claim.review_note or "")
    [resolution] = session.exec(select(Resolution).where(Resolution.claim_id == claim.id)).all()
    assert resolution.retracted_at is None
    last = _snapshots(session, claim)[-1]
    assert last.details["contradicts_resolution"] == resolution.id and "revision" in last.details["revision"]
    # The history says what moved the number: the revision of March, not a new value.
    assert (
        last.reason
        == "cpi for 2024-03 was revised from 3% to 2.4%, so P(cpi at or above 2.5% in 2024-03) fell from >99% to <1%."
    )
    assert last.probability == 0.5 / 101  # no path holds: (0 + 0.5) / (100 + 1)


def test_claims_without_data_use_the_base_rate_which_falls_only_with_a_check(session: Session) -> None:
    """Old behaviour caught: a year on, with nobody having looked, the base rate had fallen by the calendar."""
    claim = make_claim(session, made_on=date(2024, 1, 1), deadline=date(2025, 12, 31), prior=0.4)
    day1 = FixedClock(datetime(2024, 1, 1, 12, tzinfo=UTC))
    first = rescore_claim(session, claim_id=claim.id, clock=day1, reason="daily")
    assert first.written and first.method == "base_rate" and first.probability == 0.4
    a_year_on = FixedClock(datetime(2025, 1, 1, 12, tzinfo=UTC))
    unchanged = rescore_claim(session, claim_id=claim.id, clock=a_year_on, reason="daily")
    [snap] = _snapshots(session, claim)
    assert unchanged == RescoreOutcome(claim.id, 0.4, False, ClaimStatus.OPEN, f"nothing new since snapshot {snap.id}")  # type: ignore[arg-type]
    claim.checked_through = date(2024, 12, 31)
    second = rescore_claim(session, claim_id=claim.id, clock=a_year_on, reason="checked")
    assert second.written and second.probability < first.probability  # type: ignore[operator]
    snaps = _snapshots(session, claim)
    assert [s.model for s in snaps] == ["constant_hazard"] * 2
    assert recompute_snapshot(session, snapshot_id=snaps[1].id).probability == snaps[1].probability  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("aggregate", "model"), [(Aggregate.LAST, "constant_prior"), (Aggregate.ANY, "constant_hazard")]
)
def test_a_rule_without_data_keeps_its_prior_until_a_check(session: Session, aggregate: Aggregate, model: str) -> None:
    """Old behaviour caught: the `any` claim decayed by the calendar alone to < 0.01 with nobody looking.

    Made 2024-01-01, deadline 2026-12-31 (life 1096 days, both ends included), prior 0.15. Nearly three years
    later and unchecked, both stay at 0.15. A check through 2025-07-02 (549 days seen, 547 left) moves only the
    event (`any`) claim: 1 - 0.85 ** (547 / 1096) = 0.077909; the state (`last`) claim keeps its prior.
    """
    claim = make_claim(session, made_on=date(2024, 1, 1), deadline=date(2026, 12, 31), prior=0.15)
    indicator = make_indicator(session, key=f"no_data_{aggregate.value}", frequency=Frequency.ANNUAL)
    link_rule(session, claim=claim, indicator=indicator, op=Op.GT, threshold=70, aggregate=aggregate)
    early = rescore_claim(session, claim_id=claim.id, clock=FixedClock(datetime(2024, 1, 2, tzinfo=UTC)), reason="t")
    late = rescore_claim(session, claim_id=claim.id, clock=FixedClock(datetime(2026, 11, 28, tzinfo=UTC)), reason="t")
    assert early.probability == 0.15 and not late.written and claim.probability == 0.15
    assert _snapshots(session, claim)[-1].model == model
    claim.checked_through = date(2025, 7, 2)
    checked = rescore_claim(
        session, claim_id=claim.id, clock=FixedClock(datetime(2026, 11, 28, tzinfo=UTC)), reason="c"
    )
    if aggregate is Aggregate.ANY:
        assert checked.written and checked.probability == pytest.approx(1 - 0.85 ** (547 / 1096), abs=1e-12)
        assert _snapshots(session, claim)[-1].details["checked_through"] == "2025-07-02"
    else:
        assert not checked.written and claim.probability == 0.15


def test_claims_with_neither_rule_nor_prior_get_no_snapshot(session: Session) -> None:
    claim = make_claim(session)
    outcome = rescore_claim(session, claim_id=claim.id, clock=CLOCK, reason="t")
    note = "no probability: it has no deciding rule and it has no prior"
    assert outcome == RescoreOutcome(claim.id, None, False, ClaimStatus.OPEN, note)  # type: ignore[arg-type]
    assert _snapshots(session, claim) == []
    ruled = make_claim(session)
    link_rule(session, claim=ruled, indicator=make_indicator(session, key="empty"))
    outcome = rescore_claim(session, claim_id=ruled.id, clock=CLOCK, reason="t")  # type: ignore[arg-type]
    note = "no probability: its indicator has no data yet and it has no prior"
    assert outcome == RescoreOutcome(ruled.id, None, False, ClaimStatus.OPEN, note)  # type: ignore[arg-type]


def test_unknown_claim_is_not_found(session: Session) -> None:
    with pytest.raises(NotFound, match=r"^claim 999999 does not exist$"):
        rescore_claim(session, claim_id=999999, clock=CLOCK, reason="t")


def test_claims_resolved_by_hand_or_annulled_are_left_alone(session: Session) -> None:
    manual = make_claim(session, prior=0.3, status=ClaimStatus.RESOLVED_FALSE)
    session.add(
        Resolution(
            claim_id=manual.id,
            outcome=Outcome.FALSE,
            resolved_on=date(2025, 1, 1),
            evidence="court ruling",
            resolved_by="alice",
        )  # fmt: skip
    )
    annulled = make_claim(session, prior=0.3, status=ClaimStatus.ANNULLED)
    session.flush()
    for claim, note in (
        (manual, "the claim was resolved by hand; it is not re-scored"),
        (annulled, "the claim is annulled; it is not re-scored"),
    ):
        assert claim.id is not None
        outcome = rescore_claim(session, claim_id=claim.id, clock=CLOCK, reason="t")
        assert outcome == RescoreOutcome(claim.id, None, False, ClaimStatus(claim.status), note)
    assert _snapshots(session, manual) == [] and _snapshots(session, annulled) == []


def test_process_pending_coalesces_requests_and_marks_them_done(session: Session) -> None:
    claim = _rule_claim(session)
    rule = _rule(session, claim)
    other = make_claim(session, prior=0.2)
    session.add(ClaimIndicator(claim_id=other.id, indicator_id=rule.indicator_id, role=LinkRole.LEADING))  # type: ignore[arg-type]
    for period in ("2025-11", "2025-12"):
        session.add(
            RescoreRequest(indicator_id=rule.indicator_id, reason=f"new data: m2_yoy {period}", requested_at=T0)
        )
    session.add(RescoreRequest(claim_id=claim.id, reason="rule edited", requested_at=T0))
    session.flush()
    summary = process_pending(session, clock=CLOCK, n_paths=100)
    assert summary.requests >= 3 and summary.failures == []
    assert len(_snapshots(session, other)) == 1  # the leading-indicator claim was re-scored too
    [snap] = _snapshots(session, claim)
    assert snap.reason == "new data: m2_yoy 2025-11; new data: m2_yoy 2025-12; rule edited"
    pending = session.exec(select(RescoreRequest).where(col(RescoreRequest.done_at).is_(None))).all()
    assert pending == []
    assert process_pending(session, clock=CLOCK, n_paths=100).requests == 0


def test_a_failing_claim_does_not_block_the_others(session: Session) -> None:
    good = _rule_claim(session)
    bad = make_claim(session, made_on=date(2025, 6, 1), deadline=date(2026, 6, 30))
    indicator = session.get(Indicator, _rule(session, good).indicator_id)
    assert indicator is not None
    link_rule(session, claim=bad, indicator=indicator, window_start="2026-06", window_end="2026-01")
    summary = rescore_all(session, clock=CLOCK, n_paths=100, claim_ids=[good.id, bad.id])  # type: ignore[list-item]
    assert summary.written == 1 and [claim_id for claim_id, _ in summary.failures] == [bad.id]
    assert "ends (2026-01) before it starts (2026-06)" in summary.failures[0][1]
    assert len(_snapshots(session, good)) == 1 and _snapshots(session, bad) == []


def test_rescore_all_forecasts_each_indicator_once_and_reports_progress(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    claim = _rule_claim(session)
    twin = make_claim(session, made_on=date(2025, 6, 1), deadline=date(2026, 3, 31))
    indicator = session.get(Indicator, _rule(session, claim).indicator_id)
    assert indicator is not None
    link_rule(session, claim=twin, indicator=indicator, threshold=5.5)
    calls = _count_forecasts(monkeypatch)
    seen: list[tuple[int, int]] = []
    summary = rescore_all(
        session,
        clock=CLOCK,
        n_paths=100,
        claim_ids=[claim.id, twin.id],  # type: ignore[list-item]
        progress=lambda done, total: seen.append((done, total)),
    )
    assert summary.written == 2 and calls == [18]
    assert seen == [(1, 2), (2, 2)]


def test_deadline_sweep(session: Session) -> None:
    past = make_claim(session, made_on=date(2024, 1, 1), deadline=date(2025, 12, 31))
    future = make_claim(session, made_on=date(2024, 1, 1), deadline=date(2026, 1, 2))
    done = make_claim(session, made_on=date(2024, 1, 1), deadline=date(2025, 1, 1), status=ClaimStatus.RESOLVED_TRUE)
    assert sweep_deadlines(session, clock=CLOCK) == [past.id]  # NOW is 2026-01-02
    assert past.status == ClaimStatus.AWAITING_RESOLUTION
    assert future.status == ClaimStatus.OPEN and done.status == ClaimStatus.RESOLVED_TRUE


def test_an_unchecked_claim_past_its_deadline_awaits_resolution_at_its_prior(session: Session) -> None:
    """Old behaviour caught: past the deadline the claim fell to the 0.001 floor, as if watched every day.

    Made 2024-01-01, deadline 2024-12-31 (life 366 days, both ends included), prior 0.4. Unchecked, it stays 0.4
    after the deadline and awaits resolution. Checked through 2024-07-01 (183 days seen, 183 left):
    1 - 0.6 ** (1 / 2) = 0.225403, and that number stays (no decay) while the claim awaits a researcher.
    """
    claim = make_claim(session, made_on=date(2024, 1, 1), deadline=date(2024, 12, 31), prior=0.4)
    after = FixedClock(datetime(2025, 2, 1, tzinfo=UTC))
    first = rescore_claim(session, claim_id=claim.id, clock=after, reason="a")
    assert first.written and first.probability == 0.4
    assert sweep_deadlines(session, clock=after) == [claim.id]
    assert claim.status == ClaimStatus.AWAITING_RESOLUTION
    later = FixedClock(datetime(2025, 9, 1, tzinfo=UTC))
    assert not rescore_claim(session, claim_id=claim.id, clock=later, reason="b").written
    claim.checked_through = date(2024, 7, 1)
    checked = rescore_claim(session, claim_id=claim.id, clock=later, reason="checked")
    assert checked.written and checked.probability == pytest.approx(1 - 0.6**0.5, abs=1e-12)
    much_later = FixedClock(datetime(2026, 9, 1, tzinfo=UTC))
    assert not rescore_claim(session, claim_id=claim.id, clock=much_later, reason="c").written
    assert claim.probability == checked.probability and len(_snapshots(session, claim)) == 2
    snap = _snapshots(session, claim)[-1]
    assert recompute_snapshot(session, snapshot_id=snap.id).probability == snap.probability  # type: ignore[arg-type]


def _quarter_claim(session: Session, *, made_on: date, key: str) -> Claim:
    """mean over 2025-01..2025-03 > 1; the values 2, 2, 2 arrive out of order: 2025-02 last, on May 1."""
    indicator = make_indicator(session, key=key)
    for period, month, day in (("2025-01", 2, 15), ("2025-03", 4, 15), ("2025-02", 5, 1)):
        known = datetime(2025, month, day, tzinfo=UTC)
        add_observations(session, indicator=indicator, start=period, values=[2.0], as_of=known)
    claim = make_claim(session, made_on=made_on, deadline=date(2025, 12, 31))
    link_rule(
        session, claim=claim, indicator=indicator, threshold=1.0, aggregate=Aggregate.MEAN,
        window_start="2025-01", window_end="2025-03",
    )  # fmt: skip
    return claim


def test_an_automatic_resolution_is_dated_when_the_value_completing_the_window_arrived(
    session: Session, caplog: pytest.LogCaptureFixture
) -> None:
    """Old behaviour caught: dated by the last period's vintage (2025-03, known Apr 15), not by 2025-02 (May 1)."""
    caplog.set_level(logging.INFO, logger="predictions.rescore.resolution")
    claim = _quarter_claim(session, made_on=date(2025, 1, 1), key="late_february")
    june = datetime(2025, 6, 1, tzinfo=UTC)
    rescore_claim(session, claim_id=claim.id, clock=FixedClock(june), reason="t")  # type: ignore[arg-type]
    [resolution] = session.exec(select(Resolution).where(Resolution.claim_id == claim.id)).all()
    assert resolution.outcome is Outcome.TRUE and resolution.resolved_on == date(2025, 5, 1)
    evidence = (
        "late_february 2025-02 = 2 (as of 2025-05-01T00:00:00+00:00) completes the window and settles the rule "
        "mean > 1 over 2025-01..2025-03: true"
    )
    february = session.get(Observation, resolution.decisive_observation_id)
    assert february is not None and (february.period_start, february.value) == (date(2025, 2, 1), 2.0)
    assert (resolution.evidence, resolution.resolved_by, resolution.created_at) == (evidence, "auto", june)
    assert claim.status is ClaimStatus.RESOLVED_TRUE and not claim.needs_review
    [event] = claim_events(session, claim_id=claim.id)  # type: ignore[arg-type]
    details = {"outcome": "true", "resolved_on": "2025-05-01", "resolution_id": resolution.id, "evidence": evidence}
    assert (event.kind, event.by, event.at, event.details) == ("auto_resolve", "auto", june, details)
    assert f"claim {claim.id} resolved automatically: {evidence}" in caplog.messages


def test_a_claim_made_after_the_data_settled_it_resolves_truthfully_and_is_flagged(session: Session) -> None:
    """Old behaviour caught: resolved with no flag, though its outcome was known on May 1, before made_on Jun 1."""
    claim = _quarter_claim(session, made_on=date(2025, 6, 1), key="known_before")
    rescore_claim(session, claim_id=claim.id, clock=FixedClock(datetime(2025, 6, 2, tzinfo=UTC)), reason="t")  # type: ignore[arg-type]
    assert claim.status is ClaimStatus.RESOLVED_TRUE and claim.needs_review
    note = (
        "made after its outcome was known: the data settled it on 2025-05-01, before the claim was made "
        "(2025-06-01); resolved truthfully, but left out of every score"
    )
    assert claim.review_note == note
    events = [(e.kind, e.by, e.at) for e in claim_events(session, claim_id=claim.id)]  # type: ignore[arg-type]
    assert events == [
        ("auto_resolve", "auto", datetime(2025, 6, 2, tzinfo=UTC)),
        ("flag", "auto", datetime(2025, 6, 2, tzinfo=UTC)),
    ]


def test_a_claim_made_the_day_its_outcome_was_published_at_midnight_is_flagged_and_left_out(session: Session) -> None:
    """Old behaviour caught: known at 00:00 of made_on, it was left out of the track record (a cutoff not after
    the start of made_on) without the flag that says why."""
    claim = _quarter_claim(session, made_on=date(2025, 5, 1), key="known_at_midnight")  # 2025-02 arrives May 1, 00:00
    rescore_claim(session, claim_id=claim.id, clock=FixedClock(datetime(2025, 5, 2, tzinfo=UTC)), reason="t")  # type: ignore[arg-type]
    assert claim.status is ClaimStatus.RESOLVED_TRUE and claim.needs_review
    assert (claim.review_note or "").startswith("made after its outcome was known: the data settled it on 2025-05-01")
    [resolution] = session.exec(select(Resolution).where(Resolution.claim_id == claim.id)).all()
    cutoff = cutoff_for(session, claim=claim, resolution=resolution)
    assert cutoff == datetime(2025, 5, 1, tzinfo=UTC)
    assert not counts_in_scores(claim=claim, resolution=resolution, cutoff=cutoff)


def test_after_an_admin_un_resolves_an_automatic_resolution_new_data_re_scores_but_never_re_resolves(
    session: Session,
) -> None:
    """Old behaviour caught: the next data (a revision of 2025-03) silently resolved the claim true again."""
    claim = _quarter_claim(session, made_on=date(2025, 1, 1), key="decisions_stick")
    rescore_claim(session, claim_id=claim.id, clock=FixedClock(datetime(2025, 6, 1, tzinfo=UTC)), reason="t")  # type: ignore[arg-type]
    assert claim.status is ClaimStatus.RESOLVED_TRUE
    unresolve_claim(
        session,
        claim_id=claim.id,  # type: ignore[arg-type]
        reason="the source was withdrawn",
        retracted_by="root",
        clock=FixedClock(datetime(2025, 6, 2, tzinfo=UTC)),
    )
    assert claim.status is ClaimStatus.OPEN and claim.needs_review and "un-resolved" in (claim.review_note or "")
    indicator = session.get(Indicator, _rule(session, claim).indicator_id)
    add_observations(
        session, indicator=indicator, start="2025-03", values=[2.5], as_of=datetime(2025, 6, 3, tzinfo=UTC)
    )  # type: ignore[arg-type]
    again = rescore_claim(session, claim_id=claim.id, clock=FixedClock(datetime(2025, 6, 4, tzinfo=UTC)), reason="r")  # type: ignore[arg-type]
    assert again.written and again.status is ClaimStatus.OPEN and claim.needs_review
    assert again.note == "r; the data settle it, but an admin un-resolved its automatic resolution: left for review"
    live = session.exec(
        select(Resolution).where(Resolution.claim_id == claim.id, col(Resolution.retracted_at).is_(None))
    )
    assert live.all() == []
    resolve_claim(
        session,
        claim_id=claim.id,  # type: ignore[arg-type]
        outcome="true",
        evidence="reviewed: the revised figures hold",
        resolved_by="root",
        role=KeyRole.ADMIN,
        clock=FixedClock(datetime(2025, 6, 5, tzinfo=UTC)),
        resolved_on=date(2025, 6, 3),
    )
    assert claim.status is ClaimStatus.RESOLVED_TRUE and not claim.needs_review and claim.review_note is None
    events = claim_events(session, claim_id=claim.id)  # type: ignore[arg-type]
    assert [(e.kind, e.by) for e in events] == [
        ("auto_resolve", "auto"),
        ("unresolve", "root"),
        ("flag", "root"),
        ("resolve", "root"),
    ]
    assert events[1].details["reason"] == "the source was withdrawn" and events[1].details["resolved_by"] == "auto"
    assert events[3].details["outcome"] == "true" and "un-resolved" in events[3].details["review_cleared"]


def test_a_derived_spread_of_exactly_6_resolves_a_rule_at_most_6_true(session: Session) -> None:
    """Old behaviour caught: 8.3 - 2.3 was stored as 6.000000000000001, so `last <= 6` resolved false, "= 6"."""
    clock = FixedClock(datetime(2025, 2, 20, tzinfo=UTC))
    for key in ("m2_yoy", "m1_yoy"):
        create_indicator(session, key=key, name=key, frequency="M", clock=clock)
    create_indicator(session, key="spread", name="spread", frequency="M", formula="m2_yoy - m1_yoy", clock=clock)
    batches = [
        BatchIn(indicator=key, observations=[ObservationIn(period="2025-01", value=value)])
        for key, value in (("m2_yoy", 8.3), ("m1_yoy", 2.3))
    ]
    ingest_batches(session, batches=batches, clock=clock)
    spread = session.exec(select(Indicator).where(Indicator.key == "spread")).one()
    claim = make_claim(session, made_on=date(2024, 12, 1), deadline=date(2025, 1, 31))
    link_rule(session, claim=claim, indicator=spread, op=Op.LE, threshold=6.0, window_start="2025-01")
    rescore_claim(session, claim_id=claim.id, clock=clock, reason="t")  # type: ignore[arg-type]
    [resolution] = session.exec(select(Resolution).where(Resolution.claim_id == claim.id)).all()
    assert resolution.outcome is Outcome.TRUE and claim.status is ClaimStatus.RESOLVED_TRUE
    assert resolution.evidence.startswith("spread 2025-01 = 6 (as of 2025-02-20T00:00:00+00:00) settles the rule")
    assert "last <= 6 over 2025-01..2025-01: true" in resolution.evidence
    [snap] = _snapshots(session, claim)  # the defaults: 1000 paths, all passing, and seed 0
    assert (snap.probability, snap.seed) == (1000.5 / 1001, 0)


def test_a_missing_last_period_is_simulated_so_a_rule_and_its_complement_sum_to_one(session: Session) -> None:
    """Old behaviour caught: 2025-06 missing inside a past window made `last > x` and `last <= x` both ~0.0005.

    With k of n paths above x, the two snapshots are (k + 0.5) / (n + 1) and (n - k + 0.5) / (n + 1): they sum to 1.
    """
    indicator = make_indicator(session, key="with_a_gap")
    values = _history()
    add_observations(session, indicator=indicator, start="2006-01", values=values[:233])  # up to 2025-05
    add_observations(session, indicator=indicator, start="2025-07", values=values[234:])  # 2025-06 is missing
    threshold = values[232]  # the 2025-05 value: the gap is about as likely above it as below
    probabilities = []
    for op in (Op.GT, Op.LE):
        claim = make_claim(session, made_on=date(2025, 1, 1), deadline=date(2025, 6, 30))
        link_rule(session, claim=claim, indicator=indicator, op=op, threshold=threshold)
        outcome = rescore_claim(session, claim_id=claim.id, clock=CLOCK, reason="t", n_paths=200)  # type: ignore[arg-type]
        [snap] = _snapshots(session, claim)
        assert snap.details["gaps"] == ["2025-06"] and snap.model != "observed" and claim.status is ClaimStatus.OPEN
        probabilities.append(outcome.probability)
    assert probabilities[0] + probabilities[1] == pytest.approx(1.0)  # type: ignore[operator]
    assert 0.1 < probabilities[0] < 0.9  # type: ignore[operator]


@pytest.mark.parametrize(
    ("aggregate", "values", "old"),
    [
        (Aggregate.ALL, [6.0, 7.0, 8.0, 9.0], "every path passed: (200 + 0.5) / 201"),
        (Aggregate.ANY, [1.0, 2.0, 3.0, 4.0], "no path passed: (0 + 0.5) / 201"),
        (Aggregate.MEAN, [6.0, 7.0, 8.0, 9.0], "the mean of the known four, 7.5 > 5: (200 + 0.5) / 201"),
    ],
)
def test_periods_before_the_series_first_value_are_unknown_not_evidence(
    session: Session, aggregate: Aggregate, values: list[float], old: str
) -> None:
    """Old behaviour caught (``old``): January and February 2025, before the series' first value (2025-03), were
    read as passes (all), as "no event" (any) or dropped (mean).

    Window 2025-01..2025-06, ``> 5``. The two unknown months could make or break the rule on every path (each
    could be +inf or -inf), so each of the 200 paths counts 1/2: k = 100, P = (100 + 0.5) / 201 = 0.5 exactly,
    and the rule is not settled though every month of the window is past.
    """
    indicator = make_indicator(session, key=f"new_series_{aggregate.value}")
    add_observations(session, indicator=indicator, start="2025-03", values=values)
    claim = make_claim(session, made_on=date(2025, 1, 15), deadline=date(2025, 6, 30))
    link_rule(session, claim=claim, indicator=indicator, op=Op.GT, threshold=5.0, aggregate=aggregate)
    outcome = rescore_claim(session, claim_id=claim.id, clock=CLOCK, reason="t", n_paths=200)
    [snap] = _snapshots(session, claim)
    assert outcome.probability == 0.5 and snap.details["k"] == 100 and snap.details["undetermined_paths"] == 200
    assert snap.details["unknown_periods"] == ["2025-01", "2025-02"] and snap.details["settled"] is None
    assert claim.status == ClaimStatus.OPEN and not session.exec(select(Resolution)).all()


def test_a_known_pass_settles_any_whatever_the_unknown_periods_were(session: Session) -> None:
    """`any > 5` over 2025-01..2025-06 with 2025-03..2025-05 known at 1 (the series starts 2025-03): June is
    simulated from a constant series at 1 (the labelled constant-series fallback), so no path passes there and
    every path rests on the unknown January and February: P = 1/2 exactly. Once June is in at 9, the known value
    settles the rule whatever January and February were."""
    indicator = make_indicator(session, key="new_series_any")
    add_observations(session, indicator=indicator, start="2025-03", values=[1.0, 1.0, 1.0])
    claim = make_claim(session, made_on=date(2025, 1, 15), deadline=date(2025, 6, 30))
    link_rule(session, claim=claim, indicator=indicator, op=Op.GT, threshold=5.0, aggregate=Aggregate.ANY)
    first = rescore_claim(session, claim_id=claim.id, clock=CLOCK, reason="t", n_paths=200)
    assert first.probability == 0.5 and claim.status == ClaimStatus.OPEN
    add_observations(session, indicator=indicator, start="2025-06", values=[9.0], as_of=NOW)
    later = FixedClock(NOW + timedelta(hours=1))
    second = rescore_claim(session, claim_id=claim.id, clock=later, reason="t", n_paths=200)
    assert second.probability == 200.5 / 201 and claim.status == ClaimStatus.RESOLVED_TRUE


def test_a_last_rule_is_settled_and_dated_by_its_final_period_alone(session: Session) -> None:
    """Old behaviour caught: a `last` over 2025-01..2025-03 waited for the missing January (a gap) and, once the
    window was complete, was dated by the latest value to arrive (February's, a day after March's).

    March = 9 > 5 arrived at T0: the claim is settled true, and dated T0, by March alone.
    """
    indicator = make_indicator(session, key="last_rule")
    add_observations(session, indicator=indicator, start="2024-01", values=[4.0] * 12)  # through 2024-12
    [march] = add_observations(session, indicator=indicator, start="2025-03", values=[9.0], as_of=T0)
    claim = _last_in_march_above_5(session, indicator)
    outcome = rescore_claim(session, claim_id=claim.id, clock=CLOCK, reason="t", n_paths=100)
    assert outcome.status == ClaimStatus.RESOLVED_TRUE and outcome.probability == 100.5 / 101
    [resolution] = session.exec(select(Resolution).where(Resolution.claim_id == claim.id)).all()
    assert resolution.decisive_observation_id == march.id and resolution.resolved_on == T0.date()


def test_a_last_rule_is_not_dated_by_a_later_value_of_an_earlier_period(session: Session) -> None:
    indicator = make_indicator(session, key="last_rule_dated")
    add_observations(session, indicator=indicator, start="2024-01", values=[4.0] * 13)  # through 2025-01
    [march] = add_observations(session, indicator=indicator, start="2025-03", values=[9.0], as_of=T0)
    add_observations(session, indicator=indicator, start="2025-02", values=[2.0], as_of=T0 + timedelta(days=1))
    claim = _last_in_march_above_5(session, indicator)
    later = FixedClock(T0 + timedelta(days=2))
    assert rescore_claim(session, claim_id=claim.id, clock=later, reason="t", n_paths=100).written
    [resolution] = session.exec(select(Resolution).where(Resolution.claim_id == claim.id)).all()
    # March's value settled it at T0; February's arrival a day later decides nothing.
    assert resolution.decisive_observation_id == march.id and resolution.resolved_on == T0.date()
    assert "2025-03 = 9" in resolution.evidence


def _last_in_march_above_5(session: Session, indicator: Indicator) -> Claim:
    """A claim whose rule is `last > 5` over 2025-01..2025-03: only March decides."""
    claim = make_claim(session, made_on=date(2024, 12, 1), deadline=date(2025, 3, 31))
    link_rule(
        session,
        claim=claim,
        indicator=indicator,
        op=Op.GT,
        threshold=5.0,
        aggregate=Aggregate.LAST,
        window_start="2025-01",
        window_end="2025-03",
    )
    return claim


def test_a_revision_that_moved_the_probability_is_named_not_the_new_value(session: Session) -> None:
    """Old behaviour caught: the sentence said "2025-11 came in at 20%" and blamed it for the fall, though the
    revision of August (20 -> 4, below 5) in the same release moved the probability and the new value did not.

    `all > 5` over 2025-08..2025-12 on a series flat at 20: every path stays above 5 (>99%). The release brings
    November at 20 (the forecast median was 20) and revises August to 4: the rule is broken (<1%). November alone,
    with August at its old 20, leaves every path above 5: >99%.
    """
    indicator = make_indicator(session, key="flat_series")
    add_observations(session, indicator=indicator, start="2023-11", values=[20.0] * 24)  # through 2025-10
    claim = make_claim(session, made_on=date(2025, 7, 15), deadline=date(2025, 12, 31))
    link_rule(
        session,
        claim=claim,
        indicator=indicator,
        op=Op.GT,
        threshold=5.0,
        aggregate=Aggregate.ALL,
        window_start="2025-08",
        window_end="2025-12",
    )
    first = rescore_claim(session, claim_id=claim.id, clock=CLOCK, reason="t", n_paths=200)
    assert first.probability == 200.5 / 201
    release = NOW + timedelta(hours=1)
    add_observations(session, indicator=indicator, start="2025-11", values=[20.0], as_of=release)
    add_observations(session, indicator=indicator, start="2025-08", values=[4.0], as_of=release)
    later = FixedClock(release + timedelta(minutes=5))
    second = rescore_claim(session, claim_id=claim.id, clock=later, reason="new data: flat_series", n_paths=200)
    assert second.probability == 0.5 / 201
    expected = (
        "flat series for 2025-08 was revised from 20% to 4%, so P(flat series above 5% in every period of 2025-08 "
        "to 2025-12) fell from >99% to <1%; flat series for 2025-11 came in at 20% (the forecast median was 20%), "
        "which alone left it at >99%."
    )
    latest = _snapshots(session, claim)[-1]
    assert latest.reason == latest.details["explanation"] == expected  # the history shows it
    [move] = biggest_moves(session, start=NOW - timedelta(days=1), end=NOW + timedelta(days=1), claim_ids=None)
    assert move.sentence == expected  # and so does the digest


def _march_at_or_above_2_5(session: Session) -> tuple[Claim, int, Indicator, Resolution]:
    """`last >= 2.5` over 2024-01..2024-03; March = 3 (known at T0) resolves it true on a re-score at NOW, seed 3."""
    indicator = make_indicator(session, key="cpi")
    add_observations(session, indicator=indicator, start="2024-01", values=[1.0, 2.0, 3.0])
    claim = make_claim(session, made_on=date(2024, 1, 1), deadline=date(2024, 3, 31))
    assert claim.id is not None
    link_rule(session, claim=claim, indicator=indicator, op=Op.GE, threshold=2.5, aggregate=Aggregate.LAST)
    rescore_claim(session, claim_id=claim.id, clock=CLOCK, reason="data", n_paths=100, seed=3)
    [resolution] = session.exec(select(Resolution).where(Resolution.claim_id == claim.id)).all()
    assert claim.status is ClaimStatus.RESOLVED_TRUE and claim.probability == 100.5 / 101
    return claim, claim.id, indicator, resolution


def _flags(session: Session, claim_id: int) -> list[tuple[str, dict[str, object]]]:
    return [(e.by, e.details) for e in claim_events(session, claim_id=claim_id) if e.kind == "flag"]


def test_a_revision_that_keeps_an_automatic_resolution_changes_nothing(session: Session) -> None:
    claim, claim_id, indicator, resolution = _march_at_or_above_2_5(session)
    add_observations(session, indicator=indicator, start="2024-03", values=[2.9], as_of=NOW + timedelta(days=2))
    later = FixedClock(NOW + timedelta(days=3))
    outcome = rescore_claim(session, claim_id=claim_id, clock=later, reason="new data: cpi 2024-03", n_paths=100)
    note = f"resolved automatically (resolution {resolution.id}); the data still agree"
    assert outcome == RescoreOutcome(claim_id, 100.5 / 101, False, ClaimStatus.RESOLVED_TRUE, note)
    assert len(_snapshots(session, claim)) == 1 and not claim.needs_review


def test_a_contradicting_revision_is_recorded_once_with_what_it_says(session: Session) -> None:
    claim, claim_id, indicator, resolution = _march_at_or_above_2_5(session)
    revised_at = datetime(2026, 1, 4, tzinfo=UTC)  # NOW + 2 days
    add_observations(session, indicator=indicator, start="2024-03", values=[2.4], as_of=revised_at)
    later = FixedClock(revised_at + timedelta(minutes=1))
    outcome = rescore_claim(session, claim_id=claim_id, clock=later, reason="new data", n_paths=100, seed=3)
    # No path holds now: P = (0 + 0.5) / 101 = 0.00495..., written with four decimals.
    note = (
        f"revision: cpi as of 2026-01-04T00:00:00+00:00 would now settle it the other way (P=0.0050); the automatic "
        f"resolution {resolution.id} (true) is kept until a researcher reviews it"
    )
    last = _snapshots(session, claim)[-1]
    assert outcome == RescoreOutcome(claim_id, 0.5 / 101, True, ClaimStatus.RESOLVED_TRUE, note, last.id, "model")
    assert last.seed == 3 and last.details["trigger"] == f"new data; {note}"
    assert (last.details["contradicts_resolution"], last.details["revision"]) == (resolution.id, note)
    assert last.details["settled"] is False and last.details["k"] == 0  # the evaluation's own details are kept
    assert claim.needs_review and claim.review_note == note and _flags(session, claim_id) == [("auto", {"note": note})]
    # Asked again with nothing new: no second snapshot, no second flag.
    an_hour_on = FixedClock(revised_at + timedelta(hours=1))
    again = rescore_claim(session, claim_id=claim_id, clock=an_hour_on, reason="r", n_paths=100, seed=3)
    nothing = f"nothing new since snapshot {last.id}"
    assert again == RescoreOutcome(claim_id, 0.5 / 101, False, ClaimStatus.RESOLVED_TRUE, nothing)
    assert len(_snapshots(session, claim)) == 2 and len(_flags(session, claim_id)) == 1


def test_a_revision_that_unsettles_an_automatic_resolution_says_so(session: Session) -> None:
    # `any > 6` over 2024-01..2024-06: March = 6.3 settled it true; revised to 5, and May and June never came in,
    # so the data no longer settle it either way.
    indicator = make_indicator(session, key="unemp")
    add_observations(session, indicator=indicator, start="2024-01", values=[4.0, 4.2, 6.3, 4.1])
    claim = make_claim(session, made_on=date(2024, 1, 15), deadline=date(2024, 6, 30))
    assert claim.id is not None
    link_rule(session, claim=claim, indicator=indicator, op=Op.GT, threshold=6.0, aggregate=Aggregate.ANY)
    rescore_claim(session, claim_id=claim.id, clock=CLOCK, reason="data", n_paths=100)
    [resolution] = session.exec(select(Resolution).where(Resolution.claim_id == claim.id)).all()
    revised_at = datetime(2026, 1, 4, tzinfo=UTC)
    add_observations(session, indicator=indicator, start="2024-03", values=[5.0], as_of=revised_at)
    outcome = rescore_claim(session, claim_id=claim.id, clock=FixedClock(revised_at), reason="revision", n_paths=100)
    assert outcome.written and outcome.status is ClaimStatus.RESOLVED_TRUE and outcome.probability is not None
    assert outcome.note == (
        f"revision: unemp as of 2026-01-04T00:00:00+00:00 would now no longer settle it (P={outcome.probability:.4f}); "
        f"the automatic resolution {resolution.id} (true) is kept until a researcher reviews it"
    )


def test_an_automatic_resolution_false_says_so(session: Session) -> None:
    indicator = make_indicator(session, key="cpi")
    add_observations(session, indicator=indicator, start="2024-01", values=[1.0, 2.0, 2.0])
    claim = make_claim(session, made_on=date(2024, 1, 1), deadline=date(2024, 3, 31))
    link_rule(session, claim=claim, indicator=indicator, op=Op.GE, threshold=2.5, aggregate=Aggregate.LAST)
    outcome = rescore_claim(session, claim_id=claim.id, clock=CLOCK, reason="data", n_paths=100)  # type: ignore[arg-type]
    [resolution] = session.exec(select(Resolution).where(Resolution.claim_id == claim.id)).all()
    assert outcome.status is ClaimStatus.RESOLVED_FALSE and resolution.outcome is Outcome.FALSE
    assert resolution.evidence == (
        "cpi 2024-03 = 2 (as of 2026-01-01T00:00:00+00:00) settles the rule last >= 2.5 over 2024-01..2024-03: false"
    )


def test_a_re_score_sees_only_the_data_known_at_its_clock(session: Session) -> None:
    # `any > 6` over 2024-01..2024-03: March = 6.3 settles it, but it is published a day after NOW.
    indicator = make_indicator(session, key="unemp")
    add_observations(session, indicator=indicator, start="2024-01", values=[4.0, 4.2])
    published = NOW + timedelta(days=1)
    add_observations(session, indicator=indicator, start="2024-03", values=[6.3], as_of=published)
    claim = make_claim(session, made_on=date(2024, 1, 15), deadline=date(2024, 3, 31))
    assert claim.id is not None
    link_rule(session, claim=claim, indicator=indicator, op=Op.GT, threshold=6.0, aggregate=Aggregate.ANY)
    before = rescore_claim(session, claim_id=claim.id, clock=CLOCK, reason="t", n_paths=100)
    [snap] = _snapshots(session, claim)
    assert before.status is ClaimStatus.OPEN and snap.data_as_of == T0 and snap.details["observed"] == 2
    after = rescore_claim(session, claim_id=claim.id, clock=FixedClock(published), reason="t", n_paths=100)
    [resolution] = session.exec(select(Resolution).where(Resolution.claim_id == claim.id)).all()
    assert after.status is ClaimStatus.RESOLVED_TRUE and resolution.resolved_on == published.date()
