"""Front matter: the YAML between a leading ``---`` line and the next ``---`` (or ``...``).

One reading for every Markdown file the archive holds: hand-written articles
(:mod:`archive_site.readers.markdown`) and pages (:mod:`archive_site.load`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import Problems
from ..yamlsrc import YMap, parse_yaml

#: Lines that close the front matter: YAML's document markers.
_CLOSERS = ("---", "...")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The front matter's mapping and the index of the first line after it."""

    data: YMap
    body_start: int  # index into the lines; the body's first line number is body_start + 1


def has_front_matter(lines: Sequence[str]) -> bool:
    return bool(lines) and lines[0].strip() == "---"


def read_front_matter(
    lines: Sequence[str], display: str, problems: Problems, *, missing: str
) -> FrontMatter | None:
    """The front matter of a file's lines; None (with the problem reported) when it is unusable.

    ``missing`` is the message when the file does not start with ``---``.
    An empty front matter is an empty mapping.  ``lines`` are split as
    :func:`~archive_site.readers.base.split_lines` does, so line numbers are an
    editor's.
    """
    if not has_front_matter(lines):
        problems.error(display, 1, f"front matter: {missing}")
        return None
    close = next((i for i in range(1, len(lines)) if lines[i].strip() in _CLOSERS), None)
    if close is None:
        problems.error(display, 1, "front matter: opening '---' has no closing '---'")
        return None
    data = parse_yaml("\n".join(lines[1:close]), display, problems, first_line=2)
    if data is None:  # a YAML error, reported with its line
        return None
    if not isinstance(data, YMap):
        problems.error(display, 2, "front matter: expected a mapping of keys to values")
        return None
    return FrontMatter(data, close + 1)
