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
come back.

A failure in a worker is reported as a serial build would report it: the
workers stop taking chunks beyond the failed one, and the failure of the
first page in plan order is raised, as an :class:`ArchiveError` naming the
file and line, or as the same exception with the worker's traceback as its
cause.  The caller removes the temporary folder, so nothing half-written
remains.  Where ``fork`` is unavailable (Windows), the build is serial.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import signal
import sys
import time
import traceback
from collections.abc import Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.sharedctypes import Synchronized
from pathlib import Path

from .errors import ArchiveError, Diagnostic
from .render import Page, Site, render_pages
from .write import Files

#: Below this many outputs a build stays in one process: forking workers and warming
#: their caches would cost more than they save (the seed archive, about 140 outputs,
#: renders in a tenth of a second).
MIN_PAGES = 400
#: Chunks per worker: enough that a worker given cheap pages takes more of them, few
#: enough that each chunk's pages share folders and cached fragments.
CHUNKS_PER_JOB = 4


def default_jobs() -> int:
    """The number of cores this process may run on."""
    count = getattr(os, "process_cpu_count", None)  # Python 3.13
    if count is not None:
        return int(count() or 1)
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


@dataclass(slots=True)
class Timing:
    """Seconds spent rendering and writing pages, added up over the processes."""

    render: float = 0.0
    write: float = 0.0


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


def produce(site: Site, folder: Path, jobs: int) -> Timing:
    """Render every page of ``site`` and write it under ``folder`` with up to ``jobs``
    processes; raises as a serial build would."""
    if jobs <= 1 or len(site.pages) < MIN_PAGES or not hasattr(os, "fork"):
        result = _make(site, site.pages, 0, Files(folder))
        if result.failure is not None:
            _raise(result.failure, remote=False)
        return result.timing
    site.load_templates()  # once here, not in every worker
    return _in_workers(site, folder, jobs)


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
            files.write(out)
        except ArchiveError as exc:
            result.failure = _Failure(first + n, problems=exc.diagnostics)
            return result
        except Exception as exc:
            result.failure = _Failure(first + n, error=exc, trace=traceback.format_exc())
            return result
        result.timing.render += t1 - t0
        result.timing.write += time.perf_counter() - t1
    return result


def _chunks(count: int, parts: int) -> list[tuple[int, int]]:
    """``range(count)`` cut into at most ``parts`` consecutive, nearly equal slices."""
    parts = max(1, min(parts, count))
    bounds = [count * k // parts for k in range(parts + 1)]
    return [(bounds[k], bounds[k + 1]) for k in range(parts) if bounds[k] < bounds[k + 1]]


def _in_workers(site: Site, folder: Path, jobs: int) -> Timing:
    ctx = multiprocessing.get_context("fork")
    chunks = _chunks(len(site.pages), jobs * CHUNKS_PER_JOB)
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
                target=_worker, args=(site, folder, chunks, taken, failed, send), daemon=True
            )
            worker.start()
            send.close()
            workers.append((worker, receive))
        results = [_receive(*w) for w in workers]
    finally:  # on success, failure or Ctrl-C alike: no worker outlives the build
        for proc, receive in workers:
            if proc.is_alive():
                proc.terminate()
            proc.join()
            receive.close()
        gc.unfreeze()
    failures = [r.failure for r in results if r.failure is not None]
    if failures:
        _raise(min(failures, key=lambda f: f.index), remote=True)
    return Timing(sum(r.timing.render for r in results), sum(r.timing.write for r in results))


def _worker(
    site: Site,
    folder: Path,
    chunks: list[tuple[int, int]],
    taken: Synchronized[int],
    failed: Synchronized[int],
    send: Connection,
) -> None:
    """A worker process: chunks in order until none is left, or one before them failed."""
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
        result = _make(site, site.pages[start:end], start, files)
        total.timing.render += result.timing.render
        total.timing.write += result.timing.write
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
