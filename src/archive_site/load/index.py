"""The cross-link index: who cites, mentions and relates to what.

Each index is built by its own small function from the records (or from
another index), in one pass over them: the whole index grows with the
archive's size, never with the number of pairs of articles.  Lists come out
in the orders the pages show them; :func:`compute_links` freezes them into
the :class:`~archive_site.model.Links` the archive carries.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Collection, Hashable, Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import TypeGuard, TypeVar

from ..cache import RecordCache, digest
from ..model import (
    MOST_COMPANIONS,
    Article,
    Citation,
    Dependency,
    Entity,
    Links,
    Mention,
    Milestone,
    Related,
)
from ..text import NameFinder

K = TypeVar("K")
V = TypeVar("V")
H = TypeVar("H", bound=Hashable)

ParagraphKey = tuple[str, str]  # (article id, paragraph id)


def _freeze(mapping: Mapping[K, Iterable[V]]) -> Mapping[K, tuple[V, ...]]:
    return MappingProxyType(
        {k: tuple(v) for k, v in sorted(mapping.items(), key=lambda kv: str(kv[0]))}
    )


def _grouped(pairs: Iterable[tuple[K, V]]) -> Mapping[K, tuple[V, ...]]:
    return _freeze(group(pairs))


def group(pairs: Iterable[tuple[K, V]]) -> dict[K, list[V]]:
    """``(key, value)`` pairs collected into a list per key, both in the order first met."""
    out: dict[K, list[V]] = defaultdict(list)
    for key, value in pairs:
        out[key].append(value)
    return dict(out)


def unique(values: Iterable[H]) -> list[H]:
    """The values without repeats, each where it first occurs."""
    return list(dict.fromkeys(values))


def ordered(groups: Mapping[K, Iterable[str]], order: Mapping[str, int]) -> dict[K, list[str]]:
    """Each group's ids without repeats, sorted by ``order`` (e.g. the archive's article order)."""
    return {key: sorted(set(ids), key=order.__getitem__) for key, ids in groups.items()}


# --- mentions of entities in articles ----------------------------------------


#: An article's mentions: each paragraph that names an entity, with its mentions.
ArticleMentions = tuple[tuple[str, tuple[Mention, ...]], ...]


def find_mentions(
    articles: Iterable[Article],
    entities: Sequence[Entity],
    cache: RecordCache | None = None,
    found_already: Mapping[str, ArticleMentions] | None = None,
    keys: Mapping[str, str] | None = None,
) -> dict[ParagraphKey, tuple[Mention, ...]]:
    """Every paragraph that names an entity, with its mentions; articles in id order.

    An article's mentions depend only on its paragraphs and the entities: they are kept
    in ``cache`` under a key made of both: the names, and the article's cache key (``keys``,
    by id: what it was read from, see :func:`.articles.load_articles`), else its id and
    paragraphs (hashing the text of every article took 0.11 s of each load at 10,000).
    The finder is made only for an article that is not in the cache (making it compiles a
    pattern of the names).  ``found_already``: those found as the articles were read (see
    :mod:`.articles`), by article id."""
    finder = functools.cache(lambda: name_finder(entities))
    found_already = found_already or {}
    keys = keys or {}
    names = repr(tuple((e.id, e.names, e.not_names) for e in entities))
    named = digest("names", names)
    out: dict[ParagraphKey, tuple[Mention, ...]] = {}
    for a in sorted(articles, key=lambda a: a.id):
        known = found_already.get(a.id)
        if cache is None:
            found = known if known is not None else mentions_in(a, finder())
        else:
            read_from = keys.get(a.id)
            if read_from is not None:
                key = cache.key("read from", named, read_from)
            else:
                key = cache.key(names, a.id, *(p.text for p in a.paragraphs))
            entry = cache.get(_MENTIONS, key)
            if _mentions_of(entry, a.id):
                found = entry
            else:
                found = known if known is not None else mentions_in(a, finder())
                cache.put(_MENTIONS, key, found)
        out.update(((a.id, pid), ms) for pid, ms in found)  # (kept as found: one copy)
    return out


_MENTIONS = "mentions"


def name_finder(entities: Iterable[Entity]) -> NameFinder:
    """What finds the entities' names and aliases in text."""
    entities = list(entities)
    return NameFinder(
        [
            *((name, e.id) for e in entities for name in e.names),
            *((name, None) for e in entities for name in e.not_names),  # found, and no one
        ]
    )


