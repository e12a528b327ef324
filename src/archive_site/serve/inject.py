"""What serve adds to HTML: the reload script, the problems banner, and its own two pages.

Only served copies change, never the built files. The script and the
stylesheet those additions load are files beside this module
(:data:`RELOAD_SCRIPT`, :data:`STYLESHEET`), read when they are asked for and
served under :data:`ENDPOINT`, a path below the base path that no site path
can take (none starts with ``__``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote, unquote

from ..counts import plural
from ..errors import Diagnostic, shown
from .live import View

ENDPOINT = "__archive-site/"  # under the base path
VERSION = "version"  # ENDPOINT + VERSION: the state open pages poll, as JSON
RELOAD_SCRIPT = "reload.js"
STYLESHEET = "serve.css"
#: The files serve adds, by the name they are served under (and have beside this module).
ASSETS = (RELOAD_SCRIPT, STYLESHEET)

_BODY_OPEN = re.compile(rb"<body\b[^>]*>", re.IGNORECASE)
_BODY_CLOSE = re.compile(rb"</body\s*>", re.IGNORECASE)


def asset(name: str) -> bytes:
    """The bytes of one of :data:`ASSETS`, read from the package."""
    if name not in ASSETS:
        raise ValueError(f"not a file serve adds: {name!r}")
    return (Path(__file__).parent / name).read_bytes()


def inject(page: bytes, view: View, *, search: bool = False) -> bytes:
    """The served copy of a page: the reload script, and the problems banner when a build
    failed; on the search page (``search``), a note while its index is being made, and the
    script reloads it when another index is swapped in (see :mod:`.index`)."""
    script = _reload_tag(view, search=search).encode()
    closes = list(_BODY_CLOSE.finditer(page))
    if closes:
        at = closes[-1].start()
        page = page[:at] + script + b"\n" + page[at:]
    else:
        page = page + b"\n" + script
    banners = _banner(view) if view.problems else ""
    if search and (view.indexing or view.index is None):
        banners += _indexing_note(view)
    if banners:
        banners = _stylesheet_tag(view) + banners
        opened = _BODY_OPEN.search(page)
        at = opened.end() if opened else 0
        page = page[:at] + b"\n" + banners.encode() + page[at:]
    return page


def _reload_tag(view: View, *, search: bool = False) -> str:
    base = html.escape(view.base_path + ENDPOINT)
    index = f' data-index="{view.index_version}"' if search else ""
    return (
        f'<script src="{base}{RELOAD_SCRIPT}" data-endpoint="{base}{VERSION}" '
        f'data-version="{html.escape(view.version)}"{index}></script>'
    )


def _indexing_note(view: View) -> str:
    what = (
        "The search index is being made"
        if view.index is None
        else "The search index is being brought up to date with the last change: results "
        "may be missing or out of date until it is"
    )
    return (
        f'<p id="archive-site-indexing" role="status">{what}. '
        "This page reloads when it is ready. "
        "(Shown by <code>archive-site serve</code> only.)</p>\n"
    )


def _stylesheet_tag(view: View) -> str:
    return f'<link rel="stylesheet" href="{html.escape(view.base_path + ENDPOINT + STYLESHEET)}">'


def _problem_items(problems: Sequence[Diagnostic]) -> str:
    """The problems as list items: those a report shows (see :func:`errors.shown`), and a
    last item counting the others."""
    items = []
    listed, more = shown(problems)
    for d in listed:
        where = d.path if d.line is None else f"{d.path}:{d.line}"
        kind = "warning: " if d.severity == "warning" else ""
        items.append(
            f"<li><code>{html.escape(where)}</code>: {kind}{html.escape(d.shown_message)}</li>"
        )
    if more:
        items.append(f'<li class="more">{html.escape(more)}</li>')
    return "\n".join(items)


def _count(problems: Sequence[Diagnostic]) -> str:
    return plural(len(problems), "problem")


def _banner(view: View) -> str:
    return (
        '<details open id="archive-site-problems" role="alert">'
        f"<summary>The last build failed with {_count(view.problems)}; "
        "this is the last good version of the site.</summary>\n"
        f"<ol>\n{_problem_items(view.problems)}\n</ol>\n"
        "<p>Fix them and save: this page reloads when a build succeeds. "
        "(Shown by <code>archive-site serve</code> only.)</p></details>\n"
    )


def failure_page(view: View) -> bytes:
    """Every page until a first build succeeds: the problems, and the reload script."""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>Build failed · archive-site serve</title>\n"
        f'{_stylesheet_tag(view)}\n</head>\n<body class="archive-site-failed">\n'
        f"<main>\n<h1>The site could not be built</h1>\n"
        f"<p>The build found {_count(view.problems)}:</p>\n"
        f'<ol id="archive-site-problems-list">\n{_problem_items(view.problems)}\n</ol>\n'
        "<p>Fix them and save: this page reloads when the build succeeds.</p>\n</main>\n"
        f"{_reload_tag(view)}\n</body>\n</html>\n"
    ).encode()


def outside_page(view: View, url: str) -> bytes:
    """A path outside the base path: where the site is (``url``)."""
    base = html.escape(quote(unquote(view.base_path)))  # escaped as it was, once
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        "<title>Not found · archive-site serve</title>\n</head>\n<body>\n"
        "<h1>Not found</h1>\n"
        f'<p>The site is served at <a href="{base}">{html.escape(url)}</a>, '
        "the path of its base URL, as it will be once published.</p>\n"
        f"{_reload_tag(view)}\n</body>\n</html>\n"
    ).encode()
