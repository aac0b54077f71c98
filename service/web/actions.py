"""What a signed-in researcher does from the dashboard: sign in, resolve, forecast, add a claim.

Each form handler parses its fields, calls the same use case as the REST API, and either redirects (303, so that
reloading does not post twice) or shows the form again with each error next to its field. No business rule lives
here: the use cases raise ``LedgerError`` with the ``field`` they concern. A form shown again with its errors is
a 200 page (as Django does): a 4xx would put a "Failed to load resource" error in the browser's console.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, BackgroundTasks, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlmodel import Session

from predictions.access.keys import authenticate, end_sessions
from predictions.claims import claims
from predictions.data import catalog
from predictions.ledger.clock import Clock
from predictions.ledger.errors import LedgerError
from predictions.ledger.schemas import ClaimCreate
from predictions.ledger.tables import ApiKey
from service.api.deps import ClockDep, SessionDep
from service.api.pagination import ClaimId
from service.api.routes.audit import CheckCreate, post_check
from service.api.routes.resolutions import ForecastCreate, ResolutionCreate, post_forecast, post_resolution
from service.jobs import wake
from service.web.auth import CSRF_FIELD, CurrentKeyDep, WebKeyDep, check_csrf, end_session, load_secret, start_session
from service.web.forms import Form, FormDep, field_errors, split_list
from service.web.views import claim_context, page

logger = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False, dependencies=[Depends(load_secret)])
# Sources and indicators offered in the new-claim form's pickers.
PICKER_LIMIT = 500


def _safe_next(target: str | None) -> str:
    # Only a path on this site: never an absolute URL or a protocol-relative //host (open redirect).
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


def _sign_in_first(request: Request) -> RedirectResponse:
    return RedirectResponse(f"/login?next={request.url.path}", status_code=303)


def _error_of(exc: LedgerError, default: str) -> dict[str, str]:
    return {exc.field or default: exc.detail}


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, key: CurrentKeyDep, next: str = "/") -> HTMLResponse:
    """The sign-in form: one field, the API key from `predtrack keys create`."""
    return page(request, "login.html", {"next": _safe_next(next), "errors": {}}, key=key)


@router.post("/login", response_class=HTMLResponse)
def login(request: Request, session: SessionDep, form: FormDep) -> Response:
    """Check the key once and set the session cookie; the key itself is never stored in the browser."""
    check_csrf(request, form[CSRF_FIELD])
    target = _safe_next(form["next"])
    key = authenticate(session, key=form["key"]) if form["key"] else None
    if key is None:
        message = "enter your API key" if not form["key"] else "unknown or revoked API key"
        return page(request, "login.html", {"next": target, "errors": {"key": message}}, key=None)
    response = RedirectResponse(target, status_code=303)
    start_session(request, response, key=key)
    logger.info("dashboard sign-in by key %s (%s)", key.prefix, key.name)
    return response


@router.post("/logout")
def logout(request: Request, session: SessionDep, clock: ClockDep, key: CurrentKeyDep, form: FormDep) -> Response:
    """End the session, on the server too: a copy of the cookie no longer signs anyone in."""
    check_csrf(request, form[CSRF_FIELD])
    if key is not None and key.id is not None:
        end_sessions(session, key_id=key.id, clock=clock)
    response = RedirectResponse("/", status_code=303)
    end_session(response)
    return response


def _claim_action(
    request: Request,
    session: SessionDep,
    key: ApiKey | None,
    form: Form,
    *,
    claim_id: int,
    form_name: str,
    default_field: str,
    done: str,
    run: Callable[[ApiKey], object],
) -> Response:
    """Run one researcher action from the claim page: redirect on success, else the page with the form's errors."""
    check_csrf(request, form[CSRF_FIELD])
    if key is None:
        return _sign_in_first(request)
    try:
        run(key)
    except (LedgerError, ValidationError) as exc:
        state = request.app.state
        context = claim_context(session, claim_id=claim_id, clock=state.clock, settings=state.settings)
        errors = field_errors(exc) if isinstance(exc, ValidationError) else {exc.field or default_field: exc.detail}
        context["errors"] = {form_name: errors}
        context["values"] = {form_name: form}
        return page(request, "claim.html", context, key=key)
    return RedirectResponse(f"/claims/{claim_id}?done={done}", status_code=303)


# Each form is read through the API's own model of the same request and handed to the API's own handler, so that
# the dashboard stores nothing the API would refuse (lengths, control characters, dates in the calendar, numbers).


def _resolve(request: Request, session: Session, *, claim_id: int, key: ApiKey, form: Form, clock: Clock) -> object:
    fields = {"outcome": form["outcome"], "evidence": form["evidence"], "resolved_on": form.optional("resolved_on")}
    return post_resolution(claim_id, ResolutionCreate.model_validate(fields), session, clock, key)


def _forecast(request: Request, session: Session, *, claim_id: int, key: ApiKey, form: Form, clock: Clock) -> object:
    probability = _as_number(form.optional("probability"), float)
    body = ForecastCreate.model_validate({"probability": probability, "rationale": form.optional("rationale")})
    return post_forecast(claim_id, body, session, clock, key)


