"""API fixtures: the real app on the test database session, with a fixed clock; and the real server."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session
from starlette.datastructures import State
from typer.testing import CliRunner

from predictions.access.keys import create_key
from predictions.ledger.clock import FixedClock
from predictions.ledger.tables import KeyRole
from service.api.app import create_app, set_state
from service.api.deps import get_session
from service.db import get_engine
from service.settings import Settings, get_settings

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    """A CLI runner whose commands use a fresh SQLite file (the cached settings and engine are reset)."""
    monkeypatch.setenv("PREDTRACK_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    get_settings.cache_clear()
    get_engine.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()
    get_engine.cache_clear()


@pytest.fixture
def clock() -> FixedClock:
    """The app's clock: 2026-11-28 12:00 UTC unless a test moves it."""
    return FixedClock(NOW)


@pytest.fixture
def settings() -> Settings:
    """Settings for the app under test (public reads)."""
    return Settings(database_url="sqlite://", private_reads=False)


#: Apps built by ``client`` in this test process, with the engine and (a copy of) the settings they were built for.
_APPS: list[tuple[Engine, Settings, FastAPI]] = []


def _app(engine: Engine, settings: Settings, clock: FixedClock) -> FastAPI:
    """An app for ``engine`` and ``settings`` whose state is new: the app of an earlier test with the same engine and
    equal settings, its state emptied and made again (``set_state``) and its middleware to be built anew, or else a
    new app. Building an app's routes costs ~0.1 s of CPU; ``client`` serves about 260 tests."""
    for built_for, built_with, app in _APPS:
        if built_for is engine and built_with == settings:
            routes = app.state.routes
            app.state = State()  # whatever a test or a request left on it goes too
            app.state.routes = routes
            set_state(app, engine=engine, settings=settings, clock=clock, email_sender=None)
            app.dependency_overrides.clear()
            app.middleware_stack = None  # new middleware instances (rate-limit buckets, metrics) on the next request
            return app
    app = create_app(engine=engine, settings=settings, clock=clock)
    _APPS.append((engine, settings.model_copy(deep=True), app))
    return app


@pytest.fixture
def client(engine: Engine, session: Session, clock: FixedClock, settings: Settings) -> Iterator[TestClient]:
    """A client for the app whose requests all use the test's rolled-back session."""
    app = _app(engine, settings, clock)

    def _session() -> Iterator[Session]:
        yield session
        session.flush()

    app.dependency_overrides[get_session] = _session
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def researcher_headers(session: Session, clock: FixedClock) -> dict[str, str]:
    """Authorization headers with a fresh researcher key."""
    key = create_key(session, role=KeyRole.RESEARCHER, name="test researcher", clock=clock)
    return {"Authorization": f"Bearer {key.secret}"}


@pytest.fixture
def admin_headers(session: Session, clock: FixedClock) -> dict[str, str]:
    """Authorization headers with a fresh admin key."""
    key = create_key(session, role=KeyRole.ADMIN, name="test admin", clock=clock)
    return {"Authorization": f"Bearer {key.secret}"}


ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    """A TCP port that is free on loopback right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_cli(workdir: Path, *args: str, ready: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """`predtrack ARGS` in a subprocess, returned once its log on stderr shows ``ready`` (no sleeps).

    It uses a fresh SQLite file in ``workdir`` unless ``env`` names another database.
    """
    full_env = {
        **os.environ,
        "PREDTRACK_DATABASE_URL": f"sqlite:///{workdir / 'serve.db'}",
        "PYTHONPATH": str(ROOT),
        "PREDTRACK_WORKERS": "1",  # one web process, as these tests were written for (--workers overrides it)
        "PREDTRACK_THREADS": "2",  # and a pool of 4 (tests/conftest.py): few PostgreSQL connections per server
        **(env or {}),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "service.cli", *args],
        cwd=workdir,
        env=full_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    for line in process.stderr:
        if ready in line:
            break
    else:
        pytest.fail(f"predtrack {' '.join(args)} exited with {process.wait()}")
    # Keep draining its log, or a full pipe would block the process.
    threading.Thread(target=process.stderr.read, daemon=True).start()
    return process


def stop(process: subprocess.Popen[str]) -> None:
    """SIGTERM, and wait for the process to end."""
    if process.poll() is None:
        process.terminate()
    process.wait(timeout=30)


@contextmanager
def running_server(workdir: Path, *args: str, env: dict[str, str] | None = None) -> Iterator[str]:
    """`predtrack serve` in a subprocess (on a fresh SQLite file in ``workdir`` by default); yields its base URL."""
    port = free_port()
    process = start_cli(workdir, "serve", "--port", str(port), *args, ready="Uvicorn running on", env=env)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)


def cli_key(workdir: Path, *, role: str = "researcher", name: str = "ana") -> str:
    """A new API key made by the real CLI on the database of ``running_server(workdir)``."""
    env = {**os.environ, "PREDTRACK_DATABASE_URL": f"sqlite:///{workdir / 'serve.db'}", "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "service.cli", "keys", "create", "--role", role, "--name", name],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


@contextmanager
def uvicorn_in_thread(app: Any, **options: Any) -> Iterator[str]:
    """``app`` served by uvicorn on a free loopback port in this process (``options`` go to its Config); its URL."""
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=free_port(), log_level="warning", **options))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        waited = 0
        while not server.started:  # bounded: uvicorn sets it once it listens
            if not thread.is_alive() or waited > 3000:
                pytest.fail("uvicorn did not start")
            thread.join(0.01)
            waited += 1
        yield f"http://127.0.0.1:{server.config.port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
