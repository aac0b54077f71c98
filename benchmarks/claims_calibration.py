"""Are claim probabilities calibrated? Rules on the development series, scored against what happened.

For every development series (the M3 dev file and M1) rules over its hold-out window are generated from its
train data only: the aggregates last, any, all and mean, with thresholds read off the train values (the last
value, and the mean, max and min of the last season or four values). Each rule's probability is the share of
sample paths on which it holds (``forecasts.rules.rule_probability``, as the service computes it), and the real
hold-out values decide the outcome. Side by side, in one run:

- **predtrack**: the engine's calibrated paths;
- **AutoETS, independent errors**: statsforecast AutoETS's mean, with its 95% interval read as a normal sd per
  step, and errors drawn independently at each step;
- **AutoETS, random-walk errors**: the same marginals, with errors that accumulate (a random walk rescaled to
  each step's sd), so a path that starts high stays high;
- **climatology**: the share of past windows of the same length, in the train data, on which the rule held.

Scores: Brier, log score (probabilities clipped to [0.001, 0.999]) and ECE (10 equal-width bins, weighted by
their counts). A reliability diagram is saved as PNG.

    python -m benchmarks.claims_calibration --jobs 2 [--subset 0.2] [--png docs/claims_reliability.png]
        [--collections benchmarks/results/dev_ingredients_bt2.pkl]

``--collections`` scores each collection with the calibration table learnt on the other collection alone (the
check that the calibration transfers), and reports Brier and ECE per collection with one reliability diagram
per collection beside the pooled one (``<png>_M3.png``, ``<png>_M1.png``).
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.forecast_dev import M3_DEV, DevItem, load_dev, subset  # noqa: E402
from forecasts import ENGINE_VERSION, forecast  # noqa: E402
from forecasts.executor import local_executor  # noqa: E402
from forecasts.rules import rule_probability  # noqa: E402

N_PATHS = 1000
SEED = 0
METHODS = ("predtrack", "AutoETS, independent errors", "AutoETS, random-walk errors", "climatology")


@dataclass(frozen=True)
class Rule:
    """A claim about a series' hold-out window: ``aggregate(window) op threshold``."""

    aggregate: str
    op: str
    threshold: float


def make_rules(train: NDArray[np.float64], m: int) -> list[Rule]:
    """Rules with thresholds from the train values only (nothing from the hold-out)."""
    y = train[~np.isnan(train)]
    recent = y[-max(m, 4) :]
    last, mean, high, low = float(y[-1]), float(recent.mean()), float(recent.max()), float(recent.min())
    return [
        Rule("last", ">", last),
        Rule("last", ">", high),
        Rule("mean", ">", mean),
        Rule("mean", "<", low),
        Rule("any", ">", high),
        Rule("any", "<", low),
        Rule("all", ">", low),
        Rule("all", "<", high),
    ]


def probability(rule: Rule, paths: NDArray[np.float64]) -> float:
    """Share of paths on which ``rule`` holds over the whole window."""
    h = paths.shape[1]
    return rule_probability(
        op=rule.op, threshold=rule.threshold, aggregate=rule.aggregate, observed=[], future=paths, window_length=h
    ).probability


def outcome(rule: Rule, actual: NDArray[np.float64]) -> float:
    """1.0 when the rule held on the real hold-out values, else 0.0."""
    return probability(rule, actual[None, :])


def climatology(train: NDArray[np.float64], m: int, h: int) -> list[float]:
    """Per rule, the share of past origins in the train data at which the same rule (thresholds made the same
    way from the values before that origin) held over the next ``h`` values; 0.5 where the history is too short.
    """
    y = train[~np.isnan(train)]
    first = max(m, 4) + 1
    held = [[outcome(r, y[o : o + h]) for r in make_rules(y[:o], m)] for o in range(first, len(y) - h + 1)]
    if not held:
        return [0.5] * len(make_rules(y, m))
    return [float(v) for v in np.mean(held, axis=0)]


