"""Use cases for claims: create one, read one, list them. They flush; the caller commits."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlmodel import Session

from forecasts.errors import PeriodError
from forecasts.periods import Frequency, format_period
from predictions.claims import repo as repo
from predictions.claims.audit_trail import EventKind, record_event
from predictions.claims.orders import ClaimOrders
from predictions.claims.repo_resolutions import active_resolution
from predictions.data import repo_catalog as catalog
from predictions.ledger.clock import Clock
from predictions.ledger.errors import Conflict, InvalidInput, NotFound
from predictions.ledger.schemas import (
    ClaimCreate,
    ClaimRead,
    ClaimSort,
    ClaimUpdate,
    RuleIn,
    RuleRead,
    SortOrder,
)
from predictions.ledger.tables import Claim, ClaimIndicator, ClaimStatus, ClaimTag, LinkRole, RescoreRequest, Source
from predictions.rescore.conditions import store_condition
from predictions.rescore.repo import retire_hindcasts
from predictions.rescore.windows import CAP_YEARS, effective_window, past_cap, window_problem, window_text

logger = logging.getLogger(__name__)


def create_claim(session: Session, *, data: ClaimCreate, clock: Clock) -> Claim:
    """Store a new claim with its tags, rule and leading indicators, and ask for its first score."""
    if data.source_id is not None and session.get(Source, data.source_id) is None:
        raise NotFound(
            f"source {data.source_id} does not exist: create it first with POST /api/v1/sources", field="source_id"
        )
    keys = [data.rule.indicator] if data.rule else []
    keys += data.leading_indicators
    keys += [data.condition_rule.indicator] if data.condition_rule else []
    indicators = catalog.indicators_by_keys(session, keys=keys)
    missing = sorted(set(keys) - set(indicators))
    if missing:
        raise NotFound(
            f"unknown indicator(s) {', '.join(missing)}: create them first with POST /api/v1/indicators",
            field="rule_indicator" if data.rule and data.rule.indicator in missing else "leading_indicators",
        )
    if data.rule is not None:
        _check_rule_window(
            rule=data.rule,
            frequency=indicators[data.rule.indicator].frequency,
            made_on=data.made_on,
            deadline=data.deadline,
            today=clock.now().date(),
        )
    if data.condition_rule is not None:
        condition = data.condition_rule
        try:
            first, last = effective_window(
                frequency=indicators[condition.indicator].frequency,
                made_on=data.made_on,
                deadline=data.deadline,
                window_start=condition.window_start,
                window_end=condition.window_end,
            )
        except PeriodError as exc:
            raise InvalidInput(f"condition_rule window: {exc}") from None
        if last < first:
            raise InvalidInput(f"condition_rule window ends ({condition.window_end}) before it starts")
        if past_cap(frequency=indicators[condition.indicator].frequency, today=clock.now().date(), window_end=last):
            raise InvalidInput(f"condition_rule window ends more than {CAP_YEARS} years from today")
        problem = window_problem(
            frequency=indicators[condition.indicator].frequency, made_on=data.made_on, first=first, last=last
        )
        if problem is not None:
            raise InvalidInput(f"condition_rule: {problem}")
    now = clock.now()
    status = ClaimStatus.AWAITING_RESOLUTION if data.deadline < now.date() else ClaimStatus.OPEN
    needs_review, review_note = _review(data)
    claim = Claim(
        **data.model_dump(
            exclude={
                "tags",
                "rule",
                "leading_indicators",
                "needs_review",
                "proposed_rule",
                "extraction",
                "condition_rule",
                "condition_prior",
            }
        ),
        needs_review=needs_review,
        review_note=review_note,
        status=status,
        created_at=now,
    )
    session.add(claim)
    session.flush()
    assert claim.id is not None
    session.add_all(ClaimTag(claim_id=claim.id, tag=tag) for tag in data.tags)
    if data.rule is not None:
        session.add(
            _rule_link(claim_id=claim.id, indicator_id=indicators[data.rule.indicator].id, rule=data.rule)  # type: ignore[arg-type]
        )
    for key in dict.fromkeys(data.leading_indicators):
        session.add(
            ClaimIndicator(claim_id=claim.id, indicator_id=indicators[key].id, role=LinkRole.LEADING)  # type: ignore[arg-type]
        )
    condition_indicator = indicators[data.condition_rule.indicator] if data.condition_rule else None
    store_condition(session, claim=claim, data=data, indicator=condition_indicator)
    session.add(RescoreRequest(claim_id=claim.id, reason="new claim", requested_at=now))
    session.flush()
    logger.info("created claim %s (%s)", claim.id, claim.statement[:60])
    return claim


def _check_rule_window(*, rule: RuleIn, frequency: Frequency, made_on: date, deadline: date, today: date) -> None:
    """Refuse a rule whose window does not parse, ends before it starts, or lies past the horizon cap."""
    try:
        first, last = effective_window(
            frequency=frequency,
            made_on=made_on,
            deadline=deadline,
            window_start=rule.window_start,
            window_end=rule.window_end,
        )
    except PeriodError as exc:
        raise InvalidInput(f"rule window: {exc}", field="rule_window_start") from None
    if last < first:
        raise InvalidInput(
            f"rule window ends ({rule.window_end}) before it starts ({rule.window_start})", field="rule_window_end"
        )
    if past_cap(frequency=frequency, today=today, window_end=last):
        raise InvalidInput(
            f"the rule's window ends in {format_period(last, frequency)}, more than {CAP_YEARS} years from "
            "today: no forecast reaches that far. Give the claim a nearer deadline or window_end, or no rule "
            "and a prior (it is then scored by its base rate)",
            field="rule_window_end",
        )
    problem = window_problem(frequency=frequency, made_on=made_on, first=first, last=last)
    if problem is not None:
        raise InvalidInput(f"rule: {problem}", field="rule_window_start")


def _rule_link(*, claim_id: int, indicator_id: int, rule: RuleIn) -> ClaimIndicator:
    return ClaimIndicator(
        claim_id=claim_id,
        indicator_id=indicator_id,
        role=LinkRole.DECIDES,
        op=rule.op,
        threshold=rule.threshold,
        aggregate=rule.aggregate,
        window_start=rule.window_start,
        window_end=rule.window_end,
    )


# Fields a PATCH may change, and the ones frozen once a forecast on the claim has been scored (it is resolved).
EDITABLE = ("tags", "interpretation", "resolution_criteria", "rule", "quote", "author", "made_on")
FROZEN_ONCE_SCORED = ("quote", "author", "made_on")


def update_claim(session: Session, *, claim_id: int, data: ClaimUpdate, by: str, clock: Clock) -> Claim:
    """Edit a claim (researcher): each change is kept in the audit trail; the claim is re-scored."""
    claim = session.get(Claim, claim_id, with_for_update=True)
    if claim is None:
        raise NotFound(f"claim {claim_id} does not exist")
    assert claim.id is not None
    changes = {name: getattr(data, name) for name in data.model_fields_set}
    if not changes:
        raise InvalidInput("nothing to change: send at least one of " + ", ".join(EDITABLE))
    resolved = active_resolution(session, claim_id=claim_id) is not None
    frozen = sorted(set(changes) & set(FROZEN_ONCE_SCORED))
    if resolved and frozen:
        raise Conflict(f"{', '.join(frozen)} cannot change: the claim is resolved, so its forecasts are scored")
    if "rule" in changes and repo.has_resolutions(session, claim_id=claim_id):
        raise Conflict("the rule can change only before the claim's first resolution")
    for required in ("quote", "author", "made_on", "resolution_criteria"):
        if required in changes and changes[required] is None:
            raise InvalidInput(f"{required} cannot be removed", field=required)
    made_on = changes.get("made_on") or claim.made_on
    if made_on > claim.deadline:
        raise InvalidInput(f"made_on {made_on} is after the deadline {claim.deadline}", field="made_on")
    old = describe_claims(session, claims=[claim])[0]
    now = clock.now()
    before: dict[str, Any] = {}
    if "rule" in changes:
        rule: RuleIn | None = changes["rule"]
        before["rule"] = old.rule.model_dump(mode="json") if old.rule else None
        indicator = None
        if rule is not None:
            indicator = catalog.indicators_by_keys(session, keys=[rule.indicator]).get(rule.indicator)
            if indicator is None or indicator.id is None:
                raise NotFound(f"unknown indicator {rule.indicator!r}", field="rule_indicator")
            _check_rule_window(
                rule=rule, frequency=indicator.frequency, made_on=made_on, deadline=claim.deadline, today=now.date()
            )
        repo.delete_rule(session, claim_id=claim.id)
        if rule is not None and indicator is not None:
            session.add(_rule_link(claim_id=claim.id, indicator_id=indicator.id, rule=rule))  # type: ignore[arg-type]
    if "tags" in changes:
        before["tags"] = old.tags
        repo.replace_tags(session, claim_id=claim.id, tags=changes["tags"] or [])
    for name in ("interpretation", "resolution_criteria", "quote", "author", "made_on"):
        if name in changes:
            value = getattr(claim, name)
            before[name] = value.isoformat() if isinstance(value, date) else value
            setattr(claim, name, changes[name])
    session.add(claim)
    after = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in data.model_dump(mode="json").items()}
    details: dict[str, Any] = {
        "changed": {name: {"from": before.get(name), "to": after[name]} for name in sorted(changes)}
    }
    if {"rule", "made_on"} & changes.keys() and (retired := retire_hindcasts(session, claim_id=claim.id, at=now)):
        # They stood for the old rule (or the old made_on): never scored again; new ones are computed on demand.
        details["hindcasts_retired"] = {
            "ids": retired,
            "why": f"computed for the claim's old {' and '.join(sorted({'rule', 'made_on'} & changes.keys()))}",
            "recompute": f"predtrack rescore --hindcast --claim {claim.id}",
        }
    record_event(session, claim_id=claim.id, kind=EventKind.EDIT, by=by, at=now, details=details)
    session.add(RescoreRequest(claim_id=claim.id, reason=f"claim edited by {by}", requested_at=now))
    session.flush()
    return claim


def _review(data: ClaimCreate) -> tuple[bool, str | None]:
    """The review flag and note: a list of open points (from ``extract``) becomes the note."""
    points = list(data.needs_review) if isinstance(data.needs_review, list) else []
    if data.proposed_rule is not None and data.rule is None:
        proposed = data.proposed_rule
        unit = f" {proposed.unit}" if proposed.unit else ""
        metric = f"{proposed.metric} " if proposed.metric else ""
        band = f" and <= {proposed.high:g}{unit}" if proposed.high is not None else ""
        indicator = f"; indicator proposed: {proposed.indicator}" if proposed.indicator else ""
        points.append(
            f"threshold read from the text: {metric}{proposed.op.value} {proposed.threshold:g}{unit}{band} "
            f"(no rule yet{indicator})"
        )
    if not points:
        return bool(data.needs_review), None
    return True, "; ".join(points)


def get_claim(session: Session, *, claim_id: int) -> ClaimRead:
    """One claim, fully described."""
    return ClaimRead.model_validate(get_claim_document(session, claim_id=claim_id))


def get_claim_document(session: Session, *, claim_id: int) -> dict[str, Any]:
    """One claim, fully described, as a plain dict shaped like ``ClaimRead`` (for serialising without a model)."""
    documents = claim_documents(session, claim_ids=[claim_id])
    if not documents:
        raise NotFound(f"claim {claim_id} does not exist")
    return documents[0]


def list_claims(session: Session, **filters: Any) -> tuple[list[ClaimRead], int]:
    """A page of claims matching the filters and the text ``q`` (in statement or quote), sorted, and the total
    (the keyword arguments of ``list_claim_documents``)."""
    documents, total = list_claim_documents(session, **filters)
    return [ClaimRead.model_validate(d) for d in documents], total


def list_claim_documents(
    session: Session,
    *,
    q: str | None = None,
    status: ClaimStatus | None = None,
    tag: str | None = None,
    source_id: int | None = None,
    due_before: date | None = None,
    sort: ClaimSort = ClaimSort.DEADLINE,
    order: SortOrder = SortOrder.ASC,
    limit: int = 50,
    offset: int = 0,
    orders: ClaimOrders | None = None,
    version: int | None = None,
) -> tuple[list[dict[str, Any]], int]:
    """A page of claims matching the filters and the text ``q`` (in statement or quote), sorted, as plain dicts
    shaped like ``ClaimRead``, and the total. With ``orders``, the listing's order is kept there per ledger
    version (``version``: the committed one the caller has read, if it has)."""
    session.flush()  # the listing's ids are read on the connection, below the ORM's autoflush
    listing = repo.ClaimListing(q.strip() if q else None, status, tag, source_id, due_before, sort, order)
    if orders is None:
        ids: Sequence[int] = repo.ordered_claim_ids(session, listing=listing)
    else:
        ids = orders.ids(session, listing=listing, version=version)
    return claim_documents(session, claim_ids=list(ids[offset : offset + limit])), len(ids)


def get_claims(session: Session, *, claim_ids: Sequence[int]) -> list[ClaimRead]:
    """These claims, fully described, by deadline (unknown ids are left out)."""
    ids = repo.ids_by_deadline(session, claim_ids=claim_ids)
    return [ClaimRead.model_validate(d) for d in claim_documents(session, claim_ids=ids)]


def describe_claims(session: Session, *, claims: Sequence[Claim]) -> list[ClaimRead]:
    """Claims with tags, rule, links, resolution and latest snapshot, in a fixed number of queries."""
    ids = [c.id for c in claims if c.id is not None]
    return [ClaimRead.model_validate(d) for d in claim_documents(session, claim_ids=ids)]


def warm_reads(session: Session) -> None:
    """Run each statement of the claims reads once, so that SQLAlchemy compiles and caches them now and not on
    the first requests (a new API process does this before it takes traffic)."""
    # A listing's statement, on an empty listing: the whole ledger's order is sorted and kept once per process
    # (``orders.ClaimOrders``), not on each connection warmed.
    list_claim_documents(session, source_id=0)
    repo.claim_rows(session, claim_ids=[0])
    repo.versioned_claim_rows(session, claim_ids=[0])


def claim_documents(session: Session, *, claim_ids: Sequence[int]) -> list[dict[str, Any]]:
    """Claims fully described (tags, rule, links, resolution, latest snapshot, condition) as plain dicts with
    ``ClaimRead``'s fields in its order, in the order of ``claim_ids`` (unknown ids are left out).

    One statement whatever the number of claims (one round trip: on PostgreSQL, under load, each round trip
    keeps the event loop waiting on the fast path), and no ORM objects or validation: this is the read API's hot
    path (a page of 50 claims), and ``ClaimRead.model_validate`` turns a dict into the model where one is needed.
    """
    session.flush()  # the repo read below runs on the connection, below the ORM's autoflush
    rows = repo.claim_rows(session, claim_ids=claim_ids)
    return [_document(*rows[i]) for i in claim_ids if i in rows]


def versioned_claim_documents(session: Session, *, claim_ids: Sequence[int]) -> tuple[int | None, list[dict[str, Any]]]:
    """``claim_documents``, and the ledger's version read by the same statement (None when no claim exists):
    committed, if the session holds no writes, and what the documents hold at."""
    version, rows = repo.versioned_claim_rows(session, claim_ids=claim_ids)
    return version, [_document(*rows[i]) for i in claim_ids if i in rows]


def _document(row: tuple[Any, ...], tags: list[str], links: list[tuple[Any, ...]]) -> dict[str, Any]:
    # Unpacked by position: reading 40 columns by name cost more than the query (repo.claim_rows's order).
    (
        claim_id, statement, quote, author, source_id, made_on, deadline, status, probability,
        probability_updated_at, resolution_criteria, interpretation, prior, stated_confidence, stated_probability,
        needs_review, review_note, checked_through, condition,
        method, model, backtest,
        resolution_id, outcome, resolved_on, evidence, resolved_by, decisive_observation_id,
        condition_status, condition_probability, condition_decided_on, condition_op, condition_threshold,
        condition_aggregate, condition_window_start, condition_window_end, condition_indicator, condition_frequency,
    ) = row  # fmt: skip
    rule = None
    indicators = []
    for role, op, threshold, aggregate, window_start, window_end, key, name, frequency, has_data in links:
        if role is LinkRole.DECIDES and op and aggregate and threshold is not None:
            rule = _rule(frequency, made_on, deadline, key, op, threshold, aggregate, window_start, window_end)
        indicators.append({"indicator": key, "name": name, "role": role, "has_data": bool(has_data)})
    condition_rule = None
    if condition_indicator is not None:
        assert condition_op and condition_aggregate and condition_threshold is not None
        condition_rule = _rule(
            condition_frequency,
            made_on,
            deadline,
            condition_indicator,
            condition_op,
            condition_threshold,
            condition_aggregate,
            condition_window_start,
            condition_window_end,
        )
    resolution = None
    if resolution_id is not None:
        resolution = {
            "outcome": outcome,
            "resolved_on": resolved_on,
            "evidence": evidence,
            "resolved_by": resolved_by,
            "decisive_observation_id": decisive_observation_id,
        }
    return {
        "id": claim_id,
        "statement": statement,
        "quote": quote,
        "author": author,
        "source_id": source_id,
        "made_on": made_on,
        "deadline": deadline,
        "status": status,
        "probability": probability,
        "probability_updated_at": probability_updated_at,
        "probability_method": method,
        "probability_model": model,
        "backtest": backtest,
        "rule": rule,
        "tags": tags,
        "resolution": resolution,
        "resolution_criteria": resolution_criteria,
        "interpretation": interpretation,
        "prior": prior,
        "stated_confidence": stated_confidence,
        "stated_probability": stated_probability,
        "needs_review": needs_review,
        "review_note": review_note,
        "checked_through": checked_through,
        "indicators": indicators,
        "condition": condition,
        "condition_status": condition_status,
        "condition_probability": condition_probability,
        "condition_rule": condition_rule,
        "condition_decided_on": condition_decided_on,
    }


def _rule(
    frequency: Frequency,
    made_on: date,
    deadline: date,
    indicator: str,
    op: Any,
    threshold: float,
    aggregate: Any,
    window_start: str | None,
    window_end: str | None,
) -> dict[str, Any]:
    """A rule shaped like ``RuleRead``, its window filled in from the claim's dates."""
    start, end = window_text(
        frequency=frequency, made_on=made_on, deadline=deadline, window_start=window_start, window_end=window_end
    )
    return {
        "indicator": indicator,
        "op": op,
        "threshold": threshold,
        "aggregate": aggregate,
        "window_start": start,
        "window_end": end,
    }


