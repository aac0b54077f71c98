"""``/api/v1/sources/{id}/checks`` and the dashboard: the source's own figures against the official series."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlmodel import Session

from predictions.ledger.clock import FixedClock
from predictions.seed.seed import load_seed


def test_the_first_sources_checks_with_their_summary(client: TestClient, session: Session, clock: FixedClock) -> None:
    load_seed(session, clock=clock)
    body = client.get(f"/api/v1/sources/{_source_id(client)}/checks").json()
    assert body["summary"] == "2 of 2 checked figures differ from the official series"
    assert (body["checked"], body["differ"], body["total"]) == (2, 2, 2)
    first = body["items"][0]
    assert (first["reported_indicator"], first["period"], first["reported_value"]) == (
        "article_m2_m1_spread_annual_avg",
        "2023",
        4.8,
    )
    assert first["official_indicator"] == "m2_m1_spread" and round(first["official_value"], 1) == 7.8
    assert first["status"] == "differs" and first["transformation"] == "mean"


def test_add_a_check_then_bad_ones_are_refused(
    client: TestClient, session: Session, clock: FixedClock, researcher_headers: dict[str, str]
) -> None:
    load_seed(session, clock=clock)
    url = f"/api/v1/sources/{_source_id(client)}/checks"
    payload = {
        "reported_indicator": "article_m2_m1_spread_quarterly_avg",
        "period": "2024-Q1",
        "official_indicator": "m2_yoy",
        "transformation": "last",
        "tolerance": 0.5,
    }
    assert client.post(url, json=payload).status_code == 401
    created = client.post(url, json=payload, headers=researcher_headers)
    assert created.status_code == 201, created.text
    assert created.json()["expected_periods"] == 3
    again = client.post(url, json=payload, headers=researcher_headers)
    assert again.status_code == 409 and "already checked" in again.json()["detail"]
    missing = client.post("/api/v1/sources/99999/checks", json=payload, headers=researcher_headers)
    assert missing.status_code == 404 and "source 99999" in missing.json()["detail"]
    negative = client.post("/api/v1/sources/1/checks", json={**payload, "tolerance": -1}, headers=researcher_headers)
    assert negative.status_code == 422
    assert client.get(url).json()["total"] == 3
    assert client.get("/api/v1/sources/99999/checks").status_code == 404


def test_source_and_claim_pages_show_the_articles_figure_against_the_official_one(
    client: TestClient, session: Session, clock: FixedClock
) -> None:
    load_seed(session, clock=clock)
    page = client.get(f"/sources/{_source_id(client)}").text
    assert "2 of 2 checked figures differ from the official series" in page
    table = page[page.index('id="figure-checks"') :]
    assert '<td class="num">4.8</td>' in table and '<td class="num">7.8</td>' in table
    assert '<td class="num">4.6</td>' in table and '<td class="num">5.8</td>' in table
    claim_id = client.get("/api/v1/claims").json()["items"][0]["id"]
    claim_page = client.get(f"/claims/{claim_id}").text
    assert "2023: reported 4.8, official 7.8" in claim_page


def _source_id(client: TestClient) -> int:
    return int(client.get("/api/v1/sources").json()["items"][0]["id"])
