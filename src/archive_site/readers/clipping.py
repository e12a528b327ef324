"""``clipping``: a web page saved as Markdown by a clipper or a read-later service
(Obsidian's Web Clipper, MarkDownload, Joplin's clipper, Instapaper's export...).

Such a file is the page's text in Markdown, often under front matter the clipper wrote
from the page's metadata.  It is read as that text with its Markdown taken off, line for
line (every paragraph keeps its line in the file), by the ``wire`` reader (headline,
byline, date, dateline, credits, trailing furniture); then the front matter's values,
where it gives them, are the fields:

- ``title``;
- ``source``, ``url``, ``link``, ``original_url``, ``canonical``: the page's address;
- ``author``, ``authors``, ``byline``: a name or a list of names (Obsidian writes
  ``"[[Name]]"``), the site's own name among them left out (``site``, ``site_name``,
  ``publisher``, or the address's host, names it);
- ``published``, ``date_published``, ``pubdate``: a date or an ISO date-time.

Never ``date``, ``created``, ``clipped``, ``saved`` and the like: clippers write there the
day the page was saved, which is not the day it was published.

Above the text's first paragraph (the page's head, as a read-later service sets it): a link
whose words are its own address or host (``[eurasianet.org](https://eurasianet.org/...)``)
is the page's address, when the front matter gives none; a short line in parts parted by
``·`` or ``|``, one a stamp, is furniture, its day the publication's and a byline beside
it the author, when nothing else gave them ("By Heydar Isayev · April 24, 2025"; a name
alone may be a place's or a section's; never a day "Saved" or "Clipped").
MarkDownload's "> ## Excerpt" opening the text (the page's description under that heading)
is furniture when the paragraph after it says it again: the lead, twice.

Markdown taken off: ATX and Setext headings (kept as section headings; the first, when it
opens the text, is the headline), emphasis, strike-through (its words too: withdrawn, they
are furniture), code spans and fences, links
(their words kept), images (dropped), block quotes' ``>``, rules, link reference
definitions, backslash escapes; a list's ``*`` and ``+`` items are set ``- `` as the other
readers set them; a footnote's mark ``[^1]`` is ``[1]`` and its text a paragraph, ``[1]
...``; so is each row of a table, its cells parted by " | " (the line of dashes under its
head dropped).

Jina's reader writes no front matter but a head of its own ("Title: ...", "URL Source:
...", "Published Time: ...", then "Markdown Content:" above the text): read as one, its
values as written.

Detected when the text opens with Jina's head, with front matter naming a title or an
address, or with a
``#`` heading followed by other Markdown (a link, an image, a rule, emphasis).  A
hand-written article (``ID.md``, :mod:`.markdown`) is never read so.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..errors import Problems
from ..model import Furniture
from ..patterns import later
from .base import Block, Capture, Field, Format, Reading, reading
from .byline import read_byline, take_opening_credit
from .dateline import match_dateline, take_dateline
from .frontmatter import has_front_matter
from .html import outlet_as_named, stamp_of, struck_note
from .htmlscan import shows_its_host
from .stamps import Stamp, parse_stamp, says_changed
from .wire import promotion, read_blocks

_TITLE_KEYS = ("title",)
_URL_KEYS = ("source", "url", "link", "original_url", "canonical", "canonical_url", "url_source")
_AUTHOR_KEYS = ("author", "authors", "byline")
_PUBLISHED_KEYS = ("published", "date_published", "datepublished", "pubdate", "published_time")

#: A top-level key of front matter and its value (the clipper's YAML is read line by line,
#: as the few shapes clippers write: ``key: value``, ``key:`` then ``- item`` lines).
_KEY = later(r"(?P<key>[A-Za-z][\w -]*?)\s*:(?:\s+(?P<value>.*?))?\s*$")
_ITEM = later(r"\s+-\s+(?P<value>.*?)\s*$|-\s+(?P<top>.*?)\s*$")
_CLOSERS = ("---", "...")
#: A block scalar's indicator, its value on the lines below (``title: >-``).
_BLOCK = later(r"[|>][1-9+-]{0,2}(?:\s+#.*)?")

_ATX = later(r"\s{0,3}(?P<hashes>#{1,6})(?:\s+(?P<text>.*?))?(?:\s+#+)?\s*$")
_SETEXT = later(r"\s{0,3}(?:=+|-+)\s*$")
_RULE = later(r"\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_FENCE = later(r"\s{0,3}(?:`{3,}|~{3,})")
_REFERENCE = later(r"\s{0,3}\[(?!\^)[^\]\n]+\]:\s*\S+")
#: A footnote's text ("[^1]: World Bank, 2023."): a paragraph, "[1] World Bank, 2023.".
_FOOTNOTE = later(r"\s{0,3}\[\^(?P<label>[^\]\s]+)\]:\s*")
_QUOTE = later(r"\s{0,3}(?:>\s?)+")
#: A table's row, as clippers write one (``| a | b |``), and the line of dashes under its
#: head (``|---|:--:|``); the pipes parting its cells (not ``\|``, one in a cell).
_TABLE_ROW = later(r"\s{0,3}\|.*(?<!\\)\|\s*")
_TABLE_RULE = later(r"\s{0,3}\|?(?:\s*:?-+:?\s*\|)+\s*(?::?-+:?\s*)?")
_CELLS = later(r"(?<!\\)\|")
_BULLET = later(r"\s*(?:[*+-]|\d{1,3}[.)])\s+(?=\S)")
#: Markdown besides a heading: a link, an image, a rule, emphasis, an escape.
_MARKDOWN = later(
    r"\]\((?:https?:|/|#)|^\s{0,3}(?:-{3,}|\*{3,}|_{3,})\s*$|\*\*\S|__\S|(?<!\w)_\S[^_\n]*\S_(?!\w)"
    r"|(?<![\w*])\*\S[^*\n]*\S\*(?![\w*])|\\[\\`*_{}\[\]()#+\-.!]",
    re.MULTILINE,
)
#: An image, linked or not (its words are no text the page shows: dropped first, so that
#: the link around one is a link).  Every pattern below stops at the next opening mark of
#: its kind (a content holds no ``[``, no ``**``...): text of unmatched marks costs a pass,
#: never one per mark (a paragraph of "*a *a *a ..." took minutes).
_IMAGE = later(r"(?<!\\)!\[[^\[\]\n]*\](?:\([^()\n]*\)|\[[^\[\]\n]*\])")
_INLINE = later(
    r"\\(?P<esc>[!-/:-@\[-`{-~])"
    r"|\[\^(?P<mark>[^\[\]\s]+)\]"  # a footnote's mark
    r"|\[(?P<text>(?:\\.|[^\[\]\\])*)\]\((?P<href>(?:[^()\s]|\([^()\s]*\))*)"
    r"""(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\)"""
    r"|\[(?P<ref>(?:\\.|[^\[\]\\])+)\]\[[^\[\]\n]*\]"
    r"|<(?P<auto>(?:https?|mailto):[^<>\s]+)>"
    r"|`(?P<code>[^`\n]+)`|``(?P<code2>(?:[^`]|`(?!`))+)``"
    r"|\*\*(?=\S)(?P<st>(?:[^*]|\*(?!\*))+?)(?<=\S)\*\*"
    r"|__(?=\S)(?P<st2>(?:[^_]|_(?!_))+?)(?<=\S)__"
    r"|~~(?=\S)(?P<sk>(?:[^~]|~(?!~))+?)(?<=\S)~~"
    r"|(?<![\w*\\])\*(?=[^\s*])(?P<em>[^*]+?)(?<=[^\s\\])\*(?![\w*])"
    r"|(?<![\w\\])_(?=[^\s_])(?P<em2>[^_]+?)(?<=[^\s\\])_(?!\w)"
)


#: Keys of front matter that clippers write and a hand-written article's metadata has not:
#: a ``.md`` file whose front matter holds one is a clipping, not an article ``add`` keeps
#: as written.
CLIPPER_KEYS = frozenset(
    (*_URL_KEYS, "created", "clipped", "saved", "tags", "description", "authors", "byline")
) - {"url"}


def is_clipping(lines: list[str] | tuple[str, ...]) -> bool:
    """Whether the lines open with front matter that a clipper wrote (see
    :data:`CLIPPER_KEYS`)."""
    return not CLIPPER_KEYS.isdisjoint(_front_values(lines)[0])


#: Jina's reader's head ("Title: ...", "URL Source: ...", "Published Time: ...", then
#: "Markdown Content:" above the page's text): its lines of ``key: value``.
_JINA_FIRST = "Title:"
_JINA_URL = "URL Source:"
_JINA_CLOSE = "Markdown Content:"
_JINA_HEAD = 12  # lines at most


def _jina_close(lines: list[str] | tuple[str, ...]) -> int | None:
    """The index of the line "Markdown Content:" closing Jina's reader's head, when the
    lines open with one."""
    if not lines or not lines[0].startswith(_JINA_FIRST):
        return None
    for n in range(1, min(len(lines), _JINA_HEAD)):
        if lines[n].strip() == _JINA_CLOSE:
            heads = lines[1:n]
            return n if any(line.startswith(_JINA_URL) for line in heads) else None
    return None


#: A line of an export's properties under its headline, as Notion and Readwise write them
#: ("URL: https://...", "- Author: [[Jane Roe]]", "Created: April 26, 2025 9:12 AM").
_PROPERTY = later(
    r"\s{0,3}(?:[-*]\s+)?(?P<key>author|authors|full\s+title|title|category|document\s+tags|tags"
    r"|url|source|created|published|date\s+published|saved|updated|last\s+edited|highlighted)"
    r"\s*:\s*(?P<value>\S.*?)\s*$",
    re.IGNORECASE,
)
#: What else may stand between the headline and those lines: a cover image, a heading
#: "Metadata" (Readwise's).
_PROPERTIES_HEAD = later(r"\s*(?:!\[[^\]]*\]\([^)]*\)|#{2,6}\s+metadata)\s*", re.IGNORECASE)
_MOST_PROPERTIES = 12


def _head_values(lines: list[str]) -> tuple[dict[str, Field], list[int]]:
    """The values of the front matter and of an export's properties under the headline (see
    :func:`_properties`; the front matter's first), their lines blanked in ``lines``; and
    the indexes of the properties' lines."""
    values, body_start = _front_values(lines)
    for n in range(body_start):
        lines[n] = ""
    properties, taken = _properties(lines)
    for n in taken:
        lines[n] = ""
    return {**properties, **values}, taken


