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

Most of these files are one part per article or per milestone, joined: each
record's parts are made at once by :class:`DataParts`, and with a store (the
record cache) and a key for each record, kept between builds, so that after a
one-article edit only that article's parts are made again.
"""

from __future__ import annotations

import codecs
import csv
import functools
import io
import itertools
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from markupsafe import escape

from .. import urls
from ..cache import Blobs, Ref, SpillBlobs, Unreadable, ref_sizes
from ..counts import plural
from ..files import balanced_directions
from ..model import Archive, Article, Entity, FileData, Milestone, Published, Source, Topic
from ..patterns import later
from ..readers.agencies import AGENCIES, PLACE
from .markup import Store
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


def article_record(
    art: Article, cited_by: Sequence[str], entities: Sequence[str]
) -> dict[str, Any]:
    """An article's record, with the milestones citing it and the entities it names (ids);
    ``translates`` on a translation only (``origin: article:ID``)."""
    record = {
        "id": art.id,
        "title": art.title,
        "title_from_capture": art.title_from_capture,
        "short_title": art.short_title,
        "published": art.published.day,
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
        "captured": art.captured.day if art.captured else None,
        "interviewer": art.interviewer,
        "interviewee": art.interviewee,
        "responds_to": list(art.responds_to),
        "updates": art.updates,
        "page": urls.article(art.id),
        "cited_by": list(cited_by),
        "entities": list(entities),
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
                "interpreted": t.interpreted,
            }
            for t in art.turns
        ],
    }
    return record if art.translates is None else {**record, "translates": art.translates}


def speaker_name(a: Archive, s: Source) -> str:
    """Who makes the statement, by name ("" for words the archive names no one for)."""
    who = a.article(s.article).speaker_id(s.speaker, s.voice)
    if who is None:
        return ""
    return a.entity(who).name if who in a.entity_ids else who


def source_record(a: Archive, s: Source) -> dict[str, Any]:
    """A source as ``milestones.json`` holds it; ``via`` only where the milestone names
    whom the article has the words from (a key only such a source has)."""
    record = {
        "article": s.article,
        "paragraph": s.paragraph,
        "quote": s.quote,
        "prefix": s.prefix,
        "suffix": s.suffix,
        "speaker": a.article(s.article).speaker_id(s.speaker, s.voice),
        "voice": s.voice,
        "interpreted": s.interpreted,
        "url": urls.article(s.article) + "#" + urls.paragraph_fragment(s.paragraph),
    }
    return record if s.via is None else {**record, "via": s.via}


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
        **_withdrawal(m),
    }


def _withdrawal(m: Milestone) -> dict[str, Any]:
    """A withdrawn milestone's ``withdrawn``, the day and the reason (a current one has
    none: the key is only ever there on a withdrawn one)."""
    w = m.withdrawn
    return {} if w is None else {"withdrawn": {"date": w.date.isoformat(), "reason": w.reason}}


CSV_COLUMNS = (
    "milestone",
    "date",
    "inferred",
    "status",
    "title",
    "article",
    "paragraph",
    "speaker",
    "voice",
    "interpreted",
    "quote",
    "url",
)
#: A cell a spreadsheet may take for a formula: one opening with "=", "+", "-", "@" (after
#: spaces too, which some trim, and characters no one sees, a zero-width space, a joiner,
#: a mark of direction or a byte-order mark, which some drop; or their full-width forms,
#: which some read as the same), or with a tab or a carriage return (OWASP's list).
_FORMULA = later(
    r"[\s\u3000\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]*"
    r"[=+\-@\uff1d\uff0b\uff0d\uff20]|[\t\r]"
)


def _cell(value: str) -> str:
    """A cell a spreadsheet shows as text: one starting like a formula gets a leading quote."""
    return "'" + value if _FORMULA().match(value) else value


def _csv(rows: Iterable[Sequence[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode("utf-8")


#: The first line of ``milestones.csv``: UTF-8 with a byte-order mark, so spreadsheets
#: read it right.
CSV_HEAD = codecs.BOM_UTF8 + _csv([CSV_COLUMNS])


def csv_rows(a: Archive, m: Milestone) -> bytes:
    """A milestone's rows of ``milestones.csv``: one per source quote."""
    rows = []
    for s in m.sources:
        url = urls.absolute(
            a.config.base_url,
            f"{urls.article(s.article)}#{urls.paragraph_fragment(s.paragraph)}",
        )
        row = [m.id, m.date.edtf, "inferred" if m.inferred else "", m.status, m.title, s.article]
        row += [s.paragraph]
        row += [speaker_name(a, s), s.voice, "interpreted" if s.interpreted else "", s.quote, url]
        rows.append([_cell(v) for v in row])
    return _csv(rows)


