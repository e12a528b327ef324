"""Reading one article: its capture and metadata (or Markdown and front matter), merged."""

from __future__ import annotations

import enum
import functools
import hashlib
import sys
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple, cast

from .. import urls
from ..cache import RecordCache, digest
from ..config import language_problem, language_tag
from ..errors import Problems, display_path
from ..files import FileProblem, read_bytes
from ..layout import ARTICLES_DIR, META_SUFFIX, Ids
from ..model import (
    UNNAMED,
    Article,
    ArticleKind,
    ChainLink,
    ChainRole,
    Entity,
    Paragraph,
    Published,
    Turn,
)
from ..patterns import later
from ..readers import (
    Block,
    Field,
    Reading,
    capture_text,
    detect_format,
    read_text,
    readable,
    registry,
)
from ..readers.agencies import agency_of
from ..readers.base import interpreted
from ..text import normalise_text
from ..yamlsrc import Record, YList, YMap, read_yaml, yaml_of
from . import checks
from .discover import ArticleFiles, discover_articles
from .index import ArticleMentions, mentions_in, name_finder
from .records import front_former_line, front_key_line, take_former_ids
from .speakers import (
    interview_names,
    label_turns,
    named_though_unnamed,
    trailing_notes,
    unnamed_among_askers,
)
from .split import shared

META_KEYS_FROM_CAPTURE = (
    "title",
    "published",
    "time",
    "timezone",
    "section",
    "author",
    "outlet",
    "url",
    "captured",
)

#: The fields of those an article must have: an ``overrides`` of another, with no value in
#: the metadata, leaves the article without it (a byline misread, and none to give).
_REQUIRED_FROM_CAPTURE = frozenset(("title", "published", "outlet"))


def _same(key: str, a: str, b: str) -> bool:
    if key in ("published", "captured"):
        return a == b
    return normalise_text(a).casefold() == normalise_text(b).casefold()


@dataclass(frozen=True, slots=True)
class _Fields:
    """An article's checked metadata (merged with what its capture says)."""

    # What the capture may state (the metadata only where the capture is silent):
    title: str
    title_from_capture: bool
    published: Published
    outlet: str
    author: str | None
    section: str | None
    # What only the archivist states:
    kind: ArticleKind
    interviewer: str | None
    interviewee: str | None
    blocks: tuple[Block, ...]  # the capture's paragraphs, with the turns its names mark too
    origin: str | None
    responds_to: tuple[tuple[str, int], ...]  # (article id, line)
    short_title: str
    summary: str | None
    language: str
    url: str | None
    original_name: str | None
    former_ids: tuple[str, ...]
    captured: Published | None
    updates: str | None
    translates: str | None


#: The most paragraphs an article may have: a book-length transcript has a few thousand;
#: a capture of millions of one-word lines took minutes and gigabytes to build, into a
#: page no browser opens.
MOST_PARAGRAPHS = 20_000
_BOOK = "an article's page would be too large to open; split the text into several articles"


def paragraphs_and_turns(
    blocks: Sequence[Block], interviewer: str | None, interviewee: str | None
) -> tuple[tuple[Paragraph, ...], tuple[Turn, ...]]:
    """The paragraphs (``p1``, ``p2``, ...) and the interview turns they make up, with speakers."""
    paragraphs: list[Paragraph] = []
    turns: dict[int, list[str]] = {}
    turn_roles: dict[int, str] = {}
    rendered: set[int] = set()  # the turns an interpreter renders, as their names say
    for number, block in enumerate(blocks, start=1):
        pid = sys.intern(f"p{number}")  # one string for every article's p1 (and the cache's)
        speaker = None
        if block.turn is not None:
            if block.turn not in turns and interpreted(block.text):
                rendered.add(block.turn)
            turns.setdefault(block.turn, []).append(pid)
            turn_roles[block.turn] = block.role
            speaker = interviewer if block.role == "question" else interviewee
        paragraphs.append(
            Paragraph(pid, number, block.text, block.line, block.role, block.turn, speaker)
        )
    turn_records = tuple(
        Turn(
            n,
            "question" if turn_roles[n] == "question" else "answer",
            interviewer if turn_roles[n] == "question" else interviewee,
            tuple(pids),
            n in rendered,
        )
        for n, pids in sorted(turns.items())
    )
    return tuple(paragraphs), turn_records


def publication_chain(
    origin: str | None, reading: Reading, outlet: str, entity_of: Callable[[str], str | None]
) -> tuple[ChainLink, ...]:
    """Who published the text, in order: its origin, via, the publisher, an aggregator.

    With no origin given, the agency its dateline names (``BAKU, Azerbaijan (AP) --``), when
    it is a copy of that agency's (:func:`copied_from`: not ``(Xinhua)`` in Xinhua News
    Agency's own story): a copy of a wire story is the agency's words; and the outlet a
    notice ending the text says published it first (``This article originally appeared on
    Eurasianet``), or its metadata says provided it, when it is not the outlet itself, is
    its origin, or, when an agency is, the outlet it came through (``via``: Reuters' story
    that MSN took from Yahoo Finance is Reuters', as Reuters' own copy is)."""
    via, aggregator = reading.fields.get("via"), reading.fields.get("aggregator")
    first = reading.fields.get("origin")
    named_first = None if first is None else outlet_named(first.value, entity_of, outlet)
    if named_first is not None and same_outlet(named_first, outlet, entity_of):
        named_first = None
    through = via.value if via is not None else None
    agency = None if origin else _agency_copied(reading, outlet, named_first, entity_of)
    if agency is not None:
        origin, through = agency, through or named_first
    origin = origin or named_first
    links: list[tuple[str | None, ChainRole]] = [
        (origin or None, "original"),
        (through, "via"),
        (outlet, "publisher"),
        (aggregator.value if aggregator is not None else None, "aggregator"),
    ]
    return tuple(ChainLink(name, role, entity_of(name)) for name, role in links if name is not None)


