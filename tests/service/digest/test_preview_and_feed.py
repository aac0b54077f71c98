"""The digest in a browser and on the command line, and the changes feed checked with feedparser."""

from __future__ import annotations

import feedparser
import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from typer.testing import CliRunner

from predictions.ledger.clock import FixedClock
from service.api.app import create_app
from service.settings import Settings
from tests.service.digest.scenario import MONDAY_AFTER, SENTENCE, WEEK, build_ledger


@pytest.fixture
def app_client(fresh_engine: Engine) -> TestClient:
    build_ledger(fresh_engine)
    settings = Settings(database_url="sqlite://", public_url="https://predtrack.example", secret_key="s")
    return TestClient(create_app(engine=fresh_engine, settings=settings, clock=FixedClock(MONDAY_AFTER)))


def test_preview_shows_the_html_with_its_charts(app_client: TestClient) -> None:
    answer = app_client.get("/api/v1/digest/preview", params={"week": WEEK})
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/html")
    assert SENTENCE in answer.text and "data:image/png;base64," in answer.text and "cid:" not in answer.text
    only_ai = app_client.get("/api/v1/digest/preview", params={"week": WEEK, "tag": "ai"})
    assert SENTENCE not in only_ai.text and "AI stack holds 70%" in only_ai.text


def test_preview_refuses_a_bad_week(app_client: TestClient) -> None:
    # Not written as an ISO week at all (an empty value included): the schema's pattern refuses it, 422.
    for week in ("2026-48", "", "2026-W48x"):
        answer = app_client.get("/api/v1/digest/preview", params={"week": week})
        assert answer.status_code == 422 and "week" in str(answer.json()["detail"])
    # Well written, but 2026 has no week 54: the ledger refuses it, 400.
    answer = app_client.get("/api/v1/digest/preview", params={"week": "2026-W54"})
    assert answer.status_code == 400 and "week" in answer.json()["detail"]


def test_the_dashboard_links_the_preview(app_client: TestClient) -> None:
    assert 'href="/api/v1/digest/preview"' in app_client.get("/").text


def test_changes_feed_is_valid_atom(app_client: TestClient) -> None:
    answer = app_client.get("/feeds/changes.atom")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(answer.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    summaries = [entry.summary for entry in feed.entries]
    assert SENTENCE in summaries
    assert any(s.startswith("Resolved true on 2026-11-17 by ana.") for s in summaries)
    assert all(entry.link.startswith("https://predtrack.example/claims/") for entry in feed.entries)
    assert len({entry.id for entry in feed.entries}) == len(feed.entries)

    monetary = feedparser.parse(app_client.get("/feeds/changes.atom", params={"tag": "monetary"}).content)
    assert not monetary.bozo
    # Newest first; a snapshot without an explanation gets a sentence built from its numbers.
    assert [e.summary for e in monetary.entries] == [SENTENCE, "P(Spread below 4 ppt in 2025-12) fell from 70% to 62%."]
    assert monetary.feed.title == "predtrack: what changed (monetary)"
    empty = feedparser.parse(app_client.get("/feeds/changes.atom", params={"tag": "nothing"}).content)
    assert not empty.bozo and empty.entries == []


def test_cli_preview_prints_the_text_part(runner: CliRunner, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    import migrations
    from predictions.ledger.db import make_engine
    from service.cli import app, main  # noqa: F401
    from service.cli import digest as _digest  # noqa: F401  (registers the command)

    engine = make_engine(f"sqlite:///{tmp_path / 'cli.db'}")
    migrations.upgrade(engine)
    build_ledger(engine)
    engine.dispose()
    result = runner.invoke(app, ["digest", "--preview", "--week", WEEK])
    assert result.exit_code == 0, result.output
    assert SENTENCE in result.stdout and "Unsubscribe: (your unsubscribe link)" in result.stdout
    bad = runner.invoke(app, ["digest", "--preview", "--week", "last week"])
    assert bad.exit_code == 2 and "ISO week" in bad.stderr
    neither = runner.invoke(app, ["digest"])
    assert neither.exit_code == 2