def entity_record(a: Archive, e: Entity) -> dict[str, Any]:
    """An entity as ``entities.json`` holds it; ``owner`` only on one that has one (a key
    only such an entity has)."""
    record = {
        "id": e.id,
        "name": e.name,
        "type": e.type,
        "aliases": list(e.aliases),
        "name_forms": list(e.name_forms),
        "description": e.description,
        "page": urls.entity(e.id),
        "milestones": list(a.links.milestones_by_entity.get(e.id, ())),
        "articles": list(a.links.articles_by_entity.get(e.id, ())),
        "mentions": len(a.links.mentions_by_entity.get(e.id, ())),
    }
    return record if e.owner is None else {**record, "owner": e.owner}


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


def timeline_event(a: Archive, m: Milestone, html: Callable[[str], str]) -> dict[str, Any] | None:
    """A milestone as a TimelineJS event; None for one it cannot plot.

    TimelineJS puts every text field into the page as HTML, so plain text is
    escaped and a summary is given as the HTML the site itself renders from its
    Markdown (escaped, with only checked links, absolute since the file is read
    elsewhere); ``html`` makes it.
    """
    d = m.date
    if d.kind in ("before", "after") or d.start is None:
        return None  # a bound, or an interval of no known start ("../2020"), is no start date
    start = d.start
    event: dict[str, Any] = {
        "unique_id": m.id,
        "start_date": _timeline_date(start.year, start.month, start.day),
        "display_date": str(escape(m.date_label)),
        "text": {"headline": str(escape(balanced_directions(m.title))), "text": html(m.summary)},
        "group": str(escape(balanced_directions(a.topic(m.topics[0]).title))),
    }
    if d.kind == "interval" and d.end is not None:
        event["end_date"] = _timeline_date(d.end.year, d.end.month, d.end.day)
    return event


def timelinejs(a: Archive, events: Iterable[bytes], left_out: int) -> Iterator[bytes]:
    """The milestones in TimelineJS's format: ``{"title": ..., "events": [...]}`` on one
    line, in parts, from the ``events`` as JSON; ``left_out`` milestones could not be
    plotted."""
    note = (
        f" {plural(left_out, 'milestone')} known only as on or before or after a date, or "
        f"until one, {'is' if left_out == 1 else 'are'} not plotted; data/milestones.json "
        f"holds {'it' if left_out == 1 else 'them'}."
        if left_out
        else ""
    )
    title = {
        "headline": str(escape(a.config.title)),
        "text": str(escape(a.config.description + note)),
    }
    # As ``json.dumps`` writes the whole object: ", " between items, ": " after keys.
    head = _line({"title": {"text": title}})[:-1] + b', "events": ['
    return itertools.chain((head,), _joined(b", ", events), (b"]}\n",))


