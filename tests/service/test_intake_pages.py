"""The dashboard's intake pages through the app: paste or upload, review with highlights, accept all or none."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from forecasts.periods import Frequency
from predictions.access.keys import create_key
from predictions.ledger.clock import FixedClock
from predictions.ledger.errors import DataSourceError
from predictions.ledger.tables import Claim, KeyRole, Source
from predictions.seed.seed import ARTICLE_FILE
from tests.factories import make_claim, make_indicator
from tests.service.intake_fixtures import BATTERY, COAL, ENERGY, extraction_workers, settings  # noqa: F401


@pytest.fixture
def signed_in(client: TestClient, session: Session, clock: FixedClock) -> TestClient:
    key = create_key(session, role=KeyRole.RESEARCHER, name="ana", clock=clock).secret
    response = client.post("/login", data={"key": key, "next": "/", "csrf_token": _csrf(client, "/login")},
                           follow_redirects=False)  # fmt: skip
    assert response.status_code == 303
    return client


VOA_FED = Path(__file__).parents[1] / "predictions" / "extract_dev" / "texts" / "voa-2015-09-17-fed.txt"


def _csrf(client: TestClient, path: str = "/intake") -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).text)
    assert match, "the page has no CSRF field"
    return match.group(1)


def _review(client: TestClient, **fields: str) -> str:
    data = {"csrf_token": _csrf(client), "published_on": "2025-01-15", "author": "Energy Desk", **fields}
    response = client.post("/intake", data=data, files={"file": ("", b"", "application/octet-stream")})
    errors = re.findall(r'class="field-error" [^>]*>([^<]*)<', response.text)
    assert response.status_code == 200 and 'id="accept-form"' in response.text, errors
    return response.text


def _hidden(html: str, name: str) -> str:
    match = re.search(rf'name="{name}" value="([^"]*)"', html)
    assert match, name
    import html as html_lib

    return html_lib.unescape(match.group(1))


def _hidden_or_input(html: str, name: str) -> str:
    """A field's value on the page ('' for an unchecked box; '1' for a checked one)."""
    match = re.search(rf'<input[^>]*name="{name}"[^>]*>', html)
    assert match, name
    tag = match.group(0)
    if 'type="checkbox"' in tag:
        return "1" if " checked" in tag else ""
    value = re.search(r'value="([^"]*)"', tag)
    import html as html_lib

    return html_lib.unescape(value.group(1)) if value else ""


def _claims(session: Session) -> int:
    return session.exec(select(func.count()).select_from(Claim)).one()


