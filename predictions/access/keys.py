"""API keys: created once, shown once, stored as a SHA-256 hash.

A key is ``pt_<prefix>_<secret>`` with 32 random bytes of secret; the prefix finds the row and the
hash proves the key. A fast hash is enough because the secret is random, not a password.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from sqlmodel import Session, col, select

from predictions.ledger.clock import Clock
from predictions.ledger.errors import Conflict, InvalidInput, NotFound
from predictions.ledger.tables import ApiKey, KeyRole


@dataclass(frozen=True)
class NewKey:
    """A freshly created key: ``secret`` is the only copy of the full key."""

    row: ApiKey
    secret: str


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create_key(session: Session, *, role: KeyRole | str, name: str, clock: Clock) -> NewKey:
    """Store a new key of ``role`` and return it with its secret (shown once)."""
    try:
        role = KeyRole(role)
    except ValueError:
        raise InvalidInput(f"unknown role {role!r}: use researcher or admin") from None
    prefix = secrets.token_hex(6)
    secret = f"pt_{prefix}_{secrets.token_urlsafe(32)}"
    row = ApiKey(name=name, prefix=prefix, key_hash=_hash(secret), role=role, created_at=clock.now())
    session.add(row)
    session.flush()
    return NewKey(row=row, secret=secret)


def authenticate(session: Session, *, key: str) -> ApiKey | None:
    """The live key row that ``key`` proves, or None."""
    parts = key.split("_", 2)
    if len(parts) != 3 or parts[0] != "pt":
        return None
    row = session.exec(select(ApiKey).where(ApiKey.prefix == parts[1])).first()
    if row is None or row.revoked_at is not None or not hmac.compare_digest(row.key_hash, _hash(key)):
        return None
    return row


def allows(granted: KeyRole, needed: KeyRole) -> bool:
    """Whether a key of role ``granted`` may do what needs ``needed`` (admin may do everything)."""
    return granted is KeyRole.ADMIN or granted is needed


def live_key(session: Session, *, key_id: int) -> ApiKey | None:
    """The key with this id unless it was revoked (a dashboard session stays valid only as long as its key)."""
    row = session.get(ApiKey, key_id)
    return row if row is not None and row.revoked_at is None else None


def end_sessions(session: Session, *, key_id: int, clock: Clock) -> None:
    """End every dashboard session of key ``key_id`` signed until now (signing out, on the server)."""
    row = session.get(ApiKey, key_id)
    if row is not None:
        row.sessions_ended_at = clock.now()
        session.add(row)
        session.flush()


def list_keys(session: Session) -> list[ApiKey]:
    """Every key, live and revoked, oldest first (hashes stay in the database)."""
    return list(session.exec(select(ApiKey).order_by(col(ApiKey.id))).all())


def revoke_key(session: Session, *, key_id: int, clock: Clock, by_key_id: int | None = None) -> ApiKey:
    """Revoke key ``key_id``: from now on it authenticates nothing. A key cannot revoke itself."""
    row = session.get(ApiKey, key_id)
    if row is None:
        raise NotFound(f"API key {key_id} does not exist (see `predtrack keys list`)")
    if key_id == by_key_id:
        raise Conflict(f"API key {key_id} is the key of this request: revoke it with another admin key or the CLI")
    if row.revoked_at is not None:
        raise Conflict(f"API key {key_id} was already revoked at {row.revoked_at.isoformat()}")
    row.revoked_at = clock.now()
    session.add(row)
    session.flush()
    return row
