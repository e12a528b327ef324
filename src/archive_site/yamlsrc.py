"""YAML that remembers where things are, and typed reading of it.

Content files are read with a loader that

* keeps every plain scalar as a string (``2016`` stays the text "2016",
  ``1992-04-02`` is not turned into a date object, ``no`` is not ``False``),
* refuses duplicate keys (PyYAML silently keeps the last one), and
* records the line of every mapping key and list item,

so that :class:`Record` can report ``content/milestones.yaml:42: date: ...``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml

from .errors import Problems
from .files import FileProblem, read_bytes

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YMap(dict[str, Any]):
    """A YAML mapping with the line of the mapping and of each key."""

    line: int = 0
    key_lines: dict[str, int]

    def __init__(self) -> None:
        super().__init__()
        self.key_lines = {}


class YList(list[Any]):
    """A YAML sequence with the line of the sequence and of each item."""

    line: int = 0
    item_lines: list[int]

    def __init__(self) -> None:
        super().__init__()
        self.item_lines = []


class _Loader(_BaseLoader):  # type: ignore[misc]
    pass


# Every plain scalar is a string: no implicit ints, floats, booleans, dates or nulls.
_Loader.yaml_implicit_resolvers = {}


def _construct_map(loader: Any, node: yaml.MappingNode) -> Iterator[YMap]:
    result = YMap()
    result.line = node.start_mark.line + 1
    yield result
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            raise yaml.constructor.ConstructorError(
                None, None, "a mapping key must be text", key_node.start_mark
            )
        if key in result:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"duplicate key '{key}' (first on line {result.key_lines[key]})",
                key_node.start_mark,
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1


def _construct_seq(loader: Any, node: yaml.SequenceNode) -> Iterator[YList]:
    result = YList()
    result.line = node.start_mark.line + 1
    yield result
    for item in node.value:
        result.append(loader.construct_object(item, deep=True))
        result.item_lines.append(item.start_mark.line + 1)


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


def parse_yaml(text: str, display: str, problems: Problems, *, first_line: int = 1) -> Any:
    """Parse YAML text; on a syntax error report it with its line and return None."""
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader subclass
        # An empty document is an empty mapping, so a caller reports what is missing.
        data = YMap() if data is None else data
        if first_line != 1:
            _shift_lines(data, first_line - 1)
        return data
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + first_line) if mark is not None else None
        what = exc.problem or exc.context or "invalid YAML"
        if "mapping values are not allowed" in what:
            what += " (text containing ': ' must be in quotes)"
        problems.error(display, line, f"YAML: {what}")
    except yaml.YAMLError as exc:
        problems.error(display, None, f"YAML: {exc}")
    return None


def _shift_lines(node: Any, by: int) -> None:
    """Renumber the lines of a document that starts on line ``1 + by`` of its file."""
    if isinstance(node, YMap):
        node.line += by
        node.key_lines = {k: v + by for k, v in node.key_lines.items()}
        for value in node.values():
            _shift_lines(value, by)
    elif isinstance(node, YList):
        node.line += by
        node.item_lines = [v + by for v in node.item_lines]
        for value in node:
            _shift_lines(value, by)


def read_yaml(path: Path, display: str, problems: Problems) -> Any:
    """Read and parse a YAML file; a missing, odd or undecodable file is reported."""
    try:
        text = read_bytes(path).decode("utf-8")
    except FileProblem as exc:
        problems.error(display, None, str(exc))
        return None
    except UnicodeDecodeError as exc:
        problems.error(display, None, f"not UTF-8 text ({exc.reason} at byte {exc.start})")
        return None
    return parse_yaml(text, display, problems)


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
        """The raw value of ``key``, None when absent or empty (reported if required)."""
        self._seen.add(key)
        value = self.data.get(key)
        if value is None or value == "":
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
        """Like :meth:`texts` but with the line of each item."""
        values = self.texts(key)
        raw = self.data.get(key)
        if isinstance(raw, YList):
            return tuple(zip(values, raw.item_lines, strict=False))
        return tuple((v, self.key_line(key)) for v in values)

    def records(self, key: str, *, required: bool = False, what: str = "") -> list[Record]:
        value = self._take(key, required)
        label = what or key
        if value is None:
            return []
        if not isinstance(value, YList):
            self.error(key, "expected a list")
            return []
        out: list[Record] = []
        for item, line in zip(value, value.item_lines, strict=True):
            rec = Record.of(item, line, self.display, self.problems, label)
            if rec is not None:
                out.append(rec)
        return out

    def finish(self, *, ignore: Callable[[str], bool] | None = None) -> None:
        """Report keys that nothing asked for: they are misspellings or unsupported."""
        known = sorted(self._seen)
        for key in self.data:
            if key in self._seen or (ignore is not None and ignore(key)):
                continue
            self.error(key, f"unknown key in {self.what} (known keys: {', '.join(known)})")