def mentions_in(a: Article, finder: NameFinder) -> ArticleMentions:
    """The paragraphs of ``a`` that name an entity, with their mentions."""
    found = (
        (p.id, tuple(Mention(a.id, p.id, s, e, key) for s, e, key in finder.find(p.text)))
        for p in a.paragraphs
    )
    return tuple((pid, ms) for pid, ms in found if ms)


def _mentions_of(entry: object, article: str) -> TypeGuard[ArticleMentions]:
    """Whether a cached entry is the mentions of ``article`` (a cache is never trusted)."""
    if not isinstance(entry, tuple):
        return False
    for item in entry:
        if not (isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], tuple)):
            return False
        pid, found = item
        if not all(
            isinstance(m, Mention) and (m.article, m.paragraph) == (article, pid) for m in found
        ):
            return False
    return True


def mentions_by_entity(
    by_paragraph: Mapping[ParagraphKey, Sequence[Mention]],
) -> dict[str, list[Mention]]:
    return group((m.entity, m) for found in by_paragraph.values() for m in found)


def entities_by_article(
    by_paragraph: Mapping[ParagraphKey, Sequence[Mention]],
) -> dict[str, list[str]]:
    """The entities each article names, in the order it first names them."""
    named = group((m.article, m.entity) for found in by_paragraph.values() for m in found)
    return {article: unique(ids) for article, ids in named.items()}


def co_occurrences(
    by_paragraph: Mapping[ParagraphKey, Sequence[Mention]],
    milestones: Iterable[Milestone],
    entities: Iterable[Entity],
) -> dict[str, tuple[tuple[str, int], ...]]:
    """For each entity, the others named in the same paragraph or milestone, most often first:
    the first :data:`MOST_COMPANIONS`, all an entity's page shows.

    Each paragraph and each milestone counts once per pair; ties are in name order. Counted
    and sorted by the C loops of ``Counter`` and ``sort``: pair by pair in Python, a
    milestone naming 3,000 entities (nine million pairs) took 20 s.
    """
    together = [tuple({m.entity: None for m in found}) for found in by_paragraph.values()]
    together += [tuple(dict.fromkeys(ms.entities)) for ms in milestones]
    groups_of: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for ids in together:
        if len(ids) > 1:
            for x in ids:
                groups_of[x].append(ids)
    names = {e.id: e.name.casefold() for e in entities}
    name_of = {x: names.get(x, x) for x in groups_of}
    return {x: _most_often(x, groups_of[x], name_of) for x in sorted(groups_of)}


def _most_often(
    x: str, groups: Iterable[tuple[str, ...]], name_of: Mapping[str, str]
) -> tuple[tuple[str, int], ...]:
    """The first :data:`MOST_COMPANIONS` others of ``x``'s groups, most often first."""
    counts: Counter[str] = Counter()
    for ids in groups:
        counts.update(ids)
    del counts[x]
    others = sorted(counts, key=name_of.__getitem__)
    others.sort(key=counts.__getitem__, reverse=True)  # stable: ties stay in name order
    return tuple((y, counts[y]) for y in others[:MOST_COMPANIONS])


# --- citations and the milestones' lists -------------------------------------


def citations(milestones: Iterable[Milestone]) -> list[Citation]:
    """Every source of every milestone, as a citation, in timeline order."""
    return [
        Citation(ms.id, n, s.article, s.paragraph)
        for ms in milestones
        for n, s in enumerate(ms.sources)
    ]


def articles_by_topic(
    milestones: Iterable[Milestone], order: Mapping[str, int]
) -> dict[str, list[str]]:
    """The articles each topic's milestones cite, in the archive's order."""
    cited = group((t, s.article) for ms in milestones for t in ms.topics for s in ms.sources)
    return ordered(cited, order)


# --- related articles --------------------------------------------------------