#: Words that make a byline a desk, a service or a group rather than a person's name
#: ("Al Jazeera Staff", "Reuters Staff", "News Desk", "Our Correspondent").
_GROUP_WORDS = frozenset(
    "staff desk team newsroom bureau agency agencies editors editorial board"  # noqa: SIM905
    " reporters correspondent correspondents writers contributors service services"
    " news wire wires online digital"
    # an organisation's: "Caspian Shipping Company" is no Company, C. S.
    " company corporation ministry office authority railways group institute"
    " centre center council committee association foundation university government"
    " embassy department administration inc ltd llc plc".split()
)
#: Vietnamese family names, written first.
_VIETNAMESE_FAMILY = frozenset(
    "Nguyen Tran Le Pham Hoang Huynh Phan Vu Vo Dang Bui Do Ho Ngo Duong Ly".split()  # noqa: SIM905
)
#: A capitalised particle that opens a family name: "Jean-Luc Le Brun", "Seán Ó Briain".
_FAMILY_PARTICLES = frozenset(
    "Le La De Du Des Van Von Der Den Ó Ní Mac Mc Al El Da Di Del Della Dos Das Ter Ten".split()  # noqa: SIM905
)
#: Korean family names, written first before a given name of two short syllables apart:
#: "Kim Jong Un", "Park Geun Hye", "Moon Jae In".
_KOREAN_FAMILY = frozenset(
    "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn"  # noqa: SIM905
    " Song Yoo Hong Jeon Ko Moon Yang Son Bae Baek Heo Nam Noh Ha Kwak Ryu Chung Yun".split()
)
#: Where a byline names several people: "A and B", "A, B", "A & B", "A; B".
_AUTHORS_APART = later(r"\s*(?:[;,&]|\band\b)\s*")


#: Where a reporter was, after the name: "Tom Smith in Brussels" (as bylines are read).
_IN_PLACE = later(PLACE.pattern + "$")


def no_person(name: str) -> bool:
    """Whether a part of a byline names a desk or an agency ("BBC News", "Reuters")."""
    return bool(_GROUP_WORDS.intersection(name.lower().split())) or name.casefold() in AGENCIES


def _unplaced(name: str) -> str:
    """A name without the place after it ("Tom Smith in Brussels"); a title such as "Editor
    in Chief" (one word before "in") stays whole."""
    bare = _IN_PLACE().sub("", name)
    return bare if len(bare.split()) >= 2 else name


#: What one word after a name and a comma may be that is part of the name: "Jr.", "III".
_NAME_SUFFIX = later(r"(?:Jr|Sr|II|III|IV)\.?", re.IGNORECASE)


def _one_word_after(part: str) -> bool:
    """Whether a part of a byline after a name of two words or more and a comma is one word,
    the reporter's place as Kommersant writes it ("Елена Черненко, Астрахань"), not a
    person (a name has two words) nor a suffix of the name ("Jr.")."""
    return len(part.split()) == 1 and not _NAME_SUFFIX().fullmatch(part)


def person_names(author: str) -> list[dict[str, str]]:
    """The people a byline names, each as :func:`person_name`: "Rayhan Demytrie, Stephen
    McDonell" is two; "Demytrie, Rayhan" (one name inverted) stays one literal; a desk, a
    role or a place after a name ("John Smith, BBC News", "Tom Smith, Moscow
    correspondent", "Tom Smith in Brussels") is no one."""
    parts = [_unplaced(p) for p in _AUTHORS_APART().split(author) if p]
    if len(parts) > 1 and len(parts[0].split()) >= 2:  # "Елена Черненко, Астрахань"
        parts = [parts[0], *(p for p in parts[1:] if not _one_word_after(p))]
    people = [p for p in parts if not no_person(p)]
    apart = 0 < len(people) < len(parts) or len(people) > 1
    if apart and all(len(p.split()) >= 2 for p in people):
        return [person_name(p) for p in people]
    return [person_name(parts[0] if len(parts) == 1 else author)]


def person_name(name: str) -> dict[str, str]:
    """A person's name for citation processors: family and given, so styles can invert and
    abbreviate it; a literal where the order is unclear (one word, particles, many words)
    or where it names a desk or a group ("Al Jazeera Staff").  A Chinese or Korean name
    written family name first keeps that order: a common family name, then a given name of
    one or two syllables of pinyin ("Guo Jiakun", "Xi Jinping") or of two syllables joined
    by a hyphen ("Yoon Suk-yeol", "Tsai Ing-wen"); two common family names ("Zhang Wei",
    "Yuan Yang"), which English bylines write in either order, are a literal."""
    words = name.split()
    if len(words) > 1 and all(w.isupper() and len(w) > 1 for w in words):
        words = [_unshouted(w) for w in words]  # "KENJI KAWASE", as agencies set bylines
    plain = all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() for w in words)
    if not plain or not 2 <= len(words) <= 3 or _GROUP_WORDS.intersection(map(str.lower, words)):
        return {"literal": name}
    if len(words) == 2 and words[0] in _CHINESE_FAMILY and words[1] in _CHINESE_FAMILY:
        return {"literal": name}  # "Zhang Wei" or "Yuan Yang": either order is written
    if len(words) == 3 and words[0] in _VIETNAMESE_FAMILY:
        return {"literal": name}  # "Le Van Hung": family name first, or "Le" a particle
    family, given = _family_and_given(words)
    return {"family": family, "given": given}


