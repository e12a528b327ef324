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

import collections
import functools
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import TYPE_CHECKING, NamedTuple, Protocol

from markupsafe import Markup, escape

from .. import urls
from ..files import balanced_directions
from ..mdtext import escape_raw_html, new_markdown
from ..patterns import later

if TYPE_CHECKING:  # (Markdown's trees are ElementTree's: both imported when converting)
    import xml.etree.ElementTree as ET

    import markdown

#: Where an internal link's URL goes in converted HTML, before it is filled in for a page:
#: Python-Markdown's own placeholders are also STX ... ETX, but never with this word.
_SLOT = "\x02archive-link:{}\x03"
_SLOT_RE = later("\x02archive-link:([0-9]+)\x03")
#: What Python-Markdown's HTML serializer escapes in an attribute value (an ``&`` only
#: where it does not start an entity), so that a filled-in URL reads as if it had been
#: serialized with the rest.
_AMP = later(r"&(?!(?:\#[0-9]+|\#x[0-9a-f]+|[0-9a-z]+);)", re.IGNORECASE)


def _attribute(text: str) -> str:
    text = _AMP().sub("&amp;", text)
    return text.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _url(target: str, here: str, base: str | None) -> str:
    """The URL of site path ``target`` on page ``here``: relative, or absolute from ``base``."""
    return urls.absolute(base, target) if base is not None else urls.relative(here, target)


class _Links:
    """Judges each link of the text being converted; internal links become slots whose
    URL depends on the page (see :class:`Converted`)."""

    def __init__(self) -> None:
        self.targets: list[str] = []  # the site paths of the slots, in order

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
            self.targets.append(target)
            target = _SLOT.format(len(self.targets) - 1)
        el.set(attribute, target)


@dataclass(frozen=True, slots=True)
class Converted:
    """A text converted once: its HTML cut at each internal link's URL, and those links'
    site paths; :meth:`on` fills them in for one page."""

    pieces: tuple[str, ...]  # one more than targets
    targets: tuple[str, ...]

    def on(self, here: str, base: str | None = None, marks: Mapping[str, str] | None = None) -> str:
        """The HTML on page ``here``; with ``base``, internal links are absolute; a link to
        a site path of ``marks`` is followed by its mark (see :data:`WITHDRAWN_MARK`)."""
        out = [self.pieces[0]]
        for target, piece in zip(self.targets, self.pieces[1:], strict=True):
            mark = marks.get(target) if marks else None
            if mark is not None:  # after the link's end: the first, as links never nest
                piece = piece.replace("</a>", f"</a>{mark}", 1)
            out += (_attribute(_url(target, here, base)), piece)
        return "".join(out)


#: What follows a link to a withdrawn milestone in Markdown from content (a summary, a
#: description, a page): the text around it may lean on it as if it held, and a reader
#: reading it here, on the timeline or in a data file, is told it does not before following it.
WITHDRAWN_MARK = ' <span class="withdrawn-mark">(withdrawn)</span>'


#: Anything that could make Markdown do more than wrap the text in one paragraph.
_MARKDOWN_SYNTAX = later(
    r"[\\`*_\[\]<>&#|!]|^ {4}|^\t|^\s*(?:[-+*]|\d+[.)])\s|^\s*[-=]{2,}\s*$|\n\s*\n", re.MULTILINE
)


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


class Store(Protocol):
    """Where conversions are kept between builds (:class:`archive_site.cache.RecordCache`):
    ``key`` hashes its parts with the program and settings."""

    def key(self, *parts: str | bytes) -> str: ...
    def get(self, kind: str, key: str) -> object | None: ...
    def put(self, kind: str, key: str, value: object) -> None: ...


#: The kind of entry conversions are kept under in a :class:`Store`.
STORED = "markdown"


