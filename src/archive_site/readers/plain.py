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
    reading,
    script_language,
    split_blocks,
)


def read(capture: Capture, problems: Problems) -> Reading:
    from .mhtml import text_mail_head  # (a mail program's head atop an e-mail saved as text)

    lines = list(capture.lines)
    head = text_mail_head(lines)
    if head is not None:
        lines = list(head.lines or lines)  # (a forward quoted whole: its lines unquoted)
        lines[: head.end] = [""] * head.end  # its lines are no text
    body = [Block(join(bl), line) for bl, line in split_blocks(tuple(lines))]
    written = script_language(body)  # Russian text, say: never published as the site's
    fields = {} if written is None else {"language": Field(written, body[0].line)}
    if head is None:
        return Reading("plain", fields or EMPTY_FIELDS, tuple(body))
    return reading("plain", head.fields | fields, body, head.furniture, head.notes)


def detect(capture: Capture) -> bool:
    return True  # the fallback: the last format tried


FORMAT = Format("plain", read, detect, order=100)
