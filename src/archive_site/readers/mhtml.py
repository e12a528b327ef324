"""``mhtml``: a web page saved from a browser as one file (``.mhtml``, ``.mht``), or an
e-mail (``.eml``: a newsletter) with a page in it.

Chrome, Edge and Opera save "Webpage, Single File" as MHTML (RFC 2557): a MIME
message whose first ``text/html`` part is the page, mostly in quoted-printable,
followed by its images and style sheets.  The page is taken out of it and read
as a saved page is (see :mod:`.html`); the capture stays byte for byte.  Every
line the page's reading names (a field, a paragraph, a problem) is the line of
the capture file where it is written: quoted-printable's soft line breaks are
followed back; in a part encoded in base64, the part's first line.  An e-mail's
headers give what its page does not: its title (``Subject``), its publication time
(``Date``: when it was sent) and its outlet (the sender's name, ``From``).  A page a
browser saved (its ``From`` no address: ``<Saved by Blink>``) has in ``Date`` when it
was saved: the day the capture was made (``captured``), never when it was published; and
in ``Snapshot-Content-Location`` the address it was saved from, its ``url`` where the
page names none.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import email.parser
import email.policy
import email.utils
import html
import quopri
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from email.message import EmailMessage
from typing import NamedTuple

from ..errors import Problems
from ..files import CONTROL_CHARACTERS, nfc
from ..model import Furniture
from ..patterns import later
from .base import Capture, Field, Format, Reading, readable, split_lines
from .charset import Decoded, declared, decode_as, misread, misread_within
from .container import address, contained_codec
from .html import read as read_page
from .stamps import parse_published

SUFFIXES = (".mhtml", ".mht", ".eml")
#: How far into a file its MIME headers are looked for first (see :func:`_head`: read only
#: so far, a page with a field of a megabyte did not "look like 'mhtml'").
_HEAD_BYTES = 8192
_BLANK_LINE = later(r"\r?\n\r?\n")
_MIME_VERSION = later(r"^mime-version\s*:", re.I | re.M)
_HTML_TYPE = later(r"content-type\s*:\s*text/html\b", re.I)
_ANY_MULTIPART = later(r"content-type\s*:\s*multipart/", re.I)
#: Parts within parts looked into for the page, at most.
_MOST_NESTED = 4
_MULTIPART = later(r"^content-type\s*:\s*multipart/related\b", re.I | re.M)
#: An e-mail (a newsletter saved as ``.eml``): its sender, and a body of several versions
#: of the text or of a page.
_FROM = later(r"^from\s*:", re.I | re.M)
_MAIL_BODY = later(
    r"^content-type\s*:\s*(?:multipart/(?:alternative|mixed|related)|text/html|text/plain)\b",
    re.I | re.M,
)
#: A part, or a message, of plain text.
_PLAIN_TYPE = later(r"^content-type\s*:\s*text/plain\b", re.I | re.M)
#: An mbox file's line opening a message (``From sender Wed Apr 23 06:01:12 2025``, as a
#: mail program's export, Thunderbird's or Google Takeout's, writes it: the sender, then
#: the day and time as C's asctime writes them, RFC 4155; a line of a message's text that
#: opens so is written ``>From``, but one saved alone as .eml is not: "From 1995 to 2004
#: the port ..." in its text is none).
_MBOX_FROM = later(
    r"From [^ \t\n]+[ \t]+(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[ \t]+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[ \t]+\d{1,2}[ \t]+\d{1,2}:\d{2}"
)


def is_mhtml(name: str, data: bytes) -> bool:
    """Whether the capture file ``name`` holding ``data`` is MHTML: by its name, or by its
    MIME headers (a version, and a ``multipart/related`` body) before the first blank line."""
    if name.lower().endswith(SUFFIXES):
        return True
    return _looks_mhtml(_head(data[:_HEAD_BYTES].decode("latin-1"), lambda: data.decode("latin-1")))


def _head(start: str, whole: Callable[[], str]) -> str:
    """A file's head, to its first blank line, from its ``start`` (its first
    :data:`_HEAD_BYTES`), or from its ``whole`` text when no blank line ends the head
    within them and each whole line of it so far is a field (a browser's
    ``Snapshot-Content-Location`` may hold an address of a megabyte)."""
    head = _BLANK_LINE().split(start, maxsplit=1)
    if len(head) > 1:
        return head[0]
    lines = start.lstrip("\ufeff").splitlines()[:-1]  # (the last may go on)
    lines = lines[1:] if lines and _MBOX_FROM().match(lines[0]) else lines
    if not lines or not all(_FIELD_LINE().fullmatch(line) for line in lines):
        return start
    return _BLANK_LINE().split(whole(), maxsplit=1)[0]


def _looks_mhtml(head: str) -> bool:
    if not _MIME_VERSION().search(head):
        return _bare_mail(head)
    return bool(_MULTIPART().search(head) or (_FROM().search(head) and _MAIL_BODY().search(head)))


#: A line of an e-mail's head: a field (``Subject: ...``), or the rest of the one above it.
_FIELD_LINE = later(r"[A-Za-z][A-Za-z0-9-]{0,76}:(?:[ \t].*)?|[ \t]+\S.*")
#: The fields of an e-mail's head, each at a line's start: its sender and date, and those
#: a mail program or server writes (a memo's head, "From: ... Date: ... Subject: ...",
#: typed as its first lines, has none of these).
_MAIL_FIELDS = later(r"^(from|date|message-id|received|return-path)\s*:", re.I | re.M)


def _bare_mail(head: str) -> bool:
    """Whether a file's first lines are an e-mail's head with no MIME fields (RFC 5322: a
    message of plain text needs none, so its text was read as an article, its head's
    addresses among its paragraphs): each a field, perhaps under an mbox file's ``From``
    line; among them its sender, its date, and its id or a server's trace (or the mbox
    line)."""
    lines = head.lstrip("\ufeff").splitlines()
    mbox = bool(lines) and _MBOX_FROM().match(lines[0]) is not None
    if not lines[mbox:] or not all(_FIELD_LINE().fullmatch(line) for line in lines[mbox:]):
        return False
    names = {m.lower() for m in _MAIL_FIELDS().findall(head)}
    return {"from", "date"} <= names and (mbox or len(names) >= 3)


def decoded(data: bytes) -> Decoded:
    """An MHTML file's text as its reader receives it: its bytes :func:`.container.escaped`,
    as a binary container's are, since its parts are read by :func:`read`, each in the
    encoding it declares.  (Given as UTF-8 text, with the bytes that are not kept as
    surrogates, a page in windows-1251 lost its every Cyrillic letter: the loader reads a
    surrogate as a space.)"""
    from .container import escaped

    text = escaped(data).text
    return Decoded(text, "UTF-8" if _utf8(data) else "8-bit MIME")


def _text(capture: Capture) -> Capture:
    """The capture's own text, from the escaped bytes :func:`decoded` gave (bytes that are
    not UTF-8 kept as they are, as surrogates, read as their part declares); a text not
    escaped as it is."""
    from .container import is_escaped, unescaped

    if not is_escaped(capture.text):
        return capture  # a character no escaped text holds
    text = unescaped(capture.text).decode("utf-8", "surrogateescape")
    return Capture.of(text, capture.display)


def detect(capture: Capture) -> bool:
    return _looks_mhtml(_head(capture.text[:_HEAD_BYTES], lambda: capture.text))


class _Part(NamedTuple):
    """A MIME part: its headers, and its body's lines with the first one's number."""

    headers: EmailMessage
    lines: list[str]
    first: int


#: The most characters a field of an e-mail's or MHTML file's head that Python's parser
#: reads in time growing with its square (:data:`_PARSED_SLOWLY`) may hold, its lines
#: unfolded (mail programs fold a line at 78 and write none over 998): a From of 1 MB took
#: 37 s to read, one of 200 KB 11 s, a Content-Type of 200 KB 3 s.  Other fields are read
#: at any length (a saved page's address of 1 MB).
MOST_FIELD = 20_000
_PARSED_SLOWLY = frozenset({"from", "content-type"})
_LONG_FIELD = (
    "the file's head has a field {0!r} of {1:,} characters, which no mail program or browser "
    "writes (at most " + f"{MOST_FIELD:,}" + "): the file is damaged or was made by hand; "
    "save the e-mail or page again"
)
#: The same of a part's head (the page's, an attachment's), parsed as the file's own is.
_LONG_PART_FIELD = "a part's head" + _LONG_FIELD.removeprefix("the file's head")


class _LongField(Exception):
    """A part's head holding a field :func:`_long_field` finds: its line in the file (counted
    from 1), its name and its length."""

    def __init__(self, line: int, name: str, size: int) -> None:
        super().__init__(line, name, size)
        self.found = (line, name, size)


def _long_field(head: Sequence[str]) -> tuple[int, str, int] | None:
    """The first field of ``head`` (a head's lines) among :data:`_PARSED_SLOWLY` longer
    than :data:`MOST_FIELD`: its line (counted from 1), its name and its length, its
    continuation lines with it."""
    start, name, size = 0, "", 0
    for n, line in enumerate([*head, "end:"]):
        if line[:1] in (" ", "\t") and n:
            size += len(line)
            continue
        if size > MOST_FIELD and name.strip().lower() in _PARSED_SLOWLY:
            return start + 1, name, size
        start, name, size = n, line.partition(":")[0][:40], len(line)
    return None


def _headers(lines: list[str]) -> EmailMessage:
    parser = email.parser.HeaderParser(policy=email.policy.default)
    message = parser.parsestr("\n".join(lines) + "\n\n")
    assert isinstance(message, EmailMessage)  # the default policy's class
    return message


def _parsed_part(head: Sequence[str], before: int) -> EmailMessage:
    """A part's head (``head``, its lines, after the file's line ``before``) parsed, as the
    file's own is: raises :class:`_LongField` when a field is too long to parse in time
    (see :data:`MOST_FIELD`)."""
    long = _long_field(head)
    if long is not None:
        raise _LongField(before + long[0], *long[1:])
    return _headers(list(head))


def _header_end(lines: tuple[str, ...] | list[str], start: int) -> int:
    """The index of the blank line ending the headers that begin at ``start``."""
    return next((i for i in range(start, len(lines)) if not lines[i].strip()), len(lines))


def _page_part(lines: tuple[str, ...], end: int, top: EmailMessage, depth: int = 0) -> _Part | None:
    """The first ``text/html`` part of the message (the message itself when it is one),
    whose headers, ``top``, end at line ``end``: among its parts, and theirs (an e-mail
    with an attachment holds its versions of the text in a part of their own: ``mixed``,
    then ``alternative``), to :data:`_MOST_NESTED` levels."""
    if top.get_content_type() == "text/html":
        return _Part(top, list(lines[end + 1 :]), end + 2)
    boundary = top.get_param("boundary")
    if top.get_content_maintype() != "multipart" or not isinstance(boundary, str):
        return None
    delimiter, i = f"--{boundary}", end + 1
    while i < len(lines):
        if lines[i].rstrip() != delimiter:
            i += 1
            continue
        head_end = _header_end(lines, i + 1)
        body_end = next(
            (j for j in range(head_end + 1, len(lines)) if lines[j].startswith(delimiter)),
            len(lines),
        )
        head = lines[i + 1 : head_end]
        if any(_HTML_TYPE().match(line) for line in head):  # parsed only then: a page has
            headers = _parsed_part(head, i + 1)  # hundreds of parts, a planted file thousands
            if headers.get_content_type() == "text/html":
                return _Part(headers, list(lines[head_end + 1 : body_end]), head_end + 2)
        elif depth < _MOST_NESTED and any(_ANY_MULTIPART().match(line) for line in head):
            headers = _parsed_part(head, i + 1)
            found = _page_part(lines[:body_end], head_end, headers, depth + 1)
            if found is not None:
                return found
        i = body_end
    return None


def _no_page(lines: tuple[str, ...], end: int, top: EmailMessage) -> tuple[int, str]:
    """Why no page was found in an MHTML file whose headers end at line ``end``: it has no
    ``text/html`` part, or a part's head names one that was not reached (nested deeper
    than :data:`_MOST_NESTED` parts within parts, or in a part that is no multipart): said
    so at that head's line (it was told as "without a text/html part", which it has)."""
    deep = next((i for i in range(end + 1, len(lines)) if _HTML_TYPE().match(lines[i])), None)
    plain = top.get_content_type() == "text/plain" and "content-type" not in top  # (RFC 2045)
    if deep is None and (plain or any(_PLAIN_TYPE().match(line) for line in lines)):
        return 1, (  # a press office's e-mail, a newsletter sent as text
            "an e-mail of plain text, with no page (text/html part) in it: copy its text, as "
            "the mail program shows it, into a .txt file of its own and add that (its "
            "Subject, Date and sender are for the metadata)"
        )
    if deep is None:
        return 1, "an MHTML file without a text/html part: no page in it"
    return deep + 1, (
        "a part's head says text/html here, but the part is not among those the build "
        f"reads (a multipart's parts, and theirs, {_MOST_NESTED + 1} levels deep at most): "
        "no page in it"
    )


