"""What is being served: the last good build, its base path, the version pages poll, the problems,
and the search index.

The watcher switches it (a new build, or the problems of a failed one), and the indexer
switches the search index (see :mod:`.index`); each request takes one :class:`View` of it
at its start, so a page is answered from one consistent state even while a build or an
index is switched in.
"""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import Diagnostic


@dataclass(frozen=True, slots=True)
class View:
    """One consistent look at the served state, taken at the start of a request."""

    root: Path | None  # the last good build; None until one succeeds
    base_path: str  # "/" or "/archive-site/"
    version: str  # changes whenever what a page shows changes
    problems: tuple[Diagnostic, ...]  # of the last build, when it failed
    index: Path | None = None  # the search index served as pagefind/: complete, swapped in whole
    index_version: int = 0  # changes whenever another index is swapped in
    indexing: bool = False  # the live build's index is being made (``index`` is older or none)


class LiveSite:
    """The served root, the base path, the build problems and the index, switched atomically."""

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

    def publish(self, root: Path, base_path: str, *, indexing: bool = False) -> None:
        """Serve the build in ``root``; ``indexing``: its search index is being made (the
        index served meanwhile is the last one made)."""
        with self._lock:
            self._count += 1
            v = self._view
            self._view = replace(
                v,
                root=root,
                base_path=base_path,
                version=self._version(),
                problems=(),
                indexing=indexing,
            )

    def fail(self, problems: tuple[Diagnostic, ...]) -> bool:
        """Show these problems over the last good site; False if they were already shown."""
        with self._lock:
            if self._view.problems == problems:
                return False
            self._count += 1
            self._view = replace(self._view, version=self._version(), problems=problems)
            return True

    def index_done(self, folder: Path | None) -> None:
        """The work on the live build's search index is over: ``folder`` is its new index,
        complete; None: the index served already stays (it is the live build's, or a new
        one could not be made)."""
        with self._lock:
            v = self._view
            if folder is None:
                self._view = replace(v, indexing=False)
            else:
                self._view = replace(
                    v, index=folder, index_version=v.index_version + 1, indexing=False
                )
