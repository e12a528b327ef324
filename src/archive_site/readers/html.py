"""``html``: a web page saved from a browser (``.html``, ``.htm``).

The main text comes from trafilatura (favouring precision: no navigation,
comments, tables or images); the metadata from what the page itself carries,
in this order of trust:

1. JSON-LD (``NewsArticle``, ``Article``, ``OpinionNewsArticle``,
   ``ReportageNewsArticle``..., also inside ``@graph`` or a list): headline,
   ``datePublished``, author, publisher, ``articleSection``, URL, and the kind
   where the type says it (``OpinionNewsArticle`` is opinion, a news type news);
2. Open Graph and ``article:*`` meta tags (``og:title``, ``og:site_name``,
   ``og:url``, ``article:published_time``, ``article:section``,
   ``article:author``; ``<meta name=author>``);
3. the first ``<h1>``, ``<time datetime>`` and ``<link rel=canonical>``.

Page furniture (navigation, cookie banners, share buttons, "read also" boxes,
tags, comments, sidebars, headers, footers, figure captions) is listed with
its line; no paragraph of it reaches the text.
"""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import itertools
import json
import re
import unicodedata
from collections.abc import Container, Iterator, Sequence
from dataclasses import dataclass
from html import unescape
from typing import Any

from ..config import language_tag, primary_language
from ..dates import MONTH_PATTERN, in_order, numeric_order
from ..errors import Problems
from ..files import CONTROL_CHARACTERS, nfc
from ..model import Furniture
from ..patterns import later
from ..text import INVISIBLE_RUN, normalise_text
from ..urls import is_web_url, uri_of
from .agencies import agency_of
from .base import CARD_PARTS, Block, Capture, Field, Format, Reading, reading, script_language
from .byline import (
    DOMAIN_END,
    OUTLET_WORDS,
    disclaimer,
    labelled_items,
    named_agency,
    named_author,
    no_person,
    no_writer,
    print_notice,
    read_byline,
    source_agencies,
    stamp_after_names,
    take_credits,
    take_opening_credit,
    with_agency,
    writers,
)
from .dateline import Dateline, match_dateline, take_dateline
from .htmlscan import (
    CLOSES_P,
    HIDING_STYLE,
    MOST_RAISED,
    NO_STATES,
    Hiding,
    PageScan,
    States,
    css_of,
    emoji_of,
    is_permalink,
    is_shadow_root,
    is_struck,
    names_author,
    names_correction,
    printed_address,
    quotation_marks,
    raised_as_shown,
    scan,
    strike_states,
)
from .liveblog import Update, with_updates
from .parts import earlier_entries_note, excerpt_note, load_more, pagers, split_note
from .release import take_release_furniture
from .scholarly import partial_date, scholarly_fields
from .stamps import (
    Stamp,
    before_changed,
    find_published_stamp,
    labelled,
    other_calendar,
    parse_published,
    parse_stamp,
    says_changed,
)
from .tgpost import Channel, Post, telegram_post
from .turns import has_qa_turns, interview_field, mark_turns
from .wire import (
    MAX_PROMOTION_WORDS,
    copyright_origin,
    navigation,
    points_elsewhere,
    promotion,
    separator,
    split_tail,
)

#: schema.org types of an article, and the kind some of them state.
_ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "OpinionNewsArticle",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "BackgroundNewsArticle",
        "ReviewNewsArticle",
        "AskPublicNewsArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "Report",
        "SatiricalArticle",
    }
)
_KIND_OF_TYPE = {
    "OpinionNewsArticle": "opinion",
    "NewsArticle": "news",
    "ReportageNewsArticle": "news",
    "BackgroundNewsArticle": "news",
}
#: How a saved page starts: its doctype or ``<html>``, after comments and, in XHTML, the
#: XML declaration (:func:`_page_start`).
_XML_DECLARATION = later(r"\s*(?:<\?xml\s[^>]*>\s*)?")
_SPACES = later(r"\s*")
_HTML_TAG = later(r"<(?:!doctype\s+html|html[\s>])", re.I)
#: Kinds of furniture whose text never becomes a paragraph, even when the extractor keeps it.
_NEVER_TEXT = frozenset(
    {
        "caption",
        "share",
        "read-also",
        "tags",
        "affiliations",
        "citation",
        "comments",
        "cookie-banner",
        "sidebar",
        "newsletter",
        "embedded-post",
        "appeal",
        "promotion",
        "contents",
    }
)


def detect(capture: Capture) -> bool:
    return _page_start(capture.text)  # (linear: its opening comments may be any length)


def _page_start(text: str) -> bool:
    """Whether ``text`` starts as a saved page does: its doctype or ``<html>``, after white
    space, an XML declaration and comments, each comment skipped where its first ``-->``
    ends it (a pattern whose comments could hold ``-->`` tried every way of splitting the
    comments before failing: 80 short ones, no ``<html>`` in sight, took hours)."""
    at = _XML_DECLARATION().match(text).end()  # type: ignore[union-attr]
    while text.startswith("<!--", at):
        end = text.find("-->", at + 4)
        if end < 0:
            return False
        at = _SPACES().match(text, end + 3).end()  # type: ignore[union-attr]
    return bool(_HTML_TAG().match(text, at))


def is_page(name: str, data: bytes) -> bool:
    """Whether the capture file ``name`` holding ``data`` is a saved web page, before its
    text is known: by its name, or by how its bytes start (in any encoding that writes
    ASCII as ASCII)."""
    if name.lower().endswith(FORMAT.suffixes):
        return True
    head = data[:4096].decode("latin-1")
    opening = head.lstrip()
    if not opening or opening.startswith(("<!--", "<?xml")):
        head = data.decode("latin-1")  # its spaces or comments may go on past 4,096 bytes
    return _page_start(head)


@dataclass(frozen=True, slots=True)
class _Found:
    """One value and where the page says it."""

    value: str
    line: int


#: A character reference to a control character (``&#x1b;``, ``&#27;``): no text can hold
#: one, and the extractor found no text at all in a page with one (audit 5).
_CONTROL_REFERENCE = later(
    r"&#(?:[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F]|7[fF]|[89][0-9a-fA-F])"
    r"|0*(?:[0-8]|1[1-2]|1[4-9]|2[0-9]|3[01]|12[7-9]|1[3-5][0-9]));"
)


def _referenced(text: str, notes: list[tuple[int, str]]) -> str:
    """``text`` with its references to a control character read as spaces, with a note on
    the line of the first; but a reference to one of 128 to 159 that windows-1252 gives a
    character is that character, as HTML's parser reads it (``&#146;`` is "’", ``&#147;``
    "“", ``&#150;`` "–", ``&#128;`` "€", as an old page written on Windows has them): read
    as spaces, "We won&#146;t wait" was "We won t wait", the quotation marks and the euro
    sign lost."""
    first: re.Match[str] | None = None
    count = 0

    def shown(found: re.Match[str]) -> str:
        nonlocal first, count
        digits = found[0][2:-1]
        code = int(digits[1:], 16) if digits[0] in "xX" else int(digits)
        if 0x80 <= code <= 0x9F:
            try:
                return bytes([code]).decode("windows-1252")
            except UnicodeDecodeError:
                pass  # (five it leaves as controls: 129, 141, 143, 144, 157)
        first, count = first or found, count + 1
        return " "

    read = _CONTROL_REFERENCE().sub(shown, text)
    if first is not None:
        line = text.count("\n", 0, first.start()) + 1
        what = f"{count} reference{'s' if count > 1 else ''} to a control character"
        notes.append((line, f"{what} (the first {first[0]}) read as spaces"))
    return read


def read(capture: Capture, problems: Problems) -> Reading:
    notes: list[tuple[int, str]] = []
    text = capture.text
    if _CONTROL_REFERENCE().search(text) is not None:
        text = _referenced(text, notes)
    page = scan(text)
    fields = _metadata(page, notes)
    spaced = Capture(text, capture.lines, capture.display)  # (its control references spaces)
    if (telegram := _from_telegram(spaced, page, fields, notes, problems)) is not None:
        return telegram
    if page.refused is not None:  # its text is not extracted; what was found before, kept
        why, line = page.refused
        problems.error(capture.display, line, f"the page has {why}; it is not read")
        return reading("html", fields, [], page.furniture, notes)
    body, aside, teasers = _paragraphs(text, page, fields.get("title"), notes)
    if _a_list(teasers, body):  # a section front's stories, each its own
        problems.error(capture.display, body[0].line, _LIST.format(teasers.count))
        return reading("html", fields, [], page.furniture, notes)
    body = _shown_or_said(page, body, fields.get("title"), notes)
    body, pulled = _with_pull_quotes(page, body)
    notes.extend(_paywalled(page))
    notes.extend(_split_over_pages(page, fields))
    notes.extend(_struck_note(page, body))
    notes.extend(_raised_within_note(page, body))
    read_on = excerpt_note(page.blocks, body[-1].line) if body else None
    notes.extend([read_on] if read_on is not None else [])
    notes.extend(_more_in_script(text, body))
    aside.extend(_pagers_left(page, body, aside))
    body = _without_shell(text, body)
    extracted = len(body)
    body = _with_standfirst(page, body)
    lead = len(body) - extracted  # the standfirst the extractor left out, put first
    outlet = fields.get("outlet")
    body = _without_boilerplate(page, body, aside, outlet.value if outlet else None)
    body = _without_column(page, body, aside)  # "Latest news" and its headlines after the text
    aside.extend(take_release_furniture(body, fields))  # ("News provided by", "About ...")
    _byline_author(aside, fields)
    aside.extend(take_credits(body, fields))
    if (opening_credit := take_opening_credit(body, fields)) is not None:
        aside.append(opening_credit)  # "Daily Sabah with AA" above the text, as in wire copy
    _sources_after(page, body, aside, fields)
    copyright_origin(aside, fields)  # "Copyright 2025 The Associated Press." in the story
    _origin_as_author(aside, fields)
    _labelled_head(body, aside, fields)
    if _labels_alone(body):  # a list of links' headings: "Unread", "Read Archive"
        notes.append((body[0].line, _LABELS_ALONE.format(body[0].text)))
        body = []
    elif not body:
        notes.append((1, "no article text found in the page" + _scripted(text) + _captioned(page)))
    else:
        lead = lead if len(body) > 1 else 0
        opening, second = body[lead].line, body[min(lead + 1, len(body) - 1)].line
        _text_writers(page, body, fields, notes)
        near = _to_text(page, fields, body[min(lead + 1, len(body) - 1)].text)
        _printed_otherwise((page, near), (opening, second, body[-1].line), fields, notes)
        _stamp_date((page, near), (opening, second, body[-1].line), fields, notes)
        _head_byline(near, opening, fields)
        _header_agency(near, opening, second, fields)
        _in_outlet_zone(near, second, fields)
        at, found = _dateline_of(body, _page_order(page, fields))
        take_dateline(body, at, found, fields, notes, "the page's date")
        if has_qa_turns(body):  # only outright: a page's "- " or "— " may open anything
            body = mark_turns(body, dashes=False)
            kind = interview_field(body)
            said = fields.get("kind")
            if kind is not None and (said is None or said.value == "news"):
                fields["kind"] = kind  # more than news (a NewsArticle's kind): an interview
        headed, missing = _live_blog(page, _stamps_heading(page, body, aside), fields)
        notes.extend(_live_blog_notes(missing, load_more(text) if headed != body else None))
        body = headed
    _language_written(body, fields, notes)
    _as_wiki_page(text, page, fields, notes)
    kept = [f for f in page.furniture if f not in pulled]
    furniture = sorted([*kept, *aside], key=lambda f: f.line)
    dashed, bold = _page_dashes(page, body), _page_bold(page, body)
    return reading("html", fields, body, furniture, notes, dashed=dashed, bold=bold)


def _text_writers(
    page: PageScan, body: list[Block], fields: dict[str, Field], notes: list[tuple[int, str]]
) -> None:
    """The author the page's own article item gives (see :func:`_own_item`), and none an
    element gave when the page's elements naming writers are its entries' (see
    :func:`_entries_writers`)."""
    _entries_writers(page, body, fields, notes)
    _own_item(page, body, fields)


def _entries_writers(
    page: PageScan, body: list[Block], fields: dict[str, Field], notes: list[tuple[int, str]]
) -> None:
    """No author, but a note, where the one read is an element's (see
    :func:`_element_author`) and the elements naming writers on the lines of the text's
    headings name two or more: a live blog's entries, each headed by its writer's name, as
    a chat's messages (``Aigerim Nurlanova · 11:42``, ``Daniyar
    Ospanov · 10:15``): the first entry's writer was read as the whole page's."""
    author = fields.get("author")
    if author is None or not any(line == author.line for _, line in page.authors):
        return
    headings = {b.line for b in body if b.role == "heading"}
    names = [n for text, line in page.authors if line in headings and (n := named_author(text))]
    writers = list(dict.fromkeys(names))
    if len(names) < 2 or len(writers) < 2:
        return
    del fields["author"]
    more = "..." if len(writers) > _MOST_WRITERS_SHOWN else ""
    shown = ", ".join(writers[:_MOST_WRITERS_SHOWN]) + more
    notes.append((author.line, _ENTRIES_WRITERS.format(len(writers), shown)))


_MOST_WRITERS_SHOWN = 3
_ENTRIES_WRITERS = (
    "the page names {} writers, each heading entries of its text ({}): none is read as "
    "the whole page's author; give its author (or the outlet's) in the metadata"
)


def _own_item(page: PageScan, body: list[Block], fields: dict[str, Field]) -> None:
    """The date and the author the page's own article item gives (see
    :class:`.htmlscan.ArticleItem`), where nothing more trusted gave them: the item holding
    the text's first and last paragraphs (classic Blogger's post, its date and author in
    its footer, furniture); never a ticker's item, another story's, which holds none of it.
    Its author is a writer's name, as a byline's (see :func:`_writers_named`)."""
    ends = (_key(body[0].text), _key(body[-1].text))
    for item in page.items:
        held = _key(item.text)
        if not all(end in held for end in ends):
            continue
        if item.published is not None and "published" not in fields:
            for key, found in _date_fields(*item.published).items():
                fields.setdefault(key, Field(found.value, found.line))
        if item.author is not None and "author" not in fields and not _no_name(item.author[0]):
            writer, _ = _writers_named(item.author[0])
            if writer:
                fields["author"] = Field(writer, item.author[1])
        return


@dataclass(frozen=True, slots=True)
class _Teasers:
    """How many headings of a text are links, each to another address (see
    :func:`_teasers`), and how many words come before the first."""

    count: int
    before: int


#: The fewest teasers that make a page a list of stories (see :func:`_teasers`).
_LEAST_TEASERS = 5
#: The most words before its first teaser that a list of stories has (a section's
#: introduction); an article's own text is longer.
_MOST_WORDS_BEFORE_TEASERS = 50
_LIST = (
    "the page is a list of stories (a section front, a search's results?): {} of its "
    "headings are links, each to another story; it is not read as one article: save the "
    "page of the story itself"
)


def _a_list(teasers: _Teasers, body: list[Block]) -> bool:
    """Whether a text of the blocks ``body``, of which ``teasers`` headings are links each
    to another address, is a list of stories: :data:`_LEAST_TEASERS` of them at least, a
    third of its blocks or more (an article may link a heading or two), after few words
    (an article's text, then a box of other stories the page's scan did not know, is an
    article's)."""
    return (
        teasers.count >= _LEAST_TEASERS
        and teasers.count * 3 >= len(body)
        and teasers.before <= _MOST_WORDS_BEFORE_TEASERS
    )


def _shown_or_said(
    page: PageScan, body: list[Block], title: Field | None, notes: list[tuple[int, str]]
) -> list[Block]:
    """``body``, or the text the page's JSON-LD gives its article (``articleBody``, see
    :func:`_said_body`) when the page shows none or less than half of it, all of it there:
    a page built by a script shows its headline and a placeholder, and its metadata holds
    the text. ``notes`` says so."""
    said = _said_body(page, title)
    if said is None:
        return body
    texts, line = said
    whole = _key(" ".join(texts)).replace(" ", "")
    shown = sum(len(b.text.split()) for b in body)
    if shown * 2 >= len(" ".join(texts).split()) or any(
        _key(b.text).replace(" ", "") not in whole for b in body
    ):
        return body
    notes.append((line, _SAID_BODY.format(shown=shown, count=len(texts))))
    return [Block(t, line, "body") for t in texts]


_SAID_BODY = (
    "the page shows {shown} words of its text; its {count} paragraphs are read from its "
    "JSON-LD's articleBody: compare with the page as the browser shows it"
)


def _more_in_script(text: str, body: list[Block]) -> list[tuple[int, str]]:
    """The note on a page that keeps its content in a script (see :data:`_SCRIPT_STATE`)
    holding the text's first paragraph and more than twice its words (Nuxt's ``__NUXT__``
    under a page showing the lead alone, before the script ran): its text may be only what
    the page showed."""
    found = _SCRIPT_STATE().search(text)
    if found is None or not body:
        return []
    end = text.find("</script", found.end())
    script = text[found.end() : end if end >= 0 else len(text)]
    head = body[0].text[:_ENDS]
    words = sum(len(b.text.split()) for b in body)
    if head not in script or len(script.split()) <= 2 * words:
        return []
    return [(text.count("\n", 0, found.start()) + 1, _MORE_IN_SCRIPT.format(found[1]))]


_MORE_IN_SCRIPT = (
    "the page keeps its content in a script ({}) holding its text's first paragraph and "
    "more: its text may be only what the page showed before the script ran; save the page "
    "as the browser shows it (SingleFile, a web archive), or compare with it"
)


def _paywalled(page: PageScan) -> list[tuple[int, str]]:
    """The note on a page whose JSON-LD says its article is not free to read
    (``isAccessibleForFree: false``, as Google asks of a paywalled page): its text may be
    only what it shows above the paywall."""
    for script, line in page.json_ld:
        try:
            nodes = list(_nodes(json.loads(script)))
        except (ValueError, RecursionError):
            continue
        for node in nodes:
            if str(node.get("isAccessibleForFree", "")).strip().lower() == "false":
                return [(line, _PAYWALLED)]
    return []


def _split_over_pages(page: PageScan, fields: dict[str, Field]) -> list[tuple[int, str]]:
    """The note on a page that shows it is one page of a story split over pages (see
    :mod:`.parts`)."""
    furniture = [(f.text, f.line) for f in page.furniture if f.kind != "comments"]
    furniture += [(text, line) for kind, text, line in page.furniture_blocks if kind != "comments"]
    address = fields["url"].value if "url" in fields else None
    note = split_note(page.next_links, [*page.blocks, *furniture], address)
    return [] if note is None else [note]


def _pagers_left(page: PageScan, body: list[Block], aside: list[Furniture]) -> list[Furniture]:
    """The page's pagers and links to read on (see :func:`.parts.pagers`) that no furniture
    holds yet, as navigation: the notes name them, and they were listed nowhere."""
    kept = {_key(t) for t in [*(b.text for b in body), *(f.text for f in aside)]}
    last = body[-1].line if body else 0
    return [
        Furniture("navigation", text, line)
        for text, line in pagers(page.blocks, last)
        if _key(text) not in kept
    ]


_PAYWALLED = (
    "the page says its article is not free to read (isAccessibleForFree: false): its text "
    "may be only what the page shows above its paywall; compare with the article"
)


def _live_blog(
    page: PageScan, body: list[Block], fields: dict[str, Field]
) -> tuple[list[Block], tuple[int, str] | None]:
    """``body`` with each of its live blog's updates headed by its time and heading, as the
    page's JSON-LD gives them (see :mod:`.liveblog`); and the note saying how many of them
    the text does not hold, if any."""
    said = _live_updates(page, fields)
    if said is None:
        return _timed_entries(page, body, fields), None
    updates, line = said
    body, missing = with_updates(body, updates, _key)
    if not missing:
        return body, None
    first = f"“{missing[0].headline}”" if missing[0].headline else missing[0].when
    return body, (line, _UPDATES_MISSING.format(len(missing), len(updates), first))


def _live_blog_notes(
    missing: tuple[int, str] | None, button: tuple[int, str] | None
) -> list[tuple[int, str]]:
    """The notes on a live blog's entries the capture may not hold: the one saying how many
    of the updates its JSON-LD gives the text does not hold (``missing``), else the one on
    its page's button loading more of them (``button``: its line and words, see
    :func:`.parts.load_more`); one note, not two, when both are (one gap told twice), the
    first naming the button."""
    if missing is None:
        return [] if button is None else [earlier_entries_note(button)]
    if button is None:
        return [missing]
    return [(missing[0], f"{missing[1]} (its page holds a button to load more: {button[1]!r})")]


_UPDATES_MISSING = (
    "{} of the {} updates the page's JSON-LD gives its live blog are not in its text (the "
    "first: {}): the page may show only some of them; compare with the live blog"
)


def _timed_entries(page: PageScan, body: list[Block], fields: dict[str, Field]) -> list[Block]:
    """``body`` with a live blog's entries headed by their times, where no JSON-LD lists
    them but each opens with a ``<time datetime>`` (see :func:`_time_updates`): two or
    more, else ``body`` as it is."""
    updates = _time_updates(page, fields)
    if len(updates) < _LEAST_ENTRIES:
        return body
    headed, missing = with_updates(body, updates, _key)
    return headed if len(updates) - len(missing) >= _LEAST_ENTRIES else body


#: The entries, at least, that make a page's timed blocks a live blog's.
_LEAST_ENTRIES = 2


def _time_updates(page: PageScan, fields: dict[str, Field]) -> list[Update]:
    """A live blog's entries as its page writes them, each a block (``<div>``, ``<li>``,
    ``<article>``) opening with a ``<time>`` whose ``datetime`` has a time, then its heading
    or its first paragraph: an update with that time (its day too, when it is not the
    page's) and heading, as the JSON-LD's are (see :func:`_update`)."""
    day = fields["published"].value if "published" in fields else None
    sizes = {len(t) + 1 for _, t, _ in page.times if 0 < len(t) <= _MOST_ENTRY_STAMP}
    containers = _opening_with(sizes, page.blocks)
    headings = _by_opening(t for t, _ in page.headings)
    opened = sorted({len(k) for k in headings})
    updates: list[Update] = []
    for stamp, text, _ in page.times:
        found = _date_fields(stamp, 0) if text else {}
        waiting = containers.get(text + " ")
        if "time" not in found or not waiting:
            continue
        rest = waiting.popleft()[len(text) + 1 :]
        head = next(
            (h for n in opened for h in headings.get(rest[:n], ()) if rest.startswith(h + " ")),
            "",
        )
        when = found["time"].value
        if "published" in found and found["published"].value != day:
            when = f"{found['published'].value} {when}"
        opening = rest[len(head) :].strip()
        updates.append(Update(head, when, _key(head) if head else "", _key(opening)))
    return updates


#: The characters of a block's text by which it is looked up (see :func:`_by_opening`).
_OPENED = 12


def _opening_with(
    lengths: set[int], blocks: Sequence[tuple[str, int]]
) -> dict[str, collections.deque[str]]:
    """The texts of ``blocks``, in their order, by their openings of each of ``lengths``
    (a ``<time>``'s text and a space, at most :data:`_MOST_ENTRY_STAMP` long): the blocks
    each ``<time>`` may open."""
    out: dict[str, collections.deque[str]] = {}
    for size in sorted(lengths):
        for text, _ in blocks:
            if len(text) > size and text[size - 1] == " ":
                out.setdefault(text[:size], collections.deque()).append(text)
    return out


def _by_opening(texts: Iterator[str] | Sequence[str]) -> dict[str, list[str]]:
    """``texts`` by their first :data:`_OPENED` characters."""
    out: dict[str, list[str]] = {}
    for text in texts:
        out.setdefault(text[:_OPENED], []).append(text)
    return out


def _live_updates(page: PageScan, fields: dict[str, Field]) -> tuple[list[Update], int] | None:
    """The updates (``liveBlogUpdate``) of the page's one live blog (``LiveBlogPosting``)
    in its JSON-LD, and its line; None when there is no live blog, or more than one."""
    blogs: list[tuple[Any, int]] = []
    for script, line in page.json_ld:
        try:
            nodes = list(_nodes(json.loads(script)))
        except (ValueError, RecursionError):
            continue  # (noted where its fields are read)
        blogs.extend((n["liveBlogUpdate"], line) for n in nodes if "liveBlogUpdate" in n)
    if len(blogs) != 1:
        return None
    said, line = blogs[0]
    day = fields["published"].value if "published" in fields else None
    listed = said if isinstance(said, list) else [said]
    updates = [_update(u, day) for u in listed if isinstance(u, dict)]
    return [u for u in updates if u.label()], line


