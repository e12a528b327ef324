"""The archive's records: frozen, slotted dataclasses; and the site's outputs, ``(path, bytes)``.

Records hold ids, never other records, so they stay small, hashable and easy
to serialise; :class:`Archive` resolves ids and holds the cross-links
("backlinks") computed once by the loader.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from .config import SiteConfig
from .dates import MONTHS, DateSpec

ArticleKind = Literal["news", "interview", "opinion"]
# How much of an article's date its source gives.
PublishedPrecision = Literal["day", "month", "year"]
ARTICLE_KINDS: tuple[ArticleKind, ...] = ("news", "interview", "opinion")
ParagraphRole = Literal["lead", "body", "question", "answer", "heading"]
ChainRole = Literal["original", "via", "publisher", "aggregator"]
EntityType = Literal[
    "person", "organisation", "group", "place", "agreement", "project", "event", "concept"
]
ENTITY_TYPES: tuple[EntityType, ...] = (
    "person",
    "organisation",
    "group",
    "place",
    "agreement",
    "project",
    "event",
    "concept",
)
# Who makes a quoted statement: the outlet in its own voice, someone it reports,
# an interview's questioner or answerer, or someone the text hands the words to that the
# archive does not name (no ``speaker:`` where the text attributes them, a third speaker
# of an interview).
Voice = Literal["own", "reported", "question", "answer", "unattributed"]

#: What ``speaker:`` and an interview's ``interviewer:`` say of someone the source does not
#: name ("officials said"; a press conference's askers, a bare "Question:"): no one is named.
UNNAMED = "unnamed"
VOICES: tuple[Voice, ...] = ("own", "reported", "question", "answer", "unattributed")
# Why one article is not independent evidence beside another.
DependencyReason = Literal[
    "responds-to",
    "updates",
    "one-interview",
    "same-origin",
    "shares-text",
    "shares-passage",
    "reports-words",
    "same-speaker",
    "same-owner",
    "translation",
]
MilestoneStatus = Literal["happened", "planned", "ongoing"]
MILESTONE_STATUSES: tuple[MilestoneStatus, ...] = ("happened", "planned", "ongoing")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of an article's text, with its stable anchor."""

    id: str  # "p7": stable, the capture never changes
    number: int
    text: str
    line: int  # where the paragraph starts in the capture
    role: ParagraphRole = "body"
    turn: int | None = None  # interview turn number
    speaker: str | None = None  # entity id of who speaks, for interview turns


@dataclass(frozen=True, slots=True)
class Turn:
    """One interview turn: a question or an answer, over one or more paragraphs."""

    number: int
    role: Literal["question", "answer"]
    speaker: str | None  # entity id
    paragraph_ids: tuple[str, ...]
    #: The words are an interpreter's rendering of the speaker's, as the name opening the
    #: turn says ("PRESIDENT ALIYEV (through interpreter):").
    interpreted: bool = False


@dataclass(frozen=True, slots=True)
class Furniture:
    """Page furniture found in a capture and kept out of the article's text."""

    kind: str  # "story-link", "heading", "news-line", "navigation", "editorial"
    text: str
    line: int


@dataclass(frozen=True, slots=True)
class ChainLink:
    """One outlet in the chain a piece travelled through, from origin to capture."""

    name: str
    role: ChainRole
    entity: str | None = None  # entity id when the outlet is a known entity


