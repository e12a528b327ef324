"""Links in Markdown text: every ``href`` and ``src`` must be one the site can publish.

The Markdown is parsed as the renderer parses it (:mod:`archive_site.mdtext`),
and each link it makes, in whatever form it was written, is judged by
:func:`archive_site.urls.resolve_link`: an internal link must name a record
that exists, an external one must be an http(s) or mailto URL.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path

from .. import urls
from ..cache import RecordCache
from ..errors import Problems, display_path
from ..files import FileProblem, read_bytes
from ..layout import MILESTONES_FILE, Ids
from ..mdtext import heading_at, links_in, too_marked, too_nested
from ..model import Article, Entity, Milestone, Page, Topic
from ..patterns import later
from .checks import entity_ids, former_of, record_ids
from .split import shared


def check_links(
    text: str,
    path: Path,
    line: int,
    known: Mapping[str, Collection[str]],
    problems: Problems,
    cache: RecordCache | None = None,
    found: Mapping[str, tuple[str, ...] | None] | None = None,
) -> None:
    """Report each link of a Markdown text (from line ``line`` of ``path``) that cannot be
    used, or a text that Markdown would take too long to read (see :func:`too_nested` and
    :func:`too_marked`); ``found``: the links of texts found already (see
    :func:`check_all_links`)."""
    nested = too_nested(text) or too_marked(text)
    if nested is not None:  # on the line of the sign one too many (a page's body, a
        message, at = nested  # literal block: exactly; a folded one: the text's first)
        problems.error(display_path(path), line + text.count("\n", 0, at), f"markdown: {message}")
        return
    try:
        hrefs = _links(text, cache, found or {})
    except RecursionError:  # Python-Markdown reads nested lists and quotes by recursion
        problems.error(
            display_path(path),
            line + _deepest_line(text),
            "markdown: lists or quotes are nested too deeply for Markdown to read "
            "(a few hundred levels)",
        )
        return
    searched: dict[tuple[str, int], int] = {}
    texts = _Texts(path)
    for href in hrefs:
        try:
            urls.resolve_link(href, known)
        except urls.LinkError as exc:
            where = _line_of(texts, line, href, searched)
            problems.error(display_path(path), where, f"link: {exc}")


def _deepest_line(text: str) -> int:
    """The index of the text's most indented line (spaces, tabs and quote signs)."""
    lines = text.split("\n")
    return max(range(len(lines)), key=lambda n: len(lines[n]) - len(lines[n].lstrip(" \t>")))


def _links(
    text: str, cache: RecordCache | None, known: Mapping[str, tuple[str, ...] | None]
) -> Sequence[str]:
    """The links of a Markdown text: ``known`` already, else found (what :func:`links_in`
    finds depends on the text alone, so it is kept in ``cache`` under the text's hash)."""
    ready = known.get(text)
    if ready is not None:
        return ready
    if cache is None:
        return links_in(text)
    found = _cached(text, cache)
    if found is None:
        found = tuple(links_in(text))
        cache.put(_LINKS, cache.key(text), found)
    return found


def _cached(text: str, cache: RecordCache) -> tuple[str, ...] | None:
    """The links of ``text`` kept in ``cache``, if any (a cache is never trusted)."""
    found = cache.get(_LINKS, cache.key(text))
    if isinstance(found, tuple) and all(isinstance(h, str) for h in found):
        return found
    return None


def links_found(text: str) -> tuple[str, ...] | None:
    """The links of a Markdown text, when Markdown can read it at all (else None: the text
    is read again by :func:`check_links`, which reports why)."""
    if too_nested(text) or too_marked(text):
        return None
    try:
        return tuple(links_in(text))
    except RecursionError:
        return None


_LINKS = "links"


