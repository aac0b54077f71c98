"""The probability history chart draws hindcasts dashed, apart from the live line; any finite values draw."""

import math
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from service.web.charts import Chart, Line, probability_history, render


def test_hindcasts_are_a_dashed_line_and_live_snapshots_a_solid_one() -> None:
    chart = probability_history([("2024-05-01", 0.15, True), ("2024-05-15", 0.07, True), ("2026-11-28", 0.01, False)])
    hindcast, live = chart.lines
    assert hindcast.dashed and not live.dashed
    assert list(hindcast.values)[:2] == [0.15, 0.07] and list(live.values)[2] == 0.01
    svg = str(render(chart))
    assert svg.count("stroke-dasharray") == 1 and "hindcast: what the engine would have said then" in svg


def test_without_hindcasts_there_is_one_solid_line() -> None:
    chart = probability_history([("2026-11-27", 0.4, False), ("2026-11-28", 0.5, False)])
    assert [line.dashed for line in chart.lines] == [False]
    assert "stroke-dasharray" not in str(render(chart))


@settings(max_examples=200, deadline=None)
@given(
    values=st.lists(st.floats(allow_nan=False, allow_infinity=False), min_size=1, max_size=6),
    threshold=st.none() | st.floats(allow_nan=False, allow_infinity=False),
)
def test_any_finite_values_draw_a_finite_chart(values: list[float], threshold: float | None) -> None:
    """Issue 19: values of +-1e308 made the axis overflow (500 for good on every page drawing them)."""
    svg = str(render(Chart(x_labels=[str(i) for i in range(len(values))], lines=[Line(values, 0, "obs", "x")],
                           threshold=threshold)))  # fmt: skip
    coordinates = re.findall(r' (?:x|y|x1|x2|y1|y2|cx|cy)="([^"]+)"', svg)
    coordinates += [c for pair in re.findall(r"(\S+),(\S+?)[ \"]", svg) for c in pair if "points" not in c]
    assert coordinates and "nan" not in svg and "inf" not in svg
    assert all(math.isfinite(float(c)) for c in coordinates), svg
