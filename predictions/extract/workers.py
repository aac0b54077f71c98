"""The server's extraction workers: warm processes of their own, each stopped (and replaced) past a time limit.

A worker is a spawned process that imports the extraction and runs it once (``preload``), so that the libraries'
first-use loading is paid when it starts, not in a request; it then answers one text at a time over a pipe. A
text that runs past the limit gets its worker killed: nothing in the web process waits on it, and a new worker
starts warming in its place. The workers are this module's own (not the shared fork server that the forecasting
pool uses), so neither can start the other's processes without their imports.

A long text is read in parts, each sent when done: past the limit the parts done so far are the answer.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
import time
from collections.abc import Iterator
from typing import Any

logger = logging.getLogger(__name__)

# How long a request waits for a worker that is still starting (importing and warming), before 503.
START_WAIT_S = 60.0


class WorkerTimeout(Exception):
    """The worker did not answer within the time limit; it was killed."""


class WorkerBusy(Exception):
    """No worker became free (or finished starting) in time."""


class WorkerFailed(Exception):
    """The work raised in the worker (its class and message, as text)."""


class _Worker:
    def __init__(self, context: Any) -> None:
        self.conn, child_end = context.Pipe()
        self.process = context.Process(target=_serve, args=(child_end,), daemon=True, name="predtrack-extract")
        self.process.start()
        child_end.close()
        self.ready = False

    def wait_ready(self, timeout: float) -> bool:
        if not self.ready and self.conn.poll(timeout):
            self.ready = self.conn.recv() == "ready"
        return self.ready

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


class WorkerPool:
    """Up to ``size`` warm workers; ``run`` sends one job to a free one and waits at most ``time_limit``."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._idle: list[_Worker] = []
        self._started = 0
        self._lock = threading.Lock()
        self._free = threading.Semaphore(size)

    def start(self, count: int = 1) -> None:
        """Start ``count`` workers now (they warm in the background)."""
        with self._lock:
            while self._started < min(count, self.size):
                self._idle.append(_Worker(_context()))
                self._started += 1

    def wait_ready(self, timeout: float) -> bool:
        """Wait (at most ``timeout`` seconds in all) until every started idle worker is warm."""
        deadline = time.monotonic() + timeout
        with self._lock:
            return all(w.wait_ready(max(0.0, deadline - time.monotonic())) for w in self._idle)

    def run(self, job: dict[str, Any], *, time_limit: float) -> tuple[list[Any], bool]:
        """The parts the job gave within ``time_limit``, and whether it finished. Past the limit the worker is
        replaced; with no part at all that is ``WorkerTimeout``. Also ``WorkerBusy`` or ``WorkerFailed``."""
        deadline = time.monotonic() + time_limit
        if not self._free.acquire(timeout=time_limit):
            raise WorkerBusy("every extraction worker stayed busy")
        try:
            worker = self._take()
            if not worker.wait_ready(START_WAIT_S):
                self._replace(worker)
                raise WorkerBusy("the extraction worker did not finish starting")
            deadline = max(deadline, time.monotonic() + time_limit / 2)  # a worker that was starting
            worker.conn.send(job)
            parts: list[Any] = []
            while True:
                if not worker.conn.poll(max(0.0, deadline - time.monotonic())):
                    logger.warning("extraction ran past %.1f s (%s characters, %s part(s) done): worker stopped",
                                   time_limit, len(job.get("text", "")), len(parts))  # fmt: skip
                    self._replace(worker)
                    if not parts:
                        raise WorkerTimeout(time_limit)
                    return parts, False
                try:
                    outcome, payload = worker.conn.recv()
                except EOFError:
                    self._replace(worker)
                    raise WorkerFailed("the worker ended without an answer") from None
                if outcome == "part":
                    parts.append(payload)
                    continue
                with self._lock:
                    self._idle.append(worker)
                if outcome == "error":
                    raise WorkerFailed(payload)
                return parts, True
        finally:
            self._free.release()

    def _take(self) -> _Worker:
        """A ready worker if there is one, else one still starting, else a new one."""
        with self._lock:
            for i, worker in enumerate(self._idle):
                if worker.wait_ready(0):
                    return self._idle.pop(i)
            if self._idle:
                return self._idle.pop(0)
            self._started += 1
        return _Worker(_context())

    def _replace(self, worker: _Worker) -> None:
        worker.stop()
        with self._lock:
            self._idle.append(_Worker(_context()))


def _context() -> Any:
    # spawn: a fresh interpreter, so nothing of the web process's threads, locks or connections is copied in.
    return multiprocessing.get_context("spawn")


def _serve(conn: Any) -> None:
    from predictions.extract.preload import warm
    from predictions.extract.workers import work

    warm()
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            for part in work(job):
                conn.send(("part", part))
            conn.send(("done", None))
        except Exception as exc:  # noqa: BLE001  (reported to the caller, which logs it)
            conn.send(("error", f"{exc.__class__.__name__}: {exc}"))


def work(job: dict[str, Any]) -> Iterator[Any]:
    """One extraction job in the worker: the text's candidates part by part (``intake.candidate_parts``)."""
    from predictions.extract.intake import candidate_parts

    for candidates, read_chars in candidate_parts(**job):
        yield [candidate.__dict__ for candidate in candidates], read_chars
