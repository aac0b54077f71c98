from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import Session, select

from predictions.claims.resolve import resolve_claim, unresolve_claim
from predictions.digest.digest import forecaster_scores
from predictions.ledger.clock import FixedClock
from predictions.ledger.tables import (
    Claim,
    ClaimStatus,
    ClaimTag,
    HumanForecast,
    KeyRole,
    Outcome,
    ProbabilitySnapshot,
    Resolution,
    SnapshotKind,
)
from predictions.scoring.scoring import brier, log_score, time_averaged_brier
from predictions.scoring.track_record import (
    STATED_CONFIDENCE,
    counts_in_scores,
    forecast_counts,
    scoring_cutoff,
    track_record,
)
from tests.factories import add_observations, make_claim, make_indicator, make_source

MADE = date(2025, 1, 1)
RESOLVED = date(2025, 1, 11)
CLOCK = FixedClock(datetime(2025, 1, 11, 15, tzinfo=UTC))


def at(day: int, hour: int = 12) -> datetime:
    return datetime(2025, 1, day, hour, tzinfo=UTC)


def snapshot(
    session: Session,
    claim: Claim,
    when: datetime,
    p: float,
    method: str = "model",
    kind: SnapshotKind = SnapshotKind.LIVE,
    computed_at: datetime | None = None,
) -> None:
    session.add(
        ProbabilitySnapshot(
            claim_id=claim.id,
            at=when,
            probability=p,
            method=method,
            model="ets",
            model_version="1",
            inputs_hash="x",
            kind=kind,
            computed_at=computed_at or when,
        )
    )
    session.flush()


def resolved_claim(session: Session, *, author: str, tags: list[str], source_title: str) -> Claim:
    source = make_source(session, title=source_title)
    claim = make_claim(session, source=source, author=author, made_on=MADE, deadline=date(2025, 12, 31))
    claim.stated_probability = 0.9
    session.add_all([claim, *(ClaimTag(claim_id=claim.id, tag=t) for t in tags)])
    session.flush()
    return claim


def resolve(session: Session, claim: Claim, outcome: str, *, resolved_on: date = RESOLVED) -> None:
    resolve_claim(
        session,
        claim_id=claim.id,  # type: ignore[arg-type]
        outcome=outcome,
        evidence="e",
        resolved_by="r",
        role=KeyRole.ADMIN,
        clock=CLOCK,
        resolved_on=resolved_on,
    )


def test_model_humans_and_stated_confidence_are_scored_separately(session: Session) -> None:
    claim = resolved_claim(session, author="A", tags=["macro", "china"], source_title="S1")
    snapshot(session, claim, at(1), 0.4, method="base_rate")
    snapshot(session, claim, at(6), 0.7)
    snapshot(session, claim, at(11, 16), 0.999)  # after the resolution was recorded: not scored
    session.add(HumanForecast(claim_id=claim.id, forecaster="ann", probability=0.8, at=at(3)))
    session.flush()
    resolve(session, claim, "true")

    groups = {(g.group, g.method): g.summary for g in track_record(session, by="method")}
    assert set(groups) == {
        ("model", "model"),
        ("researcher:ann", "researcher:ann"),
        (STATED_CONFIDENCE, STATED_CONFIDENCE),
    }
    model = groups[("model", "model")]
    assert model.n == 1
    assert model.brier == pytest.approx(brier(0.7, True))
    assert model.log == pytest.approx(log_score(0.7, True))
    expected = time_averaged_brier([(at(1), 0.4), (at(6), 0.7)], outcome=True, resolved_on=RESOLVED, start=MADE)
    assert model.time_averaged_brier == pytest.approx(expected)
    assert model.time_averaged_brier == pytest.approx((5 * brier(0.4, True) + 5 * brier(0.7, True)) / 10)
    ann = groups[("researcher:ann", "researcher:ann")]
    assert ann.brier == pytest.approx(brier(0.8, True))
    assert ann.time_averaged_brier == pytest.approx(brier(0.8, True))  # days before her first forecast don't count
    stated = groups[(STATED_CONFIDENCE, STATED_CONFIDENCE)]
    assert stated.brier == pytest.approx(brier(0.9, True)) == pytest.approx(stated.time_averaged_brier)
    assert sum(b.n for b in model.calibration) == 1 and model.calibration[7].n == 1


