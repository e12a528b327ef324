"""``archive-site add CAPTURE``: put a captured article into the content folder.

The capture is copied byte for byte to ``content/articles/ID.capture.txt``
(a saved page, or one in a container, MHTML, a web archive, WARC, WACZ, keeps its
kind: ``ID.capture.html``..., see :func:`~archive_site.layout.capture_suffix`; a
Markdown article written by hand, a ``.md`` file opening with front matter, to
``ID.md``, with no metadata file: its front matter is its metadata)
and read with the reader :func:`~archive_site.readers.detect_format` picks,
to learn what it says itself.  Beside it goes ``ID.meta.yaml``: comments on
what was read from the capture (the loader reads those from the capture on
every build, so they are not repeated), the keys the archivist still has to
fill in, left empty, and the useful optional ones.  An empty value counts as
missing, so ``archive-site check`` names each field that is still to do.

A database's export of several documents (:func:`export_parts`) is added as one article
per document, or not at all: each capture is the export's lines that hold its document.

Exit codes (as for the other commands): 0 added; 1 nothing was added because
of a file: the capture is missing, unreadable, not UTF-8 text, empty or
unreadable by its format's reader, or the id is taken (the same code
``check`` gives for a missing content folder); 2 a usage error in the command
line itself: an ``--id`` that is not a valid id.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import errno
import hashlib
import os
import re
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .. import urls
from ..dates import MONTHS
from ..errors import ArchiveError, Diagnostic, Problems, display_path
from ..files import CONTROL_CHARACTERS, FileProblem, create_new, is_own_folder, read_bytes
from ..layout import (
    ARTICLES_DIR,
    CAPTURE_SUFFIXES,
    MARKDOWN_SUFFIX,
    META_SUFFIX,
    capture_suffix,
    id_error,
    is_id,
)
from ..layout import MAX_ID_LENGTH as ID_LIMIT
from ..load import load_entities
from ..load.discover import content_not_found, not_content
from ..model import ARTICLE_KINDS
from ..options import AddOptions, UsageError
from ..patterns import later
from ..readers import Field, Reading, capture_text, detect_format, read_text, readable, split_lines
from ..readers.clipping import is_clipping
from ..readers.database import document_starts
from ..readers.stamps import days_shown
from ..suggest.zones import local_days, where

if TYPE_CHECKING:
    from .cli import Printer

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

#: Longest id chosen from the date, outlet and title (cut at a word boundary).
MAX_ID_LENGTH = 60
#: Longest share of it the outlet's name takes, so that the title has room: a government's
#: site names itself at length ("Official web-site of President of Azerbaijan Republic",
#: "Ministry of Foreign Affairs of the People's Republic of China"), and its pages of one
#: day would otherwise all have the one id.
_OUTLET_ID_LENGTH = 28
#: Words an id should not end on once it has been cut short.
_TRAILING_WORDS = frozenset(
    "a an and as at by for from in is of on or the to with".split()  # noqa: SIM905
)
#: Letters the transliteration behind python-slugify drops (Azerbaijani schwa); and the
#: apostrophe, which parts no word ("China's": "chinas", not "china-s").
_SLUG_REPLACEMENTS = (
    ("Ə", "E"),
    ("ə", "e"),
    *((mark, "") for mark in "'’ʼʻ‘`´"),  # (Uzbek writes its o‘ and g‘ with ʻ or ‘)
)
#: A value written as a plain YAML scalar; anything else is double-quoted.
_PLAIN_SCALAR = later(r"[^\W_][\w .,()/+'-]*(?<! )")

#: What the capture can say, in the order the metadata file lists it.
_CAPTURE_FIELDS = (
    "title",
    "published",
    "time",
    "section",
    "author",
    "outlet",
    "via",
    "aggregator",
    "timezone",
    "kind",
    "url",
    "captured",
    "dateline",
    "agency",
    "origin",
)


@dataclass(frozen=True, slots=True)
class ToFill:
    """A key the archivist still has to fill in, and what it wants."""

    key: str
    hint: str


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the metadata file for a new capture will say."""

    text: str
    to_fill: tuple[ToFill, ...]


def add(options: AddOptions, out: Printer) -> int:
    """Copy the capture into ``content/articles/`` and write its metadata file (with
    ``dry_run``, only say what it would copy and write)."""
    return _add(options.capture, options.content, options.ident, out, options.dry_run)


#: The last line of ``add --dry-run``.
DRY_RUN_SAID = "Nothing was written (--dry-run): run the command without it to add the capture."


def _fail(path: Path | str, line: int | None, message: str) -> ArchiveError:
    return ArchiveError([Diagnostic(display_path(path), line, message)])


#: The formats whose file holds the page in another form: its lines are not the page's.
_CONTAINERS = frozenset({"mhtml", "webarchive", "warc"})


