"""The loader knows the targets of exactly the internal link schemes urls resolves."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive_site import urls
from archive_site.errors import Problems
from archive_site.load.links import known_targets
from bounds import within
from records import article, milestone, source


def test_known_targets_cover_every_internal_scheme() -> None:
    arts = [article("a", "2023-05-01")]
    ms = [milestone("m", "2019/2021", sources=(source("a"),))]
    known = known_targets(arts, ms, [], [], [])
    assert list(known) == list(urls.INTERNAL_SCHEMES)
    assert known["year"] == {"2019", "2020", "2021", "2023"}
    assert known["article"] == {"a"}
    assert known["milestone"] == {"m"}
    assert known["site"] == urls.SITE_TARGETS


def test_a_page_of_many_bad_links_is_read_once_to_tell_their_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hostile review 28: a page of 10,000 bad links read its file again for each, to find
    the link's line, and counted its lines from the first each time (6 s; 16 s once links
    were looked for over a line's end): it is read once; each link told on its own line."""
    from archive_site.load import links

    page = tmp_path / "many.md"
    body = "".join(f"[x](javascript:{i % 3})\n\n" for i in range(1000))
    page.write_text("---\ntitle: t\n---\n\n" + body, encoding="utf-8")
    reads: list[Path] = []
    real = links.read_bytes

    def counted(path: Path) -> bytes:
        reads.append(path)
        return real(path)

    monkeypatch.setattr(links, "read_bytes", counted)
    problems = Problems()
    links.check_links(body, page, 5, known_targets([], [], [], [], []), problems)
    lines = [d.line for d in problems.errors]
    assert lines == [5 + 2 * n for n in range(1000)]
    assert len(reads) == 1


def test_a_bad_link_written_with_a_tab_is_told_on_its_own_line(tmp_path: Path) -> None:
    """Hostile review 31: Markdown reads a tab as spaces to the next tab stop, so a link
    ``[k](java<tab>script:x)`` was not found as written in the file and was told on its
    text's first line (a page's line 5 for a link on line 8)."""
    from archive_site.load import links

    page = tmp_path / "tab.md"
    body = "Line five.\n\nSeven.\n\nLine nine [k](java\tscript:alert(1)) and [m](a\t\tb c) end.\n"
    page.write_text("---\ntitle: t\n---\n\n" + body, encoding="utf-8")
    problems = Problems()
    links.check_links(body, page, 5, known_targets([], [], [], [], []), problems)
    assert [d.line for d in problems.errors] == [9, 9]


def test_a_bad_link_written_twice_on_one_line_is_told_there_twice(tmp_path: Path) -> None:
    """Hostile review 31: the second of two equal bad links on one line was looked for from
    the next line on, and told on the line of the next one after it, or past the file's
    end (a page of 10 lines told a link on line 11)."""
    from archive_site.load import links

    page = tmp_path / "twice.md"
    body = "A [a](javascript:x) and [b](javascript:x).\n\nSeven.\n\nNine [c](javascript:x)\n"
    page.write_text("---\ntitle: t\n---\n\n" + body, encoding="utf-8")
    problems = Problems()
    links.check_links(body, page, 5, known_targets([], [], [], [], []), problems)
    assert [d.line for d in problems.errors] == [5, 5, 9]


def test_a_link_to_no_record_names_the_one_likely_meant() -> None:
    """``entity:alatt``, ``milestone:alat-secnd-berth``, ``site:timeline`` were told only
    "unknown ..." (flow56): a close spelling of a record of the kind, or the site's file
    with its ``.html``, is named."""
    from archive_site.urls import LinkError, resolve_link

    known = {
        "entity": {"alat", "china"},
        "milestone": {"alat-second-berth"},
        "topic": {"transport"},
        "site": set(urls.SITE_TARGETS),
    }
    told = {}
    for href in ("entity:alatt", "milestone:alat-secnd-berth", "topic:trade", "site:timeline"):
        with pytest.raises(LinkError) as caught:
            resolve_link(href, known)
        told[href] = str(caught.value)
    assert told["entity:alatt"] == "unknown entity 'alatt' (did you mean 'entity:alat'?)"
    assert told["milestone:alat-secnd-berth"] == (
        "unknown milestone 'alat-secnd-berth' (did you mean 'milestone:alat-second-berth'?)"
    )
    assert told["topic:trade"] == "unknown topic 'trade'"
    assert told["site:timeline"].startswith(
        "unknown site 'timeline' (did you mean 'site:timeline.html'? one of: articles/index.html, "
    )


def test_a_relative_path_to_a_page_of_the_site_is_told_its_internal_link() -> None:
    """``about.html`` and ``timeline.html`` as a newcomer links them (flow56): the
    ``page:`` or ``site:`` link to write; a path to nothing of the site gets no guess."""
    from archive_site.urls import LinkError, resolve_link

    known = {"page": {"about", "method"}, "site": set(urls.SITE_TARGETS)}
    ends = {}
    for href in ("about.html", "pages/method.md", "timeline.html", "other.html"):
        with pytest.raises(LinkError) as caught:
            resolve_link(href, known)
        ends[href] = str(caught.value).rpartition(" URL")[2]
    assert ends == {
        "about.html": " (write it 'page:about')",
        "pages/method.md": " (write it 'page:method')",
        "timeline.html": " (write it 'site:timeline.html')",
        "other.html": "",
    }


