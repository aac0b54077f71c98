"""GET /export/claims.json and /export/claims.csv: every claim with its resolution, checks and history, streamed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import StreamingResponse

from predictions.export import claim_items, csv_chunks, json_chunks
from service.api.deps import app_session
from service.api.limits import costly_read

router = APIRouter(prefix="/export", tags=["export"], dependencies=[Depends(costly_read)])


def _stream(request: Request, chunks: Callable[[Iterator[dict[str, Any]]], Iterator[str]]) -> Iterator[str]:
    # The request's own session is closed before a streamed body is sent: the stream reads with its own.
    with app_session(request.app) as session:
        yield from chunks(claim_items(session))


@router.get(
    "/claims.json",
    response_class=StreamingResponse,
    responses={200: {"content": {"application/json": {"schema": {"type": "object"}}}}},
)
def export_json(request: Request) -> StreamingResponse:
    """Every claim with its resolution, checks and full probability history (`predtrack claims import` reads it)."""
    return StreamingResponse(_stream(request, json_chunks), media_type="application/json")


@router.get(
    "/claims.csv",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}}}},
)
def export_csv(request: Request) -> StreamingResponse:
    """One row per claim; checks and history as JSON cells."""
    return StreamingResponse(
        _stream(request, csv_chunks),
        media_type="text/csv",
        headers={"Content-Disposition": 'attachment; filename="claims.csv"'},
    )
