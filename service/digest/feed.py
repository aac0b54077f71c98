"""The changes feed as Atom (RFC 4287), written with ElementTree so every text is escaped by the XML library."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from urllib.parse import urlencode
from xml.etree import ElementTree as ET

from predictions.digest.digest import Change
from service.digest.render import Links

ATOM = "http://www.w3.org/2005/Atom"


def atom_feed(changes: Sequence[Change], *, links: Links, tags: Sequence[str], now: datetime) -> bytes:
    """An Atom document with one entry per change."""
    ET.register_namespace("", ATOM)
    query = f"?{urlencode([('tag', t) for t in tags])}" if tags else ""
    self_url = f"{links.base}/feeds/changes.atom{query}"
    feed = ET.Element(f"{{{ATOM}}}feed")
    _text(feed, "id", self_url)
    _text(feed, "title", "predtrack: what changed" + (f" ({', '.join(tags)})" if tags else ""))
    _text(feed, "subtitle", "Probability moves with their reasons, and resolutions.")
    _text(feed, "updated", (changes[0].at if changes else now).isoformat())
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", type="application/atom+xml", href=self_url)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=f"{links.base}/")
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", "predtrack")
    for change in changes:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        claim_url = f"{links.base}/claims/{change.claim_id}"
        _text(entry, "id", f"{claim_url}#{change.key}")
        _text(entry, "title", change.title)
        _text(entry, "updated", change.at.isoformat())
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=claim_url)
        _text(entry, "summary", change.summary)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def _text(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{tag}").text = text
