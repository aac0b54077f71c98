"""When the data settled a rule: the first moment the data, as then known, settled it, and the value that did.

An outcome is known at the **first** ``as_of`` at which the data known then settled the rule, not at the
latest revision of the deciding value: a revision that keeps the outcome does not move the date (one that
reverses it flags the claim, see ``predictions.rescore.resolution``). Automatic resolutions and conditions
decided by data are both dated here.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import groupby

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

    The moments are those at which a value of the window (or after it) arrived; each is judged with the
    vintages known then by the engine's own ``prepare_from_rows`` (no forecast: only settled outcomes count).
    More data never unsettles a rule, only a revision can, so between two revisions the answer changes at
    most once, from unsettled to settled: each such stretch is asked at its end and, if settled there,
    bisected. ``current`` stands when no moment settles the rule the same way.
    """
    assert current.settled is not None
    indicator = session.get(Indicator, rule.indicator_id)
    assert indicator is not None and indicator.id is not None
    window = rule_window(claim, rule, Frequency(indicator.frequency))
    vintages = vintages_until(session, indicator_id=indicator.id, until=now)
    arrivals = [row.as_of for row in vintages]
    n_paths, seed = current.inputs["n_paths"], current.inputs["seed"]

    def settled_at(moment: datetime) -> Evaluation | None:
        known: dict[date, Observation] = {}
        for row in vintages[: bisect_right(arrivals, moment)]:
            known[row.period_start] = row
        rows = [known[period] for period in sorted(known)]
        prepared = prepare_from_rows(
            indicator=indicator, rule=rule, window=window, rows=rows, n_paths=n_paths, seed=seed
        )
        if prepared is None or prepared.outcome is None or prepared.outcome != current.settled:
            return None
        return finish_rule(prepared)

    for stretch in _stretches_between_revisions(vintages, window_start=window.start):
        if settled_at(stretch[-1]) is None:
            continue
        low, high = 0, len(stretch) - 1  # settled at stretch[high]; find the first moment that is
        while low < high:
            middle = (low + high) // 2
            if settled_at(stretch[middle]) is None:
                low = middle + 1
            else:
                high = middle
        moment = stretch[low]
        evaluation = settled_at(moment)
        assert evaluation is not None
        return Settlement(evaluation, deciding_observation(session, ev=evaluation, as_of=moment))
    return Settlement(current, deciding_observation(session, ev=current, as_of=now))


def _stretches_between_revisions(vintages: Sequence[Observation], *, window_start: date) -> list[list[datetime]]:
    """The moments values of the window (or after it) arrived, cut where one of them revised a known period."""
    stretches: list[list[datetime]] = []
    seen: set[date] = set()
    for moment, rows in groupby(vintages, key=lambda row: row.as_of):
        batch = [row for row in rows if row.period_start >= window_start]
        if not batch:
            continue
        if not stretches or any(row.period_start in seen for row in batch):
            stretches.append([])
        stretches[-1].append(moment)
        seen.update(row.period_start for row in batch)
    return stretches


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