class _Texts:
    """A file's text as a bad link in it is looked for (see :func:`_line_of`), each with
    where its lines begin: read once, at its first bad link (10,000 bad links read the
    file 10,000 times, and counted its lines each time: 16 s)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._texts: list[tuple[str, list[int]]] | None = None

    def texts(self) -> list[tuple[str, list[int]]]:
        if self._texts is None:
            try:
                text = read_bytes(self.path).decode("utf-8", "replace")
            except FileProblem:
                text = ""
            forms = (_UNESCAPE().sub(r"\1", text), text, text.replace("\\", ""))
            self._texts = [(t, [0, *(m.end() for m in re.finditer("\n", t))]) for t in forms]
        return self._texts


def _line_of(texts: _Texts, start: int, href: str, after: dict[tuple[str, int], int]) -> int:
    """The line, from ``start`` on, where ``href`` is written (else ``start``); ``after``:
    for each link and form of the text, where to look for it next (past where it was last
    found: a link written twice on one line is told on that line twice, not on the next).

    Markdown keeps no line numbers, and a YAML folded scalar joins lines, so the
    link is looked for in the file itself: as Markdown reads it (``\\\\`` as one
    backslash; over a line's end, if written across one), else as written, else with its
    backslashes aside; only on errors, so it is read rarely.
    """
    needles = (href, href, href.replace("\\", ""))
    for form, (needle, (haystack, starts)) in enumerate(zip(needles, texts.texts(), strict=True)):
        if not needle or start > len(starts):
            continue
        at = _find_whole(haystack, needle, after.get((href, form), starts[max(start, 1) - 1]))
        if at >= 0:
            after[href, form] = at + len(needle)
            return bisect.bisect_right(starts, at)
    return _spaced_line_of(texts, start, href, after)


def _find_whole(haystack: str, needle: str, start: int) -> int:
    """Where, from ``start``, ``needle`` is written whole as a link's target (between what
    can open and close one: ``(https:)`` is not the start of ``(https://x.org/)``), else
    where it is written at all; -1 where nowhere."""
    first = at = haystack.find(needle, start)
    while at >= 0:
        end = at + len(needle)
        opens = at == 0 or haystack[at - 1].isspace() or haystack[at - 1] in _OPENS
        if opens and (end == len(haystack) or haystack[end].isspace() or haystack[end] in ")>"):
            return at
        at = haystack.find(needle, at + 1)
    return first


#: What a link's target is written after, but white space: ``(url)``, ``<url>``, ``]:url``.
_OPENS = "(<:"


def _spaced_line_of(texts: _Texts, start: int, href: str, after: dict[tuple[str, int], int]) -> int:
    """The line, from ``start`` on (and past ``after``), where ``href`` is written with
    other spaces between its words: Markdown reads a tab as spaces to the next tab stop
    (``[a](java<tab>script:x)`` comes out as ``java    script:x``), so a link written with
    a tab was told at the top of its text; else ``start``."""
    words = href.split()
    haystack, starts = texts.texts()[1]
    if len(words) < 2 or start > len(starts):
        return start
    spaced = re.compile(r"\s+".join(map(re.escape, words)))
    found = spaced.search(haystack, after.get((href, 3), starts[max(start, 1) - 1]))
    if found is None:
        return start
    after[href, 3] = found.end()
    return bisect.bisect_right(starts, found.start())


#: A backslash escaping an ASCII punctuation mark, as Markdown reads it ("\\\\" as one).
_UNESCAPE = later(r"\\([!-/:-@\[-`{-~])")


def known_targets(
    articles: Sequence[Article],
    milestones: Sequence[Milestone],
    entities: Sequence[Entity],
    topics: Sequence[Topic],
    pages: Sequence[Page],
    failed: Mapping[str, Collection[str]] | None = None,
) -> dict[str, Collection[str]]:
    """The targets each internal link scheme may name; ``failed``: by scheme, the ids of
    the records declared but not loaded, whose own problems are reported: a link to one is
    no second problem ("unknown milestone" of a milestone whose quote is wrong)."""
    # (a year only withdrawn milestones have keeps its page, for those who cited it, but
    # is in no list: no current record leads there)
    years = {str(y) for m in milestones if m.withdrawn is None for y in m.date.years()}
    years |= {str(a.published.date.year) for a in articles}
    failed = failed or {}
    return {
        "milestone": record_ids(milestones, failed.get("milestone", ())),
        "entity": entity_ids(entities, failed.get("entity", ())),
        "article": Ids(
            {a.id for a in articles} | set(failed.get("article", ())), former_of(articles)
        ),
        "topic": record_ids(topics, failed.get("topic", ())),
        "year": years,
        "page": Ids({p.id for p in pages} | set(failed.get("page", ())), former_of(pages)),
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
    jobs: int = 1,
    failed: Mapping[str, Collection[str]] | None = None,
) -> None:
    """Check the links of every milestone's summary and every page's body (see
    :func:`check_links`; ``failed``: see :func:`known_targets`); with ``jobs`` above 1,
    the texts not in ``cache`` are read for their links by two processes at once (see
    :mod:`.split`)."""
    known = known_targets(articles, milestones, entities, topics, pages, failed)
    texts = dict.fromkeys([*(m.summary for m in milestones), *(p.body for p in pages)])
    found = {} if cache is None else {t: _cached(t, cache) for t in texts}
    todo = [t for t in texts if found.get(t) is None]
    for text, links in zip(todo, shared(todo, links_found, problems, jobs=jobs), strict=True):
        found[text] = links
        if links is not None and cache is not None:
            cache.put(_LINKS, cache.key(text), links)
    for m in milestones:
        path = content / MILESTONES_FILE
        check_links(m.summary, path, m.summary_line, known, problems, cache, found)
        _check_no_heading(m.summary, path, m.summary_line, problems)
    for p in pages:
        check_links(p.body, content / p.source_file, p.body_line, known, problems, cache, found)


def _check_no_heading(text: str, path: Path, line: int, problems: Problems) -> None:
    """A milestone's summary holds no heading (``# ...``, or a line under another of ``=``
    or ``-``): shown on the timeline under the milestone's own title, it made an ``<h1>``
    inside the timeline's entry, above the page's headings; told on its line."""
    at = heading_at(text)
    if at is not None:  # (looked for in the file: a literal block starts below its key)
        heading = text[at:].split("\n", 1)[0].strip()
        problems.error(
            display_path(path),
            _line_of(_Texts(path), line, heading, {}),
            "summary: a heading (a line opening with '#', or one under a line of '=' or "
            "'-') is no part of a summary, shown under the milestone's own title: write it "
            "as a sentence, or in **bold** (a rule is '***', with a blank line above it)",
        )
