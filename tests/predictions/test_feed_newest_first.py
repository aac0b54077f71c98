"""The changes feed reads newest first, a batch at a time (issue 21), and says what the full scan said.

The reference is the digest's own scan of the whole window (``digest.changes``, every snapshot with its
predecessor, oldest first) plus every resolution, sorted and cut: the feed's answer before issue 21. Random
ledgers (hypothesis, seeded), a batch of three so that the walk crosses many batches.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import Session

from predictions.digest import digest
from predictions.digest import repo as digest_repo
from predictions.ledger.clock import FixedClock
from predictions.ledger.tables import Outcome, Resolution, SnapshotKind
from tests.factories import make_claim, make_snapshot

NOW = datetime(2026, 11, 28, 12, tzinfo=UTC)
EVENT = st.tuples(
    st.integers(0, 3),  # which claim
    st.integers(0, 140 * 24),  # hours before now (some before the 90-day window)
    st.sampled_from([0.2, 0.205, 0.3, 0.5, 0.7]),  # some moves under MIN_MOVE
    st.sampled_from(["live", "live", "live", "hindcast", "resolution"]),
)


def _reference(session: Session, *, statements: dict[int, str], limit: int) -> list[tuple[str, str]]:
    start = NOW - timedelta(days=90)
    entries = [
        (s.at, f"snapshot-{s.id}", digest.move_sentence(s, before=b, statement=statements[s.claim_id]))
        for s, b in digest.changes(session, start=start, end=NOW, claim_ids=None)
    ]
    entries += [
        (r.created_at, f"resolution-{r.id}", "")
        for _, r in digest_repo.resolutions_between(session, start=start, end=NOW, claim_ids=None)
    ]
    entries.sort(key=lambda e: (e[0], e[1]), reverse=True)
    return [(key, summary) for _, key, summary in entries[:limit]]


@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(events=st.lists(EVENT, max_size=30, unique_by=lambda e: e[1]), limit=st.integers(1, 8))
def test_the_feed_read_newest_first_equals_the_full_scan(
    session: Session, monkeypatch: pytest.MonkeyPatch, events: list, limit: int
) -> None:
    monkeypatch.setattr(digest, "MOVE_BATCH", 3)
    savepoint = session.begin_nested()
    claims = [make_claim(session, statement=f"claim {i}", deadline=date(2027, 12, 31)) for i in range(4)]
    for which, hours, probability, kind in events:
        at = NOW - timedelta(hours=hours, minutes=which)
        if kind == "resolution":
            session.add(
                Resolution(
                    claim_id=claims[which].id,  # type: ignore[arg-type]
                    outcome=Outcome.TRUE,
                    resolved_on=at.date(),
                    evidence="seen",
                    resolved_by="r",
                    created_at=at,
                )
            )
        else:
            make_snapshot(session, claim=claims[which], at=at, probability=probability, kind=SnapshotKind(kind))
    session.flush()
    got = digest.recent_changes(session, clock=FixedClock(NOW), limit=limit)
    want = _reference(session, statements={c.id: c.statement for c in claims if c.id}, limit=limit)
    assert [c.key for c in got] == [key for key, _ in want]
    assert [c.summary for c in got if c.key.startswith("snapshot")] == [s for k, s in want if k.startswith("snapshot")]
    savepoint.rollback()