def _logical_lines(part: _Part) -> list[tuple[int, bytes]]:
    """The part's body decoded, as (line of the capture, bytes) for each of its lines."""
    encoding = str(part.headers.get("content-transfer-encoding", "7bit")).strip().lower()
    raw = [line.encode("utf-8", "surrogateescape") for line in part.lines]
    if encoding == "quoted-printable":
        out: list[tuple[int, bytes]] = []
        pending: list[bytes] = []
        start = part.first
        for n, line in enumerate(raw):
            if not pending:
                start = part.first + n
            line = line.rstrip(b" \t")
            if line.endswith(b"="):  # a soft line break: the line goes on
                pending.append(line[:-1])
                continue
            out.append((start, quopri.decodestring(b"".join([*pending, line]))))
            pending = []
        if pending:
            out.append((start, quopri.decodestring(b"".join(pending))))
        return out
    if encoding == "base64":
        try:
            data = base64.b64decode(b"".join(raw), validate=False)
        except (binascii.Error, ValueError):
            data = b""
        return [(part.first, line) for line in data.split(b"\n")]
    return [(part.first + n, line) for n, line in enumerate(raw)]


def _page_text(part: _Part, display: str, problems: Problems) -> tuple[str, list[int]] | None:
    """The page's text, and the capture's line of each of its lines; None, with the error
    on its line, when it is not text in an encoding it or its part declares."""
    pieces = _logical_lines(part)
    whole = b"\n".join(data for _, data in pieces)
    label = part.headers.get_param("charset")
    codec = contained_codec(whole, label if isinstance(label, str) else None)
    if codec is None:
        _not_text(pieces, display, problems, "UTF-8")
        return None
    if codec[1].startswith("UTF-16"):
        return _utf16_text(pieces, codec, display, problems)
    text_lines: list[str] = []
    numbers: list[int] = []
    for line, data in pieces:
        try:
            decoded = decode_as(data, codec[0])
        except UnicodeDecodeError:
            _not_text([(line, data)], display, problems, codec[1])
            return None
        for piece in split_lines(decoded.removeprefix("\ufeff")):
            text_lines.append(piece)
            numbers.append(line)
    if not codec[1].startswith("UTF-") and _misread(pieces, whole, codec, label, display, problems):
        return None
    return "\n".join(text_lines), numbers


