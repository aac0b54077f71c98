"""Hostile input (issue 12): every probe answers 4xx with a ``detail``, writes nothing, and stays cheap.

Each test runs on SQLite and, with PREDTRACK_TEST_DATABASE_URL, on PostgreSQL (the ``client`` fixture).
"""

from __future__ import annotations

import asyncio
import json
import time
import tracemalloc
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from predictions.ledger.tables import ApiKey, Claim, Indicator, Observation, RescoreRequest, Source
from service.api.app import create_app
from service.api.deps import get_session
from service.settings import Settings
from tests.factories import add_observations, make_indicator

API = "/api/v1"
BIG = 2**63  # one past int64
CLAIM = {
    "statement": "M2 growth above 8% in December 2026",
    "quote": "money growth will stay high",
    "author": "Some Analyst",
    "made_on": "2026-11-01",
    "deadline": "2026-12-31",
    "resolution_criteria": "PBOC M2 YoY for 2026-12 > 8",
}


def rows(session: Session) -> tuple[int, ...]:
    """Row counts of every table a write could touch."""
    return tuple(
        session.exec(select(func.count()).select_from(table)).one()
        for table in (Claim, Source, Indicator, Observation, RescoreRequest, ApiKey)
    )


def refused(response: Any, status: int, *needles: str) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["detail"], body
    for needle in needles:
        assert needle in json.dumps(body["detail"]), body


# --- body size and the key before the body -------------------------------------------------------------------


def _call(app: Any, *, method: str, path: str, headers: dict[str, str], chunks: Iterator[bytes]) -> tuple[int, int]:
    """Drive the ASGI app directly; answer (status, body bytes the app pulled from the client)."""
    pulled = 0
    status = 0

    async def receive() -> dict[str, Any]:
        nonlocal pulled
        chunk = next(chunks, None)
        if chunk is None:
            return {"type": "http.request", "body": b"", "more_body": False}
        pulled += len(chunk)
        return {"type": "http.request", "body": chunk, "more_body": True}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        "client": ("127.0.0.1", 1234),
        "server": ("testserver", 80),
    }
    asyncio.run(app(scope, receive, send))
    return status, pulled


def _megabytes(n: int) -> Iterator[bytes]:
    chunk = b" " * 1_000_000
    return iter([chunk] * n)


@pytest.fixture
def app(client: TestClient) -> Any:
    return client.app


def test_anonymous_write_gets_401_before_its_body_is_read(app: Any, session: Session) -> None:
    before = rows(session)
    status, pulled = _call(
        app,
        method="POST",
        path=f"{API}/indicators/x/observations",
        headers={"content-type": "application/json", "content-length": str(5_000_000)},
        chunks=_megabytes(5),
    )
    assert (status, pulled) == (401, 0)
    status, pulled = _call(
        app,
        method="POST",
        path=f"{API}/claims",
        headers={"content-type": "application/json", "authorization": "Bearer pt_0000_wrong"},
        chunks=_megabytes(5),
    )
    assert (status, pulled) == (401, 0)
    assert rows(session) == before


def test_body_over_the_limit_gets_413_unread_or_as_soon_as_it_passes(
    app: Any, session: Session, researcher_headers: dict[str, str]
) -> None:
    before = rows(session)
    tracemalloc.start()
    started = time.perf_counter()
    status, pulled = _call(
        app,
        method="POST",
        path=f"{API}/indicators/x/observations",
        headers={**researcher_headers, "content-type": "application/json", "content-length": str(72_000_000)},
        chunks=_megabytes(72),
    )
    assert (status, pulled) == (413, 0)
    # No Content-Length (chunked): the app stops pulling once it is past 20 MB.
    status, pulled = _call(
        app,
        method="POST",
        path=f"{API}/indicators/x/observations",
        headers={**researcher_headers, "content-type": "application/json"},
        chunks=_megabytes(72),
    )
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert status == 413 and pulled <= 21_000_000
    assert peak < 60_000_000, f"peak {peak / 1e6:.0f} MB"
    assert time.perf_counter() - started < 10
    assert rows(session) == before


