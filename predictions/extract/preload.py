"""What an extraction worker does before its first text: import the extraction and run it once on a tiny text, so
that the libraries' own first-use loading (quantulum3's unit tables, dateparser's languages) is paid then."""

from __future__ import annotations

from datetime import date


def warm() -> None:
    """Import and run the extraction once."""
    from predictions.extract import patterns
    from predictions.extract.intake import candidate_claims

    candidate_claims(
        "Analysts expect inflation will fall below 2.5% by the end of 2026, and it could rise in 18 months.",
        published_on=date(2025, 1, 1),
        today=date(2025, 1, 1),
    )
    patterns.save()  # a worker is stopped, not ended: its exit would not write the compiled patterns
