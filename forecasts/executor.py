"""Where forecasting work runs: a small Executor protocol with a local process pool by default.

A cluster backend (e.g. Dask distributed) only needs ``map`` with the same meaning.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class Executor(Protocol):
    """Runs a picklable function over items and yields the results in input order."""

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """Apply ``fn`` to every item; results come back in order."""
        ...


class SerialExecutor:
    """Everything in the calling process (jobs = 1; also the easiest to debug)."""

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """Apply ``fn`` to each item in turn."""
        return (fn(item) for item in items)


class LocalProcessExecutor:
    """A pool of ``jobs`` local processes; items travel in chunks to keep the overhead low."""

    def __init__(self, jobs: int, *, chunksize: int = 4) -> None:
        self.jobs = jobs
        self.chunksize = chunksize

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """Apply ``fn`` over the pool; results are yielded as soon as they are ready, in order."""
        with ProcessPoolExecutor(max_workers=self.jobs) as pool:
            yield from pool.map(fn, items, chunksize=self.chunksize)


def local_executor(jobs: int) -> Executor:
    """The default executor for ``jobs`` processes (serial when jobs is 1)."""
    return SerialExecutor() if jobs <= 1 else LocalProcessExecutor(jobs)
