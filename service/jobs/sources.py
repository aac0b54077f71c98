"""Sync the indicators that name a data source: the scheduled job and the ``predtrack sources sync`` command.

Each indicator is one unit of work (its own ``session_scope``, one commit), so that one failing source never
blocks the others and a long sync holds no lock between sources. The re-scores follow through the outbox.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Collection

from sqlalchemy.engine import Engine

from predictions.data.sources import CsvUrlSource, DataSource, DBnomicsSource, FredSource, HttpPolicy
from predictions.data.sync import SyncResult, record_fetch_error, sync_indicator, syncable_indicators
from predictions.ledger.clock import Clock
from predictions.ledger.errors import LedgerError
from service.db import session_scope
from service.settings import Settings

logger = logging.getLogger(__name__)

UNEXPECTED = "sync failed (unexpected error; see the server log)"


def build_sources(settings: Settings, *, sleep: Callable[[float], None] = time.sleep) -> dict[str, DataSource]:
    """The configured clients, by the scheme an indicator's source starts with."""
    policy = HttpPolicy(
        timeout=settings.source_timeout_seconds,
        retries=settings.source_retries,
        backoff=settings.source_backoff_seconds,
        sleep=sleep,
        deadline=settings.source_deadline_seconds,
        max_bytes=int(settings.source_max_mb * 1024 * 1024),
        test_addresses=settings.test_source_address_set,
    )
    return {
        "dbnomics": DBnomicsSource(base_url=settings.dbnomics_url, policy=policy),
        "fred": FredSource(api_key=settings.fred_api_key, base_url=settings.fred_url, policy=policy),
        "csv": CsvUrlSource(policy=policy),
    }


def sync_sources(
    engine: Engine,
    *,
    clock: Clock,
    sources: dict[str, DataSource],
    allowed_hosts: Collection[str],
    keys: list[str] | None = None,
    progress: Callable[[int, int, SyncResult], None] | None = None,
) -> list[SyncResult]:
    """Sync ``keys`` (default: every indicator that names a fetchable source), one transaction each.

    ``sync_indicator`` records what it expects to go wrong; anything else that one indicator raises is logged and
    recorded on it here too, and the next indicator still syncs.
    """
    if keys is None:
        with session_scope(engine) as session:
            keys = syncable_indicators(session)
    results = []
    for done, key in enumerate(keys, start=1):
        try:
            with session_scope(engine) as session:
                result = sync_indicator(session, key=key, sources=sources, clock=clock, allowed_hosts=allowed_hosts)
        except LedgerError:
            raise  # a key that does not exist or names no source: the caller's mistake, said at once
        except Exception:
            logger.exception("sync %s failed unexpectedly", key)
            result = _unexpected(engine, key=key, clock=clock)
        results.append(result)
        if progress is not None:
            progress(done, len(keys), result)
    failed = sum(1 for r in results if not r.ok)
    logger.info("sources sync: %s indicator(s), %s failed", len(results), failed)
    return results


def _unexpected(engine: Engine, *, key: str, clock: Clock) -> SyncResult:
    """Record a failure that ``sync_indicator`` did not expect (the detail is in the log, not in public)."""
    with session_scope(engine) as session:
        source = record_fetch_error(session, key=key, error=UNEXPECTED, clock=clock)
    return SyncResult(key=key, source=source, ok=False, error=UNEXPECTED)