def test_groups_by_author_source_and_tag(session: Session) -> None:
    first = resolved_claim(session, author="A", tags=["macro", "china"], source_title="S1")
    second = resolved_claim(session, author="B", tags=["macro"], source_title="S2")
    for claim in (first, second):
        snapshot(session, claim, at(5), 0.6)
    resolve(session, first, "true")
    resolve(session, second, "false")

    by_author = {(g.group, g.method): g.summary for g in track_record(session, by="author")}
    assert by_author[("A", "model")].brier == pytest.approx(brier(0.6, True))
    assert by_author[("B", "model")].brier == pytest.approx(brier(0.6, False))
    assert by_author[("B", STATED_CONFIDENCE)].brier == pytest.approx(brier(0.9, False))
    by_source = {(g.group, g.method) for g in track_record(session, by="source")}
    assert ("S1", "model") in by_source and ("S2", "model") in by_source
    by_tag = {(g.group, g.method): g.summary for g in track_record(session, by="tag")}
    assert by_tag[("macro", "model")].n == 2 and by_tag[("china", "model")].n == 1
    assert by_tag[("macro", "model")].brier == pytest.approx((brier(0.6, True) + brier(0.6, False)) / 2)


def test_annulled_retracted_and_open_claims_are_not_scored(session: Session) -> None:
    annulled = resolved_claim(session, author="A", tags=[], source_title="S")
    retracted = resolved_claim(session, author="A", tags=[], source_title="S")
    still_open = resolved_claim(session, author="A", tags=[], source_title="S")
    for claim in (annulled, retracted, still_open):
        snapshot(session, claim, at(2), 0.5)
    resolve(session, annulled, "annulled")
    resolve(session, retracted, "true")
    unresolve_claim(session, claim_id=retracted.id, reason="wrong", retracted_by="admin", clock=CLOCK)  # type: ignore[arg-type]
    assert track_record(session, by="method") == []


def test_forecasts_made_after_the_resolution_day_do_not_count(session: Session) -> None:
    claim = resolved_claim(session, author="A", tags=[], source_title="S")
    snapshot(session, claim, at(2), 0.2)
    late_clock = FixedClock(CLOCK.at + timedelta(days=30))
    resolve_claim(
        session,
        claim_id=claim.id,
        outcome="true",
        evidence="e",
        resolved_by="r",
        role=KeyRole.ADMIN,  # type: ignore[arg-type]
        clock=late_clock,
        resolved_on=RESOLVED,
    )
    snapshot(session, claim, at(20), 0.99)  # recorded before the resolution, but after its day
    (model,) = [g for g in track_record(session, by="method") if g.method == "model"]
    assert model.summary.brier == pytest.approx(brier(0.2, True))


def test_hindcasts_are_scored_apart_and_count_exactly_when_a_live_forecast_at_their_time_would(
    session: Session,
) -> None:
    claim = resolved_claim(session, author="A", tags=[], source_title="S")
    computed = CLOCK.at + timedelta(days=300)  # hindcasts are computed long after the resolution
    snapshot(session, claim, at(1), 0.3, kind=SnapshotKind.HINDCAST, computed_at=computed)
    snapshot(session, claim, at(4), 0.6, kind=SnapshotKind.HINDCAST, computed_at=computed)
    snapshot(session, claim, at(12), 0.99, kind=SnapshotKind.HINDCAST, computed_at=computed)  # after the cutoff
    snapshot(session, claim, at(8), 0.8)  # the one live forecast
    resolve(session, claim, "true")

    groups = {g.method: g.summary for g in track_record(session, by="method")}
    assert set(groups) == {"model", "model (hindcast)", STATED_CONFIDENCE}
    assert groups["model"].n == 1 and groups["model"].brier == pytest.approx(0.2**2)
    hindcast = groups["model (hindcast)"]
    assert hindcast.n == 1 and hindcast.brier == pytest.approx(0.4**2)  # 0.6 stood at the cutoff, not 0.99
    # Days 1-3 at 0.3 and days 4-10 at 0.6: (3 * 0.49 + 7 * 0.16) / 10.
    assert hindcast.time_averaged_brier == pytest.approx((3 * 0.49 + 7 * 0.16) / 10)
    by_author = {(g.group, g.method) for g in track_record(session, by="author")}
    assert by_author == {("A", "model"), ("A", "model (hindcast)"), ("A", STATED_CONFIDENCE)}


def test_nothing_after_the_end_of_the_deadline_day_counts(session: Session) -> None:
    """Old behaviour caught: forecasts between the deadline and a late resolution were scored (0.95, and ann's).

    Made 2025-01-01, deadline 2025-01-05, resolved true on 2025-01-11. Cutoff: 2025-01-06 00:00. The model's
    last forecast before it is 0.6 (Jan 3): Brier (1 - 0.6)^2 = 0.16, and its time-averaged Brier over Jan 3..5
    is 0.16 too. Ann's 0.99 on Jan 7 is never scored; the stated 0.9 (made Jan 1) is: (1 - 0.9)^2 = 0.01.
    """
    claim = make_claim(session, made_on=MADE, deadline=date(2025, 1, 5))
    claim.stated_probability = 0.9
    snapshot(session, claim, at(3), 0.6)
    snapshot(session, claim, at(8), 0.95)
    session.add(HumanForecast(claim_id=claim.id, forecaster="ann", probability=0.99, at=at(7)))
    session.flush()
    resolve(session, claim, "true")
    groups = {g.method: g.summary for g in track_record(session, by="method")}
    assert set(groups) == {"model", STATED_CONFIDENCE}
    assert groups["model"].brier == pytest.approx(0.16) and groups["model"].time_averaged_brier == pytest.approx(0.16)
    assert groups[STATED_CONFIDENCE].brier == pytest.approx(0.01)


