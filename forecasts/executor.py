"""Where forecasting work runs: a small Executor protocol, a local process pool by default, Dask for a cluster.

``executor_for(spec, jobs=N)`` picks one from a setting's text:

- ``local`` (the default): ``jobs`` local processes (in the calling process when ``jobs`` is 1);
- ``dask://HOST:PORT``: the workers of a Dask distributed cluster whose scheduler listens there. Needs the
  optional extra: ``pip install -e ".[dask]"``; the workers need predtrack installed too (they import the
  functions they run).

Every executor yields the results in input order, and the functions it runs are seeded, so the same inputs give
the same results bit for bit wherever they ran. Executors are context managers: leaving the ``with`` block
shuts the pool down or disconnects from the cluster.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from types import TracebackType
from typing import Any, Protocol, TypeVar
from urllib.parse import urlsplit

T = TypeVar("T")
R = TypeVar("R")

logger = logging.getLogger(__name__)

LOCAL = "local"
DASK_SCHEME = "dask"


class Executor(Protocol):
    """Runs a picklable function over items and yields the results in input order."""

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """Apply ``fn`` to every item; results come back in order."""
        ...

    def close(self) -> None:
        """Release the pool or the connection (the executor may not be used afterwards)."""
        ...


class _Closing:
    """``with executor:`` closes it at the end."""

    def close(self) -> None:
        """Nothing to release."""

    def __enter__(self: Any) -> Any:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()


class SerialExecutor(_Closing):
    """Everything in the calling process (jobs = 1; also the easiest to debug)."""

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """Apply ``fn`` to each item in turn."""
        return (fn(item) for item in items)


class LocalProcessExecutor(_Closing):
    """A pool of ``jobs`` local processes, started on first use and kept until ``close()``.

    The workers come from a fork server, not from forking the caller: a forked worker would inherit the
    caller's open database sockets, and if the caller were killed those orphans would keep its PostgreSQL
    session (its row locks, the scheduler's advisory lock) alive. The fork server imports the engine once, so
    starting a worker stays cheap. Items travel in chunks to keep the overhead low.
    """

    def __init__(self, jobs: int, *, chunksize: int = 4) -> None:
        self.jobs = jobs
        self.chunksize = chunksize
        self._pool: ProcessPoolExecutor | None = None

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """Apply ``fn`` over the pool; results are yielded as soon as they are ready, in order."""
        if self._pool is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["forecasts", "forecasts.models", "forecasts.select"])
            self._pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=context)
        yield from self._pool.map(fn, items, chunksize=self.chunksize)

    def close(self) -> None:
        """Shut the pool down."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


class DaskExecutor(_Closing):
    """The workers of a Dask distributed cluster; connects on first use, disconnects on ``close()``.

    Pass ``address`` (``tcp://HOST:PORT``) or an existing ``distributed.Client`` (which is then left open).
    """

    def __init__(self, address: str | None = None, *, client: Any = None, chunksize: int = 8) -> None:
        if (address is None) == (client is None):
            raise ValueError("give a Dask scheduler address or a client, not both or neither")
        if chunksize < 1:
            raise ValueError(f"chunksize must be at least 1, got {chunksize}")
        self.address = address
        self.chunksize = chunksize
        self._client = client
        self._own_client = client is None

    @property
    def client(self) -> Any:
        """The ``distributed.Client`` (connected on first use)."""
        if self._client is None:
            try:
                from distributed import Client
            except ImportError as exc:  # pragma: no cover - depends on the installed extras
                raise RuntimeError('a dask:// executor needs the dask extra: pip install -e ".[dask]"') from exc
            self._client = Client(self.address)
            logger.info("forecasts fan out to the Dask cluster at %s", self.address)
        return self._client

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """Submit one task per chunk of ``chunksize`` items; yield each result, in input order, as it arrives.

        Chunks, as the local pool's, because each task costs the scheduler a round trip of its own: one task per
        item made 2,000 forecasts 15% slower on a LocalCluster than on the pool (docs/BENCHMARKS.md).
        """
        listed = list(items)
        chunks = [listed[i : i + self.chunksize] for i in range(0, len(listed), self.chunksize)]
        futures = self.client.map(_apply_to_chunk, chunks, fn=fn, pure=False)
        try:
            for future in futures:
                yield from future.result()
        finally:
            for future in futures:  # let the cluster forget what was not collected (an error, a stop)
                future.release()

    def close(self) -> None:
        """Disconnect (only from a client this executor opened)."""
        if self._client is not None and self._own_client:
            self._client.close()
            self._client = None


def _apply_to_chunk(chunk: list[T], fn: Callable[[T], R]) -> list[R]:
    """A Dask task: ``fn`` over one chunk of items, in order."""
    return [fn(item) for item in chunk]


def local_executor(jobs: int) -> SerialExecutor | LocalProcessExecutor:
    """The default executor for ``jobs`` processes (serial when jobs is 1)."""
    return SerialExecutor() if jobs <= 1 else LocalProcessExecutor(jobs)


def executor_for(spec: str, *, jobs: int) -> SerialExecutor | LocalProcessExecutor | DaskExecutor:
    """The executor a setting names: ``local`` (``jobs`` processes) or ``dask://HOST:PORT``."""
    text = spec.strip()
    if text in ("", LOCAL):
        return local_executor(jobs)
    parts = urlsplit(text)
    if parts.scheme == DASK_SCHEME and parts.hostname and parts.port:
        return DaskExecutor(f"tcp://{parts.hostname}:{parts.port}")
    raise ValueError(f"unknown executor {spec!r}: use 'local' or 'dask://HOST:PORT' (a Dask scheduler's address)")
