"""Benchmark at scale: build a synthetic archive cold, warm, and after a one-article edit.

For each size N it generates an archive of N articles (see ``synthetic.py``)
in a temporary folder and, for each of ``--runs`` rounds, times four builds
of ``python build.py -v``, each a whole process:

* **cold**: no output folder and no build cache: no record cache, no search
  index bundles (compiled templates stay cached, like Python's ``.pyc`` files);
* **warm**: again, nothing changed;
* **edit**: after changing one word of one article;
* **again**: once more, nothing changed since the edit (as **warm**, but after a
  build that replaced an output folder).

The package's code is compiled first, as ``make site`` does (a warm build
would otherwise compile it each time where PYTHONDONTWRITEBYTECODE is set).

It prints the median wall time of each, the time of each stage (as ``-v``
reports it), the peak resident memory of the largest process (and, in brackets,
of the build's own process, which ``-v`` reports: the largest may be a Pagefind
run or a render worker), the most memory all its processes held at once
(``all``: see :class:`Together`), and the pages: how many, their total size,
the largest and how many exceed 250 KB.
With ``--pelican BIN`` (the ``pelican`` program of a virtual environment
that has it) it also times a cold Pelican build of the same articles,
alternating with ours, and gives the ratio of the two cold builds, and of
Pelican's to ours less its search index stage (Pelican makes none).
``--captures wire`` writes the captures as wire copy, so that each build
detects their format and reads their headline and day (the default's plain
captures declare them).  It prints figures; it is not a test.
Usage::

    python bench/scale.py --articles 1000 5000 [--runs 3] [--jobs N] [--pelican BIN] [--each]
        [--captures wire]
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import CAPTURES, edit_one_article, write_content, write_pelican

ROOT = Path(__file__).resolve().parent.parent
STAGE = re.compile(r"^\s+(?P<name>\S.*?)\s+(?P<ms>[\d.]+) ms$")
OWN_PEAK = re.compile(r"^\s+peak memory\s+(?P<mib>\d+) MiB in this process")
KEEP = {"content", "pelican", "xdg"}  # everything else in the work folder is build output
LIMIT = 250 * 1024
TRASH = "trash"  # outputs of earlier runs, deleted when the size is done
SEARCH = "search index"  # the stage (as ``-v`` names it) that Pelican has no peer of
SAMPLE_S = 0.05  # seconds between two looks at the memory of a build's processes


@dataclass(slots=True)
class Run:
    """One timed process."""

    seconds: float
    peak_mib: float
    stages: dict[str, float] = field(default_factory=dict)
    own_mib: float | None = None  # the build's own process, as it says
    together_mib: float = 0.0  # all its processes at once (sampled; see Together)


class Together:
    """The most memory a process and those below it held at once, sampled every
    :data:`SAMPLE_S` while it runs: the sum of each one's proportional set size (a page
    shared by forked processes counted once in all, where the peak resident size of each
    counts it in each).  A peak shorter than a sample may be missed."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak_kib = 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def stop(self) -> float:
        """Stop sampling: the peak in MiB."""
        self._done.set()
        self._thread.join()
        return self.peak_kib / 1024

    def _sample(self) -> None:
        while not self._done.wait(SAMPLE_S):
            self.peak_kib = max(self.peak_kib, sum(map(pss_kib, process_tree(self.pid))))


def process_tree(root: int) -> list[int]:
    """``root`` and the processes below it, from each process's parent in /proc."""
    below: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_bytes()
            except OSError:  # ended since
                continue
            parent = int(stat[stat.rindex(b")") + 2 :].split()[1])
            below.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += below.get(pid, [])
    return found


