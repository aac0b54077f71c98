"""POST /indicators and POST /indicators/{key}/observations: data in (researcher key)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, BackgroundTasks
from pydantic import BaseModel, ConfigDict, Field

from predictions import catalog
from predictions.ingest import ObservationIn, create_indicator, ingest_observations
from predictions.schemas import IndicatorRead
from service import jobs
from service.api.auth import ResearcherDep
from service.api.deps import ClockDep, SessionDep

router = APIRouter(tags=["ingestion"])

_NUMBER = {"type": "number", "description": "A finite number."}
_TIME = {
    "type": "string",
    "format": "date-time",
    "description": "When this value became known (ISO-8601; a bare date is midnight UTC; default: now).",
}


class IndicatorCreate(BaseModel):
    """A new indicator; ``formula`` makes it derived from other indicators of the same frequency."""

    model_config = ConfigDict(extra="forbid")

    key: str = Field(pattern=r"^[a-z][a-z0-9_]{0,99}$", examples=["m2_m1_spread"], description="A slug.")
    name: str = Field(min_length=1, max_length=300)
    frequency: str = Field(examples=["M"], description="A, Q, M, W or D.")
    unit: str | None = Field(default=None, max_length=100)
    description: str | None = None
    source: str | None = Field(default=None, max_length=500)
    formula: str | None = Field(
        default=None, max_length=1000, examples=["m2_yoy - m1_yoy"], description="Keys, numbers, + - * / and ()."
    )


class ObservationPost(BaseModel):
    """One value of one period. Checked by the use case, so that a bad row is named in the answer."""

    period: Any = Field(json_schema_extra={"type": "string"}, examples=["2025-11"])
    value: Any = Field(json_schema_extra=_NUMBER, examples=[7.5])
    as_of: Any = Field(default=None, json_schema_extra=_TIME)


class ObservationsPost(BaseModel):
    """A batch of observations of one indicator, stored all together or not at all."""

    observations: list[ObservationPost]


class IngestCounts(BaseModel):
    """What the batch did: new periods, revisions (new vintages), and values already known."""

    inserted: int
    revised: int
    unchanged: int


@router.post("/indicators", status_code=201)
def post_indicator(body: IndicatorCreate, session: SessionDep, clock: ClockDep, _key: ResearcherDep) -> IndicatorRead:
    """Create an indicator (a derived one has its history computed from its inputs at once)."""
    indicator = create_indicator(session, clock=clock, **body.model_dump())
    return catalog.describe_indicators(session, indicators=[indicator])[0]


@router.post("/indicators/{key}/observations", response_model=IngestCounts)
def post_observations(
    key: str,
    body: ObservationsPost,
    session: SessionDep,
    clock: ClockDep,
    api_key: ResearcherDep,
    background: BackgroundTasks,
) -> dict[str, int]:
    """Store a batch idempotently: same value again is unchanged, a new value is a revision."""
    result = ingest_observations(
        session,
        indicator_key=key,
        observations=[
            ObservationIn(period=o.period, value=o.value, as_of=o.as_of, row=i)
            for i, o in enumerate(body.observations, start=1)
        ],
        clock=clock,
        origin=f"api:{api_key.name}",
    )
    if result.changed:
        # Background tasks run after the response, i.e. after the request's unit of work has committed.
        background.add_task(jobs.wake)
    return result.counts()
