"""Imported once by the intake's fork server: the extraction's imports, and one tiny extraction, so that the
libraries' own first-use loading (quantulum3's unit tables, dateparser's languages) is paid once, not per text."""

from __future__ import annotations

from datetime import date

from predictions.extract.intake import candidate_claims

candidate_claims(
    "Analysts expect inflation will fall below 2.5% by the end of 2026.",
    published_on=date(2025, 1, 1),
    today=date(2025, 1, 1),
)
