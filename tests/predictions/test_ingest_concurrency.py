"""Eight writers post overlapping batches of 1,000 observations at once; none lost, none duplicated.

These tests commit, so they do not use the rolled-back ``session``: each writer has its own engine on the
backend's throwaway database, the indicators get unique keys, and their rows are deleted afterwards.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session

from predictions.access.keys import create_key
from predictions.data.ingest import IngestResult, ObservationIn, create_indicator, ingest_observations
from predictions.ledger.clock import FixedClock
from predictions.ledger.db import make_engine
from predictions.ledger.tables import ApiKey, Indicator, KeyRole, Observation, RescoreRequest

WRITERS = 8
BATCH = 1_000
STEP = 500  # writer w posts days [w * STEP, w * STEP + BATCH): each overlaps its neighbours
FIRST_DAY = date(2013, 1, 1)  # the last day (FIRST_DAY + 4,500 days) lies before T0: no future periods
T0 = datetime(2026, 1, 1, tzinfo=UTC)
CLOCK = FixedClock(T0 + timedelta(days=1))


@pytest.fixture
def keys(database_url: str, engine: Engine) -> Iterator[tuple[str, str]]:
    """A fresh daily indicator and a derived one (2 x it), committed; deleted with their rows afterwards."""
    base = f"conc_{uuid.uuid4().hex[:8]}"
    with Session(engine) as session:
        create_indicator(session, key=base, name=base, frequency="D", clock=CLOCK)
        create_indicator(session, key=f"{base}_x2", name=base, frequency="D", formula=f"2 * {base}", clock=CLOCK)
        session.commit()
    yield base, f"{base}_x2"
    with engine.begin() as connection:
        ids = select_ids(connection, [base, f"{base}_x2"])
        connection.execute(sa.delete(RescoreRequest).where(RescoreRequest.indicator_id.in_(ids)))  # type: ignore[union-attr]
        connection.execute(sa.delete(Observation).where(Observation.indicator_id.in_(ids)))  # type: ignore[attr-defined]
        connection.execute(sa.delete(Indicator).where(Indicator.id.in_(ids)))  # type: ignore[union-attr]
        connection.execute(sa.delete(ApiKey).where(ApiKey.name == "writer"))


def select_ids(connection: sa.Connection, keys: list[str]) -> list[int]:
    return list(connection.execute(sa.select(Indicator.id).where(Indicator.key.in_(keys))).scalars())  # type: ignore[attr-defined]


def run_writers(
    url: str, key: str, batch_of: Callable[[int], list[ObservationIn]], *, via_http: bool
) -> list[IngestResult]:
    """Start all writers together (a barrier), each with its own engine; return their results.

    ``via_http`` posts each batch through its own app instance (auth, request session and commit included);
    otherwise each writer calls the use case in its own session.
    """
    start = threading.Barrier(WRITERS)
    secret = _committed_key(url) if via_http else ""

    def write(writer: int) -> IngestResult:
        engine = make_engine(url)
        try:
            rows = batch_of(writer)
            if via_http:
                return _post(engine, key, rows, secret, start)
            start.wait(timeout=60)
            with Session(engine) as session:
                result = ingest_observations(session, indicator_key=key, observations=rows, clock=CLOCK)
                session.commit()
            return result
        finally:
            engine.dispose()

    with ThreadPoolExecutor(max_workers=WRITERS) as pool:
        return list(pool.map(write, range(WRITERS)))


def _committed_key(url: str) -> str:
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            secret = create_key(session, role=KeyRole.RESEARCHER, name="writer", clock=CLOCK).secret
            session.commit()
        return secret
    finally:
        engine.dispose()


def _post(engine: Engine, key: str, rows: list[ObservationIn], secret: str, start: threading.Barrier) -> IngestResult:
    from fastapi.testclient import TestClient

    from service.api.app import create_app
    from service.settings import Settings

    body = {"observations": [{"period": r.period, "value": r.value, "as_of": r.as_of} for r in rows]}
    # Eight apps at once on one PostgreSQL server: each keeps few connections (warm-up opens min(threads + 1, pool)).
    settings = Settings(threads=1, db_pool_size=2)
    with TestClient(create_app(engine=engine, settings=settings, clock=CLOCK)) as client:
        start.wait(timeout=60)
        response = client.post(
            f"/api/v1/indicators/{key}/observations", json=body, headers={"Authorization": f"Bearer {secret}"}
        )
    assert response.status_code == 200, response.text
    return IngestResult(**response.json())


def day(index: int) -> str:
    return (FIRST_DAY + timedelta(days=index)).isoformat()


def stored(engine: Engine, key: str) -> list[tuple[str, float, datetime]]:
    with engine.connect() as connection:
        (indicator_id,) = select_ids(connection, [key])
        query = sa.select(Observation.period, Observation.value, Observation.as_of).where(
            Observation.indicator_id == indicator_id
        )
        return [tuple(row) for row in connection.execute(query)]  # type: ignore[misc]


def distinct_days() -> int:
    return (WRITERS - 1) * STEP + BATCH


@pytest.mark.parametrize("via_http", [False, True], ids=["use_case", "http"])
def test_same_values_from_eight_writers_are_stored_once(
    database_url: str, engine: Engine, keys: tuple[str, str], via_http: bool
) -> None:
    key, derived = keys

    def batch_of(writer: int) -> list[ObservationIn]:
        return [ObservationIn(period=day(i), value=float(i)) for i in range(writer * STEP, writer * STEP + BATCH)]

    results = run_writers(database_url, key, batch_of, via_http=via_http)
    inserted = sum(r.inserted for r in results)
    unchanged = sum(r.unchanged for r in results)
    assert sum(r.revised for r in results) == 0
    assert inserted == distinct_days() and unchanged == WRITERS * BATCH - distinct_days()
    rows = stored(engine, key)
    assert len(rows) == distinct_days() == len({period for period, _, _ in rows})
    derived_rows = stored(engine, derived)
    assert len(derived_rows) == distinct_days()
    values = {period: value for period, value, _ in rows}
    assert all(value == 2 * values[period] for period, value, _ in derived_rows)


@pytest.mark.parametrize("via_http", [False, True], ids=["use_case", "http"])
def test_different_values_from_eight_writers_become_vintages(
    database_url: str, engine: Engine, keys: tuple[str, str], via_http: bool
) -> None:
    key, derived = keys

    def batch_of(writer: int) -> list[ObservationIn]:
        as_of = (T0 + timedelta(minutes=writer)).isoformat()
        return [
            ObservationIn(period=day(i), value=float(1000 * writer + i), as_of=as_of)
            for i in range(writer * STEP, writer * STEP + BATCH)
        ]

    results = run_writers(database_url, key, batch_of, via_http=via_http)
    rows = stored(engine, key)
    # Every posted value is kept exactly once, whatever order the writers committed in.
    assert len(rows) == WRITERS * BATCH == sum(r.inserted + r.revised for r in results)
    assert sum(r.unchanged for r in results) == 0
    assert len({(p, a) for p, _, a in rows}) == len(rows)
    # "inserted" counts each period once: the first writer to commit it.
    assert sum(r.inserted for r in results) == distinct_days() == len({p for p, _, _ in rows})
    # The latest vintage of each day is the last writer's (the latest as_of).
    latest: dict[str, tuple[datetime, float]] = {}
    for period, value, as_of in rows:
        if period not in latest or as_of > latest[period][0]:
            latest[period] = (as_of, value)
    for i in range(distinct_days()):
        last_writer = min(i // STEP, WRITERS - 1)
        assert latest[day(i)][1] == 1000 * last_writer + i
    # The derived indicator ends at twice the latest input value of each day, with no duplicate vintage.
    derived_latest: dict[str, tuple[datetime, float]] = {}
    for period, value, as_of in stored(engine, derived):
        if period not in derived_latest or as_of > derived_latest[period][0]:
            derived_latest[period] = (as_of, value)
    assert {p: v for p, (_, v) in derived_latest.items()} == {p: 2 * v for p, (_, v) in latest.items()}
