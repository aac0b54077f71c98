"""POST/GET /claims/{id}/checks and GET /claims/{id}/audit, on SQLite and PostgreSQL."""

from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from predictions.ledger.tables import ClaimCheck, ClaimEvent, ProbabilitySnapshot
from tests.factories import make_claim

API = "/api/v1"


def test_a_check_is_stored_shown_and_rescores_the_claim(
    client: TestClient, session: Session, researcher_headers: dict[str, str]
) -> None:
    """Old behaviour caught: no checks endpoint (404/405); the court-case claim fell with the calendar.

    Made 2024-05-01, deadline 2025-12-31 (life 610 days, both ends included), prior 0.35. Today is 2026-11-28,
    past the deadline: unchecked it keeps 0.35. Checked through 2025-06-30 (426 days seen, 184 left):
    1 - 0.65 ** (184 / 610) = 0.121853.
    """
    claim = make_claim(session, made_on=date(2024, 5, 1), deadline=date(2025, 12, 31), prior=0.35)
    first = client.post(f"{API}/claims/{claim.id}/rescore", headers=researcher_headers).json()
    assert first["probability"] == 0.35
    body = {"checked_through": "2025-06-30", "note": "SPC case database and Caixin archive"}
    response = client.post(f"{API}/claims/{claim.id}/checks", json=body, headers=researcher_headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["checked_by"] == "test researcher" and created["claim_checked_through"] == "2025-06-30"
    assert created["probability"] == pytest.approx(1 - 0.65 ** (184 / 610), abs=1e-12)
    assert created["snapshot_id"] is not None
    read = client.get(f"{API}/claims/{claim.id}").json()
    assert read["checked_through"] == "2025-06-30" and read["probability"] == created["probability"]
    history = client.get(f"{API}/claims/{claim.id}/history").json()["items"]
    assert history[-1]["reason"] == "checked through 2025-06-30: no event (test researcher)"
    [check] = client.get(f"{API}/claims/{claim.id}/checks").json()
    assert check["note"] == body["note"]
    [event] = client.get(f"{API}/claims/{claim.id}/audit").json()
    assert event["kind"] == "check" and event["by"] == "test researcher"
    assert event["details"] == {"checked_through": "2025-06-30", "note": body["note"]}


@pytest.mark.parametrize(
    ("body", "status", "detail"),
    [
        ({"checked_through": "2024-04-30", "note": "x"}, 400, "before the claim was made"),
        ({"checked_through": "2026-11-29", "note": "x"}, 400, "in the future"),
        ({"checked_through": "2025-01-01", "note": " "}, 422, None),
        ({"checked_through": "2025-01-01"}, 422, None),
        ({"checked_through": "soon", "note": "x"}, 422, None),
    ],
)
def test_bad_checks_write_nothing(
    client: TestClient,
    session: Session,
    researcher_headers: dict[str, str],
    body: dict[str, str],
    status: int,
    detail: str | None,
) -> None:
    claim = make_claim(session, made_on=date(2024, 5, 1), deadline=date(2025, 12, 31), prior=0.35)
    response = client.post(f"{API}/claims/{claim.id}/checks", json=body, headers=researcher_headers)
    assert response.status_code == status, response.text
    if detail:
        assert detail in response.json()["detail"]
    for table in (ClaimCheck, ClaimEvent, ProbabilitySnapshot):
        assert session.exec(select(func.count()).select_from(table)).one() == 0
    assert client.get(f"{API}/claims/{claim.id}").json()["checked_through"] is None


def test_checks_need_a_key_and_a_known_claim(
    client: TestClient, session: Session, researcher_headers: dict[str, str]
) -> None:
    body = {"checked_through": "2025-01-01", "note": "x"}
    claim = make_claim(session, made_on=date(2024, 5, 1), prior=0.35)
    assert client.post(f"{API}/claims/{claim.id}/checks", json=body).status_code == 401
    missing = client.post(f"{API}/claims/999999/checks", json=body, headers=researcher_headers)
    assert missing.status_code == 404 and "claim 999999 does not exist" in missing.json()["detail"]
    assert client.get(f"{API}/claims/999999/checks").status_code == 404
    assert client.get(f"{API}/claims/999999/audit").status_code == 404
