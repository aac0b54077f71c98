"""Learn the pooled calibration tables on the development set, and check them on held-out halves and collections.

For every development series (the M3 dev file and M1) the default model is fitted on the train part and
backtested on it; the backtest's errors, divided by the sd the model claimed, are the scores the tables are
made of (``--source holdout``: the hold-out's, as engine 1.5 did). The hold-out is only used to choose the
weight of a series' own evidence and its half-life, and to score. The fits are the slow part and are done once
(``--cache``); learning and scoring a table takes milliseconds.

Held-out check: on each of ``--splits`` random series-level splits (within source and frequency), the weight and
half-life are chosen on half A (lowest MSIS there), the table is learnt on half A, and coverage and MSIS are
measured on half B, overall and per collection. ``--collections`` does the same with one whole collection as
half A and the other as half B (M1 -> M3 dev and the reverse). ``--write`` then learns the table on the whole
set with the pair chosen most often, and writes ``forecasts/_calibration_table.py``.

    python -m benchmarks.forecast_tune --jobs 2 --splits 30 --collections [--write]
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.forecast_dev import M3_DEV, DevItem, Results, load_dev, split_keys  # noqa: E402
from forecasts.calibration import LEVELS, Prior, learn_prior, past_scores, series_score, shrunk_factor  # noqa: E402
from forecasts.executor import local_executor  # noqa: E402
from forecasts.metrics import mase_scale  # noqa: E402
from forecasts.models import get_model  # noqa: E402
from forecasts.select import run_backtest  # noqa: E402

WEIGHTS = (0.0, 2.0, 4.0, 8.0, 16.0, 1e9)
#: Half-lives (in origins) of the recency weighting of a series' own backtest; inf = every origin the same.
HALF_LIVES = (0.5, 1.0, 2.0, float("inf"))
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
    n_origins: float
    scale: float
    #: The backtest's errors and claimed sds (rows: origins, columns: steps; NaN = not seen at that origin).
    bt_errors: NDArray[np.float64] | None = None
    bt_sds: NDArray[np.float64] | None = None
    #: The backtest's origins (training lengths), one per row.
    bt_origins: tuple[int, ...] | None = None

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
    return Ingredients(d.key, d.freq, point, sd, test, score, n, scale, bt.errors, bt.sds, tuple(bt.origins))


def own_score(i: Ingredients, half_life: float) -> tuple[float, float]:
    """The series' backtest score and effective number of origins (memoised: the splits ask many times)."""
    key = (i.key, half_life)
    if key not in _SCORES:
        if i.bt_errors is None or i.bt_sds is None:
            raise SystemExit("the ingredients cache has no backtest errors: delete it and run again")
        _SCORES[key] = series_score(i.bt_errors, i.bt_sds, half_life)
    return _SCORES[key]


_SCORES: dict[tuple[str, float], tuple[float, float]] = {}
_PAST: dict[tuple[str, float], tuple[NDArray[np.float64], NDArray[np.float64]]] = {}


def own_past(i: Ingredients, half_life: float) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """``past_scores`` of the series' backtest (memoised)."""
    key = (i.key, half_life)
    if key not in _PAST:
        assert i.bt_origins is not None and i.bt_errors is not None and i.bt_sds is not None
        _PAST[key] = past_scores(i.bt_origins, i.bt_errors, i.bt_sds, half_life)
    return _PAST[key]


