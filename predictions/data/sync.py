"""Pull new data from an indicator's own source into the ledger, through the ordinary ingestion use case.

``sync_indicator`` fetches first and writes after, so a slow source holds no database lock. New values are
inserted, changed ones become revisions (with the source's vintage dates when it has them: FRED/ALFRED),
derived indicators and figure checks are recomputed and the outbox asks for a re-score, all as for any other
ingestion. A failure (timeout, 429, malformed body, a period that does not fit) is recorded on the indicator
(``last_fetch_error`` and when) and returned, never raised: one failing source never blocks the others. Each call
flushes; the caller commits once per indicator.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session

from predictions.data import repo_catalog as catalog
from predictions.data.ingest import BatchIn, ObservationIn, ingest_batches
from predictions.data.sources.base import DataSource, Fetched, chosen_host, host_allowed, parse_source_ref
from predictions.ledger.clock import Clock
from predictions.ledger.errors import DataSourceError, InvalidInput, LedgerError, NotFound

logger = logging.getLogger(__name__)


@dataclass
class SyncResult:
    """What one indicator's sync did."""

    key: str
    source: str
    ok: bool = True
    fetched: int = 0
    inserted: int = 0
    revised: int = 0
    unchanged: int = 0
    error: str | None = None
    vintages: list[str] = field(default_factory=list)

    def describe(self) -> str:
        """One line for a person."""
        if not self.ok:
            return f"{self.key} ({self.source}): FAILED: {self.error}"
        return (
            f"{self.key} ({self.source}): {self.fetched} fetched, {self.inserted} new, {self.revised} revised, "
            f"{self.unchanged} unchanged"
        )


def syncable_indicators(session: Session) -> list[str]:
    """Keys of the indicators whose ``source`` names a fetchable source, in key order."""
    rows = catalog.indicators_with_source(session)
    return [i.key for i in rows if parse_source_ref(i.source) is not None and not i.formula]


def sync_indicator(
    session: Session,
    *,
    key: str,
    sources: Mapping[str, DataSource],
    clock: Clock,
    allowed_hosts: Collection[str],
) -> SyncResult:
    """Fetch ``key``'s data from its source and ingest it; failures are recorded and returned.

    A ``csv:`` source is fetched only from ``allowed_hosts`` (PREDTRACK_SOURCE_HOSTS) or when an admin set it; the
    fetcher itself refuses private addresses whoever set the source.
    """
    indicator = catalog.indicator_by_key(session, key=key)
    if indicator is None:
        raise NotFound(f"indicator {key!r} does not exist")
    ref = parse_source_ref(indicator.source)
    if ref is None or indicator.formula:
        raise InvalidInput(
            f"indicator {key!r} names no fetchable source (source: {indicator.source!r}); write "
            "dbnomics:PROVIDER/DATASET/SERIES, fred:SERIES or csv:URL"
        )
    result = SyncResult(key=key, source=ref.text)
    try:
        if not indicator.source_set_by_admin and not host_allowed(ref, allowed_hosts=allowed_hosts):
            logger.warning("sync %s: host %s is not in PREDTRACK_SOURCE_HOSTS", key, chosen_host(ref))
            raise DataSourceError(f"{ref.text}: refused: host not allowed (an admin must set this source)")
        client = sources.get(ref.scheme)
        if client is None:
            raise DataSourceError(f"{ref.text}: no client is configured for {ref.scheme!r}")
        fetched = client.fetch(ref.path, frequency=indicator.frequency)
        result.fetched = len(fetched)
        with session.begin_nested():  # a refused batch leaves nothing behind, and the error is still recorded
            _ingest(session, key=key, fetched=fetched, origin=ref.text, clock=clock, result=result)
    except LedgerError as exc:  # the source failed, or its data does not fit (a period, a conflict)
        record_fetch_error(session, key=key, error=exc.detail, clock=clock)
        result.ok, result.error = False, exc.detail
        return result
    indicator.last_fetched_at = clock.now()
    session.add(indicator)
    session.flush()
    logger.info("sync %s", result.describe())
    return result


def record_fetch_error(session: Session, *, key: str, error: str, clock: Clock) -> str:
    """Record ``error`` as ``key``'s last fetch error (shown publicly: a category, never a body); its source."""
    indicator = catalog.indicator_by_key(session, key=key)
    if indicator is None:
        raise NotFound(f"indicator {key!r} does not exist")
    indicator.last_fetch_error = error
    indicator.last_fetch_error_at = clock.now()
    session.add(indicator)
    session.flush()
    logger.warning("sync %s from %s failed: %s", key, indicator.source, error)
    return indicator.source or ""


def _ingest(
    session: Session, *, key: str, fetched: list[Fetched], origin: str, clock: Clock, result: SyncResult
) -> None:
    """Ingest vintage by vintage, oldest first (one value per period per batch, as ingestion requires)."""
    by_vintage: dict[datetime | None, list[ObservationIn]] = defaultdict(list)
    for row in fetched:
        by_vintage[row.as_of].append(ObservationIn(period=row.period, value=row.value, as_of=row.as_of))
    dated = sorted(v for v in by_vintage if v is not None)
    order: list[datetime | None] = [*dated, None] if None in by_vintage else list(dated)
    for vintage in order:
        answer = ingest_batches(session, batches=[BatchIn(key, by_vintage[vintage])], clock=clock, origin=origin)
        counts = answer[key]
        result.inserted += counts.inserted
        result.revised += counts.revised
        result.unchanged += counts.unchanged
        if vintage is not None and counts.changed:
            result.vintages.append(vintage.date().isoformat())
