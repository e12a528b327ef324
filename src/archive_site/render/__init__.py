"""Render the archive: pure functions from records to ``(path, bytes)`` outputs.

Templates live in ``templates/`` and run with autoescape and
``StrictUndefined``: a misspelt variable is an error naming the template and
line, never a blank.  Nothing here writes files: :mod:`archive_site.produce`
renders the planned pages (in one process or several) and writes them into
the build's temporary folder as they come.

``environment`` sets up Jinja; ``renderer`` gives templates their globals and
renders one page, which its context carries (``context``); ``pages`` plans
every output, one function per kind of page, each a :class:`Page` (its path,
its template, the records it is handed) made from what ``views`` and
``jsonld`` prepare; ``fragments``, ``markup``, ``svg`` and ``export`` build
the pieces.
"""

from __future__ import annotations

import contextlib
import os
import posixpath
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import jinja2

from ..errors import ArchiveError, Diagnostic, display_path
from ..model import Archive, Output
from .environment import CompiledAhead, kept_compiled
from .markup import Store
from .pages import Page, plan, render_page
from .renderer import Renderer, template_environment

__all__ = [
    "CompiledAhead",
    "Page",
    "Site",
    "compile_ahead",
    "plan_site",
    "render_pages",
    "render_site",
]


@dataclass(frozen=True, slots=True, eq=False)
class Site:
    """The site to render: the renderer of one archive and the plan of every output."""

    renderer: Renderer
    pages: list[Page]

    def load_templates(self) -> None:
        """Compile (or read from the cache) every template now, once, rather than in each
        process that renders a part of the plan; and convert (or take from the store) the
        milestones' summaries, which the data files convert every one of, here where they
        are kept for the next build."""
        env = self.renderer.env
        with _template_errors(self.renderer.templates):
            for name in env.list_templates(extensions=("html", "xml")):
                env.get_template(name)
        self.renderer.md.prepare(m.summary for m in self.renderer.archive.every_milestone)


def plan_site(
    archive: Archive,
    templates: Path,
    content: Path,
    store: Store | None = None,
    ahead: CompiledAhead | None = None,
) -> Site:
    """The plan of every output, or :class:`ArchiveError` (two outputs on one path, a path
    that leaves the site folder); ``store`` keeps Markdown conversions between builds;
    ``ahead``: the templates being compiled meanwhile (see :func:`compile_ahead`)."""
    if not templates.is_dir():
        raise ArchiveError(
            [Diagnostic(display_path(templates), None, "templates folder not found")]
        )
    with _template_errors(templates):
        r = Renderer(archive, templates, content, store, ahead)
        pages = plan(r)
    _check_paths([p.path for p in pages])
    return Site(r, pages)


def compile_ahead(templates: Path) -> CompiledAhead | None:
    """The templates of ``templates`` compiled by a process of their own while this one goes
    on (see :class:`CompiledAhead`), unless the user's cache likely holds them compiled
    (see :func:`.environment.kept_compiled`); None then, and where processes cannot be
    forked, or the folder is not there (the plan tells that)."""
    if not hasattr(os, "fork") or not templates.is_dir() or kept_compiled(templates):
        return None
    return CompiledAhead(templates, template_environment)


def render_pages(site: Site, pages: Iterable[Page]) -> Iterator[Output]:
    """The outputs of ``pages``, in order, or :class:`ArchiveError` naming the template line."""
    r = site.renderer
    with _template_errors(r.templates):
        for page in pages:
            yield render_page(r, page)


def render_site(archive: Archive, templates: Path, content: Path) -> list[Output]:
    """Render every output of the site, or raise :class:`ArchiveError` naming the template line."""
    site = plan_site(archive, templates, content)
    return list(render_pages(site, site.pages))


@contextlib.contextmanager
def _template_errors(templates: Path) -> Iterator[None]:
    """A template's mistake as an :class:`ArchiveError` naming its file and line."""
    try:
        yield
    except ArchiveError:
        raise
    except Exception as exc:
        found = _template_problem(exc, templates)
        if found is None:
            raise
        raise ArchiveError([found]) from None


def _template_problem(exc: Exception, templates: Path) -> Diagnostic | None:
    """What went wrong in which template line, or None if no template is to blame."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        shown = (
            display_path(exc.filename)
            if exc.filename
            else display_path(templates / (exc.name or "?"))
        )
        return Diagnostic(shown, exc.lineno, f"template syntax: {exc.message}")
    path, line = _template_frame(exc, templates)
    if isinstance(exc, jinja2.TemplateNotFound):  # named where it is included, if it is
        if line is None:
            path = display_path(templates)
        return Diagnostic(path, line, f"template not found: {exc.name}")
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


def _check_paths(paths: list[str]) -> None:
    """Every output has its own path, inside the site folder."""
    seen: set[str] = set()
    for path in paths:
        if path in seen:
            raise ArchiveError([Diagnostic(path, None, "two outputs have the same path")])
        if posixpath.normpath(path) != path or path.startswith(("/", "..")):
            raise ArchiveError([Diagnostic(path, None, "output path leaves the site folder")])
        seen.add(path)
