"""One sender per week: a second run for the week sends nothing while the first holds it, and a slow batch keeps
its claims fresh, so it is never taken over while still sending. Time is a clock the fake SMTP server moves on
(four minutes per message), never a sleep; on SQLite (a lease) and PostgreSQL (an advisory lock)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from predictions.digest.digest import parse_week
from predictions.digest.subscriptions import STALE_CLAIM, claim_delivery
from predictions.ledger.clock import FixedClock, SystemClock
from predictions.ledger.tables import DeliveryStatus, DigestDelivery
from service.digest import FakeSender, Outgoing, SendReport, send_week
from service.jobs.lock import make_lock
from tests.service.digest.conftest import mail_settings
from tests.service.digest.scenario import MONDAY_AFTER, WEEK, add_subscriber, build_ledger

ROOT = Path(__file__).resolve().parents[3]
PER_MESSAGE = timedelta(minutes=4)  # a slow server: five messages take 20 minutes, twice STALE_CLAIM


@dataclass
class SlowServer(FakeSender):
    """Each message moves the shared clock on by PER_MESSAGE; ``during`` runs once, while the third is sent."""

    clock: FixedClock = field(default_factory=lambda: FixedClock(MONDAY_AFTER))
    during: Callable[[], None] | None = None

    def send(self, message: Outgoing) -> None:
        """Take PER_MESSAGE to accept the message."""
        self.clock.at += PER_MESSAGE
        super().send(message)
        if len(self.sent) == 3 and self.during is not None:
            self.during()


def _run(engine: Engine, sender: FakeSender, clock: FixedClock) -> SendReport:
    return send_week(
        engine=engine,
        sender=sender,
        settings=mail_settings(25),
        clock=clock,
        week=parse_week(WEEK),
        sleep=lambda _: None,
    )


def _five_readers(engine: Engine) -> list[str]:
    build_ledger(engine)
    readers = [f"reader{i}@example.com" for i in range(5)]
    for reader in readers:
        add_subscriber(engine, reader)
    return readers


def test_a_second_run_for_the_week_sends_nothing_while_the_first_is_sending(fresh_engine: Engine) -> None:
    """Old behaviour caught: the hourly catch-up, started 12 minutes into the Monday run, found the Monday run's
    claims older than STALE_CLAIM (10 minutes), took them over and sent the last two digests a second time."""
    readers = _five_readers(fresh_engine)
    server = SlowServer()
    second: list[SendReport] = []
    server.during = lambda: second.append(_run(fresh_engine, server, server.clock))
    first = _run(fresh_engine, server, server.clock)
    assert server.clock.at == MONDAY_AFTER + 5 * PER_MESSAGE  # the clock moved only with the messages
    [catch_up] = second
    assert catch_up.busy and catch_up.sent == 0
    assert first.sent == 5 and sorted(m["To"].addresses[0].addr_spec for m in server.sent) == readers
    # Once the first run is done the week is free again, and there is nothing left to send.
    assert not (later := _run(fresh_engine, FakeSender(), FixedClock(server.clock.at))).busy and later.sent == 0


def test_a_slow_batch_renews_its_claims_so_nobody_takes_them_over(fresh_engine: Engine) -> None:
    """Old behaviour caught: 12 minutes into a batch the claims of its last two digests (made at the start) were
    stale, so another process could claim them and send them again while this run was still sending."""
    _five_readers(fresh_engine)
    server = SlowServer()
    taken: list[int | None] = []

    def another_process_claims_the_rest() -> None:
        with Session(fresh_engine) as session:
            waiting = session.exec(
                select(DigestDelivery)
                .where(DigestDelivery.status == DeliveryStatus.SENDING)
                .order_by(DigestDelivery.id)
            ).all()
            assert len(waiting) == 5  # nothing is recorded before the batch ends
            for delivery in waiting[3:]:  # the two not sent yet
                # The claim was renewed 8 minutes in (twice: at 4 and at 8 minutes): 4 minutes old, not stale.
                assert server.clock.at - delivery.claimed_at <= PER_MESSAGE < STALE_CLAIM
                taken.append(
                    claim_delivery(
                        session,
                        subscription_id=delivery.subscription_id,
                        week=WEEK,
                        message_id=delivery.message_id,
                        run_id="run-another",
                        clock=server.clock,
                    )
                )
            session.commit()

    server.during = another_process_claims_the_rest
    report = _run(fresh_engine, server, server.clock)
    assert taken == [None, None] and report.sent == 5 and len(server.sent) == 5
    with Session(fresh_engine) as session:
        assert {d.status for d in session.exec(select(DigestDelivery)).all()} == {DeliveryStatus.SENT}


def test_the_cli_says_so_when_another_run_holds_the_week(fresh_engine: Engine, fresh_url: str) -> None:
    """`predtrack digest --send` while another process holds the week's lock: a message and a non-zero exit."""
    _five_readers(fresh_engine)
    lock = make_lock(
        fresh_engine, holder="another run", clock=SystemClock(), ttl=STALE_CLAIM, name=f"predtrack.digest.{WEEK}"
    )
    assert lock.acquire()
    try:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "PREDTRACK_DATABASE_URL": fresh_url, "PREDTRACK_SMTP_PORT": "1"}
        command = [sys.executable, "-m", "service.cli", "digest", "--send", "--week", WEEK]
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    finally:
        lock.release()
    assert result.returncode == 1
    assert f"digest {WEEK}: another run is sending this week's digest; nothing sent" in result.stderr
    with Session(fresh_engine) as session:
        assert session.exec(select(DigestDelivery)).all() == []  # nothing claimed, nothing sent