def _properties(lines: list[str] | tuple[str, ...]) -> tuple[dict[str, Field], list[int]]:
    """The properties an export writes under its headline ("# Headline" first), as front
    matter's keys (``url``, ``author``, ``published``; never ``created`` or ``saved``, when
    the page was clipped), and the indexes of their lines (and of a heading "Metadata" over
    them): only a block of them that gives the page's address (Notion's "URL: https://...",
    Readwise's "- URL: ..."); none else."""
    first = next((n for n, line in enumerate(lines) if line.strip()), None)
    if first is None or _ATX().match(lines[first]) is None:
        return {}, []
    found: dict[str, Field] = {}
    taken: list[int] = []
    for n in range(first + 1, min(len(lines), first + 1 + 2 * _MOST_PROPERTIES)):
        prop = _PROPERTY().fullmatch(lines[n])
        if prop is not None:
            key = " ".join(prop["key"].lower().split()).replace(" ", "_")
            found.setdefault(key, Field(_scalar(prop["value"]), n + 1))
            taken.append(n)
        elif lines[n].strip() and not _PROPERTIES_HEAD().fullmatch(lines[n]):
            break
        elif lines[n].strip() and not found:
            taken.append(n)  # the heading "Metadata" (a cover image is the page's own)
    addresses = [found.get(k) for k in ("url", "source")]
    if not any(f is not None and urlsplit(f.value).scheme in ("http", "https") for f in addresses):
        return {}, []
    return found, [n for n in taken if not lines[n].lstrip().startswith("!")]


