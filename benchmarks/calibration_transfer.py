"""Why the calibration does not carry from M1 to M3: where hold-out errors part from backtest errors, and three
per-series adjustments of the widths, each checked with a whole collection held out.

Reads the ingredients cache of ``benchmarks.forecast_tune`` (per development series: the default model's forecast,
its claimed sd, the hold-out and the rolling-origin backtest of the train part). A score is |error| / claimed sd.

1. **Where the gap is.** Per collection and frequency, the mean log score of the hold-out and of the backtest at
   the first and the last step. The backtest also on its *full* origins only (those that see every step), where
   the step is not confounded with a shorter training window.
2. **Per-series adjustments** of engine 1.6.0's widths, learnt on one collection and scored on the other. Each
   has one parameter, chosen on the training collection (lowest MSIS on its hold-outs, as ``forecast_tune``
   chooses; "off" is a choice):
   - ``length``: the series' own score weights each origin by (training length / final length) ** p instead of
     halving it per origin back (the pooled table stays 1.6.0's);
   - ``trend``: the slope of the series' log scores against log training length, shrunk towards the training
     collection's pooled slope by k, extrapolated to the final fit (the whole series);
   - ``profile``: the slope of the series' log scores against the step beyond the pooled profile, shrunk towards
     none by k (the series' own horizon profile).

    python -m benchmarks.calibration_transfer --cache benchmarks/results/dev_ingredients_bt2.pkl \
        --peers benchmarks/results/dev_peers.pkl
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.forecast_dev import Results  # noqa: E402
from benchmarks.forecast_tune import Ingredients, Options, choose, evaluate, learn, own_score, peer_msis  # noqa: E402
from forecasts.calibration import Prior, clipped_scores, shrunk_factor  # noqa: E402

Adjust = Callable[[Ingredients], NDArray[np.float64]]
#: Below this a score counts as this (an exact forecast must not weigh minus infinity in the logs).
FLOOR = 1e-3
GRIDS: dict[str, tuple[float | None, ...]] = {
    "length": (None, 2.0, 5.0, 10.0, 20.0, 40.0),
    "trend": (None, 0.0, 1.0, 5.0, 20.0, 1e9),
    "profile": (None, 0.0, 10.0, 50.0, 200.0),
}


def log_scores(i: Ingredients) -> NDArray[np.float64]:
    """The backtest's log clipped scores (rows: origins, latest first; columns: steps), NaN where unseen."""
    assert i.bt_errors is not None and i.bt_sds is not None
    ok = ~np.isnan(i.bt_errors) & (i.bt_sds > 0)
    return np.where(ok, np.log(np.maximum(clipped_scores(i.bt_errors, i.bt_sds), FLOOR)), np.nan)


def holdout_log_scores(i: Ingredients) -> NDArray[np.float64]:
    """The hold-out's log scores per step."""
    ok = i.sd > 0
    return np.where(ok, np.log(np.maximum(np.abs(i.actual - i.point) / np.where(ok, i.sd, 1.0), FLOOR)), np.nan)


def step_means(items: list[Ingredients]) -> dict[str, NDArray[np.float64]]:
    """Per frequency, the mean backtest log score at each step (the pooled horizon profile)."""
    out = {}
    for freq in sorted({i.freq for i in items}):
        rows = [log_scores(i) for i in items if i.freq == freq]
        h = max(r.shape[1] for r in rows)
        padded = np.vstack([np.pad(r, ((0, 0), (0, h - r.shape[1])), constant_values=np.nan) for r in rows])
        out[freq] = np.nanmean(padded, axis=0)
    return out


def gap_table(items: list[Ingredients], peers: Results | None) -> None:
    """Print the mean log scores of hold-out and backtest at the first and last step, per collection and freq.

    Beside them, AutoETS's cov80 / cov95 from its own in-sample intervals: whether another model, calibrated on
    nothing but the series, also finds one collection's hold-outs calmer than the other's.
    """
    print(
        "| collection | frequency | series | hold-out step 1 / h | backtest step 1 / h | full origins step 1 / h "
        "| AutoETS cov80 / cov95 |"
    )
    print("|---|---|---|---|---|---|---|")
    for src in ("M1", "M3"):
        for freq in ("M", "Q", "A"):
            group = [i for i in items if i.source == src and i.freq == freq]
            if not group:
                continue
            ho = np.array([holdout_log_scores(i) for i in group])
            bt = np.vstack([log_scores(i) for i in group])
            full = bt[~np.isnan(bt).any(axis=1)]
            cells = [f"{np.nanmean(x[:, 0]):.2f} / {np.nanmean(x[:, -1]):.2f}" for x in (ho, bt, full)]
            ets = "-"
            if peers is not None:
                scores = [peers["statsforecast AutoETS"][i.key].score for i in group]
                ets = f"{np.mean([s.coverage_80 for s in scores]):.3f} / {np.mean([s.coverage_95 for s in scores]):.3f}"
            print(f"| {src} | {freq} | {len(group)} | {' | '.join(cells)} | {ets} |")


def slope(x: NDArray[np.float64], y: NDArray[np.float64]) -> tuple[float, float, float]:
    """Centred sums of a least-squares slope of ``y`` on ``x``: (Sxx, Sxy, mean x)."""
    xc = x - x.mean()
    return float(xc @ xc), float(xc @ (y - y.mean())), float(x.mean())


