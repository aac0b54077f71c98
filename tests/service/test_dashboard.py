"""The dashboard pages, rendered by the real app on the seeded ledger with probabilities scored."""

import re
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape as html_escape
from sqlmodel import Session
from sqlmodel import select as sa_select

from predictions.claims.resolve import resolve_claim
from predictions.ledger.clock import FixedClock
from predictions.ledger.tables import KeyRole
from predictions.rescore import rescore_all
from predictions.seed.seed import CLAIMS, load_seed


@pytest.fixture
def scored(session: Session, clock: FixedClock) -> Session:
    load_seed(session, clock=clock)
    rescore_all(session, clock=clock, reason="test", n_paths=200, seed=1)
    return session


def test_claims_table_lists_every_claim_with_status_probability_and_deadline(client: TestClient, scored) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    html = page.text
    assert html.count("data-claim-id=") == len(CLAIMS)
    assert "resolved false" in html and "awaiting resolution" in html and "2030-12-31" in html
    assert "%" in html
    assert "cdn" not in html.lower() and "<script src=" not in html


def test_status_filter(client: TestClient, scored) -> None:
    html = client.get("/", params={"status": "awaiting_resolution"}).text
    assert html.count("data-claim-id=") == 1
    assert client.get("/", params={"status": "nonsense"}).status_code == 422


def test_claim_page_shows_quote_rule_chart_and_resolution(client: TestClient, scored, session: Session) -> None:
    html = client.get("/").text
    spread_claim = next(s for s in CLAIMS if s.rule and s.rule[0] == "m2_m1_spread")
    claim_id = _claim_id_by_quote(client, spread_claim.quote)
    page = client.get(f"/claims/{claim_id}").text
    assert html_escape(spread_claim.quote) in page
    assert 'class="threshold"' in page and "&lt;= 6" in page
    assert 'class="observed"' in page
    assert "Resolution" in page and "auto" in page and "2024-05" in page
    assert html


def test_claim_page_of_an_open_rule_claim_draws_the_forecast_fan(client, session: Session, clock, researcher_headers):
    load_seed(session, clock=clock)
    body = {
        "statement": "Spread below 4 ppt in 2026-12",
        "quote": "It will keep narrowing.",
        "author": "Someone",
        "made_on": "2026-11-01",
        "deadline": "2026-12-31",
        "resolution_criteria": "m2_m1_spread for 2026-12 < 4",
        "rule": {"indicator": "m2_m1_spread", "op": "<", "threshold": 4, "aggregate": "last"},
    }
    claim = client.post("/api/v1/claims", json=body, headers=researcher_headers).json()
    rescore_all(session, clock=clock, reason="test", n_paths=200, seed=1)
    page = client.get(f"/claims/{claim['id']}").text
    assert page.count('class="band"') == 2 and 'class="median"' in page
    assert "Forecast by" in page
    assert "Probability history" in page and 'class="prob"' in page


def test_unknown_claim_page_is_404(client: TestClient) -> None:
    response = client.get("/claims/424242")
    assert response.status_code == 404 and "424242" in response.json()["detail"]


def test_track_record_page_before_and_after_a_resolution(client: TestClient, scored, session: Session, clock) -> None:
    # The spread claim resolved itself on data known in 2024-06; the article's own unhedged "will" (0.9) was on
    # record from 2024-05-01, before that, so the source's stated confidence is scored on a fresh install.
    fresh = client.get("/track-record", params={"by": "method"}).text
    assert "Nothing can be scored yet" not in fresh and "stated_confidence" in fresh
    _resolve_court_case(client, session)
    html = client.get("/track-record", params={"by": "author"}).text
    assert 'id="scores"' in html and "AINews" in html and "stated_confidence" in html
    assert "<svg" in html


def _claim_id_by_quote(client: TestClient, quote: str) -> int:
    items = client.get("/api/v1/claims").json()["items"]
    return next(c["id"] for c in items if c["quote"] == quote)


