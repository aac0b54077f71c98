"""The ledger version grows with every committed write a claim's view can see, and with nothing else.

On a fresh, committed database (SQLite and PostgreSQL): the read cache trusts this counter, so each table a
claim's view reads is written once here and the version must have grown after the commit.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session

from predictions.ledger.repo import committed_version
from predictions.ledger.tables import Claim, ClaimCondition, ClaimTag, Indicator, Outcome, Resolution
from tests.factories import T0, add_observations, link_rule, make_claim, make_indicator, make_snapshot
from tests.service.fresh_db import fresh_engine, fresh_url  # noqa: F401


def _version(engine: Engine) -> int:
    with Session(engine) as session:
        version = committed_version(session)
    assert version is not None
    return version


def _claim_and_indicator(engine: Engine) -> tuple[int, int]:
    with Session(engine) as session:
        claim = make_claim(session)
        indicator = make_indicator(session, key="series")
        session.commit()
        assert claim.id is not None and indicator.id is not None
        return claim.id, indicator.id


def _tag(session: Session, claim_id: int, _indicator_id: int) -> None:
    session.add(ClaimTag(claim_id=claim_id, tag="ai"))


def _rule(session: Session, claim_id: int, indicator_id: int) -> None:
    link_rule(session, claim=session.get_one(Claim, claim_id), indicator=session.get_one(Indicator, indicator_id))


def _first_observation(session: Session, _claim_id: int, indicator_id: int) -> None:
    add_observations(session, indicator=session.get_one(Indicator, indicator_id), start="2025-01", values=[1.0])


def _snapshot(session: Session, claim_id: int, _indicator_id: int) -> None:
    make_snapshot(session, claim=session.get_one(Claim, claim_id), at=T0, probability=0.4)


def _resolution(session: Session, claim_id: int, _indicator_id: int) -> None:
    session.add(
        Resolution(
            claim_id=claim_id,
            outcome=Outcome.TRUE,
            resolved_on=date(2025, 6, 1),
            evidence="It happened.",
            resolved_by="a researcher",
            created_at=T0,
        )
    )


def _condition(session: Session, claim_id: int, _indicator_id: int) -> None:
    session.add(ClaimCondition(claim_id=claim_id, prior=0.5))


def _claim_update(session: Session, claim_id: int, _indicator_id: int) -> None:
    session.execute(sa.text("UPDATE claim SET probability = 0.3 WHERE id = :id"), {"id": claim_id})


def _indicator_rename(session: Session, _claim_id: int, indicator_id: int) -> None:
    session.execute(sa.text("UPDATE indicator SET name = 'renamed' WHERE id = :id"), {"id": indicator_id})


def _claim_delete(session: Session, claim_id: int, _indicator_id: int) -> None:
    session.execute(sa.text("DELETE FROM claim WHERE id = :id"), {"id": claim_id})


WRITES: dict[str, Callable[[Session, int, int], None]] = {
    "tag": _tag,
    "rule": _rule,
    "first observation": _first_observation,
    "snapshot": _snapshot,
    "resolution": _resolution,
    "condition": _condition,
    "claim update (raw SQL)": _claim_update,
    "indicator update (raw SQL)": _indicator_rename,
    "claim delete (raw SQL)": _claim_delete,
}


@pytest.mark.parametrize("write", list(WRITES))
def test_a_committed_write_to_what_a_claim_view_reads_bumps_the_version(fresh_engine: Engine, write: str) -> None:  # noqa: F811
    claim_id, indicator_id = _claim_and_indicator(fresh_engine)
    before = _version(fresh_engine)
    with Session(fresh_engine) as session:
        WRITES[write](session, claim_id, indicator_id)
        session.commit()
    assert _version(fresh_engine) > before


def test_a_rolled_back_write_leaves_the_version(fresh_engine: Engine) -> None:  # noqa: F811
    claim_id, _ = _claim_and_indicator(fresh_engine)
    before = _version(fresh_engine)
    with Session(fresh_engine) as session:
        session.add(ClaimTag(claim_id=claim_id, tag="ai"))
        session.flush()
        session.rollback()
    assert _version(fresh_engine) == before


def test_a_session_with_uncommitted_writes_gets_no_version(fresh_engine: Engine) -> None:  # noqa: F811
    claim_id, _ = _claim_and_indicator(fresh_engine)
    with Session(fresh_engine) as session:
        assert committed_version(session) is not None  # reading only
        session.add(ClaimTag(claim_id=claim_id, tag="ai"))
        session.flush()
        assert committed_version(session) is None  # what it would read now is its own, not yet committed
        session.commit()
        assert committed_version(session) is not None
