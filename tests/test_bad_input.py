"""Bad content: a clear error naming the file and line, exit 1, no traceback, dist/ untouched.

Each case runs ``python build.py`` (its entry point, in-process; the exit status of a real
process in two of them) in a copy of the project.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from archive_site.load import load_archive
from conftest import COMMENTARY, INTERVIEW, cli, edit, run_cli


def tree_digest(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def problems_of(stderr: str) -> list[str]:
    """The numbered problem lines: ``1. content/x.yaml:7: message``."""
    return re.findall(r"^\s*\d+\. (.+)$", stderr, flags=re.MULTILINE)


def assert_clean_failure(result: object) -> None:
    assert result.returncode == 1, (result.stdout, result.stderr)  # type: ignore[attr-defined]
    out = result.stdout + result.stderr  # type: ignore[attr-defined]
    assert "Traceback" not in out
    assert "nothing was written; the output folder is unchanged" in result.stderr  # type: ignore[attr-defined]


def failed_build_problems(project: Path) -> list[str]:
    """The problems of ``python build.py`` in ``project``, which must fail cleanly."""
    result = cli(cwd=project)
    assert_clean_failure(result)
    return problems_of(result.stderr)


MILESTONES = "content/milestones.yaml"


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        pytest.param(
            MILESTONES,
            "totaling 3.744 billion US dollars.",
            "totaling 3.745 billion US dollars.",
            "quote: the quote is not in the text of '2025-04-21-aliyev-xinhua-interview': "
            "the first 128 characters match paragraph p12, then the quote has '5 billion US dollars.' "
            "where the text has '4 billion US dollars. In'",
            id="one-character-of-a-quote",
        ),
        pytest.param(
            MILESTONES,
            "- article: 2025-04-21-aliyev-xinhua-interview\n      quote: At the invitation of President Xi Jinping",
            "- article: 2025-04-21-aliyev-xinhua-interviews\n      quote: At the invitation of President Xi Jinping",
            "article: unknown article '2025-04-21-aliyev-xinhua-interviews' (did you mean "
            "'2025-04-21-aliyev-xinhua-interview'? see articles/)",
            id="unknown-article",
        ),
        pytest.param(
            MILESTONES,
            "entities: [ilham-aliyev, xi-jinping, china]\n  sources:\n    - article: 2025-04-21-aliyev-xinhua-interview\n      quote: At",
            "entities: [ilham-aliyev, xi-jinpin, china]\n  sources:\n    - article: 2025-04-21-aliyev-xinhua-interview\n      quote: At",
            "entities: unknown entity 'xi-jinpin' (did you mean 'xi-jinping'? see entities.yaml)",
            id="unknown-entity",
        ),
        pytest.param(
            MILESTONES,
            "date: 1992-04-02",
            "date: 1992-04-31",
            "date: day 31 does not exist in April 1992 ('1992-04-31')",
            id="malformed-date",
        ),
        pytest.param(
            MILESTONES,
            "  title: Diplomatic relations established",
            "  title: Diplomatic relations: established",
            "YAML: mapping values are not allowed in this context (text containing ': ' must be in quotes)",
            id="broken-yaml",
        ),
        pytest.param(
            "content/topics.yaml",
            "- id: trade\n",
            "- id: trade\n  colour: red\n",
            "colour: unknown key in topic",
            id="unknown-key",
        ),
        pytest.param(
            "content/topics.yaml",
            "- id: trade\n",
            "- id: trade\n  descripton: Trade in goods.\n",
            "descripton: unknown key in topic (did you mean 'description'? known keys:",
            id="misspelt-key",
        ),
        pytest.param(
            f"content/articles/{COMMENTARY}.meta.yaml",
            "kind: opinion\n",
            "kind: opinion\ntitle: A different headline\n",
            "title: the metadata says 'A different headline' but the capture says "
            "'The Azerbaijan-China strategic partnership is reaching a new stage' (line 1)",
            id="metadata-disagrees-with-capture",
        ),
        pytest.param(
            f"content/articles/{COMMENTARY}.meta.yaml",
            "kind: opinion\n",
            "kind: opinion\noverrides: [outlet]\n",
            "overrides: names 'outlet', but the metadata gives no outlet, and an article must "
            f"have one: write 'outlet:' with the right value in content/articles/{COMMENTARY}"
            ".meta.yaml",
            id="override-without-a-value",
        ),
        pytest.param(  # (a line of every list, citation or data file, as a title is)
            f"content/articles/{COMMENTARY}.meta.yaml",
            "kind: opinion\nshort_title",
            f"kind: opinion\norigin: {'Long ' * 500}\nshort_title",
            "origin: 2,499 characters, longer than a line of a record may be (at most 2,000)",
            id="origin-too-long",
        ),
        pytest.param(
            f"content/articles/{COMMENTARY}.meta.yaml",
            "original_name: 000_",
            f"original_name: {'Long ' * 500}000_",
            "original_name: 2,524 characters, longer than a line of a record may be (at most 2,000)",
            id="original-name-too-long",
        ),
        pytest.param(
            f"content/articles/{COMMENTARY}.meta.yaml",
            'short_title: "EDnews',
            f'short_title: "{"Long " * 500}EDnews',
            "short_title: 2,535 characters, longer than a line of a record may be (at most 2,000)",
            id="short-title-too-long",
        ),
        pytest.param(
            f"content/articles/{COMMENTARY}.meta.yaml",
            "kind: opinion\n",
            "kind: opinion\noverrides: [kind]\n",
            "overrides: 'kind' is not a field a capture states (title, published,",
            id="override-of-no-captured-field",
        ),
        pytest.param(
            f"content/articles/{INTERVIEW}.meta.yaml",
            "kind: interview\n",
            "kind: news\n",
            "kind: the metadata says 'news' but the capture is an interview",
            id="kind-disagrees",
        ),
        pytest.param(
            "content/site.yaml",
            "base_url: https://example.github.io/archive-site/",
            "base_url: example.github.io/archive-site",
            "base_url: expected an absolute http(s) URL",
            id="bad-base-url",
        ),
        pytest.param(  # (the templates do not show it yet: a later one would; audit 7)
            "content/site.yaml",
            "base_url: https://example.github.io/archive-site/",
            "repository: javascript:x()\nbase_url: https://example.github.io/archive-site/",
            "repository: expected an http(s) URL, got 'javascript:x()'",
            id="bad-repository",
        ),
        pytest.param(
            "content/site.yaml",
            "publisher: archive-site contributors",
            "menu: [about, method]\npublisher: archive-site contributors",
            "menu: no page 'method' (there is no pages/method.md)",
            id="menu-of-no-page",
        ),
        pytest.param(
            "content/site.yaml",
            "publisher: archive-site contributors",
            "menu: [about, about]\npublisher: archive-site contributors",
            "menu: the page 'about' is named twice",
            id="menu-naming-a-page-twice",
        ),
        pytest.param(  # 'menu' was read only when given, so no error named it a known key
            "content/site.yaml",
            "publisher: archive-site contributors",
            "meun: [about]\npublisher: archive-site contributors",
            "meun: unknown key in site.yaml (did you mean 'menu'? known keys: base_url, "
            "description, language, license, menu, publisher, repository, subject, title)",
            id="misspelt-menu",
        ),
        pytest.param(  # a mark alone would be found in every text (audit 7)
            "content/entities.yaml",
            "aliases: [Xinhua]",
            'aliases: [Xinhua, "."]',
            "the name '.' holds no letter or digit",
            id="alias-of-no-word",
        ),
    ],
)
def test_each_kind_of_bad_input(
    project_copy: Path, file: str, old: str, new: str, message: str
) -> None:
    line = edit(project_copy / file, old, new)
    # When the edit spans lines, the problem is on one of them.
    lines = range(line, line + old.count("\n") + 1)
    result = cli(cwd=project_copy)
    assert_clean_failure(result)
    found = problems_of(result.stderr)
    assert any(p.startswith(f"{file}:{n}: ") and message in p for p in found for n in lines), (
        f"expected {file}:{list(lines)}: {message!r} in:\n{result.stderr}"
    )
    assert not (project_copy / "dist").exists()


def test_a_milestone_with_an_empty_list_of_sources_is_an_error(project_copy: Path) -> None:
    """``sources: []`` passed ``check`` and the build left the milestone out without a word
    (a missing ``sources`` was an error already)."""
    path = project_copy / MILESTONES
    text = path.read_text(encoding="utf-8")
    line = text.count("\n") + 1
    path.write_text(
        text + "- id: no-sources\n  date: '1066'\n  title: T\n  summary: S\n"
        "  topics: [diplomacy]\n  sources: []\n",
        encoding="utf-8",
    )
    found = failed_build_problems(project_copy)
    assert (
        f"{MILESTONES}:{line + 5}: sources: needs at least one source (the list is empty)" in found
    )
    assert not (project_copy / "dist").exists()


def test_sources_written_without_the_item_s_dash_are_told_to_open_with_one(
    project_copy: Path,
) -> None:
    """``sources:`` with its keys but no ``- `` was told "expected a list" (flow56)."""
    path = project_copy / MILESTONES
    text = path.read_text(encoding="utf-8")
    line = text.count("\n") + 1
    path.write_text(
        text + "- id: no-dash\n  date: '1066'\n  title: T\n  summary: S\n"
        "  topics: [diplomacy]\n  sources:\n    article: x\n    quote: y\n",
        encoding="utf-8",
    )
    told = (
        f"{MILESTONES}:{line + 5}: sources: expected a list of items, each opening with "
        "'- ', and got keys with none: put '- ' before the first key of each item"
    )
    found = failed_build_problems(project_copy)
    assert told in found, found


@pytest.mark.parametrize("text", ["", "# none yet\n"])
def test_an_empty_list_of_entities_says_how_to_write_none(project_copy: Path, text: str) -> None:
    """An empty file, or one of comments only, was told "expected a list", not how to say
    that there are none yet."""
    (project_copy / "content/entities.yaml").write_text(text, encoding="utf-8")
    found = failed_build_problems(project_copy)
    told = "holds no entities: write [] for none, or list them (each item starting with '- id:')"
    assert any(p.endswith(f"entities.yaml:1: {told}") for p in found), found


def test_a_mapping_for_a_list_of_topics_says_what_it_expects(project_copy: Path) -> None:
    (project_copy / "content/topics.yaml").write_text("id: transport\n", encoding="utf-8")
    found = failed_build_problems(project_copy)
    assert any("expected a list of topics (each item" in p for p in found), found


def test_the_metadata_overrides_what_the_capture_is_misread_to_say(project_copy: Path) -> None:
    """A value the capture is read to say could not be corrected: saying another in the
    metadata was an error telling to correct the capture, which is never edited (an
    archive.today page's outlet read as 'archive.ph')."""
    meta = project_copy / f"content/articles/{COMMENTARY}.meta.yaml"
    edit(meta, "kind: opinion\n", "kind: opinion\ntitle: A corrected headline\n")
    result = cli("check", cwd=project_copy)
    assert result.returncode == 1
    assert "keep yours with 'overrides: [title]'" in result.stderr
    edit(meta, "kind: opinion\n", "kind: opinion\noverrides: [title]\n")
    result = cli("check", cwd=project_copy)
    assert result.returncode == 0, result.stderr
    article = load_archive(project_copy / "content").article(COMMENTARY)
    assert article.title == "A corrected headline" and not article.title_from_capture


def test_a_misread_value_an_article_may_lack_is_dropped_by_overrides(project_copy: Path) -> None:
    """hostile61's left-alone: ``overrides: [author]`` with no author in the metadata was
    refused ("the metadata gives no author:", the sentence left unfinished), so a value
    the capture misreads could be replaced but not dropped, though a field in doubt is
    left out rather than guessed. A field an article may lack (author, section, url,
    time, timezone, captured) is now dropped; one it must have (title, published, outlet)
    is an error once, saying what to write, and not again as one the capture does not say."""
    meta = project_copy / f"content/articles/{COMMENTARY}.meta.yaml"
    edit(meta, "kind: opinion\n", "kind: opinion\noverrides: [author, section]\n")
    result = cli("check", cwd=project_copy)
    assert result.returncode == 0, result.stderr
    article = load_archive(project_copy / "content").article(COMMENTARY)
    assert (article.author, article.section) == (None, None)
    edit(meta, "overrides: [author, section]", "overrides: [author, title]")
    assert failed_build_problems(project_copy) == [
        f"content/articles/{COMMENTARY}.meta.yaml:6: overrides: names 'title', but the "
        "metadata gives no title, and an article must have one: write 'title:' with the "
        f"right value in content/articles/{COMMENTARY}.meta.yaml"
    ]


def test_a_missing_capture_is_named(project_copy: Path) -> None:
    capture = project_copy / f"content/articles/{COMMENTARY}.capture.txt"
    capture.unlink()
    result = cli(cwd=project_copy)
    assert_clean_failure(result)
    found = problems_of(result.stderr)
    assert found[0] == (
        f"content/articles/{COMMENTARY}.meta.yaml: capture not found: expected "
        f"{COMMENTARY}.capture.txt beside this metadata file"
    )
    # The first source quoting it says why it cannot be checked, not that it is unknown;
    # the others say nothing more (each said the same, and an inferred date's note was
    # asked for where the source stating the year had not loaded).
    assert found[1:] == [
        f"content/milestones.yaml:{found[1].split(':')[1]}: article: article "
        f"'{COMMENTARY}' did not load (its problems are listed); no source quoting it is "
        "checked until it does"
    ]


def test_a_capture_without_metadata_is_not_skipped(project_copy: Path) -> None:
    (project_copy / f"content/articles/{COMMENTARY}.meta.yaml").unlink()
    result = cli(cwd=project_copy)
    assert_clean_failure(result)
    assert problems_of(result.stderr)[0] == (
        f"content/articles/{COMMENTARY}.capture.txt: capture has no metadata file: "
        f"expected content/articles/{COMMENTARY}.meta.yaml beside it"
    )


def test_a_markdown_article_with_the_id_of_a_capture_is_not_taken_for_it(
    project_copy: Path,
) -> None:
    """``ID.md`` beside ``ID.capture.txt`` silently replaced the captured article."""
    (project_copy / f"content/articles/{COMMENTARY}.md").write_text(
        "---\ntitle: Another text\npublished: 2025-04-23\noutlet: X\nkind: news\n---\n\n"
        "Some other text.\n",
        encoding="utf-8",
    )
    assert failed_build_problems(project_copy) == [
        f"content/articles/{COMMENTARY}.md: a second article '{COMMENTARY}': "
        f"{COMMENTARY}.capture.txt is that article already (an article is one capture with "
        "its metadata, or one Markdown file)"
    ]


def test_a_bad_value_the_capture_gives_is_told_on_the_capture(project_copy: Path) -> None:
    """A wire story's stamp with the offset GMT+99 was told as the metadata file's line 1."""
    fixture = Path(__file__).parent / "fixtures/wire/kazinform-style.txt"
    text = fixture.read_text(encoding="utf-8").replace("(GMT+5)", "(GMT+99)")
    folder = project_copy / "content/articles"
    (folder / "2024-07-03-sco.capture.txt").write_text(text, encoding="utf-8")
    (folder / "2024-07-03-sco.meta.yaml").write_text("outlet: Kazinform\nkind: news\n")
    assert failed_build_problems(project_copy) == [
        "content/articles/2024-07-03-sco.capture.txt:1: timezone: expected an offset such as "
        "+04:00, got '+99:00' (the capture is never edited: if it is misread, write 'timezone:' "
        "with the right value in content/articles/2024-07-03-sco.meta.yaml, and "
        "'overrides: [timezone]'; or 'overrides: [timezone]' alone, to give none)"
    ]


def test_a_stray_file_in_articles_is_reported(project_copy: Path) -> None:
    (project_copy / "content/articles/notes.txt").write_text("a capture without its suffix\n")
    assert failed_build_problems(project_copy) == [
        "content/articles/notes.txt: not an article file: captures are ID.capture.txt "
        "(or .capture.html, .capture.mhtml, .capture.webarchive, .capture.warc, "
        ".capture.warc.gz, .capture.wacz) with ID.meta.yaml beside them, hand-written "
        "articles are ID.md"
    ]


def test_a_pages_folder_of_images_in_articles_is_told_for_a_folder(project_copy: Path) -> None:
    """A page saved as "Webpage, Complete" with its folder of images, style sheets and
    scripts beside it, both put in content/articles/ (walk54): the folder was "not an
    article file", as a stray file is, which says nothing of what to do with it."""
    folder = project_copy / "content/articles/2025-04-23-ferries.capture_files"
    folder.mkdir()
    (folder / "style.css").write_text("body { margin: 0 }\n")
    problems = failed_build_problems(project_copy)
    assert problems == [
        "content/articles/2025-04-23-ferries.capture_files: a folder, which is not read: "
        "content/articles/ holds each article's files, not folders; a page saved with the "
        'browser as "Webpage, Complete" keeps its images, style sheets and scripts in a folder '
        "beside it (NAME_files), which archive-site neither reads nor publishes: move the "
        "folder out of content/articles/ and keep it with your own records (the page is its "
        "capture, ID.capture.html)"
    ]


def test_an_id_that_would_take_one_of_the_site_s_own_pages_is_refused_on_its_line(
    project_copy: Path,
) -> None:
    entities = project_copy / "content/entities.yaml"
    line = edit(entities, "- id: ilham-aliyev", "- id: index")
    topics = project_copy / "content/topics.yaml"
    topic_line = edit(topics, "- id: diplomacy", "- id: index")
    articles = project_copy / "content/articles"
    (articles / f"{INTERVIEW}.capture.txt").rename(articles / "index.capture.txt")
    (articles / f"{INTERVIEW}.meta.yaml").rename(articles / "index.meta.yaml")
    problems = failed_build_problems(project_copy)
    own = "the site's own page: choose another id"
    for expected in (
        f"content/entities.yaml:{line}: id: 'index' would put its page at entities/index.html, {own}",
        f"content/topics.yaml:{topic_line}: id: 'index' would put its page at topics/index.html, {own}",
        f"content/articles/index.capture.txt: file name: 'index' would put its page at "
        f"articles/index.html, {own}",
    ):
        assert expected in problems, problems
    assert not [p for p in problems if "two outputs have the same path" in p]


def test_an_id_windows_keeps_for_a_device_is_refused(project_copy: Path) -> None:
    """``articles/con.html``, ``entities/nul.html`` cannot exist on Windows: such an archive
    could not be checked out or built there (audit 7)."""
    line = edit(project_copy / "content/entities.yaml", "- id: ilham-aliyev", "- id: nul")
    (project_copy / "content/pages/aux.md").write_text("# Aux\n\nText.\n", encoding="utf-8")
    problems = failed_build_problems(project_copy)
    device = "is the name of a Windows device: no file may bear it there (choose another)"
    for expected in (
        f"content/entities.yaml:{line}: id: 'nul' {device}",
        f"content/pages/aux.md: file name: 'aux' {device}",
    ):
        assert expected in problems, problems


def test_a_hidden_article_file_is_said_to_be_left_out(project_copy: Path) -> None:
    articles = project_copy / "content/articles"
    capture = (articles / f"{INTERVIEW}.capture.txt").read_bytes()
    (articles / ".draft.capture.txt").write_bytes(capture)
    (articles / ".draft.meta.yaml").write_text("kind: news\n", encoding="utf-8")
    for junk in (".DS_Store", "._x.capture.txt", ".#notes.md", ".gitkeep"):
        (articles / junk).write_bytes(b"\x00\x01")  # macOS's, an editor's lock, git's
    result = cli("check", cwd=project_copy)
    assert result.returncode == 0, result.stderr
    hidden = "a hidden file (its name starts with a dot) is not read as an article"
    warnings = [line for line in result.stderr.splitlines() if hidden in line]
    assert [w.split(": warning:")[0].split(". ", 1)[1] for w in warnings] == [
        "content/articles/.draft.capture.txt",
        "content/articles/.draft.meta.yaml",
    ]
    strict = cli("check", "--strict", cwd=project_copy)
    assert strict.returncode == 1 and hidden in strict.stderr


def test_a_hidden_page_is_said_to_be_left_out(project_copy: Path) -> None:
    """A page hidden by a leading dot (``pages/.draft.md``) was left out without a word,
    where an article so hidden is said to be."""
    pages = project_copy / "content/pages"
    (pages / ".draft.md").write_bytes((pages / "about.md").read_bytes())
    for junk in (".DS_Store", "._about.md", ".#about.md"):
        (pages / junk).write_bytes(b"\x00\x01")  # macOS's, an editor's lock
    result = cli("check", cwd=project_copy)
    assert result.returncode == 0, result.stderr
    hidden = "a hidden file (its name starts with a dot) is not read as a page"
    warnings = [line for line in result.stderr.splitlines() if hidden in line]
    assert [w.split(": warning:")[0].split(". ", 1)[1] for w in warnings] == [
        "content/pages/.draft.md"
    ]


def test_editors_files_beside_content_are_not_read(project_copy: Path) -> None:
    """Emacs's and Kate's backups (``NAME~``), swap files, ``#NAME#`` and Vim's ``4913``
    were "not an article file" errors: ``serve`` stopped at the first save."""
    content = project_copy / "content"
    articles = content / "articles"
    meta = (articles / f"{INTERVIEW}.meta.yaml").read_bytes()
    for name in (f"{INTERVIEW}.meta.yaml~", f"#{INTERVIEW}.md#", "4913", "x.capture.txt.swp"):
        (articles / name).write_bytes(meta)
    (content / "milestones.yaml~").write_bytes(b"- broken: [\n")
    (content / "pages" / "about.md~").write_bytes(b"old")
    result = cli("check", "--strict", cwd=project_copy)
    assert result.returncode == 0, result.stderr
    assert "~" not in result.stderr and "4913" not in result.stderr
    # an article's file with any other ending is still refused
    (articles / f"{INTERVIEW}.meta.yaml.old").write_bytes(meta)
    assert "not an article file" in cli("check", cwd=project_copy).stderr


def test_a_capture_that_is_not_utf8(project_copy: Path) -> None:
    path = project_copy / f"content/articles/{INTERVIEW}.capture.txt"
    data = path.read_bytes()
    path.write_bytes(data.replace(b"Astana", "Astanä".encode("latin-1"), 1))
    result = cli(cwd=project_copy)
    assert_clean_failure(result)
    first = problems_of(result.stderr)[0]
    assert first.startswith(f"content/articles/{INTERVIEW}.capture.txt:5: not UTF-8 text")


def test_all_problems_of_a_run_are_reported_together_and_numbered(project_copy: Path) -> None:
    ms = project_copy / MILESTONES
    l1 = edit(ms, "totaling 3.744 billion", "totaling 3.745 billion")
    l2 = edit(ms, "date: 2019/2023", "date: 2019/2015")
    l3 = edit(
        ms,
        "entities: [middle-corridor, china, azerbaijan]",
        "entities: [middle-corridor, china, azerbaijan, atlantis]",
    )
    l4 = edit(
        ms,
        "topics: [people-to-people]\n  entities: [azerbaijan, china]\n  sources:\n    - article: 2025-04-21-aliyev-xinhua-interview\n      quote: Last year, Azerbaijan",
        "topics: [people-to-people]\n  entities: [azerbaijan, china]\n  sources:\n    - article: no-such-article\n      quote: Last year, Azerbaijan",
    )
    page = project_copy / "content/pages/about.md"
    edit(page, "title: About this archive", "title: [About this archive")
    (project_copy / "content/articles/2025-05-01-lost.meta.yaml").write_text("kind: news\n")
    result = cli(cwd=project_copy)
    assert_clean_failure(result)
    found = problems_of(result.stderr)
    assert re.search(r"^archive-site: 6 errors in the content:$", result.stderr, re.MULTILINE)
    assert re.findall(r"^\s*(\d+)\. ", result.stderr, re.MULTILINE) == [
        "1",
        "2",
        "3",
        "4",
        "5",
        "6",
    ]
    joined = "\n".join(found)
    assert f"{MILESTONES}:{l1}: quote:" in joined
    assert f"{MILESTONES}:{l2}: date: interval '2019/2015' ends before it starts" in joined
    assert f"{MILESTONES}:{l3}: entities: unknown entity 'atlantis'" in joined
    assert f"{MILESTONES}:{l4 + 3}: article: unknown article 'no-such-article'" in joined
    assert "content/pages/about.md:3: YAML:" in joined
    assert "content/articles/2025-05-01-lost.meta.yaml: capture not found" in joined


def test_a_failed_build_leaves_the_previous_site_exactly_as_it_was(project_copy: Path) -> None:
    ok = run_cli(cwd=project_copy)
    assert ok.returncode == 0, ok.stderr
    before = tree_digest(project_copy / "dist")
    edit(project_copy / MILESTONES, "totaling 3.744 billion", "totaling 3.745 billion")
    result = run_cli(cwd=project_copy)
    assert_clean_failure(result)
    assert tree_digest(project_copy / "dist") == before
    leftovers = [p.name for p in project_copy.iterdir() if p.name.startswith(".dist.")]
    assert leftovers == []


def test_check_reports_the_same_problems_without_writing(project_copy: Path) -> None:
    line = edit(project_copy / MILESTONES, 'date: "2016"', 'date: "16"')
    result = cli("check", cwd=project_copy)
    assert result.returncode == 1
    assert problems_of(result.stderr) == [
        f"{MILESTONES}:{line}: date: expected YYYY, YYYY-MM or YYYY-MM-DD "
        "(optionally ending in ?, ~ or %), got '16'"
    ]
    assert not (project_copy / "dist").exists()


def test_strict_turns_warnings_into_failures(project_copy: Path) -> None:
    capture = project_copy / f"content/articles/{COMMENTARY}.capture.txt"
    capture.write_bytes(
        capture.read_bytes().replace(b"Madina Mammadova\\\\EDnews", b"Madina Mammadova EDnews")
    )
    meta = project_copy / f"content/articles/{COMMENTARY}.meta.yaml"
    edit(meta, "kind: opinion\n", "kind: opinion\noutlet: EDnews\n")
    lenient = cli("check", cwd=project_copy)
    assert lenient.returncode == 0, lenient.stderr
    assert "warning: no byline (Name\\Outlet) found" in lenient.stderr
    strict = cli("check", "--strict", cwd=project_copy)
    assert strict.returncode == 1
    assert "warning: no byline" in strict.stderr


def test_usage_errors_exit_2(project_copy: Path) -> None:
    result = run_cli("build", "--no-such-option", cwd=project_copy)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("date", "years"), [("0001/9998", "9,998"), ("1025/2025", "1,001")])
