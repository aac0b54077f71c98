"""Queries over digest subscriptions and their deliveries."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from predictions.ledger.tables import DeliveryStatus, DigestDelivery, Subscription, SubscriptionStatus


def subscription_by_email_key(session: Session, *, email_key: str) -> Subscription | None:
    """The subscription of this (lower-cased) address, locked for update where the database can."""
    return session.exec(select(Subscription).where(Subscription.email_key == email_key).with_for_update()).first()


def subscription_by_public_id(session: Session, *, public_id: str) -> Subscription | None:
    """The subscription whose tokens carry ``public_id``."""
    return session.exec(select(Subscription).where(Subscription.public_id == public_id).with_for_update()).first()


def subscriptions_due(
    session: Session, *, week: str, after_id: int, limit: int, confirmed_before: datetime | None = None
) -> list[Subscription]:
    """The next ``limit`` active subscriptions (id above ``after_id``) whose ``week`` digest is not done.

    Done means sent or failed for good; deferred ones and ones left "sending" come back. Keyset paging keeps
    memory flat however many subscribers there are.
    """
    finished = sa.exists().where(
        col(DigestDelivery.subscription_id) == col(Subscription.id),
        col(DigestDelivery.week) == week,
        col(DigestDelivery.status).in_([DeliveryStatus.SENT, DeliveryStatus.FAILED]),
    )
    query = select(Subscription).where(
        Subscription.status == SubscriptionStatus.ACTIVE, col(Subscription.id) > after_id, ~finished
    )
    if confirmed_before is not None:
        query = query.where(col(Subscription.confirmed_at) < confirmed_before)
    return list(session.exec(query.order_by(col(Subscription.id)).limit(limit)).all())


def delivery_for_update(session: Session, *, subscription_id: int, week: str) -> DigestDelivery | None:
    """The delivery of ``week`` to this subscription, locked for update where the database can."""
    query = (
        select(DigestDelivery)
        .where(DigestDelivery.subscription_id == subscription_id, DigestDelivery.week == week)
        .with_for_update()
    )
    return session.exec(query).first()


def deliveries_of_week(session: Session, *, week: str) -> list[DigestDelivery]:
    """Every delivery of ``week``, by subscription."""
    query = select(DigestDelivery).where(DigestDelivery.week == week).order_by(col(DigestDelivery.subscription_id))
    return list(session.exec(query).all())


def insert_delivery_if_absent(session: Session, *, delivery: DigestDelivery) -> int | None:
    """Insert ``delivery`` unless its (subscription, week) exists; its new id, or None when it existed.

    ``INSERT ... ON CONFLICT DO NOTHING`` rather than a savepoint around a plain insert: on SQLite a savepoint
    outside a transaction commits (and syncs to disk) when released, which made every claim a commit.
    """
    table = DigestDelivery.__table__  # type: ignore[attr-defined]
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    values = delivery.model_dump(exclude={"id"})
    statement = (
        insert(table)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["subscription_id", "week"])
        .returning(table.c.id)
    )
    row = session.execute(statement).first()
    return int(row[0]) if row is not None else None


def mark_deliveries_sent(session: Session, *, delivery_ids: list[int], attempts: int, at: datetime) -> None:
    """Mark these deliveries sent at ``at`` after ``attempts`` more attempts."""
    table = DigestDelivery.__table__  # type: ignore[attr-defined]
    session.execute(
        table.update()
        .where(table.c.id.in_(sorted(delivery_ids)))
        .values(status=DeliveryStatus.SENT, sent_at=at, attempts=table.c.attempts + attempts, error=None)
    )


def renew_delivery_claims(session: Session, *, delivery_ids: list[int], run_id: str, at: datetime) -> int:
    """Stamp ``at`` on those of these deliveries that ``run_id`` still holds as "sending"; how many it holds."""
    table = DigestDelivery.__table__  # type: ignore[attr-defined]
    result = session.execute(
        table.update()
        .where(
            table.c.id.in_(sorted(delivery_ids)),
            table.c.claimed_by == run_id,
            table.c.status == DeliveryStatus.SENDING,
        )
        .values(claimed_at=at)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def reset_bounces(session: Session, *, delivery_ids: list[int]) -> None:
    """Start the bounce count over for the subscriptions of these deliveries (where it is not zero)."""
    deliveries = DigestDelivery.__table__  # type: ignore[attr-defined]
    subscriptions = Subscription.__table__  # type: ignore[attr-defined]
    owners = sa.select(deliveries.c.subscription_id).where(deliveries.c.id.in_(sorted(delivery_ids)))
    session.execute(
        subscriptions.update()
        .where(subscriptions.c.id.in_(owners), subscriptions.c.bounce_count > 0)
        .values(bounce_count=0)
    )
