"""``predtrack ingest``, ``keys create`` and ``claims resolve`` through Typer on a real SQLite file."""

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlmodel import Session, func, select
from typer.testing import CliRunner

from predictions.access.keys import authenticate
from predictions.data.ingest import create_indicator
from predictions.ledger.clock import FixedClock
from predictions.ledger.tables import ApiKey, Claim, ClaimStatus, KeyRole, Observation
from service.cli import app, ingest, keys, resolve  # noqa: F401  (registers the commands)
from service.db import get_engine
from tests.factories import T0, make_claim


@pytest.fixture
def ledger(runner: CliRunner) -> Iterator[sa.Engine]:
    """The CLI's database, migrated, with two monthly indicators and a derived spread."""
    assert runner.invoke(app, ["keys", "create", "--role", "admin"]).exit_code == 0  # migrates the file
    engine = get_engine()
    with Session(engine) as session:
        for key in ("m2_yoy", "m1_yoy"):
            create_indicator(session, key=key, name=key, frequency="M", clock=FixedClock(T0))
        create_indicator(
            session, key="spread", name="spread", frequency="M", formula="m2_yoy - m1_yoy", clock=FixedClock(T0)
        )
        session.commit()
    yield engine


def observations(engine: sa.Engine) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(Observation)).one()


def test_keys_create_prints_the_key_alone(runner: CliRunner) -> None:
    result = runner.invoke(app, ["keys", "create", "--role", "researcher", "--name", "ann"])
    assert result.exit_code == 0
    secret = result.stdout.strip()
    assert re.fullmatch(r"pt_[0-9a-f]{12}_[A-Za-z0-9_-]+", secret) and result.stdout.count("\n") == 1
    with Session(get_engine()) as session:
        row = authenticate(session, key=secret)
        assert row is not None and row.role is KeyRole.RESEARCHER and row.name == "ann"
        assert secret not in {k.key_hash for k in session.exec(select(ApiKey)).all()}


def test_keys_create_refuses_an_unknown_role(runner: CliRunner) -> None:
    result = runner.invoke(app, ["keys", "create", "--role", "boss"])
    assert result.exit_code == 2 and result.stdout == ""
    assert "unknown role 'boss'" in result.stderr


def test_ingest_csv_then_again(runner: CliRunner, ledger: sa.Engine, tmp_path: Path) -> None:
    path = tmp_path / "data.csv"
    path.write_text(
        "indicator,period,value,as_of\nm2_yoy,2025-10,8.2,\nm2_yoy,2025-11,8.0,2025-12-15\nm1_yoy,2025-10,2.0,\n"
    )
    result = runner.invoke(app, ["ingest", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "m1_yoy: inserted 1, revised 0, unchanged 0",
        "m2_yoy: inserted 2, revised 0, unchanged 0",
        "spread (derived): inserted 1, revised 0, unchanged 0",
    ]
    assert "checking 3 observation(s)" in result.stderr
    again = runner.invoke(app, ["ingest", str(path)])
    assert "m2_yoy: inserted 0, revised 0, unchanged 2" in again.stdout
    assert observations(ledger) == 4


def test_ingest_json_list_of_batches(runner: CliRunner, ledger: sa.Engine, tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    path.write_text(
        json.dumps(
            [
                {"indicator": "m2_yoy", "observations": [{"period": "2025-10", "value": 8.2}]},
                {"indicator": "m1_yoy", "observations": [{"period": "2025-10", "value": 2, "as_of": "2025-11-20"}]},
            ]
        )
    )
    result = runner.invoke(app, ["ingest", str(path)])
    assert result.exit_code == 0, result.output
    assert "spread (derived): inserted 1" in result.stdout
    assert observations(ledger) == 3


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("bad.csv", "indicator,period,value\nm2_yoy,2025-10,8.2\nm2_yoy,2025-13,1\n", "row 3: period '2025-13'"),
        ("bad.csv", "indicator,period,value\nm2_yoy,2025-10,\n", "row 2: value '' is not a number"),
        ("bad.csv", "indicator,period,value\nghost,2025-10,1\n", "unknown indicator(s) 'ghost'"),
        ("bad.csv", "indicator,period,value\nspread,2025-10,1\n", "'spread' is derived"),
        ("bad.csv", "series,period,value\nm2_yoy,2025-10,1\n", "missing indicator"),
        (
            "bad.json",
            '{"indicator": "m2_yoy", "observations": [{"period": "2025-10", "value": "x"}]}',
            "row 1: value 'x'",
        ),
        ("bad.json", '{"observations": []}', 'item 1 must look like {"indicator"'),
        ("bad.json", "{not json", "bad.json: Expecting property name"),
        ("bad.txt", "whatever", "cannot tell the format"),
    ],
)
def test_a_bad_file_writes_nothing(
    runner: CliRunner, ledger: sa.Engine, tmp_path: Path, name: str, text: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(text)
    result = runner.invoke(app, ["ingest", str(path)])
    assert result.exit_code != 0
    assert message in result.stderr
    assert observations(ledger) == 0


def test_claims_resolve(runner: CliRunner, ledger: sa.Engine) -> None:
    with Session(ledger) as session:
        claim_id = make_claim(session, made_on=date(2024, 5, 1)).id
        session.commit()
    result = runner.invoke(
        app,
        [
            "claims",
            "resolve",
            str(claim_id),
            "--outcome",
            "false",
            "--evidence",
            "no case",
            "--resolved-on",
            "2025-01-02",
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"claim {claim_id} resolved false on 2025-01-02"
    with Session(ledger) as session:
        assert session.get(Claim, claim_id).status is ClaimStatus.RESOLVED_FALSE  # type: ignore[union-attr]
    again = runner.invoke(app, ["claims", "resolve", str(claim_id), "--outcome", "true", "--evidence", "e"])
    assert again.exit_code == 1 and "already resolved" in again.stderr
    bad_date = runner.invoke(
        app, ["claims", "resolve", str(claim_id), "--outcome", "true", "--evidence", "e", "--resolved-on", "soon"]
    )
    assert bad_date.exit_code == 2 and "not a date" in bad_date.stderr
