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

from tests.service.conftest import ROOT, running_server
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
        self.page.on("requestfailed", lambda r: self.failed.append(r.url))
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
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            watched = Watched(browser, width=1280)
            page = watched.page
            page.goto(served + "/")
            assert page.title() == "Claims · predtrack"
            rows = page.locator("#claims tbody tr")
            assert rows.count() == 5
            assert "resolved false" in page.locator("#claims").inner_text()
            watched.shot("claims-1280")

            page.get_by_role("link", name="China's M2-M1 growth spread stays narrow").click()
            assert "M2-M1 stability" in page.locator("#quote").inner_text()
            assert page.locator("svg.chart .threshold").count() == 1
            assert "auto" in page.locator("#resolution").inner_text()
            watched.shot("claim-1280")

            page.get_by_role("link", name="m2_m1_spread").first.click()
            assert page.locator("h1").inner_text() == "China M2-M1 growth spread"
            assert page.locator("svg.chart .band").count() == 2
            assert "MASE" in page.locator("#backtest").inner_text()
            watched.shot("indicator-1280")

            page.go_back()
            page.locator("p.muted a[href^='/sources/']").click()
            assert page.locator("#source-claims tbody tr").count() == 5
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
