from benchmarks.extract_finetune_study import at_threshold, f1, split_ids


def test_split_ids_test_by_seed_and_val_drawn_from_the_rest():
    seeds = {"a": 1, "b": 1, "c": 2, "d": 2, "e": 3, "f": 5, "g": 9}
    parts = split_ids(seeds, 5, 0.4, 7)
    assert parts["test"] == ["f", "g"]
    assert len(parts["val"]) == 2
    assert sorted(parts["train"] + parts["val"]) == ["a", "b", "c", "d", "e"]
    assert not set(parts["train"]) & set(parts["val"])
    assert split_ids(seeds, 5, 0.4, 7) == parts  # deterministic


def test_at_threshold_and_f1():
    y = [1, 1, 0, 0]
    p = [0.9, 0.4, 0.6, 0.1]
    assert at_threshold(y, p, 0.5) == {"precision": 0.5, "recall": 0.5}
    assert at_threshold(y, p, 0.95) == {"precision": None, "recall": 0.0}
    assert at_threshold(y, p, 0.0) == {"precision": 0.5, "recall": 1.0}
    assert f1(0.0, 0.0) == 0.0
    assert abs(f1(0.9, 0.85) - 2 * 0.9 * 0.85 / 1.75) < 1e-12
