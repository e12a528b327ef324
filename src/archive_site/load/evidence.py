"""Independent corroboration: how many independent lines of evidence back each milestone.

Two articles are not independent when one responds to the other (``responds_to``), when
both come from one origin and at least one is a syndicated copy (the same piece
travelling through several outlets), or when a quote in one reports the words of someone
who speaks in the other (the commentary quoting what the president said in the
interview, published earlier), or when both record one interview (one interviewer's
questions to one interviewee on one day: a press conference's transcripts in two
languages, whose words share nothing), or when a milestone quotes the same words (eight or more)
from both: a copy whose chain says nothing of it, or two reports of one statement; or
when most of the text of one is in the other, lightly edited (:mod:`.near_copies`). The
articles of the whole archive fall into groups joined by these dependencies; a
milestone's independent sources are the groups its articles belong to. Counting whole
groups never counts more corroboration than the sources give: two articles that both
lean on a third are one line.  And sources giving one speaker's words (two outlets
reporting what one minister said, two stories in one agency's own voice) are one line
for the milestone that cites them: one voice, however many carry it.
"""

from __future__ import annotations

import functools
from collections import defaultdict, deque
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TypeGuard

from ..errors import Problems, display_path
from ..layout import MILESTONES_FILE
from ..model import Article, Dependency, DependencyReason, Evidence, Milestone
from ..readers.agencies import agency_of
from ..text import at_least_words, normalise_text
from .near_copies import LONGER_MIN, SENTENCE_END, PairMemo, Words, near_copies


def origin(article: Article) -> str:
    """The outlet a piece first appeared in: its chain's original, else its publisher; as
    the news agency it names (``AP`` and ``The Associated Press``), else as its entity when
    it is one (``Xinhua`` and ``Xinhua News Agency``, one entity's names, are one origin),
    else by its name."""
    first = next((c for c in article.chain if c.role == "original"), None)
    if first is None:
        first = next((c for c in article.chain if c.role == "publisher"), None)
    if first is None:
        return _outlet_key(article.outlet, None)
    return _outlet_key(first.name, first.entity)


#: Outlet keys kept (see :func:`_outlet_key`): far more than an archive has outlets.
OUTLET_KEYS_KEPT = 4096


@functools.lru_cache(maxsize=OUTLET_KEYS_KEPT)
def _outlet_key(name: str, entity: str | None) -> str:
    """An outlet as an origin: a news agency the readers know by any of its names (``AP``,
    ``Associated Press``, ``The Associated Press``: one agency, whether the archive has it
    as an entity or not), else its entity, else its name.

    Kept by name and entity (a pure function of the two): the evidence asks it of every
    article several times a build (its origin, whether it is a copy, its place in
    published order, once for each of four orderings), and an archive has a few outlets
    for many articles (10,000 articles: 0.1 s of an edit build's load, asked again)."""
    agency = agency_of(name)
    if agency is not None:
        return f"agency:{agency}"
    return f"entity:{entity}" if entity is not None else normalise_text(name).casefold()


def is_copy(article: Article) -> bool:
    return origin(article) != _outlet_key(article.outlet, article.publisher_entity)


def article_speakers(article: Article) -> set[str]:
    """The entities whose own words an article carries: its interview's turns, its outlet."""
    out = {t.speaker for t in article.turns if t.speaker is not None}
    outlet = article.publisher_entity
    if outlet is not None:
        out.add(outlet)
    return out


def responses(articles: Sequence[Article]) -> Iterator[Dependency]:
    """Each article responding to another, each later capture of a story (``updates``) on
    the earlier: one story, however often it was saved; and each translation on the article
    it translates (``origin: article:ID``): one story's words, in whatever language."""
    known = {a.id for a in articles}
    for a in articles:
        for other in a.responds_to:
            if other in known:
                yield Dependency(a.id, other, "responds-to")
        if a.updates in known and a.updates != a.id:
            yield Dependency(a.id, a.updates, "updates")
        if a.translates in known and a.translates != a.id:
            yield Dependency(a.id, a.translates, "translation")


def _least(
    group: Sequence[Article], copy: frozenset[str]
) -> Iterator[tuple[str, tuple[str | None, str | None]]]:
    """For each piece of one origin (``group``, in published order), the least id of the
    earlier pieces and of the later ones it is joined to (see :attr:`Copies.least`)."""
    sides: list[dict[str, str | None]] = []
    for order in (group, group[::-1]):
        least: dict[bool, str | None] = {True: None, False: None}  # of all, of the copies
        side: dict[str, str | None] = {}
        for a in order:
            is_copy_ = a.id in copy
            side[a.id] = least[True] if is_copy_ else least[False]
            for kind in (True, False) if is_copy_ else (True,):
                seen = least[kind]
                least[kind] = a.id if seen is None or a.id < seen else seen
        sides.append(side)
    before, after = sides
    for a in group:
        yield a.id, (before[a.id], after[a.id])


