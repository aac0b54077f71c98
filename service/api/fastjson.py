"""JSON answers serialised straight from plain dicts, for the hot read paths.

FastAPI validates a handler's return value against its response model and then serialises it; for a page of 50
claims that validation cost more than the queries. A handler on a hot path builds plain dicts in the model's
field order and returns ``JSONBytes``; its decorator keeps ``response_model`` so that the OpenAPI document still
describes the answer. pydantic-core's encoder writes dates, datetimes (``Z``), enums and floats exactly as the
model would have, so the bytes are the same.
"""

from __future__ import annotations

from typing import Any

import pydantic_core
from starlette.responses import Response


class JSONBytes(Response):
    """A JSON response from plain Python data (dicts, lists, dates, enums), or from bytes already serialised."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return content if isinstance(content, bytes) else pydantic_core.to_json(content)
