"""The archive as data: JSON records, a TimelineJS file, and citations.

Files written under ``data/`` (documented by the JSON Schemas published
beside them and in the README):

``articles.json``, ``milestones.json``, ``entities.json``, ``topics.json``
    the records, as plain lists of objects;
``milestones.csv``
    one row per source quote, for spreadsheets;
``timeline.json``
    the milestones in TimelineJS's format, to load in that tool;
``citations.json``, ``citations.bib``, ``citations.ris``
    the articles as CSL-JSON (Zotero, citation processors), BibTeX and RIS.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from markupsafe import escape

from .. import urls
from ..model import Archive, Article, Entity, Milestone, Source, Topic
from .views import dependency_text

SCHEMAS = ("articles", "milestones", "entities", "topics")


def _dump(value: Any) -> bytes:
    """JSON with one record per line: valid JSON, diffable, and fast to write.

    (Indented output goes through the json module's pure-Python encoder; one
    compact line per record uses its C encoder.)
    """
    if isinstance(value, list):
        lines = ",\n".join(json.dumps(v, ensure_ascii=False) for v in value)
        return f"[\n{lines}\n]\n".encode()
    return (json.dumps(value, ensure_ascii=False) + "\n").encode("utf-8")


def article_record(a: Archive, art: Article) -> dict[str, Any]:
    return {
        "id": art.id,
        "title": art.title,
        "title_from_capture": art.title_from_capture,
        "short_title": art.short_title,
        "published": art.published.date.isoformat(),
        "time": art.published.time,
        "timezone": art.published.timezone,
        "outlet": art.outlet,
        "chain": [{"name": c.name, "role": c.role, "entity": c.entity} for c in art.chain],
        "author": art.author,
        "kind": art.kind,
        "section": art.section,
        "language": art.language,
        "url": art.url,
        "summary": art.summary,
        "format": art.format,
        "capture": urls.capture(art.file_name),
        "original_name": art.original_name,
        "sha256": art.sha256,
        "size": art.size,
        "interviewer": art.interviewer,
        "interviewee": art.interviewee,
        "responds_to": list(art.responds_to),
        "page": urls.article(art.id),
        "cited_by": list(
            dict.fromkeys(c.milestone for c in a.links.citations_by_article.get(art.id, ()))
        ),
        "entities": sorted(a.links.entities_by_article.get(art.id, ())),
        "paragraphs": [
            {
                "id": p.id,
                "role": p.role,
                "turn": p.turn,
                "speaker": p.speaker,
                "line": p.line,
                "text": p.text,
            }
            for p in art.paragraphs
        ],
        "turns": [
            {
                "number": t.number,
                "role": t.role,
                "speaker": t.speaker,
                "paragraphs": list(t.paragraph_ids),
            }
            for t in art.turns
        ],
    }


def speaker_name(a: Archive, s: Source) -> str:
    who = a.article(s.article).speaker_id(s.speaker)
    return a.entity(who).name if who in a.entity_ids else who


def source_record(a: Archive, s: Source) -> dict[str, Any]:
    return {
        "article": s.article,
        "paragraph": s.paragraph,
        "quote": s.quote,
        "prefix": s.prefix,
        "suffix": s.suffix,
        "speaker": a.article(s.article).speaker_id(s.speaker),
        "voice": s.voice,
        "url": urls.article(s.article) + "#" + urls.paragraph_fragment(s.paragraph),
    }


def milestone_record(a: Archive, m: Milestone) -> dict[str, Any]:
    evidence = a.evidence[m.id]
    return {
        "id": m.id,
        "date": m.date.edtf,
        "date_display": m.date.display(),
        "precision": m.date.precision,
        "date_kind": m.date.kind,
        "date_note": m.date_note,
        "inferred": m.inferred,
        "status": m.status,
        "title": m.title,
        "summary": m.summary,
        "topics": list(m.topics),
        "entities": list(m.entities),
        "sources": [source_record(a, s) for s in m.sources],
        "independent_sources": evidence.independent,
        "dependencies": [
            {
                "article": d.article,
                "depends_on": d.on,
                "reason": d.reason,
                "via": d.via,
                "text": dependency_text(a, d),
            }
            for d in evidence.dependencies
        ],
        "page": urls.milestone(m.id),
    }


CSV_COLUMNS = (
    "milestone",
    "date",
    "title",
    "article",
    "paragraph",
    "speaker",
    "voice",
    "quote",
    "url",
)
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str) -> str:
    """A cell a spreadsheet shows as text: one starting like a formula gets a leading quote."""
    return "'" + value if value.startswith(_FORMULA) else value


def milestones_csv(a: Archive) -> bytes:
    """One row per source quote; UTF-8 with a byte-order mark, so spreadsheets read it right."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for m in a.milestones:
        for s in m.sources:
            url = urls.absolute(
                a.config.base_url,
                f"{urls.article(s.article)}#{urls.paragraph_fragment(s.paragraph)}",
            )
            row = [m.id, m.date.edtf, m.title, s.article, s.paragraph]
            row += [speaker_name(a, s), s.voice, s.quote, url]
            writer.writerow([_cell(v) for v in row])
    return out.getvalue().encode("utf-8-sig")


