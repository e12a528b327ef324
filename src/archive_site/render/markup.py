"""HTML fragments built in Python: safe Markdown, and annotated paragraphs.

Markdown from content never passes raw HTML through (see
:mod:`archive_site.mdtext`), and every link it makes is judged by
:func:`archive_site.urls.resolve_link`, as the loader judged it: internal
links, as in ``[the declaration](milestone:strategic-partnership-declaration)``,
become a relative URL from the page they appear on (or an absolute one, for
data files read elsewhere); http(s) and mailto links stay; anything else,
which the loader has already reported, is dropped, and images become their
alternative text.
"""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from html.parser import HTMLParser
from typing import NamedTuple

from markupsafe import Markup, escape

from .. import urls
from ..mdtext import escape_raw_html, new_markdown


class _Links:
    """Where the links of the text being converted lead from."""

    def __init__(self) -> None:
        self.here = urls.HOME
        self.base: str | None = None  # absolute links from this base URL instead

    def visit(self, el: ET.Element, attribute: str, value: str) -> None:
        if el.tag == "img":
            alt = el.get("alt", "")
            el.tag = "span"
            el.attrib.clear()
            el.text = alt
            return
        try:
            target, internal = urls.resolve_link(value)
        except urls.LinkError:
            el.tag = "span"
            del el.attrib[attribute]
            el.attrib.pop("title", None)
            return
        if internal:
            target = (
                urls.absolute(self.base, target)
                if self.base is not None
                else urls.relative(self.here, target)
            )
        el.set(attribute, target)


#: Anything that could make Markdown do more than wrap the text in one paragraph.
_MARKDOWN_SYNTAX = re.compile(
    r"[\\`*_\[\]<>&#|!]|^ {4}|^\t|^\s*(?:[-+*]|\d+[.)])\s|^\s*[-=]{2,}\s*$|\n\s*\n", re.MULTILINE
)


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


class MarkdownRenderer:
    def __init__(self) -> None:
        self._links = _Links()
        self._md = new_markdown(self._links.visit)

    def __call__(
        self, text: str, here: str, *, inline: bool = False, base: str | None = None
    ) -> Markup:
        """``text`` as HTML on page ``here``; with ``base``, internal links are absolute."""
        if not _MARKDOWN_SYNTAX.search(text):
            # Plain prose, one paragraph: what Markdown would make of it, without Markdown.
            words = escape(" ".join(text.split()))
            return words if inline else Markup(f"<p>{words}</p>")  # noqa: S704
        self._links.here, self._links.base = here, base
        html = self._md.reset().convert(escape_raw_html(text))
        if inline and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            html = html[3:-4]
        return Markup(html)  # noqa: S704 - built from escaped text by Markdown

    @staticmethod
    def text_of(html: str) -> str:
        """The text of an HTML fragment, white space collapsed."""
        parser = _TextOnly()
        parser.feed(html)
        parser.close()
        return " ".join("".join(parser.parts).split())


class Span(NamedTuple):
    """A stretch of a paragraph to mark (a quote) or to link (an entity name)."""

    start: int
    end: int
    kind: str  # "quote" or "link"
    href: str = ""
    label: str = ""  # the cite marker for a quote, the title for a link
    title: str = ""


def annotate(text: str, spans: Sequence[Span]) -> Markup:
    """Escape ``text`` and wrap quotes in ``<mark>`` and names in links.

    Quotes may overlap one another; each quote ends with its cite marker.
    Links never cross a quote boundary (such links are dropped by the caller).
    """
    quotes = [s for s in spans if s.kind == "quote"]
    links = sorted((s for s in spans if s.kind == "link"), key=lambda s: s.start)
    cuts = sorted({0, len(text), *(q.start for q in quotes), *(q.end for q in quotes)})
    out: list[str] = []
    for a, b in itertools.pairwise(cuts):
        active = any(q.start <= a and b <= q.end for q in quotes)
        inner = _linked(text, a, b, links)
        out.append(f"<mark>{inner}</mark>" if active else inner)
        for q in quotes:
            if q.end == b:
                out.append(
                    f'<a class="cite" href="{escape(q.href)}" title="{escape(q.title)}">'
                    f"<sup>{escape(q.label)}</sup></a>"
                )
    return Markup("".join(out))  # noqa: S704 - every piece of text is escaped above


def _linked(text: str, a: int, b: int, links: Sequence[Span]) -> str:
    out: list[str] = []
    pos = a
    for link in links:
        if link.start < a or link.end > b:
            continue
        out.append(str(escape(text[pos : link.start])))
        out.append(
            f'<a class="ent" href="{escape(link.href)}">{escape(text[link.start : link.end])}</a>'
        )
        pos = link.end
    out.append(str(escape(text[pos:b])))
    return "".join(out)
