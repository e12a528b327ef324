"""The quote index's steps, one by one (archive_site.load.quotes)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from archive_site.load import quotes
from archive_site.load.quotes import QuoteIndex
from archive_site.model import Furniture
from records import CountedId, article

TEXT = ("The road runs east. The road runs west.", "Trade grew “fast” in 2024.")
INDEX = QuoteIndex([article("a", texts=TEXT)])


def test_hits_count_every_occurrence_and_keep_the_qualified() -> None:
    hits, every, in_words = INDEX.hits("a", "The road runs", "", "")
    assert every == 2 and not in_words
    assert [(p.id, s, e) for p, s, e in hits] == [("p1", 0, 13), ("p1", 20, 33)]
    hits, every, _ = INDEX.hits("a", "The road runs", "", "west")
    assert every == 2
    assert [(p.id, s) for p, s, _ in hits] == [("p1", 20)]
    hits, every, in_words = INDEX.hits("a", "he road run", "", "")  # parts of words only
    assert (hits, every) == ([], 0)
    assert [(p.id, s, e) for p, s, e in in_words] == [("p1", 1, 12), ("p1", 21, 32)]


def test_a_quote_repeated_as_a_paragraph_of_its_own_is_told_by_the_words_around_it() -> None:
    """Audit trust57: a pull quote repeating words of the text ("The port is open" after
    '"The port is open," Doe said.') could not be cited: a prefix or suffix was looked for
    in its paragraph only, where a paragraph that is the quote whole has none.  The words
    just before a paragraph's first words are the last of the paragraph before."""
    texts = ('"The port is open," Doe said.', "The port is open", "The harbour master agreed.")
    index = QuoteIndex([article("p", texts=texts)])
    for pre, suf, where in (
        ("", '," Doe', "p1"),
        ("Doe said.", "", "p2"),
        ("", "The harbour", "p2"),
        ('"', "", "p1"),
    ):
        found = index.locate("p", "The port is open", pre or None, suf or None)
        assert not isinstance(found, str), (pre, suf, found)
        assert found[0].id == where
    # a prefix of words from two paragraphs is no text's: a line break parts them
    assert isinstance(index.locate("p", "The harbour master", "said. The port is open", None), str)


def test_locate_maps_typography_back_to_the_paragraph() -> None:
    found = INDEX.locate("a", 'grew "fast"', None, None)
    assert not isinstance(found, str)
    para, start, end = found
    assert para.id == "p2"
    assert TEXT[1][start:end] == "grew “fast”"


def test_locate_reasons() -> None:
    assert INDEX.locate("a", "  ", None, None) == "the quote is empty"
    # a mark alone, made unique by a prefix, backed a milestone as a verified source (audit 7)
    for mark in (".", "“", " — ", ", "):
        assert "holds no word" in str(INDEX.locate("a", mark, "The road", None))
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


def test_why_a_quote_is_not_found_names_the_usual_slips() -> None:
    """A quote whose first word differed in capitals, or that opened with the dateline, was
    said to match "the first 1 characters" of a paragraph (audit 6)."""
    dated = replace(
        article("d", texts=("Construction of the first berth started in 2024.",)),
        dateline="BAKU, Azerbaijan, April 22 (Trend).",
    )
    index = QuoteIndex([dated, article("a", texts=TEXT)])
    assert index.why_not_found("d", "construction of the first berth started") == (
        "the quote is not in the text of 'd': it differs from paragraph p1 in capitals only: "
        "the text has 'Construction of the first berth started'"
    )
    assert index.why_not_found(
        "d", "BAKU, Azerbaijan, April 22 (Trend). Construction of the first berth"
    ) == (
        "the quote is not in the text of 'd': it opens with the article's dateline "
        "('BAKU, Azerbaijan, April 22 (Trend).'), which is shown apart from the text: "
        "leave it out of the quote"
    )
    assert "its '…' leaves out" in index.why_not_found("a", "The road runs east. … in 2024")
    assert "its '…' leaves out" in index.why_not_found("a", "The road runs ... runs west.")
    # a turn's mark copied with its words: the reader took it off the text (flow56: the
    # message said the first 1 characters matched "A third berth ...")
    for mark in ("A:", "Q:", "**A:**", "Answer:"):
        assert index.why_not_found("a", f"{mark} The road runs east.") == (
            f"the quote is not in the text of 'a': it opens with {mark!r}, the mark of an "
            "interview's turn, which is shown apart from the turn's text: leave it out of the "
            "quote"
        )
    # other mistakes are said as before
    assert "the first 14 characters match" in index.why_not_found("a", "The road runs north")
    assert "mark of an interview's turn" not in index.why_not_found("a", "A: The road ran")


