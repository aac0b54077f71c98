"""Researcher actions in the dashboard: sign in with a key, then resolve, forecast and add claims through forms."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from predictions.access.keys import create_key
from predictions.ledger.clock import FixedClock
from predictions.ledger.tables import ApiKey, Claim, ClaimStatus, KeyRole
from predictions.seed.seed import CLAIMS, load_seed
from service.api.app import create_app
from service.api.deps import get_session
from service.settings import Settings


@pytest.fixture
def seeded(session: Session, clock: FixedClock) -> Session:
    load_seed(session, clock=clock)
    return session


@pytest.fixture
def key(session: Session, clock: FixedClock) -> str:
    return create_key(session, role=KeyRole.RESEARCHER, name="ana", clock=clock).secret


def _csrf(client: TestClient, path: str = "/login") -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).text)
    assert match, "the page has no CSRF field"
    return match.group(1)


def _sign_in(client: TestClient, key: str) -> None:
    response = client.post(
        "/login", data={"key": key, "next": "/", "csrf_token": _csrf(client)}, follow_redirects=False
    )
    assert response.status_code == 303, response.text


def _same_session(session: Session):  # type: ignore[no-untyped-def]
    def override() -> Iterator[Session]:
        yield session

    return override


def _court_id(client: TestClient) -> int:
    court = next(s.quote for s in CLAIMS if "legal test case" in s.quote)
    return next(c["id"] for c in client.get("/api/v1/claims").json()["items"] if c["quote"] == court)


def test_sign_in_sets_a_strict_httponly_cookie_and_never_shows_the_key(client: TestClient, seeded, key) -> None:
    token = _csrf(client)
    response = client.post(
        "/login", data={"key": key, "next": "/claims/1", "csrf_token": token}, follow_redirects=False
    )
    assert response.status_code == 303 and response.headers["location"] == "/claims/1"
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("predtrack_session=") and "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert "Secure" not in cookie  # plain http in this test
    assert key not in cookie and key.split("_", 2)[2] not in response.headers["set-cookie"]
    for path in ("/", f"/claims/{_court_id(client)}", "/claims/new", "/login"):
        html = client.get(path).text
        assert key not in html and "signed in as ana" in html


def test_sign_in_refuses_a_wrong_key_next_to_the_field(client: TestClient, seeded) -> None:
    response = client.post("/login", data={"key": "pt_nope_nope", "next": "/", "csrf_token": _csrf(client)})
    assert response.status_code == 200
    assert 'id="login-key-error"' in response.text and "unknown or revoked API key" in response.text
    assert "predtrack_session" not in response.headers.get("set-cookie", "")


def test_an_open_redirect_is_refused(client: TestClient, seeded, key) -> None:
    data = {"key": key, "next": "//evil.example/", "csrf_token": _csrf(client)}
    assert client.post("/login", data=data, follow_redirects=False).headers["location"] == "/"


def test_forms_without_the_csrf_token_are_refused(client: TestClient, seeded, key, session: Session) -> None:
    assert client.post("/login", data={"key": key, "next": "/"}).status_code == 403
    _sign_in(client, key)
    court = _court_id(client)
    response = client.post(f"/claims/{court}/resolve", data={"outcome": "false", "evidence": "x", "csrf_token": "bad"})
    assert response.status_code == 403 and "reload the page" in response.json()["detail"]
    assert session.get(Claim, court).status is ClaimStatus.AWAITING_RESOLUTION


def test_secure_cookie_behind_https(engine: Engine, session: Session, clock, settings: Settings, key) -> None:
    load_seed(session, clock=clock)
    app = create_app(engine=engine, settings=settings, clock=clock)
    app.dependency_overrides[get_session] = _same_session(session)
    with TestClient(app, base_url="https://testserver") as client:
        response = client.post(
            "/login", data={"key": key, "next": "/", "csrf_token": _csrf(client)}, follow_redirects=False
        )
        assert "Secure" in response.headers["set-cookie"]


def test_resolve_through_the_form(client: TestClient, seeded, key, session: Session) -> None:
    _sign_in(client, key)
    court = _court_id(client)
    page = client.get(f"/claims/{court}").text
    assert 'id="resolve-form"' in page and 'id="forecast-form"' in page
    token = _csrf(client, f"/claims/{court}")
    empty = client.post(f"/claims/{court}/resolve", data={"outcome": "false", "evidence": "", "csrf_token": token})
    assert empty.status_code == 200
    assert 'id="resolve-evidence-error"' in empty.text and "evidence is empty" in empty.text
    future = client.post(
        f"/claims/{court}/resolve",
        data={"outcome": "false", "evidence": "none", "resolved_on": "2030-01-01", "csrf_token": token},
    )
    assert 'id="resolve-resolved_on-error"' in future.text and "in the future" in future.text
    annul = client.post(f"/claims/{court}/resolve", data={"outcome": "annulled", "evidence": "x", "csrf_token": token})
    assert 'id="resolve-outcome-error"' in annul.text and "admin" in annul.text
    assert session.get(Claim, court).status is ClaimStatus.AWAITING_RESOLUTION
    done = client.post(
        f"/claims/{court}/resolve",
        data={"outcome": "false", "evidence": "No case was filed by 2025-12-31.", "csrf_token": token},
        follow_redirects=False,
    )
    assert done.status_code == 303
    page = client.get(done.headers["location"]).text
    assert "The claim is resolved." in page and "No case was filed by 2025-12-31." in page and "ana" in page
    assert session.get(Claim, court).status is ClaimStatus.RESOLVED_FALSE


def test_forecast_through_the_form(client: TestClient, seeded, key, session: Session) -> None:
    _sign_in(client, key)
    claim_id = client.get("/api/v1/claims", params={"status": "open"}).json()["items"][0]["id"]
    token = _csrf(client, f"/claims/{claim_id}")
    bad = client.post(f"/claims/{claim_id}/forecasts", data={"probability": "1.5", "csrf_token": token})
    assert bad.status_code == 200 and 'id="forecast-probability-error"' in bad.text and "strictly between" in bad.text
    assert 'value="1.5"' in bad.text  # the form keeps what was typed
    text = client.post(f"/claims/{claim_id}/forecasts", data={"probability": "abc", "csrf_token": token})
    assert "is not a number" in text.text
    ok = client.post(
        f"/claims/{claim_id}/forecasts",
        data={"probability": "0.3", "rationale": "Slow adoption.", "csrf_token": token},
        follow_redirects=False,
    )
    assert ok.status_code == 303
    page = client.get(ok.headers["location"]).text
    assert "Slow adoption." in page.split('id="human-forecasts"')[1] and "30.0%" in page


def test_add_a_claim_through_the_form(client: TestClient, seeded, key) -> None:
    assert client.get("/claims/new", follow_redirects=False).headers["location"] == "/login?next=/claims/new"
    _sign_in(client, key)
    form = client.get("/claims/new").text
    for name in (
        "statement",
        "quote",
        "author",
        "source_id",
        "made_on",
        "deadline",
        "resolution_criteria",
        "interpretation",
        "tags",
        "prior",
        "stated_confidence",
        "stated_probability",
        "rule_indicator",
        "rule_op",
        "rule_threshold",
        "rule_aggregate",
        "rule_window_start",
        "rule_window_end",
        "leading_indicators",
    ):
        assert f'name="{name}"' in form and f'for="claim-{name}"' in form
    token = _csrf(client, "/claims/new")
    data = {
        "statement": "Spread below 4 ppt in December 2026",
        "quote": "the spread will keep narrowing",
        "author": "Some Analyst",
        "made_on": "2026-11-01",
        "deadline": "2026-10-01",
        "resolution_criteria": "m2_m1_spread for 2026-12 < 4",
        "tags": "monetary, China",
        "rule_indicator": "m2_m1_spread",
        "rule_op": "<",
        "rule_threshold": "",
        "csrf_token": token,
    }
    bad = client.post("/claims/new", data=data)
    assert bad.status_code == 200
    assert 'id="claim-rule_threshold-error"' in bad.text
    data["rule_threshold"] = "4"
    bad = client.post("/claims/new", data=data)
    assert "is before made_on" in bad.text and 'value="Some Analyst"' in bad.text
    data["deadline"] = "2026-12-31"
    data["rule_indicator"] = "no_such_series"
    unknown = client.post("/claims/new", data=data)
    assert 'id="claim-rule_indicator-error"' in unknown.text or "no_such_series" in unknown.text
    data["rule_indicator"] = "m2_m1_spread"
    created = client.post("/claims/new", data=data, follow_redirects=False)
    assert created.status_code == 303
    claim_id = int(created.headers["location"].split("/")[2].split("?")[0])
    claim = client.get(f"/api/v1/claims/{claim_id}").json()
    assert claim["tags"] == ["china", "monetary"] and claim["rule"]["threshold"] == 4 and claim["rule"]["op"] == "<"


def test_actions_need_a_session(client: TestClient, seeded) -> None:
    court = _court_id(client)
    page = client.get(f"/claims/{court}").text
    assert 'id="resolve-form"' not in page and f"/login?next=/claims/{court}" in page
    token = _csrf(client)
    response = client.post(
        f"/claims/{court}/resolve",
        data={"outcome": "false", "evidence": "x", "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303 and response.headers["location"].startswith("/login")


def test_revoking_the_key_ends_the_session(client: TestClient, seeded, key, session: Session, clock) -> None:
    _sign_in(client, key)
    assert "signed in as ana" in client.get("/").text
    row = next(r for r in session.exec(select(ApiKey)).all() if r.name == "ana")
    row.revoked_at = clock.now()
    session.flush()
    assert "signed in as ana" not in client.get("/").text


@pytest.fixture
def private_client(engine: Engine, session: Session, clock) -> Iterator[TestClient]:
    app = create_app(engine=engine, settings=Settings(database_url="sqlite://", private_reads=True), clock=clock)
    app.dependency_overrides[get_session] = _same_session(session)
    with TestClient(app) as client:
        yield client


def test_private_reads_send_the_reader_to_sign_in(private_client: TestClient, seeded, key) -> None:
    response = private_client.get("/", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/login?next=/"
    assert private_client.get("/favicon.ico").status_code == 200
    _sign_in(private_client, key)
    assert private_client.get("/").status_code == 200


def test_record_a_check_through_the_form(client: TestClient, seeded, key, session: Session) -> None:
    _sign_in(client, key)
    court = _court_id(client)
    token = _csrf(client, f"/claims/{court}")
    empty = client.post(
        f"/claims/{court}/checks", data={"checked_through": "2025-06-30", "note": "", "csrf_token": token}
    )
    assert 'id="check-note-error"' in empty.text and "note is empty" in empty.text
    future = client.post(
        f"/claims/{court}/checks", data={"checked_through": "2099-01-01", "note": "x", "csrf_token": token}
    )
    assert 'id="check-checked_through-error"' in future.text
    done = client.post(
        f"/claims/{court}/checks",
        data={"checked_through": "2025-06-30", "note": "Searched China Judgements Online.", "csrf_token": token},
        follow_redirects=False,
    )
    assert done.status_code == 303
    page = client.get(done.headers["location"]).text
    assert "Searched China Judgements Online." in page.split('id="check-list"')[1]
    assert "check" in page.split('id="audit-trail"')[1].split("</ol>")[0]
