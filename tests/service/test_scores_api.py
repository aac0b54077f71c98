from datetime import UTC, date, datetime

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from predictions.ledger.tables import ClaimStatus, ClaimTag, HumanForecast, Outcome, ProbabilitySnapshot, Resolution
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
    assert client.get(f"{API}/scores").json() == {
        "by": "method",
        "items": [],
        "total": 0,
        "limit": 40,
        "offset": 0,
    }
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


def test_groups_come_in_pages_none_over_200_kb(client: TestClient, session: Session) -> None:
    """Issue 21: ``/track-record?by=author`` was one 907 KB page; groups are now paged on the API and the page."""
    for i in range(45):
        claim = make_claim(
            session,
            author=f"Analyst {i:02d}",
            made_on=date(2026, 1, 1),
            deadline=date(2026, 6, 30),
            status=ClaimStatus.RESOLVED_TRUE,
        )
        session.add_all(
            [
                ClaimTag(claim_id=claim.id, tag=f"tag-{i:02d}"),
                ProbabilitySnapshot(
                    claim_id=claim.id,
                    at=datetime(2026, 1, 2, tzinfo=UTC),
                    probability=0.123456789 + i / 100,
                    method="model",
                    model="ets",
                    model_version="1",
                    inputs_hash="h",
                ),
                Resolution(
                    claim_id=claim.id,
                    outcome=Outcome.TRUE,
                    resolved_on=date(2026, 3, 1),
                    evidence="seen",
                    resolved_by="r",
                    created_at=datetime(2026, 3, 1, tzinfo=UTC),
                ),
            ]
        )
    session.flush()
    first = client.get(f"{API}/scores", params={"by": "tag", "bins": 50})
    assert first.status_code == 200
    assert len(first.content) < 200_000
    body = first.json()
    assert (body["total"], body["limit"], body["offset"], len(body["items"])) == (45, 40, 0, 40)
    rest = client.get(f"{API}/scores", params={"by": "tag", "offset": 40}).json()
    assert [i["group"] for i in rest["items"]] == [f"tag-{i}" for i in range(40, 45)]
    assert client.get(f"{API}/scores", params={"limit": 41}).status_code == 422

    page = client.get("/track-record", params={"by": "author"})
    assert page.status_code == 200 and len(page.content) < 200_000
    assert "Page 1 of 2" in page.text and "Analyst 29" in page.text and "Analyst 30" not in page.text
    second = client.get("/track-record", params={"by": "author", "page": 2})
    assert "Analyst 30" in second.text and "Analyst 44" in second.text
