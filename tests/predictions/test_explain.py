"""The one-sentence explanation of a move: pure functions, expected sentences written by hand."""

from __future__ import annotations

import numpy as np
import pytest

from forecasts.periods import Frequency
from predictions.rescore.explain import MEDIANS_KEY, event_label, explain, move_sentence, revisions, step_medians


def test_the_issue_example_sentence() -> None:
    sentence = move_sentence(
        indicator="M1 growth",
        unit=None,
        period="2025-12",
        value=5.2,
        median=4.6,
        event="P(spread below 4 ppt)",
        before=0.62,
        after=0.58,
    )
    assert sentence == (
        "M1 growth for 2025-12 came in at 5.2 (the forecast median was 4.6), "
        "so P(spread below 4 ppt) fell from 62% to 58%."
    )


def test_no_visible_change_and_extremes() -> None:
    same = move_sentence(
        indicator="X", unit="%", period="2026", value=1, median=2, event="P(e)", before=0.501, after=0.504
    )
    assert same == "X for 2026 came in at 1% (the forecast median was 2%), so P(e) stayed at 50%."
    settled = move_sentence(
        indicator="X", unit="ppt", period="2026-Q1", value=3, median=3.5, event="P(e)", before=0.4, after=0.0005
    )
    assert settled.endswith("(the forecast median was 3.5 ppt), so P(e) fell from 40% to <1%.")


def test_event_labels() -> None:
    window = ("2026-01", "2026-12")
    assert event_label(indicator="spread", op="<", threshold=4, unit="ppt", aggregate="last", window=window) == (
        "P(spread below 4 ppt in 2026-12)"
    )
    assert event_label(indicator="spread", op="<=", threshold=6, unit="ppt", aggregate="all", window=window) == (
        "P(spread at or below 6 ppt in every period of 2026-01 to 2026-12)"
    )
    assert event_label(indicator="share", op=">", threshold=70, unit="%", aggregate="any", window=window) == (
        "P(share above 70% at least once in 2026-01 to 2026-12)"
    )
    assert event_label(indicator="g", op=">=", threshold=5, unit=None, aggregate="mean", window=("2026", "2026")) == (
        "P(mean g over 2026 at or above 5)"
    )


def test_step_medians_are_per_period() -> None:
    paths = np.array([[1.0, 10.0, 5.0], [3.0, 20.0, 5.0], [2.0, 30.0, 5.0]])
    assert step_medians(paths, first_period="2025-11", freq=Frequency.MONTHLY, steps=2) == {
        "2025-11": 2.0,
        "2025-12": 20.0,
    }


def _inputs(values: list[float | None]) -> dict[str, object]:
    rule = {"op": "<", "threshold": 4.0, "aggregate": "last", "window_start": "2026-12", "window_end": "2026-12"}
    return {"frequency": "M", "series_start": "2025-10", "values": values, "rule": rule}


def test_explain_uses_the_newest_period_the_previous_forecast_expected() -> None:
    previous = {MEDIANS_KEY: {"2025-12": 3.4, "2026-01": 3.5}}
    sentence = explain(
        previous_details=previous,
        previous_probability=0.48,
        inputs=_inputs([3.3, 3.1, 3.0, 2.8]),
        probability=0.61,
        indicator="Spread",
        unit="ppt",
    )
    assert sentence == (
        "Spread for 2026-01 came in at 2.8 ppt (the forecast median was 3.5 ppt), "
        "so P(Spread below 4 ppt in 2026-12) rose from 48% to 61%."
    )


def test_no_explanation_without_a_new_value_for_an_expected_period() -> None:
    expected = {MEDIANS_KEY: {"2026-01": 3.5}}
    kwargs = {"previous_probability": 0.5, "probability": 0.6, "indicator": "S", "unit": None}
    assert explain(previous_details=expected, inputs=_inputs([3.3, 3.1, 3.0]), **kwargs) is None  # type: ignore[arg-type]
    assert explain(previous_details=expected, inputs=_inputs([3.3, 3.1, 3.0, None]), **kwargs) is None  # type: ignore[arg-type]
    assert explain(previous_details={}, inputs=_inputs([3.3, 3.1, 3.0, 2.8]), **kwargs) is None  # type: ignore[arg-type]


