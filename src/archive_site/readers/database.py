"""``database``: an article exported from a news database: Nexis Uni, LexisNexis or Factiva.

Much of a researcher's news comes from these databases, as text they export or copy
out.  Each wraps the article's text in a header and a tail of its own:

* Nexis Uni: the headline; the publication and its date (``April 23, 2025
  Wednesday``); the copyright line; labelled lines (``Section:``, ``Length: 212
  words``, ``Byline:``, ``Dateline:``, ``Highlight:``...); ``Body`` on a line of its
  own; the text; then ``Classification`` (``Language:``, ``Publication-Type:``,
  ``Subject:``...), ``Load-Date:`` and ``End of Document``.
* LexisNexis Academic: ``1 of 1 DOCUMENT``; the publication, its date; the headline;
  labels in capitals (``BYLINE:``, ``SECTION:``, ``LENGTH:``, ``DATELINE:``); the text;
  ``LOAD-DATE:``, ``LANGUAGE:``, ``PUBLICATION-TYPE:``... and the copyright line.
* Factiva: the headline; the writer, if named; ``212 words``; the date (perhaps its
  time on the next line); the source's name and its code; the language; the copyright
  line; the text; ``Document TRNDAZ0020250423el4n0005l``.  Or, exported with its
  indexing, each part after its code: ``HD`` the headline, ``BY``, ``WC``, ``PD`` the
  date, ``SN`` the source, ``LA``, ``CY``, ``LP`` and ``TD`` the text, ``AN``...

The header gives the fields: the headline the title, the publication the outlet, its
date the publication's (never the load date, the day the database took the article
in), the byline the author (as a byline is read: ``By Jane Roe, Reuters`` names Jane
Roe), the dateline and the section; the language named.  The header and the tail are
furniture: kept in the capture, out of the text.  The text is read as wire copy's: its
dateline taken apart (its agency the origin, when another outlet's), the credits ending
it too.  An export of several documents is refused: each is a capture of its own, and
``archive-site add`` splits an export into them (:func:`document_starts`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..errors import Problems
from ..model import Furniture
from ..patterns import later
from ..urls import is_web_url
from .base import (
    Block,
    Capture,
    Field,
    Format,
    Reading,
    join,
    reading,
    script_language,
    split_blocks,
)
from .byline import read_byline, take_credits
from .dateline import match_dateline, take_dateline
from .stamps import parse_stamp
from .wire import copyright_origin

_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
#: Nexis's date line: ``April 23, 2025 Wednesday``, perhaps a time after the weekday
#: (``April 23, 2025 Wednesday 10:15 AM GMT``), or an edition (``Final Edition``).
_NEXIS_DATE = later(rf"^(?P<day>.*?\d{{4}}),?\s+(?P<wd>{_WEEKDAY})(?:\s+(?P<rest>.*))?$")
_COPYRIGHT = later(r"^(?:Copyright\b|©|\(c\)\s*\d{4})", re.IGNORECASE)
_END_OF_DOCUMENT = re.compile(r"^\s*End of Document\s*$")
_BODY = later(r"^\s*Body\s*$")
#: Nexis Uni's labelled lines (``Length: 212 words``); LexisNexis writes them in capitals.
_LABELLED = later(r"^\s*(?P<label>[A-Z][A-Za-z]*(?:-[A-Za-z]+)*):(?P<value>.*)$")
#: Labels of the header, whose values give fields or are furniture.
_HEAD_LABELS = frozenset(
    [
        "section",
        "length",
        "byline",
        "dateline",
        "highlight",
        "edition",
        "series",
        "correction",
        "correction-date",
        "source",
        "journal-code",
        "type",
        "column",
        "title",
    ]
)
#: Labels of the tail (after the text).
_TAIL_LABELS = frozenset(
    [
        "load-date",
        "language",
        "publication-type",
        "subject",
        "geographic",
        "company",
        "organization",
        "person",
        "industry",
        "ticker",
        "graphic",
        "notes",
        "url",
        "document-type",
        "journal-code",
        "classification",
        "distribution",
    ]
)
#: A page's mark, in the text of an export saved as PDF: ``Page 2 of 3``.
_PAGE = later(r"^\s*Page \d+ of \d+\s*$")
_DOCUMENTS = later(r"^\s*\d+ of \d+ DOCUMENTS?\s*$", re.IGNORECASE)
#: Factiva's tail: ``Document TRNDAZ0020250423el4n0005l``.
_FACTIVA_ID = re.compile(r"^\s*Document [A-Za-z0-9]{16,40}\s*$")
_WORDS_COUNT = later(r"^\s*[\d,.]+ words\s*$", re.IGNORECASE)
_CLOCK = later(r"^\s*\d{1,2}:\d{2}(?:\s*(?:GMT|UTC|[AP]M))?\s*$", re.IGNORECASE)
#: A Factiva code opening a line of an export with its indexing: ``HD``, ``PD``, ``TD``...
_CODE = later(r"^(?P<code>[A-Z]{2,3})(?:\s{1,8}(?P<value>\S.*))?\s*$")
_FACTIVA_CODES = frozenset(
    "HD CLM SE BY CR WC PD ET SN SC ED PG LA CY LP TD RF CO IN NS RE IPC IPD PUB AN".split()  # noqa: SIM905
)
_LANGUAGES = {
    "english": "en",
    "russian": "ru",
    "french": "fr",
    "german": "de",
    "spanish": "es",
    "italian": "it",
    "portuguese": "pt",
    "turkish": "tr",
    "azerbaijani": "az",
    "chinese": "zh",
    "japanese": "ja",
    "korean": "ko",
    "arabic": "ar",
    "persian": "fa",
    "farsi": "fa",
    "armenian": "hy",
    "georgian": "ka",
    "kazakh": "kk",
    "ukrainian": "uk",
}


@dataclass
class _Export:
    """What a database's header and tail said, and where the text lies (lines, 0-based)."""

    fields: dict[str, Field] = field(default_factory=dict)
    notes: list[tuple[int, str]] = field(default_factory=list)
    furniture: list[Furniture] = field(default_factory=list)
    start: int = 0
    end: int = 0


