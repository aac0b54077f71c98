"""Signed links for subscriptions (itsdangerous): confirm and unsubscribe.

A token carries the subscription's random ``public_id`` (never its row id) and its purpose, signed with
HMAC-SHA256 under a per-purpose salt, so a confirmation token cannot unsubscribe anyone and vice versa.
A confirmation token also carries the tags asked for and expires; an unsubscribe token never expires, because
it sits in every digest the subscriber keeps.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from itsdangerous import BadSignature, SignatureExpired, TimestampSigner, URLSafeSerializer, URLSafeTimedSerializer

from predictions.ledger.clock import Clock
from predictions.ledger.errors import InvalidInput

CONFIRM_MAX_AGE = timedelta(days=7)


@dataclass(frozen=True)
class Confirmation:
    """What a confirmation link asks for."""

    public_id: str
    tags: list[str]
    issued_at: datetime | None = None  # when the link was made (to the second)


class TokenSigner:
    """Makes and checks the tokens in subscription links."""

    def __init__(self, secret: str, *, clock: Clock) -> None:
        self._confirm = URLSafeTimedSerializer(
            secret, salt="predtrack.subscription.confirm", signer=_clock_signer(clock)
        )
        self._unsubscribe = URLSafeSerializer(secret, salt="predtrack.subscription.unsubscribe")

    def confirm_token(self, *, public_id: str, tags: list[str]) -> str:
        """A token that activates the subscription with ``tags`` (valid for ``CONFIRM_MAX_AGE``)."""
        return self._confirm.dumps({"s": public_id, "t": tags})

    def unsubscribe_token(self, *, public_id: str) -> str:
        """A token that ends the subscription (does not expire)."""
        return self._unsubscribe.dumps({"s": public_id})

    def read_confirm(self, token: str, *, max_age: timedelta = CONFIRM_MAX_AGE) -> Confirmation:
        """The confirmation inside ``token``; InvalidInput when it is forged, damaged or expired."""
        try:
            data, issued_at = self._confirm.loads(token, max_age=int(max_age.total_seconds()), return_timestamp=True)
        except SignatureExpired:
            raise InvalidInput("this confirmation link has expired: subscribe again to get a new one") from None
        except BadSignature:
            raise InvalidInput("this confirmation link is not valid: use the link from the email exactly") from None
        return Confirmation(public_id=str(data["s"]), tags=[str(t) for t in data.get("t", [])], issued_at=issued_at)

    def read_unsubscribe(self, token: str) -> str:
        """The public id inside an unsubscribe ``token``; InvalidInput when it is forged or damaged."""
        try:
            data = self._unsubscribe.loads(token)
        except BadSignature:
            raise InvalidInput("this unsubscribe link is not valid: use the link from the email exactly") from None
        return str(data["s"])


def _clock_signer(clock: Clock) -> type[TimestampSigner]:
    """A timestamp signer that reads the injected clock (itsdangerous reads ``time.time()`` by default)."""

    class ClockTimestampSigner(TimestampSigner):
        def get_timestamp(self) -> int:
            return int(clock.now().timestamp())

    return ClockTimestampSigner