def related_articles(
    articles: Sequence[Article],
    cites: Sequence[Citation],
    milestone_order: Mapping[str, int],
    texts: Mapping[str, Sequence[Dependency]] | None = None,
) -> dict[str, list[Related]]:
    """For each article, the others it responds to, that respond to it, that the evidence
    found one text with it (``texts``: see :func:`.evidence.text_dependencies`), or that
    share a milestone.

    Built from inverted indexes (who responds to whom, what each milestone cites, each
    article's dependencies in its words), so only articles that are related are ever
    compared.  Related articles are the story's other captures first (in its chain's
    order: each capture before or after it in its chain of ``updates``, not only the
    next), then those of one text with it (a reader is told it is not independent of
    them, were the list cut), then in the archive's order; shared milestones in timeline
    order.
    """
    texts = texts or {}
    article_order = {a.id: n for n, a in enumerate(articles)}
    responded_by = group((t, a.id) for a in articles for t in a.responds_to)
    updated_by = group((a.updates, a.id) for a in articles if a.updates is not None)
    spans = capture_spans(articles)
    cited_by = group((c.article, c.milestone) for c in cites)
    cited_in = group((c.milestone, c.article) for c in cites)
    out: dict[str, list[Related]] = {}
    for a in articles:
        shared: dict[str, set[str]] = defaultdict(set)
        for mid in set(cited_by.get(a.id, ())):
            for b in cited_in[mid]:
                shared[b].add(mid)
        captures = {*updated_by.get(a.id, ()), *((a.updates,) if a.updates else ())}
        one_text = {_other_end(d, a.id): d for d in reversed(texts.get(a.id, ()))}
        others = {*a.responds_to, *responded_by.get(a.id, ()), *shared, *captures, *one_text}
        captures |= _in_story(spans, a.id, others)
        out[a.id] = [
            _related(
                a,
                b,
                responded_by,
                sorted(shared.get(b, ()), key=milestone_order.__getitem__),
                (updated_by, one_text, spans),
            )
            for b in sorted(
                (others - {a.id}) & article_order.keys(),
                key=lambda b: (
                    b not in captures,
                    _place(spans, b, captures),
                    b not in one_text,
                    article_order[b],
                ),
            )
        ]
    return out


#: Each capture's span in the tree of its story's captures (see :func:`capture_spans`).
Spans = Mapping[str, tuple[int, int]]


def capture_spans(articles: Iterable[Article]) -> dict[str, tuple[int, int]]:
    """Each article's span in the tree its story's captures make (each later capture below
    the one it ``updates``): when it is entered and left in a walk of the tree, so that one
    capture comes before another in its chain when its span holds the other's (see
    :func:`_one_story`), told at once, however long the chain. The captures of a ring of
    ``updates`` (an error of its own), and those below one, have none."""
    by_id = {a.id: a for a in articles}
    below = group((a.updates, a.id) for a in by_id.values() if a.updates in by_id)
    spans: dict[str, tuple[int, int]] = {}
    clock = 0
    for root in (aid for aid, a in by_id.items() if a.updates not in by_id):
        entered: dict[str, int] = {root: clock}
        walk = [(root, iter(below.get(root, ())))]
        while walk:
            aid, rest = walk[-1]
            nxt = next(rest, None)
            clock += 1
            if nxt is None:
                walk.pop()
                spans[aid] = (entered[aid], clock)
            elif nxt not in entered:
                entered[nxt] = clock
                walk.append((nxt, iter(below.get(nxt, ()))))
    return spans


def _one_story(spans: Spans, earlier: str, later: str) -> bool:
    """Whether ``earlier`` comes before ``later`` in one chain of captures of a story."""
    one, other = spans.get(earlier), spans.get(later)
    if one is None or other is None or earlier == later:
        return False
    return one[0] < other[0] and other[1] <= one[1]


def _in_story(spans: Spans, one: str, others: Iterable[str]) -> set[str]:
    """Those of ``others`` that come before or after ``one`` in its chain of captures."""
    return {b for b in others if _one_story(spans, one, b) or _one_story(spans, b, one)}