def test_batch_past_the_row_limit_gets_413_and_writes_nothing(
    engine: Any, session: Session, clock: Any, researcher_headers: dict[str, str]
) -> None:
    make_indicator(session, key="many")
    app = create_app(engine=engine, settings=Settings(database_url="sqlite://", max_batch_rows=100), clock=clock)
    app.dependency_overrides[get_session] = lambda: session
    before = rows(session)
    observations = [{"period": f"{1900 + i}-01", "value": i} for i in range(101)]
    with TestClient(app) as client:
        response = client.post(
            f"{API}/indicators/many/observations", json={"observations": observations}, headers=researcher_headers
        )
    refused(response, 413, "at most 100")
    assert rows(session) == before


def test_memory_per_batch_row_is_bounded(
    client: TestClient, session: Session, researcher_headers: dict[str, str]
) -> None:
    """20,000 rows (1 MB of JSON) through the endpoint: the peak stays near 1 KB a row (documented in README)."""
    make_indicator(session, key="daily", frequency="D")
    n = 20_000
    day = date(1960, 1, 1)
    observations = [{"period": (day + timedelta(days=i)).isoformat(), "value": i / 7} for i in range(n)]
    body = json.dumps({"observations": observations})
    del observations
    tracemalloc.start()
    response = client.post(
        f"{API}/indicators/daily/observations",
        content=body,
        headers={**researcher_headers, "content-type": "application/json"},
    )
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert response.status_code == 200, response.text
    assert response.json()["inserted"] == n
    assert peak / n < 3_000, f"{peak / n:.0f} bytes a row"


# --- unbounded work ----------------------------------------------------------------------------------------


def test_rule_window_past_the_cap_is_refused_at_creation(
    client: TestClient, session: Session, researcher_headers: dict[str, str]
) -> None:
    make_indicator(session, key="daily_x", frequency="D")
    before = rows(session)
    started = time.perf_counter()
    for rule in (
        {"indicator": "daily_x", "op": ">", "threshold": 1, "window_end": "9999-12-31"},
        {"indicator": "daily_x", "op": ">", "threshold": 1, "window_end": "2100-01-01"},
    ):
        response = client.post(f"{API}/claims", json={**CLAIM, "rule": rule}, headers=researcher_headers)
        refused(response, 400, "more than 50 years from today")
    far = client.post(f"{API}/claims", json={**CLAIM, "deadline": "9999-12-31"}, headers=researcher_headers)
    refused(far, 422, "2199-12-31")
    assert time.perf_counter() - started < 5
    assert rows(session) == before


def test_window_beyond_reach_is_scored_by_its_base_rate(
    client: TestClient, session: Session, researcher_headers: dict[str, str]
) -> None:
    indicator = make_indicator(session, key="daily_y", frequency="D")
    add_observations(session, indicator=indicator, start="2026-01-01", values=[1.0 + i % 5 for i in range(300)])
    claim = {
        **CLAIM,
        "prior": 0.3,
        "deadline": "2060-12-31",
        "rule": {
            "indicator": "daily_y",
            "op": ">",
            "threshold": 3,
            "window_start": "2060-01-01",
            "window_end": "2060-12-31",
        },
    }
    created = client.post(f"{API}/claims", json=claim, headers=researcher_headers)
    assert created.status_code == 201, created.text
    started = time.perf_counter()
    scored = client.post(f"{API}/claims/{created.json()['id']}/rescore", headers=researcher_headers)
    assert scored.status_code == 200, scored.text
    assert scored.json()["method"] == "base_rate" and scored.json()["probability"] == pytest.approx(0.3, abs=0.2)
    assert time.perf_counter() - started < 5


