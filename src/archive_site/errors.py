"""Diagnostics: what went wrong, in which file, on which line.

Every layer reports problems as :class:`Diagnostic` records into a
:class:`Problems` collector, so that one run reports *all* problems together,
numbered, instead of stopping at the first.  Only the command line turns them
into text and an exit code.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from .counts import plural

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True, order=True)
class Diagnostic:
    """One problem, pinned to a file (as the user names it) and a line (1-based)."""

    path: str
    line: int | None
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{where}: {prefix}{self.shown_message}"

    @property
    def shown_message(self) -> str:
        """The message as a report shows it: a control character or a mark of writing
        direction it quotes from the content (a file name's ESC, which would reach the
        terminal) as an escape, line breaks and tabs aside."""
        return shown_text(self.message)


class ArchiveError(Exception):
    """Raised when a run found problems; carries every one of them."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics: tuple[Diagnostic, ...] = tuple(diagnostics)
        super().__init__(self.report())

    def report(self) -> str:
        return format_report(self.diagnostics)


#: A report shows this many problems at most, and counts the others: 50,000 unknown keys in
#: one file printed 50,000 lines (and put them in every page ``serve`` showed).
MOST_SHOWN = 200


def shown(
    diagnostics: Iterable[Diagnostic], most: int = MOST_SHOWN
) -> tuple[list[Diagnostic], str]:
    """The diagnostics a report shows, and what it says of the others ("" when it shows them
    all): in their order when there are ``most`` or fewer, else the first ``most`` of the
    errors first, then of the warnings (the errors are what stop a build)."""
    items = list(diagnostics)
    if len(items) <= most:
        return items, ""
    ordered = [d for d in items if d.severity == "error"]
    ordered += [d for d in items if d.severity == "warning"]
    rest = ordered[most:]
    errors = sum(1 for d in rest if d.severity == "error")
    counts = [
        plural(n, word) for n, word in ((errors, "error"), (len(rest) - errors, "warning")) if n
    ]
    more = f"... and {' and '.join(counts)} more, not shown: fix these, then run again"
    return ordered[:most], more


def format_report(diagnostics: Iterable[Diagnostic]) -> str:
    """Number the diagnostics: ``1. content/x.yaml:7: date: ...`` (at most
    :data:`MOST_SHOWN`, and a line counting the others)."""
    items, more = shown(diagnostics)
    width = len(str(len(items)))
    lines = [f"{n:>{width}}. {d}" for n, d in enumerate(items, start=1)]
    return "\n".join([*lines, more] if more else lines)


class Problems:
    """Collects diagnostics during a run, in the order they were found."""

    def __init__(self) -> None:
        self._items: list[Diagnostic] = []
        self._unread: set[str] = set()

    def unread(self, path: str) -> None:
        """``path`` (as diagnostics name it) could not be read at all (its YAML does not
        parse): its own problem is told; what refers to its records is not judged by it."""
        self._unread.add(path)

    def is_unread(self, path: str) -> bool:
        return path in self._unread

    def error(self, path: str, line: int | None, message: str) -> None:
        self._items.append(Diagnostic(path, line, message, "error"))

    def warning(self, path: str, line: int | None, message: str) -> None:
        self._items.append(Diagnostic(path, line, message, "warning"))

    def extend(self, diagnostics: Iterable[Diagnostic]) -> None:
        self._items.extend(diagnostics)

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self._items if d.severity == "error")

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self._items if d.severity == "warning")

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def raise_if_errors(self, *, strict: bool = False) -> None:
        """Raise with every diagnostic (warnings included) if any is fatal."""
        fatal = self.errors or (strict and self.warnings)
        if fatal:
            raise ArchiveError(self._items)


#: The most characters of a message shown: one quoting a value of the content whole (a
#: ``kind:`` of 1 MB) printed it back whole, a megabyte of report for one mistake. A
#: longer one is shown by its start and its end, saying how much is left out between.
MOST_MESSAGE = 2000
_MESSAGE_END = 500


