"""Is the hand-written read path (service/api/fast_reads.py) still worth its code on a plain `predtrack serve`?

Starts `predtrack serve --no-scheduler --workers 1` on a copy of one seeded SQLite ledger, with the fast path on
(`PREDTRACK_FAST_READS=true`, the default) and off, in alternating turns, and sends ``--requests`` sequential
`GET /api/v1/claims/{id}` over one keep-alive connection (random ids of the seed's claims, all cached after a
first pass). Reports, per turn, the client's median and p99 latency and the server's CPU time per request.

    python -m benchmarks.fast_reads_ab [--requests 3000] [--turns 2]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _serve(db: Path, *, fast: bool) -> tuple[subprocess.Popen[bytes], str]:
    port = _port()
    env = {
        **os.environ,
        "PREDTRACK_DATABASE_URL": f"sqlite:///{db}",
        "PREDTRACK_FAST_READS": "true" if fast else "false",
        "PREDTRACK_WORKERS": "1",
        "PYTHONPATH": str(ROOT),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "service.cli", "serve", "--no-scheduler", "--port", str(port)],
        env=env,
        cwd=db.parent,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/v1/health", timeout=2).status_code == 200:
                return process, base
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("predtrack serve did not start")


def _cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _turn(db: Path, *, fast: bool, requests: int, seed: int) -> dict[str, float]:
    process, base = _serve(db, fast=fast)
    try:
        with httpx.Client(base_url=base, timeout=10) as client:
            ids = [c["id"] for c in client.get("/api/v1/claims", params={"limit": 100}).json()["items"]]
            for claim_id in ids:  # every answer cached before timing
                client.get(f"/api/v1/claims/{claim_id}").raise_for_status()
            rng = random.Random(seed)
            times = []
            cpu = _cpu(process.pid)
            for _ in range(requests):
                started = time.perf_counter()
                client.get(f"/api/v1/claims/{rng.choice(ids)}").raise_for_status()
                times.append(time.perf_counter() - started)
            cpu = _cpu(process.pid) - cpu
    finally:
        process.terminate()
        process.wait(timeout=30)
    times.sort()
    return {
        "median_ms": 1000 * statistics.median(times),
        "p99_ms": 1000 * times[int(0.99 * len(times)) - 1],
        "server_cpu_ms": 1000 * cpu / requests,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--turns", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        seeded = Path(tmp) / "seeded.db"
        process, _ = _serve(seeded, fast=True)  # the first start migrates and loads the seed
        process.terminate()
        process.wait(timeout=30)
        for turn in range(args.turns):
            for fast in (True, False):
                db = Path(tmp) / f"turn{turn}-{fast}.db"
                shutil.copyfile(seeded, db)
                result = _turn(db, fast=fast, requests=args.requests, seed=turn)
                label = "fast path on " if fast else "fast path off"
                print(
                    f"{label}  turn {turn + 1}: median {result['median_ms']:.2f} ms  p99 {result['p99_ms']:.2f} ms  "
                    f"server CPU {result['server_cpu_ms']:.2f} ms/request",
                    flush=True,
                )


if __name__ == "__main__":
    main()
