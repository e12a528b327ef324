"""Near copies: two articles most of whose text is one, lightly edited.

An aggregator or a regional outlet copying a story rarely keeps it word for word: it
writes numbers its own way ("40" for "forty"), fixes a typo, drops "on Tuesday", swaps
"said" for "stated", cuts a clause, spells "Aliev" for "Aliyev" or "center" for "centre",
joins paragraphs or adds one of its own.  :func:`~.evidence.same_text` finds a copy only
when paragraphs are word for word the same; this finds the others, in two steps whose
cost grows with the archive, never with its pairs:

* **Candidates.**  Each long paragraph (see :func:`~.evidence.long_texts`) is known by its
  first and its last :data:`END_KEY` characters (case folded): a light edit within a
  paragraph leaves one end or the other as it was, and a paragraph joined to the next keeps
  both.  A brief (:data:`BRIEF_PARAGRAPHS` long paragraphs or fewer) is known by each of its
  sentences' ends too: one of one paragraph has two ends only, and a copy whose first or
  last words were edited (a lede's "The Port of Baku" as "Baku's port") kept one of them,
  and was never compared.  An inverted index of these keys gives the pairs of articles sharing
  :data:`CANDIDATE_KEYS` of them; a key held by more than :data:`STOCK` articles is a stock
  line (a boilerplate sentence, a background paragraph every story keeps), which joins no
  pair.  Reading every word of 10,000 articles took one to two seconds, a tenth of a load;
  these keys take a hundredth of that.
* **The test.**  Each candidate's words are folded (see :func:`_words`: case, punctuation,
  numbers in words or digits as one, vowels and doubled letters dropped, so spelling and
  transliteration aside) and cut into overlapping runs of :data:`SHINGLE` words.  Two
  articles are near copies when the shorter's runs are mostly in the other
  (:data:`SHARE_MIN` of their weight), spread over most of its paragraphs
  (:data:`SPREAD_MIN`) and two paragraphs of each at least (one passage in common is a
  background paragraph or a statement; but two texts of one paragraph each, the whole of
  both, a brief two outlets reprint, are compared whole), with at least :data:`OWN_MIN` runs of the
  reporter's own prose in common, and the other's runs in the shorter's are not a small
  part of it (:data:`LONGER_MIN`: a digest holding three stories or more joins none of
  them).  Words within quotation marks weigh :data:`QUOTED_WEIGHT` of the reporter's own:
  two reports of one statement share its quoted words, not the prose around them.  Two
  that are not may still share a passage (:meth:`_Profile.shares_passage`): a press
  release reprinted with its first and last paragraphs rewritten keeps its middle.

The exact rule's pairs are weighed by the same runs (:meth:`Words.mostly_shared`): two
paragraphs word for word are one text only when they are half of the shorter's.

A story copied, lightly edited, by more than :data:`STOCK` outlets is not found by this
(its paragraphs' ends are stock lines); the exact rule finds its copies that keep two
paragraphs word for word, and its chain, a dateline or a credit line the others.
"""

from __future__ import annotations

import functools
import itertools
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeGuard, TypeVar

from ..cache import RecordCache
from ..model import Article, Dependency
from ..patterns import later
from ..text import IDEOGRAPHIC, normalise_text

T = TypeVar("T")
#: Whether a cache's entry is what it should be.
Valid = Callable[[object], TypeGuard[T]]

