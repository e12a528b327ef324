"""Pages that stay small: a generated archive large enough to split every list.

The limits of :mod:`archive_site.render.paging` are lowered so that a small
generated archive (bench/synthetic.py) splits the timeline by year, the
article index by year, and entity, topic and year pages into several pages;
then every link and fragment is resolved, and every record is shown on
exactly one page of each list it belongs to.
"""

from __future__ import annotations

import itertools
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from html import escape as html_escape
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import PAGED_BASE_URL, PAGED_N, PAGED_NOTES, ROOT, TEMPLATES
from htmlscan import Scan, broken_links, resolve, scan_file

N, BASE_URL = PAGED_N, PAGED_BASE_URL


@pytest.fixture(scope="module")
def scans(paged_site: Path) -> dict[Path, Scan]:
    return {p.resolve(): scan_file(p) for p in paged_site.rglob("*.html")}


def test_every_list_is_split(paged_site: Path) -> None:
    for pattern in (
        "timeline/*.html",
        "timeline/*/2.html",
        "articles/by-year/*.html",
        "entities/*/2.html",
        "topics/*/2.html",
        "years/*/2.html",
        "entities/by-type/*.html",
        "entities/by-type/*/2.html",
        "topics/index/2.html",
        "pages/index/2.html",
        "timeline/1900-1999.html",
        "years/2000-2099.html",
    ):
        assert list(paged_site.glob(pattern)), pattern


def _listed(pages: list[Path], pattern: str) -> Counter[str]:
    """How often each link matching ``pattern`` (one group: the record's id) appears in the
    lists (the ``<main>``) of ``pages``."""
    found: Counter[str] = Counter()
    for page in pages:
        main = page.read_text(encoding="utf-8").partition("<main")[2].partition("</main>")[0]
        found.update(re.findall(pattern, main))
    return found


def _pages_of(paged_site: Path, first: str) -> list[Path]:
    """The pages of the list that starts at ``first``: it, then ``first``'s stem/N.html."""
    more = sorted(
        (paged_site / first.removesuffix(".html")).glob("*.html"), key=lambda p: int(p.stem)
    )
    return [paged_site / first, *more]