@dataclass(frozen=True, slots=True)
class Published:
    """When an article was published: a day, and the time where the capture gives it; or
    only a month or a year (a report dated "April 2025": ``date`` is then its first day,
    for sorting, and no more is ever shown or exported)."""

    date: dt.date
    time: str | None = None  # "11:03", local time of the outlet
    timezone: str | None = None  # "+04:00" when the archivist knows it
    precision: PublishedPrecision = "day"

    @property
    def day(self) -> str:
        """The date at its precision: ``2025-04-23``, ``2025-04`` or ``2025``."""
        if self.precision == "year":
            return f"{self.date.year:04d}"
        if self.precision == "month":
            return f"{self.date.year:04d}-{self.date.month:02d}"
        return self.date.isoformat()

    @property
    def last_day(self) -> dt.date:
        """The last day it may be: the day, or the month's or the year's last."""
        if self.precision == "year":
            return dt.date(self.date.year, 12, 31)
        if self.precision == "month":
            following = dt.date(self.date.year + self.date.month // 12, self.date.month % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        return self.date

    @property
    def sort_key(self) -> tuple[dt.date, int, str]:
        """Its place in date order: a month or a year alone after its days, as on the
        timeline (never on a day it does not give); the day's articles by their time."""
        return (self.last_day, int(self.precision != "day"), self.time or "")

    @property
    def month(self) -> int | None:
        return None if self.precision == "year" else self.date.month

    @property
    def day_of_month(self) -> int | None:
        return self.date.day if self.precision == "day" else None

    @property
    def iso(self) -> str:
        """For ``<time datetime>``: a date, or a local date and time, with offset when known."""
        if self.time is None:
            return self.day
        return f"{self.date.isoformat()}T{self.time}{self.timezone or ''}"

    @property
    def rfc3339(self) -> str:
        """For Atom, which wants a time and its offset always: the article's, else (no time,
        or a time whose zone the source does not give) noon UTC of its day, which is that day
        from UTC-12:00 to UTC+11:59 (midnight UTC showed the day before in the Americas); a
        month or a year alone, its first day (Atom can say no less)."""
        if self.time is None or self.timezone is None:
            return f"{self.date.isoformat()}T12:00:00Z"
        return f"{self.date.isoformat()}T{self.time}:00{self.timezone}"

    @property
    def instant(self) -> str | None:
        """For Atom's ``<published>``, the instant the source gives (its time and its zone),
        else None: noon UTC (:attr:`rfc3339`) is no time a source gave, and a month's or a
        year's first day no day it gave ("2019" was written 2019-01-01T12:00:00Z)."""
        if self.precision != "day" or self.time is None or self.timezone is None:
            return None
        return self.rfc3339

    def display(self) -> str:
        # Month names from dates.MONTHS, never strftime: output must not depend on the locale.
        if self.precision == "year":
            return str(self.date.year)
        if self.precision == "month":
            return f"{MONTHS[self.date.month - 1]} {self.date.year}"
        text = f"{self.date.day} {MONTHS[self.date.month - 1]} {self.date.year}"
        if self.time:
            text += f", {self.time}"
            offset = "+00:00" if self.timezone == "Z" else self.timezone
            text += f" (UTC{offset})" if offset else " (time zone not stated)"
        return text


@dataclass(frozen=True, slots=True)
class Article:
    """A captured (or hand-written) article: what it says, where it came from, its text."""

    id: str
    title: str
    published: Published
    outlet: str
    chain: tuple[ChainLink, ...]
    author: str | None
    kind: ArticleKind
    section: str | None
    language: str
    url: str | None
    summary: str | None
    format: str  # which reader read it: a name in archive_site.readers.formats()
    source_file: str  # path inside content/, posix: "articles/x.capture.txt"
    metadata_file: str | None  # path inside content/ of the archivist's metadata
    original_name: str | None  # the scraper's own file name, for provenance
    sha256: str
    size: int
    paragraphs: tuple[Paragraph, ...]
    turns: tuple[Turn, ...]
    furniture: tuple[Furniture, ...]
    #: Entity id; in an interview, None when the source names no asker (``interviewer:
    #: unnamed``: a press conference's many askers, a ministry's "Question:"): its questions
    #: are no one's the archive names.
    interviewer: str | None
    interviewee: str | None  # entity id
    responds_to: tuple[str, ...]  # article ids
    title_from_capture: bool
    short_title: str  # for source lists: the archivist's, else the title
    dateline: str | None = None  # as the capture writes it: "BEIJING, April 23 (Xinhua) --"
    encoding: str = "UTF-8"  # the capture's bytes' (a saved page's may be another)
    #: The ids it had before (``former_ids``): their pages send readers to its own.
    former_ids: tuple[str, ...] = ()
    #: When the capture was made (the page saved, the copy archived), as the capture or
    #: the archivist says and no more precisely (a day, a month or a year; never a time):
    #: None when nothing says.  What a citation's "accessed" is.
    captured: Published | None = None
    #: The article id of an earlier capture of the same story (``updates``): the outlet's
    #: page saved again after it changed.  One story: one line of evidence.
    updates: str | None = None
    #: The article id of the story this one is a translation of (``origin: article:ID``):
    #: the words of one story in two languages, one line of evidence.
    translates: str | None = None

    @property
    def file_name(self) -> str:
        return self.source_file.rsplit("/", 1)[-1]

    @property
    def publisher_entity(self) -> str | None:
        """The entity of the outlet that published the article, when it is one."""
        return next((c.entity for c in self.chain if c.role == "publisher"), None)

    def speaker_id(self, speaker: str | None, voice: Voice = "own") -> str | None:
        """Who makes a statement in this article: ``speaker`` (an entity id), else the outlet
        in its own voice (its entity id, or its name); None for words the text attributes
        to someone the archive does not name (``unattributed``), and for a turn of an
        interview whose speaker the source does not name (a question of ``interviewer:
        unnamed``): never the outlet's."""
        if voice == "unattributed" or (speaker is None and voice in ("question", "answer")):
            return None
        return speaker or self.publisher_entity or self.outlet

    def paragraph(self, pid: str) -> Paragraph | None:
        """The paragraph ``pid``: ``p7`` is the seventh, taken at once (searching the
        paragraphs for every quote and mention was quadratic in a large capture)."""
        number = pid[1:]
        if pid[:1] == "p" and number.isascii() and number.isdigit():
            n = int(number)
            if 0 < n <= len(self.paragraphs) and self.paragraphs[n - 1].id == pid:
                return self.paragraphs[n - 1]
        return next((p for p in self.paragraphs if p.id == pid), None)


@dataclass(frozen=True, slots=True)
class Source:
    """A milestone's evidence: a verbatim quote, located in one paragraph of an article."""

    article: str
    quote: str
    paragraph: str
    start: int  # character offsets of the quote inside the paragraph's text
    end: int
    prefix: str | None = None
    suffix: str | None = None
    line: int = 0  # where the source is declared, in milestones.yaml
    speaker: str | None = None  # entity id of who makes the statement; None: the outlet itself
    voice: Voice = "own"
    #: The quoted words are an interpreter's rendering of the speaker's: the turn, or the
    #: transcript's name opening the paragraph, says so ("(through interpreter)").
    interpreted: bool = False
    #: Entity id of whom the article, as its text says, has the speaker's words from
    #: (``via:``): agency A reports that newspaper B quoted C, "C, via B, quoted by A".
    via: str | None = None


@dataclass(frozen=True, slots=True)
class Withdrawal:
    """A milestone withdrawn as wrong (``withdrawn:``): the day it was, and why.  Its page
    stays at its address, saying so, its content as it was: readers citing it see what
    they cited."""

    date: dt.date
    reason: str
    line: int = 0  # of ``withdrawn:`` in milestones.yaml

    def display(self) -> str:
        # Month names from dates.MONTHS, never strftime: output must not depend on the locale.
        return f"{self.date.day} {MONTHS[self.date.month - 1]} {self.date.year}"


@dataclass(frozen=True, slots=True)
class Milestone:
    """A dated event of the relationship, backed by verbatim quotes."""

    id: str
    date: DateSpec
    title: str
    summary: str  # Markdown
    topics: tuple[str, ...]
    entities: tuple[str, ...]
    sources: tuple[Source, ...]
    status: MilestoneStatus = "happened"
    date_note: str | None = None  # how the date was inferred, when the text gives it relatively
    line: int = 0
    summary_line: int = 0
    #: The ids it had before (``former_ids``): their pages send readers to its own.
    former_ids: tuple[str, ...] = ()
    #: When the capture was made (the page saved, the copy archived), as the capture or
    #: the archivist says and no more precisely (a day, a month or a year; never a time):
    #: None when nothing says.  What a citation's "accessed" is.
    captured: Published | None = None
    #: Withdrawn as wrong, when and why; None for a current milestone.  A withdrawn one keeps
    #: its page (and its place in ``data/milestones.json``), and is in no list.
    withdrawn: Withdrawal | None = None

    @property
    def inferred(self) -> bool:
        return self.date_note is not None

    @property
    def date_label(self) -> str:
        """Its date in words, saying when it is inferred and when it is not (yet) a thing
        that happened: "24 November 2024 (inferred date)", "April 2024 (inferred date;
        planned)"."""
        notes = [
            *(["inferred date"] if self.inferred else []),
            *([self.status] if self.status != "happened" else []),
        ]
        return self.date.display() + (f" ({'; '.join(notes)})" if notes else "")


def milestone_order(m: Milestone) -> tuple[tuple[int, int, int, int, tuple[int, int, int]], str]:
    """A milestone's place in date order (then by id): the timeline's, the data's."""
    return (m.date.sort_key(), m.id)


@dataclass(frozen=True, slots=True)
class Dependency:
    """``article`` is not independent of ``on``: it responds to it, shares its origin, or
    reports the words of someone who speaks in it (``via``: that speaker, or the origin)."""

    article: str
    on: str
    reason: DependencyReason
    via: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """How independent a milestone's sources are: its articles in lines of evidence, each
    line a group of articles that depend on one another, with the dependencies found."""

    lines: tuple[tuple[str, ...], ...]
    dependencies: tuple[Dependency, ...]
    voices: tuple[str, ...]  # the distinct speakers: entity ids, or an outlet's name

    @property
    def independent(self) -> int:
        return len(self.lines)


@dataclass(frozen=True, slots=True)
class Entity:
    """A named person, organisation, place, ... (one of ENTITY_TYPES), with its names."""

    id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...]
    description: str | None = None
    line: int = 0
    #: Longer names holding one of its names that are not it ("Shanghai Spirit" for the city).
    not_names: tuple[str, ...] = ()
    #: The ids it had before (``former_ids``): their pages send readers to its own.
    former_ids: tuple[str, ...] = ()
    #: When the capture was made (the page saved, the copy archived), as the capture or
    #: the archivist says and no more precisely (a day, a month or a year; never a time):
    #: None when nothing says.  What a citation's "accessed" is.
    captured: Published | None = None
    #: Forms of its name a text uses that are no name of its own to show: a name
    #: inflected ("Ильхама Алиева", the genitive, in "Выступление Ильхама Алиева"), found
    #: and read as its names are, never listed among its aliases (``name_forms``).
    name_forms: tuple[str, ...] = ()
    #: Entity id of the organisation or group that owns or runs it (``owner:``, as the
    #: archivist knows it): outlets of one owner are one line of evidence.
    owner: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """Every name it is found and read by: its name, aliases and name forms."""
        return (self.name, *self.aliases, *self.name_forms)


