"""The Nu HTML Checker on every HTML page, and on the stylesheet."""

from __future__ import annotations

from pathlib import Path

import pytest

from .sitecheck import vnu_css, vnu_html

pytestmark = [pytest.mark.browser, pytest.mark.tools]


def test_every_page_is_valid_html(site_root: Path, vnu: Path) -> None:
    pages = list(site_root.rglob("*.html"))
    errors = vnu_html(site_root)
    print(f"\nvnu: {len(pages)} HTML files, {len(errors)} errors")
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(map(str, errors))


def test_stylesheet_is_valid_css(site_root: Path, vnu: Path) -> None:
    css = site_root / "assets" / "style.css"
    errors = vnu_css(css)
    print(f"\nvnu --css: {css.name}, {len(errors)} errors")
    assert not errors, f"{len(errors)} CSS errors:\n" + "\n".join(map(str, errors))
