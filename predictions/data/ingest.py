"""Ingestion: indicators and their observations in, idempotently, one transaction per batch.

Rules (PRODUCT.md, "Observation"):
- A batch with any bad row is refused whole (``InvalidInput`` naming the rows); nothing is written.
- The same value for a period again is ``unchanged``. A different value is a **revision**: a new row with its
  own ``as_of`` (given, or the clock's now). Nothing is ever overwritten. A value is compared with the vintage
  that was in effect at the new row's ``as_of``.
- Derived indicators (``formula``) are recomputed, in the same transaction, for every period whose inputs
  changed and where every input has a value. A derived value's ``as_of`` is the newest ``as_of`` of its inputs
  for that period, i.e. when it could first have been computed.
- Figure checks that read a changed indicator are recomputed in the same transaction (``predictions.data.figures``).
- Every indicator that changed gets one ``RescoreRequest`` (the outbox) in the same transaction, so that the
  re-scoring worker sees the new data exactly when it is committed.
- Writers of the same indicator are serialised by a database lock taken before anything is read, so that
  concurrent batches neither lose nor duplicate rows and their counts add up.
"""

from __future__ import annotations

import logging
import math
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlmodel import Session

from forecasts.errors import PeriodError
from forecasts.periods import Frequency, format_period, parse_period
from predictions.data import repo_ingestion as repo
from predictions.data.figures import rerun_checks
from predictions.data.formula import Formula, parse_formula
from predictions.data.repo_catalog import indicators_by_keys
from predictions.data.sources.base import chosen_host, host_allowed, parse_source_ref
from predictions.ledger.clock import Clock
from predictions.ledger.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from predictions.ledger.tables import Indicator, RescoreRequest

logger = logging.getLogger(__name__)

MAX_PROBLEMS_SHOWN = 10

Progress = Callable[[str], None]


@dataclass(frozen=True)
class ObservationIn:
    """One row as received; ``row`` is its number in the caller's terms (list position, or CSV line)."""

    period: Any
    value: Any
    as_of: Any = None
    row: int = 0


@dataclass(frozen=True)
class BatchIn:
    """Observations of one indicator."""

    indicator: str
    observations: Sequence[ObservationIn]


@dataclass
class IngestResult:
    """What a batch did to one indicator."""

    inserted: int = 0
    revised: int = 0
    unchanged: int = 0
    last_changed_period: str | None = None
    derived: bool = False

    def counts(self) -> dict[str, int]:
        """The answer of the API: ``{"inserted", "revised", "unchanged"}``."""
        return {"inserted": self.inserted, "revised": self.revised, "unchanged": self.unchanged}

    @property
    def changed(self) -> int:
        """How many new rows this batch wrote for the indicator."""
        return self.inserted + self.revised


@dataclass(frozen=True)
class _Clean:
    period_start: date
    value: float
    as_of: datetime
    row: int


@dataclass
class _Plan:
    rows: list[dict[str, Any]] = field(default_factory=list)
    changed: set[date] = field(default_factory=set)
    latest: dict[date, repo.Vintage] = field(default_factory=dict)  # each batch period's newest vintage after it


