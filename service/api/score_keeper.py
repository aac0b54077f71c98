"""A background thread per process that keeps the track records at the ledger's version before readers ask.

Every ``PREDTRACK_SCORES_REFRESH_SECONDS`` it reads the committed version (one indexed row) and, when it moved,
recomputes the common track records and those readers asked for (``predictions.scoring.kept.refresh``), then
whatever else the app keeps that way (``also``: the changes feed, whose window moves by the minute, is built
before its minute starts). A reader who comes in the meantime waits for that same computation rather than
starting another. Each web process keeps its own (with ``--workers N``, N computations per write, in the
background). The app runs the first pass before the process takes traffic, so that no first reader pays for it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence

from sqlalchemy.engine import Engine
from sqlmodel import Session

from predictions.scoring.kept import KeptScores, refresh

logger = logging.getLogger(__name__)


class ScoreKeeper:
    """Start with ``start()``; ``stop()`` ends the thread (after a computation in progress)."""

    def __init__(
        self,
        *,
        engine: Engine,
        kept: KeptScores,
        every_seconds: float,
        also: Sequence[Callable[[Session], int]] = (),
    ) -> None:
        self.engine = engine
        self.kept = kept
        self.every_seconds = every_seconds
        self.also = also
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Run in a daemon thread (the first pass warms the common track records)."""
        self._thread = threading.Thread(target=self._run, name="predtrack-score-keeper", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Ask the thread to end, and wait for it."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)

    def run_once(self) -> int:
        """One pass: how many answers were computed (track records, then what ``also`` keeps)."""
        with Session(self.engine) as session:
            return refresh(session, kept=self.kept) + sum(keep(session) for keep in self.also)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.run_once()
            except Exception:  # a database hiccup: readers compute on demand meanwhile
                logger.warning("keeping the track records failed; trying again", exc_info=True)
            self._stop.wait(self.every_seconds)
