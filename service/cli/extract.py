"""``predtrack extract FILE``: candidate claims from an article, for a researcher to review and import."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import typer
import yaml

from predictions.extract import extract_candidates
from service.cli import app
from service.cli.common import fail

HEADER = (
    "# Candidate claims proposed by `predtrack extract` from {file}.\n"
    "# Review each one: delete what is not a claim, fill every null deadline/made_on/author, and settle the\n"
    "# points under needs_review (empty the list when done). Then: predtrack claims import THIS_FILE\n"
)


@app.command()
def extract(
    file: Path = typer.Argument(..., help="The article: plain text or Markdown."),
    output_format: str = typer.Option("yaml", "--format", help="yaml (for review) or json."),
    published_on: str | None = typer.Option(
        None, help="YYYY-MM-DD: the article's date, from which 'next year' or 'within 18 months' count."
    ),
    author: str | None = typer.Option(None, help="The author to put on every candidate."),
    source_id: int | None = typer.Option(None, help="Id of the source the claims come from."),
) -> None:
    """Propose candidate claims from an article's text (rule-based, offline, deterministic)."""
    if output_format not in ("yaml", "json"):
        fail(f"unknown format {output_format!r}: use yaml or json")
    published = None
    if published_on is not None:
        try:
            published = date.fromisoformat(published_on)
        except ValueError:
            fail(f"--published-on {published_on!r}: write a date as YYYY-MM-DD")
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        fail(f"no such file: {file}")
    except UnicodeDecodeError:
        fail(f"{file} is not UTF-8 text")
    candidates = extract_candidates(text, published_on=published, author=author)
    claims = [c.to_claim(author=author, source_id=source_id) for c in candidates]
    if author is None:
        for claim in claims:
            claim["needs_review"].append("author: pass --author or set it")
    if output_format == "json":
        typer.echo(json.dumps(claims, indent=2, ensure_ascii=False))
    else:
        typer.echo(
            HEADER.format(file=file.name) + yaml.safe_dump(claims, sort_keys=False, allow_unicode=True, width=116)
        )
    to_review = sum(1 for claim in claims if claim["needs_review"])
    typer.echo(f"{len(claims)} candidate claim(s), {to_review} with points to review", err=True)
