"""The claims list's order is kept per ledger version (issue 21: a new server's first list pages each sorted and
counted every claim): it is sorted before the first reader asks, a page is a slice of it, and a committed write
(a new claim, a changed deadline, a new tag) shows in the next read, with the right total and page boundaries.

Every expected order below is worked out by hand from the deadlines (ties: the lower id first)."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session

from predictions.ledger.clock import FixedClock
from predictions.ledger.tables import Claim, ClaimTag
from service.api.app import create_app
from service.settings import Settings
from tests.factories import make_claim
from tests.service.conftest import NOW
from tests.service.fresh_db import fresh_engine, fresh_url  # noqa: F401

# The keeper's first pass runs at start; an hour between passes, so that only readers sort during the test.
SETTINGS = Settings(database_url="sqlite://", scores_refresh_seconds=3600, secret_key="configured")
DEADLINES = {"c1": date(2027, 1, 5), "c2": date(2027, 1, 1), "c3": date(2027, 1, 3), "c4": date(2027, 1, 4),
             "c5": date(2027, 1, 2)}  # fmt: skip


def _commit_claim(engine: Engine, statement: str, deadline: date, tags: tuple[str, ...] = ()) -> int:
    with Session(engine) as session:
        claim = make_claim(session, statement=statement, deadline=deadline)
        session.add_all(ClaimTag(claim_id=claim.id, tag=tag) for tag in tags)
        session.commit()
        assert claim.id is not None
        return claim.id


def _page(client: TestClient, query: str) -> tuple[list[str], int]:
    answer = client.get(f"/api/v1/claims?{query}")
    assert answer.status_code == 200, answer.text
    body = answer.json()
    return [item["statement"] for item in body["items"]], body["total"]


def test_pages_are_slices_of_the_kept_order_and_writes_show(fresh_engine: Engine) -> None:  # noqa: F811
    ids = {name: _commit_claim(fresh_engine, name, DEADLINES[name], ("energy",) if name in ("c3", "c4") else ())
           for name in DEADLINES}  # fmt: skip
    app = create_app(engine=fresh_engine, settings=SETTINGS, clock=FixedClock(NOW))
    with TestClient(app) as client:
        orders = app.state.claim_orders
        assert orders.computed == 1  # the default listing, sorted before any request
        # By deadline: c2 (1 Jan), c5 (2 Jan), c3 (3 Jan), c4 (4 Jan), c1 (5 Jan); pages of two.
        assert _page(client, "limit=2&offset=0") == (["c2", "c5"], 5)
        assert _page(client, "limit=2&offset=2") == (["c3", "c4"], 5)
        assert _page(client, "limit=2&offset=4") == (["c1"], 5)
        assert _page(client, "limit=2&offset=5") == ([], 5)
        assert _page(client, "limit=50") == (["c2", "c5", "c3", "c4", "c1"], 5)
        assert orders.computed == 1  # every page a slice of the one order

        # A new claim due on 2 Jan, like c5: after it (a higher id), so every later page moves by one.
        _commit_claim(fresh_engine, "c6", date(2027, 1, 2))
        assert _page(client, "limit=2&offset=0") == (["c2", "c5"], 6)
        assert _page(client, "limit=2&offset=2") == (["c6", "c3"], 6)
        assert _page(client, "limit=2&offset=4") == (["c4", "c1"], 6)
        assert _page(client, "limit=2&offset=6") == ([], 6)
        assert orders.computed == 2  # sorted once more, at the new version

        # c1's deadline moves to 31 Dec 2026: first.
        with Session(fresh_engine) as session:
            claim = session.get(Claim, ids["c1"])
            assert claim is not None
            claim.deadline = date(2026, 12, 31)
            session.commit()
        assert _page(client, "limit=3") == (["c1", "c2", "c5"], 6)
        assert _page(client, "limit=3&offset=3") == (["c6", "c3", "c4"], 6)
        assert _page(client, "order=desc&limit=2") == (["c4", "c3"], 6)  # ties descend by id: c6 before c5
        assert _page(client, "order=desc&limit=2&offset=2") == (["c6", "c5"], 6)

        # A listing by tag (its case ignored); a tag added to c2 alone (no claim row changes) shows too.
        assert _page(client, "tag=Energy") == (["c3", "c4"], 2)
        with Session(fresh_engine) as session:
            session.add(ClaimTag(claim_id=ids["c2"], tag="energy"))
            session.commit()
        assert _page(client, "tag=energy") == (["c2", "c3", "c4"], 3)
        assert _page(client, "tag=energy&limit=1&offset=2") == (["c4"], 3)


def test_a_text_search_is_sorted_each_time_and_never_kept(fresh_engine: Engine) -> None:  # noqa: F811
    for name in DEADLINES:
        _commit_claim(fresh_engine, f"Claim {name}", DEADLINES[name])
    app = create_app(engine=fresh_engine, settings=SETTINGS, clock=FixedClock(NOW))
    with TestClient(app) as client:
        orders = app.state.claim_orders
        kept = orders.computed
        assert _page(client, "q=claim%20c&limit=2&offset=1") == (["Claim c5", "Claim c3"], 5)
        assert _page(client, "q=C4") == (["Claim c4"], 1)
        assert orders.computed == kept  # any text is a new listing: none of them pushes the kept ones out


def test_a_list_page_reads_in_autocommit_and_gives_its_connection_back_transactional(fresh_engine: Engine) -> None:  # noqa: F811
    if fresh_engine.dialect.name != "postgresql":
        pytest.skip("autocommit reads are PostgreSQL's (service.api.deps.read_only)")
    for name in DEADLINES:
        _commit_claim(fresh_engine, name, DEADLINES[name])
    app = create_app(engine=fresh_engine, settings=SETTINGS, clock=FixedClock(NOW))
    with TestClient(app) as client:
        for offset in range(5):  # five pages computed afresh, each on a connection of the pool
            assert _page(client, f"limit=1&offset={offset}")[1] == 5
        pool = fresh_engine.pool
        connections = [fresh_engine.raw_connection() for _ in range(pool.checkedin())]
        try:
            assert connections and all(not c.driver_connection.autocommit for c in connections)  # type: ignore[union-attr]
        finally:
            for connection in connections:
                connection.close()
        # A write committed afterwards shows on the next page.
        _commit_claim(fresh_engine, "c0", date(2026, 6, 1))
        assert _page(client, "limit=1") == (["c0"], 6)


def test_the_default_pages_are_kept_before_traffic_and_a_write_shows_on_the_next_view(fresh_engine: Engine) -> None:  # noqa: F811
    for name in DEADLINES:
        _commit_claim(fresh_engine, name, DEADLINES[name])
    app = create_app(engine=fresh_engine, settings=SETTINGS, clock=FixedClock(NOW))
    with TestClient(app) as client:
        cache = app.state.read_cache
        computed = cache.misses
        assert _page(client, "") == (["c2", "c5", "c3", "c4", "c1"], 5)  # 50 a page by default: one page
        assert _page(client, "limit=50&offset=0") == (["c2", "c5", "c3", "c4", "c1"], 5)
        assert cache.misses == computed  # both the page kept at start
        _commit_claim(fresh_engine, "c6", date(2027, 1, 2))
        assert _page(client, "") == (["c2", "c5", "c6", "c3", "c4", "c1"], 6)
        assert cache.misses == computed + 1  # computed on its first view at the new version
