"""What the readers of a page saved in a binary container share (``webarchive``, ``warc``).

A reader receives a capture's text, and the loader reads every capture's text
as text (:func:`.base.readable`: control characters are spaces): a binary
container is given to its reader as :func:`escaped` text, which that reading
leaves as it is and :func:`unescaped` turns back into the file's bytes.  The
reader takes the page out of them and reads it as a saved page is (see
:mod:`.html`), every line the page's reading names being the one line of the
capture that holds the page (a binary file has no lines: its first).

Nothing in a container is trusted: whatever it decompresses is bounded by
:data:`~archive_site.files.MAX_BYTES`, as the files the build reads are.
"""

from __future__ import annotations

import codecs
import datetime as dt
import zlib
from collections.abc import Mapping
from dataclasses import replace

from ..errors import Problems
from ..files import MAX_BYTES
from ..patterns import later
from ..urls import is_web_url, uri_of
from .base import Capture, Field, Reading, readable, split_lines
from .charset import LABELS, Decoded, declared, decode_as, misread, misread_within, page_codec
from .html import read as read_page
from .html import unarchived

#: The first character a byte that is not printable ASCII (nor a tab or a line break) is
#: written as: one of Unicode's private use, which no reading of text changes.
_ESCAPE_BASE = 0xF700
_KEPT = frozenset([9, 10, 13, *range(0x20, 0x7F)])
#: Each byte's character, as a codec's table (read by Python's C code: a dictionary given
#: to ``str.translate`` took 7 s for a file of 32 MB).
_TABLE = "".join(chr(b if b in _KEPT else _ESCAPE_BASE + b) for b in range(256))

#: A page in UTF-16 starts with its byte-order mark (as a capture does: see .charset).
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
#: The labels of UTF-16 without its byte-order mark, as the WHATWG Encoding Standard reads
#: them when a page's transport names them (a WARC record's HTTP headers, a web archive):
#: little-endian but for two.  A page cannot declare UTF-16 in itself (see .charset).
_UTF16_LABELS = {
    **dict.fromkeys(
        ["csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16", "utf-16le"],
        ("utf-16-le", "UTF-16LE"),
    ),
    **dict.fromkeys(["unicodefffe", "utf-16be"], ("utf-16-be", "UTF-16BE")),
}
#: The most bytes a compressed body or file is read to (see the module's text).
MOST_INFLATED = MAX_BYTES


def escaped(data: bytes) -> Decoded:
    """A binary capture as its reader receives it (see the module's text); its encoding
    is named "UTF-8" when its bytes are, else "binary"."""
    try:
        data.decode("utf-8")
        encoding = "UTF-8"
    except UnicodeDecodeError:
        encoding = "binary"
    return Decoded(codecs.charmap_decode(data, "strict", _TABLE)[0], encoding)


def unescaped(text: str) -> bytes:
    """The bytes :func:`escaped` wrote as ``text`` (of any other text, no meaning)."""
    # each character's low byte in UTF-16 is its byte (U+F7xx, or ASCII): 0.3 s for 32 MB,
    # where the codec's table took 2.5 s
    return text.encode("utf-16-le", "surrogatepass")[::2]


#: A character no :func:`escaped` text holds: neither ASCII nor one standing for a byte.
_NOT_ESCAPED = later("[^\x00-\x7f\uf700-\uf7ff]")


def head_bytes(text: str, size: int) -> bytes:
    """The first ``size`` bytes of the file :func:`escaped` gave as ``text``, as a format's
    detection looks at them; none when ``text`` is a file's text, not escaped (a text's
    own characters are no bytes: "ğƋ", whose low bytes are gzip's first two, made a
    plain text a WARC file that could not be read)."""
    head = text[:size]
    return unescaped(head) if is_escaped(head) else b""


def is_escaped(text: str) -> bool:
    """Whether ``text`` may be a file :func:`escaped` (only ASCII, and characters standing
    for bytes)."""
    return _NOT_ESCAPED().search(text) is None


class Refused(Exception):
    """What is wrong with a container, and the line of the capture it is on."""

    def __init__(self, message: str, line: int = 1) -> None:
        super().__init__(message)
        self.line = line


