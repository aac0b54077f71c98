"""The base-rate model for claims that no data decides (method ``base_rate``).

A claim's ``prior`` is P(the event happens by the deadline), judged on the day the claim was made. The model
assumes a **constant hazard** over the claim's life: the event is equally likely on any day that it has not
yet happened. Fitting the hazard ``lam`` to the prior over the life ``T = deadline - made_on`` (in days)::

    1 - exp(-lam * T) = prior      =>      lam = -ln(1 - prior) / T

Having seen no event up to day ``t``, the probability that it still happens by the deadline is::

    P(t) = 1 - exp(-lam * (T - t)) = 1 - (1 - prior) ** ((T - t) / T)

So P starts at the prior and falls to 0 at the deadline.

That fits **events** ("a court case by 2025", "funds emerge"): claims with no deciding rule, or whose rule
asks whether *any* period passes. A claim about a **state** (its rule reads the window's ``last`` value, its
``mean``, or asks that ``all`` periods pass) is not more or less likely because time passes without data: until
its indicator has data it keeps its prior (model ``constant_prior``).

The ledger keeps probabilities strictly inside
(0, 1), so P is clipped to [EPSILON, 1 - EPSILON]. The model's only moving input is the calendar: it is
evaluated per day, and the day is recorded as the snapshot's ``data_as_of``.
"""

from __future__ import annotations

import math
from datetime import date

METHOD = "base_rate"
MODEL = "constant_hazard"
STATE_MODEL = "constant_prior"
VERSION = "1"
EPSILON = 1e-3


def hazard_probability(*, prior: float, made_on: date, deadline: date, on: date) -> float:
    """P(event by ``deadline`` | no event by ``on``) under a constant hazard fitted to ``prior``."""
    if not 0.0 < prior < 1.0:
        raise ValueError(f"prior must be strictly between 0 and 1, not {prior}")
    life = max((deadline - made_on).days, 1)
    elapsed = min(max((on - made_on).days, 0), life)
    remaining_share = (life - elapsed) / life
    probability = 1.0 - math.pow(1.0 - prior, remaining_share)
    return min(max(probability, EPSILON), 1.0 - EPSILON)


def constant_prior(*, prior: float) -> float:
    """The prior itself, clipped like every probability the ledger keeps (for claims about a state)."""
    if not 0.0 < prior < 1.0:
        raise ValueError(f"prior must be strictly between 0 and 1, not {prior}")
    return min(max(prior, EPSILON), 1.0 - EPSILON)
