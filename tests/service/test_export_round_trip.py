"""`predtrack export DIR` + `predtrack claims import` into a fresh ledger reproduce the ledger (issue 12).

The source ledger is the seed (a source, six claims, the PBOC series) made busy by hand: hindcasts and live
snapshots, a check, human forecasts, a resolution by a person, a retracted one, a decided condition, a second
source with a claim of its own. The fresh ledger has the same indicators and observations (the seed's data,
whose vintages are fixed) and no claims. Its own export must equal the first one once each ledger's ids are
replaced by what they stand for; a handful of fields are checked by hand too. Runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, func, select
from typer.testing import CliRunner

from predictions.claims.checks import add_check
from predictions.claims.claims import create_claim
from predictions.claims.human_forecasts import add_forecast
from predictions.claims.resolve import resolve_claim, unresolve_claim
from predictions.ledger.clock import FixedClock
from predictions.ledger.db import make_engine
from predictions.ledger.schemas import ClaimCreate, ConditionDecision
from predictions.ledger.tables import (
    Claim,
    ClaimCheck,
    ClaimEvent,
    ClaimStatus,
    HumanForecast,
    KeyRole,
    ProbabilitySnapshot,
    Resolution,
    Source,
)
from predictions.rescore import hindcast_all, rescore_all
from predictions.rescore.conditions import decide_condition
from predictions.rescore.history import verify_snapshot
from predictions.seed.seed import _load_indicators as load_indicators  # the seed's indicators and data, no claims
from predictions.seed.seed import load_seed
from service.cli import app
from service.cli import export as _export  # noqa: F401 - registers the command
from service.cli import ledger as _ledger  # noqa: F401
from service.db import get_engine
from service.settings import get_settings
from tests.conftest import BACKENDS, migrated_database

T = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
TABLES = (Source, Claim, ProbabilitySnapshot, Resolution, ClaimCheck, HumanForecast, ClaimEvent)


@pytest.fixture(params=BACKENDS)
def ledgers(
    request: pytest.FixtureRequest, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, str]]:
    """Two empty migrated databases on one backend: the source ledger and the fresh one."""
    made = [migrated_database(request.param, tmp_path / name, tmp_path_factory) for name in ("one", "two")]
    urls = [next(databases) for databases in made]
    yield urls[0], urls[1]
    for databases in made:
        next(databases, None)


def _cli(monkeypatch: pytest.MonkeyPatch, url: str, *args: str) -> Any:
    monkeypatch.setenv("PREDTRACK_DATABASE_URL", url)
    get_settings.cache_clear()
    get_engine.cache_clear()
    try:
        return CliRunner().invoke(app, list(args))
    finally:
        get_engine(url).dispose()
        get_settings.cache_clear()
        get_engine.cache_clear()


def _counts(url: str) -> dict[str, int]:
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            return {t.__name__: session.exec(select(func.count()).select_from(t)).one() for t in TABLES}
    finally:
        engine.dispose()


def _busy_ledger(engine: Engine) -> dict[str, Any]:
    """The seed with history, checks, forecasts, resolutions (one retracted) and a second source; what was done."""
    clock = FixedClock(T)
    with Session(engine) as session:
        load_seed(session, clock=clock)
        hindcast_all(session, clock=clock, n_paths=200)
        rescore_all(session, clock=clock, n_paths=200)
        claims = list(session.exec(select(Claim).order_by(Claim.id)))  # type: ignore[arg-type]
        conditional = next(c for c in claims if c.condition)
        plain = [
            c for c in claims if not c.condition and c.status in (ClaimStatus.OPEN, ClaimStatus.AWAITING_RESOLUTION)
        ]
        clock.at = T + timedelta(hours=1)
        add_check(
            session, claim_id=plain[0].id, checked_through=date(2026, 11, 15), note="no sign of it", checked_by="ana",
            clock=clock, n_paths=200,
        )  # fmt: skip
        add_forecast(session, claim_id=plain[0].id, forecaster="ana", probability=0.35, rationale="slow", clock=clock)
        add_forecast(session, claim_id=plain[1].id, forecaster="bo", probability=0.8, clock=clock)
        resolve_claim(
            session, claim_id=plain[1].id, outcome="true", evidence="it happened", resolved_by="bo",
            role=KeyRole.RESEARCHER, clock=clock, resolved_on=date(2026, 11, 10),
        )  # fmt: skip
        resolve_claim(
            session, claim_id=plain[2].id, outcome="false", evidence="too early", resolved_by="bo",
            role=KeyRole.RESEARCHER, clock=clock,
        )  # fmt: skip
        clock.at = T + timedelta(hours=2)
        unresolve_claim(session, claim_id=plain[2].id, reason="misread the table", retracted_by="admin", clock=clock)
        decide_condition(
            session, claim_id=conditional.id, decided_by="ana", role=KeyRole.RESEARCHER, clock=clock,  # type: ignore[arg-type]
            decision=ConditionDecision(met=True, evidence="IMF says so", decided_on=date(2026, 11, 1)),
        )  # fmt: skip
        other = Source(
            title="A second source", url="https://example.org/b", created_at=T, published_on=date(2025, 3, 1)
        )
        session.add(other)
        session.flush()
        create_claim(
            session,
            clock=clock,
            data=ClaimCreate(
                statement="A claim of the second source", quote="it will", author="B. Writer", source_id=other.id,
                made_on=date(2025, 3, 1), deadline=date(2027, 3, 1), resolution_criteria="by hand", prior=0.25,
                tags=["second"],
            ),
        )  # fmt: skip
        session.commit()
        return {"checked": plain[0].statement, "resolved": plain[1].statement, "retracted": plain[2].statement}


def _portable(document: dict[str, Any]) -> dict[str, Any]:
    """The export with each ledger's own ids replaced by what they stand for (positions, observation refs)."""
    source_position = {s["id"]: i for i, s in enumerate(document["sources"])}
    sources = [{k: v for k, v in s.items() if k != "id"} for s in document["sources"]]
    claims = []
    for item in document["claims"]:
        refs = item["observations"]

        def ref(obs_id: int, refs: dict[str, Any] = refs) -> tuple[str, str, str]:
            found = refs[str(obs_id)]
            return (found["indicator"], found["period"], found["as_of"])

        resolution_position = {r["id"]: i for i, r in enumerate(item["resolutions"])}
        claim = {k: v for k, v in item.items() if k not in ("id", "observations")}
        claim["source_id"] = source_position.get(item["source_id"])
        claim["resolutions"] = [
            {**{k: v for k, v in r.items() if k != "id"},
             "decisive_observation_id": ref(r["decisive_observation_id"]) if r["decisive_observation_id"] else None}
            for r in item["resolutions"]
        ]  # fmt: skip
        claim["events"] = [
            {**e, "details": {**e["details"], "resolution_id": resolution_position[e["details"]["resolution_id"]]}}
            if "resolution_id" in e["details"]
            else e
            for e in item["events"]
        ]
        claim["history"] = [
            {**h, "inputs": {**h["inputs"], "observation_ids": [ref(i) for i in h["inputs"]["observation_ids"]]}}
            if h["inputs"] and "observation_ids" in h["inputs"]
            else h
            for h in item["history"]
        ]
        claim["observations"] = sorted(ref(int(i)) for i in refs)
        claims.append(claim)
    return {"format": document["format"], "sources": sources, "claims": claims}


