"""The probability history chart draws hindcasts dashed, apart from the live line."""

from service.web.charts import probability_history, render


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
