"""The intake pages: paste text, give a URL or upload a file; review the candidates; accept the chosen ones.

The review page shows the article with each candidate's sentence highlighted, and one small form per candidate
(statement, author, deadline, criteria, rule and indicator) inside a single form. Every candidate starts checked
but those the sentence classifier doubts (``extraction.doubted``: what strict mode would leave out), which are shown
unchecked with the reason. The checked ones are accepted together, in one transaction, with the same use case as
``POST /api/v1/extract/accept``. Everything is plain server-rendered HTML (no script), like the rest of the
dashboard.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import APIRouter, BackgroundTasks, Depends, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup, escape
from pydantic import ValidationError
from sqlmodel import Session

from predictions.data import catalog
from predictions.extract import intake
from predictions.ledger.errors import LedgerError
from predictions.ledger.schemas import ClaimCreate, SourceCreate
from predictions.ledger.tables import ApiKey
from service.api.deps import ClockDep, SessionDep
from service.api.routes.extract import candidates_of, read_bounded_body, read_multipart_article
from service.jobs import wake
from service.web.auth import CSRF_FIELD, WebKeyDep, check_csrf, load_secret
from service.web.forms import Form, FormDep, field_errors
from service.web.views import page

logger = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False, dependencies=[Depends(load_secret)])
PICKER_LIMIT = 500
# The fields a researcher edits on the review page; the rest of each claim rides along in a hidden JSON field.
EDITED = ("statement", "quote", "author", "made_on", "deadline", "resolution_criteria", "rule")
OPS = [(">", ">"), (">=", ">="), ("<", "<"), ("<=", "<=")]


def _sign_in_first(request: Request) -> RedirectResponse:
    return RedirectResponse(f"/login?next={request.url.path}", status_code=303)


def _pickers(session: Session) -> dict[str, Any]:
    sources, _ = catalog.list_sources(session, limit=PICKER_LIMIT, offset=0)
    indicators, _ = catalog.list_indicators(session, limit=PICKER_LIMIT, offset=0)
    return {
        "sources": sources,
        "indicators": [(i.key, f"{i.key} · {i.name}") for i in indicators],
        "ops": OPS,
    }


@router.get("/intake", response_class=HTMLResponse)
def intake_form(request: Request, session: SessionDep, key: WebKeyDep, created: str = "", skipped: int = 0) -> Response:
    """Where an article comes in: paste its text, give its URL, or upload a file (text, HTML or PDF)."""
    if key is None:
        return _sign_in_first(request)
    ids = [int(part) for part in created.split(",") if part.isdigit()][:500]
    return _input_page(request, session, key, errors={}, values={}, created=ids, skipped=max(skipped, 0))


def _input_page(
    request: Request,
    session: Session,
    key: ApiKey,
    *,
    errors: dict[str, str],
    values: dict[str, Any],
    created: list[int] | None = None,
    skipped: int = 0,
) -> HTMLResponse:
    context = {"errors": errors, "values": values, "created": created or [], "skipped": skipped, **_pickers(session)}
    context["limits"] = {"chars": intake_limits()[0], "bytes": intake_limits()[1]}
    return page(request, "intake.html", context, key=key)


def intake_limits() -> tuple[int, int]:
    """The text's and the file's bounds, as the page states them."""
    from predictions.extract.inputs import MAX_FILE_BYTES, MAX_TEXT_CHARS

    return MAX_TEXT_CHARS, MAX_FILE_BYTES


@router.post("/intake", response_class=HTMLResponse)
async def intake_review(request: Request, session: SessionDep, clock: ClockDep, key: WebKeyDep) -> Response:
    """Read the article and show its candidates for review (nothing is stored yet)."""
    values: dict[str, Any] = {}
    try:
        await read_bounded_body(request)
        form = await request.form()
        check_csrf(request, str(form.get(CSRF_FIELD) or ""))
        values = {k: v for k, v in form.items() if isinstance(v, str) and k != CSRF_FIELD}
        if key is None:
            return _sign_in_first(request)
        fields, article = await read_multipart_article(request)
        found = await candidates_of(request, session, clock, fields=fields, article=article)
    except LedgerError as exc:
        if key is None:
            return _sign_in_first(request)
        return _input_page(request, session, key, errors={exc.field or "text": exc.detail}, values=values)
    except RequestValidationError as exc:
        if key is None:
            return _sign_in_first(request)
        return _input_page(request, session, key, errors=_validation_errors(exc.errors()), values=values)
    rows = [_row(i, c.claim, tracked=c.tracked_id) for i, c in enumerate(found.candidates)]
    spans = [(i, c.quote_start, c.quote_end, c.tracked_id is not None) for i, c in enumerate(found.candidates)]
    partial = None
    if not found.complete:
        partial = (
            f"Only the first {found.read_chars:,} of {len(article.text):,} characters were read in the server's time "
            "limit: review these, then paste the rest of the text to read it."
        )
    return _review_page(
        request,
        session,
        key,
        rows=rows,
        article=highlighted(article.text, spans),
        title=article.title or values.get("url") or "Pasted text",
        partial=partial,
        strict=fields.strict,
        source={
            "new": "1" if not fields.source_id else "",
            "title": article.title or _first_line(article.text),
            "publisher": fields.author or "",
            "url": article.url or "",
            "published_on": fields.published_on.isoformat() if fields.published_on else "",
        },
    )


def _first_line(text: str) -> str:
    line = next((line.strip(" #*\t") for line in text.splitlines() if line.strip(" #*\t")), "")
    return line[:200]


def _validation_errors(errors: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for error in errors:
        loc = [str(part) for part in error.get("loc", ()) if isinstance(part, str) and part != "body"]
        found.setdefault(loc[0] if loc else "text", str(error.get("msg", "invalid")).removeprefix("Value error, "))
    return found


def _review_page(
    request: Request,
    session: Session,
    key: ApiKey,
    *,
    rows: list[dict[str, Any]],
    article: Markup | None = None,
    title: str = "",
    error: str | None = None,
    partial: str | None = None,
    strict: bool = False,
    source: dict[str, str] | None = None,
    source_errors: dict[str, str] | None = None,
) -> HTMLResponse:
    context = {"rows": rows, "article": article, "title": title, "error": error, "partial": partial, "strict": strict}
    context |= {"source": source or {}, "source_errors": source_errors or {}}
    context |= _pickers(session)
    context["fresh"] = sum(1 for r in rows if not r["tracked"])
    context["doubted"] = sum(1 for r in rows if not r["tracked"] and r.get("doubted"))
    return page(request, "intake_review.html", context, key=key)


def _row(index: int, claim: dict[str, Any], *, tracked: int | None) -> dict[str, Any]:
    """One candidate as the review form shows it: its editable fields as text, the rest as hidden JSON."""
    rule = claim.get("rule") or {}
    proposed = claim.get("proposed_rule") or {}
    threshold = rule.get("threshold", proposed.get("threshold"))
    values = {
        "statement": claim.get("statement") or "",
        "quote": claim.get("quote") or "",
        "author": claim.get("author") or "",
        "made_on": claim.get("made_on") or "",
        "deadline": claim.get("deadline") or "",
        "resolution_criteria": claim.get("resolution_criteria") or "",
        "rule_indicator": rule.get("indicator") or proposed.get("indicator") or "",
        "rule_op": rule.get("op") or proposed.get("op") or "",
        "rule_threshold": "" if threshold is None else f"{threshold:g}",
        "extra": json.dumps({k: v for k, v in claim.items() if k not in EDITED}, ensure_ascii=False),
    }
    review = claim.get("needs_review")
    doubted = (claim.get("extraction") or {}).get("doubted") is True
    return {
        "index": index,
        "fields": values,
        "tracked": tracked,
        "picked": tracked is None and not doubted,  # a doubted candidate is shown, left for the reviewer to check
        "doubted": doubted,
        "review": review if isinstance(review, list) else [],
        "proposed": proposed,
        "errors": {},
    }


def highlighted(text: str, spans: list[tuple[int, int | None, int | None, bool]]) -> Markup:
    """The article as HTML, each candidate's quote in a ``<mark>`` that links to its form (overlaps skipped)."""
    parts: list[str] = []
    position = 0
    for index, start, end, tracked in sorted(spans, key=lambda s: (s[1] is None, s[1] or 0)):
        if start is None or end is None or start < position:
            continue
        parts.append(str(escape(text[position:start])))
        css = "candidate tracked" if tracked else "candidate"
        parts.append(
            f'<mark id="q-{index}" class="{css}"><a href="#c-{index}" class="n">{index + 1}</a>'
            f"{escape(text[start:end])}</mark>"
        )
        position = end
    parts.append(str(escape(text[position:])))
    return Markup("".join(parts))


