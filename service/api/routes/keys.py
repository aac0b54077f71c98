"""API keys (admin): list them, create one, revoke one. A revoked key is refused from the next request on."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Path
from pydantic import BaseModel

from predictions.access.keys import create_key, list_keys, revoke_key
from predictions.ledger.schemas import MAX_ID, Line200, RequestModel
from predictions.ledger.tables import KeyRole
from service.api.auth import AdminDep
from service.api.deps import ClockDep, SessionDep

router = APIRouter(prefix="/keys", tags=["keys"])
KeyId = Annotated[int, Path(ge=1, le=MAX_ID, description="The key's id (from GET /keys).")]


class KeyCreate(RequestModel):
    """A new key's role and holder."""

    role: KeyRole
    name: Line200


class KeyRead(BaseModel):
    """A key without its secret (only its prefix, to recognise it)."""

    id: int
    name: str
    prefix: str
    role: KeyRole
    created_at: datetime
    revoked_at: datetime | None


class KeyCreated(KeyRead):
    """A new key with its secret: the only time it is shown."""

    key: str


@router.get("")
def get_keys(session: SessionDep, _admin: AdminDep) -> list[KeyRead]:
    """Every key, live and revoked (admin)."""
    return [KeyRead.model_validate(row, from_attributes=True) for row in list_keys(session)]


@router.post("", status_code=201)
def post_key(body: KeyCreate, session: SessionDep, clock: ClockDep, _admin: AdminDep) -> KeyCreated:
    """Create a key (admin); the answer holds its secret, shown this once."""
    new = create_key(session, role=body.role, name=body.name, clock=clock)
    return KeyCreated(**KeyRead.model_validate(new.row, from_attributes=True).model_dump(), key=new.secret)


@router.post("/{key_id}/revoke")
def post_revoke(key_id: KeyId, session: SessionDep, clock: ClockDep, admin: AdminDep) -> KeyRead:
    """Revoke a key (admin; not the key of the request): its next request gets 401."""
    row = revoke_key(session, key_id=key_id, clock=clock, by_key_id=admin.id)
    return KeyRead.model_validate(row, from_attributes=True)