def test_the_entity_index_splits_by_type_and_lists_each_entity_once(paged_site: Path) -> None:
    entities = json.loads((paged_site / "data/entities.json").read_text("utf-8"))
    by_type: dict[str, set[str]] = {}
    for e in entities:
        by_type.setdefault(e["type"], set()).add(e["id"])
    link = r'<li><a href="(?:\.\./)*(?:entities/)?(entity-\d+)\.html"'
    for type_, ids in by_type.items():
        pages = _pages_of(paged_site, f"entities/by-type/{type_}.html")
        assert len(pages) == -(-len(ids) // 4)  # NAMES_PER_PAGE
        listed = _listed(pages, link)
        assert set(listed) == ids and set(listed.values()) == {1}, type_
    # The first page: the three most cited of each type, a link to each type's full list.
    first = (paged_site / "entities/index.html").read_text(encoding="utf-8")
    shown = _listed([paged_site / "entities/index.html"], link)
    assert len(shown) == 3 * len(by_type) and set(shown.values()) == {1}
    for type_ in by_type:
        assert f'href="by-type/{type_}.html"' in first


def test_the_topic_index_lists_each_topic_once(paged_site: Path) -> None:
    topics = [t["id"] for t in json.loads((paged_site / "data/topics.json").read_text("utf-8"))]
    pages = _pages_of(paged_site, "topics/index.html")
    assert len(pages) == -(-len(topics) // 7)  # PER_PAGE
    listed = _listed(pages, r'<h2><a href="(?:\.\./)*(?:topics/)?([a-z0-9-]+)\.html"')
    assert list(listed) == topics and set(listed.values()) == {1}


def test_the_menu_names_a_few_pages_and_the_page_index_lists_them_all(paged_site: Path) -> None:
    """Every page's navigation named every hand-written page: past MENU_PAGES (3 here) it
    names the first and links the page index, whose pages list each page once."""
    ids = ["about", *sorted(f"note-{n}" for n in range(1, PAGED_NOTES + 1))]
    named = ids[:3]
    site_nav = re.compile(r'<nav aria-label="Site">(.*?)</nav>', re.S)
    builtin = ["Timeline", "Articles", "Entities", "Topics", "Years"]
    labels = [*builtin, "About", "Note 1", "Note 2", "Pages"]
    for path in [paged_site / "index.html", *paged_site.glob("*/*.html")][:40]:
        nav = site_nav.findall(path.read_text(encoding="utf-8"))[0]
        assert re.findall(r">([^<]+)</a>", nav) == labels, path
        assert re.search(r'href="(?:\.\./)*(?:pages/)?index\.html"[^>]*>Pages<', nav), path
    pages = _pages_of(paged_site, "pages/index.html")
    assert len(pages) == 2  # PER_PAGE 7
    listed = _listed(pages, r'<h2><a href="\.\./(?:\.\./)?([a-z0-9-]+)\.html"')
    assert list(listed) == ids and set(listed.values()) == {1}
    home = (paged_site / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<p><a href="([a-z0-9-]+)\.html">', home) == named
    assert '<a href="pages/index.html">All pages</a>: 10 pages written' in home


def test_the_home_page_lists_a_few_topics_and_links_the_topic_index(paged_site: Path) -> None:
    """The home page listed every topic: past HOME_TOPICS (12 here) the first, in order,
    and a link to the topic index."""
    topics = json.loads((paged_site / "data/topics.json").read_text(encoding="utf-8"))
    assert len(topics) > 12
    home = (paged_site / "index.html").read_text(encoding="utf-8").split('id="h-more"')[1]
    listed = re.findall(r'<li><a href="topics/([a-z0-9-]+)\.html">', home)
    assert listed == [t["id"] for t in topics[:12]]
    assert f'<p><a href="topics/index.html">All {len(topics)} topics</a></p>' in home


def test_no_link_or_fragment_is_broken(paged_site: Path, scans: dict[Path, Scan]) -> None:
    broken, checked = broken_links(paged_site.resolve(), scans, urlsplit(BASE_URL).path)
    assert broken == []
    assert checked > 10 * N


def _entries(scans: dict[Path, Scan], root: Path, folder: str) -> Counter[str]:
    """How often each milestone's entry appears on the pages under ``folder``."""
    ids: Counter[str] = Counter()
    for page, scan in scans.items():
        if page.relative_to(root).as_posix().startswith(folder):
            ids.update(i for i in scan.ids if re.fullmatch(r"m-m\d+", i))
    return ids


def _withdrawn(paged_site: Path) -> set[str]:
    """The ids of the paged archive's withdrawn milestones (see conftest._withdrawn)."""
    data = json.loads((paged_site / "data/milestones.json").read_text("utf-8"))
    return {m["id"] for m in data if "withdrawn" in m}


def test_each_milestone_is_on_one_timeline_page(paged_site: Path, scans: dict[Path, Scan]) -> None:
    entries = _entries(scans, paged_site.resolve(), "timeline/")
    withdrawn = _withdrawn(paged_site)  # (on no timeline page: see conftest._withdrawn)
    assert len(withdrawn) == 1 and not withdrawn & {e.removeprefix("m-") for e in entries}
    assert len(entries) == N - len(withdrawn) and set(entries.values()) == {1}
    # The milestone pages link to the timeline page that holds their entry (checked above).
    first = (paged_site / "timeline.html").read_text(encoding="utf-8")
    assert 'class="decade"' in first and 'class="overview"' in first
    assert 'class="ms"' not in first


def test_each_article_is_on_one_page_of_its_year(paged_site: Path, scans: dict[Path, Scan]) -> None:
    root = paged_site.resolve()
    seen: Counter[str] = Counter()
    for page, scan in scans.items():
        if page.relative_to(root).as_posix().startswith("articles/by-year/"):
            for _, href in scan.links:
                target = resolve(root, page, href)
                if target and re.fullmatch(r"a\d{5}[-a-z]*\.html", target[0].name):
                    seen[target[0].name] += 1
    assert len(seen) == N + 1 and set(seen.values()) == {
        1
    }  # and the later capture (see _recaptured)


def test_entity_pages_together_list_every_milestone(paged_site: Path) -> None:
    per_entity: dict[str, set[str]] = {}
    for page in paged_site.glob("entities/entity-*.html"):
        eid = page.stem
        pages = [page, *sorted((paged_site / "entities" / eid).glob("*.html"))]
        found: list[str] = []
        for p in pages:
            found += re.findall(
                r'href="[./]*milestones/(m\d+(?:-again-\d+)?)\.html"', p.read_text("utf-8")
            )
        assert len(found) == len(set(found)), eid  # no milestone on two pages
        per_entity[eid] = set(found)
    expected: dict[str, set[str]] = {eid: set() for eid in per_entity}
    for m in json.loads((paged_site / "data/milestones.json").read_text("utf-8")):
        for eid in m["entities"] if "withdrawn" not in m else ():  # (in no list)
            expected[eid].add(m["id"])
    assert per_entity == expected


def test_a_later_page_shows_no_list_it_holds_nothing_of(paged_site: Path) -> None:
    """An entity's or a topic's lists are split together, a page holding a part of each;
    past the end of the shorter, its later pages showed its heading over an empty list
    ("Milestones", then nothing).  A page shows the lists it holds some of; the first
    page shows each (saying when one is empty, as before)."""
    pages = [
        *paged_site.glob("entities/entity-*/*.html"),
        *paged_site.glob("topics/topic-*/*.html"),
    ]
    assert len(pages) > 10
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"<(ol|ul)( [^>]*)?>\s*</\1>", html), page
        assert "<section " in html, page  # (some list's part: why the page is there)
    for page in paged_site.glob("entities/entity-*.html"):  # first pages
        html = page.read_text(encoding="utf-8")
        assert 'id="h-ms"' in html and 'id="h-men"' in html, page


def test_feed_holds_the_latest_entries_and_sitemap_every_page(paged_site: Path) -> None:
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ET.parse(paged_site / "feed.xml").getroot()
    assert len(feed.findall("a:entry", ns)) == 9
    sm = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    index = ET.parse(paged_site / "sitemap.xml").getroot()
    assert index.tag == f"{sm}sitemapindex"  # (past SITEMAP_URLS pages, 100 here)
    parts = [loc.text or "" for loc in index.iter(f"{sm}loc")]
    assert parts == [f"{BASE_URL}sitemaps/{n}.xml" for n in range(1, len(parts) + 1)]
    listed: list[str] = []
    for part in parts:
        urlset = ET.parse(paged_site / part.removeprefix(BASE_URL)).getroot()
        assert urlset.tag == f"{sm}urlset"
        locs = [loc.text.removeprefix(BASE_URL) for loc in urlset.iter(f"{sm}loc") if loc.text]
        assert 0 < len(locs) <= 100
        listed += locs
    assert len(listed) == len(set(listed)) > 100 * (len(parts) - 1)
    pages = {
        p.relative_to(paged_site).as_posix().removesuffix("index.html")
        for p in paged_site.rglob("*.html")
    }
    # 404, the search page (reached by the search form, not a link) and the pages at former
    # ids (which send the reader on) are no pages to index
    moved = {p for p in pages if p.rpartition("/")[2].startswith("formerly-")}
    assert len(moved) == 5, moved  # an entity's, a topic's, a milestone's, an article's, a page's
    assert pages - set(listed) == {"404.html", "search.html", *moved}


def test_every_page_is_reached_from_the_home_page(
    paged_site: Path, scans: dict[Path, Scan]
) -> None:
    root = paged_site.resolve()
    seen = {root / "index.html"}
    todo = [root / "index.html"]
    while todo:
        page = todo.pop()
        for _, url in scans[page].links:
            target = resolve(root, page, url, urlsplit(BASE_URL).path)
            if target and target[0] in scans and target[0] not in seen:
                seen.add(target[0])
                todo.append(target[0])
    # a page at a former id is linked from nowhere: it is there for old links from elsewhere
    moved = {p for p in scans if p.name.startswith("formerly-")}
    assert set(scans) - seen <= {root / "404.html", root / "search.html", *moved}


@pytest.mark.parametrize("extra", [0, 1])
def test_no_page_passes_250_kb_where_the_timeline_is_one_page_or_splits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extra: int
) -> None:
    """With the real limits, at the largest archive whose timeline is one page and the
    smallest whose timeline splits: the one page holds no more than a year's page."""
    from archive_site.pipeline import Paths, build
    from archive_site.render import paging

    monkeypatch.syspath_prepend(str(ROOT / "bench"))
    from synthetic import write_content

    n = paging.TIMELINE_ONE_PAGE + extra  # one milestone per article
    out = tmp_path / "dist"
    build(Paths(write_content(tmp_path, n), TEMPLATES, out), base_url=BASE_URL, search=False)
    sizes = {p.relative_to(out).as_posix(): p.stat().st_size for p in out.rglob("*.html")}
    assert max(sizes.values()) <= 250 * 1024, max(sizes.items(), key=lambda item: item[1])
    assert (out / "timeline").is_dir() == bool(extra)
    assert len(json.loads((out / "data/milestones.json").read_text(encoding="utf-8"))) == n


def test_a_page_has_one_next_and_one_previous_page(paged_site: Path) -> None:
    """A topic's or a year's second page linked rel="next" both to its third page and to
    the next topic: the sequence of topics or years carries them only where the page is no
    part of a split list."""
    split = 0
    for path in paged_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert html.count('rel="next"') <= 1 and html.count('rel="prev"') <= 1, path
        split += 'aria-current="page"' in html and 'aria-label="Topics"' in html
    assert split  # split topic pages were looked at
    one_page = (paged_site / "topics").glob("*.html")
    assert any('rel="next"' in p.read_text(encoding="utf-8") for p in one_page)


def test_a_page_of_a_list_holds_its_part_and_counts_the_whole() -> None:
    from archive_site.render.paging import Pager, Window, windowed

    items = list(range(10))
    pager = Pager("x.html", 2, 4, 3)
    window = windowed(pager, items)
    assert isinstance(window, Window) and len(window) == 10 and bool(window)
    assert list(pager.slice(window)) == [3, 4, 5] == list(window)
    assert window[4] == 4 and window[-6] == 4 and list(window[0:5]) == [3, 4]
    with pytest.raises(IndexError):
        window[0]
    assert windowed(Pager("x.html", 1, 1, 3), items) is items  # a list's only page: whole


def test_an_edit_renders_only_the_pages_of_a_list_that_show_what_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every page of an entity's list held the whole list: an edit to one article rendered
    all the pages of every entity it mentions (at 10,000 articles, 52 of an edit's 96)."""
    sys.path.insert(0, str(ROOT / "bench"))
    from synthetic import edit_one_article, write_content

    from archive_site.pipeline import Paths, build
    from archive_site.render import paging

    monkeypatch.delenv("ARCHIVE_SITE_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(paging, "PER_PAGE", 3)
    content = write_content(tmp_path, 40)
    paths = Paths(content, TEMPLATES, tmp_path / "dist")
    first = build(paths, search=False, jobs=1)
    edited = edit_one_article(content, 40).name.partition(".")[0]
    again = build(paths, search=False, jobs=1)
    pages = set((tmp_path / "dist").rglob("*.html"))
    rendered = {p for p in pages if p.relative_to(tmp_path / "dist").as_posix() not in again.reused}
    entity_pages = [
        p for p in pages if p.parent.name.startswith("entity-") or p.name.startswith("entity-")
    ]
    shown_in = [
        p for p in entity_pages if f"articles/{edited}.html" in p.read_text(encoding="utf-8")
    ]
    assert first.reused == frozenset() and shown_in
    assert {p for p in entity_pages if p in rendered} == set(shown_in)


def test_a_passage_quoted_by_many_milestones_keeps_its_page_small(paged_site: Path) -> None:
    """One passage quoted by 2,000 milestones made its article's page a megabyte: a marker
    for each quote, each listed under the paragraph and again under "Milestones citing".
    Now the quotes ending at one place share a marker linking to the paragraph's list, which
    shows the first few and says how many more, and so does the section (the limits are
    lowered here: render.paging.MARKS_APART 2, CITES_LISTED 3, CITED_LISTED 4)."""
    from conftest import PAGED_QUOTED_AGAIN

    quoting = PAGED_QUOTED_AGAIN + 2  # the first milestone, its copies, and "wide"
    page = next(
        p for p in (paged_site / "articles").glob("*.html") if "-again-1.html" in p.read_text()
    )
    html = page.read_text(encoding="utf-8")
    marks = re.findall(
        r'<a class="cite" href="([^"]+)" title="([^"]+)"[^>]*><sup>([^<]+)</sup>', html
    )
    grouped = [m for m in marks if "–" in m[2]]
    assert len(grouped) == 1, marks
    href, title, label = grouped[0]
    assert title == f"{quoting} milestones quote this passage"
    assert re.fullmatch(r"\[(\d+)\]–\[(\d+)\]", label)
    first, last = map(int, re.findall(r"\d+", label))
    assert last - first + 1 == quoting
    listed = re.search(rf'<ol class="cites" id="{href[1:]}">(.*?)</ol>', html, re.S)
    assert listed is not None and listed[1].count("<li") == 3
    assert f"And {quoting - 3} more milestones:" in html
    section = html.split('id="h-cited"')[1]
    assert f"The first 4 of {quoting}" in section
    assert section.split('<ol class="mini">')[1].split("</ol>")[0].count("<li") == 4


@pytest.mark.parametrize(
    ("years", "step", "bars"),
    [(range(1990, 2026), 1, 36), (range(0, 2026, 1), 100, 21), (range(1, 2000, 3), 10, 200)],
)
def test_the_overview_of_a_long_span_draws_a_bar_per_decade_or_century(
    years: range, step: int, bars: int
) -> None:
    """A history over 2,000 years drew a bar per year: 222 KB of picture on the home page
    and again on the timeline's.  Past 200 years with milestones, a bar stands for a decade,
    then a century, and links to the first year of its that has any."""
    from archive_site.render.svg import overview_by_year, years_per_bar

    counts = {y: 1 + y % 3 for y in years}
    assert years_per_bar(counts) == step
    svg = str(overview_by_year(counts, lambda y: f"timeline/{y}.html", label="L"))
    titles = re.findall(r"<title>([^<]*)</title>", svg)
    assert len(titles) == bars
    assert sum(int(t.split(": ")[1].split()[0]) for t in titles) == sum(counts.values())
    first = min(counts)
    assert f'href="timeline/{first}.html"' in svg
    if step > 1:
        start = first // step * step  # (a bar's years start at 1: there is no year 0)
        assert titles[0] == f"{max(start, 1)}–{start + step - 1}: " + (
            f"{sum(n for y, n in counts.items() if y // step == first // step)} milestones"
        )
    assert len(svg) < 80_000  # (200 bars at most)


def _build_with_a_milestone_a_year(project: Path, years: range, date: str = "{y}") -> None:
    """Build ``project`` (the working folder) with one milestone more in each of ``years``,
    dated ``date`` with the year for ``{y}``."""
    from conftest import cli

    extra = "".join(
        f'\n- id: year-{y}\n  date: "{date.format(y=y)}"\n  title: In the year {y}\n  summary: A year.\n'
        "  date_note: The archivist's own reading.\n  topics: [diplomacy]\n  sources:\n"
        "    - article: 2025-04-21-aliyev-xinhua-interview\n"
        "      quote: since the establishment of diplomatic relations on April 2, 1992\n"
        for y in years
    )
    milestones = project / "content/milestones.yaml"
    milestones.write_text(milestones.read_text(encoding="utf-8") + extra, encoding="utf-8")
    built = cli("build", "-q")
    assert built.returncode == 0, built.stderr


def test_the_home_page_glances_at_the_latest_hundred_years(project_copy: Path) -> None:
    """The home page listed every year with milestones, three of each: 233 KB for 1,244
    years.  It shows the latest hundred, and says so."""

    _build_with_a_milestone_a_year(project_copy, range(1700, 1850))
    home = (project_copy / "dist/index.html").read_text(encoding="utf-8")
    glance = home.split('<ol class="glance">')[1].split("</ol>")[0]
    years = re.findall(r'<a class="y" href="years/(\d+)\.html">', glance)
    assert len(years) == 100 and years[-1] == "2025"
    said = re.search(r"The latest 100 of the (\d+) years with milestones", home)
    assert said is not None and int(said[1]) >= 150  # (and the seed's)


def test_the_home_page_names_the_states_of_the_latest_hundred_years(project_copy: Path) -> None:
    """The home page named every year with states ("1 state by 2019, 8 states by 2025"): a
    state a year over two thousand years would be 160 KB of it.  It names the latest
    hundred, says so, and links the years index."""
    _build_with_a_milestone_a_year(project_copy, range(1700, 1850), date="[..{y}]")
    home = (project_copy / "dist/index.html").read_text(encoding="utf-8")
    line = home.split("Not events but states")[1].split("</p>")[0]
    years = re.findall(r'href="years/(\d+)\.html#h-states">\d+ states? by \1<', line)
    assert len(years) == 100 and years[-1] == "2025" and years[0] == "1752"
    assert "(the latest 100 of the 152 years with states; " in line
    assert '<a href="years/index.html">the years</a> have them all)' in line


def test_counts_of_thousands_are_written_with_separators(project_copy: Path) -> None:
    """Counts were written bare ("10000 archived sources", "2208 mentions") beside the
    capture's size written "6,423 bytes".  Every count now has its thousands parted."""
    _build_with_a_milestone_a_year(project_copy, range(1001, 2001))
    dist = project_copy / "dist"
    seed = len(re.findall(r"(?m)^- id: ", (ROOT / "content/milestones.yaml").read_text("utf-8")))
    total = f"{seed + 1000:,}"
    home = (dist / "index.html").read_text(encoding="utf-8")
    assert f"<strong>{total}</strong> <a" in home
    assert f"{total} milestones." in home  # the footer
    timeline = (dist / "timeline.html").read_text(encoding="utf-8")
    assert f"{total} milestones of " in timeline
    years = (dist / "years/index.html").read_text(encoding="utf-8")
    assert re.search(r"\b\d{4} milestones\b", home + timeline + years) is None


def test_too_many_years_for_a_page_are_listed_by_century(project_copy: Path) -> None:
    """The timeline's first page and the years index listed every year: over the years 1 to
    2025, 204 KB and 160 KB.  Past 200 years, each lists the centuries, and each century
    has a page listing its years; every year is listed on one of them, and the links
    between them (a year page's back to its century's list) all lead somewhere."""
    _build_with_a_milestone_a_year(project_copy, range(1700, 1950))
    out = project_copy / "dist"
    timeline = (out / "timeline.html").read_text(encoding="utf-8")
    spans = ["1700-1799", "1800-1899", "1900-1999", "2000-2099"]
    assert re.findall(r'href="timeline/(\d+-\d+)\.html"', timeline) == spans
    assert "1800–1899</a> <small>(100 milestones in 100 years)</small>" in timeline
    assert 'id="y1750"' not in timeline and len(timeline.split("</figure>")[1]) < 3_000
    index = (out / "years/index.html").read_text(encoding="utf-8")
    assert re.findall(r'href="(\d+-\d+)\.html"', index) == spans
    listed: Counter[str] = Counter()
    indexed: Counter[str] = Counter()
    for span in spans:
        page = (out / f"timeline/{span}.html").read_text(encoding="utf-8")
        years = re.findall(r'<li id="y(\d+)"><a href="(\d+)\.html">', page)
        assert all(a == b for a, b in years) and years
        first, last = map(int, span.split("-"))
        assert all(first <= int(y) <= last for y, _ in years)
        listed.update(y for y, _ in years)
        on_years = (out / f"years/{span}.html").read_text(encoding="utf-8")
        indexed.update(re.findall(r'<h2><a href="(\d+)\.html">', on_years))
    assert set(listed) == {p.stem for p in (out / "timeline").glob("*.html") if p.stem.isdigit()}
    on_pages = {p.stem for p in (out / "years").glob("*.html") if p.stem.isdigit()}
    assert set(indexed) == on_pages >= set(listed)
    assert max(listed.values()) == max(indexed.values()) == 1
    year_page = (out / "timeline/1750.html").read_text(encoding="utf-8")
    assert '<a href="1700-1799.html#y1750">Timeline</a>' in year_page
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert all(f"timeline/{s}.html" in sitemap and f"years/{s}.html" in sitemap for s in spans)
    scans = {p.resolve(): scan_file(p) for p in out.rglob("*.html")}
    base = urlsplit("https://example.github.io/archive-site/").path  # content/site.yaml's
    assert broken_links(out.resolve(), scans, base)[0] == []


def test_a_century_starts_at_year_1_and_a_list_of_few_years_has_none() -> None:
    from archive_site.render.paging import YEARS_LISTED, Century, by_century, century

    assert (century(1), century(99), century(100)) == (
        Century(1, 99),
        Century(1, 99),
        Century(100, 199),
    )
    assert century(9998) == Century(9900, 9999)
    assert by_century(range(1, YEARS_LISTED + 1)) == {}
    grouped = by_century([*range(1, YEARS_LISTED + 1), 5000, 5000])
    assert list(grouped) == [
        Century(1, 99),
        Century(100, 199),
        Century(200, 299),
        Century(5000, 5099),
    ]
    assert grouped[Century(5000, 5099)] == [5000]


def test_a_milestone_of_many_sources_keeps_the_lists_and_its_articles_small(
    paged_site: Path,
) -> None:
    """A milestone quoting 500 articles made each list it is on 150 KB bigger (all its
    quotes in its entry), and each of its articles listed the 499 others as related.  An
    entry shows its first 4 sources and links to the milestone's pages, which show them
    all; an article lists its first related ones and says how many more (the limit is
    lowered here: render.paging.RELATED_LISTED 5)."""
    from conftest import PAGED_WIDE

    page = "".join(
        p.read_text(encoding="utf-8") for p in _pages_of(paged_site, "milestones/wide.html")
    )
    assert page.count("<blockquote") == PAGED_WIDE
    timeline = next(
        p for p in paged_site.glob("timeline/2024*.html") if 'id="m-wide"' in p.read_text()
    ).read_text(encoding="utf-8")
    entry = timeline.split('id="m-wide"')[1].split('<li id="')[0]
    assert entry.count("<blockquote") == 4
    assert f"And {PAGED_WIDE - 4} more: " in entry and 'href="../milestones/wide.html"' in entry
    quoted = set(re.findall(r'href="\.\./articles/([^"#]+)\.html#', page))
    assert len(quoted) > 6
    articles = [paged_site / "articles" / f"{stem}.html" for stem in sorted(quoted)]
    for article in articles:
        html = article.read_text(encoding="utf-8")
        related = html.split('id="h-rel"')[1].split("</aside>")[0]
        assert related.count('<a href="') - related.count('href="#h-cited"') == 5
        assert re.search(r"And \d+ more related articles?:", related), article


def test_site_yaml_chooses_the_pages_the_menu_names(project_copy: Path) -> None:
    """``menu:`` in site.yaml names the pages of the navigation, in its order; a page it
    leaves out is on the page index, which the navigation then links."""
    from conftest import cli

    for name in ("method", "sources"):
        text = f"---\ntitle: The {name}\ndescription: On the {name}.\nmenu: {name.title()}\n---\n\nA.\n"
        (project_copy / f"content/pages/{name}.md").write_text(text, encoding="utf-8")
    site = project_copy / "content/site.yaml"
    site.write_text(site.read_text(encoding="utf-8") + "menu: [sources, about]\n", "utf-8")
    built = cli("build", "-q")
    assert built.returncode == 0, built.stderr
    dist = project_copy / "dist"
    for page in ("index.html", "method.html", "pages/index.html", "articles/index.html"):
        html = (dist / page).read_text(encoding="utf-8")
        nav = html.split('<nav aria-label="Site">')[1].split("</nav>")[0]
        labels = re.findall(r">([^<]+)</a>", nav)
        assert labels == [
            "Timeline",
            "Articles",
            "Entities",
            "Topics",
            "Years",
            "Sources",
            "About",
            "Pages",
        ]
    index = (dist / "pages/index.html").read_text(encoding="utf-8")
    assert re.findall(r'<h2><a href="\.\./([a-z]+)\.html"', index) == ["about", "method", "sources"]
    home = (dist / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<p><a href="([a-z]+)\.html">', home) == ["sources", "about"]
    assert "/archive-site/pages/</loc>" in (dist / "sitemap.xml").read_text(encoding="utf-8")


def test_a_milestone_of_many_sources_splits_its_page(paged_site: Path) -> None:
    """A milestone's page showed every source (500: 362 KB, of which 85 KB JSON-LD and 80 KB
    of dependencies).  Past PER_PAGE (7 here) its sources split: each page shows its part,
    its JSON-LD names its part's articles, and the dependencies are each told once, on the
    page quoting their article; only the first page is indexed for search."""
    from conftest import PAGED_WIDE

    pages = _pages_of(paged_site, "milestones/wide.html")
    assert [p.relative_to(paged_site).as_posix() for p in pages] == [
        "milestones/wide.html",
        "milestones/wide/2.html",
    ]
    record = next(
        m
        for m in json.loads((paged_site / "data/milestones.json").read_text(encoding="utf-8"))
        if m["id"] == "wide"
    )
    quoted, told = [], []
    for n, path in enumerate(pages, 1):
        html = path.read_text(encoding="utf-8")
        links = re.findall(
            r'<blockquote>[^<]*</blockquote>\n.*?href="\.\./(?:\.\./)?articles/([^"#]+)\.html#(p\d+)"',
            html,
        )
        assert len(links) == (7 if n == 1 else PAGED_WIDE - 7)
        quoted += links
        ld = json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])
        assert [x["url"].rsplit("/", 1)[1] for x in ld["subjectOf"]] == [
            f"{a}.html" for a, _ in links
        ]
        deps = re.search(r'<p class="how">Not independent: (.*?)\.</p>', html)
        told += deps[1].split("; ") if deps else []
        assert ("data-pagefind-body" in html) == (n == 1)
        assert (f"(page {n}) · " in html.split("</title>")[0]) == (n > 1)
        assert 'aria-label="Pages"' in html
    assert quoted == [(s["article"], s["paragraph"]) for s in record["sources"]]
    assert sorted(told) == sorted(html_escape(d["text"]) for d in record["dependencies"])
    assert told


def test_the_readme_s_page_example_builds_as_a_page(project_copy: Path) -> None:
    """The README's example of a hand-written page, as it is, in place of the About page."""
    from conftest import cli

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (example,) = re.findall(r"```md\n(.*?)```", readme, re.S)
    (project_copy / "content/pages/about.md").write_text(example, encoding="utf-8")
    built = cli("build", "-q", "--strict")
    assert built.returncode == 0, built.stderr
    home = (project_copy / "dist/index.html").read_text(encoding="utf-8")
    assert '<li><a href="about.html">About</a></li>' in home
    assert '<p><a href="about.html">About this archive</a>. How the archive was made.</p>' in home


@pytest.mark.parametrize(
    "years", [(1990, 2025), (1, 2025), (1, 9998), (1, 2025, 9998), (1700, 1850)]
)
def test_the_time_axis_labels_a_few_round_years_however_long_the_span(
    years: tuple[int, ...],
) -> None:
    """The axis of the overview picture put a tick and a label every 5 years past a
    dozen: over years 1 to 2025, 405 labels 1.9 pixels apart (50 KB of picture on the home
    page, the timeline and each topic's page); over 9,998 years, 240 KB.  It labels no
    more than AXIS_TICKS round years, far enough apart to be read."""
    from archive_site.render.paging import AXIS_TICKS
    from archive_site.render.svg import overview, overview_by_year
    from records import milestone

    pictures = [
        str(overview_by_year(dict.fromkeys(years, 1), lambda y: f"timeline/{y}.html", label="L")),
        str(
            overview(
                [milestone(f"m{y}", f"{y:04d}") for y in years],
                lambda m: f"milestones/{m.id}.html",
                label="L",
            )
        ),
    ]
    for svg in pictures:
        ticks = re.findall(r'<line class="tick" x1="([0-9.]+)"', svg)
        labels = [float(x) for x in re.findall(r'<text[^>]* x="([0-9.]+)"', svg)]
        assert 2 <= len(ticks) <= AXIS_TICKS + 2
        assert min(b - a for a, b in itertools.pairwise(labels)) >= 25  # pixels of 800
        assert len(svg) < 6_000


def test_the_overview_s_caption_says_what_its_marks_or_bars_are(
    paged_site: Path, project_copy: Path
) -> None:
    """A large archive's overview draws a bar per year (decade, century), as tall as its
    number of milestones; the home page's caption still said "a bar is as long as its date
    is uncertain", and the split timeline's said "a bar for each year" over the marks of an
    archive of 101 to 400 milestones, and over a bar per century."""

    def caption(page: Path) -> str:
        found = re.search(r"<figcaption>(.*?)</figcaption>", page.read_text(encoding="utf-8"))
        assert found is not None
        return found[1]

    bars = "The whole span: a bar for each year, as tall as its number of milestones."
    assert caption(paged_site / "index.html").startswith(bars)
    assert caption(paged_site / "timeline.html") == bars
    _build_with_a_milestone_a_year(project_copy, range(1700, 1850))
    marks = caption(project_copy / "dist/timeline.html")
    assert marks.startswith("The whole span. A dot is a day;"), marks
    assert caption(project_copy / "dist/index.html").startswith("Every milestone on one axis")