def test_a_quote_is_looked_for_in_its_article_once_not_in_each_paragraph(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A capture of 20,000 paragraphs quoted 2,000 times took 27 s: each quote went through
    every paragraph in Python. It is found in the article's text at once, each hit then
    placed in its paragraph; a quote still never runs across two."""
    texts = tuple(f"Paragraph {n} says x." for n in range(1, 3001))
    index = QuoteIndex([article("big", texts=texts)])
    searches: list[str] = []
    find_all = quotes.find_all
    monkeypatch.setattr(quotes, "find_all", lambda h, n: searches.append(n) or find_all(h, n))
    for n in (1, 1500, 3000):
        found = index.locate("big", f"Paragraph {n} says x.", None, None)
        assert not isinstance(found, str) and found[0].id == f"p{n}"
    assert isinstance(index.locate("big", "says x. Paragraph 2", None, None), str)
    hits, every, _ = index.hits("big", "says x.", "", "")
    assert every == 3000 and [h[0].id for h in hits[:2]] == ["p1", "p2"]
    assert len(searches) == 5


def test_a_paragraph_is_found_by_its_number() -> None:
    """Article.paragraph searched the paragraphs one by one, for every quote and mention."""

    a = article("big", texts=tuple("x" for _ in range(5000)))
    a = replace(a, paragraphs=tuple(replace(p, id=CountedId(p.id)) for p in a.paragraphs))
    CountedId.comparisons = 0
    assert [a.paragraph(f"p{n}").number for n in (1, 2500, 5000)] == [1, 2500, 5000]
    assert CountedId.comparisons <= 3
    assert a.paragraph("p5001") is None and a.paragraph("p0") is None
    assert a.paragraph("x") is None and a.paragraph("p\u0661") is None  # an Arabic-Indic 1


def test_the_index_keeps_the_last_articles_quoted_not_every_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Kept for every article, the normalised texts were a copy of the whole archive's text,
    twice (220 MB of a 10,000-article load's 350 MB). An article dropped is normalised again
    when quoted again, and its quotes are found as before."""
    count = quotes.KEEP_ARTICLES + 5
    arts = [article(f"a{n}", texts=(f"Text of article {n}, “quoted”.",)) for n in range(count)]
    index = QuoteIndex(arts)
    normalised: list[str] = []
    normalise = quotes.normalise
    monkeypatch.setattr(quotes, "normalise", lambda t: normalised.append(t) or normalise(t))
    for _ in range(2):
        for n in range(count):
            found = index.locate(f"a{n}", f'article {n}, "quoted"', None, None)
            assert not isinstance(found, str)
            para, start, end = found
            assert para.text[start:end] == f"article {n}, “quoted”"
    assert index._prepared.cache_info().currsize == quotes.KEEP_ARTICLES
    assert len(normalised) == 2 * count  # the first ones were dropped before their turn came
    normalised.clear()
    index.locate(f"a{count - 1}", "Text of", None, None)
    assert normalised == []  # the last one quoted is still there


def test_folding_copies_no_text_that_has_nothing_to_fold() -> None:
    from archive_site.text import fold

    plain = "Plain ASCII text, with 'straight' quotes - and a hyphen."
    assert fold(plain) is plain
    assert fold("a `tick`") == "a 'tick'"
    assert fold("“curly” — dash\u00a0space") == '"curly" - dash space'
