"""axe-core on every HTML page of the built site, in light and dark.

Every rule runs in light; in dark only axe's colour rules run again, since the
dark scheme changes colours only, which the last test here keeps true.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from conftest import TEMPLATES

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


def test_the_dark_scheme_changes_colours_only(site_root: Path) -> None:
    """What lets axe run only its colour rules in dark (see sitecheck.axe_pages).

    The one place of the built site that depends on the colour scheme is a
    block of the stylesheet that sets colour variables to colours; no page,
    script or other stylesheet (Pagefind's included) asks for the scheme.
    """
    asking = [
        p.relative_to(site_root).as_posix()
        for p in sorted(site_root.rglob("*"))
        if p.is_file() and b"prefers-color-scheme" in p.read_bytes()
    ]
    assert asking == ["assets/style.css"]
    css = (TEMPLATES / "static/style.css").read_text(encoding="utf-8")
    blocks = re.findall(r"@media \(prefers-color-scheme: dark\) \{\s*:root \{([^{}]*)\}\s*\}", css)
    assert len(blocks) == css.count("prefers-color-scheme") == 1
    declarations = [d.strip() for d in blocks[0].split(";") if d.strip()]
    assert len(declarations) > 5
    for d in declarations:
        assert re.fullmatch(r"--[a-z-]+: #[0-9a-f]{6}", d), d
        # and each variable is a colour in the light scheme too
        name = d.split(":")[0]
        assert re.search(rf"{name}: #[0-9a-f]{{6}}", css.split("@media")[0]), name
