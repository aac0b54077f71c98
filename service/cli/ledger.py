"""``predtrack seed`` and ``predtrack claims list|add|import``."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import typer
import yaml
from pydantic import ValidationError

from predictions.claims.claims import create_claim, get_claim, list_claims, rule_in_words
from predictions.claims.resolve import resolve_claim
from predictions.ledger.clock import SystemClock
from predictions.ledger.errors import LedgerError
from predictions.ledger.schemas import ClaimCreate, ClaimRead
from predictions.ledger.tables import ClaimStatus, KeyRole
from predictions.seed.seed import load_seed
from predictions.transfer.export import claim_for_import
from predictions.transfer.export_format import FORMAT_V1 as EXPORT_FORMAT_V1
from service.cli import app
from service.cli.common import fail, open_ledger

claims_app = typer.Typer(help="List, add, import and resolve claims.", no_args_is_help=True)
app.add_typer(claims_app, name="claims")


@app.command()
def seed() -> None:
    """Load the first source (the AINews article), its claims, indicators and the PBOC series. Idempotent."""
    with open_ledger() as session:
        report = load_seed(session, clock=SystemClock())
    typer.echo(
        f"seed: {report.sources} source(s), {report.claims} claim(s), {report.indicators} indicator(s), "
        f"{report.observations} observation(s) written",
        err=True,
    )
    if report.claims or report.observations:
        typer.echo("their probabilities follow from `predtrack rescore --pending` or a running scheduler", err=True)


@claims_app.command("list")
def claims_list(
    status: ClaimStatus | None = typer.Option(None, help="Only claims with this status."),
    tag: str | None = typer.Option(None, help="Only claims with this tag."),
    due_before: str | None = typer.Option(None, help="Only claims due before this date (YYYY-MM-DD)."),
    limit: int = typer.Option(100, min=1, max=1000, help="At most this many claims."),
    output_format: str = typer.Option("table", "--format", help="table or json."),
) -> None:
    """List claims with their status, probability and deadline."""
    if output_format not in ("table", "json"):
        fail(f"unknown format {output_format!r}: use table or json")
    due = _parse_date(due_before, "--due-before") if due_before else None
    with open_ledger() as session:
        items, total = list_claims(session, status=status, tag=tag, due_before=due, limit=limit)
    if output_format == "json":
        typer.echo(json.dumps({"items": [c.model_dump(mode="json") for c in items], "total": total}, indent=2))
        return
    typer.echo(_table(items))
    if total > len(items):
        typer.echo(f"({len(items)} of {total} shown; use --limit)", err=True)


@claims_app.command("add")
def claims_add(
    file: Path | None = typer.Option(None, "--file", "-f", help="A JSON object with the claim's fields ('-' = stdin)."),
    statement: str | None = typer.Option(None, help="The claim in resolvable form."),
    quote: str | None = typer.Option(None, help="The source's exact words."),
    author: str | None = typer.Option(None),
    source_id: int | None = typer.Option(None, help="Id of the source (see GET /api/v1/sources)."),
    made_on: str | None = typer.Option(None, help="YYYY-MM-DD"),
    deadline: str | None = typer.Option(None, help="YYYY-MM-DD"),
    criteria: str | None = typer.Option(None, help="Resolution criteria."),
    prior: float | None = typer.Option(None, help="Base rate, strictly between 0 and 1, for claims no data decides."),
    tag: list[str] = typer.Option([], help="A tag (repeatable)."),
    rule: str | None = typer.Option(
        None,
        help="'INDICATOR OP THRESHOLD [AGGREGATE] [START..END]', e.g. 'm2_m1_spread <= 6 all' or "
        "'m1_yoy > 6 last 2026-06..2026-06' (aggregate: last|any|all|mean; the window defaults to the periods "
        "containing made_on and the deadline).",
    ),
    score: bool = typer.Option(False, "--score", help="Compute the first probability now and print it."),
) -> None:
    """Add one claim, from flags or from a JSON file with the fields of POST /api/v1/claims."""
    if file is not None:
        payload = _read_json(file)
        if not isinstance(payload, dict):
            fail("the file must hold one JSON object (use `claims import` for a list)")
    else:
        payload = {
            "statement": statement,
            "quote": quote,
            "author": author,
            "source_id": source_id,
            "made_on": made_on,
            "deadline": deadline,
            "resolution_criteria": criteria,
            "prior": prior,
            "tags": tag,
            "rule": _parse_rule(rule) if rule else None,
        }
        payload = {k: v for k, v in payload.items() if v is not None}
    claim = _validate(payload, row=None)
    with open_ledger() as session:
        try:
            created = create_claim(session, data=claim, clock=SystemClock())
        except LedgerError as exc:
            fail(exc.detail)
        assert created.id is not None
        understood = get_claim(session, claim_id=created.id)
    windowed = claim.rule is not None and (claim.rule.window_start or claim.rule.window_end)
    typer.echo("\n".join(_understood(understood, window_given=bool(windowed))))
    if score:
        typer.echo(_first_probability(understood.id))
    else:
        typer.echo(
            f"  probability: computed within seconds by a running scheduler, or now by "
            f"`predtrack rescore --claim {understood.id}`"
        )


@claims_app.command("import")
def claims_import(
    file: Path = typer.Argument(
        ...,
        help="A `predtrack export` claims.json, or a JSON or YAML (.yaml/.yml) list of claim objects (the fields of "
        "POST /api/v1/claims), as from extract.",
    ),
) -> None:
    """Add many claims in one transaction: one bad claim and none are added.

    A `predtrack export` claims.json brings its sources, claims, resolutions, checks, human forecasts, audit trail
    and probability histories as recorded; claims already in the ledger are skipped, so a second import adds
    nothing.
    """
    payload = _read_yaml(file) if file.suffix.lower() in (".yaml", ".yml") else _read_json(file)
    if isinstance(payload, dict) and "format" in payload and payload["format"] != EXPORT_FORMAT_V1:
        _import_export(payload)  # the current export format (an unknown one is refused there, by name)
        return
    resolutions: list[dict[str, Any] | None] = []
    if isinstance(payload, dict) and payload.get("format") == EXPORT_FORMAT_V1:
        # A first-version export: the claims, and the resolutions people made (auto ones follow from the data).
        exported = payload.get("claims") or []
        resolutions = [
            item.get("resolution") if (item.get("resolution") or {}).get("resolved_by") != "auto" else None
            for item in exported
        ]
        payload = [claim_for_import(item) for item in exported]
    if not isinstance(payload, list):
        fail("the file must hold a JSON list of claim objects, or a `predtrack export` claims.json")
    parsed = [_validate(item, row=i + 1) for i, item in enumerate(payload)]
    ids = []
    with open_ledger() as session:
        for i, claim in enumerate(parsed, start=1):
            try:
                new = create_claim(session, data=claim, clock=SystemClock())
                ids.append(new.id)
                resolution = resolutions[i - 1] if resolutions else None
                if resolution is not None:
                    resolve_claim(
                        session,
                        claim_id=new.id,  # type: ignore[arg-type]
                        outcome=resolution["outcome"],
                        evidence=resolution["evidence"],
                        resolved_by=resolution["resolved_by"],
                        resolved_on=date.fromisoformat(resolution["resolved_on"]),
                        role=KeyRole.ADMIN,
                        clock=SystemClock(),
                    )
            except LedgerError as exc:
                fail(f"claim {i}: {exc.detail} (nothing was imported)")
            if i % 100 == 0:
                typer.echo(f"{i}/{len(parsed)} claims", err=True)
    typer.echo(f"imported {len(ids)} claim(s): ids {ids[0] if ids else '-'}..{ids[-1] if ids else '-'}", err=True)


def _import_export(document: dict[str, Any]) -> None:
    from predictions.transfer.ledger_import import import_export

    with open_ledger() as session:
        try:
            report = import_export(session, document=document, clock=SystemClock())
        except LedgerError as exc:
            fail(f"{exc.detail} (nothing was imported)")
    ids = report.claim_ids
    typer.echo(
        f"imported {len(ids)} claim(s) (ids {ids[0] if ids else '-'}..{ids[-1] if ids else '-'}) with "
        f"{report.snapshots} snapshot(s), {report.resolutions} resolution(s), {report.checks} check(s), "
        f"{report.human_forecasts} human forecast(s) and {report.events} audit event(s); "
        f"{report.sources} new source(s), {report.sources_matched} already here; "
        f"{report.skipped} claim(s) already in the ledger, skipped",
        err=True,
    )
    if report.observations_missing:
        typer.echo(
            f"warning: {report.observations_missing} recorded observation(s) are not in this ledger (same indicator, "
            "period and as_of); their snapshots keep them under observations_elsewhere and will not verify",
            err=True,
        )


def _understood(claim: ClaimRead, *, window_given: bool) -> list[str]:
    """The claim as the ledger understood it, for the person who just added it."""
    lines = [
        f"claim {claim.id}: {claim.statement}",
        f"  made on {claim.made_on}, deadline {claim.deadline}, status {claim.status.value}",
    ]
    if claim.rule is None:
        how = f"the base rate {claim.prior:g}" if claim.prior is not None else "no prior: it gets no probability"
        lines.append(f"  rule: none (a researcher resolves it; until then {how})")
        return lines
    rule = claim.rule
    lines.append(
        f"  rule: {rule_in_words(rule)}  [{rule.indicator} {rule.op.value} {rule.threshold:g} {rule.aggregate.value}]"
    )
    origin = "as given" if window_given else "default: the periods containing made_on and the deadline"
    lines.append(f"  window: {rule.window_start}..{rule.window_end} ({origin})")
    return lines


def _first_probability(claim_id: int) -> str:
    from predictions.rescore import rescore_claim
    from service.settings import get_settings

    settings = get_settings()
    with open_ledger() as session:
        try:
            outcome = rescore_claim(
                session,
                claim_id=claim_id,
                clock=SystemClock(),
                reason="first score (predtrack claims add --score)",
                n_paths=settings.forecast_paths,
                seed=settings.forecast_seed,
            )
        except LedgerError as exc:
            return f"  probability: not computed ({exc.detail})"
    if outcome.probability is None:
        return f"  probability: none ({outcome.note})"
    return f"  probability: {outcome.probability:.3f} ({outcome.status})"


def _table(items: list[ClaimRead]) -> str:
    header = f"{'id':>4}  {'status':<20} {'P':>6}  {'deadline':<10}  statement"
    lines = [header, "-" * len(header)]
    for c in items:
        p = f"{c.probability:.2f}" if c.probability is not None else "-"
        lines.append(f"{c.id:>4}  {c.status.value:<20} {p:>6}  {c.deadline.isoformat():<10}  {c.statement[:70]}")
    return "\n".join(lines)


def _read_json(file: Path) -> Any:
    try:
        text = sys.stdin.read() if str(file) == "-" else file.read_text(encoding="utf-8")
        return json.loads(text)
    except FileNotFoundError:
        fail(f"no such file: {file}")
    except json.JSONDecodeError as exc:
        fail(f"{file} is not valid JSON: {exc}")


def _read_yaml(file: Path) -> Any:
    try:
        return yaml.safe_load(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        fail(f"no such file: {file}")
    except yaml.YAMLError as exc:
        fail(f"{file} is not valid YAML: {exc}")


def _validate(payload: Any, *, row: int | None) -> ClaimCreate:
    try:
        return ClaimCreate.model_validate(payload)
    except ValidationError as exc:
        where = f"claim {row}: " if row else ""
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc']) or 'claim'}: {e['msg']}" for e in exc.errors())
        fail(f"{where}{problems}" + (" (nothing was imported)" if row else ""))


def _parse_rule(text: str) -> dict[str, Any]:
    usage = (
        f"--rule {text!r}: write 'INDICATOR OP THRESHOLD [AGGREGATE] [START..END]', e.g. 'm2_m1_spread <= 6 all' "
        "or 'm1_yoy > 6 last 2026-06..2026-06'"
    )
    parts = text.split()
    if not 3 <= len(parts) <= 5:
        fail(usage)
    try:  # the schema takes numbers as numbers
        threshold: float | str = float(parts[2])
    except ValueError:
        threshold = parts[2]
    rule: dict[str, Any] = {"indicator": parts[0], "op": parts[1], "threshold": threshold}
    for extra in parts[3:]:
        if ".." in extra:
            if "window_start" in rule:
                fail(usage)
            start, _, end = extra.partition("..")
            if not start or not end:
                fail(f"--rule {text!r}: a window is START..END, e.g. 2026-06..2026-06")
            rule["window_start"], rule["window_end"] = start, end
        elif "aggregate" not in rule and "window_start" not in rule:
            rule["aggregate"] = extra
        else:
            fail(usage)
    return rule


def _parse_date(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        fail(f"{option} {text!r}: write a date as YYYY-MM-DD")
