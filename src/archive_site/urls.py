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

import difflib
import html
from collections.abc import Callable, Collection, Mapping
from types import MappingProxyType
from urllib.parse import quote, urlsplit, urlunsplit

from .layout import PAGE_CAPTURE_SUFFIXES, is_id, renamed_hint
from .patterns import later

HOME = "index.html"
TIMELINE = "timeline.html"
SEARCH = "search.html"
NOT_FOUND = "404.html"
ARTICLES = "articles/index.html"
ENTITIES = "entities/index.html"
TOPICS = "topics/index.html"
YEARS = "years/index.html"
PAGES = "pages/index.html"  # the hand-written pages, when the navigation names only some
FEED = "feed.xml"
SITEMAP = "sitemap.xml"
#: The sitemaps a sitemap index (``sitemap.xml`` of a very large archive) lists.
SITEMAPS = "sitemaps/"
STYLE = "assets/style.css"
SCRIPT = "assets/timeline.js"
SEARCH_SCRIPT = "assets/search.js"
#: The script of the pages at former ids (see templates/moved.html).
MOVED_SCRIPT = "assets/moved.js"
#: The search index's folder, written by Pagefind after the pages (see searchindex).
SEARCH_INDEX = "pagefind/"
FAVICON = "assets/favicon.svg"
#: The files of ``templates/static`` the site publishes, and where: no other is copied.
ASSETS = (
    ("style.css", STYLE),
    ("timeline.js", SCRIPT),
    ("search.js", SEARCH_SCRIPT),
    ("moved.js", MOVED_SCRIPT),
    ("favicon.svg", FAVICON),
)
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


def own_page(ident: str, page: Callable[[str], str]) -> str | None:
    """What is wrong with the id ``ident`` of a record whose page is at ``page(ident)``: that
    path is one of the site's own pages (``entities/index.html``); else None."""
    path = page(ident)
    if path not in SITE_TARGETS:
        return None
    return f"'{ident}' would put its page at {path}, the site's own page: choose another id"


def article(aid: str) -> str:
    return f"articles/{aid}.html"


def capture(file_name: str) -> str:
    """The raw capture, copied byte for byte next to its article page.

    A saved web page (or MHTML file, Safari web archive, WARC or WACZ file) is published
    with ``.txt`` added to its name, so every server sends it as plain text (a browser
    offers a binary one as a download): a hostile page never runs as part of the site, and
    Safari never opens a web archive as the page it holds.
    """
    if file_name.endswith(PAGE_CAPTURE_SUFFIXES):
        return f"articles/{file_name}.txt"
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


def timeline_year(y: int) -> str:
    """A year of the timeline, when the timeline is split by year (see render.paging)."""
    return f"timeline/{y}.html"


def timeline_century(first: int, last: int) -> str:
    """The years ``first`` to ``last`` of a timeline that lists them by century."""
    return f"timeline/{first}-{last}.html"


def years_century(first: int, last: int) -> str:
    """The years ``first`` to ``last`` of a years index that lists them by century."""
    return f"years/{first}-{last}.html"


def articles_year(y: int) -> str:
    """The articles of one year, when the article index is split by year."""
    return f"articles/by-year/{y}.html"


def entities_of_type(type_: str) -> str:
    """The entities of one type, when the entity index is split by type (an entity's own
    pages beyond its first are ``entities/ID/N.html``: a number, never a type)."""
    return f"entities/by-type/{type_}.html"


def paged(path: str, number: int) -> str:
    """Page ``number`` of a list that starts at ``path``: ``entities/x.html``, then
    ``entities/x/2.html``, ``entities/x/3.html``... (no record id contains a slash, so
    these never meet another page)."""
    if number == 1:
        return path
    return f"{path.removesuffix('.html')}/{number}.html"


