"""Screenshots for a person to look at: test-output/screenshots/ (gitignored)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from .sitecheck import SCREENSHOTS, Server

pytestmark = [pytest.mark.browser, pytest.mark.tools]

WIDTHS = {"phone": 375, "desktop": 1280}


@pytest.mark.parametrize("scheme", ("light", "dark"))
@pytest.mark.parametrize("device", WIDTHS)
def test_screenshots(
    browser: Browser, served_sub: Server, site_root: Path, device: str, scheme: str
) -> None:
    article = sorted(p for p in (site_root / "articles").glob("*.html") if p.name != "index.html")
    pages = {
        "home": "index.html",
        "timeline": "timeline.html",
        "article": f"articles/{article[0].name}",
    }
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(
        viewport={"width": WIDTHS[device], "height": 900},
        color_scheme=scheme,  # type: ignore[arg-type]
    )
    try:
        page = context.new_page()
        for name, path in pages.items():
            page.goto(served_sub.base + path)
            shot = SCREENSHOTS / f"{name}-{device}-{scheme}.png"
            page.screenshot(path=shot, full_page=True)
            assert shot.stat().st_size > 10_000, shot
    finally:
        context.close()
