"""How far two readers of the hand-labelled set agree: the second reader's labels against the first's.

    PYTHONPATH=$PWD python benchmarks/extract_agreement.py          # Markdown table
    PYTHONPATH=$PWD python benchmarks/extract_agreement.py --json   # the same with every disagreement listed
    PYTHONPATH=$PWD python benchmarks/extract_agreement.py --group batches-20-28 --by-genre   # one group, per genre
    PYTHONPATH=$PWD python benchmarks/extract_agreement.py --ids a,b                          # named texts only

The set is tests/predictions/extract_dev; the first reader's labels are ``labels/<id>.json``, the second reader's
``second_reader/labels/<id>.json`` (same schema), for the texts the second reader labelled (the files there), or
only those of ``--ids`` or of a named ``--group`` (``GROUPS``: the second readings, of 12, of 27 and of 12 texts). No
extractor runs here. ``--by-genre`` adds a table pooled over each genre (the manifest's ``genre``).

The first reader is the reference and the second reader's sentences are scored as an extractor's candidates are in
``benchmarks/extract_eval.py``: each second-reader sentence is located in the text (``locate``) and matched to a
first-reader sentence when the spans overlap by at least half the shorter one (``match``); a first-reader sentence
matched by some second-reader sentence is found (recall = found / first reader's), and the second-reader sentence
that overlaps it most is a true one (precision = true / second reader's); the counts come from ``score_text``
itself. F1 = 2PR / (P + R); swapping the readers swaps recall and precision and leaves F1 alone.

Cohen's kappa is over units: the text cut by the extractor's own splitter, ``predictions.extract.units.units``
(sentences in prose, list items; headings, table rows and page furniture are not units), used only for
segmentation. A unit is predictive for a reader when one of that reader's sentences matches its span (``match``,
the same half-overlap rule). Kappa = (p_o - p_e) / (1 - p_e) with p_e from each reader's own share of predictive
units; the overall kappa pools every unit of every text into one table. A reader's sentence that matches no unit
(a heading run into no sentence, a cut the splitter does not make) is counted as "off units" and left out of kappa.

The set's README (its labelling guide and batch notes) quotes some sentences of the set with the first reader's
call, so on those the second reader follows the first by way of the guide. A unit is "quoted" when a 40-character
stretch of it starting at a multiple of 10 (so any 50 characters in a row; ``--quoted-run``), spaces and curly
quotes folded, appears in ``README.md``; the quoted and the other units get a 2x2 table and a kappa each. The
unquoted kappa is nearer two independent readings, not equal to them: the guide's shorter quotes and its notes
written in general terms still settle some of those units.

On the pairs both readers call predictive (each true second-reader sentence with the first-reader sentence it
matches):
- deadline, exact: the same date, or both null;
- deadline, accepted: either reader's date is among the other's dates (``deadline`` plus ``deadline_also_ok``), or
  both null; one null and one date disagree;
- has_number: the same value;
- rule, where both have one: comparison, threshold and unit as the first reader's (``rule_right``, metric ignored).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

from benchmarks.extract_eval import DEFAULT_SET, Label, load_text, locate, match, overlap, rule_right, score_text
from predictions.extract.units import units

SECOND = "second_reader"

# The texts of each second reading (second_reader/README.md): the 12 drawn first (partly quoted by the guide), the
# 27 dev texts of batches 20-28 (not quoted by the guide; its notes on them are in general terms), and 12 dev texts
# drawn from batches 45-59 (two readers, A the first six, B the last six, in draw order).
GROUPS: dict[str, list[str]] = {
    "first-12": [
        "fed-speech-brainard-2022-10-10",
        "eia-steo-2025-11-economy",
        "noaa-2017-08-hurricane-advisory",
        "wb-cmo-2025-10-summary",
        "fomc-minutes-2018-05",
        "fomc-statement-2012-09-13",
        "fomc-minutes-2016-04",
        "fed-speech-brainard-2023-01-19",
        "voa-2005-04-13-imf",
        "ecb-pr-2025-09-11",
        "fomc-transcript-1999-10",
        "voa-2017-02-02-tech-sightings",
    ],
    "batches-20-28": [
        "bls-ep-2023-09-06",
        "cpc-enso-disc-2004-06",
        "cpc-enso-disc-2019-09",
        "eia-tie-2021-10-13",
        "ers-wheat-outlook-2021-05",
        "fed-speech-barr-2022-10-12",
        "fed-speech-jefferson-2022-10-04",
        "fed-speech-powell-2018-04-06",
        "fed-speech-yellen-2014-04-16",
        "fed-testimony-bernanke-2011-03-01",
        "fomc-minutes-2002-03",
        "fomc-minutes-2011-11",
        "fomc-minutes-2013-07",
        "fomc-statement-2008-12-16",
        "fomc-transcript-1995-12",
        "fomc-transcript-2004-03",
        "fomc-transcript-2010-01",
        "fomc-transcript-2016-04",
        "gao-13-428t-multiemployer-2013-03",
        "noaa-spring-outlook-2024-03",
        "treasury-testimony-mnuchin-2020-09-24",
        "voa-2004-08-19-oil-prices",
        "voa-2005-03-06-un-population",
        "voa-2007-02-09-climate-reaction",
        "voa-2010-12-farm-exports",
        "voa-2014-01-15-world-bank-us",
        "voa-2014-11-13-sp-growth",
    ],
    "batches-45-59": [
        "usda-fas-grain-wmt-2025-09-p2",
        "fed-speech-tarullo-2014-02-25",
        "fomc-transcript-2001-10",
        "fed-speech-raskin-2012-03-01",
        "gao-26-107815-ukraine-funding-2026-03",
        "whitehouse-briefing-bernstein-2023-09-13",
        "fomc-transcript-2000-02",
        "gao-26-109008-usps-2026-03",
        "fed-speech-yellen-2011-06-09",
        "fed-speech-duke-2013-02-05",
        "usda-fas-oilseeds-wmt-2025-09-p2",
        "beige-book-2001-01",
    ],
}


def load_second(root: Path, text_id: str, text: str) -> list[Label]:
    """The second reader's sentences of one text, located in it (``locate``: exact first, then whitespace-free)."""
    doc = json.loads((root / SECOND / "labels" / f"{text_id}.json").read_text(encoding="utf-8"))
    out = []
    for item in doc["predictive_sentences"]:
        span = locate(item["sentence"], text)
        if span is None:
            raise ValueError(f"{text_id}: second reader's sentence not in the text: {item['sentence'][:60]!r}")
        out.append(Label(item["sentence"], span[0], span[1], item))
    return out