def _add(capture: Path, content: Path, ident: str | None, out: Printer, dry: bool) -> int:
    if ident is not None and not is_id(ident):
        raise UsageError(f"--id: {id_error(ident)}")
    data = _read_capture(capture)
    display = display_path(capture)
    parts = export_parts(capture, data)
    if len(parts) > 1:
        if ident is not None:
            raise UsageError(
                f"--id names one article, and {display} holds {len(parts)} documents of a "
                "database's export: leave --id out, and each gets an id from its own date, "
                "outlet and title"
            )
        return _add_export(capture, data, parts, content, out, dry)
    reading, encoding = _read(capture, data)
    folder = _articles_folder(content)
    same = _same_capture(folder, data)
    if same is not None:
        out.info(
            f"{display} is already in the archive: {display_path(same)} has the same "
            f"SHA-256 ({hashlib.sha256(data).hexdigest()[:16]}…). Nothing was added or changed."
        )
        return EXIT_OK
    how_id = ""
    if ident is None:
        ident = choose_id(reading, capture)
        how_id = f" (from {_id_basis(reading)}; --id chooses another)"
    clash = urls.own_page(ident, urls.article)  # "index": articles/index.html, the index
    if clash is not None:
        raise _fail(capture, None, f"{clash} with --id")
    suffix = (
        MARKDOWN_SUFFIX if reading.format == "markdown" else capture_suffix(reading.format, data)
    )
    taken = _taken(folder, ident)
    if taken is not None:
        raise _fail(
            taken,
            None,
            f"already exists: the article id '{ident}' is taken, and add never "
            f"overwrites an article; choose another id with --id (the first free one "
            f"after it: --id {_free_id(folder, ident)})",
        )

    name = _file_name(capture)
    if reading.format == "markdown":
        path = folder / f"{ident}{suffix}"
        return _add_markdown(path, data, reading, content, how_id, out, dry)
    shown = _days_shown(reading, data, capture.name)
    metadata = metadata_text(reading, name, _entities_named(content, reading), shown)
    capture_path = folder / f"{ident}{suffix}"
    meta_path = folder / f"{ident}{META_SUFFIX}"
    if not dry:
        _write_both(folder, capture_path, data, meta_path, metadata.text)

    for line, note in reading.notes:
        out.info(f"note: {display_path(capture_path)}:{line}: {note}")
    out.info(f"Article id: {ident}{how_id}")
    out.info(
        f"{'Would copy' if dry else 'Copied'} {display} to {display_path(capture_path)} "
        f"({len(data):,} bytes, unchanged; read as '{reading.format}'"
        + ("" if encoding == "UTF-8" else f", in {encoding}")
        + ")"
    )
    out.info(f"{'Would write' if dry else 'Wrote'} {display_path(meta_path)}")
    assets = capture.with_name(f"{capture.stem}_files")
    if reading.format == "html" and assets.is_dir():  # Chrome's "Webpage, Complete"
        out.info(
            f"Not copied: {display_path(assets)}, the page's images, style sheets and scripts "
            "as the browser saved them beside it; the site neither reads nor publishes them "
            "(keep the folder with your own records)"
        )
    _report(reading, content, metadata, meta_path, out)
    if dry:
        out.info(DRY_RUN_SAID)
    return EXIT_OK


def _articles_folder(content: Path) -> Path:
    """The content folder's ``articles/``, which add writes into (it may not exist yet)."""
    if not content.is_dir():
        raise _fail(content, None, content_not_found(content))
    if (problem := not_content(content)) is not None:
        raise _fail(content, None, problem)
    folder = content / ARTICLES_DIR
    # the build refuses a linked articles/ folder: nothing is written through one
    if (folder.exists() or folder.is_symlink()) and not is_own_folder(folder):
        raise _fail(
            folder,
            None,
            "not a folder but a symbolic link or a file: add writes only into the content "
            "folder's own articles/ folder",
        )
    return folder


# --- an export of several documents -------------------------------------------


@dataclass(frozen=True, slots=True)
class Part:
    """One document of a database's export: its first line in the export, and its bytes."""

    line: int
    data: bytes


#: Line ends as :func:`~archive_site.readers.split_lines` finds them, in bytes.
_LINE_END = re.compile(rb"\r\n|\r|\n")


def export_parts(capture: Path, data: bytes) -> list[Part]:
    """The documents of a database's export of several (see
    :func:`~archive_site.readers.database.document_starts`), each the export's bytes from
    its first line to the next one's: joined, they are the export byte for byte.  One part,
    the whole file, for anything else, and for what is not text (its reader says why)."""
    problems = Problems()
    decoded = capture_text(data, capture.name, display_path(capture), problems)
    if decoded is None or problems.errors:
        return [Part(1, data)]
    lines = split_lines(decoded.text)
    starts = document_starts(lines)
    if len(starts) == 1:
        return [Part(1, data)]
    offsets = [0, *(m.end() for m in _LINE_END.finditer(data))]
    if decoded.encoding != "UTF-8" or len(offsets) != len(lines):
        # UTF-16's line ends are two bytes each, and a part but the first would have no
        # byte-order mark to be read by
        raise _fail(
            capture,
            None,
            f"holds {len(starts)} documents of a database's export, in {decoded.encoding}: "
            "add splits an export saved as UTF-8; save it so, or each document on its own",
        )
    ends = [offsets[n] for n in starts[1:]] + [len(data)]
    return [Part(n + 1, data[offsets[n] : end]) for n, end in zip(starts, ends, strict=True)]


@dataclass(frozen=True, slots=True)
class _Document:
    """A document of an export as it will be added."""

    part: Part
    last_line: int
    reading: Reading
    ident: str
    same: str | None  # the archived capture, or earlier document, with the same bytes