def _check(request: Request, session: Session, *, claim_id: int, key: ApiKey, form: Form, clock: Clock) -> object:
    body = CheckCreate.model_validate({"checked_through": form.optional("checked_through"), "note": form["note"]})
    return post_check(claim_id, body, request, session, clock, key)


@dataclass(frozen=True)
class _ClaimAction:
    """One form of the claim page: where it posts, its name in the page, the field an error without one goes to,
    where the page jumps after it, and the API handler it is handed to."""

    path: str
    form_name: str
    default_field: str
    done: str
    run: Callable[..., object]
    doc: str


CLAIM_ACTIONS = (
    _ClaimAction("resolve", "resolve", "evidence", "resolved#resolution", _resolve, "Resolve a claim with evidence."),
    _ClaimAction(
        "forecasts", "forecast", "probability", "forecast#forecasts", _forecast, "Record the researcher's probability."
    ),
    _ClaimAction(
        "checks", "check", "note", "checked#checks", _check, "Record a check (no event through a date); re-scored."
    ),
)


def _claim_action_route(action: _ClaimAction) -> None:
    """Register POST /claims/{id}/<path>: one researcher action from the claim page."""

    def endpoint(
        request: Request, claim_id: ClaimId, session: SessionDep, clock: ClockDep, key: WebKeyDep, form: FormDep
    ) -> Response:
        return _claim_action(
            request,
            session,
            key,
            form,
            claim_id=claim_id,
            form_name=action.form_name,
            default_field=action.default_field,
            done=action.done,
            run=lambda k: action.run(request, session, claim_id=claim_id, key=k, form=form, clock=clock),
        )

    endpoint.__name__ = endpoint.__qualname__ = action.form_name
    endpoint.__doc__ = action.doc
    router.post(f"/claims/{{claim_id}}/{action.path}", response_class=HTMLResponse)(endpoint)


for _action in CLAIM_ACTIONS:
    _claim_action_route(_action)


def _claim_form(
    request: Request, session: SessionDep, key: ApiKey, *, errors: dict[str, str], values: dict[str, str]
) -> HTMLResponse:
    sources, _ = catalog.list_sources(session, limit=PICKER_LIMIT, offset=0)
    indicators, _ = catalog.list_indicators(session, limit=PICKER_LIMIT, offset=0)
    return page(
        request,
        "claim_new.html",
        {"sources": sources, "indicators": indicators, "errors": errors, "values": values},
        key=key,
    )


@router.get("/claims/new", response_class=HTMLResponse)
def new_claim_form(request: Request, session: SessionDep, key: WebKeyDep) -> Response:
    """The new-claim form: the same fields as POST /api/v1/claims."""
    if key is None:
        return _sign_in_first(request)
    return _claim_form(request, session, key, errors={}, values={})


@router.post("/claims/new", response_class=HTMLResponse)
def new_claim(
    request: Request, session: SessionDep, clock: ClockDep, key: WebKeyDep, form: FormDep, background: BackgroundTasks
) -> Response:
    """Add a claim from the form; its first probability follows within seconds."""
    check_csrf(request, form[CSRF_FIELD])
    if key is None:
        return _sign_in_first(request)
    try:
        data = ClaimCreate.model_validate(_claim_payload(form))
    except ValidationError as exc:
        return _claim_form(request, session, key, errors=field_errors(exc), values=form)
    try:
        claim = claims.create_claim(session, data=data, clock=clock)
    except LedgerError as exc:
        return _claim_form(request, session, key, errors=_error_of(exc, ""), values=form)
    background.add_task(wake)
    return RedirectResponse(f"/claims/{claim.id}?done=created", status_code=303)


def _claim_payload(form: dict[str, str]) -> dict[str, Any]:
    """The form's fields in the API's shape; pydantic then checks them exactly as it checks the API's JSON."""
    payload: dict[str, Any] = {
        name: form.get(name) or None
        for name in (
            "statement",
            "quote",
            "author",
            "source_id",
            "made_on",
            "deadline",
            "resolution_criteria",
            "interpretation",
            "prior",
            "stated_confidence",
            "stated_probability",
        )
    }
    for required in ("statement", "quote", "author", "resolution_criteria"):
        payload[required] = form.get(required, "")
    # The API takes numbers as JSON numbers only (a string "0.3" is refused), so form text is converted here.
    payload["source_id"] = _as_number(payload["source_id"], int)
    payload["prior"] = _as_number(payload["prior"], float)
    payload["stated_probability"] = _as_number(payload["stated_probability"], float)
    payload["tags"] = split_list(form.get("tags", ""))
    payload["leading_indicators"] = split_list(form.get("leading_indicators", ""))
    if form.get("rule_indicator"):
        payload["rule"] = {
            "indicator": form["rule_indicator"],
            "op": form.get("rule_op") or None,
            "threshold": _as_number(form.get("rule_threshold") or None, float),
            "aggregate": form.get("rule_aggregate") or "last",
            "window_start": form.get("rule_window_start") or None,
            "window_end": form.get("rule_window_end") or None,
        }
    return payload


def _as_number(text: str | None, kind: type[int] | type[float]) -> Any:
    """Form text as a number when it reads as one; otherwise as it was, for the schema to name the problem."""
    if text is None:
        return None
    try:
        return kind(text)
    except ValueError:
        return text
