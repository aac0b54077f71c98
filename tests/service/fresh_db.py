"""Fixtures for tests that commit (jobs, schedulers, other processes): each gets its own fresh database.

Imported by the conftest of each test folder that needs them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from predictions.ledger.db import make_engine
from tests.conftest import BACKENDS, migrated_database


@pytest.fixture(params=BACKENDS)
def fresh_url(
    request: pytest.FixtureRequest, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The URL of a new database built by the migrations, for one test (sqlite and postgresql)."""
    yield from migrated_database(request.param, tmp_path, tmp_path_factory)


@pytest.fixture
def fresh_engine(fresh_url: str) -> Iterator[Engine]:
    """An engine on ``fresh_url``."""
    engine = make_engine(fresh_url)
    yield engine
    engine.dispose()


def seed_rule_claims(engine: Engine, *, n: int, points: int = 60, pending: bool = True) -> list[int]:
    """Commit ``n`` monthly indicators with one rule claim each (and, if ``pending``, a rescore request each)."""
    from datetime import date

    from sqlmodel import Session

    from predictions.ledger.tables import RescoreRequest
    from tests.factories import T0, add_observations, link_rule, make_claim, make_indicator

    ids = []
    with Session(engine) as session:
        for i in range(n):
            indicator = make_indicator(session, key=f"series_{i}")
            add_observations(
                session, indicator=indicator, start="2020-01", values=[5.0 + 0.1 * (j % 7) for j in range(points)]
            )
            claim = make_claim(session, made_on=date(2024, 6, 1), deadline=date(2026, 6, 30))
            link_rule(session, claim=claim, indicator=indicator, threshold=5.3)
            if pending:
                session.add(RescoreRequest(indicator_id=indicator.id, reason=f"new data: series_{i}", requested_at=T0))
            ids.append(claim.id)
        session.commit()
    return [i for i in ids if i is not None]


def eventually(check: Callable[[], bool], *, timeout: float = 20.0, step: float = 0.02) -> bool:
    """Poll ``check`` until it is true or ``timeout`` passes (for real threads and processes only)."""
    import threading
    import time

    deadline = time.monotonic() + timeout
    pause = threading.Event()
    while time.monotonic() < deadline:
        if check():
            return True
        pause.wait(step)
    return check()
