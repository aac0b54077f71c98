"""Database fixtures: every database test runs on SQLite and, when PREDTRACK_TEST_DATABASE_URL is set,
on PostgreSQL too. Each backend gets a throwaway database built with ``alembic upgrade head``; each test
runs inside a transaction that is rolled back.
"""

from __future__ import annotations

import os
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
BACKENDS = ["sqlite", *(["postgresql"] if PG_ADMIN_URL else [])]


def _throwaway_database(backend: str, tmp: Path) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{tmp / 'predtrack-test.db'}"
        return
    assert PG_ADMIN_URL
    admin_url = make_url(normalise_url(PG_ADMIN_URL))
    name = f"predtrack_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


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
