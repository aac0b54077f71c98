"""Two requests (two replicas) computing the same uncached fan chart at once: both get the one cached row."""

from __future__ import annotations

import threading

from sqlalchemy.engine import Engine
from sqlmodel import Session, func, select

from predictions.ledger.tables import IndicatorForecast
from predictions.rescore.forecasting import indicator_forecast
from tests.factories import add_observations, make_indicator
from tests.service.fresh_db import fresh_engine, fresh_url  # noqa: F401


def test_the_second_writer_keeps_the_first_writers_forecast(fresh_engine: Engine) -> None:  # noqa: F811
    with Session(fresh_engine) as session:
        indicator = make_indicator(session, key="spread")
        add_observations(session, indicator=indicator, start="2020-01", values=[5.0 + 0.1 * (i % 5) for i in range(36)])
        session.commit()

    first = Session(fresh_engine)
    row = indicator_forecast(first, key="spread", horizon=6)  # inserted, not yet committed
    mine = (row.id, row.payload)
    answers: list[tuple[int | None, dict]] = []

    def second_replica() -> None:
        with Session(fresh_engine) as second:
            # It cannot see the first's row yet, computes the same forecast, and waits on the key to insert it.
            other = indicator_forecast(second, key="spread", horizon=6)
            answers.append((other.id, other.payload))
            second.commit()

    thread = threading.Thread(target=second_replica)
    thread.start()
    thread.join(timeout=1.0)  # bounded: it is blocked on the first's uncommitted row (or SQLite's write lock)
    first.commit()
    thread.join(timeout=60)
    first.close()
    assert answers == [mine]
    with Session(fresh_engine) as session:
        assert session.exec(select(func.count()).select_from(IndicatorForecast)).one() == 1
