"""What the weekly digest says: the week's biggest moves with their reasons, resolutions, deadlines, new things.

A week is an ISO week (``2026-W48``), from Monday 00:00 UTC to the next Monday 00:00 UTC. A subscriber's tags
keep the claims carrying any of them (and the indicators linked to those claims); no tags means everything.
Sections with nothing to say come back empty and the templates leave them out.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session

from predictions.claims import repo_resolutions as resolution_repo
from predictions.digest import repo as repo
from predictions.ledger.clock import Clock
from predictions.ledger.errors import InvalidInput
from predictions.ledger.tables import Claim, Outcome, ProbabilitySnapshot, Resolution
from predictions.scoring.scoring import brier
from predictions.scoring.track_record import counted_forecasts, counts_in_scores, cutoff_for

TOP_MOVES = 5
MIN_MOVE = 0.01  # smaller changes are noise from re-fitting, not news
MOVE_BATCH = 200  # snapshots the feed reads at a time, newest first
DUE_WITHIN = timedelta(days=30)
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


@dataclass(frozen=True)
class Week:
    """An ISO week."""

    year: int
    number: int

    @property
    def label(self) -> str:
        """``YYYY-Www``."""
        return f"{self.year}-W{self.number:02d}"

    @property
    def monday(self) -> date:
        """Its first day."""
        return date.fromisocalendar(self.year, self.number, 1)

    @property
    def start(self) -> datetime:
        """Monday 00:00 UTC."""
        return datetime.combine(self.monday, time(), tzinfo=UTC)

    @property
    def end(self) -> datetime:
        """The next Monday 00:00 UTC (excluded)."""
        return self.start + timedelta(days=7)


def parse_week(text: str) -> Week:
    """``2026-W48`` as a Week; InvalidInput otherwise."""
    match = _WEEK.match(text.strip())
    if match is None:
        raise InvalidInput(f"week: expected an ISO week such as 2026-W48, got {text!r}")
    year, number = int(match[1]), int(match[2])
    try:
        date.fromisocalendar(year, number, 1)
    except ValueError:
        raise InvalidInput(f"week: {year} has no week {number}") from None
    return Week(year, number)


def week_of(day: date) -> Week:
    """The ISO week containing ``day``."""
    year, number, _ = day.isocalendar()
    return Week(year, number)


def last_complete_week(clock: Clock) -> Week:
    """The latest ISO week that has ended (the one a Monday digest reports on)."""
    return week_of(clock.now().date() - timedelta(days=7))


@dataclass(frozen=True)
class Move:
    """A claim's probability moving over the week, and the sentence that says why."""

    claim_id: int
    statement: str
    before: float
    after: float
    sentence: str
    at: datetime
    history: list[tuple[datetime, float]] = field(default_factory=list)

    @property
    def change(self) -> float:
        """after - before."""
        return self.after - self.before


@dataclass(frozen=True)
class ForecasterScore:
    """One forecaster's standing forecast at resolution and its Brier score."""

    forecaster: str
    probability: float
    brier: float


@dataclass(frozen=True)
class Resolved:
    """A claim resolved this week."""

    claim_id: int
    statement: str
    outcome: str
    resolved_on: date
    evidence: str
    resolved_by: str
    scores: list[ForecasterScore]


@dataclass(frozen=True)
class ClaimLine:
    """A claim with its deadline and current probability."""

    claim_id: int
    statement: str
    author: str
    deadline: date
    probability: float | None


@dataclass(frozen=True)
class NewData:
    """Values of one indicator recorded this week."""

    key: str
    name: str
    unit: str | None
    count: int
    first_period: str
    last_period: str
    latest_value: float | None


@dataclass(frozen=True)
class DigestContent:
    """Everything one digest says."""

    week: Week
    tags: list[str]
    moves: list[Move]
    resolved: list[Resolved]
    due: list[ClaimLine]
    awaiting: list[ClaimLine]
    new_claims: list[ClaimLine]
    new_data: list[NewData]

    @property
    def is_empty(self) -> bool:
        """True when no section has anything to say."""
        return not (self.moves or self.resolved or self.due or self.awaiting or self.new_claims or self.new_data)


