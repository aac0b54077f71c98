"""Latency of one forecast: a 240-point monthly indicator, 18 steps, 1,000 paths (what one re-score job does).

The series is that of ``benchmarks._rescore_setup`` (a random walk 5 + N(0, 0.1) steps, seed 0). One warm-up
call, then ``--repeats`` timed calls of ``forecasts.forecast``; prints the engine version and the median, min
and max in milliseconds as one JSON line. Run it through ``/work/wt/quiet`` on a shared machine; to compare
engines, run this file with ``PYTHONPATH`` pointing at each tree.

    python benchmarks/forecast_single.py [--repeats 30] [--points 240]
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import date

import numpy as np

import forecasts
from forecasts import Frequency, Series


def main() -> None:
    """Time ``--repeats`` forecasts of the same series and print the summary."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--points", type=int, default=240)
    parser.add_argument("--paths", type=int, default=1000)
    args = parser.parse_args()
    values = 5.0 + np.cumsum(np.random.default_rng(0).normal(0, 0.1, args.points))
    series = Series(values, Frequency.MONTHLY, date(2000, 1, 1))
    forecasts.forecast(series, 18, n_paths=args.paths, seed=0)
    times = []
    for _ in range(args.repeats):
        started = time.perf_counter()
        forecasts.forecast(series, 18, n_paths=args.paths, seed=0)
        times.append(time.perf_counter() - started)
    ms = np.array(times) * 1e3
    print(
        json.dumps(
            {
                "engine": forecasts.ENGINE_VERSION,
                "points": args.points,
                "paths": args.paths,
                "repeats": args.repeats,
                "median_ms": round(float(np.median(ms)), 1),
                "min_ms": round(float(ms.min()), 1),
                "max_ms": round(float(ms.max()), 1),
            }
        )
    )


if __name__ == "__main__":
    main()