def _add_export(
    capture: Path, data: bytes, parts: Sequence[Part], content: Path, out: Printer, dry: bool
) -> int:
    """Add each document of the export as an article of its own, or none."""
    folder = _articles_folder(content)
    documents = _documents(capture, parts, folder)
    name = _file_name(capture)
    whole = hashlib.sha256(data).hexdigest()
    written: list[Path] = []
    to_fill: dict[int, list[str]] = {}
    try:
        for n, doc in enumerate(documents, start=1):
            if doc.same is None:
                origin = _export_origin(n, len(documents), doc, whole)
                paths, metadata = _write_document(folder, doc, name, origin, content, dry)
                written += paths
                to_fill[n] = [item.key for item in metadata.to_fill]
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    display = display_path(capture)
    added = sum(1 for d in documents if d.same is None)
    out.info(
        f"{display} holds {len(documents)} documents of a database's export: "
        f"each is an article of its own, its capture the export's lines that hold it "
        f"(the {len(documents)} captures, joined, are the export byte for byte)."
    )
    for n, doc in enumerate(documents, start=1):
        _said_document(doc, n, to_fill.get(n, []), out)
    out.info(
        f"{'Would add' if dry else 'Added'} {added} of {len(documents)} documents."
        + (
            f" Run `{_check_command(content)}`: it names each field still to fill in."
            if added
            else ""
        )
    )
    if dry and added:
        out.info(DRY_RUN_SAID)
    return EXIT_OK


def _documents(capture: Path, parts: Sequence[Part], folder: Path) -> list[_Document]:
    """Each part read, and given an id no article and no other part has; every problem
    of every part raised at once, on the export's own lines."""
    diagnostics: list[Diagnostic] = []
    documents: list[_Document] = []
    taken: set[str] = set()
    seen: dict[bytes, str] = {}
    archived = _archived(folder)  # (once: each part is looked for among them)
    for n, part in enumerate(parts, start=1):
        last = part.line + len(_LINE_END.findall(part.data.rstrip(b"\r\n")))
        where = f"document {n} of {len(parts)} (lines {part.line}-{last}): "
        try:
            reading, _ = _read(capture, part.data)
        except ArchiveError as exc:
            diagnostics += [_moved(d, part.line, where) for d in exc.diagnostics]
            continue
        if reading.format != "database":
            diagnostics.append(
                Diagnostic(
                    display_path(capture),
                    part.line,
                    f"{where}not read as a database's document (read as '{reading.format}'): "
                    "save each document of the export on its own",
                )
            )
            continue
        digest = hashlib.sha256(part.data).digest()
        same = display_path(archived[digest]) if digest in archived else seen.get(digest)
        ident = _export_id(reading, capture, folder, taken)
        seen.setdefault(digest, f"document {n}")
        if same is None:
            taken.add(ident)
        documents.append(_Document(part, last, reading, ident, same))
    if diagnostics:
        raise ArchiveError(diagnostics)
    return documents


def _export_origin(n: int, count: int, doc: _Document, whole: str) -> list[str]:
    """What the metadata of an export's document says of where its capture comes from."""
    return [
        f"# Document {n} of the {count} of that database's export: its lines",
        f"# {doc.part.line} to {doc.last_line}, byte for byte (the export's SHA-256:",
        f"# {whole}).",
    ]


def _write_document(
    folder: Path, doc: _Document, name: str, origin: Sequence[str], content: Path, dry: bool
) -> tuple[list[Path], Metadata]:
    """Write a document's capture and its metadata (with ``dry``, nothing): the files
    written, and what the metadata says."""
    shown = _days_shown(doc.reading, doc.part.data, name)
    named = _entities_named(content, doc.reading)
    metadata = metadata_text(doc.reading, name, named, shown, origin)
    capture_path = folder / f"{doc.ident}{capture_suffix(doc.reading.format, doc.part.data)}"
    meta_path = folder / f"{doc.ident}{META_SUFFIX}"
    if dry:
        return [], metadata
    _write_both(folder, capture_path, doc.part.data, meta_path, metadata.text)
    return [capture_path, meta_path], metadata


def _said_document(doc: _Document, n: int, to_fill: Sequence[str], out: Printer) -> None:
    """A line on each document of an export: its id and title, or what it repeats."""
    where = f"{n}. lines {doc.part.line}-{doc.last_line}"
    if doc.same is not None:
        out.info(f"{where}: the same bytes as {doc.same}: not added again")
        return
    title = doc.reading.fields.get("title")
    said = f": {_one_line(title.value)}" if title is not None else ""
    needs = f" (to fill in: {', '.join(to_fill)})" if to_fill else ""
    out.info(f"{where}: {doc.ident}{said}{needs}")


def _moved(diagnostic: Diagnostic, first_line: int, where: str) -> Diagnostic:
    """A part's diagnostic said of the export: on its line there, naming the document."""
    line = None if diagnostic.line is None else diagnostic.line + first_line - 1
    return dataclasses.replace(diagnostic, line=line, message=where + diagnostic.message)


def _export_id(reading: Reading, capture: Path, folder: Path, taken: set[str]) -> str:
    """The id a document chooses, or the first free one after it (``ID-2``...)."""
    ident = choose_id(reading, capture)
    if ident not in taken and _taken(folder, ident) is None:
        return ident
    return _free_id(folder, ident, taken)


def _file_name(capture: Path) -> str:
    """The capture's file name as the metadata can hold it: a name that is not UTF-8 (kept
    by Python as lone surrogates), or with a control character (no text holds one), has a
    replacement character for each."""
    name = capture.name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return CONTROL_CHARACTERS().sub("\ufffd", name)


