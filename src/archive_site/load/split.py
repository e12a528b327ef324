"""Work on many files shared with a second process: the first half done here, the second in
a forked process meanwhile; the results the same, and in the same order, as done here alone.

Reading the articles (and finding the entities each names) is the longest step of a
cold load (at 10,000 articles, 4.6 s of 8.9; reading the milestones' Markdown for its
links, 1.2 s more), and the load runs in one process on a machine with more cores.  Each item's
work must depend only on the item and on what the process held when it forked,
return what the record cache can keep (see :func:`..cache.dump_records`), and
report its problems into ``problems``.  The second process does the second half of
the items; when it is done it sends back what it found and the problems it
reported, pickled as the cache keeps records, and they are taken after this
process's own half, so that the problems keep the items' order.  Should the other
process fail, or the system have no ``fork``, this process does its half too.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Sequence
from typing import TypeVar, cast

from ..cache import dump_records, load_records
from ..errors import Diagnostic, Problems
from ..processes import end_with_parent

_T = TypeVar("_T")
_R = TypeVar("_R")

#: Below this many items all are done here: forking costs more than it saves.
LEAST = 400


def shared(
    items: Sequence[_T],
    work: Callable[[_T], _R],
    problems: Problems,
    *,
    jobs: int,
    least: int = LEAST,
) -> list[_R]:
    """``[work(item) for item in items]``, the second half done by a forked process when
    ``jobs`` is above 1 and there are ``least`` items or more (see the module's text)."""
    if jobs <= 1 or len(items) < max(least, 2) or not hasattr(os, "fork"):
        return [work(item) for item in items]
    half = len(items) // 2
    mine, theirs = items[:half], items[half:]
    for stream in (sys.stdout, sys.stderr):  # the child must not print what was buffered here
        stream.flush()
    import multiprocessing  # (only here: a small archive, or one from the cache, forks none)

    read_fd, write_fd = os.pipe()
    gc.freeze()  # what this process holds, out of the child's collector's sight: not copied
    try:
        child = multiprocessing.get_context("fork").Process(
            target=_child, args=(theirs, work, problems, write_fd), daemon=True
        )
        child.start()
    except OSError:
        os.close(read_fd)
        os.close(write_fd)
        gc.unfreeze()
        return [work(item) for item in items]
    os.close(write_fd)
    received = None
    try:
        done = [work(item) for item in mine]
        received = _receive(read_fd, len(theirs))
    finally:  # on success, failure or Ctrl-C alike: the child does not outlive the call
        os.close(read_fd)
        if received is None and child.is_alive():
            child.terminate()
        child.join()
        gc.unfreeze()
    if received is None or child.exitcode != 0:
        return done + [work(item) for item in theirs]  # as if alone
    results, diagnostics = received
    problems.extend(diagnostics)
    return done + cast(list[_R], results)


def _child(items: Sequence[_T], work: Callable[[_T], _R], problems: Problems, fd: int) -> None:
    """In the forked process: do ``items``, then send the results and the problems found."""
    end_with_parent()  # a build killed outright: not left reading, or waiting to send
    before = len(problems)
    results = [work(item) for item in items]
    found = [(d.path, d.line, d.message, d.severity) for d in list(problems)[before:]]
    with os.fdopen(fd, "wb") as out:
        dump_records((results, found), out)


def _receive(fd: int, count: int) -> tuple[list[object], list[Diagnostic]] | None:
    """What the child sent: its ``count`` results and its problems; None when it sent
    nothing whole (it failed, or was killed)."""
    try:
        with os.fdopen(os.dup(fd), "rb") as f:
            value = load_records(f)
    except Exception:  # a child that died half-way leaves a truncated pickle
        return None
    if not (isinstance(value, tuple) and len(value) == 2):
        return None
    results, found = value
    if not (isinstance(results, list) and len(results) == count and isinstance(found, list)):
        return None
    diagnostics: list[Diagnostic] = []
    for item in found:
        if not (isinstance(item, tuple) and len(item) == 4):
            return None
        path, line, message, severity = item
        if severity not in ("error", "warning"):
            return None
        diagnostics.append(Diagnostic(path, line, message, severity))
    return results, diagnostics
