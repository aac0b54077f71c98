"""The test fixtures themselves: a test's commits must stay inside its rolled-back transaction."""

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session

from tests.factories import make_source


def test_a_commit_in_a_test_is_invisible_to_other_connections(session: Session, engine: Engine) -> None:
    make_source(session, title="fixture-leak-check")
    session.commit()
    with engine.connect() as other:
        seen = other.execute(sa.text("SELECT count(*) FROM source WHERE title = 'fixture-leak-check'")).scalar()
    assert seen == 0
