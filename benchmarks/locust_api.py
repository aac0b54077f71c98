"""locust users for benchmarks.api_load: readers that never wait, on one endpoint (API_LOAD_ENDPOINT)."""

from __future__ import annotations

import os
import random

from locust import FastHttpUser, constant, task

ENDPOINT = os.environ.get("API_LOAD_ENDPOINT", "list")
CLAIMS = int(os.environ.get("API_LOAD_CLAIMS", "10000"))


class Reader(FastHttpUser):
    """One client: the claims list (page 1) or one claim chosen at random (seeded per user)."""

    wait_time = constant(0)

    def on_start(self) -> None:
        self.rng = random.Random(id(self))

    @task
    def read(self) -> None:
        if ENDPOINT == "list":
            self.client.get("/api/v1/claims?limit=50", name="GET /api/v1/claims?limit=50")
        else:
            self.client.get(f"/api/v1/claims/{self.rng.randint(1, CLAIMS)}", name="GET /api/v1/claims/{id}")
