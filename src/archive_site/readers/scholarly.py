"""A scholarly page's bibliographic ``<meta>`` tags: what a journal, a repository (arXiv,
SSRN, Zenodo, DSpace, EPrints), a think tank or a government's report page says of the
work it shows, for indexers (Google Scholar's Highwire Press tags ``citation_*``, Dublin
Core's ``DC.*`` and ``DCTERMS.*``, PRISM's ``prism.*``).

They are read below JSON-LD and Open Graph (those describe the web page the capture is
of, and are what every other page is read by), above the page's elements (an ``<h1>`` may
be the repository's name): the title, the authors, the outlet (the journal, the
conference, the institution or the publisher) and the day of publication, as precisely as
the tags give it (``2025/04`` is a month, never a day made up).

An author written ``Last, First`` (Highwire's, Dublin Core's way) is turned ``First
Last`` only when that is unambiguous: one comma, a family name of at most three words and
given names or initials of at most four, all words of letters, none a word that names a
body (``World Bank, Washington``). When one author's name is
not so plain (``Smith, J., Jr.``, ``World Bank, Washington``), no author is read from the
tags at all: a guess would give the work a writer it may not have.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ..patterns import later
from .byline import OUTLET_WORDS

#: Where a page's tags name the work's title, most trusted first.
TITLE_KEYS = ("citation_title", "dc.title", "dcterms.title", "prism.title")
#: Where they name its authors, each author in a tag of its own (or, in ``citation_authors``,
#: separated by ``;``).
AUTHOR_KEYS = ("citation_author", "citation_authors", "dc.creator", "dcterms.creator")
#: Where they name where it was published: the journal (or conference, or the institution
#: that issued a report or a thesis) before its publisher.
OUTLET_KEYS = (
    "citation_journal_title",
    "prism.publicationname",
    "citation_conference_title",
    "citation_technical_report_institution",
    "citation_dissertation_institution",
    "citation_publisher",
    "dc.publisher",
    "dcterms.publisher",
)
#: Where they date its publication. Not a repository's own days, when the item was
#: deposited or made available (``DCTERMS.dateAccepted``, ``DC.date.accessioned``,
#: ``DCTERMS.available``), nor ``citation_online_date`` when a publication date is given
#: (the issue's: it is the date the work is cited by).
DATE_KEYS = (
    "citation_publication_date",
    "citation_date",
    "prism.publicationdate",
    "prism.coverdate",
    "dcterms.issued",
    "dc.date.issued",
    "dc.date",
    "dcterms.date",
    "citation_online_date",
)

#: One word of a person's name: letters, with an apostrophe, a hyphen or a stop inside or
#: after (``O'Neil``, ``Jean-Pierre``, ``J.``, ``J.-P.``).
_NAME_WORD = later(r"[^\W\d_](?:[^\W\d_]|['’.-](?=[^\W\d_])|\.(?=-))*\.?")
#: Words that end a name and are no given name: a generation, a degree.
_SUFFIX = later(r"(?:jr|sr|ii|iii|iv|phd|md|esq)\.?", re.IGNORECASE)
#: Words that name a body, not a person: on either side of the comma, the name is no
#: "Last, First" ("World Bank, Washington"), whatever its shape.
_BODY_WORDS = frozenset(
    (  # noqa: SIM905
        "bank university institute institution ministry department agency council office "
        "organization organisation foundation centre center association committee commission "
        "secretariat school college library government inc ltd llc group team staff project"
    ).split()
)
#: A date the tags give: a year, a month, or a day, with ``-`` or ``/`` between
#: (``2025``, ``2025/04``, ``2025-04-23``), and maybe a time after the day.
_PARTIAL = later(r"(\d{4})(?:[-/](\d{2}))?")


def scholarly_fields(
    meta: Mapping[str, tuple[str, int]], repeated: Mapping[str, Sequence[str]]
) -> dict[str, tuple[str, int]]:
    """The ``title``, ``author``, ``outlet`` the tags give (each with its line), and the
    ``published`` day as written (see :func:`partial_date`, :data:`DATE_KEYS`)."""
    out: dict[str, tuple[str, int]] = {}
    for field, keys in (("title", TITLE_KEYS), ("outlet", OUTLET_KEYS)):
        key = next((k for k in keys if k in meta), None)
        if key is not None:
            out[field] = (" ".join(meta[key][0].split()), meta[key][1])
    for key in AUTHOR_KEYS:
        if key in meta:
            names = authors(list(repeated.get(key, [meta[key][0]])), split=key.endswith("s"))
            if names:
                out["author"] = (names, meta[key][1])
            break  # the first of the keys the page gives is its list of authors
    key = next((k for k in DATE_KEYS if k in meta), None)
    if key is not None:
        out["published"] = meta[key]
    return out


def authors(values: list[str], *, split: bool = False) -> str:
    """The authors ``values`` name, each as ``First Last``, joined by ", "; "" when any of
    them is written so that its given and family names are not plain (see the module's
    note). ``split``: each value may name several, separated by ``;``."""
    if split:
        values = [part for value in values for part in value.split(";")]
    names: dict[str, None] = {}  # (a dict: an author named again is found at once)
    for value in values:
        name = person(value)
        if name is None:
            return ""
        if name:
            names[name] = None
    return ", ".join(names)


def person(value: str) -> str | None:
    """One author's name turned ``First Last`` (``Ahmadov, Farid``: ``Farid Ahmadov``), as
    written when it has no comma (``Farid Ahmadov``, ``World Bank``), "" for none; None when
    the comma's parts are not plainly a family name and given names."""
    text = " ".join(value.split())
    if "," not in text:
        return text
    family, _, given = text.partition(",")
    family_words, given_words = family.split(), given.split()
    if (
        "," in given
        or not 1 <= len(family_words) <= 3
        or not 1 <= len(given_words) <= 4
        or any(_NAME_WORD().fullmatch(w) is None for w in (*family_words, *given_words))
        or any(_SUFFIX().fullmatch(w) is not None for w in given_words)
        or any(w.casefold() in _BODY_WORDS | OUTLET_WORDS for w in (*family_words, *given_words))
    ):
        return None
    return f"{' '.join(given_words)} {' '.join(family_words)}"


def partial_date(value: str) -> str | None:
    """A year or a month a tag gives alone (``2025``, ``2025/04``, ``2025-04``), as
    ``YYYY`` or ``YYYY-MM``; None for anything else (a day is read as one elsewhere)."""
    found = _PARTIAL().fullmatch(value.strip())
    if found is None:
        return None
    year, month = found.groups()
    if month is not None and not 1 <= int(month) <= 12:
        return None
    return year if month is None else f"{year}-{month}"