def detect(capture: Capture) -> bool:
    lines = capture.lines
    if _jina_close(lines) is not None:
        return True
    if _properties(lines)[1]:
        return True  # "# Headline" and an export's properties under it (Notion's)
    if has_front_matter(lines):
        keys = _front_values(lines)[0]
        return any(k in keys for k in (*_TITLE_KEYS, *_URL_KEYS))
    first = next((line for line in lines if line.strip()), "")
    opening = _ATX().match(first)
    return (
        opening is not None
        and opening["hashes"] == "#"
        and _MARKDOWN().search(capture.text, len(first)) is not None
    )


def read(capture: Capture, problems: Problems) -> Reading:
    lines = list(capture.lines)
    values, taken = _head_values(lines)
    plain, headings, opening = plain_lines(lines)
    found = read_blocks(_blocks(plain, opening), "clipping")
    fields = dict(found.fields)
    fields |= _front_fields(values)
    kept = _headline_kept(found.fields.get("title"), fields.get("title"))
    blocks = [
        Block(b.text, b.line, "heading", None) if b.line - 1 in headings else b
        for b in sorted([*found.blocks, *kept], key=lambda b: b.line)
    ]
    if blocks and blocks[0].role == "heading" and _opens(fields.get("title"), blocks[0].text):
        blocks.pop(0)  # the headline, as the front matter names it
    excerpt = _excerpt(blocks)
    excerpt += _opening_credit(blocks, fields)  # "Daily Sabah with AA" above the text
    described = _described(blocks)  # a description the text does not repeat: no head
    prose = described + _first_prose(blocks[described:])
    notes = list(found.notes)
    _take_dateline(blocks, fields, notes, tried=not excerpt)
    above = blocks[prose].line - 1 if prose < len(blocks) else len(lines)
    if "url" not in fields and (url := _address_above(lines, above)) is not None:
        fields["url"] = url
    meta = _head_meta(blocks[described:prose], fields)
    links, captions = _above_text(lines, blocks[:prose], described, meta)
    noted = _highlights(lines, blocks)
    struck = _struck(capture.lines)
    notes.extend(struck_note(struck))
    furniture = sorted(
        [
            *struck,
            *(Furniture("properties", capture.lines[n].strip(), n + 1) for n in taken),
            *found.furniture,
            *excerpt,
            *(Furniture("timestamp", b.text, b.line) for b in meta),
            *(Furniture("navigation", b.text, b.line) for b in links),
            *(Furniture("highlights", b.text, b.line) for b in noted),
            *(Furniture("caption", b.text, b.line) for b in captions),
        ],
        key=lambda f: f.line,
    )
    dropped = [*meta, *links, *noted, *captions]
    kept = [b for b in blocks if b not in dropped]
    return reading("clipping", fields, kept, furniture, notes)


