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


def test_first_source_extract_imports_unchanged(runner: CliRunner, tmp_path: Path) -> None:
    out = runner.invoke(
        app,
        ["extract", str(SEED_ARTICLE), "--published-on", "2024-05-01", "--author", "AINews"],
        catch_exceptions=False,
    )
    assert out.exit_code == 0, out.output
    claims = yaml.safe_load(out.stdout)
    by_quote = {c["quote"][:19]: c for c in claims}
    # The seed's hand-made deadlines: two dated in the text, two undated (the default horizon, the end of the
    # second year after 2024-05-01) and the long-run success metric (the end of the sixth).
    assert [by_quote[q]["deadline"] for q in ("By 2026, a dominant", "The 'M2-M1 stabilit", "We will see the ris",
                                              "At least one major ", "The ultimate succes")] == [
        "2026-12-31", "2026-12-31", "2026-12-31", "2025-12-31", "2030-12-31"
    ]  # fmt: skip
    raw = tmp_path / "raw.yaml"
    raw.write_text(out.stdout, encoding="utf-8")
    imported = runner.invoke(app, ["claims", "import", str(raw)])
    assert imported.exit_code == 0, imported.output
    listed = json.loads(runner.invoke(app, ["claims", "list", "--format", "json"]).stdout)
    assert listed["total"] == len(claims)
    stored = {c["quote"][:19]: c for c in listed["items"]}
    second = stored["The 'M2-M1 stabilit"]
    assert second["condition"] == "a global financial downturn begins between 2024-05-01 and 2026-12-31"
    first = stored["By 2026, a dominant"]
    assert first["needs_review"] and "> 70 %" in first["review_note"]
    assert first["stated_probability"] == 0.9 and first["author"] == "AINews"


def test_json_output_imports_unchanged_for_every_written_article(runner: CliRunner, tmp_path: Path) -> None:
    total = 0
    for article in sorted(ARTICLES.iterdir()):
        out = runner.invoke(
            app, ["extract", str(article), "--format", "json", "--published-on", "2025-01-01", "--author", "A"]
        )
        assert out.exit_code == 0, out.output
        claims = json.loads(out.stdout)
        assert all(claim["deadline"] for claim in claims)
        path = tmp_path / f"{article.stem}.json"
        path.write_text(out.stdout, encoding="utf-8")
        result = runner.invoke(app, ["claims", "import", str(path)])
        assert result.exit_code == 0, (article.name, result.output)
        total += len(claims)
    listed = json.loads(runner.invoke(app, ["claims", "list", "--format", "json", "--limit", "1000"]).stdout)
    assert listed["total"] == total > 0


def test_bad_input_fails_with_a_message(runner: CliRunner, tmp_path: Path) -> None:
    missing = runner.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2 and "no such file" in missing.output
    bad_date = runner.invoke(app, ["extract", str(SEED_ARTICLE), "--published-on", "May 2024"])
    assert bad_date.exit_code == 2 and "YYYY-MM-DD" in bad_date.output
    bad_format = runner.invoke(app, ["extract", str(SEED_ARTICLE), "--format", "xml"])
    assert bad_format.exit_code == 2 and "yaml or json" in bad_format.output


DEV_SET = Path(__file__).parents[1] / "predictions" / "extract_dev"


def test_three_development_texts_extract_and_import_unchanged(runner: CliRunner, tmp_path: Path) -> None:
    manifest = {t["id"]: t for t in json.loads((DEV_SET / "manifest.json").read_text(encoding="utf-8"))["texts"]}
    total = 0
    for text_id in ("fomc-minutes-2014-04", "fomc-minutes-2018-05", "fomc-transcript-1996-11"):  # training half
        published = manifest[text_id]["published_on"]
        out = runner.invoke(
            app,
            ["extract", str(DEV_SET / "texts" / f"{text_id}.txt"), "--format", "json", "--published-on", published,
             "--author", "FOMC"],
        )  # fmt: skip
        assert out.exit_code == 0, out.output
        claims = json.loads(out.stdout)
        assert claims and all(claim["deadline"] >= published for claim in claims)
        path = tmp_path / f"{text_id}.json"
        path.write_text(out.stdout, encoding="utf-8")
        imported = runner.invoke(app, ["claims", "import", str(path)])
        assert imported.exit_code == 0, (text_id, imported.output)
        total += len(claims)
    listed = json.loads(runner.invoke(app, ["claims", "list", "--format", "json", "--limit", "1000"]).stdout)
    assert listed["total"] == total


def test_strict_leaves_out_what_the_classifier_doubts(runner: CliRunner, tmp_path: Path) -> None:
    from predictions.extract import classify

    cue = "Inflation will fall below 2 percent by the end of 2026."
    article = tmp_path / "minutes.txt"  # five sentences no rule takes and the cue: six units, not read in full
    article.write_text(
        "The committee met on Tuesday. Members discussed the housing market at length. Several noted weak demand in "
        f"the spring. Staff presented new survey results. The chair thanked the staff for their work. {cue}\n",
        encoding="utf-8",
    )
    command = ["extract", str(article), "--format", "json", "--published-on", "2025-03-01", "--author", "Desk"]
    # every unit scores 1 / (1 + e^3) = 0.047, under the 0.2 that strict leaves out
    with classify.using(classify.Model(intercept=-3.0, weights={}, veto=0.0, admit=1.0)):
        loose = runner.invoke(app, command)
        strict = runner.invoke(app, [*command, "--strict"])
    assert loose.exit_code == 0 and [c["quote"] for c in json.loads(loose.stdout)] == [cue], loose.output
    assert strict.exit_code == 0 and json.loads(strict.stdout) == [], strict.output
    assert "0 candidate claim(s)" in strict.stderr


def test_help_lists_strict_and_its_trade_off(runner: CliRunner) -> None:
    out = runner.invoke(app, ["extract", "--help"], env={"COLUMNS": "200"})
    assert out.exit_code == 0
    assert "--strict" in out.output and "precision 0.63 -> 0.78, recall 0.80 -> 0.73" in out.output
