"""kill -9 in the middle of a re-score: nothing half-written, the work still pending, and it runs again."""

import os
import select
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, func
from sqlmodel import select as sql_select

from predictions.ledger.tables import Claim, ProbabilitySnapshot, RescoreRequest, Resolution
from tests.service.fresh_db import fresh_engine, fresh_url, seed_rule_claims  # noqa: F401

ROOT = Path(__file__).resolve().parents[3]


def _child(url: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.service.jobs.rescore_child", url, *args],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: the kill below takes its helper processes too
    )


def _wait_for_line(process: subprocess.Popen[str], *, timeout: float = 60) -> str:
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], timeout)
    assert ready, "the child did not report in time"
    return process.stdout.readline().strip()


def _ledger(engine: Engine) -> dict[str, int]:
    with Session(engine) as session:

        def count(model: type, *where: object) -> int:
            return int(session.exec(sql_select(func.count()).select_from(model).where(*where)).one())  # type: ignore[arg-type]

        return {
            "snapshots": count(ProbabilitySnapshot),
            "pending": count(RescoreRequest, col(RescoreRequest.done_at).is_(None)),
            "resolutions": count(Resolution),
            "scored_claims": count(Claim, col(Claim.probability).is_not(None)),
        }


@pytest.mark.parametrize("mode", ["pending", "all"])
def test_killed_mid_rescore_leaves_a_consistent_ledger_and_runs_again(
    fresh_url: str,  # noqa: F811
    fresh_engine: Engine,  # noqa: F811
    mode: str,
) -> None:
    claim_ids = seed_rule_claims(fresh_engine, n=3)
    victim = _child(fresh_url, mode, "--pause")
    try:
        assert _wait_for_line(victim) == "ready"  # one snapshot flushed, nothing committed
        # The whole group, as when a machine or a container goes down: killing the child alone left the forecasting
        # pool's forkserver (started by the child) running after the test, orphaned.
        os.killpg(victim.pid, signal.SIGKILL)
        assert victim.wait(timeout=30) == -signal.SIGKILL
    finally:
        if victim.poll() is None:
            victim.kill()
    assert _ledger(fresh_engine) == {"snapshots": 0, "pending": 3, "resolutions": 0, "scored_claims": 0}

    rerun = _child(fresh_url, mode)
    out, _ = rerun.communicate(timeout=120)
    assert rerun.returncode == 0 and out.strip() == "done 3"
    expected_pending = 0 if mode == "pending" else 3  # the full re-score leaves the outbox to the outbox job
    assert _ledger(fresh_engine) == {
        "snapshots": 3,
        "pending": expected_pending,
        "resolutions": 0,
        "scored_claims": 3,
    }
    with Session(fresh_engine) as session:
        for claim_id in claim_ids:
            claim = session.get(Claim, claim_id)
            [snapshot] = session.exec(sql_select(ProbabilitySnapshot).where(ProbabilitySnapshot.claim_id == claim_id))
            assert claim is not None and claim.probability == snapshot.probability