def learn(
    items: list[Ingredients],
    weight: float,
    half_life: float = float("inf"),
    *,
    smooth: bool = True,
    source: str = "backtest",
) -> dict[str, Prior]:
    """The pooled table per frequency from the scores of ``items``, each divided by its series' factor.

    ``source`` "backtest" (the engine's, ``forecasts.calibration.learn_prior``): the calibration scores of the
    series' rolling-origin backtests, each origin normalised by the factor its past gave it. "holdout" (engine
    1.5): the scores of the forecast on the real hold-out, normalised by the factor of the whole backtest.
    """
    priors = {}
    for freq in sorted({i.freq for i in items}):
        group = [i for i in items if i.freq == freq]
        h = max(len(i.actual) for i in group)
        if source == "backtest":
            backtests = [(i.bt_origins, i.bt_errors, i.bt_sds) for i in group]
            if any(o is None for o, _, _ in backtests):
                raise SystemExit("the ingredients cache has no backtest origins: delete it and run again")
            priors[freq] = learn_prior(
                backtests,  # type: ignore[arg-type]
                h,
                weight=weight,
                half_life=half_life,
                smooth=smooth,
                own=[own_score(i, half_life) for i in group],
                past=[own_past(i, half_life) for i in group],
            )
            continue
        own = [own_score(i, half_life) for i in group]
        scores = np.array([sc for sc, n in own if n and np.isfinite(sc) and sc > 0])
        scale = float(np.exp(np.mean(np.log(scores)))) if len(scores) else 1.0
        provisional = Prior(scale, weight, ((1.0,) * len(LEVELS),), half_life)
        z = np.full((len(group), h), np.nan)
        for row, (i, (sc, n)) in enumerate(zip(group, own, strict=True)):
            f = shrunk_factor(sc, n, provisional)
            ok = i.sd > 0
            z[row, : len(i.actual)][ok] = np.abs(i.actual[ok] - i.point[ok]) / (i.sd[ok] * f)
        knots = np.array([[np.nanquantile(z[:, j], lvl) for lvl in LEVELS] for j in range(h)])
        if smooth and h >= 3:
            logk = np.log(knots)
            padded = np.vstack([logk[:1], logk, logk[-1:]])
            knots = np.exp((padded[:-2] + padded[1:-1] + padded[2:]) / 3)
        knots = np.maximum.accumulate(knots, axis=1)  # quantiles never decrease with the level
        rounded = tuple(tuple(float(round(v, 4)) for v in row) for row in knots)
        priors[freq] = Prior(scale, weight, rounded, half_life)
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


def evaluate(
    items: list[Ingredients],
    priors: dict[str, Prior],
    adjust: Callable[[Ingredients], NDArray[np.float64]] | None = None,
) -> dict[str, dict[str, float]]:
    """Coverage of the 80% / 95% intervals and MSIS, per frequency and "All" (means over series).

    ``adjust`` may multiply each series' widths per step (experiments of ``benchmarks.calibration_transfer``).
    """
    per: dict[str, list[tuple[float, float, float]]] = {}
    for i in items:
        prior = priors[i.freq]
        f = shrunk_factor(*own_score(i, prior.half_life), prior) * (1.0 if adjust is None else adjust(i))
        knots = prior.knots_for(len(i.actual))
        w80, w95 = i.sd * f * knots[:, I80], i.sd * f * knots[:, I95]
        err = np.abs(i.actual - i.point)
        c80, c95 = float(np.mean(err <= w80)), float(np.mean(err <= w95))
        # MSIS (alpha 0.05) of the symmetric interval, on the series' MASE scale (as forecasts.metrics.msis).
        s = float(np.mean(2 * w95 + 40 * np.maximum(err - w95, 0))) / i.scale
        for key in (i.freq, "All"):
            per.setdefault(key, []).append((c80, c95, s))
    return {k: dict(zip(("cov80", "cov95", "msis"), np.mean(v, axis=0), strict=True)) for k, v in per.items()}


@dataclass(frozen=True)
class Options:
    """How tables are learnt: smoothed across steps, from which scores, and the half-lives to choose from."""

    smooth: bool = True
    source: str = "backtest"
    half_lives: tuple[float, ...] = HALF_LIVES


def choose(train: list[Ingredients], opts: Options) -> tuple[float, float]:
    """The (weight, half-life) whose table, learnt on ``train``, has the lowest MSIS on ``train``'s hold-outs."""
    grid = [(w, hl) for hl in opts.half_lives for w in WEIGHTS]

    def msis(wh: tuple[float, float]) -> float:
        return evaluate(train, learn(train, *wh, smooth=opts.smooth, source=opts.source))["All"]["msis"]

    return min(grid, key=msis)


def by_source(items: list[Ingredients], priors: dict[str, Prior]) -> dict[str, dict[str, dict[str, float]]]:
    """``evaluate`` per collection (M3, M1), each per frequency and "All"."""
    return {src: evaluate([i for i in items if i.source == src], priors) for src in sorted({i.source for i in items})}


