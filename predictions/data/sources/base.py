"""The DataSource protocol, what a fetch answers, and how an indicator names its source."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from urllib.parse import urlsplit

from forecasts.periods import Frequency

SCHEMES = ("dbnomics", "fred", "csv")
_REF = re.compile(r"^\s*(?P<scheme>dbnomics|fred|csv):(?P<path>\S+)\s*$", re.IGNORECASE)
_URL = re.compile(r"^\s*(?P<path>https?://\S+)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Fetched:
    """One value of one period, as the source gave it; ``as_of`` is the vintage when the source says one."""

    period: str
    value: float
    as_of: datetime | None = None


@dataclass(frozen=True)
class SourceRef:
    """A parsed ``Indicator.source``: which client, and what it should fetch."""

    scheme: str
    path: str

    @property
    def text(self) -> str:
        """The reference as written in the ledger."""
        return f"{self.scheme}:{self.path}"


def parse_source_ref(source: str | None) -> SourceRef | None:
    """The fetchable reference in ``source``, or None when it only describes where data came from."""
    if not source:
        return None
    match = _REF.match(source)
    if match is not None:
        return SourceRef(match.group("scheme").lower(), match.group("path"))
    match = _URL.match(source)
    if match is not None:
        return SourceRef("csv", match.group("path"))
    return None


def chosen_host(ref: SourceRef) -> str | None:
    """The host a ``csv:`` source makes the server fetch, which its writer chose; None for ``dbnomics:`` and
    ``fred:``, whose host only the operator sets (``PREDTRACK_DBNOMICS_URL``, ``PREDTRACK_FRED_URL``)."""
    if ref.scheme != "csv":
        return None
    try:
        return (urlsplit(ref.path).hostname or "").rstrip(".").lower()
    except ValueError:  # a malformed URL (e.g. an unclosed IPv6 bracket) names no host anyone allowed
        return ""


def host_allowed(ref: SourceRef, *, allowed_hosts: Collection[str]) -> bool:
    """Whether anyone may make the server fetch ``ref``: a host only the operator sets, or an allowed one."""
    host = chosen_host(ref)
    return host is None or host in allowed_hosts


class DataSource(Protocol):
    """Something that fetches an indicator's observations from outside (raises ``DataSourceError``)."""

    name: str

    def fetch(self, path: str, *, frequency: Frequency) -> list[Fetched]:
        """Every observation the source has for ``path``, with periods written at ``frequency``."""
        ...
