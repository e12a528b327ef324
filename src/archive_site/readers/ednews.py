"""``ednews``: the layout of EDnews pages as a scraper saves them.

Headline, blank line, ``Section HH:MM DD.MM.YYYY``, body, byline
``Name\\Outlet``; after the byline, page furniture (a link to another story,
the "News line" list, navigation words).
"""

from __future__ import annotations

from ..errors import Problems
from ..model import Furniture
from ..patterns import later
from .base import Block, Capture, Field, Format, Reading, iso_date, join, reading, split_blocks

_DATELINE = later(
    r"^(?P<section>\S.*?)\s+(?P<time>\d{1,2}:\d{2})\s+(?P<d>\d{2})\.(?P<m>\d{2})\.(?P<y>\d{4})$"
)
_BYLINE = later(r"^(?P<author>[^\\]+?)\s*\\{1,2}\s*(?P<outlet>[^\\]+?)$")
_NEWS_TIME = later(r"^\d{1,2}:\d{2}\s+\d{2}\.\d{2}\.\d{4}$")


def detect(capture: Capture) -> bool:
    blocks = split_blocks(capture.lines)
    return (
        len(blocks) >= 3
        and len(blocks[0][0]) == 1
        and len(blocks[1][0]) == 1
        and bool(_DATELINE().match(blocks[1][0][0]))
    )


def read(capture: Capture, problems: Problems) -> Reading:
    blocks = split_blocks(capture.lines)
    (title_lines, title_line), (date_lines, date_line) = blocks[0], blocks[1]
    fields: dict[str, Field] = {"title": Field(title_lines[0], title_line)}
    m = _DATELINE().match(date_lines[0])
    assert m is not None  # detection guarantees it
    fields["section"] = Field(m["section"], date_line)
    hour, minute = m["time"].split(":")
    fields["time"] = Field(f"{int(hour):02d}:{int(minute):02d}", date_line)
    iso = iso_date(m["y"], m["m"], m["d"])
    if iso is None:
        problems.error(
            capture.display,
            date_line,
            f"dateline: {m['d']}.{m['m']}.{m['y']} is not a real date",
        )
    else:
        fields["published"] = Field(iso, date_line)

    notes: list[tuple[int, str]] = []
    rest = blocks[2:]
    end = next(
        (i for i, (bl, _) in enumerate(rest) if len(bl) == 1 and _BYLINE().match(bl[0])), None
    )
    if end is None:
        end = next((i for i, (bl, _) in enumerate(rest) if bl == ["News line"]), len(rest))
        notes.append((rest[0][1] if rest else date_line, "no byline (Name\\Outlet) found"))
    else:
        by = _BYLINE().match(rest[end][0][0])
        assert by is not None
        fields["author"] = Field(by["author"], rest[end][1])
        fields["outlet"] = Field(by["outlet"], rest[end][1])
    body = [Block(join(bl), line) for bl, line in rest[:end]]
    furniture = _furniture(rest[end + 1 :] if end < len(rest) else [])
    return reading("ednews", fields, body, furniture, notes)


def _furniture(blocks: list[tuple[list[str], int]]) -> list[Furniture]:
    """What follows the byline: a story link, then the "News line" list."""
    furniture: list[Furniture] = []
    in_news_line = False
    for bl, line in blocks:
        if bl == ["News line"]:
            in_news_line = True
            furniture.append(Furniture("heading", bl[0], line))  # the list's heading, no entry
            continue
        if not in_news_line:
            furniture.append(Furniture("story-link", join(bl), line))
            continue
        # The list: headline, time-and-date, headline, time-and-date, ...; a
        # trailing line with no time of its own is a navigation word.
        i = 0
        while i < len(bl):
            if i + 1 < len(bl) and _NEWS_TIME().match(bl[i + 1]):
                furniture.append(Furniture("news-line", f"{bl[i]} ({bl[i + 1]})", line + i))
                i += 2
            else:
                furniture.append(Furniture("navigation", bl[i], line + i))
                i += 1
    return furniture


FORMAT = Format("ednews", read, detect, order=10)
