"""From one new observation to the claim's updated probability (target: p95 <= 2 s, one monthly indicator of 240).

    /work/venv/bin/python -m benchmarks.rescore_latency [--runs 30] [--via direct|http] [--database-url URL]

Like ``predtrack serve``: real uvicorn on loopback and the in-process scheduler (lock, persistent job store,
1 s outbox poll, ``wake()``). Each run sends a revision of the latest month and then polls
``GET /api/v1/claims/{id}/history`` over HTTP every ``--poll-ms`` (10 ms) until a new snapshot is listed; the
time from sending the POST to the answer of the GET that lists the snapshot is recorded. The poll's own CPU
(a request every 10 ms on the server under test) and its resolution are part of the number.

Where the time went comes from the ``job_run`` row each outbox run writes (its start, and its end before the
commit): ``post`` (the POST's round trip), ``to_job`` (POST sent -> outbox job started: the wake or NOTIFY and the
scheduler's dispatch), ``job`` (load, forecast, snapshot), ``to_seen`` (job end -> the GET that lists it: the
commit and the poll). Medians over the runs.

- ``--via http`` POSTs the observation to ``/api/v1/indicators/{key}/observations`` (the ingestion endpoint,
  which writes the outbox row in the same transaction and calls ``wake()`` after its commit);
- ``--via direct`` does what that endpoint does without HTTP: one transaction with the observation and its
  outbox row, then ``wake()`` (for a branch without the ingestion endpoint).

``--no-wake`` leaves the work to the 1 s outbox poll, as with a separate ``predtrack scheduler`` process on SQLite.

``--separate`` runs the scale-out layout instead: ``predtrack serve --no-scheduler`` and ``predtrack scheduler``
as two processes of their own on the same database (with ``--via http``). On PostgreSQL the scheduler hears new
outbox rows through LISTEN/NOTIFY; on SQLite only its 1 s poll brings them in.
Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx
import uvicorn
from sqlmodel import Session, col, select

import forecasts
from benchmarks._rescore_setup import database, percentile, seed
from predictions.access.keys import create_key
from predictions.ledger.clock import SystemClock
from predictions.ledger.tables import ClaimIndicator, Indicator, JobRun, Observation, RescoreRequest
from predictions.rescore import rescore_claim
from predictions.rescore.repo import pending_requests
from service import jobs
from service.api.app import create_app
from service.jobs.scheduler import JOB_OUTBOX, SchedulerRunner
from service.settings import Settings


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


PORT = _free_port()


def _serve(app: object) -> uvicorn.Server:
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=PORT, log_level="warning"))  # type: ignore[arg-type]
    threading.Thread(target=server.run, daemon=True).start()
    pause = threading.Event()
    for _ in range(500):
        if server.started:
            return server
        pause.wait(0.02)
    raise SystemExit("uvicorn did not start")


ROOT = Path(__file__).resolve().parents[1]


@contextmanager
def _separate(url: str, engine: object) -> Iterator[None]:
    """``predtrack serve --no-scheduler`` and ``predtrack scheduler`` in processes of their own, both ready."""
    env = {**os.environ, "PREDTRACK_DATABASE_URL": url, "PYTHONPATH": str(ROOT), "PREDTRACK_WORKERS": "1"}
    cli = [sys.executable, "-m", "service.cli"]
    processes = []
    try:
        for args, ready in (
            (["serve", "--no-scheduler", "--port", str(PORT)], "Uvicorn running on"),
            (["scheduler"], " active"),
        ):
            process = subprocess.Popen(
                [*cli, *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
            )
            processes.append(process)
            assert process.stderr is not None
            for line in process.stderr:  # block on the process's own log until it is ready
                if ready in line:
                    break
            else:
                raise SystemExit(f"{args[0]} exited with {process.wait()}")
            threading.Thread(target=process.stderr.read, daemon=True).start()  # keep draining its log
        pause = threading.Event()
        for _ in range(3000):  # the scheduler's start-up pass over the outbox
            with Session(engine) as session:  # type: ignore[call-overload]
                if not pending_requests(session, limit=1):
                    break
            pause.wait(0.01)
        yield
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=30)


def _breakdown(engine: object, marks: list[tuple[datetime, float, float]]) -> dict[str, float]:
    """Median milliseconds of each leg, matching every run with the outbox job run that served it."""
    with Session(engine) as session:  # type: ignore[call-overload]
        runs = session.exec(
            select(JobRun).where(JobRun.job == JOB_OUTBOX, JobRun.requests > 0).order_by(col(JobRun.started_at))
        ).all()
    legs: dict[str, list[float]] = {"post": [], "to_job": [], "job": [], "to_seen": []}
    for sent, posted, seen in marks:
        served = [r for r in runs if sent <= r.started_at <= sent + timedelta(seconds=seen)]
        if len(served) != 1:
            continue  # a start-up or fallback run in between: leave this run out of the breakdown
        job = served[0]
        to_job = (job.started_at - sent).total_seconds()
        took = (job.finished_at - job.started_at).total_seconds()
        for leg, value in (("post", posted), ("to_job", to_job), ("job", took), ("to_seen", seen - to_job - took)):
            legs[leg].append(value * 1000)
    return {leg: round(percentile(values, 0.5), 1) for leg, values in legs.items() if values}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--via", choices=["direct", "http"], default="direct")
    parser.add_argument("--no-wake", action="store_true", help="rely on the 1 s outbox poll")
    parser.add_argument(
        "--separate", action="store_true", help="serve --no-scheduler + predtrack scheduler as two processes"
    )
    parser.add_argument("--database-url", default=None, help="default: a new SQLite file")
    parser.add_argument("--poll-ms", type=float, default=10.0, help="pause between history polls")
    args = parser.parse_args()

    url, engine = database(args.database_url)
    settings = Settings(database_url=url)
    clock = SystemClock()
    [claim_id] = seed(engine, indicators=1)
    with Session(engine) as session:
        link = session.exec(select(ClaimIndicator).where(ClaimIndicator.claim_id == claim_id)).one()
        indicator = session.get(Indicator, link.indicator_id)
        assert indicator is not None
        key, indicator_id = indicator.key, link.indicator_id
        secret = create_key(session, role="researcher", name="bench", clock=clock).secret
        rescore_claim(session, claim_id=claim_id, clock=clock, reason="bench start", n_paths=1000)
        session.commit()

    if args.separate and args.via != "http":
        raise SystemExit("--separate needs --via http (the scheduler runs in another process)")
    server, runner = None, None
    if not args.separate:
        server = _serve(create_app(engine=engine, settings=settings))
        runner = SchedulerRunner(engine=engine, settings=settings)
        runner.start()
        assert runner.active
        if args.no_wake:
            jobs.remove_wake_listener(runner.wake)
    separate = _separate(url, engine) if args.separate else nullcontext()
    separate.__enter__()
    client = httpx.Client(base_url=f"http://127.0.0.1:{PORT}", headers={"Authorization": f"Bearer {secret}"})
    pause = threading.Event()
    latencies = []
    marks: list[tuple[datetime, float, float]] = []  # per run: POST sent (UTC), its round trip, seen (s)
    try:
        for run in range(args.runs):
            before = client.get(f"/api/v1/claims/{claim_id}/history?limit=1").json()["total"]
            value = 5.0 + 0.05 * (run % 7)
            sent = datetime.now(UTC)
            started = time.perf_counter()
            if args.via == "http":
                answer = client.post(
                    f"/api/v1/indicators/{key}/observations",
                    json={"observations": [{"period": "2025-12", "value": value}]},
                )
                answer.raise_for_status()
                posted = time.perf_counter() - started
            else:
                with Session(engine) as session:
                    now = datetime.now(UTC)
                    session.add(
                        Observation(
                            indicator_id=indicator_id,
                            period="2025-12",
                            period_start=date(2025, 12, 1),
                            value=value,
                            as_of=now,
                        )
                    )
                    session.add(
                        RescoreRequest(indicator_id=indicator_id, reason=f"new data: {key} 2025-12", requested_at=now)
                    )
                    session.commit()
                jobs.wake()
                posted = time.perf_counter() - started
            while client.get(f"/api/v1/claims/{claim_id}/history?limit=1").json()["total"] == before:
                if time.perf_counter() - started > 30:
                    raise SystemExit(f"run {run}: no new snapshot after 30 s")
                pause.wait(args.poll_ms / 1000)
            latencies.append(time.perf_counter() - started)
            marks.append((sent, posted, latencies[-1]))
    finally:
        client.close()
        separate.__exit__(None, None, None)
        if runner is not None:
            runner.stop()
        if server is not None:
            server.should_exit = True
    print(
        json.dumps(
            {
                "benchmark": "rescore_latency",
                "date": datetime.now(UTC).isoformat(timespec="seconds"),
                "database": engine.dialect.name,
                "via": args.via,
                "wake": not args.no_wake,
                "layout": "serve --no-scheduler + predtrack scheduler" if args.separate else "predtrack serve",
                "runs": len(latencies),
                "points": 240,
                "n_paths": settings.forecast_paths,
                "engine_version": forecasts.ENGINE_VERSION,
                "p50_seconds": round(percentile(latencies, 0.5), 3),
                "p95_seconds": round(percentile(latencies, 0.95), 3),
                "max_seconds": round(max(latencies), 3),
                "poll_ms": args.poll_ms,
                "median_ms": _breakdown(engine, marks),
            }
        )
    )


if __name__ == "__main__":
    main()
