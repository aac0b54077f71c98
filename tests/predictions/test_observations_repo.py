from datetime import timedelta

import numpy as np
from sqlmodel import Session

from predictions.data.repo_observations import data_as_of, load_series, observations_as_of
from tests.factories import T0, add_observations, make_indicator


def test_revision_is_seen_only_after_its_as_of(session: Session) -> None:
    indicator = make_indicator(session)
    add_observations(session, indicator=indicator, start="2024-01", values=[1.0, 2.0, 3.0])
    add_observations(session, indicator=indicator, start="2024-02", values=[20.0], as_of=T0 + timedelta(days=3))
    before = observations_as_of(session, indicator_id=indicator.id, as_of=T0 + timedelta(days=1))
    after = observations_as_of(session, indicator_id=indicator.id)
    assert [o.value for o in before] == [1.0, 2.0, 3.0]
    assert [o.value for o in after] == [1.0, 20.0, 3.0]
    assert data_as_of(session, indicator_id=indicator.id) == T0 + timedelta(days=3)
    assert data_as_of(session, indicator_id=indicator.id, as_of=T0 - timedelta(days=1)) is None


def test_load_series_marks_gaps_as_nan(session: Session) -> None:
    indicator = make_indicator(session)
    add_observations(session, indicator=indicator, start="2024-01", values=[1.0])
    add_observations(session, indicator=indicator, start="2024-04", values=[4.0])
    series = load_series(session, indicator=indicator)
    assert series is not None
    assert len(series) == 4
    assert np.isnan(series.values[1]) and series.values[3] == 4.0