def test_indicator_page_shows_fan_backtest_formula_vintages_and_linked_claims(client: TestClient, scored) -> None:
    page = client.get("/indicators/m2_m1_spread")
    assert page.status_code == 200
    html = page.text
    assert "<title>China M2-M1 growth spread · predtrack</title>" in html
    assert html.count('class="band"') == 2 and 'class="median"' in html and 'aria-label="China M2-M1' in html
    assert 'id="backtest"' in html and "MASE" in html
    assert "m2_yoy - m1_yoy" in html and 'href="/indicators/m1_yoy"' in html and 'href="/indicators/m2_yoy"' in html
    assert "People&#39;s Bank of China" in html
    assert html.count("<tr") - 1 == 36  # the last 36 periods
    spread = _claim_id_by_quote(client, next(s.quote for s in CLAIMS if s.rule and s.rule[0] == "m2_m1_spread"))
    assert f'href="/claims/{spread}"' in html.split('id="linked-claims"')[1].split("</ul>")[0]


def test_indicator_page_shows_a_revision_with_both_values(client: TestClient, scored, researcher_headers) -> None:
    key = "m1_yoy"
    last = client.get(f"/api/v1/indicators/{key}").json()["last_period"]
    body = {"observations": [{"period": last, "value": 123.4, "as_of": "2026-11-01T00:00:00Z"}]}
    assert (
        client.post(f"/api/v1/indicators/{key}/observations", json=body, headers=researcher_headers).json()["revised"]
        == 1
    )
    html = client.get(f"/indicators/{key}").text
    row = html.split('class="revised"')[1].split("</tr>")[0]
    assert last in row and "123.4" in row and "<s>" in row and "2026-11-01" in row


def test_unknown_indicator_and_source_pages_are_404(client: TestClient) -> None:
    assert client.get("/indicators/nope").status_code == 404
    assert client.get("/sources/4242").status_code == 404


def test_source_page_lists_its_claims_and_its_track_record(client: TestClient, scored, session: Session) -> None:
    source_id = client.get("/api/v1/sources").json()["items"][0]["id"]
    html = client.get(f"/sources/{source_id}").text
    assert html.count('href="/claims/') == len(CLAIMS)
    # The spread claim's stated "will" is scored from the start (see the track-record test above).
    assert "Track record on this source" in html and 'id="scores"' in html and "stated_confidence" in html
    _resolve_court_case(client, session)
    html = client.get(f"/sources/{source_id}").text
    assert 'id="scores"' in html and "stated_confidence" in html


def test_every_page_has_its_own_title_and_the_favicon_is_served(client: TestClient, scored) -> None:
    claim_id = client.get("/api/v1/claims").json()["items"][0]["id"]
    source_id = client.get("/api/v1/sources").json()["items"][0]["id"]
    titles = {
        client.get(path).text.split("<title>")[1].split("</title>")[0]
        for path in ("/", f"/claims/{claim_id}", "/track-record", "/indicators/m1_yoy", f"/sources/{source_id}")
    }
    assert len(titles) == 5
    for path in ("/favicon.ico", "/favicon.svg"):
        icon = client.get(path)
        assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/svg+xml")


def test_empty_track_record_says_why(client: TestClient) -> None:
    # Nothing resolved yet (an empty ledger): the page says why there are no scores instead of showing nothing.
    html = client.get("/track-record").text
    assert 'id="why-empty"' in html and "0 claim(s) resolved so far" in html


def _resolve_court_case(client: TestClient, session: Session) -> None:
    court = _claim_id_by_quote(client, next(s.quote for s in CLAIMS if "legal test case" in s.quote))
    resolve_claim(
        session,
        claim_id=court,
        outcome="false",
        evidence="No such case was reported by the end of 2025.",
        resolved_by="tester",
        role=KeyRole.RESEARCHER,
        clock=FixedClock(datetime(2026, 11, 28, 13, tzinfo=UTC)),
    )


