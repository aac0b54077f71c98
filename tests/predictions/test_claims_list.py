"""Listing claims: text search over statement and quote, and every sort key in both directions."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlmodel import Session

from predictions.claims.claims import list_claims
from predictions.ledger.schemas import ClaimSort, SortOrder
from tests.factories import make_claim


def _ledger(session: Session) -> dict[str, int]:
    specs = [
        # name, statement, quote, deadline, probability, updated, created
        ("a", "GDP grows 5%", "growth of 5% is likely", date(2027, 1, 1), 0.7, datetime(2026, 3, 1), 1),
        ("b", "Courts hear a test case", "a legal test_case will come", date(2025, 6, 30), 0.2, None, 3),
        ("c", "Chip exports fall", "exports of CHIPS decline", date(2026, 12, 31), None, None, 2),
    ]
    ids = {}
    for name, statement, quote, deadline, probability, updated, created in specs:
        claim = make_claim(session, statement=statement, quote=quote, deadline=deadline)
        claim.probability = probability
        claim.probability_updated_at = updated.replace(tzinfo=UTC) if updated else None
        claim.created_at = datetime(2026, 1, created, tzinfo=UTC)
        session.add(claim)
        ids[name] = claim.id
    session.flush()
    return ids


def _names(session: Session, ids: dict[str, int], **kwargs) -> list[str]:
    by_id = {v: k for k, v in ids.items()}
    items, _ = list_claims(session, **kwargs)
    return [by_id[c.id] for c in items]


def test_q_searches_statement_and_quote_in_any_case(session: Session) -> None:
    ids = _ledger(session)
    assert _names(session, ids, q="chips") == ["c"]  # quote, upper case there
    assert _names(session, ids, q="COURTS") == ["b"]  # statement
    assert _names(session, ids, q="  test  ") == ["b"]
    items, total = list_claims(session, q="nothing like this")
    assert (items, total) == ([], 0)


def test_q_takes_like_wildcards_literally(session: Session) -> None:
    ids = _ledger(session)
    assert _names(session, ids, q="5%") == ["a"]
    assert _names(session, ids, q="test_case") == ["b"]
    assert _names(session, ids, q="%") == ["a"]
    assert _names(session, ids, q="_") == ["b"]


def test_sort_keys_and_directions(session: Session) -> None:
    ids = _ledger(session)
    assert _names(session, ids) == ["b", "c", "a"]  # deadline ascending is the default
    assert _names(session, ids, sort=ClaimSort.DEADLINE, order=SortOrder.DESC) == ["a", "c", "b"]
    # claims without a probability come last in both directions
    assert _names(session, ids, sort=ClaimSort.PROBABILITY) == ["b", "a", "c"]
    assert _names(session, ids, sort=ClaimSort.PROBABILITY, order=SortOrder.DESC) == ["a", "b", "c"]
    # updated: the probability's last change, else the creation time
    assert _names(session, ids, sort=ClaimSort.UPDATED, order=SortOrder.DESC) == ["a", "b", "c"]
    assert _names(session, ids, sort=ClaimSort.CREATED) == ["a", "c", "b"]
    assert _names(session, ids, sort=ClaimSort.CREATED, order=SortOrder.DESC, limit=1, offset=1) == ["c"]


def test_q_combines_with_filters_and_total(session: Session) -> None:
    _ledger(session)
    items, total = list_claims(session, q="e", due_before=date(2026, 1, 1), limit=1)
    assert total == 1 and items[0].statement == "Courts hear a test case"


def test_sort_by_status_puts_what_needs_a_researcher_first(session) -> None:
    from predictions.claims.claims import list_claims
    from predictions.ledger.schemas import ClaimSort, SortOrder
    from predictions.ledger.tables import ClaimStatus
    from tests.factories import make_claim

    for status in (ClaimStatus.RESOLVED_FALSE, ClaimStatus.OPEN, ClaimStatus.ANNULLED, ClaimStatus.AWAITING_RESOLUTION):
        make_claim(session, statement=f"status sort {status.value}", status=status)
    items, _ = list_claims(session, q="status sort", sort=ClaimSort.STATUS, limit=10)
    expected = ["awaiting_resolution", "open", "resolved_false", "annulled"]  # the order written by hand
    assert [c.status.value for c in items] == expected
    items, _ = list_claims(session, q="status sort", sort=ClaimSort.STATUS, order=SortOrder.DESC, limit=10)
    assert [c.status.value for c in items] == expected[::-1]


def test_kept_orders_give_a_writing_session_its_own_claims_and_keep_nothing(session: Session) -> None:
    from predictions.claims.orders import ClaimListing, ClaimOrders

    ids = _ledger(session)  # written, not committed: no committed version holds these claims
    orders = ClaimOrders()
    by_id = {v: k for k, v in ids.items()}
    items, total = list_claims(session, orders=orders, limit=2, offset=1)
    assert ([by_id[c.id] for c in items], total) == (["c", "a"], 3)  # by deadline: b, c, a
    assert [by_id[i] for i in orders.ids(session, listing=ClaimListing(order=SortOrder.DESC))] == ["a", "c", "b"]
    assert orders.computed == 0
