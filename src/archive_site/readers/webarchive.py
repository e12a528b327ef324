"""``webarchive``: a web page Safari saved as a "Web Archive" (``.webarchive``).

Safari saves a page so by default: a property list, binary (``bplist00``) or,
written by other tools, XML, whose ``WebMainResource`` holds the page's bytes
(``WebResourceData``), its encoding (``WebResourceTextEncodingName``, which may
be missing), its address (``WebResourceURL``) and its type
(``WebResourceMIMEType``); its images and style sheets (``WebSubresources``)
and frames (``WebSubframeArchives``) beside it are not read.  The page is read
as a saved page is (see :mod:`.html`), in the encoding the archive names, else
the one the page declares; its address, where the page names none, is the
archive's.  The capture stays byte for byte.  A binary file has no lines: every
line named (a field, a paragraph, a problem) is its first; in an XML property
list, the line of its ``WebMainResource``.
"""

from __future__ import annotations

import plistlib
import re
import struct
import xml.parsers.expat
from collections.abc import Mapping

from ..errors import Problems
from .base import Capture, Format, Reading
from .container import address, head_bytes, read_html, unescaped

SUFFIXES = (".webarchive",)
_BINARY = b"bplist00"
#: How far into a file an XML property list's ``<plist>`` is looked for.
_HEAD_BYTES = 1024
_XML_PLIST = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml\b.*?<plist\b|<!DOCTYPE\s+plist\b|<plist\b)", re.S
)
_MAIN_KEY = b"WebMainResource"
#: The most objects a binary property list may hold: a page's archive holds a few for
#: each of its images and style sheets (plistlib makes a list as long as the count its
#: file says, whatever the file).
_MOST_OBJECTS = 1_000_000
#: The most references its arrays and dictionaries may hold in all: plistlib makes a tuple
#: and a list of each array's (one of 30 million, in a file of 30 MB, took 700 MB).
_MOST_REFERENCES = 4_000_000
_PAGE_TYPES = ("text/html", "application/xhtml+xml")


def is_webarchive(name: str, data: bytes) -> bool:
    """Whether the capture file ``name`` holding ``data`` is a web archive: by its name,
    or by its start (any binary property list, or an XML one with a ``WebMainResource``)."""
    if name.lower().endswith(SUFFIXES) or data.startswith(_BINARY):
        return True
    return bool(_XML_PLIST.match(data[:_HEAD_BYTES])) and b"<key>WebMainResource</key>" in data


def detect(capture: Capture) -> bool:
    """A property list, binary or XML (a file named a web archive that is neither is
    refused: it does not look like one; a property list that is no web archive is refused
    by :func:`read`, which says what it lacks)."""
    head = head_bytes(capture.text, _HEAD_BYTES)
    return head.startswith(_BINARY) or bool(_XML_PLIST.match(head))


def read(capture: Capture, problems: Problems) -> Reading:
    data = unescaped(capture.text)
    main, line = _main_resource(data, capture, problems)
    if main is None:
        return Reading("webarchive", {}, ())
    said = address(main.get("WebResourceURL"), line)
    page = main.get("WebResourceData")
    kind = main.get("WebResourceMIMEType")
    label = main.get("WebResourceTextEncodingName")
    if not isinstance(page, bytes):
        what = "missing" if page is None else f"a {_kind_of(page)}, not data"
        _error(capture, problems, line, f"its main resource's WebResourceData is {what}")
        return Reading("webarchive", said, ())
    if isinstance(kind, str) and kind.split(";")[0].strip().lower() not in _PAGE_TYPES:
        why = f"its main resource is {kind.strip()[:60]!r}, not a web page: no HTML page in it"
        _error(capture, problems, line, why)
        return Reading("webarchive", said, ())
    label = label.strip() if isinstance(label, str) else None
    return read_html(page, label, capture, problems, fmt="webarchive", said=said, line=line)


def _main_resource(
    data: bytes, capture: Capture, problems: Problems
) -> tuple[Mapping[str, object] | None, int]:
    """The archive's ``WebMainResource``, and the line it is on; None, with the error
    reported, when the file is no property list or holds none."""
    binary = data.startswith(_BINARY)
    why = _too_many_objects(data) if binary else None
    root: object = None
    if why is None:
        try:
            root = plistlib.loads(data)
        except (plistlib.InvalidFileException, xml.parsers.expat.ExpatError) as exc:
            why = f"a malformed property list ({exc})" if str(exc) else "a malformed property list"
        except (ValueError, TypeError, KeyError, IndexError, OverflowError, struct.error):
            why = "a malformed property list"
        except AttributeError:  # plistlib's own slip: an XML <date> that is not one
            why = "a malformed property list (a <date> that is no date)"
        except RecursionError:
            why = "a property list nested too deeply to read"
    line = 1 if binary else data[: max(data.find(_MAIN_KEY), 0)].count(b"\n") + 1
    if why is not None:
        _error(capture, problems, 1, why)
        return None, 1
    main = root.get("WebMainResource") if isinstance(root, dict) else None
    if not isinstance(main, dict):
        what = "no WebMainResource" if main is None else "a WebMainResource that is no dictionary"
        _error(capture, problems, line, f"a property list with {what}: no HTML page in it")
        return None, line
    return main, line


def _too_many_objects(data: bytes) -> str | None:
    """Why a binary property list is refused before it is parsed: it says it holds more
    than :data:`_MOST_OBJECTS` objects, or its arrays and dictionaries more than
    :data:`_MOST_REFERENCES` references in all."""
    if len(data) < 40:
        return "a binary property list cut short (no trailer)"
    count = int.from_bytes(data[-24:-16], "big")
    if count > _MOST_OBJECTS:
        return f"a binary property list of more than {_MOST_OBJECTS:,} objects ({count:,})"
    references = _references(data, count)
    if references > _MOST_REFERENCES:
        most = f"{_MOST_REFERENCES:,}"
        return f"a binary property list of more than {most} references ({references:,})"
    return None


def _references(data: bytes, count: int) -> int:
    """How many references to other objects the ``count`` objects of a binary property
    list hold (its arrays', sets' and dictionaries', each at most the file's size); 0 when
    its table of objects is not in it (plistlib says what is wrong)."""
    width, table = data[-26], int.from_bytes(data[-8:], "big")
    if not 1 <= width <= 8 or table + count * width > len(data) - 32:
        return 0
    total = 0
    for at in range(table, table + count * width, width):
        offset = int.from_bytes(data[at : at + width], "big")
        token = data[offset] if offset < len(data) else 0
        if token >> 4 not in (0xA, 0xC, 0xD):  # not an array, a set or a dictionary
            continue
        size = token & 0xF
        if size == 0xF and offset + 1 < len(data):  # its size: an integer after it
            size_width = 1 << (data[offset + 1] & 0x3)
            size = int.from_bytes(data[offset + 2 : offset + 2 + size_width], "big")
        total += min(size, len(data)) * (2 if token >> 4 == 0xD else 1)
    return total


def _kind_of(value: object) -> str:
    return {str: "string", dict: "dictionary", list: "list", int: "number"}.get(
        type(value), type(value).__name__
    )


def _error(capture: Capture, problems: Problems, line: int, why: str) -> None:
    problems.error(capture.display, line, f"not a readable Safari web archive: {why}")


FORMAT = Format("webarchive", read, detect, order=2, suffixes=SUFFIXES)
