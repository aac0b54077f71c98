"""The third probe's attacks against `predtrack serve` for real (issue 19): uvicorn on loopback, a fresh database.

Runs on SQLite and, with PREDTRACK_TEST_DATABASE_URL, on a throwaway PostgreSQL database. The server loads the
seed on first start (with its hindcast snapshots), which gives the verify attack its snapshots.
"""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import feedparser
import httpx
import pytest

from tests.conftest import BACKENDS, _throwaway_database
from tests.service.conftest import ROOT, running_server

API = "/api/v1"


@pytest.fixture(params=BACKENDS)
def served(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """A real server (burst 3, 6 a minute) and a researcher key on its database."""
    for url in _throwaway_database(request.param, tmp_path):
        env = {**os.environ, "PREDTRACK_DATABASE_URL": url, "PYTHONPATH": str(ROOT)}
        server_env = {"PREDTRACK_DATABASE_URL": url, "PREDTRACK_RATE_LIMIT_BURST": "3",
                      "PREDTRACK_RATE_LIMIT_PER_MINUTE": "6", "PREDTRACK_FORECAST_PATHS": "200"}  # fmt: skip
        with running_server(tmp_path, "--no-scheduler", env=server_env) as base:
            key = subprocess.run(
                [sys.executable, "-m", "service.cli", "keys", "create", "--role", "researcher", "--name", "ana"],
                env=env,
                cwd=tmp_path,
                capture_output=True,
                text=True,
                check=True,
                timeout=120,
            ).stdout.strip()
            yield base, key


def test_the_probe_against_a_real_server(served: tuple[str, str]) -> None:
    base, key = served
    researcher = {"Authorization": f"Bearer {key}"}
    with httpx.Client(base_url=base, timeout=60) as client:
        # High 1: anonymous verify is limited like a forecast, and answered from the cache.
        claims = client.get(f"{API}/claims", params={"tag": "m2-m1"}).json()["items"]
        snapshot = next(
            item
            for claim in claims
            for item in client.get(f"{API}/claims/{claim['id']}/history").json()["items"]
            if item["method"] == "model"
        )
        url = f"{API}/snapshots/{snapshot['id']}/verify"
        with ThreadPoolExecutor(2) as pool:  # two at once pay for one computation
            pair = list(pool.map(lambda _: client.get(url), range(2)))
        assert [r.status_code for r in pair] == [200, 200] and all(r.json()["identical"] for r in pair)
        third, fourth = client.get(url), client.get(url)
        assert third.status_code == 200 and fourth.status_code == 429, fourth.text
        assert int(fourth.headers["Retry-After"]) >= 1 and "retry in" in fourth.json()["detail"]
        assert client.get(url, headers=researcher).status_code == 200

        # High 2: a window from 1900 is refused at the door.
        body = {
            "statement": "The spread stays above 0",
            "quote": "it stays positive",
            "author": "A Prober",
            "made_on": "2026-11-01",
            "deadline": "2026-12-31",
            "resolution_criteria": "spread > 0",
            "rule": {"indicator": "m2_m1_spread", "op": ">", "threshold": 0, "window_start": "1900-01"},
        }
        refused = client.post(f"{API}/claims", json=body, headers=researcher)
        assert refused.status_code == 400 and "more than 100 years before" in refused.json()["detail"]

        # Medium 5: ids and pages past int64 on the dashboard are 4xx, never 500.
        for path in ("/claims/99999999999999999999", "/sources/99999999999999999999", "/?page=9223372036854775807"):
            assert client.get(path).status_code in (404, 422), path
        assert client.post("/claims/99999999999999999999/resolve", data={"x": "1"}).status_code in (403, 404, 422)

        # Medium 8: text XML does not allow is refused, and the feed stays well-formed.
        bad = client.post(f"{API}/claims", json={**body, "statement": "x\uffff", "rule": None}, headers=researcher)
        assert bad.status_code == 422
        feed = client.get("/feeds/changes.atom")
        assert feed.status_code == 200
        ElementTree.fromstring(feed.content)
        assert not feedparser.parse(feed.content).bozo

        # Low: /login refuses a 19 MB body by its Content-Length.
        big = client.post(
            "/login",
            content=b"k" * 19_000_000,
            headers={"content-type": "application/x-www-form-urlencoded"},
        )
        assert big.status_code == 413