#: How many characters of each end of a long paragraph it is known by as a candidate.
END_KEY = 40
#: A paragraph's end held by more articles than this is a stock line: it joins no pair.
STOCK = 16
#: How many paragraph ends two articles must share to be compared at all.
CANDIDATE_KEYS = 2
#: An article of this many long paragraphs or fewer is known by its sentences' ends too.
BRIEF_PARAGRAPHS = 2
#: How many (folded) words a run compared has.
SHINGLE = 5
#: What a run within quotation marks weighs, the reporter's own words weighing one.
QUOTED_WEIGHT = 0.25
#: The share of the shorter text's runs (by weight) the other must hold.
SHARE_MIN = 0.6
#: The same, for two articles holding two paragraphs word for word (the exact rule).
EXACT_SHARE_MIN = 0.5
#: The share of the longer text's runs (by weight) the shorter must hold.
LONGER_MIN = 0.4
#: The share of the shorter text's paragraphs of prose that must be mostly in the other.
SPREAD_MIN = 0.6
#: How many runs of the reporter's own words (not within quotation marks) the two must share.
OWN_MIN = 10
#: How many articles' runs of words are kept for the next pair (see :class:`Words`).
KEPT = 64
#: A paragraph of prose: one holding at least this many runs outside quotation marks.
PROSE_RUNS = 3
#: How many paragraphs of prose in a row, each mostly in the other text, make a passage two
#: texts share (see :meth:`_Profile.shares_passage`): more than two, which two stories keep
#: as background.
PASSAGE_PARAGRAPHS = 3
#: How many runs of the reporter's own words such a passage holds, found in the other.
PASSAGE_RUNS = 60

#: Each article in published order with its long paragraphs' texts (as
#: :func:`~.evidence.long_texts` makes them).
LongTexts = Sequence[tuple[Article, Sequence[str]]]

#: Numbers in words: with digits, each run of them is one "#" ("one million", "1,000,000").
_NUMBERS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred thousand million billion trillion dozen"
)
_NUMBER_WORDS = frozenset(_NUMBERS.split())
#: Letters a word is written without: vowels (so "Aliyev" and "Aliev", "colour" and "color",
#: "frist" and "first" are one), and "z" as "s" ("organize", "organise").
_FOLD = str.maketrans({**dict.fromkeys("aeiouyáàâäãåéèêëíìîïóòôöõúùûüýÿ", None), "z": "s"})
#: A word: a run of letters and digits, or one character of Chinese or Japanese, whose words
#: no space parts (a Chinese paragraph was one "word" up to its first comma).
_WORD = later(rf"[{IDEOGRAPHIC}]|[^\W{IDEOGRAPHIC}]+")
#: The marks a letter may carry (NFKD's combining diacritical marks).
_MARKS = later("[\u0300-\u036f]")
#: Letters that are no other letter with a mark, and that a keyboard without them writes as
#: one (Azerbaijani "ə" as "e", Turkish and Azerbaijani "ı" as "i").
_PLAIN_LETTERS = str.maketrans({"ə": "e", "ı": "i"})
_DOUBLED = later(r"(\w)\1+")
_PERCENT = later(r"%|\bper cent\b")


def near_copies(
    texts: LongTexts, known: Callable[[str, str], bool], words: Words
) -> Iterator[Dependency]:
    """The near copies among ``texts`` (each article, in published order, with its long
    paragraphs' normalised texts: see :func:`~.evidence.long_texts`) that ``known`` (the
    later's id, the earlier's) does not already join: the later on the earlier.  Only the
    candidates' words are read (``words``), all their paragraphs' (a short one too weighs)."""
    for earlier, later_ in _candidates(texts):
        one, other = texts[later_][0], texts[earlier][0]
        if known(one.id, other.id):
            continue
        if words.near_copy(one, other):
            yield Dependency(one.id, other.id, "shares-text")
        elif words.shares_passage(one, other):
            yield Dependency(one.id, other.id, "shares-passage")


