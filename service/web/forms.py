"""Reading the dashboard's HTML forms: urlencoded bodies and their field errors.

The forms are plain ``application/x-www-form-urlencoded`` posts (no file uploads), so the standard library parses
them and python-multipart is not needed.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import parse_qsl

from fastapi import Depends, HTTPException, Request
from pydantic import ValidationError

MAX_FORM_BYTES = 256 * 1024


class Form(dict[str, str]):
    """A submitted form: each field's last value, stripped; a missing field reads as ''."""

    def __missing__(self, key: str) -> str:
        return ""

    def optional(self, key: str) -> str | None:
        """The field's value, or None when it was left empty."""
        return self[key] or None


async def read_form(request: Request) -> Form:
    """The request's urlencoded body as a Form (413 when it is too large, 415 when it is not urlencoded)."""
    kind = request.headers.get("content-type", "").split(";")[0].strip()
    if kind != "application/x-www-form-urlencoded":
        raise HTTPException(status_code=415, detail="send the form as application/x-www-form-urlencoded")
    body = await request.body()
    if len(body) > MAX_FORM_BYTES:
        raise HTTPException(status_code=413, detail=f"the form is larger than {MAX_FORM_BYTES} bytes")
    return Form((k, v.strip()) for k, v in parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))


read_form.max_body_bytes = MAX_FORM_BYTES  # type: ignore[attr-defined]  # the guard refuses larger bodies unread
FormDep = Annotated[Form, Depends(read_form)]


# Pydantic's words for a number that a form field did not hold (form text is converted before validation).
_MESSAGES = {"float_type": "this is not a number: write e.g. 0.3", "int_type": "this is not a number"}


def field_errors(exc: ValidationError, *, prefix: str = "") -> dict[str, str]:
    """Pydantic's errors by form field (``rule.threshold`` becomes ``rule_threshold``); model-level ones under ''."""
    errors: dict[str, str] = {}
    for error in exc.errors():
        loc = [str(part) for part in error["loc"] if not isinstance(part, int)]
        name = prefix + "_".join(loc) if loc else ""
        message = _MESSAGES.get(error["type"], str(error["msg"]).removeprefix("Value error, "))
        if error["type"] in ("string_too_short", "missing", "string_type") and not error.get("input"):
            message = f"{loc[-1] if loc else 'the field'} is empty: fill it in"
        errors.setdefault(name, message)
    return errors


def split_list(text: str) -> list[str]:
    """A comma-separated field as a list of non-empty items."""
    return [part.strip() for part in text.split(",") if part.strip()]


def number_or_text(text: str) -> Any:
    """A numeric field's value for pydantic: None when empty, else the text (pydantic says what is wrong)."""
    return text or None
