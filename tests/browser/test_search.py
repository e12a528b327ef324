"""Search in a real Chromium: from the header box of the home page to results, filters and the
pages they link to, at a domain root and under a sub-path; what a first query downloads; the
page valid and accessible with results and a filter; the no-JavaScript and file:// fallbacks."""

from __future__ import annotations

import html as htmllib
import re
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from archive_site.load import load_archive
from archive_site.model import Archive
from conftest import CONTENT, INTERVIEW

from .sitecheck import (
    SUB_PATH,
    Server,
    axe_check,
    first_search,
    serve,
    transferred,
    vnu_html,
)

pytestmark = [pytest.mark.browser, pytest.mark.tools]

BUDGET = 150 * 1024  # bytes a first query may download at the seed archive
WORD = "railway"


@pytest.fixture(scope="module")
def archive() -> Archive:
    return load_archive(CONTENT, strict=True)


@pytest.fixture(scope="module")
def compressed_sub(site_root: Path) -> Iterator[Server]:
    """The site under the sub-path, text files gzip-encoded as GitHub Pages sends them."""
    with serve(site_root, SUB_PATH, compress=True) as server:
        yield server


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    made = browser.new_context(viewport={"width": 1280, "height": 900})
    yield made
    made.close()


def _expected(site_root: Path, archive: Archive) -> tuple[str, set[str]]:
    """The interview paragraph on the Baku–Tbilisi–Kars railway, and the milestones whose
    title, summary or quotes say the word, as links from search.html."""
    page = (site_root / f"articles/{INTERVIEW}.html").read_text(encoding="utf-8")
    paragraphs = re.findall(r'<div class="para" id="(p\d+)">(.*?)</div>', page, re.S)
    words = {pid: htmllib.unescape(re.sub(r"<[^>]+>", "", body)) for pid, body in paragraphs}
    (pid,) = [p for p, text in words.items() if "Baku-Tbilisi-Kars railway" in text]
    milestones = {
        f"milestones/{m.id}.html"
        for m in archive.milestones
        if WORD in " ".join([m.title, m.summary, *(s.quote for s in m.sources)]).lower()
    }
    assert milestones
    return f"articles/{INTERVIEW}.html#{pid}", milestones


def _search_from_home(page: Page, server: Server) -> None:
    page.goto(server.base + "index.html")
    box = page.locator('header.site form[role="search"] input[type="search"][name="q"]')
    box.fill(WORD)
    box.press("Enter")
    page.wait_for_url(re.compile(re.escape(server.base) + r"search\.html\?q=" + WORD + "$"))
    expect(page.locator("#search-results > li").first).to_be_visible()
    expect(page.locator("#search-status")).to_contain_text("results for “railway”")


def _result_links(page: Page) -> list[str]:
    return page.locator("#search-results a").evaluate_all(
        "as => as.map(a => a.getAttribute('href'))"
    )


@pytest.mark.parametrize("placement", ["served_root", "served_sub"])
def test_railway_from_the_header_box(
    request: pytest.FixtureRequest,
    context: BrowserContext,
    placement: str,
    site_root: Path,
    archive: Archive,
) -> None:
    server: Server = request.getfixturevalue(placement)
    paragraph, milestones = _expected(site_root, archive)
    page = context.new_page()
    hosts: set[str] = set()
    page.on("request", lambda r: hosts.add(urllib.parse.urlsplit(r.url).netloc))
    _search_from_home(page, server)

    links = _result_links(page)
    assert paragraph in links, links
    assert {h for h in links if h.startswith("milestones/")} == milestones
    article = page.locator("#search-results > li", has=page.locator(f'a[href="{paragraph}"]'))
    expect(article.locator("mark").first).to_have_text(re.compile(WORD, re.I))
    # each kind's option counts its results ("Milestones (0)" whatever they held, once)
    total = int(re.match(r"\d+", page.locator("#search-status").inner_text()).group())  # type: ignore[union-attr]
    kinds = page.locator("#f-kind option[value]:not([value=''])").all_inner_texts()
    counted = {k.rpartition(" (")[0]: int(k.rpartition(" (")[2].rstrip(")")) for k in kinds}
    assert sum(counted.values()) == total and counted["Milestones"] == len(milestones), counted

    # kind "Milestones" narrows to milestones, and the address says so
    page.select_option("#f-kind", "milestone")
    page.wait_for_url(re.compile(r"search\.html\?q=railway&kind=milestone$"))
    expect(page.locator("#search-status")).to_contain_text("filtered")
    expect(page.locator("#search-results > li")).to_have_count(len(milestones))
    headings = page.locator("#search-results h2 a").evaluate_all(
        "as => as.map(a => a.getAttribute('href'))"
    )
    assert set(headings) == milestones
    expect(page.locator("#search-results > li .kind").first).to_contain_text("Milestone")

    # the address is shareable: opened afresh it shows the same results
    page.reload()
    expect(page.locator("#search-results > li")).to_have_count(len(milestones))
    assert page.locator("#f-kind").input_value() == "milestone"
    assert page.locator("#q").input_value() == WORD

    # the result links work: a milestone, and the interview's paragraph
    first = page.locator("#search-results h2 a").first
    title = first.inner_text()
    first.click()
    page.wait_for_url(re.compile(re.escape(server.base) + r"milestones/[a-z0-9-]+\.html$"))
    expect(page.locator("h1")).to_have_text(title)
    page.goto(server.base + "search.html?q=" + WORD)
    page.locator(f'#search-results a[href="{paragraph}"]').click()
    page.wait_for_url(re.compile(re.escape(server.base + paragraph) + "$"))
    pid = paragraph.rpartition("#")[2]
    expect(page.locator(f"#{pid}")).to_be_in_viewport()
    expect(page.locator(f"#{pid}")).to_contain_text("railway")
    assert hosts == {urllib.parse.urlsplit(server.origin).netloc}, hosts


