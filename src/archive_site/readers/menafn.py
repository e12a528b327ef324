"""``menafn``: syndicated copy as MENAFN carries it.

First line ``date YYYY-MM-DD MENAFN - Outlet) lead...``; editorial lines such
as ``X presents the interview via Y:``; interview turns are paragraphs opening
with ``- `` (question, answer, ...), an answer may run over several paragraphs.
"""

from __future__ import annotations

import re

from ..errors import Problems
from ..model import Furniture
from ..patterns import later
from .base import Block, Capture, Field, Format, Reading, iso_date, join, reading, split_blocks
from .turns import interview_field, mark_turns

_HEADER = later(
    r"^\s*date\s+(?P<date>\d{4}-\d{2}-\d{2})\s+(?P<agg>MENAFN)\s+-\s+(?P<outlet>[^)]+?)\)\s*(?P<lead>.*)$"
)
_EDITORIAL = later(
    r"^(?P<outlet>\S.*?)\s+presents\s+the\s+(?P<what>\w+)\s+via\s+(?P<via>.+?)\s*:$", re.IGNORECASE
)


def detect(capture: Capture) -> bool:
    first = next((line for line in capture.lines if line.strip()), "")
    return bool(_HEADER().match(first))


def read(capture: Capture, problems: Problems) -> Reading:
    blocks = split_blocks(capture.lines)
    (first_lines, first_line) = blocks[0]
    m = _HEADER().match(first_lines[0])
    assert m is not None
    fields: dict[str, Field] = {
        "outlet": Field(m["outlet"].strip(), first_line),
        "aggregator": Field(m["agg"], first_line),
    }
    iso = iso_date(*m["date"].split("-"))
    if iso is None:
        problems.error(capture.display, first_line, f"date header: {m['date']} is not a real date")
    else:
        fields["published"] = Field(iso, first_line)
    raw: list[Block] = []
    lead = join([m["lead"], *first_lines[1:]]).strip()
    if lead:
        raw.append(Block(lead, first_line))
    furniture: list[Furniture] = []
    for bl, line in blocks[1:]:
        text = join(bl)
        ed = _EDITORIAL().match(text)
        if ed:
            fields.setdefault("via", Field(ed["via"], line))
            furniture.append(Furniture("editorial", text, line))
            continue
        raw.append(Block(text, line))
    body = mark_turns(raw)
    kind = interview_field(body)
    if kind is not None:
        fields["kind"] = kind
    return reading("menafn", fields, body, furniture)


FORMAT = Format("menafn", read, detect, order=20)
