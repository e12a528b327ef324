"""The evidence holds one origin's copies as a group, never as every pair: what it finds is
what the plain definition (every dependency listed, searched by breadth) finds."""

from __future__ import annotations

import dataclasses
import itertools
from collections import defaultdict, deque
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive_site.load import evidence
from archive_site.load.evidence import compute_evidence, dependencies
from archive_site.model import Article, ChainLink, Dependency, Evidence, Milestone, Source
from records import article, milestone

WORDS = (
    "the first train of the season left the port for the east on time",
    "the ministers signed eight agreements on transport and energy in the capital",
    "freight through the port grew by a fifth in the first quarter of the year",
)


def _reference(articles: Sequence[Article], milestones: Sequence[Milestone]) -> dict[str, Evidence]:
    """Each milestone's evidence by the plain definition: every dependency listed, the
    groups joined by them, the shortest ways between a milestone's articles by breadth
    first over the list in its order."""
    by_id = {a.id: a for a in articles}
    deps = dependencies(articles, milestones)
    touching: dict[str, list[int]] = defaultdict(list)
    for n, d in enumerate(deps):
        touching[d.article].append(n)
        touching[d.on].append(n)
    parent = {a.id: a.id for a in articles}

    def root(i: str) -> str:
        while parent[i] != i:
            i = parent[i]
        return i

    for d in deps:
        x, y = root(d.article), root(d.on)
        parent[max(x, y)] = min(x, y)
    group_of = {a.id: root(a.id) for a in articles}
    out: dict[str, Evidence] = {}
    for m in milestones:
        cited = list(dict.fromkeys(s.article for s in m.sources))
        by_group: dict[str, list[str]] = defaultdict(list)
        for aid in cited:
            by_group[group_of[aid]].append(aid)
        used: set[int] = set()
        for start, *rest in (g for g in by_group.values() if len(g) > 1):
            used |= _ways(deps, touching, start, set(rest))
        pairs = {frozenset((deps[n].article, deps[n].on)) for n in used}
        joined = tuple(d for d in deps if frozenset((d.article, d.on)) in pairs)
        named = [by_id[s.article].speaker_id(s.speaker, s.voice) for s in m.sources]
        line_of, spoken = evidence._one_line_a_speaker(m, named, group_of)
        lines: dict[str, list[str]] = defaultdict(list)
        for aid in cited:
            lines[line_of[aid]].append(aid)
        mine = evidence._said_here(m, named, joined) + spoken
        voices = tuple(dict.fromkeys(v for v in named if v is not None))
        voices = voices if None not in named else ()
        out[m.id] = Evidence(tuple(tuple(v) for v in lines.values()), mine, voices)
    return out


def _ways(
    deps: Sequence[Dependency], touching: Mapping[str, list[int]], start: str, todo: set[str]
) -> set[int]:
    way: dict[str, int | None] = {start: None}
    queue, used = deque([start]), set()
    while queue and todo:
        here = queue.popleft()
        for n in touching[here]:
            there = deps[n].on if deps[n].article == here else deps[n].article
            if there not in way:
                way[there] = n
                queue.append(there)
                if there in todo:
                    todo.discard(there)
                    end = there
                    while (step := way[end]) is not None:
                        used.add(step)
                        end = deps[step].on if deps[step].article == end else deps[step].article
    return used


def _piece(n: int, day: int, outlet: int, original: int | None, responds: int | None, text: int):
    a = article(f"a{n:02}", f"2024-01-{day:02}", (WORDS[text], WORDS[(text + 1) % 3]))
    outlets = ("Outlet", "Agg", "Other")
    chain: tuple[ChainLink, ...] = (
        ChainLink(outlets[outlet], "publisher", "minister" if outlet == 2 else None),
    )
    if original is not None and original != outlet:
        chain = (ChainLink(outlets[original], "original"), *chain)
    return dataclasses.replace(
        a,
        outlet=outlets[outlet],
        chain=chain,
        responds_to=(f"a{responds:02}",) if responds is not None and responds < n else (),
    )


PIECES = st.lists(
    st.tuples(
        st.integers(1, 4),
        st.integers(0, 2),
        st.none() | st.integers(0, 2),
        st.none() | st.integers(0, 12),
        st.integers(0, 2),
    ),
    min_size=2,
    max_size=12,
)
CITES = st.lists(
    st.lists(
        st.tuples(st.integers(0, 11), st.integers(0, 2), st.booleans()), min_size=1, max_size=6
    ),
    max_size=5,
)


