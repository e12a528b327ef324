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
beside the output: a failed build leaves nothing there.  Each kind of result
is kept in a power of two of files (:func:`width`: one for a small archive, up to
:data:`MOST_FILES` for a large one), an entry in the one its key falls in, and a
build writes again only the files whose entries changed: after a one-article
edit, the two that held and now hold its entry, not every article's.  Byte strings
that would cost memory as entries (the data files' parts) are kept in files of their own,
and the entries say where (:class:`Blobs`).

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

import contextlib
import datetime as dt
import gc
import hashlib
import io
import os
import pickle
import stat
import struct
import tempfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import fields, is_dataclass
from operator import attrgetter
from pathlib import Path
from typing import IO, Any

from . import dates, model, yamltree
from .files import READ_FLAGS, cache_entry, create_new, is_own_folder, made_own_folder, read_bytes
from .patterns import later

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)  # a link planted in the cache is not followed
#: Raised by every change to what an entry holds, or to a file's layout: a file is a small
#: head (this number, the tag of the program and settings it was written under, and the
#: length and CRC-32 of what follows), then its entries, read only when the head is this
#: build's and the bytes after it are the ones it counts (see :func:`cache_file`).
FORMAT = 7
#: The most files a kind of result is kept in; an entry is kept in the one its key falls in
#: (see :func:`shard`).
MOST_FILES = 64
#: The entries a file holds, at most, before its kind is kept in twice as many files.
PER_FILE = 128
#: A file of the cache: its kind of result, its number and how many files the kind has.
_NAME = later(r"(?P<kind>[^.]+)\.(?P<n>[0-9]+)-of-(?P<width>[0-9]+)\.pickle")

_ALLOWED: dict[tuple[str, str], Any] = {
    ("datetime", "date"): dt.date,
    (yamltree.__name__, "YMap"): yamltree.YMap,
    (yamltree.__name__, "YList"): yamltree.YList,
    **{
        (module.__name__, name): value
        for module in (model, dates)
        for name, value in vars(module).items()
        if isinstance(value, type) and is_dataclass(value) and value.__module__ == module.__name__
    },
}


#: The fields of each record type, in order.
_FIELDS: dict[type, tuple[str, ...]] = {
    t: tuple(f.name for f in fields(t))
    for t in _ALLOWED.values()
    if isinstance(t, type) and is_dataclass(t)
}


def _setters(cls: type, names: tuple[str, ...]) -> tuple[Callable[[Any, Any], None], ...]:
    """The setters of a record type's fields: its slots' own (records are slotted; the
    frozen class's ``__setattr__`` refuses), found once rather than by name for each."""
    return tuple(vars(cls)[name].__set__ for name in names)


#: The field setters of each record type, in order.
_SETTERS = {t: _setters(t, names) for t, names in _FIELDS.items()}


def _record(cls: type, values: tuple[object, ...]) -> object:
    """A record of type ``cls`` (one of :data:`_FIELDS`) with its fields' ``values``.

    Records are kept as their type and a tuple of values, and made again here: the
    dataclasses' own pickling looks their fields up again for every record, which was
    most of the time of loading and keeping the cache.
    """
    setters = _SETTERS.get(cls)
    if setters is None or type(values) is not tuple or len(values) != len(setters):
        raise pickle.UnpicklingError(f"{getattr(cls, '__name__', cls)!r} is not a record type")
    made: object = object.__new__(cls)
    for put, value in zip(setters, values, strict=False):  # the lengths are checked above
        put(made, value)
    return made


def _reducer(names: tuple[str, ...]) -> Callable[[Any], Any]:
    get = attrgetter(*names)
    if len(names) == 1:
        return lambda r: (_record, (type(r), (get(r),)))
    return lambda r: (_record, (type(r), get(r)))


#: How the pickler keeps each record type (see :func:`_record`).
_REDUCERS = {t: _reducer(names) for t, names in _FIELDS.items()}


