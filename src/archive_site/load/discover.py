"""Finding the articles' files in content/articles/."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from ..errors import Problems, display_path
from ..files import exists, folder_problem
from ..layout import (
    ARTICLES_DIR,
    CAPTURE_SUFFIXES,
    MARKDOWN_SUFFIX,
    META_SUFFIX,
    id_error,
    is_id,
)


class ArticleFiles(NamedTuple):
    """The files of one article: its capture (or Markdown file) and its metadata."""

    ident: str
    source: Path  # the capture or the Markdown file
    meta: Path | None  # None for Markdown articles (front matter instead)


def discover_articles(content: Path, problems: Problems) -> tuple[list[ArticleFiles], set[str]]:
    """The articles' files, and the ids of metadata files whose capture is missing."""
    folder = content / ARTICLES_DIR
    problem = folder_problem(folder)
    if problem:
        problems.error(display_path(folder), None, f"{problem}: articles live in content/articles/")
        return [], set()
    found: list[ArticleFiles] = []
    orphans: set[str] = set()
    names = sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))
    for name in names:
        path = folder / name
        suffix = next((s for s in CAPTURE_SUFFIXES if name.endswith(s)), None)
        if suffix is not None:
            ident = name[: -len(suffix)]
            meta = folder / f"{ident}{META_SUFFIX}"
            if any(f.ident == ident and f.meta is not None for f in found[-1:]):
                problems.error(
                    display_path(path),
                    None,
                    f"a second capture of '{ident}': an article has one capture "
                    f"({' or '.join(CAPTURE_SUFFIXES)})",
                )
                continue
            if not exists(meta):
                problems.error(
                    display_path(path),
                    None,
                    f"capture has no metadata file: expected {display_path(meta)} beside it",
                )
                continue
            found.append(ArticleFiles(ident, path, meta))
        elif name.endswith(META_SUFFIX):
            ident = name[: -len(META_SUFFIX)]
            if not any(exists(folder / f"{ident}{s}") for s in CAPTURE_SUFFIXES):
                orphans.add(ident)
                problems.error(
                    display_path(path),
                    None,
                    f"capture not found: expected {ident}{CAPTURE_SUFFIXES[0]} "
                    "beside this metadata file",
                )
        elif name.endswith(MARKDOWN_SUFFIX):
            found.append(ArticleFiles(name[: -len(MARKDOWN_SUFFIX)], path, None))
        else:
            problems.error(
                display_path(path),
                None,
                "not an article file: captures are ID.capture.txt (or ID.capture.html) with "
                "ID.meta.yaml beside them, "
                "hand-written articles are ID.md",
            )
    for files in found:
        if not is_id(files.ident):
            problems.error(display_path(files.source), None, f"file name: {id_error(files.ident)}")
    return [f for f in found if is_id(f.ident)], orphans
