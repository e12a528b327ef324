"""As a reader: the site opened from disk, the timeline filters with and without
JavaScript, the keyboard alone, and narrow screens."""

from __future__ import annotations

import re
import shutil
import urllib.parse
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from .sitecheck import Server, horizontal_overflow, serve, tab_walk

pytestmark = [pytest.mark.browser, pytest.mark.tools]

WIDTHS = (375, 1280)
SCHEMES = ("light", "dark")


@pytest.fixture
def new_context(browser: Browser) -> Iterator[Any]:
    """A factory of browser contexts, all closed after the test."""
    made: list[BrowserContext] = []

    def make(**options: Any) -> BrowserContext:
        context = browser.new_context(**options)
        made.append(context)
        return context

    yield make
    for context in made:
        context.close()


# --------------------------------------------------------------------------- from disk, by clicking


def _source_link(root: Path, page: Page) -> str:
    """A quote link of the timeline whose paragraph marks the quote and names an entity."""
    hrefs: list[str] = page.locator("li.ms .srcs li > a").evaluate_all(
        "as => as.map(a => a.getAttribute('href'))"
    )
    assert hrefs, "the timeline has no source links"
    for href in hrefs:
        path, _, pid = href.partition("#")
        html = (root / path).read_text(encoding="utf-8")
        block = html.split(f'<div class="para" id="{pid}">', 1)[-1].split('<div class="para"', 1)[0]
        if "<mark>" in block and 'class="ent"' in block:
            return href
    return hrefs[0]


@pytest.mark.parametrize("scheme", SCHEMES)
def test_main_path_from_disk(new_context: Any, site_root: Path, scheme: str) -> None:
    """home → timeline → a milestone's quote → the marked paragraph → an entity → timeline."""
    page: Page = new_context(
        color_scheme=scheme, viewport={"width": 1280, "height": 800}
    ).new_page()
    page.goto((site_root / "index.html").as_uri())
    expect(page.locator("h1")).to_be_visible()

    page.locator('header.site nav a[href="timeline.html"]').click()
    page.wait_for_url(re.compile(r"/timeline\.html$"))
    expect(page.locator("h1")).to_have_text("Timeline")

    href = _source_link(site_root, page)
    article, _, pid = href.partition("#")
    page.locator(f'li.ms .srcs li > a[href="{href}"]').first.click()
    page.wait_for_url(re.compile(re.escape(article) + "#" + pid + "$"))
    assert urllib.parse.urlsplit(page.url).fragment == pid

    para = page.locator(f"#{pid}")
    expect(para).to_be_in_viewport()
    marked = para.evaluate(
        """el => ({target: el.matches(':target'),
                   bg: getComputedStyle(el).backgroundColor,
                   page: getComputedStyle(document.body).backgroundColor})"""
    )
    assert marked["target"], f"#{pid} is not the :target"
    assert marked["bg"] != marked["page"], f"#{pid} is not highlighted: {marked}"
    expect(para.locator("mark").first).to_be_visible()

    entity = para.locator("a.ent").first
    if not entity.count():
        entity = page.locator('main a[href^="../entities/"]').first
    target = entity.get_attribute("href") or ""
    assert re.fullmatch(r"\.\./entities/[a-z0-9-]+\.html", target), target
    entity.click()
    page.wait_for_url(re.compile(re.escape(target[2:]) + "$"))
    expect(page.locator("h1")).to_be_visible()

    page.locator("header.site nav a", has_text="Timeline").click()
    page.wait_for_url(re.compile(r"/timeline\.html$"))
    expect(page.locator("h1")).to_have_text("Timeline")
    assert page.url.startswith("file://")


# --------------------------------------------------------------------------- the timeline filters

_ENTRIES_JS = """() => [...document.querySelectorAll('li.ms')].map(li => {
  const ids = folder => [...li.querySelectorAll('.meta a')]
    .map(a => (/([^/]+)\\/([a-z0-9-]+)\\.html$/.exec(a.getAttribute('href')) || []).slice(1))
    .filter(m => m[0] === folder).map(m => m[1]);
  return {id: li.id, topics: ids('topics'), entities: ids('entities'), shown: li.checkVisibility()};
})"""
_EMPTY_GROUPS_JS = """() => [...document.querySelectorAll('section.year, section.decade')]
  .filter(s => s.checkVisibility() !== !!s.querySelector('li.ms:not([hidden])')).map(s => s.id || s.getAttribute('aria-labelledby'))"""


