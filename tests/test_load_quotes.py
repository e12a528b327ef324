"""The quote index's steps, one by one (archive_site.load.quotes)."""

from __future__ import annotations

from dataclasses import replace

from archive_site.load.quotes import QuoteIndex
from archive_site.model import Furniture
from records import article

TEXT = ("The road runs east. The road runs west.", "Trade grew “fast” in 2024.")
INDEX = QuoteIndex([article("a", texts=TEXT)])


def test_hits_count_every_occurrence_and_keep_the_qualified() -> None:
    hits, every = INDEX.hits("a", "The road runs", "", "")
    assert every == 2
    assert [(p.id, s, e) for p, s, e in hits] == [("p1", 0, 13), ("p1", 20, 33)]
    hits, every = INDEX.hits("a", "The road runs", "", "west")
    assert every == 2
    assert [(p.id, s) for p, s, _ in hits] == [("p1", 20)]


def test_locate_maps_typography_back_to_the_paragraph() -> None:
    found = INDEX.locate("a", 'grew "fast"', None, None)
    assert not isinstance(found, str)
    para, start, end = found
    assert para.id == "p2"
    assert TEXT[1][start:end] == "grew “fast”"


def test_locate_reasons() -> None:
    assert INDEX.locate("a", "  ", None, None) == "the quote is empty"
    assert str(INDEX.locate("a", "The road runs", None, None)).startswith(
        "the quote occurs 2 times in 'a' (p1); add 'prefix:'"
    )
    assert INDEX.locate("a", "The road runs", "nowhere", None) == (
        "the quote occurs in the article, but not with the given prefix/suffix"
    )


def test_why_not_found() -> None:
    furnished = replace(
        article("f", texts=("Body.",)), furniture=(Furniture("x", "Other story", 9),)
    )
    index = QuoteIndex([furnished])
    assert "only in the page furniture of 'f'" in index.why_not_found("f", "Other story")
    assert INDEX.why_not_found("a", "xyz") == "the quote is not in the text of 'a'"
    assert INDEX.why_not_found("a", "The road runs west. Trade") == (
        "the quote is not in the text of 'a': its first 19 characters end paragraph p1 "
        "and a quote cannot run across paragraphs"
    )
    assert INDEX.why_not_found("a", "The road runs north") == (
        "the quote is not in the text of 'a': the first 14 characters match paragraph p1, "
        "then the quote has 'north' where the text has 'east. The road runs west'"
    )
