"""Researchers' own probabilities for claims, scored like the model's.

Only what was known counts: a forecast is taken for an unresolved claim up to the end of its deadline day.
Later the outcome may already be known, and ``predictions.scoring.track_record`` would never score it, so it is
refused (409) with the reason.
"""

from __future__ import annotations

import math

from sqlmodel import Session

from predictions.claims.repo_resolutions import RESOLVED, human_forecasts_of
from predictions.ledger.clock import Clock
from predictions.ledger.errors import Conflict, InvalidInput, NotFound
from predictions.ledger.tables import Claim, HumanForecast


def add_forecast(
    session: Session, *, claim_id: int, forecaster: str, probability: float, clock: Clock, rationale: str | None = None
) -> HumanForecast:
    """Store ``forecaster``'s probability (strictly between 0 and 1) for an unresolved claim."""
    if isinstance(probability, bool) or not isinstance(probability, int | float) or math.isnan(probability):
        raise InvalidInput(f"probability {probability!r} is not a number", field="probability")
    if not 0.0 < probability < 1.0:
        raise InvalidInput(
            f"probability {probability!r} must be strictly between 0 and 1 (certainty cannot be scored fairly); "
            "use e.g. 0.01 or 0.99",
            field="probability",
        )
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFound(f"claim {claim_id} does not exist")
    if claim.status in RESOLVED:
        raise Conflict(f"claim {claim_id} is already {claim.status.value}; forecasts are for unresolved claims")
    today = clock.now().date()
    if today > claim.deadline:
        raise Conflict(
            f"claim {claim_id}'s deadline {claim.deadline} has passed (today is {today}): the outcome may be known "
            "by now, so a forecast made today would never be scored; forecasts are taken up to the deadline day"
        )
    forecast = HumanForecast(
        claim_id=claim_id,
        forecaster=forecaster,
        probability=float(probability),
        rationale=rationale.strip() if rationale and rationale.strip() else None,
        at=clock.now(),
    )
    session.add(forecast)
    session.flush()
    return forecast


def claim_forecasts(session: Session, *, claim_id: int) -> list[HumanForecast]:
    """The claim's human forecasts, oldest first."""
    return human_forecasts_of(session, claim_ids=[claim_id]).get(claim_id, [])
