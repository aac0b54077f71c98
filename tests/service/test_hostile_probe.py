"""Hostile input, third probe (issue 19): each attack of the probe, answered with a clear 4xx and bounded work.

Each test runs on SQLite and, with PREDTRACK_TEST_DATABASE_URL, on PostgreSQL (the ``client`` fixture); the
attacks that need a real server are in ``test_hostile_loopback``.
"""

from __future__ import annotations

import tracemalloc
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from forecasts.rules import Aggregate, Op
from predictions.ledger.clock import FixedClock
from predictions.ledger.tables import Claim, ClaimIndicator, Indicator, ProbabilitySnapshot
from predictions.rescore import rescore_claim
from service.api.app import create_app
from service.api.deps import get_session
from service.settings import Settings
from tests.factories import add_observations, link_rule, make_claim, make_indicator
from tests.service.test_hostile_input import refused

API = "/api/v1"
CLAIM = {
    "statement": "Daily value above 9 by the end of 2026",
    "quote": "it will pass 9",
    "author": "Some Analyst",
    "made_on": "2026-11-01",
    "deadline": "2026-12-31",
    "resolution_criteria": "the daily series > 9",
}


def limited_client(engine: Any, session: Session, clock: FixedClock, **settings: Any) -> TestClient:
    app = create_app(engine=engine, settings=Settings(database_url="sqlite://", **settings), clock=clock)

    def _session() -> Any:
        yield session
        session.flush()

    app.dependency_overrides[get_session] = _session
    return TestClient(app)


def _daily_claim(session: Session, *, window_start: str | None = None) -> Claim:
    """A claim over a daily series of 300 values (2026-01-01..2026-10-27) whose window runs to 2026-12-31."""
    indicator = make_indicator(session, key="daily_probe", frequency="D")  # type: ignore[arg-type]
    add_observations(session, indicator=indicator, start="2026-01-01", values=[1.0 + i % 7 for i in range(300)])
    claim = make_claim(session, made_on=date(2026, 1, 1), deadline=date(2026, 12, 31))
    link_rule(
        session,
        claim=claim,
        indicator=indicator,
        op=Op.GT,
        threshold=9.0,
        aggregate=Aggregate.ANY,
        window_start=window_start,
        window_end="2026-12-31",
    )
    return claim


# --- High 1: verify is a costly read, and cached by the snapshot's inputs -------------------------------------


def test_anonymous_verify_is_rate_limited_and_answered_from_the_cache(
    engine: Any, session: Session, clock: FixedClock, researcher_headers: dict[str, str]
) -> None:
    claim = _daily_claim(session)
    rescore_claim(session, claim_id=claim.id, clock=clock, reason="t", n_paths=200)  # type: ignore[arg-type]
    snapshot_id = session.exec(select(ProbabilitySnapshot.id).where(ProbabilitySnapshot.claim_id == claim.id)).one()
    with limited_client(engine, session, clock, rate_limit_burst=3, rate_limit_per_minute=6) as client:
        cache = client.app.state.recompute_cache  # type: ignore[attr-defined]
        url = f"{API}/snapshots/{snapshot_id}/verify"
        answers = [client.get(url) for _ in range(3)]
        assert [a.status_code for a in answers] == [200, 200, 200]
        assert all(a.json()["identical"] for a in answers)
        assert cache.computed == 1  # the second and third answers came from the cache
        limited = client.get(url)
        refused(limited, 429, "retry in")
        assert int(limited.headers["Retry-After"]) == 10  # 6 a minute: one token every 10 s
        assert client.get(url, headers=researcher_headers).status_code == 200  # a key is not limited
        assert cache.computed == 1
        assert (
            "429"
            in client.get("/openapi.json").json()["paths"][f"{API}/snapshots/{{snapshot_id}}/verify"]["get"][
                "responses"
            ]
        )


# --- High 2: a window's near end and length are capped ---------------------------------------------------------


@pytest.mark.parametrize(
    ("window", "needle"),
    [
        ({"window_start": "1900-01-01"}, "more than 100 years before"),
        ({"window_start": "2010-01-01"}, "at most 3660 periods"),
    ],
)
def test_rule_window_past_the_near_cap_is_refused(
    client: TestClient,
    session: Session,
    researcher_headers: dict[str, str],
    window: dict[str, str],
    needle: str,
) -> None:
    make_indicator(session, key="daily_probe", frequency="D")  # type: ignore[arg-type]
    before = session.exec(select(func.count()).select_from(Claim)).one()
    rule = {"indicator": "daily_probe", "op": ">", "threshold": 9, "window_end": "2026-12-31", **window}
    refused(client.post(f"{API}/claims", json={**CLAIM, "rule": rule}, headers=researcher_headers), 400, needle)
    condition = {**CLAIM, "prior": 0.5, "condition": "the series is published", "condition_rule": rule}
    refused(client.post(f"{API}/claims", json=condition, headers=researcher_headers), 400, needle)
    assert session.exec(select(func.count()).select_from(Claim)).one() == before
    ok = {"indicator": "daily_probe", "op": ">", "threshold": 9, "window_start": "2018-01-01"}
    assert client.post(f"{API}/claims", json={**CLAIM, "rule": ok}, headers=researcher_headers).status_code == 201


def test_periods_before_the_series_cost_no_memory_and_change_nothing(session: Session, clock: FixedClock) -> None:
    """A window stored from 2020 over a series that starts in 2026: its 2,192 first periods cannot be simulated;
    every aggregate skips them, so the probability is the one of the window that starts with the series, and
    evaluating it allocates no paths-by-periods matrix for them (1,000 paths x 2,192 periods = 17.5 MB each)."""
    wide = _daily_claim(session, window_start="2020-01-01")
    narrow = make_claim(session, made_on=date(2026, 1, 1), deadline=date(2026, 12, 31))
    [rule] = session.exec(select(ClaimIndicator).where(ClaimIndicator.claim_id == wide.id)).all()
    link_rule(
        session,
        claim=narrow,
        indicator=session.get(Indicator, rule.indicator_id),  # type: ignore[arg-type]
        op=Op.GT,
        threshold=9.0,
        aggregate=Aggregate.ANY,
        window_start="2026-01-01",
        window_end="2026-12-31",
    )
    peaks, probabilities = [], []
    for claim in (narrow, wide):
        tracemalloc.start()
        outcome = rescore_claim(session, claim_id=claim.id, clock=clock, reason="t", n_paths=1000)  # type: ignore[arg-type]
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        probabilities.append(outcome.probability)
    assert probabilities[0] == probabilities[1]
    assert peaks[1] - peaks[0] < 5_000_000, [p / 1e6 for p in peaks]


def test_a_stored_window_past_the_length_cap_is_scored_by_its_base_rate(session: Session, clock: FixedClock) -> None:
    claim = _daily_claim(session, window_start="1900-01-01")
    claim.prior = 0.3
    tracemalloc.start()
    outcome = rescore_claim(session, claim_id=claim.id, clock=clock, reason="t", n_paths=1000)  # type: ignore[arg-type]
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert outcome.method == "base_rate" and outcome.probability == pytest.approx(0.3, abs=0.01)
    assert peak < 30_000_000, f"{peak / 1e6:.0f} MB"
