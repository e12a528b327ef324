"""The archive's Markdown: one dialect, for the loader that checks links and the renderer.

Markdown from content never passes raw HTML through: every ``<`` is escaped
before parsing (except the one opening a link destination written in angle
brackets, ``[x](<url>)``), and the parser reads no raw HTML and no autolink at all
(a ``<`` after ``](`` with no link there is text), so ``<script>``, ``<a href>``,
``<img>`` and autolinks stay text.  Links are found where Python-Markdown leaves them: on
the element tree, after inline and reference links have been resolved, so
every form (inline, titled, reference, collapsed, shortcut, image) is seen
by one tree processor, never by a regular expression over the source.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from .patterns import later

if TYPE_CHECKING:  # (Markdown's trees are ElementTree's: both imported when converting)
    import xml.etree.ElementTree as ET

    import markdown

#: Called with each element that carries a link, the attribute and its value.
LinkVisitor = Callable[["ET.Element", str, str], None]
LINK_ATTRIBUTES = ("href", "src")

#: A ``<`` that does not open a link destination (``](<`` or ``]: <``).
_RAW_ANGLE = later(r"(?<!\]\()(?<!\]: )<")
#: Code, which Markdown shows as written: a span between runs of backticks of one length,
#: a fenced block, an indented block (four spaces or a tab, after a blank line); and the
#: text between, in which raw HTML is escaped.
_CODE = later(
    r"(?P<code>(?P<ticks>`+)(?:(?!(?P=ticks)).)+?(?P=ticks)(?!`)"
    r"|^(?P<fence>```+|~~~+)[^\n]*\n(?:.*?\n)?(?P=fence)[ \t]*$"
    r"|(?:(?:^|(?<=\n\n))(?:(?: {4}|\t)[^\n]*(?:\n|$))+))"
    r"|[^`\n]+|.",
    re.DOTALL | re.MULTILINE,
)

#: The most brackets, and parentheses, a text may have open at once (nested, or never
#: closed). Python-Markdown looks for the end of a link's text from every ``[`` and for
#: the end of its address from every ``](``, to the matching sign or the end of the
#: paragraph: a few thousand open at once take it minutes (4,000 nested brackets in a
#: summary of 80 KB, 23 s), while at most this many keep its work within that many passes
#: over a paragraph. Prose, links in images and citations nest two or three.
MOST_OPEN = 16


def too_nested(text: str) -> tuple[str, int] | None:
    """Why Markdown is not given ``text`` (see :data:`MOST_OPEN`), and where in it the sign
    one too many opens; None when nothing is wrong.

    An opening sign always counts; a closing one escaped with a backslash does not, as
    Markdown does not match it (so the count is never below the signs Markdown sees open:
    those in code count too)."""
    for opening, closing, what in (("[", "]", "brackets"), ("(", ")", "parentheses")):
        if text.count(opening) <= MOST_OPEN:
            continue
        depth, deepest, first_over = 0, 0, -1
        escaped = False
        for at, char in enumerate(text):
            if char == opening:
                depth += 1
                if depth > deepest:
                    deepest = depth
                    if depth == MOST_OPEN + 1:
                        first_over = at
            elif char == closing and depth and not escaped:
                depth -= 1
            escaped = char == "\\" and not escaped
        if first_over >= 0:
            message = (
                f"{deepest} {what} are open at once (nested, or not closed); "
                f"Markdown takes at most {MOST_OPEN}"
            )
            return message, first_over
    return None


#: The most signs of inline markup one paragraph may hold, and one text. Python-Markdown
#: rebuilds a paragraph's whole text after each inline element it finds in it (a code
#: span, an entity, an emphasis, a link, a line break...), so a paragraph costs its length
#: times its elements: 600 KB of code spans took it minutes. Counted per paragraph (blank
#: lines part them: Markdown never reads across one), at most this many keep a text's cost
#: within this many passes over it; and each element costs it tens of microseconds more
#: (a megabyte of short paragraphs of code spans, 330,000 of them, took 20 s), hence the
#: bound on a text. The About page holds 41, at most 14 to a paragraph.
MOST_MARKS = 2000
MOST_TEXT_MARKS = 20_000
#: What can start an inline element: a ``<`` becomes the entity ``&lt;`` (see
#: :func:`escape_raw_html`), a hard line break is two spaces ending a line.
_MARK_SIGNS = "`\\*_&<["
_MARK = later(r"[`\\*_&<\[]|  \n")
_BLANK_LINES = later(r"\n(?:[ \t]*\n)+")
_SIGNS = "(`*`, `_`, `` ` ``, `\\`, `&`, `<`, `[` or a line break)"


def too_marked(text: str) -> tuple[str, int] | None:
    """Why Markdown is not given ``text`` (see :data:`MOST_MARKS`), and where in it: the
    start of the paragraph with too many signs of markup, or the sign one too many of the
    text; None when nothing is wrong."""
    if sum(text.count(sign) for sign in _MARK_SIGNS) + text.count("  \n") <= MOST_MARKS:
        return None
    ends = [(m.start(), m.end()) for m in _BLANK_LINES().finditer(text)]
    start, total, over = 0, 0, -1
    for end, after in [*ends, (len(text), len(text))]:
        marks = [m.start() for m in _MARK().finditer(text, start, end)]
        if len(marks) > MOST_MARKS:
            return (
                f"{len(marks)} signs of Markdown markup in one paragraph {_SIGNS}; Markdown "
                f"takes at most {MOST_MARKS} (part it with blank lines)",
                start,
            )
        if over < 0 and total + len(marks) > MOST_TEXT_MARKS:
            over = marks[MOST_TEXT_MARKS - total]
        total += len(marks)
        start = after
    if over >= 0:
        message = f"{total} signs of Markdown markup {_SIGNS}; Markdown takes at most "
        return message + f"{MOST_TEXT_MARKS} in one text", over
    return None


def escape_raw_html(text: str) -> str:
    """The text Markdown is given: raw HTML and autolinks made literal text, a ``<`` in a
    code span or block left as it is (Markdown escapes code's text itself: it showed as
    ``&lt;``)."""
    if "<" not in text:
        return text
    return _CODE().sub(lambda m: m[0] if m["code"] else _RAW_ANGLE().sub("&lt;", m[0]), text)


def new_markdown(visit: LinkVisitor) -> markdown.Markdown:
    """A Markdown converter of the archive's dialect that shows ``visit`` every link."""
    import markdown
    from markdown.extensions.tables import TableExtension

    # Extensions as instances: naming one ("tables") makes Markdown scan every installed
    # package's entry points, which costs more than rendering all the summaries.
    return markdown.Markdown(
        extensions=[_links_extension()(visit), TableExtension()], output_format="html"
    )


