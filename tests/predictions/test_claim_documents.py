"""Reading claims fully described in one statement: tags, links and their order, claims with neither, and ids
asked for twice or not at all."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from predictions.claims.claims import claim_documents
from predictions.ledger.tables import ClaimIndicator, ClaimTag, LinkRole
from tests.factories import add_observations, link_rule, make_claim, make_indicator


def _statements(session: Session) -> list[str]:
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(statement)

    sa.event.listen(session.connection(), "before_cursor_execute", record)
    return seen


def test_tags_links_and_their_order_come_in_one_statement(session: Session) -> None:
    linked = make_claim(session, statement="Linked")
    bare = make_claim(session, statement="Bare")
    rule_on = make_indicator(session, key="m_rule")
    add_observations(session, indicator=rule_on, start="2024-01", values=[1.0])
    link_rule(session, claim=linked, indicator=rule_on, threshold=2.5)
    for key in ("z_lead", "a_lead"):  # leading indicators without data, stored out of order
        lead = make_indicator(session, key=key)
        session.add(ClaimIndicator(claim_id=linked.id, indicator_id=lead.id, role=LinkRole.LEADING))
    for tag in ("rates", "China", "ächtung", "banks"):  # code point order: upper case, lower case, then ä
        session.add(ClaimTag(claim_id=linked.id, tag=tag))
    session.flush()
    seen = _statements(session)

    first, second, again = claim_documents(session, claim_ids=[bare.id, linked.id, bare.id, 10**9])  # type: ignore[list-item]

    assert len(seen) == 1
    assert (first["statement"], first["tags"], first["indicators"], first["rule"]) == ("Bare", [], [], None)
    assert again == first
    assert second["tags"] == ["China", "banks", "rates", "ächtung"]
    assert second["indicators"] == [  # the deciding link first, then the leading ones by key
        {"indicator": "m_rule", "name": "m rule", "role": LinkRole.DECIDES, "has_data": True},
        {"indicator": "a_lead", "name": "a lead", "role": LinkRole.LEADING, "has_data": False},
        {"indicator": "z_lead", "name": "z lead", "role": LinkRole.LEADING, "has_data": False},
    ]
    assert second["rule"]["indicator"] == "m_rule" and second["rule"]["threshold"] == 2.5


def test_no_ids_runs_no_statement(session: Session) -> None:
    seen = _statements(session)
    assert claim_documents(session, claim_ids=[]) == []
    assert seen == []
