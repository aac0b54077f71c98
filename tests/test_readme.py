"""The README is a newcomer's first contact: every repository path it names exists."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parents[1]
# A path into one of the repository's own folders, as the README writes it in prose or in a command.
_PATH = re.compile(r"(?<![\w/.])((?:predictions|service|forecasts|docs|benchmarks|migrations|tests|\.ci)/[\w./-]*\w)")


def test_every_path_the_readme_names_exists() -> None:
    named = set(_PATH.findall((ROOT / "README.md").read_text(encoding="utf-8")))
    assert "predictions/seed/000_f7711c75f2fe8ed3.txt" in named  # the article to try `predtrack extract` on
    assert sorted(p for p in named if not (ROOT / p).exists()) == []
