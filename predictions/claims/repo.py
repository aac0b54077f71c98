"""Queries over claims, their tags, links, snapshots and resolutions."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from functools import lru_cache
from typing import Any, NamedTuple

import sqlalchemy as sa
from sqlalchemy.engine import Row
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import aliased
from sqlalchemy.sql.functions import FunctionElement
from sqlmodel import Session, col, select

from predictions.ledger.schemas import ClaimSort, SortOrder
from predictions.ledger.tables import (
    Claim,
    ClaimCondition,
    ClaimIndicator,
    ClaimStatus,
    ClaimTag,
    Indicator,
    LedgerVersion,
    LinkRole,
    Observation,
    ProbabilitySnapshot,
    Resolution,
    SnapshotKind,
)

# What each ``sort`` key orders by; the claim id breaks ties in the same direction, so pages are stable.
_SORT_COLUMNS: dict[ClaimSort, Any] = {
    ClaimSort.DEADLINE: Claim.deadline,
    ClaimSort.PROBABILITY: Claim.probability,
    ClaimSort.UPDATED: sa.func.coalesce(col(Claim.probability_updated_at), col(Claim.created_at)),
    ClaimSort.CREATED: Claim.created_at,
    ClaimSort.STATUS: sa.case(
        {
            ClaimStatus.AWAITING_RESOLUTION: 0,
            ClaimStatus.OPEN: 1,
            ClaimStatus.RESOLVED_TRUE: 2,
            ClaimStatus.RESOLVED_FALSE: 3,
            ClaimStatus.ANNULLED: 4,
        },
        value=col(Claim.status),
        else_=5,
    ),
}


# Keys that no claim lacks: ordering by them needs no "IS NULL" term, so an index on the key gives the order
# (sorting 10,000 claims by a CASE expression cost ~2 ms per page on SQLite).
_NEVER_NULL = frozenset({ClaimSort.DEADLINE, ClaimSort.CREATED, ClaimSort.UPDATED, ClaimSort.STATUS})


def _like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, with LIKE's own wildcards taken literally."""
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class ClaimListing(NamedTuple):
    """Which claims a listing holds (the filters; ``q``: text in the statement or quote, any case) and their
    order."""

    q: str | None = None
    status: ClaimStatus | None = None
    tag: str | None = None
    source_id: int | None = None
    due_before: date | None = None
    sort: ClaimSort = ClaimSort.DEADLINE
    order: SortOrder = SortOrder.ASC


def ordered_claim_ids(session: Session, *, listing: ClaimListing) -> list[int]:
    """The ids of every claim the listing holds, in its order (claims without a value last): a page is a slice of
    them, and the total their number."""
    filters = {
        "pattern": _like_pattern(listing.q) if listing.q else None,
        "status": listing.status,
        "tag": listing.tag.lower() if listing.tag is not None else None,
        "source_id": listing.source_id,
        "due_before": listing.due_before,
    }
    given = frozenset(name for name, value in filters.items() if value is not None)
    statement = _order_statement(given, listing.sort, listing.order)
    # On the connection (Core), not through the ORM's execution path: 10,000 ids cost ~20 ms through it, ~4 ms so.
    # Like ``claim_rows``, it does not flush: callers do.
    return list(session.connection().execute(statement, {name: filters[name] for name in given}).scalars())


@lru_cache(maxsize=256)
def _order_statement(given: frozenset[str], sort: ClaimSort, order: SortOrder) -> Any:
    """The ordered ids statement for this set of filters and this order, built once (its values are bound
    parameters): building it cost more CPU than SQLite takes to run it."""
    # Filter and sort ids only, then load the page's rows: sorting whole rows (statement, quote, criteria texts)
    # made deep pages of 10,000 claims several times slower on SQLite.
    query = select(col(Claim.id))
    if "pattern" in given:
        pattern = sa.bindparam("pattern", type_=sa.String)
        query = query.where(
            sa.or_(
                sa.func.lower(col(Claim.statement)).like(pattern, escape="\\"),
                sa.func.lower(col(Claim.quote)).like(pattern, escape="\\"),
            )
        )
    if "status" in given:
        query = query.where(col(Claim.status) == sa.bindparam("status"))
    if "tag" in given:
        tagged = select(col(ClaimTag.claim_id)).where(col(ClaimTag.tag) == sa.bindparam("tag", type_=sa.String))
        query = query.where(col(Claim.id).in_(tagged))
    if "source_id" in given:
        query = query.where(col(Claim.source_id) == sa.bindparam("source_id"))
    if "due_before" in given:
        query = query.where(col(Claim.deadline) < sa.bindparam("due_before"))
    key = _SORT_COLUMNS[sort]
    direction = sa.desc if order is SortOrder.DESC else sa.asc
    ordering = [direction(key), direction(col(Claim.id))]
    if sort not in _NEVER_NULL:
        # "IS NULL" first keeps claims without a value at the end in both directions, on SQLite and PostgreSQL.
        ordering.insert(0, sa.case((key.is_(None), 1), else_=0))
    return query.order_by(*ordering)