def _raw(lines: list[str], line: int) -> list[str]:
    """The Markdown lines of the paragraph opening on ``line`` (numbered from 1), to the
    next blank line."""
    out = []
    for text in lines[line - 1 :]:
        if not text.strip():
            break
        out.append(text)
    return out


def _links_alone(lines: list[str], line: int) -> bool:
    """Whether the paragraph on ``line`` above the text is links and nothing else, as a
    read-later service heads its export ("[Read on Omnivore](...)" / "[Read Original](...)"):
    its buttons, no words of the page."""
    raw = _raw(lines, line)
    for text in raw:
        left = _INLINE().sub(lambda m: "" if m["href"] is not None else m[0], text)
        if _QUOTE().sub("", _BULLET().sub("", left)).strip():
            return False
    return bool(raw)


#: The heading a read-later service puts over the passages its reader highlighted, after
#: the text (Omnivore's, Readwise's "## Highlights").
_HIGHLIGHTS = later(r"(?i)(?:my\s+)?(?:highlights|annotations)(?:\s*&\s*notes)?")


def _highlights(lines: list[str], blocks: list[Block]) -> list[Block]:
    """The heading "Highlights" after the text and the passages under it, to the end, each
    a block quote or a list's item: the reader's marks on the text, repeating its words,
    not more of them (none when a paragraph of prose follows the heading, or none is above
    it: then the highlights are all the export holds of the text)."""
    at = next(
        (
            n
            for n, b in enumerate(blocks)
            if b.role == "heading" and _HIGHLIGHTS().fullmatch(b.text)
        ),
        None,
    )
    if at is None or _first_prose(blocks[:at]) >= at:
        return []  # (no text above it: an export of the highlights alone, Readwise's)
    after = blocks[at + 1 :]
    marked = all(
        (first := _raw(lines, b.line)[:1])
        and (_QUOTE().match(first[0]) or _BULLET().match(first[0]))
        for b in after
    )
    return blocks[at:] if after and marked else []


def _headline_kept(read: Field | None, given: Field | None) -> list[Block]:
    """The first line the wire reader ``read`` as the headline, as a paragraph, when the
    front matter ``given`` another title that does not open with it (a standfirst, a
    kicker: the page's text, never lost)."""
    if read is None or given is None or given is read or _opens(given, read.value):
        return []  # (the headline; the title may have the site's name after it)
    return [Block(read.value, read.line)]


def _opens(title: Field | None, text: str) -> bool:
    """Whether the ``title`` and ``text`` are one headline, case and spaces aside: the same,
    or one opening with the other, of three words or more ("Aliyev in Beijing | Caspian
    News": the site's name after it)."""
    if title is None:
        return False
    one, other = sorted((title.value.casefold().split(), text.casefold().split()), key=len)
    return one == other or (len(one) >= 3 and other[: len(one)] == one)


