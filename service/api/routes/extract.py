"""POST /extract: candidate claims from an article (text, HTML, URL or a file); POST /extract/accept: add them."""

from __future__ import annotations

import json
from typing import Any, TypeVar

from fastapi import APIRouter, BackgroundTasks, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field, StrictBool, ValidationError, model_validator
from sqlmodel import Session
from starlette.datastructures import UploadFile

from predictions.extract import inputs, intake
from predictions.ledger.clock import Clock
from predictions.ledger.errors import InvalidInput, InvalidPayload
from predictions.ledger.schemas import ClaimCreate, Id, Line200, RequestModel, SourceCreate, StrictDate, WebUrl
from service.api.auth import ResearcherDep
from service.api.deps import ClockDep, SessionDep
from service.jobs import wake

router = APIRouter(prefix="/extract", tags=["intake"])
M = TypeVar("M", bound=BaseModel)

# A JSON body carries at most the text's bound in UTF-8 (4 bytes a character) or an HTML page, plus the fields.
MAX_JSON_BYTES = max(4 * inputs.MAX_TEXT_CHARS, inputs.MAX_FILE_BYTES) + 10_000
MAX_MULTIPART_BYTES = inputs.MAX_FILE_BYTES + 4 * inputs.MAX_TEXT_CHARS + 10_000
MAX_ACCEPT = intake.MAX_CANDIDATES
LIMITS = (
    f"Limits: text up to {inputs.MAX_TEXT_CHARS:,} characters, a file or page up to {inputs.MAX_FILE_BYTES:,} bytes "
    f"(413 past either), a PDF up to {inputs.MAX_PDF_PAGES} pages; the rules run at most "
    f"{intake.TIME_LIMIT_S:g} s: a long text is read in parts of {intake.PART_CHARS:,} characters, and past the "
    "limit the answer holds the parts read (complete: false, read_chars) or, when not even the first was, is a 422; "
    "any accepted input is answered within 2 s."
)
STRICT = (
    "Leave out the sentences a rule took that the sentence classifier doubts (scores below 0.2), instead of flagging "
    "them under needs_review; a list item under a predictions heading stays, and a text of fewer than 6 sentences is "
    "read in full. On texts the rules had never seen, precision 0.632 -> 0.776 and recall 0.795 -> 0.732: for long "
    "speeches or reports with few predictions."
)


class ExtractFields(RequestModel):
    """What is known of the article besides its text."""

    published_on: StrictDate | None = Field(
        default=None, description="The article's date: 'next year' counts from it (else a date in the text)."
    )
    author: Line200 | None = Field(default=None, description="Put on every candidate the text gives no author for.")
    source_id: Id | None = Field(default=None, description="The source the claims will belong to.")
    strict: StrictBool = Field(default=False, description=f"{STRICT} Default false; null is refused.")


