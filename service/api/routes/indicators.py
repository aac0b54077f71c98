"""Indicators and their observations (read side)."""

from __future__ import annotations

from datetime import UTC

from fastapi import APIRouter, Query

from predictions.data import catalog
from predictions.ledger.errors import InvalidPayload
from predictions.ledger.schemas import IndicatorRead, ObservationRead, StrictDateTime
from service.api.deps import SessionDep
from service.api.pagination import Offset, Page, PageDep

router = APIRouter(prefix="/indicators", tags=["indicators"])


@router.get("")
def list_indicators(session: SessionDep, page: PageDep) -> Page[IndicatorRead]:
    """Indicators by key, each with a summary of its data."""
    items, total = catalog.list_indicators(session, limit=page.limit, offset=page.offset)
    return Page(items=items, total=total, limit=page.limit, offset=page.offset)


@router.get("/{key}")
def get_indicator(key: str, session: SessionDep) -> IndicatorRead:
    """One indicator."""
    return catalog.get_indicator(session, key=key)


@router.get("/{key}/observations")
def list_observations(
    key: str,
    session: SessionDep,
    as_of: StrictDateTime | None = Query(
        None, description="Answer with what was known at this time (ISO 8601; UTC if no zone)."
    ),
    limit: int = Query(1000, ge=1, le=100_000, description="How many periods, 1 to 100000."),
    offset: Offset = 0,
) -> Page[ObservationRead]:
    """The indicator's values in period order, each period's latest vintage known at ``as_of``."""
    if as_of is not None:
        try:  # a time without a zone is read as UTC
            as_of = as_of.replace(tzinfo=UTC) if as_of.tzinfo is None else as_of.astimezone(UTC)
        except OverflowError:
            raise InvalidPayload(f"as_of {as_of.isoformat()} lies outside the calendar once converted to UTC") from None
    items, total = catalog.list_observations(session, key=key, as_of=as_of, limit=limit, offset=offset)
    return Page(items=items, total=total, limit=limit, offset=offset)