def test_a_milestone_spanning_over_a_hundred_years_is_a_warning_on_its_date(
    project_copy: Path, date: str, years: str
) -> None:
    milestones = project_copy / "content/milestones.yaml"
    line = edit(milestones, "date: 2019/2023", f"date: {date}")
    lenient = cli("check", cwd=project_copy)
    assert lenient.returncode == 0, lenient.stderr
    message = f"content/milestones.yaml:{line}: warning: date: {date} spans {years} years"
    assert message in lenient.stderr
    strict = cli("check", "--strict", cwd=project_copy)
    assert strict.returncode == 1 and message in strict.stderr
    # a century is no warning (2019/2023, the seed's, neither)
    edit(milestones, f"date: {date}", "date: 1925/2024")
    assert "spans" not in cli("check", "--strict", cwd=project_copy).stderr


def test_a_file_or_folder_the_build_does_not_read_is_a_warning(project_copy: Path) -> None:
    content = project_copy / "content"
    (content / "topic.yaml").write_text("- id: trade\n", encoding="utf-8")  # misspelt
    (content / "page").mkdir()
    (content / "notes.md").write_text("my notes\n", encoding="utf-8")
    (content / ".DS_Store").write_bytes(b"\0")  # hidden: never named
    lenient = cli("check", cwd=project_copy)
    assert lenient.returncode == 0, lenient.stderr
    held = (
        "the content folder holds site.yaml, entities.yaml, topics.yaml, milestones.yaml, "
        "articles/ and pages/"
    )
    for name, hint in (
        ("notes.md", ""),
        ("page", "did you mean pages/? "),
        ("topic.yaml", "did you mean topics.yaml? "),
    ):
        assert f"content/{name}: warning: not read by the build: {hint}{held}\n" in lenient.stderr
    assert ".DS_Store" not in lenient.stderr and "3 warnings" in lenient.stderr
    assert cli("check", "--strict", cwd=project_copy).returncode == 1