def test_forecast_uses_a_bounded_history_and_caches_failures(
    client: TestClient, session: Session, monkeypatch: pytest.MonkeyPatch, researcher_headers: dict[str, str]
) -> None:
    import forecasts
    from predictions.rescore import forecasting

    indicator = make_indicator(session, key="long_daily", frequency="D")
    add_observations(session, indicator=indicator, start="1990-01-01", values=[float(i % 11) for i in range(12_000)])
    seen: list[int] = []

    def failing(series: forecasts.Series, horizon: int, **_kwargs: Any) -> forecasts.Forecast:
        seen.append(len(series))
        raise forecasts.ForecastError("every model failed")

    monkeypatch.setattr(forecasting.forecasts, "forecast", failing)
    first = client.get(f"{API}/indicators/long_daily/forecast", params={"horizon": 5}, headers=researcher_headers)
    again = client.get(f"{API}/indicators/long_daily/forecast", params={"horizon": 5}, headers=researcher_headers)
    refused(first, 409, "every model failed")
    refused(again, 409, "every model failed")
    assert seen == [forecasting.MAX_HISTORY]  # the second answer came from the failure cache


def test_costly_anonymous_reads_are_rate_limited(
    engine: Any, session: Session, clock: Any, researcher_headers: dict[str, str]
) -> None:
    settings = Settings(database_url="sqlite://", rate_limit_burst=2, rate_limit_per_minute=6)
    app = create_app(engine=engine, settings=settings, clock=clock)
    app.dependency_overrides[get_session] = lambda: session
    with TestClient(app) as client:
        url = f"{API}/indicators/nothing_here/forecast"
        assert [client.get(url).status_code for _ in range(2)] == [404, 404]
        limited = client.get(url)
        refused(limited, 429, "retry in")
        assert int(limited.headers["Retry-After"]) == 10
        assert client.get(url, headers=researcher_headers).status_code == 404  # a key is not limited
        assert client.get(f"{API}/claims").status_code == 200  # cheap reads are not limited


# --- formulas ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("formula", "needle"),
    [
        ("victim + zz * " + "9" * 400, "does not fit a 64-bit float"),
        ("-" * 990 + "victim", "nested"),
        ("victim * 1e999", "does not fit a 64-bit float"),
        ("", "formula is empty"),
        ("   ", "formula is empty"),
    ],
)
def test_poison_formulas_are_refused_at_creation(
    client: TestClient, session: Session, researcher_headers: dict[str, str], formula: str, needle: str
) -> None:
    make_indicator(session, key="victim")
    make_indicator(session, key="zz")
    before = rows(session)
    body = {"key": "poison", "name": "poison", "frequency": "M", "formula": formula}
    refused(client.post(f"{API}/indicators", json=body, headers=researcher_headers), 400, needle)
    assert rows(session) == before


def test_formula_that_overflows_leaves_the_value_undefined_and_ingest_goes_on(
    client: TestClient, session: Session, researcher_headers: dict[str, str]
) -> None:
    make_indicator(session, key="big_in")
    body = {"key": "huge", "name": "huge", "frequency": "M", "formula": "big_in * 1e300 * 1e300"}
    assert client.post(f"{API}/indicators", json=body, headers=researcher_headers).status_code == 201
    # A formula stored before today's checks (straight into the table) must not block ingestion either.
    session.add(Indicator(key="legacy", name="legacy", frequency="M", formula="-" * 500 + "big_in"))
    session.flush()
    response = client.post(
        f"{API}/indicators/big_in/observations",
        json={"observations": [{"period": "2025-01", "value": 5}]},
        headers=researcher_headers,
    )
    assert response.status_code == 200, response.text
    assert response.json()["inserted"] == 1
    derived = client.get(f"{API}/indicators/huge/observations").json()
    assert derived["total"] == 0


# --- future data and values that used to be 500s -------------------------------------------------------------


