"""A record's page the last build wrote and this one would not (a milestone withdrawn, then
deleted; an article removed): its address, which readers may cite, would be the 404 page
again. The build warns, naming the record and what keeps the address (``withdrawn:``, a
``former_ids``), and ``--strict`` stops it with the previous site left as it was. Only
the warning depends on the previous output: what is written is the same as a cold build's.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from archive_site.errors import ArchiveError, display_path
from archive_site.pipeline import Paths, Report, build
from archive_site.write import MANIFEST, foreign_entries, gone_pages
from bounds import within
from conftest import TEST_BASE_URL, cli, cold_builds, edit, small_archive
from test_withdrawn import PAGE, WITHDRAWN, delete, withdraw

NOTE = "2025-05-01-note"


def _build(project: Path, out: Path, *, strict: bool = False) -> Report:
    with pytest.MonkeyPatch.context() as m:
        cold_builds(m)
        return build(
            Paths(project / "content", project / "templates", out),
            base_url=TEST_BASE_URL,
            strict=strict,
            search=False,
        )


def _tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _note(content: Path) -> Path:
    path = content / f"articles/{NOTE}.md"
    path.write_text(
        "---\ntitle: A note on the port\npublished: 2025-05-01\noutlet: EDnews\nkind: news\n"
        "---\n\nThe port handled more cargo in April than in any month before.\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path]:
    """The small archive, with a Markdown article, built once into ``dist``."""
    project = small_archive(tmp_path / "project")
    _note(project / "content")
    out = tmp_path / "dist"
    assert not _build(project, out).warnings
    assert (out / PAGE).is_file() and (out / f"articles/{NOTE}.html").is_file()
    return project, out


def test_a_milestone_deleted_after_the_last_build_is_warned_of_by_id_and_remedy(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    project, out = built
    delete(project / "content")
    (project / f"content/articles/{NOTE}.md").unlink()
    report = _build(project, out)
    assert len(report.warnings) == 3, [d.message for d in report.warnings]
    by_kind = {d.message.split("'")[0]: d for d in report.warnings if "'" in d.message[:20]}
    milestone = by_kind["the milestone "]
    assert milestone.path.endswith("content/milestones.yaml") and milestone.line is None
    assert milestone.severity == "warning"
    assert milestone.message.startswith(
        f"the milestone '{WITHDRAWN}' is gone: the last build into "
    )
    assert f"wrote its page, {PAGE}, and this one would not" in milestone.message
    assert "would be the 404 page" in milestone.message
    assert "'withdrawn:'" in milestone.message
    assert f"give '{WITHDRAWN}' in the 'former_ids' of the milestone" in milestone.message
    article = by_kind["the article "]
    assert article.path.endswith("content/articles/")
    assert f"the article '{NOTE}' is gone" in article.message
    assert f"give '{NOTE}' in the 'former_ids' of the article" in article.message
    # and 2014's page, which went with its only milestone
    (year,) = (d for d in report.warnings if d.message.startswith("the year "))
    assert year.path.endswith("content/") and year.line is None
    assert year.message.startswith("the year 2014 is gone: the last build into ")
    assert "wrote its page, years/2014.html, and this one would not" in year.message
    assert "would be the 404 page" in year.message and "'withdrawn:'" in year.message
    # what is written is what a cold build of the same content into a new folder writes
    fresh = tmp_path / "fresh"
    assert not _build(project, fresh).warnings
    assert _tree(out) == _tree(fresh)
    assert not (out / PAGE).exists()
    # the build after knows nothing of it (told once: the output is the only memory)
    assert not _build(project, out).warnings


def test_strict_stops_the_build_and_leaves_the_previous_site(built: tuple[Path, Path]) -> None:
    project, out = built
    delete(project / "content")
    before = _tree(out)
    with pytest.raises(ArchiveError) as caught:
        _build(project, out, strict=True)
    assert [d.message.split(":")[0] for d in caught.value.diagnostics] == [
        f"the milestone '{WITHDRAWN}' is gone",
        "the year 2014 is gone",
    ]
    assert _tree(out) == before
    # and on the command line: exit 1, the report names it, nothing written
    result = cli(
        "build",
        "--content",
        str(project / "content"),
        "--templates",
        str(project / "templates"),
        "-o",
        str(out),
        "--strict",
        env={"ARCHIVE_SITE_NO_CACHE": "1", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 1
    assert f"the milestone '{WITHDRAWN}' is gone" in result.stderr
    assert "Traceback" not in result.stderr
    assert _tree(out) == before


@pytest.mark.parametrize("keep", ["withdrawn", "renamed"])
def test_a_page_kept_at_its_address_is_not_warned_of(built: tuple[Path, Path], keep: str) -> None:
    project, out = built
    content = project / "content"
    if keep == "withdrawn":
        withdraw(content)
    else:
        edit(
            content / "milestones.yaml",
            f"- id: {WITHDRAWN}\n",
            f"- id: {WITHDRAWN}-visit\n  former_ids: [{WITHDRAWN}]\n",
        )
    note = _note(content)
    shutil.move(note, content / "articles/2025-05-01-port.md")
    edit(
        content / "articles/2025-05-01-port.md",
        "kind: news\n",
        f"kind: news\nformer_ids: [{NOTE}]\n",
    )
    report = _build(project, out)
    assert not report.warnings, [d.message for d in report.warnings]
    assert (out / PAGE).is_file() and (out / f"articles/{NOTE}.html").is_file()
    # the page of a year that only a withdrawn milestone has stays (saying so)
    assert (out / "years/2014.html").is_file()


def test_a_year_page_gone_with_its_last_article_is_warned_of(tmp_path: Path) -> None:
    """An article alone in its year (the note of 2013) removed: the year's page goes."""
    project = small_archive(tmp_path / "project")
    note = _note(project / "content")
    edit(note, "published: 2025-05-01\n", "published: 2013-05-01\n")
    out = tmp_path / "dist"
    assert not _build(project, out).warnings
    assert (out / "years/2013.html").is_file()
    note.unlink()
    messages = [d.message for d in _build(project, out).warnings]
    assert [m.split(":")[0] for m in messages] == [
        f"the article '{NOTE}' is gone",
        "the year 2013 is gone",
    ]
    assert "or its last article" in messages[1]


