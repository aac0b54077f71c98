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
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session

import migrations
from predictions.ledger.db import make_engine, normalise_url
from tests.recorded_http import internal, outside  # noqa: F401  (the local HTTP servers, for every folder)

T = TypeVar("T")

# Python caches compiled modules in __pycache__ (ignored by git) unless PYTHONDONTWRITEBYTECODE is set, as it is in
# some shells and CI images. The suite starts well over a hundred `predtrack` subprocesses; with the variable set
# each one compiled the project's modules from source again (about 0.3 s of CPU each on this machine). The test
# processes and every subprocess they start (they inherit this environment) write and reuse the cache instead.
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
sys.dont_write_bytecode = False
# Few PostgreSQL connections per app: before traffic an app opens min(threads + 1, pool size) on each pool
# (service.api.fast_reads.warm_up), and four test processes build apps and start servers on one PostgreSQL server
# whose max_connections is 100 ("too many clients" in CI with the default pool of 20). Two route threads, as the
# servers the tests start have: an app keeps min(threads + 1, pool) version connections besides the warm ones.
os.environ.setdefault("PREDTRACK_DB_POOL_SIZE", "4")
os.environ.setdefault("PREDTRACK_THREADS", "2")
#: The project's packages, compiled once before the test processes start (``pytest_configure``).
PACKAGES = ("forecasts", "predictions", "service", "migrations", "benchmarks", "tests")


def pytest_configure(config: pytest.Config) -> None:
    """On a fresh checkout, compile the project's modules once (about 0.4 s), in the controlling process before
    xdist starts the test processes: else each test process and each of the ~150 `predtrack` subprocesses of the
    suite compiled what it imported until one of them had written the cache (about 50 s of CPU on the first run
    of a fresh clone here, 217 s against 187 s of wall time)."""
    if hasattr(config, "workerinput"):
        return  # a test process: the controller has done it
    import compileall

    root = Path(__file__).resolve().parents[1]
    for package in PACKAGES:
        compileall.compile_dir(root / package, quiet=1)
    # The same for the extraction rules' ~600 regular expressions (predictions.extract.patterns): about 1 s of CPU
    # in each test process and each server's extraction workers when they are compiled anew.
    import predictions.extract.candidates  # noqa: F401
    from predictions.extract import patterns

    patterns.save()


PG_ADMIN_URL = os.environ.get("PREDTRACK_TEST_DATABASE_URL")


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """``-n auto``: two test processes per CPU. Many tests spend their time waiting for a server or a browser they
    started (a `predtrack serve` starting up, Chromium), so one process per core leaves cores idle: on 2 cores the
    whole suite took 186 s with 2 processes and 167 s with 4 (docs/BENCHMARKS.md, "Test loop")."""
    return 2 * (os.cpu_count() or 1)


#: Tests that take several seconds (setup + call, rough seconds on a quiet 2-core machine from
#: ``pytest --durations``), by node id without parameters or by module. Only the order of the run uses them.
SLOW_TESTS: dict[str, float] = {
    "tests/service/test_schemathesis.py": 70,
    "tests/predictions/test_extract_classify.py::test_the_committed_model_holds_the_rows_the_rules_give_now": 14,
    "tests/predictions/test_extract.py::test_a_200_kb_input_costs_what_its_parts_cost": 11,
    "tests/predictions/test_extract.py::test_a_109_kb_sentence_is_bounded": 5,
    "tests/service/test_dashboard_browser.py::test_a_researcher_signs_in_and_acts_through_the_forms": 20,
    "tests/service/test_rescore_cli.py": 18,
    "tests/service/test_intake_browser.py": 17,
    "tests/service/test_dashboard_browser.py::test_a_reader_browses_every_page_type": 16,
    "tests/service/test_serve_loopback.py::test_first_start_hindcasts_the_seed_from_its_made_on": 14,
    "tests/service/test_extract_bounds.py::test_over_uvicorn_a_200_kb_text_answers_within_the_time_limit": 13,
    "tests/service/test_serve_workers.py": 13,
    "tests/service/test_docs_browser.py": 12,
    "tests/service/jobs/test_crash_recovery.py": 8,
    "tests/service/test_hostile_loopback.py::test_the_probe_against_a_real_server": 10,
    "tests/service/test_http_cache.py::test_304_over_uvicorn_on_loopback": 6,
    "tests/service/test_researcher_workflow.py": 6,
    "tests/service/test_hostile_input.py::test_memory_per_batch_row_is_bounded": 6,
    "tests/predictions/test_ingest_concurrency.py": 5,
    "tests/service/jobs/test_fanout.py::test_the_cluster_and_the_pool_make_the_same_forecasts": 5,
    "tests/service/test_cli_extract_intake.py::test_a_real_pipe_into_claims_import_and_a_light_start": 5,
    "tests/service/test_read_cache.py::test_a_write_by_another_process_shows_in_the_next_read": 4,
    "tests/service/test_forecasting_cli.py::test_forecast_on_a_dask_cluster_writes_the_same_file_as_the_local_pool": 4,
    "tests/forecasts/test_executor.py::test_dask_cluster_and_local_pool_agree_bit_for_bit": 4,
}


def _expected_seconds(item: pytest.Item) -> float:
    test = item.nodeid.split("[", 1)[0]
    module = test.split("::", 1)[0]
    return SLOW_TESTS.get(test, SLOW_TESTS.get(module, 0.0))


def slow_first(items: list[T], workers: int, seconds: Callable[[T], float]) -> list[T]:
    """``items`` reordered so that each of the ``workers`` blocks that ``--dist worksteal`` hands out first starts
    with its share of the slow items (those with ``seconds(item) > 0``).

    xdist's worksteal gives each of N idle processes an even share of what is still pending, in order: the first
    ``n // N`` items, then ``(n - n // N) // (N - 1)`` of the rest, and so on. The slow items go longest first, each
    to the block with the least expected time so far; each block is then filled up with the other items in their
    usual order. Every item appears once.
    """
    slow = sorted((item for item in items if seconds(item) > 0), key=seconds, reverse=True)
    chosen = {id(item) for item in slow}
    rest = iter([item for item in items if id(item) not in chosen])
    blocks: list[list[T]] = [[] for _ in range(workers)]
    load = [0.0] * workers
    for item in slow:
        lightest = min(range(workers), key=lambda k: (load[k], k))
        blocks[lightest].append(item)
        load[lightest] += seconds(item)
    ordered: list[T] = []
    remaining = len(items)
    for k, block in enumerate(blocks):
        size = remaining // (workers - k)
        remaining -= size
        block.extend(item for _, item in zip(range(size - len(block)), rest, strict=False))
        ordered.extend(block)
    ordered.extend(rest)
    return ordered


@pytest.hookimpl(trylast=True)  # after pytest has grouped the items by fixture parameter
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under xdist, start the slow tests first, spread over the test processes, so that none is left for the end.

    ``--dist worksteal`` first hands each process one contiguous block of the collection, then moves tests from the
    end of a busy process's queue to an idle one: a 58 s test that started in the last minute made the whole run a
    minute longer. Every test still runs; only the order changes (every worker computes the same order, as xdist
    requires).
    """
    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "0"))
    if workers >= 2 and len(items) >= 2 * workers:
        items[:] = slow_first(items, workers, _expected_seconds)


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
