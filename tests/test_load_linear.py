"""The loader's scans that visit only what can match give what the plain definitions give."""

from __future__ import annotations

import dataclasses
import itertools
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive_site.load.evidence import copies, is_copy
from archive_site.model import ChainLink
from archive_site.readers.agencies import agency_of
from archive_site.text import MOST_ALTERNATIVES, NameFinder, _word, normalise, normalise_text
from records import article


def test_copies_are_every_pair_of_one_origin_with_a_copy_in_it() -> None:
    pieces = []
    for n in range(40):
        a = article(f"a{n:02}", f"2024-01-{n % 28 + 1:02}")
        if n % 3 == 0:  # a syndicated copy of an Outlet piece
            chain = (ChainLink("Outlet", "original"), ChainLink(f"Agg{n % 2}", "publisher"))
            a = dataclasses.replace(a, outlet=f"Agg{n % 2}", chain=chain)
        elif n % 5 == 0:
            a = dataclasses.replace(a, outlet="Elsewhere")
        pieces.append(a)
    order = sorted(pieces, key=lambda a: (a.published.date, a.id))
    expected = {
        (later.id, earlier.id)
        for i, later in enumerate(order)
        for earlier in order[:i]
        if (is_copy(later) or is_copy(earlier))
        and normalise_text(later.chain[0].name if later.chain else later.outlet)
        == normalise_text(earlier.chain[0].name if earlier.chain else earlier.outlet)
    }
    found = [(d.article, d.on) for d in copies(pieces)]
    assert len(found) == len(set(found)) and set(found) == expected
    assert any(not is_copy(a) for a in pieces) and len(expected) > 50


TEXT = st.text(alphabet=st.sampled_from(list("ab AB\t\n\u00a0\u2009\u3000\u00ad“’—-_é\u2028")))


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_normalising_a_normal_text_gives_itself(text: str) -> None:
    """The evidence keys every long paragraph by its normalised text: a copy of each, made
    whether or not normalising changed it, was 48 MB more of a build at 10,000 articles
    (and a tenth of its load stage)."""
    norm = normalise_text(text)
    assert normalise_text(norm) is norm
    assert normalise_text(" ".join(["plain", "words", "of", "a", "paragraph."])) == (
        "plain words of a paragraph."
    )


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_normalised_offsets_point_at_the_same_characters(text: str) -> None:
    norm = normalise(text)
    assert norm.text == normalise_text(text)
    for i, ch in enumerate(norm.text):
        if ch != " ":
            assert normalise_text(text[norm.original(i)]) == ch


