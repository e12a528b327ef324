"""Where every page lives, and how to reach it from another page.

All URL arithmetic of the site is here.  Pages link to each other with
*relative* URLs that name the file (``../articles/x.html``, never
``../articles/``), so one build works at a domain root, under a project path
such as ``/archive-site/``, and opened from disk.  The configured base URL is
used only for the absolute URLs that must be absolute: canonical links, the
sitemap, the feed, JSON-LD and Open Graph.

Record ids are checked by the loader (``[a-z0-9-]``), so no path built here
can leave the output folder.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from types import MappingProxyType

HOME = "index.html"
TIMELINE = "timeline.html"
SEARCH = "search.html"
NOT_FOUND = "404.html"
ARTICLES = "articles/index.html"
ENTITIES = "entities/index.html"
TOPICS = "topics/index.html"
YEARS = "years/index.html"
FEED = "feed.xml"
SITEMAP = "sitemap.xml"
STYLE = "assets/style.css"
SCRIPT = "assets/timeline.js"
SEARCH_SCRIPT = "assets/search.js"
#: The search index's folder, written by Pagefind after the pages (see searchindex).
SEARCH_INDEX = "pagefind/"
FAVICON = "assets/favicon.svg"
DATA = "data/"
DATA_FILES = (
    "articles.json",
    "milestones.json",
    "entities.json",
    "topics.json",
    "timeline.json",
    "citations.json",
    "citations.bib",
    "citations.ris",
    "articles.schema.json",
    "milestones.schema.json",
    "entities.schema.json",
    "topics.schema.json",
)
#: Pages and files every site has, which Markdown may link to as ``site:PATH``.
SITE_TARGETS = frozenset(
    {
        HOME,
        TIMELINE,
        SEARCH,
        ARTICLES,
        ENTITIES,
        TOPICS,
        YEARS,
        FEED,
        *(DATA + n for n in DATA_FILES),
    }
)


def article(aid: str) -> str:
    return f"articles/{aid}.html"


def capture(file_name: str) -> str:
    """The raw capture, copied byte for byte next to its article page."""
    return f"articles/{file_name}"


def milestone(mid: str) -> str:
    return f"milestones/{mid}.html"


def entity(eid: str) -> str:
    return f"entities/{eid}.html"


def topic(tid: str) -> str:
    return f"topics/{tid}.html"


def year(y: int) -> str:
    return f"years/{y}.html"


def page(pid: str) -> str:
    return f"{pid}.html"


def data(name: str) -> str:
    return f"{DATA}{name}"


def paragraph_fragment(pid: str) -> str:
    return pid


def milestone_fragment(mid: str) -> str:
    """A milestone's entry on the timeline, year and topic pages."""
    return f"m-{mid}"


def _site(target: str) -> str:
    return target


#: The internal link schemes, ``[text](scheme:target)`` in Markdown, and the
#: page each leads to.  The loader checks every target exists; the Markdown
#: renderer turns each link into a relative URL with these functions.
INTERNAL_SCHEMES: Mapping[str, Callable[[str], str]] = MappingProxyType(
    {
        "milestone": milestone,
        "entity": entity,
        "article": article,
        "topic": topic,
        "year": lambda y: year(int(y)),
        "page": page,
        "site": _site,  # one of SITE_TARGETS, already a site path
    }
)
#: An internal link's ``](scheme:target)`` in Markdown source (any lower-case scheme:
#: those not in INTERNAL_SCHEMES are external and left alone).
INTERNAL_LINK = re.compile(r"\]\((?P<scheme>[a-z]+):(?P<target>[^)\s]*)\)")


def relative(here: str, target: str, fragment: str | None = None) -> str:
    """The relative URL from page ``here`` to ``target`` (both site paths, no ``..``).

    ``relative("articles/a.html", "entities/china.html") == "../entities/china.html"``
    """
    if target == here and fragment:
        return f"#{fragment}"
    from_dir = here.split("/")[:-1]
    to = target.split("/")
    common = 0
    while common < len(from_dir) and common < len(to) - 1 and from_dir[common] == to[common]:
        common += 1
    rel = "/".join([".."] * (len(from_dir) - common) + to[common:])
    return f"{rel}#{fragment}" if fragment else rel


def absolute(base_url: str, target: str) -> str:
    """The absolute URL of a site path; the home page is the base URL itself."""
    if target == HOME:
        return base_url
    if target.endswith("/index.html"):
        target = target[: -len("index.html")]
    return base_url + target


def rooted(base_path: str, target: str) -> str:
    """A root-relative URL (``/archive-site/timeline.html``), for the 404 page only.

    GitHub Pages serves ``404.html`` at whatever depth the missing URL had,
    so its links cannot be relative; they start from the base URL's path.
    """
    return base_path + target
