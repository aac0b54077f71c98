from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, col, func, select

from forecasts.periods import Frequency
from predictions.data.ingest import BatchIn, ObservationIn, create_indicator, ingest_batches, ingest_observations
from predictions.data.repo_observations import observations_as_of
from predictions.ledger.clock import FixedClock
from predictions.ledger.errors import Conflict, InvalidInput, NotFound
from predictions.ledger.tables import Indicator, Observation, RescoreRequest

NOW = datetime(2026, 1, 10, 12, tzinfo=UTC)
CLOCK = FixedClock(NOW)


def obs(period: object, value: object, as_of: object = None) -> ObservationIn:
    return ObservationIn(period=period, value=value, as_of=as_of)


def counts(session: Session) -> tuple[int, int]:
    observations = session.exec(select(func.count()).select_from(Observation)).one()
    requests = session.exec(select(func.count()).select_from(RescoreRequest)).one()
    return observations, requests


def indicator(session: Session, key: str = "m2_yoy", frequency: str = "M", formula: str | None = None) -> Indicator:
    return create_indicator(session, key=key, name=key, frequency=frequency, formula=formula, clock=CLOCK)


def test_first_load_inserts_and_queues_one_rescore(session: Session) -> None:
    m2 = indicator(session)
    result = ingest_observations(
        session, indicator_key="m2_yoy", observations=[obs("2025-10", 8.2), obs("2025-11", 8)], clock=CLOCK
    )
    assert result.counts() == {"inserted": 2, "revised": 0, "unchanged": 0}
    rows = observations_as_of(session, indicator_id=m2.id)
    assert [(r.period, r.value, r.as_of) for r in rows] == [("2025-10", 8.2, NOW), ("2025-11", 8.0, NOW)]
    requests = session.exec(select(RescoreRequest)).all()
    assert [(r.indicator_id, r.reason, r.done_at) for r in requests] == [
        (m2.id, "2 new observation(s) of m2_yoy up to 2025-11", None)
    ]


def test_same_value_again_is_unchanged_and_writes_nothing(session: Session) -> None:
    indicator(session)
    batch = [obs("2025-10", 8.2), obs("2025-11", 8.0, "2025-12-15")]
    ingest_observations(session, indicator_key="m2_yoy", observations=batch, clock=CLOCK)
    before = counts(session)
    later = FixedClock(NOW + timedelta(days=1))
    result = ingest_observations(session, indicator_key="m2_yoy", observations=batch, clock=later)
    assert result.counts() == {"inserted": 0, "revised": 0, "unchanged": 2}
    assert counts(session) == before


def test_revision_is_a_new_vintage_and_the_old_value_stays_visible(session: Session) -> None:
    m2 = indicator(session)
    ingest_observations(session, indicator_key="m2_yoy", observations=[obs("2025-10", 8.2, "2025-11-15")], clock=CLOCK)
    result = ingest_observations(
        session, indicator_key="m2_yoy", observations=[obs("2025-10", 8.4), obs("2025-11", 8.0)], clock=CLOCK
    )
    assert result.counts() == {"inserted": 1, "revised": 1, "unchanged": 0}
    assert [r.value for r in observations_as_of(session, indicator_id=m2.id)] == [8.4, 8.0]
    old = observations_as_of(session, indicator_id=m2.id, as_of=datetime(2025, 12, 1, tzinfo=UTC))
    assert [(r.period, r.value) for r in old] == [("2025-10", 8.2)]
    reasons = [r.reason for r in session.exec(select(RescoreRequest).order_by(col(RescoreRequest.id))).all()]
    assert reasons[-1] == "1 new, 1 revised observation(s) of m2_yoy up to 2025-11"


def test_an_older_vintage_can_be_filled_in_behind_a_newer_one(session: Session) -> None:
    m2 = indicator(session)
    ingest_observations(session, indicator_key="m2_yoy", observations=[obs("2025-10", 8.4, "2025-12-15")], clock=CLOCK)
    result = ingest_observations(
        session, indicator_key="m2_yoy", observations=[obs("2025-10", 8.2, "2025-11-15")], clock=CLOCK
    )
    assert result.counts() == {"inserted": 0, "revised": 1, "unchanged": 0}
    assert [r.value for r in observations_as_of(session, indicator_id=m2.id)] == [8.4]
    assert [
        r.value for r in observations_as_of(session, indicator_id=m2.id, as_of=datetime(2025, 12, 1, tzinfo=UTC))
    ] == [8.2]


