"""What is being served: the last good build, its base path, the version pages poll, the problems.

The watcher switches it (a new build, or the problems of a failed one); each
request takes one :class:`View` of it at its start, so a page is answered
from one consistent state even while a build is switched in.
"""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass
from pathlib import Path

from ..errors import Diagnostic


@dataclass(frozen=True, slots=True)
class View:
    """One consistent look at the served state, taken at the start of a request."""

    root: Path | None  # the last good build; None until one succeeds
    base_path: str  # "/" or "/archive-site/"
    version: str  # changes whenever what a page shows changes
    problems: tuple[Diagnostic, ...]  # of the last build, when it failed


class LiveSite:
    """The served root, the base path and the build problems, switched atomically."""

    def __init__(self, base_path: str) -> None:
        self._lock = threading.Lock()
        self._token = uuid.uuid4().hex[:8]  # a restarted server reloads every open page
        self._count = 1
        self._view = View(None, base_path, self._version(), ())

    def _version(self) -> str:
        return f"{self._token}-{self._count}"

    def view(self) -> View:
        with self._lock:
            return self._view

    def publish(self, root: Path, base_path: str) -> None:
        with self._lock:
            self._count += 1
            self._view = View(root, base_path, self._version(), ())

    def fail(self, problems: tuple[Diagnostic, ...]) -> bool:
        """Show these problems over the last good site; False if they were already shown."""
        with self._lock:
            if self._view.problems == problems:
                return False
            self._count += 1
            v = self._view
            self._view = View(v.root, v.base_path, self._version(), problems)
            return True