def inflated(
    data: bytes, wbits: int, what: str, line: int = 1, *, start: int = 0, most: int = MOST_INFLATED
) -> tuple[bytes, int]:
    """One compressed stream of ``data`` from ``start`` decompressed (``wbits`` as
    :func:`zlib.decompressobj` takes them: 31 for gzip, 15 for zlib, -15 for raw deflate),
    and where in ``data`` that stream ends; :class:`Refused` when it is not such a stream,
    is cut short, or would be more than ``most`` bytes (a "bomb": never decompressed in
    full).  The input is given a window at a time, growing: what follows a stream is never
    copied whole (a file of a million small gzip members is read in time linear in its
    size)."""
    inflater = zlib.decompressobj(wbits)
    view = memoryview(data)
    out: list[bytes] = []
    size, pos, window = 0, start, 4096
    try:
        while not inflater.eof and pos < len(data):
            piece = view[pos : pos + window]
            pos, window = pos + len(piece), min(window * 2, 1 << 20)
            out.append(inflater.decompress(piece, most + 1 - size))
            size += len(out[-1])
            if size > most:
                raise Refused(f"{what} decompresses to more than {most_mb(most)}", line)
    except zlib.error as exc:
        raise Refused(f"{what} is not valid compressed data ({exc})", line) from None
    if not inflater.eof:
        raise Refused(f"{what} is cut short: its compressed data ends before the stream does", line)
    return b"".join(out), pos - len(inflater.unused_data)


def most_mb(most: int) -> str:
    """``most`` bytes, in megabytes, as an error says it."""
    return f"{most / 2**20:,.0f} MB" if most >= 2**20 else f"{most:,} bytes"


def read_html(
    page: bytes,
    label: str | None,
    capture: Capture,
    problems: Problems,
    *,
    fmt: str,
    said: Mapping[str, Field],
    line: int = 1,
) -> Reading:
    """The page ``page`` (its bytes, in the encoding ``label`` names, or it does: see
    :func:`.charset.page_codec`; in UTF-16 with its byte-order mark) read as a saved page
    is, as the format ``fmt``, every line named the capture's ``line``; the fields ``said``
    (its address...) where the page says none."""
    codec = contained_codec(page, label)
    if codec is None:
        unknown = label is not None and label.strip().lower() not in LABELS
        why = f" (the encoding it names, {label!r}, is not one browsers read)" if unknown else ""
        problems.error(
            capture.display, line, f"the page in the {_NAMES[fmt]} is not UTF-8 text{why}"
        )
        return Reading(fmt, dict(said), ())
    try:
        text = decode_as(page, codec[0]).removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        where = f"{exc.reason} at byte {exc.start}"
        why = f"the page in the {_NAMES[fmt]} is not {codec[1]} text ({where})"
        problems.error(capture.display, line, why)
        return Reading(fmt, dict(said), ())
    if not codec[1].startswith("UTF-"):
        named = label or declared(page) or codec[1]
        found = misread(page, text, named, codec[1])
        if found is not None:
            what = f"the page in the {_NAMES[fmt]}"
            problems.error(capture.display, line, misread_within(what, named, codec[1], found))
            return Reading(fmt, dict(said), ())
    own = Problems()
    text = readable("\n".join(split_lines(text)), capture.display, own)
    reading = read_page(Capture.of(text, capture.display), own)
    for d in own:
        problems.extend([replace(d, line=None if d.line is None else line)])
    fields = {k: Field(f.value, line) for k, f in reading.fields.items()}
    for key, value in said.items():
        fields.setdefault(key, value)
    return replace(
        reading,
        format=fmt,
        fields=fields,
        blocks=tuple(replace(b, line=line) for b in reading.blocks),
        furniture=tuple(replace(f, line=line) for f in reading.furniture),
        notes=tuple((line, note) for _, note in reading.notes),
    )


_NAMES = {"webarchive": "web archive", "warc": "WARC file"}


def contained_codec(page: bytes, label: str | None) -> tuple[str, str] | None:
    """The codec of a page its container labels ``label`` (an MHTML part, a WARC record's
    HTTP head, a web archive), and its encoding's name: UTF-16 when the page starts with
    its byte-order mark, or the label names it and the page has the NULs of its ASCII (a
    page in UTF-16 without its byte-order mark was read as UTF-8, every other character a
    NUL, its text lost); else as a saved file's page is (see
    :func:`.charset.page_codec`)."""
    if page.startswith(_UTF16_BOMS):
        return "utf-16", "UTF-16"
    utf16 = _UTF16_LABELS.get(label.strip().lower()) if label is not None else None
    if utf16 is not None and b"\0" in page:
        return utf16
    return page_codec(page, label)


def archived_day(value: str | None, line: int) -> dict[str, Field]:
    """The field ``captured`` of a container's time of archiving (WARC's ``WARC-Date``,
    ``2025-04-23T17:30:00Z``): its day as written (the time's own zone, UTC in a WARC
    file), when it is a real one."""
    try:
        when = dt.datetime.fromisoformat((value or "").strip())
    except ValueError:
        return {}
    return {"captured": Field(when.date().isoformat(), line)}


def address(value: object, line: int) -> dict[str, Field]:
    """The field ``url`` of a container's address of its page, when it is a web address,
    read as a page's own is (an IRI as its URL; a page archived by the Wayback Machine,
    the page's own address)."""
    if not isinstance(value, str):
        return {}
    url = uri_of(unarchived(value))
    return {"url": Field(url, line)} if is_web_url(url) else {}
