"""Answers kept per ledger version: computed once per version, however many readers ask at once.

What the costly reads (track records, the changes feed) use so that a read costs a lookup. The ledger's version
(``predictions.ledger.repo``) grows with every committed write that such an answer reads, so an answer computed
at version V stands for every reader who sees V, and a reader who sees a newer version gets a new one:
- a reader who finds the answer at its version gets it (a dictionary lookup);
- readers who arrive while it is being computed wait for that one computation instead of starting their own
  (five track-record requests a second used to start five two-second computations a second and never drain);
- a session that has written and not committed computes on its own and keeps nothing.
Per process and bounded (least recently asked keys go first). ``keys`` lists the keys kept, so that a background
thread can compute the new version's answers before readers ask for them.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from sqlmodel import Session

from predictions.ledger.repo import committed_version

T = TypeVar("T")


class KeptByVersion(Generic[T]):
    """Values by (key, ledger version), each computed once. Thread-safe."""

    def __init__(self, *, max_keys: int = 256) -> None:
        self.max_keys = max_keys
        self._values: OrderedDict[Hashable, tuple[int, T]] = OrderedDict()
        self._flights: dict[tuple[Hashable, int], threading.Lock] = {}
        self._lock = threading.Lock()
        self.computed = 0

    def get(self, session: Session, *, key: Hashable, compute: Callable[[Session], T]) -> T:
        """The value of ``key`` at the ledger's version as ``session`` sees it: kept, or ``compute(session)``d."""
        version = committed_version(session)
        if version is None:  # the session's own writes are not committed: nothing to share
            return compute(session)
        return self.at(session, key=key, version=version, compute=compute)

    def at(self, session: Session, *, key: Hashable, version: int, compute: Callable[[Session], T]) -> T:
        """The value of ``key`` at ``version`` (a committed version that ``session`` sees)."""
        found = self._kept(key, version)
        if found is not None:
            return found[1]
        with self._lock:
            flight = self._flights.setdefault((key, version), threading.Lock())
        try:
            with flight:
                found = self._kept(key, version)
                if found is not None:
                    return found[1]
                value = compute(session)
                self._keep(key, version, value)
                return value
        finally:
            with self._lock:
                self._flights.pop((key, version), None)

    def version_of(self, key: Hashable) -> int | None:
        """The version at which ``key``'s kept value was computed, if one is kept."""
        with self._lock:
            found = self._values.get(key)
            return None if found is None else found[0]

    def keys(self) -> list[Hashable]:
        """The keys kept, most recently asked last."""
        with self._lock:
            return list(self._values)

    def _kept(self, key: Hashable, version: int) -> tuple[int, T] | None:
        with self._lock:
            found = self._values.get(key)
            if found is None or found[0] != version:
                return None
            self._values.move_to_end(key)
            return found

    def _keep(self, key: Hashable, version: int, value: T) -> None:
        with self._lock:
            self.computed += 1
            old = self._values.get(key)
            if old is not None and old[0] > version:  # a slower reader at an older version: keep the newer
                return
            self._values[key] = (version, value)
            self._values.move_to_end(key)
            while len(self._values) > self.max_keys:
                self._values.popitem(last=False)
