"""A big, realistic, deterministic ledger for the load and scale benchmarks (shared by api, web and scale).

Default size: 10,000 claims, 2,000 indicators, 1,000,000 observations (with revisions as later vintages),
100,000 probability snapshots, plus sources, tags, rules, leading links and resolutions. The same ``seed``
gives the same rows, ids included, on SQLite and PostgreSQL.

From code::

    from benchmarks.big_ledger import Sizes, build, prepare_database
    engine = prepare_database("sqlite:////tmp/big.db")   # or postgresql://postgres@127.0.0.1:5432/big
    ledger = build(engine, sizes=Sizes(), seed=0)         # ~1 min on SQLite, less on PostgreSQL (COPY)

From the shell (creates the PostgreSQL database if it is missing, migrates, refuses a non-empty ledger)::

    python -m benchmarks.big_ledger --url sqlite:////tmp/big.db [--scale 0.1] [--seed 0]

``open_or_build(url)`` reuses a ledger that is already there (build once, benchmark many times).

Rows go in through the driver in bulk (``executemany`` on SQLite, ``COPY`` on PostgreSQL) with explicit ids,
not through the ORM: a million ORM objects would take minutes and gigabytes. Sequences are moved past the ids
afterwards and both databases are ANALYZEd, so query plans look like production's.
"""

from __future__ import annotations

import argparse
import json
import logging
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import numpy as np
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine, make_url

import migrations
from forecasts.periods import Frequency, format_period, parse_period, shift
from predictions.ledger.db import make_engine, normalise_url

logger = logging.getLogger(__name__)

BASE = datetime(2026, 11, 1, tzinfo=UTC)
TAGS = [
    "monetary", "credit", "ai", "semiconductors", "trade", "energy", "housing", "labour", "fiscal", "fx",
    "rates", "inflation", "growth", "legal", "policy", "tech", "exports", "consumption", "banks", "bonds",
]  # fmt: skip
WORDS = [
    "China", "GDP", "chips", "exports", "yield", "spread", "court", "market", "share", "growth", "loans",
    "inflation", "energy", "housing", "rates", "stack", "domestic", "software", "capacity", "bonds",
]  # fmt: skip
_CHUNK = 50_000


@dataclass(frozen=True)
class Sizes:
    """How many rows of each kind (observations and snapshots are spread evenly over indicators and claims)."""

    claims: int = 10_000
    indicators: int = 2_000
    observations: int = 1_000_000
    snapshots: int = 100_000
    sources: int = 200

    def scaled(self, factor: float) -> Sizes:
        """The same shape, ``factor`` times as big (at least one of each)."""
        return Sizes(*(max(1, round(n * factor)) for n in (self.claims, self.indicators, self.observations,
                                                             self.snapshots, self.sources)))  # fmt: skip


@dataclass
class BigLedger:
    """What was built: counts per table, and ids and keys a benchmark can aim at."""

    counts: dict[str, int]
    claim_ids: range
    indicator_keys: list[str]
    rule_claim_ids: list[int] = field(default_factory=list)
    seconds: float = 0.0


def prepare_database(url: str) -> Engine:
    """An engine on ``url``, migrated; a missing PostgreSQL database is created first."""
    url = normalise_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql":
        admin = sa.create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            exists = connection.execute(
                sa.text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": parsed.database}
            ).first()
            if not exists:
                connection.execute(sa.text(f'CREATE DATABASE "{parsed.database}"'))
        admin.dispose()
    engine = make_engine(url)
    migrations.upgrade(engine)
    return engine


def open_or_build(url: str, *, sizes: Sizes | None = None, seed: int = 0) -> Engine:
    """An engine on ``url`` holding the big ledger: built now if the ledger is empty, else reused as it is."""
    engine = prepare_database(url)
    with engine.connect() as connection:
        empty = not connection.execute(sa.text("SELECT count(*) FROM claim")).scalar_one()
    if empty:
        build(engine, sizes=sizes, seed=seed)
    return engine


def build(engine: Engine, *, sizes: Sizes | None = None, seed: int = 0) -> BigLedger:
    """Fill an empty, migrated ledger with ``sizes`` rows, deterministically from ``seed``."""
    sizes = sizes or Sizes()
    started = time.perf_counter()
    rng = np.random.default_rng(seed)
    with engine.begin() as connection:
        if connection.execute(sa.text("SELECT count(*) FROM claim")).scalar_one():
            raise RuntimeError("the ledger already has claims: build the big ledger into an empty database")
        writer = _Writer(connection)
        keys, quarterly = _indicators(writer, rng, sizes)
        _observations(writer, rng, sizes, quarterly=quarterly)
        rule_claims = _claims(writer, rng, sizes)
        writer.finish()
    with engine.connect() as connection:
        counts = {
            table: int(connection.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one())
            for table in ("source", "indicator", "observation", "claim", "claim_tag", "claim_indicator",
                          "probability_snapshot", "resolution")
        }  # fmt: skip
    ledger = BigLedger(
        counts=counts,
        claim_ids=range(1, sizes.claims + 1),
        indicator_keys=keys,
        rule_claim_ids=rule_claims,
        seconds=time.perf_counter() - started,
    )
    logger.info("big ledger built in %.1f s: %s", ledger.seconds, counts)
    return ledger


