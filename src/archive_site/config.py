"""Site settings: ``content/site.yaml`` read into a frozen, validated record."""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from .errors import Problems, display_path
from .layout import SITE_FILE
from .patterns import later
from .urls import is_web_url, scheme_hint

#: What reads a YAML file into its tree (``yamlsrc.read_yaml``'s signature): the path, the
#: path as shown, and where problems go.
YamlReader = Callable[[Path, str, Problems], Any]

#: The environment variable that gives the base URL (as the GitHub Pages workflow does).
ENV_BASE_URL = "ARCHIVE_SITE_BASE_URL"

#: A language tag (BCP 47) as the archive keeps one: "en", "en-GB", "az-Latn-AZ".
#: A BCP 47 language tag: a language, then subtags of two to eight letters or digits (script,
#: region, variant), an extension (a singleton and its subtags) or private use (``x-...``).
LANGUAGE_TAG = later(
    r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8}|-[A-WYZa-wyz0-9](?:-[A-Za-z0-9]{2,8})+)*"
    r"(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?"
)
LANGUAGE_PROBLEM = "expected a language tag such as 'en' or 'en-GB'"
#: The longest language tag kept (BCP 47 asks that 35 characters be read; one with
#: extensions, ``en-US-u-ca-gregory-nu-latn-hc-h23``, is longer): a page's ``lang`` of 1 MB
#: of subtags was the language of its every listing, search result and citation.
MOST_LANGUAGE_TAG = 100


def is_language_tag(value: str) -> bool:
    """Whether ``value`` is a language tag as the archive keeps one, as written (see
    :data:`LANGUAGE_TAG`, :data:`MOST_LANGUAGE_TAG`)."""
    return len(value) <= MOST_LANGUAGE_TAG and LANGUAGE_TAG().fullmatch(value) is not None


def language_problem(value: str) -> str:
    """The error on ``value``, which is no language tag we keep (see :func:`language_tag`):
    a value too long is not quoted back."""
    if len(value.strip()) > MOST_LANGUAGE_TAG:
        return (
            f"{LANGUAGE_PROBLEM}, got {len(value.strip()):,} characters "
            f"(a tag has at most {MOST_LANGUAGE_TAG})"
        )
    return f"{LANGUAGE_PROBLEM}, got {value!r}"


def language_tag(value: str) -> str | None:
    """A language tag as a page or a locale writes it ("az", "EN-us", "az_AZ"), in the form
    the archive keeps (its first subtag in lower case, hyphens); None for anything else, or
    longer than :data:`MOST_LANGUAGE_TAG`."""
    if len(value.strip()) > MOST_LANGUAGE_TAG:
        return None
    first, _, rest = value.strip().replace("_", "-").partition("-")
    tag = f"{first.lower()}-{rest}" if rest else first.lower()
    return tag if LANGUAGE_TAG().fullmatch(tag) else None


def primary_language(tag: str) -> str:
    """A language tag's first subtag, in lower case: ``az`` of ``az-Latn-AZ``."""
    return tag.partition("-")[0].lower()


#: Languages whose usual script is written right to left, and such scripts (ISO 15924).
_RTL_LANGUAGES = frozenset(
    ["ar", "arc", "ckb", "dv", "fa", "he", "iw", "ps", "sd", "syr", "ug", "ur", "yi"]
)
_RTL_SCRIPTS = frozenset("arab hebr syrc thaa nkoo adlm rohg mand samr".split())  # noqa: SIM905


def text_direction(tag: str) -> str:
    """``rtl`` or ``ltr``: the direction of text in the language ``tag``, as its script
    subtag says (``az-Arab``, ``ku-Latn``), else its language's usual script (``ar``)."""
    first, *rest = tag.lower().split("-")
    # (the script is among the subtags before an extension's or private use's: "en-u-nu-arab",
    # English with Arabic digits, and "en-x-arab" are written left to right)
    subtags = itertools.takewhile(lambda s: len(s) > 1, rest)
    script = next((s for s in subtags if len(s) == 4 and s.isalpha()), None)
    if script is not None:
        return "rtl" if script in _RTL_SCRIPTS else "ltr"
    return "rtl" if first in _RTL_LANGUAGES else "ltr"


@dataclass(frozen=True, slots=True)
class SiteConfig:
    """The site's settings, from content/site.yaml."""

    title: str
    description: str
    language: str
    base_url: str  # absolute, normalised, always ends with "/"
    subject: str
    publisher: str
    license: str
    repository: str | None = None
    # The hand-written pages the navigation names, in order, each id with its line in
    # site.yaml; None: not given (see render.paging.menu).
    menu: tuple[tuple[str, int], ...] | None = None

    @property
    def base_path(self) -> str:
        """The path part of the base URL: "/" or "/archive-site/"."""
        return base_path_of(self.base_url)

    @property
    def direction(self) -> str:
        """``rtl`` or ``ltr``: how the site's own language is written."""
        return text_direction(self.language)

    def with_base_url(self, url: str) -> SiteConfig:
        return replace(self, base_url=normalise_base_url(url))