def shown_text(text: str) -> str:
    """``text`` (a message) as the terminal is given it: its control characters and marks
    of writing direction as escapes, line breaks and tabs aside (see
    :attr:`Diagnostic.shown_message`); at most about :data:`MOST_MESSAGE` characters."""
    if len(text) > MOST_MESSAGE:
        start, end = text[: MOST_MESSAGE - _MESSAGE_END], text[-_MESSAGE_END:]
        text = f"{start} [... {len(text) - MOST_MESSAGE:,} characters not shown ...] {end}"
    return text.translate(_MESSAGE_ESCAPES)


def display_path(path: object) -> str:
    """The path as the user should read it: relative to the working folder when inside it."""
    text = os.fspath(path)  # type: ignore[call-overload]
    if isinstance(text, str):
        folder, _, name = text.rpartition(os.sep)
        plain = name and not name.startswith(".") and (os.altsep is None or os.altsep not in name)
        cwd = os.getcwd()  # noqa: PTH109 - a string, as relpath reads it
        shown = _shown_folder(folder, cwd) if folder and plain else None
        if shown is not None:  # (a file of a folder, as each article's files are)
            return f"{shown}/{_edge_spaces(name.translate(_PATH_ESCAPES))}"
    return _shown(text)


@functools.lru_cache(maxsize=64)
def _shown_folder(folder: str, cwd: str) -> str | None:
    """How :func:`display_path` shows ``folder``, the folder of the files it shows as it and
    their names (``cwd``: the working folder, which it is relative to); None for the working
    folder itself, whose files it shows by their names alone, its parent, and another
    drive's."""
    try:
        rel = os.path.relpath(folder, cwd)
    except ValueError:
        return None
    if rel in (".", ".."):  # (a file of the working folder's parent may be the folder)
        return None
    return _escaped(folder if rel.startswith("..") else rel)


def _shown(text: str) -> str:
    try:
        rel = os.path.relpath(text)
    except ValueError:  # another drive on Windows
        return str(text).replace(os.sep, "/")
    return _escaped(text if rel.startswith("..") else rel)


def _escaped(shown: str) -> str:
    """A path shown with ``/`` between its names, each name's marks escaped."""
    return "/".join(
        map(_edge_spaces, str(shown).replace(os.sep, "/").translate(_PATH_ESCAPES).split("/"))
    )


def _edge_spaces(name: str) -> str:
    """A file's or folder's name, the spaces that open or end it (which a report would not
    show) as escapes."""
    core = name.strip(" ")
    if core == name:
        return name
    if not core:
        return "\\x20" * len(name)
    start = len(name) - len(name.lstrip(" "))
    end = len(name) - len(name.rstrip(" "))
    return "\\x20" * start + core + "\\x20" * end


#: Control characters in a file name, shown as escapes so a report stays one line per problem;
#: and the marks of writing direction, which would show ``a<U+202E>txt.md`` as "adm.txt".
_CONTROL_ESCAPES = {
    c: repr(chr(c))[1:-1]
    for c in (
        *range(32),
        127,
        *range(0x80, 0xA0),
        0x061C,
        0x200E,
        0x200F,
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
    )
}
#: What a file's name shows as escapes besides: the characters that show nothing or a
#: space (``x.md`` and a zero-width space, refused as no Markdown file, was shown as
#: ``x.md``), but the joiners some scripts write words with (U+200C, U+200D).
_PATH_ESCAPES = {
    **_CONTROL_ESCAPES,
    **{
        c: repr(chr(c))[1:-1]
        for c in (0xA0, 0xAD, 0x180E, 0x200B, 0x2028, 0x2029, *range(0x2060, 0x2065), 0xFEFF)
    },
}
#: What a message shows as escapes: :data:`_CONTROL_ESCAPES` but line breaks and tabs, which
#: messages of several lines hold.
_MESSAGE_ESCAPES = {c: e for c, e in _CONTROL_ESCAPES.items() if chr(c) not in "\n\t"}