class PairMemo:
    """What comparing two articles' words gave (:meth:`Words.near_copy`,
    :meth:`Words.mostly_shared`), kept in the record cache under the cache keys of both
    (what each was read from: ``keys``, see :func:`.articles.load_articles`): a build
    compares again only the pairs of which an article changed.  Reading the words of 2,000
    near copies at 10,000 articles took 5 s of every load, an edit's too."""

    KIND = "word-pairs"

    def __init__(self, cache: RecordCache, keys: Mapping[str, str]) -> None:
        self.cache = cache
        self.keys = keys

    @classmethod
    def of(cls, cache: RecordCache | None, keys: Mapping[str, str]) -> PairMemo | None:
        """The memo of a build with a cache; None without one."""
        return None if cache is None else cls(cache, keys)

    def one(self, kind: str, article: str, compute: Callable[[], T], valid: Valid[T]) -> T:
        """What ``compute()`` gives of the one article ``article`` (which reads nothing but
        the article), kept under its cache key as an entry of ``kind``; a kept entry is used
        only when ``valid`` (a cache is never trusted)."""
        mine = self.keys.get(article)
        if mine is None:  # (an article whose files changed while read)
            return compute()
        key = self.cache.key(kind, mine)
        found = self.cache.get(kind, key)
        if valid(found):
            return found
        value = compute()
        self.cache.put(kind, key, value)
        return value

    def get(self, test: str, one: str, other: str, compute: Callable[[], bool]) -> bool:
        """What ``test`` gave for ``one`` and ``other``: kept, else ``compute()``."""
        mine, theirs = self.keys.get(one), self.keys.get(other)
        if mine is None or theirs is None:  # (an article whose files changed while read)
            return compute()
        key = self.cache.key(test, mine, theirs)
        found = self.cache.get(self.KIND, key)
        if isinstance(found, bool):
            return found
        value = compute()
        self.cache.put(self.KIND, key, value)
        return value


class Words:
    """The runs of words of the articles read last (see :class:`_Profile`): the
    :data:`KEPT` read last are kept, not all: an article's runs are some 100 KB (800 words),
    and 2,000 copies' were 200 MB.  The pairs come in order of the earlier article, so that
    one is read once for all the pairs it is in."""

    def __init__(self, memo: PairMemo | None = None) -> None:
        self._read: OrderedDict[str, _Profile] = OrderedDict()
        self.memo = memo  # what comparing two articles gave, kept from an earlier build

    def of(self, a: Article) -> _Profile:
        found = self._read.get(a.id)
        if found is None:
            found = _Profile.of(normalise_text(p.text) for p in a.paragraphs)
            self._read[a.id] = found
            if len(self._read) > KEPT:
                self._read.popitem(last=False)
        else:
            self._read.move_to_end(a.id)
        return found

    def mostly_shared(self, one: Article, other: Article) -> bool:
        """Whether what two articles hold word for word is :data:`EXACT_SHARE_MIN` of the
        shorter's text (see :func:`~.evidence.same_text`), words within quotation marks
        weighing :data:`QUOTED_WEIGHT`: two stories keeping two stock background
        paragraphs, or printing two paragraphs of one briefing's words, are two stories."""

        def compute() -> bool:
            mine, theirs = self.of(one), self.of(other)
            short, long_ = (mine, theirs) if mine.weight <= theirs.weight else (theirs, mine)
            return short.found_in(long_.runs).weight >= EXACT_SHARE_MIN * short.weight

        return self._kept("mostly-shared", one, other, compute)

    def near_copy(self, one: Article, other: Article) -> bool:
        """Whether ``one`` and ``other`` are near copies (see :meth:`_Profile.near_copy`)."""
        return self._kept("near-copy", one, other, lambda: self.of(one).near_copy(self.of(other)))

    def shares_passage(self, one: Article, other: Article) -> bool:
        """Whether ``one`` and ``other`` share a passage (see
        :meth:`_Profile.shares_passage`)."""
        return self._kept(
            "shares-passage", one, other, lambda: self.of(one).shares_passage(self.of(other))
        )

    def _kept(self, test: str, one: Article, other: Article, compute: Callable[[], bool]) -> bool:
        return compute() if self.memo is None else self.memo.get(test, one.id, other.id, compute)


