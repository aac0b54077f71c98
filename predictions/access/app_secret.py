"""The secret that signs subscription links: the configured one, or one generated once and kept in the database.

A generated secret is 32 random bytes from ``secrets``, written on first use. Two processes starting at once may
both generate one; the primary key lets only the first insert win, and the loser reads the winner's value, so
every process signs with the same secret.
"""

from __future__ import annotations

import logging
import secrets

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from predictions.ledger.clock import Clock
from predictions.ledger.tables import AppSecret

logger = logging.getLogger(__name__)

SIGNING_SECRET = "signing"


def signing_secret(session: Session, *, configured: str | None, clock: Clock) -> str:
    """``configured`` if set; otherwise the database's generated secret, created on first use."""
    if configured:
        return configured
    row = session.get(AppSecret, SIGNING_SECRET)
    if row is not None:
        return row.value
    candidate = AppSecret(name=SIGNING_SECRET, value=secrets.token_urlsafe(32), created_at=clock.now())
    try:
        with session.begin_nested():
            session.add(candidate)
    except IntegrityError:  # another process stored one first: use it
        row = session.get(AppSecret, SIGNING_SECRET, populate_existing=True)
        assert row is not None
        return row.value
    logger.info("no PREDTRACK_SECRET_KEY set: generated a signing secret and stored it in the database")
    return candidate.value
