"""Point-forecast variants of the default combination on the development set, judged on held-out halves.

OWA depends on the point forecast alone, so variants are scored from their points (no paths, no calibration):
each variant forecasts every development series (M3 dev file + M1) from its train part, and its sMAPE and MASE
are compared with Naive2's. A variant counts as better only if it beats the baseline on most random series-level
halves (within source and frequency), per frequency and overall. ``--select`` makes a per-frequency choice
among candidates on half A and scores it on half B.

    python -m benchmarks.point_variants --jobs 2 [--only base,js2m,engine] [--baseline base] [--select a,b,c]

``base`` is engine 1.3's combination (90% seasonality test; Theta + damped Holt in logs), ``v14`` engine 1.4.0's
(shrunk season; per-frequency Theta lines, damped Holt, SES), the ``v14_*`` variants engine 1.5's candidates on
top of it, and ``engine`` the current default model.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.forecast_dev import M3_DEV, DevItem, load_dev, split_keys  # noqa: E402
from forecasts.decompose import NONE, Seasonal, acf, classical, shrunk_seasonal  # noqa: E402
from forecasts.executor import local_executor  # noqa: E402
from forecasts.metrics import mase, smape  # noqa: E402
from forecasts.models import get_model  # noqa: E402
from forecasts.models._common import clean_values  # noqa: E402
from forecasts.models._optimised_theta import fit_optimised_theta, ses_levels  # noqa: E402
from forecasts.models._smoothing import SmoothingFit, fit_ses, theta_line  # noqa: E402
from forecasts.models.combination import fit_component as _fit_component  # noqa: E402

Point = Callable[[NDArray[np.float64], int, int], NDArray[np.float64]]
FREQS = ("A", "Q", "M")


def fit_component(name: str, y: NDArray[np.float64]) -> SmoothingFit:
    """The engine's members, plus ``theta<k>``: a Theta line with coefficient k."""
    if name.startswith("theta") and name not in ("theta", "theta3"):
        return theta_line(fit_ses(y), y, float(name[5:]))
    return _fit_component(name, y)


def season(y: NDArray[np.float64], m: int, *, z: float | None, min_cycles: int = 3) -> Seasonal:
    """``z``: classical indices when the seasonal autocorrelation passes M4's test at this normal quantile
    (1.645 is the 90% test; 0 means always); ``None``: the engine's shrunk indices from ``min_cycles`` on."""
    if m <= 1 or len(y) < min_cycles * m:
        return NONE
    if z is None:
        return shrunk_seasonal(y, m, min_cycles=min_cycles)
    r = acf(y, m)
    limit = z * np.sqrt((1.0 + 2.0 * float(np.sum(r[1:m] ** 2))) / len(y))
    return classical(y, m) if abs(r[m]) > limit else NONE


def comb(
    members: tuple[str, ...] = ("theta", "damped"),
    *,
    weights: tuple[float, ...] | None = None,
    how: str = "mean",
    z: float | None = 1.645,
    min_cycles: int = 3,
    level_members: tuple[str, ...] = (),
) -> Point:
    """A combination: ``members`` in logs (positive series), ``level_members`` on the adjusted values."""

    def point(y: NDArray[np.float64], m: int, h: int) -> NDArray[np.float64]:
        s = season(y, m, z=z, min_cycles=min_cycles)
        adjusted = s.remove(y) if s is not NONE else y
        logs = bool(np.all(adjusted > 0))
        target = np.log(adjusted) if logs else adjusted
        pts = [fit_component(name, target).point(h) for name in members]
        for name in level_members:
            p = fit_component(name, adjusted).point(h)
            pts.append(np.log(np.maximum(p, 1e-300)) if logs else p)
        arr = np.array(pts)
        out = np.median(arr, axis=0) if how == "median" else np.average(arr, axis=0, weights=weights)
        if logs:
            out = np.exp(np.clip(out, -700, 700))
        return s.restore(out, len(y)) if s is not NONE else out

    return point


# --- engine 1.5: what 1.4.0 left untried, on top of its members --------------------------------------

_ALPHAS = np.r_[np.linspace(0.02, 0.3, 15), np.linspace(0.35, 1.0, 14)]
_BETA_FRACTIONS = np.array([0.02, 0.05, 0.1, 0.2, 0.35, 0.6])
_PHIS = np.array([0.8, 0.88, 0.94, 0.98])
_STATIC_THETAS = np.array([1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 7.0, 10.0, 1e9])
GAMMAS = (0.0, 0.01, 0.03, 0.06, 0.1, 0.2)

