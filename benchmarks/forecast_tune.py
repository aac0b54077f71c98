"""Learn the pooled calibration tables on the development set, and check them on held-out halves.

For every development series (the M3 dev file and M1) the default model is fitted on the train part and
backtested on it; its hold-out errors, divided by the sd it claimed, are the scores the tables are made of.
The fits are the slow part and are done once (``--cache``); learning and scoring a table takes milliseconds.

Held-out check: on each of ``--splits`` random series-level splits (within source and frequency), the weight of
the series' own evidence is chosen on half A (lowest MSIS there), the table is learnt on half A, and coverage
and MSIS are measured on half B. ``--write`` then learns the table on the whole set with the weight chosen most
often, and writes ``forecasts/_calibration_table.py``.

    python -m benchmarks.forecast_tune --jobs 2 --splits 100 [--write]
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.forecast_dev import M3_DEV, DevItem, Results, load_dev, split_keys  # noqa: E402
from forecasts.calibration import LEVELS, Prior, series_score, shrunk_factor  # noqa: E402
from forecasts.executor import local_executor  # noqa: E402
from forecasts.metrics import mase_scale  # noqa: E402
from forecasts.models import get_model  # noqa: E402
from forecasts.select import run_backtest  # noqa: E402

WEIGHTS = (0.0, 2.0, 4.0, 8.0, 16.0, 1e9)
TABLE = Path(__file__).resolve().parents[1] / "forecasts" / "_calibration_table.py"
I80, I95 = LEVELS.index(0.8), LEVELS.index(0.95)


@dataclass(frozen=True)
class Ingredients:
    """What calibrating one series needs: its forecast, claimed sd, backtest score and the hold-out."""

    key: str
    freq: str
    point: NDArray[np.float64]
    sd: NDArray[np.float64]
    actual: NDArray[np.float64]
    score: float
    n_origins: int
    scale: float
    #: The backtest's errors and claimed sds (rows: origins, columns: steps; NaN = not seen at that origin).
    bt_errors: NDArray[np.float64] | None = None
    bt_sds: NDArray[np.float64] | None = None

    @property
    def source(self) -> str:
        """The collection the series comes from (M3 or M1)."""
        return self.key.split(":", 1)[0]


def ingredients(d: DevItem) -> Ingredients:
    """Fit the default model on the train part, backtest it there, and keep what calibration needs."""
    train, test = d.item.train, d.item.test
    h = len(test)
    point, sd, _ = get_model("comb").fit(train).point_sd(h)  # type: ignore[attr-defined]
    bt = run_backtest(lambda: get_model("comb"), train, h)
    score, n = series_score(bt.errors, bt.sds)
    scale = mase_scale(train.values, train.season_length)
    return Ingredients(d.key, d.freq, point, sd, test, score, n, scale, bt.errors, bt.sds)


def learn(items: list[Ingredients], weight: float, *, smooth: bool = True) -> dict[str, Prior]:
    """The pooled table per frequency from the hold-out scores of ``items``."""
    priors = {}
    for freq in sorted({i.freq for i in items}):
        group = [i for i in items if i.freq == freq]
        scores = np.array([i.score for i in group if i.n_origins and np.isfinite(i.score) and i.score > 0])
        scale = float(np.exp(np.mean(np.log(scores)))) if len(scores) else 1.0
        provisional = Prior(scale, weight, ((1.0,) * len(LEVELS),))
        h = max(len(i.actual) for i in group)
        z = np.full((len(group), h), np.nan)
        for row, i in enumerate(group):
            f = shrunk_factor(i.score, i.n_origins, provisional)
            ok = i.sd > 0
            z[row, : len(i.actual)][ok] = np.abs(i.actual[ok] - i.point[ok]) / (i.sd[ok] * f)
        knots = np.array([[np.nanquantile(z[:, j], lvl) for lvl in LEVELS] for j in range(h)])
        if smooth and h >= 3:
            logk = np.log(knots)
            padded = np.vstack([logk[:1], logk, logk[-1:]])
            knots = np.exp((padded[:-2] + padded[1:-1] + padded[2:]) / 3)
        knots = np.maximum.accumulate(knots, axis=1)  # quantiles never decrease with the level
        priors[freq] = Prior(scale, weight, tuple(tuple(float(round(v, 4)) for v in row) for row in knots))
    return priors


def relative_knots(items: list[DevItem]) -> dict[str, tuple[tuple[float, ...], ...]]:
    """Per frequency and step, quantiles of |change| / |last value| from the end of the train part to each
    hold-out value: the spread of a naive forecast when a series is too short to say anything itself."""
    out = {}
    for freq in sorted({d.freq for d in items}):
        group = [d for d in items if d.freq == freq and d.item.train.values[-1] != 0]
        h = max(len(d.item.test) for d in group)
        rel = np.full((len(group), h), np.nan)
        for row, d in enumerate(group):
            last = d.item.train.values[-1]
            rel[row, : len(d.item.test)] = np.abs(d.item.test - last) / abs(last)
        knots = np.array([[np.nanquantile(rel[:, j], lvl) for lvl in LEVELS] for j in range(h)])
        knots = np.maximum.accumulate(np.maximum.accumulate(knots, axis=1), axis=0)
        out[freq] = tuple(tuple(float(round(v, 4)) for v in row) for row in knots)
    return out


def evaluate(items: list[Ingredients], priors: dict[str, Prior]) -> dict[str, dict[str, float]]:
    """Coverage of the 80% / 95% intervals and MSIS, per frequency and "All" (means over series)."""
    per: dict[str, list[tuple[float, float, float]]] = {}
    for i in items:
        prior = priors[i.freq]
        f = shrunk_factor(i.score, i.n_origins, prior)
        knots = prior.knots_for(len(i.actual))
        w80, w95 = i.sd * f * knots[:, I80], i.sd * f * knots[:, I95]
        err = np.abs(i.actual - i.point)
        c80, c95 = float(np.mean(err <= w80)), float(np.mean(err <= w95))
        # MSIS (alpha 0.05) of the symmetric interval, on the series' MASE scale (as forecasts.metrics.msis).
        s = float(np.mean(2 * w95 + 40 * np.maximum(err - w95, 0))) / i.scale
        for key in (i.freq, "All"):
            per.setdefault(key, []).append((c80, c95, s))
    return {k: dict(zip(("cov80", "cov95", "msis"), np.mean(v, axis=0), strict=True)) for k, v in per.items()}


def by_source(items: list[Ingredients], priors: dict[str, Prior]) -> dict[str, dict[str, dict[str, float]]]:
    """``evaluate`` per collection (M3, M1), each per frequency and "All"."""
    return {src: evaluate([i for i in items if i.source == src], priors) for src in sorted({i.source for i in items})}


def collection_holdout(
    ingr: list[Ingredients], peers: Results | None, *, smooth: bool
) -> list[tuple[str, str, str, dict[str, float]]]:
    """Calibrate on one whole collection, score on the other: (learnt on, scored on, frequency, metrics) rows.

    The weight of the series' own evidence is chosen on the collection the table is learnt on, as in the
    halves; nothing of the scored collection is seen.
    """
    rows = []
    freq_of = {i.key: i.freq for i in ingr}
    for train_src, test_src in (("M1", "M3"), ("M3", "M1")):
        train = [i for i in ingr if i.source == train_src]
        test = [i for i in ingr if i.source == test_src]
        best = min(WEIGHTS, key=lambda w: evaluate(train, learn(train, w, smooth=smooth))["All"]["msis"])
        result = evaluate(test, learn(train, best, smooth=smooth))
        ets = peer_msis(peers, [i.key for i in test], freq_of, "statsforecast AutoETS") if peers else {}
        for freq, metrics in result.items():
            row = dict(metrics, weight=best)
            if freq in ets:
                row["msis/ets"] = metrics["msis"] / ets[freq]
            rows.append((train_src, test_src, freq, row))
    return rows


def peer_msis(peers: Results, keys: list[str], freq_of: dict[str, str], model: str) -> dict[str, float]:
    """A peer's mean MSIS on ``keys``, per frequency and "All"."""
    per: dict[str, list[float]] = {}
    for k in keys:
        s = peers[model][k].score.msis
        for key in (freq_of[k], "All"):
            per.setdefault(key, []).append(s)
    return {k: float(np.mean(v)) for k, v in per.items()}


