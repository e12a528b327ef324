"""Locating a quoted passage in an article's paragraphs."""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from ..model import Article, Paragraph
from ..patterns import later
from ..text import Normalised, find_all, longest_matching_prefix, normalise, normalise_text


class _Prepared(NamedTuple):
    """An article's paragraphs with their normalised texts, and those texts as one."""

    paragraphs: list[tuple[Paragraph, Normalised]]
    text: str
    starts: list[int]


def _prepare(articles: Mapping[str, Article], article: str) -> _Prepared:
    paragraphs = [(p, normalise(p.text)) for p in articles[article].paragraphs]
    texts = [norm.text for _, norm in paragraphs]
    starts = list(itertools.accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    return _Prepared(paragraphs, "\n".join(texts), starts)


def _around(text: str, start: int, end: int, pre: str, suf: str) -> bool:
    """Whether the span ``start:end`` of an article's (normalised) text has ``pre`` just
    before it and ``suf`` just after it (white space aside): in its paragraph, or, for a
    quote opening or ending its paragraph, at the end of the one before or the start of the
    one after (a pull quote or a caption repeating a paragraph's words whole is told from
    it so; "the words just before or after it" of a paragraph's first words are the last
    words of the paragraph before).  ``text``: the paragraphs joined by line breaks."""
    while start and text[start - 1].isspace():
        start -= 1
    while end < len(text) and text[end].isspace():
        end += 1
    return text.endswith(pre, 0, start) and text.startswith(suf, end)


#: The articles whose normalised paragraphs :class:`QuoteIndex` keeps at once: the last
#: ones quoted (milestones quoting one article often come together).  Kept for every
#: article, they were a copy of the whole archive's text, twice (220 MB of a 10,000-article
#: build's 350 MB at the end of loading); normalising an article again costs about as much
#: as searching it once.
KEEP_ARTICLES = 64


class QuoteIndex:
    """The articles' paragraphs, normalised when a quote is looked for in them (a milestone
    taken from the record cache looks for none) and kept for the last
    :data:`KEEP_ARTICLES` articles; their furniture, normalised when a quote is not found."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self._articles = {a.id: a for a in articles}
        # (Not a bound method: the index would hold itself, and be freed by the collector.)
        prepare = functools.partial(_prepare, self._articles)
        self._prepared = functools.lru_cache(maxsize=KEEP_ARTICLES)(prepare)

    def paragraphs(self, article: str) -> list[tuple[Paragraph, Normalised]]:
        """The paragraphs of ``article``, each with its normalised text."""
        return self._prepared(article).paragraphs

    def text(self, article: str) -> tuple[str, list[int]]:
        """The normalised paragraphs of ``article`` as one text, a line break between two (no
        normalised text or quote holds one: a quote is never found across paragraphs), and
        where each paragraph starts in it."""
        prepared = self._prepared(article)
        return prepared.text, prepared.starts

    def furniture(self, article: str) -> list[str]:
        """The normalised texts of the page furniture of ``article`` (asked only when a quote
        is not found)."""
        return [normalise_text(f.text) for f in self._articles[article].furniture]

    def locate(
        self, article: str, quote: str, prefix: str | None, suffix: str | None
    ) -> tuple[Paragraph, int, int] | str:
        """The paragraph and span of a quote, or the reason it cannot be located."""
        # (without the marks closing writing directions it leaves open, which the YAML's
        # reading adds: see files.closed_directions; they show nothing)
        needle = normalise_text(quote.rstrip("\u202c\u2069"))
        if not needle:
            return "the quote is empty"
        if not any(c.isalnum() for c in needle):
            return f"the quote {quote.strip()!r} holds no word: a quote is of the source's words"
        pre = normalise_text(prefix) if prefix else ""
        suf = normalise_text(suffix) if suffix else ""
        hits, unqualified, in_words = self.hits(article, needle, pre, suf)
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            where = ", ".join(dict.fromkeys(h[0].id for h in hits))
            return (
                f"the quote occurs {len(hits)} times in '{article}' ({where}); "
                "add 'prefix:' or 'suffix:' (the words just before or after it) to say which"
            )
        if unqualified:
            return "the quote occurs in the article, but not with the given prefix/suffix"
        if in_words:
            para, start, end = in_words[0]
            return (
                f"the quote begins or ends inside a word of '{article}' ({para.id}: "
                f"{_whole_words(para.text, start, end)!r}); a quote is of whole words"
            )
        return self.why_not_found(article, needle)

    def hits(
        self, article: str, needle: str, pre: str, suf: str
    ) -> tuple[list[tuple[Paragraph, int, int]], int, list[tuple[Paragraph, int, int]]]:
        """Where the (normalised) quote occurs with its prefix and suffix, as spans of the
        paragraphs' own text; how often it occurs at all as whole words; and where it occurs
        only as part of a word ("un" of "untapped": a quote so cut may say the opposite of
        its text)."""
        hits: list[tuple[Paragraph, int, int]] = []
        in_words: list[tuple[Paragraph, int, int]] = []
        unqualified = 0
        paragraphs = self.paragraphs(article)
        text, starts = self.text(article)
        for at in find_all(text, needle):  # one search of the article, not one per paragraph
            k = bisect_right(starts, at) - 1
            para, norm = paragraphs[k]
            i = at - starts[k]
            if cuts_a_word(_word_text(norm, para.text), i, i + len(needle)):
                in_words.append((para, *norm.span(i, i + len(needle))))
                continue
            unqualified += 1
            if not _around(text, at, at + len(needle), pre, suf):
                continue
            start, end = norm.span(i, i + len(needle))
            hits.append((para, start, end))
        return hits, unqualified, in_words

    def why_not_found(self, article: str, needle: str) -> str:
        """Why a quote is not in the article's text: where it is instead, or where it departs."""
        kinds = [
            f.kind for f in self._articles[article].furniture if needle in normalise_text(f.text)
        ]
        if kinds:
            return (
                f"the quote is found only in the page furniture of '{article}' (its "
                f"{kinds[0].replace('-', ' ')}: what the capture caught around the article, "
                "listed on its page), not in the article's text"
            )
        texts = [n.text for _, n in self.paragraphs(article)]
        hint = self._misquoted(article, needle, texts)
        if hint is not None:
            return f"the quote is not in the text of '{article}': {hint}"
        matched, which = longest_matching_prefix(texts, needle)
        if matched == 0:
            return f"the quote is not in the text of '{article}'"
        para = self.paragraphs(article)[which][0]
        text = texts[which]
        at = text.find(needle[:matched]) + matched
        if at >= len(text):
            return (
                f"the quote is not in the text of '{article}': its first {matched} characters end "
                f"paragraph {para.id} and a quote cannot run across paragraphs"
            )
        return (
            f"the quote is not in the text of '{article}': the first {matched} characters match "
            f"paragraph {para.id}, then the quote has {needle[matched : matched + 24]!r} "
            f"where the text has {text[at : at + 24]!r}"
        )

    def _misquoted(self, article: str, needle: str, texts: list[str]) -> str | None:
        """What a quote not in the text of ``article`` (its paragraphs' normalised
        ``texts``) got wrong, when it is one of the usual slips: capitals, the dateline
        copied with the text, words left out where "…" stands."""
        folded = needle.casefold()
        for (para, _), text in zip(self.paragraphs(article), texts, strict=True):
            at = text.casefold().find(folded)
            if at >= 0 and len(text.casefold()) == len(text):
                return (
                    f"it differs from paragraph {para.id} in capitals only: the text has "
                    f"{text[at : at + len(needle)][:60]!r}"
                )
        dateline = self._articles[article].dateline
        if dateline and needle.startswith(normalise_text(dateline)[:12]):
            return (
                f"it opens with the article's dateline ({dateline!r}), which is shown apart "
                "from the text: leave it out of the quote"
            )
        mark = _TURN_MARK().match(needle)
        if mark and any(needle[mark.end() :] in t for t in texts):
            return (
                f"it opens with {mark[0].strip()!r}, the mark of an interview's turn, which is "
                "shown apart from the turn's text: leave it out of the quote"
            )
        parts = [p.strip() for p in re.split(r"…|\.\.\.|\[\.\.\.\]", needle) if p.strip()]
        if len(parts) > 1 and all(any(p in t for t in texts) for p in parts):
            return (
                "its parts are in the text, but not the words its '…' leaves out: a quote is "
                "the text's words in a row; quote each part as a source of its own"
            )
        return None


#: The mark opening a question or an answer (``Q:``, ``A:``, ``Question:``, ``**A:**``),
#: which the reader takes off the turn's text.
_TURN_MARK = later(r"\W{0,2}(?:Q|A|Question|Answer)\W{0,2}:\W{0,2}\s*")


def _wordy(char: str) -> bool:
    """Whether ``char`` is part of a word in a script that puts spaces between words: a
    letter or digit, but not of the scripts that write words unspaced (Chinese, Japanese,
    Thai, Lao, Khmer, Myanmar), where any character may end a quote."""
    if not char.isalnum():
        return False
    code = ord(char)
    return not (
        0x2E80 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0xFF66 <= code <= 0xFF9F
        or code >= 0x20000
        or 0x0E00 <= code <= 0x0EFF
        or 0x1000 <= code <= 0x109F
        or 0x1780 <= code <= 0x17FF
    )


#: What joins the two parts of one word, or of one number, between letters or digits: an
#: apostrophe ("won't"), a hyphen ("non-binding"), an en dash ("2019–2023",
#: "Azerbaijan–China"); between digits, a decimal point or a thousands separator
#: ("20.7", "20,000"), a fraction's or a date's slash ("3/4", "23/04/2025"), a time's colon
#: ("14:05").  A quote ending before one ("Azerbaijan won", "increased by 20") may say the
#: opposite of its text, or more than it.
_IN_WORDS = frozenset("'\u2019-\u2010\u2011\u2013\u05be\u05f3\u05f4")  # Hebrew's maqaf, geresh
_IN_NUMBERS = frozenset(".,/:")
#: What groups a number's digits by three as a space may, but is none between words (a
#: no-break, narrow no-break, thin or figure space: "20\u00a0000 tonnes"); normalising
#: makes it a space, so it is looked for in the paragraph's own text (:func:`_word_text`).
_GROUPING = frozenset("\u00a0\u202f\u2009\u2007")
#: Dashes that part words where normalising makes them a hyphen: an em dash ("Shusha—the
#: city—grew"), a horizontal bar (between digits, a range's: "1990—2000" is one span).
_PARTING = frozenset("\u2014\u2015")
_KEPT = later("[" + "".join(sorted(_GROUPING | _PARTING)) + "]")
#: Words elided before an apostrophe, each a word of its own: "l'accord", "dell'Azerbaigian"
#: (a quote may begin after it, or end with it).
_ELIDED = frozenset(
    (  # noqa: SIM905
        "l d j m n s t c qu jusqu lorsqu puisqu quoiqu presqu dell nell sull dall all quell "
        "un bell sant"
    ).split()
)


def _within(text: str, at: int) -> bool:
    """Whether ``at``, the place between ``text[at - 1]`` and ``text[at]``, is inside a word
    (see :data:`_IN_WORDS`); a combining mark (an accent, a strike) belongs to the letter
    before it."""
    if at <= 0 or at >= len(text):
        return False
    left, right = text[at - 1], text[at]
    if unicodedata.category(right).startswith("M") and not left.isspace():
        return True
    if _wordy(right) and (_wordy(left) or unicodedata.category(left).startswith("M")):
        return True  # (a vowel sign, a harakat: "बि|ल", "بِ|العالم")
    if left in "'\u2019" and _elided(text, at - 1):
        return False  # "l'|accord"
    return _in_number(text, at) or (
        (at + 1 < len(text) and _joins(left, right, text[at + 1]))
        or (at >= 2 and _joins(text[at - 2], left, right))
    )


def _in_number(text: str, at: int) -> bool:
    """Whether ``at`` is inside a number by what only numbers hold: a space grouping its
    digits ("20|\u00a0000", "20\u00a0|000"), or its sign before it ("2.1 percent" of "fell
    by -2.1 percent", or "−2.1"); not a dash's second hyphen ("The deal--20 agreements"),
    nor a list's bullet (see :func:`_bullet`)."""
    if _grouping(text, at) or _grouping(text, at - 1):
        return True
    if text[at - 1] not in "-\u2212" or not text[at].isdigit() or _bullet(text, at - 1):
        return False
    return at < 2 or not (_wordy(text[at - 2]) or text[at - 2] in "-\u2212")  # not "--"


def _bullet(text: str, dash: int) -> bool:
    """Whether the hyphen at ``dash`` marks an item of a list: it opens a line of one, the
    line before ending with a colon or opening with a hyphen too, or the line after
    opening with one ("The key points:" then "-20 agreements were signed"); a hyphen opening the
    paragraph's only line may be a minus sign ("-5 degrees were recorded")."""
    if dash > 0 and text[dash - 1] != "\n":
        return False
    before = text[:dash].rstrip(" \n").rpartition("\n")[2]
    after = text[dash:].partition("\n")[2].lstrip(" ")
    return before.endswith(":") or before.startswith("-") or after.startswith("-")


def _grouping(text: str, at: int) -> bool:
    """Whether ``text[at]`` groups a number's digits (see :data:`_GROUPING`): one to three
    digits before it, a group of three after it ("2024\u00a0500 firms" is a year and a
    count)."""
    return (
        0 < at < len(text) - 3
        and text[at] in _GROUPING
        and text[at - 1].isdigit()
        and not (at >= 4 and text[at - 4 : at].isdigit())
        and text[at + 1 : at + 4].isdigit()
        and not text[at + 4 : at + 5].isdigit()
    )


def _word_text(norm: Normalised, original: str) -> str:
    """The normalised text in which a quote is found, as its words are told: with the
    characters of :data:`_GROUPING` and :data:`_PARTING` of the ``original``, and its line
    breaks, back where normalising made them a space or a hyphen (one character for one;
    ``norm.text`` itself when the original has none)."""
    if _KEPT().search(original) is None and "\n" not in original:
        return norm.text
    chars = list(norm.text)
    for k, c in enumerate(chars):
        if c in " -":
            at = norm.original(k)
            if original[at] in _GROUPING or (
                original[at] in _PARTING and not _between_digits(original, at)
            ):
                chars[k] = original[at]
            elif c == " " and _breaks_line(original, at):
                chars[k] = "\n"  # a line's start (a list's item: see _bullet)
    return "".join(chars)


_WHITE = later(r"\s+")


def _breaks_line(text: str, at: int) -> bool:
    """Whether the white space at ``text[at]`` holds a line break."""
    white = _WHITE().match(text, at)
    return white is not None and "\n" in white[0]


def _between_digits(text: str, at: int) -> bool:
    """Whether ``text[at]`` stands between two digits (a dash there is a range's:
    "1990—2000")."""
    return 0 < at < len(text) - 1 and text[at - 1].isdigit() and text[at + 1].isdigit()


def _elided(text: str, apostrophe: int) -> bool:
    """Whether the word before the apostrophe at ``apostrophe`` is one elided before it
    (see :data:`_ELIDED`); not a capital letter alone before a capital: a name's
    ("D'Souza", "D'Alema"), but for the article opening a sentence before a name
    ("L'Azerbaïdjan et la Chine", "L'Unione europea"; "Dell'" opening one is elided)."""
    start = apostrophe
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    word = text[start:apostrophe]
    capital = len(word) == 1 and word.isupper() and word != "L"
    if capital and text[apostrophe + 1 : apostrophe + 2].isupper():
        return False
    return word.casefold() in _ELIDED


def _joins(before: str, joint: str, after: str) -> bool:
    """Whether ``joint`` joins ``before`` and ``after`` into one word or number."""
    if not (_wordy(before) and _wordy(after)):
        return False
    return joint in _IN_WORDS or (joint in _IN_NUMBERS and before.isdigit() and after.isdigit())


def cuts_a_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` begins or ends inside a word of ``text`` (or a number:
    see :data:`_IN_WORDS`)."""
    return _within(text, start) or _within(text, end)


def _whole_words(text: str, start: int, end: int) -> str:
    """``text[start:end]`` widened to the words it cuts."""
    while _within(text, start):
        start -= 1
    while _within(text, end):
        end += 1
    return text[start:end]
