"""Every output of the site, one function per kind of page, in the order they are made."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping

from .. import urls
from ..errors import ArchiveError, Diagnostic, display_path
from ..files import FileProblem, read_bytes
from ..model import Article, Entity, Milestone, Output, Topic
from . import jsonld
from .export import data_files
from .renderer import Renderer
from .svg import overview
from .views import (
    article_view,
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
    yield home(r)
    yield timeline(r)
    yield r.page("articles.html", urls.ARTICLES, title="Articles")
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
        yield entity(r, e)
    yield r.page("topics.html", urls.TOPICS, title="Topics", topics=topic_counts(a))
    for n, t in enumerate(a.topics):
        yield topic(r, t, n)
    yield r.page("years.html", urls.YEARS, title="Years", years=year_counts(a))
    years = a.years
    for n, y in enumerate(years):
        yield year(r, y, years[n - 1] if n else None, years[n + 1] if n + 1 < len(years) else None)
    for p in a.pages:
        yield r.page("page.html", urls.page(p.id), p=p)
    yield r.page("search.html", urls.SEARCH, title="Search", choices=r.facets.choices())
    yield r.page("404.html", urls.NOT_FOUND, title="Page not found", rooted=True)
    yield r.page("feed.xml", urls.FEED)
    yield r.page("sitemap.xml", urls.SITEMAP, paths=sitemap_paths(a))
    yield robots(r)
    yield Output(".nojekyll", b"")
    yield from assets(r)
    for name, data in data_files(a, r.absolute_html):
        yield Output(urls.data(name), data)


def home(r: Renderer) -> Output:
    a = r.archive
    return r.page(
        "home.html",
        urls.HOME,
        picture=overview(
            a.milestones,
            lambda m: urls.relative(urls.HOME, urls.TIMELINE, urls.milestone_fragment(m.id)),
            label=f"Overview of {plural(len(a.milestones), 'milestone')}; "
            "each mark links to its entry on the timeline",
        ),
    )


def timeline(r: Renderer) -> Output:
    a = r.archive
    return r.page(
        "timeline.html",
        urls.TIMELINE,
        groups=timeline_groups(a.milestones),
        picture=overview(
            a.milestones,
            lambda m: "#" + urls.milestone_fragment(m.id),
            label=f"Overview of {plural(len(a.milestones), 'milestone')}; "
            "each mark links to its entry below",
        ),
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
    )


def entity(r: Renderer, e: Entity) -> Output:
    return r.page("entity.html", urls.entity(e.id), e=e, **entity_view(r.archive, e))


def topic(r: Renderer, t: Topic, n: int) -> Output:
    a = r.archive
    return r.page(
        "topic.html",
        urls.topic(t.id),
        t=t,
        milestones=[a.milestone(m) for m in a.links.milestones_by_topic.get(t.id, ())],
        articles=[a.article(x) for x in a.links.articles_by_topic.get(t.id, ())],
        prev=a.topics[n - 1] if n > 0 else None,
        next=a.topics[n + 1] if n + 1 < len(a.topics) else None,
    )


def year(r: Renderer, y: int, prev: int | None, nxt: int | None) -> Output:
    a = r.archive
    return r.page(
        "year.html",
        urls.year(y),
        year=y,
        milestones=[a.milestone(m) for m in a.links.milestones_by_year.get(y, ())],
        articles=[a.article(x) for x in a.links.articles_by_year.get(y, ())],
        prev=prev,
        next=nxt,
    )


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
