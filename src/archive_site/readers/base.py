"""What every reader shares: the records it returns and the small text helpers it reads with.

A reader says only what the capture itself says: its fields (title, date,
outlet, ...), its body paragraphs (with interview turns), and the page
furniture it recognised and kept out of the body.  Merging with the
archivist's metadata and validation happen in :mod:`archive_site.load`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TypeVar

from ..errors import Problems
from ..files import CONTROL_CHARACTERS, closed_directions, nfc
from ..model import Furniture, ParagraphRole
from ..patterns import later
from ..yamlsrc import YMap
from .charset import decode_capture


@dataclass(frozen=True, slots=True)
class Field:
    """A value the capture states, with the line that states it."""

    value: str
    line: int


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph as a reader found it, with its line and interview role."""

    text: str
    line: int
    role: ParagraphRole = "body"
    turn: int | None = None


EMPTY_FIELDS: Mapping[str, Field] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Reading:
    """What a reader found in a capture: its fields, text and page furniture."""

    format: str
    fields: Mapping[str, Field]
    blocks: tuple[Block, ...]
    furniture: tuple[Furniture, ...] = ()
    front_matter: YMap | None = None
    notes: tuple[tuple[int, str], ...] = ()  # (line, warning)
    #: The texts of the paragraphs opening with ``- `` that a saved page wrote so (``<p>-
    #: Question?</p>``), not those the extractor marks a list's items with: they may open
    #: an interview's turns (see :func:`.turns.mark_turns`).
    dashed: frozenset[str] = frozenset()
    #: The texts of the paragraphs a saved page set in bold whole (``<p><strong>...?</strong>
    #: </p>``): they may be an interview's questions (see :func:`.turns.bold_turns`).
    bold: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Capture:
    """A capture's text as a reader receives it: whole, split into lines, and named."""

    text: str
    lines: tuple[str, ...]
    display: str  # the file as messages name it

    @classmethod
    def of(cls, text: str, display: str) -> Capture:
        return cls(text, tuple(split_lines(text)), display)


Detector = Callable[[Capture], bool]
Reader = Callable[[Capture, Problems], Reading]


@dataclass(frozen=True, slots=True)
class Format:
    """One capture format: its name, how to recognise it, how to read it.

    Each module of :mod:`archive_site.readers` that defines a ``FORMAT`` of
    this type adds a format; ``order`` sets where its detection runs (lower
    first).  A format without ``detect`` is never guessed: it is chosen by the
    file (``markdown``) or by the archivist's ``format:`` key (``plain``).
    """

    name: str
    read: Reader
    detect: Detector | None = None
    order: int = 50
    capture: bool = True  # False: not a capture beside a metadata file (hand-written Markdown)
    suffixes: tuple[str, ...] = field(default=())  # file name endings that choose it outright


def decode(data: bytes, display: str, problems: Problems) -> str | None:
    """A Markdown file's text, decoded as a capture that is not a saved page is (UTF-8, or
    UTF-16 with its byte-order mark: :func:`.charset.decode_capture`), the error on the line
    of the first byte that is not; read as :func:`readable` says."""
    decoded = decode_capture(data, display, problems, page=False)
    return None if decoded is None else readable(decoded.text, display, problems)


def readable(text: str, display: str, problems: Problems) -> str:
    """A file's text as the build reads it: in one Unicode form (see
    :func:`~archive_site.files.nfc`), each control character a space (see
    :data:`~archive_site.files.CONTROL_CHARACTERS`) with a warning on the line of the first.
    The file itself is never changed."""
    text = nfc(text)
    first = CONTROL_CHARACTERS().search(text)
    if first is None:
        return text
    text, count = CONTROL_CHARACTERS().subn(" ", text)
    line = len(split_lines(text[: first.start()]))
    what = f"{count} control character{'s' if count > 1 else ''}"
    problems.warning(display, line, f"{what} (the first U+{ord(first[0]):04X}) read as spaces")
    return text


#: What parts the lines of a card's header in its paragraph, a heading (a saved page's written
#: question: "Jane Hartley · Labour, Northtown" above the question; see
#: ``html._card_headers``).
CARD_PARTS = " · "

