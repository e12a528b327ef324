"""A capture's text from its bytes: UTF-8, UTF-16 with its byte-order mark, or the
encoding a saved web page declares.

A capture is kept byte for byte, so a page saved from a browser ("Web page,
HTML only") is in the encoding its server sent: often UTF-8, but a Chinese
page may be GBK, a Russian one windows-1251, a Japanese one Shift_JIS.  Such a
page names its encoding in a ``<meta charset>`` (or ``<meta http-equiv=
"Content-Type" content="...; charset=...">``) in its first 1,024 bytes, where
browsers look for it (the WHATWG HTML standard's prescan, simplified here: a
``<meta>`` tag outside comments), or an XHTML page in its XML declaration.

Bytes that are UTF-8 are read as UTF-8, whatever a page declares: a page
whose server said UTF-8 over HTTP may carry a stale declaration, while text in
a legacy encoding that is also valid UTF-8 is all but unknown.  Otherwise a
web page is read in the encoding it declares, as the WHATWG Encoding Standard
names it (``gb2312`` is read as GBK, ``iso-8859-1`` as windows-1252, as
browsers do); only the standard's encodings are, never one of Python's other
codecs.  Any other text is not read: the error names the line of the first
byte that is not UTF-8 (or not the declared encoding).
"""

from __future__ import annotations

import codecs
import csv
import functools
import itertools
import json
import re
import unicodedata
from typing import NamedTuple

from ..errors import Problems
from ..patterns import later

#: How far into a page its encoding is looked for, as browsers do.
PRESCAN = 1024

#: The WHATWG Encoding Standard's legacy single- and multi-byte encodings, by their names:
#: the Python codec that reads each (the same characters, but for a few bytes the standard
#: reads as control characters and Python's codec leaves undefined: a capture holding one
#: is refused on its line), and the labels a page may name it by.
_ENCODINGS: dict[str, tuple[str, str]] = {
    "IBM866": ("cp866", "866 cp866 csibm866 ibm866"),
    "ISO-8859-2": (
        "iso8859_2",
        "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2",
    ),
    "ISO-8859-3": (
        "iso8859_3",
        "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 latin3",
    ),
    "ISO-8859-4": (
        "iso8859_4",
        "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4",
    ),
    "ISO-8859-5": (
        "iso8859_5",
        "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5 "
        "iso_8859-5:1988",
    ),
    "ISO-8859-6": (
        "iso8859_6",
        "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6 "
        "iso-8859-6-e iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 "
        "iso_8859-6:1987",
    ),
    "ISO-8859-7": (
        "iso8859_7",
        "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 "
        "iso88597 iso_8859-7 iso_8859-7:1987 sun_eu_greek",
    ),
    "ISO-8859-8": (
        "iso8859_8",
        "csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 "
        "iso8859-8 iso88598 iso_8859-8 iso_8859-8:1988 visual csiso88598i iso-8859-8-i "
        "logical",
    ),
    "ISO-8859-10": (
        "iso8859_10",
        "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6",
    ),
    "ISO-8859-13": ("iso8859_13", "iso-8859-13 iso8859-13 iso885913"),
    "ISO-8859-14": ("iso8859_14", "iso-8859-14 iso8859-14 iso885914"),
    "ISO-8859-15": ("iso8859_15", "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9"),
    "ISO-8859-16": ("iso8859_16", "iso-8859-16"),
    "KOI8-R": ("koi8_r", "cskoi8r koi koi8 koi8-r koi8_r"),
    "KOI8-U": ("koi8_u", "koi8-ru koi8-u"),
    "macintosh": ("mac_roman", "csmacintosh mac macintosh x-mac-roman"),
    "windows-874": ("cp874", "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874"),
    "windows-1250": ("cp1250", "cp1250 windows-1250 x-cp1250"),
    "windows-1251": ("cp1251", "cp1251 windows-1251 x-cp1251"),
    "windows-1252": (
        "cp1252",
        "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 "
        "iso8859-1 iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 "
        "x-cp1252",
    ),
    "windows-1253": ("cp1253", "cp1253 windows-1253 x-cp1253"),
    "windows-1254": (
        "cp1254",
        "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 "
        "iso_8859-9:1989 l5 latin5 windows-1254 x-cp1254",
    ),
    "windows-1255": ("cp1255", "cp1255 windows-1255 x-cp1255"),
    "windows-1256": ("cp1256", "cp1256 windows-1256 x-cp1256"),
    "windows-1257": ("cp1257", "cp1257 windows-1257 x-cp1257"),
    "windows-1258": ("cp1258", "cp1258 windows-1258 x-cp1258"),
    "x-mac-cyrillic": ("mac_cyrillic", "x-mac-cyrillic x-mac-ukrainian"),
    "GBK": (  # the standard's GBK decoder is its gb18030 decoder (see decode_as)
        "gb18030",
        "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk",
    ),
    "gb18030": ("gb18030", "gb18030"),
    "Big5": ("big5hkscs", "big5 big5-hkscs cn-big5 csbig5 x-x-big5"),
    "EUC-JP": ("euc_jp", "cseucpkdfmtjapanese euc-jp x-euc-jp"),
    "ISO-2022-JP": ("iso2022_jp", "csiso2022jp iso-2022-jp"),
    "Shift_JIS": ("cp932", "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis"),
    "EUC-KR": (
        "cp949",
        "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 "
        "ksc5601 ksc_5601 windows-949",
    ),
    # A page cannot declare UTF-16 in itself (its prescan reads ASCII): the standard reads
    # such a declaration as UTF-8.
    "UTF-8": (
        "utf-8",
        "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8 utf-16 "
        "utf-16be utf-16le csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff "
        "unicodefffe",
    ),
}
#: Each label, by itself, with the name of its encoding.
LABELS: dict[str, str] = {
    label: name for name, (_, labels) in _ENCODINGS.items() for label in labels.split()
}

