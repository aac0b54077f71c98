"""The digest and the confirmation as email: multipart/alternative (text + HTML with inline PNGs), from Jinja2.

The HTML uses tables and a ``<style>`` block that css-inline moves into ``style`` attributes (mail clients drop
``<style>``; inlining by hand would drift from the stylesheet). Charts are attached in a multipart/related part
and referenced by Content-ID.

A digest is rendered once per (week, tags) and reused for every subscriber with those tags: only the
unsubscribe link differs, and it is filled into a placeholder. That keeps a 10,000-subscriber run fast.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, parseaddr
from pathlib import Path
from typing import cast
from urllib.parse import urlencode, urlsplit

import css_inline
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from predictions.digest.digest import DigestContent
from service.digest.charts import probability_png
from service.formatting import percent
from service.templating import bytecode_cache

TEMPLATES = Path(__file__).parent / "templates"
UNSUBSCRIBE_PLACEHOLDER = "PREDTRACK-UNSUBSCRIBE-URL"
_inliner = css_inline.CSSInliner(keep_style_tags=False, load_remote_stylesheets=False)


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"


def _unit(unit: str | None) -> str:
    if not unit:
        return ""
    return unit if unit in ("%", "‰") else f" {unit}"


_env = Environment(
    loader=FileSystemLoader(str(TEMPLATES)),
    autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=False),
    undefined=StrictUndefined,
    keep_trailing_newline=True,
    bytecode_cache=bytecode_cache(),
)
_env.filters.update(pct=percent, num=_number, unit=_unit)


@dataclass(frozen=True)
class Links:
    """Every URL a message or feed carries, under ``PREDTRACK_PUBLIC_URL``."""

    base: str

    @classmethod
    def under(cls, public_url: str) -> Links:
        """Links under ``public_url`` (a trailing slash is dropped)."""
        return cls(public_url.rstrip("/"))

    @property
    def domain(self) -> str:
        """The host name, for Message-IDs and Content-IDs."""
        return urlsplit(self.base).hostname or "localhost"

    def confirm(self, token: str) -> str:
        """The confirmation link."""
        return f"{self.base}/api/v1/subscriptions/confirm?{urlencode({'token': token})}"

    def unsubscribe(self, token: str) -> str:
        """The one-click unsubscribe link (GET, and POST per RFC 8058)."""
        return f"{self.base}/api/v1/unsubscribe?{urlencode({'token': token})}"

    def preview(self, week: str) -> str:
        """The digest's HTML in a browser."""
        return f"{self.base}/api/v1/digest/preview?{urlencode({'week': week})}"


@dataclass(frozen=True)
class RenderedDigest:
    """One digest rendered for one set of tags, with a placeholder for the unsubscribe link."""

    week: str
    subject: str
    text: str
    html: str
    images: list[tuple[str, bytes]]  # (Content-ID without brackets, PNG)
    is_empty: bool


def render_digest(content: DigestContent, *, links: Links) -> RenderedDigest:
    """Text and inlined HTML of ``content``, and one PNG per top mover."""
    label = content.week.label
    charts: dict[int, str] = {}
    images = []
    for index, move in enumerate(content.moves, start=1):
        if len(move.history) >= 2:
            cid = f"move{index}.{label}@{links.domain}"
            charts[move.claim_id] = cid
            images.append((cid, probability_png(move.history, since=content.week.start)))
    subject = f"predtrack weekly digest {label}" + (f" ({', '.join(content.tags)})" if content.tags else "")
    context = {
        "content": content,
        "week": content.week,
        "tags": content.tags,
        "base": links.base,
        "charts": charts,
        "subject": subject,
        "one_day": timedelta(days=1),
        "unsubscribe_url": UNSUBSCRIBE_PLACEHOLDER,
    }
    html = _inliner.inline(_env.get_template("digest.html").render(context))
    text = re.sub(r"\n{3,}", "\n\n", _env.get_template("digest.txt").render(context))  # one blank line between sections
    return RenderedDigest(week=label, subject=subject, text=text, html=html, images=images, is_empty=content.is_empty)


TO_PLACEHOLDER = "predtrack-recipient@placeholder.invalid"
MESSAGE_ID_PLACEHOLDER = "<predtrack-message-id@placeholder.invalid>"


@dataclass(frozen=True)
class Outgoing:
    """A message ready for SMTP: envelope sender and recipient, and the bytes (CRLF line ends)."""

    sender: str
    recipient: str
    data: bytes

    @classmethod
    def of(cls, message: EmailMessage) -> Outgoing:
        """An EmailMessage with one sender and one recipient, serialised."""
        return cls(
            sender=parseaddr(str(message["From"]))[1],
            recipient=parseaddr(str(message["To"]))[1],
            data=message.as_bytes(policy=SMTP),
        )