def build_digest(session: Session, *, week: Week, tags: Collection[str] = ()) -> DigestContent:
    """The digest of ``week`` for a subscriber following ``tags`` (all claims when empty)."""
    only = repo.claim_ids_with_tags(session, tags=tags) if tags else None
    start, end = week.start, week.end
    due_from = end.date()
    return DigestContent(
        week=week,
        tags=sorted(tags),
        moves=biggest_moves(session, start=start, end=end, claim_ids=only),
        resolved=[
            _resolved(session, claim, resolution)
            for claim, resolution in repo.resolutions_between(session, start=start, end=end, claim_ids=only)
        ],
        due=[
            _line(c)
            for c in repo.claims_due_between(session, first=due_from, last=due_from + DUE_WITHIN, claim_ids=only)
        ],
        awaiting=[_line(c) for c in repo.claims_awaiting(session, claim_ids=only)],
        new_claims=[_line(c) for c in repo.claims_created_between(session, start=start, end=end, claim_ids=only)],
        new_data=[
            NewData(
                key=indicator.key,
                name=indicator.name,
                unit=indicator.unit,
                count=n,
                first_period=first,
                last_period=last,
                latest_value=_latest(session, indicator.id, end),
            )
            for indicator, n, first, last in repo.new_observations_by_indicator(
                session, start=start, end=end, claim_ids=only
            )
        ],
    )


def _latest(session: Session, indicator_id: int | None, end: datetime) -> float | None:
    assert indicator_id is not None
    row = repo.latest_value(session, indicator_id=indicator_id, before=end)
    return row.value if row else None


def _line(claim: Claim) -> ClaimLine:
    assert claim.id is not None
    return ClaimLine(
        claim_id=claim.id,
        statement=claim.statement,
        author=claim.author,
        deadline=claim.deadline,
        probability=claim.probability,
    )


def changes(
    session: Session, *, start: datetime, end: datetime, claim_ids: Collection[int] | None
) -> list[tuple[ProbabilitySnapshot, float]]:
    """Each snapshot in ``[start, end)`` that moved its claim by at least ``MIN_MOVE``, with the probability before."""
    snapshots = repo.snapshots_between(session, start=start, end=end, claim_ids=claim_ids)
    previous = {
        claim_id: s.probability
        for claim_id, s in repo.last_snapshots_before(
            session, at=start, claim_ids={s.claim_id for s in snapshots}
        ).items()
    }
    moved = []
    for snapshot in snapshots:
        before = previous.get(snapshot.claim_id)
        if before is not None and abs(snapshot.probability - before) >= MIN_MOVE:
            moved.append((snapshot, before))
        previous[snapshot.claim_id] = snapshot.probability
    return moved


def move_sentence(snapshot: ProbabilitySnapshot, *, before: float, statement: str) -> str:
    """The snapshot's own explanation when it has one, else a sentence built from its reason."""
    if snapshot.details.get("explanation"):
        return str(snapshot.details["explanation"])
    verb = "rose" if snapshot.probability > before else "fell"
    why = f" after {snapshot.reason}" if snapshot.reason else ""
    return f"P({statement}) {verb} from {before:.0%} to {snapshot.probability:.0%}{why}."


def biggest_moves(
    session: Session, *, start: datetime, end: datetime, claim_ids: Collection[int] | None, top: int = TOP_MOVES
) -> list[Move]:
    """The claims whose probability moved most over ``[start, end)``, each explained by its largest single step."""
    steps: dict[int, list[tuple[ProbabilitySnapshot, float]]] = defaultdict(list)
    for snapshot, before in changes(session, start=start, end=end, claim_ids=claim_ids):
        steps[snapshot.claim_id].append((snapshot, before))
    if not steps:
        return []
    opening_snapshots = repo.last_snapshots_before(session, at=start, claim_ids=steps.keys())
    openings = {claim_id: s.probability for claim_id, s in opening_snapshots.items()}
    # A claim first scored during the week (a new claim, then a check or new data) opens at its first live snapshot.
    first_scored = repo.snapshot_histories(session, claim_ids=steps.keys() - openings.keys(), before=end)
    openings |= {claim_id: history[0].probability for claim_id, history in first_scored.items()}
    closings = {claim_id: moved[-1][0] for claim_id, moved in steps.items()}
    claims = {claim_id: session.get(Claim, claim_id) for claim_id in steps}
    ranked = sorted(
        steps,
        key=lambda claim_id: (-abs(closings[claim_id].probability - openings[claim_id]), claim_id),
    )
    ranked = [c for c in ranked if abs(closings[c].probability - openings[c]) >= MIN_MOVE][:top]
    histories = repo.snapshot_histories(session, claim_ids=ranked, before=end)
    moves = []
    for claim_id in ranked:
        claim = claims[claim_id]
        assert claim is not None
        main, main_before = max(steps[claim_id], key=lambda pair: abs(pair[0].probability - pair[1]))
        moves.append(
            Move(
                claim_id=claim_id,
                statement=claim.statement,
                before=openings[claim_id],
                after=closings[claim_id].probability,
                sentence=move_sentence(main, before=main_before, statement=claim.statement),
                at=closings[claim_id].at,
                history=[(s.at, s.probability) for s in histories.get(claim_id, [])],
            )
        )
    return moves