def _place(spans: Spans, b: str, captures: Collection[str]) -> int:
    """Where a capture of the story comes in its chain (0 for any other article)."""
    return spans[b][0] if b in captures and b in spans else 0


def _other_end(d: Dependency, one: str) -> str:
    return d.on if d.article == one else d.article


def _related(
    a: Article,
    b: str,
    responded_by: Mapping[str, Sequence[str]],
    shared: Sequence[str],
    known: tuple[Mapping[str, Sequence[str]], Mapping[str, Dependency], Spans],
) -> Related:
    """How article ``b`` relates to article ``a`` (the two are known to be related);
    ``known``: the later captures of each story, the dependency in their words of each
    article of one text with ``a``, and each capture's place in its story (see
    :func:`capture_spans`: a capture before ``a`` in its chain of ``updates``, not only the
    one it updates, is an earlier capture of its story, and one after it a later one)."""
    updated_by, one_text, spans = known
    reasons = []
    if b == a.updates or _one_story(spans, b, a.id):
        reasons.append("updates")
    if b in updated_by.get(a.id, ()) or _one_story(spans, a.id, b):
        reasons.append("updated-by")
    if b in a.responds_to:
        reasons.append("responds-to")
    if b in responded_by.get(a.id, ()):
        reasons.append("responded-by")
    if b in one_text:
        reasons.append("one-text")
    if shared:
        reasons.append("shared-milestones")
    return Related(b, tuple(reasons), tuple(shared), one_text.get(b))


# --- all of them --------------------------------------------------------------


def events_by_year(milestones: Iterable[Milestone]) -> Iterator[tuple[int, str]]:
    """(year, milestone) for every year a milestone happens in; a state (known only "by" a
    date) is no event of its year."""
    for ms in milestones:
        if not ms.date.is_state:
            for y in ms.date.years():
                yield y, ms.id


def states_by_year(milestones: Iterable[Milestone]) -> Iterator[tuple[int, str]]:
    return ((ms.date.year, ms.id) for ms in milestones if ms.date.is_state)


def compute_links(
    articles: Sequence[Article],
    milestones: Sequence[Milestone],
    entities: Sequence[Entity],
    cache: RecordCache | None = None,
    found_mentions: Mapping[str, ArticleMentions] | None = None,
    texts: Mapping[str, Sequence[Dependency]] | None = None,
    keys: Mapping[str, str] | None = None,
) -> Links:
    """Every cross-link of the archive; ``articles`` newest first, ``milestones`` in date order;
    ``found_mentions``: the mentions found as articles were read, by article id; ``texts``:
    each article's dependencies in its words (see :func:`.evidence.text_dependencies`);
    ``keys``: each article's cache key (see :func:`find_mentions`)."""
    article_order = {a.id: n for n, a in enumerate(articles)}
    milestone_order = {m.id: n for n, m in enumerate(milestones)}
    mentions = find_mentions(articles, entities, cache, found_mentions, keys)
    named = entities_by_article(mentions)
    cites = citations(milestones)
    return Links(
        citations_by_article=_grouped((c.article, c) for c in cites),
        citations_by_paragraph=_grouped(((c.article, c.paragraph), c) for c in cites),
        mentions_by_paragraph=_freeze(mentions),
        mentions_by_entity=_freeze(mentions_by_entity(mentions)),
        articles_by_entity=_freeze(
            ordered(group((e, a) for a, ids in named.items() for e in ids), article_order)
        ),
        milestones_by_entity=_grouped((e, ms.id) for ms in milestones for e in ms.entities),
        milestones_by_year=_grouped(events_by_year(milestones)),
        states_by_year=_grouped(states_by_year(milestones)),
        articles_by_year=_grouped((a.published.date.year, a.id) for a in articles),
        milestones_by_topic=_grouped((t, ms.id) for ms in milestones for t in ms.topics),
        articles_by_topic=_freeze(articles_by_topic(milestones, article_order)),
        related_articles=_freeze(related_articles(articles, cites, milestone_order, texts)),
        co_entities=MappingProxyType(co_occurrences(mentions, milestones, entities)),
        entities_by_article=_freeze(named),
    )
