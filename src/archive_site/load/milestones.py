"""The curated timeline: milestones, each sourced by quotes from articles."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path

from ..dates import DateError, parse_edtf
from ..errors import Problems
from ..layout import (
    MILESTONES_FILE,
)
from ..model import (
    MILESTONE_STATUSES,
    Article,
    Entity,
    Milestone,
    Source,
    Topic,
)
from .quotes import QuoteIndex
from .records import load_list, take_id


def load_milestones(
    content: Path,
    articles: Sequence[Article],
    entities: Sequence[Entity],
    topics: Sequence[Topic],
    problems: Problems,
    broken: Collection[str] = (),
) -> tuple[Milestone, ...]:
    display, records = load_list(content / MILESTONES_FILE, problems, "milestone")
    article_ids = {a.id for a in articles}
    entity_ids = {e.id for e in entities}
    topic_ids = {t.id for t in topics}
    index = QuoteIndex(articles)
    seen: dict[str, int] = {}
    out: list[Milestone] = []
    for rec in records:
        ident = take_id(rec, seen)
        date_text = rec.text("date", required=True)
        date = None
        if date_text is not None:
            try:
                date = parse_edtf(date_text)
            except DateError as exc:
                rec.error("date", str(exc))
        date_note = rec.text("date_note")
        title = rec.text("title", required=True)
        summary = rec.text("summary", required=True)
        status = rec.text("status") or "happened"
        if status not in MILESTONE_STATUSES:
            rec.error("status", f"'{status}' is not one of: {', '.join(MILESTONE_STATUSES)}")
        topic_items = rec.text_items("topics")
        if not topic_items:
            rec.error(None, "milestone: give at least one topic under 'topics:'")
        for topic, line in topic_items:
            if topic not in topic_ids:
                problems.error(display, line, f"topics: unknown topic '{topic}' (see topics.yaml)")
        entity_items = rec.text_items("entities")
        for entity, line in entity_items:
            if entity not in entity_ids:
                problems.error(
                    display, line, f"entities: unknown entity '{entity}' (see entities.yaml)"
                )
        sources: list[Source] = []
        source_recs = rec.records("sources", required=True, what="source")
        for src in source_recs:
            article = src.text("article", required=True)
            quote = src.text("quote", required=True)
            prefix = src.text("prefix")
            suffix = src.text("suffix")
            src.finish()
            if article is None or quote is None:
                continue
            if article in broken:
                src.error("article", f"article '{article}' did not load (its problems are listed)")
                continue
            if article not in article_ids:
                src.error("article", f"unknown article '{article}' (see content/articles/)")
                continue
            found = index.locate(article, quote, prefix, suffix)
            if isinstance(found, str):
                src.error("quote", found)
                continue
            para, start, end = found
            sources.append(
                Source(article, quote, para.id, start, end, prefix, suffix, src.key_line("quote"))
            )
        rec.finish()
        if date is not None and not date_note:
            years = {str(y) for y in date.years()}
            quotes = " ".join(s.quote for s in sources)
            if sources and not any(y in quotes for y in years):
                rec.error(
                    "date",
                    f"no quote states the year ({', '.join(sorted(years))}); say how the date was "
                    "inferred in 'date_note:'",
                )
        if date is not None and date.kind in ("before", "after") and not date_note:
            rec.error(
                "date_note",
                "a date known only as a bound ('by ...', 'after ...') needs a note saying why",
            )
        if (
            ident is None
            or date is None
            or title is None
            or summary is None
            or status not in MILESTONE_STATUSES
            or len(sources) != len(source_recs)
            or not sources
        ):
            continue
        out.append(
            Milestone(
                id=ident,
                date=date,
                title=title,
                summary=summary,
                topics=tuple(t for t, _ in topic_items),
                entities=tuple(dict.fromkeys(e for e, _ in entity_items)),
                sources=tuple(sources),
                status=status,
                date_note=date_note,
                line=rec.line,
                summary_line=rec.key_line("summary"),
            )
        )
    return tuple(sorted(out, key=lambda m: (m.date.sort_key(), m.id)))