def _update(node: dict[str, Any], day: str | None) -> Update:
    """One update of a live blog from its JSON-LD: its headline, its time (with its day when
    that is not ``day``, the live blog's) and its text's first paragraph."""
    headline = node.get("headline") or node.get("name")
    head = " ".join(_said_paragraphs(headline)) if isinstance(headline, str) else ""
    said = node.get("articleBody") or node.get("text")
    opening = _said_paragraphs(said)[:1] if isinstance(said, str) else []
    stated = node.get("datePublished")
    found = _date_fields(stated, 0) if isinstance(stated, str) else {}
    when = found["time"].value if "time" in found else ""
    if "published" in found and found["published"].value != day:
        when = f"{found['published'].value} {when}".strip()
    return Update(head, when, _key(head), _key(opening[0]) if opening else "")


def _said_body(page: PageScan, title: Field | None) -> tuple[list[str], int] | None:
    """The paragraphs of the ``articleBody`` (or ``text``) that the page's JSON-LD gives the
    article of its headline (``title``), or its one article with a text, and its line."""
    bodies: list[tuple[list[str], int, str]] = []
    for script, line in page.json_ld:
        try:
            nodes = list(_nodes(json.loads(script)))
        except (ValueError, RecursionError):
            continue  # (noted where its fields are read)
        for node in nodes:
            if _ARTICLE_TYPES.intersection(_types(node)):
                said = node.get("articleBody") or node.get("text")
                if isinstance(said, str) and said.strip():
                    headline = _text(node.get("headline") or node.get("name")) or ""
                    bodies.append((_said_paragraphs(said), line, _title_key(headline)))
    if title is not None:
        own = [b for b in bodies if b[2] == _title_key(title.value)]
        bodies = own or bodies
    if len(bodies) != 1 or not bodies[0][0]:
        return None
    return bodies[0][0], bodies[0][1]


#: A tag in a JSON-LD text (some sites give its HTML): a paragraph's or a break's ends a line.
_SAID_BREAK = later(r"(?i:</p\s*>|<br\s*/?>)")
_SAID_TAG = later(r"<[^<>]*+>")
#: The start of an element of a JSON-LD text whose text is none of its words (see
#: :func:`_unshown`; words struck through too, see :func:`.htmlscan.is_struck`), and the
#: end of each.
_SAID_UNSHOWN = later(r"<(script|style|del|strike|s)\b", re.IGNORECASE)
_SAID_UNSHOWN_END = {
    name: later(rf"</{name}\b[^>]*+>?", re.IGNORECASE)
    for name in ("script", "style", "del", "strike", "s")
}


def _said_paragraphs(said: str) -> list[str]:
    """The paragraphs of a JSON-LD text: its lines, without tags, character references
    read."""
    said = _SAID_TAG().sub("", _SAID_BREAK().sub("\n", _unshown(said)))
    said = unescape(said) if _CHARACTER_REFERENCE().search(said) else said
    lines = (" ".join(nfc(line).split()) for line in said.splitlines())
    return [line for line in lines if line]


def _unshown(said: str) -> str:
    """A JSON-LD text (some sites give its HTML) without its script and style elements,
    whose text a browser never shows: a live blog's update headed "track(0)b{x:1}Ferry
    update" by its headline's. Each element's end is looked for from its start, and the
    text after it from there: linear, however many are left open (one ends the text)."""
    parts: list[str] = []
    at = 0
    while (opened := _SAID_UNSHOWN().search(said, at)) is not None:
        parts.append(said[at : opened.start()])
        end = _SAID_UNSHOWN_END[opened[1].lower()]().search(said, opened.end())
        at = len(said) if end is None else end.end()
    parts.append(said[at:])
    return "".join(parts)


def _without_shell(text: str, body: list[Block]) -> list[Block]:
    """``body``, or none when it is fewer than :data:`_LEAST_BLOCK_WORDS` words in a page
    that keeps its content in a script (see :data:`_SCRIPT_STATE`): a shell's placeholder
    ("Loading…"), whose text the script shows once it runs."""
    if sum(len(b.text.split()) for b in body) >= _LEAST_BLOCK_WORDS or _scripted(text) == "":
        return body
    return []


def _captioned(page: PageScan) -> str:
    """What a note on a page with no text adds when its figures' captions are most of its
    words, as in a gallery of photographs: that they are never its text; else nothing."""
    captions = [
        t for f, t in zip(page.furniture, page.furniture_text, strict=True) if f.kind == "caption"
    ]
    words = sum(len(t.split()) for t in page.furniture_text)
    if not captions or sum(len(t.split()) for t in captions) * 2 < words:
        return ""
    return (
        f": its words are its figures' captions ({len(captions)}), as in a gallery of "
        "photographs, and a caption is never an article's text"
    )


#: A message of Telegram Desktop's export of a chat or a channel ("Export chat history",
#: as HTML: ``messages.html``, its messages ``div.message.default``, one after another).
_CHAT_MESSAGE = later(r'<div class="message default clearfix(?: joined)?"')
_CHAT_EXPORT = (
    "a Telegram export of a chat or a channel (messages.html), its messages from here: an "
    "article is one post; add each post on its own, its text copied into a .txt file (its "
    "channel, day and time, shown above it, are for the metadata)"
)


def _from_telegram(
    capture: Capture,
    page: PageScan,
    fields: dict[str, Field],
    notes: list[tuple[int, str]],
    problems: Problems,
) -> Reading | None:
    """The reading of a page of Telegram's: a post's preview, the post (see
    :func:`_telegram`); a channel's page, the post its address names, or no article, an
    error saying what to do, when it names none of them; an export of a chat or a channel
    (its first post was read, the rest dropped), no article, an error. None for any other
    page."""
    if (chat := _chat_export(capture.text)) is not None:
        problems.error(capture.display, chat, _CHAT_EXPORT)
        return reading("html", {}, [], page.furniture, notes)
    if not _on_telegram(fields):
        return None  # (a news page holding a post's widget is the news page's)
    post = telegram_post(capture.text, _addresses(page, fields))
    if isinstance(post, Channel):
        problems.error(capture.display, post.line, _CHANNEL.format(post.posts))
        return reading("html", {}, [], page.furniture, notes)
    return None if post is None else _telegram(page, post, fields, notes)


def _telegram(
    page: PageScan, post: Post, fields: dict[str, Field], notes: list[tuple[int, str]]
) -> Reading:
    """The reading of a page of Telegram's preview of a channel's post (see :mod:`.tgpost`):
    its words, the channel its outlet, its time; the page's tags name the channel as its
    title and Telegram as its outlet, which the post is not (it has no headline)."""
    said = {k: v for k, v in fields.items() if k not in ("title", "outlet", "url")}
    opening = post.blocks[0].text[:_POST_OPENING] if post.blocks else None
    # (the widget the scan took for a sidebar: the post itself)
    furniture = [f for f in page.furniture if opening is None or opening not in f.text]
    return reading(
        "html",
        said | post.fields,
        post.blocks,
        sorted([*furniture, *post.furniture], key=lambda f: f.line),
        notes,
    )


_CHANNEL = (
    "a Telegram channel's page of {} posts (t.me/s/channel), its address naming none of "
    "them: an article is one post; save the post's own page (the link of its time, "
    "https://t.me/channel/NUMBER) and add that, or add each post on its own"
)


def _addresses(page: PageScan, fields: dict[str, Field]) -> tuple[str, ...]:
    """The addresses a page gives of itself: its canonical one (its ``url``), and the one
    a browser saved it from."""
    url, saved = fields.get("url"), page.saved_from
    return tuple(a for a in (url and url.value, saved and saved[0]) if a)


#: The characters of a post's first paragraph that tell the widget holding it.
_POST_OPENING = 40


def _on_telegram(fields: dict[str, Field]) -> bool:
    """Whether a page's tags say it is Telegram's own (``og:site_name`` "Telegram", or its
    address on ``t.me``): a news page holding a post's widget is the news page's."""
    outlet, url = fields.get("outlet"), fields.get("url")
    return (outlet is not None and outlet.value == "Telegram") or (
        url is not None and url.value.startswith(("https://t.me/", "http://t.me/"))
    )


def _chat_export(text: str) -> int | None:
    """The line of the first message of a Telegram export of a chat (two messages or more:
    see :data:`_CHAT_MESSAGE`), whose posts are no one article; None for any other page."""
    found = _CHAT_MESSAGE().finditer(text)
    first = next(found, None)
    if first is None or next(found, None) is None:
        return None
    return text.count("\n", 0, first.start()) + 1


#: The most blocks, and the most words in each, of a text of labels alone (see
#: :func:`_labels_alone`).
_MOST_LABELS = 3
_MOST_LABEL_BLOCK_WORDS = 5
_MOST_LABEL_CHARACTERS = 40
_LABELS_ALONE = (
    "no article text found in the page: its only words outside its furniture are a heading "
    "or a label or three, of no sentence ({!r}), as in a list of links (a browser's "
    "bookmarks, a read-later service's export: add each article's own page)"
)


def _labels_alone(body: list[Block]) -> bool:
    """Whether a page's text is a label or three of a few words, none a sentence's (no stop
    ends it): the headings of a list of links, Pocket's export ("Unread", "Read Archive"), a
    browser's bookmarks ("Bookmarks bar"), whose links the extractor leaves out."""
    return 0 < len(body) <= _MOST_LABELS and all(
        len(b.text.split()) <= _MOST_LABEL_BLOCK_WORDS
        and b.text.rstrip()[-1:] not in ".!?…。！？」』”\"'’)»"
        and len(b.text) <= _MOST_LABEL_CHARACTERS  # (a sentence of Chinese is one "word")
        for b in body
    )


#: Where a page built by a script keeps its content, for the script to show it: Next.js's
#: ``__NEXT_DATA__``, Nuxt's ``__NUXT__``, a store's ``__INITIAL_STATE__``...
_SCRIPT_STATE = later(
    r"\b(__NEXT_DATA__|__NUXT_DATA__|__NUXT__|__INITIAL_STATE__|__PRELOADED_STATE__"
    r"|__APOLLO_STATE__|__remixContext)\b"
)


def _scripted(text: str) -> str:
    """What a note on a page with no text adds when the page keeps its content in a script
    (see :data:`_SCRIPT_STATE`), which a saved copy shows only once the script ran; else
    nothing."""
    found = _SCRIPT_STATE().search(text)
    if found is None:
        return ""
    return (
        f": its content is in a script ({found[1]}), which shows it only when the page runs; "
        "save the page as the browser shows it (SingleFile, a web archive), or its text"
    )


def _page_dashes(page: PageScan, body: list[Block]) -> frozenset[str]:
    """The texts of the paragraphs opening with ``- `` that the page itself wrote so (a
    block of the page holds the same text, its dash with it: ``<p><strong>- Mr.
    President, ...?</strong></p>``, as president.az and AZERTAC set an interview), not
    the extractor's mark of a list's item (``<li>`` gives ``- item``)."""
    opening = [b.text for b in body if b.text.startswith("- ")]
    if not opening:
        return frozenset()
    written = {_key(text) for text, _ in page.blocks if text.startswith("-")}
    return frozenset(text for text in opening if _key(text) in written)


def _page_bold(page: PageScan, body: list[Block]) -> frozenset[str]:
    """The texts of the paragraphs the page set wholly in bold (a block of the page whose
    ``<strong>`` or ``<b>`` holds all its text): an interview's questions, where a paper
    marks them so alone (the Guardian, Le Monde; see :func:`.turns.turns_by_markers`)."""
    if not page.bold:
        return frozenset()
    bold = {_key(text) for text in page.bold}
    return frozenset(b.text for b in body if _key(b.text) in bold)


# --- the text -------------------------------------------------------------------

#: How many of the page's blocks after the text's last paragraph may name its sources.
_BLOCKS_AFTER = 4
_MAX_SOURCE_WORDS = 12


def _sources_after(
    page: PageScan, body: list[Block], aside: list[Furniture], fields: dict[str, Field]
) -> None:
    """The news agency a line naming the story's sources names ("Source(s): Xinhua News
    Agency", see :func:`.byline.source_agencies`) as the text's origin, when the extractor
    left the line out: one of the page's few short blocks just after the block of the
    text's last paragraph (in the page's order, not its lines: a minified page is one line),
    none of them furniture of the page (a sidebar, a footer), in a story no writer of the
    page signs; listed as furniture (and the agency named before kept: "(With input from
    Xinhua)" ending the text, then "Source(s): Xinhua News Agency")."""
    if not body or "author" in fields:
        return  # (a staff writer's story: "Source: AFP" after it is a photograph's)
    last = _key(body[-1].text)
    keys = [_key(text) for text, _ in page.blocks]
    at = next((n for n, k in enumerate(keys) if k == last), None)
    if at is None:
        return
    boxed = {_key(text) for _, text, _ in page.furniture_blocks}
    after: dict[str, tuple[str, int]] = {}
    for k, (text, line) in zip(keys[at + 1 :], page.blocks[at + 1 :], strict=True):
        if last not in k and k not in boxed:  # (not an element around the text)
            after.setdefault(k, (" ".join(text.split()), line))
    for text, line in list(after.values())[:_BLOCKS_AFTER]:
        if len(text.split()) > _MAX_SOURCE_WORDS:
            return  # another story's words, or a box of them
        agencies = source_agencies(text)
        if agencies:
            fields.setdefault("agency", Field(agencies[0], line))
            if all(f.text != text for f in aside):
                aside.append(Furniture("credits", text, line))
            return


def _labelled_head(body: list[Block], aside: list[Furniture], fields: dict[str, Field]) -> None:
    """A Chinese page's line of metadata opening the text, "2025年4月23日 来源：人民日报 作者：
    王磊" (see :func:`.byline.labelled_items`), taken out as furniture: its source is the
    text's origin (a news agency's, 新华社, its ``agency``; a paper's, its ``origin``; not the
    outlet's own name), its writer the author and its stamp the date, when nothing else
    gave them.  A portal's copy of a People's Daily story was the portal's own, undated and
    unsigned, and the line its first paragraph (audit 10)."""
    found = labelled_items(body[0].text) if len(body) > 1 else None
    stamp = parse_stamp(found[0]) if found is not None and found[0] else None
    if found is None or (found[0] and stamp is None):
        return
    head = body.pop(0)
    aside.append(Furniture("byline", head.text, head.line))
    items = found[1]
    source, writer = items.get("来源"), items.get("作者") or items.get("记者")
    outlet = fields["outlet"].value if "outlet" in fields else None
    # (本站, 本报, "this site", "this paper": the outlet itself)
    if source is not None and source != outlet and not source.startswith("本"):
        key = "agency" if agency_of(source) is not None else "origin"
        fields.setdefault(key, Field(source, head.line))
    if writer is not None:
        fields.setdefault("author", Field(writer, head.line))
    if stamp is not None and "published" not in fields:
        fields.update((k, Field(v, head.line)) for k, v in stamp.fields())


def _dateline_of(body: list[Block], order: str) -> tuple[int, tuple[Dateline, str] | None]:
    """The paragraph a dateline opens, and the dateline: the first paragraph's, else the
    second's when it names its agency (TASS prints a lead in bold before it: "BAKU, April
    23. /TASS/. ..."), or the first after a correction's notice above the text; a day in
    numbers whose order is open read in the ``order`` the page's language writes it."""
    first = 1 if len(body) > 1 and _CORRECTION().search(body[0].text) else 0
    found = match_dateline(body[first].text, order)
    if found is None and len(body) > first + 1:
        second = match_dateline(body[first + 1].text, order)
        if second is not None and second[0].agency is not None:
            return first + 1, second
    return first, found


#: Languages written in the Latin script alone (by their primary subtags): a page declaring
#: one over a text in another script declares its template's language, not its text's.
_LATIN_ONLY = frozenset(
    (  # noqa: SIM905
        "en fr de es it pt nl tr az pl cs sk sl hr bs sq ro hu fi et lv lt da sv no nb nn is "
        "ga cy eu ca gl mt id ms tl vi sw uz tk"  # (Uzbek in Cyrillic tells no language)
    ).split()
)


def _language_written(
    body: list[Block], fields: dict[str, Field], notes: list[tuple[int, str]]
) -> None:
    """The text's language where its letters tell it (:func:`.base.script_language`) and
    the page declares none, or one written in the Latin script alone over a text in another
    (``lang="en"``, a template's default, over Russian: then said in a note; Ossetian or
    Dari, declared, stand)."""
    written = script_language(body) if body else None
    declared = fields.get("language")
    if written is None:
        return
    if declared is not None and (
        primary_language(declared.value) not in _LATIN_ONLY or written in _LATIN_ONLY
    ):
        return
    if declared is not None:
        notes.append(
            (
                declared.line,
                f"the page declares its language '{declared.value}', but its text is "
                f"written in another script: read as '{written}'",
            )
        )
    fields["language"] = Field(written, body[0].line)


def _with_standfirst(page: PageScan, body: list[Block]) -> list[Block]:
    """``body`` with the standfirst first, when the extractor left it out: the paragraph
    between the headline and the text that the page's description repeats ("Kazakhstan,
    Uzbekistan and Azerbaijan are racing to capture ..."), the outlet's own words; never
    when the description is the headline again (the block around the ``<h1>``, which holds
    its words alone, was taken for a standfirst on China's Foreign Ministry's page)."""
    found = page.meta.get("og:description") or page.meta.get("description")
    if not body or page.h1 is None or found is None:
        return body
    said = _loose(found[0])
    if (
        not said
        or said.rstrip(".") == _loose(page.h1[0]).rstrip(".")
        or any(_loose(b.text).startswith(said.rstrip(".…")) for b in body)
    ):
        return body
    # after the headline's block and before the text's first (in the scan's order, not by
    # lines: a page sent minified is one line)
    after = itertools.dropwhile(lambda block: block != page.h1, page.blocks)
    first = _key(body[0].text)
    before = itertools.takewhile(lambda block: _key(block[0]) != first, after)
    standfirst = next(
        (
            (text, line)
            for text, line in itertools.islice(before, 1, None)
            if line <= body[0].line and _loose(text).rstrip(".") == said.rstrip(".")
        ),
        None,
    )
    return body if standfirst is None else [Block(*standfirst), *body]


#: Elements a browser never shows (an element ``hidden="until-found"`` shows when found; a
#: script's or a style sheet's text is no text: the list items the extractor missed were
#: read with it).
_NEVER_SHOWN = "//template | //script | //style | //*[@hidden and not(@hidden = 'until-found')]"
#: A wiki's link to edit a section, inside its heading (MediaWiki's ``<span
#: class="mw-editsection">[edit]</span>``): the wiki's tool, no word of the heading ("History[edit]"
#: was a paragraph, no heading).
_EDIT_SECTION = "//*[contains(concat(' ', normalize-space(@class), ' '), ' mw-editsection ')]"


#: The links in a page's headings (the heading's own anchor among them: see
#: :func:`.htmlscan.is_permalink`).
_HEADING_LINKS = "//*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6]//a"


def _drop_permalinks(tree: Any) -> None:
    """Each heading's own anchor (``§``, ``¶``: see :func:`.htmlscan.is_permalink`) out of
    ``tree``, the words after it kept."""
    for link in tree.xpath(_HEADING_LINKS):
        if is_permalink(link.get("href"), "".join(link.itertext())):
            link.drop_tree()


def _shadow_roots_shown(tree: Any) -> None:
    """Each declarative shadow root of ``tree`` (see :func:`.htmlscan.is_shadow_root`) made
    what a browser shows: its content in place of its parent's, each ``<slot>`` in it
    filled with the parent's own children assigned to it (or its own, when none is). A
    page saved with its shadow trees holds its text there; as an inert ``<template>`` it
    was dropped, and the article with it."""
    roots = [t for t in tree.xpath("//template[@shadowrootmode or @shadowroot]") if _is_shadow(t)]
    first: dict[int, tuple[Any, Any]] = {}  # a host's first shadow root, the one it takes
    for template in roots:
        first.setdefault(id(template.getparent()), (template.getparent(), template))
    for template in reversed(roots):  # (the innermost first)
        host, taken = first[id(template.getparent())]
        if template is taken:
            _attach(host, template)


def _is_shadow(element: Any) -> bool:
    return is_shadow_root(element.tag, {k: str(v) for k, v in element.attrib.items()})


def _attach(host: Any, template: Any) -> None:
    """``template``'s content as the whole of ``host``'s, its slots filled (see above)."""
    light: list[Any] = []  # the host's own children, its texts each in a <span>
    for text, child in ((host.text, None), *((c.tail, c) for c in host)):
        if child is not None and child is not template:
            light.append(child)
        if text and text.strip():
            span = host.makeelement("span", {})
            span.text = text
            light.append(span)
    slots = list(template.iter("slot"))
    for child in list(host):
        child.tail = None
        host.remove(child)
    host.text = template.text
    host.extend(list(template))
    by_name: dict[str, list[Any]] = {}  # (grouped once: a slot each is a page's choice)
    for c in light:
        by_name.setdefault((c.get("slot") or "").strip(), []).append(c)
    for slot in slots:
        assigned = by_name.pop(slot.get("name", "").strip(), None)
        if assigned:  # (the first slot of a name takes them)
            slot.text = None
            for c in list(slot):
                slot.remove(c)
            slot.extend(assigned)
    _unwrapped(slots)


def _unwrapped(elements: list[Any]) -> None:
    """Each of ``elements`` replaced by its content (a slot shows as its children do), its
    parents' children set once each: lxml's ``drop_tag`` looks for the element's place
    among its siblings (20,000 slots side by side: 10 s)."""
    dropped = {id(e) for e in elements}
    parents = {id(p): p for e in reversed(elements) if (p := e.getparent()) is not None}
    for parent in parents.values():  # (the innermost first: a slot in another's fallback)
        kept: list[Any] = []
        for child in list(parent):
            if id(child) not in dropped:
                kept.append(child)
                continue
            _add_text(parent, kept, child.text)
            kept.extend(list(child))
            _add_text(parent, kept, child.tail)
        del parent[:]
        parent.extend(kept)