def test_a_file_in_the_templates_static_folder_the_site_does_not_publish_is_a_warning(
    project_copy: Path,
) -> None:
    """Only the site's four assets are copied from templates/static/: a logo put beside
    them (or a link, or a FIFO) was left out of the site without a word."""
    static = project_copy / "templates/static"
    (static / "logo.png").write_bytes(b"\x89PNG")
    (static / "fonts").mkdir()
    (static / ".DS_Store").write_bytes(b"\0")  # hidden, and an editor's backup: not named
    (static / "style.css~").write_bytes(b"old")
    lenient = cli("build", "-q", cwd=project_copy)
    assert lenient.returncode == 0, lenient.stderr
    copied = "style.css, timeline.js, search.js, moved.js and favicon.svg"
    for name in ("fonts", "logo.png"):
        told = f"templates/static/{name}: warning: not published: the build copies only {copied}"
        assert told in lenient.stderr
    assert "2 warnings" in lenient.stderr and "DS_Store" not in lenient.stderr
    assert not (project_copy / "dist/assets/logo.png").exists()
    assert cli("build", "-q", "--strict", cwd=project_copy).returncode == 1


def test_a_milestone_quoting_one_passage_twice_is_refused_on_the_second_quote(
    project_copy: Path,
) -> None:
    """The same passage twice (or a part of it) made "3 sources in 2 articles": more
    corroboration than the articles give."""
    quote = (
        "      quote: since the establishment of diplomatic relations on April 2, 1992, "
        "our bilateral cooperation has brought about many fruitful results\n"
    )
    line = edit(
        project_copy / MILESTONES,
        quote,
        quote + f"    - article: {INTERVIEW}\n      quote: diplomatic relations on April 2, 1992\n",
    )
    assert failed_build_problems(project_copy) == [
        f"{MILESTONES}:{line + 2}: quote: this quote lies within the one at line {line} "
        f"({INTERVIEW}, p3): one passage is one source; remove one of them"
    ]


