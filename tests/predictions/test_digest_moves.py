"""The digest's biggest moves for a claim first scored during the week (the README's walk-through: a fresh
ledger, then a check on the court-case claim, then the digest)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlmodel import Session

from predictions.digest.digest import biggest_moves, build_digest, parse_week
from predictions.ledger.tables import SnapshotKind
from tests.factories import make_claim, make_snapshot

WEEK = parse_week("2026-W48")  # Monday 23 to Sunday 29 November 2026
HINDCAST = SnapshotKind.HINDCAST


def test_a_claim_first_scored_this_week_moves_from_its_first_live_snapshot(session: Session) -> None:
    """Old behaviour caught: KeyError in ``biggest_moves`` (digest --send crashed, the preview answered 500),
    because the claim had no live snapshot before the week, only a hindcast."""
    claim = make_claim(session, statement="Court case filed by 2025", made_on=date(2024, 5, 1), prior=0.35)
    make_snapshot(session, claim=claim, at=datetime(2024, 5, 1, tzinfo=UTC), probability=0.35, kind=HINDCAST)
    make_snapshot(session, claim=claim, at=datetime(2026, 11, 28, 21, 49, tzinfo=UTC), probability=0.35)
    make_snapshot(
        session,
        claim=claim,
        at=datetime(2026, 11, 28, 21, 52, tzinfo=UTC),
        probability=0.122,
        reason="checked through 2025-06-30: no event (researcher)",
    )

    moves = biggest_moves(session, start=WEEK.start, end=WEEK.end, claim_ids=None)

    assert [(m.claim_id, m.before, m.after) for m in moves] == [(claim.id, 0.35, 0.122)]
    assert moves[0].sentence == (
        "P(Court case filed by 2025) fell from 35% to 12% after checked through 2025-06-30: no event (researcher)."
    )
    assert [p for _, p in moves[0].history] == [0.35, 0.122]  # live snapshots only
    assert [m.claim_id for m in build_digest(session, week=WEEK, tags=[]).moves] == [claim.id]