def _names_plainly(text: str, names: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Every word start tried against every name, longest first: the definition."""
    t = normalise_text(text)
    ranked = sorted(
        {normalise_text(n): k for n, k in reversed(names)}.items(),
        key=lambda nk: (-len(nk[0]), nk[0]),
    )
    out, taken = [], 0
    for w in re.finditer(r"\w+", t):
        i = w.start()
        if i < taken:
            continue
        for name, key in ranked:
            end = i + len(name)
            if (
                t.startswith(name, i)
                and re.match(r"\w+", name)
                and re.match(r"\w+", name).group() == w.group()
                and not re.match(r"\w", t[end : end + 1])
            ):
                out.append((t[i:end], key))
                taken = end
                break
    return out


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["ab", "ab ba", "ba", "a-b", "b’a", "ab  ba b", "é"]), max_size=6),
    st.lists(st.sampled_from(["ab", "ba", "a", "b", " ", "-", "’", "é", "_", "\n"]), max_size=30),
)
def test_names_are_found_as_whole_words_longest_first(names: list[str], words: list[str]) -> None:
    pairs = [(n, f"k{i}") for i, n in enumerate(names)]
    text = "".join(words)
    expected = [(normalise_text(n), k) for n, k in _names_plainly(text, pairs)]
    # searching for the first words at once, and looking up every word (many names)
    for finder in (NameFinder(pairs), NameFinder(pairs, most_alternatives=0)):
        found = finder.find(text)
        assert [(normalise_text(text[s:e]), k) for s, e, k in found] == expected


def test_many_names_are_looked_up_word_by_word() -> None:
    """Past MOST_ALTERNATIVES first words the text's words are looked up: the same finds."""
    names = [(f"name{n} of {n % 7}", f"e{n}") for n in range(MOST_ALTERNATIVES * 3)]
    text = " ".join(f"name{n} of {n % 5}, and name{n}" for n in range(0, 1_000, 3))
    many = NameFinder(names)
    assert many._firsts is _word()  # what is scanned is the point
    assert many.find(text) == NameFinder(names, most_alternatives=10_000).find(text)
    assert len(many.find(text)) >= 30
    # A few first words are searched for at once, by a pattern opening with them (one
    # opening with a look-behind was tried at every place of the text: four times slower);
    # that a name does not start inside a word is checked apart.
    few = NameFinder(names[:20])
    assert few._firsts.pattern.startswith("(?:name")
    inside = "xname3 of 3, name3 of 3"
    assert [inside[s:e] for s, e, _ in few.find(inside)] == ["name3 of 3"]


def test_names_in_scripts_written_without_spaces_are_found_where_they_stand() -> None:
    """Chinese text has no spaces: "习近平" was a whole word nowhere in it, so an entity
    named so was never found."""
    pairs = [("习近平", "xi"), ("Xi Jinping", "xi"), ("阿利耶夫", "aliyev"), ("Aliyev", "aliyev")]
    pairs += [("安倍晋三", "abe"), ("문재인", "moon"), ("China", "cn")]
    text = "国家主席习近平23日同阿利耶夫会谈。Xi Jinping met Aliyev; Xing, Aliyevs, Chinas; "
    text += "安倍晋三首相は; 문재인은"
    for finder in (NameFinder(pairs), NameFinder(pairs, most_alternatives=0)):
        found = [(text[s:e], k) for s, e, k in finder.find(text)]
        assert found == [
            ("习近平", "xi"),
            ("阿利耶夫", "aliyev"),
            ("Xi Jinping", "xi"),
            ("Aliyev", "aliyev"),
            ("安倍晋三", "abe"),
            ("문재인", "moon"),
        ]


def test_an_empty_finder_finds_nothing() -> None:
    assert NameFinder([]).find("anything at all") == []
    assert list(itertools.chain(NameFinder([("", "x")]).find("x"))) == []


def test_builds_make_few_full_garbage_collections_and_leave_the_thresholds(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Each full collection went over every record loaded so far: a fifth of the load's
    time at 10,000 articles.  While a build or check runs they are rare; after, and after
    a build that fails, Python's thresholds are back."""
    import gc

    import archive_site.load as load
    from archive_site import pipeline
    from archive_site.errors import ArchiveError
    from conftest import CONTENT, ROOT

    seen: list[tuple[int, int, int]] = []
    real = load.compute_links

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(gc.get_threshold())
        return real(*args, **kwargs)

    monkeypatch.setattr(load, "compute_links", spy)
    monkeypatch.setenv("ARCHIVE_SITE_NO_CACHE", "1")
    before = gc.get_threshold()
    paths = pipeline.Paths(CONTENT, ROOT / "templates", tmp_path / "site")
    pipeline.check(paths)
    pipeline.build(paths, search=False)
    assert len(seen) == 2 and gc.get_threshold() == before
    for during in seen:
        assert during[2] >= pipeline.FULL_COLLECTION_EVERY > before[2]
        assert during[:2] == before[:2]
    with pytest.raises(ArchiveError):
        pipeline.build(pipeline.Paths(tmp_path / "none", ROOT / "templates", tmp_path / "x"))
    assert gc.get_threshold() == before


def _collected(obj: object) -> bool:
    """Whether the cyclic collector looks at ``obj`` (a frozen object is in no generation)."""
    import gc

    return any(o is obj for o in gc.get_objects())


def test_a_build_leaves_the_imported_modules_out_of_its_collections_and_gives_them_back(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """While a build loads and renders, the objects of the modules it imported (Jinja's
    among them) are frozen: a full collection passes them by (the one before the search
    index took 50 ms of the seed's build).  After the build, and after one that fails,
    nothing stays frozen (the record cache, read, freezes what the process holds too); objects
    a caller froze before stay frozen."""
    import gc

    import jinja2

    import archive_site.load as load
    from archive_site import pipeline
    from archive_site.errors import ArchiveError
    from conftest import CONTENT, ROOT

    during: list[bool] = []
    real = load.compute_links

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        during.append(_collected(jinja2.Template))
        return real(*args, **kwargs)

    monkeypatch.setattr(load, "compute_links", spy)
    monkeypatch.setenv("ARCHIVE_SITE_NO_CACHE", "1")
    gc.unfreeze()  # (what a command run in this process before may have left frozen)
    assert _collected(jinja2.Template)
    paths = pipeline.Paths(CONTENT, ROOT / "templates", tmp_path / "site")
    pipeline.build(paths, search=False)
    assert during == [False]
    assert gc.get_freeze_count() == 0 and _collected(jinja2.Template)
    with pytest.raises(ArchiveError):
        pipeline.build(pipeline.Paths(tmp_path / "none", ROOT / "templates", tmp_path / "x"))
    assert gc.get_freeze_count() == 0
    mine = [object()]
    gc.freeze()
    try:
        pipeline.build(paths, search=False)
        assert gc.get_freeze_count() > 0 and not _collected(mine)
    finally:
        gc.unfreeze()


def test_an_outlets_origin_key_is_found_once_a_name_not_for_every_article(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The evidence asks each article's origin and whether it is a copy several times a load
    (once in each of four orderings by publication): the key of an outlet, a pure function
    of its name and entity, is worked out once a name, not for every article each time (at
    10,000 articles of six outlets, 0.1 s of an edit build's load).  What it gives is as
    before: the copies of one origin, and the agency's names as one."""
    import archive_site.load.evidence as evidence

    asked: list[str] = []

    def counted(name: str) -> int | None:
        asked.append(name)
        return agency_of(name)

    keys = evidence._outlet_key
    plain = getattr(keys, "__wrapped__", keys)  # (the function itself, nothing kept)
    monkeypatch.setattr(evidence, "agency_of", counted)
    getattr(keys, "cache_clear", list)()
    pieces = []
    for n in range(300):
        a = article(f"a{n:03}", f"2024-{n % 12 + 1:02}-{n % 28 + 1:02}")
        if n % 3 == 0:  # an agency's story, carried by an aggregator
            chain = (ChainLink(("AP", "The Associated Press")[n % 2], "original"),)
            a = dataclasses.replace(a, outlet=f"Agg{n % 2}", chain=chain)
        pieces.append(a)
    texts = evidence.long_texts(pieces)
    found = evidence.dependencies(pieces, (), texts)
    evidence.compute_evidence(pieces, (), texts)
    assert len(asked) <= 5, asked  # Outlet, Agg0, Agg1, AP, The Associated Press
    getattr(keys, "cache_clear", list)()
    monkeypatch.setattr(evidence, "_outlet_key", plain)
    assert evidence.dependencies(pieces, (), texts) == found
    same = [d for d in found if d.reason == "same-origin"]
    assert len(same) == 100 * 99 // 2  # AP's 100 pieces, by either of its names: one origin
    assert {d.via for d in same} == {"AP", "The Associated Press"}
