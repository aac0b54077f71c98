"""schemathesis against the live app (`predtrack serve` on loopback), positive and negative, as an admin, a
researcher and an anonymous client.

The checks of issue 12 must find nothing: ``not_a_server_error``, ``response_schema_conformance``,
``status_code_conformance`` and ``negative_data_rejection``. The run is bounded by a number of examples, never by
time (``--max-time`` makes fuzzing repeat until the budget is spent: the test once took 247 s): the admin run is
the coverage phase (every operation's boundary values, positive and negative), the researcher's and the anonymous
client's runs fuzz every operation with two examples in each mode. About 40 s per database on a 2-core machine, on
SQLite and, when PREDTRACK_TEST_DATABASE_URL is set, on a throwaway PostgreSQL database. The database is a copy of the
migrated template and the keys are made in this process (``predtrack keys create`` has tests of its own), which
spares two CLI processes (about 3 s of CPU).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import Session

from predictions.access.keys import create_key
from predictions.ledger.clock import SystemClock
from predictions.ledger.db import make_engine
from tests.conftest import BACKENDS, migrated_database
from tests.service.conftest import running_server

CHECKS = "not_a_server_error,response_schema_conformance,status_code_conformance,negative_data_rejection"
ST = shutil.which("st", path=str(Path(sys.executable).parent)) or shutil.which("st")
# role -> (phases, examples per operation and mode)
RUNS = {
    "admin": ("examples,coverage", 2),
    "researcher": ("fuzzing", 2),
    "anonymous": ("fuzzing", 2),
}


@pytest.fixture(params=BACKENDS)
def database(
    request: pytest.FixtureRequest, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, str]]:
    for url in migrated_database(request.param, tmp_path / "db", tmp_path_factory):
        yield request.param, url


def _keys(url: str, *roles: str) -> dict[str, str]:
    """A new key of each role, committed to the database at ``url``."""
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            keys = {
                role: create_key(session, role=role, name=f"schemathesis {role}", clock=SystemClock()).secret
                for role in roles
            }
            session.commit()
    finally:
        engine.dispose()
    return keys


def test_schemathesis_finds_nothing(database: tuple[str, str], tmp_path: Path) -> None:
    if ST is None:
        pytest.skip("schemathesis is not installed (pip install -e '.[test]')")
    _backend, url = database
    keys = _keys(url, "admin", "researcher")
    failures = []
    # A burst large enough for every run's costly requests: the limit itself is tested elsewhere.
    server_env = {"PREDTRACK_DATABASE_URL": url, "PREDTRACK_RATE_LIMIT_BURST": "100000"}
    with running_server(tmp_path, "--no-scheduler", env=server_env) as base:
        for role, (phases, examples) in RUNS.items():
            run = subprocess.run(
                [
                    ST,
                    "run",
                    f"{base}/openapi.json",
                    *_auth(keys.get(role)),
                    "--checks",
                    CHECKS,
                    "--mode",
                    "all",
                    "--phases",
                    phases,
                    "--max-examples",
                    str(examples),
                    "--seed",
                    "20261128",
                    "--workers",
                    "1",  # two threads parse sources at once, and CPython 3.11.7's ast.parse can then fail (gh-106905)
                    "--suppress-health-check",
                    "all",
                    "--request-timeout",
                    "30",
                ],  # fmt: skip
                cwd=tmp_path,
                capture_output=True,
                text=True,
                timeout=300,
            )
            if run.returncode != 0:
                failures.append(f"--- as {role} ---\n{run.stdout[-5000:]}{run.stderr[-1000:]}")
    assert not failures, "\n".join(failures)


def _auth(key: str | None) -> list[str]:
    return ["--header", f"Authorization: Bearer {key}"] if key else []
