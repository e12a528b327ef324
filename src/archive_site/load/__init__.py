"""Load the content folder into one validated, immutable :class:`~archive_site.model.Archive`.

Everything is discovered in sorted order and read before anything is
checked across files; every problem of the run is collected, and the
archive is returned only when there are none (warnings aside).

Content layout::

    content/site.yaml                 site settings
    content/entities.yaml             people, organisations, places, ...
    content/topics.yaml               the topics milestones are filed under
    content/milestones.yaml           the curated timeline
    content/pages/*.md                hand-written pages (the method, "About")
    content/articles/ID.capture.txt   a captured article, byte for byte
    content/articles/ID.meta.yaml     the archivist's metadata for it
    content/articles/ID.md            an article written or pasted by hand
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple, TypeVar, cast

from .. import urls
from ..config import load_config
from ..dates import DateError, parse_edtf
from ..errors import ArchiveError, Problems, display_path
from ..model import (
    ARTICLE_KINDS,
    ENTITY_TYPES,
    MILESTONE_STATUSES,
    Archive,
    Article,
    ArticleKind,
    ChainLink,
    Citation,
    Entity,
    Links,
    Mention,
    Milestone,
    Page,
    Paragraph,
    Published,
    Related,
    Source,
    Topic,
    Turn,
)
from ..readers import FORMATS, Field, Reading, decode, detect_format, read_text
from ..text import (
    NameFinder,
    Normalised,
    find_all,
    longest_matching_prefix,
    normalise,
    normalise_text,
)
from ..yamlsrc import Record, YList, parse_yaml, read_yaml

ID_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_TZ = re.compile(r"^[+-](0\d|1[0-4]):[0-5]\d$|^Z$")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
RESERVED_PAGE_IDS = frozenset({"index", "timeline", "404", "sitemap", "feed", "robots"})

CAPTURE_SUFFIX = ".capture.txt"
META_SUFFIX = ".meta.yaml"
META_KEYS_FROM_CAPTURE = ("title", "published", "time", "section", "author", "outlet")

K = TypeVar("K")
V = TypeVar("V")


def _freeze(mapping: Mapping[K, Iterable[V]]) -> Mapping[K, tuple[V, ...]]:
    return MappingProxyType(
        {k: tuple(v) for k, v in sorted(mapping.items(), key=lambda kv: str(kv[0]))}
    )


def _id_error(value: str) -> str:
    return (
        f"'{value}' is not a valid id "
        "(lower-case letters, digits and hyphens, e.g. 'sco-summit-2024')"
    )


# --- entities and topics ----------------------------------------------------


def _load_list(path: Path, problems: Problems, what: str) -> tuple[str, list[Record]]:
    display = display_path(path)
    data = read_yaml(path, display, problems)
    if data is None:
        return display, []
    if not isinstance(data, YList):
        problems.error(display, 1, f"expected a list of {what}s (each item starting with '- id:')")
        return display, []
    out = []
    for item, line in zip(data, data.item_lines, strict=True):
        rec = Record.of(item, line, display, problems, what)
        if rec is not None:
            out.append(rec)
    return display, out


def _take_id(rec: Record, seen: dict[str, int]) -> str | None:
    ident = rec.text("id", required=True)
    if ident is None:
        return None
    if not ID_PATTERN.match(ident):
        rec.error("id", _id_error(ident))
        return None
    if ident in seen:
        rec.error("id", f"duplicate id '{ident}' (first used on line {seen[ident]})")
        return None
    seen[ident] = rec.key_line("id")
    return ident


def load_entities(content: Path, problems: Problems) -> tuple[Entity, ...]:
    display, records = _load_list(content / "entities.yaml", problems, "entity")
    seen: dict[str, int] = {}
    names: dict[str, tuple[str, int]] = {}
    out: list[Entity] = []
    for rec in records:
        ident = _take_id(rec, seen)
        name = rec.text("name", required=True)
        etype = rec.text("type", required=True)
        aliases = rec.text_items("aliases")
        description = rec.text("description")
        rec.finish()
        if etype is not None and etype not in ENTITY_TYPES:
            rec.error("type", f"'{etype}' is not one of: {', '.join(ENTITY_TYPES)}")
            etype = None
        if ident is None or name is None or etype is None:
            continue
        for alias, line in ((name, rec.key_line("name")), *aliases):
            key = normalise_text(alias).casefold()
            if key in names and names[key][0] != ident:
                other, other_line = names[key]
                problems.error(
                    display,
                    line,
                    f"the name '{alias}' is already used by entity '{other}' (line {other_line})",
                )
            names.setdefault(key, (ident, line))
        out.append(
            Entity(
                id=ident,
                name=name,
                type=etype,
                aliases=tuple(dict.fromkeys(a for a, _ in aliases if a != name)),
                description=description,
                line=rec.line,
            )
        )
    order = {t: n for n, t in enumerate(ENTITY_TYPES)}
    return tuple(sorted(out, key=lambda e: (order[e.type], e.name.casefold(), e.id)))


def load_topics(content: Path, problems: Problems) -> tuple[Topic, ...]:
    _, records = _load_list(content / "topics.yaml", problems, "topic")
    seen: dict[str, int] = {}
    out: list[Topic] = []
    for rec in records:
        ident = _take_id(rec, seen)
        title = rec.text("title", required=True)
        description = rec.text("description", required=True)
        rec.finish()
        if ident and title and description:
            out.append(Topic(ident, title, description, rec.line))
    return tuple(sorted(out, key=lambda t: (t.title.casefold(), t.id)))


# --- articles ---------------------------------------------------------------


class _ArticleFiles(NamedTuple):
    """The files of one article: its capture (or Markdown file) and its metadata."""

    ident: str
    source: Path  # the capture or the Markdown file
    meta: Path | None  # None for Markdown articles (front matter instead)


def discover_articles(content: Path, problems: Problems) -> tuple[list[_ArticleFiles], set[str]]:
    """The articles' files, and the ids of metadata files whose capture is missing."""
    folder = content / "articles"
    if not folder.is_dir():
        problems.error(
            display_path(folder), None, "folder not found: articles live in content/articles/"
        )
        return [], set()
    found: list[_ArticleFiles] = []
    orphans: set[str] = set()
    names = sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))
    for name in names:
        path = folder / name
        if name.endswith(CAPTURE_SUFFIX):
            ident = name[: -len(CAPTURE_SUFFIX)]
            meta = folder / f"{ident}{META_SUFFIX}"
            if not meta.is_file():
                problems.error(
                    display_path(path),
                    None,
                    f"capture has no metadata file: expected {display_path(meta)} beside it",
                )
                continue
            found.append(_ArticleFiles(ident, path, meta))
        elif name.endswith(META_SUFFIX):
            ident = name[: -len(META_SUFFIX)]
            if not (folder / f"{ident}{CAPTURE_SUFFIX}").is_file():
                orphans.add(ident)
                problems.error(
                    display_path(path),
                    None,
                    f"capture not found: expected {ident}{CAPTURE_SUFFIX} "
                    "beside this metadata file",
                )
        elif name.endswith(".md"):
            found.append(_ArticleFiles(name[:-3], path, None))
        else:
            problems.error(
                display_path(path),
                None,
                "not an article file: captures are ID.capture.txt with ID.meta.yaml beside them, "
                "hand-written articles are ID.md",
            )
    for files in found:
        if not ID_PATTERN.match(files.ident):
            problems.error(display_path(files.source), None, f"file name: {_id_error(files.ident)}")
    return [f for f in found if ID_PATTERN.match(f.ident)], orphans


