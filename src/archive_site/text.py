"""Text matching: normalising for quote checks, and finding names in text.

Quotes are matched *exactly* after normalising only what a copy-and-paste
changes without changing the words: runs of white space, typographic quotes
and apostrophes, and dashes.  Nothing is ever matched fuzzily.
"""

from __future__ import annotations

import functools
import itertools
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from .dates import MONTH_PATTERN, OTHER_MONTH_PATTERN
from .patterns import later

_FOLD = {
    **dict.fromkeys("‘’‚‛′`´", "'"),
    **dict.fromkeys("“”„‟″«»", '"'),
    **dict.fromkeys("‐‑‒–—―−", "-"),
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
}


class Normalised(NamedTuple):
    """Normalised text, and how to map its offsets back to the original.

    The text is made of segments copied from the original (folding changes
    characters one for one) and single spaces standing for runs of white space;
    ``starts[k]`` is where segment ``k`` begins in the normalised text and
    ``origins[k]`` where it begins in the original.
    """

    text: str
    starts: tuple[int, ...]
    origins: tuple[int, ...]

    def original(self, i: int) -> int:
        """The offset in the original text of offset ``i`` of the normalised text."""
        k = bisect_right(self.starts, i) - 1
        return self.origins[k] + (i - self.starts[k])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a non-empty span of the normalised text back to the original text."""
        return self.original(start), self.original(end - 1) + 1


_TABLE = str.maketrans(_FOLD)
_ASCII_FOLDED = "".join(c for c in _FOLD if c.isascii())
assert _ASCII_FOLDED == "`"  # the backtick: one ``in`` test tells an ASCII text (below)


_FOLDED = later("[" + re.escape("".join(_FOLD)) + "]")


def fold(text: str) -> str:
    """Typographic quotes, dashes and spaces as their plain forms, one character for one
    (offsets unchanged); ``text`` itself, not a copy, when it has none of them."""
    if text.isascii():
        return text.translate(_TABLE) if "`" in text else text
    return text.translate(_TABLE) if _FOLDED().search(text) else text


_SPACE = later(r"[\s\u200b]+")
#: Characters that show nothing where they stand: a soft hyphen, zero-width joiners
#: (Persian writes رئیس‌جمهور with one), marks of writing direction (left-to-right,
#: right-to-left, Arabic), a word joiner, a byte order mark.  (A zero-width space parts
#: words, as white space does.) A page's
#: text may hold them and a quote copied from it not, or the other way round: normalising
#: drops them.
INVISIBLE = "\u00ad\u200c\u200d\u200e\u200f\u061c\u2060\ufeff"
INVISIBLE_RUN = later(f"[{INVISIBLE}]+")
# What normalising changes: white space at the ends, runs of it, and white space
# other than a plain space (a single space between words is kept as it is); and the
# characters that show nothing, dropped (a run of both is one space, or none at the ends).
_COLLAPSE = later(
    rf"^[\s\u200b{INVISIBLE}]+|[\s\u200b{INVISIBLE}]+\Z|[\s\u200b{INVISIBLE}]{{2,}}|[^\S ]"
    rf"|\u200b|[{INVISIBLE}]"
)


def _clean(folded: str) -> bool:
    """Whether normalising would leave ``folded`` as it is (quicker to tell than to do):
    every white space character but the plain space is unprintable."""
    return (
        folded.isprintable()
        and "  " not in folded
        and folded[:1] not in ("", " ")
        and folded[-1:] != " "
    )


def normalise(original: str) -> Normalised:
    """Fold quotes and dashes, collapse white space, strip the ends."""
    folded = fold(original)
    if _clean(folded):
        size = len(folded)
        return Normalised(folded, (0, 0, size), (0, 0, size))
    pieces: list[str] = []
    starts: list[int] = [0]
    origins: list[int] = [0]
    size = 0
    pos = 0
    for m in _COLLAPSE().finditer(folded):
        start, end = m.span()
        piece = folded[pos:start]
        if piece:
            starts.append(size)
            origins.append(pos)
            pieces.append(piece)
            size += len(piece)
        if start > 0 and end < len(folded) and not INVISIBLE_RUN().fullmatch(m[0]):
            starts.append(size)
            origins.append(start)
            pieces.append(" ")
            size += 1
        pos = end
    if pos < len(folded):
        starts.append(size)
        origins.append(pos)
        pieces.append(folded[pos:])
        size += len(folded) - pos
    starts.append(size)
    origins.append(len(original))
    return Normalised("".join(pieces), tuple(starts), tuple(origins))


def normalise_text(text: str) -> str:
    """``text`` as quotes are matched (see :func:`fold`, :data:`INVISIBLE_RUN`), its white
    space one space between words; ``text`` itself, not a copy, when that changes nothing
    (the evidence keys every long paragraph of an archive by it, at every build: copies of
    them all were 48 MB of a build at 10,000 articles).  Whether it changes anything is
    told by :func:`_clean`'s few scans in C: a pattern searched at every character made
    this a second of a 10,000-article rebuild."""
    text = fold(text)
    if _clean(text):
        return text
    if not text.isascii() and INVISIBLE_RUN().search(text):
        text = INVISIBLE_RUN().sub("", text)
    return _SPACE().sub(" ", text).strip()


def find_all(haystack: str, needle: str) -> list[int]:
    """Every start offset of ``needle`` in ``haystack``, overlapping ones included."""
    found: list[int] = []
    if not needle:
        return found
    i = haystack.find(needle)
    while i != -1:
        found.append(i)
        i = haystack.find(needle, i + 1)
    return found


def longest_matching_prefix(haystacks: Sequence[str], needle: str) -> tuple[int, int]:
    """Length of the longest prefix of ``needle`` found in any haystack, and which one.

    Used to tell an archivist *where* a quote stops matching its source.
    """
    lo, hi, best = 0, len(needle), (0, -1)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        where = next((n for n, h in enumerate(haystacks) if needle[:mid] in h), -1)
        if where >= 0:
            lo, best = mid, (mid, where)
        else:
            hi = mid - 1
    return best


#: Scripts written without spaces between words (Chinese, Japanese; and Korean, whose names
#: take particles): a name in one is found wherever it stands, not only as a whole word.
_UNSPACED_RANGES = (
    ("\u3040", "\u30ff"),
    ("\u3400", "\u4dbf"),
    ("\u4e00", "\u9fff"),
    ("\uac00", "\ud7af"),
)
_UNSPACED = "".join(f"{first}-{last}" for first, last in _UNSPACED_RANGES)
_FIRST_UNSPACED = _UNSPACED_RANGES[0][0]
#: The characters of the scripts written with no space between words (kana and Han: not
#: Hangul, whose words are spaced), each of them counted as one word.
IDEOGRAPHIC = "".join(f"{first}-{last}" for first, last in _UNSPACED_RANGES[:3])
_IDEOGRAPH = later(f"[{IDEOGRAPHIC}]")


def word_count(text: str) -> int:
    """How many words ``text`` has: those between its spaces, and each character of Chinese
    or Japanese, whose words no space parts."""
    spaced = len(text.split())
    return spaced if text.isascii() else spaced + len(_IDEOGRAPH().findall(text))


def at_least_words(text: str, least: int) -> bool:
    """Whether ``text`` has ``least`` words or more: those between its spaces, and each
    character of Chinese or Japanese, whose words no space parts (a paragraph of 120 Han
    characters is no one word)."""
    spaced = text.count(" ") + 1
    if spaced >= least or text.isascii():
        return spaced >= least
    return spaced + len(_IDEOGRAPH().findall(text)) >= least


@functools.cache
def _word() -> re.Pattern[str]:
    """A word, as names are indexed by their first: a run of letters and digits, or one
    character of those scripts.  Compiled on first use: a class of those ranges takes
    Python 3 ms to compile, and a build whose records are cached finds no names."""
    return re.compile(rf"[{_UNSPACED}]|[^\W{_UNSPACED}]+")


#: Above this many words that can start a name, :class:`NameFinder` visits every word of
#: the text and looks it up, rather than searching for all of them at once: Python's
#: regular expressions try an alternation's words one after another, so that search grows
#: with their number (5,000 names: 2.3 s for 1.5 MB of text), the lookup does not.
MOST_ALTERNATIVES = 200


class NameFinder:
    """Finds names (entity names and aliases) in text: whole words, longest name first.

    Text and names are compared after the same normalising as quotes (typographic
    apostrophes and dashes, runs of white space), so "People’s Republic of China"
    is found for "People's Republic of China".  Names are indexed by their first
    word, so finding them costs a dictionary lookup per word of text.
    """

    def __init__(
        self, names: Iterable[tuple[str, str | None]], most_alternatives: int = MOST_ALTERNATIVES
    ) -> None:
        """``names`` are (name, key) pairs; a match reports the key.  A name whose key is
        None is found and reported as nothing: a longer name holding another that is not
        what it names ("Shanghai Spirit" holds "Shanghai", and is no mention of the city).
        Of two equal names, the first given is kept."""
        by_first: dict[str, dict[str, str | None]] = {}
        for name, key in names:
            norm = normalise_text(name)
            first = _word().match(norm)
            if first is None or not norm:
                continue
            by_first.setdefault(first.group(), {}).setdefault(norm, key)
        self._by_first = {
            word: sorted(found.items(), key=lambda nk: (-len(nk[0]), nk[0]))
            for word, found in by_first.items()
        }
        # The words that can start a name, not run on into a next letter (a few of them):
        # the scan visits only them, not every word of the text.  That a match does not
        # start inside a word is checked apart (see find): a pattern opening with that
        # look-behind is tried at every place of the text, one opening with the words
        # jumps to the places where one of their first letters stands, four times faster.
        firsts = "|".join(re.escape(w) for w in sorted(by_first, key=lambda w: (-len(w), w)))
        self._few = 0 < len(by_first) <= most_alternatives
        spaced = rf"[^\W{_UNSPACED}]"  # a letter of a word of spaced text
        self._firsts = re.compile(rf"(?:{firsts})(?!{spaced})") if self._few else _word()

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, key) of each non-overlapping match in ``text``, in order."""
        if not self._by_first:
            return []
        norm = normalise(text)
        t = norm.text
        by_first = self._by_first
        out: list[tuple[int, int, str]] = []
        taken = 0
        search, few, at = self._firsts.search, self._few, 0
        while (word := search(t, at)) is not None:
            i = word.start()
            if few and i and _spaced_letter(t[i - 1]):
                at = i + 1  # inside a word: as a look-behind would, try the next place
                continue
            at = word.end()
            names = by_first.get(word.group())
            if i < taken or names is None:
                continue
            for name, key in names:
                end = i + len(name)
                if t.startswith(name, i) and not (
                    end < len(t) and _spaced_letter(name[-1]) and _spaced_letter(t[end])
                ):
                    if key is not None:
                        start, stop = norm.span(i, end)
                        out.append((start, stop, key))
                    taken = end
                    break
        return out


