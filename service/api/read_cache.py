"""Answers of the hottest reads, kept per process and keyed on the ledger's committed version.

A request reads the version first (one indexed row, ``predictions.ledger.repo``), then looks for an answer to the
same question computed at that version. Triggers bump the version in the same commit as any write that a claim's
view can see, so:
- an answer computed after reading version V holds at least everything committed up to V; a request that sees V
  may be served it, whichever replica computed it and whenever;
- after a write commits, every replica sees a newer version at its next request and computes afresh: no replica
  serves an answer older than the last commit, and two replicas never disagree on what is committed.
A session that has written and not committed gets None for the version and is never served from, nor stored
into, the cache. Memory is bounded (least recently used answers go first).

The cache also remembers which question each raw request (path and query string) asked, once a route has
answered it (``remember``), so that ``service.api.fast_reads`` can answer the same request again without
FastAPI's routing, validation and dependencies: a route's parse of a request never changes, only the answer
does, and that is still looked up by version. Only canonical requests are remembered (``fast_reads``), within
a byte budget.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Annotated, Any

import pydantic_core
from fastapi import Depends, Request
from sqlmodel import Session

from predictions.ledger.repo import committed_version

MAX_QUESTIONS = 100_000  # raw requests remembered; each costs ~200 bytes
MAX_QUESTION_BYTES = 16_000_000  # and their paths and query strings together at most this many bytes


class ReadCache:
    """Serialised answers by (question, version), within a byte budget. Thread-safe."""

    def __init__(self, *, max_bytes: int = 64_000_000) -> None:
        self.max_bytes = max_bytes
        self._answers: OrderedDict[Hashable, tuple[int, bytes]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self._questions: OrderedDict[tuple[str, bytes], Hashable] = OrderedDict()
        self._question_bytes = 0
        self.hits = 0
        self.misses = 0

    def cached(self, key: Hashable, version: int) -> bytes | None:
        """The answer to ``key`` if one was computed at ``version``, else None."""
        with self._lock:
            found = self._answers.get(key)
            if found is None or found[0] != version:
                return None
            self._answers.move_to_end(key)
            self.hits += 1
            return found[1]

    def holds(self, key: Hashable) -> bool:
        """Whether an answer to ``key`` is kept, at any version."""
        with self._lock:
            return key in self._answers

    def answer(
        self, session: Session, *, key: Hashable, compute: Callable[[], Any], version: int | None = None
    ) -> bytes:
        """The JSON answer to ``key``: cached if computed at the ledger's current version, else ``compute()``d
        now (after reading the version, so that it is at least as new) and kept. A caller that has just read the
        committed version itself, on a connection that holds no writes, passes it as ``version``."""
        if version is None:
            version = committed_version(session)
        if version is not None:
            found = self.cached(key, version)
            if found is not None:
                return found
        return self.keep(key, version, compute())

    def keep(self, key: Hashable, version: int | None, answer: Any) -> bytes:
        """``answer`` as JSON, kept as the answer to ``key`` at ``version`` (a committed version that it holds
        at least everything of; None: not kept)."""
        body = pydantic_core.to_json(answer)
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

    def remember(self, request: tuple[str, bytes], key: Hashable) -> None:
        """Note that the raw ``request`` (path, query string) asks the question ``key`` (bounded, oldest out)."""
        with self._lock:
            if request not in self._questions:
                self._question_bytes += _size(request)
            self._questions[request] = key
            self._questions.move_to_end(request)
            while len(self._questions) > MAX_QUESTIONS or self._question_bytes > MAX_QUESTION_BYTES:
                dropped, _ = self._questions.popitem(last=False)
                self._question_bytes -= _size(dropped)

    def question(self, request: tuple[str, bytes]) -> Hashable | None:
        """The question a route found the raw ``request`` to ask, if one has answered it."""
        with self._lock:
            return self._questions.get(request)


def _size(request: tuple[str, bytes]) -> int:
    return len(request[0]) + len(request[1])


class RequestReadCache:
    """The read cache as one request's route uses it: answering also notes, in the request's state, which
    question the request asked (``service.api.fast_reads`` remembers it once the route has answered 200)."""

    def __init__(self, cache: ReadCache, request: Request) -> None:
        self.cache = cache
        self.request = request

    def answer(
        self, session: Session, *, key: Hashable, compute: Callable[[], Any], version: int | None = None
    ) -> bytes:
        """``ReadCache.answer``, noting ``key`` as this request's question."""
        setattr(self.request.state, QUESTION, key)
        return self.cache.answer(session, key=key, compute=compute, version=version)


QUESTION = "read_question"  # the request state's attribute that holds the question a route answered


async def get_read_cache(request: Request) -> RequestReadCache:
    """The app's read cache, for this request (async: a sync dependency would cost a hop to the thread pool)."""
    return RequestReadCache(request.app.state.read_cache, request)


ReadCacheDep = Annotated[RequestReadCache, Depends(get_read_cache)]
