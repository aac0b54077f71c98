"""Token buckets for costly anonymous reads, kept in the database so that every replica draws on the same one.

A client's bucket holds at most ``burst`` tokens and refills at ``per_minute`` a minute. Taking a token is one
statement, ``INSERT ... ON CONFLICT DO UPDATE ... RETURNING``: the database refills the bucket from the time it
last changed, takes a token if there is one, and says whether it did. The row is locked for that statement only
(PostgreSQL) or the statement holds the write lock (SQLite), so two replicas taking at once cannot both spend the
last token.

Time is the app's clock in seconds since the epoch. Replicas whose clocks disagree a little cannot refill a
bucket twice: time never runs backwards for a bucket (``at`` only grows).

A bucket that has been idle long enough is full again, which is what a missing row means too; such rows are
deleted whenever a new client's row is made, so the table holds only the clients of the last minute or so.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

from predictions.ledger.tables import RateBucket

# A denied client with a rate of zero waits this long (seconds) before asking again.
NEVER = 3600.0


@dataclass(frozen=True)
class Take:
    """The outcome of taking a token: granted, or the seconds until one is there."""

    granted: bool
    wait: float
    tokens: float


def take_token(session: Session, *, client: str, now: float, per_minute: float, burst: int) -> Take:
    """Take one token from ``client``'s bucket at ``now`` (seconds since the epoch); flushes, does not commit."""
    table = RateBucket.__table__  # type: ignore[attr-defined]
    rate = per_minute / 60.0
    cap = float(burst)
    elapsed = sa.case((table.c.at < now, now - table.c.at), else_=0.0)
    grown = table.c.tokens + elapsed * rate
    refilled = sa.case((grown > cap, cap), else_=grown)
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    fresh = cap >= 1
    statement = (
        insert(table)
        .values(client=client, tokens=cap - 1 if fresh else cap, at=now, since=now, granted=fresh)
        .on_conflict_do_update(
            index_elements=["client"],
            set_={
                "tokens": sa.case((refilled >= 1, refilled - 1), else_=refilled),
                "granted": refilled >= 1,
                "at": sa.case((table.c.at < now, now), else_=table.c.at),
            },
        )
        .returning(table.c.tokens, table.c.granted, table.c.since)
    )
    tokens, granted, since = session.execute(statement).one()
    if since == now:  # a new client: forget the clients whose buckets are full again
        forget_idle(session, now=now, per_minute=per_minute, burst=burst)
    if granted:
        return Take(granted=True, wait=0.0, tokens=tokens)
    wait = (1 - tokens) / rate if rate > 0 else NEVER
    return Take(granted=False, wait=wait, tokens=tokens)


def forget_idle(session: Session, *, now: float, per_minute: float, burst: int) -> int:
    """Delete the buckets that have refilled completely by ``now`` (they mean the same as no row); how many."""
    rate = per_minute / 60.0
    if rate <= 0:
        return 0
    full_after = burst / rate
    table = RateBucket.__table__  # type: ignore[attr-defined]
    result = session.execute(sa.delete(table).where(table.c.at < now - full_after))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
