"""Time, injected: use cases take a Clock so that tests decide what "now" is."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Protocol


class Clock(Protocol):
    """Tells the current UTC time."""

    def now(self) -> datetime:
        """Now, UTC-aware."""
        ...


class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        """Now, UTC-aware."""
        return datetime.now(UTC)


@dataclass
class FixedClock:
    """A clock that says what it is told (for tests and for recomputing the past)."""

    at: datetime

    def now(self) -> datetime:
        """The fixed time."""
        return self.at

    def today(self) -> date:
        """The fixed date."""
        return self.at.date()
