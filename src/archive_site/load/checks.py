"""An article's fields, checked one by one.

Each check is a pure function: it returns the value it found (or ``None``)
with the issues it has with it, and reports nothing itself.  The reader of a
record reports the issues with :func:`report`, on the line of the key, in the
order it checks the keys.
"""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Generic, TypeVar, cast
from urllib.parse import urlsplit

from ..dates import outside_years, with_suggestion
from ..layout import (
    ARTICLES_DIR,
    CAPTURE_SUFFIXES,
    MARKDOWN_SUFFIX,
    META_SUFFIX,
    Ids,
    id_read_as,
    renamed_hint,
)
from ..model import (
    ARTICLE_KINDS,
    UNNAMED,
    Article,
    Entity,
    Milestone,
    Page,
    PublishedPrecision,
    Topic,
)
from ..patterns import later
from ..readers import Field
from ..urls import is_web_url, scheme_hint
from ..yamlsrc import Record

T = TypeVar("T")

TIME = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")  # ASCII digits: machines read it
TIMEZONE = re.compile(r"^[+-](0[0-9]|1[0-4]):[0-5][0-9]$|^Z$")
_ISO_DAY = later(r"^\d{4}-\d{2}-\d{2}$")
_ISO_MONTH = later(r"^\d{4}-\d{2}$")
_ISO_YEAR = later(r"^\d{4}$")


@dataclass(frozen=True, slots=True)
class Issue:
    """What is wrong with the value of ``key``: reported on ``line``, else on the key's line.

    Without a key, the issue is the record's and is reported on its first line.
    """

    key: str | None
    message: str
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Checked(Generic[T]):
    """A checked value and the issues found with it; ``value`` may be set despite issues."""

    value: T | None
    issues: tuple[Issue, ...] = ()


def report(record: Record, *issues: Iterable[Issue]) -> bool:
    """Report the issues on the record's file, in order; True if there were none."""
    ok = True
    for issue in itertools.chain(*issues):
        if issue.line is None:
            record.error(issue.key, issue.message)
        else:
            record.problems.error(record.display, issue.line, f"{issue.key}: {issue.message}")
        ok = False
    return ok


#: Makes the issue for a missing key from the key and a hint at its value.
Missing = Callable[[str, str], Issue]


def missing_in(display: str, *, has_capture: bool) -> Missing:
    """How to report a missing key of the metadata file (or front matter) ``display``."""

    def missing(key: str, hint: str) -> Issue:
        where = "the capture does not say" if has_capture else "not given"
        return Issue(key, f"{where}; add '{key}: {hint}' to {display}")

    return missing


def required(key: str, value: str | None, missing: Missing) -> tuple[Issue, ...]:
    return () if value else (missing(key, "..."),)


def matches(
    key: str, value: str | None, pattern: re.Pattern[str], expected: str
) -> tuple[Issue, ...]:
    """No issue when ``value`` is absent or matches ``pattern``; else, for a time or an
    offset written another common way (``10.15``, ``+4``, ``UTC+4``), how to write it."""
    if value is None or pattern.match(value):
        return ()
    written = _written_so(key, value)
    said = f": write it {written}" if written is not None and pattern.match(written) else ""
    return (Issue(key, f"expected {expected}, got {value!r}{said}"),)


_CLOCK = later(r"(?P<h>[0-9]{1,2})\s*[.:h]\s*(?P<m>[0-9]{2})")
_OFFSET = later(r"(?:UTC|GMT)?\s*(?P<sign>[+-])\s*(?P<h>[0-9]{1,2})(?::?(?P<m>[0-9]{2}))?")


def _written_so(key: str, value: str) -> str | None:
    """``value`` of ``time`` or ``timezone`` as the field takes it (``10:15``, ``+04:00``),
    when it is one written another common way."""
    pattern = _CLOCK if key == "time" else _OFFSET if key == "timezone" else None
    m = pattern().fullmatch(value.strip()) if pattern is not None else None
    if m is None:
        return None
    clock = f"{int(m['h']):02d}:{m['m'] or '00'}"
    return clock if key == "time" else m["sign"] + clock


