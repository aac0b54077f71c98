"""The shared big-ledger builder: exact counts, the same rows for the same seed, and readable by the app."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from fastapi.testclient import TestClient

from benchmarks.big_ledger import Sizes, build, prepare_database
from service.api.app import create_app
from service.settings import Settings

SMALL = Sizes(claims=60, indicators=8, observations=800, snapshots=240, sources=3)


def _dump(url: str) -> list[tuple]:
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        rows = []
        for table in ("claim", "observation", "probability_snapshot", "claim_indicator", "claim_tag"):
            rows += [(table, *row) for row in connection.execute(sa.text(f"SELECT * FROM {table} ORDER BY 1, 2"))]
    engine.dispose()
    return rows


def test_sizes_are_exact_and_the_seed_decides_every_row(tmp_path: Path) -> None:
    urls = [f"sqlite:///{tmp_path / name}.db" for name in ("a", "b", "c")]
    ledgers = [build(prepare_database(url), sizes=SMALL, seed=seed) for url, seed in zip(urls, (7, 7, 8), strict=True)]
    assert ledgers[0].counts["claim"] == 60 and ledgers[0].counts["indicator"] == 8
    assert ledgers[0].counts["observation"] == 800 and ledgers[0].counts["probability_snapshot"] == 240
    assert _dump(urls[0]) == _dump(urls[1])
    assert _dump(urls[0]) != _dump(urls[2])


def test_the_app_reads_the_built_ledger(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'big.db'}"
    engine = prepare_database(url)
    ledger = build(engine, sizes=SMALL, seed=0)
    client = TestClient(create_app(engine=engine, settings=Settings(database_url=url)))
    listing = client.get("/api/v1/claims", params={"limit": 50}).json()
    assert listing["total"] == 60 and len(listing["items"]) == 50
    claim = client.get(f"/api/v1/claims/{ledger.rule_claim_ids[0]}").json()
    assert claim["rule"]["indicator"] in ledger.indicator_keys
    history = client.get(f"/api/v1/claims/{ledger.rule_claim_ids[0]}/history").json()
    assert len(history["items"]) == 4 and claim["probability"] == history["items"][-1]["probability"]
    engine.dispose()
