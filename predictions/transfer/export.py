"""The ledger's claims out: one JSON item (or CSV row) per claim, built in batches, with the sources first.

An item is the claim as the API shows it (``ClaimRead``) plus what a faithful copy needs (``export_format``):
its checks, full probability ``history`` (each snapshot with its recorded inputs), every resolution, human
forecasts and audit trail. `predtrack claims import` (``ledger_import``) reads it back into another ledger.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from sqlmodel import Session

from predictions.claims import repo as repo
from predictions.claims.claims import describe_claims
from predictions.claims.repo_conditions import conditions_by_claim
from predictions.ledger.schemas import ClaimCreate
from predictions.ledger.tables import ClaimCheck, ClaimEvent, HumanForecast, ProbabilitySnapshot, Resolution
from predictions.transfer import repo as export_repo
from predictions.transfer.export_format import (
    FORMAT,
    CheckItem,
    ConditionState,
    EventItem,
    HumanForecastItem,
    ObservationRef,
    ResolutionItem,
    SnapshotItem,
    SourceItem,
)

BATCH = 200
CSV_COLUMNS = (
    "id", "statement", "quote", "author", "source_id", "made_on", "deadline", "status", "probability",
    "probability_updated_at", "tags", "rule", "resolution_outcome", "resolved_on", "resolved_by", "evidence",
    "resolution_criteria", "interpretation", "prior", "checks", "history",
)  # fmt: skip


def _dump(model: Any) -> dict[str, Any]:
    return model.model_dump(mode="json")  # type: ignore[no-any-return]


def source_items(session: Session, *, batch: int = BATCH) -> Iterator[dict[str, Any]]:
    """Every source by id, as export items."""
    after = 0
    while rows := export_repo.sources_after(session, after_id=after, limit=batch):
        for row in rows:
            yield _dump(SourceItem.model_validate(row))
        after = rows[-1].id or after


def claim_items(session: Session, *, batch: int = BATCH) -> Iterator[dict[str, Any]]:
    """Every claim by id, as export items, reading ``batch`` claims at a time (a fixed number of queries each)."""
    after = 0
    while rows := repo.claims_after(session, after_id=after, limit=batch):
        ids = [c.id for c in rows if c.id is not None]
        created = {c.id: c.created_at for c in rows}
        histories = repo.snapshot_histories(session, claim_ids=ids)
        checks = export_repo.rows_by_claim(session, ClaimCheck, claim_ids=ids)
        resolutions = export_repo.rows_by_claim(session, Resolution, claim_ids=ids)
        forecasts = export_repo.rows_by_claim(session, HumanForecast, claim_ids=ids)
        events = export_repo.rows_by_claim(session, ClaimEvent, claim_ids=ids)
        conditions = conditions_by_claim(session, claim_ids=ids)
        mentioned = {
            claim_id: _observations_mentioned(histories.get(claim_id, []), resolutions.get(claim_id, []))
            for claim_id in ids
        }
        refs = export_repo.observation_refs(session, ids=[i for found in mentioned.values() for i in found])
        for read in describe_claims(session, claims=rows):
            item = read.model_dump(mode="json")
            condition = conditions.get(read.id)
            item["created_at"] = created[read.id].isoformat()
            item["condition_state"] = _dump(ConditionState.model_validate(condition)) if condition else None
            item["checks"] = [_dump(CheckItem.model_validate(c)) for c in checks.get(read.id, [])]
            item["history"] = [_dump(SnapshotItem.model_validate(s)) for s in histories.get(read.id, [])]
            item["resolutions"] = [_dump(ResolutionItem.model_validate(r)) for r in resolutions.get(read.id, [])]
            item["human_forecasts"] = [_dump(HumanForecastItem.model_validate(f)) for f in forecasts.get(read.id, [])]
            item["events"] = [_dump(EventItem.model_validate(e)) for e in events.get(read.id, [])]
            item["observations"] = {
                str(i): _dump(ObservationRef(indicator=refs[i][0], period=refs[i][1], as_of=refs[i][2]))
                for i in sorted(mentioned[read.id])
                if i in refs
            }
            yield item
        after = ids[-1]


def _observations_mentioned(snapshots: list[ProbabilitySnapshot], resolutions: list[Resolution]) -> set[int]:
    found = {int(i) for s in snapshots for i in (s.inputs or {}).get("observation_ids", [])}
    found.update(r.decisive_observation_id for r in resolutions if r.decisive_observation_id is not None)
    return found


def json_export(session: Session) -> Iterator[str]:
    """The whole JSON export of the ledger, in chunks."""
    return json_chunks(claim_items(session), sources=source_items(session))


def csv_export(session: Session) -> Iterator[str]:
    """The whole CSV export of the ledger's claims, in chunks."""
    return csv_chunks(claim_items(session))


def json_chunks(items: Iterable[dict[str, Any]], *, sources: Iterable[dict[str, Any]] = ()) -> Iterator[str]:
    """The JSON export, ``{"format", "sources": [...], "claims": [...]}``, a source or claim at a time."""
    yield f'{{"format": "{FORMAT}", "sources": ['
    for i, source in enumerate(sources):
        yield ("," if i else "") + "\n" + json.dumps(source, ensure_ascii=False)
    yield '\n], "claims": ['
    for i, item in enumerate(items):
        yield ("," if i else "") + "\n" + json.dumps(item, ensure_ascii=False)
    yield "\n]}\n"


def csv_chunks(items: Iterable[dict[str, Any]]) -> Iterator[str]:
    """The CSV export: one row per claim; tags ';'-joined, rule as text, checks and history as JSON cells; a text
    cell that a spreadsheet would run as a formula starts with a quote."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for item in items:
        rule = item.get("rule")
        resolution = item.get("resolution") or {}
        writer.writerow(map(_defanged, [
             item["id"], item["statement"], item["quote"], item["author"], item["source_id"], item["made_on"],
             item["deadline"], item["status"], item["probability"], item["probability_updated_at"],
             ";".join(item["tags"]),
             f"{rule['indicator']} {rule['op']} {rule['threshold']} {rule['aggregate']} "
             f"{rule['window_start']}..{rule['window_end']}" if rule else "",
             resolution.get("outcome"), resolution.get("resolved_on"), resolution.get("resolved_by"),
             resolution.get("evidence"), item["resolution_criteria"], item["interpretation"], item["prior"],
             json.dumps(item["checks"]), json.dumps([[h["at"], h["probability"]] for h in item["history"]])])
        )  # fmt: skip
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


# A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(...) from a claim's quote):
# OWASP's advice for CSV injection is to prefix such a text cell with a single quote, which shows it as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _defanged(cell: Any) -> Any:
    return "'" + cell if isinstance(cell, str) and cell.startswith(FORMULA_STARTS) else cell


def claim_for_import(item: dict[str, Any]) -> dict[str, Any]:
    """The ``POST /claims`` body that recreates an exported claim (without its source id)."""
    fields = set(ClaimCreate.model_fields) - {
        "source_id",
        "leading_indicators",
        "needs_review",
        "proposed_rule",
        "extraction",
    }
    body = {k: v for k, v in item.items() if k in fields and v is not None}
    body["leading_indicators"] = [link["indicator"] for link in item.get("indicators", []) if link["role"] == "leading"]
    for key in ("rule", "condition_rule"):
        if body.get(key):
            body[key] = {k: v for k, v in body[key].items() if k in ("indicator", "op", "threshold", "aggregate",
                                                                     "window_start", "window_end")}  # fmt: skip
    return body
