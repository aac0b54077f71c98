"""predtrack forecast / backtest on small files, and their answers to bad input."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from service.cli import app
from service.cli import forecasting as _forecasting  # noqa: F401  (registers the commands)

runner = CliRunner()


def _write(
    path: Path, rows: list[tuple[str, str, str, str, float]], header: str = "series_id,frequency,split,ds,y"
) -> Path:
    with path.open("w") as handle:
        handle.write(header + "\n")
        for row in rows:
            handle.write(",".join(str(c) for c in row) + "\n")
    return path


@pytest.fixture
def data(tmp_path: Path) -> Path:
    rng = np.random.default_rng(0)
    rows = []
    for i in range(24):
        split = "test" if i >= 18 else "train"
        rows.append(("Y1", "Yearly", split, f"{1990 + i}-01-01", 100 + 3 * i + float(rng.normal(0, 2))))
    for i in range(40):
        split = "test" if i >= 32 else "train"
        month = f"{2000 + i // 12}-{i % 12 + 1:02d}-01"
        rows.append(("M1", "M", split, month, 50 + 10 * np.sin(i / 2) + float(rng.normal(0, 1))))
    return _write(tmp_path / "series.csv", rows)


def test_forecast_writes_every_horizon_with_quantiles(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["forecast", "--data", str(data), "--out", str(out), "--jobs", "1", "--paths", "100"])
    assert result.exit_code == 0, result.output
    with out.open() as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == [
        "series_id",
        "ds",
        "model",
        "mean",
        "q0.025",
        "q0.05",
        "q0.1",
        "q0.5",
        "q0.9",
        "q0.95",
        "q0.975",
    ]
    assert [r["ds"] for r in rows if r["series_id"] == "Y1"] == [f"{2008 + i}-01-01" for i in range(6)]
    assert sum(r["series_id"] == "M1" for r in rows) == 18
    for r in rows:
        assert float(r["q0.025"]) <= float(r["q0.5"]) <= float(r["q0.975"])


def test_forecast_horizon_and_model_options(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    args = ["forecast", "--data", str(data), "--out", str(out), "--horizon", "2", "--model", "naive", "--jobs", "2"]
    result = runner.invoke(app, [*args, "--paths", "50"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open()))
    assert len(rows) == 4 and {r["model"] for r in rows} == {"naive"}


def test_backtest_prints_the_table(data: Path) -> None:
    result = runner.invoke(
        app, ["backtest", "--data", str(data), "--models", "auto,naive", "--jobs", "1", "--paths", "100"]
    )
    assert result.exit_code == 0, result.output
    for word in ("OWA", "sMAPE", "MASE", "cov80", "cov95", "MSIS", "seconds", "Yearly", "Monthly", "naive2"):
        assert word in result.stdout


def test_help_explains_the_file_format() -> None:
    result = runner.invoke(app, ["forecast", "--help"])
    assert result.exit_code == 0
    assert "series_id" in result.output and "Quarterly" in result.output


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("series_id,ds,y\nA,2000-01-01,1\n", "lacks column(s) frequency"),
        ("series_id,frequency,split,ds,y\nA,Fortnightly,train,2000-01-01,1\n", "unknown frequency"),
    ],
)
def test_bad_files_give_a_clear_message(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content)
    result = runner.invoke(app, ["forecast", "--data", str(path), "--out", str(tmp_path / "o.csv")])
    assert result.exit_code == 2
    assert message in result.output
    assert not (tmp_path / "o.csv").exists()


def test_missing_file_and_unknown_model(tmp_path: Path, data: Path) -> None:
    result = runner.invoke(app, ["forecast", "--data", str(tmp_path / "nope.csv"), "--out", str(tmp_path / "o.csv")])
    assert result.exit_code == 2 and "does not exist" in result.output
    result = runner.invoke(app, ["backtest", "--data", str(data), "--models", "auto,magic"])
    assert result.exit_code == 2 and "unknown model 'magic'" in result.output


def _paths(data: Path, out: Path, *extra: str) -> list[dict[str, str]]:
    args = ["forecast", "--data", str(data), "--out", str(out.with_suffix(".q.csv")), "--paths-out", str(out)]
    result = runner.invoke(app, [*args, "--jobs", "1", *extra])
    assert result.exit_code == 0, result.output
    with out.open() as handle:
        return list(csv.DictReader(handle))


def test_paths_out_writes_every_path_of_every_series(data: Path, tmp_path: Path) -> None:
    rows = _paths(data, tmp_path / "paths.csv", "--paths", "30")
    assert list(rows[0]) == ["series_id", "path", "ds", "value"]
    # Y1: 30 paths x 6 years; M1: 30 paths x 18 months; each path lists its periods in order.
    assert len(rows) == 30 * 6 + 30 * 18
    y1 = [r for r in rows if r["series_id"] == "Y1"]
    assert sorted({int(r["path"]) for r in y1}) == list(range(30))
    assert [r["ds"] for r in y1 if r["path"] == "7"] == [f"{2008 + i}-01-01" for i in range(6)]
    # The quantile file's mean is the mean of the written paths.
    quantiles = list(csv.DictReader((tmp_path / "paths.q.csv").open()))
    first = next(q for q in quantiles if q["series_id"] == "Y1")
    values = [float(r["value"]) for r in y1 if r["ds"] == first["ds"]]
    assert np.mean(values) == pytest.approx(float(first["mean"]), rel=1e-4)


def test_paths_are_identical_with_the_same_seed_and_differ_with_another(data: Path, tmp_path: Path) -> None:
    a = _paths(data, tmp_path / "a.csv", "--paths", "20", "--seed", "5")
    b = _paths(data, tmp_path / "b.csv", "--paths", "20", "--seed", "5")
    c = _paths(data, tmp_path / "c.csv", "--paths", "20", "--seed", "6")
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
    assert [r["value"] for r in a] != [r["value"] for r in c]
    assert [(r["series_id"], r["path"], r["ds"]) for r in a] == [(r["series_id"], r["path"], r["ds"]) for r in c]
    del b


def test_paths_out_must_not_overwrite_the_quantiles(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["forecast", "--data", str(data), "--out", str(out), "--paths-out", str(out)])
    assert result.exit_code == 2
    assert "--paths-out must name a different file" in result.output
    assert not out.exists()


def test_forecast_on_a_dask_cluster_writes_the_same_file_as_the_local_pool(
    data: Path, tmp_path: Path, dask_address: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from service.settings import get_settings

    outputs = []
    for executor in ("local", dask_address):
        monkeypatch.setenv("PREDTRACK_EXECUTOR", executor)
        get_settings.cache_clear()
        out = tmp_path / f"out-{len(outputs)}.csv"
        result = runner.invoke(
            app, ["forecast", "--data", str(data), "--out", str(out), "--jobs", "2", "--paths", "100"]
        )
        assert result.exit_code == 0, result.output
        outputs.append(out.read_bytes())
    get_settings.cache_clear()
    assert outputs[0] == outputs[1] and outputs[0].count(b"\n") > 10
