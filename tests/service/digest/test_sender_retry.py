"""Retries with backoff, against the fake sender (the real-server paths are in test_digest_send)."""

from __future__ import annotations

import pytest

from service.digest import FakeSender, PermanentSendError, TemporarySendError
from service.digest.delivery import send_with_retry
from service.digest.render import Outgoing
from service.digest.sender import classify

MESSAGE = Outgoing(sender="a@example.com", recipient="b@example.com", data=b"Subject: x\r\n\r\nx\r\n")


def test_temporary_failures_are_retried_after_growing_delays() -> None:
    sender = FakeSender(failures=[TemporarySendError("421"), TemporarySendError("451")])
    sleeps: list[float] = []
    assert send_with_retry(sender, MESSAGE, delays=(2.0, 8.0, 32.0), sleep=sleeps.append) == 3
    assert sleeps == [2.0, 8.0] and len(sender.sent) == 1


def test_retries_stop_after_the_last_delay() -> None:
    sender = FakeSender(failures=[TemporarySendError("451")] * 3)
    sleeps: list[float] = []
    with pytest.raises(TemporarySendError) as raised:
        send_with_retry(sender, MESSAGE, delays=(1.0, 2.0), sleep=sleeps.append)
    assert raised.value.attempts == 3 and sleeps == [1.0, 2.0] and sender.sent == []


def test_a_permanent_failure_is_not_retried() -> None:
    sender = FakeSender(failures=[PermanentSendError("550")])
    sleeps: list[float] = []
    with pytest.raises(PermanentSendError):
        send_with_retry(sender, MESSAGE, sleep=sleeps.append)
    assert sleeps == []


@pytest.mark.parametrize(
    ("code", "kind"),
    [(421, TemporarySendError), (452, TemporarySendError), (550, PermanentSendError), (554, PermanentSendError)],
)
def test_reply_codes_are_classified_by_rfc_5321(code: int, kind: type) -> None:
    assert isinstance(classify(code, "x"), kind)
