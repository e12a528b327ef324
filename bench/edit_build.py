"""Benchmark: a one-article edit build without its search index, in-process, part by part.

It writes a synthetic archive of N articles (see ``synthetic.py``) in a
temporary folder (or uses ``--work DIR``, kept between runs: its ``content``,
its output ``dist`` and its cache folder ``xdg``), builds it once if it has no
output yet, then ``--runs`` times: changes one word of one article and builds
again as ``serve`` does (``pipeline.build(search=False)``: the record cache and
the previous output's pages used, no search index).  It prints the CPU time
(user + system, of this process and of the workers it waited for) of each
build, what it rendered, and the CPU time of its parts: the fingerprint, the
load, the plan, the page keys, linking the unchanged pages, the data files,
the rest of rendering and writing, keeping the record cache; then the median.
With ``--profile N`` the functions of one more build by cumulative time
(cProfile, with ``--jobs 1``: several times slower than without).  It prints
figures; it is not a test.  Usage::

    python bench/edit_build.py --articles 3000 [--runs 3] [--jobs 1] [--work DIR] [--profile 40]
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from edit_load import timed_into
from synthetic import edit_one_article, write_content

ROOT = Path(__file__).resolve().parent.parent
#: The parts timed on their own: (label, module, attribute path).
PARTS = (
    ("fingerprint", "archive_site.pipeline", "_stamped"),
    ("load", "archive_site.pipeline", "check"),
    ("plan", "archive_site.pipeline", "plan"),
    ("keys", "archive_site.pipeline", "_reuse"),
    ("link unchanged", "archive_site.produce", "Reuse.link_unchanged"),
    ("data files", "archive_site.render.pages", "_data_file"),
    ("render and write", "archive_site.produce", "_make"),
    ("write folder", "archive_site.pipeline", "write_folder"),
    ("keep cache", "archive_site.cache", "RecordCache.save"),
)


def _cpu() -> float:
    """CPU seconds of this process and of its children waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _instrument(spent: dict[str, float]) -> None:
    """Time each of :data:`PARTS` (in this process) into ``spent``."""
    import importlib

    for label, module, attribute in PARTS:
        owner: Any = importlib.import_module(module)
        *outer, name = attribute.split(".")
        for part in outer:
            owner = getattr(owner, part)
        setattr(owner, name, timed_into(spent, label, getattr(owner, name)))


def run(work: Path, n: int, runs: int, jobs: int, profile: int) -> None:
    os.environ["XDG_CACHE_HOME"] = str(work / "xdg")
    os.environ.pop("ARCHIVE_SITE_NO_CACHE", None)
    from archive_site.pipeline import Paths, build

    if not (work / "content").is_dir():
        write_content(work, n)
    paths = Paths(work / "content", ROOT / "templates", work / "dist")
    if not paths.output.is_dir():
        t0 = _cpu()
        build(paths, search=False, jobs=jobs)
        print(f"N = {n}: first build {_cpu() - t0:.2f} s CPU")
    spent: dict[str, float] = {}
    _instrument(spent)
    totals = []
    for _ in range(runs):
        edit_one_article(paths.content, n)
        spent.clear()
        t0 = _cpu()
        report = build(paths, search=False, jobs=jobs)
        totals.append(_cpu() - t0)
        made = report.files - len(report.reused)
        parts = ", ".join(f"{label} {s:.2f}" for label, s in spent.items())
        print(f"  edit {totals[-1]:6.2f} s CPU; {made} of {report.files} files made; [{parts}]")
    print(f"N = {n}: one-article edit without search, median {statistics.median(totals):.2f} s CPU")
    if profile:
        edit_one_article(paths.content, n)
        prof = cProfile.Profile(time.process_time)
        prof.runcall(build, paths, search=False, jobs=1)
        pstats.Stats(prof).sort_stats("cumulative").print_stats(profile)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", "-n", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3, help="edits measured (default 3)")
    parser.add_argument("--jobs", type=int, default=2, help="build processes (default 2)")
    parser.add_argument("--work", type=Path, help="a folder kept between runs")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="cProfile lines")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix=f"archive-site-edit-{args.articles}-"))
    try:
        run(work, args.articles, args.runs, args.jobs, args.profile)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