def _candidates(texts: LongTexts) -> list[tuple[int, int]]:
    """The pairs of articles (their places in ``texts``, the earlier first) sharing
    :data:`CANDIDATE_KEYS` paragraph ends at as many places of each (see :func:`_ends`: a
    brief's sentence shared whole, its two ends, is one place), none of them held by more
    than :data:`STOCK`.  A key held once is held as one number, its article's place and the
    key's (see :func:`_held`), not in a list: 160,000 lists for the paragraphs of 10,000
    articles made the collector go through the whole archive (0.7 s)."""
    holders: dict[str, int | list[int]] = {}
    for n, (_, found) in enumerate(texts):
        for key, place in _ends(found).items():
            held = holders.get(key)
            if held is None:
                holders[key] = _held(n, place)
            elif isinstance(held, int):
                holders[key] = [held, _held(n, place)]
            elif len(held) <= STOCK:
                held.append(_held(n, place))
    places: dict[tuple[int, int], set[tuple[int, int]]] = {}
    for held in holders.values():
        if isinstance(held, list) and len(held) <= STOCK:
            for i, one in enumerate(held):
                for other in held[i + 1 :]:
                    pair = (one >> _PLACE_BITS, other >> _PLACE_BITS)
                    places.setdefault(pair, set()).add((one & _PLACE, other & _PLACE))
    return sorted(pair for pair, shared in places.items() if _apart(shared))


#: The bits of a key's place in its article (see :func:`_held`).
_PLACE_BITS = 20
_PLACE = (1 << _PLACE_BITS) - 1


def _held(article: int, place: int) -> int:
    """An article's place in the texts and a key's place in it, as one number."""
    return article << _PLACE_BITS | min(place, _PLACE)


def _apart(shared: set[tuple[int, int]]) -> bool:
    """Whether the places of keys two articles share are :data:`CANDIDATE_KEYS` or more
    apart in each of the two."""
    return len(shared) >= CANDIDATE_KEYS and all(
        len({p[side] for p in shared}) >= CANDIDATE_KEYS for side in (0, 1)
    )


def _ends(found: Sequence[str]) -> dict[str, int]:
    """The keys of an article's long paragraphs, each with its place: each one's first and
    last :data:`END_KEY` characters, case folded and without their marks (see
    :func:`_plain`), once each, two places; in a brief (:data:`BRIEF_PARAGRAPHS` long
    paragraphs or fewer), each sentence's too (see :func:`_cuts`), as if it were a paragraph
    of its own, but its two ends one place: a copy of a brief whose first or last words were
    edited keeps its other sentences' ends, a paragraph of the other's that the brief joined
    to the next opens and ends as it did, and two texts sharing a sentence (a statement's
    figure, a background line) share one place."""
    keys: dict[str, int] = {}
    brief = len(found) <= BRIEF_PARAGRAPHS
    pieces = ((t, *cut) for t in found for cut in (_cuts(t) if brief else ((0, len(t)),)))
    for n, (text, start, end) in enumerate(pieces):
        if text.isascii():
            head = text[start : start + END_KEY].casefold()
            tail = text[max(start, end - END_KEY) : end].casefold()
        else:  # (a letter and its mark may be two characters: cut when plain)
            head = _plain(text[start : start + 2 * END_KEY].casefold())[:END_KEY]
            tail = _plain(text[max(start, end - 2 * END_KEY) : end].casefold())[-END_KEY:]
        keys.setdefault("<" + head, 2 * n)
        keys.setdefault(">" + tail, 2 * n + (not brief))
    return keys


#: The end of a (normalised) text's sentence: a full stop, a question or exclamation mark or
#: an ellipsis, the quotation marks or brackets closing there, then a space.  Cruder than
#: :func:`~archive_site.text.sentence_spans` (abbreviations, ordinals), which took seconds
#: over the paragraphs of 10,000 articles (this, a fifth of one): here a cut need only be
#: made alike in two copies.
SENTENCE_END = later(r"[.!?\u2026][\"')\]]*(?= )")


