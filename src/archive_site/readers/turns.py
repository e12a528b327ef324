"""Interview turns: paragraphs opening with ``- `` or ``Q:``/``A:``."""

from __future__ import annotations

import re

from ..model import ParagraphRole
from .base import Block, Field

_DASH_TURN = re.compile(r"^[-–—]\s+")
_QA_TURN = re.compile(r"^(?P<who>Q|A|Question|Answer)\s*[:.]\s+", re.IGNORECASE)


def mark_turns(blocks: list[Block], *, dashes: bool = True) -> list[Block]:
    """Give interview roles to paragraphs.

    A paragraph opening with ``- `` starts a turn (unless ``dashes`` is False); turns
    alternate question, answer, question, ...  ``Q:`` and ``A:`` say the role outright.
    A paragraph without a marker continues the current turn.  Paragraphs before
    the first turn are the lead.  The markers are removed from the text.
    """
    dash_turn = _DASH_TURN if dashes else None
    if not any((dash_turn and dash_turn.match(b.text)) or _QA_TURN.match(b.text) for b in blocks):
        return blocks
    out: list[Block] = []
    turn = 0
    role: ParagraphRole = "lead"
    for b in blocks:
        dash = dash_turn.match(b.text) if dash_turn else None
        qa = _QA_TURN.match(b.text)
        if qa:
            turn += 1
            role = "question" if qa["who"].lower().startswith("q") else "answer"
            out.append(Block(b.text[qa.end() :], b.line, role, turn))
        elif dash:
            turn += 1
            role = "answer" if role == "question" else "question"
            out.append(Block(b.text[dash.end() :], b.line, role, turn))
        else:
            out.append(Block(b.text, b.line, role, turn or None))
    return out


def has_qa_turns(blocks: list[Block]) -> bool:
    """Whether some paragraphs open with ``Q:`` (or ``Question:``) and some with ``A:`` (or
    ``Answer:``): an interview that says who asks and who answers outright."""
    said = {m["who"][0].lower() for b in blocks if (m := _QA_TURN.match(b.text))}
    return said == {"q", "a"}


def interview_field(body: list[Block]) -> Field | None:
    """``kind: interview`` on the line of the first turn, when the text has turns."""
    first = next((b for b in body if b.turn), None)
    return None if first is None else Field("interview", first.line)
