"""Digest subscriptions: double opt-in, one-click unsubscribe, and what each delivery attempt did.

- ``subscribe`` never tells the caller whether the address was known: it only decides whether a confirmation
  email should go out, and never a second one to the same address within ``RESEND_AFTER``.
- A subscription becomes active only through ``confirm`` (the signed link in the confirmation email), with
  the tags that link carries.
- A confirmation link works once, and never after an unsubscribe (``confirm``).
- ``unsubscribe`` is idempotent, so a link followed twice (or prefetched by a mail scanner, then clicked) is fine.

Exactly once per (subscription, week): see ``claim_delivery``.
"""

from __future__ import annotations

import logging
import secrets
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from email_validator import EmailNotValidError, validate_email
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from predictions.claims import claims
from predictions.digest import repo_subscriptions as repo
from predictions.digest.tokens import TokenSigner
from predictions.ledger.clock import Clock
from predictions.ledger.errors import InvalidInput
from predictions.ledger.tables import DeliveryStatus, DigestDelivery, Subscription, SubscriptionStatus

logger = logging.getLogger(__name__)

RESEND_AFTER = timedelta(hours=1)
MAX_TAGS = 20
MAX_TAG_LENGTH = 100
BOUNCE_LIMIT = 3  # permanent failures in a row before a subscription is flagged and left alone
# A delivery claimed this long ago and still "sending" belonged to a run that died: another run may take it over.
STALE_CLAIM = timedelta(minutes=10)


@dataclass(frozen=True)
class SubscribeOutcome:
    """What ``subscribe`` decided: the address to write to and the confirmation token, or nothing to send."""

    email: str
    confirm_token: str | None
    unsubscribe_token: str


def normalise_email(raw: str) -> str:
    """The address in normal ASCII form; InvalidInput (with the reason) when it is not a valid address.

    email-validator refuses spaces, line breaks and every other character that could start a new mail
    header, so an address that passes cannot inject one. Addresses that need SMTPUTF8 are refused too
    (international domains are kept in their ASCII form), so every address fits a plain mail header.
    """
    try:
        valid = validate_email(raw, check_deliverability=False, allow_smtputf8=False)
        return valid.ascii_email or valid.normalized
    except EmailNotValidError as exc:
        raise InvalidInput(f"email: not a valid address ({exc})") from None


def normalise_tags(tags: Sequence[str]) -> list[str]:
    """Tags trimmed, de-duplicated and sorted; InvalidInput for empty, over-long or control characters."""
    if len(tags) > MAX_TAGS:
        raise InvalidInput(f"tags: at most {MAX_TAGS} tags, got {len(tags)}")
    clean = set()
    for tag in tags:
        text = tag.strip()
        if not text or len(text) > MAX_TAG_LENGTH:
            raise InvalidInput(f"tags: each tag needs 1 to {MAX_TAG_LENGTH} characters, got {tag!r}")
        if any(unicodedata.category(ch).startswith("C") for ch in text):
            raise InvalidInput(f"tags: control characters are not allowed in {tag!r}")
        clean.add(text)
    return sorted(clean)


def tags_to_show(session: Session, *, tags: Sequence[str]) -> list[str]:
    """Those of ``tags`` that some claim carries: the only tags a confirmation email may name (free text from a
    stranger, echoed into an email, would make the service a relay for anyone's message)."""
    known = {tag for tag, _ in claims.tags_in_use(session)}
    return [tag for tag in tags if tag in known]


