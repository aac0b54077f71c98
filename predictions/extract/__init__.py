"""Candidate claims from an article's text: rule-based, offline and deterministic.

``extract_candidates(text, published_on=..., author=..., publisher=..., indicators=...)`` reads plain text or
Markdown and proposes claims for a researcher to confirm. Each candidate's ``to_claim()`` is a dict with the fields
of ``ClaimCreate`` (``predtrack claims import`` takes the list as is), with ``needs_review`` (what the rules could
not decide and a person must) and ``extraction`` (the quote's offsets, the publisher, the speaker).

Modules: ``units`` (the text cut into list items and sentences, bounded), ``confidence`` (which sentences predict,
and the governing modal), ``restate`` (speaker and restated statement), ``deadlines``, ``numbers`` (quantities),
``thresholds`` (proposed rules), ``indicators`` (ledger indicators by name), ``classify`` (a sentence classifier
fitted on the labelled set, which vetoes and admits beside the rules), ``candidates`` (the assembly), ``patterns``
(the rules' regular expressions, compiled once per Python and kept beside the bytecode). Only the standard library
and word2number are imported at import time; rapidfuzz only when a catalog is given.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from predictions.extract.candidates import DEFAULT_YEARS, LONG_RUN_YEARS, Candidate, extract_candidates
    from predictions.extract.confidence import CONFIDENCE_TABLE, governing_cue, stated_confidence
    from predictions.extract.deadlines import find_deadline, find_deadlines, find_text_date
    from predictions.extract.indicators import match_indicator
    from predictions.extract.numbers import Quantity, find_quantities
    from predictions.extract.thresholds import Threshold, find_threshold

# Where each public name lives. The package imports its modules on first use of a name (PEP 562), not at import:
# the rules compile ~600 regular expressions (read from ``patterns``' file when it is there), and a server that only
# hands texts to its extraction workers (``intake``, ``inputs``) must not pay for them at every start.
_HOMES = {
    "DEFAULT_YEARS": "candidates",
    "LONG_RUN_YEARS": "candidates",
    "Candidate": "candidates",
    "extract_candidates": "candidates",
    "CONFIDENCE_TABLE": "confidence",
    "governing_cue": "confidence",
    "stated_confidence": "confidence",
    "find_deadline": "deadlines",
    "find_deadlines": "deadlines",
    "find_text_date": "deadlines",
    "match_indicator": "indicators",
    "Quantity": "numbers",
    "find_quantities": "numbers",
    "Threshold": "thresholds",
    "find_threshold": "thresholds",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


__all__ = [
    "CONFIDENCE_TABLE",
    "DEFAULT_YEARS",
    "LONG_RUN_YEARS",
    "Candidate",
    "Quantity",
    "Threshold",
    "extract_candidates",
    "find_deadline",
    "find_deadlines",
    "find_quantities",
    "find_text_date",
    "find_threshold",
    "governing_cue",
    "match_indicator",
    "stated_confidence",
]
