"""M4 metrics on hand-computed examples."""

from __future__ import annotations

import numpy as np
import pytest

from forecasts import metrics


def test_smape_and_mase_by_hand() -> None:
    assert metrics.smape([100, 200], [110, 200]) == pytest.approx(200 * 10 / 210 / 2)
    assert metrics.smape([0], [0]) == 0.0
    insample = [1.0, 3.0, 2.0, 4.0]  # mean |diff| = (2 + 1 + 2) / 3
    assert metrics.mase([5.0], [4.0], insample, 1) == pytest.approx(1 / (5 / 3))
    # seasonal scale: lag 2 differences (1, 1)
    assert metrics.mase_scale(insample, 2) == pytest.approx(1.0)


def test_msis_penalises_misses() -> None:
    insample = np.arange(10.0)  # scale 1
    inside = metrics.msis([5.0], [4.0], [6.0], insample, 1)
    outside = metrics.msis([8.0], [4.0], [6.0], insample, 1)
    assert inside == pytest.approx(2.0)
    assert outside == pytest.approx(2.0 + 40 * 2.0)


def test_coverage_and_owa() -> None:
    assert metrics.coverage([1, 2, 3, 4], [0, 0, 0, 5], [5, 5, 2, 6]) == 0.5
    naive2 = metrics.Summary(10.0, 2.0, 0.0, 0.0, 0.0, 1)
    mine = metrics.Summary(8.0, 1.0, 0.0, 0.0, 0.0, 1)
    assert metrics.owa(mine, naive2) == pytest.approx(0.5 * (0.8 + 0.5))
