"""Scores: Brier, log score and calibration, and the track record by author, source, model and researcher.

Modules: ``kept`` (track records kept per ledger version), ``scoring``, ``track_record``.
"""

__all__ = [
    "kept",
    "scoring",
    "track_record",
]
