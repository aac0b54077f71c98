"""Subscriptions over HTTP, with confirmation emails delivered to a real SMTP server (aiosmtpd)."""

from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, func, select

from predictions.ledger.clock import FixedClock
from predictions.ledger.tables import AppSecret, ClaimTag, Subscription, SubscriptionStatus
from service.api.app import create_app
from service.settings import Settings
from tests.factories import make_claim
from tests.service.digest.conftest import Mailbox, mail_settings

READER = "reader@example.com"


@pytest.fixture
def settings(smtp: tuple[Mailbox, int]) -> Settings:
    return mail_settings(smtp[1])


@pytest.fixture
def mailbox(smtp: tuple[Mailbox, int]) -> Mailbox:
    return smtp[0]


def _link(mailbox: Mailbox, address: str, path: str) -> str:
    """The token of the last link to ``path`` in the plain-text part of the last mail to ``address``."""
    body = mailbox.to(address)[-1].get_body(("plain",)).get_content()  # type: ignore[union-attr]
    url = re.findall(r"https://predtrack\.example/\S+", body)
    matching = [u for u in url if urlsplit(u).path == path]
    assert matching, body
    return parse_qs(urlsplit(matching[-1]).query)["token"][0]


def _confirm(client: TestClient, mailbox: Mailbox) -> None:
    token = _link(mailbox, READER, "/api/v1/subscriptions/confirm")
    assert client.post("/api/v1/subscriptions/confirm", params={"token": token}).status_code == 200


def _subscription(session: Session, address: str) -> Subscription:
    return session.exec(select(Subscription).where(Subscription.email_key == address.lower())).one()


def _tagged_claim(session: Session, *tags: str) -> None:
    claim = make_claim(session)
    session.add_all(ClaimTag(claim_id=claim.id, tag=tag) for tag in tags)  # type: ignore[arg-type]
    session.flush()


def test_double_opt_in(client: TestClient, session: Session, mailbox: Mailbox) -> None:
    _tagged_claim(session, "ai", "monetary")
    answer = client.post("/api/v1/subscriptions", json={"email": READER, "tags": ["monetary", " ai "]})
    assert answer.status_code == 202, answer.text
    assert _subscription(session, READER).status is SubscriptionStatus.PENDING
    [mail] = mailbox.to(READER)
    assert mail["Subject"] == "Confirm your predtrack weekly digest"
    assert mail.get_content_type() == "multipart/alternative"
    assert "ai, monetary" in mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    token = _link(mailbox, READER, "/api/v1/subscriptions/confirm")
    assert str(_subscription(session, READER).id) != token and _subscription(session, READER).public_id not in token

    confirmed = client.post("/api/v1/subscriptions/confirm", params={"token": token})
    assert confirmed.status_code == 200, confirmed.text
    row = _subscription(session, READER)
    assert row.status is SubscriptionStatus.ACTIVE and row.tags == ["ai", "monetary"]


def test_no_second_confirmation_within_the_hour_and_no_enumeration(
    client: TestClient, session: Session, mailbox: Mailbox, clock: FixedClock
) -> None:
    first = client.post("/api/v1/subscriptions", json={"email": READER})
    again = client.post("/api/v1/subscriptions", json={"email": "Reader@Example.com"})
    stranger = client.post("/api/v1/subscriptions", json={"email": "someone.else@example.com"})
    assert first.status_code == again.status_code == stranger.status_code == 202
    assert first.json() == again.json() == stranger.json()  # the answer never says whether the address was known
    assert len(mailbox.to(READER)) == 1
    assert session.exec(select(func.count()).select_from(Subscription)).one() == 2

    clock.at += timedelta(minutes=59)
    client.post("/api/v1/subscriptions", json={"email": READER})
    assert len(mailbox.to(READER)) == 1
    clock.at += timedelta(minutes=2)
    client.post("/api/v1/subscriptions", json={"email": READER})
    assert len(mailbox.to(READER)) == 2


def test_an_active_subscriber_asking_again_gets_nothing_new(
    client: TestClient, session: Session, mailbox: Mailbox, clock: FixedClock
) -> None:
    client.post("/api/v1/subscriptions", json={"email": READER})
    client.post(
        "/api/v1/subscriptions/confirm", params={"token": _link(mailbox, READER, "/api/v1/subscriptions/confirm")}
    )
    clock.at += timedelta(hours=2)
    answer = client.post("/api/v1/subscriptions", json={"email": READER})
    assert answer.status_code == 202 and len(mailbox.to(READER)) == 1


