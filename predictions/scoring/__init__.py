"""Scores: Brier, log score and calibration, and the track record by author, source, model and researcher.

Modules: ``scoring``, ``track_record``.
"""

__all__ = [
    "scoring",
    "track_record",
]
