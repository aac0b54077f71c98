"""``predtrack rescore`` and ``predtrack scheduler`` as real processes."""

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

from sqlalchemy import delete
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, func, select

from predictions.ledger.tables import ClaimChart, ProbabilitySnapshot, RescoreRequest
from tests.factories import T0
from tests.service.fresh_db import eventually, fresh_engine, fresh_url, seed_rule_claims  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]


def _env(url: str) -> dict[str, str]:
    return {**os.environ, "PREDTRACK_DATABASE_URL": url, "PREDTRACK_FORECAST_PATHS": "100", "PREDTRACK_WORKERS": "1"}


def _cli(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "service.cli", *args],
        cwd=ROOT,
        env=_env(url),
        capture_output=True,
        text=True,
        timeout=120,
    )


def _count(engine: Engine, model: type, *where: object) -> int:
    with Session(engine) as session:
        return int(session.exec(select(func.count()).select_from(model).where(*where)).one())  # type: ignore[arg-type]


def test_rescore_commands(fresh_url: str, fresh_engine: Engine) -> None:  # noqa: F811
    claim_ids = seed_rule_claims(fresh_engine, n=3)
    one = _cli(fresh_url, "rescore", "--claim", str(claim_ids[0]))
    assert one.returncode == 0, one.stderr
    assert one.stdout.startswith(f"claim {claim_ids[0]}: P=0.") and "snapshot written" in one.stdout
    every = _cli(fresh_url, "rescore", "--all")
    assert every.returncode == 0, every.stderr
    assert "3 claims re-scored: 2 snapshots" in every.stdout and "re-scored 3/3" in every.stderr
    pending = _cli(fresh_url, "rescore", "--pending")
    assert pending.returncode == 0 and pending.stdout.strip() == "3 requests: 3 claims re-scored, 0 snapshots"
    assert _count(fresh_engine, RescoreRequest, col(RescoreRequest.done_at).is_(None)) == 0


def test_rescore_charts_draws_the_charts_missing_from_claims_scored_before_they_were_kept(
    fresh_url: str,  # noqa: F811
    fresh_engine: Engine,  # noqa: F811
) -> None:
    seed_rule_claims(fresh_engine, n=3, pending=False)
    assert _cli(fresh_url, "rescore", "--all").returncode == 0
    assert _count(fresh_engine, ClaimChart) == 3  # kept by the re-score itself
    with Session(fresh_engine) as session:
        session.execute(delete(ClaimChart))  # as before migration 0018
        session.commit()
    drawn = _cli(fresh_url, "rescore", "--charts")
    assert drawn.returncode == 0 and drawn.stdout.strip() == "3 claim charts drawn" and "charts 3/3" in drawn.stderr
    assert _count(fresh_engine, ClaimChart) == 3
    assert _cli(fresh_url, "rescore", "--charts").stdout.strip() == "0 claim charts drawn"
    assert _cli(fresh_url, "rescore", "--charts", "--all").returncode == 2


def test_rescore_refuses_bad_input(fresh_url: str) -> None:  # noqa: F811
    unknown = _cli(fresh_url, "rescore", "--claim", "4242")
    assert unknown.returncode == 1 and "claim 4242 does not exist" in unknown.stderr
    nothing = _cli(fresh_url, "rescore")
    assert nothing.returncode == 2 and "--claim ID, --all or --pending" in nothing.stderr
    both = _cli(fresh_url, "rescore", "--all", "--pending")
    assert both.returncode == 2


class _Scheduler:
    """A ``predtrack scheduler`` process whose stderr is collected by a thread."""

    def __init__(self, url: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "service.cli", "scheduler"],
            cwd=ROOT,
            env=_env(url),
            stderr=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            text=True,
        )
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.append(line)

    def said(self, text: str) -> bool:
        return any(text in line for line in self.lines)

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=60)


def test_two_scheduler_processes_only_one_acts_and_the_other_takes_over(
    fresh_url: str,  # noqa: F811
    fresh_engine: Engine,  # noqa: F811
) -> None:
    first, second = _Scheduler(fresh_url), _Scheduler(fresh_url)
    try:
        started = lambda s: s.said(" active") or s.said("waiting for the lock")  # noqa: E731
        assert eventually(lambda: started(first) and started(second), timeout=60)
        leaders = [s for s in (first, second) if s.said(" active")]
        assert len(leaders) == 1
        leader, standby = leaders[0], (second if leaders[0] is first else first)
        claim_ids = seed_rule_claims(fresh_engine, n=2)
        # No wake across processes: the leader's 1 s outbox poll finds the work.
        assert eventually(lambda: _count(fresh_engine, RescoreRequest, col(RescoreRequest.done_at).is_(None)) == 0)
        for claim_id in claim_ids:
            assert _count(fresh_engine, ProbabilitySnapshot, ProbabilitySnapshot.claim_id == claim_id) == 1
        assert leader.stop() == 0  # SIGTERM: stops cleanly and lets go of the lock
        assert eventually(lambda: standby.said("holds the lock"), timeout=60)
        with Session(fresh_engine) as session:
            session.add(RescoreRequest(claim_id=claim_ids[0], reason="after take-over", requested_at=T0))
            session.commit()
        assert eventually(lambda: _count(fresh_engine, RescoreRequest, col(RescoreRequest.done_at).is_(None)) == 0)
        assert _count(fresh_engine, ProbabilitySnapshot) == 2
    finally:
        first.stop()
        second.stop()


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_serve_runs_the_scheduler_unless_told_not_to(fresh_url: str, fresh_engine: Engine) -> None:  # noqa: F811
    import httpx

    [claim_id] = seed_rule_claims(fresh_engine, n=1)
    pending = lambda: _count(fresh_engine, RescoreRequest, col(RescoreRequest.done_at).is_(None))  # noqa: E731
    for flags, expect_pending in ((["--no-scheduler"], 1), ([], 0)):
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "service.cli", "serve", "--port", str(port), *flags],
            cwd=ROOT,
            env=_env(fresh_url),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:

            def healthy(port: int = port) -> bool:
                try:
                    return httpx.get(f"http://127.0.0.1:{port}/api/v1/health").status_code == 200
                except httpx.TransportError:
                    return False

            assert eventually(healthy, timeout=60)
            if expect_pending:
                # The API answers, and nothing consumes the outbox while it does.
                history = httpx.get(f"http://127.0.0.1:{port}/api/v1/claims/{claim_id}/history").json()
                assert history["total"] == 0 and pending() == 1
            else:
                assert eventually(lambda: pending() == 0)
                history = httpx.get(f"http://127.0.0.1:{port}/api/v1/claims/{claim_id}/history").json()
                assert history["total"] == 1 and history["items"][0]["reason"] == "new data: series_0"
        finally:
            server.send_signal(signal.SIGINT)
            assert server.wait(timeout=60) == 0
