"""Answers of the hottest reads, kept per process and keyed on the ledger's committed version.

A request reads the version first (one indexed row, ``predictions.repo.ledger``), then looks for an answer to the
same question computed at that version. Triggers bump the version in the same commit as any write that a claim's
view can see, so:
- an answer computed after reading version V holds at least everything committed up to V; a request that sees V
  may be served it, whichever replica computed it and whenever;
- after a write commits, every replica sees a newer version at its next request and computes afresh: no replica
  serves an answer older than the last commit, and two replicas never disagree on what is committed.
A session that has written and not committed gets None for the version and is never served from, nor stored
into, the cache. Memory is bounded (least recently used answers go first).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Annotated, Any

import pydantic_core
from fastapi import Depends, Request
from sqlmodel import Session

from predictions.repo.ledger import committed_version


class ReadCache:
    """Serialised answers by (question, version), within a byte budget. Thread-safe."""

    def __init__(self, *, max_bytes: int = 64_000_000) -> None:
        self.max_bytes = max_bytes
        self._answers: OrderedDict[Hashable, tuple[int, bytes]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def answer(self, session: Session, *, key: Hashable, compute: Callable[[], Any]) -> bytes:
        """The JSON answer to ``key``: cached if computed at the ledger's current version, else ``compute()``d
        now (after reading the version, so that it is at least as new) and kept."""
        version = committed_version(session)
        if version is not None:
            with self._lock:
                found = self._answers.get(key)
                if found is not None and found[0] == version:
                    self._answers.move_to_end(key)
                    self.hits += 1
                    return found[1]
        body = pydantic_core.to_json(compute())
        if version is not None:
            self._keep(key, version, body)
        return body

    def _keep(self, key: Hashable, version: int, body: bytes) -> None:
        if len(body) > self.max_bytes // 4:
            return
        with self._lock:
            self.misses += 1
            old = self._answers.get(key)
            if old is not None:
                if old[0] > version:  # a slower request computed at an older version: keep the newer answer
                    return
                del self._answers[key]
                self._bytes -= len(old[1])
            self._answers[key] = (version, body)
            self._bytes += len(body)
            while self._bytes > self.max_bytes:
                _, (_, dropped) = self._answers.popitem(last=False)
                self._bytes -= len(dropped)


async def get_read_cache(request: Request) -> ReadCache:
    """The app's read cache (async: a sync dependency would cost a hop to the thread pool)."""
    cache: ReadCache = request.app.state.read_cache
    return cache


ReadCacheDep = Annotated[ReadCache, Depends(get_read_cache)]