_COMMENT = re.compile(rb"<!--.*?(?:-->|\Z)", re.S)
_META = re.compile(rb"<meta[\s/][^>]*>", re.I)
_ATTRIBUTE = re.compile(rb"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""", re.S)
_CHARSET = re.compile(rb"""charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;"']+))""", re.I)
#: An XHTML page's XML declaration, which may name its encoding instead of a ``<meta>``.
_XML_DECLARATION = re.compile(rb"""\s*<\?xml\s[^>]*?encoding\s*=\s*["']([^"']*)["']""")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16LE"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16BE"),
)


class Decoded(NamedTuple):
    """A capture's text, and the name of the encoding it was read from."""

    text: str
    encoding: str


def codec_of(label: str) -> tuple[str, str] | None:
    """The Python codec of the encoding a label names, and the encoding's name; None for a
    label the WHATWG Encoding Standard does not know (or UTF-8's, read as UTF-8 always)."""
    name = LABELS.get(label.strip().lower())
    return None if name is None or name == "UTF-8" else (_ENCODINGS[name][0], name)


def decode_as(data: bytes, codec: str) -> str:
    """``data`` read in ``codec`` (one of :data:`_ENCODINGS`'), as browsers read it where
    Python's codec reads less: the WHATWG Encoding Standard reads a page declaring
    ``gb2312`` or ``gbk`` with its gb18030 decoder (four bytes for a character GBK has not,
    an emoji, a rare name's character: Python's ``gbk`` refused them), the byte 0x80 as "€"
    in both, and EUC-JP's two bytes by the index Shift_JIS (``cp932``) reads too (NEC's
    row 13, ``①``, ``㈱``, and IBM's characters, which Python's ``euc_jp`` refused).
    Raises :class:`UnicodeDecodeError` for bytes browsers do not read either."""
    if codec not in _WIDER:
        return data.decode(codec)
    _register_wider()
    return data.decode(codec, _WIDER_ERRORS)


#: The codecs whose errors :func:`_wider` looks at again, and its name as an error handler.
_WIDER = frozenset({"gb18030", "euc_jp"})
_WIDER_ERRORS = "archive-site-whatwg"


@functools.cache
def _register_wider() -> None:
    codecs.register_error(_WIDER_ERRORS, _wider)


def _wider(exc: UnicodeError) -> tuple[str, int]:
    """What the standard reads where Python's codec stopped (see :func:`decode_as`): the
    euro sign of gb18030's byte 0x80, a character of EUC-JP's two bytes in Shift_JIS's
    index; else the error stands."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    data, start = exc.object, exc.start
    if exc.encoding == "gb18030" and data[start] == 0x80:
        return "\u20ac", start + 1
    pair = data[start : start + 2]
    if exc.encoding == "euc_jp" and len(pair) == 2 and min(pair) >= 0xA1 and max(pair) < 0xFF:
        try:
            return _shift_jis(pair[0] - 0xA0, pair[1] - 0xA0).decode("cp932"), start + 2
        except UnicodeDecodeError:
            pass
    raise exc


def _shift_jis(row: int, cell: int) -> bytes:
    """The Shift_JIS bytes of JIS X 0208's ``row`` and ``cell`` (each 1 to 94)."""
    lead = (row + 1) // 2 + (0x80 if row <= 62 else 0xC0)
    if row % 2 == 0:
        return bytes((lead, cell + 0x9E))
    return bytes((lead, cell + (0x3F if cell <= 63 else 0x40)))


def declared(data: bytes) -> str | None:
    """The encoding label a page's first ``<meta>`` naming one declares (lowercased), as
    browsers read it, in the page's first :data:`PRESCAN` bytes, outside comments; else the
    one an XHTML page's XML declaration names; else None."""
    head = _COMMENT.sub(b"", data[:PRESCAN])
    for meta in _META.finditer(head):
        attributes: dict[bytes, bytes] = {}
        for match in _ATTRIBUTE.finditer(meta.group(0)[5:]):
            value = next((v for v in match.groups()[1:] if v is not None), b"")
            attributes.setdefault(match.group(1).lower(), value)
        label = attributes.get(b"charset")
        if label is None and attributes.get(b"http-equiv", b"").lower() == b"content-type":
            found = _CHARSET.search(attributes.get(b"content", b""))
            label = next((v for v in found.groups() if v is not None), None) if found else None
        if label is not None:
            return label.decode("ascii", "replace").strip().lower()
    xml = _XML_DECLARATION.match(data)
    return xml.group(1).decode("ascii", "replace").strip().lower() if xml else None