@dataclass(frozen=True, slots=True)
class Topic:
    """A topic that milestones are filed under."""

    id: str
    title: str
    description: str
    line: int = 0
    #: The ids it had before (``former_ids``): their pages send readers to its own.
    former_ids: tuple[str, ...] = ()
    #: When the capture was made (the page saved, the copy archived), as the capture or
    #: the archivist says and no more precisely (a day, a month or a year; never a time):
    #: None when nothing says.  What a citation's "accessed" is.
    captured: Published | None = None


@dataclass(frozen=True, slots=True)
class Page:
    """A page written by hand in Markdown, such as the archive's method ("About")."""

    id: str
    title: str
    description: str
    body: str  # Markdown
    source_file: str
    menu: str  # its label in the site's navigation
    body_line: int = 1  # line of the file where the body starts
    #: The ids it had before (``former_ids``): their pages send readers to its own.
    former_ids: tuple[str, ...] = ()
    #: When the capture was made (the page saved, the copy archived), as the capture or
    #: the archivist says and no more precisely (a day, a month or a year; never a time):
    #: None when nothing says.  What a citation's "accessed" is.
    captured: Published | None = None


@dataclass(frozen=True, slots=True, order=True)
class Mention:
    """An entity named in an article's text, found by one of its names or aliases."""

    article: str
    paragraph: str
    start: int
    end: int
    entity: str


