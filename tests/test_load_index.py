"""The cross-link index's helpers, one by one (archive_site.load.index)."""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archive_site.load.index import (
    articles_by_topic,
    citations,
    co_occurrences,
    compute_links,
    entities_by_article,
    find_mentions,
    group,
    mentions_by_entity,
    ordered,
    related_articles,
    unique,
)
from archive_site.model import MOST_COMPANIONS, Citation, Mention, Related
from records import article, entity, milestone, source

ENTITIES = (entity("alpha", "Alpha Corp", "Alpha"), entity("beta", "Beta Bank"))


def test_group_unique_ordered() -> None:
    assert group([("x", 1), ("y", 2), ("x", 3)]) == {"x": [1, 3], "y": [2]}
    assert list(group([("y", 1), ("x", 2)])) == ["y", "x"]
    assert unique(["b", "a", "b", "c", "a"]) == ["b", "a", "c"]
    order = {"new": 0, "mid": 1, "old": 2}
    assert ordered({"k": ["old", "new", "old", "mid"]}, order) == {"k": ["new", "mid", "old"]}


def test_find_mentions_by_paragraph_in_article_id_order() -> None:
    b = article("b", texts=("Beta Bank and Alpha met.", "Nothing here."))
    a = article("a", texts=("Alpha Corp said.",))
    found = find_mentions([b, a], ENTITIES)
    assert list(found) == [("a", "p1"), ("b", "p1")]
    assert found[("a", "p1")] == (Mention("a", "p1", 0, 10, "alpha"),)
    assert [m.entity for m in found[("b", "p1")]] == ["beta", "alpha"]


def test_mentions_found_as_the_articles_were_read_are_taken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The mentions a reader found (see load.articles) are used, and kept in the cache, unless
    the cache holds the article's own; the others are found here."""
    from archive_site.cache import RecordCache
    from archive_site.load.index import mentions_in, name_finder

    b = article("b", texts=("Beta Bank and Alpha met.", "Nothing here."))
    a = article("a", texts=("Alpha Corp said.",))
    alone = find_mentions([b, a], ENTITIES)
    read = {"b": mentions_in(b, name_finder(ENTITIES))}
    assert find_mentions([b, a], ENTITIES, None, read) == alone
    assert find_mentions([b, a], ENTITIES, None, {"b": ()}) == {("a", "p1"): alone[("a", "p1")]}
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    cache = RecordCache.of(tmp_path / "content", "salt")
    assert find_mentions([b, a], ENTITIES, cache, read) == alone
    assert cache.misses["mentions"] == 2
    cache.save()
    again = RecordCache.of(tmp_path / "content", "salt")
    assert find_mentions([b, a], ENTITIES, again, {"b": ()}) == alone  # the cache's, kept
    assert again.hits["mentions"] == 2