def _utf16_text(
    pieces: list[tuple[int, bytes]], codec: tuple[str, str], display: str, problems: Problems
) -> tuple[str, list[int]] | None:
    """The text of a page in UTF-16 (see :func:`.container.contained_codec`), every line
    named the part's first, as base64's are: its line ends are two bytes, and the part's
    lines parted at one were read each alone, as UTF-8 ("the page in the MHTML file is not
    UTF-8 text", or its text every other character a NUL, and no text)."""
    try:
        text = decode_as(b"\n".join(data for _, data in pieces), codec[0]).removeprefix("\ufeff")
    except UnicodeDecodeError:
        _not_text(pieces[:1], display, problems, codec[1])
        return None
    lines = split_lines(text)
    return "\n".join(lines), [pieces[0][0] if pieces else 1] * len(lines)


def _misread(
    pieces: list[tuple[int, bytes]],
    whole: bytes,
    codec: tuple[str, str],
    label: object,
    display: str,
    problems: Problems,
) -> bool:
    """Whether the page (its ``pieces``, joined ``whole``) is a text in another encoding
    than its part or itself names (``codec``), refused on the line of its first word
    misread (see :func:`.charset.misread`): a part labelled windows-1251 holding KOI8-R
    was read as letters out of their order, and nothing said so."""
    named = label if isinstance(label, str) else declared(whole) or codec[1]
    found = misread(whole, decode_as(whole, codec[0]), named, codec[1])
    if found is None:
        return False
    line = pieces[min(whole.count(b"\n", 0, found.at), len(pieces) - 1)][0]
    problems.error(
        display, line, misread_within("the page in the MHTML file", named, codec[1], found)
    )
    return True


