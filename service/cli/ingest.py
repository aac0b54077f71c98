"""``predtrack ingest FILE``: load observations from a CSV or JSON file in one transaction."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import typer

from service.cli import app

HELP = """Load observations from FILE (CSV or JSON) into the ledger, all or nothing.

\b
CSV, long format, with a header row (as_of is optional):
    indicator,period,value,as_of
    m2_yoy,2025-10,8.2,
    m2_yoy,2025-11,8.0,2025-12-15T09:00:00Z
\b
JSON, the body of POST /api/v1/indicators/{key}/observations plus the key, or a list of those:
    {"indicator": "m2_yoy", "observations": [{"period": "2025-11", "value": 8.0, "as_of": "2025-12-15"}]}

Periods are written YYYY (A), YYYY-Qn (Q), YYYY-MM (M) or YYYY-MM-DD (W, D). as_of is when the value became \
known (ISO-8601; a bare date is midnight UTC; empty means now).

The same value again is unchanged; a different value is a revision, stored as a new vintage. The whole file is \
one transaction: any bad row (named by its CSV line, or by its position among the JSON file's observations) \
refuses the file and nothing is written. Derived indicators are recomputed and linked claims are queued for \
re-scoring. Progress goes to stderr, the counts per indicator to stdout.
"""

PROGRESS_EVERY = 100_000


@app.command(help=HELP)
def ingest(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, readable=True, help="A .csv or .json file."),
    file_format: str | None = typer.Option(None, "--format", help="csv or json (default: from the extension)."),
) -> None:
    """Load observations from a CSV or JSON file."""
    from predictions.data.ingest import ingest_batches
    from predictions.ledger.clock import SystemClock
    from predictions.ledger.errors import LedgerError
    from service import jobs
    from service.cli.common import fail, open_ledger

    kind = (file_format or file.suffix.lstrip(".")).lower()
    if kind not in ("csv", "json"):
        fail(f"cannot tell the format of {file.name}: use a .csv or .json file, or --format csv|json")
    try:
        batches = _read_csv(file) if kind == "csv" else _read_json(file)
    except (ValueError, OSError, UnicodeDecodeError) as exc:
        fail(f"{file.name}: {exc}")
    try:
        with open_ledger() as session:
            results = ingest_batches(
                session, batches=batches, clock=SystemClock(), origin=f"file:{file.name}", progress=_progress
            )
    except LedgerError as exc:
        fail(f"{file.name}: {exc.detail}", code=1)
    jobs.wake()
    for key, result in sorted(results.items()):
        counts = result.counts()
        kind_ = " (derived)" if result.derived else ""
        typer.echo(
            f"{key}{kind_}: inserted {counts['inserted']}, revised {counts['revised']}, unchanged {counts['unchanged']}"
        )


def _progress(message: str) -> None:
    typer.echo(message, err=True)


def _read_csv(path: Path) -> list[Any]:
    from predictions.data.ingest import BatchIn, ObservationIn

    by_key: dict[str, list[ObservationIn]] = {}
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        header = [name.strip() for name in reader.fieldnames or []]
        missing = {"indicator", "period", "value"} - set(header)
        if missing:
            raise ValueError(
                f"the CSV header must name indicator,period,value[,as_of]; missing {', '.join(sorted(missing))}"
            )
        reader.fieldnames = header
        for record in reader:
            line = reader.line_num
            key = (record.get("indicator") or "").strip()
            if not key:
                raise ValueError(f"line {line}: the indicator is empty")
            by_key.setdefault(key, []).append(
                ObservationIn(
                    period=(record.get("period") or "").strip(),
                    value=_number(record.get("value")),
                    as_of=(record.get("as_of") or "").strip() or None,
                    row=line,
                )
            )
            if line % PROGRESS_EVERY == 0:
                _progress(f"read {line} lines")
    return [BatchIn(indicator=key, observations=rows) for key, rows in by_key.items()]


def _number(text: str | None) -> Any:
    """A float when the text is one; otherwise the text itself, so that the use case names the bad row."""
    raw = (text or "").strip()
    try:
        return float(raw)
    except ValueError:
        return raw


def _read_json(path: Path) -> list[Any]:
    from predictions.data.ingest import BatchIn, ObservationIn

    data = json.loads(path.read_text(encoding="utf-8"))
    items = data if isinstance(data, list) else [data]
    batches, row = [], 0
    for position, item in enumerate(items, start=1):
        if (
            not isinstance(item, dict)
            or not isinstance(item.get("indicator"), str)
            or not isinstance(item.get("observations"), list)
        ):
            raise ValueError(f'item {position} must look like {{"indicator": "key", "observations": [...]}}')
        rows = []
        for observation in item["observations"]:
            row += 1
            if not isinstance(observation, dict):
                raise ValueError(f"observation {row} is not an object with period, value and as_of")
            rows.append(
                ObservationIn(
                    period=observation.get("period"),
                    value=observation.get("value"),
                    as_of=observation.get("as_of"),
                    row=row,
                )
            )
        batches.append(BatchIn(indicator=item["indicator"], observations=rows))
    return batches
