"""Track records kept per ledger version: what the track-record page, ``/scores`` and source pages read.

``track_record`` scores every resolved claim from scratch (two seconds on 10,000 claims). Its inputs (claims,
tags, sources, snapshots, human forecasts, resolutions) all bump the ledger's version when they change
(migrations 0013 and 0014), so its answer at a version is computed once (``predictions.ledger.kept``) and every
later reader at that version gets it by lookup. What counts in a score stays decided in ``track_record`` alone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from sqlmodel import Session

from predictions.ledger.kept import KeptByVersion
from predictions.ledger.repo import committed_version
from predictions.scoring.scoring import DEFAULT_BINS
from predictions.scoring.track_record import GroupBy, ScoreGroup, track_record

KeptScores = KeptByVersion[list[ScoreGroup]]
#: What readers ask for most: warmed at start and recomputed as soon as the version moves.
COMMON = tuple((by, DEFAULT_BINS, None) for by in GroupBy)


def kept_track_record(
    session: Session, *, kept: KeptScores, by: GroupBy | str, bins: int = DEFAULT_BINS, source_id: int | None = None
) -> list[ScoreGroup]:
    """``track_record(session, by=by, bins=bins, source_id=source_id)``, computed once per ledger version."""
    by = GroupBy(by)
    return kept.get(session, key=(by, bins, source_id), compute=_computation(by, bins, source_id))


def is_current(
    session: Session, *, kept: KeptScores, by: GroupBy | str, bins: int = DEFAULT_BINS, source_id: int | None = None
) -> bool:
    """Whether that track record is kept at the ledger's version, so that reading it costs a lookup."""
    version = committed_version(session)
    return version is not None and kept.version_of((GroupBy(by), bins, source_id)) == version


def refresh(session: Session, *, kept: KeptScores) -> int:
    """Bring the common track records (``COMMON``) up to the ledger's committed version; how many were computed.
    Only those: others are computed when a reader asks, who pays for it (the service rate-limits such reads), so
    that no reader can make every write cost many recomputations. ``session`` must hold no writes of its own."""
    version = committed_version(session)
    if version is None:
        return 0
    stale = [key for key in COMMON if kept.version_of(key) != version]
    for key in stale:
        by, bins, source_id = cast(tuple[GroupBy, int, int | None], key)  # the keys kept_track_record makes
        kept.at(session, key=key, version=version, compute=_computation(by, bins, source_id))
    return len(stale)


def _computation(by: GroupBy, bins: int, source_id: int | None) -> Callable[[Session], list[ScoreGroup]]:
    def compute(session: Session) -> list[ScoreGroup]:
        return track_record(session, by=by, bins=bins, source_id=source_id)

    return compute
