"""Write the rendered site: into a fresh folder, swapped in only when complete.

The output folder is the build's alone:

* it may neither hold nor lie inside a folder the build reads (content,
  templates, the package) nor hold the working folder;
* every build records the files it wrote in :data:`MANIFEST`, and a folder
  that holds anything else (a ``.git``, a ``CNAME``, a thesis) is refused,
  never replaced; so is a non-empty folder without a manifest;
* the new site is written into a temporary folder beside it and swapped in
  only when complete, with one atomic exchange where the system has one
  (Linux), so at every instant the folder holds either the old site or the
  new one; a failed build leaves the previous one exactly as it was;
* temporary folders left by a killed build (``.dist.new-PID-*``) are removed
  by the next build, and a previous site set aside by one is put back.

Nothing outside the output folder and those temporary folders beside it is
written or deleted.
"""

from __future__ import annotations

import bisect
import errno
import os
import shutil
import stat
import subprocess
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ArchiveError, Diagnostic, display_path
from .files import FileProblem, cache_home, read_bytes
from .layout import ARTICLES_DIR, ENTITIES_FILE, MILESTONES_FILE, PAGES_DIR, TOPICS_FILE, is_id
from .patterns import later

if TYPE_CHECKING:
    from .model import Output

Stat = tuple[int, int, int]  # a file's size, modification time (ns) and inode

#: The list of the files a build wrote, one site path a line, written last.
MANIFEST = ".archive-site-files"
_MANIFEST_HEAD = "# Files written by archive-site; a build replaces only a folder holding these.\n"
#: This package: a build never writes into its own code.
PACKAGE = Path(__file__).resolve().parent
#: Most foreign entries a refusal lists.
_SHOWN = 5


def _refuse(out: Path, message: str) -> ArchiveError:
    return ArchiveError([Diagnostic(display_path(out), None, message)])


def check_output_folder(out: Path, reads: Iterable[Path]) -> None:
    """Refuse an output folder that overlaps what the build reads, or holds what it did not write.

    ``reads`` are the folders the build reads (content and templates); the
    package, the user's cache folder and the working folder are protected as well.
    """
    check_output_place(out, reads)
    check_output_contents(out)


def check_output_place(out: Path, reads: Iterable[Path]) -> None:
    """Refuse an output folder that overlaps what the build reads (see
    :func:`check_output_folder`)."""
    target = out.resolve()
    # the cache too: its pruning, between two builds or during one, removes what it did
    # not write (an output in search-bundles/ lost its index while it was being made)
    for folder in (*reads, PACKAGE, cache_home()):
        q = folder.resolve()
        if target == q or target in q.parents:
            raise _refuse(out, f"the output folder would replace {display_path(folder)}")
        if q in target.parents:
            raise _refuse(out, f"the output folder would lie inside {display_path(folder)}")
    cwd = Path.cwd().resolve()
    if target == cwd or target in cwd.parents:
        raise _refuse(out, "the output folder would replace the working folder")
    if out.is_symlink():  # replaced by the build's folder, the link's target would be left
        raise _refuse(out, "the output path is a symbolic link: give the folder it names itself")
    if out.exists() and not out.is_dir():
        raise _refuse(out, "the output path exists and is not a folder")
    if (problem := name_too_long(out)) is not None:
        raise _refuse(out, problem)


#: The most bytes a file's name may hold on most file systems (NAME_MAX).
_NAME_MAX = 255
#: The most bytes the names of a command's own files beside its folder add to the folder's
#: name: ``.NAME.new-PID-RANDOM`` (26 with the longest process id), ``.NAME.stamp``,
#: ``.NAME.init-PID``.
_BESIDE = 30


def name_too_long(folder: Path) -> str | None:
    """What a folder a command makes (the output, init's) is told when its name leaves no
    room for those of the command's own files beside it (``.NAME.new-PID-RANDOM``): the
    system refused them as "File name too long", told of the folder, whose name is not."""
    size = len(os.fsencode(folder.absolute().name))
    if size + _BESIDE <= _NAME_MAX:
        return None
    return (
        f"its name is {size} bytes long, and archive-site writes files beside it named after "
        f"it (such as .NAME.new-...), which a file system's limit of {_NAME_MAX} bytes to a name "
        f"would refuse: give a name of at most {_NAME_MAX - _BESIDE} bytes"
    )


