from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from predictions.ledger.clock import FixedClock
from predictions.ledger.tables import Claim, ClaimStatus, HumanForecast, RescoreRequest, Resolution
from tests.factories import make_claim

API = "/api/v1"


def counts(session: Session) -> tuple[int, int, int]:
    return tuple(  # type: ignore[return-value]
        session.exec(select(func.count()).select_from(t)).one() for t in (Resolution, HumanForecast, RescoreRequest)
    )


def status_of(session: Session, claim: Claim) -> ClaimStatus:
    session.expire_all()
    return session.get(Claim, claim.id).status  # type: ignore[union-attr]


def test_resolve_then_conflict_then_unresolve(
    client: TestClient, session: Session, researcher_headers: dict[str, str], admin_headers: dict[str, str]
) -> None:
    claim = make_claim(session, deadline=date(2026, 12, 31))
    response = client.post(
        f"{API}/claims/{claim.id}/resolve",
        json={"outcome": "true", "evidence": "Court docket 2025-17", "resolved_on": "2026-11-01"},
        headers=researcher_headers,
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["outcome"] == "true" and body["resolved_by"] == "test researcher"
    assert body["claim_status"] == "resolved_true" and body["resolved_on"] == "2026-11-01"
    assert status_of(session, claim) is ClaimStatus.RESOLVED_TRUE

    before = counts(session)
    again = client.post(
        f"{API}/claims/{claim.id}/resolve", json={"outcome": "false", "evidence": "x"}, headers=researcher_headers
    )
    assert again.status_code == 409
    assert f"POST /api/v1/claims/{claim.id}/unresolve" in again.json()["detail"]
    assert counts(session) == before

    denied = client.post(f"{API}/claims/{claim.id}/unresolve", json={"reason": "wrong"}, headers=researcher_headers)
    assert denied.status_code == 403
    undone = client.post(f"{API}/claims/{claim.id}/unresolve", json={"reason": "wrong docket"}, headers=admin_headers)
    assert undone.status_code == 200 and undone.json() == {"claim_id": claim.id, "status": "open"}
    resolution = session.exec(select(Resolution).where(Resolution.claim_id == claim.id)).one()
    assert resolution.retracted_by == "test admin" and resolution.retraction_reason == "wrong docket"
    assert resolution.retracted_at is not None
    request = session.exec(select(RescoreRequest).where(RescoreRequest.claim_id == claim.id)).one()
    assert "retracted by test admin" in request.reason

    nothing = client.post(f"{API}/claims/{claim.id}/unresolve", json={"reason": "again"}, headers=admin_headers)
    assert nothing.status_code == 409 and "not resolved" in nothing.json()["detail"]
    # Resolvable again once un-resolved.
    assert (
        client.post(
            f"{API}/claims/{claim.id}/resolve",
            json={"outcome": "false", "evidence": "ruling"},
            headers=researcher_headers,
        ).status_code
        == 201
    )


def test_unresolve_past_the_deadline_awaits_resolution(
    client: TestClient, session: Session, admin_headers: dict[str, str], clock: FixedClock
) -> None:
    claim = make_claim(session, deadline=clock.now().date() - timedelta(days=1))
    client.post(f"{API}/claims/{claim.id}/resolve", json={"outcome": "false", "evidence": "e"}, headers=admin_headers)
    response = client.post(f"{API}/claims/{claim.id}/unresolve", json={"reason": "r"}, headers=admin_headers)
    assert response.json()["status"] == "awaiting_resolution"


def test_annulment_needs_admin(
    client: TestClient, session: Session, researcher_headers: dict[str, str], admin_headers: dict[str, str]
) -> None:
    claim = make_claim(session)
    before = counts(session)
    body = {"outcome": "annulled", "evidence": "the question became moot"}
    denied = client.post(f"{API}/claims/{claim.id}/resolve", json=body, headers=researcher_headers)
    assert denied.status_code == 403 and "admin" in denied.json()["detail"]
    assert counts(session) == before and status_of(session, claim) is ClaimStatus.OPEN
    allowed = client.post(f"{API}/claims/{claim.id}/resolve", json=body, headers=admin_headers)
    assert allowed.status_code == 201 and allowed.json()["claim_status"] == "annulled"


@pytest.mark.parametrize(
    ("body", "status", "detail"),
    [
        ({"outcome": "maybe", "evidence": "e"}, 422, None),
        ({"outcome": "true", "evidence": ""}, 422, None),
        ({"outcome": "true", "evidence": "   "}, 422, "only whitespace"),
        ({"outcome": "true", "evidence": "e", "resolved_on": "2030-01-01"}, 400, "is in the future"),
        ({"outcome": "true", "evidence": "e", "resolved_on": "soon"}, 422, None),
    ],
)
def test_bad_resolutions_write_nothing(
    client: TestClient,
    session: Session,
    researcher_headers: dict[str, str],
    body: dict[str, str],
    status: int,
    detail: str | None,
) -> None:
    claim = make_claim(session)
    before = counts(session)
    response = client.post(f"{API}/claims/{claim.id}/resolve", json=body, headers=researcher_headers)
    assert response.status_code == status, response.text
    if detail:
        assert detail in response.text
    assert counts(session) == before and status_of(session, claim) is ClaimStatus.OPEN


def test_resolution_and_forecast_of_a_missing_claim_are_404(
    client: TestClient, researcher_headers: dict[str, str]
) -> None:
    resolve = client.post(
        f"{API}/claims/999999/resolve", json={"outcome": "true", "evidence": "e"}, headers=researcher_headers
    )
    assert resolve.status_code == 404 and "claim 999999 does not exist" in resolve.json()["detail"]
    forecast = client.post(f"{API}/claims/999999/forecasts", json={"probability": 0.5}, headers=researcher_headers)
    assert forecast.status_code == 404


def test_writes_need_keys(client: TestClient, session: Session) -> None:
    claim = make_claim(session)
    before = counts(session)
    for path, body in [
        ("resolve", {"outcome": "true", "evidence": "e"}),
        ("unresolve", {"reason": "r"}),
        ("forecasts", {"probability": 0.5}),
    ]:
        assert client.post(f"{API}/claims/{claim.id}/{path}", json=body).status_code == 401
    assert counts(session) == before


def test_human_forecast_is_stored_with_the_keys_name(
    client: TestClient, session: Session, researcher_headers: dict[str, str], clock: FixedClock
) -> None:
    claim = make_claim(session)
    response = client.post(
        f"{API}/claims/{claim.id}/forecasts",
        json={"probability": 0.3, "rationale": " base rate "},
        headers=researcher_headers,
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["forecaster"] == "test researcher" and body["probability"] == 0.3 and body["rationale"] == "base rate"
    stored = session.exec(select(HumanForecast)).one()
    assert stored.at == clock.now()


@pytest.mark.parametrize(
    ("probability", "status"), [(0, 400), (1, 400), (1.5, 400), (-0.2, 400), ("high", 422), (None, 422)]
)
def test_forecast_must_be_strictly_between_0_and_1(
    client: TestClient, session: Session, researcher_headers: dict[str, str], probability: object, status: int
) -> None:
    claim = make_claim(session)
    before = counts(session)
    response = client.post(
        f"{API}/claims/{claim.id}/forecasts", json={"probability": probability}, headers=researcher_headers
    )
    assert response.status_code == status
    if status == 400:
        assert "strictly between 0 and 1" in response.json()["detail"]
    assert counts(session) == before


def test_forecast_on_a_resolved_claim_is_a_conflict(
    client: TestClient, session: Session, researcher_headers: dict[str, str]
) -> None:
    claim = make_claim(session, status=ClaimStatus.RESOLVED_FALSE)
    response = client.post(f"{API}/claims/{claim.id}/forecasts", json={"probability": 0.5}, headers=researcher_headers)
    assert response.status_code == 409 and "already resolved_false" in response.json()["detail"]


def test_a_forecast_after_the_deadline_is_refused_with_the_reason(
    client: TestClient, session: Session, researcher_headers: dict[str, str]
) -> None:
    """Old behaviour caught: a forecast on 2026-11-28 for a claim due 2026-11-27 was stored (201)."""
    claim = make_claim(session, made_on=date(2026, 1, 1), deadline=date(2026, 11, 27))
    response = client.post(f"{API}/claims/{claim.id}/forecasts", json={"probability": 0.5}, headers=researcher_headers)
    assert response.status_code == 409 and "deadline 2026-11-27 has passed" in response.json()["detail"]
    assert session.exec(select(func.count()).select_from(HumanForecast)).one() == 0
    on_the_day = make_claim(session, made_on=date(2026, 1, 1), deadline=date(2026, 11, 28))
    ok = client.post(f"{API}/claims/{on_the_day.id}/forecasts", json={"probability": 0.5}, headers=researcher_headers)
    assert ok.status_code == 201


def test_every_change_to_a_resolution_is_in_the_audit_trail(
    client: TestClient, session: Session, researcher_headers: dict[str, str], admin_headers: dict[str, str]
) -> None:
    """Old behaviour caught: there was no audit trail; a retraction left only a stamp on the resolution row."""
    claim = make_claim(session, deadline=date(2026, 12, 31))
    body = {"outcome": "true", "evidence": "Court docket 2025-17", "resolved_on": "2026-11-01"}
    assert client.post(f"{API}/claims/{claim.id}/resolve", json=body, headers=researcher_headers).status_code == 201
    undo = client.post(f"{API}/claims/{claim.id}/unresolve", json={"reason": "wrong docket"}, headers=admin_headers)
    assert undo.status_code == 200
    annul = {"outcome": "annulled", "evidence": "the condition never held"}
    assert client.post(f"{API}/claims/{claim.id}/resolve", json=annul, headers=admin_headers).status_code == 201
    trail = client.get(f"{API}/claims/{claim.id}/audit").json()
    assert [(e["kind"], e["by"]) for e in trail] == [
        ("resolve", "test researcher"),
        ("unresolve", "test admin"),
        ("annul", "test admin"),
    ]
    assert trail[0]["details"]["evidence"] == "Court docket 2025-17" and trail[0]["details"]["outcome"] == "true"
    assert trail[1]["details"] == {
        "resolution_id": trail[0]["details"]["resolution_id"],
        "outcome": "true",
        "resolved_by": "test researcher",
        "reason": "wrong docket",
    }
    assert trail[2]["details"]["outcome"] == "annulled"
