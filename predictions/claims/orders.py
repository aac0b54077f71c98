"""The order of each claims listing, kept per ledger version, so that a page of it is a slice.

Why: a page of the claims list used to count every matching claim and walk an OFFSET through them in the
database, afresh for each page (on PostgreSQL at 10,000 claims ~12 ms: a sort of all of them, then the count). A
new server computed each of the 200 pages of the default listing on its first view, in each worker, and the first
15 s of 300 mixed requests/s had a p99 of 1.7 s (docs/BENCHMARKS.md, "Readers at scale"). Kept, the sort runs once
per listing and ledger version, and a page costs a slice and one statement for its claims' rows.

Correct after writes as the other kept reads are (``predictions.ledger.kept``): the ledger's version grows with
every committed write to claims and their tags, so an order kept at version V serves only readers who see V, and
a reader who sees a newer version sorts again. Bounded: ``max_orders`` listings (least recently used out), each an
array of 8 bytes a claim; a listing with a text search (``q``) is never kept, since every text is a new listing
and a stranger's searches would push the common listings out.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence

from sqlmodel import Session

from predictions.claims import repo
from predictions.claims.repo import ClaimListing
from predictions.ledger.kept import KeptByVersion

__all__ = ["ClaimListing", "ClaimOrders"]


class ClaimOrders:
    """The ordered ids of claims listings by (filters, order) and ledger version. Thread-safe."""

    def __init__(self, *, max_orders: int = 16) -> None:
        self._kept: KeptByVersion[array[int]] = KeptByVersion(max_keys=max_orders)

    @property
    def computed(self) -> int:
        """How many orders were sorted and kept so far."""
        return self._kept.computed

    def ids(self, session: Session, *, listing: ClaimListing, version: int | None = None) -> Sequence[int]:
        """The ids of every claim ``listing`` holds, in its order, at the ledger's committed ``version`` (one that
        ``session`` sees; None: read it through ``session``). A session with uncommitted writes sorts its own."""

        def compute(session: Session) -> array[int]:
            return array("q", repo.ordered_claim_ids(session, listing=listing))

        if listing.q:
            return compute(session)
        if listing.tag is not None:  # tags are matched in lower case: one listing whatever the case asked
            listing = listing._replace(tag=listing.tag.lower())
        if version is None:
            return self._kept.get(session, key=listing, compute=compute)
        return self._kept.at(session, key=listing, version=version, compute=compute)
