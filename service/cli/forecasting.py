"""``predtrack forecast`` and ``predtrack backtest``: the forecasting engine over a file of many series."""

from __future__ import annotations

import contextlib
import csv
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from service.cli import app

if TYPE_CHECKING:
    from forecasts.evaluation import Scored
    from forecasts.executor import DaskExecutor, LocalProcessExecutor, SerialExecutor
    from forecasts.longformat import Item
    from forecasts.types import Forecast

FILE_FORMAT = """
The data file is CSV in long format, one row per observation, with the header
series_id,frequency,split,ds,y (the format of m3_dev.csv):

  series_id  any text naming the series
  frequency  Yearly|Quarterly|Monthly|Weekly|Daily (or A|Q|M|W|D)
  split      train or test (optional: without it every row is train)
  ds         the period's start date (2024-01-01) or its text (2024, 2024-Q1, 2024-01)
  y          the value (empty = missing; gaps are filled by interpolation)
"""

OUTPUT_COLUMNS = ("series_id", "ds", "model", "mean", "q0.025", "q0.05", "q0.1", "q0.5", "q0.9", "q0.95", "q0.975")
PATH_COLUMNS = ("series_id", "path", "ds", "value")
DEFAULT_JOBS = os.cpu_count() or 1


def _fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(2)


def _load(data: Path) -> list[Item]:
    from forecasts.errors import SeriesError
    from forecasts.longformat import read_long

    try:
        return read_long(data)
    except SeriesError as exc:
        raise _fail(str(exc)) from None


def _check_model(name: str) -> None:
    from forecasts.models import available

    if name != "auto" and name not in available():
        raise _fail(f"unknown model {name!r}: choose auto or one of {', '.join(available())}")


def _executor(jobs: int) -> SerialExecutor | LocalProcessExecutor | DaskExecutor:
    """The executor PREDTRACK_EXECUTOR names (``local``: ``jobs`` processes; ``dask://HOST:PORT``: a cluster)."""
    from forecasts.executor import executor_for
    from service.settings import get_settings

    return executor_for(get_settings().executor, jobs=jobs)