#: The words marking a question, and an answer, besides ``Q`` and ``A``: in the languages of
#: the archive's sources (Russian, French, German, Spanish, Turkish, Azerbaijani, Chinese).
QUESTION_WORDS = ("question", "вопрос", "frage", "pregunta", "soru", "sual", "问", "問")
ANSWER_WORDS = ("answer", "ответ", "réponse", "antwort", "respuesta", "cevap", "yanıt", "cavab")
#: ``Q:``, ``A.``, ``Question:``, ``Вопрос:``, ``问：``; bold in Markdown too (``**Q:**``,
#: ``__A:__``, ``**Q**:``).
QA_TURN = later(
    r"^(?:\*\*|__)?(?P<who>Q|A|"
    + "|".join(QUESTION_WORDS + ANSWER_WORDS + ("答",))
    + r")(?:\*\*|__)?\s*(?:[:.](?:\*\*|__)?\s+|：\s*)",
    re.IGNORECASE,
)


#: A paragraph opening with a speaker's name: one to four words, each capitalised (bold
#: in Markdown, or not), then a colon and the words said.  A transcript may put the time
#: before it (``[00:01:12] NAME:``) and the speaker's office after it, the first time they
#: speak (``ILHAM ALIYEV, PRESIDENT OF AZERBAIJAN:``, ``ALIYEV (through translator):``),
#: or the time after it, as Zoom's and Descript's transcripts write it (``Jane Roe
#: (00:00:05):``), or Otter's, with no colon, the words said on the next line (``Jane Roe
#: 0:05``, two spaces before the time).
_WORD = r"[^\W\d_][\w'’.-]*"
_LABEL = later(
    r"(?:[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?[ \u00a0]+)?"
    rf"(?:\*\*|__)?(?P<name>{_WORD}(?:[ \u00a0]{_WORD}){{0,3}})"
    r"(?:,[ \u00a0](?P<office>[^:()\n]{1,80}?))?(?:[ \u00a0]\([^():\n]{1,60}\))?"
    r"(?:[ \u00a0][\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?)?"
    r"(?:(?:\*\*|__)?\s?:(?:\*\*|__)?\s+|[ \u00a0]{2,}\d{1,2}:\d{2}(?::\d{2})?\s+)(?=\S)"
)
#: A paragraph opening with a speaker's name in Chinese, Japanese or Korean, which have no
#: capitals, then a full-width colon, as their interviews mark turns (``记者：...``,
#: ``扎伊纳利：...``): a name only when the interview knows it (``他说：`` is none).
_CJK_LABEL = later(
    r"(?P<name>[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af·・]{1,12})\s?[：:]\s*(?=\S)"
)

#: A speaker's name in black lenticular brackets opening a paragraph, as Japan's ministries
#: set down a press conference (``【NHK 山田記者】...``, ``【岩屋外務大臣】...``); a heading so
#: set (``【概要】``) is none: the name counts only when the interview knows it, or it names
#: a reporter (see :mod:`..load.speakers`).
_BRACKET_LABEL = later(r"【(?P<name>[^【】\n]{1,30})】[ \u3000]*(?=\S)")

#: Words that open a sentence before a colon and name no one ("First: the treaty").
_NOT_NAMES = frozenset(
    "first second third fourth finally firstly secondly thirdly lastly look note yes no well"  # noqa: SIM905
    " so now today also again however example result update moreover"
    " meanwhile besides furthermore instead still yet then here there indeed am pm gmt utc"
    " at by from until till before after around since on in".split()
)


def speaker_label(text: str) -> str | None:
    """The name a paragraph opens with as its speaker's (``Name: words``), if any."""
    label = label_of(text)
    return None if label is None else label[0]


