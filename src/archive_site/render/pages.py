"""Every output of the site, one function per kind of page, in the order they are made."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from markupsafe import Markup

from .. import urls
from ..errors import ArchiveError, Diagnostic, display_path
from ..files import FileProblem, read_bytes
from ..model import Article, Entity, Milestone, Output, Topic
from . import jsonld, paging
from .export import data_files
from .paging import Pager, by_year, pagers
from .renderer import Renderer
from .svg import overview, overview_by_year
from .views import (
    article_view,
    dependency_text,
    entity_groups,
    entity_view,
    plural,
    sitemap_paths,
    timeline_groups,
    topic_counts,
    year_counts,
)


def outputs(r: Renderer) -> Iterator[Output]:
    """Every file of the site."""
    a = r.archive
    more: list[str] = []  # the pages of split lists beyond their first, for the sitemap
    yield home(r)
    yield from _counted(timeline(r), more)
    yield from _counted(article_index(r), more)
    order = {m.id: n for n, m in enumerate(a.milestones)}
    for article in a.articles:
        yield article_page(r, article, order)
        yield capture(r, article)
    for n, m in enumerate(a.milestones):
        prev = a.milestones[n - 1] if n > 0 else None
        nxt = a.milestones[n + 1] if n + 1 < len(a.milestones) else None
        yield milestone(r, m, prev, nxt)
    yield r.page(
        "entities.html",
        urls.ENTITIES,
        title="People, organisations and places",
        groups=entity_groups(a),
    )
    for e in a.entities:
        yield from _counted(entity(r, e), more)
    yield r.page("topics.html", urls.TOPICS, title="Topics", topics=topic_counts(a))
    for n, t in enumerate(a.topics):
        yield from _counted(topic(r, t, n), more)
    yield r.page("years.html", urls.YEARS, title="Years", years=year_counts(a))
    years = a.years
    for n, y in enumerate(years):
        prev_y, next_y = years[n - 1] if n else None, years[n + 1] if n + 1 < len(years) else None
        yield from _counted(year(r, y, prev_y, next_y), more)
    for p in a.pages:
        yield r.page("page.html", urls.page(p.id), p=p)
    yield r.page("search.html", urls.SEARCH, title="Search", choices=r.facets.choices())
    yield r.page("404.html", urls.NOT_FOUND, title="Page not found", rooted=True)
    yield r.page("feed.xml", urls.FEED, latest=a.articles[: paging.FEED_ENTRIES])
    yield r.page("sitemap.xml", urls.SITEMAP, paths=[*sitemap_paths(a), *more])
    yield robots(r)
    yield Output(".nojekyll", b"")
    yield from assets(r)
    for name, data in data_files(a, r.absolute_html):
        yield Output(urls.data(name), data)


def _counted(pages: Iterator[tuple[bool, Output]], more: list[str]) -> Iterator[Output]:
    """The outputs of a list's pages; those beyond the usual one are noted in ``more``."""
    for extra, out in pages:
        if extra:
            more.append(out.path)
        yield out


def _picture(r: Renderer, here: str, label: str) -> Markup:
    """The overview: a mark per milestone linking to its entry, or a bar per year when the
    archive is large."""
    a, lay = r.archive, r.layout
    if lay.overview_by_year:
        counts = {y: len(items) for y, items in by_year(a.milestones).items()}
        return overview_by_year(
            counts,
            lambda y: urls.relative(here, lay.timeline_year(y), f"y{y}"),
            label=f"Overview of {plural(len(a.milestones), 'milestone')}: a bar per year, "
            "as tall as its number of milestones; each links to its year on the timeline",
        )
    return overview(
        a.milestones,
        lambda m: urls.relative(here, lay.timeline_of(m), urls.milestone_fragment(m.id)),
        label=label,
    )


def home(r: Renderer) -> Output:
    a = r.archive
    label = (
        f"Overview of {plural(len(a.milestones), 'milestone')}; "
        "each mark links to its entry on the timeline"
    )
    return r.page(
        "home.html",
        urls.HOME,
        picture=_picture(r, urls.HOME, label),
        events=[m for m in a.milestones if not m.date.is_state],
        states=[m for m in a.milestones if m.date.is_state],
    )


def timeline(r: Renderer) -> Iterator[tuple[bool, Output]]:
    """The timeline: one page, or an overview page and the years, each split in pages."""
    a = r.archive
    label = (
        f"Overview of {plural(len(a.milestones), 'milestone')}; each mark links to its entry below"
    )
    picture = _picture(r, urls.TIMELINE, label)
    if not r.layout.timeline_split:
        groups = timeline_groups(a.milestones)
        yield False, r.page("timeline.html", urls.TIMELINE, groups=groups, picture=picture)
        return
    years = by_year(a.milestones)
    yield (
        False,
        r.page(
            "timeline-index.html",
            urls.TIMELINE,
            decades=_decades(years),
            picture=picture,
        ),
    )
    order = sorted(years)
    for n, y in enumerate(order):
        yield from _paged(
            r,
            "timeline-year.html",
            urls.timeline_year(y),
            (years[y],),
            new=True,
            year=y,
            milestones=years[y],
            prev=order[n - 1] if n else None,
            next=order[n + 1] if n + 1 < len(order) else None,
            years=order,
        )