def test_export_then_import_reproduces_the_ledger_and_a_second_import_adds_nothing(
    ledgers: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first_url, fresh_url = ledgers
    engine = make_engine(first_url)
    try:
        done = _busy_ledger(engine)
    finally:
        engine.dispose()
    exported = _cli(monkeypatch, first_url, "export", str(tmp_path / "first"))
    assert exported.exit_code == 0, exported.output
    document = json.loads((tmp_path / "first" / "claims.json").read_text())

    engine = make_engine(fresh_url)
    try:
        with Session(engine) as session:
            load_indicators(session, clock=FixedClock(T))
            session.commit()
    finally:
        engine.dispose()
    imported = _cli(monkeypatch, fresh_url, "claims", "import", str(tmp_path / "first" / "claims.json"))
    assert imported.exit_code == 0, imported.output
    assert "imported 7 claim(s)" in imported.output and "recorded observation(s) are not" not in imported.output
    assert _cli(monkeypatch, fresh_url, "export", str(tmp_path / "again")).exit_code == 0
    again = json.loads((tmp_path / "again" / "claims.json").read_text())

    assert _portable(again) == _portable(document)
    counts = _counts(first_url)
    assert _counts(fresh_url) == counts
    assert counts["Source"] == 2 and counts["Claim"] == 7 and counts["HumanForecast"] == 2
    assert counts["Resolution"] == 3 and counts["ProbabilitySnapshot"] >= 16

    # Fields checked by hand in the fresh ledger.
    by_statement = {c["statement"]: c for c in again["claims"]}
    checked = by_statement[done["checked"]]
    assert [(c["checked_through"], c["note"], c["checked_by"]) for c in checked["checks"]] == [
        ("2026-11-15", "no sign of it", "ana")
    ]
    assert [(f["forecaster"], f["probability"], f["rationale"]) for f in checked["human_forecasts"]] == [
        ("ana", 0.35, "slow")
    ]
    resolved = by_statement[done["resolved"]]
    assert resolved["status"] == "resolved_true" and resolved["resolution"]["resolved_on"] == "2026-11-10"
    retracted = by_statement[done["retracted"]]
    assert retracted["status"] == "awaiting_resolution" and retracted["resolution"] is None
    assert [(r["outcome"], r["retraction_reason"]) for r in retracted["resolutions"]] == [
        ("false", "misread the table")
    ]
    assert [e["kind"] for e in retracted["events"]] == ["resolve", "unresolve"]
    second = by_statement["A claim of the second source"]
    assert again["sources"][second["source_id"] - again["sources"][0]["id"]]["title"] == "A second source"
    kinds = {h["kind"] for c in again["claims"] for h in c["history"]}
    assert kinds == {"live", "hindcast"}
    assert all(c["created_at"] == document["claims"][i]["created_at"] for i, c in enumerate(again["claims"]))

    # Snapshots recomputed from their recorded inputs in the fresh ledger give the recorded numbers.
    engine = make_engine(fresh_url)
    try:
        with Session(engine) as session:
            model_snapshots = list(
                session.exec(select(ProbabilitySnapshot).where(ProbabilitySnapshot.method == "model").limit(3))
            )
            assert model_snapshots
            for snapshot in model_snapshots:
                assert verify_snapshot(session, snapshot_id=snapshot.id).identical  # type: ignore[arg-type]
    finally:
        engine.dispose()

    # A second import of the same file adds nothing.
    twice = _cli(monkeypatch, fresh_url, "claims", "import", str(tmp_path / "first" / "claims.json"))
    assert twice.exit_code == 0, twice.output
    assert "imported 0 claim(s)" in twice.output and "7 claim(s) already in the ledger, skipped" in twice.output
    assert "0 new source(s), 2 already here" in twice.output
    assert _counts(fresh_url) == counts


def _bad(document: dict[str, Any], change: Any) -> dict[str, Any]:
    copy = json.loads(json.dumps(document))
    change(copy)
    return copy


@pytest.mark.parametrize(
    ("change", "needle"),
    [
        (lambda d: d["claims"][-1]["history"][0].update(probability=1.5), "claim 7 (id "),
        (lambda d: d["claims"][-1]["history"][0].update(probability=1.5), "history.0.probability"),
        (lambda d: d["claims"][3]["checks"].append({"checked_through": "2026-01-01"}), "checks.0.note: Field required"),
        (lambda d: d["claims"][0].update(created_at="2026-11-20T09:00:00"), "created_at: Input should have timezone"),
        (lambda d: d["claims"][0].update(source_id=999), "source_id 999 is not among the export's sources"),
        (lambda d: d["claims"][1]["rule"].update(indicator="nowhere"), "unknown indicator(s) nowhere"),
        (lambda d: d.update(format="predtrack-claims-export/9"), "not a predtrack-claims-export/2 document"),
        (lambda d: d.update(extra=[]), "unknown top-level field(s): extra"),
    ],
)
def test_a_bad_export_imports_nothing_and_says_why(
    ledgers: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: Any, needle: str
) -> None:
    first_url, fresh_url = ledgers
    engine = make_engine(first_url)
    try:
        with Session(engine) as session:
            load_seed(session, clock=FixedClock(T))
            hindcast_all(session, clock=FixedClock(T), n_paths=100)
            create_claim(
                session,
                clock=FixedClock(T),
                data=ClaimCreate(
                    statement="By hand", quote="q", author="a", made_on=date(2025, 1, 1), deadline=date(2027, 1, 1),
                    resolution_criteria="by hand", prior=0.3,
                ),
            )  # fmt: skip
            rescore_all(session, clock=FixedClock(T), n_paths=100)
            session.commit()
        with Session(engine := make_engine(fresh_url)) as session:
            load_indicators(session, clock=FixedClock(T))
            session.commit()
        engine.dispose()
    finally:
        engine.dispose()
    assert _cli(monkeypatch, first_url, "export", str(tmp_path / "out")).exit_code == 0
    document = json.loads((tmp_path / "out" / "claims.json").read_text())
    assert document["claims"][1]["rule"] and document["claims"][-1]["history"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(_bad(document, change)))
    before = _counts(fresh_url)
    result = _cli(monkeypatch, fresh_url, "claims", "import", str(bad))
    assert result.exit_code != 0
    assert needle in result.output and "nothing was imported" in result.output, result.output
    assert _counts(fresh_url) == before
