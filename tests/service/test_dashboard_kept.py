"""What the dashboard's busiest pages read is kept before the first reader asks (issue 21: first hits cost a
lookup): the home page's rows and the track records at start, the changes feed before its minute begins."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session

from predictions.ledger.clock import FixedClock
from predictions.scoring.scoring import DEFAULT_BINS
from predictions.scoring.track_record import GroupBy
from service.api.app import create_app, keep_feed
from service.settings import Settings
from tests.factories import make_claim
from tests.service.conftest import NOW
from tests.service.fresh_db import fresh_engine, fresh_url  # noqa: F401

SETTINGS = Settings(database_url="sqlite://", scores_refresh_seconds=3600, secret_key="configured")


def _add_claim(engine: Engine, statement: str) -> None:
    with Session(engine) as session:
        make_claim(session, statement=statement)
        session.commit()


def test_the_home_page_and_track_records_are_kept_at_start_and_a_write_shows(fresh_engine: Engine) -> None:  # noqa: F811
    _add_claim(fresh_engine, "First claim")
    app = create_app(engine=fresh_engine, settings=SETTINGS, clock=FixedClock(NOW))
    with TestClient(app) as client:
        # Kept while the app started, before any request.
        assert app.state.kept_pages.computed == 1
        assert app.state.kept_scores.version_of((GroupBy.METHOD, DEFAULT_BINS, None)) is not None
        first = client.get("/").text
        assert first.count("data-claim-id=") == 1 and app.state.kept_pages.computed == 2  # the rows looked up
        assert client.get("/").text == first and app.state.kept_pages.computed == 2  # the anonymous page too
        _add_claim(fresh_engine, "Second claim")  # a committed write moves the ledger's version
        second = client.get("/").text
        assert second.count("data-claim-id=") == 2 and "Second claim" in second
        assert app.state.kept_pages.computed == 4


def test_the_next_minutes_feed_is_built_in_the_last_quarter_of_this_one(fresh_engine: Engine) -> None:  # noqa: F811
    _add_claim(fresh_engine, "A claim")
    clock = FixedClock(datetime(2026, 11, 28, 12, 0, 10, tzinfo=UTC))
    app = create_app(engine=fresh_engine, settings=SETTINGS, clock=clock)
    with TestClient(app) as client, Session(fresh_engine) as session:
        minute, next_minute = datetime(2026, 11, 28, 12, 0, tzinfo=UTC), datetime(2026, 11, 28, 12, 1, tzinfo=UTC)
        assert ((), minute) in app.state.kept_feeds.keys() and ((), next_minute) not in app.state.kept_feeds.keys()
        assert keep_feed(app, session) == 0  # this minute's is kept already
        clock.at = datetime(2026, 11, 28, 12, 0, 50, tzinfo=UTC)
        assert keep_feed(app, session) == 1 and ((), next_minute) in app.state.kept_feeds.keys()
        clock.at = datetime(2026, 11, 28, 12, 1, 0, 300_000, tzinfo=UTC)
        built = app.state.kept_feeds.computed
        feed = client.get("/feeds/changes.atom")
        assert feed.status_code == 200 and app.state.kept_feeds.computed == built  # the reader got it by lookup