def _family_and_given(words: list[str]) -> tuple[str, str]:
    """A name of two or three words parted: the family name first where a Chinese or
    Korean name is so written ("Guo Jiakun", "Kim Jong Un"), with its particle ("Jean-Luc
    Le Brun"), else the last word."""
    if len(words) == 2 and _family_first(*words):
        return words[0], words[1]
    if len(words) == 3 and words[0] in _KOREAN_FAMILY and all(len(w) <= 5 for w in words[1:]):
        return words[0], " ".join(words[1:])
    if len(words) == 3 and words[1] in _FAMILY_PARTICLES:
        return " ".join(words[1:]), words[0]
    return words[-1], " ".join(words[:-1])


#: The commonest Chinese family names, in pinyin.
_CHINESE_FAMILY = frozenset(
    "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao"  # noqa: SIM905
    " Luo Zheng Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan"
    " Yuan Cai Jiang Yu Du Ye Cheng Wei Su Ding Ren Lu Yao Shen Zhong Cui Tan Fan"
    " Liao Shi Jin Jia Xia Fu Fang Zou Xiong Bai Meng Qin Qiu Hou Yin Xue Yan Duan"
    " Lei Long Tao Mao Gu Gong Shao Wan Qian Dai Kong Xiang Hao Wen Qi Geng Zhan Ou"
    " Qu Kang Niu Xi Bo Mu Ji Ge Zhai Yue Lan Pang Jiao Ning Shu Bi Hua Lou Mi Bao"
    " Kou Sha Chai Hang Rong Zhuang".split()
)
#: Family names written first with a hyphenated given name: Chinese in older spellings
#: (Wade-Giles, as in Taiwan and Hong Kong) and Korean.
_HYPHENATED_FAMILY = _CHINESE_FAMILY | frozenset(
    "Tsai Chiang Hsu Chang Lai Kuo Hsieh Chou Chu Ko Chao Lee Kim Park Choi Jung"  # noqa: SIM905
    " Kang Cho Yoon Jang Lim Oh Seo Shin Kwon Hwang Ahn Yoo Hong Jeon Moon Nam Baek"
    " Ryu Son Bae Jo Chung Yun Kwak Noh".split()
)
#: A syllable of pinyin without tone marks: an initial, then a final.
_PINYIN_SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu"
    r"|ua|uo|ui|ue|er|a|e|i|o|u|v)"
)
_PINYIN_GIVEN = later(rf"{_PINYIN_SYLLABLE}(?:-?{_PINYIN_SYLLABLE})?", re.IGNORECASE)
_HYPHENATED_GIVEN = later(r"[A-Z][a-z]{1,6}-[a-z]{1,6}")


def _unshouted(word: str) -> str:
    """A word in capitals as a name is written: "KAWASE" "Kawase", "DEMİRTAŞ" "Demirtaş",
    "O'NEIL" "O'Neil", "NAK-HYUN" "Nak-Hyun"."""
    lower = word.replace("İ", "i").lower()
    return re.sub(r"(^|[-'’])(\w)", lambda m: m[1] + m[2].upper(), lower)