#: A member: an engine member's name, or a function (target, h, log season or None) -> points on the target.
Member = str | Callable[[NDArray[np.float64], int, NDArray[np.float64] | None], NDArray[np.float64]]


def _damped_sum(phi: float, steps: NDArray[np.int_]) -> NDArray[np.float64]:
    """phi + ... + phi^k for each k in ``steps``."""
    return steps.astype(float) if phi == 1.0 else np.asarray(phi * (1 - phi**steps) / (1 - phi))


def smoother_grid(
    y: NDArray[np.float64],
    h: int,
    grid: dict[str, NDArray[np.float64]],
    *,
    season: NDArray[np.float64] | None = None,
    steps: int = 1,
    trend_start: bool = True,
) -> NDArray[np.float64]:
    """Points of the best candidate of ``grid`` (alpha, beta, phi, drift, optional gamma), run side by side.

    Each candidate: level, trend damped by phi, a fixed drift, and, given ``season`` (additive, positions from
    0) and gammas, seasonal states that evolve (damped Holt-Winters). The best has the least in-sample squared
    error over 1..``steps`` ahead (each step's mean over origins, then the mean over steps).
    """
    alpha, beta, phi, drift = grid["alpha"], grid["beta"], grid["phi"], grid["drift"]
    gamma = grid.get("gamma")
    n, c = len(y), len(alpha)
    m = 1 if season is None else len(season)
    seas = np.zeros((c, m)) if season is None else np.tile(season, (c, 1))
    adjusted = y - seas[0, np.arange(n) % m]
    k = min(n, 12)
    l0, b0 = np.polyfit(np.arange(k), adjusted[:k], 1)[::-1] if trend_start and k > 1 else (adjusted[0], 0.0)
    level, trend = np.full(c, float(l0)), np.where(beta > 0, float(b0), 0.0)
    keep = steps > 1  # the states at every origin, to score steps ahead
    history = [(level, trend, seas.copy())]
    sse = np.zeros(c)
    for t in range(1, n):
        j = t % m
        damped = phi * trend
        err = y[t] - (level + damped + drift + seas[:, j])
        sse += err * err
        level = level + damped + drift + alpha * err
        trend = damped + beta * err
        if gamma is not None:
            seas[:, j] += gamma * err
        if keep:
            history.append((level, trend, seas.copy()))
    if keep:
        sse = np.zeros(c)
        for step in range(1, min(steps, n - 1) + 1):
            errs = []
            for o in range(n - step):
                lv, tr, ss = history[o]
                ahead = lv + _damped_sum_vec(phi, step) * tr + step * drift + ss[:, (o + step) % m]
                errs.append(y[o + step] - ahead)
            sse += np.mean(np.square(errs), axis=0)
    best = int(np.argmin(sse))
    ahead = np.arange(1, h + 1)
    out = level[best] + _damped_sum(float(phi[best]), ahead) * trend[best] + ahead * drift[best]
    return np.asarray(out + seas[best, (n - 1 + ahead) % m])


def _damped_sum_vec(phi: NDArray[np.float64], k: int) -> NDArray[np.float64]:
    return np.where(phi == 1.0, float(k), phi * (1 - phi**k) / np.where(phi == 1.0, 0.5, 1 - phi))


def grid_of(kind: str, y: NDArray[np.float64], gammas: tuple[float, ...] = ()) -> dict[str, NDArray[np.float64]]:
    """Candidates: ``damped`` Holt, or ``static_theta`` (SES plus (1 - 1/theta) of the whole series' slope)."""
    if kind == "damped":
        a, bf, p = (g.ravel() for g in np.meshgrid(_ALPHAS, _BETA_FRACTIONS, _PHIS, indexing="ij"))
        grid = {"alpha": a, "beta": a * bf, "phi": p, "drift": np.zeros_like(a)}
    elif kind == "static_theta":
        slope = float(np.polyfit(np.arange(len(y)), y, 1)[0]) if len(y) > 1 else 0.0
        a, th = (g.ravel() for g in np.meshgrid(_ALPHAS, _STATIC_THETAS, indexing="ij"))
        grid = {"alpha": a, "beta": np.zeros_like(a), "phi": np.ones_like(a), "drift": slope * (1 - 1 / th)}
    else:
        raise ValueError(kind)
    if gammas:
        grid = {key: np.repeat(v, len(gammas)) for key, v in grid.items()}
        grid["gamma"] = np.tile(np.asarray(gammas), len(a))
        keep = grid["gamma"] <= 1 - grid["alpha"]
        grid = {key: v[keep] for key, v in grid.items()}
    return grid


