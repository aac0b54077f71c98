"""From an article to tracked claims: one ``extract``, one review of the YAML, one ``claims import``."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from typer.testing import CliRunner

from predictions.seed.seed import ARTICLE_FILE
from service.cli import (
    app,
    extract,  # noqa: F401  (registers the command)
    ledger,  # noqa: F401
)

SEED_ARTICLE = Path(__file__).parents[2] / "predictions" / "seed" / ARTICLE_FILE
ARTICLES = Path(__file__).parents[1] / "predictions" / "articles"


def _review(claims: list[dict], *, deadline: str = "2027-12-31") -> list[dict]:
    """What the researcher does: fill the deadlines the text did not give, and clear the review points."""
    for claim in claims:
        claim["deadline"] = claim["deadline"] or deadline
        claim["made_on"] = claim["made_on"] or "2025-01-01"
        claim["needs_review"] = []
    return claims


def test_first_source_extract_review_import(runner: CliRunner, tmp_path: Path) -> None:
    out = runner.invoke(
        app,
        ["extract", str(SEED_ARTICLE), "--published-on", "2024-05-01", "--author", "AINews"],
        catch_exceptions=False,
    )
    assert out.exit_code == 0, out.output
    assert "5 candidate claim(s)" in out.stderr
    claims = yaml.safe_load(out.stdout)
    # Where the text gives no deadline, the documented default (31 December of the year after the text's date) is
    # put in and flagged for review: the file imports as it is.
    assert [c["deadline"] for c in claims] == ["2026-12-31", "2025-12-31", "2025-12-31", "2025-12-31", "2025-12-31"]
    assert [any("default horizon" in note for note in c["needs_review"]) for c in claims] == [
        False, True, True, False, True
    ]  # fmt: skip
    raw = tmp_path / "raw.yaml"
    raw.write_text(out.stdout, encoding="utf-8")
    imported = runner.invoke(app, ["claims", "import", str(raw)])
    assert imported.exit_code == 0, imported.output
    listed = json.loads(runner.invoke(app, ["claims", "list", "--format", "json"]).stdout)
    assert listed["total"] == 5
    by_quote = {c["quote"][:19]: c for c in listed["items"]}
    second = by_quote["The 'M2-M1 stabilit"]
    assert second["condition"] == "the next global financial downturn occurs"
    first = by_quote["By 2026, a dominant"]
    assert first["needs_review"] and "> 70 %" in first["review_note"]
    assert first["stated_probability"] == 0.9


def test_json_output_imports_unchanged_for_every_written_article(runner: CliRunner, tmp_path: Path) -> None:
    total = 0
    for article in sorted(ARTICLES.iterdir()):
        out = runner.invoke(app, ["extract", str(article), "--format", "json", "--published-on", "2025-01-01"])
        assert out.exit_code == 0, out.output
        claims = _review(json.loads(out.stdout))
        for claim in claims:
            claim["author"] = "Test Author"
        path = tmp_path / f"{article.stem}.json"
        path.write_text(json.dumps(claims), encoding="utf-8")
        result = runner.invoke(app, ["claims", "import", str(path)])
        assert result.exit_code == 0, (article.name, result.output)
        total += len(claims)
    listed = json.loads(runner.invoke(app, ["claims", "list", "--format", "json", "--limit", "1000"]).stdout)
    assert listed["total"] == total == 21


def test_bad_input_fails_with_a_message(runner: CliRunner, tmp_path: Path) -> None:
    missing = runner.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2 and "no such file" in missing.output
    bad_date = runner.invoke(app, ["extract", str(SEED_ARTICLE), "--published-on", "May 2024"])
    assert bad_date.exit_code == 2 and "YYYY-MM-DD" in bad_date.output
    bad_format = runner.invoke(app, ["extract", str(SEED_ARTICLE), "--format", "xml"])
    assert bad_format.exit_code == 2 and "yaml or json" in bad_format.output
