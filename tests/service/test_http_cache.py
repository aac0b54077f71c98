"""HTTP caching (issue 21): strong ETags, If-None-Match answered with 304, Cache-Control on every read.

Before: no read carried an ETag or a Cache-Control, so neither a client nor a proxy could cache or revalidate.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import httpx
from fastapi.testclient import TestClient
from sqlmodel import Session

from service.api.http_cache import cache_control, matches, strong_etag
from service.web.auth import SESSION_COOKIE
from tests.factories import T0, make_claim, make_snapshot
from tests.service.conftest import running_server

API = "/api/v1"


def _claim(session: Session) -> int:
    claim = make_claim(session, statement="Chips will ship", deadline=date(2027, 6, 30))
    make_snapshot(session, claim=claim, at=T0, probability=0.4)
    assert claim.id is not None
    return claim.id


def test_a_public_read_carries_a_strong_etag_and_says_revalidate(client: TestClient, session: Session) -> None:
    claim_id = _claim(session)
    answer = client.get(f"{API}/claims/{claim_id}")
    assert answer.status_code == 200
    etag = answer.headers["etag"]
    assert etag.startswith('"') and not etag.startswith("W/")
    assert answer.headers["cache-control"] == "public, no-cache"
    # The tag is the bytes' digest: worked out here with hashlib, not by the middleware.
    import hashlib

    assert etag == '"' + hashlib.blake2b(answer.content, digest_size=16).hexdigest() + '"'


def test_if_none_match_gets_304_without_a_body_and_a_write_changes_the_tag(
    client: TestClient, session: Session, researcher_headers: dict[str, str]
) -> None:
    claim_id = _claim(session)
    for path in (f"{API}/claims/{claim_id}", f"{API}/claims?limit=5", f"{API}/scores", "/feeds/changes.atom"):
        first, again = _revalidated(client, path)
        assert again.headers["etag"] == first.headers["etag"]
        assert again.headers["cache-control"] == "public, no-cache"
    before = client.get(f"{API}/claims/{claim_id}").headers["etag"]
    resolved = client.post(
        f"{API}/claims/{claim_id}/resolve",
        json={"outcome": "true", "evidence": "Shipped in May.", "resolved_on": "2026-05-01"},
        headers=researcher_headers,
    )
    assert resolved.status_code in (200, 201), resolved.text
    after = client.get(f"{API}/claims/{claim_id}", headers={"If-None-Match": before})
    assert after.status_code == 200
    assert after.headers["etag"] != before


def test_a_request_with_a_key_or_a_session_is_never_stored(
    client: TestClient, session: Session, researcher_headers: dict[str, str]
) -> None:
    claim_id = _claim(session)
    keyed = client.get(f"{API}/claims/{claim_id}", headers=researcher_headers)
    assert keyed.status_code == 200
    assert keyed.headers["cache-control"] == "private, no-store"
    assert "etag" not in keyed.headers
    client.cookies.set(SESSION_COOKIE, "anything")
    signed_in = client.get(f"/claims/{claim_id}")
    assert signed_in.headers["cache-control"] == "private, no-store"


def test_dashboard_pages_are_for_one_browser_only(client: TestClient, session: Session) -> None:
    claim_id = _claim(session)
    first = client.get(f"/claims/{claim_id}")  # draws a CSRF cookie: personal
    assert first.headers["cache-control"] == "private, no-store"
    page = client.get(f"/claims/{claim_id}")  # the cookie is now sent back: the page may be kept by this browser
    assert page.headers["cache-control"] == "private, no-cache"
    assert client.get(f"/claims/{claim_id}", headers={"If-None-Match": page.headers["etag"]}).status_code == 304


def test_links_from_emails_are_not_stored() -> None:
    scope = {"path": "/api/v1/unsubscribe", "headers": []}
    assert cache_control(scope, []) == b"private, no-store"
    assert cache_control({**scope, "path": "/api/v1/subscriptions/confirm"}, []) == b"private, no-store"
    assert cache_control({**scope, "path": "/api/v1/claims"}, []) == b"public, no-cache"


def test_errors_are_not_tagged(client: TestClient) -> None:
    missing = client.get(f"{API}/claims/999999")
    assert missing.status_code == 404
    assert "etag" not in missing.headers


def test_if_none_match_lists_and_stars() -> None:
    tag = strong_etag(b"x")
    assert matches(b"*", tag)
    assert matches(b'"nope", ' + tag, tag)
    assert matches(b"W/" + tag, tag)  # If-None-Match uses the weak comparison
    assert not matches(b'"nope"', tag)


def test_304_over_uvicorn_on_loopback(tmp_path: Path) -> None:
    """The real server: the fast path (one claim, before FastAPI) and a routed read both revalidate."""
    with running_server(tmp_path, "--no-scheduler", env={"PREDTRACK_PRIVATE_READS": "false"}) as base:
        with httpx.Client(base_url=base, timeout=30, trust_env=False) as http:
            for path in (f"{API}/claims/1", f"{API}/claims/1", f"{API}/scores?by=author", "/feeds/changes.atom"):
                _revalidated(http, path)


def _revalidated(http: httpx.Client, path: str) -> tuple[httpx.Response, httpx.Response]:
    """A read, then the same read with its ETag: 200, then 304 with no body."""
    first = http.get(path)
    assert first.status_code == 200, path
    again = http.get(path, headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304, path
    assert again.content == b""
    return first, again
