from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from predictions.ledger.tables import Indicator, Observation, RescoreRequest
from service import jobs

API = "/api/v1"


def counts(session: Session) -> tuple[int, int, int]:
    return tuple(  # type: ignore[return-value]
        session.exec(select(func.count()).select_from(table)).one()
        for table in (Indicator, Observation, RescoreRequest)
    )


def make(client: TestClient, headers: dict[str, str], key: str, **extra: Any) -> dict[str, Any]:
    response = client.post(
        f"{API}/indicators", json={"key": key, "name": key, "frequency": "M", **extra}, headers=headers
    )
    assert response.status_code == 201, response.text
    return response.json()


def post(client: TestClient, headers: dict[str, str], key: str, observations: list[dict[str, Any]]) -> Any:
    return client.post(f"{API}/indicators/{key}/observations", json={"observations": observations}, headers=headers)


def test_create_indicators_and_post_observations(client: TestClient, researcher_headers: dict[str, str]) -> None:
    created = make(client, researcher_headers, "m2_yoy", unit="%", description="M2, year on year")
    assert created["key"] == "m2_yoy" and created["frequency"] == "M" and created["formula"] is None
    make(client, researcher_headers, "m1_yoy")
    spread = make(client, researcher_headers, "spread", formula="m2_yoy-m1_yoy")
    assert spread["formula"] == "m2_yoy-m1_yoy"

    first = post(
        client, researcher_headers, "m2_yoy", [{"period": "2025-10", "value": 8.2}, {"period": "2025-11", "value": 8}]
    )
    assert first.status_code == 200 and first.json() == {"inserted": 2, "revised": 0, "unchanged": 0}
    again = post(
        client,
        researcher_headers,
        "m2_yoy",
        [{"period": "2025-10", "value": 8.2}, {"period": "2025-11", "value": 8.1, "as_of": "2025-12-20T08:00:00Z"}],
    )
    assert again.json() == {"inserted": 0, "revised": 1, "unchanged": 1}


def test_wake_is_called_after_a_batch_that_changed_something(
    client: TestClient, researcher_headers: dict[str, str]
) -> None:
    calls: list[str] = []

    def listener() -> None:
        calls.append("woken")

    jobs.on_wake(listener)
    try:
        make(client, researcher_headers, "m2_yoy")
        post(client, researcher_headers, "m2_yoy", [{"period": "2025-10", "value": 8.2}])
        assert calls == ["woken"]
        post(client, researcher_headers, "m2_yoy", [{"period": "2025-10", "value": 8.2}])
        assert calls == ["woken"]  # nothing new, nothing to wake for
    finally:
        jobs.remove_wake_listener(listener)


@pytest.mark.parametrize(
    ("observations", "status", "detail"),
    [
        ([{"period": "2025-13", "value": 1}], 400, "row 1: period '2025-13' does not fit frequency M"),
        (
            [{"period": "2025-01", "value": 1}, {"period": "2025-02", "value": "abc"}],
            422,
            "row 2: value must be a number",
        ),
        ([{"period": "2025-01", "value": None}], 422, "row 1: value must be a number"),
        (
            [{"period": "2025-01", "value": 1, "as_of": "2027-01-01"}],
            400,
            "row 1: as_of 2027-01-01T00:00:00+00:00 is in the future",
        ),
        (
            [{"period": "2025-01", "value": 1}, {"period": "2025-01", "value": 2}],
            400,
            "row 2: period 2025-01 appears again",
        ),
        ([], 400, "the batch has no observations"),
    ],
)
def test_bad_batches_are_refused_whole(
    client: TestClient,
    session: Session,
    researcher_headers: dict[str, str],
    observations: list[dict[str, Any]],
    status: int,
    detail: str,
) -> None:
    make(client, researcher_headers, "m2_yoy")
    post(client, researcher_headers, "m2_yoy", [{"period": "2024-12", "value": 0.5}])
    before = counts(session)
    response = post(client, researcher_headers, "m2_yoy", observations)
    assert response.status_code == status
    assert detail in response.json()["detail"]
    assert counts(session) == before


