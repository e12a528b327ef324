"""Each checker fails when it should: a fault planted in a copy of the built site.

The checks are the very functions the real-site tests call (sitecheck.py);
a checker that cannot see its fault would let the real site pass unseen.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from .sitecheck import (
    SUB_PATH,
    axe_pages,
    crawl,
    horizontal_overflow,
    serve,
    tab_walk,
    vnu_css,
    vnu_html,
)

pytestmark = [pytest.mark.browser, pytest.mark.tools]


@pytest.fixture
def copy(site_root: Path, tmp_path: Path) -> Path:
    """A fresh copy of the built site, for one test to spoil."""
    out = tmp_path / "site"
    shutil.copytree(site_root, out)
    return out


def plant(page: Path, old: str, new: str) -> int:
    """Replace the first ``old`` in ``page`` by ``new``; returns the line where ``new`` starts."""
    html = page.read_text(encoding="utf-8")
    assert old in html, f"{old!r} not in {page}"
    at = html.index(old)
    page.write_text(html[:at] + new + html[at + len(old) :], encoding="utf-8")
    return html.count("\n", 0, at) + 1


def test_vnu_reports_an_invalid_element(copy: Path, vnu: Path) -> None:
    line = plant(copy / "timeline.html", "<h1>", "<li>stray list item</li>\n<h1>")
    errors = vnu_html(copy)
    assert errors, "vnu found nothing"
    assert all(e.file == "timeline.html" for e in errors), errors
    assert any(e.line == line and "“li”" in e.message for e in errors), "\n".join(map(str, errors))


def test_vnu_reports_an_invalid_css_property(copy: Path, vnu: Path) -> None:
    css = copy / "assets" / "style.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n.x { colr: red; }\n", encoding="utf-8")
    errors = vnu_css(css)
    assert [e for e in errors if "colr" in e.message and e.file == "style.css"], errors


def test_axe_reports_an_image_without_alt(copy: Path, browser: Browser, axe: Path) -> None:
    plant(
        copy / "index.html", "<h1>", '<img src="assets/favicon.svg" width="20" height="20">\n<h1>'
    )
    with serve(copy, SUB_PATH) as server:
        context = browser.new_context()
        try:
            found = axe_pages(context, [("index.html", server.base + "index.html")], ("light",))
        finally:
            context.close()
    assert [v for v in found if v.rule == "image-alt" and v.targets == ("img",)], found


def test_axe_sees_the_dark_scheme(copy: Path, browser: Browser, axe: Path) -> None:
    """A contrast fault in dark mode only: found in dark, and not in light."""
    css = copy / "assets" / "style.css"
    css.write_text(
        css.read_text(encoding="utf-8")
        + "\n@media (prefers-color-scheme: dark) { .lede { color: #333; } }\n",
        encoding="utf-8",
    )
    with serve(copy, SUB_PATH) as server:
        context = browser.new_context()
        try:
            found = axe_pages(context, [("index.html", server.base + "index.html")])
        finally:
            context.close()
    assert [(v.scheme, v.rule, v.targets) for v in found] == [
        ("dark", "color-contrast", (".lede",))
    ], found


def test_crawler_reports_broken_links_and_other_hosts(copy: Path, browser: Browser) -> None:
    """Three faults in one copy, so one crawl finds them all (each crawl opens every page):
    a broken fragment, a root-relative link, and a stylesheet from another host.

    ``href="/timeline.html"`` works at a domain root and breaks under a project
    path: the crawl under /archive-site/ must flag it."""
    plant(copy / "about.html", 'href="timeline.html"', 'href="timeline.html#no-such-entry"')
    plant(copy / "index.html", 'href="timeline.html"', 'href="/timeline.html"')
    plant(
        copy / "years" / "index.html",
        "</head>",
        '<link rel="stylesheet" href="http://localhost:9/fonts.css">\n</head>',
    )
    with serve(copy, SUB_PATH) as server:
        report = crawl(browser, server.base)
    problems = sorted(str(p) for p in report.problems if "localhost:9" not in p.what)
    assert problems == [
        "about.html: broken fragment: timeline.html#no-such-entry has no such id",
        "index.html: <a href='/timeline.html'> leaves the site's path /archive-site/",
    ], problems
    assert [f for f in report.foreign if f.startswith("http://localhost:9/fonts.css")], report


def test_keyboard_check_reports_what_tab_misses_or_hides(copy: Path, browser: Browser) -> None:
    css = copy / "assets" / "style.css"
    css.write_text(
        css.read_text(encoding="utf-8") + "\n.brand:focus-visible { outline: none; }\n",
        encoding="utf-8",
    )
    plant(
        copy / "index.html",
        "</main>",
        '<a href="timeline.html" tabindex="-1">unreachable</a>\n</main>',
    )
    with serve(copy, SUB_PATH) as server:
        context = browser.new_context()
        try:
            page = context.new_page()
            page.goto(server.base + "index.html")
            walk = tab_walk(page, "index.html")
        finally:
            context.close()
    assert [p for p in walk.unmarked if p.startswith("<a.brand href=index.html>")], walk.unmarked
    assert walk.missed == ['<a href=timeline.html> "unreachable"'], walk.missed


def test_overflow_check_reports_a_wide_element(copy: Path, browser: Browser) -> None:
    # (a <pre> scrolls within itself: style.css)
    plant(copy / "about.html", "</main>", '<p class="wide"><img width="900" alt=""></p>\n</main>')
    context = browser.new_context(viewport={"width": 320, "height": 640})
    try:
        page = context.new_page()
        page.goto((copy / "about.html").as_uri())
        found = horizontal_overflow(page, "about.html")
    finally:
        context.close()
    assert found and "<img" in found, found
