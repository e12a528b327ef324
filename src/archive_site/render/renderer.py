"""The renderer: the environment's globals and filters, and a page rendered to an output.

The page being rendered lives in the template's context only (``here``,
``rooted``; see :mod:`.context`): the renderer itself holds the archive, the
environment and caches, never a page.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from .. import urls
from ..counts import number, plural
from ..model import Archive, Milestone, Output
from ..text import opening
from . import jsonld, paging
from .context import FolderCache, Where, where
from .environment import (
    CompiledAhead,
    TemplateEnvironment,
    cache_compiled,
    make_environment,
    markdown_filter,
)
from .export import DataParts
from .facets import SearchFacets
from .fragments import KIND_LABELS, Fragments, published_html
from .markup import WITHDRAWN_MARK, MarkdownRenderer, Store
from .views import ROLE_LABELS, TYPE_LABELS, TYPE_SINGULAR, cited, lang_attribute


def template_environment(templates: Path) -> TemplateEnvironment:
    """The environment of the templates in ``templates`` with the renderer's filters: the one
    a :class:`Renderer` renders with, and the one :class:`CompiledAhead` compiles them in."""
    env = make_environment(templates)
    env.filters.update(
        published=published_html,
        markdown=markdown_filter,
        cited=cited,
        number=number,
        opening=opening,
    )
    return env


class Renderer:
    """Renders every output of one archive."""

    def __init__(
        self,
        archive: Archive,
        templates: Path,
        content: Path,
        store: Store | None = None,
        ahead: CompiledAhead | None = None,
    ) -> None:
        self.archive = archive
        self.templates = templates
        self.content = content
        withdrawn = {urls.milestone(m.id): WITHDRAWN_MARK for m in archive.withdrawn}
        self.md = MarkdownRenderer(store, withdrawn)
        self.data = DataParts(archive, self.absolute_html)
        self.cache = FolderCache()
        self.env = template_environment(templates)
        self.env.convert = self.markdown
        self.layout = paging.layout(archive)
        a = archive
        self.menu = paging.menu(a)
        nav = [
            (urls.TIMELINE, "Timeline"),
            (urls.ARTICLES, "Articles"),
            (urls.ENTITIES, "Entities"),
            (urls.TOPICS, "Topics"),
            (urls.YEARS, "Years"),
            *((urls.page(p.id), p.menu) for p in self.menu.pages),
            *([(urls.PAGES, "Pages")] if self.menu.indexed else []),
        ]
        self._nav_targets = {target for target, _ in nav} | {urls.HOME}
        self.facets = SearchFacets(a, TYPE_LABELS)
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
            plural=plural,
            lang_of=functools.partial(lang_attribute, a),
            json_ld=jsonld.script,
            nav=nav,
            entry=self.entry,
            partial=self.partial,
            search_tags=self.facets.tags,
            timeline_of=self.layout.timeline_of,
            timeline_year=self.layout.timeline_year,
            timeline_listing=self.layout.timeline_listing,
            **Fragments(a, self.cache).globals(),
        )
        cache_compiled(self.env, ahead)

    def _where(self, ctx: jinja2.runtime.Context) -> Where:
        return where(ctx, self.archive.config.base_path)

    @jinja2.pass_context
    def href(self, ctx: jinja2.runtime.Context, target: str, fragment: str | None = None) -> str:
        """A link from the page being rendered; root-relative on the 404 page (see urls.rooted)."""
        return self._where(ctx).href(target, fragment)

    def markdown(self, ctx: jinja2.runtime.Context, text: str) -> Markup:
        """Markdown as HTML, relative to the page being rendered (the ``markdown`` filter)."""
        return self._markdown(self._where(ctx), text)

    def _markdown(self, at: Where, text: str) -> Markup:
        return self.cache.get(at, ("markdown", text), lambda: self.md(text, at.path))

    def plain(self, text: str) -> str:
        """The words of a Markdown text, for JSON-LD."""
        home = Where(urls.HOME, False, self.archive.config.base_path)
        return self.md.text_of(self._markdown(home, text))

    def absolute_html(self, text: str) -> str:
        """Markdown as HTML whose internal links are absolute, for data files read elsewhere."""
        return str(self.md(text, urls.HOME, base=self.archive.config.base_url))

    @jinja2.pass_context
    def entry(self, ctx: jinja2.runtime.Context, m: Milestone, h: int = 3) -> Markup:
        """A milestone's timeline entry (templates/entry.html)."""
        at = self._where(ctx)
        return self.cache.get(
            at,
            ("entry", m.id, h),
            lambda: self.env.get_template("entry.html").render(
                here=at.path, rooted=at.rooted, m=m, h=h
            ),
        )

    @jinja2.pass_context
    def partial(self, ctx: jinja2.runtime.Context, name: str) -> Markup:
        """A part of the frame that is the same on every page of a folder (header, footer).

        Pages the navigation links to get their own copy, which marks the current page.
        """
        at = self._where(ctx)
        current = at.path if at.path in self._nav_targets else None
        return self.cache.get(
            at,
            ("partial", name, current),
            lambda: self.env.get_template(name).render(here=at.path, rooted=at.rooted),
        )

    def page(self, template: str, path: str, *, rooted: bool = False, **values: Any) -> Output:
        """The page at ``path``, rendered from ``template`` with ``values``.

        ``rooted`` pages (the 404 page) link root-relative: they are served at any depth.
        """
        html = self.env.get_template(template).render(here=path, rooted=rooted, **values)
        return Output(path, html.encode("utf-8"))
