"""Readers' latency of the pages issue 21 names, against a running server, open loop: one client, or a mix.

    python -m benchmarks.reader_pages --base http://127.0.0.1:8000 [--rate 2] [--seconds 10] [--claims 10000]
    python -m benchmarks.reader_pages --base http://127.0.0.1:8000 --mixed [--rate 300] [--seconds 15]

One client on one keep-alive connection sends on a fixed schedule (request k at start + k / rate) and times each
request from its *scheduled* start, so a slow answer also counts against the requests queued behind it (no
coordinated omission). Pages: ``/track-record``, ``/api/v1/scores``, ``/feeds/changes.atom``, the home page, and
a cold claim page (``/claims/{id}``, a different random id each time, seeded). Prints one JSON line per page:
requests, errors, median, p95, max (ms) and the size of the last answer. Start the server yourself (for example
``predtrack serve --no-scheduler`` on ``benchmarks.big_ledger``'s ledger) and wait for it to be ready.

``--mixed``: many readers at once, open loop. Request k is due at start + k / rate whatever came back before, and
is one of ``MIX`` drawn at random (seeded): one claim through the API (60%), a page of the API's list (20%), a
dashboard claim page (10%), the home page (5%), the track record (5%), ids and list pages drawn over the whole
ledger. Each goes out on an idle keep-alive connection of a pool (a new one when none is idle, up to
``--connections``; past that it waits, and the wait counts) and is timed from when it was due. The client is a
plain asyncio loop (uvloop when installed) over raw sockets, writing and parsing HTTP/1.1 by hand, so that it
costs the server's machine little. It reports how well it kept its schedule (``client_behind``: how long after it
was due it started a request; a client far behind is too slow to measure the server), how late requests went out
(``send_late``, which also counts waiting for a connection) and its own CPU. Prints one JSON line per kind of
request and one for all.
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import json
import random
import statistics
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

PAGES = ("/track-record", "/api/v1/scores", "/feeds/changes.atom", "/", "/claims/{id}")
LIST_PAGE = 50
# Issue 21's mixed load: (name, path, share); {id} a claim id, {offset} a list page's first item, over the ledger.
MIX = (
    ("claim", "/api/v1/claims/{id}", 0.60),
    ("list", "/api/v1/claims?limit=50&offset={offset}", 0.20),
    ("claim page", "/claims/{id}", 0.10),
    ("home", "/", 0.05),
    ("track record", "/track-record", 0.05),
)


def run(base: str, *, page: str, rate: float, seconds: float, claims: int, seed: int = 0) -> dict[str, object]:
    """Drive ``page`` at ``rate`` requests/s for ``seconds``; latencies from the scheduled starts."""
    where = urlsplit(base)
    connection = http.client.HTTPConnection(where.hostname or "127.0.0.1", where.port or 80, timeout=60)
    rng = random.Random(seed)
    latencies: list[float] = []
    errors, size = 0, 0
    start = time.perf_counter()
    for k in range(max(1, int(rate * seconds))):
        slot = start + k / rate
        time.sleep(max(0.0, slot - time.perf_counter()))
        path = page.format(id=rng.randint(1, claims))
        try:
            connection.request("GET", path)
            answer = connection.getresponse()
            body = answer.read()
        except (OSError, http.client.HTTPException):
            connection.close()
            errors += 1
            continue
        latencies.append((time.perf_counter() - slot) * 1000)
        size = len(body)
        errors += answer.status != 200
    connection.close()
    ordered = sorted(latencies) or [float("nan")]
    return {
        "page": page,
        "requests": len(latencies),
        "errors": errors,
        "median_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 1),
        "max_ms": round(ordered[-1], 1),
        "bytes": size,
    }


def _summary(latencies: list[float]) -> dict[str, float]:
    ordered = sorted(latencies) or [float("nan")]

    def at(q: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 1)

    return {"median_ms": at(0.5), "p95_ms": at(0.95), "p99_ms": at(0.99), "max_ms": round(ordered[-1], 1)}


@dataclass
class _Kind:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0  # not 200, or no answer
    lost: int = 0  # no answer (connection failed, or timed out)
    statuses: dict[int, int] = field(default_factory=dict)


class _Pool:
    """Keep-alive connections to one server: an idle one if any, else a new one, up to ``size``."""

    def __init__(self, host: str, port: int, size: int) -> None:
        self.host, self.port = host, port
        self.idle: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []
        self.slots = asyncio.Semaphore(size)
        self.opened = 0

    async def get(self, path: str, *, timeout: float) -> tuple[int, float]:
        """Send ``GET path``; (status, perf_counter when it was written). Raises OSError or TimeoutError."""
        async with self.slots:
            while self.idle:
                reader, writer = self.idle.pop()
                sent = time.perf_counter()
                try:
                    return await self._exchange(reader, writer, path, timeout), sent
                except (ConnectionError, asyncio.IncompleteReadError):
                    pass  # the server closed it while it was idle (uvicorn: after 5 s): as a browser, try another
            reader, writer = await asyncio.open_connection(self.host, self.port)
            self.opened += 1
            sent = time.perf_counter()
            return await self._exchange(reader, writer, path, timeout), sent

    async def _exchange(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str, timeout: float
    ) -> int:
        try:
            writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode())
            status = await asyncio.wait_for(_read_answer(reader), timeout)
        except BaseException:
            writer.close()
            raise
        self.idle.append((reader, writer))
        return status

    def close(self) -> None:
        for _, writer in self.idle:
            writer.close()


async def _read_answer(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    chunked = False
    for line in head.lower().split(b"\r\n"):
        if line.startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
        elif line.startswith(b"transfer-encoding:") and b"chunked" in line:
            chunked = True
    if not chunked:
        await reader.readexactly(length)
        return status
    while True:  # a streamed answer: chunks until the empty one
        size = int((await reader.readuntil(b"\r\n")).split(b";", 1)[0], 16)
        await reader.readexactly(size + 2)
        if size == 0:
            return status


async def _mixed(
    base: str, *, rate: float, seconds: float, claims: int, connections: int, seed: int, timeout: float
) -> list[dict[str, object]]:
    where = urlsplit(base)
    pool = _Pool(where.hostname or "127.0.0.1", where.port or 80, connections)
    rng = random.Random(seed)
    names = [name for name, _, _ in MIX]
    paths = {name: path for name, path, _ in MIX}
    kinds = {name: _Kind() for name in names}
    behind: list[float] = []  # how long after it was due the client started each request (its own lag, ms)
    late: list[float] = []  # how long after it was due each request went out (also waiting for a connection)

    async def one(name: str, path: str, due: float) -> None:
        kind = kinds[name]
        try:
            status, sent = await pool.get(path, timeout=timeout)
        except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError):
            kind.errors += 1
            kind.lost += 1
            return
        late.append((sent - due) * 1000)
        kind.latencies.append((time.perf_counter() - due) * 1000)
        kind.statuses[status] = kind.statuses.get(status, 0) + 1
        kind.errors += status != 200

    tasks = []
    cpu, start = time.process_time(), time.perf_counter()
    for k in range(max(1, int(rate * seconds))):
        due = start + k / rate
        await asyncio.sleep(max(0.0, due - time.perf_counter()))
        name = rng.choices(names, weights=[share for _, _, share in MIX])[0]
        path = paths[name].format(id=rng.randint(1, claims), offset=LIST_PAGE * rng.randrange(claims // LIST_PAGE))
        tasks.append(asyncio.ensure_future(one(name, path, due)))
        behind.append((time.perf_counter() - due) * 1000)
    await asyncio.gather(*tasks)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    pool.close()
    rows: list[dict[str, object]] = []
    every = _Kind()
    for name, kind in kinds.items():
        rows.append({"kind": name, "requests": len(kind.latencies) + kind.lost, "errors": kind.errors,
                     **_summary(kind.latencies), "statuses": kind.statuses, "lost": kind.lost})  # fmt: skip
        every.latencies += kind.latencies
        every.errors += kind.errors
        every.lost += kind.lost
    ordered_late = sorted(late) or [float("nan")]
    ordered_behind = sorted(behind)
    rows.append({
        "kind": "all", "rate": rate, "seconds": seconds, "requests": len(every.latencies) + every.lost,
        "errors": every.errors,
        **_summary(every.latencies), "achieved_rps": round(len(every.latencies) / wall, 1),
        "client_behind_p99_ms": round(ordered_behind[int(0.99 * len(ordered_behind))], 2),
        "client_behind_max_ms": round(ordered_behind[-1], 2),
        "send_late_p50_ms": round(ordered_late[len(ordered_late) // 2], 2),
        "send_late_p99_ms": round(ordered_late[min(len(ordered_late) - 1, int(0.99 * len(ordered_late)))], 2),
        "connections_opened": pool.opened, "client_cpu_share": round(cpu / wall, 3),
    })  # fmt: skip
    return rows


def mixed(
    base: str, *, rate: float, seconds: float, claims: int, connections: int = 256, seed: int = 0,
    timeout: float = 30.0,
) -> list[dict[str, object]]:  # fmt: skip
    """Drive ``MIX`` at ``rate`` requests/s for ``seconds``; one summary per kind, then one for all."""
    try:
        import uvloop
    except ImportError:  # the standard loop is a little slower, and says so in client_cpu_share
        uvloop = None
    coroutine = _mixed(
        base, rate=rate, seconds=seconds, claims=claims, connections=connections, seed=seed, timeout=timeout
    )
    if uvloop is not None:
        return uvloop.run(coroutine)
    return asyncio.run(coroutine)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--rate", type=float, default=2.0)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--pages", nargs="*", default=list(PAGES))
    parser.add_argument("--mixed", action="store_true", help="issue 21's mix of readers at --rate (open loop)")
    parser.add_argument("--connections", type=int, default=256, help="--mixed: the most connections at once")
    parser.add_argument("--seed", type=int, default=0, help="of the random ids (another seed: other cold claims)")
    args = parser.parse_args()
    if args.mixed:
        for row in mixed(
            args.base, rate=args.rate, seconds=args.seconds, claims=args.claims, connections=args.connections,
            seed=args.seed,
        ):  # fmt: skip
            print(json.dumps(row))
        return
    for page in args.pages:
        answer = run(args.base, page=page, rate=args.rate, seconds=args.seconds, claims=args.claims, seed=args.seed)
        print(json.dumps(answer))


if __name__ == "__main__":
    main()
