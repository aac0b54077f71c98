"""Benchmark on the M3 dev file: predtrack's default against statsforecast, Prophet and statsmodels ETS.

All methods are scored in one run with the same metrics (forecasts.metrics): sMAPE, MASE, OWA against
Naive2, 80%/95% coverage (quantiles 0.1/0.9 and 0.025/0.975), MSIS. Seconds are wall time of each method
over all series. statsforecast is benchmark-only (``pip install predtrack[bench]``).

    python benchmarks/forecast_m3.py --data ../shared/data/m3_dev.csv --jobs 2 [--write docs/BENCHMARKS.md]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from forecasts import forecast  # noqa: E402
from forecasts.evaluation import Scored, format_table, score_forecast, table  # noqa: E402
from forecasts.executor import local_executor  # noqa: E402
from forecasts.longformat import Item, read_long  # noqa: E402
from forecasts.metrics import score_series  # noqa: E402
from forecasts.models import get_model  # noqa: E402

LEVELS = (80, 95)


def _plain_ets(item: Item) -> Scored:
    """statsmodels ETSModel with one fixed configuration: additive errors, damped trend, additive season."""
    import warnings

    import pandas as pd
    from statsmodels.tsa.exponential_smoothing.ets import ETSModel

    started = time.perf_counter()
    y, m, h = item.train.values, item.train.season_length, len(item.test)
    seasonal = "add" if m > 1 and len(y) >= 2 * m + 2 else None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = ETSModel(
            pd.Series(y),
            error="add",
            trend="add",
            damped_trend=True,
            seasonal=seasonal,
            seasonal_periods=m if seasonal else None,
        ).fit(disp=False)
        frame = result.get_prediction(start=len(y), end=len(y) + h - 1).summary_frame(alpha=0.05)
        frame80 = result.get_prediction(start=len(y), end=len(y) + h - 1).summary_frame(alpha=0.2)
    seconds = time.perf_counter() - started
    q = {
        0.025: frame["pi_lower"].to_numpy(),
        0.975: frame["pi_upper"].to_numpy(),
        0.1: frame80["pi_lower"].to_numpy(),
        0.9: frame80["pi_upper"].to_numpy(),
    }
    score = score_series(actual=item.test, mean=frame["mean"].to_numpy(), q=q, insample=y, m=m)
    return Scored("statsmodels ETS(A,Ad,A)", item.train.freq.value, score, seconds)


def _prophet(item: Item) -> Scored:
    """Prophet with its defaults; quantiles from 1,000 predictive samples (as in the data README)."""
    import logging

    import pandas as pd
    from prophet import Prophet

    logging.getLogger("cmdstanpy").setLevel(logging.WARNING)
    started = time.perf_counter()
    freq = {"A": "YS", "Q": "QS", "M": "MS"}[item.train.freq.value]
    ds = pd.date_range(pd.Timestamp(item.train.start), periods=len(item.train), freq=freq)
    model = Prophet(uncertainty_samples=1000)
    model.fit(pd.DataFrame({"ds": ds, "y": item.train.values}))
    future = model.make_future_dataframe(periods=len(item.test), freq=freq, include_history=False)
    mean = model.predict(future)["yhat"].to_numpy()
    samples = model.predictive_samples(future)["yhat"]  # (h, 1000)
    seconds = time.perf_counter() - started
    q = {p: np.quantile(samples, p, axis=1) for p in (0.025, 0.1, 0.9, 0.975)}
    score = score_series(actual=item.test, mean=mean, q=q, insample=item.train.values, m=item.train.season_length)
    return Scored("Prophet", item.train.freq.value, score, seconds)


def _predtrack(item: Item, name: str) -> Scored:
    started = time.perf_counter()
    h = len(item.test)
    if name == "predtrack":
        fc = forecast(item.train, h, seed=0)
    else:  # a raw, uncalibrated model from the registry
        fc = get_model(name).fit(item.train).predict(h, n_paths=1000, seed=0)
    seconds = time.perf_counter() - started
    score = score_forecast(fc, actual=item.test, insample=item.train.values, m=item.train.season_length)
    label = {"ets": "predtrack ets (AICc)", "naive2": "naive2", "prophet": "Prophet"}.get(name, name)
    return Scored(label, item.train.freq.value, score, seconds)


def _ours(item: Item) -> list[Scored]:
    return [_predtrack(item, "predtrack"), _predtrack(item, "naive2"), _prophet(item), _plain_ets(item)]


def _statsforecast(items: list[Item], models: tuple[str, ...] = ("AutoETS", "AutoARIMA", "AutoTheta")) -> list[Scored]:
    """AutoETS / AutoARIMA / AutoTheta (or those of ``models``) with default settings, one process, per frequency."""
    import pandas as pd
    from statsforecast import StatsForecast
    from statsforecast.models import AutoARIMA, AutoETS, AutoTheta

    out: list[Scored] = []
    for freq, m, sf_freq in (("A", 1, "YS"), ("Q", 4, "QS"), ("M", 12, "MS")):
        group = [i for i in items if i.train.freq.value == freq]
        if not group:
            continue
        h = len(group[0].test)
        frame = pd.concat(
            [
                pd.DataFrame(
                    {
                        "unique_id": i.series_id,
                        "ds": pd.date_range(pd.Timestamp(i.train.start), periods=len(i.train), freq=sf_freq),
                        "y": i.train.values,
                    }
                )
                for i in group
            ]
        )
        for label, model in (
            ("statsforecast AutoETS", AutoETS(season_length=m)),
            ("statsforecast AutoARIMA", AutoARIMA(season_length=m)),
            ("statsforecast AutoTheta", AutoTheta(season_length=m)),
        ):
            if type(model).__name__ not in models:
                continue
            started = time.perf_counter()
            result = StatsForecast(models=[model], freq=sf_freq, n_jobs=1).forecast(df=frame, h=h, level=list(LEVELS))
            seconds = time.perf_counter() - started
            col = type(model).__name__
            for i in group:
                rows = result[result["unique_id"] == i.series_id]
                q = {
                    0.025: rows[f"{col}-lo-95"].to_numpy(),
                    0.1: rows[f"{col}-lo-80"].to_numpy(),
                    0.9: rows[f"{col}-hi-80"].to_numpy(),
                    0.975: rows[f"{col}-hi-95"].to_numpy(),
                }
                score = score_series(actual=i.test, mean=rows[col].to_numpy(), q=q, insample=i.train.values, m=m)
                out.append(Scored(label, freq, score, seconds / len(group)))
    return out


HALF_TARGETS = (
    ("OWA <= 0.97 x AutoTheta's", "owa"),
    ("80% coverage 0.77-0.83", "c80"),
    ("95% coverage 0.93-0.97", "c95"),
    ("MSIS <= 0.9 x AutoETS's", "msis"),
    ("80% per frequency within 5 points", "f80"),
    ("95% per frequency within 5 points", "f95"),
)


def _half_margins(rows: list, ours: str = "predtrack") -> dict[str, float]:  # type: ignore[type-arg]
    """Each target's margin (>= 0: met) for ``ours`` on one sample, relative to the peers on the same sample."""
    get = {(r.model, r.frequency): r for r in rows}
    me = get[(ours, "All")]
    freqs = [r for r in rows if r.model == ours and r.frequency != "All"]
    return {
        "owa": 0.97 * get[("statsforecast AutoTheta", "All")].owa - me.owa,
        "c80": min(me.coverage_80 - 0.77, 0.83 - me.coverage_80),
        "c95": min(me.coverage_95 - 0.93, 0.97 - me.coverage_95),
        "msis": 0.9 * get[("statsforecast AutoETS", "All")].msis - me.msis,
        "f80": min(0.05 - abs(r.coverage_80 - 0.80) for r in freqs),
        "f95": min(0.05 - abs(r.coverage_95 - 0.95) for r in freqs),
    }