def _auto_resolved(session: Session, *, made_on: date, known: datetime) -> Claim:
    """A claim resolved true from an observation that became known at ``known`` (recorded on Jan 11)."""
    indicator = make_indicator(session, key=f"series_{made_on.isoformat()}")
    [observation] = add_observations(session, indicator=indicator, start="2024-11", values=[7.0], as_of=known)
    claim = make_claim(session, made_on=made_on, deadline=date(2025, 12, 31), status=ClaimStatus.RESOLVED_TRUE)
    claim.stated_probability = 0.9
    session.add(
        Resolution(
            claim_id=claim.id,  # type: ignore[arg-type]
            outcome=Outcome.TRUE,
            resolved_on=known.date(),
            evidence="series 2024-11 = 7",
            resolved_by="auto",
            decisive_observation_id=observation.id,
            created_at=CLOCK.at,
        )
    )
    session.flush()
    return claim


def test_the_decisive_observations_arrival_is_the_cutoff(session: Session) -> None:
    """Old behaviour caught: the cutoff was the end of resolved_on, so 0.9 at 11:00 counted after the 10:00 data.

    The deciding value arrived 2025-01-04 10:00: the 09:00 forecast 0.3 is the last scored, Brier 0.7^2 = 0.49.
    """
    claim = _auto_resolved(session, made_on=MADE, known=at(4, 10))
    snapshot(session, claim, at(4, 9), 0.3)
    snapshot(session, claim, at(4, 11), 0.9)
    groups = {g.method: g.summary for g in track_record(session, by="method")}
    assert groups["model"].brier == pytest.approx(0.49)


def test_a_claim_made_after_its_outcome_was_known_is_left_out_of_every_score(session: Session) -> None:
    """Old behaviour caught: its stated confidence (and any forecast) was scored though the data had settled it.

    The deciding value arrived 2024-12-20, before made_on 2025-01-01.
    """
    claim = _auto_resolved(session, made_on=MADE, known=datetime(2024, 12, 20, tzinfo=UTC))
    snapshot(session, claim, at(2), 0.99)
    session.add(HumanForecast(claim_id=claim.id, forecaster="ann", probability=0.99, at=at(2)))
    session.flush()
    assert track_record(session, by="method") == []


def test_the_digest_scores_only_what_the_track_record_counts(session: Session) -> None:
    """Old behaviour caught: the digest scored the stated confidence 0.9 (Brier 0.01) of a claim made after its
    outcome was known, which the track record leaves out.

    Claim 1: the deciding value arrived 2024-12-20, before made_on 2025-01-01: nothing is scored anywhere.
    Claim 2: made 2024-12-31, settled by a value that arrived 2025-01-04 10:00; the model said 0.3 at 09:00
    (Brier 0.7^2 = 0.49) and 0.9 at 11:00 (after the cutoff, not scored); ann said 0.6 on the 2nd (0.16) and
    0.95 on the 5th (not scored); the stated confidence 0.9 stands at the start of made_on (0.01).
    """
    late = _auto_resolved(session, made_on=MADE, known=datetime(2024, 12, 20, tzinfo=UTC))
    snapshot(session, late, at(2), 0.99)
    fine = _auto_resolved(session, made_on=date(2024, 12, 31), known=at(4, 10))
    snapshot(session, fine, at(4, 9), 0.3)
    snapshot(session, fine, at(4, 11), 0.9)
    session.add(HumanForecast(claim_id=fine.id, forecaster="ann", probability=0.6, at=at(2)))
    session.add(HumanForecast(claim_id=fine.id, forecaster="ann", probability=0.95, at=at(5)))
    session.flush()

    def scores(claim: Claim) -> list[tuple[str, float, float]]:
        [resolution] = session.exec(select(Resolution).where(Resolution.claim_id == claim.id)).all()
        return [
            (s.forecaster, s.probability, round(s.brier, 12))
            for s in forecaster_scores(session, claim=claim, resolution=resolution)
        ]

    assert scores(late) == []
    assert scores(fine) == [("model", 0.3, 0.49), ("researcher:ann", 0.6, 0.16), (STATED_CONFIDENCE, 0.9, 0.01)]
    groups = {g.method: g.summary for g in track_record(session, by="method")}
    assert {m: (g.n, round(g.brier, 12)) for m, g in groups.items()} == {
        "model": (1, 0.49),
        "researcher:ann": (1, 0.16),
        STATED_CONFIDENCE: (1, 0.01),
    }