def _front_values(lines: list[str] | tuple[str, ...]) -> tuple[dict[str, Field], int]:
    """The front matter's top-level values by key (lower case; a list's items joined by
    " and "), and the index of the first line after it (0: no front matter)."""
    jina = _jina_close(lines)
    if jina is not None:  # (its values as written: no YAML, no quotes or comments)
        found = (_KEY().match(lines[n]) for n in range(jina))
        return {
            m["key"].strip().lower().replace(" ", "_"): Field(m["value"], n + 1)
            for n, m in enumerate(found)
            if m is not None and m["value"]
        }, jina + 1
    if not has_front_matter(lines):
        return {}, 0
    close = next((n for n in range(1, len(lines)) if lines[n].strip() in _CLOSERS), None)
    if close is None:
        return {}, 0
    values = _raw_values(lines[1:close], 2)
    scalars = {
        k: [(_scalar(v), line) for v, line in items if _BLOCK().fullmatch(v) is None]
        for k, items in values.items()
    }
    return {
        k: Field(" and ".join(v for v, _ in items), items[0][1])
        for k, items in scalars.items()
        if items and all(v for v, _ in items)
    }, close + 1


def _raw_values(lines: list[str] | tuple[str, ...], first: int) -> dict[str, list[tuple[str, int]]]:
    """The front matter's values as written, by key, each with its line (``first``: the
    first line's number): a list's items, or one value, over lines as it may be."""
    values: dict[str, list[tuple[str, int]]] = {}
    key = None
    listed = False  # whether the key's value is a list of items
    for n, line in enumerate(lines, first):
        item = _ITEM().match(line)
        if item is not None and key is not None and (listed or not values[key]):
            values[key].append((item["value"] or item["top"], n))
            listed = True
        elif key is not None and values[key] and line[:1] in (" ", "\t") and line.strip():
            values[key][-1] = _continued(values[key][-1], line.strip(), n)
        else:
            m = _KEY().match(line)
            listed = False
            key = None if m is None else m["key"].strip().lower().replace(" ", "_")
            if m is not None and key is not None:
                values[key] = [] if not m["value"] else [(m["value"], n)]
    return values


def _continued(value: tuple[str, int], more: str, line: int) -> tuple[str, int]:
    """A value with its next line: a block scalar's first ("title: >-" then its lines), or
    the rest of a plain or quoted one folded (a long title the clipper's YAML wrapped)."""
    text, first = value
    return (more, line) if _BLOCK().fullmatch(text) is not None else (f"{text} {more}", first)


def _scalar(value: str) -> str:
    """A YAML scalar as written in front matter: quotes, Obsidian's ``[[link]]`` and a
    comment taken off; a flow list (``[a, b]``) its items joined by " and "."""
    value = value.strip()
    if value.startswith("[") and value.endswith("]") and not value.startswith("[["):
        return " and ".join(_scalar(v) for v in value[1:-1].split(",") if v.strip())
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    elif " #" in value:
        value = value.split(" #", 1)[0].rstrip()
    if value.startswith("[[") and value.endswith("]]"):
        value = value[2:-2].split("|")[-1]
    return value.strip()


def _front_fields(values: dict[str, Field]) -> dict[str, Field]:
    """The reading's fields the front matter gives."""
    out: dict[str, Field] = {}
    title = _first(values, _TITLE_KEYS)
    if title is not None:
        out["title"] = title
    url = _first(values, _URL_KEYS)
    if url is not None and urlsplit(url.value).scheme in ("http", "https"):
        out["url"] = url
    author = _first(values, _AUTHOR_KEYS)
    author = None if author is None else _writers(author, values, out.get("url"))
    if author is not None:
        out["author"] = author
    published = _first(values, _PUBLISHED_KEYS)
    stamp = None if published is None else stamp_of(published.value)
    if published is not None and stamp is not None:
        out |= {key: Field(value, published.line) for key, value in stamp.fields()}
    return out


#: The front matter's keys for the site's name (a Web Clipper template's ``site: "{{site}}"``).
_SITE_KEYS = ("site", "site_name", "sitename", "publisher")


def _writers(author: Field, values: dict[str, Field], url: Field | None) -> Field | None:
    """The front matter's authors, the site's own name among them left out: Obsidian's Web
    Clipper lists the page's author metadata, which many sites fill with their name too
    (``["[[Heydar Isayev]]", "[[Eurasianet]]"]``), and the site is no writer; its name as
    ``site`` (or ``site_name``, ``publisher``) gives it or as its address's host
    (``eurasianet.org``, ``www.caspiannews.com``: case, spaces and punctuation aside), written
    as an outlet's, as a saved page's author is (see :func:`.html.outlet_as_named`: a
    personal site's author, whose name the site bears, is its writer).  None when no one
    else is left.  An "and" that leaves a word alone is a name's own, not the list's ("Stars
    and Stripes" on stripes.com is no writer "Stars"): the name stays whole."""
    sites = [values[key].value for key in _SITE_KEYS if key in values] + _host_names(url)
    names = author.value.split(" and ")  # (the list's items, as joined)
    kept = [name for name in names if not outlet_as_named(name, sites)]
    if len(kept) == len(names) or any(len(name.split()) == 1 for name in kept):
        return author
    return Field(" and ".join(kept), author.line) if kept else None