# Reading claims for the API and the pages selects columns, not ORM objects (a page of 50 claims used to build
# ~310 ORM instances, most of the request's CPU), with statements built once: building a statement of this size
# costs more than running it.
_IDS: Any = sa.bindparam("claim_ids", expanding=True)
_CLAIM_COLUMNS = (
    col(Claim.id),
    col(Claim.statement),
    col(Claim.quote),
    col(Claim.author),
    col(Claim.source_id),
    col(Claim.made_on),
    col(Claim.deadline),
    col(Claim.status),
    col(Claim.probability),
    col(Claim.probability_updated_at),
    col(Claim.resolution_criteria),
    col(Claim.interpretation),
    col(Claim.prior),
    col(Claim.stated_confidence),
    col(Claim.stated_probability),
    col(Claim.needs_review),
    col(Claim.review_note),
    col(Claim.checked_through),
    col(Claim.condition),
)


class ClaimRows(NamedTuple):
    """What ``claim_rows`` reads of one claim."""

    claim: tuple[Any, ...]
    tags: list[str]
    links: list[tuple[Any, ...]]


class _TagList(FunctionElement[Any]):
    """A claim's tags as one JSON array (``json_agg`` on PostgreSQL, ``json_group_array`` on SQLite), so that
    the claim's row carries them: JSON, not a separator, since no character is barred from a tag everywhere."""

    type = sa.JSON()
    inherit_cache = True


@compiles(_TagList, "postgresql")
def _tag_list_postgresql(element: _TagList, compiler: Any, **kw: Any) -> str:
    return f"json_agg({compiler.process(element.clauses, **kw)})"


@compiles(_TagList)
def _tag_list(element: _TagList, compiler: Any, **kw: Any) -> str:
    return f"json_group_array({compiler.process(element.clauses, **kw)})"


def _rule_columns(entity: Any, prefix: str) -> list[Any]:
    """A rule's columns (a condition's or a link's), in the order ``claims._rule`` takes them."""
    names = ("op", "threshold", "aggregate", "window_start", "window_end")
    return [col(getattr(entity, name)).label(f"{prefix}_{name}") for name in names]


