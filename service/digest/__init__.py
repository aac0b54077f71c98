"""The weekly digest by email: render (Jinja2, css-inline, matplotlib) and send (SMTP behind ``EmailSender``)."""

from service.digest.delivery import SendReport, send_confirmation, send_week, token_signer
from service.digest.errors import PermanentSendError, SendError, TemporarySendError
from service.digest.render import (
    Links,
    Outgoing,
    RenderedDigest,
    digest_template,
    personalise,
    preview_html,
    preview_text,
    render_digest,
)
from service.digest.sender import EmailSender, FakeSender, SmtpSender

__all__ = [
    "EmailSender",
    "FakeSender",
    "Links",
    "PermanentSendError",
    "RenderedDigest",
    "SendError",
    "SendReport",
    "SmtpSender",
    "TemporarySendError",
    "Outgoing",
    "digest_template",
    "personalise",
    "preview_html",
    "preview_text",
    "render_digest",
    "send_confirmation",
    "send_week",
    "token_signer",
]