def _add_markdown(
    path: Path,
    data: bytes,
    reading: Reading,
    content: Path,
    how_id: str,
    out: Printer,
    dry: bool,
) -> int:
    """Copy a Markdown article written by hand, as it is: its front matter is its metadata
    (no metadata file beside it), and it stays the archivist's to edit."""
    if not dry:
        path.parent.mkdir(parents=True, exist_ok=True)
        _create(path, data)
    out.info(f"Article id: {path.name[: -len(MARKDOWN_SUFFIX)]}{how_id}")
    out.info(
        f"{'Would copy' if dry else 'Copied'} it to {display_path(path)} "
        f"({len(data):,} bytes, unchanged): a Markdown article, whose front matter is its "
        "metadata"
    )
    said = _said_lines(reading, written=True)
    if said:
        out.info("Its front matter says:")
        for line in said:
            out.info(line)
    check = _check_command(content)
    out.info(f"Run `{check}`: it names each key of the front matter that is missing or unknown.")
    if dry:
        out.info(DRY_RUN_SAID)
    return EXIT_OK


def _read(capture: Path, data: bytes) -> tuple[Reading, str]:
    """The capture read by the reader its format's detection picks, and the name of its
    encoding; bad input raises."""
    display = display_path(capture)
    problems = Problems()
    decoded = capture_text(data, capture.name, display, problems)
    problems.raise_if_errors()
    assert decoded is not None
    text = decoded.text
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        raise _fail(capture, line, "not a text file (it holds a NUL character)")
    if not text.strip():
        raise _fail(capture, None, "the capture is empty: there is no article text to add")
    text = readable(text, display, problems)
    if _front_matter_unfenced(capture, text):
        raise _fail(
            capture,
            1,
            "a Markdown article's front matter goes between two '---' lines (one before "
            "'title:', one after the last key): without them the file would be read as "
            "the text of a capture",
        )
    if _is_markdown_article(capture, text):
        reading = read_text(text, display, problems, fmt="markdown")
        if not problems.errors and reading.front_matter is not None and not reading.blocks:
            raise _fail(capture, None, "no article text after the front matter")
        return _markdown_reading(reading, problems)
    reading = read_text(text, display, problems, fmt=detect_format(text, capture.name))
    if problems.errors:
        raise ArchiveError(problems)
    if not reading.blocks:  # the reader's word on why, when it says one
        told = [(line, m) for line, m in reading.notes if m.startswith("no article text found")]
        line, why = told[0] if told else (1, "no article text found in the capture")
        raise _fail(capture, line if line > 1 else None, why)  # (1: the page, no line)
    # the warnings reading it gave (control characters read as spaces...), said as notes
    said = tuple((d.line or 1, d.message) for d in problems.warnings)
    notes = said + reading.notes + _utc_day_note(reading)
    return dataclasses.replace(reading, notes=notes), decoded.encoding


def _utc_day_note(reading: Reading) -> tuple[tuple[int, str], ...]:
    """A note, once, when the capture gives its time in UTC only and its page says the
    outlet is where that moment is another day (see :func:`.suggest.zones.local_days`):
    21:30 UTC on a ``.jp`` address is 24 April in Tokyo, which may be the day it was
    published there; else none."""
    fields = reading.fields
    published, time, zone = (fields.get(k) for k in ("published", "time", "timezone"))
    if published is None or time is None or zone is None or zone.value != "+00:00":
        return ()
    language = fields["language"].value if "language" in fields else "en"
    url = fields["url"].value if "url" in fields else None
    try:
        day = dt.date.fromisoformat(published.value)
        days = local_days(day, time.value, language, url)
    except ValueError:  # (a day or a time that is none: the loader says so)
        return ()
    if not days:
        return ()
    shown = " or ".join(f"{d.day} {MONTHS[d.month - 1]} {d.year}" for d in days)
    either = "" if len(days) == 1 else " (either)"
    return (
        (
            published.line,
            f"its time is given in UTC only ({published.value} {time.value} +00:00), and "
            f"{where(language, url)}, says where the outlet is: there that moment is {shown},"
            f" which may be the outlet's own day of publication{either}"
            ". 'published' keeps the UTC day, which is true; `suggest` reads words such as "
            "'yesterday' in its text against the outlet's day (when it may be either, only "
            "the words both days agree on)",
        ),
    )


#: A line of front matter a Markdown article opens with.
_FRONT_KEY = later(r"(?:title|published|outlet|kind|author|date|language|url|summary):[ \t]")


def _front_matter_unfenced(capture: Path, text: str) -> bool:
    """A ``.md`` file opening with front matter's keys, but without the ``---`` lines."""
    first = text.lstrip("\ufeff").lstrip()
    return capture.suffix.lower() == MARKDOWN_SUFFIX and bool(_FRONT_KEY().match(first))


def _is_markdown_article(capture: Path, text: str) -> bool:
    """A Markdown article written by hand: a ``.md`` file opening with front matter (not
    a clipper's: that is a capture, :mod:`~archive_site.readers.clipping`)."""
    text = text.lstrip("\ufeff")
    return (
        capture.suffix.lower() == MARKDOWN_SUFFIX
        and text.startswith("---")
        and not is_clipping(split_lines(text))
    )


