"""Wake-ups on a change: Linux's inotify (through ctypes: no dependency), so that the watcher
looks for changes as soon as a file is saved rather than at its next look.

A wake-up only ends the wait for the next look early: the watcher's snapshot (modification
times and sizes) still says what changed.  While every folder is watched, the watcher looks
when told, and every ``TOLD_INTERVALS`` intervals anyway (a change inotify does not report,
on a network file system); when one could not be watched (:attr:`Notifier.complete`), every
``--interval`` as before.  Where inotify is missing (another system, no instance left),
:func:`open_notifier` gives None and the watcher sleeps between looks, as it did.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import select
import sys
from collections.abc import Iterable

# <sys/inotify.h>: what a change to a file or a folder is.
_IN_MODIFY = 0x002
_IN_ATTRIB = 0x004
_IN_CLOSE_WRITE = 0x008
_IN_MOVED_FROM = 0x040
_IN_MOVED_TO = 0x080
_IN_CREATE = 0x100
_IN_DELETE = 0x200
_IN_DELETE_SELF = 0x400
_IN_MOVE_SELF = 0x800
_IN_ONLYDIR = 0x01000000
MASK = (
    _IN_MODIFY
    | _IN_ATTRIB
    | _IN_CLOSE_WRITE
    | _IN_MOVED_FROM
    | _IN_MOVED_TO
    | _IN_CREATE
    | _IN_DELETE
    | _IN_DELETE_SELF
    | _IN_MOVE_SELF
    | _IN_ONLYDIR
)
#: What one read of the events takes at most (the events are only a signal: never parsed).
_READ = 64 * 1024


class Notifier:
    """An inotify instance watching folders; :meth:`wait` returns early on a change."""

    def __init__(self, libc: ctypes.CDLL, fd: int) -> None:
        self._libc = libc
        self._fd = fd
        #: Whether every folder the last :meth:`watch` was given is watched: else (no watch
        #: left, a folder gone meanwhile) a change may come untold.
        self.complete = False

    def watch(self, folders: Iterable[str]) -> None:
        """Watch each of ``folders`` (again: a folder watched already keeps its one watch; a
        new one, a folder made since, is added; one that cannot be, is left to the looks)."""
        add = self._libc.inotify_add_watch
        failed = 0
        for folder in folders:  # each of them, even after one fails
            failed += add(self._fd, os.fsencode(folder), MASK) < 0
        self.complete = not failed

    def wait(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds for a change; whether one came (the events read)."""
        try:
            ready, _, _ = select.select([self._fd], [], [], timeout)
        except (OSError, ValueError):  # closed
            return False
        if not ready:
            return False
        with contextlib.suppress(BlockingIOError, InterruptedError):
            while os.read(self._fd, _READ):
                pass
        return True

    def close(self) -> None:
        if self._fd >= 0:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = -1


def open_notifier() -> Notifier | None:
    """An inotify instance, or None where there is none (not Linux, no instance left)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        init = libc.inotify_init1
        libc.inotify_add_watch.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_uint32]
        libc.inotify_add_watch.restype = ctypes.c_int
    except (OSError, AttributeError):
        return None
    fd = init(os.O_NONBLOCK | os.O_CLOEXEC)
    return None if fd < 0 else Notifier(libc, fd)
