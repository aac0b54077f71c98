"""The read endpoints on the seeded ledger, and their bad-input paths."""

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from predictions.seed.seed import article_text, load_seed


@pytest.fixture
def seeded(session: Session, clock) -> Session:
    load_seed(session, clock=clock)
    return session


def test_health(client: TestClient) -> None:
    response = client.get("/api/v1/health")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_claims_list_has_the_seed_claims_in_the_list_shape(client: TestClient, seeded: Session) -> None:
    body = client.get("/api/v1/claims").json()
    assert set(body) == {"items", "total", "limit", "offset"}
    assert body["total"] == 6 and len(body["items"]) == 6
    text = article_text()
    for claim in body["items"]:
        assert claim["quote"] in text
        for field in (
            "id",
            "statement",
            "author",
            "source_id",
            "made_on",
            "deadline",
            "status",
            "probability",
            "probability_updated_at",
            "rule",
            "tags",
            "resolution",
        ):
            assert field in claim


def test_claims_filters(client: TestClient, seeded: Session) -> None:
    awaiting = client.get("/api/v1/claims", params={"status": "awaiting_resolution"}).json()
    assert [c["deadline"] for c in awaiting["items"]] == ["2025-12-31"]
    monetary = client.get("/api/v1/claims", params={"tag": "monetary"}).json()
    # The second prediction, read unconditionally (its presupposition) and conditionally (on a downturn).
    assert monetary["total"] == 2 and {c["rule"]["indicator"] for c in monetary["items"]} == {"m2_m1_spread"}
    assert {c["rule"]["window_start"] for c in monetary["items"]} == {"2024-05"}
    due = client.get("/api/v1/claims", params={"due_before": "2027-01-01"}).json()
    assert due["total"] == 5
    page = client.get("/api/v1/claims", params={"limit": 2, "offset": 4}).json()
    assert (page["total"], len(page["items"]), page["limit"], page["offset"]) == (6, 2, 2, 4)


def test_claim_detail_and_unknown_claim(client: TestClient, seeded: Session) -> None:
    first = client.get("/api/v1/claims").json()["items"][0]
    detail = client.get(f"/api/v1/claims/{first['id']}")
    assert detail.status_code == 200 and detail.json()["quote"] == first["quote"]
    missing = client.get("/api/v1/claims/999999")
    assert missing.status_code == 404
    assert "999999" in missing.json()["detail"]


@pytest.mark.parametrize(
    "params",
    [{"limit": "ten"}, {"limit": 0}, {"limit": 5000}, {"offset": -1}, {"status": "maybe"}, {"due_before": "soon"}],
)
def test_malformed_list_parameters_get_422_with_detail(client: TestClient, params: dict) -> None:
    response = client.get("/api/v1/claims", params=params)
    assert response.status_code == 422
    assert response.json()["detail"]


def test_malformed_claim_id_gets_422(client: TestClient) -> None:
    assert client.get("/api/v1/claims/abc").status_code == 422


def test_sources(client: TestClient, seeded: Session) -> None:
    listing = client.get("/api/v1/sources").json()
    assert listing["total"] == 1 and listing["items"][0]["text"] is None
    assert listing["items"][0]["n_claims"] == 6
    source = client.get(f"/api/v1/sources/{listing['items'][0]['id']}").json()
    assert source["text"] == article_text()
    assert source["published_on"] == "2024-05-01"
    assert client.get("/api/v1/sources/424242").status_code == 404


def test_indicators_and_the_pboc_series(client: TestClient, seeded: Session) -> None:
    listing = client.get("/api/v1/indicators", params={"limit": 100}).json()
    keys = {i["key"] for i in listing["items"]}
    assert {"m1_yoy", "m2_yoy", "m2_m1_spread", "cn_ai_chip_consolidation"} <= keys
    spread = client.get("/api/v1/indicators/m2_m1_spread").json()
    assert (spread["n_periods"], spread["first_period"], spread["last_period"]) == (215, "2008-01", "2025-11")
    assert spread["formula"] == "m2_yoy - m1_yoy"
    chips = client.get("/api/v1/indicators/cn_ai_chip_consolidation").json()
    assert chips["has_data"] is False and chips["n_periods"] == 0
    observations = client.get("/api/v1/indicators/m2_m1_spread/observations").json()
    assert observations["total"] == 215 and len(observations["items"]) == 215
    assert observations["items"][-1]["period"] == "2025-11"
    assert client.get("/api/v1/indicators/nope").status_code == 404
    assert client.get("/api/v1/indicators/nope/observations").status_code == 404


def test_observations_as_of_answers_what_was_known_then(client: TestClient, seeded: Session) -> None:
    known = client.get("/api/v1/indicators/m2_yoy/observations", params={"as_of": "2025-06-01T00:00:00Z"}).json()
    assert known["items"][-1]["period"] == "2025-04"
    assert client.get("/api/v1/indicators/m2_yoy/observations", params={"as_of": "yesterday"}).status_code == 422


def test_openapi_document(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert "/api/v1/claims" in spec["paths"] and "/api/v1/indicators/{key}/observations" in spec["paths"]


def test_private_reads_need_a_key(engine, session: Session, clock, researcher_headers) -> None:
    from service.api.app import create_app
    from service.api.deps import get_session
    from service.settings import Settings

    app = create_app(engine=engine, settings=Settings(database_url="sqlite://", private_reads=True), clock=clock)
    app.dependency_overrides[get_session] = lambda: session
    with TestClient(app) as private:
        assert private.get("/api/v1/claims").status_code == 401
        assert private.get("/api/v1/claims", headers=researcher_headers).status_code == 200
        assert private.get("/api/v1/health").status_code == 200


def test_claims_search_and_sort_over_http(client: TestClient, seeded: Session) -> None:
    found = client.get("/api/v1/claims", params={"q": "LEGAL TEST"}).json()
    assert found["total"] == 1 and "legal test" in found["items"][0]["quote"].lower()
    by_deadline = client.get("/api/v1/claims", params={"sort": "deadline", "order": "desc"}).json()["items"]
    deadlines = [c["deadline"] for c in by_deadline]
    assert deadlines == sorted(deadlines, reverse=True)
    by_probability = client.get("/api/v1/claims", params={"sort": "probability"}).json()["items"]
    known = [c["probability"] for c in by_probability if c["probability"] is not None]
    assert known == sorted(known)


@pytest.mark.parametrize("params", [{"sort": "popularity"}, {"order": "up"}, {"q": "x" * 201}])
def test_bad_search_and_sort_parameters_get_422(client: TestClient, params: dict) -> None:
    response = client.get("/api/v1/claims", params=params)
    assert response.status_code == 422 and response.json()["detail"]


def test_indicator_detail_has_latest_value_source_and_linked_claims(client: TestClient, seeded: Session) -> None:
    detail = client.get("/api/v1/indicators/m2_m1_spread").json()
    observations = client.get("/api/v1/indicators/m2_m1_spread/observations", params={"limit": 100_000}).json()
    last = observations["items"][-1]
    assert detail["last_period"] == last["period"]
    assert detail["latest_value"] == last["value"] and detail["latest_value_as_of"] == last["as_of"]
    assert "source" in detail and "formula" in detail and "claim_ids" in detail  # today's fields stay
    assert [c["id"] for c in detail["claims"]] == detail["claim_ids"]
    assert {c["role"] for c in detail["claims"]} <= {"decides", "leading"} and detail["claims"][0]["statement"]
    assert client.get("/api/v1/indicators/no_such_key").status_code == 404
