"""``archive-site suggest [ARTICLE_ID...] [--new] [--json]``: candidate milestones.

Loads and checks the archive like ``check``, then lists every dated mention
in the articles' text (see :mod:`archive_site.suggest`), grouped by article,
new ones first; ``--new`` hides those a milestone already covers; ``--json``
prints an array of objects with the keys ``article``, ``paragraph``,
``date``, ``quote``, ``basis`` and ``existing``.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

from ..config import chosen_base_url
from ..counts import plural
from ..errors import ArchiveError, Problems, display_path
from ..layout import ARTICLES_DIR, Ids
from ..load import load_archive
from ..load.checks import former_of, near_id
from ..options import SuggestOptions, UsageError, default_jobs
from ..pipeline import record_cache
from ..suggest import Mention, suggest

if TYPE_CHECKING:
    from ..model import Archive
    from .cli import Printer

EXIT_OK = 0
JSON_KEYS = ("article", "paragraph", "date", "quote", "basis", "existing")


def suggest_command(options: SuggestOptions, out: Printer) -> int:
    archive = _loaded(options)
    known = {a.id for a in archive.articles}
    unknown = [a for a in options.articles if a not in known]
    if unknown:
        where = display_path(options.content / ARTICLES_DIR)
        ids = Ids(known, former_of(archive.articles))  # an article renamed: its new id
        raise UsageError(
            "; ".join(f"unknown article id: {a} ({near_id(a, ids)}see {where}/)" for a in unknown)
        )
    chosen = set(options.articles) or known
    articles = [a for a in archive.articles if a.id in chosen]
    mentions = suggest(articles, archive.milestones)
    if options.new_only:
        mentions = [m for m in mentions if not m.existing]
    if options.json:
        print(json.dumps([as_json(m) for m in mentions], ensure_ascii=False, indent=1))
        return EXIT_OK
    for article in articles:
        own = [m for m in mentions if m.article == article.id]
        for line in human(article.id, article.published.display(), own):
            out.info(line)
    return EXIT_OK


def _loaded(options: SuggestOptions) -> Archive:
    """The archive (read from the record cache, as ``check`` reads it); with problems in
    it, when the articles asked for loaded without any, what loaded (an article just added,
    while others still wait for their metadata), the problems said as a note."""
    base_url = chosen_base_url(None)
    cache = record_cache(options.content, base_url=base_url, strict=False)
    jobs = default_jobs()
    try:
        archive = load_archive(options.content, base_url=base_url, cache=cache, jobs=jobs)
        if cache is not None:
            cache.save()  # (as check keeps it: only when everything loaded)
        return archive
    except ArchiveError:
        if not options.articles:
            raise
        problems = Problems()
        archive = load_archive(
            options.content, base_url=base_url, problems=problems, cache=cache, partial=True
        )
        loaded = {a.id for a in archive.articles}
        if not set(options.articles) <= loaded:
            raise
        count = len(problems.errors)
        print(  # on stderr: --json's output stays JSON
            f"archive-site suggest: {plural(count, 'problem')} elsewhere in the "
            "archive (run `archive-site check`); suggesting from the articles asked for",
            file=sys.stderr,
        )
        return archive


def as_json(m: Mention) -> dict[str, object]:
    return {
        "article": m.article,
        "paragraph": m.paragraph,
        "date": m.date,
        "quote": m.quote,
        "basis": m.basis,
        "existing": list(m.existing),
    }


def human(article: str, published: str, mentions: list[Mention]) -> list[str]:
    """One article's mentions for a reader: new ones first, each with its quote; a date a
    part of which the words do not give (inferred from the publication day) said so."""
    new = [m for m in mentions if not m.existing]
    lines = [f"{article} (published {published}): {len(mentions)} dated, {len(new)} new"]
    for m in sorted(mentions, key=lambda m: bool(m.existing)):
        status = "new" if not m.existing else "on the timeline: " + ", ".join(m.existing)
        status += ", inferred" if m.inferred else ""  # a part of it not in the words
        lines.append(f"  {m.paragraph:<4} {m.date:<22} {status}")
        lines.append(f"       {m.basis}")
        lines.append(f"       quote: {json.dumps(m.quote, ensure_ascii=False)}")
    lines.append("")
    return lines