def label_of(text: str) -> tuple[str, bool] | None:
    """The name a paragraph opens with as its speaker's, and whether it is surely one: a
    name with an office after it in ordinary capitals may be a list ("Azerbaijan, China
    and Russia: ..."), and is one only when it is a name the interview knows, and so is a
    name in Chinese, Japanese or Korean before a full-width colon ("记者："), or in black
    lenticular brackets ("【岩屋外務大臣】")."""
    m = _LABEL().match(text)
    if m is None and (cjk := _CJK_LABEL().match(text) or _BRACKET_LABEL().match(text)):
        return cjk["name"].strip(), False  # a name the interview must know
    if m is None or not all(w[0].isupper() for w in m["name"].split()):
        return None
    if m["name"].casefold() in _NOT_NAMES:
        return None
    office, name = m["office"] or "", m["name"]
    # sure: no office, or the transcripts' capitals ("ILHAM ALIYEV, PRESIDENT:"; not a list
    # of acronyms, "EU, NATO and the OSCE:"); else a name the interview must know, its office
    # in ordinary capitals or none ("Ilham Aliyev, president of Azerbaijan:", as Russian
    # and French write an office)
    shouted = (name.isupper() and len(name.split()) > 1) or (office.isupper() and office)
    return name, not office or bool(shouted)


def label_end(text: str) -> int | None:
    """Where the words said begin after the name a paragraph opens with (see
    :func:`label_of`), if it opens with one."""
    m = _LABEL().match(text) or _CJK_LABEL().match(text) or _BRACKET_LABEL().match(text)
    return None if m is None else m.end()


def label_as_written(text: str) -> str | None:
    """The name a paragraph opens with (see :func:`label_of`) as the text writes it, with
    what the text says with it (an office, an interpreter's note, the time) and its colon,
    without bold marks (``Ilham Aliyev (via interpreter):``): what a note on the name
    quotes, never more nor less than the source says of who speaks."""
    end = label_end(text)
    if end is None:
        return None
    return text[:end].replace("**", "").replace("__", "").strip() or None


#: A note that a speaker's words are an interpreter's rendering, in brackets with the name
#: that opens a turn or just after it: ``PRESIDENT ALIYEV (through interpreter):``, ``Ilham
#: Aliyev (via interpreter):``, ``(as interpreted)``, ``(interpretation)``, ``Xi Jinping:
#: [Translated] ...``, ``(через переводчика)``.
_INTERPRETED = later(
    r"[\[(]\s*(?:(?:speaking\s+)?(?:through|via|by|with)\s+(?:an?\s+|the\s+)?interpret(?:er|ers|ation)"
    r"|(?:as\s+)?interpreted|interpretation|(?:as\s+)?translated|in\s+translation"
    r"|через\s+переводчика|в\s+переводе|с\s+переводом)\s*[\])]",
    re.IGNORECASE,
)


def interpreted(text: str) -> bool:
    """Whether the name a paragraph opens with (see :func:`label_of`) says its words are an
    interpreter's rendering, or the words after it open saying so (see
    :data:`_INTERPRETED`)."""
    end = label_end(text)
    if end is None:
        return False
    head = text[: end + 40]
    return any(m.start() < end + 2 for m in _INTERPRETED().finditer(head))


#: A transcript's speaker with the time, before the name or after it (``[00:00:41] ZAUR
#: SHIRIYEV:``, ``Jane Roe (00:00:05):``), as :mod:`..load.speakers` reads them.
_TIMED_SPEAKER = later(
    r"(?P<time>[\[(]\d{1,2}:\d{2}(?::\d{2})?[\])][ \u00a0]+)?(?:\*\*|__)?"
    r"[^\W\d_][\w'’.-]*(?:[ \u00a0][^\W\d_][\w'’.-]*){0,3}"
    r"(?(time)|[ \u00a0][\[(]\d{1,2}:\d{2}(?::\d{2})?[\])])(?:\*\*|__)?:\s"
)


def opens_turn(line: str) -> bool:
    """Whether a line opens an interview's turn even with no blank line before it: a role's
    marker with its colon, capitalised (``Q:``, ``A:``, ``Вопрос:``, ``问：``; not ``A.`` nor
    ``question:``, which open lines of wrapped text: ``A. Petrov``, ``the`` / ``question: who
    pays?``), or a transcript's speaker with the time."""
    m = QA_TURN().match(line)
    if m is not None and (":" in m[0] or "：" in m[0]) and not m["who"][0].islower():
        return True
    return _TIMED_SPEAKER().match(line) is not None


def _label_at(line: str) -> str | None:
    """The speaker's name a line surely opens with (:func:`label_of`), casefolded; None for
    none (and at once for a line with no colon near its start, as most are)."""
    head = line[:160]
    if ":" not in head and "：" not in head:
        return None
    found = label_of(line)
    return found[0].casefold() if found is not None and found[1] else None


