"""Cached claims reads answered before FastAPI (issue 12): the route's bytes, never stale, never past a key check.

Real apps on a fresh, committed database (SQLite and PostgreSQL). The reference is the same app without the
fast path (``FastReads`` taken out of its middleware), so every answer is compared with what the route itself
sends: status, headers and body, byte for byte.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest
import sqlalchemy as sa
from fastapi import FastAPI, Request
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session

from predictions.access.keys import create_key
from predictions.ledger.clock import FixedClock
from predictions.ledger.db import make_engine
from predictions.ledger.tables import Claim, ClaimTag, KeyRole
from service.api.app import create_app
from service.api.fast_reads import FastReads
from service.api.read_cache import RequestReadCache, get_read_cache
from service.settings import Settings
from tests.factories import T0, make_claim, make_snapshot
from tests.service.conftest import NOW
from tests.service.fresh_db import fresh_engine, fresh_url  # noqa: F401

API = "/api/v1"
PUBLIC = Settings(database_url="sqlite://", private_reads=False)


@pytest.fixture
def claim_ids(fresh_engine: Engine) -> list[int]:  # noqa: F811
    """Three committed claims, two with snapshots."""
    with Session(fresh_engine) as session:
        made = [make_claim(session, statement=f"Claim {n}", deadline=date(2027, n, 1)) for n in (1, 2, 3)]
        session.add_all(ClaimTag(claim_id=c.id, tag=f"t{n}") for n, c in enumerate(made, start=1))  # type: ignore[arg-type]
        make_snapshot(session, claim=made[0], at=T0, probability=0.4, model="ets")
        make_snapshot(session, claim=made[2], at=T0, probability=0.9, model="theta")
        session.commit()
        return [c.id for c in made if c.id is not None]


def _app(engine: Engine, *, settings: Settings = PUBLIC, fast: bool = True) -> FastAPI:
    app = create_app(engine=engine, settings=settings, clock=FixedClock(NOW))
    if not fast:
        app.user_middleware = [m for m in app.user_middleware if m.cls is not FastReads]
    return app


@pytest.fixture
def clients(fresh_engine: Engine) -> Iterator[tuple[TestClient, TestClient]]:  # noqa: F811
    """(with the fast path, without it) on one database."""
    with TestClient(_app(fresh_engine)) as fast, TestClient(_app(fresh_engine, fast=False)) as plain:
        yield fast, plain


def _routed(app: FastAPI) -> list[str]:
    """Counts the requests that reach a route using the read cache (the fast path answers without one)."""
    reached: list[str] = []
    real = get_read_cache

    async def counting(request: Request) -> RequestReadCache:
        reached.append(request.url.path)
        return await real(request)

    app.dependency_overrides[get_read_cache] = counting
    return reached


@contextmanager
def _elsewhere(url: str) -> Iterator[Session]:
    """A session of another process's engine on the same database, committed at the end."""
    other = make_engine(url)
    try:
        with Session(other) as session:
            yield session
            session.commit()
    finally:
        other.dispose()


def _seen(response) -> tuple[int, list[tuple[bytes, bytes]], bytes]:  # type: ignore[no-untyped-def]
    return response.status_code, list(response.headers.raw), response.content


REQUESTS = [
    "/claims",
    "/claims?limit=2&offset=1",
    "/claims?sort=probability&order=desc",
    "/claims?tag=t2",
    "/claims?limit=50&limit=2",
    "/claims?limit=0",  # 422
    "/claims?colour=red",  # unknown parameter
    "/claims/{0}",
    "/claims/{1}",
    "/claims/{2}",
    "/claims/0{0}",  # not the plain form: the route parses it
    "/claims/999999",  # 404
    "/claims/99999999999999999999",  # beyond int64: 422
    "/claims/-1",
]


def test_every_answer_is_the_routes_byte_for_byte(clients, claim_ids: list[int]) -> None:
    fast, plain = clients
    for template in REQUESTS:
        path = API + template.format(*claim_ids)
        expected = _seen(plain.get(path))
        first, again = _seen(fast.get(path)), _seen(fast.get(path))
        assert first == expected, path
        assert again == expected, path
    assert _seen(fast.get(f"{API}/claims/{claim_ids[0]}"))[1][-4:] == [
        (b"content-security-policy", plain.get(f"{API}/claims").headers["content-security-policy"].encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"x-frame-options", b"DENY"),
        (b"referrer-policy", b"same-origin"),
    ]


def test_repeated_reads_skip_the_route_until_the_ledger_changes(
    clients,
    claim_ids: list[int],
    fresh_url: str,  # noqa: F811
) -> None:
    fast, _ = clients
    reached = _routed(fast.app)
    first = fast.get(f"{API}/claims", params={"limit": 2})
    assert first.status_code == 200
    assert fast.get(f"{API}/claims", params={"limit": 2}).content == first.content
    for claim_id in claim_ids:
        assert fast.get(f"{API}/claims/{claim_id}").status_code == 200
    assert reached == [f"{API}/claims"]  # the list once; each claim by the fast path from the start

    with _elsewhere(fresh_url) as session:  # another process (the scheduler, say) writes
        claim = session.get_one(Claim, claim_ids[1])
        make_snapshot(session, claim=claim, at=T0, probability=0.25, model="arima")
        session.execute(sa.text("UPDATE claim SET probability = 0.25 WHERE id = :id"), {"id": claim_ids[1]})
    listed = fast.get(f"{API}/claims", params={"limit": 2})
    assert [c["probability"] for c in listed.json()["items"]] == [
        None,
        0.25,
    ]  # claim 1 has a snapshot but no probability column set
    assert reached == [f"{API}/claims"] * 2  # the route again: the cached page was older than the write
    claim = fast.get(f"{API}/claims/{claim_ids[1]}").json()
    assert (claim["probability"], claim["probability_model"]) == (0.25, "arima")