def create_indicator(
    session: Session,
    *,
    key: str,
    name: str,
    frequency: Frequency | str,
    clock: Clock,
    unit: str | None = None,
    description: str | None = None,
    source: str | None = None,
    formula: str | None = None,
    allowed_hosts: Collection[str] | None = None,
    by_admin: bool = False,
) -> Indicator:
    """Create an indicator; a derived one gets its ``formula`` checked and its history computed at once.

    With ``allowed_hosts`` (a writer's request), a ``csv:`` source on any other host needs ``by_admin``
    (``PermissionDenied``), and the sync fetches such a source only because an admin set it. Callers that are
    the operator (the seed, tests) pass neither.
    """
    ref = parse_source_ref(source)
    if (
        ref is not None
        and allowed_hosts is not None
        and not by_admin
        and not host_allowed(ref, allowed_hosts=allowed_hosts)
    ):
        raise PermissionDenied(
            f"a data source on {chosen_host(ref) or 'this host'} needs an admin key: with a researcher key, a csv: "
            f"source may only name {', '.join(sorted(allowed_hosts)) or 'no host'} (PREDTRACK_SOURCE_HOSTS)",
            field="source",
        )
    try:
        frequency = Frequency.parse(str(frequency))
    except PeriodError as exc:
        raise InvalidInput(str(exc)) from None
    if indicators_by_keys(session, keys=[key]):
        raise Conflict(f"indicator {key!r} already exists; pick another key")
    # An empty formula is a mistake (400), not a request for a raw indicator: that is no formula at all.
    parsed = _check_formula(session, formula=formula, key=key, frequency=frequency) if formula is not None else None
    indicator = Indicator(
        key=key,
        name=name,
        unit=unit,
        frequency=frequency,
        description=description,
        source=source,
        source_set_by_admin=by_admin and ref is not None,
        formula=parsed.text if parsed else None,
        created_at=clock.now(),
    )
    session.add(indicator)
    session.flush()
    if parsed is not None:
        inputs = indicators_by_keys(session, keys=parsed.inputs)
        periods = repo.all_period_starts(session, indicator_ids=_ids(inputs.values()))
        result = _recompute_derived(session, derived=indicator, formula=parsed, periods=periods, clock=clock)
        logger.info("derived indicator %s created with %s computed values", key, result.inserted)
    return indicator


def ingest_observations(
    session: Session,
    *,
    indicator_key: str,
    observations: Sequence[ObservationIn],
    clock: Clock,
    origin: str | None = None,
) -> IngestResult:
    """Ingest one batch of one indicator; the answer counts inserted, revised and unchanged rows."""
    results = ingest_batches(
        session, batches=[BatchIn(indicator=indicator_key, observations=observations)], clock=clock, origin=origin
    )
    return results[indicator_key]


def ingest_batches(
    session: Session,
    *,
    batches: Sequence[BatchIn],
    clock: Clock,
    origin: str | None = None,
    progress: Progress | None = None,
) -> dict[str, IngestResult]:
    """Ingest several indicators' observations as one unit; answers per indicator, derived ones included."""
    say = progress or (lambda _message: None)
    now = clock.now()
    keys = {batch.indicator for batch in batches}
    indicators = indicators_by_keys(session, keys=keys)
    unknown = sorted(keys - indicators.keys())
    if unknown:
        raise NotFound(
            f"unknown indicator(s) {', '.join(map(repr, unknown))}: create them first (POST /api/v1/indicators)"
        )
    for key in sorted(keys):
        if indicators[key].formula:
            raise Conflict(
                f"indicator {key!r} is derived ({indicators[key].formula}); post observations of its inputs instead"
            )
    if not any(batch.observations for batch in batches):
        raise InvalidInput("the batch has no observations")

    grouped: dict[str, list[ObservationIn]] = defaultdict(list)
    for batch in batches:
        grouped[batch.indicator].extend(batch.observations)
    say(f"checking {sum(len(rows) for rows in grouped.values())} observation(s)")
    cleaned = {key: _clean(rows, frequency=indicators[key].frequency, now=now) for key, rows in grouped.items()}

    dependents = _dependents(session, changed_keys=keys)
    repo.lock_indicators_for_write(
        session,
        indicator_ids=_ids([*indicators.values(), *(d for d, _ in dependents)]),
    )

    results: dict[str, IngestResult] = {}
    plans: dict[str, _Plan] = {}
    for key, rows in cleaned.items():
        say(f"comparing {len(rows)} observation(s) of {key} with stored vintages")
        results[key], plans[key] = _plan(session, indicator=indicators[key], rows=rows, now=now, origin=origin)
    # Every batch is checked before anything is inserted, so that a refused file writes nothing at all.
    for key, plan in plans.items():
        say(f"inserting {len(plan.rows)} observation(s) of {key}")
        repo.insert_observations(session, rows=plan.rows)
    changed_periods = {key: plan.changed for key, plan in plans.items()}

    for derived, formula in dependents:
        periods = set().union(*(changed_periods.get(k, set()) for k in formula.inputs))
        if periods:
            say(f"recomputing derived indicator {derived.key} for {len(periods)} period(s)")
            results[derived.key] = _recompute_derived(
                session,
                derived=derived,
                formula=formula,
                periods=periods,
                clock=clock,
                origin=origin,
                known={key: plan.latest for key, plan in plans.items()},
            )

    by_key = {**indicators, **{d.key: d for d, _ in dependents}}
    requests = [
        RescoreRequest(indicator_id=by_key[key].id, reason=_reason(key, result), requested_at=now)
        for key, result in results.items()
        if result.changed
    ]
    repo.add_rescore_requests(session, requests=requests)
    session.flush()
    changed_ids = [by_key[key].id for key, result in results.items() if result.changed]
    rerun_checks(session, indicator_ids=[i for i in changed_ids if i is not None], clock=clock)
    for key, result in results.items():
        logger.info("ingested %s: %s", key, result.counts())
    return results


