"""``sync_indicator``: FRED/ALFRED vintages arrive as vintages through ordinary ingestion (local HTTP server)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlmodel import Session, select

from predictions.data.ingest import create_indicator
from predictions.data.repo_observations import observations_as_of
from predictions.data.sources import FredSource, HttpPolicy
from predictions.data.sync import sync_indicator
from predictions.ledger.clock import FixedClock
from predictions.ledger.tables import Observation
from tests.recorded_http import RecordedServer, recorded, recorded_server

CLOCK = FixedClock(datetime(2026, 11, 28, 12, tzinfo=UTC))


@pytest.fixture
def server() -> Iterator[RecordedServer]:
    with recorded_server() as running:
        yield running


def test_alfred_vintages_are_stored_as_vintages_and_a_second_sync_changes_nothing(
    session: Session, server: RecordedServer
) -> None:
    server.serve("/series/observations", recorded("fred_m2sl_alfred.json"))
    m2 = create_indicator(session, key="us_m2", name="US M2", frequency="M", source="fred:M2SL", clock=CLOCK)
    sources = {
        "fred": FredSource(
            api_key="k",
            base_url=server.url,
            policy=HttpPolicy(retries=0, sleep=lambda _s: None, test_addresses=frozenset({"127.0.0.1"})),
        )
    }
    first = sync_indicator(session, key="us_m2", sources=sources, clock=CLOCK, allowed_hosts=())
    assert (first.ok, first.inserted, first.revised) == (True, 3, 1)
    assert first.vintages == ["2025-02-25", "2025-03-25", "2025-04-22"]
    january = session.exec(
        select(Observation).where(Observation.indicator_id == m2.id, Observation.period == "2025-01")
    ).all()
    assert sorted((o.as_of, o.value) for o in january) == [
        (datetime(2025, 2, 25, tzinfo=UTC), 21561.4),
        (datetime(2025, 3, 25, tzinfo=UTC), 21533.9),
    ]
    # As of mid-March 2025, only the first estimate was known.
    known = observations_as_of(session, indicator_id=m2.id, as_of=datetime(2025, 3, 15, tzinfo=UTC))  # type: ignore[arg-type]
    assert [(o.period, o.value) for o in known] == [("2025-01", 21561.4)]
    again = sync_indicator(session, key="us_m2", sources=sources, clock=CLOCK, allowed_hosts=())
    assert (again.inserted, again.revised, again.unchanged) == (0, 0, 4)
    assert m2.last_fetched_at == CLOCK.now() and m2.last_fetch_error is None
