"""``/metrics`` (issue 21): Prometheus text with requests by route template and the ledger's operational figures."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy.engine import Engine
from sqlmodel import Session

from predictions.access.keys import create_key
from predictions.ledger.clock import FixedClock
from predictions.ledger.tables import Indicator, KeyRole, RescoreRequest
from service.api.app import create_app
from service.settings import Settings
from tests.factories import make_claim, make_indicator
from tests.service.conftest import NOW
from tests.service.fresh_db import fresh_engine, fresh_url  # noqa: F401


def _samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample, parsed by prometheus-client's own parser (so the text is valid exposition format)."""
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def test_metrics_count_requests_by_template_and_read_the_ledger(fresh_engine: Engine) -> None:  # noqa: F811
    with Session(fresh_engine) as session:
        claim = make_claim(session)
        failing: Indicator = make_indicator(session, key="m2")
        failing.last_fetch_error, failing.last_fetch_error_at = "HTTP 503", NOW - timedelta(hours=1)
        session.add(failing)
        # Two done in the last hour (10 s and 30 s from data to probability), one pending for 5 minutes.
        for requested, seconds in ((NOW - timedelta(minutes=30), 10), (NOW - timedelta(minutes=20), 30)):
            done = requested + timedelta(seconds=seconds)
            session.add(RescoreRequest(claim_id=claim.id, reason="data", requested_at=requested, done_at=done))
        session.add(RescoreRequest(claim_id=claim.id, reason="data", requested_at=NOW - timedelta(minutes=5)))
        session.commit()
        claim_id = claim.id
    app = create_app(engine=fresh_engine, settings=Settings(database_url="sqlite://"), clock=FixedClock(NOW))
    with TestClient(app) as client:
        assert client.get(f"/api/v1/claims/{claim_id}").status_code == 200
        assert client.get(f"/api/v1/claims/{claim_id}").status_code == 200  # the fast path, before FastAPI
        assert client.get("/api/v1/sources/999999").status_code == 404
        answer = client.get("/metrics")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/plain")
    samples = _samples(answer.text)
    claim_route = (("method", "GET"), ("route", "/api/v1/claims/{claim_id}"), ("status", "200"))
    assert samples[("predtrack_http_requests_total", claim_route)] >= 2
    missing = (("method", "GET"), ("route", "/api/v1/sources/{source_id}"), ("status", "404"))
    assert samples[("predtrack_http_requests_total", missing)] >= 1
    assert not any(dict(labels).get("route", "").endswith(str(claim_id)) for _, labels in samples)
    assert samples[("predtrack_outbox_depth", ())] == 1
    assert samples[("predtrack_outbox_oldest_pending_seconds", ())] == 300
    assert samples[("predtrack_rescore_lag_seconds", (("stat", "mean"),))] == 20
    assert samples[("predtrack_rescore_lag_seconds", (("stat", "max"),))] == 30
    assert samples[("predtrack_source_sync_failing", ())] == 1


def test_metrics_are_private_when_reads_are(fresh_engine: Engine) -> None:  # noqa: F811
    with Session(fresh_engine) as session:
        key = create_key(session, role=KeyRole.RESEARCHER, name="ops", clock=FixedClock(NOW))
        session.commit()
    settings = Settings(database_url="sqlite://", private_reads=True)
    with TestClient(create_app(engine=fresh_engine, settings=settings, clock=FixedClock(NOW))) as client:
        assert client.get("/metrics").status_code == 401
        scraped = client.get("/metrics", headers={"Authorization": f"Bearer {key.secret}"})
        assert scraped.status_code == 200 and "predtrack_outbox_depth" in scraped.text
