"""``warc``: a web page archived as WARC (ISO 28500: ``.warc``, ``.warc.gz``), or WACZ.

Webrecorder's ArchiveWeb.page, Browsertrix, the Internet Archive and ``wget
--warc-file`` write what they fetched as WARC records, a ``.warc.gz`` each
record in a gzip member of its own; a WACZ file (``.wacz``) is a zip file of
WARC files (``archive/*.warc.gz``) and the list of their pages
(``pages/pages.jsonl``).  The page is the first ``response`` (with a status of
2xx) or ``resource`` record whose payload is ``text/html`` (or XHTML): the one
whose ``WARC-Target-URI`` a WACZ file lists first, or else the first
``request`` record asked for, when there is one; else the first.  Its HTTP body is decoded as the
headers say (``Transfer-Encoding: chunked``; ``Content-Encoding: gzip`` or
``deflate``; Brotli and Zstandard, which Python's library does not read, are
refused), and, as warcio does, a body the headers call chunked or compressed
that does not start so is read as it is (a browser's archive stores bodies
decoded).  The page is read as a saved page is (see :mod:`.html`), in the
encoding its ``Content-Type`` names, else the one it declares; its address,
where it names none, is its ``WARC-Target-URI``.  ``WARC-Date`` is when the
page was archived, never when it was published: its day (in UTC, as WARC writes it) is
the day the capture was made (``captured``).  The capture
stays byte for byte.  Every line named (a field, a paragraph, a problem) is the
line of the record's ``WARC/`` line in a ``.warc``; a ``.warc.gz`` or a WACZ
file has no lines: its first (its problems name the record by its number).
"""

from __future__ import annotations

import io
import json
import re
import zipfile
import zlib
from collections.abc import Iterator
from typing import NamedTuple

from ..errors import Problems
from ..patterns import later
from .base import Capture, Format, Reading
from .container import (
    MOST_INFLATED,
    Refused,
    address,
    archived_day,
    head_bytes,
    inflated,
    most_mb,
    read_html,
    unescaped,
)

SUFFIXES = (".warc", ".warc.gz", ".wacz")
_GZIP = b"\x1f\x8b"
_ZIP = b"PK\x03\x04"
_WARC_NAMES = (".warc", ".warc.gz")
#: What reading a zip file may raise: a malformed one, an entry encrypted or compressed in
#: a way Python does not read.
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    RuntimeError,
    NotImplementedError,
    ValueError,
    EOFError,
    OSError,
    zlib.error,
)
#: How a WACZ file's entries are compressed (zip's "stored" and "deflated"), and the names
#: of the other ways a zip file may be.
_ZIP_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_ZIP_METHOD_NAMES = {zipfile.ZIP_BZIP2: "bzip2", zipfile.ZIP_LZMA: "LZMA"}
#: The most of a WACZ file's list of pages read.
_MOST_PAGES_LIST = 1024 * 1024
_VERSION = re.compile(rb"WARC/1\.[01]\r?\n")
#: The longest header of a record, of an HTTP response.
_MOST_HEAD = 64 * 1024
_HEAD_END = re.compile(rb"\r?\n\r?\n")
_LINE_END = re.compile(rb"\r?\n")
#: What may follow a gzipped file's last member: nothing, or padding.
_PADDING = re.compile(rb"[\0\r\n\t ]*\Z")
#: The line breaks between records (possessive: a group repeated as "(?:\r?\n)*" is, took
#: 6 s and 4 GB of memory for a run of 32 MB of them).
_GAP = re.compile(rb"(?:\r?\n)*+")
_LENGTH = later(r"[0-9]{1,12}")
_STATUS = re.compile(rb"HTTP/[0-9](?:\.[0-9])?[ \t]+([0-9]{3})\b")
_CHUNK_SIZE = re.compile(rb"([0-9A-Fa-f]{1,12})[ \t]*(?:;[^\r\n]*)?\r?\n")
_CHARSET = later(r"""charset\s*=\s*["']?([^"';\s]+)""", re.I)
_PAGE_TYPES = ("text/html", "application/xhtml+xml")
#: The most compressions of one body undone (``Content-Encoding: gzip, gzip``).
_MOST_ENCODINGS = 3
#: The most chunks of a chunked body joined: each is a step of Python's (5 million of a
#: byte each, a .warc.gz of 44 KB, took 8 s and 500 MB); a server sends kilobytes at once.
_MOST_CHUNKS = 200_000
#: The most records (or gzip members) of a file read: each is some steps of Python's (a
#: million empty ones, a .warc.gz of 75 KB, took 9 s); a real record's headers alone are
#: some 300 bytes, so 32 MB holds fewer than this.
_MOST_RECORDS = 200_000


