"""The cross-link index: who cites, mentions and relates to what."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import TypeVar

from ..model import (
    Article,
    Citation,
    Entity,
    Links,
    Mention,
    Milestone,
    Related,
    Topic,
)
from ..text import (
    NameFinder,
)

K = TypeVar("K")
V = TypeVar("V")


def _freeze(mapping: Mapping[K, Iterable[V]]) -> Mapping[K, tuple[V, ...]]:
    return MappingProxyType(
        {k: tuple(v) for k, v in sorted(mapping.items(), key=lambda kv: str(kv[0]))}
    )


def compute_links(
    articles: Sequence[Article],
    milestones: Sequence[Milestone],
    entities: Sequence[Entity],
    topics: Sequence[Topic],
) -> Links:
    finder = NameFinder((name, e.id) for e in entities for name in e.names)
    mentions_by_paragraph: dict[tuple[str, str], list[Mention]] = {}
    mentions_by_entity: dict[str, list[Mention]] = defaultdict(list)
    articles_by_entity: dict[str, list[str]] = defaultdict(list)
    entities_by_article: dict[str, list[str]] = defaultdict(list)
    co: dict[str, Counter[str]] = defaultdict(Counter)
    for a in sorted(articles, key=lambda a: a.id):
        for p in a.paragraphs:
            found = [Mention(a.id, p.id, s, e, key) for s, e, key in finder.find(p.text)]
            if found:
                mentions_by_paragraph[(a.id, p.id)] = found
            here = sorted({m.entity for m in found})
            for m in found:
                mentions_by_entity[m.entity].append(m)
                if a.id not in articles_by_entity[m.entity]:
                    articles_by_entity[m.entity].append(a.id)
                    entities_by_article[a.id].append(m.entity)
            for x in here:
                for y in here:
                    if x != y:
                        co[x][y] += 1
    for ms in milestones:
        for x in ms.entities:
            for y in ms.entities:
                if x != y:
                    co[x][y] += 1

    citations_by_article: dict[str, list[Citation]] = defaultdict(list)
    citations_by_paragraph: dict[tuple[str, str], list[Citation]] = defaultdict(list)
    milestones_by_entity: dict[str, list[str]] = defaultdict(list)
    milestones_by_year: dict[int, list[str]] = defaultdict(list)
    milestones_by_topic: dict[str, list[str]] = defaultdict(list)
    articles_by_topic: dict[str, list[str]] = defaultdict(list)
    for ms in milestones:
        for n, s in enumerate(ms.sources):
            c = Citation(ms.id, n, s.article, s.paragraph)
            citations_by_article[s.article].append(c)
            citations_by_paragraph[(s.article, s.paragraph)].append(c)
        for e in ms.entities:
            milestones_by_entity[e].append(ms.id)
        for year in ms.date.years():
            milestones_by_year[year].append(ms.id)
        for t in ms.topics:
            milestones_by_topic[t].append(ms.id)
            for s in ms.sources:
                if s.article not in articles_by_topic[t]:
                    articles_by_topic[t].append(s.article)

    articles_by_year: dict[int, list[str]] = defaultdict(list)
    for a in articles:
        articles_by_year[a.published.date.year].append(a.id)

    related: dict[str, list[Related]] = {}
    cited_by: dict[str, set[str]] = {
        a.id: {c.milestone for c in citations_by_article.get(a.id, [])} for a in articles
    }
    milestone_order = {m.id: n for n, m in enumerate(milestones)}
    for a in articles:
        rel: list[Related] = []
        for b in articles:
            if a.id == b.id:
                continue
            reasons = []
            if b.id in a.responds_to:
                reasons.append("responds-to")
            if a.id in b.responds_to:
                reasons.append("responded-by")
            shared = sorted(cited_by[a.id] & cited_by[b.id], key=milestone_order.__getitem__)
            if shared:
                reasons.append("shared-milestones")
            if reasons:
                rel.append(Related(b.id, tuple(reasons), tuple(shared)))
        related[a.id] = rel

    # Order articles within each entity/topic newest first, as the archive lists them.
    article_order = {a.id: n for n, a in enumerate(articles)}
    for lists in (articles_by_entity, articles_by_topic):
        for key in lists:
            lists[key].sort(key=article_order.__getitem__)
    entity_names = {e.id: e.name.casefold() for e in entities}
    co_entities = {
        e: tuple(sorted(counts.items(), key=lambda kv: (-kv[1], entity_names.get(kv[0], kv[0]))))
        for e, counts in co.items()
    }
    return Links(
        citations_by_article=_freeze(citations_by_article),
        citations_by_paragraph=_freeze(citations_by_paragraph),
        mentions_by_paragraph=_freeze(mentions_by_paragraph),
        mentions_by_entity=_freeze(mentions_by_entity),
        articles_by_entity=_freeze(articles_by_entity),
        milestones_by_entity=_freeze(milestones_by_entity),
        milestones_by_year=_freeze(milestones_by_year),
        articles_by_year=_freeze(articles_by_year),
        milestones_by_topic=_freeze(milestones_by_topic),
        articles_by_topic=_freeze(articles_by_topic),
        related_articles=_freeze(related),
        co_entities=MappingProxyType(dict(sorted(co_entities.items()))),
        entities_by_article=_freeze(entities_by_article),
    )