def _markdown_reading(reading: Reading, problems: Problems) -> tuple[Reading, str]:
    """A Markdown article's reading, its front matter's text values as its fields (what
    the id is chosen from and the report shows)."""
    if problems.errors or reading.front_matter is None or not reading.blocks:
        raise ArchiveError(problems)
    front = reading.front_matter
    said = {
        key: Field(value.strip(), front.key_lines.get(key, front.line))
        for key in _CAPTURE_FIELDS
        if isinstance(value := front.get(key), str) and value.strip()
    }
    return dataclasses.replace(reading, fields={**reading.fields, **said}), "UTF-8"


def _id_basis(reading: Reading) -> str:
    basis = [w for k, w in (("published", "date"), ("outlet", "outlet")) if k in reading.fields]
    basis.append("title" if "title" in reading.fields else "file name")
    words = ", ".join(f"the {b}" for b in basis[:-1])
    return f"{words} and the {basis[-1]}" if words else f"the {basis[-1]}"


def _report(
    reading: Reading, content: Path, metadata: Metadata, meta_path: Path, out: Printer
) -> None:
    """What the capture said, with its lines, and what is left to fill in."""
    said = _said_lines(reading)
    if said:
        out.info("The capture says (the loader reads it from there on every build):")
        for line in said:
            out.info(line)
    else:
        out.info("The capture says nothing the loader can read: all its metadata is to fill in")
    if reading.furniture:
        kinds = ", ".join(dict.fromkeys(f.kind for f in reading.furniture))
        out.info(f"Left out of the text as page furniture: {len(reading.furniture)} ({kinds})")
    if _news_with_turns(reading):
        out.info(f"note: {_NEWS_WITH_TURNS}")
    check = _check_command(content)
    if metadata.to_fill:
        out.info(f"Still to fill in, in {display_path(meta_path)}:")
        width = max(len(f.key) for f in metadata.to_fill) + 1
        for item in metadata.to_fill:
            out.info(f"  {item.key + ':':<{width}} {item.hint}")
        out.info(f"Then run `{check}`: it names each field that is still missing.")
    else:
        out.info(f"Nothing else is required; run `{check}` to validate the article.")


#: What ``add`` says of a page whose JSON-LD says ``news`` and whose paragraphs make an
#: interview's turns (see :func:`_news_with_turns`).
_NEWS_WITH_TURNS = (
    "its 'news' is the page's schema.org NewsArticle, which most pages carry, but its "
    "paragraphs make an interview's turns (each question answered): if it is one, say "
    "'kind: interview' in the metadata, with 'interviewer:' and 'interviewee:'"
)


def _news_with_turns(reading: Reading) -> bool:
    """Whether the capture is said to be ``news`` (a page's ``NewsArticle``) though its
    paragraphs make an interview's turns once its metadata says it is one (the Guardian's
    questions in bold)."""
    kind = reading.fields.get("kind")
    has_turns = any(b.turn for b in reading.blocks)
    return kind is not None and kind.value == "news" and not has_turns and _marked_turns(reading)


def _said_lines(reading: Reading, *, written: bool = False) -> list[str]:
    """What the capture says, a line for each field, with its line in the file; ``written``:
    what a Markdown article's front matter says (its kind is written, not read from turns)."""
    said = [k for k in _CAPTURE_FIELDS if k in reading.fields]
    width = max((len(k) for k in said), default=0) + 1
    return [
        f"  {key + ':':<{width}} {_said(reading.fields[key], key, turns=not written)}"
        for key in said
    ]


def _check_command(content: Path) -> str:
    """The command that checks the content folder ``content``."""
    if content == Path("content"):
        return "archive-site check"
    return f"archive-site check --content {display_path(content)}"


def _read_capture(capture: Path) -> bytes:
    """The capture named on the command line (a link to it is followed: the user named it)."""
    try:
        return read_bytes(capture.resolve())
    except FileProblem as exc:
        raise _fail(
            capture,
            None,
            str(exc).replace("a folder, not a file", "a folder, not a captured text file"),
        ) from None
    except (OSError, RuntimeError) as exc:  # resolve(): a loop of links
        raise _fail(capture, None, f"cannot read: {exc}") from None


def _same_capture(folder: Path, data: bytes) -> Path | None:
    """An archived capture with exactly these bytes, if there is one."""
    return _archived(folder).get(hashlib.sha256(data).digest())


def _archived(folder: Path) -> dict[bytes, Path]:
    """The archived captures (and Markdown articles) by the SHA-256 of their bytes, the
    first by name of each."""
    if not folder.is_dir():
        return {}
    captures = (p for s in (*CAPTURE_SUFFIXES, MARKDOWN_SUFFIX) for p in folder.glob(f"*{s}"))
    found: dict[bytes, Path] = {}
    for path in sorted(captures):
        try:
            found.setdefault(hashlib.sha256(read_bytes(path)).digest(), path)
        except FileProblem:
            continue
    return found


def _taken(folder: Path, ident: str) -> Path | None:
    """The file of the article ``ident`` in ``folder``, if there is one."""
    names = (f"{ident}{s}" for s in (*CAPTURE_SUFFIXES, META_SUFFIX, MARKDOWN_SUFFIX))
    return next((folder / n for n in names if (folder / n).exists()), None)


def _free_id(folder: Path, ident: str, taken: Set[str] = frozenset()) -> str:
    """The first of ``ident-2``, ``ident-3``... no article has (within an id's 100
    characters), nor one of ``taken``: what a script adding the same story's other
    captures can give ``--id``."""
    n = 2
    while True:
        tail = f"-{n}"
        free = ident[: ID_LIMIT - len(tail)].rstrip("-") + tail
        if free not in taken and _taken(folder, free) is None:
            return free
        n += 1


