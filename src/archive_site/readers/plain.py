"""``plain``: text in which no reader finds any structure: every paragraph is body.

Never guessed for a text another reader recognises; the archivist can choose
it with ``format: plain`` to keep every paragraph (and supplies all the
metadata).
"""

from __future__ import annotations

from ..errors import Problems
from .base import (
    EMPTY_FIELDS,
    Block,
    Capture,
    Field,
    Format,
    Reading,
    join,
    script_language,
    split_blocks,
)


def read(capture: Capture, problems: Problems) -> Reading:
    body = [Block(join(bl), line) for bl, line in split_blocks(capture.lines)]
    written = script_language(body)  # Russian text, say: never published as the site's
    fields = EMPTY_FIELDS if written is None else {"language": Field(written, body[0].line)}
    return Reading("plain", fields, tuple(body))


def detect(capture: Capture) -> bool:
    return True  # the fallback: the last format tried


FORMAT = Format("plain", read, detect, order=100)
