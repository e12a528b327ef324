"""``archive-site init``: a new archive's content folder, ready to build.

It writes, into a new or empty folder, what every archive needs and nothing of
the seed's: ``site.yaml`` from the options (each value checked as the build
checks it, so the new folder builds as it is), an About page saying how the
archive works (:file:`starter/about.md`, a file of this package), the three
YAML files holding no records yet (``[]``) and an empty ``articles/`` for
``add``.  The files are written into a temporary folder beside it, which is
then renamed into place: the folder is made whole or not at all.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import is_language_tag, language_problem, normalise_base_url
from ..errors import ArchiveError, Diagnostic, display_path
from ..files import CONTROL_CHARACTERS
from ..layout import (
    ARTICLES_DIR,
    ENTITIES_FILE,
    MILESTONES_FILE,
    PAGES_DIR,
    SITE_FILE,
    TOPICS_FILE,
)
from ..options import DEFAULT_BASE_URL, InitOptions
from ..write import name_too_long
from .add import yaml_scalar

if TYPE_CHECKING:
    from .cli import Printer

#: The About page a new archive starts with.
STARTER_ABOUT = Path(__file__).resolve().parent / "starter" / "about.md"
#: Said of the captures when ``--license`` does not say how the records are licensed.
CAPTURES_LICENSE = (
    "The captured articles remain the work of their authors and outlets and are "
    "archived here for research."
)


def init(options: InitOptions, out: Printer) -> int:
    """Write a new archive into ``options.folder`` (see the module's text)."""
    settings = site_yaml(options)  # the options checked before anything is written
    if (problem := name_too_long(options.folder)) is not None:
        raise ArchiveError([Diagnostic(display_path(options.folder), None, problem)])
    _require_empty(options.folder)
    folder = options.folder.resolve()  # ("." named by the folder's own name)
    _require_outside_archives(options.folder, folder)
    about = STARTER_ABOUT.read_bytes()
    folder.parent.mkdir(parents=True, exist_ok=True)
    temporary = folder.parent / f".{folder.name}.init-{os.getpid()}"
    _remove(temporary)  # (left by a run that was killed)
    temporary.mkdir()  # (a link put in its place meanwhile is refused, not followed)
    try:
        (temporary / ARTICLES_DIR).mkdir()
        (temporary / PAGES_DIR).mkdir()
        _write(temporary / SITE_FILE, settings.encode("utf-8"))
        _write(temporary / PAGES_DIR / "about.md", about)
        for name in (MILESTONES_FILE, ENTITIES_FILE, TOPICS_FILE):
            _write(temporary / name, b"[]\n")
        _require_empty(options.folder)  # (still: nothing came meanwhile)
        if folder.is_dir():
            _move_into(temporary, folder)  # (not replaced: it may be a shell's working folder)
        else:
            temporary.rename(folder)
    finally:
        _remove(temporary)
    _say_next(options.folder, options, out)
    return 0


def _remove(path: Path) -> None:
    """Remove what is at ``path``, if anything: a link itself, never what it points to."""
    if path.is_symlink():
        path.unlink()
    else:
        shutil.rmtree(path, ignore_errors=True)


def _move_into(source: Path, folder: Path) -> None:
    """Move what ``source`` holds into the empty ``folder``: all of it, or, when a move
    fails, none (what was moved is taken out again)."""
    moved: list[Path] = []
    try:
        for entry in sorted(source.iterdir()):
            target = folder / entry.name
            entry.rename(target)
            moved.append(target)
    except BaseException:
        for target in moved:
            with contextlib.suppress(OSError):
                shutil.rmtree(target) if target.is_dir() else target.unlink()
        raise


def site_yaml(options: InitOptions) -> str:
    """The text of the new archive's ``site.yaml``; raises, naming the option, for a value
    the build would refuse."""
    problems: list[Diagnostic] = []
    values = {
        "--title": options.title,
        "--subject": options.subject,
        "--publisher": options.publisher,
        "--description": options.description,
        "--license": options.license,
    }
    for option, value in values.items():
        problem = _text_problem(value)
        if problem is not None:
            problems.append(Diagnostic(option, None, problem))
    if not is_language_tag(options.language):
        problems.append(Diagnostic("--language", None, language_problem(options.language)))
    try:
        normalise_base_url(options.base_url)
    except ValueError as exc:
        problems.append(Diagnostic("--base-url", None, str(exc)))
    if problems:
        raise ArchiveError(problems)
    description = options.description or (
        f"A research archive of sources on {options.subject.strip()}, with a timeline of "
        "milestones, each checked against the words of its sources."
    )
    license_ = options.license or CAPTURES_LICENSE
    return "\n".join(
        [
            "# Site settings. Every key is checked: an unknown key is an error.",
            f"title: {yaml_scalar(options.title.strip())}",
            f"description: {yaml_scalar(description.strip())}",
            f"subject: {yaml_scalar(options.subject.strip())}",
            f"language: {yaml_scalar(options.language)}",
            "# Where the site is published. Only absolute URLs use it (canonical links,",
            "# sitemap, feed, JSON-LD); every link between pages is relative. The build",
            "# takes --base-url or ARCHIVE_SITE_BASE_URL instead when given.",
            f"base_url: {yaml_scalar(options.base_url)}",
            f"publisher: {yaml_scalar(options.publisher.strip())}",
            f"license: {yaml_scalar(license_.strip())}",
            "",
        ]
    )


def _text_problem(value: str | None) -> str | None:
    """What is wrong with a setting's text, if anything (None: not given, where optional)."""
    if value is None:
        return None
    if not value.strip():
        return "expected some text, got none"
    if CONTROL_CHARACTERS().search(value) or any(ch in value for ch in "\t\n\r\u2028\u2029"):
        return "expected one line of text, without control characters"
    return None


def _require_empty(folder: Path) -> None:
    """Raise unless ``folder`` is free: nothing there, or an empty folder."""
    problem = None
    if folder.is_symlink():
        problem = "is a symbolic link; give the folder itself"
    elif folder.is_dir():
        if any(folder.iterdir()):
            problem = "is not empty; init writes a new archive into a new or empty folder"
    elif folder.exists():
        problem = "is a file, not a folder"
    if problem is not None:
        raise ArchiveError([Diagnostic(display_path(folder), None, problem)])


def _require_outside_archives(given: Path, folder: Path) -> None:
    """Raise when ``folder`` (``given`` by the user) lies inside an archive: a folder above
    it holds a site.yaml, and the build of that archive would not read this one."""
    for parent in folder.parents:
        if (parent / SITE_FILE).is_file():
            outer = display_path(parent)
            outer = "in this folder" if outer == "." else outer
            problem = (
                f"is inside the archive {outer} (it holds {SITE_FILE}), whose build would "
                "not read it: make the new archive outside it"
            )
            raise ArchiveError([Diagnostic(display_path(given), None, problem)])


def _write(path: Path, data: bytes) -> None:
    with path.open("xb") as f:
        f.write(data)


def _say_next(folder: Path, options: InitOptions, out: Printer) -> None:
    where = display_path(folder)
    out.info(
        f"Made a new archive in {where}/: {SITE_FILE}, {PAGES_DIR}/about.md, "
        f"{MILESTONES_FILE}, {ENTITIES_FILE}, {TOPICS_FILE} and {ARTICLES_DIR}/ (empty)."
    )
    out.info("Next, from the folder holding templates/ (the project's):")
    out.info(f"  archive-site add CAPTURE --content {where}   copy a saved page or text in")
    out.info(f"  archive-site check --content {where}         validate it")
    out.info(f"  archive-site serve --content {where}         build it and preview it here")
    if options.base_url == DEFAULT_BASE_URL:
        out.info(
            f"Before publishing, set base_url in {where}/{SITE_FILE} (now {DEFAULT_BASE_URL}) "
            "or give the build --base-url."
        )