def entity_record(a: Archive, e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "name": e.name,
        "type": e.type,
        "aliases": list(e.aliases),
        "description": e.description,
        "page": urls.entity(e.id),
        "milestones": list(a.links.milestones_by_entity.get(e.id, ())),
        "articles": list(a.links.articles_by_entity.get(e.id, ())),
        "mentions": len(a.links.mentions_by_entity.get(e.id, ())),
    }


def topic_record(a: Archive, t: Topic) -> dict[str, Any]:
    return {
        "id": t.id,
        "title": t.title,
        "description": t.description,
        "page": urls.topic(t.id),
        "milestones": list(a.links.milestones_by_topic.get(t.id, ())),
    }


def _timeline_date(year: int, month: int | None, day: int | None) -> dict[str, str]:
    out = {"year": str(year)}
    if month is not None:
        out["month"] = str(month)
    if day is not None:
        out["day"] = str(day)
    return out


def timelinejs(a: Archive, html: Callable[[str], str]) -> dict[str, Any]:
    """The milestones in TimelineJS's format.

    TimelineJS puts every text field into the page as HTML, so plain text is
    escaped and a summary is given as the HTML the site itself renders from its
    Markdown (escaped, with only checked links, absolute since the file is read
    elsewhere); ``html`` makes it.
    """
    events = []
    for m in a.milestones:
        d = m.date
        if d.kind in ("before", "after"):
            continue  # a bound is no start date: TimelineJS would plot it as one
        start = d.start or d.anchor
        event: dict[str, Any] = {
            "unique_id": m.id,
            "start_date": _timeline_date(start.year, start.month, start.day),
            "display_date": str(escape(d.display())),
            "text": {"headline": str(escape(m.title)), "text": html(m.summary)},
            "group": str(escape(a.topic(m.topics[0]).title)),
        }
        if d.kind == "interval" and d.end is not None:
            event["end_date"] = _timeline_date(d.end.year, d.end.month, d.end.day)
        events.append(event)
    left_out = sum(1 for m in a.milestones if m.date.kind in ("before", "after"))
    note = (
        f" {left_out} milestones known only as on or before or after a date are not plotted; "
        "data/milestones.json holds them."
        if left_out
        else ""
    )
    title = {
        "headline": str(escape(a.config.title)),
        "text": str(escape(a.config.description + note)),
    }
    return {"title": {"text": title}, "events": events}


def person_name(name: str) -> dict[str, str]:
    """A person's name for citation processors: family and given, so styles can invert and
    abbreviate it; a literal where the order is unclear (one word, particles, many words)."""
    words = name.split()
    plain = all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() for w in words)
    if plain and 2 <= len(words) <= 3:
        return {"family": words[-1], "given": " ".join(words[:-1])}
    return {"literal": name}


def _agent(a: Archive, eid: str) -> dict[str, str]:
    e = a.entity(eid)
    return person_name(e.name) if e.type == "person" else {"literal": e.name}


def cited_copy(art: Article) -> str:
    """The outlet whose copy was captured and dated: the aggregator's, else the publisher's."""
    return next((c.name for c in art.chain if c.role == "aggregator"), art.outlet)


def _provenance(art: Article) -> str:
    """Where the captured copy came from, when it travelled: "AzerNews via Azertag; ..."."""
    names = {c.role: c.name for c in art.chain}
    parts = []
    if "publisher" in names and names["publisher"] != cited_copy(art):
        via = f" via {names['via']}" if "via" in names else ""
        parts.append(f"published by {names['publisher']}{via}")
    if "original" in names:
        parts.append(f"originally {names['original']}")
    return "; ".join(parts)


def _csl(a: Archive, art: Article) -> dict[str, Any]:
    d = art.published.date
    archived = urls.absolute(a.config.base_url, urls.article(art.id))
    note = f"Archived capture {art.file_name}, SHA-256 {art.sha256}"
    if _provenance(art):
        note = f"{_provenance(art)[:1].upper()}{_provenance(art)[1:]}. {note}"
    item: dict[str, Any] = {
        "id": art.id,
        "type": "interview" if art.kind == "interview" else "article-newspaper",
        "title": art.title,
        "container-title": cited_copy(art),
        "issued": {"date-parts": [[d.year, d.month, d.day]]},
        "genre": art.kind,
        "language": art.language,
        # The original publication where its address is known; else the archived copy.
        "URL": art.url or archived,
        "archive": a.config.title,
        "archive_location": archived,
        "note": note,
    }
    if art.kind == "interview" and art.interviewee:
        item["author"] = [_agent(a, art.interviewee)]
        if art.interviewer:
            item["interviewer"] = [_agent(a, art.interviewer)]
    elif art.author:
        item["author"] = [person_name(art.author)]
    return item