@settings(max_examples=300, deadline=None)
@given(PIECES, CITES)
def test_the_evidence_is_the_plain_definition_s(
    pieces: list[tuple], cites: list[list[tuple]]
) -> None:
    articles = [_piece(n, *p) for n, p in enumerate(pieces)]
    milestones = []
    for k, sources in enumerate(cites):
        srcs = tuple(
            Source(
                articles[i % len(articles)].id,
                WORDS[w],
                "p1",
                0,
                1,
                speaker="minister" if said else None,
                voice="reported" if said else "own",
            )
            for i, w, said in sources
        )
        milestones.append(milestone(f"m{k}", sources=srcs))
    assert dict(compute_evidence(articles, milestones)) == _reference(articles, milestones)
    # the first of a piece's dependencies on copies, found without listing them
    held = evidence.Copies.of(articles)
    for a in articles:
        listed = [
            ((d.article, d.on, d.reason), d.on if d.article == a.id else d.article)
            for d in held.touching(a.id)
        ]
        assert held.first(a.id) == min(listed, default=None)


def test_copies_of_one_story_are_held_as_a_group_not_as_pairs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """300 copies of one agency story, each cited by a milestone, and one milestone citing
    twenty of them: the evidence made every pair of the 300 (44,850), which at 3,000 copies
    was ten seconds and a gigabyte of the load."""
    copies = [
        dataclasses.replace(
            article(f"c{n:03}", f"2024-{1 + n % 12:02}-{1 + n % 28:02}"),
            outlet=f"Paper {n % 30}",
            chain=(ChainLink("Xinhua", "original"), ChainLink(f"Paper {n % 30}", "publisher")),
        )
        for n in range(300)
    ]
    ms = [
        milestone(f"m{n:03}", sources=(Source(a.id, "q", "p1", 0, 1),))
        for n, a in enumerate(copies)
    ]
    ms.append(milestone("many", sources=tuple(Source(a.id, "q", "p1", 0, 1) for a in copies[::15])))
    # and milestones citing two copies each: a search from one, over the 300, for the other
    ms += [
        milestone(
            f"two{n:03}", sources=(Source(a.id, "q", "p1", 0, 1), Source(b.id, "q", "p1", 0, 1))
        )
        for n, (a, b) in enumerate(itertools.pairwise(copies))
    ]
    # and milestones citing two of the agency's own pieces (no copies): a search from one
    # goes through the copies to the other
    own = [
        dataclasses.replace(article(f"x{n:02}", f"2024-{1 + n % 12:02}-15"), outlet="Xinhua")
        for n in range(20)
    ]
    ms += [
        milestone(
            f"own{n:02}", sources=(Source(a.id, "q", "p1", 0, 1), Source(b.id, "q", "p1", 0, 1))
        )
        for n, (a, b) in enumerate(itertools.pairwise(own))
    ]
    made = 0
    real = evidence.Dependency

    def counted(*args: object, **kwargs: object) -> Dependency:
        nonlocal made
        made += 1
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(evidence, "Dependency", counted)
    ev = compute_evidence(copies + own, ms)
    assert made < 10 * len(copies)
    assert ev["many"].independent == 1 and ev["m000"].independent == 1
    assert len(ev["many"].dependencies) == 19  # each cited copy and the first cited
    assert ev["two007"].independent == 1 and len(ev["two007"].dependencies) == 1
    assert ev["own03"].independent == 1 and len(ev["own03"].dependencies) == 2  # via a copy


class _CountedTitle(str):
    """A title that counts how often it is case folded."""

    folds = 0

    def casefold(self) -> str:
        _CountedTitle.folds += 1
        return str.casefold(self)


def test_one_outlet_s_copies_of_one_text_fold_each_title_once(tmp_path: Path) -> None:
    """One outlet carrying one agency text under 200 titles: each title was folded again
    for each earlier copy (at 1,000 copies, 15 s of a check); it is folded once.  The
    warnings are as before: a copy under a title holding another's is one captured twice."""
    from archive_site.errors import Problems
    from archive_site.load.evidence import warn_captured_twice

    texts = (WORDS[0] + ".", WORDS[1] + ".")
    pieces = [
        dataclasses.replace(
            article(f"c{n:03}", "2024-01-01", texts),
            title=_CountedTitle(f"Story {n:03} of the day"),
        )
        for n in range(200)
    ]
    pieces.append(
        dataclasses.replace(article("again", "2024-01-02", texts), title="STORY 007 of the day!")
    )
    problems = Problems()
    _CountedTitle.folds = 0
    warn_captured_twice(tmp_path, pieces, problems)
    assert _CountedTitle.folds <= len(pieces)
    said = [w.message for w in problems.warnings]
    assert len(said) == 1 and "the same text as 'c007'" in said[0]