def _claim_rows_statement() -> Any:
    # Correlated max(id)s, each one index search per claim: a GROUP BY subquery joined back cost SQLite an
    # automatic index per query, and ORDER BY ... LIMIT 1 a sort per claim.
    snapshot = aliased(ProbabilitySnapshot, name="newer_snapshot")
    newest = (
        select(sa.func.max(snapshot.id))
        .where(snapshot.claim_id == col(Claim.id), snapshot.kind == SnapshotKind.LIVE)
        .correlate(Claim)
        .scalar_subquery()
    )  # the newest live snapshot: hindcasts are history, not the current number
    other = aliased(Resolution, name="other_resolution")
    live = (
        select(sa.func.max(other.id))
        .where(other.claim_id == col(Claim.id), other.retracted_at.is_(None))  # type: ignore[union-attr]
        .correlate(Claim)
        .scalar_subquery()
    )  # the live resolution, as repo.resolutions.active_resolution picks it
    tags = (
        select(_TagList(col(ClaimTag.tag)))
        .where(col(ClaimTag.claim_id) == col(Claim.id))
        .correlate(Claim)
        .scalar_subquery()
    )
    condition_indicator = aliased(Indicator, name="condition_indicator")
    link_indicator = aliased(Indicator, name="link_indicator")
    return (
        select(  # type: ignore[call-overload]
            *_CLAIM_COLUMNS,
            col(ProbabilitySnapshot.method).label("snapshot_method"),
            col(ProbabilitySnapshot.model).label("snapshot_model"),
            col(ProbabilitySnapshot.details)["backtest"].label("backtest"),
            col(Resolution.id).label("resolution_id"),
            col(Resolution.outcome),
            col(Resolution.resolved_on),
            col(Resolution.evidence),
            col(Resolution.resolved_by),
            col(Resolution.decisive_observation_id),
            col(ClaimCondition.status).label("condition_status"),
            col(ClaimCondition.probability).label("condition_probability"),
            col(ClaimCondition.decided_on).label("condition_decided_on"),
            *_rule_columns(ClaimCondition, "condition"),
            condition_indicator.key.label("condition_indicator"),  # type: ignore[attr-defined]
            condition_indicator.frequency.label("condition_frequency"),  # type: ignore[attr-defined]
            tags.label("tags"),
            # The links, one row each (a claim without links has one row, with these columns null):
            col(ClaimIndicator.role).label("link_role"),
            *_rule_columns(ClaimIndicator, "link"),
            link_indicator.key.label("link_indicator"),  # type: ignore[attr-defined]
            link_indicator.name.label("link_name"),  # type: ignore[attr-defined]
            link_indicator.frequency.label("link_frequency"),  # type: ignore[attr-defined]
            sa.exists()
            .where(col(Observation.indicator_id) == link_indicator.id)  # type: ignore[attr-defined]
            .label("link_has_data"),
        )
        .select_from(Claim)
        .outerjoin(ProbabilitySnapshot, col(ProbabilitySnapshot.id) == newest)
        .outerjoin(Resolution, col(Resolution.id) == live)
        .outerjoin(ClaimCondition, col(ClaimCondition.claim_id) == col(Claim.id))
        .outerjoin(condition_indicator, condition_indicator.id == col(ClaimCondition.indicator_id))  # type: ignore[attr-defined]
        .outerjoin(ClaimIndicator, col(ClaimIndicator.claim_id) == col(Claim.id))
        .outerjoin(link_indicator, link_indicator.id == col(ClaimIndicator.indicator_id))  # type: ignore[attr-defined]
        .where(col(Claim.id).in_(_IDS))
        .order_by(col(ClaimIndicator.role), link_indicator.key)  # type: ignore[attr-defined]
    )


_CLAIM_ROWS = _claim_rows_statement()
LINK_WIDTH = 10  # a link's columns, last in each row
CLAIM_WIDTH = len(_CLAIM_ROWS.selected_columns) - 1 - LINK_WIDTH  # the claim's own columns, before its tags
_VERSIONED_CLAIM_ROWS = _CLAIM_ROWS.add_columns(
    select(col(LedgerVersion.version)).where(col(LedgerVersion.id) == 1).scalar_subquery()
)


def claim_rows(session: Session, *, claim_ids: Sequence[int]) -> dict[int, ClaimRows]:
    """Each claim's row (its columns, its newest live snapshot's method, model and backtest, its current (not
    retracted) resolution, and its condition with the condition's indicator: ``CLAIM_WIDTH`` values), its tags,
    sorted, and its indicator links (role and rule, the indicator's key, name and frequency, and whether it has
    any data: ``LINK_WIDTH`` values each), by role then key; in no particular order of claims.

    One statement, so one round trip to the database: the tags come as a JSON array in the claim's row and each
    link as a row of its own, the claim's columns repeated (a claim has a few links). It runs on the session's
    connection (SQLAlchemy Core), not through the ORM: it selects columns, not objects, and the ORM's execution
    path cost ~0.1 ms per statement on top. Not going through the ORM, it does not flush pending changes:
    callers do."""
    if not claim_ids:
        return {}
    return _grouped(session.connection().execute(_CLAIM_ROWS, {"claim_ids": list(claim_ids)}))


def versioned_claim_rows(session: Session, *, claim_ids: Sequence[int]) -> tuple[int | None, dict[int, ClaimRows]]:
    """``claim_rows``, and the ledger's version read by the same statement, so at the same snapshot (None when
    none of the claims exists). Committed only on a connection that holds no writes of its own."""
    if not claim_ids:
        return None, {}
    rows = session.connection().execute(_VERSIONED_CLAIM_ROWS, {"claim_ids": list(claim_ids)}).all()
    return (int(rows[0][-1]) if rows else None), _grouped(rows)