@router.post("/intake/accept", response_class=HTMLResponse)
def intake_accept(
    request: Request,
    session: SessionDep,
    clock: ClockDep,
    key: WebKeyDep,
    form: FormDep,
    background: BackgroundTasks,
) -> Response:
    """Accept the checked candidates, as edited, in one transaction; or show the review again with the errors."""
    check_csrf(request, form[CSRF_FIELD])
    if key is None:
        return _sign_in_first(request)
    count = min(int(form["count"]) if form["count"].isdigit() else 0, intake.MAX_CANDIDATES)
    rows = [_row_from_form(form, i, picked=bool(form[f"pick_{i}"])) for i in range(count)]
    chosen = [r for r in rows if r["picked"] and not r["tracked"]]
    source_values = {name: form[f"source_{name}"] for name in ("new", "title", "publisher", "url", "published_on")}
    again = {"rows": rows, "source": source_values}
    if not chosen:
        return _review_page(request, session, key, **again, error="Check at least one candidate to accept.")
    data: list[ClaimCreate] = []
    for row in chosen:
        try:
            data.append(ClaimCreate.model_validate(_payload(row)))
        except ValidationError as exc:
            row["errors"] = field_errors(exc)
        except ValueError as exc:
            row["errors"] = {"": str(exc)}
    source, source_errors = _new_source(source_values)
    if any(r["errors"] for r in chosen) or source_errors:
        return _review_page(request, session, key, **again, source_errors=source_errors,
                            error="Nothing was added: correct the marked fields.")  # fmt: skip
    try:
        accepted = intake.accept_candidates(session, claims=data, clock=clock, source=source)
    except LedgerError as exc:
        return _review_page(request, session, key, **again, error=f"Nothing was added: {exc.detail}")
    if accepted.created:
        background.add_task(wake)
    created = ",".join(str(i) for i in accepted.created)
    return RedirectResponse(f"/intake?created={created}&skipped={len(accepted.skipped)}", status_code=303)


