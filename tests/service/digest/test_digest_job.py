"""The weekly digest job: Monday at the configured hour and time zone, catching up what is missing."""

from __future__ import annotations

from datetime import timedelta

from apscheduler.triggers.cron import CronTrigger
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from predictions.ledger.clock import FixedClock
from predictions.ledger.tables import Subscription
from service.digest import FakeSender
from service.jobs.scheduler import JOB_DIGEST, JOB_DIGEST_RETRY, JobContext, SchedulerRunner, run_digest
from tests.service.digest.conftest import mail_settings
from tests.service.digest.scenario import MONDAY_AFTER, WEEK, add_subscriber, build_ledger


def test_job_sends_last_week_once_to_those_subscribed_by_monday(fresh_engine: Engine) -> None:
    build_ledger(fresh_engine)
    add_subscriber(fresh_engine, "early@example.com")
    late = add_subscriber(fresh_engine, "late@example.com")
    with Session(fresh_engine) as session:
        row = session.get(Subscription, late)
        assert row is not None
        row.confirmed_at = MONDAY_AFTER + timedelta(hours=3)
        session.commit()
    settings = mail_settings(25, digest_timezone="UTC", digest_hour=7)
    sender = FakeSender()
    ctx = JobContext(fresh_engine, FixedClock(MONDAY_AFTER - timedelta(minutes=1)), settings)
    before = run_digest(ctx, sender=sender)
    assert before.week == "2026-W46"  # before 07:00 the week before last is the one due (caught up here)
    report = run_digest(JobContext(fresh_engine, FixedClock(MONDAY_AFTER), settings), sender=sender)
    assert report.week == WEEK and report.sent == 1
    ctx = JobContext(fresh_engine, FixedClock(MONDAY_AFTER + timedelta(hours=5)), settings)
    again = run_digest(ctx, sender=sender)
    assert again.sent == 0  # the hourly catch-up finds nothing left, and the late subscriber waits for next week
    assert [(m["To"], m["Subject"][-8:]) for m in sender.sent] == [
        ("early@example.com", "2026-W46"),
        ("early@example.com", WEEK),
    ]


def test_the_weekly_job_is_monday_at_the_hour_in_the_configured_time_zone(fresh_engine: Engine) -> None:
    settings = mail_settings(25, digest_timezone="Europe/Berlin", digest_hour=7, database_url="sqlite://")
    runner = SchedulerRunner(engine=fresh_engine, settings=settings, clock=FixedClock(MONDAY_AFTER))
    runner._start_jobs()
    try:
        assert runner._scheduler is not None
        trigger = runner._scheduler.get_job(JOB_DIGEST).trigger
        assert isinstance(trigger, CronTrigger) and str(trigger.timezone) == "Europe/Berlin"
        fields = {f.name: str(f) for f in trigger.fields}
        assert (fields["day_of_week"], fields["hour"], fields["minute"]) == ("mon", "7", "0")
        assert runner._scheduler.get_job(JOB_DIGEST_RETRY) is not None
    finally:
        runner._stop_jobs()


def test_a_run_stops_when_the_server_keeps_failing(fresh_engine: Engine) -> None:
    from predictions.digest.digest import parse_week
    from predictions.ledger.tables import DeliveryStatus, DigestDelivery
    from service.digest import TemporarySendError, send_week

    build_ledger(fresh_engine)
    for i in range(6):
        add_subscriber(fresh_engine, f"reader{i}@example.com")
    sender = FakeSender(failures=[TemporarySendError("421 4.3.2 service not available") for _ in range(100)])
    sleeps: list[float] = []
    report = send_week(
        engine=fresh_engine,
        sender=sender,
        settings=mail_settings(25),
        clock=FixedClock(MONDAY_AFTER),
        week=parse_week(WEEK),
        sleep=sleeps.append,
        delays=(1.0,),
    )
    assert report.stopped_early and report.sent == 0
    assert len(sender.failures) == 100 - 3 * 2  # three subscribers tried, twice each; the rest not tried
    assert sleeps == [1.0, 1.0, 1.0]
    with Session(fresh_engine) as session:
        rows = session.exec(select(DigestDelivery)).all()
    # The three tried and the batch's untried are deferred (the next run takes them); nobody is marked sent.
    assert {row.status for row in rows} == {DeliveryStatus.DEFERRED} and len(rows) == 6
    assert sum(row.attempts for row in rows) == 6
