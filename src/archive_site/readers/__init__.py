"""Readers: one per capture format, chosen by detection, all returning a :class:`Reading`.

A reader says only what the capture itself says: its fields (title, date,
outlet, ...), its body paragraphs (with interview turns), and the page
furniture it recognised and kept out of the body.  Merging with the
archivist's metadata and validation happen in :mod:`archive_site.load`.

Formats:

``ednews``
    Headline, blank line, ``Section HH:MM DD.MM.YYYY``, body, byline
    ``Name\\Outlet``; after the byline, page furniture (a link to another
    story, the "News line" list, navigation words).
``menafn``
    Syndicated copy: first line ``date YYYY-MM-DD MENAFN - Outlet) lead...``;
    editorial lines such as ``X presents the interview via Y:``; interview
    turns are paragraphs opening with ``- `` (question, answer, ...), an answer
    may run over several paragraphs.
``markdown``
    A hand-written ``.md`` file: YAML front matter between ``---`` lines
    (the same keys as a metadata file), then paragraphs separated by blank
    lines; ``Q:``/``A:`` or ``- `` open interview turns.
``plain``
    Any other text: every paragraph is body; the archivist supplies all
    metadata.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import NamedTuple

from ..errors import Problems
from ..model import Furniture, ParagraphRole
from ..yamlsrc import YMap, parse_yaml


class Field(NamedTuple):
    """A value the capture states, with the line that states it."""

    value: str
    line: int


class Block(NamedTuple):
    """A paragraph as a reader found it, with its line and interview role."""

    text: str
    line: int
    role: ParagraphRole = "body"
    turn: int | None = None


class Reading(NamedTuple):
    """What a reader found in a capture: its fields, text and page furniture."""

    format: str
    fields: Mapping[str, Field]
    blocks: tuple[Block, ...]
    furniture: tuple[Furniture, ...] = ()
    front_matter: YMap | None = None
    notes: tuple[tuple[int, str], ...] = ()  # (line, warning)


_EMPTY: Mapping[str, Field] = MappingProxyType({})


def decode(data: bytes, display: str, problems: Problems) -> str | None:
    """Captures are UTF-8; report the line of the first byte that is not."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.error(display, line, f"not UTF-8 text ({exc.reason} at byte {exc.start})")
        return None
    return text.removeprefix("\ufeff")


def split_lines(text: str) -> list[str]:
    """Lines as an editor numbers them (only CR, LF and CRLF end a line)."""
    return re.split(r"\r\n|\r|\n", text)


def split_blocks(lines: list[str], first_line: int = 1) -> list[tuple[list[str], int]]:
    """Groups of non-blank lines, each with the line number it starts on."""
    blocks: list[tuple[list[str], int]] = []
    current: list[str] = []
    start = first_line
    for number, line in enumerate(lines, start=first_line):
        if line.strip():
            if not current:
                start = number
            current.append(line.strip())
        elif current:
            blocks.append((current, start))
            current = []
    if current:
        blocks.append((current, start))
    return blocks


def _join(lines: list[str]) -> str:
    return " ".join(lines)


# --- interview turns --------------------------------------------------------

_DASH_TURN = re.compile(r"^[-–—]\s+")
_QA_TURN = re.compile(r"^(?P<who>Q|A|Question|Answer)\s*[:.]\s+", re.IGNORECASE)


def mark_turns(blocks: list[Block]) -> list[Block]:
    """Give interview roles to paragraphs.

    A paragraph opening with ``- `` starts a turn; turns alternate question,
    answer, question, ...  ``Q:`` and ``A:`` say the role outright.  A
    paragraph without a marker continues the current turn.  Paragraphs before
    the first turn are the lead.  The markers are removed from the text.
    """
    if not any(_DASH_TURN.match(b.text) or _QA_TURN.match(b.text) for b in blocks):
        return blocks
    out: list[Block] = []
    turn = 0
    role: ParagraphRole = "lead"
    for b in blocks:
        dash = _DASH_TURN.match(b.text)
        qa = _QA_TURN.match(b.text)
        if qa:
            turn += 1
            role = "question" if qa["who"].lower().startswith("q") else "answer"
            out.append(Block(b.text[qa.end() :], b.line, role, turn))
        elif dash:
            turn += 1
            role = "answer" if role == "question" else "question"
            out.append(Block(b.text[dash.end() :], b.line, role, turn))
        else:
            out.append(Block(b.text, b.line, role, turn or None))
    return out


