"""When a capture was made (``captured``): read from what the capture says (a browser's MHTML
``Date``, WARC's ``WARC-Date``, SingleFile's ``saved date``, a web archive's address) or
given by the archivist, at the precision given; shown on the article's page and in its
citation as the day the original was accessed, and in the data.  A citation of a web
page needs it ("accessed"), and nothing else in the record said when the words were as
the capture shows them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archive_site.errors import Problems
from archive_site.load import load_archive
from archive_site.readers import detect_format, read_text
from archive_site.readers.mhtml import is_mhtml
from conftest import cli, edit
from test_containers import DATED, page, read, response, values, warc

ARTICLE = "2025-04-23-ednews-strategic-partnership-new-stage"
META = Path("content/articles") / f"{ARTICLE}.meta.yaml"


def _built(project: Path) -> tuple[dict[str, object], str, str, str, str]:
    """The article's record, page, and its CSL-JSON item, BibTeX and RIS entries."""
    result = cli("build", "-q", "-o", "out")
    assert result.returncode == 0, result.stderr
    out = project / "out"
    records = (out / "data/articles.json").read_text(encoding="utf-8").splitlines()[1:-1]
    record = next(json.loads(r.rstrip(",")) for r in records if f'"{ARTICLE}"' in r)
    csl = next(
        i for i in json.loads((out / "data/citations.json").read_text()) if i["id"] == ARTICLE
    )
    bib = (out / "data/citations.bib").read_text(encoding="utf-8").split(f"{{{ARTICLE},")[1]
    ris = (out / "data/citations.ris").read_text(encoding="utf-8").split(f"ID  - {ARTICLE}")[1]
    html = (out / f"articles/{ARTICLE}.html").read_text(encoding="utf-8")
    return record, html, json.dumps(csl), bib.split("\n}")[0], ris.split("ER  -")[0]


def test_the_archivist_s_capture_day_is_shown_cited_and_in_the_data(project_copy: Path) -> None:
    edit(META, "kind: opinion", "kind: opinion\ncaptured: 2025-04-24\nurl: https://ednews.net/a")
    record, html, csl, bib, ris = _built(project_copy)
    assert record["captured"] == "2025-04-24"
    assert (
        '<dt data-pagefind-ignore>Captured</dt> <dd data-pagefind-ignore><time datetime="2025-04-24">24 April 2025</time></dd>'
        in html
    )
    assert "23 April 2025. Accessed 24 April 2025. Archived in" in html
    assert '"accessed": {"date-parts": [[2025, 4, 24]]}' in csl
    assert "urldate = {2025-04-24}" in bib
    assert "Y2  - 2025/04/24\n" in ris


def test_a_capture_day_known_to_the_month_says_no_more(project_copy: Path) -> None:
    edit(META, "kind: opinion", "kind: opinion\ncaptured: 2025-05\nurl: https://ednews.net/a")
    record, html, csl, bib, ris = _built(project_copy)
    assert record["captured"] == "2025-05"
    assert "Accessed May 2025." in html and '<time datetime="2025-05">May 2025</time>' in html
    assert '"accessed": {"date-parts": [[2025, 5]]}' in csl
    assert "urldate = {2025-05}" in bib and "Y2  - 2025/05/\n" in ris


def test_without_the_original_s_address_nothing_was_accessed(project_copy: Path) -> None:
    """The citation's address is then the archive's own page: the capture's day is no day
    that page was accessed on.  The page still says when the capture was made."""
    edit(META, "kind: opinion", "kind: opinion\ncaptured: 2025-04-24")
    record, html, csl, bib, ris = _built(project_copy)
    assert record["captured"] == "2025-04-24" and "<dt data-pagefind-ignore>Captured</dt>" in html
    assert "Accessed" not in html and "accessed" not in csl
    assert "urldate" not in bib and "Y2  -" not in ris


def test_no_capture_day_is_guessed(project_copy: Path) -> None:
    record, html, csl, bib, ris = _built(project_copy)
    assert record["captured"] is None
    assert "Captured" not in html and "Accessed" not in html and "accessed" not in csl
    assert "urldate" not in bib and "Y2  -" not in ris


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "24/04/2025",
            "captured: expected a day as YYYY-MM-DD (or YYYY-MM, YYYY when the source says no more), got '24/04/2025': write it 2025-04-24",
        ),
        ("2025-02-30", "captured: '2025-02-30' is not a real date"),
    ],
)
def test_a_capture_day_that_is_no_day_is_an_error_on_its_line(
    project_copy: Path, value: str, message: str
) -> None:
    line = edit(META, "kind: opinion", f"kind: opinion\ncaptured: {value}") + 1
    result = cli("check")
    assert result.returncode == 1
    assert f"{META.as_posix()}:{line}: {message}" in result.stderr


