"""A small ledger with one of everything a digest reports, in the ISO week 2026-W47 (16 to 22 November 2026)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy.engine import Engine
from sqlmodel import Session

from predictions.ledger.tables import (
    ClaimStatus,
    ClaimTag,
    HumanForecast,
    Observation,
    Outcome,
    ProbabilitySnapshot,
    Resolution,
    Subscription,
    SubscriptionStatus,
)
from tests.factories import make_claim, make_indicator

WEEK = "2026-W47"
MONDAY_AFTER = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)
SENTENCE = (
    "M1 growth for 2025-12 came in at 5.2 (the forecast median was 4.6), so P(spread below 4 ppt) fell from 62% to 58%."
)


def at(day: int, hour: int = 12) -> datetime:
    """A moment in November 2026."""
    return datetime(2026, 11, day, hour, tzinfo=UTC)


@dataclass(frozen=True)
class Ledger:
    moved: int
    resolved: int
    due: int
    awaiting: int
    new: int


def _snapshot(session: Session, claim_id: int, when: datetime, p: float, **extra: object) -> None:
    session.add(
        ProbabilitySnapshot(
            claim_id=claim_id,
            at=when,
            probability=p,
            method="model",
            model="test",
            model_version="1",
            inputs_hash="x",
            **extra,  # type: ignore[arg-type]
        )
    )


def build_ledger(engine: Engine) -> Ledger:
    """Commit the scenario: a move, a resolution, a deadline, a claim awaiting resolution, a new claim, new data."""
    with Session(engine) as session:
        old = datetime(2026, 10, 1, tzinfo=UTC)
        moved = make_claim(session, statement="Spread below 4 ppt in 2025-12", made_on=date(2025, 1, 1))
        resolved = make_claim(session, statement="AI stack holds 70%", made_on=date(2025, 1, 1))
        due = make_claim(session, statement="Due soon", made_on=date(2025, 1, 1), deadline=date(2026, 12, 10))
        awaiting = make_claim(
            session, statement="Court case filed", deadline=date(2025, 12, 31), status=ClaimStatus.AWAITING_RESOLUTION
        )
        for claim in (moved, resolved, due, awaiting):
            claim.created_at = old
        new = make_claim(session, statement="A brand new claim", made_on=date(2026, 11, 19))
        new.created_at = at(19)
        due.probability = 0.3
        resolved.stated_probability = 0.6
        resolved.status = ClaimStatus.RESOLVED_TRUE
        ids = [c.id for c in (moved, resolved, due, awaiting, new)]
        assert all(i is not None for i in ids)
        tags = {"monetary": [moved, due, new], "ai": [resolved, awaiting]}
        session.add_all(ClaimTag(claim_id=c.id, tag=t) for t, claims in tags.items() for c in claims)  # type: ignore[arg-type]
        _snapshot(session, moved.id, at(1), 0.70)  # type: ignore[arg-type]
        _snapshot(session, moved.id, at(10), 0.62)  # type: ignore[arg-type]
        _snapshot(
            session,
            moved.id,
            at(18),
            0.58,
            reason="new data: m1_yoy 2025-12",
            details={"explanation": SENTENCE},  # type: ignore[arg-type]
        )
        _snapshot(session, resolved.id, at(2), 0.7)  # type: ignore[arg-type]
        session.add(HumanForecast(claim_id=resolved.id, forecaster="ana", probability=0.9, at=at(3)))  # type: ignore[arg-type]
        session.add(
            Resolution(
                claim_id=resolved.id,  # type: ignore[arg-type]
                outcome=Outcome.TRUE,
                resolved_on=date(2026, 11, 17),
                evidence="IDC market share report, 2026-11-16.",
                resolved_by="ana",
                created_at=at(17),
            )
        )
        indicator = make_indicator(session, key="m1_yoy")
        session.add(
            Observation(
                indicator_id=indicator.id,  # type: ignore[arg-type]
                period="2025-12",
                period_start=date(2025, 12, 1),
                value=5.2,
                as_of=at(18),
                recorded_at=at(18),
            )
        )
        session.commit()
        return Ledger(*ids)  # type: ignore[arg-type]


def add_subscriber(engine: Engine, email: str, *, tags: list[str] | None = None) -> int:
    """Commit an active subscription."""
    with Session(engine) as session:
        row = Subscription(
            email=email,
            email_key=email.lower(),
            public_id=secrets.token_urlsafe(16),
            tags=tags or [],
            status=SubscriptionStatus.ACTIVE,
            created_at=at(1),
            confirmed_at=at(1),
        )
        session.add(row)
        session.commit()
        assert row.id is not None
        return row.id