def page_codec(data: bytes, label: str | None) -> tuple[str, str] | None:
    """The codec of a page's bytes taken out of a saved file (MHTML, a web archive, a
    WARC), and its encoding's name: UTF-8 when they are, else the encoding ``label`` (the
    file's word for the page's encoding) names, else the one the page declares; None when
    neither names one browsers read."""
    try:
        data.decode("utf-8")
        return "utf-8", "UTF-8"
    except UnicodeDecodeError:
        pass
    for name in (label, declared(data)):
        found = codec_of(name) if name is not None else None
        if found is not None:
            return found
    return None


def decode_capture(data: bytes, display: str, problems: Problems, *, page: bool) -> Decoded | None:
    """The text of a capture's bytes, as the module's docstring says (``page``: the capture
    is a saved web page); None, with the error reported on its line, when it cannot be read.
    """
    document = document_kind(data)
    if document is not None:
        advice = next((a for start, a in _ADVICE if document.startswith(start)), _DOCUMENT_TEXT)
        problems.error(display, 1, advice.format(document))
        return None
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16's
        problems.error(display, 1, "UTF-32 text, which browsers do not read: save it as UTF-8")
        return None
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return _decoded(data, codec, name, f"{name} text", display, problems)
    if _mostly_nul(data):
        problems.error(display, 1, _NUL_TEXT)
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        not_utf8 = exc
    else:
        _warn_twice_encoded(text, display, problems)
        return Decoded(text, "UTF-8")
    label = declared(data) if page else None
    named = LABELS.get(label) if label is not None else None
    if named is None or named == "UTF-8":
        line = data[: not_utf8.start].count(b"\n") + 1
        why = f"not UTF-8 text ({not_utf8.reason} at byte {not_utf8.start}){_hint(label, page)}"
        problems.error(display, line, why)
        return None
    codec = _ENCODINGS[named][0]
    found = _decoded(data, codec, named, f"{named} text, as the page declares", display, problems)
    if found is None:
        return None
    return None if _misread(data, found.text, label, named, display, problems) else found


def _misread(
    data: bytes, text: str, label: str | None, named: str, display: str, problems: Problems
) -> bool:
    """Whether ``text`` (``data`` read as ``named``, as the page declares) is a text in
    another encoding read in that one (see :func:`misread`), refused on its line when it
    is."""
    found = misread(data, text, label, named)
    if found is not None:
        problems.error(display, text.count("\n", 0, found.at) + 1, found.message)
    return found is not None


class Misread(NamedTuple):
    """Where a text read in one encoding is one in another (see :func:`misread`)."""

    at: int  # the offset in the text of its first word misread
    word: str  # that word, as misread
    other: str  # the encoding that reads it, when one is known; else ""
    right: str  # the word as that one reads it
    message: str  # the error on a saved page's misreading, its way out with it


def misread(data: bytes, text: str, label: str | None, named: str) -> Misread | None:
    """Where ``text`` (``data`` read as ``named``, the encoding ``label`` names) is a text
    in another encoding read in that one (see :data:`_MISREAD` and
    :func:`_script_misread`); None when it reads as its own."""
    for test, message in _MISREAD:
        garbled = test(text, named)
        if garbled is not None:
            word = garbled.group()
            return Misread(garbled.start(), word, "", "", message.format(label, named, word))
    other = _script_misread(data, text, named)
    if other is None:
        return None
    at, wrong, name, right = other
    return Misread(at, wrong, name, right, _SCRIPT_TEXT.format(label, named, wrong, name, right))


def misread_within(what: str, label: str, named: str, found: Misread) -> str:
    """The error on a page ``what`` holds (``"the page in the MHTML file"``) that the
    file labels ``label`` (``named``) but is a text in another encoding (``found``): the
    file names another encoding than the page's, and the text is not read (a browser
    reading it so shows the same letters out of order)."""
    reads = f", and read as {found.other} they are words ({found.right!r})" if found.other else ""
    return (
        f"{what} is labelled {label!r} ({named}), but its text does not read as {named}: "
        f"its words come out garbled ({found.word!r}){reads}: the file "
        "names another encoding than its page is in, and the page is not read (capture it "
        "again, or save the text it shows)"
    )


