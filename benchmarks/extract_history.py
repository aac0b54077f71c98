"""First-sight figures of the extractor from git history, and a candidate veto tested on them.

    PYTHONPATH=$PWD python benchmarks/extract_history.py            # run the old extractors (cached), the tables
    PYTHONPATH=$PWD python benchmarks/extract_history.py --rerun    # ignore the cache of old extractors' output
    PYTHONPATH=$PWD python benchmarks/extract_history.py --json     # the figures as JSON

The rules were written on the dev half of tests/predictions/extract_dev, so on it they are in sample. Each batch of
the set (a draw of the manifest's ``split_draws``) was labelled and committed before any extractor ran on it, so the
extractor of the commit just before the batch's first label commit (its first parent) had never seen the batch.
For each batch this script:

- finds the batch's first label commit (``git log --diff-filter=A`` of ``labels/<id>.json`` over the draw's ids:
  metadata only) and its first parent;
- writes that parent's tree to /tmp (``git archive``) and runs ITS ``predictions.extract.extract_candidates`` in a
  subprocess with the old tree first on ``sys.path`` (the batch's **dev** texts only, as they are now, each with its
  ``published_on``; ``author`` only where an old signature requires it, as the evaluation passes none). The first
  extractor (before the 2026-12-06 rebuild) needs pysbd and quantulum3, which are no longer dependencies: give a
  folder holding them with ``--old-deps`` (``pip install --target DIR pysbd quantulum3``; appended to the old
  process's ``sys.path``, after its site-packages; quantulum3's pickled unit classifier is switched off, as it was
  without scikit-learn, not a dependency then); a batch whose extractor cannot run is skipped and says why;
- scores the candidates with the CURRENT evaluation (``benchmarks.extract_eval.score_text`` and the current labels),
  beside the current extractor's figures on the same texts (in sample for the older batches).

The veto study then takes every first-sight candidate, gives it the CURRENT classifier's features
(``predictions.extract.classify.features`` of the current unit it overlaps most, via ``candidates.unit_features``;
of its own quote where no unit overlaps) and the label "matches a labelled sentence" (the evaluation's ``match``),
and fits a logistic regression (scikit-learn, liblinear, C 0.1 as ``extract_train.CHOSEN``: deterministic) leaving
one batch out at a time. For each threshold of ``THRESHOLDS`` the held-out batch's candidates scoring below it are
dropped and the batch is scored again. Two references use the sentence model instead: the committed
``sentence_model.json`` (fitted on every dev text, so in sample on all of these) and the same recipe refitted on the
dev units of the other batches (``extract_train.fit``, out of fold: the honest one). The study is made on all
batches and on batches 3 on (``REBUILT_FROM``: batches 1 and 2 ran the first extractor, before the rebuild of
2026-12-06, whose candidates are unlike today's). The best threshold is picked on the same out-of-fold figures, so
its gain is optimistic; ``batch_bootstrap`` says how sure the change is (batches resampled, seeded).

The old extractors' candidates are cached in ``benchmarks/results/extract_history.json`` (git-ignored, as the other
benchmarks' caches): per batch its commits and per candidate its text, span, quote (cut to 160 characters) and
whether it matched. Nothing of the held-out half is opened.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "tests" / "predictions" / "extract_dev"
CACHE = ROOT / "benchmarks" / "results" / "extract_history.json"
THRESHOLDS = (0.1, 0.2, 0.3, 0.4, 0.5)
C = 0.1  # extract_train.CHOSEN["C"]
MIN_TEXTS = 2  # as extract_train: a feature seen in fewer training texts is dropped
QUOTE_CHARS = 160


# --- pure helpers -------------------------------------------------------------------------------------------------


def parse_adds(log: str) -> dict[str, list[tuple[int, str]]]:
    """``git log --diff-filter=A --format=@%H %ct --name-only`` output -> path: [(commit time, sha), ...]."""
    adds: dict[str, list[tuple[int, str]]] = {}
    sha, when = "", 0
    for line in log.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("@"):
            sha, stamp = line[1:].split()
            when = int(stamp)
        elif sha:
            adds.setdefault(line, []).append((when, sha))
    return adds


def first_commit(adds: dict[str, list[tuple[int, str]]], paths: list[str]) -> str | None:
    """The earliest commit (by commit time, then sha for a stable tie) that added any of ``paths``."""
    found = sorted(a for p in paths for a in adds.get(p, []))
    return found[0][1] if found else None


def call_kwargs(params: dict[str, bool], published_on: str, author: str | None) -> dict[str, Any]:
    """Keyword arguments for an ``extract_candidates`` whose parameters are ``params`` (name: has a default):
    ``published_on`` as a date when it is taken; ``author`` only when it is required (the evaluation passes none)."""
    kwargs: dict[str, Any] = {}
    if "published_on" in params:
        kwargs["published_on"] = date.fromisoformat(published_on)
    if "author" in params and not params["author"]:
        kwargs["author"] = author
    return kwargs


def as_record(candidate: Any) -> dict[str, Any]:
    """A candidate of any extractor's version as a plain dict that ``extract_eval._proposed`` reads the same way
    (quote, offsets, statement, deadline, review points, proposed rule)."""
    claim: dict[str, Any] = {}
    if isinstance(candidate, dict):
        claim = candidate
    elif hasattr(candidate, "to_claim"):
        try:
            claim = candidate.to_claim(author=None, source_id=None)
        except TypeError:
            claim = candidate.to_claim()
    get = candidate.get if isinstance(candidate, dict) else lambda name: getattr(candidate, name, None)
    quote = str(get("quote") or claim.get("quote") or "")
    start: int | None = None
    for name in ("start", "quote_start", "offset"):
        if isinstance(get(name), int):
            start = get(name)
            break
    span = get("span")
    if start is None and isinstance(span, (list, tuple)) and len(span) == 2 and isinstance(span[0], int):
        start = span[0]
    deadline = claim.get("deadline")
    if deadline is None and get("deadline") is not None:
        on = getattr(get("deadline"), "on", get("deadline"))
        deadline = on.isoformat() if isinstance(on, date) else str(on)
    needs_review = claim.get("needs_review") or get("needs_review") or []
    return {
        "quote": quote,
        "start": start,
        "statement": str(claim.get("statement") or get("statement") or ""),
        "deadline": deadline,
        "needs_review": [str(x) for x in needs_review],
        "proposed_rule": claim.get("proposed_rule"),
    }


def compact(text_id: str, quote: str, span: tuple[int, int] | None, label: Any) -> dict[str, Any]:
    """A candidate as the cache keeps it: its text, its span where the quote was located (the quote cut to
    ``QUOTE_CHARS``; kept whole where it could not be located), and whether it matched a labelled sentence."""
    start, end = span if span is not None else (None, None)
    return {
        "id": text_id,
        "start": start,
        "end": end,
        "quote": quote if span is None else quote[:QUOTE_CHARS],
        "matched": label is not None,
    }


def record_for(row: dict[str, Any], text: str) -> dict[str, Any]:
    """What ``extract_eval.score_text`` reads back from a cached row: the located words at their offset (the same
    span as the extractor's quote), or the unlocated quote with no offset."""
    if row["start"] is None:
        return {"quote": row["quote"], "start": None}
    return {"quote": text[row["start"] : row["end"]], "start": row["start"]}


def best_unit(span: tuple[int, int] | None, units: list[tuple[int, int]]) -> int | None:
    """The index of the unit that shares most characters with ``span`` (the first on a tie), None if none does."""
    if span is None:
        return None
    best, shared = None, 0
    for i, (start, end) in enumerate(units):
        common = max(0, min(span[1], end) - max(span[0], start))
        if common > shared:
            best, shared = i, common
    return best


def auc(scores: list[float], labels: list[bool]) -> float | None:
    """Area under the ROC curve (ties count a half); None when one class is absent."""
    pos = [s for s, y in zip(scores, labels, strict=True) if y]
    neg = [s for s, y in zip(scores, labels, strict=True) if not y]
    if not pos or not neg:
        return None
    wins = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def rates(counts: dict[str, int]) -> dict[str, float | None]:
    """Recall and precision of summed counts (labelled, candidates, found, true_candidates)."""
    return {
        "recall": round(counts["found"] / counts["labelled"], 3) if counts["labelled"] else None,
        "precision": round(counts["true_candidates"] / counts["candidates"], 3) if counts["candidates"] else None,
    }


def f1_of(counts: dict[str, int]) -> float:
    """F1 of recall and precision of summed counts (0 when either is 0 or undefined)."""
    r = counts["found"] / counts["labelled"] if counts["labelled"] else 0.0
    p = counts["true_candidates"] / counts["candidates"] if counts["candidates"] else 0.0
    return 2 * r * p / (r + p) if r + p else 0.0


def batch_bootstrap(
    before: list[dict[str, int]], after: list[dict[str, int]], draws: int = 2000, seed: int = 0
) -> dict[str, Any]:
    """How sure a change in pooled F1 is: ``before`` and ``after`` are per-batch counts (same batches, same order);
    the batches are resampled with replacement ``draws`` times (seeded) and the share of resamples in which the
    pooled F1 went up is given, with the batches whose own F1 went up and down."""
    import random

    rng = random.Random(seed)
    n = len(before)
    up = 0
    for _ in range(draws):
        pick = [rng.randrange(n) for _ in range(n)]
        if f1_of(summed([after[i] for i in pick])) > f1_of(summed([before[i] for i in pick])):
            up += 1
    return {
        "delta_f1": round(f1_of(summed(after)) - f1_of(summed(before)), 4),
        "share_up": round(up / draws, 3),
        "batches_up": sum(1 for b, a in zip(before, after, strict=True) if f1_of(a) > f1_of(b)),
        "batches_down": sum(1 for b, a in zip(before, after, strict=True) if f1_of(a) < f1_of(b)),
    }


def nested_choice(by_threshold: dict[str, dict[str, dict[str, int]]]) -> dict[str, Any]:
    """The veto threshold chosen without the batch it is applied to: for each batch, the threshold (a key of
    ``by_threshold``, whose values are per-batch counts) with the best pooled F1 over the OTHER batches (the smaller
    on a tie), applied to that batch; the batches' counts so chosen, summed, and each batch's threshold."""
    names = sorted(by_threshold, key=float)
    batch_ids = list(by_threshold[names[0]])
    chosen, counts = {}, []
    for b in batch_ids:

        def f1_without(t: str, b: str = b) -> float:
            return f1_of(summed([c for k, c in by_threshold[t].items() if k != b]))

        best = max(names, key=lambda t: (round(f1_without(t), 9), -float(t)))
        chosen[b] = best
        counts.append(by_threshold[best][b])
    total = summed(counts)
    return {**total, **rates(total), "chosen": chosen}


def summed(counts: list[dict[str, Any]]) -> dict[str, int]:
    keys = ("labelled", "candidates", "found", "true_candidates")
    return {k: sum(c[k] for c in counts) for k in keys}


# --- the old extractors ------------------------------------------------------------------------------------------

WORKER = r"""
import inspect, json, sys
job = json.load(sys.stdin)
sys.path.insert(0, job["tree"])
for extra in job.get("extra", []):
    sys.path.append(extra)
sys.path.append(job["helpers"])
try:  # the first extractor's quantulum3: its pickled unit classifier needs an older scikit-learn, which was not a
    import quantulum3.classifier as _qc  # dependency then; without it quantulum3 disambiguates units by its rules
    _qc.USE_CLF = False
except ImportError:
    pass
from extract_history import as_record, call_kwargs
from predictions.extract import extract_candidates
signature = inspect.signature(extract_candidates)
params = {n: p.default is not inspect.Parameter.empty for n, p in signature.parameters.items()}
out = {}
for doc in job["docs"]:
    kwargs = call_kwargs(params, doc["published_on"], doc.get("author"))
    out[doc["id"]] = [as_record(c) for c in extract_candidates(doc["text"], **kwargs)]
json.dump({"kwargs": sorted(call_kwargs(params, "2000-01-01", None)), "candidates": out}, sys.stdout, default=str)
"""


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True, text=True).stdout


