"""A real HTTP write: uvicorn on a free loopback port, a temporary SQLite file, no mocks and no sleeps."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from sqlmodel import Session

import migrations
from predictions.access.keys import create_key
from predictions.ledger.clock import SystemClock
from predictions.ledger.db import make_engine
from service.api.app import create_app
from service.settings import Settings


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, str]]:
    url = f"sqlite:///{tmp_path / 'loopback.db'}"
    engine = make_engine(url)
    migrations.upgrade(engine)
    with Session(engine) as session:
        secret = create_key(session, role="researcher", name="loopback", clock=SystemClock()).secret
        session.commit()
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(engine=engine, settings=Settings(database_url=url)),
            host="127.0.0.1",
            port=port,
            log_level="warning",
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30  # bounded: poll the health endpoint until the server answers
        while True:
            try:
                if httpx.get(f"{base}/api/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                if not thread.is_alive() or time.monotonic() > deadline:
                    pytest.fail("uvicorn never answered /api/v1/health")
        yield base, secret
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        engine.dispose()


def test_post_observations_over_real_http(served: tuple[str, str]) -> None:
    base, secret = served
    headers = {"Authorization": f"Bearer {secret}"}
    with httpx.Client(base_url=f"{base}/api/v1", headers=headers, timeout=30) as client:
        created = client.post("/indicators", json={"key": "m2_yoy", "name": "M2 YoY", "frequency": "M"})
        assert created.status_code == 201, created.text
        body = {"observations": [{"period": "2025-10", "value": 8.2}, {"period": "2025-11", "value": 8.0}]}
        assert client.post("/indicators/m2_yoy/observations", json=body).json() == {
            "inserted": 2,
            "revised": 0,
            "unchanged": 0,
        }
        # The first answer was committed before it was sent: the same batch again is unchanged.
        assert client.post("/indicators/m2_yoy/observations", json=body).json()["unchanged"] == 2
        bad = client.post("/indicators/m2_yoy/observations", json={"observations": [{"period": "2025-1", "value": 1}]})
        assert bad.status_code == 400 and "row 1" in bad.json()["detail"]
        anonymous = httpx.post(f"{base}/api/v1/indicators/m2_yoy/observations", json=body, timeout=30)
        assert anonymous.status_code == 401