def test_a_capture_made_before_the_article_was_published_is_a_warning(
    project_copy: Path,
) -> None:
    line = edit(META, "kind: opinion", "kind: opinion\ncaptured: 2025-04-21") + 1
    result = cli("check")
    assert result.returncode == 0
    assert (
        f"{META.as_posix()}:{line}: warning: captured: the capture was made on 2025-04-21, "
        "before the article was published (2025-04-23): one of the two dates is wrong"
    ) in result.stderr
    edit(META, "captured: 2025-04-21", "captured: 2025-04-22")  # a day: another time zone
    assert "captured:" not in cli("check").stderr


def _mhtml(sender: str) -> str:
    return (
        f"From: {sender}\r\nSubject: Talks in Baku\r\n"
        "Date: Thu, 24 Apr 2025 23:30:00 -0400\r\nMIME-Version: 1.0\r\n"
        'Content-Type: text/html; charset="utf-8"\r\n\r\n' + page()
    )


def test_a_page_a_browser_saved_as_mhtml_was_captured_on_its_date() -> None:
    saved = read_text(_mhtml("<Saved by Blink>"), "x.mhtml", Problems(), fmt="mhtml")
    assert values(saved)["captured"] == "2025-04-24"  # the day in the zone it was saved in
    assert saved.fields["captured"].line == 3
    assert values(saved)["published"] == "2025-04-23"  # the page's own
    # an e-mail's Date is when it was sent: its publication, no capture's
    sent = read_text(_mhtml("Brief <news@brief.example>"), "x.eml", Problems(), fmt="mhtml")
    assert "captured" not in sent.fields


def test_a_warc_record_s_date_is_the_capture_s_day() -> None:
    r, problems = read(warc(response(page().encode())), "page.warc")
    assert problems == [] and values(r)["captured"] == "2026-01-02"
    assert values(r)["published"] == "2025-04-23"


SINGLEFILE = (
    "<!--\n Page saved with SingleFile \n url: https://news.example/talks \n"
    " saved date: Thu Apr 24 2025 09:15:02 GMT+0400 (Gulf Standard Time)\n-->"
)


@pytest.mark.parametrize(
    ("head", "captured"),
    [
        (SINGLEFILE, "2025-04-24"),
        (SINGLEFILE.replace("Apr 24", "Apr 31"), None),  # no real day
        (
            '<link rel="canonical" href="https://web.archive.org/web/20250425081500/'
            'https://news.example/talks">',
            "2025-04-25",
        ),
        (
            '<meta property="og:url" content="https://web.archive.org/web/202505/'
            'https://news.example/talks">',
            "2025-05",
        ),
        (
            '<link rel="canonical" href="https://archive.ph/Xk3Pq">'
            '<link rel="bookmark" href="https://archive.ph/2025.04.26-081215/'
            'https://news.example/talks">',
            "2025-04-26",
        ),
        ('<link rel="canonical" href="https://news.example/talks">', None),
    ],
)
def test_a_saved_page_says_when_it_was_saved_or_archived(head: str, captured: str | None) -> None:
    r, problems = read(page(head=DATED + head).encode(), "page.html")
    assert problems == []
    assert values(r).get("captured") == captured
    assert values(r)["published"] == "2025-04-23"  # never the saving's or the archive's day


CHROME = "<!-- saved from url=(0027)https://news.example/talks -->"


@pytest.mark.parametrize(
    ("where", "read_it"),
    [
        ('<html lang="en">', True),  # SingleFile's place: before <head>
        ("<!DOCTYPE html>", True),  # Chrome's: before <html>
        ("<article>", False),  # hostile60's left-alone: a comment in the body dated the capture
        ("<body>\n", False),
        ("<p>Baku hosted", False),
    ],
)
def test_only_a_comment_before_the_body_says_when_and_where_the_page_was_saved(
    where: str, read_it: bool
) -> None:
    """A browser's or SingleFile's note opens the page; the same words in its body are the
    text's (a page quoting one, or a contributor's), and say nothing of this capture."""
    html = page().replace(where, where + CHROME + SINGLEFILE, 1)
    r, problems = read(html.encode(), "page.html")
    assert problems == []
    got = values(r)
    assert (got.get("captured"), got.get("url")) == (
        ("2025-04-24", "https://news.example/talks") if read_it else (None, None)
    )


