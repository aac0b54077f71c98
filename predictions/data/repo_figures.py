"""Queries for figure checks."""

from __future__ import annotations

from collections.abc import Collection

from sqlmodel import Session, col, or_, select

from predictions.ledger.tables import FigureCheck


def checks_of_source(session: Session, *, source_id: int) -> list[FigureCheck]:
    """A source's figure checks, in a stable order."""
    query = select(FigureCheck).where(FigureCheck.source_id == source_id).order_by(col(FigureCheck.id))
    return list(session.exec(query).all())


def checks_reading(session: Session, *, indicator_ids: Collection[int]) -> list[FigureCheck]:
    """Every check whose reported or official series is one of ``indicator_ids``."""
    if not indicator_ids:
        return []
    query = select(FigureCheck).where(
        or_(
            col(FigureCheck.reported_indicator_id).in_(indicator_ids),
            col(FigureCheck.official_indicator_id).in_(indicator_ids),
        )
    )
    return list(session.exec(query.order_by(col(FigureCheck.id))).all())


def find_check(session: Session, *, reported_id: int, period: str, official_id: int) -> FigureCheck | None:
    """The check of one reported figure against one official series, if it exists."""
    query = select(FigureCheck).where(
        FigureCheck.reported_indicator_id == reported_id,
        FigureCheck.period == period,
        FigureCheck.official_indicator_id == official_id,
    )
    return session.exec(query).first()
