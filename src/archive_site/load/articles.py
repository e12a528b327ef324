"""Reading one article: its capture and metadata (or Markdown and front matter), merged."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import cast

from ..errors import Problems, display_path
from ..model import (
    ARTICLE_KINDS,
    Article,
    ArticleKind,
    ChainLink,
    Entity,
    Paragraph,
    Published,
    Turn,
)
from ..readers import REGISTRY, Field, Reading, decode, detect_format, read_text
from ..text import (
    normalise_text,
)
from ..yamlsrc import Record, read_yaml
from .discover import ArticleFiles, discover_articles

_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_TZ = re.compile(r"^[+-](0\d|1[0-4]):[0-5]\d$|^Z$")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


META_KEYS_FROM_CAPTURE = ("title", "published", "time", "section", "author", "outlet")


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

    def read(self, files: ArticleFiles) -> Article | None:
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
            fmt = meta_rec.text("format") or detect_format(text, files.source.name)
            if fmt not in REGISTRY or not REGISTRY[fmt].capture:
                captures = (f.name for f in REGISTRY.values() if f.capture)
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
        files: ArticleFiles,
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
