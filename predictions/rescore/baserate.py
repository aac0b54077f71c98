"""The base-rate model for claims that no data decides (method ``base_rate``).

A claim's ``prior`` is P(the event happens by the deadline), judged on the day the claim was made. The model
assumes a **constant hazard** over the claim's life: the event is equally likely on any day that it has not
yet happened. The life is every day from ``made_on`` through ``deadline``, both included, so
``T = deadline - made_on + 1`` days. Fitting the hazard ``lam`` to the prior over it::

    1 - exp(-lam * T) = prior      =>      lam = -ln(1 - prior) / T

**Absence of a record is not evidence.** The calendar alone never moves P: that no event was *recorded*
says nothing unless someone looked. A researcher's **check** ("looked, no event through day ``D``", the
claim's ``checked_through``) is the only thing that moves it. A check through ``D`` covers the days from
``made_on`` through ``D``, both included: ``t = D - made_on + 1`` days of the life (a check through ``made_on``
covers its first day; one through a day before ``made_on`` covers none). The probability that the event still
happens by the deadline is::

    P(D) = 1 - exp(-lam * (T - t)) = 1 - (1 - prior) ** ((T - t) / T)

Before any check P is the prior, however much time has passed; a check through the deadline (or later) leaves
only the floor. Past the deadline an unchecked claim keeps the probability last justified (the prior, or the
value at its latest check) while it awaits a researcher's resolution: nothing decays by the date.

That fits **events** ("a court case by 2025", "funds emerge"): claims with no deciding rule, or whose rule
asks whether *any* period passes and whose indicator has no data yet. A claim about a **state** (its rule reads
the window's ``last`` value, its ``mean``, or asks that ``all`` periods pass) is not more or less likely because
time passes without data: until its indicator has data it keeps its prior (model ``constant_prior``), and
checks do not move it.

The ledger keeps probabilities strictly inside (0, 1), so P is clipped to [EPSILON, 1 - EPSILON]. The model's
only moving input is ``checked_through``; a snapshot records it in its inputs and details, and as its
``data_as_of`` (midnight UTC of the day checked, or of ``made_on`` before the first check).
"""

from __future__ import annotations

import math
from datetime import date

METHOD = "base_rate"
MODEL = "constant_hazard"
STATE_MODEL = "constant_prior"
VERSION = "2"  # 2: conditioned on checks, not on the calendar
EPSILON = 1e-3


def hazard_probability(*, prior: float, made_on: date, deadline: date, checked_through: date | None) -> float:
    """P(event by ``deadline`` | no event through ``checked_through``) under a constant hazard fitted to ``prior``.

    Without a check (``checked_through`` None) that is the prior itself: no day passes unobserved into P.
    """
    if not 0.0 < prior < 1.0:
        raise ValueError(f"prior must be strictly between 0 and 1, not {prior}")
    if checked_through is None:
        return min(max(prior, EPSILON), 1.0 - EPSILON)
    life = max((deadline - made_on).days + 1, 1)  # both ends included
    elapsed = min(max((checked_through - made_on).days + 1, 0), life)  # the days checked: made_on through the check
    remaining_share = (life - elapsed) / life
    probability = 1.0 - math.pow(1.0 - prior, remaining_share)
    return min(max(probability, EPSILON), 1.0 - EPSILON)


def constant_prior(*, prior: float) -> float:
    """The prior itself, clipped like every probability the ledger keeps (for claims about a state)."""
    if not 0.0 < prior < 1.0:
        raise ValueError(f"prior must be strictly between 0 and 1, not {prior}")
    return min(max(prior, EPSILON), 1.0 - EPSILON)
