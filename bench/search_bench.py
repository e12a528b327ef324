"""The search index at scale: Pagefind's time and memory, our own share, reuse, and the
index's size for a synthetic archive.

Builds the synthetic archive of ``bench/synthetic.py`` (N articles, one
milestone each) once, then indexes the built site again ``--runs`` times and
prints the median indexing time with Pagefind's CPU time and peak memory (its
own process), the share of the build's own steps (finding and hashing the
pages to index; making the filter files canonical), the time to reuse an
unchanged index instead, the index's size on disk and what a first query must
download before it can run (Pagefind's script, its WebAssembly, the entry and
metadata files).  With ``--first-query WORD`` it also serves the site
gzip-compressed, as GitHub Pages does, and counts in Chromium every byte that
searching for WORD from the home page's search box downloads (this needs the
test tools: Playwright and Chromium).  It prints figures; it is never a timed
test.

Usage::

    .venv/bin/python bench/search_bench.py --articles 1000 [--runs 3] [--first-query WORD]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

from synthetic import write_content  # noqa: E402

from archive_site import searchindex  # noqa: E402
from archive_site.pipeline import Paths, build  # noqa: E402
from archive_site.searchindex import FOLDER, index_site  # noqa: E402

T = TypeVar("T")
SPENT: dict[str, float] = {}


def kib(n: int) -> str:
    return f"{n / 1024:,.0f} KiB"


def timed(name: str, function: Callable[..., T]) -> Callable[..., T]:
    """``function``, adding the CPU time of each call to ``SPENT[name]``."""

    def wrapper(*args: object) -> T:
        t0 = time.process_time()
        try:
            return function(*args)
        finally:
            SPENT[name] = SPENT.get(name, 0.0) + time.process_time() - t0

    return wrapper


def sizes(index: Path) -> tuple[int, int, dict[str, int]]:
    files = [p for p in index.rglob("*") if p.is_file()]
    by_folder: dict[str, int] = {}
    for p in files:
        key = p.parent.name if p.parent != index else "(top)"
        by_folder[key] = by_folder.get(key, 0) + p.stat().st_size
    return len(files), sum(p.stat().st_size for p in files), by_folder


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def first_query(site: Path, word: str) -> tuple[int, int]:
    """Requests and bytes (gzip-encoded, headers included) of a first search for ``word``."""
    from playwright.sync_api import sync_playwright

    from browser.sitecheck import (  # type: ignore[import-not-found]  # tests/, not a package
        CHROMIUM_ARGS,
        chromium,
        first_search,
        serve,
        transferred,
    )

    with serve(site, "/", compress=True) as server, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium(), args=list(CHROMIUM_ARGS))
        sizes: dict[str, int] = transferred(first_search(browser.new_page(), server.base, word))
        browser.close()
    return len(sizes), sum(sizes.values())


def report(args: argparse.Namespace, work: Path) -> None:
    content = write_content(work, args.articles)
    t0 = time.perf_counter()
    built = build(Paths(content, ROOT / "templates", work / "dist"))
    total = time.perf_counter() - t0
    site = work / "dist"
    searchindex._hashed_pages = timed("pages", searchindex._hashed_pages)  # what a build calls
    searchindex.canonical_filters = timed("rewrite", searchindex.canonical_filters)
    times, cpus = [], []
    for _ in range(args.runs):
        shutil.rmtree(site / FOLDER)
        t1, c1 = time.perf_counter(), children_cpu()
        indexed = index_site(site)  # made: nothing reused, nor kept in the cache
        times.append(time.perf_counter() - t1)
        cpus.append(children_cpu() - c1)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    index_site(site, reuse=site)  # recorded, for the reuse below
    again = work / "again"
    shutil.copytree(site, again, ignore=shutil.ignore_patterns(FOLDER), copy_function=_link)
    t2 = time.perf_counter()
    index_site(again, reuse=site)
    reuse = time.perf_counter() - t2
    assert sizes(again / FOLDER)[1] == sizes(site / FOLDER)[1]
    count, size, folders = sizes(site / FOLDER)
    first = sum(  # of every shard: its entry and metadata; Pagefind's code once
        p.stat().st_size
        for p in (site / FOLDER).rglob("*")
        if (p.parent == site / FOLDER and p.name in ("pagefind.js", "wasm.en.pagefind"))
        or p.name == "pagefind-entry.json"
        or p.suffix == ".pf_meta"
    )
    shards = len(list((site / FOLDER).rglob("pagefind-entry.json")))
    html = sum(1 for _ in site.rglob("*.html"))
    print(
        f"N = {args.articles} articles: {html} HTML pages, {indexed.pages} indexed "
        f"(Pagefind {indexed.version}) in {shards} shard(s)"
    )
    print(
        f"  whole build        {total:8.2f} s "
        f"(its index stage {dict(built.stages)['search index']:.2f} s)"
    )
    print(
        f"  index alone        {statistics.median(times):8.2f} s median of {args.runs} "
        f"({', '.join(f'{t:.2f}' for t in times)})"
    )
    print(
        f"    Pagefind CPU     {statistics.median(cpus):8.2f} s (user + system), "
        f"peak {peak:,.0f} MiB"
    )
    print(f"    pages and key    {SPENT['pages'] / (args.runs + 1):8.3f} s CPU a run (ours)")
    print(f"    canonical rewrite{SPENT['rewrite'] / args.runs:8.3f} s CPU a run (ours)")
    print(f"  unchanged: reused  {reuse:8.3f} s")
    print(f"  index on disk      {kib(size):>10} in {count} files")
    for name, n in sorted(folders.items()):
        print(f"    {name:<16} {kib(n):>10}")
    print(
        f"  before any query   {kib(first):>10} "
        "(script, WebAssembly, each shard's entry and metadata; uncompressed)"
    )
    if args.first_query:
        requests, transferred = first_query(site, args.first_query)
        print(
            f"  first query '{args.first_query}' {kib(transferred):>10} in {requests} requests "
            "(gzip as GitHub Pages serves it)"
        )


def _link(src: str, dst: str) -> None:
    Path(dst).hardlink_to(src)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", "-n", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3, help="indexing runs (default 3)")
    parser.add_argument("--first-query", metavar="WORD", help="measure a first search in Chromium")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix=f"archive-site-search-{args.articles}-"))
    os.environ["XDG_CACHE_HOME"] = str(work / "cache")  # a cold build: no bundle kept before
    try:
        report(args, work)
    finally:
        if args.keep:
            print(f"  kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