def test_the_archivist_may_not_contradict_the_capture_s_day(project_copy: Path) -> None:
    """As any field a capture states: the same, or overridden on purpose."""
    articles = project_copy / "content/articles"
    html = page(head=DATED + SINGLEFILE)
    (articles / "2025-04-24-talks.capture.html").write_text(html, encoding="utf-8")
    meta = articles / "2025-04-24-talks.meta.yaml"
    meta.write_text("outlet: News\nkind: news\ncaptured: 2025-04-25\n", encoding="utf-8")
    result = cli("check")
    assert result.returncode == 1
    assert (
        "captured: the metadata says '2025-04-25' but the capture says '2025-04-24' (line 4)"
    ) in result.stderr
    meta.write_text(
        "outlet: News\nkind: news\ncaptured: 2025-04-25\noverrides: [captured]\n", encoding="utf-8"
    )
    assert "captured" not in cli("check").stderr


def test_a_page_a_browser_saved_as_mhtml_gives_the_address_it_was_saved_from() -> None:
    """Chrome's ``Snapshot-Content-Location``: the page's address where the page names
    none, so that its citation can say when the original was accessed (trust59)."""
    head = "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://news.example/a?x=1\r\n"
    saved = _mhtml("<Saved by Blink>").replace("From: <Saved by Blink>\r\n", head)
    r = read_text(saved, "x.mhtml", Problems(), fmt="mhtml")
    assert (values(r)["url"], r.fields["url"].line) == ("https://news.example/a?x=1", 2)
    own = saved.replace(DATED, DATED + '<link rel="canonical" href="https://news.example/own">')
    assert values(read_text(own, "x.mhtml", Problems(), fmt="mhtml"))["url"] == (
        "https://news.example/own"
    )
    archived = saved.replace("https://news.example/a", "javascript:alert(1)//")
    assert "url" not in read_text(archived, "x.mhtml", Problems(), fmt="mhtml").fields
    sent = _mhtml("Brief <news@brief.example>").replace(
        "Date:", head.split("\r\n")[1] + "\r\nDate:"
    )
    assert "url" not in read_text(sent, "x.eml", Problems(), fmt="mhtml").fields


@pytest.mark.parametrize(
    ("date", "captured"),
    [
        ("Thu, 24 Apr 2025 23:30:00 -0400", "2025-04-24"),
        ("Thu, 24 Apr 25 23:30:00 GMT", "2025-04-24"),  # RFC 5322's obsolete two digits
        ("Thu, 24 Apr 0000 23:30:00 GMT", None),  # the email package: 2000
        ("Thu, 24 Apr 0001 23:30:00 GMT", None),  # 2001
        ("Thu, 24 Apr 1 23:30:00 GMT", None),  # 2001
        ("Thu, 24 Apr 1899 23:30:00 GMT", "1899-04-24"),
        # RFC 5322's obsolete years: 50 to 99 and three digits after 1900 (the email
        # package: 55 was 2055, 125 the year 125)
        ("Thu, 24 Apr 55 23:30:00 GMT", "1955-04-24"),
        ("Thu, 24 Apr 75 23:30:00 GMT", "1975-04-24"),
        ("Thu, 24 Apr 49 23:30:00 GMT", "2049-04-24"),
        ("Thu, 24 Apr 125 23:30:00 GMT", "2025-04-24"),
    ],
)
def test_a_saved_page_s_date_is_the_year_it_writes(date: str, captured: str | None) -> None:
    """A year the Date field writes in other than two digits was read as a two-digit one when
    below 100 (hostile60): ``0000`` said the page was saved in 2000, ``1`` in 2001."""
    mhtml = _mhtml("<Saved by Blink>").replace("Thu, 24 Apr 2025 23:30:00 -0400", date)
    saved = read_text(mhtml, "x.mhtml", Problems(), fmt="mhtml")
    assert values(saved).get("captured") == captured


