"""Server-side request forgery through data sources (issue 19, High 3 and Medium 4), end to end.

The API runs under uvicorn on loopback, the "sources" are real HTTP servers on loopback (127.0.0.1, allowed to the
fetcher in some tests through the tests-only ``test_source_addresses``; 127.0.0.2, the internal service the
attacker is after, never allowed), and the sync is the job's own ``sync_sources`` on a fresh SQLite and PostgreSQL
database.
"""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from forecasts.periods import Frequency
from predictions.access.keys import create_key
from predictions.data.ingest import create_indicator
from predictions.data.sources import Fetched
from predictions.ledger.clock import FixedClock
from predictions.ledger.tables import Indicator, KeyRole
from service.api.app import create_app
from service.jobs.scheduler import JobContext, run_sources
from service.jobs.sources import build_sources, sync_sources
from service.settings import Settings
from tests.recorded_http import RecordedServer, Reply, recorded
from tests.service.conftest import uvicorn_in_thread
from tests.service.fresh_db import fresh_engine, fresh_url  # noqa: F401  (fixtures)

CLOCK = FixedClock(datetime(2026, 11, 28, 12, tzinfo=UTC))
SECRET = "SECRET-TOKEN-123"


def _keys(engine: Engine) -> tuple[dict[str, str], dict[str, str]]:
    with Session(engine) as session:
        researcher = create_key(session, role=KeyRole.RESEARCHER, name="r", clock=CLOCK).secret
        admin = create_key(session, role=KeyRole.ADMIN, name="a", clock=CLOCK).secret
        session.commit()
    return {"Authorization": f"Bearer {researcher}"}, {"Authorization": f"Bearer {admin}"}


def _indicator(engine: Engine, key: str) -> Indicator:
    with Session(engine) as session:
        row = session.exec(select(Indicator).where(Indicator.key == key)).one()
        session.expunge(row)
        return row


def test_a_researcher_cannot_point_the_server_at_loopback(
    fresh_engine: Engine,  # noqa: F811
    outside: RecordedServer,
    internal: RecordedServer,
) -> None:
    researcher, admin = _keys(fresh_engine)
    settings = Settings(database_url="sqlite://", source_hosts="data.example.org", source_retries=0)
    with uvicorn_in_thread(create_app(engine=fresh_engine, settings=settings, clock=CLOCK)) as base:
        api = f"{base}/api/v1/indicators"

        def post(key: str, source: str, headers: dict[str, str]) -> httpx.Response:
            body = {"key": key, "name": key, "frequency": "M", "source": source}
            return httpx.post(api, json=body, headers=headers, timeout=30)

        refused = post("attack", f"csv:{internal.url}/secret.csv", researcher)
        assert refused.status_code == 403
        assert refused.json()["detail"] == (
            "a data source on 127.0.0.2 needs an admin key: with a researcher key, a csv: source may only name "
            "data.example.org (PREDTRACK_SOURCE_HOSTS)"
        )
        assert post("attack2", f"{outside.url}/secret.csv", researcher).status_code == 403  # a bare URL too
        assert httpx.get(f"{api}/attack", timeout=30).status_code == 404  # nothing half-written
        assert post("listed", "csv:https://data.example.org/series.csv", researcher).status_code == 201
        assert post("dbnomics", "dbnomics:PBOC/MONEY/M1_YOY", researcher).status_code == 201
        assert post("by_admin", f"csv:{internal.url}/secret.csv", admin).status_code == 201
    assert _indicator(fresh_engine, "by_admin").source_set_by_admin
    assert not _indicator(fresh_engine, "listed").source_set_by_admin
    # Even an admin's source never reaches a private address: the fetcher refuses it after resolving it.
    results = sync_sources(
        fresh_engine,
        clock=CLOCK,
        sources=build_sources(settings, sleep=lambda _s: None),
        allowed_hosts=settings.source_host_set,
        keys=["by_admin"],
    )
    assert [r.error for r in results] == [f"csv:{internal.url}/secret.csv: refused: private address"]
    assert internal.hits == []


def test_the_scheduled_sync_refuses_a_host_nobody_allowed(fresh_engine: Engine, outside: RecordedServer) -> None:  # noqa: F811
    """A csv: source written before this check (or into the database directly), not set by an admin; the job the
    scheduler inside ``serve`` runs."""
    outside.serve("/series.csv", recorded("series.csv"))
    with Session(fresh_engine) as session:
        source = f"csv:{outside.url}/series.csv"
        create_indicator(session, key="old_csv", name="o", frequency="M", source=source, clock=CLOCK)
        create_indicator(session, key="admins_csv", name="a", frequency="M", source=source, clock=CLOCK, by_admin=True)
        session.commit()
    settings = Settings(database_url="sqlite://", test_source_addresses="127.0.0.1", source_retries=0)
    assert run_sources(JobContext(engine=fresh_engine, clock=CLOCK, settings=settings)) == 1  # one failed
    assert outside.hits == ["/series.csv"]  # the admin's source only
    assert _indicator(fresh_engine, "admins_csv").last_fetched_at == CLOCK.now()
    assert _indicator(fresh_engine, "old_csv").last_fetch_error == (
        f"{source}: refused: host not allowed (an admin must set this source)"
    )


