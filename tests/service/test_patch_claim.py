"""PATCH /claims/{id}: researchers edit claims, every change is audited, and frozen fields stay frozen."""

from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from predictions.ledger.tables import ClaimEvent, ClaimStatus, ClaimTag, Outcome, Resolution
from tests.factories import make_claim, make_indicator

API = "/api/v1"


def test_edit_tags_text_and_rule_is_audited(
    client: TestClient, session: Session, researcher_headers: dict[str, str]
) -> None:
    make_indicator(session, key="gdp")
    claim = make_claim(session, made_on=date(2026, 1, 1), deadline=date(2026, 12, 31))
    body = {
        "tags": ["Growth", "china"],
        "interpretation": "Real GDP, not nominal.",
        "rule": {"indicator": "gdp", "op": ">", "threshold": 5},
        "quote": "GDP will grow.",
    }
    response = client.patch(f"{API}/claims/{claim.id}", json=body, headers=researcher_headers)
    assert response.status_code == 200, response.text
    edited = response.json()
    assert edited["tags"] == ["china", "growth"] and edited["interpretation"] == "Real GDP, not nominal."
    assert edited["rule"]["indicator"] == "gdp" and edited["rule"]["threshold"] == 5
    assert edited["quote"] == "GDP will grow."
    trail = client.get(f"{API}/claims/{claim.id}/audit").json()
    assert trail[-1]["kind"] == "edit" and trail[-1]["by"] == "test researcher"
    changed = trail[-1]["details"]["changed"]
    assert changed["quote"] == {"from": "Something will happen.", "to": "GDP will grow."}
    assert changed["rule"]["from"] is None and changed["rule"]["to"]["indicator"] == "gdp"
    removed = client.patch(f"{API}/claims/{claim.id}", json={"rule": None}, headers=researcher_headers)
    assert removed.status_code == 200 and removed.json()["rule"] is None


def test_frozen_fields_and_rule_after_resolution_are_409_and_write_nothing(
    client: TestClient, session: Session, researcher_headers: dict[str, str]
) -> None:
    claim = make_claim(session, status=ClaimStatus.RESOLVED_TRUE)
    session.add(
        Resolution(claim_id=claim.id, outcome=Outcome.TRUE, resolved_on=date(2026, 1, 1), evidence="e", resolved_by="x")
    )
    session.flush()
    events = session.exec(select(func.count()).select_from(ClaimEvent)).one()
    for body, words in (
        ({"quote": "new words"}, "quote cannot change"),
        ({"made_on": "2024-01-01"}, "made_on cannot change"),
        ({"rule": None}, "before the claim's first resolution"),
    ):
        response = client.patch(f"{API}/claims/{claim.id}", json=body, headers=researcher_headers)
        assert response.status_code == 409 and words in response.json()["detail"]
    assert session.exec(select(func.count()).select_from(ClaimEvent)).one() == events
    tags = client.patch(f"{API}/claims/{claim.id}", json={"tags": ["late"]}, headers=researcher_headers)
    assert tags.status_code == 200 and tags.json()["tags"] == ["late"]


def test_bad_patches(client: TestClient, session: Session, researcher_headers: dict[str, str]) -> None:
    claim = make_claim(session)
    tags = session.exec(select(func.count()).select_from(ClaimTag)).one()
    cases = [
        ({}, 400),
        ({"status": "resolved_true"}, 422),
        ({"quote": None}, 400),
        ({"rule": {"indicator": "nope", "op": ">", "threshold": 1}}, 404),
    ]
    for body, status in cases:
        response = client.patch(f"{API}/claims/{claim.id}", json=body, headers=researcher_headers)
        assert response.status_code == status, (body, response.text)
    assert client.patch(f"{API}/claims/{claim.id}", json={"tags": ["x"]}).status_code == 401
    assert client.patch(f"{API}/claims/999999", json={"tags": ["x"]}, headers=researcher_headers).status_code == 404
    assert session.exec(select(func.count()).select_from(ClaimTag)).one() == tags