def _not_text(pieces: list[tuple[int, bytes]], display: str, problems: Problems, what: str) -> None:
    """The error on the line of the first byte that is not UTF-8 (not the first that is not
    ASCII: a page's "—" in its head, well encoded, is not what is wrong)."""
    line = next((n for n, data in pieces if not _utf8(data)), pieces[0][0] if pieces else 1)
    problems.error(display, line, f"the page in the MHTML file is not {what} text")


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _more_messages(lines: tuple[str, ...]) -> tuple[int, int] | None:
    """In an mbox file (its first line ``From sender date``: a mail program's export of
    many e-mails), the line of its second message and how many it holds; None for one
    message."""
    if not lines or not _MBOX_FROM().match(lines[0]):
        return None
    starts = [
        n + 1
        for n in range(1, len(lines))
        if not lines[n - 1].strip()
        and lines[n].startswith("From ")
        and _MBOX_FROM().match(lines[n])
        and n + 1 < len(lines)
        and _FIELD_LINE().fullmatch(lines[n + 1])  # (its head below it)
    ]
    return (starts[0], len(starts) + 1) if starts else None


def read(capture: Capture, problems: Problems) -> Reading:
    capture = _text(capture)
    more = _more_messages(capture.lines)
    if more is not None:  # the first was read and the others dropped without a word
        problems.error(
            capture.display,
            more[0],
            f"an mbox file of {more[1]} e-mails, the second from here: an article is one "
            "e-mail; save each newsletter on its own as .eml (in the mail program, Save As "
            "or Download message) and add each",
        )
        return Reading("mhtml", {}, ())
    end = _header_end(capture.lines, 0)
    long = _long_field(capture.lines[:end])
    if long is not None:  # Python's parser of a field takes time growing with its square
        problems.error(capture.display, long[0], _LONG_FIELD.format(*long[1:]))
        return Reading("mhtml", {}, ())
    top = _headers(list(capture.lines[:end]))
    try:
        part = _page_part(capture.lines, end, top)
    except _LongField as exc:
        problems.error(capture.display, exc.found[0], _LONG_PART_FIELD.format(*exc.found[1:]))
        return Reading("mhtml", {}, ())
    said = _mail_fields(capture.lines, end, top)  # (said too when no page is found)
    if part is None:
        line, message = _no_page(capture.lines, end, top)
        problems.error(capture.display, line, message)
        return Reading("mhtml", said, ())
    found = _page_text(part, capture.display, problems)
    if found is None:
        return Reading("mhtml", said, ())
    text, numbers = found
    own = Problems()
    text = readable(text, capture.display, own)  # "=00" decodes to a control character
    text, note = _without_forwarders_note(text)
    reading = read_page(Capture.of(text, capture.display), own)

    def at(line: int) -> int:
        return numbers[min(max(line, 1), len(numbers)) - 1] if numbers else 1

    for d in own:
        problems.extend([replace(d, line=None if d.line is None else at(d.line))])
    fields = {k: Field(f.value, at(f.line)) for k, f in reading.fields.items()}
    notes = tuple((at(line), note) for line, note in reading.notes)
    said, unsaid = _said_of_forward(text, str(top.get("subject", "")), said, fields, at)
    notes += unsaid
    for key, value in said.items():
        fields.setdefault(key, value)
    furniture = tuple(replace(f, line=at(f.line)) for f in reading.furniture)
    forwarding = ([note] if note is not None else []) + _forwarded_head(text)
    furniture = (*(Furniture("forwarded", t, at(n)) for t, n in forwarding), *furniture)
    return replace(
        reading,
        format="mhtml",
        fields=fields,
        blocks=tuple(replace(b, line=at(b.line)) for b in reading.blocks),
        furniture=furniture,
        notes=notes,
    )