def test_parse_errors_are_that_indicators_error_and_the_next_one_still_syncs(
    fresh_engine: Engine,  # noqa: F811
    outside: RecordedServer,
) -> None:
    outside.serve("/series/A/DEEP/X", Reply(body="[" * 100_000 + "]" * 100_000))  # RecursionError in json
    outside.serve("/wide.csv", Reply(body="period,value\n2025-01," + "9" * 200_000 + "\n", content_type="text/csv"))
    outside.serve("/series/PBOC/MONEY/M1_YOY", recorded("dbnomics_m1_yoy.json"))
    with Session(fresh_engine) as session:
        for key, source in [
            ("a_deep", "dbnomics:A/DEEP/X"),
            ("b_wide", f"csv:{outside.url}/wide.csv"),  # a field over the csv module's 128 KB limit
            ("c_good", "dbnomics:PBOC/MONEY/M1_YOY"),
        ]:
            create_indicator(session, key=key, name=key, frequency="M", source=source, clock=CLOCK)
        session.commit()
    settings = Settings(
        database_url="sqlite://", dbnomics_url=outside.url, test_source_addresses="127.0.0.1", source_retries=0
    )
    results = sync_sources(fresh_engine, clock=CLOCK, sources=build_sources(settings), allowed_hosts={"127.0.0.1"})
    assert [(r.key, r.ok, r.inserted) for r in results] == [
        ("a_deep", False, 0),
        ("b_wide", False, 0),
        ("c_good", True, 214),
    ]
    assert _indicator(fresh_engine, "a_deep").last_fetch_error == (
        "dbnomics:A/DEEP/X: malformed response (not the expected JSON)"
    )
    assert _indicator(fresh_engine, "b_wide").last_fetch_error == f"csv:{outside.url}/wide.csv: not CSV (unreadable)"
    assert _indicator(fresh_engine, "c_good").last_fetched_at == CLOCK.now()


def test_a_fetch_error_shown_publicly_is_a_category_never_the_body(
    fresh_engine: Engine,  # noqa: F811
    outside: RecordedServer,
) -> None:
    outside.serve("/series/X/Y/FORBIDDEN", Reply(status=403, body=f"{SECRET} is not allowed here"))
    outside.serve("/series.csv", Reply(body=f"<html>{SECRET}</html>\n2025-01,1\n", content_type="text/html"))
    outside.serve("/rows.csv", Reply(body=f"period,value\n2025-01,{SECRET}\n", content_type="text/csv"))
    with Session(fresh_engine) as session:
        create_indicator(
            session, key="forbidden", name="f", frequency="M", source="dbnomics:X/Y/FORBIDDEN", clock=CLOCK
        )
        create_indicator(session, key="html", name="h", frequency="M", source=f"{outside.url}/series.csv", clock=CLOCK)
        create_indicator(
            session, key="rows", name="r", frequency="M", source=f"csv:{outside.url}/rows.csv", clock=CLOCK
        )
        session.commit()
    settings = Settings(
        database_url="sqlite://", dbnomics_url=outside.url, test_source_addresses="127.0.0.1", source_retries=0
    )
    sync_sources(fresh_engine, clock=CLOCK, sources=build_sources(settings), allowed_hosts={"127.0.0.1"})
    expected = {
        "forbidden": "dbnomics:X/Y/FORBIDDEN: HTTP 403",
        "html": f"csv:{outside.url}/series.csv: not CSV: the header needs 'period' (or 'date') and 'value'",
        "rows": f"csv:{outside.url}/rows.csv: malformed CSV at line 2",
    }
    with uvicorn_in_thread(create_app(engine=fresh_engine, settings=settings, clock=CLOCK)) as base:
        for key, error in expected.items():
            assert httpx.get(f"{base}/api/v1/indicators/{key}", timeout=30).json()["last_fetch_error"] == error
            page = httpx.get(f"{base}/indicators/{key}", timeout=30).text
            assert SECRET not in page and "last error 2026-11-28 12:00 UTC" in page


class _Surprising:
    """A client that fails in a way no client should: the job must still record it and go on."""

    name = "dbnomics"

    def fetch(self, path: str, *, frequency: Frequency) -> list[Fetched]:
        if path == "A/B/BOOM":
            raise RuntimeError("a bug in a client")
        return [Fetched("2025-01", 1.0)]


def test_an_unexpected_failure_is_recorded_and_the_next_indicator_syncs(fresh_engine: Engine) -> None:  # noqa: F811
    with Session(fresh_engine) as session:
        create_indicator(session, key="a_boom", name="a", frequency="M", source="dbnomics:A/B/BOOM", clock=CLOCK)
        create_indicator(session, key="b_fine", name="b", frequency="M", source="dbnomics:A/B/FINE", clock=CLOCK)
        session.commit()
    results = sync_sources(fresh_engine, clock=CLOCK, sources={"dbnomics": _Surprising()}, allowed_hosts=())
    assert [(r.key, r.ok, r.inserted) for r in results] == [("a_boom", False, 0), ("b_fine", True, 1)]
    boom = _indicator(fresh_engine, "a_boom")
    assert boom.last_fetch_error == "sync failed (unexpected error; see the server log)"
    assert boom.last_fetch_error_at == CLOCK.now()