def subscribe(
    session: Session, *, email: str, tags: Sequence[str], signer: TokenSigner, clock: Clock
) -> SubscribeOutcome:
    """Start (or renew) a subscription; a confirmation goes out unless one went to this address within the hour."""
    address = normalise_email(email)
    wanted = normalise_tags(tags)
    now = clock.now()
    row = repo.subscription_by_email_key(session, email_key=address.lower())
    if row is None:
        row = Subscription(
            email=address, email_key=address.lower(), public_id=secrets.token_urlsafe(16), tags=wanted, created_at=now
        )
        try:
            with session.begin_nested():
                session.add(row)
        except IntegrityError:  # the same address, subscribed at the same moment by another request
            row = repo.subscription_by_email_key(session, email_key=address.lower())
            assert row is not None
    unsubscribe_token = signer.unsubscribe_token(public_id=row.public_id)
    if _recently_sent(row.confirmation_sent_at, now):
        logger.info("subscription %s: a confirmation went out within the hour; none sent", row.id)
        return SubscribeOutcome(email=row.email, confirm_token=None, unsubscribe_token=unsubscribe_token)
    if row.status is SubscriptionStatus.ACTIVE and list(row.tags) == wanted:
        logger.info("subscription %s is already active with these tags; nothing to confirm", row.id)
        return SubscribeOutcome(email=row.email, confirm_token=None, unsubscribe_token=unsubscribe_token)
    row.confirmation_sent_at = now
    session.add(row)
    session.flush()
    return SubscribeOutcome(
        email=row.email,
        confirm_token=signer.confirm_token(public_id=row.public_id, tags=wanted),
        unsubscribe_token=unsubscribe_token,
    )


def _recently_sent(sent_at: datetime | None, now: datetime) -> bool:
    return sent_at is not None and now - sent_at < RESEND_AFTER


def confirm(session: Session, *, token: str, signer: TokenSigner, clock: Clock) -> Subscription:
    """Activate the subscription named in a confirmation token, with the tags it carries.

    A link works once: not after the subscription was confirmed since it was made (by it or a newer link), nor
    after an unsubscribe since it was made (a mail scanner following it later must not subscribe anyone again).
    """
    confirmation = signer.read_confirm(token)
    row = repo.subscription_by_public_id(session, public_id=confirmation.public_id)
    if row is None:
        raise InvalidInput("this confirmation link is no longer valid: subscribe again")
    issued = confirmation.issued_at
    spent = [moment for moment in (row.confirmed_at, row.unsubscribed_at) if moment is not None]
    if issued is not None and any(issued <= moment for moment in spent):
        raise InvalidInput(
            "this confirmation link was used already, or the subscription ended after it was sent: "
            "subscribe again for a new link"
        )
    row.status = SubscriptionStatus.ACTIVE
    row.tags = confirmation.tags
    row.confirmed_at = clock.now()
    row.unsubscribed_at = None
    row.bounce_count = 0
    session.add(row)
    session.flush()
    return row


def unsubscribe(session: Session, *, token: str, signer: TokenSigner, clock: Clock) -> None:
    """End the subscription named in an unsubscribe token (idempotent; a deleted one is already gone)."""
    row = repo.subscription_by_public_id(session, public_id=signer.read_unsubscribe(token))
    if row is None or row.status is SubscriptionStatus.UNSUBSCRIBED:
        return
    row.status = SubscriptionStatus.UNSUBSCRIBED
    row.unsubscribed_at = clock.now()
    session.add(row)
    session.flush()


def subscriptions_due(
    session: Session, *, week: str, after_id: int, limit: int, confirmed_before: datetime | None = None
) -> list[Subscription]:
    """The next page of active subscriptions (by id, after ``after_id``) that still lack ``week``'s digest."""
    return repo.subscriptions_due(session, week=week, after_id=after_id, limit=limit, confirmed_before=confirmed_before)


# --- deliveries: exactly once per (subscription, week) ---


