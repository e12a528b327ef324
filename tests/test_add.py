"""``archive-site add CAPTURE``, run as a user runs it: in a copy of the project.

Each known capture format is added from a copy of a real capture (under the
file name it was saved with, outside the content folder), and so is a text in
no known format.  The copy must be byte for byte the original, the metadata
file must hold exactly the keys still to fill in (empty) and the optional
ones, and ``check`` must then name exactly the missing fields, on the lines
of their empty keys; once they are filled in, ``check`` passes.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml
from hypothesis import example, given
from hypothesis import strategies as st

from archive_site.commands.add import choose_id, yaml_scalar
from archive_site.errors import Problems
from archive_site.files import CONTROL_CHARACTERS, closed_directions
from archive_site.load import load_archive
from archive_site.readers import Field, Reading
from archive_site.yamlsrc import parse_yaml
from conftest import COMMENTARY, CONTENT, INTERVIEW, ROOT, cli

ARTICLES = CONTENT / "articles"
EDNEWS_CAPTURE = ARTICLES / f"{COMMENTARY}.capture.txt"  # saved as 000_c7a446d97c19db58.txt
MENAFN_CAPTURE = ARTICLES / f"{INTERVIEW}.capture.txt"  # saved as 003_49b360be211d8a26.txt

PLAIN_TEXT = """\
Caspian ports expand their ferry fleets

Ferry operators on the Caspian Sea are ordering new vessels to carry the
growing freight between Central Asia and the South Caucasus.

The new ferries are due to enter service over the next three years.
"""


def inbox_copy(project: Path, original: Path, name: str, *, resaved: bool = True) -> Path:
    """A copy of a capture where an archivist keeps new downloads: outside content/.

    ``resaved``: saved again, with one more line break at the end, so its bytes
    differ from the archived original (the same bytes are never added twice).
    """
    inbox = project / "inbox"
    inbox.mkdir(exist_ok=True)
    target = inbox / name
    target.write_bytes(original.read_bytes() + (b"\n" if resaved else b""))
    return target


def articles_listing(project: Path) -> dict[str, bytes]:
    folder = project / "content" / "articles"
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def line_of(path: Path, text: str) -> int:
    """The line number (1-based) of the line that is exactly ``text``."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return lines.index(text) + 1


def missing_report(meta: str, project: Path, missing: list[tuple[str, str]]) -> str:
    """What ``check`` prints for a new article whose only problems are its empty keys."""
    path = project / meta
    more = {
        "published": "; or 'published: YYYY-MM' or 'YYYY' when no more is known, never a day made up"
    }
    items = [
        f"{n}. {meta}:{line_of(path, key + ':')}: {key}: the capture does not say; "
        f"add '{key}: {hint}' to {meta}{more.get(key, '')}"
        for n, (key, hint) in enumerate(missing, start=1)
    ]
    count = f"{len(items)} error{'s' if len(items) != 1 else ''}"
    return f"archive-site: {count} in the content:\n" + "\n".join(items) + "\n"


def fill_in(path: Path, values: dict[str, str]) -> None:
    """Fill in empty keys as an archivist does in an editor: ``key:`` becomes ``key: value``."""
    text = path.read_text(encoding="utf-8")
    for key, value in values.items():
        text, n = re.subn(rf"(?m)^{key}:$", f"{key}: {value}", text)
        assert n == 1, f"no empty '{key}:' line in {path}"
    path.write_text(text, encoding="utf-8")


def assert_no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr
    assert "internal error" not in result.stderr


# --- the ednews format ------------------------------------------------------


def test_add_ednews_capture(project_copy: Path) -> None:
    source = inbox_copy(project_copy, EDNEWS_CAPTURE, "000_c7a446d97c19db58.txt")
    ident = "2025-04-23-ednews-the-azerbaijan-china-strategic-partnership"
    capture = f"content/articles/{ident}.capture.txt"
    meta = f"content/articles/{ident}.meta.yaml"

    result = cli("add", "inbox/000_c7a446d97c19db58.txt", cwd=project_copy)

    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        f"Article id: {ident} (from the date, the outlet and the title; --id chooses another)\n"
        f"Copied inbox/000_c7a446d97c19db58.txt to {capture} "
        "(8,520 bytes, unchanged; read as 'ednews')\n"
        f"Wrote {meta}\n"
        "The capture says (the loader reads it from there on every build):\n"
        "  title:     The Azerbaijan-China strategic partnership is reaching a new stage (line 1)\n"
        "  published: 2025-04-23 (line 3)\n"
        "  time:      11:03 (line 3)\n"
        "  section:   Foreign Policy (line 3)\n"
        "  author:    Madina Mammadova (line 19)\n"
        "  outlet:    EDnews (line 19)\n"
        "Left out of the text as page furniture: 43 (story-link, heading, news-line, navigation)\n"
        f"Still to fill in, in {meta}:\n"
        "  kind: news, interview or opinion\n"
        "Then run `archive-site check`: it names each field that is still missing.\n"
    )
    assert (project_copy / capture).read_bytes() == source.read_bytes()
    assert (project_copy / capture).read_bytes() == EDNEWS_CAPTURE.read_bytes() + b"\n"

    text = (project_copy / meta).read_text(encoding="utf-8")
    # What the capture says is noted, not restated (the loader reads it from the capture).
    assert "# The capture is in the 'ednews' format." in text
    for noted in (
        "#   title:     The Azerbaijan-China strategic partnership is reaching a new stage "
        "(line 1)",
        "#   published: 2025-04-23 (line 3)",
        "#   time:      11:03 (line 3)",
        "#   section:   Foreign Policy (line 3)",
        "#   author:    Madina Mammadova (line 19)",
        "#   outlet:    EDnews (line 19)",
    ):
        assert noted in text.split("\n")
    assert "# What the article is: one of news, interview, opinion." in text
    assert yaml.safe_load(text) == {
        "kind": None,
        "short_title": None,
        "summary": None,
        "timezone": None,
        "origin": None,
        "language": None,
        "url": None,
        "captured": None,
        "responds_to": None,
        "original_name": "000_c7a446d97c19db58.txt",
    }

    check = cli("check", cwd=project_copy)
    assert check.returncode == 1
    assert check.stderr == missing_report(
        meta, project_copy, [("kind", "news or interview or opinion")]
    )
    assert check.stdout == ""

    fill_in(project_copy / meta, {"kind": "opinion", "timezone": '"+04:00"'})
    check = cli("check", cwd=project_copy)
    # the seed's own capture again, under another id: said so
    assert check.returncode == 0 and "one story captured twice?" in check.stderr
    assert check.stdout.startswith("No errors: 3 articles, ")


# --- the menafn format (an interview) ---------------------------------------


