"""The ledger's claims out, and back in: one JSON item (or CSV row) per claim, built in batches.

An item is the claim as the API shows it (``ClaimRead``) plus its ``checks`` and its full probability ``history``.
``claim_for_import`` turns an item back into what ``POST /claims`` takes, so that `predtrack claims import` reads
an export into a fresh ledger: the claims with their rules, tags, leading indicators and conditions, and their
resolutions by people. Snapshots are not copied: the new ledger's scheduler computes its own from the data. A
source id is dropped (sources are not exported; the new ledger numbers its own).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from sqlmodel import Session

from predictions.claims import describe_claims
from predictions.repo import claims as repo
from predictions.repo.audit import checks_of
from predictions.schemas import ClaimCreate

FORMAT = "predtrack-claims-export/1"
BATCH = 200
CSV_COLUMNS = (
    "id", "statement", "quote", "author", "source_id", "made_on", "deadline", "status", "probability",
    "probability_updated_at", "tags", "rule", "resolution_outcome", "resolved_on", "resolved_by", "evidence",
    "resolution_criteria", "interpretation", "prior", "checks", "history",
)  # fmt: skip


def claim_items(session: Session, *, batch: int = BATCH) -> Iterator[dict[str, Any]]:
    """Every claim by id, as export items, reading ``batch`` claims at a time."""
    after = 0
    while True:
        rows = repo.claims_after(session, after_id=after, limit=batch)
        if not rows:
            return
        ids = [c.id for c in rows if c.id is not None]
        histories = repo.snapshot_histories(session, claim_ids=ids)
        for read in describe_claims(session, claims=rows):
            item = read.model_dump(mode="json")
            item["checks"] = [
                {"checked_through": c.checked_through.isoformat(), "note": c.note, "checked_by": c.checked_by,
                 "at": c.at.isoformat()}
                for c in checks_of(session, claim_id=read.id)
            ]  # fmt: skip
            item["history"] = [
                {"at": s.at.isoformat(), "probability": s.probability, "method": s.method, "model": s.model,
                 "kind": str(s.kind), "data_as_of": s.data_as_of.isoformat() if s.data_as_of else None,
                 "reason": s.reason}
                for s in histories.get(read.id, [])
            ]  # fmt: skip
            yield item
        after = ids[-1]


def json_chunks(items: Iterator[dict[str, Any]]) -> Iterator[str]:
    """The JSON export, ``{"format", "claims": [...]}``, a claim at a time."""
    yield f'{{"format": "{FORMAT}", "claims": ['
    for i, item in enumerate(items):
        yield ("," if i else "") + "\n" + json.dumps(item, ensure_ascii=False)
    yield "\n]}\n"


def csv_chunks(items: Iterator[dict[str, Any]]) -> Iterator[str]:
    """The CSV export: one row per claim; tags ';'-joined, rule as text, checks and history as JSON cells."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for item in items:
        rule = item.get("rule")
        resolution = item.get("resolution") or {}
        writer.writerow(
            [item["id"], item["statement"], item["quote"], item["author"], item["source_id"], item["made_on"],
             item["deadline"], item["status"], item["probability"], item["probability_updated_at"],
             ";".join(item["tags"]),
             f"{rule['indicator']} {rule['op']} {rule['threshold']} {rule['aggregate']} "
             f"{rule['window_start']}..{rule['window_end']}" if rule else "",
             resolution.get("outcome"), resolution.get("resolved_on"), resolution.get("resolved_by"),
             resolution.get("evidence"), item["resolution_criteria"], item["interpretation"], item["prior"],
             json.dumps(item["checks"]), json.dumps([[h["at"], h["probability"]] for h in item["history"]])]
        )  # fmt: skip
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def claim_for_import(item: dict[str, Any]) -> dict[str, Any]:
    """The ``POST /claims`` body that recreates an exported claim (without its source id)."""
    fields = set(ClaimCreate.model_fields) - {"source_id", "leading_indicators", "needs_review", "proposed_rule"}
    body = {k: v for k, v in item.items() if k in fields and v is not None}
    body["leading_indicators"] = [link["indicator"] for link in item.get("indicators", []) if link["role"] == "leading"]
    for key in ("rule", "condition_rule"):
        if body.get(key):
            body[key] = {k: v for k, v in body[key].items() if k in ("indicator", "op", "threshold", "aggregate",
                                                                     "window_start", "window_end")}  # fmt: skip
    return body
