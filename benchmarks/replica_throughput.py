"""Throughput of one vs two `predtrack serve --no-scheduler` replicas on one PostgreSQL big ledger.

    /work/main/.venv/bin/python -m benchmarks.replica_throughput [--url postgresql://postgres@127.0.0.1:5432/big_scale]
        [--seconds 20] [--concurrency 16] [--turns 2]

The ledger is ``benchmarks.big_ledger`` (10,000 claims, 2,000 indicators, 1M observations, 100k snapshots),
built on first use and reused after. Replicas run as real processes (uvicorn, one worker each). The load driver
is a second process (``--drive``): asyncio + httpx with ``--concurrency`` requests in flight, spread round-robin
over the replicas (client-side balancing, standing in for the reverse proxy), for ``--seconds`` after a 3 s
warm-up. The mix is what readers ask for: the claims list (page 1-20), a claim, its history, an indicator and
its observations. Layouts take turns (1, 2, 1, 2, ...) so the load of a shared machine falls on both alike.
It also reads the replicas' CPU time from /proc: the cores they got while the driver ran, and CPU per request
(warm-up included in both), which tells a replica that is saturated from one that is starved of CPU.
Prints one JSON line.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import resource
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import httpx
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def _drive(bases: list[str], *, seconds: float, concurrency: int, claims: int, keys: list[str]) -> dict:
    """Send the read mix to ``bases`` round-robin; count answers (and errors) after a warm-up."""
    counter = itertools.count()
    stats = {"ok": 0, "errors": 0, "latencies": []}
    warm_until = time.perf_counter() + 3
    stop_at = warm_until + seconds
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    def path(n: int) -> str:
        claim = 1 + (n * 7919) % claims
        key = keys[(n * 104729) % len(keys)]
        return [
            f"/api/v1/claims?limit=20&offset={20 * (n % 20)}",
            f"/api/v1/claims/{claim}",
            f"/api/v1/claims/{claim}/history?limit=20",
            f"/api/v1/indicators/{key}",
            f"/api/v1/indicators/{key}/observations?limit=50",
        ][n % 5]

    async def worker(client: httpx.AsyncClient) -> None:
        while (now := time.perf_counter()) < stop_at:
            n = next(counter)
            started = time.perf_counter()
            try:
                answer = await client.get(bases[n % len(bases)] + path(n))
                ok = answer.status_code == 200
            except httpx.HTTPError:
                ok = False
            if now >= warm_until:
                stats["ok" if ok else "errors"] += 1
                stats["latencies"].append(time.perf_counter() - started)

    async with httpx.AsyncClient(timeout=60, limits=limits) as client:
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
    latencies = sorted(stats.pop("latencies"))
    stats["requests_per_second"] = stats["ok"] / seconds
    stats["p50_ms"] = 1000 * latencies[len(latencies) // 2] if latencies else None
    stats["p95_ms"] = 1000 * latencies[int(len(latencies) * 0.95)] if latencies else None
    return stats


def _start_replica(url: str, port: int) -> subprocess.Popen[str]:
    env = {**os.environ, "PREDTRACK_DATABASE_URL": url, "PYTHONPATH": str(ROOT), "PREDTRACK_WORKERS": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "service.cli", "serve", "--no-scheduler", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    for line in process.stderr:
        if "Uvicorn running on" in line:
            break
    else:
        raise SystemExit(f"replica exited with {process.wait()}")
    import threading

    threading.Thread(target=process.stderr.read, daemon=True).start()
    return process


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of process ``pid`` so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _postgres_cpu_seconds() -> float:
    """CPU time so far of every PostgreSQL server process on this machine (its backends serve the replicas)."""
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:  # the process ended while we looked
            continue
        if "(postgres)" in text:
            fields = text.rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def _busy_cores_seconds() -> float:
    """CPU seconds the whole machine has spent busy (not idle or waiting on I/O), from /proc/stat."""
    user, nice, system, _idle, _iowait, irq, softirq, steal = map(int, Path("/proc/stat").read_text().split()[1:9])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def _measure(url: str, replicas: int, args: argparse.Namespace, *, claims: int, keys: list[str]) -> dict:
    ports = [_free_port() for _ in range(replicas)]
    processes = [_start_replica(url, port) for port in ports]
    try:
        cpu_before = sum(_cpu_seconds(p.pid) for p in processes)
        postgres_before, busy_before = _postgres_cpu_seconds(), _busy_cores_seconds()
        driver_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        driver = subprocess.run(
            [
                sys.executable,
                "-m",
                "benchmarks.replica_throughput",
                "--drive",
                ",".join(f"http://127.0.0.1:{p}" for p in ports),
                "--seconds",
                str(args.seconds),
                "--concurrency",
                str(args.concurrency),
                "--claims",
                str(claims),
                "--keys",
                ",".join(keys),
            ],
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            check=True,
        )
        wall = time.perf_counter() - started
        result = json.loads(driver.stdout.strip().splitlines()[-1])
        cpu = sum(_cpu_seconds(p.pid) for p in processes) - cpu_before
        # How much CPU the replicas got, in cores, while the driver ran (warm-up included), and per request.
        result["replica_cores_used"] = round(cpu / wall, 2)
        result["replica_cpu_ms_per_request"] = round(1000 * cpu / max(1, result["ok"] + result["errors"]), 1)
        # Where the rest of the machine went: the load driver (a child process, finished by now), PostgreSQL's
        # backends, and the whole machine's busy time (2 cores = 2.0).
        driver_after = resource.getrusage(resource.RUSAGE_CHILDREN)
        driver_cpu = (driver_after.ru_utime - driver_before.ru_utime) + (driver_after.ru_stime - driver_before.ru_stime)
        result["driver_cores_used"] = round(driver_cpu / wall, 2)
        result["postgres_cores_used"] = round((_postgres_cpu_seconds() - postgres_before) / wall, 2)
        result["machine_busy_cores"] = round((_busy_cores_seconds() - busy_before) / wall, 2)
        return result
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="postgresql://postgres@127.0.0.1:5432/big_scale")
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--turns", type=int, default=2)
    parser.add_argument("--drive", help=argparse.SUPPRESS)
    parser.add_argument("--claims", type=int, default=10_000, help=argparse.SUPPRESS)
    parser.add_argument("--keys", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.drive:  # the load driver, in its own process
        result = asyncio.run(
            _drive(
                args.drive.split(","),
                seconds=args.seconds,
                concurrency=args.concurrency,
                claims=args.claims,
                keys=args.keys.split(","),
            )
        )
        print(json.dumps(result))
        return

    from benchmarks.big_ledger import open_or_build

    engine = open_or_build(args.url)
    with engine.connect() as connection:
        claims = int(connection.execute(sa.text("SELECT count(*) FROM claim")).scalar_one())
        keys = list(connection.execute(sa.text("SELECT key FROM indicator ORDER BY id LIMIT 200")).scalars())
    engine.dispose()
    runs: dict[int, list[dict]] = {1: [], 2: []}
    for _ in range(args.turns):
        for replicas in (1, 2):
            result = _measure(args.url, replicas, args, claims=claims, keys=keys)
            result["load_average"] = os.getloadavg()[0]
            runs[replicas].append(result)
            print(f"{replicas} replica(s): {result}", file=sys.stderr, flush=True)

    def median(values: list[float]) -> float:
        ordered = sorted(values)
        middle = len(ordered) // 2
        return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2

    one = median([r["requests_per_second"] for r in runs[1]])
    two = median([r["requests_per_second"] for r in runs[2]])
    print(
        json.dumps(
            {
                "benchmark": "replica_throughput",
                "date": datetime.now(UTC).isoformat(timespec="seconds"),
                "claims": claims,
                "seconds": args.seconds,
                "concurrency": args.concurrency,
                "turns": args.turns,
                "cpus": os.cpu_count(),
                "one_replica_rps": round(one, 1),
                "two_replicas_rps": round(two, 1),
                "ratio": round(two / one, 2),
                "runs": {str(k): v for k, v in runs.items()},
            }
        )
    )


if __name__ == "__main__":
    main()