def _agency_copied(
    reading: Reading, outlet: str, first: str | None, entity_of: Callable[[str], str | None]
) -> str | None:
    """The news agency the text names (its dateline's, a credit's), when it is a copy of
    that agency's: none of the outlets it came through (``first``, the one that provided
    it, among them)."""
    agency = reading.fields.get("agency")
    if agency is None:
        return None
    named = [outlet, *(f.value for k in ("via", "aggregator") if (f := reading.fields.get(k)))]
    named += [first] if first is not None else []
    return agency.value if copied_from(agency.value, named, entity_of) else None


def outlet_named(name: str, entity_of: Callable[[str], str | None], outlet: str) -> str:
    """The outlet a notice names (``This article originally appeared on ...``): the name as
    read, or, when it is no outlet the archive knows but one of its parts joined by "and"
    is (an entity of the archive, or a news agency the readers know), the first such part:
    the readers cannot tell "Eurasianet and Azernews", two outlets, from "Stars and
    Stripes", one, and keep both whole; the archive's entities tell them apart.  A part
    that is ``outlet``, the copy's own publisher, is never the one that published it first:
    "OC Media and Eurasianet" on Eurasianet names OC Media, known or not (Eurasianet, the
    part the archive knows, would leave the copy no origin, independent of OC Media's)."""
    if entity_of(name) is not None or agency_of(name) is not None:
        return name
    parts = [p.strip() for p in _AND().split(name)]
    others = [p for p in parts if not same_outlet(p, outlet, entity_of)]
    known = (p for p in others if entity_of(p) is not None or agency_of(p) is not None)
    if len(parts) == 1:
        return name
    return next(known, " and ".join(others) if others and len(others) < len(parts) else name)


_AND = later(r"\s+and\s+")


def copied_from(
    agency: str, outlets: Iterable[str], entity_of: Callable[[str], str | None]
) -> bool:
    """Whether a text its dateline (or credit line, or metadata) says is ``agency``'s, which
    ``outlets`` published, is a copy of that agency's: an agency the archive has as an
    entity, or a news agency the readers know (``readers.agencies.agency_of``), that is none
    of the outlets.  An agency known neither way makes no copy: an outlet's own name in
    its dateline ("(RFE/RL)", "(KUNA)") is not another's."""
    if entity_of(agency) is None and agency_of(agency) is None:
        return False
    return not any(same_outlet(agency, outlet, entity_of) for outlet in outlets)


def same_outlet(one: str, other: str, entity_of: Callable[[str], str | None]) -> bool:
    """Whether two names of outlets may be one: one entity's names, one news agency's names
    (``AP``, ``Associated Press``; ``ИНТЕРФАКС``, ``Interfax``; ``新华社``, ``新华网``), or
    the one's words among the other's (``Xinhua``, ``Xinhua English``)."""
    entity = entity_of(one)
    if entity is not None and entity == entity_of(other):
        return True
    known = agency_of(one)
    if known is not None and known == agency_of(other):
        return True
    a, b = (set(_OUTLET_WORD().findall(normalise_text(n).casefold())) for n in (one, other))
    return bool(a and b) and (a <= b or b <= a)


_OUTLET_WORD = later(r"[^\W_]+")


def _value(field: Field | None) -> str | None:
    return None if field is None else field.value