#: A run of three letters or more of the Latin-1 Supplement and Latin Extended-A and -B
#: (and windows-1252's own marks between them): what each word of a text in a legacy
#: encoding of another script (windows-1251's Cyrillic, windows-1256's Arabic, GBK's
#: Chinese, ISO-8859-7's Greek...) is when read as windows-1252 or another Latin one
#: (``Êàçàõñòàí``, ``ÖÐÅ·°àÁÐ``). Words of a language in the Latin script have such a run
#: rarely (a letter of ASCII between its accented ones), and most of their accented
#: letters are in none.
_LATIN_RUN = later(r"[\u00a0-\u024f\u2013-\u2122]{3,}")
#: The accented letters looked at (a page's first 100,000 characters), and the share of
#: them in such runs, and their least number, that make a text read in the wrong encoding.
_GARBLED_SAMPLE = 100_000
_GARBLED_LETTERS = 20
_GARBLED_TEXT = (
    "the page declares the encoding {0!r} ({1}), but its text does not read as {1}: its "
    "words come out as runs of accented letters ({2!r}), as a text in another encoding "
    "(Cyrillic in windows-1251, Arabic in windows-1256, Chinese in GBK...) does, whose "
    "server named its encoding over HTTP and not in the page: save the page again with the "
    "browser as one file (.mhtml), which records the encoding the browser read it in, and "
    "add that"
)


def _garbled(text: str, named: str = "windows-1252") -> re.Match[str] | None:
    """The first run of accented Latin letters in ``text`` when most of its accented
    letters are in such runs (and 20 or more are): a text read in a Latin encoding that is
    not its own (see :data:`_LATIN_RUN`); None otherwise."""
    sample = text[:_GARBLED_SAMPLE]
    accented = sum(1 for ch in sample if "\u00c0" <= ch <= "\u024f" and ch.isalpha())
    if accented < _GARBLED_LETTERS:
        return None
    runs = list(_LATIN_RUN().finditer(sample))
    in_runs = sum(1 for run in runs for ch in run.group() if ch.isalpha())
    return runs[0] if in_runs >= _GARBLED_LETTERS and in_runs * 4 >= accented * 3 else None


#: A word holding a letter windows-1252 has where windows-1254 (ISO-8859-9) has Turkish's
#: ğ, İ, ı, ş (``Ð Ý ý Þ þ ð``: the only letters the two encodings differ in), and a
#: sign of the Latin-1 Supplement between two letters (``wi¹¿e``: Polish's ą, ż, ł in
#: windows-1250 read as windows-1252; not ``·``, which Catalan writes in ``col·lecció``, nor
#: the soft hyphen): a text in another Latin encoding read as windows-1252.
_TURKISH_LATIN = "ÐÝÞðýþ"
#: (The word's letters around it are bounded: a text of one word of 100,000 letters would
#: be scanned again from each of them.)
_LATIN_WORD = later(
    rf"[^\W\d_]{{0,40}}(?:[{_TURKISH_LATIN}]|(?<=[^\W\d_])[¡-¬®-¶¸-¹»-¿](?=[^\W\d_]))\w{{0,40}}"
)
#: Letters Icelandic and Faroese, which write ð, þ and ý, write as often; Turkish never.
_ICELANDIC = "áíóúæÁÍÓÚÆ"
_LATIN_TEXT = (
    "the page declares the encoding {0!r} ({1}), but its text does not read as {1}: its "
    "words hold letters and signs of another Latin encoding read as {1} ({2!r}: Turkish "
    "in windows-1254 or ISO-8859-9, Polish or Czech in windows-1250...), whose server named "
    "its encoding over HTTP and not in the page: save the page again with the browser as "
    "one file (.mhtml), which records the encoding the browser read it in, and add that"
)


def _latin_misread(text: str, named: str) -> re.Match[str] | None:
    """The first word of ``text`` read as windows-1252 that is one of another Latin
    encoding (see :data:`_LATIN_WORD`), when 20 or more are and the text is no Icelandic;
    None otherwise."""
    if named != "windows-1252":
        return None
    sample = text[:_GARBLED_SAMPLE]
    words = list(itertools.islice(_LATIN_WORD().finditer(sample), _GARBLED_LETTERS))
    if len(words) < _GARBLED_LETTERS:
        return None
    odd = sum(sample.count(ch) for ch in _TURKISH_LATIN)
    icelandic = sum(sample.count(ch) for ch in _ICELANDIC)
    return None if odd and icelandic * 10 >= odd else words[0]


#: A letter within a word (between two letters) that windows-1252 has where windows-1250
#: has Czech's ě, ř, č, ň, ů, ď (``mìsto``, ``pøeprava``, ``Èeská``): Czech in windows-1250
#: read as windows-1252, whose letters all read as letters (Polish's read as signs, see
#: :data:`_LATIN_WORD`). Danish writes ø, French and Catalan è, ò, ï within words, Italian
#: ì, ò, ù at a word's end: none of them ì within a word and ø both, as Czech does.
_CZECH_LETTER = later(r"(?<=[^\W\d_])[ìøèòùïÌØÈÒÙÏ](?=[^\W\d_])")
_CZECH_E = "ìÌ"
_CZECH_R = "øØ"
_CZECH_WORDS = 20  # the least such letters, and at least 3 of ì and of ø
_CZECH_EACH = 3


