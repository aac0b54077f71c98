"""Errors raised by the ledger's use cases; the service maps each class to one HTTP status.

Each error may name the input ``field`` it concerns, so that a form can show the message next to that field.

Hierarchy::

    LedgerError                 400: the request makes no sense for the ledger
    ├── NotFound                404: an id or key that does not exist
    ├── Conflict                409: the request clashes with what is stored (duplicate key, wrong status)
    │   └── ForecastFailed      409: no forecast from this data; the failure is cached in the ledger, so the
    │                                caller should keep (commit) the unit of work that recorded it
    ├── InvalidInput            400: a well-formed value that the domain refuses; ``row`` names the bad row
    ├── InvalidPayload          422: a payload that does not fit its documented schema (checked by hand where
    │                                pydantic would cost too much memory, as for observation batches)
    ├── TooLarge                413: more rows than one request may carry
    ├── PermissionDenied        403: the caller's role is too small
    └── DataSourceError         502: an outside data source failed (timeout, 429, malformed body, ...)
"""

from __future__ import annotations


class LedgerError(Exception):
    """Base class of every error in ``predictions``."""

    status_code = 400

    def __init__(self, detail: str, *, field: str | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.field = field


class NotFound(LedgerError):
    """An id or key that does not exist."""

    status_code = 404


class Conflict(LedgerError):
    """The request clashes with what is stored."""

    status_code = 409


class ForecastFailed(Conflict):
    """No model could forecast the data; the failure was recorded (flushed) for every process to see."""


class InvalidInput(LedgerError):
    """A value that the domain refuses."""

    status_code = 400

    def __init__(self, detail: str, *, row: int | None = None, field: str | None = None) -> None:
        super().__init__(detail if row is None else f"row {row}: {detail}", field=field)
        self.row = row


class PermissionDenied(LedgerError):
    """The caller's role is too small."""

    status_code = 403


class DataSourceError(LedgerError):
    """An outside data source failed: it timed out, refused, or answered something unreadable."""

    status_code = 502


class InvalidPayload(LedgerError):
    """A payload that does not fit its documented schema."""

    status_code = 422


class TooLarge(LedgerError):
    """More rows than one request may carry."""

    status_code = 413
