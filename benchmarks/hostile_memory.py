"""Peak memory of `predtrack serve` through the hostile probe's heaviest requests (issue 19).

Target: the server's resident memory stays under 400 MB. The probe's heaviest requests were a re-score and an
anonymous verify of a claim over a daily indicator with a long window (the probe: 12.8 s and 0.3 -> 1.9 GB for one
verify, 3.3 GB for two at once) and a rule window that starts in 1900 (+1.35-1.6 GB per re-score). This starts a
real server (one process, no scheduler, a fresh SQLite file or PREDTRACK_DATABASE_URL), fills a daily indicator
over the API, and then, while a thread samples the server's RSS every 20 ms:
1. asks for a claim whose daily window starts in 1900 (refused with 400 now) and one over the longest window the
   caps allow (ten years of days, 3,650 periods);
2. re-scores that claim (researcher key): forecast, 1,000 paths over the window's unobserved days;
3. verifies its snapshot twice at once anonymously, then 12 more times (the rate limit answers 429 past its burst).

    python -m benchmarks.hostile_memory [--days 12000] [--paths 1000]

It takes about a minute. It prints one JSON object: RSS after start, peak per step, status codes and seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import psutil

ROOT = Path(__file__).resolve().parents[1]
API = "/api/v1"
CLAIM = {
    "statement": "The daily series averages above 6 from 2017 to 2026",
    "quote": "it will average above 6",
    "author": "A Prober",
    "made_on": "2026-11-01",
    "deadline": "2026-12-31",
    "resolution_criteria": "mean of the daily series over the window > 6",
}


class Sampler(threading.Thread):
    """Samples a process's resident memory until stopped; ``peak()`` since the last ``reset()``."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.process = psutil.Process(pid)
        self._peak = 0
        self._stop = threading.Event()

    def run(self) -> None:
        while not self._stop.is_set():
            try:
                self._peak = max(self._peak, self.process.memory_info().rss)
            except psutil.NoSuchProcess:
                return
            time.sleep(0.02)

    def now(self) -> int:
        return int(self.process.memory_info().rss)

    def reset(self) -> None:
        self._peak = self.now()

    def peak(self) -> int:
        return self._peak

    def stop(self) -> None:
        self._stop.set()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _cli(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "service.cli", *args], env=env, capture_output=True, text=True, check=True, timeout=300
    )
    return done.stdout.strip()


def _mb(n: int) -> float:
    return round(n / 1e6, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--days", type=int, default=12_000, help="daily values posted (ending 2026-11-30)")
    parser.add_argument("--paths", type=int, default=1000, help="PREDTRACK_FORECAST_PATHS of the server")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="hostile_memory_"))
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "PREDTRACK_DATABASE_URL": os.environ.get("PREDTRACK_DATABASE_URL", f"sqlite:///{workdir / 'serve.db'}"),
        "PREDTRACK_FORECAST_PATHS": str(args.paths),
        "PREDTRACK_RATE_LIMIT_BURST": "10",
    }
    _cli(env, "seed")
    key = _cli(env, "keys", "create", "--role", "researcher", "--name", "prober")
    headers = {"Authorization": f"Bearer {key}"}
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "service.cli", "serve", "--port", str(port), "--no-scheduler"],
        env=env,
        cwd=workdir,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert server.stderr is not None
    for line in server.stderr:
        if "Uvicorn running on" in line:
            break
    threading.Thread(target=server.stderr.read, daemon=True).start()
    base = f"http://127.0.0.1:{port}"
    sampler = Sampler(server.pid)
    sampler.start()
    report: dict[str, Any] = {"days": args.days, "paths": args.paths, "rss_after_start_mb": _mb(sampler.now())}
    try:
        with httpx.Client(base_url=base, timeout=600) as client:
            indicator = {"key": "probe_daily", "name": "probe daily", "frequency": "D"}
            assert client.post(f"{API}/indicators", json=indicator, headers=headers).status_code == 201
            first = date(2026, 11, 30) - timedelta(days=args.days - 1)
            values = [
                {"period": (first + timedelta(days=i)).isoformat(), "value": 5 + (i % 11) / 5} for i in range(args.days)
            ]
            posted = client.post(
                f"{API}/indicators/probe_daily/observations", json={"observations": values}, headers=headers
            )
            assert posted.status_code == 200, posted.text
            report["rss_after_data_mb"] = _mb(sampler.now())

            sampler.reset()
            rule_1900 = {"indicator": "probe_daily", "op": ">", "threshold": 6, "aggregate": "mean",
                         "window_start": "1900-01-01", "window_end": "2026-12-31"}  # fmt: skip
            refused = client.post(f"{API}/claims", json={**CLAIM, "rule": rule_1900}, headers=headers)
            rule = {**rule_1900, "window_start": "2017-01-01"}
            created = client.post(f"{API}/claims", json={**CLAIM, "rule": rule}, headers=headers)
            assert created.status_code == 201, created.text
            report["window_1900"] = {"status": refused.status_code, "detail": refused.json()["detail"]}
            claim_id = created.json()["id"]

            sampler.reset()
            started = time.perf_counter()
            rescored = client.post(f"{API}/claims/{claim_id}/rescore", headers=headers)
            assert rescored.status_code == 200, rescored.text
            report["rescore"] = {
                "seconds": round(time.perf_counter() - started, 2),
                "method": rescored.json()["method"],
                "peak_rss_mb": _mb(sampler.peak()),
            }
            snapshot_id = rescored.json()["snapshot_id"]

            sampler.reset()
            started = time.perf_counter()
            url = f"{API}/snapshots/{snapshot_id}/verify"
            with ThreadPoolExecutor(2) as pool:
                pair = list(pool.map(lambda _: client.get(url), range(2)))
            report["verify_two_at_once"] = {
                "statuses": [r.status_code for r in pair],
                "identical": [r.json().get("identical") for r in pair],
                "seconds": round(time.perf_counter() - started, 2),
                "peak_rss_mb": _mb(sampler.peak()),
            }
            sampler.reset()
            statuses = [client.get(url).status_code for _ in range(12)]
            report["verify_twelve_more"] = {"statuses": statuses, "peak_rss_mb": _mb(sampler.peak())}
        report["peak_rss_mb"] = max(
            report[step]["peak_rss_mb"] for step in ("rescore", "verify_two_at_once", "verify_twelve_more")
        )
        report["target_met"] = report["peak_rss_mb"] < 400
    finally:
        sampler.stop()
        server.terminate()
        server.wait(timeout=30)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
