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


class FolderCache:
    """HTML that depends on the page being rendered only through its folder, built once.

    Links are relative, so a fragment made for one page serves every page of
    the same folder (and the 404 page, whose links are rooted, has its own).
    """

    def __init__(self) -> None:
        self._html: dict[tuple[Hashable, ...], Markup] = {}

    def get(self, at: Where, key: tuple[Hashable, ...], build: Callable[[], str]) -> Markup:
        """The HTML cached for ``key`` in ``at``'s folder; ``build`` must escape what it
        takes from content."""
        full = (*at.folder, *key)
        html = self._html.get(full)
        if html is None:
            html = self._html[full] = Markup(build())  # noqa: S704
        return html
