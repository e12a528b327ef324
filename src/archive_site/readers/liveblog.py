"""A live blog's updates in its text: each one's heading and time, as the page gives them.

A live blog's page runs its updates one under the other, each under its time and, often,
a heading of its own. The extractor keeps their paragraphs but drops the times (they are
``<time>`` elements, or stamps on blocks of their own) and, often, all headings but the
first, so the updates run together. The page's JSON-LD (``LiveBlogPosting``'s
``liveBlogUpdate``) says each update's headline, time and text: each update found in the
text (by its heading, or by its text's first paragraph) is headed ``"11:30 — Headline"``,
in the page's order; nothing is added that the page does not say.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .base import Block

#: The characters of a paragraph and of an update's text that must be the same for the one
#: to open the other when neither is all of the other (a text given as one line that the
#: page shows in paragraphs).
OPENING = 40


@dataclass(frozen=True, slots=True)
class Update:
    """One update of a live blog, as its JSON-LD gives it."""

    headline: str  # as written, or ""
    when: str  # its time as the page gives it ("11:30", "2025-04-24 09:15"), or ""
    heading_key: str  # its headline, as it is looked for among the text's headings, or ""
    opening_key: str  # its text's first paragraph, as it is looked for, or ""

    def label(self, heading: str | None = None) -> str:
        """The update's heading: its time, then its heading (``heading``, as the text
        writes it, or its headline)."""
        shown = heading if heading is not None else self.headline
        return " — ".join(part for part in (self.when, shown) if part)


def with_updates(
    body: list[Block], updates: list[Update], key: Callable[[str], str]
) -> tuple[list[Block], list[Update]]:
    """``body`` with each of ``updates`` it holds headed by its time and heading: a heading
    of the text that is an update's headline takes its time; an update's first paragraph,
    when no heading comes before it, gets one, on its line. Also the updates
    not found in the text. ``key`` is how a text is looked for."""
    headed = {u.heading_key: u for u in reversed(updates) if u.heading_key}
    opened = {u.opening_key[:OPENING]: u for u in reversed(updates) if u.opening_key}
    used: set[int] = set()
    out: list[Block] = []
    for block in body:
        k = key(block.text)
        if block.role == "heading" and (u := headed.get(k)) is not None and id(u) not in used:
            used.add(id(u))
            out.append(Block(u.label(block.text), block.line, "heading", block.turn))
            continue
        u = opened.get(k[:OPENING])
        if u is not None and id(u) not in used and _opens(k, u.opening_key):
            used.add(id(u))
            if not (out and out[-1].role == "heading"):  # (its stamp's, the page's own)
                out.append(Block(u.label(), block.line, "heading"))
        out.append(block)
    return out, [u for u in updates if id(u) not in used]


def _opens(paragraph: str, opening: str) -> bool:
    """Whether a paragraph (as looked for) is an update's first (``opening``): the same, or
    one the start of the other, both at least :data:`OPENING` characters long."""
    if paragraph == opening:
        return True
    shorter = min(len(paragraph), len(opening))
    return shorter >= OPENING and (paragraph.startswith(opening) or opening.startswith(paragraph))