def is_warc(name: str, data: bytes) -> bool:
    """Whether the capture file ``name`` holding ``data`` is a WARC file: by its name, or
    by its first line (``WARC/1.0``, ``WARC/1.1``), gzipped or not; a WACZ file, a zip file
    with WARC files in its ``archive/`` folder."""
    if name.lower().endswith(SUFFIXES) or _VERSION.match(data):
        return True
    if data.startswith(_ZIP):
        try:
            names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        except _ZIP_ERRORS:
            return False
        return any(n.startswith("archive/") and n.lower().endswith(_WARC_NAMES) for n in names)
    if not data.startswith(_GZIP):
        return False
    try:
        head = zlib.decompressobj(31).decompress(data[:4096], 16)
    except zlib.error:
        return False
    return bool(_VERSION.match(head))


def detect(capture: Capture) -> bool:
    """A first line ``WARC/1.0`` or ``WARC/1.1``, or gzip's first bytes (a file named a
    WARC file that is not one is refused by :func:`read`, with what is wrong with it)."""
    head = head_bytes(capture.text, 16)
    return bool(_VERSION.match(head)) or head.startswith((_GZIP, _ZIP))


class _Record(NamedTuple):
    """A WARC record: its headers (names lowercased), its block, its line and number."""

    headers: dict[str, str]
    block: bytes
    line: int
    number: int


class _Page(NamedTuple):
    """The page's record, its HTTP headers (none for a ``resource``), and its body."""

    record: _Record
    headers: dict[str, str]
    body: bytes


def read(capture: Capture, problems: Problems) -> Reading:
    data = unescaped(capture.text)
    try:
        if data.startswith(_ZIP):
            stream, broken, listed = _wacz(data)
        else:
            (stream, broken), listed = _stream(data), None
        records = _records(stream, counted=not data.startswith((_GZIP, _ZIP)))
        page = _page(records, broken, listed, capture, problems)
        body = _decoded_body(page)
    except Refused as refused:
        problems.error(capture.display, refused.line, f"not a readable WARC file: {refused}")
        return Reading("warc", {}, ())
    line = page.record.line
    said = address(_target(page), line) | archived_day(page.record.headers.get("warc-date"), line)
    content_type = page.headers.get("content-type") or page.record.headers.get("content-type", "")
    label = _CHARSET().search(content_type)
    charset = label.group(1) if label else None
    return read_html(body, charset, capture, problems, fmt="warc", said=said, line=line)


def _page(
    records: Iterator[_Record],
    broken: Refused | None,
    listed: str | None,
    capture: Capture,
    problems: Problems,
) -> _Page:
    """The page's record among ``records`` (see the module's text: ``listed``, the page a
    WACZ file lists first), warned of ``broken``, what stopped the file being read to its
    end; :class:`Refused` when there is none."""
    asked = listed
    pages: list[_Page] = []
    try:
        for record in records:
            kind = record.headers.get("warc-type", "").lower()
            if kind == "request" and asked is None:
                asked = _target(record)  # (warcio writes it after its response, wget before)
                if any(_target(p) == asked for p in pages):
                    break
            found = _html(record, kind)
            if found is not None:
                pages.append(found)
                if asked is not None and _target(found) == asked:
                    break
    except Refused as refused:
        broken = broken or refused  # a stream cut short: the cut is the cause
    if broken is not None:
        if not pages:
            raise broken
        why = f"the rest of the file is not read: {broken}"
        problems.warning(capture.display, broken.line, why)
    if not pages:
        raise Refused("no HTML page in it (no response or resource record of text/html)")
    return next((p for p in pages if _target(p) == asked), pages[0])


def _target(page: _Page | _Record) -> str:
    record = page.record if isinstance(page, _Page) else page
    return record.headers.get("warc-target-uri", "").strip("<> ")


