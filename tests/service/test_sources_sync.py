"""``predtrack sources sync`` end to end: a ``dbnomics:`` indicator served by a local HTTP server ingests, revises
and re-scores, and a failing source is recorded without blocking the others."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select
from typer.testing import CliRunner

import migrations
from predictions.claims.claims import create_claim
from predictions.data.ingest import create_indicator
from predictions.ledger.clock import FixedClock
from predictions.ledger.schemas import ClaimCreate, RuleIn
from predictions.ledger.tables import Indicator, Observation, ProbabilitySnapshot
from service.cli import (
    app,
    rescoring,  # noqa: F401  (registers the commands)
    sources,  # noqa: F401
)
from service.db import get_engine, session_scope
from service.settings import get_settings
from tests.recorded_http import RecordedServer, Reply, recorded, recorded_server

CLOCK = FixedClock(datetime(2026, 11, 28, 12, tzinfo=UTC))
M1 = "/series/PBOC/MONEY/M1_YOY"


@pytest.fixture
def server(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> Iterator[RecordedServer]:
    with recorded_server() as running:
        monkeypatch.setenv("PREDTRACK_DBNOMICS_URL", running.url)
        monkeypatch.setenv("PREDTRACK_TEST_SOURCE_ADDRESSES", "127.0.0.1")  # the local server (tests only)
        monkeypatch.setenv("PREDTRACK_SOURCE_RETRIES", "0")
        monkeypatch.setenv("PREDTRACK_SOURCE_TIMEOUT_SECONDS", "5")
        monkeypatch.setenv("PREDTRACK_FORECAST_PATHS", "200")
        get_settings.cache_clear()
        yield running


def _ledger(*, with_broken: bool = False) -> int:
    engine = get_engine()
    migrations.upgrade(engine)
    with session_scope(engine) as session:
        create_indicator(
            session,
            key="cn_m1_yoy",
            name="China M1 growth",
            frequency="M",
            unit="%",
            source="dbnomics:PBOC/MONEY/M1_YOY",
            clock=CLOCK,
        )
        if with_broken:
            create_indicator(
                session, key="broken", name="A source that fails", frequency="M", source="dbnomics:X/Y/Z", clock=CLOCK
            )
        claim = create_claim(
            session,
            data=ClaimCreate(
                statement="China's M1 growth is above 5% in June 2027",
                quote="M1 growth will recover above 5%.",
                author="Someone",
                made_on=date(2026, 11, 1),
                deadline=date(2027, 7, 31),
                resolution_criteria="PBOC M1 YoY for 2027-06 > 5",
                rule=RuleIn(indicator="cn_m1_yoy", op=">", threshold=5, window_start="2027-06", window_end="2027-06"),
            ),
            clock=CLOCK,
        )
        assert claim.id is not None
        return claim.id


def _snapshots(claim_id: int) -> list[ProbabilitySnapshot]:
    with session_scope(get_engine()) as session:
        rows = session.exec(select(ProbabilitySnapshot).where(ProbabilitySnapshot.claim_id == claim_id)).all()
        for row in rows:
            session.expunge(row)
        return list(rows)


def test_dbnomics_indicator_ingests_revises_and_rescores(runner: CliRunner, server: RecordedServer) -> None:
    server.serve(M1, recorded("dbnomics_m1_yoy.json"), recorded("dbnomics_m1_yoy_revised.json"))
    claim_id = _ledger()
    first = runner.invoke(app, ["sources", "sync"])
    assert first.exit_code == 0, first.output
    assert "[1/1] cn_m1_yoy (dbnomics:PBOC/MONEY/M1_YOY): 214 fetched, 214 new, 0 revised" in first.output
    assert runner.invoke(app, ["rescore", "--pending"]).exit_code == 0
    (scored,) = _snapshots(claim_id)
    second = runner.invoke(app, ["sources", "sync", "--indicator", "cn_m1_yoy"])
    assert second.exit_code == 0, second.output
    assert "214 fetched, 0 new, 1 revised, 213 unchanged" in second.output
    assert runner.invoke(app, ["rescore", "--pending"]).exit_code == 0
    snapshots = _snapshots(claim_id)
    assert len(snapshots) == 2 and snapshots[0].id == scored.id
    with session_scope(get_engine()) as session:
        indicator = session.exec(select(Indicator).where(Indicator.key == "cn_m1_yoy")).one()
        november = session.exec(
            select(Observation).where(Observation.indicator_id == indicator.id, Observation.period == "2025-11")
        ).all()
        assert sorted(o.value for o in november) == [4.9, 5.2]  # the revision is a second vintage
        assert indicator.last_fetched_at is not None and indicator.last_fetch_error is None
        assert {o.origin for o in november} == {"dbnomics:PBOC/MONEY/M1_YOY"}


def test_a_failing_source_is_recorded_and_does_not_block_the_others(runner: CliRunner, server: RecordedServer) -> None:
    server.serve(M1, recorded("dbnomics_m1_yoy.json"))
    server.serve("/series/X/Y/Z", Reply(status=503, body="down for maintenance"))
    _ledger(with_broken=True)
    result = runner.invoke(app, ["sources", "sync"])
    assert result.exit_code == 1
    assert "[1/2] broken (dbnomics:X/Y/Z): FAILED: dbnomics:X/Y/Z: HTTP 503" in result.output
    assert "[2/2] cn_m1_yoy" in result.output and "214 new" in result.output
    assert "synced 1 of 2 indicator(s), 214 new or revised value(s); failed: broken" in result.output
    with session_scope(get_engine()) as session:
        broken = session.exec(select(Indicator).where(Indicator.key == "broken")).one()
        assert broken.last_fetch_error is not None and "HTTP 503" in broken.last_fetch_error
        assert broken.last_fetch_error_at is not None and broken.last_fetched_at is None


def test_an_indicator_without_a_fetchable_source_is_refused(runner: CliRunner, server: RecordedServer) -> None:
    engine = get_engine()
    migrations.upgrade(engine)
    with session_scope(engine) as session:
        create_indicator(session, key="manual", name="m", frequency="M", source="a spreadsheet", clock=CLOCK)
    result = runner.invoke(app, ["sources", "sync", "--indicator", "manual"])
    assert result.exit_code == 2 and "names no fetchable source" in result.output
    assert "no indicator names a fetchable source" in runner.invoke(app, ["sources", "sync"]).output


def test_the_indicator_page_shows_the_last_fetch_and_the_last_error(
    client: TestClient, session: Session, clock: FixedClock
) -> None:
    create_indicator(session, key="synced", name="s", frequency="M", source="dbnomics:A/B/C", clock=clock)
    indicator = session.exec(select(Indicator).where(Indicator.key == "synced")).one()
    indicator.last_fetched_at = datetime(2026, 11, 27, 6, 0, tzinfo=UTC)
    indicator.last_fetch_error = "dbnomics:A/B/C: HTTP 503 (gave up after 4 attempt(s))"
    indicator.last_fetch_error_at = datetime(2026, 11, 28, 6, 0, tzinfo=UTC)
    session.flush()
    page = client.get("/indicators/synced").text
    assert "last success 2026-11-27 06:00 UTC; last error 2026-11-28 06:00 UTC: dbnomics:A/B/C: HTTP 503" in page
    assert client.get("/api/v1/indicators/synced").json()["last_fetch_error"].startswith("dbnomics:A/B/C")
