"""Use cases for sources, indicators and their observations (the read side, plus new sources)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session

from forecasts.periods import format_period, parse_period
from predictions.data import repo_catalog as repo
from predictions.data.repo_ingestion import latest_values
from predictions.data.repo_observations import observations_as_of
from predictions.ledger.clock import Clock
from predictions.ledger.errors import NotFound
from predictions.ledger.schemas import (
    IndicatorRead,
    LinkedClaim,
    ObservationRead,
    ObservationVintages,
    SourceCreate,
    SourceRead,
)
from predictions.ledger.tables import Indicator, Source


def create_source(session: Session, *, data: SourceCreate, clock: Clock) -> SourceRead:
    """Store a new source."""
    source = Source(**data.model_dump(), created_at=clock.now())
    session.add(source)
    session.flush()
    return _source_read(source, n_claims=0, with_text=True)


def get_source(session: Session, *, source_id: int) -> SourceRead:
    """One source, with its full text."""
    source = session.get(Source, source_id)
    if source is None:
        raise NotFound(f"source {source_id} does not exist")
    counts = repo.claim_counts_by_source(session, source_ids=[source_id])
    return _source_read(source, n_claims=counts.get(source_id, 0), with_text=True)


def list_sources(session: Session, *, limit: int, offset: int) -> tuple[list[SourceRead], int]:
    """A page of sources (without their text), and the total."""
    rows, total = repo.paged_sources(session, limit=limit, offset=offset)
    counts = repo.claim_counts_by_source(session, source_ids=[s.id for s in rows if s.id is not None])
    return [_source_read(s, n_claims=counts.get(s.id or 0, 0), with_text=False) for s in rows], total


def get_indicator(session: Session, *, key: str) -> IndicatorRead:
    """One indicator with a summary of its data, its latest value, its data source and its linked claims."""
    indicator = require_indicator(session, key=key)
    read = describe_indicators(session, indicators=[indicator])[0]
    assert indicator.id is not None
    if read.last_period is not None:
        last = parse_period(read.last_period, indicator.frequency)
        newest = latest_values(session, indicator_id=indicator.id, period_starts=[last]).get(last)
        if newest is not None:
            read.latest_value, read.latest_value_as_of = newest.value, newest.as_of
    read.claims = [
        LinkedClaim(id=c.id, statement=c.statement, status=c.status, probability=c.probability, role=role)  # type: ignore[arg-type]
        for c, role in repo.linked_claims(session, indicator_id=indicator.id)
    ]
    return read


def list_indicators(session: Session, *, limit: int, offset: int) -> tuple[list[IndicatorRead], int]:
    """A page of indicators, and the total."""
    rows, total = repo.paged_indicators(session, limit=limit, offset=offset)
    return describe_indicators(session, indicators=rows), total


def list_observations(
    session: Session, *, key: str, as_of: datetime | None, limit: int, offset: int
) -> tuple[list[ObservationRead], int]:
    """A page of the indicator's values as known at ``as_of`` (default: now), in period order."""
    indicator = require_indicator(session, key=key)
    rows = observations_as_of(session, indicator_id=indicator.id, as_of=as_of)  # type: ignore[arg-type]
    page = rows[offset : offset + limit]
    return [ObservationRead.model_validate(o, from_attributes=True) for o in page], len(rows)


def observations_since(session: Session, *, key: str, since: str) -> list[ObservationRead]:
    """The indicator's current values from period ``since`` on (for charts: no need to read its whole history)."""
    indicator = require_indicator(session, key=key)
    start = parse_period(since, indicator.frequency)
    rows = observations_as_of(session, indicator_id=indicator.id, since=start)  # type: ignore[arg-type]
    return [ObservationRead.model_validate(o, from_attributes=True) for o in rows]


def require_indicator(session: Session, *, key: str) -> Indicator:
    """The indicator with ``key``, or NotFound with a hint."""
    indicator = repo.indicator_by_key(session, key=key)
    if indicator is None:
        raise NotFound(f"indicator {key!r} does not exist (GET /api/v1/indicators lists them)")
    return indicator


def describe_indicators(session: Session, *, indicators: Sequence[Indicator]) -> list[IndicatorRead]:
    """Indicators with their data summaries and linked claims."""
    ids = [i.id for i in indicators if i.id is not None]
    summaries = repo.data_summaries(session, indicator_ids=ids)
    claim_ids = repo.claim_ids_by_indicator(session, indicator_ids=ids)
    result = []
    for indicator in indicators:
        assert indicator.id is not None
        n, first, last, as_of = summaries.get(indicator.id, (0, None, None, None))
        result.append(
            IndicatorRead(
                **indicator.model_dump(exclude={"id", "created_at"}),
                n_periods=n,
                first_period=format_period(first, indicator.frequency) if first else None,
                last_period=format_period(last, indicator.frequency) if last else None,
                data_as_of=as_of,
                has_data=n > 0,
                claim_ids=claim_ids.get(indicator.id, []),
            )
        )
    return result


def _source_read(source: Source, *, n_claims: int, with_text: bool) -> SourceRead:
    data = source.model_dump(exclude={"created_at", "text"})
    return SourceRead(**data, n_claims=n_claims, text=source.text if with_text else None)


def indicator_vintages(session: Session, *, key: str, periods: int) -> list[ObservationVintages]:
    """The indicator's last ``periods`` periods, newest first, each with the vintages it revised."""
    indicator = require_indicator(session, key=key)
    rows = repo.recent_vintages(session, indicator_id=indicator.id, periods=periods)  # type: ignore[arg-type]
    result: list[ObservationVintages] = []
    for row in rows:
        read = ObservationRead.model_validate(row, from_attributes=True)
        if result and result[-1].period == row.period:
            result[-1].earlier.append(read)
        else:
            result.append(ObservationVintages(**read.model_dump()))
    return result
