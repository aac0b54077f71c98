"""The weekly digest delivered to a real SMTP server (aiosmtpd), on SQLite and PostgreSQL: content, structure,
exactly once (also across a restart and a crash), retries and bounces."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import timedelta
from email.message import EmailMessage
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from predictions.digest.digest import parse_week
from predictions.digest.subscriptions import BOUNCE_LIMIT
from predictions.ledger.clock import FixedClock
from predictions.ledger.tables import DeliveryStatus, DigestDelivery, Subscription, SubscriptionStatus
from service.digest import SendReport, SmtpSender, send_week
from service.settings import Settings
from tests.service.digest.conftest import Mailbox, mail_settings
from tests.service.digest.scenario import MONDAY_AFTER, SENTENCE, WEEK, add_subscriber, build_ledger

ROOT = Path(__file__).resolve().parents[3]
READER = "reader@example.com"


def _send(engine: Engine, settings: Settings, clock: FixedClock, **kwargs: object) -> SendReport:
    sleeps = kwargs.pop("sleeps", [])
    return send_week(
        engine=engine,
        sender=SmtpSender.from_settings(settings),
        settings=settings,
        clock=clock,
        week=parse_week(WEEK),
        sleep=sleeps.append,  # type: ignore[attr-defined]
        **kwargs,  # type: ignore[arg-type]
    )


def _deliveries(engine: Engine) -> list[DigestDelivery]:
    with Session(engine) as session:
        return list(session.exec(select(DigestDelivery).order_by(DigestDelivery.id)).all())


def _parts(message: EmailMessage) -> list[str]:
    return [part.get_content_type() for part in message.walk()]


def test_digest_content_and_structure(fresh_engine: Engine, smtp: tuple[Mailbox, int]) -> None:
    mailbox, port = smtp
    ledger = build_ledger(fresh_engine)
    add_subscriber(fresh_engine, READER)
    report = _send(fresh_engine, mail_settings(port), FixedClock(MONDAY_AFTER))
    assert (report.sent, report.failed, report.deferred) == (1, 0, 0)
    [mail] = mailbox.to(READER)

    # Structure: text and HTML alternatives; the HTML travels with its chart in a multipart/related part.
    assert _parts(mail) == ["multipart/alternative", "text/plain", "multipart/related", "text/html", "image/png"]
    assert mail["Subject"] == f"predtrack weekly digest {WEEK}"
    assert parsedate_to_datetime(mail["Date"]) == MONDAY_AFTER
    assert re.fullmatch(rf"<digest\.{WEEK}\.[A-Za-z0-9_-]+@predtrack\.example>", mail["Message-ID"])
    unsubscribe = re.fullmatch(
        r"<(https://predtrack\.example/api/v1/unsubscribe\?token=[^>]+)>", mail["List-Unsubscribe"]
    )
    assert unsubscribe is not None
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text = mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    html = mail.get_body(("html",)).get_content()  # type: ignore[union-attr]
    png = next(p for p in mail.walk() if p.get_content_type() == "image/png")
    assert png.get_content()[:8] == b"\x89PNG\r\n\x1a\n"
    assert f'src="cid:{png["Content-ID"].strip("<>")}"' in html
    assert "<script" not in html and "<style" not in html and 'style="' in html  # CSS inlined by css-inline
    assert unsubscribe[1] in text and unsubscribe[1].replace("&", "&amp;") in html
    links = set(re.findall(r'href="([^"]+)"', html))
    assert links and all(link.startswith("https://predtrack.example/") for link in links)

    # Content: every section, with the explained move and each forecaster's Brier score (worked by hand).
    assert SENTENCE in text and SENTENCE in html
    assert "Spread below 4 ppt in 2025-12: 62% -> 58%" in text
    assert "model said 70%: Brier 0.090" in text  # (0.7 - 1)^2
    assert "researcher:ana said 90%: Brier 0.010" in text  # (0.9 - 1)^2
    assert "stated_confidence said 60%: Brier 0.160" in text  # (0.6 - 1)^2
    assert "Evidence: IDC market share report, 2026-11-16." in text
    for heading in (
        "WHAT MOVED, AND WHY",
        "RESOLVED",
        "DEADLINES IN THE NEXT 30 DAYS",
        "AWAITING RESOLUTION",
        "NEW CLAIMS",
        "NEW DATA",
    ):
        assert heading in text
    assert f"2026-12-10  30%  Due soon  https://predtrack.example/claims/{ledger.due}" in text
    assert f"due 2025-12-31  Court case filed  https://predtrack.example/claims/{ledger.awaiting}" in text
    assert "A brand new claim" in text
    assert "m1 yoy (m1_yoy): 1 value, 2025-12; latest 5.2%" in text


def test_tags_filter_the_digest_and_empty_sections_are_left_out(
    fresh_engine: Engine, smtp: tuple[Mailbox, int]
) -> None:
    mailbox, port = smtp
    build_ledger(fresh_engine)
    add_subscriber(fresh_engine, "ai@example.com", tags=["ai"])
    add_subscriber(fresh_engine, "nothing@example.com", tags=["no-such-tag"])
    report = _send(fresh_engine, mail_settings(port), FixedClock(MONDAY_AFTER))
    assert (report.sent, report.empty) == (1, 1)  # nothing to say for an unknown tag: no email at all
    [mail] = mailbox.to("ai@example.com")
    text = mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    html = mail.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert "RESOLVED" in text and "AWAITING RESOLUTION" in text and "(ai)" in mail["Subject"]
    for absent in ("WHAT MOVED", "DEADLINES", "NEW CLAIMS", "NEW DATA", SENTENCE):
        assert absent not in text
    assert "What moved" not in html and "image/png" not in _parts(mail)


def test_no_second_send_in_the_same_week_also_after_a_restart(
    fresh_engine: Engine, fresh_url: str, smtp: tuple[Mailbox, int]
) -> None:
    mailbox, port = smtp
    build_ledger(fresh_engine)
    add_subscriber(fresh_engine, READER)
    settings = mail_settings(port)
    assert _send(fresh_engine, settings, FixedClock(MONDAY_AFTER)).sent == 1
    assert _send(fresh_engine, settings, FixedClock(MONDAY_AFTER + timedelta(hours=1))).sent == 0
    # A restart: a new process, with nothing in memory, runs `predtrack digest --send` for the same week.
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "PREDTRACK_DATABASE_URL": fresh_url,
        "PREDTRACK_SMTP_HOST": "127.0.0.1",
        "PREDTRACK_SMTP_PORT": str(port),
        "PREDTRACK_SECRET_KEY": "another process",
    }
    result = subprocess.run(
        [sys.executable, "-m", "service.cli", "digest", "--send", "--week", WEEK],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert f"digest {WEEK}: 0 sent" in result.stdout
    assert len(mailbox.to(READER)) == 1
    [delivery] = _deliveries(fresh_engine)
    assert delivery.status is DeliveryStatus.SENT and delivery.attempts == 1


def test_a_temporary_failure_is_retried_with_backoff(fresh_engine: Engine, smtp: tuple[Mailbox, int]) -> None:
    mailbox, port = smtp
    build_ledger(fresh_engine)
    subscription_id = add_subscriber(fresh_engine, READER)
    with Session(fresh_engine) as session:  # two bounces earlier: a delivery starts the count over
        row = session.get(Subscription, subscription_id)
        assert row is not None
        row.bounce_count = 2
        session.commit()
    mailbox.refuse_once[READER] = "451 4.3.0 Try again later"
    sleeps: list[float] = []
    report = _send(fresh_engine, mail_settings(port), FixedClock(MONDAY_AFTER), sleeps=sleeps)
    assert report.sent == 1 and sleeps == [2.0]
    assert len(mailbox.to(READER)) == 1 and mailbox.rcpt_attempts == 2
    [delivery] = _deliveries(fresh_engine)
    assert delivery.status is DeliveryStatus.SENT and delivery.attempts == 2
    with Session(fresh_engine) as session:
        assert session.get(Subscription, subscription_id).bounce_count == 0  # type: ignore[union-attr]


def test_temporary_failures_that_outlast_the_retries_are_deferred_to_a_later_run(
    fresh_engine: Engine, smtp: tuple[Mailbox, int]
) -> None:
    mailbox, port = smtp
    build_ledger(fresh_engine)
    add_subscriber(fresh_engine, READER)
    mailbox.refuse[READER] = "452 4.2.2 Mailbox full"
    sleeps: list[float] = []
    report = _send(fresh_engine, mail_settings(port), FixedClock(MONDAY_AFTER), sleeps=sleeps)
    assert (report.sent, report.deferred) == (0, 1) and sleeps == [2.0, 8.0, 32.0]
    [delivery] = _deliveries(fresh_engine)
    assert delivery.status is DeliveryStatus.DEFERRED and "452" in (delivery.error or "")
    del mailbox.refuse[READER]
    assert _send(fresh_engine, mail_settings(port), FixedClock(MONDAY_AFTER + timedelta(hours=1))).sent == 1
    assert len(mailbox.to(READER)) == 1


def test_permanent_failures_are_recorded_and_repeated_bounces_flag_the_subscription(
    fresh_engine: Engine, smtp: tuple[Mailbox, int]
) -> None:
    mailbox, port = smtp
    build_ledger(fresh_engine)
    subscription_id = add_subscriber(fresh_engine, "gone@example.com")
    mailbox.refuse["gone@example.com"] = "550 5.1.1 No such user"
    settings = mail_settings(port)
    sleeps: list[float] = []
    weeks = ["2026-W45", "2026-W46", WEEK]
    assert BOUNCE_LIMIT == len(weeks)
    for i, week in enumerate(weeks):
        report = send_week(
            engine=fresh_engine,
            sender=SmtpSender.from_settings(settings),
            settings=settings,
            clock=FixedClock(MONDAY_AFTER),
            week=parse_week(week),
            sleep=sleeps.append,
        )
        assert report.failed == 1 and report.flagged == ([subscription_id] if i == len(weeks) - 1 else [])
    assert sleeps == []  # a permanent failure is not retried
    assert [d.status for d in _deliveries(fresh_engine)] == [DeliveryStatus.FAILED] * 3
    with Session(fresh_engine) as session:
        row = session.get(Subscription, subscription_id)
        assert row is not None and row.status is SubscriptionStatus.BOUNCING and "550" in (row.last_error or "")
    # A flagged subscription gets nothing more.
    later = send_week(
        engine=fresh_engine,
        sender=SmtpSender.from_settings(settings),
        settings=settings,
        clock=FixedClock(MONDAY_AFTER),
        week=parse_week("2026-W48"),
    )
    assert later.sent == later.failed == 0 and mailbox.messages == []


class Crash(Exception):
    """The process dies between the send and the record."""


def test_a_crash_between_send_and_record_does_not_lose_the_week(
    fresh_engine: Engine, smtp: tuple[Mailbox, int]
) -> None:
    mailbox, port = smtp
    build_ledger(fresh_engine)
    add_subscriber(fresh_engine, READER)
    settings = mail_settings(port)

    def crash(_subscription_id: int) -> None:
        raise Crash

    with pytest.raises(Crash):
        _send(fresh_engine, settings, FixedClock(MONDAY_AFTER), after_send=crash)
    [delivery] = _deliveries(fresh_engine)
    assert delivery.status is DeliveryStatus.SENDING and len(mailbox.to(READER)) == 1

    # Right after the crash the claim may still belong to a live run: nobody sends it twice at once.
    assert _send(fresh_engine, settings, FixedClock(MONDAY_AFTER + timedelta(minutes=5))).sent == 0
    # Once the claim is stale, the next run sends it again, with the same Message-ID: the week is not lost.
    assert _send(fresh_engine, settings, FixedClock(MONDAY_AFTER + timedelta(minutes=11))).sent == 1
    first, second = mailbox.to(READER)
    assert first["Message-ID"] == second["Message-ID"]
    [delivery] = _deliveries(fresh_engine)
    assert delivery.status is DeliveryStatus.SENT
    assert _send(fresh_engine, settings, FixedClock(MONDAY_AFTER + timedelta(hours=2))).sent == 0
