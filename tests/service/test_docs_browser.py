"""/docs in headless Chromium: Swagger UI renders offline (no CDN) under the page's Content-Security-Policy."""

from typing import Any

from tests.service.test_dashboard_browser import CHROMIUM_ARGS, Watched, chromium, served  # noqa: F401


def test_swagger_ui_works_offline_under_the_csp(chromium: str, served: str) -> None:  # noqa: F811
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser: Any = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            watched = Watched(browser, width=1280)
            watched.page.goto(served + "/docs")
            watched.page.wait_for_selector(".opblock", timeout=30_000)
            assert watched.page.locator(".opblock").count() > 10
            watched.shot("docs-1280")
            watched.assert_clean()
        finally:
            browser.close()