@pytest.mark.parametrize(
    ("observation", "status", "needle"),
    [
        ({"period": "2030-12", "value": 1}, 400, "starts after as_of"),
        ({"period": "9999-12", "value": 1}, 400, "starts after as_of"),
        ({"period": "2025-06", "value": 1, "as_of": "2025-05-31"}, 400, "starts after as_of"),
        ({"period": "2025-01", "value": int("9" * 400)}, 422, "too large"),
        ({"period": "2025-01", "value": 1, "as_of": "0001-01-01T00:00:00+01:00"}, 400, "outside the calendar"),
        ({"period": "2025-01", "value": 1, "as_of": "9999-12-31T23:59:59-01:00"}, 400, "outside the calendar"),
        ({"period": "2025-01", "value": 1, "as_of": "20250115"}, 422, "as_of must be"),
        ({"period": "2025-01", "value": 1, "extra": True}, 422, "unknown field"),
        ({"period": 2025, "value": 1}, 422, "period must be text"),
    ],
)
def test_bad_observations_are_4xx_and_write_nothing(
    client: TestClient,
    session: Session,
    researcher_headers: dict[str, str],
    observation: dict[str, Any],
    status: int,
    needle: str,
) -> None:
    make_indicator(session, key="monthly")
    before = rows(session)
    response = client.post(
        f"{API}/indicators/monthly/observations", json={"observations": [observation]}, headers=researcher_headers
    )
    refused(response, status, needle)
    assert rows(session) == before


def test_a_6000_digit_number_is_422_not_500(
    client: TestClient, session: Session, researcher_headers: dict[str, str]
) -> None:
    make_indicator(session, key="monthly")
    body = '{"observations": [{"period": "2025-01", "value": ' + "9" * 6000 + "}]}"
    response = client.post(
        f"{API}/indicators/monthly/observations",
        content=body,
        headers={**researcher_headers, "content-type": "application/json"},
    )
    refused(response, 422, "not valid JSON")


@pytest.mark.parametrize(
    ("change", "needle"),
    [
        ({"prior": float("nan")}, "prior"),
        ({"source_id": BIG}, "source_id"),
        ({"statement": "x" * 2001}, "at most 2000"),
        ({"author": "   "}, "only whitespace"),
        ({"statement": "line\x00break"}, "control character"),
        ({"quote": "bell\x07"}, "control character"),
        ({"made_on": 0}, "YYYY-MM-DD"),
        ({"made_on": "2026-11-01T00:00:00"}, "YYYY-MM-DD"),
        ({"deadline": "0001-01-01"}, "1900-01-01"),
        ({"color": "red"}, "extra_forbidden"),
        ({"tags": ["ok"] * 51}, "tags"),
        ({"rule": {"indicator": "x", "op": ">", "threshold": 1, "extra": 1}}, "extra_forbidden"),
    ],
)
def test_bad_claims_are_422_and_write_nothing(
    client: TestClient, session: Session, researcher_headers: dict[str, str], change: dict[str, Any], needle: str
) -> None:
    before = rows(session)
    body = json.dumps({**CLAIM, **change})  # NaN is written as NaN, as a hostile client would
    response = client.post(
        f"{API}/claims", content=body, headers={**researcher_headers, "content-type": "application/json"}
    )
    refused(response, 422, needle)
    assert rows(session) == before


def test_lone_surrogate_is_422(client: TestClient, session: Session, researcher_headers: dict[str, str]) -> None:
    before = rows(session)
    body = json.dumps(CLAIM)[:-1] + ', "interpretation": "\\ud800"}'
    response = client.post(
        f"{API}/claims", content=body, headers={**researcher_headers, "content-type": "application/json"}
    )
    refused(response, 422, "unicode")
    assert rows(session) == before


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/x", "example.org", "http://"])
def test_source_urls_must_be_http(
    client: TestClient, session: Session, researcher_headers: dict[str, str], url: str
) -> None:
    before = rows(session)
    response = client.post(f"{API}/sources", json={"title": "A source", "url": url}, headers=researcher_headers)
    refused(response, 422, "http")
    assert rows(session) == before


@pytest.mark.parametrize(
    "path",
    [
        f"/claims/{BIG}",
        f"/claims/{BIG}/history",
        f"/sources/{BIG}",
        f"/claims?offset={BIG}",
        f"/claims?source_id={BIG}",
        f"/indicators?offset={BIG}",
        "/claims/0",
    ],
)
def test_ids_past_int64_are_422(client: TestClient, path: str) -> None:
    refused(client.get(API + path), 422)


