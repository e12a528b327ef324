"""Render the archive: pure functions from records to ``(path, bytes)`` outputs.

Templates live in ``templates/`` and run with autoescape and
``StrictUndefined``: a misspelt variable is an error naming the template and
line, never a blank.  Nothing here writes files; :mod:`archive_site.write`
does, once everything has rendered.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import posixpath
from collections.abc import Callable, Hashable, Iterator, Mapping
from pathlib import Path
from typing import Any, NamedTuple

import jinja2
from markupsafe import Markup

from .. import urls
from ..errors import ArchiveError, Diagnostic, display_path
from ..model import Archive, Article, Entity, Milestone, Paragraph, Topic
from .export import data_files
from .fragments import KIND_LABELS, Fragments, date_html, published_html
from .markup import MarkdownRenderer, Span, annotate
from .svg import overview

ROLE_LABELS = {
    "original": "original",
    "via": "via",
    "publisher": "published by",
    "aggregator": "captured from",
}
TYPE_LABELS = {
    "person": "People",
    "organisation": "Organisations",
    "place": "Places",
    "agreement": "Agreements",
    "project": "Projects",
    "event": "Events",
}
TYPE_SINGULAR = {
    "person": "Person",
    "organisation": "Organisation",
    "place": "Place",
    "agreement": "Agreement",
    "project": "Project",
    "event": "Event",
}


class Output(NamedTuple):
    """One file of the site: where it goes and its bytes."""

    path: str  # inside the site, posix
    data: bytes


# --- view models --------------------------------------------------------------


class Cite(NamedTuple):
    """A numbered citation of a paragraph by a milestone, on an article page."""

    number: int
    milestone: Milestone
    source_index: int


class ParaView(NamedTuple):
    """A paragraph as an article page shows it."""

    paragraph: Paragraph
    html: Markup
    cites: tuple[Cite, ...]


class Block(NamedTuple):
    """Consecutive paragraphs of one interview turn, or one paragraph of prose."""

    role: str  # "lead", "body", "question", "answer"
    speaker: Entity | None
    paragraphs: tuple[ParaView, ...]


def _json_ld(data: Mapping[str, Any]) -> Markup:
    text = json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">{text}</script>')  # noqa: S704


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


# --- the renderer ---------------------------------------------------------------


class _Environment(jinja2.Environment):
    """Jinja with flat template globals.

    Jinja chains a template's globals to the environment's (a ChainMap) so that
    later changes show through, and copies that chain into a new dict for every
    render. Our globals are all set before any template loads, so a plain dict
    does the same, faster.
    """

    def make_globals(self, d: Mapping[str, Any] | None) -> Any:
        return {**self.globals, **(d or {})}


class Renderer:
    """Renders every output of one archive; pages render one at a time (see ``here``)."""

    def __init__(self, archive: Archive, templates: Path, content: Path) -> None:
        self.archive = archive
        self.templates = templates
        self.content = content
        self.md = MarkdownRenderer()
        self.env = _Environment(
            loader=jinja2.FileSystemLoader(str(templates)),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,
        )
        a = archive
        nav = [
            (urls.TIMELINE, "Timeline"),
            (urls.ARTICLES, "Articles"),
            (urls.ENTITIES, "Entities"),
            (urls.TOPICS, "Topics"),
            (urls.YEARS, "Years"),
            *((urls.page(p.id), p.menu) for p in a.pages),
        ]
        self.env.globals.update(
            site=a.config,
            archive=a,
            to=urls,
            href=self.href,
            absolute=lambda target: urls.absolute(a.config.base_url, target),
            kind_labels=KIND_LABELS,
            role_labels=ROLE_LABELS,
            type_labels=TYPE_LABELS,
            type_singular=TYPE_SINGULAR,
            plural=_plural,
            json_ld=_json_ld,
            nav=nav,
        )
        self.env.filters.update(when=date_html, published=published_html)
        self.env.filters["markdown"] = self.markdown
        self.env.globals["entry"] = self._entry
        self.env.globals["partial"] = self.partial
        self._nav_targets = {target for target, _ in nav} | {urls.HOME}
        self.fragments = Fragments(a, self.href, self.per_folder)
        self.env.globals.update(self.fragments.globals())
        self.env.bytecode_cache = _bytecode_cache(self.env)
        self._per_folder: dict[tuple[Hashable, ...], Markup] = {}
        # The page being rendered: links and Markdown are made relative to it.
        # Pages render one at a time, so templates need no context to link.
        self.here = urls.HOME
        self.rooted = False

    # -- plumbing --

    def href(self, target: str, fragment: str | None = None) -> str:
        """A link from the page being rendered; root-relative on the 404 page (see urls.rooted)."""
        if self.rooted:
            url = urls.rooted(self.archive.config.base_path, target)
            return f"{url}#{fragment}" if fragment else url
        return urls.relative(self.here, target, fragment)

    def per_folder(self, key: tuple[Hashable, ...], build: Callable[[], str]) -> Markup:
        """HTML that depends on the page being rendered only through its folder, built once.

        Links are relative, so a fragment made for one page serves every page of
        the same folder (and the 404 page, whose links are rooted, has its own).
        ``build`` must escape what it takes from content.
        """
        full = (self.rooted, self.here.rpartition("/")[0], *key)
        html = self._per_folder.get(full)
        if html is None:
            html = self._per_folder[full] = Markup(build())  # noqa: S704
        return html

    def markdown(self, text: str) -> Markup:
        """Markdown as HTML, relative to the page being rendered."""
        return self.per_folder(("markdown", text), lambda: self.md(text, self.here))

    def plain(self, text: str) -> str:
        """The words of a Markdown text, for JSON-LD and data files."""
        return self.md.text_of(self.markdown(text))

    def _entry(self, m: Milestone, h: int = 3) -> Markup:
        """A milestone's timeline entry (templates/entry.html)."""
        return self.per_folder(
            ("entry", m.id, h),
            lambda: self.env.get_template("entry.html").render(here=self.here, m=m, h=h),
        )

    def partial(self, name: str) -> Markup:
        """A part of the frame that is the same on every page of a folder (header, footer).

        Pages the navigation links to get their own copy, which marks the current page.
        """
        here = self.here
        current = here if here in self._nav_targets else None
        return self.per_folder(
            ("partial", name, current),
            lambda: self.env.get_template(name).render(here=here, rooted=self.rooted),
        )

    def page(self, template: str, path: str, **values: Any) -> Output:
        tpl = self.env.get_template(template)
        self.here, self.rooted = path, bool(values.get("rooted"))
        try:
            html = tpl.render(here=path, **values)
        finally:
            self.here, self.rooted = urls.HOME, False
        return Output(path, html.encode("utf-8"))

    # -- pages --

    def outputs(self) -> Iterator[Output]:
        a = self.archive
        yield self.home()
        yield self.timeline()
        yield self.page("articles.html", urls.ARTICLES, title="Articles")
        for article in a.articles:
            yield self.article(article)
            yield self.capture(article)
        for n, m in enumerate(a.milestones):
            prev = a.milestones[n - 1] if n > 0 else None
            nxt = a.milestones[n + 1] if n + 1 < len(a.milestones) else None
            yield self.page(
                "milestone.html",
                urls.milestone(m.id),
                m=m,
                prev=prev,
                next=nxt,
                ld=self.milestone_ld(m),
            )
        yield self.page("entities.html", urls.ENTITIES, title="People, organisations and places")
        for e in a.entities:
            yield self.entity(e)
        yield self.page("topics.html", urls.TOPICS, title="Topics")
        for n, t in enumerate(a.topics):
            yield self.topic(t, n)
        yield self.page("years.html", urls.YEARS, title="Years")
        years = a.years
        for n, y in enumerate(years):
            yield self.year(
                y, years[n - 1] if n else None, years[n + 1] if n + 1 < len(years) else None
            )
        for p in a.pages:
            yield self.page("page.html", urls.page(p.id), p=p)
        yield self.page("404.html", urls.NOT_FOUND, title="Page not found", rooted=True)
        yield self.page("feed.xml", urls.FEED)
        yield self.sitemap()
        yield Output(
            "robots.txt",
            f"User-agent: *\nAllow: /\n"
            f"Sitemap: {urls.absolute(a.config.base_url, urls.SITEMAP)}\n".encode(),
        )
        yield Output(".nojekyll", b"")
        yield from self.assets()
        for name, data in data_files(a, self.plain):
            yield Output(urls.data(name), data)

    def home(self) -> Output:
        a = self.archive
        return self.page(
            "home.html",
            urls.HOME,
            picture=overview(
                a.milestones,
                lambda m: urls.relative(urls.HOME, urls.TIMELINE, urls.milestone_fragment(m.id)),
                label=f"Overview of {_plural(len(a.milestones), 'milestone')}; "
                "each mark links to its entry on the timeline",
            ),
        )

    def timeline(self) -> Output:
        a = self.archive
        years = sorted({m.date.year for m in a.milestones})
        span = (years[-1] - years[0]) if years else 0
        groups: list[tuple[str | None, list[tuple[int, list[Milestone]]]]] = []
        for m in a.milestones:
            decade = f"{m.date.year // 10 * 10}s" if span > 20 else None
            if not groups or groups[-1][0] != decade:
                groups.append((decade, []))
            by_year = groups[-1][1]
            if not by_year or by_year[-1][0] != m.date.year:
                by_year.append((m.date.year, []))
            by_year[-1][1].append(m)
        return self.page(
            "timeline.html",
            urls.TIMELINE,
            groups=groups,
            picture=overview(
                a.milestones,
                lambda m: "#" + urls.milestone_fragment(m.id),
                label=f"Overview of {_plural(len(a.milestones), 'milestone')}; "
                "each mark links to its entry below",
            ),
        )

    def article(self, article: Article) -> Output:
        return self.page(
            "article.html",
            urls.article(article.id),
            art=article,
            blocks=self.article_blocks(article),
            furniture=_furniture_summary(article),
            ld=self.article_ld(article),
        )

    def article_ld(self, art: Article) -> dict[str, Any]:
        a = self.archive
        base = a.config.base_url
        page_url = urls.absolute(base, urls.article(art.id))
        ld: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "OpinionNewsArticle" if art.kind == "opinion" else "NewsArticle",
            "headline": art.title,
            "datePublished": art.published.iso,
            "inLanguage": art.language,
            "url": page_url,
            "mainEntityOfPage": page_url,
            "publisher": {"@type": "Organization", "name": art.outlet},
            "isBasedOn": urls.absolute(base, urls.capture(art.file_name)),
            "isPartOf": {"@type": "WebSite", "name": a.config.title, "url": base},
        }
        if art.kind == "interview" and art.interviewee and art.interviewer:
            ld["author"] = {"@type": "Organization", "name": a.entity(art.interviewer).name}
            ld["about"] = {"@type": "Person", "name": a.entity(art.interviewee).name}
        elif art.author:
            ld["author"] = {"@type": "Person", "name": art.author}
        if art.summary:
            ld["description"] = art.summary
        if art.url:
            ld["sameAs"] = art.url
        return ld

    def milestone_ld(self, m: Milestone) -> dict[str, Any]:
        a = self.archive
        base = a.config.base_url
        ld: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": m.title,
            "description": self.plain(m.summary),
            "url": urls.absolute(base, urls.milestone(m.id)),
            "subjectOf": [
                {
                    "@type": "NewsArticle",
                    "headline": a.article(aid).title,
                    "url": urls.absolute(base, urls.article(aid)),
                }
                for aid in dict.fromkeys(s.article for s in m.sources)
            ],
        }
        d = m.date
        if d.kind in ("single", "interval") and d.start is not None:
            ld["startDate"] = d.start.iso
        if d.kind == "interval" and d.end is not None:
            ld["endDate"] = d.end.iso
        if m.status == "planned":
            ld["eventStatus"] = "https://schema.org/EventScheduled"
        places = [a.entity(e).name for e in m.entities if a.entity(e).type == "place"]
        if places:
            ld["location"] = [{"@type": "Place", "name": name} for name in places]
        return ld

    def capture(self, article: Article) -> Output:
        data = (self.content / article.source_file).read_bytes()
        if hashlib.sha256(data).hexdigest() != article.sha256:
            raise ArchiveError(
                [
                    Diagnostic(
                        display_path(self.content / article.source_file),
                        None,
                        "the capture changed during the build",
                    )
                ]
            )
        return Output(urls.capture(article.file_name), data)

    def entity(self, e: Entity) -> Output:
        a = self.archive
        mentions = a.links.mentions_by_entity.get(e.id, ())
        by_article: dict[str, list[str]] = {}
        for mention in mentions:
            pids = by_article.setdefault(mention.article, [])
            if mention.paragraph not in pids:
                pids.append(mention.paragraph)
        outlets = [
            (art, link.role) for art in a.articles for link in art.chain if link.entity == e.id
        ]
        roles = [
            (art, "interviewer" if art.interviewer == e.id else "interviewee")
            for art in a.articles
            if e.id in (art.interviewer, art.interviewee)
        ]
        return self.page(
            "entity.html",
            urls.entity(e.id),
            e=e,
            milestones=[a.milestone(mid) for mid in a.links.milestones_by_entity.get(e.id, ())],
            mention_articles=[
                (a.article(aid), by_article[aid])
                for aid in a.links.articles_by_entity.get(e.id, ())
            ],
            mention_count=len(mentions),
            outlets=outlets,
            roles=roles,
            companions=[(a.entity(x), n) for x, n in a.links.co_entities.get(e.id, ())][:16],
        )

    def topic(self, t: Topic, n: int) -> Output:
        a = self.archive
        return self.page(
            "topic.html",
            urls.topic(t.id),
            t=t,
            milestones=[a.milestone(m) for m in a.links.milestones_by_topic.get(t.id, ())],
            articles=[a.article(x) for x in a.links.articles_by_topic.get(t.id, ())],
            prev=a.topics[n - 1] if n > 0 else None,
            next=a.topics[n + 1] if n + 1 < len(a.topics) else None,
        )

    def year(self, y: int, prev: int | None, nxt: int | None) -> Output:
        a = self.archive
        return self.page(
            "year.html",
            urls.year(y),
            year=y,
            milestones=[a.milestone(m) for m in a.links.milestones_by_year.get(y, ())],
            articles=[a.article(x) for x in a.links.articles_by_year.get(y, ())],
            prev=prev,
            next=nxt,
        )

    def sitemap(self) -> Output:
        a = self.archive
        paths = [urls.HOME, urls.TIMELINE, urls.ARTICLES, urls.ENTITIES, urls.TOPICS, urls.YEARS]
        paths += [urls.page(p.id) for p in a.pages]
        paths += [urls.article(x.id) for x in a.articles]
        paths += [urls.milestone(m.id) for m in a.milestones]
        paths += [urls.entity(e.id) for e in a.entities]
        paths += [urls.topic(t.id) for t in a.topics]
        paths += [urls.year(y) for y in a.years]
        return self.page("sitemap.xml", urls.SITEMAP, paths=paths)

    def assets(self) -> Iterator[Output]:
        static = self.templates / "static"
        for name, target in (
            ("style.css", urls.STYLE),
            ("timeline.js", urls.SCRIPT),
            ("favicon.svg", urls.FAVICON),
        ):
            path = static / name
            try:
                yield Output(target, path.read_bytes())
            except OSError as exc:
                raise ArchiveError(
                    [Diagnostic(display_path(path), None, f"cannot read asset: {exc.strerror}")]
                ) from None

    # -- article body --

    def article_blocks(self, article: Article) -> list[Block]:
        a = self.archive
        here = urls.article(article.id)
        linked: set[str] = set()
        number = 0
        views: list[ParaView] = []
        for p in article.paragraphs:
            cites_here = sorted(
                a.links.citations_by_paragraph.get((article.id, p.id), ()),
                key=lambda c: (a.milestone(c.milestone).sources[c.index].start, c.milestone),
            )
            spans: list[Span] = []
            cites: list[Cite] = []
            for c in cites_here:
                m = a.milestone(c.milestone)
                src = m.sources[c.index]
                number += 1
                cites.append(Cite(number, m, c.index))
                spans.append(
                    Span(
                        src.start,
                        src.end,
                        "quote",
                        href=urls.relative(here, urls.milestone(m.id)),
                        label=f"[{number}]",
                        title=f"{m.title} ({m.date.display()})",
                    )
                )
            bounds = {s.start for s in spans} | {s.end for s in spans}
            for mention in a.links.mentions_by_paragraph.get((article.id, p.id), ()):
                if mention.entity in linked:
                    continue
                if any(mention.start < b < mention.end for b in bounds):
                    continue
                linked.add(mention.entity)
                ent = a.entity(mention.entity)
                spans.append(
                    Span(
                        mention.start,
                        mention.end,
                        "link",
                        href=urls.relative(here, urls.entity(ent.id)),
                    )
                )
            views.append(ParaView(p, annotate(p.text, spans), tuple(cites)))
        blocks: list[Block] = []
        for view in views:
            p = view.paragraph
            if blocks and p.turn is not None and blocks[-1].paragraphs[-1].paragraph.turn == p.turn:
                last = blocks[-1]
                blocks[-1] = Block(last.role, last.speaker, (*last.paragraphs, view))
                continue
            speaker = a.entity(p.speaker) if p.speaker else None
            blocks.append(Block(p.role, speaker, (view,)))
        return blocks