def test_first_query_download_budget(context: BrowserContext, compressed_sub: Server) -> None:
    """Everything from pressing Enter in the header box to the results: within the budget."""
    sizes = transferred(first_search(context.new_page(), compressed_sub.base, WORD))
    total = sum(sizes.values())
    index = [u for u in sizes if "/pagefind/" in u]
    assert any(u.endswith("/pagefind/pagefind.js") for u in index)
    assert any("/pagefind/fragment/" in u for u in index)
    assert not any(u.endswith("pagefind-worker.js") for u in index)
    print(f"first query: {len(sizes)} requests, {total:,} bytes transferred")
    assert total <= BUDGET, {u.rpartition("/")[2]: n for u, n in sizes.items()}


def test_pages_without_a_query_load_no_search_code(
    context: BrowserContext, served_sub: Server
) -> None:
    page = context.new_page()
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url))
    for path in ("index.html", "timeline.html", f"articles/{INTERVIEW}.html", "search.html"):
        page.goto(served_sub.base + path, wait_until="networkidle")
    assert not [u for u in seen if "/pagefind/" in u], seen
    assert [u for u in seen if u.endswith("/search.js")] == [served_sub.base + "assets/search.js"]
    expect(page.locator("#search-status")).to_have_text("Type a word or two, or choose a filter.")