class _ArticleReader:
    """Reads one article: capture + metadata, or a Markdown file with front matter."""

    def __init__(
        self,
        content: Path,
        language: str,
        entity_ids: Collection[str] | None,  # None: entities.yaml did not read, no id is judged
        outlet_entities: Mapping[str, str],
        problems: Problems,
        cache: RecordCache | None = None,
        context: str = "",
        entities: Sequence[Entity] = (),
    ) -> None:
        self.content = content
        self.language = language
        self.entity_ids = entity_ids
        self.outlet_entities = outlet_entities
        self.problems = problems
        self.responds_to: dict[str, tuple[tuple[str, int], ...]] = {}
        self.keys: dict[str, str] = {}  # each article's cache key: what it was read from
        self.mentions: dict[str, ArticleMentions] = {}  # of the articles read, by id
        self.finder = functools.cache(lambda: name_finder(entities))
        self.entities = entities
        self.cache = cache
        self.context = context  # what else reading depends on: the language, the entities

    def read_all(self, files: Sequence[ArticleFiles], jobs: int = 1) -> list[Article | None]:
        """The article of each of ``files``: from the cache when its files are unchanged, else
        read (and kept in the cache when reading it raised no problem at all), by two
        processes at once when ``jobs`` allows (see :mod:`.split`).

        The cache is looked up by the files' hashes as the build's fingerprint found them
        (:meth:`RecordCache.file_hash`); an article read again is kept under the hashes of
        its bytes as they are now, so that an entry always stands for what it holds."""
        found = [self.cached(f) for f in files]
        todo = [f for f, got in zip(files, found, strict=True) if got is _UNCACHED]
        fresh = iter(shared(todo, self.fresh, self.problems, jobs=jobs))
        return [
            self.taken(f, next(fresh)) if got is _UNCACHED else got
            for f, got in zip(files, found, strict=True)
        ]

    def cached(self, files: ArticleFiles) -> Article | _Uncached | None:
        """The article of ``files`` from the cache, or :data:`_UNCACHED`."""
        cache = self.cache
        key = None if cache is None else self._key(files, cache, cache.file_hash)
        if key is None or cache is None:
            return _UNCACHED
        found = _valid_entry(cache.get(_KIND, key), files)
        if found is None:
            return _UNCACHED
        self.responds_to[files.ident] = found[1]
        self.keys[files.ident] = key
        return found[0]

    def fresh(self, files: ArticleFiles) -> _Fresh:
        """The article of ``files`` read (by this process, or by another that shares the
        reading: see :mod:`.split`), with what :meth:`taken` keeps of it: its mentions of
        the entities too (the cross-link index takes them: see :func:`.index.find_mentions`)."""
        before = len(self.problems)
        read: dict[Path, str] = {}  # the SHA-256 of the bytes read, by file
        article = self._read(files, read)
        # The key of the bytes read (all of them, when an article was read): a save between
        # a look at the files and the reading is not kept under the bytes before it.
        whole = all(path in read for path in (files.source, files.meta) if path is not None)
        key = None
        if self.cache is not None and whole:
            key = self._key(files, self.cache, lambda rel, path: read[path])
        clean = len(self.problems) == before
        found = None if article is None else mentions_in(article, self.finder())
        return (article, self.responds_to.get(files.ident), key, clean, found)

    def taken(self, files: ArticleFiles, fresh: _Fresh) -> Article | None:
        """The article read by :meth:`fresh`, its responses, key and mentions noted, and kept
        in the cache when reading it raised no problem at all."""
        article, responds_to, key, clean, found = fresh
        if article is not None and found is not None:
            self.mentions[article.id] = found
        if responds_to is not None:
            self.responds_to[files.ident] = responds_to
        if key is not None and article is not None and self.cache is not None:
            self.keys[files.ident] = key
            if clean and responds_to is not None:
                self.cache.put(_KIND, key, (article, responds_to))
        return article

    def _key(
        self, files: ArticleFiles, cache: RecordCache, hash_of: Callable[[str, Path], str]
    ) -> str | None:
        """The cache key of an article: its files' names and hashes, and the context."""
        parts = [self.context]
        try:
            for path in (files.source, files.meta):
                if path is not None:
                    parts += [path.name, hash_of(f"{ARTICLES_DIR}/{path.name}", path)]
        except FileProblem:
            return None  # reported when the article is read
        return cache.key(*parts)

    def _bytes(self, path: Path, display: str, read: dict[Path, str]) -> bytes | None:
        """The bytes of ``path``, their SHA-256 noted in ``read``; None, reported, when it
        cannot be read."""
        try:
            data = read_bytes(path)
        except FileProblem as exc:
            self.problems.error(display, None, str(exc))
            return None
        read[path] = hashlib.sha256(data).hexdigest()
        return data

    def _read(self, files: ArticleFiles, read: dict[Path, str]) -> Article | None:
        """The article of ``files``; ``read`` takes the SHA-256 of each file's bytes read."""
        problems = self.problems
        display = display_path(files.source)
        data = self._bytes(files.source, display, read)
        if data is None:
            return None
        decoded = capture_text(data, files.source.name, display, problems)
        if decoded is None:
            return None
        text = readable(decoded.text, display, problems)
        meta_rec: Record | None
        if files.meta is not None:
            meta_display = display_path(files.meta)
            meta_data = self._bytes(files.meta, meta_display, read)
            raw = None if meta_data is None else yaml_of(meta_data, meta_display, problems)
            if raw is None:
                return None
            meta_rec = Record.of(raw, 1, meta_display, problems, "metadata")
            if meta_rec is None:
                return None
            fmt = meta_rec.text("format") or detect_format(text, files.source.name)
            formats = registry()
            if fmt not in formats or not formats[fmt].capture:
                captures = (f.name for f in formats.values() if f.capture)
                meta_rec.error("format", f"'{fmt}' is not a capture format ({', '.join(captures)})")
                return None
            reading = read_text(text, display, problems, fmt=fmt)
        else:
            reading = read_text(text, display, problems, fmt="markdown")
            if reading.front_matter is None:
                return None
            meta_rec = Record(reading.front_matter, display, problems, "front matter")
            meta_rec.text("format")  # allowed, but a Markdown file is always "markdown"
        for line, note in reading.notes:
            problems.warning(display, line, note)
        return self._merge(files, data, decoded.encoding, reading, meta_rec, display)

    def _field(
        self, key: str, reading: Reading, meta: Record, overrides: Collection[str] = ()
    ) -> tuple[str | None, bool]:
        """The value of ``key``: from the capture, else the metadata; disagreement is an error,
        unless the metadata ``overrides`` the capture's (misread) value."""
        captured: Field | None = reading.fields.get(key)
        stated = meta.text(key)
        if key in overrides:  # (with no value here, a field an article may lack is dropped)
            if stated is None and key in _REQUIRED_FROM_CAPTURE:
                meta.error(
                    "overrides",
                    f"names '{key}', but the metadata gives no {key}, and an article must have "
                    f"one: write '{key}:' with the right value in {meta.display}",
                )
                if captured is not None:  # (not told again as one the capture does not say)
                    return captured.value, True
            return stated, False
        if captured is not None and stated is not None and not _same(key, captured.value, stated):
            meta.error(
                key,
                f"the metadata says {stated!r} but the capture says {captured.value!r} "
                f"(line {captured.line}); remove it here, or, if the capture is misread (the "
                f"capture is never edited), keep yours with 'overrides: [{key}]'",
            )
        if captured is not None:
            return captured.value, True
        return stated, False

    def _has_text(self, reading: Reading, display: str) -> bool:
        """Whether the capture has paragraphs, and not more than :data:`MOST_PARAGRAPHS`."""
        if not reading.blocks:
            self.problems.error(display, None, "no article text found")
            return False
        if len(reading.blocks) > MOST_PARAGRAPHS:
            line = reading.blocks[MOST_PARAGRAPHS].line
            self.problems.error(display, line, f"more than {MOST_PARAGRAPHS:,} paragraphs: {_BOOK}")
            return False
        return True

    def _merge(
        self,
        files: ArticleFiles,
        data: bytes,
        encoding: str,
        reading: Reading,
        meta: Record,
        display: str,
    ) -> Article | None:
        fields = self._check(files, reading, meta, display)
        if fields is None:
            return None
        self.responds_to[files.ident] = fields.responds_to
        return self._article(files, data, encoding, reading, fields)

    def _check(
        self, files: ArticleFiles, reading: Reading, meta: Record, display: str
    ) -> _Fields | None:
        """The article's fields, checked in the order the metadata lists them; None if any fails.

        Each value is read, then its issues are reported, before the next is read.
        """
        values, from_capture = self._capture_fields(reading, meta)
        missing = checks.missing_in(meta.display, has_capture=files.meta is not None)
        day, timezone = checks.capture_fields(values, missing), values["timezone"]
        zone = checks.matches("timezone", timezone, checks.TIMEZONE, "an offset such as +04:00")
        ok = self._report(meta, reading, from_capture, display, (*day.issues, *zone))
        kind = checks.article_kind(meta.text("kind"), reading.fields.get("kind"), missing)
        ok &= checks.report(meta, kind.issues)
        given, answering = meta.text("interviewer"), meta.text("interviewee")
        asks = checks.named_speaker(given, self.entity_ids)  # None: "unnamed", no one named
        answers = checks.named_speaker(answering, self.entity_ids)
        unnamed = _unnamed_roles((given, asks), (answering, answers))
        blocks = self._turns(reading, kind.value, (asks, answers, unnamed), values, display)
        ok &= checks.report(
            meta,
            ()
            if self.entity_ids is None
            else checks.known_speakers(asks, answers, self.entity_ids),
            checks.interview(kind.value, any(b.turn for b in blocks), given, answering, missing),
        )
        language = self._language(meta, reading)
        url, captured = values["url"], checks.captured_day(values["captured"])
        issues = (*checks.web_url("url", url), *captured.issues)
        ok &= self._report(meta, reading, from_capture, display, issues)
        rest, responds_to, former = _archivist_fields(meta, files.ident)
        translates = translated_from(rest["origin"])
        ok &= checks.report(meta, checks.too_long({k: rest[k] for k in _ONE_LINE_ONLY_HERE}))
        meta.finish()
        ok &= self._has_text(reading, display)
        title, outlet = values["title"], values["outlet"]
        if not ok or title is None or outlet is None or day.value is None or kind.value is None:
            return None
        return _Fields(
            title=title,
            published=Published(day.value[0], values["time"], timezone, day.value[1]),
            outlet=outlet,
            author=values["author"],
            kind=cast(ArticleKind, kind.value),
            section=values["section"],
            language=language,
            url=url,
            summary=rest["summary"],
            short_title=rest["short_title"] or title,
            origin=None if translates else rest["origin"],
            translates=translates,
            original_name=rest["original_name"],
            interviewer=asks,
            interviewee=answers,
            blocks=tuple(blocks),
            responds_to=responds_to,
            title_from_capture=from_capture["title"],
            former_ids=former,
            captured=_captured(captured.value, day.value, meta, reading, self.problems, display),
            updates=rest["updates"],
        )

    def _turns(
        self,
        reading: Reading,
        kind: str | None,
        speakers: tuple[str | None, str | None, tuple[str, ...]],
        values: Mapping[str, str | None],
        display: str,
    ) -> list[Block]:
        """The capture's paragraphs, in an interview with the turns that its speakers' names
        mark too (see :mod:`.speakers`), a warning for each name that is neither's.  In a
        capture in which neither the reader nor the names find turns, that the metadata says
        is an interview, ``Q:`` and ``A:`` mark turns, and dashes (in a saved page, long ones
        only: ``— Вопрос?`` ``— Ответ.``, as Russian and French interviews are set) when most
        of the turns they make questions end with a question mark
        (:func:`..readers.turns.turns_by_markers`).  ``speakers``: who asks and who answers
        (entity ids; None: no one named), and the roles the metadata says no one is named for
        (``interviewee: unnamed``)."""
        if kind != "interview":
            return list(reading.blocks)
        asks, answers, unnamed = speakers
        told = named_though_unnamed(self.entities, unnamed)
        said_by = interview_names(
            self.entities, asks, answers, (values["outlet"], values["author"])
        )
        blocks, notes = label_turns(reading.blocks, *said_by, told)
        if not any(b.turn for b in blocks):  # neither its reader nor names mark turns
            from ..readers.turns import turns_by_markers  # only for such interviews

            page = reading.format in ("html", "mhtml", "webarchive", "warc")
            marked = turns_by_markers(
                list(reading.blocks), long_dashes=page, dashed=reading.dashed, bold=reading.bold
            )
            if marked is not None:
                blocks, notes = label_turns(marked, *said_by, told)
        for line, note in notes:
            self.problems.warning(display, line, note)
        bare = unnamed_among_askers(blocks) if asks is not None else None
        if bare is not None:
            self.problems.warning(display, bare, _many_askers(asks))
        return trailing_notes(blocks)

    def _language(self, meta: Record, reading: Reading) -> str:
        """The language of the article's text: the metadata's, else the one the capture
        declares (a saved page's ``<html lang>``, ``og:locale`` or JSON-LD ``inLanguage``),
        else the archive's."""
        stated = meta.text("language")
        if stated is not None:
            tag = language_tag(stated)
            if tag is not None:
                return tag
            meta.error("language", language_problem(stated))
        declared = reading.fields.get("language")
        return declared.value if declared is not None else self.language

    def _report(
        self,
        meta: Record,
        reading: Reading,
        from_capture: Mapping[str, bool],
        display: str,
        issues: Iterable[checks.Issue],
    ) -> bool:
        """Report each issue where its value was written: on the capture's line for a value
        the capture gives (saying how to give the right one: the capture is never edited),
        else on the metadata; True if there were none."""
        ok = True
        for issue in issues:
            field = reading.fields.get(issue.key or "")
            if issue.line is None and issue.key and from_capture.get(issue.key) and field:
                drop = (
                    ""
                    if issue.key in _REQUIRED_FROM_CAPTURE
                    else f"; or 'overrides: [{issue.key}]' alone, to give none"
                )
                way_out = (
                    f" (the capture is never edited: if it is misread, write '{issue.key}:' "
                    f"with the right value in {meta.display}, and 'overrides: [{issue.key}]'"
                    f"{drop})"
                )
                self.problems.error(display, field.line, f"{issue.key}: {issue.message}{way_out}")
                ok = False
            else:
                ok &= checks.report(meta, (issue,))
        return ok

    def _capture_fields(
        self, reading: Reading, meta: Record
    ) -> tuple[dict[str, str | None], dict[str, bool]]:
        """The fields a capture may state, and whether each came from the capture."""
        values: dict[str, str | None] = {}
        from_capture: dict[str, bool] = {}
        overrides = {key for key, _ in meta.text_items("overrides")}
        for key in sorted(overrides - set(META_KEYS_FROM_CAPTURE)):
            known = ", ".join(META_KEYS_FROM_CAPTURE)
            meta.error("overrides", f"'{key}' is not a field a capture states ({known})")
        for key in META_KEYS_FROM_CAPTURE:
            values[key], from_capture[key] = self._field(key, reading, meta, overrides)
        if not from_capture["published"] and not checks.is_day(values["published"]):
            # a month or a year the metadata gives: the capture's time of day is no one's
            for key in ("time", "timezone"):
                if from_capture[key]:
                    values[key] = None
        return values, from_capture

    def _article(
        self, files: ArticleFiles, data: bytes, encoding: str, reading: Reading, fields: _Fields
    ) -> Article:
        paragraphs, turns = paragraphs_and_turns(
            fields.blocks, fields.interviewer, fields.interviewee
        )
        meta_rel = files.meta.relative_to(self.content).as_posix() if files.meta else None
        return Article(
            id=files.ident,
            title=fields.title,
            published=fields.published,
            outlet=fields.outlet,
            chain=publication_chain(fields.origin, reading, fields.outlet, self._outlet_entity),
            author=fields.author,
            kind=fields.kind,
            section=fields.section,
            language=fields.language,
            url=fields.url,
            summary=fields.summary,
            format=reading.format,
            source_file=files.source.relative_to(self.content).as_posix(),
            metadata_file=meta_rel,
            original_name=fields.original_name,
            sha256=hashlib.sha256(data).hexdigest(),
            size=len(data),
            encoding=encoding,
            paragraphs=paragraphs,
            turns=turns,
            furniture=reading.furniture,
            interviewer=fields.interviewer,
            interviewee=fields.interviewee,
            responds_to=tuple(a for a, _ in fields.responds_to),
            title_from_capture=fields.title_from_capture,
            short_title=fields.short_title,
            dateline=_value(reading.fields.get("dateline")),
            former_ids=fields.former_ids,
            captured=fields.captured,
            updates=fields.updates,
            translates=fields.translates,
        )

    def _outlet_entity(self, name: str) -> str | None:
        return outlet_entity(name, self.outlet_entities)


