"""Every output of the site, planned: one :class:`Page` each, one function per kind of page.

The plan (:func:`plan`) is a list of pages in a fixed order, each with its
output path and what makes it: a template and the records it is handed, or a
function that makes a file.  Nothing is rendered while planning: the costly
parts of a page (an article's annotated text, a milestone's JSON-LD, the
overview picture) are ``view`` functions run when the page renders, so that
any process can render any part of the plan, in any order, with the same
result (:func:`render_page`).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Callable, Iterator, Mapping, Sequence, Sized
from dataclasses import dataclass, field
from typing import Any, TypeVar

from markupsafe import Markup

from .. import urls
from ..counts import plural
from ..errors import ArchiveError, Diagnostic, display_path
from ..files import FileProblem, read_bytes
from ..model import Archive, Article, Dependency, Entity, FileData, Milestone, Output, Topic
from ..model import Page as TextPage
from . import jsonld, paging
from .export import data_files
from .paging import Pager, by_year, pagers, windowed
from .renderer import Renderer
from .svg import overview, overview_by_year, years_per_bar
from .views import (
    TYPE_LABELS,
    EntityArticles,
    article_view,
    dependency_text,
    entity_articles,
    entity_groups,
    entity_view,
    most_cited,
    related_articles,
    sitemap_paths,
    timeline_groups,
    topic_counts,
    withdrawn_by_year,
    year_counts,
)

T = TypeVar("T")

#: More values for a template page, made when it renders.
View = Callable[[Renderer], Mapping[str, Any]]


@dataclass(frozen=True, slots=True, eq=False)
class Page:
    """One output of the site: its path, and the template and records that make it (or, for
    a file that is no template page, the function that makes its bytes)."""

    path: str
    template: str | None = None
    values: Mapping[str, Any] = field(default_factory=dict)  # handed to the template
    view: View | None = None  # what else the template is handed, made when it renders
    make: Callable[[Renderer], FileData] | None = None  # a file's bytes, when template is None
    rooted: bool = False  # links root-relative: the 404 page, served at any depth
    # What the view or maker reads of the archive beyond its arguments (see .keys); None:
    # not declared, so the page is rendered by every build.
    reads: tuple[Any, ...] | None = None
    # Made from the data files' parts (see .export.DataParts): in the process that keeps
    # them (a parallel build's main one, see archive_site.produce).
    parts: bool = False


def render_page(r: Renderer, page: Page) -> Output:
    """The output of one planned page."""
    if page.template is None:
        assert page.make is not None
        return Output(page.path, page.make(r))
    values = {**page.values, **page.view(r)} if page.view is not None else page.values
    return r.page(page.template, page.path, rooted=page.rooted, **values)


def plan(r: Renderer) -> list[Page]:
    """Every output of the site, in order."""
    a = r.archive
    more: list[str] = []  # the pages of split lists beyond their first, for the sitemap
    pages = [home(r), *_counted(timeline(r), more), *_counted(article_index(r), more)]
    order = {m.id: n for n, m in enumerate(a.milestones)}
    for article in a.articles:
        pages.append(article_page(a, article, order))
        pages.append(
            Page(
                urls.capture(article.file_name),
                make=functools.partial(capture, article),
                reads=(),
            )
        )
    for n, m in enumerate(a.milestones):
        pages += _counted(milestone(m, *_around(a.milestones, n)), more)
    for m in a.withdrawn:  # at its address still, in no sequence of milestones
        pages += _counted(milestone(m, None, None), more)
    pages += _counted(entity_index(r), more)
    roles = entity_articles(a)
    for e in a.entities:
        pages += _counted(entity(r, e, roles), more)
    topics = topic_counts(a)
    pages += _counted(
        _paged("topics.html", urls.TOPICS, (topics,), title="Topics", topics=topics), more
    )
    for n, t in enumerate(a.topics):
        pages += _counted(topic(r, t, n), more)
    pages += _counted(year_index(r), more)
    years = a.years
    withdrawn = withdrawn_by_year(a)
    for n, y in enumerate(years):
        pages += _counted(year(r, y, *_around(years, n), withdrawn.get(y, [])), more)
    for y in sorted(withdrawn.keys() - set(years)):  # kept at its address, in no sequence
        pages += _counted(year(r, y, None, None, withdrawn[y]), more)
    pages += [Page(urls.page(p.id), "page.html", {"p": p}) for p in a.pages]
    pages += moved(a)
    if r.menu.indexed:
        index = _paged("pages.html", urls.PAGES, (a.pages,), new=True, title="Pages", pages=a.pages)
        pages += _counted(index, more)
    pages += [
        Page(urls.SEARCH, "search.html", {"title": "Search", "choices": r.facets.choices()}),
        Page(urls.NOT_FOUND, "404.html", {"title": "Page not found"}, rooted=True),
        Page(urls.FEED, "feed.xml", {"latest": a.articles[: paging.FEED_ENTRIES]}),
        *sitemaps([*sitemap_paths(a), *more]),
        Page("robots.txt", make=robots, reads=()),
        Page(".nojekyll", make=_empty, reads=()),
        *assets(),
        *(
            Page(urls.data(name), make=functools.partial(_data_file, name), parts=True)
            for name in data_files(a, r.data)
        ),
    ]
    return pages


def moved(a: Archive) -> list[Page]:
    """At each former id of an entity, a topic or a milestone (its ``former_ids``), a page
    that sends the reader on to its page: the old address keeps working, and search engines
    are told the new one (``canonical``), never indexing the old."""
    kinds: list[
        tuple[Callable[[str], str], Sequence[Entity | Topic | Milestone | Article | TextPage]]
    ] = [
        (urls.page, a.pages),
        (urls.article, a.articles),
        (urls.entity, a.entities),
        (urls.topic, a.topics),
        (urls.milestone, a.every_milestone),
    ]
    return [
        Page(page(old), "moved.html", {"title": _title(r), "canonical": page(r.id)})
        for page, records in kinds
        for r in records
        for old in r.former_ids
    ]


def _title(record: Entity | Topic | Milestone | Article | TextPage) -> str:
    return record.name if isinstance(record, Entity) else record.title


def sitemaps(paths: list[str]) -> list[Page]:
    """The sitemap of ``paths``; past :data:`.paging.SITEMAP_URLS` of them, an index of
    sitemaps of that many each."""
    most = paging.SITEMAP_URLS
    if len(paths) <= most:
        return [Page(urls.SITEMAP, "sitemap.xml", {"paths": paths, "parts": []})]
    parts = [paths[i : i + most] for i in range(0, len(paths), most)]
    names = [urls.sitemap_part(n) for n in range(1, len(parts) + 1)]
    index = Page(urls.SITEMAP, "sitemap.xml", {"paths": [], "parts": names})
    return [
        index,
        *(
            Page(n, "sitemap.xml", {"paths": p, "parts": []})
            for n, p in zip(names, parts, strict=True)
        ),
    ]


def _around(items: Sequence[T], n: int) -> tuple[T | None, T | None]:
    """The items before and after place ``n`` of ``items`` (None at either end)."""
    return (items[n - 1] if n > 0 else None), (items[n + 1] if n + 1 < len(items) else None)


def _counted(pages: Iterator[tuple[bool, Page]], more: list[str]) -> Iterator[Page]:
    """The pages of a list; those beyond the usual one are noted in ``more``."""
    for extra, page in pages:
        if extra:
            more.append(page.path)
        yield page


def _empty(r: Renderer) -> bytes:
    return b""


def _data_file(name: str, r: Renderer) -> FileData:
    return data_files(r.archive, r.data)[name]()


def _picture(r: Renderer, here: str, label: str) -> tuple[Markup, str | None]:
    """The overview: a mark per milestone linking to its entry, or a bar per year when the
    archive is large; and what each bar stands for then ("year", "decade", "century"...),
    for the caption, else None."""
    a, lay = r.archive, r.layout
    if lay.overview_by_year:
        counts = {y: len(items) for y, items in by_year(a.milestones).items()}
        step = years_per_bar(counts)
        per = {1: "year", 10: "decade", 100: "century"}.get(step, f"{step} years")
        picture = overview_by_year(
            counts,
            lambda y: urls.relative(here, lay.timeline_year(y), f"y{y}"),
            label=f"Overview of {plural(len(a.milestones), 'milestone')}: a bar per {per}, "
            f"as tall as its number of milestones; each links to its {'first ' if step > 1 else ''}"
            "year on the timeline",
        )
        return picture, per
    picture = overview(
        a.milestones,
        lambda m: urls.relative(here, lay.timeline_of(m), urls.milestone_fragment(m.id)),
        label=label,
    )
    return picture, None


def _pictured(here: str, label: str, r: Renderer) -> dict[str, Markup | str | None]:
    """The overview picture of page ``here``, made when it renders, and what a bar of it
    stands for (``per``: see :func:`_picture`), which its caption says."""
    picture, per = _picture(r, here, label)
    return {"picture": picture, "per": per}


def home(r: Renderer) -> Page:
    a = r.archive
    label = (
        f"Overview of {plural(len(a.milestones), 'milestone')}; "
        "each mark links to its entry on the timeline"
    )
    return Page(
        urls.HOME,
        "home.html",
        {
            "events": [m for m in a.milestones if not m.date.is_state],
            "glance_years": paging.GLANCE_YEARS,
            "home_topics": paging.HOME_TOPICS,
            "menu": r.menu,
            "states": [m for m in a.milestones if m.date.is_state],
        },
        view=functools.partial(_pictured, urls.HOME, label),
        reads=(a.milestones,),
    )


def withdrawals(a: Archive) -> list[Milestone]:
    """The withdrawn milestones the timeline names, each linking to its page (which says
    when and why): the latest withdrawn first, at most :data:`.paging.WITHDRAWN_LISTED`."""
    latest = sorted(a.withdrawn, key=lambda m: m.id)
    latest.sort(key=_withdrawn_on, reverse=True)
    return latest[: paging.WITHDRAWN_LISTED]


def _withdrawn_on(m: Milestone) -> dt.date:
    assert m.withdrawn is not None
    return m.withdrawn.date


def timeline(r: Renderer) -> Iterator[tuple[bool, Page]]:
    """The timeline: one page, or an overview page and the years, each split in pages."""
    a = r.archive
    label = (
        f"Overview of {plural(len(a.milestones), 'milestone')}; each mark links to its entry below"
    )
    picture = functools.partial(_pictured, urls.TIMELINE, label)
    reads = (a.milestones,)
    withdrawn = {"withdrawn": withdrawals(a), "withdrawn_count": len(a.withdrawn)}
    if not r.layout.timeline_split:
        groups = {"groups": timeline_groups(a.milestones), **withdrawn}
        yield (False, Page(urls.TIMELINE, "timeline.html", groups, view=picture, reads=reads))
        return
    years = by_year(a.milestones)
    centuries = paging.by_century(years)
    listed = (
        {"centuries": _centuries(centuries, years), "decades": []}
        if centuries
        else {"centuries": [], "decades": _decades(years)}
    ) | withdrawn
    yield (
        False,
        Page(
            urls.TIMELINE,
            "timeline-index.html",
            listed,
            view=picture,
            reads=reads,
        ),
    )
    yield from _timeline_centuries(centuries, years)
    order = sorted(years)
    for n, y in enumerate(order):
        before, after = _around(order, n)
        yield from _paged(
            "timeline-year.html",
            urls.timeline_year(y),
            (years[y],),
            new=True,
            year=y,
            milestones=years[y],
            withdrawn=[],
            prev=before,
            next=after,
        )
    yield from _kept_timeline(a, years, centuries)


def _kept_timeline(
    a: Archive, years: Mapping[int, object], centuries: Mapping[paging.Century, object]
) -> Iterator[tuple[bool, Page]]:
    """The pages of a timeline split by year that only withdrawn milestones were filed under
    (their year's, and, where the timeline lists its years by century, their century's):
    each stays at its address, which readers may have cited, saying the timeline holds none
    of its milestones now and naming them; in no list or sequence (as a year's page: see
    :func:`year`).  Deleted, a milestone's pages are the 404 page's, as its own is."""
    gone: dict[int, list[Milestone]] = {}
    for m in a.withdrawn:
        if m.date.year not in years:
            gone.setdefault(m.date.year, []).append(m)
    for y in sorted(gone):
        yield from _paged(
            "timeline-year.html",
            urls.timeline_year(y),
            ([],),
            new=True,
            year=y,
            milestones=[],
            withdrawn=gone[y],
            prev=None,
            next=None,
        )
    for c, ms in _kept_centuries(gone, centuries).items():
        values = {"first": c.first, "last": c.last, "count": 0, "decades": [], "withdrawn": ms}
        values |= {"prev": None, "next": None}
        yield True, Page(urls.timeline_century(c.first, c.last), "timeline-century.html", values)


def _kept_centuries(
    gone: Mapping[int, list[Milestone]], listed: Mapping[paging.Century, object]
) -> dict[paging.Century, list[Milestone]]:
    """The centuries of the years ``gone`` (each year's withdrawn milestones) that are not
    ``listed`` (a listing by century's, none when it lists its years one by one), each
    with their milestones."""
    out: dict[paging.Century, list[Milestone]] = {}
    for y in sorted(gone) if listed else ():
        c = paging.century(y)
        if c not in listed:
            out.setdefault(c, []).extend(m for m in gone[y] if m not in out.get(c, ()))
    return out


def _timeline_centuries(
    centuries: Mapping[paging.Century, list[int]], years: Mapping[int, list[Milestone]]
) -> Iterator[tuple[bool, Page]]:
    """A page for each century of a timeline that lists its years by century: the
    century's decades and years."""
    spans = [(c.first, c.last) for c in centuries]
    for n, c in enumerate(centuries):
        before, after = _around(spans, n)
        yield (
            True,
            Page(
                urls.timeline_century(c.first, c.last),
                "timeline-century.html",
                {
                    "first": c.first,
                    "last": c.last,
                    "count": sum(len(years[y]) for y in centuries[c]),
                    "decades": _decades({y: years[y] for y in centuries[c]}),
                    "withdrawn": [],
                    "prev": before,
                    "next": after,
                },
            ),
        )


def _centuries(
    centuries: Mapping[paging.Century, list[int]], counts: Mapping[int, Sized]
) -> list[tuple[int, int, int, int]]:
    """Each century: its first and last years, its number of years and of ``counts``."""
    return [
        (c.first, c.last, len(ys), sum(len(counts[y]) for y in ys)) for c, ys in centuries.items()
    ]


def _decades(years: Mapping[int, Sized]) -> list[tuple[str, list[tuple[int, int]]]]:
    """The years of the timeline by decade, each with its number of milestones."""
    out: list[tuple[str, list[tuple[int, int]]]] = []
    for y in sorted(years):
        decade = f"{y // 10 * 10}s"
        if not out or out[-1][0] != decade:
            out.append((decade, []))
        out[-1][1].append((y, len(years[y])))
    return out


def article_index(r: Renderer) -> Iterator[tuple[bool, Page]]:
    """The article index: one page, or the years and the latest articles, and a page (or
    more) per year."""
    a = r.archive
    groups: dict[int, list[Article]] = {}
    if r.layout.articles_split:
        for art in a.articles:
            groups.setdefault(art.published.date.year, []).append(art)
    years = [(y, len(groups[y])) for y in sorted(groups, reverse=True)]
    shown = a.articles[: paging.PER_PAGE] if groups else a.articles
    yield (
        False,
        Page(
            urls.ARTICLES,
            "articles.html",
            {
                "title": "Articles",
                "articles": shown,
                "years": years,
                "year": None,
                "pager": Pager(urls.ARTICLES, 1, 1, len(shown)),
            },
        ),
    )
    for y, _ in years:
        yield from _paged(
            "articles.html",
            urls.articles_year(y),
            (groups[y],),
            new=True,
            title=f"Articles of {y}",
            articles=groups[y],
            years=years,
            year=y,
        )


def entity_index(r: Renderer) -> Iterator[tuple[bool, Page]]:
    """The entity index: one page, or the most cited of each type and a page (or more) per
    type."""
    groups = entity_groups(r.archive)
    title = "People, organisations and places"
    if not r.layout.entities_split:
        yield False, _entities_page(urls.ENTITIES, title, groups)
        return
    counts = {type_: len(rows) for type_, rows in groups}
    cited = [(type_, most_cited(rows, paging.NAMES_SHOWN)) for type_, rows in groups]
    yield False, _entities_page(urls.ENTITIES, title, cited, counts)
    for type_, rows in groups:
        for pager in pagers(urls.entities_of_type(type_), rows, per_page=paging.NAMES_PER_PAGE):
            shown = [(type_, list(pager.slice(rows)))]
            page = _entities_page(pager.here, TYPE_LABELS[type_], shown, counts, type_, pager)
            yield True, page


def _entities_page(
    path: str,
    title: str,
    groups: list[tuple[str, list[tuple[Entity, int, int]]]],
    counts: dict[str, int] | None = None,
    type_: str | None = None,
    pager: Pager | None = None,
) -> Page:
    """A page of the entity index: ``groups`` of entities by type; with ``counts`` (the
    entities of each type), a split index's first page, or the page ``pager`` of a type's."""
    values = {"groups": groups, "counts": counts, "type": type_, "pager": pager}
    return Page(path, "entities.html", {"title": title, **values})


def article_page(a: Archive, article: Article, order: Mapping[str, int]) -> Page:
    cites = a.links.citations_by_article.get(article.id, ())
    return Page(
        urls.article(article.id),
        "article.html",
        {"art": article},
        view=functools.partial(_article_values, article, order),
        # its citations and the milestones making them, its related articles (the
        # paragraphs' mentions come from its own text and the entities)
        reads=(cites, [a.milestone(c.milestone) for c in cites], related_articles(a, article)),
    )


def _article_values(article: Article, order: Mapping[str, int], r: Renderer) -> dict[str, Any]:
    return {
        "ld": jsonld.article_ld(r.archive, article),
        "byline": jsonld.byline(article.author) if article.author else None,
        **article_view(r.archive, article, order),
    }


def capture(article: Article, r: Renderer) -> bytes:
    """The capture, byte for byte, checked against the checksum the loader took."""
    path = r.content / article.source_file
    try:
        data = read_bytes(path)
    except FileProblem as exc:
        raise ArchiveError([Diagnostic(display_path(path), None, str(exc))]) from None
    if hashlib.sha256(data).hexdigest() != article.sha256:
        raise ArchiveError(
            [Diagnostic(display_path(path), None, "the capture changed during the build")]
        )
    return data


def milestone(
    m: Milestone, prev: Milestone | None, nxt: Milestone | None
) -> Iterator[tuple[bool, Page]]:
    """A milestone's page: its sources in pages of :data:`.paging.PER_PAGE`, each page with
    the dependencies of its sources' articles and their articles in its JSON-LD."""
    for pager in pagers(urls.milestone(m.id), m.sources):
        yield (
            pager.number > 1,
            Page(
                pager.here,
                "milestone.html",
                {"m": m, "prev": prev, "next": nxt, "pager": pager},
                view=functools.partial(_milestone_values, m, pager),
                reads=(),  # the milestone's key covers its evidence and the articles it names
            ),
        )


def _milestone_values(m: Milestone, pager: Pager, r: Renderer) -> dict[str, Any]:
    a = r.archive
    told = _pages_of_dependencies(m, pager.per_page, a.evidence[m.id].dependencies)
    return {
        "ld": jsonld.milestone_ld(a, m, r.plain, pager.slice(m.sources)),
        "dependencies": [dependency_text(a, d) for d, n in told if n == pager.number],
    }


def _pages_of_dependencies(
    m: Milestone, per_page: int, dependencies: Sequence[Dependency]
) -> list[tuple[Dependency, int]]:
    """Each of ``dependencies`` with the page of ``m``'s sources (``per_page`` a page) that
    tells it: the first holding a quote of its article (``X`` of "X responds to Y"), else
    of the article it depends on, else the first page.  So a page tells what its own
    quotes depend on, and the first page does not tell everything."""
    first: dict[str, int] = {}
    for n, s in enumerate(m.sources):
        first.setdefault(s.article, n // per_page + 1)
    return [(d, first.get(d.article) or first.get(d.on) or 1) for d in dependencies]


def entity(r: Renderer, e: Entity, roles: EntityArticles) -> Iterator[tuple[bool, Page]]:
    view = entity_view(r.archive, e, roles)
    lists = (
        view["milestones"],
        view["mention_articles"],
        view["outlets"],
        view["roles"],
        view["quoted"],
    )
    return _paged("entity.html", urls.entity(e.id), lists, e=e, **view)


def topic(r: Renderer, t: Topic, n: int) -> Iterator[tuple[bool, Page]]:
    a = r.archive
    before, after = _around(a.topics, n)
    return _listing(
        "topic.html",
        urls.topic(t.id),
        [a.milestone(m) for m in a.links.milestones_by_topic.get(t.id, ())],
        [a.article(x) for x in a.links.articles_by_topic.get(t.id, ())],
        t=t,
        prev=before,
        next=after,
    )


def year_index(r: Renderer) -> Iterator[tuple[bool, Page]]:
    """The years index: every year, or (past :data:`.paging.YEARS_LISTED` years) every
    century, and a page for each century listing its years."""
    links = r.archive.links
    counts = {row[0]: row for row in year_counts(r.archive)}
    centuries = paging.by_century(counts)
    if not centuries:
        yield False, Page(urls.YEARS, "years.html", {**_NO_CENTURY, "years": list(counts.values())})
        return
    rows = []
    for c, ys in centuries.items():
        milestones = {m for y in ys for m in links.milestones_by_year.get(y, ())}
        rows.append((c.first, c.last, len(ys), len(milestones), sum(counts[y][3] for y in ys)))
    yield False, Page(urls.YEARS, "years.html", {**_NO_CENTURY, "centuries": rows, "years": []})
    spans = [(c.first, c.last) for c in centuries]
    for n, (c, ys) in enumerate(centuries.items()):
        before, after = _around(spans, n)
        values = {
            "title": f"{c.first}–{c.last}",
            "years": [counts[y] for y in ys],
            "centuries": [],
            "span": spans[n],
            "prev": before,
            "next": after,
            "withdrawn": [],
        }
        yield True, Page(urls.years_century(c.first, c.last), "years.html", values)
    gone = {y: ms for y, ms in withdrawn_by_year(r.archive).items() if y not in counts}
    for c, ms in _kept_centuries(gone, centuries).items():
        kept = {**_NO_CENTURY, "title": f"{c.first}–{c.last}", "span": (c.first, c.last)}
        kept |= {"years": [], "withdrawn": ms}
        yield True, Page(urls.years_century(c.first, c.last), "years.html", kept)


#: The years index's values when it is no century's page.
_NO_CENTURY: dict[str, object] = {
    "title": "Years",
    "centuries": [],
    "span": None,
    "prev": None,
    "next": None,
    "withdrawn": [],  # a century's only withdrawn milestones, on its page kept
}


def year(
    r: Renderer, y: int, prev: int | None, nxt: int | None, withdrawn: Sequence[Milestone] = ()
) -> Iterator[tuple[bool, Page]]:
    """A year's page: its milestones, states and articles; and on its first page the
    milestones of the year withdrawn as wrong.  A year only withdrawn milestones have keeps
    its page (``kept``), which readers may have cited, saying so; it is in no list."""
    a = r.archive
    milestones = [a.milestone(m) for m in a.links.milestones_by_year.get(y, ())]
    articles = [a.article(x) for x in a.links.articles_by_year.get(y, ())]
    states = [a.milestone(m) for m in a.links.states_by_year.get(y, ())]
    return _paged(
        "year.html",
        urls.year(y),
        (milestones, articles, states),
        milestones=milestones,
        articles=articles,
        states=states,
        withdrawn=list(withdrawn),
        kept=not (milestones or articles or states),
        year=y,
        prev=prev,
        next=nxt,
    )


def _listing(
    template: str,
    first: str,
    milestones: list[Milestone],
    articles: list[Article],
    **values: Any,
) -> Iterator[tuple[bool, Page]]:
    """A page of milestones and articles, in as many pages as the longer list needs."""
    lists = (milestones, articles)
    return _paged(template, first, lists, milestones=milestones, articles=articles, **values)


def _paged(
    template: str,
    first: str,
    lists: tuple[Sequence[object], ...],
    *,
    new: bool = False,
    **values: Any,
) -> Iterator[tuple[bool, Page]]:
    """A page that shows ``lists``, in as many pages as the longest needs (``pager`` says
    which part each shows); each with whether it is a page only split lists have (``new``
    pages are, even the first)."""
    for pager in pagers(first, *lists):
        shown = {
            k: windowed(pager, v) if any(v is x for x in lists) else v for k, v in values.items()
        }
        yield new or pager.number > 1, Page(pager.here, template, {"pager": pager, **shown})


def robots(r: Renderer) -> bytes:
    sitemap = urls.absolute(r.archive.config.base_url, urls.SITEMAP)
    return f"User-agent: *\nAllow: /\nSitemap: {sitemap}\n".encode()


def assets() -> list[Page]:
    """The stylesheet, the script and the icon, copied from ``templates/static``."""
    return [
        Page(target, make=functools.partial(_asset, name), reads=()) for name, target in urls.ASSETS
    ]


def _asset(name: str, r: Renderer) -> bytes:
    path = r.templates / "static" / name
    try:
        return read_bytes(path)
    except FileProblem as exc:
        raise ArchiveError([Diagnostic(display_path(path), None, f"asset: {exc}")]) from None