def second_ids(root: Path, only: list[str] | None = None) -> list[str]:
    """The texts the second reader labelled, in the manifest's order; with ``only``, those of them in ``only`` (an id
    in ``only`` that the second reader has not labelled, or that the manifest lacks, is an error)."""
    done = {p.stem for p in (root / SECOND / "labels").glob("*.json")}
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    listed = {e["id"] for e in manifest["texts"]}
    if only is not None:
        missing = sorted(set(only) - (done & listed))
        if missing:
            raise ValueError(f"not labelled by the second reader (or not in the manifest): {', '.join(missing)}")
    return [e["id"] for e in manifest["texts"] if e["id"] in done and (only is None or e["id"] in only)]


def pairs(reference: list[Label], other: list[Label]) -> list[tuple[Label, Label]]:
    """(reference, other) for each reference sentence found: the other sentence that overlaps it most, as
    ``score_text`` picks the true candidate (the first of equal overlaps)."""
    best: dict[int, Label] = {}
    for item in other:
        ref = match((item.start, item.end), reference)
        if ref is None:
            continue
        held = best.get(id(ref))
        shared = overlap((item.start, item.end), (ref.start, ref.end))
        if held is None or shared > overlap((held.start, held.end), (ref.start, ref.end)):
            best[id(ref)] = item
    return [(ref, best[id(ref)]) for ref in reference if id(ref) in best]


def _dates(data: dict[str, Any]) -> set[str | None]:
    return {data["deadline"], *data.get("deadline_also_ok", [])}


