"""Two replicas cannot disagree (issue 13): what one learns, the other knows, because it sits in the database.

Two ``create_app()`` on one fresh database (SQLite and PostgreSQL), each with its own clock and connection pool,
share the anonymous rate limit and the cache of failed forecasts. Two real ``serve --no-scheduler`` processes
on one PostgreSQL database do the same over loopback.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

import forecasts
from predictions.access.keys import create_key
from predictions.ledger.clock import FixedClock
from predictions.ledger.db import make_engine
from predictions.ledger.tables import IndicatorForecast, KeyRole, RateBucket
from predictions.rescore import forecasting
from service.api.app import create_app
from service.settings import Settings
from tests.factories import add_observations, make_indicator
from tests.service.conftest import NOW, free_port, start_cli, stop
from tests.service.fresh_db import fresh_engine, fresh_url  # noqa: F401

API = "/api/v1"
SETTINGS = Settings(database_url="sqlite://", private_reads=False, rate_limit_burst=3, rate_limit_per_minute=6)


@pytest.fixture
def replicas(fresh_engine: Engine, fresh_url: str) -> Iterator[tuple[TestClient, TestClient, FixedClock, FixedClock]]:  # noqa: F811
    """Two apps on one database, each with its own engine (pool) and clock; no test transaction in between."""
    second_engine = make_engine(fresh_url)
    clocks = FixedClock(NOW), FixedClock(NOW)
    apps = [
        create_app(engine=e, settings=SETTINGS, clock=c)
        for e, c in zip((fresh_engine, second_engine), clocks, strict=True)
    ]
    try:
        with TestClient(apps[0]) as one, TestClient(apps[1]) as two:
            yield one, two, clocks[0], clocks[1]
    finally:
        second_engine.dispose()


def _move(clocks: tuple[FixedClock, ...], seconds: float) -> None:
    for clock in clocks:
        clock.at += timedelta(seconds=seconds)


def test_the_anonymous_rate_limit_is_one_bucket_across_replicas(replicas: Any, fresh_engine: Engine) -> None:  # noqa: F811
    one, two, *clocks = replicas
    url = f"{API}/indicators/nothing_here/forecast"
    # burst 3, 6 a minute = a token every 10 s; the clients alternate between the replicas.
    assert [c.get(url).status_code for c in (one, two, one)] == [404, 404, 404]
    refused = two.get(url)
    assert refused.status_code == 429 and refused.headers["Retry-After"] == "10"
    assert one.get(url).status_code == 429  # the other replica knows the bucket is empty
    _move(clocks, 4)
    assert two.get(url).headers["Retry-After"] == "6"  # 0.4 token back
    _move(clocks, 6)
    assert one.get(url).status_code == 404  # one token after 10 s, spent on replica one ...
    assert two.get(url).status_code == 429  # ... so replica two has none
    with Session(fresh_engine) as session:
        [bucket] = session.exec(select(RateBucket))
    assert bucket.client == "testclient" and bucket.at == (NOW + timedelta(seconds=10)).timestamp()
    assert bucket.tokens == pytest.approx(0.0)


def test_a_key_is_not_limited_on_either_replica(replicas: Any, fresh_engine: Engine) -> None:  # noqa: F811
    one, two, *_ = replicas
    with Session(fresh_engine) as session:
        key = create_key(session, role=KeyRole.RESEARCHER, name="ana", clock=FixedClock(NOW)).secret
        session.commit()
    url = f"{API}/indicators/nothing_here/forecast"
    for _ in range(3):
        one.get(url)
    assert two.get(url).status_code == 429
    assert two.get(url, headers={"Authorization": f"Bearer {key}"}).status_code == 404


def test_a_failed_forecast_is_not_paid_for_again_on_the_other_replica(
    replicas: Any,
    fresh_engine: Engine,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    one, two, *clocks = replicas
    with Session(fresh_engine) as session:
        indicator = make_indicator(session, key="bad_series")
        add_observations(session, indicator=indicator, start="2020-01", values=[1.0, 2.0, 3.0, 4.0])
        session.commit()
    calls: list[int] = []

    def failing(series: forecasts.Series, horizon: int, **_kwargs: Any) -> forecasts.Forecast:
        calls.append(len(series))
        raise forecasts.ForecastError("every model failed on bad_series")

    monkeypatch.setattr(forecasting.forecasts, "forecast", failing)
    url = f"{API}/indicators/bad_series/forecast?horizon=3"
    first = one.get(url)
    assert first.status_code == 409 and "every model failed on bad_series" in first.json()["detail"]
    assert calls == [4]
    second = two.get(url)
    assert (second.status_code, second.json()) == (409, first.json())
    assert one.get(url).status_code == 409
    assert calls == [4]  # neither replica paid for it again
    with Session(fresh_engine) as session:
        [row] = session.exec(select(IndicatorForecast))
    assert row.error == first.json()["detail"] and row.payload == {} and row.horizon == 3

    # New data makes a new key: the forecast is tried again, and a success is served by both replicas.
    monkeypatch.undo()
    with Session(fresh_engine) as session:
        indicator = session.exec(select(forecasting.Indicator).where(forecasting.Indicator.key == "bad_series")).one()
        add_observations(session, indicator=indicator, start="2020-05", values=[5.0] * 20)
        session.commit()
    _move(clocks, 30)  # the anonymous bucket (3 reads so far) fills up again
    fresh = one.get(url)
    assert fresh.status_code == 200, fresh.text
    assert two.get(url).json() == fresh.json()
    with Session(fresh_engine) as session:
        errors = list(session.exec(select(IndicatorForecast.error).order_by(col(IndicatorForecast.id))))
    assert errors == [first.json()["detail"], None]


def test_two_uvicorn_replicas_on_postgresql_share_the_bucket_and_the_failures(
    tmp_path: Path,
    fresh_url: str,  # noqa: F811
    fresh_engine: Engine,  # noqa: F811
) -> None:
    if not fresh_url.startswith("postgresql"):
        pytest.skip("real replicas share a PostgreSQL database (set PREDTRACK_TEST_DATABASE_URL)")
    # 0.01 a minute: no token comes back while the test runs, whatever the machine's load.
    env = {
        "PREDTRACK_DATABASE_URL": fresh_url,
        "PREDTRACK_RATE_LIMIT_BURST": "2",
        "PREDTRACK_RATE_LIMIT_PER_MINUTE": "0.01",
    }
    ports = [free_port(), free_port()]
    processes = []
    try:
        for port in ports:
            processes.append(
                start_cli(tmp_path, "serve", "--no-scheduler", "--port", str(port), ready="Uvicorn running on", env=env)
            )
        one, two = (f"http://127.0.0.1:{port}" for port in ports)
        with Session(fresh_engine) as session:
            key = create_key(session, role=KeyRole.RESEARCHER, name="ana", clock=FixedClock(NOW)).secret
            session.commit()
        auth = {"Authorization": f"Bearer {key}"}
        # Data no model can forecast (every path overflows), posted through replica one.
        created = httpx.post(
            f"{one}{API}/indicators", json={"key": "wild", "name": "wild", "frequency": "M"}, headers=auth, timeout=30
        )
        assert created.status_code == 201, created.text
        values = [{"period": f"{2020 + i // 12}-{i % 12 + 1:02d}", "value": (-1) ** i * 1e308} for i in range(40)]
        posted = httpx.post(
            f"{one}{API}/indicators/wild/observations", json={"observations": values}, headers=auth, timeout=30
        )
        assert posted.status_code == 200, posted.text
        url = f"{API}/indicators/wild/forecast?horizon=3"
        failed = httpx.get(one + url, timeout=60)
        assert failed.status_code == 409 and "no forecast of 'wild'" in failed.json()["detail"], failed.text
        again = httpx.get(two + url, timeout=60)  # the second anonymous read: the bucket (burst 2) is empty now
        assert (again.status_code, again.json()) == (409, failed.json())
        limited = httpx.get(two + url, timeout=30)
        assert limited.status_code == 429 and int(limited.headers["Retry-After"]) > 5000
        assert httpx.get(one + url, timeout=30).status_code == 429
        assert httpx.get(one + url, headers=auth, timeout=30).status_code == 409
        with Session(fresh_engine) as session:
            rows = list(session.exec(select(IndicatorForecast)))
            buckets = list(session.exec(select(RateBucket)))
        assert [r.error for r in rows] == [failed.json()["detail"]]
        [bucket] = buckets
        assert (bucket.client, bucket.granted) == ("127.0.0.1", False) and bucket.tokens == pytest.approx(0, abs=1e-3)
    finally:
        for process in processes:
            stop(process)
