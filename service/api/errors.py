"""One place that maps errors to HTTP answers: always JSON with a ``detail`` a person can act on.

The error model (README, "Errors"):
- 422: the request does not fit the documented schema (a missing or unknown field, a wrong type or format, a
  string too long or blank, a number out of range). ``detail`` lists each problem with its location.
- 400: the request fits the schema but the ledger refuses it (a period that the indicator's frequency cannot
  have, a rule window past the horizon cap, a formula on unknown indicators).
- 401 no or bad key, 403 role too small, 404 unknown id or key, 405 wrong method (with ``Allow``), 409 conflict
  with what is stored, 413 body too large, 429 too many costly reads (with ``Retry-After``).
- 500 is a bug: the answer says so without a stack trace or SQL; the log has the details. A client that goes away
  before its body arrives is no bug: logged at INFO, answered 400 (nobody reads it).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, IntegrityError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect

from forecasts.errors import ForecastError, PeriodError, SeriesError
from predictions.ledger.errors import LedgerError
from service.api.limits import allowed_methods

logger = logging.getLogger(__name__)

MAX_PROBLEMS = 20


def validation_detail(errors: Any) -> list[dict[str, Any]]:
    """Pydantic's problems without the offending input (it may be huge, NaN or not encodable at all)."""
    return [
        {"loc": [part if isinstance(part, int | str) else str(part) for part in error.get("loc", ())],
         "msg": str(error.get("msg", "invalid")), "type": str(error.get("type", "value_error"))}
        for error in list(errors)[:MAX_PROBLEMS]
    ]  # fmt: skip


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

    @app.exception_handler(DataError)
    async def _data(_request: Request, exc: DataError) -> JSONResponse:
        logger.info("data error: %s", exc.orig)
        return JSONResponse(status_code=422, content={"detail": "a value is out of the range the ledger can store"})

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse(status_code=422, content={"detail": validation_detail(exc.errors())})

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            # Starlette names only the first matching route's methods; list every route's on this path.
            table = getattr(request.app.state, "routes", [])
            headers["Allow"] = ", ".join(allowed_methods(table, request.url.path)) or headers.get("Allow", "")
        return JSONResponse(status_code=exc.status_code, content={"detail": exc.detail}, headers=headers)

    @app.exception_handler(ClientDisconnect)
    async def _gone(request: Request, _exc: ClientDisconnect) -> JSONResponse:
        # Not a bug: the client closed the connection before its body arrived, and nobody reads this answer.
        logger.info("client went away during %s %s", request.method, request.url.path)
        return JSONResponse(status_code=400, content={"detail": "the client closed the connection"})

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception) -> JSONResponse:
        logger.exception("unhandled error on %s %s", request.method, request.url.path)
        return JSONResponse(status_code=500, content={"detail": "internal error: the server's log has the details"})
