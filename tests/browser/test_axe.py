"""axe-core on every HTML page of the built site, in light and dark."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from .sitecheck import Server, Violation, axe_pages

pytestmark = [pytest.mark.browser, pytest.mark.tools]

SCHEMES = ("light", "dark")


@pytest.fixture(scope="module")
def violations(
    browser: Browser, served_sub: Server, site_root: Path, axe: Path
) -> dict[str, list[Violation]]:
    """Every page, served under the project path its 404 page's links expect."""
    rels = [f.relative_to(site_root).as_posix() for f in sorted(site_root.rglob("*.html"))]
    assert len(rels) > 100
    context = browser.new_context()
    try:
        found = axe_pages(context, [(r, served_sub.base + r) for r in rels], SCHEMES)
    finally:
        context.close()
    print(f"\naxe-core: {len(rels)} pages checked in {', '.join(SCHEMES)}")
    return {s: [v for v in found if v.scheme == s] for s in SCHEMES}


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_axe_violations(violations: dict[str, list[Violation]], scheme: str) -> None:
    found = violations[scheme]
    print(f"axe-core ({scheme}): {len(found)} violations")
    assert not found, f"{len(found)} axe violations ({scheme}):\n" + "\n".join(map(str, found))