def copies(articles: Sequence[Article]) -> Iterator[Dependency]:
    """Pieces of one origin of which at least one is a syndicated copy, later on earlier:
    every such pair (:class:`Copies` holds them without listing them)."""
    held = Copies.of(articles)
    for group in held.members.values():
        for n, later in enumerate(group):
            for earlier in group[:n]:
                dep = held.between(later.id, earlier.id)
                if dep is not None:
                    yield dep


@dataclass(frozen=True, slots=True)
class Copies:
    """The dependencies :func:`copies` lists, held as the origins they join: each origin's
    pieces in published order (see :func:`_published_order`), where at least one of two is
    a syndicated copy.  A copy depends on every earlier piece of its origin, and every later
    one on it: 3,000 copies of one agency story are four and a half million pairs, which
    listing took ten seconds and a gigabyte; the evidence asks only a piece's neighbours
    (:meth:`touching`) and what joins two pieces (:meth:`between`)."""

    members: Mapping[str, tuple[Article, ...]]  # origin: its pieces in published order
    place: Mapping[str, tuple[str, int]]  # article id: its origin and place among them
    copy: frozenset[str]  # the ids of the syndicated copies
    #: article id: the least ids of the pieces before it and after it in its origin's
    #: order that it is joined to (all of them for a copy, the copies for another piece)
    least: Mapping[str, tuple[str | None, str | None]]

    @classmethod
    def of(cls, articles: Sequence[Article]) -> Copies:
        by_origin: dict[str, list[Article]] = defaultdict(list)
        for a in sorted(articles, key=_published_order):
            by_origin[origin(a)].append(a)
        copy = frozenset(a.id for a in articles if is_copy(a))
        members = {
            key: tuple(group)
            for key, group in by_origin.items()
            if len(group) > 1 and any(a.id in copy for a in group)
        }
        place = {a.id: (key, n) for key, group in members.items() for n, a in enumerate(group)}
        least = {aid: v for group in members.values() for aid, v in _least(group, copy)}
        return cls(
            MappingProxyType(members), MappingProxyType(place), copy, MappingProxyType(least)
        )

    def first(self, aid: str) -> tuple[tuple[str, str, str], str] | None:
        """The first of :meth:`touching` in :func:`_key` order, as its key and the piece
        at its other end, without going through them all."""
        before, after = self.least.get(aid, (None, None))
        found = [((p, aid, "same-origin"), p) for p in (after,) if p is not None]
        found += [((aid, p, "same-origin"), p) for p in (before,) if p is not None]
        return min(found) if found else None

    def between(self, one: str, other: str) -> Dependency | None:
        """The dependency of one piece on the other, or of the other on it, if they are
        one origin's and one of them is a copy."""
        if one not in self.place or other not in self.place or one == other:
            return None
        (key, n), (other_key, m) = self.place[one], self.place[other]
        if key != other_key or (one not in self.copy and other not in self.copy):
            return None
        group = self.members[key]
        later, earlier = (group[n], group[m]) if n > m else (group[m], group[n])
        via = _original(later) or _original(earlier) or earlier.outlet
        return Dependency(later.id, earlier.id, "same-origin", via)

    def touching(self, aid: str) -> Iterator[Dependency]:
        """The dependencies of ``aid`` on the pieces it copies and of those copying it."""
        if aid not in self.place:
            return
        key, _ = self.place[aid]
        for other in self.members[key]:
            dep = self.between(aid, other.id)
            if dep is not None:
                yield dep


def reported_words(
    articles: Sequence[Article], milestones: Iterable[Milestone]
) -> Iterator[Dependency]:
    """A quote reporting someone's words depends on the earlier articles in which they speak."""
    by_id = {a.id: a for a in articles}
    speaks_in: dict[str, list[Article]] = defaultdict(list)
    for a in articles:
        for who in article_speakers(a):
            speaks_in[who].append(a)
    for m in milestones:
        for s in m.sources:
            if s.voice != "reported" or s.speaker is None:
                continue
            reporting = by_id[s.article]
            for other in speaks_in.get(s.speaker, ()):
                # (a month or a year alone may be any of its days: it may be earlier)
                if (
                    other.id != reporting.id
                    and other.published.date <= reporting.published.last_day
                ):
                    yield Dependency(reporting.id, other.id, "reports-words", s.speaker)


def one_interview(articles: Sequence[Article]) -> Iterator[Dependency]:
    """Two records of one interview: one interviewer's questions to one interviewee, both
    published on one day (a ministry's press conference, its English and its Chinese
    transcript; an interview and its translation), whatever their words (a translation
    shares none) and whoever speaks in the turns no one is named for (a reporter's question
    in both is one question asked once): each later record on the first.  Askers the
    source does not name (``interviewer: unnamed``, a press conference's) are one
    interviewer here: two records of questions to one spokesperson on one day may be of
    one press conference, and joined they are never counted twice."""
    first: dict[tuple[str | None, str, object], str] = {}
    for a in sorted(articles, key=_published_order):
        if a.kind != "interview" or a.published.precision != "day" or a.interviewee is None:
            continue
        earlier = first.setdefault((a.interviewer, a.interviewee, a.published.date), a.id)
        if earlier != a.id:
            yield Dependency(a.id, earlier, "one-interview", a.interviewee)


