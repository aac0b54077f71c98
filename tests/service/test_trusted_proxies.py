"""Who may say who the client is: ``X-Forwarded-For`` is believed only from PREDTRACK_TRUSTED_PROXIES (issue 19).

uvicorn on loopback with the options ``predtrack serve`` gives it; the anonymous rate limit keys on the client's
address, so a believed header would let anyone pick a fresh bucket per request.
"""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest
from sqlalchemy.engine import Engine

from predictions.ledger.clock import FixedClock
from service.api.app import create_app
from service.cli.serving import proxy_options
from service.settings import Settings
from tests.service.conftest import uvicorn_in_thread
from tests.service.fresh_db import fresh_engine, fresh_url  # noqa: F401  (fixtures)

CLOCK = FixedClock(datetime(2026, 11, 28, 12, tzinfo=UTC))


def _export_codes(settings: Settings, engine: Engine, forwarded_for: list[str]) -> list[int]:
    app = create_app(engine=engine, settings=settings, clock=CLOCK)
    with uvicorn_in_thread(app, **proxy_options(settings)) as base:
        return [
            httpx.get(f"{base}/api/v1/export/claims.csv", headers={"X-Forwarded-For": ip}, timeout=30).status_code
            for ip in forwarded_for
        ]


def test_a_forged_x_forwarded_for_buys_no_fresh_rate_limit_bucket(fresh_engine: Engine) -> None:  # noqa: F811
    limits = {"database_url": "sqlite://", "rate_limit_burst": 2, "rate_limit_per_minute": 0.01}
    forged = ["203.0.113.1", "203.0.113.2", "203.0.113.3"]
    assert _export_codes(Settings(**limits), fresh_engine, forged) == [200, 200, 429]  # one bucket: the peer's
    # Behind a proxy the operator names, the header is the client: three readers, three buckets.
    readers = ["198.51.100.1", "198.51.100.2", "198.51.100.3"]
    behind_proxy = Settings(**limits, trusted_proxies="127.0.0.1")
    assert _export_codes(behind_proxy, fresh_engine, readers) == [200, 200, 200]


def test_no_proxy_is_trusted_unless_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FORWARDED_ALLOW_IPS", raising=False)
    monkeypatch.delenv("PREDTRACK_TRUSTED_PROXIES", raising=False)
    assert proxy_options(Settings()) == {"proxy_headers": False, "forwarded_allow_ips": ""}
    monkeypatch.setenv("FORWARDED_ALLOW_IPS", "10.0.0.10")  # uvicorn's own variable, as older deployments set it
    assert proxy_options(Settings()) == {"proxy_headers": True, "forwarded_allow_ips": "10.0.0.10"}
    monkeypatch.setenv("PREDTRACK_TRUSTED_PROXIES", "10.0.0.11")
    assert proxy_options(Settings())["forwarded_allow_ips"] == "10.0.0.11"
