from datetime import date

import pytest

from predictions.baserate import EPSILON, hazard_probability

MADE, DEADLINE = date(2024, 1, 1), date(2025, 1, 1)


def test_starts_at_the_prior_and_falls_to_the_floor_at_the_deadline() -> None:
    days = [date(2024, 1, 1), date(2024, 4, 1), date(2024, 7, 1), date(2024, 10, 1), date(2024, 12, 31)]
    values = [hazard_probability(prior=0.3, made_on=MADE, deadline=DEADLINE, on=d) for d in days]
    assert values[0] == pytest.approx(0.3)
    assert values == sorted(values, reverse=True)
    assert hazard_probability(prior=0.3, made_on=MADE, deadline=DEADLINE, on=DEADLINE) == EPSILON
    assert hazard_probability(prior=0.3, made_on=MADE, deadline=DEADLINE, on=date(2030, 1, 1)) == EPSILON


def test_half_the_life_left_matches_the_constant_hazard() -> None:
    # 1 - (1 - p) ** 0.5 with p = 0.75 is 0.5: the hazard is constant, so half the time gives half the log-survival.
    mid = hazard_probability(prior=0.75, made_on=date(2024, 1, 1), deadline=date(2024, 1, 21), on=date(2024, 1, 11))
    assert mid == pytest.approx(0.5)


def test_before_made_on_is_the_prior_and_bad_priors_are_refused() -> None:
    assert hazard_probability(prior=0.2, made_on=MADE, deadline=DEADLINE, on=date(2023, 1, 1)) == pytest.approx(0.2)
    with pytest.raises(ValueError, match="strictly between 0 and 1"):
        hazard_probability(prior=1.0, made_on=MADE, deadline=DEADLINE, on=MADE)
