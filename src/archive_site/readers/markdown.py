"""``markdown``: a hand-written ``ID.md`` article.

YAML front matter (the same keys as a metadata file, see
:mod:`~archive_site.readers.frontmatter`), then paragraphs separated by blank
lines; ``Q:``/``A:`` or ``- `` open interview turns.  Never guessed from a
capture's text: the loader chooses it for ``.md`` files.
"""

from __future__ import annotations

from ..errors import Problems
from ..model import ParagraphRole
from ..patterns import later
from .base import (
    EMPTY_FIELDS,
    Block,
    Capture,
    Field,
    Format,
    Reading,
    join,
    reading,
    split_blocks,
)
from .frontmatter import read_front_matter
from .turns import interview_field, mark_turns

_HEADING = later(r"^#{1,6}\s+")


def read(capture: Capture, problems: Problems) -> Reading:
    lines = capture.lines
    front = read_front_matter(
        lines, capture.display, problems, missing="a Markdown article starts with '---' and YAML"
    )
    if front is None:
        return Reading("markdown", EMPTY_FIELDS, ())
    blocks = [
        Block(_HEADING().sub("", join(bl)), line, _role(bl))
        for bl, line in split_blocks(lines[front.body_start :], first_line=front.body_start + 1)
    ]
    body = mark_turns(blocks)
    fields: dict[str, Field] = {}
    kind = interview_field(body)
    if kind is not None:
        fields["kind"] = kind
    return reading("markdown", fields, body, front_matter=front.data)


def _role(lines: list[str]) -> ParagraphRole:
    """A block of one line opening with ``#`` is a section's heading."""
    return "heading" if len(lines) == 1 and _HEADING().match(lines[0]) else "body"


FORMAT = Format("markdown", read, order=90, capture=False)
