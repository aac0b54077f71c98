from datetime import date

import pytest

from predictions.rescore.baserate import EPSILON, constant_prior, hazard_probability

MADE, DEADLINE = date(2024, 1, 1), date(2025, 1, 1)


def test_without_a_check_it_is_the_prior_whatever_the_date() -> None:
    """Old behaviour caught: P fell with the calendar (``on=today``) though nobody had looked for the event."""
    assert hazard_probability(prior=0.3, made_on=MADE, deadline=DEADLINE, checked_through=None) == 0.3


def test_a_check_conditions_on_no_event_through_its_date() -> None:
    # Life 2024-01-01 through 2025-01-01, both included: 367 days. Checked through 2024-07-02: 184 days seen,
    # 183 left: 1 - (1 - 0.64) ** (183 / 367).
    half = hazard_probability(prior=0.64, made_on=MADE, deadline=DEADLINE, checked_through=date(2024, 7, 2))
    assert half == pytest.approx(1 - 0.36 ** (183 / 367), abs=1e-12)


FOUR_DAYS = date(2024, 1, 4)  # a life of 2024-01-01, 01-02, 01-03 and 01-04


@pytest.mark.parametrize(
    ("checked_through", "expected"),
    [
        (date(2024, 1, 1), 0.875),  # 1 of 4 days seen: 1 - (1/16) ** (3/4) = 1 - 1/8
        (date(2024, 1, 2), 0.75),  # 2 of 4: 1 - (1/16) ** (1/2) = 1 - 1/4
        (date(2024, 1, 3), 0.5),  # 3 of 4: 1 - (1/16) ** (1/4) = 1 - 1/2
    ],
)
def test_a_check_through_a_day_covers_that_day(checked_through: date, expected: float) -> None:
    """Old behaviour caught: a check through made_on left the prior (15/16) as if nobody had looked that day."""
    p = hazard_probability(prior=15 / 16, made_on=MADE, deadline=FOUR_DAYS, checked_through=checked_through)
    assert p == pytest.approx(expected, abs=1e-12)


def test_a_check_through_the_deadline_leaves_the_floor() -> None:
    assert hazard_probability(prior=0.3, made_on=MADE, deadline=DEADLINE, checked_through=DEADLINE) == EPSILON
    assert hazard_probability(prior=0.3, made_on=MADE, deadline=DEADLINE, checked_through=date(2030, 1, 1)) == EPSILON


def test_a_check_before_made_on_is_the_prior_and_bad_priors_are_refused() -> None:
    early = date(2023, 1, 1)
    assert hazard_probability(prior=0.2, made_on=MADE, deadline=DEADLINE, checked_through=early) == pytest.approx(0.2)
    with pytest.raises(ValueError, match="strictly between 0 and 1"):
        hazard_probability(prior=1.0, made_on=MADE, deadline=DEADLINE, checked_through=None)


def test_probabilities_stay_inside_the_ledger_bounds() -> None:
    # A near-certain prior is clipped to 1 - EPSILON, with or without a check.
    assert hazard_probability(prior=0.9999, made_on=MADE, deadline=DEADLINE, checked_through=None) == 1 - EPSILON
    assert hazard_probability(prior=0.9999, made_on=MADE, deadline=DEADLINE, checked_through=MADE) == 1 - EPSILON
    with pytest.raises(ValueError, match="strictly between 0 and 1"):
        hazard_probability(prior=0.0, made_on=MADE, deadline=DEADLINE, checked_through=None)


def test_a_one_day_life_checked_through_its_deadline_is_over() -> None:
    # made_on to deadline is one day; a check through the deadline leaves no time for the event.
    one_day = date(2024, 1, 2)
    assert hazard_probability(prior=0.5, made_on=MADE, deadline=one_day, checked_through=one_day) == EPSILON


def test_a_claim_due_the_day_it_was_made_is_over_once_that_day_is_checked() -> None:
    # Its life is that one day: a check through it leaves nothing (a life counted as two days would leave half:
    # 1 - 0.5 ** (1 / 2) = 0.29).
    assert hazard_probability(prior=0.5, made_on=MADE, deadline=MADE, checked_through=MADE) == EPSILON
    assert hazard_probability(prior=0.5, made_on=MADE, deadline=MADE, checked_through=None) == 0.5


@pytest.mark.parametrize(("prior", "expected"), [(0.3, 0.3), (0.9999, 1 - EPSILON), (0.00001, EPSILON)])
def test_a_state_claim_keeps_its_prior_clipped(prior: float, expected: float) -> None:
    assert constant_prior(prior=prior) == expected


@pytest.mark.parametrize("bad", [0.0, 1.0, -0.2])
def test_a_state_claim_refuses_a_prior_outside_0_1(bad: float) -> None:
    with pytest.raises(ValueError, match="strictly between 0 and 1"):
        constant_prior(prior=bad)
