"""Intake in a real headless Chromium against `predtrack serve`: paste -> review -> edit -> accept -> claims appear.

The review page's screenshot goes to ``out/screenshots/intake-review-1440.png`` (docs/intake_review.png is one).
"""

from __future__ import annotations

import re
from pathlib import Path

import httpx

from tests.service.conftest import cli_key, running_server
from tests.service.intake_fixtures import BATTERY, COAL, ENERGY
from tests.service.test_dashboard_browser import CHROMIUM_ARGS, Watched, chromium  # noqa: F401

EDITED = "Battery pack prices fall below $80 per kWh by 30 June 2027"


def test_a_researcher_pastes_reviews_edits_and_accepts(chromium: str, tmp_path: Path) -> None:  # noqa: F811
    from playwright.sync_api import sync_playwright

    # A generous time limit: this test is about the pages; the limit has its own tests (test_extract_bounds.py).
    with running_server(tmp_path, "--no-scheduler", env={"PREDTRACK_EXTRACT_SECONDS": "30"}) as served:
        key = cli_key(tmp_path)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            try:
                watched = Watched(browser, width=1440, height=1000)
                page = watched.page
                page.goto(served + "/intake")
                page.get_by_label("API key").fill(key)
                with page.expect_navigation():
                    page.get_by_role("button", name="Sign in").click()
                assert page.url.endswith("/intake")

                page.get_by_label("Text of the article").fill(ENERGY)
                page.get_by_label("Published on").fill("2025-01-15")
                page.get_by_label("Author").fill("Energy Desk")
                with page.expect_navigation():
                    page.get_by_role("button", name="Find the candidate claims").click()

                # The review: every candidate's sentence is highlighted in the text and has its own form.
                cards = page.locator("fieldset.cand")
                n = cards.count()
                assert n >= 4 and page.locator("mark.candidate").count() == n
                assert page.locator("section.article mark", has_text=BATTERY).count() == 1
                battery = page.locator("fieldset.cand", has_text=BATTERY)
                coal = page.locator("fieldset.cand", has_text=COAL)
                # Keep two: the battery call, edited into a resolvable statement with a later deadline, and coal.
                for i in range(n):
                    card = cards.nth(i)
                    if BATTERY not in card.inner_text() and COAL not in card.inner_text():
                        card.get_by_label("Accept this claim").uncheck()
                battery.get_by_label("Statement").fill(EDITED)
                battery.get_by_label("Deadline").fill("2027-06-30")
                coal.get_by_label("Author").fill("Energy Desk analysts")
                with page.expect_navigation():
                    page.get_by_role("button", name="Accept the checked claims").click()

                notice = page.locator(".notice").inner_text()
                assert "2 claim(s) added" in notice, notice
                ids = [int(x) for x in re.findall(r"#(\d+)", notice)]
                claims = {c["id"]: c for c in (httpx.get(f"{served}/api/v1/claims/{i}").json() for i in ids)}
                assert sorted(c["quote"] for c in claims.values()) == sorted([BATTERY, COAL])
                by_quote = {c["quote"]: c for c in claims.values()}
                assert by_quote[BATTERY]["statement"] == EDITED and by_quote[BATTERY]["deadline"] == "2027-06-30"
                assert by_quote[COAL]["author"] == "Energy Desk analysts"

                # The claims are in the dashboard's table.
                page.goto(served + "/?q=Battery")
                assert EDITED in page.locator("#claims").inner_text()

                # The same article again: the accepted quotes are shown as tracked and not offered.
                page.goto(served + "/intake")
                page.get_by_label("Text of the article").fill(ENERGY)
                page.get_by_label("Published on").fill("2025-01-15")
                page.get_by_label("Author").fill("Energy Desk")
                with page.expect_navigation():
                    page.get_by_role("button", name="Find the candidate claims").click()
                assert page.locator("mark.candidate.tracked").count() == 2
                tracked = page.locator("fieldset.cand.tracked")
                assert tracked.count() == 2 and tracked.get_by_label("Accept this claim").count() == 0
                assert "already tracked" in page.locator("main p.muted").first.inner_text()
                watched.page.screenshot(path=str(_shots() / "intake-review-1440.png"), full_page=False)
                assert watched.errors == [] and watched.outside == [] and watched.failed == []
            finally:
                browser.close()


def _shots() -> Path:
    from tests.service.test_dashboard_browser import SCREENSHOTS

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
