"""``predtrack serve --workers N`` (issue 21): several web processes, one scheduler, metrics added up."""

from __future__ import annotations

from pathlib import Path

import httpx
from prometheus_client.parser import text_string_to_metric_families

from tests.service.conftest import free_port, start_cli, stop


def test_two_workers_answer_and_metrics_count_both(tmp_path: Path) -> None:
    port = free_port()
    # The parent binds the socket; it listens once a worker has started.
    args = ("serve", "--port", str(port), "--workers", "2", "--no-scheduler")
    process = start_cli(tmp_path, *args, ready="Application startup complete")
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=30, trust_env=False) as http:
            # Fresh connections, so the kernel spreads them over both workers' accept loops.
            for _ in range(12):
                assert httpx.get(f"{base}/api/v1/health", timeout=30, trust_env=False).status_code == 200
            text = http.get("/metrics").text
    finally:
        stop(process)
    served = [
        s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
        if s.name == "predtrack_http_requests_total" and s.labels["route"] == "/api/v1/health"
    ]
    # Multiprocess mode: the counts of every worker are added up, whichever worker answered the scrape.
    assert sum(served) == 12