def test_signed_out_is_sent_to_sign_in(client: TestClient) -> None:
    response = client.get("/intake", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/login?next=/intake"


def test_review_highlights_each_candidate_and_marks_the_tracked(signed_in: TestClient, session: Session) -> None:
    tracked = make_claim(session, quote=COAL)
    html = _review(signed_in, text=ENERGY)
    count = int(_hidden(html, "count"))
    assert count >= 4
    # Each candidate's sentence is highlighted in the text, linked to its form.
    assert html.count('<mark id="q-') == count
    assert f"{BATTERY}</mark>" in html.replace("$", "$")
    assert f'Already tracked as <a href="/claims/{tracked.id}">claim #{tracked.id}</a>' in html
    assert html.count('class="candidate tracked"') == 1


def test_edit_and_accept_in_one_transaction(signed_in: TestClient, session: Session) -> None:
    make_indicator(session, key="battery_price", frequency=Frequency.ANNUAL)
    html = _review(signed_in, text=ENERGY)
    count = int(_hidden(html, "count"))
    quotes = [_hidden(html, f"quote_{i}") for i in range(count)]
    b, c = quotes.index(BATTERY), quotes.index(COAL)
    form = {"csrf_token": _csrf(signed_in), "count": str(count)}
    for i in range(count):
        for name in ("quote", "extra", "made_on", "tracked"):
            form[f"{name}_{i}"] = _hidden(html, f"{name}_{i}")
        form[f"statement_{i}"] = quotes[i]
        form[f"author_{i}"] = "Energy Desk"
        form[f"deadline_{i}"] = "2027-06-30"
        form[f"resolution_criteria_{i}"] = "As stated."
    form[f"pick_{b}"] = form[f"pick_{c}"] = "1"
    form[f"statement_{b}"] = "Battery pack prices fall below $80 per kWh by 30 June 2027"
    form[f"rule_indicator_{b}"], form[f"rule_op_{b}"], form[f"rule_threshold_{b}"] = "battery_price", "<", "80"
    form[f"deadline_{c}"] = "2029-12-31"
    # The article becomes the claims' source: the review page proposes it, filled from the form.
    for name in ("new", "title", "publisher", "url", "published_on"):
        form[f"source_{name}"] = _hidden_or_input(html, f"source_{name}")
    assert form["source_new"] == "1" and form["source_publisher"] == "Energy Desk"
    assert form["source_title"] == "The energy transition: five calls for the decade"
    before = _claims(session)
    response = signed_in.post("/intake/accept", data=form, follow_redirects=False)
    assert response.status_code == 303, response.text
    assert response.headers["location"].startswith("/intake?created=")
    assert _claims(session) == before + 2
    battery = session.exec(select(Claim).where(Claim.quote == BATTERY)).one()
    assert battery.statement == "Battery pack prices fall below $80 per kWh by 30 June 2027"
    assert battery.author == "Energy Desk" and battery.made_on.isoformat() == "2025-01-15"
    assert signed_in.get(f"/api/v1/claims/{battery.id}").json()["rule"]["indicator"] == "battery_price"
    coal = session.exec(select(Claim).where(Claim.quote == COAL)).one()
    assert coal.deadline.isoformat() == "2029-12-31"
    source = session.get(Source, battery.source_id)
    assert source is not None and coal.source_id == source.id and source.published_on.isoformat() == "2025-01-15"
    # The same quotes accepted again are skipped, not added twice.
    again = signed_in.post("/intake/accept", data=form, follow_redirects=False)
    assert again.status_code == 303 and "created=&skipped=2" in again.headers["location"]
    assert _claims(session) == before + 2
    assert "Nothing added" in signed_in.get(again.headers["location"]).text


def test_one_bad_candidate_adds_none_and_says_which_field(signed_in: TestClient, session: Session) -> None:
    html = _review(signed_in, text=ENERGY)
    count = int(_hidden(html, "count"))
    form = {"csrf_token": _csrf(signed_in), "count": str(count)}
    for i in range(count):
        for name in ("quote", "extra", "made_on", "tracked"):
            form[f"{name}_{i}"] = _hidden(html, f"{name}_{i}")
        form |= {f"pick_{i}": "1", f"statement_{i}": "S", f"author_{i}": "A", f"deadline_{i}": "2027-01-01"}
        form[f"resolution_criteria_{i}"] = "As stated."
    form["deadline_1"] = "2020-01-01"  # before the text's date
    before = _claims(session)
    response = signed_in.post("/intake/accept", data=form)
    assert response.status_code == 200
    assert "Nothing was added" in response.text and 'id="deadline-1-error"' not in response.text
    assert "is before made_on" in response.text
    assert _claims(session) == before


@pytest.mark.parametrize(
    ("fields", "file", "message"),
    [
        ({}, ("", b"", "application/octet-stream"), "give exactly one of text, html or url"),
        ({}, ("junk.txt", bytes(range(256)) * 8, "text/plain"), "binary"),
        ({"text": "Prices will rise.", "published_on": "soon"}, ("", b"", "application/octet-stream"), "date"),
    ],
)
def test_unreadable_input_is_shown_next_to_the_form(
    signed_in: TestClient, fields: dict, file: tuple, message: str
) -> None:
    data = {"csrf_token": _csrf(signed_in), **fields}
    response = signed_in.post("/intake", data=data, files={"file": file})
    assert response.status_code == 200
    assert 'class="field-error"' in response.text and message in response.text
    assert 'id="intake-form"' in response.text


def test_an_uploaded_html_page_is_reviewed(signed_in: TestClient) -> None:
    page = f"<html><head><title>Energy calls</title></head><body><article><p>{BATTERY}</p></article></body></html>"
    data = {"csrf_token": _csrf(signed_in), "published_on": "2025-01-15", "author": "Energy Desk"}
    response = signed_in.post("/intake", data=data, files={"file": ("energy.html", page.encode(), "text/html")})
    assert response.status_code == 200 and "<em>Energy calls</em>" in response.text
    assert _hidden(response.text, "quote_0") == BATTERY and _hidden(response.text, "count") == "1"


def test_an_unreachable_url_is_shown_next_to_the_url_field(
    signed_in: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(url: str, **_: object) -> None:
        raise DataSourceError(f"article: could not connect to {url}")

    monkeypatch.setattr("predictions.data.sources.http.get", refuse)
    data = {"csrf_token": _csrf(signed_in), "url": "https://example.org/outlook"}
    response = signed_in.post("/intake", data=data, files={"file": ("", b"", "application/octet-stream")})
    assert 'id="intake-url-error"' in response.text and "could not connect" in response.text


def test_a_form_without_its_csrf_token_is_refused(signed_in: TestClient) -> None:
    response = signed_in.post("/intake", data={"text": ENERGY}, files={"file": ("", b"", "text/plain")})
    assert response.status_code == 403


def test_the_strict_box_reaches_the_extraction_and_comes_back_checked(signed_in: TestClient) -> None:
    page = signed_in.get("/intake").text
    assert _hidden_or_input(page, "strict") == ""  # there, unchecked
    assert "Leave out sentences the classifier doubts" in page
    fields = {"text": VOA_FED.read_text(encoding="utf-8"), "published_on": "2015-09-17", "author": "VOA"}
    loose, strict = _review(signed_in, **fields), _review(signed_in, **fields, strict="true")
    # the committed model doubts two of the VOA report's four candidates: strict leaves them out, and says so
    assert (int(_hidden(loose, "count")), int(_hidden(strict, "count"))) == (4, 2)
    assert "the classifier doubts were left out" in strict and "the classifier doubts were left out" not in loose
    # a form shown again with an error keeps the box as it was sent
    data = {"csrf_token": _csrf(signed_in), "text": "Prices will rise.", "published_on": "soon", "strict": "true"}
    again = signed_in.post("/intake", data=data, files={"file": ("", b"", "application/octet-stream")}).text
    assert 'id="intake-form"' in again and _hidden_or_input(again, "strict") == "1"


def test_the_candidates_the_classifier_doubts_are_shown_unchecked(signed_in: TestClient) -> None:
    # The VOA report's two sentences that are no predictions ("It could also fend off inflation, ...", "The
    # increase, however, would also be a vote of confidence ...") are doubted by the committed model: shown, with
    # the reason, but left for the reviewer to check; its two predictions start checked.
    html = _review(signed_in, text=VOA_FED.read_text(encoding="utf-8"), published_on="2015-09-17", author="VOA")
    quotes = [_hidden(html, f"quote_{i}")[:30] for i in range(4)]
    picked = [_hidden_or_input(html, f"pick_{i}") for i in range(4)]
    assert dict(zip(quotes, picked, strict=True)) == {
        "An increase would be the first": "1",
        "It could also fend off inflati": "",
        "The increase, however, would a": "",
        "Some analysts predict that U.S": "1",
    }
    assert "2 the sentence classifier doubts are left unchecked" in html
    assert html.count("doubted: check that it predicts") == 2
    # sent back with nothing checked, the page comes again with the same marks, read from the hidden fields
    form = {"csrf_token": _csrf(signed_in), "count": "4"}
    for i in range(4):
        for name in ("quote", "extra", "made_on", "tracked"):
            form[f"{name}_{i}"] = _hidden(html, f"{name}_{i}")
    again = signed_in.post("/intake/accept", data=form).text
    assert "Check at least one candidate to accept." in again
    assert again.count("doubted: check that it predicts") == 2
    # the seed's predictions all stand under its "Verdict & Predictions" heading: none is doubted, all are checked
    seed = (Path(__file__).parents[2] / "predictions" / "seed" / ARTICLE_FILE).read_text(encoding="utf-8")
    page = _review(signed_in, text=seed, published_on="2024-05-01", author="AINews")
    assert [_hidden_or_input(page, f"pick_{i}") for i in range(int(_hidden(page, "count")))] == ["1"] * 5
    assert "left unchecked" not in page