class MarkdownRenderer:
    """Markdown from content as HTML; each distinct text is converted once, whichever page
    and folder it appears on (only its internal links' URLs differ between them), and with
    a ``store``, once for as long as it and the program are unchanged."""

    def __init__(self, store: Store | None = None, marks: Mapping[str, str] | None = None) -> None:
        self._links = _Links()
        self._converted: dict[str, Converted] = {}
        self._store = store
        #: What follows a link to each of these site paths (see :meth:`Converted.on`).
        self._marks = dict(marks or {})

    def __call__(
        self, text: str, here: str, *, inline: bool = False, base: str | None = None
    ) -> Markup:
        """``text`` as HTML on page ``here``; with ``base``, internal links are absolute."""
        if not _MARKDOWN_SYNTAX().search(text):
            # Plain prose, one paragraph: what Markdown would make of it, without Markdown.
            words = escape(" ".join(text.split()))
            return words if inline else Markup(f"<p>{words}</p>")  # noqa: S704
        html = self.converted(text).on(here, base, self._marks)
        if inline and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            html = html[3:-4]
        return Markup(html)  # noqa: S704 - built from escaped text by Markdown

    def prepare(self, texts: Iterable[str]) -> None:
        """Convert now each of ``texts`` that needs Markdown (see :meth:`__call__`)."""
        for text in texts:
            if _MARKDOWN_SYNTAX().search(text):
                self.converted(text)

    def converted(self, text: str) -> Converted:
        """``text`` converted by Markdown, once."""
        found = self._converted.get(text)
        if found is None:
            found = self._converted[text] = self._stored(text)
        return found

    def _stored(self, text: str) -> Converted:
        """``text`` converted, from the store when it holds it (checked: a store is never
        trusted), else converted and kept there."""
        if self._store is None:
            return self._convert(text)
        key = self._store.key(text)
        kept = _converted(self._store.get(STORED, key))
        if kept is None:
            kept = self._convert(text)
            self._store.put(STORED, key, (kept.pieces, kept.targets))
        return kept

    @functools.cached_property
    def _md(self) -> markdown.Markdown:
        """The converter, made for the first text that is not in the store."""
        return new_markdown(self._links.visit)

    def _convert(self, text: str) -> Converted:
        self._links.targets = []
        html = _under_title(self._md.reset().convert(escape_raw_html(text)))
        # Text, then a slot's number and the text up to the next slot, and so on. Every
        # slot is one of ours, once and in order: Markdown removes STX and ETX from the
        # text it is given, so content cannot write one.
        parts = _SLOT_RE().split(html)
        if [int(n) for n in parts[1::2]] != list(range(len(self._links.targets))):
            raise RuntimeError(f"Markdown moved the links of {text!r}")
        return Converted(tuple(parts[0::2]), tuple(self._links.targets))

    @staticmethod
    def text_of(html: str) -> str:
        """The text of an HTML fragment, white space collapsed."""
        parser = _TextOnly()
        parser.feed(html)
        parser.close()
        return " ".join("".join(parser.parts).split())


#: A heading's tag, opening or closing, as Markdown writes it (raw HTML never passes).
_HEADING_TAG = later(r"<(/?)h([1-6])(?=[\s>])")


def _under_title(html: str) -> str:
    """``html`` with its headings one level down (``<h6>`` stays one) when it holds an
    ``<h1>``: a text whose sections open with ``#`` stands under the page's own title, its
    ``<h1>``, which a second one would stand beside."""
    if "<h1" not in html:
        return html
    return _HEADING_TAG().sub(lambda m: f"<{m[1]}h{min(int(m[2]) + 1, 6)}", html)


def _converted(entry: object) -> Converted | None:
    """A stored conversion, if it is one: pieces and targets, all strings, one more piece."""
    if not (isinstance(entry, tuple) and len(entry) == 2):
        return None
    pieces, targets = entry
    if not (isinstance(pieces, tuple) and isinstance(targets, tuple)):
        return None
    if len(pieces) != len(targets) + 1:
        return None
    if not all(type(x) is str for x in (*pieces, *targets)):
        return None
    return Converted(pieces, targets)


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
    opened = collections.Counter(q.start for q in quotes)
    ending: dict[int, list[Span]] = {}
    for q in quotes:
        ending.setdefault(q.end, []).append(q)
    out: list[str] = []
    active = 0  # the quotes covering the stretch from one cut to the next
    for a, b in itertools.pairwise(cuts):
        active += opened[a] - len(ending.get(a, ()))
        inner = _linked(text, a, b, links)
        out.append(f"<mark>{inner}</mark>" if active else inner)
        for q in ending.get(b, ()):
            if q.label:  # (one marker for many quotes ending here: see views)
                out.append(
                    f'<a class="cite" href="{escape(q.href)}" '
                    f'title="{escape(balanced_directions(q.title))}" '
                    f"data-pagefind-ignore><sup>{escape(q.label)}</sup></a>"
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