#: trust65: two outlets of one owner, each in its own words, and the owner.
_OWNED = (
    ("own-a", "RIA Novosti", "A new ferry line between Baku and Astrakhan will open in June."),
    ("own-b", "Sputnik Azerbaijan", "Ferries between Astrakhan and Baku are to start in June."),
)


def _owned_archive(content: Path, owners: Mapping[str, str]) -> None:
    with (content / "entities.yaml").open("a", encoding="utf-8") as out:
        out.write("- id: rossiya-segodnya\n  name: Rossiya Segodnya\n  type: organisation\n")
        out.write("- id: jane-roe\n  name: Jane Roe\n  type: person\n")
        for ident, name in (("ria-novosti", "RIA Novosti"), ("sputnik-az", "Sputnik Azerbaijan")):
            owner = f"  owner: {owners[ident]}\n" if ident in owners else ""
            out.write(f"- id: {ident}\n  name: {name}\n  type: organisation\n{owner}")
    sources = ""
    for ident, outlet, text in _OWNED:
        (content / f"articles/{ident}.capture.txt").write_text(text + "\n", encoding="utf-8")
        (content / f"articles/{ident}.meta.yaml").write_text(
            f"format: plain\ntitle: Ferry ({outlet})\npublished: 2025-04-28\n"
            f"outlet: {outlet}\nkind: news\n",
            encoding="utf-8",
        )
        quote = text.split(" are " if " are " in text else " will ")[1].rstrip(".")
        sources += f"    - article: {ident}\n      quote: {quote}\n"
    with (content / "milestones.yaml").open("a", encoding="utf-8") as out:
        out.write(
            "- id: astrakhan-ferry\n  date: 2025-06\n  status: planned\n  title: Ferry\n"
            "  summary: x\n  date_note: Said in April 2025.\n  topics: [trade]\n  sources:\n"
            + sources
        )


def test_the_own_words_of_outlets_of_one_owner_are_one_line(project_copy: Path) -> None:
    """trust65: RIA Novosti and Sputnik Azerbaijan, both run by Rossiya Segodnya, each
    telling of the ferry in its own words, were two independent lines, and the archive had
    no way to say they have one owner. ``owner:`` says so, and their own words are one line,
    as one outlet's two stories are; without it they stay two."""
    from archive_site.load import load_archive
    from archive_site.render.views import dependency_text

    content = project_copy / "content"
    _owned_archive(content, {"ria-novosti": "rossiya-segodnya", "sputnik-az": "rossiya-segodnya"})
    archive = load_archive(content)
    ev = archive.evidence["astrakhan-ferry"]
    assert ev.independent == 1
    assert [dependency_text(archive, d) for d in ev.dependencies] == [
        "Ferry (Sputnik Azerbaijan) and Ferry (RIA Novosti) are in the own words of outlets "
        "of one owner (Rossiya Segodnya)"
    ]
    assert ev.voices == ("ria-novosti", "sputnik-az")  # two outlets' words, not one voice


def test_outlets_of_no_common_owner_stay_two_lines(project_copy: Path) -> None:
    from archive_site.load import load_archive

    content = project_copy / "content"
    _owned_archive(content, {"ria-novosti": "rossiya-segodnya"})
    assert load_archive(content).evidence["astrakhan-ferry"].independent == 2


@pytest.mark.parametrize(
    ("owners", "said"),
    [
        ({"ria-novosti": "rossiya-segodnaya"}, "owner: 'rossiya-segodnaya' is no entity (did you"),
        ({"ria-novosti": "jane-roe"}, "owner: 'jane-roe' is a person ("),
        (
            {"ria-novosti": "sputnik-az", "sputnik-az": "ria-novosti"},
            "owner: 'sputnik-az' is owned by 'ria-novosti' itself: owners run in a ring",
        ),
    ],
    ids=["unknown", "a-person", "a-ring"],
)
def test_an_owner_that_is_not_one_is_an_error_on_its_line(
    project_copy: Path, owners: Mapping[str, str], said: str
) -> None:
    from conftest import cli

    content = project_copy / "content"
    _owned_archive(content, owners)
    result = cli("check", cwd=project_copy)
    assert result.returncode == 1 and said in result.stderr, result.stderr
    assert "entities.yaml:" in result.stderr and "Traceback" not in result.stderr