def check_output_contents(out: Path) -> None:
    """Refuse an output folder that holds what no build wrote (see :func:`check_output_folder`)."""
    foreign = foreign_entries(out) if out.is_dir() else []
    if foreign:
        shown = ", ".join(foreign[:_SHOWN]) + (", ..." if len(foreign) > _SHOWN else "")
        raise _refuse(
            out,
            f"the output folder holds files archive-site did not write ({shown}); a build "
            "replaces the whole folder, so move them away, or choose another with --output",
        )


def foreign_entries(out: Path) -> list[str]:
    """What ``out`` holds that no build recorded in its manifest (all of it, without one).

    Plain strings and the kinds the folder listing gives (no ``stat`` per file): this
    runs before every build, over every file of the site.
    """
    written = _manifest(out)
    in_order = sorted(written)
    foreign: list[str] = []
    stack = [""]
    while stack:
        rel = stack.pop()
        with os.scandir(f"{out}/{rel}") as listing:
            entries = sorted(listing, key=lambda e: e.name)
        for entry in entries:  # links are listed, never followed
            path = rel + entry.name
            if not entry.is_dir(follow_symlinks=False):
                if path not in written and path != MANIFEST:
                    foreign.append(path)
            elif _holds(in_order, path + "/"):
                stack.append(path + "/")
            else:
                foreign.append(path + "/")
    return sorted(foreign)


def _holds(in_order: list[str], folder: str) -> bool:
    """Whether a path of ``in_order`` (sorted) lies under ``folder`` (ending in "/"): the
    first path not before it starts with it.  Never the set of every path's folders, whose
    size grows with the square of a line's depth (a hostile manifest's line of 200,000
    folders held 40 GB of them)."""
    at = bisect.bisect_left(in_order, folder)
    return at < len(in_order) and in_order[at].startswith(folder)


def _manifest(out: Path) -> frozenset[str]:
    try:
        text = read_bytes(out / MANIFEST).decode("utf-8")
    except (FileProblem, UnicodeDecodeError):
        return frozenset()
    if not text.startswith(_MANIFEST_HEAD):
        return frozenset()
    return frozenset(line for line in text.split("\n")[1:] if line)


#: What keeps the address of a record's page when the record goes.
_KEEP = "keep it, or give '{id}' in the 'former_ids' of the {kind} that takes its place"
#: Where each kind of record has its page (the folder of its address, "" for a hand-written
#: page's), what it is called, the content file or folder that holds it, and what keeps its
#: address when it goes.
_RECORD_PAGES = (
    (
        "milestones/",
        "milestone",
        MILESTONES_FILE,
        "keep its entry, with 'withdrawn:' if the archive no longer holds it true (its page "
        "stays, saying so), or give '{id}' in the 'former_ids' of the milestone that takes "
        "its place",
    ),
    ("articles/", "article", f"{ARTICLES_DIR}/", _KEEP.replace("keep it", "keep its capture")),
    ("entities/", "entity", ENTITIES_FILE, _KEEP),
    ("topics/", "topic", TOPICS_FILE, _KEEP),
    ("", "page", f"{PAGES_DIR}/", _KEEP),
)


def gone_pages(previous: Path, planned: Iterable[str], content: Path) -> list[Diagnostic]:
    """A warning for each record's page that the last build into ``previous`` wrote (its
    manifest says so) and that the site ``planned`` has not, neither as the record's page
    (a withdrawn milestone keeps its own) nor as a page sending readers on from a former
    id: its address, which readers may cite, would be the 404 page.  Only the warnings
    depend on the previous output, never what is written."""
    kept = set(planned)
    shown = display_path(previous)  # once: a manifest may list a million pages
    wheres = [display_path(content / h) + h[len(h.rstrip("/")) :] for _, _, h, _ in _RECORD_PAGES]
    found: list[Diagnostic] = []
    for path in sorted(_manifest(previous) - kept):
        if _YEAR_PAGE().fullmatch(path):
            found.append(_gone_year(shown, display_path(content), path))
        for (folder, kind, _, remedy), where in zip(_RECORD_PAGES, wheres, strict=True):
            ident = path.removeprefix(folder).removesuffix(".html")
            if path.startswith(folder) and path.endswith(".html") and is_id(ident):
                found.append(_gone(shown, where, kind, path, ident, remedy))
                break
    return found


