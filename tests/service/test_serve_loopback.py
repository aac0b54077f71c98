"""`predtrack serve` for real: a fresh SQLite file, uvicorn on loopback, the seed loaded on first start."""

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.service.conftest import ROOT, running_server


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    with running_server(tmp_path, "--no-scheduler") as url:
        yield url


def test_fresh_start_serves_the_seed(served: str) -> None:
    claims = httpx.get(f"{served}/api/v1/claims", timeout=30).json()
    assert claims["total"] >= 5
    observations = httpx.get(f"{served}/api/v1/indicators/m2_m1_spread/observations", timeout=30).json()
    assert observations["total"] == 215
    missing = httpx.get(f"{served}/api/v1/claims/12345", timeout=30)
    assert missing.status_code == 404 and missing.json()["detail"]


def test_first_start_hindcasts_the_seed_from_its_made_on(served: str, tmp_path: Path) -> None:
    claims = httpx.get(f"{served}/api/v1/claims", params={"tag": "m2-m1"}, timeout=30).json()["items"]
    [spread] = [c for c in claims if c["made_on"] == "2024-05-01" and c["condition"] is None]
    items = httpx.get(f"{served}/api/v1/claims/{spread['id']}/history", timeout=30).json()["items"]
    hindcasts = [i for i in items if i["kind"] == "hindcast"]
    # What the engine would have said on the article's date, from the PBOC months published by then.
    assert hindcasts[0]["at"].startswith("2024-05-01") and hindcasts[0]["data_as_of"].startswith("2024-04-15")
    assert hindcasts[0]["method"] == "model" and all(i["computed_at"] > i["at"] for i in hindcasts)
    page = httpx.get(f"{served}/claims/{spread['id']}", timeout=30).text
    assert 'stroke-dasharray="4 3"><title>hindcast: what the engine would have said then' in page
    # Once the pending first scores run, the claim resolves and the hindcasts are scored in their own group.
    env = {**os.environ, "PREDTRACK_DATABASE_URL": f"sqlite:///{tmp_path / 'serve.db'}"}  # as the server has it
    done = subprocess.run(
        [sys.executable, "-m", "service.cli", "rescore", "--pending"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    methods = {i["method"] for i in httpx.get(f"{served}/api/v1/scores?by=method", timeout=30).json()["items"]}
    assert "model (hindcast)" in methods and "model" not in methods  # the live score came after the outcome
    again = subprocess.run(
        [sys.executable, "-m", "service.cli", "rescore", "--hindcast"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert again.returncode == 0 and "0 hindcasts written" in again.stdout