def _host_names(url: Field | None) -> list[str]:
    """The names the host of the page's address ``url`` gives its site (``eurasianet.org``,
    ``eurasianet``), to be compared with an author's (see :func:`.html.outlet_as_named`)."""
    host = (urlsplit(url.value).hostname or "") if url is not None else ""
    return [host.removeprefix("www."), *host.split(".")[-2:-1]] if host else []


def _first(values: dict[str, Field], keys: tuple[str, ...]) -> Field | None:
    return next((values[k] for k in keys if k in values), None)


def plain_lines(lines: list[str]) -> tuple[list[str], set[int], set[int]]:
    """The lines with their Markdown taken off, as many as given; the indexes of those that
    are headings, and of those that open a paragraph though no blank line is above them (a
    heading, the line after it, a list's item)."""
    out: list[str] = []
    headings: set[int] = set()
    opening: set[int] = set()
    fenced = False
    for n, line in enumerate(lines):
        quoted = _QUOTE().match(line)
        if quoted is not None and not fenced:
            line = line[quoted.end() :]
        if _FENCE().match(line):
            fenced = not fenced
            out.append("")
        elif fenced:
            out.append(line)
        elif _SETEXT().match(line) and n and out[-1].strip() and n - 1 not in headings:
            headings.add(n - 1)  # (the line above, underlined)
            opening |= {n - 1, n + 1}
            out.append("")
        elif _RULE().match(line) or _REFERENCE().match(line):
            out.append("")
        elif (note := _FOOTNOTE().match(line)) is not None:
            opening.add(n)
            out.append(f"[{note['label']}] {line[note.end() :]}")
        elif (atx := _ATX().match(line)) is not None:
            headings.add(n)
            opening |= {n, n + 1}
            out.append(atx["text"] or "")
        elif _TABLE_RULE().fullmatch(line):
            out.append("")  # (the line under a table's head: its cells' alignment)
        else:
            plain = _row(line) or _item(line)
            if plain is not None:
                opening.add(n)
            out.append(line if plain is None else plain)
    return _inline_apart(out), headings, opening


def _item(line: str) -> str | None:
    """A list's item, its mark set ``- `` (``1. `` as it is), or None."""
    item = _BULLET().match(line)
    if item is None:
        return None
    marker = line[: item.end()].strip()
    return ("- " if marker in "*+-" else f"{marker} ") + line[item.end() :]


def _row(line: str) -> str | None:
    """A table's row (``| 2024 | $3.2 billion |``), its cells parted by " | ", or None."""
    if _TABLE_ROW().fullmatch(line) is None:
        return None
    cells = _CELLS().split(line.strip()[1:-1])
    return " | ".join(cell.strip() for cell in cells)


def _blocks(lines: list[str], opening: set[int]) -> list[tuple[list[str], int]]:
    """The paragraphs of the lines: parted by blank lines and before each line ``opening``."""
    blocks: list[tuple[list[str], int]] = []
    for n, line in enumerate(lines):
        if not line.strip():
            continue
        if n in opening or n == 0 or not lines[n - 1].strip():
            blocks.append(([], n + 1))
        blocks[-1][0].append(line.strip())
    return blocks


def _inline_apart(lines: list[str]) -> list[str]:
    """The lines with links, emphasis, code spans and escapes taken off, a paragraph at a
    time (emphasis may run over a line's end), each line kept apart."""
    out: list[str] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            block.append(line)
            continue
        if block:
            text = _INLINE().sub(_plain, _IMAGE().sub("", "\n".join(block)))
            if "~~" in "".join(block):  # (the space beside words struck through, once)
                text = _SPACES().sub(" ", text)
            made = text.split("\n")
            out.extend(
                made if len(made) == len(block) else [" ".join(made), *[""] * (len(block) - 1)]
            )
            block = []
        out.append(line)
    return out[:-1]


#: Spaces running between words (where words struck through stood between them).
_SPACES = later(r"(?<=\S)[ \t]{2,}(?=\S)")


