"""Reading the files of the content and templates folders: regular files only, of bounded size.

An archive takes contributions, and git stores symbolic links: a capture
linked to ``/etc/passwd`` would be published, one linked to ``/dev/zero``
read until the machine runs out of memory, a FIFO would block the build.
So every file the build reads goes through :func:`read_bytes`, which
refuses symbolic links, folders, FIFOs, devices and sockets, and files
larger than :data:`MAX_BYTES`, and turns every ``OSError`` into a
:class:`FileProblem` with a readable reason; every folder it lists goes
through :func:`folder_problem`.  Since neither a file nor a folder on the way
may be a link, nothing read lies outside the folder the build was given.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import unicodedata
from pathlib import Path

from .patterns import later

#: The largest file the build reads (a capture of 20 MB builds in seconds).
MAX_BYTES = 32 * 1024 * 1024

#: The characters no text of the archive holds: every C0 control but tab and the line ends,
#: DEL and the C1 controls; and the code points XML cannot hold either, which no decoded
#: file has but an escape in a saved page's JSON-LD (``\\u0001``, ``\\ud800``) may give:
#: the surrogates and the noncharacters U+FFFE and U+FFFF. XML forbids them (one in a
#: headline made the feed malformed), HTML calls each a parse error; none is a word of any
#: text.
CONTROL_CHARACTERS = later(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


#: The explicit marks of writing direction: embeddings and overrides (closed by U+202C),
#: isolates (closed by U+2069).
_DIRECTION_MARK = later("[\u202a-\u202e\u2066-\u2069]")
_ISOLATES = "\u2066\u2067\u2068"
_MARKS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def _unpaired(text: str) -> tuple[list[int], str]:
    """Where ``text`` closes a writing direction it did not open (a U+202C with no embedding
    or override open since its last isolate, a U+2069 with no isolate open), and the marks
    that close, innermost first, those it opens and leaves open, as Unicode's bidirectional
    algorithm pairs them (rules X6a and X7)."""
    stray: list[int] = []
    open_marks: list[str] = []
    for m in _DIRECTION_MARK().finditer(text):
        mark = m[0]
        if mark == "\u202c":  # closes the last embedding or override, if no isolate after it
            if open_marks and open_marks[-1] not in _ISOLATES:
                open_marks.pop()
            else:
                stray.append(m.start())
        elif mark == "\u2069":  # closes the last isolate, and all opened within it
            if not any(o in _ISOLATES for o in open_marks):
                stray.append(m.start())
            while open_marks and any(o in _ISOLATES for o in open_marks):
                if open_marks.pop() in _ISOLATES:
                    break
        else:
            open_marks.append(mark)
    return stray, "".join("\u2069" if o in _ISOLATES else "\u202c" for o in reversed(open_marks))


def closed_directions(text: str) -> str:
    """``text`` with the marks of writing direction it opens and leaves open closed at its
    end: a title holding a right-to-left override (U+202E) showed all that followed it on
    the same line reversed, the outlet, the date and the address of a citation."""
    if _DIRECTION_MARK().search(text) is None:
        return text
    return text + _unpaired(text)[1]


def balanced_directions(text: str) -> str:
    """``text`` closing, at its end, the marks of writing direction it opens, and without
    those closing a direction it did not open: text that can change the direction of none
    of the words around it.  For a text shown within others' words (a quote cut from its
    paragraph, a title in a list, in a page's ``<title>`` or the feed): there a mark left
    open reversed what followed, the speaker's name, the outlet or the date, and a closing
    mark ended the direction the page set around it (an isolate of ``dir="rtl"``).  Within
    its own paragraph, where its direction ends with the paragraph, a text is shown as it
    is."""
    if text.isascii():
        return text
    for mark in _MARKS:  # (a scan in C for each: a pattern's search took 10 µs a page's text)
        if mark in text:
            break
    else:
        return text
    stray, closers = _unpaired(text)
    if stray:
        kept = [text[a + 1 : b] for a, b in zip([-1, *stray], [*stray, len(text)], strict=True)]
        text = "".join(kept)
    return text + closers


def nfc(text: str) -> str:
    """``text`` in Unicode's composed form (NFC): "é" one character, never "e" and an
    accent. The two spell the same text, and either comes with a copy and paste; every text
    the build reads is compared, and shown, in this one form."""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


#: How a file of the content, or of a cache, is opened to be read.
READ_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NOFOLLOW", 0)  # a link swapped in after the check is not followed
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO swapped in does not block the open
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


class FileProblem(Exception):
    """A file or folder the build cannot use; the message says why (without the path)."""


def _kind_problem(mode: int, *, folder: bool) -> str | None:
    if stat.S_ISLNK(mode):
        return "is a symbolic link: the build reads only regular files and folders, not links"
    if stat.S_ISDIR(mode):
        return None if folder else "is a folder, not a file"
    if stat.S_ISREG(mode):
        return "is a file, not a folder" if folder else None
    return "is not a regular file (a FIFO, device or socket)"


def _size_problem(size: int, limit: int | None) -> str | None:
    if limit is not None and size > limit:
        return f"is larger than {limit // (1024 * 1024)} MB ({size} bytes): too large to read"
    return None


def folder_problem(path: Path) -> str | None:
    """Why ``path`` cannot be used as a folder of content, or None; a missing one is a problem."""
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return "folder not found"
    except OSError as exc:
        return f"cannot read: {exc.strerror}"
    problem = _kind_problem(mode, folder=True)
    return problem and problem.replace("is a file, not a folder", "is not a folder")


def read_bytes(path: Path, *, any_size: bool = False) -> bytes:
    """The bytes of a regular file of at most :data:`MAX_BYTES` (``any_size``: of any size,
    for what a build keeps in the user's cache); raises :class:`FileProblem` otherwise: a
    link, a device or a FIFO is never read (a link to ``/dev/zero`` in the cache's place was
    read until memory ran out)."""
    limit = None if any_size else MAX_BYTES
    try:
        st = path.lstat()
    except FileNotFoundError:
        raise FileProblem("file not found") from None
    except OSError as exc:
        raise FileProblem(f"cannot read: {exc.strerror}") from None
    problem = _kind_problem(st.st_mode, folder=False) or _size_problem(st.st_size, limit)
    if problem:
        raise FileProblem(problem)
    try:
        fd = os.open(path, READ_FLAGS)
    except OSError as exc:
        raise FileProblem(f"cannot read: {exc.strerror}") from None
    try:
        st = os.fstat(fd)
        problem = _kind_problem(st.st_mode, folder=False) or _size_problem(st.st_size, limit)
        if problem:
            raise FileProblem(problem)
        return _read_all(fd, limit)
    except OSError as exc:
        raise FileProblem(f"cannot read: {exc.strerror}") from None
    finally:
        os.close(fd)


def _read_all(fd: int, limit: int | None) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while chunk := os.read(fd, 1 << 20):
        chunks.append(chunk)
        total += len(chunk)
        if limit is not None and total > limit:  # the file grew while we read it
            raise FileProblem(_size_problem(total, limit) or "too large")
    return b"".join(chunks)


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)


def create_new(path: Path | str) -> int:
    """A file descriptor open for writing on a new, empty file at ``path``: whatever was
    there (left by a killed run, or a symbolic link planted to have the file written
    through it) is removed first, and a link made meanwhile is refused, never followed.
    Raises OSError."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)  # a link is removed, not followed  # noqa: PTH108
    return os.open(path, _NEW_FILE | getattr(os, "O_CLOEXEC", 0), 0o644)


def exists(path: Path) -> bool:
    """Whether anything is at ``path``, a dangling link included."""
    try:
        path.lstat()
    except OSError:
        return False
    return True


def cache_home() -> Path:
    """The user's cache folder for archive-site (``$XDG_CACHE_HOME`` or ``~/.cache``, then
    ``archive-site/``): what a build keeps between builds that is never published.  A
    relative ``$XDG_CACHE_HOME`` is ignored, as its specification says (it made a cache
    in whatever folder the build ran from)."""
    named = os.environ.get("XDG_CACHE_HOME")
    home = Path(named) if named and Path(named).is_absolute() else Path.home() / ".cache"
    return home / "archive-site"


def is_own_folder(path: Path | str) -> bool:
    """Whether ``path`` is a folder itself, not a link to one (False when it is missing or
    cannot be looked at): a cache's folder that a link has taken is neither read nor
    written through."""
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def made_own_folder(path: Path) -> bool:
    """Make the folder ``path`` (and its parents) where missing, and say whether it is a
    folder itself (see :func:`is_own_folder`: a cache's folder that a link has taken is not
    written through).  Raises OSError when it cannot be made."""
    path.mkdir(parents=True, exist_ok=True)
    return is_own_folder(path)


def cache_entry(kind: str, folder: Path) -> Path:
    """Where the cache of ``kind`` keeps what belongs to ``folder``: named after the folder's
    absolute path, in the user's cache folder (never in or beside the folder itself)."""
    name = hashlib.sha256(os.fsencode(folder.absolute())).hexdigest()[:32]
    return cache_home() / kind / name


def prune_newest(folder: Path, keep: int) -> None:
    """Remove all but the ``keep`` most recently modified files of ``folder`` (best effort).

    For caches that gain an entry per output folder: ``serve`` builds into a new one each
    time. Only regular files directly in ``folder`` are considered; a link is never followed.
    """
    try:
        with os.scandir(folder) as it:
            found = [
                (e.stat(follow_symlinks=False).st_mtime_ns, e.name)
                for e in it
                if e.is_file(follow_symlinks=False)
            ]
    except OSError:
        return
    for _, name in sorted(found, reverse=True)[keep:]:
        with contextlib.suppress(OSError):
            (folder / name).unlink()
