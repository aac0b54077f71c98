"""A ledger export read back into a ledger: all or nothing, and a second import adds nothing.

The whole file is checked before anything is written (``export_format``'s models and ``POST /claims``'s
``ClaimCreate``); a bad item raises ``InvalidInput`` naming the claim or source and the field. Then, in the
caller's one transaction:

- sources are matched by title, URL and publication date, and made when missing;
- a claim already in the ledger (same statement, quote, author, made_on and deadline) is skipped, so importing
  the same export twice adds nothing; the others are created as ``POST /claims`` would (indicators must exist,
  rules are checked), then given their recorded state: status, probability, creation time, condition;
- their resolutions (retracted ones too), checks, human forecasts, audit trail and probability snapshots are
  copied as recorded, timestamps included, with no new audit events and no recomputation;
- observation ids (in snapshot inputs and decisive observations) are the exporting ledger's: each is mapped to
  the observation with the same indicator, period and ``as_of`` here. One this ledger lacks is left out of the
  snapshot's ``observation_ids`` and kept in ``observations_elsewhere``, and counted in the report; its snapshot
  verifies once that vintage is ingested and the snapshot re-imported.

Each new claim also gets a re-score request, like any new claim: on the same data it finds the inputs of its
latest snapshot unchanged and writes nothing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from sqlmodel import Session

from predictions.claims.claims import create_claim
from predictions.ledger.clock import Clock
from predictions.ledger.errors import InvalidInput, LedgerError
from predictions.ledger.schemas import ClaimCreate
from predictions.ledger.tables import (
    ClaimCheck,
    ClaimCondition,
    ClaimEvent,
    HumanForecast,
    ProbabilitySnapshot,
    Resolution,
    Source,
)
from predictions.transfer import repo as repo
from predictions.transfer.export import claim_for_import
from predictions.transfer.export_format import FORMAT, ClaimLedger, ObservationRef, SourceItem

Ref = tuple[str, str, datetime]
M = TypeVar("M", bound=BaseModel)


@dataclass
class ImportReport:
    """What an import wrote (new claim ids in file order) and what it found already there."""

    claim_ids: list[int] = field(default_factory=list)
    skipped: int = 0
    sources: int = 0
    sources_matched: int = 0
    snapshots: int = 0
    resolutions: int = 0
    checks: int = 0
    human_forecasts: int = 0
    events: int = 0
    observations_missing: int = 0


@dataclass(frozen=True)
class _Claim:
    position: int
    body: ClaimCreate
    ledger: ClaimLedger


def import_export(session: Session, *, document: Any, clock: Clock) -> ImportReport:
    """Import a ``predtrack-claims-export/2`` document; flushes, the caller commits once."""
    sources, claims = _parse(document)
    report = ImportReport()
    present = Counter(repo.claim_fingerprints(session))
    fresh = []
    for claim in claims:
        body = claim.body
        fingerprint = (body.statement, body.quote, body.author, body.made_on, body.deadline)
        if present[fingerprint] > 0:
            present[fingerprint] -= 1
            report.skipped += 1
        else:
            fresh.append(claim)
    source_ids = _sources(session, sources=sources, report=report)
    wanted = {_ref(ref) for claim in fresh for ref in claim.ledger.observations.values()}
    observation_ids = repo.observation_ids_by_ref(session, refs=wanted)
    for claim in fresh:
        try:
            _import_claim(
                session, claim=claim, source_ids=source_ids, observations=observation_ids, report=report, clock=clock
            )
        except LedgerError as exc:
            raise InvalidInput(f"claim {claim.position} (id {claim.ledger.id} in the export): {exc.detail}") from None
    return report


def _parse(document: Any) -> tuple[list[SourceItem], list[_Claim]]:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        found = document.get("format") if isinstance(document, dict) else type(document).__name__
        raise InvalidInput(f"not a {FORMAT} document (format: {found!r})")
    unknown = set(document) - {"format", "sources", "claims"}
    if unknown:
        raise InvalidInput(f"unknown top-level field(s): {', '.join(sorted(unknown))}")
    raw_sources, raw_claims = document.get("sources"), document.get("claims")
    if not isinstance(raw_sources, list) or not isinstance(raw_claims, list):
        raise InvalidInput("'sources' and 'claims' must both be lists")
    sources = [_valid(SourceItem, item, where=f"source {i}") for i, item in enumerate(raw_sources, start=1)]
    known_sources = {s.id for s in sources}
    if len(known_sources) != len(sources):
        raise InvalidInput("two sources share an id")
    claims = []
    for i, item in enumerate(raw_claims, start=1):
        if not isinstance(item, dict):
            raise InvalidInput(f"claim {i}: not an object")
        where = f"claim {i} (id {item.get('id')!r} in the export)"
        ledger = _valid(ClaimLedger, item, where=where)
        body = _valid(ClaimCreate, claim_for_import(item), where=where)
        if ledger.source_id is not None and ledger.source_id not in known_sources:
            raise InvalidInput(f"{where}: source_id {ledger.source_id} is not among the export's sources")
        named = {r.id for r in ledger.resolutions}
        for event in ledger.events:
            resolution_id = event.details.get("resolution_id")
            if resolution_id is not None and resolution_id not in named:
                raise InvalidInput(f"{where}: an audit event names resolution {resolution_id}, not in its resolutions")
        claims.append(_Claim(position=i, body=body, ledger=ledger))
    return sources, claims


def _valid(model: type[M], item: Any, *, where: str) -> M:
    try:
        return model.model_validate(item)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(part) for part in first["loc"]) or "item"
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise InvalidInput(f"{where}: {loc}: {first['msg']}{more}") from None


def _ref(ref: ObservationRef) -> Ref:
    return (ref.indicator, ref.period, ref.as_of)


def _sources(session: Session, *, sources: list[SourceItem], report: ImportReport) -> dict[int, int]:
    mapping = {}
    for item in sources:
        existing = repo.matching_source(session, title=item.title, url=item.url, published_on=item.published_on)
        if existing is None:
            existing = Source(**item.model_dump(exclude={"id"}))
            session.add(existing)
            session.flush()
            report.sources += 1
        else:
            report.sources_matched += 1
        assert existing.id is not None
        mapping[item.id] = existing.id
    return mapping


def _import_claim(
    session: Session,
    *,
    claim: _Claim,
    source_ids: dict[int, int],
    observations: dict[Any, int],
    report: ImportReport,
    clock: Clock,
) -> None:
    ledger = claim.ledger
    source_id = source_ids[ledger.source_id] if ledger.source_id is not None else None
    new = create_claim(session, data=claim.body.model_copy(update={"source_id": source_id}), clock=clock)
    assert new.id is not None
    for name in ("status", "probability", "probability_updated_at", "created_at", "checked_through"):
        setattr(new, name, getattr(ledger, name))
    new.needs_review, new.review_note = ledger.needs_review, ledger.review_note
    if ledger.condition_state is not None:
        condition = session.get(ClaimCondition, new.id) or ClaimCondition(claim_id=new.id)
        for name, value in ledger.condition_state.model_dump().items():
            setattr(condition, name, value)
        session.add(condition)
    here = {old: observations.get(_ref(ref)) for old, ref in ledger.observations.items()}

    resolution_ids = {}
    for item in ledger.resolutions:
        row = Resolution(claim_id=new.id, **item.model_dump(exclude={"id", "decisive_observation_id"}))
        old = item.decisive_observation_id
        row.decisive_observation_id = here.get(old) if old is not None else None
        if old is not None and row.decisive_observation_id is None:
            report.observations_missing += 1
        session.add(row)
        session.flush()
        resolution_ids[item.id] = row.id
    session.add_all(ClaimCheck(claim_id=new.id, **c.model_dump()) for c in ledger.checks)
    session.add_all(HumanForecast(claim_id=new.id, **f.model_dump()) for f in ledger.human_forecasts)
    for event in ledger.events:
        details = dict(event.details)
        if "resolution_id" in details:
            details["resolution_id"] = resolution_ids[details["resolution_id"]]
        session.add(ClaimEvent(claim_id=new.id, **event.model_dump(exclude={"details"}), details=details))
    for snapshot in ledger.history:
        inputs = _inputs_here(snapshot.inputs, here=here, refs=ledger.observations, report=report)
        session.add(ProbabilitySnapshot(claim_id=new.id, **snapshot.model_dump(exclude={"inputs"}), inputs=inputs))
    session.flush()
    report.claim_ids.append(new.id)
    report.resolutions += len(ledger.resolutions)
    report.checks += len(ledger.checks)
    report.human_forecasts += len(ledger.human_forecasts)
    report.events += len(ledger.events)
    report.snapshots += len(ledger.history)


def _inputs_here(
    inputs: dict[str, Any] | None, *, here: dict[int, int | None], refs: dict[int, ObservationRef], report: ImportReport
) -> dict[str, Any] | None:
    """The snapshot's inputs with this ledger's observation ids (the ones it lacks set aside, by identity)."""
    if inputs is None or "observation_ids" not in inputs:
        return inputs
    mapped, elsewhere = [], []
    for old in inputs["observation_ids"]:
        new = here.get(int(old))
        if new is not None:
            mapped.append(new)
        else:
            ref = refs.get(int(old))
            elsewhere.append(ref.model_dump(mode="json") if ref is not None else {"id": old})
    result = {**inputs, "observation_ids": mapped}
    if elsewhere:
        result["observations_elsewhere"] = elsewhere
        report.observations_missing += len(elsewhere)
    return result
