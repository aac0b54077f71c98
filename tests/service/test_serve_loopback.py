"""`predtrack serve` for real: a fresh SQLite file, uvicorn on loopback, the seed loaded on first start."""

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.service.conftest import running_server


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