def _resolved(session: Session, claim: Claim, resolution: Resolution) -> Resolved:
    assert claim.id is not None
    return Resolved(
        claim_id=claim.id,
        statement=claim.statement,
        outcome=Outcome(resolution.outcome).value,
        resolved_on=resolution.resolved_on,
        evidence=resolution.evidence,
        resolved_by=resolution.resolved_by,
        scores=forecaster_scores(session, claim=claim, resolution=resolution),
    )


def forecaster_scores(session: Session, *, claim: Claim, resolution: Resolution) -> list[ForecasterScore]:
    """The Brier score of each forecaster's last forecast that counts (``counts_in_scores``, ``counted_forecasts``:
    the track record's rules); none when the claim does not count. Hindcasts are scored apart, not here."""
    if claim.id is None:
        return []
    cutoff = cutoff_for(session, claim=claim, resolution=resolution)
    if not counts_in_scores(claim=claim, resolution=resolution, cutoff=cutoff):
        return []
    outcome = resolution.outcome is Outcome.TRUE
    counted = counted_forecasts(
        claim=claim,
        cutoff=cutoff,
        snapshots=resolution_repo.snapshots_of(session, claim_ids=[claim.id]).get(claim.id, []),
        human_forecasts=resolution_repo.human_forecasts_of(session, claim_ids=[claim.id]).get(claim.id, []),
    )
    standing = {f.name: f.forecasts[-1][1] for f in counted if not f.hindcast}
    return [ForecasterScore(name, p, brier(p, outcome)) for name, p in _ordered(standing)]


def _ordered(standing: dict[str, float]) -> Sequence[tuple[str, float]]:
    return sorted(standing.items(), key=lambda item: (item[0] != "model", item[0]))


@dataclass(frozen=True)
class Change:
    """One entry of the changes feed: an explained move or a resolution."""

    key: str  # stable: "snapshot-<id>" or "resolution-<id>"
    claim_id: int
    title: str
    summary: str
    at: datetime


def recent_changes(
    session: Session, *, clock: Clock, tags: Collection[str] = (), days: int = 90, limit: int = 50
) -> list[Change]:
    """The explained moves and resolutions of the last ``days`` days, newest first.

    Read newest first, a batch at a time, until ``limit`` moves are found (``repo.moves_newest_first``): the cost
    follows ``limit``, not the number of snapshots in the window."""
    end = clock.now()
    start = end - timedelta(days=days)
    only = repo.claim_ids_with_tags(session, tags=tags) if tags else None
    moves: list[tuple[ProbabilitySnapshot, float]] = []
    offset = 0
    while len(moves) < limit:
        batch = repo.moves_newest_first(session, start=start, end=end, claim_ids=only, offset=offset, limit=MOVE_BATCH)
        moves += [(s, before) for s, before in batch if before is not None and abs(s.probability - before) >= MIN_MOVE]
        offset += len(batch)
        if len(batch) < MOVE_BATCH:
            break
    resolved = repo.resolutions_between(session, start=start, end=end, claim_ids=only, newest=limit)
    statements = repo.statements_of(session, claim_ids={s.claim_id for s, _ in moves[:limit]})

    def statement(claim_id: int) -> str:
        return statements.get(claim_id, f"claim {claim_id}")

    entries = [
        Change(
            key=f"snapshot-{snapshot.id}",
            claim_id=snapshot.claim_id,
            title=f"{statement(snapshot.claim_id)}: {before:.0%} → {snapshot.probability:.0%}",
            summary=move_sentence(snapshot, before=before, statement=statement(snapshot.claim_id)),
            at=snapshot.at,
        )
        for snapshot, before in moves[:limit]
    ]
    for claim, resolution in resolved:
        assert claim.id is not None
        entries.append(
            Change(
                key=f"resolution-{resolution.id}",
                claim_id=claim.id,
                title=f"Resolved {Outcome(resolution.outcome).value}: {claim.statement}",
                summary=f"Resolved {Outcome(resolution.outcome).value} on {resolution.resolved_on.isoformat()} "
                f"by {resolution.resolved_by}. Evidence: {resolution.evidence}",
                at=resolution.created_at,
            )
        )
    entries.sort(key=lambda entry: (entry.at, entry.key), reverse=True)
    return entries[:limit]


def send_time(week: Week, *, timezone: str, hour: int) -> datetime:
    """When ``week``'s digest is due: the Monday after it, at ``hour``:00 in ``timezone``."""
    return datetime.combine(week.end.date(), time(hour), tzinfo=ZoneInfo(timezone)).astimezone(UTC)


def week_due(now: datetime, *, timezone: str, hour: int) -> Week:
    """The latest week whose digest is due by ``now`` (before Monday's send time, that is the week before last)."""
    local = now.astimezone(ZoneInfo(timezone)) - timedelta(hours=hour)
    return week_of(local.date() - timedelta(days=7))