@dataclass(frozen=True, slots=True)
class Citation:
    """Backlink: ``milestone`` cites ``paragraph`` of ``article`` (its ``index``-th source)."""

    milestone: str
    index: int
    article: str
    paragraph: str


@dataclass(frozen=True, slots=True)
class Related:
    """Another article on the same events, and why it is related."""

    article: str
    #: "updates", "updated-by" (an earlier, a later capture of its story), "responds-to",
    #: "responded-by", "one-text" (the evidence found the two one text: ``text``),
    #: "shared-milestones"
    reasons: tuple[str, ...]
    milestones: tuple[str, ...]  # milestones both cite
    #: the dependency the evidence found between the two's words (a copy, exact or lightly
    #: edited, or words a milestone quotes from both), whatever rule found it
    text: Dependency | None = None


#: The most entities an entity's page shows as named with it (those named with it most often).
MOST_COMPANIONS = 16


@dataclass(frozen=True, slots=True)
class Links:
    """Every cross-link of the archive, computed once by the loader."""

    citations_by_article: Mapping[str, tuple[Citation, ...]]
    citations_by_paragraph: Mapping[tuple[str, str], tuple[Citation, ...]]
    mentions_by_paragraph: Mapping[tuple[str, str], tuple[Mention, ...]]
    mentions_by_entity: Mapping[str, tuple[Mention, ...]]
    articles_by_entity: Mapping[str, tuple[str, ...]]
    milestones_by_entity: Mapping[str, tuple[str, ...]]
    milestones_by_year: Mapping[int, tuple[str, ...]]  # events only, never states
    states_by_year: Mapping[int, tuple[str, ...]]  # known only "by" a date of that year
    articles_by_year: Mapping[int, tuple[str, ...]]
    milestones_by_topic: Mapping[str, tuple[str, ...]]
    articles_by_topic: Mapping[str, tuple[str, ...]]
    related_articles: Mapping[str, tuple[Related, ...]]
    co_entities: Mapping[str, tuple[tuple[str, int], ...]]  # at most MOST_COMPANIONS each
    entities_by_article: Mapping[str, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class Archive:
    """Everything the site shows, validated, with its cross-links."""

    config: SiteConfig
    articles: tuple[Article, ...]  # newest first
    milestones: tuple[Milestone, ...]  # in date order; the current ones (none withdrawn)
    entities: tuple[Entity, ...]  # by type, then name
    topics: tuple[Topic, ...]
    pages: tuple[Page, ...]
    links: Links
    evidence: Mapping[str, Evidence]  # by milestone id
    quotes_by_speaker: Mapping[str, tuple[Citation, ...]]  # entity id: its statements
    #: The milestones withdrawn as wrong (``withdrawn:``), in date order: each has its page
    #: and its record in the data, and is in no list, count, feed or cross-link.
    withdrawn: tuple[Milestone, ...]
    _articles: Mapping[str, Article] = field(repr=False)
    _milestones: Mapping[str, Milestone] = field(repr=False)
    _entities: Mapping[str, Entity] = field(repr=False)
    _topics: Mapping[str, Topic] = field(repr=False)

    def article(self, aid: str) -> Article:
        return self._articles[aid]

    @property
    def entity_ids(self) -> Collection[str]:
        return self._entities.keys()

    @property
    def article_ids(self) -> Collection[str]:
        return self._articles.keys()

    def milestone(self, mid: str) -> Milestone:
        """The milestone ``mid``, current or withdrawn."""
        return self._milestones[mid]

    @property
    def every_milestone(self) -> tuple[Milestone, ...]:
        """Every milestone with a page, current and withdrawn, in date order (then by id)."""
        if not self.withdrawn:
            return self.milestones
        return tuple(sorted((*self.milestones, *self.withdrawn), key=milestone_order))

    def entity(self, eid: str) -> Entity:
        return self._entities[eid]

    def topic(self, tid: str) -> Topic:
        return self._topics[tid]

    @property
    def years(self) -> tuple[int, ...]:
        """Every year that has a milestone or an article, ascending."""
        links = self.links
        years = set(links.milestones_by_year) | set(links.states_by_year)
        return tuple(sorted(years | set(links.articles_by_year)))


#: A file's bytes: whole, or in parts written one after another, each made or read as it
#: is written (a data file holding the whole archive is never joined into one string, nor
#: held whole in parts: at 10,000 articles ``articles.json`` alone is 80 MB).  Parts are
#: taken once.
FileData = bytes | Iterable[bytes]


class Output(NamedTuple):
    """One file of the site, as rendering makes it and writing stores it: where, and its bytes."""

    path: str  # inside the site, posix
    data: FileData
