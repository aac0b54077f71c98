"""Candidate claims from an article's text: rule-based, offline and deterministic.

``extract_candidates(text, published_on=...)`` reads plain text or Markdown and proposes claims for a researcher
to confirm. Libraries do the generic parts (pysbd splits sentences, dateparser reads dates and relative dates,
word2number reads number words, quantulum3 finds quantities); the rules written here are only the parts that are
specific to predictions: which sentences predict, the deadline phrases, comparison words, hedges and conditions.

Each candidate is a dict with the fields of ``ClaimCreate`` (``predtrack claims import`` takes the list as is),
plus ``needs_review``: what the rules could not decide and a person must.
"""

from predictions.extract.candidates import Candidate, extract_candidates
from predictions.extract.confidence import CONFIDENCE_TABLE, stated_confidence
from predictions.extract.deadlines import find_deadline, find_text_date
from predictions.extract.thresholds import Threshold, find_threshold

__all__ = [
    "CONFIDENCE_TABLE",
    "Candidate",
    "Threshold",
    "extract_candidates",
    "find_deadline",
    "find_text_date",
    "find_threshold",
    "stated_confidence",
]
