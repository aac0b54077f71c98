"""locust users for benchmarks.api_load: readers on one endpoint (API_LOAD_ENDPOINT) that never wait, or that
send at most API_LOAD_RATE requests a second each."""

from __future__ import annotations

import gc
import itertools
import os
import random
import time

import gevent
from gevent.monkey import get_original
from geventhttpclient.connectionpool import ConnectionPool
from locust import FastHttpUser, events, task

ENDPOINT = os.environ.get("API_LOAD_ENDPOINT", "list")
CLAIMS = int(os.environ.get("API_LOAD_CLAIMS", "10000"))
RATE = float(os.environ.get("API_LOAD_RATE", "0"))  # requests/s per user; 0: never wait


_select = get_original("select", "select")  # the system call, not gevent's cooperative version


def _is_socket_alive(self: ConnectionPool, sock: object) -> bool:
    """geventhttpclient's check that a pooled keep-alive socket is still usable (not readable while idle), made
    with a zero-timeout ``select`` that does not yield to gevent's hub.

    geventhttpclient (2.6) makes this check before every request with gevent's ``select``, which yields to the
    hub even with a zero timeout (gevent.select: "a place where scheduling switches can occur"). Inside the
    timed span, each request then waited behind every other ready greenlet: with 50 users, a request to a
    trivial server that answers in 0.2 ms measured a median of 3.2 ms, all of it in this check. A zero-timeout
    select never blocks, so the system call gives the same answer without the switch."""
    if sock is None:
        return False
    try:
        if sock.fileno() < 0:  # type: ignore[attr-defined]
            return False
        readable, _, _ = _select([sock], [], [], 0.0)
        return not readable
    except (OSError, ValueError):
        return False


assert hasattr(ConnectionPool, "_is_socket_alive"), "geventhttpclient changed: review the check replaced here"
ConnectionPool._is_socket_alive = _is_socket_alive  # type: ignore[method-assign]


@events.test_start.add_listener
def _freeze_the_heap(**_: object) -> None:
    """Move everything locust loaded to the garbage collector's permanent generation: a full collection
    then walks only what the run allocates. Unfrozen, one stalled the driver 15 ms, and the users whose turns
    fell in it then sent at once."""
    gc.collect()
    gc.freeze()


class Reader(FastHttpUser):
    """One client: the claims list (page 1) or one claim chosen at random (seeded by the user's number)."""

    _numbers = itertools.count()

    def on_start(self) -> None:
        self.rng = random.Random(next(Reader._numbers))  # user n draws the same ids in every run
        # Paced users send on a fixed schedule: request k at start + (offset + k) / RATE. locust starts the users
        # at even intervals (50 a second: every 20 ms), so without the offset, drawn within one period, users
        # paced at 10 a second would fire in step, in bursts of 10 every 20 ms.
        self.sent = 0
        self.start = time.perf_counter() + self.rng.random() / RATE if RATE > 0 else 0.0
        gevent.sleep(max(0.0, self.start - time.perf_counter()))

    def wait_time(self) -> float:
        """Until this user's next slot (0 when late: a slow answer delays that request, not the schedule).

        Not locust's ``constant_throughput``: it anchors each user's schedule to the moment locust created the
        user (the start offset above counts as the first request's run time and is taken off the first wait),
        so the users kept locust's spawn phases, 20 ms apart: 10 users in step in each of 5 phases, bursts of
        10 simultaneous requests that independent clients would not send."""
        if RATE <= 0:
            return 0.0
        self.sent += 1
        return max(0.0, self.start + self.sent / RATE - time.perf_counter())

    @task
    def read(self) -> None:
        if ENDPOINT == "list":
            self.client.get("/api/v1/claims?limit=50", name="GET /api/v1/claims?limit=50")
        else:
            self.client.get(f"/api/v1/claims/{self.rng.randint(1, CLAIMS)}", name="GET /api/v1/claims/{id}")
