"""Issue 4's researcher workflow end to end over real HTTP: `predtrack serve` with its scheduler, nothing mocked."""

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import numpy as np
import pytest

from forecasts.periods import Frequency, format_period, period_of, shift
from tests.service.conftest import cli_key, running_server
from tests.service.fresh_db import eventually


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[httpx.Client, httpx.Client]]:
    """A served ledger and two clients: the public one and a researcher's (key made with the real CLI)."""
    with running_server(tmp_path) as url:
        key = cli_key(tmp_path)
        with (
            httpx.Client(base_url=url + "/api/v1", timeout=60) as public,
            httpx.Client(
                base_url=url + "/api/v1", timeout=60, headers={"Authorization": f"Bearer {key}"}
            ) as researcher,
        ):
            yield public, researcher


def test_data_in_probabilities_out_claims_resolve_and_scores_appear(server) -> None:
    public, researcher = server
    today = datetime.now(UTC).date()
    # The series ends last month, so that "next month" (the deciding value) is this month: a period that has
    # not started yet is refused (a value cannot be known before its period begins).
    last_month = shift(period_of(today, Frequency.MONTHLY), -1, Frequency.MONTHLY)
    first = shift(last_month, -240, Frequency.MONTHLY)
    rng = np.random.default_rng(7)
    history = 50 + np.cumsum(rng.normal(0, 0.5, 240))
    months = [format_period(shift(first, i, Frequency.MONTHLY), Frequency.MONTHLY) for i in range(240)]

    # 1. an indicator and its history
    assert (
        researcher.post("/indicators", json={"key": "ana_index", "name": "Ana index", "frequency": "M"}).status_code
        == 201
    )
    bad = researcher.post(
        "/indicators/ana_index/observations", json={"observations": [{"period": "2024-13", "value": 1}]}
    )
    assert bad.status_code == 400 and "2024-13" in bad.json()["detail"]
    posted = researcher.post(
        "/indicators/ana_index/observations",
        json={"observations": [{"period": p, "value": float(v)} for p, v in zip(months, history, strict=True)]},
    ).json()
    assert posted == {"inserted": 240, "revised": 0, "unchanged": 0}

    # 2. a claim with a rule gets a probability by itself
    horizon_end = format_period(shift(last_month, 6, Frequency.MONTHLY), Frequency.MONTHLY)
    level = float(history[-1])
    claim = researcher.post(
        "/claims",
        json={
            "statement": f"Ana index above {level:.1f} in {horizon_end}",
            "quote": "The index will keep rising.",
            "author": "Some Analyst",
            "made_on": today.isoformat(),
            "deadline": (today + timedelta(days=200)).isoformat(),
            "resolution_criteria": "the index's value for the last month of the window",
            "rule": {
                "indicator": "ana_index",
                "op": ">",
                "threshold": level,
                "aggregate": "last",
                "window_end": horizon_end,
            },
        },
    ).json()
    assert eventually(lambda: public.get(f"/claims/{claim['id']}").json()["probability"] is not None, timeout=60)
    before = public.get(f"/claims/{claim['id']}").json()["probability"]
    assert 0.2 < before < 0.8

    # 3. new data moves it, and the history says why
    this_month = format_period(last_month, Frequency.MONTHLY)
    an_hour_ago = datetime.now(UTC) - timedelta(hours=1)
    jump = researcher.post(
        "/indicators/ana_index/observations",
        json={"observations": [{"period": this_month, "value": level + 15, "as_of": an_hour_ago.isoformat()}]},
    ).json()
    assert jump["inserted"] == 1
    assert eventually(lambda: public.get(f"/claims/{claim['id']}").json()["probability"] != before, timeout=60)
    after = public.get(f"/claims/{claim['id']}").json()["probability"]
    assert after > before
    history_items = public.get(f"/claims/{claim['id']}/history").json()["items"]
    # The reason explains the move: what arrived against the previous forecast's median (predictions.rescore.explain).
    assert len(history_items) == 2 and history_items[-1]["reason"].startswith(f"Ana index for {this_month} came in at")

    # 4. the decisive figure resolves a claim by itself
    decided = researcher.post(
        "/claims",
        json={
            "statement": "Ana index above 1000 at any point in the next months",
            "quote": "It will explode.",
            "author": "Another Analyst",
            "made_on": today.isoformat(),
            "deadline": (today + timedelta(days=200)).isoformat(),
            "resolution_criteria": "any month of the window above 1000",
            "rule": {
                "indicator": "ana_index",
                "op": ">",
                "threshold": 1000,
                "aggregate": "any",
                "window_start": this_month,
                "window_end": horizon_end,
            },
        },
    ).json()
    assert eventually(lambda: public.get(f"/claims/{decided['id']}").json()["probability"] is not None, timeout=60)
    assert public.get(f"/claims/{decided['id']}").json()["status"] == "open"
    next_month = format_period(shift(last_month, 1, Frequency.MONTHLY), Frequency.MONTHLY)
    researcher.post(
        "/indicators/ana_index/observations", json={"observations": [{"period": next_month, "value": 1234}]}
    )
    assert eventually(lambda: public.get(f"/claims/{decided['id']}").json()["status"] == "resolved_true", timeout=60)
    resolution = public.get(f"/claims/{decided['id']}").json()["resolution"]
    assert resolution["resolved_by"] == "auto" and "1234" in resolution["evidence"]

    # 5. a revision keeps both values; the old one through as_of
    revision = researcher.post(
        "/indicators/ana_index/observations", json={"observations": [{"period": this_month, "value": level + 16}]}
    ).json()
    assert revision == {"inserted": 0, "revised": 1, "unchanged": 0}
    now_values = public.get("/indicators/ana_index/observations").json()["items"]
    then_values = public.get(
        "/indicators/ana_index/observations", params={"as_of": (an_hour_ago + timedelta(minutes=1)).isoformat()}
    ).json()["items"]
    assert {o["period"]: o["value"] for o in now_values}[this_month] == pytest.approx(level + 16)
    assert {o["period"]: o["value"] for o in then_values}[this_month] == pytest.approx(level + 15)

    # 6. a claim no data decides is resolved by hand, with evidence
    court = researcher.post(
        "/claims",
        json={
            "statement": "A court accepts the case by next year",
            "quote": "A case will reach the courts.",
            "author": "Some Analyst",
            "made_on": (today - timedelta(days=300)).isoformat(),
            "deadline": (today + timedelta(days=60)).isoformat(),
            "resolution_criteria": "a court accepts the case",
            "prior": 0.4,
        },
    ).json()
    assert eventually(lambda: public.get(f"/claims/{court['id']}").json()["probability"] is not None, timeout=60)
    unauthorised = public.post(f"/claims/{court['id']}/resolve", json={"outcome": "true", "evidence": "x"})
    assert unauthorised.status_code == 401
    resolved = researcher.post(
        f"/claims/{court['id']}/resolve", json={"outcome": "true", "evidence": "Court filing no. 123, reported widely"}
    )
    assert resolved.status_code == 201
    assert public.get(f"/claims/{court['id']}").json()["status"] == "resolved_true"

    # 7. the scores
    scores = public.get("/scores", params={"by": "author"}).json()["items"]
    analyst = [s for s in scores if s["group"] == "Some Analyst"]
    assert analyst and all(s["n"] >= 1 and s["brier"] is not None for s in analyst)