def test_add_menafn_interview(project_copy: Path) -> None:
    source = inbox_copy(project_copy, MENAFN_CAPTURE, "003_49b360be211d8a26.txt")
    ident = "2025-04-21-azernews-003-49b360be211d8a26"
    capture = f"content/articles/{ident}.capture.txt"
    meta = f"content/articles/{ident}.meta.yaml"

    result = cli("add", str(source), cwd=project_copy)

    assert (result.returncode, result.stderr) == (0, "")
    assert f"Article id: {ident} (from the date, the outlet and the file name;" in result.stdout
    assert "(18,811 bytes, unchanged; read as 'menafn')" in result.stdout
    said = result.stdout.split(
        "The capture says (the loader reads it from there on every build):\n"
    )
    keys = [line.split(":")[0].strip() for line in said[1].split("\n")[:5]]
    assert keys == ["published", "outlet", "via", "aggregator", "kind"]
    assert "  kind:       interview (question and answer turns from line 5)\n" in said[1]
    assert result.stdout.endswith(
        f"Still to fill in, in {meta}:\n"
        "  title:       the article's headline (the capture has none)\n"
        "  interviewer: entity id of who asked the questions\n"
        "  interviewee: entity id of who answered\n"
        "Then run `archive-site check`: it names each field that is still missing.\n"
    )
    assert (project_copy / capture).read_bytes() == source.read_bytes()

    text = (project_copy / meta).read_text(encoding="utf-8")
    lines = text.split("\n")
    for noted in (
        "#   published:  2025-04-21 (line 1)",
        "#   outlet:     AzerNews (line 1)",
        "#   via:        Azertag (line 3)",
        "#   aggregator: MENAFN (line 1)",
        "#   kind:       interview (question and answer turns from line 5)",
    ):
        assert noted in lines
    # Entities the capture names, as candidates for the interviewer and interviewee.
    people = next(line for line in lines if line.startswith("# People the capture names: "))
    orgs = next(line for line in lines if line.startswith("# Organisations it names: "))
    assert people.startswith("# People the capture names: ilham-aliyev, ")
    assert orgs.startswith("# Organisations it names: xinhua, ")
    assert yaml.safe_load(text) == {
        "title": None,
        "interviewer": None,
        "interviewee": None,
        "short_title": None,
        "summary": None,
        "author": None,
        "section": None,
        "time": None,
        "timezone": None,
        "origin": None,
        "language": None,
        "url": None,
        "captured": None,
        "responds_to": None,
        "original_name": "003_49b360be211d8a26.txt",
    }

    check = cli("check", cwd=project_copy)
    assert check.returncode == 1
    assert check.stderr == missing_report(
        meta,
        project_copy,
        [("title", "..."), ("interviewer", "ENTITY-ID"), ("interviewee", "ENTITY-ID")],
    )

    fill_in(
        project_copy / meta,
        {
            "title": '"Ilham Aliyev\'s interview with Xinhua News Agency"',
            "interviewer": "xinhua",
            "interviewee": "ilham-aliyev",
            "origin": "Xinhua News Agency",
        },
    )
    check = cli("check", cwd=project_copy)
    # the seed's own capture again, under another id: said so
    assert check.returncode == 0 and "one story captured twice?" in check.stderr
    assert check.stdout.startswith("No errors: 3 articles, ")


def test_add_with_id_into_a_content_folder_without_the_article(project_copy: Path) -> None:
    """The real interview, removed from the copy and added back under its own id."""
    source = inbox_copy(project_copy, MENAFN_CAPTURE, "003_49b360be211d8a26.txt", resaved=False)
    folder = project_copy / "content" / "articles"
    (folder / f"{INTERVIEW}.capture.txt").unlink()
    kept_meta = (folder / f"{INTERVIEW}.meta.yaml").read_text(encoding="utf-8")
    (folder / f"{INTERVIEW}.meta.yaml").unlink()

    result = cli("add", str(source), "--id", INTERVIEW, cwd=project_copy)

    assert (result.returncode, result.stderr) == (0, "")
    assert "note:" not in result.stdout  # no other capture has these bytes
    assert f"Article id: {INTERVIEW}\n" in result.stdout
    assert (folder / f"{INTERVIEW}.capture.txt").read_bytes() == MENAFN_CAPTURE.read_bytes()
    # The archivist's original metadata fills in everything the new file asks for.
    (folder / f"{INTERVIEW}.meta.yaml").write_text(kept_meta, encoding="utf-8")
    check = cli("check", cwd=project_copy)
    assert (check.returncode, check.stderr) == (0, "")


# --- a text in no known format ------------------------------------------------


def test_add_plain_text_then_fill_in_and_build(project_copy: Path) -> None:
    source = project_copy / "inbox" / "ferries.txt"
    source.parent.mkdir()
    source.write_text(PLAIN_TEXT, encoding="utf-8")
    meta = "content/articles/ferries.meta.yaml"

    # The console script, as the README's users run it.
    script = Path(sys.executable).with_name("archive-site")
    result = subprocess.run(
        [str(script), "add", "inbox/ferries.txt"],
        cwd=project_copy,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "Article id: ferries (from the file name; --id chooses another)\n"
        "Copied inbox/ferries.txt to content/articles/ferries.capture.txt "
        f"({len(PLAIN_TEXT.encode()):,} bytes, unchanged; read as 'plain')\n"
        f"Wrote {meta}\n"
        "The capture says nothing the loader can read: all its metadata is to fill in\n"
        f"Still to fill in, in {meta}:\n"
        "  title:     the article's headline (the capture has none)\n"
        "  outlet:    who published it\n"
        "  published: the day it was published, YYYY-MM-DD (or YYYY-MM, YYYY when no more is known)\n"
        "  kind:      news, interview or opinion\n"
        "Then run `archive-site check`: it names each field that is still missing.\n"
    )
    copied = project_copy / "content" / "articles" / "ferries.capture.txt"
    assert copied.read_bytes() == source.read_bytes()

    text = (project_copy / meta).read_text(encoding="utf-8")
    assert "# The capture is plain text in no format archive-site knows" in text
    assert "#   " not in text  # nothing was read from the capture
    data = yaml.safe_load(text)
    assert list(data)[:4] == ["title", "outlet", "published", "kind"]
    assert data == {
        "title": None,
        "outlet": None,
        "published": None,
        "kind": None,
        "short_title": None,
        "summary": None,
        "author": None,
        "section": None,
        "time": None,
        "timezone": None,
        "origin": None,
        "language": None,
        "url": None,
        "captured": None,
        "responds_to": None,
        "original_name": "ferries.txt",
    }

    check = cli("check", cwd=project_copy)
    assert check.returncode == 1
    assert check.stderr == missing_report(
        meta,
        project_copy,
        [
            ("title", "..."),
            ("outlet", "..."),
            ("published", "YYYY-MM-DD"),
            ("kind", "news or interview or opinion"),
        ],
    )

    fill_in(
        project_copy / meta,
        {
            "title": "Caspian ports expand their ferry fleets",
            "outlet": "Example Daily",
            "published": "2025-04-22",
            "kind": "news",
        },
    )
    check = cli("check", cwd=project_copy)
    assert (check.returncode, check.stderr) == (0, "")
    build = cli("--base-url", "https://example.org/archive/", cwd=project_copy)
    assert (build.returncode, build.stderr) == (0, "")
    page = (project_copy / "dist" / "articles" / "ferries.html").read_text(encoding="utf-8")
    assert "Caspian ports expand their ferry fleets" in page
    published = project_copy / "dist" / "articles" / "ferries.capture.txt"
    assert published.read_bytes() == source.read_bytes()


# --- refusals -----------------------------------------------------------------


def test_add_refuses_to_overwrite_an_article(project_copy: Path) -> None:
    inbox_copy(project_copy, EDNEWS_CAPTURE, "new.txt")
    before = articles_listing(project_copy)

    result = cli("add", "inbox/new.txt", "--id", INTERVIEW, cwd=project_copy)

    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "archive-site: 1 error in the capture:\n"
        f"1. content/articles/{INTERVIEW}.capture.txt: already exists: the article id "
        f"'{INTERVIEW}' is taken, and add never overwrites an article; "
        f"choose another id with --id (the first free one after it: --id {INTERVIEW}-2)\n"
    )
    assert articles_listing(project_copy) == before


