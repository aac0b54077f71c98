from sqlmodel import Session, select

from predictions.ledger.tables import Claim
from tests.factories import make_claim, make_source


def test_claim_round_trips_through_the_migrated_schema(session: Session) -> None:
    source = make_source(session)
    claim = make_claim(session, source=source, quote="Exactly this.")
    session.expunge_all()
    stored = session.exec(select(Claim).where(Claim.id == claim.id)).one()
    assert stored.quote == "Exactly this."
    assert stored.created_at.tzinfo is not None