def _many_askers(asks: str | None) -> str:
    """The warning on a question no name opens among the named askers of a press
    conference (see :func:`.speakers.unnamed_among_askers`)."""
    return (
        "the text names several askers (reporters' outlets) and this question none: it is "
        f"filed as the interviewer's, '{asks}'; if the source does not say who asks "
        "here, say 'interviewer: unnamed' (its questions are then no one's the archive names)"
    )


def _captured(
    captured: checks.Day | None,
    published: checks.Day,
    meta: Record,
    reading: Reading,
    problems: Problems,
    display: str,
) -> Published | None:
    """When the capture was made, at its precision; a warning when that is over a day
    before the article was published (a day: a capture's clock may be in another zone)."""
    if captured is None:
        return None
    made = Published(captured[0], precision=captured[1])
    if made.last_day.toordinal() < published[0].toordinal() - 1:  # (no day before the year 1)
        field = reading.fields.get("captured")
        where = (display, field.line) if field else (meta.display, meta.key_line("captured"))
        problems.warning(
            *where,
            f"captured: the capture was made on {made.day}, before the article was published "
            f"({Published(*published[:1], precision=published[1]).day}): one of the two dates "
            "is wrong",
        )
    return made


#: The one-line fields only the metadata gives, each a line of every list or citation of
#: the article (a short title, the origin's name), no longer than one the capture gives.
_ONE_LINE_ONLY_HERE = ("short_title", "origin", "original_name")