def _furniture_summary(article: Article) -> list[str]:
    counts: dict[str, int] = {}
    for f in article.furniture:
        counts[f.kind] = counts.get(f.kind, 0) + 1
    words = {
        "story-link": ("a link to another story", "links to other stories"),
        "news-line": ("a “News line” list entry", "“News line” list entries"),
        "navigation": ("a navigation word", "navigation words"),
        "editorial": ("an editorial line", "editorial lines"),
    }
    out = []
    for kind, n in counts.items():
        one, many = words.get(kind, (kind, kind))
        out.append(one if n == 1 else f"{n} {many}")
    return out


# --- compiled templates -------------------------------------------------------------


class _QuietCache(jinja2.FileSystemBytecodeCache):
    """Jinja's bytecode cache, which never fails a build: a cache it cannot use is skipped."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, ValueError, EOFError):
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def _bytecode_cache(env: jinja2.Environment) -> jinja2.BytecodeCache | None:
    """Compiled templates, cached like Python's own ``.pyc`` files.

    Compiling the templates takes longer than rendering every page, so the
    compiled code is kept in the user's cache folder (``$XDG_CACHE_HOME`` or
    ``~/.cache``, under ``archive-site/``).  Jinja keys each entry by the
    template's file and checks a checksum of its source; the folder name also
    covers the Jinja version and the environment's settings, filters and
    globals, so a cached template is never stale.  ``ARCHIVE_SITE_NO_CACHE=1``
    turns it off.
    """
    if os.environ.get("ARCHIVE_SITE_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    settings = repr(
        (
            jinja2.__version__,
            env.trim_blocks,
            env.lstrip_blocks,
            env.keep_trailing_newline,
            env.autoescape,
            sorted(env.filters),
            sorted(env.tests),
            sorted(env.globals),
        )
    )
    digest = hashlib.sha256(settings.encode()).hexdigest()[:16]
    folder = Path(base) / "archive-site" / f"templates-{digest}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _QuietCache(str(folder))


# --- errors from templates --------------------------------------------------------


def _template_frame(exc: BaseException, templates: Path) -> tuple[str, int | None]:
    import traceback  # only on errors

    root = str(templates.resolve())
    where: tuple[str, int | None] = ("templates", None)
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename and str(Path(frame.filename).resolve()).startswith(root):
            where = (display_path(frame.filename), frame.lineno)
    return where


def render_site(archive: Archive, templates: Path, content: Path) -> list[Output]:
    """Render every output of the site, or raise :class:`ArchiveError` naming the template line."""
    if not templates.is_dir():
        raise ArchiveError(
            [Diagnostic(display_path(templates), None, "templates folder not found")]
        )
    renderer = Renderer(archive, templates, content)
    try:
        outputs = list(renderer.outputs())
    except jinja2.TemplateSyntaxError as exc:
        shown = (
            display_path(exc.filename)
            if exc.filename
            else display_path(templates / (exc.name or "?"))
        )
        raise ArchiveError(
            [Diagnostic(shown, exc.lineno, f"template syntax: {exc.message}")]
        ) from None
    except jinja2.TemplateNotFound as exc:
        raise ArchiveError(
            [Diagnostic(display_path(templates), None, f"template not found: {exc.name}")]
        ) from None
    except jinja2.UndefinedError as exc:
        path, line = _template_frame(exc, templates)
        raise ArchiveError([Diagnostic(path, line, f"template: {exc.message}")]) from None
    except ArchiveError:
        raise
    except Exception as exc:
        path, line = _template_frame(exc, templates)
        if line is None:
            raise
        raise ArchiveError(
            [Diagnostic(path, line, f"template: {type(exc).__name__}: {exc}")]
        ) from None
    seen: dict[str, int] = {}
    for n, out in enumerate(outputs):
        if out.path in seen:
            raise ArchiveError([Diagnostic(out.path, None, "two outputs have the same path")])
        if posixpath.normpath(out.path) != out.path or out.path.startswith(("/", "..")):
            raise ArchiveError([Diagnostic(out.path, None, "output path leaves the site folder")])
        seen[out.path] = n
    return outputs
