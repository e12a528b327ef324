"""Pages that stay small as the archive grows: how long lists are split.

A small archive keeps one page per list (today's pages, unchanged). Past the
limits below, lists split with stable URLs (:func:`urls.paged`):

* the timeline by year (``timeline/YYYY.html``), with the overview, the
  decades and the years on ``timeline.html``; past :data:`YEARS_LISTED` years, the
  first page names the centuries, and each century's page (``timeline/1900-1999.html``)
  its decades and years; the years index likewise (``years/1900-1999.html``);
* the article index by year (``articles/by-year/YYYY.html``), with the years
  and the latest articles on ``articles/index.html``;
* entity, topic and year pages, and each of those years, and a milestone's
  page of its sources, into pages of :data:`PER_PAGE` items of each list;
* the entity index by type (``entities/by-type/TYPE.html``, in pages of
  :data:`NAMES_PER_PAGE` names), with the most cited of each type on
  ``entities/index.html``; the topic index into pages of :data:`PER_PAGE` topics;
* the overview picture draws one bar per year instead of a mark per
  milestone; the feed holds the latest :data:`FEED_ENTRIES` articles;
* the sitemap is an index of sitemaps past :data:`SITEMAP_URLS` pages;
* the search page offers a filter of more than :data:`CHOICES_LISTED` values
  (or :data:`CHOICES_CHARS` characters of them) as a box to type a value in, not
  a menu of them all;
* the navigation names at most :data:`MENU_PAGES` hand-written pages (or those
  ``site.yaml``'s ``menu`` lists), and a page index (``pages/index.html``,
  in pages of :data:`PER_PAGE`) lists them all when it does not.

The limits are module constants so that tests can lower them to exercise
pagination on a small generated archive.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar, overload

from .. import urls
from ..model import Archive, Milestone
from ..model import Page as TextPage

T = TypeVar("T")

#: Items of one list on one page (milestones, articles, mentions...).
PER_PAGE = 100
#: Above this many milestones the timeline splits by year: no more than a page of a year
#: holds (at 300, the one page of 300 generated milestones weighed 356 KB).
TIMELINE_ONE_PAGE = PER_PAGE
#: Above this many articles the article index splits by year.
ARTICLES_ONE_PAGE = 300
#: Above this many entities the entity index splits by type.
ENTITIES_ONE_PAGE = 1000
#: Names on one page of a type's list, when the entity index is split.
NAMES_PER_PAGE = 500
#: The most cited entities of each type the entity index shows, when it is split.
NAMES_SHOWN = 20
#: Above this many milestones the overview picture draws a bar per year.
OVERVIEW_MARKS = 400
#: Entries of the Atom feed: the latest articles.
FEED_ENTRIES = 50
#: The most withdrawn milestones the timeline's first page names (the latest withdrawn
#: first); ``data/milestones.json`` holds them all, and each keeps its page.
WITHDRAWN_LISTED = 100
#: An article page lists under a paragraph this many of the milestones citing it (and says
#: how many more): a passage quoted by 2,000 milestones made its page a megabyte.
CITES_LISTED = 20
#: More quotes than this ending at one place get one marker between them (``[5]–[2005]``,
#: linking to the paragraph's list), not one each.
MARKS_APART = 4
#: A later capture's page (``updates``) shows the words then and now of its changed
#: paragraphs up to this many of its words; past them, a changed paragraph is only said to
#: have changed (a 20,000-word report with a word changed in each paragraph made its page
#: 469 KB, the text twice over, where the earlier capture's was 196 KB).
WORDING_WORDS = 2_000
#: ... and its note on what changed names this many paragraphs of each kind (changed, new,
#: gone), then how many more: each is marked in the text.
CHANGES_LISTED = 20
#: An article page's section of the milestones citing it shows this many.
CITED_LISTED = 200
#: An article page lists this many related articles (a milestone quoting 500 articles
#: made each list the 499 others).
RELATED_LISTED = 20
#: A milestone's entry in a list shows this many of its sources (its page shows them all, in
#: pages of PER_PAGE: 500 sources made it 362 KB):
#: at PER_PAGE entries a page, milestones of 20 sources made a year's page 733 KB.
SOURCES_LISTED = 4
#: The home page lists this many topics, in their order, and links the topic index for the
#: others (it listed them all: 5,000 topics would make it half a megabyte).
HOME_TOPICS = 100
#: The navigation names this many hand-written pages at most, in their files' order, unless
#: ``site.yaml``'s ``menu`` lists those it names: every page's header named every page
#: (600 pages made each page 40 KB of menu, and the home page 100 KB).
MENU_PAGES = 5
#: The home page glances at the latest this many years with milestones.
GLANCE_YEARS = 100
#: The overview picture of a large archive draws this many bars at most: a bar a year, a
#: decade or a century (2,000 years, a bar each, were 222 KB of picture).
OVERVIEW_BARS = 200
#: The time axis of the overview picture labels this many round years at most: a tick
#: every 5 years over 2,025 was 405 labels 1.9 pixels apart, 50 KB of picture (over the
#: 9,998 years dates may span, 240 KB).
AXIS_TICKS = 20
#: A list of years (the timeline's first page, the years index) names this many years at
#: most; past it, it names the centuries, each a page listing its years (over the years 1
#: to 2025, the timeline's first page was 204 KB and the years index 160 KB; over the 9,998
#: years dates may span, each would be five times that).
YEARS_LISTED = 200
#: A sitemap lists this many pages at most, the protocol's limit (sitemaps.org); past it,
#: ``sitemap.xml`` is an index of sitemaps of as many each (``sitemaps/1.xml``...).
SITEMAP_URLS = 50_000
#: The search page offers a filter's values as a menu up to this many; past it, a box to type
#: one in (its suggestions come from the index, in the browser): a menu of each of 3,000
#: outlets made the page 619 KB.
CHOICES_LISTED = 200
#: ... and up to this many characters of values and labels: 20 outlets of 4,500-character
#: names made a menu of 180 KB.
CHOICES_CHARS = 20_000


@dataclass(frozen=True, slots=True)
class Pager:
    """Page ``number`` of ``count`` of a list that starts at ``first`` (a site path)."""

    first: str
    number: int
    count: int
    per_page: int

    @property
    def here(self) -> str:
        return urls.paged(self.first, self.number)

    @property
    def paths(self) -> list[tuple[int, str]]:
        """Every page of the list: (number, path)."""
        return [(n, urls.paged(self.first, n)) for n in range(1, self.count + 1)]

    @property
    def prev(self) -> str | None:
        return urls.paged(self.first, self.number - 1) if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return urls.paged(self.first, self.number + 1) if self.number < self.count else None

    def slice(self, items: Sequence[T]) -> Sequence[T]:
        """This page's part of ``items``."""
        if self.count == 1:
            return items
        start = (self.number - 1) * self.per_page
        return items[start : start + self.per_page]

    def offset(self) -> int:
        """How many items of each list come before this page."""
        return (self.number - 1) * self.per_page


