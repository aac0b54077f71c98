"""Queries for writing observations in bulk: locks, stored vintages of a batch's periods, bulk inserts."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from predictions.ledger.tables import Indicator, Observation, RescoreRequest

# The first key of PostgreSQL's two-key advisory locks that guard writes to one indicator's observations
# (the second key is the indicator id); other locks in predtrack use other namespaces.
INDICATOR_WRITE_LOCK_NAMESPACE = 4_101


@dataclass(frozen=True)
class Vintage:
    """One stored value of one period, and when it became known."""

    value: float
    as_of: datetime


def derived_indicators(session: Session) -> list[Indicator]:
    """Every indicator computed by a formula."""
    return list(session.exec(select(Indicator).where(col(Indicator.formula).is_not(None))).all())


def lock_indicators_for_write(session: Session, *, indicator_ids: Iterable[int]) -> None:
    """Serialise writers of these indicators until the transaction ends.

    PostgreSQL takes one advisory transaction lock per indicator, in id order so that two writers cannot
    deadlock. SQLite has one writer at a time anyway: a no-op UPDATE takes the database's write lock now
    (waiting up to the busy timeout), before the batch reads what is stored, so that no other writer can
    commit between that read and this batch's inserts.
    """
    ids = sorted(set(indicator_ids))
    if not ids:
        return
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        for indicator_id in ids:
            session.execute(
                sa.text("SELECT pg_advisory_xact_lock(:namespace, :id)"),
                {"namespace": INDICATOR_WRITE_LOCK_NAMESPACE, "id": indicator_id},
            )
    else:
        session.execute(
            sa.update(Indicator).where(col(Indicator.id) == ids[0]).values(key=Indicator.key)  # type: ignore[arg-type]
        )


def stored_vintages(
    session: Session, *, indicator_id: int, period_starts: Collection[date]
) -> dict[date, list[Vintage]]:
    """Every stored vintage of these periods, oldest first, in one query over the batch's date range."""
    if not period_starts:
        return {}
    table = Observation.__table__  # type: ignore[attr-defined]
    query = (
        sa.select(table.c.period_start, table.c.value, table.c.as_of)
        .where(
            table.c.indicator_id == indicator_id,
            table.c.period_start >= min(period_starts),
            table.c.period_start <= max(period_starts),
        )
        .order_by(table.c.period_start, table.c.as_of)
    )
    wanted = set(period_starts)
    vintages: dict[date, list[Vintage]] = defaultdict(list)
    for period_start, value, as_of in session.execute(query):
        if period_start in wanted:
            vintages[period_start].append(Vintage(value=value, as_of=as_of))
    return vintages


def latest_values(session: Session, *, indicator_id: int, period_starts: Collection[date]) -> dict[date, Vintage]:
    """The newest stored vintage of each of these periods that has one."""
    return {
        start: rows[-1]
        for start, rows in stored_vintages(session, indicator_id=indicator_id, period_starts=period_starts).items()
        if rows
    }


def all_period_starts(session: Session, *, indicator_ids: Collection[int]) -> set[date]:
    """Every period that any of these indicators has a value for."""
    if not indicator_ids:
        return set()
    query = sa.select(col(Observation.period_start)).where(col(Observation.indicator_id).in_(sorted(indicator_ids)))
    return set(session.execute(query.distinct()).scalars())


# The observation table as a bare Core target: untyped columns, so that an executemany of 100,000 rows does
# not run SQLAlchemy's per-value bind processing; insert_observations converts the few typed values itself.
_BULK_COLUMNS = ("indicator_id", "period", "period_start", "value", "as_of", "recorded_at", "origin")
_BULK_TARGET = sa.table("observation", *(sa.column(name) for name in _BULK_COLUMNS))
_CONVERTED = ("period_start", "as_of", "recorded_at")


def insert_observations(session: Session, *, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert many observation rows at once: COPY on PostgreSQL, one Core executemany elsewhere.

    Dates and timestamps go through the real column types' bind processors (so SQLite stores exactly what
    the ORM would), memoised per distinct value: a batch has one or a few ``as_of`` values.
    """
    if not rows:
        return
    dialect = session.get_bind().dialect
    if dialect.name == "postgresql":
        _copy_observations(session, rows)
        return
    table = Observation.__table__  # type: ignore[attr-defined]
    converters = {}
    for name in _CONVERTED:
        processor = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        if processor is not None:
            converters[name] = functools.lru_cache(maxsize=1024)(processor)
    prepared = [{**row, **{name: convert(row[name]) for name, convert in converters.items()}} for row in rows]
    session.execute(sa.insert(_BULK_TARGET), prepared)


def _copy_observations(session: Session, rows: Sequence[Mapping[str, Any]]) -> None:
    """PostgreSQL's bulk path: COPY ... FROM STDIN on the session's own connection (same transaction)."""
    cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    columns = ", ".join(_BULK_COLUMNS)
    with cursor.copy(f"COPY observation ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(tuple(row[name] for name in _BULK_COLUMNS))


def add_rescore_requests(session: Session, *, requests: Sequence[RescoreRequest]) -> None:
    """Queue work for the re-scoring worker in the caller's transaction (the outbox)."""
    session.add_all(requests)
    session.flush()
