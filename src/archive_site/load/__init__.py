"""Load the content folder into one validated, immutable :class:`~archive_site.model.Archive`.

Everything is discovered in sorted order and read before anything is
checked across files; every problem of the run is collected, and the
archive is returned only when there are none (warnings aside).

The stage's modules, in the order :func:`load_archive` runs them:
:mod:`.records` (entities, topics, pages), :mod:`.discover` and
:mod:`.articles` (the articles, read in two processes by :mod:`.split` where
that pays), :mod:`.milestones` with :mod:`.quotes`,
:mod:`.links` (internal links in Markdown) and :mod:`.index` (the
cross-link index).  File names and the id syntax are in
:mod:`archive_site.layout`.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType

from ..cache import RecordCache
from ..config import SiteConfig, load_config
from ..errors import ArchiveError, Problems, display_path
from ..layout import ARTICLES_DIR, ENTITIES_FILE, MILESTONES_FILE, SITE_FILE, TOPICS_FILE
from ..model import Archive, Article, Dependency, Entity, Evidence, Milestone, Page, Topic
from .articles import load_articles
from .attribution import quotes_by_speaker
from .discover import content_not_found, not_content, stray_entries
from .evidence import (
    compute_evidence,
    long_texts,
    other_dependencies,
    text_dependencies,
    warn_captured_twice,
    warn_single_voice,
)
from .index import compute_links
from .links import check_all_links
from .milestones import load_milestones
from .near_copies import PairMemo
from .records import check_menu, load_entities, load_pages, load_topics, owners_of, yaml_tree

__all__ = ["load_archive", "load_entities"]


def _site_config(
    content: Path, base_url: str | None, problems: Problems, cache: RecordCache | None
) -> SiteConfig | None:
    """The site's settings (``base_url`` for its own), and a warning for each entry of
    ``content`` the build does not read; a missing content folder is raised at once."""
    if not content.is_dir():
        problems.error(display_path(content), None, content_not_found(content))
        raise ArchiveError(problems)
    if (problem := not_content(content)) is not None:
        problems.error(display_path(content), None, problem)
        raise ArchiveError(problems)
    config = load_config(content, problems, functools.partial(yaml_tree, cache=cache))
    for display, message in stray_entries(content):
        problems.warning(display, None, message)
    if config is not None and base_url:
        try:
            config = config.with_base_url(base_url)
        except ValueError as exc:
            problems.error("--base-url", None, str(exc))
    return config


def _pages(
    content: Path,
    config: SiteConfig | None,
    problems: Problems,
    cache: RecordCache | None,
    failed: set[str],
) -> tuple[Page, ...]:
    """The hand-written pages (see :func:`.records.load_pages`), and the check of the pages
    ``config``'s menu names."""
    pages = load_pages(content, problems, cache, failed)
    if config is not None and config.menu is not None:
        site_file = display_path(content / SITE_FILE)
        check_menu(config.menu, pages, failed, site_file, problems)
    return pages


def _unread(content: Path, problems: Problems, *names: str) -> bool:
    """Whether one of the YAML files ``names`` of ``content`` could not be read at all:
    every reference to its records would then be told "unknown" as well, a problem for
    each, none of them true."""
    return any(problems.is_unread(display_path(content / name)) for name in names)


def _milestones(
    content: Path,
    loaded: tuple[Sequence[Article], Collection[str], Mapping[str, str]],
    records: tuple[Sequence[Entity], Sequence[Topic], Sequence[Page]],
    failed: Mapping[str, Collection[str]],
    problems: Problems,
    cache: RecordCache | None,
    jobs: int,
) -> tuple[Milestone, ...]:
    """The milestones, and the links of their summaries and of the pages checked: a link to
    a record declared with a problem of its own (``loaded``: the articles, the ids of those
    that did not load, the articles' cache keys; ``failed``: the entities', topics' and pages' ids
    that did not load, by scheme) is no second problem, and none is judged by a
    ``milestones.yaml`` that did not read (they are checked once it does)."""
    articles, broken, keys = loaded
    entities, topics, pages = records
    declared: dict[str, int] = {}
    milestones = load_milestones(
        content, articles, entities, topics, problems, broken, cache, keys, declared, failed
    )
    if not _unread(content, problems, MILESTONES_FILE):
        failed = {**failed, "article": broken, "milestone": declared.keys()}
        check_all_links(
            content, articles, milestones, entities, topics, pages, problems, cache, jobs, failed
        )
    return milestones


