"""The content folder's layout: file and folder names, suffixes and the id syntax.

One source of truth for the loader (:mod:`archive_site.load`) and for
``archive-site add`` (:mod:`archive_site.commands.add`), which writes files
the loader reads::

    content/site.yaml                 site settings
    content/entities.yaml             people, organisations, places, ...
    content/topics.yaml               the topics milestones are filed under
    content/milestones.yaml           the curated timeline
    content/pages/*.md                hand-written pages (the method, "About")
    content/articles/ID.capture.txt   a captured article, byte for byte
    content/articles/ID.capture.html  a saved web page, byte for byte
    content/articles/ID.capture.mhtml a web page saved as one file (MHTML), byte for byte
    content/articles/ID.capture.webarchive  one saved by Safari as a Web Archive
    content/articles/ID.capture.warc  one archived as WARC (``.capture.warc.gz``, ``.wacz``)
    content/articles/ID.meta.yaml     the archivist's metadata for it
    content/articles/ID.md            an article written or pasted by hand
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet

from .patterns import later

SITE_FILE = "site.yaml"
ARTICLES_DIR = "articles"
PAGES_DIR = "pages"
ENTITIES_FILE = "entities.yaml"
TOPICS_FILE = "topics.yaml"
MILESTONES_FILE = "milestones.yaml"
#: Everything the build reads at the top of the content folder.
CONTENT_ENTRIES = (SITE_FILE, ENTITIES_FILE, TOPICS_FILE, MILESTONES_FILE, ARTICLES_DIR, PAGES_DIR)

CAPTURE_SUFFIX = ".capture.txt"
#: A saved web page keeps its bytes and its kind: it is published as text, never as a page.
HTML_CAPTURE_SUFFIX = ".capture.html"
MHTML_CAPTURE_SUFFIX = ".capture.mhtml"
#: The captures of the formats that keep a page in a container of their own, by format.
_CONTAINER_SUFFIXES = {
    "mhtml": MHTML_CAPTURE_SUFFIX,
    "webarchive": ".capture.webarchive",
    "warc": ".capture.warc",
}
#: A gzipped WARC file keeps its name's ending, as a WACZ file (a zip file of WARC files).
WARC_GZ_CAPTURE_SUFFIX = ".capture.warc.gz"
WACZ_CAPTURE_SUFFIX = ".capture.wacz"
CAPTURE_SUFFIXES = (
    CAPTURE_SUFFIX,
    HTML_CAPTURE_SUFFIX,
    *_CONTAINER_SUFFIXES.values(),
    WARC_GZ_CAPTURE_SUFFIX,
    WACZ_CAPTURE_SUFFIX,
)
#: The captures a browser would show as pages (or, a web archive, run as one): published
#: as text only (see ``urls.capture``).
PAGE_CAPTURE_SUFFIXES = CAPTURE_SUFFIXES[1:]
META_SUFFIX = ".meta.yaml"
MARKDOWN_SUFFIX = ".md"
#: What editors leave beside a file they save: a backup (``NAME~``), a swap or temporary
#: file, Emacs's ``#NAME#``, Vim's test of the folder (``4913``).
_EDITOR_SUFFIXES = (".swp", ".swx", ".swo", ".tmp", "~")


def editor_file(name: str) -> bool:
    """Whether ``name`` is an editor's file beside content (see above): never read, never
    reported, and its changes start no build under ``serve``."""
    return name.startswith("#") or name.endswith(_EDITOR_SUFFIXES) or name == "4913"


#: Every record id, and every article and page file name without its suffix
#: (matched whole: use :func:`is_id`).
ID_PATTERN = later(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?")
#: The longest id: file names (``ID.capture.txt``) must stay well under 255 bytes.
MAX_ID_LENGTH = 100


#: Names Windows gives its devices: no file may bear one, whatever its extension
#: (``con.html``), so a site with such a page could not be checked out or built there.
WINDOWS_DEVICES = later(r"con|prn|aux|nul|com[0-9]|lpt[0-9]")


def is_id(value: str) -> bool:
    """Whether ``value`` is a valid id: the whole of it, newline or not, not too long, and
    no name of a Windows device."""
    return (
        len(value) <= MAX_ID_LENGTH
        and ID_PATTERN().fullmatch(value) is not None
        and WINDOWS_DEVICES().fullmatch(value) is None
    )


def capture_suffix(fmt: str, data: bytes = b"") -> str:
    """The suffix of the capture file of a capture in the format ``fmt`` holding ``data``:
    ``.capture.html`` for a saved web page, ``.capture.mhtml`` for one
    saved as MHTML, ``.capture.webarchive`` for a web archive, ``.capture.warc`` for a WARC
    file (``.capture.warc.gz`` gzipped, ``.capture.wacz`` a WACZ file)."""
    if fmt == "warc" and data.startswith(b"\x1f\x8b"):  # gzip's first bytes
        return WARC_GZ_CAPTURE_SUFFIX
    if fmt == "warc" and data.startswith(b"PK\x03\x04"):  # a zip file's
        return WACZ_CAPTURE_SUFFIX
    if fmt == "html":
        return HTML_CAPTURE_SUFFIX
    return _CONTAINER_SUFFIXES.get(fmt, CAPTURE_SUFFIX)


def id_error(value: str) -> str:
    """The message for a value that :func:`is_id` refuses."""
    if len(value) > MAX_ID_LENGTH:
        return (
            f"'{value[:40]}...' is not a valid id: it is longer than {MAX_ID_LENGTH} characters "
            f"({len(value)})"
        )
    if WINDOWS_DEVICES().fullmatch(value) is not None:
        return (
            f"{value!r} is the name of a Windows device: no file may bear it there (choose another)"
        )
    return (
        f"{value!r} is not a valid id (lower-case letters, digits and hyphens, e.g. "
        f"{_id_like(value)!r}){_first_outside(value)}"
    )


_NOT_IN_IDS = later(r"[^a-z0-9]+")


def _id_like(value: str) -> str:
    """The id ``value`` reads as (:func:`id_read_as`), else an example."""
    return id_read_as(value) or "sco-summit-2024"


def id_read_as(value: str) -> str | None:
    """The id ``value`` reads as, lower-cased, each run of other characters a hyphen
    (``Our Sources``: ``our-sources``; ``Taleh Ziyadov``: ``taleh-ziyadov``), when it is
    ASCII and that is an id."""
    written = _NOT_IN_IDS().sub("-", value.lower()).strip("-") if value.isascii() else ""
    return written if is_id(written) else None


def _first_outside(value: str) -> str:
    """Which character of ``value`` no id may hold, when it is not ASCII: its code point and
    name ("é", U+00E9, or "e" and its accent apart, U+0301: two file names that look the
    same are told apart)."""
    found = next((c for c in value if not c.isascii()), None)
    if found is None:
        return ""
    name = unicodedata.name(found, "").lower()
    return f": it holds U+{ord(found):04X}" + (f", {name}" if name else "")


class Ids(AbstractSet[str]):
    """The ids of one kind of record, as a reference may name them, with what an id that no
    record has may stand for: the record that now has it as a former id (``former_ids``: a
    record renamed, or merged into another), or an entity one of whose names reads as it
    (``astana`` for the entity with the alias "Astana")."""

    __slots__ = ("_ids", "former", "named")

    def __init__(
        self,
        ids: Iterable[str],
        former: Mapping[str, str] | None = None,
        named: Mapping[str, str] | None = None,
    ) -> None:
        self._ids = frozenset(ids)
        #: A former id: the id of the record that has it now.
        self.former: Mapping[str, str] = dict(former or {})
        #: An id a name reads as (see :func:`id_read_as`): the record of that name.
        self.named: Mapping[str, str] = dict(named or {})

    def __contains__(self, value: object) -> bool:
        return value in self._ids

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


def renamed_hint(value: str, known: Collection[str], scheme: str = "") -> str | None:
    """What an id no record has is told when ``known`` says what it stands for now: a
    record's former id, or a name of one (``scheme``: how a link names the record, as
    ``entity:``); else None."""
    if not isinstance(known, Ids):
        return None
    now = known.former.get(value)
    if now is not None and now in known:
        return f"'{value}' is a former id of '{now}', in its 'former_ids': write '{scheme}{now}'"
    now = known.named.get(value)
    if now is not None and now in known and now != value:
        return f"did you mean '{scheme}{now}'? '{value}' is one of its names written as an id"
    return None