def _recurring_names(lines: Sequence[str]) -> frozenset[str]:
    """The speakers' names (:func:`_label_at`) that open two lines or more."""
    seen: set[str] = set()
    twice: set[str] = set()
    for line in lines:
        name = _label_at(line.strip())
        if name is not None:
            (twice if name in seen else seen).add(name)
    return frozenset(twice)


def _next_named_turn(line: str, first: str, recurring: frozenset[str]) -> bool:
    """Whether ``line``, within a group of lines opening with ``first``, opens the next turn
    of a transcript that leaves no blank line between turns: both open with a speaker's name
    (``Name: words``), and the line's is one that opens other lines too (a transcript's
    speakers speak more than once).  Whether a name is a speaker's, only the archive knows
    (its entities); but a wrapped line of prose opening with a recurring name and a colon,
    in a paragraph that opens with another, is no sentence a writer makes."""
    name = _label_at(line) if recurring else None
    return name is not None and name in recurring and _label_at(first) is not None


def split_lines(text: str) -> list[str]:
    """Lines as an editor numbers them (only CR, LF and CRLF end a line)."""
    return re.split(r"\r\n|\r|\n", text)


def split_blocks(
    lines: tuple[str, ...] | list[str],
    first_line: int = 1,
    numbers: Sequence[int] | None = None,
) -> list[tuple[list[str], int]]:
    """Groups of non-blank lines, each with the line number it starts on; a line opening an
    interview's turn (:func:`opens_turn`) opens a group of its own, as if a blank line were
    before it: else ``Q: ...?`` / ``A: ...`` on two lines were one paragraph, the question,
    and the answer's words the interviewer's.  So does a line opening with a speaker's name
    in a group opening with one, where that name opens another line too (see
    :func:`_next_named_turn`): ``Xinhua: ...?`` / ``Ilham Aliyev: ...``.  ``numbers``: each
    line's number, where the lines are not consecutive (a page's mark left out)."""
    blocks: list[tuple[list[str], int]] = []
    current: list[str] = []
    start = first_line
    recurring = _recurring_names(lines)
    numbered = zip(numbers, lines, strict=True) if numbers is not None else None
    for number, line in numbered or enumerate(lines, start=first_line):
        if line.strip():
            if current and (
                opens_turn(line.strip()) or _next_named_turn(line.strip(), current[0], recurring)
            ):
                blocks.append((current, start))
                current = []
            if not current:
                start = number
            current.append(line.strip())
        elif current:
            blocks.append((current, start))
            current = []
    if current:
        blocks.append((current, start))
    return blocks


def join(lines: list[str]) -> str:
    """A paragraph's lines as one line of text."""
    return " ".join(lines)


def iso_date(y: str | int, m: str | int, d: str | int) -> str | None:
    """``YYYY-MM-DD`` for a real day, else None."""
    try:
        return dt.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


_WORDS = later(r"[^\W\d_]+")
#: Azerbaijani's commonest words, which no other language writes so: "and", "with", "for",
#: "this", "that is", "was", "the year"...
_AZERBAIJANI_WORDS = frozenset(
    "və ilə üçün bu olan olub edib edir ki isə də bir ildə".split()  # noqa: SIM905
)


def script_language(body: Sequence[Block]) -> str | None:
    """The language of a text no metadata declares, where its letters alone tell: Chinese
    (Han characters, no kana), Japanese (kana), Korean (Hangul), when they are most of its
    letters; Azerbaijani, whose schwa (ə) no other language in the Latin script writes, when
    it is one letter in a hundred or more (in Azerbaijani, about one in twelve) and its
    commonest words one word in fifty or more; in another script that is most of its
    letters, the language its own letters tell (:func:`_by_script`: Russian, Ukrainian,
    Kazakh... in Cyrillic; Arabic, Persian or Urdu; Georgian, Armenian, Greek, Hebrew).
    The Latin script serves many languages: no other is guessed."""
    text = "\n".join(b.text for b in body)
    if text.isascii():
        return None  # the Latin script, and no schwa
    letters = _count(_LETTER, text)
    if not letters:
        return None
    han = _count(_HAN, text)
    for pattern, tag in ((_KANA, "ja"), (_HANGUL, "ko")):
        count = _count(pattern, text)
        if count and (count + han) * 2 > letters:
            return tag
    if han * 2 > letters:
        return "zh"
    if _count(_LATIN, text) * 2 > letters:
        return "az" if _azerbaijani(text, letters) else None
    return _by_script(text, letters)


