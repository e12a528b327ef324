"""The record cache: what reading a file produced, kept for the next build.

Reading an article (decoding its capture, running its reader, checking its
metadata, finding the entities it names) depends only on its files' bytes,
on the entities and settings, and on the program.  The cache keeps each
result under a key that hashes all of them, so the next build reads only the
articles whose key is new.  The parsed ``milestones.yaml`` and the links each
Markdown text makes are kept the same way, under the hash of their bytes; each
milestone under the hash of its YAML (with its lines), kept with the keys of the
articles it quotes, and used only while those are this build's articles' keys.
The cache lives in the user's cache folder (beside the compiled templates
and the search index's record), one folder per content folder, never in or
beside the output: a failed build leaves nothing there.

The cache is an optimisation and is never trusted: a missing, unreadable,
foreign or corrupt file is ignored (everything is read again), and its
contents are unpickled with an allow-list of the archive's own record types
only, so a planted file cannot make the build run code.  A record's own
claims are checked by its reader against the files it stands for before it
is used (see :mod:`archive_site.load.articles`).  Only results without any
problem are kept: an article with an error or a warning is read again on
every build, so that its problems are always reported.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import io
import os
import pickle
import stat
from collections import Counter
from collections.abc import Mapping
from dataclasses import is_dataclass
from pathlib import Path
from typing import Any

from . import dates, model, yamlsrc
from .files import cache_entry, read_bytes

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)  # a link planted in the cache is not followed
#: Raised by every change to what an entry holds.
FORMAT = 1

_ALLOWED: dict[tuple[str, str], Any] = {
    ("datetime", "date"): dt.date,
    (yamlsrc.__name__, "YMap"): yamlsrc.YMap,
    (yamlsrc.__name__, "YList"): yamlsrc.YList,
    **{
        (module.__name__, name): value
        for module in (model, dates)
        for name, value in vars(module).items()
        if isinstance(value, type) and is_dataclass(value) and value.__module__ == module.__name__
    },
}


class _Unpickler(pickle.Unpickler):
    """Builds only the archive's records, dates and Python's plain containers."""

    def find_class(self, module: str, name: str) -> Any:
        found = _ALLOWED.get((module, name))
        if found is None:
            raise pickle.UnpicklingError(f"{module}.{name} is not a record type")
        return found


def cache_path(content: Path) -> Path:
    """Where the cache of the archive in ``content`` lives: in the user's cache folder, named
    after the content folder's absolute path (never in or beside the output, and the same
    whatever the output: ``serve`` builds each time into a new folder)."""
    return cache_entry("records", content)


def digest(*parts: str | bytes) -> str:
    """The SHA-256 of ``parts``, each length-prefixed (so no two lists of parts collide)."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


class RecordCache:
    """Results of reading files, by key, one file per kind of result.

    ``salt`` (the program's version and the settings) is part of every key.
    Entries used or added by this build are kept by :meth:`save`; the others
    are dropped, so the cache never grows beyond one archive's worth.
    """

    def __init__(
        self, folder: Path | None, salt: str, hashes: Mapping[str, str] | None = None
    ) -> None:
        self.folder = folder
        self.salt = salt
        self.hashes = hashes or {}  # SHA-256 of content files, by path from the content folder
        self._old: dict[str, dict[str, object]] = {}
        self._new: dict[str, dict[str, object]] = {}
        self.hits: Counter[str] = Counter()  # entries found, by kind
        self.misses: Counter[str] = Counter()

    def key(self, *parts: str | bytes) -> str:
        return digest(str(FORMAT), self.salt, *parts)

    def get(self, kind: str, key: str) -> object | None:
        """The entry of ``kind`` under ``key``, or None."""
        if kind not in self._old:
            self._old[kind] = self._read(kind)
        found = self._old[kind].get(key)
        if found is None:
            self.misses[kind] += 1
        else:
            self.hits[kind] += 1
            self._new.setdefault(kind, {})[key] = found
        return found

    def put(self, kind: str, key: str, value: object) -> None:
        self._new.setdefault(kind, {})[key] = value

    def file_hash(self, rel: str, path: Path) -> str:
        """The SHA-256 of the file at ``path`` (``rel`` from the content folder): as the
        build's fingerprint found it (see :mod:`.stamp`), else read now.  Raises
        :class:`~.files.FileProblem` when it cannot be read."""
        known = self.hashes.get(rel)
        return known if known is not None else hashlib.sha256(read_bytes(path)).hexdigest()

    @classmethod
    def of(cls, content: Path, salt: str, hashes: Mapping[str, str] | None = None) -> RecordCache:
        """The cache of the archive in ``content``; none (nothing kept) when its place is taken
        by a link or anything but a folder.  ``hashes``: the SHA-256 of the files under
        ``content`` by path from it, when the build has them already."""
        folder = cache_path(content)
        try:
            usable = stat.S_ISDIR(folder.lstat().st_mode)
        except FileNotFoundError:
            usable = True
        except OSError:
            usable = False
        return cls(folder if usable else None, salt, hashes)

    def _file(self, kind: str) -> Path | None:
        return None if self.folder is None else self.folder / f"{kind}.pickle"

    def _read(self, kind: str) -> dict[str, object]:
        path = self._file(kind)
        if path is None:
            return {}
        # Unpickling makes hundreds of thousands of objects (records: no reference cycles),
        # which live as long as the build.  The cyclic garbage collector would scan them
        # again and again, as they come and at every collection of the old generation
        # after (at 3,000 articles, half of a cached load's time): it is paused while they
        # are made, and then they, with what the process held already, are moved out of
        # its sight (``gc.freeze``; what stops being used is still freed, by reference
        # counting).  A parallel render unfreezes them after (see :mod:`.produce`).
        collecting = gc.isenabled()
        gc.disable()
        try:
            fd = os.open(path, os.O_RDONLY | _NOFOLLOW)
            with os.fdopen(fd, "rb") as f:
                data = _Unpickler(io.BufferedReader(f)).load()
        except Exception:  # a damaged pickle can raise almost anything; it is only a cache
            return {}
        finally:
            if collecting:
                gc.freeze()
                gc.enable()
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return {}
        entries = data.get("entries")
        return entries if isinstance(entries, dict) else {}

    def save(self) -> None:
        """Keep what this build used and added (best effort: a cache that cannot be written
        only means the next build reads everything again)."""
        if self.folder is None:
            return
        for kind in sorted(self._old.keys() | self._new.keys()):
            entries = self._new.get(kind, {})
            if entries.keys() == self._old.get(kind, {}).keys():
                continue  # nothing new and nothing dropped
            self._write(kind, entries)

    def _write(self, kind: str, entries: dict[str, object]) -> None:
        path = self._file(kind)
        assert path is not None and self.folder is not None
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            if not stat.S_ISDIR(self.folder.lstat().st_mode):
                return  # a link put in the cache's place: nothing is written through it
            tmp.unlink(missing_ok=True)  # left by a killed build (a link is removed, not followed)
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o644)
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump({"format": FORMAT, "entries": entries}, f, pickle.HIGHEST_PROTOCOL)
            tmp.replace(path)  # replaces a link at ``path`` itself, never what it points to
        except OSError:
            tmp.unlink(missing_ok=True)
