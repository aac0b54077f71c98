"""Re-scoring: new data -> forecast -> probability snapshot -> maybe resolve.

Every use case here takes a session and a clock, only flushes, and leaves the commit to its caller (a
request, a job, the CLI), so that snapshots, resolutions and the outbox rows they consume commit together.

**Claims with a rule** (a ``decides`` link): the rule's window defaults to the periods containing ``made_on``
and ``deadline``. The window's observed values are fixed; the unobserved rest comes from the sample paths of
``forecasts.forecast(series, h, model="auto")``. The share of paths on which the rule holds, ``k / n``, can be
0 or 1, but the ledger keeps probabilities strictly inside (0, 1), so the snapshot records the smoothed share
``(k + 0.5) / (n + 1)`` (the Jeffreys / Krichevsky-Trofimov estimate), with ``k`` and ``n`` in its details.
When the observed values alone settle the rule, every path agrees (``k = n`` or ``k = 0``) and the claim is
resolved automatically.

**Claims without data** but with a ``prior`` use the base rates of ``predictions.baserate``: a constant hazard
for events (no rule, or an ``any`` rule), the prior itself for claims about a state. Claims with neither a rule
with data nor a prior get no snapshot.

**Snapshots are append-only** and record everything that determines their number: the canonical inputs
(values, data_as_of, rule, window, horizon, paths, seed, engine version) are hashed into ``inputs_hash``. A new
snapshot is written only when that hash changes, i.e. on new data (a new ``data_as_of``), a new model or engine
version, a new method, or an edited rule; a re-score with nothing new writes nothing.
``recompute_snapshot`` re-runs a snapshot from what it recorded and must give the same number bit for bit.

The horizon of a forecast is the steps needed to reach the window's end, rounded up to a multiple of the
frequency's standard horizon, so that claims on one indicator share one forecast within a run (``ForecastCache``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

import numpy as np
from sqlmodel import Session

import forecasts
from forecasts.errors import ForecastError
from forecasts.periods import Frequency, format_period, periods_between, shift
from forecasts.rules import Aggregate, rule_probability, settled_by_observed
from forecasts.types import Forecast, Series
from predictions import baserate
from predictions.clock import Clock
from predictions.errors import InvalidInput, LedgerError, NotFound
from predictions.repo.observations import data_as_of, load_series
from predictions.repo.resolutions import active_resolution
from predictions.repo.snapshots import (
    claims_linked_to,
    claims_to_rescore,
    deciding_rule,
    latest_snapshot,
    list_snapshots,
    observation_for,
    open_claims_past_deadline,
    pending_requests,
)
from predictions.tables import (
    Claim,
    ClaimIndicator,
    ClaimStatus,
    Indicator,
    Observation,
    Outcome,
    ProbabilitySnapshot,
    Resolution,
)
from predictions.windows import effective_window

logger = logging.getLogger(__name__)

METHOD_MODEL = "model"
MODEL_OBSERVED = "observed"
AUTO = "auto"
SMOOTHING = "(k + 0.5) / (n + 1)"

# (indicator id, data_as_of, horizon, n_paths, seed, engine version) -> the forecast, shared within a run.
ForecastKey = tuple[int, str, int, int, int, str]
ForecastCache = dict[ForecastKey, Forecast]
Progress = Callable[[int, int], None]

_RESOLVED = (ClaimStatus.RESOLVED_TRUE, ClaimStatus.RESOLVED_FALSE)


@dataclass(frozen=True)
class Evaluation:
    """A claim's probability and everything that determined it."""

    probability: float
    method: str
    model: str
    model_version: str
    data_as_of: datetime | None
    inputs: dict[str, Any]
    inputs_hash: str
    details: dict[str, Any]
    settled: bool | None = None
    decisive_period: date | None = None
    indicator: Indicator | None = None


@dataclass(frozen=True)
class RescoreOutcome:
    """What one re-score did."""

    claim_id: int
    probability: float | None
    written: bool
    status: ClaimStatus
    note: str
    snapshot_id: int | None = None
    method: str | None = None