def _same(key: str, a: str, b: str) -> bool:
    if key == "published":
        return a == b
    return normalise_text(a).casefold() == normalise_text(b).casefold()


class _ArticleReader:
    """Reads one article: capture + metadata, or a Markdown file with front matter."""

    def __init__(
        self,
        content: Path,
        language: str,
        entity_ids: set[str],
        outlet_entities: Mapping[str, str],
        problems: Problems,
    ) -> None:
        self.content = content
        self.language = language
        self.entity_ids = entity_ids
        self.outlet_entities = outlet_entities
        self.problems = problems
        self.responds_to: dict[str, tuple[tuple[str, int], ...]] = {}

    def read(self, files: _ArticleFiles) -> Article | None:
        problems = self.problems
        display = display_path(files.source)
        try:
            data = files.source.read_bytes()
        except OSError as exc:
            problems.error(display, None, f"cannot read: {exc.strerror}")
            return None
        text = decode(data, display, problems)
        if text is None:
            return None
        meta_rec: Record | None
        if files.meta is not None:
            meta_display = display_path(files.meta)
            raw = read_yaml(files.meta, meta_display, problems)
            if raw is None:
                return None
            meta_rec = Record.of(raw, 1, meta_display, problems, "metadata")
            if meta_rec is None:
                return None
            fmt = meta_rec.text("format") or detect_format(text)
            if fmt not in FORMATS or fmt == "markdown":
                meta_rec.error(
                    "format",
                    f"'{fmt}' is not a capture format "
                    f"({', '.join(f for f in FORMATS if f != 'markdown')})",
                )
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
        return self._merge(files, data, reading, meta_rec, display)

    def _field(self, key: str, reading: Reading, meta: Record) -> tuple[str | None, bool]:
        """The value of ``key``: from the capture, else the metadata; disagreement is an error."""
        captured: Field | None = reading.fields.get(key)
        stated = meta.text(key)
        if captured is not None and stated is not None and not _same(key, captured.value, stated):
            meta.error(
                key,
                f"the metadata says {stated!r} but the capture says {captured.value!r} "
                f"(line {captured.line}); remove it here or correct it",
            )
        if captured is not None:
            return captured.value, True
        return stated, False

    def _merge(
        self,
        files: _ArticleFiles,
        data: bytes,
        reading: Reading,
        meta: Record,
        display: str,
    ) -> Article | None:
        problems = self.problems
        ok = True
        values: dict[str, str | None] = {}
        from_capture: dict[str, bool] = {}
        for key in META_KEYS_FROM_CAPTURE:
            values[key], from_capture[key] = self._field(key, reading, meta)

        def missing(key: str, hint: str) -> None:
            nonlocal ok
            ok = False
            where = "the capture does not say" if files.meta is not None else "not given"
            # On the line of the key when it is there but empty (as `archive-site add` writes it).
            line = meta.key_line(key)
            message = f"{key}: {where}; add '{key}: {hint}' to {meta.display}"
            problems.error(meta.display, line, message)

        title, published_s, outlet = values["title"], values["published"], values["outlet"]
        if not title:
            missing("title", "...")
        if not outlet:
            missing("outlet", "...")
        published: dt.date | None = None
        if not published_s:
            missing("published", "YYYY-MM-DD")
        elif not _ISO_DAY.match(published_s):
            meta.error("published", f"expected a day as YYYY-MM-DD, got {published_s!r}")
            ok = False
        else:
            try:
                published = dt.date.fromisoformat(published_s)
            except ValueError:
                meta.error("published", f"{published_s!r} is not a real date")
                ok = False
        time = values["time"]
        if time is not None and not _TIME.match(time):
            meta.error("time", f"expected HH:MM (24-hour), got {time!r}")
            ok = False
        timezone = meta.text("timezone")
        if timezone is not None and not _TZ.match(timezone):
            meta.error("timezone", f"expected an offset such as +04:00, got {timezone!r}")
            ok = False

        detected_kind = reading.fields.get("kind")
        kind = meta.text("kind")
        if kind is None and detected_kind is not None:
            kind = detected_kind.value
        if kind is None:
            missing("kind", " or ".join(ARTICLE_KINDS))
        elif kind not in ARTICLE_KINDS:
            meta.error("kind", f"'{kind}' is not one of: {', '.join(ARTICLE_KINDS)}")
            ok = False
        elif detected_kind is not None and kind != detected_kind.value:
            meta.error(
                "kind",
                f"the metadata says '{kind}' but the capture is an {detected_kind.value} "
                f"(question and answer turns from line {detected_kind.line})",
            )
            ok = False

        interviewer = meta.text("interviewer")
        interviewee = meta.text("interviewee")
        for key, value in (("interviewer", interviewer), ("interviewee", interviewee)):
            if value is not None and value not in self.entity_ids:
                meta.error(key, f"unknown entity '{value}' (see entities.yaml)")
                ok = False
        has_turns = any(b.turn for b in reading.blocks)
        if kind == "interview":
            if not has_turns:
                meta.error(
                    "kind",
                    "an interview needs question and answer turns: paragraphs opening with "
                    "'- ' (alternating) or 'Q:' and 'A:'",
                )
                ok = False
            if interviewer is None:
                missing("interviewer", "ENTITY-ID")
            if interviewee is None:
                missing("interviewee", "ENTITY-ID")

        language = meta.text("language") or self.language
        url = meta.text("url")
        if url is not None and not re.match(r"^https?://\S+$", url):
            meta.error("url", f"expected an http(s) URL, got {url!r}")
            ok = False
        summary = meta.text("summary")
        short_title = meta.text("short_title") or title or ""
        origin = meta.text("origin")
        original_name = meta.text("original_name")
        responds_to = meta.text_items("responds_to")
        meta.finish()

        if not reading.blocks:
            problems.error(display, None, "no article text found")
            ok = False
        if not ok or title is None or outlet is None or published is None or kind is None:
            return None

        paragraphs: list[Paragraph] = []
        turns: dict[int, list[str]] = {}
        turn_roles: dict[int, str] = {}
        for number, block in enumerate(reading.blocks, start=1):
            pid = f"p{number}"
            speaker = None
            if block.turn is not None:
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
            )
            for n, pids in sorted(turns.items())
        )

        chain: list[ChainLink] = []
        if origin:
            chain.append(ChainLink(origin, "original", self._outlet_entity(origin)))
        via = reading.fields.get("via")
        if via is not None:
            chain.append(ChainLink(via.value, "via", self._outlet_entity(via.value)))
        chain.append(ChainLink(outlet, "publisher", self._outlet_entity(outlet)))
        agg = reading.fields.get("aggregator")
        if agg is not None:
            chain.append(ChainLink(agg.value, "aggregator", self._outlet_entity(agg.value)))

        rel = files.source.relative_to(self.content).as_posix()
        meta_rel = files.meta.relative_to(self.content).as_posix() if files.meta else None
        self.responds_to[files.ident] = tuple(responds_to)
        return Article(
            id=files.ident,
            title=title,
            published=Published(published, time, timezone),
            outlet=outlet,
            chain=tuple(chain),
            author=values["author"],
            kind=cast(ArticleKind, kind),
            section=values["section"],
            language=language,
            url=url,
            summary=summary,
            format=reading.format,
            source_file=rel,
            metadata_file=meta_rel,
            original_name=original_name,
            sha256=hashlib.sha256(data).hexdigest(),
            size=len(data),
            paragraphs=tuple(paragraphs),
            turns=turn_records,
            furniture=reading.furniture,
            interviewer=interviewer,
            interviewee=interviewee,
            responds_to=tuple(a for a, _ in responds_to),
            title_from_capture=from_capture["title"],
            short_title=short_title,
        )

    def _outlet_entity(self, name: str) -> str | None:
        return self.outlet_entities.get(normalise_text(name).casefold())