def _ids(indicators: Iterable[Indicator]) -> list[int]:
    return [i.id for i in indicators if i.id is not None]


def _reason(key: str, result: IngestResult) -> str:
    parts = [f"{result.inserted} new" if result.inserted else "", f"{result.revised} revised" if result.revised else ""]
    what = ", ".join(p for p in parts if p)
    kind = "derived value(s)" if result.derived else "observation(s)"
    return f"{what} {kind} of {key} up to {result.last_changed_period}"


def _check_formula(session: Session, *, formula: str, key: str, frequency: Frequency) -> Formula:
    parsed = parse_formula(formula)
    if key in parsed.inputs:
        raise InvalidInput(f"formula {formula!r} refers to the indicator itself")
    inputs = indicators_by_keys(session, keys=parsed.inputs)
    missing = sorted(parsed.inputs - inputs.keys())
    if missing:
        raise InvalidInput(f"formula {formula!r} uses unknown indicator(s): {', '.join(missing)}")
    for name, indicator in sorted(inputs.items()):
        if indicator.formula:
            raise InvalidInput(f"formula {formula!r}: {name!r} is itself derived; use the raw indicators it reads")
        if indicator.frequency != frequency:
            raise InvalidInput(
                f"formula {formula!r}: {name!r} has frequency {indicator.frequency.value}, "
                f"the new indicator {frequency.value}; inputs must share the frequency"
            )
    return parsed


def _dependents(session: Session, *, changed_keys: set[str]) -> list[tuple[Indicator, Formula]]:
    found = []
    for indicator in repo.derived_indicators(session):
        try:
            formula = parse_formula(indicator.formula or "")
        except InvalidInput as exc:
            # A formula stored before today's checks must not block its inputs' ingestion forever.
            logger.warning("derived indicator %s is skipped: %s", indicator.key, exc.detail)
            continue
        if formula.inputs & changed_keys:
            found.append((indicator, formula))
    return sorted(found, key=lambda pair: pair[0].key)


def _clean(rows: Sequence[ObservationIn], *, frequency: Frequency, now: datetime) -> list[_Clean]:
    """Check every row; refuse the whole batch, naming the rows, if any is bad."""
    problems: list[str] = []
    seen: dict[date, _Clean] = {}
    for position, raw in enumerate(rows, start=1):
        row = raw.row or position
        try:
            clean = _clean_row(raw, row=row, frequency=frequency, now=now)
        except InvalidInput as exc:
            problems.append(exc.detail)
            continue
        earlier = seen.get(clean.period_start)
        if earlier is None:
            seen[clean.period_start] = clean
        elif earlier.value != clean.value or earlier.as_of != clean.as_of:
            problems.append(
                f"row {row}: period {format_period(clean.period_start, frequency)} appears again with value "
                f"{clean.value!r} (row {earlier.row} has {earlier.value!r}); send one value per period per batch"
            )
    _refuse_if_any(problems)
    return list(seen.values())