def deadline_exact(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return a["deadline"] == b["deadline"]


def deadline_accepted(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Both null, or either reader's date among the other's accepted dates."""
    if a["deadline"] is None or b["deadline"] is None:
        return a["deadline"] is None and b["deadline"] is None
    return a["deadline"] in _dates(b) or b["deadline"] in _dates(a)


_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
QUOTED_RUN = 50


def _fold(s: str) -> str:
    return " ".join(s.translate(_FOLD).split())


def quoted_in(passage: str, readme: str, run: int = QUOTED_RUN) -> bool:
    """Whether ``readme`` (already folded) holds one of the (run - 10)-character windows of ``passage`` taken every 10
    characters (the whole passage when shorter than ``run``): a shared stretch of ``run`` characters is always
    caught, one shorter than run - 10 never."""
    flat = _fold(passage)
    if len(flat) < run:
        return flat in readme
    size = run - 10
    return any(flat[i : i + size] in readme for i in range(0, len(flat) - size + 1, 10))


def kappa_counts(
    text: str, first: list[Label], second: list[Label], readme: str = "", run: int = QUOTED_RUN
) -> dict[str, Any]:
    """The 2x2 table over the text's units (yes/no for each reader), the same split into units the README quotes and
    the others, and each reader's sentences that match no unit."""
    spans = [(u.start, u.end) for u in units(text)]
    table = {"yy": 0, "yn": 0, "ny": 0, "nn": 0}
    split = {"quoted": dict(table), "unquoted": dict(table)}
    for span in spans:
        a = match(span, first) is not None
        b = match(span, second) is not None
        cell = ("y" if a else "n") + ("y" if b else "n")
        table[cell] += 1
        split["quoted" if readme and quoted_in(text[span[0] : span[1]], readme, run) else "unquoted"][cell] += 1
    off = {
        name: [lab.sentence for lab in labels if not any(match(span, [lab]) for span in spans)]
        for name, labels in (("first", first), ("second", second))
    }
    return {"units": len(spans), **table, "by_quote": split, "off_units": off}


def kappa(t: dict[str, int]) -> float | None:
    """Cohen's kappa of a 2x2 table {yy, yn, ny, nn} (first reader's call first); None when p_e is 1."""
    n = t["yy"] + t["yn"] + t["ny"] + t["nn"]
    if n == 0:
        return None
    p_o = (t["yy"] + t["nn"]) / n
    a_yes = (t["yy"] + t["yn"]) / n
    b_yes = (t["yy"] + t["ny"]) / n
    p_e = a_yes * b_yes + (1 - a_yes) * (1 - b_yes)
    return None if p_e == 1 else (p_o - p_e) / (1 - p_e)


def compare_text(
    text: str, first: list[Label], second: list[Label], readme: str = "", run: int = QUOTED_RUN
) -> dict[str, Any]:
    """Counts for one text (see the module docstring)."""
    scored = score_text(text, first, [{"quote": s.sentence, "start": s.start} for s in second])
    matched = pairs(first, second)
    assert len(matched) == scored["true_candidates"] == scored["found"]
    both_numbered = [(a, b) for a, b in matched if a.data["has_number"] and b.data["has_number"]]
    return {
        "first": len(first),
        "second": len(second),
        "found": scored["found"],
        "true": scored["true_candidates"],
        "pairs": len(matched),
        "deadline_exact": sum(deadline_exact(a.data, b.data) for a, b in matched),
        "deadline_accepted": sum(deadline_accepted(a.data, b.data) for a, b in matched),
        "has_number_same": sum(a.data["has_number"] == b.data["has_number"] for a, b in matched),
        "both_numbered": len(both_numbered),
        "rule_same": sum(rule_right(b.data["rule"], a.data["rule"]) for a, b in both_numbered),
        **kappa_counts(text, first, second, readme, run),
        "first_only": scored["missed"],
        "second_only": scored["false"],
        "second_duplicate": scored["duplicate"],
        "deadline_differs": [
            {
                "first": a.sentence,
                "first_deadline": a.data["deadline"],
                "first_also": a.data.get("deadline_also_ok", []),
                "second_deadline": b.data["deadline"],
                "second_also": b.data.get("deadline_also_ok", []),
                "accepted": deadline_accepted(a.data, b.data),
            }
            for a, b in matched
            if not deadline_exact(a.data, b.data)
        ],
        "has_number_differs": [
            {"first": a.sentence, "first_has_number": a.data["has_number"], "second_has_number": b.data["has_number"]}
            for a, b in matched
            if a.data["has_number"] != b.data["has_number"]
        ],
        "rule_differs": [
            {"first": a.sentence, "first_rule": a.data["rule"], "second_rule": b.data["rule"]}
            for a, b in both_numbered
            if not rule_right(b.data["rule"], a.data["rule"])
        ],
    }


_SUMMED = (
    "first",
    "second",
    "found",
    "true",
    "pairs",
    "deadline_exact",
    "deadline_accepted",
    "has_number_same",
    "both_numbered",
    "rule_same",
    "units",
    "yy",
    "yn",
    "ny",
    "nn",
)


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def rates(c: dict[str, Any]) -> dict[str, Any]:
    recall = _ratio(c["found"], c["first"])
    precision = _ratio(c["true"], c["second"])
    if recall is None or precision is None:
        f1 = None
    else:
        f1 = 2 * recall * precision / (recall + precision) if recall + precision else 0.0
    return {
        "recall": recall,
        "precision": precision,
        "f1": f1,
        "kappa": kappa(c),
        "deadline_exact_share": _ratio(c["deadline_exact"], c["pairs"]),
        "deadline_accepted_share": _ratio(c["deadline_accepted"], c["pairs"]),
        "has_number_share": _ratio(c["has_number_same"], c["pairs"]),
        "rule_share": _ratio(c["rule_same"], c["both_numbered"]),
    }


def agreement(root: Path = DEFAULT_SET, ids: list[str] | None = None, run: int = QUOTED_RUN) -> dict[str, Any]:
    """Per-text rows and the pooled overall row for the texts the second reader labelled (or ``ids``)."""
    manifest = {e["id"]: e for e in json.loads((root / "manifest.json").read_text(encoding="utf-8"))["texts"]}
    readme_path = root / "README.md"
    readme = _fold(readme_path.read_text(encoding="utf-8")) if readme_path.exists() else ""
    rows = []
    for text_id in second_ids(root, ids):
        doc = load_text(root, manifest[text_id])
        counts = compare_text(doc["text"], doc["labels"], load_second(root, text_id, doc["text"]), readme, run)
        rows.append({"id": text_id, "genre": doc.get("genre"), **counts, **rates(counts)})
    total = {key: sum(r[key] for r in rows) for key in _SUMMED}
    total["off_units"] = {k: sum(len(r["off_units"][k]) for r in rows) for k in ("first", "second")}
    total["by_quote"] = {}
    for part in ("quoted", "unquoted"):
        cells = {c: sum(r["by_quote"][part][c] for r in rows) for c in ("yy", "yn", "ny", "nn")}
        total["by_quote"][part] = {
            **cells,
            "units": sum(cells.values()),
            "kappa": kappa(cells),
            "unit_recall": _ratio(cells["yy"], cells["yy"] + cells["yn"]),
            "unit_precision": _ratio(cells["yy"], cells["yy"] + cells["ny"]),
        }
    return {
        "set": str(root),
        "texts": rows,
        "overall": {"texts": len(rows), **total, **rates(total)},
        "genres": by_genre(rows),
        "bootstrap": bootstrap(rows) if rows else None,
    }


def by_genre(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One pooled row per genre (counts summed over the genre's texts, rates from the sums), genres by name."""
    out = []
    for genre in sorted({str(r["genre"]) for r in rows}):
        part = [r for r in rows if str(r["genre"]) == genre]
        total = {key: sum(r[key] for r in part) for key in _SUMMED}
        out.append({"id": genre, "genre": genre, "texts": len(part), **total, **rates(total)})
    return out


def bootstrap(rows: list[dict[str, Any]], draws: int = 2000, seed: int = 20261227) -> dict[str, Any]:
    """95% percentile intervals of the pooled recall, precision, F1 and kappa when the texts are drawn again with
    replacement (``draws`` times, ``random.Random(seed)``): how much the figures owe to which texts were drawn."""
    rng = random.Random(seed)
    got: dict[str, list[float]] = {"recall": [], "precision": [], "f1": [], "kappa": []}
    for _ in range(draws):
        pick = [rows[rng.randrange(len(rows))] for _ in rows]
        r = rates({key: sum(x[key] for x in pick) for key in _SUMMED})
        for name, values in got.items():
            if r[name] is not None:
                values.append(r[name])
    out = {}
    for name, values in got.items():
        values.sort()
        out[name] = [values[int(0.025 * (len(values) - 1))], values[int(0.975 * (len(values) - 1))]] if values else None
    return {"draws": draws, "seed": seed, **out}


def _cell(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _row(name: str, r: dict[str, Any]) -> str:
    return (
        f"| {name} | {r['first']} | {r['second']} | {r['found']} | {_cell(r['recall'])} | {_cell(r['precision'])} | "
        f"{_cell(r['f1'])} | {r['units']} | {_cell(r['kappa'])} | {_cell(r['deadline_exact_share'])} | "
        f"{_cell(r['deadline_accepted_share'])} | {_cell(r['has_number_share'])} | "
        f"{_cell(r['rule_share'])} ({r['rule_same']}/{r['both_numbered']}) |"
    )


def genre_markdown(result: dict[str, Any]) -> str:
    lines = [
        "| genre (texts) | first | second | both | recall | precision | F1 | units | kappa | deadline exact | "
        "deadline accepted | has_number | rule |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    lines += [_row(f"{g['genre']} ({g['texts']})", g) for g in result["genres"]]
    lines.append(_row(f"**overall** ({result['overall']['texts']})", result["overall"]))
    return "\n".join(lines)


def markdown(result: dict[str, Any]) -> str:
    lines = [
        "| text | first | second | both | recall | precision | F1 | units | kappa | deadline exact | "
        "deadline accepted | has_number | rule |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    lines += [_row(r["id"], r) for r in result["texts"]]
    lines.append(_row("**overall**", result["overall"]))
    off = result["overall"]["off_units"]
    boot = result.get("bootstrap")
    if boot:
        lines += [
            "",
            f"95% intervals over texts drawn again with replacement ({boot['draws']} draws, seed {boot['seed']}): "
            + ", ".join(
                f"{k} {_cell(v[0])}-{_cell(v[1])}"
                for k in ("recall", "precision", "f1", "kappa")
                if (v := boot[k]) is not None
            )
            + ".",
        ]
    lines += [
        "",
        f"Sentences matching no unit (left out of kappa): first reader {off['first']}, second {off['second']}.",
        "",
        "| units | n | both yes | first only | second only | both no | recall (units) | precision (units) | kappa |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for part, t in result["overall"]["by_quote"].items():
        lines.append(
            f"| {part} in the README | {t['units']} | {t['yy']} | {t['yn']} | {t['ny']} | {t['nn']} | "
            f"{_cell(t['unit_recall'])} | {_cell(t['unit_precision'])} | {_cell(t['kappa'])} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON, with every disagreement listed")
    parser.add_argument("--set", type=Path, default=DEFAULT_SET, help="the labelled set's folder")
    parser.add_argument(
        "--quoted-run", type=int, default=QUOTED_RUN, help="characters in a row that make a unit quoted in the README"
    )
    parser.add_argument("--ids", help="only these texts (ids separated by commas)")
    parser.add_argument("--group", choices=sorted(GROUPS), help="only the texts of one second reading")
    parser.add_argument("--by-genre", action="store_true", help="add a table pooled over each genre")
    args = parser.parse_args(argv)
    ids: list[str] | None = None
    if args.ids:
        ids = [i.strip() for i in args.ids.split(",") if i.strip()]
    if args.group:
        ids = [i for i in GROUPS[args.group] if ids is None or i in ids]
    result = agreement(args.set, ids=ids, run=max(20, args.quoted_run))
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        print(markdown(result) + ("\n\n" + genre_markdown(result) if args.by_genre else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
