"""Small deterministic series for the model tests (short, so the whole suite stays fast)."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from forecasts.types import Series


def seasonal_monthly(n: int = 60, seed: int = 1) -> Series:
    """A positive trending monthly series with a yearly pattern and noise."""
    rng = np.random.default_rng(seed)
    t = np.arange(n)
    values = 100 + 0.2 * t + 30 * np.sin(2 * np.pi * t / 12) + rng.normal(0, 2, n)
    return Series(values, "M", date(2018, 1, 1), "seasonal")


def yearly(n: int = 20, seed: int = 2) -> Series:
    """A short trending yearly series."""
    rng = np.random.default_rng(seed)
    values = 50 + 2.0 * np.arange(n) + rng.normal(0, 3, n).cumsum()
    return Series(values, "A", date(2000, 1, 1), "yearly")


@pytest.fixture
def monthly_series() -> Series:
    return seasonal_monthly()


@pytest.fixture
def yearly_series() -> Series:
    return yearly()
