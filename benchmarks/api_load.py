"""Load on the read API over the big ledger: `GET /api/v1/claims?limit=50` and `GET /api/v1/claims/{id}`.

    /work/main/.venv/bin/python -m benchmarks.api_load --url sqlite:////tmp/big.db [--workers 3] [--users 50]
        [--seconds 20] [--rate 10] [--runs 3] [--endpoints list claim] [--plans-only]
    /work/main/.venv/bin/python -m benchmarks.api_load --url postgresql://postgres@127.0.0.1:5432/big

The ledger is ``benchmarks.big_ledger`` (10,000 claims, 2,000 indicators, 1,000,000 observations, 100,000
snapshots), built on first use and reused after. The API runs as uvicorn with ``--workers`` processes (no
scheduler); locust (headless, ``benchmarks/locust_api.py``) drives it from a second process with ``--users``
clients, one endpoint at a time. By default the clients never wait (a closed loop: each sends its next request
as soon as the last is answered, so the server is always saturated and, by Little's law, mean latency =
users / throughput). With ``--rate R`` each client sends at most R requests a second (locust's
``constant_throughput``), so ``--users 50 --rate 10`` offers 500 requests/s: the latency at that load, not at
saturation. ``--runs N`` repeats each measurement N times (medians are what to quote on a shared machine).
It prints one JSON line per endpoint and run (requests/s, median, p95, p99, failures) and, first, the query plans
of every statement that reading one claim runs, flagging any scan of the observation or probability_snapshot
tables.

Where the machine's CPU went during each endpoint's run is in the same line, from /proc: the server's workers
(``server_cores``, and ``server_cpu_ms_per_request``), the load driver (``driver_cores``), PostgreSQL's backends and
the whole machine (``machine_busy_cores``; 2 cores = 2.0, of which ``steal_cores`` the hypervisor took). The driver
is locust's ``FastHttpUser`` (the geventhttpclient client, much lighter per request than the default ``HttpUser`` on
requests): on a 2-core machine every cycle the driver spends is one the server does not get.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session

from benchmarks.big_ledger import open_or_build
from benchmarks.replica_throughput import _busy_cores_seconds, _cpu_seconds, _postgres_cpu_seconds

ROOT = Path(__file__).resolve().parents[1]
BIG_TABLES = ("observation", "probability_snapshot")


def query_plans(engine: Engine, *, claim_id: int) -> list[dict[str, Any]]:
    """Every statement reading one claim runs (``get_claim``, the route's; ``versioned_claim_documents``, the fast
    path's first read of a claim), with its plan and whether it scans a big table."""
    from predictions.claims.claims import get_claim, versioned_claim_documents

    statements: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        statements.append((statement, parameters))

    sa.event.listen(engine, "before_cursor_execute", record)
    try:
        with Session(engine) as session:
            get_claim(session, claim_id=claim_id)
            versioned_claim_documents(session, claim_ids=[claim_id])
    finally:
        sa.event.remove(engine, "before_cursor_execute", record)
    sqlite = engine.dialect.name == "sqlite"
    result = []
    with engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        for statement, parameters in statements:
            cursor = raw.cursor()
            cursor.execute(("EXPLAIN QUERY PLAN " if sqlite else "EXPLAIN ") + statement, parameters)
            lines = [" ".join(str(c) for c in row[-1:]) if sqlite else str(row[0]) for row in cursor.fetchall()]
            cursor.close()
            scans = [
                line
                for line in lines
                for table in BIG_TABLES
                if (f"SCAN {table}" in line and "USING" not in line) or f"Seq Scan on {table}" in line
            ]
            result.append({"sql": " ".join(statement.split())[:160], "plan": lines, "big_table_scans": scans})
    return result


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _serve(url: str, *, workers: int) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    env = {**os.environ, "PREDTRACK_DATABASE_URL": url, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--factory", "service.api.app:create_app", "--port", str(port),
         "--workers", str(workers), "--log-level", "warning", "--no-access-log"],
        env=env,
        cwd=ROOT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(f"{base}/api/v1/health", timeout=2).status_code == 200:
                return process, base
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    process.terminate()
    raise RuntimeError("the API did not come up within a minute")


def _tree_cpu_seconds(pid: int) -> float:
    """CPU seconds so far of process ``pid`` and its children (uvicorn's workers), from /proc."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return _cpu_seconds(pid) + sum(_tree_cpu_seconds(int(child)) for child in children)


def _steal_seconds() -> float:
    """CPU seconds the hypervisor has taken from this virtual machine (/proc/stat's steal): a run with steal
    lost cores it was counting on, to work that is not its own."""
    steal = int(Path("/proc/stat").read_text().split()[8])
    return steal / os.sysconf("SC_CLK_TCK")


def _locust(
    base: str, *, server: int, endpoint: str, users: int, seconds: int, claims: int, rate: float
) -> dict[str, Any]:
    server_before, postgres_before, busy_before, steal_before = (
        _tree_cpu_seconds(server),
        _postgres_cpu_seconds(),
        _busy_cores_seconds(),
        _steal_seconds(),
    )
    driver_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        prefix = str(Path(tmp) / "run")
        env = {**os.environ, "API_LOAD_ENDPOINT": endpoint, "API_LOAD_CLAIMS": str(claims), "API_LOAD_RATE": str(rate)}
        subprocess.run(
            [sys.executable, "-m", "locust", "-f", str(ROOT / "benchmarks" / "locust_api.py"), "--headless",
             "-u", str(users), "-r", str(users), "-t", f"{seconds}s", "--host", base, "--csv", prefix,
             "--only-summary", "--loglevel", "WARNING"],
            env=env,
            check=False,
            capture_output=True,
        )  # fmt: skip
        wall = time.perf_counter() - started
        with open(f"{prefix}_stats.csv") as handle:
            row = next(r for r in csv.DictReader(handle) if r["Name"] == "Aggregated")
    server_cpu = _tree_cpu_seconds(server) - server_before
    driver_after = resource.getrusage(resource.RUSAGE_CHILDREN)  # locust, a finished child; the server is not reaped
    driver_cpu = (driver_after.ru_utime - driver_before.ru_utime) + (driver_after.ru_stime - driver_before.ru_stime)
    return {
        "endpoint": endpoint,
        "requests": int(row["Request Count"]),
        "failures": int(row["Failure Count"]),
        "rps": round(float(row["Requests/s"]), 1),
        "median_ms": float(row["50%"]),
        "p95_ms": float(row["95%"]),
        "p99_ms": float(row["99%"]),
        "server_cores": round(server_cpu / wall, 2),
        "server_cpu_ms_per_request": round(1000 * server_cpu / max(1, int(row["Request Count"])), 2),
        "driver_cores": round(driver_cpu / wall, 2),
        "postgres_cores": round((_postgres_cpu_seconds() - postgres_before) / wall, 2),
        "machine_busy_cores": round((_busy_cores_seconds() - busy_before) / wall, 2),
        "steal_cores": round((_steal_seconds() - steal_before) / wall, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--rate", type=float, default=0.0, help="requests/s per client (default 0: clients never wait)")
    parser.add_argument("--runs", type=int, default=1, help="repeat each endpoint's run this many times")
    parser.add_argument(
        "--endpoints", nargs="+", choices=("list", "claim"), default=["list", "claim"], help="which reads to load"
    )
    parser.add_argument("--plans-only", action="store_true")
    args = parser.parse_args()
    engine = open_or_build(args.url)
    with engine.connect() as connection:
        claims = int(connection.execute(sa.text("SELECT max(id) FROM claim")).scalar_one())
    for item in query_plans(engine, claim_id=claims // 2):
        print(json.dumps(item))
    engine.dispose()
    if args.plans_only:
        return
    fields = {"backend": args.url.split(":")[0], "workers": args.workers, "users": args.users,
              "rate_per_user": args.rate, "seconds": args.seconds}  # fmt: skip

    def measure(base: str, server: int, endpoint: str) -> dict[str, Any]:
        return _locust(
            base, server=server, endpoint=endpoint, users=args.users, seconds=args.seconds, claims=claims,
            rate=args.rate,
        )  # fmt: skip

    each_run(args.url, fields, workers=args.workers, runs=args.runs, endpoints=args.endpoints, measure=measure)


def each_run(
    url: str,
    fields: dict[str, Any],
    *,
    workers: int,
    runs: int,
    endpoints: list[str],
    measure: Callable[[str, int, str], dict[str, Any]],
) -> None:
    """For each run, a new server (each starts with empty read caches: the users draw the same ids every run),
    and ``measure(base_url, server_pid, endpoint)`` for each endpoint in turn, printed as one JSON line with
    ``fields`` and the run's number."""
    for run in range(1, runs + 1):
        process, base = _serve(url, workers=workers)
        try:
            for endpoint in endpoints:
                result = measure(base, process.pid, endpoint)
                print(json.dumps({**fields, "run": run, **result}), flush=True)
        finally:
            process.terminate()
            process.wait(timeout=30)


if __name__ == "__main__":
    main()
