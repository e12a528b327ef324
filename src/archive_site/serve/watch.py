"""The watcher: look for changes, build once they settle, switch the live site or show why not.

``content/``, ``templates/`` and the package's own source are polled
(modification times and sizes: no dependencies); a burst of changes is
debounced into one rebuild, and a build that is overtaken by a change is
abandoned and started again with all the changes.  Each build goes into a
fresh folder of a private scratch folder; only a successful one is switched
in, and the few newest are kept (a request may still be reading the one
before).
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn, Protocol

from ..config import base_path_of
from ..errors import Diagnostic, display_path
from ..layout import editor_file
from ..options import BuildOptions, ServeOptions
from .index import Indexer
from .live import LiveSite
from .notify import Notifier, open_notifier
from .worker import PACKAGE, Outcome, Workers

#: The file a running serve holds locked in each of its temporary folders (see
#: :func:`archive_site.serve.remove_left_behind`).
LOCK = ".serve-lock"
#: Builds given up in a row, files changing while they ran, before one is let finish.
MOST_SUPERSEDED = 3
QUIET_SECONDS = 0.15  # a burst of changes is over when nothing changed for this long
MAX_SETTLE_SECONDS = 3.0  # ...or when it has lasted this long (a file that never stops changing)
KEEP_ROOTS = 2  # the live build and the one before (a request may still be reading it)
#: Where inotify tells of changes (:mod:`.notify`), a look is taken when it does, and every
#: this many intervals anyway (a change it misses, on a network file system): a look at
#: 10,000 articles takes 0.1 s, a fifth of a core every half second.
TOLD_INTERVALS = 20

Snapshot = dict[str, tuple[int, int]]


class Printer(Protocol):
    """What serve needs of ``cli.Printer``."""

    def info(self, text: str) -> None: ...

    def say(self, text: str) -> None: ...

    def problems(self, diagnostics: Sequence[Diagnostic], what: str) -> None: ...


def snapshot(folders: Sequence[Path], listed: list[str] | None = None) -> Snapshot:
    """Every file's modification time and size; editors' and Python's droppings left out;
    each folder listed is added to ``listed``.

    Linked folders are not entered; a linked file is looked at through its link.  Taken
    every ``--interval``: one listing per folder and one ``stat`` per file, no path object
    (a third of the time of :func:`os.walk` with one: 0.05 s at 3,000 articles)."""
    seen: Snapshot = {}
    stack = [os.fspath(f) for f in folders]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError:
            continue  # deleted meanwhile, or not a folder
        if listed is not None:
            listed.append(folder)
        for entry in entries:
            name = entry.name
            try:
                if entry.is_dir():
                    if not (entry.is_symlink() or name.startswith(".") or name == "__pycache__"):
                        stack.append(entry.path)
                    continue
                if name.startswith(".") or editor_file(name) or name.endswith((".pyc", ".pyo")):
                    continue
                st = entry.stat()
            except OSError:
                continue  # deleted meanwhile
            seen[entry.path] = (st.st_mtime_ns, st.st_size)
    return seen


def changed_files(before: Snapshot, after: Snapshot) -> list[str]:
    names = {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}
    return sorted(display_path(p) for p in names)


def describe(changed: Sequence[str]) -> str:
    """The changes, for the terminal: all of three, the first two of more."""
    if not changed:
        return "files changed"
    if len(changed) <= 3:
        return ", ".join(changed) + " changed"
    return f"{', '.join(changed[:2])} and {len(changed) - 2} more files changed"


@dataclass
class Watcher:
    options: ServeOptions
    out: Printer
    live: LiveSite
    workers: Workers
    scratch: Path  # every build goes into a folder of its own in here
    url: Callable[[str], str]  # the address a base path is served at
    indexer: Indexer | None = None  # makes the live build's search index (None: no index)
    _count: int = 0
    _roots: list[Path] = field(default_factory=list)
    _warnings: tuple[Diagnostic, ...] = ()
    _superseded: int = 0  # builds given up in a row, files changing while they ran
    _changing: list[str] = field(default_factory=list)  # what changed during the last one
    _notifier: Notifier | None = None  # inotify, while watching (see .notify)

    @property
    def folders(self) -> list[Path]:
        return [self.options.site.content, self.options.site.templates, PACKAGE]

    def first(self) -> Snapshot:
        """The first build (again, until no change overtakes it), reported; what it built."""
        built = snapshot(self.folders)
        outcome = self.build(built)
        while outcome is None:  # superseded by a change during the build
            built = self.settle(snapshot(self.folders))
            outcome = self.build(built)
        self.report(outcome, [], first=True)
        self.index()
        return built

    def watch(self, built: Snapshot) -> NoReturn:
        """Rebuild after every change to what ``built`` saw, until interrupted."""
        shown = ", ".join(f"{display_path(p)}/" for p in self.folders[:-1])
        self.out.info(
            f"Watching {shown} and {display_path(PACKAGE)}/ for changes; "
            "builds go to a temporary folder (the output folder is left alone)."
        )
        notifier = self._notifier = open_notifier()  # a save ends the wait at once
        woken = False
        try:
            while True:
                folders: list[str] = []
                current = snapshot(self.folders, folders)
                if current == built:
                    # woken for nothing (a dropping saved): the next wait is the whole interval
                    woken = self._pause(None if woken else notifier, folders)
                    continue
                woken = False
                if self.indexer is not None:
                    self.indexer.cancel()  # a newer save supersedes the index under way
                current = self.settle(current)
                outcome = self.build(current)
                if outcome is None:
                    continue  # changed again while building: build again, naming all changes
                self.report(outcome, changed_files(built, current), first=False)
                self.index()
                built = current
        finally:
            self._notifier = None
            if notifier is not None:
                notifier.close()

    def _pause(self, notifier: Notifier | None, folders: list[str]) -> bool:
        """Wait until the next look: ``--interval``; with ``notifier`` (watching the
        ``folders`` the last look listed), until it reports a change, or
        :data:`TOLD_INTERVALS` intervals at most when it watches them all; whether it did."""
        if notifier is None:
            time.sleep(self.options.interval)
            return False
        notifier.watch(folders)
        told = TOLD_INTERVALS if notifier.complete else 1
        return notifier.wait(self.options.interval * told)

    def settle(self, current: Snapshot) -> Snapshot:
        """Wait until nothing has changed for QUIET_SECONDS (an editor saving several files);
        where inotify watches, told by it, with one look at the end if it told of any."""
        if self._notifier is not None and self._notifier.complete:
            return self._settle_told(self._notifier, current)
        started = quiet_since = time.monotonic()
        step = min(self.options.interval, 0.1)
        while time.monotonic() - quiet_since < QUIET_SECONDS:
            if time.monotonic() - started > MAX_SETTLE_SECONDS:
                break
            time.sleep(step)
            latest = snapshot(self.folders)
            if latest != current:
                current, quiet_since = latest, time.monotonic()
        return current

    def _settle_told(self, notifier: Notifier, current: Snapshot) -> Snapshot:
        """:meth:`settle` told by ``notifier``: looks at every file took 0.1 s each at 10,000
        articles, three for a save."""
        started, told = time.monotonic(), False
        while time.monotonic() - started < MAX_SETTLE_SECONDS and notifier.wait(QUIET_SECONDS):
            told = True
        return snapshot(self.folders) if told else current

    def build(self, started_from: Snapshot) -> Outcome | None:
        """Build into a fresh folder; None if files changed meanwhile (but after
        :data:`MOST_SUPERSEDED` builds in a row given up so, one is let finish: a file that
        changes more often than a build takes, a capture being downloaded or a log, kept
        serve from building anything, without a word)."""
        patient = self._superseded >= MOST_SUPERSEDED
        if patient:
            self.out.say(
                f"note: files changed during each of the last {self._superseded} builds "
                f"({describe(self._changing) if self._changing else 'the watched folders'}); "
                "this one is let finish, and what changed meanwhile is built next"
            )
        self._count += 1
        root = self.scratch / f"site-{self._count}"
        result = self.scratch / f"result-{self._count}.json"
        outcome = None
        try:
            outcome = self.workers.build(
                BuildOptions(self.options.site, root, self.options.jobs),
                result,
                poll=self.options.interval,
                stale=lambda: not patient and self._stale(started_from),
                previous=self.live.view().root,  # unchanged pages are taken from it
            )
        finally:
            self.sweep(keep=[root] if outcome is not None and outcome.ok else [])
        self._superseded = 0 if outcome is not None else self._superseded + 1
        return outcome

    def _stale(self, started_from: Snapshot) -> bool:
        """Whether the watched files changed since ``started_from`` (noting which); no look
        is taken while inotify, watching every folder, tells of no change (at 10,000
        articles a look took 0.1 s of every half second of the build's)."""
        told = self._notifier
        if told is not None and told.complete and not told.wait(0):
            return False
        now = snapshot(self.folders)
        if now == started_from:
            return False
        self._changing = changed_files(started_from, now)
        return True

    def index(self) -> None:
        """Bring the search index up to date with the live build, in the background (after
        a failed build too: an index the change cancelled is made again)."""
        root = self.live.view().root
        if self.indexer is not None and root is not None:
            self.indexer.start(root)

    def sweep(self, keep: Sequence[Path]) -> None:
        """Delete every build but the newest few, and anything a killed build left."""
        wanted = {*self._roots[-KEEP_ROOTS:], *keep}
        for p in self.scratch.iterdir():
            if p not in wanted and not p.name.startswith("result-") and p.name != LOCK:
                if p.is_dir():
                    shutil.rmtree(p, ignore_errors=True)
                else:
                    p.unlink(missing_ok=True)

    def report(self, outcome: Outcome, changed: Sequence[str], *, first: bool) -> None:
        """Switch to a good build, or show the problems of a failed one."""
        what = f"{time.strftime('%H:%M:%S')} {describe(changed)}"
        if outcome.ok:
            self._publish(outcome, what, first=first)
        else:
            self._fail(outcome, what, first=first)

    def _publish(self, outcome: Outcome, what: str, *, first: bool) -> None:
        assert outcome.root is not None
        before = self.live.view()
        base_path = base_path_of(outcome.base_url)
        self.live.publish(outcome.root, base_path, indexing=self.indexer is not None)
        self._roots.append(outcome.root)
        del self._roots[:-KEEP_ROOTS]
        self.sweep(keep=())
        if outcome.warnings and outcome.warnings != self._warnings:
            self.out.problems(outcome.warnings, "the content")
        self._warnings = outcome.warnings
        if first:
            self.out.info(f"Built {outcome.summary} in {outcome.seconds:.2f} s")
            return
        fixed = "; problems fixed" if before.problems else ""
        then = "; the search index follows" if self.indexer is not None else ""
        self.out.say(f"{what}: rebuilt in {outcome.seconds:.2f} s{fixed}; open pages reload{then}")
        if base_path != before.base_path:
            self.out.say(f"Serving {self.url(base_path)} (the base URL changed)")

    def _fail(self, outcome: Outcome, what: str, *, first: bool) -> None:
        shown = self.live.fail(outcome.problems)
        if first:
            self.out.problems(outcome.problems, outcome.what)
            self.out.say("The site could not be built: the browser shows why until it is fixed.")
        elif shown:
            self.out.say(f"{what}: the build failed; still serving the last good site")
            self.out.problems(outcome.problems, outcome.what)
        else:
            self.out.say(f"{what}: the build still fails with the same problems")
        if self.options.debug and outcome.traceback:
            print(outcome.traceback, file=sys.stderr, flush=True)