def _letters_in(low: str, high: str) -> re.Pattern[str]:
    """A letter from ``low`` to ``high``."""
    return re.compile(f"(?=[^\\W\\d_])[{low}-{high}]")


#: Letters, and those of the scripts told apart (counted by the regular expression
#: engine: a loop over each character took 16 s of a build of 6,000 articles).
_LETTER = re.compile(r"[^\W\d_]")
_HAN = _letters_in("\u4e00", "\u9fff")
_KANA = _letters_in("\u3040", "\u30ff")
_HANGUL = _letters_in("\uac00", "\ud7a3")
_LATIN = re.compile("(?=[^\\W\\d_])[\\x00-\u024f]|[əƏ]")


def _count(pattern: re.Pattern[str], text: str) -> int:
    """How many characters of ``text`` ``pattern`` (of one character) matches."""
    return len(text) - len(pattern.sub("", text))


#: Scripts that serve one language, by their letters' range.
_ONE_LANGUAGE_SCRIPTS = (
    ("\u10a0", "\u10ff", "ka"),
    ("\u0530", "\u058f", "hy"),
    ("\u0370", "\u03ff", "el"),
    ("\u0e00", "\u0e7f", "th"),
)
#: Letters that tell a language in the Cyrillic, the Arabic or the Hebrew script, in this
#: order, each in two words or more (one name, "Тоқаев" in Russian, tells nothing): a
#: language the site does not name ("") says the text is none of those after it.
_SCRIPT_LETTERS = (
    # Cyrillic: Tajik, Uzbek, Tatar, Bashkir; Kazakh (ұ or і, with its others); Kyrgyz and
    # Mongolian (ң ө ү without them); Belarusian, Ukrainian, Macedonian, Serbian; Russian
    ("ҷӣӯҳҗҙҫ", ""),
    ("ұі", "kk?"),
    ("ңөүәғқһ", ""),
    ("ў", "be"),
    ("їєґ", "uk"),
    ("ќѓѕ", "mk"),
    ("ђљњћџ", "sr"),
    ("ыэ", "ru"),
    # Arabic script: Pashto, Sorani, Uyghur; Urdu; Persian; else Arabic
    ("ښځټډړګږڼ", ""),
    ("ەێۆڵڕۈۇې", ""),
    ("ٹڈڑںے", "ur"),
    ("پچژگ", "fa"),
    # Hebrew script: Yiddish
    ("װױײ", ""),
)
_KAZAKH_OTHERS = "әғқңөүһ"


def _by_script(text: str, letters: int) -> str | None:
    """The language of a text most of whose ``letters`` (how many) are of a script other
    than the Latin, when its letters tell (see :data:`_SCRIPT_LETTERS`); else None."""
    half = letters / 2
    for low, high, tag in _ONE_LANGUAGE_SCRIPTS:
        if _count(_letters_in(low, high), text) > half:
            return tag
    script = next(
        (name for name, pattern in _SCRIPT_PATTERNS.items() if _count(pattern, text) > half),
        None,
    )
    if script is None:
        return None
    words = {w.lower() for w in _WORDS().findall(text)}
    for signs, tag in _SCRIPT_LETTERS:
        if _script_of(signs[0]) == script and _words_with(words, signs) >= 2:
            if tag != "kk?":
                return tag or None
            if _words_with(words, _KAZAKH_OTHERS) >= 2:
                return "kk"
    if script == "arabic" and _persian(text):
        return "fa"
    return _SCRIPTS[script]


#: The commonest words of Persian ("in", "from", "this", "that", "is", "with", "for", "was",
#: the object's "را", "became"), as Persian writes them and as a keyboard of Arabic's letters
#: (ي, ك) does; and of Arabic ("in", "on", "to", "that", "which", "about", "with", "this",
#: "was"), which Persian does not write. Persian and Arabic share a script, not these words:
#: a short Persian text may hold none of the letters only Persian writes (پ چ ژ گ) in two
#: words.
_PERSIAN_WORDS = frozenset(
    w
    for word in "در از این آن است با برای بود را شد شده می کرد که یک".split()  # noqa: SIM905
    for w in (word, word.replace("ی", "ي").replace("ک", "ك"))
)
_ARABIC_WORDS = frozenset("في على إلى أن إن التي الذي عن مع هذا هذه كان كانت قد".split())  # noqa: SIM905