def digest_template(rendered: RenderedDigest, *, mail_from: str, date: datetime) -> bytes:
    """The digest as one message for everyone with these tags; ``personalise`` fills in each subscriber.

    Serialising a MIME message with the email package costs milliseconds (it re-parses every header), so it is
    done once per digest, not once per subscriber. The text and HTML go as 8bit UTF-8, never wrapped or
    encoded, so the placeholders survive serialisation intact.
    """
    message = _headers(
        subject=rendered.subject, to=TO_PLACEHOLDER, mail_from=mail_from, message_id=MESSAGE_ID_PLACEHOLDER, date=date
    )
    message["List-Unsubscribe"] = f"<{UNSUBSCRIBE_PLACEHOLDER}>"
    message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message.set_content(rendered.text, cte="8bit")
    message.add_alternative(rendered.html, subtype="html", cte="8bit")
    if rendered.images:
        html_part = cast(EmailMessage, message.get_payload()[1])  # type: ignore[index]
        for cid, png in rendered.images:
            html_part.add_related(png, "image", "png", cid=f"<{cid}>", filename=f"{cid.split('@')[0]}.png")
    data = message.as_bytes(policy=SMTP)
    for placeholder, times in ((TO_PLACEHOLDER, 1), (MESSAGE_ID_PLACEHOLDER, 1), (UNSUBSCRIBE_PLACEHOLDER, 3)):
        found = data.count(placeholder.encode())
        if found != times:  # a placeholder folded or encoded away would silently send someone else's link
            raise RuntimeError(f"digest template: {placeholder} appears {found} times, expected {times}")
    return data


def personalise(template: bytes, *, to: str, message_id: str, unsubscribe_url: str) -> bytes:
    """The digest for one subscriber: their address, Message-ID and unsubscribe link put in the template.

    The values are checked to be plain ASCII without line breaks, so that no header can be injected through
    them (addresses are validated and ASCII-normalised on subscription; the rest is made here).
    """
    for value in (to, message_id, unsubscribe_url):
        if not value.isascii() or any(ch in value for ch in "\r\n\0"):
            raise ValueError(f"refusing to put {value!r} into a message")
    return (
        template.replace(TO_PLACEHOLDER.encode(), to.encode())
        .replace(MESSAGE_ID_PLACEHOLDER.encode(), message_id.encode())
        .replace(UNSUBSCRIBE_PLACEHOLDER.encode(), unsubscribe_url.encode())
    )


def preview_html(rendered: RenderedDigest) -> str:
    """The digest's HTML for a browser: charts as data URIs, no working unsubscribe link."""
    html = rendered.html.replace(UNSUBSCRIBE_PLACEHOLDER, "#")
    for cid, png in rendered.images:
        html = html.replace(f"cid:{cid}", "data:image/png;base64," + base64.b64encode(png).decode())
    return html


def preview_text(rendered: RenderedDigest, *, unsubscribe_url: str = "(your unsubscribe link)") -> str:
    """The digest's plain-text part."""
    return rendered.text.replace(UNSUBSCRIBE_PLACEHOLDER, unsubscribe_url)


def confirmation_message(
    *, to: str, tags: list[str], confirm_url: str, mail_from: str, message_id: str, date: datetime
) -> EmailMessage:
    """The double opt-in email: one link that activates the subscription."""
    subject = "Confirm your predtrack weekly digest"
    context = {"subject": subject, "tags": tags, "confirm_url": confirm_url}
    message = _headers(subject=subject, to=to, mail_from=mail_from, message_id=message_id, date=date)
    # 8bit, not quoted-printable: the link stays one unbroken line even in a raw view of the message.
    message.set_content(_env.get_template("confirm.txt").render(context), cte="8bit")
    html = _inliner.inline(_env.get_template("confirm.html").render(context))
    message.add_alternative(html, subtype="html", cte="8bit")
    return message


def _headers(*, subject: str, to: str, mail_from: str, message_id: str, date: datetime) -> EmailMessage:
    # EmailMessage's default policy refuses CR or LF in any header value, so nothing can inject a header even
    # if a value slipped past validation; the address itself is parsed into an Address, not pasted.
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = mail_from
    message["To"] = Address(addr_spec=to)
    message["Date"] = format_datetime(date)
    message["Message-ID"] = message_id
    message["Auto-Submitted"] = "auto-generated"
    return message
