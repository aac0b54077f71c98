"""Background jobs (APScheduler 3.x): re-scoring on new data and on a schedule, the deadline sweep.

``wake()`` lets code in the same process (an ingestion request, after its commit) ask an in-process
scheduler to look for new work now instead of at its next poll. With no scheduler in this process it
does nothing: a separate ``predtrack scheduler`` finds the work by polling the outbox.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

logger = logging.getLogger(__name__)

_listeners: list[Callable[[], None]] = []


def on_wake(listener: Callable[[], None]) -> None:
    """Register ``listener`` to be called by ``wake()`` (the in-process scheduler does this)."""
    _listeners.append(listener)


def remove_wake_listener(listener: Callable[[], None]) -> None:
    """Undo ``on_wake``."""
    if listener in _listeners:
        _listeners.remove(listener)


def wake() -> None:
    """Ask any in-process scheduler to look for new work now."""
    for listener in list(_listeners):
        try:
            listener()
        except Exception:  # a failed nudge must not fail the request that made it
            logger.exception("wake listener failed")
