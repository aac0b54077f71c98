"""What the shared rate limit costs a costly anonymous read: one token taken, in its own committed transaction.

Each take is what ``service.api.limits.costly_read`` does: a session from the engine's pool, the one
``INSERT ... ON CONFLICT DO UPDATE ... RETURNING`` statement (plus the idle-row ``DELETE`` when a client is
new), and a commit. Clients rotate over ``--clients`` addresses so that the table holds that many rows; the
clock is advanced 10 ms per take, so some takes are granted and some refused, as in real traffic.

    python -m benchmarks.rate_bucket --url sqlite:////tmp/rate.db [--takes 3000] [--clients 500]
    python -m benchmarks.rate_bucket --url postgresql://postgres@127.0.0.1:5432/rate_bench
"""

from __future__ import annotations

import argparse
import statistics
import time

from sqlmodel import Session

import migrations
from predictions.access.rate_limits import take_token
from predictions.ledger.db import make_engine

T0 = 1_796_000_000.0


def main() -> None:
    """Time ``--takes`` token takes and print the median and p95 in milliseconds."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True)
    parser.add_argument("--takes", type=int, default=3000)
    parser.add_argument("--clients", type=int, default=500)
    args = parser.parse_args()
    engine = make_engine(args.url)
    migrations.upgrade(engine)
    times = []
    granted = 0
    for i in range(args.takes):
        started = time.perf_counter()
        with Session(engine) as session:
            taken = take_token(
                session, client=f"10.0.{i % args.clients // 250}.{i % 250}", now=T0 + i * 0.01, per_minute=30, burst=10
            )
            session.commit()
        times.append(time.perf_counter() - started)
        granted += taken.granted
    times.sort()
    print(
        f"{engine.dialect.name}: {args.takes} takes over {args.clients} clients, {granted} granted; "
        f"median {statistics.median(times) * 1000:.2f} ms, p95 {times[int(0.95 * len(times))] * 1000:.2f} ms"
    )
    engine.dispose()


if __name__ == "__main__":
    main()