def test_a_taken_id_is_refused_with_the_first_free_one_named(project_copy: Path) -> None:
    """Walk 29: adding 144 captures by a script, 11 were refused, each the same story saved
    another way (the Reuters page twice, a Joplin and a Readwise copy): the message said to
    choose another id, and a script had to guess one that is free."""
    inbox_copy(project_copy, EDNEWS_CAPTURE, "new.txt")
    articles = project_copy / "content/articles"
    (articles / f"{INTERVIEW}-2.md").write_text("taken", encoding="utf-8")
    result = cli("add", "inbox/new.txt", "--id", INTERVIEW, cwd=project_copy)
    assert result.returncode == 1
    assert result.stderr.endswith(f"(the first free one after it: --id {INTERVIEW}-3)\n")
    # within an id's 100 characters
    long = "a" * 99 + "b"
    (articles / f"{long}.capture.txt").write_text("taken", encoding="utf-8")
    result = cli("add", "inbox/new.txt", "--id", long, cwd=project_copy)
    assert result.stderr.endswith(f"--id {'a' * 98}-2)\n")
    free = cli("add", "inbox/new.txt", "--id", f"{'a' * 98}-2", cwd=project_copy)
    assert free.returncode == 0, free.stderr


HAND_WRITTEN = """\
---
title: Ferries to Alat
published: 2025-05-28
outlet: Caspian Business Weekly
kind: news
---

ASCO added two ferries to the Alat route on Wednesday, the company said.

The ferries carry 50 wagons each.
"""


def test_add_a_markdown_article_copies_it_as_an_article_file(project_copy: Path) -> None:
    """A .md file with front matter was copied as a capture and read as plain text: its
    front matter and Markdown became the article's first paragraphs."""
    inbox = project_copy / "inbox"
    inbox.mkdir()
    (inbox / "ferries.md").write_text(HAND_WRITTEN, encoding="utf-8")
    before = articles_listing(project_copy)

    result = cli("add", "inbox/ferries.md", cwd=project_copy)

    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    ident = "2025-05-28-caspian-business-weekly-ferries-to-alat"
    added = set(articles_listing(project_copy)) - set(before)
    assert added == {f"{ident}.md"}  # the front matter is its metadata: no metadata file
    path = project_copy / f"content/articles/{ident}.md"
    assert path.read_bytes() == HAND_WRITTEN.encode("utf-8")
    assert f"Copied it to content/articles/{ident}.md (" in result.stdout
    assert "  published: 2025-05-28 (line 3)" in result.stdout
    assert cli("check", cwd=project_copy).returncode == 0
    article = load_archive(project_copy / "content").article(ident)
    assert article.title == "Ferries to Alat" and len(article.paragraphs) == 2
    again = cli("add", "inbox/ferries.md", cwd=project_copy)
    assert again.returncode == 0 and "is already in the archive" in again.stdout


def test_a_markdown_article_without_its_front_matter_lines_is_refused(
    project_copy: Path,
) -> None:
    """Without its '---' lines it was copied as a capture and read as wire copy, its title
    "title: Notes", without a word (audit 6)."""
    inbox = project_copy / "inbox"
    inbox.mkdir()
    (inbox / "b.md").write_text("title: Notes\npublished: 2025-05-06\n\nText.\n", encoding="utf-8")
    before = articles_listing(project_copy)
    result = cli("add", "inbox/b.md", cwd=project_copy)
    assert result.returncode == 1
    assert "inbox/b.md:1: a Markdown article's front matter goes between two '---' lines" in (
        result.stderr
    )
    assert articles_listing(project_copy) == before
    # a Markdown file of text alone is a capture, as before
    (inbox / "c.md").write_text("Notes on the port.\n\nThe port opened.\n", encoding="utf-8")
    assert cli("add", "inbox/c.md", "--id", "c", cwd=project_copy).returncode == 0


def test_add_writes_nothing_through_a_linked_articles_folder(
    project_copy: Path, tmp_path: Path
) -> None:
    """The build refuses an ``articles/`` that is a symbolic link; add wrote through it,
    into the folder it pointed to, outside the content folder."""
    inbox_copy(project_copy, EDNEWS_CAPTURE, "new.txt")
    elsewhere = tmp_path / "elsewhere"
    (project_copy / "content/articles").rename(elsewhere)
    (project_copy / "content/articles").symlink_to(elsewhere)
    before = sorted(p.name for p in elsewhere.iterdir())

    result = cli("add", "inbox/new.txt", "--id", "via-a-link", cwd=project_copy)

    assert result.returncode == 1
    assert_no_traceback(result)
    assert "1. content/articles: not a folder but a symbolic link" in result.stderr
    assert sorted(p.name for p in elsewhere.iterdir()) == before


def test_adding_the_same_bytes_again_says_so_and_changes_nothing(project_copy: Path) -> None:
    inbox_copy(project_copy, EDNEWS_CAPTURE, "new.txt")
    first = cli("add", "inbox/new.txt", cwd=project_copy)
    assert first.returncode == 0
    ident = "2025-04-23-ednews-the-azerbaijan-china-strategic-partnership"
    fill_in(project_copy / f"content/articles/{ident}.meta.yaml", {"kind": "opinion"})
    before = articles_listing(project_copy)

    second = cli("add", "inbox/new.txt", "--id", "another-id", cwd=project_copy)
    # The seed capture itself, under its original name: already archived too.
    inbox_copy(project_copy, EDNEWS_CAPTURE, "seed.txt", resaved=False)
    third = cli("add", "inbox/seed.txt", cwd=project_copy)

    for result, archived in ((second, ident), (third, COMMENTARY)):
        assert (result.returncode, result.stderr) == (0, "")
        assert result.stdout.startswith(
            f"inbox/{'new' if result is second else 'seed'}.txt is already in the archive: "
            f"content/articles/{archived}.capture.txt has the same SHA-256 ("
        )
        assert result.stdout.endswith("). Nothing was added or changed.\n")
    assert articles_listing(project_copy) == before  # the filled-in metadata is untouched


def test_add_refuses_a_file_that_is_not_utf8(project_copy: Path) -> None:
    inbox = project_copy / "inbox"
    inbox.mkdir()
    (inbox / "latin1.txt").write_bytes(
        "Headline\n\nA first paragraph.\n\nCaf\u00e9 in Latin-1.\n".encode("latin-1")
    )
    before = articles_listing(project_copy)

    result = cli("add", "inbox/latin1.txt", cwd=project_copy)

    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "archive-site: 1 error in the capture:\n"
        "1. inbox/latin1.txt:5: not UTF-8 text (invalid continuation byte at byte 33); a text "
        "file names no encoding, so it must be UTF-8: open it in a text editor that shows it "
        "right and save it as UTF-8 (its words stay the same)\n"
    )
    assert articles_listing(project_copy) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the capture is empty: there is no article text to add"),
        (b"\n  \n\t\n", "the capture is empty: there is no article text to add"),
        (b"Title\n\nText\x00more\n", "not a text file (it holds a NUL character)"),
    ],
)
def test_add_refuses_what_is_not_an_article(
    project_copy: Path, content: bytes, message: str
) -> None:
    (project_copy / "odd.txt").write_bytes(content)
    before = articles_listing(project_copy)
    result = cli("add", "odd.txt", cwd=project_copy)
    assert result.returncode == 1
    assert_no_traceback(result)
    where = "odd.txt:3" if b"\x00" in content else "odd.txt"
    assert result.stderr == f"archive-site: 1 error in the capture:\n1. {where}: {message}\n"
    assert articles_listing(project_copy) == before


def test_add_missing_file_and_missing_content_folder(project_copy: Path) -> None:
    """A file named on the command line that is not there: exit 1, as for a missing content
    folder in ``check`` (exit 2 is for a command line that cannot be parsed)."""
    result = cli("add", "inbox/nothing-here.txt", cwd=project_copy)
    assert result.returncode == 1
    assert_no_traceback(result)
    assert result.stderr == (
        "archive-site: 1 error in the capture:\n1. inbox/nothing-here.txt: file not found\n"
    )

    (project_copy / "new.txt").write_text(PLAIN_TEXT, encoding="utf-8")
    result = cli("add", "new.txt", "--content", "elsewhere", cwd=project_copy)
    assert result.returncode == 1
    assert "1. elsewhere: content folder not found" in result.stderr

    result = cli("add", "content", cwd=project_copy)
    assert result.returncode == 1
    assert "1. content: is a folder, not a captured text file" in result.stderr


