"""Render the archive: pure functions from records to ``(path, bytes)`` outputs.

Templates live in ``templates/`` and run with autoescape and
``StrictUndefined``: a misspelt variable is an error naming the template and
line, never a blank.  Nothing here writes files; :mod:`archive_site.write`
does, once everything has rendered.

``environment`` sets up Jinja; ``renderer`` gives templates their globals and
renders one page, which its context carries (``context``); ``pages`` makes
every output, one function per kind of page, from what ``views`` and
``jsonld`` prepare; ``fragments``, ``markup``, ``svg`` and ``export`` build
the pieces.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

import jinja2

from ..errors import ArchiveError, Diagnostic, display_path
from ..model import Archive, Output
from .pages import outputs
from .renderer import Renderer

__all__ = ["render_site"]


def render_site(archive: Archive, templates: Path, content: Path) -> list[Output]:
    """Render every output of the site, or raise :class:`ArchiveError` naming the template line."""
    if not templates.is_dir():
        raise ArchiveError(
            [Diagnostic(display_path(templates), None, "templates folder not found")]
        )
    try:
        made = list(outputs(Renderer(archive, templates, content)))
    except ArchiveError:
        raise
    except Exception as exc:
        found = _template_problem(exc, templates)
        if found is None:
            raise
        raise ArchiveError([found]) from None
    _check_paths(made)
    return made


def _template_problem(exc: Exception, templates: Path) -> Diagnostic | None:
    """What went wrong in which template line, or None if no template is to blame."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        shown = (
            display_path(exc.filename)
            if exc.filename
            else display_path(templates / (exc.name or "?"))
        )
        return Diagnostic(shown, exc.lineno, f"template syntax: {exc.message}")
    if isinstance(exc, jinja2.TemplateNotFound):
        return Diagnostic(display_path(templates), None, f"template not found: {exc.name}")
    path, line = _template_frame(exc, templates)
    if isinstance(exc, jinja2.UndefinedError):
        return Diagnostic(path, line, f"template: {exc.message}")
    if line is None:
        return None
    return Diagnostic(path, line, f"template: {type(exc).__name__}: {exc}")


def _template_frame(exc: BaseException, templates: Path) -> tuple[str, int | None]:
    import traceback  # only on errors

    root = str(templates.resolve())
    where: tuple[str, int | None] = ("templates", None)
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename and str(Path(frame.filename).resolve()).startswith(root):
            where = (display_path(frame.filename), frame.lineno)
    return where


def _check_paths(made: list[Output]) -> None:
    """Every output has its own path, inside the site folder."""
    seen: set[str] = set()
    for out in made:
        if out.path in seen:
            raise ArchiveError([Diagnostic(out.path, None, "two outputs have the same path")])
        if posixpath.normpath(out.path) != out.path or out.path.startswith(("/", "..")):
            raise ArchiveError([Diagnostic(out.path, None, "output path leaves the site folder")])
        seen.add(out.path)