def test_one_story_captured_twice_is_a_warning(project_copy: Path) -> None:
    """The same story saved again (other line ends) and added under another id was a second
    article without a word (audit 6)."""
    articles = project_copy / "content/articles"
    capture = (articles / f"{COMMENTARY}.capture.txt").read_bytes()
    (articles / "again.capture.txt").write_bytes(capture.replace(b"\n", b"\r\n"))
    (articles / "again.meta.yaml").write_bytes((articles / f"{COMMENTARY}.meta.yaml").read_bytes())
    result = cli("check", cwd=project_copy)
    assert result.returncode == 0, result.stderr
    assert (
        f"content/articles/again.capture.txt: warning: the same text as '{COMMENTARY}', of the "
        "same outlet, paragraph for paragraph: one story captured twice? Keep one: the site "
        "lists both, as two articles (the evidence counts them as one)"
    ) in result.stderr
    assert cli("check", "--strict", cwd=project_copy).returncode == 1
    # an update's prefix on the headline is the same story (review 15)
    meta = articles / "again.meta.yaml"
    kept = meta.read_text(encoding="utf-8")
    meta.write_text(
        kept
        + 'title: "UPDATE 1-The Azerbaijan-China strategic partnership is reaching a new stage"\noverrides: [title]\n',
        encoding="utf-8",
    )
    assert "one story captured twice" in cli("check", cwd=project_copy).stderr
    meta.write_text(kept, encoding="utf-8")
    # a version under another headline, kept on purpose, is none (review 13)
    meta = articles / "again.meta.yaml"
    meta.write_text(
        meta.read_text(encoding="utf-8") + 'title: "A new headline"\noverrides: [title]\n',
        encoding="utf-8",
    )
    again = cli("check", cwd=project_copy)
    assert again.returncode == 0 and "one story captured twice" not in again.stderr, again.stderr


