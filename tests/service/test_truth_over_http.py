"""End to end over HTTP: what the ledger states about time holds when data come late, are revised, or a
resolution is retracted. Data arrive through POST /indicators/{key}/observations at the clock's time; the
outbox job (``process_pending``, what the scheduler runs) re-scores what they touch."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from predictions.ledger.clock import FixedClock
from predictions.rescore import process_pending, sweep_deadlines
from service.settings import Settings

API = "/api/v1"
Headers = dict[str, str]
Outbox = Callable[[], object]
JAN_FEB = [{"period": "2026-01", "value": 4.0}, {"period": "2026-02", "value": 5.5}]  # 2026-02 settles the rule
GROWTH_RULE = {"indicator": "growth", "op": ">", "threshold": 5, "aggregate": "any"}


def _indicator(client: TestClient, headers: dict[str, str], key: str, frequency: str) -> None:
    body = {"key": key, "name": key, "frequency": frequency}
    assert client.post(f"{API}/indicators", json=body, headers=headers).status_code == 201


def _observe(client: TestClient, headers: dict[str, str], key: str, rows: list[dict[str, Any]]) -> None:
    response = client.post(f"{API}/indicators/{key}/observations", json={"observations": rows}, headers=headers)
    assert response.status_code == 200, response.text


def _claim(client: TestClient, headers: dict[str, str], **extra: Any) -> int:
    body = {
        "statement": "If a downturn starts, growth still tops 5 in some month of the first half of 2026",
        "quote": "Growth will top 5%.",
        "author": "A",
        "made_on": "2026-01-01",
        "deadline": "2026-12-31",
        "resolution_criteria": "growth > 5 in any month of 2026-01..2026-06",
        "rule": {**GROWTH_RULE, "window_start": "2026-01", "window_end": "2026-06"},
        **extra,
    }
    response = client.post(f"{API}/claims", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


@pytest.fixture
def run_outbox(session: Session, clock: FixedClock, settings: Settings) -> Outbox:
    """The scheduler's outbox job on the test's session, with the app's settings: re-score what requests touch."""
    return lambda: process_pending(session, clock=clock, n_paths=settings.forecast_paths, seed=settings.forecast_seed)


def _at(clock: FixedClock, *args: int) -> None:
    clock.at = datetime(*args, tzinfo=UTC)  # type: ignore[misc]


def test_a_conditional_claim_whose_deciding_quarter_comes_after_the_deadline_counts(
    client: TestClient, session: Session, clock: FixedClock, run_outbox: Outbox, researcher_headers: Headers
) -> None:
    _at(clock, 2026, 1, 1)
    _indicator(client, researcher_headers, "growth", "M")
    _indicator(client, researcher_headers, "world_gdp_qoq", "Q")
    downturn = {"indicator": "world_gdp_qoq", "op": "<", "threshold": 0, "aggregate": "any"}
    claim_id = _claim(
        client, researcher_headers, condition="world GDP shrinks in a quarter of 2026",
        condition_rule={**downturn, "window_start": "2026-Q1", "window_end": "2026-Q4"},
    )  # fmt: skip
    url = f"{API}/claims/{claim_id}"
    _at(clock, 2026, 2, 1)
    forecast = client.post(f"{url}/forecasts", json={"probability": 0.7}, headers=researcher_headers)
    assert forecast.status_code == 201, forecast.text
    _at(clock, 2026, 3, 5)
    _observe(client, researcher_headers, "growth", JAN_FEB)
    _at(clock, 2026, 11, 1)
    _observe(client, researcher_headers, "world_gdp_qoq", [{"period": f"2026-Q{q}", "value": 0.4} for q in (1, 2, 3)])
    run_outbox()
    _at(clock, 2027, 1, 5)
    sweep_deadlines(
        session, clock=clock
    )  # the scheduler's deadline sweep  # past the deadline, 2026-Q4 not yet published
    waiting = client.get(url).json()
    assert (waiting["status"], waiting["condition_status"], waiting["resolution"]) == (
        "awaiting_resolution", "pending", None
    )  # fmt: skip
    _at(clock, 2027, 1, 30, 10)
    _observe(client, researcher_headers, "world_gdp_qoq", [{"period": "2026-Q4", "value": -0.3}])
    run_outbox()
    read = client.get(url).json()
    assert (read["status"], read["condition_status"], read["condition_decided_on"]) == (
        "resolved_true", "met", "2027-01-30"
    )  # fmt: skip
    assert read["resolution"]["resolved_on"] == "2026-03-05"  # when growth 2026-02 = 5.5 arrived
    scores = {item["method"]: item for item in client.get(f"{API}/scores?by=method").json()["items"]}
    # The researcher's 0.7 of 2026-02-01 on a claim that came true: Brier (1 - 0.7)^2 = 0.09.
    mine = scores["researcher:test researcher"]
    assert mine["n"] == 1 and abs(mine["brier"] - 0.09) < 1e-12