def _said_of_forward(
    text: str,
    subject: str,
    said: dict[str, Field],
    fields: dict[str, Field],
    at: Callable[[int], int],
) -> tuple[dict[str, Field], tuple[tuple[int, str], ...]]:
    """What an e-mail's head says (``said``), or, a forwarded one's (see :func:`_forwarded`),
    what its forwarded head says instead, its own From and Date being the forwarder's;
    and the note saying what neither it nor the page (``fields``) says, if anything.
    ``at``: the capture's line of a line of the page's text."""
    forwarded = _forwarded(text, subject)
    if forwarded is None:
        return said, ()
    said = {k: v for k, v in said.items() if k not in _SENDERS} | {
        k: Field(v, at(line)) for k, (v, line) in forwarded.items()
    }
    unsaid = [k for k in ("outlet", "published") if k not in said and k not in fields]
    if not unsaid:
        return said, ()
    return said, ((1, _FORWARDED_TEXT.format(" or ".join(f"'{k}'" for k in unsaid))),)


def _without_forwarders_note(text: str) -> tuple[str, tuple[str, int] | None]:
    """A forwarded e-mail's page (see :data:`_FORWARD_MARK`) without what comes before the
    forwarded message, the forwarder's own words ("Thought you'd want this one": never the
    newsletter's), each of its lines kept empty (every line named stays the file's); and
    those words, with their line, to be listed as furniture (``forwarded``). ``text`` as it
    is, and None, in any other e-mail."""
    mark = _FORWARD_MARK().search(text)
    if mark is None:
        return text, None
    before = text[: mark.start()]
    said = " ".join(_head_text(_UNSHOWN().sub(" ", before[-_NOTE_READ:])).split())
    blanked = "\n" * before.count("\n") + text[mark.start() :]
    if not said:
        return blanked, None
    return blanked, (said, before.count("\n") + 1)


