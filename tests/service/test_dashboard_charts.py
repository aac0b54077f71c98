"""The claim page's indicator chart is drawn when the claim is re-scored and kept (``claim_chart``), not drawn
when a reader opens the page; a claim re-scored before charts were kept has it drawn once, on its first view."""

from datetime import UTC, date, datetime

import numpy as np
import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

import forecasts
from forecasts.periods import Frequency
from forecasts.rules import Op
from predictions.ledger.clock import FixedClock
from predictions.ledger.tables import ClaimChart, ClaimIndicator, Indicator
from predictions.rescore import NoFan, claim_chart, draw_missing_charts, rescore_claim
from predictions.rescore.charts import chart_data
from predictions.rescore.repo import latest_snapshot, stored_chart
from service.api.app import create_app
from service.api.deps import get_session
from service.settings import Settings
from service.web.views import _fan_of
from tests.factories import add_observations, link_rule, make_claim, make_indicator

KNOWN = datetime(2026, 10, 15, tzinfo=UTC)
VALUES = [4.0 + 0.05 * i for i in range(33)]  # 2024-01 .. 2026-09


@pytest.fixture
def rule_claim(session: Session) -> int:
    """An open claim: the last value of 2026-06 .. 2027-03 above 5, on a series observed to 2026-09."""
    indicator = make_indicator(session, key="spread")
    add_observations(session, indicator=indicator, start="2024-01", values=VALUES, as_of=KNOWN)
    claim = make_claim(session, made_on=date(2026, 6, 1), deadline=date(2027, 3, 31))
    link_rule(session, claim=claim, indicator=indicator, op=Op.GT, threshold=5.0)
    assert claim.id is not None
    return claim.id


def _rescore(session: Session, claim_id: int, clock: FixedClock) -> None:
    outcome = rescore_claim(session, claim_id=claim_id, clock=clock, reason="test", n_paths=200, seed=1)
    assert outcome.written