def sitemap_part(number: int) -> str:
    """Sitemap ``number`` of those ``sitemap.xml`` lists when it is an index."""
    return f"{SITEMAPS}{number}.xml"


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
#: The schemes a link from content may have besides the internal ones.
EXTERNAL_SCHEMES = ("http", "https", "mailto")
#: What a scheme looks like (RFC 3986), to tell ``javascript:x`` from a relative path.
_SCHEME = later(r"[A-Za-z][A-Za-z0-9+.-]*")
#: The characters a URL may hold (RFC 3986: unreserved, reserved and percent escapes).
_URL = later(r"[A-Za-z0-9._~:/?#\[\]@!$&'()*+,;=%-]+")
#: What browsers remove from a URL before reading it: tabs and newlines anywhere,
#: control characters and spaces at either end (WHATWG URL Standard).
_INVISIBLE = str.maketrans("", "", "\t\n\r")
_C0_AND_SPACE = "".join(map(chr, range(0x21)))
_YEAR = later(r"[0-9]{1,4}")

#: For each internal scheme, the targets that exist; None: any well-formed one.
Known = Mapping[str, Collection[str]] | None


class LinkError(ValueError):
    """A link from content that cannot be published; the message says why."""


def is_web_url(text: str) -> bool:
    """An absolute http(s) URL with a host (and a port, if any, from 0 to 65535), made only
    of characters a URL may hold, each ``%`` opening an escape of two hexadecimal digits."""
    if not _URL().fullmatch(text) or _BAD_ESCAPE().search(text):
        return False
    try:  # a bracket left open ("http://[::1") is a ValueError too
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises ValueError for a port out of range or not a number
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


_BAD_ESCAPE = later(r"%(?![0-9A-Fa-f]{2})")


def uri_of(iri: str) -> str:
    """An address as pages write it, ``https://report.az/a/saziş/`` (an IRI), as a URL:
    each other character than ASCII percent-encoded in UTF-8, and the host in IDNA
    (``https://report.az/a/sazi%C5%9F/``); an ASCII address as it is."""
    if iri.isascii():
        return iri
    try:
        parts = urlsplit(iri)
    except ValueError:  # an IPv6 host's bracket left open: left for is_web_url to refuse
        return iri
    netloc = parts.netloc
    if not netloc.isascii():
        user, at, host = netloc.rpartition("@")
        try:
            netloc = user + at + host.encode("idna").decode("ascii")
        except UnicodeError:
            return iri  # no host a URL can name: left for is_web_url to refuse
    rest = urlunsplit(("", "", parts.path, parts.query, parts.fragment))
    encoded = "".join(c if c.isascii() else quote(c, safe="") for c in rest)
    return f"{parts.scheme}://{netloc}{encoded}"


def scheme_hint(text: str, *, address: bool = False) -> str:
    """For an address written without its scheme, as a browser's address bar shows it
    (``www.port.az/news``, ``//port.az/news``): how to write it, ``" (write it with its
    scheme: 'https://www.port.az/news')"``; else nothing. Only these two forms where a
    link may be a file's name (``about.html`` is no host); where the value can only be an
    address (``address``: an article's url, the site's), any host with a dot
    (``reuters.com/x``)."""
    text = text.strip()
    written = "https:" + text if text.startswith("//") else "https://" + text
    host = (urlsplit(written).hostname or "") if is_web_url(written) else ""
    named = text.lower().startswith(("www.", "//")) or (address and "." in host.strip("."))
    return f" (write it with its scheme: {written!r})" if host and named else ""


