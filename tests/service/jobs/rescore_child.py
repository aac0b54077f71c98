"""A re-score in its own process, for the kill -9 test.

``python -m tests.service.jobs.rescore_child URL pending|all [--pause]``: with ``--pause`` it stops after the
first claim's snapshot is written but not committed, prints ``ready`` and waits for its parent to kill it.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime

from predictions.ledger.clock import FixedClock
from predictions.ledger.db import make_engine
from service.jobs.scheduler import JobContext, run_full
from service.settings import Settings

CLOCK = FixedClock(datetime(2026, 2, 1, tzinfo=UTC))


def main() -> None:
    url, mode = sys.argv[1], sys.argv[2]
    pause = "--pause" in sys.argv

    def progress(done: int, _total: int) -> None:
        if pause and done == 1:
            sys.stdout.write("ready\n")
            sys.stdout.flush()
            sys.stdin.readline()  # the parent kills us while we wait here

    ctx = JobContext(engine=make_engine(url), clock=CLOCK, settings=Settings(database_url=url, forecast_paths=100))
    if mode == "pending":
        from predictions.rescore import process_pending
        from service.db import session_scope

        with session_scope(ctx.engine) as session:
            summary = process_pending(session, clock=CLOCK, n_paths=100, progress=progress)
    else:
        summary = run_full(ctx, progress=progress)
    sys.stdout.write(f"done {summary.written}\n")


if __name__ == "__main__":
    main()
