"""Queries over observations: what was known about an indicator at a given time."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

import numpy as np
import sqlalchemy as sa
from sqlmodel import Session, col, select

from forecasts.periods import periods_between, shift
from forecasts.types import Series
from predictions.ledger.tables import Indicator, Observation


def observations_as_of(
    session: Session, *, indicator_id: int, as_of: datetime | None = None, since: date | None = None
) -> list[Observation]:
    """The latest vintage of every period known at ``as_of`` (default: now), from period ``since`` on, in order."""
    latest = select(Observation.period, sa.func.max(Observation.as_of).label("as_of")).where(
        Observation.indicator_id == indicator_id
    )
    if since is not None:
        latest = latest.where(col(Observation.period_start) >= since)
    if as_of is not None:
        latest = latest.where(col(Observation.as_of) <= as_of)
    latest_sq = latest.group_by(col(Observation.period)).subquery()
    query = (
        select(Observation)
        .join(
            latest_sq,
            sa.and_(col(Observation.period) == latest_sq.c.period, col(Observation.as_of) == latest_sq.c.as_of),
        )
        .where(Observation.indicator_id == indicator_id)
        .order_by(col(Observation.period_start))
    )
    return list(session.exec(query).all())


def data_as_of(session: Session, *, indicator_id: int, as_of: datetime | None = None) -> datetime | None:
    """When the newest value known at ``as_of`` became known, or None if nothing was."""
    query = select(sa.func.max(Observation.as_of)).where(Observation.indicator_id == indicator_id)
    if as_of is not None:
        query = query.where(col(Observation.as_of) <= as_of)
    result: datetime | None = session.exec(query).one()  # type: ignore[call-overload]
    if result is not None and result.tzinfo is None:
        # Aggregates bypass the column type on SQLite; the stored wall time is UTC.
        from datetime import UTC

        result = result.replace(tzinfo=UTC)
    return result


def observations_by_ids(session: Session, *, ids: Sequence[int]) -> list[Observation]:
    """These observation rows (vintages), in period order; rows that do not exist are simply absent."""
    if not ids:
        return []
    query = select(Observation).where(col(Observation.id).in_(sorted(set(ids))))
    return list(session.exec(query.order_by(col(Observation.period_start), col(Observation.as_of))).all())


def load_series(session: Session, *, indicator: Indicator, as_of: datetime | None = None) -> Series | None:
    """The indicator as a regular Series known at ``as_of`` (gaps are NaN), or None when it has no data."""
    rows = observations_as_of(session, indicator_id=indicator.id, as_of=as_of)  # type: ignore[arg-type]
    return series_of(rows, indicator=indicator)


def series_of(rows: Sequence[Observation], *, indicator: Indicator) -> Series | None:
    """A regular Series from one vintage per period (in period order; gaps are NaN), or None without rows."""
    if not rows:
        return None
    first = rows[0].period_start
    values = np.full(periods_between(first, rows[-1].period_start, indicator.frequency) + 1, np.nan)
    for row in rows:
        values[periods_between(first, row.period_start, indicator.frequency)] = row.value
    assert shift(first, len(values) - 1, indicator.frequency) == rows[-1].period_start
    return Series(values=values, freq=indicator.frequency, start=first, name=indicator.key)


def vintage_times(session: Session, *, indicator_id: int, after: datetime, until: datetime) -> list[datetime]:
    """The distinct moments new values of the indicator became known, in ``(after, until]``, oldest first."""
    query = (
        select(Observation.as_of)
        .where(Observation.indicator_id == indicator_id)
        .where(col(Observation.as_of) > after, col(Observation.as_of) <= until)
        .distinct()
        .order_by(col(Observation.as_of))
    )
    return list(session.exec(query).all())


def vintages_until(session: Session, *, indicator_id: int, until: datetime) -> list[Observation]:
    """Every vintage of the indicator known at ``until``, in the order they became known."""
    query = (
        select(Observation)
        .where(Observation.indicator_id == indicator_id, col(Observation.as_of) <= until)
        .order_by(col(Observation.as_of), col(Observation.period_start))
    )
    return list(session.exec(query).all())
