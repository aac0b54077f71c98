"""Conditional claims: scored only once the condition is met, annulled with the reason once it is known not met."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime

import pytest
from sqlmodel import Session, select

from forecasts.periods import Frequency
from forecasts.rules import Aggregate, Op
from predictions.claims.audit_trail import claim_events
from predictions.claims.claims import create_claim, get_claim
from predictions.claims.human_forecasts import add_forecast
from predictions.claims.resolve import resolve_claim, unresolve_claim
from predictions.ledger.clock import FixedClock
from predictions.ledger.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from predictions.ledger.schemas import ClaimCreate, ConditionDecision, RuleIn
from predictions.ledger.tables import (
    ClaimCondition,
    ClaimStatus,
    ConditionStatus,
    Indicator,
    KeyRole,
    LinkRole,
    Outcome,
    ProbabilitySnapshot,
    RescoreRequest,
    Resolution,
)
from predictions.rescore import RescoreOutcome, process_pending, rescore_claim, sweep_deadlines
from predictions.rescore.conditions import condition_link, decide_condition
from predictions.rescore.evaluation import ForecastCache
from predictions.scoring.track_record import track_record
from predictions.seed.seed import load_seed
from tests.factories import T0, add_observations, make_claim, make_indicator

NOW = datetime(2026, 11, 28, 12, tzinfo=UTC)
CLOCK = FixedClock(NOW)


def _claim(
    session: Session,
    *,
    condition_rule: RuleIn | None = None,
    deadline: date = date(2026, 12, 31),
    growth_as_of: datetime = T0,
    growth: tuple[float, ...] = (4.0, 5.5, 4.5),
) -> int:
    """Outcome: growth above 5 in some month of 2026 (by default already met by the data); condition: a recession."""
    growth_indicator = make_indicator(session, key="growth")
    add_observations(session, indicator=growth_indicator, start="2026-01", values=list(growth), as_of=growth_as_of)
    claim = create_claim(
        session,
        data=ClaimCreate(
            statement="If a recession starts, growth tops 5 in some month of 2026",
            quote="In a recession, growth will still top 5%.",
            author="A",
            made_on=date(2026, 1, 1),
            deadline=deadline,
            resolution_criteria="growth > 5 in any month of 2026, counted only if a recession starts",
            rule=RuleIn(
                indicator="growth", op=">", threshold=5, aggregate="any", window_start="2026-01", window_end="2026-12"
            ),
            condition="a recession starts in 2026",
            condition_rule=condition_rule,
            condition_prior=None if condition_rule else 0.2,
        ),
        clock=CLOCK,
    )
    assert claim.id is not None
    return claim.id


LATER = FixedClock(datetime(2026, 12, 2, 9, 30, tzinfo=UTC))


def _condition(session: Session, claim_id: int) -> tuple[ConditionStatus, date | None, str | None, str | None]:
    row = session.get(ClaimCondition, claim_id)
    assert row is not None
    return row.status, row.decided_on, row.decided_by, row.evidence


def _events(session: Session, claim_id: int) -> list[tuple[str, str, datetime, dict[str, object]]]:
    return [(e.kind, e.by, e.at, e.details) for e in claim_events(session, claim_id=claim_id)]


def test_pending_condition_keeps_the_outcome_from_resolving(session: Session) -> None:
    claim_id = _claim(session)
    outcome = rescore_claim(session, claim_id=claim_id, clock=CLOCK, reason="test", n_paths=100)
    read = get_claim(session, claim_id=claim_id)
    assert outcome.written and read.status is ClaimStatus.OPEN and read.resolution is None
    assert read.probability is not None and read.probability > 0.9  # P(outcome | condition): already met
    assert (read.condition_status, read.condition_probability) == (ConditionStatus.PENDING, 0.2)
    with pytest.raises(Conflict, match="decide it first"):
        resolve_claim(
            session, claim_id=claim_id, outcome="true", evidence="x", resolved_by="r", role=KeyRole.RESEARCHER,
            clock=CLOCK,
        )  # fmt: skip


def test_condition_met_then_the_data_resolve_it(session: Session) -> None:
    claim_id = _claim(session)
    rescore_claim(session, claim_id=claim_id, clock=CLOCK, reason="test", n_paths=100)
    decision = ConditionDecision(met=True, evidence="NBER dated a peak in 2026-03", decided_on=date(2026, 4, 1))
    decide_condition(
        session, claim_id=claim_id, decision=decision, decided_by="ana", role=KeyRole.RESEARCHER, clock=CLOCK
    )
    rescore_claim(session, claim_id=claim_id, clock=CLOCK, reason="condition met", n_paths=100)
    read = get_claim(session, claim_id=claim_id)
    assert read.status is ClaimStatus.RESOLVED_TRUE and read.condition_status is ConditionStatus.MET
    with pytest.raises(Conflict, match="already decided"):
        decide_condition(
            session, claim_id=claim_id, decision=decision, decided_by="ana", role=KeyRole.RESEARCHER, clock=CLOCK
        )


def test_the_deadline_alone_does_not_annul_a_pending_condition(session: Session) -> None:
    # The old sweep annulled every claim whose condition was pending at the deadline, before any data came.
    claim_id = _claim(session, deadline=date(2026, 6, 30))
    sweep_deadlines(session, clock=CLOCK)
    read = get_claim(session, claim_id=claim_id)
    assert read.status is ClaimStatus.AWAITING_RESOLUTION and read.condition_status is ConditionStatus.PENDING
    assert read.resolution is None and session.exec(select(Resolution)).all() == []
    rescore_claim(session, claim_id=claim_id, clock=CLOCK, reason="test", n_paths=100)
    again = get_claim(session, claim_id=claim_id)
    assert again.status is ClaimStatus.AWAITING_RESOLUTION and again.condition_status is ConditionStatus.PENDING


def _quarterly_downturn(session: Session, *, values: list[float], as_of: datetime, start: str = "2026-Q1") -> RuleIn:
    """World GDP growth (quarterly) and the condition rule "below 0 in some quarter of 2026"."""
    world = session.exec(select(Indicator).where(Indicator.key == "world_gdp_qoq")).first()
    if world is None:
        world = make_indicator(session, key="world_gdp_qoq", frequency=Frequency.QUARTERLY)
    add_observations(session, indicator=world, start=start, values=values, as_of=as_of)
    return RuleIn(
        indicator="world_gdp_qoq", op="<", threshold=0, aggregate="any", window_start="2026-Q1", window_end="2026-Q4"
    )


@pytest.mark.parametrize(
    ("q4", "status", "condition"),
    [(-0.3, ClaimStatus.RESOLVED_TRUE, ConditionStatus.MET), (0.1, ClaimStatus.ANNULLED, ConditionStatus.NOT_MET)],
)
def test_a_condition_whose_last_quarter_is_published_after_the_deadline_is_decided_by_it(
    session: Session, q4: float, status: ClaimStatus, condition: ConditionStatus
) -> None:
    rule = _quarterly_downturn(session, values=[0.5, 0.3, 0.2], as_of=datetime(2026, 11, 1, tzinfo=UTC))
    claim_id = _claim(session, condition_rule=rule, growth_as_of=datetime(2026, 3, 5, tzinfo=UTC))
    add_forecast(
        session, claim_id=claim_id, forecaster="ana", probability=0.7,
        clock=FixedClock(datetime(2026, 2, 1, tzinfo=UTC)),
    )  # fmt: skip
    january = FixedClock(datetime(2027, 1, 5, tzinfo=UTC))
    assert sweep_deadlines(session, clock=january) == [claim_id]
    rescore_claim(session, claim_id=claim_id, clock=january, reason="test", n_paths=100)
    waiting = get_claim(session, claim_id=claim_id)
    assert (waiting.status, waiting.condition_status) == (ClaimStatus.AWAITING_RESOLUTION, ConditionStatus.PENDING)
    # 2026-Q4 is published on 2027-01-30, a month after the deadline: it decides the condition, dated then.
    _quarterly_downturn(session, values=[q4], as_of=datetime(2027, 1, 30, 10, tzinfo=UTC), start="2026-Q4")
    february = FixedClock(datetime(2027, 2, 1, tzinfo=UTC))
    rescore_claim(session, claim_id=claim_id, clock=february, reason="2026-Q4 published", n_paths=100)
    read = get_claim(session, claim_id=claim_id)
    assert (read.status, read.condition_status) == (status, condition)
    assert read.condition_decided_on == date(2027, 1, 30)
    groups = {g.method: g.summary for g in track_record(session, by="method")}
    if status is ClaimStatus.RESOLVED_TRUE:
        # growth 2026-02 = 5.5 settled the outcome when it arrived (2026-03-05); ana's 0.7 came before that.
        assert read.resolution is not None and read.resolution.resolved_on == date(2026, 3, 5)
        assert groups["researcher:ana"].n == 1 and groups["researcher:ana"].brier == pytest.approx(0.3**2)
    else:
        assert read.resolution is not None and read.resolution.resolved_on == date(2027, 1, 30)
        assert "was not met: world_gdp_qoq 2026-Q4 = 0.1" in read.resolution.evidence
        assert all(group.n == 0 for group in groups.values())


def test_a_condition_is_dated_when_its_deciding_value_first_arrived(session: Session) -> None:
    # 2026-Q1 = -0.4 (known 2026-05-01) meets it; a later quarter and a revision of Q1 do not move that date.
    rule = _quarterly_downturn(session, values=[-0.4], as_of=datetime(2026, 5, 1, tzinfo=UTC))
    _quarterly_downturn(session, values=[0.5], as_of=datetime(2026, 8, 1, tzinfo=UTC), start="2026-Q2")
    _quarterly_downturn(session, values=[-0.6], as_of=datetime(2026, 9, 1, tzinfo=UTC))
    claim_id = _claim(session, condition_rule=rule)
    rescore_claim(session, claim_id=claim_id, clock=CLOCK, reason="test", n_paths=100)
    read = get_claim(session, claim_id=claim_id)
    assert read.condition_status is ConditionStatus.MET and read.condition_decided_on == date(2026, 5, 1)
    evidence = "the data settle the condition rule: world_gdp_qoq 2026-Q1 = -0.4 (as of 2026-05-01T00:00:00+00:00)"
    assert _condition(session, claim_id) == (ConditionStatus.MET, date(2026, 5, 1), "auto", evidence)
    assert _events(session, claim_id)[0] == (
        "condition", "auto", NOW, {"decided_on": "2026-05-01", "evidence": evidence}
    )  # fmt: skip


def test_new_data_on_the_conditions_indicator_rescore_its_claims_at_once(session: Session) -> None:
    rule = _quarterly_downturn(session, values=[0.5], as_of=datetime(2026, 5, 1, tzinfo=UTC))
    claim_id = _claim(session, condition_rule=rule)
    process_pending(session, clock=CLOCK, n_paths=100)  # the new claim's first score
    assert get_claim(session, claim_id=claim_id).condition_status is ConditionStatus.PENDING
    _quarterly_downturn(session, values=[-0.2], as_of=datetime(2026, 8, 1, tzinfo=UTC), start="2026-Q2")
    world = session.exec(select(Indicator).where(Indicator.key == "world_gdp_qoq")).one()
    session.add(RescoreRequest(indicator_id=world.id, reason="world_gdp_qoq: 1 new", requested_at=NOW))
    summary = process_pending(session, clock=CLOCK, n_paths=100)
    read = get_claim(session, claim_id=claim_id)
    assert summary.claims == 1 and read.condition_status is ConditionStatus.MET
    assert read.condition_decided_on == date(2026, 8, 1) and read.status is ClaimStatus.RESOLVED_TRUE


def test_not_met_is_an_annulment_for_admins_and_bad_decisions_are_refused(session: Session) -> None:
    claim_id = _claim(session)
    with pytest.raises(InvalidInput, match="after the deadline"):
        late = ConditionDecision(met=True, evidence="x", decided_on=date(2027, 1, 5))
        decide_condition(
            session,
            claim_id=claim_id,
            decision=late,
            decided_by="ana",
            role=KeyRole.RESEARCHER,
            clock=FixedClock(datetime(2027, 2, 1, tzinfo=UTC)),
        )
    with pytest.raises(InvalidInput, match="in the future"):
        future = ConditionDecision(met=True, evidence="x", decided_on=date(2026, 12, 1))
        decide_condition(session, claim_id=claim_id, decision=future, decided_by="ana", role=KeyRole.ADMIN, clock=CLOCK)
    no = ConditionDecision(met=False, evidence="no recession: growth positive all year")
    with pytest.raises(PermissionDenied, match="annulling needs the admin role"):
        decide_condition(
            session, claim_id=claim_id, decision=no, decided_by="ana", role=KeyRole.RESEARCHER, clock=CLOCK
        )
    assert get_claim(session, claim_id=claim_id).condition_status is ConditionStatus.PENDING
    decide_condition(session, claim_id=claim_id, decision=no, decided_by="root", role=KeyRole.ADMIN, clock=CLOCK)
    read = get_claim(session, claim_id=claim_id)
    assert read.status is ClaimStatus.ANNULLED and read.resolution is not None
    assert read.resolution.evidence == "annulled: the condition was not met: no recession: growth positive all year"


def test_unresolving_a_conditions_annulment_lets_the_condition_be_decided_again(session: Session) -> None:
    claim_id = _claim(session)
    no = ConditionDecision(met=False, evidence="no recession yet")
    decide_condition(session, claim_id=claim_id, decision=no, decided_by="root", role=KeyRole.ADMIN, clock=CLOCK)
    unresolve_claim(session, claim_id=claim_id, reason="decided too early", retracted_by="root", clock=CLOCK)
    read = get_claim(session, claim_id=claim_id)
    assert (read.status, read.condition_status, read.condition_decided_on) == (
        ClaimStatus.OPEN, ConditionStatus.PENDING, None
    )  # fmt: skip
    yes = ConditionDecision(met=True, evidence="NBER dated a peak in 2026-03", decided_on=date(2026, 4, 1))
    decide_condition(session, claim_id=claim_id, decision=yes, decided_by="ana", role=KeyRole.RESEARCHER, clock=CLOCK)
    rescore_claim(session, claim_id=claim_id, clock=CLOCK, reason="condition met", n_paths=100)
    assert get_claim(session, claim_id=claim_id).status is ClaimStatus.RESOLVED_TRUE


def test_an_unresolved_annulment_by_data_is_not_annulled_again_by_the_same_data(session: Session) -> None:
    # Every quarter of 2026 is in and none is below 0: the data annul the claim. An admin un-resolves that: the
    # condition is pending again and the data leave it so (decisions stick) until an admin decides it.
    rule = _quarterly_downturn(session, values=[0.5, 0.3, 0.2, 0.1], as_of=datetime(2026, 11, 1, tzinfo=UTC))
    claim_id = _claim(session, condition_rule=rule)
    rescore_claim(session, claim_id=claim_id, clock=CLOCK, reason="test", n_paths=100)
    annulled = get_claim(session, claim_id=claim_id)
    assert (annulled.status, annulled.condition_decided_on) == (ClaimStatus.ANNULLED, date(2026, 11, 1))
    unresolve_claim(session, claim_id=claim_id, reason="world GDP is being rebased", retracted_by="root", clock=CLOCK)
    rescore_claim(session, claim_id=claim_id, clock=CLOCK, reason="resolution retracted", n_paths=100)
    read = get_claim(session, claim_id=claim_id)
    assert (read.status, read.condition_status, read.resolution) == (ClaimStatus.OPEN, ConditionStatus.PENDING, None)
    assert read.needs_review


def test_an_unresolved_conditional_claim_stays_unresolved(session: Session) -> None:
    # The condition met, the data resolved it; an admin un-resolves it: neither a re-score nor new data
    # resolve it again (the old code re-resolved it on the condition-met path without asking).
    claim_id = _claim(session)
    yes = ConditionDecision(met=True, evidence="NBER dated a peak in 2026-03", decided_on=date(2026, 4, 1))
    decide_condition(session, claim_id=claim_id, decision=yes, decided_by="ana", role=KeyRole.RESEARCHER, clock=CLOCK)
    rescore_claim(session, claim_id=claim_id, clock=CLOCK, reason="condition met", n_paths=100)
    assert get_claim(session, claim_id=claim_id).status is ClaimStatus.RESOLVED_TRUE
    unresolve_claim(session, claim_id=claim_id, reason="growth series under review", retracted_by="root", clock=CLOCK)
    rescore_claim(session, claim_id=claim_id, clock=CLOCK, reason="resolution retracted", n_paths=100)
    assert get_claim(session, claim_id=claim_id).resolution is None
    growth = session.exec(select(Indicator).where(Indicator.key == "growth")).one()
    add_observations(session, indicator=growth, start="2026-04", values=[5.8], as_of=datetime(2026, 5, 3, tzinfo=UTC))
    rescore_claim(session, claim_id=claim_id, clock=CLOCK, reason="new data", n_paths=100)
    read = get_claim(session, claim_id=claim_id)
    assert read.status is ClaimStatus.OPEN and read.resolution is None and read.needs_review


@pytest.mark.parametrize(("gdp", "expected"), [([0.5, -0.4], ConditionStatus.MET), ([1.0], ConditionStatus.PENDING)])
def test_a_rule_condition_is_decided_by_its_data(session: Session, gdp: list[float], expected: ConditionStatus) -> None:
    world = make_indicator(session, key="world_gdp_qoq")
    add_observations(session, indicator=world, start="2026-01", values=gdp)
    rule = RuleIn(
        indicator="world_gdp_qoq", op="<", threshold=0, aggregate="any", window_start="2026-01", window_end="2026-12"
    )
    claim_id = _claim(session, condition_rule=rule)
    rescore_claim(session, claim_id=claim_id, clock=CLOCK, reason="test", n_paths=100)
    read = get_claim(session, claim_id=claim_id)
    assert read.condition_status is expected and read.condition_rule is not None
    assert read.condition_rule.indicator == "world_gdp_qoq" and read.condition_probability is not None
    if expected is ConditionStatus.MET:
        assert read.status is ClaimStatus.RESOLVED_TRUE  # the condition met, the outcome already settled


def test_the_seeds_second_prediction_is_conditional(session: Session) -> None:
    load_seed(session, clock=CLOCK)
    claims = [get_claim(session, claim_id=i) for i in range(1, 1000) if _exists(session, i)]
    (downturn,) = [c for c in claims if c.condition is not None]
    assert downturn.quote.startswith("The 'M2-M1 stability'")
    assert downturn.condition is not None and "global financial downturn" in downturn.condition
    assert downturn.condition_status is ConditionStatus.PENDING and downturn.condition_probability == 0.25
    rescore_claim(session, claim_id=downturn.id, clock=CLOCK, reason="test", n_paths=100)
    after = get_claim(session, claim_id=downturn.id)
    # The spread broke 6 ppt in 2024 (10.1 in 2024-09), so P(narrow | downturn) is tiny, but nothing resolves
    # until a downturn is decided.
    assert after.status is ClaimStatus.OPEN and after.probability is not None and after.probability < 0.05


def test_the_seeds_downturn_claim_is_not_annulled_at_its_deadline(session: Session) -> None:
    # Its condition (world growth below 1% in a year of 2024-2026, per the IMF) is known only from the IMF's
    # outlook of April 2027: on 2027-01-01 the claim still awaits its evidence.
    load_seed(session, clock=CLOCK)
    (downturn,) = session.exec(select(ClaimCondition)).all()
    new_year = FixedClock(datetime(2027, 1, 1, tzinfo=UTC))
    assert downturn.claim_id in sweep_deadlines(session, clock=new_year)
    rescore_claim(session, claim_id=downturn.claim_id, clock=new_year, reason="test", n_paths=100)
    read = get_claim(session, claim_id=downturn.claim_id)
    assert (read.status, read.condition_status, read.resolution) == (
        ClaimStatus.AWAITING_RESOLUTION, ConditionStatus.PENDING, None
    )  # fmt: skip


def _exists(session: Session, claim_id: int) -> bool:
    from predictions.ledger.tables import Claim

    return session.get(Claim, claim_id) is not None


# What a decision writes, read back row by row: the texts, who, when, and the audit trail's entry.


@pytest.mark.parametrize("decided_on", [date(2026, 1, 1), date(2026, 6, 30)])  # the day it was made, the deadline
def test_a_condition_met_by_hand_records_who_when_and_why(
    session: Session, caplog: pytest.LogCaptureFixture, decided_on: date
) -> None:
    claim_id = _claim(session, deadline=date(2026, 6, 30))
    caplog.set_level(logging.INFO, logger="predictions.rescore.conditions")
    decision = ConditionDecision(met=True, evidence="  NBER dated a peak in 2026-03\n", decided_on=decided_on)
    decide_condition(
        session, claim_id=claim_id, decision=decision, decided_by="ana", role=KeyRole.RESEARCHER, clock=LATER
    )
    assert _condition(session, claim_id) == (ConditionStatus.MET, decided_on, "ana", "NBER dated a peak in 2026-03")
    requests = session.exec(select(RescoreRequest).where(RescoreRequest.claim_id == claim_id)).all()
    assert sorted((r.reason, r.requested_at) for r in requests) == [
        ("condition met", LATER.now()), ("new claim", NOW)
    ]  # fmt: skip
    day = decided_on.isoformat()
    assert _events(session, claim_id)[-1] == (
        "condition", "ana", LATER.now(), {"decided_on": day, "evidence": "NBER dated a peak in 2026-03"}
    )  # fmt: skip
    assert f"claim {claim_id}: condition met on {day} (NBER dated a peak in 2026-03)" in caplog.messages


def test_a_condition_found_not_met_by_hand_annuls_the_claim_on_the_day_given(
    session: Session, caplog: pytest.LogCaptureFixture
) -> None:
    claim_id = _claim(session)
    caplog.set_level(logging.INFO, logger="predictions.rescore.conditions")
    no = ConditionDecision(
        met=False, evidence=" no recession: growth positive all year \n", decided_on=date(2026, 3, 2)
    )
    decide_condition(session, claim_id=claim_id, decision=no, decided_by="root", role=KeyRole.ADMIN, clock=LATER)
    reason = "the condition was not met: no recession: growth positive all year"
    assert _condition(session, claim_id) == (ConditionStatus.NOT_MET, date(2026, 3, 2), "root", reason)
    (resolution,) = session.exec(select(Resolution).where(Resolution.claim_id == claim_id)).all()
    assert (resolution.outcome, resolution.resolved_on, resolution.resolved_by) == (
        Outcome.ANNULLED, date(2026, 3, 2), "root"
    )  # fmt: skip
    assert (resolution.evidence, resolution.created_at) == (f"annulled: {reason}", LATER.now())
    assert _events(session, claim_id)[-1] == ("annul", "root", LATER.now(), {"reason": reason})
    assert f"claim {claim_id} annulled: {reason}" in caplog.messages


def test_the_data_annul_a_claim_in_the_automatic_resolvers_name(session: Session) -> None:
    # Every quarter of 2026 is in (known 2026-11-01) and none is below 0: the last one completes the proof.
    rule = _quarterly_downturn(session, values=[0.5, 0.3, 0.2, 0.1], as_of=datetime(2026, 11, 1, tzinfo=UTC))
    claim_id = _claim(session, condition_rule=rule)
    rescore_claim(session, claim_id=claim_id, clock=LATER, reason="test", n_paths=100)
    reason = (
        "the data show the condition (a recession starts in 2026) was not met: "
        "world_gdp_qoq 2026-Q4 = 0.1 (as of 2026-11-01T00:00:00+00:00)"
    )
    assert _condition(session, claim_id) == (ConditionStatus.NOT_MET, date(2026, 11, 1), "auto", reason)
    (resolution,) = session.exec(select(Resolution).where(Resolution.claim_id == claim_id)).all()
    assert (resolution.resolved_on, resolution.resolved_by, resolution.evidence) == (
        date(2026, 11, 1), "auto", f"annulled: {reason}"
    )  # fmt: skip
    assert _events(session, claim_id)[-1] == ("annul", "auto", LATER.now(), {"reason": reason})


def test_a_condition_not_met_on_a_claim_annulled_by_hand_keeps_its_one_resolution(session: Session) -> None:
    claim_id = _claim(session)
    resolve_claim(
        session, claim_id=claim_id, outcome="annulled", evidence="a duplicate of another claim", resolved_by="root",
        role=KeyRole.ADMIN, clock=CLOCK,
    )  # fmt: skip
    no = ConditionDecision(met=False, evidence="no recession", decided_on=date(2026, 3, 2))
    decide_condition(session, claim_id=claim_id, decision=no, decided_by="root", role=KeyRole.ADMIN, clock=LATER)
    resolutions = session.exec(select(Resolution).where(Resolution.claim_id == claim_id)).all()
    assert [(r.outcome, r.evidence) for r in resolutions] == [(Outcome.ANNULLED, "a duplicate of another claim")]
    assert _condition(session, claim_id)[0] is ConditionStatus.NOT_MET


def test_decisions_on_what_cannot_be_decided_say_why(session: Session) -> None:
    yes = ConditionDecision(met=True, evidence="x", decided_on=date(2026, 4, 1))
    with pytest.raises(NotFound, match=r"^claim 987654 does not exist$"):
        decide_condition(session, claim_id=987654, decision=yes, decided_by="ana", role=KeyRole.ADMIN, clock=CLOCK)
    plain = make_claim(session, made_on=date(2026, 1, 1))
    with pytest.raises(InvalidInput, match=rf"^claim {plain.id} has no condition$"):
        assert plain.id is not None
        decide_condition(session, claim_id=plain.id, decision=yes, decided_by="ana", role=KeyRole.ADMIN, clock=CLOCK)
    claim_id = _claim(session)
    early = ConditionDecision(met=True, evidence="x", decided_on=date(2025, 12, 31))
    with pytest.raises(InvalidInput, match=r"^decided_on 2025-12-31 is before the claim was made \(2026-01-01\)$"):
        decide_condition(session, claim_id=claim_id, decision=early, decided_by="ana", role=KeyRole.ADMIN, clock=CLOCK)
    no = ConditionDecision(met=False, evidence="x")
    with pytest.raises(PermissionDenied) as denied:
        decide_condition(
            session, claim_id=claim_id, decision=no, decided_by="ana", role=KeyRole.RESEARCHER, clock=CLOCK
        )
    assert (denied.value.detail, denied.value.field) == (
        "deciding that a condition was not met annuls the claim, and annulling needs the admin role: "
        "ask an admin, or decide it as met if it was",
        "met",
    )
    assert _condition(session, claim_id) == (ConditionStatus.PENDING, None, None, None)


def test_a_conditions_window_is_its_own(session: Session) -> None:
    # "Below 0 in 2026-Q2 or Q3": the downturn of Q1 (before the window, though after the claim was made)
    # does not meet it, and Q3 = 0.2 completes the proof that it was not met.
    rule = _quarterly_downturn(session, values=[-0.5, 0.3, 0.2], as_of=datetime(2026, 11, 1, tzinfo=UTC))
    claim_id = _claim(
        session, condition_rule=rule.model_copy(update={"window_start": "2026-Q2", "window_end": "2026-Q3"})
    )
    read = get_claim(session, claim_id=claim_id)
    assert read.condition_rule is not None
    assert (read.condition_rule.window_start, read.condition_rule.window_end) == ("2026-Q2", "2026-Q3")
    rescore_claim(session, claim_id=claim_id, clock=LATER, reason="test", n_paths=100)
    status, decided_on, _, evidence = _condition(session, claim_id)
    assert (status, decided_on) == (ConditionStatus.NOT_MET, date(2026, 11, 1))
    assert evidence is not None and evidence.endswith("world_gdp_qoq 2026-Q3 = 0.2 (as of 2026-11-01T00:00:00+00:00)")


def test_the_condition_link_is_the_conditions_rule_as_the_engine_reads_it() -> None:
    condition = ClaimCondition(
        claim_id=7, indicator_id=3, op=Op.LT, threshold=1.0, aggregate=Aggregate.MEAN,
        window_start="2025-Q1", window_end="2026-Q4",
    )  # fmt: skip
    link = condition_link(condition)
    assert (link.claim_id, link.indicator_id, link.role) == (7, 3, LinkRole.DECIDES)
    assert (link.op, link.threshold, link.aggregate) == (Op.LT, 1.0, Aggregate.MEAN)
    assert (link.window_start, link.window_end) == ("2025-Q1", "2026-Q4")


def test_a_condition_decided_by_hand_keeps_its_prior_as_its_probability(session: Session) -> None:
    claim_id = _claim(session)  # condition_prior 0.2, no rule
    row = session.get(ClaimCondition, claim_id)
    assert row is not None and (row.prior, row.probability, row.probability_at) == (0.2, 0.2, None)
    rescore_claim(session, claim_id=claim_id, clock=LATER, reason="test", n_paths=100)
    assert (row.prior, row.probability, row.probability_at) == (0.2, 0.2, LATER.now())


def test_a_pending_conditions_forecast_goes_into_the_runs_shared_cache(session: Session) -> None:
    # Two quarters of 2026 are known, none below 0: the other two are forecast, once per run, in the cache.
    rule = _quarterly_downturn(
        session, values=[0.4, 0.6, 0.5, 0.3, 0.5, 0.6, 0.4, 0.5, 0.3, 0.4], as_of=T0, start="2024-Q1"
    )
    claim_id = _claim(session, condition_rule=rule)
    world = session.exec(select(Indicator).where(Indicator.key == "world_gdp_qoq")).one()
    cache: ForecastCache = {}
    rescore_claim(session, claim_id=claim_id, clock=CLOCK, reason="test", n_paths=100, cache=cache)
    assert _condition(session, claim_id)[0] is ConditionStatus.PENDING
    assert [(key[0], key[3], key[4]) for key in cache if key[0] == world.id] == [(world.id, 100, 0)]


def test_a_condition_is_judged_on_the_data_known_at_the_re_score(session: Session) -> None:
    # 2026-Q1 = -0.4 meets it, but it is published on 2026-12-01: a re-score on 2026-11-28 does not know it yet.
    rule = _quarterly_downturn(session, values=[-0.4], as_of=datetime(2026, 12, 1, tzinfo=UTC))
    claim_id = _claim(session, condition_rule=rule)
    rescore_claim(session, claim_id=claim_id, clock=CLOCK, reason="test", n_paths=100)
    assert _condition(session, claim_id) == (ConditionStatus.PENDING, None, None, None)
    rescore_claim(session, claim_id=claim_id, clock=LATER, reason="2026-Q1 published", n_paths=100)
    assert _condition(session, claim_id)[:3] == (ConditionStatus.MET, date(2026, 12, 1), "auto")


def test_what_a_re_score_of_a_conditional_claim_says(session: Session) -> None:
    # The outcome is settled by the data from the start (growth 5.5 in 2026-02); the condition waits for a person.
    claim_id = _claim(session)
    first = rescore_claim(session, claim_id=claim_id, clock=CLOCK, reason="test", n_paths=100)
    snapshot = session.get(ProbabilitySnapshot, first.snapshot_id)
    assert snapshot is not None and snapshot.details["condition"] == {"status": "pending", "probability": 0.2}
    assert (first.written, first.status, first.probability) == (True, ClaimStatus.OPEN, 100.5 / 101)
    yes = ConditionDecision(met=True, evidence="NBER dated a peak in 2026-03", decided_on=date(2026, 4, 1))
    decide_condition(session, claim_id=claim_id, decision=yes, decided_by="ana", role=KeyRole.RESEARCHER, clock=CLOCK)
    met = rescore_claim(session, claim_id=claim_id, clock=LATER, reason="condition met", n_paths=100)
    note = f"condition met: resolved from the data of snapshot {snapshot.id}"
    assert met == RescoreOutcome(claim_id, 100.5 / 101, False, ClaimStatus.RESOLVED_TRUE, note)
    unresolve_claim(session, claim_id=claim_id, reason="growth under review", retracted_by="root", clock=LATER)
    again = rescore_claim(session, claim_id=claim_id, clock=LATER, reason="resolution retracted", n_paths=100)
    left = "the data settle it, but an admin un-resolved its automatic resolution: left for review"
    assert again == RescoreOutcome(
        claim_id, 100.5 / 101, False, ClaimStatus.OPEN, f"nothing new since snapshot {snapshot.id}; {left}"
    )


def test_a_re_score_of_a_claim_whose_condition_the_data_show_not_met_says_it_is_annulled(session: Session) -> None:
    rule = _quarterly_downturn(session, values=[0.5, 0.3, 0.2, 0.1], as_of=datetime(2026, 11, 1, tzinfo=UTC))
    claim_id = _claim(session, condition_rule=rule)
    outcome = rescore_claim(session, claim_id=claim_id, clock=LATER, reason="test", n_paths=100)
    reason = (
        "the data show the condition (a recession starts in 2026) was not met: "
        "world_gdp_qoq 2026-Q4 = 0.1 (as of 2026-11-01T00:00:00+00:00)"
    )
    assert outcome == RescoreOutcome(claim_id, None, False, ClaimStatus.ANNULLED, f"annulled: {reason}")


def test_a_condition_met_while_the_outcome_is_still_open_leaves_nothing_to_resolve(session: Session) -> None:
    # Growth has not topped 5 yet (4, 4.5, 4.2 to March): the condition is met, the outcome still to come.
    claim_id = _claim(session, growth=(4.0, 4.5, 4.2))
    first = rescore_claim(session, claim_id=claim_id, clock=CLOCK, reason="test", n_paths=100)
    assert first.written and first.status is ClaimStatus.OPEN
    yes = ConditionDecision(met=True, evidence="NBER dated a peak in 2026-03", decided_on=date(2026, 4, 1))
    decide_condition(session, claim_id=claim_id, decision=yes, decided_by="ana", role=KeyRole.RESEARCHER, clock=CLOCK)
    again = rescore_claim(session, claim_id=claim_id, clock=LATER, reason="condition met", n_paths=100)
    nothing = f"nothing new since snapshot {first.snapshot_id}"
    assert again == RescoreOutcome(claim_id, first.probability, False, ClaimStatus.OPEN, nothing)
    assert session.exec(select(Resolution)).all() == []
