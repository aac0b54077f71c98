"""LISTEN/NOTIFY on the outbox (PostgreSQL): a new rescore request wakes a separate scheduler at once."""

from datetime import UTC, datetime

import psycopg
import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, func, select

from predictions.ledger.tables import ProbabilitySnapshot, RescoreRequest
from service.jobs.listen import OUTBOX_CHANNEL, OutboxListener, libpq_url
from service.jobs.scheduler import JOB_OUTBOX, SchedulerRunner
from service.settings import Settings
from tests.factories import T0
from tests.service.fresh_db import eventually, fresh_engine, fresh_url, seed_rule_claims  # noqa: F401


@pytest.fixture
def pg_url(fresh_url: str) -> str:  # noqa: F811
    if not fresh_url.startswith("postgresql"):
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's; on SQLite the scheduler polls")
    return fresh_url


def _pending(engine: Engine) -> int:
    with Session(engine) as session:
        where = col(RescoreRequest.done_at).is_(None)
        return int(session.exec(select(func.count()).select_from(RescoreRequest).where(where)).one())


def test_a_rescore_request_notifies_when_its_transaction_commits(pg_url: str, fresh_engine: Engine) -> None:  # noqa: F811
    with psycopg.connect(libpq_url(pg_url), autocommit=True) as listener:
        listener.execute(f"LISTEN {OUTBOX_CHANNEL}")
        with Session(fresh_engine) as session:
            session.add(RescoreRequest(reason="a", requested_at=T0))
            session.flush()
            session.add(RescoreRequest(reason="b", requested_at=T0))
            session.flush()
            assert list(listener.notifies(timeout=0.2)) == []  # nothing before the commit
            session.commit()
        heard = list(listener.notifies(timeout=2, stop_after=1))
        assert [n.channel for n in heard] == [OUTBOX_CHANNEL]
        assert list(listener.notifies(timeout=0.2)) == []  # two inserts, one transaction: one notification
        with Session(fresh_engine) as session:
            session.add(RescoreRequest(reason="rolled back", requested_at=T0))
            session.flush()
            session.rollback()
        assert list(listener.notifies(timeout=0.2)) == []


def test_the_listener_reconnects_and_wakes_on_every_connect(pg_url: str, fresh_engine: Engine) -> None:  # noqa: F811
    woken: list[datetime] = []
    listener = OutboxListener(pg_url, on_notify=lambda: woken.append(datetime.now(UTC)), reconnect_seconds=0.05)
    listener.start()
    try:
        assert eventually(listener.listening.is_set, timeout=10)
        assert eventually(lambda: len(woken) == 1, timeout=5)  # the wake on connect
        with fresh_engine.begin() as connection:  # the server drops the listener's session
            connection.exec_driver_sql(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE query LIKE 'LISTEN%%' AND pid <> pg_backend_pid() AND datname = current_database()"
            )
        assert eventually(lambda: len(woken) >= 2, timeout=10)  # reconnected, and woke again
        with Session(fresh_engine) as session:
            session.add(RescoreRequest(reason="after the reconnect", requested_at=T0))
            session.commit()
        assert eventually(lambda: listener.notifications >= 1, timeout=10)
    finally:
        listener.stop()


def test_a_scheduler_in_another_process_hears_new_work_without_polling(pg_url: str, fresh_engine: Engine) -> None:  # noqa: F811
    # The outbox poll is an hour: only the notification can bring the work in within the bounded wait.
    settings = Settings(database_url=pg_url, forecast_paths=100, outbox_poll_seconds=3600)
    runner = SchedulerRunner(engine=fresh_engine, settings=settings)
    runner.start()
    try:
        assert runner.active and runner.listener is not None
        assert eventually(runner.listener.listening.is_set, timeout=10)
        assert eventually(lambda: runner.completed[JOB_OUTBOX] >= 1)  # the start-up look at the outbox
        started = runner.completed[JOB_OUTBOX]
        seed_rule_claims(fresh_engine, n=2)  # commits two rules and their rescore requests; no wake() here
        assert eventually(lambda: _pending(fresh_engine) == 0, timeout=30)
        assert runner.completed[JOB_OUTBOX] > started
        with Session(fresh_engine) as session:
            assert session.exec(select(func.count()).select_from(ProbabilitySnapshot)).one() == 2
    finally:
        runner.stop()
    assert runner.listener is not None and not runner.listener.listening.is_set()