def _cuts(text: str) -> list[tuple[int, int]]:
    """Where ``text`` is cut into sentences (see :data:`SENTENCE_END`): each one's start and
    end, the first starting and the last ending where the text does."""
    ends = [m.end() for m in SENTENCE_END().finditer(text)]
    starts = [0, *(e + 1 for e in ends)]
    return list(zip(starts, [*ends, len(text)], strict=True))


def _plain(text: str) -> str:
    """``text`` as a keyboard without its letters' marks writes it: "İlham Əliyev" as
    "ilham eliyev", "объём" as "объем", "Türkiye" as "turkiye" (a copy typed so, or
    written by an outlet that drops "ё", is the same text)."""
    if text.isascii():
        return text
    return _MARKS().sub("", unicodedata.normalize("NFKD", text)).translate(_PLAIN_LETTERS)


def _words(text: str) -> list[str]:
    """``text``'s words as two copies are compared: case folded, without punctuation or the
    marks on letters (see :func:`_plain`), each character of Chinese or Japanese a word, a run
    of numbers in words or digits one ``#`` ("one million", "1,000,000"), "per cent" and
    "%" as "percent", each word without its vowels and doubled letters (see
    :func:`_folded`)."""
    out: list[str] = []
    plain = _plain(text.casefold())
    for word in map(_folded, _WORD().findall(_PERCENT().sub(" percent ", plain))):
        if word and (word != "#" or not out or out[-1] != "#"):
            out.append(word)
    return out


@functools.lru_cache(maxsize=1 << 16)
def _folded(word: str) -> str:
    """A (case folded) word as :func:`_words` compares it: ``#`` for a number, else without
    its vowels and doubled letters.  Kept for the next time: an article's words are mostly
    words read before, and folding each anew was four fifths of reading an article."""
    if word.isdigit() or word in _NUMBER_WORDS:
        return "#"
    return _DOUBLED().sub(r"\1", word.translate(_FOLD))


#: A paragraph's runs of words, and whether each is (in part) within quotation marks.
_Runs = tuple[tuple[tuple[str, ...], ...], tuple[bool, ...]]


def _runs(text: str) -> _Runs:
    """A paragraph's runs of :data:`SHINGLE` folded words, and for each whether a word of it
    is within quotation marks (``"``, as :func:`~archive_site.text.normalise_text` folds
    them; a quotation left open runs to the paragraph's end)."""
    if '"' not in text:
        words = _words(text)
        runs = tuple(zip(*(words[i:] for i in range(SHINGLE)), strict=False))
        return runs, (False,) * len(runs)
    words = []
    quoted = [0]  # how many of the words so far are quoted
    for n, piece in enumerate(text.split('"')):
        found = _words(piece)
        words += found
        before, flag = quoted[-1], n % 2
        quoted += [before + flag * k for k in range(1, len(found) + 1)]
    runs = tuple(zip(*(words[i:] for i in range(SHINGLE)), strict=False))
    return runs, tuple(q != p for q, p in zip(quoted[SHINGLE:], quoted, strict=False))


@dataclass(frozen=True, slots=True)
class _Found:
    """What of one text's runs another holds: their weight, how many of them are the
    reporter's own (not quoted), the share of its paragraphs of prose (see
    :data:`PROSE_RUNS`) whose own runs are mostly found, and how many paragraphs hold
    :data:`PROSE_RUNS` own runs found at least."""

    weight: float
    own: int
    spread: float
    paragraphs: int


