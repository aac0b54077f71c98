"""Sources: the documents that make predictions."""

from __future__ import annotations

from fastapi import APIRouter

from predictions.data import catalog, figures
from predictions.ledger.schemas import FigureCheckCreate, FigureCheckRead, SourceChecksRead, SourceCreate, SourceRead
from service.api.auth import ResearcherDep
from service.api.deps import ClockDep, SessionDep
from service.api.pagination import Page, PageDep, SourceId

router = APIRouter(prefix="/sources", tags=["sources"])


@router.get("")
def list_sources(session: SessionDep, page: PageDep) -> Page[SourceRead]:
    """Sources, newest first (without their full text)."""
    items, total = catalog.list_sources(session, limit=page.limit, offset=page.offset)
    return Page(items=items, total=total, limit=page.limit, offset=page.offset)


@router.post("", status_code=201)
def create_source(data: SourceCreate, session: SessionDep, clock: ClockDep, _key: ResearcherDep) -> SourceRead:
    """Add a source document (researcher)."""
    return catalog.create_source(session, data=data, clock=clock)


@router.get("/{source_id}")
def get_source(source_id: SourceId, session: SessionDep) -> SourceRead:
    """One source with its full text."""
    return catalog.get_source(session, source_id=source_id)


@router.get("/{source_id}/checks")
def source_checks(source_id: SourceId, session: SessionDep) -> SourceChecksRead:
    """The source's own figures against the official series, with a summary ("2 of 2 ... differ")."""
    return figures.source_checks(session, source_id=source_id)


@router.post("/{source_id}/checks", status_code=201)
def create_source_check(
    source_id: SourceId, data: FigureCheckCreate, session: SessionDep, clock: ClockDep, _key: ResearcherDep
) -> FigureCheckRead:
    """Check one of the source's figures against an official series (researcher); computed at once."""
    return figures.create_figure_check(session, source_id=source_id, data=data, clock=clock)