def _refuse_if_any(problems: Sequence[str]) -> None:
    if problems:
        more = len(problems) - MAX_PROBLEMS_SHOWN
        detail = "; ".join(problems[:MAX_PROBLEMS_SHOWN]) + (f"; and {more} more problem(s)" if more > 0 else "")
        raise InvalidInput(f"batch refused, nothing was written: {detail}")


def _clean_row(raw: ObservationIn, *, row: int, frequency: Frequency, now: datetime) -> _Clean:
    if isinstance(raw.period, bool) or not isinstance(raw.period, str | int):
        raise InvalidInput(f"period {raw.period!r} is not text; write it like '2024-01'", row=row)
    try:
        period_start = parse_period(str(raw.period), frequency)
    except PeriodError as exc:
        raise InvalidInput(str(exc), row=row) from None
    value = raw.value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidInput(f"value {value!r} is not a number", row=row)
    try:
        value = float(value)
    except OverflowError:
        raise InvalidInput(f"value {str(value)[:20]}... is too large for a 64-bit float", row=row) from None
    if not math.isfinite(value):
        raise InvalidInput(f"value {value!r} is not a finite number", row=row)
    as_of = _parse_as_of(raw.as_of, row=row, default=now)
    if as_of > now:
        raise InvalidInput(f"as_of {as_of.isoformat()} is in the future (now is {now.isoformat()})", row=row)
    if period_start > as_of.date():
        raise InvalidInput(
            f"period {format_period(period_start, frequency)} starts after as_of {as_of.date()}: "
            "a value cannot be known before its period begins",
            row=row,
        )
    return _Clean(period_start=period_start, value=value, as_of=as_of, row=row)


def _parse_as_of(raw: Any, *, row: int, default: datetime) -> datetime:
    """None means now; a date means its midnight UTC; a time without a zone is read as UTC."""
    if raw is None or raw == "":
        return default
    if isinstance(raw, datetime):
        parsed = raw
    elif isinstance(raw, date):
        parsed = datetime(raw.year, raw.month, raw.day)
    elif isinstance(raw, str):
        try:
            parsed = datetime.fromisoformat(raw.strip())
        except ValueError:
            raise InvalidInput(
                f"as_of {raw!r} is not an ISO-8601 time; write it like '2025-11-15T08:00:00Z' or '2025-11-15'",
                row=row,
            ) from None
    else:
        raise InvalidInput(f"as_of {raw!r} is not an ISO-8601 time", row=row)
    try:
        return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
    except OverflowError:  # 0001-01-01T00:00+01:00 and the like fall off the calendar in UTC
        raise InvalidInput(f"as_of {raw!r} lies outside the calendar once converted to UTC", row=row) from None


