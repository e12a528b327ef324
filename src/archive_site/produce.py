"""Render the planned pages and write them, in this process or in several at once.

Each page of the plan (:class:`archive_site.render.Page`) is made from the
archive and the templates alone, so pages can be rendered by any process in
any order and give the same bytes.  With ``jobs`` above 1 and at least
:data:`MIN_PAGES` pages, worker processes are forked from this one (they start
with the loaded archive, the renderer and the compiled templates: nothing is
pickled on the way in), the plan is cut into consecutive chunks (a chunk's
pages share folders, and so the fragments each process caches per folder),
and each worker takes the next chunk until none is left, rendering each page
and writing it into the build's temporary folder.  Only figures and failures
come back.  The data files (``Page.parts``) are made meanwhile by this process,
which keeps their parts for the next build (in the record cache's files, read back
as each data file is written: see :class:`~archive_site.cache.Blobs`); the workers
are forked before the parts are made.

A failure in a worker is reported as a serial build would report it: the
workers stop taking chunks beyond the failed one, and the failure of the
first page in plan order is raised, as an :class:`ArchiveError` naming the
file and line, or as the same exception with the worker's traceback as its
cause.  The caller removes the temporary folder, so nothing half-written
remains.  Where ``fork`` is unavailable (Windows), the build is serial.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import pickle
import signal
import sys
import time
import traceback
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ArchiveError, Diagnostic
from .files import FileProblem, cache_entry, prune_newest, read_bytes
from .processes import end_with_parent
from .render import Page, Site, render_pages
from .write import Files, Stat

if TYPE_CHECKING:  # (imported where used: a build of a few pages starts no process)
    import multiprocessing
    from multiprocessing.connection import Connection
    from multiprocessing.sharedctypes import Synchronized

Entry = tuple[str, Stat]  # a page's key, and its file's size, modification time and inode

#: Below this many outputs a build stays in one process: forking workers and warming
#: their caches would cost more than they save (the seed archive, about 140 outputs,
#: renders in a tenth of a second).
MIN_PAGES = 400
#: From this many unchanged pages on, a build with jobs links them in from the previous
#: output in a process of its own while it renders the others (forking costs less).
MIN_LINKS = 1000
#: Chunks per worker: enough that a worker given cheap pages takes more of them, few
#: enough that each chunk's pages share folders and cached fragments.
CHUNKS_PER_JOB = 4


@dataclass(slots=True)
class Timing:
    """Seconds spent rendering and writing pages, added up over the processes; the pages
    written (each file's size, modification time and inode) and taken from the previous
    output."""

    render: float = 0.0
    write: float = 0.0
    written: dict[str, Stat] = field(default_factory=dict)
    reused: dict[str, Stat] = field(default_factory=dict)


class WorkerCrash(Exception):
    """An error in a worker that could not be sent back as itself."""


class _RemoteTraceback(Exception):
    """The traceback of an error in a worker, shown as the cause of the error raised here."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text

    def __str__(self) -> str:
        return self.text


@dataclass(slots=True)
class _Failure:
    """The first page a worker could not make, and why."""

    index: int  # the page's place in the plan
    problems: tuple[Diagnostic, ...] = ()  # an ArchiveError's diagnostics
    error: BaseException | None = None  # anything else
    trace: str = ""


@dataclass(slots=True)
class _Result:
    timing: Timing = field(default_factory=Timing)
    failure: _Failure | None = None


def produce(site: Site, folder: Path, jobs: int, reuse: Reuse | None = None) -> Timing:
    """Render every page of ``site`` and write it under ``folder`` with up to ``jobs``
    processes; raises as a serial build would.  With ``reuse``, the pages whose files in
    the previous output were made from the same key are linked in instead."""
    pages = site.pages
    reused: dict[str, Stat] = {}
    t0 = time.perf_counter()
    linker = None
    if reuse is not None:
        todo, unchanged = reuse.split(site.pages)
        if (
            jobs > 1
            and len(unchanged) >= MIN_LINKS
            and hasattr(os, "fork")
            and os.path.isdir(reuse.previous)  # noqa: PTH112 - a string path, as Reuse keeps
        ):
            pages, linker = todo, _Linker(reuse.previous, unchanged, folder)
        else:
            pages = reuse.link_unchanged(site.pages, Files(folder), reused)
    linking = time.perf_counter() - t0
    site.renderer.data.spill(folder)
    try:
        timing = _render(site, pages, folder, jobs)
        if linker is not None:
            t0 = time.perf_counter()
            failed = linker.result(reused)
            linking += time.perf_counter() - t0
            if failed:  # a file of the previous output changed, or went, since it was recorded
                more = _render(site, [p for p in site.pages if p.path in failed], folder, jobs)
                timing.render += more.render
                timing.write += more.write
                timing.written.update(more.written)
    finally:
        site.renderer.data.end_spill()
        if linker is not None:
            linker.stop()
    timing.write += linking
    timing.reused = reused
    return timing


def _render(site: Site, pages: Sequence[Page], folder: Path, jobs: int) -> Timing:
    """Render and write ``pages``: in this process, or in workers (see the module's text)."""
    if jobs <= 1 or len(pages) < MIN_PAGES or not hasattr(os, "fork"):
        result = _make(site, pages, 0, Files(folder))
        if result.failure is not None:
            _raise(result.failure, remote=False)
        return result.timing
    site.load_templates()  # once here, not in every worker
    return _in_workers(site, pages, folder, jobs)


class Reuse:
    """Pages taken from the previous output folder: its record (see :func:`read_record`)
    says what each of its files was made from, ``keys`` what each page is made from now
    (by path; a page without a key is always rendered)."""

    def __init__(
        self, previous: Path, record: Mapping[str, Entry], keys: Mapping[str, str]
    ) -> None:
        self.previous = os.fspath(previous.absolute())
        self.record = record
        self.keys = keys

    def link_unchanged(
        self, pages: Sequence[Page], files: Files, reused: dict[str, Stat]
    ) -> list[Page]:
        """Link into ``files`` each page whose key is the one its file in the previous
        output was made from, that file being as that build left it (see :func:`link_all`);
        the others, in order."""
        unchanged = self.split(pages)[1]
        linked = _linked(unchanged, link_all(self.previous, unchanged, files))
        reused.update(linked)
        return [page for page in pages if page.path not in linked]

    def split(self, pages: Sequence[Page]) -> tuple[list[Page], list[tuple[str, Stat]]]:
        """The pages to render, in order; and the others' paths, each with what its file in
        the previous output must be to be linked (see :func:`link_all`)."""
        todo: list[Page] = []
        unchanged: list[tuple[str, Stat]] = []
        for page in pages:
            old = self._unchanged(page)
            if old is None:
                todo.append(page)
            else:
                unchanged.append((page.path, old))
        return todo, unchanged

    def _unchanged(self, page: Page) -> Stat | None:
        """What the previous output's file of ``page`` was when it was made from the key the
        page has now; None when it was made from another (or none)."""
        key = self.keys.get(page.path)
        old = self.record.get(page.path)
        return old[1] if key is not None and old is not None and old[0] == key else None

    def entries(self, timing: Timing) -> dict[str, Entry]:
        """The record of the new output: each file made with a key, by path."""
        keys = self.keys
        return {
            path: (keys[path], st)
            for made in (timing.written, timing.reused)
            for path, st in made.items()
            if path in keys
        }


def _make(site: Site, pages: Sequence[Page], first: int, files: Files) -> _Result:
    """Render and write ``pages`` (``first`` is the first one's place in the plan), stopping
    at the first failure."""
    result = _Result()
    made = render_pages(site, pages)
    for n in range(len(pages)):
        t0 = time.perf_counter()
        try:
            out = next(made)
            t1 = time.perf_counter()
            result.timing.written[out.path] = files.write(out)
        except ArchiveError as exc:
            result.failure = _Failure(first + n, problems=exc.diagnostics)
            return result
        except Exception as exc:
            result.failure = _Failure(first + n, error=exc, trace=traceback.format_exc())
            return result
        result.timing.render += t1 - t0
        result.timing.write += time.perf_counter() - t1
    return result


def link_all(previous: str, unchanged: Sequence[tuple[str, Stat]], files: Files) -> list[str]:
    """Link each of ``unchanged`` from the folder ``previous`` into ``files`` (see
    :meth:`Files.link`); the paths that could not be (their file is not as recorded)."""
    return [path for path, old in unchanged if not files.link(f"{previous}/{path}", path, old)]


def _linked(unchanged: Sequence[tuple[str, Stat]], failed: Sequence[str]) -> dict[str, Stat]:
    """Those of ``unchanged`` that :func:`link_all` linked (all but ``failed``), by path."""
    not_linked = set(failed)
    return {path: old for path, old in unchanged if path not in not_linked}


class _Linker:
    """A process forked to link the unchanged pages in while this one renders the others: at
    10,000 articles, a one-article edit links 30,000 files (a second of system calls)."""

    def __init__(self, previous: str, unchanged: list[tuple[str, Stat]], folder: Path) -> None:
        import multiprocessing

        self.unchanged = unchanged
        ctx = multiprocessing.get_context("fork")
        self._receive, send = ctx.Pipe(duplex=False)
        for stream in (sys.stdout, sys.stderr):  # the child must not print what was buffered
            stream.flush()
        self._proc = ctx.Process(
            target=_linker, args=(previous, unchanged, folder, send), daemon=True
        )
        self._proc.start()
        send.close()

    def result(self, reused: dict[str, Stat]) -> set[str]:
        """Wait for the links; those made go into ``reused``; the paths not linked."""
        try:
            failed = self._receive.recv()
        except EOFError:  # the process died without a word (killed, out of memory)
            self._proc.join()
            raise WorkerCrash(f"a build worker stopped (exit code {self._proc.exitcode})") from None
        reused.update(_linked(self.unchanged, failed))
        return set(failed)

    def stop(self) -> None:
        """On success, failure or Ctrl-C alike: the process does not outlive the build."""
        if self._proc.is_alive():
            self._proc.terminate()
        self._proc.join()
        self._receive.close()


def _linker(
    previous: str, unchanged: list[tuple[str, Stat]], folder: Path, send: Connection
) -> None:
    end_with_parent()  # a build killed outright: not left waiting to send
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C: the parent stops it
    gc.disable()  # a short life: a collection would only copy the parent's memory
    send.send(link_all(previous, unchanged, Files(folder)))
    send.close()


def _chunks(count: int, parts: int) -> list[tuple[int, int]]:
    """``range(count)`` cut into at most ``parts`` consecutive, nearly equal slices."""
    parts = max(1, min(parts, count))
    bounds = [count * k // parts for k in range(parts + 1)]
    return [(bounds[k], bounds[k + 1]) for k in range(parts) if bounds[k] < bounds[k + 1]]


def _in_workers(site: Site, pages: Sequence[Page], folder: Path, jobs: int) -> Timing:
    here = [n for n, page in enumerate(pages) if page.parts]  # made in this process
    there = [n for n, page in enumerate(pages) if not page.parts]
    theirs = [pages[n] for n in there]
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    chunks = _chunks(len(theirs), jobs * CHUNKS_PER_JOB)
    taken = ctx.Value("i", 0)  # the next chunk to take
    failed = ctx.Value("i", len(chunks))  # the first chunk that failed
    for stream in (sys.stdout, sys.stderr):  # a worker must not print what was buffered here
        stream.flush()
    # The archive and everything loaded so far out of the garbage collector's sight: a
    # collection in a worker would otherwise touch, and so copy, every page of memory it
    # shares with this process.
    gc.freeze()
    workers: list[tuple[multiprocessing.process.BaseProcess, Connection]] = []
    try:
        for _ in range(min(jobs, len(chunks))):
            receive, send = ctx.Pipe(duplex=False)
            worker = ctx.Process(
                target=_worker,
                args=(site, theirs, folder, chunks, taken, failed, send),
                daemon=True,
            )
            worker.start()
            send.close()
            workers.append((worker, receive))
        site.renderer.data.prepare()
        mine = _make(site, [pages[n] for n in here], 0, Files(folder))
        results = [_receive(*w) for w in workers]
    finally:  # on success, failure or Ctrl-C alike: no worker outlives the build
        for proc, receive in workers:
            if proc.is_alive():
                proc.terminate()
            proc.join()
            receive.close()
        gc.unfreeze()
    return _merged(mine, here, results, there)


def _merged(mine: _Result, here: list[int], results: list[_Result], there: list[int]) -> Timing:
    """The figures of this process's pages and the workers', or the failure first in plan
    order raised (``here`` and ``there``: the places in the plan of the pages of each)."""
    failures = [
        (replace(r.failure, index=there[r.failure.index]), True) for r in results if r.failure
    ]
    if mine.failure is not None:
        failures.append((replace(mine.failure, index=here[mine.failure.index]), False))
    if failures:
        first, remote = min(failures, key=lambda f: f[0].index)
        _raise(first, remote=remote)
    written = dict(mine.timing.written)
    for r in results:
        written.update(r.timing.written)
    return Timing(
        mine.timing.render + sum(r.timing.render for r in results),
        mine.timing.write + sum(r.timing.write for r in results),
        written,
    )


def _worker(
    site: Site,
    pages: Sequence[Page],
    folder: Path,
    chunks: list[tuple[int, int]],
    taken: Synchronized[int],
    failed: Synchronized[int],
    send: Connection,
) -> None:
    """A worker process: chunks in order until none is left, or one before them failed."""
    end_with_parent()  # a build killed outright: not left rendering, or waiting to send
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C: the parent stops the workers
    files = Files(folder)
    total = _Result()
    while True:
        with taken.get_lock():
            n = taken.value
            taken.value += 1
        if n >= len(chunks) or n > failed.value:
            break
        start, end = chunks[n]
        result = _make(site, pages[start:end], start, files)
        total.timing.render += result.timing.render
        total.timing.write += result.timing.write
        total.timing.written.update(result.timing.written)
        if result.failure is not None:
            total.failure = result.failure
            with failed.get_lock():
                failed.value = min(failed.value, n)
            break
    if total.failure is not None and total.failure.error is not None:
        total.failure.error = _portable(total.failure.error)
    send.send(total)
    send.close()


def _portable(error: BaseException) -> BaseException:
    """``error`` if it survives the way back to the parent, else its type and words."""
    try:
        back = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes
        if isinstance(back, BaseException) and str(back) == str(error):
            return error
    except Exception:  # noqa: S110 - any reason it does not survive: replaced below
        pass
    return WorkerCrash(f"{type(error).__name__}: {error}")


def _receive(proc: multiprocessing.process.BaseProcess, receive: Connection) -> _Result:
    try:
        result = receive.recv()
    except EOFError:  # the worker died without a word (killed, out of memory)
        proc.join()
        raise WorkerCrash(f"a build worker stopped (exit code {proc.exitcode})") from None
    assert isinstance(result, _Result)
    return result


def _raise(failure: _Failure, *, remote: bool) -> None:
    """Raise what went wrong; an error from a worker has the worker's traceback as cause."""
    if failure.error is None:
        raise ArchiveError(failure.problems)
    if remote:
        raise failure.error from _RemoteTraceback(failure.trace)
    raise failure.error


# --- the record of what each page was made from -----------------------------------------

#: Raised by every change to the record's layout.
RECORD_FORMAT = 1
#: Records kept (one per output folder: ``serve`` makes a new one for every build).
KEEP_RECORDS = 32


def record_path(output: Path) -> Path:
    """Where the record of ``output``'s pages lives: in the user's cache folder, named after
    the output folder's absolute path (never in or beside the output: it is not published)."""
    return cache_entry("pages", output).with_suffix(".json")


def read_record(output: Path) -> dict[str, Entry]:
    """What each file of ``output`` was made from, as the build that wrote it recorded;
    empty when there is no record, or one that is damaged or another folder's."""
    try:
        data = json.loads(read_bytes(record_path(output), any_size=True))
        if data["format"] != RECORD_FORMAT or data["output"] != os.fspath(output.absolute()):
            return {}
        found: dict[str, Entry] = {}
        for path, (key, size, mtime, inode) in data["pages"].items():
            if not (isinstance(path, str) and isinstance(key, str)):
                return {}
            if not all(type(n) is int for n in (size, mtime, inode)):
                return {}
            found[path] = (key, (size, mtime, inode))
    except (FileProblem, ValueError, KeyError, TypeError, AttributeError):
        return {}
    return found


def write_record(output: Path, entries: Mapping[str, Entry]) -> None:
    """Record what each file of ``output`` was made from (best effort: without a record the
    next build renders every page)."""
    data = {
        "format": RECORD_FORMAT,
        "output": os.fspath(output.absolute()),
        "pages": {path: [key, *st] for path, (key, st) in sorted(entries.items())},
    }
    path = record_path(output)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
        tmp.replace(path)
    except OSError:  # (the cache's folder may be a file: then so is the removal)
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        return
    prune_newest(path.parent, KEEP_RECORDS)


def forget_record(output: Path) -> None:
    """Remove the record of ``output``."""
    record_path(output).unlink(missing_ok=True)
