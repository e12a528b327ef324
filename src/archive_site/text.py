"""Text matching: normalising for quote checks, and finding names in text.

Quotes are matched *exactly* after normalising only what a copy-and-paste
changes without changing the words: runs of white space, typographic quotes
and apostrophes, and dashes.  Nothing is ever matched fuzzily.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_FOLD = {
    **dict.fromkeys("‘’‚‛′`´", "'"),
    **dict.fromkeys("“”„‟″«»", '"'),
    **dict.fromkeys("‐‑‒–—―−", "-"),
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
}


@dataclass(frozen=True, slots=True)
class Normalised:
    """Normalised text with, for each of its characters, the offset in the original."""

    text: str
    offsets: tuple[int, ...]  # len(text) + 1 entries; the last is len(original)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a non-empty span of the normalised text back to the original text."""
        return self.offsets[start], self.offsets[end - 1] + 1


_TABLE = str.maketrans(_FOLD)
_SPACE = re.compile(r"\s+")


def normalise(original: str) -> Normalised:
    """Fold quotes and dashes, collapse white space, strip the ends."""
    folded = original.translate(_TABLE)  # one character for one: offsets unchanged
    pieces: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _SPACE.finditer(folded):
        start, end = m.span()
        pieces.append(folded[pos:start])
        offsets.extend(range(pos, start))
        if start > 0 and end < len(folded):
            pieces.append(" ")
            offsets.append(start)
        pos = end
    pieces.append(folded[pos:])
    offsets.extend(range(pos, len(folded)))
    offsets.append(len(original))
    return Normalised("".join(pieces), tuple(offsets))


def normalise_text(text: str) -> str:
    return _SPACE.sub(" ", text.translate(_TABLE)).strip()


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


def _alias_pattern(alias: str) -> str:
    """A regex for a name that tolerates typographic apostrophes, dashes and spacing."""
    parts: list[str] = []
    for ch in alias:
        folded = _FOLD.get(ch, ch)
        if folded == "'":
            parts.append("['‘’`´]")
        elif folded == "-":
            parts.append("[-‐‑‒–—]")
        elif ch.isspace():
            parts.append(r"\s+")
        else:
            parts.append(re.escape(ch))
    return "".join(parts)


class NameFinder:
    """Finds names (entity names and aliases) in text: whole words, longest name first."""

    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        """``names`` are (name, key) pairs; a match reports the key."""
        self._keys: dict[str, str] = {}
        for name, key in names:
            self._keys.setdefault(normalise_text(name), key)
        ordered = sorted(self._keys, key=lambda n: (-len(n), n))
        if ordered:
            alternation = "|".join(_alias_pattern(n) for n in ordered)
            self._regex: re.Pattern[str] | None = re.compile(rf"(?<![\w])(?:{alternation})(?![\w])")
        else:
            self._regex = None

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, key) of each non-overlapping match, in order."""
        if self._regex is None:
            return []
        return [
            (m.start(), m.end(), self._keys[normalise_text(m.group(0))])
            for m in self._regex.finditer(text)
        ]
