"""The read cache never serves an answer older than the last commit, whoever made it (issue 12, issue 13).

Real apps on a fresh, committed database (SQLite and PostgreSQL), no test transaction in between: a write
through the API, a write by another process's engine, or a write through a second replica shows in the very
next read of the claims list and of the claim.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session

from predictions.access.keys import create_key
from predictions.ledger.clock import FixedClock
from predictions.ledger.db import make_engine
from predictions.ledger.tables import Claim, KeyRole
from service.api.app import create_app
from service.settings import Settings
from tests.factories import T0, make_claim, make_snapshot
from tests.service.conftest import NOW
from tests.service.fresh_db import fresh_engine, fresh_url  # noqa: F401

API = "/api/v1"
SETTINGS = Settings(database_url="sqlite://", private_reads=False)


@pytest.fixture
def ledger(fresh_engine: Engine) -> tuple[int, str]:  # noqa: F811
    """One committed claim with a snapshot, and a researcher key: (claim id, Authorization header value)."""
    with Session(fresh_engine) as session:
        claim = make_claim(session, statement="Chips will ship", deadline=date(2027, 6, 30))
        make_snapshot(session, claim=claim, at=T0, probability=0.4, method="model", model="ets")
        key = create_key(session, role=KeyRole.RESEARCHER, name="r", clock=FixedClock(NOW))
        session.commit()
        assert claim.id is not None
        return claim.id, f"Bearer {key.secret}"


@pytest.fixture
def replicas(fresh_engine: Engine, fresh_url: str) -> Iterator[tuple[TestClient, TestClient]]:  # noqa: F811
    """Two apps on one database, each with its own engine and read cache."""
    second = make_engine(fresh_url)
    apps = [create_app(engine=e, settings=SETTINGS, clock=FixedClock(NOW)) for e in (fresh_engine, second)]
    try:
        with TestClient(apps[0]) as one, TestClient(apps[1]) as two:
            yield one, two
    finally:
        second.dispose()


def _read(client: TestClient, claim_id: int) -> tuple[dict, dict]:
    listed = client.get(f"{API}/claims", params={"limit": 50})
    one = client.get(f"{API}/claims/{claim_id}")
    assert listed.status_code == one.status_code == 200
    assert [c for c in listed.json()["items"] if c["id"] == claim_id] == [one.json()]
    return listed.json(), one.json()


def test_repeated_reads_are_served_from_the_cache(replicas, ledger) -> None:
    one, _ = replicas
    claim_id, _ = ledger
    cache = one.app.state.read_cache
    first = _read(one, claim_id)
    hits = cache.hits
    assert _read(one, claim_id) == first
    assert cache.hits == hits + 2  # the list and the claim, not recomputed


def test_a_write_through_the_api_shows_in_the_next_read(replicas, ledger) -> None:
    one, _ = replicas
    claim_id, auth = ledger
    assert _read(one, claim_id)[1]["tags"] == []
    patched = one.patch(f"{API}/claims/{claim_id}", json={"tags": ["chips"]}, headers={"Authorization": auth})
    assert patched.status_code == 200, patched.text
    listed, claim = _read(one, claim_id)
    assert claim["tags"] == ["chips"] and listed["items"][0]["tags"] == ["chips"]


def test_a_write_by_another_process_shows_in_the_next_read(replicas, ledger, fresh_url: str) -> None:  # noqa: F811
    one, _ = replicas
    claim_id, _ = ledger
    assert _read(one, claim_id)[1]["probability_model"] == "ets"
    other = make_engine(fresh_url)  # e.g. the scheduler: its own engine, no API involved
    try:
        with Session(other) as session:
            make_snapshot(session, claim=session.get_one(Claim, claim_id), at=T0, probability=0.7, model="theta")
            session.execute(sa.text("UPDATE claim SET probability = 0.7 WHERE id = :id"), {"id": claim_id})
            session.commit()
    finally:
        other.dispose()
    listed, claim = _read(one, claim_id)
    assert (claim["probability"], claim["probability_model"]) == (0.7, "theta")
    assert listed["items"][0]["probability"] == 0.7


def test_two_replicas_agree_after_a_write_through_either(replicas, ledger) -> None:
    one, two = replicas
    claim_id, auth = ledger
    assert _read(one, claim_id) == _read(two, claim_id)
    created = two.post(
        f"{API}/claims",
        json={"statement": "Yields will fall", "quote": "Yields will fall.", "author": "A", "made_on": "2026-01-01",
              "deadline": "2026-12-31", "resolution_criteria": "As stated.", "prior": 0.3},
        headers={"Authorization": auth},
    )  # fmt: skip
    assert created.status_code == 201, created.text
    listed_one, _ = _read(one, claim_id)
    listed_two, _ = _read(two, claim_id)
    assert listed_one == listed_two
    assert listed_one["total"] == 2
    assert [c["statement"] for c in listed_one["items"]] == ["Yields will fall", "Chips will ship"]