#: Quotes of at least this many words, word for word the same from two articles, make
#: them copies of one piece (shorter ones may be a formula: "Thank you.").
SAME_WORDS_MIN = 8


def same_words(
    articles: Sequence[Article], milestones: Iterable[Milestone]
) -> Iterator[Dependency]:
    """Two articles that a milestone quotes for the same words are copies of one piece, or
    both carry one statement, whatever their chains declare: the later on the earlier."""
    by_id = {a.id: a for a in articles}
    for m in milestones:
        held: dict[str, list[Article]] = defaultdict(list)
        for s in m.sources:
            if at_least_words(" ".join(s.quote.split()), SAME_WORDS_MIN):
                held[normalise_text(s.quote).casefold()].append(by_id[s.article])
        for holders in held.values():
            ordered = sorted({a.id: a for a in holders}.values(), key=_published_order)
            for n, later in enumerate(ordered):
                for earlier in ordered[:n]:
                    yield Dependency(later.id, earlier.id, "same-origin")


def same_text(articles: Sequence[Article], texts: LongTexts | None = None) -> Iterator[Dependency]:
    """Two articles holding two paragraphs of :data:`SAME_WORDS_MIN` words or more word for
    word carry one text (a copy, however its chain reads), whether a milestone quotes them
    or not: the later on the earlier that first held them.  One paragraph in common may be
    a formula, a disclaimer or a background line two outlets both keep ("Thank you for this
    interview, Mr President"), and joins nothing.  A paragraph is looked up as the reader
    wrote it, its quotation marks and dashes folded, its white space and invisible
    characters as one space (two spaces after a full stop make no other text).  A paragraph
    is known by its opening sentence when that is as long (see :func:`_opening`), so that a
    copy whose paragraphs were joined or split anew (an aggregator's, a digest's) is still
    one; but two openings alone are not enough (see :func:`_one_text`): independent stories
    open paragraphs with one stock line ("Azerbaijan and China established diplomatic
    relations on April 2, 1992.").  The dependencies of :func:`dependencies` keep a pair
    only when what the two hold is half of the shorter's text (see
    :func:`_one_text_whole`): two paragraphs of stock background, or of one briefing's
    words, in longer stories make no copy.  ``texts``: :func:`long_texts` of
    ``articles``, when made already."""
    texts = long_texts(articles) if texts is None else texts
    first: dict[str, tuple[Article, bool]] = {}
    shared: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for a, found in texts:
        keys: dict[str, bool] = {}
        for key, whole in map(_opening, found):
            keys[key] = keys.get(key, False) or whole
        for key, whole in keys.items():
            earlier, was_whole = first.setdefault(key, (a, whole))
            if earlier is not a:
                counts = shared[(a.id, earlier.id)]
                joined = _one_text(*counts)
                counts[0] += 1
                counts[1] += whole or was_whole
                if not joined and _one_text(*counts):
                    yield Dependency(a.id, earlier.id, "same-origin")
    yield from _whole_copies(texts)


#: The fewest words a text of one long paragraph held whole by another article must have to
#: make the two one text (:func:`_whole_copies`): three times :data:`SAME_WORDS_MIN`, so
#: that no formula, disclaimer or stock line does.
WHOLE_COPY_MIN = 3 * SAME_WORDS_MIN


def _whole_copies(texts: LongTexts) -> Iterator[Dependency]:
    """Two articles of which one's text is, but for short lines, a paragraph (or more) the
    other holds whole, word for word, of :data:`WHOLE_COPY_MIN` words or more: one text,
    however short (a statement or a brief reprinted by two outlets as one paragraph, which
    the two paragraphs :func:`same_text` asks for never join): the later on the earlier
    that first held it.  What the two hold must be every long paragraph of one and half
    its words or more (a background paragraph two stories keep among their own joins
    nothing), and :data:`.near_copies.LONGER_MIN` of the other's (a digest holding a
    story whole joins none: it would join the stories it holds to one another).  Compared
    whole, never by a paragraph's opening: two stories opening with one stock line are two."""
    first: dict[str, Article] = {}
    sizes: dict[str, tuple[int, int]] = {}
    for a, found in texts:
        paragraphs = set(found)
        sizes[a.id] = (len(paragraphs), sum(p.text.count(" ") + 1 for p in a.paragraphs))
        shared: dict[str, list[str]] = defaultdict(list)
        for text in sorted(paragraphs):
            earlier = first.setdefault(text, a)
            if earlier is not a:
                shared[earlier.id].append(text)
        for on, held in shared.items():
            if _held_whole(held, sizes[a.id], sizes[on]):
                yield Dependency(a.id, on, "same-origin")


