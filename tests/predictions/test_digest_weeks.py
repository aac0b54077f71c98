"""ISO weeks of the digest, when each is due, and the signed subscription tokens: pure functions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from predictions.digest.digest import last_complete_week, parse_week, send_time, week_due, week_of
from predictions.digest.tokens import TokenSigner
from predictions.ledger.clock import FixedClock
from predictions.ledger.errors import InvalidInput


def test_weeks() -> None:
    week = parse_week("2026-W47")
    assert week.monday.isoformat() == "2026-11-16" and week.end == datetime(2026, 11, 23, tzinfo=UTC)
    assert parse_week("2026-W53").label == "2026-W53"  # 2026 has 53 ISO weeks
    assert week_of(datetime(2027, 1, 1).date()).label == "2026-W53"
    assert last_complete_week(FixedClock(datetime(2026, 11, 23, 0, 1, tzinfo=UTC))).label == "2026-W47"
    for bad in ("2026-47", "2027-W53", "W47", ""):
        with pytest.raises(InvalidInput):
            parse_week(bad)


def test_a_week_is_due_on_the_monday_after_at_the_local_hour() -> None:
    week = parse_week("2026-W47")
    # Monday 23 November 2026, 07:00 in Shanghai (UTC+8) is Sunday 22 November, 23:00 UTC.
    due = send_time(week, timezone="Asia/Shanghai", hour=7)
    assert due == datetime(2026, 11, 22, 23, 0, tzinfo=UTC)
    assert week_due(due - timedelta(minutes=1), timezone="Asia/Shanghai", hour=7).label == "2026-W46"
    assert week_due(due, timezone="Asia/Shanghai", hour=7).label == "2026-W47"
    assert week_due(due + timedelta(days=6, hours=23), timezone="Asia/Shanghai", hour=7).label == "2026-W47"
    assert week_due(datetime(2026, 11, 23, 7, 0, tzinfo=UTC), timezone="UTC", hour=7).label == "2026-W47"


def test_tokens_are_signed_scoped_and_confirmations_expire() -> None:
    clock = FixedClock(datetime(2026, 11, 28, tzinfo=UTC))
    signer = TokenSigner("secret one", clock=clock)
    confirm = signer.confirm_token(public_id="abc", tags=["ai"])
    unsubscribe = signer.unsubscribe_token(public_id="abc")
    assert signer.read_confirm(confirm).tags == ["ai"] and signer.read_unsubscribe(unsubscribe) == "abc"
    with pytest.raises(InvalidInput, match="not valid"):
        signer.read_unsubscribe(confirm)  # a confirmation token cannot unsubscribe
    with pytest.raises(InvalidInput, match="not valid"):
        TokenSigner("another secret", clock=clock).read_unsubscribe(unsubscribe)
    clock.at += timedelta(days=7, seconds=1)
    with pytest.raises(InvalidInput, match="expired"):
        signer.read_confirm(confirm)
    assert signer.read_unsubscribe(unsubscribe) == "abc"  # unsubscribe links never expire