def resolve_link(href: str, known: Known = None) -> tuple[str, bool]:
    """Where a link written in content leads: ``(site path, True)`` or ``(URL, False)``.

    The one judge of every ``href`` and ``src`` that comes from content, in
    whatever Markdown form it was written.  Internal links
    (``milestone:ID``, ``year:2024``, ``site:timeline.html``...) must name a
    target in ``known`` (or, without it, a well-formed one); external links
    must be ``http``, ``https`` or ``mailto`` URLs.  Anything else raises
    :class:`LinkError`: ``javascript:``, ``data:``, relative paths.
    """
    url = href.strip(_C0_AND_SPACE).translate(_INVISIBLE)
    scheme, colon, target = url.partition(":")
    if colon and scheme in INTERNAL_SCHEMES:
        if not _exists(scheme, target, known):
            raise LinkError(f"unknown {scheme} '{target}'{_meant(scheme, target, known)}")
        return INTERNAL_SCHEMES[scheme](target), True
    if not colon or not _SCHEME().fullmatch(scheme):
        raise LinkError(
            f"{href!r} is not a link the build can check: write an internal link "
            f"({', '.join(f'{s}:' for s in INTERNAL_SCHEMES)}) or an http(s) or mailto URL"
            + (scheme_hint(url) or _internal_hint(url, known))
        )
    if scheme.lower() not in EXTERNAL_SCHEMES:
        raise LinkError(
            f"'{scheme}:' links are not allowed (only {', '.join(EXTERNAL_SCHEMES)} "
            "and the internal schemes)"
        )
    # a character reference is the character it names once in a page's attribute: a link
    # "https://x.org/&quot;..." leads to an address holding a quote
    url_read = _REFERENCE().sub(lambda m: html.unescape(m[0]), url)
    if scheme.lower() == "mailto" and _URL().fullmatch(url_read) and len(target) > 0:
        return url, False
    if is_web_url(url_read):
        host = urlsplit(url_read).netloc
        if "@" in host:  # (as a metadata file's url: is refused, load.checks.web_url)
            raise LinkError(
                f"{href!r} has a user name or password (before the '@' of "
                f"{host.rpartition('@')[2]!r}): the page would publish it, and a reader would "
                "go to the host after the '@'; give the address without it"
            )
        return url, False
    raise LinkError(f"{href!r} is not a valid URL: {_url_hint(url_read)}")


def _url_hint(url: str) -> str:
    """What an address that is no valid URL is told: for one of other characters than
    ASCII (``https://report.az/a/saziş/``, as an address bar shows it; a host in another
    script, ``аpple.com`` with a Cyrillic "а") the URL to write, its host in IDNA."""
    uri = uri_of(url)
    if not url.isascii() and uri != url and is_web_url(uri):
        return (
            "a URL is written in ASCII, its host in IDNA (its other characters as %XX): "
            f"write it {uri!r}"
        )
    return (
        "a URL has a host and no spaces, quotes or angle brackets (write them as %20, %22, "
        "%3C, %3E)"
    )


#: A character reference a browser decodes in an attribute whatever follows it: one ending
#: with ";" (``&copy=1`` in a query stays as it is, as browsers leave it).
_REFERENCE = later(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def _internal_hint(path: str, known: Known) -> str:
    """For a relative path that names one of the site's files or a hand-written page
    (``timeline.html``, ``about.html``, ``pages/about.md``): the internal link to write."""
    path = path.removeprefix("./")
    if path in SITE_TARGETS:
        return f" (write it 'site:{path}')"
    stem = path.removeprefix("pages/").removesuffix(".html").removesuffix(".md")
    if known is not None and stem in known.get("page", ()):
        return f" (write it 'page:{stem}')"
    return ""


def _meant(scheme: str, target: str, known: Known) -> str:
    """What an internal link to no record is told: the target likely meant (a close
    spelling; a site's file without its ``.html``), and a site's files."""
    targets = SITE_TARGETS if scheme == "site" else (known or {}).get(scheme, ())
    renamed = renamed_hint(target, targets, f"{scheme}:")
    if renamed is not None:
        return f" ({renamed})"
    near = [t for t in (f"{target}.html",) if scheme == "site" and t in targets]
    near = near or difflib.get_close_matches(target, sorted(targets), n=1, cutoff=0.8)
    meant = f"did you mean '{scheme}:{near[0]}'?" if near else ""
    if scheme != "site":
        return f" ({meant})" if meant else ""
    return f" ({meant + ' ' if meant else ''}one of: {', '.join(sorted(SITE_TARGETS))})"


def _exists(scheme: str, target: str, known: Known) -> bool:
    if known is not None:
        return target in known[scheme]
    if scheme == "site":
        return target in SITE_TARGETS
    if scheme == "year":
        return _YEAR().fullmatch(target) is not None
    return is_id(target)


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
