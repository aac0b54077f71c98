"""Figure checks: the numbers a source reports, against the official series over the same period.

A check names a reported figure (an indicator holding the source's own numbers, and one period of it), the
official series, and how that series is brought to the reported period: the ``mean`` of its periods (an "annual
average"), the ``last`` one (an end-of-year level) or their ``sum`` (a yearly flow from monthly flows). The official
value uses the latest vintage of every period; when a period is missing, the check is ``incomplete``, never
guessed. ``|reported - official| <= tolerance`` is ``consistent``, more is ``differs``.

Checks are recomputed whenever either series changes (``rerun_checks``, called by ingestion in the same
transaction), so what the API shows is always what the data says now. Use cases flush; the caller commits.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from datetime import timedelta

from sqlmodel import Session

from forecasts.errors import PeriodError
from forecasts.periods import Frequency, format_period, parse_period, period_of, period_range, shift
from predictions.data import repo_figures as repo
from predictions.data.repo_catalog import indicators_by_keys
from predictions.data.repo_observations import observations_as_of
from predictions.ledger.clock import Clock
from predictions.ledger.errors import Conflict, InvalidInput, NotFound
from predictions.ledger.schemas import FigureCheckCreate, FigureCheckRead, SourceChecksRead
from predictions.ledger.tables import CheckStatus, FigureCheck, Indicator, Source, Transformation

logger = logging.getLogger(__name__)

# Finest first: an official series can be brought to a reported period only from the same or a finer frequency.
_FINEST_FIRST = [Frequency.DAILY, Frequency.WEEKLY, Frequency.MONTHLY, Frequency.QUARTERLY, Frequency.ANNUAL]


def create_figure_check(session: Session, *, source_id: int, data: FigureCheckCreate, clock: Clock) -> FigureCheckRead:
    """Add a check of one reported figure and compute it at once."""
    if session.get(Source, source_id) is None:
        raise NotFound(f"source {source_id} does not exist")
    keys = [data.reported_indicator, data.official_indicator]
    indicators = indicators_by_keys(session, keys=keys)
    missing = [k for k in keys if k not in indicators]
    if missing:
        raise NotFound(f"unknown indicator(s) {', '.join(missing)}: create them first with POST /api/v1/indicators")
    reported, official = indicators[data.reported_indicator], indicators[data.official_indicator]
    try:
        start = parse_period(data.period, reported.frequency)
    except PeriodError as exc:
        raise InvalidInput(f"period: {exc}") from None
    if _FINEST_FIRST.index(official.frequency) > _FINEST_FIRST.index(reported.frequency):
        raise InvalidInput(
            f"the official series {official.key} ({official.frequency.value}) is coarser than the reported figure "
            f"{reported.key} ({reported.frequency.value}); check against a series at the same or a finer frequency"
        )
    period = format_period(start, reported.frequency)
    assert reported.id is not None and official.id is not None
    if repo.find_check(session, reported_id=reported.id, period=period, official_id=official.id) is not None:
        raise Conflict(f"{reported.key} {period} is already checked against {official.key}")
    check = FigureCheck(
        source_id=source_id,
        reported_indicator_id=reported.id,
        period=period,
        official_indicator_id=official.id,
        transformation=data.transformation,
        tolerance=data.tolerance,
        note=data.note,
        created_at=clock.now(),
    )
    session.add(check)
    _compute(session, check=check, reported=reported, official=official, clock=clock)
    session.flush()
    logger.info("figure check %s: %s %s vs %s: %s", check.id, reported.key, period, official.key, check.status)
    return _read(check, reported=reported, official=official)


def rerun_checks(session: Session, *, indicator_ids: Collection[int], clock: Clock) -> int:
    """Recompute every check that reads one of ``indicator_ids``; the number recomputed."""
    checks = repo.checks_reading(session, indicator_ids=indicator_ids)
    for check in checks:
        reported = session.get(Indicator, check.reported_indicator_id)
        official = session.get(Indicator, check.official_indicator_id)
        assert reported is not None and official is not None
        before = check.status
        _compute(session, check=check, reported=reported, official=official, clock=clock)
        if check.status is not before:
            logger.info("figure check %s is now %s (was %s)", check.id, check.status.value, before.value)
    session.flush()
    return len(checks)


def source_checks(session: Session, *, source_id: int) -> SourceChecksRead:
    """A source's figure checks and their summary ("2 of 2 checked figures differ from the official series")."""
    if session.get(Source, source_id) is None:
        raise NotFound(f"source {source_id} does not exist")
    checks = repo.checks_of_source(session, source_id=source_id)
    items = []
    for check in checks:
        reported = session.get(Indicator, check.reported_indicator_id)
        official = session.get(Indicator, check.official_indicator_id)
        assert reported is not None and official is not None
        items.append(_read(check, reported=reported, official=official))
    counts = {status: sum(1 for c in checks if c.status is status) for status in CheckStatus}
    checked = counts[CheckStatus.DIFFERS] + counts[CheckStatus.CONSISTENT]
    return SourceChecksRead(
        source_id=source_id,
        summary=_summary(checked, counts[CheckStatus.DIFFERS], counts[CheckStatus.INCOMPLETE]),
        checked=checked,
        differ=counts[CheckStatus.DIFFERS],
        consistent=counts[CheckStatus.CONSISTENT],
        incomplete=counts[CheckStatus.INCOMPLETE],
        items=items,
        total=len(items),
        limit=len(items),
        offset=0,
    )


