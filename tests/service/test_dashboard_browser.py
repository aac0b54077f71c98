"""The dashboard in a real headless Chromium (Debian's package, driven by Playwright) against `predtrack serve`.

Screenshots go to ``out/screenshots/`` (git-ignored) so that a person can look at every page after a run.
"""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import httpx
import pytest

from tests.service.conftest import ROOT, cli_key, running_server
from tests.service.fresh_db import eventually

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = ROOT / "out" / "screenshots"


@pytest.fixture
def chromium() -> str:
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("CI needs Chromium for the dashboard test: apt-get install chromium")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    return CHROMIUM


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    with running_server(tmp_path) as url:
        # The in-process scheduler scores the seed's claims from the outbox within seconds.
        def scored() -> bool:
            items = httpx.get(f"{url}/api/v1/claims", timeout=30).json()["items"]
            return sum(c["probability"] is not None for c in items) >= 4

        assert eventually(scored, timeout=120)
        yield url


class Watched:
    """A browser page that records console errors, failed requests and any request that would leave the machine."""

    def __init__(self, browser: Any, *, width: int, height: int = 900) -> None:
        self.page = browser.new_page(viewport={"width": width, "height": height})
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.failed: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        # A request cut short by the next navigation (net::ERR_ABORTED, e.g. the icon) is not a failure.
        self.page.on(
            "requestfailed", lambda r: None if "ERR_ABORTED" in (r.failure or "") else self.failed.append(r.url)
        )
        self.page.route("**/*", self._route)

    def _route(self, route: Any) -> None:
        host = urlparse(route.request.url).hostname
        if route.request.url.startswith("data:") or host in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def shot(self, name: str) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)

    def assert_clean(self) -> None:
        assert self.errors == [] and self.outside == [] and self.failed == []