def split_halves(scored: list[Scored], *, n_splits: int, seed: int = 0) -> str:
    """How the targets hold on random halves of the series (seeded, split within each frequency).

    A half of the file is a stand-in for an unseen sample: the spread of each margin across halves shows
    how much a sample of this kind moves it, and the share of halves meeting a target how robust it is.
    """
    groups: dict[tuple[str, str], list[Scored]] = {}
    for s in scored:  # per model and frequency, series in file order (both runners keep it)
        groups.setdefault((s.model, s.freq), []).append(s)
    sizes = {f: len(v) for (m, f), v in groups.items() if m == "predtrack"}
    rng = np.random.default_rng(seed)
    margins: list[dict[str, float]] = []
    for _ in range(n_splits):
        picks = {f: set(rng.choice(n, n // 2, replace=False).tolist()) for f, n in sizes.items()}
        for half in (True, False):
            sub = [s for (m, f), v in groups.items() for i, s in enumerate(v) if (i in picks[f]) == half]
            margins.append(_half_margins(table(sub, reference="naive2")))
    lines = [
        "| target | margin on the full file | mean margin on halves | sd across halves | halves meeting it |",
        "|---|---|---|---|---|",
    ]
    full = _half_margins(table(scored, reference="naive2"))
    for label, key in HALF_TARGETS:
        values = np.array([m[key] for m in margins])
        lines.append(
            f"| {label} | {full[key]:+.3f} | {values.mean():+.3f} | {values.std():.3f} | {np.mean(values >= 0):.0%} |"
        )
    every = np.mean([all(m[k] >= 0 for _, k in HALF_TARGETS if k != "owa") for m in margins])
    lines.append(f"| every calibration target at once | | | | {every:.0%} |")
    return "\n".join(lines)


def main() -> None:
    """Run every method on the file and print (and optionally write) the table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default="../shared/data/m3_dev.csv")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--write", type=Path, help="Markdown file whose forecasting section is replaced")
    parser.add_argument("--halves", type=int, default=100, help="random half-splits of the series to report")
    args = parser.parse_args()

    items = [i for i in read_long(args.data) if len(i.test) > 0]
    started = time.perf_counter()
    scored: list[Scored] = []
    for n, result in enumerate(local_executor(args.jobs).map(_ours, items), 1):
        scored.extend(result)
        if n % 30 == 0:
            print(f"predtrack/ETS/Prophet: {n}/{len(items)}", file=sys.stderr, flush=True)
    print(f"ours done in {time.perf_counter() - started:.0f} s; statsforecast next", file=sys.stderr, flush=True)
    scored.extend(_statsforecast(items))
    rows = table(scored, reference="naive2")
    print(format_table(rows))
    halves = split_halves(scored, n_splits=args.halves) if args.halves else ""
    print(halves)
    if args.write:
        _write(args.write, rows, args, halves)


def _write(path: Path, rows: list, args: argparse.Namespace, halves: str) -> None:  # type: ignore[type-arg]
    overall = [r for r in rows if r.frequency == "All"]
    per_freq = [r for r in rows if r.frequency != "All"]
    section = "\n".join(
        [
            "## Forecasting: M3 dev file",
            "",
            f"Measured {dt.date.today().isoformat()} with "
            f"`python benchmarks/forecast_m3.py --data {args.data} --jobs {args.jobs} --write {args.write}`.",
            "",
            "Overall (OWA against Naive2; coverage of the 80% and 95% intervals; seconds = wall time per method,",
            "summed over series; predtrack, Naive2, statsmodels ETS and Prophet ran spread over the worker processes,",
            "statsforecast in one process with JIT compile included; the machine is shared, so seconds are rough):",
            "",
            format_table(overall, markdown=True),
            "",
            "Per frequency:",
            "",
            format_table(per_freq, markdown=True),
            "",
            *(
                [
                    f"Targets on {args.halves} random splits of the series into halves (seeded, split within each",
                    "frequency; both halves of each split count; targets relative to the peers on the same half):",
                    "",
                    halves,
                    "",
                ]
                if halves
                else []
            ),
        ]
    )
    text = path.read_text() if path.exists() else "# Benchmarks\n\n"
    marker = "## Forecasting: M3 dev file"
    if marker in text:
        # Replace the generated tables only: hand-written "### " notes and later sections stay.
        head, _, rest = text.partition(marker)
        cut = min((i for i in (rest.find("\n### "), rest.find("\n## ")) if i >= 0), default=len(rest))
        text = head + section + ("\n" + rest[cut + 1 :] if cut < len(rest) else "")
    else:
        text = text.rstrip() + "\n\n" + section
    path.write_text(text)


if __name__ == "__main__":
    main()