def _persian(text: str) -> bool:
    """Whether a text in the Arabic script is Persian by its commonest words (see
    :data:`_PERSIAN_WORDS`): two or more, and more than Arabic's."""
    words = _WORDS().findall(text)
    persian = sum(w in _PERSIAN_WORDS for w in words)
    return persian >= 2 and persian > sum(w in _ARABIC_WORDS for w in words)


#: The scripts :data:`_SCRIPT_LETTERS` tells languages in, and the language of each when
#: none does.
_SCRIPTS = {"cyrillic": None, "arabic": "ar", "hebrew": "he"}


_SCRIPT_PATTERNS = {
    "cyrillic": _letters_in("\u0400", "\u04ff"),
    "arabic": _letters_in("\u0600", "\u06ff"),
    "hebrew": _letters_in("\u0590", "\u05ff"),
}


def _script_of(letter: str) -> str | None:
    return next((name for name, p in _SCRIPT_PATTERNS.items() if p.fullmatch(letter)), None)


def _words_with(words: set[str], letters: str) -> int:
    """How many of ``words`` hold one of ``letters``."""
    return sum(1 for w in words if any(c in w for c in letters))


def _azerbaijani(text: str, letters: int) -> bool:
    """Whether ``text`` (of so many ``letters``) is in Azerbaijani: its schwa, and its
    commonest words (an English brief spelling names the Azerbaijani way, Xankəndi,
    Əliyeva, has as many schwas, not "və", "and", or "ilə", "with")."""
    if (text.count("ə") + text.count("Ə")) * 100 < letters:
        return False
    words = [w.casefold() for w in _WORDS().findall(text)]
    return sum(w in _AZERBAIJANI_WORDS for w in words) * 50 >= len(words)


def _closed(found: Field) -> Field:
    value = closed_directions(found.value)
    return found if value is found.value else Field(value, found.line)


def reading(
    fmt: str,
    fields: Mapping[str, Field],
    blocks: list[Block] | tuple[Block, ...],
    furniture: list[Furniture] | tuple[Furniture, ...] = (),
    notes: list[tuple[int, str]] | tuple[tuple[int, str], ...] = (),
    front_matter: YMap | None = None,
    dashed: frozenset[str] = frozenset(),
    bold: frozenset[str] = frozenset(),
) -> Reading:
    """A :class:`Reading` with its fields frozen, each closing the marks of writing
    direction it opens (see :func:`~archive_site.files.closed_directions`)."""
    return Reading(
        fmt,
        MappingProxyType({k: _closed(f) for k, f in fields.items()}),
        tuple(blocks),
        tuple(furniture),
        front_matter,
        tuple(notes),
        dashed,
        bold,
    )


_A = TypeVar("_A", str, tuple[str, ...])
_T = TypeVar("_T")

#: A text this long or shorter (a line, a block's lines) is read once a process by a
#: function made with :func:`read_once`; a longer one, each time (kept, a hostile page's
#: lines of a megabyte would be kept with it).
MOST_KEPT = 1_000
#: How many texts' readings each such function keeps (the most recently asked).
KEPT_READINGS = 4_096


def read_once(read: Callable[[_A], _T]) -> Callable[[_A], _T]:
    """``read``, its results kept for texts of :data:`MOST_KEPT` characters or fewer: each
    reader, and each reader's detection before it, reads the lines of a capture's head
    again (its stamps: 830 times 300 lines over the plain-text captures of tests/fixtures;
    its byline: 3.75 times each at 1,000 synthetic wire stories).  ``read`` must be a
    function of its text alone, and what it returns must not change (frozen)."""
    kept = functools.lru_cache(maxsize=KEPT_READINGS)(read)

    @functools.wraps(read)
    def once(text: _A) -> _T:
        size = len(text) if isinstance(text, str) else sum(map(len, text))
        return kept(text) if size <= MOST_KEPT else read(text)

    return once