def test_an_impossible_capture_day_the_capture_gives_says_the_way_out(project_copy: Path) -> None:
    """hostile60's left-alone: a Wayback copy's address of the year 9999 was an error on the
    capture's line that did not say what to do: the capture is never edited, and the
    metadata's own value, with 'overrides', is the way out."""
    folder = project_copy / "content/articles"
    head = (
        DATED + '<link rel="canonical" href="https://web.archive.org/web/99991231235959/'
        'https://news.example/talks">'
    )
    (folder / "2025-04-23-talks.capture.html").write_text(page(head=head), encoding="utf-8")
    meta = folder / "2025-04-23-talks.meta.yaml"
    meta.write_text("kind: news\noutlet: News Example\n", encoding="utf-8")
    result = cli("check")
    assert result.returncode == 1
    assert (
        "content/articles/2025-04-23-talks.capture.html:1: captured: year 9999 is outside the "
        "years the site can show and sort (years 1 to 9998), in '9999-12-31' (the capture is "
        "never edited: if it is misread, write 'captured:' with the right value in "
        "content/articles/2025-04-23-talks.meta.yaml, and 'overrides: [captured]'; or "
        "'overrides: [captured]' alone, to give none)"
    ) in result.stderr
    first = meta.read_text(encoding="utf-8")
    meta.write_text(first + "overrides: [captured]\n", encoding="utf-8")
    assert cli("check").returncode == 0
    assert load_archive(project_copy / "content").article("2025-04-23-talks").captured is None
    meta.write_text(first + "captured: 2025-04-24\noverrides: [captured]\n", encoding="utf-8")
    assert cli("check").returncode == 0


def test_a_saved_page_s_head_of_any_length_is_mhtml() -> None:
    """Detection read the first 8,192 bytes for the head's blank line: an address of 1 MB in
    ``Snapshot-Content-Location`` (or any field as long) made a page Chrome saved "not look
    like 'mhtml'", and three "the capture does not say" errors followed."""
    long = "https://news.example/" + "a" * 1_000_000
    head = f"From: <Saved by Blink>\r\nSnapshot-Content-Location: {long}\r\n"
    saved = _mhtml("<Saved by Blink>").replace("From: <Saved by Blink>\r\n", head)
    r, problems = read(saved.encode(), "page.mhtml")
    assert problems == []
    assert (values(r)["url"], values(r)["title"], values(r)["captured"]) == (
        long,
        "Talks in Baku",
        "2025-04-24",
    )
    assert is_mhtml("page.txt", saved.encode())
    assert detect_format(saved, "page.txt") == "mhtml"
    assert not is_mhtml("page.txt", saved.replace("MIME-Version", "MIME").encode())


def test_a_language_tag_of_any_length_is_kept_only_when_a_tag_is_that_long(
    project_copy: Path,
) -> None:
    """A page's ``lang`` of 1 MB of subtags (``en-abcdefgh-abcdefgh-...``) matched the tag's
    pattern, and was the article's language, on every listing, search result and
    citation; a tag is now at most 100 characters. A capture's longer one is none (the
    next source's, else the archive's); the metadata's, site.yaml's and init's are errors
    that say how long, not quoting it back."""
    hostile = "en-" + "-".join(["abcdefgh"] * 100_000)
    for lang, read_as in ((hostile, None), ("ar-u-nu-arab", "ar-u-nu-arab")):
        html = page().replace('<html lang="en">', f'<html lang="{lang}">')
        r, _problems = read(html.encode(), "page.html")
        assert values(r).get("language") == read_as
    meta = (
        project_copy
        / "content/articles/2025-04-23-ednews-strategic-partnership-new-stage.meta.yaml"
    )
    edit(meta, "kind: opinion\n", f"kind: opinion\nlanguage: {hostile}\n")
    result = cli("check")
    assert result.returncode == 1
    assert (
        "language: expected a language tag such as 'en' or 'en-GB', got 900,002 characters "
        "(a tag has at most 100)"
    ) in result.stderr
    assert len(result.stderr) < 2_000


def test_a_capture_day_of_the_calendar_s_first_day_is_checked_without_going_before_it(
    project_copy: Path,
) -> None:
    """``published: 0001-01-01`` with a ``captured`` day stopped check and build with an
    internal error (the day before publication, looked for to compare them, was before the
    calendar's first); a capture made on a real day before it is still a warning."""
    folder = project_copy / "content/articles"
    (folder / "y1.capture.txt").write_text(
        "The ministers met on the Caspian and agreed to add two ferries to the route.\n",
        encoding="utf-8",
    )
    meta = folder / "y1.meta.yaml"
    head = "kind: news\ntitle: Ferries\noutlet: Port News\n"
    meta.write_text(head + "published: 0001-01-01\ncaptured: 0001-01-01\n", encoding="utf-8")
    result = cli("check")
    assert result.returncode == 0, result.stderr
    meta.write_text(head + "published: 0001-01-03\ncaptured: 0001-01-01\n", encoding="utf-8")
    result = cli("check")
    assert "captured: the capture was made on 0001-01-01, before the article was published" in (
        result.stderr
    )
