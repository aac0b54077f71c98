"""Queries of the ledger export and import: a batch of claims' rows, sources, and observations by identity."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from datetime import date, datetime
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlmodel import Session, col, select

from predictions.ledger.tables import (
    Claim,
    ClaimCheck,
    ClaimEvent,
    HumanForecast,
    Indicator,
    Observation,
    ProbabilitySnapshot,
    Resolution,
    Source,
)

_Row = TypeVar("_Row", ClaimCheck, ClaimEvent, HumanForecast, Resolution, ProbabilitySnapshot)

# A claim as the import recognises it in a ledger that already has it.
Fingerprint = tuple[str, str, str, date, date]


def rows_by_claim(session: Session, table: type[_Row], *, claim_ids: Collection[int]) -> dict[int, list[_Row]]:
    """Every row of ``table`` for these claims, in the order they were written (by id)."""
    found: dict[int, list[_Row]] = defaultdict(list)
    if claim_ids:
        query = select(table).where(col(table.claim_id).in_(sorted(claim_ids))).order_by(col(table.id))
        for row in session.exec(query):
            found[row.claim_id].append(row)
    return found


def sources_after(session: Session, *, after_id: int, limit: int) -> list[Source]:
    """Up to ``limit`` sources with ids above ``after_id``, by id."""
    return list(session.exec(select(Source).where(col(Source.id) > after_id).order_by(col(Source.id)).limit(limit)))


def observation_refs(session: Session, *, ids: Iterable[int]) -> dict[int, tuple[str, str, datetime]]:
    """``id -> (indicator key, period, as_of)`` for these observations."""
    wanted = sorted(set(ids))
    found: dict[int, tuple[str, str, datetime]] = {}
    for first in range(0, len(wanted), 1000):
        query = (
            select(Observation.id, Indicator.key, Observation.period, Observation.as_of)
            .join(Indicator, col(Indicator.id) == col(Observation.indicator_id))
            .where(col(Observation.id).in_(wanted[first : first + 1000]))
        )
        for obs_id, key, period, as_of in session.exec(query):
            found[int(obs_id)] = (key, period, as_of)  # type: ignore[arg-type]
    return found


def observation_ids_by_ref(session: Session, *, refs: Collection[tuple[str, str, datetime]]) -> dict[Any, int]:
    """``(indicator key, period, as_of) -> id`` for the observations of this ledger that match ``refs``."""
    found: dict[Any, int] = {}
    by_key: dict[str, set[str]] = defaultdict(set)
    for key, period, _ in refs:
        by_key[key].add(period)
    wanted = set(refs)
    for key, periods in by_key.items():
        query = (
            select(Observation.id, Observation.period, Observation.as_of)
            .join(Indicator, col(Indicator.id) == col(Observation.indicator_id))
            .where(Indicator.key == key, col(Observation.period).in_(sorted(periods)))
        )
        for obs_id, period, as_of in session.exec(query):
            if (key, period, as_of) in wanted:
                found[(key, period, as_of)] = int(obs_id)  # type: ignore[arg-type]
    return found


def claim_fingerprints(session: Session) -> list[Fingerprint]:
    """Statement, quote, author, made_on and deadline of every claim in the ledger."""
    query = sa.select(Claim.statement, Claim.quote, Claim.author, Claim.made_on, Claim.deadline)  # type: ignore[call-overload]
    return [tuple(row) for row in session.execute(query)]


def matching_source(session: Session, *, title: str, url: str | None, published_on: date | None) -> Source | None:
    """A source of this ledger with the same title, URL and publication date."""
    query = select(Source).where(
        Source.title == title,
        col(Source.url).is_(None) if url is None else Source.url == url,
        col(Source.published_on).is_(None) if published_on is None else Source.published_on == published_on,
    )
    return session.exec(query.order_by(col(Source.id)).limit(1)).first()
