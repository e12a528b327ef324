"""Serve's search index: made in the background after the pages are served, swapped in whole.

Pagefind takes about ten milliseconds of CPU per article, seconds on a large
archive, and has no incremental mode.  So serve's builds write the pages alone
(``search=False``), open pages reload as soon as those are live, and then
:class:`Indexer` indexes the live build in a process of its own, into a fresh
folder outside it: the very ``pagefind/`` a build writes
(:func:`~archive_site.searchindex.index_into`).  Only a complete index is
switched in (:meth:`.live.LiveSite.index_done`), and served as the site's
``pagefind/``; until then the previous one is, and the search page says that
the index is being updated (:mod:`.inject`), then reloads.

A newer save supersedes an index under way: the watcher cancels it when it sees
the change (its process group is killed: Pagefind with it), and starts another
for the next live build.  An index made from the same pages as the one served
(the same :func:`~archive_site.searchindex.index_key`: an edit that changes no
indexed page) is not made again; on a large archive, whose index is in shards,
only the shards holding changed pages are: the others are linked from the index
served (its record beside it), as a build links them from the last output, or
from the bundles kept in the user's cache (so a server started again on pages
indexed before has its index at once; not with ``ARCHIVE_SITE_NO_CACHE=1``).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ArchiveError, Diagnostic
from ..searchindex import STAGE, executable, index_key, indexed_pages
from .live import LiveSite
from .worker import PACKAGE

#: Index folders kept: the one served and the one before (a search may still be reading it).
KEEP = 2

_BOOT = """\
import json, os, sys
request = json.loads(sys.argv[1])
sys.path.insert(0, request["path"])
from pathlib import Path
from archive_site.errors import ArchiveError
from archive_site.searchindex import index_into
previous = Path(request["previous"]) if request["previous"] else None
try:
    site, into, jobs = Path(request["site"]), Path(request["into"]), request["jobs"]
    keep = not os.environ.get("ARCHIVE_SITE_NO_CACHE")  # the bundles a build keeps, too
    index_into(site, into, previous=previous, jobs=jobs, keep=keep)
except ArchiveError as exc:
    print("; ".join(d.shown_message for d in exc.diagnostics), file=sys.stderr)
    raise SystemExit(1)