def test_non_finite_json_numbers_are_refused(
    client: TestClient, session: Session, researcher_headers: dict[str, str]
) -> None:
    make(client, researcher_headers, "m2_yoy")
    before = counts(session)
    body = '{"observations": [{"period": "2025-01", "value": NaN}, {"period": "2025-02", "value": Infinity}]}'
    response = client.post(
        f"{API}/indicators/m2_yoy/observations",
        content=body,
        headers={**researcher_headers, "Content-Type": "application/json"},
    )
    assert response.status_code == 422
    assert "NaN is not a JSON number" in response.json()["detail"]
    assert counts(session) == before


def test_malformed_body_is_422(client: TestClient, session: Session, researcher_headers: dict[str, str]) -> None:
    make(client, researcher_headers, "m2_yoy")
    before = counts(session)
    response = client.post(f"{API}/indicators/m2_yoy/observations", json={"rows": []}, headers=researcher_headers)
    assert response.status_code == 422
    assert counts(session) == before


def test_unknown_and_derived_indicators(
    client: TestClient, session: Session, researcher_headers: dict[str, str]
) -> None:
    make(client, researcher_headers, "m2_yoy")
    make(client, researcher_headers, "m1_yoy")
    make(client, researcher_headers, "spread", formula="m2_yoy - m1_yoy")
    before = counts(session)
    unknown = post(client, researcher_headers, "nope", [{"period": "2025-01", "value": 1}])
    assert unknown.status_code == 404 and "unknown indicator" in unknown.json()["detail"]
    derived = post(client, researcher_headers, "spread", [{"period": "2025-01", "value": 1}])
    assert derived.status_code == 409
    assert "derived" in derived.json()["detail"] and "inputs" in derived.json()["detail"]
    assert counts(session) == before


@pytest.mark.parametrize(
    ("body", "status", "detail"),
    [
        ({"key": "m2_yoy", "name": "again", "frequency": "M"}, 409, "already exists"),
        ({"key": "x", "name": "x", "frequency": "fortnightly"}, 400, "unknown frequency"),
        ({"key": "x", "name": "x", "frequency": "M", "formula": "__import__('os')"}, 400, "call is not allowed"),
        ({"key": "x", "name": "x", "frequency": "M", "formula": "m2_yoy - ghost"}, 400, "unknown indicator(s): ghost"),
        ({"key": "x", "name": "x", "frequency": "Q", "formula": "m2_yoy * 2"}, 400, "inputs must share the frequency"),
        ({"key": "Bad Key", "name": "x", "frequency": "M"}, 422, None),
        ({"key": "x", "name": "x", "frequency": "M", "colour": "red"}, 422, None),
    ],
)
def test_bad_indicators_are_refused(
    client: TestClient,
    session: Session,
    researcher_headers: dict[str, str],
    body: dict[str, Any],
    status: int,
    detail: str | None,
) -> None:
    make(client, researcher_headers, "m2_yoy")
    before = counts(session)
    response = client.post(f"{API}/indicators", json=body, headers=researcher_headers)
    assert response.status_code == status, response.text
    if detail:
        assert detail in response.json()["detail"]
    assert counts(session) == before


def test_writes_need_a_researcher_key(client: TestClient, session: Session) -> None:
    before = counts(session)
    indicator = {"key": "m2_yoy", "name": "m2", "frequency": "M"}
    assert client.post(f"{API}/indicators", json=indicator).status_code == 401
    bad = {"Authorization": "Bearer pt_nothing_here"}
    assert client.post(f"{API}/indicators", json=indicator, headers=bad).status_code == 401
    response = client.post(f"{API}/indicators/m2_yoy/observations", json={"observations": []})
    assert response.status_code == 401 and "API key" in response.json()["detail"]
    assert counts(session) == before