def probability_trends(session: Session, *, claim_ids: Sequence[int], last: int) -> dict[int, list[float]]:
    """The last ``last`` probabilities of each claim, oldest first (for trend sparklines)."""
    return {k: v[-last:] for k, v in repo.probability_histories(session, claim_ids=claim_ids).items()}


_OP_WORDS = {">": "above", ">=": "at least", "<": "below", "<=": "at most"}


def rule_in_words(rule: RuleRead) -> str:
    """The rule as a sentence: "the value of m1_yoy in 2026-06 is above 6"."""
    op = f"{_OP_WORDS[rule.op.value]} {rule.threshold:g}"
    span = rule.window_start if rule.window_start == rule.window_end else f"{rule.window_start}..{rule.window_end}"
    where = f"in {span}" if rule.window_start == rule.window_end else f"over {span}"
    if rule.aggregate.value == "last":
        return f"the value of {rule.indicator} for {rule.window_end} is {op}"
    if rule.aggregate.value == "mean":
        return f"the mean of {rule.indicator} {where} is {op}"
    if rule.aggregate.value == "any":
        return f"{rule.indicator} is {op} in at least one period {where}"
    return f"{rule.indicator} is {op} in every period {where}"


def tags_in_use(session: Session) -> list[tuple[str, int]]:
    """Every tag with its number of claims (for filters)."""
    return repo.tag_counts(session)