def _days_shown(reading: Reading, data: bytes, name: str) -> list[tuple[int, str]]:
    """The days a capture whose day of publication was not read shows (an update's stamp,
    a ``<meta name="date">``, an address holding one: see :func:`.stamps.days_shown`), by
    the lines of its file: none for a page in a container (MHTML, WARC...), whose lines
    are not its page's, and in text only its first ten lines, its head."""
    if "published" in reading.fields or reading.format in _CONTAINERS:
        return []
    decoded = capture_text(data, name, name, Problems())
    if decoded is None:
        return []
    # in text, below its head, the stamps are other stories' ("Other news" ending wire copy)
    head = decoded.text if reading.format == "html" else "\n".join(decoded.text.split("\n")[:10])
    return days_shown(head)


def _write_both(folder: Path, capture_path: Path, data: bytes, meta_path: Path, meta: str) -> None:
    """Create both files (never overwriting one), or neither."""
    folder.mkdir(parents=True, exist_ok=True)
    _create(capture_path, data)
    try:
        _create(meta_path, meta.encode("utf-8"))
    except BaseException:
        capture_path.unlink(missing_ok=True)
        raise
    # Archived captures are never edited: make the copy read-only, like the others.
    capture_path.chmod(0o444)


def _create(path: Path, content: bytes) -> None:
    """Create ``path`` holding ``content``, never overwriting a file, or leave nothing: a
    write the system refuses (a full disk, a quota) removes what it began, and names the
    file (an error in the files, not a bug: a half-written Markdown article was left, which
    the next build published).  The bytes go to a hidden file beside it first, which is then
    linked in whole: an ``add`` killed while writing (a crash, a kill) leaves no half article
    either, only that hidden file, which no build reads."""
    if path.exists() or path.is_symlink():
        raise _fail(path, None, "already exists; add never overwrites an article")
    spare = path.with_name(f".{path.name}.add-{os.getpid()}")
    try:
        try:
            _write_new(spare, content)
            os.link(spare, path)  # fails if the path was taken meanwhile
        except FileExistsError:
            raise _fail(path, None, "already exists; add never overwrites an article") from None
        except OSError as exc:
            if exc.errno not in _NO_LINKS:
                raise
            _write_new(path, content, keep=False)  # a file system without links: in place
    except OSError as exc:
        if exc.filename is None or exc.filename == str(spare):
            raise OSError(exc.errno, exc.strerror, str(path)) from None
        raise
    finally:
        spare.unlink(missing_ok=True)


#: What ``link`` fails with where a file system has no hard links (FAT, some shares).
_NO_LINKS = frozenset({errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK})


def _write_new(path: Path, content: bytes, *, keep: bool = True) -> None:
    """Write ``content`` into a new file at ``path`` (``keep``: a leftover of a killed run
    there is replaced; else an existing file is refused); nothing is left there on failure."""
    try:
        f = os.fdopen(create_new(path), "wb") if keep else path.open("xb")
    except FileExistsError:
        raise _fail(path, None, "already exists; add never overwrites an article") from None
    try:
        with f:
            f.write(content)
    except BaseException:
        path.unlink(missing_ok=True)
        raise


# --- the id -----------------------------------------------------------------


def choose_id(reading: Reading, source: Path) -> str:
    """``DATE-OUTLET-TITLE`` as far as the capture says them, the title else the file's stem.

    At most :data:`MAX_ID_LENGTH` characters, cut between words, not ending on
    a word such as "the" or "of".
    """
    prefix, rest = _id_parts(reading, source)
    words = [w for w in "-".join([*prefix, rest]).split("-") if w]
    fixed = sum(len(p.split("-")) for p in prefix)  # the date and outlet stay whole
    ident = _cut(words, fixed)
    if not is_id(ident):
        raise _fail(
            source,
            None,
            "cannot make an article id from the capture or its name; give one with --id",
        )
    return ident


def _id_parts(reading: Reading, source: Path) -> tuple[list[str], str]:
    """Slugs of the date and outlet the capture says, and of its title (else the file's stem)."""
    from slugify import slugify  # only add needs it: keep it out of the build's imports

    def slug(text: str) -> str:
        return slugify(text, replacements=_SLUG_REPLACEMENTS)

    fields = reading.fields
    date, outlet = (slug(fields[k].value) if k in fields else "" for k in ("published", "outlet"))
    title = fields.get("title")
    rest = slug(title.value if title is not None else source.stem)
    for part in (p for p in (date, outlet) if p):  # "2025-04-21-aliyev.txt" has the date
        if rest == part or rest.startswith(part + "-"):
            rest = rest[len(part) :].lstrip("-")
    return [p for p in (date, _outlet_part(outlet)) if p], rest


def _outlet_part(outlet: str) -> str:
    """The outlet's slug cut between words to :data:`_OUTLET_ID_LENGTH` characters, not
    ending on a word of :data:`_TRAILING_WORDS` (a first word longer than that cut itself)."""
    if len(outlet) <= _OUTLET_ID_LENGTH:
        return outlet
    words = outlet.split("-")
    kept = [words[0][:_OUTLET_ID_LENGTH]]
    for word in words[1:]:
        if len("-".join([*kept, word])) > _OUTLET_ID_LENGTH:
            break
        kept.append(word)
    while len(kept) > 1 and kept[-1] in _TRAILING_WORDS:
        kept.pop()
    return "-".join(kept)


