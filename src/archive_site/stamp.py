"""The build stamp: an unchanged archive is not built again.

After a successful build, a stamp beside the output folder
(``.dist.stamp`` for ``dist/``) records what the build read: every
entry under ``content/``, ``templates/`` and the package's own code, each
regular file by its SHA-256; the versions of Python and of the libraries
that shape the output; the settings (base URL, strict).  It also records the
output folder as the build left it.  It is one line of JSON (all but the
files' hashes), then a line for each file (path, status and SHA-256, by tabs),
which only a build with something to do reads.

The next build looks before it reads.  It lists the three folders and takes
the status of every entry (``lstat``: type, size, modification and change
times, inode), which costs a fraction of reading them; when the listing is
the one recorded, no file has changed since it was hashed, and the stamp's
hashes hold.  Only the files changed too shortly before the last build
looked at them are read again (git's "racily clean" rule, below).  The
output folder is looked at the same way (when it is large, its largest
folders by a forked process at the same time: :class:`Aside`): when every
entry's status is as the build left it, the site there is the one the build
would write, byte for byte, and nothing is done.  Anything else (an edited, added, renamed or
deleted file or folder, another setting, library or Python, a touched or
removed output) builds again; before it does, every file whose status
changed is hashed, and when the hashes are the recorded ones (a file saved
unchanged, a ``touch``), nothing is built and only the stamp is renewed.

Why a status can stand for the bytes: every change to a file (a write, a
rename over it, a change of its times with ``touch``) sets its change time
(``ctime``) to the system's clock, which nobody can set back.  A file whose
change time lay well before the moment its bytes were hashed therefore shows
another change time, or another inode, after any later change.  A file whose
change time lay close to that moment (closer than the clock's tick and the
file system's time resolution) might be changed again within the same tick
and keep its status: its hash is never trusted, it is read again each time
(see :data:`RACY_NS` for the content, and :func:`write_stamp` for the output,
which takes the file system's own clock from the stamp file it creates).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import stat
import sys
import time
from array import array
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, fields
from pathlib import Path

from .files import FileProblem, cache_home, create_new, made_own_folder, read_bytes

#: Files whose change time is this close to the moment they were hashed are hashed again
#: (nanoseconds): more than a clock tick plus the coarsest file-system time resolution
#: (FAT's two seconds of modification time aside, none is coarser than one second).
RACY_NS = 2_000_000_000
#: The libraries (distribution names) whose versions can change the output.
LIBRARIES = (
    "archive-site",
    "jinja2",
    "markupsafe",
    "markdown",
    "pyyaml",
    "python-slugify",
    "trafilatura",
    "lxml",
    "lxml-html-clean",
    "pagefind",
    "pagefind-bin",
)
#: The package's own code: the files of these kinds under its folder.
PACKAGE = Path(__file__).resolve().parent
CODE_SUFFIXES = (".py", ".json", ".js", ".css", ".html")
#: 5: the JSON line carries the hash of the rest of it (``seal``).
FORMAT = 5
#: An output of this many files or more is looked at in part by another process
#: (:class:`Aside`) while this one looks at the inputs and the rest; below it, forking
#: costs more than it saves.
ASIDE_MIN_FILES = 2000
#: Linux's figures of the system's load: the fourth, ``RUNNING/ALL``, counts the tasks running.
LOADAVG = Path("/proc/loadavg")
#: Longer than the kernel's clock tick (1 to 10 ms), which stamps changed files.
TICK_S = 0.012

Stat = tuple[int, int, int, int, int]  # type and mode, size, mtime_ns, inode, ctime_ns
_U64 = (1 << 64) - 1


def stamp_path(output: Path) -> Path:
    """Where the stamp of ``output`` lives: beside it, never inside (it is not published)."""
    out = output.absolute()
    return out.parent / f".{out.name}.stamp"


def _earlier_stamp_path(output: Path) -> Path:
    """Where versions before stamp format 3 kept the stamp: removed with each new stamp."""
    path = stamp_path(output)
    return path.with_name(path.name + ".json")


def _stat(st: os.stat_result) -> Stat:
    return (st.st_mode, st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns)


def _changed_since(st: Stat, ns: int) -> bool:
    """Whether the file was changed (or claims a modification time) at ``ns`` or later."""
    return st[4] >= ns or st[2] >= ns


_READ = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def _sha(path: str) -> str:
    """The SHA-256 of a regular file (of nothing when it cannot be read: the build that
    follows reports why).  Unbuffered: a file object costs twice the system calls, and
    they are most of the cost of hashing thousands of small files."""
    try:
        fd = os.open(path, _READ)
    except OSError as exc:
        return f"unreadable: {exc.strerror}"
    h = hashlib.sha256()
    try:
        while chunk := os.read(fd, 1 << 20):
            h.update(chunk)
    except OSError as exc:
        return f"unreadable: {exc.strerror}"
    finally:
        os.close(fd)
    return h.hexdigest()


def _is_code(name: str, st: os.stat_result) -> bool:
    return stat.S_ISDIR(st.st_mode) or name.endswith(CODE_SUFFIXES)


@dataclass(frozen=True, slots=True)
class Tree:
    """A folder as it is: the status of every entry under it (links and other kinds are
    entries too, never followed), folder by folder, and one digest of all the names and
    statuses."""

    root: str
    folders: list[tuple[str, list[str], list[Stat]]]  # (path/, names, statuses)
    digest: str

    @staticmethod
    def of(root: Path, *, code: bool = False) -> Tree:
        """The entries under ``root`` (with ``code``, only folders and code files, and no
        ``__pycache__``)."""
        h = hashlib.sha256()
        folders = list(_walk(str(root), code, h))
        return Tree(str(root), folders, h.hexdigest())

    @staticmethod
    def digest_of(root: Path, aside: Collection[str] = ()) -> str:
        """The :attr:`digest` alone, each folder's statuses let go once hashed (an output of
        50,000 files: 24 MB less).  With ``aside`` (names of folders in ``root``), the digest
        of everything but what those folders hold (see :meth:`digest_apart`)."""
        h = hashlib.sha256()
        for _ in _walk(str(root), False, h, skip=aside):
            pass
        return h.hexdigest()

    @staticmethod
    def aside_digest_of(root: Path, aside: Collection[str]) -> str:
        """The digest of what the folders ``aside`` (names in ``root``) hold, by name."""
        h = hashlib.sha256()
        for name in sorted(aside):
            h.update(_aside_mark(name))
            for _ in _walk(str(root), False, h, start=f"{name}/"):
                pass
        return h.hexdigest()

    def digest_apart(self, aside: Collection[str]) -> str:
        """The digest of this tree with the folders ``aside`` (names in the root) hashed
        apart: :meth:`digest_of` with ``aside`` and :meth:`aside_digest_of` combined, which
        two processes can take at once (:class:`Aside`); :attr:`digest` without ``aside``."""
        if not aside:
            return self.digest
        own, apart = hashlib.sha256(), hashlib.sha256()
        by_name = {name: list[tuple[str, list[str], list[Stat]]]() for name in aside}
        for folder in self.folders:
            held = by_name.get(folder[0].partition("/")[0]) if folder[0] else None
            if held is None:
                _hash_folder(own, *folder)
            else:
                held.append(folder)
        for name in sorted(aside):
            apart.update(_aside_mark(name))
            for folder in by_name[name]:
                _hash_folder(apart, *folder)
        return combined(own.hexdigest(), apart.hexdigest())

    def split(self, others: int) -> list[str]:
        """The largest folders in the root whose entries come nearest, without passing it,
        to half of this tree's entries and ``others`` (entries another process has to look
        at meanwhile), largest first: what :class:`Aside` looks at."""
        counts: dict[str, int] = {}
        for rel, names, _ in self.folders:
            if rel:
                top = rel.partition("/")[0]
                counts[top] = counts.get(top, 0) + len(names) + 1
        room = (sum(counts.values()) + others) // 2
        chosen: list[str] = []
        for name, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
            if count <= room:
                chosen.append(name)
                room -= count
        return chosen

    def entries(self) -> Iterator[tuple[str, Stat]]:
        """Every entry by path relative to the root (``a/b`` for a file, ``a/`` for a folder)."""
        for rel, names, stats in self.folders:
            for name, st in zip(names, stats, strict=True):
                yield (f"{rel}{name}/" if stat.S_ISDIR(st[0]) else rel + name), st

    def changed_since(self, ns: int) -> dict[str, str]:
        """The regular files changed at ``ns`` or later, each with its hash now."""
        return {
            rel: _sha(f"{self.root}/{rel}")
            for rel, st in self.entries()
            if stat.S_ISREG(st[0]) and _changed_since(st, ns)
        }

    def still(self, hashes: Mapping[str, str]) -> bool:
        """Whether each of these files (by path relative to the root) still has its hash."""
        return _still(self.root, hashes)


def _still(root: str, hashes: Mapping[str, str]) -> bool:
    return all(_sha(f"{root}/{rel}") == digest for rel, digest in hashes.items())


def _aside_mark(name: str) -> bytes:
    """What starts a folder's part in a digest of folders hashed apart."""
    return f"\0aside\0{name}\0".encode(errors="surrogateescape")


