from datetime import UTC, date, datetime

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from predictions.ledger.tables import ClaimTag, HumanForecast, ProbabilitySnapshot
from predictions.scoring.scoring import brier
from tests.factories import make_claim

API = "/api/v1"


def test_scores_after_resolution_by_method_and_tag(
    client: TestClient, session: Session, researcher_headers: dict[str, str]
) -> None:
    claim = make_claim(session, author="Analyst", made_on=date(2026, 11, 1), deadline=date(2026, 12, 31))
    session.add_all(
        [
            ClaimTag(claim_id=claim.id, tag="courts"),
            ProbabilitySnapshot(
                claim_id=claim.id,
                at=datetime(2026, 11, 1, tzinfo=UTC),
                probability=0.2,
                method="base_rate",
                model="constant_hazard",
                model_version="1",
                inputs_hash="h",
            ),
            HumanForecast(claim_id=claim.id, forecaster="ann", probability=0.6, at=datetime(2026, 11, 2, tzinfo=UTC)),
        ]
    )
    session.flush()
    assert client.get(f"{API}/scores").json() == {"by": "method", "items": [], "total": 0}
    resolved = client.post(
        f"{API}/claims/{claim.id}/resolve",
        json={"outcome": "true", "evidence": "ruling", "resolved_on": "2026-11-21"},
        headers=researcher_headers,
    )
    assert resolved.status_code == 201

    body = client.get(f"{API}/scores", params={"by": "method", "bins": 5}).json()
    assert body["by"] == "method" and body["total"] == 2
    items = {item["method"]: item for item in body["items"]}
    base = items["base_rate"]
    assert base["n"] == 1 and base["brier"] == pytest.approx(brier(0.2, True))
    assert base["time_averaged_brier"] == pytest.approx(brier(0.2, True))
    assert [b["n"] for b in base["calibration"]] == [0, 1, 0, 0, 0]
    assert base["calibration"][1] == {
        "lower": 0.2,
        "upper": 0.4,
        "n": 1,
        "mean_probability": 0.2,
        "observed_frequency": 1.0,
    }
    assert items["researcher:ann"]["log"] == pytest.approx(0.5108256, rel=1e-6)

    by_tag = client.get(f"{API}/scores", params={"by": "tag"}).json()["items"]
    assert {(i["group"], i["method"]) for i in by_tag} == {("courts", "base_rate"), ("courts", "researcher:ann")}
    by_author = client.get(f"{API}/scores", params={"by": "author"}).json()["items"]
    assert {i["group"] for i in by_author} == {"Analyst"}


def test_unknown_grouping_is_422(client: TestClient) -> None:
    response = client.get(f"{API}/scores", params={"by": "colour"})
    assert response.status_code == 422