# --- which database ---------------------------------------------------------


def _layout(lines: Sequence[str]) -> str | None:
    """Which database's layout the lines are in, if any."""
    if any(_END_OF_DOCUMENT.match(x) for x in lines) and any(_BODY().match(x) for x in lines):
        return "nexis"
    if lines and any(_DOCUMENTS().match(x) for x in lines[:5]) and _labels(lines, "LENGTH"):
        return "lexisnexis"
    if _coded(lines):
        return "factiva-coded"
    last = next((x for x in reversed(lines) if x.strip()), "")
    if _FACTIVA_ID.match(last) and any(_WORDS_COUNT().match(x) for x in lines[:12]):
        return "factiva"
    return None


def _labels(lines: Sequence[str], label: str) -> list[int]:
    return [n for n, x in enumerate(lines) if x.startswith(f"{label}:")]


def _coded(lines: Sequence[str]) -> bool:
    """Whether the lines are Factiva's export with its indexing: ``HD``, ``PD`` and ``AN``
    opening lines, the headline first."""
    codes = [m["code"] for x in lines if (m := _CODE().match(x)) and m["code"] in _FACTIVA_CODES]
    return bool(codes) and codes[0] == "HD" and {"PD", "AN"} <= set(codes)


def detect(capture: Capture) -> bool:
    return _layout(capture.lines) is not None


# --- the reader -------------------------------------------------------------


def read(capture: Capture, problems: Problems) -> Reading:
    lines = capture.lines
    layout = _layout(lines)
    count = len(document_starts(lines))
    if count > 1:
        problems.error(
            capture.display,
            1,
            f"holds {count} documents of a database's export: one capture is one article "
            "(`archive-site add` adds each document of an export as a capture of its own)",
        )
    export = {
        "nexis": _nexis,
        "lexisnexis": _lexisnexis,
        "factiva": _factiva,
        "factiva-coded": _factiva_coded,
    }.get(layout or "", _nexis)(lines)
    fields, notes = export.fields, export.notes
    coded = layout == "factiva-coded"
    blocks = _coded_text(lines, export) if coded else _text(lines, export)
    body = [Block(join(bl), at) for bl, at in blocks]
    credits = take_credits(body, fields) if len(body) > 1 else []
    if body:
        take_dateline(body, 0, match_dateline(body[0].text), fields, notes, "the export's date")
    furniture = [*export.furniture, *credits]
    copyright_origin(export.furniture, fields)
    if "language" not in fields and body and (written := script_language(body)) is not None:
        fields["language"] = Field(written, body[0].line)
    return reading("database", fields, body, sorted(furniture, key=lambda f: f.line), sorted(notes))


