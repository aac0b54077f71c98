"""The source's stated confidence, in its own words, mapped to a probability by one documented table.

The first phrase of the table that occurs in the sentence (earliest position wins, then the longer phrase) is the
stated confidence. The numbers follow the usual reading of estimative words (Kent's "Words of estimative
probability", Mauboussin & Mauboussin 2018's survey medians), rounded; an unhedged "will" is 0.9, as in the seed.

| words | probability |
|---|---|
| will certainly, will definitely, is certain to, will undoubtedly | 0.95 |
| will almost certainly | 0.93 |
| will, shall, is set to, is poised to, will see | 0.9 |
| is highly likely, very likely, will very likely | 0.85 |
| expect(s), is expected to, we predict, predict(s), forecast(s) | 0.75 |
| will likely, is likely to, likely, will probably, probably | 0.7 |
| should | 0.65 |
| could, may, might, possibly, can | 0.4 |
| is unlikely to, unlikely, will probably not | 0.25 |
| is very unlikely to, highly unlikely | 0.1 |
"""

from __future__ import annotations

import re

CONFIDENCE_TABLE: list[tuple[str, float]] = [
    ("will almost certainly", 0.93),
    ("will certainly", 0.95),
    ("will definitely", 0.95),
    ("will undoubtedly", 0.95),
    ("is certain to", 0.95),
    ("will very likely", 0.85),
    ("very likely", 0.85),
    ("highly likely", 0.85),
    ("is very unlikely to", 0.1),
    ("highly unlikely", 0.1),
    ("will probably not", 0.25),
    ("is unlikely to", 0.25),
    ("are unlikely to", 0.25),
    ("unlikely", 0.25),
    ("will likely", 0.7),
    ("will probably", 0.7),
    ("is likely to", 0.7),
    ("are likely to", 0.7),
    ("is expected to", 0.75),
    ("are expected to", 0.75),
    ("we predict", 0.75),
    ("we expect", 0.75),
    ("expects", 0.75),
    ("expect", 0.75),
    ("predicts", 0.75),
    ("forecasts", 0.75),
    ("is set to", 0.9),
    ("are set to", 0.9),
    ("is poised to", 0.9),
    ("are poised to", 0.9),
    ("will", 0.9),
    ("shall", 0.9),
    ("won't", 0.9),
    ("likely", 0.7),
    ("probably", 0.7),
    ("should", 0.65),
    ("could", 0.4),
    ("may", 0.4),
    ("might", 0.4),
    ("possibly", 0.4),
]

_PATTERNS = [(re.compile(rf"\b{re.escape(words)}\b", re.IGNORECASE), words, p) for words, p in CONFIDENCE_TABLE]


def stated_confidence(sentence: str) -> tuple[str, float] | None:
    """The confidence words that govern ``sentence`` (the earliest match, longest first) and their probability."""
    best: tuple[int, int, str, float] | None = None
    for pattern, words, probability in _PATTERNS:
        match = pattern.search(sentence)
        if match is None:
            continue
        key = (match.start(), -len(words))
        if best is None or key < (best[0], best[1]):
            best = (match.start(), -len(words), match.group(0), probability)
    if best is None:
        return None
    return best[2], best[3]
