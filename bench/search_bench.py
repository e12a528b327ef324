"""The search index at scale: Pagefind's time and the index's size for a synthetic archive.

Builds the synthetic archive of ``bench/synthetic.py`` (N articles, one
milestone each) once, then indexes the built site again ``--runs`` times and
prints the median indexing time, the index's size on disk and its files, and
what a first query must download before it can run (Pagefind's script, its
WebAssembly, the entry and metadata files).  It prints figures; it is never a
timed test.

Usage::

    .venv/bin/python bench/search_bench.py --articles 5000
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))

from synthetic import write_content  # noqa: E402

from archive_site.pipeline import Paths, build  # noqa: E402
from archive_site.searchindex import FOLDER, index_site  # noqa: E402


def kib(n: int) -> str:
    return f"{n / 1024:,.0f} KiB"


def sizes(index: Path) -> tuple[int, int, dict[str, int]]:
    files = [p for p in index.rglob("*") if p.is_file()]
    by_folder: dict[str, int] = {}
    for p in files:
        key = p.parent.name if p.parent != index else "(top)"
        by_folder[key] = by_folder.get(key, 0) + p.stat().st_size
    return len(files), sum(p.stat().st_size for p in files), by_folder


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", "-n", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3, help="indexing runs (default 3)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix=f"archive-site-search-{args.articles}-"))
    try:
        content = write_content(work, args.articles)
        t0 = time.perf_counter()
        report = build(Paths(content, ROOT / "templates", work / "dist"))
        total = time.perf_counter() - t0
        site = work / "dist"
        assert report.search is not None
        times = []
        for _ in range(args.runs):
            shutil.rmtree(site / FOLDER)
            t1 = time.perf_counter()
            indexed = index_site(site)
            times.append(time.perf_counter() - t1)
        count, size, folders = sizes(site / FOLDER)
        first = sum(
            p.stat().st_size
            for p in (site / FOLDER).iterdir()
            if p.name in ("pagefind.js", "wasm.en.pagefind", "pagefind-entry.json")
            or p.suffix == ".pf_meta"
        )
        html = sum(1 for _ in site.rglob("*.html"))
        print(
            f"N = {args.articles} articles: {html} HTML pages, {indexed.pages} indexed "
            f"(Pagefind {indexed.version})"
        )
        stage = dict(report.stages)["search index"]
        print(f"  whole build        {total:8.2f} s (its index stage {stage:.2f} s)")
        print(
            f"  index alone        {statistics.median(times):8.2f} s median of {args.runs} "
            f"({', '.join(f'{t:.2f}' for t in times)})"
        )
        print(f"  index on disk      {kib(size):>10} in {count} files")
        for name, n in sorted(folders.items()):
            print(f"    {name:<16} {kib(n):>10}")
        print(f"  before any query   {kib(first):>10} (script, WebAssembly, entry, metadata)")
    finally:
        if args.keep:
            print(f"  kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