def test_a_capture_of_too_many_paragraphs_is_refused(project_copy: Path) -> None:
    """A text of a million one-word lines took minutes and gigabytes to build, into a page no
    browser opens (audit 8): from the first paragraph beyond the most, it is an error."""
    folder = project_copy / "content/articles"
    lines = "\n\n".join(f"Line {n}." for n in range(1, 20_003))
    (folder / "2025-05-01-log.capture.txt").write_text(lines + "\n", encoding="utf-8")
    (folder / "2025-05-01-log.meta.yaml").write_text(
        "title: A log\npublished: 2025-05-01\noutlet: X\nkind: news\nformat: plain\n"
    )
    assert failed_build_problems(project_copy) == [
        "content/articles/2025-05-01-log.capture.txt:40001: more than 20,000 paragraphs: an "
        "article's page would be too large to open; split the text into several articles"
    ]


def test_a_link_to_a_record_with_a_problem_of_its_own_is_no_second_problem(
    project_copy: Path,
) -> None:
    """A milestone dropped for a wrong quote, or an article that did not load, was also
    "unknown" to every link naming it: 'link: unknown milestone' of a milestone that is
    there, a second, false problem for one slip."""
    ms = project_copy / MILESTONES
    quote_line = edit(ms, "totaling 3.744 billion", "totaling 3.745 billion")
    meta = project_copy / f"content/articles/{COMMENTARY}.meta.yaml"
    kind_line = edit(meta, "kind: opinion", "kind: column")
    page = project_copy / "content/pages/about.md"
    with page.open("a", encoding="utf-8") as f:
        f.write(
            "\nSee [the trade figures](milestone:trade-2024), [the commentary]"
            f"(article:{COMMENTARY}) and [a milestone never written](milestone:trade-2042).\n"
        )
    found = failed_build_problems(project_copy)
    assert any(p.startswith(f"{MILESTONES}:{quote_line}: quote:") for p in found)
    assert any(
        p.startswith(f"content/articles/{COMMENTARY}.meta.yaml:{kind_line}: kind:") for p in found
    )
    links = [p for p in found if ": link: " in p]
    assert links == [  # (the hint of 886ed14: the one likely meant)
        f"content/pages/about.md:{len(page.read_text().splitlines())}: link: unknown milestone "
        "'trade-2042' (did you mean 'milestone:trade-2024'?)"
    ]