def _held_whole(held: Sequence[str], one: tuple[int, int], other: tuple[int, int]) -> bool:
    """Whether paragraphs two articles both hold (``held``) make them one text (see
    :func:`_whole_copies`); ``one`` and ``other``: each article's number of long
    paragraphs and of words."""
    words = sum(t.count(" ") + 1 for t in held)
    whole = any(n == len(held) and 2 * words >= total for n, total in (one, other))
    most = words >= LONGER_MIN * max(one[1], other[1])
    return whole and most and at_least_words(" ".join(held), WHOLE_COPY_MIN)


def _one_text(keys: int, whole: int) -> bool:
    """Whether two articles sharing ``keys`` paragraphs' keys (see :func:`_opening`),
    ``whole`` of them one's whole paragraph, carry one text: two, one of them whole (the
    other article's paragraphs joined or split anew open as its own do), or three."""
    return (keys >= 2 and whole >= 1) or keys >= 3


#: The (folded) quotation marks a quotation opens with.
_QUOTATION_MARKS = "\"'「『"


def _opening(text: str) -> tuple[str, bool]:
    """What a long paragraph's text is known by in :func:`same_text`, and whether that is
    the whole text: its first sentence of :data:`SAME_WORDS_MIN` words or more (a paragraph
    joined to the next in a copy opens as it did), else the whole text.  A cut at any full
    stop ("Mr. Aliyev") is made alike in both copies.  A paragraph opening with a quotation
    is known by its whole text: two outlets open theirs with one briefing's words without
    copying each other ('"China is ready to work with Azerbaijan ...," Mao Ning said')."""
    if text[:1] in _QUOTATION_MARKS:
        return text, True
    start = 0
    for end in SENTENCE_END().finditer(text):
        piece = text[start : end.end()]
        if piece.count(" ") + 1 >= SAME_WORDS_MIN:
            return piece, False  # (a sentence end is followed by a space: not the whole)
        start = end.end() + 1
    rest = text[start:] if start else text
    return (rest, start == 0) if rest.count(" ") + 1 >= SAME_WORDS_MIN else (text, True)


#: Each article in published order, with the texts of its long paragraphs.
LongTexts = Sequence[tuple[Article, tuple[str, ...]]]


def long_texts(articles: Sequence[Article], memo: PairMemo | None = None) -> LongTexts:
    """Each of ``articles`` in published order (see :func:`_published_order`) with the
    texts of its long paragraphs (:func:`_long_texts`): what :func:`same_text` and
    :func:`warn_captured_twice` compare, made once for both.  Normalising every paragraph
    of 10,000 articles (64 MB) and counting their words took 0.4 s of every load, an
    edit's too: with ``memo``, which paragraphs are long, and the normalised text of those
    it changes, are kept under each article's cache key (see :func:`_kept_long_texts`)."""
    ordered = sorted(articles, key=_published_order)
    if memo is None:
        return [(a, tuple(_long_texts(a))) for a in ordered]
    return [(a, _kept_long_texts(a, memo)) for a in ordered]


#: The long paragraphs of an article as kept: each one's place among its paragraphs, and
#: its normalised text when that is not the paragraph's text itself.
KeptLong = tuple[tuple[int, str | None], ...]
_LONG_TEXTS = "long-texts"


def _kept_long_texts(a: Article, memo: PairMemo) -> tuple[str, ...]:
    """:func:`_long_texts` of ``a``, as kept in ``memo`` (or found and kept)."""

    def found() -> KeptLong:
        out = []
        for n, p in enumerate(a.paragraphs):
            text = normalise_text(p.text)
            if at_least_words(text, SAME_WORDS_MIN):
                out.append((n, None if text == p.text else text))
        return tuple(out)

    def valid(entry: object) -> TypeGuard[KeptLong]:
        size = len(a.paragraphs)
        return type(entry) is tuple and all(
            type(item) is tuple
            and len(item) == 2
            and type(item[0]) is int
            and 0 <= item[0] < size
            and (item[1] is None or type(item[1]) is str)
            for item in entry
        )

    kept = memo.one(_LONG_TEXTS, a.id, found, valid)
    return tuple(a.paragraphs[n].text if text is None else text for n, text in kept)


def _long_texts(a: Article) -> Iterator[str]:
    """The texts of the paragraphs of ``a`` of :data:`SAME_WORDS_MIN` words or more, as two
    copies of one text are compared: normalised (see :func:`~archive_site.text.normalise_text`)."""
    for p in a.paragraphs:
        text = normalise_text(p.text)
        if at_least_words(text, SAME_WORDS_MIN):
            yield text


def _original(a: Article) -> str | None:
    """The name of the outlet a piece says it first appeared in, if it says."""
    return next((c.name for c in a.chain if c.role == "original"), None)


def _published_order(a: Article) -> tuple[object, str]:
    """When it was published, for an order in which copies come after what they copy: an
    original dated to the month or the year alone at its earliest (its first day), a copy
    at its latest (its last): where the two overlap, the copy is the later."""
    p = a.published
    return (p.last_day if is_copy(a) else p.date, a.id)


