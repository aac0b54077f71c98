"""Sending: the confirmation email, and the week's digest to every active subscriber, exactly once each.

Per batch of subscribers the run (1) commits a claim on each (subscription, week), (2) sends, retrying temporary
failures with backoff, and (3) commits the outcomes. See ``predictions.digest.subscriptions.claim_delivery`` and
``send_week`` for why a crash between (2) and (3) leads to a re-send with the same Message-ID rather than to a
lost week.

**One sender per week.** A run holds the week's lock (``service.jobs.lock``: an advisory lock on PostgreSQL, a
lease on SQLite) while it sends; a second run for the same week (the Monday job and the hourly catch-up at once
on the scheduler's thread pool, or a CLI run) finds it held and sends nothing. While it sends, the run renews
its batch's claims (and the lease) every third of ``STALE_CLAIM``, so a batch slower than ``STALE_CLAIM`` (retries of
2 + 8 + 32 s and a 30 s SMTP timeout add up) is never taken over as if its run had died.

Subscribers are read in pages by id, and a digest is rendered once per set of tags (an LRU of
``RENDER_CACHE`` entries), so memory does not grow with the number of subscribers.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.utils import make_msgid, parseaddr

from sqlalchemy.engine import Engine
from sqlmodel import Session

from predictions.access.app_secret import signing_secret
from predictions.digest.digest import Week, build_digest
from predictions.digest.subscriptions import (
    STALE_CLAIM,
    SubscribeOutcome,
    claim_delivery,
    record_deferred,
    record_failed,
    record_sent_many,
    renew_claims,
    subscriptions_due,
)
from predictions.digest.tokens import TokenSigner
from predictions.ledger.clock import Clock
from service.db import session_scope
from service.digest.errors import PermanentSendError, SendError, TemporarySendError
from service.digest.render import (
    Links,
    Outgoing,
    confirmation_message,
    digest_template,
    personalise,
    render_digest,
)
from service.digest.sender import EmailSender
from service.jobs.lock import SchedulerLock, make_lock
from service.settings import Settings

logger = logging.getLogger(__name__)

RETRY_DELAYS = (2.0, 8.0, 32.0)  # seconds before the 2nd, 3rd and 4th attempt
PAGE = 500
BATCH = 50  # subscribers claimed in one commit and recorded in one commit
# After this many subscribers in a row whose digest hit only temporary failures (retries included), the server
# is down or throttling: the run stops rather than spend the retry delays on every remaining subscriber.
GIVE_UP_AFTER = 3
RENDER_CACHE = 64
RENEW_SHARE = 3  # a run renews its claims (and the week's lease) every third of ``stale_after`` while it sends


def token_signer(session: Session, *, settings: Settings, clock: Clock) -> TokenSigner:
    """The signer of subscription links: PREDTRACK_SECRET_KEY, or the secret kept in the database."""
    configured = settings.secret_key.get_secret_value() if settings.secret_key else None
    return TokenSigner(signing_secret(session, configured=configured, clock=clock), clock=clock)


def send_with_retry(
    sender: EmailSender,
    message: Outgoing,
    *,
    delays: Sequence[float] = RETRY_DELAYS,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """Send, retrying temporary failures after each of ``delays``; the number of attempts made.

    A permanent failure is raised at once; the last temporary failure is raised when the delays run out.
    """
    attempt = 0
    while True:
        attempt += 1
        try:
            sender.send(message)
            return attempt
        except TemporarySendError as exc:
            if attempt > len(delays):
                exc.attempts = attempt
                raise
            delay = delays[attempt - 1]
            logger.info("temporary SMTP failure (%s); attempt %s in %.0f s", exc.detail, attempt + 1, delay)
            sleep(delay)
        except PermanentSendError as exc:
            exc.attempts = attempt
            raise


def send_confirmation(
    sender: EmailSender, outcome: SubscribeOutcome, *, tags: list[str], settings: Settings, clock: Clock
) -> None:
    """Send the double opt-in email for ``outcome`` (nothing when it carries no token). Failures are logged."""
    if outcome.confirm_token is None:
        return
    links = Links.under(settings.public_url)
    message = confirmation_message(
        to=outcome.email,
        tags=tags,
        confirm_url=links.confirm(outcome.confirm_token),
        mail_from=settings.mail_from,
        message_id=make_msgid(idstring="confirm", domain=links.domain),
        date=clock.now(),
    )
    try:
        # No retry delays here: this runs in the web process after the answer; a reader can ask again later.
        send_with_retry(sender, Outgoing.of(message), delays=())
    except (TemporarySendError, PermanentSendError) as exc:
        # The subscriber can ask again after the resend window; the answer to the request never says more.
        logger.warning("confirmation email not sent: %s", exc.detail)
    finally:
        sender.close()


@dataclass
class SendReport:
    """What a run did."""

    week: str
    sent: int = 0
    skipped: int = 0  # already sent, failed for good, or being sent by another run
    empty: int = 0  # nothing to say for the subscriber's tags
    deferred: int = 0
    failed: int = 0
    flagged: list[int] = field(default_factory=list)
    stopped_early: bool = False  # the server kept failing: the rest waits for the next run
    temporary_streak: int = 0
    busy: bool = False  # another run holds the week: this one sent nothing


def message_id_for(*, week: str, public_id: str, domain: str) -> str:
    """The same Message-ID every time this digest is sent to this subscriber, so a re-send is recognisable."""
    return f"<digest.{week}.{public_id}@{domain}>"


@dataclass(frozen=True)
class _Digest:
    """One rendered digest and its message template (None when it has nothing to say)."""

    week: str
    template: bytes | None


class _Renderer:
    """Renders each (week, tags) digest once and keeps the most recent ``RENDER_CACHE`` of them."""

    def __init__(self, engine: Engine, week: Week, links: Links, *, mail_from: str, date: datetime) -> None:
        self.engine, self.week, self.links, self.mail_from, self.date = engine, week, links, mail_from, date
        self._cache: OrderedDict[tuple[str, ...], _Digest] = OrderedDict()

    def __call__(self, tags: Sequence[str]) -> _Digest:
        key = tuple(sorted(tags))
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        with session_scope(self.engine) as session:
            content = build_digest(session, week=self.week, tags=key)
        rendered = render_digest(content, links=self.links)
        template = None if rendered.is_empty else digest_template(rendered, mail_from=self.mail_from, date=self.date)
        self._cache[key] = _Digest(week=rendered.week, template=template)
        if len(self._cache) > RENDER_CACHE:
            self._cache.popitem(last=False)
        return self._cache[key]


@dataclass(frozen=True)
class _Recipient:
    subscription_id: int
    email: str
    public_id: str
    digest: _Digest


@dataclass(frozen=True)
class _Outcome:
    delivery_id: int
    subscription_id: int
    attempts: int
    error: SendError | None = None


def send_week(
    *,
    engine: Engine,
    sender: EmailSender,
    settings: Settings,
    clock: Clock,
    week: Week,
    sleep: Callable[[float], None] = time.sleep,
    delays: Sequence[float] = RETRY_DELAYS,
    page: int = PAGE,
    batch: int = BATCH,
    stale_after: timedelta = STALE_CLAIM,
    after_send: Callable[[int], None] | None = None,
    progress: Callable[[int], None] | None = None,
    confirmed_before: datetime | None = None,
) -> SendReport:
    """Send ``week``'s digest to every active subscriber who has not had it.

    Per ``batch`` subscribers: one commit claims them, then the messages go out, then one commit records what
    happened to each. (A commit per message cost two disk syncs each: 10,000 subscribers took minutes.) A crash
    in the middle of a batch leaves its claims "sending": after ``stale_after`` the next run sends them again
    with the same Message-IDs, so at most one batch can be delivered twice, and no week is lost.

    Running it again is harmless: only deferred digests and ones a dead run left "sending" go out again.
    ``confirmed_before`` leaves out subscriptions confirmed later (the scheduler's catch-up runs use it).
    ``after_send`` (for tests) runs after each successful send, before its batch is recorded: raising there is
    a crash.
    """
    run_id = f"run-{uuid.uuid4().hex[:12]}"
    links = Links.under(settings.public_url)
    report = SendReport(week=week.label)
    lock = make_lock(engine, holder=run_id, clock=clock, ttl=stale_after, name=f"predtrack.digest.{week.label}")
    if not lock.acquire():
        logger.info("digest %s: another run is sending this week; this one sends nothing", week.label)
        sender.close()
        report.busy = True
        return report
    run = _Run(run_id, lock, clock, renew_every=stale_after / RENEW_SHARE)
    try:
        with session_scope(engine) as session:
            signer = token_signer(session, settings=settings, clock=clock)
        render = _Renderer(engine, week, links, mail_from=settings.mail_from, date=clock.now())
        after_id = 0
        try:
            while True:
                with session_scope(engine) as session:
                    found = subscriptions_due(
                        session, week=week.label, after_id=after_id, limit=page, confirmed_before=confirmed_before
                    )
                    rows = [(s.id, s.email, s.public_id, list(s.tags)) for s in found]
                if not rows:
                    break
                after_id = max(int(row[0]) for row in rows if row[0] is not None)
                recipients = []
                for subscription_id, email, public_id, tags in rows:
                    assert subscription_id is not None
                    digest = render(tags)
                    if digest.template is None:
                        report.empty += 1
                    else:
                        recipients.append(_Recipient(subscription_id, email, public_id, digest))
                for first in range(0, len(recipients), batch):
                    if report.stopped_early:
                        break
                    _deliver_batch(
                        recipients[first : first + batch],
                        engine=engine,
                        sender=sender,
                        settings=settings,
                        clock=clock,
                        report=report,
                        links=links,
                        signer=signer,
                        run=run,
                        sleep=sleep,
                        delays=delays,
                        stale_after=stale_after,
                        after_send=after_send,
                    )
                if progress is not None:
                    progress(report.sent + report.skipped + report.empty + report.deferred + report.failed)
                if report.stopped_early:
                    break
        finally:
            sender.close()
        logger.info(
            "digest %s: %s sent, %s skipped, %s empty, %s deferred, %s failed",
            week.label,
            report.sent,
            report.skipped,
            report.empty,
            report.deferred,
            report.failed,
        )
        return report
    finally:
        lock.release()


class _Run:
    """This run: its id, the week's lock it holds, and when it last renewed its claims."""

    def __init__(self, run_id: str, lock: SchedulerLock, clock: Clock, *, renew_every: timedelta) -> None:
        self.id, self.lock, self.clock, self.renew_every = run_id, lock, clock, renew_every
        self.renewed_at = clock.now()

    def keep_claims(self, engine: Engine, delivery_ids: Sequence[int]) -> bool:
        """Renew the claims still being sent (and the lock) when due; False when the week's lock is lost."""
        now = self.clock.now()
        if now - self.renewed_at < self.renew_every:
            return True
        with session_scope(engine) as session:
            renew_claims(session, delivery_ids=delivery_ids, run_id=self.id, clock=self.clock)
        self.renewed_at = now
        if not self.lock.renew():
            logger.warning("digest run %s lost the week's lock; it stops sending", self.id)
            return False
        return True


def _deliver_batch(
    recipients: Sequence[_Recipient],
    *,
    engine: Engine,
    sender: EmailSender,
    settings: Settings,
    clock: Clock,
    report: SendReport,
    links: Links,
    signer: TokenSigner,
    run: _Run,
    sleep: Callable[[float], None],
    delays: Sequence[float],
    stale_after: timedelta,
    after_send: Callable[[int], None] | None,
) -> None:
    claimed: list[tuple[_Recipient, str, int]] = []
    with session_scope(engine) as session:  # commit 1: the claims, before anything leaves
        for recipient in recipients:
            message_id = message_id_for(week=recipient.digest.week, public_id=recipient.public_id, domain=links.domain)
            delivery_id = claim_delivery(
                session,
                subscription_id=recipient.subscription_id,
                week=recipient.digest.week,
                message_id=message_id,
                run_id=run.id,
                clock=clock,
                stale_after=stale_after,
            )
            if delivery_id is None:
                report.skipped += 1
            else:
                claimed.append((recipient, message_id, delivery_id))
    outcomes = []
    envelope_from = parseaddr(settings.mail_from)[1]
    for position, (recipient, message_id, delivery_id) in enumerate(claimed):
        if not report.stopped_early and not run.keep_claims(engine, [d for _, _, d in claimed[position:]]):
            report.stopped_early = True  # another run may hold the week now: leave the rest to it
        if report.stopped_early:
            not_tried = TemporarySendError("not tried: the SMTP server kept failing in this run")
            not_tried.attempts = 0
            outcomes.append(_Outcome(delivery_id, recipient.subscription_id, 0, not_tried))
            continue
        assert recipient.digest.template is not None
        data = personalise(
            recipient.digest.template,
            to=recipient.email,
            message_id=message_id,
            unsubscribe_url=links.unsubscribe(signer.unsubscribe_token(public_id=recipient.public_id)),
        )
        message = Outgoing(sender=envelope_from, recipient=recipient.email, data=data)
        try:
            attempts = send_with_retry(sender, message, delays=delays, sleep=sleep)
        except SendError as exc:
            outcomes.append(_Outcome(delivery_id, recipient.subscription_id, exc.attempts, exc))
            report.temporary_streak = report.temporary_streak + 1 if isinstance(exc, TemporarySendError) else 0
            if report.temporary_streak >= GIVE_UP_AFTER:
                logger.warning("digest: %s temporary failures in a row; stopping this run", report.temporary_streak)
                report.stopped_early = True
            continue
        report.temporary_streak = 0
        if after_send is not None:
            after_send(recipient.subscription_id)
        outcomes.append(_Outcome(delivery_id, recipient.subscription_id, attempts))
    with session_scope(engine) as session:  # commit 2: what happened to each
        sent = {o.delivery_id: o.attempts for o in outcomes if o.error is None}
        if sent:
            record_sent_many(session, attempts_by_delivery=sent, clock=clock)
            report.sent += len(sent)
        for outcome in outcomes:
            error = outcome.error
            if error is None:
                continue
            if isinstance(error, PermanentSendError):
                flagged = record_failed(
                    session, delivery_id=outcome.delivery_id, attempts=outcome.attempts, error=error.detail
                )
                report.failed += 1
                if flagged:
                    report.flagged.append(outcome.subscription_id)
            else:
                record_deferred(session, delivery_id=outcome.delivery_id, attempts=outcome.attempts, error=error.detail)
                report.deferred += 1