def test_a_reference_to_an_entity_or_topic_with_a_problem_of_its_own_is_no_second_problem(
    project_copy: Path,
) -> None:
    """A typo in one entity's type left it out, and every record naming it was told
    "unknown entity" too: the interview naming it as interviewee failed to load, and each
    milestone naming it as speaker or entity (15 problems for one slip in the seed)."""
    entities = project_copy / "content/entities.yaml"
    type_line = (
        edit(
            entities,
            "- id: ilham-aliyev\n  name: Ilham Aliyev\n  type: person",
            "- id: ilham-aliyev\n  name: Ilham Aliyev\n  type: persn",
        )
        + 2
    )
    topics = project_copy / "content/topics.yaml"
    edit(topics, "- id: diplomacy\n  title: Diplomacy\n", "- id: diplomacy\n")
    page = project_copy / "content/pages/about.md"
    with page.open("a", encoding="utf-8") as f:
        f.write("\nSee [Aliyev](entity:ilham-aliyev) and [diplomacy](topic:diplomacy).\n")
    assert failed_build_problems(project_copy) == [
        f"content/entities.yaml:{type_line}: type: 'persn' is not one of: person, "
        "organisation, group, place, agreement, project, event, concept (did you mean "
        "'person'?)",
        "content/topics.yaml:2: topic: missing required key 'title'",
    ]
    # gone altogether (its lines made comments: no other entity moves), the entity is
    # unknown to each record naming it again
    text = entities.read_text(encoding="utf-8")
    start, end = text.index("- id: ilham-aliyev"), text.index("- id: xi-jinping")
    gone = "".join(f"# {line}" for line in text[start:end].splitlines(keepends=True))
    entities.write_text(text[:start] + gone + text[end:], encoding="utf-8")
    found = failed_build_problems(project_copy)
    meta = f"content/articles/{INTERVIEW}.meta.yaml:"
    unknown = "unknown entity 'ilham-aliyev' (see entities.yaml)"
    assert any(p.startswith(meta) and p.endswith(f"interviewee: {unknown}") for p in found)
    assert sum(p.startswith(f"{MILESTONES}:") and p.endswith(unknown) for p in found) >= 5


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        pytest.param(
            "content/entities.yaml",
            "- id: china\n  name: China\n  type: place",
            "- id: china\n  name: China\n\ttype: place",
            "YAML: found a tab character that violates indentation",
            id="a-tab-in-entities",
        ),
        pytest.param(
            "content/topics.yaml",
            "- id: trade\n  title: Trade and investment",
            "- id: trade\n   title: Trade and investment",
            "YAML: mapping values are not allowed in this context",
            id="an-indent-in-topics",
        ),
        pytest.param(
            MILESTONES,
            "- id: trade-2024\n",
            "- id: trade-2024\n   ",
            "YAML: ",
            id="an-indent-in-milestones",
        ),
    ],
)
def test_a_yaml_file_that_does_not_parse_is_one_problem_not_one_per_reference(
    project_copy: Path, file: str, old: str, new: str, message: str
) -> None:
    """A tab in entities.yaml was told, then every entity an article or a milestone names
    as 'unknown entity' (29 problems in a small archive, none of them true); so every topic
    for topics.yaml, and every milestone a page links to for milestones.yaml."""
    page = project_copy / "content/pages/about.md"
    with page.open("a", encoding="utf-8") as f:
        f.write("\nSee [the trade figures](milestone:trade-2024).\n")
    edit(project_copy / file, old, new)
    found = failed_build_problems(project_copy)
    assert len(found) == 1, found
    assert found[0].startswith(f"{file}:") and message in found[0], found
    # an article's own problem is told with it, the interview's entities no problem
    meta = project_copy / f"content/articles/{COMMENTARY}.meta.yaml"
    kind_line = edit(meta, "kind: opinion", "kind: column")
    found = failed_build_problems(project_copy)
    assert len(found) == 2, found
    assert any(p.startswith(f"{file}:") and message in p for p in found), found
    assert any(
        p.startswith(f"content/articles/{COMMENTARY}.meta.yaml:{kind_line}: kind:") for p in found
    )