def combined(own: str, aside: str) -> str:
    """One digest of a tree hashed in two parts (:meth:`Tree.digest_apart`)."""
    return hashlib.sha256(f"{own}\0{aside}".encode()).hexdigest()


def _walk(
    top: str,
    code: bool,
    h: hashlib._Hash,
    *,
    start: str = "",
    skip: Collection[str] = (),
) -> Iterator[tuple[str, list[str], list[Stat]]]:
    """Each folder under ``top`` (``path/`` from it), its names and their statuses, the
    names and statuses added to ``h`` first.  Plain strings, each folder opened once and its
    entries' statuses taken relative to it (``lstat`` costs several times the rest).

    ``start``: the folder to begin at (``name/``), named from ``top`` as in a whole walk;
    ``skip``: names of folders in ``top`` whose entries are left out (their own statuses,
    in ``top``'s listing, are not)."""
    stack = [start]
    while stack:
        rel = stack.pop()
        try:
            names, stats = _listing(f"{top}/{rel[:-1]}" if rel else top, code, inner=bool(rel))
        except OSError as exc:
            h.update(f"{rel}\0unreadable {exc.errno}\0\0".encode())
            continue
        _hash_folder(h, rel, names, stats)
        yield rel, names, stats
        stack += [
            f"{rel}{n}/"
            for n, st in zip(names, stats, strict=True)
            if stat.S_ISDIR(st[0]) and (rel or n not in skip)
        ]


