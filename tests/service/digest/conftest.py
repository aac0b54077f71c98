"""A real SMTP server (aiosmtpd on loopback) that records what it accepts and can refuse on request."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from service.settings import Settings
from tests.service.conftest import free_port
from tests.service.fresh_db import fresh_engine, fresh_url  # noqa: F401  (fixtures)


@dataclass
class Mailbox:
    """What the server accepted, and how it should answer next."""

    messages: list[EmailMessage] = field(default_factory=list)
    refuse: dict[str, str] = field(default_factory=dict)  # address -> reply to RCPT, every time
    refuse_once: dict[str, str] = field(default_factory=dict)  # address -> reply to RCPT, once
    rcpt_attempts: int = 0

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:  # noqa: N802
        self.rcpt_attempts += 1
        if address in self.refuse_once:
            return self.refuse_once.pop(address)
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        message = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(message, EmailMessage)
        self.messages.append(message)
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[EmailMessage]:
        """Messages addressed to ``address``."""
        return [m for m in self.messages if m["To"] and m["To"].addresses[0].addr_spec == address]


@pytest.fixture
def smtp() -> Iterator[tuple[Mailbox, int]]:
    """An SMTP server on 127.0.0.1 and its mailbox."""
    mailbox = Mailbox()
    port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield mailbox, port
    finally:
        controller.stop()


def mail_settings(port: int, **extra: Any) -> Settings:
    """Settings that send through the test server, with links under a public URL."""
    values: dict[str, Any] = {
        "database_url": "sqlite://",
        "smtp_host": "127.0.0.1",
        "smtp_port": port,
        "public_url": "https://predtrack.example/",
        "mail_from": "predtrack <digest@predtrack.example>",
        "secret_key": "a test secret, not the real one",
    }
    values.update(extra)
    return Settings(**values)
