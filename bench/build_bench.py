"""Benchmark: a cold ``python build.py`` of the archive, as a whole process.

Prints, for several runs each (after one warm-up run that is not counted):

* the baseline: a Python process that only imports the four runtime
  libraries (jinja2, markdown, pyyaml, python-slugify);
* ``python build.py`` into a fresh output folder, with the build's caches in
  place (compiled templates, records, the search index's bundles): after
  ``rm -rf dist``;
* the same with only the compiled templates kept (like Python's own ``.pyc``
  files): the records and the search index's bundles removed before each run;
* the same with every cache turned off (``ARCHIVE_SITE_NO_CACHE=1``): the
  first build on a new machine.

Figures are wall-clock seconds of the whole process: min, median, max. Run it
on a quiet machine and quote the medians.  Usage::

    python bench/build_bench.py [--runs N]
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(cmd: Sequence[str], env: dict[str, str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def series(
    label: str,
    cmd: Sequence[str],
    env: dict[str, str],
    cwd: Path,
    runs: int,
    removed: Sequence[Path] = (),
) -> float:
    """Time ``cmd`` ``runs`` times after a warm-up, each after removing ``removed``."""

    def once() -> float:
        for path in removed:
            shutil.rmtree(path, ignore_errors=True)
        return timed(cmd, env, cwd)

    once()  # warm-up: file-system caches, .pyc files
    times = [once() for _ in range(runs)]
    median = statistics.median(times)
    print(f"{label:<44} {min(times):7.3f} {median:7.3f} {max(times):7.3f}")
    return median


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--runs", type=int, default=9, help="counted runs of each command (default 9)"
    )
    args = parser.parse_args(argv)

    # Python caches compiled modules in __pycache__ unless PYTHONDONTWRITEBYTECODE is set, as
    # on some machines; the libraries' bytecode was written by pip, so write the package's too
    # (Python still reads .pyc files under that setting).
    compileall.compile_dir(ROOT / "src", quiet=1)

    with tempfile.TemporaryDirectory(prefix="archive-site-bench-") as tmp:
        out = Path(tmp) / "dist"
        env = dict(os.environ)
        env.pop("ARCHIVE_SITE_NO_CACHE", None)
        env["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")  # a cache of this run's own
        build = [sys.executable, str(ROOT / "build.py"), "-q", "--output", str(out)]
        print(f"{sys.version.split()[0]} on {os.cpu_count()} cores; {args.runs} runs each; seconds")
        print(f"{'':<44} {'min':>7} {'median':>7} {'max':>7}")
        libs = series(
            "import jinja2, markdown, yaml, slugify",
            [sys.executable, "-c", "import jinja2, markdown, yaml, slugify"],
            env,
            ROOT,
            args.runs,
        )
        warm = series("python build.py (caches in place)", build, env, ROOT, args.runs, [out])
        kept = Path(tmp) / "cache" / "archive-site"
        built = [out, kept / "records", kept / "search-bundles", kept / "search"]
        series("python build.py (templates cached only)", build, env, ROOT, args.runs, built)
        cold_env = {**env, "ARCHIVE_SITE_NO_CACHE": "1"}
        series("python build.py (no cache)", build, cold_env, ROOT, args.runs, [out])
        pages = sum(1 for _ in out.rglob("*.html"))
        print(
            f"{pages} pages per build; the build's own work beyond the imports: {warm - libs:.3f} s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