@dataclass(frozen=True)
class SeriesClaims:
    """The rules of one series, their outcomes, and the probabilities of the methods computed in a worker."""

    key: str
    source: str
    rules: list[Rule]
    outcomes: list[float]
    predtrack: list[float]
    climatology: list[float]


def _engine(d: DevItem, priors: dict | None = None) -> SeriesClaims:
    train, test = d.item.train, d.item.test
    if priors is not None:  # cross-fitting: the pooled table learnt on the other half
        import forecasts._calibration_table as table

        table.PRIORS = priors
    h = len(test)
    rules = make_rules(train.values, train.season_length)
    paths = forecast(train, h, n_paths=N_PATHS, seed=SEED).paths
    return SeriesClaims(
        d.key,
        d.source,
        rules,
        [outcome(r, test) for r in rules],
        [probability(r, paths) for r in rules],
        climatology(train.values, train.season_length, h),
    )


def autoets_marginals(items: list[DevItem]) -> dict[str, tuple[NDArray[np.float64], NDArray[np.float64]]]:
    """statsforecast AutoETS (defaults) per series: mean and the sd its 95% interval implies, per step."""
    import pandas as pd
    from statsforecast import StatsForecast
    from statsforecast.models import AutoETS

    out = {}
    sf_freq = {"A": "YS", "Q": "QS", "M": "MS"}
    groups: dict[tuple[str, str, int], list[DevItem]] = {}
    for d in items:
        groups.setdefault((d.source, d.freq, len(d.item.test)), []).append(d)
    for (_, freq, h), group in groups.items():
        frame = pd.concat(
            pd.DataFrame(
                {
                    "unique_id": d.key,
                    "ds": pd.date_range(
                        pd.Timestamp(d.item.train.start), periods=len(d.item.train), freq=sf_freq[freq]
                    ),
                    "y": d.item.train.values,
                }
            )
            for d in group
        )
        m = group[0].item.train.season_length
        result = StatsForecast(models=[AutoETS(season_length=m)], freq=sf_freq[freq], n_jobs=1).forecast(
            df=frame, h=h, level=[95]
        )
        for key, rows in result.groupby("unique_id", sort=False):
            mean = rows["AutoETS"].to_numpy(dtype=float)
            sd = (rows["AutoETS-hi-95"].to_numpy(dtype=float) - rows["AutoETS-lo-95"].to_numpy(dtype=float)) / (
                2 * 1.959964
            )
            out[str(key)] = (mean, np.maximum(sd, 0.0))
    return out


def ets_paths(mean: NDArray[np.float64], sd: NDArray[np.float64], *, walk: bool, seed: int) -> NDArray[np.float64]:
    """Normal paths with the given marginals: independent across steps, or a random walk rescaled per step."""
    z = np.random.default_rng(seed).standard_normal((N_PATHS, len(mean)))
    if walk:
        z = np.cumsum(z, axis=1) / np.sqrt(np.arange(1, len(mean) + 1))
    return mean + sd * z


def scores(p: NDArray[np.float64], y: NDArray[np.float64]) -> dict[str, float]:
    """Brier, log score and ECE (10 equal-width bins) of probabilities ``p`` for outcomes ``y``."""
    clipped = np.clip(p, 0.001, 0.999)
    bins = np.minimum((p * 10).astype(int), 9)
    ece = sum(
        np.sum(bins == b) / len(p) * abs(float(p[bins == b].mean() - y[bins == b].mean()))
        for b in range(10)
        if np.any(bins == b)
    )
    return {
        "brier": float(np.mean((p - y) ** 2)),
        "log": float(-np.mean(y * np.log(clipped) + (1 - y) * np.log(1 - clipped))),
        "ece": float(ece),
    }


