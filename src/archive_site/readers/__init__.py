"""Readers: one module per capture format, found by a registry, all returning a :class:`Reading`.

Every module of this package that defines ``FORMAT`` (a :class:`Format`: its
name, detection and reader) adds a format; adding a format is adding a module.
Detection tries the formats in their ``order``: the first whose test passes
reads the capture, ``plain`` last of all.  The formats (each module's
docstring describes its own): ``webarchive``, ``warc``, ``mhtml``, ``html``,
``subtitles``, ``ednews``, ``menafn``, ``clipping``, ``database``, ``wire``, ``markdown``,
``plain``.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib
import pkgutil
from collections.abc import Mapping
from types import MappingProxyType

from ..errors import Problems
from ..patterns import later
from ..text import INVISIBLE
from .base import (
    Block,
    Capture,
    Field,
    Format,
    Reading,
    decode,
    readable,
    split_blocks,
    split_lines,
)
from .charset import Decoded, decode_capture

__all__ = [
    "Block",
    "Capture",
    "Decoded",
    "Field",
    "Format",
    "Reading",
    "capture_text",
    "decode",
    "detect_format",
    "formats",
    "read_text",
    "readable",
    "registry",
    "split_blocks",
    "split_lines",
]


@functools.cache
def registry() -> Mapping[str, Format]:
    """The formats by name, in detection order: every ``FORMAT`` defined by a module of this
    package.  The modules are imported on the first call, not with the package: a build
    whose articles all come from the record cache reads no capture and needs none of them
    (importing them was about 20 ms of the seed archive's build)."""
    found: list[Format] = []
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        fmt = getattr(module, "FORMAT", None)
        if isinstance(fmt, Format):
            found.append(fmt)
    found.sort(key=lambda f: (f.order, f.name))
    return MappingProxyType({f.name: f for f in found})


def formats() -> tuple[str, ...]:
    """The formats' names, in detection order."""
    return tuple(registry())


def detect_format(text: str, name: str = "") -> str:
    """The format of a capture's text: the first format whose detection passes.

    ``name`` is the file's name: a format that claims its ending (``.md``,
    ``.html``) is chosen without looking further.
    """
    lowered = name.lower()
    for fmt in registry().values():
        if fmt.suffixes and lowered.endswith(fmt.suffixes):
            return fmt.name
    capture = Capture.of(text, name)
    for fmt in registry().values():
        if fmt.detect is not None and fmt.detect(capture):
            return fmt.name
    return "plain"


def capture_text(data: bytes, name: str, display: str, problems: Problems) -> Decoded | None:
    """The text of the capture file ``name`` holding ``data``, and its encoding (see
    :mod:`.charset`: UTF-8, UTF-16 with a byte-order mark, or a saved page's declared
    encoding; a file holding a page, a web archive, a WARC or an MHTML file, as its reader
    takes it); None, with the error reported, when it cannot be read."""
    from .container import escaped
    from .html import is_page
    from .mhtml import decoded, is_mhtml
    from .warc import is_warc
    from .webarchive import is_webarchive

    if is_webarchive(name, data) or is_warc(name, data):  # binary: see .container
        return escaped(data)
    if is_mhtml(name, data):
        return decoded(data)
    return decode_capture(data, display, problems, page=is_page(name, data))


def read_text(text: str, display: str, problems: Problems, *, fmt: str) -> Reading:
    """Read a capture's text with the reader for ``fmt`` (see :func:`detect_format`).

    A capture that the named format's own detection rejects is reported and
    read as ``plain``.
    """
    capture = Capture.of(text, display)
    chosen = registry().get(fmt)
    if chosen is None:
        raise ValueError(f"unknown format {fmt!r}")
    if chosen.detect is not None and not chosen.detect(capture):
        problems.error(
            display, 1, f"format: the capture does not look like '{fmt}'{_like(capture)}"
        )
        chosen = registry()["plain"]
    from .stamps import gregorian  # (see registry: no reader's module until one reads)

    reading = _shown(chosen.read(capture, problems))
    return gregorian(reading) if chosen.capture else reading


def _like(capture: Capture) -> str:
    """What a capture its name or metadata misnames looks like, as an error says it: a
    Safari web archive or a WARC file renamed ``.html`` ("it looks like 'webarchive'");
    nothing when no other format's test passes but plain text's."""
    found = next(
        (f for f in registry().values() if f.detect is not None and f.detect(capture)), None
    )
    if found is None or found.name == "plain":
        return ""
    suffix = found.suffixes[0] if found.suffixes else ".txt"  # (copied text, wire copy)
    return f": it looks like '{found.name}' (name the file '*{suffix}')"


#: A character a reader sees: not white space, nor one that shows nothing.
_VISIBLE = later(f"[^\\s\u200b{INVISIBLE}]")


def _shown(reading: Reading) -> Reading:
    """``reading`` without the paragraphs that show nothing (zero-width characters alone:
    a capture of only those was an article of empty paragraphs, audit 6)."""
    if all(_VISIBLE().search(b.text) for b in reading.blocks):
        return reading
    return dataclasses.replace(
        reading, blocks=tuple(b for b in reading.blocks if _VISIBLE().search(b.text))
    )
