"""Track records: every forecaster's forecasts of resolved claims, scored and grouped.

**Only what was known counts.** Each resolved claim has a **scoring cutoff**, the earliest of:
- the end of its deadline day;
- the moment its outcome became known: the ``as_of`` of the decisive observation of an automatic resolution;
- the resolution's own dates: the end of ``resolved_on`` and the moment the resolution was recorded.
A forecast made at or after the cutoff is never scored, whoever made it (the model, the base rate, a
researcher, the source's stated confidence). A claim made after its outcome was known (resolved as known
before ``made_on``, or a cutoff not after the start of ``made_on``) is left out of every score:
``counts_in_scores`` decides, for every reader of scores.

**One rule, everywhere.** ``counts_in_scores`` decides whether a resolved claim counts at all, and
``counted_forecasts`` (with ``forecast_counts`` and ``snapshot_counts``) which of its forecasts do; the track
record, the scores API, the dashboard and the digest all go through them, so no two can disagree. A hindcast
retired because the claim's rule changed after it was computed never counts.

Who is scored, per resolved (true/false, not annulled, not retracted) claim:
- the **model**: its probability snapshots before the cutoff. Brier and log score use the last one; the
  time-averaged Brier uses all of them from ``made_on`` to the cutoff's day. Its method is the last snapshot's
  ``method`` (e.g. ``model`` or ``base_rate``);
- the model's **hindcasts** (what the engine would have said at a past moment, computed later from only the
  vintages known then), apart from its live forecasts, as method ``<method> (hindcast)``. A hindcast counts
  exactly when a live forecast at its ``at`` would;
- each **researcher** who posted a forecast, as method ``researcher:<name>`` (scored the same way);
- the **source's own stated confidence**, when it gave a number, as method ``stated_confidence`` (a constant
  forecast made at the start of ``made_on``).

Groups: ``author`` (the claim's author), ``source`` (its source's title), ``tag`` (a claim counts once in each
of its tags) or ``method``. Each answer item is one (group, method) pair, so that different forecasters are
never averaged together.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum

from sqlmodel import Session

from predictions.claims import repo_resolutions as repo
from predictions.ledger.tables import Claim, HumanForecast, Outcome, ProbabilitySnapshot, Resolution, SnapshotKind
from predictions.scoring.scoring import DEFAULT_BINS, Scored, Summary, summarise, time_averaged_brier

STATED_CONFIDENCE = "stated_confidence"
#: Hindcasts are scored apart from live forecasts, as the method ``<method> (hindcast)``.
HINDCAST_SUFFIX = " (hindcast)"


class GroupBy(StrEnum):
    """How to group a track record."""

    AUTHOR = "author"
    SOURCE = "source"
    METHOD = "method"
    TAG = "tag"


@dataclass(frozen=True)
class ScoreGroup:
    """The scores of one method's forecasts within one group."""

    group: str
    method: str
    summary: Summary


@dataclass(frozen=True)
class _Record:
    claim: Claim
    method: str
    scored: Scored


def track_record(
    session: Session, *, by: GroupBy | str, bins: int = DEFAULT_BINS, source_id: int | None = None
) -> list[ScoreGroup]:
    """Score every forecaster on resolved claims (of one source, if given) and group the scores ``by`` field."""
    by = GroupBy(by)
    resolved = repo.resolved_claims(session, source_id=source_id)
    claim_ids = [claim.id for claim, _ in resolved if claim.id is not None]
    snapshots = repo.snapshots_of(session, claim_ids=claim_ids)
    humans = repo.human_forecasts_of(session, claim_ids=claim_ids)
    records: list[_Record] = []
    decisive = repo.decisive_as_of(session, resolutions=[r for _, r in resolved])
    for claim, resolution in resolved:
        assert claim.id is not None
        cutoff = scoring_cutoff(claim=claim, resolution=resolution, decisive_as_of=decisive.get(resolution.id or 0))
        if not counts_in_scores(claim=claim, resolution=resolution, cutoff=cutoff):
            continue
        end = min(resolution.resolved_on, cutoff.date())
        for forecaster in counted_forecasts(
            claim=claim,
            cutoff=cutoff,
            snapshots=snapshots.get(claim.id, []),
            human_forecasts=humans.get(claim.id, []),
        ):
            records.append(_record(claim, resolution, end, forecaster.method, forecaster.forecasts))
    return _group(session, records, by=by, bins=bins)


def counts_in_scores(*, claim: Claim, resolution: Resolution, cutoff: datetime) -> bool:
    """Whether a resolved claim counts in any score: the one rule for the track record, the API and the digest.

    It counts when its resolution is live (not retracted) and says true or false (not annulled), and the claim
    was made before its outcome could be known: not resolved (by data or by hand) as known before ``made_on``,
    and its scoring ``cutoff`` is after the start of ``made_on``.
    """
    if resolution.retracted_at is not None or resolution.outcome not in (Outcome.TRUE, Outcome.FALSE):
        return False
    if resolution.resolved_on < claim.made_on:  # known before it was made (a hand resolution may say so)
        return False
    return cutoff > _start_of(claim.made_on)  # else made after its outcome was known: nothing about it is scored


