"""When the data settled a rule: the first moment the data, as then known, settled it, and the value that did.

An outcome is known at the **first** ``as_of`` at which the data known then settled the rule, not at the
latest revision of the deciding value: a revision that keeps the outcome does not move the date (one that
reverses it flags the claim, see ``predictions.rescore.resolution``). Automatic resolutions and conditions
decided by data are both dated here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session

from forecasts.periods import Frequency
from predictions.data.repo_observations import vintages_until
from predictions.ledger.tables import Claim, ClaimIndicator, Indicator, Observation
from predictions.rescore.evaluation import Evaluation, finish_rule, prepare_from_rows, rule_window
from predictions.rescore.repo import observation_for


@dataclass(frozen=True)
class Settlement:
    """The evaluation as the data stood when they first settled the rule, and the value whose arrival did it."""

    evaluation: Evaluation
    observation: Observation | None

    @property
    def known(self) -> datetime | None:
        """When the outcome became known: the deciding value's ``as_of``."""
        return self.observation.as_of if self.observation is not None else self.evaluation.data_as_of


def first_settlement(
    session: Session, *, claim: Claim, rule: ClaimIndicator, current: Evaluation, now: datetime
) -> Settlement:
    """The first moment up to ``now`` at which the data then known settled ``rule`` as ``current`` settles it.

    Each moment a value of the window (or after it) arrived is replayed with the vintages known then; no
    forecast is needed, since only settled evaluations are kept. ``current`` stands when no earlier moment
    settles the rule the same way.
    """
    assert current.settled is not None
    indicator = session.get(Indicator, rule.indicator_id)
    assert indicator is not None and indicator.id is not None
    window = rule_window(claim, rule, Frequency(indicator.frequency))
    vintages = vintages_until(session, indicator_id=indicator.id, until=now)
    moments = sorted({row.as_of for row in vintages if row.period_start >= window.start})
    n_paths, seed = current.inputs["n_paths"], current.inputs["seed"]
    known: dict[date, Observation] = {}
    arrived = 0
    for moment in moments:
        while arrived < len(vintages) and vintages[arrived].as_of <= moment:
            known[vintages[arrived].period_start] = vintages[arrived]
            arrived += 1
        rows = [known[period] for period in sorted(known)]
        prepared = prepare_from_rows(
            indicator=indicator, rule=rule, window=window, rows=rows, n_paths=n_paths, seed=seed
        )
        if prepared is not None and prepared.outcome is not None and prepared.outcome == current.settled:
            evaluation = finish_rule(prepared)
            return Settlement(evaluation, deciding_observation(session, ev=evaluation, as_of=moment))
    return Settlement(current, deciding_observation(session, ev=current, as_of=now))


def deciding_observation(session: Session, *, ev: Evaluation, as_of: datetime) -> Observation | None:
    """The value whose arrival settled the rule: the latest to arrive of a complete window, else the earliest."""
    indicator = ev.indicator
    assert indicator is not None and indicator.id is not None
    found = [
        observation
        for period in ev.settling_periods
        if (observation := observation_for(session, indicator_id=indicator.id, period_start=period, as_of=as_of))
    ]
    if not found:
        return None
    order = lambda o: (o.as_of, o.period_start)  # noqa: E731
    return max(found, key=order) if ev.settling_needs_all else min(found, key=order)


def exact(value: float) -> str:
    """A stored number as it is: the shortest text that reads back to the same float ("6", "6.000000000000001")."""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text