def claim_delivery(
    session: Session,
    *,
    subscription_id: int,
    week: str,
    message_id: str,
    run_id: str,
    clock: Clock,
    stale_after: timedelta = STALE_CLAIM,
) -> int | None:
    """Claim the right to send ``week`` to this subscription: the delivery's id, or None when not ours to send.

    The caller commits the claim *before* it talks to the SMTP server. The unique (subscription, week) row
    makes a second run, a restarted process or a concurrent scheduler skip a digest that is sent, failed
    for good, or being sent right now. Rows that are still "sending" after ``stale_after`` were left by a run
    that died between the send and the record; they are taken over and sent again with the same Message-ID.
    That is the one window where a subscriber can get the digest twice (and mail clients fold two messages
    with one Message-ID together); the alternative, skipping them, would lose that week's digest.
    """
    now = clock.now()
    new = DigestDelivery(
        subscription_id=subscription_id,
        week=week,
        status=DeliveryStatus.SENDING,
        message_id=message_id,
        claimed_by=run_id,
        claimed_at=now,
    )
    new_id = repo.insert_delivery_if_absent(session, delivery=new)  # the usual case: one statement
    if new_id is not None:
        return new_id
    row = repo.delivery_for_update(session, subscription_id=subscription_id, week=week)
    if row is None:
        return None
    if row.status in (DeliveryStatus.SENT, DeliveryStatus.FAILED):
        return None
    if row.status is DeliveryStatus.SENDING and now - row.claimed_at < stale_after:
        return None  # another run is sending it right now
    if row.status is DeliveryStatus.SENDING:
        logger.warning(
            "delivery %s of %s was left 'sending' by run %s; it may have gone out: sending again with Message-ID %s",
            row.id,
            week,
            row.claimed_by,
            row.message_id,
        )
    row.status = DeliveryStatus.SENDING
    row.claimed_by = run_id
    row.claimed_at = now
    session.add(row)
    session.flush()
    return row.id


def renew_claims(session: Session, *, delivery_ids: Sequence[int], run_id: str, clock: Clock) -> int:
    """Keep this run's claims on deliveries it is still sending fresh, so no other run takes them over as stale.

    A run renews its batch's claims well within ``STALE_CLAIM`` while it sends (a slow SMTP server with its
    retries can take longer than that for one batch); the number of claims it still holds is returned.
    """
    if not delivery_ids:
        return 0
    return repo.renew_delivery_claims(session, delivery_ids=list(delivery_ids), run_id=run_id, at=clock.now())


def record_sent_many(session: Session, *, attempts_by_delivery: dict[int, int], clock: Clock) -> None:
    """The server accepted these digests (delivery id -> attempts): done, and their bounce counts start over.

    A few statements for a whole batch, not a few per message (each is a round trip to PostgreSQL).
    """
    by_attempts: dict[int, list[int]] = {}
    for delivery_id, attempts in attempts_by_delivery.items():
        by_attempts.setdefault(attempts, []).append(delivery_id)
    now = clock.now()
    for attempts, ids in by_attempts.items():
        repo.mark_deliveries_sent(session, delivery_ids=ids, attempts=attempts, at=now)
    repo.reset_bounces(session, delivery_ids=list(attempts_by_delivery))


def record_sent(session: Session, *, delivery_id: int, attempts: int, clock: Clock) -> None:
    """The server accepted the digest: the delivery is done and the subscription's bounce count starts over."""
    record_sent_many(session, attempts_by_delivery={delivery_id: attempts}, clock=clock)


def record_deferred(session: Session, *, delivery_id: int, attempts: int, error: str) -> None:
    """Temporary failures used up this run's retries: a later run tries again."""
    delivery = _delivery(session, delivery_id)
    delivery.status = DeliveryStatus.DEFERRED
    delivery.attempts += attempts
    delivery.error = error
    session.add(delivery)
    session.flush()


def record_failed(session: Session, *, delivery_id: int, attempts: int, error: str) -> bool:
    """A permanent failure: recorded on the delivery and counted on the subscription. True when now flagged."""
    delivery = _delivery(session, delivery_id)
    delivery.status = DeliveryStatus.FAILED
    delivery.attempts += attempts
    delivery.error = error
    session.add(delivery)
    subscription = session.get(Subscription, delivery.subscription_id)
    flagged = False
    if subscription is not None:
        subscription.bounce_count += 1
        subscription.last_error = error
        if subscription.bounce_count >= BOUNCE_LIMIT and subscription.status is SubscriptionStatus.ACTIVE:
            subscription.status = SubscriptionStatus.BOUNCING
            flagged = True
            logger.warning("subscription %s flagged after %s bounces: %s", subscription.id, BOUNCE_LIMIT, error)
        session.add(subscription)
    session.flush()
    return flagged


def _delivery(session: Session, delivery_id: int) -> DigestDelivery:
    delivery = session.get(DigestDelivery, delivery_id)
    if delivery is None:
        raise InvalidInput(f"delivery {delivery_id} does not exist")
    return delivery
