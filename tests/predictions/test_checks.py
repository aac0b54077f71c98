from datetime import UTC, date, datetime

import pytest
from sqlmodel import Session, select

from predictions.claims.audit_trail import claim_events
from predictions.claims.checks import add_check, claim_checks
from predictions.ledger.clock import FixedClock
from predictions.ledger.errors import Conflict, InvalidInput, NotFound
from predictions.ledger.tables import ClaimCheck, ClaimStatus, ProbabilitySnapshot
from tests.factories import make_claim

CLOCK = FixedClock(datetime(2025, 3, 1, 9, tzinfo=UTC))


def test_a_check_moves_the_base_rate_in_the_same_unit_of_work(session: Session) -> None:
    """Old behaviour caught: there were no checks; the base rate fell with the calendar instead.

    Made 2024-01-01, deadline 2024-12-31 (life 366 days, both ends included: 2024 is a leap year), prior 0.4,
    past its deadline. Checked through 2024-07-01 (183 days seen, 183 left): 1 - 0.6 ** (1 / 2) = 0.225403.
    An earlier check is recorded but does not move ``checked_through`` back, and the number stays.
    """
    claim = make_claim(
        session,
        made_on=date(2024, 1, 1),
        deadline=date(2024, 12, 31),
        prior=0.4,
        status=ClaimStatus.AWAITING_RESOLUTION,
    )
    done = add_check(
        session,
        claim_id=claim.id,
        checked_through=date(2024, 7, 1),
        note=" court register ",
        checked_by="ann",
        clock=CLOCK,
    )
    assert done.check.note == "court register" and claim.checked_through == date(2024, 7, 1)
    assert done.rescore.written and done.rescore.probability == pytest.approx(1 - 0.6**0.5, abs=1e-12)
    [snap] = session.exec(select(ProbabilitySnapshot).where(ProbabilitySnapshot.claim_id == claim.id)).all()
    assert snap.reason == "checked through 2024-07-01: no event (ann)"
    earlier = add_check(
        session, claim_id=claim.id, checked_through=date(2024, 3, 1), note="news archive", checked_by="bob", clock=CLOCK
    )
    assert earlier.claim_checked_through == date(2024, 7, 1) and not earlier.rescore.written
    assert [c.checked_by for c in claim_checks(session, claim_id=claim.id)] == ["ann", "bob"]  # type: ignore[arg-type]
    events = claim_events(session, claim_id=claim.id)  # type: ignore[arg-type]
    assert [(e.kind, e.by, e.details["checked_through"]) for e in events] == [
        ("check", "ann", "2024-07-01"),
        ("check", "bob", "2024-03-01"),
    ]


@pytest.mark.parametrize(
    ("checked_through", "note", "error", "message"),
    [
        (date(2023, 12, 31), "x", InvalidInput, "before the claim was made"),
        (date(2025, 3, 2), "x", InvalidInput, "in the future"),
        (date(2024, 6, 1), "  ", InvalidInput, "note is empty"),
    ],
)
def test_bad_checks_write_nothing(
    session: Session, checked_through: date, note: str, error: type[Exception], message: str
) -> None:
    claim = make_claim(session, made_on=date(2024, 1, 1), deadline=date(2024, 12, 31), prior=0.4)
    with pytest.raises(error, match=message):
        add_check(session, claim_id=claim.id, checked_through=checked_through, note=note, checked_by="a", clock=CLOCK)  # type: ignore[arg-type]
    assert session.exec(select(ClaimCheck)).all() == [] and claim.checked_through is None


def test_checks_of_unknown_or_resolved_claims_are_refused(session: Session) -> None:
    with pytest.raises(NotFound):
        add_check(session, claim_id=999999, checked_through=date(2024, 6, 1), note="x", checked_by="a", clock=CLOCK)
    resolved = make_claim(session, made_on=date(2024, 1, 1), prior=0.4, status=ClaimStatus.RESOLVED_FALSE)
    with pytest.raises(Conflict, match="already resolved_false"):
        add_check(
            session, claim_id=resolved.id, checked_through=date(2024, 6, 1), note="x", checked_by="a", clock=CLOCK
        )  # type: ignore[arg-type]