# A release with a new value (2026-01) and a revision (2025-11: 3.1 -> 4.4). Previous values 2025-10..2025-12.
PREVIOUS_INPUTS = _inputs([3.3, 3.1, 3.0]) | {"engine_version": "e", "n_paths": 100, "seed": 0}
RELEASE = _inputs([3.3, 4.4, 3.0, 3.5]) | {"engine_version": "e", "n_paths": 100, "seed": 0}
EXPECTED = {MEDIANS_KEY: {"2026-01": 3.5}}
MOVE = {"previous_probability": 0.3, "probability": 0.6, "indicator": "S", "unit": "ppt"}


@pytest.mark.parametrize(
    ("without_revisions", "sentence"),
    [
        (
            0.3,  # the new value alone left it where it was: the revision moved it
            "S for 2025-11 was revised from 3.1 ppt to 4.4 ppt, so P(S below 4 ppt in 2026-12) rose from 30% to "
            "60%; S for 2026-01 came in at 3.5 ppt (the forecast median was 3.5 ppt), which alone left it at 30%.",
        ),
        (
            0.6,  # the new value alone moved it all the way: the revision did nothing
            "S for 2026-01 came in at 3.5 ppt (the forecast median was 3.5 ppt), so P(S below 4 ppt in 2026-12) "
            "rose from 30% to 60%; S for 2025-11 was revised from 3.1 ppt to 4.4 ppt, which left it there.",
        ),
        (
            0.45,  # each moved it part of the way
            "S for 2026-01 came in at 3.5 ppt (the forecast median was 3.5 ppt), which alone took it to 45%, and "
            "S for 2025-11 was revised from 3.1 ppt to 4.4 ppt, so P(S below 4 ppt in 2026-12) rose from 30% to 60%.",
        ),
        (
            None,  # not known which: both named, neither blamed
            "S for 2026-01 came in at 3.5 ppt (the forecast median was 3.5 ppt) and S for 2025-11 was revised from "
            "3.1 ppt to 4.4 ppt, so P(S below 4 ppt in 2026-12) rose from 30% to 60%.",
        ),
    ],
)
def test_a_revision_in_the_same_release_is_named_with_what_it_did(
    without_revisions: float | None, sentence: str
) -> None:
    """Old behaviour caught: the sentence named only the new value, as if it had moved the probability."""
    said = explain(
        previous_details=EXPECTED,
        inputs=RELEASE,
        previous_inputs=PREVIOUS_INPUTS,
        without_revisions=without_revisions,
        **MOVE,  # type: ignore[arg-type]
    )
    assert said == sentence


def test_revisions_alone_are_named_and_other_causes_get_no_sentence() -> None:
    revised = _inputs([3.2, 3.1, 2.9]) | {"engine_version": "e", "n_paths": 100, "seed": 0}
    said = explain(previous_details=EXPECTED, inputs=revised, previous_inputs=PREVIOUS_INPUTS, **MOVE)  # type: ignore[arg-type]
    assert said == (
        "S was revised for 2025-10 (from 3.3 ppt to 3.2 ppt) and 2025-12 (from 3 ppt to 2.9 ppt), so P(S below 4 ppt "
        "in 2026-12) rose from 30% to 60%."
    )
    new_engine = RELEASE | {"engine_version": "f"}
    assert explain(previous_details=EXPECTED, inputs=new_engine, previous_inputs=PREVIOUS_INPUTS, **MOVE) is None  # type: ignore[arg-type]