def holt_winters(y: NDArray[np.float64], h: int, season: NDArray[np.float64] | None) -> NDArray[np.float64]:
    """Damped Holt-Winters with evolving seasonality (gamma from ``GAMMAS``), started from the shrunk indices."""
    return smoother_grid(y, h, grid_of("damped", y, GAMMAS), season=season)


holt_winters.seasonal = True  # type: ignore[attr-defined]


def damped_on_steps(y: NDArray[np.float64], h: int, season: NDArray[np.float64] | None) -> NDArray[np.float64]:
    """Damped Holt with parameters chosen on steps 1..h ahead in sample (not one step)."""
    return smoother_grid(y, h, grid_of("damped", y), steps=h)


def static_theta(y: NDArray[np.float64], h: int, season: NDArray[np.float64] | None) -> NDArray[np.float64]:
    """Theta chosen per series one step ahead, but with the whole series' slope at every origin (look-ahead)."""
    return smoother_grid(y, h, grid_of("static_theta", y), trend_start=False)


def otheta(steps: int | None) -> Member:
    """The engine's optimised Theta line judged on ``steps`` ahead (None: every step the series allows)."""

    def point(y: NDArray[np.float64], h: int, season: NDArray[np.float64] | None) -> NDArray[np.float64]:
        fit = fit_optimised_theta(y, ses_levels([y])[0], len(y) if steps is None else steps)
        return fit.point(h)

    return point


def members_comb(members: dict[str, tuple[Member, float]]) -> Point:
    """The engine's pipeline (shrunk season from 2 cycles, logs when positive) with these weighted members.

    A seasonal member (``holt_winters``) sees the target with its season put back (in logs, the log indices),
    and its points are adjusted again before they are averaged.
    """

    def point(y: NDArray[np.float64], m: int, h: int) -> NDArray[np.float64]:
        s = season(y, m, z=None, min_cycles=2)
        adjusted = s.remove(y) if s is not NONE else y
        logs = bool(np.all(adjusted > 0))
        target = np.log(adjusted) if logs else adjusted
        n = len(y)
        points, weights = [], []
        for spec, weight in members.values():
            if isinstance(spec, str):
                points.append(fit_component(spec, target).point(h))
            elif getattr(spec, "seasonal", False) and s is not NONE and (logs or not s.multiplicative):
                indices = np.log(s.factor(0, m)) if s.multiplicative else s.factor(0, m)
                full = spec(target + indices[np.arange(n) % m], h, indices)
                points.append(full - indices[(n + np.arange(h)) % m])
            else:
                points.append(spec(target, h, None))
            weights.append(weight)
        out = np.average(np.array(points), axis=0, weights=weights)
        if logs:
            out = np.exp(np.clip(out, -700, 700))
        return s.restore(out, n) if s is not NONE else out

    return point


#: Engine 1.4.0's members and weights per frequency.
V14 = {
    "A": {"theta3": ("theta3", 0.5), "damped": ("damped", 0.5)},
    "Q": {"theta3": ("theta3", 0.6), "damped": ("damped", 0.4)},
    "M": {name: (name, 0.25) for name in ("theta", "theta3", "damped", "ses")},
}


def v14_with(
    replace: dict[str, Member] | None = None, *, add: dict[str, tuple[Member, float]] | None = None, freqs: str = "AQM"
) -> Point:
    """Engine 1.4.0 with some members replaced (same weight) or added, on the frequencies ``freqs`` only."""
    by = {}
    for freq, members in V14.items():
        chosen: dict[str, tuple[Member, float]] = dict(members)
        if freq in freqs:
            for name, spec in (replace or {}).items():
                if name in chosen:
                    chosen[name] = (spec, chosen[name][1])
            chosen.update(add or {})
        by[freq] = members_comb(chosen)
    names = {1: "A", 4: "Q", 12: "M"}
    return lambda y, m, h: by[names.get(m, "M")](y, m, h)


