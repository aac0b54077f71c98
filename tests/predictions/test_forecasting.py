"""The indicator forecast use case: computed once per data (hash), horizon and engine; errors for bad requests."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pytest
from sqlmodel import Session, select

import forecasts
from predictions.ledger.errors import Conflict, InvalidInput, NotFound
from predictions.ledger.tables import IndicatorForecast
from predictions.rescore.forecasting import indicator_forecast
from tests.factories import T0, add_observations, make_indicator

VALUES = list(5 + np.sin(np.arange(36) / 3))


def _cached(session: Session) -> list[IndicatorForecast]:
    return list(session.exec(select(IndicatorForecast)).all())


def test_forecast_is_computed_then_served_from_the_cache(session: Session) -> None:
    indicator = make_indicator(session, key="spread")
    add_observations(session, indicator=indicator, start="2022-01", values=VALUES)
    first = indicator_forecast(session, key="spread", horizon=6)
    assert first.model == "comb"
    assert first.data_as_of == T0
    assert first.engine_version == forecasts.ENGINE_VERSION
    points = first.payload["points"]
    assert [p["period"] for p in points] == ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06"]
    assert set(points[0]["quantiles"]) == {"0.05", "0.1", "0.5", "0.9", "0.95"}
    assert points[0]["quantiles"]["0.05"] <= points[0]["mean"] <= points[0]["quantiles"]["0.95"]
    assert {"mase", "coverage_80", "coverage_95"} <= set(first.payload["backtest"])
    again = indicator_forecast(session, key="spread", horizon=6)
    assert again.id == first.id
    assert len(_cached(session)) == 1


def test_new_data_makes_a_new_forecast(session: Session) -> None:
    indicator = make_indicator(session, key="spread")
    add_observations(session, indicator=indicator, start="2022-01", values=VALUES)
    old = indicator_forecast(session, key="spread", horizon=3)
    add_observations(session, indicator=indicator, start="2025-01", values=[9.0], as_of=T0 + timedelta(days=30))
    new = indicator_forecast(session, key="spread", horizon=3)
    assert new.id != old.id
    assert new.data_as_of == T0 + timedelta(days=30)
    assert new.payload["points"][0]["period"] == "2025-02"


def test_a_back_dated_vintage_makes_a_new_forecast_though_data_as_of_stays(session: Session) -> None:
    indicator = make_indicator(session, key="spread")
    add_observations(session, indicator=indicator, start="2022-01", values=VALUES)
    old = indicator_forecast(session, key="spread", horizon=3)
    # A value for a new period, recorded now but dated before the newest vintage (as a late back-fill is):
    # data_as_of does not move, the data do.
    add_observations(session, indicator=indicator, start="2025-01", values=[20.0], as_of=T0 - timedelta(days=1))
    new = indicator_forecast(session, key="spread", horizon=3)
    assert new.data_as_of == old.data_as_of == T0
    assert new.id != old.id and new.data_hash != old.data_hash
    assert [p["period"] for p in new.payload["points"]] == ["2025-02", "2025-03", "2025-04"]
    assert indicator_forecast(session, key="spread", horizon=3).id == new.id  # and it is cached in turn


def test_the_key_covers_horizon_and_engine_version(session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    indicator = make_indicator(session, key="spread")
    add_observations(session, indicator=indicator, start="2022-01", values=VALUES)
    three = indicator_forecast(session, key="spread", horizon=3)
    four = indicator_forecast(session, key="spread", horizon=4)
    monkeypatch.setattr(forecasts, "ENGINE_VERSION", "0.0-test")
    other_engine = indicator_forecast(session, key="spread", horizon=3)
    assert len({three.id, four.id, other_engine.id}) == 3 and other_engine.engine_version == "0.0-test"


def test_unknown_indicator_no_data_and_bad_horizon(session: Session) -> None:
    with pytest.raises(NotFound, match="no indicator"):
        indicator_forecast(session, key="missing", horizon=3)
    make_indicator(session, key="empty")
    with pytest.raises(Conflict, match="no observations"):
        indicator_forecast(session, key="empty", horizon=3)
    with pytest.raises(InvalidInput, match="horizon"):
        indicator_forecast(session, key="empty", horizon=0)
    assert _cached(session) == []
