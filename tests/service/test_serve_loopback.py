"""`predtrack serve` for real: a fresh SQLite file, uvicorn on loopback, the seed loaded on first start."""

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    port = _free_port()
    env = {**os.environ, "PREDTRACK_DATABASE_URL": f"sqlite:///{tmp_path / 'serve.db'}", "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "service.cli", "serve", "--port", str(port), "--no-scheduler"],
        cwd=tmp_path,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # Block on the server's own log until it says it is listening (no sleeps).
        assert process.stderr is not None
        for line in process.stderr:
            if "Uvicorn running on" in line:
                break
        else:
            pytest.fail(f"server exited with {process.wait()}")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_fresh_start_serves_the_seed(served: str) -> None:
    claims = httpx.get(f"{served}/api/v1/claims", timeout=30).json()
    assert claims["total"] >= 5
    observations = httpx.get(f"{served}/api/v1/indicators/m2_m1_spread/observations", timeout=30).json()
    assert observations["total"] == 215
    missing = httpx.get(f"{served}/api/v1/claims/12345", timeout=30)
    assert missing.status_code == 404 and missing.json()["detail"]
