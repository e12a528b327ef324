"""Markdown from content is converted once per text and filled in for each page.

The HTML for a page must be exactly what converting the text on that page
gives, as every page did before (``on_page``, the reference).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest

from archive_site.cache import RecordCache
from archive_site.mdtext import escape_raw_html, new_markdown
from archive_site.render.markup import STORED, MarkdownRenderer, _Links, _url

TEXTS = [
    "See [the declaration](milestone:strategic-partnership-declaration) and [2024](year:2024).",
    "Two links [a](entity:china) then [b](entity:china) and [c](topic:trade 'a title').",
    "[ref][r] and ![an image](milestone:x) and [bad](javascript:alert(1)).\n\n[r]: site:timeline.html",
    "External [x](https://example.org/a?b=1&c=2) beside [y](article:some-article#p3).",
    "| a | b |\n|---|---|\n| [t](site:articles/index.html) | **bold** <script> |",
    "- one [l](milestone:m1)\n- two [l](milestone:m2)\n\nA second paragraph.",
    "No link at all, but *emphasis* & an ampersand.",
    "A forged slot \x02archive-link:0\x03 before [a real link](entity:china).",
    "A forged slot \x02archive-link:1\x03 after [a real link](entity:china).",
]
PAGES = ["index.html", "milestones/m.html", "articles/by-year/2024.html", "404.html"]


class _OnPage(_Links):
    """The links of one page: each internal link's URL set as it is found."""

    def __init__(self, here: str, base: str | None) -> None:
        super().__init__()
        self.here, self.base = here, base

    def visit(self, el: ET.Element, attribute: str, value: str) -> None:
        found = len(self.targets)
        super().visit(el, attribute, value)
        if len(self.targets) > found:
            el.set(attribute, _url(self.targets[-1], self.here, self.base))


def on_page(text: str, here: str, base: str | None = None) -> str:
    """``text`` converted on page ``here``, links and all, by one Markdown conversion."""
    return new_markdown(_OnPage(here, base).visit).convert(escape_raw_html(text))


def counted(md: MarkdownRenderer) -> list[str]:
    """Every text Markdown converts, from now on."""
    seen: list[str] = []
    convert: Callable[[str], str] = md._md.convert

    def spy(text: str) -> str:
        seen.append(text)
        return convert(text)

    md._md.convert = spy  # type: ignore[method-assign]
    return seen


@pytest.mark.parametrize("text", TEXTS)
def test_each_page_gets_what_converting_on_it_gives(text: str) -> None:
    md = MarkdownRenderer()
    base = "https://example.org/sub/"
    for here in PAGES:
        assert str(md(text, here)) == on_page(text, here), here
        assert str(md(text, here, base=base)) == on_page(text, here, base), here


def test_internal_links_follow_the_page() -> None:
    md = MarkdownRenderer()
    text = TEXTS[0]
    assert 'href="milestones/strategic-partnership-declaration.html"' in md(text, "index.html")
    assert 'href="strategic-partnership-declaration.html"' in md(text, "milestones/x.html")
    assert 'href="../../years/2024.html"' in md(text, "articles/by-year/2024.html")
    absolute = md(text, "index.html", base="https://example.org/sub/")
    assert 'href="https://example.org/sub/years/2024.html"' in absolute


def test_a_text_is_converted_once_whatever_the_pages() -> None:
    md = MarkdownRenderer()
    seen = counted(md)
    for here in PAGES:
        for text in TEXTS[:7]:
            md(text, here)
            md(text, here, base="https://example.org/")
    assert len(seen) == 7


@pytest.mark.parametrize("text", TEXTS[-2:])
def test_content_cannot_forge_a_slot(text: str) -> None:
    html = [str(MarkdownRenderer()(text, here)) for here in PAGES]
    assert 'href="entities/china.html"' in html[0]
    assert 'href="../entities/china.html"' in html[1]
    assert not any("\x02" in h or "\x03" in h for h in html)
    assert html == [on_page(text, here) for here in PAGES]