def web_url(key: str, value: str | None) -> tuple[Issue, ...]:
    """No issue when ``value`` is absent or an http(s) URL that a sitemap or feed can hold."""
    if value is not None and is_web_url(value) and "@" in urlsplit(value).netloc:
        host = urlsplit(value).netloc.rpartition("@")[2]
        return (
            Issue(
                key,
                f"a URL with a user name or password (before the '@' of {host!r}): every "
                "page and the data would publish it; give the address without it",
            ),
        )
    if value is None or is_web_url(value):
        return ()
    hint = scheme_hint(value, address=True) or (
        " (a URL has a host and no spaces, quotes or angle brackets: write them as %20, "
        "%22, %3C, %3E)"
    )
    return (Issue(key, f"expected an http(s) URL, got {value!r}{hint}"),)


#: When an article was published, and how precisely its source says it.
Day = tuple[dt.date, PublishedPrecision]


def near_id(value: str, known: Collection[str]) -> str:
    """A hint of the known id ``value`` was likely meant to be ("did you mean ...? "), or
    nothing: an article's file name for its id, a close spelling, the one id of which it is
    a part between hyphens (a family name for a person's id); first, a record's former id
    or an entity's name written as its id (see :func:`~archive_site.layout.renamed_hint`)."""
    renamed = renamed_hint(value, known)
    if renamed is not None:
        return f"{renamed}; "
    for suffix in (*CAPTURE_SUFFIXES, META_SUFFIX, MARKDOWN_SUFFIX):
        if value.endswith(suffix) and value[: -len(suffix)] in known:
            return f"the id is the file's name without '{suffix}': '{value[: -len(suffix)]}'; "
    read_as = id_read_as(value)  # a name for its id: 'Taleh Ziyadov', 'taleh-ziyadov'
    near = [read_as] if read_as is not None and read_as in known else []
    near = near or difflib.get_close_matches(value, list(known), n=1, cutoff=0.8)
    if not near:  # a part of one id alone: 'ziyadov' for 'taleh-ziyadov'
        near = [k for k in known if value and f"-{value}-" in f"-{k}-"][:2]
        near = near if len(near) == 1 else []
    return f"did you mean '{near[0]}'? " if near else ""


def not_one_of(value: str, choices: Sequence[str]) -> str:
    """What a value outside ``choices`` is told: the choices, and the one meant when it
    differs in capitals or spelling ('Interview', 'organization')."""
    near = [c for c in choices if c.casefold() == value.strip().casefold()]
    near = near or difflib.get_close_matches(value, choices, n=1, cutoff=0.8)
    hint = f" (did you mean '{near[0]}'?)" if near else ""
    return f"'{value}' is not one of: {', '.join(choices)}{hint}"


def entity_ids(entities: Sequence[Entity], failed: Iterable[str] = ()) -> Ids:
    """The ids a reference may name an entity by: those of ``entities`` and those declared
    with a problem of their own (``failed``: naming one is no second problem); with their
    former ids and their names read as ids, for the hint an unknown id is given."""
    named: dict[str, str] = {}
    for e in entities:
        for name in e.names:
            read = id_read_as(name)
            if read is not None:
                named.setdefault(read, e.id)
    return Ids({e.id for e in entities} | set(failed), former_of(entities), named)


def record_ids(records: Sequence[Topic | Milestone], failed: Iterable[str] = ()) -> Ids:
    """The ids a reference may name a topic or a milestone by (see :func:`entity_ids`)."""
    return Ids({r.id for r in records} | set(failed), former_of(records))


def former_of(
    records: Sequence[Entity | Topic | Milestone | Article | Page],
) -> dict[str, str]:
    """Each former id of ``records``: the id of the record that has it."""
    return {old: r.id for r in records for old in r.former_ids}