JS = {"z": None, "min_cycles": 2}
VARIANTS: dict[str, Point] = {
    # engine 1.3 and its seasonality test at other levels
    "base": comb(),
    "z1.28": comb(z=1.28),
    "z1.0": comb(z=1.0),
    "zall": comb(z=0.0),
    # shrunk indices instead of a test, from 3 or 2 cycles
    "js": comb(z=None),
    "js2m": comb(**JS),  # type: ignore[arg-type]
    # members on top of the shrunk season
    "js2m_theta": comb(("theta",), **JS),  # type: ignore[arg-type]
    "js2m_damped": comb(("damped",), **JS),  # type: ignore[arg-type]
    "js2m_ses3": comb(("theta", "damped", "ses"), **JS),  # type: ignore[arg-type]
    "js2m_med3": comb(("theta", "damped", "ses"), how="median", **JS),  # type: ignore[arg-type]
    "js2m_holt3": comb(("theta", "damped", "holt"), **JS),  # type: ignore[arg-type]
    "js2m_dlvl": comb(("theta",), level_members=("damped",), **JS),  # type: ignore[arg-type]
    "js2m_t2.5": comb(("theta2.5", "damped"), **JS),  # type: ignore[arg-type]
    "js2m_t3": comb(("theta3", "damped"), **JS),  # type: ignore[arg-type]
    "js2m_t4": comb(("theta4", "damped"), **JS),  # type: ignore[arg-type]
    "js2m_t3w": comb(("theta3", "damped"), weights=(0.6, 0.4), **JS),  # type: ignore[arg-type]
    "js2m_tt3": comb(("theta", "theta3", "damped"), **JS),  # type: ignore[arg-type]
    "js2m_tt3s": comb(("theta", "theta3", "damped", "ses"), **JS),  # type: ignore[arg-type]
    # engine 1.5: on top of 1.4.0 (v14); shares 0.2 / 1/3 are weights 0.25 / 0.5 next to 1.4.0's, which sum to 1
    "v14": v14_with(),
    "v14_hw": v14_with({"damped": holt_winters}, freqs="QM"),
    "v14_hw+": v14_with(add={"hw": (holt_winters, 0.25)}, freqs="QM"),
    "v14_dsteps": v14_with({"damped": damped_on_steps}),
    "v14_static": v14_with({"theta3": static_theta}),
    "v14_ot1": v14_with(add={"ot": (otheta(1), 0.25)}),
    "v14_ot1b": v14_with(add={"ot": (otheta(1), 0.5)}),
    "v14_ot8": v14_with(add={"ot": (otheta(8), 0.25)}),
    "v14_ot8b": v14_with(add={"ot": (otheta(8), 0.5)}),
    "v14_ot99": v14_with(add={"ot": (otheta(99), 0.25)}),
    "v14_ot99b": v14_with(add={"ot": (otheta(99), 0.5)}),
    **{f"v14_ses_ot{k}": v14_with({"ses": otheta(k)}, freqs="M") for k in (18, 36, 54, 72, 99)},
    "v14_ses_otall": v14_with({"ses": otheta(None)}, freqs="M"),
}


@dataclass(frozen=True)
class VariantScore:
    """One variant's sMAPE and MASE on one series."""

    key: str
    source: str
    freq: str
    smape: float
    mase: float


def score_one(task: tuple[DevItem, list[str]]) -> list[tuple[str, VariantScore]]:
    """Naive2 and every named variant on one series."""
    d, names = task
    train, test = d.item.train, d.item.test
    h, m = len(test), train.season_length
    y = clean_values(train)
    points = {"naive2": get_model("naive2").fit(train).point_sd(h)[0]}  # type: ignore[attr-defined]
    for name in names:
        if name == "engine":
            points[name] = get_model("comb").fit(train).point_sd(h)[0]  # type: ignore[attr-defined]
        else:
            points[name] = VARIANTS[name](y, m, h)
    return [
        (name, VariantScore(d.key, d.source, d.freq, smape(test, p), mase(test, p, train.values, m)))
        for name, p in points.items()
    ]


Scores = dict[str, VariantScore]


def owa(scores: Scores, naive: Scores, keys: list[str], freq: str | None) -> float:
    """OWA of ``scores`` against Naive2 on ``keys`` (of one frequency, or all)."""
    ks = [k for k in keys if freq is None or scores[k].freq == freq]
    s = np.mean([scores[k].smape for k in ks]) / np.mean([naive[k].smape for k in ks])
    a = np.mean([scores[k].mase for k in ks]) / np.mean([naive[k].mase for k in ks])
    return float(0.5 * (s + a))


