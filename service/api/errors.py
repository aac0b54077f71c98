"""One place that maps domain errors to HTTP answers with a ``detail`` a person can act on."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy.exc import IntegrityError

from forecasts.errors import ForecastError, PeriodError, SeriesError
from predictions.errors import LedgerError

logger = logging.getLogger(__name__)


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers on ``app``."""

    @app.exception_handler(LedgerError)
    async def _ledger(_request: Request, exc: LedgerError) -> JSONResponse:
        return JSONResponse(status_code=exc.status_code, content={"detail": exc.detail})

    @app.exception_handler(PeriodError)
    async def _period(_request: Request, exc: PeriodError) -> JSONResponse:
        return JSONResponse(status_code=400, content={"detail": str(exc)})

    @app.exception_handler(SeriesError)
    async def _series(_request: Request, exc: SeriesError) -> JSONResponse:
        return JSONResponse(status_code=409, content={"detail": str(exc)})

    @app.exception_handler(ForecastError)
    async def _forecast(_request: Request, exc: ForecastError) -> JSONResponse:
        return JSONResponse(status_code=400, content={"detail": str(exc)})

    @app.exception_handler(IntegrityError)
    async def _integrity(_request: Request, exc: IntegrityError) -> JSONResponse:
        logger.info("integrity error: %s", exc.orig)
        return JSONResponse(
            status_code=409,
            content={"detail": "the request conflicts with stored data (a duplicate or a missing reference)"},
        )
