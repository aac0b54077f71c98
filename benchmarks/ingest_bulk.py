"""Ingestion of one large batch (target: 100,000 observations in <= 10 s on SQLite and PostgreSQL).

Usage::

    /work/venv/bin/python -m benchmarks.ingest_bulk [--rows 100000] [--runs 3] [--postgres URL]

Each run uses a fresh database built by the migrations, creates a daily indicator plus a derived one that
reads it (so the recomputation is measured too), and times ``ingest_observations`` + commit for the first
load (all inserted) and for the same batch again (all unchanged). With ``--http`` the first load goes through
``POST /api/v1/indicators/{key}/observations`` in-process (JSON parsing and auth included).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session

import migrations
from predictions.access.keys import create_key
from predictions.data.ingest import ObservationIn, create_indicator, ingest_observations
from predictions.ledger.clock import FixedClock
from predictions.ledger.db import make_engine, normalise_url

CLOCK = FixedClock(datetime(2026, 11, 28, tzinfo=UTC))


@contextmanager
def fresh_database(backend: str, admin_url: str | None) -> Iterator[Engine]:
    """A migrated, empty database that is dropped afterwards."""
    if backend == "sqlite":
        with tempfile.TemporaryDirectory() as tmp:
            engine = make_engine(f"sqlite:///{Path(tmp) / 'bench.db'}")
            migrations.upgrade(engine)
            yield engine
            engine.dispose()
        return
    assert admin_url
    admin = sa.create_engine(normalise_url(admin_url), isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    name = f"predtrack_bench_{uuid.uuid4().hex[:10]}"
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    engine = make_engine(make_url(normalise_url(admin_url)).set(database=name).render_as_string(hide_password=False))
    try:
        migrations.upgrade(engine)
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def batch(rows: int) -> list[ObservationIn]:
    """``rows`` consecutive daily observations."""
    first = date(1700, 1, 1)
    return [
        ObservationIn(period=(first + timedelta(days=i)).isoformat(), value=float(i % 1000) / 7, row=i + 1)
        for i in range(rows)
    ]


def prepare(engine: Engine) -> None:
    """A daily indicator and a derived one over it."""
    with Session(engine) as session:
        create_indicator(session, key="bench_daily", name="bench", frequency="D", clock=CLOCK)
        create_indicator(
            session, key="bench_derived", name="bench x2", frequency="D", formula="2 * bench_daily", clock=CLOCK
        )
        session.commit()


def timed_ingest(engine: Engine, observations: list[ObservationIn]) -> tuple[float, dict[str, int]]:
    """Seconds for one batch, commit included."""
    started = time.perf_counter()
    with Session(engine) as session:
        result = ingest_observations(session, indicator_key="bench_daily", observations=observations, clock=CLOCK)
        session.commit()
    return time.perf_counter() - started, result.counts()


def timed_http(engine: Engine, rows: int) -> tuple[float, dict[str, int]]:
    """Seconds for one POST of ``rows`` observations through the app (in-process transport)."""
    from fastapi.testclient import TestClient

    from service.api.app import create_app
    from service.settings import Settings

    with Session(engine) as session:
        key = create_key(session, role="researcher", name="bench", clock=CLOCK).secret
        session.commit()
    app = create_app(engine=engine, settings=Settings(), clock=CLOCK)
    body = {"observations": [{"period": o.period, "value": o.value} for o in batch(rows)]}
    with TestClient(app) as client:
        started = time.perf_counter()
        response = client.post(
            "/api/v1/indicators/bench_daily/observations", json=body, headers={"Authorization": f"Bearer {key}"}
        )
        elapsed = time.perf_counter() - started
    response.raise_for_status()
    return elapsed, response.json()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--postgres", help="admin URL of a PostgreSQL server, e.g. postgresql://postgres@127.0.0.1/test"
    )
    parser.add_argument("--http", action="store_true", help="also time the first load over the HTTP endpoint")
    args = parser.parse_args()
    backends = ["sqlite", *(["postgresql"] if args.postgres else [])]
    observations = batch(args.rows)
    for backend in backends:
        first, again, http = [], [], []
        for _ in range(args.runs):
            with fresh_database(backend, args.postgres) as engine:
                prepare(engine)
                seconds, counts = timed_ingest(engine, observations)
                assert counts["inserted"] == args.rows, counts
                first.append(seconds)
                seconds, counts = timed_ingest(engine, observations)
                assert counts["unchanged"] == args.rows, counts
                again.append(seconds)
            if args.http:
                with fresh_database(backend, args.postgres) as engine:
                    prepare(engine)
                    seconds, counts = timed_http(engine, args.rows)
                    assert counts["inserted"] == args.rows, counts
                    http.append(seconds)
        line = (
            f"{backend:<10} rows={args.rows} runs={args.runs} "
            f"first load median {statistics.median(first):.2f} s (min {min(first):.2f}, max {max(first):.2f}); "
            f"same batch again median {statistics.median(again):.2f} s"
        )
        if http:
            line += f"; over HTTP median {statistics.median(http):.2f} s"
        print(line, flush=True)


if __name__ == "__main__":
    main()
