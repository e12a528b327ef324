"""A column of other stories beside the text, within the box the extractor takes: its
label ("Latest news") dropped or kept as a heading, its headlines were read as the story's
last paragraphs (walk64's leftover, walk65)."""

from __future__ import annotations

from pathlib import Path

from archive_site.errors import Problems
from archive_site.readers import Reading, read_text

PAGES = Path(__file__).parent / "fixtures/pages"


def read(page: str) -> Reading:
    return read_text(page, "p.html", Problems(), fmt="html")


def test_a_latest_news_column_in_the_text_s_box_is_furniture() -> None:
    page = (PAGES / "latest-news-column.html").read_text(encoding="utf-8")
    for label in ('<div class="block-title">Latest news</div>', "<h3>Latest news</h3>"):
        r = read(page.replace('<div class="block-title">Latest news</div>', label))
        assert [b.line for b in r.blocks] == [17, 18, 19, 20]
        assert r.blocks[-1].text.endswith("the head of the regional customs service.")
        column = [(f.kind, f.line) for f in r.furniture if f.line in range(21, 27)]
        assert column == [("navigation", 21), *(("headline", n) for n in range(22, 27))]
        assert any(f.text.startswith("Tokayev meets Uzbek") for f in r.furniture)


def test_what_no_label_marks_or_a_sentence_ends_stays_text() -> None:
    page = (PAGES / "latest-news-column.html").read_text(encoding="utf-8")
    # no label: short lines after the text (a list of points?) are kept
    r = read(page.replace('<div class="block-title">Latest news</div>', ""))
    assert len(r.blocks) == 9
    # a sentence after the label and its headlines: the column is no column at the end
    ended = page.replace(
        "in first reading</p></div>",
        "in first reading</p></div>\n<p>The ministry said the lane would open to buses in"
        " the autumn, once the new terminal building is finished.</p>",
    )
    r = read(ended.replace('<div class="block-title">Latest news</div>', "<h3>Latest news</h3>"))
    assert r.blocks[-1].text.startswith("The ministry said the lane would open to buses")
    assert any(b.text.startswith("Tokayev meets Uzbek") for b in r.blocks)
    # a story of one paragraph, then the label and two lines: too little text to tell
    short = (
        "<html><body><article><h1>Ferry</h1><p>The ferry left Baku on Tuesday with"
        " forty trucks on board, the port said.</p><h3>Latest news</h3><p>Port opens</p>"
        "<p>Rail link delayed</p></article></body></html>"
    )
    assert [b.text for b in read(short).blocks][:1] == [
        "The ferry left Baku on Tuesday with forty trucks on board, the port said."
    ]


def test_a_label_alone_after_the_text_the_extractor_dropped_adds_nothing() -> None:
    """A wiki page's "Categories:" after its text, dropped by the extractor with its links,
    was listed twice as a column's label, though no headline of it was in the text."""
    page = (PAGES.parent / "pages/wiki-edit-section.html").read_text(encoding="utf-8")
    r = read(page)
    assert not any(f.text.startswith("Categories:") for f in r.furniture)
    assert r.blocks[-1].text.startswith("The route's association was founded")
