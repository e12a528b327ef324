"""Small records for unit tests of the loader's helpers: only what a test sets differs."""

from __future__ import annotations

import datetime as dt

from archive_site.dates import parse_edtf
from archive_site.model import Article, Entity, Milestone, Paragraph, Published, Source


def article(
    ident: str,
    day: str = "2024-01-01",
    texts: tuple[str, ...] = (),
    responds_to: tuple[str, ...] = (),
) -> Article:
    paragraphs = tuple(Paragraph(f"p{n}", n, t, n) for n, t in enumerate(texts, start=1))
    return Article(
        id=ident,
        title=ident,
        published=Published(dt.date.fromisoformat(day)),
        outlet="Outlet",
        chain=(),
        author=None,
        kind="news",
        section=None,
        language="en",
        url=None,
        summary=None,
        format="plain",
        source_file=f"articles/{ident}.capture.txt",
        metadata_file=None,
        original_name=None,
        sha256="0" * 64,
        size=0,
        paragraphs=paragraphs,
        turns=(),
        furniture=(),
        interviewer=None,
        interviewee=None,
        responds_to=responds_to,
        title_from_capture=True,
        short_title=ident,
    )


def entity(ident: str, name: str, *aliases: str) -> Entity:
    return Entity(ident, name, "organisation", aliases)


def source(article: str, paragraph: str = "p1") -> Source:
    return Source(article, "quote", paragraph, 0, 5)


def milestone(
    ident: str,
    date: str = "2024",
    sources: tuple[Source, ...] = (),
    topics: tuple[str, ...] = ("t",),
    entities: tuple[str, ...] = (),
) -> Milestone:
    return Milestone(ident, parse_edtf(date), ident, "summary", topics, entities, sources)


class CountedId(str):
    """An id that counts how often it is compared for equality (``CountedId.comparisons``):
    for tests that a look-up does not search."""

    comparisons = 0

    def __eq__(self, other: object) -> bool:
        CountedId.comparisons += 1
        return str.__eq__(self, other)

    __hash__ = str.__hash__
