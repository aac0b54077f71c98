"""The weekly digest to N subscribers through a real SMTP server (aiosmtpd), with time and memory.

    python -m benchmarks.digest_send [--subscribers 10000] [--compare 1000] [--postgres ADMIN_URL]

Each size runs in its own process on a new database: the seeded ledger (plus one explained move, so every
digest carries a chart), N active subscribers spread over four sets of tags, and an aiosmtpd server in another
process that counts what it accepts. It times ``send_week`` (the code path of ``predtrack digest --send`` and
of the Monday job: one commit before and one after each message) and samples the process's resident memory
every 50 ms while it runs. Memory that does not grow with N shows as about the same peak increase for both
sizes. Prints one JSON line per size, then the ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

TAG_SETS = [[], ["monetary"], ["ai"], ["monetary", "ai"]]
CLOCK_AT = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)  # inside the reported week
WEEK = "2026-W48"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _rss_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


class _Sampler(threading.Thread):
    """The peak resident memory while it runs."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak = _rss_bytes()
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.05):
            self.peak = max(self.peak, _rss_bytes())


def _prepare(url: str, subscribers: int) -> None:
    from sqlmodel import Session

    import migrations
    from predictions.ledger.clock import FixedClock
    from predictions.ledger.db import make_engine
    from predictions.ledger.tables import ProbabilitySnapshot, Subscription, SubscriptionStatus
    from predictions.seed.seed import seed_if_empty

    engine = make_engine(url)
    migrations.upgrade(engine)
    with Session(engine) as session:
        seed_if_empty(session, clock=FixedClock(CLOCK_AT))
        for at, p, details in (
            (datetime(2026, 11, 10, tzinfo=UTC), 0.62, {}),
            (datetime(2026, 11, 24, tzinfo=UTC), 0.58, {"explanation": "A value came in; the probability fell."}),
        ):
            session.add(
                ProbabilitySnapshot(
                    claim_id=1,
                    at=at,
                    probability=p,
                    method="model",
                    model="bench",
                    model_version="1",
                    inputs_hash="bench",
                    details=details,
                )
            )
        session.commit()
    rows = [
        {
            "email": f"reader{i}@example.com",
            "email_key": f"reader{i}@example.com",
            "public_id": secrets.token_urlsafe(16),
            "tags": TAG_SETS[i % len(TAG_SETS)],
            "status": SubscriptionStatus.ACTIVE,
            "created_at": CLOCK_AT,
            "confirmed_at": CLOCK_AT,
        }
        for i in range(subscribers)
    ]
    with engine.begin() as connection:
        connection.execute(Subscription.__table__.insert(), rows)  # type: ignore[attr-defined]
    engine.dispose()


def child(subscribers: int, url: str | None) -> dict[str, object]:
    """One measured run (in its own process)."""
    from predictions.digest.digest import parse_week
    from predictions.ledger.clock import FixedClock
    from predictions.ledger.db import make_engine
    from service.digest import SmtpSender, send_week
    from service.settings import Settings

    url = url or f"sqlite:///{Path(tempfile.mkdtemp(prefix='predtrack-digest-bench-')) / 'bench.db'}"
    _prepare(url, subscribers)
    port = _free_port()
    sink = subprocess.Popen(
        [sys.executable, "-m", "benchmarks._smtp_sink", str(port)], stdout=subprocess.PIPE, text=True
    )
    assert sink.stdout is not None and sink.stdout.readline().strip() == "ready"
    settings = Settings(
        database_url=url,
        smtp_host="127.0.0.1",
        smtp_port=port,
        public_url="https://predtrack.example",
        secret_key="benchmark",
    )
    engine = make_engine(url)
    sampler = _Sampler()
    before = _rss_bytes()
    sampler.start()
    started = time.perf_counter()
    report = send_week(
        engine=engine,
        sender=SmtpSender.from_settings(settings),
        settings=settings,
        clock=FixedClock(CLOCK_AT),
        week=parse_week(WEEK),
    )
    seconds = time.perf_counter() - started
    sampler.done.set()
    sampler.join()
    sink.terminate()
    received, received_bytes = (int(x) for x in sink.communicate(timeout=60)[0].split())
    return {
        "benchmark": "digest_send",
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "database": engine.dialect.name,
        "subscribers": subscribers,
        "sent": report.sent,
        "received_by_smtp_server": received,
        "mean_message_kb": round(received_bytes / max(received, 1) / 1024, 1),
        "seconds": round(seconds, 1),
        "messages_per_second": round(report.sent / seconds, 1),
        "rss_before_send_mb": round(before / 2**20, 1),
        "rss_peak_increase_during_send_mb": round((sampler.peak - before) / 2**20, 1),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


@contextmanager
def _database(admin_url: str | None) -> Iterator[str | None]:
    """A throwaway PostgreSQL database on ``admin_url``'s server, dropped afterwards (None: SQLite)."""
    if admin_url is None:
        yield None
        return
    import sqlalchemy as sa
    from sqlalchemy.engine import make_url

    from predictions.ledger.db import normalise_url

    admin = make_url(normalise_url(admin_url))
    name = f"predtrack_digest_bench_{secrets.token_hex(4)}"
    engine = sa.create_engine(admin, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    with engine.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin.set(database=name).render_as_string(hide_password=False)
    finally:
        with engine.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--compare", type=int, default=1_000, help="a smaller run to compare memory with (0: none)")
    parser.add_argument("--postgres", default=None, help="a PostgreSQL server URL: a throwaway database per run")
    parser.add_argument("--database-url", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(child(args.child, args.database_url)), flush=True)
        return
    results = []
    for n in [m for m in (args.compare, args.subscribers) if m]:
        command = [sys.executable, "-m", "benchmarks.digest_send", "--child", str(n)]
        with _database(args.postgres) as url:
            if url:
                command += ["--database-url", url]
            output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        results.append(json.loads(output.strip().splitlines()[-1]))
        print(json.dumps(results[-1]), flush=True)
    if len(results) == 2:
        small, large = results
        print(
            json.dumps(
                {
                    "subscribers_ratio": round(large["subscribers"] / small["subscribers"], 1),
                    "seconds_ratio": round(large["seconds"] / small["seconds"], 2),
                    "rss_peak_increase_mb": [
                        small["rss_peak_increase_during_send_mb"],
                        large["rss_peak_increase_during_send_mb"],
                    ],
                }
            )
        )


if __name__ == "__main__":
    main()
