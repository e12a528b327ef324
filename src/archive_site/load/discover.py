"""The files of content/: the articles' in content/articles/, and what else is at its top."""

from __future__ import annotations

import difflib
import os
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from .. import urls
from ..errors import Problems, display_path
from ..files import exists, folder_problem
from ..layout import (
    ARTICLES_DIR,
    CAPTURE_SUFFIXES,
    CONTENT_ENTRIES,
    MARKDOWN_SUFFIX,
    META_SUFFIX,
    PAGES_DIR,
    SITE_FILE,
    editor_file,
    id_error,
    is_id,
)


class ArticleFiles(NamedTuple):
    """The files of one article: its capture (or Markdown file) and its metadata."""

    ident: str
    source: Path  # the capture or the Markdown file
    meta: Path | None  # None for Markdown articles (front matter instead)


_NOT_AN_ARTICLE = (
    f"not an article file: captures are ID{CAPTURE_SUFFIXES[0]} (or "
    f"{', '.join(CAPTURE_SUFFIXES[1:])}) with ID{META_SUFFIX} beside them, hand-written "
    f"articles are ID{MARKDOWN_SUFFIX}"
)


def capture_files(
    path: Path, ident: str, previous: Sequence[ArticleFiles], listed: Collection[str] | None = None
) -> ArticleFiles | str:
    """A capture's files (the capture and its metadata), or what is wrong with them.

    ``previous`` is the article found just before (files are met in name order);
    ``listed``, the names in the capture's folder (else the file system is asked).
    """
    meta = path.with_name(f"{ident}{META_SUFFIX}")
    if any(f.ident == ident and f.meta is not None for f in previous):
        return (
            f"a second capture of '{ident}': an article has one capture "
            f"({', '.join(CAPTURE_SUFFIXES[:-1])} or {CAPTURE_SUFFIXES[-1]})"
        )
    if not (meta.name in listed if listed is not None else exists(meta)):
        return f"capture has no metadata file: expected {display_path(meta)} beside it"
    return ArticleFiles(ident, path, meta)


def missing_capture(folder: Path, ident: str, listed: Collection[str] | None = None) -> str | None:
    """What is wrong with a metadata file whose capture is not beside it (``listed``: the
    names in ``folder``, else the file system is asked)."""
    names = (f"{ident}{s}" for s in CAPTURE_SUFFIXES)
    if any(n in listed if listed is not None else exists(folder / n) for n in names):
        return None
    return f"capture not found: expected {ident}{CAPTURE_SUFFIXES[0]} beside this metadata file"


def discover_articles(content: Path, problems: Problems) -> tuple[list[ArticleFiles], set[str]]:
    """The articles' files, and the ids of metadata files whose capture is missing."""
    folder = content / ARTICLES_DIR
    problem = folder_problem(folder)
    if problem:
        problems.error(display_path(folder), None, f"{problem}: articles live in content/articles/")
        problems.unread(display_path(folder))  # no milestone's article is "unknown" then
        return [], set()
    found: list[ArticleFiles] = []
    captured: dict[str, Path] = {}  # each capture found, by its id
    orphans: set[str] = set()
    # One listing of the folder answers every "is its metadata beside it?" (links included,
    # as :func:`exists` counts them): no look-up per file.
    listed = _listed(folder, problems)
    for name in sorted(listed):
        path = folder / name
        suffix = next((s for s in CAPTURE_SUFFIXES if name.endswith(s)), None)
        if suffix is not None:
            files = capture_files(path, name[: -len(suffix)], found[-1:], listed)
            if isinstance(files, str):
                problems.error(display_path(path), None, files)
            else:
                found.append(files)
                captured[files.ident] = path
        elif name.endswith(META_SUFFIX):
            ident = name[: -len(META_SUFFIX)]
            message = missing_capture(folder, ident, listed)
            if message is not None:
                orphans.add(ident)
                problems.error(display_path(path), None, message)
        elif name.endswith(MARKDOWN_SUFFIX):
            ident = name[: -len(MARKDOWN_SUFFIX)]
            if ident in captured:  # its capture sorts first (".capture." before ".md")
                problems.error(display_path(path), None, _second_article(ident, captured[ident]))
            else:
                found.append(ArticleFiles(ident, path, None))
        else:
            problems.error(display_path(path), None, _FOLDER if path.is_dir() else _NOT_AN_ARTICLE)
    return _with_valid_ids(found, problems), orphans


_FOLDER = (
    "a folder, which is not read: content/articles/ holds each article's files, not "
    'folders; a page saved with the browser as "Webpage, Complete" keeps its images, style '
    "sheets and scripts in a folder beside it (NAME_files), which archive-site neither reads "
    "nor publishes: move the folder out of content/articles/ and keep it with your own "
    "records (the page is its capture, ID.capture.html)"
)


def hidden_warning(what: str) -> str:
    """What is said of a file left out for its leading dot, that would be ``what``."""
    return (
        f"a hidden file (its name starts with a dot) is not read as {what}: "
        "rename it without the dot to publish it"
    )


def _listed(folder: Path, problems: Problems) -> set[str]:
    """The names in ``folder`` but hidden ones (starting with a dot): those named as an
    article's files are said to be left out; and but editors' files (backups, swap files)."""
    names = os.listdir(folder)  # noqa: PTH208 (names)
    hidden = (*CAPTURE_SUFFIXES, META_SUFFIX, MARKDOWN_SUFFIX)
    for name in sorted(n for n in names if is_hidden(n, hidden)):
        problems.warning(display_path(folder / name), None, hidden_warning("an article"))
    return {n for n in names if not n.startswith(".") and not editor_file(n)}