def _family_first(first: str, second: str) -> bool:
    """Whether ``first second`` reads as a name written family name first (see
    :func:`person_name`)."""
    if first in _CHINESE_FAMILY and _PINYIN_GIVEN().fullmatch(second):
        return True
    return first in _HYPHENATED_FAMILY and _HYPHENATED_GIVEN().fullmatch(second) is not None


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
    archived = urls.absolute(a.config.base_url, urls.article(art.id))
    note = f"Archived capture {art.file_name}, SHA-256 {art.sha256}"
    if _provenance(art):
        note = f"{_provenance(art)[:1].upper()}{_provenance(art)[1:]}. {note}"
    item: dict[str, Any] = {
        "id": art.id,
        "type": "interview" if art.kind == "interview" else "article-newspaper",
        "title": art.title,
        "container-title": cited_copy(art),
        "issued": {"date-parts": [_date_parts(art.published)]},
        "genre": art.kind,
        "language": art.language,
        # The original publication where its address is known; else the archived copy.
        "URL": art.url or archived,
        "archive": a.config.title,
        "archive_location": archived,
        "note": note,
    }
    if art.url and art.captured:  # the day the original was read, as the capture was made
        item["accessed"] = {"date-parts": [_date_parts(art.captured)]}
    if art.kind == "interview" and (art.interviewee or art.interviewer):
        if art.interviewee:  # (none: "interviewee: unnamed", the source names no one)
            item["author"] = [_agent(a, art.interviewee)]
        if art.interviewer:  # the byline's people when the interviewer is the outlet itself
            asked_by_outlet = art.interviewer == art.publisher_entity  # not a copy's reposter
            byline = (
                art.author
                if asked_by_outlet and a.entity(art.interviewer).type != "person"
                else None
            )
            item["interviewer"] = person_names(byline) if byline else [_agent(a, art.interviewer)]
    elif art.author:
        item["author"] = person_names(art.author)
    return item


def _date_parts(p: Published) -> list[int]:
    """CSL's parts of a date, as many as the source gives: ``[2025, 4]`` for April 2025."""
    return [p.date.year, *(n for n in (p.month, p.day_of_month) if n is not None)]


def _ris_date(p: Published) -> str:
    """RIS's ``DA``: ``2025/04/23``, ``2025/04/`` or ``2025//`` (a part it does not know empty)."""
    parts = [f"{p.date.year:04d}", *(f"{n:02d}" for n in (p.month, p.day_of_month) if n)]
    return "/".join(parts) + "/" * (3 - len(parts))


def _inverted(name: dict[str, str]) -> str:
    """A name as BibTeX and RIS want it: "Family, Given", or the literal."""
    if "literal" in name:
        return name["literal"]
    return f"{name['family']}, {name['given']}"


_BIB_SPECIAL = later(r"[{}&%$#_\\^~]")
_BIB_WRITTEN = {
    "{": "\\textbraceleft{}",
    "}": "\\textbraceright{}",
    "\\": "\\textbackslash{}",
    "^": "\\textasciicircum{}",
    "~": "\\textasciitilde{}",
}


def _one_line(value: str) -> str:
    """White space (line breaks included) as single spaces: a field never starts a new line."""
    return " ".join(value.split())


def _bib(value: str) -> str:
    """TeX's special characters as TeX writes them: ``\\&``, ``\\textbraceleft{}`` for
    ``{`` (BibTeX counts braces whatever precedes them: ``\\}`` ended the field, and a
    title could then add fields of its own), ``\\textbackslash{}``, ``\\textasciitilde{}``."""
    return _BIB_SPECIAL().sub(lambda m: _BIB_WRITTEN.get(m[0], "\\" + m[0]), _one_line(value))


def _bib_url(value: str) -> str:
    """A URL as BibTeX's ``url`` field holds it: verbatim (biblatex and the url package read
    it so; ``\\&`` would be part of the address), what could end the field percent-encoded
    (a published address holds none of it: see :func:`..urls.is_web_url`)."""
    return re.sub(r"[{}\\\s]", lambda m: f"%{ord(m[0]):02X}", value)


def _bib_name(name: dict[str, str]) -> str:
    # A literal in double braces is never split into given and family names.
    return "{" + _bib(name["literal"]) + "}" if "literal" in name else _bib(_inverted(name))


