"""GET /api/v1/indicators/{key}/forecast through the real app and database."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import numpy as np
import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session

from predictions.ledger.clock import FixedClock
from service.api.app import create_app
from service.api.deps import get_session
from tests.factories import add_observations, make_indicator


@pytest.fixture
def client(engine: Engine, session: Session) -> Iterator[TestClient]:
    app = create_app(engine=engine, clock=FixedClock(datetime(2026, 3, 1, tzinfo=UTC)))

    def _session() -> Iterator[Session]:
        yield session

    app.dependency_overrides[get_session] = _session
    with TestClient(app) as test_client:
        yield test_client


def test_forecast_answers_fan_chart_points(client: TestClient, session: Session) -> None:
    indicator = make_indicator(session, key="m2_m1_spread")
    add_observations(session, indicator=indicator, start="2023-01", values=list(4 + np.cos(np.arange(30) / 4)))
    response = client.get("/api/v1/indicators/m2_m1_spread/forecast", params={"horizon": 4})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["key"] == "m2_m1_spread" and body["horizon"] == 4 and body["model"] == "comb"
    assert body["data_as_of"].startswith("2026-01-01")
    assert [p["period"] for p in body["points"]] == ["2025-07", "2025-08", "2025-09", "2025-10"]
    assert set(body["points"][0]["quantiles"]) == {"0.05", "0.1", "0.5", "0.9", "0.95"}
    assert {"mase", "coverage_80", "coverage_95"} <= set(body["backtest"])
    assert client.get("/api/v1/indicators/m2_m1_spread/forecast", params={"horizon": 4}).json() == body


def test_forecast_errors(client: TestClient, session: Session) -> None:
    missing = client.get("/api/v1/indicators/nope/forecast")
    assert missing.status_code == 404 and "nope" in missing.json()["detail"]
    make_indicator(session, key="empty")
    empty = client.get("/api/v1/indicators/empty/forecast")
    assert empty.status_code == 409 and "no observations" in empty.json()["detail"]
    bad = client.get("/api/v1/indicators/empty/forecast", params={"horizon": 0})
    assert bad.status_code == 422
    assert client.get("/api/v1/indicators/empty/forecast", params={"horizon": "ten"}).status_code == 422