def load_articles(
    content: Path, language: str, entities: Sequence[Entity], problems: Problems
) -> tuple[tuple[Article, ...], frozenset[str]]:
    """The articles that loaded, newest first, and the ids of those that did not."""
    outlet_entities = {
        normalise_text(n).casefold(): e.id
        for e in entities
        if e.type == "organisation"
        for n in e.names
    }
    reader = _ArticleReader(content, language, {e.id for e in entities}, outlet_entities, problems)
    files, orphans = discover_articles(content, problems)
    articles = [a for a in (reader.read(f) for f in files) if a is not None]
    broken = frozenset(({f.ident for f in files} | orphans) - {a.id for a in articles})
    known = {a.id for a in articles} | {f.ident for f in files}
    for f in files:
        for target, line in reader.responds_to.get(f.ident, ()):
            if target not in known:
                shown = display_path(f.meta or f.source)
                problems.error(shown, line, f"responds_to: unknown article '{target}'")
            elif target == f.ident:
                problems.error(
                    display_path(f.meta or f.source),
                    line,
                    "responds_to: an article cannot respond to itself",
                )
    newest_first = sorted(
        articles, key=lambda a: (a.published.date, a.published.time or "", a.id), reverse=True
    )
    return tuple(newest_first), broken


# --- milestones -------------------------------------------------------------