def unknown_entity(value: str, known: Collection[str]) -> str:
    """What an entity id no entity has is told, with the id likely meant."""
    return f"unknown entity '{value}' ({near_id(value, known)}see entities.yaml)"


def unknown_article(value: str, known: Collection[str]) -> str:
    """What an article id no article has is told: the id likely meant, and where the
    articles are (the content folder's ``articles/``, whatever the folder's name)."""
    return f"unknown article '{value}' ({near_id(value, known)}see {ARTICLES_DIR}/)"


def is_day(text: str | None) -> bool:
    """Whether ``published`` is written as a day (not a month or a year alone)."""
    return text is None or _ISO_DAY().match(text) is not None


def published_day(text: str | None, missing: Missing) -> Checked[Day]:
    """The day ``YYYY-MM-DD``; or, for a source dated no more precisely, a month ``YYYY-MM``
    or a year ``YYYY`` (kept as such, never made a day)."""
    if not text:
        issue = missing("published", "YYYY-MM-DD")
        more = "; or 'published: YYYY-MM' or 'YYYY' when no more is known, never a day made up"
        return Checked(None, (replace(issue, message=issue.message + more),))
    return _day_of("published", text)


def captured_day(text: str | None) -> Checked[Day]:
    """When the capture was made (``captured``: the page saved, the copy archived or
    printed), as precisely as is known: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; None
    when nothing says (never guessed from a file's times)."""
    return Checked(None) if not text else _day_of("captured", text)


def _day_of(key: str, text: str) -> Checked[Day]:
    """The day, month or year ``text`` writes, with its precision; else the issue of ``key``."""
    if _ISO_MONTH().match(text):
        day, precision = f"{text}-01", "month"
    elif _ISO_YEAR().match(text):
        day, precision = f"{text}-01-01", "year"
    elif _ISO_DAY().match(text):
        day, precision = text, "day"
    else:
        why = (
            "expected a day as YYYY-MM-DD (or YYYY-MM, YYYY when the source says no more), "
            f"got {text!r}"
        )
        return Checked(None, (Issue(key, with_suggestion(why, text)),))
    try:
        found = dt.date.fromisoformat(day)
    except ValueError:
        return Checked(None, (Issue(key, f"{text!r} is not a real date"),))
    outside = outside_years(found.year, text)  # as a milestone's: the pages sort by it
    if outside is not None:
        return Checked(None, (Issue(key, outside),))
    return Checked((found, cast(PublishedPrecision, precision)))


#: The most characters a one-line field of an article may have (its title, outlet, author,
#: section, address): a headline has a few dozen, a list of a paper's authors a few hundred,
#: and addresses past 2,000 are refused by many systems.  Longer, it is a misreading (a
#: page's whole text taken for its title), which every list of the site would repeat.
MOST_FIELD = 2000


#: The most characters of an archivist's prose that the site shows wherever its record is
#: listed or described: a milestone's or an article's summary, an entity's, a topic's or a
#: page's description (a paragraph or a few; the seed's longest has 479).  The timeline and
#: the milestone's year's and topics' pages show a milestone's summary, and a page's
#: description and data repeat it: one of 3 MB made the seed's milestone page 6 MB and the
#: timeline, its year's and its topic's pages 3 MB each.
MOST_PROSE = 4000


def prose(rec: Record, key: str, *, required: bool = False) -> str | None:
    """The text of ``key`` (see :meth:`Record.text`), or None, with an error on its line, when
    it is longer than :data:`MOST_PROSE`."""
    value = rec.text(key, required=required)
    if value is not None and len(value) > MOST_PROSE:
        rec.error(
            key,
            f"{len(value):,} characters long, more than the {MOST_PROSE:,} it may have: the "
            "site shows it wherever the record is listed or described; shorten it",
        )
        return None
    return value