def test_valid_and_accessible_with_results_and_a_filter(
    context: BrowserContext, served_sub: Server, tmp_path: Path, vnu: Path
) -> None:
    page = context.new_page()
    page.goto(served_sub.base + "search.html?q=railway&kind=milestone")
    expect(page.locator("#search-results > li").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    (tmp_path / "search.html").write_text(page.content(), encoding="utf-8")
    assert [str(m) for m in vnu_html(tmp_path)] == []
    found = []
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
        found += axe_check(page, "search.html?q=railway&kind=milestone", scheme)
    assert [str(v) for v in found] == []


def test_a_filter_of_many_values_is_typed_in(
    context: BrowserContext, paged_site: Path, tmp_path: Path, vnu: Path
) -> None:
    """The paged archive's topics (30) and years are past its lowered limit of a menu's values
    (tests/conftest.py): each is a box, whose suggestions, the index's values with their
    counts, fill in once it has focus; a value typed in filters as a menu's choice does."""
    topic = "topic-03"
    pages = [p.read_text(encoding="utf-8") for p in paged_site.rglob("*.html")]
    tagged = sum(  # the pages indexed (not a list's later pages) that carry the topic
        f'data-pagefind-filter="topic:{topic}"' in html and "data-pagefind-body" in html
        for html in pages
    )
    with serve(paged_site, "/") as server:
        page = context.new_page()
        page.goto(server.base + "search.html")
        expect(page.locator("#search-status")).to_have_text(
            "Type a word or two, or choose a filter."
        )
        assert page.locator("#f-topic").evaluate("e => e.tagName") == "INPUT"
        assert page.locator("#f-outlet").evaluate("e => e.tagName") == "SELECT"
        page.locator("#f-topic").focus()
        expect(page.locator("#f-topic-values option")).to_have_count(30)
        suggested = page.locator("#f-topic-values option").first
        assert suggested.get_attribute("value") == "topic-01"
        assert re.fullmatch(r"topic-01 \(\d+\)", suggested.inner_text() or "")
        page.locator("#f-topic").fill(f" {topic} ")  # the spaces around are left out
        page.locator("#f-topic").press("Enter")
        page.wait_for_url(re.compile(r"search\.html\?topic=" + topic + "$"))
        expect(page.locator("#search-status")).to_have_text(f"{tagged} results, filtered.")
        # the address holds the typed value: opened afresh, the box and results are back
        page.reload()
        expect(page.locator("#search-status")).to_have_text(f"{tagged} results, filtered.")
        assert page.locator("#f-topic").input_value() == topic
        # every value is still offered (as a menu's options are), with the results' counts
        options = page.locator("#f-topic-values option")
        expect(options).to_have_count(30)
        expect(page.locator(f'#f-topic-values option[value="{topic}"]')).to_have_text(
            f"{topic} ({tagged})"
        )
        page.wait_for_load_state("networkidle")
        (tmp_path / "search.html").write_text(page.content(), encoding="utf-8")
        assert [str(m) for m in vnu_html(tmp_path)] == []
        assert [str(v) for v in axe_check(page, "search.html?topic=" + topic, "light")] == []


def _fallback_shown(page: Page) -> None:
    off = page.locator("#search-off")
    expect(off).to_be_visible()
    expect(off).to_contain_text("needs JavaScript")
    for target in ("timeline.html", "entities/index.html", "articles/index.html"):
        expect(off.locator(f'a[href="{target}"]')).to_be_visible()
    expect(page.locator("#search")).to_be_hidden()
    expect(page.locator("#search-results > li")).to_have_count(0)


def test_more_results_by_keyboard_keeps_the_focus(
    context: BrowserContext, served_sub: Server
) -> None:
    """Enter on "More results" moves the focus to the first result it added.  It stayed on
    the button, which hides when the last results are shown: the focus fell back to the
    page's top, and a keyboard or screen reader user lost their place."""
    page = context.new_page()
    page.goto(served_sub.base + "search.html?q=china")
    results = page.locator("#search-results > li")
    expect(results.first).to_be_visible()
    total = int(re.findall(r"\d+", page.locator("#search-status").inner_text())[0])
    assert total > 20, total  # at least two presses, the last hiding the button
    more = page.locator("#search-more")
    presses = 0
    while more.is_visible():
        shown = results.count()
        more.focus()
        page.keyboard.press("Enter")
        expect(results).to_have_count(min(shown + 10, total))
        focused = results.nth(shown).locator("a").first
        expect(focused).to_be_focused()
        assert focused.evaluate("a => a.matches(':focus-visible')")
        presses += 1
    assert presses >= 2 and results.count() == total


def test_without_javascript(browser: Browser, served_sub: Server) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(served_sub.base + "index.html")
        page.locator('header.site input[name="q"]').fill(WORD)
        page.locator('header.site input[name="q"]').press("Enter")
        page.wait_for_url(re.compile(r"search\.html\?q=railway$"))
        _fallback_shown(page)
        page.locator('#search-off a[href="timeline.html"]').click()
        expect(page.locator("h1")).to_have_text("Timeline")
    finally:
        context.close()


def test_from_a_file(context: BrowserContext, site_root: Path) -> None:
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto((site_root / "index.html").as_uri())
    page.locator('header.site input[name="q"]').fill(WORD)
    page.locator('header.site input[name="q"]').press("Enter")
    page.wait_for_url(re.compile(r"^file://.*/search\.html\?q=railway$"))
    _fallback_shown(page)
    assert not [u for u in requests if "/pagefind/" in u]
    page.locator('#search-off a[href="entities/index.html"]').click()
    expect(page.locator("h1")).to_contain_text("People")


def test_a_result_in_another_language_is_marked_as_its_page_marks_it(
    context: BrowserContext, project_copy: Path
) -> None:
    """A result of an article in another language than the site's carries the article's
    `lang` on its title and excerpts (a screen reader reads them in that language, as on the
    article's own page), and the site's on its paragraph links; other results carry none."""
    from conftest import COMMENTARY, cli

    meta = project_copy / "content" / "articles" / f"{COMMENTARY}.meta.yaml"
    meta.write_text(meta.read_text(encoding="utf-8") + "language: az\n", encoding="utf-8")
    assert cli("-q", "-o", "out").returncode == 0
    with serve(project_copy / "out", "/") as server:
        page = context.new_page()
        page.goto(server.base + f"search.html?q={WORD}")
        results = page.locator("#search-results > li")
        expect(results.first).to_be_visible()
        marked = results.evaluate_all(
            """lis => lis.map(li => ({
                href: li.querySelector('h2 a').getAttribute('href'),
                title: li.querySelector('h2 a').lang,
                excerpt: li.querySelector(':scope > p:not(.kind)').lang,
                parts: [...li.querySelectorAll('ul li p')].map(p => p.lang),
                links: [...li.querySelectorAll('ul li p > a')].map(a => a.lang),
            }))"""
        )
    theirs = [m for m in marked if m["href"] == f"articles/{COMMENTARY}.html"]
    assert len(theirs) == 1, marked
    assert theirs[0]["title"] == theirs[0]["excerpt"] == "az"
    assert theirs[0]["parts"] and set(theirs[0]["parts"]) == {"az"}
    assert set(theirs[0]["links"]) == {"en"}
    others = [m for m in marked if m is not theirs[0]]
    assert others and all(
        not m["title"] and not m["excerpt"] and not any(m["parts"]) for m in others
    )