def _hash_folder(h: hashlib._Hash, rel: str, names: list[str], stats: list[Stat]) -> None:
    """Add a folder's names and their statuses to ``h``."""
    h.update("\0".join([rel, *names, "\0"]).encode(errors="surrogateescape"))
    values = array("Q")
    for st in stats:
        values.extend((st[0], st[1], st[2] & _U64, st[3], st[4] & _U64))
    h.update(values)


def _listing(folder: str, code: bool, *, inner: bool = False) -> tuple[list[str], list[Stat]]:
    """The names in ``folder``, sorted, and their statuses (with ``code``, only folders and
    code files, and no ``__pycache__``); a name gone since it was listed is left out.
    Statuses as :data:`Stat`: an ``os.stat_result`` takes three times the memory (a tree of
    a 10,000-article output: 38 MB as those).
    ``inner``: a folder inside the one walked, never opened through a link (the walk's
    top may be one)."""
    flags = os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_CLOEXEC", 0)
    if inner:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(folder, flags)
    try:
        names = sorted(os.listdir(fd))  # noqa: PTH208 (a folder descriptor)
        if not code:
            try:  # the common case, in one loop of C calls
                return names, [_stat(os.lstat(name, dir_fd=fd)) for name in names]
            except FileNotFoundError:
                pass
        kept: list[str] = []
        stats: list[Stat] = []
        for name in names:
            if code and name == "__pycache__":
                continue
            try:
                st = os.lstat(name, dir_fd=fd)
            except FileNotFoundError:
                continue
            if not code or _is_code(name, st):
                kept.append(name)
                stats.append(_stat(st))
    finally:
        os.close(fd)
    return kept, stats


def library_versions() -> list[str]:
    """``NAME==VERSION`` (or ``NAME missing``) for each of :data:`LIBRARIES`, as found first
    on ``sys.path``.

    Read from the names of the ``NAME-VERSION.dist-info`` folders the installers write
    (the name normalised as PEP 503 does), which is where ``importlib.metadata`` finds
    them too; importing that module alone takes a fifth of an unchanged build's budget.
    """
    wanted = {_normal(lib): lib for lib in LIBRARIES}
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")  # noqa: PTH208
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info"):
                dist, _, version = name[: -len(".dist-info")].partition("-")
                found.setdefault(_normal(dist), version)
    return [
        f"{lib}=={found[key]}" if key in found else f"{lib} missing"
        for key, lib in sorted(wanted.items())
    ]


