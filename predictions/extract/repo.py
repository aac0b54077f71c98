"""The extract feature's queries: which quotes the ledger already tracks."""

from __future__ import annotations

from collections.abc import Iterator

from sqlmodel import Session, col, select

from predictions.ledger.tables import Claim

# Rows fetched per round trip while the ledger's quotes are compared with an article's.
QUOTE_BATCH = 2_000


def tracked_quotes(session: Session) -> Iterator[tuple[int, str]]:
    """Every claim's id and quote, in id order, streamed in batches (a ledger has thousands, not millions)."""
    statement = select(col(Claim.id), col(Claim.quote)).order_by(col(Claim.id))
    yield from session.exec(statement.execution_options(yield_per=QUOTE_BATCH))  # type: ignore[misc]