def test_observation_listing_as_of_at_the_calendar_edge(client: TestClient, session: Session) -> None:
    make_indicator(session, key="monthly")
    for as_of in ("0001-01-01T00:00:00", "9999-12-31T23:59:59"):
        response = client.get(f"{API}/indicators/monthly/observations", params={"as_of": as_of})
        assert response.status_code in (200, 422), response.text


# --- keys ----------------------------------------------------------------------------------------------------


def test_keys_list_revoke_and_a_revoked_key_gets_401_at_once(
    client: TestClient, admin_headers: dict[str, str], researcher_headers: dict[str, str]
) -> None:
    listed = client.get(f"{API}/keys", headers=admin_headers)
    assert listed.status_code == 200 and all("hash" not in json.dumps(k) for k in listed.json())
    researcher = next(k for k in listed.json() if k["role"] == "researcher")
    assert client.get(f"{API}/keys", headers=researcher_headers).status_code == 403
    assert client.get(f"{API}/keys").status_code == 401
    ok = client.post(f"{API}/sources", json={"title": "before"}, headers=researcher_headers)
    assert ok.status_code == 201
    revoked = client.post(f"{API}/keys/{researcher['id']}/revoke", headers=admin_headers)
    assert revoked.status_code == 200 and revoked.json()["revoked_at"]
    refused(client.post(f"{API}/sources", json={"title": "after"}, headers=researcher_headers), 401, "revoked")
    refused(client.post(f"{API}/keys/{researcher['id']}/revoke", headers=admin_headers), 409, "already")
    refused(client.post(f"{API}/keys/999999/revoke", headers=admin_headers), 404)
    created = client.post(f"{API}/keys", json={"role": "researcher", "name": "new"}, headers=admin_headers)
    assert created.status_code == 201 and created.json()["key"].startswith("pt_")
    new_headers = {"Authorization": f"Bearer {created.json()['key']}"}
    assert client.post(f"{API}/sources", json={"title": "new"}, headers=new_headers).status_code == 201


def test_keys_cli_list_and_revoke(runner: Any) -> None:
    from service.cli import app as cli
    from service.cli import keys as _keys  # noqa: F401 - registers the keys commands

    key = runner.invoke(cli, ["keys", "create", "--role", "researcher", "--name", "ana"])
    assert key.exit_code == 0, key.output
    listed = runner.invoke(cli, ["keys", "list"])
    assert listed.exit_code == 0 and "ana" in listed.output and key.output.strip() not in listed.output
    revoked = runner.invoke(cli, ["keys", "revoke", "1"])
    assert revoked.exit_code == 0 and "revoked key 1" in revoked.output
    again = runner.invoke(cli, ["keys", "revoke", "1"])
    assert again.exit_code != 0 and "already revoked" in again.output
    from predictions.access.keys import authenticate
    from service.db import get_engine

    with Session(get_engine()) as session:
        assert authenticate(session, key=key.output.strip()) is None


# --- headers -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", f"{API}/claims", f"{API}/claims/999999", "/no/such/page", "/docs"])
def test_security_headers_on_every_page(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"


def test_405_names_every_allowed_method(client: TestClient) -> None:
    response = client.delete(f"{API}/claims")
    refused(response, 405)
    assert set(response.headers["allow"].replace(" ", "").split(",")) >= {"GET", "POST"}


def test_unhandled_errors_are_json_without_a_trace(engine: Any, session: Session, clock: Any) -> None:
    app = create_app(engine=engine, settings=Settings(database_url="sqlite://"), clock=clock)

    def broken() -> Iterator[Session]:
        raise sa.exc.OperationalError("SELECT secret FROM x", {}, Exception("boom"))
        yield session  # pragma: no cover

    app.dependency_overrides[get_session] = broken
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get(f"{API}/claims")
    assert response.status_code == 500
    assert response.json() == {"detail": "internal error: the server's log has the details"}
