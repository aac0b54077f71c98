"""Conditional claims: scored only once the condition is met, annulled with the reason when it is not."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlmodel import Session, select

from predictions.claims.claims import create_claim, get_claim
from predictions.claims.resolve import resolve_claim
from predictions.ledger.clock import FixedClock
from predictions.ledger.errors import Conflict, InvalidInput
from predictions.ledger.schemas import ClaimCreate, ConditionDecision, RuleIn
from predictions.ledger.tables import ClaimStatus, ConditionStatus, KeyRole, Outcome, Resolution
from predictions.rescore import rescore_claim, sweep_deadlines
from predictions.rescore.conditions import decide_condition
from predictions.scoring.track_record import track_record
from predictions.seed.seed import load_seed
from tests.factories import add_observations, make_indicator

NOW = datetime(2026, 11, 28, 12, tzinfo=UTC)
CLOCK = FixedClock(NOW)


def _claim(session: Session, *, condition_rule: RuleIn | None = None, deadline: date = date(2026, 12, 31)) -> int:
    """Outcome: growth above 5 in some month of 2026 (already met by the data); condition: a recession."""
    growth = make_indicator(session, key="growth")
    add_observations(session, indicator=growth, start="2026-01", values=[4.0, 5.5, 4.5])
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
    decide_condition(session, claim_id=claim_id, decision=decision, decided_by="ana", clock=CLOCK)
    rescore_claim(session, claim_id=claim_id, clock=CLOCK, reason="condition met", n_paths=100)
    read = get_claim(session, claim_id=claim_id)
    assert read.status is ClaimStatus.RESOLVED_TRUE and read.condition_status is ConditionStatus.MET
    with pytest.raises(Conflict, match="already decided"):
        decide_condition(session, claim_id=claim_id, decision=decision, decided_by="ana", clock=CLOCK)


def test_deadline_without_the_condition_annuls_with_the_reason(session: Session) -> None:
    claim_id = _claim(session, deadline=date(2026, 6, 30))
    assert sweep_deadlines(session, clock=CLOCK) == []  # annulled, not awaiting resolution
    read = get_claim(session, claim_id=claim_id)
    assert read.status is ClaimStatus.ANNULLED and read.condition_status is ConditionStatus.NOT_MET
    resolution = session.exec(select(Resolution).where(Resolution.claim_id == claim_id)).one()
    assert resolution.outcome is Outcome.ANNULLED and resolution.resolved_by == "auto"
    assert "passed without the condition (a recession starts in 2026)" in resolution.evidence
    assert all(group.summary.n == 0 for group in track_record(session, by="method"))


def test_a_researcher_decides_not_met_and_bad_decisions_are_refused(session: Session) -> None:
    claim_id = _claim(session)
    with pytest.raises(InvalidInput, match="after the deadline"):
        late = ConditionDecision(met=True, evidence="x", decided_on=date(2027, 1, 5))
        decide_condition(
            session,
            claim_id=claim_id,
            decision=late,
            decided_by="ana",
            clock=FixedClock(datetime(2027, 2, 1, tzinfo=UTC)),
        )
    with pytest.raises(InvalidInput, match="in the future"):
        future = ConditionDecision(met=True, evidence="x", decided_on=date(2026, 12, 1))
        decide_condition(session, claim_id=claim_id, decision=future, decided_by="ana", clock=CLOCK)
    no = ConditionDecision(met=False, evidence="no recession: growth positive all year")
    decide_condition(session, claim_id=claim_id, decision=no, decided_by="ana", clock=CLOCK)
    read = get_claim(session, claim_id=claim_id)
    assert read.status is ClaimStatus.ANNULLED and read.resolution is not None
    assert read.resolution.evidence == "annulled: the condition was not met: no recession: growth positive all year"


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


def _exists(session: Session, claim_id: int) -> bool:
    from predictions.ledger.tables import Claim

    return session.get(Claim, claim_id) is not None