def _normal(name: str) -> str:
    return "".join("-" if c in "-_." else c for c in name.lower())


@dataclass(frozen=True, slots=True)
class Found:
    """What a build would read, as found before reading it: the settings (with the
    versions of Python and the libraries) and a :class:`Tree` of each folder."""

    settings: str
    trees: dict[str, Tree]
    scanned_ns: int  # the clock just before the first look: every hash is taken later

    @staticmethod
    def look(folders: Mapping[str, Path], settings: Mapping[str, object]) -> Found:
        """``folders`` by name (``code`` holds the package's code); ``settings`` as JSON."""
        scanned_ns = time.time_ns()
        about = [FORMAT, sys.version, library_versions(), dict(settings)]
        key = json.dumps(about, sort_keys=True, default=str)
        trees = {
            name: Tree.of(folder, code=name == "code") for name, folder in sorted(folders.items())
        }
        return Found(key, trees, scanned_ns)

    @property
    def listing(self) -> str:
        """One digest of the settings and every name and status."""
        h = hashlib.sha256(self.settings.encode())
        for name, tree in self.trees.items():
            h.update(f"\0{name}\0{tree.digest}".encode())
        return h.hexdigest()

    @property
    def roots(self) -> dict[str, str]:
        """Each folder looked at, by name, as an absolute path."""
        return {name: str(Path(tree.root).absolute()) for name, tree in self.trees.items()}

    def hashed(self, previous: Stamp | Known | None) -> Inputs:
        """Every file hashed: read again where ``previous`` (a stamp, or the hashes the last
        build from the same folders kept: :func:`read_known`) cannot vouch for it."""
        known = previous.file_hashes() if previous is not None else {}
        trusted_before = previous.scanned_ns - RACY_NS if previous is not None else 0
        hashes: dict[str, tuple[Stat, str]] = {}
        others: list[str] = []
        read = 0
        for name, tree in self.trees.items():
            for rel, st in tree.entries():
                key = f"{name}/{rel}"
                if not stat.S_ISREG(st[0]):
                    others.append(f"{key}\0{stat.S_IFMT(st[0])}")
                    continue
                now = st
                was = known.get(key)
                trusted = (
                    was is not None and was[0] == now and not _changed_since(st, trusted_before)
                )
                if trusted and was is not None:
                    digest = was[1]
                else:
                    digest, read = _sha(f"{tree.root}/{rel}"), read + 1
                hashes[key] = (now, digest)
        return Inputs(self, hashes, others, read)


@dataclass(frozen=True, slots=True)
class Inputs:
    """What a build read: each regular file's status and hash (by ``folder/path``), the
    other entries (folders, links: by path and kind), and the fingerprint of it all."""

    found: Found
    hashes: dict[str, tuple[Stat, str]]
    others: list[str]
    read: int = 0  # the files hashed by reading them (the others' hashes were known)

    @property
    def fingerprint(self) -> str:
        """The settings and every entry's path, kind and (for a file) hash: what the
        output is made from."""
        h = hashlib.sha256(self.found.settings.encode())
        for key, (_, digest) in sorted(self.hashes.items()):
            h.update(f"{key}\0{digest}\n".encode(errors="surrogateescape"))
        for other in self.others:
            h.update(f"{other}\n".encode(errors="surrogateescape"))
        return h.hexdigest()

    def recent(self) -> dict[str, str]:
        """The files changed too shortly before they were looked at to be trusted by their
        status next time, each with the hash the build took."""
        since = self.found.scanned_ns - RACY_NS
        return {
            key: digest
            for key, (st, digest) in self.hashes.items()
            if st[4] >= since or st[2] >= since  # ctime, mtime
        }

    def digests(self, prefix: str = "") -> Digests:
        """The SHA-256 of each file under ``prefix`` (``"content/"``), by its path after it."""
        return Digests(self.hashes, prefix)

    @property
    def code(self) -> str:
        """The package's own code (its files' hashes) and the versions of Python and the
        libraries: what a cache of the build's intermediate results depends on."""
        h = hashlib.sha256(json.dumps([sys.version, library_versions()]).encode())
        for key, (_, digest) in sorted(self.hashes.items()):
            if key.startswith("code/"):
                h.update(f"{key}\0{digest}\n".encode(errors="surrogateescape"))
        return h.hexdigest()


