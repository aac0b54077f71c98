"""How numbers read to people, the same on the dashboard, in the feed and in email (one home for web and mail)."""

from __future__ import annotations


def percent(probability: float | None, decimals: int = 0) -> str:
    """A probability as a percentage; the ledger's floors and ceilings read as "<1%" and ">99%"."""
    if probability is None:
        return "–"
    if probability < 0.01:
        return "<1%"
    if probability > 0.99:
        return ">99%"
    return f"{probability * 100:.{decimals}f}%"