def test_a_file_name_with_a_control_character_gives_metadata_that_loads(
    project_copy: Path,
) -> None:
    """The loader refuses control characters in YAML values, which add wrote for a file
    name holding one: the name is kept with each made a replacement character."""
    capture = project_copy / "inbox" / "ferries\x1b[31m.txt"
    capture.parent.mkdir()
    capture.write_text("Ferries resume\n\nThe ferries resume on Monday.\n", encoding="utf-8")
    added = cli("add", str(capture), "--id", "ferries", cwd=project_copy)
    assert added.returncode == 0, added.stderr
    meta = project_copy / "content/articles/ferries.meta.yaml"
    assert yaml.safe_load(meta.read_text(encoding="utf-8"))["original_name"] == (
        "ferries\ufffd[31m.txt"
    )
    checked = cli("check", cwd=project_copy)
    assert "YAML" not in checked.stderr and "control character" not in checked.stderr, (
        checked.stderr
    )


@pytest.mark.parametrize("how", [("--id", "index"), ()])
def test_add_refuses_an_id_that_is_one_of_the_site_s_own_pages(
    project_copy: Path, how: tuple[str, ...]
) -> None:
    """``index`` (given, or taken from a file named index.txt) was added, and the archive
    then failed ``check``: its page would be the article index, articles/index.html."""
    capture = project_copy / "index.txt"
    capture.write_text("A paragraph of a note.\n\nAnother paragraph.\n", encoding="utf-8")
    result = cli("add", "index.txt", *how, cwd=project_copy)
    assert result.returncode == 1
    assert "'index' would put its page at articles/index.html, the site's own page" in (
        result.stderr
    )
    assert not list((project_copy / "content/articles").glob("index.*"))


def test_add_invalid_id_is_a_usage_error(project_copy: Path) -> None:
    (project_copy / "new.txt").write_text(PLAIN_TEXT, encoding="utf-8")
    before = articles_listing(project_copy)
    result = cli("add", "new.txt", "--id", "New_Article", cwd=project_copy)
    assert result.returncode == 2
    assert result.stderr == (  # with the id it reads as (flow56)
        "archive-site add: error: --id: 'New_Article' is not a valid id (lower-case letters, "
        "digits and hyphens, e.g. 'new-article')\n"
    )
    assert articles_listing(project_copy) == before
    # a page's file name so: the name to give it
    page = project_copy / "content/pages/Our Sources.md"
    page.write_text("---\ntitle: Sources\ndescription: Ours.\n---\n\nText.\n", encoding="utf-8")
    checked = cli("check", cwd=project_copy)
    assert checked.returncode == 1
    assert (
        "1. content/pages/Our Sources.md: file name: 'Our Sources' is not a valid id (lower-case "
        "letters, digits and hyphens, e.g. 'our-sources')\n"
    ) in checked.stderr, checked.stderr
    result = cli("add", cwd=project_copy)  # no capture: argparse says so
    assert result.returncode == 2
    assert "the following arguments are required: capture" in result.stderr


def test_add_to_another_content_folder_says_how_to_check_it(project_copy: Path) -> None:
    (project_copy / "content").rename(project_copy / "archive")
    (project_copy / "new.txt").write_text(PLAIN_TEXT, encoding="utf-8")
    result = cli("add", "new.txt", "--content", "archive", cwd=project_copy)
    assert result.returncode == 0, result.stderr
    assert "Copied new.txt to archive/articles/new.capture.txt" in result.stdout
    assert "Then run `archive-site check --content archive`" in result.stdout


# --- the id and the YAML, in-process ---------------------------------------------


def _reading(**fields: str) -> Reading:
    return Reading("ednews", {k: Field(v, 1) for k, v in fields.items()}, ())


@pytest.mark.parametrize(
    ("fields", "stem", "expected"),
    [
        (
            {
                "published": "2025-04-23",
                "outlet": "EDnews",
                "title": "The Azerbaijan-China strategic partnership is reaching a new stage",
            },
            "000_c7a446d97c19db58",
            "2025-04-23-ednews-the-azerbaijan-china-strategic-partnership",
        ),
        (  # at most 60 characters, cut between words, not ending on "of the"
            {
                "published": "2025-01-02",
                "outlet": "Example Daily",
                "title": "New ferries for the ports of the Caspian Sea and the Black Sea",
            },
            "x",
            "2025-01-02-example-daily-new-ferries-for-the-ports",
        ),
        (  # no word is skipped to fill the space ("caspian-as")
            {
                "published": "2025-01-02",
                "outlet": "Example Daily",
                "title": "Ferry traffic across the Caspian grows as the ports of Aktau expand",
            },
            "x",
            "2025-01-02-example-daily-ferry-traffic-across-the-caspian",
        ),
        (
            {"published": "2025-04-21", "outlet": "AzerNews"},
            "aliyev-interview",
            "2025-04-21-azernews-aliyev-interview",
        ),
        (  # the file name already starts with the date
            {"published": "2025-04-21", "outlet": "AzerNews"},
            "2025-04-21 Aliyev interview",
            "2025-04-21-azernews-aliyev-interview",
        ),
        (  # a government's site names itself at length: its name leaves the title room,
            # so that its pages of one day have ids of their own
            {
                "published": "2025-04-23",
                "outlet": "Official web-site of President of Azerbaijan Republic",
                "title": "Azerbaijan-China documents were signed",
            },
            "x",
            "2025-04-23-official-web-site-azerbaijan-china-documents-were",
        ),
        (
            {
                "published": "2025-04-23",
                "outlet": "Ministry of Foreign Affairs of the People's Republic of China",
                "title": "Foreign Ministry Spokesperson Lin Jian's Regular Press Conference",
            },
            "x",
            "2025-04-23-ministry-of-foreign-affairs-foreign-ministry",
        ),
        ({}, "Notes on Ölkə — «draft»", "notes-on-olke-draft"),
        ({"title": "Şuşa: İlham Əliyev’s visit"}, "x", "susa-ilham-eliyevs-visit"),
        # an apostrophe, however written, parts no word ("china-s", "o-zbekiston" were ids)
        ({"title": "China's Oʻzbekiston ties"}, "x", "chinas-ozbekiston-ties"),
        ({"title": "China`s O‘zbekiston ties"}, "x", "chinas-ozbekiston-ties"),
    ],
)
def test_choose_id(fields: dict[str, str], stem: str, expected: str) -> None:
    assert choose_id(_reading(**fields), Path(f"{stem}.txt")) == expected


def test_an_id_is_cut_between_words() -> None:
    from archive_site.commands.add import MAX_ID_LENGTH, _cut

    assert _cut(["a", "b"], 1) == "a-b"
    date = ["2025", "01", "02"]
    long = "x" * 70
    # one very long word after the fixed ones is cut itself, to the limit
    assert _cut([*date, long], 3) == "2025-01-02-" + "x" * (MAX_ID_LENGTH - 11)
    # the fixed words stay whole even when they alone are too long; nothing is added
    assert _cut([long, "of", "it"], 1) == long
    # never ending on "of the", but at least one word after the fixed ones stays
    words = [*date, "ports", "of", "the", "x" * 50]
    assert _cut(words, 3) == "2025-01-02-ports"
    assert _cut([*date, "the", "x" * 60], 3) == "2025-01-02-the"
    assert all(len(_cut([*date, *["word"] * n], 3)) <= MAX_ID_LENGTH for n in range(30))