class _Unpickler(pickle.Unpickler):
    """Builds only the archive's records, dates and Python's plain containers."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == (__name__, "_record"):
            return _record
        found = _ALLOWED.get((module, name))
        if found is None:
            raise pickle.UnpicklingError(f"{module}.{name} is not a record type")
        return found


def packed(value: object) -> bytes:
    """``value`` pickled as the cache keeps records: an entry made of many objects that is
    used once per build (the parsed ``milestones.yaml``) is kept so, and so costs the
    memory of its bytes, not of its objects, from the moment it is used to the build's end."""
    out = io.BytesIO()
    pickler = pickle.Pickler(out, pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _REDUCERS
    pickler.dump(value)
    return out.getvalue()


def dump_records(value: object, file: io.BufferedIOBase | io.RawIOBase | Any) -> None:
    """Pickle ``value`` into ``file`` as the cache keeps records (see :func:`packed`)."""
    pickler = pickle.Pickler(file, pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _REDUCERS
    pickler.dump(value)


def load_records(file: Any) -> object:
    """What :func:`dump_records` wrote into ``file`` (records and plain containers only);
    raises what unpickling raises."""
    return _Unpickler(file).load()


def unpacked(data: object) -> object | None:
    """What :func:`packed` made ``data`` from (records and plain containers only); None
    when ``data`` is no such bytes."""
    if type(data) is not bytes:
        return None
    try:
        value: object = _Unpickler(io.BytesIO(data)).load()
    except Exception:  # a damaged pickle can raise almost anything; it is only a cache
        return None
    return value


def cache_file(tag: str, body: bytes) -> bytes:
    """The bytes of a cache file of entries ``body`` (pickled: :func:`packed`) written under
    ``tag``: a head that counts them, then them.  An entry damaged in place (a bit flipped on
    the disk, a block of zeros from a crash) can still unpickle, as another value: a title
    with another letter, a date of another year; the head's length and CRC-32 of the bytes
    after it tell it, and the file is read as none (0.05 s for 100 MB)."""
    head = {"format": FORMAT, "tag": tag, "size": len(body), "crc": zlib.crc32(body)}
    return pickle.dumps(head, pickle.HIGHEST_PROTOCOL) + body


def width(entries: int) -> int:
    """How many files a kind of result with ``entries`` entries is kept in: the least power
    of two that keeps each at :data:`PER_FILE` entries or fewer, at most :data:`MOST_FILES`.

    A small archive's kinds are kept in one file each; a large one's in many, so that an
    edit rewrites a small part of the cache.  A kind whose number of entries crosses a
    power of two is written again whole, once.
    """
    files = 1
    while files < MOST_FILES and files * PER_FILE < entries:
        files *= 2
    return files


def code(key: str) -> int:
    """The number that decides which file an entry under ``key`` is kept in."""
    return zlib.crc32(key.encode("utf-8", "surrogatepass"))


def shard(key: str, files: int) -> int:
    """The file, of ``files``, that an entry under ``key`` is kept in."""
    return code(key) % files


def cache_path(content: Path) -> Path:
    """Where the cache of the archive in ``content`` lives: in the user's cache folder, named
    after the content folder's absolute path (never in or beside the output, and the same
    whatever the output: ``serve`` builds each time into a new folder)."""
    return cache_entry("records", content)


def digest(*parts: str | bytes) -> str:
    """The SHA-256 of ``parts``, each length-prefixed (so no two lists of parts collide)."""
    return _hashed(hashlib.sha256(), parts)


def _hashed(h: hashlib._Hash, parts: tuple[str | bytes, ...]) -> str:
    """The hex digest of ``h`` after ``parts``, each length-prefixed."""
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big") + data)
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
        self._salted = hashlib.sha256()
        _hashed(self._salted, (str(FORMAT), salt))
        # Every key hashes the salt: a file written under another program or other settings
        # holds no entry this build can use, and is not read past its head (after an upgrade,
        # at 10,000 articles, 200 MB, 0.4 s and 150 MB of memory for nothing).
        self.tag = self._salted.hexdigest()
        self.hashes = hashes or {}  # SHA-256 of content files, by path from the content folder
        self._old: dict[str, dict[str, object]] = {}
        self._new: dict[str, dict[str, object]] = {}
        # the keys in each file read, by kind, then by number and width of the file (see
        # _file; a file that could not be read: none)
        self._shards: dict[str, dict[tuple[int, int], frozenset[str]]] = {}
        self._changed: dict[str, set[int]] = {}  # the codes of the keys put, by kind
        self._listing: dict[str, list[str]] | None = None  # the cache's files, by kind
        self.hits: Counter[str] = Counter()  # entries found, by kind
        self.misses: Counter[str] = Counter()
        self._blobs: dict[str, Blobs] = {}
        self.finished: set[str] = set()  # the kinds kept and let go (see finish)
        self.late = 0  # asks of a finished kind: none in a build (tested)

    def key(self, *parts: str | bytes) -> str:
        """``digest(str(FORMAT), salt, *parts)``: the hash of the first two is taken once."""
        return _hashed(self._salted.copy(), parts)

    def get(self, kind: str, key: str) -> object | None:
        """The entry of ``kind`` under ``key``, or None (always, once the kind is finished)."""
        if kind in self.finished:
            self.late += 1
            return None
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
        """Keep ``value`` under ``key`` (not, once the kind is finished: see :meth:`finish`)."""
        if kind in self.finished:
            self.late += 1
            return
        self._new.setdefault(kind, {})[key] = value
        self._changed.setdefault(kind, set()).add(code(key))

    def blobs(self, kind: str) -> Blobs:
        """Where byte strings of ``kind`` are kept, out of memory (see :class:`Blobs`); the
        entries of ``kind`` are their :data:`Ref`."""
        if kind in self.finished:
            self.late += 1
            return Blobs(None, kind)  # (keeps nothing)
        found = self._blobs.get(kind)
        if found is None:  # (read by position: where the system cannot, nothing is kept)
            found = self._blobs[kind] = Blobs(self.folder if hasattr(os, "pread") else None, kind)
        return found

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

    def _file(self, kind: str, n: int, files: int) -> str:
        """The path of file ``n`` of the ``files`` that ``kind`` is kept in."""
        return f"{self.folder}/{kind}.{n}-of-{files}.pickle"

    def _files(self, kind: str) -> list[str]:
        """The names of the files of ``kind`` in the cache's folder, in any layout."""
        assert self.folder is not None
        if self._listing is None:
            self._listing = {}
            with contextlib.suppress(OSError):
                for name in sorted(f.name for f in self.folder.iterdir()):
                    if name.endswith(".pickle"):
                        self._listing.setdefault(name.partition(".")[0], []).append(name)
        return self._listing.get(kind, [])

    def _read(self, kind: str) -> dict[str, object]:
        """Every entry of ``kind``, from the files of it that can be read."""
        entries: dict[str, object] = {}
        shards: dict[tuple[int, int], frozenset[str]] = {}
        self._shards[kind] = shards
        if self.folder is None:
            return entries
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
            for name in self._files(kind):
                named = _NAME().fullmatch(name)
                if named is None or named["kind"] != kind:
                    continue  # the layout of an earlier version: removed by save()
                found = self._read_shard(f"{self.folder}/{name}", self.tag)
                if found is not None:
                    entries.update(found)
                    shards[int(named["n"]), int(named["width"])] = frozenset(found)
        finally:
            if collecting:
                gc.freeze()
                gc.enable()
        return entries

    @staticmethod
    def _read_shard(path: str, tag: str) -> dict[str, object] | None:
        """The entries of one file written under ``tag``; None when there is none, or it is
        damaged, foreign or another tag's.  Those read ahead (:func:`read_ahead`) are taken
        when the file is still the one read."""
        ahead = _AHEAD.pop(path, None)
        if ahead is not None:
            with contextlib.suppress(OSError):
                if _identity(os.lstat(path)) == ahead[0]:
                    return ahead[2] if ahead[1] == tag else None
        return _read_file(path, tag)[2]

    def save(self) -> None:
        """Keep what this build used and added (best effort: a cache that cannot be written
        only means the next build reads everything again).  Only the files whose entries
        changed (an entry put, even under a key it held, or dropped) are written; a file
        left without entries, or of another number of files (the kind grew or shrank past
        a power of two) or of an earlier layout, is removed."""
        for kind in sorted(self._old.keys() | self._new.keys() | self._blobs.keys()):
            self._save(kind)

    def kinds(self) -> set[str]:
        """The kinds of result asked for or kept so far (and not finished)."""
        return self._old.keys() | self._new.keys() | self._blobs.keys()

    def finish(self, kinds: Iterable[str]) -> None:
        """Keep the entries of ``kinds`` now, as :meth:`save` would, and let them go: the
        build asks no more of them (one that did would find nothing, and keep nothing).
        The load stage's results are so kept before the pages render: the entries of what
        the archive does not hold itself (the mentions, the long texts, the keys) held
        2.3 MiB of Python objects through the render of 1,000 articles (traced)."""
        for kind in sorted(kinds):
            self._save(kind)
            self.finished.add(kind)
            self._old.pop(kind, None)
            self._new.pop(kind, None)
            self._shards.pop(kind, None)
            self._changed.pop(kind, None)
            self._blobs.pop(kind, None)

    def _save(self, kind: str) -> None:
        """Keep the entries of ``kind`` (see :meth:`save`), and the byte strings they use."""
        if self.folder is None:
            return
        new = self._new.get(kind, {})
        if kind in self._old or kind in self._new:
            files = width(len(new))
            by_shard: dict[int, dict[str, object]] = {}
            for key, value in new.items():
                by_shard.setdefault(shard(key, files), {})[key] = value
            read = self._shards.get(kind, {})
            changed = {c % files for c in self._changed.get(kind, ())}
            kept: set[str] = set()
            for n, entries in sorted(by_shard.items()):
                path = self._file(kind, n, files)
                if (n, files) not in read or n in changed or entries.keys() != read[n, files]:
                    self._write(path, entries)  # something put or dropped
                kept.add(path)
            for name in self._files(kind):
                if f"{self.folder}/{name}" not in kept:
                    with contextlib.suppress(OSError):
                        os.unlink(f"{self.folder}/{name}")  # noqa: PTH108 - a link is removed, not followed
        blobs = self._blobs.get(kind)
        if blobs is not None:
            blobs.close()
            self._prune_blobs(kind, blobs)

    def let_go(self) -> None:
        """Forget the entries read and kept, once saved: the records they are (the counts of
        hits and misses stay)."""
        self._old.clear()
        self._new.clear()

    def _prune_blobs(self, kind: str, blobs: Blobs) -> None:
        """Remove the files of byte strings of ``kind`` that no entry kept refers to."""
        refs = (blobs.valid(entry) for entry in self._new.get(kind, {}).values())
        used = {ref[0] for ref in refs if ref is not None}
        if self.folder is None or not is_own_folder(self.folder):
            return  # nothing is removed through a link put in the cache's place
        with contextlib.suppress(OSError):
            for name in os.listdir(self.folder):  # noqa: PTH208 - names alone
                named = _BLOB().fullmatch(name)
                if named is not None and named["kind"] == kind and name not in used:
                    with contextlib.suppress(OSError):
                        os.unlink(f"{self.folder}/{name}")  # noqa: PTH108 - as above

    def _write(self, path: str, entries: dict[str, object]) -> None:
        assert self.folder is not None
        tmp = f"{path}.{os.getpid()}.tmp"
        try:
            if not made_own_folder(self.folder):
                return  # a link put in the cache's place: nothing is written through it
            fd = create_new(tmp)
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(cache_file(self.tag, packed(entries)))
            os.replace(tmp, path)  # noqa: PTH105 - replaces a link at ``path`` itself
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)  # noqa: PTH108


#: A file of byte strings kept by :class:`Blobs`: its kind, and a token of its own.
_BLOB = later(r"(?P<kind>[a-z]+)-(?P<token>[0-9a-f]{16})\.blob")
#: Where :class:`Blobs` kept one entry's byte strings: the file's name, the offset of the
#: first, and the length of each (-1: None, kept as no bytes) then the CRC-32 of each, packed
#: as 32-bit integers (see :func:`ref_sizes`): as two tuples of Python integers, the refs of
#: a build of 10,000 articles held 7 MiB more through its render.
Ref = tuple[str, int, bytes]


def _packed_ref(name: str, offset: int, lengths: Sequence[int], crcs: Sequence[int]) -> Ref:
    n = len(lengths)
    return (name, offset, struct.pack(f"<{n}i{n}I", *lengths, *crcs))


def ref_sizes(ref: Ref) -> tuple[int, ...]:
    """The length of each byte string kept at ``ref`` (-1: None)."""
    n = len(ref[2]) // 8
    return struct.unpack_from(f"<{n}i", ref[2])


def _ref_crcs(ref: Ref) -> tuple[int, ...]:
    n = len(ref[2]) // 8
    return struct.unpack_from(f"<{n}I", ref[2], 4 * n)


#: Files a kind of byte strings is kept in at most (see :meth:`Blobs.settle`).
MOST_BLOB_FILES = 8


class Unreadable(LookupError):
    """A kept byte string that is not as it was kept (its file changed, or went)."""


class Blobs:
    """Byte strings of one kind kept in files of the cache, out of memory: an entry of the
    cache under its key holds only where they are (a :data:`Ref`), and they are read back
    when written into the site, one at a time.

    At 10,000 articles the parts of the data files (:mod:`.render.export`) are 110 MB:
    kept as entries, they were unpickled whole into every build, and a cold build held them
    all from the moment they were made until the cache was written.  Each build writes the
    byte strings it makes into a new file of its own (no file is written by two builds, nor
    after the build that made it), and reads those of unchanged entries from the files they
    are in; a file is removed when the cache is saved without an entry in it.  So files
    gather, one per build that made anything: :meth:`settle` copies the entries of a file
    less than half of which is still used, and those of all files but the largest when
    there are more than :data:`MOST_BLOB_FILES`, into the new one.

    Like the rest of the cache, a file is never trusted: each byte string is read back with
    its length and CRC-32 checked, and one that is not as kept raises :class:`Unreadable`
    (its maker makes it again).  Where the cache has no folder, nothing is kept.
    """

    def __init__(self, folder: Path | None, kind: str) -> None:
        self.folder = folder
        self.kind = kind
        self._readers: dict[str, int] = {}  # open files, by name
        self._name: str | None = None  # this build's file, once it has one
        self._fd = -1
        self._size = 0
        self._failed = folder is None

    def valid(self, entry: object) -> Ref | None:
        """``entry`` when it is a :data:`Ref` to a file of this kind, else None."""
        if not (type(entry) is tuple and len(entry) == 3):
            return None
        name, offset, packed = entry
        named = _BLOB().fullmatch(name) if type(name) is str else None
        if named is None or named["kind"] != self.kind or type(offset) is not int or offset < 0:
            return None
        if type(packed) is not bytes or len(packed) % 8:
            return None
        return entry if all(n >= -1 for n in ref_sizes(entry)) else None

    def add(self, values: tuple[bytes | None, ...]) -> Ref | None:
        """Keep ``values`` in this build's file; where, or None when it cannot be written."""
        if self._failed:
            return None
        data = b"".join(v for v in values if v is not None)
        try:
            if self._name is None:
                self._open()
            assert self._name is not None
            view = memoryview(data)
            while view:
                view = view[os.write(self._fd, view) :]
        except OSError:
            self._failed = True
            return None
        lengths = [-1 if v is None else len(v) for v in values]
        crcs = [0 if v is None else zlib.crc32(v) for v in values]
        ref = _packed_ref(self._name, self._size, lengths, crcs)
        self._size += len(data)
        return ref

    def _open(self) -> None:
        """Make this build's file (a new name: none other is ever written to)."""
        assert self.folder is not None
        if not made_own_folder(self.folder):
            raise OSError("a link in the cache's place")
        name = f"{self.kind}-{os.urandom(8).hex()}.blob"
        flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | _NOFOLLOW | getattr(os, "O_BINARY", 0)
        self._fd = os.open(self.folder / name, flags, 0o644)
        # read back through the same descriptor: another build's cache, saved meanwhile,
        # may remove the file (no entry of its own uses it)
        self._readers[name] = self._fd
        self._name = name

    def read(self, ref: Ref, n: int) -> bytes | None:
        """The ``n``-th byte string kept at ``ref``; raises :class:`Unreadable` when it is not
        as kept."""
        name, offset, _ = ref
        lengths = ref_sizes(ref)
        if lengths[n] < 0:
            return None
        try:
            fd = self._readers.get(name)
            if fd is None:
                if self.folder is None:
                    raise Unreadable(name)
                fd = os.open(self.folder / name, READ_FLAGS)
                self._readers[name] = fd
            start = offset + sum(max(k, 0) for k in lengths[:n])
            data = os.pread(fd, lengths[n], start)
        except OSError:
            raise Unreadable(name) from None
        if len(data) != lengths[n] or zlib.crc32(data) != _ref_crcs(ref)[n]:
            raise Unreadable(name)
        return data

    def whole(self, ref: Ref) -> tuple[bytes | None, ...]:
        """Every byte string kept at ``ref`` (see :meth:`read`)."""
        return tuple(self.read(ref, n) for n in range(len(ref[2]) // 8))

    def settle(self, refs: list[Ref | None]) -> list[Ref | None]:
        """``refs`` (this build's, found in the cache), those to move copied into this
        build's file (see the class's text); None for one that could not be read."""
        used: Counter[str] = Counter()
        for ref in refs:
            if ref is not None:
                used[ref[0]] += sum(max(k, 0) for k in ref_sizes(ref))
        moved = {name for name in used if used[name] * 2 < self._file_size(name)}
        if len(used) > MOST_BLOB_FILES:
            largest = max(used, key=lambda name: (used[name], name))
            moved = set(used) - {largest}
        if not moved:
            return refs
        settled: list[Ref | None] = []
        for ref in refs:
            if ref is not None and ref[0] in moved:
                try:
                    ref = self.add(self.whole(ref))
                except Unreadable:
                    ref = None
            settled.append(ref)
        return settled

    def _file_size(self, name: str) -> int:
        if self.folder is None:
            return 0
        try:
            return (self.folder / name).lstat().st_size
        except OSError:
            return 0

    def close(self) -> None:
        """Close the files open (this build's stays as written: another :meth:`add` makes a
        new one)."""
        for fd in {*self._readers.values(), self._fd} - {-1}:
            with contextlib.suppress(OSError):
                os.close(fd)
        self._readers.clear()
        self._fd, self._name, self._size = -1, None, 0


class SpillBlobs(Blobs):
    """Byte strings of one build with no cache, kept out of memory all the same: in a file of
    no name (``tempfile.TemporaryFile``: on Linux, ``O_TMPFILE``) in ``folder``, the build's
    own temporary one, which :meth:`close` (or the end of the process) removes.  Nothing is
    kept for another build: at 10,000 articles, the data files' 110 MB of parts were held in
    memory by a build run with ``ARCHIVE_SITE_NO_CACHE=1`` (peak 360 MiB instead of 297)."""

    def __init__(self, folder: Path, kind: str) -> None:
        super().__init__(None, kind)
        self._spill = folder
        self._failed = False
        self._file: IO[bytes] | None = None

    def _open(self) -> None:
        self._file = tempfile.TemporaryFile(dir=self._spill)  # noqa: SIM115 - closed in close()
        self._fd = self._file.fileno()
        self._name = f"{self.kind}-{os.urandom(8).hex()}.blob"  # (a name for its references)
        self._readers[self._name] = self._fd

    def close(self) -> None:
        """Remove the file (its descriptor closed with it)."""
        self._readers.clear()
        if self._file is not None:
            with contextlib.suppress(OSError):
                self._file.close()
        self._file, self._fd, self._name, self._size = None, -1, None, 0


#: The files of a record cache read ahead of the build that uses them, by path: each one's
#: identity when read (see :func:`_identity`), the tag it was written under, and its entries.
_AHEAD: dict[str, tuple[tuple[int, int, int, int], str, dict[str, object]]] = {}


def _identity(st: os.stat_result) -> tuple[int, int, int, int]:
    """What tells a cache file from the one it is replaced by: the cache writes a new file and
    renames it into place, so its inode changes, and its size and times with it."""
    return (st.st_ino, st.st_dev, st.st_size, st.st_mtime_ns)


#: A cache file as read: its identity, the tag it was written under, and its entries.
_Read = tuple[tuple[int, int, int, int] | None, str | None, dict[str, object] | None]


def _read_file(path: str, tag: str | None = None) -> _Read:
    """The cache file at ``path`` as it was read (see :data:`_Read`); its entries None when
    there is none, it is damaged or foreign, or (``tag`` given) it was written under another
    tag: then only its head is read."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW)
    except OSError:
        return None, None, None
    try:
        with os.fdopen(fd, "rb") as f:
            identity = _identity(os.fstat(f.fileno()))
            reader = io.BufferedReader(f)
            head = _Unpickler(reader).load()
            if not (isinstance(head, dict) and head.get("format") == FORMAT):
                return identity, None, None
            written = head.get("tag")
            if not isinstance(written, str):
                return identity, None, None
            if tag is not None and written != tag:
                return identity, written, None
            body = reader.read()
            if len(body) != head.get("size") or zlib.crc32(body) != head.get("crc"):
                return None, None, None  # damaged after its head was written: a bit, a block
            entries = _Unpickler(io.BytesIO(body)).load()
    except Exception:  # a damaged pickle can raise almost anything; it is only a cache
        return None, None, None
    return identity, written, entries if isinstance(entries, dict) else None


def read_ahead(content: Path) -> int:
    """Read every file of the cache of the archive in ``content`` now, for a build of it in
    this process to take from memory (``serve``'s spare build process does so while it
    waits for the next change: at 10,000 articles, 0.7 to 1 s of every rebuild).  A
    file replaced since, or removed, is read again, or not at all, as without this.  How
    many files were read."""
    folder = os.fspath(cache_path(content))
    names: list[str] = []
    with contextlib.suppress(OSError):
        if is_own_folder(folder):
            names = sorted(n for n in os.listdir(folder) if _NAME().fullmatch(n))  # noqa: PTH208
    collecting = gc.isenabled()
    gc.disable()  # as RecordCache._read: records are no cycles, and live as long as the build
    try:
        for name in names:
            path = f"{folder}/{name}"
            identity, tag, entries = _read_file(path)
            if identity is not None and tag is not None and entries is not None:
                _AHEAD[path] = (identity, tag, entries)
    finally:
        if collecting:
            gc.freeze()
            gc.enable()
    return len(_AHEAD)