def _entries(page: Page) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = page.evaluate(_ENTRIES_JS)
    return entries


def _assert_filtered(page: Page, topic: str, entity: str) -> int:
    entries = _entries(page)
    wrong = [
        e["id"]
        for e in entries
        if e["shown"]
        != ((not topic or topic in e["topics"]) and (not entity or entity in e["entities"]))
    ]
    assert not wrong, f"topic={topic!r} entity={entity!r}: wrongly shown or hidden: {wrong}"
    assert not page.evaluate(_EMPTY_GROUPS_JS), "a year shows without entries, or hides with some"
    n = sum(1 for e in entries if e["shown"])
    count = page.locator("#f-count")
    if topic or entity:
        expect(count).to_have_text(f"{n} of {len(entries)} milestones")
    else:
        expect(count).to_have_text("")
    if n:
        expect(page.locator("#f-empty")).to_be_hidden()
    else:
        expect(page.locator("#f-empty")).to_be_visible()
    return n


@pytest.mark.parametrize("width", WIDTHS)
def test_filters_with_javascript(new_context: Any, served_sub: Server, width: int) -> None:
    page: Page = new_context(viewport={"width": width, "height": 900}).new_page()
    page.goto(served_sub.base + "timeline.html")
    expect(page.locator("#filters")).to_be_visible()
    expect(page.locator("#filters-off")).to_have_count(0)  # the note is for no script
    entries = _entries(page)
    total = len(entries)
    assert total > 5 and all(e["shown"] for e in entries)

    # The topic filed under most often, but not under every entry.
    topics = Counter(t for e in entries for t in e["topics"])
    topic = next(t for t, n in topics.most_common() if n < total)
    page.locator("#f-topic").select_option(topic)
    n_topic = _assert_filtered(page, topic, "")
    assert 0 < n_topic < total

    # An entity of some of those entries: the list narrows further.
    shown = [e for e in _entries(page) if e["shown"]]
    narrowing = Counter(x for e in shown for x in e["entities"])
    entity = next((x for x, n in narrowing.most_common() if n < n_topic), None)
    entity = entity or next(iter(narrowing))
    page.locator("#f-entity").select_option(entity)
    n_both = _assert_filtered(page, topic, entity)
    assert 0 < n_both <= n_topic

    # The choice is in the address, so a reload (or a shared link) keeps it.
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)
    assert query == {"topic": [topic], "entity": [entity]}, page.url
    page.reload()
    expect(page.locator("#f-topic")).to_have_value(topic)
    expect(page.locator("#f-entity")).to_have_value(entity)
    assert _assert_filtered(page, topic, entity) == n_both

    # The entity alone, then a pair no entry has: the empty message shows.
    page.locator("#f-topic").select_option("")
    _assert_filtered(page, "", entity)
    pairs = {(t, x) for e in entries for t in e["topics"] for x in e["entities"]}
    lonely = next(((t, x) for t in topics for x in narrowing if (t, x) not in pairs), None)
    if lonely:
        page.locator("#f-topic").select_option(lonely[0])
        page.locator("#f-entity").select_option(lonely[1])
        assert _assert_filtered(page, *lonely) == 0

    page.locator("#filters button[type=reset]").click()
    expect(page.locator("#f-topic")).to_have_value("")
    page.wait_for_function("() => document.getElementById('f-count').textContent === ''")
    assert _assert_filtered(page, "", "") == total


@pytest.mark.parametrize("width", WIDTHS)
def test_timeline_without_javascript(
    new_context: Any, served_sub: Server, site_root: Path, width: int
) -> None:
    page: Page = new_context(
        java_script_enabled=False, viewport={"width": width, "height": 900}
    ).new_page()
    page.goto(served_sub.base + "timeline.html")
    expect(page.locator("#filters")).to_be_hidden()
    expect(page.locator("#f-empty")).to_be_hidden()
    # what needs a script says so, and where to go instead
    expect(page.locator("#filters-off")).to_be_visible()
    expect(page.locator("#filters-off")).to_contain_text("needs JavaScript")
    expect(page.locator('#filters-off a[href="topics/index.html"]')).to_be_visible()
    in_file = (site_root / "timeline.html").read_text(encoding="utf-8").count('class="ms"')
    entries = _entries(page)
    assert len(entries) == in_file > 0
    hidden = [e["id"] for e in entries if not e["shown"]]
    assert not hidden, f"hidden without JavaScript: {hidden}"