def _struck(lines: tuple[str, ...]) -> list[Furniture]:
    """The passages the clipping strikes through (``~~5 million~~``, as a clipper writes a
    page's ``<del>``, ``<s>``: a correction shown in place, the new words after them), each
    on its line, outside code fences: words withdrawn, never the text (see :func:`_plain`),
    listed as furniture."""
    out: list[Furniture] = []
    fenced = False
    for n, line in enumerate(lines):
        if _FENCE().match(line):
            fenced = not fenced
        elif not fenced and "~~" in line:
            found = (m["sk"] for m in _INLINE().finditer(line) if m["sk"] is not None)
            out.extend(Furniture("struck", " ".join(t.split()), n + 1) for t in found)
    return out


def _plain(m: re.Match[str]) -> str:
    """What a piece of inline Markdown reads as."""
    if m["esc"] is not None:
        return m["esc"]
    if m["auto"] is not None:
        return m["auto"]
    if m["sk"] is not None:  # struck through: words withdrawn, no text (see _struck)
        return ""
    if m["mark"] is not None:  # as its note's paragraph opens: "[1] World Bank, 2023."
        return f"[{m['mark']}]"
    code = m["code"] if m["code"] is not None else m["code2"]
    if code is not None:
        return str(code)
    inner = next(
        (m[g] for g in ("text", "ref", "st", "st2", "sk", "em", "em2") if m[g] is not None), ""
    )
    return _INLINE().sub(_plain, inner)


def _take_dateline(
    blocks: list[Block], fields: dict[str, Field], notes: list[tuple[int, str]], *, tried: bool
) -> None:
    """A dateline opening the text's first or second paragraph (after a standfirst), not
    its first block when the wire reader ``tried`` it (it looks at that one alone; not when
    a block above it was taken out since, an excerpt: see :func:`_excerpt`)."""
    texts = [n for n, b in enumerate(blocks) if b.role != "heading"][:2]
    for n in texts:
        found = match_dateline(blocks[n].text) if n or not tried else None
        if found is not None:
            take_dateline(blocks, n, found, fields, notes)
            return


#: MarkDownload's heading over the page's description, which it quotes above the text
#: ("> ## Excerpt").
_EXCERPT = later(r"excerpt", re.IGNORECASE)
#: What may end a description cut short, or a paragraph: an ellipsis, a stop.
_CUT = later(r"(?:\.\.\.|…|[.!?:;,])+\s*$")


def _excerpt(blocks: list[Block]) -> list[Furniture]:
    """MarkDownload's "Excerpt" heading opening the text, and the description under it,
    taken out of ``blocks`` as furniture (the description a standfirst) when the text's
    paragraph after it says it again, whole or as its opening ("The train arrived on
    Wednesday." over "The train arrived on Wednesday, officials said."): the lead twice, the
    second copy the text's.  A description the text does not repeat stays: the page's
    words, which nothing else keeps."""
    at = next((n for n, b in enumerate(blocks[:2]) if b.role == "heading"), None)
    if at is None or len(blocks) < at + 3 or _EXCERPT().fullmatch(blocks[at].text) is None:
        return []
    heading, described, lead = blocks[at : at + 3]
    said = " ".join(_CUT().sub("", described.text).casefold().split())
    if described.role == "heading" or not said:
        return []
    if not " ".join(lead.text.casefold().split()).startswith(said):
        return []
    del blocks[at : at + 2]
    return [
        Furniture("heading", heading.text, heading.line),
        Furniture("standfirst", described.text, described.line),
    ]


def _above_text(
    lines: list[str], head: list[Block], described: int, meta: list[Block]
) -> tuple[list[Block], list[Block]]:
    """The paragraphs of the ``head`` (above the text) that are links alone, and those
    below the ``described`` first (MarkDownload's excerpt) that are captions."""
    links = [b for b in head if _links_alone(lines, b.line)]
    captions = [b for b in head[described:] if b not in meta and _caption(b)]
    return links, captions


def _caption(block: Block) -> bool:
    """Whether ``block``, between MarkDownload's excerpt and the text, is a photograph's
    caption or credit ("Photo: VCG"), as the wire reader tells one above the text (it took
    the excerpt for the text's opening, and looked no further)."""
    return block.role != "heading" and promotion(block.text, first=True) == "caption"


def _described(blocks: list[Block]) -> int:
    """The number of blocks opening ``blocks`` that are MarkDownload's "Excerpt" heading and
    the page's description under it, kept (see :func:`_excerpt`): the page's description,
    not its text, whose head (its byline, its stamp) may follow; 0 when there are none."""
    at = next((n for n, b in enumerate(blocks[:2]) if b.role == "heading"), None)
    if at is None or len(blocks) < at + 2 or _EXCERPT().fullmatch(blocks[at].text) is None:
        return 0
    return 0 if blocks[at + 1].role == "heading" else at + 2