def document_starts(lines: Sequence[str]) -> list[int]:
    """The line (0-based) each document of a database's export starts on, the first 0:
    ``[0]`` for an export of one document, or for text in no database's layout.

    LexisNexis opens each document with its number (``2 of 12 DOCUMENTS``); Nexis Uni and
    Factiva end each with a line of their own (``End of Document``; ``Document
    TRNDAZ0020250423el4n0005l``, Factiva's ``AN`` with its indexing), and the next starts on
    the line after it.  What lies before the first document (a download's cover page) is
    the first's, what follows the last the last's."""
    layout = _layout(lines)
    if layout == "lexisnexis":
        marks = [n for n, x in enumerate(lines) if _DOCUMENTS().match(x)]
        return [0, *marks[1:]]
    if layout is None:
        return [0]
    if layout == "factiva-coded":
        ends = [_accession_end(lines, n) for n, x in enumerate(lines) if _accession(x)]
    else:
        end = _END_OF_DOCUMENT if layout == "nexis" else _FACTIVA_ID
        ends = [n for n, x in enumerate(lines) if end.match(x)]
    return [0, *(n + 1 for n in ends[:-1])]


def _accession(line: str) -> bool:
    """Whether the line is the code of Factiva's accession number, ``AN``, its last."""
    return (m := _CODE().match(line)) is not None and m["code"] == "AN"


def _accession_end(lines: Sequence[str], at: int) -> int:
    """The last line of the accession number whose code is on line ``at``: that line, or
    the number's own after it (``AN`` / ``Document TRNDAZ0020250423el4n0005l``)."""
    if (m := _CODE().match(lines[at])) is not None and m["value"]:
        return at
    after = next((n for n in range(at + 1, len(lines)) if lines[n].strip()), at)
    return after if _FACTIVA_ID.match(lines[after]) else at


def _nexis(lines: Sequence[str]) -> _Export:
    out = _Export()
    body = next(n for n, x in enumerate(lines) if _BODY().match(x))
    out.furniture.append(Furniture("database", lines[body].strip(), body + 1))
    end = _tail_start(lines, body + 1)
    out.start, out.end = body + 1, end
    head = [(n, x.strip()) for n, x in enumerate(lines[:body]) if x.strip()]
    unlabelled: list[tuple[int, str]] = []
    for n, text in head:
        if not _header_label(text, out, n + 1):
            unlabelled.append((n, text))
    _header_lines(unlabelled, out)
    _tail(lines, end, out)
    return out


def _lexisnexis(lines: Sequence[str]) -> _Export:
    out = _Export()
    labelled = [n for n, x in enumerate(lines) if _is_label(x, _HEAD_LABELS)]
    tail = next(
        (
            n
            for n, x in enumerate(lines)
            if n > (labelled[-1] if labelled else 0) and _is_label(x, _TAIL_LABELS)
        ),
        len(lines),
    )
    first_label = labelled[0] if labelled else tail
    unlabelled: list[tuple[int, str]] = []
    for n, x in enumerate(lines[:first_label]):
        if _DOCUMENTS().match(x):
            out.furniture.append(Furniture("database", x.strip(), n + 1))
        elif x.strip():
            unlabelled.append((n, x.strip()))
    # the headline comes after the publication and its date here
    _header_lines(unlabelled, out, title_last=True)
    last = first_label
    for n in labelled:
        _header_label(lines[n].strip(), out, n + 1)
        last = n
    out.start, out.end = (last + 1 if labelled else first_label), tail
    _tail(lines, tail, out)
    return out


def _factiva(lines: Sequence[str]) -> _Export:
    out = _Export()
    count = next(n for n, x in enumerate(lines) if _WORDS_COUNT().match(x))
    above = [(n, x.strip()) for n, x in enumerate(lines[:count]) if x.strip()]
    if above:
        out.fields["title"] = Field(above[0][1], above[0][0] + 1)
        out.furniture.append(Furniture("database", above[0][1], above[0][0] + 1))
    for n, text in above[1:]:
        _byline(text, n + 1, out)
    out.furniture.append(Furniture("database", lines[count].strip(), count + 1))
    n = count + 1
    while n < len(lines) and lines[n].strip():  # the header's lines, up to a blank line
        _factiva_head_line(lines[n].strip(), n + 1, out)
        n += 1
    out.start = n
    out.end = max(n, max(i for i, x in enumerate(lines) if _FACTIVA_ID.match(x)))
    for i in range(out.end, len(lines)):
        if lines[i].strip():
            out.furniture.append(Furniture("database", lines[i].strip(), i + 1))
    return out