# --- ednews -----------------------------------------------------------------

_ED_DATELINE = re.compile(
    r"^(?P<section>\S.*?)\s+(?P<time>\d{1,2}:\d{2})\s+(?P<d>\d{2})\.(?P<m>\d{2})\.(?P<y>\d{4})$"
)
_BYLINE = re.compile(r"^(?P<author>[^\\]+?)\s*\\{1,2}\s*(?P<outlet>[^\\]+?)$")
_NEWS_TIME = re.compile(r"^\d{1,2}:\d{2}\s+\d{2}\.\d{2}\.\d{4}$")


def _ednews_detect(lines: list[str]) -> bool:
    blocks = split_blocks(lines)
    return (
        len(blocks) >= 3
        and len(blocks[0][0]) == 1
        and len(blocks[1][0]) == 1
        and bool(_ED_DATELINE.match(blocks[1][0][0]))
    )


def _iso_date(y: str, m: str, d: str) -> str | None:
    try:
        return dt.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def _ednews_read(lines: list[str], display: str, problems: Problems) -> Reading:
    blocks = split_blocks(lines)
    (title_lines, title_line), (date_lines, date_line) = blocks[0], blocks[1]
    fields: dict[str, Field] = {"title": Field(title_lines[0], title_line)}
    m = _ED_DATELINE.match(date_lines[0])
    assert m is not None  # detection guarantees it
    fields["section"] = Field(m["section"], date_line)
    hour, minute = m["time"].split(":")
    fields["time"] = Field(f"{int(hour):02d}:{minute}", date_line)
    iso = _iso_date(m["y"], m["m"], m["d"])
    if iso is None:
        problems.error(
            display, date_line, f"dateline: {m['d']}.{m['m']}.{m['y']} is not a real date"
        )
    else:
        fields["published"] = Field(iso, date_line)

    body: list[Block] = []
    furniture: list[Furniture] = []
    notes: list[tuple[int, str]] = []
    rest = blocks[2:]
    end = next((i for i, (bl, _) in enumerate(rest) if len(bl) == 1 and _BYLINE.match(bl[0])), None)
    if end is None:
        end = next((i for i, (bl, _) in enumerate(rest) if bl == ["News line"]), len(rest))
        notes.append((rest[0][1] if rest else date_line, "no byline (Name\\Outlet) found"))
    else:
        by = _BYLINE.match(rest[end][0][0])
        assert by is not None
        fields["author"] = Field(by["author"], rest[end][1])
        fields["outlet"] = Field(by["outlet"], rest[end][1])
    body = [Block(_join(bl), line) for bl, line in rest[:end]]
    in_news_line = False
    for bl, line in rest[end + 1 :] if end < len(rest) else []:
        if bl == ["News line"]:
            in_news_line = True
            furniture.append(Furniture("news-line", bl[0], line))
            continue
        if not in_news_line:
            furniture.append(Furniture("story-link", _join(bl), line))
            continue
        # The list: headline, time-and-date, headline, time-and-date, ...; a
        # trailing line with no time of its own is a navigation word.
        i = 0
        while i < len(bl):
            if i + 1 < len(bl) and _NEWS_TIME.match(bl[i + 1]):
                furniture.append(Furniture("news-line", f"{bl[i]} ({bl[i + 1]})", line + i))
                i += 2
            else:
                furniture.append(Furniture("navigation", bl[i], line + i))
                i += 1
    return Reading(
        "ednews", MappingProxyType(fields), tuple(body), tuple(furniture), notes=tuple(notes)
    )


# --- menafn -----------------------------------------------------------------

_MENAFN = re.compile(
    r"^\s*date\s+(?P<date>\d{4}-\d{2}-\d{2})\s+(?P<agg>MENAFN)\s+-\s+(?P<outlet>[^)]+?)\)\s*(?P<lead>.*)$"
)
_EDITORIAL = re.compile(
    r"^(?P<outlet>\S.*?)\s+presents\s+the\s+(?P<what>\w+)\s+via\s+(?P<via>.+?)\s*:$", re.IGNORECASE
)