def too_long(values: Mapping[str, str | None]) -> tuple[Issue, ...]:
    """An issue for each of ``values`` longer than :data:`MOST_FIELD` characters."""
    most = f"longer than a line of a record may be (at most {MOST_FIELD:,})"
    return tuple(
        Issue(key, f"{len(value):,} characters, {most}")
        for key, value in values.items()
        if value is not None and len(value) > MOST_FIELD
    )


def capture_fields(values: Mapping[str, str | None], missing: Missing) -> Checked[Day]:
    """The fields a capture may state: a title, an outlet, a real day and a time, none too
    long; the day."""
    day = published_day(values["published"], missing)
    partial = day.value is not None and day.value[1] != "day" and values["time"]
    lines = ("title", "outlet", "author", "section", "url")
    issues = (
        *too_long({key: values.get(key) for key in lines}),
        *required("title", values["title"], missing),
        *required("outlet", values["outlet"], missing),
        *day.issues,
        *matches("time", values["time"], TIME, "HH:MM (24-hour)"),
        *((Issue("time", "a time needs the day of 'published'"),) if partial else ()),
    )
    return Checked(day.value, issues)


def article_kind(stated: str | None, detected: Field | None, missing: Missing) -> Checked[str]:
    """The kind the metadata states, else the one the capture shows; they must agree, but
    for a page's "news" (schema.org's ``NewsArticle``, which sites give an interview or a
    column as well): the archivist's ``interview`` or ``opinion`` says more, as turns do."""
    kind = stated if stated is not None else (detected.value if detected is not None else None)
    if kind is None:
        return Checked(None, (missing("kind", " or ".join(ARTICLE_KINDS)),))
    if kind not in ARTICLE_KINDS:
        return Checked(kind, (Issue("kind", not_one_of(kind, ARTICLE_KINDS)),))
    if detected is not None and kind != detected.value and detected.value != "news":
        why = (
            f"is an {detected.value} (question and answer turns from line {detected.line})"
            if detected.value == "interview"
            else f"says '{detected.value}' (line {detected.line})"
        )
        message = f"the metadata says '{kind}' but the capture {why}"
        return Checked(kind, (Issue("kind", message),))
    return Checked(kind)


def named_speaker(given: str | None, entity_ids: Collection[str] | None) -> str | None:
    """The entity an interview's ``interviewer:`` or ``interviewee:`` names; None for
    ``unnamed`` (no entity may have that id): the source names no one who asks (a press
    conference's transcript, a ministry's answer to "a question of the media", whose
    askers are many or none it names) or who answers (an official who asked not to be
    named), so those turns are no one's the archive names."""
    if given == UNNAMED and (entity_ids is None or UNNAMED not in entity_ids):
        return None
    return given


def known_speakers(
    interviewer: str | None, interviewee: str | None, entity_ids: Collection[str]
) -> tuple[Issue, ...]:
    return tuple(
        Issue(key, unknown_entity(value, entity_ids))
        for key, value in (("interviewer", interviewer), ("interviewee", interviewee))
        if value is not None and value not in entity_ids
    )


def interview(
    kind: str | None,
    has_turns: bool,
    interviewer: str | None,
    interviewee: str | None,
    missing: Missing,
) -> tuple[Issue, ...]:
    """An interview needs turns, and says who asks and who answers."""
    if kind != "interview":
        return ()
    issues = []
    if not has_turns:
        issues.append(
            Issue(
                "kind",
                "an interview needs question and answer turns: paragraphs opening with "
                "'- ' (alternating; in a saved page, '— ' or '– ', or a '- ' the page wrote "
                "itself when every question ends with a question mark: a list's items are "
                "'- ' there too), 'Q:' and 'A:', or the names of who asks and who "
                "answers ('Name:': the interviewer's, the outlet's or the author's, and "
                "the interviewee's, as entities.yaml names them)",
            )
        )
    if interviewer is None:
        issues.append(missing("interviewer", "ENTITY-ID"))
    if interviewee is None:
        issues.append(missing("interviewee", "ENTITY-ID"))
    return tuple(issues)
