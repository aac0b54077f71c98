"""POST /indicators and POST /indicators/{key}/observations: data in (researcher key)."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Depends, Request
from pydantic import BaseModel, Field

from predictions.access.keys import allows
from predictions.data import catalog
from predictions.data.ingest import ObservationIn, create_indicator, ingest_observations
from predictions.ledger.errors import InvalidPayload
from predictions.ledger.schemas import (
    IndicatorRead,
    Key,
    Line100,
    Line200,
    Line500,
    RequestModel,
    Text5000,
    observation_batch_schema,
    observation_rows,
)
from predictions.ledger.tables import KeyRole
from service import jobs
from service.api.auth import ResearcherDep
from service.api.deps import ClockDep, SessionDep
from service.settings import Settings

router = APIRouter(tags=["ingestion"])

# The documented bound (the default); a deployment may lower or raise it with PREDTRACK_MAX_BATCH_ROWS.
MAX_BATCH_ROWS = Settings.model_fields["max_batch_rows"].default


class IndicatorCreate(RequestModel):
    """A new indicator; ``formula`` makes it derived from other indicators of the same frequency."""

    key: Key = Field(examples=["m2_m1_spread"], description="A slug.")
    name: Line200
    frequency: str = Field(max_length=20, examples=["M"], description="A, Q, M, W or D.")
    unit: Line100 | None = None
    description: Text5000 | None = None
    source: Line500 | None = None
    formula: str | None = Field(
        default=None, max_length=1000, examples=["m2_yoy - m1_yoy"], description="Keys, numbers, + - * / and ()."
    )


async def observation_batch(request: Request) -> list[ObservationIn]:
    """The body of an observations POST, checked row by row without a model per row (bounded memory)."""
    body = await request.body()
    try:
        payload = json.loads(body, parse_constant=_no_constant)
    except (ValueError, RecursionError) as exc:  # also ints past Python's 4,300-digit limit
        raise InvalidPayload(f"the body is not valid JSON: {str(exc)[:200]}") from None
    del body
    max_rows = request.app.state.settings.max_batch_rows
    return [
        ObservationIn(period=period, value=value, as_of=as_of, row=row)
        for row, period, value, as_of in observation_rows(payload, max_rows=max_rows)
    ]


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


class IngestCounts(BaseModel):
    """What the batch did: new periods, revisions (new vintages), and values already known."""

    inserted: int
    revised: int
    unchanged: int


@router.post("/indicators", status_code=201)
def post_indicator(
    body: IndicatorCreate, request: Request, session: SessionDep, clock: ClockDep, key: ResearcherDep
) -> IndicatorRead:
    """Create an indicator (a derived one has its history computed from its inputs at once).

    A ``csv:`` source on a host outside PREDTRACK_SOURCE_HOSTS needs an admin key (403 otherwise).
    """
    indicator = create_indicator(
        session,
        clock=clock,
        allowed_hosts=request.app.state.settings.source_host_set,
        by_admin=allows(key.role, KeyRole.ADMIN),
        **body.model_dump(),
    )
    return catalog.describe_indicators(session, indicators=[indicator])[0]


@router.post(
    "/indicators/{key}/observations",
    response_model=IngestCounts,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": observation_batch_schema(max_rows=MAX_BATCH_ROWS),
                    "example": {"observations": [{"period": "2025-11", "value": 7.5, "as_of": "2025-12-15"}]},
                }
            },
        }
    },
)
def post_observations(
    key: str,
    session: SessionDep,
    clock: ClockDep,
    api_key: ResearcherDep,
    background: BackgroundTasks,
    observations: Annotated[list[ObservationIn], Depends(observation_batch)],
) -> dict[str, int]:
    """Store a batch (all or nothing) idempotently: same value again is unchanged, a new value is a revision.

    One request takes at most PREDTRACK_MAX_BATCH_ROWS rows (100,000 by default) and PREDTRACK_MAX_BODY_MB.
    """
    result = ingest_observations(
        session,
        indicator_key=key,
        observations=observations,
        clock=clock,
        origin=f"api:{api_key.name}",
    )
    if result.changed:
        # Background tasks run after the response, i.e. after the request's unit of work has committed.
        background.add_task(jobs.wake)
    return result.counts()
