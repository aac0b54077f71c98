"""Adding sources and claims over HTTP: auth, validation, and nothing written on a refusal."""

from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from predictions.ledger.tables import Claim, ClaimIndicator, ClaimStatus, RescoreRequest, Source
from tests.factories import make_indicator, make_source


def _claim_body(**overrides: object) -> dict:
    body = {
        "statement": "Inflation stays under 3% through 2027",
        "quote": "Inflation will stay below three percent.",
        "author": "A. Analyst",
        "made_on": "2026-01-15",
        "deadline": "2027-12-31",
        "resolution_criteria": "Every monthly CPI YoY print of 2027 is below 3.0.",
        "tags": ["Inflation", "macro"],
        "rule": {"indicator": "cpi_yoy", "op": "<", "threshold": 3.0, "aggregate": "all", "window_start": "2027-01"},
    }
    body.update(overrides)
    return body


def _claims(session: Session) -> int:
    return session.exec(select(func.count()).select_from(Claim)).one()


def test_researcher_adds_a_claim_with_a_rule(client: TestClient, session: Session, researcher_headers) -> None:
    make_indicator(session, key="cpi_yoy")
    source = make_source(session)
    response = client.post("/api/v1/claims", json=_claim_body(source_id=source.id), headers=researcher_headers)
    assert response.status_code == 201, response.text
    claim = response.json()
    assert claim["tags"] == ["inflation", "macro"]
    assert claim["rule"] == {
        "indicator": "cpi_yoy",
        "op": "<",
        "threshold": 3.0,
        "aggregate": "all",
        "window_start": "2027-01",
        "window_end": "2027-12",
    }
    assert claim["status"] == "open"
    pending = session.exec(select(RescoreRequest).where(RescoreRequest.claim_id == claim["id"])).all()
    assert len(pending) == 1 and pending[0].done_at is None


def test_a_claim_already_past_its_deadline_awaits_resolution(client, session, researcher_headers) -> None:
    body = _claim_body(made_on="2020-01-01", deadline="2021-01-01", rule=None, prior=0.2)
    claim = client.post("/api/v1/claims", json=body, headers=researcher_headers).json()
    assert claim["status"] == ClaimStatus.AWAITING_RESOLUTION.value


def test_writes_need_a_key(client: TestClient, session: Session) -> None:
    response = client.post("/api/v1/claims", json=_claim_body(rule=None))
    assert response.status_code == 401
    assert "Bearer" in response.json()["detail"]
    bad = client.post("/api/v1/claims", json=_claim_body(rule=None), headers={"Authorization": "Bearer pt_x_y"})
    assert bad.status_code == 401
    assert _claims(session) == 0


def test_unknown_indicator_or_source_is_refused_and_nothing_is_written(client, session, researcher_headers) -> None:
    response = client.post("/api/v1/claims", json=_claim_body(), headers=researcher_headers)
    assert response.status_code == 404
    assert "cpi_yoy" in response.json()["detail"]
    response = client.post("/api/v1/claims", json=_claim_body(rule=None, source_id=4242), headers=researcher_headers)
    assert response.status_code == 404 and "source 4242" in response.json()["detail"]
    assert _claims(session) == 0
    assert session.exec(select(func.count()).select_from(ClaimIndicator)).one() == 0


def test_malformed_claims_get_422_naming_the_field(client, session, researcher_headers) -> None:
    make_indicator(session, key="cpi_yoy")
    cases = [
        _claim_body(deadline="2025-01-01"),
        _claim_body(prior=1.0),
        _claim_body(quote=""),
        _claim_body(rule={"indicator": "cpi_yoy", "op": "=~", "threshold": 3}),
        _claim_body(rule={"indicator": "cpi_yoy", "op": "<", "threshold": "high"}),
        _claim_body(surprise="field"),
    ]
    for body in cases:
        response = client.post("/api/v1/claims", json=body, headers=researcher_headers)
        assert response.status_code == 422, body
        assert response.json()["detail"]
    assert _claims(session) == 0


def test_a_window_period_that_does_not_fit_the_frequency_is_refused(client, session, researcher_headers) -> None:
    make_indicator(session, key="cpi_yoy")
    body = _claim_body(rule={"indicator": "cpi_yoy", "op": "<", "threshold": 3, "window_start": "2027-Q1"})
    response = client.post("/api/v1/claims", json=body, headers=researcher_headers)
    assert response.status_code == 400
    assert "2027-Q1" in response.json()["detail"] and "2024-01" in response.json()["detail"]
    assert _claims(session) == 0


def test_researcher_adds_a_source(client: TestClient, session: Session, researcher_headers) -> None:
    response = client.post(
        "/api/v1/sources",
        json={"title": "Another article", "published_on": "2026-11-01", "url": "https://example.org/a"},
        headers=researcher_headers,
    )
    assert response.status_code == 201
    assert session.get(Source, response.json()["id"]).title == "Another article"
    assert client.post("/api/v1/sources", json={"title": ""}, headers=researcher_headers).status_code == 422