def write_table(priors: dict[str, Prior], relative: dict[str, tuple[tuple[float, ...], ...]], command: str) -> None:
    """Write the learnt tables as a Python module."""
    names = {"A": "Yearly", "Q": "Quarterly", "M": "Monthly"}
    lines = [
        '"""Pooled calibration tables per frequency, learnt from the development set (see forecasts.calibration).',
        "",
        f"Written by ``{command}``: do not edit by hand. Rows are steps 1..h,",
        f"columns the central levels {LEVELS}.",
        '"""',
        "",
        "from forecasts.calibration import Prior",
        "",
        "PRIORS: dict[str, Prior] = {",
    ]
    for freq, p in priors.items():
        lines.append(f"    # {names.get(freq, freq)}")
        lines.append(f'    "{freq}": Prior(')
        lines.append(f"        scale={p.scale:.4f},")
        lines.append(f"        weight={p.weight:g},")
        lines.append("        knots=(")
        lines += [f"            ({', '.join(f'{v:.4f}' for v in row)})," for row in p.knots]
        lines.append("        ),")
        lines.append("    ),")
    lines.append("}")
    lines += [
        "",
        "#: Naive forecasts of series too short to calibrate: quantiles of |change| / |last value| per step.",
        "RELATIVE: dict[str, tuple[tuple[float, ...], ...]] = {",
    ]
    for freq, knots in relative.items():
        lines.append(f'    "{freq}": (')
        lines += [f"        ({', '.join(f'{v:.4f}' for v in row)})," for row in knots]
        lines.append("    ),")
    lines.append("}")
    TABLE.write_text("\n".join(lines) + "\n")