def _opening_credit(blocks: list[Block], fields: dict[str, Field]) -> list[Furniture]:
    """A line opening the text that credits a news agency as its source, taken out of
    ``blocks`` as furniture, its agency the text's origin (see
    :func:`.byline.take_opening_credit`): the wire reader took the clipping's first line for
    a headline (:func:`_headline_kept` gives it back, the front matter naming the title), and
    never read it as a credit."""
    if not blocks or blocks[0].role == "heading":
        return []
    credit = take_opening_credit(blocks, fields)
    return [] if credit is None else [credit]


def _first_prose(blocks: list[Block]) -> int:
    """The index of the first paragraph of the text: a sentence of some words (what is
    above it is the page's head: its links, bylines and dates)."""
    return next(
        (
            n
            for n, b in enumerate(blocks)
            if len(b.text.split()) >= 8 and _SENTENCE_END().search(b.text)
        ),
        len(blocks),
    )


_SENTENCE_END = later(r"[.!?…。]['\"’”»)]*$")


def _address_above(lines: list[str], above: int) -> Field | None:
    """The page's address: a link in the ``above`` first lines whose words are its
    address or its host (see :func:`.htmlscan.shows_its_host`, a saved page's alike)."""
    for n in range(min(above, len(lines))):
        for m in _INLINE().finditer(lines[n]):
            href, words = m["href"], (m["text"] or "").strip()
            if href is None or urlsplit(href).scheme not in ("http", "https"):
                continue
            if words == href or shows_its_host(words, href):
                return Field(href, n + 1)
    return None


#: The parts of a line of metadata in a page's head: "Heydar Isayev · April 24, 2025",
#: "eurasianet.org · Saved April 26, 2025"; or a byline and a labelled stamp the clipper ran
#: into one line: "By Global Times Published: Apr 01, 2025 09:46 PM".
_PARTS = later(
    r"\s+[·|•]\s+|\s+(?=(?:published|updated|posted|modified|last\s+updated)"
    r"(?:\s*:|\s+on\s)\s*\S)",
    re.IGNORECASE,
)
#: A stamp's label saying when the page was saved or read, not published.
_SAVED = later(
    r"(?i)(?:saved|clipped|archived|captured|retrieved|accessed|read)(?:\s+(?:on|at))?\s+"
)


def _head_meta(head: list[Block], fields: dict[str, Field]) -> list[Block]:
    """The paragraphs of the head that are lines of metadata: short, in parts, one of
    them a stamp.  An unlabelled stamp's day is the publication's, and a byline beside it
    the author, when nothing else gave them (never the day the page was saved)."""
    meta = []
    for b in head:
        parts = _PARTS().split(b.text) if len(b.text) <= 200 else []
        saved, stamps, others = _parts(parts)
        if len(parts) < 2 or not (saved or stamps):
            continue
        meta.append(b)
        if len(stamps) == 1 and "published" not in fields:
            fields |= {key: Field(value, b.line) for key, value in stamps[0].fields()}
        if stamps and len(others) == 1 and "author" not in fields:
            _take_author(others[0], b.line, fields)
    return meta


def _parts(parts: list[str]) -> tuple[list[str], list[Stamp], list[str]]:
    """A line's parts that are days it was saved or changed ("Updated April 26, 2025": never
    the publication's), the stamps among the others, and the rest."""
    saved, stamps, others = [], [], []
    for part in parts:
        label = _SAVED().match(part)
        stated = part[label.end() :] if label is not None else part
        if (label is not None or says_changed(part)) and parse_stamp(stated) is not None:
            saved.append(part)
        elif (stamp := parse_stamp(part)) is not None:
            stamps.append(stamp)
        else:
            others.append(part)
    return saved, stamps, others


def _take_author(name: str, line: int, fields: dict[str, Field]) -> None:
    """The author a line of metadata names beside its day, when it is a byline ("By Heydar
    Isayev · April 24, 2025"; not a name alone: "Beijing", "Caspian News", "Middle
    Corridor" read as names as well as "Heydar Isayev" does); never the site's own name, as
    its address's host gives it (see :func:`_writers`)."""
    byline = read_byline([name])
    if byline is None or not byline.author:
        return
    if not outlet_as_named(byline.author, _host_names(fields.get("url"))):
        fields["author"] = Field(byline.author, line)  # ("By Global Times": the site's own)


FORMAT = Format("clipping", read, detect, order=60)