def dependencies(
    articles: Sequence[Article], milestones: Iterable[Milestone], texts: LongTexts | None = None
) -> list[Dependency]:
    """Every dependency between two articles of the archive, once each, in a stable order
    (``texts``: see :func:`same_text`)."""
    held = Copies.of(articles)
    return sorted((*_others(articles, milestones, texts, held), *copies(articles)), key=_key)


def _key(d: Dependency) -> tuple[str, str, str]:
    return (d.article, d.on, d.reason)


def _others(
    articles: Sequence[Article],
    milestones: Iterable[Milestone],
    texts: LongTexts | None,
    held: Copies,
    memo: PairMemo | None = None,
) -> list[Dependency]:
    """The dependencies but those ``held`` (:func:`copies`), once each, in :func:`_key`
    order: a pair of ``held`` that other words or text join too is said as ``held`` says it
    (with the origin it comes through)."""
    milestones = list(milestones)
    texts = long_texts(articles) if texts is None else texts
    by_id = {a.id: a for a in articles}
    words = Words(memo)
    found: dict[tuple[str, str, str], Dependency] = {}
    deps = (*responses(articles), *one_interview(articles), *reported_words(articles, milestones))
    # two captures of one story carry its words: that they are one story says it all
    captures = {frozenset((d.article, d.on)) for d in deps if d.reason == "updates"}
    paragraphs = {a.id: found for a, found in texts}
    exact = (
        d
        for d in same_text(articles, texts)
        if _one_text_whole(d, held, paragraphs)
        or words.mostly_shared(by_id[d.article], by_id[d.on])
    )
    for d in (*deps, *same_words(articles, milestones), *exact):
        if not _said_otherwise(d, held, captures):
            found.setdefault(_key(d), d)
    joined = {frozenset((d.article, d.on)) for d in found.values()}

    def joins(one: str, other: str) -> bool:
        return frozenset((one, other)) in joined or held.between(one, other) is not None

    for d in near_copies(texts, joins, words):
        found.setdefault(_key(d), d)
    return sorted(found.values(), key=_key)


def _one_text_whole(d: Dependency, held: Copies, paragraphs: Mapping[str, Sequence[str]]) -> bool:
    """Whether the two articles :func:`same_text` joins are one text without reading their
    words (:meth:`~.near_copies.Words.mostly_shared`): one origin's pieces (one line
    whatever their words), or every long paragraph of one is the other's (an exact copy,
    cut or not: 3,000 of them are not read)."""
    if held.between(d.article, d.on) is not None:
        return True
    one, other = set(paragraphs[d.article]), set(paragraphs[d.on])
    return one <= other or other <= one


def _said_otherwise(d: Dependency, held: Copies, captures: Collection[frozenset[str]]) -> bool:
    """Whether the words two articles share (``d``) join a pair that is said otherwise: a
    copy ``held`` says so with its origin, and two captures of one story are one story."""
    if d.reason != "same-origin":
        return False
    known = held.between(d.article, d.on)
    if known is not None and _key(known) == _key(d):
        return True
    return d.via is None and frozenset((d.article, d.on)) in captures


@dataclass(frozen=True, slots=True)
class _Graph:
    """The articles joined by their dependencies: those listed (``deps``, in :func:`_key`
    order, with the positions of those each article takes part in, ``touching``, and those
    of each pair, ``pairs``) and those ``held``, which are only looked up."""

    deps: tuple[Dependency, ...]
    touching: Mapping[str, Sequence[int]]
    pairs: Mapping[frozenset[str], tuple[Dependency, ...]]
    held: Copies

    @classmethod
    def of(cls, deps: Sequence[Dependency], held: Copies) -> _Graph:
        pairs: dict[frozenset[str], list[Dependency]] = defaultdict(list)
        for d in deps:
            pairs[frozenset((d.article, d.on))].append(d)
        return cls(
            tuple(deps),
            MappingProxyType(_by_article(deps)),
            MappingProxyType({k: tuple(v) for k, v in pairs.items()}),
            held,
        )

    def neighbours(self, aid: str, reached: set[tuple[str, bool]]) -> list[str]:
        """The articles ``aid`` depends on or that depend on it, in the order of the
        dependencies joining them.  Those of ``held`` are all of its origin's pieces for a
        copy, the copies for another piece; once a search has had them (``reached``, kept
        up to date here: an origin, and whether all its pieces), they are left out, as a
        search passes over what it has reached."""
        deps = [self.deps[n] for n in self.touching.get(aid, ())]
        place = self.held.place.get(aid)
        if place is not None:
            whole = aid in self.held.copy
            if (place[0], True) not in reached and (place[0], whole) not in reached:
                deps = sorted((*deps, *self.held.touching(aid)), key=_key)
                reached.add((place[0], whole))
        return [_other_end(d, aid) for d in deps]

    def first(self, aid: str) -> str | None:
        """The article at the other end of the first dependency of ``aid`` in :func:`_key`
        order (of those listed and those ``held``): the one a search from it visits next."""
        found = [
            (_key(self.deps[n]), _other_end(self.deps[n], aid))
            for n in self.touching.get(aid, ())[:1]
        ]
        held = self.held.first(aid)
        found += [held] if held is not None else []
        return min(found)[1] if found else None

    def adjacent(self, one: str, other: str) -> bool:
        """Whether a dependency joins the two articles (without listing ``held``'s: a
        milestone citing two of 3,000 copies of one story asks this, not the 3,000)."""
        pair = frozenset((one, other))
        return pair in self.pairs or self.held.between(one, other) is not None

    def between(self, pairs: Iterable[frozenset[str]]) -> tuple[Dependency, ...]:
        """Every dependency between the two articles of each of ``pairs``, in :func:`_key`
        order."""
        out: list[Dependency] = []
        for pair in pairs:
            out += self.pairs.get(pair, ())
            one, other = sorted(pair)
            held = self.held.between(one, other)
            if held is not None:
                out.append(held)
        return tuple(sorted(out, key=_key))


