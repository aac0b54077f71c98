"""predictions.extract.patterns: the rules' regular expressions kept compiled between processes are re's own."""

from __future__ import annotations

import marshal
import re
import subprocess
import sys
from pathlib import Path

import pytest

import predictions.extract.candidates  # noqa: F401  (every rule module compiles its patterns)
from predictions.extract import patterns

ROOT = Path(__file__).resolve().parents[2]


def test_every_pattern_the_rules_use_is_the_pattern_re_compiles() -> None:
    # re.Pattern's == compares the pattern, the flags and the engine's code: the standard library is the oracle
    assert len(patterns._used) > 500
    for pattern, flags in patterns._used:
        kept = patterns.compile(pattern, flags)
        assert kept == re.compile(pattern, flags), pattern
        assert kept.groupindex == re.compile(pattern, flags).groupindex


@pytest.mark.parametrize(
    ("pattern", "flags", "text", "expected"),
    [
        (r"(?P<year>20\d\d)-(?P<month>\d\d)", 0, "due 2026-03", {"year": "2026", "month": "03"}),
        (r"\bwill\s+(?:rise|fall)\b", re.I, "Prices WILL  Rise", {}),
        (r"(?i)caf\u00e9", 0, "CAF\u00c9", {}),
    ],
)
def test_a_kept_pattern_matches_as_re_does(pattern: str, flags: int, text: str, expected: dict[str, str]) -> None:
    kept = patterns.compile(pattern, flags)
    found = kept.search(text)
    assert found is not None and found.groupdict() == expected
    assert kept.flags == re.compile(pattern, flags).flags


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The module as in a new process whose kept file is ``tmp_path/__pycache__/kept.marshal`` (not yet written)."""
    path = tmp_path / "__pycache__" / "kept.marshal"
    monkeypatch.setattr(patterns, "PATH", path)
    monkeypatch.setattr(patterns, "_kept", {})
    monkeypatch.setattr(patterns, "_used", set())
    monkeypatch.setattr(patterns, "_missed", 0)
    return path


def test_the_file_is_written_read_back_and_ignored_when_it_is_not_this_pythons(fresh: Path) -> None:
    path = fresh
    assert patterns.save() is False  # nothing compiled yet: nothing to write
    first = patterns.compile(r"\bnever\s+used\s+before\s+\d{3}\b", re.I)  # a miss: something to write
    assert patterns._missed == 1 and patterns.save()
    assert patterns.save() is False  # written: nothing new since
    engine, kept = marshal.loads(path.read_bytes())
    assert engine == patterns._ENGINE and set(kept) == patterns._used == {(first.pattern, re.I.value)}
    assert patterns._load(path) == kept
    # a new process reads it: the same pattern is no miss
    patterns._kept.clear()
    patterns._missed = 0
    assert patterns.compile(first.pattern, re.I) == first and patterns._missed == 0
    # another Python's (or engine's) file, a truncated one, none at all: nothing is read
    path.write_bytes(marshal.dumps(((0, 0, 0, 0), kept)))
    assert patterns._load(path) == {}
    whole = marshal.dumps((patterns._ENGINE, kept))
    path.write_bytes(whole[: len(whole) // 2])
    assert patterns._load(path) == {}
    assert patterns._load(path.with_name("absent.marshal")) == {}


def test_an_unwritable_place_is_no_error(fresh: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    patterns.compile(r"\banother\s+new\s+one\s+\d{4}\b")
    assert patterns.save(blocker / "__pycache__" / "kept.marshal") is False
    assert not list(tmp_path.glob("**/*.tmp"))


def test_a_fresh_process_reads_the_kept_file_and_compiles_nothing(tmp_path: Path) -> None:
    assert patterns.PATH.exists()  # written by tests/conftest.py before the test processes start
    code = (
        "import predictions.extract.candidates\n"
        "from predictions.extract import patterns\n"
        "print(patterns._missed, len(patterns._used))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    missed, used = map(int, run.stdout.split())
    assert missed == 0 and used > 500


def test_past_the_cap_patterns_are_re_s_and_not_kept(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(patterns, "MAX_KEPT", 2)
    for n in range(4):
        assert patterns.compile(rf"\bcase\s+{n}\b").search(f"a case {n} here")
    assert len(patterns._kept) == 2 and patterns._missed == 2


def test_a_damaged_entry_is_compiled_again(fresh: Path) -> None:
    # well-formed marshal whose code the engine refuses ("invalid SRE code"): the pattern is re's all the same
    pattern = r"\bdamaged\s+(?P<n>\d+)\b"
    fresh.parent.mkdir(parents=True)
    fresh.write_bytes(marshal.dumps((patterns._ENGINE, {(pattern, 0): (0, [1, 2, 3], 0, {}, ())})))
    kept = patterns.compile(pattern)
    assert kept == re.compile(pattern) and kept.search("a damaged 42 one").group("n") == "42"
    assert patterns._missed == 1  # and the file is written right at the next save
