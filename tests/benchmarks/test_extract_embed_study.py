"""The pure helpers of benchmarks/extract_embed_study.py (no torch, no embedding, no extractor run)."""

from __future__ import annotations

from benchmarks.extract_embed_study import fold_text, inner_folds, nested_pick, text_key


def counts(labelled: int, candidates: int, found: int, true: int) -> dict[str, int]:
    return {"labelled": labelled, "candidates": candidates, "found": found, "true_candidates": true}


def test_fold_text_folds_whitespace_and_keys_differ() -> None:
    assert fold_text("  We expect\ngrowth\t to slow. ") == "We expect growth to slow."
    assert text_key("a") != text_key("b") and len(text_key("a")) == 64


def test_inner_folds_deal_whole_groups_round_robin() -> None:
    assert inner_folds([7, 3, 3, 9, 1, 5, 7], 2) == [[1, 5, 9], [3, 7]]
    assert inner_folds([4, 4], 5) == [[4]]  # fewer groups than folds: one fold per group
    folds = inner_folds(list(range(21)), 5)
    assert sorted(g for f in folds for g in f) == list(range(21)) and len(folds) == 5


def test_nested_pick_chooses_without_the_batch_and_ties_to_the_first_key() -> None:
    # key "strict" helps batches 1 and 2 but ruins 3; "none" is the baseline
    table = {
        "none": {1: counts(10, 10, 8, 6), 2: counts(10, 10, 8, 6), 3: counts(10, 10, 8, 6)},
        "strict": {1: counts(10, 7, 7, 7), 2: counts(10, 7, 7, 7), 3: counts(10, 1, 1, 1)},
    }
    chosen = nested_pick(table, ["none", "strict"])
    assert chosen[3] == "strict"  # chosen on batches 1 and 2, where it is better
    assert chosen[1] == "none" and chosen[2] == "none"  # batch 3 drags "strict" below "none" elsewhere
    same = {"x": {1: counts(1, 1, 1, 1)}, "y": {1: counts(1, 1, 1, 1)}}
    assert nested_pick(same, ["y", "x"]) == {1: "y"}