class _Progress:
    """A line on stderr every few percent of the work."""

    def __init__(self, total: int, what: str) -> None:
        self.total, self.what, self.done, self.started = total, what, 0, time.perf_counter()
        self.step = max(1, total // 20)

    def tick(self) -> None:
        self.done += 1
        if self.done % self.step == 0 or self.done == self.total:
            elapsed = time.perf_counter() - self.started
            print(f"{self.what}: {self.done}/{self.total} ({elapsed:.0f} s)", file=sys.stderr, flush=True)


@dataclass(frozen=True)
class _Task:
    item: Item
    horizon: int | None
    model: str
    n_paths: int
    seed: int
    keep_paths: bool = False


def _paths_text(series_id: str, fc: Forecast) -> str:
    """The forecast's sample paths as ``series_id,path,ds,value`` lines (path numbered from 0, step by step)."""
    import numpy as np

    n, h = fc.paths.shape
    ids = np.repeat(np.arange(n), h).astype(str)
    days = np.tile(np.array([d.isoformat() for d in fc.period_starts()]), n)
    values = np.char.mod("%.6g", fc.paths.ravel())
    prefix = f"{series_id},"
    lines = np.char.add(np.char.add(np.char.add(np.char.add(ids, ","), days), ","), values)
    return "".join(prefix + line + "\n" for line in lines.tolist())


def _forecast_task(task: _Task) -> tuple[list[list[str]], str]:
    from forecasts import forecast
    from forecasts.types import QUANTILES

    item = task.item
    series = item.train
    h = task.horizon or series.freq.default_horizon
    fc = forecast(series, h, model=task.model, n_paths=task.n_paths, seed=task.seed)
    quantiles = [fc.quantile(q) for q in QUANTILES]
    mean = fc.mean
    rows = []
    for i, start in enumerate(fc.period_starts()):
        rows.append(
            [item.series_id, start.isoformat(), fc.model, f"{mean[i]:.6g}", *(f"{q[i]:.6g}" for q in quantiles)]
        )
    return rows, _paths_text(item.series_id, fc) if task.keep_paths else ""


@app.command(epilog=FILE_FORMAT)
def forecast(
    data: Path = typer.Option(..., "--data", help="Long-format CSV of series (see below); train rows are used."),
    out: Path = typer.Option(..., "--out", help="CSV to write: series_id,ds,model,mean,q0.025,...,q0.975."),
    horizon: int | None = typer.Option(None, "--horizon", min=1, help="Periods ahead (default A 6, Q 8, M 18)."),
    model: str = typer.Option("auto", "--model", help="auto (calibrated default) or a model name."),
    jobs: int = typer.Option(DEFAULT_JOBS, "--jobs", min=1, help="Worker processes."),
    paths: int = typer.Option(1000, "--paths", min=10, help="Sample paths per series."),
    seed: int = typer.Option(0, "--seed", help="Random seed (same inputs + seed = same output)."),
    paths_out: Path | None = typer.Option(
        None, "--paths-out", help="Also write every sample path: CSV series_id,path,ds,value (path 0..N-1)."
    ),
) -> None:
    """Forecast every series of a long-format file with calibrated quantiles (and, if asked, its sample paths).

    The series are forecast in parallel where PREDTRACK_EXECUTOR says: a pool of --jobs local processes
    (``local``, the default) or the workers of a Dask cluster (``dask://HOST:PORT``).
    """
    _check_model(model)
    if paths_out is not None and paths_out.resolve() == out.resolve():
        raise _fail("--paths-out must name a different file from --out")
    items = _load(data)
    progress = _Progress(len(items), "forecast")
    tasks = [_Task(item, horizon, model, paths, seed, keep_paths=paths_out is not None) for item in items]
    targets = [out, *([paths_out] if paths_out is not None else [])]
    parts = [t.with_name(t.name + ".part") for t in targets]
    try:
        with contextlib.ExitStack() as stack:
            handles = [stack.enter_context(p.open("w", newline="")) for p in parts]
            writer = csv.writer(handles[0])
            writer.writerow(OUTPUT_COLUMNS)
            if paths_out is not None:
                handles[1].write(",".join(PATH_COLUMNS) + "\n")
            executor = stack.enter_context(_executor(jobs))
            for rows, path_text in executor.map(_forecast_task, tasks):
                writer.writerows(rows)
                if paths_out is not None:
                    handles[1].write(path_text)
                progress.tick()
        for part, target in zip(parts, targets, strict=True):
            part.replace(target)
    except OSError as exc:
        for part in parts:
            part.unlink(missing_ok=True)
        raise _fail(f"cannot write {exc.filename or out}: {exc.strerror or exc}") from None
    typer.echo(
        f"wrote {len(items)} series to {out}" + (f" and their paths to {paths_out}" if paths_out else ""), err=True
    )


@dataclass(frozen=True)
class _BacktestTask:
    item: Item
    models: tuple[str, ...]
    n_paths: int


def _backtest_task(task: _BacktestTask) -> list[Scored]:
    from forecasts import forecast
    from forecasts.evaluation import Scored, score_forecast

    item = task.item
    series, test = item.train, item.test
    out = []
    for name in task.models:
        started = time.perf_counter()
        fc = forecast(series, len(test), model=name, n_paths=task.n_paths, seed=0)
        seconds = time.perf_counter() - started
        score = score_forecast(fc, actual=test, insample=series.values, m=series.season_length)
        out.append(Scored(name, series.freq.value, score, seconds))
    return out


@app.command(epilog=FILE_FORMAT)
def backtest(
    data: Path = typer.Option(..., "--data", help="Long-format CSV with train and test rows (see below)."),
    models: str = typer.Option("auto", "--models", help="Comma-separated model names (naive2 is always added)."),
    jobs: int = typer.Option(DEFAULT_JOBS, "--jobs", min=1, help="Worker processes."),
    paths: int = typer.Option(1000, "--paths", min=10, help="Sample paths per series."),
) -> None:
    """Forecast each series' test rows from its train rows; print sMAPE, MASE, OWA, coverage, MSIS, seconds."""
    from forecasts.evaluation import format_table, table

    names = tuple(dict.fromkeys([*(m.strip() for m in models.split(",") if m.strip()), "naive2"]))
    for name in names:
        _check_model(name)
    items = [item for item in _load(data) if len(item.test) > 0 and not (item.test != item.test).all()]
    if not items:
        raise _fail(f"{data} has no series with test rows to score against")
    progress = _Progress(len(items), "backtest")
    scored: list[Scored] = []
    with _executor(jobs) as executor:
        for result in executor.map(_backtest_task, [_BacktestTask(i, names, paths) for i in items]):
            scored.extend(result)
            progress.tick()
    typer.echo(format_table(table(scored)))
