"""How long `predtrack extract` takes on a 1,000-word article, from start to answer, and where the time goes.

The article is the test articles (tests/predictions/articles) one after another until 1,000 words. Each run is a
fresh process (`python -m service.cli extract FILE --format json`), as a researcher runs it; ``--runs`` of them,
one at a time. Then the same with `-X importtime`, to name the slowest imports.

    python -m benchmarks.intake_cli [--runs 5] [--words 1000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "tests" / "predictions" / "articles"


def article(words: int) -> str:
    """The test articles, repeated in order, cut at ``words`` words (whole paragraphs kept)."""
    paragraphs: list[str] = []
    count = 0
    while count < words:
        for path in sorted(ARTICLES.iterdir()):
            for paragraph in path.read_text(encoding="utf-8").split("\n\n"):
                paragraphs.append(paragraph)
                count += len(paragraph.split())
                if count >= words:
                    return "\n\n".join(paragraphs)
    return "\n\n".join(paragraphs)


def main() -> None:
    """Time ``--runs`` runs and print each, the median and the ten slowest imports of one more run."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--words", type=int, default=1000)
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "article.txt"
        path.write_text(article(args.words), encoding="utf-8")
        command = [sys.executable, "-m", "service.cli", "extract", str(path), "--format", "json",
                   "--published-on", "2025-01-15", "--author", "Bench"]  # fmt: skip
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            run = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300, check=True)
            times.append(time.perf_counter() - started)
            print(f"{times[-1]:.2f} s  ({run.stderr.strip().splitlines()[-1]})")
        print(f"{len(path.read_text().split())} words, {args.runs} runs: median {statistics.median(times):.2f} s, "
              f"min {min(times):.2f} s, max {max(times):.2f} s")  # fmt: skip
        traced = subprocess.run(command[:1] + ["-X", "importtime"] + command[1:], env=env, capture_output=True,
                                text=True, timeout=300, check=True)  # fmt: skip
    rows = []
    for line in traced.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            _, cumulative, name = line.removeprefix("import time:").split("|")
            if cumulative.strip().isdigit():
                rows.append((int(cumulative), name.rstrip()))
    print("slowest imports (cumulative, under -X importtime):")
    for cumulative, name in sorted(rows, reverse=True)[:10]:
        print(f"  {cumulative / 1e6:6.2f} s {name}")


if __name__ == "__main__":
    main()