def test_only_the_first_page_of_a_list_is_an_address_warned_of(tmp_path: Path) -> None:
    """The pages past a list's first (``entities/ID/2.html``...) shift as the list grows or
    shrinks: no record's address, never warned of (README, "Renaming or merging a record");
    a record's first page and a year's are."""
    previous = tmp_path / "dist"
    previous.mkdir()
    later = ["entities/x/2.html", "topics/t/3.html", "years/2014/2.html", "milestones/m/2.html"]
    first = ["entities/x.html", "years/2014.html", "years/-5.html"]
    (previous / MANIFEST).write_text(
        "# Files written by archive-site; a build replaces only a folder holding these.\n"
        + "".join(f"{p}\n" for p in sorted([*later, *first, "years/1900-1999.html"])),
        encoding="utf-8",
    )
    gone = gone_pages(previous, [], tmp_path / "content")
    assert [d.message.split(" is gone")[0] for d in gone] == [
        "the entity 'x'",
        "the year -5",
        "the year 2014",
    ]


def test_a_first_build_is_not_warned_of(tmp_path: Path) -> None:
    """No previous output: nothing to compare."""
    project = small_archive(tmp_path / "project")
    delete(project / "content")
    assert not _build(project, tmp_path / "dist").warnings


def _manifest_of(out: Path, lines: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "index.html").write_text("<p>home</p>\n", encoding="utf-8")
    head = "# Files written by archive-site; a build replaces only a folder holding these.\n"
    (out / ".archive-site-files").write_text(head + "index.html\n" + lines, encoding="utf-8")


def test_a_manifest_line_of_many_folders_is_read_in_linear_time(tmp_path: Path) -> None:
    """A hostile or corrupt manifest of the last build: a line of 20,000 folders made the
    set of every line's folders (20,000 of them, 400 MB together; 200,000 folders hung the
    build).  What the folder holds is still told apart from what the manifest lists."""
    out = tmp_path / "dist"
    _manifest_of(out, "a/" * 20_000 + "x.html\nnotes/x.txt\n")
    (out / "a").mkdir()
    (out / "notes").mkdir()
    (out / "mine.txt").write_text("mine\n", encoding="utf-8")
    with within(1.0):
        assert foreign_entries(out) == ["mine.txt"]  # what the manifest lists is no one else's
        assert gone_pages(out, ["index.html"], tmp_path / "content") == []


def test_a_manifest_of_a_million_lines_hostile_or_not_reads_nothing_else(tmp_path: Path) -> None:
    """Paths out of the folder (``..``, absolute, NUL) are no record's page and never
    read; 200,000 gone pages are each warned of, their folders shown once (0.9 s of CPU time;
    5 s when each warning showed its two folders anew)."""
    out = tmp_path / "dist"
    hostile = "../../etc/passwd\n/etc/passwd\narticles/\0x.html\narticles/../../x.html\n"
    many = "".join(f"articles/gone-{i}.html\n" for i in range(200_000))
    _manifest_of(out, hostile + many)
    with within(2.5):
        warnings = gone_pages(out, ["index.html"], tmp_path / "content")
    assert len(warnings) == 200_000
    assert {w.path for w in warnings} == {display_path(tmp_path / "content/articles") + "/"}
    assert foreign_entries(out) == []
