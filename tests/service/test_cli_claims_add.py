"""``claims add`` takes a rule window and prints the claim as the ledger understood it."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from service.cli import (
    app,
    ledger,  # noqa: F401  (registers the commands)
)

BASE = [
    "claims", "add", "--statement", "China M1 growth above 6% in June 2026", "--quote", "M1 will pick up.",
    "--author", "Someone", "--made-on", "2026-05-01", "--deadline", "2026-07-31", "--criteria", "m1_yoy 2026-06 > 6",
]  # fmt: skip


def test_a_window_is_accepted_and_echoed(runner: CliRunner) -> None:
    runner.invoke(app, ["seed"])
    result = runner.invoke(app, [*BASE, "--rule", "m1_yoy > 6 last 2026-06..2026-06"])
    assert result.exit_code == 0, result.output
    assert re.search(r"^claim \d+: China M1 growth above 6% in June 2026$", result.stdout, re.M)
    assert "rule: the value of m1_yoy for 2026-06 is above 6  [m1_yoy > 6 last]" in result.stdout
    assert "window: 2026-06..2026-06 (as given)" in result.stdout
    assert re.search(r"probability: .*`predtrack rescore --claim \d+`", result.stdout)


def test_without_a_window_the_default_is_said_out_loud(runner: CliRunner) -> None:
    runner.invoke(app, ["seed"])
    result = runner.invoke(app, [*BASE, "--rule", "m1_yoy > 6"])
    assert result.exit_code == 0, result.output
    assert "the value of m1_yoy for 2026-07 is above 6" in result.stdout  # July: the deadline's month
    assert "window: 2026-05..2026-07 (default: the periods containing made_on and the deadline)" in result.stdout


def test_a_window_without_aggregate_and_other_aggregates_read_as_words(runner: CliRunner) -> None:
    runner.invoke(app, ["seed"])
    mean = runner.invoke(app, [*BASE, "--rule", "m1_yoy >= 6 mean 2026-04..2026-06"])
    assert "the mean of m1_yoy over 2026-04..2026-06 is at least 6" in mean.stdout
    every = runner.invoke(app, [*BASE, "--rule", "m2_m1_spread <= 4 all"])
    assert "m2_m1_spread is at most 4 in every period over 2026-05..2026-07" in every.stdout
    bare = runner.invoke(app, [*BASE, "--rule", "m1_yoy < 6 2026-06..2026-06"])
    assert "the value of m1_yoy for 2026-06 is below 6" in bare.stdout


def test_no_rule_says_how_it_is_scored(runner: CliRunner) -> None:
    runner.invoke(app, ["seed"])
    result = runner.invoke(app, [*BASE, "--prior", "0.3"])
    assert "rule: none (a researcher resolves it; until then the base rate 0.3)" in result.stdout


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("m1_yoy > 6 last 2026-06..", "a window is START..END"),
        ("m1_yoy > 6 last 2026-07..2026-06", "ends (2026-06) before it starts (2026-07)"),
        ("m1_yoy > 6 last 2026-13..2026-14", "rule window"),
        ("m1_yoy > 6 last 2026-06..2026-06 extra", "INDICATOR OP THRESHOLD [AGGREGATE] [START..END]"),
    ],
)
def test_bad_windows_are_refused_and_nothing_is_added(runner: CliRunner, rule: str, message: str) -> None:
    runner.invoke(app, ["seed"])
    result = runner.invoke(app, [*BASE, "--rule", rule])
    assert result.exit_code == 2 and message in result.output
    assert "claim " not in result.stdout


def test_score_prints_the_first_probability(runner: CliRunner) -> None:
    runner.invoke(app, ["seed"])
    result = runner.invoke(
        app, [*BASE, "--deadline", "2027-12-31", "--rule", "m1_yoy > 6 last 2027-06..2027-06", "--score"]
    )
    assert result.exit_code == 0, result.output
    assert re.search(r"probability: 0\.\d{3} \(open\)", result.stdout), result.stdout


def test_a_window_past_the_near_cap_is_refused(runner: CliRunner) -> None:
    """Issue 19: a window may start at most 100 years before made_on (a daily one from 1900 cost 1.5 GB a re-score)."""
    runner.invoke(app, ["seed"])
    result = runner.invoke(app, [*BASE, "--rule", "m1_yoy > 6 mean 1900-01..2026-06"])
    assert result.exit_code != 0 and "more than 100 years before" in result.output, result.output
    assert "China M1 growth above 6% in June 2026" not in runner.invoke(app, ["claims", "list"]).output