def test_mentions_are_kept_under_what_the_article_was_read_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the articles' cache keys (what each was read from), an article's mentions are
    found under its key and the names, without hashing its text; another key (the article
    read again from other bytes) or other names find them again."""
    from archive_site.cache import RecordCache

    b = article("b", texts=("Beta Bank and Alpha met.", "Nothing here."))
    a = article("a", texts=("Alpha Corp said.",))
    alone = find_mentions([b, a], ENTITIES)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    cache = RecordCache.of(tmp_path / "content", "salt")
    keys = {"a": "key of a", "b": "key of b"}
    assert find_mentions([b, a], ENTITIES, cache, None, keys) == alone
    cache.save()
    again = RecordCache.of(tmp_path / "content", "salt")
    texts: list[object] = []
    key = again.key
    monkeypatch.setattr(again, "key", lambda *parts: texts.extend(parts) or key(*parts))
    assert find_mentions([b, a], ENTITIES, again, None, keys) == alone
    assert again.hits["mentions"] == 2 and "Alpha Corp said." not in texts
    edited = article("a", texts=("Nothing of note.",))
    found = find_mentions([b, edited], ENTITIES, again, None, {**keys, "a": "key of a, edited"})
    assert found == {("b", "p1"): alone[("b", "p1")]}
    assert again.misses["mentions"] == 1
    fewer = ENTITIES[1:]
    assert find_mentions([b, a], fewer, again, None, keys) == find_mentions([b, a], fewer)


def test_mentions_and_entities_by_article_keep_first_mention_order() -> None:
    arts = [
        article("a", texts=("Beta Bank, then Alpha.", "Alpha again, Beta Bank again.")),
        article("b", texts=("Alpha Corp.",)),
    ]
    found = find_mentions(arts, ENTITIES)
    assert entities_by_article(found) == {"a": ["beta", "alpha"], "b": ["alpha"]}
    by_entity = mentions_by_entity(found)
    assert [(m.article, m.paragraph) for m in by_entity["alpha"]] == [
        ("a", "p1"),
        ("a", "p2"),
        ("b", "p1"),
    ]
    assert len(by_entity["beta"]) == 2


def test_co_occurrences_count_paragraphs_and_milestones_most_often_first() -> None:
    ents = (*ENTITIES, entity("gamma", "Gamma"), entity("delta", "Delta"))
    arts = [article("a", texts=("Alpha and Beta Bank, Alpha.", "Alpha and Gamma.", "Delta alone."))]
    ms = [milestone("m", entities=("alpha", "gamma", "delta"))]
    co = co_occurrences(find_mentions(arts, ents), ms, ents)
    # alpha: gamma twice (a paragraph and the milestone), then beta and delta once, by name.
    assert co["alpha"] == (("gamma", 2), ("beta", 1), ("delta", 1))
    assert co["delta"] == (("alpha", 1), ("gamma", 1))
    assert list(co) == ["alpha", "beta", "delta", "gamma"]


def test_co_occurrences_keep_the_companions_a_page_shows() -> None:
    """A milestone naming 3,000 entities took seconds per stage: every entity sorted all
    the others, and its page looked each one up to show 16."""
    ents = tuple(entity(f"e{n:02}", f"Entity {n:02}") for n in range(40))
    ms = [
        milestone("all", entities=tuple(e.id for e in ents)),
        milestone("some", entities=("e00", "e39", "e20")),
    ]
    co = co_occurrences({}, ms, ents)
    once = [(f"e{n:02}", 1) for n in range(1, MOST_COMPANIONS - 1)]
    assert co["e00"] == (("e20", 2), ("e39", 2), *once)
    assert all(len(c) == MOST_COMPANIONS for c in co.values())


@given(st.lists(st.lists(st.integers(0, 25), max_size=12), max_size=30))
def test_co_occurrences_are_every_pair_counted_then_sorted(groups: list[list[int]]) -> None:
    """The same as counting each pair and sorting them all (as it was done, slowly)."""
    ents = tuple(entity(f"e{n}", f"Name {25 - n:02}") for n in range(26))
    ms = [milestone(f"m{k}", entities=tuple(f"e{n}" for n in g)) for k, g in enumerate(groups)]
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for m in ms:
        for x, y in itertools.permutations(dict.fromkeys(m.entities), 2):
            counts[x][y] += 1
    names = {e.id: e.name.casefold() for e in ents}
    expected = {
        x: tuple(sorted(c.items(), key=lambda kv: (-kv[1], names[kv[0]]))[:MOST_COMPANIONS])
        for x, c in sorted(counts.items())
    }
    assert co_occurrences({}, ms, ents) == expected


def test_citations_in_timeline_order_with_their_index() -> None:
    ms = [
        milestone("m1", sources=(source("a"), source("b", "p2"))),
        milestone("m2", sources=(source("a", "p3"),)),
    ]
    assert citations(ms) == [
        Citation("m1", 0, "a", "p1"),
        Citation("m1", 1, "b", "p2"),
        Citation("m2", 0, "a", "p3"),
    ]


def test_articles_by_topic_once_each_in_archive_order() -> None:
    ms = [
        milestone("m1", topics=("t1", "t2"), sources=(source("old"), source("new"))),
        milestone("m2", topics=("t1",), sources=(source("old"), source("mid"))),
    ]
    order = {"new": 0, "mid": 1, "old": 2}
    assert articles_by_topic(ms, order) == {"t1": ["new", "mid", "old"], "t2": ["new", "old"]}


def test_related_articles_reasons_and_orders() -> None:
    arts = [
        article("d", "2024-04-01", responds_to=("a",)),
        article("c", "2024-03-01"),
        article("b", "2024-02-01"),
        article("a", "2024-01-01", responds_to=("b",)),
        article("lonely", "2023-01-01"),
    ]
    ms = [
        milestone("m1", sources=(source("a"), source("c"), source("a", "p2"))),
        milestone("m2", sources=(source("c"), source("a"), source("b"))),
    ]
    order = {"m1": 0, "m2": 1}
    related = related_articles(arts, citations(ms), order)
    assert list(related) == ["d", "c", "b", "a", "lonely"]
    assert related["a"] == [
        Related("d", ("responded-by",), ()),
        Related("c", ("shared-milestones",), ("m1", "m2")),
        Related("b", ("responds-to", "shared-milestones"), ("m2",)),
    ]
    assert related["b"] == [
        Related("c", ("shared-milestones",), ("m2",)),
        Related("a", ("responded-by", "shared-milestones"), ("m2",)),
    ]
    assert related["d"] == [Related("a", ("responds-to",), ())]
    assert related["lonely"] == []


def test_related_articles_shared_milestones_follow_the_timeline_not_the_input() -> None:
    arts = [article("x"), article("y")]
    ms = [milestone("late", sources=(source("x"), source("y")))]
    ms.append(milestone("early", sources=(source("y"), source("x"))))
    related = related_articles(arts, citations(ms), {"early": 0, "late": 1})
    assert related["x"] == [Related("y", ("shared-milestones",), ("early", "late"))]


def test_compute_links_freezes_every_index_sorted_by_key() -> None:
    arts = [
        article("new", "2025-01-01", texts=("Alpha Corp.",), responds_to=("old",)),
        article("old", "2024-01-01", texts=("Beta Bank and Alpha.",)),
    ]
    ms = [milestone("m", "2024", sources=(source("old"),), topics=("z", "y"), entities=("beta",))]
    links = compute_links(arts, ms, ENTITIES)
    assert dict(links.articles_by_year) == {2024: ("old",), 2025: ("new",)}
    assert list(links.milestones_by_topic) == ["y", "z"]
    assert dict(links.articles_by_entity) == {"alpha": ("new", "old"), "beta": ("old",)}
    assert dict(links.milestones_by_entity) == {"beta": ("m",)}
    assert dict(links.milestones_by_year) == {2024: ("m",)}
    assert links.citations_by_paragraph[("old", "p1")] == (Citation("m", 0, "old", "p1"),)
    assert links.related_articles["old"] == (Related("new", ("responded-by",), ()),)
    assert links.co_entities["beta"] == (("alpha", 1),)
