"""``predtrack backup FILE`` and ``predtrack restore FILE`` (issue 21) on real SQLite files.

A writer commits sources one by one on its own thread while the backup runs; the restored ledger holds every
source committed before the backup started, and is consistent (each source it holds came with its claim, written
in the same transaction).
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from sqlmodel import Session, select
from typer.testing import CliRunner

import migrations
from predictions.ledger.tables import Claim, Source
from service.cli import (
    app,
    backups,  # noqa: F401  (registers the commands)
)
from service.db import get_engine
from service.settings import get_settings
from tests.factories import make_claim, make_source


def test_a_backup_taken_during_writes_restores_every_committed_row(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = get_engine()
    migrations.upgrade(engine)
    committed: list[int] = []
    started = threading.Event()
    stop = threading.Event()

    def write() -> None:
        while not stop.is_set():
            with Session(engine) as session:
                source = make_source(session, title=f"source {len(committed)}")
                make_claim(session, source=source)  # a source and its claim, in one transaction
                session.commit()
                assert source.id is not None
                committed.append(source.id)
            if len(committed) >= 20:
                started.set()

    writer = threading.Thread(target=write)
    writer.start()
    try:
        assert started.wait(timeout=30)
        before = list(committed)  # committed before the backup began
        result = runner.invoke(app, ["backup", str(tmp_path / "copy.db")])
        during = len(committed)
    finally:
        stop.set()
        writer.join(timeout=30)
    assert result.exit_code == 0, result.output
    assert during > len(before), "the writer kept committing while the backup ran"
    assert not (tmp_path / "copy.db.partial").exists()

    restored = tmp_path / "restored.db"  # a new, empty database
    _use(monkeypatch, f"sqlite:///{restored}")
    result = runner.invoke(app, ["restore", str(tmp_path / "copy.db")])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(restored) as connection:
        ids = {row[0] for row in connection.execute("SELECT id FROM source")}
        claimed = {row[0] for row in connection.execute("SELECT source_id FROM claim")}
    assert set(before) <= ids
    assert ids == claimed  # no source without the claim committed with it: one consistent moment


def test_backup_refuses_to_overwrite_and_restore_refuses_what_is_not_a_ledger(
    runner: CliRunner, tmp_path: Path
) -> None:
    migrations.upgrade(get_engine())
    taken = tmp_path / "copy.db"
    taken.write_bytes(b"precious")
    result = runner.invoke(app, ["backup", str(taken)])
    assert result.exit_code == 2 and "already exists" in result.output
    assert taken.read_bytes() == b"precious"
    not_a_ledger = runner.invoke(app, ["restore", str(taken)])
    assert not_a_ledger.exit_code == 2 and "not a SQLite database" in not_a_ledger.output
    missing = runner.invoke(app, ["restore", str(tmp_path / "nope.db")])
    assert missing.exit_code == 2 and "is not a file" in missing.output


def test_restore_does_not_overwrite_a_ledger_unless_told(runner: CliRunner, tmp_path: Path) -> None:
    engine = get_engine()
    migrations.upgrade(engine)
    with Session(engine) as session:
        make_claim(session, source=make_source(session, title="kept"))
        session.commit()
    assert runner.invoke(app, ["backup", str(tmp_path / "copy.db")]).exit_code == 0
    with Session(engine) as session:
        make_claim(session, source=make_source(session, title="after the backup"))
        session.commit()
    refused = runner.invoke(app, ["restore", str(tmp_path / "copy.db")])
    assert refused.exit_code == 2 and "--replace" in refused.output
    assert runner.invoke(app, ["restore", str(tmp_path / "copy.db"), "--replace"]).exit_code == 0
    with Session(engine) as session:
        assert [s.title for s in session.exec(select(Source)).all()] == ["kept"]
        assert len(session.exec(select(Claim)).all()) == 1


@pytest.mark.parametrize("command", ["backup", "restore"])
def test_postgresql_is_pointed_at_its_own_tools(
    command: str, runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _use(monkeypatch, "postgresql://nobody@127.0.0.1:1/none")  # never connected to
    target = tmp_path / "x.db"
    if command == "restore":
        target.write_bytes(b"")
    result = runner.invoke(app, [command, str(target)])
    assert result.exit_code == 2 and "pg_dump" in result.output


def _use(monkeypatch: pytest.MonkeyPatch, url: str) -> None:
    """Point the CLI at ``url`` (the runner fixture clears the cached settings and engine afterwards)."""
    monkeypatch.setenv("PREDTRACK_DATABASE_URL", url)
    get_settings.cache_clear()
    get_engine.cache_clear()
