"""Full re-score of N claims on N monthly indicators of 240 points (target: 1,000 on 1,000 in <= 5 minutes).

    /work/venv/bin/python -m benchmarks.rescore_full [--claims 1000] [--database-url URL] [--paths 1000]

``--executor`` / ``--jobs`` choose where the forecasts fan out (``PREDTRACK_EXECUTOR`` / ``_EXECUTOR_JOBS``).
Runs the periodic job's code path (``service.jobs.scheduler.run_full``: chunks of 100 claims, one commit
each, one forecast per indicator per run) twice: first with every claim new, then again with nothing new
(which must write nothing). Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import UTC, datetime

import forecasts
from benchmarks._rescore_setup import database, seed
from predictions.ledger.clock import SystemClock
from service.jobs.scheduler import JobContext, run_full
from service.settings import Settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, default=1000)
    parser.add_argument("--database-url", default=None, help="default: a new SQLite file")
    parser.add_argument("--paths", type=int, default=1000)
    parser.add_argument("--executor", default="local", help="local (default) or dask://HOST:PORT")
    parser.add_argument("--jobs", type=int, default=None, help="local pool size (default: the number of CPUs)")
    args = parser.parse_args()

    url, engine = database(args.database_url)
    started = time.perf_counter()
    claim_ids = seed(engine, indicators=args.claims)
    seeded = time.perf_counter() - started
    settings = Settings(database_url=url, forecast_paths=args.paths, executor=args.executor)
    if args.jobs is not None:
        settings = settings.model_copy(update={"executor_jobs": args.jobs})
    ctx = JobContext(engine=engine, clock=SystemClock(), settings=settings)

    def progress(done: int, total: int) -> None:
        if done % 100 == 0 or done == total:
            print(f"\r  {done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)

    started = time.perf_counter()
    first = run_full(ctx, claim_ids=claim_ids, progress=progress)
    first_seconds = time.perf_counter() - started
    started = time.perf_counter()
    second = run_full(ctx, claim_ids=claim_ids)
    second_seconds = time.perf_counter() - started
    print(
        json.dumps(
            {
                "benchmark": "rescore_full",
                "date": datetime.now(UTC).isoformat(timespec="seconds"),
                "database": engine.dialect.name,
                "claims": args.claims,
                "points_per_indicator": 240,
                "n_paths": args.paths,
                "executor": args.executor,
                "executor_jobs": settings.executor_jobs,
                "engine_version": forecasts.ENGINE_VERSION,
                "seed_seconds": round(seeded, 1),
                "full_rescore_seconds": round(first_seconds, 1),
                "snapshots_written": first.written,
                "failures": len(first.failures),
                "second_run_seconds": round(second_seconds, 1),
                "second_run_snapshots": second.written,
            }
        )
    )


if __name__ == "__main__":
    main()
