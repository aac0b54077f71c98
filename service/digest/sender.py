"""Sending mail behind a small Protocol: SMTP for real, a list in memory for unit tests."""

from __future__ import annotations

import logging
import smtplib
import socket
import ssl
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from types import TracebackType
from typing import Protocol

from service.digest.errors import PermanentSendError, SendError, TemporarySendError
from service.digest.render import Outgoing
from service.settings import Settings

logger = logging.getLogger(__name__)


class EmailSender(Protocol):
    """Hands one message to a mail server; raises TemporarySendError or PermanentSendError."""

    def send(self, message: Outgoing) -> None:
        """Hand ``message`` to the server for its one recipient."""
        ...

    def close(self) -> None:
        """Let go of any connection."""
        ...


def classify(code: int, text: str) -> SendError:
    """A 4xx reply is temporary, anything else that failed is permanent (RFC 5321 section 4.2.1)."""
    if 400 <= code < 500:
        return TemporarySendError(f"{code} {text}", code=code)
    return PermanentSendError(f"{code} {text}", code=code)


class SmtpSender:
    """smtplib over one reused connection (STARTTLS and login when configured); reconnects when it drops."""

    def __init__(
        self,
        *,
        host: str,
        port: int,
        username: str | None = None,
        password: str | None = None,
        starttls: bool = False,
        timeout: float = 30.0,
    ) -> None:
        self.host, self.port, self.timeout = host, port, timeout
        self.username, self.password, self.starttls = username, password, starttls
        self._connection: smtplib.SMTP | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> SmtpSender:
        """A sender for the configured server."""
        return cls(
            host=settings.smtp_host,
            port=settings.smtp_port,
            username=settings.smtp_username,
            password=settings.smtp_password.get_secret_value() if settings.smtp_password else None,
            starttls=settings.smtp_starttls,
            timeout=settings.smtp_timeout_seconds,
        )

    def __enter__(self) -> SmtpSender:
        return self

    def __exit__(
        self, _type: type[BaseException] | None, _exc: BaseException | None, _tb: TracebackType | None
    ) -> None:
        self.close()

    def _connect(self) -> smtplib.SMTP:
        if self._connection is not None:
            return self._connection
        try:
            connection = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
            if connection.sock is not None:
                # smtplib writes each message in small pieces; with Nagle's algorithm and delayed ACKs every
                # message then waits ~40 ms for an ACK (30 messages a second over loopback). Send at once.
                connection.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if self.starttls:
                connection.starttls(context=ssl.create_default_context())
            if self.username:
                connection.login(self.username, self.password or "")
        except smtplib.SMTPAuthenticationError as exc:
            code = exc.smtp_code
            raise PermanentSendError(f"the SMTP server refused the login: {code}", code=code) from None
        except smtplib.SMTPResponseException as exc:
            raise classify(exc.smtp_code, _text(exc.smtp_error)) from None
        except (OSError, smtplib.SMTPException) as exc:
            raise TemporarySendError(f"cannot reach the SMTP server {self.host}:{self.port}: {exc}") from None
        self._connection = connection
        return connection

    def send(self, message: Outgoing) -> None:
        """Send ``message``; a dropped reused connection is reopened once before giving up."""
        for attempt in (1, 2):
            reused = self._connection is not None
            connection = self._connect()
            try:
                refused = connection.sendmail(message.sender, [message.recipient], message.data)
            except smtplib.SMTPRecipientsRefused as exc:
                self._reset()
                code, text = next(iter(exc.recipients.values()))
                raise classify(code, _text(text)) from None
            except smtplib.SMTPResponseException as exc:  # sender refused, data refused, ...
                self._reset()
                raise classify(exc.smtp_code, _text(exc.smtp_error)) from None
            except (smtplib.SMTPServerDisconnected, OSError) as exc:
                self._drop()
                if reused and attempt == 1:
                    continue  # the server closed an idle connection: open a new one
                raise TemporarySendError(f"the SMTP connection failed: {exc}") from None
            if refused:  # several recipients and only some refused: we only send to one
                code, text = next(iter(refused.values()))
                raise classify(code, _text(text))
            return

    def _reset(self) -> None:
        if self._connection is None:
            return
        try:
            self._connection.rset()
        except (smtplib.SMTPException, OSError):
            self._drop()

    def _drop(self) -> None:
        if self._connection is not None:
            try:
                self._connection.close()
            finally:
                self._connection = None

    def close(self) -> None:
        """QUIT and close the connection."""
        if self._connection is None:
            return
        try:
            self._connection.quit()
        except (smtplib.SMTPException, OSError):
            pass
        finally:
            self._drop()


def _text(raw: bytes | str) -> str:
    return raw.decode(errors="replace") if isinstance(raw, bytes) else str(raw)


@dataclass
class FakeSender:
    """Keeps messages in memory, parsed; ``failures`` are raised, one per send, before any message is kept."""

    sent: list[EmailMessage] = field(default_factory=list)
    failures: list[SendError] = field(default_factory=list)

    def send(self, message: Outgoing) -> None:
        """Keep ``message`` (or raise the next scripted failure)."""
        if self.failures:
            raise self.failures.pop(0)
        parsed = message_from_bytes(message.data, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        self.sent.append(parsed)

    def close(self) -> None:
        """Nothing to close."""
