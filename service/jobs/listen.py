"""Hear new outbox rows at once on PostgreSQL: LISTEN on a dedicated psycopg connection.

A trigger on ``rescore_request`` (migration ``0003_outbox_notify``) sends ``NOTIFY predtrack_outbox`` in the
writer's transaction; PostgreSQL delivers it when that transaction commits. ``OutboxListener`` waits for those
notifications on a thread of its own and calls ``on_notify`` for each, which wakes the scheduler's outbox job.

The outbox poll stays as the fallback: a notification is a hint, never the record of the work (that is the
outbox row). If the listening connection drops, the listener reconnects, and wakes the job once on every
(re)connect so that rows committed while nobody listened are picked up without waiting for the poll.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import psycopg
from psycopg import sql
from sqlalchemy.engine import make_url

logger = logging.getLogger(__name__)

OUTBOX_CHANNEL = "predtrack_outbox"


def libpq_url(url: str) -> str:
    """A SQLAlchemy PostgreSQL URL (``postgresql+psycopg://``) as a plain libpq URL for ``psycopg.connect``."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


class OutboxListener:
    """LISTEN on the outbox channel in a background thread; call ``on_notify`` for every notification."""

    def __init__(
        self,
        url: str,
        *,
        on_notify: Callable[[], None],
        channel: str = OUTBOX_CHANNEL,
        check_seconds: float = 0.5,
        reconnect_seconds: float = 1.0,
    ) -> None:
        self.conninfo = libpq_url(url)
        self.on_notify = on_notify
        self.channel = channel
        self.check_seconds = check_seconds  # how often the thread looks at its stop flag
        self.reconnect_seconds = reconnect_seconds
        self.listening = threading.Event()  # set while a LISTEN is in place (tests wait on it)
        self.notifications = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start listening in a daemon thread."""
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="predtrack-outbox-listener", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop listening and close the connection (returns within about ``check_seconds``)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=self.check_seconds + 5)
        self._thread = None
        self.listening.clear()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                with psycopg.connect(self.conninfo, autocommit=True) as connection:
                    connection.execute(sql.SQL("LISTEN {}").format(sql.Identifier(self.channel)))
                    self.listening.set()
                    logger.info("listening on %s for new outbox rows", self.channel)
                    self._notify()  # rows committed before the LISTEN was in place
                    while not self._stop.is_set():
                        for _ in connection.notifies(timeout=self.check_seconds):
                            self.notifications += 1
                            self._notify()
            except psycopg.Error as exc:
                self.listening.clear()
                logger.warning("outbox listener: %s; polling only until it reconnects", exc)
                self._stop.wait(self.reconnect_seconds)
        self.listening.clear()

    def _notify(self) -> None:
        try:
            self.on_notify()
        except Exception:  # a failed wake must not end the listener; the poll is still there
            logger.exception("outbox listener: waking the scheduler failed")
