"""Database fixtures: every database test runs on SQLite and, when PREDTRACK_TEST_DATABASE_URL is set,
on PostgreSQL too. Each backend gets a throwaway database built with ``alembic upgrade head``; each test
runs inside a transaction that is rolled back.

Tests that commit get a database of their own (``migrated_database``): a copy of one template that the migrations
built once per test process (a file copy on SQLite, ``CREATE DATABASE ... TEMPLATE`` on PostgreSQL), so that the
migrations run once per worker, not once per test.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session

import migrations
from predictions.ledger.db import make_engine, normalise_url
from tests.recorded_http import internal, outside  # noqa: F401  (the local HTTP servers, for every folder)

PG_ADMIN_URL = os.environ.get("PREDTRACK_TEST_DATABASE_URL")


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """``-n auto``: two test processes per CPU. Many tests spend their time waiting for a server or a browser they
    started (a `predtrack serve` starting up, Chromium), so one process per core leaves cores idle: on 2 cores the
    whole suite took 186 s with 2 processes and 167 s with 4 (docs/BENCHMARKS.md, "Test loop")."""
    return 2 * (os.cpu_count() or 1)


BACKENDS = ["sqlite", *(["postgresql"] if PG_ADMIN_URL else [])]


def _pg_url(name: str) -> str:
    return make_url(normalise_url(PG_ADMIN_URL or "")).set(database=name).render_as_string(hide_password=False)


def _throwaway_database(backend: str, tmp: Path) -> Iterator[str]:
    """A new, empty database on ``backend`` (no tables); yields its URL and drops it afterwards."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp / 'predtrack-test.db'}"
        return
    name = f"predtrack_test_{uuid.uuid4().hex[:12]}"
    _create_database(name)
    try:
        yield _pg_url(name)
    finally:
        _drop_database(name)


def _admin_execute(statement: str) -> None:
    """Run one statement on the PostgreSQL server as the test role, outside any transaction."""
    admin_url = make_url(normalise_url(PG_ADMIN_URL or ""))
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    with admin.connect() as connection:
        connection.execute(sa.text(statement))
    admin.dispose()


def _create_database(name: str, *, template: str | None = None) -> None:
    _admin_execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))


def _drop_database(name: str) -> None:
    _admin_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


_TEMPLATES: dict[str, str] = {}


def _template(backend: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The migrated template of ``backend`` for this test process: a SQLite file's path or a PostgreSQL name."""
    if backend not in _TEMPLATES:
        if backend == "sqlite":
            path = tmp_path_factory.mktemp("template") / "template.db"
            url = f"sqlite:///{path}"
            _TEMPLATES[backend] = str(path)
        else:
            name = f"predtrack_template_{uuid.uuid4().hex[:12]}"
            _create_database(name)
            url = _pg_url(name)
            _TEMPLATES[backend] = name
        engine = make_engine(url)
        migrations.upgrade(engine)
        engine.dispose()
    return _TEMPLATES[backend]


@pytest.fixture(scope="session", autouse=True)
def _drop_templates() -> Iterator[None]:
    yield
    for backend, name in _TEMPLATES.items():
        if backend == "postgresql":
            _drop_database(name)


def migrated_database(backend: str, tmp: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A new database on ``backend`` with the migrations applied (a copy of the process's template); yields its URL."""
    template = _template(backend, tmp_path_factory)
    if backend == "sqlite":
        tmp.mkdir(parents=True, exist_ok=True)
        path = tmp / "predtrack-test.db"
        shutil.copyfile(template, path)
        yield f"sqlite:///{path}"
        return
    name = f"predtrack_test_{uuid.uuid4().hex[:12]}"
    _create_database(name, template=template)
    try:
        yield _pg_url(name)
    finally:
        _drop_database(name)


@pytest.fixture(scope="session", params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A fresh, empty database per backend, for the whole session."""
    yield from _throwaway_database(request.param, tmp_path_factory.mktemp(request.param))


@pytest.fixture(scope="session")
def engine(database_url: str) -> Iterator[Engine]:
    """An engine on a database built by the migrations (not ``create_all``)."""
    engine = make_engine(database_url)
    migrations.upgrade(engine)
    if engine.dialect.name == "sqlite":
        _emit_sqlite_begin(engine)
    yield engine
    engine.dispose()


def _emit_sqlite_begin(engine: Engine) -> None:
    """Let SQLAlchemy, not pysqlite, begin transactions, so that savepoints nest inside the test's transaction.

    pysqlite only sends BEGIN before a write; the test's first SAVEPOINT would then start a transaction of its
    own and releasing it (a use case's commit) would really commit. This is SQLAlchemy's documented recipe,
    applied to the test engine only: production engines keep pysqlite's behaviour, which concurrent writers
    rely on.
    """

    @sa.event.listens_for(engine, "connect")
    def _autocommit_driver(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None

    @sa.event.listens_for(engine, "begin")
    def _begin(connection):  # type: ignore[no-untyped-def]
        connection.exec_driver_sql("BEGIN")

    engine.dispose()  # connections made before the listeners existed are dropped


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    """A session inside a transaction that is rolled back after the test; commits become savepoints."""
    with engine.connect() as connection:
        transaction = connection.begin()
        with Session(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False) as s:
            yield s
        if transaction.is_active:
            transaction.rollback()


@pytest.fixture
def backend(engine: Engine) -> str:
    """The name of the database backend under test."""
    return engine.dialect.name


@pytest.fixture(scope="session")
def dask_address() -> Iterator[str]:
    """A real Dask LocalCluster (2 worker processes, 1 thread each) for the session; yields its ``dask://`` URL."""
    distributed = pytest.importorskip("distributed", reason='the dask extra is not installed: pip install -e ".[dask]"')
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
    )
    try:
        yield cluster.scheduler_address.replace("tcp://", "dask://")
    finally:
        cluster.close()
