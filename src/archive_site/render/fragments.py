"""Small HTML fragments that many pages repeat, built in Python and cached.

A milestone's date line, its list of sources, a list of entity links: the
same fragment appears on dozens of pages, and differs between pages only by
the folder the page is in (links are relative).  Building them here, once per
folder, is several times faster than running the equivalent Jinja macros on
every page; the templates call them as globals (``{{ when(m) }}``).
Every piece of text is escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import jinja2
from markupsafe import Markup, escape

from .. import urls
from ..counts import number
from ..dates import DateSpec
from ..files import balanced_directions
from ..model import Archive, Article, Entity, Milestone, Published, Source
from . import paging
from .context import FolderCache, Where, where
from .views import Speaker, evidence_summary, lang_attribute, speaker

KIND_LABELS = {"news": "News", "interview": "Interview", "opinion": "Opinion"}


def inline(text: str) -> Markup:
    """``text`` of the content escaped, to be shown among other words (a name in a list, a
    quote cut out of its paragraph): closing the writing directions it opens, without the
    marks closing those it did not (:func:`~archive_site.files.balanced_directions`), as
    the templates print a text."""
    return escape(balanced_directions(text))


def date_html(spec: DateSpec) -> Markup:
    """A date as text with each known date in ``<time datetime>``: "by <time>April 2019</time>"."""
    out: list[str] = []
    for text, d in spec.parts():
        out.append(str(escape(text)))
        if d is not None:
            out.append(f'<time datetime="{d.iso}">{escape(d.display())}</time>')
    return Markup("".join(out))  # noqa: S704 - escaped above


def published_html(p: Published) -> Markup:
    return Markup(f'<time datetime="{escape(p.iso)}">{escape(p.display())}</time>')  # noqa: S704


class Fragments:
    """Fragments relative to the page being rendered, each built once per folder.

    Each takes the page it is built for (``at``); templates call them without
    it (``{{ when(m) }}``): :meth:`globals` reads the page from their context.
    """

    def __init__(self, archive: Archive, cache: FolderCache) -> None:
        self.archive = archive
        self._cache = cache
        # Who makes each source's statement, worked out once: a milestone's sources are
        # listed on its page and in its entry of the timeline, its year, topics and entities.
        self._speakers: dict[Source, Speaker] = {}

    def globals(self) -> dict[str, Any]:
        """The fragments as template globals, which find the page in the template's context."""
        base_path = self.archive.config.base_path
        made: list[Callable[..., Markup]] = [
            self.entity_links,
            self.topic_links,
            self.when,
            self.sources,
            self.short,
            self.article_item,
            self.paragraph_links,
            self.entity_counts,
        ]
        return {f.__name__: _in_context(f, base_path) for f in made}

    def entity_links(self, at: Where, ids: Iterable[str]) -> Markup:
        ids = tuple(ids)

        def build() -> str:
            return ", ".join(
                f'<a href="{at.href(urls.entity(e))}">{inline(self.archive.entity(e).name)}</a>'
                for e in ids
            )

        return self._cache.get(at, ("entities", ids), build)

    def topic_links(self, at: Where, ids: Iterable[str]) -> Markup:
        ids = tuple(ids)

        def build() -> str:
            return " ".join(
                f'<a class="tag" href="{at.href(urls.topic(t))}">'
                f"{inline(self.archive.topic(t).title)}</a>"
                for t in ids
            )

        return self._cache.get(at, ("topics", ids), build)

    def when(self, at: Where, m: Milestone) -> Markup:
        """The date line of a milestone: its date, and whether it is inferred or planned."""

        def build() -> str:
            tags = ""
            if m.inferred:
                tags += ' <span class="tag inf">inferred date</span>'
            if m.status != "happened":
                tags += f' <span class="tag st">{escape(m.status)}</span>'
            return f'<p class="when">{date_html(m.date)}{tags}</p>'

        return self._cache.get(at, ("when", m.id), build)

    def sources(
        self, at: Where, m: Milestone, listed: bool = False, pager: paging.Pager | None = None
    ) -> Markup:
        """The quotes of a milestone, each linked to the paragraph it comes from; ``listed``
        (its entry in a list): the first :data:`.paging.SOURCES_LISTED`, and how many more
        there are on the milestone's page; ``pager``: those of one page of the milestone's."""
        most = paging.SOURCES_LISTED if listed else None
        shown = m.sources[:most] if pager is None else pager.slice(m.sources)

        def build() -> str:
            a = self.archive
            out = []
            if len(m.sources) > 1:
                out.append(f'<p class="nsrc">{inline(evidence_summary(a, m))}:</p>')
            out.append('<ul class="srcs">')
            for s in shown:
                art = a.article(s.article)
                para = art.paragraph(s.paragraph)
                assert para is not None
                lang = lang_attribute(a, art)
                title = inline(art.short_title)
                out.append(
                    # (the line break parts the quote's last word from the speaker's
                    # first in the search index, which reads the text as one string)
                    f"<li><blockquote{lang}>{inline(para.text[s.start : s.end])}</blockquote>\n"
                    f"{self._speaker(at, s)}, "
                    f'<a href="{at.href(urls.article(art.id), s.paragraph)}">'
                    f"{f'<span{lang}>{title}</span>' if lang else title}, "
                    f"¶\u202f{para.number}</a></li>"
                )
            out.append("</ul>")
            more = len(m.sources) - len(shown)
            if listed and more:
                out.append(
                    f'<p class="more">And {more} more: <a href="{at.href(urls.milestone(m.id))}">'
                    "all the sources on the milestone's page</a>.</p>"
                )
            return "\n".join(out)

        part = None if pager is None else pager.number
        return self._cache.get(at, ("sources", m.id, listed, part), build)

    def _speaker(self, at: Where, s: Source) -> str:
        """Who makes the statement: the speaker's name, linked to their page, and the voice."""
        who = self._speakers.get(s)
        if who is None:
            who = self._speakers[s] = speaker(self.archive, s)
        name = inline(who.name)
        if who.entity is not None:
            name = Markup(f'<a href="{at.href(urls.entity(who.entity.id))}">{name}</a>')  # noqa: S704
        return f'<span class="by">{name}, {inline(who.words)}</span>'

    def short(self, at: Where, m: Milestone) -> Markup:
        """A milestone on one line, for small timelines."""

        def build() -> str:
            notes = ["inferred date"] if m.inferred else []
            notes += [m.status] if m.status != "happened" else []
            status = f" ({escape(', '.join(notes))})" if notes else ""
            return (
                f'<li><span class="d">{date_html(m.date)}{status}</span> '
                f'<a href="{at.href(urls.milestone(m.id))}">{inline(m.title)}</a></li>'
            )

        return self._cache.get(at, ("short", m.id), build)

    def article_item(self, at: Where, art: Article) -> Markup:
        def build() -> str:
            return (
                f'<li><a href="{at.href(urls.article(art.id))}"{lang_attribute(self.archive, art)}>'
                f"{inline(art.title)}</a> "
                f'<span class="meta">{KIND_LABELS[art.kind]} · {inline(art.outlet)} · '
                f"{published_html(art.published)}</span></li>"
            )

        return self._cache.get(at, ("article", art.id), build)

    def paragraph_links(self, at: Where, art: Article, pids: Iterable[str]) -> Markup:
        """Links to paragraphs of an article: "¶ 2, ¶ 5, ¶ 34"."""
        page = urls.article(art.id)
        return Markup(  # noqa: S704 - ids and numbers only
            ", ".join(f'<a href="{at.href(page, pid)}">¶\u202f{pid[1:]}</a>' for pid in pids)
        )

    def entity_counts(self, at: Where, pairs: Iterable[tuple[Entity, int]]) -> Markup:
        """Entities with a count each, as list items."""
        return Markup(  # noqa: S704 - names escaped
            "".join(
                f'<li><a href="{at.href(urls.entity(e.id))}">{inline(e.name)}</a> '
                f'<span class="meta">{number(n)}</span></li>'
                for e, n in pairs
            )
        )


def _in_context(fragment: Callable[..., Markup], base_path: str) -> Callable[..., Markup]:
    @jinja2.pass_context
    def call(ctx: jinja2.runtime.Context, *args: Any) -> Markup:
        return fragment(where(ctx, base_path), *args)

    call.__name__ = fragment.__name__
    return call
