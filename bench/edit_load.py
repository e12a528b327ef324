"""Benchmark: the load stage of a one-article edit build, with the record cache warm, in-process.

It writes a synthetic archive of N articles (see ``synthetic.py``) in a
temporary folder (or uses ``--work DIR``, kept between runs), loads it once to
fill the record cache, then ``--runs`` times: changes one word of one article,
hashes the files as ``check`` does to find its record cache
(``pipeline.record_cache``), and loads and checks the archive as ``build`` does
(``pipeline.check``).  It prints the CPU
time (user + system, of this process) of the fingerprint and of the load, the
load's steps, what came from the cache, and the median; with ``--profile`` the
functions of one more load by cumulative time (cProfile: several times slower
than without).  It prints figures; it is not a test.  Usage::

    python bench/edit_load.py --articles 1000 [--runs 3] [--profile 30]
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import os
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import edit_one_article, write_content

ROOT = Path(__file__).resolve().parent.parent
#: The steps of ``load_archive`` timed on their own.
STEPS = (
    "load_entities",
    "load_articles",
    "load_milestones",
    "check_all_links",
    "compute_evidence",
    "compute_links",
    "quotes_by_speaker",
)


def timed_into(steps: dict[str, float], name: str, f: Callable[..., Any]) -> Callable[..., Any]:
    """``f``, adding the CPU time of each call into ``steps[name]``."""

    @functools.wraps(f)
    def timed(*args: Any, **kwargs: Any) -> Any:
        t0 = time.process_time()
        try:
            return f(*args, **kwargs)
        finally:
            steps[name] = steps.get(name, 0.0) + time.process_time() - t0

    return timed


def run(work: Path, n: int, runs: int, profile: int) -> None:
    os.environ["XDG_CACHE_HOME"] = str(work / "xdg")
    from archive_site import load
    from archive_site.pipeline import Paths, check, record_cache

    steps: dict[str, float] = {}
    for name in STEPS:
        setattr(load, name, timed_into(steps, name, getattr(load, name)))
    content = work / "content"
    if not content.exists():
        write_content(work, n)
    paths = Paths(content, ROOT / "templates", work / "dist")
    os.environ.pop("ARCHIVE_SITE_NO_CACHE", None)

    def one(profiler: cProfile.Profile | None = None) -> tuple[float, float, Any]:
        t0 = time.process_time()
        cache = record_cache(content, base_url=None, strict=False)  # as `check` takes it
        assert cache is not None
        t1 = time.process_time()
        if profiler is not None:
            profiler.enable()
        check(paths, cache=cache)
        if profiler is not None:
            profiler.disable()
        t2 = time.process_time()
        cache.save()
        return t1 - t0, t2 - t1, cache

    one()  # fills the cache
    loads = []
    for r in range(runs):
        edit_one_article(content, n)
        steps.clear()
        fingerprint, loaded, cache = one()
        loads.append(loaded)
        shown = " ".join(f"{k.removeprefix('load_')}={v:.3f}" for k, v in steps.items())
        print(f"run {r + 1}: fingerprint {fingerprint:.3f} s, load {loaded:.3f} s ({shown})")
        print(f"       from the cache: {dict(cache.hits)}; read: {dict(cache.misses)}")
    print(f"N={n}: load stage of an edit build, CPU median {statistics.median(loads):.3f} s")
    if profile:
        edit_one_article(content, n)
        profiler = cProfile.Profile(time.process_time)
        one(profiler)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(profile)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="N (default 1000)")
    parser.add_argument("--runs", type=int, default=3, help="edit builds measured (default 3)")
    parser.add_argument("--profile", type=int, default=0, metavar="LINES", help="cProfile too")
    parser.add_argument("--work", type=Path, help="a folder to keep the archive and cache in")
    args = parser.parse_args(argv)
    if args.work is not None:
        args.work.mkdir(parents=True, exist_ok=True)
        run(args.work, args.articles, args.runs, args.profile)
        return 0
    with tempfile.TemporaryDirectory(prefix="archive-site-edit-load-") as tmp:
        run(Path(tmp), args.articles, args.runs, args.profile)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