def bib_entry(art: Article, csl: dict[str, Any]) -> str:
    """An article's BibTeX entry, from its CSL-JSON item ``csl``."""
    lines = []
    if "author" in csl:
        names = " and ".join(_bib_name(name) for name in csl["author"])
        lines.append(f"  author = {{{names}}}")
    fields = [
        ("title", art.title),
        ("journal", csl["container-title"]),
        ("date", art.published.day),
        ("year", str(art.published.date.year)),
        ("url", csl["URL"]),
        *((("urldate", art.captured.day),) if "accessed" in csl and art.captured else ()),
        ("howpublished", f"Archived in {csl['archive']}, {csl['archive_location']}"),
        ("note", csl["note"]),
    ]
    if "interviewer" in csl:
        fields.append(("type", f"Interview by {_inverted(csl['interviewer'][0])}"))
    lines += [f"  {k} = {{{(_bib_url if k == 'url' else _bib)(v)}}}" for k, v in fields]
    body = ",\n".join(lines)
    return f"@article{{{art.id},\n{body}\n}}\n"


def ris_entry(art: Article, csl: dict[str, Any]) -> str:
    """An article's RIS record, from its CSL-JSON item ``csl``."""
    d = art.published.date
    lines = [("TY", "NEWS"), ("ID", art.id), ("TI", art.title)]
    if "author" in csl:
        lines.extend(("AU", _inverted(name)) for name in csl["author"])
    if "interviewer" in csl:
        lines.append(("A2", _inverted(csl["interviewer"][0])))
    lines += [
        ("T2", csl["container-title"]),
        ("PY", str(d.year)),
        ("DA", _ris_date(art.published)),
        ("UR", csl["URL"]),
        *((("Y2", _ris_date(art.captured)),) if "accessed" in csl and art.captured else ()),
        ("DB", csl["archive"]),
        ("L2", csl["archive_location"]),
        ("N1", csl["note"]),
        ("ER", ""),
    ]
    return "\n".join(f"{k}  - {_one_line(v)}".rstrip() for k, v in lines) + "\n"


def schema(name: str) -> bytes:
    """A JSON Schema shipped with the package (read beside this module: importlib.resources
    would cost more than the rest of the export)."""
    return (Path(__file__).parent / "schemas" / f"{name}.schema.json").read_bytes()


#: The key of what a record's parts are made from (its kind of parts and the values they
#: are made from), or None when it cannot name them all: see :class:`DataParts`.
PartKey = Callable[[str, tuple[object, ...]], "str | None"]
#: An article's parts: its lines of ``articles.json`` and ``citations.json``, its BibTeX
#: entry and its RIS record.
ArticleParts = tuple[bytes, bytes, bytes, bytes]
#: A milestone's parts: its line of ``milestones.json``, its rows of ``milestones.csv``,
#: its TimelineJS event (None: not plotted).
MilestoneParts = tuple[bytes, bytes, "bytes | None"]
#: The kind of entry parts are kept under in a :class:`~.markup.Store`.
STORED = "data"