def _cut(words: list[str], fixed: int) -> str:
    """The words joined by hyphens, cut between words to :data:`MAX_ID_LENGTH` characters.

    The first ``fixed`` words stay whole; the cut does not end on a word of
    :data:`_TRAILING_WORDS`; one very long first word after them is cut itself.
    """
    ident = "-".join(words)
    if len(ident) <= MAX_ID_LENGTH:
        return ident
    kept = words[:fixed]
    for word in words[fixed:]:
        room = MAX_ID_LENGTH - len("-".join(kept)) - (1 if kept else 0)
        if len(word) > room:
            if len(kept) == fixed and room > 0:  # one very long word: cut it
                kept.append(word[:room])
            break
        kept.append(word)
    while len(kept) > fixed + 1 and kept[-1] in _TRAILING_WORDS:
        kept.pop()
    return "-".join(kept)


# --- the metadata file ------------------------------------------------------


def yaml_scalar(value: str) -> str:
    """``value`` as a YAML scalar on one line: plain when that is unambiguous, else quoted.

    In the double-quoted form, only what YAML would not keep as it is gets an
    escape: quotes, backslashes, control characters and line breaks.
    """
    if _PLAIN_SCALAR().fullmatch(value):
        return value
    out = []
    for ch in value:
        code = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif (
            0x20 <= code <= 0x7E
            or (0xA0 <= code <= 0xD7FF and ch not in "\u2028\u2029")
            or (0xE000 <= code <= 0xFFFD and ch != "\ufeff")
            or code >= 0x10000
        ):
            out.append(ch)
        elif code <= 0xFF:
            out.append(f"\\x{code:02x}")
        else:
            out.append(f"\\u{code:04x}")
    return '"' + "".join(out) + '"'


def _one_line(value: str) -> str:
    return " ".join(value.split())


def _said(field: Field, key: str, *, turns: bool = True) -> str:
    if turns and key == "kind" and field.value == "interview":
        return f"{field.value} (question and answer turns from line {field.line})"
    return f"{_one_line(field.value)} (line {field.line})"


def metadata_text(
    reading: Reading,
    original_name: str,
    named: Mapping[str, Sequence[str]] | None = None,
    shown: Sequence[tuple[int, str]] = (),
    origin: Sequence[str] = (),
) -> Metadata:
    """The commented ``ID.meta.yaml`` for a capture, and the keys left to fill in.

    ``named`` lists entity ids the capture names, by entity type, to suggest
    interviewers and interviewees; ``shown``, the days the capture shows, with their lines
    (see :func:`_days_shown`), where its day of publication may be; ``origin``, comment
    lines on where the capture comes from (a document of an export: its lines there).
    """
    needs = _needs(reading, named or {}, shown)
    header = _header(reading, original_name)
    lines = [
        *header[:2],
        *origin,
        *header[2:],
        "#",
        "# An empty value counts as missing: `archive-site check` names each field",
        "# below that still has to be filled in. A value the capture is misread to",
        "# say: give the right one here and list its key as 'overrides: [KEY]'.",
        "",
        "# To fill in.",
        *(line for need in needs for line in need.lines()),
        "",
        "# Optional.",
        *_optional(reading),
        "# The capture's file name when it was saved.",
        f"original_name: {yaml_scalar(original_name)}",
        "",
    ]
    return Metadata("\n".join(lines), tuple(need.item for need in needs))


@dataclass(frozen=True, slots=True)
class _Need:
    """A key to fill in, and the comment above it in the metadata file."""

    item: ToFill
    comment: tuple[str, ...]

    def lines(self) -> list[str]:
        return [*(f"# {c}" for c in self.comment), f"{self.item.key}:"]


def _header(reading: Reading, original_name: str) -> list[str]:
    """Where the file comes from, and what the capture says itself, with its lines."""
    lines = [
        "# The archivist's metadata for the capture beside this file,",
        f"# written by `archive-site add` from {_one_line(original_name)}.",
    ]
    if reading.format == "plain":
        return [
            *lines,
            "# The capture is plain text in no format archive-site knows: every paragraph",
            "# is the article's text, and all its metadata is given here.",
        ]
    said = [k for k in _CAPTURE_FIELDS if k in reading.fields]
    width = max(len(k) for k in said) + 1 if said else 0
    return [
        *lines,
        f"# The capture is in the '{reading.format}' format. What it says, the loader",
        "# reads from it on every build, so it is not repeated here (a value given",
        "# here too must agree with the capture):",
        *(f"#   {k + ':':<{width}} {_said(reading.fields[k], k)}" for k in said),
    ]


def _needs(
    reading: Reading, named: Mapping[str, Sequence[str]], shown: Sequence[tuple[int, str]] = ()
) -> list[_Need]:
    """The required keys the capture does not give, in the order the file lists them."""
    fields = reading.fields
    needs: list[_Need] = []
    if "title" not in fields:
        hint = "the article's headline (the capture has none)"
        needs.append(
            _Need(ToFill("title", hint), ("The article's headline (the capture has none).",))
        )
    if "outlet" not in fields:
        comment = ("The outlet that published it, as it names itself (e.g. Reuters).",)
        needs.append(_Need(ToFill("outlet", "who published it"), comment))
    if "published" not in fields:
        needs.append(_published_need(fields, shown))
    has_turns = any(b.turn for b in reading.blocks)
    marked = not has_turns and "kind" not in fields and _marked_turns(reading)
    if "kind" not in fields:
        needs.append(_kind_need(has_turns, marked=marked))
    if has_turns or marked:
        needs += _interview_needs(named)
    return needs