@dataclass(frozen=True, slots=True)
class _Profile:
    """An article's runs of words, paragraph by paragraph, and all of them as a set."""

    paragraphs: tuple[_Runs, ...]
    runs: frozenset[tuple[str, ...]]
    weight: float

    @classmethod
    def of(cls, texts: Iterable[str]) -> _Profile:
        paragraphs = tuple(r for r in map(_runs, texts) if r[0])
        runs = frozenset(itertools.chain.from_iterable(r for r, _ in paragraphs))
        quoted = sum(sum(q) for _, q in paragraphs)
        weight = sum(len(r) for r, _ in paragraphs) - (1 - QUOTED_WEIGHT) * quoted
        return cls(paragraphs, runs, weight)

    def near_copy(self, other: _Profile) -> bool:
        """Whether the shorter of the two is mostly in the other, over two paragraphs of each
        at least: one passage in common is a background paragraph, a quoted statement (see
        the module's note)."""
        short, long_ = (self, other) if self.weight <= other.weight else (other, self)
        if not short.weight:
            return False
        mine = short.found_in(long_.runs)
        if mine.weight < SHARE_MIN * short.weight or mine.own < OWN_MIN:
            return False
        if mine.spread < SPREAD_MIN or mine.paragraphs < short.least_paragraphs:
            return False
        theirs = long_.found_in(short.runs)
        # (two texts of one paragraph each, the whole of both: a brief or a statement two
        # outlets reprint, lightly edited, is one text, as it is word for word)
        briefs = len(short.paragraphs) == len(long_.paragraphs) == 1
        return (
            theirs.weight >= LONGER_MIN * long_.weight
            and theirs.paragraphs >= long_.least_paragraphs
            and (max(mine.paragraphs, theirs.paragraphs) >= 2 or briefs)
        )

    def shares_passage(self, other: _Profile) -> bool:
        """Whether the two hold one passage: :data:`PASSAGE_PARAGRAPHS` paragraphs of prose
        in a row of one of them (paragraphs of no prose between them aside), each mostly in
        the other, of :data:`PASSAGE_RUNS` runs of the reporter's own words found there.  A
        press release three sites reprint with their own first and last paragraphs keeps its
        middle; two stories keeping one or two background paragraphs or a formula, or
        printing a statement's quoted words, hold no such passage."""
        for one, two in ((self, other), (other, self)):
            row = runs = 0
            for found, mine in one.prose_found_in(two.runs):
                mostly = 2 * found >= mine
                row, runs = (row + 1, runs + found) if mostly else (0, 0)
                if row >= PASSAGE_PARAGRAPHS and runs >= PASSAGE_RUNS:
                    return True
        return False

    def prose_found_in(self, runs: frozenset[tuple[str, ...]]) -> Iterator[tuple[int, int]]:
        """For each paragraph of prose (see :data:`PROSE_RUNS`), in order, how many of its
        runs of the reporter's own words ``runs`` holds, and how many it has."""
        for paragraph, flags in self.paragraphs:
            own = [run for run, quoted in zip(paragraph, flags, strict=True) if not quoted]
            if len(own) >= PROSE_RUNS:
                yield sum(run in runs for run in own), len(own)

    @property
    def least_paragraphs(self) -> int:
        """How many of its paragraphs the other's text must be found in: two, or its one (a
        copy set as one block, its paragraphs run together, was never one), so long as
        two of the other's hold the text in common: one passage in common (a background
        paragraph, a statement) joins no two texts, however short."""
        return min(2, len(self.paragraphs))

    def found_in(self, runs: frozenset[tuple[str, ...]]) -> _Found:
        """What of this text's runs ``runs`` holds."""
        shared = 0.0
        own = prose = mostly = holding = 0
        for paragraph, flags in self.paragraphs:
            mine = found = 0
            for run, quoted in zip(paragraph, flags, strict=True):
                hit = run in runs
                shared += _weight(quoted) if hit else 0.0
                if not quoted:
                    mine += 1
                    found += hit
            own += found
            holding += found >= PROSE_RUNS
            if mine >= PROSE_RUNS:
                prose += 1
                mostly += 2 * found >= mine
        return _Found(shared, own, mostly / prose if prose else 0.0, holding)


def _weight(quoted: bool) -> float:
    return QUOTED_WEIGHT if quoted else 1.0
