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
from tests.service.fresh_db import fresh_engine, fresh_url  # noqa: F401


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


def test_a_track_record_not_kept_yet_costs_a_token_and_a_kept_one_nothing(fresh_engine: Engine) -> None:  # noqa: F811
    """Any ``by`` and ``bins`` may be asked for; each new one is a computation over every resolved claim, so it is
    rate-limited; once kept at the ledger's version it is a lookup, free for everyone."""
    settings = Settings(
        database_url="sqlite://",
        rate_limit_burst=2,
        rate_limit_per_minute=1,
        scores_refresh_seconds=0,
        secret_key="configured",  # else the first page view writes the generated secret, and computes uncommitted
    )
    with TestClient(create_app(engine=fresh_engine, settings=settings, clock=FixedClock(NOW))) as client:
        assert client.get("/api/v1/scores", params={"by": "author", "bins": 7}).status_code == 200
        assert client.get("/track-record", params={"by": "tag"}).status_code == 200  # the second token
        for _ in range(5):  # kept now: no token needed
            assert client.get("/api/v1/scores", params={"by": "author", "bins": 7}).status_code == 200
            assert client.get("/track-record", params={"by": "tag"}).status_code == 200
        limited = client.get("/api/v1/scores", params={"by": "author", "bins": 8})
        assert limited.status_code == 429 and "Retry-After" in limited.headers