def test_a_heading_in_a_milestone_summary_is_an_error_on_its_line(small_copy: Path) -> None:
    """Hostile review 58: a summary's ``# ...`` (or a line under one of ``-``) was an
    ``<h1>`` (``<h2>``) inside the milestone's entry on the timeline, year and topic pages,
    under the entry's own ``<h3>`` title. It is an error on its line, in a folded block and
    in a literal one (whose text starts below its key); a rule after a blank line, a
    table's dashes and a list are none."""
    from conftest import cli

    path = small_copy / "content/milestones.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  summary: >-\n") + len("  summary: >-\n")
    end = text.index("\n  topics:", start) + 1
    folded = text[:start] + "    # Diplomatic relations.\n    Both sides agreed.\n" + text[end:]
    path.write_text(folded, encoding="utf-8")
    result = cli("check")
    line = folded[:start].count("\n") + 1
    assert result.returncode == 1
    assert f"content/milestones.yaml:{line}: summary: a heading" in result.stderr
    literal = (
        text[: start - 3]
        + "|\n    Ports opened.\n\n    ***\n\n    | a | b |\n    |---|---|\n    | 1 | 2 |\n\n"
        + "    - one\n    - two\n\n    Setext\n    ------\n"
        + text[end:]
    )
    path.write_text(literal, encoding="utf-8")
    result = cli("check")
    line = literal[: literal.index("    Setext\n")].count("\n") + 1
    told = [x for x in result.stderr.splitlines() if "summary: a heading" in x]
    assert len(told) == 1 and f"content/milestones.yaml:{line}: summary" in told[0]


@pytest.mark.parametrize(
    "text",
    ["a" * 1_000_000, "a " * 1_000_000, " " * 1_000_000 + "x", "T\n-" + " " * 1_000_000 + "x"],
)
def test_a_summary_is_looked_through_for_headings_in_linear_time(text: str) -> None:
    """A line of a million characters was tried for a heading's underline from each of its
    characters (a line of 20,000 in 0.25 s: hours for a million)."""
    from archive_site.mdtext import heading_at

    with within(1.0):
        assert heading_at(text) is None


def test_a_bad_link_that_begins_another_link_is_told_on_its_own_line(tmp_path: Path) -> None:
    """A bad link was looked for as any text: ``[b](https:)`` on line 9 was told on line 5,
    where ``[a](https://user@example.org/)`` begins with its text (so ``https://`` and
    ``page:abou``); it is looked for as a link's whole target first."""
    from archive_site.load import links

    page = tmp_path / "prefix.md"
    body = (
        "A [a](https://example.org/) and <https://example.org/x>.\n\nSeven [p](page:about).\n\n"
        "Nine [b](https:) and [c](https://).\n\nEleven [e](page:abou)\n"
    )
    page.write_text("---\ntitle: t\n---\n\n" + body, encoding="utf-8")
    problems = Problems()
    links.check_links(body, page, 5, known_targets([], [], [], [], []), problems)
    assert sorted(d.line for d in problems.errors) == [7, 9, 9, 11]


@pytest.mark.parametrize(
    "href",
    ["https://user:secret@example.org/", "https://example.org@evil.example/x", "http://a@b.c"],
)
def test_a_link_with_a_user_name_or_password_is_refused(href: str) -> None:
    """A page's ``[x](https://user:secret@example.org/)`` was published as it was: its
    password on the page, and ``https://example.org@evil.example/`` leads a reader to
    evil.example (a metadata file's ``url:`` was refused so already)."""
    from archive_site.urls import LinkError, resolve_link

    with pytest.raises(LinkError, match=r"has a user name or password \(before the '@' of"):
        resolve_link(href)
    assert resolve_link("mailto:jane@example.org") == ("mailto:jane@example.org", False)


def test_a_link_of_other_characters_than_ascii_is_told_the_url_to_write() -> None:
    """``https://report.az/a/saziş/`` (as an address bar shows it) and a host in another
    script were told "a URL has a host and no spaces, quotes or angle brackets", which
    they have; the message now gives the URL to write, its host in IDNA: a host of a
    Cyrillic "а" among Latin letters shows so as what it is."""
    from archive_site.urls import LinkError, resolve_link

    told = {}
    for href in ("https://report.az/a/saziş/", "https://президент.рф/", "https://аpple.com/"):
        with pytest.raises(LinkError) as caught:
            resolve_link(href)
        told[href] = str(caught.value).rpartition("write it ")[2]
    assert told == {
        "https://report.az/a/saziş/": "'https://report.az/a/sazi%C5%9F/'",
        "https://президент.рф/": "'https://xn--d1abbgf6aiiy.xn--p1ai/'",
        "https://аpple.com/": "'https://xn--pple-43d.com/'",
    }