def _line(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


def article_parts(
    a: Archive, art: Article, cited_by: tuple[str, ...], entities: tuple[str, ...]
) -> ArticleParts:
    """An article's parts, made from it and the ids of the milestones citing it and the
    entities it names (and the settings and entities every page reads)."""
    csl = _csl(a, art)
    record = article_record(art, cited_by, entities)
    return (_line(record), _line(csl), bib_entry(art, csl).encode(), ris_entry(art, csl).encode())


def milestone_parts(a: Archive, m: Milestone, html: Callable[[str], str]) -> MilestoneParts:
    """A milestone's parts, made from it, its evidence and the articles it quotes or whose
    dependencies its evidence names (and the settings, entities and topics)."""
    event = timeline_event(a, m, html)
    return (_line(milestone_record(a, m)), csv_rows(a, m), None if event is None else _line(event))


class PartStore(Store, Protocol):
    """A :class:`~.markup.Store` that keeps byte strings out of memory (the record cache)."""

    def blobs(self, kind: str) -> Blobs: ...


#: A record's parts, as :func:`article_parts` or :func:`milestone_parts` makes them.
_Parts = tuple[bytes | None, ...]


@dataclass(slots=True)
class _Held:
    """A record's parts: where the store keeps them (``ref``), else in memory (``values``);
    ``make`` makes them (again)."""

    make: Callable[[], _Parts]
    key: str | None  # the store's
    ref: Ref | None = None
    values: _Parts | None = None


class DataParts:
    """The parts of the data files made from one article or one milestone each, made once
    per build (whichever data file asks first).

    With :meth:`keep`, each record's parts are looked up in a store under the key of what
    they are made from (``key``: the build's page keys, which hash the records and what
    every page reads), and kept there: after a one-article edit, only that article's
    parts and those of the milestones quoting it are made again.  The store keeps them in
    files (:class:`~archive_site.cache.Blobs`), and a data file reads each part from
    there as it is written: at 10,000 articles the parts are 110 MB, which no process
    holds.  Without a store they are held in memory.
    """

    def __init__(self, archive: Archive, html: Callable[[str], str]) -> None:
        self.archive = archive
        self.html = html
        self._key: PartKey | None = None
        self._store: PartStore | None = None
        self._blobs: Blobs | None = None
        self._articles: list[_Held] | None = None
        self._milestones: list[_Held] | None = None
        self._current: list[_Held] | None = None

    def keep(self, key: PartKey, store: PartStore) -> None:
        """Look parts up in ``store``, and keep them there, under ``key``."""
        self._key, self._store, self._blobs = key, store, store.blobs(STORED)

    def spill(self, folder: Path) -> None:
        """With no store, keep the parts made in a file of no name in ``folder`` (the build's
        own) rather than in memory, until :meth:`end_spill` (see
        :class:`~archive_site.cache.SpillBlobs`)."""
        if self._store is None and self._blobs is None:
            self._blobs = SpillBlobs(folder, STORED)

    def end_spill(self) -> None:
        """Remove the file :meth:`spill` keeps the parts in; none are made after it."""
        if isinstance(self._blobs, SpillBlobs):
            self._blobs.close()

    def prepare(self) -> None:
        """Make every part now, in this process, when they are kept (see :mod:`..produce`:
        what a worker process makes is not kept)."""
        if self._store is not None:
            self._make()

    def articles(self) -> list[_Held]:
        """The parts of every article, in order (see :data:`ArticleParts`)."""
        return self._make()[0]

    def milestones(self) -> list[_Held]:
        """The parts of every milestone, the withdrawn too, in order (see
        :data:`MilestoneParts`)."""
        return self._make()[1]

    def current(self) -> list[_Held]:
        """The parts of the current milestones (none withdrawn), in order."""
        self._make()
        assert self._current is not None
        return self._current

    def _make(self) -> tuple[list[_Held], list[_Held]]:
        """The parts of every article and milestone, made (or found) at once: the store
        settles where it keeps them seeing all that are used."""
        if self._articles is None or self._milestones is None:
            a, html = self.archive, self.html
            cites, names = a.links.citations_by_article, a.links.entities_by_article
            made: list[tuple[str, tuple[object, ...], Callable[[], _Parts]]] = []
            for art in a.articles:
                cited_by = tuple(dict.fromkeys(c.milestone for c in cites.get(art.id, ())))
                named = tuple(sorted(names.get(art.id, ())))
                make = functools.partial(article_parts, a, art, cited_by, named)
                made.append(("article", (art, cited_by, named), make))
            every = a.every_milestone
            for m in every:
                made.append(("milestone", (m,), functools.partial(milestone_parts, a, m, html)))
            held = self._held(made)
            # The parts are found or made: the key of what each is made from is not asked
            # again, and what names it (the build's page keys, which keep a digest of every
            # record) is let go while the pages render (at 10,000 articles, some 8 MiB).
            self._key = None
            self._articles, self._milestones = held[: len(a.articles)], held[len(a.articles) :]
            self._current = [
                h for h, m in zip(self._milestones, every, strict=True) if m.withdrawn is None
            ]
        return self._articles, self._milestones

    def part(self, held: list[_Held], n: int) -> Iterator[bytes | None]:
        """Part ``n`` of each of ``held``, in order, read one at a time."""
        for h in held:
            yield self._read(h, n)

    def _read(self, h: _Held, n: int) -> bytes | None:
        """Part ``n`` of ``h``: from memory, or read from the store; one not as kept there is
        made again (and kept again)."""
        if h.values is not None:
            return h.values[n]
        assert h.ref is not None and self._blobs is not None
        try:
            return self._blobs.read(h.ref, n)
        except Unreadable:
            values = h.make()
            h.ref = self._blobs.add(values)
            if h.ref is None:
                h.values = values
            elif h.key is not None and self._store is not None:
                self._store.put(STORED, h.key, h.ref)
            return values[n]

    @staticmethod
    def missing(held: list[_Held], n: int) -> int:
        """How many of ``held`` have no part ``n`` (None)."""
        return sum(
            (h.values[n] is None)
            if h.values is not None
            else (h.ref is not None and ref_sizes(h.ref)[n] < 0)
            for h in held
        )

    def _held(
        self, records: Sequence[tuple[str, tuple[object, ...], Callable[[], _Parts]]]
    ) -> list[_Held]:
        """The parts of each of ``records`` (a kind of parts, what they are made from, their
        maker): those kept in the store under the key of what they are made from (taken once:
        it hashes their records), else made, and kept."""
        store, blobs = self._store, self._blobs
        keys: list[str | None] = []
        found: list[Ref | None] = []
        for kind, args, _ in records:
            key = None
            if self._key is not None and store is not None:
                named = self._key(kind, args)
                key = None if named is None else store.key(STORED, named)
            keys.append(key)
            entry = None if key is None or store is None else store.get(STORED, key)
            found.append(None if blobs is None else blobs.valid(entry))
        settled = found if blobs is None else blobs.settle(found)
        held = []
        for key, was, ref, (_, _, make) in zip(keys, found, settled, records, strict=True):
            h = _Held(make, key, ref)
            if ref is None:
                values = make()
                kept = blobs is not None and (key is not None or store is None)  # (a spill)
                h.ref = blobs.add(values) if kept and blobs is not None else None
                if h.ref is None:
                    h.values = values
            if store is not None and key is not None and h.ref is not None and h.ref != was:
                store.put(STORED, key, h.ref)
            held.append(h)
        return held


def _joined(separator: bytes, items: Iterable[bytes]) -> Iterator[bytes]:
    """``separator.join(items)`` in parts: the items with the separator between them."""
    first = True
    for item in items:
        if not first:
            yield separator
        first = False
        yield item


def _listed(lines: Iterable[bytes]) -> Iterator[bytes]:
    """A JSON list with one item a line (see :func:`_dump`), in parts, from the items as
    JSON."""
    yield b"[\n"
    yield from _joined(b",\n", lines)
    yield b"\n]\n"


def _some(parts: Iterable[bytes | None]) -> Iterator[bytes]:
    """The parts that are there."""
    return (p for p in parts if p is not None)


def data_files(a: Archive, parts: DataParts) -> dict[str, Callable[[], FileData]]:
    """Every data file by name, in order, each made when called (each by whichever process
    writes it), the records' parts by ``parts``.  A file of one part per record is made in
    parts, each read when written, never joined (see :data:`~archive_site.model.FileData`)."""

    def arts(n: int) -> Iterator[bytes]:
        return _some(parts.part(parts.articles(), n))

    def ms(n: int) -> Iterator[bytes]:  # (the current milestones')
        return _some(parts.part(parts.current(), n))

    makers: dict[str, Callable[[], FileData]] = {
        "articles.json": lambda: _listed(arts(0)),
        "milestones.json": lambda: _listed(_some(parts.part(parts.milestones(), 0))),
        "milestones.csv": lambda: itertools.chain((CSV_HEAD,), ms(1)),
        "entities.json": lambda: _dump([entity_record(a, e) for e in a.entities]),
        "topics.json": lambda: _dump([topic_record(a, t) for t in a.topics]),
        "timeline.json": lambda: timelinejs(a, ms(2), parts.missing(parts.current(), 2)),
        "citations.json": lambda: _listed(arts(1)),
        "citations.bib": lambda: _joined(b"\n", arts(2)),
        "citations.ris": lambda: _joined(b"\n", arts(3)),
    }
    for name in SCHEMAS:
        makers[f"{name}.schema.json"] = functools.partial(schema, name)
    return makers