@dataclass
class RunSummary:
    """What a batch of re-scores did."""

    claims: int = 0
    written: int = 0
    resolved: int = 0
    requests: int = 0
    failures: list[tuple[int, str]] = field(default_factory=list)

    def add(self, outcome: RescoreOutcome) -> None:
        """Count one claim's outcome."""
        self.claims += 1
        self.written += int(outcome.written)
        self.resolved += int(outcome.written and outcome.status in _RESOLVED)


def smoothed(k: int, n: int) -> float:
    """The share k / n pulled strictly inside (0, 1): (k + 0.5) / (n + 1)."""
    return (k + 0.5) / (n + 1)


def inputs_hash(inputs: dict[str, Any]) -> str:
    """sha256 of the canonical JSON of ``inputs`` (sorted keys, no spaces, floats written exactly)."""
    text = json.dumps(inputs, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return hashlib.sha256(text.encode()).hexdigest()


# --- evaluation ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Window:
    start: date
    end: date
    length: int


def _window(claim: Claim, rule: ClaimIndicator, freq: Frequency) -> _Window:
    start, end = effective_window(
        frequency=freq,
        made_on=claim.made_on,
        deadline=claim.deadline,
        window_start=rule.window_start,
        window_end=rule.window_end,
    )
    length = periods_between(start, end, freq) + 1
    if length < 1:
        raise InvalidInput(
            f"claim {claim.id}: the rule's window ends ({format_period(end, freq)}) "
            f"before it starts ({format_period(start, freq)})"
        )
    return _Window(start, end, length)


def _values_json(values: np.ndarray) -> list[float | None]:
    return [None if math.isnan(v) else float(v) for v in values.tolist()]


def _horizon(needed: int, freq: Frequency) -> int:
    step = freq.default_horizon
    return max(step, -(-needed // step) * step)


def _json_safe(value: Any) -> Any:
    """Numbers from numpy become floats, and NaN or infinities become None, so the details are valid JSON."""
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_safe(v) for v in value]
    if isinstance(value, bool | str) or value is None:
        return value
    if isinstance(value, int | float | np.integer | np.floating):
        number = float(value)
        return number if math.isfinite(number) else None
    return str(value)


def _cached_forecast(
    cache: ForecastCache | None, *, indicator_id: int, known: datetime, series: Series, h: int, n_paths: int, seed: int
) -> Forecast:
    key: ForecastKey = (indicator_id, known.isoformat(), h, n_paths, seed, forecasts.ENGINE_VERSION)
    if cache is not None and key in cache:
        return cache[key]
    fc = forecasts.forecast(series, h, model="auto", n_paths=n_paths, seed=seed)
    if cache is not None:
        cache[key] = fc
    return fc


@dataclass(frozen=True)
class RuleInputs:
    """Everything that determines a rule claim's probability, worked out before any forecast is paid for."""

    indicator: Indicator
    rule: ClaimIndicator
    window: _Window
    series: Series
    known: datetime
    observed: np.ndarray
    unobserved: int
    needed: int  # forecast steps from the last value to the window's end
    horizon: int
    n_paths: int
    seed: int
    outcome: bool | None
    decisive: int | None
    inputs: dict[str, Any]
    inputs_hash: str
    details: dict[str, Any]


def prepare_rule(
    session: Session, *, claim: Claim, rule: ClaimIndicator, as_of: datetime, n_paths: int, seed: int
) -> RuleInputs | None:
    """The inputs of the claim's rule from the data known at ``as_of`` (None when there is no data yet)."""
    indicator = session.get(Indicator, rule.indicator_id)
    assert indicator is not None and indicator.id is not None and rule.op and rule.aggregate
    assert rule.threshold is not None
    freq = Frequency(indicator.frequency)
    window = _window(claim, rule, freq)
    series = load_series(session, indicator=indicator, as_of=as_of)
    known = data_as_of(session, indicator_id=indicator.id, as_of=as_of)
    if series is None or known is None:
        return None
    observed_count = min(window.length, max(0, periods_between(window.start, series.end, freq) + 1))
    observed = np.full(observed_count, np.nan)
    for i in range(observed_count):
        index = periods_between(series.start, shift(window.start, i, freq), freq)
        if 0 <= index < len(series):
            observed[i] = series.values[index]
    missing = window.length - observed_count
    needed = periods_between(series.end, window.end, freq)
    outcome, decisive = settled_by_observed(
        op=rule.op, threshold=rule.threshold, aggregate=rule.aggregate, observed=observed, window_length=window.length
    )
    horizon = _horizon(needed, freq) if missing > 0 and outcome is None else 0
    inputs: dict[str, Any] = {
        "method": METHOD_MODEL,
        "engine_version": forecasts.ENGINE_VERSION,
        "model": AUTO,
        "indicator": indicator.key,
        "frequency": freq.value,
        "series_start": format_period(series.start, freq),
        "values": _values_json(series.values),
        "data_as_of": known.isoformat(),
        "rule": {
            "op": str(rule.op),
            "threshold": float(rule.threshold),
            "aggregate": str(rule.aggregate),
            "window_start": format_period(window.start, freq),
            "window_end": format_period(window.end, freq),
        },
        "horizon": horizon,
        "n_paths": n_paths,
        "seed": seed,
    }
    details: dict[str, Any] = {
        "indicator": indicator.key,
        "window": [format_period(window.start, freq), format_period(window.end, freq)],
        "window_length": window.length,
        "observed": observed_count,
        "observed_known": int((~np.isnan(observed)).sum()),
        "unobserved": missing,
        "last_observed": format_period(series.end, freq),
        "horizon": horizon,
        "n_paths": n_paths,
        "smoothing": SMOOTHING,
        "settled": outcome,
    }
    return RuleInputs(
        indicator=indicator,
        rule=rule,
        window=window,
        series=series,
        known=known,
        observed=observed,
        unobserved=missing,
        needed=needed,
        horizon=horizon,
        n_paths=n_paths,
        seed=seed,
        outcome=outcome,
        decisive=decisive,
        inputs=inputs,
        inputs_hash=inputs_hash(inputs),
        details=details,
    )


def finish_rule(prepared: RuleInputs, *, cache: ForecastCache | None = None) -> Evaluation:
    """The probability from prepared inputs: settled by the data, or over the forecast's sample paths."""
    p = prepared
    rule, freq, details = p.rule, Frequency(p.indicator.frequency), dict(p.details)
    assert rule.op and rule.aggregate and rule.threshold is not None and p.indicator.id is not None
    common: dict[str, Any] = {
        "method": METHOD_MODEL,
        "model_version": forecasts.ENGINE_VERSION,
        "data_as_of": p.known,
        "inputs": p.inputs,
        "inputs_hash": p.inputs_hash,
        "indicator": p.indicator,
    }
    if p.outcome is not None:
        k = p.n_paths if p.outcome else 0
        details.update(k=k, raw_share=float(p.outcome))
        return Evaluation(
            probability=smoothed(k, p.n_paths),
            model=MODEL_OBSERVED,
            details=details,
            settled=p.outcome,
            decisive_period=shift(p.window.start, p.decisive or 0, freq),
            **common,
        )
    if p.unobserved == 0:  # the window is past but has gaps: the known values decide every path alike
        future = np.empty((p.n_paths, 0))
        model = MODEL_OBSERVED
    else:
        fc = _cached_forecast(
            cache,
            indicator_id=p.indicator.id,
            known=p.known,
            series=p.series,
            h=p.horizon,
            n_paths=p.n_paths,
            seed=p.seed,
        )
        offset = p.needed - p.unobserved  # forecast steps before the first unobserved period of the window
        future = fc.paths[:, offset : offset + p.unobserved]
        model = fc.model
        if "backtest" in fc.info:
            details["backtest"] = _json_safe(fc.info["backtest"])
    result = rule_probability(
        op=rule.op,
        threshold=rule.threshold,
        aggregate=rule.aggregate,
        observed=p.observed,
        future=future,
        window_length=p.window.length,
    )
    n = len(future)
    k = int(round(result.probability * n))
    details.update(model=model, k=k, raw_share=result.probability)
    return Evaluation(probability=smoothed(k, n), model=model, details=details, **common)


def evaluate_rule(
    session: Session,
    *,
    claim: Claim,
    rule: ClaimIndicator,
    as_of: datetime,
    n_paths: int,
    seed: int,
    cache: ForecastCache | None = None,
) -> Evaluation | None:
    """P(the claim's rule holds) from the data known at ``as_of``; None when the indicator has no data yet."""
    prepared = prepare_rule(session, claim=claim, rule=rule, as_of=as_of, n_paths=n_paths, seed=seed)
    return None if prepared is None else finish_rule(prepared, cache=cache)


def evaluate_base_rate(*, claim: Claim, rule: ClaimIndicator | None, on: date) -> Evaluation:
    """The base rate of a claim with a prior, evaluated on day ``on`` (see ``predictions.baserate``).

    An event claim (no rule, or an ``any`` rule) uses the constant hazard; a claim about a state keeps its prior.
    The day is clamped to the claim's life, so that past its deadline the inputs (and the number) stop changing
    and no further snapshots are written.
    """
    assert claim.prior is not None
    on = min(max(on, claim.made_on), claim.deadline)
    event = rule is None or rule.aggregate == Aggregate.ANY
    model = baserate.MODEL if event else baserate.STATE_MODEL
    inputs: dict[str, Any] = {
        "method": baserate.METHOD,
        "model": model,
        "model_version": baserate.VERSION,
        "prior": float(claim.prior),
        "made_on": claim.made_on.isoformat(),
        "deadline": claim.deadline.isoformat(),
        "on": on.isoformat() if event else None,
    }
    if event:
        probability = baserate.hazard_probability(
            prior=claim.prior, made_on=claim.made_on, deadline=claim.deadline, on=on
        )
        explanation = "constant hazard fitted to the prior; P(event by deadline | none so far)"
    else:
        probability = baserate.constant_prior(prior=claim.prior)
        explanation = "the prior, held until the claim's indicator has data (a claim about a state, not an event)"
    return Evaluation(
        probability=probability,
        method=baserate.METHOD,
        model=model,
        model_version=baserate.VERSION,
        # The calendar is this model's only moving input: the day evaluated is its data_as_of.
        data_as_of=datetime.combine(on, time(0), tzinfo=UTC),
        inputs=inputs,
        inputs_hash=inputs_hash(inputs),
        details={"prior": claim.prior, "model": explanation, "on": on.isoformat()},
    )


# --- use cases ----------------------------------------------------------------------------------------------


def rescore_claim(
    session: Session,
    *,
    claim_id: int,
    clock: Clock,
    reason: str,
    n_paths: int = 1000,
    seed: int = 0,
    cache: ForecastCache | None = None,
) -> RescoreOutcome:
    """Re-score one claim: maybe write a snapshot, maybe resolve it, maybe flag a contradicting revision."""
    claim = session.get(Claim, claim_id, with_for_update=True)  # one re-score of a claim at a time (PostgreSQL)
    if claim is None:
        raise NotFound(f"claim {claim_id} does not exist")
    now = clock.now()

    def nothing(note: str) -> RescoreOutcome:
        return RescoreOutcome(claim_id, claim.probability, False, ClaimStatus(claim.status), note)

    if claim.status == ClaimStatus.ANNULLED:
        return nothing("the claim is annulled; it is not re-scored")
    resolution = active_resolution(session, claim_id=claim_id) if claim.status in _RESOLVED else None
    if claim.status in _RESOLVED and (resolution is None or resolution.resolved_by != AUTO):
        return nothing("the claim was resolved by hand; it is not re-scored")

    rule = deciding_rule(session, claim_id=claim_id)
    evaluation = None
    if rule is not None:
        prepared = prepare_rule(session, claim=claim, rule=rule, as_of=now, n_paths=n_paths, seed=seed)
        if prepared is not None:
            latest = latest_snapshot(session, claim_id=claim_id)
            if latest is not None and latest.inputs_hash == prepared.inputs_hash:  # nothing new: no forecast
                return nothing(f"nothing new since snapshot {latest.id}")
            evaluation = finish_rule(prepared, cache=cache)
    if evaluation is None and claim.prior is not None and resolution is None:
        evaluation = evaluate_base_rate(claim=claim, rule=rule, on=now.date())
    if evaluation is None:
        what = "its indicator has no data yet" if rule is not None else "it has no deciding rule"
        return nothing(f"no probability: {what} and it has no prior")

    if resolution is not None:
        return _check_automatic_resolution(
            session, claim=claim, resolution=resolution, ev=evaluation, now=now, reason=reason
        )

    latest = latest_snapshot(session, claim_id=claim_id)
    if latest is not None and latest.inputs_hash == evaluation.inputs_hash:
        return nothing(f"nothing new since snapshot {latest.id}")
    snapshot = _write_snapshot(session, claim=claim, ev=evaluation, now=now, reason=reason, seed=seed)
    if evaluation.settled is not None:
        _resolve_automatically(session, claim=claim, ev=evaluation, now=now)
    return RescoreOutcome(
        claim_id, snapshot.probability, True, ClaimStatus(claim.status), reason, snapshot.id, evaluation.method
    )


def _write_snapshot(
    session: Session, *, claim: Claim, ev: Evaluation, now: datetime, reason: str, seed: int
) -> ProbabilitySnapshot:
    snapshot = ProbabilitySnapshot(
        claim_id=claim.id,  # type: ignore[arg-type]
        at=now,
        probability=ev.probability,
        method=ev.method,
        model=ev.model,
        model_version=ev.model_version,
        data_as_of=ev.data_as_of,
        seed=seed if ev.method == METHOD_MODEL else 0,
        inputs_hash=ev.inputs_hash,
        reason=reason,
        details=ev.details,
    )
    session.add(snapshot)
    claim.probability = ev.probability
    claim.probability_updated_at = now
    session.flush()
    logger.info("claim %s: P=%.4f by %s (%s): %s", claim.id, ev.probability, ev.method, ev.model, reason)
    return snapshot


def _evidence(session: Session, *, ev: Evaluation, now: datetime) -> tuple[str, Observation | None]:
    indicator = ev.indicator
    assert indicator is not None and indicator.id is not None and ev.decisive_period is not None
    rule = ev.inputs["rule"]
    period = format_period(ev.decisive_period, indicator.frequency)
    observation = observation_for(session, indicator_id=indicator.id, period_start=ev.decisive_period, as_of=now)
    if observation is None:  # cannot happen for a value that settled the rule; say so rather than guess
        return f"{indicator.key} {period} settles the rule (observation not found)", None
    text = (
        f"{indicator.key} {period} = {observation.value:g} (as of {observation.as_of.isoformat()}) settles the rule "
        f"{rule['aggregate']} {rule['op']} {rule['threshold']:g} over {rule['window_start']}..{rule['window_end']}: "
        f"{'true' if ev.settled else 'false'}"
    )
    return text, observation


def _resolve_automatically(session: Session, *, claim: Claim, ev: Evaluation, now: datetime) -> Resolution:
    evidence, observation = _evidence(session, ev=ev, now=now)
    resolution = Resolution(
        claim_id=claim.id,  # type: ignore[arg-type]
        outcome=Outcome.TRUE if ev.settled else Outcome.FALSE,
        # The claim was settled when the decisive value became known, not when predtrack noticed; scoring only
        # counts forecasts made before then.
        resolved_on=observation.as_of.date() if observation is not None else now.date(),
        evidence=evidence,
        resolved_by=AUTO,
        decisive_observation_id=observation.id if observation is not None else None,
        created_at=now,
    )
    session.add(resolution)
    claim.status = ClaimStatus.RESOLVED_TRUE if ev.settled else ClaimStatus.RESOLVED_FALSE
    session.flush()
    logger.info("claim %s resolved automatically: %s", claim.id, evidence)
    return resolution


def _check_automatic_resolution(
    session: Session, *, claim: Claim, resolution: Resolution, ev: Evaluation, now: datetime, reason: str
) -> RescoreOutcome:
    """An automatically resolved claim: if revised data contradict the resolution, record it and flag the claim."""
    claim_id = claim.id
    assert claim_id is not None
    agrees = ev.settled is not None and ev.settled == (resolution.outcome == Outcome.TRUE)
    if agrees:
        return RescoreOutcome(
            claim_id,
            claim.probability,
            False,
            ClaimStatus(claim.status),
            f"resolved automatically (resolution {resolution.id}); the data still agree",
        )
    latest = latest_snapshot(session, claim_id=claim_id)
    if latest is not None and latest.inputs_hash == ev.inputs_hash:
        return RescoreOutcome(
            claim_id,
            claim.probability,
            False,
            ClaimStatus(claim.status),
            f"nothing new since snapshot {latest.id}",
        )
    indicator = ev.indicator.key if ev.indicator else "the data"
    known = ev.data_as_of.isoformat() if ev.data_as_of else "unknown"
    now_says = "settle it the other way" if ev.settled is not None else "no longer settle it"
    note = (
        f"revision: {indicator} as of {known} would now {now_says} (P={ev.probability:.4f}); the automatic "
        f"resolution {resolution.id} ({resolution.outcome}) is kept until a researcher reviews it"
    )
    details = dict(ev.details, contradicts_resolution=resolution.id, revision=note)
    flagged = dataclasses.replace(ev, details=details)
    snapshot = _write_snapshot(
        session, claim=claim, ev=flagged, now=now, reason=f"{reason}; {note}", seed=ev.inputs.get("seed", 0)
    )
    claim.needs_review = True
    claim.review_note = note
    session.flush()
    logger.warning("claim %s needs review: %s", claim.id, note)
    return RescoreOutcome(
        claim_id,
        snapshot.probability,
        True,
        ClaimStatus(claim.status),
        note,
        snapshot.id,
        ev.method,
    )


def claim_history(session: Session, *, claim_id: int, limit: int, offset: int) -> tuple[list[ProbabilitySnapshot], int]:
    """A page of the claim's snapshots, oldest first, and their total; NotFound for an unknown claim."""
    if session.get(Claim, claim_id) is None:
        raise NotFound(f"claim {claim_id} does not exist")
    return list_snapshots(session, claim_id=claim_id, limit=limit, offset=offset)


def recompute_snapshot(session: Session, *, snapshot_id: int) -> Evaluation:
    """Re-run a snapshot from what it recorded (data as of its data_as_of, its seed, paths and horizon)."""
    snapshot = session.get(ProbabilitySnapshot, snapshot_id)
    if snapshot is None:
        raise NotFound(f"snapshot {snapshot_id} does not exist")
    claim = session.get(Claim, snapshot.claim_id)
    assert claim is not None
    if snapshot.method == baserate.METHOD:
        assert snapshot.data_as_of is not None
        return evaluate_base_rate(
            claim=claim,
            rule=deciding_rule(session, claim_id=snapshot.claim_id),
            on=snapshot.data_as_of.date(),
        )
    rule = deciding_rule(session, claim_id=claim.id)  # type: ignore[arg-type]
    if rule is None or snapshot.data_as_of is None:
        raise InvalidInput(f"snapshot {snapshot_id}: its claim no longer has a deciding rule")
    evaluation = evaluate_rule(
        session,
        claim=claim,
        rule=rule,
        as_of=snapshot.data_as_of,
        n_paths=int(snapshot.details.get("n_paths", 1000)),
        seed=snapshot.seed,
    )
    if evaluation is None:
        raise InvalidInput(f"snapshot {snapshot_id}: no data as of {snapshot.data_as_of.isoformat()}")
    return evaluation


def _rescore_guarded(
    session: Session,
    summary: RunSummary,
    *,
    claim_id: int,
    clock: Clock,
    reason: str,
    n_paths: int,
    seed: int,
    cache: ForecastCache,
) -> None:
    """Re-score one claim; a claim whose inputs fail (bad window, unforecastable series) is logged and skipped.

    ``rescore_claim`` works everything out before it writes anything, so a claim that fails leaves nothing
    behind and needs no savepoint (SAVEPOINT is unreliable under the pysqlite driver's transaction handling:
    releasing the outermost one commits).
    """
    try:
        outcome = rescore_claim(
            session, claim_id=claim_id, clock=clock, reason=reason, n_paths=n_paths, seed=seed, cache=cache
        )
    except (ForecastError, LedgerError, ValueError) as exc:
        logger.exception("claim %s: re-score failed", claim_id)
        summary.failures.append((claim_id, str(exc)))
        return
    summary.add(outcome)


def _reason(reasons: Iterable[str]) -> str:
    unique = list(dict.fromkeys(reasons))
    text = "; ".join(unique[:3])
    return text + (f" (+{len(unique) - 3} more)" if len(unique) > 3 else "")


def process_pending(
    session: Session,
    *,
    clock: Clock,
    n_paths: int = 1000,
    seed: int = 0,
    limit: int = 10_000,
    progress: Progress | None = None,
) -> RunSummary:
    """Consume the outbox: re-score every claim its pending requests touch, once each, and mark them done.

    The requests are marked done in the caller's transaction, together with the snapshots: a crash before the
    commit leaves them pending, and the work runs again.
    """
    requests = pending_requests(session, limit=limit)
    summary = RunSummary(requests=len(requests))
    if not requests:
        return summary
    linked = {
        indicator_id: claims_linked_to(session, indicator_ids=[indicator_id])
        for indicator_id in {r.indicator_id for r in requests if r.indicator_id is not None}
    }
    reasons: dict[int, list[str]] = {}  # per claim, in the order the requests came
    for request in requests:
        targets = [request.claim_id] if request.claim_id is not None else []
        targets += linked.get(request.indicator_id, []) if request.indicator_id is not None else []
        for claim_id in targets:
            reasons.setdefault(claim_id, []).append(request.reason)
    cache: ForecastCache = {}
    ordered = claims_to_rescore(session, claim_ids=reasons)
    for done, claim_id in enumerate(ordered, 1):
        _rescore_guarded(
            session,
            summary,
            claim_id=claim_id,
            clock=clock,
            reason=_reason(reasons[claim_id]),
            n_paths=n_paths,
            seed=seed,
            cache=cache,
        )
        if progress is not None:
            progress(done, len(ordered))
    now = clock.now()
    for request in requests:
        request.done_at = now
    session.flush()
    logger.info(
        "outbox: %s requests -> %s claims re-scored, %s snapshots", len(requests), summary.claims, summary.written
    )
    return summary


def rescore_all(
    session: Session,
    *,
    clock: Clock,
    n_paths: int = 1000,
    seed: int = 0,
    claim_ids: Iterable[int] | None = None,
    reason: str = "periodic re-score",
    progress: Progress | None = None,
    cache: ForecastCache | None = None,
) -> RunSummary:
    """Re-score every claim (or those in ``claim_ids``); each indicator is forecast once and shared by its claims."""
    ordered = claims_to_rescore(session, claim_ids=claim_ids)
    summary = RunSummary()
    cache = {} if cache is None else cache
    for done, claim_id in enumerate(ordered, 1):
        _rescore_guarded(
            session, summary, claim_id=claim_id, clock=clock, reason=reason, n_paths=n_paths, seed=seed, cache=cache
        )
        if progress is not None:
            progress(done, len(ordered))
    logger.info(
        "re-score: %s claims, %s snapshots, %s failures", summary.claims, summary.written, len(summary.failures)
    )
    return summary


def merge(total: RunSummary, part: RunSummary) -> None:
    """Add ``part``'s counts to ``total``."""
    total.claims += part.claims
    total.written += part.written
    total.resolved += part.resolved
    total.requests += part.requests
    total.failures.extend(part.failures)


def sweep_deadlines(session: Session, *, clock: Clock) -> list[int]:
    """Open claims past their deadline without a decision become ``awaiting_resolution``; returns their ids."""
    today = clock.now().date()
    claims = open_claims_past_deadline(session, today=today)
    for claim in claims:
        claim.status = ClaimStatus.AWAITING_RESOLUTION
    session.flush()
    if claims:
        logger.info("deadline sweep: %s claims now await resolution", len(claims))
    return [c.id for c in claims if c.id is not None]