def test_a_conversion_is_kept_in_the_store_and_a_bad_entry_is_converted_again(
    tmp_path: Path,
) -> None:
    store = RecordCache(tmp_path / "cache", "salt")
    first = MarkdownRenderer(store)
    seen = counted(first)
    before = [str(first(text, here)) for text in TEXTS[:7] for here in PAGES]
    assert len(seen) == 7
    store.save()
    again = MarkdownRenderer(RecordCache(tmp_path / "cache", "salt"))
    seen = counted(again)
    assert [str(again(text, here)) for text in TEXTS[:7] for here in PAGES] == before
    assert seen == []  # every one from the store
    other = MarkdownRenderer(RecordCache(tmp_path / "cache", "other program"))
    seen = counted(other)
    other(TEXTS[0], PAGES[0])
    assert seen == [TEXTS[0]]
    # an entry that is no conversion (a slot more than its links, not strings) is made again
    for n, bad in enumerate([(("a", "b"), ()), ((1,), ()), "x", (("a",), ("t",))]):
        planted = RecordCache(tmp_path / f"bad{n}", "salt")
        planted.put(STORED, planted.key(TEXTS[0]), bad)
        planted.save()
        fresh = MarkdownRenderer(RecordCache(tmp_path / f"bad{n}", "salt"))
        seen = counted(fresh)
        assert str(fresh(TEXTS[0], PAGES[0])) == before[0]
        assert seen == [TEXTS[0]]


@pytest.mark.parametrize(
    "text",
    [
        "Raw ](<img src=x onerror=alert(1)>) here.",
        "Raw ]: <svg onload=alert(2)> here.",
        'Text ](<script src="data:,alert(3)">)</script> end.',
        '](<iframe src="javascript:alert(4)"></iframe>)',
        "]: <!-- a comment --> and <http://example.org> and <me@example.org>",
    ],
)
def test_a_sign_left_for_a_links_address_with_no_link_there_is_text(text: str) -> None:
    """The "<" after "](" or "]: " is left for a link's address written in angle brackets;
    with no link there, Markdown read it as raw HTML, which reached the pages (audit 5)."""
    html = str(MarkdownRenderer()(text, "milestones/x.html"))
    tags = set(re.findall(r"<(/?[a-z]+)", html))
    assert tags <= {"p", "/p"}, html
    assert "&lt;" in html


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Compare `x < y` in the report.", "<code>x &lt; y</code>"),
        ("```\nif a < b:\n    pass\n```", "if a &lt; b:"),
        ("Text.\n\n    code <tag>\n\nAfter.", "code &lt;tag&gt;"),
    ],
)
def test_a_sign_in_code_is_shown_as_written(text: str, shown: str) -> None:
    """A "<" in a code span or block showed as "&lt;": it was escaped before Markdown, which
    escapes code's text itself (audit 5)."""
    html = str(MarkdownRenderer()(text, "about.html"))
    assert shown in html and "&amp;lt;" not in html


@pytest.mark.parametrize(
    ("text", "headings"),
    [
        ("# Method\n\nText.\n\n## Sources\n\n###### Deep\n", ["h2", "h3", "h6"]),
        ("Method\n======\n\nText.\n", ["h2"]),
        ("## Method\n\nText.\n\n### Sources\n", ["h2", "h3"]),  # as the seed's pages
        ("Text with `<h1>` in code and &lt;h1&gt;.\n", []),
    ],
)
def test_a_text_s_own_first_level_headings_stand_under_the_page_s_title(
    text: str, headings: list[str]
) -> None:
    """A hand-written page whose sections open with ``#`` gave a second ``<h1>`` beside the
    page's title (hostile58): its headings now move one level down, and only then."""
    html = str(MarkdownRenderer()(text, "about.html"))
    assert re.findall(r"<(h[1-6])\b", html) == headings, html
    assert re.findall(r"</(h[1-6])>", html) == headings, html