def _unnamed_roles(
    asker: tuple[str | None, str | None], answerer: tuple[str | None, str | None]
) -> tuple[str, ...]:
    """The roles (``interviewer``, ``interviewee``) the metadata says the source names no one
    for (``unnamed``, as given, and so read: no entity has that id)."""
    roles = (("interviewer", asker), ("interviewee", answerer))
    return tuple(role for role, (said, named) in roles if said == UNNAMED and named is None)


def _archivist_fields(
    meta: Record, ident: str
) -> tuple[dict[str, str | None], tuple[tuple[str, int], ...], tuple[str, ...]]:
    """What only the metadata says of an article: its texts (summary, short title, origin,
    original name), the articles it responds to (with their lines) and its former ids."""
    keys = ("short_title", "origin", "original_name", "updates")
    rest = {"summary": checks.prose(meta, "summary"), **{key: meta.text(key) for key in keys}}
    responds_to = meta.text_items("responds_to")
    return rest, responds_to, take_former_ids(meta, ident, urls.article)


def check_article_former_ids(
    articles: Sequence[Article], declared: Mapping[str, Path], problems: Problems
) -> None:
    """Each former id of an article (see :func:`.records.take_former_ids`) the id of no
    article now (``declared``: each id with its metadata file, else its capture) and of one
    article only; told in the metadata file that lists it."""
    taken: dict[str, str] = {}
    for a in sorted((a for a in articles if a.former_ids), key=lambda a: a.id):
        path = declared.get(a.id, Path(a.metadata_file or a.source_file))
        display = display_path(path)
        for old in a.former_ids:
            if old in declared:
                problems.error(
                    display,
                    _former_line(path, old),
                    f"former_ids: '{old}' is the id of the article {display_path(declared[old])}: "
                    "no id in use is a former id (both pages would be at one address)",
                )
            elif old in taken:
                problems.error(
                    display,
                    _former_line(path, old),
                    f"former_ids: '{old}' is already a former id of '{taken[old]}': its old page "
                    "can send readers on to one article only",
                )
            else:
                taken[old] = a.id


