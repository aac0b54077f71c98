"""``predtrack rescore --hindcast [--claim ID]`` through Typer on a real SQLite file."""

import re

from typer.testing import CliRunner

from service.cli import (
    app,
    ledger,  # noqa: F401  (registers the commands)
    rescoring,  # noqa: F401
)


def test_hindcast_the_seed_once_with_progress_then_nothing_new(runner: CliRunner) -> None:
    assert runner.invoke(app, ["seed"]).exit_code == 0
    first = runner.invoke(app, ["rescore", "--hindcast"])
    assert first.exit_code == 0, first.output
    done = re.search(r"^(\d+) claims hindcast: (\d+) hindcasts written, 0 failed$", first.stdout, re.MULTILINE)
    assert done is not None, first.stdout
    claims, written = int(done[1]), int(done[2])
    assert written > claims >= 5 and f"hindcast {claims}/{claims}" in first.stderr  # the M2-M1 claim has several
    again = runner.invoke(app, ["rescore", "--hindcast"])
    assert again.exit_code == 0 and f"{claims} claims hindcast: 0 hindcasts written" in again.stdout
    one = runner.invoke(app, ["rescore", "--hindcast", "--claim", "2"])
    assert one.exit_code == 0 and "1 claims hindcast: 0 hindcasts written" in one.stdout


def test_hindcast_refuses_what_it_cannot_do(runner: CliRunner) -> None:
    both = runner.invoke(app, ["rescore", "--hindcast", "--all"])
    assert both.exit_code == 2 and "does not combine with --all or --pending" in both.stderr
    missing = runner.invoke(app, ["rescore", "--hindcast", "--claim", "999"])
    assert missing.exit_code == 1 and "claim 999 does not exist" in missing.stderr
