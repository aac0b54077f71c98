"""An article's text from what a researcher has: plain text, a saved HTML page, a PDF, or a URL.

Libraries do the reading: trafilatura finds an HTML page's main text (menus, footers and scripts left out), pypdf
reads a PDF's text layer, and a URL is fetched through the one guarded fetcher of data sources
(``predictions.data.sources.http.get``). Every input is bounded where it enters: a file by its bytes, the text it
gives by its characters. Each refusal says what was wrong and what to do.

Imports of trafilatura and pypdf are lazy: plain text, the common case, does not pay for them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from predictions.ledger.errors import InvalidInput, LedgerError

logger = logging.getLogger(__name__)

# The text given to extraction: 200 KB is about 30,000 words, a long report; more is split by the researcher.
MAX_TEXT_CHARS = 200_000
# A file (HTML or PDF) may be larger than its text: markup, fonts and images.
MAX_FILE_BYTES = 5_000_000
# A PDF's pages read at most: a longer one is a book, not an article.
MAX_PDF_PAGES = 200
URL_TIMEOUT_S = 10.0
HTML_TYPES = ("text/html", "application/xhtml+xml")
PDF_TYPES = ("application/pdf",)
TEXT_TYPES = ("text/plain", "text/markdown", "text/x-markdown")


class InputTooLarge(LedgerError):
    """A text or file past the intake's bounds."""

    status_code = 413


class UnreadableInput(InvalidInput):
    """A file or page that holds no text extraction can read (binary junk, a scanned PDF, an empty page)."""

    status_code = 422


@dataclass(frozen=True)
class Article:
    """The text to extract from, and what it was read from (``kind``: text, html, pdf; ``url`` when fetched)."""

    text: str
    kind: str
    url: str | None = None
    title: str | None = None


def from_text(text: str) -> Article:
    """Pasted or typed text, checked for size and emptiness."""
    return Article(text=_bounded(text, what="the text"), kind="text")


def from_html(html: str | bytes, *, url: str | None = None) -> Article:
    """A saved HTML page's main text (trafilatura), with its title when the page names one."""
    if isinstance(html, bytes):
        _check_file_size(html, what="the HTML page")
    elif len(html) > MAX_FILE_BYTES:
        raise InputTooLarge(f"the HTML page is over {MAX_FILE_BYTES:,} characters: save only the article's page")
    import trafilatura

    try:
        text = trafilatura.extract(html, url=url, include_comments=False, include_tables=False, favor_recall=True)
        meta = trafilatura.extract_metadata(html)
    except Exception as exc:  # noqa: BLE001  (trafilatura raises whatever lxml raises on broken markup)
        raise UnreadableInput(f"the HTML page could not be read ({exc.__class__.__name__})", field="file") from None
    if not text or not text.strip():
        raise UnreadableInput(
            "no article text found in the HTML page: save the page with its text, or paste the text", field="file"
        )
    title = meta.title if meta is not None and meta.title else None
    return Article(text=_bounded(text, what="the page's text"), kind="html", url=url, title=title)


def from_pdf(data: bytes) -> Article:
    """A PDF's text layer (pypdf), page by page; a scanned PDF without one is refused."""
    _check_file_size(data, what="the PDF")
    if not data.startswith(b"%PDF-"):
        raise UnreadableInput("the file is not a PDF (it does not start with %PDF-)", field="file")
    import io

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise UnreadableInput("the PDF is encrypted: save an unprotected copy, or paste its text", field="file")
        if len(reader.pages) > MAX_PDF_PAGES:
            raise InputTooLarge(f"the PDF has {len(reader.pages)} pages, over {MAX_PDF_PAGES}: split it")
        pages = []
        size = 0
        for page in reader.pages:
            pages.append(page.extract_text() or "")
            size += len(pages[-1])
            if size > MAX_TEXT_CHARS:
                break
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise UnreadableInput(
            f"the PDF could not be read ({exc.__class__.__name__}): it may be damaged", field="file"
        ) from None
    text = "\n\n".join(pages)
    if not text.strip():
        raise UnreadableInput("the PDF has no text layer (a scan?): paste its text instead", field="file")
    return Article(text=_bounded(text, what="the PDF's text"), kind="pdf")


def from_file(data: bytes, *, filename: str | None = None, content_type: str | None = None) -> Article:
    """An uploaded or local file: PDF, HTML or UTF-8 text, told apart by its first bytes, then its name or type."""
    _check_file_size(data, what="the file")
    kind = _kind_of(data, filename=filename, content_type=content_type)
    if kind == "pdf":
        return from_pdf(data)
    text = _decode(data)
    if kind == "html":
        return from_html(text)
    return from_text(text)


def from_url(url: str, *, get: Callable[..., Any] | None = None) -> Article:
    """A web page or PDF fetched through the guarded fetcher (no private addresses; bounded size and time)."""
    from predictions.data.sources import http

    fetch = get or http.get
    if not url.startswith(("http://", "https://")):
        raise InvalidInput("the URL must start with http:// or https://", field="url")
    try:
        response = fetch(url, policy=http.HttpPolicy(timeout=URL_TIMEOUT_S, retries=0), what="article")
    except LedgerError as exc:  # refused, unreachable or an error status: said next to the URL in a form
        if exc.status_code >= 500:  # the page could not be had: the researcher's URL to check, not a server fault
            raise InvalidInput(f"could not read the URL: {exc.detail}", field="url") from exc
        exc.field = exc.field or "url"
        raise
    data = response.content
    _check_file_size(data, what="the page at the URL")
    content_type = response.headers.get("content-type", "")
    kind = _kind_of(data, filename=url.split("?", 1)[0], content_type=content_type)
    if kind == "pdf":
        article = from_pdf(data)
        return Article(text=article.text, kind="pdf", url=url)
    if kind == "html":
        return from_html(data, url=url)
    return Article(text=_bounded(_decode(data), what="the page's text"), kind="text", url=url)


def _kind_of(data: bytes, *, filename: str | None, content_type: str | None) -> str:
    media = (content_type or "").split(";")[0].strip().lower()
    name = (filename or "").lower()
    head = data[:1024].lstrip().lower()
    if data.startswith(b"%PDF-") or media in PDF_TYPES or name.endswith(".pdf"):
        return "pdf"
    if (
        media in HTML_TYPES
        or name.endswith((".html", ".htm", ".xhtml"))
        or head.startswith((b"<!doctype html", b"<html"))
    ):
        return "html"
    return "text"


def _decode(data: bytes) -> str:
    if b"\x00" in data[:65536]:
        raise UnreadableInput(
            "the file is binary, not text: send plain text (UTF-8), an HTML page or a PDF", field="file"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableInput(
            "the file is not UTF-8 text: save it as UTF-8, or send an HTML page or a PDF", field="file"
        ) from None


def _check_file_size(data: bytes, *, what: str) -> None:
    if len(data) > MAX_FILE_BYTES:
        raise InputTooLarge(f"{what} is {len(data):,} bytes, over the {MAX_FILE_BYTES:,} a file may have")
    if not data.strip():
        raise UnreadableInput(f"{what} is empty", field="file")


def _bounded(text: str, *, what: str) -> str:
    if len(text) > MAX_TEXT_CHARS:
        raise InputTooLarge(
            f"{what} has {len(text):,} characters, over the {MAX_TEXT_CHARS:,} one extraction reads: "
            "split the article and extract each part"
        )
    if not text.strip():
        raise InvalidInput(f"{what} is empty: paste an article, give a URL or upload a file", field="text")
    return text