def select_per_frequency(
    cache: dict[str, Scores], candidates: list[str], baseline: str, splits: list[list[str]]
) -> str:
    """Choose the best candidate per frequency on half A, score the choice on half B (both directions)."""
    naive, base = cache["naive2"], cache[baseline]
    picked: dict[str, dict[str, int]] = {f: {} for f in FREQS}
    rows = []
    for i in range(0, len(splits), 2):
        for a, b in ((splits[i], splits[i + 1]), (splits[i + 1], splits[i])):
            choice = {f: min(candidates, key=lambda n, f=f: owa(cache[n], naive, a, f)) for f in FREQS}  # type: ignore[misc]
            for f, n in choice.items():
                picked[f][n] = picked[f].get(n, 0) + 1
            comp = {k: cache[choice[naive[k].freq]][k] for k in b}
            rows.append([owa(comp, naive, b, f) - owa(base, naive, b, f) for f in (None, *FREQS)])
            rows[-1].append(owa(comp, naive, b, None))
    arr = np.array(rows)
    lo, med, hi = np.percentile(arr[:, 4], [10, 50, 90])
    return "\n".join(
        [
            f"per-frequency choice on half A, scored on half B, against {baseline}: median delta (share won)",
            "  All/A/Q/M: "
            + "  ".join(f"{np.median(arr[:, j]):+.4f} ({np.mean(arr[:, j] < 0):.0%})" for j in range(4)),
            f"  OWA on B: median {med:.4f} (10-90%: {lo:.4f}-{hi:.4f}), <= 0.80 on {np.mean(arr[:, 4] <= 0.8):.0%}; "
            f"picked: {picked}",
        ]
    )


def main() -> None:
    """Score the variants (cached per variant), print whole-set OWA and wins on halves against the baseline."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=M3_DEV)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--only", default="", help="comma-separated variant names (default: all and engine)")
    parser.add_argument("--baseline", default="base")
    parser.add_argument("--halves", type=int, default=200, help="halves (two per random split)")
    parser.add_argument("--select", default="", help="candidates chosen per frequency on half A, scored on B")
    parser.add_argument("--cache", type=Path, default=Path("benchmarks/results/point_variants.pkl"))
    parser.add_argument("--fresh", action="store_true", help="recompute the named variants even if cached")
    args = parser.parse_args()

    names = [n for n in (args.only.split(",") if args.only else [*VARIANTS, "engine"]) if n]
    names += [n for n in args.select.split(",") if n and n not in names]
    if args.baseline not in names:
        names.insert(0, args.baseline)
    items = load_dev(args.data)
    cache: dict[str, Scores] = pickle.loads(args.cache.read_bytes()) if args.cache.exists() else {}
    todo = [n for n in names if n not in cache or args.fresh]
    if todo:
        started = time.perf_counter()
        for pairs in local_executor(args.jobs).map(score_one, [(d, todo) for d in items]):
            for name, s in pairs:
                cache.setdefault(name, {})[s.key] = s
        print(f"{len(todo)} variants in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        args.cache.parent.mkdir(parents=True, exist_ok=True)
        args.cache.write_bytes(pickle.dumps(cache))
    keys = [d.key for d in items]
    naive, base = cache["naive2"], cache[args.baseline]
    rng = np.random.default_rng(0)
    splits: list[list[str]] = []
    for _ in range(args.halves // 2):
        splits += list(split_keys(items, rng))
    print(f"| variant | OWA All | Yearly | Quarterly | Monthly | halves won vs {args.baseline} (All/Y/Q/M) |")
    print("|---|---|---|---|---|---|")
    for name in names:
        sc = cache[name]
        whole = [owa(sc, naive, keys, f) for f in (None, *FREQS)]
        wins = [np.mean([owa(sc, naive, ks, f) < owa(base, naive, ks, f) for ks in splits]) for f in (None, *FREQS)]
        print(
            f"| {name} | " + " | ".join(f"{v:.4f}" for v in whole) + " | " + "/".join(f"{w:.0%}" for w in wins) + " |"
        )
    if args.select:
        print(select_per_frequency(cache, args.select.split(","), args.baseline, splits))


if __name__ == "__main__":
    main()
