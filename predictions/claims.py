"""Use cases for claims: create one, read one, list them. They flush; the caller commits."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlmodel import Session

from forecasts.errors import PeriodError
from forecasts.periods import Frequency, format_period
from predictions.audit_trail import EventKind, record_event
from predictions.clock import Clock
from predictions.errors import Conflict, InvalidInput, NotFound
from predictions.repo import catalog
from predictions.repo import claims as repo
from predictions.repo.conditions import conditions_by_claim
from predictions.repo.resolutions import active_resolution
from predictions.rescore.conditions import store_condition
from predictions.schemas import (
    ClaimCreate,
    ClaimRead,
    ClaimSort,
    ClaimUpdate,
    LinkRead,
    ResolutionRead,
    RuleIn,
    RuleRead,
    SortOrder,
)
from predictions.tables import Claim, ClaimIndicator, ClaimStatus, ClaimTag, LinkRole, RescoreRequest, Source
from predictions.windows import CAP_YEARS, effective_window, past_cap, window_text

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
    record_event(
        session,
        claim_id=claim.id,
        kind=EventKind.EDIT,
        by=by,
        at=now,
        details={"changed": {name: {"from": before.get(name), "to": after[name]} for name in sorted(changes)}},
    )
    session.add(RescoreRequest(claim_id=claim.id, reason=f"claim edited by {by}", requested_at=now))
    session.flush()
    return claim


def _review(data: ClaimCreate) -> tuple[bool, str | None]:
    """The review flag and note: a list of open points (from ``extract``) becomes the note."""
    points = list(data.needs_review) if isinstance(data.needs_review, list) else []
    if data.proposed_rule is not None and data.rule is None:
        proposed = data.proposed_rule
        unit = f" {proposed.unit}" if proposed.unit else ""
        points.append(f"threshold read from the text: {proposed.op.value} {proposed.threshold:g}{unit} (no rule yet)")
    if not points:
        return bool(data.needs_review), None
    return True, "; ".join(points)


def get_claim(session: Session, *, claim_id: int) -> ClaimRead:
    """One claim, fully described."""
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFound(f"claim {claim_id} does not exist")
    return describe_claims(session, claims=[claim])[0]


def list_claims(
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
) -> tuple[list[ClaimRead], int]:
    """A page of claims matching the filters and the text ``q`` (in statement or quote), sorted, and the total."""
    rows, total = repo.filtered_claims(
        session,
        q=q.strip() if q else None,
        status=status,
        tag=tag,
        source_id=source_id,
        due_before=due_before,
        sort=sort,
        order=order,
        limit=limit,
        offset=offset,
    )
    return describe_claims(session, claims=rows), total


def get_claims(session: Session, *, claim_ids: Sequence[int]) -> list[ClaimRead]:
    """These claims, fully described, by deadline (unknown ids are left out)."""
    return describe_claims(session, claims=repo.claims_by_ids(session, claim_ids=claim_ids))


def describe_claims(session: Session, *, claims: Sequence[Claim]) -> list[ClaimRead]:
    """Claims with tags, rule, links, resolution and latest snapshot, in a fixed number of queries."""
    ids = [c.id for c in claims if c.id is not None]
    tags = repo.tags_by_claim(session, claim_ids=ids)
    links = repo.links_by_claim(session, claim_ids=ids)
    resolutions = repo.current_resolutions(session, claim_ids=ids)
    snapshots = repo.latest_snapshots(session, claim_ids=ids)
    conditions = conditions_by_claim(session, claim_ids=ids)
    condition_indicators = {
        i.id: i
        for i in catalog.indicators_by_ids(session, ids=[c.indicator_id for c in conditions.values() if c.indicator_id])
    }
    result = []
    for claim in claims:
        assert claim.id is not None
        rule = None
        for link, indicator, _ in links.get(claim.id, []):
            if link.role is LinkRole.DECIDES and link.op and link.aggregate and link.threshold is not None:
                start, end = window_text(
                    frequency=indicator.frequency,
                    made_on=claim.made_on,
                    deadline=claim.deadline,
                    window_start=link.window_start,
                    window_end=link.window_end,
                )
                rule = RuleRead(
                    indicator=indicator.key,
                    op=link.op,
                    threshold=link.threshold,
                    aggregate=link.aggregate,
                    window_start=start,
                    window_end=end,
                )
        resolution = resolutions.get(claim.id)
        snapshot = snapshots.get(claim.id)
        condition = conditions.get(claim.id)
        condition_rule = None
        if condition is not None and condition.indicator_id is not None:
            on = condition_indicators[condition.indicator_id]
            assert condition.op and condition.aggregate and condition.threshold is not None
            start, end = window_text(
                frequency=on.frequency,
                made_on=claim.made_on,
                deadline=claim.deadline,
                window_start=condition.window_start,
                window_end=condition.window_end,
            )
            condition_rule = RuleRead(
                indicator=on.key,
                op=condition.op,
                threshold=condition.threshold,
                aggregate=condition.aggregate,
                window_start=start,
                window_end=end,
            )
        result.append(
            ClaimRead(
                **claim.model_dump(exclude={"created_at"}),
                rule=rule,
                tags=tags.get(claim.id, []),
                resolution=ResolutionRead.model_validate(resolution, from_attributes=True) if resolution else None,
                probability_method=snapshot.method if snapshot else None,
                probability_model=snapshot.model if snapshot else None,
                backtest=(snapshot.details or {}).get("backtest") if snapshot else None,
                condition_status=condition.status if condition else None,
                condition_probability=condition.probability if condition else None,
                condition_rule=condition_rule,
                condition_decided_on=condition.decided_on if condition else None,
                indicators=[
                    LinkRead(indicator=indicator.key, name=indicator.name, role=link.role, has_data=has_data)
                    for link, indicator, has_data in links.get(claim.id, [])
                ],
            )
        )
    return result


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