def _former_line(path: Path, old: str) -> int | None:
    """The line of the former id ``old`` in the metadata file ``path`` (read again: only a
    former id in error is looked for), or in a Markdown article's front matter."""
    if not path.name.endswith(META_SUFFIX):
        return front_former_line(path, old)
    tree = read_yaml(path, display_path(path), Problems())
    raw = tree.get("former_ids") if isinstance(tree, YMap) else None
    if isinstance(raw, YList):
        found = (n for v, n in zip(raw, raw.item_lines, strict=True) if str(v).strip() == old)
        return next(found, tree.key_lines.get("former_ids"))
    return tree.key_lines.get("former_ids") if isinstance(tree, YMap) else None


#: How ``origin:`` names an article of the archive, not an outlet: the one this article is
#: a translation of (``origin: article:2025-04-21-xinhua-interview``), as a summary links one.
TRANSLATED_FROM = "article:"


def translated_from(origin: str | None) -> str | None:
    """The id of the article an ``origin:`` of :data:`TRANSLATED_FROM` names, else None."""
    if origin is None or not origin.startswith(TRANSLATED_FROM):
        return None
    return origin[len(TRANSLATED_FROM) :].strip()


def check_translations(
    articles: Sequence[Article],
    declared: Mapping[str, Path],
    known: Collection[str],
    problems: Problems,
) -> None:
    """Each article's ``origin: article:ID`` names another article of the archive, published
    no later than it (a translation is made from words already published), that is no
    translation of it in turn; one in the article's own language is a warning (a copy in
    one language names its original's outlet as ``origin``)."""
    by_id = {a.id: a for a in articles}
    for a in sorted((a for a in articles if a.translates is not None), key=lambda a: a.id):
        error, warning = _translation_problem(a, by_id, known)
        if error or warning:
            path = declared.get(a.id, Path(a.metadata_file or a.source_file))
            report = problems.error if error else problems.warning
            report(display_path(path), _key_line(path, "origin"), f"origin: {error or warning}")


