"""The capture readers, on the real captures and on hand-made ones."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from archive_site.errors import Problems
from archive_site.load import load_archive
from archive_site.model import Archive
from archive_site.readers import detect_format, read_text, registry
from archive_site.readers.html import is_page
from bounds import within
from conftest import COMMENTARY, CONTENT, INTERVIEW


def read(name: str) -> str:
    return (CONTENT / "articles" / f"{name}.capture.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def archive() -> Archive:
    return load_archive(CONTENT, strict=True)


# --- detection -------------------------------------------------------------------


def test_each_capture_is_read_by_its_own_reader() -> None:
    assert detect_format(read(COMMENTARY)) == "ednews"
    assert detect_format(read(INTERVIEW)) == "menafn"
    assert detect_format("Just some text.\n\nAnother paragraph.\n") == "plain"


# --- the EDnews commentary --------------------------------------------------------


def test_commentary_record(archive: Archive) -> None:
    a = archive.article(COMMENTARY)
    assert a.title == "The Azerbaijan-China strategic partnership is reaching a new stage"
    assert a.published.date == dt.date(2025, 4, 23)
    assert a.published.time == "11:03"
    assert a.section == "Foreign Policy"
    assert a.author == "Madina Mammadova"
    assert a.outlet == "EDnews"
    assert a.kind == "opinion"
    assert a.format == "ednews"
    assert [c.name for c in a.chain] == ["EDnews"]
    assert a.responds_to == (INTERVIEW,)
    assert len(a.paragraphs) == 7
    assert a.paragraphs[0].text.startswith("In recent years, political dialogue")
    assert a.paragraphs[-1].text.endswith("our mutual relations will further improve.")
    assert [p.id for p in a.paragraphs] == [f"p{n}" for n in range(1, 8)]
    assert a.paragraphs[1].line == 7  # where it starts in the capture


def test_commentary_furniture_is_kept_out_of_the_text(archive: Archive) -> None:
    a = archive.article(COMMENTARY)
    body = "\n".join(p.text for p in a.paragraphs)
    for furniture in (
        "News line",
        "IEPF issued a statement",
        "Talks between Azerbaijan and Armenia",
        "19.05.2025",
        "16.05.2025",
        "Hamısı",
        "Madina Mammadova",  # the byline is metadata, not text
    ):
        assert furniture not in body
    kinds = [f.kind for f in a.furniture]
    assert kinds.count("story-link") == 1
    assert kinds.count("navigation") == 1
    assert kinds.count("heading") == 1  # "News line": the list's heading, not an entry
    assert kinds.count("news-line") == 40  # its 40 headlines
    assert a.furniture[-1].text == "Hamısı"
    assert not re.search(r"\d{2}:\d{2} \d{2}\.\d{2}\.\d{4}", body)


# --- the syndicated interview -------------------------------------------------------


def test_interview_record(archive: Archive) -> None:
    a = archive.article(INTERVIEW)
    assert a.title == "Ilham Aliyev's interview with Xinhua News Agency"
    assert not a.title_from_capture  # the capture has no headline
    assert a.published.date == dt.date(2025, 4, 21)
    assert a.published.time is None
    assert a.author is None
    assert a.kind == "interview"
    assert a.format == "menafn"
    assert a.outlet == "AzerNews"
    assert [(c.name, c.role) for c in a.chain] == [
        ("Xinhua News Agency", "original"),
        ("Azertag", "via"),
        ("AzerNews", "publisher"),
        ("MENAFN", "aggregator"),
    ]
    assert [c.entity for c in a.chain] == ["xinhua", "azertag", "azernews", "menafn"]


def test_interview_turns(archive: Archive) -> None:
    a = archive.article(INTERVIEW)
    assert a.paragraphs[0].role == "lead"
    assert a.paragraphs[0].text == (
        "President of the Republic of Azerbaijan Ilham Aliyev has given an exclusive "
        "interview to China's Xinhua News Agency."
    )
    assert len(a.turns) == 12
    assert [t.role for t in a.turns] == ["question", "answer"] * 6
    assert {t.speaker for t in a.turns if t.role == "question"} == {"xinhua"}
    assert {t.speaker for t in a.turns if t.role == "answer"} == {"ilham-aliyev"}
    first_answer = a.turns[1]
    assert len(first_answer.paragraph_ids) == 7  # an answer runs over several paragraphs
    assert a.paragraph(first_answer.paragraph_ids[0]).text.startswith("You are right.")  # type: ignore[union-attr]
    # The "- " markers are structure, not text.
    assert not any(p.text.startswith("- ") for p in a.paragraphs)
    last = a.paragraphs[-1]
    assert last.role == "answer" and last.speaker == "ilham-aliyev"


def test_interview_editorial_line_is_furniture_and_names_the_chain(archive: Archive) -> None:
    a = archive.article(INTERVIEW)
    body = "\n".join(p.text for p in a.paragraphs)
    assert "presents the interview via" not in body
    assert "MENAFN" not in body
    assert [f.kind for f in a.furniture] == ["editorial"]


def test_checksums_match_the_bytes(archive: Archive) -> None:
    import hashlib

    for a in archive.articles:
        data = (CONTENT / a.source_file).read_bytes()
        assert a.sha256 == hashlib.sha256(data).hexdigest()
        assert a.size == len(data)


# --- readers on hand-made input -------------------------------------------------------


def test_ednews_reader_without_furniture_or_byline_warns() -> None:
    text = "Headline here\n\nPolitics 09:15 01.02.2024\n\nFirst paragraph.\n\nSecond.\n"
    problems = Problems()
    r = read_text(text, "x.txt", problems, fmt="ednews")
    assert r.fields["published"].value == "2024-02-01"
    assert r.fields["time"].value == "09:15"
    assert [b.text for b in r.blocks] == ["First paragraph.", "Second."]
    assert r.notes == ((5, "no byline (Name\\Outlet) found"),)


def test_ednews_reader_reports_an_impossible_dateline() -> None:
    problems = Problems()
    read_text("Headline\n\nPolitics 09:15 31.02.2024\n\nText.\n", "x.txt", problems, fmt="ednews")
    assert [str(d) for d in problems] == ["x.txt:3: dateline: 31.02.2024 is not a real date"]


def test_markdown_reader_reads_front_matter_and_turns() -> None:
    text = (
        "---\ntitle: A talk\npublished: 2024-05-01\n---\n\n# Intro\n\nSome lead.\n\n"
        "Q: Why?\n\nA: Because.\n\nAnd more.\n"
    )
    problems = Problems()
    r = read_text(text, "talk.md", problems, fmt="markdown")
    assert not list(problems)
    assert r.front_matter is not None and r.front_matter["title"] == "A talk"
    assert r.front_matter.key_lines["published"] == 3
    assert [(b.text, b.role, b.turn) for b in r.blocks] == [
        ("Intro", "heading", None),  # a section's heading, in no turn
        ("Some lead.", "lead", None),
        ("Why?", "question", 1),
        ("Because.", "answer", 2),
        ("And more.", "answer", 2),
    ]
    assert r.fields["kind"].value == "interview"


def test_markdown_reader_reports_front_matter_errors_with_lines() -> None:
    problems = Problems()
    read_text("---\ntitle: [unclosed\n---\nBody\n", "a.md", problems, fmt="markdown")
    (d,) = list(problems)
    assert d.path == "a.md" and d.line == 3 and d.message.startswith("YAML:")


def test_plain_reader_joins_wrapped_lines() -> None:
    problems = Problems()
    r = read_text("one line\nwrapped here\n\n\nnext\r\nparagraph\n", "p.txt", problems, fmt="plain")
    assert [(b.text, b.line) for b in r.blocks] == [
        ("one line wrapped here", 1),
        ("next paragraph", 5),
    ]


def test_a_handwritten_markdown_article_loads(project_copy: Path) -> None:
    (project_copy / "content/articles/2024-05-01-talk.md").write_text(
        "---\ntitle: A talk about trade\npublished: 2024-05-01\noutlet: Example Weekly\n"
        "kind: interview\ninterviewer: xinhua\ninterviewee: ilham-aliyev\n---\n\n"
        "Q: How is trade with China?\n\nA: Trade grew in 2024.\n",
        encoding="utf-8",
    )
    archive = load_archive(project_copy / "content")
    a = archive.article("2024-05-01-talk")
    assert a.format == "markdown" and a.metadata_file is None
    assert [p.role for p in a.paragraphs] == ["question", "answer"]
    assert archive.links.articles_by_entity["china"][-1] == "2024-05-01-talk"


# --- the registry and the one front-matter reading -----------------------------------


def test_every_format_module_is_registered_in_detection_order() -> None:
    import pkgutil

    import archive_site.readers as readers

    modules = {m.name for m in pkgutil.iter_modules(readers.__path__)}
    formats = registry()
    assert set(formats) <= modules  # one module per format, named after it
    orders = [f.order for f in formats.values()]
    assert orders == sorted(orders)
    assert list(formats)[-1] == "plain"  # the fallback is tried last
    assert not formats["markdown"].capture and formats["markdown"].detect is None


@pytest.mark.parametrize("closer", ["---", "..."])
def test_pages_and_markdown_articles_share_one_front_matter_reading(
    project_copy: Path, closer: str
) -> None:
    front = f"---\r\ntitle: Notes\r\ndescription: How we work.\r\n{closer}\r\n"
    (project_copy / "content/pages/notes.md").write_text(front + "Body.\r\n", encoding="utf-8")
    problems = Problems()
    r = read_text(f"---\ntitle: T\n{closer}\n\nText.\n", "a.md", problems, fmt="markdown")
    assert not list(problems) and [b.text for b in r.blocks] == ["Text."]
    archive = load_archive(project_copy / "content")
    page = next(p for p in archive.pages if p.id == "notes")
    assert (page.title, page.body.strip()) == ("Notes", "Body.")


@pytest.mark.parametrize("fmt", ["plain", "wire", "html"])
def test_paragraphs_that_show_nothing_are_no_text(fmt: str) -> None:
    """A capture of zero-width characters alone was published as an article of empty
    paragraphs (audit 6); a paragraph of them between two others is no paragraph."""
    nothing = "\u200b\u200d\n\n\u00ad\ufeff\n"
    if fmt == "html":
        nothing = f"<!DOCTYPE html><html><body><article><p>{nothing}</p></article></body></html>"
    assert read_text(nothing, "x", Problems(), fmt=fmt).blocks == ()
    r = read_text(
        "Hello there.\n\n\u200b\u2060\n\nThe port opened.\n", "x", Problems(), fmt="plain"
    )
    assert [b.text for b in r.blocks] == ["Hello there.", "The port opened."]


def test_a_text_in_another_script_says_its_language_whatever_reads_it() -> None:
    """A Russian plain-text capture was published as English (the site's language), and a
    page declaring ``lang="en"`` (a template's default) over Russian text was English
    (audit 6): the letters tell, and a page's other declaration is said in a note."""
    russian = (
        "Азербайджан и Казахстан договорились увеличить перевозки.\n\n"
        "Стороны обсудили новые маршруты, которые были открыты в этом году.\n\n"
        "Эксперты считают, что объемы вырастут.\n"
    )
    plain = read_text(russian, "x.txt", Problems(), fmt="plain")
    assert plain.fields["language"].value == "ru"
    assert (
        "language" not in read_text("Only English here.\n", "x.txt", Problems(), fmt="plain").fields
    )
    paras = "".join(f"<p>{p}</p>" for p in russian.split("\n\n"))
    page = f'<!DOCTYPE html><html lang="en"><body><article><h1>Перевозки</h1>{paras}</article></body></html>'
    r = read_text(page, "x.html", Problems(), fmt="html")
    assert r.fields["language"].value == "ru"
    assert [n for _, n in r.notes] == [
        "the page declares its language 'en', but its text is written in another script: "
        "read as 'ru'"
    ]
    # a declaration in the text's own script stands
    r = read_text(page.replace('lang="en"', 'lang="uk"'), "x.html", Problems(), fmt="html")
    assert r.fields["language"].value == "uk" and not r.notes


def test_a_page_opening_with_a_comment_of_any_length_is_a_page() -> None:
    """hostile60's left-alone: detection read the first 4,096 characters, so a SingleFile
    comment longer than that (1 MB: a saved page's notes) made a ``.html`` file "not look
    like 'html'", with three errors after it of what "the capture does not say"."""
    comment = "<!--\n Page saved with SingleFile \n url: https://news.example/talks \n" + (
        "x" * 1_000_000 + "\n-->\n"
    )
    page = (
        "<!DOCTYPE html><html><head><title>Talks in Baku</title></head><body><article>"
        "<h1>Talks in Baku</h1><p>The ministers met in Baku on Wednesday to discuss the"
        " ferries.</p></article></body></html>"
    )
    problems = Problems()
    r = read_text(comment + page, "x.html", problems, fmt="html")
    assert not list(problems)
    assert r.fields["title"].value == "Talks in Baku"
    assert r.fields["url"].value == "https://news.example/talks"
    assert detect_format(comment + page, "x.txt") == "html"
    assert is_page("x.txt", (comment + page).encode())
    assert not is_page("x.txt", (comment + "text" + page).encode())
    assert is_page("x.txt", (" " * 100_000 + page).encode())


def test_a_page_opening_with_many_comments_is_told_at_once() -> None:
    """Comments before the doctype were skipped by a pattern that let a comment hold
    ``-->``: where no ``<html>`` came before the 4,096 characters read, it tried every way
    of splitting the comments (24 comments: 15 s; 80 SingleFile-like ones: hours)."""
    comment = "<!--" + "x" * 168 + "-->\n"
    page = "<!DOCTYPE html><html><body><p>Text of the page, long enough to read.</p></body></html>"
    with within(1):
        assert detect_format(comment * 20_000 + page, "x.txt") == "html"  # 3.4 MB of them
        assert detect_format(comment * 20_000 + "text" + page, "x.txt") != "html"
    assert detect_format(comment * 20 + page, "x.txt") == "html"
    assert detect_format("<!-- a --> <!-- b -->\n" + page, "x.txt") == "html"
    assert detect_format("<!-- a --> text <!-- b -->" + page, "x.txt") != "html"
    assert detect_format("<!-- a -- b" + page, "x.txt") != "html"


@pytest.mark.parametrize(
    "stamp",
    ["Printed: 27 April 2025 09:00", "Saved on: 27 April 2025 09:00", "Retrieved 27 April 2025"],
)
def test_wire_copy_with_the_day_it_was_saved_under_its_headline_is_read_as_wire(
    stamp: str,
) -> None:
    """Audit 62 (dates61's repro): a capture stamp under the headline made the copy
    ``plain``: headline, stamp and dateline one paragraph of body, unread.  It is ``wire``
    now, the stamp furniture and never the day of publication."""
    text = (
        f"Ferry line reopens\n{stamp}\n\n"
        "BAKU, Azerbaijan, April 23. The ferry line reopened on Tuesday, the company said.\n"
    )
    fmt = detect_format(text, "w.txt")
    assert fmt == "wire"
    reading = read_text(text, "w.txt", Problems(), fmt=fmt)
    assert reading.fields["title"].value == "Ferry line reopens"
    assert reading.fields["dateline"].value == "BAKU, Azerbaijan, April 23."
    assert "published" not in reading.fields
    assert [b.text for b in reading.blocks] == [
        "The ferry line reopened on Tuesday, the company said."
    ]
    assert [(f.kind, f.text) for f in reading.furniture] == [("timestamp", stamp)]


@pytest.mark.parametrize("stamp", ["Printed: 27 April 2025 09:00", "Saved on: 27 April 2025 09:00"])
def test_wire_copy_opening_with_the_day_it_was_printed_is_read_as_wire(stamp: str) -> None:
    """Walk 62 (dates62's left-printed-first.txt): a capture stamp on the first line, with no
    headline, made the copy ``plain``, the stamp its first paragraph. It is ``wire``, the
    stamp furniture, never the day of publication, and the text starts after it."""
    text = f"{stamp}\n\nThe ferry line reopened on Tuesday, the company said.\n\nIt runs daily.\n"
    fmt = detect_format(text, "w.txt")
    assert fmt == "wire"
    reading = read_text(text, "w.txt", Problems(), fmt=fmt)
    assert dict(reading.fields) == {}
    assert reading.blocks[0].text.startswith("The ferry line reopened")
    assert [(f.kind, f.text) for f in reading.furniture] == [("timestamp", stamp)]


def test_a_russian_headline_with_a_dash_is_a_headline_of_wire_copy() -> None:
    """Walk 62 (dates62's left-ru-dash-headline.txt): "Паромная линия Баку — Актау
    возобновила работу" was taken for a dateline's place before its dash (words in lower
    case, which no dateline's place has), so it was no headline: the headline was the
    text's first paragraph, and the dateline under it unread."""
    text = (
        "date 2025-04-24\n\nПаромная линия Баку — Актау возобновила работу\n\n"
        "БАКУ, 24 апреля. Паромная линия вчера возобновила работу, сообщил оператор.\n\n"
        "Лицензию продлили в прошлом месяце.\n"
    )
    reading = read_text(text, "w.txt", Problems(), fmt=detect_format(text, "w.txt"))
    assert reading.fields["title"].value == "Паромная линия Баку — Актау возобновила работу"
    assert reading.fields["dateline"].value == "БАКУ, 24 апреля."
    assert reading.blocks[0].text.startswith("Паромная линия вчера")
    # a headline that is a dateline still is none: "BAKU, April 23 -" opens the text
    text = "BAKU, April 23 - Ferry line reopens\n\nThe line reopened.\n\nIt runs daily.\n"
    reading = read_text(text, "w.txt", Problems(), fmt="wire")
    assert "title" not in reading.fields


def test_wire_copy_with_its_stamp_and_the_day_it_was_printed_keeps_the_published_one() -> None:
    text = (
        "Ferry line reopens\nPublished: 23 April 2025 10:00\nPrinted: 27 April 2025 09:00\n\n"
        "The ferry line reopened on Tuesday, the company said.\n\nIt runs daily.\n"
    )
    reading = read_text(text, "w.txt", Problems(), fmt=detect_format(text, "w.txt"))
    assert reading.fields["published"].value == "2025-04-23"


def test_the_day_a_copy_was_printed_is_not_offered_as_its_day_of_publication() -> None:
    from archive_site.readers.stamps import days_shown

    text = "Ferry line reopens\nPrinted: 27 April 2025 09:00\n\nBAKU, April 23. Text.\n"
    assert days_shown(text) == []
    assert days_shown("Ferry line reopens\nPublished: 23 April 2025\n") == [(2, "2025-04-23")]


@pytest.mark.parametrize(
    ("stamp", "day"),
    [
        ("22-04-2025 14:05", "2025-04-22"),  # dashed as slashed: the day first (22 > 12)
        ("04-22-2025", "2025-04-22"),  # the month first (22 > 12)
        ("04-05-2025", None),  # which is the day? none
        ("二〇二五年四月二十二日", "2025-04-22"),  # Chinese numerals, as official notices date
        ("发布时间：二〇二五年四月二十二日", "2025-04-22"),
        ("二〇二五年十三月一日", None),  # no thirteenth month
        ("２０２５年４月２２日", "2025-04-22"),  # full-width, as before
    ],
)
def test_a_printed_day_in_dashes_or_chinese_numerals_is_read_when_it_says_which(
    stamp: str, day: str | None
) -> None:
    """Audit 62: '22-04-2025 14:05' under a headline and a notice's '二〇二五年四月二十二日'
    were no stamps: the copy was plain text, the notice undated."""
    from archive_site.readers.stamps import parse_published

    found = parse_published(stamp)
    assert (found.date if found is not None else None) == day


def test_a_page_dated_in_chinese_numerals_is_read_so() -> None:
    page = (
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
        "<title>关于加强运输合作的通知</title></head><body><article>"
        "<h1>关于加强运输合作的通知</h1><p>二〇二五年四月二十二日</p>"
        "<p>各有关单位：现将有关事项通知如下。</p><p>双方于去年签署了合作备忘录。</p>"
        "</article></body></html>"
    )
    reading = read_text(page, "n.html", Problems(), fmt=detect_format(page, "n.html"))
    assert reading.fields["published"].value == "2025-04-22"
    assert [f.text for f in reading.furniture] == ["二〇二五年四月二十二日"]


@pytest.mark.parametrize(
    ("lang", "day"),
    [("ru", "2025-05-04"), ("en-GB", "2025-05-04"), ("en-US", "2025-04-05"), ("en", None)],
)
def test_a_printed_day_its_numbers_leave_open_is_read_in_the_page_s_language_s_order(
    lang: str, day: str | None
) -> None:
    """Audit 62: '04/05/2025 14:05' under the headline of a page with no date in its
    metadata was no stamp in any page: read now as the page's language writes a day (4 May
    in Russian or British English, 5 April in American English); in ``en`` alone, which
    may be either, none. Either way the line is the page's stamp, not its text."""
    page = (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        "<title>Ferry line reopens</title></head><body><article><h1>Ferry line reopens</h1>"
        "<p>04/05/2025 14:05</p><p>The ferry line between Baku and Aktau reopened, the "
        "operator said in a statement.</p><p>It will run daily, the operator said.</p>"
        "</article></body></html>"
    )
    reading = read_text(page, "a.html", Problems(), fmt=detect_format(page, "a.html"))
    published = reading.fields.get("published")
    assert (published.value if published is not None else None) == day
    assert [(f.kind, f.text) for f in reading.furniture] == [("timestamp", "04/05/2025 14:05")]
