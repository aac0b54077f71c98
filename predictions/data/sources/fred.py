"""FRED and ALFRED (St. Louis Fed): US series with every past vintage.

``GET {base}/series/observations?series_id=S&api_key=K&file_type=json&realtime_start=1776-07-04&
realtime_end=9999-12-31`` answers every vintage: each row carries ``realtime_start``, the day that value became
known, which becomes the observation's ``as_of``; so a revision published in 2024 is recorded as known in 2024,
and backtests "as of" a past day see what FRED showed then. Missing values are ``"."``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from forecasts.periods import Frequency, format_period
from predictions.data.sources.base import Fetched
from predictions.data.sources.http import HttpPolicy, get, malformed
from predictions.ledger.errors import DataSourceError

DEFAULT_URL = "https://api.stlouisfed.org/fred"
ALL_VINTAGES = {"realtime_start": "1776-07-04", "realtime_end": "9999-12-31"}


class FredSource:
    """FRED's observations endpoint with ALFRED real-time periods (all vintages)."""

    name = "fred"

    def __init__(self, *, api_key: str | None, base_url: str = DEFAULT_URL, policy: HttpPolicy | None = None) -> None:
        self.api_key = api_key
        self.base_url = base_url.rstrip("/")
        self.policy = policy or HttpPolicy()

    def fetch(self, path: str, *, frequency: Frequency) -> list[Fetched]:
        """Every vintage of every observation of the series ``path`` (e.g. ``M2SL``)."""
        what = f"fred:{path}"
        if not self.api_key:
            raise DataSourceError(f"{what}: FRED needs an API key; set PREDTRACK_FRED_API_KEY")
        params = {"series_id": path, "api_key": self.api_key, "file_type": "json", **ALL_VINTAGES}
        response = get(f"{self.base_url}/series/observations", params=params, policy=self.policy, what=what)
        try:
            rows = response.json()["observations"]
            found = []
            for row in rows:
                if row["value"] in (".", "", None):
                    continue
                known = date.fromisoformat(row["realtime_start"])
                found.append(
                    Fetched(
                        period=format_period(date.fromisoformat(row["date"]), frequency),
                        value=float(row["value"]),
                        as_of=datetime(known.year, known.month, known.day, tzinfo=UTC),
                    )
                )
            return found
        except (ValueError, KeyError, TypeError, RecursionError) as exc:  # RecursionError: JSON nested too deep
            raise malformed(what, exc) from None