@given(st.text(max_size=80).filter(lambda v: CONTROL_CHARACTERS().search(v) is None))
@example("\u2066")  # an isolate opened and not closed: closed as it is read (hypothesis found)
def test_yaml_scalar_round_trips(value: str) -> None:
    problems = Problems()
    data = parse_yaml(f"original_name: {yaml_scalar(value)}\n", "t.yaml", problems)
    assert not list(problems)
    # all text is read so: NFC, and a writing direction opened closed within it (README)
    assert data["original_name"] == closed_directions(unicodedata.normalize("NFC", value))
    assert "\n" not in yaml_scalar(value)


# --- saved web pages and wire copy --------------------------------------------------

FIXTURES = Path(__file__).parent / "fixtures"


def test_add_a_saved_page_and_a_wire_story_then_build(project_copy: Path) -> None:
    page = inbox_copy(project_copy, FIXTURES / "pages/news-jsonld.html", "logistics.html")
    inbox_copy(project_copy, FIXTURES / "wire/xinhua-style.txt", "xi-tokayev.txt")
    folder = project_copy / "content/articles"

    added = cli("add", "inbox/logistics.html", "--id", "alat-centre", cwd=project_copy)
    assert (added.returncode, added.stderr) == (0, "")
    assert "to content/articles/alat-centre.capture.html (" in added.stdout
    assert "read as 'html'" in added.stdout
    assert "  timezone:  +04:00 (line 16)\n" in added.stdout
    assert "  kind:      news (line 12)\n" in added.stdout
    assert "Left out of the text as page furniture: 9 (cookie-banner, header, " in added.stdout
    assert "Nothing else is required; run `archive-site check`" in added.stdout
    assert (folder / "alat-centre.capture.html").read_bytes() == page.read_bytes()
    meta = yaml.safe_load((folder / "alat-centre.meta.yaml").read_text(encoding="utf-8"))
    # a copy's origin may still be asked (the page names no agency), and when it was saved
    asked = {"short_title", "summary", "origin", "captured", "responds_to", "original_name"}
    assert set(meta) == asked

    added = cli("add", "inbox/xi-tokayev.txt", "--id", "xi-tokayev", cwd=project_copy)
    assert (added.returncode, added.stderr) == (0, "")
    assert (
        "published: the day it was published, YYYY-MM-DD (or YYYY-MM, YYYY when no more is known) (the dateline 'BEIJING, April 23 (Xinhua) --' gives no year)\n"
        in added.stdout
    )
    assert "  dateline: BEIJING, April 23 (Xinhua) -- (line 3)\n" in added.stdout
    to_fill = added.stdout.split("Still to fill in, in content/articles/xi-tokayev.meta.yaml:\n")[1]
    assert [line.split(":")[0].strip() for line in to_fill.splitlines()[:3]] == [
        "outlet",
        "published",
        "kind",
    ]
    fill_in(folder / "xi-tokayev.meta.yaml", {"outlet": "Xinhua", "published": "2025-04-23"})
    fill_in(folder / "xi-tokayev.meta.yaml", {"kind": "news"})

    built = cli("build", "-q", cwd=project_copy)
    assert (built.returncode, built.stderr) == (0, "")
    dist = project_copy / "dist/articles"
    assert (dist / "alat-centre.capture.html.txt").read_bytes() == page.read_bytes()
    assert not (dist / "alat-centre.capture.html").exists()  # never served as a live page
    html = (dist / "alat-centre.html").read_text(encoding="utf-8")
    assert 'href="alat-centre.capture.html.txt" type="text/plain"' in html
    assert "a cookie banner" in html and "a figure caption" in html and "a sidebar" in html
    assert "photographed on 20 April 2025" not in html
    story = (dist / "xi-tokayev.html").read_text(encoding="utf-8")
    assert (
        '<p class="dateline"><span class="meta">Dateline:</span> BEIJING, April 23 (Xinhua) --'
        in story
    )
    assert "2 other stories’ headlines" in story