def _escaped(placeholder: re.Match[str]) -> str:
    """The character a backslash escape's placeholder stands for."""
    return chr(int(placeholder[1]))


@functools.cache
def _links_extension() -> Callable[[LinkVisitor], markdown.extensions.Extension]:
    """The extension that shows a visitor every link.  Python-Markdown is imported with the
    first converter, not with this module: a build whose texts are all converted in the
    record cache needs none (importing it was 15 ms of the seed archive's build)."""
    from markdown.extensions import Extension
    from markdown.treeprocessors import Treeprocessor, UnescapeTreeprocessor

    class VisitLinks(Treeprocessor):
        def __init__(self, md: markdown.Markdown, visit: LinkVisitor) -> None:
            super().__init__(md)
            self.visit = visit

        def run(self, root: ET.Element) -> None:
            for el in list(root.iter()):
                for attribute in LINK_ATTRIBUTES:
                    value = el.get(attribute)
                    if value is not None:
                        # A backslash escape (``\\``) is a placeholder until Markdown's last
                        # step: a link is judged, and shown in a problem, as it will be.
                        self.visit(el, attribute, UnescapeTreeprocessor.RE.sub(_escaped, value))

    class Links(Extension):
        def __init__(self, visit: LinkVisitor) -> None:
            super().__init__()
            self.visit = visit

        def extendMarkdown(self, md: markdown.Markdown) -> None:
            # Priority 1: after the inline processor (20) has made every link an element.
            md.treeprocessors.register(VisitLinks(md, self.visit), "archive_links", 1)
            # No raw HTML, whatever reaches the parser: a "<" left for a link's address
            # ("](<" or "]: <") with no link there (``Raw ](<img onerror=...>)``) was
            # raw HTML on the page; without these it is text, escaped as text is.
            md.preprocessors.deregister("html_block")
            for pattern in ("html", "autolink", "automail"):
                md.inlinePatterns.deregister(pattern)

    return Links


class _Collector:
    def __init__(self) -> None:
        self.found: list[str] = []
        self.md = new_markdown(self.visit)

    def visit(self, el: ET.Element, attribute: str, value: str) -> None:
        # a "<" in a link was made "&lt;" for Markdown (escape_raw_html): shown, and looked
        # for in the file, as written
        self.found.append(value.replace("&lt;", "<"))

    def links(self, text: str) -> list[str]:
        self.found = []
        self.md.reset().convert(escape_raw_html(text))
        return self.found


@functools.cache
def _collector() -> _Collector:
    return _Collector()


def links_in(text: str) -> list[str]:
    """Every ``href`` and ``src`` the text makes, in document order, as Markdown parsed them.

    Raises RecursionError for lists or quotes nested deeper than Markdown reads; the
    converter it stopped midway (whose block parser keeps the state of that list) is
    dropped, and the next text gets a new one."""
    if "[" not in text:  # no link, reference or image without a bracket
        return []
    try:
        return _collector().links(text)
    except RecursionError:
        _collector.cache_clear()
        raise


#: A line Markdown may read as a heading: ``# Title`` (up to three spaces before it), or a
#: line under another of ``=`` or ``-`` alone (the other's words the heading).
#: (``[ \t]*\S`` before the line's rest, never ``[^\n]*\S``: tried at each of a line's
#: characters, a line of a million read a million times each, for hours)
_HEADING_LINE = later(r"^ {0,3}#{1,6}(?:[ \t]|$)|^[ \t]*\S[^\n]*\n {0,3}(?:=+|-+)[ \t]*$", re.M)
_HEADING_TAG = later(r"<h[1-6]>")


def heading_at(text: str) -> int | None:
    """Where in ``text`` the first line Markdown reads as a heading starts, if any (looked
    for only where a line may be one, and then confirmed by Markdown: a ``-`` line under a
    list's item is none)."""
    found = _HEADING_LINE().search(text)
    if found is None or too_nested(text) or too_marked(text):
        return None
    try:
        html = _collector().md.reset().convert(escape_raw_html(text))
    except RecursionError:
        _collector.cache_clear()
        return None
    return found.start() if _HEADING_TAG().search(html) else None
