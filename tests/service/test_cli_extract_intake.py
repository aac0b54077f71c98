"""`predtrack extract`: its output imports unchanged, it reads text, HTML and PDF files, and it starts light."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from predictions.seed.seed import ARTICLE_FILE
from service.cli import (
    app,
    extract,  # noqa: F401  (registers the command)
    ledger,  # noqa: F401
)
from tests.service.conftest import ROOT
from tests.service.intake_fixtures import ARTICLES, BATTERY, ENERGY, pdf_of

SEED_ARTICLE = ROOT / "predictions" / "seed" / ARTICLE_FILE
# The seed, and three texts with known dates (the lead adds development texts later).
TEXTS = [
    (SEED_ARTICLE, "2024-05-01", "AINews"),
    (ARTICLES / "conditional_rates.txt", "2025-06-15", "Rates Desk"),
    (ARTICLES / "hedged_housing.txt", "2025-01-10", "Housing Desk"),
    (ARTICLES / "tech_list.md", "2025-01-05", "Chips Desk"),
]
# Modules the extract path must not load: the database layer, the web framework, the forecasting libraries.
HEAVY = ("sqlalchemy", "sqlmodel", "fastapi", "starlette", "uvicorn", "statsmodels", "prophet", "pandas", "alembic")


def test_output_imports_unchanged_on_the_seed_and_three_texts(runner: CliRunner, tmp_path: Path) -> None:
    expected: list[str] = []
    for path, published_on, author in TEXTS:
        out = runner.invoke(
            app, ["extract", str(path), "--format", "json", "--published-on", published_on, "--author", author]
        )
        assert out.exit_code == 0, out.output
        claims = json.loads(out.stdout)
        assert claims, path.name
        assert all(c["deadline"] and c["made_on"] == published_on and c["author"] for c in claims)
        # Nothing edited: the file goes to the import as extract wrote it.
        target = tmp_path / f"{path.stem}.json"
        target.write_text(out.stdout, encoding="utf-8")
        imported = runner.invoke(app, ["claims", "import", str(target)])
        assert imported.exit_code == 0, (path.name, imported.output)
        assert f"imported {len(claims)} claim(s)" in imported.output
        expected += [c["quote"] for c in claims]
    listed = json.loads(runner.invoke(app, ["claims", "list", "--format", "json", "--limit", "1000"]).stdout)
    assert sorted(c["quote"] for c in listed["items"]) == sorted(expected)


def test_html_and_pdf_files_are_read_for_their_text(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "energy.html"
    paragraphs = "".join(f"<p>{line}</p>" for line in ENERGY.splitlines() if line.strip())
    page.write_text(f"<html><body><nav>Home will rise by 2030</nav><article>{paragraphs}</article></body></html>")
    pdf = tmp_path / "energy.pdf"
    pdf.write_bytes(pdf_of(BATTERY))
    for path in (page, pdf):
        out = runner.invoke(app, ["extract", str(path), "--format", "json", "--published-on", "2025-01-15"])
        assert out.exit_code == 0, out.output
        quotes = [c["quote"] for c in json.loads(out.stdout)]
        assert BATTERY in quotes and not any("Home" in q for q in quotes)


@pytest.mark.parametrize(
    ("args", "content", "message"),
    [
        (["--url", "https://example.org/a"], b"Prices will rise.", "one of the two"),
        ([], None, "one of the two"),
        ([], bytes(range(256)) * 8, "binary"),
        ([], "Pr\xe9visions".encode("latin-1"), "not UTF-8"),
        ([], b"%PDF-1.7 broken", "PDF"),
        ([], b"   ", "empty"),
    ],
)
def test_unreadable_input_fails_with_a_message(
    runner: CliRunner, tmp_path: Path, args: list[str], content: bytes | None, message: str
) -> None:
    path = tmp_path / ("article.pdf" if content and content.startswith(b"%PDF") else "article.txt")
    if content is not None:
        path.write_bytes(content)
    out = runner.invoke(app, ["extract", *([str(path)] if content is not None else []), *args])
    assert out.exit_code == 2 and message in out.output, out.output


def test_a_real_pipe_into_claims_import_and_a_light_start(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PREDTRACK_DATABASE_URL": f"sqlite:///{tmp_path / 'pipe.db'}"}
    cli = f"{sys.executable} -m service.cli"
    extract_seed = f"{cli} extract {SEED_ARTICLE} --format json --published-on 2024-05-01 --author AINews"
    piped = _shell(f"{extract_seed} | {cli} claims import /dev/stdin", env=env, cwd=tmp_path)
    assert piped.returncode == 0, piped.stderr
    assert "imported 5 claim(s)" in piped.stderr
    # What extract loads: none of the heavy libraries (python -X importtime names every module imported).
    traced = _shell(f"{sys.executable} -X importtime -m service.cli extract {SEED_ARTICLE}", env=env, cwd=tmp_path)
    assert traced.returncode == 0, traced.stderr[-2000:]
    loaded = {line.rsplit("|", 1)[1].strip().split(".")[0] for line in traced.stderr.splitlines() if "|" in line}
    assert "predictions" in loaded and not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def _shell(command: str, *, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, shell=True, env=env, cwd=cwd, capture_output=True, text=True, timeout=120)
