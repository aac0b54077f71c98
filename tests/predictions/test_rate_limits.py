"""Token buckets in the database: refill, cap, denial, clocks that disagree, idle rows, and racing takers.

Numbers are worked by hand: 6 a minute is 0.1 token a second, so 10 s bring one token back.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, func, select

from predictions.access.rate_limits import take_token
from predictions.ledger.tables import RateBucket
from tests.service.fresh_db import fresh_engine, fresh_url  # noqa: F401

T = 1_796_000_000.0  # 2026-11-29, seconds since the epoch


def _take(session: Session, at: float, *, client: str = "10.0.0.1", burst: int = 3, per_minute: float = 6.0):
    return take_token(session, client=client, now=at, per_minute=per_minute, burst=burst)


def test_a_new_client_has_a_full_bucket_then_waits_for_the_refill(session: Session) -> None:
    assert [_take(session, T).granted for _ in range(3)] == [True, True, True]
    denied = _take(session, T)
    assert not denied.granted and denied.wait == pytest.approx(10.0)
    assert _take(session, T + 4).wait == pytest.approx(6.0)  # 0.4 token back: 0.6 more to go at 0.1/s
    assert _take(session, T + 10).granted  # a whole token by now; the denial at T + 4 took nothing
    assert _take(session, T + 10).wait == pytest.approx(10.0)
    assert _take(session, T + 10, client="10.0.0.2").granted  # another client has its own bucket


def test_the_bucket_holds_at_most_burst_tokens(session: Session) -> None:
    _take(session, T)
    granted = [_take(session, T + 3600).granted for _ in range(4)]  # an hour idle refills 3, not 360
    assert granted == [True, True, True, False]


def test_a_replica_whose_clock_lags_refills_nothing(session: Session) -> None:
    for _ in range(3):
        _take(session, T + 100)
    lagging = _take(session, T + 95)  # 5 s behind: no negative refill, no credit later either
    assert not lagging.granted and lagging.wait == pytest.approx(10.0)
    assert _take(session, T + 110).granted
    assert not _take(session, T + 110).granted


def test_zero_rate_and_zero_burst_refuse_sensibly(session: Session) -> None:
    assert _take(session, T, client="a", per_minute=0, burst=1).granted
    assert _take(session, T + 10_000, client="a", per_minute=0, burst=1).wait == 3600.0
    assert not _take(session, T, client="b", burst=0).granted


def test_idle_full_buckets_are_forgotten_when_a_new_client_comes(session: Session) -> None:
    _take(session, T, client="old")  # full again 30 s later (3 tokens at 0.1/s)
    _take(session, T + 20, client="recent")
    _take(session, T + 31, client="new")  # a new row: the idle "old" one goes
    clients = set(session.exec(select(RateBucket.client)))
    assert clients == {"recent", "new"}
    assert _take(session, T + 31, client="old").tokens == 2.0  # forgetting it changed nothing: full, minus one


def test_racing_takers_on_two_engines_spend_each_token_once(fresh_engine: Engine, fresh_url: str) -> None:  # noqa: F811
    from predictions.ledger.db import make_engine

    other = make_engine(fresh_url)  # a second replica's connection pool
    engines = [fresh_engine, other]

    def take(i: int) -> bool:
        with Session(engines[i % 2]) as session:
            granted = take_token(session, client="racer", now=T, per_minute=6.0, burst=5).granted
            session.commit()
            return granted

    try:
        with ThreadPoolExecutor(8) as pool:
            results = list(pool.map(take, range(40)))
    finally:
        other.dispose()
    assert results.count(True) == 5
    with Session(fresh_engine) as session:
        assert session.exec(select(func.count()).select_from(RateBucket)).one() == 1
