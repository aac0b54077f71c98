"""GET /export/claims.json and /export/claims.csv: every claim with its resolution, checks and history, streamed."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from fastapi import APIRouter, Depends, Request
from fastapi.responses import StreamingResponse
from sqlmodel import Session

from predictions.transfer.export import csv_export, json_export
from service.api.deps import app_session
from service.api.limits import costly_read

router = APIRouter(prefix="/export", tags=["export"], dependencies=[Depends(costly_read)])


def _stream(request: Request, chunks: Callable[[Session], Iterator[str]]) -> Iterator[str]:
    # The request's own session is closed before a streamed body is sent: the stream reads with its own.
    with app_session(request.app) as session:
        yield from chunks(session)


@router.get(
    "/claims.json",
    response_class=StreamingResponse,
    responses={200: {"content": {"application/json": {"schema": {"type": "object"}}}}},
)
def export_json(request: Request) -> StreamingResponse:
    """Every source, and every claim with its resolutions, checks, human forecasts, audit trail and full probability
    history (`predtrack claims import` reads it back into another ledger)."""
    return StreamingResponse(_stream(request, json_export), media_type="application/json")


@router.get(
    "/claims.csv",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}}}},
)
def export_csv(request: Request) -> StreamingResponse:
    """One row per claim; checks and history as JSON cells."""
    return StreamingResponse(
        _stream(request, csv_export),
        media_type="text/csv",
        headers={"Content-Disposition": 'attachment; filename="claims.csv"'},
    )