def _grouped(rows: Iterable[Row[Any]]) -> dict[int, ClaimRows]:
    result: dict[int, ClaimRows] = {}
    for row in rows:
        found = result.get(row[0])
        if found is None:
            # Tags sorted here, by code point, as SQLite and PostgreSQL's C collation sort them: json_agg and
            # json_group_array keep no order.
            found = result[row[0]] = ClaimRows(row[:CLAIM_WIDTH], sorted(row[CLAIM_WIDTH] or ()), [])
        if row[CLAIM_WIDTH + 1] is not None:
            found.links.append(tuple(row[CLAIM_WIDTH + 1 : CLAIM_WIDTH + 1 + LINK_WIDTH]))
    return result


def probability_histories(session: Session, *, claim_ids: Sequence[int]) -> dict[int, list[float]]:
    """Each claim's live snapshot probabilities, oldest first."""
    result: dict[int, list[float]] = defaultdict(list)
    rows = session.exec(
        select(ProbabilitySnapshot.claim_id, ProbabilitySnapshot.probability)  # type: ignore[call-overload]
        .where(col(ProbabilitySnapshot.claim_id).in_(claim_ids), ProbabilitySnapshot.kind == SnapshotKind.LIVE)
        .order_by(col(ProbabilitySnapshot.claim_id), col(ProbabilitySnapshot.id))
    )
    for claim_id, probability in rows:
        result[claim_id].append(probability)
    return result


def ids_by_deadline(session: Session, *, claim_ids: Sequence[int]) -> list[int]:
    """These claims' ids, by deadline then id (unknown ids are left out)."""
    if not claim_ids:
        return []
    query = select(col(Claim.id)).where(col(Claim.id).in_(sorted(set(claim_ids))))
    return [i for i in session.exec(query.order_by(col(Claim.deadline), col(Claim.id))).all() if i is not None]


def tag_counts(session: Session) -> list[tuple[str, int]]:
    """Every tag in use with its number of claims, by tag."""
    rows = session.exec(
        select(ClaimTag.tag, sa.func.count())  # type: ignore[call-overload]
        .group_by(col(ClaimTag.tag))
        .order_by(col(ClaimTag.tag))
    )
    return [(tag, int(n)) for tag, n in rows]


def claims_after(session: Session, *, after_id: int, limit: int) -> list[Claim]:
    """Up to ``limit`` claims with ids above ``after_id``, by id (for walking the whole ledger in batches)."""
    return list(session.exec(select(Claim).where(col(Claim.id) > after_id).order_by(col(Claim.id)).limit(limit)))


def snapshot_histories(session: Session, *, claim_ids: Sequence[int]) -> dict[int, list[ProbabilitySnapshot]]:
    """Each claim's snapshots, oldest first."""
    result: dict[int, list[ProbabilitySnapshot]] = defaultdict(list)
    rows = session.exec(
        select(ProbabilitySnapshot)
        .where(col(ProbabilitySnapshot.claim_id).in_(claim_ids))
        .order_by(col(ProbabilitySnapshot.claim_id), col(ProbabilitySnapshot.id))
    )
    for row in rows:
        result[row.claim_id].append(row)
    return result


def has_resolutions(session: Session, *, claim_id: int) -> bool:
    """Whether the claim was ever resolved (retracted resolutions count)."""
    return session.exec(select(Resolution.id).where(Resolution.claim_id == claim_id).limit(1)).first() is not None


def delete_rule(session: Session, *, claim_id: int) -> None:
    """Remove the claim's deciding rule, if it has one."""
    session.execute(
        sa.delete(ClaimIndicator).where(
            col(ClaimIndicator.claim_id) == claim_id, col(ClaimIndicator.role) == LinkRole.DECIDES
        )
    )
    session.flush()


def replace_tags(session: Session, *, claim_id: int, tags: Sequence[str]) -> None:
    """Make ``tags`` the claim's tags."""
    session.execute(sa.delete(ClaimTag).where(col(ClaimTag.claim_id) == claim_id))
    session.add_all(ClaimTag(claim_id=claim_id, tag=tag) for tag in tags)
    session.flush()