def _menafn_detect(lines: list[str]) -> bool:
    first = next((line for line in lines if line.strip()), "")
    return bool(_MENAFN.match(first))


def _menafn_read(lines: list[str], display: str, problems: Problems) -> Reading:
    blocks = split_blocks(lines)
    (first_lines, first_line) = blocks[0]
    m = _MENAFN.match(first_lines[0])
    assert m is not None
    fields: dict[str, Field] = {
        "outlet": Field(m["outlet"].strip(), first_line),
        "aggregator": Field(m["agg"], first_line),
    }
    iso = _iso_date(*m["date"].split("-"))
    if iso is None:
        problems.error(display, first_line, f"date header: {m['date']} is not a real date")
    else:
        fields["published"] = Field(iso, first_line)
    raw: list[Block] = []
    lead = _join([m["lead"], *first_lines[1:]]).strip()
    if lead:
        raw.append(Block(lead, first_line))
    furniture: list[Furniture] = []
    for bl, line in blocks[1:]:
        text = _join(bl)
        ed = _EDITORIAL.match(text)
        if ed:
            fields.setdefault("via", Field(ed["via"], line))
            furniture.append(Furniture("editorial", text, line))
            continue
        raw.append(Block(text, line))
    body = mark_turns(raw)
    if any(b.turn for b in body):
        first_turn = next(b for b in body if b.turn)
        fields["kind"] = Field("interview", first_turn.line)
    return Reading("menafn", MappingProxyType(fields), tuple(body), tuple(furniture))


# --- markdown and plain -----------------------------------------------------


def _markdown_read(lines: list[str], display: str, problems: Problems) -> Reading:
    front: YMap | None = None
    body_start = 0
    if lines and lines[0].strip() == "---":
        close = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
        if close is None:
            problems.error(display, 1, "front matter: opening '---' has no closing '---'")
            return Reading("markdown", _EMPTY, ())
        data = parse_yaml("\n".join(lines[1:close]), display, problems, first_line=2)
        if data is None:
            data = YMap()
        if not isinstance(data, YMap):
            problems.error(display, 2, "front matter: expected a mapping of keys to values")
            data = YMap()
        front = data
        body_start = close + 1
    else:
        problems.error(display, 1, "front matter: a Markdown article starts with '---' and YAML")
    blocks = []
    for bl, line in split_blocks(lines[body_start:], first_line=body_start + 1):
        text = _join(bl)
        text = re.sub(r"^#{1,6}\s+", "", text)
        blocks.append(Block(text, line))
    body = mark_turns(blocks)
    fields: dict[str, Field] = {}
    if any(b.turn for b in body):
        fields["kind"] = Field("interview", next(b.line for b in body if b.turn))
    return Reading("markdown", MappingProxyType(fields), tuple(body), front_matter=front)


def _plain_read(lines: list[str], display: str, problems: Problems) -> Reading:
    body = [Block(_join(bl), line) for bl, line in split_blocks(lines)]
    return Reading("plain", _EMPTY, tuple(body))


Reader = Callable[[list[str], str, Problems], Reading]

#: Capture readers in detection order; the first whose test passes reads the file.
CAPTURE_READERS: tuple[tuple[str, Callable[[list[str]], bool], Reader], ...] = (
    ("ednews", _ednews_detect, _ednews_read),
    ("menafn", _menafn_detect, _menafn_read),
)
FORMATS: tuple[str, ...] = ("ednews", "menafn", "markdown", "plain")


def detect_format(text: str, *, markdown: bool = False) -> str:
    if markdown:
        return "markdown"
    lines = split_lines(text)
    for name, detect, _ in CAPTURE_READERS:
        if detect(lines):
            return name
    return "plain"


def read_text(text: str, display: str, problems: Problems, *, fmt: str) -> Reading:
    """Read a capture's text with the reader for ``fmt`` (see :func:`detect_format`)."""
    lines = split_lines(text)
    if fmt == "markdown":
        return _markdown_read(lines, display, problems)
    if fmt == "plain":
        return _plain_read(lines, display, problems)
    for name, detect, read in CAPTURE_READERS:
        if name == fmt:
            if not detect(lines):
                problems.error(display, 1, f"format: the capture does not look like '{fmt}'")
                return _plain_read(lines, display, problems)
            return read(lines, display, problems)
    raise ValueError(f"unknown format {fmt!r}")
