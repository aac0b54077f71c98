from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session

from predictions.access.keys import create_key
from predictions.ledger.clock import FixedClock
from predictions.ledger.tables import KeyRole
from service.api.app import create_app
from service.settings import Settings
from tests.factories import make_claim
from tests.service.fresh_db import fresh_engine, fresh_url, seed_rule_claims  # noqa: F401

CLOCK = FixedClock(datetime(2026, 2, 1, tzinfo=UTC))


@pytest.fixture
def client(fresh_url: str, fresh_engine: Engine) -> Iterator[TestClient]:  # noqa: F811
    settings = Settings(database_url=fresh_url, forecast_paths=200, forecast_seed=11)
    with TestClient(create_app(engine=fresh_engine, settings=settings, clock=CLOCK)) as test_client:
        yield test_client


def _key(engine: Engine, role: KeyRole) -> dict[str, str]:
    with Session(engine) as session:
        secret = create_key(session, role=role, name=f"a {role.value}", clock=CLOCK).secret
        session.commit()
    return {"Authorization": f"Bearer {secret}"}


def test_rescore_then_history(client: TestClient, fresh_engine: Engine) -> None:  # noqa: F811
    [claim_id] = seed_rule_claims(fresh_engine, n=1, pending=False)
    headers = _key(fresh_engine, KeyRole.RESEARCHER)
    first = client.post(f"/api/v1/claims/{claim_id}/rescore", headers=headers)
    assert first.status_code == 200, first.text
    body = first.json()
    assert body["snapshot_written"] and 0 < body["probability"] < 1 and body["method"] == "model"
    second = client.post(f"/api/v1/claims/{claim_id}/rescore", headers=headers).json()
    assert not second["snapshot_written"] and second["probability"] == body["probability"]
    assert "nothing new" in second["note"]
    history = client.get(f"/api/v1/claims/{claim_id}/history").json()
    assert history["total"] == 1 and history["limit"] == 100 and history["offset"] == 0
    [item] = history["items"]
    assert item["probability"] == body["probability"] and item["model"] not in ("", "observed")
    assert item["reason"] == "on demand (a researcher)" and item["data_as_of"].startswith("2026-01-01")
    assert {"at", "method", "model_version", "inputs_hash", "seed"} <= item.keys()


def test_history_pages(client: TestClient, fresh_engine: Engine) -> None:  # noqa: F811
    with Session(fresh_engine) as session:
        claim_id = make_claim(session, made_on=date(2024, 1, 1), deadline=date(2027, 1, 1), prior=0.3).id
        session.commit()
    headers = _key(fresh_engine, KeyRole.ADMIN)  # an admin may do what a researcher may
    assert client.post(f"/api/v1/claims/{claim_id}/rescore", headers=headers).json()["method"] == "base_rate"
    page = client.get(f"/api/v1/claims/{claim_id}/history?limit=1&offset=1").json()
    assert page == {"items": [], "total": 1, "limit": 1, "offset": 1}


def test_bad_requests(client: TestClient, fresh_engine: Engine) -> None:  # noqa: F811
    headers = _key(fresh_engine, KeyRole.RESEARCHER)
    missing = client.post("/api/v1/claims/424242/rescore", headers=headers)
    assert missing.status_code == 404 and missing.json()["detail"] == "claim 424242 does not exist"
    assert client.get("/api/v1/claims/424242/history").status_code == 404
    no_key = client.post("/api/v1/claims/1/rescore")
    assert no_key.status_code == 401 and "API key" in no_key.json()["detail"]
    bad_key = client.post("/api/v1/claims/1/rescore", headers={"Authorization": "Bearer pt_nope_nope"})
    assert bad_key.status_code == 401
    assert client.get("/api/v1/claims/abc/history").status_code == 422
    assert client.get("/api/v1/claims/1/history?limit=0").status_code == 422


def test_history_items_carry_id_and_kind_and_a_snapshot_verifies(client: TestClient, fresh_engine: Engine) -> None:  # noqa: F811
    [claim_id] = seed_rule_claims(fresh_engine, n=1, pending=False)
    headers = _key(fresh_engine, KeyRole.RESEARCHER)
    written = client.post(f"/api/v1/claims/{claim_id}/rescore", headers=headers).json()
    [item] = client.get(f"/api/v1/claims/{claim_id}/history").json()["items"]
    assert item["id"] == written["snapshot_id"] and item["kind"] == "live" and item["computed_at"] == item["at"]
    verified = client.get(f"/api/v1/snapshots/{item['id']}/verify")
    assert verified.status_code == 200, verified.text
    body = verified.json()
    assert body["recorded"] == body["recomputed"] == item["probability"] and body["identical"] is True
    assert body["same_engine"] is True and "identical" in body["detail"]
    missing = client.get("/api/v1/snapshots/424242/verify")
    assert missing.status_code == 404 and missing.json()["detail"] == "snapshot 424242 does not exist"
