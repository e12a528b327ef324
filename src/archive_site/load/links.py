"""Links in Markdown text: every ``href`` and ``src`` must be one the site can publish.

The Markdown is parsed as the renderer parses it (:mod:`archive_site.mdtext`),
and each link it makes, in whatever form it was written, is judged by
:func:`archive_site.urls.resolve_link`: an internal link must name a record
that exists, an external one must be an http(s) or mailto URL.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from pathlib import Path

from .. import urls
from ..cache import RecordCache
from ..errors import Problems, display_path
from ..files import FileProblem, read_bytes
from ..layout import MILESTONES_FILE
from ..mdtext import links_in, too_marked, too_nested
from ..model import Article, Entity, Milestone, Page, Topic


def check_links(
    text: str,
    path: Path,
    line: int,
    known: Mapping[str, Collection[str]],
    problems: Problems,
    cache: RecordCache | None = None,
) -> None:
    """Report each link of a Markdown text (from line ``line`` of ``path``) that cannot be
    used, or a text that Markdown would take too long to read (see :func:`too_nested` and
    :func:`too_marked`)."""
    nested = too_nested(text) or too_marked(text)
    if nested is not None:  # on the line of the sign one too many (a page's body, a
        message, at = nested  # literal block: exactly; a folded one: the text's first)
        problems.error(display_path(path), line + text.count("\n", 0, at), f"markdown: {message}")
        return
    try:
        hrefs = _links(text, cache)
    except RecursionError:  # Python-Markdown reads nested lists and quotes by recursion
        problems.error(
            display_path(path),
            line + _deepest_line(text),
            "markdown: lists or quotes are nested too deeply for Markdown to read "
            "(a few hundred levels)",
        )
        return
    searched: dict[str, int] = {}
    for href in hrefs:
        try:
            urls.resolve_link(href, known)
        except urls.LinkError as exc:
            where = _line_of(path, searched.get(href, line), href)
            searched[href] = where + 1
            problems.error(display_path(path), where, f"link: {exc}")


def _deepest_line(text: str) -> int:
    """The index of the text's most indented line (spaces, tabs and quote signs)."""
    lines = text.split("\n")
    return max(range(len(lines)), key=lambda n: len(lines[n]) - len(lines[n].lstrip(" \t>")))


def _links(text: str, cache: RecordCache | None) -> Sequence[str]:
    """The links of a Markdown text (what :func:`links_in` finds depends on the text alone,
    so it is kept in ``cache`` under the text's hash)."""
    if cache is None:
        return links_in(text)
    key = cache.key(text)
    found = cache.get(_LINKS, key)
    if not (isinstance(found, tuple) and all(isinstance(h, str) for h in found)):
        found = tuple(links_in(text))
        cache.put(_LINKS, key, found)
    return found


_LINKS = "links"


def _line_of(path: Path, start: int, href: str) -> int:
    """The first line from ``start`` on that holds ``href`` (else ``start``).

    Markdown keeps no line numbers, and a YAML folded scalar joins lines, so the
    link is looked for in the file itself; only on errors, so it is read rarely.
    """
    try:
        lines = read_bytes(path).decode("utf-8", "replace").split("\n")
    except FileProblem:
        return start
    return next((n + 1 for n in range(start - 1, len(lines)) if href in lines[n]), start)


def known_targets(
    articles: Sequence[Article],
    milestones: Sequence[Milestone],
    entities: Sequence[Entity],
    topics: Sequence[Topic],
    pages: Sequence[Page],
) -> dict[str, Collection[str]]:
    """The targets each internal link scheme may name."""
    years = {str(y) for m in milestones for y in m.date.years()}
    years |= {str(a.published.date.year) for a in articles}
    return {
        "milestone": {m.id for m in milestones},
        "entity": {e.id for e in entities},
        "article": {a.id for a in articles},
        "topic": {t.id for t in topics},
        "year": years,
        "page": {p.id for p in pages},
        "site": urls.SITE_TARGETS,
    }


def check_all_links(
    content: Path,
    articles: Sequence[Article],
    milestones: Sequence[Milestone],
    entities: Sequence[Entity],
    topics: Sequence[Topic],
    pages: Sequence[Page],
    problems: Problems,
    cache: RecordCache | None = None,
) -> None:
    known = known_targets(articles, milestones, entities, topics, pages)
    for m in milestones:
        check_links(m.summary, content / MILESTONES_FILE, m.summary_line, known, problems, cache)
    for p in pages:
        check_links(p.body, content / p.source_file, p.body_line, known, problems, cache)