def test_a_revision_before_the_resolution_does_not_move_its_date(
    client: TestClient, clock: FixedClock, researcher_headers: dict[str, str]
) -> None:
    _at(clock, 2026, 1, 1)
    _indicator(client, researcher_headers, "growth", "M")
    claim_id = _claim(client, researcher_headers)
    _at(clock, 2026, 2, 10)
    _observe(client, researcher_headers, "growth", [{"period": "2026-01", "value": 4.0}])
    _at(clock, 2026, 3, 10, 9)
    _observe(client, researcher_headers, "growth", [{"period": "2026-02", "value": 5.5}])  # settles it
    _at(clock, 2026, 4, 10)
    _observe(client, researcher_headers, "growth", [{"period": "2026-02", "value": 5.6}])  # a revision
    _at(clock, 2026, 5, 1)
    rescored = client.post(f"{API}/claims/{claim_id}/rescore", headers=researcher_headers)
    assert rescored.status_code == 200 and rescored.json()["status"] == "resolved_true", rescored.text
    resolution = client.get(f"{API}/claims/{claim_id}").json()["resolution"]
    assert resolution["resolved_on"] == "2026-03-10"
    assert "growth 2026-02 = 5.5 (as of 2026-03-10T09:00:00+00:00) settles the rule" in resolution["evidence"]


def test_an_unresolved_conditional_claim_stays_unresolved_when_new_data_arrive(
    client: TestClient, clock: FixedClock, run_outbox: Outbox, researcher_headers: Headers, admin_headers: Headers
) -> None:
    _at(clock, 2026, 1, 1)
    _indicator(client, researcher_headers, "growth", "M")
    claim_id = _claim(client, researcher_headers, condition="a downturn starts in 2026", condition_prior=0.2)
    url = f"{API}/claims/{claim_id}"
    _at(clock, 2026, 4, 2)
    _observe(client, researcher_headers, "growth", JAN_FEB)
    met = {"met": True, "evidence": "NBER dated a peak in 2026-03", "decided_on": "2026-04-01"}
    assert client.post(f"{url}/condition", json=met, headers=researcher_headers).status_code == 200
    assert client.post(f"{url}/rescore", headers=researcher_headers).json()["status"] == "resolved_true"
    _at(clock, 2026, 4, 3)
    retract = client.post(f"{url}/unresolve", json={"reason": "growth under review"}, headers=admin_headers)
    assert retract.status_code == 200 and retract.json()["status"] == "open", retract.text
    run_outbox()  # the retraction's own re-score request
    _at(clock, 2026, 5, 3)
    _observe(client, researcher_headers, "growth", [{"period": "2026-04", "value": 5.8}])
    run_outbox()
    read = client.get(url).json()
    assert (read["status"], read["resolution"], read["needs_review"]) == ("open", None, True)


def test_a_hand_resolution_dated_before_made_on_is_recorded_flagged_and_left_out_of_the_scores(
    client: TestClient, clock: FixedClock, researcher_headers: Headers
) -> None:
    _at(clock, 2026, 4, 1)
    _indicator(client, researcher_headers, "growth", "M")
    claim_id = _claim(client, researcher_headers, made_on="2026-03-20")
    forecast = client.post(f"{API}/claims/{claim_id}/forecasts", json={"probability": 0.95}, headers=researcher_headers)
    assert forecast.status_code == 201, forecast.text
    body = {"outcome": "true", "evidence": "the statistics office, 2026-03-10", "resolved_on": "2026-03-10"}
    resolved = client.post(f"{API}/claims/{claim_id}/resolve", json=body, headers=researcher_headers)
    assert resolved.status_code == 201 and resolved.json()["resolved_on"] == "2026-03-10", resolved.text
    read = client.get(f"{API}/claims/{claim_id}").json()
    assert read["status"] == "resolved_true" and read["needs_review"]
    assert "before the claim was made (2026-03-20)" in read["review_note"]
    assert client.get(f"{API}/scores?by=method").json()["items"] == []