def length_cells(i: Ingredients, profile: NDArray[np.float64]) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """(log training length / final length, log score beyond the pooled profile) of each backtest error."""
    assert i.bt_origins is not None
    z = log_scores(i) - profile[None, : log_scores(i).shape[1]]
    x = np.log(np.asarray(i.bt_origins, dtype=float) / (i.bt_origins[0] + 1))[:, None] * np.ones_like(z)
    ok = ~np.isnan(z)
    return x[ok], z[ok]


def length_weighted_factor(i: Ingredients, p: float, half_life: float, weight: float, scale: float) -> float:
    """The series' factor with origins weighted by (training length / final length) ** p."""
    assert i.bt_origins is not None and i.bt_errors is not None and i.bt_sds is not None
    ok = ~np.isnan(i.bt_errors) & (i.bt_sds > 0)
    if not ok.any():
        return 1.0
    has = ok.any(axis=1)
    w = np.where(has, (np.asarray(i.bt_origins, dtype=float) / i.bt_origins[0]) ** p, 0.0)
    cell_w = np.where(ok, w[:, None], 0.0)
    score = float(
        np.sqrt(np.sum(cell_w * np.where(ok, clipped_scores(i.bt_errors, i.bt_sds), 0.0) ** 2) / cell_w.sum())
    )
    n = float(w.sum() ** 2 / (w**2).sum())
    return shrunk_factor(score, n, Prior(scale, weight, ((1.0,),), half_life))


def adjustment(name: str, param: float | None, train: list[Ingredients], table: dict[str, Prior]) -> Adjust:
    """The width multiplier per step of variant ``name`` with ``param``, its pooled parts learnt on ``train``."""
    if param is None:
        return lambda i: np.ones(len(i.actual))
    profile = step_means(train)
    if name == "length":

        def by_length(i: Ingredients) -> NDArray[np.float64]:
            prior = table[i.freq]
            base = shrunk_factor(*own_score(i, prior.half_life), prior)
            new = length_weighted_factor(i, param, prior.half_life, prior.weight, prior.scale)
            return np.full(len(i.actual), new / base)

        return by_length
    if name == "trend":
        pooled = {}
        for freq in profile:
            sums = [
                slope(*length_cells(i, profile[freq])) for i in train if i.freq == freq and len(i.bt_origins or ()) > 1
            ]
            pooled[freq] = sum(s[1] for s in sums) / sum(s[0] for s in sums)

        def by_trend(i: Ingredients) -> NDArray[np.float64]:
            if len(i.bt_origins or ()) < 2:
                return np.ones(len(i.actual))
            sxx, sxy, xbar = slope(*length_cells(i, profile[i.freq]))
            b = (sxy + param * pooled[i.freq]) / (sxx + param) if sxx + param > 0 else 0.0
            return np.full(len(i.actual), np.exp(-b * xbar))

        return by_trend

    def by_profile(i: Ingredients) -> NDArray[np.float64]:
        z = log_scores(i) - profile[i.freq][None, : log_scores(i).shape[1]]
        steps = np.broadcast_to(np.arange(z.shape[1], dtype=float), z.shape)
        ok = ~np.isnan(z)
        if ok.sum() < 2:
            return np.ones(len(i.actual))
        sxx, sxy, xbar = slope(steps[ok], z[ok])
        b = sxy / (sxx + param) if sxx + param > 0 else 0.0
        return np.exp(b * (np.arange(len(i.actual)) - xbar))

    return by_profile


def main() -> None:
    """Print where the gap is, then the held-out-collection table of each variant."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, default=Path("benchmarks/results/dev_ingredients_bt2.pkl"))
    parser.add_argument("--peers", type=Path, default=Path("benchmarks/results/dev_peers.pkl"))
    args = parser.parse_args()
    if not args.cache.exists():
        raise SystemExit(f"no ingredients cache at {args.cache}: run benchmarks.forecast_tune with --cache first")
    items: list[Ingredients] = pickle.loads(args.cache.read_bytes())
    peers: Results | None = pickle.loads(args.peers.read_bytes()) if args.peers.exists() else None
    freq_of = {i.key: i.freq for i in items}

    print("Mean log score (|error| / claimed sd):\n")
    gap_table(items, peers)
    print("\ncov80 / cov95 / MSIS / MSIS÷AutoETS, learnt on one collection and scored on the other:\n")
    print("| learnt on -> scored on | variant | chosen | monthly | quarterly | yearly | all |")
    print("|---|---|---|---|---|---|---|")
    for train_src, test_src in (("M1", "M3"), ("M3", "M1")):
        train = [i for i in items if i.source == train_src]
        test = [i for i in items if i.source == test_src]
        table = learn(train, *choose(train, Options()))
        ets = peer_msis(peers, [i.key for i in test], freq_of, "statsforecast AutoETS") if peers else {}
        for name, grid in (("1.6.0", (None,)), *GRIDS.items()):

            def train_msis(
                param: float | None, name: str = name, train: list[Ingredients] = train, table: dict = table
            ) -> float:
                return evaluate(train, table, adjustment(name, param, train, table))["All"]["msis"]

            param = min(grid, key=train_msis)
            result = evaluate(test, table, adjustment(name, param, train, table))
            cells = []
            for freq in ("M", "Q", "A", "All"):
                m = result[freq]
                ratio = f" / {m['msis'] / ets[freq]:.3f}" if freq in ets else ""
                cells.append(f"{m['cov80']:.3f} / {m['cov95']:.3f} / {m['msis']:.2f}{ratio}")
            chosen = "off" if param is None else f"{param:g}"
            print(f"| {train_src} -> {test_src} | {name} | {chosen} | {' | '.join(cells)} |")


if __name__ == "__main__":
    main()