"""


@dataclass(eq=False)
class _Job:
    """One index being made: of the build in ``root``, into ``into``."""

    root: Path
    into: Path
    cancelled: bool = False
    proc: subprocess.Popen[str] | None = None
    thread: threading.Thread | None = field(default=None, repr=False)


class Indexer:
    """Keeps the served search index up to date with the live build, in the background.

    ``folder`` is the indexer's own (the indexes are made in it); ``said`` prints a line
    in the terminal, ``problems`` the problems of an index that could not be made;
    ``jobs``: the Pagefind runs a large archive's shards are indexed by at once (``--jobs``;
    None: one per core).
    """

    def __init__(
        self,
        live: LiveSite,
        folder: Path,
        said: Callable[[str], None],
        problems: Callable[[tuple[Diagnostic, ...]], None],
        jobs: int | None = None,
    ) -> None:
        self.live = live
        self.folder = folder
        self.said = said
        self.problems = problems
        self.jobs = jobs
        self._lock = threading.Lock()
        self._job: _Job | None = None
        self._count = 0
        self._key: str | None = None  # what the served index was made from
        self._made: list[Path] = []  # the indexes made, oldest first

    def start(self, root: Path) -> None:
        """Bring the index up to date with the build in ``root`` (the live one), in the
        background; an index under way is cancelled first."""
        self.cancel()
        self._count += 1
        job = _Job(root, self.folder / f"index-{self._count}")
        job.thread = threading.Thread(
            target=self._run, args=(job,), name="archive-site-index", daemon=True
        )
        with self._lock:
            self._job = job
        job.thread.start()

    def cancel(self) -> None:
        """Stop the index under way, if any (a newer save supersedes it); returns when it
        has stopped and its folder is gone."""
        with self._lock:
            job, self._job = self._job, None
            if job is None:
                return
            job.cancelled = True
            if job.proc is not None and job.proc.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(job.proc.pid, signal.SIGKILL)  # Pagefind with it
        _join(job.thread)

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the index under way (tests, and the end of serve); False on timeout."""
        with self._lock:
            job = self._job
        if job is None or job.thread is None:
            return True
        _join(job.thread, timeout)
        return not job.thread.is_alive()

    def close(self) -> None:
        self.cancel()
        shutil.rmtree(self.folder, ignore_errors=True)

    # --- in the job's thread ---------------------------------------------------------

    def _run(self, job: _Job) -> None:
        t0 = time.perf_counter()
        try:
            key = index_key(indexed_pages(job.root), executable())
        except (OSError, ArchiveError):  # the build was swept away meanwhile, or no Pagefind
            key = None
        if key is not None and key == self._key:
            self._finish(job, None, None)
            return
        failure = self._make(job)
        if failure is None and self._finish(job, job.into, key):
            self.said(f"search index updated in {time.perf_counter() - t0:.2f} s")
            return
        _remove(job.into)
        if failure is not None and self._finish(job, None, None):
            self.problems((Diagnostic("search index", None, failure),))

    def _make(self, job: _Job) -> str | None:
        """Make the index in a process of its own; None when it was made (or cancelled),
        else what went wrong."""
        with self._lock:
            previous = str(self._made[-1]) if self._made else None
        request = self.request(job, previous)
        # any temporary folder it makes in one of the job's own, removed here: a cancelled
        # run is killed, and leaves them behind
        scratch = job.into.with_name(job.into.name + ".tmp")
        with self._lock:
            if job.cancelled:
                return None
            scratch.mkdir(exist_ok=True)
            job.proc = subprocess.Popen(
                [sys.executable, "-B", "-P", "-c", _BOOT, json.dumps(request)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
                errors="replace",
                env={**os.environ, "TMPDIR": str(scratch)},
                start_new_session=True,  # its own process group: cancelling kills Pagefind too
            )
        try:
            _, stderr = job.proc.communicate()
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        if job.cancelled or job.proc.returncode == 0:
            return None
        lines = [ln.strip() for ln in stderr.strip().splitlines() if ln.strip()]
        said = lines[-1] if lines else f"exit status {job.proc.returncode}"
        return f"the search index could not be made (the last one is served): {said}"

    def request(self, job: _Job, previous: str | None) -> dict[str, object]:
        """What the index process is asked to do: index ``job``'s build, linking the
        unchanged shards of the index made in ``previous`` (if any)."""
        return {
            "path": str(PACKAGE.parent),
            "site": str(job.root),
            "into": str(job.into),
            "previous": previous or "",
            "jobs": self.jobs,
        }

    def _finish(self, job: _Job, into: Path | None, key: str | None) -> bool:
        """Swap in ``into`` (None: keep the served index) if ``job`` is still the one wanted."""
        with self._lock:
            if job.cancelled or self._job is not job:
                return False
            self._job = None
            self.live.index_done(into)
            if into is not None:
                self._key = key
                self._made.append(into)
                old, self._made = self._made[:-KEEP], self._made[-KEEP:]
        if into is not None:
            for folder in old:
                _remove(folder)
        return True


def _join(thread: threading.Thread | None, timeout: float | None = None) -> None:
    """Wait for ``thread`` (at most ``timeout`` seconds).  A Ctrl-C may come between a
    job's thread being made and started, or within ``Thread.start``, before the thread is
    marked as started: ``join`` then raises (serve's end exited 70, "cannot join thread
    before it is started").  A thread never started is not waited for (it never runs); one
    started, until it is marked so, a moment at most (its job is cancelled: it stops)."""
    if thread is None:
        return
    deadline = time.monotonic() + 1
    while True:
        try:
            thread.join(timeout)
            return
        except RuntimeError:  # not (yet) marked as started
            if thread.ident is None or time.monotonic() >= deadline:
                return  # never started (it never runs), or waited for long enough
            time.sleep(0.01)


def _remove(index: Path) -> None:
    """An index folder made here, with its stage and its record (see index_into)."""
    shutil.rmtree(index, ignore_errors=True)
    shutil.rmtree(index.with_name(index.name + STAGE), ignore_errors=True)
    index.with_name(index.name + ".json").unlink(missing_ok=True)