class ExtractRequest(ExtractFields):
    """The article: exactly one of ``text``, ``html`` or ``url``; its date and author when known."""

    # The size bounds are checked after parsing, so that past them the answer is 413, not 422.
    text: str | None = Field(
        default=None, min_length=1, description=f"Plain text, up to {inputs.MAX_TEXT_CHARS:,} characters."
    )
    html: str | None = Field(
        default=None, min_length=1, description=f"A saved HTML page, up to {inputs.MAX_FILE_BYTES:,} characters."
    )
    url: WebUrl | None = Field(default=None, description="A page or PDF to fetch (public addresses only).")

    @model_validator(mode="after")
    def _one_input(self) -> ExtractRequest:
        given = [name for name in ("text", "html", "url") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError(f"give exactly one of text, html or url (got {', '.join(given) or 'none'})")
        return self


class TrackedRead(BaseModel):
    """The ledger's claim that already has this quote."""

    claim_id: int
    match: str = Field(description="exact, or normalised (case, quotation marks, dashes and spacing set aside)")


class CandidateRead(BaseModel):
    """One candidate: a claim object for POST /claims or /extract/accept, and where its quote is in the text."""

    claim: dict[str, Any]
    quote_start: int | None = Field(description="The quote's first character in the text (0-based).")
    quote_end: int | None = Field(description="One past the quote's last character.")
    tracked: TrackedRead | None = Field(description="Set when the ledger already tracks the quote.")


class ExtractRead(BaseModel):
    """The candidates, in the text's order, and what the text was read from."""

    kind: str = Field(description="text, html or pdf")
    url: str | None
    title: str | None
    text_chars: int
    complete: bool = Field(description="False when the time limit stopped the reading before the text's end.")
    read_chars: int = Field(description="The characters read: all of them, or (not complete) up to a paragraph.")
    candidates: list[CandidateRead]


class AcceptRequest(RequestModel):
    """The chosen candidates' claims, as edited."""

    claims: list[ClaimCreate] = Field(min_length=1, max_length=MAX_ACCEPT)
    source: SourceCreate | None = Field(
        default=None,
        description="The article as a new source (title, publisher, published_on, url): the claims added belong "
        "to it (their source_id is replaced).",
    )


class SkippedRead(BaseModel):
    """A claim not added because the ledger already tracks its quote."""

    index: int = Field(description="1-based position in the request's claims.")
    claim_id: int


class AcceptRead(BaseModel):
    """The claims added, and those skipped."""

    created: list[int]
    skipped: list[SkippedRead]
    source_id: int | None = Field(default=None, description="The source created, when one was sent.")


_JSON_BODY = ExtractRequest.model_json_schema()
_MULTIPART_BODY = {
    "type": "object",
    "properties": {
        "file": {"type": "string", "format": "binary", "description": "A .txt/.md, .html or .pdf file."},
        "text": {"type": "string"},
        "url": {"type": "string"},
        "published_on": {"type": "string", "format": "date"},
        "author": {"type": "string"},
        "source_id": {"type": "integer"},
        "strict": {"type": "boolean", "default": False, "description": "true or false (a form's checkbox)."},
    },
}


@router.post(
    "",
    response_model=ExtractRead,
    summary="Candidate claims from an article (researcher)",
    description=(
        "Send the article as JSON (`text`, `html` or `url`) or as multipart/form-data with a `file` (text, HTML or "
        "PDF). Each candidate is a claim object with the quote's place in the text; a quote the ledger already "
        f"tracks is marked. Nothing is stored. {LIMITS} Other content types: 415."
    ),
    responses={
        415: {"description": "Neither application/json nor multipart/form-data."},
        400: {
            "description": "The URL could not be read: unreachable, an error status, or refused (a private address)."
        },
        503: {"description": "Every extraction slot stayed busy; try again."},
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": _JSON_BODY},
                "multipart/form-data": {"schema": _MULTIPART_BODY},
            },
        }
    },
)
async def extract(request: Request, session: SessionDep, clock: ClockDep, _key: ResearcherDep) -> ExtractRead:
    """Read the article, run the extraction (time-bounded) and mark the quotes the ledger already tracks."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json":
        data: ExtractFields = _validated(ExtractRequest, await read_bounded_body(request, MAX_JSON_BYTES))
        article = await run_in_threadpool(_article, data)
    elif kind == "multipart/form-data":
        await read_bounded_body(request, MAX_MULTIPART_BYTES)
        data, article = await read_multipart_article(request)
    else:
        raise HTTPException(
            status_code=415,
            detail='send the article as application/json ({"text": ...}, {"html": ...} or {"url": ...}) '
            "or as multipart/form-data with a file",
        )
    found = await candidates_of(request, session, clock, fields=data, article=article)
    return ExtractRead(
        kind=article.kind,
        url=article.url,
        title=article.title,
        text_chars=len(article.text),
        complete=found.complete,
        read_chars=found.read_chars,
        candidates=[CandidateRead(**c.as_dict()) for c in found.candidates],
    )


@router.post("/accept", status_code=201, summary="Add chosen candidates as claims, in one transaction (researcher)")
def accept(
    data: AcceptRequest, session: SessionDep, clock: ClockDep, background: BackgroundTasks, _key: ResearcherDep
) -> AcceptRead:
    """Create the claims all or none; a claim whose quote the ledger already tracks is skipped, not added twice."""
    accepted = intake.accept_candidates(session, claims=data.claims, clock=clock, source=data.source)
    if accepted.created:
        background.add_task(wake)
    skipped = [SkippedRead(index=i, claim_id=c) for i, c in accepted.skipped]
    return AcceptRead(created=accepted.created, skipped=skipped, source_id=accepted.source_id)


async def candidates_of(
    request: Request, session: Session, clock: Clock, *, fields: ExtractFields, article: inputs.Article
) -> intake.Extraction:
    """The article's candidates, within the app's time limit (PREDTRACK_EXTRACT_SECONDS), tracked ones marked."""
    return await run_in_threadpool(
        intake.extract_article,
        session,
        article=article,
        published_on=fields.published_on,
        author=fields.author,
        source_id=fields.source_id,
        today=clock.now().date(),
        time_limit=request.app.state.settings.extract_seconds,
        strict=fields.strict,
    )


async def read_bounded_body(request: Request, limit: int = MAX_MULTIPART_BYTES) -> bytes:
    """The body, refused with 413 (``InputTooLarge``) as soon as it passes ``limit`` bytes."""
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > limit:
        raise inputs.InputTooLarge(f"the request body is over {limit:,} bytes: {LIMITS}")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise inputs.InputTooLarge(f"the request body is over {limit:,} bytes: {LIMITS}")
        chunks.append(chunk)
    body = b"".join(chunks)
    request._body = body  # noqa: SLF001  (Starlette reads a consumed stream from here: request.form() below)
    return body


def _validated(model: type[M], raw: bytes | str) -> M:
    try:
        return model.model_validate_json(raw)
    except ValidationError as exc:
        raise RequestValidationError(exc.errors(include_input=False)) from None


async def read_multipart_article(request: Request) -> tuple[ExtractFields, inputs.Article]:
    """The article and its fields from a multipart form (this API's, or the dashboard's intake form): a file, or
    text or a URL. Call ``read_bounded_body`` first."""
    try:
        form = await request.form(max_files=1, max_fields=10, max_part_size=MAX_MULTIPART_BYTES)
    except Exception as exc:  # noqa: BLE001  (python-multipart's and Starlette's parse errors)
        raise InvalidPayload(f"the multipart body could not be read: {str(exc)[:200]}") from None
    upload = form.get("file")
    fields: dict[str, Any] = {}
    for name in ("text", "html", "url", "published_on", "author", "source_id", "strict"):
        value = form.get(name)
        if isinstance(value, UploadFile):
            raise InvalidPayload(f"{name} must be a form field, not a file")
        if value:
            fields[name] = _form_value(name, value)
    if upload == "" or (isinstance(upload, UploadFile) and not upload.filename and not upload.size):
        upload = None  # a form's file input left empty
    if isinstance(upload, UploadFile):
        if any(name in fields for name in ("text", "html", "url")):
            raise InvalidInput("give one of text, a URL or a file, not several", field="file")
        data: ExtractFields = _validated(ExtractFields, json.dumps(fields))
        content = await upload.read()
        article = await run_in_threadpool(
            inputs.from_file, content, filename=upload.filename, content_type=upload.content_type
        )
        return data, article
    if upload is not None:
        raise InvalidPayload("file must be an uploaded file (multipart/form-data with a filename)")
    request_data = _validated(ExtractRequest, json.dumps(fields))
    return request_data, await run_in_threadpool(_article, request_data)


def _form_value(name: str, value: str) -> Any:
    """A form field's text as the JSON body's value would be (anything else is left for the schema to refuse)."""
    if name == "source_id" and value.isdigit():
        return int(value)
    if name == "strict" and value in ("true", "false"):
        return value == "true"
    return value


def _article(data: ExtractFields) -> inputs.Article:
    if isinstance(data, ExtractRequest):
        if data.text is not None:
            return inputs.from_text(data.text)
        if data.html is not None:
            return inputs.from_html(data.html)
        if data.url is not None:
            return inputs.from_url(data.url)
    raise InvalidInput("give the article: text, html, url or a file")