def _factiva_head_line(text: str, line: int, out: _Export) -> None:
    """A line of Factiva's header after the count of words: the date, its time (the
    database's, not the source's own), the source's name, its code, the language, the
    copyright line."""
    out.furniture.append(Furniture("database", text, line))
    if (
        ("published" not in out.fields and _date(text, line, out))
        or _COPYRIGHT().match(text)
        or _CLOCK().match(text)
        or re.fullmatch(r"[A-Z0-9]{3,10}", text)  # the source's code
    ):
        return
    if text.casefold() in _LANGUAGES:
        out.fields["language"] = Field(_LANGUAGES[text.casefold()], line)
    elif "outlet" not in out.fields and "published" in out.fields:
        out.fields["outlet"] = Field(text, line)


def _factiva_coded(lines: Sequence[str]) -> _Export:
    out = _Export()
    for code, value, at in _coded_parts(lines):
        if code in ("LP", "TD"):
            continue
        out.furniture.append(Furniture("database", f"{code} {value}".strip(), at + 1))
        if code == "HD" and value:
            out.fields["title"] = Field(value, at + 1)
        elif code == "BY" and value:
            _byline(value, at + 1, out)
        elif code == "PD":
            _date(value, at + 1, out)
        elif code == "SN" and value:
            out.fields["outlet"] = Field(value, at + 1)
        elif code == "LA" and value.casefold() in _LANGUAGES:
            out.fields["language"] = Field(_LANGUAGES[value.casefold()], at + 1)
        elif code == "SE" and value:
            out.fields["section"] = Field(value, at + 1)
    return out


def _coded_parts(lines: Sequence[str]) -> list[tuple[str, str, int]]:
    """Each code's part: the code, its value on its line, and the line (0-based)."""
    return [
        (m["code"], (m["value"] or "").strip(), n)
        for n, x in enumerate(lines)
        if (m := _CODE().match(x)) is not None and m["code"] in _FACTIVA_CODES
    ]


def _coded_text(lines: Sequence[str], out: _Export) -> list[tuple[list[str], int]]:
    """The text: the lines of the ``LP`` and ``TD`` parts, the lines after each code's
    line up to the next code's (other codes' lines after their own are furniture)."""
    parts = _coded_parts(lines)
    starts = [at for _, _, at in parts] + [len(lines)]
    blocks: list[tuple[list[str], int]] = []
    for (code, value, at), end in zip(parts, starts[1:], strict=True):
        if code in ("LP", "TD"):
            first = [f"{' ' * len(code)}{value}"] if value else []
            blocks += split_blocks([*first, *lines[at + 1 : end]], first_line=at + 1 + (not value))
        else:
            for n in range(at + 1, end):
                if lines[n].strip():
                    out.furniture.append(Furniture("database", lines[n].strip(), n + 1))
    return blocks


def _text(lines: Sequence[str], out: _Export) -> list[tuple[list[str], int]]:
    """The text's paragraphs, between ``out.start`` and ``out.end``; a page's mark of an
    export saved as PDF (``Page 2 of 3``, the headline repeated under it) is furniture, and
    the paragraph it fell in is one."""
    title = out.fields["title"].value if "title" in out.fields else None
    kept: list[tuple[int, str]] = []
    n = out.start
    while n < out.end:
        if _PAGE().match(lines[n]):
            out.furniture.append(Furniture("database", lines[n].strip(), n + 1))
            if n + 1 < out.end and title is not None and lines[n + 1].strip() == title:
                n += 1
                out.furniture.append(Furniture("database", title, n + 1))
        else:
            kept.append((n + 1, lines[n]))
        n += 1
    return split_blocks([x for _, x in kept], numbers=[at for at, _ in kept])


# --- the header's parts -----------------------------------------------------


def _is_label(line: str, labels: frozenset[str]) -> bool:
    m = _LABELLED().match(line)
    return m is not None and m["label"].casefold() in labels


def _header_label(text: str, out: _Export, line: int) -> bool:
    """Read a labelled line of the header into ``out``; whether it was one."""
    m = _LABELLED().match(text)
    if m is None or m["label"].casefold() not in _HEAD_LABELS:
        return False
    label, value = m["label"].casefold(), m["value"].strip()
    out.furniture.append(Furniture("database", text, line))
    if label == "byline" and value:
        _byline(value, line, out)
    elif label == "dateline" and value:
        out.fields.setdefault("dateline", Field(value, line))
    elif label == "section" and value:
        out.fields.setdefault("section", Field(value.split(";")[0].strip(), line))
    return True