def _wacz(data: bytes) -> tuple[bytes, Refused | None, str | None]:
    """A WACZ file's WARC files as one stream (see :func:`_stream`), what stopped that, and
    the address of the first page it lists."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = archive.namelist()
        warcs = sorted(
            n for n in names if n.startswith("archive/") and n.lower().endswith(_WARC_NAMES)
        )
        if not warcs:
            raise Refused("a WACZ file without a WARC file in its archive/ folder: no page in it")
        listed = _listed(archive) if "pages/pages.jsonl" in names else None
        parts: list[bytes] = []
        total, broken = 0, None
        for name in warcs:
            left = MOST_INFLATED - total  # what its WARC files hold is bounded in all
            raw = _entry(archive, name, left + 1)
            stream, broken = _stream(raw[:left], left)
            if len(raw) > left:
                why = f"{name} in it is more than {most_mb(MOST_INFLATED)}"
                why += " with the WARC files before it" if total else ""
                broken = Refused(why)
            parts.append(stream)
            total += len(stream)
            if broken is not None:
                break
    except _ZIP_ERRORS as exc:
        raise Refused(f"a WACZ file that is not a readable zip file ({exc})") from None
    return b"".join(parts), broken, listed


def _listed(archive: zipfile.ZipFile) -> str | None:
    """The address of the first page a WACZ file's ``pages/pages.jsonl`` lists (its first
    line, naming its format, is no page)."""
    lines = _entry(archive, "pages/pages.jsonl", _MOST_PAGES_LIST).split(b"\n")
    for line in lines:
        try:
            page = json.loads(line)
        except (ValueError, RecursionError):  # ("[[[[...": nested past Python's stack)
            continue
        if isinstance(page, dict) and "format" not in page and isinstance(page.get("url"), str):
            return str(page["url"])
    return None


def _entry(archive: zipfile.ZipFile, name: str, most: int) -> bytes:
    """The first ``most`` bytes of the entry ``name`` of a WACZ file; :class:`Refused` when
    it is compressed otherwise than a WACZ file's are (stored or deflated): Python reads
    bzip2 and LZMA a whole block at a time, whatever is asked (a file of 832 bytes took
    16 s and 4 GB of memory)."""
    method = archive.getinfo(name).compress_type
    if method not in _ZIP_METHODS:
        how = _ZIP_METHOD_NAMES.get(method, f"method {method}")
        raise Refused(
            f"{name} in it is compressed with {how}: a WACZ file's are stored or deflated"
        )
    with archive.open(name) as entry:
        return entry.read(most)


def _stream(data: bytes, most: int = MOST_INFLATED) -> tuple[bytes, Refused | None]:
    """The file's records as one stream: a gzipped file's members decompressed one after
    the other, to ``most`` bytes in all; and what stopped that before the file's end (the
    members read up to it are read)."""
    if not data.startswith(_GZIP):
        return data, None
    out: list[bytes] = []
    total, pos, member = 0, 0, 0
    while not _PADDING.match(data, pos):
        member += 1
        if member > _MOST_RECORDS:
            return b"".join(out), Refused(f"more than {_MOST_RECORDS:,} gzip members")
        if not data.startswith(_GZIP, pos):
            return b"".join(out), Refused(f"gzip member {member} does not start as gzip does")
        what = f"gzip member {member}"
        what += f" (after {total:,} bytes of the ones before it)" if total else ""
        try:
            chunk, pos = inflated(data, 31, what, start=pos, most=most - total)
        except Refused as refused:
            return b"".join(out), refused
        out.append(chunk)
        total += len(chunk)
    return b"".join(out), None


def _records(stream: bytes, *, counted: bool) -> Iterator[_Record]:
    """The records of the stream, each with its line (``counted``: in an uncompressed file;
    else 1); :class:`Refused` at the first that is malformed."""
    pos, line, number, seen = 0, 1, 0, 0
    while True:
        gap = _GAP.match(stream, pos)
        pos = gap.end() if gap else pos
        if pos >= len(stream):
            return
        if counted:
            line, seen = line + stream.count(b"\n", seen, pos), pos
        number += 1
        if number > _MOST_RECORDS:
            raise Refused(f"more than {_MOST_RECORDS:,} records", line)
        where = f"record {number}"
        if not _VERSION.match(stream, pos):  # the first: a record ends where the next starts
            raise Refused(f"{where} does not start with 'WARC/1.0' or 'WARC/1.1'", line)
        end = _HEAD_END.search(stream, pos, pos + _MOST_HEAD)
        if end is None:
            raise Refused(f"{where}'s header does not end: the file is cut short?", line)
        headers = _headers(stream[pos : end.start()])
        length = headers.get("content-length", "").strip()
        if not _LENGTH().fullmatch(length):
            raise Refused(_no_length(where, length), line)
        start, size = end.end(), int(length)
        if start + size > len(stream):
            left = len(stream) - start
            why = f"{where} is cut short: its Content-Length is {size:,} bytes, {left:,} follow"
            raise Refused(why, line)
        pos = start + size
        follows = _GAP.match(stream, pos)
        if follows and follows.end() < len(stream) and not _VERSION.match(stream, follows.end()):
            why = f"{where}'s Content-Length ({size:,}) is wrong: no record follows where it ends"
            raise Refused(why, line)
        yield _Record(headers, stream[start:pos], line, number)


def _no_length(where: str, length: str) -> str:
    """Why a record's Content-Length is none the reader takes: missing, no whole number of
    bytes, or more bytes than any file it reads (a number of 16 digits was "not a number")."""
    if not length:
        return f"{where} has no Content-Length"
    if length.isdigit() and length.isascii():
        much = "is more bytes than any capture the build reads"
        return f"{where}'s Content-Length ({length[:20]}) {much}"
    return f"{where}'s Content-Length is not a number of bytes: {length[:20]!r}"


def _headers(head: bytes) -> dict[str, str]:
    """Header lines (the first, a status or version line, skipped), names lowercased; a
    line starting with a space or a tab continues the one before."""
    out: dict[str, str] = {}
    name = ""
    for raw in re.split(rb"\r?\n", head)[1:]:
        text = raw.decode("utf-8", "replace")
        if text[:1] in (" ", "\t") and name:
            out[name] += " " + text.strip()
        elif ":" in text:
            key, value = text.split(":", 1)
            name = key.strip().lower()
            out.setdefault(name, value.strip())
    return out


def _html(record: _Record, kind: str) -> _Page | None:
    """The page a ``response`` or ``resource`` record holds, when it is HTML (and, over
    HTTP, sent with a status of 2xx); else None."""
    if kind == "resource":
        page = _Page(record, {}, record.block)
        mime = record.headers.get("content-type", "")
    elif kind == "response":
        warc_type = record.headers.get("content-type", "").lower()
        if not (warc_type.startswith("application/http") or record.block.startswith(b"HTTP/")):
            return None
        status, headers, body = _http(record)
        if not 200 <= status < 300:
            return None
        page, mime = _Page(record, headers, body), headers.get("content-type", "")
    else:
        return None
    return page if mime.split(";")[0].strip().lower() in _PAGE_TYPES else None


def _http(record: _Record) -> tuple[int, dict[str, str], bytes]:
    """An HTTP response's status, headers and body; :class:`Refused` when it is none."""
    block = record.block
    status = _STATUS.match(block)
    if status is None:
        raise Refused(f"record {record.number}'s HTTP response has no status line", record.line)
    end = _HEAD_END.search(block, 0, _MOST_HEAD)
    if end is None:
        why = f"record {record.number}'s HTTP response's headers do not end"
        raise Refused(why, record.line)
    return int(status.group(1)), _headers(block[: end.start()]), block[end.end() :]


