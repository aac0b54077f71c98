"""schemathesis against the live app (`predtrack serve` on loopback), positive and negative, with an admin key.

The checks of issue 12 must find nothing: ``not_a_server_error``, ``response_schema_conformance``,
``status_code_conformance`` and ``negative_data_rejection``. The run is bounded (examples per operation, a fixed
seed, a time budget) so that it takes a minute or two, on SQLite and, when PREDTRACK_TEST_DATABASE_URL is set,
on a throwaway PostgreSQL database.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import BACKENDS, _throwaway_database
from tests.service.conftest import ROOT, running_server

CHECKS = "not_a_server_error,response_schema_conformance,status_code_conformance,negative_data_rejection"
ST = shutil.which("st", path=str(Path(sys.executable).parent)) or shutil.which("st")
EXAMPLES = {"sqlite": 15, "postgresql": 8}


@pytest.fixture(params=BACKENDS)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str]]:
    for url in _throwaway_database(request.param, tmp_path):
        yield request.param, url


def test_schemathesis_finds_nothing(database: tuple[str, str], tmp_path: Path) -> None:
    if ST is None:
        pytest.skip("schemathesis is not installed (pip install -e '.[test]')")
    backend, url = database
    env = {**os.environ, "PREDTRACK_DATABASE_URL": url, "PYTHONPATH": str(ROOT)}
    key = subprocess.run(
        [sys.executable, "-m", "service.cli", "keys", "create", "--role", "admin", "--name", "schemathesis"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout.strip()
    with running_server(tmp_path, "--no-scheduler", env={"PREDTRACK_DATABASE_URL": url}) as base:
        run = subprocess.run(
            [
                ST,
                "run",
                f"{base}/openapi.json",
                "--header",
                f"Authorization: Bearer {key}",
                "--checks",
                CHECKS,
                "--mode",
                "all",
                "--max-examples",
                str(EXAMPLES[backend]),
                "--seed",
                "20261128",
                "--workers",
                "2",
                "--max-time",
                "240",
                "--suppress-health-check",
                "all",
                "--request-timeout",
                "30",
            ],  # fmt: skip
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=420,
        )
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