def reliability_png(
    probs: dict[str, NDArray[np.float64]], y: NDArray[np.float64], path: Path, *, title: str = "dev set"
) -> None:
    """Observed frequency against mean probability per bin, one line per method."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(5, 5), dpi=80)
    ax.plot([0, 1], [0, 1], color="grey", linestyle=":", label="perfect")
    for name, p in probs.items():
        bins = np.minimum((p * 10).astype(int), 9)
        xs = [p[bins == b].mean() for b in range(10) if np.any(bins == b)]
        ys = [y[bins == b].mean() for b in range(10) if np.any(bins == b)]
        ax.plot(xs, ys, marker="o", markersize=3, label=name)
    ax.set_xlabel("claimed probability (bin mean)")
    ax.set_ylabel("observed frequency")
    ax.set_title(f"Claim reliability, {title} ({len(y)} claims)")
    ax.legend(fontsize=7, loc="upper left")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)


def _engine_with(task: tuple[DevItem, dict]) -> SeriesClaims:
    return _engine(task[0], task[1])


def _cross_fit(items: list[DevItem], args: argparse.Namespace) -> list[SeriesClaims]:
    """The engine's claims with the pooled table learnt on the other half of one random split (seed 0)."""
    import pickle

    import __main__
    from benchmarks.forecast_dev import split_keys
    from benchmarks.forecast_tune import Ingredients, learn

    __main__.Ingredients = Ingredients  # type: ignore[attr-defined]  # the cache was pickled by forecast_tune's main
    ingr = {i.key: i for i in pickle.loads(args.cross_fit.read_bytes())}
    a, b = split_keys(items, np.random.default_rng(0))
    from forecasts.calibration import prior_for

    shipped = prior_for("M")
    learnt = {}
    learnt["a"] = learn([ingr[k] for k in a], shipped.weight, shipped.half_life)
    learnt["b"] = learn([ingr[k] for k in b], shipped.weight, shipped.half_life)
    in_a = set(a)
    tasks = [(d, learnt["b"] if d.key in in_a else learnt["a"]) for d in items]
    return list(local_executor(args.jobs).map(_engine_with, tasks))


def _collections(items: list[DevItem], args: argparse.Namespace) -> list[SeriesClaims]:
    """The engine's claims on each collection with the table learnt on the other one alone (M1 -> M3, M3 -> M1).

    The weight of the series' own evidence and its half-life are chosen on the collection the table is learnt
    on (``benchmarks.forecast_tune.choose``), so nothing of the scored collection is seen.
    """
    import pickle

    import __main__
    from benchmarks.forecast_tune import Ingredients, Options, choose, learn

    __main__.Ingredients = Ingredients  # type: ignore[attr-defined]  # the cache was pickled by forecast_tune's main
    ingr = pickle.loads(args.collections.read_bytes())
    # "holdout": engine 1.5's way (a table of hold-out scores, every origin weighing the same), for comparison.
    opts = Options(source="holdout", half_lives=(float("inf"),)) if args.table_source == "holdout" else Options()
    learnt = {}
    for train_src, test_src in (("M1", "M3"), ("M3", "M1")):
        train = [i for i in ingr if i.source == train_src]
        weight, half_life = choose(train, opts)
        learnt[test_src] = learn(train, weight, half_life, source=opts.source)
        print(f"{test_src}: table learnt on {train_src} (weight {weight:g}, half-life {half_life:g})", file=sys.stderr)
    tasks = [(d, learnt[d.source]) for d in items]
    return list(local_executor(args.jobs).map(_engine_with, tasks))


