"""The ``database`` reader: articles exported from Nexis Uni, LexisNexis Academic and Factiva."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from archive_site.errors import Problems
from archive_site.load import load_archive
from archive_site.readers import Reading, detect_format, read_text
from conftest import ROOT, cli

FIXTURES = ROOT / "tests/fixtures/database"
TREND = "Trend News Agency"
TITLE = "Azerbaijan, China sign agreement on Middle Corridor cargo"
FIRST = (
    "Azerbaijan and China have signed an agreement on increasing cargo volumes along the "
    "Middle Corridor, the Ministry said."
)
SECOND = '"We expect container traffic to double by 2027," Deputy Minister Rahman Hummatov said.'


def read(name: str, text: str | None = None) -> tuple[Reading, Problems]:
    text = (FIXTURES / name).read_text(encoding="utf-8") if text is None else text
    problems = Problems()
    return read_text(text, name, problems, fmt=detect_format(text, name)), problems


@pytest.mark.parametrize(
    ("name", "outlet", "texts"),
    [
        ("lexisnexis-academic.txt", f"{TREND} (Azerbaijan)", [FIRST, SECOND]),
        ("factiva.txt", TREND, [FIRST, SECOND]),
        (
            "factiva-indexed.txt",
            TREND,
            [FIRST, SECOND, "The agreement was signed in Beijing on April 22."],
        ),
    ],
)
def test_each_database_s_header_gives_the_fields_and_its_text_alone_is_the_text(
    name: str, outlet: str, texts: list[str]
) -> None:
    """The text of a database's export was read as plain text (or wire copy): its header
    and tail were paragraphs (``Length: 212 words``, ``Load-Date: April 24, 2025``, ``End
    of Document``), with no title, date, outlet or author, and a milestone could cite the
    day the database loaded the article."""
    reading, problems = read(name)
    assert reading.format == "database"
    assert not problems.errors
    fields = {k: f.value for k, f in reading.fields.items()}
    assert fields["title"] == TITLE
    assert fields["outlet"] == outlet
    assert fields["published"] == "2025-04-23"
    assert fields["author"] == "Aytan Mammadova"
    assert fields["dateline"] == "BAKU, Azerbaijan, April 23."
    assert fields["language"] == "en"
    assert [b.text for b in reading.blocks] == texts
    furniture = " | ".join(f.text for f in reading.furniture)
    assert "212 words" in furniture and TITLE in furniture
    assert not any("words" in b.text or "Copyright" in b.text for b in reading.blocks)


def test_nexis_uni_an_agency_s_story_in_a_paper_saved_from_its_pdf() -> None:
    """Nexis Uni's layout: the paper is the outlet, the agency its byline and dateline name
    the origin (a copy, not the paper's own story); the edition under the date is no
    outlet; the page's mark of a PDF and the headline under it are furniture, and the
    paragraph they fall in is one."""
    reading, problems = read("nexis-uni.txt")
    assert reading.format == "database" and not problems.errors
    fields = {k: f.value for k, f in reading.fields.items()}
    assert fields["title"] == "Azerbaijan opens new rail link to Georgia's ports"
    assert fields["outlet"] == "The Washington Post"
    assert fields["published"] == "2025-04-23"
    assert fields["author"] == "Aida Sultanova"
    assert fields["agency"] == "AP"
    assert fields["section"] == "A-SECTION"
    assert [b.text for b in reading.blocks][-1] == (
        '"This railway will carry five million tons a year by 2027," Transport Minister '
        "Rashad Nabiyev said at the ceremony in Baku. The line was closed for repairs in 2023."
    )
    assert reading.blocks[-1].line == 20
    kinds = {f.text: f.line for f in reading.furniture}
    assert kinds["Page 2 of 2"] == 21 and kinds["Load-Date: April 24, 2025"] == 25
    assert "Regional Edition" in kinds


def test_the_load_date_is_never_the_date() -> None:
    """A header whose date does not read leaves the date to the archivist: the load date
    (when the database took the article in) is not taken instead."""
    text = (FIXTURES / "nexis-uni.txt").read_text(encoding="utf-8")
    reading, _ = read("x.txt", text.replace("April 23, 2025 Wednesday", "Spring issue"))
    assert reading.format == "database"
    assert "published" not in reading.fields


def test_a_wrong_weekday_in_the_header_is_a_warning() -> None:
    text = (FIXTURES / "nexis-uni.txt").read_text(encoding="utf-8")
    reading, _ = read("x.txt", text.replace("April 23, 2025 Wednesday", "April 23, 2025 Friday"))
    assert reading.fields["published"].value == "2025-04-23"
    assert any("Friday" in note for _, note in reading.notes), reading.notes


@pytest.mark.parametrize("name", ["nexis-uni.txt", "lexisnexis-academic.txt", "factiva.txt"])
def test_an_export_of_several_documents_is_refused(name: str) -> None:
    """Two articles in one capture would be one record: refused, each is a capture of its own."""
    text = (FIXTURES / name).read_text(encoding="utf-8")
    if name.startswith("lexis"):
        text = text + text.replace("1 of 1 DOCUMENT", "2 of 2 DOCUMENTS")
    else:
        text = text + "\n" + text
    _, problems = read(name, text)
    assert [d.message for d in problems.errors] == [
        "holds 2 documents of a database's export: one capture is one article "
        "(`archive-site add` adds each document of an export as a capture of its own)"
    ]


def test_a_story_that_merely_says_end_of_document_is_no_export() -> None:
    text = "Officials said the talks went well.\n\nThe word Body appears here.\n\nEnd of Document\n"
    assert detect_format(text, "story.txt") != "database"


def test_add_then_build_a_database_export(project_copy: Path) -> None:
    """``add`` reads an export as ``database``, asks only for what it does not say (the
    kind), and the article builds with the header's fields and the agency as its origin."""
    capture = FIXTURES / "nexis-uni.txt"
    added = cli("add", str(capture), "--id", "2025-04-23-wapo-rail-link")
    assert added.returncode == 0, added.stderr
    assert "read as 'database'" in added.stdout
    meta = project_copy / "content/articles/2025-04-23-wapo-rail-link.meta.yaml"
    to_fill = added.stdout.split("Still to fill in")[1].split("Then run")[0].splitlines()[1:]
    assert [line.split(":")[0].strip() for line in to_fill] == ["kind"], added.stdout
    assert yaml.safe_load(meta.read_text(encoding="utf-8"))["kind"] is None
    meta.write_text(meta.read_text(encoding="utf-8").replace("kind:", "kind: news", 1))
    article = load_archive(project_copy / "content").article("2025-04-23-wapo-rail-link")
    assert article.title == "Azerbaijan opens new rail link to Georgia's ports"
    assert article.published.date.isoformat() == "2025-04-23"
    assert [(c.name, c.role) for c in article.chain] == [
        ("AP", "original"),
        ("The Washington Post", "publisher"),
    ]
    assert not any("Load-Date" in p.text for p in article.paragraphs)


def test_lexisnexis_a_paper_s_headline_over_two_lines_under_its_edition() -> None:
    """LexisNexis Academic's header of a newspaper: the edition under the date is no part
    of the headline, which runs over two lines; the tail's address is the article's."""
    reading, problems = read("lexisnexis-newspaper.txt")
    assert reading.format == "database" and not problems.errors
    fields = {k: f.value for k, f in reading.fields.items()}
    assert fields["title"] == "Azerbaijan and China Bet on a Trade Route That Skirts Russia"
    assert fields["outlet"] == "The New York Times"
    assert fields["published"] == "2025-04-24"
    assert fields["author"] == "Ivan Nechepurenko"
    assert fields["url"] == (
        "https://www.nytimes.com/2025/04/24/world/europe/azerbaijan-china-trade.html"
    )
    assert len(reading.blocks) == 2
    furniture = [f.text for f in reading.furniture]
    assert "Late Edition - Final" in furniture and "3 of 10 DOCUMENTS" in furniture
    assert any(f.startswith("GRAPHIC: PHOTO") for f in furniture)


def test_nexis_uni_a_download_s_cover_page_is_no_part_of_the_header() -> None:
    """A Nexis Uni download opens with a cover page (its user, when it was made, its job's
    number, the list of its documents, the search): read from the top, its first line was
    the headline and the download's day the date.  The header is read up from the text:
    the date nearest it, the publication above, the headline above that."""
    reading, problems = read("nexis-uni-download.txt")
    assert reading.format == "database" and not problems.errors
    fields = {k: f.value for k, f in reading.fields.items()}
    assert fields["title"] == "Azerbaijan, China agree to double Middle Corridor freight"
    assert reading.fields["title"].line == 15
    assert fields["outlet"] == "Caspian Business Review"
    assert fields["published"] == "2025-04-22"
    assert fields["author"] == "Nigar Bayramli"
    assert len(reading.blocks) == 2
    furniture = [f.text for f in reading.furniture]
    assert "Job Number: 245671234" in furniture and "Load-Date: April 23, 2025" in furniture


def _twice(name: str) -> bytes:
    """A fixture's export of one document made an export of two (the second its copy)."""
    text = (FIXTURES / name).read_text(encoding="utf-8")
    if name.startswith("lexis"):
        return (text + text.replace("1 of 1 DOCUMENT", "2 of 2 DOCUMENTS")).encode()
    return (
        text + "\n" + text.replace("Azerbaijan, China sign", "Azerbaijan and China sign")
    ).encode()


def _added(content: Path, before: set[Path]) -> list[tuple[int, Path]]:
    """The captures add wrote, by the number of their document in the export."""
    found = []
    for path in set((content / "articles").glob("*.capture.txt")) - before:
        meta = path.with_name(path.name.replace(".capture.txt", ".meta.yaml"))
        number = re.search(r"# Document (\d+) of the", meta.read_text(encoding="utf-8"))
        assert number is not None, meta.read_text(encoding="utf-8")
        found.append((int(number[1]), path))
    return sorted(found)


@pytest.mark.parametrize(
    ("name", "titles"),
    [
        (
            "nexis-uni-three-documents.txt",
            [
                "Azerbaijan, China agree to double Middle Corridor freight",
                "COSCO looks at a stake in Alat port",
                "Azerbaijan opens new rail link to Georgia's ports",
            ],
        ),
        ("lexisnexis-academic.txt", [TITLE, TITLE]),
        ("factiva.txt", [TITLE, TITLE.replace("Azerbaijan, China", "Azerbaijan and China")]),
        (
            "factiva-indexed.txt",
            [TITLE, TITLE.replace("Azerbaijan, China", "Azerbaijan and China")],
        ),
    ],
)
def test_add_splits_an_export_of_several_documents_into_captures_of_their_own(
    project_copy: Path, name: str, titles: list[str]
) -> None:
    """A researcher downloads a database's results as one file: add refused it, and each
    document had to be cut out by hand.  Now each document is a capture of its own, the
    export's lines that hold it: joined, the captures are the export byte for byte; each is
    read as one document, with its own fields, and its metadata says where it comes from."""
    content = project_copy / "content"
    export = project_copy / name
    export.write_bytes(
        (FIXTURES / name).read_bytes() if name.endswith("documents.txt") else _twice(name)
    )
    before = set((content / "articles").glob("*"))
    added = cli("add", str(export))
    assert added.returncode == 0, added.stderr
    assert f"Added {len(titles)} of {len(titles)} documents" in added.stdout
    parts = _added(content, before)
    assert [n for n, _ in parts] == list(range(1, len(titles) + 1))
    assert b"".join(p.read_bytes() for _, p in parts) == export.read_bytes()
    problems = Problems()
    for (_, path), title in zip(parts, titles, strict=True):
        text = path.read_text(encoding="utf-8")
        reading = read_text(text, path.name, problems, fmt=detect_format(text, path.name))
        assert reading.format == "database", path
        assert reading.fields["title"].value == title
        meta = path.with_name(path.name.replace(".capture.txt", ".meta.yaml"))
        said = meta.read_text(encoding="utf-8")
        assert "export's SHA-256" in said and f"original_name: {name}" in said
        meta.write_text(said.replace("kind:", "kind: news", 1), encoding="utf-8")
    assert not problems.errors
    assert cli("check").returncode == 0
    again = cli("add", str(export))
    assert again.returncode == 0 and f"Added 0 of {len(titles)} documents" in again.stdout
    assert set((content / "articles").glob("*")) == before | {
        q for _, p in parts for q in (p, p.with_name(p.name.replace(".capture.txt", ".meta.yaml")))
    }


def test_an_export_whose_document_does_not_read_adds_nothing(project_copy: Path) -> None:
    """One document that is not read as a database's (its ``Body`` line lost) stops the
    whole export, named by its lines in the export; nothing is written."""
    text = (FIXTURES / "nexis-uni-three-documents.txt").read_text(encoding="utf-8")
    second = text.index("COSCO looks at a stake in Alat port\n\nEurasia")
    body = text.index("Body\n", second)
    line = text.count("\n", 0, text.index("\n\nCOSCO looks", second - 3) + 1) + 1
    export = project_copy / "results.txt"
    export.write_text(text[:body] + text[body + 5 :], encoding="utf-8")
    before = set((project_copy / "content/articles").glob("*"))
    added = cli("add", str(export))
    assert added.returncode == 1
    assert f"results.txt:{line}: document 2 of 3 (lines {line}-" in added.stderr
    assert "not read as a database's document" in added.stderr
    assert set((project_copy / "content/articles").glob("*")) == before


def test_an_export_given_one_id_or_in_utf_16_is_refused(project_copy: Path) -> None:
    export = project_copy / "results.txt"
    export.write_bytes((FIXTURES / "nexis-uni-three-documents.txt").read_bytes())
    before = set((project_copy / "content/articles").glob("*"))
    with_id = cli("add", str(export), "--id", "results")
    assert with_id.returncode == 2
    assert "holds 3 documents" in with_id.stderr and "leave --id out" in with_id.stderr
    export.write_bytes("\ufeff".encode("utf-16-le") + export.read_text().encode("utf-16-le"))
    utf16 = cli("add", str(export))
    assert utf16.returncode == 1
    assert "holds 3 documents of a database's export, in UTF-16LE" in utf16.stderr
    assert set((project_copy / "content/articles").glob("*")) == before


def test_the_readme_shows_what_add_says_of_an_export(project_copy: Path) -> None:
    """The README's example of an export added is what add prints for the fixture."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = readme.split("$ archive-site add results.txt\n", 1)[1].split("```", 1)[0]
    export = project_copy / "results.txt"
    export.write_bytes((FIXTURES / "nexis-uni-three-documents.txt").read_bytes())
    added = cli("add", "results.txt")
    assert added.returncode == 0, added.stderr
    assert added.stdout == shown
