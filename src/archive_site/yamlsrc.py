"""YAML that remembers where things are, and typed reading of it.

A content file's YAML is read into a tree of mappings and lists that keep the line of
every key and item (:mod:`.yamltree`; the parser, PyYAML's, is :mod:`.yamlparse`,
imported when a text is parsed: a build whose files all come from the cache parses
none), so that :class:`Record` can report ``content/milestones.yaml:42: date: ...``.
"""

from __future__ import annotations

import codecs
import difflib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .errors import Problems
from .files import FileProblem, read_bytes
from .patterns import later
from .yamltree import YList, YMap

__all__ = ["Record", "YList", "YMap", "parse_yaml", "read_yaml", "yaml_of"]


def parse_yaml(text: str, display: str, problems: Problems, *, first_line: int = 1) -> Any:
    """Parse YAML text (see :func:`.yamlparse.parse_yaml`); on a syntax error report it with
    its line and return None."""
    from .yamlparse import parse_yaml as parse  # (PyYAML: imported when a text is parsed)

    return parse(text, display, problems, first_line=first_line)


def read_yaml(path: Path, display: str, problems: Problems) -> Any:
    """Read and parse a YAML file; a missing, odd or undecodable file is reported."""
    try:
        data = read_bytes(path)
    except FileProblem as exc:
        problems.error(display, None, str(exc))
        return None
    return yaml_of(data, display, problems)


def yaml_of(data: bytes, display: str, problems: Problems) -> Any:
    """Parse the bytes of a YAML file (see :func:`read_yaml`); undecodable text is reported."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        problems.error(display, 1, "UTF-16 text: save it as UTF-8")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.error(display, line, f"not UTF-8 text ({exc.reason} at byte {exc.start})")
        return None
    return parse_yaml(text, display, problems)


#: A character a reader sees: not white space, nor a mark of writing direction or another
#: character that shows nothing (a zero-width space, a soft hyphen, a byte order mark). A
#: value of none is empty: a withdrawal's reason of one U+202E was shown as nothing.
_SHOWN = later(r"[^\s\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


#: What a list given as one mapping (``sources:`` and its keys, no ``- ``) is told.
_ITEM_DASH = (
    " of items, each opening with '- ', and got keys with none: put '- ' before the first "
    "key of each item"
)


class Record:
    """Typed, line-aware reading of one YAML mapping.

    Each accessor reports a problem (with the key's line) and returns ``None``
    or an empty value when the data is missing or of the wrong shape, so a
    caller can keep going and report every problem of the file.
    """

    def __init__(self, data: YMap, display: str, problems: Problems, what: str) -> None:
        self.data = data
        self.display = display
        self.problems = problems
        self.what = what
        self._seen: set[str] = set()

    @classmethod
    def of(
        cls, value: Any, line: int | None, display: str, problems: Problems, what: str
    ) -> Record | None:
        if not isinstance(value, YMap):
            problems.error(display, line, f"{what}: expected a mapping of keys to values")
            return None
        return cls(value, display, problems, what)

    @property
    def line(self) -> int:
        return self.data.line

    def key_line(self, key: str) -> int:
        return self.data.key_lines.get(key, self.data.line)

    def error(self, key: str | None, message: str) -> None:
        line = self.key_line(key) if key else self.line
        prefix = f"{key}: " if key else ""
        self.problems.error(self.display, line, f"{prefix}{message}")

    def _take(self, key: str, required: bool) -> Any:
        """The raw value of ``key``, None when absent, empty or blank (reported if required)."""
        self._seen.add(key)
        value = self.data.get(key)
        if value is None or (isinstance(value, str) and not _SHOWN().search(value)):
            if required:
                self.problems.error(
                    self.display, self.line, f"{self.what}: missing required key '{key}'"
                )
            return None
        return value

    def text(self, key: str, *, required: bool = False) -> str | None:
        value = self._take(key, required)
        if value is None:
            return None
        if not isinstance(value, str):
            self.error(key, "expected text, not a list or mapping")
            return None
        return value.strip()

    def texts(self, key: str, *, required: bool = False) -> tuple[str, ...]:
        """A list of strings; a single string is accepted as a list of one."""
        value = self._take(key, required)
        if value is None:
            return ()
        if isinstance(value, str):
            return (value.strip(),)
        if not isinstance(value, YList) or not all(isinstance(v, str) for v in value):
            self.error(key, "expected a list of text items")
            return ()
        return tuple(v.strip() for v in value)

    def text_items(self, key: str) -> tuple[tuple[str, int], ...]:
        """Like :meth:`texts` but with the line of each item; a blank item is reported."""
        values = self.texts(key)
        raw = self.data.get(key)
        lines = raw.item_lines if isinstance(raw, YList) else [self.key_line(key)] * len(values)
        items = tuple(zip(values, lines, strict=False))
        shown = tuple(bool(_SHOWN().search(value)) for value, _ in items)
        for _, line in (item for item, seen in zip(items, shown, strict=True) if not seen):
            self.problems.error(self.display, line, f"{key}: an empty item")
        return tuple(item for item, seen in zip(items, shown, strict=True) if seen)

    def records(self, key: str, *, required: bool = False, what: str = "") -> list[Record]:
        value = self._take(key, required)
        label = what or key
        if value is None:
            return []
        if not isinstance(value, YList):
            mapping = isinstance(value, YMap)  # its keys written without the item's '- '
            self.error(key, "expected a list" + (_ITEM_DASH if mapping else ""))
            return []
        if required and not value:
            self.error(key, f"needs at least one {label} (the list is empty)")
            return []
        out: list[Record] = []
        for item, line in zip(value, value.item_lines, strict=True):
            rec = Record.of(item, line, self.display, self.problems, label)
            if rec is not None:
                out.append(rec)
        return out

    def record(self, key: str, *, what: str, shape: str) -> Record | None:
        """The mapping under ``key``, as a record called ``what``; None when absent (a value
        that is no mapping is reported, with ``shape``, how it is written)."""
        value = self._take(key, False)
        if value is None and key not in self.data:
            return None
        if not isinstance(value, YMap) or not value:
            self.error(key, f"expected a mapping of keys to values, as {shape}")
            return None
        return Record(value, self.display, self.problems, what)

    def finish(self, *, ignore: Callable[[str], bool] | None = None) -> None:
        """Report keys that nothing asked for: they are misspellings or unsupported."""
        known = sorted(self._seen)
        for key in self.data:
            if key in self._seen or (ignore is not None and ignore(key)):
                continue
            near = difflib.get_close_matches(key, known, n=1, cutoff=0.75)
            hint = f"did you mean '{near[0]}'? " if near else ""
            self.error(key, f"unknown key in {self.what} ({hint}known keys: {', '.join(known)})")
