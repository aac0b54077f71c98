"""POST /api/v1/extract and /extract/accept: the article's ways in, the ledger's tracked quotes, hostile input.

Each test runs on SQLite and, with PREDTRACK_TEST_DATABASE_URL, on PostgreSQL (the ``client`` fixture).
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from forecasts.periods import Frequency
from predictions.extract import inputs
from predictions.ledger.schemas import ClaimCreate
from predictions.ledger.tables import Claim, RescoreRequest, Source
from predictions.seed.seed import ARTICLE_FILE
from tests.factories import make_claim, make_indicator
from tests.service.intake_fixtures import BATTERY, COAL, ENERGY, extraction_workers, pdf_of, settings  # noqa: F401

API = "/api/v1/extract"
SEED = Path(__file__).parents[2] / "predictions" / "seed" / ARTICLE_FILE
VOA_FED = Path(__file__).parents[1] / "predictions" / "extract_dev" / "texts" / "voa-2015-09-17-fed.txt"


def _extract(client: TestClient, headers: dict[str, str], **body: Any) -> Any:
    response = client.post(API, json=body, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def test_text_gives_candidates_with_their_place_in_the_text(client: TestClient, researcher_headers: dict) -> None:
    body = _extract(client, researcher_headers, text=ENERGY, published_on="2025-01-15", author="Energy Desk")
    assert body["kind"] == "text" and body["text_chars"] == len(ENERGY)
    quotes = [c["claim"]["quote"] for c in body["candidates"]]
    assert BATTERY in quotes and COAL in quotes
    for candidate in body["candidates"]:
        # The offsets point at the quote's own words in the text sent, and each claim is one POST /claims takes.
        assert ENERGY[candidate["quote_start"] : candidate["quote_end"]] == candidate["claim"]["quote"]
        claim = ClaimCreate.model_validate(candidate["claim"])
        assert claim.author == "Energy Desk" and claim.made_on.isoformat() == "2025-01-15"
        assert candidate["tracked"] is None
    battery = body["candidates"][quotes.index(BATTERY)]["claim"]
    assert battery["deadline"] == "2027-06-30"  # "mid-2027", read by the extraction rules


def test_a_quote_already_tracked_is_marked_exact_or_normalised(
    client: TestClient, session: Session, researcher_headers: dict
) -> None:
    exact = make_claim(session, quote=BATTERY)
    # The same words with other case, quotation marks, a dash and spacing: the same quote.
    loose = make_claim(
        session, quote=" fewer than 10 new coal plants will be approved in  Europe — over the next five years"
    )
    body = _extract(client, researcher_headers, text=ENERGY, published_on="2025-01-15", author="Energy Desk")
    tracked = {c["claim"]["quote"]: c["tracked"] for c in body["candidates"]}
    assert tracked[BATTERY] == {"claim_id": exact.id, "match": "exact"}
    assert tracked[COAL] == {"claim_id": loose.id, "match": "normalised"}
    assert sum(t is not None for t in tracked.values()) == 2


def test_saved_html_page_gives_its_main_text_only(client: TestClient, researcher_headers: dict) -> None:
    paragraphs = "".join(f"<p>{line}</p>" for line in ENERGY.splitlines() if line.strip())
    page = (
        "<!doctype html><html><head><title>Five calls for the decade</title><script>var x = 'will rise by 2030';"
        "</script></head><body><nav><a href='/'>Home</a> Markets will open at 9am by 2030 says the menu</nav>"
        f"<article><h1>Five calls for the decade</h1>{paragraphs}</article>"
        "<footer>Subscribe now. Prices will rise by 2027.</footer></body></html>"
    )
    body = _extract(client, researcher_headers, html=page, published_on="2025-01-15", author="Energy Desk")
    assert body["kind"] == "html" and body["title"] == "Five calls for the decade"
    quotes = [c["claim"]["quote"] for c in body["candidates"]]
    assert BATTERY in quotes
    assert not any("menu" in q or "var x" in q for q in quotes)


@pytest.mark.parametrize(
    ("name", "content_type", "make"),
    [
        ("energy.txt", "text/plain", lambda: ENERGY.encode()),
        ("energy.html", "text/html", lambda: f"<html><body><article><p>{BATTERY}</p></article></body></html>".encode()),
        ("energy.pdf", "application/pdf", lambda: pdf_of(BATTERY)),
    ],
)
def test_an_uploaded_file_text_html_or_pdf(
    client: TestClient, researcher_headers: dict, name: str, content_type: str, make: Any
) -> None:
    response = client.post(
        API,
        files={"file": (name, make(), content_type)},
        data={"published_on": "2025-01-15", "author": "Energy Desk"},
        headers=researcher_headers,
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["kind"] == name.rsplit(".", 1)[1].replace("txt", "text")
    battery = [c for c in body["candidates"] if c["claim"]["quote"] == BATTERY]
    assert battery and battery[0]["claim"]["deadline"] == "2027-06-30"


def test_a_url_is_read_through_the_guarded_fetcher(monkeypatch: pytest.MonkeyPatch) -> None:
    asked = []

    def fake_get(url: str, *, policy: Any, what: str, params: Any = None) -> httpx.Response:
        asked.append((url, what, policy.retries))
        page = f"<html><body><article><p>{BATTERY}</p></article></body></html>"
        return httpx.Response(200, headers={"content-type": "text/html; charset=utf-8"}, content=page.encode())

    monkeypatch.setattr("predictions.data.sources.http.get", fake_get)
    article = inputs.from_url("https://example.org/energy")
    assert asked == [("https://example.org/energy", "article", 0)]
    assert article.kind == "html" and BATTERY in article.text and article.url == "https://example.org/energy"


def test_strict_leaves_out_the_rule_candidates_the_classifier_doubts(
    client: TestClient, researcher_headers: dict
) -> None:
    # A VOA report of the dev set (through the warm workers and the committed model): read by hand, its predictions
    # are "many experts expect the Federal Reserve to ..." and "Some analysts predict that U.S. inflation will rise
    # ..."; "It could also fend off inflation, but may hurt stock market values." and "The increase, however, would
    # also be a vote of confidence ..." are not (the labels say so too), and the model doubts those two.
    body = {"text": VOA_FED.read_text(encoding="utf-8"), "published_on": "2015-09-17", "author": "VOA"}
    loose = _extract(client, researcher_headers, **body)["candidates"]
    assert loose == _extract(client, researcher_headers, **body, strict=False)["candidates"]
    strict = _extract(client, researcher_headers, **body, strict=True)["candidates"]
    doubted = [c["claim"] for c in loose if c["claim"]["extraction"]["doubted"]]
    assert [c["claim"]["quote"][:40] for c in strict] == [
        "An increase would be the first rate hike",
        "Some analysts predict that U.S. inflatio",
    ]
    assert [c for c in loose if not c["claim"]["extraction"]["doubted"]] == strict
    assert [c["quote"][:40] for c in doubted] == [
        "It could also fend off inflation, but ma",
        "The increase, however, would also be a v",
    ], "the committed model's doubts moved: re-read the text"
    for claim in doubted:
        assert claim["extraction"]["classifier_score"] < 0.2
        assert any(p.startswith("prediction: the sentence classifier scores it") for p in claim["needs_review"])
    # the same from a multipart form, whose checkbox sends the text "true"
    form = client.post(API, data={**body, "strict": "true"}, files={"file": ("", b"", "application/octet-stream")},
                       headers=researcher_headers)  # fmt: skip
    assert form.status_code == 200 and form.json()["candidates"] == strict


def test_the_seeds_predictions_section_is_never_doubted(client: TestClient, researcher_headers: dict) -> None:
    # All five of the seed's candidates stand under its "Verdict & Predictions" heading (the numbered list and the
    # paragraph after it, the "asymmetric sovereignty" metric): the author says they predict, so strict keeps them
    # although the committed model scores three of them under 0.2.
    body = {"text": SEED.read_text(encoding="utf-8"), "published_on": "2024-05-01", "author": "AINews"}
    loose = _extract(client, researcher_headers, **body)["candidates"]
    assert len(loose) == 5 and not any(c["claim"]["extraction"]["doubted"] for c in loose)
    assert _extract(client, researcher_headers, **body, strict=True)["candidates"] == loose
    assert "asymmetric sovereignty" in loose[-1]["claim"]["quote"]


@pytest.mark.parametrize("value", ['"yes"', "1", "null", '"true"'])
def test_strict_is_a_json_boolean(client: TestClient, researcher_headers: dict, value: str) -> None:
    body = f'{{"text": "Prices will rise next year.", "strict": {value}}}'
    response = client.post(API, content=body, headers={**researcher_headers, "content-type": "application/json"})
    assert response.status_code == 422, response.text
    assert response.json()["detail"] == [
        {"loc": ["strict"], "msg": "Input should be a valid boolean", "type": "bool_type"}
    ]
    form = client.post(API, data={"text": "Prices will rise next year.", "strict": "yes"},
                       files={"file": ("", b"", "application/octet-stream")}, headers=researcher_headers)  # fmt: skip
    assert form.status_code == 422 and form.json()["detail"][0]["loc"] == ["strict"]


def test_strict_is_documented_in_both_request_bodies(client: TestClient) -> None:
    content = client.get("/openapi.json").json()["paths"][API]["post"]["requestBody"]["content"]
    for kind in ("application/json", "multipart/form-data"):
        strict = content[kind]["schema"]["properties"]["strict"]
        assert strict["type"] == "boolean" and strict["default"] is False
    assert "precision 0.632 -> 0.776" in content["application/json"]["schema"]["properties"]["strict"]["description"]


# Hostile input: each answers 4xx with a detail, quickly, and writes nothing.


def _claims(session: Session) -> int:
    return session.exec(select(func.count()).select_from(Claim)).one()


def _refused(response: httpx.Response, status: int, needle: str) -> None:
    assert response.status_code == status, response.text
    detail = response.json()["detail"]
    assert needle in (detail if isinstance(detail, str) else json.dumps(detail)), detail


def test_no_key_is_refused_before_the_body_is_read(client: TestClient) -> None:
    _refused(client.post(API, json={"text": ENERGY}), 401, "API key")


def test_text_past_the_bound_is_413(client: TestClient, researcher_headers: dict) -> None:
    text = "Prices will rise. " * (inputs.MAX_TEXT_CHARS // 18 + 1)
    _refused(client.post(API, json={"text": text}, headers=researcher_headers), 413, "200,000")


def test_a_huge_body_is_413_from_its_length(client: TestClient, researcher_headers: dict) -> None:
    body = b'{"text": "' + b"x" * (6 * inputs.MAX_FILE_BYTES // 5) + b'"}'
    started = time.perf_counter()
    response = client.post(API, content=body, headers={**researcher_headers, "content-type": "application/json"})
    _refused(response, 413, "bytes")
    assert time.perf_counter() - started < 2


def test_binary_junk_is_422_saying_what_to_send(client: TestClient, researcher_headers: dict) -> None:
    junk = bytes(range(256)) * 64
    response = client.post(API, files={"file": ("article.txt", junk, "text/plain")}, headers=researcher_headers)
    _refused(response, 422, "binary")
    response = client.post(API, files={"file": ("a.pdf", b"%PDF-1.7 junk" + junk, "application/pdf")},
                           headers=researcher_headers)  # fmt: skip
    _refused(response, 422, "PDF")


def test_wrong_content_type_is_415(client: TestClient, researcher_headers: dict) -> None:
    response = client.post(API, content=ENERGY, headers={**researcher_headers, "content-type": "text/plain"})
    _refused(response, 415, "application/json")


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        ('{"text": ', "JSON"),
        ('{"text": "a", "url": "https://example.org/"}', "exactly one"),
        ("{}", "exactly one"),
        ('{"text": "Prices will rise.", "published_on": "next week"}', "published_on"),
        ('{"text": "Prices will rise.", "colour": "red"}', "colour"),
    ],
)
def test_malformed_json_is_422(client: TestClient, researcher_headers: dict, body: str, needle: str) -> None:
    response = client.post(API, content=body, headers={**researcher_headers, "content-type": "application/json"})
    _refused(response, 422, needle)


def test_a_url_to_a_private_address_is_refused_without_fetching(
    client: TestClient, researcher_headers: dict, tmp_path: Path
) -> None:
    import http.server
    import threading

    seen: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            seen.append(self.path)
            self.send_response(200)
            self.send_header("content-type", "text/plain")
            self.end_headers()
            self.wfile.write(BATTERY.encode())

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/internal"
        response = client.post(API, json={"url": url}, headers=researcher_headers)
    finally:
        server.shutdown()
    assert 400 <= response.status_code < 600 and response.json()["detail"]
    assert seen == []


# Accept: all or nothing, never twice.


def _claim(quote: str, **changes: Any) -> dict[str, Any]:
    return {
        "statement": quote,
        "quote": quote,
        "author": "Energy Desk",
        "made_on": "2025-01-15",
        "deadline": "2027-06-30",
        "resolution_criteria": "True if the quote's figure is met by the deadline.",
        **changes,
    }


def test_accept_creates_all_and_skips_a_quote_already_tracked(
    client: TestClient, session: Session, researcher_headers: dict
) -> None:
    tracked = make_claim(session, quote=COAL.upper())
    before = _claims(session)
    response = client.post(
        f"{API}/accept",
        json={"claims": [_claim(BATTERY), _claim(COAL), _claim(BATTERY + "  ")]},
        headers=researcher_headers,
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert len(body["created"]) == 1
    assert body["skipped"] == [{"index": 2, "claim_id": tracked.id}, {"index": 3, "claim_id": body["created"][0]}]
    assert _claims(session) == before + 1
    assert session.exec(select(RescoreRequest).where(RescoreRequest.claim_id == body["created"][0])).first()


def test_accept_with_the_article_as_a_new_source(
    client: TestClient, session: Session, researcher_headers: dict
) -> None:
    source = {"title": "Five calls for the decade", "publisher": "Energy Desk", "published_on": "2025-01-15",
              "url": "https://example.org/energy"}  # fmt: skip
    response = client.post(
        f"{API}/accept", json={"claims": [_claim(BATTERY), _claim(COAL)], "source": source}, headers=researcher_headers
    )
    assert response.status_code == 201, response.text
    body = response.json()
    stored = session.get(Source, body["source_id"])
    assert stored is not None and stored.title == "Five calls for the decade" and stored.publisher == "Energy Desk"
    claims = [session.get(Claim, claim_id) for claim_id in body["created"]]
    assert [c.source_id for c in claims if c is not None] == [body["source_id"]] * 2


def test_accept_is_all_or_nothing(client: TestClient, session: Session, researcher_headers: dict) -> None:
    make_indicator(session, key="battery_price", frequency=Frequency.ANNUAL)
    before = _claims(session)
    bad_rule = {"indicator": "no_such_indicator", "op": "<", "threshold": 80}
    sources = session.exec(select(func.count()).select_from(Source)).one()
    response = client.post(
        f"{API}/accept",
        json={"claims": [_claim(BATTERY), _claim(COAL, rule=bad_rule)], "source": {"title": "Five calls"}},
        headers=researcher_headers,
    )
    _refused(response, 404, "claim 2: unknown indicator(s) no_such_indicator")
    assert _claims(session) == before
    assert session.exec(select(func.count()).select_from(Source)).one() == sources  # nor the source