@dataclass(frozen=True, slots=True)
class Window(Sequence[T]):
    """One page's part of a list that a page shows in several (see :func:`windowed`): its
    ``items``, from place ``offset`` of the whole list of ``total`` items.  Its length is
    the whole list's (what a template counts), and :meth:`Pager.slice` gives its items: so
    a page holds, and its key covers, what it shows, and an edit to an item shown on
    another page of the list leaves it as it was."""

    items: tuple[T, ...]
    total: int
    offset: int

    def __len__(self) -> int:
        return self.total

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    def __reversed__(self) -> Iterator[T]:
        return reversed(self.items)

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...

    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        """An item or a part of the whole list, of those this page holds (the others are
        another page's: none is given)."""
        if isinstance(index, slice):
            start, stop, step = index.indices(self.total)
            held = range(start, stop, step)
            return tuple(self.items[n - self.offset] for n in held if self._holds(n))
        n = index + self.total if index < 0 else index
        if not self._holds(n):
            raise IndexError(f"item {index} is on another page of the list")
        return self.items[n - self.offset]

    def _holds(self, n: int) -> bool:
        return self.offset <= n < self.offset + len(self.items)


def windowed(pager: Pager, items: Sequence[T]) -> Sequence[T]:
    """``items`` as the page of ``pager`` holds them: whole on a list's only page, else its
    :class:`Window`."""
    if pager.count == 1:
        return items
    return Window(tuple(pager.slice(items)), len(items), pager.offset())