@pytest.mark.parametrize("key", ["rule", "engine_version", "n_paths", "seed"])
def test_a_move_with_another_cause_than_the_data_gets_no_sentence(key: str) -> None:
    changed = RELEASE | {key: {"op": ">"} if key == "rule" else "other"}
    said = explain(previous_details=EXPECTED, inputs=changed, previous_inputs=PREVIOUS_INPUTS, **MOVE)  # type: ignore[arg-type]
    assert said is None


def test_three_revisions_are_listed_and_the_newest_arrival_is_named() -> None:
    previous = _inputs([1.0, 2.0, 3.0]) | {"engine_version": "e", "n_paths": 100, "seed": 0}
    now = _inputs([1.5, 2.5, 3.5, 4.0, 4.1, 4.2]) | {"engine_version": "e", "n_paths": 100, "seed": 0}
    medians = {MEDIANS_KEY: {"2026-01": 4.0, "2026-02": 4.1, "2026-03": 4.2}}
    assert explain(previous_details=medians, inputs=now, previous_inputs=previous, **MOVE) == (  # type: ignore[arg-type]
        "S for 2026-03 came in at 4.2 ppt (the forecast median was 4.2 ppt) and S was revised for 2025-10 (from 1 ppt "
        "to 1.5 ppt), 2025-11 (from 2 ppt to 2.5 ppt) and 2025-12 (from 3 ppt to 3.5 ppt), so P(S below 4 ppt in "
        "2026-12) rose from 30% to 60%."
    )
    new_only = _inputs([1.0, 2.0, 3.0, 4.0, 4.1, 4.2])
    assert explain(previous_details=medians, inputs=new_only, **MOVE).startswith("S for 2026-03 came in at 4.2")  # type: ignore[arg-type,union-attr]


def test_no_sentence_without_a_rule_or_recorded_values() -> None:
    no_rule = RELEASE | {"rule": None}
    assert explain(previous_details=EXPECTED, inputs=no_rule, previous_inputs=PREVIOUS_INPUTS, **MOVE) is None  # type: ignore[arg-type]
    assert explain(previous_details=EXPECTED, inputs=no_rule, **MOVE) is None  # type: ignore[arg-type]
    assert revisions({"method": "base_rate"}, RELEASE) == [] and revisions(PREVIOUS_INPUTS, {"rule": None}) == []


@pytest.mark.parametrize(
    ("before", "after", "effect"),
    [
        (0.01, 0.99, "rose from 1% to 99%"),  # the edges are numbers, not "<1%" / ">99%"
        (0.009, 0.995, "rose from <1% to >99%"),
        (0.5, 0.5, "stayed at 50%"),
    ],
)
def test_percent_edges(before: float, after: float, effect: str) -> None:
    sentence = move_sentence(
        indicator="X", unit=None, period="2026", value=1.0, median=1.0, event="P(e)", before=before, after=after
    )
    assert sentence == f"X for 2026 came in at 1 (the forecast median was 1), so P(e) {effect}."


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [(1000.0, None, "1,000"), (999.4, None, "999"), (1000.4, "bn", "1,000 bn"), (5.0, "‰", "5‰"), (5.0, "%", "5%")],
)
def test_numbers_with_their_units(value: float, unit: str | None, text: str) -> None:
    sentence = move_sentence(
        indicator="X", unit=unit, period="2026", value=value, median=value, event="P(e)", before=0.5, after=0.5
    )
    assert sentence == f"X for 2026 came in at {text} (the forecast median was {text}), so P(e) stayed at 50%."


def test_an_operator_without_words_is_shown_as_written() -> None:
    label = event_label(indicator="g", op="==", threshold=5, unit=None, aggregate="last", window=("2026", "2026"))
    assert label == "P(g == 5 in 2026)"


def test_step_medians_keep_six_decimals_and_none_without_steps() -> None:
    paths = np.array([[1.23456789], [1.23456789], [9.0]])
    assert step_medians(paths, first_period="2026-01", freq=Frequency.MONTHLY) == {"2026-01": 1.234568}
    assert step_medians(paths, first_period="2026-01", freq=Frequency.MONTHLY, steps=0) == {}