def _new_source(values: dict[str, str]) -> tuple[SourceCreate | None, dict[str, str]]:
    """The article as a new source when asked for (the box checked), or the fields' errors."""
    if not values["new"]:
        return None, {}
    payload = {k: values[k] or None for k in ("title", "publisher", "url", "published_on")}
    try:
        return SourceCreate.model_validate(payload), {}
    except ValidationError as exc:
        return None, field_errors(exc)


def _row_from_form(form: Form, index: int, *, picked: bool) -> dict[str, Any]:
    names = ("statement", "quote", "author", "made_on", "deadline", "resolution_criteria", "rule_indicator",
             "rule_op", "rule_threshold", "extra")  # fmt: skip
    values = {name: form[f"{name}_{index}"] for name in names}
    tracked = form[f"tracked_{index}"]
    try:
        extra = json.loads(values["extra"] or "{}")
        review = extra.get("needs_review") or []
        doubted = (extra.get("extraction") or {}).get("doubted") is True
    except (ValueError, AttributeError):
        review, doubted = [], False
    return {
        "index": index,
        "fields": values,
        "tracked": int(tracked) if tracked.isdigit() else None,
        "picked": picked,
        "doubted": doubted,
        "review": review if isinstance(review, list) else [],
        "proposed": {},
        "errors": {},
    }


def _payload(row: dict[str, Any]) -> dict[str, Any]:
    """The candidate's claim object: the hidden fields, with the researcher's edits on top."""
    values = row["fields"]
    try:
        extra = json.loads(values["extra"] or "{}")
    except ValueError:
        raise ValueError("the candidate's hidden fields are damaged: extract the article again") from None
    if not isinstance(extra, dict):
        raise ValueError("the candidate's hidden fields are damaged: extract the article again")
    payload = {k: v for k, v in extra.items() if k not in EDITED}
    for name in ("statement", "quote", "author", "made_on", "deadline", "resolution_criteria"):
        payload[name] = values[name] or None
    if values["rule_indicator"]:
        threshold: Any = values["rule_threshold"] or None
        try:
            threshold = float(threshold) if threshold is not None else None
        except ValueError:
            pass  # the schema names the problem
        payload["rule"] = {"indicator": values["rule_indicator"], "op": values["rule_op"] or None,
                           "threshold": threshold}  # fmt: skip
    return payload