def _translation_problem(
    a: Article, by_id: Mapping[str, Article], known: Collection[str]
) -> tuple[str | None, str | None]:
    """What is wrong with ``a``'s ``origin: article:ID``: an error, else a warning; or
    neither."""
    ident = a.translates or ""
    original = by_id.get(ident)
    if not ident:
        return f"'{TRANSLATED_FROM}' names no article: give the id of the one translated", None
    if ident == a.id:
        return "an article is no translation of itself", None
    if original is None:  # one declared that did not load has its own problems told
        return (None if ident in known else checks.unknown_article(ident, known)), None
    if original.published.date > a.published.last_day:
        return (
            f"'{ident}' was published on {original.published.day}, after this article "
            f"({a.published.day}): a translation is made from words already published",
            None,
        )
    if original.translates == a.id:
        return f"'{ident}' says it is a translation of this article: only one is the original", None
    if original.language.split("-")[0].lower() == a.language.split("-")[0].lower():
        return None, (
            f"'{ident}' is in this article's language ({a.language}): a translation is in "
            "another; a copy names its original's outlet ('origin: OUTLET')"
        )
    return None, None


def check_responses(
    ident: str, responds_to: Sequence[tuple[str, int]], known: Collection[str]
) -> tuple[checks.Issue, ...]:
    """An article responds to other articles of the archive, never to itself."""
    issues = []
    for target, line in responds_to:
        if target not in known:
            issues.append(checks.Issue("responds_to", checks.unknown_article(target, known), line))
        elif target == ident:
            message = "an article cannot respond to itself"
            issues.append(checks.Issue("responds_to", message, line))
    return tuple(issues)


def check_updates(
    articles: Sequence[Article],
    declared: Mapping[str, Path],
    known: Collection[str],
    problems: Problems,
) -> None:
    """Each article's ``updates`` (an earlier capture of its story) names another article of
    the archive, none later in a chain that leads back to it (a ring, told once, in the file
    of its first id); the same outlet's (a warning: another outlet's copy of a story is told
    by its ``origin``), captured before it when both say when."""
    by_id = {a.id: a for a in articles}
    rings = update_rings(by_id)
    for a in sorted(articles, key=lambda a: a.id):
        if a.updates is None:
            continue
        ring = rings.get(a.id)
        if ring is not None:
            if ring[0] != a.id:
                continue  # told once, in the file of the ring's first id
            loop = " -> ".join([*ring, a.id])
            error: str | None = (
                f"the captures update one another in a ring ({loop}): the first updates none"
            )
            warning = None
        else:
            error, warning = _updates_problem(a, by_id, known)
        if error or warning:
            path = declared.get(a.id, Path(a.metadata_file or a.source_file))
            report = problems.error if error else problems.warning
            report(display_path(path), _key_line(path, "updates"), f"updates: {error or warning}")


def update_rings(by_id: Mapping[str, Article]) -> dict[str, tuple[str, ...]]:
    """Each article of a ring of two or more captures that update one another (``a`` updates
    ``b``, ..., which updates ``a``), with its ring as followed from the ring's first id.
    Each article is walked from once: a chain of thousands is read in linear time."""
    rings: dict[str, tuple[str, ...]] = {}
    seen: set[str] = set()
    for start in sorted(by_id):
        walk: dict[str, int] = {}  # the articles of this walk, in order
        at: str | None = start
        while at is not None and at in by_id and at not in seen and at not in walk:
            walk[at] = len(walk)
            at = by_id[at].updates
        if at is not None and at in walk and len(walk) - walk[at] > 1:
            ring = list(walk)[walk[at] :]
            first = ring.index(min(ring))
            found = (*ring[first:], *ring[:first])
            rings.update(dict.fromkeys(found, found))
        seen.update(walk)
    return rings


def _updates_problem(
    a: Article, by_id: Mapping[str, Article], known: Collection[str]
) -> tuple[str | None, str | None]:
    """What is wrong with ``a``'s ``updates`` (in no ring: see :func:`update_rings`): an
    error, else a warning; or neither."""
    earlier = by_id.get(a.updates or "")
    if a.updates == a.id:
        return "an article is no later capture of itself", None
    if earlier is None:  # one declared that did not load has its own problems told
        return (
            None if a.updates in known else checks.unknown_article(a.updates or "", known)
        ), None
    entity_of = {c.outlet: c.publisher_entity for c in (earlier, a)}.get
    if not same_outlet(earlier.outlet, a.outlet, entity_of):
        why = (
            f"'{earlier.id}' is {earlier.outlet}'s, this {a.outlet}'s: a later capture is of "
            "the same outlet's page (another outlet's copy of a story names it as 'origin')"
        )
        return None, why
    if a.captured and earlier.captured and a.captured.last_day < earlier.captured.date:
        when = f"{a.captured.day}, before '{earlier.id}' ({earlier.captured.day})"
        return None, f"this capture was made on {when}: which is the later?"
    return None, None


def _key_line(path: Path, key: str) -> int | None:
    """The line of ``key`` in an article's metadata file (or a Markdown article's front
    matter) ``path``, read again: only for a value in error."""
    if not path.name.endswith(META_SUFFIX):
        return front_key_line(path, key)
    tree = read_yaml(path, display_path(path), Problems())
    return tree.key_lines.get(key) if isinstance(tree, YMap) else None


def outlet_entity(name: str, table: Mapping[str, str]) -> str | None:
    """The organisation an outlet's name names (``table``: :func:`outlet_entities`): one of
    its names, else the news agency it is one name of ("新华网", Xinhua's site, names the
    entity "Xinhua News Agency": its stories in Chinese and in English are one voice, not
    two lines of evidence)."""
    found = table.get(normalise_text(name).casefold())
    if found is None and (group := agency_of(name)) is not None:
        found = table.get(f"{_AGENCY_KEY}{group}")
    return found


