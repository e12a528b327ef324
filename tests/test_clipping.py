"""Pages saved as Markdown by a clipper or a read-later service (readers/clipping.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive_site.errors import Problems
from archive_site.load import load_archive
from archive_site.readers import Reading, detect_format, read_text
from conftest import cli

OBSIDIAN = """\
---
title: "Azerbaijan and China sign strategic partnership"
source: "https://caspiannews.com/news-detail/azerbaijan-china-2025-4-24-0/"
author:
  - "[[Aida Sultanova]]"
published: 2025-04-24T10:15:00+04:00
created: 2025-04-26
tags:
  - "clippings"
---
![](https://caspiannews.com/media/photo.jpg)

Azerbaijani President **Ilham Aliyev** and Chinese President *Xi Jinping* signed a
[joint statement](https://caspiannews.com/x) on a comprehensive strategic partnership.

## Trade and transport

The two leaders discussed the _Middle Corridor_, the route linking China to Europe, and
trade that reached \\$3.2 billion in 2024 (the `customs` figure, 2 * 3 of file_name_here).

> "This is a historic day," Aliyev said.

* Twenty-one documents were signed.
* A visa waiver takes effect in May.

\\- Will the ferries run in winter?
"""

MARKDOWNLOAD = """\
# Azerbaijan, China elevate ties to strategic partnership

> ## Excerpt
> Baku and Beijing signed 21 documents during the visit.

---
BEIJING, April 23 (Xinhua) -- Chinese President Xi Jinping held talks with Azerbaijani \
President Ilham Aliyev in Beijing on Wednesday, and the two heads of state announced a \
comprehensive strategic partnership.

Aliyev said Azerbaijan firmly adheres to the one-China principle.
"""

INSTAPAPER = """\
# Azerbaijan, China and the Middle Corridor

[eurasianet.org](https://eurasianet.org/azerbaijan-china-middle-corridor) · Saved April 26, 2025

Heydar Isayev · April 24, 2025

---

Azerbaijan and China have signed a comprehensive strategic partnership, a status that \
Beijing has granted only to a handful of countries in the region.

"This is a historic day," Aliyev said.
"""


def read(text: str, name: str = "clip.capture.txt") -> Reading:
    problems = Problems()
    reading = read_text(text, name, problems, fmt=detect_format(text, name))
    assert not problems.errors
    return reading


def fields(r: Reading) -> dict[str, tuple[str, int]]:
    return {k: (f.value, f.line) for k, f in r.fields.items()}


def test_a_clipping_s_front_matter_gives_its_fields_never_the_day_it_was_saved() -> None:
    r = read(OBSIDIAN)
    assert r.format == "clipping"
    assert fields(r) == {
        "title": ("Azerbaijan and China sign strategic partnership", 2),
        "url": ("https://caspiannews.com/news-detail/azerbaijan-china-2025-4-24-0/", 3),
        "author": ("Aida Sultanova", 5),
        "published": ("2025-04-24", 6),
        "time": ("10:15", 6),
        "timezone": ("+04:00", 6),
    }
    saved_only = OBSIDIAN.replace("published: 2025-04-24T10:15:00+04:00\n", "")
    assert "published" not in read(saved_only).fields  # `created:` is the day it was saved


def test_a_clipping_s_markdown_is_taken_off_each_paragraph_on_its_own_line() -> None:
    r = read(OBSIDIAN)
    assert [(b.line, b.role, b.text) for b in r.blocks] == [
        (
            13,
            "body",
            "Azerbaijani President Ilham Aliyev and Chinese President Xi Jinping signed a "
            "joint statement on a comprehensive strategic partnership.",
        ),
        (16, "heading", "Trade and transport"),
        (
            18,
            "body",
            "The two leaders discussed the Middle Corridor, the route linking China to Europe,"
            " and trade that reached $3.2 billion in 2024 (the customs figure, 2 * 3 of"
            " file_name_here).",
        ),
        (21, "body", '"This is a historic day," Aliyev said.'),
        (23, "body", "- Twenty-one documents were signed."),
        (24, "body", "- A visa waiver takes effect in May."),
        (26, "body", "- Will the ferries run in winter?"),
    ]


def test_a_clipping_without_front_matter_is_read_as_wire_copy_its_dateline_too() -> None:
    r = read(MARKDOWNLOAD)
    assert r.format == "clipping"
    assert fields(r)["title"] == ("Azerbaijan, China elevate ties to strategic partnership", 1)
    assert fields(r)["agency"] == ("Xinhua", 7)  # the origin: a copy of Xinhua's story
    assert [(b.line, b.role) for b in r.blocks] == [
        (3, "heading"),
        (4, "body"),
        (7, "body"),
        (9, "body"),
    ]
    assert r.blocks[2].text.startswith("Chinese President Xi Jinping held talks")


def test_a_read_later_export_s_head_gives_the_address_and_day_not_the_saved_one() -> None:
    r = read(INSTAPAPER)
    assert fields(r) == {
        "title": ("Azerbaijan, China and the Middle Corridor", 1),
        "url": ("https://eurasianet.org/azerbaijan-china-middle-corridor", 3),
        "published": ("2025-04-24", 5),
    }
    assert [f.line for f in r.furniture] == [3, 5]
    assert [b.line for b in r.blocks] == [9, 11]
    saved_only = INSTAPAPER.replace("Heydar Isayev · April 24, 2025\n", "")
    assert "published" not in read(saved_only).fields


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Heydar Isayev · April 24, 2025", "Heydar Isayev"),
        ("Heydar Isayev · April 24, 2025", None),  # a name alone: a place's, a section's?
        ("Beijing · April 24, 2025", None),
        ("Caspian News | April 24, 2025", None),
    ],
)
def test_only_a_byline_beside_the_head_s_day_names_the_author(
    line: str, author: str | None
) -> None:
    r = read(INSTAPAPER.replace("Heydar Isayev · April 24, 2025", line))
    assert fields(r)["published"] == ("2025-04-24", 5)
    assert fields(r).get("author") == (None if author is None else (author, 5))


@pytest.mark.parametrize(
    ("title", "author"),
    [
        (
            "title: >-\n  Aliyev and Xi sign a partnership as Baku looks\n  to the Middle Corridor",
            "author: |\n  Aida Sultanova",
        ),
        (
            "title: Aliyev and Xi sign a partnership as Baku looks\n  to the Middle Corridor",
            "author:\n  - Aida\n    Sultanova\n  - Heydar Isayev",
        ),
        (
            'title: "Aliyev and Xi sign a partnership as Baku looks\n  to the Middle Corridor"',
            "author: >\n  Aida Sultanova",
        ),
    ],
)
def test_a_front_matter_value_over_lines_is_read_whole(title: str, author: str) -> None:
    text = f"---\n{title}\n{author}\nsource: https://x.az/a\n---\n\nText of the page.\n"
    r = read(text)
    assert r.fields["title"].value == (
        "Aliyev and Xi sign a partnership as Baku looks to the Middle Corridor"
    )
    authors = "Aida Sultanova and Heydar Isayev" if "Heydar" in author else "Aida Sultanova"
    assert r.fields["author"].value == authors
    assert r.fields["url"].value == "https://x.az/a"


JINA = """\
Title: Aliyev's #1 priority: the Middle Corridor

URL Source: https://caspiannews.com/news-detail/x

Published Time: 2025-04-24T10:15:00+04:00

Markdown Content:
President Ilham Aliyev met **Xi Jinping** in Beijing on Wednesday, the two sides said.

"We are *ready*," Aliyev said.
"""


def test_jina_s_reader_s_head_gives_the_fields_and_its_markdown_is_taken_off() -> None:
    r = read(JINA)
    assert r.format == "clipping"
    assert fields(r) == {
        "title": ("Aliyev's #1 priority: the Middle Corridor", 1),
        "url": ("https://caspiannews.com/news-detail/x", 3),
        "published": ("2025-04-24", 5),
        "time": ("10:15", 5),
        "timezone": ("+04:00", 5),
    }
    assert [(b.line, b.text) for b in r.blocks] == [
        (8, "President Ilham Aliyev met Xi Jinping in Beijing on Wednesday, the two sides said."),
        (10, '"We are ready," Aliyev said.'),
    ]
    no_address = JINA.replace("URL Source: https://caspiannews.com/news-detail/x\n", "")
    assert detect_format(no_address, "x.capture.txt") != "clipping"


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("Heydar Isayev · Updated April 26, 2025", None),
        ("Modified: April 26, 2025 · eurasianet.org", None),
        ("By Heydar Isayev | Last edited April 26, 2025", None),
        ("Published April 24, 2025 | Updated April 26, 2025", "2025-04-24"),
    ],
)
def test_the_day_a_page_changed_in_its_head_is_not_its_publication_s(
    line: str, published: str | None
) -> None:
    r = read(INSTAPAPER.replace("Heydar Isayev · April 24, 2025", line))
    assert fields(r).get("published") == (None if published is None else (published, 5))
    assert [f.line for f in r.furniture] == [3, 5]


@pytest.mark.parametrize(
    "text",
    [
        "# Notes\n\nNo Markdown here but the heading. Trade rose in 2024.\n",
        "Baku, April 23\n\nA *story* copied as text, with a [link](https://x.az/).\n",
        "---\nkind: news\n---\n\nFront matter naming no title nor address.\n",
    ],
)
def test_text_that_is_no_clipping_is_not_read_as_one(text: str) -> None:
    assert detect_format(text, "x.capture.txt") != "clipping"


def test_add_keeps_a_clipped_md_file_as_a_capture_not_a_hand_written_article(
    project_copy: Path,
) -> None:
    inbox = project_copy / "inbox"
    inbox.mkdir()
    (inbox / "clip.md").write_text(OBSIDIAN, encoding="utf-8")

    result = cli("add", "inbox/clip.md", cwd=project_copy)

    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    ident = "2025-04-24-azerbaijan-and-china-sign-strategic-partnership"
    capture = project_copy / f"content/articles/{ident}.capture.txt"
    assert capture.read_bytes() == OBSIDIAN.encode("utf-8")
    assert "read as 'clipping'" in result.stdout
    meta = project_copy / f"content/articles/{ident}.meta.yaml"
    meta.write_text(
        meta.read_text(encoding="utf-8")
        .replace("outlet:", "outlet: Caspian News #", 1)
        .replace("kind:", "kind: news #", 1),
        encoding="utf-8",
    )
    assert cli("check", cwd=project_copy).returncode == 0
    article = load_archive(project_copy / "content").article(ident)
    assert article.author == "Aida Sultanova"
    assert article.paragraphs[0].text.startswith("Azerbaijani President Ilham Aliyev and")


#: Marks never closed, a paragraph of each: every inline pattern sought the mark's match
#: far away, and again from each one (40,000 took 90 s to two minutes each).
UNCLOSED = ["*a ", "**a ", "_a ", "__a ", "[a ", "~~a ", "![a](", "[a](b "]


@pytest.mark.parametrize("mark", [*UNCLOSED, "`a ", "``a "])
def test_a_paragraph_of_marks_never_closed_is_read_in_one_pass(mark: str) -> None:
    text = "# Headline\n\n" + mark * 40_000 + "\n\nA [link](https://x.az/) to *the* end.\n"
    r = read(text)
    if mark in UNCLOSED:
        assert r.blocks[0].text == (mark * 40_000).strip()  # as written
    else:
        assert r.blocks[0].text.split() == ["a"] * 40_000  # code spans, each closed by the next
    assert r.blocks[-1].text == "A link to the end."


@pytest.mark.parametrize(
    ("first", "kept"),
    [
        ("Presidents meet in the Chinese capital", [(6, "body")]),  # a standfirst, a kicker
        ("## Presidents meet", [(6, "heading")]),
        ("# Aliyev in Beijing", []),  # the headline the front matter names
        ("# Aliyev in Beijing | Caspian News", []),
    ],
)
def test_the_line_read_as_a_headline_stays_text_when_the_front_matter_names_another(
    first: str, kept: list[tuple[int, str]]
) -> None:
    """It was lost without a word: the front matter's title took its place."""
    text = (
        '---\ntitle: "Aliyev in Beijing"\nsource: "https://x.az/a"\n---\n\n'
        f"{first}\n\nAzerbaijani President Ilham Aliyev arrived in Beijing on Tuesday for a "
        "state visit, the presidential press service said.\n"
    )
    r = read(text)
    assert fields(r)["title"] == ("Aliyev in Beijing", 2)
    assert [(b.line, b.role) for b in r.blocks] == [*kept, (8, "body")]


def test_a_footnote_s_text_is_a_paragraph_not_lost_as_a_link_s_reference() -> None:
    """And its mark stays where the text puts it, as its note opens ("[1]"): dropped, the
    text no longer said which of its words the note is for."""
    text = (
        "# Headline\n\nTrade rose by a third in 2024.[^1] The *ports* grew too.\n\n"
        "[1]: https://example.org/ref\n"
        "[^1]: World Bank, *Middle Corridor* report, 2023.\n"
    )
    r = read(text)
    assert [(b.line, b.text) for b in r.blocks] == [
        (3, "Trade rose by a third in 2024.[1] The ports grew too."),
        (6, "[1] World Bank, Middle Corridor report, 2023."),
    ]


def test_each_row_of_a_table_is_a_paragraph_its_cells_parted() -> None:
    """Its rows were one paragraph, pipes, dashes and all."""
    text = (
        "# Headline\n\nTrade between the two countries grew, customs figures show.\n\n"
        "| Year | Trade |\n|:-----|------:|\n| 2023 | $2.4 **billion** |\n"
        "| 2024 | $3.2 billion \\| est. |\n\nThe end.\n"
    )
    r = read(text)
    assert [(b.line, b.text) for b in r.blocks] == [
        (3, "Trade between the two countries grew, customs figures show."),
        (5, "Year | Trade"),
        (7, "2023 | $2.4 billion"),
        (8, "2024 | $3.2 billion | est."),
        (10, "The end."),
    ]


@pytest.mark.parametrize(
    ("front", "author"),
    [
        (
            'source: "https://eurasianet.org/rail"\nauthor:\n  - "[[Heydar Isayev]]"\n  - "[[Eurasianet]]"',
            "Heydar Isayev",
        ),
        (
            'source: "https://www.caspiannews.com/rail"\nauthor: ["[[Heydar Isayev]]", "[[Caspian News]]"]',
            "Heydar Isayev",
        ),
        (
            'source: "https://x.az/rail"\nsite: "Caspian Review"\nauthor: ["[[Caspian Review]]", "[[Jane Roe]]"]',
            "Jane Roe",
        ),
        ('source: "https://eurasianet.org/rail"\nauthor: "[[Eurasianet]]"', None),
        # the site's name in full, its host its initials (walk32: "Laura Zhou and South China
        # Morning Post"); a person's name whose initials the host is stays
        (
            'source: "https://www.scmp.com/rail"\nauthor:\n  - "[[Laura Zhou]]"\n'
            '  - "[[South China Morning Post]]"',
            "Laura Zhou",
        ),
        (
            'source: "https://jfk.com/rail"\nauthor: "[[John Fitzgerald Kennedy]]"',
            "John Fitzgerald Kennedy",
        ),
        # an "and" within one name, not the list's: no writer "Stars"
        (
            'source: "https://www.stripes.com/rail"\nauthor: "Stars and Stripes"',
            "Stars and Stripes",
        ),
        # another outlet or a person whose name the host does not give stays; so does a
        # personal site's writer, whose name the site bears
        ('source: "https://janeroe.com/rail"\nauthor: ["[[Jane Roe]]"]', "Jane Roe"),
        (
            'source: "https://eurasianet.org/rail"\nauthor: ["[[Heydar Isayev]]", "[[RFE/RL]]"]',
            "Heydar Isayev and RFE/RL",
        ),
    ],
)
def test_the_site_s_name_among_the_front_matter_s_authors_is_no_writer(
    front: str, author: str | None
) -> None:
    """Obsidian's Web Clipper lists the page's author metadata, the site's name among it:
    ``["[[Heydar Isayev]]", "[[Eurasianet]]"]`` was read as the author "Heydar Isayev and
    Eurasianet"."""
    r = read(
        f'---\ntitle: "Rail freight"\n{front}\npublished: 2025-04-24\n---\n\nText of the page.\n'
    )
    assert (r.fields["author"].value if "author" in r.fields else None) == author


MARKDOWNLOAD_EXCERPT = """\
---
title: "Rail freight across the Caspian"
source: "https://eurasianet.org/rail"
---

# Rail freight across the Caspian

> ## Excerpt
> {excerpt}

---

BAKU, April 23 (Xinhua) -- The first train from Xi'an arrived in Baku on Wednesday, officials said.

The two ministers signed a memorandum on transit.
"""


@pytest.mark.parametrize(
    ("excerpt", "repeated"),
    [
        (
            "BAKU, April 23 (Xinhua) -- The first train from Xi'an arrived in Baku on Wednesday.",
            True,
        ),
        ("BAKU, April 23 (Xinhua) -- The first train from Xi'an arrived in Baku...", True),
        ("A new route opens for trade between China and Europe.", False),  # the page's words
    ],
)
def test_markdownload_s_excerpt_repeating_the_lead_is_no_paragraph(
    excerpt: str, repeated: bool
) -> None:
    """MarkDownload's "> ## Excerpt" above the text, the page's description, was a heading and
    a paragraph, the lead twice (and the dateline the excerpt's)."""
    r = read(MARKDOWNLOAD_EXCERPT.format(excerpt=excerpt))
    texts = [b.text for b in r.blocks]
    assert (excerpt in texts) != repeated and ("Excerpt" in texts) != repeated
    assert (("standfirst", excerpt) in [(f.kind, f.text) for f in r.furniture]) == repeated
    lead = "The first train from Xi'an arrived in Baku on Wednesday, officials said."
    assert lead in texts and r.fields["dateline"].value == "BAKU, April 23 (Xinhua) --"
    assert r.fields["dateline"].line == 13


def test_a_line_opening_a_clipping_that_credits_a_news_agency_names_its_origin() -> None:
    """ "Daily Sabah with AA" above a clipping's first paragraph was a paragraph, and the
    copy of Anadolu's story named no origin: the wire reader, which reads the credit, took
    the line for the headline."""
    r = read(
        '---\ntitle: "Rail freight"\nsource: "https://www.dailysabah.com/rail"\n'
        "published: 2025-04-24\n---\n\nDaily Sabah with AA\n\nThe train arrived in Baku on"
        " Wednesday, officials said.\n\nIt came from China.\n"
    )
    assert r.fields["agency"].value == "AA"
    assert [b.text for b in r.blocks] == [
        "The train arrived in Baku on Wednesday, officials said.",
        "It came from China.",
    ]
    assert ("credits", "Daily Sabah with AA") in [(f.kind, f.text) for f in r.furniture]


OMNIVORE = """\
---
id: 4f2e1c7a-9b1d-11ef-8a2b-1f3c0e9d1a77
title: "Why the Middle Corridor Still Struggles"
author: Nigar Bayramli
date_saved: 2025-04-26 09:12:44
date_published: 2025-04-24 18:30:00
---

# Why the Middle Corridor Still Struggles

[Read on Omnivore](https://omnivore.app/me/why-18f2a)
[Read Original](https://caspiannews.example/why)

The Middle Corridor carried 4.5 million tonnes of freight in 2024, but shippers complain.

A container can wait a week in Aktau for a ship to Baku, freight forwarders say.

## Highlights

{highlights}
"""


@pytest.mark.parametrize(
    ("highlights", "marks"),
    [
        ("> A container can wait a week in Aktau [⤴️](https://omnivore.app/me/why-18f2a#abc)", True),
        ("- A container can wait a week in Aktau", True),
        ("The corridor's ports are the bottleneck, the operators agree in a new report.", False),
    ],
)
def test_a_read_later_export_s_buttons_and_highlights_are_no_text(
    highlights: str, marks: bool
) -> None:
    """Omnivore's export: its links "Read on Omnivore" / "Read Original" over the text and
    the reader's highlights under "## Highlights" after it were paragraphs of the text, the
    highlighted passage twice (audit 11).  Prose under such a heading is kept."""
    r = read(OMNIVORE.format(highlights=highlights))
    texts = [b.text for b in r.blocks]
    assert texts[:2] == [
        "The Middle Corridor carried 4.5 million tonnes of freight in 2024, but shippers complain.",
        "A container can wait a week in Aktau for a ship to Baku, freight forwarders say.",
    ]
    assert ("navigation", "Read on Omnivore Read Original") in [
        (f.kind, f.text) for f in r.furniture
    ]
    assert (len(texts) == 2) == marks
    assert any(f.kind == "highlights" and f.text == "Highlights" for f in r.furniture) == marks


def test_a_byline_with_its_day_after_a_bullet_gives_both() -> None:
    """Joplin's clipping, "By Nigar Bayramli · April 24, 2025" over the text: reading "Story
    by Interfax • 18 July 2025" as a byline (audit 11) lost the day; it gives both."""
    r = read(
        "---\ntitle: Rail freight\nsource: https://caspiannews.example/rail\n---\n\n"
        "# Rail freight\n\nBy Nigar Bayramli · April 24, 2025\n\n"
        "The Middle Corridor carried 4.5 million tonnes of freight in 2024, officials said.\n\n"
        "It came from China.\n"
    )
    assert (r.fields["author"].value, r.fields["published"].value) == (
        "Nigar Bayramli",
        "2025-04-24",
    )


def test_highlights_that_are_all_an_export_holds_stay_its_text() -> None:
    """Readwise's export holds the highlighted passages alone, no text above them: they are
    what there is of the text, not furniture."""
    r = read(
        "---\ntitle: Rail freight\nsource: https://caspiannews.example/rail\n---\n\n"
        "# Rail freight\n\n## Highlights\n\n- The Middle Corridor carried 4.5 million tonnes"
        " of freight in 2024, officials said.\n- It came from China, they said.\n"
    )
    assert [b.text for b in r.blocks if b.role != "heading"] == [
        "- The Middle Corridor carried 4.5 million tonnes of freight in 2024, officials said.",
        "- It came from China, they said.",
    ]


NOTION = """\
# Why the Middle Corridor Still Struggles

{properties}

The Middle Corridor carried 4.5 million tonnes of freight in 2024, but shippers complain.

A container can wait a week in Aktau for a ship to Baku, freight forwarders say.
"""


@pytest.mark.parametrize(
    ("properties", "expected"),
    [
        # Notion's export: when it was clipped is no publication's day
        (
            "Created: April 26, 2025 9:12 AM\nTags: Middle Corridor\nURL: https://caspiannews.example/why",
            {"url": "https://caspiannews.example/why"},
        ),
        # Readwise's, a list under a heading "Metadata"
        (
            "## Metadata\n- Author: [[Nigar Bayramli]]\n- Category: #articles\n"
            "- URL: https://caspiannews.example/why\n- Published: 2025-04-24",
            {
                "url": "https://caspiannews.example/why",
                "author": "Nigar Bayramli",
                "published": "2025-04-24",
            },
        ),
    ],
)
def test_an_export_s_properties_under_its_headline_are_its_fields_not_its_text(
    properties: str, expected: dict[str, str]
) -> None:
    """Notion's and Readwise's exports write their properties as lines under the headline:
    Notion's was plain text, its headline's "#" and "Created: ..." its paragraphs; Readwise's
    a list in the text (audit 11)."""
    r = read(NOTION.format(properties=properties))
    assert r.format == "clipping"
    assert {k: f.value for k, f in r.fields.items() if k != "title"} == expected
    assert [b.text for b in r.blocks] == [
        "The Middle Corridor carried 4.5 million tonnes of freight in 2024, but shippers complain.",
        "A container can wait a week in Aktau for a ship to Baku, freight forwarders say.",
    ]
    assert {f.kind for f in r.furniture} == {"properties"}


MARKDOWNLOAD_HEAD_UNDER_EXCERPT = """---
created: 2025-04-02T10:14:33 (UTC +08:00)
tags: [china, central-asia]
source: https://www.globaltimes.cn/page/202504/1331234.shtml
author: Global Times
---

# China-Central Asia summit to deepen connectivity: experts - Global Times

> ## Excerpt
> The second China-Central Asia Summit will be held in Astana in June, the ministry said.

---
{head}

![](https://www.globaltimes.cn/Portals/0/attachment/2025/x.jpeg)

Photo: VCG

The second China-Central Asia Summit will be held in Astana, Kazakhstan in June, a \
spokesperson announced on Tuesday.

The first summit was held in Xi'an, Northwest China's Shaanxi Province, in May 2023.
"""


@pytest.mark.parametrize(
    ("head", "author"),
    [
        ("By Global Times Published: Apr 01, 2025 09:46 PM", None),  # the site's own name
        ("By Li Qiao Published: Apr 01, 2025 09:46 PM", "Li Qiao"),
        ("By Li Qiao · Apr 01, 2025 09:46 PM", "Li Qiao"),
    ],
)
def test_the_head_under_a_markdownload_excerpt_the_text_does_not_repeat_is_read(
    head: str, author: str | None
) -> None:
    """The page's byline and stamp, and a photograph's credit, under MarkDownload's "> ##
    Excerpt" whose description the text does not repeat were paragraphs of the text, the
    day not read: the description was taken for the text's first paragraph, and the head is
    above that.  A byline and a labelled stamp run into one line are two parts; a byline
    naming the site (its address's host) is no author."""
    r = read(MARKDOWNLOAD_HEAD_UNDER_EXCERPT.format(head=head))
    texts = [b.text for b in r.blocks]
    assert head not in texts and "Photo: VCG" not in texts
    assert ("timestamp", head) in [(f.kind, f.text) for f in r.furniture]
    assert ("caption", "Photo: VCG") in [(f.kind, f.text) for f in r.furniture]
    got = fields(r)
    assert got["published"] == ("2025-04-01", 14) and got["time"] == ("21:46", 14)
    assert got.get("author") == (None if author is None else (author, 14))
    assert texts[-1].startswith("The first summit")  # the text whole, the description kept
    assert (
        "The second China-Central Asia Summit will be held in Astana in June, the ministry said."
        in texts
    )


def test_a_labelled_stamp_in_a_sentence_of_the_text_is_no_head() -> None:
    """A paragraph of the text saying "published on" is no line of metadata."""
    text = MARKDOWNLOAD_HEAD_UNDER_EXCERPT.format(
        head="The report was published on April 1, 2025 by the ministry in Beijing."
    )
    r = read(text)
    assert "The report was published on April 1, 2025 by the ministry in Beijing." in [
        b.text for b in r.blocks
    ]
    assert "published" not in r.fields
