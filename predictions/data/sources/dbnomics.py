"""DBnomics (https://db.nomics.world): central-bank, IMF, OECD and national series through one REST API.

``GET {base}/series/{provider}/{dataset}/{series}?observations=1&format=json`` answers
``{"series": {"docs": [{"period": [...], "period_start_day": [...], "value": [...]}]}}``; missing values are
``"NA"``. DBnomics keeps no vintages, so values come without ``as_of`` and are recorded as known when fetched; a
changed value becomes a revision in the ledger.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from forecasts.periods import Frequency, format_period
from predictions.data.sources.base import Fetched
from predictions.data.sources.http import HttpPolicy, get, malformed
from predictions.ledger.errors import DataSourceError

DEFAULT_URL = "https://api.db.nomics.world/v22"


class DBnomicsSource:
    """The DBnomics REST API (v22)."""

    name = "dbnomics"

    def __init__(self, *, base_url: str = DEFAULT_URL, policy: HttpPolicy | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.policy = policy or HttpPolicy()

    def fetch(self, path: str, *, frequency: Frequency) -> list[Fetched]:
        """Every observation of the series ``PROVIDER/DATASET/SERIES``."""
        parts = path.strip("/").split("/")
        if len(parts) != 3 or not all(parts):
            raise DataSourceError(f"dbnomics:{path}: write the series as dbnomics:PROVIDER/DATASET/SERIES")
        what = f"dbnomics:{path}"
        response = get(
            f"{self.base_url}/series/{path.strip('/')}",
            params={"observations": "1", "format": "json"},
            policy=self.policy,
            what=what,
        )
        try:
            docs = response.json()["series"]["docs"]
            if not docs:
                raise DataSourceError(f"{what}: DBnomics has no such series")
            return _observations(docs[0], frequency=frequency)
        except DataSourceError:
            raise
        except (
            ValueError,
            KeyError,
            TypeError,
            IndexError,
            RecursionError,
        ) as exc:  # RecursionError: JSON nested too deep
            raise malformed(what, exc) from None


def _observations(doc: dict[str, Any], *, frequency: Frequency) -> list[Fetched]:
    periods, values = doc["period"], doc["value"]
    starts = doc.get("period_start_day") or [None] * len(periods)
    if not (len(periods) == len(values) == len(starts)):
        raise ValueError("period, period_start_day and value differ in length")
    found = []
    for period, start, value in zip(periods, starts, values, strict=True):
        if value is None or value == "NA":
            continue
        text = format_period(date.fromisoformat(start), frequency) if start else str(period)
        found.append(Fetched(period=text, value=float(value)))
    return found