#: The characters before the mark read for the forwarder's note (a few lines, as mail
#: programs write it; a page's head of styles before it is not read again and again).
_NOTE_READ = 2000
#: What a page's head holds that is no words of it: its title, its styles, its scripts.
_UNSHOWN = later(r"<(title|style|script)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


_FORWARDED_TEXT = (
    "a forwarded e-mail: its From and Date are who forwarded it and when, not the "
    "publication's, and the forwarded message's head does not say its {}: give them in the "
    "metadata"
)


def _mail_fields(lines: tuple[str, ...], end: int, top: EmailMessage) -> dict[str, Field]:
    """What an e-mail's headers (``top``, ending at line ``end``) say of it (see the
    module's text); nothing for a page saved as MHTML, whose ``From`` is no sender's
    address."""

    def line_of(name: str) -> int:
        return next((n + 1 for n in range(end) if lines[n].lower().startswith(name)), 1)

    when = _mail_time(str(top.get("date", "")), lines[line_of("date:") - 1] if end else "")
    if "@" not in email.utils.parseaddr(str(top.get("from", "")))[1]:
        # a page a browser saved ("From: <Saved by Blink>"): its Date, the saving's, and
        # the address it was saved from (the page's own, where the page names none)
        said = address(str(top.get("snapshot-content-location", "")), line_of("snapshot-"))
        if when is not None:
            said["captured"] = Field(when.date().isoformat(), line_of("date:"))
        return said
    out: dict[str, Field] = {}
    if when is not None:
        sent, at = when, line_of("date:")
        out["published"] = Field(sent.date().isoformat(), at)
        out["time"] = Field(sent.strftime("%H:%M"), at)
        offset = sent.utcoffset()
        if offset is not None:
            minutes = int(offset.total_seconds()) // 60
            sign = "-" if minutes < 0 else "+"
            out["timezone"] = Field(f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}", at)
    subject = _plain(str(top.get("subject", "")))
    if subject:
        out["title"] = Field(subject, line_of("subject:"))
    sender = _plain(email.utils.parseaddr(str(top.get("from", "")))[0])
    if sender:
        out["outlet"] = Field(sender, line_of("from:"))
    return out


#: What an e-mail's own head says of its sender, which a forwarded e-mail's is not: who
#: forwarded it, when, and its subject with "Fwd:".
_SENDERS = frozenset({"outlet", "published", "time", "timezone", "title"})
#: The line a mail program opens a forwarded message with, in its text: Gmail's
#: "---------- Forwarded message ---------", Outlook's "-----Original Message-----",
#: Thunderbird's "-------- Forwarded Message --------", Apple Mail's "Begin forwarded
#: message:", and theirs in other languages.
_FORWARD_MARK = later(
    r"-{2,}\s*(?:forwarded message|original message|weitergeleitete nachricht"
    r"|message transféré|mensaje reenviado|messaggio inoltrato|mensagem encaminhada"
    r"|пересылаемое сообщение|исходное сообщение|iletilen ileti|转发的邮件"
    r"|ursprüngliche nachricht|message d['’]origine|mensaje original|messaggio originale"
    r"|mensagem original|oorspronkelijk bericht|oryginalna wiadomość)\s*-{2,}"
    r"|begin forwarded message:",
    re.IGNORECASE,
)
#: A forwarded e-mail's subject: "Fwd:", "FW:", German "WG:", French "TR:", Russian "Пересл:".
_FORWARD_SUBJECT = later(r"\s*(?:fwd?|wg|tr|rv|enc|vs|ilt|пересл|転送|转发)\s*[:：]", re.I)
#: A field of the forwarded message's head, in the text after the mark: "From: ...".
_FORWARD_FIELD = later(
    r"(?P<name>to|cc|from|date|sent|subject|von|datum|de|от|дата)\s*:\s*(?P<value>[^\n]+)", re.I
)
#: The forwarded head's field names, by what they say.
_FORWARD_NAMES = {
    "from": "from",
    "von": "from",
    "de": "from",
    "от": "from",
    "date": "date",
    "sent": "date",
    "datum": "date",
    "дата": "date",
    "subject": "subject",
}
#: The characters after the mark read for its head, and its lines at most.
_FORWARD_HEAD = 2000
_FORWARD_LINES = 8


def _forwarded(text: str, subject: str) -> dict[str, tuple[str, int]] | None:
    """What a forwarded e-mail's forwarded message says of itself, in its head after the
    mark (see :data:`_FORWARD_MARK`), each with the page text's line: its sender's name
    (the outlet), its day (and time, when the head gives its zone: a mail program writes
    it in the forwarder's), its subject; None when the e-mail is no forward (nor its
    subject one, "Fwd: ...", which alone says only that its own head is not the
    publication's)."""
    mark = _FORWARD_MARK().search(text)
    if mark is None:
        return {} if _FORWARD_SUBJECT().match(subject) else None
    head = _head_text(text[mark.end() : mark.end() + _FORWARD_HEAD])
    out: dict[str, tuple[str, int]] = {}
    for line in head.split("\n")[:_FORWARD_LINES]:
        found = _FORWARD_FIELD().match(line.strip())
        name = _FORWARD_NAMES.get(found["name"].lower()) if found else None
        if found is None or name is None:
            continue
        where = text.count("\n", 0, mark.end()) + 1  # (the mark's line: its head is under it)
        out.update(_forwarded_field(name, found["value"].strip(), where))
    return out


def _forwarded_head(text: str) -> list[tuple[str, int]]:
    """The lines of a forwarded e-mail's forwarded head (``From: ...``, ``Date: ...``: see
    :func:`_forwarded`), each with the mark's line: furniture, never the text."""
    mark = _FORWARD_MARK().search(text)
    if mark is None:
        return []
    line = text.count("\n", 0, mark.end()) + 1
    head = _head_text(text[mark.end() : mark.end() + _FORWARD_HEAD]).split("\n")
    said = (" ".join(h.split()) for h in head[:_FORWARD_LINES])
    return [(h, line) for h in said if h and _FORWARD_FIELD().match(h)]


def _forwarded_field(name: str, value: str, line: int) -> dict[str, tuple[str, int]]:
    """The fields a forwarded head's field ``name`` (``from``, ``date``, ``subject``) of
    ``value`` gives, on ``line``."""
    if name == "from":
        sender, mail = email.utils.parseaddr(value)
        named = _plain(sender) if "@" in mail else ""
        return {"outlet": (named, line)} if named else {}
    if name == "subject":
        title = _plain(_FORWARD_SUBJECT().sub("", value, count=1))
        return {"title": (title, line)} if title else {}
    stamp = parse_published(value)
    if stamp is None:
        return {}
    out = {"published": (stamp.date, line)}
    if stamp.time is not None and stamp.timezone is not None:
        out |= {"time": (stamp.time, line), "timezone": (stamp.timezone, line)}
    return out


def _head_text(fragment: str) -> str:
    """The text of a piece of a page, a line for each of its lines (``<br>``, a block's
    end): a forwarded head as the mail program wrote it in the page."""
    lined = re.sub(r"(?i)<br\s*/?>|</(?:div|p|tr|li|h\d)\s*>", "\n", fragment)
    return html.unescape(re.sub(r"<[^>]*>", "", lined))


#: The year of a Date field (``Thu, 24 Apr 2025 23:30:00 +0400``): the number after the
#: month's name.
_MAIL_YEAR = later(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+(\d+)\b", re.IGNORECASE
)


def _mail_time(value: str, written: str) -> dt.datetime | None:
    """The time a Date field (``value``, as the email package gives it; ``written``, its
    line in the file) says, if it says one. A year of two or three digits is RFC 5322's
    obsolete form, read as it says: 00 to 49 in the 2000s, 50 to 99 and any three digits
    after 1900 (``25`` is 2025, ``75`` 1975, ``125`` 2025; the email package read 50 to 68
    as 2050 to 2068, and three digits as they are, ``125`` as the year 125). Any other is
    the year it writes: the email package read any year below 100 as two digits, ``0000``
    as 2000 and ``1`` as 2001; if not, None."""
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    year = _MAIL_YEAR().search(written)
    digits = year[1] if year is not None and len(year[1]) <= 4 else None
    if digits is None:
        return when if year is None else None
    meant = int(digits)
    if len(digits) in (2, 3):
        meant += 2000 if len(digits) == 2 and meant < 50 else 1900
    elif meant != when.year:
        return None
    try:
        return when.replace(year=meant)
    except ValueError:  # 29 February of a year that has none
        return None


@dataclass(frozen=True, slots=True)
class MailHead:
    """A mail program's head atop an e-mail saved as text (see :func:`text_mail_head`):
    what it says of the e-mail, its lines as furniture, a note, and the line after it."""

    fields: dict[str, Field]
    furniture: list[Furniture]
    notes: list[tuple[int, str]]
    end: int  # the index of the first line after the head
    #: The text's lines as read, when they are not the text's own: a forward quoted whole
    #: (each line of it opening with ">"), its lines without their mark (see :func:`_unquoted`).
    lines: tuple[str, ...] | None = None


#: A field of the head a mail program writes atop an e-mail saved as text (Outlook's "Save
#: As" .txt: ``From:``, ``Sent:``, ``To:``, ``Subject:``; Thunderbird's: ``Subject:``,
#: ``From:``, ``Date:``, ``To:``), in English, German, French and Russian, by what it says.
_TEXT_HEAD_FIELD = later(
    r"(?P<name>from|sent|date|to|cc|bcc|subject|importance|attachments|reply-to|von|gesendet"
    r"|an|betreff|de|envoyé|à|objet|от|отправлено|кому|копия|тема)\s*:\s*(?P<value>\S.*)",
    re.IGNORECASE,
)
_TEXT_HEAD_NAMES = {
    **dict.fromkeys(("from", "von", "de", "от"), "from"),
    **dict.fromkeys(("sent", "date", "gesendet", "envoyé", "отправлено"), "date"),
    **dict.fromkeys(("subject", "betreff", "objet", "тема"), "subject"),
}
_TEXT_HEAD_LINES = 12
#: Outlook's address after the sender's name in a text save: "[mailto:news@example.com]".
_MAILTO = later(r"\[mailto:(?P<mail>[^\]\s]+)\]", re.IGNORECASE)
_TEXT_FORWARDED = (
    "the e-mail saved as text is a forward ({!r}): its head's sender and day are who "
    "forwarded it and when, not the publication's; give the forwarded message's sender "
    "(outlet) and day (published) in the metadata"
)


def text_mail_head(lines: tuple[str, ...] | list[str]) -> MailHead | None:
    """The head a mail program writes atop an e-mail saved as text, when the text opens
    with one: lines of fields to a blank line (at most twelve), among them a ``From`` with
    an e-mail address, a ``Subject`` and a ``Sent`` or ``Date``. Its sender's name is the
    outlet, its subject the title, its day the publication's (its time with a zone only:
    Outlook writes it in the saver's, and says none), each on its line; a forward's
    (``FW:``, a forwarding mark in its text) says none of them but a note. None for any
    other text: a memo's typed head, ``From: Ministry of Transport``, names no address, and
    is its text."""
    found: dict[str, tuple[str, int]] = {}
    head: list[Furniture] = []
    for n, line in enumerate(lines[:_TEXT_HEAD_LINES]):
        said = _TEXT_HEAD_FIELD().fullmatch(line.strip())
        if not line.strip() or said is None:
            break
        head.append(Furniture("mail-head", " ".join(line.split()), n + 1))
        name = _TEXT_HEAD_NAMES.get(said["name"].lower())
        if name is not None:
            found.setdefault(name, (said["value"].strip(), n + 1))
    end = len(head)
    if end == len(lines[:_TEXT_HEAD_LINES]) and end == _TEXT_HEAD_LINES:
        return None  # (no blank line ends it)
    if (end < len(lines) and lines[end].strip()) or not {"from", "subject", "date"} <= set(found):
        return None
    if "@" not in email.utils.parseaddr(_MAILTO().sub(r"<\g<mail>>", found["from"][0]))[1]:
        return None
    subject, at = found["subject"]
    if _FORWARD_SUBJECT().match(subject) or _FORWARD_MARK().search("\n".join(lines[end:])):
        unquoted = _unquoted(lines, end)
        forward = _text_forward(unquoted or lines, MailHead({}, head, [], end), subject, at)
        return forward if unquoted is None else replace(forward, lines=unquoted)
    return MailHead(_text_head_fields(found), head, [], end)


def _unquoted(lines: Sequence[str], end: int) -> tuple[str, ...] | None:
    """``lines`` with the mark of a quotation (``>``) taken off the lines of a forward that
    quotes the forwarded message whole after the line index ``end`` (Thunderbird's and
    mutt's "forward inline, quoted": "> -------- Forwarded Message --------", "> From:
    ...", "> Good morning."): every line from the first so marked to the end is, but blank
    ones; one level taken off, each line where it was.  None when the forward quotes
    nothing so, or not to its end (a message of the forwarder's own after a quotation)."""
    first = next((n for n in range(end, len(lines)) if lines[n].startswith(">")), None)
    if first is None:
        return None
    rest = lines[first:]
    if not all(line.startswith(">") or not line.strip() for line in rest):
        return None
    return (*lines[:first], *(_without_mark(line) for line in rest))


def _without_mark(line: str) -> str:
    """A line of a quotation without its mark, ``>`` and the space after it."""
    if not line.startswith(">"):
        return line
    return line[2:] if line[1:2] in (" ", "\t") else line[1:]


def _text_head_fields(found: dict[str, tuple[str, int]]) -> dict[str, Field]:
    """What a mail program's head in a text (its fields ``from``, ``subject``, ``date`` as
    :data:`_TEXT_HEAD_NAMES` names them, each with its line) says: the sender's name (with
    an address) the outlet, the subject the title, the day the publication's (its time
    with a zone only)."""
    fields: dict[str, Field] = {}
    for name in ("from", "subject", "date"):
        if name not in found:
            continue
        value, at = found[name]
        value = _MAILTO().sub(r"<\g<mail>>", value) if name == "from" else value
        given = _forwarded_field(name, value, at)
        fields |= {k: Field(v, n) for k, (v, n) in given.items()}
    return fields


#: Outlook's rule above a forwarded message's head in a text (``____...``, 32 of them).
_OUTLOOK_RULE = later(r"_{10,}")
#: How many messages forwarded within one another a text's heads are followed through.
_MOST_FORWARDS = 8


def _text_forward(lines: Sequence[str], own: MailHead, subject: str, at: int) -> MailHead:
    """The head of an e-mail saved as text that forwards another (``own``: its head, which
    says who forwarded it and when): the forwarded message's head below the forwarder's
    note and the mail program's mark (see :func:`_inner_head`) says the sender, the day
    and the subject, the publication's; the note, the mark and that head are furniture
    (``forwarded``), never the text.  A message forwarded again within it is followed to
    the first that forwards nothing.  A note asks for what no forwarded head says."""
    furniture, fields, end = list(own.furniture), {}, own.end
    for _ in range(_MOST_FORWARDS):
        inner = _inner_head(lines, end)
        if inner is None:
            break
        stop, found = inner
        furniture += [
            Furniture("forwarded", " ".join(lines[n].split()), n + 1)
            for n in range(end, stop)
            if lines[n].strip()
        ]
        fields, end = _text_head_fields(found), stop
        inner_subject = found.get("subject", ("", 0))[0]
        if not _FORWARD_SUBJECT().match(inner_subject):
            break
    unsaid = [k for k in ("outlet", "published") if k not in fields]
    if len(unsaid) == 2:
        return MailHead(fields, furniture, [(at, _TEXT_FORWARDED.format(subject))], end)
    notes = [(at, _FORWARDED_TEXT.format(" or ".join(f"'{k}'" for k in unsaid)))] if unsaid else []
    return MailHead(fields, furniture, notes, end)


def _inner_head(lines: Sequence[str], start: int) -> tuple[int, dict[str, tuple[str, int]]] | None:
    """The head of the message a text forwards, from line index ``start``: the first line
    holding a mail program's mark (:data:`_FORWARD_MARK`), or Outlook's rule (``____``) just
    above a ``From`` line, then, after at most two blank lines, its fields (``From:``,
    ``Sent:``, ``Subject:``..., each on a line) to the first line that is none: the index
    after the head, and its fields by name with their lines.  None when
    no such mark is found, or no field under it."""
    for n in range(start, len(lines)):
        line = lines[n].strip()
        if not (_FORWARD_MARK().search(line) or _OUTLOOK_RULE().fullmatch(line)):
            continue
        first = n + 1
        while first < min(n + 3, len(lines)) and not lines[first].strip():
            first += 1
        found: dict[str, tuple[str, int]] = {}
        stop = first
        while stop < min(first + _TEXT_HEAD_LINES, len(lines)):
            said = _TEXT_HEAD_FIELD().fullmatch(lines[stop].strip())
            if said is None:
                break
            name = _TEXT_HEAD_NAMES.get(said["name"].lower())
            if name is not None:
                found.setdefault(name, (said["value"].strip(), stop + 1))
            stop += 1
        if found and (_FORWARD_MARK().search(line) or "from" in found):
            return stop, found
    return None


def _plain(value: str) -> str:
    """A header's text as a field's: in one Unicode form, its control characters and the
    bytes of it that are not UTF-8 (surrogates, or U+FFFD as the email package reads
    them) read as spaces, spaces collapsed."""
    return " ".join(CONTROL_CHARACTERS().sub(" ", nfc(value)).replace("\ufffd", " ").split())


FORMAT = Format("mhtml", read, detect, order=4, suffixes=SUFFIXES)
