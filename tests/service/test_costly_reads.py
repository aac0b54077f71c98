"""Costly reads are bounded for everyone (issue 21): what is not kept and looked up is rate-limited per client."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session

from predictions.ledger.clock import FixedClock
from service.api.app import create_app
from service.api.deps import get_session
from service.settings import Settings
from tests.service.conftest import NOW


def test_the_digest_preview_is_rate_limited_for_anonymous_readers(
    engine: Engine, session: Session, researcher_headers: dict[str, str]
) -> None:
    settings = Settings(database_url="sqlite://", rate_limit_burst=2, rate_limit_per_minute=6)
    app = create_app(engine=engine, settings=settings, clock=FixedClock(NOW))
    app.dependency_overrides[get_session] = lambda: session
    with TestClient(app) as client:
        url = "/api/v1/digest/preview"
        assert [client.get(url).status_code for _ in range(2)] == [200, 200]
        limited = client.get(url)
        assert limited.status_code == 429 and "retry in" in limited.json()["detail"]
        assert limited.headers["Retry-After"] == "10"
        assert client.get(url, headers=researcher_headers).status_code == 200  # a key is not limited