# --------------------------------------------------------------------------- the keyboard alone

KEYBOARD_PAGES = ("timeline.html", "index.html", "articles/{article}")


def _an_article(root: Path) -> str:
    return sorted(p.name for p in (root / "articles").glob("*.html") if p.name != "index.html")[0]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", KEYBOARD_PAGES)
def test_keyboard_reaches_everything(
    new_context: Any, served_sub: Server, site_root: Path, path: str, width: int
) -> None:
    path = path.format(article=_an_article(site_root))
    page: Page = new_context(viewport={"width": width, "height": 900}).new_page()
    page.goto(served_sub.base + path)
    walk = tab_walk(page, path)
    print(
        f"\nkeyboard {path} @{width}: {len(walk.candidates)} links and controls, "
        f"{walk.distinct} reached in {walk.presses} presses"
    )
    assert len(walk.candidates) > 10
    assert not walk.problems, "\n".join(walk.problems)


# --------------------------------------------------------------------------- 320 px wide


def test_no_horizontal_scrolling_at_320(
    new_context: Any, served_sub: Server, site_root: Path
) -> None:
    """Every page (every page type, and the 404 page at a deep missing URL), as it comes
    and with its text zoomed to 200% (WCAG 1.4.4 and 1.4.10: the header's search box,
    the previous and next links, a page's table)."""
    page: Page = new_context(viewport={"width": 320, "height": 640}).new_page()
    paths = [f.relative_to(site_root).as_posix() for f in sorted(site_root.rglob("*.html"))]
    paths.append("no/such/deep/page.html")
    problems = []
    for path in paths:
        page.goto(served_sub.base + path)
        found = horizontal_overflow(page, path)
        page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
        zoomed = horizontal_overflow(page, f"{path} (text at 200%)")
        problems += [p for p in (found, zoomed) if p]
    print(
        f"\n320 px: {len(paths)} pages, as they come and at 200%: {len(problems)} scroll sideways"
    )
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------- printed

_PRINTED_JS = """() => {
  const shown = s => [...document.querySelectorAll(s)].filter(e => e.checkVisibility());
  const after = a => getComputedStyle(a, '::after').content;
  return {
    chrome: shown('header.site nav, header.site form, .skip, .pa, footer.site p:not(.license)')
      .map(e => e.outerHTML.slice(0, 80)),
    paragraphs: shown('.para').length, all: document.querySelectorAll('.para').length,
    title: shown('h1').length, citation: shown('.citation').map(e => e.innerText),
    original: shown('.facts a[rel~="external"]').map(a => [a.innerText, a.getAttribute('href'), after(a)]),
  };
}"""


def test_an_article_prints_its_text_citation_and_source_without_chrome(
    new_context: Any, project_copy: Path
) -> None:
    """Printed, an article is its text, its citation and its source's address, without the
    navigation.  The address of the original printed twice: as the link's text, and again
    after it, as every outside link's address is printed."""
    from conftest import INTERVIEW, cli

    url = "https://news.example.org/en/2025/04/21/aliyev-interview.html"
    meta = project_copy / "content" / "articles" / f"{INTERVIEW}.meta.yaml"
    meta.write_text(meta.read_text(encoding="utf-8") + f"url: {url}\n", encoding="utf-8")
    assert cli("-q", "-o", "out").returncode == 0
    page: Page = new_context().new_page()
    with serve(project_copy / "out", "/") as server:
        page.goto(server.base + f"articles/{INTERVIEW}.html")
        page.emulate_media(media="print")
        printed: dict[str, Any] = page.evaluate(_PRINTED_JS)
        assert page.pdf()[:5] == b"%PDF-"
    assert not printed["chrome"], printed["chrome"]
    assert printed["title"] == 1 and printed["paragraphs"] == printed["all"] > 10
    assert len(printed["citation"]) == 1 and f"articles/{INTERVIEW}.html" in printed["citation"][0]
    assert printed["original"] == [[url, url, "none"]], printed["original"]