def is_hidden(name: str, suffixes: tuple[str, ...]) -> bool:
    """Whether ``name`` is a file of the content (ending in one of ``suffixes``) hidden by a
    leading dot: left out, said so.  Not an editor's lock file (``.#name``) nor macOS's
    metadata beside a file (``._name``)."""
    if not name.startswith(".") or name.startswith((".#", "._")):
        return False
    return name.endswith(suffixes)


def _second_article(ident: str, first: Path) -> str:
    return (
        f"a second article '{ident}': {first.name} is that article already (an article is "
        "one capture with its metadata, or one Markdown file)"
    )


def _with_valid_ids(found: Iterable[ArticleFiles], problems: Problems) -> list[ArticleFiles]:
    """The articles whose file name is a valid id; the others reported."""
    valid = []
    for files in found:
        if not is_id(files.ident):
            problems.error(display_path(files.source), None, f"file name: {id_error(files.ident)}")
        elif (taken := urls.own_page(files.ident, urls.article)) is not None:
            problems.error(display_path(files.source), None, f"file name: {taken}")
        else:
            valid.append(files)
    return valid


def stray_assets(templates: Path) -> list[tuple[str, str]]:
    """Each entry of ``templates/static`` the site does not publish, with what to say of it
    (a warning: a ``logo.png`` put there was left out of the site without a word).  Hidden
    and editors' files are not named."""
    try:
        names = sorted(entry.name for entry in (templates / "static").iterdir())
    except OSError:  # no such folder: each asset's own problem is told as it is copied
        return []
    published = [name for name, _ in urls.ASSETS]
    listed = ", ".join(published[:-1]) + " and " + published[-1]
    return [
        (
            display_path(templates / "static" / name),
            f"not published: the build copies only {listed} from the templates' static/",
        )
        for name in names
        if name not in published and not name.startswith(".") and not editor_file(name)
    ]


def content_not_found(content: Path) -> str:
    """What a content folder that is not there is told: the archive beside it of a close
    name (a folder holding a site.yaml: ``caspain`` for ``caspian``), if one is, or the
    archive it was taken to be inside (``caspian/content`` for ``caspian``, whose files
    ``init`` puts at its top)."""
    if exists(content):  # (a file, a link to none: its site.yaml given for its folder)
        return "is no folder: the content folder is one" + _archive_meant(content)
    return "content folder not found" + _archive_meant(content)


def not_content(content: Path) -> str | None:
    """What a folder given as the content folder that holds none of an archive's files is
    told (the project's folder, an archive's ``articles/``, a folder of downloads, another
    site generator's ``content/``): a build of it told each file it holds "not read by the
    build", and ``add`` made an ``articles/`` in it. None for a folder holding one."""
    if any(exists(content / name) for name in CONTENT_ENTRIES):
        return None
    read = [f"{n}/" if n in (ARTICLES_DIR, PAGES_DIR) else n for n in CONTENT_ENTRIES]
    return (
        f"is no archive's content folder: it holds none of {', '.join(read[:-1])} and "
        f"{read[-1]}{_archive_meant(content, inside=True)}"
    )


def _archive_meant(content: Path, *, inside: bool = False) -> str:
    """The archive likely meant by ``content``, as a hint: the one it is inside, the one
    folder within it that is one (``inside``), or one beside it of a close name."""
    parent = content.absolute().parent
    if (parent / SITE_FILE).is_file():
        return f" (did you mean --content {display_path(parent)}?)"
    held = _archives_in(content) if inside else []
    if len(held) == 1:
        return f" (did you mean --content {display_path(content / held[0])}?)"
    near = difflib.get_close_matches(content.name, _archives_in(parent), n=1, cutoff=0.6)
    if not near or parent / near[0] == content.absolute():
        return " (give another with --content DIR)"
    return f" (did you mean --content {display_path(parent / near[0])}?)"


def _archives_in(folder: Path) -> list[str]:
    """The names of the folders in ``folder`` holding a site.yaml, sorted."""
    try:
        return sorted(p.name for p in folder.iterdir() if (p / SITE_FILE).is_file())
    except OSError:
        return []


def stray_entries(content: Path) -> list[tuple[str, str]]:
    """Each file or folder at the top of ``content`` that the build does not read, with what
    to say of it (a warning: a misspelt ``topic.yaml`` would be ignored without a word).
    Hidden ones are not named."""
    try:
        names = sorted(entry.name for entry in content.iterdir())
    except OSError:  # the folder's own problem is reported where it is read
        return []
    read = [f"{n}/" if n in (ARTICLES_DIR, PAGES_DIR) else n for n in CONTENT_ENTRIES]
    strays = []
    for name in names:
        if name.startswith(".") or editor_file(name) or name in CONTENT_ENTRIES:
            continue
        near = difflib.get_close_matches(name, CONTENT_ENTRIES, n=1, cutoff=0.75)
        hint = f"did you mean {read[CONTENT_ENTRIES.index(near[0])]}? " if near else ""
        held = f"{', '.join(read[:-1])} and {read[-1]}"
        strays.append(
            (
                display_path(content / name),
                f"not read by the build: {hint}the content folder holds {held}",
            )
        )
    return strays
