"""Words a page shows struck through (``<del>``, ``<s>``, ``<strike>``, ``text-decoration:
line-through``): a correction shown in place, the withdrawn words struck and the new ones
after them. They were read as current text ("handled 5 million 6 million tonnes"), words
the page withdrew, which a milestone could have quoted (walk64)."""

from __future__ import annotations

import quopri
from pathlib import Path

from archive_site.errors import Problems
from archive_site.readers import Reading, capture_text, detect_format, read_text
from test_containers import response, warc
from test_formats import mhtml

FIXTURES = Path(__file__).parent / "fixtures"
STRUCK = FIXTURES / "pages/correction-struck.html"


def read_bytes(data: bytes, name: str) -> tuple[Reading, list[str]]:
    problems = Problems()
    decoded = capture_text(data, name, name, problems)
    assert decoded is not None
    r = read_text(decoded.text, name, problems, fmt=detect_format(decoded.text, name))
    said = [f"{d.line}: {d.message}" for d in problems]
    return r, said + [f"{line}: {note}" for line, note in r.notes]


def texts(r: Reading) -> list[str]:
    return [b.text for b in r.blocks]


def struck(r: Reading) -> list[tuple[int, str]]:
    return [(f.line, f.text) for f in r.furniture if f.kind == "struck"]


def test_struck_words_are_not_read_as_the_text_but_listed_and_noted() -> None:
    r, said = read_bytes(STRUCK.read_bytes(), "correction-struck.html")
    assert texts(r)[:4] == [
        "The port of Aktau handled 6 million tonnes of cargo in 2024, its operator said on "
        "Wednesday, as more freight between China and Europe moved across the Caspian Sea.",
        "Traffic on the route, known as the Middle Corridor, has grown since 2022, when shippers "
        "began avoiding the northern route through Russia. The operator expects a rise of 15 per "
        "cent this year.",
        "“We are adding two berths for container ships and a new grain terminal,” said Marat "
        "Zhaksybekov, the port’s director, speaking at a conference in Almaty. “The second berth "
        "will open in June.”",
        "The port’s expansion is being financed in part by the Asian Development Bank, which "
        "approved a loan of $120 million in March.",
    ]
    assert [b.line for b in r.blocks[:4]] == [33, 34, 35, 36]  # (each on its own line still)
    assert struck(r) == [
        (33, "5 million"),
        (34, "a rise of 20 per cent"),
        (35, "first berth"),
        (36, "$150 million"),  # (struck by its style)
    ]
    assert len(said) == 1 and said[0].startswith("33: the capture shows words struck through")
    assert "'5 million'; 'a rise of 20 per cent'; 'first berth' and 1 more" in said[0]
    # the words it marks inserted beside them, read, are named in that note (not another)
    assert said[0].endswith("the words it shows beside them ('6 million') are")
    # the correction's notice and the update at the story's foot stay in the text
    assert texts(r)[-2].startswith("Correction, 25 April 2025: An earlier version")
    assert texts(r)[-1].startswith("Update: The operator said on Thursday")


def test_struck_words_in_mhtml_and_warc_are_not_the_text_either() -> None:
    page = STRUCK.read_bytes()
    body = quopri.encodestring(page.replace(b"\n", b"\r\n"))
    saved = mhtml("Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable", body)
    archived = warc(response(page))
    for data, name in ((saved, "page.mhtml"), (archived, "page.warc")):
        r, said = read_bytes(data, name)
        assert "handled 6 million tonnes" in texts(r)[0], name
        assert not any("5 million 6 million" in t for t in texts(r)), name
        assert [t for _, t in struck(r)][:2] == ["5 million", "a rise of 20 per cent"], name
        assert any("struck through" in s for s in said), name


