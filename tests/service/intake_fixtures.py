"""What the intake tests share: an article with known predictions, and the fixtures they import.

The extraction workers are started once per module; the app's time limit is made generous, since
those tests are about what is read (the limit itself is tested in test_extract_bounds.py).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from predictions.extract import intake
from service.settings import Settings

ARTICLES = Path(__file__).parents[1] / "predictions" / "articles"
ENERGY = (ARTICLES / "energy_bullets.md").read_text(encoding="utf-8")
BATTERY = "Battery pack prices will fall below $80 per kWh by mid-2027."
COAL = "Fewer than 10 new coal plants will be approved in Europe over the next five years."


@pytest.fixture(scope="module", autouse=True)
def extraction_workers() -> None:
    """The extraction workers, started before the first request."""
    intake.warm_up()
    assert intake.wait_until_warm(120), "the extraction workers did not start"


@pytest.fixture
def settings() -> Settings:
    """The app's settings with a time limit that a machine shared by many test runs cannot miss."""
    return Settings(database_url="sqlite://", private_reads=False, extract_seconds=30)


def pdf_of(text: str) -> bytes:
    """A one-page PDF whose text layer holds ``text`` (matplotlib writes it with a TrueType font)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    figure = Figure(figsize=(8.5, 11))
    figure.text(0.05, 0.9, text, fontsize=9)
    buffer = io.BytesIO()
    with matplotlib.rc_context({"pdf.fonttype": 42}):
        figure.savefig(buffer, format="pdf")
    return buffer.getvalue()
