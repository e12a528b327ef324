"""What the search index knows of each page: its kind, date, filters and sort key.

Pagefind reads these from ``data-pagefind-*`` attributes of the built pages
(:mod:`archive_site.searchindex` runs it).  The same :class:`SearchFacets`
gives each page its tags and the search page its filter choices, so the two
always agree: a choice on the search page is a value some page carries.

Filters: ``kind`` (article, milestone, entity, topic, year), ``outlet`` (of an
article), ``year`` (an article's year of publication, every year a milestone
falls in, a year page's own), ``topic`` (a milestone's topics, an article's
through the milestones that cite it, a topic page's own) and ``type`` (an
entity's type).  Values are ids where records have them, so that a search URL
(``search.html?q=railway&kind=milestone``) stays short and stable.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..config import text_direction
from ..files import balanced_directions
from ..model import Archive, Article, Entity, Milestone, Topic
from . import paging
from .views import text_language

#: The kinds of page the index holds: (filter value, one, many).
KINDS = (
    ("article", "Article", "Articles"),
    ("milestone", "Milestone", "Milestones"),
    ("entity", "Entity", "Entities"),
    ("topic", "Topic", "Topics"),
    ("year", "Year", "Years"),
)
#: The filters of the search page, in its order: (key, label).
FILTERS = (
    ("kind", "Kind"),
    ("outlet", "Outlet"),
    ("year", "Year"),
    ("topic", "Topic"),
    ("type", "Entity type"),
)

Record = Article | Milestone | Entity | Topic | int  # an int is a year


@dataclass(frozen=True, slots=True)
class Facets:
    """One page as the index sees it."""

    kind: str  # a value of KINDS
    date: str | None  # as shown in a result: "21 April 2025", "2019–2023"
    sort: str | None  # sorts as text in date order; a year or month after its days
    filters: tuple[tuple[str, str], ...]  # (key of FILTERS, value)


@dataclass(frozen=True, slots=True)
class FilterChoice:
    """One filter of the search page and the values it offers, as (value, label)."""

    key: str
    label: str
    options: tuple[tuple[str, str], ...]

    @property
    def listed(self) -> bool:
        """Whether the page offers the values as a menu; else as a box to type one in."""
        chars = sum(len(value) + len(label) for value, label in self.options)
        return len(self.options) <= paging.CHOICES_LISTED and chars <= paging.CHOICES_CHARS

    @property
    def hint(self) -> str:
        """What the box of a filter not :attr:`listed` takes: "Any; type one of 3,000"
        ("... of 2,000 ids" where values are ids, not the labels the menu would show)."""
        ids = any(value != label for value, label in self.options)
        return f"Any; type one of {len(self.options):,}{' ids' if ids else ''}"


def _sortable(year: int, month: int | None = None, day: int | None = None) -> str:
    """``2024-11-24``; a month or year alone sorts after its days, as on the timeline."""
    return f"{year:04d}-{month or 13:02d}-{day or 32:02d}"


class SearchFacets:
    """The facets of every page of one archive; ``type_labels`` names entity types (plural)."""

    def __init__(self, archive: Archive, type_labels: Mapping[str, str]) -> None:
        self.archive = archive
        self.type_labels = type_labels
        topics: dict[str, list[str]] = {}
        for t in archive.topics:
            for aid in archive.links.articles_by_topic.get(t.id, ()):
                topics.setdefault(aid, []).append(t.id)
        self._article_topics = topics

    def of(self, record: Record) -> Facets:
        filters = self.filters(record)
        if isinstance(record, Article):
            p = record.published
            return Facets(
                "article", p.display(), _sortable(p.date.year, p.month, p.day_of_month), filters
            )
        if isinstance(record, Milestone):
            a = record.date.anchor
            return Facets(
                "milestone", record.date_label, _sortable(a.year, a.month, a.day), filters
            )
        if isinstance(record, Entity):
            return Facets("entity", None, None, filters)
        if isinstance(record, Topic):
            return Facets("topic", None, None, filters)
        return Facets("year", None, _sortable(record), filters)

    def filters(self, record: Record) -> tuple[tuple[str, str], ...]:
        """The filters of a record's page: ``(key, value)`` pairs."""
        if isinstance(record, Article):
            filters = [("kind", "article"), ("outlet", record.outlet)]
            filters.append(("year", str(record.published.date.year)))
            filters += [("topic", t) for t in self._article_topics.get(record.id, ())]
            return tuple(filters)
        if isinstance(record, Milestone):
            filters = [("kind", "milestone")]
            filters += [("year", str(y)) for y in record.date.years()]
            filters += [("topic", t) for t in record.topics]
            return tuple(filters)
        if isinstance(record, Entity):
            return (("kind", "entity"), ("type", record.type))
        if isinstance(record, Topic):
            return (("kind", "topic"), ("topic", record.id))
        return (("kind", "year"), ("year", str(record)))

    def language(self, record: Record) -> tuple[tuple[str, str], ...]:
        """The language of an article's words where it is not the site's (and its direction
        where that is right to left), for a search result to mark its title and excerpts
        with, as the article's page marks its text: else nothing."""
        if not isinstance(record, Article):
            return ()
        lang = text_language(record.language, self.archive.config.language)
        if lang is None:
            return ()
        rtl = text_direction(lang) == "rtl"
        return (("lang", lang), *((("dir", "rtl"),) if rtl else ()))

    def tags(self, record: Record) -> Markup:
        """The page's ``data-pagefind-*`` tags: an empty, hidden element for each."""
        f = self.of(record)
        one = {value: label for value, label, _ in KINDS}[f.kind]
        tags = [("meta", f"kind:{one}")]
        if f.date:
            tags.append(("meta", f"date:{f.date}"))
        if f.sort:
            tags.append(("sort", f"date:{f.sort}"))
        tags += [("filter", f"{key}:{value}") for key, value in f.filters]
        tags += [("meta", f"{key}:{value}") for key, value in self.language(record)]
        spans = "".join(
            f'<span data-pagefind-{what}="{escape(balanced_directions(v))}"></span>'
            for what, v in tags
        )
        return Markup(f'<div class="pf" hidden>{spans}</div>')  # noqa: S704 - escaped above

    def choices(self) -> list[FilterChoice]:
        """Every filter value some page carries, labelled, in a reading order."""
        a = self.archive
        records: list[Record] = [*a.articles, *a.milestones, *a.entities, *a.topics, *a.years]
        found: dict[str, set[str]] = {key: set() for key, _ in FILTERS}
        for r in records:
            for key, value in self.filters(r):
                found[key].add(value)
        topic_titles = {t.id: t.title for t in a.topics}
        labels: dict[str, dict[str, str]] = {
            "kind": {value: many for value, _, many in KINDS},
            "topic": topic_titles,
            "type": dict(self.type_labels),
        }
        ordered: dict[str, list[str]] = {
            "kind": [v for v, _, _ in KINDS],
            "topic": [t.id for t in a.topics],
            "type": list(self.type_labels),
            "year": sorted(found["year"], reverse=True),
            "outlet": sorted(found["outlet"], key=str.casefold),
        }
        return [
            FilterChoice(
                key,
                label,
                tuple((v, labels.get(key, {}).get(v, v)) for v in ordered[key] if v in found[key]),
            )
            for key, label in FILTERS
        ]