def pagers(first: str, *lists: Sequence[object], per_page: int = 0) -> list[Pager]:
    """The pages of a page that shows ``lists``: as many as the longest list needs, of
    ``per_page`` items of each (:data:`PER_PAGE` by default)."""
    per_page = per_page or PER_PAGE
    longest = max((len(items) for items in lists), default=0)
    count = max(1, -(-longest // per_page))
    return [Pager(first, n, count, per_page) for n in range(1, count + 1)]


@dataclass(frozen=True, slots=True)
class Layout:
    """Which lists of one archive split, and where each milestone's timeline entry is."""

    timeline_split: bool
    articles_split: bool
    entities_split: bool
    overview_by_year: bool
    timeline_pages: dict[str, str]  # milestone id -> its timeline page, when split
    timeline_centuries: bool  # the timeline's years are listed by century (see by_century)

    def timeline_of(self, m: Milestone) -> str:
        """The timeline page that holds ``m``'s entry."""
        return self.timeline_pages[m.id] if self.timeline_split else urls.TIMELINE

    def timeline_year(self, year: int) -> str:
        """The timeline page that starts ``year``."""
        return urls.timeline_year(year) if self.timeline_split else urls.TIMELINE

    def timeline_listing(self, year: int) -> str:
        """The page that lists ``year`` among the timeline's years (at ``#yYEAR``)."""
        if self.timeline_centuries:
            c = century(year)
            return urls.timeline_century(c.first, c.last)
        return urls.TIMELINE


@dataclass(frozen=True, slots=True, order=True)
class Century:
    """The years ``first`` to ``last``: 1–99, 100–199... (there is no year 0)."""

    first: int
    last: int


def century(year: int) -> Century:
    start = year // 100 * 100
    return Century(max(start, 1), start + 99)


def by_century(years: Iterable[int]) -> dict[Century, list[int]]:
    """``years``, in order, by century, in order; {} when there are :data:`YEARS_LISTED` or
    fewer, which a list names one by one."""
    ordered = sorted(set(years))
    out: dict[Century, list[int]] = {}
    if len(ordered) > YEARS_LISTED:
        for y in ordered:
            out.setdefault(century(y), []).append(y)
    return out


def by_year(milestones: Sequence[Milestone]) -> dict[int, list[Milestone]]:
    """Milestones grouped by the year the timeline files them under, in timeline order."""
    out: dict[int, list[Milestone]] = {}
    for m in milestones:
        out.setdefault(m.date.year, []).append(m)
    return out


def layout(a: Archive) -> Layout:
    split = len(a.milestones) > TIMELINE_ONE_PAGE
    pages: dict[str, str] = {}
    years = by_year(a.milestones) if split else {}
    for y, items in years.items():
        for n, m in enumerate(items):
            pages[m.id] = urls.paged(urls.timeline_year(y), n // PER_PAGE + 1)
    return Layout(
        timeline_split=split,
        articles_split=len(a.articles) > ARTICLES_ONE_PAGE,
        entities_split=len(a.entities) > ENTITIES_ONE_PAGE,
        overview_by_year=len(a.milestones) > OVERVIEW_MARKS,
        timeline_pages=pages,
        timeline_centuries=bool(by_century(years)),
    )


@dataclass(frozen=True, slots=True)
class Menu:
    """The hand-written pages the navigation names, in order, and whether a page index
    (:data:`urls.PAGES`) lists them all because some are not named."""

    pages: tuple[TextPage, ...]
    indexed: bool


def menu(a: Archive) -> Menu:
    """The archive's :class:`Menu`: the pages ``site.yaml``'s ``menu`` lists (each there
    once and loaded, as the load checks), else the first :data:`MENU_PAGES`."""
    listed = a.config.menu
    if listed is None:
        named = a.pages[:MENU_PAGES]
    else:
        by_id = {p.id: p for p in a.pages}
        named = tuple(by_id[ident] for ident, _ in listed if ident in by_id)
    return Menu(named, len(named) < len(a.pages))
