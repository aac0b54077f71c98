"""Export (API and CLI) and its round trip through `predtrack claims import` into a fresh ledger."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

from fastapi.testclient import TestClient
from sqlmodel import Session
from typer.testing import CliRunner

from predictions.seed.seed import load_seed
from service.cli import app
from service.cli import export as _export  # noqa: F401 - registers the command
from service.cli import ledger as _ledger  # noqa: F401
from tests.factories import make_claim


def test_json_and_csv_exports_carry_every_claim_with_history(client: TestClient, session: Session, clock) -> None:
    load_seed(session, clock=clock)
    make_claim(session, statement="Another claim", made_on=date(2024, 1, 1), prior=0.2)
    listing = client.get("/api/v1/claims", params={"limit": 1000}).json()
    exported = client.get("/api/v1/export/claims.json")
    assert exported.status_code == 200 and exported.headers["content-type"].startswith("application/json")
    body = exported.json()
    assert body["format"] == "predtrack-claims-export/2"
    assert [s["title"] for s in body["sources"]] == [s["title"] for s in client.get("/api/v1/sources").json()["items"]]
    assert sorted(c["id"] for c in body["claims"]) == sorted(c["id"] for c in listing["items"])
    for item in body["claims"]:
        assert {"resolution", "checks", "history", "rule", "tags", "quote", "resolutions", "human_forecasts"} <= set(
            item
        )
        history = client.get(f"/api/v1/claims/{item['id']}/history", params={"limit": 1000}).json()
        assert [h["probability"] for h in item["history"]] == [h["probability"] for h in history["items"]]
    rows = list(csv.DictReader(io.StringIO(client.get("/api/v1/export/claims.csv").text)))
    assert len(rows) == listing["total"] and rows[0]["statement"]


def test_export_dir_round_trips_through_claims_import(runner: CliRunner, tmp_path: Path, monkeypatch) -> None:
    assert runner.invoke(app, ["seed"]).exit_code == 0
    out = tmp_path / "out"
    result = runner.invoke(app, ["export", str(out)])
    assert result.exit_code == 0, result.output
    exported = json.loads((out / "claims.json").read_text())["claims"]
    assert (out / "claims.csv").read_text().count("\n") >= len(exported)

    # A fresh ledger that has the indicators (the seed's) but none of the claims.
    monkeypatch.setenv("PREDTRACK_DATABASE_URL", f"sqlite:///{tmp_path / 'fresh.db'}")
    from service.db import get_engine
    from service.settings import get_settings

    get_settings.cache_clear()
    get_engine.cache_clear()
    from predictions.ledger.clock import SystemClock
    from predictions.seed.seed import _load_indicators as load_indicators  # the seed without its claims
    from service.cli.common import open_ledger

    with open_ledger() as session:
        load_indicators(session, clock=SystemClock())
    imported = runner.invoke(app, ["claims", "import", str(out / "claims.json")])
    assert imported.exit_code == 0, imported.output
    listed = json.loads(runner.invoke(app, ["claims", "list", "--format", "json"]).output)
    again = listed["items"] if isinstance(listed, dict) else listed
    fields = ("statement", "quote", "author", "made_on", "deadline", "tags", "rule", "resolution_criteria")
    key = lambda c: c["statement"]  # noqa: E731
    before = sorted(({f: c[f] for f in fields} for c in exported), key=key)
    after = sorted(({f: c[f] for f in fields} for c in again), key=key)
    assert after == before
    hand_resolved = {c["statement"]: c["resolution"]["outcome"] for c in exported
                     if c["resolution"] and c["resolution"]["resolved_by"] != "auto"}  # fmt: skip
    for claim in again:
        if claim["statement"] in hand_resolved:
            assert claim["resolution"]["outcome"] == hand_resolved[claim["statement"]]


def test_a_first_version_export_still_imports_its_claims(runner: CliRunner, tmp_path: Path) -> None:
    assert runner.invoke(app, ["seed"]).exit_code == 0
    assert runner.invoke(app, ["export", str(tmp_path / "out")]).exit_code == 0
    document = json.loads((tmp_path / "out" / "claims.json").read_text())
    old = {"format": "predtrack-claims-export/1", "claims": [{**c, "statement": c["statement"] + " (v1)"}
                                                            for c in document["claims"]]}  # fmt: skip
    (tmp_path / "v1.json").write_text(json.dumps(old))
    imported = runner.invoke(app, ["claims", "import", str(tmp_path / "v1.json")])
    assert imported.exit_code == 0, imported.output
    listed = json.loads(runner.invoke(app, ["claims", "list", "--format", "json"]).output)
    items = listed["items"] if isinstance(listed, dict) else listed
    assert sum(c["statement"].endswith(" (v1)") for c in items) == len(document["claims"])