def test_periods_are_stored_in_canonical_form(session: Session) -> None:
    indicator(session, key="gdp", frequency="A")
    indicator(session, key="weekly", frequency="W")
    ingest_batches(
        session,
        batches=[
            BatchIn(indicator="gdp", observations=[obs(2024, 1.0)]),
            BatchIn(indicator="weekly", observations=[obs("2025-11-27", 2.0)]),
        ],
        clock=CLOCK,
    )
    periods = session.exec(select(Observation.period).order_by(Observation.period)).all()
    assert sorted(periods) == ["2024", "2025-11-24"]


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            [obs("2025-12", 1.0), obs("2025-13", 1.0)],
            "row 2: period '2025-13' does not fit frequency M: write it like '2024-01'",
        ),
        ([obs("2025-Q1", 1.0)], "row 1: period '2025-Q1' does not fit frequency M"),
        ([obs(None, 1.0)], "row 1: period None is not text"),
        ([obs("2025-01", 1.0), obs("2025-02", "1.5")], "row 2: value '1.5' is not a number"),
        ([obs("2025-01", None)], "row 1: value None is not a number"),
        ([obs("2025-01", True)], "row 1: value True is not a number"),
        ([obs("2025-01", float("nan"))], "row 1: value nan is not a finite number"),
        ([obs("2025-01", float("inf"))], "row 1: value inf is not a finite number"),
        ([obs("2025-01", 1.0, "2026-02-01")], "row 1: as_of 2026-02-01T00:00:00+00:00 is in the future"),
        ([obs("2025-01", 1.0, "yesterday")], "row 1: as_of 'yesterday' is not an ISO-8601 time"),
        ([obs("2025-01", 1.0), obs("2025-01", 2.0)], "row 2: period 2025-01 appears again with value 2.0"),
        (
            [obs("2025-01", 1.0)] * 2 + [obs("x", 1), obs("y", 1)],
            "nothing was written: row 3: period 'x' ... ; row 4: period 'y'",
        ),
        ([], "the batch has no observations"),
    ],
)
def test_a_bad_row_refuses_the_whole_batch(session: Session, rows: list[ObservationIn], message: str) -> None:
    indicator(session)
    ingest_observations(session, indicator_key="m2_yoy", observations=[obs("2024-12", 0.5)], clock=CLOCK)
    before = counts(session)
    with pytest.raises(InvalidInput) as error:
        ingest_observations(session, indicator_key="m2_yoy", observations=rows, clock=CLOCK)
    for part in message.split(" ... "):
        assert part in error.value.detail
    assert counts(session) == before


def test_row_numbers_follow_the_callers_numbering(session: Session) -> None:
    indicator(session)
    with pytest.raises(InvalidInput, match="row 17: value 'abc' is not a number"):
        ingest_observations(
            session, indicator_key="m2_yoy", observations=[ObservationIn("2025-01", "abc", row=17)], clock=CLOCK
        )


def test_many_problems_are_listed_up_to_a_limit(session: Session) -> None:
    indicator(session)
    rows = [obs(f"bad{i}", 1.0) for i in range(25)]
    with pytest.raises(InvalidInput, match=r"row 10: .*and 15 more problem\(s\)") as error:
        ingest_observations(session, indicator_key="m2_yoy", observations=rows, clock=CLOCK)
    assert "row 11:" not in error.value.detail


def test_a_different_value_at_exactly_a_stored_as_of_is_refused(session: Session) -> None:
    indicator(session)
    ingest_observations(session, indicator_key="m2_yoy", observations=[obs("2025-01", 1.0, "2025-12-01")], clock=CLOCK)
    before = counts(session)
    with pytest.raises(InvalidInput, match="row 2: period 2025-01 already has a different value known at exactly"):
        ingest_observations(
            session,
            indicator_key="m2_yoy",
            observations=[obs("2025-02", 1.0), obs("2025-01", 2.0, "2025-12-01")],
            clock=CLOCK,
        )
    assert counts(session) == before


def test_unknown_indicator_is_not_found_and_derived_is_a_conflict(session: Session) -> None:
    indicator(session, key="m1_yoy")
    indicator(session)
    indicator(session, key="spread", formula="m2_yoy - m1_yoy")
    before = counts(session)
    with pytest.raises(NotFound, match="unknown indicator.*'nope'"):
        ingest_observations(session, indicator_key="nope", observations=[obs("2025-01", 1.0)], clock=CLOCK)
    with pytest.raises(Conflict, match="'spread' is derived .*post observations of its inputs"):
        ingest_observations(session, indicator_key="spread", observations=[obs("2025-01", 1.0)], clock=CLOCK)
    assert counts(session) == before


def test_a_file_with_one_bad_batch_writes_nothing(session: Session) -> None:
    indicator(session)
    indicator(session, key="m1_yoy")
    ingest_observations(session, indicator_key="m1_yoy", observations=[obs("2025-01", 1.0, "2025-12-01")], clock=CLOCK)
    before = counts(session)
    with pytest.raises(InvalidInput, match="already has a different value"):
        ingest_batches(
            session,
            batches=[
                BatchIn(indicator="m2_yoy", observations=[obs("2025-01", 5.0)]),
                BatchIn(indicator="m1_yoy", observations=[obs("2025-01", 2.0, "2025-12-01")]),
            ],
            clock=CLOCK,
        )
    assert counts(session) == before