def _evidence(
    content: Path,
    loaded: tuple[Sequence[Article], Sequence[Milestone], Sequence[Entity]],
    problems: Problems,
    kept: tuple[RecordCache | None, Mapping[str, str]],
) -> tuple[Mapping[str, Evidence], list[Dependency]]:
    """Each milestone's lines of evidence, and the dependencies between articles but the
    copies their chains declare (for the related articles' index: see
    :func:`.evidence.text_dependencies`); a story captured twice is told.  The long
    paragraphs' texts, made once for all three, are not kept (``kept``: the record cache and
    the articles' cache keys, for what comparing two articles' words gave an earlier build,
    see :class:`.near_copies.PairMemo`); the entities say which outlets one owner runs
    (``owner:``)."""
    articles, milestones, entities = loaded
    memo = PairMemo.of(*kept)
    texts = long_texts(articles, memo)
    others = other_dependencies(articles, milestones, texts, memo)
    by_id = {e.id: e for e in entities}
    owners = {e.id: owners_of(e.id, by_id)[-1] for e in entities if e.owner is not None}
    evidence = compute_evidence(articles, milestones, texts, others, owners)
    warn_captured_twice(content, articles, problems, texts)
    return evidence, others


def _withdrawn_apart(
    milestones: Sequence[Milestone],
) -> tuple[tuple[Milestone, ...], tuple[Milestone, ...]]:
    """The current milestones and the withdrawn ones, each in the order given (after the
    evidence, which counts the withdrawn too: what their quotes show of two articles holds)."""
    return (
        tuple(m for m in milestones if m.withdrawn is None),
        tuple(m for m in milestones if m.withdrawn is not None),
    )


def load_archive(
    content: Path,
    *,
    base_url: str | None = None,
    problems: Problems | None = None,
    strict: bool = False,
    single_voice: bool = False,
    cache: RecordCache | None = None,
    jobs: int = 1,
    partial: bool = False,
) -> Archive:
    """Read and validate everything under ``content``; raise :class:`ArchiveError` on problems.

    ``cache`` keeps what reading each article gave, for the next load (see :mod:`..cache`);
    with ``jobs`` above 1, the articles not in it (and the links of the Markdown texts not
    in it) are read by two processes at once (:mod:`.split`).  ``partial``: the archive of
    what loaded without a problem, its problems left in ``problems`` (for ``suggest``, which
    reads one article while others are still being filled in); never for a build."""
    problems = problems if problems is not None else Problems()
    config = _site_config(content, base_url, problems, cache)
    failed: dict[str, set[str]] = {"entity": set(), "topic": set(), "page": set()}  # not loaded
    entities = load_entities(content, problems, cache, failed["entity"])
    topics = load_topics(content, problems, cache, failed["topic"])
    pages = _pages(content, config, problems, cache, failed["page"])
    language = config.language if config else "en"
    unread = _unread(content, problems, ENTITIES_FILE)  # no interviewer is judged by it
    unloaded = None if unread else failed["entity"]
    articles, broken, keys, mentions = load_articles(
        content, language, entities, problems, cache, jobs, unloaded=unloaded
    )
    if not partial and (unread or _unread(content, problems, TOPICS_FILE, ARTICLES_DIR)):
        problems.raise_if_errors(strict=strict)  # each milestone naming theirs would be told
    milestones = _milestones(
        content, (articles, broken, keys), (entities, topics, pages), failed, problems, cache, jobs
    )
    evidence, others = _evidence(content, (articles, milestones, entities), problems, (cache, keys))
    milestones, withdrawn = _withdrawn_apart(milestones)
    if single_voice:
        warn_single_voice(content, milestones, evidence, problems)
    if not partial or config is None:
        problems.raise_if_errors(strict=strict)
    assert config is not None, "a missing or invalid site.yaml is always reported"
    links = compute_links(
        articles, milestones, entities, cache, mentions, text_dependencies(others), keys
    )
    return Archive(
        config=config,
        articles=articles,
        milestones=milestones,
        entities=entities,
        topics=topics,
        pages=pages,
        links=links,
        evidence=evidence,
        quotes_by_speaker=quotes_by_speaker(articles, milestones),
        withdrawn=withdrawn,
        _articles=MappingProxyType({a.id: a for a in articles}),
        _milestones=MappingProxyType({m.id: m for m in (*milestones, *withdrawn)}),
        _entities=MappingProxyType({e.id: e for e in entities}),
        _topics=MappingProxyType({t.id: t for t in topics}),
    )
