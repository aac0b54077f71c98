"""Errors of mail delivery.

Hierarchy::

    SendError               the message did not go out
    ├── TemporarySendError  worth retrying later: 4xx replies, refused or dropped connections, timeouts
    └── PermanentSendError  not worth retrying: 5xx replies (unknown mailbox, refused sender or content)
"""

from __future__ import annotations


class SendError(Exception):
    """The message did not go out."""

    def __init__(self, detail: str, *, code: int | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.code = code
        self.attempts = 1  # how many times the send was tried before giving up


class TemporarySendError(SendError):
    """Worth retrying later."""


class PermanentSendError(SendError):
    """Not worth retrying."""
