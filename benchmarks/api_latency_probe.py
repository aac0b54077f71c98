"""A second load driver for benchmarks.api_load's paced runs, to check the locust figures against.

    /work/main/.venv/bin/python -m benchmarks.api_latency_probe --url postgresql://postgres@127.0.0.1:5432/api_big
        [--workers 3] [--users 50] [--rate 10] [--seconds 15] [--runs 3] [--endpoints list claim]

The same load as ``api_load --rate R``: a new server per run (3 uvicorn workers, empty read caches), ``--users``
clients, each on its own keep-alive connection, each sending on a fixed schedule (request k at
start + (offset + k) / rate, the offset a seeded draw within one period) and drawing claim ids from 1-N seeded by
its number, as ``benchmarks/locust_api.py`` does. But the driver is a plain asyncio loop over raw sockets, with
HTTP/1.1 written and parsed by hand (a request line, a Host header, Content-Length framing): about as little
work per request as a client can do, so what it measures is the server, the kernel and the machine.

Why it exists: locust (gevent and geventhttpclient) once added ~10 ms to every paced request of one claim through
artefacts of its own (``benchmarks/locust_api.py`` says which, and how they are avoided). A second driver built
another way is how those were found, and how a figure from locust can be checked. Prints one JSON line per
endpoint and run (requests/s, median, p95, p99, max, in ms).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import time
from typing import Any

import sqlalchemy as sa

from benchmarks.api_load import each_run
from benchmarks.big_ledger import open_or_build


async def _user(
    number: int, *, port: int, endpoint: str, claims: int, rate: float, until: float, latencies: list[float]
) -> None:
    rng = random.Random(number)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    start = time.perf_counter() + rng.random() / rate
    sent = 0
    try:
        while True:
            slot = start + sent / rate
            if slot >= until:
                return
            await asyncio.sleep(max(0.0, slot - time.perf_counter()))
            path = "/api/v1/claims?limit=50" if endpoint == "list" else f"/api/v1/claims/{rng.randint(1, claims)}"
            began = time.perf_counter()
            writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            lines = head.lower().split(b"\r\n")
            length = next(int(line.split(b":", 1)[1]) for line in lines if line.startswith(b"content-length:"))
            await reader.readexactly(length)
            if status != 200:
                raise RuntimeError(f"{path} answered {status}")
            latencies.append((time.perf_counter() - began) * 1000)
            sent += 1
    finally:
        writer.close()


def _percentile(ordered: list[float], q: float) -> float:
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 2)


async def _drive(*, port: int, endpoint: str, users: int, claims: int, rate: float, seconds: float) -> dict[str, Any]:
    latencies: list[float] = []
    began = time.perf_counter()
    until = began + seconds
    await asyncio.gather(
        *(
            _user(n, port=port, endpoint=endpoint, claims=claims, rate=rate, until=until, latencies=latencies)
            for n in range(users)
        )
    )
    ordered = sorted(latencies)
    return {
        "endpoint": endpoint,
        "requests": len(ordered),
        "rps": round(len(ordered) / (time.perf_counter() - began), 1),
        "median_ms": _percentile(ordered, 0.5),
        "p95_ms": _percentile(ordered, 0.95),
        "p99_ms": _percentile(ordered, 0.99),
        "max_ms": round(ordered[-1], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--rate", type=float, default=10.0, help="requests/s per client (> 0)")
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--endpoints", nargs="+", choices=("list", "claim"), default=["list", "claim"])
    args = parser.parse_args()
    if args.rate <= 0:
        parser.error("--rate must be above 0: this driver is paced (api_load runs the closed loop)")
    engine = open_or_build(args.url)
    with engine.connect() as connection:
        claims = int(connection.execute(sa.text("SELECT max(id) FROM claim")).scalar_one())
    engine.dispose()
    fields = {"backend": args.url.split(":")[0], "driver": "asyncio", "workers": args.workers, "users": args.users,
              "rate_per_user": args.rate, "seconds": args.seconds}  # fmt: skip

    def measure(base: str, _server: int, endpoint: str) -> dict[str, Any]:
        port = int(base.rsplit(":", 1)[1])
        return asyncio.run(
            _drive(port=port, endpoint=endpoint, users=args.users, claims=claims, rate=args.rate, seconds=args.seconds)
        )

    each_run(args.url, fields, workers=args.workers, runs=args.runs, endpoints=args.endpoints, measure=measure)


if __name__ == "__main__":
    main()
