from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.engine import Engine

from service.jobs.lock import AdvisoryLock, LeaseLock, make_lock
from tests.service.fresh_db import eventually, fresh_engine, fresh_url  # noqa: F401


@dataclass
class MovableClock:
    at: datetime

    def now(self) -> datetime:
        return self.at


def test_only_one_holder_until_release_or_expiry(fresh_engine: Engine) -> None:  # noqa: F811
    clock = MovableClock(datetime(2026, 1, 1, tzinfo=UTC))
    ttl = timedelta(seconds=30)
    first = make_lock(fresh_engine, holder="a", clock=clock, ttl=ttl)
    second = make_lock(fresh_engine, holder="b", clock=clock, ttl=ttl)
    assert first.acquire()
    assert not second.acquire()
    assert first.acquire() and first.renew()  # taking it again is a renewal, not a conflict
    first.release()
    assert second.acquire()
    assert not first.acquire()
    second.release()


def test_the_right_lock_per_backend(fresh_engine: Engine) -> None:  # noqa: F811
    lock = make_lock(fresh_engine, holder="a", clock=MovableClock(datetime(2026, 1, 1, tzinfo=UTC)), ttl=timedelta(1))
    expected = AdvisoryLock if fresh_engine.dialect.name == "postgresql" else LeaseLock
    assert isinstance(lock, expected)


def test_an_expired_lease_is_taken_over_and_its_old_holder_loses_it(fresh_engine: Engine) -> None:  # noqa: F811
    clock = MovableClock(datetime(2026, 1, 1, tzinfo=UTC))
    ttl = timedelta(seconds=30)
    first = LeaseLock(fresh_engine, holder="a", clock=clock, ttl=ttl)
    second = LeaseLock(fresh_engine, holder="b", clock=clock, ttl=ttl)
    assert first.acquire()
    clock.at += timedelta(seconds=20)
    assert first.renew()  # renewed until t+50
    clock.at += timedelta(seconds=29)
    assert not second.acquire()
    clock.at += timedelta(seconds=2)  # the holder died: no renewal for 31 s
    assert second.acquire()
    assert not first.renew()
    first.release()  # releasing a lease that is no longer ours does nothing
    assert not first.acquire()


def test_an_advisory_lock_dies_with_its_connection(fresh_engine: Engine) -> None:  # noqa: F811
    if fresh_engine.dialect.name != "postgresql":
        return
    first, second = AdvisoryLock(fresh_engine), AdvisoryLock(fresh_engine)
    assert first.acquire() and not second.acquire()
    assert first._connection is not None
    first._connection.invalidate()  # as when the process is killed: the server ends the session
    first._connection = None
    assert eventually(second.acquire, timeout=10)  # the server frees it as soon as the session ends
    second.release()