def test_the_readme_s_markdown_article_is_added_and_checks(project_copy: Path) -> None:
    """The README's example of a Markdown article written by hand, as it is."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (example,) = re.findall(r"```markdown\n(.*?)```", readme, re.S)
    (project_copy / "notes.md").write_text(example, encoding="utf-8")
    added = cli("add", "notes.md", cwd=project_copy)
    assert added.returncode == 0, added.stderr
    # (an apostrophe parts no word: "the-ports-director", not "the-port-s-director")
    assert "content/articles/2025-05-06-caspian-field-notes-the-ports-director.md" in added.stdout
    checked = cli("check", "--strict", cwd=project_copy)
    assert checked.returncode == 0, checked.stderr


@pytest.mark.parametrize("after", ["", "\n   \n\n"])
def test_a_markdown_article_with_no_text_says_so(project_copy: Path, after: str) -> None:
    """It was refused with an empty message: "archive-site:  in the capture:"."""
    (project_copy / "empty.md").write_text(f"---\ntitle: T\n---\n{after}", encoding="utf-8")
    result = cli("add", "empty.md", cwd=project_copy)
    assert (result.returncode, result.stderr) == (
        1,
        "archive-site: 1 error in the capture:\n"
        "1. empty.md: no article text after the front matter\n",
    )


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_a_copy_the_system_cuts_short_leaves_nothing_and_names_the_file(
    project_copy: Path, suffix: str
) -> None:
    """A full disk (here a file-size limit): "internal error ... a bug" (exit 70), and a
    half-written Markdown article left behind, which the next build published and which
    kept a retry out ("already exists")."""
    resource = pytest.importorskip("resource")
    head = "---\ntitle: A long article\noutlet: Me\npublished: 2025-01-01\nkind: news\n---\n\n"
    body = "".join(f"Paragraph {n} of the article has words in it.\n\n" for n in range(4000))
    capture = project_copy / f"long{suffix}"
    capture.write_text((head if suffix == ".md" else "Headline\n\n") + body, encoding="utf-8")
    before = sorted(p.name for p in (project_copy / "content/articles").iterdir())
    limit = 64 * 1024  # the capture is three times as long

    def small_disk() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    result = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "add", capture.name, "--id", "long"],
        cwd=project_copy,
        capture_output=True,
        text=True,
        preexec_fn=small_disk,  # a limit of the child's own, set before it runs
        check=False,
    )
    assert result.returncode == 1, result.stderr
    name = "long.md" if suffix == ".md" else "long.capture.txt"
    assert f"1. content/articles/{name}: File too large" in result.stderr
    assert sorted(p.name for p in (project_copy / "content/articles").iterdir()) == before


def test_add_a_page_saved_as_one_file_mhtml_then_build(project_copy: Path) -> None:
    """Chrome and Edge save "Webpage, Single File" as MHTML: it was not a capture at all."""
    page = inbox_copy(project_copy, FIXTURES / "pages/report-az.mhtml", "saved.mhtml")
    added = cli("add", "inbox/saved.mhtml", "--id", "report-az", cwd=project_copy)
    assert (added.returncode, added.stderr) == (0, "")
    assert "to content/articles/report-az.capture.mhtml (" in added.stdout
    assert "read as 'mhtml'" in added.stdout
    # each line is the capture file's, where the value is written (quoted-printable)
    lines = page.read_bytes().decode("ascii").split("\r\n")
    for field, value, written in [
        ("title", "Azərbaycan və Çin arasında yeni saziş imzalanıb", 'og:title" content=3D"Az'),
        ("published", "2025-04-23", ">23 aprel 2025, 14:05<"),
        ("outlet", "Report.az", 'og:site_name" content=3D"Report.az"'),
        ("author", "Aygün Əliyeva", ">M=C3=BC=C9=99llif: Ayg"),  # "Author:" is no name
        ("url", "https://report.az/xarici-siyaset/azerbaycan-ve-cin-sazi%C5%9F/", "canonical"),
    ]:
        line = int(re.findall(rf"  {field}: +{re.escape(value)} \(line (\d+)\)", added.stdout)[0])
        assert written in lines[line - 1]
    folder = project_copy / "content/articles"
    assert (folder / "report-az.capture.mhtml").read_bytes() == page.read_bytes()
    fill_in(folder / "report-az.meta.yaml", {"kind": "news"})
    built = cli("build", "-q", cwd=project_copy)
    assert (built.returncode, built.stderr) == (0, "")
    dist = project_copy / "dist/articles"
    assert (dist / "report-az.capture.mhtml.txt").read_bytes() == page.read_bytes()
    assert not (dist / "report-az.capture.mhtml").exists()  # never served as itself
    html = (dist / "report-az.html").read_text(encoding="utf-8")
    assert "Görüşdə tərəflər iki ölkə arasında" in html and "=C3=B6" not in html
    assert "Paylaş: Facebook" not in html.split('id="p1"')[1]  # furniture, not text
    records = json.loads((project_copy / "dist/data/articles.json").read_text("utf-8"))
    record = next(r for r in records if r["id"] == "report-az")
    assert record["format"] == "mhtml"
    # the page says it is in Azerbaijani (<html lang="az">): so is the article, and its
    # text is marked so in a site in English; the English article's is not marked
    assert record["language"] == "az"
    assert '<h1 lang="az">Azərbaycan və Çin' in html and '<p lang="az">Görüşdə' in html
    assert '<html lang="en">' in html
    other = (dist / f"{COMMENTARY}.html").read_text(encoding="utf-8")
    assert ' lang="' not in other.split("</head>")[1]
    # so is its title in the lists (the article index, the home page's latest)
    for listing in (dist / "index.html", project_copy / "dist/index.html"):
        page = listing.read_text(encoding="utf-8")
        assert 'report-az.html" lang="az">Azərbaycan və Çin' in page, listing
        assert f'{COMMENTARY}.html">' in page and f'{COMMENTARY}.html" lang=' not in page
    feed = (project_copy / "dist/feed.xml").read_text(encoding="utf-8")
    assert '<entry xml:lang="az">\n<title>Azərbaycan və Çin' in feed
    assert feed.count("<entry>") == 2  # the English articles' entries: the feed's language
    # a milestone quoting it: the quote, and the title it cites, are marked too
    milestones = project_copy / "content/milestones.yaml"
    milestones.write_text(
        milestones.read_text(encoding="utf-8")
        + "\n- id: az-declaration-report\n  date: 2025-04-23\n  title: Declaration signed\n"
        "  date_note: The day of the report, which says the talks were that day.\n"
        "  summary: Signed in Beijing.\n  topics: [diplomacy]\n  entities: [azerbaijan, china]\n"
        "  sources:\n"
        "    - article: report-az\n      quote: birgə bəyannamə imzalayıblar\n",
        encoding="utf-8",
    )
    assert cli("build", "-q", cwd=project_copy).returncode == 0
    entry = (project_copy / "dist/milestones/az-declaration-report.html").read_text("utf-8")
    assert '<blockquote lang="az">birgə bəyannamə imzalayıblar</blockquote>' in entry
    assert '<span lang="az">Azərbaycan və Çin' in entry
    # the archivist's metadata says otherwise: it wins; a value that is no tag is an error
    meta = folder / "report-az.meta.yaml"
    said = meta.read_text(encoding="utf-8")
    meta.write_text(said + "language: TR\n", encoding="utf-8")
    assert cli("build", "-q", cwd=project_copy).returncode == 0
    assert '<h1 lang="tr">' in (dist / "report-az.html").read_text(encoding="utf-8")
    meta.write_text(said + "language: Turkish\n", encoding="utf-8")
    bad = cli("check", cwd=project_copy)
    assert bad.returncode != 0
    assert "report-az.meta.yaml:" in bad.stdout + bad.stderr
    assert "language: expected a language tag such as 'en' or 'en-GB', got 'Turkish'" in (
        bad.stdout + bad.stderr
    )


def test_the_metadata_file_asks_only_for_what_the_capture_does_not_say() -> None:
    from archive_site.commands.add import _interview_needs, _needs, _optional, metadata_text
    from archive_site.readers.base import Block

    told = _reading(title="T", outlet="O", published="2025-01-02", kind="news", url="https://x")
    assert _needs(told, {}) == []
    assert "url:" not in _optional(told) and "language:" in _optional(told)
    assert "language:" not in _optional(_reading(language="ru"))
    # a copy's origin is asked unless an agency is named (a dateline's, a byline's)
    assert "origin:" in _optional(told)
    agency = Reading("wire", {**told.fields, "agency": Field("Reuters", 3)}, ())
    assert "origin:" not in _optional(agency)
    text = metadata_text(told, "a.txt")
    assert text.to_fill == ()
    assert yaml.safe_load(text.text)["original_name"] == "a.txt"

    dated = Reading("wire", {"dateline": Field("BAKU, April 2", 3)}, ())
    keys = [n.item.key for n in _needs(dated, {})]
    assert keys == ["title", "outlet", "published", "kind"]
    (published,) = [n for n in _needs(dated, {}) if n.item.key == "published"]
    assert "the dateline 'BAKU, April 2' gives no year" in published.item.hint

    interview = Reading("menafn", {}, (Block("- Q?", 4, turn=1),))
    assert [n.item.key for n in _needs(interview, {})][-2:] == ["interviewer", "interviewee"]
    assert "origin:" in _optional(interview)  # an interview is often a republication
    asker, answerer = _interview_needs({"person": ["a", "b", "c", "d", "e"], "organisation": []})
    assert "People the capture names: a, b, c, d" in asker.comment
    assert not any("Organisations" in c for c in asker.comment)
    assert answerer.lines() == ["interviewee:"]
    # every key of the file is YAML the loader reads, empty where it is to fill in
    data = yaml.safe_load(metadata_text(interview, "b.txt").text)
    assert data["interviewer"] is None and data["origin"] is None


def test_the_metadata_file_names_nothing_of_the_seed_archive() -> None:
    """Its comments gave the seed archive's outlet and city as examples ("e.g. EDnews",
    "e.g. +04:00 for Baku"): every archivist's own archive, on any subject, got them."""
    from archive_site.commands.add import metadata_text
    from archive_site.load import load_entities

    seed = load_archive(CONTENT)
    names = {a.outlet for a in seed.articles} | {
        n for e in load_entities(CONTENT, Problems()) for n in (e.name, *e.aliases)
    }
    text = metadata_text(Reading("plain", {}, ()), "notes.txt").text
    comments = " ".join(line for line in text.splitlines() if line.startswith("#"))
    assert "The outlet that published it" in comments and "The UTC offset" in comments
    named = sorted(n for n in names if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", comments))
    assert named == []


QA_TEXT = """\
Q: How busy is the port this year?

A: Freight grew by a fifth in the first quarter.

Q: And the second berth?

A: It opens in the autumn.
"""


def test_a_text_of_q_and_a_turns_is_not_said_to_be_no_interview(project_copy: Path) -> None:
    """Plain text in Q: and A: turns, which the loader reads as an interview's once its
    metadata says 'interview', was written a metadata file saying "(Not an interview: that
    needs question and answer turns.)", and asking no interviewer or interviewee."""
    source = project_copy / "inbox" / "port-qa.txt"
    source.parent.mkdir()
    source.write_text(QA_TEXT, encoding="utf-8")
    result = cli("add", "inbox/port-qa.txt", "--id", "2025-05-06-port-qa", cwd=project_copy)
    assert result.returncode == 0, result.stderr
    assert "read as 'plain'" in result.stdout
    assert "  interviewer: entity id of who asked the questions\n" in result.stdout
    assert "  interviewee: entity id of who answered\n" in result.stdout
    meta = project_copy / "content/articles/2025-05-06-port-qa.meta.yaml"
    text = meta.read_text(encoding="utf-8")
    assert "Not an interview" not in text and "turns once this says 'interview'" in text
    filled = {
        "title": "The port's director",
        "outlet": "Caspian Field Notes",
        "published": "2025-05-06",
        "kind": "interview",
        "interviewer": "xinhua",
        "interviewee": "ilham-aliyev",
    }
    for key, value in filled.items():
        text = re.sub(rf"^{key}:$", f"{key}: {value}", text, flags=re.MULTILINE)
    meta.write_text(text, encoding="utf-8")
    checked = cli("check", cwd=project_copy)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    article = load_archive(project_copy / "content").article("2025-05-06-port-qa")
    assert [p.role for p in article.paragraphs] == ["question", "answer"] * 2


UPDATED_ONLY = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Azerbaijan eyes bigger role in China-Europe trade</title>
<meta name="date" content="2025-04-23T16:47:02+02:00">
</head><body><article><h1>Azerbaijan eyes bigger role in China-Europe trade</h1>
<div class="info"><span>By ZHAO YIMENG | Updated: 2025-04-24 21:45</span></div>
<p>Azerbaijan wants a bigger share of the rail freight between China and Europe, officials
said, as the two countries established diplomatic relations on April 2, 1992 and have
traded since.</p>
<p>The port of Alat handled more containers from China in the first quarter than in the
whole of the year before, its director said.</p>
</article></body></html>
"""


def test_a_page_whose_day_is_not_read_has_the_days_it_shows_named(project_copy: Path) -> None:
    """Walk 29: 40 of 144 captures left 'published' to fill in, among them pages showing
    only when they were updated ("Updated: 2025-04-23 21:45", China Daily, the Chinese
    foreign ministry) or a <meta name="date"> (tagesschau.de): the archivist had to search
    each capture for it.  add names the days the page shows, with their lines (not the
    text's own dates: "on April 2, 1992")."""
    (project_copy / "inbox").mkdir(exist_ok=True)
    (project_copy / "inbox/page.html").write_text(UPDATED_ONLY, encoding="utf-8")
    added = cli("add", "inbox/page.html", "--id", "trade-role", cwd=project_copy)
    assert added.returncode == 0, added.stderr
    assert (
        "published: the day it was published, YYYY-MM-DD (or YYYY-MM, YYYY when no more is known) (not read, but the capture shows "
        "2025-04-23 on line 3, 2025-04-24 on line 5: is one of them that day?)"
    ) in added.stdout
    meta = (project_copy / "content/articles/trade-role.meta.yaml").read_text(encoding="utf-8")
    assert "# The capture shows 2025-04-23 on line 3, 2025-04-24 on line 5;" in meta
    assert yaml.safe_load(meta)["published"] is None  # a hint, never the value


def test_a_release_s_place_and_day_on_a_line_of_its_own_is_a_day_it_shows() -> None:
    """Iran's foreign ministry's statement copied as text, "Tehran, 9 August 2025" under its
    headline (walk-through 31): add named no day the capture shows, as it does an update's
    stamp; a place before the day is a release's date line (a sentence holding a day is
    none)."""
    from archive_site.readers.stamps import days_shown

    head = "Statement on the Washington declaration\n\n{}\n\nThe spokesman said on Saturday.\n"
    assert days_shown(head.format("Tehran, 9 August 2025")) == [(3, "2025-08-09")]
    assert days_shown(head.format("Brussels, 29 January 2024")) == [(3, "2024-01-29")]
    assert days_shown(head.format("In Tehran, the talks of 9 August 2025 ended.")) == []


BOLD_INTERVIEW = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>'We will not choose': an interview</title>
<script type="application/ld+json">{"@type": "NewsArticle",
"headline": "'We will not choose': an interview", "datePublished": "2025-04-27T05:00:00Z",
"publisher": {"@type": "Organization", "name": "The Guardian"}}</script>
</head><body><article><h1>'We will not choose': an interview</h1>
<p>Jeyhun Bayramov receives visitors in a wood-panelled office in Baku.</p>
<p><strong>Is Azerbaijan turning east?</strong></p>
<p>No. We will not choose between east and west.</p>
<p><strong>How close is the peace treaty?</strong></p>
<p>The text is agreed.</p>
</article></body></html>
"""


def test_a_news_page_whose_paragraphs_make_turns_is_said_to_be_maybe_an_interview(
    project_copy: Path,
) -> None:
    """Walk 29: add said of the Guardian's interview "kind: news (line 7)" (its JSON-LD's
    NewsArticle) and "Nothing else is required": nothing told the archivist that its
    questions in bold make an interview's turns once the metadata says it is one."""
    (project_copy / "inbox").mkdir(exist_ok=True)
    (project_copy / "inbox/bold.html").write_text(BOLD_INTERVIEW, encoding="utf-8")
    added = cli("add", "inbox/bold.html", "--id", "bayramov", cwd=project_copy)
    assert added.returncode == 0, added.stderr
    assert "note: its 'news' is the page's schema.org NewsArticle" in added.stdout
    assert "say 'kind: interview' in the metadata" in added.stdout
    meta = project_copy / "content/articles/bayramov.meta.yaml"
    assert yaml.safe_load(meta.read_text(encoding="utf-8"))["kind"] is None  # the page's, then
    assert cli("check", cwd=project_copy).returncode == 0
    fill_in(meta, {"kind": "interview"})
    fill_in(meta, {"interviewer": "xinhua", "interviewee": "ilham-aliyev"})
    assert cli("check", cwd=project_copy).returncode == 0
    art = load_archive(project_copy / "content").article("bayramov")
    assert [p.role for p in art.paragraphs] == ["lead", "question", "answer", "question", "answer"]
    # a page whose paragraphs make no turns has no such note
    plain = BOLD_INTERVIEW.replace("<strong>", "").replace("</strong>", "")
    (project_copy / "inbox/plain.html").write_text(plain, encoding="utf-8")
    added = cli("add", "inbox/plain.html", "--id", "plain-page", cwd=project_copy)
    assert "NewsArticle" not in added.stdout


_KILLED_WHILE_WRITING = """
import resource, signal, sys
from archive_site.commands.cli import main
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[3]), resource.RLIM_INFINITY))
signal.signal(signal.SIGXFSZ, signal.SIG_DFL)  # past the limit, the process is killed
main(["add", sys.argv[1], "--content", sys.argv[2]])
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="SIGXFSZ, RLIMIT_FSIZE")
def test_an_add_killed_while_writing_leaves_no_half_article(
    project_copy: Path, tmp_path: Path
) -> None:
    """``add`` wrote a Markdown article in place: killed half-way (a kill, a crash, a
    closed laptop), it left half an article, with its front matter whole, which the next
    build published as the article."""
    import os
    import signal

    body = "".join(f"Paragraph {n} of a long note on the partnership.\n\n" for n in range(2000))
    note = tmp_path / "note.md"
    note.write_text(
        "---\ntitle: A long note\npublished: 2025-05-01\noutlet: EDnews\nkind: news\n---\n\n"
        + body,
        encoding="utf-8",
    )
    content = project_copy / "content"
    before = sorted(p.name for p in (content / "articles").iterdir())
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": str(ROOT / "src")}
    run = subprocess.run(
        [sys.executable, "-c", _KILLED_WHILE_WRITING, str(note), str(content), "30000"],
        cwd=project_copy,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == -signal.SIGXFSZ, run.stderr
    visible = sorted(p.name for p in (content / "articles").iterdir() if p.name[0] != ".")
    assert visible == before
    assert cli("check", "-q", cwd=project_copy).returncode == 0


def test_add_dry_run_says_what_it_would_do_and_writes_nothing(project_copy: Path) -> None:
    """A newcomer trying add on a capture had to delete the two files it wrote to undo it:
    ``--dry-run`` says all that add says, then that it wrote nothing (flow56)."""
    inbox = project_copy / "inbox"
    inbox.mkdir()
    (inbox / "ferries.txt").write_text(PLAIN_TEXT, encoding="utf-8")
    (inbox / "ferries.md").write_text(HAND_WRITTEN, encoding="utf-8")
    export = ROOT / "tests/fixtures/database/nexis-uni-three-documents.txt"
    before = articles_listing(project_copy)

    dry = cli("add", "inbox/ferries.txt", "--dry-run", cwd=project_copy)
    assert (dry.returncode, dry.stderr) == (0, "")
    assert articles_listing(project_copy) == before
    said = dry.stdout.splitlines()
    assert said[1] == (
        "Would copy inbox/ferries.txt to content/articles/ferries.capture.txt "
        f"({len(PLAIN_TEXT.encode()):,} bytes, unchanged; read as 'plain')"
    )
    assert said[2] == "Would write content/articles/ferries.meta.yaml"
    assert "Still to fill in, in content/articles/ferries.meta.yaml:" in said
    assert said[-1] == (
        "Nothing was written (--dry-run): run the command without it to add the capture."
    )
    # then the same command without it: what it said, done
    wet = cli("add", "inbox/ferries.txt", cwd=project_copy)
    assert wet.returncode == 0
    assert wet.stdout.replace("Copied", "Would copy").replace("Wrote", "Would write") == (
        "\n".join(said[:-1]) + "\n"
    )
    assert set(articles_listing(project_copy)) - set(before) == {
        "ferries.capture.txt",
        "ferries.meta.yaml",
    }

    before = articles_listing(project_copy)
    markdown = cli("add", "inbox/ferries.md", "--dry-run", cwd=project_copy)
    assert markdown.returncode == 0 and "Would copy it to content/articles/" in markdown.stdout
    several = cli("add", str(export), "--dry-run", cwd=project_copy)
    assert several.returncode == 0 and "Would add 3 of 3 documents." in several.stdout
    assert articles_listing(project_copy) == before
    # a taken id is refused as it would be
    (inbox / "ferries.txt").write_text(PLAIN_TEXT + "\nMore.\n", encoding="utf-8")
    taken = cli("add", "inbox/ferries.txt", "--id", "ferries", "--dry-run", cwd=project_copy)
    assert taken.returncode == 1 and "--id ferries-2" in taken.stderr
    # and bytes already there, as they are: no word of running it again
    (inbox / "ferries.txt").write_text(PLAIN_TEXT, encoding="utf-8")
    again = cli("add", "inbox/ferries.txt", "--dry-run", cwd=project_copy)
    assert again.returncode == 0 and "is already in the archive" in again.stdout
    assert "--dry-run" not in again.stdout


def test_add_says_why_a_page_has_no_article_text(project_copy: Path) -> None:
    """A page with no article text was refused as "no article text found in the capture",
    whatever the reader found (walk54: Pocket's export of saved links, a gallery of
    captions): the reader's own word on why is said, on its line."""
    fixture = Path(__file__).parent / "fixtures/pages/pocket-export.html"
    (project_copy / "export.html").write_bytes(fixture.read_bytes())
    result = cli("add", "export.html")
    assert result.returncode == 1
    assert (
        "export.html:14: no article text found in the page: its only words outside its "
        "furniture are a heading or a label or three, of no sentence ('Read Archive')"
    ) in result.stderr, result.stderr


def test_add_says_a_saved_page_s_folder_of_assets_is_not_copied(project_copy: Path) -> None:
    """A page saved with Chrome as "Webpage, Complete" comes with its images, style sheets
    and scripts in a folder beside it, ``NAME_files`` (walk54): add copied the page alone and
    said nothing of the folder."""
    inbox = project_copy / "inbox"
    (inbox / "ferries_files").mkdir(parents=True)
    (inbox / "ferries_files" / "style.css").write_text("body { margin: 0 }\n")
    (inbox / "ferries.html").write_text(
        "<html><head><title>Ferries</title></head><body><h1>Ferries on the Caspian</h1>"
        "<p>Azerbaijan and Kazakhstan have agreed to add ferries on the route between Aktau "
        "and Alat, officials said on Wednesday.</p></body></html>\n",
        encoding="utf-8",
    )
    result = cli("add", "inbox/ferries.html", cwd=project_copy)
    assert result.returncode == 0, result.stderr
    assert (
        "Not copied: inbox/ferries_files, the page's images, style sheets and scripts as the "
        "browser saved them beside it; the site neither reads nor publishes them"
    ) in result.stdout
    assert not list((project_copy / "content/articles").glob("*_files"))


def _utc_page(url: str, lang: str = "en") -> str:
    """A page whose JSON-LD gives its time in UTC only, at 21:30 on 23 April 2025."""
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        "<title>Tokyo signs Caspian deal</title>\n"
        f'<meta property="og:url" content="{url}">\n'
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":'
        '"NewsArticle","headline":"Tokyo signs Caspian deal","datePublished":'
        '"2025-04-23T21:30:00Z","publisher":{"@type":"Organization","name":"Nippon Daily"}}'
        "</script>\n</head><body><article><h1>Tokyo signs Caspian deal</h1>\n"
        "<p>Japan signed a transport deal with Azerbaijan on Thursday, the ministry said.</p>\n"
        "</article></body></html>\n"
    )