class Digests(Mapping[str, str]):
    """The hashes of :attr:`Inputs.hashes` under a prefix, by path after it: a view, not a
    copy (at 10,000 articles a copy was 20,000 keys and their strings, 2 MiB, each)."""

    __slots__ = ("_hashes", "_prefix")

    def __init__(self, hashes: Mapping[str, tuple[Stat, str]], prefix: str) -> None:
        self._hashes = hashes
        self._prefix = prefix

    def __getitem__(self, key: str) -> str:
        return self._hashes[self._prefix + key][1]

    def __iter__(self) -> Iterator[str]:
        n = len(self._prefix)
        return (k[n:] for k in self._hashes if k.startswith(self._prefix))

    def __len__(self) -> int:
        return sum(1 for k in self._hashes if k.startswith(self._prefix))


@dataclass(frozen=True, slots=True)
class Stamp:
    """The stamp of the last successful build into an output folder."""

    listing: str  # Found.listing
    fingerprint: str  # Inputs.fingerprint
    scanned_ns: int
    recent: dict[str, str]  # inputs not to be trusted by their status: always hashed
    hashes: bytes  # every input file: "key\tstatus\tsha256" lines (decoded only when needed)
    output: str  # Tree.digest_apart of the output folder, with output_aside
    output_aside: list[str]  # the output's folders another process looks at (Aside)
    output_recent: dict[str, str]  # output files not to be trusted by their status
    summary: dict[str, object]  # figures for the report: pages, files, summary

    @staticmethod
    def read(output: Path) -> Stamp | None:
        """The stamp of ``output``, or None when there is none that can be used.

        Its first line is JSON (all but the file hashes); the hashes follow it, one file a
        line, and are kept as bytes: only a build with something to do decodes them."""
        try:
            # a regular file only, not through a link, not too large (a link to /dev/zero
            # beside the output, or a FIFO, ran out of memory or waited for ever)
            head, _, lines = read_bytes(stamp_path(output)).partition(b"\n")
            data = json.loads(head)
            if data.get("format") != FORMAT or data.pop("seal", None) != _seal(data):
                return None  # another version's, or damaged: a summary or warnings not its
            data["hashes"] = lines
            stamp = Stamp(**{f.name: data[f.name] for f in fields(Stamp)})
        except (FileProblem, OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        return stamp if _well_formed(stamp) else None

    def file_hashes(self) -> dict[str, tuple[Stat, str]]:
        """The recorded status and hash of every input file (none if the record is damaged)."""
        return _file_hashes(self.hashes)

    def inputs_unchanged(self, found: Found) -> bool:
        """Whether nothing the build reads has changed, by their statuses (and the hashes
        of the files too recently changed to be trusted by them)."""
        if found.listing != self.listing:
            return False
        roots = {name: tree.root for name, tree in found.trees.items()}
        for key, digest in self.recent.items():
            name, _, rel = key.partition("/")
            if name not in roots or _sha(f"{roots[name]}/{rel}") != digest:
                return False
        return True

    def output_unchanged(self, output: Path, aside: Aside | None = None) -> bool:
        """Whether the output folder is as the build left it: every entry's status (and the
        hashes of the files written too shortly before the stamp to be trusted by it).
        With ``aside``, the digest of its entries that process took."""
        if not output.is_dir() or output.is_symlink():
            return False
        names = self.output_aside
        if names:
            own = Tree.digest_of(output, names)
            theirs = aside.digest() if aside is not None else None
            digest = combined(own, theirs or Tree.aside_digest_of(output, names))
        else:
            digest = Tree.digest_of(output)
        return digest == self.output and _still(str(output), self.output_recent)

    def look_aside(self, output: Path) -> Aside | None:
        """The folders of the output the stamp names (:attr:`output_aside`: when it is
        large enough for that to pay) looked at by another process, meanwhile (see
        :class:`Aside`)."""
        return Aside.start(output, self.output_aside) if self.output_aside else None


@dataclass(slots=True)
class Aside:
    """The digest of some of the output's folders (:meth:`Tree.aside_digest_of`) taken by
    a forked process, while this one looks at the inputs and the rest of the output: two
    cores take the statuses at once (threads do not: each ``lstat`` gives up and takes back
    the interpreter's lock, and two threads spend more time passing it than they save).
    Which folders is decided when the stamp is written (:meth:`Tree.split`): the largest
    that come nearest to half of all the entries both processes look at, so that they end
    at about the same time (at 10,000 articles the output has 52,000 entries, the inputs
    20,000).

    Only where a core is idle now: on a busy machine the two processes only share the
    parent's time (Linux shares it out by session), the fork is a loss, and a build whose
    inputs changed, which has no use for the child, takes longer to find it out.  The
    child runs at the lowest priority all the same (a core idle a moment ago may not be
    idle now).  It writes the digest's 64 characters into a pipe, in one write, and
    exits without running any of the parent's clean-up.  Anything else (no ``fork`` on
    this system, threads in this process, no idle core, a child that died) gives no
    digest, and the parent takes the statuses itself.
    """

    pid: int
    fd: int
    done: bool = False

    @staticmethod
    def start(root: Path, names: Collection[str]) -> Aside | None:
        """Start looking at the folders ``names`` in ``root`` (None: where another process
        cannot)."""
        threading = sys.modules.get("threading")
        if not hasattr(os, "fork") or (threading is not None and threading.active_count() > 1):
            return None
        if not _spare_core():
            return None
        read, write = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read)
            os.close(write)
            return None
        if pid == 0:  # pragma: no cover (the child: coverage does not follow it)
            try:
                os.close(read)
                os.nice(19)  # on a busy machine, its time is the parent's: let it go first
                os.write(write, Tree.aside_digest_of(root, names).encode())
            finally:
                os._exit(0)
        os.close(write)
        return Aside(pid, read)

    def digest(self) -> str | None:
        """The digest the other process took (waiting for it), or None if it took none."""
        if self.done:
            return None
        try:
            data = os.read(self.fd, 65)
        except OSError:
            data = b""
        self.close()
        return data.decode() if len(data) == 64 else None

    def close(self) -> None:
        """Stop the other process (if still looking) and reap it."""
        if not self.done:
            self.done = True
            os.close(self.fd)
            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)


