"""An outcome is known at the first moment the data, as then known, settled the rule: revisions do not move it.

The series: growth, monthly. 2026-01 = 4.0 (known 2026-02-10), 2026-02 = 5.5 (known 2026-03-10 09:00),
revised to 5.6 on 2026-04-10. The rule "growth > 5 in some month of 2026-01..2026-06" is settled (true) from
2026-03-10 09:00 on; the revision keeps it true and must not move that date.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlmodel import Session, select

from predictions.claims.claims import create_claim, get_claim
from predictions.claims.resolve import resolve_claim
from predictions.ledger.clock import FixedClock
from predictions.ledger.schemas import ClaimCreate, RuleIn
from predictions.ledger.tables import Claim, ClaimStatus, Indicator, KeyRole, Observation, Resolution
from predictions.rescore import rescore_claim
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
