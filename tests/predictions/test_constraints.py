"""The database itself refuses bad rows, whatever the Python code does."""

from datetime import date

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError, StatementError
from sqlmodel import Session

from forecasts.rules import Aggregate, Op
from predictions.ledger.tables import ClaimIndicator, HumanForecast, LinkRole, Observation, ProbabilitySnapshot
from tests.factories import T0, add_observations, make_claim, make_indicator, make_source


def _refused(session: Session, statement: str, **params: object) -> None:
    with pytest.raises((IntegrityError, StatementError)), session.begin_nested():
        session.execute(sa.text(statement), params)


def test_unknown_foreign_keys_are_refused(session: Session) -> None:
    _refused(
        session,
        "INSERT INTO claim (statement, quote, author, source_id, made_on, deadline, resolution_criteria, status,"
        " needs_review, created_at) VALUES ('s', 'q', 'a', 99999, '2024-01-01', '2025-01-01', 'c', 'open', false,"
        " '2024-01-01 00:00:00')",
    )
    _refused(
        session,
        "INSERT INTO observation (indicator_id, period, period_start, value, as_of, recorded_at)"
        " VALUES (99999, '2024-01', '2024-01-01', 1.0, '2024-02-01 00:00:00', '2024-02-01 00:00:00')",
    )


def test_unknown_status_is_refused(session: Session) -> None:
    source = make_source(session)
    _refused(
        session,
        "INSERT INTO claim (statement, quote, author, source_id, made_on, deadline, resolution_criteria, status,"
        " needs_review, created_at) VALUES ('s', 'q', 'a', :source, '2024-01-01', '2025-01-01', 'c', 'maybe', false,"
        " '2024-01-01 00:00:00')",
        source=source.id,
    )


def test_deadline_before_made_on_is_refused(session: Session) -> None:
    with pytest.raises(IntegrityError), session.begin_nested():
        make_claim(session, made_on=date(2025, 1, 1), deadline=date(2024, 1, 1))


def test_same_vintage_of_a_period_is_refused(session: Session) -> None:
    indicator = make_indicator(session)
    add_observations(session, indicator=indicator, start="2024-01", values=[1.0])
    with pytest.raises(IntegrityError), session.begin_nested():
        session.add(
            Observation(indicator_id=indicator.id, period="2024-01", period_start=date(2024, 1, 1), value=2.0, as_of=T0)
        )
        session.flush()


@pytest.mark.parametrize("probability", [0.0, 1.0, -0.1, 1.5])
def test_probabilities_outside_0_1_are_refused(session: Session, probability: float) -> None:
    claim = make_claim(session)
    with pytest.raises(IntegrityError), session.begin_nested():
        session.add(HumanForecast(claim_id=claim.id, forecaster="x", probability=probability, at=T0))
        session.flush()
    with pytest.raises(IntegrityError), session.begin_nested():
        session.add(
            ProbabilitySnapshot(
                claim_id=claim.id,
                at=T0,
                probability=probability,
                method="model",
                model="naive",
                model_version="0",
                inputs_hash="x",
            )
        )
        session.flush()


def test_a_claim_has_at_most_one_deciding_rule(session: Session) -> None:
    claim = make_claim(session)
    first, second = make_indicator(session, key="a"), make_indicator(session, key="b")
    for indicator in (first, second):
        session.add(
            ClaimIndicator(
                claim_id=claim.id,
                indicator_id=indicator.id,
                role=LinkRole.LEADING,
            )
        )
    session.flush()
    session.add(
        ClaimIndicator(
            claim_id=claim.id,
            indicator_id=first.id,
            role=LinkRole.DECIDES,
            op=Op.GT,
            threshold=1,
            aggregate=Aggregate.LAST,
        )
    )
    session.flush()
    with pytest.raises(IntegrityError), session.begin_nested():
        session.add(
            ClaimIndicator(
                claim_id=claim.id,
                indicator_id=second.id,
                role=LinkRole.DECIDES,
                op=Op.LT,
                threshold=1,
                aggregate=Aggregate.LAST,
            )
        )
        session.flush()


def test_a_deciding_link_needs_a_complete_rule(session: Session) -> None:
    claim = make_claim(session)
    indicator = make_indicator(session)
    with pytest.raises(IntegrityError), session.begin_nested():
        session.add(ClaimIndicator(claim_id=claim.id, indicator_id=indicator.id, role=LinkRole.DECIDES, op=Op.GT))
        session.flush()