def pss_kib(pid: int) -> int:
    """The proportional set size of ``pid`` in KiB (0 when it has ended)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def measured(cmd: Sequence[str], cwd: Path, env: dict[str, str]) -> tuple[Run, str]:
    """Run ``cmd``: its wall time, the peak RSS of its largest process, and its output.

    The child is reaped with ``wait4`` so that the memory figure is its own.  The file
    system's dirty pages are written out first (untimed), so that no run pays for the
    writing back of an earlier run's files, or of their deletion.
    """
    os.sync()
    with tempfile.TemporaryFile("w+", encoding="utf-8") as log:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
        together = Together(proc.pid)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        together_mib = together.stop()
        proc.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        text = log.read()
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{text}")
    return Run(seconds, usage.ru_maxrss / 1024, together_mib=together_mib), text


def build_run(cmd: Sequence[str], work: Path, env: dict[str, str]) -> Run:
    run, log = measured(cmd, work, env)
    for line in log.splitlines():
        m = STAGE.match(line)
        if m:
            run.stages[m["name"]] = float(m["ms"]) / 1000
        own = OWN_PEAK.match(line)
        if own:
            run.own_mib = float(own["mib"])
    return run


def clean(work: Path) -> None:
    """Move every build output and cache of ours out of the way (the record cache and the
    search index's bundles too; the compiled templates stay), into the trash folder that
    :func:`bench` deletes at the end.

    They are not deleted between runs: on the machine this was written on (ext4 mounted
    with ``discard``, in a virtual machine), deleting a few hundred megabytes of small files
    slowed the following cold build's writing and indexing by several seconds, more with
    each round (at 5,000 articles: 29.5, 35.5 and 41.6 s in three rounds; moved aside
    instead: 25.9, 26.6 and 26.9 s)."""
    trash = work / TRASH
    trash.mkdir(exist_ok=True)
    moving = [p for p in work.iterdir() if p.name not in KEEP and p.name != TRASH]
    moving += [work / "xdg" / "archive-site" / name for name in ("records", "search-bundles")]
    for p in moving:
        if p.exists() or p.is_symlink():
            p.rename(trash / f"{len(list(trash.iterdir()))}-{p.name}")


def pages(out: Path) -> str:
    sizes = {p: p.stat().st_size for p in out.rglob("*") if p.is_file()}
    html = {p: s for p, s in sizes.items() if p.suffix == ".html"}
    largest = max(html, key=lambda p: html[p])
    over = sum(1 for s in html.values() if s > LIMIT)
    return (
        f"{len(html)} pages, {len(sizes)} files, {sum(sizes.values()) / 2**20:.1f} MiB; "
        f"largest page {largest.relative_to(out)} {html[largest] / 1024:.0f} KiB; "
        f"{over} pages over 250 KB"
    )


def median_line(label: str, runs: Sequence[Run], n: int) -> str:
    secs = statistics.median(r.seconds for r in runs)
    peak = statistics.median(r.peak_mib for r in runs)
    stages = {k for r in runs for k in r.stages}
    parts = [f"{k} {statistics.median(r.stages.get(k, 0.0) for r in runs):.2f}" for k in stages]
    per = f"{secs / n * 1000:6.2f} ms/article" if n else ""
    owns = [r.own_mib for r in runs if r.own_mib is not None]
    own = f" (own {statistics.median(owns):4.0f})" if owns else ""
    together = statistics.median(r.together_mib for r in runs)
    return (
        f"  {label:<8} {secs:8.2f} s  {per}  peak {peak:6.0f} MiB{own} all {together:4.0f}  "
        f"[{', '.join(sorted(parts))}]"
    )


def bench(n: int, args: argparse.Namespace) -> None:
    work = Path(tempfile.mkdtemp(prefix=f"archive-site-scale-{n}-"))
    try:
        content = write_content(work, n, captures=args.captures)
        env = dict(os.environ)
        env.pop("ARCHIVE_SITE_NO_CACHE", None)
        env["XDG_CACHE_HOME"] = str(work / "xdg")
        out = work / "dist"
        cmd = [sys.executable, str(ROOT / "build.py"), "-v", "--content", str(content)]
        cmd += ["--templates", str(ROOT / "templates"), "--output", str(out)]
        if args.jobs is not None:
            cmd += ["--jobs", str(args.jobs)]
        pelican: list[str] | None = None
        if args.pelican:
            proj = write_pelican(work, n)
            pelican = [args.pelican, "content", "-o", str(work / "pelican-out")]
            pelican += ["-s", str(proj / "pelicanconf.py"), "-q"]
        clean(work)
        build_run(cmd, work, env)  # warm-up: file-system caches, compiled templates
        results: dict[str, list[Run]] = {"cold": [], "warm": [], "edit": [], "again": []}
        theirs: list[Run] = []
        for _ in range(args.runs):
            clean(work)
            results["cold"].append(build_run(cmd, work, env))
            results["warm"].append(build_run(cmd, work, env))
            edit_one_article(content, n)
            results["edit"].append(build_run(cmd, work, env))
            results["again"].append(build_run(cmd, work, env))
            if pelican is not None:
                theirs.append(measured(pelican, work / "pelican", env)[0])
        print(f"N = {n}: {pages(out)}")
        for label, runs in results.items():
            print(median_line(label, runs, n))
            if args.each and len(runs) > 1:
                for i, run in enumerate(runs, 1):
                    print(median_line(f" {i}", [run], n))
        if theirs:
            ours = statistics.median(r.seconds for r in results["cold"])
            median = statistics.median(r.seconds for r in theirs)
            print(median_line("pelican", theirs, n))
            print(f"  Pelican cold / archive-site cold: {median / ours:.2f}")
            bare = statistics.median(r.seconds - r.stages.get(SEARCH, 0.0) for r in results["cold"])
            print(f"  Pelican cold / archive-site cold less its {SEARCH}: {median / bare:.2f}")
        sys.stdout.flush()
    finally:
        if args.keep:
            print(f"  kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", "-n", type=int, nargs="+", default=[1000])
    parser.add_argument("--runs", type=int, default=3, help="rounds per size (default 3)")
    parser.add_argument("--jobs", type=int, default=None, help="passed to build --jobs")
    parser.add_argument("--pelican", metavar="BIN", help="a pelican program to compare with")
    parser.add_argument("--each", action="store_true", help="print each round's figures too")
    parser.add_argument("--keep", action="store_true", help="keep the work folders")
    parser.add_argument(
        "--captures",
        choices=CAPTURES,
        default="plain",
        help="the captures: plain text, their metadata giving format, title and day (default), "
        "or wire copy read for them (see synthetic.py)",
    )
    args = parser.parse_args(argv)
    # The package's bytecode, as `make site` writes it: under PYTHONDONTWRITEBYTECODE (set on
    # some machines) every build would otherwise compile its modules again, about 30 ms of
    # a warm build (Python still reads .pyc files under that setting).
    compileall.compile_dir(ROOT / "src", quiet=1)
    print(
        f"Python {sys.version.split()[0]} on {os.cpu_count()} cores; medians of {args.runs}; "
        f"{args.captures} captures"
    )
    for n in args.articles:
        bench(n, args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