def collection_holdout(
    ingr: list[Ingredients], peers: Results | None, opts: Options
) -> list[tuple[str, str, str, dict[str, float]]]:
    """Calibrate on one whole collection, score on the other: (learnt on, scored on, frequency, metrics) rows.

    The weight of the series' own evidence and its half-life are chosen on the collection the table is learnt
    on, as in the halves; nothing of the scored collection is seen.
    """
    rows = []
    freq_of = {i.key: i.freq for i in ingr}
    for train_src, test_src in (("M1", "M3"), ("M3", "M1")):
        train = [i for i in ingr if i.source == train_src]
        test = [i for i in ingr if i.source == test_src]
        weight, half_life = choose(train, opts)
        result = evaluate(test, learn(train, weight, half_life, smooth=opts.smooth, source=opts.source))
        ets = peer_msis(peers, [i.key for i in test], freq_of, "statsforecast AutoETS") if peers else {}
        for freq, metrics in result.items():
            row = dict(metrics, weight=weight, half_life=half_life)
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
        half_life = f"{p.half_life:g}" if np.isfinite(p.half_life) else 'float("inf")'
        lines.append(f"        half_life={half_life},")
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
    parser.add_argument("--cache", type=Path, default=Path("benchmarks/results/dev_ingredients_bt2.pkl"))
    parser.add_argument("--peers", type=Path, default=Path("benchmarks/results/dev_peers.pkl"))
    parser.add_argument("--no-smooth", action="store_true")
    parser.add_argument(
        "--source",
        choices=("backtest", "holdout"),
        default="backtest",
        help="scores the shape is learnt from (holdout: engine 1.5's table, for comparison)",
    )
    parser.add_argument(
        "--half-life", type=float, action="append", help="half-lives to choose from (default: all of HALF_LIVES)"
    )
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
    opts = Options(not args.no_smooth, args.source, tuple(args.half_life or HALF_LIVES))

    rng = np.random.default_rng(0)
    chosen: Counter[tuple[float, float]] = Counter()
    rows: list[dict[str, float]] = []
    for _ in range(args.splits):
        a_keys, b_keys = split_keys(items, rng)
        for train_keys, test_keys in ((a_keys, b_keys), (b_keys, a_keys)):
            train = [by_key[k] for k in train_keys]
            test = [by_key[k] for k in test_keys]
            best = choose(train, opts)
            chosen[best] += 1
            table = learn(train, *best, smooth=opts.smooth, source=opts.source)
            result = evaluate(test, table)
            row = {f"{f}:{m}": v for f, ms in result.items() for m, v in ms.items()}
            for src, per_freq in by_source(test, table).items():
                row.update({f"{src}/{f}:{m}": v for f, ms in per_freq.items() for m, v in ms.items()})
            if peers is not None:
                ets = peer_msis(peers, test_keys, freq_of, "statsforecast AutoETS")
                row.update({f"{f}:msis/ets": result[f]["msis"] / ets[f] for f in result})
            rows.append(row)
    print("(weight, half-life) chosen on half A:", dict(chosen))
    for key in rows[0]:
        v = np.array([r[key] for r in rows])
        lo, med, hi = np.percentile(v, [10, 50, 90])
        print(f"{key:16s} median {med:.3f}  10-90%: {lo:.3f}-{hi:.3f}")
    if args.collections:
        print("\n| learnt on | scored on | frequency | weight | half-life | cov80 | cov95 | MSIS | MSIS / AutoETS |")
        print("|---|---|---|---|---|---|---|---|---|")
        for train_src, test_src, freq, m in collection_holdout(ingr, peers, opts):
            ratio = f"{m['msis/ets']:.3f}" if "msis/ets" in m else "-"
            print(
                f"| {train_src} | {test_src} | {freq} | {m['weight']:g} | {m['half_life']:g} | {m['cov80']:.3f} "
                f"| {m['cov95']:.3f} | {m['msis']:.2f} | {ratio} |"
            )
    if args.write:
        weight, half_life = chosen.most_common(1)[0][0]
        relative = relative_knots(items)
        table = learn(ingr, weight, half_life, smooth=opts.smooth, source=opts.source)
        write_table(table, relative, "python -m benchmarks.forecast_tune --write")
        print(f"wrote {TABLE} (weight {weight:g}, half-life {half_life:g})")


if __name__ == "__main__":
    main()