def _agency_named(names: Iterable[str]) -> int | None:
    """The news agency an organisation's names name (see ``agency_of``), when they all name
    it but acronyms ("TASS" alone, "Xinhua News Agency" and "Xinhua"); never when one names
    something else ("American Airlines" with "AA", "Anadolu Group" with "Anadolu"): many
    bodies bear a short name an agency bears too."""
    groups = {agency_of(n) for n in names if not _acronym(n)}
    if not groups:
        groups = {agency_of(n) for n in names}
    return next(iter(groups)) if len(groups) == 1 else None


def _acronym(name: str) -> bool:
    """Whether a name is letters in capitals alone ("AA", "PTI", "CNS")."""
    return len(name) <= 5 and name.isupper() and name.isalpha()


#: Where :func:`outlet_entities` keeps the organisation a news agency's names name.
_AGENCY_KEY = "\0agency:"


def outlet_entities(entities: Iterable[Entity]) -> dict[str, str]:
    """The organisations' names and aliases (normalised, case-folded) and their ids; and,
    under :data:`_AGENCY_KEY` and the agency's number (see ``agency_of``), the one
    organisation whose names name a news agency the readers know (see
    :func:`_agency_named`), when only one does."""
    out: dict[str, str] = {}
    agencies: dict[int, set[str]] = {}
    for e in entities:
        if e.type != "organisation":
            continue
        for n in e.names:
            out[normalise_text(n).casefold()] = e.id
        group = _agency_named(e.names)
        if group is not None:
            agencies.setdefault(group, set()).add(e.id)
    for group, ids in agencies.items():
        if len(ids) == 1:
            out[f"{_AGENCY_KEY}{group}"] = next(iter(ids))
    return out


_KIND = "articles"


class _Uncached(enum.Enum):
    """An article the cache does not hold."""

    UNCACHED = enum.auto()


_UNCACHED = _Uncached.UNCACHED
#: An article as read (see :meth:`_ArticleReader.fresh`): the article (None: it did not
#: load), the articles it responds to (with their lines), its cache key, whether reading
#: it raised no problem at all, and its mentions of the entities.
_Fresh = tuple[
    Article | None, tuple[tuple[str, int], ...] | None, str | None, bool, ArticleMentions | None
]


def _valid_entry(
    entry: object, files: ArticleFiles
) -> tuple[Article, tuple[tuple[str, int], ...]] | None:
    """A cached article, if it is one and stands for ``files`` (a cache is never trusted)."""
    if not (isinstance(entry, tuple) and len(entry) == 2 and isinstance(entry[0], Article)):
        return None
    article, responds_to = entry
    # Both files are in content/articles/ (see :func:`discover_articles`): their paths
    # from ``content`` are put together without a path object each.
    meta = f"{ARTICLES_DIR}/{files.meta.name}" if files.meta else None
    if (
        article.id != files.ident
        or article.source_file != f"{ARTICLES_DIR}/{files.source.name}"
        or article.metadata_file != meta
        or not isinstance(responds_to, tuple)
        or not all(isinstance(r, tuple) and len(r) == 2 for r in responds_to)
    ):
        return None
    return article, responds_to


class LoadedArticles(NamedTuple):
    """What :func:`load_articles` found."""

    articles: tuple[Article, ...]  # newest first
    broken: frozenset[str]  # the ids of the articles that did not load
    #: With a cache, each loaded article's cache key: a hash of everything it was read from,
    #: so that what was computed from an article can be kept under it.
    keys: Mapping[str, str]
    #: The mentions of the entities in each article read (not taken from the cache), by id.
    mentions: Mapping[str, ArticleMentions]


def load_articles(
    content: Path,
    language: str,
    entities: Sequence[Entity],
    problems: Problems,
    cache: RecordCache | None = None,
    jobs: int = 1,
    *,
    unloaded: Collection[str] | None = (),
) -> LoadedArticles:
    """The articles that loaded, newest first, and the ids of those that did not; those not
    in ``cache`` read by two processes at once when ``jobs`` is above 1 (see :mod:`.split`).
    ``unloaded``: the ids of the entities declared with a problem of their own (see
    :func:`.records.not_loaded`), whom an interviewer or interviewee may name; None when
    ``entities.yaml`` did not parse: then no interviewer or interviewee is told unknown."""
    entity_ids = None if unloaded is None else checks.entity_ids(entities, unloaded)
    context = digest(language, repr(tuple(entities)), repr(unloaded and sorted(unloaded)))
    reader = _ArticleReader(
        content, language, entity_ids, outlet_entities(entities), problems, cache, context, entities
    )
    files, orphans = discover_articles(content, problems)
    articles = [a for a in reader.read_all(files, jobs) if a is not None]
    broken = frozenset(({f.ident for f in files} | orphans) - {a.id for a in articles})
    declared = {f.ident: f.meta or f.source for f in files}
    check_article_former_ids(articles, declared, problems)
    known = Ids({a.id for a in articles} | set(declared), checks.former_of(articles))
    for f in files:
        for issue in check_responses(f.ident, reader.responds_to.get(f.ident, ()), known):
            problems.error(
                display_path(f.meta or f.source), issue.line, f"{issue.key}: {issue.message}"
            )
    check_updates(articles, declared, known, problems)
    check_translations(articles, declared, known, problems)
    newest_first = sorted(articles, key=lambda a: (a.published.sort_key, a.id), reverse=True)
    return LoadedArticles(tuple(newest_first), broken, reader.keys, reader.mentions)