class _Writer:
    """Bulk inserts with explicit ids, in the fastest form each driver offers."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.postgres = connection.dialect.name == "postgresql"
        self.tables: set[str] = set()
        if not self.postgres:
            # The build is one transaction into a scratch database: no need to sync each page.
            connection.exec_driver_sql("PRAGMA synchronous=OFF")

    def ts(self, value: datetime) -> Any:
        # SQLAlchemy's SQLite storage format for UTCDateTime: the UTC wall time, no offset.
        return value if self.postgres else value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")

    def day(self, value: date) -> Any:
        return value if self.postgres else value.isoformat()

    def insert(self, table: str, columns: Sequence[str], rows: Iterable[tuple[Any, ...]]) -> None:
        self.tables.add(table)
        names = ", ".join(columns)
        if self.postgres:
            raw = self.connection.connection.dbapi_connection
            assert raw is not None
            with raw.cursor() as cursor, cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:  # type: ignore[attr-defined]
                for row in rows:
                    copy.write_row(row)
            return
        statement = f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})"
        chunk: list[tuple[Any, ...]] = []
        for row in rows:
            chunk.append(row)
            if len(chunk) >= _CHUNK:
                self.connection.exec_driver_sql(statement, chunk)  # type: ignore[arg-type]
                chunk = []
        if chunk:
            self.connection.exec_driver_sql(statement, chunk)  # type: ignore[arg-type]

    def finish(self) -> None:
        if self.postgres:
            for table in self.tables:
                if table == "claim_tag":
                    continue
                self.connection.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
                )
        self.connection.exec_driver_sql("ANALYZE")


def _indicators(writer: _Writer, rng: np.random.Generator, sizes: Sizes) -> tuple[list[str], np.ndarray]:
    keys = [f"ind_{i:05d}" for i in range(1, sizes.indicators + 1)]
    quarterly = rng.random(sizes.indicators) < 0.15
    writer.insert(
        "source",
        ("id", "title", "publisher", "published_on", "url", "created_at"),
        (
            (i, f"Analysis {i}", "Bench Press", writer.day(date(2020, 1, 1) + timedelta(days=i)),
             f"https://example.org/analysis/{i}", writer.ts(BASE))
            for i in range(1, sizes.sources + 1)
        ),
    )  # fmt: skip
    writer.insert(
        "indicator",
        ("id", "key", "name", "unit", "frequency", "description", "source", "created_at"),
        (
            (i, key, f"Indicator {i}", "%", "Q" if quarterly[i - 1] else "M", f"Series {i} of the big ledger",
             "Bench statistics office", writer.ts(BASE))
            for i, key in enumerate(keys, start=1)
        ),
    )  # fmt: skip
    return keys, quarterly


def _observations(writer: _Writer, rng: np.random.Generator, sizes: Sizes, *, quarterly: np.ndarray) -> None:
    per = max(1, sizes.observations // sizes.indicators)
    revisions = per // 10  # the newest tenth of each series has a second vintage
    periods = per - revisions

    def rows() -> Iterable[tuple[Any, ...]]:
        next_id = 1
        for i in range(1, sizes.indicators + 1):
            frequency = Frequency.QUARTERLY if quarterly[i - 1] else Frequency.MONTHLY
            last = parse_period("2026-09" if frequency is Frequency.MONTHLY else "2026-Q3", frequency)
            first = shift(last, -(periods - 1), frequency)
            values = 5.0 + np.cumsum(rng.normal(0, 0.2, periods))
            noise = rng.normal(0, 0.05, revisions)
            for j in range(periods):
                start = shift(first, j, frequency)
                # A value becomes known about a month after its period ends (vintages before BASE).
                known = datetime(start.year, start.month, start.day, tzinfo=UTC) + timedelta(days=45)
                row = (next_id, i, format_period(start, frequency), writer.day(start), round(float(values[j]), 3))
                yield (*row, writer.ts(known), writer.ts(known))
                next_id += 1
                k = j - (periods - revisions)
                if k >= 0:
                    revised = known + timedelta(days=30)
                    yield (next_id, i, row[2], row[3], round(float(values[j] + noise[k]), 3),
                           writer.ts(revised), writer.ts(revised))  # fmt: skip
                    next_id += 1

    writer.insert(
        "observation", ("id", "indicator_id", "period", "period_start", "value", "as_of", "recorded_at"), rows()
    )


def _claims(writer: _Writer, rng: np.random.Generator, sizes: Sizes) -> list[int]:
    n = sizes.claims
    made = rng.integers(0, 6 * 365, n)  # made between 2020-11 and 2026-11
    horizon = rng.integers(60, 3 * 365, n)
    has_rule = rng.random(n) < 0.6
    has_leading = rng.random(n) < 0.3
    kind = rng.random(n)
    words = rng.integers(0, len(WORDS), (n, 4))
    tag_counts = rng.integers(1, 4, n)
    per = max(1, sizes.snapshots // n)
    probs = np.clip(rng.beta(2, 2, (n, per)), 0.01, 0.99).round(4)
    claims, tags, links, resolutions = [], [], [], []
    rule_claims = []
    for c in range(n):
        cid = c + 1
        made_on = date(2020, 11, 1) + timedelta(days=int(made[c]))
        deadline = made_on + timedelta(days=int(horizon[c]))
        if kind[c] < 0.1:
            status, outcome = "resolved_true", "true"
        elif kind[c] < 0.18:
            status, outcome = "resolved_false", "false"
        elif kind[c] < 0.2:
            status, outcome = "annulled", "annulled"
        else:
            status, outcome = ("awaiting_resolution" if deadline < BASE.date() else "open"), None
        if outcome is not None and deadline >= BASE.date():
            deadline = BASE.date() - timedelta(days=1 + c % 200)
            made_on = min(made_on, deadline)
        text = " ".join(WORDS[w] for w in words[c])
        created = datetime(made_on.year, made_on.month, made_on.day, 9, tzinfo=UTC)
        updated = created + timedelta(days=per)
        claims.append(
            (cid, f"Claim {cid}: {text} above {c % 97} by {deadline.year}", f"We expect {text.lower()} to rise.",
             f"Author {c % 300}", 1 + c % sizes.sources, writer.day(made_on), writer.day(deadline),
             f"Resolves on the official series for {deadline.year}.", status, False,
             float(probs[c, -1]), writer.ts(updated), writer.ts(created))
        )  # fmt: skip
        tags.extend((cid, TAGS[(c + t * 7) % len(TAGS)]) for t in range(int(tag_counts[c])))
        indicator = 1 + c % sizes.indicators
        if has_rule[c]:
            links.append((len(links) + 1, cid, indicator, "decides", ">", 5.0, "last"))
            rule_claims.append(cid)
        if has_leading[c]:
            links.append((len(links) + 1, cid, 1 + (c * 7 + 3) % sizes.indicators, "leading", None, None, None))
        if outcome is not None:
            resolutions.append(
                (len(resolutions) + 1, cid, outcome, writer.day(deadline), "Official figures.", "bench",
                 writer.ts(BASE))
            )  # fmt: skip
    writer.insert(
        "claim",
        ("id", "statement", "quote", "author", "source_id", "made_on", "deadline", "resolution_criteria", "status",
         "needs_review", "probability", "probability_updated_at", "created_at"),
        claims,
    )  # fmt: skip
    writer.insert("claim_tag", ("claim_id", "tag"), tags)
    writer.insert("claim_indicator", ("id", "claim_id", "indicator_id", "role", "op", "threshold", "aggregate"), links)
    writer.insert(
        "resolution", ("id", "claim_id", "outcome", "resolved_on", "evidence", "resolved_by", "created_at"),
        resolutions,
    )  # fmt: skip
    details = json.dumps({"backtest": {"mase": 1.1, "coverage_80": 0.8}, "paths": 1000})

    def snapshots() -> Iterable[tuple[Any, ...]]:
        sid = 1
        for c in range(n):
            start = datetime(2020, 11, 1, 9, tzinfo=UTC) + timedelta(days=int(made[c]))
            method = "model" if has_rule[c] else "base_rate"
            for k in range(per):
                at = writer.ts(start + timedelta(days=k + 1))
                yield (sid, c + 1, at, float(probs[c, k]), method, "auto" if has_rule[c] else "base_rate", "1.2.0",
                       at, seed_of(c, k), f"{c:08x}{k:08x}", "scheduled re-score", details, at)  # fmt: skip
                sid += 1

    writer.insert(
        "probability_snapshot",
        ("id", "claim_id", "at", "probability", "method", "model", "model_version", "data_as_of", "seed",
         "inputs_hash", "reason", "details", "computed_at"),
        snapshots(),
    )  # fmt: skip
    return rule_claims


def seed_of(claim: int, step: int) -> int:
    """The recorded engine seed of a synthetic snapshot."""
    return claim * 1_000 + step


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True, help="sqlite:///PATH or postgresql://... (an empty ledger)")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size (0.1: a tenth)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    engine = prepare_database(args.url)
    ledger = build(engine, sizes=Sizes().scaled(args.scale), seed=args.seed)
    print(json.dumps({"seconds": round(ledger.seconds, 1), **ledger.counts}))


if __name__ == "__main__":
    main()
