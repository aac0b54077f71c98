"""The default combination's parts: Theta lines, shrunk seasonal indices, per-frequency members."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from forecasts.decompose import NONE, classical, shrunk_seasonal
from forecasts.models import get_model
from forecasts.models._smoothing import fit_ses, fit_theta, theta_line
from forecasts.types import Series


def test_theta_line_takes_one_minus_one_over_theta_of_the_slope() -> None:
    # On the exact line 5 + 2t, SES (alpha chosen from the grid) and OLS slope 2: theta = 3 drifts by
    # 2 * (1 - 1/3) = 4/3 per step, theta = 2 by 1 per step.
    y = 5.0 + 2.0 * np.arange(30)
    ses = fit_ses(y)
    assert theta_line(ses, y, 3.0).trend == pytest.approx(4 / 3)
    assert theta_line(ses, y, 2.0).trend == pytest.approx(1.0)
    # One step ahead, both start from SES's level plus the same start-up correction scaled by their drift.
    p3, p2 = theta_line(ses, y, 3.0).point(2), theta_line(ses, y, 2.0).point(2)
    assert p3[1] - p3[0] == pytest.approx(4 / 3) and p2[1] - p2[0] == pytest.approx(1.0)


def test_theta_two_is_the_standard_theta_method() -> None:
    y = np.log(100 + np.random.default_rng(4).normal(0, 3, 40).cumsum() + np.arange(40))
    assert theta_line(fit_ses(y), y, 2.0) == fit_theta(y)


def test_a_clean_season_is_kept_whole() -> None:
    # Period 3, two cycles, no noise: centred 3-term means are all 20, ratios 1, 1.5, 0.5, 1 at positions
    # 1, 2, 0, 1; each position's ratios agree, so nothing is noise and the indices stay 0.5, 1, 1.5.
    s = shrunk_seasonal(np.array([10.0, 20, 30, 10, 20, 30]), 3)
    assert s.multiplicative
    assert s.indices == pytest.approx([0.5, 1.0, 1.5])


def test_a_noisy_season_is_shrunk_by_the_james_stein_factor() -> None:
    # Worked by hand. Centred 3-term means: 20, 20, 62/3, 62/3 at t = 1..4, so the ratios are
    # 1 and 66/62 at position 1, 1.5 at position 2, 30/62 at position 0.
    p0, p1, p2 = 30 / 62, (1 + 66 / 62) / 2, 1.5
    means = np.array([p0, p1, p2])
    # Within-position variation: only position 1 has two ratios, each (66/62 - 1)/2 from their mean;
    # 4 ratios - 3 positions = 1 degree of freedom, 4/3 cycles.
    noise = 2 * ((66 / 62 - 1) / 2) ** 2 / 1 / (4 / 3)
    spread = np.mean((means - means.mean()) ** 2)
    weight = 1 - noise / spread
    expected = 1 + weight * (means / means.mean() - 1)
    s = shrunk_seasonal(np.array([10.0, 20, 30, 10, 22, 30]), 3)
    assert 0.98 < weight < 1
    assert s.indices == pytest.approx(expected, rel=1e-12)


def test_noise_without_a_season_loses_most_of_it() -> None:
    rng = np.random.default_rng(0)
    shrunk_sizes, classical_sizes = [], []
    for _ in range(50):
        y = 100 + rng.normal(0, 5, 72)
        s = shrunk_seasonal(y, 12)
        shrunk_sizes.append(0.0 if s is NONE else float(np.max(np.abs(s.indices - 1))))
        classical_sizes.append(float(np.max(np.abs(classical(y, 12).indices - 1))))
    # Shrinkage never enlarges an index, and on pure noise it removes at least half of the spurious season.
    assert all(a <= b + 1e-12 for a, b in zip(shrunk_sizes, classical_sizes, strict=True))
    assert np.mean(shrunk_sizes) < 0.5 * np.mean(classical_sizes)


def test_two_cycles_are_enough_for_a_season_one_is_not() -> None:
    t = np.arange(24)
    y = 100 + 30 * np.sin(2 * np.pi * t / 12)
    assert shrunk_seasonal(y, 12) is not NONE
    assert shrunk_seasonal(y[:23], 12) is NONE
    assert shrunk_seasonal(y, 1) is NONE


@pytest.mark.parametrize(
    ("freq", "members"),
    [
        ("A", {"theta3", "damped", "otheta"}),
        ("Q", {"theta3", "damped", "otheta8"}),
        ("M", {"theta", "theta3", "damped", "otheta99"}),
    ],
)
def test_members_per_frequency(freq: str, members: set[str]) -> None:
    values = 50 + np.arange(40.0) + np.random.default_rng(1).normal(0, 1, 40)
    model = get_model("comb").fit(Series(values, freq, date(2000, 1, 1)))  # type: ignore[arg-type]
    assert set(model.weights) == members  # type: ignore[attr-defined]
    assert sum(model.weights.values()) == pytest.approx(1.0)  # type: ignore[attr-defined]


def test_yearly_combination_is_the_mean_of_its_members_in_logs() -> None:
    # A yearly series with no season: the point is exp of the average of theta(3), damped Holt and the
    # optimised Theta line (judged one step ahead) in logs.
    from forecasts.models._optimised_theta import fit_optimised_theta, ses_levels
    from forecasts.models._smoothing import fit_holt

    values = 50 * 1.05 ** np.arange(25) * (1 + np.random.default_rng(2).normal(0, 0.02, 25))
    point, _, _ = get_model("comb").fit(Series(values, "A", date(2000, 1, 1))).point_sd(6)  # type: ignore[attr-defined]
    logs = np.log(values)
    members = [
        theta_line(fit_ses(logs), logs, 3.0).point(6),
        fit_holt(logs, damped=True).point(6),
        fit_optimised_theta(logs, ses_levels([logs])[0], 1).point(6),
    ]
    assert point == pytest.approx(np.exp(np.mean(members, axis=0)), rel=1e-12)
