"""A ledger indicator proposed for a metric phrase, when its name, key or an alias matches (rapidfuzz).

The catalog is a list of indicators (objects or mappings with ``key``, ``name`` and optionally ``aliases``). A
metric phrase matches an indicator when rapidfuzz's ``token_set_ratio`` between the phrase and one of the
indicator's names, after dropping common words, is at least ``MIN_SCORE`` and the phrase shares at least two
content words with it (one when the phrase has only one): one shared word such as "share" is not a match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

MIN_SCORE = 80.0
_COMMON = {
    "the", "a", "an", "of", "in", "on", "for", "and", "to", "by", "at", "its", "their", "china's", "domestic", "yoy",
    "year", "growth", "rate", "article", "per", "as", "from", "with",
}  # fmt: skip


@dataclass(frozen=True)
class IndicatorMatch:
    """An indicator whose name matches a metric phrase, with the score and the name that matched."""

    key: str
    name: str
    score: float


def _field(indicator: Any, name: str) -> Any:
    return indicator.get(name) if isinstance(indicator, Mapping) else getattr(indicator, name, None)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9'’-]+", text.lower().replace("_", " ")) if w not in _COMMON}


def match_indicator(metric: str | None, catalog: Iterable[Any]) -> IndicatorMatch | None:
    """The catalog's best match for ``metric`` (see the module's docstring), or None."""
    if not metric:
        return None
    from rapidfuzz import fuzz  # imported here: only callers with a catalog pay for it

    wanted = _words(metric)
    if not wanted:
        return None
    best: IndicatorMatch | None = None
    for indicator in catalog:
        key, name = _field(indicator, "key"), _field(indicator, "name") or ""
        for said in [name, key or "", *(_field(indicator, "aliases") or [])]:
            words = _words(said)
            shared = wanted & words
            if len(shared) < min(2, len(wanted)):
                continue
            score = fuzz.token_set_ratio(" ".join(sorted(wanted)), " ".join(sorted(words)))
            if score >= MIN_SCORE and (best is None or score > best.score):
                best = IndicatorMatch(str(key), str(name), float(score))
    return best
