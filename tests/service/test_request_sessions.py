"""Request sessions on a real app (not the tests' shared transaction): what a read costs in connections.

A page kept at the ledger's version reads the version on a kept autocommit connection and never checks one out of
the app's pool, and the connections kept are reused from request to request. Counted with the pool's events,
not timed.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import date

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session

from predictions.ledger.clock import FixedClock
from predictions.ledger.db import make_engine
from predictions.ledger.repo import VERSIONS_INFO, CommittedVersions, committed_version
from predictions.ledger.tables import Claim
from service.api.app import create_app
from service.settings import Settings
from tests.factories import make_claim
from tests.service.conftest import NOW
from tests.service.fresh_db import fresh_engine, fresh_url  # noqa: F401

# No background keeper: its thread would check connections out while the test counts them.
SETTINGS = Settings(database_url="sqlite://", private_reads=False, scores_refresh_seconds=0)


@contextmanager
def _counting(engine: Engine, event: str) -> Iterator[list[object]]:
    seen: list[object] = []
    listener = lambda *args: seen.append(args)  # noqa: E731
    sa.event.listen(engine, event, listener)
    try:
        yield seen
    finally:
        sa.event.remove(engine, event, listener)


def _claims(session: Session) -> list[Claim]:
    return list(session.exec(sa.select(Claim)).all())  # type: ignore[call-overload]


def _committed_claims(engine: Engine) -> None:
    with Session(engine) as session:
        for n in (1, 2, 3):
            make_claim(session, statement=f"Claim {n}", deadline=date(2027, n, 1))
        session.commit()


def test_a_kept_page_checks_out_no_connection_and_the_kept_ones_are_reused(fresh_engine: Engine) -> None:  # noqa: F811
    _committed_claims(fresh_engine)
    app = create_app(engine=fresh_engine, settings=SETTINGS, clock=FixedClock(NOW))
    pages = ["/", "/feeds/changes.atom", "/api/v1/claims?limit=2"]
    with TestClient(app) as client:
        for path in pages:  # the first views: the cookie secret, the pages computed and kept
            assert client.get(path).status_code == 200
        read_engine = app.state.read_engine
        with (
            _counting(fresh_engine, "checkout") as checkouts,
            _counting(read_engine, "connect") as opened,
            _counting(read_engine, "before_cursor_execute") as version_reads,
        ):
            for _ in range(5):
                for path in pages:
                    assert client.get(path).status_code == 200
    assert checkouts == []  # no session began: no ping, no BEGIN, no COMMIT
    assert opened == []  # the version's connections were kept from the first requests
    assert len(version_reads) >= 15  # each request still read the version: never an answer older than a commit


def test_a_page_that_reads_still_gets_a_session_and_ends_it(fresh_engine: Engine) -> None:  # noqa: F811
    _committed_claims(fresh_engine)
    app = create_app(engine=fresh_engine, settings=SETTINGS, clock=FixedClock(NOW))
    with TestClient(app) as client:
        assert client.get("/claims/1").status_code == 200
        with _counting(fresh_engine, "checkout") as checkouts, _counting(fresh_engine, "checkin") as checkins:
            assert client.get("/claims/2").status_code == 200
        assert len(checkouts) == 1 and len(checkins) == 1  # the page's session, given back at its end
        assert fresh_engine.pool.checkedout() == 0  # type: ignore[attr-defined]


def test_a_session_not_begun_reads_the_version_on_the_kept_connection(fresh_engine: Engine) -> None:  # noqa: F811
    _committed_claims(fresh_engine)
    versions = CommittedVersions(fresh_engine)
    try:
        with Session(fresh_engine) as plain:
            expected = committed_version(plain)
        versions.read()  # its connection, kept
        with Session(fresh_engine, info={VERSIONS_INFO: versions}) as session:
            with _counting(fresh_engine, "checkout") as checkouts:
                assert committed_version(session) == expected
            assert checkouts == [] and not session.in_transaction() and versions.kept == 1
            make_claim(session, statement="Not committed")  # begun, and written: its own view, no version
            assert committed_version(session) is None
            session.rollback()
    finally:
        versions.close()
    assert versions.kept == 0


def test_committed_versions_reuses_one_connection_and_a_concurrent_reader_never_waits(
    fresh_engine: Engine,  # noqa: F811
) -> None:
    _committed_claims(fresh_engine)
    versions = CommittedVersions(fresh_engine)
    try:
        with _counting(fresh_engine, "checkout") as checkouts:
            first = [versions.read() for _ in range(5)]
        assert len(set(first)) == 1 and len(checkouts) == 1 and versions.kept == 1
        # A second reader while the first is in its round trip: it gets a connection of its own (with one
        # connection behind a lock it waited for the first's round trip; nested here, that would never end).
        inner: list[int] = []
        started = threading.Event()

        def once(*_args: object) -> None:
            if threading.current_thread() is threading.main_thread() and not started.is_set():
                started.set()
                reader = threading.Thread(target=lambda: inner.append(versions.read()))
                reader.start()
                reader.join(timeout=30)
                assert inner, "the second reader waited for the first"

        sa.event.listen(fresh_engine, "before_cursor_execute", once)
        try:
            assert versions.read() == first[0]
        finally:
            sa.event.remove(fresh_engine, "before_cursor_execute", once)
        assert inner == [first[0]] and versions.kept == 2
    finally:
        versions.close()
    assert versions.kept == 0


def test_a_failed_version_read_drops_its_connection_and_the_next_opens_one(fresh_engine: Engine) -> None:  # noqa: F811
    versions = CommittedVersions(fresh_engine)
    try:
        version = versions.read()

        def fail(*_args: object) -> None:
            raise RuntimeError("the connection broke")

        sa.event.listen(fresh_engine, "before_cursor_execute", fail)
        try:
            try:
                versions.read()
            except Exception as exc:
                assert "the connection broke" in str(exc)
            else:
                raise AssertionError("a failed read must raise")
        finally:
            sa.event.remove(fresh_engine, "before_cursor_execute", fail)
        assert versions.kept == 0
        assert versions.read() == version and versions.kept == 1
    finally:
        versions.close()


class _Broken:
    """A version reader whose connection died (a restarted database)."""

    def read(self) -> int:
        raise sa.exc.OperationalError("SELECT version", {}, Exception("server closed the connection"))


def test_a_session_whose_version_reader_fails_reads_the_version_itself(fresh_engine: Engine) -> None:  # noqa: F811
    _committed_claims(fresh_engine)
    with Session(fresh_engine) as plain:
        expected = committed_version(plain)
    with Session(fresh_engine, info={VERSIONS_INFO: _Broken()}) as session:
        assert expected is not None and committed_version(session) == expected


def test_warm_connections_leaves_that_many_ready_in_the_pool(fresh_engine: Engine) -> None:  # noqa: F811
    from service.db import warm_connections

    _committed_claims(fresh_engine)
    engine = make_engine(fresh_engine.url.render_as_string(hide_password=False), pool_size=5, max_overflow=5)
    warmed: list[int] = []
    try:
        with _counting(engine, "connect") as opened:
            warm_connections(engine, count=4, warm=lambda session: warmed.append(len(_claims(session))))
        assert len(opened) == 4 and warmed == [3, 3, 3, 3]
        assert engine.pool.checkedin() == 4 and engine.pool.checkedout() == 0  # type: ignore[attr-defined]
        with _counting(engine, "connect") as opened_later, ExitStack() as stack:
            for _ in range(4):  # four at once, as four threads would: none to open
                stack.enter_context(engine.connect())
        assert opened_later == []
    finally:
        engine.dispose()


def test_keep_open_opens_only_the_connections_missing(fresh_engine: Engine) -> None:  # noqa: F811
    versions = CommittedVersions(fresh_engine)
    try:
        versions.read()
        with _counting(fresh_engine, "checkout") as checkouts:
            versions.keep_open(3)
        assert versions.kept == 3 and len(checkouts) == 2
        versions.keep_open(2)
        assert versions.kept == 3
    finally:
        versions.close()


def test_an_app_on_postgresql_opens_a_connection_per_route_thread_before_traffic() -> None:
    from service.api.fast_reads import warm_connection_count

    def count(dialect: str, **settings: int) -> int:
        app = type("App", (), {})()
        app.state = type("State", (), {})()  # type: ignore[attr-defined]
        app.state.engine = type("E", (), {"dialect": type("D", (), {"name": dialect})()})()  # type: ignore[attr-defined]
        app.state.settings = Settings(database_url="sqlite://", **settings)  # type: ignore[attr-defined, arg-type]
        return warm_connection_count(app)

    assert count("postgresql", threads=8, db_pool_size=20) == 9
    assert count("postgresql", threads=40, db_pool_size=20) == 20  # never past the pool's size
    assert count("sqlite", threads=8, db_pool_size=20) == 1


def test_version_readers_past_their_bound_leave_the_read_to_the_session(fresh_engine: Engine) -> None:  # noqa: F811
    from predictions.ledger.repo import VersionReadersBusy

    _committed_claims(fresh_engine)
    versions = CommittedVersions(fresh_engine, most=1)
    try:
        versions.keep_open(3)  # no more than its bound
        assert versions.kept == 1
        in_a_read_elsewhere = versions._idle.pop()  # noqa: SLF001
        try:
            try:
                versions.read()
            except VersionReadersBusy:
                pass
            else:
                raise AssertionError("a reader past the bound must not open another connection")
            with Session(fresh_engine, info={VERSIONS_INFO: versions}) as session:
                with Session(fresh_engine) as plain:
                    expected = committed_version(plain)
                assert expected is not None and committed_version(session) == expected  # through the session
        finally:
            versions._idle.append(in_a_read_elsewhere)  # noqa: SLF001 - that read is done
    finally:
        versions.close()


def test_the_fast_reads_pool_keeps_warm_connections_for_the_event_loop(fresh_engine: Engine) -> None:  # noqa: F811
    if fresh_engine.dialect.name != "postgresql":
        pytest.skip("connections are warmed on PostgreSQL only (one SQLite file needs none)")
    _committed_claims(fresh_engine)
    # 2 threads, a pool of 4: 3 warm connections a pool; the version readers keep 1 + 2 of the fast reads' pool.
    settings = SETTINGS.model_copy(update={"threads": 2, "db_pool_size": 4})
    app = create_app(engine=fresh_engine, settings=settings, clock=FixedClock(NOW))
    with TestClient(app) as client:
        # The version readers were kept first, so warm connections are left idle beside them (they used to take
        # the warm ones, and the event loop's first uncached claim opened a cold one inline).
        assert app.state.page_versions.kept == 2 and app.state.committed_versions.kept == 1
        assert app.state.read_engine.pool.checkedin() == 1  # the pool's fourth, warm
        with _counting(app.state.read_engine, "connect") as opened:
            for claim_id in (1, 2, 3):  # never read before: each answered on the event loop from the database
                assert client.get(f"/api/v1/claims/{claim_id}").status_code == 200
        assert opened == []


@pytest.mark.parametrize(("threads", "pool"), [(1, 2), (8, 2), (1, 3), (2, 4), (8, 5)])
def test_the_version_readers_leave_the_read_pool_a_connection(
    fresh_engine: Engine,  # noqa: F811
    threads: int,
    pool: int,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # With a pool of 2 both version readers kept a connection at start, and the start's first read (the default
    # listing's pages) waited out the pool's 30-second timeout before the process took traffic.
    _committed_claims(fresh_engine)
    settings = SETTINGS.model_copy(update={"threads": threads, "db_pool_size": pool})
    app = create_app(engine=fresh_engine, settings=settings, clock=FixedClock(NOW))
    app.state.read_engine.pool._timeout = 2  # noqa: SLF001 - a starved start fails in 2 s, not 30
    with caplog.at_level("WARNING"), TestClient(app) as client:
        kept = app.state.committed_versions.kept + app.state.page_versions.kept
        assert kept <= pool - 1
        assert app.state.read_engine.pool.checkedout() <= pool - 1
        assert client.get("/api/v1/claims").status_code == 200
        assert client.get("/api/v1/claims/1").status_code == 200
    assert "warming the claims reads failed" not in caplog.text


def test_a_pool_of_one_is_refused_with_the_setting_named() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="db_pool_size"):
        Settings(database_url="sqlite://", db_pool_size=1)