def _add_text(parent: Any, kept: list[Any], text: str | None) -> None:
    if not text:
        return
    if kept:
        kept[-1].tail = (kept[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _style(element: Any) -> str:
    """An element's style as a browser reads it (see :func:`.htmlscan.css_of`)."""
    return css_of(element.get("style", ""))


def _shown_in(element: Any) -> bool:
    """Whether an element hidden by ``visibility: hidden`` shows an element within it
    (``visibility: visible``, which ``display: none`` allows not)."""
    return any(
        "visibility:visible" in _style(e)
        for e in element.iter()
        if e is not element and isinstance(e.tag, str)
    )


def _extract(html: str, hiding: Hiding) -> _Extracted:
    """The page's main text as paragraphs, by trafilatura; what a browser never shows is
    no text (an inert ``<template>``, an element ``hidden``, one styled ``display: none``
    or ``visibility: hidden`` however it is written, or of a class or id that the page's
    style sheet hides so: ``hiding``, see :func:`.htmlscan.hiding_rules`).  And the texts
    (as :func:`_key` gives them) of the blocks pointing to other stories by a label before
    their links (see :func:`_label_before_links`); and the texts of the posts another
    account wrote under a thread (see :func:`_drop_others_posts`)."""
    import trafilatura  # imported on use: only saved pages need it
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return _Extracted([], set(), [], {}, set(), [], {})
    _shadow_roots_shown(tree)
    for hidden in tree.xpath(f"{_NEVER_SHOWN} | {_EDIT_SECTION}"):
        hidden.drop_tree()
    _drop_permalinks(tree)
    _drop_hidden(tree, hiding)
    _drop_struck(tree, hiding)
    others = _drop_others_posts(tree)
    pointers = _drop_pointers(tree)
    _breaks_as_shown(tree)
    _custom_as_known(tree)
    _raised_as_shown(tree)
    _emoji_as_shown(tree)
    _quotations_as_shown(tree)
    _times_in_sentences(tree)
    numbered = _numbered(tree)
    lines = _extracted(trafilatura.extract, tree, precise=True)
    region = _main_region(tree)
    if region is not None and lines and not _within(lines, region):
        # the extractor took a sidebar and left the page's main region (old Reddit's
        # "A subreddit about ...", "84,221 readers" for the post): the region, alone
        again = _extracted(trafilatura.extract, _alone(tree, region), precise=False)
        if sum(map(len, again)) > sum(map(len, lines)):
            lines = again
    lines, rows = _with_missed(tree, lines)
    lines, headers = _with_headers(tree, lines)
    if numbered:  # the extractor marks every list's item with "- ", numbered or not
        lines = [line[2:] if line[2:] in numbered else line for line in lines]
    teasers = _teasers(tree, lines)
    return _Extracted(lines, pointers, others, teasers, headers, _details(tree), rows)


@dataclass(frozen=True, slots=True)
class _Extracted:
    """What :func:`_extract` finds: the main text's paragraphs; the texts of the blocks
    pointing to other stories and of the posts other accounts wrote; the teasers' headings,
    with their addresses; the cards' headers (see :func:`_card_headers`)."""

    lines: list[str]
    pointers: set[str]
    others: list[str]
    teasers: dict[str, str]
    headers: set[str]
    details: list[tuple[str, str]]
    rows: dict[str, int]  # a table's rows taken (see _with_missed), by text: their lines


def _details(tree: Any) -> list[tuple[str, str]]:
    """The page's lists of details, each term with its description (``<dl>``: GOV.UK's
    "From: Department for Business and Trade and Tom Ellis MP", "Published 23 April 2025",
    "Location: Baku, Azerbaijan" between a speech's headline and its text), when each term
    is a label of a few words and each description short: the extractor drops them, and they
    are furniture that names who a page is from (see :func:`_paragraphs`). Each as its
    term and its descriptions, parted by a space, and its description alone."""
    out: list[tuple[str, str]] = []
    for listed in tree.iter("dl"):
        pairs: list[tuple[str, list[str]]] = []
        for child in listed:
            if child.tag not in ("dt", "dd") or (child.tag == "dd" and not pairs):
                continue
            # (read to :data:`_MOST_DETAIL` characters: the text of a list nested in a
            # description, joined whole at each level of lists nested deep, grew with the
            # square of the page; a longer one is no detail, and none of its list is)
            text = " ".join(_opening(child, _MOST_DETAIL + 1).split())
            if len(text) > _MOST_DETAIL:
                pairs = []
                break
            if child.tag == "dt" and text:
                pairs.append((text, []))
            elif text:
                pairs[-1][1].append(text)
        if (
            not pairs
            or len(pairs) > _MOST_DETAILS
            or not all(
                said and len(term.split()) <= _MOST_TERM_WORDS and len(" ".join(said).split()) <= 40
                for term, said in pairs
            )
        ):
            continue
        out.extend((f"{term} {'; '.join(said)}", "; ".join(said)) for term, said in pairs)
    return out


#: The most terms of a page's list of details, and the most words of a term (a label).
_MOST_DETAILS = 12
_MOST_TERM_WORDS = 4
#: The most characters of a term or a description of a list of details (its 40 words at most).
_MOST_DETAIL = 2000


#: The list types whose items a browser numbers 1, 2, 3 (``<ol type="a">``, ``"i"``: not
#: written out, their items keep the extractor's mark).
_DECIMAL = frozenset({"", "1"})


def _numbered(tree: Any) -> set[str]:
    """The items of the ordered lists of ``tree`` given their numbers, as a browser shows
    them (``1. two new ferries``, from its ``start``, down when ``reversed``, an item's own
    ``value``), and their texts so numbered, as the extractor gives them: a numbered list's
    order and numbers are its text's (a press release's points, cited by number)."""
    items: list[Any] = []
    for listed in tree.iter("ol"):
        if str(listed.get("type", "")).strip() not in _DECIMAL or "none" in _style(listed):
            continue
        ordered = [li for li in listed if li.tag == "li"]
        if any(_OWN_NUMBER().match(_opening(li)) for li in ordered):
            continue  # its items number themselves: notes' "[1] ...", "1) ..."
        step = -1 if listed.get("reversed") is not None else 1
        n = _number(listed.get("start"), len(ordered) if step < 0 else 1)
        for item in ordered:
            n = _number(item.get("value"), n)
            item.text = f"{n}. {item.text or ''}"
            n += step
        items += ordered
    # (an item holding a list numbered too is not among them: the extractor gives its own
    # words apart from its list's, and its whole text, joined at each level of a list
    # nested deep, grew with the square of the page)
    holding = _holding(items)
    return {" ".join("".join(li.itertext()).split()) for li in items if li not in holding}


def _holding(items: list[Any]) -> set[Any]:
    """The elements that hold one of ``items`` (its ancestors), each reached once."""
    holding: set[Any] = set()
    for item in items:
        for up in item.iterancestors():
            if up in holding:
                break
            holding.add(up)
    return holding


def _opening(element: Any, most: int = 20) -> str:
    """The text ``element`` opens with, after white space, to ``most`` characters or a
    little more (its whole text, joined for each item of a list nested deep, was read
    again at each level)."""
    opening = ""
    for part in element.itertext():
        opening = opening + part[:most] if opening else part.lstrip()[:most]
        if len(opening) >= most:
            break
    return opening


#: A list's item that opens with a number of its own: ``[1]``, ``1.``, ``1)``, ``(1)``.
_OWN_NUMBER = later(r"\s*+(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)])")


def _number(said: Any, otherwise: int) -> int:
    """A list's or an item's number as its attribute says it (at most 9 digits), read as a
    browser reads an integer (:data:`_HTML_INTEGER`), else ``otherwise``."""
    found = _HTML_INTEGER().match(str(said)) if said is not None else None
    digits = found["digits"].lstrip("0") if found is not None else ""
    if found is None or len(digits) > 9:
        return otherwise
    return int(digits or "0") * (-1 if found["sign"] == "-" else 1)


#: An integer as HTML's rules read one from an attribute (``<li value>``, ``<ol start>``):
#: after ASCII white space, a sign and ASCII digits, whatever follows them (``1e9`` is 1,
#: ``+7`` is 7); no digits, no number (``²``, which Python calls a digit, is none).
_HTML_INTEGER = later(r"[ \t\n\f\r]*+(?P<sign>[-+]?)(?P<digits>[0-9]++)")


#: The headings of elements' own: ``<h1>`` to ``<h6>``.
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _teasers(tree: Any, lines: list[str]) -> dict[str, str]:
    """The extracted ``lines`` (as :func:`_key` gives them) that are headings that are
    links, each with its address: a list of stories' teasers (a section front, a search's
    results)."""
    keys = {_key(line) for line in lines}
    found: dict[str, str] = {}
    for heading in tree.iter(*_HEADINGS):
        link = next(heading.iter("a"), None)
        if link is None:
            link = next((a for a in heading.iterancestors("a")), None)
        text = _key(" ".join(heading.itertext()))
        if link is None or not text or text not in keys:
            continue
        href = str(link.get("href", "")).strip()
        if href and (_key(" ".join(link.itertext())) == text or link in heading.iterancestors()):
            found.setdefault(text, href)
    return found


#: The elements that make a block of their own, as a custom element's children: those whose
#: start closes a paragraph, and a list's items and a definition list's terms and details.
_BLOCK_TAGS = CLOSES_P | {"li", "dd", "dt"}


def _custom_as_known(tree: Any) -> None:
    """The custom elements of ``tree`` (a web component's: a name with a hyphen,
    ``<yt-attributed-string>``, ``<amp-story-page>``) made the elements a browser shows them
    as: a ``<div>`` around blocks, else a ``<span>`` (an unknown element is inline). The
    extractor lost the text before the first ``<br>`` of a ``<span>`` in YouTube's
    ``<yt-attributed-string>``: a video's description's first paragraph (walk57)."""
    for element in tree.iter():
        if isinstance(element.tag, str) and "-" in element.tag and ":" not in element.tag:
            blocks = any(isinstance(c.tag, str) and c.tag in _BLOCK_TAGS for c in element)
            element.tag = "div" if blocks else "span"


def _raised_as_shown(tree: Any) -> None:
    """Each ``<sup>`` and ``<sub>`` of figures alone in ``tree`` made the characters that
    show them raised or lowered (see :func:`.htmlscan.raised_as_shown`), as the page's scan
    reads them: the extractor joined them to the words before, ``10<sup>6</sup>`` as
    "106".  Their elements within (a footnote's link) go with them."""
    for element in list(tree.iter("sup", "sub")):
        shown = raised_as_shown(element.tag, _text_within(element, 4 * MOST_RAISED))
        if shown is not None:
            for child in list(element):
                element.remove(child)  # (its tail, within the element, goes too)
            element.text = shown


def _quotations_as_shown(tree: Any) -> None:
    """Each ``<q>`` of ``tree`` made the words a browser shows: within quotation marks, in
    the line of the text around it.  The extractor took one for a block quote, and parted
    the paragraph holding it in two, neither with the marks that say whose words are
    quoted ("The minister said that" / "the port will open in June" / "and left")."""
    quotes = list(tree.iter("q"))
    within = [sum(1 for _ in q.iterancestors("q")) for q in quotes]  # (before any is renamed)
    for q, depth in zip(quotes, within, strict=True):
        opens, closes = quotation_marks(depth)
        q.tag = "span"
        q.text = opens + (q.text or "")
        if len(q):
            q[-1].tail = (q[-1].tail or "") + closes
        else:
            q.text += closes


def _times_in_sentences(tree: Any) -> None:
    """Each ``<time>`` within a paragraph's sentence made a ``<span>``: the extractor drops
    every ``<time>`` (a byline's stamp is no text), and with one, the words of a date in a
    sentence ("the <time>22 April</time> report said" read "the report said").  One is
    within a sentence when its block ends as a sentence does and has two words or more
    besides its own ("The summit opens on <time>23 April</time>."), or more words than a
    post's line of labels (see :data:`_LABEL_WORDS`): not a stamp and its label, "Updated
    <time>...</time>", "Published by Jane Roe on <time>...</time>", "submitted <time>7 days
    ago</time> by caspian_observer", which :func:`_without_labels` knows by its time.
    Each block's words are counted once, however many ``<time>`` it holds (a paragraph of
    8,000 was joined again for each: 32 s)."""
    blocks: dict[Any, tuple[int, bool]] = {}  # each block's words, and whether it ends so
    for time in list(tree.iter("time")):
        block = next(time.iterancestors(*_TIME_BLOCKS), None)
        own = len("".join(time.itertext()).split())
        if block is None or not own:
            continue
        if block not in blocks:
            text = "".join(block.itertext()).strip()
            blocks[block] = (len(text.split()), text[-1:] in _SENTENCE_ENDS)
        total, sentence = blocks[block]
        words = total - own
        if words > _LABEL_WORDS or (words >= 2 and sentence):
            time.tag = "span"


#: The blocks a ``<time>`` in a sentence stands in, and how a sentence ends.
_TIME_BLOCKS = ("p", "li", "blockquote", "dd", "td")
_SENTENCE_ENDS = ".!?…。！？"


def _emoji_as_shown(tree: Any) -> None:
    """Each image of ``tree`` that is an emoji (its ``alt`` text one: see
    :func:`.htmlscan.emoji_of`) made that emoji, in the line of the text around it: the
    extractor drops images, and a post on X or Facebook, which sets each of its emoji so,
    lost them ("Baku 🇦🇿 to Aktau" read "Baku to Aktau")."""
    for image in list(tree.iter("img")):
        alt = emoji_of(str(image.get("alt", "")))
        if alt:
            image.tag = "span"
            image.attrib.clear()
            image.text = alt


def _text_within(element: Any, most: int) -> str:
    """The text of ``element``, or as much of it as passes ``most`` characters (a
    ``<sup>`` around a megabyte is not joined whole to be found too long)."""
    parts, size = [], 0
    for part in element.itertext():
        parts.append(part)
        size += len(part)
        if size > most:
            break
    return "".join(parts)


def _extracted(extract: Any, tree: Any, *, precise: bool) -> list[str]:
    """The lines of the main text that trafilatura's ``extract`` finds in ``tree``
    (favouring precision when ``precise``)."""
    text = extract(
        tree,
        output_format="txt",
        favor_precision=precise,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        with_metadata=False,
        deduplicate=False,
    )
    return [" ".join(line.split()) for line in (text or "").split("\n") if line.strip()]


#: The page's main region, as it marks it: ``<main>`` or ``role="main"``.
_MAIN_REGION = "//main | //*[@role = 'main']"


def _main_region(tree: Any) -> Any:
    """The one main region of the page (see :data:`_MAIN_REGION`) that no other holds, if
    the page marks one alone; else None."""
    found = tree.xpath(_MAIN_REGION)
    outer = [e for e in found if not any(a in found for a in e.iterancestors())]
    return outer[0] if len(outer) == 1 else None


def _within(lines: list[str], region: Any) -> bool:
    """Whether any of the extracted ``lines`` (of a letter at least) is text of
    ``region``."""
    inside = _key(" ".join(region.itertext())).replace(" ", "")
    return any(
        _key(line).replace(" ", "") in inside for line in lines if any(c.isalpha() for c in line)
    )


def _alone(tree: Any, region: Any) -> Any:
    """A copy of ``tree`` holding ``region`` alone in its body (its ancestors, without
    their other children)."""
    import copy

    path = region.getroottree().getpath(region)
    kept = copy.deepcopy(tree)
    element = kept.getroottree().xpath(path)[0]
    while (parent := element.getparent()) is not None:
        for other in list(parent):
            if other is not element and other.tag != "head":
                parent.remove(other)
        element = parent
    _without_labels(kept)
    return kept


#: The most words a post's line of labels has: its title as a link, "submitted 7 days ago by
#: caspian_observer" around its ``<time>``.
_LABEL_WORDS = 12


def _without_labels(tree: Any) -> None:
    """``tree`` without its short paragraphs that are links and little else (a post's title
    linking to itself) or that hold a ``<time>`` (its stamp and its poster's name): a
    region's labels, which the extractor favouring recall takes as text."""
    for p in list(tree.iter("p")):
        words = len(" ".join(p.itertext()).split())
        if words > _LABEL_WORDS:
            continue
        if next(p.iter("time"), None) is not None or _linked_words(p) > _MISSED_LINKS * words:
            p.drop_tree()


def _drop_others_posts(tree: Any) -> list[str]:
    """Drop from ``tree`` the posts that another account than the first post's wrote, in a
    thread saved from a social network (a reply under it, one its "Discover more" shows:
    another speaker's words): the ``<article>``s, in no other, each naming its author in an
    element saying so (see :func:`.htmlscan.names_author`), after the first, whose author is
    another (the first words of that element) and which are shorter than the posts kept
    before them (a story's text is never taken for a card's reply).  Their texts are
    returned."""
    articles = tree.xpath("//article[not(ancestor::article)]")
    posts = [(post, who) for post in articles if (who := _post_author(post))]
    if len(posts) < 2:
        posts = _by_account(articles)
    if len(posts) < 2:
        return []
    first, kept = posts[0][1], 0
    dropped = []
    for post, who in posts:
        text = " ".join(" ".join(post.itertext()).split())
        if who == first or len(text) > kept:
            kept += len(text)
            continue
        dropped.append(text)
        post.drop_tree()
    return dropped


#: A link to an account's page: a path of one name (X's ``/janeroe``, Mastodon's
#: ``https://mastodon.social/@jane``) or of a profile (Bluesky's ``/profile/jane.bsky.social``).
_ACCOUNT_LINK = later(
    r"(?:https?://[^/\s?#]++)?/(?:@?[\w.-]++|(?:profile|users?|u)/@?[\w.:-]++)/?", re.ASCII
)


def _by_account(articles: list[Any]) -> list[tuple[Any, str]]:
    """The posts among ``articles`` with the account each opens with a link to (see
    :data:`_ACCOUNT_LINK`; none names its author in an element saying so, as on X), when
    every one opens so and the first's account wrote another (a thread: a list of stories
    each opening with its own link is none); else none."""
    posts = [(post, who) for post in articles if (who := _account_of(post))]
    if len(posts) < 2 or len(posts) < len(articles):
        return []
    first = posts[0][1]
    return posts if sum(who == first for _, who in posts) >= 2 else []


def _account_of(post: Any) -> str | None:
    """The account ``post``'s first link goes to, if it is an account's page."""
    link = next(post.iter("a"), None)
    href = "" if link is None else str(link.get("href", "")).strip()
    return href.rstrip("/").lower() if _ACCOUNT_LINK().fullmatch(href) else None


def _post_author(post: Any) -> str | None:
    """The first words of the first element of ``post`` that names its author (outside the
    posts within it), if any.  (Found by walking the post once: asked in XPath, each
    element's ancestors were counted, which took 90 s for a table of 16,000 rows.)"""
    stack = list(reversed(post))  # its elements in the page's order, each before its own
    while stack:
        element = stack.pop()
        if not isinstance(element.tag, str):
            continue  # (a comment)
        if names_author({str(k): str(v) for k, v in element.attrib.items()}):
            first = next((str(t).strip() for t in element.itertext() if str(t).strip()), "")
            if first:
                return first
        if element.tag != "article":  # (a post within it: what it holds is its author's)
            stack.extend(reversed(element))
    return None


#: The most of its words a paragraph the extractor missed may have in links: a link and
#: little else points elsewhere.
_MISSED_LINKS = 0.5


def _with_missed(tree: Any, extracted: list[str]) -> tuple[list[str], dict[str, int]]:
    """``extracted`` with the paragraphs the extractor missed among its own, in the page's
    order: a ``<p>`` of the same article (its nearest ``<article>``, ``<main>`` or element
    ``itemprop="articleBody"``: the next story of a page saved after it scrolled on is
    another's) whose parent is of the same tag and classes as the parent of one it took,
    with no class that none it took has (NHK splits its text into several
    ``div.body-text``, of which the extractor took the first alone; ``div.mt-4 embed`` is
    no ``div.mt-4``); and a correction's notice in the article.  What the page's scan
    finds to be furniture is left out after, as from what the extractor took.  And the
    line each row of a table taken starts on, by its text as :func:`_key` gives it (the
    page's scan has no block of a row's cells parted so)."""
    if not extracted:
        return extracted, {}
    # the page's blocks, in its order (its subheadings too: a paragraph missed before one
    # goes before it)
    elements = _block_texts(tree, {_weight(_key(t)) for t in extracted})
    missed = _missed(elements, extracted)
    if not missed:
        return extracted, {}
    rows = {  # (lxml may not know a line)
        _key(text): line
        for n, text in missed
        if elements[n][0].tag == "tr" and (line := elements[n][0].sourceline)
    }
    where: dict[str, int] = {}  # each block's first place in the page, by its text
    for n, (_, text) in enumerate(elements):
        if text is not None:
            where.setdefault(_key(text), n)
    out: list[str] = []
    for text in extracted:
        at = where.get(_key(text))
        while missed and at is not None and missed[0][0] < at:
            out.append(missed.pop(0)[1])
        out.append(text)
    return out + [text for _, text in missed], rows


def _with_headers(tree: Any, texts: list[str]) -> tuple[list[str], set[str]]:
    """``texts`` with the headers of the cards they are in, each before its card's first
    paragraph (see :func:`_card_headers`); and the headers (as :func:`_key` gives them)."""
    elements = [(e, " ".join("".join(e.itertext()).split())) for e in tree.iter("p")]
    headers = _card_headers(elements, texts)
    if not headers:
        return texts, set()
    out: list[str] = []
    for text in texts:
        out.extend(headers.pop(_key(text), ()))
        out.append(text)
    return out, {_key(h) for h in out if h not in texts}


def _card_headers(elements: list[tuple[Any, str]], texts: list[str]) -> dict[str, list[str]]:
    """The headers of the cards the text's paragraphs stand in, by the text (as
    :func:`_key` gives it) of the paragraph each goes before: a written question's card
    and its answer's, each its box of paragraphs after a box naming who asks or answers
    (``div.question-header``: "Jane Hartley" / "Labour, Northtown"; ``div.answer-header``:
    "Tom Ellis" / "Minister of State ..." / "Answered on 23 April 2025"), which the
    extractor drops as links. Only where the page's shape makes it plain: two cards or
    more built alike (see :func:`_parallel`), each box's one element before it of the same
    tag, with a class word in common, of a few words and no paragraph of the text. Its
    lines as a browser shows them, parted by `` · `` (:data:`CARD_PARTS`)."""
    taken = {_key(t) for t in texts}
    firsts: dict[Any, Any] = {}  # each box's first paragraph taken
    for e, text in elements:
        if e.tag == "p" and _key(text) in taken and e.getparent() is not None:
            firsts.setdefault(e.getparent(), e)
    heads = [(box, p, _before(box)) for box, p in firsts.items()]
    cards = [(box, p, h, _header_parts(h)) for box, p, h in heads if h is not None]
    cards = [card for card in cards if card[3]]
    out: dict[str, list[str]] = {}
    # (each card compared with the first two and the last, which stand for all, as in
    # :func:`_kin`: each with each grows with the square of a page's cards)
    some = [cards[n] for n in sorted({0, 1, len(cards) - 1}) if 0 <= n < len(cards)]
    for box, p, head, parts in cards:
        if any(
            other is not box
            and head.tag == h.tag
            and _class_words(head) & _class_words(h)
            and _parallel(p, q)
            for other, q, h, _ in some
        ):
            out[_key(" ".join("".join(p.itertext()).split()))] = [CARD_PARTS.join(parts)]
    return out


#: The most words of a card's header.
_HEADER_WORDS = 30


def _before(box: Any) -> Any:
    """The element just before ``box`` among its parent's children, if any and of a class."""
    head = box.getprevious()
    while head is not None and not isinstance(head.tag, str):
        head = head.getprevious()
    return head if head is not None and _class_words(head) else None


def _header_parts(head: Any) -> list[str]:
    """The lines of a card's header as a browser shows them: its own text and each of its
    children's (a name's link, its party, the day it was answered), none a paragraph's
    (a sentence: a header holding one is no header)."""
    parts = [head.text or ""]
    for child in head:
        if isinstance(child.tag, str):
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    lines = [" ".join(p.split()) for p in parts if p.strip()]
    if any(line[-1:] in ".!?" for line in lines) or len(" ".join(lines).split()) > _HEADER_WORDS:
        return []
    return lines


#: The blocks of a page among which a paragraph the extractor missed is placed.
_BLOCKS = ("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "tr", "caption")


def _block_texts(tree: Any, weights: set[int]) -> list[tuple[Any, str | None]]:
    """The page's blocks (:data:`_BLOCKS`), in its order, each with its text: each
    paragraph's; another's where it may be one of the extractor's texts (of one of the
    ``weights``, see :func:`_weight`), as :func:`_key` reads it, else None (the whole text
    of each item of a list nested deep, joined at each level, grew with the square of the
    page: an item's text is made only where its weight is one of the texts')."""
    weight, same = _weights(tree)
    made: dict[Any, str] = {}  # each text made, by the element whose text it is

    def text(e: Any) -> str | None:
        if e.tag in ("tr", "caption"):
            return None  # (made where its table is taken: see _missed_items)
        if e.tag == "p":
            return " ".join("".join(e.itertext()).split())
        if weight[e] == 0 or weight[e] not in weights:
            return "" if weight[e] == 0 else None
        held = same.get(e, e)
        if held not in made:
            made[held] = " ".join("".join(held.itertext()).split())
        return made[held]

    return [(e, text(e)) for e in tree.iter(*_BLOCKS)]


def _weights(tree: Any) -> tuple[dict[Any, int], dict[Any, Any]]:
    """Each element's weight (see :func:`_weight`), in one pass from the leaves up; and for
    each whose text is, as :func:`_key` reads it, the same as an element's it holds (all
    else in it white space or invisible), the innermost such element."""
    weight: dict[Any, int] = {}
    same: dict[Any, Any] = {}
    for e in reversed(list(tree.iter())):
        if not isinstance(e.tag, str):
            continue
        total = _weight(e.text or "")
        heaviest = None
        for child in e:
            if isinstance(child.tag, str):
                total += weight[child]
                if heaviest is None or weight[child] > weight[heaviest]:
                    heaviest = child
            total += _weight(child.tail or "")
        weight[e] = total
        if total and heaviest is not None and weight[heaviest] == total:
            same[e] = same.get(heaviest, heaviest)
    return weight, same


def _weight(text: str) -> int:
    """The characters of ``text`` that its key (:func:`_key`) keeps, but spaces: the key of
    an element's text has the weights of its parts together."""
    if not text.isascii():
        text = INVISIBLE_RUN().sub("", text).casefold()
    return sum(map(len, text.split()))


def _missed(elements: list[tuple[Any, str | None]], extracted: list[str]) -> list[tuple[int, str]]:
    """The paragraphs (and their places among ``elements``) that the extractor missed
    among those it took, ``extracted`` (see :func:`_with_missed`)."""
    taken = {_key(t) for t in extracted}
    took = [e for e, text in elements if e.tag == "p" and _key(text or "") in taken]
    # (joined with nothing between: a paragraph the extractor parted at its line breaks is
    # found whole)
    whole = "".join(_key(t).replace(" ", "") for t in extracted)
    bare = {_key(t).replace(" ", "") for t in extracted}
    out = _missed_items(elements, took, whole, bare)
    out += _missed_boxes(elements, took, (whole, bare))
    return sorted(out + _missed_paragraphs(elements, took, whole))


def _missed_boxes(
    elements: list[tuple[Any, str | None]], took: list[Any], extracted: tuple[str, set[str]]
) -> list[tuple[int, str]]:
    """The sentences the extractor missed in a ``<div>`` of words alone (no block within
    it) standing between two paragraphs it took (``took``) of one parent, or within a box
    standing there: Ghost's callout card (``div.kg-callout-card > div.kg-callout-text``,
    "The Middle Corridor carried 4.5 million tonnes in 2024.") was lost. Each with the
    place among ``elements`` of the last block before it; a sentence (see
    :func:`_a_sentence`), not mostly links, none the extractor took. And a heading just
    above a paragraph it took (see :func:`_heading_missed`). (``extracted``: what it took,
    joined without spaces, and each of its paragraphs so.)"""
    whole, taken_texts = extracted
    at = {id(e): n for n, (e, _) in enumerate(elements)}
    taken = {id(p) for p in took}
    out: list[tuple[int, str]] = []
    for parent in {id(p.getparent()): p.getparent() for p in took}.values():
        last: int | None = None  # the place of the last block, once one taken is passed
        between: list[tuple[int, str]] = []  # what stands after a paragraph taken
        heading: tuple[int, str] | None = None  # a heading missed, above what follows
        for child in parent:
            if id(child) in taken:
                out += [*between, *([heading] if heading is not None else [])]
                between, last, heading = [], at[id(child)], None
                continue
            if last is None or not isinstance(child.tag, str):
                continue
            if child.tag in _HEADINGS[1:] or "".join(child.itertext()).strip():
                heading = _heading_missed(child, at, taken_texts)
            between += [(last, text) for text in _words_boxed(child, whole)]
            last = max((at[id(e)] for e in child.iter() if id(e) in at), default=last)
    return out


def _heading_missed(element: Any, at: dict[int, int], taken: set[str]) -> tuple[int, str] | None:
    """A section's heading (``<h2>`` to ``<h6>``) the extractor missed, with its place
    among the page's blocks (``at``, by element), kept when a paragraph it took is next
    (see :func:`_missed_boxes`): a document's "Summary" and "Outlook", which a page Google
    Docs published has between its paragraphs, were lost. Not one mostly of links, nor
    one the extractor took (``taken``: its paragraphs, as :func:`_key` gives them, without
    spaces)."""
    if element.tag not in _HEADINGS[1:]:
        return None
    text = " ".join("".join(element.itertext()).split())
    if not text or _linked_words(element) > _MISSED_LINKS * len(text.split()):
        return None
    bare = _key(text).replace(" ", "")
    return (at[id(element)], text) if bare and bare not in taken else None


#: What a box holding a picture, a video or another page shows (its words are a caption).
_MEDIA = ("img", "picture", "video", "audio", "iframe", "figure", "embed", "object", "svg")
#: What a box of words alone holds none of.
_WITHIN_WORDS = ("p", "div", "ul", "ol", "table", "blockquote", "figure", "section", "pre")


def _words_boxed(box: Any, whole: str) -> list[str]:
    """The sentences of the ``<div>`` elements of words alone that ``box`` is or holds (see
    :func:`_missed_boxes`), none in ``whole``."""
    if box.tag not in ("div", "section") or next(box.iter(*_MEDIA), None) is not None:
        return []  # (a picture's box: its words are its caption's)
    out = []
    for div in box.iter("div"):
        if next(div.iterdescendants(*_WITHIN_WORDS, *_HEADINGS), None) is not None:
            continue
        text = " ".join("".join(div.itertext()).split())
        if not _a_sentence(text) or _linked_words(div) > _MISSED_LINKS * len(text.split()):
            continue
        if _absent(_key(text).replace(" ", ""), whole):
            out.append(text)
    return out


def _a_sentence(text: str) -> bool:
    """Whether ``text`` is a sentence of the text's, not a label: of :data:`_LEAST_BLOCK_WORDS`
    words or more, ending as a sentence ends (a box's "Advertisement", "Story continues
    below" are none)."""
    ending = text.rstrip("\"”»’')")[-1:]
    return len(text.split()) >= _LEAST_BLOCK_WORDS and ending != "" and ending in _SENTENCE_ENDS


def _missed_paragraphs(
    elements: list[tuple[Any, str | None]], took: list[Any], whole: str
) -> list[tuple[int, str]]:
    """The paragraphs of :func:`_missed` (its items' aside)."""
    homes = {_home(p) for p in took} - {None}
    parents = {_shape(p.getparent()) for p in took if _classes(p.getparent())}
    own = {c for p in took for c in _classes(p)}
    out = []
    for n, (p, text) in enumerate(elements):
        if p.tag != "p" or not text or _home(p) not in homes:
            continue
        if not (_kin(p, parents, own, took) or _CORRECTION().search(text) or _corrects(p)):
            continue
        if _linked_words(p) <= _MISSED_LINKS * len(text.split()) and _absent(
            _key(text).replace(" ", ""), whole
        ):
            out.append((n, text))
    return out


def _missed_items(
    elements: list[tuple[Any, str | None]], took: list[Any], whole: str, taken: set[str]
) -> list[tuple[int, str]]:
    """The items the extractor missed (and their places among ``elements``) of the lists
    that stand between two paragraphs it took (``took``) of one parent: a press release's
    numbered points after "the parties agreed on the following:", which the extractor
    drops outside an ``<article>`` or ``<main>``; each marked as the extractor marks an
    item ("- ", or its number, see :func:`_numbered`). Not a list mostly of links.  And
    so the caption and the rows of a table of data standing there (see
    :func:`_list_or_table`), each row its cells parted by " | ": the extractor leaves
    every table out, a story's table of figures as much as a page laid out in one.
    (``whole``: what it took, joined without spaces; ``taken``: each paragraph so.)"""
    between = _lists_between(took)
    out = []
    for n, (item, _) in enumerate(elements):
        box = _table_of(item) if item.tag in ("tr", "caption") else item.getparent()
        if item.tag not in ("li", "tr", "caption") or box not in between:
            continue
        text = _row_text(item) if item.tag == "tr" else " ".join("".join(item.itertext()).split())
        if not text:
            continue
        if _linked_words(item) > _MISSED_LINKS * len(text.split()):
            continue
        bare = _key(text).replace(" ", "")
        if (item.tag == "li" and not _absent(bare, whole)) or bare in taken:
            continue  # (a table's row is looked up whole: the extractor leaves tables out)
        out.append((n, text if item.tag != "li" or box.tag == "ol" else f"- {text}"))
    return out


def _table_of(element: Any) -> Any:
    """The table holding a row or a caption (a row's parent may be its ``<tbody>``)."""
    return next(element.iterancestors("table"), None)


def _row_text(row: Any) -> str:
    """A table's row as a paragraph: its cells' texts parted by " | ", as a clipping's
    table's row is read; empty for a row of empty cells."""
    cells = [" ".join("".join(c.itertext()).split()) for c in row if c.tag in ("td", "th")]
    return CELLS.join(cells) if any(cells) else ""


#: What parts a table's cells, each row read as a paragraph (as the clipping reader does).
CELLS = " | "


def _lists_between(took: list[Any]) -> set[Any]:
    """The lists (``<ol>``, ``<ul>``) and tables of data among the children of a parent of
    the paragraphs ``took`` that stand after one of them and before another; and the
    tables after the last of two or more (a story's table of figures closing it), and the
    lists just after it, nothing else between (a story's points closing it; with no
    paragraph of it after them, a list further on is a page's other stories as often as
    the text's)."""
    taken = set(took)
    between: set[Any] = set()
    for parent in {p.getparent() for p in took} - {None}:
        lists: list[Any] | None = None  # (None: no paragraph taken yet)
        closing: list[Any] | None = []  # the lists just after the last paragraph taken
        for child in parent:
            if child in taken:
                between.update(lists or ())  # a paragraph taken after them: between
                lists, closing = [], []
            elif lists is not None and (found := _list_or_table(child)) is not None:
                lists.append(found)
                closing = None if closing is None else [*closing, found]
            elif isinstance(child.tag, str) and "".join(child.itertext()).strip():
                closing = None  # (something else stands between: a box, another story)
        if sum(child in taken for child in parent) > 1:  # (the text's, not a box's)
            between.update(t for t in lists or () if t.tag == "table")
            between.update(closing or ())
    return between


def _list_or_table(element: Any) -> Any:
    """The list ``element`` is, or the table of data it is or holds alone (a box around
    one, ``<div class="table-wrap">``); None for any other.  A table of data holds no
    other table and no block in its cells (a page laid out in a table's cells holds its
    paragraphs there)."""
    if element.tag in ("ol", "ul"):
        return element
    tables = [element] if element.tag == "table" else list(element.iter("table"))
    if len(tables) != 1 or element.tag not in ("table", "div", "figure"):
        return None
    table = tables[0]
    if next(table.iter(*_LAYOUT_IN_CELLS), None) is not None:
        return None
    if _linked_words(table) > _MISSED_LINKS * len("".join(table.itertext()).split()):
        return None  # (a box of links: Wikipedia's navigation box)
    if element is not table and element.xpath("string-length(normalize-space(.))") != (
        table.xpath("string-length(normalize-space(.))")
    ):
        return None  # (a box holding more than the table: words of its own)
    return table


#: What a table laid out with, not one of data, holds in its cells.
_LAYOUT_IN_CELLS = ("p", "div", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6")


def _home(element: Any) -> Any:
    """The article an element is in: its nearest ``<article>``, ``<main>`` or element
    ``itemprop="articleBody"``; None outside any."""
    return next(
        (
            a
            for a in element.iterancestors()
            if a.tag in ("article", "main") or a.get("itemprop") == "articleBody"
        ),
        None,
    )


def _kin(p: Any, parents: set[tuple[str, frozenset[str]]], own: set[str], took: list[Any]) -> bool:
    """Whether a paragraph the extractor missed is of the text it took (see :func:`_missed`):
    with no class that none it took has ("paywall-teaser"), in a parent of the shape of one
    of theirs (``parents``), or in a box built as the first's or the last's (see
    :func:`_parallel`: they stand for all; each paragraph is not compared with each, which
    grows with the square of a page's)."""
    if not _classes(p) <= own:
        return False
    return _shape(p.getparent()) in parents or any(_parallel(p, t) for t in {took[0], took[-1]})


def _parallel(p: Any, taken: Any) -> bool:
    """Whether a paragraph stands in a box built as the one of a paragraph the extractor
    took (``taken``): up to the element holding both, each level of the same tag with a
    class word in common (``section.question-section > div.card.card-question >
    div.question-body`` beside ``section.answer-section > div.card.card-answer >
    div.answer-body``: a written question's card beside its answer's), two levels or more
    (a box beside the text's own, in the same parent, is no such card)."""
    ours, theirs = list(p.iterancestors()), list(taken.iterancestors())
    known = set(theirs)
    common = next((a for a in ours if a in known), None)
    if common is None:
        return False
    mine, other = ours[: ours.index(common)], theirs[: theirs.index(common)]
    return len(mine) == len(other) >= 2 and all(
        a.tag == b.tag and _class_words(a) & _class_words(b)
        for a, b in zip(mine, other, strict=True)
    )


def _class_words(element: Any) -> set[str]:
    """The words of an element's classes, parted at hyphens and underscores
    (``card-question``: ``card``, ``question``), none of one letter or a number."""
    words = re.split(r"[\s_-]+", element.get("class", "").casefold())
    return {w for w in words if len(w) > 1 and not w.isdigit()}


def _shape(element: Any) -> tuple[str, frozenset[str]]:
    """An element's tag and classes."""
    return (element.tag if element is not None else "", frozenset(_classes(element)))


#: A correction's notice, the outlet's words on what its text said before: never lost.
#: (Not any paragraph opening "Correction:": a reader's, another story's, a site's policy.)
_CORRECTION = later(
    r"\b(?:an?|the)\s+(?:earlier|previous|original)\s+version\s+of\s+this\s+"
    r"(?:article|story|report|piece)|\bthis\s+(?:article|story|report)\s+(?:has\s+been|was)"
    r"\s+(?:corrected|amended)|\bune\s+(?:version\s+précédente|précédente\s+version)\s+de\s+"
    r"cet\s+article|\bin\s+einer\s+früheren\s+version\s+dieses\s+(?:artikels|beitrags)"
    r"|\bв\s+(?:предыдущей|первоначальной)\s+версии\s+(?:этой\s+)?(?:статьи|материала|заметки)"
    r"|\buna\s+versión\s+anterior\s+de\s+este\s+(?:artículo|texto)",
    re.IGNORECASE,
)


def _corrects(p: Any) -> bool:
    """Whether a paragraph is in an element of the article that holds the outlet's
    correction or its note on an update, by its class or id (see
    :func:`.htmlscan.names_correction`: ``div.editors-note``, ``aside.correction``)."""
    for element in itertools.chain([p], p.iterancestors()):
        if element.tag in ("article", "main", "body"):
            return False
        if names_correction({k: str(v) for k, v in element.attrib.items()}):
            return True
    return False


def _absent(text: str, whole: str) -> bool:
    """Whether no part of ``text`` is in ``whole`` (both without spaces): neither its
    beginning nor its end (the extractor may part a paragraph at a line break, or drop a
    footnote's number from it)."""
    return text[:_ENDS] not in whole and text[-_ENDS:] not in whole


#: How many characters of its beginning and of its end tell a paragraph apart.
_ENDS = 40


def _classes(element: Any) -> set[str]:
    """The class names of ``element`` (none for no element)."""
    return set() if element is None else set(element.get("class", "").split())


def _linked_words(element: Any) -> int:
    """How many words of ``element`` are in links."""
    return sum(len("".join(a.itertext()).split()) for a in element.iter("a"))


def _drop_hidden(tree: Any, hiding: Hiding) -> None:
    """Drop from ``tree`` the elements whose style, or whose class or id by the page's
    style sheet (``hiding``), hides them (but an element hidden by ``visibility`` that
    shows one within it)."""
    for element in tree.xpath("//*[@style or @class or @id]"):
        hides = HIDING_STYLE().search(_style(element))
        if hides is None:
            if hiding.hides(element.get("class", ""), element.get("id", ""), _style(element)):
                element.drop_tree()
            continue
        if "visibility" in hides[0] and _shown_in(element):
            continue
        element.drop_tree()


def _drop_struck(tree: Any, hiding: Hiding) -> None:
    """Drop from ``tree`` the elements shown struck through (see
    :func:`.htmlscan.is_struck`): words the page withdrew, never its text (the page's scan
    lists them as furniture); the words after them stay."""
    states: dict[Any, States] = {}
    for element in list(tree.iter()):
        if not isinstance(element.tag, str):
            continue
        a = {k: str(v) for k, v in element.attrib.items()}
        selected = False
        if hiding.struck_selectors:  # (each element's states from its parent's, once)
            parent = states.get(element.getparent(), NO_STATES)
            states[element] = strike_states(hiding, element.tag, a, parent)
            selected = states[element][2]
        if is_struck(element.tag, a, hiding, selected):
            element.drop_tree()


def _struck_note(page: PageScan, body: list[Block]) -> list[tuple[int, str]]:
    """What the page says by words struck through outside its furniture (see
    :func:`.htmlscan.is_struck`), on the line of the first: they are not read; and by the
    words it marks as inserted (``<ins>``) that its text holds: read, and named."""
    said = " ".join(b.text for b in body)
    inserted = [(text, line) for text, line in page.inserted if text in said]
    return struck_note([f for f in page.furniture if f.kind == "struck"], inserted)


def _raised_within_note(page: PageScan, body: list[Block]) -> list[tuple[int, str]]:
    """A note on the first ``<sup>`` or ``<sub>`` of the text holding figures of its own
    beside another's within it (see :attr:`.htmlscan.PageScan.raised_within`): the page
    shows them on two levels (a power of a power, a footnote's mark on an exponent), the
    text in one run of raised figures, which reads as one number."""
    said = " ".join(b.text for b in body)
    found = [(shown, line) for shown, line in page.raised_within if shown in said]
    if not found:
        return []
    (shown, line), more = found[0], len(found) - 1
    also = f" (and {more} more)" if more else ""
    return [
        (
            line,
            f"raised figures within raised figures, read as one run '{shown}'{also}: the page "
            "shows them on two levels (a power of a power, or a footnote's mark on an "
            "exponent), which the text cannot; check the number against the page",
        )
    ]


def _named(passages: list[str]) -> str:
    """The first passages a note names, quoted, and how many more."""
    shown = "; ".join(f"'{t}'" for t in passages[:_MOST_STRUCK_SHOWN])
    more = len(passages) - _MOST_STRUCK_SHOWN
    return f"{shown} and {more} more" if more > 0 else shown


def struck_note(
    struck: list[Furniture], inserted: list[tuple[str, int]] | None = None
) -> list[tuple[int, str]]:
    """The note on a capture's passages shown struck through, ``struck`` (furniture of the
    kind "struck"), on the line of the first: they are not read as its text; naming the
    words ``inserted`` (``<ins>``, with their lines) beside them, which are.  Words marked
    inserted with none struck have a note of their own: a correction's new words, read as
    the text, which the text alone no longer tells from the rest (one note, not two, when
    both are)."""
    inserted = inserted or []
    if not struck and not inserted:
        return []
    if not struck:
        return [(inserted[0][1], _INSERTED.format(_named([t for t, _ in inserted])))]
    beside = f" ({_named([t for t, _ in inserted])})" if inserted else ""
    return [
        (
            struck[0].line,
            f"the capture shows words struck through ({_named([f.text for f in struck])}): "
            "words withdrawn, as a correction shows them; they are not read as its text (they "
            f"are listed as page furniture), and the words it shows beside them{beside} are",
        )
    ]


_INSERTED = (
    "the capture marks words as inserted ({}): words a correction or an update put in, "
    "read as its text; a quote of them quotes the corrected text"
)


#: The struck passages a note names (see :func:`_struck_note`).
_MOST_STRUCK_SHOWN = 3


def _drop_pointers(tree: Any) -> set[str]:
    """Drop from ``tree`` what points to other stories: the short blocks parted by a line
    break that open with a label saying so (``<p><b>Читайте также</b><br><a>Лавров:
    ...</a></p>`` gave two paragraphs, the label, furniture, and the linked headline, which
    read as the outlet's own words), and a list after a heading saying so ("Related
    Stories").  The texts (see :func:`_key`) of the short blocks whose text before their
    links is such a label alone, with no colon or dash after it (``<p><strong>À lire
    aussi</strong> <a>...</a></p>``: "À lire aussi Le «corridor du milieu»..." read as
    text), are returned: as an extracted paragraph, such a text is furniture."""
    pointers = set()
    for element in tree.xpath(
        f"//*[self::p or self::div or self::li][.//br or .//a][not({_HOLDS_BLOCKS})]"
    ):
        lines = [" ".join(line.split()) for line in _shown_lines(element).split("\n")]
        lines = [line for line in lines if line]
        if sum(len(line.split()) for line in lines) > MAX_PROMOTION_WORDS:
            continue
        if len(lines) >= 2 and points_elsewhere(lines[0]):
            element.drop_tree()
        elif len(lines) == 1 and _label_before_links(element):
            pointers.add(_key(lines[0]))
    for heading in tree.xpath("//h2 | //h3 | //h4 | //h5 | //h6 | //p[strong or b]"):
        following = heading.getnext()
        label = " ".join(" ".join(heading.itertext()).split())
        if (
            following is not None and following.tag in ("ul", "ol") and points_elsewhere(label)
        ):  # "Related Stories" and the list of their headlines
            following.drop_tree()
            heading.drop_tree()
        elif points_elsewhere(label) and _heading_box(heading):
            # "Discover more" and its box's line under it: pointers (dropped, the extractor
            # took the thread above for none of the page's text)
            box = heading.getparent()
            pointers.update(_key(" ".join(e.itertext())) for e in box)
    return pointers | _linked_items(tree)


def _linked_items(tree: Any) -> set[str]:
    """The texts (see :func:`_key`) of the list items that are one link and nothing else:
    each points to another page (a read-later service's export, Instapaper's ``<ol><li><a
    href=...>Headline</a></li>``; a list of other stories), none is the text's words."""
    found = set()
    for item in tree.iter("li"):
        links = list(itertools.islice(item.iter("a"), 2))
        if len(links) != 1:
            continue  # (an item's text, read first, made a list nested deep read for seconds)
        if links[0].get("href", "").strip().startswith("#"):
            continue  # a table of contents' item: the page's own section, its heading's words
        text = " ".join("".join(item.itertext()).split())
        if text and " ".join("".join(links[0].itertext()).split()) == text:
            found.add(_key(text))
    return found


def _heading_box(heading: Any) -> bool:
    """Whether the parent of ``heading`` is a box holding it and a few words besides, no
    other block (X's ``<div><h2>Discover more</h2><span>Sourced from across X</span></div>``),
    within the page's body."""
    box = heading.getparent()
    if box is None or box.tag in ("body", "main", "article", "html") or box.getparent() is None:
        return False
    others = [
        e for e in box.xpath(_HOLDS_BLOCKS) if e is not heading and heading not in e.iterancestors()
    ]
    words = len(" ".join(box.itertext()).split())
    return not others and words <= MAX_PROMOTION_WORDS


def _label_before_links(element: Any) -> bool:
    """Whether ``element`` holds links, and its text outside them is a label pointing to
    other stories before the first (see :func:`.wire.points_elsewhere`), and nothing after
    but punctuation."""
    before: list[str] = []
    after: list[str] = []
    linked = False

    def walk(node: Any) -> None:
        nonlocal linked
        for child in node:
            if isinstance(child.tag, str) and child.tag == "a":
                linked = True
            elif isinstance(child.tag, str):
                (after if linked else before).append(child.text or "")
                walk(child)
            (after if linked else before).append(child.tail or "")

    before.append(element.text or "")
    walk(element)
    label = " ".join("".join(before).split())
    return linked and points_elsewhere(label) and not re.search(r"\w", "".join(after))


#: Whether an element holds blocks of its own (then it is no paragraph, but what holds some).
_HOLDS_BLOCKS = (
    ".//*[self::p or self::div or self::li or self::ul or self::ol or self::table "
    "or self::section or self::article or self::blockquote or self::h2 or self::h3]"
)


def _shown_lines(element: Any) -> str:
    """The text of ``element``, a line break where it holds a ``<br>``."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            parts.append("\n" if child.tag == "br" else _shown_lines(child))
        parts.append(child.tail or "")
    return "".join(parts)


#: A line break in a page's text, with the white space around it.
_BREAK = later(r"\s*[\r\n]\s*")


def _breaks_as_shown(tree: Any) -> None:
    """The line breaks in the text of ``tree`` made spaces, as a browser shows them (but in
    ``<pre>``): trafilatura keeps a paragraph's breaks when it holds an element it does not
    know, and Word's "Web Page" ends each paragraph with one (``<o:p></o:p>``), its text
    wrapped at 76 columns: each line was a paragraph of its own."""
    kept = {e for p in tree.iter("pre", "textarea", "script", "style") for e in p.iter()}
    for element in tree.iter():
        if element.text and element not in kept and ("\n" in element.text or "\r" in element.text):
            element.text = _BREAK().sub(" ", element.text)
        tail = element.tail
        if tail and ("\n" in tail or "\r" in tail) and element.getparent() not in kept:
            element.tail = _BREAK().sub(" ", tail)


def _heading(text: str, key: str, headings: Container[str]) -> bool:
    """Whether an extracted paragraph is a heading of the text's: an ``<h2>`` to ``<h6>``,
    short and not a sentence (a standfirst set in an ``<h2>`` is a paragraph)."""
    return key in headings and len(text.split()) <= _MOST_HEADING_WORDS and text[-1:] not in ".!?"


_MOST_HEADING_WORDS = 16


def _loose(text: str) -> str:
    """A text as a page's description may repeat it: :func:`_key`, its quotation marks and
    dashes folded as quotes are matched (the Guardian's description writes "Aliyev's" where
    its standfirst writes "Aliyev’s")."""
    return _key(normalise_text(text))


def _key(text: str) -> str:
    """A text as it is looked for among the page's: its white space collapsed, its case
    folded, and without the characters that show nothing (the extractor drops them:
    رئیس‌جمهور was رئیسجمهور, and no longer the headline)."""
    if not text.isascii():
        text = INVISIBLE_RUN().sub("", text)
    return " ".join(text.split()).casefold()


def _paragraphs(
    html: str, page: PageScan, title: Field | None, notes: list[tuple[int, str]]
) -> tuple[list[Block], list[Furniture], _Teasers]:
    """The extracted paragraphs, each with the line of the page it starts on; and, as
    furniture, the paragraphs that are a date stamp alone ("Thu 24 Apr 2025 06.00 BST",
    "Last modified on ...": the page's date, which its metadata gives), hold neither a
    letter nor a digit (a separator: "___", "* * *"), or are a byline before the text's
    first paragraph ("By Aida Sultanova", see :mod:`.byline`).  When the extractor finds no
    text, the page's innermost blocks are its text, and ``notes`` says how many of them it
    leaves out as too short (see :func:`_innermost`).

    A paragraph that is the headline, or the text of a figure caption, a
    share box, a "read also" box, tags, comments or a sidebar (or a block within one, and
    nowhere else) is left out.
    """
    got = _extract(html, page.hiding)
    extracted, pointers, others, teasers = got.lines, got.pointers, got.others, got.teasers
    _without_wrappers(page, [_key(t) for t in extracted])
    furniture, inside = _furniture_texts(page)
    headline = _headline_keys(page, title)
    blocks = _Texts([_key(text) for text, _ in page.blocks])
    headed = _heading_lines(page)
    headings = set(headed)
    lines, written = _block_lines(blocks, page)
    body: list[Block] = []
    aside: list[Furniture] = []
    last = 1
    found = extracted or [t for t, _ in _innermost(blocks, page.blocks)]
    short: list[tuple[str, int]] = []
    labels = _stamp_labels(page, {_key(t) for t in found})
    for text in found:
        k = _key(text)
        text = written.get(k, text)  # as the page writes it: its joiners and soft hyphens
        if _the_headline(k, headline):
            continue
        if k in labels:  # a stamp's label, its time dropped: the stamp is furniture
            aside.extend(labels[k])
            continue
        if any(_in_furniture(x, furniture, inside, blocks) for x in {k, _unmarked(k)}):
            continue  # (a list's item, with its mark or without: "- Share on X")
        k = _header_key(text, k, got.headers, lines)
        own = _heading_line(text, k, headed, last)
        last = got.rows.get(k) or own or _line_of(k, lines, blocks, page) or last
        if not extracted and len(text.split()) < _LEAST_BLOCK_WORDS:
            short.append((text, last))
            continue
        kind = _furniture_kind(text, first=not body, pointer=_unmarked(k) in pointers)
        if kind is not None:
            aside.append(Furniture(kind, text, last))
        else:
            heading = _heading(text, k, headings) or _key(text) in got.headers
            body.append(Block(text, last, "heading" if heading else "body"))
    notes.extend(_left_out(short) if body else ())
    aside.extend(_posts_furniture(others, lines, blocks, page))
    aside.extend(_details_left(got, (furniture, inside, blocks), lines, page))
    return body, aside, _teasers_in(body, teasers)


#: The marks a pull quote may set around its words that the text has not.
_PULLED_MARKS = "\"“”„«»‘’'‹›…. "


def _with_pull_quotes(page: PageScan, body: list[Block]) -> tuple[list[Block], set[Furniture]]:
    """``body`` with the pull quotes (the page's furniture of that kind, see
    :mod:`.htmlscan`) whose words are nowhere else in it, each in its place by its line, its
    parts (its quotation, then the name its ``<cite>`` credits) a paragraph each, as the
    extractor reads a ``<blockquote>``; and those pull quotes. A pull quote repeating words
    of the text, its beginning or its end (see :data:`_ENDS`), is furniture alone, the
    extractor's paragraph of it (on its line, of its words) left out. A WordPress pull quote
    (``figure.wp-block-pullquote``) of words the text has nowhere else, "We expect the
    Middle Corridor to carry ten million tonnes...", was lost."""
    quotes = [
        (f, t)
        for f, t in zip(page.furniture, page.furniture_text, strict=True)
        if f.kind == "pull-quote"
    ]
    if not quotes or not body:
        return body, set()
    whole = "".join(_key(b.text).replace(" ", "") for b in body)
    at_line: dict[int, list[int]] = {}  # the paragraphs on each line, by their place
    for n, b in enumerate(body):
        at_line.setdefault(b.line, []).append(n)
    inner = _pulled_parts(page)
    dropped: set[int] = set()
    added: list[Block] = []
    pulled: set[Furniture] = set()
    for f, text in quotes:
        parts = _innermost_parts([t for t in inner.get(f.line, []) if t in text]) or [text]
        taken = _taken_of(parts, body, at_line.get(f.line, []))
        quoted = _key(parts[0].strip(_PULLED_MARKS)).replace(" ", "")
        if not quoted:
            continue
        if any(whole.count(end) > len(taken) for end in (quoted[:_ENDS], quoted[-_ENDS:])):
            dropped.update(taken)  # a repetition: furniture alone
            continue
        pulled.add(f)
        added += [] if taken else [Block(part, f.line, "body") for part in parts]
    kept = [b for n, b in enumerate(body) if n not in dropped]
    return _merged_by_line(kept, sorted(added, key=lambda b: b.line)), pulled


def _taken_of(parts: list[str], body: list[Block], there: list[int]) -> list[int]:
    """The places of the paragraphs of ``body`` that the extractor took of a pull quote (of
    its ``parts``): those of its words on its line (``there``, their places)."""
    keys = {_key(part) for part in parts}
    return [n for n in there if _key(body[n].text) in keys]


def _pulled_parts(page: PageScan) -> dict[int, list[str]]:
    """The texts of the elements within the page's pull quotes, by the line of each."""
    inner: dict[int, list[str]] = {}
    for kind, text, line in page.furniture_blocks:
        if kind == "pull-quote":
            inner.setdefault(line, []).append(text)
    return inner


def _innermost_parts(texts: list[str]) -> list[str]:
    """Those of ``texts`` (an element's, and of the elements within it) holding none of
    the others, in order, once each: a pull quote's quotation and its credit."""
    texts = list(dict.fromkeys(texts))
    return [t for t in texts if not any(o != t and o in t for o in texts)]


def _merged_by_line(body: list[Block], added: list[Block]) -> list[Block]:
    """``body`` with each of ``added`` (in the page's order) before the first of its
    paragraphs on a later line."""
    out: list[Block] = []
    waiting = iter(added)
    nxt = next(waiting, None)
    for b in body:
        while nxt is not None and nxt.line < b.line:
            out.append(nxt)
            nxt = next(waiting, None)
        out.append(b)
    return out + ([nxt] if nxt is not None else []) + list(waiting)


def _heading_lines(page: PageScan) -> dict[str, list[int]]:
    """The lines of the page's headings (``<h2>`` to ``<h6>`` outside its furniture), by
    their texts as paragraphs are looked up (see :func:`_key`), in the page's order."""
    headed: dict[str, list[int]] = {}
    for text, line in page.headings:
        headed.setdefault(_key(text), []).append(line)
    return headed


def _heading_line(text: str, key: str, headed: dict[str, list[int]], last: int) -> int | None:
    """The line of the heading a paragraph (``text``, ``key``: see :func:`_key`) is, when it
    is read as one (see :func:`_heading`): the first of its words at or after the line of
    the paragraph before it (``last``), else the first; not the line of an earlier block
    of the same words (a table of contents' item linking to it, whose class does not say
    it is one, gave each heading the table's line)."""
    if not _heading(text, key, headed):
        return None
    found = headed[key]
    return next((line for line in found if line >= last), found[0])


def _the_headline(key: str, headline: set[str]) -> bool:
    """Whether a paragraph (as :func:`_key` gives it) is the headline, with its spaces or
    without them (see :func:`_headline_keys`)."""
    return key in headline or key.replace(" ", "") in headline


def _header_key(text: str, key: str, headers: set[str], lines: dict[str, int]) -> str:
    """The key a paragraph's line is looked up by: a card's header's (see
    :func:`_card_headers`) is its block's, its parts as the page's scan joins them, else
    its first part's (a name heads many a chat's cards: each its own line)."""
    if key not in headers:
        return key
    whole = _key(text.replace(CARD_PARTS, " "))
    return whole if whole in lines else _key(text.split(CARD_PARTS)[0])


def _stamp_labels(page: PageScan, found: set[str]) -> dict[str, list[Furniture]]:
    """The labels of the stamps the page marks by a ``<time>`` in a block of their own
    (``<p>Updated <time datetime="...">23 April 2025</time></p>``), by their text as
    :func:`_key` gives it: the extractor drops every ``<time>`` but one in a sentence (see
    :func:`_times_in_sentences`) and left the label, "Updated", a paragraph of one word.
    Each with its stamp as furniture, on its line (none when the extractor's paragraphs,
    ``found``, hold it already: it is furniture so). A label is a word or three
    of no digit before or after the stamp (see :func:`_after_label`)."""
    shown = {(line, " ".join(said.split())) for _, said, line in page.times}
    labels: dict[str, list[Furniture]] = {}
    for text, line in page.blocks if shown else ():
        words = text.split() if len(text) <= _MOST_STAMP_BLOCK else []
        for n in range(1, min(_MOST_LABEL_WORDS, len(words) - 1) + 1):
            for label, said in ((words[:n], words[n:]), (words[-n:], words[:-n])):
                if (line, " ".join(said)) not in shown or any(c.isdigit() for c in "".join(label)):
                    continue
                if _after_label(text) is not None or _before_label(text) is not None:
                    stamp = [] if _key(text) in found else [Furniture("timestamp", text, line)]
                    labels.setdefault(_key(" ".join(label)), stamp)
    return labels


#: The longest block that is a stamp and its label (see :func:`_stamp_labels`).
_MOST_STAMP_BLOCK = 120


#: The longest block that is a stamp heading a live blog's entry (see :func:`_entries_stamped`).
_MOST_ENTRY_STAMP = 60


@dataclass(frozen=True, slots=True)
class _Entry:
    """A live blog's entry stamp, as the page writes it, and its heading the extractor
    dropped, if any (see :func:`_entries_stamped`)."""

    stamp: str
    line: int
    heading: str | None


def _entries_stamped(page: PageScan, body: list[Block]) -> dict[int, _Entry]:
    """The stamps with a time on blocks of their own, outside the page's furniture, heading
    a live blog's entries, by the paragraph of ``body`` each comes before in the page's
    order (its blocks', not the extractor's: it may move or drop a stamp): ``12.08.2025,
    19:42``, its words, ``12.08.2025, 14:10``... with the entry's heading between the stamp
    and its paragraph when the extractor dropped it. Two or more, one at least below the
    text's first paragraph; none otherwise (a stamp above the text alone is the page's). A
    stamp followed by another before a paragraph of the text heads none."""
    furniture = _Texts([_key(t) for t in page.furniture_text])
    headings = {_key(t) for t, _ in page.headings}
    index: dict[str, int] = {}
    for n, block in enumerate(body):
        index.setdefault(_key(block.text), n)
    entries: dict[int, _Entry] = {}
    pending: _Entry | None = None
    after = 0
    for text, line in page.blocks:
        k = _key(text)
        if (n := index.get(k, -1)) >= after:
            if pending is not None:
                entries[n] = pending
            pending, after = None, n + 1
        elif _entry_stamp(text, k, furniture):
            pending = _Entry(text, line, None)
        elif pending is not None and pending.heading is None and k in headings:
            pending = _Entry(pending.stamp, pending.line, text)
    return entries if len(entries) >= 2 and max(entries) > 0 else {}


def _details_left(
    got: _Extracted,
    furnished: tuple[_Texts, set[str], _Texts],
    lines: dict[str, int],
    page: PageScan,
) -> Iterator[Furniture]:
    """The page's lists of details (see :func:`_details`) the extractor left out, not within
    other furniture (``furnished``: see :func:`_in_furniture`), as furniture (one it took,
    each term and description marked as a list's item, is the text's)."""
    taken = {_unmarked(_key(t)) for t in got.lines}
    furniture, inside, blocks = furnished
    for detail, said in got.details:
        k = _key(said)
        if k not in taken and not _in_furniture(k, furniture, inside, blocks):
            yield Furniture("details", detail, _line_of(k, lines, blocks, page) or 1)


def _entry_stamp(text: str, key: str, furniture: _Texts) -> bool:
    """Whether a block is a stamp with a time, outside the page's furniture."""
    if len(text) > _MOST_ENTRY_STAMP or (said := parse_stamp(text)) is None:
        return False
    return said.time is not None and not furniture.holding(key)


def _stamps_heading(page: PageScan, body: list[Block], aside: list[Furniture]) -> list[Block]:
    """``body`` with a live blog's entries (see :func:`_entries_stamped`) headed by their
    stamps, as the page writes them: ``12.08.2025, 19:42``, or ``12.08.2025, 19:42 — Talks
    open`` with the entry's heading; the stamps taken out of the furniture ``aside``."""
    entries = _entries_stamped(page, body)
    out: list[Block] = []
    for n, block in enumerate(body):
        entry = entries.get(n)
        if entry is not None and block.role == "heading":
            block = Block(f"{entry.stamp} — {block.text}", block.line, "heading", block.turn)
        elif entry is not None:
            said = f"{entry.stamp} — {entry.heading}" if entry.heading else entry.stamp
            out.append(Block(said, entry.line, "heading"))
        out.append(block)
    taken = {_key(e.stamp) for e in entries.values()}
    aside[:] = [f for f in aside if f.kind != "timestamp" or _key(f.text) not in taken]
    return out


#: The mark the extractor, or a list's number, opens a list's item with ("- ", "2. ").
_ITEM_MARK = later(r"(?:- |-?\d{1,10}\. )(?=\S)")


def _line_of(key: str, lines: dict[str, int], blocks: _Texts, page: PageScan) -> int | None:
    """The line an extracted paragraph (``key``, see :func:`_key`) starts on: the page's
    block's that it is, without its list item's mark too, or its words but for the spaces
    between them (the page's scan parts the text of an element from the words beside it,
    ``<span>port</span>,``), or the smallest that holds it."""
    unmarked = _unmarked(key)
    found = lines.get(key) or lines.get(unmarked) or lines.get(key.replace(" ", ""))
    return found or _line_of_start(key, blocks, page.blocks)


def _unmarked(key: str) -> str:
    """A paragraph (as :func:`_key` gives it) without its list item's mark."""
    return _ITEM_MARK().sub("", key, count=1) if _ITEM_MARK().match(key) else key


def _teasers_in(body: list[Block], teasers: dict[str, str]) -> _Teasers:
    """The ``teasers`` (their texts, as :func:`_key` gives them, and their addresses) among
    the text's blocks ``body`` (a box of related stories, furniture, holds none)."""
    keys = [_key(b.text) for b in body]
    first = next((n for n, k in enumerate(keys) if k in teasers), len(body))
    before = sum(len(b.text.split()) for b in body[:first])  # an article's own text
    return _Teasers(len({teasers[k] for k in keys if k in teasers}), before)


def _posts_furniture(
    others: list[str], lines: dict[str, int], blocks: _Texts, page: PageScan
) -> list[Furniture]:
    """Other accounts' posts left out of the text (see :func:`_drop_others_posts`), as
    furniture, each on its line."""
    return [
        Furniture("comments", text, lines.get(k) or _line_of_start(k, blocks, page.blocks) or 1)
        for text in others
        for k in [_key(text)]
    ]


def _furniture_texts(page: PageScan) -> tuple[_Texts, set[str]]:
    """The texts of the page's furniture that is never text (see :data:`_NEVER_TEXT`), and
    those of the blocks within its boxes (:data:`_BOXES`) and the words it opens or ends
    with (see :func:`_loose_ends`), as paragraphs are looked up."""
    furniture = _Texts(
        [
            _key(t)
            for f, t in zip(page.furniture, page.furniture_text, strict=True)
            if f.kind in _NEVER_TEXT
        ]
    )
    boxed = {_key(t) for kind, t, _ in page.furniture_blocks if kind in _BOXES}
    # a tag list's items, as the extractor marks them ("- Middle Corridor": a journal's
    # keywords; a tag's name alone may be a paragraph's, see _BOXES)
    tagged = {f"- {_key(t)}" for kind, t, _ in page.furniture_blocks if kind == "tags"}
    return furniture, boxed | tagged | _loose_ends(furniture.texts)


def _block_lines(blocks: _Texts, page: PageScan) -> tuple[dict[str, int], dict[str, str]]:
    """The line each of the page's blocks starts on, by its text as paragraphs are looked
    up (``blocks``); and a block's text as the page writes it, where the extractor dropped
    characters (its joiners and soft hyphens)."""
    lines: dict[str, int] = {}
    written: dict[str, str] = {}
    for k, (text, line) in zip(blocks.texts, page.blocks, strict=True):
        lines.setdefault(k, line)
        lines.setdefault(k.replace(" ", ""), line)  # (see _line_of)
        if not text.isascii() and INVISIBLE_RUN().search(text):
            written.setdefault(k, " ".join(text.split()))
    for kind, text, line in page.furniture_blocks:  # a pull quote the extractor took: its
        if kind == "pull-quote":  # line, when no block of the text has its words
            lines.setdefault(_key(text), line)
    return lines, written


def _headline_keys(page: PageScan, title: Field | None) -> set[str]:
    """The headline as the metadata and the ``<h1>`` give it, as paragraphs are looked up;
    and each without its spaces (a kicker in a ``<span>`` of the ``<h1>``, "Aserbaidschan
    und China", is joined to the headline after it, "...ChinaAlijew in Peking", by the
    extractor, and with a space by the page's scan)."""
    found = {_key(title.value)} if title else set()
    if page.h1:
        found.add(_key(page.h1[0]))
    return found | {k.replace(" ", "") for k in found}


def _without_wrappers(page: PageScan, extracted: list[str]) -> None:
    """``page``'s furniture without the elements that hold most of the extracted text: a
    class's words that name furniture on the element around the article ("entry
    category-fundraising", "membership-news", "articleSocialBody") name no furniture."""
    texts = _Texts([_key(t) for t in page.furniture_text])
    total = sum(len(k) for k in extracted)
    held: dict[int, int] = {}
    for k in extracted:
        if len(k) > 30:
            for n in texts.holding(k):
                held[n] = held.get(n, 0) + len(k)
    first = next((k for k in extracted if len(k) > 30), "")
    # most of the text, its first paragraph among it: around the article (not a long thread
    # of comments under a short one)
    wrappers = {n for n, count in held.items() if count * 2 > total and n in texts.holding(first)}
    if wrappers:
        lines = {page.furniture[n].line for n in wrappers}
        kept = [n for n in range(len(page.furniture)) if n not in wrappers]
        page.furniture[:] = [page.furniture[n] for n in kept]
        page.furniture_text[:] = [page.furniture_text[n] for n in kept]
        page.furniture_blocks[:] = [b for b in page.furniture_blocks if b[2] not in lines]


#: A block of a page's own text, when the extractor finds none, has this many words at least
#: (a menu's or a button's words are fewer).
_LEAST_BLOCK_WORDS = 8


def _innermost(blocks: _Texts, found: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The page's blocks that hold no other block (a table cell's paragraphs, not the cell),
    with their lines: those of :data:`_LEAST_BLOCK_WORDS` words or more (outside its
    furniture: see :func:`_paragraphs`) are its text when the extractor finds none (a print
    view, a newsletter laid out in a table, whose text trafilatura does not take for an
    article's)."""
    holders = {n for k in blocks.texts for n in blocks.holding(k) if blocks.texts[n] != k}
    return [
        (" ".join(text.split()), line) for n, (text, line) in enumerate(found) if n not in holders
    ]


def _left_out(short: list[tuple[str, int]]) -> list[tuple[int, str]]:
    """The note on the shorter blocks of a page whose text the extractor did not find,
    which its text leaves out (``short``: their texts and lines; those with a letter), if
    any."""
    short = [(text, line) for text, line in short if any(c.isalpha() for c in text)]
    if not short:
        return []
    return [
        (
            short[0][1],
            f"the extractor found no article text in the page (a layout of tables?): its "
            f"blocks of {_LEAST_BLOCK_WORDS} words or more are read as its text, and "
            f"{len(short)} shorter {'one' if len(short) == 1 else 'ones'} left out (a heading, "
            "a greeting, a signature?): compare with the page",
        )
    ]


#: Furniture whose short elements (a heading, a link, a button) the extractor may give
#: alone: a box asking for money, a subscription or consent, a post of another site, readers'
#: comments ("Enfin une bonne nouvelle.", a commenter's name: not the text's); not a tag
#: list, whose names a paragraph's line may be: "Jeyhun Bayramov" over his words in a
#: transcript.
_BOXES = frozenset(
    {
        "appeal",
        "newsletter",
        "promotion",
        "embedded-post",
        "cookie-banner",
        "read-also",
        "share",
        "sidebar",
        "comments",
    }
)


def _in_furniture(key: str, furniture: _Texts, inside: set[str], blocks: _Texts) -> bool:
    """Whether the extracted paragraph ``key`` is the text of furniture: the whole text of
    an element of it, or within one (a long paragraph), or a short element within a box
    (:data:`_BOXES`), or the few words an element opens or ends with (see
    :func:`_loose_ends`), that no block outside holds (its heading or its link, alone)."""
    if key in furniture.exact or (len(key) > 30 and furniture.holding(key)):
        return True
    return key in inside and key not in blocks.exact


#: The most characters of the words an element of furniture opens or ends with that are
#: looked for as a paragraph (a longer one is found inside it: see :func:`_in_furniture`).
_LOOSE_ENDS = 30


def _loose_ends(texts: list[str]) -> set[str]:
    """The words each of ``texts`` (furniture's) opens or ends with, up to
    :data:`_LOOSE_ENDS` characters: what an element of furniture says outside its blocks,
    as an embedded post's attribution after its ``<p>``, ``<blockquote><p>...</p>— Port of
    Baku (@portofbaku)</blockquote>``, which the extractor may give as a paragraph."""
    ends: set[str] = set()
    for text in texts:
        head, tail = text[: _LOOSE_ENDS + 1], text[-_LOOSE_ENDS - 1 :]
        ends.update(head[:n] for n, c in enumerate(head) if c == " ")
        ends.update(tail[n + 1 :] for n, c in enumerate(tail) if c == " ")
    return ends


#: The heading of what follows a press release, never its text: its press office's contacts,
#: a company's legal warning, the end mark ("###", "-ends-"); and "About" the outlet itself
#: (a company's profile of itself, "About Huawei" in Huawei's release; "About China" in an
#: interview heads its text).
_BOILERPLATE_HEADING = later(
    r"(?i:(?:media|press)\s+(?:contacts?|enquiries|inquiries|relations)"
    r"|forward[- ]looking\s+statements?|#{3}|-?\s*ends\s*-?)\s*:?"
)
_ABOUT = later(r"(?i:about)\s+(?P<name>.+?)\s*:?")


def _without_boilerplate(
    page: PageScan, body: list[Block], aside: list[Furniture], outlet: str | None
) -> list[Block]:
    """``body`` to the first heading, on a line of its own after its first paragraph, of
    what follows the text of a press release (see :data:`_BOILERPLATE_HEADING`, and "About"
    the ``outlet``), when fewer words follow it than come before: the paragraphs after it
    are furniture ("boilerplate", added to ``aside``).  Huawei's profile of itself was the
    release's words, "Founded in 1987" a dated mention."""
    if len(body) < 2:
        return body
    # (a heading kept as the text's section heading too: the European Commission's
    # "<h3>Press contacts</h3>" was one, and the contacts after it the release's text)
    lines = {b.line for b in body if b.role != "heading"}
    heading = next(
        (
            line
            for text, line in page.blocks
            if line > body[0].line and line not in lines and _ends_the_text(text, outlet)
        ),
        None,
    )
    if heading is None:
        return body
    kept = [b for b in body if b.line < heading]
    after = [b for b in body if b.line >= heading]
    if not kept or sum(len(b.text.split()) for b in after) >= sum(
        len(b.text.split()) for b in kept
    ):
        return body
    aside.extend(Furniture("boilerplate", b.text, b.line) for b in after)
    return kept


def _without_column(page: PageScan, body: list[Block], aside: list[Furniture]) -> list[Block]:
    """``body`` without a column of other stories the extractor took after the text: a
    label saying what it lists, alone on its line ("Latest news", "Most read", "Top
    stories", "Related news": see :func:`.wire.split_tail`; a block of the page's the
    extractor dropped, ``div.block-title``, too), then to the text's end only short lines
    that are no sentences (headlines, their times), as wire copy's trailing furniture is
    found; they are furniture (added to ``aside``), never the outlet's words of this story.
    A short run with no such label above it is kept (a list of points, a signature), and
    so is the text before it, two paragraphs at least."""
    if len(body) < _LEAST_BEFORE_COLUMN + 2:
        return body
    lines = {b.line for b in body}
    dropped = [
        ([text], line)
        for text, line in page.blocks
        if line > body[_LEAST_BEFORE_COLUMN - 1].line
        and line not in lines
        and len(text.split()) <= _MOST_COLUMN_LABEL_WORDS
        and (points_elsewhere(text) or navigation(text))
    ]
    blocks = sorted([*(([b.text], b.line) for b in body), *dropped], key=lambda x: x[1])
    tail = split_tail(blocks)
    run = tail.furniture
    if (
        len(run) < 2
        or run[0].kind != "navigation"
        or len(run[0].text.split()) > _MOST_COLUMN_LABEL_WORDS
    ):
        return body
    kept = [b for b in body if b.line < run[0].line]
    if len(kept) < _LEAST_BEFORE_COLUMN or len(kept) == len(body):
        return body  # (a label alone after the text, "Categories:", the extractor dropped)
    aside.extend(run)
    return kept


#: The paragraphs of the text before a column of other stories, at least; the words of
#: its label, at most.
_LEAST_BEFORE_COLUMN = 2
_MOST_COLUMN_LABEL_WORDS = 4


def _ends_the_text(text: str, outlet: str | None) -> bool:
    text = text.strip()
    if len(text.split()) > 8:
        return False
    if _BOILERPLATE_HEADING().fullmatch(text):
        return True
    about = _ABOUT().fullmatch(text)
    return about is not None and outlet is not None and _key(about["name"]) == _key(outlet)


#: A page's number, in a document printed or exported to HTML: "Page 1 of 1", "Seite 2 von
#: 3", "Страница 1 из 2", "Page 1", "1 of 3" (not "2024/25", "24/7": a season, a heading).
_PAGE_NUMBER = later(
    r"(?:page|seite|página|pagina|pag\.|страница|стр\.|sayfa|səhifə)\s*\d{1,4}"
    r"(?:\s*(?:of|von|de|di|из|/)\s*\d{1,4})?"
    r"|\d{1,4}\s+(?:of|von|из)\s+\d{1,4}",
    re.IGNORECASE,
)

#: Where a story split over pages or a paper's columns goes on or came from ("Continued from
#: page 1.", "(Continued on Page A6)", "Continued on next page"): a page's pointer.
_JUMP = later(
    r"\(?\s*(?:continued|continues|cont[’']d\.?)\s+(?:from|on)\s+(?:page\s*[A-Z]?\d{1,4}"
    r"|(?:the\s+)?(?:next|previous|last)\s+page)\s*[.)]*",
    re.IGNORECASE,
)


#: A count alone, as a page's buttons show their comments or shares ("87", "1,204", "3.2K"):
#: no sentence of a text.
_COUNT = later(r"\d{1,3}(?:[,.\u00a0 ]\d{3})*(?:[.,]\d)?[KkMm]?|\d{1,7}")
#: A year alone, which may head a section of a text ("2024").
_YEAR = later(r"(?:1[89]|20)\d{2}")


#: A paragraph of hashtags alone, three or more (two may be a banner's slogans, quoted).
_HASHTAGS = later(r"#[^\W_][\w-]*(?:[\s,]+#[^\W_][\w-]*){2,}")
#: A scholarly page's classification of the work, a list after its label: its keywords, no
#: sentence ("Keywords: Middle Corridor, transit fees", "Ключевые слова: ...", "关键词：..."),
#: or its JEL codes ("JEL Classification: F13, R41"): the catalogue's words, none of the text's.
_CLASSIFIED = later(
    r"(?i:key ?words|ключевые слова|açar sözlər|anahtar kelimeler|mots[- ]clés"
    r"|schlüsselwörter|palabras clave|关键词|關鍵詞|キーワード)\s?[:：]\s?[^.!?。]{1,300}"
    r"|JEL(?: (?i:classification|codes?))?\s?:\s?[A-Z]\d{1,2}(?:\s?[,;]\s?[A-Z]\d{1,2}){0,20}\.?"
)


def _furniture_kind(text: str, *, first: bool, pointer: bool = False) -> str | None:
    """What kind of furniture an extracted paragraph is (see :func:`_paragraphs`; ``first``:
    no paragraph of the text came before it; ``pointer``: a label before its links points
    to other stories, see :func:`_drop_pointers`), or None when it is text."""
    if pointer:
        return "read-also"
    if parse_published(text) is not None or parse_published(in_order(text, "dmy")) is not None:
        return "timestamp"  # (a day in numbers either way, "04/05/2025 14:05", a stamp too)
    if first and (labelled := _after_label(text)) is not None and labelled.time is not None:
        return "timestamp"  # a section's name and the stamp, opening the text: "All News 14:21
        # June 14, 2025" (Yonhap)
    if separator(text):  # "___", "* * *": no word, no number
        return "separator"
    if _COUNT().fullmatch(text) and not _YEAR().fullmatch(text):
        return "share"  # a count alone, a button's (The New York Times' comments, "87")
    if _PAGE_NUMBER().fullmatch(text) or _JUMP().fullmatch(text):  # a page's number, footer
        return "navigation"  # of a printed or exported document; where a story split goes on
    if _HASHTAGS().fullmatch(text) or _CLASSIFIED().fullmatch(text):  # "#MiddleCorridor
        return "tags"  # #Logistics": a post's tags; "JEL Classification: F13, R41"
    if first and read_byline([text]) is not None:
        return "byline"
    if disclaimer(text):  # an opinion section's note above its pieces, as below them
        return "boilerplate"
    if print_notice(text):  # where the story ran in print, wherever the page sets it
        return "boilerplate"
    if printed_address(text) is not None:  # a print view's "Адрес материала: https://..."
        return "address"
    return promotion(text, first=first)


def _byline_author(aside: list[Furniture], fields: dict[str, Field]) -> None:
    """When the page's metadata names no author: the one its byline names, on its line (not
    the outlet itself: "By AZERTAC" on AZƏRTAC's page)."""
    byline = next((f for f in aside if f.kind == "byline"), None)
    found = None if byline is None else read_byline([byline.text])
    outlet = fields["outlet"].value if "outlet" in fields else None
    if byline is not None and found is not None:
        itself = (
            outlet is not None and found.author is not None and _one_outlet(found.author, outlet)
        )
        if found.author is not None and "author" not in fields and not itself:
            fields["author"] = Field(found.author, byline.line)
        if found.agency is not None and "agency" not in fields:
            fields["agency"] = Field(found.agency, byline.line)


def _origin_as_author(aside: list[Furniture], fields: dict[str, Field]) -> None:
    """An author that is the outlet the text comes from, its ``origin`` (a republisher's
    author slot naming the outlet that published it first: "RFE/RL" on Eurasia Review's
    copy, which ends "This article was published by RFE/RL"), is no person: the byline over
    the text names its writer, when there is one (see :func:`_byline_author`)."""
    author, origin = fields.get("author"), fields.get("origin")
    if author is not None and origin is not None and _same_name(author.value, origin.value):
        del fields["author"]
        _byline_author(aside, fields)


#: The longest block near the headline read for a stamp (a byline's line with its date,
#: "By CAO DESHENG | chinadaily.com.cn | Updated: 2025-04-23 10:15", is far shorter): a
#: block's text holds those of the blocks within it, so on a page saved on one line, where
#: every block is near the headline, a list nested 120 deep around 10 KB of words made
#: 1.2 MB of blocks to read for stamps (3.6 s; 1 MB of words, minutes).
_MOST_NEAR_STAMP = 2000


def _stamp_date(
    pages: tuple[PageScan, PageScan],
    lines: tuple[int, int, int],
    fields: dict[str, Field],
    notes: list[tuple[int, str]],
) -> None:
    """When the page's metadata gives no date (or its day alone: then the time of a stamp of
    that day): the first date stamp on a block of its own
    from the headline to the text's first line ``first`` ("2025-04-23 14:05:12",
    "Published 23 April 2025"), unless it says when the page was updated, or is in the
    page's furniture (another story's); or, down to its second paragraph's line ``second``
    (after a standfirst), one that says it is the publication's, or has a time (a date
    alone there may head a section: "3 July 2024"). ``lines``: ``first``, ``second`` and
    the line of the text's last paragraph (see :func:`_entries_of`). ``pages``: the page,
    and the page to its text (see :func:`_to_text`)."""
    _, _, last = lines
    if "published" in fields and "time" in fields:
        return
    known = fields["published"].value if "published" in fields else None
    page, to_text = pages
    furniture = _Texts([_key(t) for t in page.furniture_text])
    for near, line in _head_stamps(to_text, lines, fields, furniture):
        if known is not None and (near.date != known or near.time is None):
            continue  # the metadata's day alone: a stamp of that day may tell its time
        stamp: Stamp | None = near
        entries = _entries_of(page, near, (line, last), furniture)
        if entries is not None:  # a live blog's: its first entry's, not the page's
            stamp = Stamp(near.date) if {e.date for e in entries} == {near.date} else None
        for key, value in stamp.fields() if stamp is not None else []:
            fields.setdefault(key, Field(value, line))  # ("published" is not there, or is it)
        if stamp is not None and (note := stamp.weekday_note()) is not None:
            notes.append((line, note))
        return


def _head_stamps(
    page: PageScan, lines: tuple[int, int, int], fields: dict[str, Field], furniture: _Texts
) -> Iterator[tuple[Stamp, int]]:
    """The publication's stamps near the headline, each with its line, in the order
    :func:`_stamp_date` reads them (``lines``: see there), none in the page's furniture."""
    first, second, _ = lines
    head = _headline(page, fields)
    if head is None:
        return
    under, above = _around_headline(page, head, second)
    names = _credited(fields)
    order = _page_order(page, fields)
    for text, line in [*under, *above]:
        if len(text) > _MOST_NEAR_STAMP:
            continue  # no stamp's line: a block holding others (a list nested in a list)
        stamp = _near_stamp(in_order(text, order), line > first, (text, line) in above, names)
        if stamp is not None and not furniture.holding(_key(text)):
            yield stamp, line


#: How far apart two statements of one publication's moment may be and still be one (a
#: system's time of saving it and the time it prints), in minutes.
_SLACK = 2 * 60
#: How far from UTC the zones clocks keep are, west and east (UTC-12:00 to UTC+14:00), in
#: minutes: a day or a time given in no zone is a moment within them.
_WEST, _EAST = 12 * 60, 14 * 60
_DAY_MINUTES = 24 * 60


def _utc_span(day: str, time: str | None, zone: str | None) -> tuple[int, int] | None:
    """The earliest and the latest moments, in minutes of UTC from the calendar's start,
    that a day, with its time and its zone if given, may be; None for no real day or time.
    Counted in whole numbers: a day of the year 1 or 9999 with a zone went past the years
    :mod:`datetime` holds, and stopped the whole build ("internal error")."""
    try:
        start = dt.date.fromisoformat(day).toordinal() * _DAY_MINUTES
        clock = dt.time.fromisoformat(time) if time is not None else None
    except ValueError:
        return None
    if clock is not None:
        start += clock.hour * 60 + clock.minute
    offset = _offset_minutes(zone) if clock is not None and zone is not None else None
    if offset is not None:
        return start - offset, start - offset
    end = start if clock is not None else start + _DAY_MINUTES
    return start - _EAST, end + _WEST


def _offset_minutes(zone: str) -> int | None:
    """A zone's offset from UTC in minutes (``+04:00``: 240), None for no offset."""
    try:
        offset = dt.datetime.fromisoformat(f"2000-01-01T00:00{zone}").utcoffset()
    except ValueError:
        return None
    return None if offset is None else int(offset.total_seconds()) // 60


def _printed_otherwise(
    pages: tuple[PageScan, PageScan],
    lines: tuple[int, int, int],
    fields: dict[str, Field],
    notes: list[tuple[int, str]],
) -> None:
    """A warning when the page's metadata gives a publication day (and time) that the stamp
    the page prints near its headline cannot be in any zone: a day or more apart ("Published:
    April 22, 2025 08:00" under a ``datePublished`` of 23 April, 09:00 +04:00; "23 April 2025"
    under one of 2024). The metadata's is kept (one of them is wrong: the archivist says
    which); not a live blog's first entry's stamp, nor an update's (never read).
    ``pages``: as :func:`_stamp_date` takes them."""
    page, to_text = pages
    said = fields.get("published")
    if said is None or not _ISO_DAY().fullmatch(said.value):
        return
    if other_calendar(int(said.value[:4])) is not None:
        return  # another calendar's day, told apart (see :func:`.stamps.gregorian`)
    furniture = _Texts([_key(t) for t in page.furniture_text])
    found = next(_head_stamps(to_text, lines, fields, furniture), None)
    if found is None or found[0].date == said.value:
        return
    stamp, line = found
    if _entries_of(page, stamp, (line, lines[2]), furniture) is not None:
        return  # a live blog's first entry's
    time, zone = (fields[k].value if k in fields else None for k in ("time", "timezone"))
    ours = _utc_span(said.value, time, zone)
    theirs = _utc_span(stamp.date, stamp.time, stamp.timezone)
    if ours is None or theirs is None:
        return  # (no real day: told as the capture's error)
    if ours[1] + _SLACK >= theirs[0] and theirs[1] + _SLACK >= ours[0]:
        return  # one moment, told in two zones (or close enough to be)
    notes.append(
        (
            line,
            f"the page prints {stamp.date} as its date, its metadata {said.value} (line "
            f"{said.line}): the metadata's kept; one of them is wrong (if the printed one is "
            "right, give it as 'published' with 'overrides: [published]')",
        )
    )


_ISO_DAY = later(r"\d{4}-\d{2}-\d{2}")


def _entries_of(
    page: PageScan, stamp: Stamp, lines: tuple[int, int], furniture: _Texts
) -> list[Stamp] | None:
    """The stamps with a time on blocks of their own among the text's paragraphs, below the
    stamp ``stamp`` found on the first of ``lines`` down to the text's last line, outside the
    page's furniture, when ``stamp`` has a time and there are such: a live blog's entries
    (``12.08.2025, 19:42``, then its words, then ``12.08.2025, 14:10``...), each stamped,
    the latest first or the earliest; the first stamp is its entry's, not the page's. None
    otherwise."""
    if stamp.time is None:
        return None
    below, last = lines
    entries = [
        found
        for text, line in page.blocks
        if below < line <= last
        and (found := parse_stamp(text)) is not None
        and found.time is not None
        and not furniture.holding(_key(text))
    ]
    return entries or None


def _head_byline(page: PageScan, first: int, fields: dict[str, Field]) -> None:
    """When nothing else names the author: the one a byline on a block of its own between
    the headline and the text's first line ``first`` names, which the extractor left out of
    the text ("By Nigar Bayramli · April 24, 2025" in the page's header; not the outlet
    itself, "By Euronews with AP" on Euronews' page; see
    :func:`_byline_author` for one it kept)."""
    head = _headline(page, fields)
    if "author" in fields or head is None:
        return
    under, _ = _around_headline(page, head, first)
    for text, line in under:
        found = read_byline([" ".join(text.split())]) if line <= first else None
        if found is not None:
            outlet = fields["outlet"].value if "outlet" in fields else None
            if found.author is not None and not (outlet and _one_outlet(found.author, outlet)):
                fields["author"] = Field(found.author, line)  # ("By Euronews with AP": none)
            if found.agency is not None and "agency" not in fields:
                fields["agency"] = Field(found.agency, line)
            return


def _header_agency(page: PageScan, first: int, second: int, fields: dict[str, Field]) -> None:
    """When nothing else names the text's news agency: the one a line between the headline
    and the text's first line ``first`` names after the outlet and "with" (a print view's
    "DAILY SABAH WITH AA", see :func:`.byline.with_agency`; or in a byline, "By Euronews with
    AP"), or after "with" alone or a desk, or as the story's source ("Kaynak: AA" under
    Hürriyet's headline: see :func:`.byline.source_agencies`); not after other words
    ("Interview with Reuters": the page's kicker); and below the text's first paragraph, a
    standfirst, down to its second line ``second``, one naming the outlet ("FRANCE 24 avec
    AFP" under France 24's standfirst, which the extractor took for the text's opening)."""
    head = _headline(page, fields)
    if "agency" in fields or head is None:
        return
    outlet = fields["outlet"].value if "outlet" in fields else None
    under, _ = _around_headline(page, head, max(first, second))
    for text, line in under:
        sources = source_agencies(" ".join(text.split())) if line <= first else None
        if sources:  # "Kaynak: AA" under Hürriyet's headline, as "Source: AFP" ends a text
            fields["agency"] = Field(sources[0], line)
            return
        found = with_agency(text)
        if found is None:
            continue
        names, agency = found
        names = _BY.sub("", names)  # a byline naming the outlet: "By Euronews with AP"
        the_outlet = bool(names and outlet and _same_name(names, outlet))
        if line > first and not the_outlet:
            continue  # below the text's opening, only the outlet's own line
        if names and not the_outlet and writers(names)[0]:
            continue  # a writer's or a kicker's words before "with", not the outlet's
        fields["agency"] = Field(agency, line)
        return


#: A byline's label before the names on a header's line.
_BY = re.compile(r"^(?:by|par|von|por)\s+", re.IGNORECASE)


#: A count of a page's views after its stamp, on the stamp's block: "1 231", "2,415 views".
_VIEWS = later(
    r"\s+\d{1,3}(?:[ \u00a0,.]\d{3})*(?:\s+(?:views?|просмотр(?:ов|а)?|baxış))?\s*$",
    re.IGNORECASE,
)


def _block_stamp(text: str, below: bool, above: bool) -> Stamp | None:
    """The publication's stamp a block near the headline states (see :func:`_stamp_date`;
    ``below``: under the text's first line; ``above``: just above the headline)."""
    if says_changed(text):  # (but "Updated 25 April 2025 · Published 23 April 2025")
        return find_published_stamp(text)
    if read_byline([text]) is not None:  # "By CAO DESHENG | chinadaily.com.cn | 2025-04-23"
        return _byline_stamp(text)
    stamp = parse_stamp(text) or find_published_stamp(text)
    if stamp is None and not below:  # a count of views after it: "24 April 2025 10:15 1 231"
        counted = parse_stamp(_VIEWS().sub("", text))
        stamp = counted if counted is not None and counted.time is not None else None
    bare = stamp is not None and stamp.time is None and parse_stamp(text) and not labelled(text)
    if bare and below:
        return None  # below the standfirst, a date alone on its block (it may head a section)
    if stamp is None and above:  # "Economy 3 June 2025 14:05"; below,
        stamp = _after_label(text)  # "Talks held on 3 June 2025" is a standfirst
    elif stamp is None and not below:
        stamp = _under_headline(text)
    return stamp


def _under_headline(text: str) -> Stamp | None:
    """The stamp a block under the headline gives beside other words: a stamp alone before
    it says when the page changed ("April 21, 2025 Updated April 22, 2025 3 min read"), or
    one with its time after a place ("ISTANBUL Apr 25, 2025 - 2:14 pm GMT+3"; a standfirst's
    date has none; "CGTN | Updated 21:30, 23-Apr-2025" says when the page changed)."""
    before = before_changed(text)
    alone = parse_stamp(before) if before != text else None
    if alone is not None:
        return alone
    placed = _placed(before)
    return placed if placed is not None and placed.time is not None else None


def _page_order(page: PageScan, fields: dict[str, Field]) -> str:
    """The order a page's language writes a day in numbers ("04/05/2025": ``dmy`` in
    ``ru`` or ``en-GB``, ``mdy`` in ``en-US``; see :func:`.dates.numeric_order`), as its
    metadata or its ``lang`` declares it; ``""`` when they say none."""
    said = fields.get("language")
    language = said.value if said is not None else page.lang[0] if page.lang else ""
    return numeric_order(language)


def _credited(fields: dict[str, Field]) -> list[str]:
    """The names a credit line under the headline may give: the outlet's, the author's."""
    return [fields[k].value for k in ("outlet", "author") if k in fields]


def _near_stamp(text: str, below: bool, above: bool, names: list[str]) -> Stamp | None:
    """The publication's stamp a block near the headline states (see :func:`_block_stamp`),
    or, above the text, after one of ``names`` (see :func:`_after_name`)."""
    stamp = _block_stamp(text, below, above)
    return stamp if stamp is not None or below else _after_name(text, names)


def _after_name(text: str, names: list[str]) -> Stamp | None:
    """The stamp a block under the headline gives after one of ``names`` (the outlet's, the
    author's the metadata gives) and nothing else: a credit line, "CGTN 17-Jun-2025" (its
    name and its date each in a ``<span>``), as a standfirst never is."""
    said = _key(text)
    for name in names:
        head = _key(name) + " "
        if said.startswith(head):
            return parse_stamp(text.split(None, len(head.split()))[-1])
    return None


def _placed(text: str) -> Stamp | None:
    """The stamp a block under the headline gives beside other words: after a place or a
    label, as one of its parts set apart by bars, or before the writer's name."""
    return _after_label(text) or _stamp_apart(text) or _before_label(text)


def _stamp_apart(text: str) -> Stamp | None:
    """The stamp one of a block's parts set apart by ``|`` gives, after a word or three or
    none, when one part alone gives one: Kyodo's credit line under its headline, "KYODO NEWS
    - Dec 19, 2025 - 21:35 | World, All", its sections after the stamp."""
    parts = [p.strip() for p in text.split("|")] if "|" in text else []
    stamps = [s for p in parts if (s := parse_stamp(p) or _after_label(p)) is not None]
    return stamps[0] if len(stamps) == 1 else None


def _byline_stamp(text: str) -> Stamp | None:
    """The publication's stamp a byline's block gives after its names (see
    :func:`.byline.stamp_after_names`), not an update's ("... | Updated: 2025-04-23")."""
    beside = stamp_after_names(text)
    return None if beside is None or says_changed(beside) else parse_stamp(beside)


def _in_outlet_zone(page: PageScan, second: int, fields: dict[str, Field]) -> None:
    """A publication time the metadata gives in UTC (``2025-04-23T21:30:00Z``, as many
    systems store it), told in the outlet's own zone when the page gives the same moment in
    it too (its printed stamp "April 24, 2025 06:30 JST", Open Graph's time, a ``<time>``):
    the outlet's day is the article's, not Greenwich's (the 24th here, not the 23rd).  So is
    a time the metadata gives with no zone (Euronews' ``2025-04-24 09:12:44``), when the
    page prints it, in UTC or as it is, in a zone ("Published on 24/04/2025 - 11:12 GMT+2").  When
    the page prints the day alone, the day before or after Greenwich's ("24 aprel 2025"
    for 21:30 UTC on the 23rd, in Baku), that day is the article's, its time unknown; so
    it is when the metadata's time is midnight or noon UTC and the page prints its day
    alone (a day stored as a time: :data:`_DAY_STORED_AT`)."""
    zoned = "timezone" in fields
    if zoned and fields["timezone"].value not in ("+00:00", "-00:00"):
        return
    if "published" not in fields or "time" not in fields:
        return
    clock = (fields["published"].value, fields["time"].value)
    moment = _moment(*clock, "+00:00")
    if moment is None:
        return
    head = _headline(page, fields)
    near = (
        [] if head is None else [b for part in _around_headline(page, head, second) for b in part]
    )
    stated = [page.meta.get("article:published_time"), page.time, *near]
    said = _stamps_said([x for x in stated if x is not None])
    printed = _printed_moment(said, moment, None if zoned else clock)
    if printed is not None:
        for key, value in printed[0].fields():
            fields[key] = Field(value, printed[1])
        return
    if not zoned:
        return  # (a time with no zone is no moment: a day printed alone tells nothing of it)
    stored = any(_DAY_STORED_AT().search(x[0]) for x in stated[:2] if x is not None)
    _printed_day(said, moment, fields, stored=stored)


def _printed_moment(
    said: list[tuple[Stamp, int]], moment: dt.datetime, clock: tuple[str, str] | None
) -> tuple[Stamp, int] | None:
    """The first stamp the page prints in a zone other than Greenwich's that is the UTC
    ``moment`` the metadata gives, or, when its time had no zone, that ``clock`` (its day
    and time as written)."""
    for stamp, line in said:
        if stamp.time is None or stamp.timezone in (None, "+00:00", "-00:00"):
            continue
        if clock == (stamp.date, stamp.time):
            return stamp, line
        if _moment(stamp.date, stamp.time, stamp.timezone) == moment:
            return stamp, line
    return None


def _printed_day(
    said: list[tuple[Stamp, int]],
    moment: dt.datetime,
    fields: dict[str, Field],
    *,
    stored: bool,
) -> None:
    """The day the page prints alone, as the publication's, its time unknown: when it is
    the day before or after the UTC ``moment`` the metadata gives, or that day, when the
    metadata's time is one a day alone is ``stored`` at (see :func:`_in_outlet_zone`)."""
    printed = next(((s.date, line) for s, line in said if s.time is None), None)
    if printed is None:
        return
    gap = abs((dt.date.fromisoformat(printed[0]) - moment.date()).days)
    if gap == 1 or (gap == 0 and stored):
        fields["published"] = Field(*printed)
        del fields["time"], fields["timezone"]


#: The times a system stores a day alone at, in UTC (Drupal's date fields: noon): given
#: where the page prints that day and no time, they are no time the source gives.
_DAY_STORED_AT = later(r"T(?:00|12):00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)$")


def _stamps_said(stated: list[tuple[str, int]]) -> list[tuple[Stamp, int]]:
    """The stamps the texts state, each with its line (never one saying when the page
    changed: "Updated April 24, 2025")."""
    out = []
    for said, line in stated:
        text = before_changed(said)  # (and "Updated ... · Published ...": the labelled one)
        stamp = find_published_stamp(said) or (
            (stamp_of(text) or _stamp_ending(text)) if text else None
        )
        if stamp is not None:
            out.append((stamp, line))
    return out


def stamp_of(value: str) -> Stamp | None:
    """The day, time and offset of an ISO 8601 date-time, as a stamp (None if it is not one)."""
    found = _date_fields(value, 0)
    if "published" not in found:
        return None
    time, zone = (found[k].value if k in found else None for k in ("time", "timezone"))
    return Stamp(found["published"].value, time, zone)


def _stamp_ending(text: str, most: int = 40) -> Stamp | None:
    """The stamp a short block ends with ("RURIKA IMAHASHI, Nikkei staff writer April 24,
    2025 06:30 JST"), if any."""
    words = text.split()
    if len(words) > most:
        return None
    return next(filter(None, (parse_stamp(" ".join(words[n:])) for n in range(len(words)))), None)


def _moment(day: str, time: str, zone: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(f"{day}T{time}{zone}")
    except ValueError:
        return None


def _headline(page: PageScan, fields: dict[str, Field]) -> tuple[str, int] | None:
    """The page's headline and its line: its ``<h1>``, else the block that is the title its
    metadata gives (a site that prints its headline in a ``<div>``)."""
    if page.h1 is not None:
        return page.h1
    title = fields.get("title")
    if title is None:
        return None
    said = _key(title.value)
    return next(((text, line) for text, line in page.blocks if _key(text) == said), None)


def _around_headline(
    page: PageScan, head: tuple[str, int], first: int
) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """The page's blocks from its headline ``head`` to the text's first line ``first``; and
    the block just before the headline that does not hold it (a stamp above the headline, as
    some sites print it), if any.  Before and after the headline's block in the page's order,
    not only its lines: a page saved on one line (minified) has a top bar's "Sunday, 27 April
    2025" on the headline's line, above it."""
    start, headline = head[1], _key(head[0])
    at = _headline_at(page, head)
    if at is None:
        before = [b for b in page.blocks if b[1] < start and headline not in _key(b[0])][-1:]
        return [b for b in page.blocks if start <= b[1] <= first], before
    before = [b for b in page.blocks[:at] if headline not in _key(b[0])][-1:]
    return [b for b in page.blocks[at:] if start <= b[1] <= first], before


def _headline_at(page: PageScan, head: tuple[str, int]) -> int | None:
    """The index of the headline's block ``head`` among the page's blocks, if it is one."""
    start, headline = head[1], _key(head[0])
    return next(
        (
            n
            for n, (text, line) in enumerate(page.blocks)
            if line == start and _key(text) == headline
        ),
        None,
    )


def _to_text(page: PageScan, fields: dict[str, Field], paragraph: str) -> PageScan:
    """The page as the steps that read what lies between its headline and its text see it:
    its blocks to the first, after the headline's, that holds the text's paragraph
    ``paragraph`` (its second; a block is listed as it ends, so this is the paragraph's own),
    and the blocks around that one (see :func:`_around`).  Those steps bound the blocks by
    their lines as well: on a page saved on one line, every block was "from the headline to
    the text's first line", each read for a stamp and a byline (a page of 2,000 cards: 26
    s), and a date on a block below the text's paragraphs was read as the page's stamp.  The
    whole page when the headline or the paragraph is not found among its blocks."""
    head = _headline(page, fields)
    at = None if head is None else _headline_at(page, head)
    key = _key(paragraph)  # (whole: the first words of a card's question are every card's)
    if at is None or not key:
        return page
    most = 2 * len(paragraph) + 100  # (a block much longer is one around it, never looked at)
    for n in range(at + 1, len(page.blocks)):
        text, line = page.blocks[n]
        if len(text) <= most and key in _key(text):
            after = [b for b in page.blocks[n + 1 :] if _around(b, line, key)]
            return dataclasses.replace(page, blocks=[*page.blocks[: n + 1], *after])
    return page


def _around(block: tuple[str, int], line: int, key: str) -> bool:
    """Whether a block listed after a paragraph that starts on ``line`` and is ``key`` is
    one around it: one starting on an earlier line (it ends after the paragraph's end),
    or on the paragraph's line and holding it (read to the length of a block read for a
    stamp: a list nested deep around it would be read again at each depth)."""
    text, start = block
    if start != line:
        return start < line
    return len(text) <= _MOST_NEAR_STAMP and key in _key(text)


#: Words before a stamp above the headline that name the story's section ("Transport 3 June
#: 2025 14:05").
_MOST_LABEL_WORDS = 3


def _after_label(text: str) -> Stamp | None:
    """The stamp a block near the headline ends with, after a word or three of no digit
    (and the signs between them: "باكو - أحمد الحسيني الأربعاء 23 أبريل 2025 - 14:35", a
    place and the writer's name before it, as Arabic pages set them)."""
    words = text.split()
    for n in _label_lengths(words):
        if any(c.isdigit() for w in words[:n] for c in w):
            return None
        stamp = parse_stamp(" ".join(words[n:]))
        if stamp is not None:
            return stamp
    return None


def _before_label(text: str) -> Stamp | None:
    """The stamp a block near the headline opens with, before a word or three of no digit:
    the writer's name beside it, "2025年4月21日 10時30分 山田太郎" (walk51's Japanese page)."""
    words = text.split()
    for n in _label_lengths(words[::-1]):
        if any(c.isdigit() for w in words[-n:] for c in w):
            return None
        stamp = parse_stamp(" ".join(words[:-n]))
        if stamp is not None:
            return stamp
    return None


def _label_lengths(words: list[str]) -> Iterator[int]:
    """How many of ``words``, from the first, a label may be: up to
    :data:`_MOST_LABEL_WORDS` words, the signs between them not counted ("-", "|", "·"),
    leaving one at least."""
    counted = 0
    for n in range(1, len(words)):
        counted += any(c.isalnum() for c in words[n - 1])
        if counted > _MOST_LABEL_WORDS:
            return
        yield n


def _line_of_start(key: str, blocks: _Texts, lines: list[tuple[str, int]]) -> int | None:
    """The line of the smallest block whose text holds the paragraph's."""
    holding = [(len(lines[n][0]), lines[n][1]) for n in blocks.holding(key[:60])]
    return min(holding)[1] if holding else None


class _Texts:
    """Texts (each with its words single-spaced, see :func:`_key`), and which of them hold
    a given text. Only the texts that can hold it are searched: those with its rarest
    whole word, or a word that starts as its last word starts, or ends as its first ends.
    So a page of thousands of blocks is not searched whole for each of its paragraphs."""

    EDGE = 3  # the characters of a word's start and end that index it
    MOST_WORDS = 64  # the words of a text looked up to find those holding it, at most

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self.exact = set(texts)
        self._index: dict[tuple[str, str], list[int]] = {}
        edge = self.EDGE
        for n, text in enumerate(texts):
            words = set(text.split(" "))
            keys = {("word", w) for w in words}
            keys |= {("start", w[:edge]) for w in words} | {("end", w[-edge:]) for w in words}
            for key in keys:
                self._index.setdefault(key, []).append(n)

    def holding(self, part: str) -> list[int]:
        """The indexes of the texts that hold ``part``, in order."""
        # A word with a space on both sides in ``part`` is a whole word of any text holding
        # it; its first word may be the end of a longer one, its last the start of one.
        # (some of its words are enough to find those: a text holding the part holds them
        # all; the first ones are looked up, so a paragraph of millions costs no more)
        words = part.split(" ", self.MOST_WORDS)
        if len(words) > self.MOST_WORDS:
            words[-1] = words[-1].rpartition(" ")[2]
        keys = [("word", w) for w in dict.fromkeys(words[1:-1])]
        if len(words) > 1:  # one word alone may lie inside a longer one
            if len(words[-1]) >= self.EDGE:
                keys.append(("start", words[-1][: self.EDGE]))
            if len(words[0]) >= self.EDGE:
                keys.append(("end", words[0][-self.EDGE :]))
        found = [self._index.get(key, []) for key in keys]
        candidates = min(found, key=len) if found else range(len(self.texts))
        return [n for n in candidates if part in self.texts[n]]


# --- the metadata ---------------------------------------------------------------


def _metadata(page: PageScan, notes: list[tuple[int, str]]) -> dict[str, Field]:
    """Each field from the most trusted source that gives it."""
    fields: dict[str, Field] = {}
    sources = (
        _from_json_ld(page, notes),
        _from_meta(page),
        _from_scholarly(page),
        _from_elements(page),
    )
    for source in sources:
        for key, found in source.items():
            if key == "url":
                found = _Found(uri_of(unarchived(found.value)), found.line)
                found = _copied_from(page, found)
                if not is_web_url(found.value):
                    continue  # only an address the site can publish (http(s)) is a page's
            if key == "outlet" and found.value.casefold() in _ARCHIVE_TODAY_HOSTS:
                continue  # archive.today's copy names the archive as its site: no outlet
            if key == "language":
                tag = language_tag(found.value)
                if tag is None:
                    continue  # not a language tag: the next source's, or the archive's
                found = _Found(tag, found.line)
            if key not in fields and found.value:
                fields[key] = Field(found.value, found.line)
    # the site's names: JSON-LD's publisher, og:site_name, the name after the headline in
    # <title> (see _title_outlet)
    outlets = [source["outlet"].value for source in sources if "outlet" in source]
    if _outlet_as_author(fields, outlets):
        del fields["author"]  # the outlet's name as its author ("Trend.Az", "Daily Sabah")
    title, h1 = fields.get("title"), page.h1
    if title is not None and h1 is not None and _suffixed(title.value, h1[0], outlets):
        fields["title"] = Field(h1[0], h1[1])  # "Headline | NHK", "Headline - Blog - Medium"
    translated = _translation(page)
    if translated is not None:
        notes.append(translated)
    fields.update(_captured(page, [source["url"] for source in sources if "url" in source]))
    return fields


def _captured(page: PageScan, addresses: Sequence[_Found]) -> dict[str, Field]:
    """When the capture was made, as the page says: the day of the web archive's copy that
    its address names (its canonical link's, ``og:url``, archive.today's bookmark: the text
    is as the archive found it then), else the day SingleFile saved it."""
    bookmark = [_Found(*page.bookmark)] if page.bookmark is not None else []
    for found in (*addresses, *bookmark):
        day = archived_on(found.value)
        if day is not None:
            return {"captured": Field(day, found.line)}
    return {"captured": Field(*page.saved_on)} if page.saved_on is not None else {}


#: What a page of a wiki run by MediaWiki (Wikipedia, Wikinews, Fandom's wikis) holds in its
#: markup: its generator's name, its content's class or id (Wikipedia's words under its
#: title, "From Wikipedia, the free encyclopedia", are no sign alone: a story may quote them).
_WIKI = later(
    r"<meta\s[^>]*?content=\"MediaWiki\b|\bclass=\"(?:[\w -]*\s)?mw-parser-output\b"
    r"|\bid=\"mw-content-text\"",
    re.IGNORECASE,
)
#: A wiki's footer saying when its page last changed: "This page was last edited on 25 April
#: 2025, at 06:12".
_LAST_EDITED = later(r"last (?:edited|modified) on\s+(?P<day>[^,<\n]{6,30}?)\s*(?:,|at\b|\.)")


def _as_wiki_page(
    text: str, page: PageScan, fields: dict[str, Field], notes: list[tuple[int, str]]
) -> None:
    """A page of a wiki (see :data:`_WIKI`) is read, with a warning, as no article published
    on a day: its text is its editors' as of the revision saved.  Its metadata's date is
    when the page was created (Wikipedia's JSON-LD ``datePublished``, years before the events
    it may tell), and is not read: the archivist gives the revision's; its title is its
    ``<h1>``, not its metadata's ``headline`` (Wikipedia's short description, "bilateral
    relations").  Refused, a wiki page could not be kept at all, though what it said on a
    day may be worth keeping; read as an article, it would be dated years before its words
    (audit 13)."""
    wiki = _WIKI().search(text)
    if wiki is None:
        return
    line = text.count("\n", 0, wiki.start()) + 1
    created = fields.get("published")
    for key in ("published", "time", "timezone"):
        fields.pop(key, None)
    if page.h1 is not None:
        fields["title"] = Field(page.h1[0], page.h1[1])
    edited = _LAST_EDITED().search(text)
    said = [
        "a wiki page (MediaWiki): its text is its editors' as of the revision saved, not an "
        "article published on a day; give the date of the revision it quotes"
    ]
    if created is not None:
        said.append(f"its metadata's date, {created.value}, is the page's creation: not read")
    if edited is not None:
        said.append(f"the page says it was last edited on {edited['day'].strip()}")
    notes.append((line, "; ".join(said)))


def _translation(page: PageScan) -> tuple[int, str] | None:
    """A warning, on its line, when the page was saved translated by machine: served by
    Google Translate's proxy (its address under ``translate.goog``), or translated by the
    browser (Chrome's class ``translated-ltr`` on ``<html>``)."""
    said = " (quote the page as its outlet published it)"
    for found in (page.canonical, page.meta.get("og:url")):
        source = None if found is None else translated_from(found[0])
        if found is not None and source is not None:
            known = "" if source == "auto" else f" from '{source}'"
            return found[1], (
                f"the page was saved from Google Translate's proxy, translated{known}: its text "
                f"is a machine translation, not the outlet's own words{said}"
            )
    if page.translated is not None:
        return page.translated, (
            "the page was saved as the browser translated it (its <html> class says so): its "
            f"text is a machine translation, not the outlet's own words{said}"
        )
    return None


#: What a page's metadata may add to its headline: the site's name after a separator.
_SUFFIXED = later(r"\s+(?:[|–—·]{1,2}|-)\s+\S.{0,80}")
#: A separator written without spaces, in Japanese and Chinese: "Headline：朝日新聞".
_WIDE_SEPARATOR = later(r"\s*[：｜|]\s*")


def _suffixed(title: str, h1: str, outlets: list[str]) -> bool:
    """Whether the metadata's ``title`` is the page's headline ``h1`` with the site's name
    after a separator ("Headline | NHK"); after a wide colon or bar with no space around it,
    only the site's own name (one of ``outlets``: "Headline：朝日新聞"; a Chinese headline's
    "：" may open its second part)."""
    title, h1 = " ".join(title.split()), " ".join(h1.split())  # (an ideographic space too)
    if not title.startswith(h1):
        return False
    rest = title[len(h1) :]
    if _SUFFIXED().fullmatch(rest):
        return True
    wide = _WIDE_SEPARATOR().match(rest)
    return wide is not None and any(_same_name(rest[wide.end() :], o) for o in outlets)


def _outlet_as_author(fields: dict[str, Field], outlets: list[str]) -> bool:
    """Whether the author is the outlet itself: one of the site's names (``outlets``: case,
    punctuation, "The" and a domain's ending aside), written as a site's address
    ("Trend.Az"), beside a news agency ("Daily Sabah with AA"), as an outlet's name ("The
    Caspian Times", "OC Media") or in one word ("Meduza", "MEDUZA": a person's name has two),
    or after a place and a colon ("Baku: Trend.Az"); a personal site's author, whose name the
    site bears, is its writer."""
    author = fields.get("author")
    if author is None:
        return False
    head, colon, after = author.value.rpartition(":")
    if colon and head.strip() and any(_same_name(after, outlet) for outlet in outlets):
        return True  # a place and the outlet ("Baku: Trend", "بكين: «الشرق الأوسط»")
    if outlet_as_named(author.value, outlets):
        return True
    return "agency" in fields and any(_same_name(author.value, outlet) for outlet in outlets)


def _initials_named(named: str, outlets: list[str]) -> bool:
    """Whether ``named`` is one of the site's names (``outlets``) written in its initials,
    in capitals, alone or before words of an outlet's name (see :data:`.byline.OUTLET_WORDS`):
    "VOA News" on Voice of America's page, "RFE/RL" on Radio Free Europe/Radio Liberty's."""
    head, *rest = named.split() or [""]
    letters = re.sub(r"[\W\d_]", "", head)
    if (
        len(letters) < 2
        or not letters.isupper()
        or not OUTLET_WORDS.issuperset(word.casefold() for word in rest)
    ):
        return False
    for outlet in outlets:
        words = re.findall(r"[^\W\d_]+", outlet)
        if len(words) >= 2 and "".join(w[0] for w in words).casefold() == letters.casefold():
            return True
    return False


def _named_in_full(named: str, outlets: list[str]) -> bool:
    """Whether ``named`` is an outlet's name in full (a word of an outlet's in it: "Post",
    "News", "Times") whose initials are one of the site's names of one word, its address's
    host: "South China Morning Post" on scmp.com (a person's name is no outlet's)."""
    words = re.findall(r"[^\W\d_]+", named)
    if len(words) < 3 or not OUTLET_WORDS.intersection(w.casefold() for w in words):
        return False
    initials = "".join(w[0] for w in words).casefold()
    return any(outlet.casefold() == initials for outlet in outlets)


def outlet_as_named(named: str, outlets: list[str]) -> bool:
    """Whether ``named`` (an author) is one of the site's names (``outlets``: see
    :func:`_same_name`) written as an outlet's: as a site's address ("Trend.Az"), as an
    outlet's name ("The Caspian Times", "OC Media") or in one word ("Meduza", "MEDUZA": a
    person's name has two); a personal site's author, whose name the site bears, is its
    writer (but a name of one word after an article, "DER SPIEGEL", is the site's); or in
    its initials, "VOA News" on Voice of America's page (see :func:`_initials_named`); or in
    full, its address's host its initials ("South China Morning Post" on scmp.com)."""
    if _initials_named(named, outlets) or _named_in_full(named, outlets):
        return True
    if not any(_same_name(named, outlet) for outlet in outlets):
        return False
    outlet_words = OUTLET_WORDS.intersection(named.casefold().split())
    words = named.split()
    if len(words) == 2 and words[0].casefold() in _ARTICLES:
        words = words[1:]  # "DER SPIEGEL", "Le Monde", "El País": a name of one word
    one_word = len(words) == 1  # ("Al-Monitor" too)
    return DOMAIN_END().search(named) is not None or bool(outlet_words) or one_word


#: The articles a periodical's name may open with, in the languages of the archive's
#: sources ("The", "Der", "Le", "El"...): no person's name opens with one.
_ARTICLES = frozenset(
    "the der die das le la les el il lo los las o a os as het".split()  # noqa: SIM905
)


def _one_outlet(one: str, other: str) -> bool:
    """Whether two names name one outlet: the same name (see :func:`_same_name`), or one
    news agency's ("AZERTAC" and "AZƏRTAC")."""
    agency = agency_of(one)
    return _same_name(one, other) or (agency is not None and agency == agency_of(other))


def _same_name(one: str, other: str) -> bool:
    """Whether two names name the same thing, case, punctuation, accents, "The" and a
    domain's ending aside ("Al-Monitor" and "AL MONITOR", "Hürriyet" and "Hurriyet")."""
    return "".join(_name_key(one).split()) == "".join(_name_key(other).split())


def _name_key(name: str) -> str:
    """``name`` in lower case, without "The", a domain's ending, accents and punctuation,
    its words parted by single spaces."""
    name = DOMAIN_END().sub("", name.strip()).casefold().removeprefix("the ")
    letters = unicodedata.normalize("NFKD", name)
    letters = "".join(c for c in letters if not unicodedata.combining(c))
    return " ".join(re.sub(r"[\W_]+", " ", letters).split())


_MONTH_NAME = later(rf"\b(?:{MONTH_PATTERN})\b", re.I)
_CALENDAR_DATE = later(r"\d{4}-\d{2}-\d{2}(?![\d-])|\d{8}(?!\d)")
#: A day that is the whole of a value with no time, maybe with its zone (XML Schema's
#: ``2025-04-23+04:00``): ``2025-04-23/04/04`` or ``2025-04-23junk`` is no day the page gives.
_WHOLE_DAY = later(r"(\d{4}-\d{2}-\d{2}|\d{8})(?:Z|[+-]\d{2}(?::?\d{2})?)?")


def _date_fields(value: str, line: int) -> dict[str, _Found]:
    """``published``, ``time`` and ``timezone`` from an ISO 8601 date or date-time, or from
    a date written out (``Wed, 23 Apr 2025 10:15:00 GMT``, ``April 23, 2025``)."""
    text = re.sub(r"^(\d{4})/(\d{2})/(\d{2})", r"\1-\2-\3", value.strip())  # 2025/04/24
    # a month by name: "04/05/2025" could be either day first
    named = not text[:4].isdigit() and _MONTH_NAME().search(text) is not None
    stamp = parse_stamp(text) if named else None
    if stamp is not None:
        return {key: _Found(value, line) for key, value in stamp.fields()}
    if _CALENDAR_DATE().match(text) is None:
        return {}  # an ISO week ("2025-W17") or ordinal date names no day the page gives
    try:
        if "T" in text or " " in text:
            when = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
            out = {
                "published": _Found(when.date().isoformat(), line),
                "time": _Found(when.strftime("%H:%M"), line),
            }
            if when.utcoffset() is not None:
                out["timezone"] = _Found(_offset(when), line)
            return out
        day = _WHOLE_DAY().fullmatch(text)
        if day is None:
            return {}  # a value that is not wholly a date gives none (not its first ten letters)
        return {"published": _Found(dt.date.fromisoformat(day[1]).isoformat(), line)}
    except ValueError:
        return {}


def date_fields(value: str, line: int) -> dict[str, Field]:
    """The ``published``, ``time`` and ``timezone`` fields an ISO 8601 date-time (or a date
    written out) gives, on ``line`` (see :func:`_date_fields`)."""
    return {k: Field(f.value, f.line) for k, f in _date_fields(value, line).items()}


def _offset(when: dt.datetime) -> str:
    delta = when.utcoffset()
    assert delta is not None
    minutes = int(delta.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _nodes(data: Any) -> Iterator[dict[str, Any]]:
    """Every object of a JSON-LD document: top level, in lists, in ``@graph``, and a page's
    ``mainEntity`` (a ``WebPage`` holding its ``NewsArticle``)."""
    if isinstance(data, list):
        for item in data:
            yield from _nodes(item)
    elif isinstance(data, dict):
        yield data
        yield from _nodes(data.get("@graph", []))
        if "WebPage" in _types(data):
            yield from _nodes(data.get("mainEntity", []))


def _types(node: dict[str, Any]) -> list[str]:
    """A node's types: its ``@type``'s text, or the texts of its list (a number, ``null``
    or ``true`` there is no type: it was an internal error, audit 6)."""
    t = node.get("@type", [])
    if isinstance(t, str):
        return [t]
    return [x for x in t if isinstance(x, str)] if isinstance(t, list) else []


def _name(value: Any, ids: dict[str, dict[str, Any]]) -> str | None:
    """The name of a person or organisation given as text, an object, a reference or a list."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list):
        names = [n for n in (_name(v, ids) for v in value) if n]
        return ", ".join(dict.fromkeys(names)) or None
    if isinstance(value, dict):
        if isinstance(value.get("name"), str):
            return str(value["name"]).strip() or None
        ref = value.get("@id")
        if isinstance(ref, str) and ref in ids and "name" in ids[ref]:
            return _name(ids[ref], ids)
    return None


#: The types of an author that is no person: its name is no byline.
_ORGANISATION_TYPES = frozenset(
    {"Organization", "NewsMediaOrganization", "Corporation", "GovernmentOrganization"}
    | {"NGO", "EducationalOrganization", "OnlineBusiness", "WebSite", "Brand"}
)


def _authors(value: Any, ids: dict[str, dict[str, Any]]) -> tuple[str | None, str | None]:
    """The people a JSON-LD ``author`` names (as :func:`_name`), and the first news agency
    it names as an organisation.  An "Organization" (BBC News Русская служба, ایرنا, an
    "Editorial Board") is never a byline: the page's visible one is the author's, else
    none; a news agency the readers know (:func:`.agencies.agency_of`) is the text's origin
    unless it is the outlet (see ``load.articles.publication_chain``)."""
    entries = value if isinstance(value, list) else [value]
    people, organisation = [], None
    for entry in entries:
        node = entry
        if isinstance(entry, dict) and "name" not in entry and entry.get("@id") in ids:
            node = ids[entry["@id"]]
        name = _name(node, ids)
        if not name:
            continue
        if isinstance(node, dict) and _NOT_WRITING().search(_text(node.get("jobTitle")) or ""):
            continue  # a photographer, an editor named among the authors
        if isinstance(node, dict) and _ORGANISATION_TYPES.intersection(_types(node)):
            if agency_of(name) is not None:  # not a desk, the outlet or its owner
                organisation = organisation or name
            continue
        # a "Person" may be a desk or an agency: "Daily Sabah with AA", "Reuters"
        names, agency = _writers_named(name)
        if names or agency:
            people.append(names or str(agency))  # an agency alone: cited as its author
        organisation = organisation or agency
    return ", ".join(dict.fromkeys(people)) or None, organisation


#: A JSON-LD author's ``jobTitle`` saying they did not write the text.
_NOT_WRITING = later(
    r"\b(?:photo(?:grapher|journalist|\s+editor)?|illustrator|videographer|camera\w*|editor)\b",
    re.IGNORECASE,
)


def _writers_named(name: str) -> tuple[str, str | None]:
    """The writers an author's name in a page's metadata names, and the first news agency
    it names (see :func:`.byline.writers`: a desk is no writer); one word in capitals that
    names no agency is none ("ANKARA": the dateline's city in the author's slot, see
    :func:`.byline.no_person`), nor is a placeholder, an office or a photographer ("admin",
    "Редакция", "Photo: John Doe": see :func:`.byline.no_writer`)."""
    names, agency, _ = writers(name)
    kept = [_ROLE_SAID().sub("", n) for n in names.split(", ") if not no_writer(n)]  # a
    names = ", ".join(kept)  # photographer among them: "Jane Roe (photos), John Doe (text)"
    return ("" if no_person(names) else names), agency


#: A writer's part said after their name: "John Doe (text)".
_ROLE_SAID = later(r"\s*\((?:text|texte|текст|words)\)$", re.IGNORECASE)


def _page_url(node: dict[str, Any], ids: dict[str, dict[str, Any]]) -> str | None:
    """An article's address: its ``url``, else that of the page it is the main entity of
    (the page's node's ``url``, else its identifier without a fragment: ``.../#webpage``
    names a node of the document, not a part of the page)."""
    url = _text(node.get("url"))
    main = node.get("mainEntityOfPage")
    if url or main is None:
        return url
    if isinstance(main, list):
        main = main[0] if main else None
    if isinstance(main, dict):
        ref = main.get("@id")
        target = ids.get(ref, {}) if isinstance(ref, str) else {}
        url = _text(main.get("url") or target.get("url"))
        main = ref
    if url is None and isinstance(main, str):
        url = main.strip().partition("#")[0] or None
    return url


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url")
    return value.strip() if isinstance(value, str) and value.strip() else None


#: An address the Wayback Machine rewrote: its own, the time of the copy, then the page's.
_WAYBACK = later(
    r"(?:https?:)?//web\.archive\.org/web/(?P<stamp>\d{1,14})(?:[a-z]{2}_)?/(?P<page>https?://\S+)",
    re.IGNORECASE,
)


#: The hosts of archive.today, whose copy of a page is its own, the time of the copy (or a
#: link's ``o/`` and the copy's id), then the page's address.
_ARCHIVE_TODAY_HOSTS = frozenset(
    f"archive.{tld}" for tld in ("today", "ph", "is", "li", "vn", "fo", "md")
)
_ARCHIVE_TODAY = later(
    r"(?:https?:)?//(?:www\.)?archive\.(?:today|ph|is|li|vn|fo|md)"
    r"/(?:(?P<stamp>\d{4}\.\d\d\.\d\d-\d{6}|\d{14})|o/\w+)/(?P<page>https?://\S+)",
    re.IGNORECASE,
)


#: The address of Google's cache of a page: the search for "cache:", an id of the copy
#: perhaps, the page's address, then what Google adds ("+&cd=1&hl=en&ct=clnk&gl=us").
_GOOGLE_CACHE = later(
    r"(?:https?:)?//webcache\.googleusercontent\.com/search\?q=cache:(?:[\w-]{4,20}:)?"
    r"(?P<page>https?://\S+?)\+?(?:&(?:cd|hl|ct|gl|client|strip|vwsrc)=\S*)?",
    re.IGNORECASE,
)


#: The address of a page as Google Translate's proxy serves it: its host's dots written as
#: hyphens (and its hyphens doubled) under ``translate.goog``, and the proxy's own
#: parameters (``_x_tr_sl=ru&_x_tr_tl=en``: the languages) in its query.
_TRANSLATE_PROXY = later(
    r"(?:https?:)?//(?P<host>[\w-]+)\.translate\.goog(?P<path>/[^?#\s]*)?(?:\?(?P<query>[^#\s]*))?"
    r"(?:#\S*)?",
    re.IGNORECASE,
)


#: The address of an AMP page as an AMP cache or Google's AMP viewer serves it: ``/c/``
#: (``/v/``...) and ``s/`` for a page served over https, then its own host and path.
_AMP_CACHE = later(
    r"(?:https?:)?//(?:[\w-]+\.cdn\.ampproject\.org/[cv]|(?:www\.)?google\.[a-z.]{2,6}/amp)"
    r"/(?P<s>s/)?(?P<page>[\w-]+(?:\.[\w-]+)+/\S*)",
    re.IGNORECASE,
)


def _untranslated(m: re.Match[str]) -> str:
    """The page's own address in one Google Translate's proxy serves it at."""
    host = ".".join(part.replace("\0", "-") for part in m["host"].replace("--", "\0").split("-"))
    query = "&".join(p for p in (m["query"] or "").split("&") if p and not p.startswith("_x_tr_"))
    return f"https://{host}{m['path'] or '/'}" + (f"?{query}" if query else "")


def translated_from(url: str) -> str | None:
    """The language a page Google Translate's proxy served was translated from (its
    ``_x_tr_sl``, ``auto`` when not said), or None for any other address."""
    m = _TRANSLATE_PROXY().fullmatch(url.strip())
    if m is None:
        return None
    said = re.search(r"(?:^|&)_x_tr_sl=([\w-]+)", m["query"] or "")
    return said[1] if said else "auto"


def _copied_from(page: PageScan, found: _Found) -> _Found:
    """The address of the page archive.today copied, when ``found`` is the copy's short one
    (``https://archive.ph/Xk3Pq``, its canonical link's and ``og:url``) and the copy's
    ``<link rel=bookmark>`` gives the copied page's within the archive's
    (``https://archive.ph/2025.04.24-081451/https://oc-media.org/...``); else ``found``."""
    host = re.sub(r"^(?:https?:)?//(?:www\.)?([^/]+).*$", r"\1", found.value.strip()).lower()
    if host not in _ARCHIVE_TODAY_HOSTS or page.bookmark is None:
        return found
    copied = unarchived(page.bookmark[0])
    return found if copied == page.bookmark[0] else _Found(uri_of(copied), page.bookmark[1])


def unarchived(url: str) -> str:
    """The page's own address in one the Wayback Machine, archive.today or Google's cache
    rewrote, as a page saved from it links to itself
    (``https://web.archive.org/web/20250423120000/https://...``,
    ``https://archive.ph/2025.04.24-081215/https://...``,
    ``https://webcache.googleusercontent.com/search?q=cache:https://...``), Google
    Translate's proxy (``https://www-kommersant-ru.translate.goog/doc/1?_x_tr_sl=ru&...``)
    or an AMP cache (``https://www-news-az.cdn.ampproject.org/c/s/www.news.az/x/amp``)."""
    url = url.strip()
    m = (
        _WAYBACK().fullmatch(url)
        or _ARCHIVE_TODAY().fullmatch(url)
        or _GOOGLE_CACHE().fullmatch(url)
    )
    if m is None and (proxied := _TRANSLATE_PROXY().fullmatch(url)) is not None:
        return _untranslated(proxied)
    if m is None and (amp := _AMP_CACHE().fullmatch(url)) is not None:
        return ("https://" if amp["s"] else "http://") + amp["page"]
    return m["page"] if m is not None else url


def archived_on(url: str) -> str | None:
    """The day (else the month or the year) a web archive made the copy whose address is
    ``url``, as its address says (the Wayback Machine's ``/web/20250424103000/``,
    archive.today's ``/2025.04.24-081215/``), ``2025-04-24``; None for any other address."""
    url = url.strip()
    m = _WAYBACK().fullmatch(url) or _ARCHIVE_TODAY().fullmatch(url)
    digits = re.sub(r"\D", "", m["stamp"] or "") if m is not None else ""
    given = next((n for n in (8, 6, 4) if len(digits) >= n), 0)  # a day, a month, a year
    parts = [digits[:4], digits[4:6], digits[6:8]][: given // 2 - 1]
    try:
        dt.date(*(int(p) for p in (*parts, "1", "1")[:3]))
    except ValueError:
        return None
    return "-".join(parts) or None


def _from_json_ld(page: PageScan, notes: list[tuple[int, str]]) -> dict[str, _Found]:
    """The fields of the page's own article among those its JSON-LD describes (see
    :func:`_own_article`)."""
    found: list[dict[str, _Found]] = []
    for script, line in page.json_ld:
        try:
            found += _articles_in(json.loads(script), script, line)
        except ValueError as exc:
            notes.append((line, f"JSON-LD that is not JSON, not read ({exc})"))
        except RecursionError:  # the decoder, and the walks over the objects, recurse
            notes.append((line, "JSON-LD nested too deeply, not read"))
    article = _own_article(found, page)
    if article is None:
        return {}
    read = {key: _readable(key, value, notes) for key, value in article.items()}
    return {key: value for key, value in read.items() if value.value}


def _own_article(found: list[dict[str, _Found]], page: PageScan) -> dict[str, _Found] | None:
    """Of the articles a page's JSON-LD describes, the page's own: the first, unless another
    is the page's and it is not, by its address (the canonical link's or ``og:url``) or, where
    none tells, its headline (the ``<h1>``'s): a page may describe a related story first."""
    if len(found) < 2:
        return found[0] if found else None
    own = [page.canonical, page.meta.get("og:url")]
    urls = {_url_key(u[0]) for u in own if u is not None}
    by_url = [a for a in found if "url" in a and _url_key(a["url"].value) in urls]
    if by_url:
        return by_url[0]
    h1 = None if page.h1 is None else _title_key(page.h1[0])
    by_title = [a for a in found if "title" in a and _title_key(a["title"].value) == h1]
    return by_title[0] if by_title else found[0]


def _title_key(title: str) -> str:
    return " ".join(unescape(title).split()).casefold()


def _url_key(url: str) -> str:
    """An address as two links to one page may differ in writing it: its scheme, ``www.``,
    a trailing slash, its query and fragment aside."""
    url = re.sub(r"^https?://(?:www\.)?", "", unarchived(url).strip(), flags=re.IGNORECASE)
    return url.split("#")[0].split("?")[0].rstrip("/").casefold()


def _readable(field: str, found: _Found, notes: list[tuple[int, str]]) -> _Found:
    """A value of the JSON-LD as the build reads text: its escapes (``\\u0001``) may give
    characters no decoded file holds, each read as a space (see :func:`.base.readable`).
    HTML's character references are read as their characters: plugins write the headline
    as the page's HTML has it ("Ties Deepen &#8211; Analysis", "WordLift&#039;s Blog")."""
    if _CHARACTER_REFERENCE().search(found.value):
        found = _Found(unescape(found.value), found.line)
    first = CONTROL_CHARACTERS().search(found.value)
    if first is None:
        return found
    value, count = CONTROL_CHARACTERS().subn(" ", found.value)
    what = f"{count} control character{'s' if count > 1 else ''}"
    where = f"in the JSON-LD's {field} (the first U+{ord(first[0]):04X})"
    notes.append((found.line, f"{what} {where} read as spaces"))
    return _Found(" ".join(nfc(value).split()), found.line)


#: A character reference of HTML: ``&#8211;``, ``&#x2013;``, ``&amp;``.
_CHARACTER_REFERENCE = later(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _articles_in(data: Any, script: str, line: int) -> list[dict[str, _Found]]:
    """The fields of each article among the objects of a JSON-LD document."""
    nodes = list(_nodes(data))
    ids = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str)}
    return [
        _article_fields(node, types, ids, script, line)
        for node in nodes
        if _ARTICLE_TYPES.intersection(types := _types(node))
    ]


def _article_fields(
    node: dict[str, Any], types: list[str], ids: dict[str, dict[str, Any]], script: str, line: int
) -> dict[str, _Found]:
    def at(key: str) -> int:  # the line of the key inside the script
        i = script.find(f'"{key}"')
        return line + (script[:i].count("\n") if i >= 0 else 0)

    out: dict[str, _Found] = {}
    author, agency = _authors(node.get("author"), ids)
    values = {
        "title": _text(node.get("headline") or node.get("name")),
        "author": author,
        "agency": agency,
        "outlet": _name(node.get("publisher"), ids),
        "section": _text(node.get("articleSection")),
        "url": _page_url(node, ids),
        "language": _text(node.get("inLanguage")),
    }
    keys = {"title": "headline", "author": "author", "agency": "author", "outlet": "publisher"}
    keys |= {"section": "articleSection", "url": "url", "language": "inLanguage"}
    for field, value in values.items():
        if value:
            out[field] = _Found(value, at(keys[field]))
    provider = _provider(node, ids, values["outlet"])
    if provider is not None:
        key = "agency" if agency_of(provider[1]) is not None else "origin"
        out.setdefault(key, _Found(provider[1], at(provider[0])))
    published = _text(node.get("datePublished"))
    if published:
        out |= _date_fields(published, at("datePublished"))
    kind = next((_KIND_OF_TYPE[t] for t in types if t in _KIND_OF_TYPE), None)
    if kind:
        out["kind"] = _Found(kind, at("@type"))
    return out


def _provider(
    node: dict[str, Any], ids: dict[str, dict[str, Any]], publisher: str | None
) -> tuple[str, str] | None:
    """The key and the name of the organization an article's JSON-LD says provided it,
    another than its publisher (``provider``, ``sourceOrganization``: Yahoo's copy of a
    Reuters story names Reuters so): the text's origin, an agency's or an outlet's."""
    for key in ("provider", "sourceOrganization"):
        name = _name(node.get(key), ids)
        if name and not (publisher and _same_name(name, publisher)):
            return key, name
    return None


def _from_meta(page: PageScan) -> dict[str, _Found]:
    out: dict[str, _Found] = {}
    for field, keys in (
        ("title", ("og:title",)),
        ("outlet", ("og:site_name",)),
        ("url", ("og:url",)),
        ("section", ("article:section",)),
        ("author", ("article:author", "author", "byl", "parsely-author", "sailthru.author")),
        ("language", ("og:locale",)),
    ):
        for key in keys:
            if key in page.meta and field not in out:
                value, line = page.meta[key]
                if key == "og:locale" and _same_language(value, page.lang):
                    continue  # a locale always names a region; the page's own tag, as it is
                if field == "author":
                    value = _meta_author(page, key, value, line, out)
                    if not value:
                        continue
                out[field] = _Found(value, line)
    published = next((k for k in _PUBLISHED_META if k in page.meta), None)
    if published is not None:
        value, line = page.meta[published]
        out |= _date_fields(value, line)
    return out


def _from_scholarly(page: PageScan) -> dict[str, _Found]:
    """What a scholarly page's bibliographic tags say (see :mod:`.scholarly`): a day, or a
    month or a year alone (a report's ``2025/04``); authors as writers (a desk, a login or
    a placeholder is none)."""
    out: dict[str, _Found] = {}
    for key, (value, line) in scholarly_fields(page.meta, page.meta_repeated).items():
        if key == "published":
            partial = partial_date(value)
            out |= {"published": _Found(partial, line)} if partial else _date_fields(value, line)
        elif key == "author":
            names = [n for n in value.split(", ") if not _no_name(n)]
            writer, agency = _writers_named(", ".join(names))
            if agency is not None:
                out["agency"] = _Found(agency, line)
            if writer:
                out["author"] = _Found(writer, line)
        else:
            out[key] = _Found(value, line)
    return out


def _meta_author(page: PageScan, key: str, value: str, line: int, out: dict[str, _Found]) -> str:
    """The writers an author's ``<meta>`` (``key``) names, "" for none (see
    :func:`_from_meta`): none for no name; a desk is no writer; an agency, the text's
    origin (in ``out``)."""
    if _no_name(value):
        return ""
    if key == "byl":  # The New York Times': "By Jane Roe and John Doe"
        value = value.removeprefix("By ").removeprefix("by ")
    if key in page.meta_repeated:
        value = _each_writer(page.meta_repeated[key]) or value
    value, agency = _writers_named(value)
    if agency is not None:
        out.setdefault("agency", _Found(agency, line))
    return value or agency or ""


def _each_writer(values: list[str]) -> str | None:
    """The writers an author's ``<meta>`` given once for each names, joined ("Zulfugar
    Agayev, Stephen Stapczynski": Bloomberg's two ``parsely-author``; the first alone was
    taken for the story's one writer), each once; None when one of them names no one (a
    profile's address) or more than one (a page's repeated byline is no list of writers)."""
    names: list[str] = []
    for value in values:
        if _no_name(value) or "," in value or " and " in value:
            return None
        if value not in names:
            names.append(value)
    return ", ".join(names)


def _no_name(author: str) -> bool:
    """Whether a ``<meta>``'s author names no one: a profile page, a number ("1002": a
    catalogue's), a document's placeholder (see :data:`_PLACEHOLDER_AUTHOR`), a login (see
    :data:`_LOGIN`)."""
    return (
        author.startswith(("http://", "https://"))
        or not any(c.isalpha() for c in author)
        or _PLACEHOLDER_AUTHOR().fullmatch(author.strip()) is not None
        or _LOGIN().fullmatch(author.strip()) is not None
    )


#: A content system's login, one word in small Latin letters and digits, that a page gives
#: as its author: People's Daily Online's web editor's (``<meta name="author"
#: content="liangjun">``), not the story's writer (``By Xinhua``).
_LOGIN = later(r"[a-z][a-z0-9_.]*")


#: What a document's properties name as its author when no one named one, as a page made
#: from it keeps them (``<meta name="author" content="Microsoft Office User">``).
_PLACEHOLDER_AUTHOR = later(
    r"(?:microsoft\s+office\s+user|windows\s+user|user|admin(?:istrator)?|owner|unknown"
    r"|author|guest|default|root|pc|\d*)",
    re.IGNORECASE,
)


#: The names a page's ``<meta>`` gives its publication time under, most trusted first.
_PUBLISHED_META = (
    "article:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "citation_publication_date",
    "originalpublicationdate",  # the BBC's ("2005/05/25 09:32:11", in its archived pages)
)


def _same_language(locale: str, lang: tuple[str, int] | None) -> bool:
    """Whether the page's ``lang`` names the language of the Open Graph ``locale`` (which
    names a region always: ``ar_AR`` is Facebook's Arabic, not Argentina's)."""
    own = language_tag(lang[0]) if lang is not None else None
    tag = language_tag(locale)
    return own is not None and tag is not None and primary_language(own) == primary_language(tag)


def _from_elements(page: PageScan) -> dict[str, _Found]:
    out: dict[str, _Found] = {}
    if page.h1:
        out["title"] = _Found(*page.h1)
    elif page.title:  # no <h1> (a print view, a Google Docs export): the <title>'s first part
        shown = _title_shown(page)
        head = _TITLE_SEPARATOR().split(page.title[0])[0].strip()
        if shown is not None:
            out["title"] = _Found(*shown)
        elif not _HOST().fullmatch(head):  # ("CNN.com - Transcripts": the site's name alone)
            out["title"] = _Found(_without_agency_after(head), page.title[1])
    if page.time:
        out |= _date_fields(*page.time)
    printed = {url for url, _ in page.printed_addresses}
    if page.canonical:
        out["url"] = _Found(*page.canonical)
    elif len(printed) == 1 and is_web_url(page.printed_addresses[0][0]):
        out["url"] = _Found(*page.printed_addresses[0])  # a print view's "URL: https://..."
    elif page.saved_from or page.source_link:  # none of the page's own: the one it was
        # saved from (a browser's comment, a read-later export's link above the text)
        out["url"] = _Found(*(page.saved_from or page.source_link or ("", 0)))
    if page.lang:
        out["language"] = _Found(*page.lang)
    out |= _element_author(page)
    outlet = _title_outlet(page)
    if outlet is not None:
        out["outlet"] = outlet
    return out


def _title_shown(page: PageScan) -> tuple[str, int] | None:
    """The one part of a page's ``<title>`` after its first that the page shows as a block
    of its own, with that block's line, when it shows not the first and the part has more
    words than the first (a site's name is short; a page's header may show it alone, and
    the first part is the headline then: "Ferry deal signed - Caspian Post"): the headline
    of an old page with no ``<h1>``, set in a ``<font>``, whose ``<title>`` names the site
    first ("Turan News Agency - Baku and Ashgabat agree on Dostlug"); else None."""
    assert page.title is not None
    parts = [p.strip() for p in _TITLE_SEPARATOR().split(page.title[0])]
    if len(parts) < 2:
        return None
    lines = {_key(text): line for text, line in reversed(page.blocks)}
    shown = [(part, lines[_key(part)]) for part in parts[1:] if _key(part) in lines]
    if len(shown) != 1 or _key(parts[0]) in lines:
        return None
    return shown[0] if len(shown[0][0].split()) > len(parts[0].split()) else None


def _element_author(page: PageScan) -> dict[str, _Found]:
    """The author an element saying "byline" or "author" (or ``rel="author"``) names, and
    the news agency it names beside them ("Jane Roe, Reuters")."""
    author = next(((n, line) for text, line in page.authors if (n := named_author(text))), None)
    if author is None:
        # the page's first byline naming a news agency and no writer: a republisher's author
        # slot naming the agency it took the story from ("By Trend News Agency" on Eurasia
        # Review's copy, whose text then names its writer), the text's origin
        first = page.authors[0] if page.authors else None
        agency = None if first is None else named_agency(first[0])
        return {} if first is None or agency is None else {"agency": _Found(agency, first[1])}
    # the byline of several names that holds it, if any (not a list of the site's writers
    # lower down, which holds another)
    author = next(
        (
            (n, line)
            for text, line in page.author_groups
            if (n := named_author(text)) and author[0] in n
        ),
        author,
    )
    out = {"author": _Found(*author)}
    agency = next((named_agency(t) for t, line in page.authors if line == author[1]), None)
    if agency is not None:
        out["agency"] = _Found(agency, author[1])
    return out


#: A site's address alone, its name as some sites write it first in their <title>: "CNN.com".
_HOST = later(r"(?:www\.)?[^\W_][\w-]*(?:\.[\w-]+)*\.[^\W\d_]{2,6}")
#: What sets a site's name apart from the headline in a page's <title>.
_TITLE_SEPARATOR = later(
    r"\s+(?:[|–—·:»•]{1,2}|-)\s+"
    r"|(?<=[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef])[-_|－—](?=[\u4e00-\u9fff])"  # 标题-新华网
)
#: A site's name joined to the headline by an underscore, as China's Foreign Ministry
#: writes its <title> (not a file's name, "ADA_Policy_Brief_China_2025": one alone).
_UNDERSCORE = later(r"(?<=\S)_(?=[A-Z])")
_MAX_OUTLET_WORDS = 10  # "Ministry of Foreign Affairs of the People's Republic of China"


#: A headline with a name joined after it by a hyphen: "Xi holds talks-Xinhua".
_NAME_JOINED = later(r"(?P<head>.*\S)-(?P<name>[^\W\d][\w.]*(?: [\w.]+){0,2})")


def _without_agency_after(title: str) -> str:
    """``title`` without a news agency's name joined after it by a hyphen, as Xinhua's
    English pages write their ``<title>``: "Xi holds talks with Azerbaijani
    president-Xinhua"."""
    joined = _NAME_JOINED().fullmatch(title)
    if joined is None or agency_of(joined["name"]) is None:
        return title
    words = joined["head"].split()
    if len(words) < 3 or not words[-1][:1].islower():
        return title  # "PayNow-UPI", "... of Thomson-Reuters": one word of the headline
    return joined["head"]


def _title_outlet(page: PageScan) -> _Found | None:
    """The site's name that a page's <title> gives last, after its headline ("Georgia picks
    a consortium | South Caucasus Monitor", "Headline | Kazakhstan | The Guardian"; joined
    to it by a hyphen, "Headline-Xinhua", as Xinhua's English pages write it), when what
    comes first is the headline (the page's <h1> or ``og:title``) whole."""
    if page.title is None:
        return None
    title, line = page.title
    separators = list(_TITLE_SEPARATOR().finditer(title))
    if not separators and title.count("_") == 1:  # "... April 23, 2025_Ministry of ...": the
        separators = list(_UNDERSCORE().finditer(title))  # headline's whole, checked below
    headlines = {_key(found[0]) for found in (page.h1, page.meta.get("og:title")) if found}
    joined = _NAME_JOINED().fullmatch(title) if not separators else None
    if joined is not None and _key(joined["head"]) in headlines:  # "Headline-Xinhua": the
        return _Found(joined["name"], line)  # headline whole, a name joined by a hyphen
    if not separators:
        return None
    head, name = title[: separators[0].start()], title[separators[-1].end() :].strip()
    if _key(head) not in headlines or len(name.split()) > _MAX_OUTLET_WORDS:
        return None
    if name.casefold() in _ARCHIVE_TODAY_HOSTS:
        return None  # "Headline - archive.ph": the archive's copy, not a site's name
    return None if not name or any(c.isdigit() for c in name) else _Found(name, line)


FORMAT = Format("html", read, detect, order=5, suffixes=(".html", ".htm"))
