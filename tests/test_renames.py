"""An archive kept for a year: ids renamed, records merged, and the old addresses.

A record renamed (or merged into another) keeps its old id under ``former_ids``: the build
writes a page at the old address that sends the reader on, and every reference still
written with the old id is an error that says what to write instead.
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import cli, edit
from test_bad_input import assert_clean_failure, problems_of

ENTITIES = Path("content/entities.yaml")
TOPICS = Path("content/topics.yaml")
MILESTONES = Path("content/milestones.yaml")
ABOUT = Path("content/pages/about.md")


def _check_problems() -> list[str]:
    result = cli("check")
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    return problems_of(result.stderr)


def test_an_entity_renamed_is_named_by_its_name_in_each_reference(small_copy: Path) -> None:
    """'xi-jinping' renamed 'xi': each milestone naming the old id is told, on its line, of
    the entity whose name the old id spells."""
    edit(ENTITIES, "- id: xi-jinping\n", "- id: xi\n")
    line = edit(MILESTONES, "xi-jinping", "xi-jinping")
    problems = _check_problems()
    assert (
        f"content/milestones.yaml:{line}: entities: unknown entity 'xi-jinping' (did you mean "
        "'xi'? 'xi-jinping' is one of its names written as an id; see entities.yaml)"
    ) in problems
    assert all("xi-jinping" in p for p in problems)


def test_an_entity_merged_into_another_names_the_one_that_has_its_name(
    project_copy: Path,
) -> None:
    """Astana merged into Kazakhstan (its name now one of Kazakhstan's aliases): a milestone
    still naming 'astana' is sent to 'kazakhstan', not to 'sco-summit-astana-2024', the id
    of which 'astana' is a part."""
    edit(
        ENTITIES,
        "- id: astana\n  name: Astana\n  type: place\n"
        "  description: Where the 24th SCO summit was held in July 2024.\n",
        "",
    )
    edit(ENTITIES, "aliases: [Republic of Kazakhstan]", "aliases: [Republic of Kazakhstan, Astana]")
    problems = _check_problems()
    assert problems
    for problem in problems:
        assert problem.endswith(
            "entities: unknown entity 'astana' (did you mean 'kazakhstan'? 'astana' is one of "
            "its names written as an id; see entities.yaml)"
        ), problem


def test_a_former_id_left_in_a_reference_says_what_to_write(project_copy: Path) -> None:
    """An entity, a topic and a milestone renamed, each with its old id under former_ids: a
    reference to the old id stays an error, and says the id to write."""
    edit(ENTITIES, "- id: xi-jinping\n", "- id: xi\n  former_ids: [xi-jinping]\n")
    edit(TOPICS, "- id: transport\n", "- id: logistics\n  former_ids: [transport]\n")
    edit(
        MILESTONES,
        "- id: diplomatic-relations-established\n",
        "- id: relations-established\n  former_ids: [diplomatic-relations-established]\n",
    )
    text = ABOUT.read_text(encoding="utf-8")
    ABOUT.write_text(
        text + "\nSee [the start](milestone:diplomatic-relations-established) and "
        "[transport](topic:transport).\n",
        encoding="utf-8",
    )
    problems = _check_problems()
    assert any(
        p.endswith(
            "entities: unknown entity 'xi-jinping' ('xi-jinping' is a former id of 'xi', in "
            "its 'former_ids': write 'xi'; see entities.yaml)"
        )
        for p in problems
    )
    assert any(
        p.endswith(
            "topics: unknown topic 'transport' ('transport' is a former id of 'logistics', in "
            "its 'former_ids': write 'logistics'; see topics.yaml)"
        )
        for p in problems
    )
    assert any(
        p.endswith(
            "link: unknown milestone 'diplomatic-relations-established' "
            "('diplomatic-relations-established' is a former id of 'relations-established', "
            "in its 'former_ids': write 'milestone:relations-established')"
        )
        for p in problems
    )
    assert any(
        p.endswith(
            "link: unknown topic 'transport' ('transport' is a former id of 'logistics', "
            "in its 'former_ids': write 'topic:logistics')"
        )
        for p in problems
    )


def test_a_former_id_keeps_its_old_address_working(small_copy: Path) -> None:
    """The old address of a renamed record holds a page that sends the reader on (and tells
    search engines the new address), listed in no sitemap and indexed by no search."""
    edit(ENTITIES, "- id: xi-jinping\n", "- id: xi\n  former_ids: [xi-jinping]\n")
    text = MILESTONES.read_text(encoding="utf-8")
    MILESTONES.write_text(re.sub(r"\bxi-jinping\b", "xi", text), encoding="utf-8")
    edit(
        MILESTONES,
        "- id: diplomatic-relations-established\n",
        "- id: relations-established\n  former_ids: [diplomatic-relations-established]\n",
    )
    result = cli("-q", "--base-url", "https://example.org/archive/")
    assert result.returncode == 0, result.stderr
    old = Path("dist/entities/xi-jinping.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=xi.html">' in old
    assert '<link rel="canonical" href="https://example.org/archive/entities/xi.html">' in old
    assert '<meta name="robots" content="noindex">' in old
    assert "<h1>Xi Jinping</h1>" in old
    assert 'This page has moved to <a href="xi.html">Xi Jinping</a>.' in old
    assert Path("dist/entities/xi.html").is_file()
    milestone = Path("dist/milestones/diplomatic-relations-established.html").read_text(
        encoding="utf-8"
    )
    assert 'url=relations-established.html"' in milestone
    sitemap = Path("dist/sitemap.xml").read_text(encoding="utf-8")
    assert "entities/xi.html" in sitemap
    assert "xi-jinping" not in sitemap
    assert "diplomatic-relations-established" not in sitemap
    assert "data-pagefind-body" not in old


def test_a_former_id_that_cannot_be_one_is_told_on_its_line(small_copy: Path) -> None:
    """A former id that is no id, the record's own, another record's id now, or another
    record's former id too: each an error, and nothing is written."""
    line = edit(
        ENTITIES,
        "- id: xi-jinping\n",
        "- id: xi-jinping\n  former_ids: [Xi_Old, xi-jinping, index, xi]\n",
    )
    china = edit(ENTITIES, "- id: china\n", "- id: china\n  former_ids: [xi, ilham-aliyev]\n")
    aliyev = ENTITIES.read_text(encoding="utf-8").splitlines().index("- id: ilham-aliyev") + 1
    result = cli()
    assert_clean_failure(result)
    assert problems_of(result.stderr) == [
        f"content/entities.yaml:{line + 1}: former_ids: 'Xi_Old' is not a valid id (lower-case "
        "letters, digits and hyphens, e.g. 'xi-old')",
        f"content/entities.yaml:{line + 1}: former_ids: 'xi-jinping' is the entity's own id: "
        "list only the ids it had before",
        f"content/entities.yaml:{line + 1}: former_ids: 'index' would put its page at "
        "entities/index.html, the site's own page: choose another id",
        f"content/entities.yaml:{china + 1}: former_ids: 'xi' is already a former id of "
        f"'xi-jinping' (line {line + 1}): its old page can send readers on to one entity only",
        f"content/entities.yaml:{china + 1}: former_ids: 'ilham-aliyev' is the id of the entity on "
        f"line {aliyev}: no id in use is a former id (both pages would be at one address)",
    ]


INTERVIEW_ID = "2025-04-21-aliyev-xinhua-interview"
NEW_ID = "2025-04-21-xinhua-interview"


def _rename_article(old: str, new: str) -> Path:
    """The article ``old``'s files renamed ``new``, its old id kept under former_ids; the
    new metadata file."""
    articles = Path("content/articles")
    (articles / f"{old}.capture.txt").rename(articles / f"{new}.capture.txt")
    meta = articles / f"{new}.meta.yaml"
    (articles / f"{old}.meta.yaml").rename(meta)
    with meta.open("a", encoding="utf-8") as f:
        f.write(f"former_ids: [{old}]\n")
    return meta


def test_an_article_renamed_is_told_in_each_source_and_response(project_copy: Path) -> None:
    """An article's files renamed, its old id under former_ids: every milestone source, every
    responds_to and every link still naming the old id is told the new one."""
    _rename_article(INTERVIEW_ID, NEW_ID)
    text = ABOUT.read_text(encoding="utf-8")
    ABOUT.write_text(text + f"\nSee [the interview](article:{INTERVIEW_ID}).\n", encoding="utf-8")
    problems = _check_problems()
    said = f"'{INTERVIEW_ID}' is a former id of '{NEW_ID}', in its 'former_ids': write"
    assert len(problems) > 40
    assert all(f"unknown article '{INTERVIEW_ID}' ({said}" in p for p in problems), problems
    assert any(p.startswith("content/milestones.yaml:") and "article: " in p for p in problems)
    assert any(".meta.yaml:14: responds_to: " in p for p in problems)
    assert any(p.endswith(f"{said} 'article:{NEW_ID}')") for p in problems)


def test_an_article_renamed_keeps_its_old_address_and_its_paragraphs(small_copy: Path) -> None:
    """The old page of a renamed article sends the reader on to the same paragraph (the
    script carries the '#p3' a citation links to; the refresh, where no script runs)."""
    _rename_article(INTERVIEW_ID, NEW_ID)
    for path in [MILESTONES, *Path("content/articles").glob("*.meta.yaml")]:
        text = path.read_text(encoding="utf-8")
        kept = text.replace(f"former_ids: [{INTERVIEW_ID}]", "@@")
        path.write_text(
            kept.replace(INTERVIEW_ID, NEW_ID).replace("@@", f"former_ids: [{INTERVIEW_ID}]"),
            encoding="utf-8",
        )
    result = cli("-q")
    assert result.returncode == 0, result.stderr
    old = Path(f"dist/articles/{INTERVIEW_ID}.html").read_text(encoding="utf-8")
    script = f'<script src="../assets/moved.js" data-to="{NEW_ID}.html"></script>'
    assert script in old
    assert (Path("dist/assets/moved.js")).read_text(encoding="utf-8").count("location.hash") == 1
    assert f'<meta http-equiv="refresh" content="0; url={NEW_ID}.html">' in old
    assert "Ilham Aliyev&#39;s interview with Xinhua News Agency</a>" in old
    assert Path(f"dist/articles/{NEW_ID}.html").is_file()


def test_an_article_former_id_in_use_is_told_in_its_metadata(project_copy: Path) -> None:
    """An article's former id that is another article's id now: an error naming both files."""
    meta = Path(f"content/articles/{INTERVIEW_ID}.meta.yaml")
    other = "2025-04-23-ednews-strategic-partnership-new-stage"
    with meta.open("a", encoding="utf-8") as f:
        f.write(f"former_ids: [{other}]\n")
    result = cli("check")
    assert result.returncode == 1
    line = len(meta.read_text(encoding="utf-8").splitlines())
    assert problems_of(result.stderr) == [
        f"{meta.as_posix()}:{line}: former_ids: '{other}' is the id of the article "
        f"content/articles/{other}.meta.yaml: no id in use is a former id (both pages would "
        "be at one address)"
    ]


def test_a_renamed_article_keeps_its_atom_entry_id(small_copy: Path) -> None:
    """An Atom entry's id must never change: a renamed article's keeps its first former
    id's address (else every feed reader shows the article again as new); its link is the
    new page."""
    _rename_article(INTERVIEW_ID, NEW_ID)
    for path in [MILESTONES, *Path("content/articles").glob("*.meta.yaml")]:
        text = path.read_text(encoding="utf-8").replace(f"former_ids: [{INTERVIEW_ID}]", "@@")
        text = text.replace(INTERVIEW_ID, NEW_ID).replace("@@", f"former_ids: [{INTERVIEW_ID}]")
        path.write_text(text, encoding="utf-8")
    assert cli("-q", "--base-url", "https://example.org/a/").returncode == 0
    feed = Path("dist/feed.xml").read_text(encoding="utf-8")
    assert f"<id>https://example.org/a/articles/{INTERVIEW_ID}.html</id>" in feed
    assert f'href="https://example.org/a/articles/{NEW_ID}.html"/>' in feed
    assert f"<id>https://example.org/a/articles/{NEW_ID}.html</id>" not in feed


def test_a_milestone_former_id_in_use_is_told_on_its_line_cached_or_not(
    small_copy: Path,
) -> None:
    """The milestones read again and those taken from the record cache are told alike, on the
    line of the former id."""
    first = (
        MILESTONES.read_text(encoding="utf-8")
        .splitlines()
        .index("- id: diplomatic-relations-established")
    )
    line = edit(
        MILESTONES,
        "- id: aliyev-working-visit-2014\n",
        "- id: aliyev-working-visit-2014\n  former_ids:\n    - working-visit\n"
        "    - diplomatic-relations-established\n",
    )
    told = (
        f"content/milestones.yaml:{line + 3}: former_ids: 'diplomatic-relations-established' is "
        f"the id of the milestone on line {first + 1}: no id in use is a former id (both pages "
        "would be at one address)"
    )
    for _ in range(2):  # the second check takes the milestones from the record cache
        assert _check_problems() == [told]


def _rename_about(front: str) -> Path:
    """content/pages/about.md renamed method.md, ``front`` added to its front matter."""
    method = Path("content/pages/method.md")
    ABOUT.rename(method)
    text = method.read_text(encoding="utf-8")
    method.write_text(text.replace("---\n", f"---\n{front}", 1), encoding="utf-8")
    return method


def test_a_page_renamed_keeps_its_old_address(small_copy: Path) -> None:
    """A hand-written page renamed (its file's name is its id): a link to its old id is
    told the new one, and the old address leads to the new page."""
    method = _rename_about("former_ids: [about]\n")
    note = Path("content/pages/note.md")
    note.write_text(
        "---\ntitle: Note\ndescription: A note.\n---\n\nSee [how](page:about).\n", encoding="utf-8"
    )
    assert _check_problems() == [
        "content/pages/note.md:6: link: unknown page 'about' ('about' is a former id of "
        "'method', in its 'former_ids': write 'page:method')"
    ]
    note.unlink()
    result = cli("-q")
    assert result.returncode == 0, result.stderr
    old = Path("dist/about.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=method.html">' in old
    assert Path("dist/method.html").is_file()
    assert "about.html" not in Path("dist/sitemap.xml").read_text(encoding="utf-8")
    assert method.is_file()


def test_a_page_former_id_that_cannot_be_one_is_told_on_its_line(small_copy: Path) -> None:
    """A page's former id that is the site's own page (index.html, 404.html) or another
    page's name now: each an error on its line of the front matter."""
    Path("content/pages/other.md").write_text(
        "---\ntitle: Other\ndescription: Another page.\n---\n\nText.\n", encoding="utf-8"
    )
    _rename_about("former_ids:\n  - index\n  - '404'\n  - other\n")
    assert _check_problems() == [
        "content/pages/method.md:3: former_ids: 'index' would put its page at index.html, the "
        "site's own page: choose another id",
        "content/pages/method.md:4: former_ids: '404' is the name of one of the site's own pages",
        "content/pages/method.md:5: former_ids: 'other' is the page content/pages/other.md: no "
        "page's name now is a former id",
    ]


def test_a_menu_naming_a_page_by_its_former_id_is_told_the_new_one(small_copy: Path) -> None:
    _rename_about("former_ids: [about]\n")
    site = Path("content/site.yaml")
    site.write_text(site.read_text(encoding="utf-8") + "menu: [about]\n", encoding="utf-8")
    line = len(site.read_text(encoding="utf-8").splitlines())
    assert _check_problems() == [
        f"content/site.yaml:{line}: menu: no page 'about' (there is no pages/about.md; 'about' "
        "is a former id of 'method', in its 'former_ids': write 'method')"
    ]


def test_a_markdown_article_former_id_in_error_is_told_on_its_line(small_copy: Path) -> None:
    """Hostile review 58: a Markdown article's former id that is another article's id now
    was told with no line (its metadata's line was looked for only in a ``.meta.yaml``
    file), and its own id listed was "the front matter's own id"."""
    Path("content/articles/2025-05-01-note.md").write_text(
        "---\ntitle: A note\noutlet: Field Notes\npublished: 2025-05-01\nkind: news\n"
        "former_ids:\n  - 2025-04-21-aliyev-xinhua-interview\n  - 2025-05-01-note\n---\n\n"
        "The port will close in July, the ministry said.\n",
        encoding="utf-8",
    )
    problems = _check_problems()
    assert problems == [
        "content/articles/2025-05-01-note.md:8: former_ids: '2025-05-01-note' is its own id: "
        "list only the ids it had before",
        "content/articles/2025-05-01-note.md:7: former_ids: '2025-04-21-aliyev-xinhua-interview' "
        "is the id of the article content/articles/2025-04-21-aliyev-xinhua-interview.meta.yaml: "
        "no id in use is a former id (both pages would be at one address)",
    ]
