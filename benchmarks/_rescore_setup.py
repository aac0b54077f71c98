"""Shared set-up for the re-scoring benchmarks: a migrated database and monthly indicators with rule claims."""

from __future__ import annotations

import tempfile
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import numpy as np
import sqlalchemy as sa
from sqlalchemy.engine import Engine

import migrations
from forecasts.periods import Frequency, format_period, parse_period, shift
from forecasts.rules import Aggregate, Op
from predictions.ledger.db import make_engine
from predictions.ledger.tables import Claim, ClaimIndicator, ClaimStatus, Indicator, LinkRole, Observation

BASE_AS_OF = datetime(2026, 1, 5, tzinfo=UTC)
FIRST_PERIOD = "2006-01"


def database(url: str | None) -> tuple[str, Engine]:
    """The given database (or a new SQLite file), migrated."""
    if url is None:
        url = f"sqlite:///{Path(tempfile.mkdtemp(prefix='predtrack-bench-')) / 'bench.db'}"
    engine = make_engine(url)
    migrations.upgrade(engine)
    return url, engine


def seed(engine: Engine, *, indicators: int, points: int = 240, seed: int = 0) -> list[int]:
    """``indicators`` monthly random walks of ``points`` values, one rule claim on each; returns the claim ids."""
    rng = np.random.default_rng(seed)
    tag = uuid.uuid4().hex[:8]
    start = parse_period(FIRST_PERIOD, Frequency.MONTHLY)
    claim_ids = []
    with engine.begin() as connection:
        for i in range(indicators):
            indicator_id = connection.execute(
                sa.insert(Indicator.__table__).returning(Indicator.__table__.c.id),  # type: ignore[attr-defined]
                {
                    "key": f"bench_{tag}_{i}",
                    "name": f"bench {i}",
                    "frequency": Frequency.MONTHLY,
                    "created_at": BASE_AS_OF,
                },
            ).scalar_one()
            values = 5.0 + np.cumsum(rng.normal(0, 0.1, points))
            rows = []
            for j, value in enumerate(values):
                period_start = shift(start, j, Frequency.MONTHLY)
                rows.append(
                    {
                        "indicator_id": indicator_id,
                        "period": format_period(period_start, Frequency.MONTHLY),
                        "period_start": period_start,
                        "value": float(value),
                        "as_of": BASE_AS_OF,
                        "recorded_at": BASE_AS_OF,
                    }
                )
            connection.execute(sa.insert(Observation.__table__), rows)  # type: ignore[attr-defined]
            claim_id = connection.execute(
                sa.insert(Claim.__table__).returning(Claim.__table__.c.id),  # type: ignore[attr-defined]
                {
                    "statement": f"bench {i} ends 2026 above its last value",
                    "quote": "...",
                    "author": "Bench",
                    "made_on": date(2025, 6, 1),
                    "deadline": date(2026, 12, 31),
                    "resolution_criteria": "As stated.",
                    "status": ClaimStatus.OPEN,
                    "needs_review": False,
                    "created_at": BASE_AS_OF,
                },
            ).scalar_one()
            connection.execute(
                sa.insert(ClaimIndicator.__table__),  # type: ignore[attr-defined]
                {
                    "claim_id": claim_id,
                    "indicator_id": indicator_id,
                    "role": LinkRole.DECIDES,
                    "op": Op.GT,
                    "threshold": float(values[-1]),
                    "aggregate": Aggregate.LAST,
                },
            )
            claim_ids.append(int(claim_id))
    return claim_ids


def percentile(values: list[float], q: float) -> float:
    """The ``q`` quantile (0..1) of ``values``."""
    return float(np.quantile(np.asarray(values), q))