def test_derived_indicator_is_recomputed_with_its_inputs(session: Session) -> None:
    indicator(session)
    indicator(session, key="m1_yoy")
    ingest_observations(
        session,
        indicator_key="m2_yoy",
        observations=[obs("2025-01", 8.0, "2025-02-10"), obs("2025-02", 8.5, "2025-03-10")],
        clock=CLOCK,
    )
    ingest_observations(session, indicator_key="m1_yoy", observations=[obs("2025-01", 1.0, "2025-02-12")], clock=CLOCK)
    # Created after its inputs: its history is computed at once, where every input has a value.
    spread = indicator(session, key="spread", formula="m2_yoy - m1_yoy")
    rows = observations_as_of(session, indicator_id=spread.id)
    assert [(r.period, r.value, r.as_of) for r in rows] == [("2025-01", 7.0, datetime(2025, 2, 12, tzinfo=UTC))]

    results = ingest_batches(
        session,
        batches=[
            BatchIn(
                indicator="m1_yoy", observations=[obs("2025-01", 1.5, "2025-03-01"), obs("2025-02", 2.5, "2025-03-12")]
            )
        ],
        clock=CLOCK,
    )
    assert results["spread"].counts() == {"inserted": 1, "revised": 1, "unchanged": 0}
    assert results["spread"].derived
    now_rows = observations_as_of(session, indicator_id=spread.id)
    assert [(r.period, r.value, r.as_of) for r in now_rows] == [
        ("2025-01", 6.5, datetime(2025, 3, 1, tzinfo=UTC)),
        ("2025-02", 6.0, datetime(2025, 3, 12, tzinfo=UTC)),
    ]
    # The old spread is still there for as-of questions.
    old = observations_as_of(session, indicator_id=spread.id, as_of=datetime(2025, 2, 20, tzinfo=UTC))
    assert [(r.period, r.value) for r in old] == [("2025-01", 7.0)]
    reasons = {r.indicator_id: r.reason for r in session.exec(select(RescoreRequest)).all()}
    assert reasons[spread.id] == "1 new, 1 revised derived value(s) of spread up to 2025-02"


def test_unchanged_inputs_leave_the_derived_indicator_alone(session: Session) -> None:
    indicator(session)
    indicator(session, key="m1_yoy")
    indicator(session, key="spread", formula="m2_yoy - m1_yoy")
    batch = [
        BatchIn(indicator="m2_yoy", observations=[obs("2025-01", 8.0)]),
        BatchIn(indicator="m1_yoy", observations=[obs("2025-01", 1.0)]),
    ]
    first = ingest_batches(session, batches=batch, clock=CLOCK)
    assert first["spread"].counts()["inserted"] == 1
    before = counts(session)
    again = ingest_batches(session, batches=batch, clock=FixedClock(NOW + timedelta(hours=1)))
    assert "spread" not in again
    assert counts(session) == before


@pytest.mark.parametrize(
    ("formula", "frequency", "message"),
    [
        ("m2_yoy - nope", "M", "unknown indicator.*nope"),
        ("m2_yoy - q_series", "M", "'q_series' has frequency Q"),
        ("spread + 1", "M", "'spread' is itself derived"),
        ("new_one + m2_yoy", "M", "refers to the indicator itself"),
        ("open('x')", "M", "call is not allowed"),
        ("m2_yoy", "X", "unknown frequency"),
    ],
)
def test_bad_indicators_are_refused(session: Session, formula: str, frequency: str, message: str) -> None:
    indicator(session)
    indicator(session, key="m1_yoy")
    indicator(session, key="q_series", frequency="Q")
    indicator(session, key="spread", formula="m2_yoy - m1_yoy")
    before = session.exec(select(func.count()).select_from(Indicator)).one()
    with pytest.raises(InvalidInput, match=message):
        indicator(session, key="new_one", frequency=frequency, formula=formula)
    assert session.exec(select(func.count()).select_from(Indicator)).one() == before


def test_duplicate_indicator_key_is_a_conflict(session: Session) -> None:
    indicator(session)
    with pytest.raises(Conflict, match="already exists"):
        indicator(session)
    created = session.exec(select(Indicator).where(Indicator.key == "m2_yoy")).one()
    assert created.frequency is Frequency.MONTHLY


def test_lock_runs_on_this_database(session: Session) -> None:
    from predictions.data.repo_ingestion import lock_indicators_for_write

    m2 = indicator(session)
    lock_indicators_for_write(session, indicator_ids=[m2.id, m2.id])
    assert session.exec(select(Indicator.key)).all() == ["m2_yoy"]


def test_back_filled_older_vintage_does_not_move_the_derived_value(session: Session) -> None:
    indicator(session)
    indicator(session, key="m1_yoy")
    spread = indicator(session, key="spread", formula="m2_yoy - m1_yoy")
    ingest_batches(
        session,
        batches=[
            BatchIn(indicator="m2_yoy", observations=[obs("2025-10", 8.4, "2025-12-15")]),
            BatchIn(indicator="m1_yoy", observations=[obs("2025-10", 2.0, "2025-11-01")]),
        ],
        clock=CLOCK,
    )
    results = ingest_observations(
        session, indicator_key="m2_yoy", observations=[obs("2025-10", 8.2, "2025-11-15")], clock=CLOCK
    )
    assert results.counts() == {"inserted": 0, "revised": 1, "unchanged": 0}
    assert [r.value for r in observations_as_of(session, indicator_id=spread.id)] == [pytest.approx(6.4)]
