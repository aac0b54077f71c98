"""One reader's latency of the pages issue 21 names, against a running server, open loop.

    python -m benchmarks.reader_pages --base http://127.0.0.1:8000 [--rate 2] [--seconds 10] [--claims 10000]

One client on one keep-alive connection sends on a fixed schedule (request k at start + k / rate) and times each
request from its *scheduled* start, so a slow answer also counts against the requests queued behind it (no
coordinated omission). Pages: ``/track-record``, ``/api/v1/scores``, ``/feeds/changes.atom``, the home page, and
a cold claim page (``/claims/{id}``, a different random id each time, seeded). Prints one JSON line per page:
requests, errors, median, p95, max (ms) and the size of the last answer. Start the server yourself (for example
``predtrack serve --no-scheduler`` on ``benchmarks.big_ledger``'s ledger) and wait for it to be ready.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import statistics
import time
from urllib.parse import urlsplit

PAGES = ("/track-record", "/api/v1/scores", "/feeds/changes.atom", "/", "/claims/{id}")


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--rate", type=float, default=2.0)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--pages", nargs="*", default=list(PAGES))
    args = parser.parse_args()
    for page in args.pages:
        print(json.dumps(run(args.base, page=page, rate=args.rate, seconds=args.seconds, claims=args.claims)))


if __name__ == "__main__":
    main()