def _plan(
    session: Session, *, indicator: Indicator, rows: Sequence[_Clean], now: datetime, origin: str | None
) -> tuple[IngestResult, _Plan]:
    """Compare the rows with the stored vintages; say what to insert and count what happens."""
    stored = repo.stored_vintages(
        session,
        indicator_id=indicator.id,  # type: ignore[arg-type]
        period_starts={r.period_start for r in rows},
    )
    result, plan = IngestResult(), _Plan()
    problems: list[str] = []
    for clean in rows:
        vintages = stored.get(clean.period_start, [])
        outcome = _classify(clean.value, clean.as_of, vintages)
        if outcome == "clash":
            problems.append(
                f"row {clean.row}: period {format_period(clean.period_start, indicator.frequency)} already has a "
                f"different value known at exactly {clean.as_of.isoformat()}; nothing is overwritten, so send a "
                "revision with a later as_of (or none, meaning now)"
            )
            continue
        _count(result, outcome)
        newest = vintages[-1] if vintages else None
        if outcome != "unchanged":
            plan.rows.append(_row(indicator, clean.period_start, clean.value, clean.as_of, now, origin))
            plan.changed.add(clean.period_start)
            if newest is None or newest.as_of < clean.as_of:
                newest = repo.Vintage(value=clean.value, as_of=clean.as_of)
        assert newest is not None
        plan.latest[clean.period_start] = newest
    _refuse_if_any(problems)
    if plan.changed:
        result.last_changed_period = format_period(max(plan.changed), indicator.frequency)
    return result, plan


def _classify(value: float, as_of: datetime, vintages: Sequence[repo.Vintage]) -> str:
    """``inserted`` (first value of the period), ``revised``, ``unchanged`` or ``clash`` (same as_of, new value)."""
    if not vintages:
        return "inserted"
    in_effect = None
    for vintage in vintages:
        if vintage.as_of == as_of:
            return "unchanged" if vintage.value == value else "clash"
        if vintage.as_of < as_of:
            in_effect = vintage
    return "unchanged" if in_effect is not None and in_effect.value == value else "revised"


def _count(result: IngestResult, outcome: str) -> None:
    setattr(result, outcome, getattr(result, outcome) + 1)


def _row(
    indicator: Indicator, period_start: date, value: float, as_of: datetime, now: datetime, origin: str | None
) -> dict[str, Any]:
    return {
        "indicator_id": indicator.id,
        "period": format_period(period_start, indicator.frequency),
        "period_start": period_start,
        "value": value,
        "as_of": as_of,
        "recorded_at": now,
        "origin": origin,
    }


def _recompute_derived(
    session: Session,
    *,
    derived: Indicator,
    formula: Formula,
    periods: Iterable[date],
    clock: Clock,
    origin: str | None = None,
    known: dict[str, dict[date, repo.Vintage]] | None = None,
) -> IngestResult:
    """Compute ``derived`` for ``periods`` where every input has a value, and store what changed.

    ``known`` holds inputs' newest vintages that the caller already has (the batch just planned), so that
    only the other inputs are read back.
    """
    now = clock.now()
    periods = set(periods)
    inputs = indicators_by_keys(session, keys=formula.inputs)
    known = known or {}
    latest = {
        key: known[key]
        if key in known and periods <= known[key].keys()
        else repo.latest_values(session, indicator_id=indicator.id, period_starts=periods)  # type: ignore[arg-type]
        for key, indicator in inputs.items()
    }
    stored = repo.stored_vintages(session, indicator_id=derived.id, period_starts=periods)  # type: ignore[arg-type]
    result, rows, changed = IngestResult(derived=True), [], set()
    for period_start in sorted(periods):
        current = {key: values.get(period_start) for key, values in latest.items()}
        if any(v is None for v in current.values()):
            continue
        value = formula.evaluate({key: v.value for key, v in current.items() if v is not None})
        if value is None:
            continue
        as_of = max(v.as_of for v in current.values() if v is not None)
        vintages = stored.get(period_start, [])
        outcome = _classify(value, as_of, vintages)
        if outcome == "clash":
            # An input was back-dated below the derived value's newest vintage: record the recomputation now.
            as_of = max(now, vintages[-1].as_of)
            outcome = _classify(value, as_of, vintages)
            if outcome == "clash":
                continue
        _count(result, outcome)
        if outcome != "unchanged":
            rows.append(_row(derived, period_start, value, as_of, now, origin or f"formula: {formula.text}"))
            changed.add(period_start)
    repo.insert_observations(session, rows=rows)
    if changed:
        result.last_changed_period = format_period(max(changed), derived.frequency)
    return result
