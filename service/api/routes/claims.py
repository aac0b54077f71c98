"""Claims: list, read and add resolvable predictions."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, BackgroundTasks, Query, Request
from sqlmodel import Session

from predictions.claims import claims
from predictions.claims.orders import ClaimListing
from predictions.ledger.errors import NotFound
from predictions.ledger.repo import committed_version
from predictions.ledger.schemas import MAX_ID, ClaimCreate, ClaimRead, ClaimSort, ClaimUpdate, SortOrder, StrictDate
from predictions.ledger.tables import ClaimStatus
from service.api.auth import ResearcherDep
from service.api.deps import ClockDep, SessionDep, read_only
from service.api.fastjson import JSONBytes
from service.api.pagination import DEFAULT_LIMIT, ClaimId, Page, PageDep
from service.api.read_cache import ReadCache, ReadCacheDep, RequestReadCache
from service.jobs import wake

router = APIRouter(prefix="/claims", tags=["claims"])


@router.get("", response_model=Page[ClaimRead])
def list_claims(
    request: Request,
    session: SessionDep,
    page: PageDep,
    cache: ReadCacheDep,
    q: str | None = Query(
        None, max_length=200, description="Only claims whose statement or quote contains this text (any case)."
    ),
    status: ClaimStatus | None = Query(None, description="Only claims with this status."),
    tag: str | None = Query(None, max_length=100, description="Only claims with this tag."),
    source_id: int | None = Query(None, ge=1, le=MAX_ID, description="Only claims from this source."),
    due_before: StrictDate | None = Query(None, description="Only claims whose deadline is before this date."),
    sort: ClaimSort = Query(
        ClaimSort.DEADLINE, description="Order by deadline, probability, updated (last change) or created."
    ),
    order: SortOrder = Query(SortOrder.ASC, description="asc or desc; claims without the value come last."),
) -> JSONBytes:
    """Claims (by deadline unless ``sort`` says otherwise), with their probability, rule, tags and resolution."""
    filters = {"q": q, "status": status, "tag": tag, "source_id": source_id, "due_before": due_before, "sort": sort,
               "order": order, "limit": page.limit, "offset": page.offset}  # fmt: skip
    # One version read for both the answer and the listing's kept order (a page is a slice of it).
    version = committed_version(session)
    orders = request.app.state.claim_orders

    def compute() -> dict[str, Any]:
        items, total = claims.list_claim_documents(read_only(session), **filters, orders=orders, version=version)
        return list_answer(items, total=total, limit=page.limit, offset=page.offset)

    listing = ClaimListing(q, status, tag, source_id, due_before, sort, order)
    key = list_question(listing, limit=page.limit, offset=page.offset)
    return JSONBytes(cache.answer(session, key=key, compute=compute, version=version))


def list_question(listing: ClaimListing, *, limit: int, offset: int) -> tuple[Any, ...]:
    """The read cache's key for one page of the claims list (``listing``'s filters as the request gave them)."""
    return ("claims", *listing, limit, offset)


def list_answer(items: list[dict[str, Any]], *, total: int, limit: int, offset: int) -> dict[str, Any]:
    """One page of the claims list as the route answers it (``pagination.Page``'s fields)."""
    return {"items": items, "total": total, "limit": limit, "offset": offset}


def keep_first_list_pages(app: Any, session: Session) -> int:
    """Before a worker takes traffic: the default listing's pages (every claim by deadline, ``DEFAULT_LIMIT`` a
    page), computed at the ledger's version and kept in the read cache, first pages first, up to a quarter of its
    bytes (10,000 claims: all 200 pages, ~10 MB); how many were kept.

    Why: on a new worker every page of the list was computed on its first view, and under 300 mixed requests/s
    those first views queued the route threads for the first seconds. Only at start: after a write each page is
    computed again on its first view (a slice of the kept order and one statement for its claims' rows)."""
    version = committed_version(session)
    if version is None:
        return 0
    cache: ReadCache = app.state.read_cache
    ids = app.state.claim_orders.ids(session, listing=ClaimListing(), version=version)
    budget, kept = cache.max_bytes // 4, 0
    for offset in range(0, len(ids), DEFAULT_LIMIT):
        items = claims.claim_documents(session, claim_ids=list(ids[offset : offset + DEFAULT_LIMIT]))
        answer = list_answer(items, total=len(ids), limit=DEFAULT_LIMIT, offset=offset)
        budget -= len(cache.keep(list_question(ClaimListing(), limit=DEFAULT_LIMIT, offset=offset), version, answer))
        kept += 1
        if budget <= 0:
            break
    return kept


@router.post("", status_code=201)
def create_claim(
    data: ClaimCreate, session: SessionDep, clock: ClockDep, background: BackgroundTasks, _key: ResearcherDep
) -> ClaimRead:
    """Add a claim (researcher); its first probability follows within seconds."""
    claim = claims.create_claim(session, data=data, clock=clock)
    background.add_task(wake)
    return claims.get_claim(session, claim_id=claim.id)  # type: ignore[arg-type]


@router.patch("/{claim_id}")
def patch_claim(
    claim_id: ClaimId,
    data: ClaimUpdate,
    session: SessionDep,
    clock: ClockDep,
    background: BackgroundTasks,
    key: ResearcherDep,
) -> ClaimRead:
    """Edit tags, interpretation, criteria, the rule (before the first resolution), quote, author or made_on
    (while no forecast is scored) (researcher); the change is audited and the claim re-scored."""
    claims.update_claim(session, claim_id=claim_id, data=data, by=key.name, clock=clock)
    background.add_task(wake)
    return claims.get_claim(session, claim_id=claim_id)


@router.get("/{claim_id}", response_model=ClaimRead)
def get_claim(claim_id: ClaimId, session: SessionDep, cache: ReadCacheDep) -> JSONBytes:
    """One claim."""
    return JSONBytes(claim_answer(session, cache, claim_id))


def claim_answer(
    session: Session, cache: ReadCache | RequestReadCache, claim_id: int, *, version: int | None = None
) -> bytes:
    """One claim's JSON, from the read cache or computed now; raises NotFound for an unknown id. The route
    above and ``service.api.fast_reads`` both answer with it, so their bytes are the same (``version``: see
    ``ReadCache.answer``)."""
    document = lambda: claims.get_claim_document(session, claim_id=claim_id)  # noqa: E731
    return cache.answer(session, key=claim_question(claim_id), compute=document, version=version)


def fresh_claim_answer(session: Session, cache: ReadCache, claim_id: int) -> bytes:
    """One claim's JSON computed now, kept in the read cache at the ledger version that the same statement read
    (so the answer holds exactly that version); raises NotFound for an unknown id. For a claim this process has
    no answer to at any version: one round trip instead of two (the version, then the claim). The same document,
    so the same bytes, as ``claim_answer``; ``session`` must hold no writes of its own."""
    version, documents = claims.versioned_claim_documents(session, claim_ids=[claim_id])
    if not documents:
        raise NotFound(f"claim {claim_id} does not exist")
    return cache.keep(claim_question(claim_id), version, documents[0])


def claim_question(claim_id: int) -> tuple[str, int]:
    """The read cache's key for one claim's answer."""
    return ("claim", claim_id)