def test_private_reads_are_not_answered_without_a_key(fresh_engine: Engine, claim_ids: list[int]) -> None:  # noqa: F811
    with Session(fresh_engine) as session:
        key = create_key(session, role=KeyRole.RESEARCHER, name="r", clock=FixedClock(NOW))
        session.commit()
        auth = {"Authorization": f"Bearer {key.secret}"}
    private = Settings(database_url="sqlite://", private_reads=True)
    with TestClient(_app(fresh_engine, settings=private)) as client:
        for path in (f"{API}/claims", f"{API}/claims/{claim_ids[0]}"):
            assert client.get(path, headers=auth).status_code == 200
            assert client.get(path, headers=auth).status_code == 200
            refused = client.get(path)
            assert refused.status_code == 401 and "key" in refused.json()["detail"].lower()


class _Broken:
    """A version reader whose database went away."""

    def read(self) -> int:
        raise sa.exc.OperationalError("SELECT version", {}, Exception("server closed the connection"))

    def close(self) -> None:
        pass


def test_a_failing_fast_path_leaves_the_answer_to_the_route(
    clients, claim_ids: list[int], caplog: pytest.LogCaptureFixture
) -> None:
    fast, plain = clients
    reached = _routed(fast.app)
    cached, never_read = (f"{API}/claims/{claim_ids[0]}", f"{API}/claims/{claim_ids[1]}")
    assert _seen(fast.get(cached)) == _seen(plain.get(cached)) and reached == []  # now held by the cache
    fast.app.state.committed_versions = _Broken()  # checking the held answer's version fails
    assert _seen(fast.get(cached)) == _seen(plain.get(cached))
    assert reached == [cached]  # the route answered, through its own session
    fast.app.state.read_engine = sa.create_engine("sqlite:////nonexistent/dir/ledger.db")  # the first read fails
    assert _seen(fast.get(never_read)) == _seen(plain.get(never_read))
    assert reached == [cached, never_read]
    assert caplog.text.count("the route answers instead") == 2


def test_a_claim_never_read_costs_one_statement_and_is_kept_at_its_version(
    clients,
    claim_ids: list[int],
    fresh_url: str,  # noqa: F811
) -> None:
    fast, plain = clients
    path = f"{API}/claims/{claim_ids[2]}"
    expected = _seen(plain.get(path))
    statements: list[str] = []
    engines = {fast.app.state.read_engine, fast.app.state.engine}

    def record(_conn, _cursor, statement: str, *_) -> None:  # type: ignore[no-untyped-def]
        if threading.current_thread().name != "predtrack-score-keeper":  # its pass every 2 s is not the request's
            statements.append(statement)

    for engine in engines:
        sa.event.listen(engine, "before_cursor_execute", record)
    answer = _seen(fast.get(path))
    for engine in engines:
        sa.event.remove(engine, "before_cursor_execute", record)
    assert answer == expected
    assert len(statements) == 1 and "ledger_version" in statements[0]  # the claim and the version together
    reached = _routed(fast.app)
    assert _seen(fast.get(path)) == _seen(plain.get(path)) and reached == []  # from the cache, at that version

    with _elsewhere(fresh_url) as session:  # a write elsewhere makes the kept answer old
        session.add(ClaimTag(claim_id=claim_ids[2], tag="new-tag"))
    assert "new-tag" in fast.get(path).json()["tags"]


def test_a_process_starts_even_when_its_reads_cannot_be_warmed(tmp_path, caplog: pytest.LogCaptureFixture) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'empty.db'}")  # no tables yet
    try:
        with TestClient(_app(engine)) as client:
            assert client.get(f"{API}/health").status_code in (200, 503)
    finally:
        engine.dispose()
    assert "warming the claims reads failed" in caplog.text


def test_a_fast_read_never_waits_for_a_connection_the_routes_hold(
    claim_ids: list[int],
    fresh_url: str,  # noqa: F811
) -> None:
    # The routes' pool: one connection, taken below, and a checkout that would wait 30 s for it. The fast path runs
    # on the event loop: had it shared that pool, it would have stopped the whole process for those 30 s.
    engine = make_engine(fresh_url, pool_size=1, max_overflow=0, pool_timeout=30)
    try:
        with TestClient(_app(engine)) as client, engine.connect():
            assert client.app.state.read_engine is not engine  # type: ignore[attr-defined]
            reached = _routed(client.app)  # type: ignore[arg-type]
            answer = client.get(f"{API}/claims/{claim_ids[0]}")
            assert answer.status_code == 200 and answer.json()["statement"] == "Claim 1"
            assert reached == []  # the fast path answered, on its own connection
    finally:
        engine.dispose()