def _marked_turns(reading: Reading) -> bool:
    """Whether the capture's paragraphs make an interview's turns once its metadata says it
    is one (``Q:`` and ``A:``, dashes before questions), as the loader then reads them,
    though its reader marks none (plain text, wire copy)."""
    from ..readers.turns import turns_by_markers

    page = reading.format in ("html", "mhtml")
    blocks = list(reading.blocks)
    marked = turns_by_markers(blocks, long_dashes=page, dashed=reading.dashed, bold=reading.bold)
    return marked is not None


#: What ``published`` is when the day is not known: a source dated only to a month or a year
#: ("Policy Brief · 2021") is given so, never an invented day.
_NO_MORE = "or YYYY-MM, YYYY when no more is known"


def _published_need(fields: Mapping[str, Field], shown: Sequence[tuple[int, str]]) -> _Need:
    """``published``, with the days the capture shows where it may be (see
    :func:`_days_shown`), or why its dateline's day is not it."""
    hint = f"the day it was published, YYYY-MM-DD ({_NO_MORE})"
    if "dateline" in fields:
        hint += f" (the dateline '{fields['dateline'].value}' gives no year)"
    comment = [
        "The day, YYYY-MM-DD; the month, YYYY-MM, or the year, YYYY, when no more",
        "is known (a report of 'April 2025'): never a day made up.",
    ]
    if shown:
        days = ", ".join(f"{day} on line {line}" for line, day in shown)
        which = "is it that day?" if len(shown) == 1 else "is one of them that day?"
        hint += f" (not read, but the capture shows {days}: {which})"
        comment.append(f"The capture shows {days}; none was read as that day.")
    return _Need(ToFill("published", hint), tuple(comment))


def _kind_need(has_turns: bool, *, marked: bool = False) -> _Need:
    comment = [f"What the article is: one of {', '.join(ARTICLE_KINDS)}."]
    if marked:
        comment.append("(Its paragraphs marked as questions and answers are an interview's")
        comment.append("turns once this says 'interview'.)")
    elif not has_turns:
        comment.append("(Not an interview: that needs question and answer turns.)")
    hint = f"{', '.join(ARTICLE_KINDS[:-1])} or {ARTICLE_KINDS[-1]}"
    return _Need(ToFill("kind", hint), tuple(comment))


def _interview_needs(named: Mapping[str, Sequence[str]]) -> list[_Need]:
    """Who asked and who answered, with the people and organisations the capture names."""
    comment = [
        "Entity ids (see entities.yaml): who asked the questions and who answered.",
        "('unnamed' when the source names no one: a press conference's many askers,",
        "a ministry's bare 'Question:'; an official who asked not to be named.)",
    ]
    people = ", ".join(named.get("person", ())[:4])
    orgs = ", ".join(named.get("organisation", ())[:4])
    if people:
        comment.append(f"People the capture names: {people}")
    if orgs:
        comment.append(f"Organisations it names: {orgs}")
    return [
        _Need(ToFill("interviewer", "entity id of who asked the questions"), tuple(comment)),
        _Need(ToFill("interviewee", "entity id of who answered"), ()),
    ]


def _optional(reading: Reading) -> list[str]:
    """The optional keys, each with its comment, but those the capture gives."""
    fields = reading.fields
    lines = [
        "# A shorter title for lists and citations (default: the title).",
        "short_title:",
        "# Two or three sentences on what the article says, for its page and the lists.",
        "summary:",
    ]
    optional = {
        "author": "Who wrote it.",
        "section": "The outlet's section it appeared in.",
        "time": "The time it was published, HH:MM (24-hour, the outlet's local time).",
        "timezone": "The UTC offset of the time, e.g. +04:00 (four hours ahead of UTC).",
        "origin": (
            "Where the text first appeared (an agency's, another outlet's), when this is a "
            "copy: then not counted as a second source."
        ),
        "language": "The language it is written in (ru, az, en...), when not the site's.",
        "url": "The address the capture was taken from.",
        "captured": "When the capture was made (the page saved), YYYY-MM-DD: cited as accessed.",
    }
    for key, what in optional.items():
        if key not in fields and not (key == "origin" and "agency" in fields):
            lines += [f"# {what}", f"{key}:"]
    return [
        *lines,
        "# Ids of articles in the archive this one responds to, one per line as '  - ID'.",
        "responds_to:",
        *(
            [f"# Note: {_NEWS_WITH_TURNS}.", "kind:", "interviewer:", "interviewee:"]
            if _news_with_turns(reading)
            else []
        ),
    ]


def _entities_named(content: Path, reading: Reading) -> dict[str, list[str]]:
    """Ids of the entities the capture names, by type, in the order it first names them."""
    if not any(b.turn for b in reading.blocks):
        return {}
    from ..load.index import name_finder

    entities = load_entities(content, Problems())  # its problems are for `check` to report
    finder = name_finder(entities)
    types = {e.id: e.type for e in entities}
    named: dict[str, list[str]] = {}
    for block in reading.blocks:
        for _, _, key in finder.find(block.text):
            ids = named.setdefault(types[key], [])
            if key not in ids:
                ids.append(key)
    return named
