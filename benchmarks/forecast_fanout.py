"""Re-forecasting N indicators through the executors: the local process pool vs a Dask LocalCluster.

    /work/main/.venv/bin/python -m benchmarks.forecast_fanout [--indicators 2000] [--workers 2] [--paths 1000]

The work is what the full re-score fans out (``predictions.rescore.fanout.forecast_or_error``): one forecast of
a 240-point monthly random walk per indicator (the series of ``benchmarks._rescore_setup``), 18 steps ahead,
``--paths`` sample paths, the scheduler's seed. The list is cut into ``--rounds`` slices and the executors take
turns on each slice (pool, cluster, pool, cluster, ...), so that the load of a shared machine falls on both
alike; each is warmed up first, untimed. The results come back to this process in input order, where a sha256
of each forecast's paths is kept (so that 2,000 forecasts do not sit in memory) and compared across the
executors. Prints one JSON line.

The cluster's workers start as docs/deploy.md recommends for predtrack: without the ``MALLOC_TRIM_THRESHOLD_``
that Dask's nanny sets by default (setting it turns off glibc's adaptive mmap threshold, so each of the engine's
144 KB path arrays becomes an mmap and a munmap; that cost the cluster ~8% here). ``--dask-stock-environment``
keeps Dask's default instead. The workers' statistical profiler is turned off too (it samples the running
task's stack every 10 ms).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from datetime import UTC, datetime

import numpy as np

import forecasts
from forecasts.executor import Executor, LocalProcessExecutor, executor_for
from forecasts.periods import Frequency, parse_period
from forecasts.types import Forecast, Series
from predictions.rescore.evaluation import ForecastKey
from predictions.rescore.fanout import forecast_or_error
from service.settings import Settings

HORIZON = 18


def _tasks(n: int, *, points: int, n_paths: int, seed: int) -> list[tuple[Series, ForecastKey]]:
    rng = np.random.default_rng(0)
    start = parse_period("2006-01", Frequency.MONTHLY)
    tasks = []
    for i in range(n):
        series = Series(5.0 + np.cumsum(rng.normal(0, 0.1, points)), Frequency.MONTHLY, start, f"bench_{i}")
        tasks.append((series, (i, "2026-01-05T00:00:00+00:00", HORIZON, n_paths, seed, forecasts.ENGINE_VERSION)))
    return tasks


def _digests(executor: Executor, tasks: list[tuple[Series, ForecastKey]]) -> tuple[float, list[str]]:
    started = time.perf_counter()
    digests = []
    for result in executor.map(forecast_or_error, tasks):
        assert isinstance(result, Forecast), result
        digests.append(hashlib.sha256(np.ascontiguousarray(result.paths).tobytes()).hexdigest())
    return time.perf_counter() - started, digests


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--indicators", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--points", type=int, default=240)
    parser.add_argument("--paths", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument(
        "--dask-stock-environment",
        action="store_true",
        help="start Dask's workers as Dask does by default (MALLOC_TRIM_THRESHOLD_=65536, the profiler on)",
    )
    args = parser.parse_args()
    import dask
    from distributed import LocalCluster

    if not args.dask_stock_environment:
        environ = dict(dask.config.get("distributed.nanny.pre-spawn-environ"))
        environ.pop("MALLOC_TRIM_THRESHOLD_", None)
        # The worker's statistical profiler samples the running task's stack every 10 ms: off, as for any
        # CPU-bound pure-Python work (docs/deploy.md).
        dask.config.set({"distributed.nanny.pre-spawn-environ": environ, "distributed.worker.profile.enabled": False})

    tasks = _tasks(args.indicators, points=args.points, n_paths=args.paths, seed=Settings().forecast_seed)
    seconds = {"pool": 0.0, "dask": 0.0}
    digests: dict[str, list[str]] = {"pool": [], "dask": []}
    with (
        LocalProcessExecutor(args.workers) as pool,
        LocalCluster(n_workers=args.workers, threads_per_worker=1, dashboard_address=None) as cluster,
        executor_for(cluster.scheduler_address.replace("tcp://", "dask://"), jobs=1) as dask,
    ):
        executors: dict[str, Executor] = {"pool": pool, "dask": dask}
        for executor in executors.values():
            # Untimed warm-up: Dask's workers are fresh processes that still import the engine, while a forked
            # pool inherits this process's imports.
            list(executor.map(forecast_or_error, tasks[: 2 * args.workers]))
        step = -(-len(tasks) // args.rounds)
        for first in range(0, len(tasks), step):
            for name, executor in executors.items():
                took, part = _digests(executor, tasks[first : first + step])
                seconds[name] += took
                digests[name] += part
            done = min(first + step, len(tasks))
            print(f"{done}/{len(tasks)}: pool {seconds['pool']:.0f} s, dask {seconds['dask']:.0f} s", file=sys.stderr)
    pool_seconds, dask_seconds = seconds["pool"], seconds["dask"]
    print(
        json.dumps(
            {
                "benchmark": "forecast_fanout",
                "date": datetime.now(UTC).isoformat(timespec="seconds"),
                "indicators": args.indicators,
                "points": args.points,
                "horizon": HORIZON,
                "n_paths": args.paths,
                "workers": args.workers,
                "engine_version": forecasts.ENGINE_VERSION,
                "local_pool_seconds": round(pool_seconds, 1),
                "dask_local_cluster_seconds": round(dask_seconds, 1),
                "dask_over_pool": round(dask_seconds / pool_seconds, 3),
                "rounds": args.rounds,
                "dask_environment": "stock"
                if args.dask_stock_environment
                else "no MALLOC_TRIM_THRESHOLD_, no profiler",
                "identical": digests["pool"] == digests["dask"] and len(digests["pool"]) == len(tasks),
            }
        )
    )


if __name__ == "__main__":
    main()
