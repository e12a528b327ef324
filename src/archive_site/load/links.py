"""Internal links in Markdown text: every ``scheme:target`` must name a record."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from .. import urls
from ..errors import Problems, display_path
from ..layout import MILESTONES_FILE
from ..model import Article, Entity, Milestone, Page, Topic


def check_links(
    text: str, display: str, line: int, known: Mapping[str, Iterable[str]], problems: Problems
) -> None:
    """Every ``[text](scheme:target)`` link in Markdown must name a record that exists."""
    for m in urls.INTERNAL_LINK.finditer(text):
        scheme, target = m["scheme"], m["target"]
        if scheme not in urls.INTERNAL_SCHEMES:
            continue
        if target not in known[scheme]:
            where = line + text.count("\n", 0, m.start())
            choices = "" if scheme != "site" else f" (one of: {', '.join(sorted(known[scheme]))})"
            problems.error(display, where, f"link: unknown {scheme} '{target}'{choices}")


def check_all_links(
    content: Path,
    articles: Sequence[Article],
    milestones: Sequence[Milestone],
    entities: Sequence[Entity],
    topics: Sequence[Topic],
    pages: Sequence[Page],
    problems: Problems,
) -> None:
    years = {str(y) for m in milestones for y in m.date.years()}
    years |= {str(a.published.date.year) for a in articles}
    known: dict[str, set[str] | frozenset[str]] = {
        "milestone": {m.id for m in milestones},
        "entity": {e.id for e in entities},
        "article": {a.id for a in articles},
        "topic": {t.id for t in topics},
        "year": years,
        "page": {p.id for p in pages},
        "site": urls.SITE_TARGETS,
    }
    shown = display_path(content / MILESTONES_FILE)
    for m in milestones:
        check_links(m.summary, shown, m.summary_line, known, problems)
    for p in pages:
        check_links(p.body, display_path(content / p.source_file), p.body_line, known, problems)