def test_a_style_sheet_s_struck_class_and_a_whole_struck_paragraph() -> None:
    """Google Docs' export strikes words by a class of its style sheet (``.c3 {
    text-decoration: line-through }``); a struck paragraph (``<p><s>...</s></p>``) is no
    paragraph; a ``<del>`` styled ``text-decoration: none`` shows as the text around it."""
    page = (
        "<html><head><style>.c1{font-weight:700}.c3{color:#000;text-decoration:line-through}"
        "</style></head><body class='doc-content'>\n"
        "<h1>Ferry schedule</h1>\n"
        "<p class='c1'><span>The ferry leaves Baku at </span><span class='c3'>09:00</span>"
        "<span> 11:00 every day except Sunday, the company said on its website.</span></p>\n"
        "<p><s>The ferry also calls at Turkmenbashi on Fridays, the company said.</s></p>\n"
        "<p>Tickets cost <del style='text-decoration: none'>forty</del> manat for a car and "
        "its driver, the company said.</p>\n"
        "</body></html>"
    )
    r, said = read_bytes(page.encode(), "doc.html")
    assert texts(r) == [
        "The ferry leaves Baku at 11:00 every day except Sunday, the company said on its website.",
        "Tickets cost forty manat for a car and its driver, the company said.",
    ]
    assert struck(r) == [
        (3, "09:00"),
        (4, "The ferry also calls at Turkmenbashi on Fridays, the company said."),
    ]
    assert [s.split(":")[0] for s in said] == ["3"]  # (the note, on the first's line)


def test_struck_words_in_the_page_s_furniture_are_not_listed() -> None:
    """A comment's or a sidebar's struck words are furniture's already: not listed again,
    no note (a shop's old price in a sidebar, ``<s>$20</s> $15``)."""
    page = (
        "<html><body><article><h1>Talks</h1>\n"
        "<p>Baku hosted the talks on Wednesday, officials said, and more was agreed.</p>\n"
        "<p>The ministers also discussed the Middle Corridor and new rail links.</p>\n"
        "</article><aside class='sidebar'><p>Atlas of the Caspian <s>$20</s> $15</p></aside>"
        "</body></html>"
    )
    r, said = read_bytes(page.encode(), "p.html")
    assert len(texts(r)) == 2 and not struck(r) and said == []
    assert [f.text for f in r.furniture if f.kind == "sidebar"] == ["Atlas of the Caspian $15"]


def test_struck_words_in_a_markdown_clipping_are_not_the_text_either() -> None:
    """A clipper writes a page's ``<del>`` as ``~~5 million~~`` (Obsidian's Web Clipper,
    MarkDownload): the strike-through was taken off and its words kept as text."""
    r, said = read_bytes((FIXTURES / "clippings/correction-struck.md").read_bytes(), "clip.md")
    assert r.format == "clipping"
    assert texts(r)[:2] == [
        "The port of Aktau handled 6 million tonnes of cargo in 2024, its operator said on "
        "Wednesday, as more freight between China and Europe moved across the Caspian Sea.",
        "Traffic on the route, known as the Middle Corridor, has grown since 2022. The operator "
        "expects a rise of 15 per cent this year.",
    ]
    assert texts(r)[2].startswith("Correction, 25 April 2025: An earlier version")
    assert struck(r) == [(11, "5 million"), (13, "a rise of 20 per cent")]
    assert [s.split(":")[0] for s in said] == ["11"]
    fenced = read_bytes(b"# Code\n\nThe shell's prompt is shown so:\n\n```\n~~a~~\n```\n", "c.md")
    assert not struck(fenced[0])


def test_struck_words_in_a_json_ld_article_body_of_html_are_not_the_text() -> None:
    """A page built by a script reads its text from its JSON-LD's ``articleBody``, which
    some sites give as HTML: a ``<del>`` there was read as text too."""
    page = (FIXTURES / "pages/jsonld-body-only.html").read_text(encoding="utf-8")
    said = "to about 4.5 million tonnes."
    assert said in page
    struck = page.replace(said, "to about <del>4.2 million</del> <ins>4.5 million</ins> tonnes.")
    r, _ = read_bytes(struck.encode(), "p.html")
    assert any(t.endswith("to about 4.5 million tonnes.") for t in texts(r))
    assert not any("4.2 million" in t for t in texts(r))


