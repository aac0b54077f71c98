"""A plain CSV file at a URL: a header with ``period`` (or ``date``) and ``value``, optionally ``as_of``."""

from __future__ import annotations

import csv
import io
import logging
from datetime import date, datetime

from forecasts.periods import Frequency, format_period, parse_period
from predictions.data.sources.base import Fetched
from predictions.data.sources.http import HttpPolicy, get
from predictions.ledger.errors import DataSourceError

logger = logging.getLogger(__name__)


class CsvUrlSource:
    """Any CSV URL in the long format ``period,value[,as_of]``."""

    name = "csv"

    def __init__(self, *, policy: HttpPolicy | None = None) -> None:
        self.policy = policy or HttpPolicy()

    def fetch(self, path: str, *, frequency: Frequency) -> list[Fetched]:
        """Every row of the CSV at ``path`` (empty values are skipped).

        A body that is not such a CSV is a ``DataSourceError`` that names the line, never its content (the error
        is shown publicly); the detail goes to the log. A field over the csv module's 128 KB limit is one.
        """
        what = f"csv:{path}"
        response = get(path, policy=self.policy, what=what)
        try:
            return _rows(csv.DictReader(io.StringIO(response.text)), frequency=frequency)
        except _NotCsv as exc:
            logger.warning("%s: not CSV: %s", what, exc.detail)
            raise DataSourceError(f"{what}: {exc}") from None
        except csv.Error as exc:
            logger.warning("%s: not CSV: %s", what, exc)
            raise DataSourceError(f"{what}: not CSV (unreadable)") from None


class _NotCsv(Exception):
    """What a person may read (``str``) and what the log gets (``detail``)."""

    def __init__(self, public: str, detail: str) -> None:
        super().__init__(public)
        self.detail = detail


def _rows(reader: csv.DictReader[str], *, frequency: Frequency) -> list[Fetched]:
    columns = {c.strip().lower(): c for c in reader.fieldnames or []}
    period_column = columns.get("period") or columns.get("date")
    if period_column is None or "value" not in columns:
        public = "not CSV: the header needs 'period' (or 'date') and 'value'"
        raise _NotCsv(public, public)
    found = []
    for line, row in enumerate(reader, start=2):
        raw = (row.get(columns["value"]) or "").strip()
        if not raw:
            continue
        try:
            period = str(row[period_column]).strip()
            start = date.fromisoformat(period) if len(period) == 10 else parse_period(period, frequency)
            as_of_text = (row.get(columns["as_of"]) or "").strip() if "as_of" in columns else ""
            found.append(
                Fetched(
                    period=format_period(start, frequency),
                    value=float(raw),
                    as_of=datetime.fromisoformat(as_of_text) if as_of_text else None,
                )
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise _NotCsv(f"malformed CSV at line {line}", f"line {line}: {exc}") from None
    return found