def _spare_core() -> bool:
    """Whether a core is idle now: fewer tasks running, this one among them, than cores
    this process may use (as Linux's ``/proc/loadavg`` counts them; elsewhere, no)."""
    try:
        running = int(LOADAVG.read_bytes().split()[3].split(b"/")[0])
    except (OSError, ValueError, IndexError):
        return False
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return running < (cores or 1)


def _well_formed(stamp: Stamp) -> bool:
    strings = (stamp.listing, stamp.fingerprint, stamp.output)
    maps = (stamp.recent, stamp.output_recent)
    aside = stamp.output_aside
    return (
        all(isinstance(s, str) for s in strings)
        and isinstance(aside, list)
        and all(isinstance(name, str) and name and "/" not in name for name in aside)
        and isinstance(stamp.scanned_ns, int)
        and all(isinstance(m, dict) and all(isinstance(v, str) for v in m.values()) for m in maps)
        and isinstance(stamp.summary, dict)
    )


def _seal(head: Mapping[str, object]) -> str:
    """The hash of a stamp's JSON line, but its seal: what in it is not compared with the
    files (the summary an unchanged build prints, its warnings) is used only as written.
    (The lines of hashes need none: a damaged one is compared, and unlike, and builds.)"""
    return hashlib.sha256(json.dumps(head, separators=(",", ":")).encode()).hexdigest()