def _components(ids: Iterable[str], graph: _Graph) -> dict[str, str]:
    """Each article's group, named by its smallest id (union-find)."""
    parent = {i: i for i in ids}

    def root(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    joined = [(d.article, d.on) for d in graph.deps]
    for group in graph.held.members.values():  # one origin's pieces, with a copy: all one
        joined += [(group[0].id, a.id) for a in group[1:]]
    for one, other in joined:
        x, y = root(one), root(other)
        if x != y:
            parent[max(x, y)] = min(x, y)
    return {i: root(i) for i in parent}


def _by_article(deps: Sequence[Dependency]) -> dict[str, list[int]]:
    """The positions in ``deps`` of the dependencies each article takes part in."""
    out: dict[str, list[int]] = defaultdict(list)
    for n, d in enumerate(deps):
        out[d.article].append(n)
        out[d.on].append(n)
    return out


def _joining(
    graph: _Graph, cited: Sequence[str], group_of: Mapping[str, str]
) -> tuple[Dependency, ...]:
    """Why cited articles share a line: the dependencies on the shortest ways from each
    cited article to the first cited article of its group (through uncited articles where
    the way runs through them), with every other dependency between two articles such a
    way joins (the commentary responds to the interview and reports its words), each once,
    in :func:`_key` order."""
    by_group: dict[str, list[str]] = defaultdict(list)
    for aid in cited:
        by_group[group_of[aid]].append(aid)
    used: set[frozenset[str]] = set()
    for members in by_group.values():  # a group with one cited article explains nothing
        if len(members) > 1:
            start, *rest = members
            used |= _ways(graph, start, dict.fromkeys(rest))
    return graph.between(sorted(used, key=sorted))


def _ways(graph: _Graph, start: str, todo: dict[str, None]) -> set[frozenset[str]]:
    """The pairs of articles on the shortest ways from ``start`` to the articles of
    ``todo`` it reaches (taken out of ``todo``), by breadth-first search."""
    near = _two_steps(graph, start, todo)
    if near is not None:
        return near
    way: dict[str, str | None] = {start: None}  # article: the one before it on its way
    used: set[frozenset[str]] = set()
    reached: set[tuple[str, bool]] = set()
    queue = deque([start])
    while queue and todo:
        here = queue.popleft()
        if all(graph.adjacent(here, aid) for aid in todo):  # each reached from here: done
            for there in todo:
                way[there] = here
                used |= _way_back(way, there)
            return used
        for there in graph.neighbours(here, reached):
            if there in way:
                continue
            way[there] = here
            queue.append(there)
            if there in todo:  # a cited article: its way back
                del todo[there]
                used |= _way_back(way, there)
    return used


def _two_steps(graph: _Graph, start: str, todo: Mapping[str, None]) -> set[frozenset[str]] | None:
    """What :func:`_ways` finds when each article of ``todo`` is a neighbour of ``start``
    or of the first of them (:meth:`_Graph.first`, which the search visits next): found
    without going through the neighbours of ``start`` (all the copies of its origin, for
    a milestone citing two originals of 3,000 copies' agency); else None."""
    near = graph.first(start)
    if near is None or near == start:
        return None
    direct = {aid for aid in todo if graph.adjacent(start, aid)}
    rest = [aid for aid in todo if aid not in direct]
    if not all(graph.adjacent(near, aid) for aid in rest):
        return None
    used = {frozenset((start, aid)) for aid in direct}
    if rest:
        used |= {frozenset((start, near)), *(frozenset((near, aid)) for aid in rest)}
    return used


def _way_back(way: Mapping[str, str | None], end: str) -> set[frozenset[str]]:
    """The pairs of articles ``way`` took to reach ``end``."""
    used: set[frozenset[str]] = set()
    while (step := way[end]) is not None:
        used.add(frozenset((step, end)))
        end = step
    return used


def _other_end(d: Dependency, one: str) -> str:
    return d.on if d.article == one else d.article


def other_dependencies(
    articles: Sequence[Article],
    milestones: Sequence[Milestone],
    texts: LongTexts | None = None,
    memo: PairMemo | None = None,
) -> list[Dependency]:
    """The dependencies :func:`dependencies` finds but the copies a chain, a dateline or a
    credit line declare (:func:`copies`), for :func:`compute_evidence` and for
    :func:`text_dependencies` to share (``texts``: see :func:`same_text`; ``memo``: what
    comparing two articles' words gave an earlier build, see
    :class:`.near_copies.PairMemo`)."""
    return _others(articles, milestones, texts, Copies.of(articles), memo)


#: The reasons of the dependencies found in two articles' words (see :func:`text_dependencies`).
TEXT_REASONS = frozenset({"same-origin", "shares-text", "shares-passage", "translation"})


def text_dependencies(others: Iterable[Dependency]) -> dict[str, list[Dependency]]:
    """Each article's dependencies found in its words (``others``: see
    :func:`other_dependencies`): the text it shares with another (word for word or lightly
    edited) or the words a milestone quotes from both, whatever rule found them, by the id of
    each of the two; one origin's copies a chain declares are told as such (see
    :func:`copies`), and are not here."""
    out: dict[str, list[Dependency]] = defaultdict(list)
    for d in others:
        if d.reason in TEXT_REASONS and d.via is None:
            out[d.article].append(d)
            out[d.on].append(d)
    return out


def compute_evidence(
    articles: Sequence[Article],
    milestones: Sequence[Milestone],
    texts: LongTexts | None = None,
    others: Sequence[Dependency] | None = None,
    owners: Mapping[str, str] | None = None,
) -> Mapping[str, Evidence]:
    """Each milestone's lines of evidence and the dependencies that join its articles
    (``texts``: see :func:`same_text`; ``others``: :func:`other_dependencies`, when found
    already; ``owners``: the owner at the top of each outlet's that has one, by entity id,
    see :func:`_one_line_a_speaker`)."""
    by_id = {a.id: a for a in articles}
    held = Copies.of(articles)
    if others is None:
        others = _others(articles, milestones, texts, held)
    graph = _Graph.of(others, held)
    group_of = _components((a.id for a in articles), graph)
    out: dict[str, Evidence] = {}
    for m in milestones:
        cited = list(dict.fromkeys(s.article for s in m.sources))
        # (a source whose speaker the archive does not name may be anyone: no one voice)
        named = [by_id[s.article].speaker_id(s.speaker, s.voice) for s in m.sources]
        line_of, spoken = _one_line_a_speaker(m, named, group_of, owners or {})
        lines: dict[str, list[str]] = defaultdict(list)
        for aid in cited:
            lines[line_of[aid]].append(aid)
        mine = _said_here(m, named, _joining(graph, cited, group_of)) + spoken
        voices = tuple(dict.fromkeys(v for v in named if v is not None))
        voices = voices if len(named) == len([v for v in named if v is not None]) else ()
        out[m.id] = Evidence(tuple(tuple(v) for v in lines.values()), mine, voices)
    return MappingProxyType(out)


def _said_here(
    m: Milestone, named: Sequence[str | None], deps: tuple[Dependency, ...]
) -> tuple[Dependency, ...]:
    """``deps`` as this milestone tells them: a dependency on someone's words that another
    milestone's quote made (ABC's copy reports the White House's words elsewhere, and the
    White House publishes the remarks) between two articles whose sources here give the
    words of one speaker is said as that ("give the words of one speaker (Donald Trump)"),
    not as the words of someone none of these quotes is (walk-through 31: "reports the
    words of White House" under three quotes of Trump's)."""
    speakers: dict[str, set[str]] = defaultdict(set)
    for s, who in zip(m.sources, named, strict=True):
        if who is not None:
            speakers[s.article].add(who)
    here = set().union(*speakers.values()) if speakers else set()
    out: list[Dependency] = []
    for d in deps:
        if d.reason == "reports-words" and d.via not in here:
            common = sorted(speakers.get(d.article, set()) & speakers.get(d.on, set()))
            if common:
                d = Dependency(d.article, d.on, "same-speaker", common[0])
        out.append(d)
    return tuple(dict.fromkeys(out))


def _one_line_a_speaker(
    m: Milestone,
    named: Sequence[str | None],
    group_of: Mapping[str, str],
    owners: Mapping[str, str] = MappingProxyType({}),
) -> tuple[dict[str, str], tuple[Dependency, ...]]:
    """Each cited article's line of evidence for ``m``: its group, the groups of articles
    giving the words of one speaker (``named``: each source's) made one line, as one voice
    is one line however many outlets carry it; so too the own words of outlets one owner
    runs (``owners``: the owner at the top of each outlet's that has one, ``owner:``), as
    one outlet's stories in its own voice are; and the dependencies saying so, each article
    tied to the first that gives the speaker's (or the owner's outlets') words."""
    parent: dict[str, str] = {}

    def root(g: str) -> str:
        while parent.get(g, g) != g:
            g = parent[g]
        return g

    first: dict[str, tuple[str, str]] = {}  # voice: the first article giving its words
    found: dict[tuple[str, str], Dependency] = {}
    for s, who in zip(m.sources, named, strict=True):
        if who is None:
            continue
        voice = owners.get(who, who) if s.voice == "own" else who
        earlier, said_by = first.setdefault(voice, (s.article, who))
        x, y = root(group_of[s.article]), root(group_of[earlier])
        if x != y:
            parent[max(x, y)] = min(x, y)
            reason: DependencyReason = "same-speaker" if said_by == who else "same-owner"
            found.setdefault((s.article, earlier), Dependency(s.article, earlier, reason, voice))
    line_of = {s.article: root(group_of[s.article]) for s in m.sources}
    return line_of, tuple(found.values())


def warn_single_voice(
    content: Path,
    milestones: Sequence[Milestone],
    evidence: Mapping[str, Evidence],
    problems: Problems,
) -> None:
    """A warning for each milestone whose only evidence is what one speaker says."""
    display = display_path(content / MILESTONES_FILE)
    for m in milestones:
        voices = evidence[m.id].voices
        if len(voices) == 1:
            problems.warning(
                display,
                m.line,
                f"milestone '{m.id}': its only evidence is a single voice ({voices[0]})",
            )


def warn_captured_twice(
    content: Path, articles: Sequence[Article], problems: Problems, texts: LongTexts | None = None
) -> None:
    """A warning on each article whose title and text are another's of the same outlet,
    paragraph for paragraph (those of :data:`SAME_WORDS_MIN` words or more, two at least):
    one story captured twice (saved again, with other line ends, under another id), which
    would be listed twice; the evidence counts them as one line either way
    (:func:`same_text`).  A version under another headline, kept on purpose, is none.
    ``texts``: :func:`long_texts` of ``articles``, when made already."""
    seen: dict[tuple[str, frozenset[str]], list[tuple[str, Article]]] = {}
    story = stories(articles)
    for a, found in long_texts(articles) if texts is None else texts:
        held = frozenset(found)
        if len(held) < 2:
            continue
        earlier = seen.setdefault((_outlet_key(a.outlet, a.publisher_entity), held), [])
        title = _title_key(a.title)
        first = next((e for key, e in earlier if _same_title(key, title)), None)
        earlier.append((title, a))
        if first is not None and story[first.id] != story[a.id]:
            problems.warning(
                display_path(content / a.source_file),
                None,
                f"the same text as '{first.id}', of the same outlet, paragraph for paragraph: "
                "one story captured twice? Keep one: the site lists both, as two articles (the "
                "evidence counts them as one)",
            )


def stories(articles: Iterable[Article]) -> dict[str, str]:
    """The story of each article: the first capture its chain of ``updates`` leads back to
    (itself when it updates none known), or the least id of a ring the chain ends in. A
    chain of captures is one story however long: its third may hold its first's text."""
    return {aid: first for aid, (first, _) in story_chains(articles).items()}


def story_chains(articles: Iterable[Article]) -> dict[str, tuple[str, int]]:
    """Each article's story (see :func:`stories`) and how many captures come before it in
    its chain (0 for the first, and for an article that updates none known); -1 for the
    captures of a ring (an error of its own) and those whose chain ends in one.  Each
    article is walked from once, so a chain of thousands is read in linear time."""
    by_id = {a.id: a for a in articles}
    story: dict[str, tuple[str, int]] = {}
    for start in by_id:
        walk: dict[str, int] = {}  # the articles of this walk, in order
        at: str | None = start
        while at is not None and at in by_id and at not in story and at not in walk:
            walk[at] = len(walk)
            at = by_id[at].updates
        path = list(walk)
        if at is not None and at in story:  # a chain walked before
            first, before = story[at]
            ring = before < 0
        elif at is not None and at in walk:  # a ring
            first, before, ring = min(path[walk[at] :]), -1, True
        else:  # the last walked is the first capture
            first, before, ring = path[-1], -1, False
        for n, aid in enumerate(reversed(path), start=1):
            story[aid] = (first, -1 if ring else before + n)
    return story


def _title_key(title: str) -> str:
    """A title as :func:`_same_title` compares it: its letters and digits, case folded.
    Made once for each article: one outlet's 1,000 copies of one agency text under as many
    titles made it for each pair, half a million times (15 s of a check)."""
    return "".join(c for c in title.casefold() if c.isalnum())


def _same_title(one: str, other: str) -> bool:
    """Whether two titles (their :func:`_title_key`) are one, their case, punctuation and
    an update's prefix or the outlet's suffix aside (one holds the other whole)."""
    return bool(one and other) and (one in other or other in one)