def _header_lines(
    unlabelled: list[tuple[int, str]], out: _Export, *, title_last: bool = False
) -> None:
    """The header's lines with no label: the headline (Nexis repeats it), the publication,
    its date, the copyright line.  ``title_last``: the headline follows the date
    (LexisNexis Academic), else it comes first."""
    dates = [n for n, text in unlabelled if _date(text, n + 1, _Export())]
    # the date: LexisNexis's first; Nexis's nearest the text (a download's cover above may
    # have another)
    chosen = (dates[0] if title_last else dates[-1]) if dates else None
    rest: list[tuple[int, str]] = []
    for n, text in unlabelled:
        out.furniture.append(Furniture("database", text, n + 1))
        if _COPYRIGHT().match(text):
            continue
        if n == chosen and _date(text, n + 1, out):
            continue
        rest.append((n, text))
    if not rest:
        return
    outlet: tuple[int, str] | None
    if title_last:  # the headline: the lines of the last block (an edition is no part)
        first = next(
            i for i in range(len(rest), 0, -1) if i == 1 or rest[i - 1][0] - rest[i - 2][0] > 1
        )
        titles = rest[first - 1 :]
        outlet = rest[0] if first > 1 else None
    else:
        titles, outlet = _above_the_date(rest, out)
    if titles:
        out.fields["title"] = Field(" ".join(t for _, t in titles), titles[0][0] + 1)
    if outlet is not None:
        out.fields["outlet"] = Field(outlet[1], outlet[0] + 1)


def _above_the_date(
    rest: list[tuple[int, str]], out: _Export
) -> tuple[list[tuple[int, str]], tuple[int, str] | None]:
    """Nexis's headline and publication, read up from the date: the publication is the line
    above it, the headline the block of lines above that (Nexis writes it twice: the one
    nearest); what is above them, a download's cover page (its user, its job's number, the
    list of its documents), is furniture.  With no date: the first line the headline, the
    next other one the publication."""
    dated = out.fields.get("published")
    above = [r for r in rest if dated is None or r[0] + 1 < dated.line]
    if dated is None or not above:
        titles = [r for r in rest if r[1] == rest[0][1]][:1]  # (the headline, repeated)
        others = [r for r in rest if r[1] != rest[0][1]]
        return titles, (others[0] if others else None)
    outlet, above = above[-1], above[:-1]
    block: list[tuple[int, str]] = []
    for n, text in reversed(above):
        if block and block[0][0] - n > 1:
            break
        block.insert(0, (n, text))
    return block, outlet


def _date(text: str, line: int, out: _Export) -> bool:
    """Read the line as the publication's date, if it is one (with its weekday after it, as
    Nexis writes it, checked)."""
    m = _NEXIS_DATE().match(text)
    said = f"{m['wd']}, {m['day']} {m['rest'] or ''}".strip() if m else text
    stamp = parse_stamp(said) or (parse_stamp(f"{m['wd']}, {m['day']}") if m else None)
    if stamp is None:
        return False
    out.fields["published"] = Field(stamp.date, line)
    if stamp.time is not None and stamp.timezone is not None:
        out.fields["time"] = Field(stamp.time, line)
        out.fields["timezone"] = Field(stamp.timezone, line)
    wrong = stamp.weekday_note()
    if wrong is not None:
        out.notes.append((line, wrong))
    return True


def _byline(value: str, line: int, out: _Export) -> None:
    """The author a byline's value names (``Aytan Mammadova``, ``By JANE ROE, Reuters``)."""
    text = value if value.lower().startswith("by ") else f"By {value}"
    found = read_byline([text])
    if found is not None and found.author and "author" not in out.fields:
        out.fields["author"] = Field(found.author, line)
    if found is not None and found.agency:  # "By Jane Roe, Reuters": Reuters' story
        out.fields.setdefault("agency", Field(found.agency, line))


def _tail_start(lines: Sequence[str], start: int) -> int:
    """Where the text ends: the first of Nexis's tail's headings or labels after ``start``."""
    for n in range(start, len(lines)):
        text = lines[n].strip()
        if text in ("Classification", "Graphic", "End of Document") or _is_label(
            text, _TAIL_LABELS
        ):
            return n
    return len(lines)


def _tail(lines: Sequence[str], start: int, out: _Export) -> None:
    """The lines after the text, furniture; the language they name."""
    for n in range(start, len(lines)):
        text = lines[n].strip()
        if not text:
            continue
        out.furniture.append(Furniture("database", text, n + 1))
        m = _LABELLED().match(text)
        label = m["label"].casefold() if m is not None else None
        if m is not None and label == "language":
            tag = _LANGUAGES.get(m["value"].split(";")[0].strip().casefold())
            if tag is not None:
                out.fields.setdefault("language", Field(tag, n + 1))
        elif m is not None and label == "url" and is_web_url(m["value"].strip()):
            out.fields.setdefault("url", Field(m["value"].strip(), n + 1))


FORMAT = Format("database", read, detect, order=70)
