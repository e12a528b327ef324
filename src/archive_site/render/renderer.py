"""The renderer: the environment's globals and filters, and a page rendered to an output."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any

from markupsafe import Markup

from .. import urls
from ..model import Archive, Milestone, Output
from . import jsonld
from .environment import cache_compiled, make_environment
from .fragments import KIND_LABELS, Fragments, date_html, published_html
from .markup import MarkdownRenderer
from .views import ROLE_LABELS, TYPE_LABELS, TYPE_SINGULAR, plural


class Renderer:
    """Renders every output of one archive; pages render one at a time (see ``here``)."""

    def __init__(self, archive: Archive, templates: Path, content: Path) -> None:
        self.archive = archive
        self.templates = templates
        self.content = content
        self.md = MarkdownRenderer()
        self.env = make_environment(templates)
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
            plural=plural,
            json_ld=jsonld.script,
            nav=nav,
        )
        self.env.filters.update(when=date_html, published=published_html)
        self.env.filters["markdown"] = self.markdown
        self.env.globals["entry"] = self._entry
        self.env.globals["partial"] = self.partial
        self._nav_targets = {target for target, _ in nav} | {urls.HOME}
        self.fragments = Fragments(a, self.href, self.per_folder)
        self.env.globals.update(self.fragments.globals())
        cache_compiled(self.env)
        self._per_folder: dict[tuple[Hashable, ...], Markup] = {}
        # The page being rendered: links and Markdown are made relative to it.
        # Pages render one at a time, so templates need no context to link.
        self.here = urls.HOME
        self.rooted = False

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
        """The page at ``path``, rendered from ``template`` with ``values``."""
        tpl = self.env.get_template(template)
        self.here, self.rooted = path, bool(values.get("rooted"))
        try:
            html = tpl.render(here=path, **values)
        finally:
            self.here, self.rooted = urls.HOME, False
        return Output(path, html.encode("utf-8"))