# The one rule of what counts, case by case (expected values by hand).


def _resolution(**fields: object) -> Resolution:
    values: dict[str, object] = {
        "claim_id": 1,
        "outcome": Outcome.TRUE,
        "resolved_on": date(2025, 1, 10),
        "evidence": "e",
        "resolved_by": "r",
        "created_at": datetime(2025, 2, 1, tzinfo=UTC),
    }
    return Resolution(**(values | fields))  # type: ignore[arg-type]


def test_what_counts_in_scores() -> None:
    claim = Claim(made_on=MADE, deadline=date(2025, 12, 31))  # type: ignore[call-arg]
    later = datetime(2025, 1, 2, tzinfo=UTC)
    assert counts_in_scores(claim=claim, resolution=_resolution(), cutoff=later)
    retracted = _resolution(retracted_at=datetime(2025, 2, 2, tzinfo=UTC))
    assert not counts_in_scores(claim=claim, resolution=retracted, cutoff=later)  # true, but retracted
    assert not counts_in_scores(claim=claim, resolution=_resolution(outcome=Outcome.ANNULLED), cutoff=later)
    start_of_made_on = datetime(2025, 1, 1, tzinfo=UTC)
    assert not counts_in_scores(claim=claim, resolution=_resolution(), cutoff=start_of_made_on)  # known as made
    assert not forecast_counts(at=later, cutoff=later) and forecast_counts(at=start_of_made_on, cutoff=later)


@pytest.mark.parametrize(
    ("deadline", "resolved_on", "decisive", "expected"),
    [
        (date(2025, 1, 5), date(2025, 1, 10), None, datetime(2025, 1, 6, tzinfo=UTC)),  # the deadline's end
        (date(2025, 12, 31), date(2025, 1, 10), None, datetime(2025, 1, 11, tzinfo=UTC)),  # resolved_on's end
        (date(2025, 12, 31), date(2025, 1, 10), at(4, 10), at(4, 10)),  # the deciding value's arrival
    ],
)
def test_the_cutoff_is_the_earliest_of_its_dates(
    deadline: date, resolved_on: date, decisive: datetime | None, expected: datetime
) -> None:
    claim = Claim(made_on=MADE, deadline=deadline)  # type: ignore[call-arg]
    resolution = _resolution(resolved_on=resolved_on)  # recorded 2025-02-01, after all of them
    assert scoring_cutoff(claim=claim, resolution=resolution, decisive_as_of=decisive) == expected


def test_days_before_made_on_are_not_scored(session: Session) -> None:
    """The model said 0.5 on 2024-12-30 (before made_on 2025-01-01) and 0.9 on 2025-01-03; true on 2025-01-05.
    Days 01-01..01-04: 0.25, 0.25, 0.01, 0.01: time-averaged Brier 0.52 / 4 = 0.13 (not 1.02 / 6 = 0.17 with
    the two days before made_on)."""
    claim = make_claim(session, made_on=MADE, deadline=date(2025, 12, 31))
    snapshot(session, claim, datetime(2024, 12, 30, 12, tzinfo=UTC), 0.5)
    snapshot(session, claim, at(3), 0.9)
    resolve(session, claim, "true", resolved_on=date(2025, 1, 5))
    [group] = track_record(session, by="method", bins=4)
    assert group.summary.time_averaged_brier == pytest.approx(0.13, abs=1e-12)
    assert [(b.lower, b.upper) for b in group.summary.calibration] == [(0, 0.25), (0.25, 0.5), (0.5, 0.75), (0.75, 1)]


def test_one_sources_record_and_the_groups_for_no_source_and_no_tag(session: Session) -> None:
    tagged = resolved_claim(session, author="A", tags=["macro"], source_title="S1")
    bare = make_claim(session, author="B", made_on=MADE, deadline=date(2025, 12, 31))
    bare.stated_probability = 0.2
    for claim in (tagged, bare):
        resolve(session, claim, "false")
    source_id = tagged.source_id
    only_s1 = track_record(session, by="author", source_id=source_id)
    assert [(g.group, g.method, g.summary.n) for g in only_s1] == [("A", STATED_CONFIDENCE, 1)]
    by_source = track_record(session, by="source")
    assert [(g.group, g.summary.brier) for g in by_source] == [
        ("(no source)", pytest.approx(0.04)),  # 0.2 said, false: 0.2^2
        ("S1", pytest.approx(0.81)),  # 0.9 said, false: 0.9^2
    ]
    assert [g.group for g in track_record(session, by="tag")] == ["(untagged)", "macro"]
