"""locust users for benchmarks.api_load: readers on one endpoint (API_LOAD_ENDPOINT) that never wait, or that
send at most API_LOAD_RATE requests a second each."""

from __future__ import annotations

import itertools
import os
import random

import gevent
from locust import FastHttpUser, constant, constant_throughput, task

ENDPOINT = os.environ.get("API_LOAD_ENDPOINT", "list")
CLAIMS = int(os.environ.get("API_LOAD_CLAIMS", "10000"))
RATE = float(os.environ.get("API_LOAD_RATE", "0"))  # requests/s per user; 0: never wait


class Reader(FastHttpUser):
    """One client: the claims list (page 1) or one claim chosen at random (seeded by the user's number)."""

    wait_time = constant_throughput(RATE) if RATE > 0 else constant(0)
    _numbers = itertools.count()

    def on_start(self) -> None:
        self.rng = random.Random(next(Reader._numbers))  # user n draws the same ids in every run
        if RATE > 0:
            # locust starts the users at even intervals (50 a second: every 20 ms), so users paced at 10 a second
            # would fire in step, in bursts of 10 every 20 ms. A first delay drawn within one period spreads
            # them, as independent clients are.
            gevent.sleep(self.rng.random() / RATE)

    @task
    def read(self) -> None:
        if ENDPOINT == "list":
            self.client.get("/api/v1/claims?limit=50", name="GET /api/v1/claims?limit=50")
        else:
            self.client.get(f"/api/v1/claims/{self.rng.randint(1, CLAIMS)}", name="GET /api/v1/claims/{id}")