def main() -> None:
    """Compute the ingredients (or read them), check on halves, optionally write the table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=M3_DEV)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--splits", type=int, default=100)
    parser.add_argument("--cache", type=Path, default=Path("benchmarks/results/dev_ingredients.pkl"))
    parser.add_argument("--peers", type=Path, default=Path("benchmarks/results/dev_peers.pkl"))
    parser.add_argument("--no-smooth", action="store_true")
    parser.add_argument("--write", action="store_true", help="write forecasts/_calibration_table.py")
    parser.add_argument(
        "--collections", action="store_true", help="also learn on one whole collection and score on the other"
    )
    args = parser.parse_args()

    items = load_dev(args.data)
    if args.cache.exists():
        ingr: list[Ingredients] = pickle.loads(args.cache.read_bytes())
    else:
        ingr = list(local_executor(args.jobs).map(ingredients, items))
        args.cache.parent.mkdir(parents=True, exist_ok=True)
        args.cache.write_bytes(pickle.dumps(ingr))
    by_key = {i.key: i for i in ingr}
    freq_of = {i.key: i.freq for i in ingr}
    peers: Results | None = pickle.loads(args.peers.read_bytes()) if args.peers.exists() else None
    smooth = not args.no_smooth

    rng = np.random.default_rng(0)
    chosen: Counter[float] = Counter()
    rows: list[dict[str, float]] = []
    for _ in range(args.splits):
        a_keys, b_keys = split_keys(items, rng)
        for train_keys, test_keys in ((a_keys, b_keys), (b_keys, a_keys)):
            train = [by_key[k] for k in train_keys]
            test = [by_key[k] for k in test_keys]
            best = min(WEIGHTS, key=lambda w: evaluate(train, learn(train, w, smooth=smooth))["All"]["msis"])
            chosen[best] += 1
            result = evaluate(test, learn(train, best, smooth=smooth))
            row = {f"{f}:{m}": v for f, ms in result.items() for m, v in ms.items()}
            for src, per_freq in by_source(test, learn(train, best, smooth=smooth)).items():
                row.update({f"{src}/{f}:{m}": v for f, ms in per_freq.items() for m, v in ms.items()})
            if peers is not None:
                ets = peer_msis(peers, test_keys, freq_of, "statsforecast AutoETS")
                row.update({f"{f}:msis/ets": result[f]["msis"] / ets[f] for f in result})
            rows.append(row)
    print("weight chosen on half A:", dict(chosen))
    for key in rows[0]:
        v = np.array([r[key] for r in rows])
        lo, med, hi = np.percentile(v, [10, 50, 90])
        print(f"{key:16s} median {med:.3f}  10-90%: {lo:.3f}-{hi:.3f}")
    if args.collections:
        print("\n| learnt on | scored on | frequency | weight | cov80 | cov95 | MSIS | MSIS / AutoETS |")
        print("|---|---|---|---|---|---|---|---|")
        for train_src, test_src, freq, m in collection_holdout(ingr, peers, smooth=smooth):
            ratio = f"{m['msis/ets']:.3f}" if "msis/ets" in m else "-"
            print(
                f"| {train_src} | {test_src} | {freq} | {m['weight']:g} | {m['cov80']:.3f} | {m['cov95']:.3f} "
                f"| {m['msis']:.2f} | {ratio} |"
            )
    if args.write:
        weight = chosen.most_common(1)[0][0]
        relative = relative_knots(items)
        write_table(learn(ingr, weight, smooth=smooth), relative, "python -m benchmarks.forecast_tune --write")
        print(f"wrote {TABLE} (weight {weight:g})")


if __name__ == "__main__":
    main()
