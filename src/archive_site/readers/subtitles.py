"""``subtitles``: a recording's words as captions, WebVTT (``.vtt``) or SubRip (``.srt``).

An interview or a hearing recorded on Zoom, Teams or video is often kept as its captions:
cues, each a timing line (``00:00:02.140 --> 00:00:07.560``; SubRip numbers its cues and
writes a comma before the milliseconds) and the words said.  The cues' words are the
text, their numbers and timing lines none of it.  A speaker is the cue's WebVTT voice
(``<v Jane Roe>...</v>``, as Teams writes it, read as ``Jane Roe: ...``, the form of a
transcript's turn the loader reads) or the name the cue opens with (``Jane Roe: ...``, as
Zoom writes it, kept as it is).  A paragraph is a speaker's consecutive cues, a cue that
ends a sentence ending it (captions break sentences across cues at any word): so the
turns of an interview whose cues name no speaker are its sentences, and no speaker is
guessed.  Its other markup (``<i>``, ``<c.yellow>``, a karaoke time ``<00:00:05.000>``) is
left out and its character references read.  A block that is no cue, with no timing
line, is an error on its line; so are the header's ``NOTE``, ``STYLE`` and ``REGION``
blocks none (they are WebVTT's comments and styles).  Nothing else is read: the title,
date, outlet and speakers' entities are the archivist's, in the metadata.
"""

from __future__ import annotations

import html
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from ..errors import Problems
from ..patterns import later
from .base import (
    EMPTY_FIELDS,
    Block,
    Capture,
    Field,
    Format,
    Reading,
    script_language,
    speaker_label,
)

SUFFIXES = (".vtt", ".srt")
_TIME = r"(?:\d{1,3}:)?\d{1,2}:\d{2}[.,]\d{3}"
#: A cue's timing line (its settings after it, in WebVTT: ``align:start position:10%``).
_TIMING = later(rf"[ \t]*{_TIME}[ \t]+-->[ \t]+{_TIME}(?:[ \t].*)?")
#: A WebVTT file's first line.
_WEBVTT = later(r"\ufeff?WEBVTT(?:[ \t].*)?")
#: WebVTT's blocks that are no cue: comments, style sheets, regions.
_NOT_CUE = later(r"(?:NOTE|STYLE|REGION)(?:[ \t].*)?")
#: A voice: ``<v Jane Roe>``, ``<v.loud Jane Roe>``.
_VOICE = later(r"<v(?:\.[^\s>]*)?[ \t]+([^>]{1,80})>")
#: Any other tag of a cue's text (``<i>``, ``</v>``, ``<c.yellow>``, ``<00:00:05.000>``).
_TAG = later(r"</?[^<>\n]{0,80}>")
#: What ends a sentence, its closing quotes or brackets after it: looked for in a cue's
#: last characters alone (searched in the whole of a hostile cue, a run of stops and then
#: of quotes, each stop tried would read every quote).
_SENTENCE_END = later(r"[.!?…。！？][\"'”’»)\]]*$")
_END_CHARACTERS = 8


@dataclass(frozen=True, slots=True)
class _Cue:
    """A cue's words, on one line, its speaker (casefolded; None when it names none) and
    the line its words begin on."""

    text: str
    speaker: str | None
    line: int
    #: The label its text opens with, its speaker's name and colon (``Jane Roe:``); "".
    label: str = ""
    #: Whether it opens a paragraph of its own: a line of a cue of two speakers, each
    #: line opening with a dash (``- When?`` / ``- In May.``), another's words.
    turn: bool = False


def detect(capture: Capture) -> bool:
    """A WebVTT file (``WEBVTT`` first: alone, or with words after it and a cue's arrow,
    ``-->``, on a line below, which an article whose title opens with the word, "WEBVTT at
    twenty: ...", has not), or SubRip's (its first cue's number, then a timing line)."""
    lines = capture.lines[:3]
    if lines and _WEBVTT().fullmatch(first := lines[0].rstrip()):
        alone = first.lstrip("\ufeff") == "WEBVTT"
        return alone or any("-->" in line for line in capture.lines[1:])
    return (
        len(lines) >= 2
        and lines[0].strip().lstrip("\ufeff").isdigit()
        and _TIMING().fullmatch(lines[1].rstrip()) is not None
    )


def read(capture: Capture, problems: Problems) -> Reading:
    cues = _cues(capture, problems)
    body = tuple(_paragraphs(cues))
    written = script_language(list(body)) if body else None
    fields = EMPTY_FIELDS if written is None else {"language": Field(written, body[0].line)}
    return Reading("subtitles", fields, body)


def _cues(capture: Capture, problems: Problems) -> list[_Cue]:
    """The file's cues, in order; the blocks that are no cue an error on the first one's
    line, saying how many there are."""
    out: list[_Cue] = []
    wrong: list[int] = []
    lines = capture.lines
    start = 1 if lines and _WEBVTT().fullmatch(lines[0].rstrip()) else 0
    for block, first in _blocks(lines, start):
        timings = [n for n, line in enumerate(block) if _TIMING().fullmatch(line)]
        if not timings or timings[0] > 1:
            header = start and ((first == 2 and not timings) or _NOT_CUE().fullmatch(block[0]))
            if not header:  # (under WEBVTT, its header's lines, "Kind: captions", and its
                wrong.append(first)  # comments and styles are no cues)
            continue
        for n, at in enumerate(timings):  # cues with no blank line between them too
            stop = timings[n + 1] if n + 1 < len(timings) else len(block)
            if stop < len(block) and block[stop - 1].strip().isdigit():
                stop -= 1  # the next cue's number
            if block[at + 1 : stop]:
                out.extend(_cue(block[at + 1 : stop], first + at + 1))
    if wrong:
        more = (
            f" ({len(wrong) - 1} more blocks after it are no cue either)" if len(wrong) > 1 else ""
        )
        problems.error(
            capture.display,
            wrong[0],
            "not a cue of the subtitles: a cue is its timing line (00:00:01.000 --> "
            f"00:00:04.000), perhaps its number or name above it, and its words below{more}",
        )
    return out


