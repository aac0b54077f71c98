"""Typed, keyword-only factories for ledger rows. They only flush, like the use cases."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime

from sqlmodel import Session

from forecasts.periods import Frequency, format_period, parse_period
from forecasts.rules import Aggregate, Op
from predictions.ledger.tables import (
    Claim,
    ClaimIndicator,
    ClaimStatus,
    Indicator,
    LinkRole,
    Observation,
    ProbabilitySnapshot,
    SnapshotKind,
    Source,
)

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def make_source(session: Session, *, title: str = "An analysis", text: str | None = "Some text.") -> Source:
    """A source row."""
    source = Source(title=title, publisher="Test Press", published_on=date(2024, 5, 1), text=text)
    session.add(source)
    session.flush()
    return source


def make_claim(
    session: Session,
    *,
    source: Source | None = None,
    statement: str = "Something will happen",
    quote: str = "Something will happen.",
    author: str = "Test Author",
    made_on: date = date(2024, 5, 1),
    deadline: date = date(2026, 12, 31),
    prior: float | None = None,
    status: ClaimStatus = ClaimStatus.OPEN,
) -> Claim:
    """A claim row."""
    claim = Claim(
        statement=statement,
        quote=quote,
        author=author,
        source_id=source.id if source else None,
        made_on=made_on,
        deadline=deadline,
        resolution_criteria="As stated.",
        prior=prior,
        status=status,
    )
    session.add(claim)
    session.flush()
    return claim


def make_indicator(
    session: Session,
    *,
    key: str = "test_series",
    frequency: Frequency = Frequency.MONTHLY,
    formula: str | None = None,
) -> Indicator:
    """An indicator row."""
    indicator = Indicator(key=key, name=key.replace("_", " "), unit="%", frequency=frequency, formula=formula)
    session.add(indicator)
    session.flush()
    return indicator


def add_observations(
    session: Session,
    *,
    indicator: Indicator,
    start: str,
    values: Sequence[float],
    as_of: datetime = T0,
) -> list[Observation]:
    """Consecutive observations from period ``start`` on, all known at ``as_of``."""
    from forecasts.periods import shift

    first = parse_period(start, indicator.frequency)
    rows = []
    for i, value in enumerate(values):
        period_start = shift(first, i, indicator.frequency)
        rows.append(
            Observation(
                indicator_id=indicator.id,  # type: ignore[arg-type]
                period=format_period(period_start, indicator.frequency),
                period_start=period_start,
                value=float(value),
                as_of=as_of,
            )
        )
    session.add_all(rows)
    session.flush()
    return rows


def link_rule(
    session: Session,
    *,
    claim: Claim,
    indicator: Indicator,
    op: Op = Op.GT,
    threshold: float = 0.0,
    aggregate: Aggregate = Aggregate.LAST,
    window_start: str | None = None,
    window_end: str | None = None,
) -> ClaimIndicator:
    """A deciding rule from ``claim`` to ``indicator``."""
    link = ClaimIndicator(
        claim_id=claim.id,  # type: ignore[arg-type]
        indicator_id=indicator.id,  # type: ignore[arg-type]
        role=LinkRole.DECIDES,
        op=op,
        threshold=threshold,
        aggregate=aggregate,
        window_start=window_start,
        window_end=window_end,
    )
    session.add(link)
    session.flush()
    return link


def make_snapshot(
    session: Session,
    *,
    claim: Claim,
    at: datetime,
    probability: float,
    kind: SnapshotKind = SnapshotKind.LIVE,
    method: str = "model",
    model: str = "test",
    reason: str | None = None,
) -> ProbabilitySnapshot:
    """A probability snapshot of ``claim``."""
    snapshot = ProbabilitySnapshot(
        claim_id=claim.id,  # type: ignore[arg-type]
        at=at,
        probability=probability,
        method=method,
        model=model,
        model_version="1",
        inputs_hash="x",
        kind=kind,
        reason=reason,
    )
    session.add(snapshot)
    session.flush()
    return snapshot
