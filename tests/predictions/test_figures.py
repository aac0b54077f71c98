"""Figure checks: a source's reported figures against the official series, recomputed when either changes."""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from importlib import resources

import pytest
from sqlmodel import Session, select

from predictions.data.figures import create_figure_check, source_checks
from predictions.data.ingest import ObservationIn, create_indicator, ingest_observations
from predictions.ledger.clock import FixedClock
from predictions.ledger.errors import Conflict, InvalidInput, NotFound
from predictions.ledger.schemas import FigureCheckCreate
from predictions.ledger.tables import CheckStatus, Source, Transformation
from predictions.seed.seed import load_seed
from tests.factories import make_source

CLOCK = FixedClock(datetime(2026, 11, 28, 12, tzinfo=UTC))


def _pboc_spread_mean(months: list[str]) -> float:
    """The official spread worked from the raw CSV, outside the code under test."""
    with resources.files("predictions.seed").joinpath("china_money_supply.csv").open(encoding="utf-8") as handle:
        rows = {r["period"]: float(r["m2_yoy"]) - float(r["m1_yoy"]) for r in csv.DictReader(handle)}
    return sum(rows[m] for m in months) / len(months)


def test_the_seed_checks_the_articles_spread_and_both_differ(session: Session) -> None:
    load_seed(session, clock=CLOCK)
    source_id = session.exec(select(Source.id)).one()
    checks = source_checks(session, source_id=source_id)
    assert checks.summary == "2 of 2 checked figures differ from the official series"
    annual, quarterly = checks.items
    assert (annual.period, annual.reported_value, annual.status) == ("2023", 4.8, CheckStatus.DIFFERS)
    assert annual.official_value == pytest.approx(_pboc_spread_mean([f"2023-{m:02d}" for m in range(1, 13)]))
    assert round(annual.official_value or 0, 1) == 7.8
    assert annual.difference == pytest.approx(4.8 - annual.official_value)
    assert (quarterly.period, quarterly.reported_value) == ("2024-Q1", 4.6)
    assert round(quarterly.official_value or 0, 1) == 5.8 and quarterly.expected_periods == 3
    assert "the source reports 4.8 ppt; m2_m1_spread gives 7.8 ppt" in annual.explanation
    load_seed(session, clock=CLOCK)  # idempotent: no second set of checks
    assert source_checks(session, source_id=source_id).total == 2


def _ledger(session: Session) -> int:
    source = make_source(session)
    create_indicator(session, key="reported", name="reported", frequency="A", unit="%", clock=CLOCK)
    create_indicator(session, key="official", name="official", frequency="Q", unit="%", clock=CLOCK)
    ingest_observations(session, indicator_key="reported", observations=[ObservationIn("2024", 10)], clock=CLOCK)
    assert source.id is not None
    return source.id


def _check(how: Transformation, tolerance: float = 0.5) -> FigureCheckCreate:
    return FigureCheckCreate(
        reported_indicator="reported",
        period="2024",
        official_indicator="official",
        transformation=how,
        tolerance=tolerance,
    )


def test_incomplete_then_complete_then_revised_as_the_official_series_changes(session: Session) -> None:
    source_id = _ledger(session)
    quarters = [ObservationIn(f"2024-Q{q}", v) for q, v in [(1, 9.0), (2, 10.0), (3, 11.0)]]
    ingest_observations(session, indicator_key="official", observations=quarters, clock=CLOCK)
    check = create_figure_check(session, source_id=source_id, data=_check(Transformation.MEAN), clock=CLOCK)
    assert (check.status, check.official_periods, check.expected_periods) == (CheckStatus.INCOMPLETE, 3, 4)
    assert source_checks(session, source_id=source_id).summary == (
        "0 of 0 checked figures differ from the official series; 1 cannot be checked yet (official data incomplete)"
    )
    ingest_observations(session, indicator_key="official", observations=[ObservationIn("2024-Q4", 10.0)], clock=CLOCK)
    (now,) = source_checks(session, source_id=source_id).items
    assert (now.status, now.official_value, now.difference) == (CheckStatus.CONSISTENT, 10.0, 0.0)
    later = FixedClock(datetime(2026, 12, 1, tzinfo=UTC))
    ingest_observations(session, indicator_key="official", observations=[ObservationIn("2024-Q4", 14.0)], clock=later)
    (revised,) = source_checks(session, source_id=source_id).items
    assert (revised.status, revised.official_value, revised.difference) == (CheckStatus.DIFFERS, 11.0, -1.0)
    assert revised.checked_at == later.now()
    summary = source_checks(session, source_id=source_id).summary
    assert summary == "1 of 1 checked figure differs from the official series"


def test_a_revised_reported_figure_reruns_the_check_too(session: Session) -> None:
    source_id = _ledger(session)
    quarters = [ObservationIn(f"2024-Q{q}", 10.0) for q in range(1, 5)]
    ingest_observations(session, indicator_key="official", observations=quarters, clock=CLOCK)
    create_figure_check(session, source_id=source_id, data=_check(Transformation.LAST), clock=CLOCK)
    later = FixedClock(datetime(2026, 12, 1, tzinfo=UTC))
    ingest_observations(session, indicator_key="reported", observations=[ObservationIn("2024", 12)], clock=later)
    (check,) = source_checks(session, source_id=source_id).items
    assert (check.reported_value, check.official_value, check.status) == (12.0, 10.0, CheckStatus.DIFFERS)


@pytest.mark.parametrize(("how", "expected"), [(Transformation.SUM, 46.0), (Transformation.LAST, 13.0)])
def test_sum_and_last(session: Session, how: Transformation, expected: float) -> None:
    source_id = _ledger(session)
    quarters = [ObservationIn(f"2024-Q{q}", v) for q, v in [(1, 10.0), (2, 11.0), (3, 12.0), (4, 13.0)]]
    ingest_observations(session, indicator_key="official", observations=quarters, clock=CLOCK)
    check = create_figure_check(session, source_id=source_id, data=_check(how), clock=CLOCK)
    assert check.official_value == expected  # 10 + 11 + 12 + 13, and the fourth quarter


def test_bad_checks_are_refused_with_a_reason(session: Session) -> None:
    source_id = _ledger(session)
    with pytest.raises(NotFound, match="source 999"):
        create_figure_check(session, source_id=999, data=_check(Transformation.MEAN), clock=CLOCK)
    with pytest.raises(NotFound, match="unknown indicator"):
        bad = _check(Transformation.MEAN).model_copy(update={"official_indicator": "nope"})
        create_figure_check(session, source_id=source_id, data=bad, clock=CLOCK)
    with pytest.raises(InvalidInput, match="period"):
        bad = _check(Transformation.MEAN).model_copy(update={"period": "2024-13"})
        create_figure_check(session, source_id=source_id, data=bad, clock=CLOCK)
    with pytest.raises(InvalidInput, match="coarser"):
        coarse = FigureCheckCreate(
            reported_indicator="official",
            period="2024-Q1",
            official_indicator="reported",
            transformation=Transformation.MEAN,
            tolerance=0.1,
        )
        create_figure_check(session, source_id=source_id, data=coarse, clock=CLOCK)
    create_figure_check(session, source_id=source_id, data=_check(Transformation.MEAN), clock=CLOCK)
    with pytest.raises(Conflict, match="already checked"):
        create_figure_check(session, source_id=source_id, data=_check(Transformation.MEAN), clock=CLOCK)
