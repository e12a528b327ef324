"""Search over an index in shards, in a real Chromium: the real archive indexed again with a
low number of pages to a shard (passed in here, as a large archive gets them by its size),
searched side by side with its one index.  Every page stays findable, from every shard;
filters narrow and count as one index does; a date-sorted search is in date order across
the shards (which Pagefind's own merge of sorted results is not)."""

from __future__ import annotations

import html as htmllib
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from archive_site import searchindex

from .sitecheck import Server, serve

pytestmark = [pytest.mark.browser, pytest.mark.tools]

#: Indexed pages to a shard at most on average: the seed's 110 make four shards.
MOST = 30
WORD = "azerbaijan"
SORT = re.compile(rb'data-pagefind-sort="date:([^"]*)"')


@pytest.fixture(scope="module")
def sharded(site_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built archive (its pages linked, not copied) with its index made in shards."""
    root = tmp_path_factory.mktemp("sharded") / "site"
    shutil.copytree(
        site_root, root, ignore=shutil.ignore_patterns("pagefind"), copy_function=os.link
    )
    searchindex.index_site(root, most=MOST)
    return root


@pytest.fixture(scope="module")
def shard_of(sharded: Path) -> dict[str, str]:
    """Each indexed page's shard folder, as the build dealt them."""
    parts = searchindex.shards(searchindex.indexed_pages(sharded), MOST)
    assert len(parts) >= 3, [len(p.pages) for p in parts]
    return {page: part.folder for part in parts for page in part.pages}


@pytest.fixture(scope="module")
def servers(site_root: Path, sharded: Path) -> Iterator[tuple[Server, Server]]:
    with serve(site_root, "/") as one, serve(sharded, "/") as shards:
        yield one, shards


def _all_results(page: Page, url: str) -> list[str]:
    """The result links (headings) of the search at ``url``, every page of them."""
    page.goto(url)
    status = page.locator("#search-status")
    expect(status).to_contain_text(re.compile(r"^(\d+ results?|No results)"))
    said = re.match(r"\d+", status.inner_text())
    total = int(said.group()) if said else 0
    items = page.locator("#search-results > li")
    expect(items).to_have_count(min(total, 10))
    while items.count() < total:
        shown = items.count()
        page.locator("#search-more").click()
        expect(items).to_have_count(min(total, shown + 10))
    expect(page.locator("#search-more")).to_be_hidden()
    heads: list[str] = page.locator("#search-results h2 a").evaluate_all(
        "as => as.map(a => a.getAttribute('href'))"
    )
    return heads


def _counts(page: Page) -> dict[str, list[str]]:
    """The option labels of every filter, with their counts."""
    found: dict[str, list[str]] = page.locator("select[data-filter]").evaluate_all(
        "ss => Object.fromEntries(ss.map(s => [s.name, [...s.options].map(o => o.textContent)]))"
    )
    return found


def _sort_value(root: Path, href: str) -> str:
    found = SORT.findall((root / href).read_bytes())
    assert len(found) == 1, href
    return htmllib.unescape(found[0].decode("utf-8"))


def test_a_sharded_index_finds_what_one_index_finds(
    browser: Browser, servers: tuple[Server, Server], shard_of: dict[str, str], sharded: Path
) -> None:
    one, shards = servers
    page = browser.new_page()
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    for query in (f"q={WORD}", "kind=milestone", f"q={WORD}&kind=article", "topic=transport"):
        expected = _all_results(page, f"{one.base}search.html?{query}")
        expected_counts = _counts(page)
        found = _all_results(page, f"{shards.base}search.html?{query}")
        assert expected, query
        assert sorted(found) == sorted(expected), query
        assert len(found) == len(set(found)), query
        assert _counts(page) == expected_counts, query
        kinds = [int(c.rpartition("(")[2].rstrip(")")) for c in expected_counts["kind"][1:]]
        assert sum(kinds) == len(expected), (query, expected_counts)  # one kind each
    # the words of every shard are found: every page with the word is a result
    everything = _all_results(page, f"{shards.base}search.html?q={WORD}")
    assert {shard_of[h] for h in everything} == set(shard_of.values())
    # merged shards are searched with the first one's WebAssembly alone
    wasm = [u for u in requested if u.startswith(shards.base) and "wasm" in u]
    assert wasm and all(u.startswith(f"{shards.base}pagefind/wasm.") for u in wasm), wasm
    page.close()


@pytest.mark.parametrize("order", ["date-desc", "date-asc"])
def test_a_date_sorted_search_is_in_date_order_across_shards(
    browser: Browser,
    servers: tuple[Server, Server],
    shard_of: dict[str, str],
    sharded: Path,
    order: str,
) -> None:
    one, shards = servers
    page = browser.new_page()
    for query in (f"q={WORD}&sort={order}", f"kind=milestone&sort={order}"):
        expected = _all_results(page, f"{one.base}search.html?{query}")
        found = _all_results(page, f"{shards.base}search.html?{query}")
        expect(page.locator("#search-status")).to_contain_text("in date order")
        assert sorted(found) == sorted(expected), query
        values = [_sort_value(sharded, h) for h in found]
        assert values == sorted(values, reverse=order == "date-desc"), query
        assert values == [_sort_value(sharded, h) for h in expected], query
        assert len({shard_of[h] for h in found}) > 1, query
    page.close()
