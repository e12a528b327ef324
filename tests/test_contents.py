"""A page's table of contents (walk65): a government's press release listing its sections
above them (``div.toc``, its items links to ``#s1``...) lost its sections' headings, each
taken for a link to another story, as the table's item of the same words was."""

from __future__ import annotations

from pathlib import Path

from archive_site.errors import Problems
from archive_site.readers import Reading, read_text

PAGE = Path(__file__).parent / "fixtures/pages/release-table-of-contents.html"


def read(page: str) -> Reading:
    return read_text(page, "p.html", Problems(), fmt="html")


def test_a_table_of_contents_is_furniture_and_the_headings_it_lists_stay() -> None:
    r = read(PAGE.read_text(encoding="utf-8"))
    assert [(b.line, b.role, b.text[:20]) for b in r.blocks] == [
        (11, "heading", "Freight volumes"),
        (12, "body", "The ministers of tra"),
        (13, "heading", "Ferries"),
        (14, "body", "The parties agreed t"),
        (15, "heading", "Tariffs"),
        (16, "body", "A single through tar"),
        (17, "body", "Press service of the"),
    ]
    assert [(f.kind, f.line) for f in r.furniture if f.kind == "contents"] == [("contents", 10)]


def test_a_table_of_contents_no_class_names_keeps_the_headings_too() -> None:
    page = PAGE.read_text(encoding="utf-8").replace('class="toc"', 'class="box"')
    page = page.replace('class="toc-title"', "")
    r = read(page)
    headings = [b.text for b in r.blocks if b.role == "heading"]
    assert headings == ["Freight volumes", "Ferries", "Tariffs"]


def test_the_headings_of_a_table_of_contents_no_class_names_are_on_their_own_lines() -> None:
    """walk65's leftover: with no class naming the table, each heading took the line of its
    item in the table, the first block of its words (10 for all three), not its own."""
    page = PAGE.read_text(encoding="utf-8").replace('class="toc"', 'class="box"')
    r = read(page.replace('class="toc-title"', ""))
    assert [(b.line, b.text) for b in r.blocks if b.role == "heading"] == [
        (11, "Freight volumes"),
        (13, "Ferries"),
        (15, "Tariffs"),
    ]


def test_a_heading_repeated_is_on_the_line_of_each() -> None:
    """A heading of the same words twice (a live blog's "Update", a report's "Background"
    in two parts) is each on its own line, not both on the first's."""
    para = "The ministers agreed to raise the capacity of the route to ten million tonnes."
    page = (
        "<html><body><article><h1>Ferries</h1>\n"
        f"<h2>Update</h2>\n<p>{para}</p>\n"
        f"<h2>Update</h2>\n<p>{para.replace('ten', 'twelve')}</p>\n</article></body></html>"
    )
    r = read(page)
    assert [(b.line, b.role) for b in r.blocks] == [
        (2, "heading"),
        (3, "body"),
        (4, "heading"),
        (5, "body"),
    ]