def test_a_reader_browses_every_page_type(chromium: str, served: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            watched = Watched(browser, width=1280)
            page = watched.page
            page.goto(served + "/")
            assert page.title() == "Claims · predtrack"
            rows = page.locator("#claims tbody tr")
            every = rows.count()
            assert every == 6
            assert "resolved false" in page.locator("#claims").inner_text()
            watched.shot("claims-1280")
            page.get_by_label("Search statement and quote").fill("court")
            page.get_by_label("Search statement and quote").press("Enter")
            assert rows.count() == 1 and "q=court" in page.url
            page.get_by_role("link", name="Clear filters").click()
            assert rows.count() == every

            page.get_by_role("link", name="China's M2-M1 growth spread stays narrow").click()
            assert "M2-M1 stability" in page.locator("#quote").inner_text()
            assert page.locator("svg.chart .threshold").count() == 1
            assert "auto" in page.locator("#resolution").inner_text()
            assert "hindcast" in page.locator("#history").inner_text()
            watched.shot("claim-1280")

            page.get_by_role("link", name="m2_m1_spread").first.click()
            assert page.locator("h1").inner_text() == "China M2-M1 growth spread"
            assert page.locator("svg.chart .band").count() == 2
            assert "MASE" in page.locator("#backtest").inner_text()
            watched.shot("indicator-1280")

            page.go_back()
            page.locator("p.muted a[href^='/sources/']").click()
            # A click waits for the navigation to start, not for the new page: count() does not wait, expect does
            # (a full run at load 4-7 counted the rows before the source page was there, twice).
            expect(page.locator("#source-claims tbody tr")).to_have_count(6)
            watched.shot("source-1280")

            page.get_by_role("link", name="Track record").click()
            assert page.locator("h1").inner_text() == "Track record"
            watched.shot("track-record-1280")
            watched.assert_clean()

            narrow = Watched(browser, width=390, height=844)
            for path, name in (("/", "claims"), ("/claims/2", "claim"), ("/indicators/m2_m1_spread", "indicator")):
                narrow.page.goto(served + path)
                width = narrow.page.evaluate("document.documentElement.scrollWidth")
                assert width <= 390 + 1, f"{path} scrolls sideways at 390 px ({width} px)"
                narrow.shot(f"{name}-390")
            narrow.assert_clean()
        finally:
            browser.close()


HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>'


def test_a_researcher_signs_in_and_acts_through_the_forms(chromium: str, served: str, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    key = cli_key(tmp_path)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            watched = Watched(browser, width=1280)
            page = watched.page
            page.goto(served + "/")
            page.get_by_role("link", name="Sign in").click()
            page.get_by_label("API key").fill(key)
            page.get_by_role("button", name="Sign in").click()
            assert "signed in as ana" in page.locator("header").inner_text()
            assert key not in page.content()
            assert key not in page.url

            # Add a claim whose every text field is hostile: it must show as text.
            page.get_by_role("link", name="Add a claim").click()
            page.get_by_label("Statement").fill("Spread below 4 " + HOSTILE)
            page.get_by_label("Quote").fill("It will narrow " + HOSTILE)
            page.get_by_label("Author").fill("Analyst " + HOSTILE)
            page.get_by_label("Made on").fill("2026-11-01")
            page.get_by_label("Deadline").fill("2026-12-31")
            page.get_by_label("Resolution criteria").fill("m2_m1_spread for 2026-12 < 4")
            page.get_by_label("Tags").fill("monetary, <b>bold</b>")
            page.get_by_label("Indicator", exact=True).select_option("m2_m1_spread")
            page.get_by_label("Comparison").select_option("<")
            page.get_by_role("button", name="Add the claim").click()
            assert page.locator(".field-error").count() >= 1  # no threshold yet: the error sits by its field
            assert page.locator("#claim-rule_threshold-error").is_visible()
            page.get_by_label("Threshold").fill("4")
            page.get_by_role("button", name="Add the claim").click()
            assert "The claim is added" in page.locator(".notice").inner_text()
            assert HOSTILE in page.locator("h1").inner_text() and HOSTILE in page.locator("#quote").inner_text()
            assert page.evaluate("window.__pwned === undefined")
            watched.shot("claim-added-1280")

            page.goto(served + "/")
            assert page.evaluate("window.__pwned === undefined")
            assert "<b>bold</b>" in page.locator("#claims").inner_text()

            # Forecast on the new (open) claim, then resolve the court case.
            page.go_back()
            page.get_by_label("Probability it comes true (0 to 1)").fill("0.35")
            page.get_by_label("Rationale").fill("The spread was 3.1 in November.")
            page.get_by_role("button", name="Record forecast").click()
            assert "The spread was 3.1" in page.locator("#human-forecasts").inner_text()

            page.goto(served + "/")
            page.get_by_role("link", name="A major court case").click()
            page.get_by_label("Checked through").fill("2025-12-31")
            page.get_by_role("textbox", name="Where you looked").fill("China Judgements Online: no such case.")
            page.get_by_role("button", name="Record check").click()
            assert "re-scored" in page.locator(".notice").inner_text()
            assert "China Judgements Online" in page.locator("#check-list").inner_text()
            assert "check" in page.locator("#audit-trail").inner_text()
            page.get_by_label("Outcome").select_option("false")
            page.get_by_role("textbox", name="Evidence").fill(
                "No case invoking the regulation was reported by 2025-12-31."
            )
            page.get_by_label("Resolved on").fill("2099-01-01")
            page.get_by_role("button", name="Resolve").click()
            assert "in the future" in page.locator("#resolve-resolved_on-error").inner_text()
            page.get_by_label("Resolved on").fill("")
            page.get_by_role("button", name="Resolve").click()
            assert "ana" in page.locator("#resolution").inner_text()
            watched.shot("claim-resolved-1280")

            page.get_by_role("link", name="Track record").click()
            assert page.locator("#scores").count() == 1
            watched.shot("track-record-filled-1280")

            # The keyboard reaches the content: the first Tab lands on the skip link.
            page.keyboard.press("Tab")
            assert page.evaluate("document.activeElement.textContent") == "Skip to content"
            watched.assert_clean()
        finally:
            browser.close()
