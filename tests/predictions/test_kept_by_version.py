"""Answers kept per ledger version are computed once per version, however many readers ask at once (issue 21:
five track-record requests a second used to start five two-second computations a second)."""

from __future__ import annotations

import threading
from typing import Any

from predictions.ledger.kept import KeptByVersion


def test_readers_at_one_version_share_one_computation() -> None:
    kept: KeptByVersion[int] = KeptByVersion()
    started, release = threading.Event(), threading.Event()
    calls: list[int] = []

    def compute(_: Any) -> int:
        calls.append(1)
        started.set()
        release.wait(timeout=10)
        return 42

    answers: list[int] = []

    def read() -> None:
        answers.append(kept.at(None, key="k", version=7, compute=compute))  # type: ignore[arg-type]

    readers = [threading.Thread(target=read) for _ in range(8)]
    for reader in readers:
        reader.start()
    assert started.wait(timeout=10)  # one reader computes; the others queue behind it or find its answer
    release.set()
    for reader in readers:
        reader.join(timeout=10)
    assert answers == [42] * 8 and len(calls) == 1
    assert kept.at(None, key="k", version=8, compute=lambda _: 43) == 43  # type: ignore[arg-type]  # a new version: anew
    assert kept.at(None, key="k", version=7, compute=lambda _: 44) == 44  # type: ignore[arg-type]  # an older one too
    assert kept.version_of("k") == 8  # but the newer answer is the one kept


def test_a_failed_computation_is_not_kept_and_the_next_reader_tries_again() -> None:
    kept: KeptByVersion[int] = KeptByVersion()

    def fail(_: Any) -> int:
        raise RuntimeError("database went away")

    try:
        kept.at(None, key="k", version=1, compute=fail)  # type: ignore[arg-type]
    except RuntimeError:
        pass
    assert kept.version_of("k") is None
    assert kept.at(None, key="k", version=1, compute=lambda _: 5) == 5  # type: ignore[arg-type]


def test_the_least_recently_asked_go_first() -> None:
    kept: KeptByVersion[str] = KeptByVersion(max_keys=2)
    for key in ("a", "b"):
        kept.at(None, key=key, version=1, compute=lambda _, k=key: k)  # type: ignore[arg-type,misc]
    kept.at(None, key="a", version=1, compute=lambda _: "recomputed")  # type: ignore[arg-type]  # a lookup: a is used
    kept.at(None, key="c", version=1, compute=lambda _: "c")  # type: ignore[arg-type]
    assert kept.keys() == ["a", "c"]