def _blocks(lines: tuple[str, ...], start: int) -> list[tuple[list[str], int]]:
    """The groups of non-blank lines from index ``start``, each with its first line's
    number."""
    blocks: list[tuple[list[str], int]] = []
    current: list[str] = []
    for number, line in enumerate(lines[start:], start=start + 1):
        if line.strip():
            if not current:
                blocks.append((current, number))
            current.append(line.rstrip())
        else:
            current = []
    return blocks


def _cue(words: list[str], line: int) -> list[_Cue]:
    """A cue's words as text: each voice's (a cue may hold two, ``<v Roger>Hi</v> <v
    Anna>Hello</v>``, each said by its own) before them as a turn's label (``Jane Roe:
    ...``), its tags left out, its character references read."""
    raw = " ".join(w.strip() for w in words)
    voices = list(_VOICE().finditer(raw))
    named = [v for v in voices if v[1].strip()]  # (``<v  >`` names no one)
    if not named:
        return _dialogue(words, line) or [_unvoiced(_words(raw), line)]
    starts = list(accumulate((len(w.strip()) + 1 for w in words[:-1]), initial=0))
    out = [_unvoiced(head, line)] if (head := _words(raw[: named[0].start()])) else []
    for n, voice in enumerate(named):
        end = named[n + 1].start() if n + 1 < len(named) else len(raw)
        text = _words(raw[voice.end() : end])
        if text:
            name = " ".join(html.unescape(voice[1]).split())
            at = line + bisect_right(starts, voice.start()) - 1  # the line its voice opens on
            out.append(_Cue(f"{name}: {text}", name.casefold(), at, f"{name}:"))
    return out


def _dialogue(words: list[str], line: int) -> list[_Cue]:
    """A cue of two speakers or more, as subtitles write one: its first line and another
    opening with a dash (``- When?`` / ``- In May.``), each such line another's words. Each
    is a turn of its own, its dash kept (the mark of a turn the loader reads), its speaker
    unnamed, as the captions name none; [] for a cue not so written."""
    dashed = [n for n, w in enumerate(words) if _DASH().match(_words(w))]
    if len(dashed) < 2 or dashed[0] != 0:
        return []
    out = []
    for k, n in enumerate(dashed):
        end = dashed[k + 1] if k + 1 < len(dashed) else len(words)
        text = _words(" ".join(w.strip() for w in words[n:end]))
        said = _unvoiced(text, line + n)
        out.append(_Cue(said.text, said.speaker, said.line, said.label, turn=True))
    return out


#: A subtitle line's dash opening a speaker's words (``- When?``, ``-When?``, ``– When?``).
_DASH = later("[-\u2010\u2012-\u2014]" r"(?=\s*\w)")


def _words(raw: str) -> str:
    """A cue's text with its tags left out (and a SubRip file's override tags, ``{\\an8}``,
    which players read as styles), its character references read, on one line."""
    return " ".join(html.unescape(_OVERRIDE().sub("", _TAG().sub("", raw))).split())


#: An override tag of SubRip's (from SSA): ``{\\an8}`` (the top of the picture), ``{\\i1}``.
_OVERRIDE = later(r"\{\\[^{}\n]{0,80}\}")


def _unvoiced(text: str, line: int) -> _Cue:
    """A cue of no voice: its speaker the name it opens with, if any (``Jane Roe: ...``)."""
    said = speaker_label(text)
    if said is None:
        return _Cue(text, None, line)
    return _Cue(text, said.casefold(), line, _label_text(text, said))


def _paragraphs(cues: list[_Cue]) -> list[Block]:
    """The cues joined into paragraphs: a speaker's consecutive cues (their name said once,
    as the first says it), up to one ending a sentence."""
    out: list[Block] = []
    pending: list[str] = []
    speaker: str | None = None
    line = 0
    for cue in cues:
        text, same = cue.text, bool(pending) and cue.speaker == speaker and not cue.turn
        if pending and not same:
            out.append(Block(" ".join(pending), line))
            pending = []
        if same and cue.speaker is not None:
            text = text[len(cue.label) :].lstrip()  # said once: "Jane Roe: ..."
        if not pending:
            speaker, line = cue.speaker, cue.line
        if text:
            pending.append(text)
        if cue.speaker is None and _SENTENCE_END().search(text[-_END_CHARACTERS:]):
            out.append(Block(" ".join(pending), line))  # no one named: a sentence's end
            pending = []
    if pending:
        out.append(Block(" ".join(pending), line))
    return out


def _label_text(text: str, name: str) -> str:
    """The label a cue's text opens with (``Jane Roe:``, ``Jane Roe, minister:``, ``记者：``):
    up to the first colon after the speaker's ``name``."""
    after = text.find(name) + len(name)
    ends = [i for i in (text.find(":", after), text.find("\uff1a", after)) if i >= 0]
    return text[: min(ends) + 1] if ends else ""


FORMAT = Format("subtitles", read, detect, order=8, suffixes=SUFFIXES)