def test_a_long_word_in_a_title_wraps_with_text_at_200_percent(
    new_context: Any, project_copy: Path
) -> None:
    """A milestone's title with a long word (a compound, a transliterated name): at 640 px
    with the text at 200%, the entity pages' list of milestones (a grid of date and title)
    kept the word whole and scrolled sideways.  Every page naming the milestone is checked."""
    from conftest import cli, edit

    word = "Diplomatischebeziehungenaufnahmeprotokoll"
    milestones = project_copy / "content" / "milestones.yaml"
    edit(milestones, "title: Diplomatic relations established", f"title: The {word} signed")
    assert cli("-q", "-o", "out").returncode == 0
    out = project_copy / "out"
    paths = [
        f.relative_to(out).as_posix()
        for f in sorted(out.rglob("*.html"))
        if word in f.read_text(encoding="utf-8")
    ]
    assert len(paths) > 5 and any(p.startswith("entities/") for p in paths), paths
    page: Page = new_context(viewport={"width": 640, "height": 700}).new_page()
    problems = []
    with serve(out, "/") as server:
        for path in paths:
            page.goto(server.base + path)
            page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
            problems.append(horizontal_overflow(page, path))
    assert not any(problems), "\n".join(p for p in problems if p)


def test_a_very_long_word_anywhere_makes_no_page_scroll_sideways(
    tmp_path: Path, browser: Browser
) -> None:
    """Hostile review 58: a word of 160 letters (a URL, a chemical name, a German compound)
    in the site's title, a menu label, a milestone's title, a table's cell or code span, or
    an indented code block made every page scroll sideways at 320 px: the header's brand and
    menu (flex items) and table cells are as wide as their longest word where words break
    only when nothing else can (``overflow-wrap: break-word``); ``anywhere`` lets them
    shrink; a code block scrolls within itself."""
    from conftest import CONTENT, TEMPLATES, cli

    shutil.copytree(CONTENT, tmp_path / "content")
    shutil.copytree(TEMPLATES, tmp_path / "templates")
    word = "Supercalifragilistic" * 8
    content = tmp_path / "content"
    about = content / "pages/about.md"
    text = about.read_text(encoding="utf-8").replace("menu: About", f"menu: About{word[:60]}")
    at = text.index("---", 3) + 4
    body = f"\nA {word} word.\n\n| a | b |\n|---|---|\n| {word} | `{word}` |\n\n    {word}\n\n"
    about.write_text(text[:at] + body + text[at:], encoding="utf-8")
    site = content / "site.yaml"
    site.write_text(
        site.read_text(encoding="utf-8").replace("title: ", f"title: {word} ", 1), encoding="utf-8"
    )
    milestones = content / "milestones.yaml"
    milestones.write_text(
        milestones.read_text(encoding="utf-8").replace("  title: ", f"  title: {word} ", 1),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = cli(
        "build",
        "-q",
        "--content",
        str(content),
        "--templates",
        str(tmp_path / "templates"),
        "-o",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    context = browser.new_context(viewport={"width": 320, "height": 640})
    problems = []
    try:
        page = context.new_page()
        for path in ("about.html", "index.html", "timeline.html", "years/1992.html"):
            page.goto((out / path).as_uri())
            found = horizontal_overflow(page, path)
            if found:
                problems.append(found)
    finally:
        context.close()
    assert not problems, "\n".join(problems)


_BROKEN_WORDS = """() => {
  const broken = [];
  for (const el of document.querySelectorAll('form label, form button, .filters span')) {
    if (!el.offsetParent || el.closest('.vh')) continue;  // hidden, or for screen readers only
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.data.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (lines.size > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
}"""


@pytest.mark.parametrize("width", (320, 768, 1100))
def test_no_form_label_breaks_inside_a_word(
    new_context: Any, served_sub: Server, width: int
) -> None:
    """The pages' text may break anywhere (a long word must not make a page scroll sideways),
    but a form's labels sit beside their fields in flexible rows, which squeezed them to a
    letter's width: the timeline's filters read "Topi / c" and "Entit / y" at 1,100 pixels.
    No word of a label or button is broken across lines, at any width."""
    page: Page = new_context(viewport={"width": width, "height": 900}).new_page()
    for path in ("timeline.html", "search.html?q=port"):
        page.goto(served_sub.base + path)
        page.wait_for_load_state("networkidle")
        assert page.locator("form label").count() >= 2, path
        assert page.evaluate(_BROKEN_WORDS) == [], (path, width)