def forecast_counts(*, at: datetime, cutoff: datetime) -> bool:
    """Whether a forecast standing for the moment ``at`` counts: only one made before the cutoff does."""
    return at < cutoff


def snapshot_counts(snapshot: ProbabilitySnapshot, *, cutoff: datetime) -> bool:
    """Whether a model snapshot counts: made before the cutoff (a hindcast stands for its ``at``), and not a
    hindcast retired because the claim's rule changed after it was computed."""
    return snapshot.retired_at is None and forecast_counts(at=snapshot.at, cutoff=cutoff)


@dataclass(frozen=True)
class Forecaster:
    """One forecaster's counted forecasts of one claim, oldest first."""

    name: str  # "model", "model (hindcast)", "researcher:<name>", "stated_confidence"
    method: str  # as the track record groups it: the model's last method ("model", "base_rate", ...)
    forecasts: list[tuple[datetime, float]]

    @property
    def hindcast(self) -> bool:
        """Whether these are the model's hindcasts (scored apart from its live forecasts)."""
        return self.name.endswith(HINDCAST_SUFFIX)


def counted_forecasts(
    *,
    claim: Claim,
    cutoff: datetime,
    snapshots: Sequence[ProbabilitySnapshot],
    human_forecasts: Sequence[HumanForecast],
) -> list[Forecaster]:
    """Every forecaster's forecasts of a counted claim that count (see the module docstring), by forecaster."""
    counted: list[Forecaster] = []
    for kind, suffix in ((SnapshotKind.LIVE, ""), (SnapshotKind.HINDCAST, HINDCAST_SUFFIX)):
        # A hindcast counts exactly when a live forecast at its ``at`` would: it stands for that moment.
        model = [s for s in snapshots if s.kind == kind and snapshot_counts(s, cutoff=cutoff)]
        if model:
            forecasts = [(s.at, s.probability) for s in model]
            counted.append(Forecaster(f"model{suffix}", model[-1].method + suffix, forecasts))
    by_person: dict[str, list[tuple[datetime, float]]] = defaultdict(list)
    for forecast in human_forecasts:
        if forecast_counts(at=forecast.at, cutoff=cutoff):
            by_person[forecast.forecaster].append((forecast.at, forecast.probability))
    for person, forecasts in sorted(by_person.items()):
        counted.append(Forecaster(f"researcher:{person}", f"researcher:{person}", forecasts))
    if claim.stated_probability is not None:  # a constant forecast made at the start of made_on
        stated = [(_start_of(claim.made_on), claim.stated_probability)]
        counted.append(Forecaster(STATED_CONFIDENCE, STATED_CONFIDENCE, stated))
    return counted


def scoring_cutoff(*, claim: Claim, resolution: Resolution, decisive_as_of: datetime | None) -> datetime:
    """The moment after which nothing about the claim counts: see the module docstring."""
    candidates = [
        _start_of(claim.deadline + timedelta(days=1)),
        _start_of(resolution.resolved_on + timedelta(days=1)),
        resolution.created_at,
    ]
    if decisive_as_of is not None:
        candidates.append(decisive_as_of)
    return min(candidates)


def cutoff_for(session: Session, *, claim: Claim, resolution: Resolution) -> datetime:
    """The scoring cutoff of one resolved claim (see the module docstring)."""
    decisive = repo.decisive_as_of(session, resolutions=[resolution])
    return scoring_cutoff(claim=claim, resolution=resolution, decisive_as_of=decisive.get(resolution.id or 0))


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=UTC)


def _record(
    claim: Claim, resolution: Resolution, end: date, method: str, forecasts: Sequence[tuple[datetime, float]]
) -> _Record:
    outcome = resolution.outcome is Outcome.TRUE
    averaged = time_averaged_brier(forecasts, outcome=outcome, resolved_on=end, start=claim.made_on)
    return _Record(
        claim=claim,
        method=method,
        scored=Scored(probability=forecasts[-1][1], outcome=outcome, time_averaged_brier=averaged),
    )


def _group(session: Session, records: Sequence[_Record], *, by: GroupBy, bins: int) -> list[ScoreGroup]:
    claim_ids = {r.claim.id for r in records if r.claim.id is not None}
    tags = repo.tags_of(session, claim_ids=claim_ids) if by is GroupBy.TAG else {}
    titles = (
        repo.source_titles(session, source_ids={r.claim.source_id for r in records if r.claim.source_id})
        if by is GroupBy.SOURCE
        else {}
    )
    groups: dict[tuple[str, str], list[Scored]] = defaultdict(list)
    for record in records:
        claim = record.claim
        if by is GroupBy.AUTHOR:
            names = [claim.author]
        elif by is GroupBy.SOURCE:
            names = [titles.get(claim.source_id, f"source {claim.source_id}") if claim.source_id else "(no source)"]
        elif by is GroupBy.TAG:
            names = tags.get(claim.id, []) or ["(untagged)"]  # type: ignore[arg-type]
        else:
            names = [record.method]
        for name in names:
            groups[(name, record.method)].append(record.scored)
    return [
        ScoreGroup(group=group, method=method, summary=summarise(scored, bins=bins))
        for (group, method), scored in sorted(groups.items())
    ]