def test_claims_table_search_filters_and_sort_live_in_the_url(client: TestClient, scored) -> None:
    html = client.get("/", params={"q": "COURT"}).text
    assert html.count("data-claim-id=") == 1 and 'value="COURT"' in html
    tagged = client.get("/", params={"tag": "law"}).text
    assert tagged.count("data-claim-id=") == 1 and '<option value="law" selected>' in tagged
    by_status = client.get("/", params={"sort": "status"}).text
    first_row = by_status.split("data-claim-id=")[1]
    assert "awaiting resolution" in first_row.split("</tr>")[0]
    assert "Awaiting resolution: the deadline has passed" in first_row.split("</tr>")[0]  # said in words, not colour
    desc = client.get("/", params={"sort": "deadline", "order": "desc"}).text
    deadlines = re.findall(r'white-space:nowrap">(\d{4}-\d{2}-\d{2})</td>\s*</tr>', desc)
    assert deadlines == sorted(deadlines, reverse=True) and len(deadlines) == len(CLAIMS)
    # Sorting links keep the filters.
    assert 'href="/?q=court&amp;sort=probability"' in client.get("/", params={"q": "court"}).text
    assert client.get("/", params={"sort": "nonsense"}).status_code == 422


def test_claims_table_pages(client: TestClient, scored, monkeypatch) -> None:
    from service.web import views

    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    first = client.get("/").text
    assert first.count("data-claim-id=") == 2 and "Claims 1–2 of 6" in first and 'href="/?page=2"' in first
    last = client.get("/", params={"page": 3}).text
    assert last.count("data-claim-id=") == 2 and 'rel="prev"' in last and 'rel="next"' not in last


def test_html_in_a_claim_shows_as_text(client: TestClient, session: Session, clock, researcher_headers) -> None:
    load_seed(session, clock=clock)
    hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    body = {
        "statement": "S " + hostile,
        "quote": "Q " + hostile,
        "author": "A " + hostile,
        "made_on": "2026-11-01",
        "deadline": "2026-12-31",
        "resolution_criteria": "C " + hostile,
        "tags": ["<b>t</b>"],
    }
    claim = client.post("/api/v1/claims", json=body, headers=researcher_headers).json()
    for path in ("/", f"/claims/{claim['id']}"):
        html = client.get(path).text
        assert "<script>alert(1)" not in html and "<img src=x" not in html and "<b>t</b>" not in html
        assert str(html_escape(hostile)) in html


def test_no_page_runs_a_query_per_row(client: TestClient, scored, engine, session: Session) -> None:
    import sqlalchemy as sa

    from tests.factories import make_claim

    def statements(path: str) -> int:
        seen: list[str] = []

        def count(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
            seen.append(statement)

        sa.event.listen(engine, "before_cursor_execute", count)
        try:
            assert client.get(path).status_code == 200
        finally:
            sa.event.remove(engine, "before_cursor_execute", count)
        return len(seen)

    statements("/")  # the first request also loads the cookie secret
    before = statements("/")
    for i in range(20):
        make_claim(session, statement=f"extra claim {i}")
    after = statements("/")
    assert after == before, (before, after)


def test_indicator_page_shows_its_last_fetch(client: TestClient, scored, session: Session) -> None:
    from predictions.ledger.tables import Indicator

    assert "never fetched automatically" in client.get("/indicators/m1_yoy").text
    row = session.exec(sa_select(Indicator).where(Indicator.key == "m1_yoy")).one()
    row.last_fetched_at = datetime(2026, 11, 27, 6, 0, tzinfo=UTC)
    row.last_fetch_error = "HTTP 503 from the provider"
    row.last_fetch_error_at = datetime(2026, 11, 28, 6, 0, tzinfo=UTC)
    session.add(row)
    session.flush()
    fetched = client.get("/indicators/m1_yoy").text.split('id="last-fetch"')[1].split("</dd>")[0]
    assert "2026-11-27 06:00 UTC" in fetched and "HTTP 503 from the provider" in fetched
