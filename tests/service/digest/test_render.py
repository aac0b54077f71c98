"""The message template and its per-subscriber values: nothing can inject a header."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from predictions.digest.digest import DigestContent, Move, parse_week
from predictions.digest.subscriptions import normalise_email
from predictions.ledger.errors import InvalidInput
from service.digest import Links, digest_template, personalise, render_digest

WEEK = parse_week("2026-W47")


def _template() -> bytes:
    move = Move(1, "A claim", 0.6, 0.4, "Something came in.", datetime(2026, 11, 18, tzinfo=UTC), [])
    content = DigestContent(WEEK, [], [move], [], [], [], [], [])
    rendered = render_digest(content, links=Links.under("https://predtrack.example"))
    return digest_template(rendered, mail_from="predtrack <digest@predtrack.example>", date=WEEK.end)


@pytest.mark.parametrize(
    "values",
    [
        {"to": "reader@example.com\r\nBcc: victim@example.org"},
        {"message_id": "<x@y>\nX-Injected: yes"},
        {"unsubscribe_url": "https://predtrack.example/u?token=a\r\n\r\n<script>"},
        {"to": "rené@example.com"},
    ],
)
def test_personalise_refuses_line_breaks_and_non_ascii(values: dict[str, str]) -> None:
    good = {"to": "reader@example.com", "message_id": "<digest.x@predtrack.example>", "unsubscribe_url": "https://u"}
    with pytest.raises(ValueError, match="refusing"):
        personalise(_template(), **{**good, **values})


def test_every_line_of_the_template_fits_smtp() -> None:
    assert max(len(line) for line in _template().split(b"\r\n")) <= 998  # RFC 5321 line limit


def test_addresses_are_kept_in_ascii_and_smtputf8_ones_refused() -> None:
    assert normalise_email("Reader@Example.COM") == "Reader@example.com"
    with pytest.raises(InvalidInput, match="not a valid address"):
        normalise_email("rené@example.com")
