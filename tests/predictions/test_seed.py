from datetime import UTC, datetime

import pytest
from sqlmodel import Session, func, select

from predictions.data.repo_catalog import indicator_by_key
from predictions.data.repo_observations import load_series, observations_as_of
from predictions.ledger.clock import FixedClock
from predictions.ledger.tables import Claim, ClaimIndicator, ClaimStatus, Indicator, LinkRole, Observation, Source
from predictions.seed.seed import CLAIMS, article_text, load_seed, pboc_as_of, seed_if_empty

NOW = FixedClock(datetime(2026, 11, 28, tzinfo=UTC))


def _count(session: Session, table: type) -> int:
    return session.exec(select(func.count()).select_from(table)).one()


def test_seed_is_idempotent(session: Session) -> None:
    first = load_seed(session, clock=NOW)
    counts = [_count(session, t) for t in (Source, Claim, Indicator, Observation, ClaimIndicator)]
    second = load_seed(session, clock=NOW)
    assert first.claims == 6 and first.sources == 1
    assert (second.sources, second.claims, second.indicators, second.observations) == (0, 0, 0, 0)
    assert [_count(session, t) for t in (Source, Claim, Indicator, Observation, ClaimIndicator)] == counts


def test_every_quote_is_verbatim_in_the_article(session: Session) -> None:
    load_seed(session, clock=NOW)
    text = article_text()
    quotes = session.exec(select(Claim.quote)).all()
    assert len(quotes) == 6
    for quote in quotes:
        assert quote in text


def test_source_keeps_the_full_text_and_the_date_assumption(session: Session) -> None:
    load_seed(session, clock=NOW)
    source = session.exec(select(Source)).one()
    assert source.text == article_text()
    assert source.published_on_note and "no date" in source.published_on_note


def test_vague_claims_say_how_they_were_made_resolvable(session: Session) -> None:
    load_seed(session, clock=NOW)
    for claim in session.exec(select(Claim)):
        assert claim.interpretation, claim.statement
        assert claim.resolution_criteria


def test_claims_past_their_deadline_await_resolution(session: Session) -> None:
    load_seed(session, clock=NOW)
    court = session.exec(select(Claim).where(Claim.quote.startswith("At least one major legal test case"))).one()
    assert court.status is ClaimStatus.AWAITING_RESOLUTION
    later = session.exec(select(Claim).where(Claim.deadline > NOW.at.date())).all()
    assert later and all(c.status is ClaimStatus.OPEN for c in later)


def test_pboc_series_has_every_month_and_the_spread_is_derived(session: Session) -> None:
    load_seed(session, clock=NOW)
    spread = indicator_by_key(session, key="m2_m1_spread")
    assert spread is not None and spread.formula == "m2_yoy - m1_yoy"
    for key in ("m1_yoy", "m2_yoy", "m2_m1_spread"):
        indicator = indicator_by_key(session, key=key)
        series = load_series(session, indicator=indicator)
        assert series is not None and len(series) == 215
        assert series.start.isoformat() == "2008-01-01"
    rows = {o.period: o.value for o in observations_as_of(session, indicator_id=spread.id)}
    assert rows["2025-11"] == pytest.approx(3.1)
    assert rows["2024-09"] == pytest.approx(10.1)


def test_pboc_values_become_known_after_their_month(session: Session) -> None:
    load_seed(session, clock=NOW)
    m2 = indicator_by_key(session, key="m2_yoy")
    known = observations_as_of(session, indicator_id=m2.id, as_of=datetime(2025, 6, 1, tzinfo=UTC))
    assert known[-1].period == "2025-04"
    assert pboc_as_of("2025-12") == datetime(2026, 1, 15, tzinfo=UTC)


def test_at_least_two_claims_have_rules_and_leading_indicators_have_no_data(session: Session) -> None:
    load_seed(session, clock=NOW)
    rules = session.exec(select(ClaimIndicator).where(ClaimIndicator.role == LinkRole.DECIDES)).all()
    assert len(rules) >= 2
    leading = session.exec(select(ClaimIndicator).where(ClaimIndicator.role == LinkRole.LEADING)).all()
    leading_keys = {session.get(Indicator, link.indicator_id).key for link in leading}
    assert leading_keys == {"cn_ai_chip_consolidation", "cn_patent_licensing_abroad"}
    for key in leading_keys:
        indicator = indicator_by_key(session, key=key)
        assert load_series(session, indicator=indicator) is None


def test_article_tables_are_indicators_with_the_article_figures(session: Session) -> None:
    load_seed(session, clock=NOW)
    annual = indicator_by_key(session, key="article_m2_m1_spread_annual_avg")
    quarterly = indicator_by_key(session, key="article_m2_m1_spread_quarterly_avg")
    assert [o.value for o in observations_as_of(session, indicator_id=annual.id)] == [4.8]
    assert [(o.period, o.value) for o in observations_as_of(session, indicator_id=quarterly.id)] == [("2024-Q1", 4.6)]
    semis = indicator_by_key(session, key="article_invest_semiconductors")
    assert [(o.period, o.value) for o in observations_as_of(session, indicator_id=semis.id)] == [
        ("2022", 12.4),
        ("2023", 18.7),
    ]


def test_seed_if_empty_loads_only_into_an_empty_ledger(session: Session) -> None:
    assert seed_if_empty(session, clock=NOW) is not None
    assert seed_if_empty(session, clock=NOW) is None


def test_seed_specs_cover_the_four_predictions_and_the_success_metric() -> None:
    text = article_text()
    verdict = text[text.index("Our Predictions:") :]
    assert len(CLAIMS) == 6  # the second prediction read twice: its presupposition and its condition
    assert all(spec.quote in verdict for spec in CLAIMS)
