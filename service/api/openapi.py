"""The OpenAPI document: every error an operation can answer, and security only where a key is needed.

FastAPI documents 200 and 422 on its own. The error model (``service.api.errors``) adds the rest, and the same
``{"detail": ...}`` shape for all of them; this module writes them into the document from what each route is:
- every operation: 400 (a domain rule), 404 (an unknown id or key), 409 (a conflict), 422 (the schema);
- an operation that needs a key: 401 and 403, and the ``bearer`` security requirement. Public reads carry no
  security requirement (unless PREDTRACK_PRIVATE_READS is set, when every operation needs a key);
- an operation with a body: 413; a costly operation (rate-limited for anonymous clients): 429.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from service.api.limits import RouteInfo

ERROR = {
    "title": "Error",
    "type": "object",
    "required": ["detail"],
    "properties": {
        "detail": {
            "description": "What was wrong: a sentence, or (422) a list of problems with their location.",
            "anyOf": [
                {"type": "string"},
                {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["loc", "msg", "type"],
                        "properties": {
                            "loc": {"type": "array", "items": {"anyOf": [{"type": "string"}, {"type": "integer"}]}},
                            "msg": {"type": "string"},
                            "type": {"type": "string"},
                        },
                    },
                },
            ],
        }
    },
}
DESCRIPTIONS = {
    "400": "The request fits the schema but the ledger refuses it.",
    "401": "No API key, or an unknown or revoked one.",
    "403": "The key's role is too small.",
    "404": "An unknown id or key.",
    "409": "The request conflicts with what is stored.",
    "413": "The body (PREDTRACK_MAX_BODY_MB) or the batch (PREDTRACK_MAX_BATCH_ROWS) is too large.",
    "422": "The request does not fit the schema.",
    "429": "Too many costly requests from this client; see Retry-After.",
}
RETRY_AFTER = {"Retry-After": {"description": "Seconds to wait.", "schema": {"type": "integer"}}}


def _info(table: list[RouteInfo], method: str, path: str) -> RouteInfo | None:
    return next((r for r in table if method.upper() in r.methods and r.regex.match(path)), None)


def document(app: FastAPI) -> dict[str, Any]:
    """The app's OpenAPI document with the error responses and security filled in (built once)."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(
        title=app.title, version=app.version, description=app.description, routes=app.routes, tags=app.openapi_tags
    )
    schema.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR
    table: list[RouteInfo] = getattr(app.state, "routes", [])
    private = bool(getattr(app.state.settings, "private_reads", False))
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            info = _info(table, method, path)
            needs_key = (info.needs_key if info else False) or (private and path.startswith("/api/v1/"))
            codes = ["400", "404", "409", "422"]
            if needs_key:
                codes += ["401", "403"]
            else:
                operation.pop("security", None)
            if "requestBody" in operation or method in ("post", "put", "patch", "delete"):
                codes.append("413")
            if info is not None and info.costly:
                codes.append("429")
            responses = operation.setdefault("responses", {})
            for code in codes:
                response: dict[str, Any] = {
                    "description": DESCRIPTIONS[code],
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                }
                if code == "429":
                    response["headers"] = RETRY_AFTER
                responses[code] = response
    app.openapi_schema = schema
    return schema


def install(app: FastAPI) -> None:
    """Make ``app`` serve this document at its openapi_url."""
    app.openapi = lambda: document(app)  # type: ignore[method-assign]