def _gone(previous: str, where: str, kind: str, path: str, ident: str, remedy: str) -> Diagnostic:
    return Diagnostic(
        where,
        None,
        f"the {kind} '{ident}' is gone: the last build into {previous}/ wrote its page, "
        f"{path}, and this one would not, so its address, which readers may have cited, "
        f"would be the 404 page. To keep the address, {remedy.format(id=ident, kind=kind)}. "
        "(Only the first build without it can tell: the next no longer knows the page; "
        "--strict stops the build here.)",
        "warning",
    )


#: A year's page (its first: the pages past it shift as its lists grow, see README).
_YEAR_PAGE = later(r"years/-?\d+\.html")


def _gone_year(previous: str, content: str, path: str) -> Diagnostic:
    year = path.removeprefix("years/").removesuffix(".html")
    return Diagnostic(
        f"{content}/",
        None,
        f"the year {year} is gone: the last build into {previous}/ wrote its page, {path}, "
        f"and this one would not, as no milestone of {year} (current or withdrawn) nor article "
        "published in it is left, so its address, which readers may have cited, would be the "
        f"404 page. To keep the address, keep the year's last milestone, with 'withdrawn:' if "
        "the archive no longer holds it true (the year's page stays, naming it as withdrawn), "
        "or its last article. (Only the first build without it can tell: the next no longer "
        "knows the page; --strict stops the build here.)",
        "warning",
    )


def write_site(
    outputs: Iterable[Output], out: Path, finish: Callable[[Path], object] | None = None
) -> int:
    """Write every output under a temporary folder beside ``out``, then swap it in.

    ``finish`` (the search index) runs on the complete temporary folder before
    the swap; if it raises, nothing is swapped. Returns the number of files written.
    """
    written: list[int] = []
    write_folder(lambda tmp: written.append(write_files(outputs, tmp)), out, finish)()
    return written[0]


