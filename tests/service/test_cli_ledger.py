"""The ledger's CLI commands, run through Typer on a real SQLite file."""

import json
from pathlib import Path

from typer.testing import CliRunner

from service.cli import (
    app,
    ledger,  # noqa: F401  (registers the commands)
)


def test_seed_then_list_as_json(runner: CliRunner) -> None:
    assert runner.invoke(app, ["seed"]).exit_code == 0
    again = runner.invoke(app, ["seed"])
    assert again.exit_code == 0 and "0 claim(s)" in again.output
    result = runner.invoke(app, ["claims", "list", "--format", "json"])
    assert result.exit_code == 0
    body = json.loads(result.stdout)
    assert body["total"] == 6


def test_list_as_table_shows_status_and_deadline(runner: CliRunner) -> None:
    runner.invoke(app, ["seed"])
    result = runner.invoke(app, ["claims", "list"])
    assert result.exit_code == 0
    assert "awaiting_resolution" in result.stdout and "2025-12-31" in result.stdout


def test_unknown_format_fails_cleanly(runner: CliRunner) -> None:
    result = runner.invoke(app, ["claims", "list", "--format", "xml"])
    assert result.exit_code == 2
    assert "use table or json" in result.output


def test_add_a_claim_from_flags_and_refuse_a_bad_one(runner: CliRunner) -> None:
    runner.invoke(app, ["seed"])
    good = runner.invoke(
        app,
        [
            "claims",
            "add",
            "--statement",
            "Spread below 4 at end of 2026",
            "--quote",
            "It will narrow.",
            "--author",
            "Someone",
            "--made-on",
            "2026-11-01",
            "--deadline",
            "2026-12-31",
            "--criteria",
            "Dec 2026 spread < 4",
            "--rule",
            "m2_m1_spread < 4 last",
            "--tag",
            "monetary",
        ],
    )
    assert good.exit_code == 0, good.output
    bad_rule = runner.invoke(
        app,
        [
            "claims",
            "add",
            "--statement",
            "x",
            "--quote",
            "x",
            "--author",
            "x",
            "--made-on",
            "2026-11-01",
            "--deadline",
            "2026-12-31",
            "--criteria",
            "x",
            "--rule",
            "no_such_series < 4",
        ],
    )
    assert bad_rule.exit_code == 2 and "no_such_series" in bad_rule.output
    missing = runner.invoke(app, ["claims", "add", "--statement", "x"])
    assert missing.exit_code == 2 and "quote" in missing.output
    listed = json.loads(runner.invoke(app, ["claims", "list", "--format", "json"]).stdout)
    assert listed["total"] == 7


def test_import_is_all_or_nothing(runner: CliRunner, tmp_path: Path) -> None:
    runner.invoke(app, ["seed"])
    good = {
        "statement": "s",
        "quote": "q",
        "author": "a",
        "made_on": "2026-01-01",
        "deadline": "2026-12-31",
        "resolution_criteria": "c",
        "prior": 0.3,
    }
    bad = dict(good, rule={"indicator": "missing_series", "op": ">", "threshold": 1})
    path = tmp_path / "claims.json"
    path.write_text(json.dumps([good, bad]))
    result = runner.invoke(app, ["claims", "import", str(path)])
    assert result.exit_code == 2 and "claim 2" in result.output and "nothing was imported" in result.output
    assert json.loads(runner.invoke(app, ["claims", "list", "--format", "json"]).stdout)["total"] == 6
    path.write_text(json.dumps([good, good]))
    assert runner.invoke(app, ["claims", "import", str(path)]).exit_code == 0
    assert json.loads(runner.invoke(app, ["claims", "list", "--format", "json"]).stdout)["total"] == 8
    assert runner.invoke(app, ["claims", "import", str(tmp_path / "nope.json")]).exit_code == 2