def _spaced_letter(char: str) -> bool:
    """Whether ``char`` belongs to a word of a script written with spaces (a name ending
    with one must not run on into the next)."""
    if not (char.isalnum() or char == "_"):
        return False
    return char < _FIRST_UNSPACED or all(not a <= char <= b for a, b in _UNSPACED_RANGES)


#: Marks that open and close a quotation; a straight double quote does both.
_OPENING = "“„«‹「『"
_CLOSING = "”“»›」』"
_MARKS = "".join(dict.fromkeys(_OPENING + _CLOSING))
_MARK = later(f"[{_MARKS}]")


def in_quotation_marks(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies within quotation marks (or is quoted whole, its
    marks included): the nearest mark before it opens a quotation, the nearest after closes
    it (straight double quotes: an odd number of them before it)."""
    return quotation_around(text, start, end) is not None


def quotation_around(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the quotation, its marks included, that ``text[start:end]`` lies within
    (see :func:`in_quotation_marks`), if it lies within one."""
    if end <= start:
        return None
    if text.count('"', 0, start + 1) % 2 == 1 and (close := text.find('"', end - 1)) >= 0:
        return text.rfind('"', 0, start + 1), close + 1
    last = max(text.rfind(mark, 0, start + 1) for mark in _MARKS)  # (each found in C)
    after = _MARK().search(text, end - 1)
    if last < 0 or after is None:
        return None
    if text[last] not in _OPENING or after.group() not in _CLOSING:
        return None
    return last, after.end()


#: Each mark that opens a quotation, and the marks that close it: English “...”, German
#: „...“ (or „...”), French «...» and ‹...›, Chinese and Japanese 「...」 and 『...』,
#: straight "...", and single ‘...’ and '...'.
_CLOSERS = {
    "“": "”",
    "„": "“”",
    "«": "»",
    "‹": "›",
    "「": "」",
    "『": "』",
    '"': '"',
    "‘": "’",
    "'": "'",
}
#: Marks that are apostrophes too, or open and close alike: one opens a quotation only
#: after no letter or digit and before no space ("Azerbaijan's", the "Joint Declaration"),
#: and closes one only after no space and before no letter or digit ("productive" and).
_BY_PLACE = "'\"’"
#: Any of the marks of :data:`_CLOSERS`, opening or closing.
_QUOTATION_MARK = later(
    "[" + re.escape("".join(dict.fromkeys("".join(_CLOSERS) + "".join(_CLOSERS.values())))) + "]"
)


def quotations(text: str) -> list[tuple[int, int]]:
    """The spans of the quotations of ``text`` not within another, their marks included, in
    any of the marks of :data:`_CLOSERS` (a quotation within another, in the same marks
    too: 'emphasized: "... the "Joint Declaration ..." was adopted."'); a quotation left
    open (a quotation going on in the next paragraph) runs to the end."""
    out: list[tuple[int, int]] = []
    open_at: list[tuple[str, int]] = []  # (opening mark, where) of the quotations open
    for m in _QUOTATION_MARK().finditer(text):  # (a loop over every character: 0.1 ms a text)
        at, char = m.start(), m[0]
        before = text[at - 1] if at else " "
        may_open, may_close = _may_open_close(char, before, text[at + 1 : at + 2] or " ")
        top = open_at[-1][0] if open_at else None
        nested = top == char and may_open and before.isspace()  # the "Joint ...": opens
        if top is not None and char in _CLOSERS[top] and may_close and not nested:
            opener = open_at.pop()
            if not open_at:
                out.append((opener[1], at + 1))
        elif char in _CLOSERS and may_open:
            open_at.append((char, at))
    if open_at:
        out.append((open_at[0][1], len(text)))
    return out


def run_on_words(text: str, start: int, end: int) -> str | None:
    """The words after a quotation's closing mark that ``text[start:end]`` runs on into,
    when it starts within the quotation and is not :func:`quoted_throughout`: 'and would
    continue next year' of 'productive” and would continue next year'; else None."""
    around = next(((s, e) for s, e in quotations(text) if s <= start < e), None)
    if around is None or end <= around[1] or quoted_throughout(text, start, end):
        return None
    return text[around[1] : end].strip()


def _may_open_close(char: str, before: str, after: str) -> tuple[bool, bool]:
    """Whether the mark ``char``, between ``before`` and ``after``, may open a quotation,
    and whether it may close one (see :data:`_BY_PLACE`)."""
    if char not in _BY_PLACE:
        return True, True
    return (
        not before.isalnum() and not after.isspace(),
        not before.isspace() and not after.isalnum(),
    )


def quoted_throughout(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds only words within quotation marks (see
    :func:`quotations`), but for the words that, after a quotation ending a clause, hand it
    on to the end of their sentence with no clause of their own ('"The berth will open,"
    Ziyadov said.', « Nos relations sont solides », a déclaré M. Aliev.): words the outlet
    writes around or after the quoted ones ('the talks were “productive” and would continue
    next year', 'He told us: “...”') are not the speaker's words set down as said."""
    held = [(s, e) for s, e in quotations(text) if s < end and start < e]
    if not held or not _no_words(text[start : held[0][0]]):
        return False
    gaps = [(e, s) for (_, e), (s, _) in itertools.pairwise(held)] + [(held[-1][1], end)]
    return all(_no_words(text[a:b]) or _handing_on(text, a, b) for a, b in gaps)


def _no_words(piece: str) -> bool:
    return not any(c.isalnum() for c in piece)


def _handing_on(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, after a quotation ending at ``start``, is words handing
    it on: the quotation ends a clause (a comma, a question or exclamation mark within its
    marks, a comma after them, or, with no space, Chinese and Japanese marks: 「...」と述べた),
    and the words run to their sentence's end with no other clause (', he said.'; not ', he
    said, adding that ...', nor ', he said. The talks ...')."""
    inside = text[max(0, start - 3) : start].rstrip("”“»›’'\" \u00a0")
    words = text[start:end].strip()
    cjk = inside.endswith(("」", "』")) and not text[start : start + 1].isspace()
    if not (cjk or inside.endswith((",", "?", "!", "，")) or words.startswith(",")):
        return False
    body = words.lstrip(",").strip()
    return (
        not any(c in ",;:，；：、" for c in body.rstrip(".…。")) and len(sentence_spans(body)) < 2
    )


# --- sentences ---------------------------------------------------------------------------

#: Words after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st no nos vs etc e.g i.e inc ltd co corp jr sr gen gov sen rep pres "  # noqa: SIM905
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u a.m p.m".split()
)
#: Where a sentence may end: a full stop, question or exclamation mark (and closing quotes
#: or brackets) before white space and what opens the next sentence (``next``: it must be
#: a capital, in any script, or a digit); or a Chinese or Japanese one, with no space.
_BOUNDARY = later(
    # from a run's first mark only, taken whole: a line of 20,000 dots was read from each of
    # them to its end (27 s)
    r"(?<![.!?…])[.!?…]++[\"'”’»)\]]*\s+(?=[\"'“‘«„(\[]?(?P<next>\w))|[。！？]+[”’」』）)]*"
)


#: A month's name, in English or another language, opening a text.
_MONTH_FIRST = later(rf"(?i:{MONTH_PATTERN}|{OTHER_MONTH_PATTERN})(?![^\W\d_])")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Where each sentence of a paragraph starts and ends in it (white space around it
    left out)."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY().finditer(text):
        after = m["next"]
        if after is not None and not (after.isupper() or after.isdigit()):
            continue
        last = _last_word(text, start, m.start() + 1).rstrip(".!?…").lower()
        if last in _ABBREVIATIONS or re.fullmatch(r"[a-z]", last):
            continue
        if re.fullmatch(r"\d{1,2}", last) and _MONTH_FIRST().match(text, m.end()):
            continue  # a day written as an ordinal: "am 2. April 1992"
        out.append(_stripped(text, start, m.end()))
        start = m.end()
    if text[start:].strip():
        out.append(_stripped(text, start, len(text)))
    return out


def _last_word(text: str, start: int, end: int) -> str:
    """The word (what no white space breaks) that ends ``text[start:end]``, found from its
    end: read from ``start`` on, a paragraph of thousands of "Mr. A" or "1. April", no end
    of a sentence among them, was read again whole at each (minutes)."""
    first = end
    while first > start and not text[first - 1].isspace():
        first -= 1
    return text[first:end]


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """``start`` and ``end`` moved past the white space at either end of ``text[start:end]``."""
    piece = text[start:end]
    return start + len(piece) - len(piece.lstrip()), end - len(piece) + len(piece.rstrip())


def opening(text: str) -> str:
    """``text`` opening a sentence or a title: the first letter in capitals when its word is
    all in small letters (``the Caspian Sea``: ``The Caspian Sea``); a word with a capital
    in it, ``iPhone`` or ``eBay``, and any other text, as written."""
    stripped = text.lstrip()
    words = stripped.split(maxsplit=1)
    if not words or not words[0][0].islower() or any(c.isupper() for c in words[0]):
        return text
    first = stripped[0].upper()
    if len(first) != 1:  # (ß: SS)
        return text
    return text[: len(text) - len(stripped)] + first + stripped[1:]


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph, each exactly as written."""
    return [text[start:end] for start, end in sentence_spans(text)]