def write_folder(
    fill: Callable[[Path], object], out: Path, finish: Callable[[Path], object] | None = None
) -> Callable[[], None]:
    """Make a fresh temporary folder beside ``out``, have ``fill`` write the site into it
    (see :func:`write_files`), then ``finish``, and swap it in for ``out``.

    If anything raises (or the build is interrupted), the temporary folder is removed and
    ``out`` stays as it was.  The old site is deleted by a thread of its own once the new
    one is in place (at 10,000 articles, half a second of unlinking that the caller's last
    steps need not wait for): the function returned waits for it to end.
    """
    parent = out.absolute().parent
    parent.mkdir(parents=True, exist_ok=True)
    clean_up_after_killed_builds(out)
    tmp = _fresh(parent, out.name, "new")
    try:
        tmp.mkdir(mode=0o755)
        tmp.chmod(0o755)
        fill(tmp)
        if finish is not None:
            finish(tmp)
        _write_manifest(tmp)
        old = _swap_in(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return _deleting(old)


def _deleting(folder: Path | None) -> Callable[[], None]:
    """Delete ``folder`` meanwhile; the function that waits for it to be gone.

    Where the system has ``rm``, a process of its own deletes it: a thread would hold
    Python's lock between its calls, and slow the caller's own work as much as it saves.
    The caller waits for it before it returns.  Were the build killed meanwhile, ``rm``
    goes on; a thread's folder, named as a killed build's, is left for
    :func:`clean_up_after_killed_builds`.
    """
    if folder is None:
        return lambda: None
    rm = shutil.which("rm") if os.name == "posix" else None
    if rm is not None:
        try:
            proc = subprocess.Popen(  # a fixed program, our own folder
                [rm, "-rf", "--", os.fspath(folder)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,  # as rmtree's ignore_errors: what it left is retried
            )
        except OSError:
            pass
        else:

            def wait() -> None:
                proc.wait()
                shutil.rmtree(folder, ignore_errors=True)  # what rm could not, if anything

            return wait
    thread = threading.Thread(
        target=shutil.rmtree, args=(folder,), kwargs={"ignore_errors": True}, name="old site"
    )
    thread.start()
    return thread.join


def write_files(outputs: Iterable[Output], folder: Path) -> int:
    """Write each output under ``folder`` as it comes; returns how many."""
    files = Files(folder)
    for o in outputs:
        files.write(o)
    return files.count


_NEW_FILE = (
    os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
)


#: Parts of a file given in parts are written in batches of about this many bytes.
BATCH_BYTES = 1 << 20


def _chunked(parts: Iterable[bytes]) -> Iterator[bytes]:
    """``parts`` joined into batches of about :data:`BATCH_BYTES` (one system call each,
    where a call per part would cost more than the writing; never the whole joined)."""
    batch: list[bytes] = []
    size = 0
    for part in parts:
        batch.append(part)
        size += len(part)
        if size >= BATCH_BYTES:
            yield b"".join(batch)
            batch, size = [], 0
    if batch:
        yield b"".join(batch)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


class Files:
    """Writes outputs under a fresh folder (the build's temporary one: nothing is replaced)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._root = os.fspath(folder)
        self._made: set[str] = {""}
        self.count = 0

    def _folder(self, path: str) -> None:
        sub = path.rpartition("/")[0]
        if sub not in self._made:
            (self.folder / sub).mkdir(parents=True, exist_ok=True)
            self._made.add(sub)

    def write(self, o: Output) -> Stat:
        """Write ``o``; its file's size, modification time and inode."""
        self._folder(o.path)
        # A string path and the system calls themselves: a Path, or a buffered file object,
        # per file costs more than writing it.
        fd = os.open(f"{self._root}/{o.path}", _NEW_FILE, 0o666)
        try:
            if isinstance(o.data, bytes):
                _write_all(fd, o.data)
            else:
                for chunk in _chunked(o.data):
                    _write_all(fd, chunk)
            st = os.fstat(fd)
        finally:
            os.close(fd)
        self.count += 1
        return (st.st_size, st.st_mtime_ns, st.st_ino)

    def link(self, source: str, path: str, expected: Stat) -> bool:
        """Link the file ``source`` (an absolute path) in as ``path`` if it is a regular file
        with the ``expected`` size, modification time and inode; False (and nothing left at
        ``path``) otherwise, or where the file system has no hard links."""
        self._folder(path)
        target = f"{self._root}/{path}"
        try:
            os.link(source, target, follow_symlinks=False)
        except OSError:
            return False
        st = os.lstat(target)  # what was linked: nothing can change it in the new folder
        if stat.S_ISREG(st.st_mode) and (st.st_size, st.st_mtime_ns, st.st_ino) == expected:
            self.count += 1
            return True
        os.unlink(target)  # noqa: PTH108 - a string path, as above
        return False


def _write_manifest(folder: Path) -> None:
    root = os.fspath(folder)
    paths: list[str] = []
    for d, _, names in os.walk(root):  # strings: a path object per file costs more
        rel = d[len(root) + 1 :].replace(os.sep, "/")
        paths += (f"{rel}/{n}" if rel else n for n in names)
    (folder / MANIFEST).write_text(
        _MANIFEST_HEAD + "".join(f"{p}\n" for p in sorted(paths)), "utf-8"
    )


def share_unchanged(new: Path, old: Path, paths: Iterable[str] | None = None) -> int:
    """Make each file under ``new`` (or each of ``paths``, from ``new``) that has the same
    path and the same bytes under ``old`` a hard link to the file under ``old``; returns how
    many.

    ``old`` is a folder of the previous output, which the swap will delete: deleting a file
    whose blocks are on disk costs about a millisecond (ext4), deleting one of two links to
    it almost nothing, so files a build writes again unchanged (the search index's) are
    best kept as the old ones.  Each replacement is one rename: ``new`` never lacks a file.
    """
    shared = 0
    for path in regular_files(new) if paths is None else paths:
        target, source = f"{new}/{path}", f"{old}/{path}"
        try:
            st, before = os.lstat(target), os.lstat(source)
            if not (stat.S_ISREG(before.st_mode) and before.st_size == st.st_size):
                continue
            if st.st_nlink != 1 or _read(source) != _read(target):
                continue
            spare = f"{target}.{os.getpid()}.link"
            os.link(source, spare, follow_symlinks=False)
            os.replace(spare, target)  # noqa: PTH105 - string paths, as above
        except OSError:
            continue
        shared += 1
    return shared


def _read(path: str) -> bytes:
    with open(path, "rb") as f:  # noqa: PTH123 - a string path, as above
        return f.read()


def regular_files(root: Path | str, suffix: str = "") -> list[str]:
    """The regular files under ``root`` whose names end with ``suffix``, by path from it
    (with ``/``), sorted; links are not followed.  Plain strings, since a path object per
    file costs more than reading the file."""
    found: list[str] = []
    stack = [""]
    while stack:
        rel = stack.pop()
        with os.scandir(f"{root}/{rel}") as entries:
            for entry in entries:
                name = f"{rel}{entry.name}"
                if entry.is_dir(follow_symlinks=False):
                    stack.append(name + "/")
                elif entry.name.endswith(suffix) and entry.is_file(follow_symlinks=False):
                    found.append(name)
    return sorted(found)


def _fresh(parent: Path, name: str, kind: str) -> Path:
    """A new name beside the output folder that says whose it is: ``.dist.new-PID-RANDOM``."""
    return parent / f".{name}.{kind}-{os.getpid()}-{os.urandom(6).hex()}"


def _swap_in(new: Path, out: Path) -> Path | None:
    """Put ``new`` at ``out``; the old site, if any, is returned, out of the way, for the
    caller to delete."""
    if not os.path.lexists(out):
        new.rename(out)
        return None
    if _exchange(new, out):
        return new  # ``new`` now holds the old site
    # No atomic exchange here: two renames, and the previous site put back on failure.
    # A build killed between them leaves the old site aside; the next build restores it.
    old = _fresh(out.absolute().parent, out.name, "old")
    out.rename(old)
    try:
        new.rename(out)
    except BaseException:
        old.rename(out)
        raise
    return old


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux ``renameat2(RENAME_EXCHANGE)``); False if unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes  # here: an unchanged build, which writes nothing, need not import it

    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # no such C library function (old glibc, musl)
        return False
    renameat2.argtypes = (
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    )
    renameat2.restype = ctypes.c_int
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):  # kernel or file system
        return False
    raise OSError(code, os.strerror(code), str(b))


_LEFT = later(r"\.(?P<name>.+)\.(?P<kind>new|old)-(?P<pid>[0-9]+)-[0-9a-f]+")


def clean_up_after_killed_builds(out: Path) -> None:
    """Remove the temporary folders of builds into ``out`` that were killed.

    A folder's name carries the process id of its build; one whose process
    is gone is left over.  A previous site set aside by a build killed between
    two renames (where there is no atomic exchange) is put back first.
    """
    parent = out.absolute().parent
    for entry in sorted(parent.iterdir()):
        m = _LEFT().fullmatch(entry.name)
        if m is None or m["name"] != out.name or _running(int(m["pid"])):
            continue
        if entry.is_symlink() or not entry.is_dir():
            continue
        if m["kind"] == "old" and not os.path.lexists(out):
            entry.rename(out)
        else:
            shutil.rmtree(entry, ignore_errors=True)


def _running(pid: int) -> bool:
    if pid == os.getpid() or sys.platform == "win32":  # os.kill would end it on Windows
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, and belongs to someone else
        return True
    return True
