"""``predtrack extract FILE`` or ``--url URL``: candidate claims from an article, for review and ``claims import``.

This command is on a researcher's quick path, so it starts light: ``predtrack extract`` loads only this module
(``service.cli.main``), and this module loads neither the database layer nor the web framework nor the
forecasting libraries; YAML is loaded only when asked for. Its JSON (or YAML) output is a list of claim objects that
``predtrack claims import`` takes unchanged: where the text gives no date or deadline, a documented default is put
in and flagged under ``needs_review`` (``predictions.extract.intake``).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import typer

from service.cli import app
from service.cli.common import fail

HEADER = (
    "# Candidate claims proposed by `predtrack extract` from {file}.\n"
    "# Review each one: delete what is not a claim, check each deadline and author, and settle the points under\n"
    "# needs_review (empty the list when done). Then: predtrack claims import THIS_FILE\n"
)


@app.command()
def extract(
    file: Path | None = typer.Argument(None, help="The article: plain text or Markdown, a saved HTML page, or a PDF."),
    url: str | None = typer.Option(None, help="Fetch the article from this public web address instead of a file."),
    output_format: str = typer.Option("yaml", "--format", help="yaml (for review) or json."),
    published_on: str | None = typer.Option(
        None, help="YYYY-MM-DD: the article's date, from which 'next year' or 'within 18 months' count."
    ),
    author: str | None = typer.Option(None, help="The author to put on every candidate the text names no one for."),
    source_id: int | None = typer.Option(None, help="Id of the source the claims come from."),
    strict: bool = typer.Option(
        False,
        "--strict",
        help="Leave out sentences the classifier doubts (below 0.2; a text under 6 sentences is read in full): on "
        "unseen texts precision 0.63 -> 0.78, recall 0.80 -> 0.73.",
    ),
) -> None:
    """Propose candidate claims from an article (rule-based, offline, deterministic; --url fetches it first)."""
    from predictions.extract import inputs, intake
    from predictions.ledger.errors import LedgerError

    if output_format not in ("yaml", "json"):
        fail(f"unknown format {output_format!r}: use yaml or json")
    if (file is None) == (url is None):
        fail("give the article as a FILE or with --url, one of the two")
    published = None
    if published_on is not None:
        try:
            published = date.fromisoformat(published_on)
        except ValueError:
            fail(f"--published-on {published_on!r}: write a date as YYYY-MM-DD")
    try:
        if url is not None:
            article = inputs.from_url(url)
        else:
            assert file is not None
            article = inputs.from_file(_read(file), filename=file.name)
    except LedgerError as exc:
        fail(exc.detail)
    candidates = intake.candidate_claims(
        article.text, published_on=published, author=author, source_id=source_id, today=date.today(), strict=strict
    )
    claims = [c.claim for c in candidates]
    if author is None:
        for claim in claims:
            if not claim.get("author"):
                claim["needs_review"] = [*(claim.get("needs_review") or []), "author: pass --author or set it"]
    if output_format == "json":
        typer.echo(json.dumps(claims, indent=2, ensure_ascii=False))
    else:
        import yaml

        name = url or (file.name if file else "")
        typer.echo(HEADER.format(file=name) + yaml.safe_dump(claims, sort_keys=False, allow_unicode=True, width=116))
    to_review = sum(1 for claim in claims if claim.get("needs_review"))
    typer.echo(f"{len(claims)} candidate claim(s), {to_review} with points to review", err=True)


def _read(file: Path) -> bytes:
    from predictions.extract.inputs import MAX_FILE_BYTES

    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            fail(f"{file} is {size:,} bytes, over the {MAX_FILE_BYTES:,} a file may have: split it")
        return file.read_bytes()
    except FileNotFoundError:
        fail(f"no such file: {file}")
    except IsADirectoryError:
        fail(f"{file} is a directory, not a file")
