"""An outcome is known at the first moment the data, as then known, settled the rule: revisions do not move it.

The series: growth, monthly. 2026-01 = 4.0 (known 2026-02-10), 2026-02 = 5.5 (known 2026-03-10 09:00),
revised to 5.6 on 2026-04-10. The rule "growth > 5 in some month of 2026-01..2026-06" is settled (true) from
2026-03-10 09:00 on; the revision keeps it true and must not move that date.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sqlmodel import Session, select

from predictions.claims.claims import create_claim, get_claim
from predictions.claims.resolve import resolve_claim
from predictions.ledger.clock import FixedClock
from predictions.ledger.schemas import ClaimCreate, RuleIn
from predictions.ledger.tables import Claim, ClaimStatus, Indicator, KeyRole, Observation, Resolution
from predictions.rescore import evaluate_rule, prepare_rule, rescore_claim
from predictions.rescore.repo import deciding_rule
from predictions.rescore.settlement import first_settlement
from predictions.scoring.track_record import track_record
from tests.factories import add_observations, make_indicator, make_snapshot

FIRST = datetime(2026, 3, 10, 9, tzinfo=UTC)  # 2026-02 = 5.5 arrives: the rule is settled
REVISED = datetime(2026, 4, 10, tzinfo=UTC)  # 2026-02 revised to 5.6: still settled, later
NOW = datetime(2026, 5, 1, tzinfo=UTC)
CLOCK = FixedClock(NOW)


def _growth(session: Session, *, revised: bool = True) -> Indicator:
    growth = make_indicator(session, key="growth")
    add_observations(session, indicator=growth, start="2026-01", values=[4.0], as_of=datetime(2026, 2, 10, tzinfo=UTC))
    add_observations(session, indicator=growth, start="2026-02", values=[5.5], as_of=FIRST)
    if revised:
        add_observations(session, indicator=growth, start="2026-02", values=[5.6], as_of=REVISED)
    return growth


def _claim(session: Session, *, made_on: date = date(2026, 1, 1)) -> Claim:
    rule = RuleIn(
        indicator="growth", op=">", threshold=5, aggregate="any", window_start="2026-01", window_end="2026-06"
    )
    data = ClaimCreate(
        statement="Growth tops 5 in some month of the first half of 2026",
        quote="Growth will top 5%.",
        author="A",
        made_on=made_on,
        deadline=date(2026, 12, 31),
        resolution_criteria="growth > 5 in any month of 2026-01..2026-06",
        rule=rule,
    )
    return create_claim(session, data=data, clock=CLOCK)


def _model_scores(session: Session) -> tuple[int, float | None]:
    (model,) = [g.summary for g in track_record(session, by="method") if g.method == "model"]
    return model.n, model.brier


def test_a_revision_before_the_resolution_does_not_move_its_date(session: Session) -> None:
    _growth(session)
    claim = _claim(session)
    make_snapshot(session, claim=claim, at=datetime(2026, 2, 15, tzinfo=UTC), probability=0.3)
    make_snapshot(session, claim=claim, at=datetime(2026, 3, 20, tzinfo=UTC), probability=0.9)  # after it was known
    assert claim.id is not None
    rescore_claim(session, claim_id=claim.id, clock=CLOCK, reason="test", n_paths=100)
    read = get_claim(session, claim_id=claim.id)
    assert read.status is ClaimStatus.RESOLVED_TRUE and read.resolution is not None
    assert read.resolution.resolved_on == date(2026, 3, 10)
    assert "growth 2026-02 = 5.5 (as of 2026-03-10T09:00:00+00:00) settles the rule" in read.resolution.evidence
    resolution = session.exec(select(Resolution).where(Resolution.claim_id == claim.id)).one()
    decisive = session.get(Observation, resolution.decisive_observation_id)
    assert decisive is not None and (decisive.value, decisive.as_of) == (5.5, FIRST)
    # Only the 0.3 of 2026-02-15 was made before the outcome was known: Brier (1 - 0.3)^2 = 0.49.
    assert _model_scores(session) == (1, pytest.approx(0.49))


def test_a_claim_made_after_the_first_settlement_is_flagged_and_unscored(session: Session) -> None:
    _growth(session)
    early, late = _claim(session), _claim(session, made_on=date(2026, 3, 20))  # late: after 2026-03-10, before 04-10
    make_snapshot(session, claim=early, at=datetime(2026, 2, 15, tzinfo=UTC), probability=0.3)
    make_snapshot(session, claim=late, at=datetime(2026, 3, 25, tzinfo=UTC), probability=0.95)
    for claim in (early, late):
        assert claim.id is not None
        rescore_claim(session, claim_id=claim.id, clock=CLOCK, reason="test", n_paths=100)
    read = get_claim(session, claim_id=late.id)  # type: ignore[arg-type]
    assert read.status is ClaimStatus.RESOLVED_TRUE and read.needs_review
    assert read.review_note is not None and "settled it on 2026-03-10, before the claim was made" in read.review_note
    assert not get_claim(session, claim_id=early.id).needs_review  # type: ignore[arg-type]
    assert _model_scores(session) == (1, pytest.approx(0.49))  # the early claim alone


def test_two_claims_settled_by_one_observation_each_keep_their_cutoff(session: Session) -> None:
    # Both are settled by 2026-02 = 5.5 (known 09:00 on 2026-03-10, never revised); each has a 0.9 made at 15:00
    # that day, after the outcome was known. Keyed by observation, one claim lost its date and its 0.9 was scored.
    _growth(session, revised=False)
    claims = [_claim(session), _claim(session)]
    for claim in claims:
        assert claim.id is not None
        make_snapshot(session, claim=claim, at=datetime(2026, 2, 15, tzinfo=UTC), probability=0.3)
        make_snapshot(session, claim=claim, at=datetime(2026, 3, 10, 15, tzinfo=UTC), probability=0.9)
        rescore_claim(session, claim_id=claim.id, clock=CLOCK, reason="test", n_paths=100)
    resolutions = session.exec(select(Resolution)).all()
    assert len({r.decisive_observation_id for r in resolutions}) == 1 and len(resolutions) == 2
    assert _model_scores(session) == (2, pytest.approx(0.49))  # (0.49 + 0.49) / 2


def test_a_hand_resolution_dated_before_made_on_is_accepted_flagged_and_unscored(session: Session) -> None:
    make_indicator(session, key="growth")  # no data: a researcher resolves it
    claim = _claim(session, made_on=date(2026, 3, 20))
    assert claim.id is not None
    make_snapshot(session, claim=claim, at=datetime(2026, 3, 25, tzinfo=UTC), probability=0.95)
    resolution = resolve_claim(
        session, claim_id=claim.id, outcome="true", evidence="the statistics office's release of 2026-03-10",
        resolved_by="ana", role=KeyRole.RESEARCHER, clock=CLOCK, resolved_on=date(2026, 3, 10),
    )  # fmt: skip
    assert resolution.resolved_on == date(2026, 3, 10)
    read = get_claim(session, claim_id=claim.id)
    assert read.status is ClaimStatus.RESOLVED_TRUE and read.needs_review
    assert read.review_note is not None and "before the claim was made (2026-03-20)" in read.review_note
    assert all(group.summary.n == 0 for group in track_record(session, by="method"))


def test_a_revision_that_unsettles_then_new_data_that_settle_again_keep_the_first_date(session: Session) -> None:
    # 2026-02 = 5.5 settles it on 2026-03-10; revised to 4.9 on 2026-04-10 (unsettled); 2026-03 = 5.2 on
    # 2026-04-15 settles it again. The data, as then known, first settled it on 2026-03-10.
    growth = _growth(session, revised=False)
    add_observations(session, indicator=growth, start="2026-02", values=[4.9], as_of=REVISED)
    add_observations(session, indicator=growth, start="2026-03", values=[5.2], as_of=datetime(2026, 4, 15, tzinfo=UTC))
    claim = _claim(session)
    assert claim.id is not None
    rescore_claim(session, claim_id=claim.id, clock=CLOCK, reason="test", n_paths=100)
    resolution = get_claim(session, claim_id=claim.id).resolution
    assert resolution is not None and resolution.resolved_on == date(2026, 3, 10)


VINTAGES = st.lists(
    st.tuples(st.integers(0, 5), st.sampled_from([3.0, 5.0, 7.0]), st.integers(0, 40)), min_size=1, max_size=12
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    vintages=VINTAGES,
    aggregate=st.sampled_from(["any", "all", "mean", "last"]),
    op=st.sampled_from([">", "<="]),
)
def test_the_first_settlement_is_the_first_moment_a_replay_of_every_vintage_settles(
    session: Session, vintages: list[tuple[int, float, int]], aggregate: str, op: str
) -> None:
    """Property: against the definition, asked the slow way (the engine's own reading at every as_of in turn)."""
    key = f"v{uuid.uuid4().hex[:10]}"
    indicator = make_indicator(session, key=key)
    seen: set[tuple[int, int]] = set()
    for month, value, day in vintages:
        if (month, day) not in seen:
            seen.add((month, day))
            known = datetime(2026, 2, 1, tzinfo=UTC) + timedelta(days=day)
            add_observations(session, indicator=indicator, start=f"2026-{month + 1:02d}", values=[value], as_of=known)
    rule = RuleIn(indicator=key, op=op, threshold=5, aggregate=aggregate, window_start="2026-01", window_end="2026-06")
    data = ClaimCreate(
        statement="s", quote="q", author="A", made_on=date(2026, 1, 1), deadline=date(2026, 6, 30),
        resolution_criteria="r", rule=rule,
    )  # fmt: skip
    claim = create_claim(session, data=data, clock=CLOCK)
    link = deciding_rule(session, claim_id=claim.id)  # type: ignore[arg-type]
    assert link is not None
    current = evaluate_rule(session, claim=claim, rule=link, as_of=NOW, n_paths=50, seed=0)
    assume(current is not None and current.settled is not None)
    assert current is not None
    moments = sorted(
        {row.as_of for row in session.exec(select(Observation).where(Observation.indicator_id == indicator.id))}
    )
    expected = next(
        t for t in moments
        if (then := prepare_rule(session, claim=claim, rule=link, as_of=t, n_paths=50, seed=0)) is not None
        and then.outcome == current.settled
    )  # fmt: skip
    first = first_settlement(session, claim=claim, rule=link, current=current, now=NOW)
    assert first.evaluation.data_as_of == expected