def _czech_misread(text: str, named: str) -> re.Match[str] | None:
    """The first letter of ``text`` read as windows-1252 that is Czech's in windows-1250
    (see :data:`_CZECH_LETTER`), when 20 or more are, 3 or more of them ì and as many ø;
    None otherwise."""
    if named != "windows-1252":
        return None
    found = list(itertools.islice(_CZECH_LETTER().finditer(text[:_GARBLED_SAMPLE]), 2000))
    if len(found) < _CZECH_WORDS:
        return None
    e = sum(1 for m in found if m[0] in _CZECH_E)
    r = sum(1 for m in found if m[0] in _CZECH_R)
    return _word_at(text, found[0].start()) if e >= _CZECH_EACH and r >= _CZECH_EACH else None


def _word_at(text: str, at: int) -> re.Match[str] | None:
    """The word of ``text`` holding the character at ``at`` (its letters around it, at
    most 40 each side)."""
    start = max(0, at - 40)
    return _AROUND().search(text, start, at + 41) if at >= 0 else None


_AROUND = later(r"[^\W\d_]{0,40}[ìøèòùïÌØÈÒÙÏ]\w{0,40}")


#: A word in Cyrillic in small letters but its capital first, and one of three letters or
#: more all in capitals: what a text in KOI8-R reads as in windows-1251, and the other way
#: round (the two put the small and the capital letters in each other's places).
_SMALL_THEN_CAPITALS = later(r"\b[а-яё][А-ЯЁ]{2,}\b")
_CAPITALS = later(r"\b[А-ЯЁ]{3,}\b")
_CYRILLIC_WORD = later(r"\b[а-яёА-ЯЁ]{3,}\b")
_CYRILLIC_TEXT = (
    "the page declares the encoding {0!r} ({1}), but its text does not read as {1}: its "
    "words come out in capitals, each name's first letter small ({2!r}), as a text in "
    "another Cyrillic encoding (KOI8-R, windows-1251) does, whose server named its encoding "
    "over HTTP and not in the page: save the page again with the browser as one file "
    "(.mhtml), which records the encoding the browser read it in, and add that"
)


def _cyrillic_misread(text: str, named: str) -> re.Match[str] | None:
    """The first word of ``text`` in small letters but its first (``зТХЪПРЕ``) when most of
    its Cyrillic words are in capitals and three or more are such: a text in one Cyrillic
    encoding read in another; None otherwise."""
    del named  # (any: KOI8-R read as windows-1251, windows-1251 as KOI8-R or KOI8-U)
    sample = text[:_GARBLED_SAMPLE]
    first = _SMALL_THEN_CAPITALS().search(sample)
    if first is None:
        return None
    odd = sum(1 for _ in itertools.islice(_SMALL_THEN_CAPITALS().finditer(sample), 3))
    words = sum(1 for _ in _CYRILLIC_WORD().finditer(sample))
    capitals = sum(1 for _ in _CAPITALS().finditer(sample))
    return first if odd >= 3 and capitals * 2 > words else None


_MISREAD = (
    (_garbled, _GARBLED_TEXT),
    (_latin_misread, _LATIN_TEXT),
    (_czech_misread, _LATIN_TEXT),
    (_cyrillic_misread, _CYRILLIC_TEXT),
)


#: The legacy encodings of one script (each a single byte a character), in the order one
#: is named when a text in several reads right: a text in one of them may be declared as
#: another (its server named the right one over HTTP), and reads as words of its script
#: in neither's order of letters (ISO-8859-5's or IBM866's Russian read as windows-1251:
#: ``°ЫШХТ``, ``Ђ«ЁҐў`` for ``Алиев``).
_SCRIPTS = (
    ("windows-1251", "KOI8-R", "KOI8-U", "ISO-8859-5", "IBM866", "x-mac-cyrillic"),
    ("ISO-8859-7", "windows-1253"),
    ("windows-1256", "ISO-8859-6"),
)
#: A word of a text in such an encoding: a run of characters beyond ASCII (its letters all
#: are; a space, a digit or a mark of ASCII ends it), among the text's first 2,000.
_BEYOND_ASCII = later(r"[^\x00-\x7f]+")
_SCRIPT_WORDS = 2000
#: What may stand within a word besides its letters: combining marks, digits, dashes, an
#: apostrophe (Ukrainian's ``м’ясо``), a soft hyphen, the joiners (Persian's ZWNJ).
_WITHIN_WORD = "\u2019\u02bc\u00ad\u200c\u200d"
#: The odd words that make a text misread, when the encoding read right has at most a fifth
#: as many (a text in its own encoding has next to none: its words' letters are of one
#: script, small after the first or all capitals, with no sign among them).
_SCRIPT_ODD = 3
_SCRIPT_TEXT = (
    "the page declares the encoding {0!r} ({1}), but its text does not read as {1}: its "
    "words come out as letters and signs out of their order ({2!r}), and read as {3} they "
    "are words ({4!r}): a text in {3} whose server named its encoding over HTTP and not in "
    "the page: save the page again with the browser as one file (.mhtml), which records "
    "the encoding the browser read it in, and add that"
)