def _inverted(name: dict[str, str]) -> str:
    """A name as BibTeX and RIS want it: "Family, Given", or the literal."""
    if "literal" in name:
        return name["literal"]
    return f"{name['family']}, {name['given']}"


_BIB_SPECIAL = re.compile(r"[{}&%$#_]")


def _one_line(value: str) -> str:
    """White space (line breaks included) as single spaces: a field never starts a new line."""
    return " ".join(value.split())


def _bib(value: str) -> str:
    """Escape TeX's special characters; backslashes, carets and tildes are dropped."""
    value = re.sub(r"[\\^~]", "", _one_line(value))
    return _BIB_SPECIAL.sub(lambda m: "\\" + m.group(0), value)


def _bib_name(name: dict[str, str]) -> str:
    # A literal in double braces is never split into given and family names.
    return "{" + _bib(name["literal"]) + "}" if "literal" in name else _bib(_inverted(name))


def bibtex(a: Archive) -> str:
    entries = []
    for art in a.articles:
        csl = _csl(a, art)
        lines = []
        if "author" in csl:
            lines.append(f"  author = {{{_bib_name(csl['author'][0])}}}")
        fields = [
            ("title", art.title),
            ("journal", csl["container-title"]),
            ("date", art.published.date.isoformat()),
            ("year", str(art.published.date.year)),
            ("url", csl["URL"]),
            ("howpublished", f"Archived in {csl['archive']}, {csl['archive_location']}"),
            ("note", csl["note"]),
        ]
        if "interviewer" in csl:
            fields.append(("type", f"Interview by {_inverted(csl['interviewer'][0])}"))
        lines += [f"  {k} = {{{_bib(v)}}}" for k, v in fields]
        body = ",\n".join(lines)
        entries.append(f"@article{{{art.id},\n{body}\n}}\n")
    return "\n".join(entries)


def ris(a: Archive) -> str:
    out = []
    for art in a.articles:
        csl = _csl(a, art)
        d = art.published.date
        lines = [("TY", "NEWS"), ("ID", art.id), ("TI", art.title)]
        if "author" in csl:
            lines.append(("AU", _inverted(csl["author"][0])))
        if "interviewer" in csl:
            lines.append(("A2", _inverted(csl["interviewer"][0])))
        lines += [
            ("T2", csl["container-title"]),
            ("PY", str(d.year)),
            ("DA", f"{d.year}/{d.month:02d}/{d.day:02d}"),
            ("UR", csl["URL"]),
            ("DB", csl["archive"]),
            ("L2", csl["archive_location"]),
            ("N1", csl["note"]),
            ("ER", ""),
        ]
        out.append("\n".join(f"{k}  - {_one_line(v)}".rstrip() for k, v in lines) + "\n")
    return "\n".join(out)


def schema(name: str) -> bytes:
    """A JSON Schema shipped with the package (read beside this module: importlib.resources
    would cost more than the rest of the export)."""
    return (Path(__file__).parent / "schemas" / f"{name}.schema.json").read_bytes()


def data_files(a: Archive, html: Callable[[str], str]) -> dict[str, Callable[[], bytes]]:
    """Every data file by name, in order, each made when called (each by whichever process
    writes it); ``html`` turns a Markdown summary into HTML with absolute links."""
    makers: dict[str, Callable[[], bytes]] = {
        "articles.json": lambda: _dump([article_record(a, art) for art in a.articles]),
        "milestones.json": lambda: _dump([milestone_record(a, m) for m in a.milestones]),
        "milestones.csv": lambda: milestones_csv(a),
        "entities.json": lambda: _dump([entity_record(a, e) for e in a.entities]),
        "topics.json": lambda: _dump([topic_record(a, t) for t in a.topics]),
        "timeline.json": lambda: _dump(timelinejs(a, html)),
        "citations.json": lambda: _dump([_csl(a, art) for art in a.articles]),
        "citations.bib": lambda: bibtex(a).encode("utf-8"),
        "citations.ris": lambda: ris(a).encode("utf-8"),
    }
    for name in SCHEMAS:
        makers[f"{name}.schema.json"] = functools.partial(schema, name)
    return makers