@pytest.mark.parametrize(
    ("url", "lang", "said"),
    [
        ("https://www.nippon-daily.jp/news/deal", "en", "there that moment is 24 April 2025,"),
        ("https://vesti.ru/news/deal", "ru", "is 23 April 2025 or 24 April 2025,"),
        ("https://caspianwire.com/news/deal", "en", None),  # nothing says where: the UTC day
        ("https://caspianwire.com/news/deal", "en-GB", None),
    ],
)
def test_add_says_once_when_a_utc_time_may_be_the_outlet_s_next_day(
    project_copy: Path, url: str, lang: str, said: str | None
) -> None:
    """dates62 left ``add`` silent on a page dated ``21:30Z`` whose address is in Japan:
    only ``suggest`` read its "on Thursday" against Tokyo's 24 April. The archivist adding
    it is told, once, with the line, and the date it keeps is the UTC day, which is true."""
    (project_copy / "inbox").mkdir(exist_ok=True)
    (project_copy / "inbox/utc.html").write_text(_utc_page(url, lang), encoding="utf-8")
    added = cli("add", "inbox/utc.html", "--id", "utc-page", cwd=project_copy)
    assert added.returncode == 0, added.stderr
    notes = [line for line in added.stdout.splitlines() if "given in UTC only" in line]
    assert len(notes) == (0 if said is None else 1)
    if said is not None:
        assert notes[0].startswith("note: content/articles/utc-page.capture.html:")
        assert said in notes[0]
        assert "'published' keeps the UTC day" in notes[0]
    meta = yaml.safe_load(
        (project_copy / "content/articles/utc-page.meta.yaml").read_text(encoding="utf-8")
    )
    assert "published" not in meta or meta["published"] in (None, "2025-04-23")