def write_stamp(
    output: Path, inputs: Inputs, summary: Mapping[str, object], *, kept: Stamp | None = None
) -> None:
    """Record a successful build of ``inputs`` into ``output`` (best effort: a stamp that
    cannot be written only means the next build builds in full).  With ``kept``, the
    output folder is known to be the one ``kept`` recorded, and its record is kept.

    The stamp file is created first, and its modification time is the file system's
    clock at that moment: output files changed at that time or later are not trusted by
    their status next time, and their hashes are recorded instead.  It is created a clock
    tick (:data:`TICK_S`) after the build's last change to the output (files written,
    the previous site removed), so that those are rarely within the same tick.  (When the
    output folder lies on another file system, whose clock and resolution may differ,
    the margin :data:`RACY_NS` is taken as for the content.)
    """
    path = stamp_path(output)
    tmp = path.with_name(path.name + ".tmp")  # beside the output: never written through a link
    found = inputs.found
    if kept is None:
        time.sleep(TICK_S)
    try:
        with os.fdopen(create_new(tmp), "wb") as f:
            if kept is not None:
                digest, recent, aside = kept.output, kept.output_recent, kept.output_aside
            else:
                probe = os.fstat(f.fileno())
                now = probe.st_mtime_ns
                if os.lstat(output).st_dev != probe.st_dev:
                    now = min(now, time.time_ns()) - RACY_NS
                tree = Tree.of(output)
                large = sum(len(names) for _, names, _ in tree.folders) >= ASIDE_MIN_FILES
                aside = tree.split(len(inputs.hashes) + len(inputs.others)) if large else []
                digest, recent = tree.digest_apart(aside), tree.changed_since(now)
            data = {
                "format": FORMAT,
                "listing": found.listing,
                "fingerprint": inputs.fingerprint,
                "scanned_ns": found.scanned_ns,
                "recent": inputs.recent(),
                "output": digest,
                "output_aside": aside,
                "output_recent": recent,
                "summary": dict(summary),
            }
            data["seal"] = _seal(data)
            f.write(json.dumps(data, separators=(",", ":")).encode() + b"\n")
            f.write(_hash_lines(inputs))
        tmp.replace(path)
        _earlier_stamp_path(output).unlink(missing_ok=True)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def _file_hashes(lines: bytes) -> dict[str, tuple[Stat, str]]:
    """The status and hash of each file of :func:`_hash_lines` (none if one is damaged)."""
    known: dict[str, tuple[Stat, str]] = {}
    try:
        for line in lines.decode(errors="surrogateescape").split("\n")[:-1]:
            key, status, digest = line.split("\t")
            mode, size, mtime, inode, ctime = map(int, status.split())
            known[key] = ((mode, size, mtime, inode, ctime), digest)
    except ValueError:
        return {}
    return known


def _hash_lines(inputs: Inputs) -> bytes:
    """Every input file of ``inputs``: ``key\tstatus\tsha256``, a line each."""
    lines = [f"{k}\t{' '.join(map(str, s))}\t{d}\n" for k, (s, d) in inputs.hashes.items()]
    return "".join(lines).encode(errors="surrogateescape")


@dataclass(frozen=True, slots=True)
class Known:
    """The hashes of the files the last build (or check) from the same folders read, kept
    in the user's cache folder (see :func:`write_known`): what a build without a stamp of
    its own output needs not read again (``serve`` builds into a new folder each time, and
    makes no stamp).  They vouch for a file by the same rule as a stamp's."""

    scanned_ns: int
    hashes: bytes  # as a stamp's

    def file_hashes(self) -> dict[str, tuple[Stat, str]]:
        return _file_hashes(self.hashes)


#: Raised by every change to what :func:`write_known` writes.
KNOWN_FORMAT = 1


def known_path(found: Found) -> Path:
    """Where the hashes of the files under ``found``'s folders are kept (see :class:`Known`)."""
    name = hashlib.sha256(json.dumps(found.roots, sort_keys=True).encode()).hexdigest()[:32]
    return cache_home() / "hashes" / name


def read_known(found: Found) -> Known | None:
    """The hashes kept of the files under ``found``'s folders, or None when there are none
    that can be used (another format, other folders, damaged)."""
    try:
        head, _, lines = read_bytes(known_path(found)).partition(b"\n")
        data = json.loads(head)
        scanned = data["scanned_ns"]
        if data.get("format") != KNOWN_FORMAT or data.get("roots") != found.roots:
            return None
    except (FileProblem, OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return Known(scanned, lines) if type(scanned) is int else None


def newer(stamp: Stamp | None, known: Known | None) -> Stamp | Known | None:
    """The one of ``stamp`` and ``known`` taken later: it vouches for more files."""
    if stamp is None or known is None:
        return stamp or known
    return known if known.scanned_ns > stamp.scanned_ns else stamp


def write_known(inputs: Inputs) -> None:
    """Keep the hashes of ``inputs`` for the next build from the same folders (see
    :class:`Known`), when it read any file (else those kept hold: best effort)."""
    if not inputs.read:
        return
    path = known_path(inputs.found)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    head = {"format": KNOWN_FORMAT, "roots": inputs.found.roots}
    head["scanned_ns"] = inputs.found.scanned_ns
    try:
        if not made_own_folder(path.parent):
            return
        with os.fdopen(create_new(tmp), "wb") as f:
            f.write(json.dumps(head).encode() + b"\n" + _hash_lines(inputs))
        tmp.replace(path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def forget(output: Path) -> None:
    """Remove the stamp of ``output`` (before the output changes)."""
    stamp_path(output).unlink(missing_ok=True)