def _decades(years: Mapping[int, list[Milestone]]) -> list[tuple[str, list[tuple[int, int]]]]:
    """The years of the timeline by decade, each with its number of milestones."""
    out: list[tuple[str, list[tuple[int, int]]]] = []
    for y in sorted(years):
        decade = f"{y // 10 * 10}s"
        if not out or out[-1][0] != decade:
            out.append((decade, []))
        out[-1][1].append((y, len(years[y])))
    return out


def article_index(r: Renderer) -> Iterator[tuple[bool, Output]]:
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
        r.page(
            "articles.html",
            urls.ARTICLES,
            title="Articles",
            articles=shown,
            years=years,
            year=None,
            pager=Pager(urls.ARTICLES, 1, 1, len(shown)),
        ),
    )
    for y, _ in years:
        yield from _paged(
            r,
            "articles.html",
            urls.articles_year(y),
            (groups[y],),
            new=True,
            title=f"Articles of {y}",
            articles=groups[y],
            years=years,
            year=y,
        )


def article_page(r: Renderer, article: Article, order: Mapping[str, int]) -> Output:
    return r.page(
        "article.html",
        urls.article(article.id),
        art=article,
        ld=jsonld.article_ld(r.archive, article),
        **article_view(r.archive, article, order),
    )


def capture(r: Renderer, article: Article) -> Output:
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
    return Output(urls.capture(article.file_name), data)


def milestone(r: Renderer, m: Milestone, prev: Milestone | None, nxt: Milestone | None) -> Output:
    return r.page(
        "milestone.html",
        urls.milestone(m.id),
        m=m,
        prev=prev,
        next=nxt,
        ld=jsonld.milestone_ld(r.archive, m, r.plain),
        dependencies=[dependency_text(r.archive, d) for d in r.archive.evidence[m.id].dependencies],
    )


def entity(r: Renderer, e: Entity) -> Iterator[tuple[bool, Output]]:
    view = entity_view(r.archive, e)
    lists = (
        view["milestones"],
        view["mention_articles"],
        view["outlets"],
        view["roles"],
        view["quoted"],
    )
    return _paged(r, "entity.html", urls.entity(e.id), lists, e=e, **view)


def topic(r: Renderer, t: Topic, n: int) -> Iterator[tuple[bool, Output]]:
    a = r.archive
    return _listing(
        r,
        "topic.html",
        urls.topic(t.id),
        [a.milestone(m) for m in a.links.milestones_by_topic.get(t.id, ())],
        [a.article(x) for x in a.links.articles_by_topic.get(t.id, ())],
        t=t,
        prev=a.topics[n - 1] if n > 0 else None,
        next=a.topics[n + 1] if n + 1 < len(a.topics) else None,
    )


def year(r: Renderer, y: int, prev: int | None, nxt: int | None) -> Iterator[tuple[bool, Output]]:
    a = r.archive
    return _listing(
        r,
        "year.html",
        urls.year(y),
        [a.milestone(m) for m in a.links.milestones_by_year.get(y, ())],
        [a.article(x) for x in a.links.articles_by_year.get(y, ())],
        year=y,
        states=[a.milestone(m) for m in a.links.states_by_year.get(y, ())],
        prev=prev,
        next=nxt,
    )


def _listing(
    r: Renderer,
    template: str,
    first: str,
    milestones: list[Milestone],
    articles: list[Article],
    **values: Any,
) -> Iterator[tuple[bool, Output]]:
    """A page of milestones and articles, in as many pages as the longer list needs."""
    lists = (milestones, articles)
    return _paged(r, template, first, lists, milestones=milestones, articles=articles, **values)


def _paged(
    r: Renderer,
    template: str,
    first: str,
    lists: tuple[Sequence[object], ...],
    *,
    new: bool = False,
    **values: Any,
) -> Iterator[tuple[bool, Output]]:
    """A page that shows ``lists``, in as many pages as the longest needs (``pager`` says
    which part each shows); each with whether it is a page only split lists have (``new``
    pages are, even the first)."""
    for pager in pagers(first, *lists):
        yield new or pager.number > 1, r.page(template, pager.here, pager=pager, **values)


def robots(r: Renderer) -> Output:
    sitemap = urls.absolute(r.archive.config.base_url, urls.SITEMAP)
    return Output("robots.txt", f"User-agent: *\nAllow: /\nSitemap: {sitemap}\n".encode())


def assets(r: Renderer) -> Iterator[Output]:
    """The stylesheet, the script and the icon, copied from ``templates/static``."""
    static = r.templates / "static"
    for name, target in (
        ("style.css", urls.STYLE),
        ("timeline.js", urls.SCRIPT),
        ("search.js", urls.SEARCH_SCRIPT),
        ("favicon.svg", urls.FAVICON),
    ):
        path = static / name
        try:
            yield Output(target, read_bytes(path))
        except FileProblem as exc:
            raise ArchiveError([Diagnostic(display_path(path), None, f"asset: {exc}")]) from None