def test_a_bad_link_is_told_on_the_line_it_is_written_on(project_copy: Path) -> None:
    """Hostile review 28: a link written across two lines ('[i](java' / 'script:...)') was
    told on the body's first line; '[m](/\\\\evil.example)' (Markdown reads '/\\evil') on the
    line of another link, '//evil.example', its backslash set aside to find it."""
    page = project_copy / "content/pages/about.md"
    first = len(page.read_text(encoding="utf-8").splitlines()) + 1
    with page.open("a", encoding="utf-8") as f:
        f.write(
            "\n[e](//evil.example/x)\n\n[i](java\nscript:alert(1))\n\n"
            "[m](/\\\\evil.example)\n\n[n](/\\evil.example)\n"
        )
    links = [p for p in failed_build_problems(project_copy) if ": link: " in p]
    lines = [int(p.split(":")[1]) for p in links]
    assert sorted(lines) == [first + 1, first + 3, first + 6, first + 8], links


def test_a_report_shows_two_hundred_problems_and_counts_the_others(project_copy: Path) -> None:
    """50,000 unknown keys printed 50,000 lines.  Past MOST_SHOWN (200) the report shows the
    first errors, then the first warnings, and counts the others; the summary line counts
    them all."""
    from archive_site.errors import MOST_SHOWN

    keys = "".join(f"  unknown-{n}: x\n" for n in range(300))
    edit(project_copy / "content/topics.yaml", "- id: trade\n", "- id: trade\n" + keys)
    (project_copy / "content/notes.txt").write_text("x", encoding="utf-8")  # a warning, first
    result = cli(cwd=project_copy)
    assert_clean_failure(result)
    found = problems_of(result.stderr)
    assert len(found) == MOST_SHOWN == 200
    assert all("unknown key" in p for p in found)  # the errors before the warning
    assert "archive-site: 300 errors and 1 warning in the content:" in result.stderr
    assert "\n... and 100 errors and 1 warning more, not shown: fix these, then run again\n" in (
        result.stderr
    )


