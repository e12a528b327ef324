"""The Jinja environment: autoescape, ``StrictUndefined``, and compiled templates cached.

A misspelt variable in a template is an error naming the template and line,
never a blank; everything a template prints is escaped unless it is already
:class:`~markupsafe.Markup`.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import jinja2

from ..errors import ArchiveError, Diagnostic, display_path
from ..files import FileProblem, cache_home, read_bytes


class _RegularFiles(jinja2.FileSystemLoader):
    """Templates read as content is: regular files inside the templates folder, no links."""

    def __init__(self, templates: Path) -> None:
        super().__init__(str(templates))
        self.root = templates.resolve()

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        _, filename, uptodate = super().get_source(environment, template)
        path = Path(filename)
        try:
            data = read_bytes(path)  # the file itself: no link, FIFO or device
            if not path.resolve().is_relative_to(self.root):  # nor a folder on the way
                raise FileProblem("resolves outside the templates folder (through a link)")
            source = data.decode("utf-8")
        except (FileProblem, UnicodeDecodeError) as exc:
            raise ArchiveError([Diagnostic(display_path(path), None, f"template: {exc}")]) from None
        return source, filename, uptodate


class _Environment(jinja2.Environment):
    """Jinja with flat template globals.

    Jinja chains a template's globals to the environment's (a ChainMap) so that
    later changes show through, and copies that chain into a new dict for every
    render. Our globals are all set before any template loads, so a plain dict
    does the same, faster.
    """

    def make_globals(self, d: Mapping[str, Any] | None) -> Any:
        return {**self.globals, **(d or {})}


def make_environment(templates: Path) -> jinja2.Environment:
    """The environment for the templates in ``templates``; set its globals, then call
    :func:`cache_compiled`."""
    return _Environment(
        loader=_RegularFiles(templates),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )


class _QuietCache(jinja2.FileSystemBytecodeCache):
    """Jinja's bytecode cache, which never fails a build: a cache it cannot use is skipped."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def cache_compiled(env: jinja2.Environment) -> None:
    """Keep compiled templates, like Python's own ``.pyc`` files.

    Compiling the templates takes longer than rendering every page, so the
    compiled code is kept in the user's cache folder (``$XDG_CACHE_HOME`` or
    ``~/.cache``, under ``archive-site/``).  Jinja keys each entry by the
    template's file and checks a checksum of its source; the folder name also
    covers the Jinja version and the environment's settings, filters and
    globals, so a cached template is never stale.  ``ARCHIVE_SITE_NO_CACHE=1``
    turns it off.  Call it once the filters and globals are set.
    """
    env.bytecode_cache = _bytecode_cache(env)


def _bytecode_cache(env: jinja2.Environment) -> jinja2.BytecodeCache | None:
    if os.environ.get("ARCHIVE_SITE_NO_CACHE"):
        return None
    settings = repr(
        (
            jinja2.__version__,
            env.trim_blocks,
            env.lstrip_blocks,
            env.keep_trailing_newline,
            env.autoescape,
            sorted(env.filters),
            sorted(env.tests),
            sorted(env.globals),
        )
    )
    digest = hashlib.sha256(settings.encode()).hexdigest()[:16]
    folder = cache_home() / f"templates-{digest}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _QuietCache(str(folder))