class _QuoteIndex:
    """Normalised paragraphs and furniture of every article, computed once."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self.paragraphs: dict[str, list[tuple[Paragraph, Normalised]]] = {
            a.id: [(p, normalise(p.text)) for p in a.paragraphs] for a in articles
        }
        self.furniture: dict[str, list[str]] = {
            a.id: [normalise_text(f.text) for f in a.furniture] for a in articles
        }

    def locate(
        self, article: str, quote: str, prefix: str | None, suffix: str | None
    ) -> tuple[Paragraph, int, int] | str:
        """The paragraph and span of a quote, or the reason it cannot be located."""
        needle = normalise_text(quote)
        if not needle:
            return "the quote is empty"
        pre = normalise_text(prefix) if prefix else ""
        suf = normalise_text(suffix) if suffix else ""
        hits: list[tuple[Paragraph, int, int]] = []
        unqualified = 0
        for para, norm in self.paragraphs[article]:
            for i in find_all(norm.text, needle):
                unqualified += 1
                if pre and not norm.text[:i].rstrip().endswith(pre):
                    continue
                if suf and not norm.text[i + len(needle) :].lstrip().startswith(suf):
                    continue
                start, end = norm.span(i, i + len(needle))
                hits.append((para, start, end))
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            where = ", ".join(dict.fromkeys(h[0].id for h in hits))
            return (
                f"the quote occurs {len(hits)} times in '{article}' ({where}); "
                "add 'prefix:' or 'suffix:' (the words just before or after it) to say which"
            )
        if unqualified:
            return "the quote occurs in the article, but not with the given prefix/suffix"
        if any(needle in f for f in self.furniture[article]):
            return (
                f"the quote is found only in the page furniture of '{article}' (the sidebar, "
                "news list or navigation the capture caught), not in the article's text"
            )
        texts = [n.text for _, n in self.paragraphs[article]]
        matched, which = longest_matching_prefix(texts, needle)
        if matched == 0:
            return f"the quote is not in the text of '{article}'"
        para = self.paragraphs[article][which][0]
        text = texts[which]
        at = text.find(needle[:matched]) + matched
        if at >= len(text):
            return (
                f"the quote is not in the text of '{article}': its first {matched} characters end "
                f"paragraph {para.id} and a quote cannot run across paragraphs"
            )
        return (
            f"the quote is not in the text of '{article}': the first {matched} characters match "
            f"paragraph {para.id}, then the quote has {needle[matched : matched + 24]!r} "
            f"where the text has {text[at : at + 24]!r}"
        )


def load_milestones(
    content: Path,
    articles: Sequence[Article],
    entities: Sequence[Entity],
    topics: Sequence[Topic],
    problems: Problems,
    broken: Collection[str] = (),
) -> tuple[Milestone, ...]:
    display, records = _load_list(content / "milestones.yaml", problems, "milestone")
    article_ids = {a.id for a in articles}
    entity_ids = {e.id for e in entities}
    topic_ids = {t.id for t in topics}
    index = _QuoteIndex(articles)
    seen: dict[str, int] = {}
    out: list[Milestone] = []
    for rec in records:
        ident = _take_id(rec, seen)
        date_text = rec.text("date", required=True)
        date = None
        if date_text is not None:
            try:
                date = parse_edtf(date_text)
            except DateError as exc:
                rec.error("date", str(exc))
        date_note = rec.text("date_note")
        title = rec.text("title", required=True)
        summary = rec.text("summary", required=True)
        status = rec.text("status") or "happened"
        if status not in MILESTONE_STATUSES:
            rec.error("status", f"'{status}' is not one of: {', '.join(MILESTONE_STATUSES)}")
        topic_items = rec.text_items("topics")
        if not topic_items:
            rec.error(None, "milestone: give at least one topic under 'topics:'")
        for topic, line in topic_items:
            if topic not in topic_ids:
                problems.error(display, line, f"topics: unknown topic '{topic}' (see topics.yaml)")
        entity_items = rec.text_items("entities")
        for entity, line in entity_items:
            if entity not in entity_ids:
                problems.error(
                    display, line, f"entities: unknown entity '{entity}' (see entities.yaml)"
                )
        sources: list[Source] = []
        source_recs = rec.records("sources", required=True, what="source")
        for src in source_recs:
            article = src.text("article", required=True)
            quote = src.text("quote", required=True)
            prefix = src.text("prefix")
            suffix = src.text("suffix")
            src.finish()
            if article is None or quote is None:
                continue
            if article in broken:
                src.error("article", f"article '{article}' did not load (its problems are listed)")
                continue
            if article not in article_ids:
                src.error("article", f"unknown article '{article}' (see content/articles/)")
                continue
            found = index.locate(article, quote, prefix, suffix)
            if isinstance(found, str):
                src.error("quote", found)
                continue
            para, start, end = found
            sources.append(
                Source(article, quote, para.id, start, end, prefix, suffix, src.key_line("quote"))
            )
        rec.finish()
        if date is not None and not date_note:
            years = {str(y) for y in date.years()}
            quotes = " ".join(s.quote for s in sources)
            if sources and not any(y in quotes for y in years):
                rec.error(
                    "date",
                    f"no quote states the year ({', '.join(sorted(years))}); say how the date was "
                    "inferred in 'date_note:'",
                )
        if date is not None and date.kind in ("before", "after") and not date_note:
            rec.error(
                "date_note",
                "a date known only as a bound ('by ...', 'after ...') needs a note saying why",
            )
        if (
            ident is None
            or date is None
            or title is None
            or summary is None
            or status not in MILESTONE_STATUSES
            or len(sources) != len(source_recs)
            or not sources
        ):
            continue
        out.append(
            Milestone(
                id=ident,
                date=date,
                title=title,
                summary=summary,
                topics=tuple(t for t, _ in topic_items),
                entities=tuple(dict.fromkeys(e for e, _ in entity_items)),
                sources=tuple(sources),
                status=status,
                date_note=date_note,
                line=rec.line,
                summary_line=rec.key_line("summary"),
            )
        )
    return tuple(sorted(out, key=lambda m: (m.date.sort_key(), m.id)))


# --- pages ------------------------------------------------------------------


def load_pages(content: Path, problems: Problems) -> tuple[Page, ...]:
    folder = content / "pages"
    if not folder.is_dir():
        return ()
    pages: list[Page] = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        display = display_path(path)
        if path.suffix != ".md":
            problems.error(display, None, "not a page: pages are Markdown files, NAME.md")
            continue
        ident = path.stem
        if not ID_PATTERN.match(ident) or ident in RESERVED_PAGE_IDS:
            problems.error(
                display,
                None,
                f"file name: {_id_error(ident)}; and not one of {sorted(RESERVED_PAGE_IDS)}",
            )
            continue
        text = decode(path.read_bytes(), display, problems)
        if text is None:
            continue
        lines = text.split("\n")
        if not lines or lines[0].strip() != "---":
            problems.error(
                display,
                1,
                "front matter: a page starts with '---', then 'title:' and 'description:'",
            )
            continue
        close = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
        if close is None:
            problems.error(display, 1, "front matter: opening '---' has no closing '---'")
            continue
        data: Any = parse_yaml("\n".join(lines[1:close]), display, problems, first_line=2)
        rec = Record.of(data, 2, display, problems, "front matter") if data is not None else None
        if rec is None:
            continue
        title = rec.text("title", required=True)
        description = rec.text("description", required=True)
        menu = rec.text("menu")
        rec.finish()
        if title and description:
            body = "\n".join(lines[close + 1 :])
            rel = path.relative_to(content).as_posix()
            pages.append(Page(ident, title, description, body, rel, menu or title, close + 2))
    return tuple(pages)


# --- links inside Markdown --------------------------------------------------

_LINK = re.compile(r"\]\((?P<scheme>[a-z]+):(?P<target>[^)\s]*)\)")
LINK_SCHEMES = ("milestone", "entity", "article", "topic", "year", "page", "site")


def check_links(
    text: str, display: str, line: int, known: Mapping[str, Iterable[str]], problems: Problems
) -> None:
    """Every ``[text](scheme:target)`` link in Markdown must name a record that exists."""
    for m in _LINK.finditer(text):
        scheme, target = m["scheme"], m["target"]
        if scheme not in LINK_SCHEMES:
            continue
        if target not in known[scheme]:
            where = line + text.count("\n", 0, m.start())
            choices = "" if scheme != "site" else f" (one of: {', '.join(sorted(known[scheme]))})"
            problems.error(display, where, f"link: unknown {scheme} '{target}'{choices}")


def check_all_links(
    content: Path,
    articles: Sequence[Article],
    milestones: Sequence[Milestone],
    entities: Sequence[Entity],
    topics: Sequence[Topic],
    pages: Sequence[Page],
    problems: Problems,
) -> None:
    years = {str(y) for m in milestones for y in m.date.years()}
    years |= {str(a.published.date.year) for a in articles}
    known: dict[str, set[str] | frozenset[str]] = {
        "milestone": {m.id for m in milestones},
        "entity": {e.id for e in entities},
        "article": {a.id for a in articles},
        "topic": {t.id for t in topics},
        "year": years,
        "page": {p.id for p in pages},
        "site": urls.SITE_TARGETS,
    }
    shown = display_path(content / "milestones.yaml")
    for m in milestones:
        check_links(m.summary, shown, m.summary_line, known, problems)
    for p in pages:
        check_links(p.body, display_path(content / p.source_file), p.body_line, known, problems)


# --- cross-links ------------------------------------------------------------


def compute_links(
    articles: Sequence[Article],
    milestones: Sequence[Milestone],
    entities: Sequence[Entity],
    topics: Sequence[Topic],
) -> Links:
    finder = NameFinder((name, e.id) for e in entities for name in e.names)
    mentions_by_paragraph: dict[tuple[str, str], list[Mention]] = {}
    mentions_by_entity: dict[str, list[Mention]] = defaultdict(list)
    articles_by_entity: dict[str, list[str]] = defaultdict(list)
    entities_by_article: dict[str, list[str]] = defaultdict(list)
    co: dict[str, Counter[str]] = defaultdict(Counter)
    for a in sorted(articles, key=lambda a: a.id):
        for p in a.paragraphs:
            found = [Mention(a.id, p.id, s, e, key) for s, e, key in finder.find(p.text)]
            if found:
                mentions_by_paragraph[(a.id, p.id)] = found
            here = sorted({m.entity for m in found})
            for m in found:
                mentions_by_entity[m.entity].append(m)
                if a.id not in articles_by_entity[m.entity]:
                    articles_by_entity[m.entity].append(a.id)
                    entities_by_article[a.id].append(m.entity)
            for x in here:
                for y in here:
                    if x != y:
                        co[x][y] += 1
    for ms in milestones:
        for x in ms.entities:
            for y in ms.entities:
                if x != y:
                    co[x][y] += 1

    citations_by_article: dict[str, list[Citation]] = defaultdict(list)
    citations_by_paragraph: dict[tuple[str, str], list[Citation]] = defaultdict(list)
    milestones_by_entity: dict[str, list[str]] = defaultdict(list)
    milestones_by_year: dict[int, list[str]] = defaultdict(list)
    milestones_by_topic: dict[str, list[str]] = defaultdict(list)
    articles_by_topic: dict[str, list[str]] = defaultdict(list)
    for ms in milestones:
        for n, s in enumerate(ms.sources):
            c = Citation(ms.id, n, s.article, s.paragraph)
            citations_by_article[s.article].append(c)
            citations_by_paragraph[(s.article, s.paragraph)].append(c)
        for e in ms.entities:
            milestones_by_entity[e].append(ms.id)
        for year in ms.date.years():
            milestones_by_year[year].append(ms.id)
        for t in ms.topics:
            milestones_by_topic[t].append(ms.id)
            for s in ms.sources:
                if s.article not in articles_by_topic[t]:
                    articles_by_topic[t].append(s.article)

    articles_by_year: dict[int, list[str]] = defaultdict(list)
    for a in articles:
        articles_by_year[a.published.date.year].append(a.id)

    related: dict[str, list[Related]] = {}
    cited_by: dict[str, set[str]] = {
        a.id: {c.milestone for c in citations_by_article.get(a.id, [])} for a in articles
    }
    milestone_order = {m.id: n for n, m in enumerate(milestones)}
    for a in articles:
        rel: list[Related] = []
        for b in articles:
            if a.id == b.id:
                continue
            reasons = []
            if b.id in a.responds_to:
                reasons.append("responds-to")
            if a.id in b.responds_to:
                reasons.append("responded-by")
            shared = sorted(cited_by[a.id] & cited_by[b.id], key=milestone_order.__getitem__)
            if shared:
                reasons.append("shared-milestones")
            if reasons:
                rel.append(Related(b.id, tuple(reasons), tuple(shared)))
        related[a.id] = rel

    # Order articles within each entity/topic newest first, as the archive lists them.
    article_order = {a.id: n for n, a in enumerate(articles)}
    for lists in (articles_by_entity, articles_by_topic):
        for key in lists:
            lists[key].sort(key=article_order.__getitem__)
    entity_names = {e.id: e.name.casefold() for e in entities}
    co_entities = {
        e: tuple(sorted(counts.items(), key=lambda kv: (-kv[1], entity_names.get(kv[0], kv[0]))))
        for e, counts in co.items()
    }
    return Links(
        citations_by_article=_freeze(citations_by_article),
        citations_by_paragraph=_freeze(citations_by_paragraph),
        mentions_by_paragraph=_freeze(mentions_by_paragraph),
        mentions_by_entity=_freeze(mentions_by_entity),
        articles_by_entity=_freeze(articles_by_entity),
        milestones_by_entity=_freeze(milestones_by_entity),
        milestones_by_year=_freeze(milestones_by_year),
        articles_by_year=_freeze(articles_by_year),
        milestones_by_topic=_freeze(milestones_by_topic),
        articles_by_topic=_freeze(articles_by_topic),
        related_articles=_freeze(related),
        co_entities=MappingProxyType(dict(sorted(co_entities.items()))),
        entities_by_article=_freeze(entities_by_article),
    )


# --- the whole archive ------------------------------------------------------


def load_archive(
    content: Path,
    *,
    base_url: str | None = None,
    problems: Problems | None = None,
    strict: bool = False,
) -> Archive:
    """Read and validate everything under ``content``; raise :class:`ArchiveError` on problems."""
    problems = problems if problems is not None else Problems()
    if not content.is_dir():
        problems.error(display_path(content), None, "content folder not found")
        raise ArchiveError(problems)
    config = load_config(content, problems)
    if config is not None and base_url:
        try:
            config = config.with_base_url(base_url)
        except ValueError as exc:
            problems.error("--base-url", None, str(exc))
    entities = load_entities(content, problems)
    topics = load_topics(content, problems)
    pages = load_pages(content, problems)
    language = config.language if config else "en"
    articles, broken = load_articles(content, language, entities, problems)
    milestones = load_milestones(content, articles, entities, topics, problems, broken)
    check_all_links(content, articles, milestones, entities, topics, pages, problems)
    problems.raise_if_errors(strict=strict)
    assert config is not None, "a missing or invalid site.yaml is always reported"
    links = compute_links(articles, milestones, entities, topics)
    return Archive(
        config=config,
        articles=articles,
        milestones=milestones,
        entities=entities,
        topics=topics,
        pages=pages,
        links=links,
        _articles=MappingProxyType({a.id: a for a in articles}),
        _milestones=MappingProxyType({m.id: m for m in milestones}),
        _entities=MappingProxyType({e.id: e for e in entities}),
        _topics=MappingProxyType({t.id: t for t in topics}),
    )