def _script_misread(data: bytes, text: str, named: str) -> tuple[int, str, str, str] | None:
    """Where the first odd word of ``text`` (``data`` read as ``named``) is, that word, and
    the encoding of ``named``'s script (see :data:`_SCRIPTS`) that reads the text with at
    most a fifth as many odd words (see :func:`_odd_word`), and the word as it reads the
    same bytes, when ``text`` has three or more; None otherwise."""
    group = next((g for g in _SCRIPTS if named in g), None)
    if group is None:
        return None
    sample = text[:_GARBLED_SAMPLE]
    odd = _odd_words(sample)
    if len(odd) < _SCRIPT_ODD:
        return None
    best: tuple[int, str] | None = None
    for name in group:
        if name == named:
            continue
        try:  # (one byte a character: the sample's bytes are the data's first as many)
            other = data[: len(sample)].decode(_ENCODINGS[name][0])
        except UnicodeDecodeError:
            continue
        count = len(_odd_words(other))
        if count * 5 <= len(odd) and (best is None or count < best[0]):
            best = (count, name)
    if best is None:
        return None
    start, end = odd[0]
    right = data[start:end].decode(_ENCODINGS[best[1]][0])
    return start, sample[start:end], best[1], right


def _odd_words(text: str) -> list[tuple[int, int]]:
    """The spans of the words of ``text`` (see :data:`_BEYOND_ASCII`) that no text of a
    script writes (see :func:`_odd_word`), its punctuation around each left out."""
    found = []
    for run in itertools.islice(_BEYOND_ASCII().finditer(text), _SCRIPT_WORDS):
        start, end = run.span()
        while start < end and _around_word(text[start]):
            start += 1
        while end > start and _around_word(text[end - 1]):
            end -= 1
        word = text[start:end]
        if any(ch.isalpha() for ch in word) and _odd_word(word):
            found.append((start, end))
    return found


def _around_word(ch: str) -> bool:
    """Whether ``ch`` may stand next to a word: a mark of punctuation (but the pilcrow and
    the section sign, which stand before numbers), a space, an invisible format mark."""
    kind = unicodedata.category(ch)
    return (kind[0] == "P" and ch not in "¶§") or kind in ("Zs", "Cf")


def _odd_word(word: str) -> bool:
    """Whether ``word`` is none a script writes: a sign within it (see
    :data:`_WITHIN_WORD`), letters of two scripts, or a capital after a small letter or
    small letters and capitals after its first (``зТХЪПРЕ``, ``ЧРпТШЫ``)."""
    scripts = set()
    for ch in word:
        kind = unicodedata.category(ch)
        if kind[0] == "M" or kind in ("Pd", "Nd") or ch in _WITHIN_WORD:
            continue
        if not ch.isalpha():
            return True
        scripts.add(unicodedata.name(ch, "?").split()[0])
    rest = word[1:]
    upper = any(ch.isupper() for ch in rest)
    return len(scripts) > 1 or (upper and (word[0].islower() or any(ch.islower() for ch in rest)))


#: A character of UTF-8's two or three bytes read as windows-1252 (or Latin-1) and saved
#: again as UTF-8: its lead byte's letter (``Ã``, ``Ð``, ``â``) and the signs or letters
#: of its continuation bytes (``©``, ``€``, ``“``: ``Ã©`` for ``é``, ``â€“`` for ``–``).
_CONTINUATION = "\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_TWICE = later(f"[\u00c2-\u00df][{_CONTINUATION}]|[\u00e0-\u00ef][{_CONTINUATION}]{{2}}")
_TWICE_TEXT = (
    "the text holds UTF-8 that was read as windows-1252 and saved again ({0!r} for {1!r}, "
    "at least {2} times): if the page showed it right, save it again from the browser (as "
    "one file, .mhtml) or copy its text again; if the source itself shows it so, it is "
    "kept as the source gives it"
)


def _warn_twice_encoded(text: str, display: str, problems: Problems) -> None:
    """A warning on the line of its first when ``text`` holds characters encoded twice (see
    :data:`_TWICE`): three or more, and most of its letters of the Latin-1 Supplement in
    them (a German "Spaß“" is one such pair, and its text has other ß and ü)."""
    sample = text[:_GARBLED_SAMPLE]
    if sample.isascii():  # (no lead letter: 0.26 ms a capture searched for none)
        return
    found = []
    for match in _TWICE().finditer(sample):
        original = _once(match.group())
        if original is not None:
            found.append((match, original))
    if len(found) < 3:
        return
    accented = sum(1 for ch in sample if "\u00c0" <= ch <= "\u00ff")
    if len(found) * 4 < accented * 3:
        return
    first, original = found[0]
    line = text.count("\n", 0, first.start()) + 1
    problems.warning(display, line, _TWICE_TEXT.format(first.group(), original, len(found)))