def batches(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    """Each draw with its dev ids (as in the manifest now), first label commit and that commit's first parent."""
    dev = {t["id"]: t for t in manifest["texts"] if t["split"] == "dev"}
    out = []
    for number, draw in enumerate(manifest["split_draws"], start=1):
        paths = [f"tests/predictions/extract_dev/labels/{i}.json" for i in draw["universe"]]
        log = git("log", "--diff-filter=A", "--format=@%H %ct", "--name-only", "HEAD", "--", *paths)
        labelled = first_commit(parse_adds(log), paths)
        parent = git("rev-parse", f"{labelled}^1").strip() if labelled else None
        ids = [i for i in sorted(draw["universe"]) if i in dev]
        out.append({"batch": number, "label_commit": labelled, "commit": parent, "ids": ids})
    return out


def run_old(commit: str, docs: list[dict[str, Any]], extra: list[str], timeout: int) -> dict[str, Any]:
    """The old commit's candidates for ``docs`` (records), from a subprocess on its archived tree."""
    tree = Path(tempfile.mkdtemp(prefix=f"hist-{commit[:12]}-"))  # a fresh folder of ours, removed below
    archive = subprocess.run(["git", "archive", commit], cwd=ROOT, check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    job = {"tree": str(tree), "extra": extra, "helpers": str(Path(__file__).resolve().parent), "docs": docs}
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    try:
        done = subprocess.run(
            ["nice", "-n", "10", sys.executable, "-c", WORKER],
            input=json.dumps(job),
            capture_output=True,
            text=True,
            cwd=tree,
            env=env,
            timeout=timeout,
        )
    finally:
        shutil.rmtree(tree, ignore_errors=True)
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}")
    return json.loads(done.stdout)


def first_sight(extra: list[str], rerun: bool, timeout: int) -> dict[str, Any]:
    """Per batch: commits, and per dev text the old extractor's candidate records (cached in ``CACHE``)."""
    from benchmarks.extract_eval import _proposed, load_text, match

    manifest = json.loads((SET / "manifest.json").read_text(encoding="utf-8"))
    cache = json.loads(CACHE.read_text(encoding="utf-8")) if CACHE.exists() and not rerun else {"batches": []}
    cached = {b["batch"]: b for b in cache["batches"] if b.get("commit")}
    entries = {t["id"]: t for t in manifest["texts"] if t["split"] == "dev"}
    result = []
    for batch in batches(manifest):
        docs = [load_text(SET, entries[i]) for i in batch["ids"]]
        held = cached.get(batch["batch"])
        if held and held["commit"] == batch["commit"] and held.get("ids") == batch["ids"] and not held.get("skipped"):
            result.append(held)
            continue
        row = dict(batch)
        if not docs or not batch["commit"]:
            row["skipped"] = "no dev texts" if not docs else "no label commit found"
            result.append(row)
            continue
        started = time.perf_counter()
        try:
            jobs = [{"id": d["id"], "text": d["text"], "published_on": d["published_on"]} for d in docs]
            old = run_old(batch["commit"], jobs, extra, timeout)
        except (RuntimeError, subprocess.TimeoutExpired) as error:
            row["skipped"] = f"the old extractor did not run: {error}"
            result.append(row)
            print(f"batch {batch['batch']}: skipped ({row['skipped']})", file=sys.stderr)
            continue
        row["kwargs"] = old["kwargs"]
        row["seconds"] = round(time.perf_counter() - started, 1)
        row["candidates"] = []
        for doc in docs:
            for record in old["candidates"][doc["id"]]:
                p = _proposed(record, doc["text"])
                span = (p.start, p.end) if p.start is not None and p.end is not None else None
                row["candidates"].append(compact(doc["id"], record["quote"], span, match(span, doc["labels"])))
        print(f"batch {batch['batch']}: {len(row['candidates'])} candidates in {row['seconds']} s", file=sys.stderr)
        result.append(row)
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    small = {"made": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "batches": result}
    CACHE.write_text(json.dumps(small, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    return small


# --- scoring and the veto study -----------------------------------------------------------------------------------


def score_batch(docs: dict[str, Any], ids: list[str], candidates: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The evaluation's counts per text for these candidate records (kept in their order)."""
    from benchmarks.extract_eval import score_text

    return [
        score_text(
            docs[i]["text"], docs[i]["labels"], [record_for(c, docs[i]["text"]) for c in candidates if c["id"] == i]
        )
        for i in ids
    ]


REBUILT_FROM = 3  # batches 1 and 2 ran the first extractor (before the rebuild of 2026-12-06 15:55, 8dc79a9)
SCORES = {
    "veto": "veto fitted on first-sight candidates (leave one batch out)",
    "recipe": "sentence-model recipe refitted on the other batches' dev units (out of fold)",
    "committed": "committed sentence_model.json (in sample: fitted on all these texts)",
}


def fit_veto(train: list[dict[str, Any]]) -> Any:
    """A ``classify.Model`` fitted on candidates (features ``names``, label ``matched``), features seen in fewer
    than ``MIN_TEXTS`` of their texts dropped, as ``extract_train.fit`` does for units."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    from predictions.extract import classify

    seen: dict[str, set[str]] = {}
    for c in train:
        for n in set(c["names"]):
            seen.setdefault(n, set()).add(c["id"])
    vocab = sorted(n for n, t in seen.items() if len(t) >= MIN_TEXTS)
    index = {n: j for j, n in enumerate(vocab)}
    indptr, cols = [0], []
    for c in train:
        cols.extend(sorted({index[n] for n in c["names"] if n in index}))
        indptr.append(len(cols))
    x = csr_matrix((np.ones(len(cols)), cols, indptr), shape=(len(train), len(vocab)))
    y = np.array([1 if c["matched"] else 0 for c in train])
    clf = LogisticRegression(C=C, solver="liblinear", tol=1e-8, random_state=0).fit(x, y)
    weights = {n: float(w) for n, w in zip(vocab, clf.coef_[0], strict=True)}
    return classify.Model(float(clf.intercept_[0]), weights, 0.0, 0.0)


def best_threshold(table: dict[str, dict[str, Any]]) -> str:
    """The threshold (a key of ``table``, "0.0" = no veto) with the best pooled F1; the smaller on a tie."""

    def f1(entry: dict[str, Any]) -> float:
        r, p = entry["overall"]["recall"] or 0.0, entry["overall"]["precision"] or 0.0
        return 2 * r * p / (r + p) if r + p else 0.0

    return max(sorted(table, key=float), key=lambda t: (round(f1(table[t]), 6), -float(t)))


def study(data: dict[str, Any]) -> dict[str, Any]:
    """The per-batch table and the veto study (module docstring), on all batches and on the rebuilt extractor's."""
    from benchmarks import extract_train
    from benchmarks.extract_eval import load_text, match
    from predictions.extract import classify, extract_candidates
    from predictions.extract.candidates import unit_features

    manifest = json.loads((SET / "manifest.json").read_text(encoding="utf-8"))
    entries = {t["id"]: t for t in manifest["texts"] if t["split"] == "dev"}
    docs = {i: load_text(SET, entries[i]) for i in sorted(entries)}
    runs = [b for b in data["batches"] if not b.get("skipped")]
    batch_of = {i: b["batch"] for b in data["batches"] for i in b["ids"]}
    units = {
        i: unit_features(doc["text"], published_on=date.fromisoformat(doc["published_on"])) for i, doc in docs.items()
    }

    table = []
    for b in data["batches"]:
        row = {"batch": b["batch"], "commit": (b.get("commit") or "")[:7], "texts": len(b["ids"])}
        if b.get("skipped"):
            table.append({**row, "skipped": b["skipped"]})
            continue
        first = summed(score_batch(docs, b["ids"], b["candidates"]))
        now = summed([score_text_now(docs[i], extract_candidates) for i in b["ids"]])
        table.append({**row, "first": {**first, **rates(first)}, "current": {**now, **rates(now)}})
    totals = {}
    for name, keep in (("all", lambda n: True), ("rebuilt", lambda n: n >= REBUILT_FROM)):
        for key in ("first", "current"):
            s = summed([r[key] for r in table if key in r and keep(r["batch"])])
            totals[f"{name}:{key}"] = {**s, **rates(s)}

    cands = [dict(c) for b in runs for c in b["candidates"]]
    for c in cands:
        span = (c["start"], c["end"]) if c["start"] is not None else None
        k = best_unit(span, [(u.start, u.end) for u, _, _ in units[c["id"]]])
        base = date.fromisoformat(docs[c["id"]]["published_on"])
        c["names"] = classify.features(c["quote"], base=base) if k is None else units[c["id"]][k][1]
        c["unit"] = k
        c["batch"] = batch_of[c["id"]]
    unit_rows = {
        i: [(u.start, names, match((u.start, u.end), docs[i]["labels"]) is not None, ruled) for u, names, ruled in us]
        for i, us in units.items()
    }
    committed = classify.default_model()
    for b in runs:  # the sentence-model recipe, refitted without the batch's texts
        recipe = extract_train.fit([unit_rows[i] for i in sorted(docs) if batch_of.get(i) != b["batch"]], C)
        for c in cands:
            if c["batch"] == b["batch"]:
                c["score:recipe"] = recipe.score(c["names"])
                c["score:committed"] = committed.score(c["names"]) if committed else 1.0

    out: dict[str, Any] = {"table": table, "totals": totals, "studies": {}}
    for name, keep in (("all", lambda n: True), ("rebuilt", lambda n: n >= REBUILT_FROM)):
        sub_runs = [b for b in runs if keep(b["batch"])]
        sub = [c for c in cands if keep(c["batch"])]
        for b in sub_runs:  # the veto, fitted on this population's other batches
            veto = fit_veto([c for c in sub if c["batch"] != b["batch"]])
            for c in sub:
                if c["batch"] == b["batch"]:
                    c["score:veto"] = veto.score(c["names"])
        result: dict[str, Any] = {
            "batches": [b["batch"] for b in sub_runs],
            "candidates": len(sub),
            "matched": sum(c["matched"] for c in sub),
            "no_unit": sum(1 for c in sub if c["unit"] is None),
            "scores": {},
        }
        by_batch = {b["batch"]: [c for c in sub if c["batch"] == b["batch"]] for b in sub_runs}
        for key in SCORES:
            thresholds = {}
            for t in (0.0, *THRESHOLDS):
                counts, rows_b = [], {}
                for b in sub_runs:
                    kept = [c for c in by_batch[b["batch"]] if c[f"score:{key}"] >= t]
                    s = summed(score_batch(docs, b["ids"], kept))
                    counts.append(s)
                    rows_b[str(b["batch"])] = {**s, **rates(s), "dropped": len(by_batch[b["batch"]]) - len(kept)}
                total = summed(counts)
                thresholds[str(t)] = {"overall": {**total, **rates(total)}, "batches": rows_b}
            best = best_threshold(thresholds)
            per_batch = [thresholds["0.0"]["batches"][str(b["batch"])] for b in sub_runs]
            per_batch_best = [thresholds[best]["batches"][str(b["batch"])] for b in sub_runs]
            at_03 = [thresholds["0.3"]["batches"][str(b["batch"])] for b in sub_runs]
            nested = nested_choice({t: e["batches"] for t, e in thresholds.items()})
            per_batch_nested = [
                thresholds[nested["chosen"][str(b["batch"])]]["batches"][str(b["batch"])] for b in sub_runs
            ]
            result["scores"][key] = {
                "nested": nested,
                "bootstrap_nested": batch_bootstrap(per_batch, per_batch_nested),
                "bootstrap_best": batch_bootstrap(per_batch, per_batch_best),
                "bootstrap_0.3": batch_bootstrap(per_batch, at_03),
                "auc": auc([c[f"score:{key}"] for c in sub], [c["matched"] for c in sub]),
                "auc_by_batch": {
                    str(n): auc([c[f"score:{key}"] for c in cs], [c["matched"] for c in cs])
                    for n, cs in by_batch.items()
                },
                "thresholds": thresholds,
                "best": best,
            }
        out["studies"][name] = result
    return out


def score_text_now(doc: dict[str, Any], extract_candidates: Any) -> dict[str, Any]:
    from benchmarks.extract_eval import score_text

    found = extract_candidates(doc["text"], published_on=date.fromisoformat(doc["published_on"]))
    return score_text(doc["text"], doc["labels"], found)


def _cell(x: float | None) -> str:
    return "–" if x is None else f"{x:.3f}"


def _f1(r: dict[str, Any]) -> str:
    rec, prec = r["recall"] or 0.0, r["precision"] or 0.0
    return f"{2 * rec * prec / (rec + prec):.3f}" if rec + prec else "–"


def markdown(result: dict[str, Any]) -> str:
    """The per-batch table, the totals and the veto study's tables as Markdown."""
    lines = [
        "| batch | commit run | dev texts | labelled | first-sight cand. | first-sight recall | first-sight precision "
        "| current cand. | current recall | current precision |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in result["table"]:
        if "skipped" in r:
            lines.append(f"| {r['batch']} | {r['commit']} | {r['texts']} | skipped: {r['skipped']} ||||||| ")
            continue
        f, n = r["first"], r["current"]
        lines.append(
            f"| {r['batch']} | {r['commit']} | {r['texts']} | {f['labelled']} | {f['candidates']} | "
            f"{_cell(f['recall'])} | {_cell(f['precision'])} | {n['candidates']} | {_cell(n['recall'])} | "
            f"{_cell(n['precision'])} |"
        )
    for name, title in (("all", "all batches"), ("rebuilt", f"batches {REBUILT_FROM}-")):
        f, n = result["totals"][f"{name}:first"], result["totals"][f"{name}:current"]
        lines.append(
            f"| **{title}** | | | {f['labelled']} | {f['candidates']} | {_cell(f['recall'])} | "
            f"{_cell(f['precision'])} | {n['candidates']} | {_cell(n['recall'])} | {_cell(n['precision'])} |"
        )
    for name, study_ in result["studies"].items():
        lines += [
            "",
            f"#### Veto study, {name} ({len(study_['batches'])} batches): {study_['candidates']} first-sight "
            f"candidates, {study_['matched']} matched a labelled sentence, {study_['no_unit']} overlapped no current "
            "unit",
            "",
            "| score | AUC | veto below | dropped | recall | precision | F1 |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for key, v in study_["scores"].items():
            for t, entry in v["thresholds"].items():
                o = entry["overall"]
                dropped = sum(b["dropped"] for b in entry["batches"].values())
                best = " (best F1)" if t == v["best"] else ""
                lines.append(
                    f"| {SCORES[key]} | {_cell(v['auc'])} | {t}{best} | {dropped} | {_cell(o['recall'])} | "
                    f"{_cell(o['precision'])} | {_f1(o)} |"
                )
        lines.append("")
        for key, v in study_["scores"].items():
            nested = v["nested"]
            picked = sorted(set(nested["chosen"].values()), key=float)
            lines.append(
                f"- {SCORES[key]}, threshold chosen on the other batches (nested; chose {', '.join(picked)}): "
                f"recall {_cell(nested['recall'])}, precision {_cell(nested['precision'])}, F1 {_f1(nested)}"
            )
            for which in dict.fromkeys(("nested", "best", "0.3")):
                if which == "best" and v["best"] in ("0.0", "0.3"):
                    continue
                bs = v[f"bootstrap_{which}"]
                at = {"nested": "the nested choice", "best": v["best"], "0.3": "0.3"}[which]
                lines.append(
                    f"  - veto at {at}: F1 {bs['delta_f1']:+.4f} against no veto; up in {bs['share_up']:.0%} of "
                    f"2000 resamples of the batches; batches up {bs['batches_up']}, down {bs['batches_down']}"
                )
        lines += [
            "",
            "Per batch, no veto -> each score's veto at 0.3 (recall / precision):",
            "",
            "| batch | none | " + " | ".join(SCORES) + " |",
            "| ---: | --- |" + " --- |" * len(SCORES),
        ]
        for n in study_["batches"]:
            none = study_["scores"]["veto"]["thresholds"]["0.0"]["batches"][str(n)]
            cells = [f"{_cell(none['recall'])} / {_cell(none['precision'])}"]
            for key in SCORES:
                r = study_["scores"][key]["thresholds"]["0.3"]["batches"][str(n)]
                cells.append(f"{_cell(r['recall'])} / {_cell(r['precision'])} (-{r['dropped']})")
            lines.append(f"| {n} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rerun", action="store_true", help="run the old extractors again (ignore the cache)")
    parser.add_argument("--old-deps", action="append", default=[], help="a folder with pysbd and quantulum3")
    parser.add_argument("--timeout", type=int, default=900, help="seconds per batch's old extractor")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    data = first_sight(args.old_deps, args.rerun, args.timeout)
    result = study(data)
    if args.json:
        print(json.dumps(result, indent=1, default=str))
    else:
        print(markdown(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
