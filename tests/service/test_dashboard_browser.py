"""The dashboard in a real headless Chromium (Debian's package, driven by Playwright) against `predtrack serve`."""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.service.conftest import running_server
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


def test_a_reader_browses_claims_a_claim_and_the_track_record(chromium: str, served: str, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            failed: list[str] = []
            page.on("requestfailed", lambda request: failed.append(request.url))
            page.goto(served + "/")
            rows = page.locator("#claims tbody tr")
            assert rows.count() == 5
            assert "resolved false" in page.locator("#claims").inner_text()
            page.screenshot(path=str(tmp_path / "claims.png"), full_page=True)

            page.get_by_role("link", name="China's M2-M1 growth spread stays narrow").click()
            assert "M2-M1 stability" in page.locator("#quote").inner_text()
            assert page.locator("svg.chart .threshold").count() == 1
            assert "auto" in page.locator("#resolution").inner_text()
            page.screenshot(path=str(tmp_path / "claim.png"), full_page=True)

            page.get_by_role("link", name="Track record").click()
            assert page.locator("h1").inner_text() == "Track record"
            assert failed == []  # nothing fetched from outside: no CDN
        finally:
            browser.close()
