"""The Nu HTML Checker on a generated archive whose lists all split in pages.

``paged_site`` (tests/conftest.py) lowers the paging limits so that a small
generated archive splits the timeline and the article index by year and the
entity, topic and year pages into pages; the real archive's pages are checked
by the other tests of this package. Links, fragments and reachability of the
paged archive are checked without a browser in tests/test_paging.py (a
Chromium crawl of its 460 pages takes minutes).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Route, expect

from .sitecheck import axe_pages, serve, vnu_html

pytestmark = [pytest.mark.browser, pytest.mark.tools]

#: The pages that list: every page of every split list (a milestone's of its sources too), and
#: the first pages.
LISTS = (
    "index.html",
    "timeline.html",
    "timeline/**/*.html",
    "articles/index.html",
    "articles/by-year/**/*.html",
    "entities/**/*.html",
    "topics/**/*.html",
    "years/**/*.html",
    "pages/**/*.html",
    "milestones/wide.html",
    "milestones/*/*.html",
    "**/formerly-*.html",  # the pages at former ids
    "articles/a00002-*.html",  # two captures of one story, the later saying what changed
)


def test_paged_lists_are_valid_html(paged_site: Path, vnu: Path, tmp_path: Path) -> None:
    pages = sorted({p for pattern in LISTS for p in paged_site.glob(pattern)})
    assert len(pages) > 100
    for page in pages:
        copy = tmp_path / page.relative_to(paged_site)
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(page, copy)
    errors = vnu_html(tmp_path)
    print(f"\nvnu: {len(pages)} list pages of the paged archive, {len(errors)} errors")
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(map(str, errors))


def test_the_filters_of_a_year_of_several_pages_say_they_filter_the_page(
    browser: Browser, paged_site: Path
) -> None:
    """A year of the timeline on several pages shows one page's milestones, and its filters
    hide and count those alone: the count said "2 of 7 milestones", as if of the year's.
    It says "on this page"; the whole timeline, one page, says what it said."""
    split = sorted(paged_site.glob("timeline/*/2.html"))
    assert split, "no year of the paged timeline is on several pages"
    year = split[0].parent.name
    first = (paged_site / f"timeline/{year}.html").read_text(encoding="utf-8")
    topics = re.findall(r'<a[^>]* href="\.\./topics/([a-z0-9-]+)\.html"', first)
    topics = [t for t in topics if t != "index"]  # (the menu's link to the topic index)
    assert topics
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        with serve(paged_site, "/") as server:
            page = context.new_page()
            page.goto(server.base + f"timeline/{year}.html")
            page.locator("#f-topic").select_option(topics[0])
            expect(page.locator("#f-count")).to_have_text(
                re.compile(r"^\d+ of 7 milestones on this page$")
            )
    finally:
        context.close()


def test_a_former_address_sends_on_to_the_same_paragraph_under_a_strict_policy(
    browser: Browser, paged_site: Path
) -> None:
    """A citation of a renamed article's paragraph (``formerly-ID.html#p2``) lands on that
    paragraph of its page, also where the server sends a Content-Security-Policy without
    'unsafe-inline' (the page's script was inline: blocked, the refresh alone went on, to
    the top of the page)."""
    moved = sorted(paged_site.glob("articles/formerly-*.html"))
    assert len(moved) == 1, moved
    ident = moved[0].stem.removeprefix("formerly-")
    context = browser.new_context()
    blocked: list[str] = []

    def strict(route: Route) -> None:
        response = route.fetch()
        headers = {**response.headers, "content-security-policy": "script-src 'self'"}
        route.fulfill(response=response, headers=headers)

    page = context.new_page()
    page.on("console", lambda m: blocked.append(m.text) if "Content" in m.text else None)
    try:
        with serve(paged_site, "/") as server:
            page.route("**/*", strict)
            page.goto(server.base + f"articles/{moved[0].name}#p2")
            page.wait_for_url(f"**/articles/{ident}.html#p2", timeout=10_000)
            assert page.evaluate("location.hash") == "#p2"
            assert blocked == []
    finally:
        page.unroute_all(behavior="ignoreErrors")  # (a request still under way: no error)
        context.close()


def test_a_withdrawn_milestone_s_page_and_the_timeline_naming_it_are_valid_and_accessible(
    browser: Browser, paged_site: Path, vnu: Path, axe: Path, tmp_path: Path
) -> None:
    """The page of the paged archive's withdrawn milestone (its notice before its content,
    see conftest._withdrawn) and the timeline's first page, which names it: valid HTML,
    and no axe-core violation in either colour scheme."""
    data = json.loads((paged_site / "data/milestones.json").read_text(encoding="utf-8"))
    withdrawn = [m["page"] for m in data if "withdrawn" in m]
    assert len(withdrawn) == 1
    pages = [*withdrawn, "timeline.html"]
    assert 'class="notice"' in (paged_site / withdrawn[0]).read_text(encoding="utf-8")
    assert withdrawn[0] in (paged_site / "timeline.html").read_text(encoding="utf-8")
    for rel in pages:
        copy = tmp_path / rel
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(paged_site / rel, copy)
    errors = vnu_html(tmp_path)
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(map(str, errors))
    context = browser.new_context()
    try:
        with serve(paged_site, "/") as server:
            found = axe_pages(context, [(rel, server.base + rel) for rel in pages])
    finally:
        context.close()
    assert not found, "\n".join(map(str, found))