def test_a_field_too_long_to_be_one_is_an_error_saying_the_way_out(project_copy: Path) -> None:
    """A page whose whole text was taken for its title (hostile61: a title or an address of
    1 MB) was accepted and repeated on every list of the site: a one-line field of more than
    2,000 characters is a misreading, told where it was written (with the way out, when the
    capture gave it)."""
    folder = project_copy / "content/articles"
    headline = "Ferry " * 400  # 2,399 characters once stripped
    (folder / "2025-04-23-ferry.md").write_text(
        f"---\ntitle: {headline}\npublished: 2025-04-23\noutlet: Port News\nkind: news\n"
        f"author: {'Jane Roe, ' * 250}\n---\n\nThe ferry line opened.\n",
        encoding="utf-8",
    )
    page = (
        f"<!DOCTYPE html><html><head><title>{headline}</title></head><body><article>"
        f"<h1>{headline}</h1><p>The ferry line opened on Tuesday, the port said.</p>"
        "<p>It carries trucks and grain.</p></article></body></html>"
    )
    (folder / "2025-04-24-page.capture.html").write_text(page, encoding="utf-8")
    (folder / "2025-04-24-page.meta.yaml").write_text(
        "outlet: Port News\nkind: news\npublished: 2025-04-24\n", encoding="utf-8"
    )
    much = "longer than a line of a record may be (at most 2,000)"
    assert failed_build_problems(project_copy) == [
        f"content/articles/2025-04-23-ferry.md:2: title: 2,399 characters, {much}",
        f"content/articles/2025-04-23-ferry.md:6: author: 2,499 characters, {much}",
        f"content/articles/2025-04-24-page.capture.html:1: title: 2,399 characters, {much} "
        "(the capture is never edited: if it is misread, write 'title:' with the right value "
        "in content/articles/2025-04-24-page.meta.yaml, and 'overrides: [title]')",
    ]
    # the way out, as told: the metadata's own title
    meta = folder / "2025-04-24-page.meta.yaml"
    meta.write_text(
        meta.read_text(encoding="utf-8") + "title: Ferry line opens\noverrides: [title]\n",
        encoding="utf-8",
    )
    (folder / "2025-04-23-ferry.md").unlink()
    assert cli("check").returncode == 0


def test_a_message_quoting_a_value_of_a_megabyte_shows_its_start_and_end(
    project_copy: Path,
) -> None:
    """A ``kind:`` of 1 MB was quoted back whole: a megabyte of report for one mistake (and
    in every page ``serve`` showed). A message is shown to about 2,000 characters: its start,
    how much is left out, and its end, which says what was expected."""
    meta = project_copy / f"content/articles/{COMMENTARY}.meta.yaml"
    line = edit(meta, "kind: opinion\n", f"kind: {'opinion' * 150_000}\n")
    (problem, _) = failed_build_problems(project_copy)
    assert problem.startswith(f"content/articles/{COMMENTARY}.meta.yaml:{line}: kind: 'opinion")
    assert "[... 1,048,048 characters not shown ...]" in problem
    assert problem.endswith("opinion' is not one of: news, interview, opinion")
    assert len(problem) < 2_200