def test_a_correction_in_an_aside_and_an_editor_s_note_after_the_text_stay_text() -> None:
    """The correction's notice in an ``<aside class="correction-notice">`` of the article
    was a sidebar, furniture; an update in a ``<div class="editors-note">`` after the
    story's box was lost without a word. Both are the outlet's word on its text."""
    r, _ = read_bytes((FIXTURES / "pages/correction-in-aside.html").read_bytes(), "c.html")
    assert [(b.line, b.text[:40]) for b in r.blocks][-2:] == [
        (39, "Correction, 25 April 2025: An earlier ve"),
        (40, "Update: The operator said on Thursday th"),
    ]
    assert not [f for f in r.furniture if f.kind == "sidebar"]


def test_words_struck_by_a_compound_selector_of_the_style_sheet() -> None:
    """walk64's leftover: a rule striking through by a selector of more than a class alone
    (``.story .del``, ``p > span.x``, ``span.old``) struck nothing, and its words were read
    as text. What the rule selects is struck; what it does not select (a ``.del`` outside a
    ``.story``, a ``span.x`` not a paragraph's child, one styled ``text-decoration: none``
    by itself) is text, and a selector of a kind not read (a pseudo-class's, a sibling's)
    strikes nothing."""
    page = (
        "<html><head><style>\n"
        ".story .del, p > span.x { color: #900; text-decoration: line-through }\n"
        "span.old{text-decoration-line:line-through}\n"
        "a.gone:hover, .toc + .x, [data-old] { text-decoration: line-through }\n"
        "</style></head><body>\n"
        "<div class='story'><h1>Ferry schedule</h1>\n"
        "<p>The ferry leaves Baku at <span class='del'>09:00</span> 11:00 every day, the "
        "company said on its website.</p>\n"
        "<p>A car and its driver pay <span class='x'>forty</span> fifty manat, and a "
        "truck <span class='old'>200</span> 240 manat, the company said.</p>\n"
        "<p>The crossing takes <b><span class='x'>eighteen</span></b> hours, and the "
        "ferry carries <span class='x' style='text-decoration:none'>forty</span> trucks.</p>\n"
        "<p>Tickets are sold at <a class='gone' href='/port'>the port</a> and "
        "<span data-old=''>online</span> too, the company said.</p>\n"
        "</div><p>Printed from <span class='del'>the archive</span>.</p>\n"
        "</body></html>"
    )
    r, said = read_bytes(page.encode(), "p.html")
    assert texts(r)[:4] == [
        "The ferry leaves Baku at 11:00 every day, the company said on its website.",
        "A car and its driver pay fifty manat, and a truck 240 manat, the company said.",
        "The crossing takes eighteen hours, and the ferry carries forty trucks.",
        "Tickets are sold at the port and online too, the company said.",
    ]
    assert struck(r) == [(7, "09:00"), (8, "forty"), (8, "200")]
    assert [s.split(":")[0] for s in said] == ["7"]
    # so too in a page's tree read for its text (the extractor's), as the scan
    assert not any("09:00" in t or "200 " in t for t in texts(r))


def test_words_marked_inserted_are_read_and_noted() -> None:
    """walk64's leftover: words a page marks as inserted (``<ins>``, a correction's new
    words) were read as its text with nothing to tell them from the rest. They are read,
    and a note names them; an advertisement's empty ``<ins>`` (AdSense's) and one in the
    page's furniture are no such words."""
    page = (
        "<html><body><article><h1>Ferry schedule</h1>\n"
        "<p>The ferry leaves Baku at <ins datetime='2025-04-25'>11:00</ins> every day, the "
        "company said on its website on Thursday.</p>\n"
        "<ins class='adsbygoogle' style='display:block' data-ad-client='ca-pub-1'></ins>\n"
        "<p>Tickets cost fifty manat for a car and its driver, the company said.</p>\n"
        "</article><aside class='sidebar'><p>Atlas of the Caspian <ins>now $15</ins></p>"
        "</aside></body></html>"
    )
    r, said = read_bytes(page.encode(), "p.html")
    assert texts(r)[0] == (
        "The ferry leaves Baku at 11:00 every day, the company said on its website on Thursday."
    )
    assert said == [
        "2: the capture marks words as inserted ('11:00'): words a correction or an update "
        "put in, read as its text; a quote of them quotes the corrected text"
    ]
    plain = page.replace("<ins datetime='2025-04-25'>11:00</ins>", "11:00")
    assert read_bytes(plain.encode(), "p.html")[1] == []