@pytest.mark.parametrize(
    ("email", "words"),
    [
        ("not-an-address", "@-sign"),
        ("reader@example.com\r\nBcc: victim@example.org", "invalid characters"),
        ("reader@example.com\nSubject: hi", "invalid characters"),
        ("reader@exa mple.com", "invalid characters"),
    ],
)
def test_bad_address_or_header_injection_is_refused(
    client: TestClient, session: Session, mailbox: Mailbox, email: str, words: str
) -> None:
    answer = client.post("/api/v1/subscriptions", json={"email": email})
    assert answer.status_code == 400
    assert answer.json()["detail"].startswith("email: not a valid address") and words in answer.json()["detail"]
    assert session.exec(select(func.count()).select_from(Subscription)).one() == 0
    assert mailbox.messages == [] and mailbox.rcpt_attempts == 0


def test_bad_tags_are_refused(client: TestClient, session: Session) -> None:
    answer = client.post("/api/v1/subscriptions", json={"email": READER, "tags": ["ok", "bad\r\ntag"]})
    assert answer.status_code == 400 and "control characters" in answer.json()["detail"]
    assert session.exec(select(func.count()).select_from(Subscription)).one() == 0


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_unsubscribe_in_one_click(client: TestClient, session: Session, mailbox: Mailbox, method: str) -> None:
    client.post("/api/v1/subscriptions", json={"email": READER})
    client.post(
        "/api/v1/subscriptions/confirm", params={"token": _link(mailbox, READER, "/api/v1/subscriptions/confirm")}
    )
    from service.digest import token_signer

    signer = token_signer(session, settings=client.app.state.settings, clock=client.app.state.clock)  # type: ignore[attr-defined]
    token = signer.unsubscribe_token(public_id=_subscription(session, READER).public_id)
    if method == "GET":  # the link opens a page whose button posts to the same link
        page = client.get("/api/v1/unsubscribe", params={"token": token})
        assert page.status_code == 200 and "<button" in page.text
        assert _subscription(session, READER).status is SubscriptionStatus.ACTIVE  # a scanner's GET changes nothing
        action = re.search(r'action="([^"]+)"', page.text)[1].replace("&amp;", "&")  # type: ignore[index]
        answer = client.post(action, headers={"Accept": "text/html"})
        assert "Unsubscribed" in answer.text
    else:  # RFC 8058: the mail client POSTs this exact body to the List-Unsubscribe URL
        answer = client.post(
            f"/api/v1/unsubscribe?token={token}",
            content="List-Unsubscribe=One-Click",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
    assert answer.status_code == 200, answer.text
    assert _subscription(session, READER).status is SubscriptionStatus.UNSUBSCRIBED
    assert client.post("/api/v1/unsubscribe", params={"token": token}).status_code == 200  # idempotent


def test_forged_or_crossed_tokens_are_refused(client: TestClient, session: Session, mailbox: Mailbox) -> None:
    client.post("/api/v1/subscriptions", json={"email": READER})
    confirm_token = _link(mailbox, READER, "/api/v1/subscriptions/confirm")
    crossed = client.post("/api/v1/unsubscribe", params={"token": confirm_token})  # a confirm token cannot unsubscribe
    forged = client.post("/api/v1/subscriptions/confirm", params={"token": confirm_token[:-2] + "xx"})
    assert crossed.status_code == forged.status_code == 400
    assert "not valid" in forged.json()["detail"]
    assert _subscription(session, READER).status is SubscriptionStatus.PENDING


def test_confirmation_link_expires(client: TestClient, session: Session, mailbox: Mailbox, clock: FixedClock) -> None:
    client.post("/api/v1/subscriptions", json={"email": READER})
    token = _link(mailbox, READER, "/api/v1/subscriptions/confirm")
    clock.at += timedelta(days=8)
    answer = client.post("/api/v1/subscriptions/confirm", params={"token": token})
    assert answer.status_code == 400 and "expired" in answer.json()["detail"]


def test_without_a_configured_secret_one_is_generated_and_kept(
    fresh_engine: Engine, smtp: tuple[Mailbox, int], clock: FixedClock
) -> None:
    mailbox, port = smtp
    settings = mail_settings(port, secret_key=None)
    with TestClient(create_app(engine=fresh_engine, settings=settings, clock=clock)) as client:
        client.post("/api/v1/subscriptions", json={"email": READER})
    with Session(fresh_engine) as session:
        [secret] = session.exec(select(AppSecret)).all()
        assert len(secret.value) >= 40
    token = _link(mailbox, READER, "/api/v1/subscriptions/confirm")
    # A new app (a restart) reads the same secret, so the emailed link still works.
    with TestClient(create_app(engine=fresh_engine, settings=settings, clock=clock)) as client:
        assert client.post("/api/v1/subscriptions/confirm", params={"token": token}).status_code == 200
    with Session(fresh_engine) as session:
        assert session.exec(select(func.count()).select_from(AppSecret)).one() == 1
        active = session.exec(select(Subscription).where(col(Subscription.status) == SubscriptionStatus.ACTIVE)).all()
        assert [s.email for s in active] == [READER]


def test_the_confirmation_names_only_tags_that_claims_carry(
    client: TestClient, session: Session, mailbox: Mailbox
) -> None:
    """Issue 19: free tag text was echoed into the email (a relay for anyone's message)."""
    _tagged_claim(session, "monetary")
    lure = "urgent: your account is locked, call +1 555 0100 or visit evil.example"
    answer = client.post("/api/v1/subscriptions", json={"email": READER, "tags": ["monetary", lure]})
    assert answer.status_code == 202, answer.text
    [mail] = mailbox.to(READER)
    for part in ("plain", "html"):
        text = mail.get_body((part,)).get_content()  # type: ignore[union-attr]
        assert "monetary" in text and "evil.example" not in text and "555" not in text


def test_anonymous_subscribing_is_rate_limited(
    fresh_url: str, fresh_engine: Engine, smtp: tuple[Mailbox, int], clock: FixedClock
) -> None:
    settings = mail_settings(smtp[1]).model_copy(
        update={"database_url": fresh_url, "rate_limit_burst": 2, "rate_limit_per_minute": 2}
    )
    with TestClient(create_app(engine=fresh_engine, settings=settings, clock=clock)) as client:
        answers = [client.post("/api/v1/subscriptions", json={"email": f"r{i}@example.com"}) for i in range(3)]
    assert [a.status_code for a in answers] == [202, 202, 429]
    assert answers[2].headers["Retry-After"] == "30" and "retry in 30 s" in answers[2].json()["detail"]
    assert len(smtp[0].messages) == 2


def test_following_the_links_changes_nothing_and_a_confirm_link_works_once(
    client: TestClient, session: Session, mailbox: Mailbox, clock: FixedClock
) -> None:
    """Issue 19: link scanners confirmed and unsubscribed on GET; a confirm link still worked after an unsubscribe."""
    client.post("/api/v1/subscriptions", json={"email": READER})
    token = _link(mailbox, READER, "/api/v1/subscriptions/confirm")
    page = client.get("/api/v1/subscriptions/confirm", params={"token": token})
    assert page.status_code == 200 and '<form method="post"' in page.text and "<button" in page.text
    assert _subscription(session, READER).status is SubscriptionStatus.PENDING
    clock.at += timedelta(minutes=1)
    assert client.post("/api/v1/subscriptions/confirm", params={"token": token}).status_code == 200
    assert _subscription(session, READER).status is SubscriptionStatus.ACTIVE
    clock.at += timedelta(minutes=1)
    again = client.post("/api/v1/subscriptions/confirm", params={"token": token})
    assert again.status_code == 400 and "used already" in again.json()["detail"]
    from service.digest import token_signer

    signer = token_signer(session, settings=client.app.state.settings, clock=client.app.state.clock)  # type: ignore[attr-defined]
    unsubscribe = signer.unsubscribe_token(public_id=_subscription(session, READER).public_id)
    assert client.post("/api/v1/unsubscribe", params={"token": unsubscribe}).status_code == 200
    clock.at += timedelta(minutes=1)
    after = client.post("/api/v1/subscriptions/confirm", params={"token": token})
    assert after.status_code == 400 and "subscribe again" in after.json()["detail"]
    assert _subscription(session, READER).status is SubscriptionStatus.UNSUBSCRIBED
    # Subscribing again sends a new link, and that one works.
    clock.at += timedelta(hours=2)
    client.post("/api/v1/subscriptions", json={"email": READER})
    fresh = _link(mailbox, READER, "/api/v1/subscriptions/confirm")
    clock.at += timedelta(minutes=1)
    assert client.post("/api/v1/subscriptions/confirm", params={"token": fresh}).status_code == 200
    assert _subscription(session, READER).status is SubscriptionStatus.ACTIVE
