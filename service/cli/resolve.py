"""``predtrack claims resolve ID --outcome ... --evidence ...``: a person resolves a claim from the shell."""

from __future__ import annotations

from datetime import date

import typer

from service.cli.ledger import claims_app


@claims_app.command("resolve")
def resolve(
    claim_id: int = typer.Argument(..., help="The claim's id."),
    outcome: str = typer.Option(..., "--outcome", help="true, false or annulled."),
    evidence: str = typer.Option(..., "--evidence", help="What settled the claim: a link, a figure, a ruling."),
    resolved_on: str | None = typer.Option(None, "--resolved-on", help="YYYY-MM-DD (default: today)."),
    by: str = typer.Option("cli", "--by", help="Who resolves it (recorded as resolved_by)."),
) -> None:
    """Resolve a claim with evidence. Shell access to the database counts as admin (so annulled is allowed)."""
    from predictions.claims.resolve import resolve_claim
    from predictions.ledger.clock import SystemClock
    from predictions.ledger.errors import LedgerError
    from predictions.ledger.tables import KeyRole
    from service.cli.common import fail, open_ledger

    try:
        day = date.fromisoformat(resolved_on) if resolved_on else None
    except ValueError:
        fail(f"--resolved-on {resolved_on!r} is not a date; write it like 2025-12-31")
    try:
        with open_ledger() as session:
            resolution = resolve_claim(
                session,
                claim_id=claim_id,
                outcome=outcome,
                evidence=evidence,
                resolved_by=by,
                role=KeyRole.ADMIN,
                clock=SystemClock(),
                resolved_on=day,
            )
            summary = f"claim {claim_id} resolved {resolution.outcome.value} on {resolution.resolved_on}"
    except LedgerError as exc:
        fail(exc.detail, code=1)
    typer.echo(summary)


@claims_app.command("condition")
def condition(
    claim_id: int = typer.Argument(..., help="The conditional claim's id."),
    met: bool = typer.Option(..., "--met/--not-met", help="Was the condition met (on or before the deadline)?"),
    evidence: str = typer.Option(..., "--evidence", help="What shows it: a link, a figure, a dated event."),
    decided_on: str | None = typer.Option(None, "--on", help="YYYY-MM-DD: when it was met (default: today)."),
    by: str = typer.Option("cli", "--by", help="Who decides it."),
) -> None:
    """Decide a conditional claim's condition: met (the claim now counts) or not met (the claim is annulled)."""
    from predictions.ledger.clock import SystemClock
    from predictions.ledger.errors import LedgerError
    from predictions.ledger.schemas import ConditionDecision
    from predictions.ledger.tables import KeyRole
    from predictions.rescore.conditions import decide_condition
    from service.cli.common import fail, open_ledger

    try:
        day = date.fromisoformat(decided_on) if decided_on else None
    except ValueError:
        fail(f"--on {decided_on!r} is not a date; write it like 2025-12-31")
    try:
        with open_ledger() as session:
            decided = decide_condition(
                session,
                claim_id=claim_id,
                decision=ConditionDecision(met=met, evidence=evidence, decided_on=day),
                decided_by=by,
                role=KeyRole.ADMIN,  # the CLI runs on the ledger's own machine, as its operator
                clock=SystemClock(),
            )
            summary = f"claim {claim_id}: condition {decided.status.value} on {decided.decided_on}"
    except LedgerError as exc:
        fail(exc.detail, code=1)
    typer.echo(summary + ("; it is annulled" if not met else "; its outcome now counts (re-scored on the next run)"))