def chosen_base_url(option: str | None) -> str | None:
    """The base URL a run asks for: the --base-url option, else $ARCHIVE_SITE_BASE_URL.

    None means site.yaml's ``base_url``.
    """
    return option or os.environ.get(ENV_BASE_URL) or None


def base_path_of(url: str) -> str:
    """The path part of a (normalised) base URL: "/" or "/archive-site/"."""
    return urlsplit(url).path or "/"


def normalise_base_url(url: str) -> str:
    """``https://Example.org/archive`` -> ``https://example.org/archive/``.

    Raises ValueError with a readable reason when the URL cannot be a site's base.
    """
    url = url.strip()
    expected = f"expected an absolute http(s) URL such as https://example.org/, got {url!r}"
    try:
        parts = urlsplit(url)
    except ValueError as exc:  # "Invalid IPv6 URL": a '[' left open
        raise ValueError(f"{expected} ({str(exc)[:1].lower()}{str(exc)[1:]})") from None
    if not is_web_url(url):
        raise ValueError(
            expected
            + (
                scheme_hint(url, address=True)
                or " (a URL has a host and no spaces, quotes or angle brackets: write "
                "them as %20, %22, %3C, %3E)"
            )
        )
    if "@" in parts.netloc:  # not echoed: it may hold a password
        raise ValueError(
            f"a base URL cannot carry a user name or password (before the '@' of "
            f"{parts.netloc.rpartition('@')[2]!r}): every page and the feed would publish it"
        )
    if "%" in parts.netloc:
        raise ValueError(f"a base URL's host cannot hold a percent escape: {url!r}")
    if parts.query or parts.fragment:
        raise ValueError(f"a base URL cannot have a query or #fragment: {url!r}")
    path = parts.path or "/"
    try:
        decoded = unquote(path, errors="strict")
    except UnicodeDecodeError:
        raise ValueError(f"a base URL's path must be UTF-8 once decoded: {url!r}") from None
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in decoded):
        raise ValueError(f"a base URL's path cannot hold a control character (%00-%1F): {url!r}")
    if any(segment in (".", "..") for segment in decoded.split("/")):
        raise ValueError(
            f"a base URL's path cannot hold a '.' or '..' segment: {url!r} (browsers would "
            "resolve it elsewhere than the pages say they live; write the path it stands for)"
        )
    page = decoded.rpartition("/")[2]
    if page.lower().endswith((".html", ".htm")):
        folder = url[: len(url) - len(parts.path)] + path[: len(path) - len(path.split("/")[-1])]
        raise ValueError(
            f"a base URL is the site's folder, not a page: {url!r} ends with {page!r} (every "
            f"address would be under it, '{page}/about.html'); write {folder!r}"
        )
    if not path.endswith("/"):
        path += "/"
    path = re.sub(r"/{2,}", "/", path)
    return f"{parts.scheme}://{parts.netloc.lower()}{path}"


def load_config(
    content_dir: Path, problems: Problems, read: YamlReader | None = None
) -> SiteConfig | None:
    """The site's settings from ``site.yaml``, read by ``read`` (the load's reads it from the
    record cache when unchanged), else parsed; None when they are not all there, each
    problem reported."""
    # (Imported here, not with this module: the command line needs the settings' names
    # above before it knows whether anything is to be read.)
    from .yamlsrc import Record, read_yaml

    path = content_dir / SITE_FILE
    display = display_path(path)
    data = (read or read_yaml)(path, display, problems)
    if data is None:
        return None
    rec = Record.of(data, 1, display, problems, SITE_FILE)
    if rec is None:
        return None
    title = rec.text("title", required=True)
    description = rec.text("description", required=True)
    language = rec.text("language", required=True) or "en"
    base_url = rec.text("base_url", required=True)
    subject = rec.text("subject") or title or ""
    publisher = rec.text("publisher", required=True)
    license_ = rec.text("license", required=True)
    repository = rec.text("repository")
    given = "menu" in rec.data  # read either way: a known key, to name in an unknown one's error
    items = rec.text_items("menu")
    menu = items if given else None
    rec.finish()
    if language and not is_language_tag(language):
        rec.error("language", language_problem(language))
    if repository is not None and not is_web_url(repository):
        rec.error("repository", f"expected an http(s) URL, got {repository!r}")
        return None
    normalised = ""
    if base_url:
        try:
            normalised = normalise_base_url(base_url)
        except ValueError as exc:
            rec.error("base_url", str(exc))
    if not (title and description and base_url and publisher and license_ and normalised):
        return None
    return SiteConfig(
        title=title,
        description=description,
        language=language,
        base_url=normalised,
        subject=subject,
        publisher=publisher,
        license=license_,
        repository=repository,
        menu=menu,
    )