def _once(chars: str) -> str | None:
    """What ``chars`` (a lead and its continuations, see :data:`_TWICE`) were in UTF-8
    before being read as windows-1252; None when their bytes are no UTF-8 character."""
    data = bytes(ord(ch) if ord(ch) < 0x100 else ch.encode("cp1252")[0] for ch in chars)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


#: What a file of another kind than text or a page opens with, as a researcher may try to
#: add one (a PDF, a Word document): its magic bytes, and what it is called.
_DOCUMENTS = (
    (b"%PDF-", "a PDF document"),
    (b"{\\rtf", "an RTF document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Word 97-2003 document (or another Office file)"),
    (b"PK\x03\x04", "a zip file"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
)
#: What is in a zip file that is an office document: its first names.
_ZIPPED = (
    (b"word/", "a Word document (.docx)"),
    (b"application/vnd.oasis.opendocument.text", "an OpenDocument text (.odt)"),
    (b"xl/", "an Excel workbook"),
    (b"ppt/", "a PowerPoint presentation"),
    (b"application/epub+zip", "an EPUB e-book (.epub)"),
)
#: A zip file whose first member is a web page, as Google Docs exports a document ("Web page
#: (.html, zipped)": the page, and its images in a folder).
_ZIPPED_PAGE = later(r"[^/\x00-\x1f]{1,80}\.html?", re.IGNORECASE)
_UNZIP_TEXT = "{}, which archive-site does not read as it is: unzip it and add the page"
_CHAT_TEXT = (
    "{}, which archive-site does not read as an article: copy the messages you cite into a "
    ".txt file of their own, each a paragraph opening with its writer's name (Jane Roe: "
    "...), as an interview's turns, and give the chat's day, title and people in the "
    "metadata"
)
#: What to do with a document of those kinds, where it is not to save its text.
_ADVICE = (
    ("a zip file holding a web page", _UNZIP_TEXT),
    ("a WhatsApp chat export", _CHAT_TEXT),
)
_DOCUMENT_TEXT = (
    "{}, which archive-site does not read: save the article's text from it as a plain "
    "text file (.txt), or the page it came from with the browser, and add that (keep the "
    "original with your own records)"
)


#: The root element of an XML document, after its declaration, comments, processing
#: instructions and document type (an XHTML page's is ``<html``). (A comment may not run
#: past its first "-->", and what is matched is not given back: 400 comments and no root
#: took minutes.)
_XML_ROOT = later(
    r"\s*<\?xml[^>]*\?>(?:\s*<!--(?:[^-]|-(?!->))*-->|\s*<\?[^>]*\?>"
    r"|\s*<!DOCTYPE[^>\[]*+(?:\[[^\]]*+\])?\s*>)*+\s*"
    r"<(?P<root>[A-Za-z_][\w:.-]*+)"
)
#: What an XML document is, by its root: a news feed (RSS, Atom, RSS 1.0), whose markup
#: would be read as the text; an Evernote export, its notes' pages inside it; an image.
_XML_KINDS = {
    "rss": "an RSS feed",
    "feed": "an Atom feed",
    "rdf:RDF": "an RSS 1.0 feed",
    "en-export": "an Evernote export (.enex)",
    "svg": "an SVG image",
}


def _zip_kind(data: bytes) -> str:
    """What a zip file no office document is holds, as its first member's name tells: a web
    page (``Fieldnotes.html``, a Google Docs export), to be unzipped; else a zip file."""
    size = int.from_bytes(data[26:28], "little")
    first = data[30 : 30 + min(size, 200)].decode("utf-8", "replace")
    if _ZIPPED_PAGE().fullmatch(first) is None:
        return "a zip file"
    return f"a zip file holding a web page, {first} (as Google Docs exports a document)"


def document_kind(data: bytes) -> str | None:
    """What a file is, when its first bytes say it is a document of a kind no reader takes
    (a PDF, a Word or OpenDocument file, an RTF, an image; an XML document other than an
    XHTML page, a news feed or a tool's export, whose markup would be read as the text; a
    JSON document or a CSV table, a site's or a tool's export): None for anything else."""
    for magic, kind in _DOCUMENTS:
        if data.startswith(magic):
            if magic.startswith(b"PK"):  # which zip: its members' names are in its start
                head = data[:4096]
                return next((name for mark, name in _ZIPPED if mark in head), _zip_kind(data))
            return kind
    head = data[:4096].removeprefix(codecs.BOM_UTF8)
    xml = _XML_ROOT().match(head.decode("latin-1"))  # (its markup's bytes are ASCII)
    if xml is not None and xml["root"].lower() != "html":
        root = xml["root"]
        return _XML_KINDS.get(root, f"an XML document (its root element is <{root}>)")
    if head.lstrip()[:1] in (b"{", b"[") and _json(data):
        return "a JSON document"
    if _chat(head):
        return "a WhatsApp chat export (its messages' day, time and writer opening each line)"
    return "a table of comma-separated values (CSV)" if _table(head) else None


#: A line of a chat exported as text, as WhatsApp writes it on Android ("23/04/2025, 09:14 -
#: ") or on iOS ("[23.04.25, 09:14:05] "): its day and time, then (a message's, not the
#: app's notice's) its writer and a colon.
_CHAT_STAMP = later(
    r"\u200e?\[?\d{1,2}[/.]\d{1,2}[/.]\d{2,4},\s\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?\s?[Mm]\.?)?"
    r"(?:\]\s|\s-\s)"
)
_CHAT_WRITER = later(r"[^:\n]{1,60}:\s")
#: The lines looked at, and how many of them must be a message's.
_CHAT_LINES = 5
_CHAT_MESSAGES = 2


def _chat(head: bytes) -> bool:
    """Whether a file's first bytes are a chat exported as text (see :data:`_CHAT_STAMP`):
    its first line opens with a day and a time, and two of its first five lines are
    messages, a writer's name and a colon after them."""
    lines = [line for line in head.decode("utf-8", "replace").splitlines() if line.strip()]
    lines = lines[:_CHAT_LINES]
    if not lines or _CHAT_STAMP().match(lines[0].lstrip("\ufeff")) is None:
        return False
    stamped = [_CHAT_STAMP().match(line) for line in lines]
    messages = sum(
        1
        for line, m in zip(lines, stamped, strict=True)
        if m and _CHAT_WRITER().match(line, m.end())
    )
    return messages >= _CHAT_MESSAGES


#: A column's name in a table's first line: a word or a few, of no sentence
#: ("time_added", "URL", "Time Added").
_COLUMN = later(r"[A-Za-z_][\w .()/-]{0,39}")


def _table(head: bytes) -> bool:
    """Whether a file's first bytes are a table of values parted by commas, semicolons or
    tabs (CSV: a spreadsheet's export, a read-later service's list of links, Pocket's and
    Instapaper's): a first line of three names of columns or more (of three words at
    most), parted by one of them with no space after it (a headline's commas have one),
    and the next lines, one or two, of as many values each, none after a space (a
    sentence's commas have one after them; a value holding one is quoted)."""
    lines = head.decode("utf-8", "replace").splitlines()[:3]
    if len(lines) < 2:
        return False
    for mark in (",", ";", "\t"):
        rows = list(csv.reader(lines, delimiter=mark))
        names = rows[0]
        if (
            len(names) >= 3
            and f"{mark} " not in lines[0]
            and all(_COLUMN().fullmatch(n.strip()) and len(n.split()) <= 3 for n in names)
            and len(rows) == len(lines)
            and all(len(row) == len(names) for row in rows[1:])
            and not any(value.startswith(" ") for row in rows[1:] for value in row)
        ):
            return True
    return False


def _json(data: bytes) -> bool:
    """Whether the bytes are a JSON document, whole."""
    try:
        json.loads(data)
    except (ValueError, RecursionError):
        return False
    return True


#: The bytes looked at for NULs, and the share of them that makes no text.
_NUL_SAMPLE = 4096
_NUL_TEXT = (
    "not text: a quarter or more of its bytes are NUL (UTF-16 or UTF-32 without its "
    "byte-order mark?): save it as UTF-8"
)


def _mostly_nul(data: bytes) -> bool:
    """Whether a quarter or more of the first bytes are NUL: no text in UTF-8 or a legacy
    encoding has them, UTF-16 and UTF-32 have one in every two or four bytes of ASCII."""
    sample = data[:_NUL_SAMPLE]
    return bool(sample) and sample.count(0) * 4 >= len(sample)


def _decoded(
    data: bytes, codec: str, name: str, what: str, display: str, problems: Problems
) -> Decoded | None:
    try:
        return Decoded(decode_as(data, codec).removeprefix("\ufeff"), name)
    except UnicodeDecodeError as exc:
        line = _line_of(data, exc.start, codec)
        problems.error(display, line, f"not {what} ({exc.reason} at byte {exc.start})")
        return None


def _line_of(data: bytes, offset: int, codec: str) -> int:
    """The line of the byte at ``offset`` (UTF-16: counted in the text before it)."""
    if codec == "utf-16":
        return data[: offset - offset % 2].decode(codec, "replace").count("\n") + 1
    return data[:offset].count(b"\n") + 1


def _hint(label: str | None, page: bool) -> str:
    if label is not None and label not in LABELS:
        return f"; the page declares the encoding {label!r}, which is not one browsers read"
    if page and label is None:
        return "; a page in another encoding must name it in a <meta charset> at its top"
    if page and LABELS.get(label or "") == "UTF-8":
        return _STALE_UTF8_HINT
    if not page:  # a text file names no encoding: a legacy one (windows-1251, GBK...) is
        return _TEXT_HINT  # not told from another
    return ""


_STALE_UTF8_HINT = (
    "; the page declares UTF-8, but its text is in another encoding, which its server must "
    "have named over HTTP: save the page again with the browser as one file (.mhtml), which "
    "records the encoding the browser read it in, and add that"
)
_TEXT_HINT = (
    "; a text file names no encoding, so it must be UTF-8: open it in a text editor that "
    "shows it right and save it as UTF-8 (its words stay the same)"
)
