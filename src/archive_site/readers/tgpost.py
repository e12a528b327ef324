"""A Telegram channel's post saved from its web preview (``https://t.me/channel/4512``).

Telegram's page of one post holds it in its widget's markup, ``div.tgme_widget_message``
with ``data-post="channel/4512"``: the channel's name (``tgme_widget_message_owner_name``),
the post's words (``tgme_widget_message_text``, paragraphs parted by ``<br><br>``), the
channel it was forwarded from (``tgme_widget_message_forwarded_from``) and when it was
posted (the ``<time datetime>`` of ``tgme_widget_message_date``).  The page's own tags say
only the channel (``og:title``) and "Telegram" (``og:site_name``): the extractor found
no text in it, and every word was furniture (a "widget").  The post has no headline: the
channel's name is no title.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..model import Furniture
from ..patterns import later
from .base import Block, Field

#: A page of Telegram's post preview: its widget's class, and the post it names.
_MARK = "tgme_widget_message"
_CLASS = "[contains(concat(' ', normalize-space(@class), ' '), ' {} ')]"
#: A paragraph that is only the channel's handle or links to it (``@caspianports``), as a
#: post ends: the channel's signature, no words of the post.
_HANDLE = later(r"(?:@\w{4,32}\s*)+")


@dataclass(frozen=True, slots=True)
class Post:
    """What a Telegram post's preview says: its fields, paragraphs and furniture."""

    fields: dict[str, Field]
    blocks: list[Block]
    furniture: list[Furniture]


@dataclass(frozen=True, slots=True)
class Channel:
    """A page of a channel's posts (``t.me/s/channel``) naming none of them: how many it
    holds, and the line of the first."""

    posts: int
    line: int


#: The post a page's address names: ``https://t.me/caspianports/4512``, or a channel's page
#: scrolled to it, ``https://t.me/s/caspianports/4512`` (the "Context" link of a post).
_POST_ADDRESS = later(r"https?://t\.me/(?:s/)?(?P<post>[A-Za-z]\w{3,31}/\d{1,10})(?:[/?#]|$)")


def telegram_post(text: str, addresses: tuple[str, ...] = ()) -> Post | Channel | None:
    """The post of a page of Telegram's post preview (see the module's text); on a page of
    several posts (a channel's, ``t.me/s/channel``), the one its address (one of
    ``addresses``: its canonical address, the one it was saved from) names, or, naming none
    of them, the :class:`Channel` (no one article); None for any other page."""
    if _MARK not in text:
        return None
    from trafilatura.utils import load_html  # (the reader's own parser: lines kept)

    tree = load_html(text)
    if tree is None:
        return None
    posts = tree.xpath(f"//div{_CLASS.format(_MARK)}[@data-post]")
    if len(posts) > 1:
        named = {m["post"].casefold() for a in addresses if (m := _POST_ADDRESS().match(a))}
        chosen = [p for p in posts if p.get("data-post", "").strip().casefold() in named]
        if len(chosen) != 1:
            return Channel(len(posts), posts[0].sourceline or 1)
        posts = chosen
    if len(posts) != 1:
        return None
    post = posts[0]
    said = post.xpath(f".//div{_CLASS.format(_MARK + '_text')}")
    if not said:
        return None
    blocks, furniture = _paragraphs(said[0])
    return Post(_fields(post), blocks, furniture)


def _first(post: Any, kind: str) -> Any | None:
    found = post.xpath(f".//*{_CLASS.format(_MARK + '_' + kind)}")
    return found[0] if found else None


def _words(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())


def _fields(post: Any) -> dict[str, Field]:
    """The channel (the outlet), the channel forwarded from (the origin), the post's
    address, and its day, time and zone."""
    from .html import date_fields  # (the page's own reading of a date-time)

    fields: dict[str, Field] = {}
    owner = _first(post, "owner_name")
    if owner is not None and _words(owner):
        fields["outlet"] = Field(_words(owner), owner.sourceline or 1)
    forwarded = _first(post, "forwarded_from_name")
    if forwarded is not None and _words(forwarded):
        fields["origin"] = Field(_words(forwarded), forwarded.sourceline or 1)
    name = post.get("data-post", "").strip()
    if name.count("/") == 1 and all(name.split("/")):
        fields["url"] = Field(f"https://t.me/{name}", post.sourceline or 1)
    date = _first(post, "date")
    times = [] if date is None else date.xpath(".//time[@datetime]")
    if times:
        line = times[0].sourceline or 1
        fields |= date_fields(times[0].get("datetime", ""), line)
    return fields


def _paragraphs(element: Any) -> tuple[list[Block], list[Furniture]]:
    """The post's paragraphs, parted by two line breaks or more (one is a line's end
    within one), each with its line; a last one that is the channel's handle alone is
    furniture."""
    runs: list[tuple[list[str], int]] = [([], element.sourceline or 1)]
    breaks = 0

    def add(words: str | None, line: int) -> None:
        nonlocal breaks
        if words and words.strip():
            if breaks >= 2 and runs[-1][0]:
                runs.append(([], line))
            runs[-1][0].append(words)
            breaks = 0

    add(element.text, element.sourceline or 1)
    for child in element:
        line = child.sourceline or runs[-1][1]
        if child.tag == "br":
            breaks += 1
            runs[-1][0].append(" ")  # (a line's end within a paragraph: a space)
        else:
            add("".join(child.itertext()), line)
        add(child.tail, line)
    blocks = [Block(" ".join("".join(w).split()), n) for w, n in runs if "".join(w).strip()]
    furniture: list[Furniture] = []
    if len(blocks) > 1 and _HANDLE().fullmatch(blocks[-1].text):
        last = blocks.pop()
        furniture.append(Furniture("signature", last.text, last.line))
    return blocks, furniture
