"""The page being rendered, as Jinja's context carries it, and HTML cached per folder.

Every page renders with ``here`` (its path in the site) and ``rooted`` (true
on the 404 page only) in its context.  The globals and filters that link from
the page (``href``, ``markdown``, the fragments) take the context and read
them there, so nothing outside the context knows which page is rendering.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass

import jinja2
from markupsafe import Markup

from .. import urls


@dataclass(frozen=True, slots=True)
class Where:
    """A page being rendered: links from it are relative, root-relative on the 404 page."""

    path: str
    rooted: bool
    base_path: str  # the base URL's path, for rooted links

    def href(self, target: str, fragment: str | None = None) -> str:
        """A link from this page to ``target`` (see :func:`urls.relative`, :func:`urls.rooted`)."""
        if self.rooted:
            url = urls.rooted(self.base_path, target)
            return f"{url}#{fragment}" if fragment else url
        return urls.relative(self.path, target, fragment)

    @property
    def folder(self) -> tuple[bool, str]:
        """What relative links from this page depend on: its folder (and whether rooted)."""
        return (self.rooted, self.path.rpartition("/")[0])


def where(ctx: jinja2.runtime.Context, base_path: str) -> Where:
    """The page a template is rendering, from its context."""
    return Where(ctx["here"], ctx["rooted"], base_path)


#: The folders whose HTML :class:`FolderCache` keeps. Pages are planned folder by folder
#: (every article, then every milestone, ...), so a folder the plan has left is seldom
#: rendered into again; the top folder's pages (the home page, the lists' first pages) come
#: between the others', and stay cached while a few other folders are rendered.
FOLDERS_KEPT = 4


class FolderCache:
    """HTML that depends on the page being rendered only through its folder, built once.

    Links are relative, so a fragment made for one page serves every page of
    the same folder (and the 404 page, whose links are rooted, has its own).
    The HTML of the :data:`FOLDERS_KEPT` folders rendered into last is kept: a
    render's memory grows with the largest folder, not with the whole site.
    """

    def __init__(self) -> None:
        # Each kept folder's HTML by key, the folder rendered into last at the end.
        self._folders: dict[tuple[bool, str], dict[tuple[Hashable, ...], Markup]] = {}
        self._folder: tuple[bool, str] | None = None  # the last one's key, and its HTML
        self._html: dict[tuple[Hashable, ...], Markup] = {}

    def get(self, at: Where, key: tuple[Hashable, ...], build: Callable[[], str]) -> Markup:
        """The HTML cached for ``key`` in ``at``'s folder; ``build`` must escape what it
        takes from content."""
        if at.folder != self._folder:
            self._enter(at.folder)
        kept = self._html  # this folder's, whatever folder ``build`` renders into
        html = kept.get(key)
        if html is None:
            html = kept[key] = Markup(build())  # noqa: S704
        return html

    def _enter(self, folder: tuple[bool, str]) -> None:
        """Make ``folder`` the last rendered into, forgetting the least recent beyond
        :data:`FOLDERS_KEPT`."""
        html = self._folders.pop(folder, None)
        if html is None:
            html = {}
            if len(self._folders) >= FOLDERS_KEPT:
                del self._folders[next(iter(self._folders))]
        self._folders[folder] = html
        self._folder, self._html = folder, html