def main() -> None:
    """Generate the claims, compute every method's probabilities and print the table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=M3_DEV)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--subset", type=float, default=1.0)
    parser.add_argument(
        "--cross-fit",
        type=Path,
        help="ingredients cache of benchmarks.forecast_tune: score each half with the table learnt on the other",
    )
    parser.add_argument(
        "--collections",
        type=Path,
        help="ingredients cache of benchmarks.forecast_tune: score each collection with the table learnt on the other",
    )
    parser.add_argument(
        "--table-source",
        choices=("backtest", "holdout"),
        default="backtest",
        help="with --collections: learn the table from backtest scores (the engine's) or hold-out ones (1.5's)",
    )
    parser.add_argument("--png", type=Path, default=Path("benchmarks/results/claims_reliability.png"))
    args = parser.parse_args()

    items = subset(load_dev(args.data), args.subset)
    started = time.perf_counter()
    if args.collections:
        claims = _collections(items, args)
    elif args.cross_fit:
        claims = _cross_fit(items, args)
    else:
        claims = list(local_executor(args.jobs).map(_engine, items))
    print(f"predtrack {ENGINE_VERSION}: {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    ets = autoets_marginals(items)
    probs: dict[str, list[float]] = {m: [] for m in METHODS}
    y: list[float] = []
    source: list[str] = []
    for n, c in enumerate(claims):
        mean, sd = ets[c.key]
        indep = ets_paths(mean, sd, walk=False, seed=n)
        walk = ets_paths(mean, sd, walk=True, seed=n)
        probs["predtrack"] += c.predtrack
        probs["climatology"] += c.climatology
        probs["AutoETS, independent errors"] += [probability(r, indep) for r in c.rules]
        probs["AutoETS, random-walk errors"] += [probability(r, walk) for r in c.rules]
        y += c.outcomes
        source += [c.source] * len(c.rules)
    outcomes, src = np.array(y), np.array(source)
    arrays = {m: np.array(v) for m, v in probs.items()}
    lines = [
        f"{len(outcomes)} claims on {len(claims)} series ({np.mean(outcomes):.1%} held)",
        "",
        "| method | claims | Brier | log score | ECE | ECE on M3 | ECE on M1 |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, p in arrays.items():
        s = scores(p, outcomes)
        by = {k: scores(p[src == k], outcomes[src == k])["ece"] for k in ("M3", "M1") if np.any(src == k)}
        lines.append(
            f"| {name} | {len(p)} | {s['brier']:.4f} | {s['log']:.4f} | {s['ece']:.3f} | "
            f"{by.get('M3', float('nan')):.3f} | {by.get('M1', float('nan')):.3f} |"
        )
    aggregates = np.array([r.aggregate for c in claims for r in c.rules])
    lines += ["", "| method | aggregate | mean probability | share held | ECE |", "|---|---|---|---|---|"]
    for name, p in arrays.items():
        for agg in ("last", "any", "all", "mean"):
            sel = aggregates == agg
            lines.append(
                f"| {name} | {agg} | {p[sel].mean():.3f} | {outcomes[sel].mean():.3f} | "
                f"{scores(p[sel], outcomes[sel])['ece']:.3f} |"
            )
    lines += ["", "| collection | method | claims | Brier | Brier / AutoETS random-walk | ECE |", "|---" * 6 + "|"]
    for coll in ("M3", "M1"):
        sel = src == coll
        if not np.any(sel):
            continue
        walk_brier = scores(arrays["AutoETS, random-walk errors"][sel], outcomes[sel])["brier"]
        for name, p in arrays.items():
            s = scores(p[sel], outcomes[sel])
            ratio = s["brier"] / walk_brier
            lines.append(f"| {coll} | {name} | {int(sel.sum())} | {s['brier']:.4f} | {ratio:.3f} | {s['ece']:.3f} |")
    print("\n".join(lines))
    reliability_png(arrays, outcomes, args.png)
    print(f"reliability diagram: {args.png}", file=sys.stderr)
    for coll in ("M3", "M1"):
        sel = src == coll
        if np.any(sel):
            path = args.png.with_name(f"{args.png.stem}_{coll}{args.png.suffix}")
            reliability_png({m: p[sel] for m, p in arrays.items()}, outcomes[sel], path, title=coll)
            print(f"reliability diagram, {coll}: {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