def _summary(checked: int, differ: int, incomplete: int) -> str:
    if checked == 0 and incomplete == 0:
        return "no figure of this source is checked against an official series"
    text = f"{differ} of {checked} checked figure{'s' if checked != 1 else ''} differ from the official series"
    if checked == 1:
        text = text.replace(" differ ", " differs " if differ else " differ ")
    if incomplete:
        text += f"; {incomplete} cannot be checked yet (official data incomplete)"
    return text


def _compute(session: Session, *, check: FigureCheck, reported: Indicator, official: Indicator, clock: Clock) -> None:
    start = parse_period(check.period, reported.frequency)
    last_day = shift(start, 1, reported.frequency) - timedelta(days=1)
    expected = period_range(start, period_of(last_day, official.frequency), official.frequency)
    reported_rows = [
        row
        for row in observations_as_of(session, indicator_id=reported.id)  # type: ignore[arg-type]
        if row.period_start == start
    ]
    official_rows = [
        row
        for row in observations_as_of(session, indicator_id=official.id)  # type: ignore[arg-type]
        if start <= row.period_start <= last_day
    ]
    check.reported_value = reported_rows[0].value if reported_rows else None
    check.expected_periods = len(expected)
    check.official_periods = len(official_rows)
    check.official_data_as_of = max((row.as_of for row in official_rows), default=None)
    check.checked_at = clock.now()
    values = [row.value for row in official_rows]
    if len(values) < len(expected) or not values:
        check.official_value = check.difference = None
        check.status = CheckStatus.INCOMPLETE
        return
    if check.transformation is Transformation.MEAN:
        official_value = sum(values) / len(values)
    elif check.transformation is Transformation.SUM:
        official_value = sum(values)
    else:
        official_value = values[-1]
    check.official_value = round(official_value, 10)
    if check.reported_value is None:
        check.difference = None
        check.status = CheckStatus.INCOMPLETE
        return
    check.difference = round(check.reported_value - official_value, 10)
    # A tiny epsilon: the reported figure is rounded, and a difference equal to the tolerance is within it.
    check.status = CheckStatus.DIFFERS if abs(check.difference) > check.tolerance + 1e-9 else CheckStatus.CONSISTENT


def _read(check: FigureCheck, *, reported: Indicator, official: Indicator) -> FigureCheckRead:
    assert check.id is not None
    return FigureCheckRead(
        id=check.id,
        source_id=check.source_id,
        reported_indicator=reported.key,
        reported_name=reported.name,
        period=check.period,
        reported_value=check.reported_value,
        official_indicator=official.key,
        official_name=official.name,
        unit=official.unit or reported.unit,
        transformation=check.transformation,
        official_value=check.official_value,
        official_periods=check.official_periods,
        expected_periods=check.expected_periods,
        difference=check.difference,
        tolerance=check.tolerance,
        status=check.status,
        official_data_as_of=check.official_data_as_of,
        checked_at=check.checked_at,
        note=check.note,
        explanation=explain(check, reported=reported, official=official),
    )


def explain(check: FigureCheck, *, reported: Indicator, official: Indicator) -> str:
    """One sentence a reader understands: what was reported, what the official series gives, and the verdict."""
    unit = f" {official.unit or reported.unit or ''}".rstrip()
    places = _places(check.reported_value)
    how = {"mean": "the mean of", "last": "the last of", "sum": "the sum of"}[check.transformation.value]
    if check.status is CheckStatus.INCOMPLETE:
        return (
            f"{check.period}: reported {_fmt(check.reported_value, places)}{unit}; {official.key} has "
            f"{check.official_periods} of the {check.expected_periods} periods needed, so it cannot be checked yet."
        )
    verdict = (
        f"off by {_fmt(abs(check.difference or 0), places)}{unit}, more than the tolerance of {check.tolerance:g}"
        if check.status is CheckStatus.DIFFERS
        else f"consistent within {check.tolerance:g}{unit}"
    )
    return (
        f"{check.period}: the source reports {_fmt(check.reported_value, places)}{unit}; {official.key} gives "
        f"{_fmt(check.official_value, places)}{unit} ({how} its {check.expected_periods} periods): {verdict}."
    )


def _places(reported: float | None) -> int:
    """How many decimals the source wrote its figure with (the official value is shown with as many)."""
    if reported is None:
        return 1
    text = f"{reported:.6f}".rstrip("0")
    return min(len(text.split(".")[1]), 4)


def format_figure(value: float | None, *, like: float | None) -> str:
    """``value`` with as many decimals as the reported figure ``like`` (for the dashboard)."""
    return _fmt(value, _places(like))


def _fmt(value: float | None, places: int) -> str:
    return "-" if value is None else f"{value:.{places}f}"