def _decoded_body(page: _Page) -> bytes:
    """The page's body, unchunked and decompressed as its headers say (see the module's
    text); :class:`Refused` when it cannot be."""
    where = f"record {page.record.number}'s page"
    line = page.record.line
    body = page.body
    if "chunked" in page.headers.get("transfer-encoding", "").lower():
        body = _unchunked(body, where, line)
    codings = [c.strip().lower() for c in page.headers.get("content-encoding", "").split(",")]
    codings = [c for c in codings if c and c != "identity"]
    if len(codings) > _MOST_ENCODINGS:
        raise Refused(f"{where} is compressed {len(codings)} times over", line)
    for coding in reversed(codings):
        body = _uncompressed(body, coding, where, line)
    return body


def _uncompressed(body: bytes, coding: str, where: str, line: int) -> bytes:
    what = f"{where}'s body (Content-Encoding: {coding})"
    if coding in ("gzip", "x-gzip"):
        return inflated(body, 31, what, line)[0] if body.startswith(_GZIP) else body
    if coding == "deflate":  # zlib's, or raw deflate as some servers send
        wrapped = len(body) > 1 and body[0] & 0x0F == 8 and int.from_bytes(body[:2]) % 31 == 0
        if wrapped or body.lstrip()[:1] != b"<":
            return inflated(body, 15 if wrapped else -15, what, line)[0]
        return body
    if coding in ("br", "zstd"):
        name = "Brotli" if coding == "br" else "Zstandard"
        raise Refused(f"{what} is compressed with {name}, which this build cannot read", line)
    raise Refused(f"{what} is compressed in a way this build does not know", line)


def _unchunked(body: bytes, where: str, line: int) -> bytes:
    """A chunked body's chunks joined (the trailer after the last, ignored); the body as it
    is when it does not start with a chunk's size (stored decoded)."""
    if _CHUNK_SIZE.match(body) is None:
        return body
    out = bytearray()
    pos, count = 0, 0
    while pos < len(body):
        size_line = _CHUNK_SIZE.match(body, pos)
        if size_line is None:
            raise Refused(f"{where}'s chunked body has no chunk size where one should be", line)
        size, start = int(size_line.group(1), 16), size_line.end()
        if size == 0:
            break
        if start + size > len(body):
            left = len(body) - start
            why = f"{where}'s chunked body has a chunk of {size:,} bytes where {left:,} are left"
            raise Refused(why, line)
        count += 1
        if count > _MOST_CHUNKS:
            raise Refused(f"{where}'s chunked body has more than {_MOST_CHUNKS:,} chunks", line)
        out += body[start : start + size]
        pos = start + size
        crlf = _LINE_END.match(body, pos)
        if crlf is None and pos < len(body):
            raise Refused(f"{where}'s chunked body has a chunk longer than its size says", line)
        pos = crlf.end() if crlf else pos
    return bytes(out)


FORMAT = Format("warc", read, detect, order=3, suffixes=SUFFIXES)