def _no_forecasts(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a forecast was run while a reader opened the page")

    monkeypatch.setattr(forecasts, "forecast", refuse)


def test_a_rescore_keeps_the_chart_the_page_then_shows_without_forecasting(
    client: TestClient, session: Session, clock: FixedClock, rule_claim: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    _rescore(session, rule_claim, clock)
    kept = stored_chart(session, claim_id=rule_claim)
    latest = latest_snapshot(session, claim_id=rule_claim)
    assert kept is not None and latest is not None and kept.snapshot_id == latest.id
    data = kept.data
    # By hand: 36 periods before the window's start (2026-06) would be 2023-06, before the data's first (2024-01);
    # the chart runs 2024-01 .. 2027-03 (39 periods), the window is 2026-06 .. 2027-03 (indexes 29 .. 38), and the
    # fan covers the six periods after the last value (2026-09, index 32).
    assert data["first"] == "2024-01" and len(data["observed"]) == 39
    assert data["observed"][:33] == VALUES and data["observed"][33:] == [None] * 6
    assert data["window"] == [29, 38] and data["threshold"] == 5.0 and data["op"] == ">"
    assert data["fan"]["start"] == 33 and all(len(data["fan"][q]) == 6 for q in ("0.05", "0.1", "0.5", "0.9", "0.95"))
    assert data["model"] == latest.model and data["no_fan"] is None
    _no_forecasts(monkeypatch)
    page = client.get(f"/claims/{rule_claim}").text
    assert str(_fan_of(data).chart) in page  # the page shows exactly the kept chart
    assert page.count('class="band"') == 2 and 'class="median"' in page and f"Forecast by {latest.model}" in page


def test_a_rescore_with_new_data_replaces_the_kept_chart(session: Session, clock: FixedClock, rule_claim: int) -> None:
    _rescore(session, rule_claim, clock)
    first = stored_chart(session, claim_id=rule_claim)
    assert first is not None
    before = (first.snapshot_id, first.data)
    spread = session.exec(select(Indicator).where(Indicator.key == "spread")).one()
    add_observations(session, indicator=spread, start="2026-10", values=[6.5], as_of=datetime(2026, 11, 20, tzinfo=UTC))
    later = FixedClock(datetime(2026, 11, 29, tzinfo=UTC))
    _rescore(session, rule_claim, later)
    kept = stored_chart(session, claim_id=rule_claim)
    latest = latest_snapshot(session, claim_id=rule_claim)
    assert kept is not None and latest is not None
    assert kept.snapshot_id == latest.id != before[0]
    assert kept.data["observed"][33] == 6.5 and kept.data["fan"]["start"] == 34 and len(kept.data["fan"]["0.5"]) == 5
    assert before[1]["observed"][33] is None


def test_a_claim_scored_before_charts_were_kept_has_it_drawn_once_on_its_first_view(
    client: TestClient, session: Session, clock: FixedClock, rule_claim: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    _rescore(session, rule_claim, clock)
    kept = stored_chart(session, claim_id=rule_claim)
    assert kept is not None
    drawn_at_rescore = kept.data
    session.delete(kept)  # as a claim re-scored before migration 0018
    session.flush()
    first = client.get(f"/claims/{rule_claim}").text
    again = stored_chart(session, claim_id=rule_claim)
    latest = latest_snapshot(session, claim_id=rule_claim)
    assert again is not None and latest is not None and again.snapshot_id == latest.id
    # Drawn from the same data, paths and seed as the snapshot: the same numbers as the re-score drew.
    assert again.data == drawn_at_rescore
    _no_forecasts(monkeypatch)
    assert client.get(f"/claims/{rule_claim}").text == first


def test_draw_missing_charts_draws_each_stale_chart_once(session: Session, clock: FixedClock, rule_claim: int) -> None:
    _rescore(session, rule_claim, clock)
    kept = stored_chart(session, claim_id=rule_claim)
    assert kept is not None
    session.delete(kept)
    session.flush()
    assert draw_missing_charts(session, now=clock.now(), n_paths=200, seed=1) == 1
    assert draw_missing_charts(session, now=clock.now(), n_paths=200, seed=1) == 0
    assert session.get(ClaimChart, rule_claim) is not None


def test_a_claim_not_scored_yet_shows_its_data_and_keeps_nothing(
    client: TestClient, session: Session, clock: FixedClock, rule_claim: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    _no_forecasts(monkeypatch)
    data = claim_chart(session, claim_id=rule_claim, now=clock.now(), n_paths=200, seed=1)
    assert data is not None and data["fan"] is None and data["no_fan"] == NoFan.NOT_SCORED
    assert data["observed"][:33] == VALUES
    assert stored_chart(session, claim_id=rule_claim) is None
    assert "drawn when the claim is first scored" in client.get(f"/claims/{rule_claim}").text


def test_chart_data_reads_the_fan_off_the_forecast_paths() -> None:
    indicator = Indicator(id=7, key="q", name="A quarterly series", unit="%", frequency=Frequency.QUARTERLY)
    rule = ClaimIndicator(op=Op.LT, threshold=2.5)  # type: ignore[call-arg]
    series = forecasts.Series(np.array([1.0, np.nan, 3.0]), Frequency.QUARTERLY, date(2026, 1, 1), "q")
    # Five paths whose values at each step are 1..5 (plus the step): linear quantiles by hand, 0.05 -> 1.2,
    # 0.1 -> 1.4, 0.5 -> 3, 0.9 -> 4.6, 0.95 -> 4.8.
    paths = np.array([[k + step for step in range(4)] for k in range(1, 6)], dtype=float)
    fc = forecasts.Forecast(paths=paths, freq=Frequency.QUARTERLY, start=date(2026, 10, 1), model="m")
    data = chart_data(
        indicator=indicator,
        rule=rule,
        series=series,
        window_start=date(2026, 4, 1),
        window_end=date(2027, 1, 1),
        forecast=fc,
        no_fan=NoFan.NOT_SCORED,
    )
    # 2026-Q1 .. 2027-Q1: the series' first period is after 36 quarters before the window, so the chart starts there.
    assert data["first"] == "2026-Q1" and data["observed"] == [1.0, None, 3.0, None, None]
    assert data["window"] == [1, 4] and data["fan"]["start"] == 3 and data["no_fan"] is None
    assert data["fan"]["0.5"] == [3.0, 4.0] and data["fan"]["0.05"] == pytest.approx([1.2, 2.2])
    assert data["fan"]["0.1"] == pytest.approx([1.4, 2.4]) and data["fan"]["0.9"] == pytest.approx([4.6, 5.6])
    assert data["fan"]["0.95"] == pytest.approx([4.8, 5.8]) and data["model"] == "m"


def test_drawing_a_missing_chart_is_rate_limited_and_a_kept_one_is_free(
    engine: Engine, session: Session, clock: FixedClock, rule_claim: int
) -> None:
    other = make_claim(session, statement="Another", made_on=date(2026, 6, 1), deadline=date(2027, 3, 31))
    spread = session.exec(select(Indicator).where(Indicator.key == "spread")).one()
    link_rule(session, claim=other, indicator=spread, op=Op.GT, threshold=5.0)
    for claim_id in (rule_claim, other.id):
        assert claim_id is not None
        _rescore(session, claim_id, clock)
        kept = stored_chart(session, claim_id=claim_id)
        assert kept is not None
        session.delete(kept)  # as claims re-scored before migration 0018
    session.flush()
    settings = Settings(database_url="sqlite://", rate_limit_burst=1, rate_limit_per_minute=1, secret_key="x")
    app = create_app(engine=engine, settings=settings, clock=clock)
    app.dependency_overrides[get_session] = lambda: session
    with TestClient(app) as client:
        assert client.get(f"/claims/{rule_claim}").status_code == 200  # drawn now: the one token
        assert client.get(f"/claims/{other.id}").status_code == 429  # would draw too: limited
        assert client.get(f"/claims/{rule_claim}").status_code == 200  # kept now: a lookup, free


def test_a_rescore_with_nothing_new_draws_a_chart_that_was_never_kept(
    session: Session, clock: FixedClock, rule_claim: int
) -> None:
    _rescore(session, rule_claim, clock)
    kept = stored_chart(session, claim_id=rule_claim)
    assert kept is not None
    drawn, snapshot_id = kept.data, kept.snapshot_id
    session.delete(kept)  # as a claim re-scored before migration 0018
    session.flush()
    later = FixedClock(datetime(2026, 11, 29, tzinfo=UTC))
    outcome = rescore_claim(session, claim_id=rule_claim, clock=later, reason="test", n_paths=200, seed=1)
    assert not outcome.written and "nothing new" in outcome.note
    again = stored_chart(session, claim_id=rule_claim)
    assert again is not None and again.snapshot_id == snapshot_id and again.data == drawn


def test_chart_state_reads_the_rule_the_latest_snapshot_and_the_kept_chart_in_one_statement(
    session: Session, engine: Engine, clock: FixedClock, rule_claim: int
) -> None:
    import sqlalchemy as sa

    from predictions.ledger.tables import SnapshotKind
    from predictions.rescore import chart_state
    from tests.factories import make_snapshot

    def state_and_statements(claim_id: int):  # type: ignore[no-untyped-def]
        seen: list[str] = []
        listener = lambda *args: seen.append(args[2])  # noqa: E731
        sa.event.listen(engine, "before_cursor_execute", listener)
        try:
            return chart_state(session, claim_id=claim_id), len(seen)
        finally:
            sa.event.remove(engine, "before_cursor_execute", listener)

    no_rule = make_claim(session, statement="No rule")
    assert no_rule.id is not None
    state, statements = state_and_statements(no_rule.id)
    assert (state.rule, state.latest, state.kept, state.is_kept, statements) == (None, None, None, True, 1)
    state, _ = state_and_statements(rule_claim)  # a rule, no live snapshot yet: drawn without a forecast
    assert state.rule is not None and state.latest is None and state.kept is None and state.is_kept
    _rescore(session, rule_claim, clock)
    kept, latest = stored_chart(session, claim_id=rule_claim), latest_snapshot(session, claim_id=rule_claim)
    assert kept is not None and latest is not None
    state, statements = state_and_statements(rule_claim)
    assert state.latest is not None and state.latest.id == latest.id and state.kept == kept.data
    assert state.is_kept and statements == 1
    claim = session.get(type(no_rule), rule_claim)
    assert claim is not None
    # A hindcast never stands for the claim; a newer live snapshot makes the kept chart stale.
    make_snapshot(
        session, claim=claim, at=datetime(2026, 12, 1, tzinfo=UTC), probability=0.5, kind=SnapshotKind.HINDCAST
    )
    assert state_and_statements(rule_claim)[0].kept == kept.data
    newer = make_snapshot(session, claim=claim, at=datetime(2026, 12, 2, tzinfo=UTC), probability=0.5)
    state, _ = state_and_statements(rule_claim)
    assert state.latest is not None and state.latest.id == newer.id and state.kept is None and not state.is_kept


def test_a_claim_page_sends_no_statement_twice(
    client: TestClient, session: Session, engine: Engine, clock: FixedClock, rule_claim: int
) -> None:
    """Each statement is a round trip (on PostgreSQL on a busy machine, milliseconds): the page reads each thing
    once (it read the claim three times, its source twice and its chart's state twice, 21 statements in all)."""
    import sqlalchemy as sa

    from predictions.data.catalog import create_source
    from predictions.ledger.schemas import SourceCreate
    from predictions.ledger.tables import Claim

    _rescore(session, rule_claim, clock)
    source = create_source(session, data=SourceCreate(title="A speech", text="The spread will rise."), clock=clock)
    claim = session.get(Claim, rule_claim)
    assert claim is not None
    claim.source_id = source.id
    session.flush()
    client.get(f"/claims/{rule_claim}")  # the first request also loads the cookie secret
    seen: list[str] = []
    listener = lambda *args: seen.append(args[2])  # noqa: E731
    sa.event.listen(engine, "before_cursor_execute", listener)
    try:
        page = client.get(f"/claims/{rule_claim}")
    finally:
        sa.event.remove(engine, "before_cursor_execute", listener)
    assert page.status_code == 200 and "A speech" in page.text
    repeated = sorted({s for s in seen if seen.count(s) > 1})
    assert repeated == [], repeated


def test_first_snapshots_are_the_first_page_of_the_history_without_its_count(
    session: Session, clock: FixedClock, rule_claim: int
) -> None:
    from predictions.ledger.errors import NotFound
    from predictions.ledger.tables import Claim, SnapshotKind
    from predictions.rescore import claim_history, first_snapshots
    from tests.factories import make_snapshot

    claim = session.get(Claim, rule_claim)
    assert claim is not None
    for day, kind in ((1, SnapshotKind.HINDCAST), (2, SnapshotKind.LIVE), (3, SnapshotKind.LIVE)):
        make_snapshot(session, claim=claim, at=datetime(2026, 11, day, tzinfo=UTC), probability=0.1 * day, kind=kind)
    for limit in (1, 2, 10):
        page, total = claim_history(session, claim_id=rule_claim, limit=limit, offset=0)
        assert total == 3 and [s.id for s in first_snapshots(session, claim_id=rule_claim, limit=limit)] == [
            s.id for s in page
        ]
    with pytest.raises(NotFound):
        first_snapshots(session, claim_id=rule_claim + 1000, limit=5)
