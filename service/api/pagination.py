"""The list shape every list endpoint answers: ``{"items", "total", "limit", "offset"}``."""

from __future__ import annotations

from typing import Annotated, Generic, TypeVar

from fastapi import Depends, Path, Query
from pydantic import BaseModel

from predictions.ledger.schemas import MAX_ID

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a list."""

    items: list[T]
    total: int
    limit: int
    offset: int


class PageParams(BaseModel):
    """Validated ``limit`` and ``offset`` query parameters."""

    limit: int
    offset: int


DEFAULT_LIMIT = 50  # items a page when the request does not say


async def page_params(
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=1000, description="How many items, 1 to 1000."),
    offset: int = Query(0, ge=0, le=MAX_ID, description="How many items to skip."),
) -> PageParams:
    """Parse ``limit`` and ``offset`` (async: it does no I/O, and a sync dependency costs a thread-pool hop)."""
    return PageParams(limit=limit, offset=offset)


PageDep = Annotated[PageParams, Depends(page_params)]

# Path and query ids: 64-bit like the database's, so that a huge number is a 422 and not a driver error.
ClaimId = Annotated[int, Path(ge=1, le=MAX_ID, description="The claim's id.")]
SourceId = Annotated[int, Path(ge=1, le=MAX_ID, description="The source's id.")]
SnapshotId = Annotated[int, Path(ge=1, le=MAX_ID, description="The snapshot's id.")]
Offset = Annotated[int, Query(ge=0, le=MAX_ID, description="How many items to skip.")]
